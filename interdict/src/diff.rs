//! `interdict diff`: what changed between two editions of a list.

use crate::import::parse_file;
use crate::{open_store, OutputFormat};
use anyhow::bail;
use interdict_model::Entity;
use interdict_store::{diff_entities, SnapshotDiff, Store};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Arguments of `interdict diff`.
#[derive(clap::Args)]
pub struct DiffArgs {
    /// The old edition: a snapshot id as `interdict lists` prints it, or a list file.
    pub old: String,
    /// The new edition: a snapshot id or a list file.
    pub new: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
}

/// Loads one side: a snapshot id (digits, optionally `#`) or a file.
fn load(side: &str, store: &Store) -> anyhow::Result<(String, String, Vec<Entity>)> {
    let digits = side.trim_start_matches('#');
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) && !Path::new(side).exists()
    {
        let id: i64 = digits.parse()?;
        let info = store.snapshot(id)?;
        let label = format!(
            "snapshot #{id} ({} of {})",
            info.source,
            info.publisher_date.as_deref().unwrap_or("undated")
        );
        return Ok((info.source, label, store.entities(id)?));
    }
    let parsed = parse_file(Path::new(side))?;
    let label = format!(
        "{side} ({} of {})",
        parsed.source,
        parsed.publisher_date.as_deref().unwrap_or("undated")
    );
    Ok((parsed.source, label, parsed.entities))
}

pub fn run(args: &DiffArgs, db: &Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let store = open_store(db)?;
    let (old_source, old_label, old) = load(&args.old, &store)?;
    let (new_source, new_label, new) = load(&args.new, &store)?;
    if old_source != new_source {
        bail!("{old_label} and {new_label} are editions of different lists; a diff compares two editions of one list");
    }
    let diff = diff_entities(&old, &new);
    match args.format {
        OutputFormat::Json => {
            let out = serde_json::json!({
                "old": old_label, "new": new_label, "source": old_source,
                "added": diff.added, "removed": diff.removed, "changed": diff.changed,
            });
            println!("{}", serde_json::to_string_pretty(&out)?);
        }
        OutputFormat::Text => print!("{}", render(&old_label, &new_label, &diff)),
    }
    Ok(ExitCode::SUCCESS)
}

fn render(old: &str, new: &str, diff: &SnapshotDiff) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "from {old}\n  to {new}");
    let _ = writeln!(
        out,
        "{} added, {} removed, {} changed",
        diff.added.len(),
        diff.removed.len(),
        diff.changed.len()
    );
    for e in &diff.added {
        let _ = writeln!(out, "+ {}  {} [{}]", e.id, e.caption, e.schema);
    }
    for e in &diff.removed {
        let _ = writeln!(out, "- {}  {} [{}]", e.id, e.caption, e.schema);
    }
    for c in &diff.changed {
        let _ = writeln!(out, "~ {}  {}", c.id, c.caption);
        for f in &c.changes {
            for v in &f.removed {
                let _ = writeln!(out, "    {}: - {}", f.field, compact(v));
            }
            for v in &f.added {
                let _ = writeln!(out, "    {}: + {}", f.field, compact(v));
            }
        }
    }
    out
}

fn compact(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Object(map) => map
            .iter()
            .map(|(k, v)| format!("{k}={}", compact(v)))
            .collect::<Vec<_>>()
            .join(" "),
        other => other.to_string(),
    }
}
