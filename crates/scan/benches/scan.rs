//! Scanning throughput on generated news-like text that mixes real listed
//! names (in natural order, as news writes them) with ordinary prose.
//!
//! `cargo bench -p interdict-scan --bench scan` (lists from
//! `../shared/data/lists` or `$INTERDICT_LISTS`; `SCAN_BENCH_MB` sets the
//! size, default 20). Prints MB/s for one core on one large document, for
//! one core on 4 KB articles, and for all cores on the articles.

use interdict_matcher::Matcher;
use interdict_model::{Entity, Schema};
use interdict_scan::{ScanOptions, Scanner};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

const PROSE: &[&str] = &[
    "Officials said the talks would resume next week in the capital",
    "the ministry declined to comment on the report",
    "according to people familiar with the matter",
    "shipping data showed the cargo was unloaded at night",
    "analysts expect prices to rise before the end of the year",
    "the company said it complied with all applicable regulations",
    "a spokesman for the government said the measures were unjustified",
    "the central bank kept interest rates unchanged on Thursday",
    "Western diplomats described the meeting as a turning point",
    "the Security Council is expected to vote on the resolution",
    "investors sold shares after the announcement",
    "the shipment included machine parts and electronic components",
    "satellite images reviewed by reporters show new construction",
    "the European Union extended its restrictive measures for six months",
    "customs officers inspected the containers at the port",
];

const VERBS: &[&str] = &[
    "met",
    "spoke with",
    "was seen with",
    "signed a contract with",
    "denied links to",
    "transferred funds to",
];

fn lists_dir() -> PathBuf {
    interdict_formats::shared_lists_dir()
}

/// "KIM, Jong Un" → "Jong Un Kim" (news order); others as listed, in title case.
fn natural(e: &Entity) -> String {
    let cap = e.caption();
    let title = |s: &str| {
        s.split_whitespace()
            .map(|w| {
                let mut c = w.chars();
                match c.next() {
                    Some(f) => f.to_uppercase().collect::<String>() + &c.as_str().to_lowercase(),
                    None => String::new(),
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    match (e.schema, cap.split_once(',')) {
        (Schema::Person, Some((fam, given))) => {
            let given = given.split_whitespace().next().unwrap_or("");
            format!("{} {}", title(given), title(fam))
        }
        _ => title(cap),
    }
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
    fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.next() % v.len()]
    }
}

fn main() {
    let dir = lists_dir();
    let files = [
        "un/un_consolidated_2026-02-27.xml",
        "ofac/sdn_csv_2024-05-03/sdn.csv",
        "ofac/cons_csv_2025-12/cons_prim.csv",
        "uk/ofsi_conlist_2018-04-13.csv",
        "eu/eu_legacy_1_0_subset_2016-02-11.xml",
        "uk/uk_sanctions_list_excerpt_2026-09-10.xml",
        "eu/eu_fsf_1_1_excerpt_2026-08-05.xml",
    ];
    let mut entities = Vec::new();
    for f in files {
        let p = dir.join(f);
        if !p.exists() {
            continue;
        }
        match interdict_formats::parse_path(&p) {
            Ok(l) => entities.extend(l.entities),
            Err(e) => eprintln!("skipping {f}: {e}"),
        }
    }
    if entities.is_empty() {
        eprintln!(
            "SKIP: scan bench: shared lists folder not found at {}",
            dir.display()
        );
        return;
    }
    let t = Instant::now();
    let matcher = Arc::new(Matcher::new(entities));
    let tm = t.elapsed();
    let t = Instant::now();
    let scanner = Scanner::new(matcher.clone());
    println!(
        "{} entities; matcher index {:.2} s, scan tables ({} name forms) {:.2} s",
        matcher.entities().len(),
        tm.as_secs_f64(),
        scanner.name_forms(),
        t.elapsed().as_secs_f64()
    );
    // a pool of 400 listed names that recur through the feed
    let mut rng = Rng(42);
    let ents = matcher.entities();
    let pool: Vec<String> = (0..400)
        .map(|_| natural(&ents[rng.next() % ents.len()]))
        .collect();
    let mb: usize = std::env::var("SCAN_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    // every 4th sentence names two listed parties (dense), or every 40th (news-like)
    for (label, every) in [("news-like", 40usize), ("dense", 4)] {
        println!("--- {label}: two listed names in one sentence of {every}");
        let mut rng = Rng(7);
        let mut text = String::with_capacity(mb * 1_000_000 + 1000);
        let mut names = 0;
        while text.len() < mb * 1_000_000 {
            let s = rng.pick(PROSE);
            if rng.next().is_multiple_of(every) {
                let a = rng.pick(&pool);
                let b = rng.pick(&pool);
                text.push_str(&format!("{a} {} {b}; {s}. ", rng.pick(VERBS)));
                names += 2;
            } else {
                let mut c = s.chars();
                if let Some(f) = c.next() {
                    text.extend(f.to_uppercase());
                    text.push_str(c.as_str());
                }
                text.push_str(". ");
            }
            if rng.next().is_multiple_of(8) {
                text.push('\n');
            }
        }
        let opts = ScanOptions::default();
        let size = text.len() as f64 / 1e6;
        println!(
            "text: {:.1} MB, {} listed names inserted (one per {} bytes)",
            size,
            names,
            text.len() / names.max(1)
        );
        // one document, one core (first pass fills the score cache)
        for pass in ["cold cache", "warm cache"] {
            let t = Instant::now();
            let r = scanner.scan_text(&text, &opts);
            let s = t.elapsed().as_secs_f64();
            println!(
                "one document, one core, {pass}: {:.2} s, {:.1} MB/s, {} mentions, {} countries",
                s,
                size / s,
                r.mentions.len(),
                r.countries.len()
            );
        }
        // 4 KB articles
        let mut articles: Vec<&str> = Vec::new();
        let mut start = 0;
        while start < text.len() {
            let mut end = (start + 4096).min(text.len());
            while end < text.len() && !text.is_char_boundary(end) {
                end += 1;
            }
            if let Some(nl) = text.get(end..).and_then(|r| r.find(". ")) {
                end = (end + nl + 2).min(text.len());
            }
            articles.push(&text[start..end]);
            start = end;
        }
        let t = Instant::now();
        let mut found = 0;
        for a in &articles {
            found += scanner.scan_text(a, &opts).mentions.len();
        }
        let s = t.elapsed().as_secs_f64();
        println!(
            "{} articles of ~4 KB, one core: {:.2} s, {:.1} MB/s, {} mentions",
            articles.len(),
            s,
            size / s,
            found
        );
        use rayon::prelude::*;
        let t = Instant::now();
        let found: usize = articles
            .par_iter()
            .map(|a| scanner.scan_text(a, &opts).mentions.len())
            .sum();
        let s = t.elapsed().as_secs_f64();
        println!(
            "articles, {} threads: {:.2} s, {:.1} MB/s, {} mentions",
            rayon::current_num_threads(),
            s,
            size / s,
            found
        );
    }
}
