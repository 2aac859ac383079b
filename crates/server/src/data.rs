//! What the server screens against: the active snapshots, loaded into
//! matchers, one per dataset, swapped whole when the store changes.
//!
//! # Datasets
//!
//! A dataset name in a path (`/match/{dataset}`) selects sources:
//!
//! | name | sources |
//! |---|---|
//! | `default` (also `sanctions`) | every loaded source |
//! | `ofac` | `ofac` (SDN) and `ofac-cons` (the non-SDN consolidated list): both are OFAC sanctions |
//! | `ofac-sdn` (also `us_ofac_sdn`) | `ofac` only |
//! | `uk` | `uk` (FCDO UK Sanctions List) and `uk-ofsi` (the OFSI consolidated list) |
//! | `un` (also `un_sc_sanctions`), `eu` (also `eu_fsf`), `opensanctions` | that source |
//! | any other loaded source name (`ofac-cons`, `uk-ofsi`, ...) | that source (yente names `us_ofac_cons`, `gb_hmt_sanctions`, `gb_fcdo_sanctions` too) |
//!
//! A known name whose sources are not loaded, and an unknown name, are 404s.

use arc_swap::ArcSwapOption;
use interdict_matcher::{Matcher, TokenTable};
use interdict_model::Entity;
use interdict_store::{SnapshotInfo, Store, StoreError, TOKEN_TABLE};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Groups of sources with a name of their own, and their titles.
const GROUPS: &[(&str, &str, &[&str])] = &[
    (
        "ofac",
        "US OFAC sanctions (SDN and consolidated non-SDN lists)",
        &["ofac", "ofac-cons"],
    ),
    (
        "ofac-sdn",
        "US OFAC Specially Designated Nationals",
        &["ofac"],
    ),
    (
        "uk",
        "UK sanctions (FCDO UK Sanctions List and OFSI consolidated list)",
        &["uk", "uk-ofsi"],
    ),
];

/// Other names (yente's dataset names among them) for datasets.
const ALIASES: &[(&str, &str)] = &[
    ("sanctions", "default"),
    ("all", "default"),
    ("us_ofac_sdn", "ofac-sdn"),
    ("us_ofac_cons", "ofac-cons"),
    ("un_sc_sanctions", "un"),
    ("eu_fsf", "eu"),
    ("gb_hmt_sanctions", "uk-ofsi"),
    ("gb_fcdo_sanctions", "uk"),
    ("us_trade_csl", "us-csl"),
];

/// Titles of single sources.
fn source_title(source: &str) -> String {
    match source {
        "un" => "UN Security Council Consolidated List".into(),
        "ofac" => "US OFAC Specially Designated Nationals (SDN) list".into(),
        "ofac-cons" => "US OFAC Consolidated (non-SDN) list".into(),
        "eu" => "EU Financial Sanctions Files (consolidated list)".into(),
        "uk" => "UK Sanctions List (FCDO)".into(),
        "uk-ofsi" => "UK OFSI Consolidated List".into(),
        "opensanctions" => {
            "OpenSanctions entities (FollowTheMoney, nested targets or simplified CSV)".into()
        }
        "us-csl" => "US Trade Consolidated Screening List".into(),
        other => format!("List {other}"),
    }
}

/// One dataset: a set of sources and the matcher over their entities.
pub struct Dataset {
    /// Its name (`default`, `ofac`, `un`, ...).
    pub name: String,
    /// Its title.
    pub title: String,
    /// The loaded sources it holds.
    pub sources: Vec<String>,
    /// The matcher over their entities.
    pub matcher: Arc<Matcher>,
}

/// Everything loaded from one set of active snapshots.
pub struct Loaded {
    /// The active snapshots, by id.
    pub snapshots: Vec<SnapshotInfo>,
    /// Their ids, sorted: what the reloader compares.
    pub snapshot_ids: Vec<i64>,
    /// Datasets by name (aliases not included).
    pub datasets: BTreeMap<String, Arc<Dataset>>,
    /// Position of every entity in the `default` dataset's matcher.
    pub by_id: HashMap<String, usize>,
    /// When this was loaded (RFC 3339).
    pub loaded_at: String,
    /// How long loading and indexing took.
    pub load_time: Duration,
    /// What the store said of its token table when this was loaded
    /// ([`Store::derived_written_at`]): when the matcher could not use it
    /// (an import stores the table after its snapshot), a newer one is
    /// worth a reload.
    pub token_table_seen: Option<String>,
    /// The scanner and vessel index, built on first use.
    pub(crate) extras: crate::extra::Extras,
}

/// Why a dataset name did not resolve.
pub enum DatasetError {
    /// Nothing is loaded yet (or the store is empty).
    NotLoaded,
    /// The name is known but none of its sources is loaded.
    Empty(String),
    /// The name is unknown.
    Unknown(String),
}

impl Loaded {
    /// Whether the matcher of all the lists reads the stored token table.
    pub fn reads_token_table(&self) -> bool {
        self.datasets
            .get("default")
            .is_some_and(|d| d.matcher.has_token_table())
    }

    /// The `default` matcher (all entities), if anything is loaded.
    pub fn all(&self) -> Option<&Arc<Dataset>> {
        self.datasets.get("default")
    }

    /// The number of entities loaded.
    pub fn entity_count(&self) -> usize {
        self.all().map_or(0, |d| d.matcher.entities().len())
    }

    /// An entity by id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        let i = *self.by_id.get(id)?;
        self.all()?.matcher.entities().get(i)
    }

    /// The active snapshot of a source.
    pub fn snapshot_of(&self, source: &str) -> Option<&SnapshotInfo> {
        self.snapshots.iter().find(|s| s.source == source)
    }

    /// Resolves a dataset name (case-insensitive; aliases accepted).
    pub fn dataset(&self, name: &str) -> Result<&Arc<Dataset>, DatasetError> {
        let lower = name.trim().to_ascii_lowercase();
        let canonical = ALIASES
            .iter()
            .find(|(a, _)| *a == lower)
            .map_or(lower.as_str(), |(_, c)| c);
        if let Some(d) = self.datasets.get(canonical) {
            return Ok(d);
        }
        let known = canonical == "default"
            || GROUPS.iter().any(|(g, _, _)| *g == canonical)
            || [
                "un",
                "eu",
                "opensanctions",
                "ofac-cons",
                "uk-ofsi",
                "us-csl",
            ]
            .contains(&canonical);
        if self.snapshots.is_empty() {
            Err(DatasetError::NotLoaded)
        } else if known {
            Err(DatasetError::Empty(canonical.to_string()))
        } else {
            Err(DatasetError::Unknown(name.to_string()))
        }
    }
}

/// Loads the active snapshots unless they are `current`'s; `Ok(None)`
/// when nothing changed (nor the token table, while `current` reads none:
/// an import stores it a moment after its snapshot). Entities are read
/// snapshot by snapshot from the ids listed first, so the result is one
/// consistent set even while an import runs (snapshots never change once
/// written).
pub fn load(store: &Store, current: Option<&Loaded>) -> Result<Option<Loaded>, StoreError> {
    let started = Instant::now();
    let mut snapshots = store.active_snapshots()?;
    snapshots.sort_by_key(|s| s.id);
    let snapshot_ids: Vec<i64> = snapshots.iter().map(|s| s.id).collect();
    let table_seen = store.derived_written_at(TOKEN_TABLE)?;
    if let Some(c) = current {
        if c.snapshot_ids == snapshot_ids
            && (c.reads_token_table() || c.token_table_seen == table_seen)
        {
            return Ok(None);
        }
    }
    let mut by_source: BTreeMap<String, Vec<Entity>> = BTreeMap::new();
    for s in &snapshots {
        let entities = store.entities(s.id)?;
        by_source
            .entry(s.source.clone())
            .or_default()
            .extend(entities);
    }
    // the lookups of every listed word, made at import: read by the
    // matcher of all the lists when it fits them (a missing, damaged or
    // stale table only makes lookups slower)
    let table = store
        .derived(TOKEN_TABLE)
        .ok()
        .flatten()
        .and_then(|b| TokenTable::from_bytes(&b).ok());
    let mut loaded = build(snapshots, snapshot_ids, by_source, table, started);
    loaded.token_table_seen = table_seen;
    Ok(Some(loaded))
}

fn build(
    snapshots: Vec<SnapshotInfo>,
    snapshot_ids: Vec<i64>,
    by_source: BTreeMap<String, Vec<Entity>>,
    mut table: Option<TokenTable>,
    started: Instant,
) -> Loaded {
    let all_sources: Vec<String> = by_source.keys().cloned().collect();
    // dataset name -> (title, sources present)
    let mut wanted: BTreeMap<String, (String, Vec<String>)> = BTreeMap::new();
    if !all_sources.is_empty() {
        wanted.insert(
            "default".into(),
            ("All loaded lists".into(), all_sources.clone()),
        );
    }
    for src in &all_sources {
        wanted.insert(src.clone(), (source_title(src), vec![src.clone()]));
    }
    for (name, title, members) in GROUPS {
        let present: Vec<String> = members
            .iter()
            .filter(|m| by_source.contains_key(**m))
            .map(|m| m.to_string())
            .collect();
        if !present.is_empty() {
            wanted.insert(name.to_string(), (title.to_string(), present));
        }
    }
    // Build each distinct source set once.
    let mut built: HashMap<Vec<String>, Arc<Matcher>> = HashMap::new();
    let mut datasets = BTreeMap::new();
    let mut by_id = HashMap::new();
    for (name, (title, sources)) in wanted {
        let matcher = match built.get(&sources) {
            Some(m) => m.clone(),
            None => {
                let entities: Vec<Entity> = sources
                    .iter()
                    .filter_map(|s| by_source.get(s))
                    .flatten()
                    .cloned()
                    .collect();
                let mut m = Matcher::new(entities);
                if table.as_ref().is_some_and(|t| m.token_table_fits(t)) {
                    if let Some(t) = table.take() {
                        let _ = m.use_token_table(t);
                    }
                }
                let m = Arc::new(m);
                built.insert(sources.clone(), m.clone());
                m
            }
        };
        if name == "default" {
            by_id = matcher
                .entities()
                .iter()
                .enumerate()
                .map(|(i, e)| (e.id.clone(), i))
                .collect();
        }
        datasets.insert(
            name.clone(),
            Arc::new(Dataset {
                name,
                title,
                sources,
                matcher,
            }),
        );
    }
    Loaded {
        snapshots,
        snapshot_ids,
        datasets,
        by_id,
        loaded_at: now_rfc3339(),
        load_time: started.elapsed(),
        token_table_seen: None,
        extras: Default::default(),
    }
}

/// The current time as RFC 3339 UTC, seconds precision.
pub(crate) fn now_rfc3339() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // civil from days (Howard Hinnant)
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// The shared, atomically swapped state of what is loaded.
pub type Current = ArcSwapOption<Loaded>;

#[cfg(test)]
mod tests {
    use super::*;
    use interdict_model::{Name, NameKind, Schema};
    use interdict_store::{ImportOutcome, NewSnapshot};

    fn entity(source: &str, r: &str, name: &str) -> Entity {
        let mut e = Entity::new(source, r, Schema::Person);
        e.push_name(Name::new(name, NameKind::Primary));
        e
    }

    fn import(store: &mut Store, source: &str, hash: &str, es: &[Entity]) -> i64 {
        match store
            .import(&NewSnapshot {
                source,
                format: "test",
                publisher_date: Some("2024-01-01"),
                content_hash: hash,
                files: vec![],
                entities: es,
            })
            .unwrap()
        {
            ImportOutcome::Imported(s) => s.id,
            ImportOutcome::Unchanged(s) => s.id,
        }
    }

    #[test]
    fn datasets_group_sources_and_reload_only_on_change() {
        let mut store = Store::open_in_memory().unwrap();
        import(
            &mut store,
            "ofac",
            "h1",
            &[entity("ofac", "1", "Ivan Petrov")],
        );
        import(
            &mut store,
            "ofac-cons",
            "h2",
            &[entity("ofac-cons", "2", "Olga Sidorova")],
        );
        import(&mut store, "un", "h3", &[entity("un", "3", "Kim Chol")]);
        let l = load(&store, None).unwrap().unwrap();
        assert_eq!(l.entity_count(), 3);
        let ofac = l.dataset("OFAC").ok().unwrap();
        assert_eq!(ofac.sources, vec!["ofac", "ofac-cons"]);
        assert_eq!(ofac.matcher.entities().len(), 2);
        assert_eq!(
            l.dataset("us_ofac_sdn")
                .ok()
                .unwrap()
                .matcher
                .entities()
                .len(),
            1
        );
        assert_eq!(l.dataset("sanctions").ok().unwrap().name, "default");
        assert!(matches!(l.dataset("eu"), Err(DatasetError::Empty(_))));
        assert!(matches!(l.dataset("nope"), Err(DatasetError::Unknown(_))));
        assert_eq!(l.entity("un:3").map(|e| e.caption()), Some("Kim Chol"));
        // unchanged store: nothing to do
        assert!(!l.reads_token_table());
        assert!(load(&store, Some(&l)).unwrap().is_none());
        import(&mut store, "un", "h4", &[entity("un", "4", "Ri Chol")]);
        let l2 = load(&store, Some(&l)).unwrap().unwrap();
        assert!(l2.entity("un:4").is_some());
        assert_ne!(l2.snapshot_ids, l.snapshot_ids);
        assert!(!l2.reads_token_table());
        // the token table, stored after the snapshot: worth a reload, and read
        let table = l2.dataset("default").ok().unwrap().matcher.token_table();
        store.put_derived(TOKEN_TABLE, &table.to_bytes()).unwrap();
        let l3 = load(&store, Some(&l2)).unwrap().unwrap();
        assert!(l3.reads_token_table());
        assert_eq!(l3.snapshot_ids, l2.snapshot_ids);
        assert!(load(&store, Some(&l3)).unwrap().is_none());
        // a table that fits nothing is not worth another
        store.put_derived(TOKEN_TABLE, b"not a table").unwrap();
        let l4 = load(&store, Some(&l3)).unwrap();
        assert!(l4.is_none(), "the loaded one reads its table already");
    }

    #[test]
    fn rfc3339_now_is_well_formed() {
        let s = now_rfc3339();
        assert_eq!(s.len(), 20, "{s}");
        assert!(s.starts_with("20") && s.ends_with('Z'), "{s}");
    }
}
