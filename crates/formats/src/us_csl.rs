//! The US Trade Consolidated Screening List CSV (trade.gov; source `us-csl`),
//! usually shipped gzipped.
//!
//! One row per listing, with a header row:
//!
//! ```text
//! _id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,
//! standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,
//! vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,
//! places_of_birth,source_information_url,ids
//! ```
//!
//! The list merges those of several agencies (`source`: "Specially
//! Designated Nationals (SDN) - Treasury Department", "Entity List (EL) -
//! Bureau of Industry and Security", "Denied Persons List (DPL) - …", …).
//! Each row becomes an entity with the id `us-csl:<_id>`: for Treasury rows
//! `_id` is the OFAC `ent_num`, for the others a hash. A Treasury entry on
//! several of those lists (SDN and SSI, say) has one row per list with the
//! same `_id`; they are merged into one entity. The `source` names go to the
//! programmes after the row's `programs`, so a BIS Entity List party (which
//! has no programme) still says which list it is on.
//!
//! Multi-valued fields are separated by `"; "`. Treasury rows copy OFAC's
//! data, so the OFAC readers' code reads them: `remarks` with
//! [`crate::ofac::remarks::apply_remarks`], and each `ids` item — written
//! `COUNTRY, [EXPIRES, ISSUED,] NUMBER, TYPE`, e.g. `JO, 2014-08-30,
//! 2009-08-31, K475336, Passport` or `Male, Gender` — with
//! [`crate::ofac::remarks::apply_fact`] as the fact `TYPE NUMBER`. Dates of
//! birth are OFAC dates (`1957-10-10`, `1967`, `circa 1960`, `1957 to
//! 1960`). An address is `street parts, …, CC`: a final ISO alpha-2 code is
//! the country, a single other part the city, and anything longer is kept
//! whole as the street (the parts are not labelled). `type` Individual,
//! Entity, Vessel, Aircraft gives the schema; the non-Treasury lists leave it
//! empty, read as [`Schema::LegalEntity`]. `start_date` is the listing date.
//! The format carries no date of its own, so the list has no publisher date.

use crate::error::{FormatError, Result};
use crate::ofac::remarks::{apply_fact, apply_remarks, parse_date_spec, split_person_name};
use crate::un::iso_date;
use crate::xml::line_at;
use crate::{Format, Input, ParsedList};
use interdict_model::country::{country_code, is_country_code};
use interdict_model::{Address, Entity, Link, Name, NameKind, Schema};
use std::collections::HashMap;

/// The source name.
pub const SOURCE: &str = "us-csl";

/// Whether a header line is that of the CSL CSV.
pub(crate) fn is_header(line: &str) -> bool {
    line.starts_with("_id,source,")
}

/// The column indices of the header.
struct Columns(HashMap<String, usize>);

impl Columns {
    fn get<'a>(&self, record: &'a csv::StringRecord, name: &str) -> &'a str {
        self.0
            .get(name)
            .and_then(|i| record.get(*i))
            .map_or("", str::trim)
    }

    /// The `"; "`-separated values of a field.
    fn list<'a>(&self, record: &'a csv::StringRecord, name: &str) -> Vec<&'a str> {
        self.get(record, name)
            .split("; ")
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .collect()
    }
}

/// Parses one file.
pub fn parse(input: &Input) -> Result<ParsedList> {
    let file = input.name.as_str();
    let bytes = input
        .bytes
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(&input.bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(FormatError::Empty {
            file: file.to_string(),
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| FormatError::Encoding {
        file: file.to_string(),
        line: line_at(bytes, e.valid_up_to()),
        encoding: "UTF-8",
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let csv_error = |e: csv::Error| FormatError::Csv {
        file: file.to_string(),
        line: e
            .position()
            .map_or(0, |p| line_at(bytes, p.byte() as usize)),
        message: e.to_string(),
    };
    let header = reader.headers().map_err(csv_error)?.clone();
    let columns = Columns(
        header
            .iter()
            .enumerate()
            .map(|(i, h)| (h.trim().to_string(), i))
            .collect(),
    );
    for required in ["_id", "source", "name", "type"] {
        if !columns.0.contains_key(required) {
            return Err(FormatError::Invalid {
                file: file.to_string(),
                line: 1,
                message: format!(
                    "the header has no column {required:?}: not a Consolidated Screening List CSV"
                ),
            });
        }
    }
    let mut entities: Vec<Entity> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for record in reader.records() {
        let record = record.map_err(csv_error)?;
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        // counted only for an error: counting every row's line costs O(n²)
        let offset = record.position().map_or(0, |p| p.byte() as usize);
        let line = || line_at(bytes, offset);
        let e = entity(&record, &columns, file, &line)?;
        match by_id.get(&e.id) {
            Some(&i) => {
                if let Some(first) = entities.get_mut(i) {
                    merge(first, e);
                }
            }
            None => {
                by_id.insert(e.id.clone(), entities.len());
                entities.push(e);
            }
        }
    }
    crate::ofac::resolve_links(&mut entities);
    Ok(ParsedList {
        source: SOURCE.into(),
        format: Format::UsCslCsv,
        publisher_date: None,
        entities,
        warnings: Vec::new(),
    })
}

fn invalid(file: &str, line: usize, message: String) -> FormatError {
    FormatError::Invalid {
        file: file.to_string(),
        line,
        message,
    }
}

fn entity(
    r: &csv::StringRecord,
    c: &Columns,
    file: &str,
    line: &dyn Fn() -> usize,
) -> Result<Entity> {
    let id = c.get(r, "_id");
    if id.is_empty() {
        return Err(invalid(file, line(), "a row without an _id".into()));
    }
    let schema = match c.get(r, "type").to_ascii_lowercase().as_str() {
        "individual" => Schema::Person,
        "entity" => Schema::Organization,
        "vessel" => Schema::Vessel,
        "aircraft" => Schema::Airplane,
        "" => Schema::LegalEntity,
        _ => {
            return Err(invalid(
                file,
                line(),
                format!("row {id}: unknown type {:?}", c.get(r, "type")),
            ))
        }
    };
    let mut e = Entity::new(SOURCE, id, schema);
    let name = c.get(r, "name");
    if name.is_empty() {
        return Err(invalid(file, line(), format!("row {id} has no name")));
    }
    let person = schema == Schema::Person;
    let mut primary = Name::new(name, NameKind::Primary);
    if person {
        split_person_name(&mut primary);
    }
    e.push_name(primary);
    for alt in c.list(r, "alt_names") {
        let mut alias = Name::new(alt, NameKind::Alias);
        if person {
            split_person_name(&mut alias);
        }
        e.push_name(alias);
    }
    for p in c.list(r, "programs") {
        Entity::push_unique(&mut e.programmes, p.to_string());
    }
    let source = c.get(r, "source");
    if !source.is_empty() {
        Entity::push_unique(&mut e.programmes, source.to_string());
    }
    let title = c.get(r, "title");
    if !title.is_empty() {
        e.add_property("position", title);
    }
    e.listed_on = iso_date(c.get(r, "start_date"));
    for (column, property) in [
        ("end_date", "endDate"),
        ("federal_register_notice", "federalRegisterNotice"),
        ("license_requirement", "licenseRequirement"),
        ("license_policy", "licensePolicy"),
        ("call_sign", "callSign"),
        ("vessel_type", "vesselType"),
        ("gross_tonnage", "tonnage"),
        ("gross_registered_tonnage", "grossRegisteredTonnage"),
        ("source_information_url", "sourceUrl"),
    ] {
        e.add_property(property, c.get(r, column));
    }
    let flag = c.get(r, "vessel_flag");
    if !flag.is_empty() {
        e.add_property("flag", flag);
        if let Some(code) = country_code(flag) {
            Entity::push_unique(&mut e.countries, code.to_string());
        }
    }
    let owner = c.get(r, "vessel_owner");
    if !owner.is_empty() {
        Entity::push_unique(
            &mut e.links,
            Link {
                relation: "owner".into(),
                target_name: owner.to_string(),
                target_id: None,
            },
        );
    }
    let mut unparsed: Vec<String> = Vec::new();
    for column in ["nationalities", "citizenships"] {
        for value in c.list(r, column) {
            match country_code(value) {
                Some(code) => Entity::push_unique(&mut e.nationalities, code.to_string()),
                None => unparsed.push(format!("{column}: {value}")),
            }
        }
    }
    for d in c.list(r, "dates_of_birth") {
        match parse_date_spec(d) {
            Some(spec) => Entity::push_unique(&mut e.birth_dates, spec),
            None => unparsed.push(format!("DOB {d}")),
        }
    }
    for p in c.list(r, "places_of_birth") {
        Entity::push_unique(&mut e.birth_places, p.to_string());
    }
    for a in c.list(r, "addresses") {
        add_address(&mut e, a);
    }
    for item in c.list(r, "ids") {
        if !apply_id(&mut e, item) {
            unparsed.push(item.to_string());
        }
    }
    if !unparsed.is_empty() {
        Entity::push_unique(&mut e.remarks, unparsed.join("; "));
    }
    let remarks = c.get(r, "remarks");
    if !remarks.is_empty() {
        let skip: Vec<&str> = [title].into_iter().filter(|t| !t.is_empty()).collect();
        apply_remarks(&mut e, remarks, &skip);
    }
    Ok(e)
}

/// Reads one `ids` item, `COUNTRY, [EXPIRES, ISSUED,] NUMBER, TYPE`; `false`
/// when it is not understood.
fn apply_id(e: &mut Entity, item: &str) -> bool {
    let parts: Vec<&str> = item.split(", ").map(str::trim).collect();
    let Some((kind, rest)) = parts.split_last() else {
        return false;
    };
    let mut rest = rest;
    let mut country = None;
    if rest.len() >= 2 {
        if let Some((first, tail)) = rest.split_first() {
            if is_country_code(first) {
                country = Some(*first);
                rest = tail;
            }
        }
    }
    // dates before the number: expiration first, then issue (the CSL JSON
    // fields in reverse order, empty ones left out)
    let mut dates: Vec<&str> = Vec::new();
    while rest.len() >= 2 {
        let Some((first, tail)) = rest.split_first() else {
            break;
        };
        if first.len() == 10 && iso_date(first).is_some() {
            dates.push(first);
            rest = tail;
        } else {
            break;
        }
    }
    let number = rest.join(", ");
    if number.is_empty() {
        return false;
    }
    let note = match dates.as_slice() {
        [] => None,
        [one] => Some(format!("date {one}")),
        [expires, issued, ..] => Some(format!("issued {issued} expires {expires}")),
    };
    apply_fact(e, &format!("{kind} {number}"), country, note)
}

fn add_address(e: &mut Entity, text: &str) {
    let mut parts: Vec<&str> = text.split(", ").map(str::trim).collect();
    let mut address = Address::default();
    if let Some(last) = parts.last() {
        if is_country_code(last) {
            address.country = Some((*last).to_string());
            Entity::push_unique(&mut e.countries, (*last).to_string());
            parts.pop();
        }
    }
    match parts.as_slice() {
        [] => {}
        [city] => address.city = Some((*city).to_string()),
        _ => address.street = Some(parts.join(", ")),
    }
    if !address.is_empty() {
        Entity::push_unique(&mut e.addresses, address);
    }
}

/// Adds what a second row of the same `_id` (the same party on another
/// list) says.
fn merge(into: &mut Entity, other: Entity) {
    for n in other.names {
        into.push_name(n);
    }
    for (list, values) in [
        (&mut into.birth_places, other.birth_places),
        (&mut into.nationalities, other.nationalities),
        (&mut into.countries, other.countries),
        (&mut into.programmes, other.programmes),
        (&mut into.remarks, other.remarks),
    ] {
        for v in values {
            Entity::push_unique(list, v);
        }
    }
    for d in other.birth_dates {
        Entity::push_unique(&mut into.birth_dates, d);
    }
    for i in other.identifiers {
        Entity::push_unique(&mut into.identifiers, i);
    }
    for a in other.addresses {
        Entity::push_unique(&mut into.addresses, a);
    }
    for l in other.links {
        Entity::push_unique(&mut into.links, l);
    }
    for (k, values) in other.properties {
        for v in values {
            into.add_property(&k, v);
        }
    }
    if into.gender.is_none() {
        into.gender = other.gender;
    }
    into.listed_on = match (into.listed_on, other.listed_on) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use interdict_model::IdKind;

    #[test]
    fn ids_items() {
        let mut e = Entity::new(SOURCE, "1", Schema::Person);
        assert!(apply_id(
            &mut e,
            "JO, 2014-08-30, 2009-08-31, K475336, Passport"
        ));
        assert!(apply_id(&mut e, "Male, Gender"));
        assert!(apply_id(&mut e, "QA, 28940000602, National ID No."));
        assert!(apply_id(
            &mut e,
            "Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201 and/or 589.209, Secondary sanctions risk:"
        ));
        assert!(!apply_id(
            &mut e,
            "24 Feb 2022, Listing Date (EO 14024 Directive 2):"
        ));
        let p = e.identifiers_of(&IdKind::Passport).next().unwrap();
        assert_eq!(
            (p.value.as_str(), p.country.as_deref(), p.note.as_deref()),
            (
                "K475336",
                Some("JO"),
                Some("issued 2009-08-31 expires 2014-08-30")
            )
        );
        assert_eq!(e.gender, Some(interdict_model::Gender::Male));
        assert_eq!(
            e.properties["secondarySanctionsRisk"],
            vec!["Ukraine-/Russia-Related Sanctions Regulations, 31 CFR 589.201 and/or 589.209"]
        );
    }

    #[test]
    fn addresses() {
        let mut e = Entity::new(SOURCE, "1", Schema::Organization);
        add_address(&mut e, "Basrah, IQ");
        add_address(&mut e, "22, Rua da Missao, Luanda, AO");
        add_address(&mut e, "2948 PEASE DRIVE, APT. 201, ROCKY RIVER, OH, 44116");
        add_address(&mut e, "SY");
        assert_eq!(e.addresses[0].city.as_deref(), Some("Basrah"));
        assert_eq!(
            e.addresses[1].street.as_deref(),
            Some("22, Rua da Missao, Luanda")
        );
        assert_eq!(e.addresses[1].country.as_deref(), Some("AO"));
        assert_eq!(e.addresses[2].country, None);
        assert_eq!(e.addresses[3].country.as_deref(), Some("SY"));
        assert_eq!(e.countries, vec!["IQ", "AO", "SY"]);
    }
}
