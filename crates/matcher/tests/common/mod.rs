//! Shared by the real-list tests and the benchmarks: finds the shared lists
//! folder and parses the list files, skipping those whose parser is missing.
#![allow(dead_code)]

pub mod perturb;

use interdict_model::Entity;
use std::collections::HashSet;
use std::path::PathBuf;

/// One edition per source (as the store's active snapshots would be), the
/// biggest obtainable.
pub const FILES: &[&str] = &[
    "ofac/sdn_csv_2024-05-03/sdn.csv",
    "ofac/cons_csv_2025-12/cons_prim.csv",
    "un/un_consolidated_2026-02-27.xml",
    "uk/ofsi_conlist_2018-04-13.csv",
    "uk/uk_sanctions_list_excerpt_2026-09-10.xml",
    "eu/eu_legacy_1_0_subset_2016-02-11.xml",
    "eu/eu_fsf_1_1_excerpt_2026-08-05.xml",
    "opensanctions/yente_zala.entities.ftm.json",
    "opensanctions/yente_t1_eu_fsf.entities.ftm.json",
];

/// OFAC companion files joined to a primary file kept without them, as
/// `scripts/demo` imports them (`--companions-from`): the 2024 `sdn.csv`
/// with the aliases and addresses of 2026 (entries it does not hold left
/// out).
pub const COMPANIONS_FROM: &[(&str, &str)] = &[(
    "ofac/sdn_csv_2024-05-03/sdn.csv",
    "ofac/sdn_addalt_csv_2026",
)];

/// Parses the list file `rel` of the lists folder `dir`, with the companions
/// [`COMPANIONS_FROM`] joins to it.
pub fn parse_file(
    dir: &std::path::Path,
    rel: &str,
) -> interdict_formats::Result<interdict_formats::ParsedList> {
    let path = dir.join(rel);
    let mut set = interdict_formats::file_set(&path)?;
    for (_, from) in COMPANIONS_FROM.iter().filter(|(p, _)| *p == rel) {
        set.join_companions_from(&dir.join(from));
    }
    interdict_formats::parse_set(&set)
}

/// The shared lists folder, or `None` after printing a SKIP line for `test`.
pub fn lists_dir(test: &str) -> Option<PathBuf> {
    interdict_formats::shared_lists(test)
}

/// Parses one list file; `None` (with a SKIP line) when it cannot be parsed.
pub fn parse(test: &str, rel: &str) -> Option<Vec<Entity>> {
    let dir = lists_dir(test)?;
    match parse_file(&dir, rel) {
        Ok(list) => Some(list.entities),
        Err(e) => {
            eprintln!("SKIP: {test}: {rel} does not parse: {e}");
            None
        }
    }
}

/// Every file of [`FILES`] that parses, entities deduplicated by id, and the
/// files that did not parse.
pub fn load_all(test: &str) -> Option<(Vec<Entity>, Vec<String>)> {
    let dir = lists_dir(test)?;
    let results: Vec<_> = FILES
        .iter()
        .map(|rel| (rel, parse_file(&dir, rel)))
        .collect();
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let mut failed = Vec::new();
    for (rel, r) in results {
        match r {
            Ok(list) => {
                for e in list.entities {
                    if seen.insert(e.id.clone()) {
                        out.push(e);
                    }
                }
            }
            Err(e) => failed.push(format!("{rel}: {e}")),
        }
    }
    if out.is_empty() {
        eprintln!("SKIP: {test}: no list parses yet: {failed:?}");
        return None;
    }
    for f in &failed {
        eprintln!("NOTE: {test}: not loaded: {f}");
    }
    Some((out, failed))
}

/// A deterministic xorshift64* generator.
pub struct Rng(pub u64);

impl Rng {
    /// Next value.
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A value below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
}
