//! Import benchmark: for each real list file, the time `interdict import`
//! takes into a fresh database (best of 3 runs) and its peak memory; both
//! include the token table the import ends with (the lookups of every
//! listed word: about 0.4 s and the matcher's memory for the OFAC SDN list).
//!
//! `cargo bench -p interdict --bench import` (needs ../shared/data/lists).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const FILES: &[&str] = &[
    "un/un_consolidated_2026-02-27.xml",
    "un/un_consolidated_2025-11-29.xml",
    "ofac/sdn_csv_2024-05-03/sdn.csv",
    "ofac/sdn_csv_trio_2022-01/sdn.csv",
    "ofac/cons_csv_2025-12/cons_prim.csv",
    "ofac/cons_sdnlist_2026-01-08.xml",
    "ofac/cons_enhanced_2025-01-10.zip",
    "eu/eu_fsf_1_1_excerpt_2026-08-05.xml",
    "eu/eu_legacy_1_0_subset_2016-02-11.xml",
    "uk/ofsi_conlist_2018-04-13.csv",
    "uk/uk_sanctions_list_excerpt_2026-09-10.xml",
    "opensanctions/yente_zala.entities.ftm.json",
    "opensanctions/yente_t1_eu_fsf.entities.ftm.json",
    "us_trade_csl/consolidated_2022.csv.gz",
];

fn main() {
    let lists = std::env::var_os("INTERDICT_LISTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/lists"));
    if !lists.is_dir() {
        eprintln!("SKIP: shared lists folder not found at {}", lists.display());
        return;
    }
    let bin = env!("CARGO_BIN_EXE_interdict");
    let tmp = std::env::temp_dir().join(format!("interdict-bench-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).expect("temp dir");
    println!(
        "{:<48} {:>10} {:>10} {:>12}",
        "file", "MB", "best s", "peak RSS MB"
    );
    for file in FILES {
        let path = lists.join(file);
        let Ok(meta) = std::fs::metadata(&path) else {
            println!("{file:<48} missing");
            continue;
        };
        let mut best = f64::MAX;
        let mut rss = 0u64;
        for run in 0..3 {
            let db = tmp.join(format!("b{run}.db"));
            let _ = std::fs::remove_file(&db);
            let started = Instant::now();
            let out = Command::new(bin)
                .arg("--db")
                .arg(&db)
                .args(["import", "--stats"])
                .arg(&path)
                .output()
                .expect("run interdict");
            let secs = started.elapsed().as_secs_f64();
            if !out.status.success() {
                println!(
                    "{file:<48} FAILED: {}",
                    String::from_utf8_lossy(&out.stderr).trim()
                );
                break;
            }
            best = best.min(secs);
            let stdout = String::from_utf8_lossy(&out.stdout);
            if let Some(kib) = stdout
                .lines()
                .find_map(|l| l.strip_prefix("stats: peak_rss_kib="))
                .and_then(|v| v.trim().parse::<u64>().ok())
            {
                rss = rss.max(kib);
            }
        }
        if best < f64::MAX {
            println!(
                "{file:<48} {:>10.2} {:>10.3} {:>12.1}",
                meta.len() as f64 / 1e6,
                best,
                rss as f64 / 1024.0
            );
        }
    }
    let _ = std::fs::remove_dir_all(&tmp);
}
