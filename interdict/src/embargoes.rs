//! `interdict embargoes [COUNTRY]`: list and explain the arms embargoes in the rules dataset.

use crate::OutputFormat;
use anyhow::Context as _;
use interdict_embargo::{Authority, EmbargoRule, IsoDate, RuleSet};
use interdict_model::country::{country_code, country_name, is_country_code};
use std::process::ExitCode;

/// Arguments of `interdict embargoes`.
#[derive(clap::Args)]
pub struct EmbargoesArgs {
    /// Country: ISO 3166 alpha-2 code (KP, RU) or name ("North Korea").
    /// Without it, every rule is listed.
    pub input: Option<String>,
    /// Only these authorities (UN, EU, UK, US); repeat or separate by commas.
    #[arg(long, value_delimiter = ',')]
    pub authority: Vec<String>,
    /// Also list measures that are no longer in force (e.g. UNSCR 2231 Annex B).
    #[arg(long)]
    pub all: bool,
    /// The date to judge "in force" on (YYYY-MM-DD; default today).
    #[arg(long)]
    pub date: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    pub format: OutputFormat,
}

/// Reads the `--authority` values.
pub fn parse_authorities(values: &[String]) -> anyhow::Result<Vec<Authority>> {
    if values.is_empty() {
        return Ok(Authority::ALL.to_vec());
    }
    values
        .iter()
        .map(|v| {
            Authority::parse(v)
                .with_context(|| format!("unknown authority {v:?} (use UN, EU, UK or US)"))
        })
        .collect()
}

/// Runs the command.
pub fn run(args: &EmbargoesArgs) -> anyhow::Result<ExitCode> {
    let rules = RuleSet::embedded()?;
    let authorities = parse_authorities(&args.authority)?;
    let day = match &args.date {
        None => IsoDate::today(),
        Some(d) => IsoDate::parse(d)
            .filter(|x| x.day != 0)
            .with_context(|| format!("--date {d:?} is not a YYYY-MM-DD date"))?,
    };
    let country = match args.input.as_deref() {
        None => None,
        Some(c) => {
            let up = c.trim().to_ascii_uppercase();
            let code = if is_country_code(&up) {
                Some(up)
            } else {
                country_code(c).map(str::to_string)
            };
            Some(code.with_context(|| format!("unknown country {c:?}"))?)
        }
    };
    let selected: Vec<&EmbargoRule> = rules
        .rules
        .iter()
        .filter(|r| authorities.contains(&r.authority))
        .filter(|r| args.all || r.in_force_on(&day))
        .filter(|r| match &country {
            None => true,
            Some(c) => r.country.as_deref() == Some(c.as_str()),
        })
        .collect();
    match args.format {
        OutputFormat::Json => {
            let out: Vec<serde_json::Value> = selected
                .iter()
                .map(|r| {
                    let mut v = serde_json::to_value(r).unwrap_or_default();
                    if let Some(o) = v.as_object_mut() {
                        o.insert("in_force".into(), r.in_force_on(&day).into());
                        o.insert("citation".into(), r.citation().into());
                    }
                    v
                })
                .collect();
            println!("{}", serde_json::to_string_pretty(&out)?);
        }
        OutputFormat::Text => {
            let place = country
                .as_deref()
                .map(|c| format!(" on {}", label(c)))
                .unwrap_or_default();
            println!(
                "{} measure(s){place}{} as of {day} ({}):",
                selected.len(),
                if args.all { "" } else { " in force" },
                authorities
                    .iter()
                    .map(|a| a.as_str())
                    .collect::<Vec<_>>()
                    .join("/")
            );
            for r in &selected {
                print_rule(r, &day);
            }
            if selected.is_empty() && country.is_some() {
                println!("(no arms embargo in the dataset for this country and these authorities)");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn label(code: &str) -> String {
    country_name(code).map_or_else(|| code.to_string(), |n| format!("{n} ({code})"))
}

fn print_rule(r: &EmbargoRule, day: &IsoDate) {
    let direction = match r.direction {
        interdict_embargo::Direction::SupplyTo => "supply to",
        interdict_embargo::Direction::ProcureFrom => "procurement from",
        interdict_embargo::Direction::Both => "supply to and procurement from",
    };
    let target = match r.target {
        interdict_embargo::Target::State => "",
        interdict_embargo::Target::NonState => ", non-governmental end users only",
        interdict_embargo::Target::Designated => ", designated persons only",
    };
    let whom = r.country.as_deref().map_or_else(|| r.regime.clone(), label);
    let effect = match r.effect {
        interdict_embargo::Effect::Prohibited => "prohibited",
        interdict_embargo::Effect::Review => "review (targeted, capped or licence-based)",
    };
    println!();
    println!("{}  [{}] {}", r.id, r.authority, r.regime);
    println!("  {direction} {whom}{target}: {}", r.scope);
    println!("  effect: {effect}");
    println!("  legal basis: {}", r.legal_basis);
    let until = r
        .in_force_to
        .as_deref()
        .map(|t| format!(", until {t} (exclusive)"))
        .unwrap_or_default();
    let status = if r.in_force_on(day) {
        "in force"
    } else {
        "not in force"
    };
    println!(
        "  adopted {}; applies from {}{until} — {status}",
        r.adopted, r.in_force_from
    );
    println!("  {}", r.notes);
    if !r.exemptions.trim().is_empty() {
        println!("  exemptions: {}", r.exemptions);
    }
    println!("  source: {}", r.source_url);
}
