//! UN Security Council Consolidated List XML (root `CONSOLIDATED_LIST`).
//!
//! The list holds `INDIVIDUAL` records (→ [`Schema::Person`]) and `ENTITY`
//! records (→ [`Schema::Organization`]). Each record becomes one entity with
//! the id `un:<REFERENCE_NUMBER>` (e.g. `un:KPi.033`). What is pulled out:
//!
//! * names: `FIRST_NAME`..`FOURTH_NAME` joined with spaces as the primary
//!   name; for a two-part personal name the parts are also given as
//!   given/family name (family first when the list is the DPRK one or the
//!   original-script name is Korean or Chinese); `NAME_ORIGINAL_SCRIPT` is a
//!   second primary name with its ISO 15924 script code;
//! * aliases: `QUALITY` Good → strong alias, Low → weak alias, `a.k.a.` →
//!   ungraded alias, `f.k.a.` → former name; empty `ALIAS_NAME`s are skipped;
//!   a date or place of birth given on an alias is added to the entity;
//! * every `INDIVIDUAL_DATE_OF_BIRTH`: EXACT (`DATE` or `YEAR`),
//!   APPROXIMATELY (approximate), BETWEEN (`FROM_YEAR`..`TO_YEAR` range); a
//!   `NOTE` such as "Nov. 1973", "Between Aug. and Sep. 1977" or
//!   "24/06/1402 (Hijri Calendar)" is read and kept as the date's text;
//! * places of birth, nationalities and document/address countries as ISO
//!   3166 alpha-2 codes (a country name the table does not know is kept as
//!   text in a remark or note), gender, documents, addresses, `UN_LIST_TYPE`
//!   as the programme, `LISTED_ON`, `TITLE`/`DESIGNATION` as the properties
//!   `title`/`position`, `COMMENTS1` as a remark.
//!
//! IMO numbers written in the comments ("IMO number: 5571322", "Company
//! Number IMO 5434358") become [`IdKind::Imo`] identifiers. The record stays
//! an Organization: the UN list publishes no ship as an `ENTITY` record (the
//! entities carrying IMO numbers are ship owners and managers, whose IMO
//! *company* numbers these are), so no record is turned into a Vessel.

use crate::error::{FormatError, Result};
use crate::xml::{decode, read_records, Node};
use crate::{Format, Input, ParsedList};
use interdict_model::country::country_code;
use interdict_model::{
    Address, DateSpec, Entity, Gender, IdKind, Identifier, Name, NameKind, NameQuality,
    PartialDate, Schema,
};

/// Parses one file.
pub fn parse(input: &Input) -> Result<ParsedList> {
    let file = input.name.as_str();
    let text = decode(&input.bytes, file)?;
    expect_root(&text, file, "CONSOLIDATED_LIST", "a UN Consolidated List")?;
    let mut entities = Vec::new();
    let root = read_records(&text, file, &["INDIVIDUAL", "ENTITY"], |node| {
        entities.push(parse_record(&node, file)?);
        Ok(())
    })?;
    Ok(ParsedList {
        warnings: Vec::new(),
        source: "un".into(),
        format: Format::UnXml,
        publisher_date: root.attr_value("dateGenerated").map(str::to_string),
        entities,
    })
}

fn parse_record(node: &Node, file: &str) -> Result<Entity> {
    let person = node.name == "INDIVIDUAL";
    let reference = node.child_value("REFERENCE_NUMBER").ok_or_else(|| {
        invalid(
            file,
            node.line,
            format!("<{}> record without a REFERENCE_NUMBER", node.name),
        )
    })?;
    let schema = if person {
        Schema::Person
    } else {
        Schema::Organization
    };
    let mut e = Entity::new("un", reference, schema);
    let list_type = node.child_value("UN_LIST_TYPE");

    // Names.
    let parts: Vec<&str> = ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"]
        .iter()
        .filter_map(|tag| node.child_value(tag))
        .collect();
    let original = node.child_value("NAME_ORIGINAL_SCRIPT");
    let original_script = original.and_then(script_of);
    if !parts.is_empty() {
        let mut name = Name::new(parts.join(" "), NameKind::Primary);
        if let (true, [first, second]) = (person, parts.as_slice()) {
            let family_first = reference.starts_with("KP")
                || list_type == Some("DPRK")
                || matches!(original_script, Some("Hang" | "Hani" | "Kore"));
            let (given, family) = if family_first {
                (second, first)
            } else {
                (first, second)
            };
            name.given = Some(given.to_string());
            name.family = Some(family.to_string());
        }
        e.push_name(name);
    }
    if let Some(original) = original {
        let mut name = Name::new(original, NameKind::Primary);
        name.script = original_script.map(str::to_string);
        e.push_name(name);
    }
    if e.names.is_empty() {
        return Err(invalid(
            file,
            node.line,
            format!("record {reference} has no name"),
        ));
    }
    for alias in node
        .children
        .iter()
        .filter(|c| c.name == "INDIVIDUAL_ALIAS" || c.name == "ENTITY_ALIAS")
    {
        read_alias(&mut e, alias);
    }

    if let Some(list_type) = list_type {
        Entity::push_unique(&mut e.programmes, list_type.to_string());
    }
    if let Some(listed) = node.child_value("LISTED_ON") {
        match iso_date(listed) {
            Some(d) => e.listed_on = Some(d),
            None => e.remarks.push(format!("listed on: {listed}")),
        }
    }
    match node
        .child_value("GENDER")
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("male") => e.gender = Some(Gender::Male),
        Some("female") => e.gender = Some(Gender::Female),
        Some(other) => e.add_property("gender", other),
        None => {}
    }
    for title in node
        .path(&["TITLE", "VALUE"])
        .into_iter()
        .filter_map(Node::value)
    {
        e.add_property("title", title);
    }
    for position in node
        .path(&["DESIGNATION", "VALUE"])
        .into_iter()
        .filter_map(Node::value)
    {
        e.add_property("position", position);
    }
    for nat in node
        .path(&["NATIONALITY", "VALUE"])
        .into_iter()
        .filter_map(Node::value)
    {
        match country(nat) {
            Some(code) => Entity::push_unique(&mut e.nationalities, code),
            None => e.remarks.push(format!("nationality: {nat}")),
        }
    }
    for dob in node.children_named("INDIVIDUAL_DATE_OF_BIRTH") {
        read_birth_date(&mut e, dob);
    }
    for pob in node.children_named("INDIVIDUAL_PLACE_OF_BIRTH") {
        let place = join_values(
            pob,
            &["STREET", "CITY", "STATE_PROVINCE", "COUNTRY", "NOTE"],
        );
        if !place.is_empty() {
            Entity::push_unique(&mut e.birth_places, place);
        }
    }
    for doc in node.children_named("INDIVIDUAL_DOCUMENT") {
        read_document(&mut e, doc);
    }
    for addr in node
        .children
        .iter()
        .filter(|c| c.name == "INDIVIDUAL_ADDRESS" || c.name == "ENTITY_ADDRESS")
    {
        read_address(&mut e, addr);
    }
    if let Some(comments) = node.child_value("COMMENTS1") {
        for imo in imo_numbers(comments) {
            let id = Identifier {
                kind: IdKind::Imo,
                value: imo,
                country: None,
                note: Some("IMO number stated in the comments".into()),
            };
            Entity::push_unique(&mut e.identifiers, id);
        }
        e.remarks.push(comments.to_string());
    }
    Ok(e)
}

fn read_alias(e: &mut Entity, alias: &Node) {
    let Some(text) = alias.child_value("ALIAS_NAME") else {
        return;
    };
    let quality = alias
        .child_value("QUALITY")
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let (kind, quality) = match quality.as_str() {
        "good" => (NameKind::Alias, NameQuality::Strong),
        "low" => (NameKind::Alias, NameQuality::Weak),
        "f.k.a." | "fka" | "f.k.a" => (NameKind::Former, NameQuality::Unknown),
        _ => (NameKind::Alias, NameQuality::Unknown),
    };
    let mut name = Name::new(text, kind).with_quality(quality);
    name.script = script_of(text).map(str::to_string);
    e.push_name(name);
    if let Some(dob) = alias.child_value("DATE_OF_BIRTH") {
        match iso_date(dob) {
            Some(d) => Entity::push_unique(&mut e.birth_dates, DateSpec::exact(d)),
            None => e.remarks.push(format!("date of birth ({text}): {dob}")),
        }
    }
    let place = join_values(alias, &["CITY_OF_BIRTH", "COUNTRY_OF_BIRTH"]);
    if !place.is_empty() {
        Entity::push_unique(&mut e.birth_places, place);
    }
    if let Some(note) = alias.child_value("NOTE") {
        e.remarks.push(format!("{text}: {note}"));
    }
}

fn read_birth_date(e: &mut Entity, dob: &Node) {
    let kind = dob
        .child_value("TYPE_OF_DATE")
        .map(str::to_ascii_uppercase)
        .unwrap_or_default();
    let note = dob.child_value("NOTE");
    let year = dob.child_value("YEAR").and_then(parse_year);
    let date = dob.child_value("DATE").and_then(iso_date);
    let from = dob.child_value("FROM_YEAR").and_then(parse_year);
    let to = dob.child_value("TO_YEAR").and_then(parse_year);
    let note_date = note.and_then(|n| date_from_text(n, year));
    let mut spec = match (date, year, from, to, note_date) {
        (_, _, Some(from), Some(to), _) => Some(DateSpec::range(
            PartialDate::year(from),
            PartialDate::year(to),
        )),
        (_, _, _, _, Some(spec)) => Some(spec),
        (Some(d), _, _, _, _) => Some(DateSpec::exact(d)),
        (None, Some(y), _, _, _) => Some(DateSpec::exact(PartialDate::year(y))),
        _ => None,
    };
    match spec.as_mut() {
        Some(spec) => {
            if kind == "APPROXIMATELY"
                || note.is_some_and(|n| n.to_ascii_lowercase().contains("approx"))
            {
                spec.approximate = true;
            }
            if let Some(n) = note {
                spec.text = Some(n.to_string());
            }
        }
        None => {
            let unread = [
                dob.child_value("DATE"),
                dob.child_value("YEAR"),
                dob.child_value("FROM_YEAR"),
                dob.child_value("TO_YEAR"),
                note,
            ];
            let unread: Vec<&str> = unread.into_iter().flatten().collect();
            if !unread.is_empty() {
                e.remarks
                    .push(format!("date of birth: {}", unread.join(" ")));
            }
        }
    }
    if let Some(spec) = spec {
        Entity::push_unique(&mut e.birth_dates, spec);
    }
}

fn read_document(e: &mut Entity, doc: &Node) {
    let type1 = doc.child_value("TYPE_OF_DOCUMENT");
    let type2 = doc.child_value("TYPE_OF_DOCUMENT2");
    if type1.is_none() && type2.is_none() && doc.children.iter().all(|c| c.value().is_none()) {
        return;
    }
    let kind = document_kind(type1, type2);
    let mut notes: Vec<String> = Vec::new();
    if let Some(t2) = type2 {
        if !type1.is_some_and(|t1| t1.eq_ignore_ascii_case(t2)) {
            notes.push(t2.trim_end_matches(':').trim().to_string());
        }
    }
    let country_text = doc
        .child_value("ISSUING_COUNTRY")
        .or_else(|| doc.child_value("COUNTRY_OF_ISSUE"));
    let code = country_text.and_then(country);
    if let (Some(text), None) = (country_text, &code) {
        notes.push(format!("issued by {text}"));
    }
    if let Some(city) = doc.child_value("CITY_OF_ISSUE") {
        notes.push(format!("issued in {city}"));
    }
    if let Some(date) = doc.child_value("DATE_OF_ISSUE") {
        notes.push(format!("issued on {date}"));
    }
    if let Some(note) = doc.child_value("NOTE") {
        notes.push(note.to_string());
    }
    match doc.child_value("NUMBER") {
        Some(number) => {
            let id = Identifier {
                kind,
                value: number.to_string(),
                country: code,
                note: (!notes.is_empty()).then(|| notes.join("; ")),
            };
            Entity::push_unique(&mut e.identifiers, id);
        }
        None => {
            let label = type2.or(type1).unwrap_or("document");
            if !notes.is_empty() {
                e.remarks.push(format!("{label}: {}", notes.join("; ")));
            }
        }
    }
}

/// The kind of a UN document from its two type fields.
fn document_kind(type1: Option<&str>, type2: Option<&str>) -> IdKind {
    let base = type1.map(str::to_lowercase).unwrap_or_default();
    let detail = type2.map(str::to_lowercase).unwrap_or_default();
    if detail.contains("fiscal") || detail.contains("tax") {
        return IdKind::TaxId;
    }
    let other_doc = [
        "ration card",
        "birth certificate",
        "student",
        "voter",
        "military",
    ];
    if other_doc.iter().any(|w| detail.contains(w)) {
        if let Some(t2) = type2 {
            return IdKind::Other(t2.trim_end_matches(':').trim().to_string());
        }
    }
    let is_passport =
        |s: &str| s.contains("passport") || s.contains("pasaporte") || s.contains("passeport");
    if is_passport(&base) || (base.is_empty() && is_passport(&detail)) {
        IdKind::Passport
    } else if base.contains("identification")
        || base.contains("identity")
        || (base.is_empty() && (detail.contains("identi") || detail.contains("id card")))
    {
        IdKind::NationalId
    } else {
        let label = type1.or(type2).unwrap_or("document");
        IdKind::Other(label.trim_end_matches(':').trim().to_string())
    }
}

fn read_address(e: &mut Entity, addr: &Node) {
    let mut a = Address {
        street: addr.child_value("STREET").map(str::to_string),
        city: addr.child_value("CITY").map(str::to_string),
        region: addr.child_value("STATE_PROVINCE").map(str::to_string),
        postal_code: addr.child_value("ZIP_CODE").map(str::to_string),
        country: None,
        note: None,
    };
    let mut notes = Vec::new();
    if let Some(text) = addr.child_value("COUNTRY") {
        match country(text) {
            Some(code) => {
                Entity::push_unique(&mut e.countries, code.clone());
                a.country = Some(code);
            }
            None => notes.push(format!("country: {text}")),
        }
    }
    if let Some(note) = addr.child_value("NOTE") {
        notes.push(note.to_string());
    }
    if !notes.is_empty() {
        a.note = Some(notes.join("; "));
    }
    if !a.is_empty() {
        Entity::push_unique(&mut e.addresses, a);
    }
}

/// Reads a birth date written in words in a UN `NOTE`: "Nov. 1973",
/// "Between Aug. and Sep. 1977", "Sep." (with the `YEAR` field), or a Hijri
/// date "24/06/1402 (Hijri Calendar)" (converted to the Gregorian calendar).
fn date_from_text(text: &str, year_field: Option<i32>) -> Option<DateSpec> {
    let lower = text.to_ascii_lowercase();
    if lower.contains("hijri") {
        let nums: Vec<u32> = text
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|t| t.parse().ok())
            .collect();
        if let [d, m, y] = nums.as_slice() {
            let date = hijri_to_gregorian(*y, *m, *d)?;
            return Some(DateSpec::exact(date));
        }
        return None;
    }
    let tokens: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    let months: Vec<u8> = tokens
        .iter()
        .filter_map(|t| crate::ofac::remarks::month_number(t))
        .collect();
    let years: Vec<i32> = tokens
        .iter()
        .filter(|t| t.len() == 4)
        .filter_map(|t| parse_year(t))
        .collect();
    let days: Vec<u8> = tokens
        .iter()
        .filter(|t| t.len() <= 2)
        .filter_map(|t| t.parse().ok())
        .collect();
    let year = match (years.as_slice(), year_field) {
        ([y], _) => *y,
        ([], Some(y)) => y,
        _ => return None,
    };
    match (months.as_slice(), days.as_slice()) {
        ([m], []) => PartialDate::ym(year, *m).map(DateSpec::exact),
        ([m], [d]) => PartialDate::ymd(year, *m, *d).map(DateSpec::exact),
        ([a, b], []) if lower.contains("between") => Some(DateSpec::range(
            PartialDate::ym(year, *a)?,
            PartialDate::ym(year, *b)?,
        )),
        _ => None,
    }
}

/// An ISO date, with any time or time-zone suffix dropped
/// ("2015-04-07-04:00", "2016-11-30T00:00:00").
pub(crate) fn iso_date(s: &str) -> Option<PartialDate> {
    let s = s.trim();
    let head = match s.get(..10) {
        Some(h) if s.len() > 10 && h.as_bytes().get(4) == Some(&b'-') => h,
        _ => s,
    };
    head.parse().ok()
}

fn parse_year(s: &str) -> Option<i32> {
    let s = s.trim();
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Every 7-digit number written after "IMO" in a text ("IMO: 8966535",
/// "IMO number 9155417", "IMO No. 5434358", "IMO9562233").
pub(crate) fn imo_numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(pos) = text.get(from..).and_then(|t| t.find("IMO")) {
        let start = from + pos;
        from = start + 3;
        let before_ok = start == 0
            || !bytes
                .get(start - 1)
                .is_some_and(|b| b.is_ascii_alphanumeric());
        if !before_ok {
            continue;
        }
        let mut rest = text.get(start + 3..).unwrap_or("");
        // Skip separators and the words "number"/"no".
        loop {
            let trimmed = rest.trim_start_matches([' ', ':', '.', '#', '-', '\n', '\t']);
            let lower = trimmed.to_ascii_lowercase();
            if lower.starts_with("number") {
                rest = trimmed.get(6..).unwrap_or("");
            } else if lower.starts_with("no") && !lower.starts_with("not") {
                rest = trimmed.get(2..).unwrap_or("");
            } else {
                rest = trimmed;
                break;
            }
        }
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if digits.len() == 7 && !out.contains(&digits) {
            out.push(digits);
        }
    }
    out
}

/// Joins the non-empty values of the named children with ", ".
pub(crate) fn join_values(node: &Node, tags: &[&str]) -> String {
    tags.iter()
        .filter_map(|t| node.child_value(t))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The ISO 3166 alpha-2 code of a country name, as an owned string.
pub(crate) fn country(name: &str) -> Option<String> {
    country_code(name).map(str::to_string)
}

/// A [`FormatError::Invalid`].
pub(crate) fn invalid(file: &str, line: usize, message: String) -> FormatError {
    FormatError::Invalid {
        file: file.to_string(),
        line,
        message,
    }
}

/// Checks that the document's root element has the expected local name, so
/// that a file of another format fails at once with a clear message.
pub(crate) fn expect_root(text: &str, file: &str, expected: &str, what: &str) -> Result<()> {
    let mut rest = text;
    let mut offset = 0;
    loop {
        let Some(lt) = rest.find('<') else {
            return Ok(()); // no element at all: the XML reader reports it
        };
        let after = &rest[lt + 1..];
        let skip_to = if after.starts_with("!--") {
            after.find("-->").map(|p| p + 3)
        } else if after.starts_with('?') || after.starts_with('!') {
            after.find('>').map(|p| p + 1)
        } else {
            let end = after
                .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .unwrap_or(after.len());
            let name = &after[..end];
            let local = name.rsplit(':').next().unwrap_or(name);
            if local == expected {
                return Ok(());
            }
            let line = crate::xml::line_at(text.as_bytes(), offset + lt);
            return Err(invalid(
                file,
                line,
                format!(
                    "the root element is <{local}>, expected <{expected}>: not {what} XML file"
                ),
            ));
        };
        let Some(skip) = skip_to else {
            return Ok(());
        };
        offset += lt + 1 + skip;
        rest = &after[skip..];
    }
}

/// The ISO 15924 code of the script a name is written in, when it is not
/// Latin: the most frequent non-Latin script among its letters, provided
/// non-Latin letters are at least as many as Latin ones (so one Cyrillic
/// homoglyph in a Latin name does not make it Cyrillic). Japanese kana with or
/// without Han gives `Jpan`, Hangul `Hang`, Han alone `Hani`.
pub(crate) fn script_of(text: &str) -> Option<&'static str> {
    const SCRIPTS: [&str; 17] = [
        "Grek", "Cyrl", "Armn", "Hebr", "Arab", "Syrc", "Thaa", "Deva", "Beng", "Thai", "Laoo",
        "Mymr", "Geor", "Ethi", "Khmr", "Hang", "Hani",
    ];
    let mut counts = [0usize; 17];
    let mut kana = 0usize;
    let mut latin = 0usize;
    for c in text.chars() {
        let u = c as u32;
        let idx = match u {
            0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => {
                latin += 1;
                continue;
            }
            0x370..=0x3FF | 0x1F00..=0x1FFF => 0,
            0x400..=0x52F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => 1,
            0x530..=0x58F => 2,
            0x590..=0x5FF => 3,
            0x600..=0x6FF | 0x750..=0x77F | 0x8A0..=0x8FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => 4,
            0x700..=0x74F => 5,
            0x780..=0x7BF => 6,
            0x900..=0x97F => 7,
            0x980..=0x9FF => 8,
            0xE00..=0xE7F => 9,
            0xE80..=0xEFF => 10,
            0x1000..=0x109F => 11,
            0x10A0..=0x10FF => 12,
            0x1200..=0x139F => 13,
            0x1780..=0x17FF => 14,
            0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => 15,
            0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF => 16,
            0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => {
                kana += 1;
                continue;
            }
            _ => continue,
        };
        if let Some(n) = counts.get_mut(idx) {
            *n += 1;
        }
    }
    let han = counts.get(16).copied().unwrap_or(0);
    if kana > 0 && kana + han >= latin {
        return Some("Jpan");
    }
    let (best, n) = counts
        .iter()
        .enumerate()
        .max_by_key(|(_, n)| **n)
        .map(|(i, n)| (i, *n))?;
    if n == 0 || n < latin {
        return None;
    }
    SCRIPTS.get(best).copied()
}

/// Converts a date of the tabular Islamic (Hijri) calendar to the Gregorian
/// calendar. Official Hijri calendars (Umm al-Qura) may differ by a day.
pub(crate) fn hijri_to_gregorian(year: u32, month: u32, day: u32) -> Option<PartialDate> {
    if !(1..=12).contains(&month) || !(1..=30).contains(&day) || year == 0 || year > 3000 {
        return None;
    }
    let (y, m, d) = (i64::from(year), i64::from(month), i64::from(day));
    // Julian day number at noon.
    let jdn = d + (295 * (m - 1) + 9) / 10 + (y - 1) * 354 + (3 + 11 * y) / 30 + 1_948_439;
    // Gregorian from JDN (Richards' algorithm).
    let f = jdn + 1401 + (((4 * jdn + 274_277) / 146_097) * 3) / 4 - 38;
    let e = 4 * f + 3;
    let g = (e % 1461) / 4;
    let h = 5 * g + 2;
    let gd = (h % 153) / 5 + 1;
    let gm = ((h / 153 + 2) % 12) + 1;
    let gy = e / 1461 - 4716 + (12 + 2 - gm) / 12;
    PartialDate::ymd(
        i32::try_from(gy).ok()?,
        u8::try_from(gm).ok()?,
        u8::try_from(gd).ok()?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_are_detected() {
        assert_eq!(script_of("김정은"), Some("Hang"));
        assert_eq!(script_of("Ким Чен Ын"), Some("Cyrl"));
        assert_eq!(script_of("محمد حسن آخوند"), Some("Arab"));
        assert_eq!(script_of("金正恩"), Some("Hani"));
        assert_eq!(script_of("キム・ジョンウン"), Some("Jpan"));
        assert_eq!(script_of("KIM Jong Un"), None);
        assert_eq!(script_of("ROMASHK\u{0406}N"), None);
    }

    #[test]
    fn hijri_dates_convert() {
        assert_eq!(
            hijri_to_gregorian(1402, 6, 24),
            PartialDate::ymd(1982, 4, 19)
        );
        assert_eq!(hijri_to_gregorian(1, 1, 1), PartialDate::ymd(622, 7, 19));
        assert_eq!(hijri_to_gregorian(1402, 13, 1), None);
    }

    #[test]
    fn dates_in_words() {
        let ym = |y, m| PartialDate::ym(y, m).unwrap();
        assert_eq!(
            date_from_text("Nov. 1973 ", None).map(|d| d.date),
            Some(ym(1973, 11))
        );
        assert_eq!(
            date_from_text("Sep.", Some(1958)).map(|d| d.date),
            Some(ym(1958, 9))
        );
        let between = date_from_text("Between Aug. and Sep. 1977", None).unwrap();
        assert_eq!((between.date, between.to), (ym(1977, 8), Some(ym(1977, 9))));
        assert_eq!(date_from_text("30-35 years old", None), None);
    }

    #[test]
    fn imo_numbers_in_text() {
        assert_eq!(
            imo_numbers("owner. IMO: 8966535. Also IMO number 9155417 and Company Number IMO 5434358; IMO9562233"),
            vec!["8966535", "9155417", "5434358", "9562233"]
        );
        assert!(imo_numbers("PRIMO 1234567, IMO 12345").is_empty());
    }

    #[test]
    fn wrong_root_is_named() {
        let err = expect_root(
            "<?xml version=\"1.0\"?>\n<!-- x -->\n<sdnList>",
            "f.xml",
            "CONSOLIDATED_LIST",
            "a UN",
        )
        .unwrap_err();
        assert!(err.to_string().starts_with("f.xml:3:"), "{err}");
        assert!(expect_root("<a:CONSOLIDATED_LIST>", "f", "CONSOLIDATED_LIST", "x").is_ok());
    }
}
