//! UN Consolidated List parser: the real files, field by field, and bad input.

use interdict_formats::{un, FormatError, Input};
use interdict_model::{Entity, Gender, IdKind, NameKind, NameQuality, PartialDate, Schema};
use std::path::PathBuf;
use std::time::Instant;

fn lists_dir() -> PathBuf {
    interdict_formats::shared_lists_dir()
}

/// Reads a real list file, or prints SKIP and returns None when the shared folder is absent.
fn real(test: &str, rel: &str) -> Option<Input> {
    let dir = lists_dir();
    if !dir.is_dir() {
        eprintln!(
            "SKIP: {test}: shared lists folder not found at {}",
            dir.display()
        );
        return None;
    }
    Some(Input::read(&dir.join(rel)).unwrap())
}

const UN_2026: &str = "un/un_consolidated_2026-02-27.xml";
const UN_2025: &str = "un/un_consolidated_2025-11-29.xml";

fn get<'a>(entities: &'a [Entity], id: &str) -> &'a Entity {
    entities
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("{id} not found"))
}

fn count(entities: &[Entity], schema: Schema) -> usize {
    entities.iter().filter(|e| e.schema == schema).count()
}

#[test]
fn counts_of_both_editions() {
    let Some(input) = real("counts_of_both_editions", UN_2026) else {
        return;
    };
    let list = un::parse(&input).unwrap();
    assert_eq!(list.source, "un");
    assert_eq!(
        list.publisher_date.as_deref(),
        Some("2026-02-27T00:00:09.554Z")
    );
    assert_eq!(count(&list.entities, Schema::Person), 730);
    assert_eq!(count(&list.entities, Schema::Organization), 273);
    assert_eq!(list.entities.len(), 1003);
    // ids are unique and all carry the source prefix
    let mut ids: Vec<&str> = list.entities.iter().map(|e| e.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 1003);
    for e in &list.entities {
        assert!(
            e.id.starts_with("un:") && e.id[3..] == e.reference,
            "{}",
            e.id
        );
        assert_eq!(e.names[0].kind, NameKind::Primary, "{}", e.id);
        assert_eq!(e.programmes.len(), 1, "{}", e.id);
        assert!(e.listed_on.is_some(), "{}: {:?}", e.id, e.remarks);
    }
    // the whole-file entry point (format detection + id check) agrees
    let via_lib = interdict_formats::parse_path(&lists_dir().join(UN_2026)).unwrap();
    assert_eq!(via_lib.entities.len(), 1003);

    let old = un::parse(&real("counts_of_both_editions", UN_2025).unwrap()).unwrap();
    assert_eq!(count(&old.entities, Schema::Person), 727);
    assert_eq!(count(&old.entities, Schema::Organization), 273);
    assert_eq!(
        old.publisher_date.as_deref().map(|d| &d[..10]),
        Some("2025-11-29")
    );
}

#[test]
fn dprk_individual_field_by_field() {
    let Some(input) = real("dprk_individual_field_by_field", UN_2026) else {
        return;
    };
    let list = un::parse(&input).unwrap();
    let e = get(&list.entities, "un:KPi.033");
    assert_eq!(e.source, "un");
    assert_eq!(e.reference, "KPi.033");
    assert_eq!(e.schema, Schema::Person);
    assert_eq!(e.caption(), "RI WON HO");
    let primary = &e.names[0];
    assert_eq!(primary.family.as_deref(), Some("RI"));
    assert_eq!(primary.given.as_deref(), Some("WON HO"));
    assert_eq!(
        e.names.len(),
        1,
        "empty alias must be skipped: {:?}",
        e.names
    );
    assert_eq!(e.birth_dates.len(), 1);
    let dob = &e.birth_dates[0];
    assert_eq!(dob.date, PartialDate::ymd(1964, 7, 17).unwrap());
    assert_eq!((dob.date.month, dob.date.day), (Some(7), Some(17)));
    assert!(dob.to.is_none() && !dob.approximate);
    assert_eq!(e.nationalities, vec!["KP"]);
    assert_eq!(e.programmes, vec!["DPRK"]);
    assert_eq!(e.listed_on, Some(PartialDate::ymd(2016, 11, 30).unwrap()));
    assert_eq!(
        e.properties.get("position"),
        Some(&vec!["DPRK Ministry of State Security Official".to_string()])
    );
    let passports: Vec<_> = e.identifiers_of(&IdKind::Passport).collect();
    assert_eq!(passports.len(), 1);
    assert_eq!(passports[0].value, "381310014");
    assert!(e.remarks[0].contains("stationed in Syria"));
    assert!(
        e.addresses.is_empty(),
        "empty address kept: {:?}",
        e.addresses
    );

    // A DPRK passport with its issuing country, and an original-script name.
    let with_country = list
        .entities
        .iter()
        .filter(|e| e.reference.starts_with("KPi"))
        .flat_map(|e| e.identifiers_of(&IdKind::Passport))
        .find(|i| i.country.as_deref() == Some("KP"));
    assert!(
        with_country.is_some(),
        "no KP passport with issuing country KP"
    );
    // (this edition has original-script names in Arabic and Cyrillic only)
    let arabic = list
        .entities
        .iter()
        .flat_map(|e| e.names.iter())
        .filter(|n| n.kind == NameKind::Primary && n.script.as_deref() == Some("Arab"))
        .count();
    assert!(arabic > 300, "only {arabic} Arabic primary names");
    for script in ["Arab", "Cyrl"] {
        assert!(
            list.entities
                .iter()
                .flat_map(|e| e.names.iter())
                .any(|n| n.script.as_deref() == Some(script)),
            "no {script} name"
        );
    }
}

#[test]
fn alias_qualities_dates_and_documents() {
    let Some(input) = real("alias_qualities_dates_and_documents", UN_2026) else {
        return;
    };
    let list = un::parse(&input).unwrap();

    // CDi.003: a Low alias is weak, Good ones strong; three designations.
    let e = get(&list.entities, "un:CDi.003");
    let rumuli = e.names.iter().find(|n| n.full == "Rumuli").unwrap();
    assert_eq!(
        (rumuli.kind, rumuli.quality),
        (NameKind::Alias, NameQuality::Weak)
    );
    let victor = e.names.iter().find(|n| n.full == "Victor Rumuri").unwrap();
    assert_eq!(victor.quality, NameQuality::Strong);
    assert_eq!(e.properties["position"].len(), 3);
    assert_eq!(
        e.birth_places,
        vec![
            "Musanze District, Northern Province, Rwanda",
            "Ruhengeri, Rwanda"
        ]
    );
    assert_eq!(e.gender, Some(Gender::Male));

    // A person with a Low alias is counted; entities (organizations) are
    // graded "a.k.a." (ungraded alias) or "f.k.a." (former name) in this list.
    let weak_people = list
        .entities
        .iter()
        .filter(|e| e.names.iter().any(|n| n.quality == NameQuality::Weak))
        .count();
    assert!(weak_people > 100, "{weak_people} entries with weak aliases");
    let org_names: Vec<_> = list
        .entities
        .iter()
        .filter(|e| e.schema == Schema::Organization)
        .flat_map(|e| e.names.iter())
        .collect();
    assert!(org_names.iter().all(|n| n.quality == NameQuality::Unknown));
    let former = org_names
        .iter()
        .filter(|n| n.kind == NameKind::Former)
        .count();
    assert_eq!(former, 19);
    let aka = org_names
        .iter()
        .filter(|n| n.kind == NameKind::Alias)
        .count();
    assert!(aka > 550, "{aka} organization aliases");

    // BETWEEN → a year range (KPi with FROM_YEAR 1967 TO_YEAR 1969).
    let ranges: Vec<_> = list
        .entities
        .iter()
        .flat_map(|e| e.birth_dates.iter())
        .filter(|d| d.to.is_some())
        .collect();
    assert!(ranges.len() >= 31, "{} ranges", ranges.len());
    assert!(ranges
        .iter()
        .any(|d| d.date == PartialDate::year(1967) && d.to == Some(PartialDate::year(1969))));
    // BETWEEN with the note "Approximately" is an approximate range.
    assert!(ranges.iter().any(|d| d.approximate));

    // APPROXIMATELY → approximate year (CDi entries with exact date and circa year).
    let approx = list
        .entities
        .iter()
        .flat_map(|e| e.birth_dates.iter())
        .filter(|d| d.approximate && d.to.is_none())
        .count();
    assert!(approx >= 116, "{approx} approximate dates");

    // The Hijri note date is converted and its text kept.
    let hijri = list
        .entities
        .iter()
        .flat_map(|e| e.birth_dates.iter())
        .find(|d| d.text.as_deref().is_some_and(|t| t.contains("Hijri")))
        .unwrap();
    assert_eq!(hijri.date, PartialDate::ymd(1982, 4, 19).unwrap());
    // "Nov. 1973" → month precision
    assert!(list
        .entities
        .iter()
        .flat_map(|e| e.birth_dates.iter())
        .any(|d| d.date == PartialDate::ym(1973, 11).unwrap()));

    // National ids and the Spanish/French passport labels.
    let nat_ids = list
        .entities
        .iter()
        .flat_map(|e| e.identifiers_of(&IdKind::NationalId))
        .count();
    assert!(nat_ids > 100, "{nat_ids} national ids");
    let passports = list
        .entities
        .iter()
        .flat_map(|e| e.identifiers_of(&IdKind::Passport))
        .count();
    assert!(passports >= 300, "{passports} passports");

    // Addresses carry street/city/region/country.
    let full = list
        .entities
        .iter()
        .flat_map(|e| e.addresses.iter())
        .filter(|a| a.street.is_some() && a.city.is_some())
        .count();
    assert!(full > 50);
}

#[test]
fn imo_numbers_from_entity_comments() {
    let Some(input) = real("imo_numbers_from_entity_comments", UN_2026) else {
        return;
    };
    let list = un::parse(&input).unwrap();
    let with_imo: Vec<&Entity> = list
        .entities
        .iter()
        .filter(|e| e.identifiers_of(&IdKind::Imo).next().is_some())
        .collect();
    assert!(with_imo.len() >= 15, "{} entities with IMO", with_imo.len());
    assert!(with_imo.iter().all(|e| e.schema == Schema::Organization));
    let imos: Vec<&str> = with_imo
        .iter()
        .flat_map(|e| e.identifiers_of(&IdKind::Imo))
        .map(|i| i.value.as_str())
        .collect();
    assert!(imos.contains(&"5571322"), "{imos:?}");
    assert!(imos.contains(&"5434358"), "{imos:?}");
    assert!(imos.iter().all(|v| v.len() == 7));
}

#[test]
fn editions_differ_as_expected() {
    let Some(new) = real("editions_differ_as_expected", UN_2026) else {
        return;
    };
    let new = un::parse(&new).unwrap();
    let old = un::parse(&real("editions_differ_as_expected", UN_2025).unwrap()).unwrap();
    let ids = |l: &interdict_formats::ParsedList| {
        l.entities
            .iter()
            .map(|e| e.id.clone())
            .collect::<std::collections::HashSet<_>>()
    };
    let (a, b) = (ids(&old), ids(&new));
    assert_eq!(b.difference(&a).count(), 4, "added");
    assert_eq!(a.difference(&b).count(), 1, "removed");
}

#[test]
fn parse_time_of_the_2026_file() {
    let Some(input) = real("parse_time_of_the_2026_file", UN_2026) else {
        return;
    };
    let start = Instant::now();
    let runs = 5;
    for _ in 0..runs {
        let list = un::parse(&input).unwrap();
        assert_eq!(list.entities.len(), 1003);
    }
    let per = start.elapsed() / runs;
    eprintln!(
        "un::parse of {} ({} bytes): {:?} per run ({} build)",
        input.name,
        input.bytes.len(),
        per,
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
}

// ---- bad input ----

#[test]
fn truncated_file_names_file_and_line() {
    let Some(input) = real("truncated_file_names_file_and_line", UN_2026) else {
        return;
    };
    let half = input.bytes.len() / 2;
    // cut on a character boundary so that the error is about structure, not UTF-8
    let cut = (half..half + 4)
        .find(|&i| std::str::from_utf8(&input.bytes[..i]).is_ok())
        .unwrap();
    let truncated = Input {
        name: "cut.xml".into(),
        bytes: input.bytes[..cut].to_vec(),
    };
    let err = un::parse(&truncated).unwrap_err();
    let lines = truncated.bytes.iter().filter(|&&b| b == b'\n').count() + 1;
    match &err {
        FormatError::Xml { file, line, .. } => {
            assert_eq!(file, "cut.xml");
            assert_eq!(*line, lines);
        }
        other => panic!("expected an XML error, got {other:?}"),
    }
    assert!(
        err.to_string().starts_with(&format!("cut.xml:{lines}:")),
        "{err}"
    );
}

fn input(name: &str, text: &str) -> Input {
    Input {
        name: name.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

const SMALL: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2026-01-01T00:00:00Z">
  <INDIVIDUALS>
    <INDIVIDUAL>
      <FIRST_NAME>KIM</FIRST_NAME>
      <SECOND_NAME>TEST</SECOND_NAME>
      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
      <REFERENCE_NUMBER>KPi.999</REFERENCE_NUMBER>
      <LISTED_ON>2020-01-02</LISTED_ON>
      <NAME_ORIGINAL_SCRIPT>김 테스트</NAME_ORIGINAL_SCRIPT>
      <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Kimmy</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1960</FROM_YEAR><TO_YEAR>1962</TO_YEAR></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>APPROXIMATELY</TYPE_OF_DATE><YEAR>1961</YEAR></INDIVIDUAL_DATE_OF_BIRTH>
      <INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NUMBER>745310010</NUMBER><ISSUING_COUNTRY>Democratic People's Republic of Korea</ISSUING_COUNTRY><DATE_OF_ISSUE>2015-01-01</DATE_OF_ISSUE></INDIVIDUAL_DOCUMENT>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES>
    <ENTITY>
      <FIRST_NAME>TEST SHIPPING CO</FIRST_NAME>
      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
      <REFERENCE_NUMBER>KPe.999</REFERENCE_NUMBER>
      <LISTED_ON>2018-03-30</LISTED_ON>
      <COMMENTS1>Owner of a tanker. IMO number: 5000001.</COMMENTS1>
      <ENTITY_ADDRESS><CITY>Pyongyang</CITY><COUNTRY>DPRK</COUNTRY></ENTITY_ADDRESS>
    </ENTITY>
  </ENTITIES>
</CONSOLIDATED_LIST>
"#;

#[test]
fn small_fixture_field_by_field() {
    let list = un::parse(&input("small.xml", SMALL)).unwrap();
    assert_eq!(list.entities.len(), 2);
    let p = &list.entities[0];
    assert_eq!(p.id, "un:KPi.999");
    assert_eq!(p.names.len(), 3);
    assert_eq!(p.names[1].script.as_deref(), Some("Hang"));
    assert_eq!(p.names[2].quality, NameQuality::Weak);
    assert_eq!(p.birth_dates[0].to, Some(PartialDate::year(1962)));
    assert!(p.birth_dates[1].approximate);
    let pass = &p.identifiers[0];
    assert_eq!(
        (
            pass.kind.clone(),
            pass.value.as_str(),
            pass.country.as_deref()
        ),
        (IdKind::Passport, "745310010", Some("KP"))
    );
    assert_eq!(pass.note.as_deref(), Some("issued on 2015-01-01"));
    let o = &list.entities[1];
    assert_eq!(o.schema, Schema::Organization);
    assert_eq!(o.identifiers[0].kind, IdKind::Imo);
    assert_eq!(o.identifiers[0].value, "5000001");
    assert_eq!(o.addresses[0].country.as_deref(), Some("KP"));
    assert_eq!(o.countries, vec!["KP"]);
}

#[test]
fn wrong_root_element() {
    let err = un::parse(&input(
        "ofac.xml",
        "<?xml version=\"1.0\"?>\n<sdnList>\n</sdnList>\n",
    ))
    .unwrap_err();
    assert!(
        matches!(err, FormatError::Invalid { line: 2, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("ofac.xml") && err.to_string().contains("<sdnList>"));
}

#[test]
fn invalid_utf8_is_an_encoding_error() {
    let mut bytes = SMALL.as_bytes().to_vec();
    let pos = SMALL.find("TEST SHIPPING").unwrap();
    bytes[pos] = 0xFF;
    let line = SMALL[..pos].matches('\n').count() + 1;
    let err = un::parse(&Input {
        name: "bad.xml".into(),
        bytes,
    })
    .unwrap_err();
    match err {
        FormatError::Encoding { file, line: l, .. } => {
            assert_eq!(file, "bad.xml");
            assert_eq!(l, line);
        }
        other => panic!("expected an encoding error, got {other:?}"),
    }
}

#[test]
fn record_without_reference_names_the_line() {
    let text = SMALL.replace("<REFERENCE_NUMBER>KPe.999</REFERENCE_NUMBER>", "");
    let line = text[..text.find("<ENTITY>").unwrap()].matches('\n').count() + 1;
    let err = un::parse(&input("noref.xml", &text)).unwrap_err();
    match &err {
        FormatError::Invalid {
            file,
            line: l,
            message,
        } => {
            assert_eq!(file, "noref.xml");
            assert_eq!(*l, line);
            assert!(message.contains("REFERENCE_NUMBER"));
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
}
