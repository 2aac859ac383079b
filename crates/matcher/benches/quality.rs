//! Quality on labelled name pairs (nomenklatura name bench) and labelled
//! record checks (nomenklatura entity bench), agreement with the scores of
//! OFAC's own search tool, and how many of 81 writings
//! of one listed name (nomenklatura's Putin names) screening finds.
//!
//! `cargo bench -p interdict-matcher --bench quality [-- --errors]`

#[path = "../tests/common/mod.rs"]
mod common;

use interdict_matcher::{Matcher, DEFAULT_THRESHOLD};
use interdict_model::Schema;
use std::collections::BTreeMap;

fn main() {
    let show_errors = std::env::args().any(|a| a == "--errors");
    let Some(dir) = common::lists_dir("quality") else {
        return;
    };
    // token rarity from every list that parses (an empty matcher otherwise)
    let entities = common::load_all("quality")
        .map(|(e, _)| e)
        .unwrap_or_default();
    println!(
        "lists loaded for token weights: {} entities",
        entities.len()
    );
    let m = Matcher::new(entities);

    // `-- --pair QUERY LISTED [SCHEMA]`: one pair's score and token weights
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--pair") {
        let get = |k: usize| args.get(i + k).map(String::as_str).unwrap_or("");
        let schema = Schema::parse(get(3));
        for name in [get(1), get(2)] {
            let class = interdict_matcher::class_of(schema);
            for f in interdict_text::name_forms(name, class) {
                let w: Vec<String> = f
                    .tokens
                    .iter()
                    .map(|t| format!("{t}:{:.1}", m.token_weight(t)))
                    .collect();
                println!(
                    "{name:?} [{:?}] {} removed {:?}",
                    f.scheme,
                    w.join(" "),
                    f.removed
                );
            }
        }
        println!("score {:.3}", m.compare_names(get(1), get(2), schema));
        return;
    }

    // 1. nomenklatura name pairs
    let path = dir.join("testcases/nomenklatura_name_bench_cases.csv");
    let mut rdr = match csv::Reader::from_path(&path) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("SKIP: quality: {}: {e}", path.display());
            return;
        }
    };
    let mut counts = Confusion::default();
    let mut by_group: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut errors = Vec::new();
    for rec in rdr.records().flatten() {
        let get = |i: usize| rec.get(i).unwrap_or("").to_string();
        let (group, schema, n1, n2, label) = (get(0), get(1), get(2), get(3), get(4) == "true");
        let schema = Schema::parse(&schema);
        let s = m.compare_names(&n1, &n2, schema);
        let predicted = s >= DEFAULT_THRESHOLD;
        counts.add(predicted, label);
        let g = by_group.entry(group.clone()).or_default();
        g.1 += 1;
        if predicted == label {
            g.0 += 1;
        } else {
            errors.push(format!(
                "{:>5} {:.3} [{group}] {n1:?} vs {n2:?} (label {label}) {}",
                if label { "FN" } else { "FP" },
                s,
                get(7)
            ));
        }
    }
    counts.print("nomenklatura name bench", "pairs");
    for (g, (ok, n)) in &by_group {
        println!(
            "  {g:<16} {ok}/{n} = {:.1}%",
            *ok as f64 * 100.0 / *n as f64
        );
    }
    if show_errors {
        for e in &errors {
            println!("{e}");
        }
    }

    // 2. nomenklatura entity checks: whole query and candidate records
    // (names or name parts, with a schema), labelled match or not
    entity_checks(&m, &dir, show_errors);

    // 3. OFAC tool scores
    let path = dir.join("testcases/nomenklatura_ofac_fixtures.csv");
    let Ok(mut rdr) = csv::Reader::from_path(&path) else {
        eprintln!("SKIP: quality: {} not readable", path.display());
        return;
    };
    let mut xs = Vec::new();
    let mut ys = Vec::new();
    let (mut both_hi, mut ofac_hi, mut ours_hi) = (0, 0, 0);
    for rec in rdr.records().flatten() {
        let (q, r, o) = (
            rec.get(0).unwrap_or(""),
            rec.get(1).unwrap_or(""),
            rec.get(2)
                .unwrap_or("")
                .trim()
                .parse::<f64>()
                .unwrap_or(-1.0),
        );
        if o < 0.0 {
            continue;
        }
        let s = m.compare_names(q, r, None) as f64;
        xs.push(o / 100.0);
        ys.push(s);
        let oh = o >= 95.0;
        let sh = s >= DEFAULT_THRESHOLD as f64;
        if oh && sh {
            both_hi += 1;
        }
        if oh {
            ofac_hi += 1;
        }
        if sh {
            ours_hi += 1;
        }
        if show_errors && oh != sh {
            println!("  OFAC {o:>3} ours {s:.3}: {q:?} vs {r:?}");
        }
    }
    let n = xs.len() as f64;
    let mx = xs.iter().sum::<f64>() / n;
    let my = ys.iter().sum::<f64>() / n;
    let cov: f64 = xs.iter().zip(&ys).map(|(x, y)| (x - mx) * (y - my)).sum();
    let vx: f64 = xs.iter().map(|x| (x - mx).powi(2)).sum();
    let vy: f64 = ys.iter().map(|y| (y - my).powi(2)).sum();
    let agree = xs
        .iter()
        .zip(&ys)
        .filter(|(x, y)| (**x >= 0.95) == (**y >= DEFAULT_THRESHOLD as f64))
        .count();
    println!(
        "OFAC tool fixtures ({} scored pairs): Pearson r = {:.3}; OFAC>=95: {ofac_hi}, ours>=0.80: {ours_hi}, both: {both_hi}; agreement {:.1}%",
        xs.len(),
        cov / (vx.sqrt() * vy.sqrt()),
        agree as f64 * 100.0 / n
    );

    // 4. one listed man written in 81 ways (nomenklatura's Putin names:
    // scripts, languages, titles): screened against every list, each line is
    // found when an entity listed as Vladimir Vladimirovich PUTIN is a match
    let putin: Vec<usize> = m
        .entities()
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.names.iter().any(|n| {
                let t = interdict_text::tokens(&n.full);
                ["putin", "vladimir", "vladimirovich"]
                    .iter()
                    .all(|w| t.iter().any(|x| x == w))
            })
        })
        .map(|(i, _)| i)
        .collect();
    let Ok(text) = std::fs::read_to_string(dir.join("testcases/nomenklatura_putin_names.txt"))
    else {
        println!("NOTE: quality: no testcases/nomenklatura_putin_names.txt");
        return;
    };
    if putin.is_empty() {
        println!("NOTE: quality: no listed Vladimir Vladimirovich PUTIN to find");
        return;
    }
    let opts = interdict_matcher::Options {
        limit: 50,
        ..Default::default()
    };
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut missed = Vec::new();
    for line in &lines {
        let found = m
            .screen(&interdict_matcher::Query::name(*line), &opts)
            .map(|r| {
                r.iter()
                    .any(|x| x.is_match && putin.contains(&x.entity_index))
            })
            .unwrap_or(false);
        if !found {
            let best = putin
                .iter()
                .filter_map(|&e| m.score(&interdict_matcher::Query::name(*line), e).ok())
                .map(|r| r.score)
                .fold(0.0f32, f32::max);
            missed.push(format!("{best:.3} {line}"));
        }
    }
    println!(
        "Putin names ({} entities listed): {}/{} found",
        putin.len(),
        lines.len() - missed.len(),
        lines.len()
    );
    if show_errors {
        for x in &missed {
            println!("  missed {x}");
        }
    }
}

/// The names a check record stands for: its `name` values, and its name
/// parts joined in the order given, first to last, when it has parts.
fn record_names(rec: &serde_yaml_ng::Value) -> Vec<String> {
    let values = |key: &str| -> Vec<String> {
        match rec.get(key) {
            Some(serde_yaml_ng::Value::String(s)) => vec![s.clone()],
            Some(serde_yaml_ng::Value::Sequence(v)) => v
                .iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect(),
            _ => Vec::new(),
        }
    };
    let mut names = values("name");
    let parts: Vec<String> = ["firstName", "middleName", "fatherName", "lastName"]
        .iter()
        .flat_map(|k| values(k))
        .collect();
    if !parts.is_empty() {
        names.push(parts.join(" "));
    }
    names
}

/// Accuracy on nomenklatura's entity bench checks. A check is a match when
/// the best of its query names against its candidate names scores at
/// least the default threshold.
fn entity_checks(m: &Matcher, dir: &std::path::Path, show_errors: bool) {
    let path = dir.join("testcases/nomenklatura_entity_bench_checks.yml");
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("SKIP: quality: {}: {e}", path.display());
            return;
        }
    };
    let doc: serde_yaml_ng::Value = match serde_yaml_ng::from_str(&text) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("SKIP: quality: {}: {e}", path.display());
            return;
        }
    };
    let Some(checks) = doc.get("checks").and_then(|c| c.as_sequence()) else {
        eprintln!("SKIP: quality: {}: no `checks` list", path.display());
        return;
    };
    let mut counts = Confusion::default();
    let mut errors = Vec::new();
    for c in checks {
        let (Some(label), Some(q), Some(k)) = (
            c.get("match").and_then(|v| v.as_bool()),
            c.get("query"),
            c.get("candidate"),
        ) else {
            continue;
        };
        let schema = c
            .get("schema")
            .and_then(|s| s.as_str())
            .and_then(Schema::parse);
        let (qn, kn) = (record_names(q), record_names(k));
        let mut best = 0.0f32;
        for a in &qn {
            for b in &kn {
                best = best.max(m.compare_names(a, b, schema));
            }
        }
        let predicted = best >= DEFAULT_THRESHOLD;
        counts.add(predicted, label);
        if predicted != label {
            let note = c.get("label").and_then(|l| l.as_str()).unwrap_or("");
            errors.push(format!(
                "{:>5} {best:.3} [{}] {:?} vs {:?} {note}",
                if label { "FN" } else { "FP" },
                schema.map(|s| s.as_str()).unwrap_or("-"),
                qn.join(" / "),
                kn.join(" / "),
            ));
        }
    }
    counts.print("nomenklatura entity checks", "checks");
    if show_errors {
        for e in &errors {
            println!("{e}");
        }
    }
}

/// Predictions against labels, counted.
#[derive(Default)]
struct Confusion {
    tp: usize,
    fp: usize,
    tn: usize,
    fneg: usize,
}

impl Confusion {
    fn add(&mut self, predicted: bool, label: bool) {
        match (predicted, label) {
            (true, true) => self.tp += 1,
            (true, false) => self.fp += 1,
            (false, false) => self.tn += 1,
            (false, true) => self.fneg += 1,
        }
    }

    /// Accuracy, precision and recall at the default threshold.
    fn print(&self, set: &str, items: &str) {
        let Confusion { tp, fp, tn, fneg } = *self;
        let total = tp + fp + tn + fneg;
        let pct = |a: usize, b: usize| a as f64 * 100.0 / b.max(1) as f64;
        println!("{set} ({total} {items}) at threshold {DEFAULT_THRESHOLD}:");
        println!(
            "  accuracy {:.2}%  precision {:.2}%  recall {:.2}%  (tp {tp} fp {fp} tn {tn} fn {fneg})",
            pct(tp + tn, total),
            pct(tp, tp + fp),
            pct(tp, tp + fneg),
        );
    }
}
