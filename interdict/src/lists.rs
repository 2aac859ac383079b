//! `interdict lists` and `interdict show`.

use crate::import::snapshot_line;
use crate::{open_store, OutputFormat};
use interdict_model::{country::country_name, Entity};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `interdict lists`.
#[derive(clap::Args)]
pub struct ListsArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
}

/// Arguments of `interdict show`.
#[derive(clap::Args)]
pub struct ShowArgs {
    /// Entity id, e.g. `ofac:20157` or `un:KPi.033`.
    pub id: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
}

pub fn run_lists(args: &ListsArgs, db: &Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let store = open_store(db)?;
    let snapshots = store.snapshots()?;
    match args.format {
        OutputFormat::Json => println!("{}", serde_json::to_string_pretty(&snapshots)?),
        OutputFormat::Text => {
            if snapshots.is_empty() {
                println!("no snapshots yet: run `interdict import FILE` or `interdict update`");
            }
            for s in &snapshots {
                println!(
                    "{} {}  imported {}  from {}",
                    if s.active { "*" } else { " " },
                    snapshot_line(s),
                    s.imported_at,
                    s.files.join(" + ")
                );
            }
            if !snapshots.is_empty() {
                println!("(* = active: the edition screening uses for its list)");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn run_show(args: &ShowArgs, db: &Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let store = open_store(db)?;
    let Some((snapshot, entity)) = store.entity(&args.id)? else {
        eprintln!("no entity with id {} in the store", args.id);
        return Ok(ExitCode::from(1));
    };
    match args.format {
        OutputFormat::Json => {
            let out = serde_json::json!({ "snapshot": snapshot, "entity": entity });
            println!("{}", serde_json::to_string_pretty(&out)?);
        }
        OutputFormat::Text => {
            print!("{}", render_entity(&entity));
            println!(
                "from snapshot #{} ({} of {}){}",
                snapshot.id,
                snapshot.source,
                snapshot.publisher_date.as_deref().unwrap_or("undated"),
                if snapshot.active {
                    ""
                } else {
                    " — not in the active edition of its list"
                }
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn countries(codes: &[String]) -> String {
    codes
        .iter()
        .map(|c| match country_name(c) {
            Some(name) => format!("{name} ({c})"),
            None => c.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A readable rendering of an entity, one fact per line.
pub fn render_entity(e: &Entity) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "{}  {} [{}]", e.id, e.caption(), e.schema);
    let mut field = |label: &str, value: String| {
        if !value.is_empty() {
            let _ = writeln!(out, "  {label:<14} {value}");
        }
    };
    field("reference", e.reference.clone());
    field("programmes", e.programmes.join(", "));
    field(
        "listed on",
        e.listed_on.map(|d| d.to_string()).unwrap_or_default(),
    );
    for n in &e.names {
        let mut tags = vec![format!("{:?}", n.kind).to_lowercase()];
        if n.quality != interdict_model::NameQuality::Unknown {
            tags.push(format!("{:?}", n.quality).to_lowercase());
        }
        tags.extend(n.script.clone());
        tags.extend(n.lang.clone());
        field("name", format!("{} ({})", n.full, tags.join(", ")));
    }
    for d in &e.birth_dates {
        field("born", d.to_string());
    }
    for p in &e.birth_places {
        field("born in", p.clone());
    }
    field("nationality", countries(&e.nationalities));
    field("countries", countries(&e.countries));
    field(
        "gender",
        e.gender
            .map(|g| format!("{g:?}").to_lowercase())
            .unwrap_or_default(),
    );
    for i in &e.identifiers {
        let mut v = format!("{} {}", i.kind.label(), i.value);
        if let Some(c) = &i.country {
            v.push_str(&format!(" ({c})"));
        }
        if let Some(n) = &i.note {
            v.push_str(&format!(" — {n}"));
        }
        field("identifier", v);
    }
    for a in &e.addresses {
        let parts: Vec<&str> = [&a.street, &a.city, &a.region, &a.postal_code, &a.country]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        let mut v = parts.join(", ");
        if let Some(n) = &a.note {
            v.push_str(&format!(" ({n})"));
        }
        field("address", v);
    }
    for l in &e.links {
        field(
            &l.relation.replace('_', " "),
            match &l.target_id {
                Some(id) => format!("{} [{id}]", l.target_name),
                None => l.target_name.clone(),
            },
        );
    }
    for (k, vs) in &e.properties {
        field(k, vs.join("; "));
    }
    for r in &e.remarks {
        field("remarks", r.clone());
    }
    out
}
