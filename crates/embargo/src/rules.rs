//! The embargo rules dataset: one row per measure, each with its legal basis,
//! dates and source.
//!
//! The rules live in `data/embargoes.csv` in this crate, reviewed as plain data
//! and embedded in the binary ([`RuleSet::embedded`]). Columns:
//!
//! | column | meaning |
//! |---|---|
//! | `id` | stable rule id, e.g. `UN-KP-ARMS-PROCURE` |
//! | `authority` | `UN`, `EU`, `UK` or `US` |
//! | `country` | ISO 3166 alpha-2 code of the embargoed state; empty for a regime with no territory (ISIL/Al-Qaida) |
//! | `regime` | the sanctions regime in words, e.g. `DPRK (1718)` |
//! | `target` | `state` (the whole territory), `non_state` (non-governmental entities and individuals only) or `designated` (listed persons only) |
//! | `direction` | `supply_to`, `procure_from` or `both` |
//! | `scope` | `arms`, `dual_use`, `luxury`, or `hs:` and a space-separated list of HS code prefixes and chapter ranges (`hs:84 85 86-89`) |
//! | `effect` | `prohibited` (the measure forbids the supply) or `review` (targeted, capped or notification-based: a person must check) |
//! | `legal_basis` | the resolution or legal act and paragraph/article |
//! | `adopted` | date of the act, `YYYY-MM-DD` (or `YYYY-MM`/`YYYY` where only that is verified) |
//! | `in_force_from` | first day the measure applies |
//! | `in_force_to` | first day it no longer applies (exclusive); empty while in force |
//! | `exemptions` | exemptions in words |
//! | `notes` | what the measure says, in words |
//! | `source_url` | where the text is published |

use crate::date::IsoDate;
use crate::EmbargoError;
use interdict_model::country::is_country_code;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Who imposes a measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Authority {
    /// United Nations Security Council (binding on all member states).
    #[serde(rename = "UN")]
    Un,
    /// European Union.
    #[serde(rename = "EU")]
    Eu,
    /// United Kingdom.
    #[serde(rename = "UK")]
    Uk,
    /// United States.
    #[serde(rename = "US")]
    Us,
}

impl Authority {
    /// Every authority.
    pub const ALL: [Authority; 4] = [Authority::Un, Authority::Eu, Authority::Uk, Authority::Us];

    /// The code as the dataset writes it (`UN`, `EU`, `UK`, `US`).
    pub fn as_str(self) -> &'static str {
        match self {
            Authority::Un => "UN",
            Authority::Eu => "EU",
            Authority::Uk => "UK",
            Authority::Us => "US",
        }
    }

    /// Reads a code, case-insensitive.
    pub fn parse(s: &str) -> Option<Authority> {
        Authority::ALL
            .into_iter()
            .find(|a| a.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

impl fmt::Display for Authority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which way of trade a measure forbids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Supplying, selling or transferring to the country.
    SupplyTo,
    /// Procuring (importing) from the country.
    ProcureFrom,
    /// Both.
    Both,
}

impl Direction {
    /// Whether supplies to the country are covered.
    pub fn covers_supply(self) -> bool {
        matches!(self, Direction::SupplyTo | Direction::Both)
    }

    /// Whether procurement from the country is covered.
    pub fn covers_procurement(self) -> bool {
        matches!(self, Direction::ProcureFrom | Direction::Both)
    }

    fn parse(s: &str) -> Option<Direction> {
        Some(match s {
            "supply_to" => Direction::SupplyTo,
            "procure_from" => Direction::ProcureFrom,
            "both" => Direction::Both,
            _ => return None,
        })
    }
}

/// Whom a measure targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// The whole territory of the state.
    State,
    /// Non-governmental entities and individuals in the territory.
    NonState,
    /// Designated (listed) persons and entities only.
    Designated,
}

/// How strongly a measure bears on a shipment it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// A person must check (targeted, capped or licence-based measure).
    Review,
    /// The supply is forbidden.
    Prohibited,
}

/// A range of HS code prefixes: one prefix (`0301`) or a range of chapters (`86-89`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HsRange {
    /// The first prefix (inclusive).
    pub from: String,
    /// The last prefix (inclusive), of the same length as `from`.
    pub to: String,
}

impl HsRange {
    /// Whether a normalized HS code (digits only) falls in the range.
    pub fn contains(&self, code: &str) -> bool {
        let n = self.from.len();
        match code.get(..n) {
            Some(prefix) => prefix >= self.from.as_str() && prefix <= self.to.as_str(),
            None => false,
        }
    }
}

impl fmt::Display for HsRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.from == self.to {
            f.write_str(&self.from)
        } else {
            write!(f, "{}-{}", self.from, self.to)
        }
    }
}

/// Which goods a measure covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "hs")]
pub enum Scope {
    /// Arms and related materiel (military goods, Common Military List).
    Arms,
    /// Dual-use goods and technology.
    DualUse,
    /// Luxury goods.
    Luxury,
    /// Goods whose HS code falls in one of these ranges (sectoral bans).
    Hs(Vec<HsRange>),
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scope::Arms => f.write_str("arms and related materiel"),
            Scope::DualUse => f.write_str("dual-use goods"),
            Scope::Luxury => f.write_str("luxury goods"),
            Scope::Hs(ranges) => {
                f.write_str("goods of HS ")?;
                for (i, r) in ranges.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{r}")?;
                }
                Ok(())
            }
        }
    }
}

/// One measure of the dataset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmbargoRule {
    /// Stable id, e.g. `UN-KP-ARMS-PROCURE`.
    pub id: String,
    /// Who imposes it.
    pub authority: Authority,
    /// ISO 3166 alpha-2 code of the embargoed state; `None` for a regime with no territory.
    pub country: Option<String>,
    /// The regime in words.
    pub regime: String,
    /// Whom it targets.
    pub target: Target,
    /// Which way of trade.
    pub direction: Direction,
    /// Which goods.
    pub scope: Scope,
    /// How strongly it bears on a covered shipment.
    pub effect: Effect,
    /// The resolution or legal act, with paragraph or article where verified.
    pub legal_basis: String,
    /// Date of the act (`YYYY-MM-DD`, or `YYYY-MM`/`YYYY`).
    pub adopted: String,
    /// First day it applies.
    pub in_force_from: String,
    /// First day it no longer applies; `None` while in force.
    pub in_force_to: Option<String>,
    /// Exemptions in words.
    pub exemptions: String,
    /// What the measure says, in words.
    pub notes: String,
    /// Where the text is published.
    pub source_url: String,
}

impl EmbargoRule {
    /// Whether the rule applies on a day.
    pub fn in_force_on(&self, day: &IsoDate) -> bool {
        let from = IsoDate::parse(&self.in_force_from).map(|d| d.first_day());
        let to = self
            .in_force_to
            .as_deref()
            .and_then(IsoDate::parse)
            .map(|d| d.first_day());
        from.is_some_and(|f| &f <= day) && to.is_none_or(|t| day < &t)
    }

    /// The citation to print: legal basis and date of adoption.
    pub fn citation(&self) -> String {
        format!("{} (adopted {})", self.legal_basis, self.adopted)
    }
}

#[derive(Deserialize)]
struct RawRule {
    id: String,
    authority: String,
    country: String,
    regime: String,
    target: String,
    direction: String,
    scope: String,
    effect: String,
    legal_basis: String,
    adopted: String,
    in_force_from: String,
    in_force_to: String,
    exemptions: String,
    notes: String,
    source_url: String,
}

/// The embargo rules.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RuleSet {
    /// The rules, in the dataset's order.
    pub rules: Vec<EmbargoRule>,
}

/// The dataset embedded in the binary.
pub const EMBEDDED_CSV: &str = include_str!("../data/embargoes.csv");

impl RuleSet {
    /// The rules embedded in the binary (`data/embargoes.csv`).
    pub fn embedded() -> Result<RuleSet, EmbargoError> {
        RuleSet::from_csv(EMBEDDED_CSV, "data/embargoes.csv")
    }

    /// Reads and checks a rules CSV (see the module documentation for the columns).
    /// Every row must name a legal basis, a date of adoption and a source.
    pub fn from_csv(text: &str, file: &str) -> Result<RuleSet, EmbargoError> {
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let mut rules = Vec::new();
        for (i, row) in reader.deserialize::<RawRule>().enumerate() {
            // line 1 is the header; rows have no embedded newlines in this dataset,
            // but csv gives the record's own line when it can.
            let line = i + 2;
            let err = |message: String| EmbargoError::Rules {
                file: file.to_string(),
                line,
                message,
            };
            let raw = row.map_err(|e| err(e.to_string()))?;
            rules.push(convert(raw).map_err(err)?);
        }
        let mut ids: Vec<&str> = rules.iter().map(|r| r.id.as_str()).collect();
        ids.sort_unstable();
        if let Some(w) = ids.windows(2).find(|w| w.first() == w.get(1)) {
            return Err(EmbargoError::Rules {
                file: file.to_string(),
                line: 0,
                message: format!("duplicate rule id {:?}", w.first().unwrap_or(&"")),
            });
        }
        Ok(RuleSet { rules })
    }

    /// The rules on one country (ISO alpha-2, case-insensitive).
    pub fn for_country<'a>(&'a self, code: &'a str) -> impl Iterator<Item = &'a EmbargoRule> {
        self.rules.iter().filter(move |r| {
            r.country
                .as_deref()
                .is_some_and(|c| c.eq_ignore_ascii_case(code))
        })
    }

    /// One rule by id.
    pub fn get(&self, id: &str) -> Option<&EmbargoRule> {
        self.rules.iter().find(|r| r.id == id)
    }
}

fn convert(raw: RawRule) -> Result<EmbargoRule, String> {
    let req = |name: &str, v: &str| -> Result<(), String> {
        if v.trim().is_empty() {
            Err(format!("column {name} is empty"))
        } else {
            Ok(())
        }
    };
    req("id", &raw.id)?;
    req("legal_basis", &raw.legal_basis)?;
    req("adopted", &raw.adopted)?;
    req("in_force_from", &raw.in_force_from)?;
    req("source_url", &raw.source_url)?;
    req("notes", &raw.notes)?;
    let authority = Authority::parse(&raw.authority)
        .ok_or_else(|| format!("unknown authority {:?}", raw.authority))?;
    let country = match raw.country.trim() {
        "" => None,
        c if is_country_code(c) => Some(c.to_string()),
        c => return Err(format!("unknown country code {c:?}")),
    };
    let target = match raw.target.as_str() {
        "state" => Target::State,
        "non_state" => Target::NonState,
        "designated" => Target::Designated,
        t => return Err(format!("unknown target {t:?}")),
    };
    let direction = Direction::parse(&raw.direction)
        .ok_or_else(|| format!("unknown direction {:?}", raw.direction))?;
    let scope = parse_scope(&raw.scope)?;
    let effect = match raw.effect.as_str() {
        "prohibited" => Effect::Prohibited,
        "review" => Effect::Review,
        e => return Err(format!("unknown effect {e:?}")),
    };
    for (name, v) in [
        ("adopted", raw.adopted.as_str()),
        ("in_force_from", raw.in_force_from.as_str()),
        ("in_force_to", raw.in_force_to.as_str()),
    ] {
        if !v.is_empty() && IsoDate::parse(v).is_none() {
            return Err(format!("column {name}: not a date: {v:?}"));
        }
    }
    if !raw.source_url.starts_with("https://") {
        return Err(format!(
            "source_url is not an https URL: {:?}",
            raw.source_url
        ));
    }
    Ok(EmbargoRule {
        id: raw.id,
        authority,
        country,
        regime: raw.regime,
        target,
        direction,
        scope,
        effect,
        legal_basis: raw.legal_basis,
        adopted: raw.adopted,
        in_force_from: raw.in_force_from,
        in_force_to: Some(raw.in_force_to).filter(|s| !s.is_empty()),
        exemptions: raw.exemptions,
        notes: raw.notes,
        source_url: raw.source_url,
    })
}

fn parse_scope(s: &str) -> Result<Scope, String> {
    Ok(match s {
        "arms" => Scope::Arms,
        "dual_use" => Scope::DualUse,
        "luxury" => Scope::Luxury,
        _ => {
            let Some(list) = s.strip_prefix("hs:") else {
                return Err(format!("unknown scope {s:?}"));
            };
            let mut ranges = Vec::new();
            for part in list.split_whitespace() {
                let (from, to) = part.split_once('-').unwrap_or((part, part));
                let ok = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
                if !ok(from) || !ok(to) || from.len() != to.len() || from > to {
                    return Err(format!("bad HS range {part:?} in scope"));
                }
                ranges.push(HsRange {
                    from: from.to_string(),
                    to: to.to_string(),
                });
            }
            if ranges.is_empty() {
                return Err("empty HS scope".into());
            }
            Scope::Hs(ranges)
        }
    })
}
