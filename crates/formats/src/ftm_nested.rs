//! OpenSanctions "targets as nested JSON" (`targets.nested.json`), source
//! `opensanctions`, read into the same entities as the FollowTheMoney reader
//! ([`crate::ftm`]).
//!
//! One JSON object per line, one line per *target* (a listed person, company,
//! vessel, ...), shaped like an FtM entity (`id`, `caption`, `schema`,
//! `properties`, `datasets`, `referents`, `first_seen`, `last_seen`,
//! `last_change`, `target`). Where `entities.ftm.json` gives a property that
//! points at another entity as that entity's id, and the entity on a line of
//! its own, this format puts the other entity inline, as an object of the same
//! shape, in the property that points at it (`addressEntity`) or under the
//! name of the reverse property (`sanctions`, `identification`,
//! `ownershipOwner`, `familyPerson`, `positionOccupancies`, ...). An inline
//! entity's own pointer back to the entity it is nested in is written as the
//! plain id (`"familyPerson": [{"schema": "Family", "properties": {"person":
//! ["Q296771"], "relative": [{"schema": "Person", ...}]}}]`).
//!
//! The reader takes every inline entity out of its parent, leaving its id in
//! the parent's property when that property points at it (`addressEntity`,
//! the `asset` of an `Ownership`) and dropping the reverse properties, which
//! `entities.ftm.json` does not have; then it reads the resulting flat set of
//! FtM objects exactly as [`crate::ftm`] reads `entities.ftm.json`, so both
//! files of one dataset give the same entities with the same ids
//! (`opensanctions:<id>`):
//!
//! * inline `Sanction`s give the programmes, listing date and remarks of the
//!   entity they name in `entity`; inline `Passport` / `Identification`
//!   entities the identifiers of their `holder`; inline `Address` entities
//!   the addresses of the entities whose `addressEntity` holds them;
//!   relation entities (`Ownership`, `Family`, `Directorship`, ...) the links
//!   on both ends. Should an inline one of these lack its pointer back to the
//!   entity it is nested in, the reader puts it back (`entity` of a
//!   `Sanction`, `holder` of a document, the empty end of a relation);
//! * inline entities of the screenable schemata (`Person`, `Organization`,
//!   `Company`, `LegalEntity`, `Vessel`, `Airplane`, `PublicBody`), such as a
//!   target's relatives or owners, are **emitted as entities** of their own,
//!   as [`crate::ftm`] emits every such entity of `entities.ftm.json` whether
//!   or not it is a target; the links of the target point at them. The same
//!   entity may be inline under several targets, and may also be a target on
//!   a line of its own: its copies are merged into one entity (the values of
//!   all copies, the caption of the top-level one), placed where it is first
//!   read (a target comes before the entities inline in it);
//! * other schemata (`Occupancy`, `Position`, `BankAccount`, ...) are
//!   skipped, as by [`crate::ftm`].
//!
//! The same id on two top-level lines is an error naming the second line.
//! The publisher date is the newest `last_change` or `last_seen` of any
//! entity, top-level or inline, as for [`crate::ftm`].

use crate::error::{FormatError, Result};
use crate::ftm::{first_string, note_newest, relation, strings, text_of, Raw};
use crate::{Format, Input, ParsedList};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};

/// Whether the start of a JSON-lines file has an entity inline in a
/// property: that is what tells nested targets from `entities.ftm.json`.
///
/// Every complete line of `text` is parsed; a last line cut off (`text` is
/// the start of the file) is looked at as text: the two characters `[{`
/// followed by a quote cannot occur in a plain FtM line, whose property
/// values are lists of strings. A nested file whose first lines happen to
/// hold no inline entity reads as plain FtM, and the two readers give the
/// same entities for such lines.
pub(crate) fn has_nested(text: &str) -> bool {
    let mut lines = text.split('\n').peekable();
    while let Some(line) = lines.next() {
        let line = line.trim();
        if !line.starts_with('{') {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(value) => {
                if value
                    .get("properties")
                    .and_then(Value::as_object)
                    .is_some_and(|props| props.values().any(holds_object))
                {
                    return true;
                }
            }
            Err(_) if lines.peek().is_none() => return line.contains("[{\""),
            Err(_) => {}
        }
    }
    false
}

/// Whether a property value is, or holds, an inline entity.
pub(crate) fn holds_object(value: &Value) -> bool {
    match value {
        Value::Object(_) => true,
        Value::Array(items) => items.iter().any(Value::is_object),
        _ => false,
    }
}

/// The objects read so far, with a way to find a copy of one by id.
struct Flat {
    file: String,
    /// Line of the first copy, the object, whether a copy was top-level.
    raws: Vec<(usize, Raw, bool)>,
    by_id: HashMap<String, usize>,
    newest: Option<String>,
}

/// Where an inline entity sits: its parent's id and the property.
struct Parent<'a> {
    id: &'a str,
    prop: &'a str,
    schema: &'a str,
}

impl Flat {
    fn invalid(&self, line: usize, message: String) -> FormatError {
        FormatError::Invalid {
            file: self.file.clone(),
            line,
            message,
        }
    }

    /// Reads one object, and then the objects inline in it (so that a
    /// target comes before the entities nested in it), returning its id.
    fn add(
        &mut self,
        line: usize,
        object: &Map<String, Value>,
        parent: Option<&Parent>,
    ) -> Result<String> {
        let at = |what: &str| match parent {
            Some(p) => format!(
                "{what} (inline in property {} of {} {})",
                p.prop, p.schema, p.id
            ),
            None => what.to_string(),
        };
        let id = first_string(object.get("id"))
            .ok_or_else(|| self.invalid(line, at("an entity without an id")))?;
        let schema = first_string(object.get("schema"))
            .ok_or_else(|| self.invalid(line, at(&format!("entity {id} has no schema"))))?;
        for stamp in ["last_seen", "last_change"] {
            note_newest(&mut self.newest, object.get(stamp));
        }
        let mut props: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let mut inline: Vec<(&str, &Map<String, Value>)> = Vec::new();
        match object.get("properties") {
            None | Some(Value::Null) => {}
            Some(Value::Object(map)) => {
                for (prop, value) in map {
                    let items: &[Value] = match value {
                        Value::Array(items) => items,
                        other => std::slice::from_ref(other),
                    };
                    let mut values = Vec::new();
                    for item in items {
                        if let Value::Object(inner) = item {
                            let inner_id = first_string(inner.get("id")).ok_or_else(|| {
                                self.invalid(
                                    line,
                                    format!(
                                        "an entity without an id (inline in property {prop} of {schema} {id})"
                                    ),
                                )
                            })?;
                            if !points_back(inner, &id) {
                                values.push(inner_id);
                            }
                            inline.push((prop, inner));
                        } else {
                            values.extend(strings(item));
                        }
                    }
                    if !values.is_empty() {
                        props.insert(prop.clone(), values);
                    }
                }
            }
            Some(_) => {
                return Err(self.invalid(
                    line,
                    at(&format!("entity {id}: properties is not an object")),
                ))
            }
        }
        let mut raw = Raw {
            caption: first_string(object.get("caption")),
            datasets: object.get("datasets").map(strings).unwrap_or_default(),
            referents: object.get("referents").map(strings).unwrap_or_default(),
            id: id.clone(),
            schema: schema.clone(),
            props,
        };
        if let Some(p) = parent {
            point_back(&mut raw, p.id);
        }
        self.insert(line, raw, parent.is_none())?;
        for (prop, inner) in inline {
            let here = Parent {
                id: &id,
                prop,
                schema: &schema,
            };
            self.add(line, inner, Some(&here))?;
        }
        Ok(id)
    }

    /// Adds an object, or merges it into the copy read before.
    fn insert(&mut self, line: usize, raw: Raw, top: bool) -> Result<()> {
        let Some(&i) = self.by_id.get(&raw.id) else {
            self.by_id.insert(raw.id.clone(), self.raws.len());
            self.raws.push((line, raw, top));
            return Ok(());
        };
        let id = raw.id.clone();
        let Some((_, old, old_top)) = self.raws.get_mut(i) else {
            return Ok(());
        };
        if top && *old_top {
            return Err(self.invalid(line, format!("the id {id} occurs twice")));
        }
        if old.schema != raw.schema && top {
            old.schema = raw.schema;
        }
        if top || old.caption.is_none() {
            old.caption = raw.caption.or(old.caption.take());
        }
        *old_top |= top;
        for (prop, values) in raw.props {
            let list = old.props.entry(prop).or_default();
            for v in values {
                if !list.contains(&v) {
                    list.push(v);
                }
            }
        }
        for (mine, theirs) in [
            (&mut old.datasets, raw.datasets),
            (&mut old.referents, raw.referents),
        ] {
            for v in theirs {
                if !mine.contains(&v) {
                    mine.push(v);
                }
            }
        }
        Ok(())
    }
}

/// Whether an inline entity sits under a reverse property of its parent
/// (`sanctions`, `ownershipOwner`, ...: it points at the parent, not the
/// parent at it), which `entities.ftm.json` does not have: a sanction, a
/// document or a relation always does, anything else when one of its values
/// is the parent's id.
fn points_back(inner: &Map<String, Value>, parent: &str) -> bool {
    let schema = first_string(inner.get("schema")).unwrap_or_default();
    if matches!(schema.as_str(), "Sanction" | "Passport" | "Identification")
        || relation(&schema).is_some()
    {
        return true;
    }
    inner
        .get("properties")
        .and_then(Value::as_object)
        .is_some_and(|props| {
            props
                .values()
                .flat_map(|v| match v {
                    Value::Array(items) => items.iter().collect(),
                    other => vec![other],
                })
                .any(|v| v.as_str() == Some(parent))
        })
}

/// Puts the pointer to the entity an inline `Sanction`, document or relation
/// is nested in back when the export left it out.
fn point_back(raw: &mut Raw, parent: &str) {
    if raw.props.values().flatten().any(|v| v == parent) {
        return;
    }
    let prop = match raw.schema.as_str() {
        "Sanction" => "entity",
        "Passport" | "Identification" => "holder",
        schema => match relation(schema) {
            Some((a, b, _, _)) => match (raw.values(a).is_empty(), raw.values(b).is_empty()) {
                (true, false) => a,
                (false, true) => b,
                _ => return,
            },
            None => return,
        },
    };
    raw.props
        .entry(prop.to_string())
        .or_default()
        .push(parent.to_string());
}

/// Parses one file.
pub fn parse(input: &Input) -> Result<ParsedList> {
    let text = text_of(input)?;
    let mut flat = Flat {
        file: input.name.clone(),
        raws: Vec::new(),
        by_id: HashMap::new(),
        newest: None,
    };
    for (i, line) in text.split('\n').enumerate() {
        let line_no = i + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let json_error = |message: String| FormatError::Json {
            file: input.name.clone(),
            line: line_no,
            message,
        };
        if !line.starts_with('{') {
            return Err(json_error("expected one JSON object per line".into()));
        }
        let value: Value = serde_json::from_str(line).map_err(|e| json_error(e.to_string()))?;
        let Value::Object(object) = value else {
            return Err(json_error("expected one JSON object per line".into()));
        };
        flat.add(line_no, &object, None)?;
    }
    let raws: Vec<(usize, Raw)> = flat
        .raws
        .into_iter()
        .map(|(line, raw, _)| (line, raw))
        .collect();
    crate::ftm::build(&input.name, &raws, Format::FtmNested, flat.newest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use interdict_model::{DateSpec, Entity, IdKind, Link, NameKind, PartialDate, Schema};

    fn input(name: &str, text: &str) -> Input {
        Input {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    fn find<'a>(list: &'a ParsedList, id: &str) -> &'a Entity {
        list.entities
            .iter()
            .find(|e| e.id == format!("opensanctions:{id}"))
            .unwrap_or_else(|| panic!("{id} not found"))
    }

    /// A target with an inline sanction, passport (without its pointer
    /// back), address, owned company and relative (also a target of its
    /// own, further down), and an occupancy (skipped).
    const FIXTURE: &str = r#"{"id":"p1","caption":"Ivan PETROV","schema":"Person","properties":{"name":["Ivan PETROV"],"lastName":["PETROV"],"birthDate":["1970-05-01"],"nationality":["ru"],"addressEntity":[{"id":"a1","caption":"Moscow","schema":"Address","properties":{"city":["Moscow"],"country":["ru"]}}],"sanctions":[{"id":"s1","schema":"Sanction","properties":{"entity":["p1"],"program":["Russia regime"],"programId":["EU-UKR"],"listingDate":["2022-02-28"],"reason":["Supports the war."]},"last_change":"2024-05-01T00:00:00"}],"identification":[{"id":"pp1","schema":"Passport","properties":{"number":["750000001"],"country":["ru"]}}],"ownershipOwner":[{"id":"o1","schema":"Ownership","properties":{"owner":["p1"],"asset":[{"id":"c1","caption":"ACME","schema":"Company","properties":{"name":["ACME"],"jurisdiction":["gb"]},"target":false}]}}],"familyPerson":[{"id":"f1","schema":"Family","properties":{"person":["p1"],"relative":[{"id":"p2","caption":"Olga","schema":"Person","properties":{"name":["Olga"]},"target":false}]}}],"positionOccupancies":[{"id":"occ1","schema":"Occupancy","properties":{"holder":["p1"]}}]},"datasets":["eu_fsf"],"last_seen":"2024-03-01T00:00:00","target":true}

{"id":"p2","caption":"Olga PETROVA","schema":"Person","properties":{"name":["Olga PETROVA","Olga"],"birthDate":["1975"],"familyRelative":[{"id":"f1","schema":"Family","properties":{"person":[{"id":"p1","caption":"Ivan PETROV","schema":"Person","properties":{"name":["Ivan PETROV"]}}],"relative":["p2"]}}]},"target":true}
"#;

    #[test]
    fn fixture_reads_like_ftm() {
        let list = parse(&input("t.json", FIXTURE)).unwrap();
        assert_eq!(list.source, "opensanctions");
        assert_eq!(list.format, Format::FtmNested);
        assert_eq!(list.publisher_date.as_deref(), Some("2024-05-01T00:00:00"));
        let ids: Vec<&str> = list.entities.iter().map(|e| e.id.as_str()).collect();
        // a target, then the entities inline in it (by property name)
        assert_eq!(
            ids,
            ["opensanctions:p1", "opensanctions:p2", "opensanctions:c1"]
        );

        let p = find(&list, "p1");
        assert_eq!(p.caption(), "Ivan PETROV");
        assert_eq!(p.names[0].family.as_deref(), Some("PETROV"));
        assert_eq!(
            p.birth_dates,
            vec![DateSpec::exact(PartialDate::ymd(1970, 5, 1).unwrap())]
        );
        assert_eq!(p.nationalities, vec!["RU"]);
        assert_eq!(p.programmes, vec!["EU-UKR", "Russia regime"]);
        assert_eq!(p.listed_on, PartialDate::ymd(2022, 2, 28));
        assert_eq!(p.remarks, vec!["Supports the war."]);
        assert_eq!(p.addresses.len(), 1);
        assert_eq!(p.addresses[0].city.as_deref(), Some("Moscow"));
        assert_eq!(p.addresses[0].country.as_deref(), Some("RU"));
        // the passport had no holder: put back
        assert_eq!(p.identifiers.len(), 1);
        assert_eq!(p.identifiers[0].kind, IdKind::Passport);
        assert_eq!(p.identifiers[0].value, "750000001");
        assert!(p.links.contains(&Link {
            relation: "owns".into(),
            target_name: "ACME".into(),
            target_id: Some("opensanctions:c1".into()),
        }));
        assert!(p.links.contains(&Link {
            relation: "family".into(),
            target_name: "Olga PETROVA".into(),
            target_id: Some("opensanctions:p2".into()),
        }));
        // the inline property names do not become properties
        for prop in [
            "sanctions",
            "identification",
            "ownershipOwner",
            "familyPerson",
        ] {
            assert!(!p.properties.contains_key(prop), "{prop}");
        }
        assert_eq!(p.properties["datasets"], vec!["eu_fsf"]);

        let c = find(&list, "c1");
        assert_eq!(c.schema, Schema::Company);
        assert_eq!(c.countries, vec!["GB"]);
        assert_eq!(c.links[0].relation, "owner");

        // p2: the inline copy and its own line merged, the caption of the line
        let o = find(&list, "p2");
        assert_eq!(o.caption(), "Olga PETROVA");
        assert_eq!(o.names.len(), 2);
        assert_eq!(o.names[1].kind, NameKind::Alias);
        assert_eq!(o.birth_dates.len(), 1);
        assert_eq!(o.links.len(), 1);
        assert_eq!(o.links[0].target_id.as_deref(), Some("opensanctions:p1"));
    }

    #[test]
    fn same_entities_as_the_flat_ftm_file() {
        // FIXTURE as entities.ftm.json has it: one line per entity, ids only
        let flat = r#"{"id":"p1","caption":"Ivan PETROV","schema":"Person","properties":{"name":["Ivan PETROV"],"lastName":["PETROV"],"birthDate":["1970-05-01"],"nationality":["ru"],"addressEntity":["a1"]},"datasets":["eu_fsf"],"last_seen":"2024-03-01T00:00:00"}
{"id":"a1","caption":"Moscow","schema":"Address","properties":{"city":["Moscow"],"country":["ru"]}}
{"id":"f1","schema":"Family","properties":{"person":["p1"],"relative":["p2"]}}
{"id":"p2","caption":"Olga PETROVA","schema":"Person","properties":{"name":["Olga PETROVA","Olga"],"birthDate":["1975"]}}
{"id":"pp1","schema":"Passport","properties":{"number":["750000001"],"country":["ru"],"holder":["p1"]}}
{"id":"o1","schema":"Ownership","properties":{"owner":["p1"],"asset":["c1"]}}
{"id":"c1","caption":"ACME","schema":"Company","properties":{"name":["ACME"],"jurisdiction":["gb"]}}
{"id":"occ1","schema":"Occupancy","properties":{"holder":["p1"]}}
{"id":"s1","schema":"Sanction","properties":{"entity":["p1"],"program":["Russia regime"],"programId":["EU-UKR"],"listingDate":["2022-02-28"],"reason":["Supports the war."]},"last_change":"2024-05-01T00:00:00"}
"#;
        let ftm = crate::ftm::parse(&input("f.json", flat)).unwrap();
        assert_eq!(ftm.format, Format::Ftm);
        let nested = parse(&input("t.json", FIXTURE)).unwrap();
        assert_eq!(nested.entities, ftm.entities);
        assert_eq!(nested.publisher_date, ftm.publisher_date);
    }

    #[test]
    fn plain_ftm_lines_read_the_same() {
        let plain = r#"{"id":"p1","schema":"Person","caption":"Ivan","properties":{"name":["Ivan","Vanya"],"birthDate":["1970"]}}"#;
        let nested = parse(&input("n.json", plain)).unwrap();
        let ftm = crate::ftm::parse(&input("n.json", plain)).unwrap();
        assert_eq!(nested.entities, ftm.entities);
        assert_eq!(nested.format, Format::FtmNested);
        // and the FtM reader hands nested lines to this one
        let list = crate::ftm::parse(&input("t.json", FIXTURE)).unwrap();
        assert_eq!(list.format, Format::FtmNested);
        assert_eq!(
            list.entities,
            parse(&input("t.json", FIXTURE)).unwrap().entities
        );
    }

    #[test]
    fn detection_looks_for_inline_entities() {
        assert!(has_nested(FIXTURE));
        assert!(!has_nested(
            r#"{"id":"p1","schema":"Person","properties":{"name":["[{\"x"]}}"#
        ));
        // a first line cut off by the detection window
        let cut = &FIXTURE[..300];
        assert!(has_nested(cut));
        let plain = "{\"id\":\"x\",\"schema\":\"Person\",\"properties\":{\"name\":[\"A\"]}}\n";
        assert!(!has_nested(plain));
        assert_eq!(
            crate::detect("t.json", FIXTURE.as_bytes()).unwrap(),
            Format::FtmNested
        );
        assert_eq!(
            crate::detect("t.json", plain.as_bytes()).unwrap(),
            Format::Ftm
        );
        // the inline entity only on line 2: still nested
        let text = format!("{plain}{}", FIXTURE.lines().next().unwrap());
        assert_eq!(
            crate::detect("t.json", text.as_bytes()).unwrap(),
            Format::FtmNested
        );
    }

    #[test]
    fn bad_input_names_the_line() {
        let good = r#"{"id":"p1","schema":"Person","properties":{"name":["A"]}}"#;
        let err = parse(&input("b.json", &format!("{good}\n{{\"id\": \"p2\",\n"))).unwrap_err();
        assert!(matches!(err, FormatError::Json { line: 2, .. }), "{err:?}");
        assert!(
            err.to_string().starts_with("b.json:2: malformed JSON"),
            "{err}"
        );

        let err = parse(&input("b.json", &format!("{good}\n\n[1,2]\n"))).unwrap_err();
        assert!(matches!(err, FormatError::Json { line: 3, .. }), "{err:?}");

        // missing id, top-level and inline
        let err = parse(&input(
            "b.json",
            &format!("{good}\n{{\"schema\":\"Person\",\"properties\":{{}}}}\n"),
        ))
        .unwrap_err();
        assert!(
            matches!(err, FormatError::Invalid { line: 2, .. }),
            "{err:?}"
        );
        assert!(err.to_string().contains("without an id"), "{err}");
        let inline = r#"{"id":"p1","schema":"Person","properties":{"sanctions":[{"schema":"Sanction","properties":{}}]}}"#;
        let err = parse(&input("b.json", inline)).unwrap_err();
        assert!(
            matches!(err, FormatError::Invalid { line: 1, .. }),
            "{err:?}"
        );
        assert!(
            err.to_string()
                .contains("without an id (inline in property sanctions of Person p1)"),
            "{err}"
        );
        let inline = r#"{"id":"p1","schema":"Person","properties":{"sanctions":[{"id":"s1","properties":{}}]}}"#;
        let err = parse(&input("b.json", inline)).unwrap_err();
        assert!(err.to_string().contains("s1 has no schema"), "{err}");
        let err = parse(&input(
            "b.json",
            r#"{"id":"p1","schema":"Person","properties":["x"]}"#,
        ))
        .unwrap_err();
        assert!(
            matches!(err, FormatError::Invalid { line: 1, .. }),
            "{err:?}"
        );

        // the same target twice
        let err = parse(&input("b.json", &format!("{good}\n{good}\n"))).unwrap_err();
        assert!(
            matches!(err, FormatError::Invalid { line: 2, .. }),
            "{err:?}"
        );
        assert!(err.to_string().contains("p1 occurs twice"), "{err}");

        // truncated file
        let err = parse(&input("b.json", &FIXTURE[..FIXTURE.len() / 2])).unwrap_err();
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
            parse(&input("e.json", "\n \n")),
            Err(FormatError::Empty { .. })
        ));
    }

    #[test]
    fn huge_name_and_deep_nesting_do_not_panic() {
        let big = "x".repeat(100 * 1024);
        let text = format!(
            r#"{{"id":"p1","schema":"Person","properties":{{"name":["{big}"],"sanctions":[{{"id":"s1","schema":"Sanction","properties":{{"entity":["p1"],"reason":["{big}"]}}}}]}}}}"#
        );
        let list = parse(&input("big.json", &text)).unwrap();
        assert_eq!(list.entities[0].names[0].full.len(), big.len());
        assert_eq!(list.entities[0].remarks[0].len(), big.len());
        // a 100 kB name that never closes
        let cut = &text[..60 * 1024];
        let err = parse(&input("big.json", cut)).unwrap_err();
        assert!(matches!(err, FormatError::Json { line: 1, .. }), "{err:?}");
        // nesting deeper than the JSON reader allows: an error, not a stack overflow
        let mut deep = String::new();
        for i in 0..200 {
            deep.push_str(&format!(
                r#"{{"id":"e{i}","schema":"Person","properties":{{"relative":["#
            ));
        }
        let err = parse(&input("deep.json", &deep)).unwrap_err();
        assert!(matches!(err, FormatError::Json { line: 1, .. }), "{err:?}");
    }
}
