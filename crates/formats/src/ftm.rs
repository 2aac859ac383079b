//! OpenSanctions FollowTheMoney entities, one JSON object per line
//! (`entities.ftm.json`), source `opensanctions`.
//!
//! Each line is `{"id", "schema", "caption", "properties": {name: [values]},
//! "datasets", "referents", "first_seen", "last_seen", "last_change", ...}`.
//! Entities of the schemata the model has (`Person`, `Organization`,
//! `Company`, `LegalEntity`, `Vessel`, `Airplane`; `PublicBody` reads as
//! `Organization`) become [`Entity`] values with id `opensanctions:<id>`; the
//! others are folded into them:
//!
//! * `Sanction` (`entity` → the sanctioned entity): `programId` and
//!   `program` → programmes (the `authority` when neither is given),
//!   the earliest `listingDate` (else `startDate`) → listed_on, `reason` →
//!   remarks, `authority` → property `authority`;
//! * `Address` entities → `addresses` of the entities whose `addressEntity`
//!   points at them;
//! * `Passport` / `Identification` (`holder`) → identifiers;
//! * relation schemata → [`Link`]s on both ends, with `target_id`
//!   `opensanctions:<id>` and `target_name` the other end's caption when the
//!   file has it: `Ownership` (the asset gets `owner`, the owner `owns`),
//!   `Directorship` (`director` / `director_of`), `Family` (`family`),
//!   `Associate` (`associate`), `Membership` (`member` / `member_of`),
//!   `Employment` (`employee` / `employer`), `Representation` (`agent` /
//!   `client`), `Succession` (`predecessor` / `successor`), `UnknownLink`
//!   (`linked_to`).
//!
//! Other schemata (e.g. `BankAccount`, `Position`) are skipped.
//!
//! Properties: `name` (the caption is the primary name, the other values
//! aliases), `alias`, `weakAlias` (weak), `previousName` (former);
//! `firstName`, `middleName`, `fatherName` and `lastName` give the given and
//! family parts of the primary name; `birthDate` (ISO dates, partial allowed)
//! → birth_dates, `birthPlace`, `nationality`/`citizenship` → nationalities,
//! `country`/`jurisdiction` → countries (lower-case FtM codes become ISO
//! alpha-2; FtM's `suhh`, `yucs`, `cshh`, `csxx`, `ddde`, `anhh` become `SU`,
//! `YU`, `CS`, `RS`, `DD`, `AN`), `gender`, identifier properties
//! (`passportNumber`, `idNumber`, `taxNumber`, `innCode`, `ogrnCode`,
//! `registrationNumber`, `imoNumber`, `mmsi`, `swiftBic`, ...) →
//! identifiers, `programId`/`program` → programmes, `notes` → remarks,
//! `address` texts → addresses when no address entity is linked, and
//! everything else (including `topics`, `datasets`, `referents`) →
//! properties under the FtM name.
//!
//! The publisher date is the newest `last_change` or `last_seen` timestamp in
//! the file: FtM exports carry no edition date, and `last_seen` is when
//! OpenSanctions last saw the data at its sources.
//!
//! A file with an entity inline in a property is nested targets
//! (`targets.nested.json`) whose start had none, so that detection took it
//! for this format: it is read by [`crate::ftm_nested`] instead, and the list
//! says [`Format::FtmNested`].

use crate::error::{FormatError, Result};
use crate::{Format, Input, ParsedList};
use interdict_model::country::country_code;
use interdict_model::{
    Address, DateSpec, Entity, Gender, IdKind, Identifier, Link, Name, NameKind, NameQuality,
    PartialDate, Schema,
};
use serde::Deserialize;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};

/// The source name: OpenSanctions, whichever of its export formats
/// (`entities.ftm.json`, `targets.nested.json`, `targets.simple.csv`) the
/// entities were read from, so that one entity has one id in all three.
pub const SOURCE: &str = "opensanctions";

/// One line as read.
#[derive(Debug, Deserialize)]
struct RawLine {
    id: Option<Value>,
    schema: Option<Value>,
    #[serde(default)]
    caption: Option<Value>,
    #[serde(default)]
    properties: Option<serde_json::Map<String, Value>>,
    #[serde(default)]
    datasets: Option<Value>,
    #[serde(default)]
    referents: Option<Value>,
    #[serde(default)]
    last_seen: Option<Value>,
    #[serde(default)]
    last_change: Option<Value>,
}

/// One FtM object with its properties as string lists.
pub(crate) struct Raw {
    pub(crate) id: String,
    pub(crate) schema: String,
    pub(crate) caption: Option<String>,
    pub(crate) props: BTreeMap<String, Vec<String>>,
    pub(crate) datasets: Vec<String>,
    pub(crate) referents: Vec<String>,
}

impl Raw {
    pub(crate) fn values(&self, prop: &str) -> &[String] {
        self.props.get(prop).map_or(&[], Vec::as_slice)
    }
}

/// The strings in a JSON value: a string, a number, a list of them, or
/// nested entities (their `id`).
pub(crate) fn strings(value: &Value) -> Vec<String> {
    match value {
        Value::String(s) => {
            let s = s.trim();
            if s.is_empty() {
                Vec::new()
            } else {
                vec![s.to_string()]
            }
        }
        Value::Number(n) => vec![n.to_string()],
        Value::Bool(b) => vec![b.to_string()],
        Value::Array(items) => items.iter().flat_map(strings).collect(),
        Value::Object(map) => map.get("id").map(strings).unwrap_or_default(),
        Value::Null => Vec::new(),
    }
}

pub(crate) fn first_string(value: Option<&Value>) -> Option<String> {
    value.and_then(|v| strings(v).into_iter().next())
}

/// The text of a JSON-lines file: UTF-8 without a byte-order mark, not blank.
pub(crate) fn text_of(input: &Input) -> Result<&str> {
    let text = std::str::from_utf8(&input.bytes).map_err(|e| {
        let good = input.bytes.get(..e.valid_up_to()).unwrap_or(&[]);
        FormatError::Encoding {
            file: input.name.clone(),
            line: 1 + good.iter().filter(|&&b| b == b'\n').count(),
            encoding: "UTF-8",
        }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(FormatError::Empty {
            file: input.name.clone(),
        });
    }
    Ok(text)
}

/// Keeps the greater of `newest` and the timestamp in `stamp`.
pub(crate) fn note_newest(newest: &mut Option<String>, stamp: Option<&Value>) {
    if let Some(s) = first_string(stamp) {
        if newest.as_ref().is_none_or(|n| *n < s) {
            *newest = Some(s);
        }
    }
}

/// Parses one file.
pub fn parse(input: &Input) -> Result<ParsedList> {
    let text = text_of(input)?;

    // Pass 1: read every object.
    let mut raws: Vec<(usize, Raw)> = Vec::new();
    let mut newest: Option<String> = None;
    for (i, line) in text.split('\n').enumerate() {
        let line_no = i + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if !line.starts_with('{') {
            return Err(FormatError::Json {
                file: input.name.clone(),
                line: line_no,
                message: "expected one JSON object per line".into(),
            });
        }
        let raw: RawLine = serde_json::from_str(line).map_err(|e| FormatError::Json {
            file: input.name.clone(),
            line: line_no,
            message: e.to_string(),
        })?;
        let invalid = |message: &str| FormatError::Invalid {
            file: input.name.clone(),
            line: line_no,
            message: message.to_string(),
        };
        let id = first_string(raw.id.as_ref()).ok_or_else(|| invalid("an entity without an id"))?;
        let schema = first_string(raw.schema.as_ref())
            .ok_or_else(|| invalid(&format!("entity {id} has no schema")))?;
        for stamp in [&raw.last_seen, &raw.last_change] {
            note_newest(&mut newest, stamp.as_ref());
        }
        let mut props = BTreeMap::new();
        for (k, v) in raw.properties.iter().flatten() {
            if crate::ftm_nested::holds_object(v) {
                // An entity inline: nested targets that detection, which
                // looks only at the start of a file, took for plain FtM.
                return crate::ftm_nested::parse(input);
            }
            let vals = strings(v);
            if !vals.is_empty() {
                props.insert(k.clone(), vals);
            }
        }
        raws.push((
            line_no,
            Raw {
                id,
                schema,
                caption: first_string(raw.caption.as_ref()),
                props,
                datasets: raw.datasets.as_ref().map(strings).unwrap_or_default(),
                referents: raw.referents.as_ref().map(strings).unwrap_or_default(),
            },
        ));
    }
    build(&input.name, &raws, Format::Ftm, newest)
}

/// Turns the FtM objects of a file into the list: the objects of the
/// [screenable schemata](entity_schema) become entities (an id twice is an
/// error naming the second line), and the others are folded into them as the
/// module documentation says.
pub(crate) fn build(
    file: &str,
    raws: &[(usize, Raw)],
    format: Format,
    publisher_date: Option<String>,
) -> Result<ParsedList> {
    // Captions of everything in the file, for link target names.
    let captions: HashMap<&str, &str> = raws
        .iter()
        .filter_map(|(_, r)| {
            let caption = r
                .caption
                .as_deref()
                .or_else(|| r.values("name").first().map(String::as_str))?;
            Some((r.id.as_str(), caption))
        })
        .collect();
    // Merged entities list the ids they were merged from as referents, and
    // other entities may still point at those (an `addressEntity` of
    // "addr-..."); resolve them to the merged id.
    let mut canonical: HashMap<&str, &str> = HashMap::new();
    for (_, r) in raws {
        for referent in &r.referents {
            canonical.entry(referent.as_str()).or_insert(r.id.as_str());
        }
    }
    for (_, r) in raws {
        canonical.insert(r.id.as_str(), r.id.as_str());
    }
    let resolve = |id: &str| -> String { canonical.get(id).map_or(id, |c| *c).to_string() };
    let mut address_entities: HashMap<String, Address> = HashMap::new();
    for (_, r) in raws.iter().filter(|(_, r)| r.schema == "Address") {
        let address = address_from_entity(r);
        for id in std::iter::once(&r.id).chain(&r.referents) {
            address_entities.insert(id.clone(), address.clone());
        }
    }

    // Pass 2: the entities.
    let mut entities: Vec<Entity> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (line_no, raw) in raws {
        let Some(schema) = entity_schema(&raw.schema) else {
            continue;
        };
        if index.contains_key(&raw.id) {
            return Err(FormatError::Invalid {
                file: file.to_string(),
                line: *line_no,
                message: format!("the id {} occurs twice", raw.id),
            });
        }
        index.insert(raw.id.clone(), entities.len());
        entities.push(build_entity(raw, schema, &address_entities));
    }

    // Pass 3: fold the other schemata into the entities.
    for (_, raw) in raws {
        match raw.schema.as_str() {
            "Sanction" => {
                for target in raw.values("entity") {
                    if let Some(e) = index
                        .get(&resolve(target))
                        .and_then(|&i| entities.get_mut(i))
                    {
                        fold_sanction(e, raw);
                    }
                }
            }
            "Passport" | "Identification" => {
                let Some(value) = raw.values("number").first() else {
                    continue;
                };
                let kind = if raw.schema == "Passport" {
                    IdKind::Passport
                } else {
                    id_kind_from_type(raw.values("type").first().map(String::as_str))
                };
                let id = Identifier {
                    kind,
                    value: value.clone(),
                    country: raw.values("country").iter().find_map(|c| ftm_country(c)),
                    note: note_of_document(raw),
                };
                for holder in raw.values("holder") {
                    if let Some(e) = index
                        .get(&resolve(holder))
                        .and_then(|&i| entities.get_mut(i))
                    {
                        push_identifier(e, id.clone());
                    }
                }
            }
            schema => {
                let Some((a_prop, b_prop, rel_on_a, rel_on_b)) = relation(schema) else {
                    continue;
                };
                for a in raw.values(a_prop) {
                    for b in raw.values(b_prop) {
                        let (a, b) = (resolve(a), resolve(b));
                        for (from, to, relation) in [(&a, &b, rel_on_a), (&b, &a, rel_on_b)] {
                            if let Some(e) = index.get(from).and_then(|&i| entities.get_mut(i)) {
                                let link = Link {
                                    relation: relation.to_string(),
                                    target_name: captions
                                        .get(to.as_str())
                                        .map_or_else(|| to.clone(), |c| c.to_string()),
                                    target_id: Some(format!("{SOURCE}:{to}")),
                                };
                                Entity::push_unique(&mut e.links, link);
                            }
                        }
                    }
                }
            }
        }
    }

    Ok(ParsedList {
        warnings: Vec::new(),
        source: SOURCE.into(),
        format,
        publisher_date,
        entities,
    })
}

/// The model schema for an FtM schema that stays an entity.
pub(crate) fn entity_schema(schema: &str) -> Option<Schema> {
    match schema {
        "PublicBody" => Some(Schema::Organization),
        "Person" | "Organization" | "Company" | "LegalEntity" | "Vessel" | "Airplane" => {
            Schema::parse(schema)
        }
        _ => None,
    }
}

/// For a relation schema: the two entity properties and the relation each
/// end gets in its link to the other.
pub(crate) fn relation(
    schema: &str,
) -> Option<(&'static str, &'static str, &'static str, &'static str)> {
    Some(match schema {
        "Ownership" => ("owner", "asset", "owns", "owner"),
        "Directorship" => ("director", "organization", "director_of", "director"),
        "Family" => ("person", "relative", "family", "family"),
        "Associate" => ("person", "associate", "associate", "associate"),
        "Membership" => ("member", "organization", "member_of", "member"),
        "Employment" => ("employee", "employer", "employer", "employee"),
        "Representation" => ("agent", "client", "client", "agent"),
        "Succession" => ("predecessor", "successor", "successor", "predecessor"),
        "UnknownLink" => ("subject", "object", "linked_to", "linked_to"),
        _ => return None,
    })
}

/// An FtM country code or name as an ISO alpha-2 code.
pub(crate) fn ftm_country(value: &str) -> Option<String> {
    let code = match value.trim().to_ascii_lowercase().as_str() {
        "suhh" => "SU",
        "yucs" => "YU",
        "cshh" => "CS",
        "csxx" => "RS",
        "ddde" => "DD",
        "anhh" => "AN",
        "zz" | "eu" => return None,
        // Sub-national codes such as "gb-sct".
        v if v.len() > 3 && v.as_bytes().get(2) == Some(&b'-') => {
            return v.get(..2).and_then(country_code).map(str::to_string)
        }
        _ => country_code(value)?,
    };
    Some(code.to_string())
}

pub(crate) fn name(full: &str, kind: NameKind, quality: NameQuality) -> Name {
    let mut n = Name::new(full, kind).with_quality(quality);
    n.script = crate::un::script_of(full).map(str::to_string);
    n
}

/// The value of `candidates` that occurs in `caption` (case-insensitive),
/// preferring the longest; else the only candidate if there is one.
fn part_in(caption: &str, candidates: &[String]) -> Option<String> {
    let lower = caption.to_lowercase();
    candidates
        .iter()
        .filter(|c| lower.contains(&c.to_lowercase()))
        .max_by_key(|c| c.chars().count())
        .cloned()
}

/// An identifier property: FtM property, kind, issuing country implied.
type IdProp = (&'static str, fn() -> IdKind, Option<&'static str>);

/// Identifier properties, most specific first.
const ID_PROPS: &[IdProp] = &[
    ("passportNumber", || IdKind::Passport, None),
    ("innCode", || IdKind::TaxId, Some("RU")),
    ("ogrnCode", || IdKind::Registration, Some("RU")),
    ("taxNumber", || IdKind::TaxId, None),
    ("vatCode", || IdKind::TaxId, None),
    ("registrationNumber", || IdKind::Registration, None),
    ("imoNumber", || IdKind::Imo, None),
    ("mmsi", || IdKind::Mmsi, None),
    ("swiftBic", || IdKind::SwiftBic, None),
    ("leiCode", || IdKind::Other("LEI".into()), None),
    ("okpoCode", || IdKind::Other("OKPO".into()), Some("RU")),
    ("serialNumber", || IdKind::Aircraft, None),
    ("idNumber", || IdKind::NationalId, None),
];

/// Adds an identifier unless one with the same value is there already.
fn push_identifier(e: &mut Entity, id: Identifier) {
    if !e.identifiers.iter().any(|i| i.value == id.value) {
        e.identifiers.push(id);
    }
}

fn id_kind_from_type(kind: Option<&str>) -> IdKind {
    match kind.map(str::to_ascii_lowercase).as_deref() {
        None | Some("") => IdKind::NationalId,
        Some(t) if t.contains("passport") => IdKind::Passport,
        Some(t) if t.contains("tax") || t.contains("inn") => IdKind::TaxId,
        Some(t) if t.contains("national") || t.contains("identity") || t.contains("id card") => {
            IdKind::NationalId
        }
        Some(_) => IdKind::Other(kind.unwrap_or_default().to_string()),
    }
}

fn note_of_document(raw: &Raw) -> Option<String> {
    let mut parts = Vec::new();
    for (prop, label) in [
        ("type", ""),
        ("authority", "issued by "),
        ("startDate", "issued "),
        ("endDate", "expires "),
    ] {
        if let Some(v) = raw.values(prop).first() {
            parts.push(format!("{label}{v}"));
        }
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

fn address_from_entity(raw: &Raw) -> Address {
    let one = |p: &str| raw.values(p).first().cloned();
    let street: Vec<&str> = ["street", "street2", "postOfficeBox"]
        .iter()
        .filter_map(|p| raw.values(p).first().map(String::as_str))
        .collect();
    let mut address = Address {
        street: if street.is_empty() {
            one("full")
        } else {
            Some(street.join(", "))
        },
        city: one("city"),
        region: one("region").or_else(|| one("state")),
        postal_code: one("postalCode"),
        country: raw.values("country").iter().find_map(|c| ftm_country(c)),
        note: None,
    };
    if address.street.is_none() && address.city.is_none() {
        address.note = one("summary").or_else(|| one("remarks"));
    }
    address
}

fn build_entity(raw: &Raw, schema: Schema, addresses: &HashMap<String, Address>) -> Entity {
    let mut e = Entity::new(SOURCE, &raw.id, schema);

    // Names: the caption first, as the primary name.
    let names = raw.values("name");
    let caption = raw
        .caption
        .clone()
        .filter(|c| !c.is_empty())
        .or_else(|| names.first().cloned());
    if let Some(caption) = &caption {
        let mut primary = name(caption, NameKind::Primary, NameQuality::Unknown);
        if schema == Schema::Person {
            let mut given = part_in(caption, raw.values("firstName"));
            for extra in ["middleName", "fatherName"] {
                if let Some(m) = part_in(caption, raw.values(extra)) {
                    match &mut given {
                        Some(g) if !g.to_lowercase().contains(&m.to_lowercase()) => {
                            g.push(' ');
                            g.push_str(&m);
                        }
                        Some(_) => {}
                        None => given = Some(m),
                    }
                }
            }
            primary.given = given;
            primary.family = part_in(caption, raw.values("lastName"));
        }
        e.push_name(primary);
    }
    for n in names {
        if Some(n) != caption.as_ref() {
            e.push_name(name(n, NameKind::Alias, NameQuality::Unknown));
        }
    }
    for n in raw.values("alias") {
        e.push_name(name(n, NameKind::Alias, NameQuality::Unknown));
    }
    for n in raw.values("weakAlias") {
        e.push_name(name(n, NameKind::Alias, NameQuality::Weak));
    }
    for n in raw.values("previousName") {
        e.push_name(name(n, NameKind::Former, NameQuality::Unknown));
    }

    // Identifiers, most specific first; idNumber last so that a number also
    // given as innCode keeps its specific kind.
    for (prop, kind, country) in ID_PROPS {
        for v in raw.values(prop) {
            push_identifier(
                &mut e,
                Identifier {
                    kind: kind(),
                    value: v.clone(),
                    country: country.map(str::to_string),
                    note: None,
                },
            );
        }
    }

    // Addresses: linked address entities, else the address texts.
    for id in raw.values("addressEntity") {
        if let Some(a) = addresses.get(id) {
            if !a.is_empty() {
                Entity::push_unique(&mut e.addresses, a.clone());
            }
        }
    }
    if e.addresses.is_empty() {
        for text in raw.values("address") {
            let a = Address {
                street: Some(text.clone()),
                ..Address::default()
            };
            Entity::push_unique(&mut e.addresses, a);
        }
    }

    const HANDLED: &[&str] = &[
        "name",
        "alias",
        "weakAlias",
        "previousName",
        "firstName",
        "middleName",
        "fatherName",
        "lastName",
        "birthDate",
        "birthPlace",
        "nationality",
        "citizenship",
        "country",
        "jurisdiction",
        "gender",
        "programId",
        "program",
        "notes",
        "addressEntity",
        "address",
    ];
    for (prop, values) in &raw.props {
        for v in values {
            match prop.as_str() {
                "birthDate" => match v.parse::<PartialDate>() {
                    Ok(d) => Entity::push_unique(&mut e.birth_dates, DateSpec::exact(d)),
                    Err(_) => e.add_property("birthDate", v.as_str()),
                },
                "birthPlace" => Entity::push_unique(&mut e.birth_places, v.clone()),
                "nationality" | "citizenship" => match ftm_country(v) {
                    Some(c) => Entity::push_unique(&mut e.nationalities, c),
                    None => e.add_property(prop, v.as_str()),
                },
                "country" | "jurisdiction" => match ftm_country(v) {
                    Some(c) => Entity::push_unique(&mut e.countries, c),
                    None => e.add_property(prop, v.as_str()),
                },
                "gender" => match v.to_ascii_lowercase().as_str() {
                    "male" | "m" => e.gender = Some(Gender::Male),
                    "female" | "f" => e.gender = Some(Gender::Female),
                    _ => e.add_property("gender", v.as_str()),
                },
                "programId" | "program" => Entity::push_unique(&mut e.programmes, v.clone()),
                "notes" => Entity::push_unique(&mut e.remarks, v.clone()),
                p if HANDLED.contains(&p) => {}
                p if ID_PROPS.iter().any(|(name, _, _)| *name == p) => {}
                p => e.add_property(p, v.as_str()),
            }
        }
    }
    for d in &raw.datasets {
        e.add_property("datasets", d.as_str());
    }
    for r in &raw.referents {
        e.add_property("referents", r.as_str());
    }
    e
}

fn fold_sanction(e: &mut Entity, raw: &Raw) {
    let mut named = false;
    for p in raw.values("programId").iter().chain(raw.values("program")) {
        Entity::push_unique(&mut e.programmes, p.clone());
        named = true;
    }
    for a in raw.values("authority") {
        if !named {
            Entity::push_unique(&mut e.programmes, a.clone());
        }
        e.add_property("authority", a.as_str());
    }
    let listed = raw
        .values("listingDate")
        .iter()
        .chain(raw.values("startDate"))
        .filter_map(|d| d.parse::<PartialDate>().ok())
        .min();
    if let Some(d) = listed {
        e.listed_on = Some(e.listed_on.map_or(d, |old| old.min(d)));
    }
    for r in raw.values("reason") {
        Entity::push_unique(&mut e.remarks, r.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn input(name: &str, text: &str) -> Input {
        Input {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    fn lists_dir(test: &str) -> Option<PathBuf> {
        crate::shared_lists(test)
    }

    fn read(dir: &std::path::Path, file: &str) -> ParsedList {
        let input = Input::read(&dir.join("opensanctions").join(file)).unwrap();
        parse(&input).unwrap()
    }

    fn find<'a>(list: &'a ParsedList, id: &str) -> &'a Entity {
        list.entities
            .iter()
            .find(|e| e.id == format!("opensanctions:{id}"))
            .unwrap_or_else(|| panic!("{id} not found"))
    }

    #[test]
    fn fixture_folds_sanctions_addresses_documents_links() {
        let text = r#"{"id":"p1","schema":"Person","caption":"Ivan PETROV","properties":{"name":["Ivan PETROV","Иван Петров"],"firstName":["Ivan"],"lastName":["PETROV"],"weakAlias":["Vanya"],"birthDate":["1970-05"],"nationality":["ru","suhh"],"gender":["male"],"addressEntity":["a1"],"innCode":["7701"],"idNumber":["7701","X1"],"topics":["sanction"]},"last_seen":"2024-01-02T00:00:00","last_change":"2023-01-01T00:00:00"}
{"id":"c1","schema":"Company","caption":"ACME","properties":{"name":["ACME"],"jurisdiction":["gb"]},"last_seen":"2024-03-01T00:00:00"}
{"id":"a1","schema":"Address","properties":{"full":["1 Main St, Moscow"],"street":["1 Main St"],"city":["Moscow"],"country":["ru"]}}
{"id":"s1","schema":"Sanction","properties":{"entity":["p1"],"programId":["EU-UKR"],"authority":["Council"],"listingDate":["2022-02-28"],"startDate":["2022-03-01"],"reason":["Supports the war."]}}
{"id":"s2","schema":"Sanction","properties":{"entity":["p1"],"authority":["OFAC"]}}
{"id":"pp","schema":"Passport","properties":{"holder":["p1"],"number":["750000001"],"country":["ru"]}}
{"id":"o1","schema":"Ownership","properties":{"owner":["p1"],"asset":["c1"],"percentage":["50"]}}

{"id":"x1","schema":"BankAccount","properties":{"iban":["X"]}}
"#;
        let list = parse(&input("f.json", text)).unwrap();
        assert_eq!(list.publisher_date.as_deref(), Some("2024-03-01T00:00:00"));
        assert_eq!(list.entities.len(), 2);
        let p = &list.entities[0];
        assert_eq!(p.id, "opensanctions:p1");
        assert_eq!(p.reference, "p1");
        assert_eq!(p.caption(), "Ivan PETROV");
        assert_eq!(p.names[0].given.as_deref(), Some("Ivan"));
        assert_eq!(p.names[0].family.as_deref(), Some("PETROV"));
        assert_eq!(p.names[1].script.as_deref(), Some("Cyrl"));
        assert_eq!(p.names[2].quality, NameQuality::Weak);
        assert_eq!(
            p.birth_dates,
            vec![DateSpec::exact(PartialDate::ym(1970, 5).unwrap())]
        );
        assert_eq!(p.nationalities, vec!["RU", "SU"]);
        assert_eq!(p.gender, Some(Gender::Male));
        assert_eq!(p.addresses[0].city.as_deref(), Some("Moscow"));
        assert_eq!(p.addresses[0].country.as_deref(), Some("RU"));
        assert_eq!(p.programmes, vec!["EU-UKR", "OFAC"]);
        assert_eq!(p.listed_on, PartialDate::ymd(2022, 2, 28));
        assert_eq!(p.remarks, vec!["Supports the war."]);
        assert_eq!(p.properties["topics"], vec!["sanction"]);
        let kinds: Vec<(&IdKind, &str)> = p
            .identifiers
            .iter()
            .map(|i| (&i.kind, i.value.as_str()))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (&IdKind::TaxId, "7701"),
                (&IdKind::NationalId, "X1"),
                (&IdKind::Passport, "750000001")
            ]
        );
        assert_eq!(
            p.links,
            vec![Link {
                relation: "owns".into(),
                target_name: "ACME".into(),
                target_id: Some("opensanctions:c1".into())
            }]
        );
        let c = &list.entities[1];
        assert_eq!(c.countries, vec!["GB"]);
        assert_eq!(c.links[0].relation, "owner");
        assert_eq!(c.links[0].target_name, "Ivan PETROV");
    }

    #[test]
    fn bad_input_names_the_line() {
        let good = r#"{"id":"p1","schema":"Person","properties":{"name":["A"]}}"#;
        let err = parse(&input("b.json", &format!("{good}\nnot json\n"))).unwrap_err();
        assert!(matches!(err, FormatError::Json { line: 2, .. }), "{err:?}");
        assert!(err.to_string().starts_with("b.json:2:"), "{err}");

        let err = parse(&input("b.json", &format!("{good}\n\n[1,2]\n"))).unwrap_err();
        assert!(matches!(err, FormatError::Json { line: 3, .. }), "{err:?}");

        let err = parse(&input(
            "b.json",
            &format!("{good}\n{{\"schema\":\"Person\"}}\n"),
        ))
        .unwrap_err();
        assert!(
            matches!(err, FormatError::Invalid { line: 2, .. }),
            "{err:?}"
        );
        assert!(err.to_string().contains("without an id"), "{err}");

        let err = parse(&input("b.json", "{\"id\":\"x\",\"properties\":{}}\n")).unwrap_err();
        assert!(
            matches!(err, FormatError::Invalid { line: 1, .. }),
            "{err:?}"
        );
        assert!(err.to_string().contains("x has no schema"), "{err}");

        let err = parse(&input("b.json", &format!("{good}\n{good}\n"))).unwrap_err();
        assert!(
            matches!(err, FormatError::Invalid { line: 2, .. }),
            "{err:?}"
        );

        let truncated = &good[..good.len() - 5];
        let err = parse(&input("b.json", truncated)).unwrap_err();
        assert!(matches!(err, FormatError::Json { line: 1, .. }), "{err:?}");

        let mut bytes = good.as_bytes().to_vec();
        bytes.extend_from_slice(b"\n\xFF\n");
        let err = parse(&Input {
            name: "u.json".into(),
            bytes,
        })
        .unwrap_err();
        assert!(
            matches!(err, FormatError::Encoding { line: 2, .. }),
            "{err:?}"
        );

        assert!(matches!(
            parse(&input("e.json", " \n")),
            Err(FormatError::Empty { .. })
        ));
    }

    #[test]
    fn huge_field_does_not_panic() {
        let big = "x".repeat(5 * 1024 * 1024);
        let text = format!(
            "{{\"id\":\"p1\",\"schema\":\"Person\",\"properties\":{{\"name\":[\"{big}\"],\"notes\":[\"{big}\"]}}}}\n"
        );
        let list = parse(&input("big.json", &text)).unwrap();
        assert_eq!(list.entities[0].names[0].full.len(), big.len());
        // A 5 MB string that never closes is an error, not a panic.
        let text =
            format!("{{\"id\":\"p1\",\"schema\":\"Person\",\"properties\":{{\"name\":[\"{big}");
        let err = parse(&input("big.json", &text)).unwrap_err();
        assert!(matches!(err, FormatError::Json { line: 1, .. }), "{err:?}");
    }

    #[test]
    fn zala_file() {
        let Some(dir) = lists_dir("zala_file") else {
            return;
        };
        let list = read(&dir, "yente_zala.entities.ftm.json");
        assert_eq!(list.source, "opensanctions");
        assert_eq!(list.format, Format::Ftm);
        let n = |s: Schema| list.entities.iter().filter(|e| e.schema == s).count();
        assert_eq!((n(Schema::Person), n(Schema::Company)), (6, 11));
        assert_eq!(list.entities.len(), 17);
        assert_eq!(list.publisher_date.as_deref(), Some("2026-04-29T12:53:04"));

        // One person, field by field.
        let p = find(&list, "NK-aU5ybkbRFJucf8YMwsJvDw");
        assert_eq!(p.schema, Schema::Person);
        assert_eq!(p.caption(), "Alexander Vyacheslavovich ZAKHAROV");
        assert_eq!(p.names[0].kind, NameKind::Primary);
        assert_eq!(
            p.names[0].given.as_deref(),
            Some("Alexander Vyacheslavovich")
        );
        assert_eq!(p.names[0].family.as_deref(), Some("ZAKHAROV"));
        let cyr = p
            .names
            .iter()
            .find(|n| n.full == "Александр Вячеславович Захаров")
            .unwrap();
        assert_eq!(cyr.script.as_deref(), Some("Cyrl"));
        assert_eq!(cyr.kind, NameKind::Alias);
        assert!(p.names.iter().filter(|n| n.script.is_none()).count() > 5);
        assert_eq!(
            p.birth_dates,
            vec![DateSpec::exact(PartialDate::ymd(1965, 9, 21).unwrap())]
        );
        assert!(
            p.nationalities.contains(&"RU".to_string()),
            "{:?}",
            p.nationalities
        );
        assert_eq!(p.countries, vec!["RU"]);
        assert!(p.birth_places.contains(&"Izhevsk".to_string()));
        assert_eq!(
            p.properties["topics"],
            vec!["debarment", "corp.disqual", "sanction"]
        );
        assert!(p
            .remarks
            .iter()
            .any(|r| r.contains("majority stakeholder of LLC CST")));

        // Sanctions folded into the person: OFAC's program id and programme,
        // the UK regime, and the earliest listing date.
        for prog in ["US-RUSHAR", "RUSSIA-EO14024", "GB-RUS", "EU-UKR"] {
            assert!(
                p.programmes.iter().any(|x| x == prog),
                "{prog}: {:?}",
                p.programmes
            );
        }
        assert_eq!(p.listed_on, PartialDate::ymd(2023, 7, 1));
        assert!(p.properties["authority"].contains(&"Office of Foreign Assets Control".to_string()));

        // Every sanction in the file reached its target.
        let text = std::fs::read_to_string(dir.join("opensanctions/yente_zala.entities.ftm.json"))
            .unwrap();
        let mut checked = 0;
        for line in text.lines() {
            let v: Value = serde_json::from_str(line).unwrap();
            if v["schema"] != "Sanction" {
                continue;
            }
            let target = v["properties"]["entity"][0].as_str().unwrap();
            let e = find(&list, target);
            for prog in v["properties"]["programId"]
                .as_array()
                .into_iter()
                .flatten()
            {
                assert!(e.programmes.iter().any(|p| p == prog.as_str().unwrap()));
                checked += 1;
            }
        }
        assert!(checked >= 28, "{checked}");

        // Ownership: Kalashnikov owns LLC CST.
        let cst = find(&list, "NK-abdzbEBkqyT29GyREbiURZ");
        assert_eq!(cst.caption(), "LLC CST");
        let owner = Link {
            relation: "owner".into(),
            target_name: "JSC Kalashnikov Concern".into(),
            target_id: Some("opensanctions:NK-nR5AXM9AVPq4pQaSPSaVam".into()),
        };
        assert!(cst.links.contains(&owner), "{:?}", cst.links);
        let kal = find(&list, "NK-nR5AXM9AVPq4pQaSPSaVam");
        assert!(kal.links.iter().any(|l| l.relation == "owns"
            && l.target_id.as_deref() == Some("opensanctions:NK-abdzbEBkqyT29GyREbiURZ")));
        // Directorship and family links of Zakharov.
        assert!(p
            .links
            .iter()
            .any(|l| l.relation == "director_of" && l.target_name == "LLC CST"));
        assert!(p.links.iter().any(|l| l.relation == "family"));
        // Addresses folded from Address entities.
        let with_addr = list
            .entities
            .iter()
            .filter(|e| !e.addresses.is_empty())
            .count();
        assert!(with_addr >= 10, "{with_addr}");
        assert!(list
            .entities
            .iter()
            .flat_map(|e| &e.addresses)
            .any(|a| a.city.as_deref() == Some("Izhevsk") && a.country.as_deref() == Some("RU")));
        // Russian company codes.
        assert!(cst
            .identifiers_of(&IdKind::TaxId)
            .any(|i| i.country.as_deref() == Some("RU")));
        assert!(cst.identifiers_of(&IdKind::Registration).next().is_some());
    }

    #[test]
    fn eu_fsf_file() {
        let Some(dir) = lists_dir("eu_fsf_file") else {
            return;
        };
        let list = read(&dir, "yente_t1_eu_fsf.entities.ftm.json");
        let n = |s: Schema| list.entities.iter().filter(|e| e.schema == s).count();
        assert_eq!((n(Schema::Person), n(Schema::Organization)), (4, 2));
        assert_eq!(list.entities.len(), 6);
        assert_eq!(
            list.publisher_date.as_deref().map(|d| &d[..10]),
            Some("2024-06-01")
        );
        let tobacco = find(&list, "NK-2GdmHtZTeNXjNVrBGEXZNj");
        assert_eq!(tobacco.caption(), "RAB „Inter Tobacco“");
        assert_eq!(tobacco.names.len(), 12);
        assert!(tobacco
            .names
            .iter()
            .any(|n| n.script.as_deref() == Some("Grek")));
        assert_eq!(tobacco.countries, vec!["BY"]);
        // Its addressEntity points at an address that is not in this file.
        assert!(tobacco.addresses.is_empty());
        let k = find(&list, "NK-2Ka3UvopqbpZmVDFjWd4LA");
        assert_eq!(k.caption(), "Vitaly Yurievich KUZMENKO");
        assert_eq!(k.nationalities, vec!["RU"]);
        assert_eq!(
            k.birth_dates,
            vec![DateSpec::exact(PartialDate::ymd(1971, 1, 22).unwrap())]
        );
        assert_eq!(
            tobacco
                .identifiers_of(&IdKind::Registration)
                .next()
                .unwrap()
                .value,
            "808000714"
        );
        assert!(tobacco.properties["referents"].contains(&"ofac-32733".to_string()));
    }
}
