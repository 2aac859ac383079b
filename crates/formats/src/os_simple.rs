//! OpenSanctions "targets as simplified CSV" (`targets.simple.csv`), source
//! `opensanctions`, with the same entity ids as the FollowTheMoney readers
//! ([`crate::ftm`], [`crate::ftm_nested`]): `opensanctions:<id>`.
//!
//! One row per target, with a header row:
//!
//! ```text
//! "id","schema","name","aliases","birth_date","countries","addresses","identifiers",
//! "sanctions","phones","emails","dataset","first_seen","last_seen","last_change"
//! ```
//!
//! Newer exports add `program_ids` before `dataset`, older ones lack
//! `last_change`; columns are found by name, and `id`, `schema` and `name`
//! must be there. Multi-valued fields hold their values separated by `;`,
//! themselves quoted CSV-style when a value holds a `;` or a quote.
//!
//! The export flattens an FtM entity, so less is known than from the JSON
//! formats:
//!
//! * `schema` (an FtM schema name) gives the schema as [`crate::ftm`] maps it;
//!   rows of other schemata are skipped with a warning;
//! * `name` is the primary name (the entity's caption), `aliases` the other
//!   names — every value of every name-typed FtM property, so they include
//!   the first and last names alone (`Hariri` for Saad Hariri);
//! * `birth_date` → birth dates (ISO, partial allowed; others kept as property
//!   `birthDate`);
//! * `countries` → countries: the export merges every country-typed property
//!   (nationality, citizenship, residence, jurisdiction, a document's
//!   country) into this one column, so it cannot tell a nationality from the
//!   rest; codes as in [`crate::ftm`], unknown ones kept as property
//!   `country`;
//! * `addresses` → addresses, each whole as the street line;
//! * `identifiers` → identifiers of kind `Other("identifier")`: every
//!   identifier-typed value (tax, registration, passport, IMO numbers, but
//!   also the Wikidata id), with no word on which is which;
//! * `program_ids` → programmes; a row without any (and every row of the
//!   15-column layout) gets its `sanctions` texts as programmes instead
//!   (each is "program - reason - status - start - end", the parts it has);
//!   otherwise they are kept as property `sanctions`;
//! * `phones`, `emails`, `dataset` (dataset titles) → properties `phone`,
//!   `email`, `dataset`.
//!
//! The publisher date is the newest `last_change` or `last_seen`, as for the
//! FtM readers. An id twice is an error naming the second row's line.

use crate::error::{FormatError, Result};
use crate::ftm::{entity_schema, ftm_country, name, SOURCE};
use crate::xml::line_at;
use crate::{Format, Input, ParsedList};
use interdict_model::{
    Address, DateSpec, Entity, IdKind, Identifier, NameKind, NameQuality, PartialDate,
};
use std::collections::{BTreeMap, HashMap, HashSet};

/// The columns that open the header, in this order.
const LEADING: [&str; 5] = ["id", "schema", "name", "aliases", "birth_date"];

/// Whether `text` starts with the header of this format (quoted or not).
pub(crate) fn is_header(text: &str) -> bool {
    let first = text.split('\n').next().unwrap_or("");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(first.as_bytes());
    let Some(Ok(record)) = reader.records().next() else {
        return false;
    };
    record.len() > LEADING.len()
        && record
            .iter()
            .zip(LEADING)
            .all(|(field, want)| field.trim() == want)
}

/// The values of a multi-valued field: `;`-separated, CSV-quoted.
fn values(field: &str) -> Vec<String> {
    let field = field.trim();
    if field.is_empty() {
        return Vec::new();
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(b';')
        .from_reader(field.as_bytes());
    let mut out: Vec<String> = Vec::new();
    let mut push = |v: &str| {
        let v = v.trim();
        if !v.is_empty() && !out.iter().any(|o| o == v) {
            out.push(v.to_string());
        }
    };
    match reader.records().next() {
        Some(Ok(record)) => record.iter().for_each(&mut push),
        // Not CSV after all (a stray quote): split as it stands.
        _ => field.split(';').for_each(&mut push),
    }
    out
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
    let columns: HashMap<&str, usize> = header
        .iter()
        .enumerate()
        .map(|(i, h)| (h.trim(), i))
        .collect();
    for required in ["id", "schema", "name"] {
        if !columns.contains_key(required) {
            return Err(FormatError::Invalid {
                file: file.to_string(),
                line: 1,
                message: format!(
                    "the header has no column {required:?}: not an OpenSanctions targets.simple.csv"
                ),
            });
        }
    }
    let get = |r: &csv::StringRecord, col: &str| -> String {
        columns
            .get(col)
            .and_then(|&i| r.get(i))
            .map_or_else(String::new, |v| v.trim().to_string())
    };
    let list = |r: &csv::StringRecord, col: &str| values(&get(r, col));

    let mut entities: Vec<Entity> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut skipped: BTreeMap<String, usize> = BTreeMap::new();
    let mut newest: Option<String> = None;
    for record in reader.records() {
        let record = record.map_err(csv_error)?;
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        // counted only for an error: counting every row's line costs O(n²)
        let offset = record.position().map_or(0, |p| p.byte() as usize);
        let invalid = |message: String| FormatError::Invalid {
            file: file.to_string(),
            line: line_at(bytes, offset),
            message,
        };
        let id = get(&record, "id");
        if id.is_empty() {
            return Err(invalid("a row without an id".into()));
        }
        let schema_name = get(&record, "schema");
        if schema_name.is_empty() {
            return Err(invalid(format!("row {id} has no schema")));
        }
        if !seen.insert(id.clone()) {
            return Err(invalid(format!("the id {id} occurs twice")));
        }
        for stamp in ["last_seen", "last_change"] {
            let s = get(&record, stamp);
            if !s.is_empty() && newest.as_ref().is_none_or(|n| *n < s) {
                newest = Some(s);
            }
        }
        let Some(schema) = entity_schema(&schema_name) else {
            *skipped.entry(schema_name).or_default() += 1;
            continue;
        };
        let mut e = Entity::new(SOURCE, &id, schema);

        let aliases = list(&record, "aliases");
        let primary = Some(get(&record, "name"))
            .filter(|n| !n.is_empty())
            .or_else(|| aliases.first().cloned());
        if let Some(p) = &primary {
            e.push_name(name(p, NameKind::Primary, NameQuality::Unknown));
        }
        for a in aliases.iter().filter(|a| Some(*a) != primary.as_ref()) {
            e.push_name(name(a, NameKind::Alias, NameQuality::Unknown));
        }
        for d in list(&record, "birth_date") {
            match d.parse::<PartialDate>() {
                Ok(d) => Entity::push_unique(&mut e.birth_dates, DateSpec::exact(d)),
                Err(_) => e.add_property("birthDate", d),
            }
        }
        for c in list(&record, "countries") {
            match ftm_country(&c) {
                Some(code) => Entity::push_unique(&mut e.countries, code),
                None => e.add_property("country", c),
            }
        }
        for a in list(&record, "addresses") {
            let address = Address {
                street: Some(a),
                ..Address::default()
            };
            Entity::push_unique(&mut e.addresses, address);
        }
        for value in list(&record, "identifiers") {
            if !e.identifiers.iter().any(|i| i.value == value) {
                e.identifiers.push(Identifier {
                    kind: IdKind::Other("identifier".into()),
                    value,
                    country: None,
                    note: None,
                });
            }
        }
        let program_ids = list(&record, "program_ids");
        let sanctions = list(&record, "sanctions");
        if program_ids.is_empty() {
            for s in sanctions {
                Entity::push_unique(&mut e.programmes, s);
            }
        } else {
            for p in program_ids {
                Entity::push_unique(&mut e.programmes, p);
            }
            for s in sanctions {
                e.add_property("sanctions", s);
            }
        }
        for (col, prop) in [
            ("phones", "phone"),
            ("emails", "email"),
            ("dataset", "dataset"),
        ] {
            for v in list(&record, col) {
                e.add_property(prop, v);
            }
        }
        entities.push(e);
    }
    let warnings = skipped
        .into_iter()
        .map(|(schema, n)| {
            format!("{file}: {n} row(s) of schema {schema} skipped: not a person, organization, vessel or aircraft")
        })
        .collect();
    Ok(ParsedList {
        source: SOURCE.into(),
        format: Format::OsSimpleCsv,
        publisher_date: newest,
        entities,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use interdict_model::Schema;

    const HEADER: &str = r#""id","schema","name","aliases","birth_date","countries","addresses","identifiers","sanctions","phones","emails","dataset","first_seen","last_seen","last_change""#;
    const HEADER_16: &str = r#""id","schema","name","aliases","birth_date","countries","addresses","identifiers","sanctions","phones","emails","program_ids","dataset","first_seen","last_seen","last_change""#;

    fn input(name: &str, text: &str) -> Input {
        Input {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn fixture_rows() {
        let text = format!(
            "{HEADER}\n\
             \"NK-1\",\"Person\",\"Ivan PETROV\",\"Petrov;Иван Петров;\"\"Vanya; the Terrible\"\"\",\"1970-05;1971\",\"ru;suhh;zz\",\"1 Main St, Moscow\",\"7701;750000001\",\"Russia - Supports the war. - 2022-02-28\",\"+7 495 000\",\"a@b.ru\",\"EU FSF;OFAC SDN\",\"2022-01-01T00:00:00\",\"2024-03-01T00:00:00\",\"2024-01-01T00:00:00\"\n\
             \"NK-2\",\"Vessel\",\"PETREL 8\",\"\",\"\",\"kp\",\"\",\"9562233\",\"\",\"\",\"\",\"UN SC\",\"\",\"2023-01-01T00:00:00\",\"2024-05-01T00:00:00\"\n\
             \"w1\",\"CryptoWallet\",\"0xabc\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"OFAC SDN\",\"\",\"\",\"\"\n\
             \n"
        );
        assert_eq!(
            crate::detect("t.csv", text.as_bytes()).unwrap(),
            Format::OsSimpleCsv
        );
        let list = parse(&input("t.csv", &text)).unwrap();
        assert_eq!(list.source, "opensanctions");
        assert_eq!(list.format, Format::OsSimpleCsv);
        assert_eq!(list.publisher_date.as_deref(), Some("2024-05-01T00:00:00"));
        assert_eq!(list.entities.len(), 2);
        assert_eq!(list.warnings.len(), 1);
        assert!(
            list.warnings[0].contains("1 row(s) of schema CryptoWallet"),
            "{:?}",
            list.warnings
        );

        let p = &list.entities[0];
        assert_eq!(p.id, "opensanctions:NK-1");
        assert_eq!(p.schema, Schema::Person);
        let names: Vec<(&str, NameKind)> =
            p.names.iter().map(|n| (n.full.as_str(), n.kind)).collect();
        assert_eq!(
            names,
            vec![
                ("Ivan PETROV", NameKind::Primary),
                ("Petrov", NameKind::Alias),
                ("Иван Петров", NameKind::Alias),
                ("Vanya; the Terrible", NameKind::Alias),
            ]
        );
        assert_eq!(p.names[2].script.as_deref(), Some("Cyrl"));
        assert_eq!(
            p.birth_dates,
            vec![
                DateSpec::exact(PartialDate::ym(1970, 5).unwrap()),
                DateSpec::exact(PartialDate::year(1971))
            ]
        );
        assert_eq!(p.countries, vec!["RU", "SU"]);
        assert!(p.nationalities.is_empty());
        assert_eq!(p.properties["country"], vec!["zz"]);
        assert_eq!(p.addresses[0].street.as_deref(), Some("1 Main St, Moscow"));
        let ids: Vec<&str> = p.identifiers.iter().map(|i| i.value.as_str()).collect();
        assert_eq!(ids, vec!["7701", "750000001"]);
        assert_eq!(p.identifiers[0].kind, IdKind::Other("identifier".into()));
        assert_eq!(
            p.programmes,
            vec!["Russia - Supports the war. - 2022-02-28"]
        );
        assert_eq!(p.properties["phone"], vec!["+7 495 000"]);
        assert_eq!(p.properties["email"], vec!["a@b.ru"]);
        assert_eq!(p.properties["dataset"], vec!["EU FSF", "OFAC SDN"]);

        let v = &list.entities[1];
        assert_eq!(v.schema, Schema::Vessel);
        assert_eq!(v.names.len(), 1);
        assert_eq!(v.countries, vec!["KP"]);
        assert!(v.programmes.is_empty());
    }

    #[test]
    fn program_ids_column() {
        let text = format!(
            "{HEADER_16}\n\"NK-1\",\"Company\",\"ACME\",\"\",\"\",\"gb\",\"\",\"\",\"Russia - 2022-03-01\",\"\",\"\",\"GB-RUS;EU-UKR\",\"UK\",\"\",\"\",\"\"\n"
        );
        assert_eq!(
            crate::detect("t.csv", text.as_bytes()).unwrap(),
            Format::OsSimpleCsv
        );
        let list = parse(&input("t.csv", &text)).unwrap();
        let c = &list.entities[0];
        assert_eq!(c.schema, Schema::Company);
        assert_eq!(c.programmes, vec!["GB-RUS", "EU-UKR"]);
        assert_eq!(c.properties["sanctions"], vec!["Russia - 2022-03-01"]);
        assert_eq!(list.publisher_date, None);
        // unquoted header, as another CSV writer might give it
        let unquoted = "id,schema,name,aliases,birth_date,countries\nx,Person,A B,,,\n";
        assert_eq!(
            crate::detect("u.csv", unquoted.as_bytes()).unwrap(),
            Format::OsSimpleCsv
        );
        assert_eq!(
            parse(&input("u.csv", unquoted)).unwrap().entities[0].caption(),
            "A B"
        );
    }

    #[test]
    fn bad_input_names_the_line() {
        // wrong header
        let text = "\"ident\",\"schema\",\"name\",\"aliases\"\n\"x\",\"Person\",\"A\",\"\"\n";
        let err = parse(&input("w.csv", text)).unwrap_err();
        assert!(
            matches!(err, FormatError::Invalid { line: 1, .. }),
            "{err:?}"
        );
        assert!(
            err.to_string()
                .starts_with("w.csv:1: the header has no column \"id\""),
            "{err}"
        );
        assert!(crate::detect("w.csv", text.as_bytes()).is_err());

        let row = |id: &str, schema: &str, name: &str| {
            format!("\"{id}\",\"{schema}\",\"{name}\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n")
        };
        // missing id, missing schema, an id twice
        let text = format!(
            "{HEADER}\n{}{}",
            row("a", "Person", "A"),
            row("", "Person", "B")
        );
        let err = parse(&input("b.csv", &text)).unwrap_err();
        assert!(
            matches!(err, FormatError::Invalid { line: 3, .. }),
            "{err:?}"
        );
        assert!(err.to_string().contains("without an id"), "{err}");
        let text = format!("{HEADER}\n{}", row("a", "", "A"));
        let err = parse(&input("b.csv", &text)).unwrap_err();
        assert!(
            err.to_string().starts_with("b.csv:2: row a has no schema"),
            "{err}"
        );
        let text = format!(
            "{HEADER}\n{}{}",
            row("a", "Person", "A"),
            row("a", "Person", "B")
        );
        let err = parse(&input("b.csv", &text)).unwrap_err();
        assert!(
            matches!(err, FormatError::Invalid { line: 3, .. }),
            "{err:?}"
        );
        assert!(err.to_string().contains("the id a occurs twice"), "{err}");

        // a row with too few fields, after a row spanning two lines
        let text = format!("{HEADER}\n{}\"b\",\"Person\"\n", row("a", "Person", "A\nB"));
        let err = parse(&input("b.csv", &text)).unwrap_err();
        assert!(matches!(err, FormatError::Csv { line: 4, .. }), "{err:?}");

        // truncated in a quoted field
        let text = format!("{HEADER}\n\"a\",\"Person\",\"Ivan PET");
        let err = parse(&input("t.csv", &text)).unwrap_err();
        assert!(matches!(err, FormatError::Csv { .. }), "{err:?}");

        let mut bytes = format!("{HEADER}\n").into_bytes();
        bytes.extend_from_slice(b"\"a\",\"Person\",\"\xFF\"\n");
        let err = parse(&Input {
            name: "u.csv".into(),
            bytes,
        })
        .unwrap_err();
        assert!(
            matches!(err, FormatError::Encoding { line: 2, .. }),
            "{err:?}"
        );
        assert!(matches!(
            parse(&input("e.csv", " \n")),
            Err(FormatError::Empty { .. })
        ));
        // a header only: no entities, no error
        assert!(parse(&input("h.csv", HEADER)).unwrap().entities.is_empty());
    }

    #[test]
    fn huge_name_and_stray_quotes() {
        let big = "x".repeat(100 * 1024);
        let text = format!(
            "{HEADER}\n\"a\",\"Person\",\"{big}\",\"{big};y\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\"\n"
        );
        let list = parse(&input("big.csv", &text)).unwrap();
        let e = &list.entities[0];
        assert_eq!(e.names.len(), 2);
        assert_eq!(e.names[0].full.len(), big.len());
        assert_eq!(e.names[1].full, "y");
        // a multi-value field that is not valid CSV inside: split as it stands
        assert_eq!(values("a\"b;c"), vec!["a\"b", "c"]);
        assert_eq!(values("\"a;b\";\"c\"\"d\""), vec!["a;b", "c\"d"]);
        assert_eq!(values(" ; "), Vec::<String>::new());
    }
}
