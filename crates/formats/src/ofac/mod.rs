//! OFAC (US Treasury) lists: the SDN list and the Consolidated (non-SDN) list.
//!
//! Two formats are read:
//!
//! * the **legacy CSV set** ([`parse_csv_set`]): a primary file without header
//!   (`sdn.csv` / `cons_prim.csv`, 12 fields) plus companions beside it
//!   (addresses `add.csv`, aliases `alt.csv`, remarks continued in
//!   `sdn_comments.csv`; `cons_add.csv`, `cons_alt.csv`, `cons_comments.csv`
//!   for the consolidated list), found by [`companions`];
//! * the **`sdnList` XML** ([`parse_xml`]) of `sdn.xml` and `consolidated.xml`;
//! * the **Enhanced XML** ([`parse_enhanced_xml`], root `sanctionsData`) of
//!   `SDN_ENHANCED.XML` and `CONS_ENHANCED.XML` (usually zipped; see
//!   [`crate::parse`] for compressed input).
//!
//! Most facts of a legacy CSV entry are in its remarks field; [`remarks`]
//! reads them into typed fields (dates of birth with precision, nationalities
//! as ISO codes, passports and IMO numbers with their issuing country, links).
//!
//! **Source name.** The CSV and `sdnList` formats carry the same schema for
//! both lists, so the list is told by the file name (the Enhanced XML says
//! which list it holds, and the file name is the fallback): a main file whose name (case-insensitive)
//! starts with `cons` or contains `consolidated` (`cons_prim.csv`,
//! `consolidated.xml`, `CONS_SDNLIST_2026-01-08.xml`) is the Consolidated
//! list, source `ofac-cons`; anything else (`sdn.csv`, `sdn.xml`, a renamed
//! file) is the SDN list, source `ofac`. Ids are `<source>:<ent_num or uid>`.
//!
//! **Links.** `Linked To: NAME` in the remarks becomes a [`Link`] with relation
//! `linked_to`, a vessel owner one with relation `owner`, an aircraft operator
//! one with `operator`; after the whole list is read, `target_id` is set when
//! exactly one entity of the same list has that primary name.
//!
//! [`Link`]: interdict_model::Link

mod enhanced;
mod legacy;
pub mod remarks;
mod sdnlist;

use crate::error::Result;
use crate::{Companion, Input, ParsedList};
use interdict_model::{Entity, NameKind, NameQuality};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub use legacy::CsvSetReport;

/// The companion files beside a primary OFAC CSV file.
///
/// For `sdn.csv` these are `add.csv`, `alt.csv` and `sdn_comments.csv`; for
/// `cons_prim.csv` they are `cons_add.csv`, `cons_alt.csv` and
/// `cons_comments.csv`. In general a primary file named `<P>prim.csv` has the
/// companions `<P>add.csv`, `<P>alt.csv`, `<P>comments.csv`, and one named
/// `<P>sdn.csv` has `<P>add.csv`, `<P>alt.csv`, `<P>sdn_comments.csv`. Names
/// are compared case-insensitively (`SDN.CSV` finds `ADD.CSV`). Companions
/// that do not exist are simply not listed; other file names have none.
pub fn companions(path: &Path) -> Vec<(Companion, PathBuf)> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    companions_in(path, &dir)
}

/// The companion files of the primary OFAC CSV file `path` found in `dir`
/// instead of beside it, named as [`companions`] says: for a primary file
/// published without them (an `sdn.csv` kept alone), joined from another
/// copy of the set.
pub fn companions_in(path: &Path, dir: &Path) -> Vec<(Companion, PathBuf)> {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return Vec::new();
    };
    let lower = name.to_ascii_lowercase();
    let Some(stem) = lower.strip_suffix(".csv") else {
        return Vec::new();
    };
    let wanted: [(Companion, String); 3] = if let Some(prefix) = stem.strip_suffix("prim") {
        [
            (Companion::Addresses, format!("{prefix}add.csv")),
            (Companion::Aliases, format!("{prefix}alt.csv")),
            (Companion::Comments, format!("{prefix}comments.csv")),
        ]
    } else if let Some(prefix) = stem.strip_suffix("sdn") {
        [
            (Companion::Addresses, format!("{prefix}add.csv")),
            (Companion::Aliases, format!("{prefix}alt.csv")),
            (Companion::Comments, format!("{stem}_comments.csv")),
        ]
    } else {
        return Vec::new();
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut siblings: Vec<(String, PathBuf)> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| {
            let n = e.file_name().to_str()?.to_ascii_lowercase();
            Some((n, e.path()))
        })
        .collect();
    // an exact-case match first, so that the result does not depend on directory order
    siblings.sort();
    let mut found = Vec::new();
    for (role, want) in wanted {
        if let Some((_, p)) = siblings.iter().find(|(n, _)| *n == want) {
            found.push((role, p.clone()));
        }
    }
    found
}

/// Parses an OFAC legacy CSV set: the primary file and its companions.
///
/// Companion rows whose `ent_num` is not in the primary file are ignored
/// (they are counted by [`parse_csv_set_report`]).
pub fn parse_csv_set(main: &Input, companions: &[(Companion, Input)]) -> Result<ParsedList> {
    let (mut list, report) = legacy::parse(main, companions)?;
    for line in &report.duplicate_rows {
        list.warnings.push(format!(
            "{}:{line}: skipped: the row reuses an ent_num of an earlier row",
            main.name
        ));
    }
    for (count, what) in [
        (report.orphan_addresses, "address"),
        (report.orphan_aliases, "alias"),
        (report.orphan_comments, "comment"),
    ] {
        if count > 0 {
            list.warnings.push(format!(
                "{}: {count} {what} rows name an ent_num that is not in the primary file; ignored",
                main.name
            ));
        }
    }
    Ok(list)
}

/// Like [`parse_csv_set`], also saying how many companion rows were ignored.
pub fn parse_csv_set_report(
    main: &Input,
    companions: &[(Companion, Input)],
) -> Result<(ParsedList, CsvSetReport)> {
    legacy::parse(main, companions)
}

/// Parses an OFAC sdnList XML file.
pub fn parse_xml(main: &Input) -> Result<ParsedList> {
    sdnlist::parse(main)
}

/// Parses an OFAC Enhanced XML file (`SDN_ENHANCED.XML`, `CONS_ENHANCED.XML`).
pub fn parse_enhanced_xml(main: &Input) -> Result<ParsedList> {
    enhanced::parse(main)
}

/// The source name for a file name (see the module documentation).
pub fn source_for(file: &str) -> &'static str {
    let base = Path::new(file)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(file)
        .to_ascii_lowercase();
    if base.starts_with("cons") || base.contains("consolidated") {
        "ofac-cons"
    } else {
        "ofac"
    }
}

/// Sets `target_id` of every link whose target name is the primary name of
/// exactly one entity of the list (compared case-insensitively, with and
/// without a final full stop, which OFAC's remarks may have eaten or added).
/// When no entity has it as primary name, a name that exactly one entity has
/// as a strong (or ungraded) alias is taken instead (`Linked To: ROSTEC`).
pub(crate) fn resolve_links(entities: &mut [Entity]) {
    let mut primary: HashMap<String, Vec<usize>> = HashMap::new();
    let mut alias: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        for n in &e.names {
            let map = match (n.kind, n.quality) {
                (NameKind::Primary, _) => &mut primary,
                (_, NameQuality::Weak) => continue,
                _ => &mut alias,
            };
            let ids = map.entry(link_key(&n.full)).or_default();
            if !ids.contains(&i) {
                ids.push(i);
            }
        }
    }
    let lookup = |map: &HashMap<String, Vec<usize>>, key: &str| -> Option<Vec<usize>> {
        map.get(key)
            .or_else(|| map.get(&format!("{key}.")))
            .or_else(|| key.strip_suffix('.').and_then(|k| map.get(k)))
            .cloned()
    };
    let ids: Vec<String> = entities.iter().map(|e| e.id.clone()).collect();
    for (i, e) in entities.iter_mut().enumerate() {
        for link in &mut e.links {
            if link.target_id.is_some() {
                continue;
            }
            let key = link_key(&link.target_name);
            let candidates = lookup(&primary, &key).or_else(|| lookup(&alias, &key));
            if let Some([only]) = candidates.as_deref() {
                if *only != i {
                    link.target_id = ids.get(*only).cloned();
                }
            }
        }
    }
}

fn link_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_uppercase()
}

/// Splits OFAC's program field (`"SDGT] [IFSR"`, `"[SDGT] [IFSR]"`) into programmes.
fn split_programs(field: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in field.split("] [") {
        let p = p
            .trim()
            .trim_start_matches('[')
            .trim_end_matches(']')
            .trim();
        if !p.is_empty() && !out.iter().any(|o| o == p) {
            out.push(p.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use interdict_model::{Link, Name, Schema};

    #[test]
    fn programs_are_split() {
        assert_eq!(split_programs("SDGT] [IFSR"), vec!["SDGT", "IFSR"]);
        assert_eq!(split_programs("[DPRK3]"), vec!["DPRK3"]);
        assert_eq!(split_programs("DPRK3"), vec!["DPRK3"]);
    }

    #[test]
    fn sources_by_file_name() {
        assert_eq!(source_for("/x/sdn.csv"), "ofac");
        assert_eq!(source_for("/x/SDN.XML"), "ofac");
        assert_eq!(source_for("/x/cons_prim.csv"), "ofac-cons");
        assert_eq!(source_for("CONSOLIDATED.XML"), "ofac-cons");
        assert_eq!(source_for("/data/cons_sdnlist_2026-01-08.xml"), "ofac-cons");
    }

    #[test]
    fn links_resolve_only_when_unique() {
        let mk = |r: &str, name: &str| {
            let mut e = Entity::new("ofac", r, Schema::Organization);
            e.push_name(Name::new(name, NameKind::Primary));
            e
        };
        let mut list = vec![
            mk("1", "ALPHA CO., LTD."),
            mk("2", "TWIN"),
            mk("3", "TWIN"),
            mk("4", "X"),
        ];
        list[0].push_name(Name::new("ALPHA", NameKind::Alias).with_quality(NameQuality::Strong));
        list[1].push_name(Name::new("WEAKLING", NameKind::Alias).with_quality(NameQuality::Weak));
        for target in ["ALPHA CO., LTD", "TWIN", "Nobody", "alpha", "WEAKLING"] {
            list[3].links.push(Link {
                relation: "linked_to".into(),
                target_name: target.into(),
                target_id: None,
            });
        }
        resolve_links(&mut list);
        assert_eq!(list[3].links[0].target_id.as_deref(), Some("ofac:1"));
        assert_eq!(list[3].links[1].target_id, None);
        assert_eq!(list[3].links[2].target_id, None);
        assert_eq!(list[3].links[3].target_id.as_deref(), Some("ofac:1"));
        assert_eq!(list[3].links[4].target_id, None);
    }

    #[test]
    fn companions_are_found_case_insensitively() {
        let dir = std::env::temp_dir().join(format!("ofac-comp-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        for f in [
            "SDN.CSV",
            "ADD.CSV",
            "alt.csv",
            "sdn_comments.csv",
            "cons_prim.csv",
            "cons_alt.csv",
        ] {
            std::fs::write(dir.join(f), "1").unwrap();
        }
        let c = companions(&dir.join("SDN.CSV"));
        let roles: Vec<Companion> = c.iter().map(|(r, _)| *r).collect();
        assert_eq!(
            roles,
            vec![
                Companion::Addresses,
                Companion::Aliases,
                Companion::Comments
            ]
        );
        assert!(c[0].1.ends_with("ADD.CSV"));
        let c = companions(&dir.join("cons_prim.csv"));
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].0, Companion::Aliases);
        assert!(companions(&dir.join("other.csv")).is_empty());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
