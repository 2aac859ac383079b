//! Screening the parties and vessels of a transaction against the lists.
//!
//! Party screening goes through the [`PartyScreener`] trait, so that trade
//! screening does not depend on one matching engine.
//!
//! # Where the matching engine plugs in
//!
//! [`ListScreener`] is a deliberately simple screener: a party matches a
//! listed entity when their names are equal after normalization
//! ([`name_key`]: case, diacritics, punctuation, word order and legal forms
//! such as "Co., Ltd." are ignored). It finds listed names written the way
//! the list writes them, and nothing else. The fuzzy matching engine
//! (`interdict-matcher`) is to be plugged in by implementing
//! [`PartyScreener`] for it — in the `interdict` binary (`trade.rs`), or here
//! behind a dependency once its API is settled — mapping each of its match
//! results to a [`PartyHit`] (its score in 0..=1 and its explanation in
//! words). Nothing else in this crate needs to change: thresholds are in
//! [`crate::Context`].
//!
//! Vessels are matched by IMO number directly on the listed entities'
//! identifiers ([`VesselIndex`]), whatever name the transaction gives, and
//! by name through the screener as a second signal.

use interdict_matcher::{Matcher, Options, Query};
use interdict_model::{Entity, IdKind, Schema};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Arc;

/// A listed entity that a party or vessel may be.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartyHit {
    /// Entity id (`un:KPe.001`, `ofac:17069`).
    pub entity_id: String,
    /// The list name (`un`, `ofac`, `eu`, `uk`, …).
    pub source: String,
    /// The publisher's reference (`KPe.001`).
    pub reference: String,
    /// The listed name.
    pub caption: String,
    /// What kind of thing is listed.
    pub schema: Schema,
    /// The sanctions programmes of the listing.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programmes: Vec<String>,
    /// How well it matches, 0..=1 (1 = exact).
    pub score: f32,
    /// Why it matches, in words.
    pub explanation: String,
}

impl PartyHit {
    /// A hit for an entity with a score and explanation.
    pub fn from_entity(e: &Entity, score: f32, explanation: String) -> PartyHit {
        PartyHit {
            entity_id: e.id.clone(),
            source: e.source.clone(),
            reference: e.reference.clone(),
            caption: e.caption().to_string(),
            schema: e.schema,
            programmes: e.programmes.clone(),
            score,
            explanation,
        }
    }
}

/// Screens a name against the lists.
///
/// Implementations return the listed entities the name may be, best first,
/// with a score in 0..=1. `schema_hint` says what kind of thing the name is
/// (a vessel, or `None` for a party of unknown kind); `country` is the
/// country the transaction gives for it (ISO alpha-2), a hint only.
pub trait PartyScreener: Sync {
    /// The listed entities `name` may be.
    fn screen_party(
        &self,
        name: &str,
        schema_hint: Option<Schema>,
        country: Option<&str>,
    ) -> Vec<PartyHit>;

    /// How many entities the screener searches (0: no lists loaded, so a
    /// clean result means nothing).
    fn entity_count(&self) -> usize;
}

/// Legal-form and filler words dropped from names before comparing.
const DROP: &[&str] = &[
    "co",
    "company",
    "corp",
    "corporation",
    "ltd",
    "limited",
    "llc",
    "inc",
    "incorporated",
    "jsc",
    "ojsc",
    "pjsc",
    "cjsc",
    "ooo",
    "oao",
    "zao",
    "pao",
    "ao",
    "gmbh",
    "sa",
    "ag",
    "plc",
    "bv",
    "nv",
    "srl",
    "spa",
    "sarl",
    "pte",
    "pvt",
    "the",
    "llp",
    "lp",
    "fze",
    "fzco",
    "fzc",
];

/// The key two names share when they are equal up to case, diacritics,
/// punctuation, word order and legal forms.
pub fn name_key(name: &str) -> String {
    let mut toks: Vec<String> = interdict_text::tokens(name)
        .into_iter()
        .filter(|t| !DROP.contains(&t.as_str()))
        .collect();
    toks.sort();
    toks.dedup();
    toks.join(" ")
}

/// The simple in-crate screener: exact match of normalized names ([`name_key`]).
#[derive(Debug, Clone, Default)]
pub struct ListScreener {
    entities: Vec<Entity>,
    by_key: HashMap<String, Vec<(usize, usize)>>,
}

impl ListScreener {
    /// Indexes the names of the entities.
    pub fn new(entities: Vec<Entity>) -> ListScreener {
        let mut by_key: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (ei, e) in entities.iter().enumerate() {
            for (ni, n) in e.names.iter().enumerate() {
                let key = name_key(&n.full);
                if key.is_empty() {
                    continue;
                }
                let slot = by_key.entry(key).or_default();
                if !slot.iter().any(|(x, _)| *x == ei) {
                    slot.push((ei, ni));
                }
            }
        }
        ListScreener { entities, by_key }
    }

    /// The entities searched.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }
}

impl PartyScreener for ListScreener {
    fn screen_party(
        &self,
        name: &str,
        schema_hint: Option<Schema>,
        _country: Option<&str>,
    ) -> Vec<PartyHit> {
        let key = name_key(name);
        let Some(found) = self.by_key.get(&key) else {
            return Vec::new();
        };
        found
            .iter()
            .filter_map(|(ei, ni)| {
                let e = self.entities.get(*ei)?;
                let compatible = match schema_hint {
                    Some(s) => s.compatible(e.schema),
                    // a party of unknown kind is not a ship or an aircraft
                    None => !matches!(e.schema, Schema::Vessel | Schema::Airplane),
                };
                if !compatible {
                    return None;
                }
                let listed = e.names.get(*ni).map_or(e.caption(), |n| n.full.as_str());
                Some(PartyHit::from_entity(
                    e,
                    1.0,
                    format!("the name {name:?} equals the listed name {listed:?} (ignoring case, punctuation, word order and legal form)"),
                ))
            })
            .collect()
    }

    fn entity_count(&self) -> usize {
        self.entities.len()
    }
}

/// Reads an IMO number: seven digits, optionally after `IMO`.
/// Returns the digits and whether the check digit is right.
pub fn normalize_imo(s: &str) -> Option<(String, bool)> {
    let t = s.trim();
    let t = t
        .get(..3)
        .filter(|p| p.eq_ignore_ascii_case("imo"))
        .map_or(t, |_| t.get(3..).unwrap_or(""));
    let t = t.trim_start_matches([' ', ':', '.', '-', '#']).trim();
    if t.len() != 7 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let d: Vec<u32> = t.bytes().map(|b| u32::from(b - b'0')).collect();
    let sum: u32 = d
        .iter()
        .take(6)
        .zip([7u32, 6, 5, 4, 3, 2])
        .map(|(a, w)| a * w)
        .sum();
    let ok = d.get(6) == Some(&(sum % 10));
    Some((t.to_string(), ok))
}

/// Listed entities by the IMO numbers among their identifiers.
#[derive(Debug, Clone, Default)]
pub struct VesselIndex {
    by_imo: HashMap<String, Vec<PartyHit>>,
    by_entity: HashMap<String, Vec<String>>,
}

impl VesselIndex {
    /// Indexes every IMO identifier of the entities (vessels' ship numbers and
    /// companies' IMO company numbers alike; hits say which schema they are).
    pub fn new(entities: &[Entity]) -> VesselIndex {
        let mut by_imo: HashMap<String, Vec<PartyHit>> = HashMap::new();
        let mut by_entity: HashMap<String, Vec<String>> = HashMap::new();
        for e in entities {
            for id in e.identifiers_of(&IdKind::Imo) {
                if let Some((imo, _)) = normalize_imo(&id.value) {
                    let what = if e.schema == Schema::Vessel {
                        "the IMO ship number of listed vessel"
                    } else {
                        "the IMO company number of listed"
                    };
                    let hit = PartyHit::from_entity(
                        e,
                        1.0,
                        format!("IMO {imo} is {what} {:?} ({})", e.caption(), e.id),
                    );
                    let imos = by_entity.entry(e.id.clone()).or_default();
                    if !imos.contains(&imo) {
                        imos.push(imo.clone());
                    }
                    let slot = by_imo.entry(imo).or_default();
                    if !slot.iter().any(|h| h.entity_id == e.id) {
                        slot.push(hit);
                    }
                }
            }
        }
        VesselIndex { by_imo, by_entity }
    }

    /// The IMO numbers of one listed entity.
    pub fn lookup_entity(&self, entity_id: &str) -> Vec<String> {
        self.by_entity.get(entity_id).cloned().unwrap_or_default()
    }

    /// The listed entities with this IMO number (any spelling `normalize_imo` reads).
    pub fn lookup(&self, imo: &str) -> &[PartyHit] {
        normalize_imo(imo)
            .and_then(|(n, _)| self.by_imo.get(&n))
            .map_or(&[], Vec::as_slice)
    }

    /// How many IMO numbers are indexed.
    pub fn len(&self) -> usize {
        self.by_imo.len()
    }

    /// Whether no IMO number is indexed.
    pub fn is_empty(&self) -> bool {
        self.by_imo.is_empty()
    }
}

/// The matching engine as a party screener: what `interdict trade` and
/// `POST /trade` use. Results below `threshold` are not returned, and a
/// party of unknown kind is never taken for a ship or an aircraft.
pub struct MatcherScreener {
    matcher: Arc<Matcher>,
    threshold: f32,
}

impl MatcherScreener {
    /// Wraps a matcher; `threshold` must be in 0..=1 (a bad one finds nothing).
    pub fn new(matcher: Arc<Matcher>, threshold: f32) -> MatcherScreener {
        MatcherScreener { matcher, threshold }
    }
}

impl PartyScreener for MatcherScreener {
    fn screen_party(
        &self,
        name: &str,
        schema_hint: Option<Schema>,
        country: Option<&str>,
    ) -> Vec<PartyHit> {
        // a party field longer than any name is screened on its start (the
        // matcher refuses the whole field: interdict_matcher::MAX_NAME_CHARS)
        let q = Query {
            name: name
                .chars()
                .take(interdict_matcher::MAX_NAME_CHARS)
                .collect(),
            schema: schema_hint,
            countries: country.map(|c| vec![c.to_string()]).unwrap_or_default(),
            ..Query::default()
        };
        let opts = Options {
            threshold: self.threshold,
            limit: 10,
            min_score: None,
        };
        self.matcher
            .screen(&q, &opts)
            .unwrap_or_default()
            .into_iter()
            .filter(|r| r.is_match)
            .filter_map(|r| {
                let e = self.matcher.entities().get(r.entity_index)?;
                if schema_hint.is_none() && matches!(e.schema, Schema::Vessel | Schema::Airplane) {
                    return None;
                }
                Some(PartyHit::from_entity(e, r.score, r.explanation.sentence))
            })
            .collect()
    }

    fn entity_count(&self) -> usize {
        self.matcher.entities().len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use interdict_model::{Identifier, Name, NameKind};

    #[test]
    fn keys_ignore_form_and_order() {
        assert_eq!(
            name_key("KOREA MINING DEVELOPMENT TRADING CORPORATION"),
            name_key("Korea Mining Development Trading Corp.")
        );
        assert_eq!(name_key("Kim Jong Un"), name_key("KIM, Jong Un"));
        assert_ne!(
            name_key("Korea Mining"),
            name_key("Korea Mining Development")
        );
    }

    #[test]
    fn imo_numbers() {
        assert_eq!(normalize_imo("IMO 9562233"), Some(("9562233".into(), true)));
        assert_eq!(normalize_imo("IMO9562233"), Some(("9562233".into(), true)));
        assert_eq!(normalize_imo("9562234").map(|x| x.1), Some(false));
        assert!(normalize_imo("95622").is_none());
        assert!(normalize_imo("IMO95622AB").is_none());
    }

    #[test]
    fn screens_names_and_imos() {
        let mut ship = Entity::new("uk", "DPR0075", Schema::Vessel);
        ship.push_name(Name::new("PETREL 8", NameKind::Primary));
        ship.identifiers.push(Identifier {
            kind: IdKind::Imo,
            value: "IMO9562233".into(),
            country: None,
            note: None,
        });
        let mut co = Entity::new("un", "KPe.001", Schema::Organization);
        co.push_name(Name::new(
            "KOREA MINING DEVELOPMENT TRADING CORPORATION",
            NameKind::Primary,
        ));
        let ents = vec![ship, co];
        let s = ListScreener::new(ents.clone());
        assert_eq!(
            s.screen_party("Korea Mining Development Trading Corp", None, None)
                .len(),
            1
        );
        // a party of unknown kind is not matched to a ship, a vessel query is
        assert!(s.screen_party("Petrel 8", None, None).is_empty());
        assert_eq!(
            s.screen_party("Petrel 8", Some(Schema::Vessel), None).len(),
            1
        );
        let v = VesselIndex::new(&ents);
        assert_eq!(v.lookup("9562233").len(), 1);
        assert!(v.lookup("9562234").is_empty());
    }

    #[test]
    fn the_matcher_screens_a_party_field_longer_than_any_name_on_its_start() {
        let mut co = Entity::new("un", "KPe.001", Schema::Organization);
        co.push_name(Name::new(
            "KOREA MINING DEVELOPMENT TRADING CORPORATION",
            NameKind::Primary,
        ));
        let s = MatcherScreener::new(Arc::new(Matcher::new(vec![co])), 0.8);
        let name = "Korea Mining Development Trading Corp";
        assert_eq!(s.screen_party(name, None, None).len(), 1);
        // the matcher refuses the whole field; the screener reads its start
        let long = format!("{name} {}", "x".repeat(interdict_matcher::MAX_NAME_CHARS));
        assert_eq!(s.screen_party(&long, None, None).len(), 1);
    }
}
