//! Speed against every list in the store: start-up (load + index), names per
//! second single-threaded and on all cores (the batch path first on threads
//! that have looked up no token yet, then again with the lookups cached),
//! single-query latency, peak memory, and the full-scan oracle's throughput
//! beside them.
//!
//! `cargo bench -p interdict-matcher --bench speed [-- --queries N] [--no-oracle] [--no-token-table] [--write-queries FILE.csv]`
//! (the last writes the queries, for timing `interdict batch` on them)
//!
//! The parent parses the shared lists into a temporary store and makes
//! their token table as `interdict import` does, then runs itself as a
//! child that starts from the store only (reading the table unless
//! `--no-token-table`), so that start-up time and peak RSS are those of a
//! screening process.

#[path = "../tests/common/mod.rs"]
mod common;

/// The allocator of the `interdict` binary, so that the figures are its.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use common::{perturb, Rng};
use interdict_matcher::{Matcher, Options, Query, TokenTable};
use interdict_store::{NewSnapshot, Store};
use rayon::prelude::*;
use std::time::Instant;

fn arg(name: &str) -> Option<String> {
    let a: Vec<String> = std::env::args().collect();
    a.iter()
        .position(|x| x == name)
        .and_then(|i| a.get(i + 1).cloned())
}

fn vm_hwm() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .map(|l| l.split_whitespace().skip(1).collect::<Vec<_>>().join(" "))
        })
        .unwrap_or_else(|| "?".into())
}

/// CPU seconds used by this thread so far (from /proc; 10 ms resolution),
/// so that throughput can be read apart from other processes' load.
fn thread_cpu() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let rest = s.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ut: f64 = f.get(11)?.parse().ok()?;
    let st: f64 = f.get(12)?.parse().ok()?;
    Some((ut + st) / 100.0)
}

/// Whole-process CPU seconds (all threads).
fn process_cpu() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = s.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ut: f64 = f.get(11)?.parse().ok()?;
    let st: f64 = f.get(12)?.parse().ok()?;
    Some((ut + st) / 100.0)
}

/// As the `interdict` binary does at start-up (`no_huge_pages` in its
/// `main.rs`): no transparent huge pages for this process, so that the
/// memory and time figures are the binary's.
fn no_huge_pages() {
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE only sets a flag of this process; its
    // arguments are plain integers and an error is harmless (THP stays on).
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

fn main() {
    no_huge_pages();
    if let Some(db) = arg("--child") {
        child(&db);
        return;
    }
    let Some(dir) = common::lists_dir("speed") else {
        return;
    };
    let db = std::env::temp_dir().join(format!("interdict-speed-{}.db", std::process::id()));
    {
        let mut store = Store::open(&db).expect("temp store");
        let t = Instant::now();
        let mut n = 0;
        for rel in common::FILES {
            match common::parse_file(&dir, rel) {
                Ok(list) => {
                    n += list.entities.len();
                    let hash = interdict_store::content_hash(&[rel.as_bytes()]);
                    store
                        .import(&NewSnapshot {
                            source: &list.source,
                            format: list.format.as_str(),
                            publisher_date: list.publisher_date.as_deref(),
                            content_hash: &hash,
                            files: vec![rel.to_string()],
                            entities: &list.entities,
                        })
                        .expect("import");
                }
                Err(e) => eprintln!("NOTE: speed: not loaded: {rel}: {e}"),
            }
        }
        println!(
            "parsed and imported {n} entities into {} in {:.2} s",
            db.display(),
            t.elapsed().as_secs_f64()
        );
        // as `interdict import` ends: the token table of the active lists
        let t = Instant::now();
        let m = Matcher::new(store.active_entities().expect("entities"));
        let t_index = t.elapsed();
        let table = m.token_table();
        let t_table = t.elapsed() - t_index;
        let bytes = table.to_bytes();
        store
            .put_derived(interdict_store::TOKEN_TABLE, &bytes)
            .expect("store the token table");
        println!(
            "token table (made at import): {} listed words looked up in {:.0} ms (after an index build of {:.0} ms), {:.1} MB stored",
            table.words(),
            t_table.as_secs_f64() * 1e3,
            t_index.as_secs_f64() * 1e3,
            bytes.len() as f64 / 1e6
        );
    }
    let exe = std::env::current_exe().expect("exe");
    let mut cmd = std::process::Command::new(exe);
    cmd.arg("--child").arg(&db);
    if let Some(q) = arg("--queries") {
        cmd.arg("--queries").arg(q);
    }
    for flag in ["--no-oracle", "--no-token-table"] {
        if std::env::args().any(|a| a == flag) {
            cmd.arg(flag);
        }
    }
    if let Some(n) = arg("--show-slow") {
        cmd.arg("--show-slow").arg(n);
    }
    if let Some(p) = arg("--write-queries") {
        cmd.arg("--write-queries").arg(p);
    }
    let status = cmd.status();
    let _ = std::fs::remove_file(&db);
    let _ = std::fs::remove_file(db.with_extension("db-wal"));
    let _ = std::fs::remove_file(db.with_extension("db-shm"));
    match status {
        Ok(s) if s.success() => {}
        other => eprintln!("child failed: {other:?}"),
    }
}

fn child(db: &str) {
    let nq: usize = arg("--queries")
        .and_then(|s| s.parse().ok())
        .unwrap_or(20_000);
    let t0 = Instant::now();
    let store = Store::open(std::path::Path::new(db)).expect("store");
    let entities = store.active_entities().expect("entities");
    let t1 = Instant::now();
    let mut m = Matcher::new(entities);
    let t2 = Instant::now();
    // as `interdict` starts (`screen::load_matcher`): the stored token table
    let table = if std::env::args().any(|a| a == "--no-token-table") {
        "not read (--no-token-table)".to_string()
    } else {
        let bytes = store
            .derived(interdict_store::TOKEN_TABLE)
            .expect("store")
            .expect("a token table");
        let table = TokenTable::from_bytes(&bytes).expect("a whole table");
        let words = table.words();
        m.use_token_table(table).expect("the table of these lists");
        format!("{words} listed words")
    };
    let t3 = Instant::now();
    let st = m.stats();
    println!(
        "start-up: load {} entities from the store {:.0} ms + build index {:.0} ms + read token table ({table}) {:.0} ms = {:.0} ms",
        st.entities,
        (t1 - t0).as_secs_f64() * 1e3,
        (t2 - t1).as_secs_f64() * 1e3,
        (t3 - t2).as_secs_f64() * 1e3,
        (t3 - t0).as_secs_f64() * 1e3
    );
    println!(
        "index: {} name forms, {} tokens+pairs, {} deletion keys, {} postings, ~{:.1} MB heap; VmHWM after start-up {}",
        st.name_forms,
        st.vocabulary,
        st.deletion_keys,
        st.postings,
        st.heap_bytes as f64 / 1e6,
        vm_hwm()
    );
    // queries: half varied listed names, half look-alikes that are not listed
    let ents = m.entities();
    let mut rng = Rng(0x1234_5678_9abc_def0);
    let mut queries = Vec::with_capacity(nq);
    while queries.len() < nq {
        let e = &ents[rng.below(ents.len())];
        let Some(n) = e.names.first() else { continue };
        if rng.chance(0.5) {
            let class = perturb::CLASSES[rng.below(perturb::CLASSES.len())];
            if let Some(v) = perturb::vary(&mut rng, class, &n.full, "Ahmed") {
                queries.push(Query::name(v));
            }
        } else {
            let o = &ents[rng.below(ents.len())];
            let a = n
                .full
                .split([' ', ','])
                .find(|t| !t.is_empty())
                .unwrap_or("X");
            let b = o
                .names
                .first()
                .map(|n| {
                    n.full
                        .split([' ', ','])
                        .rfind(|t| !t.is_empty())
                        .unwrap_or("Y")
                })
                .unwrap_or("Y");
            queries.push(Query::name(format!("{b} {a}")));
        }
    }
    let opts = Options::default();
    // single-threaded, with per-query latency
    let mut lat: Vec<f64> = Vec::with_capacity(nq);
    let mut hits = 0usize;
    let t = Instant::now();
    let c0 = thread_cpu();
    for q in &queries {
        let s = Instant::now();
        if let Ok(r) = m.screen(q, &opts) {
            hits += usize::from(r.iter().any(|x| x.is_match));
        }
        lat.push(s.elapsed().as_secs_f64() * 1e3);
    }
    let single = nq as f64 / t.elapsed().as_secs_f64();
    let single_cpu = match (c0, thread_cpu()) {
        (Some(a), Some(b)) if b > a => format!("{:.0}", nq as f64 / (b - a)),
        _ => "?".into(),
    };
    // the slowest queries, for whoever works on the tail
    if let Some(n) = arg("--show-slow").and_then(|s| s.parse::<usize>().ok()) {
        let mut by_time: Vec<(f64, &Query)> = lat.iter().copied().zip(&queries).collect();
        by_time.sort_by(|a, b| b.0.total_cmp(&a.0));
        for (ms, q) in by_time.iter().take(n) {
            println!("    slow {ms:.3} ms: {:?}", q.name);
        }
    }
    lat.sort_by(|a, b| a.total_cmp(b));
    let pct = |p: f64| lat[((lat.len() as f64 - 1.0) * p) as usize];
    // how much of the time the tail takes (what work on it can win)
    let total: f64 = lat.iter().sum();
    let share = |q: f64| {
        let cut = ((lat.len() as f64) * q) as usize;
        lat.get(cut..).unwrap_or(&[]).iter().sum::<f64>() / total.max(1e-9) * 100.0
    };
    println!(
        "time taken by the slowest queries: 1% {:.1}%, 5% {:.1}%, 10% {:.1}%, 50% {:.1}%",
        share(0.99),
        share(0.95),
        share(0.9),
        share(0.5)
    );
    println!(
        "single-threaded: {single:.0} names/s ({single_cpu} per CPU-second); latency p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms ({hits} of {nq} queries matched)",
        pct(0.5),
        pct(0.99),
        pct(1.0)
    );
    // the batch path, as `interdict batch` screens: ranked results, the
    // matches explained, on all cores. First on threads that have screened
    // nothing (each thread keeps the tokens it looked up, and these 20,000
    // queries, one per listed entity, repeat few tokens: the hardest case),
    // then the same queries again, every token already looked up once (what
    // a customer file, whose names repeat, comes nearer to)
    let batch_pass = || {
        let t = Instant::now();
        let p0 = process_cpu();
        let hits: usize = queries
            .par_iter()
            .map(|q| {
                usize::from(
                    m.screen_ranked_explained(q, &opts)
                        .map(|r| r.iter().any(|(x, _)| x.is_match))
                        .unwrap_or(false),
                )
            })
            .sum();
        let wall = t.elapsed().as_secs_f64();
        let cpu_share = match (p0, process_cpu()) {
            (Some(a), Some(b)) if b > a => format!("{:.2}", (b - a) / wall),
            _ => "?".into(),
        };
        (nq as f64 / wall, hits, cpu_share)
    };
    let (batch_cold, bh, cpu_share) = batch_pass();
    println!(
        "batch path, screen_ranked_explained ({} threads, token lookups cold): {batch_cold:.0} names/s ({bh} matched; this process had {cpu_share} CPUs on average; uptime load: {})",
        rayon::current_num_threads(),
        std::fs::read_to_string("/proc/loadavg").unwrap_or_default().trim()
    );
    let (batch_warm, _, _) = batch_pass();
    println!("batch path again, the same queries (token lookups cached): {batch_warm:.0} names/s");
    // every result explained, on all cores (warm, as above)
    let t = Instant::now();
    let ph: usize = queries
        .par_iter()
        .map(|q| {
            usize::from(
                m.screen(q, &opts)
                    .map(|r| r.iter().any(|x| x.is_match))
                    .unwrap_or(false),
            )
        })
        .sum();
    let par = nq as f64 / t.elapsed().as_secs_f64();
    println!(
        "parallel screen, every result explained ({} threads, token lookups cached): {par:.0} names/s ({ph} matched)",
        rayon::current_num_threads(),
    );
    if let Some(path) = arg("--write-queries") {
        let mut w = csv::Writer::from_path(&path).expect("queries file");
        w.write_record(["name"]).expect("write");
        for q in &queries {
            w.write_record([q.name.as_str()]).expect("write");
        }
        w.flush().expect("flush");
        println!("wrote {nq} queries to {path}");
    }
    if std::env::args().any(|a| a == "--no-oracle") {
        println!("peak RSS (VmHWM): {}", vm_hwm());
        return;
    }
    // the oracle
    let n_or = 200.min(nq);
    let t = Instant::now();
    queries[..n_or].par_iter().for_each(|q| {
        let _ = m.screen_full_scan(q, &opts);
    });
    let oracle = n_or as f64 / t.elapsed().as_secs_f64();
    println!(
        "full-scan oracle ({} threads): {oracle:.1} names/s (the batch path, cold, is {:.0}x faster)",
        rayon::current_num_threads(),
        batch_cold / oracle
    );
    println!("peak RSS (VmHWM): {}", vm_hwm());
}
