//! The FCDO UK Sanctions List XML (root `Designations`, records `Designation`).
//!
//! Each `Designation` becomes one entity with the id `uk:<UniqueID>`.
//! `IndividualEntityShip` decides the schema: Individual → Person, Entity →
//! Organization, Ship → Vessel. What is pulled out:
//!
//! * names: `Name1`..`Name6` joined with spaces (for people `Name1`..`Name5`
//!   are the given names and `Name6` the family name); `NameType` "Primary
//!   Name" → primary, anything else ("Alias", "Primary Name Variation") →
//!   alias, with `AliasStrength` "Good quality" → strong and "Low quality" →
//!   weak; `NonLatinNames` are aliases with their detected script;
//! * dates of birth in `dd/mm/yyyy` with `dd`/`mm`/`00` for unknown parts,
//!   nationalities, genders, positions, titles, passports and national ids,
//!   places of birth;
//! * addresses: `AddressLine1`..`4` are the street; `AddressLine6` the city
//!   (with `AddressLine5` then the region), else `AddressLine5` the city;
//! * `RegimeName` → programme, `DateDesignated` → listing date,
//!   `OFSIGroupID`/`UNReferenceNumber` → properties `ofsiGroupId`/`unReference`,
//!   `OtherInformation` and `UKStatementofReasons` → remarks;
//! * ships: IMO numbers (identifier), current flag (country code in
//!   `countries` and the property `flag`), previous flags (`pastFlags`), type,
//!   tonnage, length, owner/operator (a link);
//! * entities: type of entity, business registration numbers (identifier),
//!   parent companies and subsidiaries (links).
//!
//! The publisher date is `DateGenerated`, converted to ISO (`2026-09-10`).

use crate::error::Result;
use crate::un::{country, expect_root, invalid, script_of};
use crate::xml::{decode, read_records, Node};
use crate::{Format, Input, ParsedList};
use interdict_model::{
    Address, DateSpec, Entity, Gender, IdKind, Identifier, Link, Name, NameKind, NameQuality,
    PartialDate, Schema,
};

/// Parses a UK Sanctions List XML.
pub fn parse_xml(main: &Input) -> Result<ParsedList> {
    let file = main.name.as_str();
    let text = decode(&main.bytes, file)?;
    expect_root(&text, file, "Designations", "a UK Sanctions List")?;
    let mut entities = Vec::new();
    let root = read_records(&text, file, &["Designation"], |node| {
        entities.push(parse_record(&node, file)?);
        Ok(())
    })?;
    let publisher_date = root
        .child_value("DateGenerated")
        .map(|d| dmy_date(d).map_or_else(|| d.to_string(), |p| p.to_string()));
    Ok(ParsedList {
        warnings: Vec::new(),
        source: "uk".into(),
        format: Format::UkXml,
        publisher_date,
        entities,
    })
}

/// Reads `dd/mm/yyyy`, where `dd`, `mm`, `00` (or any non-number) stand for
/// an unknown day or month, and a bare `yyyy`. A known day with an unknown
/// month is dropped.
pub(crate) fn dmy_date(s: &str) -> Option<PartialDate> {
    let s = s.trim();
    let parts: Vec<&str> = s.split('/').map(str::trim).collect();
    let num = |p: &str| p.parse::<u8>().ok().filter(|n| *n > 0);
    let (day, month, year) = match parts.as_slice() {
        [d, m, y] => (num(d), num(m), *y),
        [m, y] => (None, num(m), *y),
        [y] => (None, None, *y),
        _ => return None,
    };
    if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = year.parse().ok()?;
    match (month, day) {
        (Some(m), Some(d)) => PartialDate::ymd(year, m, d),
        (Some(m), None) => PartialDate::ym(year, m),
        (None, _) => Some(PartialDate::year(year)),
    }
}

/// All non-empty texts at the end of a path of child names.
fn values<'a>(node: &'a Node, path: &[&str]) -> Vec<&'a str> {
    node.path(path)
        .into_iter()
        .filter_map(Node::value)
        .collect()
}

fn parse_record(node: &Node, file: &str) -> Result<Entity> {
    let reference = node
        .child_value("UniqueID")
        .ok_or_else(|| invalid(file, node.line, "<Designation> without a UniqueID".into()))?;
    let kind = node.child_value("IndividualEntityShip").unwrap_or("");
    let schema = match kind.to_ascii_lowercase().as_str() {
        "individual" => Schema::Person,
        "entity" => Schema::Organization,
        "ship" => Schema::Vessel,
        _ => {
            return Err(invalid(
                file,
                node.line,
                format!("designation {reference}: unknown IndividualEntityShip {kind:?}"),
            ))
        }
    };
    let mut e = Entity::new("uk", reference, schema);
    read_names(&mut e, node);
    if e.names.is_empty() {
        return Err(invalid(
            file,
            node.line,
            format!("designation {reference} has no name"),
        ));
    }
    if let Some(g) = node.child_value("OFSIGroupID") {
        e.add_property("ofsiGroupId", g);
    }
    if let Some(u) = node.child_value("UNReferenceNumber") {
        e.add_property("unReference", u);
    }
    for regime in node.child_values("RegimeName") {
        Entity::push_unique(&mut e.programmes, regime.to_string());
    }
    if let Some(d) = node.child_value("DateDesignated") {
        match dmy_date(d) {
            Some(date) => e.listed_on = Some(date),
            None => e.remarks.push(format!("date designated: {d}")),
        }
    }
    for src in node
        .child_values("DesignationSource")
        .flat_map(|s| s.split('|'))
    {
        e.add_property("designationSource", src);
    }
    for s in node
        .child_values("SanctionsImposed")
        .flat_map(|s| s.split('|'))
    {
        e.add_property("sanctionsImposed", s);
    }
    for title in values(node, &["Titles", "Title"]) {
        e.add_property("title", title);
    }
    for tag in ["OtherInformation", "UKStatementofReasons"] {
        for r in node.child_values(tag) {
            e.remarks.push(r.to_string());
        }
    }
    for a in node.path(&["Addresses", "Address"]) {
        read_address(&mut e, a);
    }
    for p in values(node, &["PhoneNumbers", "PhoneNumber"]) {
        e.add_property("phone", p);
    }
    for m in values(node, &["EmailAddresses", "EmailAddress"]) {
        e.add_property("email", m);
    }
    for w in values(node, &["Websites", "Website"]) {
        e.add_property("website", w);
    }
    for ind in node.path(&["IndividualDetails", "Individual"]) {
        read_individual(&mut e, ind);
    }
    for ent in node.path(&["EntityDetails", "Entity"]) {
        read_entity(&mut e, ent);
    }
    for ship in node.path(&["ShipDetails", "Ship"]) {
        read_ship(&mut e, ship);
    }
    Ok(e)
}

fn read_names(e: &mut Entity, node: &Node) {
    let person = e.schema == Schema::Person;
    for n in node.path(&["Names", "Name"]) {
        let parts: Vec<&str> = ["Name1", "Name2", "Name3", "Name4", "Name5", "Name6"]
            .iter()
            .filter_map(|t| n.child_value(t))
            .collect();
        if parts.is_empty() {
            continue;
        }
        let name_type = n
            .child_value("NameType")
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        let kind = if name_type == "primary name" {
            NameKind::Primary
        } else if name_type.contains("former") || name_type.contains("previous") {
            NameKind::Former
        } else {
            NameKind::Alias
        };
        let strength = n
            .child_value("AliasStrength")
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        let quality = if strength.starts_with("good") || strength.contains("strong") {
            NameQuality::Strong
        } else if strength.starts_with("low") || strength.contains("weak") {
            NameQuality::Weak
        } else {
            NameQuality::Unknown
        };
        let full = parts.join(" ");
        let mut name = Name::new(full.clone(), kind).with_quality(quality);
        name.script = script_of(&full).map(str::to_string);
        if person {
            let given: Vec<&str> = ["Name1", "Name2", "Name3", "Name4", "Name5"]
                .iter()
                .filter_map(|t| n.child_value(t))
                .collect();
            if !given.is_empty() {
                name.given = Some(given.join(" "));
            }
            name.family = n.child_value("Name6").map(str::to_string);
        }
        e.push_name(name);
    }
    // Primary names first, so that the caption is the primary name.
    e.names.sort_by_key(|n| n.kind != NameKind::Primary);
    for n in node.path(&["NonLatinNames", "NonLatinName"]) {
        if let Some(text) = n.child_value("NameNonLatinScript") {
            let mut name = Name::new(text, NameKind::Alias);
            name.script = script_of(text).map(str::to_string);
            e.push_name(name);
        }
    }
}

fn read_address(e: &mut Entity, a: &Node) {
    let line = |i: u8| {
        a.child_value(&format!("AddressLine{i}"))
            .map(str::to_string)
    };
    let street: Vec<String> = (1..=4).filter_map(line).collect();
    let (city, region) = match (line(5), line(6)) {
        (l5, Some(l6)) => (Some(l6), l5),
        (Some(l5), None) => (Some(l5), None),
        (None, None) => (None, None),
    };
    let mut address = Address {
        street: (!street.is_empty()).then(|| street.join(", ")),
        city,
        region,
        postal_code: a.child_value("AddressPostalCode").map(str::to_string),
        country: None,
        note: None,
    };
    if let Some(text) = a.child_value("AddressCountry") {
        match country(text) {
            Some(code) => {
                Entity::push_unique(&mut e.countries, code.clone());
                address.country = Some(code);
            }
            None => address.note = Some(format!("country: {text}")),
        }
    }
    if !address.is_empty() {
        Entity::push_unique(&mut e.addresses, address);
    }
}

/// The issuing country named at the start of a passport note
/// ("Afghanistan passport number P04581926, issued in Kandahar").
fn country_before(note: &str, word: &str) -> Option<String> {
    let lower = note.to_ascii_lowercase();
    let pos = lower.find(word)?;
    let head = note.get(..pos)?.trim();
    if head.is_empty() || head.split_whitespace().count() > 5 {
        return None;
    }
    country(head)
}

fn read_individual(e: &mut Entity, ind: &Node) {
    for dob in values(ind, &["DOBs", "DOB"]) {
        match dmy_date(dob) {
            Some(d) => Entity::push_unique(&mut e.birth_dates, DateSpec::exact(d)),
            None => e.remarks.push(format!("date of birth: {dob}")),
        }
    }
    for nat in values(ind, &["Nationalities", "Nationality"]) {
        match country(nat) {
            Some(code) => Entity::push_unique(&mut e.nationalities, code),
            None => e.remarks.push(format!("nationality: {nat}")),
        }
    }
    for g in values(ind, &["Genders", "Gender"]) {
        match g.to_ascii_lowercase().as_str() {
            "male" => e.gender = Some(Gender::Male),
            "female" => e.gender = Some(Gender::Female),
            _ => e.add_property("gender", g),
        }
    }
    for p in values(ind, &["Positions", "Position"]) {
        e.add_property("position", p);
    }
    for p in ind.path(&["PassportDetails", "Passport"]) {
        let Some(number) = p.child_value("PassportNumber") else {
            continue;
        };
        let note = p.child_value("PassportAdditionalInformation");
        let id = Identifier {
            kind: IdKind::Passport,
            value: number.to_string(),
            country: note.and_then(|n| country_before(n, "passport")),
            note: note.map(str::to_string),
        };
        Entity::push_unique(&mut e.identifiers, id);
    }
    for n in ind.path(&["NationalIdentifierDetails", "NationalIdentifier"]) {
        let Some(number) = n.child_value("NationalIdentifierNumber") else {
            continue;
        };
        let note = n.child_value("NationalIdentifierAdditionalInformation");
        let id = Identifier {
            kind: IdKind::NationalId,
            value: number.to_string(),
            country: note.and_then(|n| country_before(n, "national")),
            note: note.map(str::to_string),
        };
        Entity::push_unique(&mut e.identifiers, id);
    }
    for loc in ind.path(&["BirthDetails", "Location"]) {
        let place: Vec<&str> = loc
            .children
            .iter()
            .filter_map(Node::value)
            .collect::<Vec<_>>();
        if !place.is_empty() {
            Entity::push_unique(&mut e.birth_places, place.join(", "));
        }
    }
}

fn read_entity(e: &mut Entity, ent: &Node) {
    for t in values(ent, &["TypeOfEntities", "TypeOfEntity"]) {
        e.add_property("classification", t);
    }
    for r in values(
        ent,
        &["BusinessRegistrationNumbers", "BusinessRegistrationNumber"],
    ) {
        // "UK Company no. 06527449": the value is the last token with a digit.
        let value = r
            .split_whitespace()
            .rev()
            .find(|t| t.chars().any(|c| c.is_ascii_digit()))
            .unwrap_or(r);
        let id = Identifier {
            kind: IdKind::Registration,
            value: value.to_string(),
            country: None,
            note: (value != r).then(|| r.to_string()),
        };
        Entity::push_unique(&mut e.identifiers, id);
    }
    for (path, relation) in [
        (["ParentCompanies", "ParentCompany"], "parent"),
        (["Subsidiaries", "Subsidiary"], "subsidiary"),
    ] {
        for target in values(ent, &path) {
            Entity::push_unique(
                &mut e.links,
                Link {
                    relation: relation.into(),
                    target_name: target.to_string(),
                    target_id: None,
                },
            );
        }
    }
}

fn read_ship(e: &mut Entity, ship: &Node) {
    for imo in values(ship, &["IMONumbers", "IMONumber"]) {
        let digits: String = imo.chars().filter(char::is_ascii_digit).collect();
        let value = if digits.len() == 7 {
            digits
        } else {
            imo.to_string()
        };
        Entity::push_unique(
            &mut e.identifiers,
            Identifier {
                kind: IdKind::Imo,
                value,
                country: None,
                note: None,
            },
        );
    }
    for flag in values(
        ship,
        &["CurrentBelievedFlagOfShips", "CurrentBelievedFlagOfShip"],
    ) {
        match country(flag) {
            Some(code) => {
                Entity::push_unique(&mut e.countries, code.clone());
                e.add_property("flag", code);
            }
            None => e.add_property("flag", flag),
        }
    }
    for flag in values(ship, &["PreviousFlags", "PreviousFlag"]) {
        e.add_property(
            "pastFlags",
            country(flag).unwrap_or_else(|| flag.to_string()),
        );
    }
    for owner in values(ship, &["CurrentOwnerOperators", "CurrentOwnerOperator"]) {
        Entity::push_unique(
            &mut e.links,
            Link {
                relation: "owner_operator".into(),
                target_name: owner.to_string(),
                target_id: None,
            },
        );
    }
    for (path, prop) in [
        (["TypeOfShipDetails", "TypeOfShip"], "type"),
        (["TonnageOfShipDetails", "TonnageOfShip"], "tonnage"),
        (["LengthOfShipDetails", "LengthOfShip"], "length"),
        (["YearBuiltDetails", "YearBuilt"], "buildDate"),
        (
            ["HullIdentificationNumbers", "HullIdentificationNumber"],
            "hin",
        ),
        (["CallSigns", "CallSign"], "callSign"),
    ] {
        for v in values(ship, &path) {
            e.add_property(prop, v);
        }
    }
    for v in values(ship, &["MMSINumbers", "MMSINumber"]) {
        Entity::push_unique(
            &mut e.identifiers,
            Identifier {
                kind: IdKind::Mmsi,
                value: v.to_string(),
                country: None,
                note: None,
            },
        );
    }
    for name in values(ship, &["PreviousNames", "PreviousName"]) {
        e.push_name(Name::new(name, NameKind::Former));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uk_dates() {
        assert_eq!(dmy_date("12/05/1958"), PartialDate::ymd(1958, 5, 12));
        assert_eq!(dmy_date("dd/mm/1945"), Some(PartialDate::year(1945)));
        assert_eq!(dmy_date("00/05/1958"), PartialDate::ym(1958, 5));
        assert_eq!(dmy_date("00/00/1958"), Some(PartialDate::year(1958)));
        assert_eq!(dmy_date("1946"), Some(PartialDate::year(1946)));
        assert_eq!(dmy_date("31/02/1958"), None);
        assert_eq!(dmy_date("circa 1958"), None);
    }
}
