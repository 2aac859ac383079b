//! EU Financial Sanctions Files: XML 1.1 (root `export`, records
//! `sanctionEntity`, read by [`parse`]) and the legacy XML 1.0 (root `WHOLE`,
//! records `ENTITY`, read by [`parse_legacy`]). Both give the same ids and
//! names for the same listing; this page describes 1.1, [`legacy`] what
//! differs in 1.0.
//!
//! Each `sanctionEntity` becomes one entity with the id `eu:<logicalId>`;
//! `euReferenceNumber` and `unitedNationId` are kept as the properties
//! `euReference` and `unReference`. `subjectType` classification code `P`
//! gives a [`Schema::Person`], `E` an [`Schema::Organization`].
//!
//! Names: the EU gives no "primary" flag, only a list of `nameAlias`es (one
//! per language and spelling). The primary name is the Latin-script alias
//! with the lowest `logicalId` — the one entered first, which is the name of
//! the original listing; all others are aliases. `strong="false"` grades an
//! alias weak, `strong="true"` strong; a remark "low quality alias" (which
//! the EU also uses) makes it weak too. `nameLanguage` becomes the name's
//! language (lower-case ISO 639-1), `firstName`/`middleName` the given names
//! and `lastName` the family name, `function`/`title` the properties
//! `position`/`title`, and `gender` the entity's gender.
//!
//! Birth dates: the `birthdate` attribute (always Gregorian), else
//! `year`/`monthOfYear`/`dayOfMonth`, else `yearRangeFrom`..`yearRangeTo`;
//! `circa="true"` marks it approximate. For a non-Gregorian `calendarType`
//! the published day/month/year and calendar are kept as the date's text
//! (and an Islamic date without a Gregorian equivalent is converted).
//!
//! The listing date is `designationDate`, or when absent the earliest
//! `publicationDate` of any regulation cited in the record.

pub mod legacy;

pub use legacy::parse_legacy;

use crate::error::Result;
use crate::un::{country, expect_root, hijri_to_gregorian, invalid, iso_date, script_of};
use crate::xml::{decode, read_records, Node};
use crate::{Format, Input, ParsedList};
use interdict_model::{
    Address, DateSpec, Entity, Gender, IdKind, Identifier, Name, NameKind, NameQuality,
    PartialDate, Schema,
};

/// Parses one file.
pub fn parse(input: &Input) -> Result<ParsedList> {
    let file = input.name.as_str();
    let text = decode(&input.bytes, file)?;
    expect_root(&text, file, "export", "an EU Financial Sanctions Files")?;
    let mut entities = Vec::new();
    let root = read_records(&text, file, &["sanctionEntity"], |node| {
        entities.push(parse_record(&node, file)?);
        Ok(())
    })?;
    Ok(ParsedList {
        warnings: Vec::new(),
        source: "eu".into(),
        format: Format::EuXml,
        publisher_date: root.attr_value("generationDate").map(str::to_string),
        entities,
    })
}

/// A code the EU uses for "no country".
fn country_attr(node: &Node) -> Option<String> {
    match node.attr_value("countryIso2Code") {
        Some(code) if code != "00" && code.len() == 2 => Some(code.to_ascii_uppercase()),
        _ => None,
    }
}

/// The country description unless it says "unknown".
fn country_description(node: &Node) -> Option<&str> {
    node.attr_value("countryDescription")
        .filter(|d| !d.eq_ignore_ascii_case("unknown") && *d != "00")
}

fn parse_record(node: &Node, file: &str) -> Result<Entity> {
    let reference = node.attr_value("logicalId").ok_or_else(|| {
        invalid(
            file,
            node.line,
            "<sanctionEntity> without a logicalId".into(),
        )
    })?;
    let subject = node.child("subjectType");
    let code = subject.and_then(|s| {
        s.attr_value("classificationCode")
            .or_else(|| s.attr_value("code"))
    });
    let schema = match code.map(str::to_ascii_uppercase).as_deref() {
        Some("P" | "PERSON") => Schema::Person,
        Some("E" | "ENTERPRISE") => Schema::Organization,
        Some(other) => {
            return Err(invalid(
                file,
                node.line,
                format!("sanctionEntity {reference}: unknown subject type {other:?}"),
            ))
        }
        None => {
            return Err(invalid(
                file,
                node.line,
                format!("sanctionEntity {reference} has no subjectType"),
            ))
        }
    };
    let mut e = Entity::new("eu", reference, schema);
    if let Some(r) = node.attr_value("euReferenceNumber") {
        e.add_property("euReference", r);
    }
    if let Some(r) = node.attr_value("unitedNationId") {
        e.add_property("unReference", r);
    }
    if let Some(d) = node.attr_value("designationDetails") {
        e.remarks.push(d.to_string());
    }
    for remark in node.child_values("remark") {
        e.remarks.push(remark.to_string());
    }

    read_names(&mut e, node);

    // Programmes and the listing date.
    let mut earliest: Option<PartialDate> = None;
    for reg in node.children_named("regulation") {
        if let Some(p) = reg.attr_value("programme") {
            Entity::push_unique(&mut e.programmes, p.to_string());
        }
    }
    collect_publication_dates(node, &mut earliest);
    e.listed_on = node
        .attr_value("designationDate")
        .and_then(iso_date)
        .or(earliest);

    for c in node.children_named("citizenship") {
        match (country_attr(c), country_description(c)) {
            (Some(code), _) => Entity::push_unique(&mut e.nationalities, code),
            (None, Some(desc)) => match country(desc) {
                Some(code) => Entity::push_unique(&mut e.nationalities, code),
                None => e.remarks.push(format!("citizenship: {desc}")),
            },
            (None, None) => {}
        }
    }
    for b in node.children_named("birthdate") {
        read_birth_date(&mut e, b);
    }
    for id in node.children_named("identification") {
        read_identification(&mut e, id);
    }
    for a in node.children_named("address") {
        read_address(&mut e, a);
    }
    if e.names.is_empty() {
        return Err(invalid(
            file,
            node.line,
            format!("sanctionEntity {reference} has no nameAlias"),
        ));
    }
    Ok(e)
}

/// The earliest `publicationDate` of the regulations cited anywhere in the record.
fn collect_publication_dates(node: &Node, earliest: &mut Option<PartialDate>) {
    if node.name == "regulation" || node.name == "regulationSummary" {
        if let Some(d) = node.attr_value("publicationDate").and_then(iso_date) {
            if earliest.is_none_or(|e| d < e) {
                *earliest = Some(d);
            }
        }
    }
    for c in &node.children {
        collect_publication_dates(c, earliest);
    }
}

/// One name of an EU record, read from a 1.1 `nameAlias` or a 1.0 `NAME`,
/// so that both formats give an entity the same names.
struct Alias<'a> {
    /// The EU's own id of the name (`logicalId` in 1.1, `Id` in 1.0).
    id: Option<u64>,
    /// The whole name, white space collapsed.
    whole: String,
    first: Option<&'a str>,
    middle: Option<&'a str>,
    last: Option<&'a str>,
    /// ISO 639-1 code as the EU writes it (any case).
    lang: Option<&'a str>,
    /// `M` or `F`.
    gender: Option<&'a str>,
    function: Option<&'a str>,
    title: Option<&'a str>,
    quality: NameQuality,
    remark: Option<&'a str>,
}

/// The whole name as given, white space collapsed, else the parts joined.
fn whole_name(
    whole: Option<&str>,
    first: Option<&str>,
    middle: Option<&str>,
    last: Option<&str>,
) -> Option<String> {
    if let Some(w) = whole {
        return Some(w.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    let parts: Vec<&str> = [first, middle, last].into_iter().flatten().collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

fn read_names(e: &mut Entity, node: &Node) {
    let aliases: Vec<Alias> = node
        .children_named("nameAlias")
        .filter_map(|a| {
            let (first, middle, last) = (
                a.attr_value("firstName"),
                a.attr_value("middleName"),
                a.attr_value("lastName"),
            );
            let whole = whole_name(a.attr_value("wholeName"), first, middle, last)?;
            let remark = a.child_value("remark");
            let low = remark.is_some_and(|r| r.to_ascii_lowercase().contains("low quality"));
            let quality = if low {
                NameQuality::Weak
            } else {
                match a.attr_value("strong") {
                    Some("false") => NameQuality::Weak,
                    Some("true") => NameQuality::Strong,
                    _ => NameQuality::Unknown,
                }
            };
            Some(Alias {
                id: a.attr_value("logicalId").and_then(|v| v.parse().ok()),
                whole,
                first,
                middle,
                last,
                lang: a.attr_value("nameLanguage"),
                gender: a.attr_value("gender"),
                function: a.attr_value("function"),
                title: a.attr_value("title"),
                quality,
                remark,
            })
        })
        .collect();
    push_aliases(e, &aliases);
}

/// Adds the names of an EU record. The EU gives no "primary" flag: the
/// primary name is the Latin-script alias with the lowest id (the one entered
/// first, the name of the original listing), the others are aliases, in file
/// order. A name whose text the entity already has is not repeated (the 1.0
/// format repeats a name once per legal act citing it), but its gender,
/// function and title are still read.
fn push_aliases(e: &mut Entity, aliases: &[Alias]) {
    let primary = aliases
        .iter()
        .enumerate()
        .filter(|(_, a)| script_of(&a.whole).is_none())
        .min_by_key(|(i, a)| (a.id.unwrap_or(u64::MAX), *i))
        .map(|(i, _)| i)
        .or(if aliases.is_empty() { None } else { Some(0) });
    let order = primary
        .into_iter()
        .chain((0..aliases.len()).filter(|i| Some(*i) != primary));
    for i in order {
        let Some(alias) = aliases.get(i) else {
            continue;
        };
        let whole = &alias.whole;
        let kind = if Some(i) == primary {
            NameKind::Primary
        } else {
            NameKind::Alias
        };
        let script = script_of(whole).map(str::to_string);
        if !e
            .names
            .iter()
            .any(|n| n.full == *whole && n.script == script)
        {
            let mut name = Name::new(whole.clone(), kind).with_quality(alias.quality);
            name.script = script;
            name.lang = alias.lang.map(str::to_ascii_lowercase);
            let given: Vec<&str> = [alias.first, alias.middle].into_iter().flatten().collect();
            if !given.is_empty() {
                name.given = Some(given.join(" "));
            }
            name.family = alias.last.map(str::to_string);
            e.push_name(name);
        }
        match alias.gender {
            Some("M") => e.gender = Some(Gender::Male),
            Some("F") => e.gender = Some(Gender::Female),
            _ => {}
        }
        if let Some(f) = alias.function {
            if e.schema == Schema::Person {
                e.add_property("position", f);
            } else if !e.remarks.iter().any(|r| r == f) {
                e.remarks.push(f.to_string());
            }
        }
        if let Some(t) = alias.title {
            e.add_property("title", t);
        }
        if let Some(r) = alias.remark {
            let only_grading = r.to_ascii_lowercase().contains("quality ali") && r.len() < 40;
            if !only_grading {
                e.remarks.push(format!("{whole}: {r}"));
            }
        }
    }
}

fn attr_u8(node: &Node, name: &str) -> Option<u8> {
    node.attr_value(name)
        .and_then(|v| v.parse::<u8>().ok())
        .filter(|v| *v > 0)
}

fn attr_year(node: &Node, name: &str) -> Option<i32> {
    node.attr_value(name)
        .and_then(|v| v.parse::<i32>().ok())
        .filter(|v| *v > 0)
}

fn read_birth_date(e: &mut Entity, b: &Node) {
    let calendar = b
        .attr_value("calendarType")
        .map(str::to_ascii_uppercase)
        .unwrap_or_else(|| "GREGORIAN".into());
    let gregorian = calendar == "GREGORIAN";
    let (year, month, day) = (
        attr_year(b, "year"),
        attr_u8(b, "monthOfYear"),
        attr_u8(b, "dayOfMonth"),
    );
    let remark = b.child_value("remark");
    let full = b.attr_value("birthdate").and_then(iso_date);
    let from_parts = |y: i32| match (month, day) {
        (Some(m), Some(d)) => PartialDate::ymd(y, m, d),
        (Some(m), None) => PartialDate::ym(y, m),
        _ => Some(PartialDate::year(y)),
    };
    let range = match (attr_year(b, "yearRangeFrom"), attr_year(b, "yearRangeTo")) {
        (Some(f), Some(t)) => Some(DateSpec::range(PartialDate::year(f), PartialDate::year(t))),
        (Some(f), None) | (None, Some(f)) => Some(DateSpec::exact(PartialDate::year(f))),
        (None, None) => None,
    };
    let mut spec = if gregorian {
        full.or_else(|| year.and_then(from_parts))
            .map(DateSpec::exact)
            .or(range)
    } else {
        let converted = full.or_else(|| match (calendar.as_str(), year, month, day) {
            ("ISLAMIC" | "HIJRI", Some(y), Some(m), Some(d)) => {
                hijri_to_gregorian(u32::try_from(y).ok()?, u32::from(m), u32::from(d))
            }
            _ => None,
        });
        converted.map(DateSpec::exact).or(range)
    };
    let mut text: Vec<String> = Vec::new();
    if !gregorian {
        let parts = [
            day.map(|d| format!("{d:02}")),
            month.map(|m| format!("{m:02}")),
        ];
        let mut s: Vec<String> = parts.into_iter().flatten().collect();
        if let Some(y) = year {
            s.push(y.to_string());
        }
        text.push(format!(
            "{} ({} calendar)",
            s.join("/"),
            calendar.to_lowercase()
        ));
    }
    if let Some(r) = remark {
        text.push(r.to_string());
    }
    match spec.as_mut() {
        Some(spec) => {
            spec.approximate = b.attr_value("circa") == Some("true");
            if !text.is_empty() {
                spec.text = Some(text.join("; "));
            }
        }
        None if !text.is_empty() => e
            .remarks
            .push(format!("date of birth: {}", text.join("; "))),
        None => {}
    }
    if let Some(spec) = spec {
        Entity::push_unique(&mut e.birth_dates, spec);
    }
    let place: Vec<&str> = ["place", "city", "zipCode", "region"]
        .iter()
        .filter_map(|a| b.attr_value(a))
        .filter(|v| *v != "-")
        .chain(country_description(b))
        .collect();
    if !place.is_empty() {
        Entity::push_unique(&mut e.birth_places, place.join(", "));
    }
}

/// The kind of an EU identification by its type code (`passport`, `id`,
/// `regnumber`, …, lower-case) and the description the EU gives with it.
fn id_kind(code: &str, description: Option<&str>) -> IdKind {
    match code {
        "passport" => IdKind::Passport,
        "id" | "nationalid" | "ssn" => IdKind::NationalId,
        "regnumber" => IdKind::Registration,
        "tin" | "tax" | "fiscalcode" => IdKind::TaxId,
        "swiftbic" | "swift" | "bic" => IdKind::SwiftBic,
        "imo" => IdKind::Imo,
        "mmsi" => IdKind::Mmsi,
        _ => IdKind::Other(
            description
                .unwrap_or(if code.is_empty() { "document" } else { code })
                .to_string(),
        ),
    }
}

fn read_identification(e: &mut Entity, id: &Node) {
    let Some(number) = id
        .attr_value("number")
        .or_else(|| id.attr_value("latinNumber"))
    else {
        if let Some(r) = id.child_value("remark") {
            e.remarks.push(r.to_string());
        }
        return;
    };
    let code = id
        .attr_value("identificationTypeCode")
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let description = id.attr_value("identificationTypeDescription");
    let kind = id_kind(&code, description);
    let mut notes: Vec<String> = Vec::new();
    if let (Some(d), false) = (description, matches!(kind, IdKind::Other(_))) {
        notes.push(d.to_string());
    }
    if let Some(latin) = id.attr_value("latinNumber").filter(|l| *l != number) {
        notes.push(format!("latin number {latin}"));
    }
    for (attr, label) in [
        ("issueDate", "issued on"),
        ("validFrom", "valid from"),
        ("validTo", "valid to"),
        ("issuedBy", "issued by"),
        ("region", "region"),
        ("nameOnDocument", "name on document"),
    ] {
        if let Some(v) = id.attr_value(attr) {
            notes.push(format!("{label} {v}"));
        }
    }
    for (attr, label) in [
        ("diplomatic", "diplomatic"),
        ("knownExpired", "known expired"),
        ("knownFalse", "known false"),
        ("reportedLost", "reported lost"),
        ("revokedByIssuer", "revoked by issuer"),
    ] {
        if id.attr_value(attr) == Some("true") {
            notes.push(label.to_string());
        }
    }
    let country_code = country_attr(id).or_else(|| {
        let desc = country_description(id)?;
        let code = country(desc);
        if code.is_none() {
            notes.push(format!("country {desc}"));
        }
        code
    });
    if let Some(r) = id.child_value("remark") {
        notes.push(r.to_string());
    }
    let ident = Identifier {
        kind,
        value: number.to_string(),
        country: country_code,
        note: (!notes.is_empty()).then(|| notes.join("; ")),
    };
    Entity::push_unique(&mut e.identifiers, ident);
}

fn read_address(e: &mut Entity, a: &Node) {
    let mut street: Vec<&str> = a.attr_value("street").into_iter().collect();
    let po_box = a.attr_value("poBox").map(|p| format!("PO Box {p}"));
    let mut notes: Vec<String> = Vec::new();
    let code = country_attr(a).or_else(|| {
        let desc = country_description(a)?;
        let code = country(desc);
        if code.is_none() {
            notes.push(format!("country: {desc}"));
        }
        code
    });
    if let Some(p) = po_box.as_deref() {
        street.push(p);
    }
    if let Some(r) = a.child_value("remark") {
        notes.push(r.to_string());
    }
    let city: Vec<&str> = ["city", "place"]
        .iter()
        .filter_map(|k| a.attr_value(k))
        .collect();
    let address = Address {
        street: (!street.is_empty()).then(|| street.join(", ")),
        city: (!city.is_empty()).then(|| city.join(", ")),
        region: a.attr_value("region").map(str::to_string),
        postal_code: a.attr_value("zipCode").map(str::to_string),
        country: code.clone(),
        note: (!notes.is_empty()).then(|| notes.join("; ")),
    };
    if let Some(code) = code {
        Entity::push_unique(&mut e.countries, code);
    }
    if !address.is_empty() {
        Entity::push_unique(&mut e.addresses, address);
    }
    for info in a.children_named("contactInfo") {
        let (Some(key), Some(value)) = (info.attr_value("key"), info.attr_value("value")) else {
            continue;
        };
        let prop = match key.to_ascii_uppercase().as_str() {
            "PHONE" | "TEL" => "phone".to_string(),
            "EMAIL" => "email".to_string(),
            "WEB" | "WEBSITE" | "URL" => "website".to_string(),
            "FAX" => "fax".to_string(),
            other => other.to_ascii_lowercase(),
        };
        e.add_property(&prop, value);
    }
}
