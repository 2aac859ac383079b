//! EU legacy XML 1.0 (root `WHOLE`, records `ENTITY`), the format the EU
//! published before the Financial Sanctions Files 1.1.
//!
//! ```xml
//! <WHOLE Date="11/02/2016">
//!   <ENTITY Id="13" Type="P" reg_date="2003-07-07" programme="IRQ" remark="(UNSC RESOLUTION 1483)">
//!     <NAME Id="17" Entity_id="13" reg_date="2003-07-08" programme="IRQ">
//!       <LASTNAME>…</LASTNAME><FIRSTNAME>…</FIRSTNAME><MIDDLENAME/><WHOLENAME>…</WHOLENAME>
//!       <GENDER>M</GENDER><TITLE/><FUNCTION/><LANGUAGE>FR</LANGUAGE>
//!     </NAME>
//!     <BIRTH Id="14" …><DATE>1937-04-28</DATE><PLACE>…</PLACE><COUNTRY>IRQ</COUNTRY></BIRTH>
//!     <CITIZEN Id="1" …><COUNTRY>IRQ</COUNTRY></CITIZEN>
//!     <PASSPORT Id="315" …><NUMBER>AD001095 (passport-National passport) ((passport))</NUMBER><COUNTRY/></PASSPORT>
//!     <ADDRESS Id="4" …><NUMBER/><STREET/><ZIPCODE/><CITY/><COUNTRY/><OTHER/></ADDRESS>
//!   </ENTITY>
//! </WHOLE>
//! ```
//!
//! The ids are those of the 1.1 format (`ENTITY Id` is the 1.1
//! `sanctionEntity logicalId`, `NAME Id` the `nameAlias logicalId`), so an
//! entity read from either format has the id `eu:<Id>`, and its names are
//! chosen and ordered by the same rule ([`super::push_aliases`]): the
//! Latin-script name with the lowest id is the primary one. The format has
//! no alias grading. `Type` `P` is a [`Schema::Person`], `E` an
//! [`Schema::Organization`].
//!
//! Countries are ISO 3166 alpha-3 codes. Birth dates are ISO dates or years,
//! `1965 (approximative)` or `1953 - 1958 (approximative)`. A `PASSPORT`
//! `NUMBER` packs the number, the 1.1 identification type code and
//! description, flags and a remark: `L335915 (passport-National passport)
//! [known to be expired](tunisian passport …)`; the type code is read as in
//! 1.1 and the flags become the same notes (`known expired`).
//!
//! Programmes are the `programme` attributes of the record and its parts;
//! the listing date is the earliest `reg_date` of any of them (as 1.1 takes
//! the earliest regulation cited); the file's `Date` (day/month/year) is the
//! publisher date.

use super::{id_kind, push_aliases, whole_name, Alias};
use crate::error::Result;
use crate::uk::dmy_date;
use crate::un::{country, expect_root, invalid, iso_date};
use crate::xml::{decode, read_records, Node};
use crate::{Format, Input, ParsedList};
use interdict_model::country::country_name;
use interdict_model::{Address, DateSpec, Entity, Identifier, NameQuality, PartialDate, Schema};

/// Parses one file.
pub fn parse_legacy(input: &Input) -> Result<ParsedList> {
    let file = input.name.as_str();
    let text = decode(&input.bytes, file)?;
    expect_root(&text, file, "WHOLE", "an EU legacy (1.0)")?;
    let mut entities = Vec::new();
    let root = read_records(&text, file, &["ENTITY"], |node| {
        entities.push(parse_entity(&node, file)?);
        Ok(())
    })?;
    let publisher_date = match root.attr_value("Date") {
        Some(d) => Some(dmy_date(d).map(|p| p.to_string()).ok_or_else(|| {
            invalid(
                file,
                root.line,
                format!("<WHOLE Date={d:?}> is not a day/month/year date"),
            )
        })?),
        None => None,
    };
    Ok(ParsedList {
        warnings: Vec::new(),
        source: "eu".into(),
        format: Format::EuLegacyXml,
        publisher_date,
        entities,
    })
}

/// The text of a child element, trimmed, `None` when empty.
fn value<'a>(node: &'a Node, child: &'a str) -> Option<&'a str> {
    node.child_value(child)
}

/// A country code (alpha-3) or name as an ISO alpha-2 code.
fn country_of(node: &Node) -> (Option<String>, Option<&str>) {
    match value(node, "COUNTRY") {
        Some(c) => (country(c), Some(c)),
        None => (None, None),
    }
}

/// Drops the parentheses the EU puts around whole remarks.
fn strip_parens(text: &str) -> &str {
    let mut t = text.trim();
    while let Some(inner) = t.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        t = inner.trim();
    }
    t
}

fn parse_entity(node: &Node, file: &str) -> Result<Entity> {
    let id = node
        .attr_value("Id")
        .ok_or_else(|| invalid(file, node.line, "<ENTITY> without an Id".into()))?;
    let schema = match node
        .attr_value("Type")
        .map(str::to_ascii_uppercase)
        .as_deref()
    {
        Some("P") => Schema::Person,
        Some("E") => Schema::Organization,
        Some(other) => {
            return Err(invalid(
                file,
                node.line,
                format!("ENTITY {id}: unknown Type {other:?} (expected P or E)"),
            ))
        }
        None => return Err(invalid(file, node.line, format!("ENTITY {id} has no Type"))),
    };
    let mut e = Entity::new("eu", id, schema);
    if let Some(r) = node.attr_value("remark") {
        e.remarks.push(strip_parens(r).to_string());
    }
    let mut earliest: Option<PartialDate> = None;
    for part in std::iter::once(node).chain(node.children.iter()) {
        if let Some(p) = part.attr_value("programme") {
            Entity::push_unique(&mut e.programmes, p.to_string());
        }
        if let Some(d) = part.attr_value("reg_date").and_then(iso_date) {
            if earliest.is_none_or(|x| d < x) {
                earliest = Some(d);
            }
        }
    }
    e.listed_on = earliest;

    let aliases: Vec<Alias> = node
        .children_named("NAME")
        .filter_map(|n| {
            let (first, middle, last) = (
                value(n, "FIRSTNAME"),
                value(n, "MIDDLENAME"),
                value(n, "LASTNAME"),
            );
            Some(Alias {
                id: n.attr_value("Id").and_then(|v| v.parse().ok()),
                whole: whole_name(value(n, "WHOLENAME"), first, middle, last)?,
                first,
                middle,
                last,
                lang: value(n, "LANGUAGE"),
                gender: value(n, "GENDER"),
                function: value(n, "FUNCTION"),
                title: value(n, "TITLE"),
                quality: NameQuality::Unknown,
                remark: None,
            })
        })
        .collect();
    push_aliases(&mut e, &aliases);
    if e.names.is_empty() {
        return Err(invalid(file, node.line, format!("ENTITY {id} has no NAME")));
    }

    for b in node.children_named("BIRTH") {
        read_birth(&mut e, b);
    }
    for c in node.children_named("CITIZEN") {
        match country_of(c) {
            (Some(code), _) => Entity::push_unique(&mut e.nationalities, code),
            (None, Some(text)) => e.remarks.push(format!("citizenship: {text}")),
            (None, None) => {}
        }
    }
    for p in node.children_named("PASSPORT") {
        read_passport(&mut e, p);
    }
    for a in node.children_named("ADDRESS") {
        read_address(&mut e, a);
    }
    Ok(e)
}

/// `1924-02-21`, `1965`, `1965 (approximative)`, `1953 - 1958 (approximative)`.
fn birth_date(text: &str) -> Option<DateSpec> {
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    let (body, approximate) = match lower.find("(approx") {
        Some(pos) => (text[..pos].trim(), true),
        None => (text, false),
    };
    let mut spec = match body.split_once(" - ") {
        Some((from, to)) => DateSpec::range(iso_date(from)?, iso_date(to)?),
        None => DateSpec::exact(iso_date(body)?),
    };
    spec.approximate = approximate;
    Some(spec)
}

fn read_birth(e: &mut Entity, b: &Node) {
    if let Some(d) = value(b, "DATE") {
        match birth_date(d) {
            Some(spec) => Entity::push_unique(&mut e.birth_dates, spec),
            None => e.remarks.push(format!("date of birth: {d}")),
        }
    }
    let (code, text) = country_of(b);
    let country_text = code.as_deref().and_then(country_name).or(text);
    let place: Vec<&str> = value(b, "PLACE")
        .filter(|p| *p != "-")
        .into_iter()
        .chain(country_text)
        .collect();
    if !place.is_empty() {
        Entity::push_unique(&mut e.birth_places, place.join(", "));
    }
}

/// The parts of a legacy identification `NUMBER`: the number, the type code
/// and description, the bracketed flags and the remark.
struct Number<'a> {
    number: &'a str,
    code: Option<&'a str>,
    description: Option<&'a str>,
    flags: Vec<&'a str>,
    remark: Option<&'a str>,
}

/// Splits `L335915 (passport-National passport) [known to be expired](remark)`.
fn split_number(text: &str) -> Number<'_> {
    let mut number = Number {
        number: text.trim(),
        code: None,
        description: None,
        flags: Vec::new(),
        remark: None,
    };
    // The type group: " (" + lower-case code + "-" + description + ")".
    let mut from = 0;
    let group = loop {
        let Some(pos) = text.get(from..).and_then(|t| t.find(" (")) else {
            break None;
        };
        let start = from + pos;
        from = start + 2;
        let inner = &text[start + 2..];
        let code_len = inner.bytes().take_while(u8::is_ascii_lowercase).count();
        if code_len == 0 || inner.as_bytes().get(code_len) != Some(&b'-') {
            continue;
        }
        let Some(close) = inner.find(')') else {
            continue;
        };
        break Some((
            start,
            &inner[..code_len],
            &inner[code_len + 1..close],
            start + 2 + close + 1,
        ));
    };
    let Some((start, code, description, end)) = group else {
        return number;
    };
    number.number = text[..start].trim();
    number.code = Some(code);
    number.description = Some(description.trim()).filter(|d| !d.is_empty());
    let mut rest = text[end..].trim();
    while let Some(body) = rest.strip_prefix('[') {
        let Some(close) = body.find(']') else {
            break;
        };
        number.flags.push(body[..close].trim());
        rest = body[close + 1..].trim();
    }
    let mut remark = strip_parens(rest);
    // a remark cut short keeps its opening parenthesis: "(passport no:"
    while let Some(r) = remark.strip_prefix('(') {
        remark = r.trim();
    }
    number.remark = Some(remark).filter(|r| !r.is_empty());
    number
}

fn read_passport(e: &mut Entity, p: &Node) {
    let Some(text) = value(p, "NUMBER") else {
        return;
    };
    let parts = split_number(text);
    if parts.number.is_empty() {
        e.remarks.push(format!("identification: {text}"));
        return;
    }
    let code = parts.code.unwrap_or("").to_ascii_lowercase();
    let kind = id_kind(&code, parts.description);
    let mut notes: Vec<String> = Vec::new();
    if let (Some(d), false) = (
        parts.description,
        matches!(kind, interdict_model::IdKind::Other(_)),
    ) {
        notes.push(d.to_string());
    }
    for flag in &parts.flags {
        // the labels of the 1.1 flags knownExpired, knownFalse, revokedByIssuer
        notes.push(match flag.to_ascii_lowercase().as_str() {
            "known to be expired" => "known expired".to_string(),
            "known to be false" => "known false".to_string(),
            other => other.to_string(),
        });
    }
    let (country_code, country_text) = country_of(p);
    if let (None, Some(t)) = (&country_code, country_text) {
        notes.push(format!("country {t}"));
    }
    if let Some(r) = parts.remark {
        // "(passport)" only repeats the type
        let lower = r.to_ascii_lowercase();
        let repeats = lower == code || parts.description.is_some_and(|d| d.eq_ignore_ascii_case(r));
        if !repeats {
            notes.push(r.to_string());
        }
    }
    let ident = Identifier {
        kind,
        value: parts.number.to_string(),
        country: country_code,
        note: (!notes.is_empty()).then(|| notes.join("; ")),
    };
    Entity::push_unique(&mut e.identifiers, ident);
}

fn read_address(e: &mut Entity, a: &Node) {
    let street: Vec<&str> = [value(a, "STREET"), value(a, "NUMBER")]
        .into_iter()
        .flatten()
        .collect();
    let mut notes: Vec<String> = Vec::new();
    let (code, text) = country_of(a);
    if let (None, Some(t)) = (&code, text) {
        notes.push(format!("country: {t}"));
    }
    if let Some(other) = value(a, "OTHER") {
        match other
            .strip_prefix("PHONE[")
            .and_then(|p| p.strip_suffix(']'))
        {
            Some(phone) => e.add_property("phone", phone),
            None => notes.push(strip_parens(other).to_string()),
        }
    }
    let address = Address {
        street: (!street.is_empty()).then(|| street.join(", ")),
        city: value(a, "CITY").map(str::to_string),
        region: None,
        postal_code: value(a, "ZIPCODE").map(str::to_string),
        country: code.clone(),
        note: (!notes.is_empty()).then(|| notes.join("; ")),
    };
    if let Some(code) = code {
        Entity::push_unique(&mut e.countries, code);
    }
    if !address.is_empty() {
        Entity::push_unique(&mut e.addresses, address);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_split() {
        let n = split_number(
            "L335915 (passport-National passport) [known to be expired](tunisian passport issued in milan (italy))",
        );
        assert_eq!(n.number, "L335915");
        assert_eq!(n.code, Some("passport"));
        assert_eq!(n.description, Some("National passport"));
        assert_eq!(n.flags, vec!["known to be expired"]);
        assert_eq!(n.remark, Some("tunisian passport issued in milan (italy)"));
        let n = split_number("D 0001203 (passport-National passport) (passport no:");
        assert_eq!((n.number, n.remark), ("D 0001203", Some("passport no:")));
        let n = split_number(
            "SSN 156-92-9858 (id-National identification card) ((usa national identification no)",
        );
        assert_eq!(n.number, "SSN 156-92-9858");
        assert_eq!(n.remark, Some("usa national identification no"));
        let n = split_number("12345 (Rome)");
        assert_eq!((n.number, n.code), ("12345 (Rome)", None));
    }

    #[test]
    fn birth_dates() {
        let d = birth_date("1953 - 1958 (approximative)").unwrap();
        assert_eq!(
            (d.date, d.to, d.approximate),
            (PartialDate::year(1953), Some(PartialDate::year(1958)), true)
        );
        let d = birth_date("1937-04-28").unwrap();
        assert_eq!(
            (d.date, d.approximate),
            (PartialDate::ymd(1937, 4, 28).unwrap(), false)
        );
        assert!(birth_date("1965 (approximative)").unwrap().approximate);
        assert_eq!(birth_date("unknown"), None);
    }
}
