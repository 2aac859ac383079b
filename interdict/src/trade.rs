//! `interdict trade FILE`: screen trade transactions against the lists and the arms embargoes.
//!
//! FILE (or `-` for standard input) holds one JSON transaction, a JSON array
//! of them, JSON Lines, or a CSV with one row per goods line (the schema and
//! CSV columns are documented in `interdict_embargo::transaction`). Records
//! are read as a stream and screened in parallel chunks, with a progress bar
//! on a terminal. Each answer is `prohibited`, `review` or `clear` with every
//! reason; a record that cannot be read is answered `review`, saying why.
//!
//! Exit status: 0 when every transaction is clear, 1 when any needs review or
//! is prohibited, 2 on an error that stops the run.
//!
//! Parties (and vessel names) are screened with the matching engine
//! (`interdict_matcher::Matcher`, through the [`MatcherScreener`] adapter of
//! `interdict_embargo::PartyScreener`) over the active snapshots; `--exact`
//! uses `interdict_embargo::ListScreener` (exact normalized names) instead.
//! Vessels are matched by IMO number directly on the listed identifiers.

use crate::embargoes::parse_authorities;
use crate::OutputFormat;
use anyhow::Context as _;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use interdict_embargo::transaction::{
    detect_format, read_json, read_json_lines, CsvReader, InputFormat, Record,
};
use interdict_embargo::{
    screen_transaction, Context, Decision, DecisionKind, IsoDate, ListScreener, MatcherScreener,
    PartyScreener, RuleSet, VesselIndex,
};
use interdict_matcher::Matcher;
use interdict_store::Store;
use rayon::prelude::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::ExitCode;

/// Arguments of `interdict trade`.
#[derive(clap::Args)]
pub struct TradeArgs {
    /// Transactions file: JSON object, JSON array, JSON Lines or CSV; `-` for standard input.
    pub input: Option<String>,
    /// Output format: text, or JSON (one object per line; pretty for a single transaction).
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
    /// Only the measures of these authorities (UN, EU, UK, US); repeat or separate by commas.
    #[arg(long, value_delimiter = ',')]
    pub authority: Vec<String>,
    /// The date for transactions that give none (YYYY-MM-DD; default today).
    #[arg(long)]
    pub date: Option<String>,
    /// Force the input layout instead of detecting it.
    #[arg(long, value_parser = ["json", "jsonl", "csv"])]
    pub input_format: Option<String>,
    /// No progress bar.
    #[arg(long)]
    pub quiet: bool,
    /// Screen party names by exact normalized name only, not with the matching engine.
    #[arg(long)]
    pub exact: bool,
    /// A party match scoring at least this makes a transaction prohibited.
    #[arg(long, default_value_t = 0.95)]
    pub prohibit_score: f32,
    /// A party match scoring at least this (and below --prohibit-score) makes it need review.
    #[arg(long, default_value_t = 0.80)]
    pub review_score: f32,
}

const CHUNK: usize = 1024;

/// Runs the command.
pub fn run(args: &TradeArgs, store: &Store) -> anyhow::Result<ExitCode> {
    let path = args
        .input
        .as_deref()
        .context("give a transactions file (JSON, JSON Lines or CSV), or - for standard input")?;
    let rules = RuleSet::embedded()?;
    let entities = store.active_entities()?;
    if entities.is_empty() {
        eprintln!(
            "warning: no lists imported: parties and vessels cannot be screened, so every transaction will need review (run `interdict import` or `interdict update`)"
        );
    }
    for (flag, v) in [
        ("--prohibit-score", args.prohibit_score),
        ("--review-score", args.review_score),
    ] {
        if !(0.0..=1.0).contains(&v) {
            anyhow::bail!("{flag} {v} is not between 0 and 1");
        }
    }
    let vessels = VesselIndex::new(&entities);
    let screener: Box<dyn PartyScreener> = if args.exact {
        Box::new(ListScreener::new(entities))
    } else {
        let mut matcher = Matcher::new(entities);
        // (a missing or stale table only makes lookups slower)
        let _ = crate::token_table::read(store, &mut matcher);
        Box::new(MatcherScreener::new(
            std::sync::Arc::new(matcher),
            args.review_score,
        ))
    };
    let mut ctx = Context::new(&rules, screener.as_ref(), &vessels);
    ctx.authorities = parse_authorities(&args.authority)?;
    ctx.prohibit_score = args.prohibit_score;
    ctx.review_score = args.review_score;
    if let Some(d) = &args.date {
        ctx.today = IsoDate::parse(d)
            .filter(|x| x.day != 0)
            .with_context(|| format!("--date {d:?} is not a YYYY-MM-DD date"))?;
    }

    let raw: Box<dyn Read> = if path == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(std::fs::File::open(path).with_context(|| format!("cannot open {path}"))?)
    };
    let mut reader = BufReader::with_capacity(1 << 16, raw);
    let head = String::from_utf8_lossy(reader.fill_buf()?).into_owned();
    let format = match args.input_format.as_deref() {
        Some("json") => InputFormat::Json,
        Some("jsonl") => InputFormat::JsonLines,
        Some("csv") => InputFormat::Csv,
        _ => detect_format(&head),
    };
    let mut single = false;
    let records: Box<dyn Iterator<Item = Record>> = match format {
        InputFormat::Json => {
            let mut text = String::new();
            reader
                .read_to_string(&mut text)
                .with_context(|| format!("cannot read {path} as UTF-8 text"))?;
            single = text.trim_start().starts_with('{');
            let recs = read_json(&text).with_context(|| path.to_string())?;
            Box::new(recs.into_iter())
        }
        InputFormat::JsonLines => Box::new(read_json_lines(reader)),
        InputFormat::Csv => Box::new(CsvReader::new(reader).with_context(|| path.to_string())?),
    };

    let bar = if args.quiet {
        ProgressBar::hidden()
    } else {
        let b = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        b.set_style(
            ProgressStyle::with_template("{spinner} {pos} transactions screened ({per_sec}) {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        b
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut counts = [0usize; 3];
    let mut records = records.peekable();
    while records.peek().is_some() {
        let chunk: Vec<Record> = records.by_ref().take(CHUNK).collect();
        let decisions: Vec<Decision> = chunk
            .par_iter()
            .map(|rec| match &rec.result {
                Ok(tx) => {
                    let mut d = screen_transaction(tx, &ctx);
                    d.location = Some(rec.location.clone());
                    d
                }
                Err(e) => Decision::unreadable(&rec.location, e),
            })
            .collect();
        for d in &decisions {
            counts[d.decision as usize] += 1;
            match args.format {
                OutputFormat::Json if single => {
                    writeln!(out, "{}", serde_json::to_string_pretty(d)?)?
                }
                OutputFormat::Json => writeln!(out, "{}", serde_json::to_string(d)?)?,
                OutputFormat::Text => write_text(&mut out, d)?,
            }
        }
        bar.inc(decisions.len() as u64);
    }
    out.flush()?;
    bar.finish_and_clear();
    let [clear, review, prohibited] = counts;
    eprintln!(
        "{} transaction(s): {prohibited} prohibited, {review} review, {clear} clear",
        clear + review + prohibited
    );
    Ok(if review + prohibited > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn write_text(out: &mut impl Write, d: &Decision) -> std::io::Result<()> {
    let label = match d.decision {
        DecisionKind::Prohibited => "PROHIBITED",
        DecisionKind::Review => "REVIEW",
        DecisionKind::Clear => "CLEAR",
    };
    let id = d.id.as_deref().unwrap_or("(no id)");
    let loc = d
        .location
        .as_deref()
        .map(|l| format!(" [{l}]"))
        .unwrap_or_default();
    writeln!(out, "{id}{loc}: {label}")?;
    for g in &d.goods {
        writeln!(
            out,
            "  goods line {}: {} — {}",
            g.line,
            g.description.as_deref().unwrap_or("(no description)"),
            g.summary
        )?;
    }
    for r in &d.reasons {
        let id = r.id.as_deref().map(|i| format!(" {i}")).unwrap_or_default();
        writeln!(out, "  - {} ({:?}{id}): {}", r.effect, r.kind, r.why)?;
        if let Some(c) = &r.citation {
            writeln!(out, "      citation: {c}")?;
        }
    }
    for c in &d.checks {
        writeln!(out, "  · {c}")?;
    }
    writeln!(out)
}
