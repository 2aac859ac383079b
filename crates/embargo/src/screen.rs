//! The decision on one transaction: prohibited, review or clear, with every reason.
//!
//! [`screen_transaction`] is a pure function of the transaction and a
//! [`Context`] (rules, list screener, vessel index, authorities, date): the
//! same call serves `interdict trade` and the server's `POST /trade`.
//!
//! What it checks:
//!
//! 1. The input: missing parties, goods, origin or destination, unknown
//!    country codes, malformed dates, HS codes and IMO numbers → `review`
//!    reasons of kind `input`. Nothing that could not be read ever lets a
//!    transaction come back `clear`.
//! 2. Every party through the [`PartyScreener`]: a listed party at or above
//!    [`Context::prohibit_score`] → `prohibited`; at or above
//!    [`Context::review_score`] → `review`.
//! 3. Every vessel by IMO number on the listed entities' identifiers
//!    (`prohibited` for a listed ship whatever name is given), and by name
//!    (`review`: ship names repeat, only the IMO number identifies a ship).
//! 4. Every goods line classified ([`crate::goods::classify`]); a line that
//!    cannot be classified (no HS code and a vague description, or nothing)
//!    → `review`.
//! 5. Every embargo rule of the chosen authorities in force on the date whose
//!    country is the destination or the country of a receiving party (buyer,
//!    consignee, end user) for supply rules, the origin or the country of a
//!    supplying party (seller, consignor, shipper, manufacturer) for
//!    procurement rules, or a transit country (supply rules; at most
//!    `review`), applied to each goods line by the rule's scope.

use crate::date::IsoDate;
use crate::goods::{classify, display_hs, Category, Classification};
use crate::party::{normalize_imo, PartyScreener, VesselIndex};
use crate::rules::{Authority, Effect, EmbargoRule, RuleSet, Scope, Target};
use crate::transaction::{Role, Transaction};
use interdict_model::country::{country_code, country_name, is_country_code};
use interdict_model::Schema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The answer on a transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    /// Nothing found.
    Clear,
    /// A person must look.
    Review,
    /// The transaction breaks a measure.
    Prohibited,
}

impl fmt::Display for DecisionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DecisionKind::Clear => "clear",
            DecisionKind::Review => "review",
            DecisionKind::Prohibited => "prohibited",
        })
    }
}

impl From<Effect> for DecisionKind {
    fn from(e: Effect) -> Self {
        match e {
            Effect::Review => DecisionKind::Review,
            Effect::Prohibited => DecisionKind::Prohibited,
        }
    }
}

/// What a reason is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReasonKind {
    /// A party is (or may be) on a sanctions list.
    PartyListed,
    /// A vessel is (or may be) on a sanctions list.
    VesselListed,
    /// An embargo rule applies to the goods, route and date.
    Embargo,
    /// A goods line cannot be classified.
    Goods,
    /// The input is missing something or could not be read.
    Input,
}

/// One reason for the decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    /// What it is about.
    pub kind: ReasonKind,
    /// What it means for the transaction.
    pub effect: DecisionKind,
    /// The rule id (`UN-KP-ARMS-PROCURE`) or list entry id (`un:KPe.001`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The legal basis or list citation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub citation: Option<String>,
    /// Where the rule is published.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
    /// Why, in a sentence.
    pub why: String,
}

/// The classification of one goods line, for the answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoodsResult {
    /// 1-based line number.
    pub line: usize,
    /// The description given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The classification.
    pub classification: Classification,
    /// Summary in words.
    pub summary: String,
}

/// The answer on one transaction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    /// The transaction's id, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Where it was in the input file (`line 3`), for batch answers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Prohibited, review or clear.
    pub decision: DecisionKind,
    /// Every reason, strongest first.
    pub reasons: Vec<Reason>,
    /// What was checked, including what was found clean.
    pub checks: Vec<String>,
    /// Each goods line's classification.
    pub goods: Vec<GoodsResult>,
    /// The date the rules were applied for.
    pub date: String,
}

impl Decision {
    /// The answer for a record that could not be read at all: `review`, saying why.
    pub fn unreadable(location: &str, error: &str) -> Decision {
        Decision {
            id: None,
            location: Some(location.to_string()),
            decision: DecisionKind::Review,
            reasons: vec![Reason {
                kind: ReasonKind::Input,
                effect: DecisionKind::Review,
                id: None,
                citation: None,
                source_url: None,
                why: format!(
                    "{location} could not be read, so nothing in it was screened: {error}"
                ),
            }],
            checks: Vec::new(),
            goods: Vec::new(),
            date: String::new(),
        }
    }
}

/// Everything screening needs besides the transaction.
pub struct Context<'a> {
    /// The embargo rules.
    pub rules: &'a RuleSet,
    /// Party screening (the list screener or the matching engine).
    pub screener: &'a dyn PartyScreener,
    /// Listed entities by IMO number.
    pub vessels: &'a VesselIndex,
    /// Whose measures apply (default: all of UN, EU, UK, US).
    pub authorities: Vec<Authority>,
    /// The date to use when a transaction has none.
    pub today: IsoDate,
    /// A party hit at or above this score makes the transaction prohibited (default 0.95).
    pub prohibit_score: f32,
    /// A party hit at or above this score makes it need review (default 0.80).
    pub review_score: f32,
}

impl<'a> Context<'a> {
    /// A context with every authority, today's date and the default thresholds.
    pub fn new(
        rules: &'a RuleSet,
        screener: &'a dyn PartyScreener,
        vessels: &'a VesselIndex,
    ) -> Context<'a> {
        Context {
            rules,
            screener,
            vessels,
            authorities: Authority::ALL.to_vec(),
            today: IsoDate::today(),
            prohibit_score: 0.95,
            review_score: 0.80,
        }
    }
}

/// The name of the list a source name stands for.
pub fn list_name(source: &str) -> &str {
    match source {
        "un" => "UN Security Council Consolidated List",
        "ofac" => "OFAC SDN List",
        "ofac-cons" => "OFAC Consolidated (non-SDN) List",
        "eu" => "EU Consolidated Financial Sanctions List",
        "uk" => "UK Sanctions List",
        "uk-ofsi" => "OFSI Consolidated List",
        "opensanctions" => "OpenSanctions",
        other => other,
    }
}

fn source_authority(source: &str) -> Option<Authority> {
    match source {
        "un" => Some(Authority::Un),
        "ofac" | "ofac-cons" => Some(Authority::Us),
        "eu" => Some(Authority::Eu),
        "uk" | "uk-ofsi" => Some(Authority::Uk),
        _ => None,
    }
}

fn list_citation(hit: &crate::party::PartyHit) -> String {
    let mut c = format!("{}, entry {}", list_name(&hit.source), hit.reference);
    if !hit.programmes.is_empty() {
        c.push_str(&format!(" ({})", hit.programmes.join(", ")));
    }
    if hit.source == "un" && hit.reference.starts_with("KP") {
        c.push_str("; asset freeze under UNSCR 1718 (2006) para 8(d)");
    }
    c
}

fn country_label(code: &str) -> String {
    match country_name(code) {
        Some(n) => format!("{n} ({code})"),
        None => code.to_string(),
    }
}

struct Builder {
    reasons: Vec<Reason>,
    checks: Vec<String>,
}

impl Builder {
    fn input(&mut self, why: String) {
        self.reasons.push(Reason {
            kind: ReasonKind::Input,
            effect: DecisionKind::Review,
            id: None,
            citation: None,
            source_url: None,
            why,
        });
    }
}

/// Reads a country as the transaction gives it: an alpha-2 code in any case,
/// or a country name. `Err` says what is wrong.
fn read_country(field: &str, value: &str) -> Result<String, String> {
    let v = value.trim();
    if v.len() == 2 {
        let up = v.to_ascii_uppercase();
        if is_country_code(&up) {
            return Ok(up);
        }
        return Err(format!("{field}: unknown country code {v:?}"));
    }
    country_code(v)
        .map(str::to_string)
        .ok_or_else(|| format!("{field}: unknown country {v:?} (give an ISO 3166 alpha-2 code)"))
}

/// Screens one transaction.
pub fn screen_transaction(tx: &Transaction, ctx: &Context<'_>) -> Decision {
    let mut b = Builder {
        reasons: Vec::new(),
        checks: Vec::new(),
    };
    // --- date
    let date = match tx.date.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => {
            b.checks
                .push(format!("no date given: rules applied as of {}", ctx.today));
            ctx.today
        }
        Some(d) => match IsoDate::parse(d).filter(|x| x.day != 0) {
            Some(x) => x,
            None => {
                b.input(format!(
                    "date {d:?} is not a YYYY-MM-DD date; rules were applied as of {}",
                    ctx.today
                ));
                ctx.today
            }
        },
    };
    // --- countries
    let mut origins: Vec<(String, String)> = Vec::new(); // (code, how)
    let mut dests: Vec<(String, String)> = Vec::new();
    let mut transits: Vec<String> = Vec::new();
    for (field, value, missing, how, found) in [
        (
            "origin",
            &tx.origin,
            "origin is missing: embargoes on procurement cannot be checked",
            "country of origin",
            &mut origins,
        ),
        (
            "destination",
            &tx.destination,
            "destination is missing: embargoes on supply cannot be checked",
            "country of destination",
            &mut dests,
        ),
    ] {
        match value.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => b.input(missing.into()),
            Some(v) => match read_country(field, v) {
                Ok(c) => found.push((c, how.into())),
                Err(e) => b.input(e),
            },
        }
    }
    for t in &tx.transit {
        match read_country("transit", t) {
            Ok(c) => transits.push(c),
            Err(e) => b.input(e),
        }
    }
    // --- parties
    if tx.parties.is_empty() {
        b.input("no parties given: nobody could be screened against the lists".into());
    }
    if ctx.screener.entity_count() == 0 {
        b.input("no sanctions lists are loaded: parties and vessels could not be screened".into());
    }
    for (i, p) in tx.parties.iter().enumerate() {
        let n = i + 1;
        let role = match p.role.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(r) => match Role::parse(r) {
                Some(x) => Some(x),
                None => {
                    b.input(format!("party {n}: unknown role {r:?}"));
                    None
                }
            },
        };
        let country = match p
            .country
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
        {
            None => None,
            Some(c) => match read_country(&format!("party {n} country"), c) {
                Ok(c) => Some(c),
                Err(e) => {
                    b.input(e);
                    None
                }
            },
        };
        let role_name = p.role.clone().unwrap_or_else(|| "party".into());
        if let (Some(r), Some(c)) = (role, &country) {
            let how = format!("country of the {role_name}");
            if r.receives() && !dests.iter().any(|(x, _)| x == c) {
                dests.push((c.clone(), how));
            } else if r.supplies() && !origins.iter().any(|(x, _)| x == c) {
                origins.push((c.clone(), how));
            }
        }
        let Some(name) = p.name.as_deref().map(str::trim).filter(|s| !s.is_empty()) else {
            b.input(format!(
                "party {n} ({role_name}) has no name: it could not be screened"
            ));
            continue;
        };
        let hits = ctx.screener.screen_party(name, None, country.as_deref());
        let mut flagged = false;
        for h in hits {
            if let Some(a) = source_authority(&h.source) {
                if !ctx.authorities.contains(&a) {
                    continue;
                }
            }
            let effect = if h.score >= ctx.prohibit_score {
                DecisionKind::Prohibited
            } else if h.score >= ctx.review_score {
                DecisionKind::Review
            } else {
                continue;
            };
            flagged = true;
            let verb = if effect == DecisionKind::Prohibited {
                "is listed"
            } else {
                "may be listed"
            };
            b.reasons.push(Reason {
                kind: ReasonKind::PartyListed,
                effect,
                id: Some(h.entity_id.clone()),
                citation: Some(list_citation(&h)),
                source_url: None,
                why: format!(
                    "the {role_name} {name:?} {verb} as {:?} on the {} (score {:.2}): {}; dealing with a listed party is prohibited",
                    h.caption,
                    list_name(&h.source),
                    h.score,
                    h.explanation
                ),
            });
        }
        if !flagged {
            b.checks
                .push(format!("{role_name} {name:?}: screened, no list match"));
        }
    }
    // --- vessels
    for (i, v) in tx.vessels.iter().enumerate() {
        let n = i + 1;
        let name = v.name.as_deref().map(str::trim).filter(|s| !s.is_empty());
        let label = name.map_or_else(|| format!("vessel {n}"), |s| format!("vessel {s:?}"));
        let mut flagged = false;
        let mut imo_norm: Option<String> = None;
        match v.imo.as_ref().map(|x| x.as_text()) {
            None => b.input(format!(
                "{label} has no IMO number: only its name could be screened"
            )),
            Some(raw) => match normalize_imo(&raw) {
                None => b.input(format!(
                    "{label}: {raw:?} is not an IMO number (seven digits); the vessel could only be screened by name"
                )),
                Some((imo, check_ok)) => {
                    if !check_ok {
                        b.input(format!(
                            "{label}: IMO {imo} fails the IMO check digit (typing error?)"
                        ));
                    }
                    for h in ctx.vessels.lookup(&imo) {
                        if let Some(a) = source_authority(&h.source) {
                            if !ctx.authorities.contains(&a) {
                                continue;
                            }
                        }
                        flagged = true;
                        let is_ship = h.schema == Schema::Vessel;
                        let name_note = match name {
                            Some(s) if crate::party::name_key(s) != crate::party::name_key(&h.caption) => {
                                format!(" (the transaction names it {s:?})")
                            }
                            _ => String::new(),
                        };
                        b.reasons.push(Reason {
                            kind: ReasonKind::VesselListed,
                            effect: if is_ship {
                                DecisionKind::Prohibited
                            } else {
                                DecisionKind::Review
                            },
                            id: Some(h.entity_id.clone()),
                            citation: Some(list_citation(h)),
                            source_url: None,
                            why: if is_ship {
                                format!(
                                    "{label}: {}{name_note}; the IMO number identifies the ship whatever its name, and a listed ship may not be used",
                                    h.explanation
                                )
                            } else {
                                format!(
                                    "{label}: {}; check whether the ship is owned or managed by the listed company",
                                    h.explanation
                                )
                            },
                        });
                    }
                    imo_norm = Some(imo);
                }
            },
        }
        if let Some(s) = name {
            let flag = v
                .flag
                .as_deref()
                .and_then(|f| read_country("vessel flag", f).ok());
            for h in ctx
                .screener
                .screen_party(s, Some(Schema::Vessel), flag.as_deref())
            {
                if h.score < ctx.review_score {
                    continue;
                }
                if b.reasons
                    .iter()
                    .any(|r| r.id.as_deref() == Some(h.entity_id.as_str()))
                {
                    continue;
                }
                // The same name with another IMO number is another ship.
                let listed_imos: Vec<String> = ctx
                    .vessels
                    .lookup_entity(&h.entity_id)
                    .into_iter()
                    .collect();
                if let Some(imo) = &imo_norm {
                    if !listed_imos.is_empty() && !listed_imos.contains(imo) {
                        b.checks.push(format!(
                            "{label}: same name as listed vessel {:?} ({}) but a different IMO number ({} vs {}): not the same ship",
                            h.caption,
                            h.entity_id,
                            imo,
                            listed_imos.join(", ")
                        ));
                        continue;
                    }
                }
                flagged = true;
                b.reasons.push(Reason {
                    kind: ReasonKind::VesselListed,
                    effect: DecisionKind::Review,
                    id: Some(h.entity_id.clone()),
                    citation: Some(list_citation(&h)),
                    source_url: None,
                    why: format!(
                        "{label} has the name of listed vessel {:?} (score {:.2}): {}; confirm by IMO number",
                        h.caption, h.score, h.explanation
                    ),
                });
            }
        }
        if let Some(f) = v.flag.as_deref().filter(|f| !f.trim().is_empty()) {
            if let Err(e) = read_country(&format!("{label} flag"), f) {
                b.input(e);
            }
        }
        if !flagged {
            b.checks.push(format!(
                "{label}: screened by IMO number and name, no list match"
            ));
        }
    }
    // --- goods
    if tx.goods.is_empty() {
        b.input("no goods lines: the embargoes could not be checked".into());
    }
    let mut goods = Vec::new();
    for (i, g) in tx.goods.iter().enumerate() {
        let hs = g.hs_code.as_ref().map(|x| x.as_text());
        let c = classify(hs.as_deref(), g.description.as_deref());
        let line = i + 1;
        if let Some(e) = &c.hs_error {
            b.input(format!("goods line {line}: {e}"));
        }
        if c.missing {
            b.reasons.push(Reason {
                kind: ReasonKind::Goods,
                effect: DecisionKind::Review,
                id: None,
                citation: None,
                source_url: None,
                why: format!("goods line {line} has neither a usable HS code nor a description: it cannot be classified"),
            });
        } else if c.vague {
            b.reasons.push(Reason {
                kind: ReasonKind::Goods,
                effect: DecisionKind::Review,
                id: None,
                citation: None,
                source_url: None,
                why: format!(
                    "goods line {line} has no HS code and the description {:?} is too vague to classify: controlled goods cannot be ruled out",
                    g.description.as_deref().unwrap_or("")
                ),
            });
        }
        goods.push(GoodsResult {
            line,
            description: g.description.clone(),
            summary: c.summary(),
            classification: c,
        });
    }
    // --- embargo rules
    let mut applied = 0usize;
    for rule in &ctx.rules.rules {
        if !ctx.authorities.contains(&rule.authority) || !rule.in_force_on(&date) {
            continue;
        }
        let Some(country) = rule.country.as_deref() else {
            continue;
        };
        let mut routes: Vec<(String, bool)> = Vec::new(); // (how, transit_only)
        if rule.direction.covers_supply() {
            for (c, how) in &dests {
                if c == country {
                    routes.push((format!("supply to {} ({how})", country_label(c)), false));
                }
            }
            if transits.iter().any(|c| c == country) {
                routes.push((format!("transit through {}", country_label(country)), true));
            }
        }
        if rule.direction.covers_procurement() {
            for (c, how) in &origins {
                if c == country {
                    routes.push((
                        format!("procurement from {} ({how})", country_label(c)),
                        false,
                    ));
                }
            }
        }
        if routes.is_empty() {
            continue;
        }
        applied += 1;
        let transit_only = routes.iter().all(|(_, t)| *t);
        let route = routes
            .iter()
            .map(|(h, _)| h.as_str())
            .collect::<Vec<_>>()
            .join("; ");
        let mut effect: Option<DecisionKind> = None;
        let mut per_line: Vec<(DecisionKind, String)> = Vec::new();
        for gr in &goods {
            if let Some((e, why)) = scope_effect(rule, &gr.classification) {
                let e = if transit_only {
                    e.min(DecisionKind::Review)
                } else {
                    e
                };
                effect = effect.max(Some(e));
                per_line.push((e, format!("line {} ({why})", gr.line)));
            }
        }
        // Say which lines only need review when others are prohibited.
        let mixed = per_line.iter().any(|(e, _)| Some(*e) != effect);
        let lines: Vec<String> = per_line
            .into_iter()
            .map(|(e, l)| if mixed { format!("{l} [{e}]") } else { l })
            .collect();
        let Some(effect) = effect else {
            b.checks.push(format!(
                "{} [{}] applies to this route ({route}) but covers none of the goods",
                rule.id, rule.scope
            ));
            continue;
        };
        let targeted = match rule.target {
            Target::State => String::new(),
            Target::NonState => {
                " It covers non-governmental end users only: check the end user.".into()
            }
            Target::Designated => " It covers designated persons only: check the end user.".into(),
        };
        let transit_note = if transit_only {
            " The goods only transit: check that they are not delivered there."
        } else {
            ""
        };
        b.reasons.push(Reason {
            kind: ReasonKind::Embargo,
            effect,
            id: Some(rule.id.clone()),
            citation: Some(rule.citation()),
            source_url: Some(rule.source_url.clone()),
            why: format!(
                "{} {} embargo ({}) on {}: {route}; {}.{targeted}{transit_note}",
                rule.authority,
                rule.regime,
                match rule.direction {
                    crate::rules::Direction::SupplyTo => "supply to",
                    crate::rules::Direction::ProcureFrom => "procurement from",
                    crate::rules::Direction::Both => "supply to and procurement from",
                },
                rule.scope,
                lines.join("; ")
            ),
        });
    }
    b.checks.push(format!(
        "{applied} embargo rule(s) of {} matched the route on {date}",
        ctx.authorities
            .iter()
            .map(|a| a.as_str())
            .collect::<Vec<_>>()
            .join("/")
    ));
    let mut reasons = b.reasons;
    reasons.sort_by_key(|r| std::cmp::Reverse(r.effect));
    let decision = reasons
        .iter()
        .map(|r| r.effect)
        .max()
        .unwrap_or(DecisionKind::Clear);
    Decision {
        id: tx.id.clone(),
        location: None,
        decision,
        reasons,
        checks: b.checks,
        goods,
        date: date.to_string(),
    }
}

/// What a rule means for one goods line: its effect and why, or `None` when
/// the rule does not cover the line.
fn scope_effect(rule: &EmbargoRule, c: &Classification) -> Option<(DecisionKind, String)> {
    let full: DecisionKind = rule.effect.into();
    let unreadable = || {
        if c.missing {
            Some((
                DecisionKind::Review,
                "no HS code and no description: cannot be ruled out".to_string(),
            ))
        } else if c.vague {
            Some((
                DecisionKind::Review,
                "too vague to classify: cannot be ruled out".to_string(),
            ))
        } else if c.hs_error.is_some() && c.hits.is_empty() {
            Some((
                DecisionKind::Review,
                "malformed HS code: cannot be ruled out".to_string(),
            ))
        } else {
            None
        }
    };
    match &rule.scope {
        Scope::Arms => {
            if c.is(Category::Arms) {
                Some((full, format!("arms: {}", c.reasons(Category::Arms))))
            } else if c.is(Category::DualUse) {
                Some((
                    DecisionKind::Review,
                    format!("may be related materiel: {}", c.reasons(Category::DualUse)),
                ))
            } else {
                unreadable()
            }
        }
        Scope::DualUse => {
            if c.is(Category::DualUse) {
                Some((
                    DecisionKind::Review.min(full),
                    format!(
                        "possibly a listed dual-use item, check the control list: {}",
                        c.reasons(Category::DualUse)
                    ),
                ))
            } else {
                unreadable()
            }
        }
        Scope::Luxury => {
            if c.is(Category::Luxury) {
                Some((full, format!("luxury goods: {}", c.reasons(Category::Luxury))))
            } else {
                unreadable()
            }
        }
        // Goods known to be arms from their description are answered by the
        // arms rules; a sectoral HS rule adds nothing there.
        Scope::Hs(_) if c.hs_code.is_none() && c.is(Category::Arms) => None,
        Scope::Hs(ranges) => match &c.hs_code {
            Some(code) => ranges.iter().find(|r| r.contains(code)).map(|r| {
                (
                    full,
                    format!("HS {} falls in HS {r}", display_hs(code)),
                )
            }),
            None => Some((
                DecisionKind::Review,
                "no usable HS code: the rule covers goods by HS code and the line cannot be ruled out".to_string(),
            )),
        },
    }
}
