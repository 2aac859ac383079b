//! `interdict import`: list files into snapshots.

use crate::open_store;
use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use interdict_formats::{file_set, FileSet, Format, Input, ParsedList};
use interdict_store::{content_hash, ImportOutcome, NewSnapshot, SnapshotInfo, Store};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Arguments of `interdict import`.
#[derive(clap::Args)]
pub struct ImportArgs {
    /// List files, or folders whose list files are all imported. OFAC CSV
    /// sets are imported from their primary file (`sdn.csv`, `cons_prim.csv`);
    /// `add.csv`, `alt.csv` and `*_comments.csv` beside it are joined in.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Join the OFAC companion files (`add.csv`, `alt.csv`, comments) that
    /// an OFAC CSV primary file lacks beside it from this folder instead:
    /// for an `sdn.csv` kept without its aliases. The companions should be
    /// of the same day; rows of entries the primary file does not hold are
    /// left out and counted in a warning.
    #[arg(long, value_name = "DIR")]
    pub companions_from: Option<PathBuf>,
    /// Print the process's peak memory at the end (for benchmarks).
    #[arg(long, hide = true)]
    pub stats: bool,
}

/// The result of importing one file set.
pub struct Imported {
    /// What the store did.
    pub outcome: ImportOutcome,
    /// Time spent reading and parsing.
    pub parse_time: Duration,
    /// Time spent storing.
    pub store_time: Duration,
}

pub fn run(args: &ImportArgs, db: &Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let mut store = open_store(db)?;
    let mut sets = collect_sets(&args.files)?;
    if let Some(dir) = &args.companions_from {
        join_companions(&mut sets, dir)?;
    }
    let mut failures = 0;
    for set in &sets {
        match import_set(&mut store, set) {
            Ok(done) => println!("{}", describe(&done)),
            Err(err) => {
                failures += 1;
                eprintln!("error: {err:#}");
            }
        }
    }
    crate::token_table::refresh_after_import(&store);
    if args.stats {
        println!("stats: peak_rss_kib={}", peak_rss_kib().unwrap_or(0));
    }
    if failures > 0 {
        eprintln!(
            "{failures} of {} file sets failed; the store keeps its previous snapshots for them",
            sets.len()
        );
        return Ok(ExitCode::from(2));
    }
    Ok(ExitCode::SUCCESS)
}

/// Expands folders and resolves each file to its format and companions.
/// A file named explicitly must be a list file; in a folder, companion and
/// unrecognised files are skipped.
pub fn collect_sets(paths: &[PathBuf]) -> anyhow::Result<Vec<FileSet>> {
    let mut sets = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
                .with_context(|| format!("cannot read the folder {}", path.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .collect();
            entries.sort();
            for file in entries {
                match file_set(&file) {
                    Ok(set) => sets.push(set),
                    Err(err) => eprintln!("skipped: {err}"),
                }
            }
        } else {
            sets.push(file_set(path)?);
        }
    }
    Ok(sets)
}

/// Gives each OFAC CSV set the companions it lacks from `dir`
/// (`--companions-from`), saying which it joined.
fn join_companions(sets: &mut [FileSet], dir: &Path) -> anyhow::Result<()> {
    anyhow::ensure!(
        dir.is_dir(),
        "--companions-from {}: not a folder",
        dir.display()
    );
    let mut joined = 0;
    for set in sets.iter_mut() {
        for path in set.join_companions_from(dir) {
            eprintln!(
                "note: {} joined to {} from another folder: its rows are only as current as that file",
                path.display(),
                set.main.display()
            );
            joined += 1;
        }
    }
    anyhow::ensure!(
        joined > 0,
        "--companions-from {}: no OFAC companion file there is missing beside an imported primary file",
        dir.display()
    );
    Ok(())
}

/// Reads a file set, and parses and stores it unless the same bytes were
/// imported before.
pub fn import_set(store: &mut Store, set: &FileSet) -> anyhow::Result<Imported> {
    let started = Instant::now();
    let main = Input::read(&set.main)?;
    let mut companions = Vec::new();
    for (role, path) in &set.companions {
        companions.push((*role, Input::read(path)?));
    }
    let mut parts: Vec<&[u8]> = vec![&main.bytes];
    parts.extend(companions.iter().map(|(_, i)| i.bytes.as_slice()));
    let hash = content_hash(&parts);
    if let Some(existing) = store.find_by_hash(&hash)? {
        return Ok(Imported {
            outcome: ImportOutcome::Unchanged(existing),
            parse_time: started.elapsed(),
            store_time: Duration::ZERO,
        });
    }
    let spinner = spinner(&format!("parsing {}", main.name));
    let parsed = interdict_formats::parse(set.format, &main, &companions);
    spinner.finish_and_clear();
    let parsed = parsed?;
    for warning in &parsed.warnings {
        eprintln!("warning: {warning}");
    }
    let parse_time = started.elapsed();
    let stored = Instant::now();
    let files: Vec<String> = std::iter::once(&main.name)
        .chain(companions.iter().map(|(_, i)| &i.name))
        .cloned()
        .collect();
    // the format read, which can be more exact than the one detected (nested
    // OpenSanctions targets whose first lines look like plain FtM)
    let outcome = store_parsed(store, &parsed, parsed.format, &hash, files)?;
    Ok(Imported {
        outcome,
        parse_time,
        store_time: stored.elapsed(),
    })
}

/// Stores a parsed list as a snapshot, refusing an empty one.
pub fn store_parsed(
    store: &mut Store,
    parsed: &ParsedList,
    format: Format,
    hash: &str,
    files: Vec<String>,
) -> anyhow::Result<ImportOutcome> {
    if parsed.entities.is_empty() {
        anyhow::bail!(
            "{}: the file holds no entities; not imported",
            files.first().map_or("?", String::as_str)
        );
    }
    let spinner = spinner(&format!("storing {} entities", parsed.entities.len()));
    let outcome = store.import(&NewSnapshot {
        source: &parsed.source,
        format: format.as_str(),
        publisher_date: parsed.publisher_date.as_deref(),
        content_hash: hash,
        files,
        entities: &parsed.entities,
    });
    spinner.finish_and_clear();
    Ok(outcome?)
}

fn spinner(message: &str) -> ProgressBar {
    let bar = ProgressBar::new_spinner();
    bar.set_style(
        ProgressStyle::with_template("{spinner} {msg} {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    bar.set_message(message.to_string());
    bar.enable_steady_tick(Duration::from_millis(100));
    bar
}

/// One line about a snapshot: id, source, date and counts.
pub fn snapshot_line(s: &SnapshotInfo) -> String {
    let counts: Vec<String> = s.counts.iter().map(|(k, v)| format!("{v} {k}")).collect();
    format!(
        "#{} {} of {}: {} entities ({})",
        s.id,
        s.source,
        s.publisher_date.as_deref().unwrap_or("undated"),
        s.entity_count,
        counts.join(", ")
    )
}

fn describe(done: &Imported) -> String {
    match &done.outcome {
        ImportOutcome::Imported(s) => format!(
            "imported {} from {} in {:.2} s (parse {:.2} s, store {:.2} s){}",
            snapshot_line(s),
            s.files.join(" + "),
            (done.parse_time + done.store_time).as_secs_f64(),
            done.parse_time.as_secs_f64(),
            done.store_time.as_secs_f64(),
            if s.active {
                ""
            } else {
                " — not active: a newer edition of this list is in the store"
            }
        ),
        ImportOutcome::Unchanged(s) => format!(
            "unchanged: {} holds the same bytes as snapshot {}",
            s.files.join(" + "),
            snapshot_line(s)
        ),
    }
}

/// Parses a list file without storing it (for `diff` on files).
pub fn parse_file(path: &Path) -> anyhow::Result<ParsedList> {
    Ok(interdict_formats::parse_path(path)?)
}

/// The process's peak resident memory (VmHWM) in KiB, on Linux.
pub fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
