//! HM Treasury OFSI Consolidated List CSV (`ConList.csv`), source `uk-ofsi`.
//!
//! The file has one row per name variant of a listed person, entity or ship;
//! the rows of one listing share a `Group ID`. Older files start with a
//! preamble line `Last Updated,dd/mm/yyyy,...` before the header; columns are
//! found by header name, so the 2018 layout and the later ones (which add
//! "Name Non-Latin Script", "Non-Latin Script Type", "UK Sanctions List Date
//! Designated", "Group Status", ...) are both read.
//!
//! Every group becomes one [`Entity`] with id `uk-ofsi:<Group ID>`:
//!
//! * names from `Name 6` (family name or organisation name) and `Name 1..5`
//!   (given names), in natural order ("Léonard NGENDAKUMANA") with `given` and
//!   `family` set for people; the primary name comes first. `Alias Type`
//!   gives the kind: "Prime Alias"/"Primary name" → primary, "AKA",
//!   "Primary name variation", "Good quality a.k.a" → alias (strong for the
//!   last), "Low quality a.k.a" → weak alias, "FKA" → former name;
//! * `DOB` (`dd/mm/yyyy`, `00` for an unknown day or month) → birth dates;
//!   `Town of Birth` and `Country of Birth` → birth places;
//! * `Nationality` (often a numbered list, "(1) Saudi Arabia (2) Qatar") →
//!   ISO codes; parts that name no country are kept as a remark;
//! * `Passport Details` and `NI Number` → passport and national-id
//!   identifiers, with the number and the issuing country pulled out where
//!   the text allows and the whole item kept as the note;
//! * `Address 1..5` → street, `Address 6` → city, `Post/Zip Code`, `Country`;
//! * `Regime` → programmes, `Listed On` → listed_on, `Title` and `Position`
//!   → properties, `Other Information` → remarks, with "UN Ref QDe.004" also
//!   in the property `unReference` and IMO / MMSI numbers as identifiers.
//!
//! The file is Windows-1252; bytes that are valid UTF-8 (with or without a
//! BOM) are read as UTF-8, which is what newer files use. The publisher date
//! is the preamble's date, or else the newest `Last Updated` of any row.

use crate::error::{FormatError, Result};
use crate::{Format, Input, ParsedList};
use interdict_model::country::country_code;
use interdict_model::{
    Address, DateSpec, Entity, IdKind, Identifier, Name, NameKind, NameQuality, PartialDate, Schema,
};
use std::borrow::Cow;
use std::collections::HashMap;

const SOURCE: &str = "uk-ofsi";

/// Parses an OFSI ConList CSV.
pub fn parse_conlist(main: &Input) -> Result<ParsedList> {
    let text = decode(main)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let csv_err = |line: usize, message: String| FormatError::Csv {
        file: main.name.clone(),
        line,
        message,
    };
    let read = |r: std::result::Result<csv::StringRecord, csv::Error>| {
        r.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            csv_err(line, e.to_string())
        })
    };

    // Preamble and header.
    let mut publisher_date = None;
    let mut header = loop {
        let Some(record) = records.next() else {
            return Err(FormatError::Empty {
                file: main.name.clone(),
            });
        };
        let record = read(record)?;
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        break record;
    };
    if header
        .get(0)
        .map(|f| f.trim_start_matches('\u{feff}').trim())
        == Some("Last Updated")
    {
        publisher_date = header.get(1).and_then(parse_dmy).map(|d| d.to_string());
        header = match records.next() {
            Some(r) => read(r)?,
            None => {
                return Err(csv_err(
                    2,
                    "the header line is missing after the \"Last Updated\" line".into(),
                ))
            }
        };
    }
    let header_line = header.position().map_or(1, |p| p.line() as usize);
    let cols = Columns::new(&header).map_err(|missing| {
        csv_err(
            header_line,
            format!("the header lacks the required column(s) {missing}"),
        )
    })?;

    let mut entities: Vec<Entity> = Vec::new();
    let mut by_group: HashMap<String, usize> = HashMap::new();
    let mut newest_update: Option<PartialDate> = None;
    for record in records {
        let record = read(record)?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let row = Row {
            record: &record,
            cols: &cols,
        };
        let invalid = |message: String| FormatError::Invalid {
            file: main.name.clone(),
            line,
            message,
        };
        let Some(group) = row.get(cols.group_id) else {
            return Err(invalid("a row without a Group ID".into()));
        };
        let group_type = row.get(cols.group_type).unwrap_or("");
        let schema = match group_type.to_ascii_lowercase().as_str() {
            "individual" => Schema::Person,
            "entity" => Schema::Organization,
            "ship" => Schema::Vessel,
            _ => {
                return Err(invalid(format!(
                    "group {group}: unknown Group Type {group_type:?}"
                )))
            }
        };
        if let Some(d) = row.get(cols.last_updated).and_then(parse_dmy) {
            newest_update = Some(newest_update.map_or(d, |n: PartialDate| n.max(d)));
        }
        let index = match by_group.get(group) {
            Some(&i) => i,
            None => {
                entities.push(Entity::new(SOURCE, group, schema));
                by_group.insert(group.to_string(), entities.len() - 1);
                entities.len() - 1
            }
        };
        let Some(entity) = entities.get_mut(index) else {
            continue;
        };
        if entity.schema != schema {
            return Err(invalid(format!(
                "group {group}: Group Type {group_type:?} differs from an earlier row of the group"
            )));
        }
        add_row(entity, &row);
    }
    for entity in &mut entities {
        // The primary name first (rows of a group come in any order).
        entity.names.sort_by_key(|n| n.kind != NameKind::Primary);
    }
    let publisher_date = publisher_date.or_else(|| newest_update.map(|d| d.to_string()));
    Ok(ParsedList {
        warnings: Vec::new(),
        source: SOURCE.into(),
        format: Format::UkConlistCsv,
        publisher_date,
        entities,
    })
}

/// The text of the file: UTF-8 when the bytes are valid UTF-8 (a BOM is
/// dropped), else Windows-1252.
fn decode(input: &Input) -> Result<Cow<'_, str>> {
    let bytes = input.bytes.as_slice();
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FormatError::Empty {
            file: input.name.clone(),
        });
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(rest) {
            Ok(s) => Ok(Cow::Borrowed(s)),
            Err(e) => {
                let good = rest.get(..e.valid_up_to()).unwrap_or(&[]);
                Err(FormatError::Encoding {
                    file: input.name.clone(),
                    line: 1 + good.iter().filter(|&&b| b == b'\n').count(),
                    encoding: "UTF-8",
                })
            }
        };
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Cow::Borrowed(s));
    }
    let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
    Ok(text)
}

/// Column positions by header name.
struct Columns {
    name6: usize,
    given: [Option<usize>; 5],
    title: Option<usize>,
    non_latin: Option<usize>,
    non_latin_type: Option<usize>,
    non_latin_lang: Option<usize>,
    dob: Option<usize>,
    town_of_birth: Option<usize>,
    country_of_birth: Option<usize>,
    nationality: Option<usize>,
    passport: Option<usize>,
    ni_number: Option<usize>,
    position: Option<usize>,
    address: [Option<usize>; 6],
    postcode: Option<usize>,
    country: Option<usize>,
    other_info: Option<usize>,
    group_type: usize,
    alias_type: Option<usize>,
    alias_quality: Option<usize>,
    regime: Option<usize>,
    listed_on: Option<usize>,
    uk_designated: Option<usize>,
    last_updated: Option<usize>,
    group_status: Option<usize>,
    group_id: usize,
}

impl Columns {
    /// Finds the columns; `Err` names the missing required ones.
    fn new(header: &csv::StringRecord) -> std::result::Result<Columns, String> {
        let names: Vec<String> = header
            .iter()
            .map(|h| {
                h.trim_start_matches('\u{feff}')
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_ascii_lowercase()
            })
            .collect();
        let find = |wanted: &[&str]| {
            wanted
                .iter()
                .find_map(|w| names.iter().position(|n| n == w))
        };
        let name6 = find(&["name 6"]);
        let group_id = find(&["group id"]);
        let group_type = find(&["group type"]);
        let missing: Vec<&str> = [
            ("\"Name 6\"", name6),
            ("\"Group Type\"", group_type),
            ("\"Group ID\"", group_id),
        ]
        .iter()
        .filter(|(_, c)| c.is_none())
        .map(|(n, _)| *n)
        .collect();
        let (Some(name6), Some(group_type), Some(group_id)) = (name6, group_type, group_id) else {
            return Err(missing.join(", "));
        };
        Ok(Columns {
            name6,
            given: [
                find(&["name 1"]),
                find(&["name 2"]),
                find(&["name 3"]),
                find(&["name 4"]),
                find(&["name 5"]),
            ],
            title: find(&["title"]),
            non_latin: find(&["name non-latin script", "name non latin script"]),
            non_latin_type: find(&["non-latin script type", "non latin script type"]),
            non_latin_lang: find(&["non-latin script language", "non latin script language"]),
            dob: find(&["dob", "date of birth"]),
            town_of_birth: find(&["town of birth"]),
            country_of_birth: find(&["country of birth"]),
            nationality: find(&["nationality"]),
            passport: find(&["passport details", "passport number"]),
            ni_number: find(&["ni number", "national identification number"]),
            position: find(&["position"]),
            address: [
                find(&["address 1"]),
                find(&["address 2"]),
                find(&["address 3"]),
                find(&["address 4"]),
                find(&["address 5"]),
                find(&["address 6"]),
            ],
            postcode: find(&["post/zip code", "postcode", "post code", "zip code"]),
            country: find(&["country"]),
            other_info: find(&["other information"]),
            group_type,
            alias_type: find(&["alias type"]),
            alias_quality: find(&["alias quality"]),
            regime: find(&["regime", "regime name"]),
            listed_on: find(&["listed on", "date listed"]),
            uk_designated: find(&["uk sanctions list date designated"]),
            last_updated: find(&["last updated"]),
            group_status: find(&["group status"]),
            group_id,
        })
    }
}

/// One data row with its columns.
struct Row<'a> {
    record: &'a csv::StringRecord,
    cols: &'a Columns,
}

impl<'a> Row<'a> {
    /// The trimmed, non-empty value of a column.
    fn get(&self, col: impl Into<Option<usize>>) -> Option<&'a str> {
        let value = self.record.get(col.into()?)?.trim();
        (!value.is_empty()).then_some(value)
    }
}

/// Adds one row's facts to the entity of its group.
fn add_row(entity: &mut Entity, row: &Row<'_>) {
    let cols = row.cols;
    let person = entity.schema == Schema::Person;

    // Name.
    let alias_type = row.get(cols.alias_type).unwrap_or("").to_ascii_lowercase();
    let (kind, mut quality) = match alias_type.as_str() {
        "prime alias" | "primary name" | "primary" => (NameKind::Primary, NameQuality::Unknown),
        "fka" | "f.k.a" | "f.k.a." | "formerly known as" => {
            (NameKind::Former, NameQuality::Unknown)
        }
        t if t.starts_with("good quality") => (NameKind::Alias, NameQuality::Strong),
        t if t.starts_with("low quality") => (NameKind::Alias, NameQuality::Weak),
        _ => (NameKind::Alias, NameQuality::Unknown),
    };
    if let Some(q) = row.get(cols.alias_quality) {
        match q.to_ascii_lowercase().as_str() {
            "good" | "good quality" | "high" => quality = NameQuality::Strong,
            "low" | "low quality" => quality = NameQuality::Weak,
            _ => {}
        }
    }
    let family = row.get(cols.name6);
    let given: Vec<&str> = cols.given.iter().filter_map(|&c| row.get(c)).collect();
    let given = (!given.is_empty()).then(|| given.join(" "));
    let full = match (&given, family) {
        (Some(g), Some(f)) => format!("{g} {f}"),
        (Some(g), None) => g.clone(),
        (None, Some(f)) => f.to_string(),
        (None, None) => String::new(),
    };
    if !full.is_empty() {
        let mut name = Name::new(squash(&full), kind).with_quality(quality);
        if person {
            name.given = given.as_deref().map(squash);
            name.family = family.map(squash);
        }
        entity.push_name(name);
    }
    if let Some(non_latin) = row.get(cols.non_latin) {
        let mut name = Name::new(squash(non_latin), NameKind::Alias).with_quality(quality);
        name.script = row
            .get(cols.non_latin_type)
            .and_then(script_code)
            .or_else(|| crate::un::script_of(non_latin))
            .map(str::to_string);
        name.lang = row.get(cols.non_latin_lang).map(str::to_string);
        entity.push_name(name);
    }

    // Birth.
    if let Some(dob) = row.get(cols.dob) {
        match parse_dmy(dob) {
            Some(d) => Entity::push_unique(&mut entity.birth_dates, DateSpec::exact(d)),
            None => Entity::push_unique(&mut entity.remarks, format!("DOB: {dob}")),
        }
    }
    let place: Vec<&str> = [row.get(cols.town_of_birth), row.get(cols.country_of_birth)]
        .into_iter()
        .flatten()
        .collect();
    if !place.is_empty() {
        Entity::push_unique(&mut entity.birth_places, place.join(", "));
    }

    // Nationalities.
    if let Some(nat) = row.get(cols.nationality) {
        let mut unmapped = false;
        for part in split_numbered(nat) {
            match nationality_code(part) {
                Some(code) => Entity::push_unique(&mut entity.nationalities, code.to_string()),
                None => unmapped |= part.chars().any(char::is_alphabetic),
            }
        }
        if unmapped {
            Entity::push_unique(&mut entity.remarks, format!("Nationality: {nat}"));
        }
    }

    // Documents.
    if let Some(text) = row.get(cols.passport) {
        for id in documents(text, IdKind::Passport) {
            Entity::push_unique(&mut entity.identifiers, id);
        }
    }
    if let Some(text) = row.get(cols.ni_number) {
        for id in documents(text, IdKind::NationalId) {
            Entity::push_unique(&mut entity.identifiers, id);
        }
    }

    // Address.
    let street: Vec<&str> = cols.address[..5]
        .iter()
        .filter_map(|&c| row.get(c))
        .collect();
    let mut address = Address {
        street: (!street.is_empty()).then(|| street.join(", ")),
        city: row.get(cols.address[5]).map(str::to_string),
        postal_code: row.get(cols.postcode).map(str::to_string),
        ..Address::default()
    };
    if let Some(country) = row.get(cols.country) {
        match country_code(country) {
            Some(code) => {
                address.country = Some(code.to_string());
                // Keep a remark such as "(at time of listing)".
                if let Some(i) = country.find('(') {
                    let note = country[i..].trim();
                    if !note.is_empty() {
                        address.note = Some(note.to_string());
                    }
                }
            }
            None => address.note = Some(country.to_string()),
        }
    }
    if !address.is_empty() {
        Entity::push_unique(&mut entity.addresses, address);
    }

    // Listing.
    if let Some(regime) = row.get(cols.regime) {
        Entity::push_unique(&mut entity.programmes, regime.to_string());
    }
    if let Some(d) = row.get(cols.listed_on).and_then(parse_dmy) {
        entity.listed_on = Some(entity.listed_on.map_or(d, |old| old.min(d)));
    }
    if let Some(d) = row.get(cols.uk_designated).and_then(parse_dmy) {
        entity.add_property("ukDesignatedOn", d.to_string());
    }
    if let Some(d) = row.get(cols.last_updated).and_then(parse_dmy) {
        let newer = entity
            .properties
            .get("modifiedAt")
            .and_then(|v| v.first())
            .is_none_or(|old| old.as_str() < d.to_string().as_str());
        if newer {
            entity
                .properties
                .insert("modifiedAt".into(), vec![d.to_string()]);
        }
    }
    if let Some(status) = row.get(cols.group_status) {
        entity.add_property("status", status);
    }
    if let Some(title) = row.get(cols.title) {
        entity.add_property("title", title);
    }
    if let Some(position) = row.get(cols.position) {
        entity.add_property("position", position);
    }
    if let Some(info) = row.get(cols.other_info) {
        Entity::push_unique(&mut entity.remarks, info.to_string());
        if let Some(r) = un_reference(info) {
            entity.add_property("unReference", r);
        }
        for (kind, value) in vessel_numbers(info) {
            Entity::push_unique(
                &mut entity.identifiers,
                Identifier {
                    kind,
                    value,
                    country: None,
                    note: None,
                },
            );
        }
    }
}

/// Collapses runs of white space.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Reads `dd/mm/yyyy`, where `00` marks an unknown day or month.
fn parse_dmy(s: &str) -> Option<PartialDate> {
    let mut parts = s.trim().split('/');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 {
        return None;
    }
    let day: u8 = d.trim().parse().ok()?;
    let month: u8 = m.trim().parse().ok()?;
    let year: i32 = y.parse().ok()?;
    if year == 0 {
        return None;
    }
    match (month, day) {
        (0, _) => Some(PartialDate::year(year)),
        (m, 0) => PartialDate::ym(year, m),
        (m, d) => PartialDate::ymd(year, m, d),
    }
}

/// ISO 15924 code for the names OFSI gives in "Non-Latin Script Type".
fn script_code(kind: &str) -> Option<&'static str> {
    let k = kind.to_ascii_lowercase();
    Some(match k.as_str() {
        "cyrillic" | "russian" | "ukrainian" | "belarusian" => "Cyrl",
        "arabic" | "persian" | "farsi" => "Arab",
        "korean" | "hangul" => "Hang",
        "chinese" | "han" => "Hani",
        "japanese" => "Jpan",
        "greek" => "Grek",
        "hebrew" => "Hebr",
        "georgian" => "Geor",
        "armenian" => "Armn",
        "burmese" | "myanmar" => "Mymr",
        "thai" => "Thai",
        _ => return None,
    })
}

/// Splits "(1) A (2) B", "1) A 2) B", "a) A b) B" lists into their items.
fn split_numbered(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut cuts: Vec<(usize, usize)> = Vec::new(); // marker start, marker end
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let at_word_start = start == 0
            || bytes
                .get(start.wrapping_sub(1))
                .is_some_and(|b| !b.is_ascii_alphanumeric());
        let mut j = i;
        let open = bytes.get(j) == Some(&b'(');
        if open {
            j += 1;
        }
        let body_start = j;
        while bytes.get(j).is_some_and(u8::is_ascii_digit) && j - body_start < 2 {
            j += 1;
        }
        if j == body_start && bytes.get(j).is_some_and(|b| (b'a'..=b'h').contains(b)) {
            j += 1;
        }
        let is_marker = at_word_start
            && j > body_start
            && bytes.get(j) == Some(&b')')
            && (open || bytes.get(j + 1).is_none_or(|b| !b.is_ascii_alphanumeric()));
        if is_marker {
            cuts.push((start, j + 1));
            i = j + 1;
        } else {
            i += 1;
        }
    }
    if cuts.is_empty() {
        return vec![text.trim()];
    }
    let mut items = Vec::new();
    let mut from = 0;
    for (start, end) in cuts {
        items.push(text.get(from..start).unwrap_or(""));
        from = end;
    }
    items.push(text.get(from..).unwrap_or(""));
    items
        .into_iter()
        .map(|s| s.trim_matches(|c: char| c.is_whitespace() || ",;.-".contains(c)))
        .filter(|s| !s.is_empty() && !matches!(*s, "to" | "and" | "or"))
        .collect()
}

/// The country of one nationality item ("Saudi Arabia", "Iranian citizenship").
fn nationality_code(item: &str) -> Option<&'static str> {
    if let Some(code) = country_code(item) {
        return Some(code);
    }
    const NOISE: &[&str] = &[
        "citizenship",
        "citizen",
        "national",
        "nationality",
        "by",
        "birth",
        "possibly",
    ];
    let words: Vec<&str> = item
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
        .filter(|w| !w.is_empty() && !NOISE.contains(&w.to_ascii_lowercase().as_str()))
        .collect();
    if words.is_empty() || words.len() > 4 {
        return None;
    }
    country_code(&words.join(" "))
}

/// A country named by words inside free text: the first run of one to three
/// capitalised words that [`country_code`] knows ("issued in Bombay, India").
fn country_in_text(text: &str) -> Option<&'static str> {
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    for i in 0..words.len() {
        let Some(first) = words.get(i) else { break };
        let len = first.chars().count();
        let acronym = len == 3 && first.chars().all(|c| c.is_ascii_uppercase());
        if !first.chars().next().is_some_and(char::is_uppercase) || (len < 4 && !acronym) {
            continue;
        }
        for n in (1..=3).rev() {
            let Some(run) = words.get(i..i + n) else {
                continue;
            };
            if let Some(code) = country_code(&run.join(" ")) {
                return Some(code);
            }
        }
    }
    None
}

/// The document number in one item: the first token with a digit that is at
/// least four characters long and not a year.
fn document_number(item: &str) -> Option<String> {
    item.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | ':'))
        .map(|t| t.trim_matches(|c: char| c == '.' || c == '-' || c == '/'))
        .filter(|t| t.chars().count() >= 4 && t.chars().any(|c| c.is_ascii_digit()))
        .filter(|t| {
            t.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-/.".contains(c))
        })
        .find(|t| {
            let year = t.len() == 4 && t.parse::<u32>().is_ok_and(|y| (1900..=2099).contains(&y));
            !year
        })
        .map(str::to_string)
}

/// Identifiers of one kind from a "Passport Details" or "NI Number" text.
fn documents(text: &str, kind: IdKind) -> Vec<Identifier> {
    let mut ids = Vec::new();
    // A lead-in without a number ("Jordanian passport numbers (1) K048787
    // (2) 486298") gives the country of the items after it.
    let mut lead_country = None;
    for item in split_numbered(text) {
        let Some(value) = document_number(item) else {
            lead_country = lead_country.or_else(|| country_in_text(item));
            continue;
        };
        let note = (item != value).then(|| item.to_string());
        ids.push(Identifier {
            kind: kind.clone(),
            value,
            country: country_in_text(item).or(lead_country).map(str::to_string),
            note,
        });
    }
    if ids.is_empty() && text.chars().any(|c| c.is_ascii_digit()) {
        // Keep a number we could not isolate rather than lose it.
        ids.push(Identifier {
            kind,
            value: text.to_string(),
            country: country_in_text(text).map(str::to_string),
            note: None,
        });
    }
    ids
}

/// The UN reference in free text: "UN Ref QDe.004" → "QDe.004"; also
/// "UN Reference No: TAi.172", "UN Ref.KPe 070" and "UN Ref.KPI. 076"
/// (→ "KPi.076"), "UN Ref TI.A.128.01".
fn un_reference(info: &str) -> Option<String> {
    let mut rest = info;
    while let Some(i) = rest.find("UN Ref") {
        rest = rest.get(i + "UN Ref".len()..).unwrap_or("");
        let mut tail = rest.strip_prefix("erence").unwrap_or(rest);
        loop {
            let t = tail.trim_start_matches(|c: char| c.is_whitespace() || c == '.' || c == ':');
            match t.strip_prefix("No").or_else(|| t.strip_prefix("no")) {
                Some(after) if after.starts_with(['.', ':', ' ']) => tail = after,
                _ => {
                    tail = t;
                    break;
                }
            }
        }
        let token = |s: &str| -> String {
            s.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '.')
                .collect()
        };
        let mut r = token(tail);
        let prefix: String = r.chars().take_while(char::is_ascii_alphabetic).collect();
        if !(1..=3).contains(&prefix.len())
            || !r.contains(|c: char| c.is_ascii_digit()) && r.trim_end_matches('.') != prefix
        {
            continue;
        }
        if r.trim_end_matches('.') == prefix {
            // "KPe 070", "KPI. 076": the number follows after a space.
            let after = tail.get(r.len()..).unwrap_or("").trim_start();
            let number = token(after);
            if !number.starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            r = format!("{prefix}.{number}");
        }
        let Some(last_digit) = r.rfind(|c: char| c.is_ascii_digit()) else {
            continue;
        };
        r.truncate(last_digit + 1);
        if prefix.len() == 3 && r.get(3..4) == Some(".") {
            // UN writes the kind letter in lower case: KPi, QDe, IRi.
            let (head, num) = r.split_at(3);
            r = format!(
                "{}{}{num}",
                head.get(..2).unwrap_or("").to_ascii_uppercase(),
                head.get(2..).unwrap_or("").to_ascii_lowercase()
            );
        }
        return Some(r);
    }
    None
}

/// IMO (seven digits) and MMSI (nine digits) numbers named in free text:
/// "IMO: 8937675", "(IMO number: 7303803)", "MMSI: 445539000".
fn vessel_numbers(info: &str) -> Vec<(IdKind, String)> {
    let mut out = Vec::new();
    for (label, kind, len) in [("IMO", IdKind::Imo, 7), ("MMSI", IdKind::Mmsi, 9)] {
        let mut rest = info;
        while let Some(i) = rest.find(label) {
            rest = rest.get(i + label.len()..).unwrap_or("");
            let after = rest
                .trim_start_matches(|c: char| c.is_whitespace() || c == ':' || c == '.')
                .trim_start_matches("number")
                .trim_start_matches("No")
                .trim_start_matches(|c: char| c.is_whitespace() || c == ':' || c == '.');
            let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
            if digits.len() == len {
                out.push((kind.clone(), digits));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn input(name: &str, bytes: &[u8]) -> Input {
        Input {
            name: name.into(),
            bytes: bytes.to_vec(),
        }
    }

    fn lists_dir(test: &str) -> Option<PathBuf> {
        crate::shared_lists(test)
    }

    const HEADER: &str = "Name 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,DOB,Town of Birth,\
Country of Birth,Nationality,Passport Details,NI Number,Position,Address 1,Address 2,Address 3,\
Address 4,Address 5,Address 6,Post/Zip Code,Country,Other Information,Group Type,Alias Type,\
Regime,Listed On,Last Updated,Group ID";

    #[test]
    fn fixture_groups_rows_into_one_entity() {
        let csv = format!(
            "Last Updated,13/04/2018,,,\r\n{HEADER}\r\n\
AL-QAHTANI,Sheikh,Farooq,,,,,00/00/1980,,Saudi Arabia,1) Saudi Arabia 2) Qatar,\
Passport No: 592667 (Qatari passport issued on 3 May 2007).,,,,,,,,,,Afghanistan (since 2009),\
UN Ref QDe.004. Emir.,Individual,AKA,The ISIL (Da'esh) and Al-Qaida organisations,01/04/2016,01/04/2016,13349\r\n\
AL-QAHTANI,Farouq,,,,,Sheikh,00/05/1980,Doha,Qatar,,,,,Street 1,,,,,Doha,,Qatar,\
UN Ref QDe.004. Emir.,Individual,Prime Alias,The ISIL (Da'esh) and Al-Qaida organisations,01/04/2016,02/04/2016,13349\r\n\
PETREL 8,,,,,,,,,,,,,,,,,,,,,,IMO: 9562233. MMSI: 445539000.,Ship,Primary name,North Korea,,,99\r\n"
        );
        let list = parse_conlist(&input("c.csv", csv.as_bytes())).unwrap();
        assert_eq!(list.publisher_date.as_deref(), Some("2018-04-13"));
        assert_eq!(list.entities.len(), 2);
        let e = &list.entities[0];
        assert_eq!(e.id, "uk-ofsi:13349");
        assert_eq!(e.schema, Schema::Person);
        assert_eq!(e.caption(), "Farouq AL-QAHTANI");
        assert_eq!(e.names[0].family.as_deref(), Some("AL-QAHTANI"));
        assert_eq!(e.names[1].full, "Sheikh Farooq AL-QAHTANI");
        assert_eq!(e.names[1].given.as_deref(), Some("Sheikh Farooq"));
        assert_eq!(e.nationalities, vec!["SA", "QA"]);
        assert_eq!(
            e.birth_dates,
            vec![
                DateSpec::exact(PartialDate::year(1980)),
                DateSpec::exact(PartialDate::ym(1980, 5).unwrap())
            ]
        );
        assert_eq!(e.birth_places, vec!["Saudi Arabia", "Doha, Qatar"]);
        let passport = e.identifiers_of(&IdKind::Passport).next().unwrap();
        assert_eq!(passport.value, "592667");
        assert_eq!(passport.country.as_deref(), Some("QA"));
        assert_eq!(e.addresses.len(), 2);
        assert_eq!(e.addresses[0].country.as_deref(), Some("AF"));
        assert_eq!(e.addresses[0].note.as_deref(), Some("(since 2009)"));
        assert_eq!(e.addresses[1].city.as_deref(), Some("Doha"));
        assert_eq!(e.properties["unReference"], vec!["QDe.004"]);
        assert_eq!(e.properties["title"], vec!["Sheikh"]);
        assert_eq!(e.properties["modifiedAt"], vec!["2016-04-02"]);
        assert_eq!(e.listed_on, PartialDate::ymd(2016, 4, 1));
        assert_eq!(e.remarks, vec!["UN Ref QDe.004. Emir."]);
        let ship = &list.entities[1];
        assert_eq!(ship.schema, Schema::Vessel);
        assert_eq!(
            ship.identifiers_of(&IdKind::Imo).next().unwrap().value,
            "9562233"
        );
        assert_eq!(
            ship.identifiers_of(&IdKind::Mmsi).next().unwrap().value,
            "445539000"
        );
    }

    #[test]
    fn newer_layout_with_non_latin_names_and_no_preamble() {
        let csv = "\u{feff}Name 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,Name Non-Latin Script,\
Non-Latin Script Type,Non-Latin Script Language,DOB,Nationality,Group Type,Alias Type,Regime,\
Listed On,UK Sanctions List Date Designated,Last Updated,Group Status,Group ID\n\
SHOIGU,Sergei,Kuzhugetovich,,,,,Сергей Кужугетович ШОЙГУ,Cyrillic,Russian,21/05/1955,Russia,\
Individual,Primary name,Russia,26/02/2022,26/02/2022,15/03/2022,Asset Freeze Targets,14195\n\
SHOYGU,Sergey,,,,,,,,,21/05/1955,Russia,Individual,Low quality a.k.a,Russia,26/02/2022,,10/03/2022,\
Asset Freeze Targets,14195\n";
        let list = parse_conlist(&input("new.csv", csv.as_bytes())).unwrap();
        assert_eq!(list.publisher_date.as_deref(), Some("2022-03-15"));
        let e = &list.entities[0];
        assert_eq!(e.names.len(), 3);
        assert_eq!(e.caption(), "Sergei Kuzhugetovich SHOIGU");
        let cyr = e.names.iter().find(|n| n.script.is_some()).unwrap();
        assert_eq!(cyr.full, "Сергей Кужугетович ШОЙГУ");
        assert_eq!(cyr.script.as_deref(), Some("Cyrl"));
        assert_eq!(cyr.lang.as_deref(), Some("Russian"));
        let weak = e.names.iter().find(|n| n.full == "Sergey SHOYGU").unwrap();
        assert_eq!(weak.quality, NameQuality::Weak);
        assert_eq!(e.nationalities, vec!["RU"]);
        assert_eq!(e.properties["ukDesignatedOn"], vec!["2022-02-26"]);
        assert_eq!(e.properties["status"], vec!["Asset Freeze Targets"]);
    }

    #[test]
    fn missing_required_columns_name_file_and_line() {
        let csv = "Last Updated,13/04/2018\nName 6,Name 1,Group Type\nX,Y,Individual\n";
        let err = parse_conlist(&input("bad.csv", csv.as_bytes())).unwrap_err();
        assert!(matches!(err, FormatError::Csv { line: 2, .. }), "{err:?}");
        let msg = err.to_string();
        assert!(
            msg.starts_with("bad.csv:2:") && msg.contains("Group ID"),
            "{msg}"
        );

        let csv = "Name 1,Group Type,Group ID\nY,Individual,1\n";
        let err = parse_conlist(&input("b2.csv", csv.as_bytes())).unwrap_err();
        assert!(matches!(err, FormatError::Csv { line: 1, .. }), "{err:?}");
        assert!(err.to_string().contains("Name 6"));
    }

    #[test]
    fn bad_rows_are_errors_with_line() {
        let csv = format!("{HEADER}\nX,,,,,,,,,,,,,,,,,,,,,,,Person,AKA,R,,,5\n");
        let err = parse_conlist(&input("t.csv", csv.as_bytes())).unwrap_err();
        assert!(
            matches!(err, FormatError::Invalid { line: 2, .. }),
            "{err:?}"
        );
        let csv = format!("{HEADER}\nX,,,,,,,,,,,,,,,,,,,,,,,Entity,AKA,R,,,\n");
        let err = parse_conlist(&input("t.csv", csv.as_bytes())).unwrap_err();
        assert!(err.to_string().contains("Group ID"), "{err}");
        assert!(matches!(
            parse_conlist(&input("e.csv", b"  \n")),
            Err(FormatError::Empty { .. })
        ));
        let err = parse_conlist(&input("u.csv", b"\xEF\xBB\xBFName 6\n\xE9\n")).unwrap_err();
        assert!(
            matches!(err, FormatError::Encoding { line: 2, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn windows_1252_decodes() {
        let mut bytes = format!("{HEADER}\n").into_bytes();
        bytes.extend_from_slice(
            b"NGENDAKUMANA,L\xE9onard,,,,,,,,,,,,,,,,,,,,,,Individual,Prime Alias,Burundi,,,1\n",
        );
        let list = parse_conlist(&input("w.csv", &bytes)).unwrap();
        assert_eq!(list.entities[0].caption(), "Léonard NGENDAKUMANA");
    }

    #[test]
    fn helpers() {
        assert_eq!(
            split_numbered("1) Saudi Arabia 2) Qatar"),
            vec!["Saudi Arabia", "Qatar"]
        );
        assert_eq!(
            split_numbered("(1) to (6) Algeria (7) Morocco"),
            vec!["Algeria", "Morocco"]
        );
        assert_eq!(
            split_numbered("a) French, b) Tunisian"),
            vec!["French", "Tunisian"]
        );
        assert_eq!(
            split_numbered("Iran (Islamic Republic of)"),
            vec!["Iran (Islamic Republic of)"]
        );
        assert_eq!(nationality_code("Iranian citizenship"), Some("IR"));
        assert_eq!(
            document_number("Tunisia number G557170 issued on 16 Nov 1989."),
            Some("G557170".into())
        );
        assert_eq!(document_number("issued 1993"), None);
        assert_eq!(
            country_in_text("M110522 (Indian) issued on 13 Nov 1978 in Bombay"),
            Some("IN")
        );
        assert_eq!(
            un_reference("Annex XIII. UN listing. UN Ref KPe.001. Primary"),
            Some("KPe.001".into())
        );
        assert_eq!(un_reference("no reference"), None);
        assert_eq!(un_reference("UN Ref.079. Ri"), None);
        for (text, want) in [
            ("UN Reference No: TAi.172. Belo", "TAi.172"),
            ("UN Ref.KPe 070. Registered", "KPe.070"),
            ("UN Ref.KPI. 076. Ri Chun", "KPi.076"),
            ("UN Ref TI.A.128.01.Financial", "TI.A.128.01"),
            ("UN Ref KPe.045.[UN Listing", "KPe.045"),
            ("UN Ref E.29.II.9. Owned", "E.29.II.9"),
            ("UN Ref. I.AC.50.20.12.12.(1). x", "I.AC.50.20.12.12"),
        ] {
            assert_eq!(un_reference(text).as_deref(), Some(want), "{text}");
        }
        let ids = documents(
            "Jordanian passport numbers (1) K048787 (2) 486298",
            IdKind::Passport,
        );
        assert_eq!(ids.len(), 2);
        assert!(
            ids.iter().all(|i| i.country.as_deref() == Some("JO")),
            "{ids:?}"
        );
        assert_eq!(
            documents("477845448 (USA)", IdKind::Passport)[0]
                .country
                .as_deref(),
            Some("US")
        );
        assert_eq!(parse_dmy("00/00/1980"), Some(PartialDate::year(1980)));
        assert_eq!(parse_dmy("31/02/1980"), None);
        assert_eq!(
            vessel_numbers("(IMO number: 7303803). Annex XIV."),
            vec![(IdKind::Imo, "7303803".to_string())]
        );
    }

    #[test]
    fn real_2018_file() {
        let Some(dir) = lists_dir("real_2018_file") else {
            return;
        };
        let path = dir.join("uk/ofsi_conlist_2018-04-13.csv");
        let input = Input::read(&path).unwrap();
        assert!(
            std::str::from_utf8(&input.bytes).is_err(),
            "the file should be cp1252"
        );
        let list = parse_conlist(&input).unwrap();
        assert_eq!(list.source, "uk-ofsi");
        assert_eq!(list.publisher_date.as_deref(), Some("2018-04-13"));
        let n = |s: Schema| list.entities.iter().filter(|e| e.schema == s).count();
        assert_eq!(list.entities.len(), 2106);
        assert_eq!(n(Schema::Person), 1426);
        assert_eq!(n(Schema::Organization), 680);
        // Every row is one name; duplicates within a group (same text and
        // kind, repeated per address) collapse.
        let names: usize = list.entities.iter().map(|e| e.names.len()).sum();
        eprintln!("uk-ofsi 2018: {names} distinct names from 9,487 rows");
        assert!(names > 5000 && names <= 9487, "{names}");
        assert!(list.entities.iter().all(|e| !e.names.is_empty()));
        // Independently of the parser: every row's Name 6 is in a name of its group.
        let (text, _, _) = encoding_rs::WINDOWS_1252.decode(&input.bytes);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let by_id: HashMap<&str, &Entity> =
            list.entities.iter().map(|e| (e.id.as_str(), e)).collect();
        let mut rows = 0;
        for record in reader.records().skip(2) {
            let record = record.unwrap();
            let id = format!("uk-ofsi:{}", record.get(28).unwrap().trim());
            let name6 = squash(record.get(0).unwrap());
            let e = by_id[id.as_str()];
            assert!(
                e.names.iter().any(|n| n.full.contains(&name6)),
                "{id} {name6}"
            );
            rows += 1;
        }
        assert_eq!(rows, 9487);

        // Accented names decode from cp1252.
        let e = list
            .entities
            .iter()
            .find(|e| e.id == "uk-ofsi:13284")
            .unwrap();
        assert_eq!(e.caption(), "Léonard NGENDAKUMANA");
        let e = list
            .entities
            .iter()
            .find(|e| e.id == "uk-ofsi:6963")
            .unwrap();
        assert!(
            e.names.iter().any(|n| n.full == "GROUPE ISLAMIQUE ARMÉ"),
            "{:?}",
            e.names
        );
        let e = list
            .entities
            .iter()
            .find(|e| e.id == "uk-ofsi:13574")
            .unwrap();
        assert_eq!(e.caption(), "Ri U’N SO’NG");

        // A DPRK group with its aliases merged; the primary name (the last row
        // in the file) comes first.
        let komid = list
            .entities
            .iter()
            .find(|e| e.caption() == "KOREA MINING DEVELOPMENT TRADING CORPORATION")
            .unwrap();
        assert_eq!(komid.id, "uk-ofsi:10892");
        assert_eq!(komid.schema, Schema::Organization);
        let aliases: Vec<&str> = komid.names[1..].iter().map(|n| n.full.as_str()).collect();
        assert_eq!(
            aliases,
            vec![
                "CHANGGWANG SINYONG CORPORATION",
                "DPRKN MINING DEVELOPMENT TRADING COOPERATION",
                "EXTERNAL TECHNOLOGY GENERAL CORPORATION",
                "KOMID"
            ]
        );
        assert!(komid.names[1..].iter().all(|n| n.kind == NameKind::Alias));
        assert_eq!(
            komid.programmes,
            vec!["North Korea (Democratic People's Republic of Korea)"]
        );
        assert_eq!(komid.properties["unReference"], vec!["KPe.001"]);
        assert_eq!(komid.addresses.len(), 1);
        assert_eq!(komid.addresses[0].country.as_deref(), Some("KP"));
        assert_eq!(komid.addresses[0].city.as_deref(), Some("Pyongyang"));
        assert_eq!(komid.listed_on, PartialDate::ymd(2009, 4, 27));

        // Counts of facts pulled out, for the report.
        let dprk = list
            .entities
            .iter()
            .filter(|e| e.programmes.iter().any(|p| p.starts_with("North Korea")))
            .count();
        let with_nat = list
            .entities
            .iter()
            .filter(|e| !e.nationalities.is_empty())
            .count();
        let passports: usize = list
            .entities
            .iter()
            .map(|e| e.identifiers_of(&IdKind::Passport).count())
            .sum();
        let passports_with_country = list
            .entities
            .iter()
            .flat_map(|e| e.identifiers_of(&IdKind::Passport))
            .filter(|i| i.country.is_some())
            .count();
        let imo = list
            .entities
            .iter()
            .filter(|e| e.identifiers_of(&IdKind::Imo).next().is_some())
            .count();
        let unref = list
            .entities
            .iter()
            .filter(|e| e.properties.contains_key("unReference"))
            .count();
        eprintln!(
            "dprk {dprk}, with nationality {with_nat}, passports {passports} \
             ({passports_with_country} with country), with IMO {imo}, with UN ref {unref}"
        );
        assert!(dprk > 100);
        assert!(with_nat > 600);
        assert!(passports > 300);
        assert!(imo > 10);
        assert!(unref > 620);
    }
}
