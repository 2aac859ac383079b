//! The OFAC `sdnList` XML (`sdn.xml`, `consolidated.xml`).
//!
//! ```xml
//! <sdnList xmlns="…">
//!   <publshInformation><Publish_Date>01/08/2026</Publish_Date>…</publshInformation>
//!   <sdnEntry>
//!     <uid>9639</uid><firstName>…</firstName><lastName>…</lastName><sdnType>Individual</sdnType>
//!     <programList><program>NS-PLC</program></programList>
//!     <idList><id><idType>Passport</idType><idNumber>…</idNumber><idCountry>…</idCountry></id></idList>
//!     <akaList><aka><type>a.k.a.</type><category>strong</category><lastName>…</lastName></aka></akaList>
//!     <addressList/> <nationalityList/> <citizenshipList/> <dateOfBirthList/> <placeOfBirthList/>
//!     <vesselInfo><callSign/><vesselType/><vesselFlag/><vesselOwner/><tonnage/><grossRegisteredTonnage/></vesselInfo>
//!     <remarks>…</remarks>
//!   </sdnEntry>
//! </sdnList>
//! ```
//!
//! The `idType` values are the labels of the CSV remarks (`Passport`,
//! `Gender`, `Website`, `Vessel Registration Identification`, …), so they are
//! read by the same code ([`super::remarks::apply_fact`]).

use super::remarks::{apply_fact, apply_remarks, parse_date, parse_date_spec, split_person_name};
use super::{resolve_links, source_for};
use crate::error::{FormatError, Result};
use crate::xml::{decode, read_records, Node};
use crate::{Format, Input, ParsedList};
use interdict_model::country::country_code;
use interdict_model::{Address, Entity, Link, Name, NameKind, NameQuality, Schema};

/// Parses an `sdnList` file.
pub(super) fn parse(main: &Input) -> Result<ParsedList> {
    let file = main.name.as_str();
    let text = decode(&main.bytes, file)?;
    let source = source_for(file);
    let mut entities = Vec::new();
    let root = read_records(&text, file, &["sdnEntry"], |node| {
        entities.push(entry(&node, file, source)?);
        Ok(())
    })?;
    if root.name != "sdnList" {
        return Err(FormatError::Invalid {
            file: file.to_string(),
            line: root.line,
            message: format!("expected the root element <sdnList>, found <{}>", root.name),
        });
    }
    let publisher_date = root
        .path(&["publshInformation", "Publish_Date"])
        .into_iter()
        .chain(root.path(&["publishInformation", "Publish_Date"]))
        .find_map(Node::value)
        .and_then(parse_date)
        .map(|d| d.to_string());
    resolve_links(&mut entities);
    Ok(ParsedList {
        warnings: Vec::new(),
        source: source.to_string(),
        format: Format::OfacXml,
        publisher_date,
        entities,
    })
}

fn invalid(file: &str, line: usize, message: String) -> FormatError {
    FormatError::Invalid {
        file: file.to_string(),
        line,
        message,
    }
}

/// `LAST, First` as OFAC writes names in its CSV files, with the parts.
fn name_of(node: &Node, kind: NameKind) -> Option<Name> {
    let last = node.child_value("lastName");
    let first = node.child_value("firstName");
    let full = match (last, first) {
        (Some(l), Some(f)) => format!("{l}, {f}"),
        (Some(l), None) => l.to_string(),
        (None, Some(f)) => f.to_string(),
        (None, None) => return None,
    };
    let mut name = Name::new(full, kind);
    if first.is_some() {
        name.family = last.map(str::to_string);
        name.given = first.map(str::to_string);
    }
    Some(name)
}

fn entry(node: &Node, file: &str, source: &str) -> Result<Entity> {
    let uid = node
        .child_value("uid")
        .ok_or_else(|| invalid(file, node.line, "an sdnEntry without <uid>".into()))?;
    let schema = match node
        .child_value("sdnType")
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("individual") => Schema::Person,
        Some("entity") | None => Schema::Organization,
        Some("vessel") => Schema::Vessel,
        Some("aircraft") => Schema::Airplane,
        Some(other) => {
            return Err(invalid(
                file,
                node.line,
                format!("sdnEntry {uid}: unknown sdnType {other:?}"),
            ))
        }
    };
    let mut e = Entity::new(source, uid, schema);
    let primary = name_of(node, NameKind::Primary)
        .ok_or_else(|| invalid(file, node.line, format!("sdnEntry {uid} has no name")))?;
    e.push_name(primary);
    let title = node.child_value("title");
    if let Some(t) = title {
        e.add_property("position", t);
    }
    for p in node
        .path(&["programList", "program"])
        .into_iter()
        .filter_map(Node::value)
    {
        Entity::push_unique(&mut e.programmes, p.to_string());
    }

    for aka in node.path(&["akaList", "aka"]) {
        let kind = match aka
            .child_value("type")
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("f.k.a.") => NameKind::Former,
            _ => NameKind::Alias,
        };
        let quality = match aka
            .child_value("category")
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("strong") => NameQuality::Strong,
            Some("weak") => NameQuality::Weak,
            _ => NameQuality::Unknown,
        };
        if let Some(mut name) = name_of(aka, kind) {
            name.quality = quality;
            if schema == Schema::Person && name.family.is_none() {
                split_person_name(&mut name);
            }
            e.push_name(name);
        }
    }

    let mut unparsed: Vec<String> = Vec::new();
    for id in node.path(&["idList", "id"]) {
        let Some(id_type) = id.child_value("idType") else {
            continue;
        };
        let number = id.child_value("idNumber").unwrap_or("");
        let country = id.child_value("idCountry");
        let mut notes = Vec::new();
        if let Some(d) = id.child_value("issueDate") {
            notes.push(format!("issued {d}"));
        }
        if let Some(d) = id.child_value("expirationDate") {
            notes.push(format!("expires {d}"));
        }
        let note = (!notes.is_empty()).then(|| notes.join(" "));
        let fact = format!("{id_type} {number}");
        if !apply_fact(&mut e, &fact, country, note) {
            let mut text = fact.trim().to_string();
            if let Some(c) = country {
                text.push_str(&format!(" ({c})"));
            }
            unparsed.push(text);
        }
    }

    for list in [
        ["nationalityList", "nationality"],
        ["citizenshipList", "citizenship"],
    ] {
        for n in node.path(&list) {
            if let Some(c) = n.child_value("country") {
                match country_code(c) {
                    Some(code) => Entity::push_unique(&mut e.nationalities, code.to_string()),
                    None => unparsed.push(format!("{} {c}", &list[1])),
                }
            }
        }
    }
    for item in node.path(&["dateOfBirthList", "dateOfBirthItem"]) {
        if let Some(d) = item.child_value("dateOfBirth") {
            match parse_date_spec(d) {
                Some(spec) => Entity::push_unique(&mut e.birth_dates, spec),
                None => unparsed.push(format!("DOB {d}")),
            }
        }
    }
    for item in node.path(&["placeOfBirthList", "placeOfBirthItem"]) {
        if let Some(p) = item.child_value("placeOfBirth") {
            Entity::push_unique(&mut e.birth_places, p.to_string());
        }
    }
    for a in node.path(&["addressList", "address"]) {
        add_address(&mut e, a);
    }
    if let Some(v) = node.child("vesselInfo") {
        for (el, prop) in [
            ("callSign", "callSign"),
            ("vesselType", "vesselType"),
            ("tonnage", "tonnage"),
            ("grossRegisteredTonnage", "grossRegisteredTonnage"),
        ] {
            if let Some(value) = v.child_value(el) {
                e.add_property(prop, value);
            }
        }
        if let Some(flag) = v.child_value("vesselFlag") {
            e.add_property("flag", flag);
            if let Some(code) = country_code(flag) {
                Entity::push_unique(&mut e.countries, code.to_string());
            }
        }
        if let Some(owner) = v.child_value("vesselOwner") {
            Entity::push_unique(
                &mut e.links,
                Link {
                    relation: "owner".into(),
                    target_name: owner.to_string(),
                    target_id: None,
                },
            );
        }
    }
    if !unparsed.is_empty() {
        Entity::push_unique(&mut e.remarks, unparsed.join("; "));
    }
    if let Some(r) = node.child_value("remarks") {
        let skip: Vec<&str> = title.into_iter().collect();
        apply_remarks(&mut e, r, &skip);
    }
    Ok(e)
}

fn add_address(e: &mut Entity, a: &Node) {
    let street: Vec<&str> = ["address1", "address2", "address3"]
        .iter()
        .filter_map(|el| a.child_value(el))
        .collect();
    let mut address = Address {
        street: (!street.is_empty()).then(|| street.join(", ")),
        city: a.child_value("city").map(str::to_string),
        region: a.child_value("stateOrProvince").map(str::to_string),
        postal_code: a.child_value("postalCode").map(str::to_string),
        ..Address::default()
    };
    if let Some(c) = a.child_value("country") {
        match country_code(c) {
            Some(code) => {
                address.country = Some(code.to_string());
                Entity::push_unique(&mut e.countries, code.to_string());
            }
            None => address.note = Some(c.to_string()),
        }
    }
    if !address.is_empty() {
        Entity::push_unique(&mut e.addresses, address);
    }
}
