//! `interdict scan`: find listed parties and embargoed countries named in
//! documents (plain text, HTML pages, e-mail messages).
//!
//! Exit status: `0` no listed party named, `1` at least one mention of a
//! listed party, `2` an error (no database, nothing imported, a file that is
//! not text or cannot be read).

use crate::OutputFormat;
use anyhow::Context;
use interdict_matcher::{Matcher, DEFAULT_THRESHOLD};
use interdict_scan::{read_document, render_marked, Document, ScanOptions, ScanReport, Scanner};
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

/// Arguments of `interdict scan`.
#[derive(clap::Args)]
#[command(
    after_help = "Exit status: 0 = no listed party named, 1 = listed parties named, 2 = error.\n\
                  Example: echo 'Kim Jong-un met Vladimir Putin in Pyongyang' | interdict scan -"
)]
pub struct ScanArgs {
    /// Files to scan (text, .html, .eml); `-` or nothing reads standard input.
    pub inputs: Vec<String>,
    /// Output format: text shows the document with the mentions marked.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// Score a mention must reach (0..1).
    #[arg(long, default_value_t = DEFAULT_THRESHOLD)]
    pub threshold: f32,
    /// Read every input as this kind or content type: text, html, email
    /// (default: from the file name, then the content).
    #[arg(long = "as", value_name = "KIND")]
    pub kind: Option<String>,
    /// Do not report countries and regimes.
    #[arg(long)]
    pub no_countries: bool,
    /// Do not link a family name alone to a person named earlier.
    #[arg(long)]
    pub no_coreference: bool,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, default_value_t = 64 * 1024 * 1024)]
    pub max_bytes: usize,
    /// Print load, index and scan times on stderr.
    #[arg(long)]
    pub timings: bool,
}

fn hint_for(kind: Option<&str>, name: &str) -> Option<String> {
    match kind.map(|k| k.trim().to_ascii_lowercase()) {
        Some(k) if k == "text" || k == "txt" => Some("text/plain".into()),
        Some(k) if k == "html" || k == "htm" => Some("text/html".into()),
        Some(k) if k == "email" || k == "eml" || k == "mail" => Some("message/rfc822".into()),
        Some(k) => Some(k),
        None => (name != "-").then(|| name.to_string()),
    }
}

fn read_input(name: &str, max: usize) -> anyhow::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if name == "-" {
        std::io::stdin()
            .take(max as u64 + 1)
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
    } else {
        let f = std::fs::File::open(name).with_context(|| format!("cannot open {name}"))?;
        f.take(max as u64 + 1)
            .read_to_end(&mut bytes)
            .with_context(|| format!("cannot read {name}"))?;
    }
    if bytes.len() > max {
        anyhow::bail!("{name}: larger than the limit of {max} bytes (see --max-bytes)");
    }
    Ok(bytes)
}

/// Runs the command. `db` is the database path given with --db (None = default).
pub fn run(args: &ScanArgs, db: &Option<PathBuf>) -> anyhow::Result<ExitCode> {
    if !(0.0..=1.0).contains(&args.threshold) {
        anyhow::bail!("the threshold {} is not between 0 and 1", args.threshold);
    }
    let inputs: Vec<String> = if args.inputs.is_empty() {
        vec!["-".into()]
    } else {
        args.inputs.clone()
    };
    // read the documents first, so that a bad file fails before the lists load
    let mut docs: Vec<(String, anyhow::Result<Document>)> = Vec::new();
    for name in &inputs {
        let doc = read_input(name, args.max_bytes).and_then(|bytes| {
            read_document(&bytes, hint_for(args.kind.as_deref(), name).as_deref())
                .with_context(|| format!("{name}: cannot scan"))
        });
        docs.push((name.clone(), doc));
    }
    let store = crate::open_store(db)?;
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
    let mut matcher = Matcher::new(entities);
    // (a missing or stale table only makes lookups slower)
    let _ = crate::token_table::read(&store, &mut matcher);
    let matcher = Arc::new(matcher);
    let t2 = Instant::now();
    let scanner = Scanner::new(matcher);
    if args.timings {
        eprintln!(
            "loaded {} entities in {:.0} ms, matcher index {:.0} ms, scan tables ({} name forms) {:.0} ms",
            scanner.matcher().entities().len(),
            (t1 - t0).as_secs_f64() * 1e3,
            (t2 - t1).as_secs_f64() * 1e3,
            scanner.name_forms(),
            t2.elapsed().as_secs_f64() * 1e3
        );
    }
    let opts = ScanOptions {
        threshold: args.threshold,
        coreference: !args.no_coreference,
        countries: !args.no_countries,
        max_bytes: args.max_bytes,
        ..ScanOptions::default()
    };
    let mut found = false;
    let mut failed = false;
    let mut json_out: Vec<serde_json::Value> = Vec::new();
    for (name, doc) in &docs {
        let doc = match doc {
            Ok(d) => d,
            Err(e) => {
                eprintln!("error: {e:#}");
                failed = true;
                continue;
            }
        };
        let t = Instant::now();
        let report = match scanner.try_scan(doc, &opts) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("error: {name}: {e}");
                failed = true;
                continue;
            }
        };
        if args.timings {
            let s = t.elapsed().as_secs_f64();
            eprintln!(
                "{name}: {} bytes scanned in {:.1} ms ({:.1} MB/s)",
                report.bytes,
                s * 1e3,
                report.bytes as f64 / 1e6 / s.max(1e-9)
            );
        }
        found |= !report.mentions.is_empty();
        match args.format {
            OutputFormat::Json => json_out.push(serde_json::json!({
                "input": name,
                "document": {
                    "kind": doc.kind,
                    "encoding": doc.encoding,
                    "title": doc.title,
                    "source_bytes": doc.source_bytes,
                },
                "report": report,
            })),
            OutputFormat::Text => print_text(name, doc, &report, inputs.len() > 1),
        }
    }
    if args.format == OutputFormat::Json {
        let v = if json_out.len() == 1 {
            json_out.pop().unwrap_or_default()
        } else {
            serde_json::Value::Array(json_out)
        };
        println!("{}", serde_json::to_string_pretty(&v)?);
    }
    Ok(if failed {
        ExitCode::from(2)
    } else if found {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Longest document printed with its marks; longer ones list the mentions only.
const MAX_MARKED: usize = 200_000;

fn print_text(name: &str, doc: &Document, report: &ScanReport, header: bool) {
    if header {
        println!("== {name} ==");
    }
    let mut kind = format!("{:?}", doc.kind).to_lowercase();
    if doc.encoding != "UTF-8" {
        kind.push_str(&format!(", {}", doc.encoding));
    }
    for w in &doc.warnings {
        println!("warning: {w}");
    }
    if report.bytes <= MAX_MARKED {
        println!("{}", render_marked(doc, report));
    } else {
        println!(
            "({kind}, {} characters: too long to print with marks; the mentions follow)",
            report.chars
        );
    }
    println!();
    if report.mentions.is_empty() {
        println!("No listed party named (threshold {:.2}).", report.threshold);
    } else {
        println!("Listed parties named ({}):", report.mentions.len());
    }
    for (i, m) in report.mentions.iter().enumerate() {
        println!(
            "{:>3}. chars {}..{} {:?} \u{2192} {} {} [{}] score {:.2}{}",
            i + 1,
            m.start,
            m.end,
            m.text,
            m.entity.id,
            m.entity.caption,
            m.entity.schema,
            m.score,
            match m.antecedent {
                Some(a) => format!(" (same person as mention {})", a + 1),
                None => String::new(),
            }
        );
        println!(
            "     source {}, reference {}, programmes {}",
            m.entity.source,
            m.entity.reference,
            if m.entity.programmes.is_empty() {
                "-".to_string()
            } else {
                m.entity.programmes.join(", ")
            }
        );
        println!("     why: {}", m.explanation.sentence);
    }
    if !report.countries.is_empty() {
        println!("Countries named:");
    }
    for c in &report.countries {
        let spans: Vec<String> = c
            .spans
            .iter()
            .map(|s| format!("{:?} ({}..{})", s.text, s.start, s.end))
            .collect();
        println!("  {} {}: {}", c.code, c.name, spans.join(", "));
        for g in &c.regimes {
            println!(
                "     {} {}{}: {} [{}]",
                g.authority,
                g.regime,
                if g.arms_embargo { ", arms embargo" } else { "" },
                g.measures.join(", "),
                g.legal_basis
            );
        }
        if let Some(n) = &c.note {
            println!("     note: {n}");
        }
    }
    if !report.arms_terms.is_empty() {
        println!("Arms-related words: {}", report.arms_terms.join(", "));
    }
}
