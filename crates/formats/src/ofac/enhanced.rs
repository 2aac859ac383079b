//! The OFAC "Enhanced XML" of the Sanctions List Service (`SDN_ENHANCED.XML`,
//! `CONS_ENHANCED.XML`, usually shipped zipped).
//!
//! ```xml
//! <sanctionsData xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ENHANCED_XML">
//!   <publicationInfo><dataAsOf>2025-01-10T00:00:00</dataAsOf>
//!     <filters><sanctionsLists><sanctionsList refId="91512">Consolidated List</sanctionsList></sanctionsLists></filters>
//!   </publicationInfo>
//!   <referenceValues>…</referenceValues>
//!   <entities>
//!     <entity id="9639">
//!       <generalInfo><identityId>1978</identityId><entityType refId="600">Individual</entityType><remarks>…</remarks></generalInfo>
//!       <sanctionsLists><sanctionsList refId="91243" id="14296" datePublished="2006-04-12">Non-SDN Palestinian Legislative Council List</sanctionsList></sanctionsLists>
//!       <sanctionsPrograms><sanctionsProgram refId="91055" id="6243">NS-PLC</sanctionsProgram></sanctionsPrograms>
//!       <names><name id="17177"><isPrimary>true</isPrimary><aliasType>A.K.A.</aliasType><isLowQuality>false</isLowQuality>
//!         <translations><translation id="1978"><isPrimary>true</isPrimary><script>Latin</script>
//!           <formattedFirstName>…</formattedFirstName><formattedLastName>…</formattedLastName><formattedFullName>HANIYA, Ismail Abdul Salah</formattedFullName>
//!         </translation></translations></name></names>
//!       <addresses><address id="12128"><country>Palestinian</country><translations><translation><addressParts>
//!         <addressPart><type>STATE/PROVINCE</type><value>Gaza</value></addressPart></addressParts></translation></translations></address></addresses>
//!       <features><feature><type featureTypeId="8">Birthdate</type><value>1962</value>…</feature></features>
//!       <identityDocuments><identityDocument><type>Passport</type><documentNumber>…</documentNumber><issuingCountry>…</issuingCountry></identityDocument></identityDocuments>
//!       <relationships><relationship><type>Owned or Controlled By</type><relatedEntity entityId="17013">VTB BANK …</relatedEntity></relationship></relationships>
//!     </entity>
//!   </entities>
//! </sanctionsData>
//! ```
//!
//! The `entity id` is the `ent_num` / `uid` of the other OFAC formats, so an
//! entry has the same id (`ofac:<id>` or `ofac-cons:<id>`) whichever format
//! it is read from. The list is told by the file itself: a
//! `publicationInfo` filter naming only "SDN List" is the SDN list, one
//! naming "Consolidated List" (and not the SDN list) the Consolidated list;
//! otherwise the file name decides, as for the other formats.
//!
//! Names: the primary name is the Latin translation of the `name` with
//! `isPrimary`; `aliasType` F.K.A. makes a former name, A.K.A./N.K.A. an
//! alias, graded weak by `isLowQuality` and strong otherwise (as the
//! `sdnList` categories). Translations into other scripts are aliases of the
//! same kind and grading. Features and identity documents carry the labels
//! of the CSV remarks (`Passport`, `Website`, `Secondary sanctions risk:`,
//! …), so they are read by the same code ([`super::remarks::apply_fact`]);
//! `Birthdate`, `Place of Birth`, `Nationality Country` and `Citizenship
//! Country` are the remarks' `DOB`, `POB`, `nationality` and `citizen`.
//! Relationships become `linked_to` links (as the remarks' `Linked To:`)
//! whose target id is the related entity's when it is in the same file. The
//! listing date is the earliest `datePublished` of the record's lists.

use super::remarks::{apply_fact, apply_remarks, split_person_name};
use super::{resolve_links, source_for};
use crate::error::Result;
use crate::un::{expect_root, invalid, iso_date, script_of};
use crate::xml::{decode, read_records, Node};
use crate::{Format, Input, ParsedList};
use interdict_model::country::country_code;
use interdict_model::{Address, Entity, Link, Name, NameKind, NameQuality, PartialDate, Schema};
use std::collections::HashSet;

/// Parses an Enhanced XML file.
pub(super) fn parse(main: &Input) -> Result<ParsedList> {
    let file = main.name.as_str();
    let text = decode(&main.bytes, file)?;
    expect_root(&text, file, "sanctionsData", "an OFAC Enhanced")?;
    let mut source = source_for(file);
    let mut publisher_date = None;
    let mut entities = Vec::new();
    read_records(&text, file, &["publicationInfo", "entity"], |node| {
        if node.name == "publicationInfo" {
            if let Some(s) = source_of(&node) {
                source = s;
            }
            publisher_date = node
                .child_value("dataAsOf")
                .and_then(iso_date)
                .map(|d| d.to_string());
        } else {
            entities.push(entity(&node, file, source)?);
        }
        Ok(())
    })?;
    // Relationship targets outside this file cannot be resolved by id.
    let ids: HashSet<String> = entities.iter().map(|e| e.id.clone()).collect();
    for e in &mut entities {
        for link in &mut e.links {
            if link.target_id.as_ref().is_some_and(|t| !ids.contains(t)) {
                link.target_id = None;
            }
        }
    }
    resolve_links(&mut entities);
    Ok(ParsedList {
        warnings: Vec::new(),
        source: source.to_string(),
        format: Format::OfacEnhancedXml,
        publisher_date,
        entities,
    })
}

/// The list a file holds by its `publicationInfo` filter, when it says.
fn source_of(info: &Node) -> Option<&'static str> {
    let lists: Vec<&str> = info
        .path(&["filters", "sanctionsLists", "sanctionsList"])
        .into_iter()
        .filter_map(Node::value)
        .collect();
    let sdn = lists.iter().any(|l| l.eq_ignore_ascii_case("SDN List"));
    let cons = lists
        .iter()
        .any(|l| l.eq_ignore_ascii_case("Consolidated List"));
    match (sdn, cons) {
        (true, false) if lists.len() == 1 => Some("ofac"),
        (false, true) => Some("ofac-cons"),
        _ => None,
    }
}

fn entity(node: &Node, file: &str, source: &str) -> Result<Entity> {
    let id = node
        .attr_value("id")
        .ok_or_else(|| invalid(file, node.line, "an <entity> without an id".into()))?;
    let info = node.child("generalInfo");
    let entity_type = info.and_then(|i| i.child_value("entityType"));
    let schema = match entity_type.map(str::to_ascii_lowercase).as_deref() {
        Some("individual") => Schema::Person,
        Some("entity") => Schema::Organization,
        Some("vessel") => Schema::Vessel,
        Some("aircraft") => Schema::Airplane,
        Some(_) => {
            return Err(invalid(
                file,
                node.line,
                format!(
                    "entity {id}: unknown entityType {:?}",
                    entity_type.unwrap_or("")
                ),
            ))
        }
        None => {
            return Err(invalid(
                file,
                node.line,
                format!("entity {id} has no generalInfo/entityType"),
            ))
        }
    };
    let mut e = Entity::new(source, id, schema);
    read_names(&mut e, node);
    if e.names.is_empty() {
        return Err(invalid(file, node.line, format!("entity {id} has no name")));
    }
    for p in node
        .path(&["sanctionsPrograms", "sanctionsProgram"])
        .into_iter()
        .filter_map(Node::value)
    {
        Entity::push_unique(&mut e.programmes, p.to_string());
    }
    let mut earliest: Option<PartialDate> = None;
    for list in node.path(&["sanctionsLists", "sanctionsList"]) {
        if let Some(d) = list.attr_value("datePublished").and_then(iso_date) {
            if earliest.is_none_or(|x| d < x) {
                earliest = Some(d);
            }
        }
    }
    e.listed_on = earliest;

    let mut unparsed: Vec<String> = Vec::new();
    for f in node.path(&["features", "feature"]) {
        let (Some(kind), Some(value)) = (f.child_value("type"), f.child_value("value")) else {
            continue;
        };
        let label = match kind {
            "Birthdate" => "DOB",
            "Place of Birth" => "POB",
            "Nationality Country" => "nationality",
            "Citizenship Country" => "citizen",
            other => other,
        };
        if !apply_fact(&mut e, &format!("{label} {value}"), None, None) {
            unparsed.push(format!("{kind} {value}"));
        }
    }
    for doc in node.path(&["identityDocuments", "identityDocument"]) {
        let (Some(kind), Some(number)) =
            (doc.child_value("type"), doc.child_value("documentNumber"))
        else {
            continue;
        };
        let country = doc.child_value("issuingCountry");
        let mut notes = Vec::new();
        if let Some(d) = doc.child_value("issueDate") {
            notes.push(format!("issued {d}"));
        }
        if let Some(d) = doc.child_value("expirationDate") {
            notes.push(format!("expires {d}"));
        }
        if doc.child_value("isValid") == Some("false") {
            notes.push("not valid".to_string());
        }
        let note = (!notes.is_empty()).then(|| notes.join(" "));
        if !apply_fact(&mut e, &format!("{kind} {number}"), country, note) {
            let mut text = format!("{kind} {number}");
            if let Some(c) = country {
                text.push_str(&format!(" ({c})"));
            }
            unparsed.push(text);
        }
    }
    for a in node.path(&["addresses", "address"]) {
        read_address(&mut e, a);
    }
    for r in node.path(&["relationships", "relationship"]) {
        let Some(target) = r.child("relatedEntity") else {
            continue;
        };
        let Some(name) = target.value() else {
            continue;
        };
        let link = Link {
            relation: "linked_to".into(),
            target_name: name.to_string(),
            target_id: target
                .attr_value("entityId")
                .map(|t| format!("{source}:{t}")),
        };
        Entity::push_unique(&mut e.links, link);
    }
    if !unparsed.is_empty() {
        Entity::push_unique(&mut e.remarks, unparsed.join("; "));
    }
    if let Some(r) = info.and_then(|i| i.child_value("remarks")) {
        apply_remarks(&mut e, r, &[]);
    }
    // A "Linked To:" in the remarks repeats a relationship, which has the id.
    let with_id: Vec<(String, String)> = e
        .links
        .iter()
        .filter(|l| l.target_id.is_some())
        .map(|l| (l.relation.clone(), l.target_name.to_uppercase()))
        .collect();
    e.links.retain(|l| {
        l.target_id.is_some()
            || !with_id.contains(&(l.relation.clone(), l.target_name.to_uppercase()))
    });
    Ok(e)
}

fn read_names(e: &mut Entity, node: &Node) {
    let names = node.path(&["names", "name"]);
    // the primary name first, whatever its place in the file
    let order = names
        .iter()
        .filter(|n| n.child_value("isPrimary") == Some("true"))
        .chain(
            names
                .iter()
                .filter(|n| n.child_value("isPrimary") != Some("true")),
        );
    for n in order {
        let primary = n.child_value("isPrimary") == Some("true");
        let kind = match n
            .child_value("aliasType")
            .map(str::to_ascii_uppercase)
            .as_deref()
        {
            _ if primary => NameKind::Primary,
            Some("F.K.A.") => NameKind::Former,
            _ => NameKind::Alias,
        };
        let quality = match (primary, n.child_value("isLowQuality")) {
            (true, _) => NameQuality::Unknown,
            (false, Some("true")) => NameQuality::Weak,
            (false, _) => NameQuality::Strong,
        };
        let translations = n.path(&["translations", "translation"]);
        let order = translations
            .iter()
            .filter(|t| t.child_value("isPrimary") == Some("true"))
            .chain(
                translations
                    .iter()
                    .filter(|t| t.child_value("isPrimary") != Some("true")),
            );
        for (i, t) in order.enumerate() {
            let Some(full) = t.child_value("formattedFullName") else {
                continue;
            };
            // only the main translation of the primary name is primary
            let kind = if kind == NameKind::Primary && i > 0 {
                NameKind::Alias
            } else {
                kind
            };
            let mut name = Name::new(full, kind).with_quality(quality);
            name.script = script_of(full).map(str::to_string);
            let first = t.child_value("formattedFirstName");
            if first.is_some() {
                name.given = first.map(str::to_string);
                name.family = t.child_value("formattedLastName").map(str::to_string);
            } else if e.schema == Schema::Person {
                split_person_name(&mut name);
            }
            e.push_name(name);
        }
    }
}

fn read_address(e: &mut Entity, a: &Node) {
    let translations = a.path(&["translations", "translation"]);
    let main = translations
        .iter()
        .find(|t| t.child_value("isPrimary") == Some("true"))
        .or_else(|| translations.first());
    let mut street: Vec<&str> = Vec::new();
    let mut address = Address::default();
    let mut region: Vec<&str> = Vec::new();
    if let Some(t) = main {
        for part in t.path(&["addressParts", "addressPart"]) {
            let (Some(kind), Some(value)) = (part.child_value("type"), part.child_value("value"))
            else {
                continue;
            };
            match kind.to_ascii_uppercase().as_str() {
                "ADDRESS1" | "ADDRESS2" | "ADDRESS3" => street.push(value),
                "CITY" => address.city = Some(value.to_string()),
                "STATE/PROVINCE" | "REGION" => {
                    if !region.contains(&value) {
                        region.push(value);
                    }
                }
                "POSTAL CODE" => address.postal_code = Some(value.to_string()),
                _ => street.push(value),
            }
        }
    }
    address.street = (!street.is_empty()).then(|| street.join(", "));
    address.region = (!region.is_empty()).then(|| region.join(", "));
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
