//! `interdict batch`: screen a CSV or JSON Lines file of names.
//!
//! Rows are read in chunks, screened in parallel on all cores and written in
//! input order, so memory stays constant whatever the file size. Each input
//! row gives one output row that carries the input's columns, the best
//! matches (each match with its explanation's sentence) and a match flag; a row that cannot be read or screened gets an
//! `error` instead of stopping the run.
//!
//! Exit status: `0` no row matched, `1` at least one row matched, `2` an
//! error that stopped the run (unreadable input, no lists imported).

use crate::screen::{build_query, load_matcher};
use anyhow::Context;
use clap::ValueEnum;
use indicatif::{ProgressBar, ProgressStyle};
use interdict_matcher::{Matcher, Options, Query, DEFAULT_THRESHOLD};
use interdict_store::Store;
use rayon::prelude::*;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// File formats of `batch`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum BatchFormat {
    /// Comma-separated values with a header row.
    Csv,
    /// One JSON object per line.
    Jsonl,
}

/// Arguments of `interdict batch`.
#[derive(clap::Args)]
#[command(after_help = "Exit status: 0 = no row matched, 1 = at least one row matched, 2 = error.")]
pub struct BatchArgs {
    /// Input file: CSV with a header row, or JSON Lines (.jsonl, .ndjson).
    pub input: PathBuf,
    /// Output file: JSON Lines or CSV (by extension, or --out-format).
    #[arg(long)]
    pub out: PathBuf,
    /// Input format (default: from the extension).
    #[arg(long, value_enum)]
    pub in_format: Option<BatchFormat>,
    /// Output format (default: from the extension, else JSON Lines).
    #[arg(long, value_enum)]
    pub out_format: Option<BatchFormat>,
    /// Column holding the name.
    #[arg(long, default_value = "name")]
    pub name_column: String,
    /// Column holding a person's given names, for files that split the
    /// name (used when the name column is absent or empty).
    #[arg(long, default_value = "first_name")]
    pub given_name_column: String,
    /// Column holding a person's family name: with the name column, it
    /// says which words of the name are the family name; without it, the
    /// name is the given names then the family name.
    #[arg(long, default_value = "last_name")]
    pub family_name_column: String,
    /// Column holding the birth date.
    #[arg(long, default_value = "birth_date")]
    pub birth_date_column: String,
    /// Column holding the country (several separated by `;`).
    #[arg(long, default_value = "country")]
    pub country_column: String,
    /// Column holding the schema (person, organization, vessel, ...).
    #[arg(long, default_value = "schema")]
    pub schema_column: String,
    /// Column holding an identifier (several separated by `;`).
    #[arg(long, default_value = "id")]
    pub id_column: String,
    /// Column holding the gender.
    #[arg(long, default_value = "gender")]
    pub gender_column: String,
    /// Score at which a result is a match (0..1).
    #[arg(long, default_value_t = DEFAULT_THRESHOLD)]
    pub threshold: f32,
    /// Matches reported per row.
    #[arg(long, default_value_t = 3)]
    pub limit: usize,
    /// Rows per parallel chunk.
    #[arg(long, default_value_t = 4096)]
    pub chunk_size: usize,
    /// No progress bar.
    #[arg(long)]
    pub quiet: bool,
}

fn format_of(path: &Path, explicit: Option<BatchFormat>, default: BatchFormat) -> BatchFormat {
    if let Some(f) = explicit {
        return f;
    }
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .as_deref()
    {
        Some("csv") | Some("tsv") => BatchFormat::Csv,
        Some("jsonl") | Some("ndjson") | Some("json") => BatchFormat::Jsonl,
        _ => default,
    }
}

/// One input row: its columns as (name, value), or why it could not be read.
struct InRow {
    line: u64,
    columns: Vec<(String, String)>,
    raw_error: Option<String>,
}

/// One best match.
#[derive(serde::Serialize)]
struct Hit {
    entity_id: String,
    source: String,
    reference: String,
    caption: String,
    score: f64,
    #[serde(rename = "match")]
    is_match: bool,
    /// The explanation's sentence, for a match (what met what, and why
    /// the score is what it is).
    #[serde(skip_serializing_if = "Option::is_none")]
    why: Option<String>,
}

struct OutRow {
    row: InRow,
    hits: Vec<Hit>,
    error: Option<String>,
}

impl OutRow {
    fn matched(&self) -> bool {
        self.hits.iter().any(|h| h.is_match)
    }
}

fn column<'a>(row: &'a InRow, name: &str) -> Option<&'a str> {
    row.columns
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

fn split_list(v: Option<&str>) -> Vec<String> {
    v.map(|s| {
        s.split(';')
            .map(|x| x.trim().to_string())
            .filter(|x| !x.is_empty())
            .collect()
    })
    .unwrap_or_default()
}

fn screen_row(m: &Matcher, args: &BatchArgs, opts: &Options, row: InRow) -> OutRow {
    if let Some(e) = &row.raw_error {
        let error = Some(e.clone());
        return OutRow {
            row,
            hits: Vec::new(),
            error,
        };
    }
    let family = column(&row, &args.family_name_column).map(str::trim);
    let (name, parts) = match column(&row, &args.name_column).map(str::trim) {
        Some(n) if !n.is_empty() => (n.to_string(), false),
        // a file that splits the name: given names, then the family name,
        // a person's
        _ => (
            Query::person_parts(
                column(&row, &args.given_name_column).unwrap_or(""),
                family.unwrap_or(""),
            )
            .name,
            true,
        ),
    };
    let schema = column(&row, &args.schema_column)
        .filter(|s| !s.trim().is_empty())
        .or(parts.then_some("person"));
    let ids = split_list(column(&row, &args.id_column));
    if name.is_empty() && ids.is_empty() {
        return OutRow {
            error: Some(format!(
                "no value in the name column {:?} (nor in {:?} or {:?})",
                args.name_column, args.given_name_column, args.family_name_column
            )),
            row,
            hits: Vec::new(),
        };
    }
    let query = build_query(
        &name,
        schema,
        column(&row, &args.birth_date_column),
        &split_list(column(&row, &args.country_column)),
        &ids,
        column(&row, &args.gender_column),
        family,
    );
    // most rows match nothing: only matches are explained
    let result = query.and_then(|q| {
        m.screen_ranked_explained(&q, opts)
            .map_err(anyhow::Error::from)
    });
    match result {
        Ok(results) => {
            let hits = results
                .into_iter()
                .filter_map(|(r, explanation)| {
                    let e = m.entities().get(r.entity_index)?;
                    let why = explanation.map(|x| x.sentence);
                    Some(Hit {
                        entity_id: e.id.clone(),
                        source: e.source.clone(),
                        reference: e.reference.clone(),
                        caption: e.caption().to_string(),
                        score: (f64::from(r.score) * 1000.0).round() / 1000.0,
                        is_match: r.is_match,
                        why,
                    })
                })
                .collect();
            OutRow {
                row,
                hits,
                error: None,
            }
        }
        Err(e) => OutRow {
            row,
            hits: Vec::new(),
            error: Some(format!("{e:#}")),
        },
    }
}

/// Reads rows in chunks.
enum RowReader<R: Read> {
    Csv {
        reader: csv::Reader<R>,
        headers: Vec<String>,
    },
    Jsonl {
        lines: BufReader<R>,
        line: u64,
    },
}

impl<R: Read> RowReader<R> {
    fn new(input: R, format: BatchFormat) -> anyhow::Result<Self> {
        Ok(match format {
            BatchFormat::Csv => {
                let mut reader = csv::ReaderBuilder::new()
                    .flexible(true)
                    .has_headers(true)
                    .from_reader(input);
                let headers: Vec<String> = reader
                    .byte_headers()
                    .context("cannot read the CSV header row")?
                    .iter()
                    .map(|h| {
                        String::from_utf8_lossy(h)
                            .trim()
                            .trim_start_matches('\u{feff}')
                            .to_string()
                    })
                    .collect();
                RowReader::Csv { reader, headers }
            }
            BatchFormat::Jsonl => RowReader::Jsonl {
                lines: BufReader::new(input),
                line: 0,
            },
        })
    }

    fn headers(&self) -> Option<&[String]> {
        match self {
            RowReader::Csv { headers, .. } => Some(headers),
            RowReader::Jsonl { .. } => None,
        }
    }

    /// Up to `n` rows; an empty vector at the end. An I/O error stops the run.
    fn chunk(&mut self, n: usize) -> anyhow::Result<Vec<InRow>> {
        let mut out = Vec::with_capacity(n);
        match self {
            RowReader::Csv { reader, headers } => {
                let mut rec = csv::ByteRecord::new();
                while out.len() < n {
                    let line = reader.position().line();
                    match reader.read_byte_record(&mut rec) {
                        Ok(false) => break,
                        Ok(true) => {
                            let line = rec.position().map_or(line, |p| p.line());
                            let mut columns = Vec::with_capacity(headers.len());
                            let mut raw_error = None;
                            for (i, field) in rec.iter().enumerate() {
                                let key = headers
                                    .get(i)
                                    .cloned()
                                    .unwrap_or_else(|| format!("column{}", i + 1));
                                match std::str::from_utf8(field) {
                                    Ok(v) => columns.push((key, v.to_string())),
                                    Err(_) => {
                                        raw_error = Some(format!(
                                            "line {line}: column {key:?} is not valid UTF-8"
                                        ));
                                        columns.push((
                                            key,
                                            String::from_utf8_lossy(field).into_owned(),
                                        ));
                                    }
                                }
                            }
                            out.push(InRow {
                                line,
                                columns,
                                raw_error,
                            });
                        }
                        Err(e) => {
                            if e.is_io_error() {
                                return Err(anyhow::Error::new(e).context("cannot read the input"));
                            }
                            out.push(InRow {
                                line,
                                columns: Vec::new(),
                                raw_error: Some(format!("line {line}: {e}")),
                            });
                        }
                    }
                }
            }
            RowReader::Jsonl { lines, line } => {
                let mut buf = Vec::new();
                while out.len() < n {
                    buf.clear();
                    let read = lines
                        .read_until(b'\n', &mut buf)
                        .context("cannot read the input")?;
                    if read == 0 {
                        break;
                    }
                    *line += 1;
                    let text = String::from_utf8_lossy(&buf);
                    let text = text.trim();
                    if text.is_empty() {
                        continue;
                    }
                    out.push(json_row(*line, text));
                }
            }
        }
        Ok(out)
    }
}

fn json_row(line: u64, text: &str) -> InRow {
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(serde_json::Value::Object(map)) => InRow {
            line,
            columns: map
                .into_iter()
                .map(|(k, v)| {
                    let v = match v {
                        serde_json::Value::String(s) => s,
                        serde_json::Value::Null => String::new(),
                        serde_json::Value::Array(items) => items
                            .iter()
                            .map(|i| match i {
                                serde_json::Value::String(s) => s.clone(),
                                other => other.to_string(),
                            })
                            .collect::<Vec<_>>()
                            .join(";"),
                        other => other.to_string(),
                    };
                    (k, v)
                })
                .collect(),
            raw_error: None,
        },
        Ok(_) => InRow {
            line,
            columns: vec![("raw".into(), text.to_string())],
            raw_error: Some(format!("line {line}: not a JSON object")),
        },
        Err(e) => InRow {
            line,
            columns: vec![("raw".into(), text.to_string())],
            raw_error: Some(format!("line {line}: invalid JSON: {e}")),
        },
    }
}

const RESULT_COLUMNS: &[&str] = &[
    "match",
    "score",
    "entity_id",
    "reference",
    "source",
    "caption",
    "matches",
    "why",
    "error",
];

enum RowWriter<W: Write> {
    Csv {
        writer: Box<csv::Writer<W>>,
        headers: Option<Vec<String>>,
    },
    Jsonl(W),
}

impl<W: Write> RowWriter<W> {
    fn write(&mut self, r: &OutRow) -> anyhow::Result<()> {
        match self {
            RowWriter::Jsonl(w) => {
                let input: serde_json::Map<String, serde_json::Value> = r
                    .row
                    .columns
                    .iter()
                    .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
                    .collect();
                let obj = serde_json::json!({
                    "line": r.row.line,
                    "input": input,
                    "match": r.matched(),
                    "score": r.hits.first().map(|h| h.score),
                    "matches": r.hits,
                    "error": r.error,
                });
                serde_json::to_writer(&mut *w, &obj)?;
                w.write_all(b"\n")?;
            }
            RowWriter::Csv { writer, headers } => {
                if headers.is_none() {
                    let h: Vec<String> = r.row.columns.iter().map(|(k, _)| k.clone()).collect();
                    let mut all = h.clone();
                    all.extend(RESULT_COLUMNS.iter().map(|c| {
                        if h.iter().any(|x| x == c) {
                            format!("result_{c}")
                        } else {
                            c.to_string()
                        }
                    }));
                    writer.write_record(&all)?;
                    *headers = Some(h);
                }
                let h = headers.as_deref().unwrap_or(&[]);
                let mut rec: Vec<String> = h
                    .iter()
                    .map(|k| {
                        r.row
                            .columns
                            .iter()
                            .find(|(c, _)| c == k)
                            .map(|(_, v)| v.clone())
                            .unwrap_or_default()
                    })
                    .collect();
                let best = r.hits.first();
                rec.push(r.matched().to_string());
                rec.push(best.map(|b| format!("{:.3}", b.score)).unwrap_or_default());
                rec.push(best.map(|b| b.entity_id.clone()).unwrap_or_default());
                rec.push(best.map(|b| b.reference.clone()).unwrap_or_default());
                rec.push(best.map(|b| b.source.clone()).unwrap_or_default());
                rec.push(best.map(|b| b.caption.clone()).unwrap_or_default());
                rec.push(
                    r.hits
                        .iter()
                        .map(|h| format!("{} {:.3}", h.entity_id, h.score))
                        .collect::<Vec<_>>()
                        .join("; "),
                );
                rec.push(best.and_then(|b| b.why.clone()).unwrap_or_default());
                rec.push(r.error.clone().unwrap_or_default());
                writer.write_record(&rec)?;
            }
        }
        Ok(())
    }

    fn finish(self) -> anyhow::Result<()> {
        match self {
            RowWriter::Jsonl(mut w) => w.flush()?,
            RowWriter::Csv { mut writer, .. } => writer.flush()?,
        }
        Ok(())
    }
}

/// Runs the command.
pub fn run(args: &BatchArgs, store: &Store) -> anyhow::Result<ExitCode> {
    if !(0.0..=1.0).contains(&args.threshold) {
        anyhow::bail!("the threshold {} is not between 0 and 1", args.threshold);
    }
    let in_format = format_of(&args.input, args.in_format, BatchFormat::Csv);
    let out_format = format_of(&args.out, args.out_format, BatchFormat::Jsonl);
    let file =
        File::open(&args.input).with_context(|| format!("cannot open {}", args.input.display()))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let m = load_matcher(store, false)?;

    let pb = if args.quiet {
        ProgressBar::hidden()
    } else {
        let pb = ProgressBar::new(size);
        pb.set_style(
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        pb
    };
    let mut reader = RowReader::new(pb.wrap_read(file), in_format)?;
    if let Some(h) = reader.headers() {
        let has = |name: &str| h.iter().any(|c| c.eq_ignore_ascii_case(name));
        if !has(&args.name_column) && !has(&args.family_name_column) {
            anyhow::bail!(
                "{}: no column {:?}, nor {:?} (columns: {}); use --name-column, or --given-name-column and --family-name-column",
                args.input.display(),
                args.name_column,
                args.family_name_column,
                h.join(", ")
            );
        }
    }
    let out =
        File::create(&args.out).with_context(|| format!("cannot create {}", args.out.display()))?;
    let out = BufWriter::with_capacity(1 << 20, out);
    let mut writer = match out_format {
        BatchFormat::Jsonl => RowWriter::Jsonl(out),
        BatchFormat::Csv => RowWriter::Csv {
            writer: Box::new(csv::Writer::from_writer(out)),
            headers: reader.headers().map(<[String]>::to_vec),
        },
    };
    if let RowWriter::Csv {
        writer: w,
        headers: Some(h),
    } = &mut writer
    {
        let mut all = h.clone();
        all.extend(RESULT_COLUMNS.iter().map(|c| {
            if h.iter().any(|x| x == c) {
                format!("result_{c}")
            } else {
                c.to_string()
            }
        }));
        w.write_record(&all)?;
    }
    let opts = Options {
        threshold: args.threshold,
        limit: args.limit.max(1),
        min_score: None,
    };
    let start = Instant::now();
    let (mut rows, mut hits, mut errors) = (0u64, 0u64, 0u64);
    // the writer runs on its own thread, so that writing chunk k overlaps
    // screening chunk k+1 (nothing on the screening path waits for output)
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<OutRow>>(2);
    let write_result = std::thread::scope(|scope| -> anyhow::Result<()> {
        let handle = scope.spawn(move || -> anyhow::Result<()> {
            for results in rx {
                for r in &results {
                    writer.write(r)?;
                }
            }
            writer
                .finish()
                .with_context(|| format!("cannot write {}", args.out.display()))
        });
        let mut read_error = None;
        loop {
            let chunk = match reader.chunk(args.chunk_size.max(1)) {
                Ok(c) => c,
                Err(e) => {
                    read_error = Some(e);
                    break;
                }
            };
            if chunk.is_empty() {
                break;
            }
            let results: Vec<OutRow> = chunk
                .into_par_iter()
                .map(|row| screen_row(&m, args, &opts, row))
                .collect();
            for r in &results {
                rows += 1;
                if r.matched() {
                    hits += 1;
                }
                if r.error.is_some() {
                    errors += 1;
                }
            }
            pb.set_message(format!("{rows} rows, {hits} hits"));
            if tx.send(results).is_err() {
                break; // the writer failed: its error is reported below
            }
        }
        drop(tx);
        let written = handle
            .join()
            .map_err(|_| anyhow::anyhow!("the writer thread panicked"))?;
        written?;
        match read_error {
            Some(e) => Err(e),
            None => Ok(()),
        }
    });
    write_result?;
    pb.finish_and_clear();
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "{rows} rows screened against {} entities, {hits} with a match, {errors} errors, in {:.2} s ({:.0} rows/s); results in {}",
        m.entities().len(),
        secs,
        rows as f64 / secs.max(1e-9),
        args.out.display()
    );
    Ok(if hits > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
