//! The OFAC remarks mini-language.
//!
//! OFAC's legacy CSV files (and the `remarks` of the `sdnList` XML) pack most
//! facts about an entry into one free-text field of `;`-separated facts:
//!
//! ```text
//! DOB 08 Jan 1984; POB Pyongyang, North Korea; nationality Korea, North; Gender Male;
//! Passport 836110034 (Korea, North) expires 2025; Linked To: KOREA MINING DEVELOPMENT
//! TRADING CORPORATION; a.k.a. 'KMDTC'.
//! ```
//!
//! Each fact starts with a label (`DOB`, `Passport`, `Linked To:`, optionally
//! prefixed by `alt.` for a further value of the same kind) followed by its
//! value; identifiers end with the issuing country in parentheses and may carry
//! `issued …` / `expires …` notes. [`apply_remarks`] reads what it knows into
//! the typed fields of an [`Entity`] and keeps every fact it does not
//! understand, verbatim, in [`Entity::remarks`]. The `sdnList` XML carries the
//! same labels as `idType` values, so its `idList` goes through [`apply_fact`]
//! too.
//!
//! Aliases written in the remarks (`a.k.a. 'ABU X'`) are the ones OFAC grades
//! *weak*: the strong ones are in `alt.csv`, and the `sdnList` XML of the same
//! edition lists exactly the remark aliases with `<category>weak</category>`.
//! They are quoted with single quotes in the real files; double quotes are
//! read the same way.

use interdict_model::country::country_code;
use interdict_model::{
    DateSpec, Entity, IdKind, Identifier, Link, Name, NameKind, NameQuality, PartialDate,
};

/// What a label means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fact {
    /// An identifier of this kind.
    Id(IdKindTag),
    /// Date of birth.
    Dob,
    /// Place of birth.
    Pob,
    /// Nationality or citizenship (a country name).
    Nationality,
    /// A country the entity is registered in or linked to.
    Country,
    /// `Gender Male`.
    Sex,
    /// `Linked To: NAME`.
    LinkedTo,
    /// `Aircraft Operator NAME`: a link with relation `operator`.
    Operator,
    /// `a.k.a. 'X'`, `n.k.a. 'X'`.
    Aka,
    /// `f.k.a. 'X'`.
    Fka,
    /// `Digital Currency Address - XBT 1Kuf…`: an identifier whose kind names the currency.
    Crypto,
    /// A free-text property under this FollowTheMoney-style name.
    Property(&'static str),
    /// A date property (value stored as ISO when it can be read).
    DateProperty(&'static str),
    /// A flag country: property `name` plus the ISO code in `countries`.
    Flag(&'static str),
}

/// `IdKind` without the owned `Other` label, so that the table can be static.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum IdKindTag {
    Passport,
    NationalId,
    TaxId,
    Registration,
    Imo,
    Mmsi,
    SwiftBic,
    Aircraft,
    /// Any other identifier: the label becomes `IdKind::Other(label)`.
    Other,
}

use Fact::*;
use IdKindTag as K;

/// Labels as OFAC writes them, with their meaning. A fact is matched by the
/// longest label it starts with (case-insensitively, followed by a space,
/// `:`, `-` or the end of the fact).
const LABELS: &[(&str, Fact)] = &[
    ("DOB", Dob),
    ("Date of Birth", Dob),
    ("POB", Pob),
    ("Place of Birth", Pob),
    ("nationality", Nationality),
    ("citizen", Nationality),
    ("citizenship", Nationality),
    ("Nationality of Registration", Country),
    ("Gender", Sex),
    ("Linked To", LinkedTo),
    ("a.k.a.", Aka),
    ("n.k.a.", Aka),
    ("f.k.a.", Fka),
    // identity documents
    ("Passport", Id(K::Passport)),
    ("Diplomatic Passport", Id(K::Passport)),
    ("National ID No.", Id(K::NationalId)),
    ("National ID", Id(K::NationalId)),
    ("Personal ID Card", Id(K::NationalId)),
    ("Identification Number", Id(K::NationalId)),
    ("Cedula No.", Id(K::NationalId)),
    ("D.N.I.", Id(K::NationalId)),
    ("C.U.R.P.", Id(K::NationalId)),
    ("CURP #", Id(K::NationalId)),
    ("C.U.I.", Id(K::NationalId)),
    ("SSN", Id(K::NationalId)),
    ("National Foreign ID Number", Id(K::NationalId)),
    ("Residency Number", Id(K::NationalId)),
    ("Kenyan ID No.", Id(K::NationalId)),
    ("Turkish Identification Number", Id(K::NationalId)),
    ("Moroccan Personal ID No.", Id(K::NationalId)),
    ("Stateless Person ID Card", Id(K::NationalId)),
    ("Citizen's Card Number", Id(K::NationalId)),
    ("Numero de Identidad", Id(K::NationalId)),
    ("Birth Certificate Number", Id(K::Other)),
    ("Credencial electoral", Id(K::Other)),
    ("I.F.E.", Id(K::Other)),
    ("Permit Number", Id(K::Other)),
    ("SRE Permit No.", Id(K::Other)),
    ("VisaNumberID", Id(K::Other)),
    ("File Number", Id(K::Other)),
    ("Driver's License No.", Id(K::Other)),
    ("Cartilla de Servicio Militar Nacional", Id(K::Other)),
    ("Electoral Registry No.", Id(K::Other)),
    ("Refugee ID Card", Id(K::Other)),
    ("Travel Document Number", Id(K::Other)),
    ("Stateless Person Passport", Id(K::Passport)),
    // tax ids
    ("Tax ID No.", Id(K::TaxId)),
    ("RFC", Id(K::TaxId)),
    ("R.F.C.", Id(K::TaxId)),
    ("RTN", Id(K::TaxId)),
    ("Italian Fiscal Code", Id(K::TaxId)),
    ("US FEIN", Id(K::TaxId)),
    ("NIT #", Id(K::TaxId)),
    ("RUC #", Id(K::TaxId)),
    ("RIF #", Id(K::TaxId)),
    ("C.U.I.T.", Id(K::TaxId)),
    ("V.A.T. Number", Id(K::TaxId)),
    ("Trade License No.", Id(K::Registration)),
    // company registrations
    ("Registration Number", Id(K::Registration)),
    ("Registration ID", Id(K::Registration)),
    ("Business Registration Number", Id(K::Registration)),
    ("Business Registration Document #", Id(K::Registration)),
    ("Business Number", Id(K::Registration)),
    ("Company Number", Id(K::Registration)),
    ("UK Company Number", Id(K::Registration)),
    ("Commercial Registry Number", Id(K::Registration)),
    ("Public Registration Number", Id(K::Registration)),
    ("Central Registration System Number", Id(K::Registration)),
    ("Chamber of Commerce Number", Id(K::Registration)),
    ("Istanbul Chamber of Comm. No.", Id(K::Registration)),
    ("C.R. No.", Id(K::Registration)),
    ("Folio Mercantil No.", Id(K::Registration)),
    ("Matricula Mercantil No", Id(K::Registration)),
    ("Economic Register Number (CBLS)", Id(K::Registration)),
    ("Unified Social Credit Code (USCC)", Id(K::Registration)),
    ("Government Gazette Number", Id(K::Registration)),
    ("Enterprise Number", Id(K::Registration)),
    ("Branch Unit Number", Id(K::Registration)),
    ("Registered Charity No.", Id(K::Registration)),
    ("LE Number", Id(K::Registration)),
    (
        "United Social Credit Code Certificate (USCCC)",
        Id(K::Registration),
    ),
    (
        "Dubai Chamber of Commerce Membership No.",
        Id(K::Registration),
    ),
    ("Certificate of Incorporation Number", Id(K::Registration)),
    ("Legal Entity Number", Id(K::Other)),
    ("D-U-N-S Number", Id(K::Other)),
    ("License", Id(K::Other)),
    ("ISIN", Id(K::Other)),
    ("Equity Ticker", Id(K::Other)),
    ("BIK (RU)", Id(K::Other)),
    ("Chinese Commercial Code", Id(K::Other)),
    ("SWIFT/BIC", Id(K::SwiftBic)),
    // vessels and aircraft
    ("Vessel Registration Identification", Id(K::Imo)),
    ("IMO", Id(K::Imo)),
    ("MMSI", Id(K::Mmsi)),
    ("Aircraft Tail Number", Id(K::Aircraft)),
    ("Previous Aircraft Tail Number", Id(K::Aircraft)),
    ("Digital Currency Address", Crypto),
    (
        "Aircraft Manufacturer's Serial Number (MSN)",
        Id(K::Aircraft),
    ),
    (
        "Aircraft Construction Number (also called L/N or S/N or F/N)",
        Id(K::Aircraft),
    ),
    ("Aircraft Mode S Transponder Code", Id(K::Aircraft)),
    ("Aircraft Model", Property("model")),
    ("Aircraft Operator", Operator),
    ("Aircraft Manufacture Date", DateProperty("buildDate")),
    ("Vessel Year of Build", DateProperty("buildDate")),
    ("Vessel Flag", Flag("flag")),
    ("Other Vessel Flag", Flag("flag")),
    ("Former Vessel Flag", Property("pastFlags")),
    ("Other Vessel Call Sign", Property("callSign")),
    ("Vessel Call Sign", Property("callSign")),
    ("Other Vessel Type", Property("vesselType")),
    ("Vessel Type", Property("vesselType")),
    // contact
    ("Website", Property("website")),
    ("Email Address", Property("email")),
    ("Email", Property("email")),
    ("Phone Number", Property("phone")),
    ("Telephone", Property("phone")),
    ("Phone", Property("phone")),
    // organizations
    (
        "Organization Established Date",
        DateProperty("incorporationDate"),
    ),
    ("Organization Type", Property("sector")),
    ("Position", Property("position")),
    ("Target Type", Property("classification")),
    // sanctions information
    (
        "Secondary sanctions risk",
        Property("secondarySanctionsRisk"),
    ),
    (
        "Additional Sanctions Information",
        Property("additionalSanctionsInformation"),
    ),
    (
        "Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions",
        Property("transactionsProhibited"),
    ),
];

/// Splits a remarks text into its facts: at `;` outside parentheses, trimmed,
/// with the final full stop of the whole text removed.
pub fn split_facts(text: &str) -> Vec<&str> {
    let text = text.trim();
    let text = text.strip_suffix('.').unwrap_or(text);
    let mut facts = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, ch) in text.char_indices() {
        match ch {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ';' if depth == 0 => {
                facts.push(text[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    facts.push(text[start..].trim());
    facts.retain(|f| !f.is_empty());
    facts
}

/// Reads an OFAC remarks text into `entity`: every fact it understands goes
/// to its typed field, the rest is kept, joined with `"; "`, as one entry of
/// [`Entity::remarks`]. A fact equal to one of `skip` (e.g. the `Title`
/// column, which OFAC repeats in the remarks) is dropped.
pub fn apply_remarks(entity: &mut Entity, text: &str, skip: &[&str]) {
    let mut rest = Vec::new();
    for fact in split_facts(unwrap_parens(text)) {
        if skip.iter().any(|s| s.trim().eq_ignore_ascii_case(fact)) {
            continue;
        }
        // XML remarks wrap some facts in parentheses: "…; (Linked To: HAMAS)".
        if !apply_fact(entity, unwrap_parens(fact), None, None) {
            rest.push(fact);
        }
    }
    if !rest.is_empty() {
        let joined = rest.join("; ");
        Entity::push_unique(&mut entity.remarks, joined);
    }
}

/// The text inside one pair of enclosing parentheses, or the text itself.
fn unwrap_parens(text: &str) -> &str {
    let text = text.trim();
    match text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        Some(inner) if !inner.contains(['(', ')']) => inner.trim(),
        _ => text,
    }
}

/// The label of a fact and what it means, matched by the longest known label.
fn match_label(fact: &str) -> Option<(&'static str, Fact, &str)> {
    let mut best: Option<(&'static str, Fact)> = None;
    for &(label, meaning) in LABELS {
        let Some(head) = fact.get(..label.len()) else {
            continue;
        };
        if !head.eq_ignore_ascii_case(label) {
            continue;
        }
        let boundary = fact[label.len()..]
            .chars()
            .next()
            .is_none_or(|c| c.is_whitespace() || matches!(c, ':' | '-' | '#'));
        // A label ending in punctuation ("a.k.a.", "No.") needs no boundary.
        let boundary = boundary || !label.ends_with(|c: char| c.is_alphanumeric());
        if boundary && best.is_none_or(|(b, _)| label.len() > b.len()) {
            best = Some((label, meaning));
        }
    }
    let (label, meaning) = best?;
    let value = fact[label.len()..]
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '-'))
        .trim();
    Some((label, meaning, value))
}

/// Applies one fact (`"Passport 836110034 (Korea, North)"`) to `entity`.
///
/// `country` and `note` are given separately by the XML `idList`
/// (`idCountry`, `issueDate`/`expirationDate`); for remarks they are `None`
/// and read from the fact itself. Returns `false`, changing nothing, when the
/// fact is not understood.
pub fn apply_fact(
    entity: &mut Entity,
    fact: &str,
    country: Option<&str>,
    note: Option<String>,
) -> bool {
    let fact = fact.trim();
    let fact = strip_alt(fact);
    let Some((label, meaning, value)) = match_label(fact) else {
        return false;
    };
    if value.is_empty() {
        return false;
    }
    match meaning {
        Dob => match parse_date_spec(value) {
            Some(spec) => Entity::push_unique(&mut entity.birth_dates, spec),
            None => return false,
        },
        Pob => Entity::push_unique(&mut entity.birth_places, value.to_string()),
        Nationality | Country => {
            let Some(code) = country_code(value) else {
                return false;
            };
            let list = if meaning == Nationality {
                &mut entity.nationalities
            } else {
                &mut entity.countries
            };
            Entity::push_unique(list, code.to_string());
        }
        Sex => {
            entity.gender = match value.to_ascii_lowercase().as_str() {
                "male" | "m" => Some(interdict_model::Gender::Male),
                "female" | "f" => Some(interdict_model::Gender::Female),
                _ => return false,
            }
        }
        LinkedTo | Operator => {
            let relation = if meaning == LinkedTo {
                "linked_to"
            } else {
                "operator"
            };
            let link = Link {
                relation: relation.to_string(),
                target_name: value.to_string(),
                target_id: None,
            };
            Entity::push_unique(&mut entity.links, link);
        }
        Aka | Fka => {
            let kind = if meaning == Aka {
                NameKind::Alias
            } else {
                NameKind::Former
            };
            let name = unquote(value);
            if name.is_empty() {
                return false;
            }
            let mut name = Name::new(name, kind).with_quality(NameQuality::Weak);
            if entity.schema == interdict_model::Schema::Person {
                split_person_name(&mut name);
            }
            entity.push_name(name);
        }
        Crypto => {
            let (currency, address) = value.split_once(' ').unwrap_or(("", value));
            let address = address.trim();
            if currency.is_empty() || address.is_empty() || address.contains(' ') {
                return false;
            }
            let identifier = Identifier {
                kind: IdKind::Other(format!("Digital Currency Address - {currency}")),
                value: address.to_string(),
                country: None,
                note: None,
            };
            Entity::push_unique(&mut entity.identifiers, identifier);
        }
        Property(prop) => entity.add_property(prop, value),
        DateProperty(prop) => match parse_date_spec(value) {
            Some(spec) if spec.to.is_none() && !spec.approximate => {
                entity.add_property(prop, spec.date.to_string())
            }
            _ => entity.add_property(prop, value),
        },
        Flag(prop) => {
            entity.add_property(prop, value);
            if let Some(code) = country_code(value) {
                Entity::push_unique(&mut entity.countries, code.to_string());
            }
        }
        Id(tag) => {
            let (mut id_value, found_country, found_note) = split_identifier(value);
            let mut kind = match tag {
                K::Passport => IdKind::Passport,
                K::NationalId => IdKind::NationalId,
                K::TaxId => IdKind::TaxId,
                K::Registration => IdKind::Registration,
                K::Imo => IdKind::Imo,
                K::Mmsi => IdKind::Mmsi,
                K::SwiftBic => IdKind::SwiftBic,
                K::Aircraft => IdKind::Aircraft,
                K::Other => IdKind::Other(label.trim_end_matches([':', ' ', '-']).to_string()),
            };
            // "Identification Number IMO 5342883", "Company Number IMO 5055293",
            // XML idType "Vessel Registration Identification" + "IMO 7406784".
            if let Some(imo) = id_value
                .strip_prefix("IMO ")
                .or_else(|| id_value.strip_prefix("IMO"))
            {
                let imo = imo.trim();
                if !imo.is_empty() && imo.bytes().all(|b| b.is_ascii_digit()) {
                    if kind != IdKind::Registration || !label.eq_ignore_ascii_case("Company Number")
                    {
                        kind = IdKind::Imo;
                    } else {
                        kind = IdKind::Other("IMO company number".into());
                    }
                    id_value = imo.to_string();
                }
            }
            if id_value.is_empty() {
                return false;
            }
            let mut notes: Vec<String> = Vec::new();
            if tag == K::Aircraft {
                notes.push(aircraft_note(label).to_string());
            }
            let country = match country.map(str::trim).filter(|c| !c.is_empty()) {
                Some(given) => match country_code(given) {
                    Some(code) => Some(code.to_string()),
                    None => {
                        notes.push(format!("country: {given}"));
                        None
                    }
                },
                None => found_country,
            };
            notes.extend(found_note);
            notes.extend(note);
            let identifier = Identifier {
                kind,
                value: id_value,
                country,
                note: (!notes.is_empty()).then(|| notes.join("; ")),
            };
            Entity::push_unique(&mut entity.identifiers, identifier);
        }
    }
    true
}

fn aircraft_note(label: &str) -> &'static str {
    let l = label.to_ascii_lowercase();
    if l.contains("previous") {
        "previous tail number"
    } else if l.contains("tail") {
        "tail number"
    } else if l.contains("serial") {
        "manufacturer's serial number"
    } else if l.contains("construction") {
        "construction number"
    } else {
        "transponder code"
    }
}

/// Drops the `alt.` prefix OFAC puts before a second value of a label.
fn strip_alt(fact: &str) -> &str {
    for prefix in ["alt. ", "Alt. ", "ALT. "] {
        if let Some(rest) = fact.strip_prefix(prefix) {
            return rest.trim_start();
        }
    }
    fact
}

/// Removes one pair of surrounding single or double quotes.
fn unquote(value: &str) -> &str {
    let v = value.trim();
    for q in ['\'', '"'] {
        if let Some(inner) = v.strip_prefix(q).and_then(|s| s.strip_suffix(q)) {
            return inner.trim();
        }
    }
    v.trim_matches(|c| c == '\'' || c == '"').trim()
}

/// Splits an identifier value into the number, the issuing country (ISO) and
/// a note: `"G025057 (Iran) issued 23 Jun 1999 expires 05 Feb 2004"` →
/// (`G025057`, `IR`, `issued 23 Jun 1999 expires 05 Feb 2004`).
///
/// A parenthesised group at the end of the number part that names a known
/// country is the issuing country. Up to two trailing groups of plain words
/// that are not (or not known as) countries — a city or region such as
/// `(Jalisco)`, `(Stuttgart)` — move to the note, so that the number stays
/// clean; a group glued to the number (`K357514(4)`) is part of it.
fn split_identifier(value: &str) -> (String, Option<String>, Option<String>) {
    let mut main = value.trim();
    let lower = main.to_ascii_lowercase();
    let mut dates = None;
    let cut = [" issued ", " expires ", " expiring ", " expired "]
        .iter()
        .filter_map(|k| lower.find(k))
        .min();
    if let Some(pos) = cut {
        dates = Some(main[pos..].trim().to_string());
        main = main[..pos].trim();
    }
    let mut country = None;
    let mut groups: Vec<String> = Vec::new();
    for _ in 0..2 {
        let Some(body) = main.strip_suffix(')') else {
            break;
        };
        let Some(open) = body.rfind('(') else {
            break;
        };
        let inner = body[open + 1..].trim();
        let before = &body[..open];
        if !before.ends_with(' ') || before.trim().is_empty() {
            break;
        }
        if country.is_none() && groups.is_empty() {
            if let Some(code) = country_code(inner) {
                country = Some(code.to_string());
                main = before.trim();
                continue;
            }
        }
        if !looks_like_place(inner) {
            break;
        }
        groups.insert(0, format!("({inner})"));
        main = before.trim();
    }
    let mut notes = Vec::new();
    if !groups.is_empty() {
        notes.push(groups.join(" "));
    }
    notes.extend(dates);
    let note = (!notes.is_empty()).then(|| notes.join("; "));
    (main.to_string(), country, note)
}

/// Whether a parenthesised text is a place name rather than part of a
/// number: words of letters (with spaces, commas, dots, apostrophes,
/// hyphens), starting with a capital and not all capitals.
fn looks_like_place(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
        && text
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | ',' | '.' | '\'' | '-'))
        && text.chars().any(char::is_lowercase)
}

/// Splits a person's name written `FAMILY, Given` into its parts.
pub fn split_person_name(name: &mut Name) {
    if let Some((family, given)) = name.full.split_once(", ") {
        let (family, given) = (family.trim(), given.trim());
        if !family.is_empty() && !given.is_empty() && !given.contains(", ") {
            name.family = Some(family.to_string());
            name.given = Some(given.to_string());
        }
    }
}

/// The month number of an English month name or its three-letter form
/// ("Jan", "Sept.", "January"), case-insensitive.
pub(crate) fn month_number(word: &str) -> Option<u8> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| {
            m.starts_with(w.as_str()) && (w.len() == 3 || w.len() == m.len() || w == "sept")
        })
        .and_then(|i| u8::try_from(i + 1).ok())
}

fn parse_year(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
}

/// Reads one OFAC date: `08 Jan 1984`, `Jan 1984`, `1984`, or ISO
/// (`1984-01-08`), or the XML header form `01/08/1984` (month first).
pub fn parse_date(text: &str) -> Option<PartialDate> {
    let text = text.trim().trim_end_matches('.');
    let words: Vec<&str> = text.split_whitespace().collect();
    match words.as_slice() {
        [y] => {
            if let Some(year) = parse_year(y) {
                return Some(PartialDate::year(year));
            }
            if let Some((m, rest)) = y.split_once('/') {
                let (d, yr) = rest.split_once('/')?;
                let month: u8 = m.parse().ok()?;
                let day: u8 = d.parse().ok()?;
                return PartialDate::ymd(parse_year(yr)?, month, day);
            }
            y.parse().ok()
        }
        [m, y] => PartialDate::ym(parse_year(y)?, month_number(m)?),
        [d, m, y] => {
            let day: u8 = d.trim_end_matches(',').parse().ok()?;
            PartialDate::ymd(parse_year(y)?, month_number(m)?, day)
        }
        _ => None,
    }
}

/// Reads an OFAC date of birth: a date, `circa DATE`, `DATE to DATE`,
/// `circa 1960-1965`, `between DATE and DATE`.
pub fn parse_date_spec(text: &str) -> Option<DateSpec> {
    let original = text.trim().trim_end_matches('.').trim();
    let lower = original.to_ascii_lowercase();
    let mut rest = original;
    let mut approximate = false;
    for prefix in ["circa ", "approximately ", "approx. ", "about ", "ca. "] {
        if lower.starts_with(prefix) {
            rest = original[prefix.len()..].trim();
            approximate = true;
            break;
        }
    }
    let rest_lower = rest.to_ascii_lowercase();
    let range = if let Some(pos) = rest_lower.find(" to ") {
        Some((&rest[..pos], &rest[pos + 4..]))
    } else if let Some(body) = rest_lower.strip_prefix("between ") {
        body.find(" and ")
            .map(|pos| (&rest[8..8 + pos], &rest[8 + pos + 5..]))
    } else if rest.len() == 9 && rest.as_bytes().get(4) == Some(&b'-') {
        // "1960-1965"
        Some((&rest[..4], &rest[5..]))
    } else {
        None
    };
    let mut spec = match range {
        Some((a, b)) => DateSpec::range(parse_date(a)?, parse_date(b)?),
        None => DateSpec::exact(parse_date(rest)?),
    };
    if approximate {
        spec.approximate = true;
        spec.text = Some(original.to_string());
    }
    Some(spec)
}

#[cfg(test)]
mod tests {
    use super::*;
    use interdict_model::{Gender, Schema};

    fn person(remarks: &str) -> Entity {
        let mut e = Entity::new("ofac", "1", Schema::Person);
        apply_remarks(&mut e, remarks, &[]);
        e
    }

    fn d(y: i32, m: u8, day: u8) -> PartialDate {
        PartialDate::ymd(y, m, day).unwrap()
    }

    #[test]
    fn splits_at_top_level_semicolons() {
        let f = split_facts("DOB 1970; a.k.a. 'X (A; B)'; Linked To: Y CO., LTD..");
        assert_eq!(
            f,
            vec!["DOB 1970", "a.k.a. 'X (A; B)'", "Linked To: Y CO., LTD."]
        );
        assert!(split_facts("  ").is_empty());
    }

    #[test]
    fn dob_forms() {
        assert_eq!(
            parse_date_spec("08 Jan 1984"),
            Some(DateSpec::exact(d(1984, 1, 8)))
        );
        assert_eq!(
            parse_date_spec("Jan 1984"),
            Some(DateSpec::exact(PartialDate::ym(1984, 1).unwrap()))
        );
        assert_eq!(
            parse_date_spec("1984"),
            Some(DateSpec::exact(PartialDate::year(1984)))
        );
        assert_eq!(
            parse_date_spec("10 October 1969"),
            Some(DateSpec::exact(d(1969, 10, 10)))
        );
        let circa = parse_date_spec("circa 1960").unwrap();
        assert!(circa.approximate);
        assert_eq!(circa.date, PartialDate::year(1960));
        assert_eq!(circa.text.as_deref(), Some("circa 1960"));
        assert_eq!(
            parse_date_spec("1957 to 1960"),
            Some(DateSpec::range(
                PartialDate::year(1957),
                PartialDate::year(1960)
            ))
        );
        assert_eq!(
            parse_date_spec("01 Jan 1957 to 31 Dec 1960"),
            Some(DateSpec::range(d(1957, 1, 1), d(1960, 12, 31)))
        );
        let r = parse_date_spec("circa 1960-1965").unwrap();
        assert_eq!(r.to, Some(PartialDate::year(1965)));
        assert!(r.approximate);
        assert_eq!(parse_date("01/08/2026"), Some(d(2026, 1, 8)));
        assert_eq!(parse_date_spec("31 Feb 1984"), None);
        assert_eq!(parse_date_spec("sometime"), None);
        assert_eq!(parse_date_spec("Foo 1984"), None);
    }

    #[test]
    fn several_dobs_and_places() {
        let e = person("DOB 08 Jan 1984; alt. DOB 1983; POB Pyongyang, North Korea.");
        assert_eq!(
            e.birth_dates,
            vec![
                DateSpec::exact(d(1984, 1, 8)),
                DateSpec::exact(PartialDate::year(1983))
            ]
        );
        assert_eq!(e.birth_places, vec!["Pyongyang, North Korea"]);
        assert!(e.remarks.is_empty());
    }

    #[test]
    fn nationality_citizen_gender() {
        let e = person("nationality Korea, North; citizen Russia; Gender Female");
        assert_eq!(e.nationalities, vec!["KP", "RU"]);
        assert_eq!(e.gender, Some(Gender::Female));
        let e = person("Gender Male");
        assert_eq!(e.gender, Some(Gender::Male));
        // an unknown country name is kept in the remarks, not dropped
        let e = person("nationality Atlantis");
        assert!(e.nationalities.is_empty());
        assert_eq!(e.remarks, vec!["nationality Atlantis"]);
    }

    #[test]
    fn passports_with_country_and_notes() {
        let e = person(
            "Passport 836110034 (Korea, North) expires 2025; alt. Passport G025057 issued 23 Jun 1999",
        );
        assert_eq!(e.identifiers.len(), 2);
        let p = &e.identifiers[0];
        assert_eq!(p.kind, IdKind::Passport);
        assert_eq!(p.value, "836110034");
        assert_eq!(p.country.as_deref(), Some("KP"));
        assert_eq!(p.note.as_deref(), Some("expires 2025"));
        let p = &e.identifiers[1];
        assert_eq!(p.value, "G025057");
        assert_eq!(p.country, None);
        assert_eq!(p.note.as_deref(), Some("issued 23 Jun 1999"));
    }

    #[test]
    fn identifier_kinds() {
        let cases: &[(&str, IdKind, &str)] = &[
            (
                "National ID No. 216040 (Russia)",
                IdKind::NationalId,
                "216040",
            ),
            ("Cedula No. 6068015", IdKind::NationalId, "6068015"),
            (
                "C.U.R.P. GAPA580101HSLRRR03",
                IdKind::NationalId,
                "GAPA580101HSLRRR03",
            ),
            (
                "Tax ID No. 503201763587 (Russia)",
                IdKind::TaxId,
                "503201763587",
            ),
            ("RFC GAPA580101AB1", IdKind::TaxId, "GAPA580101AB1"),
            (
                "Registration Number 1077711000102 (Russia)",
                IdKind::Registration,
                "1077711000102",
            ),
            ("SWIFT/BIC VTBRRUMM", IdKind::SwiftBic, "VTBRRUMM"),
            (
                "Vessel Registration Identification IMO 7406784",
                IdKind::Imo,
                "7406784",
            ),
            ("Identification Number IMO 5342883", IdKind::Imo, "5342883"),
            ("IMO 1234567", IdKind::Imo, "1234567"),
            ("MMSI 572469210", IdKind::Mmsi, "572469210"),
            (
                "Aircraft Tail Number RA-76842",
                IdKind::Aircraft,
                "RA-76842",
            ),
            (
                "Aircraft Manufacturer's Serial Number (MSN) 1023409321",
                IdKind::Aircraft,
                "1023409321",
            ),
            (
                "Legal Entity Number 253400V1H6ART1UQ0N98",
                IdKind::Other("Legal Entity Number".into()),
                "253400V1H6ART1UQ0N98",
            ),
        ];
        for (fact, kind, value) in cases {
            let e = person(fact);
            assert_eq!(e.identifiers.len(), 1, "{fact}: {e:?}");
            assert_eq!(&e.identifiers[0].kind, kind, "{fact}");
            assert_eq!(e.identifiers[0].value, *value, "{fact}");
            assert!(e.remarks.is_empty(), "{fact}");
        }
        let e = person("Tax ID No. 503201763587 (Russia)");
        assert_eq!(e.identifiers[0].country.as_deref(), Some("RU"));
        // a trailing group that is not a known country moves to the note
        // trailing place names that are not known countries move to the note
        let e = person("Registration Number HRA 738077 (Stuttgart) (Atlantis)");
        assert_eq!(e.identifiers[0].value, "HRA 738077");
        assert_eq!(
            e.identifiers[0].note.as_deref(),
            Some("(Stuttgart) (Atlantis)")
        );
        let e = person("Registration Number 22839 (Jalisco) (Russia) issued 2001");
        assert_eq!(e.identifiers[0].value, "22839");
        assert_eq!(e.identifiers[0].country.as_deref(), Some("RU"));
        assert_eq!(
            e.identifiers[0].note.as_deref(),
            Some("(Jalisco); issued 2001")
        );
        // a group glued to the number, or not a place, stays in the number
        let e = person("National ID No. K357514(4) (Russia)");
        assert_eq!(e.identifiers[0].value, "K357514(4)");
        let e = person("Registration Number 12 (HRB)");
        assert_eq!(e.identifiers[0].value, "12 (HRB)");
    }

    #[test]
    fn contact_and_organization_facts() {
        let mut e = Entity::new("ofac", "2", Schema::Organization);
        apply_remarks(
            &mut e,
            "Website www.vtb.com; alt. Website www.vtb.ru; Email Address info@x.ru; Phone Number 982188526300; \
             Organization Established Date 17 Oct 1990; Organization Type: Banking",
            &[],
        );
        assert_eq!(e.properties["website"], vec!["www.vtb.com", "www.vtb.ru"]);
        assert_eq!(e.properties["email"], vec!["info@x.ru"]);
        assert_eq!(e.properties["phone"], vec!["982188526300"]);
        assert_eq!(e.properties["incorporationDate"], vec!["1990-10-17"]);
        assert_eq!(e.properties["sector"], vec!["Banking"]);
        assert!(e.remarks.is_empty());
    }

    #[test]
    fn linked_to_and_sanctions_information() {
        let e = person(
            "Secondary sanctions risk: North Korea Sanctions Regulations, sections 510.201 and 510.210; \
             Additional Sanctions Information - Subject to Secondary Sanctions; \
             Linked To: KOREA MINING DEVELOPMENT TRADING CORPORATION.",
        );
        assert_eq!(e.links.len(), 1);
        assert_eq!(e.links[0].relation, "linked_to");
        assert_eq!(
            e.links[0].target_name,
            "KOREA MINING DEVELOPMENT TRADING CORPORATION"
        );
        assert_eq!(
            e.properties["secondarySanctionsRisk"],
            vec!["North Korea Sanctions Regulations, sections 510.201 and 510.210"]
        );
        assert_eq!(
            e.properties["additionalSanctionsInformation"],
            vec!["Subject to Secondary Sanctions"]
        );
        assert!(e.remarks.is_empty());
        // XML remarks wrapped in parentheses
        let e = person("(Linked To: HAMAS)");
        assert_eq!(e.links[0].target_name, "HAMAS");
        let e = person("For more information see the link; (Linked To: X CO)");
        assert_eq!(e.links[0].target_name, "X CO");
        assert_eq!(e.remarks, vec!["For more information see the link"]);
    }

    #[test]
    fn remark_aliases_are_weak() {
        let e = person("a.k.a. 'ZAHAR, Mahmoud'; f.k.a. \"ABU X\"; n.k.a. 'NEW NAME'");
        assert_eq!(e.names.len(), 3);
        assert_eq!(e.names[0].full, "ZAHAR, Mahmoud");
        assert_eq!(e.names[0].kind, NameKind::Alias);
        assert_eq!(e.names[0].quality, NameQuality::Weak);
        assert_eq!(e.names[0].family.as_deref(), Some("ZAHAR"));
        assert_eq!(e.names[1].full, "ABU X");
        assert_eq!(e.names[1].kind, NameKind::Former);
        assert_eq!(e.names[2].kind, NameKind::Alias);
        // an apostrophe inside the name survives
        let e = person("a.k.a. 'ABU-'UMAR'.");
        assert_eq!(e.names[0].full, "ABU-'UMAR");
    }

    #[test]
    fn unknown_facts_stay_in_remarks_and_title_is_skipped() {
        let mut e = Entity::new("ofac", "3", Schema::Person);
        apply_remarks(
            &mut e,
            "DOB 1950; ICTY indictee; Chairman of the Party; Listing Date (EO 14024 Directive 2): 24 Feb 2022.",
            &["Chairman of the Party"],
        );
        assert_eq!(
            e.remarks,
            vec!["ICTY indictee; Listing Date (EO 14024 Directive 2): 24 Feb 2022"]
        );
        // a label needs a word boundary: "DOBROV" is not a DOB
        let e = person("DOBROV 1950");
        assert!(e.birth_dates.is_empty());
        assert_eq!(e.remarks, vec!["DOBROV 1950"]);
    }

    #[test]
    fn vessel_and_aircraft_facts() {
        let mut e = Entity::new("ofac", "4", Schema::Airplane);
        apply_remarks(
            &mut e,
            "Aircraft Model IL-76TD; Aircraft Operator YAS AIR; Aircraft Manufacture Date 1992; \
             Aircraft Construction Number (also called L/N or S/N or F/N) 8401",
            &[],
        );
        assert_eq!(e.properties["model"], vec!["IL-76TD"]);
        assert_eq!(e.properties["buildDate"], vec!["1992"]);
        assert_eq!(e.links[0].relation, "operator");
        assert_eq!(e.identifiers[0].value, "8401");
        assert_eq!(
            e.identifiers[0].note.as_deref(),
            Some("construction number")
        );
        let mut v = Entity::new("ofac", "5", Schema::Vessel);
        apply_remarks(
            &mut v,
            "Vessel Year of Build 1999; Former Vessel Flag Malta; Vessel Flag Russia",
            &[],
        );
        assert_eq!(v.properties["buildDate"], vec!["1999"]);
        assert_eq!(v.properties["pastFlags"], vec!["Malta"]);
        assert_eq!(v.countries, vec!["RU"]);
    }

    #[test]
    fn xml_facts_with_given_country() {
        let mut e = Entity::new("ofac", "6", Schema::Person);
        assert!(apply_fact(
            &mut e,
            "Passport 836110034",
            Some("Korea, North"),
            Some("issued 2010-01-01".into())
        ));
        assert_eq!(e.identifiers[0].country.as_deref(), Some("KP"));
        assert_eq!(e.identifiers[0].note.as_deref(), Some("issued 2010-01-01"));
        assert!(!apply_fact(&mut e, "Unheard Of Label 12", None, None));
    }
}
