//! `interdict screen`: screen one name against the active lists.
//!
//! Exit status: `0` no match, `1` at least one match at the threshold,
//! `2` an error (bad arguments, no database, nothing imported).

use crate::OutputFormat;
use anyhow::Context;
use interdict_matcher::{Matcher, Options, Query, DEFAULT_THRESHOLD};
use interdict_model::{Entity, Gender, PartialDate, Schema};
use interdict_store::Store;
use std::process::ExitCode;
use std::time::Instant;

/// Arguments of `interdict screen`.
#[derive(clap::Args)]
#[command(after_help = "Exit status: 0 = no match, 1 = match found, 2 = error.")]
pub struct ScreenArgs {
    /// The name to screen, in any script ("Kim Jong-un", "Ким Чен Ын", "김정은").
    pub name: String,
    /// What kind of party: person, organization, company, vessel, airplane.
    #[arg(long)]
    pub schema: Option<String>,
    /// Birth date (YYYY, YYYY-MM or YYYY-MM-DD).
    #[arg(long)]
    pub birth_date: Option<String>,
    /// Country (ISO code or name); may be repeated.
    #[arg(long)]
    pub country: Vec<String>,
    /// Identifier, bare or as kind:value (imo:9123456, passport:AB123); may be repeated.
    #[arg(long)]
    pub id: Vec<String>,
    /// Gender: male or female.
    #[arg(long)]
    pub gender: Option<String>,
    /// Which words of NAME are the person's family name (surname), when
    /// known: a family name that meets nothing while the given names meet
    /// a listed name is another family. Without it, a family name written
    /// in capitals beside given names in title case counts so
    /// ("Muhammad Qasim ABDOLLAHI").
    #[arg(long)]
    pub family_name: Option<String>,
    /// Score at which a result is a match (0..1).
    #[arg(long, default_value_t = DEFAULT_THRESHOLD)]
    pub threshold: f32,
    /// At most this many results.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Also show near misses down to this score.
    #[arg(long)]
    pub min_score: Option<f32>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// Print load, index and query times on stderr.
    #[arg(long)]
    pub timings: bool,
}

/// Builds a query from the common screening fields.
pub fn build_query(
    name: &str,
    schema: Option<&str>,
    birth_date: Option<&str>,
    countries: &[String],
    ids: &[String],
    gender: Option<&str>,
    family_name: Option<&str>,
) -> anyhow::Result<Query> {
    let schema = match schema.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => Some(Schema::parse(s).with_context(|| {
            format!("unknown schema {s:?} (person, organization, company, legalentity, vessel, airplane)")
        })?),
        None => None,
    };
    let birth_date = match birth_date.map(str::trim).filter(|s| !s.is_empty()) {
        Some(d) => Some(
            d.parse::<PartialDate>()
                .map_err(|e| anyhow::anyhow!("{e} (use YYYY, YYYY-MM or YYYY-MM-DD)"))?,
        ),
        None => None,
    };
    let gender = match gender.map(|g| g.trim().to_ascii_lowercase()) {
        None => None,
        Some(g) if g.is_empty() => None,
        Some(g) if g == "male" || g == "m" => Some(Gender::Male),
        Some(g) if g == "female" || g == "f" => Some(Gender::Female),
        Some(g) => anyhow::bail!("unknown gender {g:?} (male or female)"),
    };
    Ok(Query {
        name: name.to_string(),
        schema,
        birth_date,
        countries: countries
            .iter()
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect(),
        identifiers: ids
            .iter()
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect(),
        gender,
        family_name: family_name
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .map(str::to_string),
    })
}

/// Loads the active entities and builds the matcher; fails when nothing is imported.
pub fn load_matcher(store: &Store, timings: bool) -> anyhow::Result<Matcher> {
    let t0 = Instant::now();
    let entities = store
        .active_entities()
        .context("cannot read the active lists")?;
    if entities.is_empty() {
        anyhow::bail!(
            "no list is imported: run `interdict import FILE` or `interdict update` first"
        );
    }
    let t1 = Instant::now();
    let mut m = Matcher::new(entities);
    let t2 = Instant::now();
    let table = crate::token_table::read(store, &mut m);
    if timings {
        let s = m.stats();
        eprintln!(
            "loaded {} entities in {:.1} ms, index ({} name forms, {} tokens) built in {:.1} ms, {} in {:.1} ms",
            s.entities,
            (t1 - t0).as_secs_f64() * 1e3,
            s.name_forms,
            s.vocabulary,
            (t2 - t1).as_secs_f64() * 1e3,
            match &table {
                Ok(words) => format!("token table read ({words} listed words)"),
                Err(why) => format!("no token table ({why})"),
            },
            t2.elapsed().as_secs_f64() * 1e3
        );
    }
    Ok(m)
}

fn entity_json(e: &Entity) -> serde_json::Value {
    serde_json::json!({
        "id": e.id,
        "source": e.source,
        "reference": e.reference,
        "schema": e.schema,
        "caption": e.caption(),
        "programmes": e.programmes,
    })
}

/// Runs the command.
pub fn run(args: &ScreenArgs, store: &Store) -> anyhow::Result<ExitCode> {
    let q = build_query(
        &args.name,
        args.schema.as_deref(),
        args.birth_date.as_deref(),
        &args.country,
        &args.id,
        args.gender.as_deref(),
        args.family_name.as_deref(),
    )?;
    let m = load_matcher(store, args.timings)?;
    let opts = Options {
        threshold: args.threshold,
        limit: args.limit,
        min_score: args.min_score,
    };
    let t = Instant::now();
    let results = m.screen(&q, &opts)?;
    if args.timings {
        eprintln!(
            "query screened in {:.3} ms",
            t.elapsed().as_secs_f64() * 1e3
        );
    }
    let matched = results.iter().any(|r| r.is_match);
    match args.format {
        OutputFormat::Json => {
            let items: Vec<serde_json::Value> = results
                .iter()
                .filter_map(|r| {
                    let e = m.entities().get(r.entity_index)?;
                    Some(serde_json::json!({
                        "entity": entity_json(e),
                        "score": r.score,
                        "match": r.is_match,
                        "explanation": r.explanation,
                    }))
                })
                .collect();
            let out = serde_json::json!({
                "query": q,
                "threshold": args.threshold,
                "match": matched,
                "results": items,
            });
            println!("{}", serde_json::to_string_pretty(&out)?);
        }
        OutputFormat::Text => {
            if results.is_empty() {
                println!(
                    "No match for {:?} at threshold {:.2} ({} entities screened).",
                    args.name,
                    args.threshold,
                    m.entities().len()
                );
            }
            for (i, r) in results.iter().enumerate() {
                let Some(e) = m.entities().get(r.entity_index) else {
                    continue;
                };
                println!(
                    "{:>2}. {:<6} {:.3}  {}  {} [{}]",
                    i + 1,
                    if r.is_match { "MATCH" } else { "near" },
                    r.score,
                    e.id,
                    e.caption(),
                    e.schema
                );
                println!(
                    "    source {}, reference {}, programmes {}",
                    e.source,
                    e.reference,
                    if e.programmes.is_empty() {
                        "-".to_string()
                    } else {
                        e.programmes.join(", ")
                    }
                );
                println!("    why: {}", r.explanation.sentence);
            }
        }
    }
    Ok(if matched {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
