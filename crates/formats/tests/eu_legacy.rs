//! EU legacy XML 1.0 parser: the real 2016 subset, the same entities as the
//! FSF 1.1 excerpt describes, a hand-made fixture and bad input.

use interdict_formats::{detect, eu, Format, FormatError, Input};
use interdict_model::{Entity, Gender, IdKind, NameKind, PartialDate, Schema};

const LEGACY: &str = "eu/eu_legacy_1_0_subset_2016-02-11.xml";

fn real(test: &str) -> Option<Input> {
    let dir = interdict_formats::shared_lists(test)?;
    Some(Input::read(&dir.join(LEGACY)).unwrap())
}

fn get<'a>(entities: &'a [Entity], id: &str) -> &'a Entity {
    entities
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("{id} not found"))
}

#[test]
fn real_subset_counts_and_header() {
    let Some(input) = real("real_subset_counts_and_header") else {
        return;
    };
    assert_eq!(
        detect(&input.name, &input.bytes).unwrap(),
        Format::EuLegacyXml
    );
    let list = eu::parse_legacy(&input).unwrap();
    assert_eq!(list.source, "eu");
    assert_eq!(list.format, Format::EuLegacyXml);
    assert_eq!(list.publisher_date.as_deref(), Some("2016-02-11"));
    // PROVENANCE.md: 595 entities (319 P, 276 E), 2,993 NAME elements
    assert_eq!(list.entities.len(), 595);
    let persons = list
        .entities
        .iter()
        .filter(|e| e.schema == Schema::Person)
        .count();
    assert_eq!(persons, 319);
    assert_eq!(
        list.entities
            .iter()
            .filter(|e| e.schema == Schema::Organization)
            .count(),
        276
    );
    // 296 of the 2,993 NAME elements repeat a name of the same entity word
    // for word (one NAME per legal act citing it) and are not repeated.
    let names: usize = list.entities.iter().map(|e| e.names.len()).sum();
    assert_eq!(names, 2697);
    for e in &list.entities {
        let primaries = e.names.iter().filter(|n| n.kind == NameKind::Primary);
        assert_eq!(primaries.count(), 1, "{}", e.id);
        assert_eq!(e.names[0].kind, NameKind::Primary, "{}", e.id);
        assert!(!e.programmes.is_empty(), "{}", e.id);
        assert!(e.listed_on.is_some(), "{}", e.id);
    }
    let via_lib = interdict_formats::parse_path(std::path::Path::new(&input.name)).unwrap();
    assert_eq!(via_lib.entities.len(), 595);
}

#[test]
fn real_person_saddam_hussein() {
    let Some(input) = real("real_person_saddam_hussein") else {
        return;
    };
    let list = eu::parse_legacy(&input).unwrap();
    let saddam = get(&list.entities, "eu:13");
    assert_eq!(saddam.caption(), "Saddam Hussein Al-Tikriti");
    assert_eq!(saddam.names[0].given.as_deref(), Some("Saddam"));
    assert_eq!(
        saddam.names[0].family.as_deref(),
        Some("Hussein Al-Tikriti")
    );
    let abou = saddam.names.iter().find(|n| n.full == "Abou Ali").unwrap();
    assert_eq!(abou.lang.as_deref(), Some("fr"));
    assert_eq!(abou.kind, NameKind::Alias);
    assert_eq!(saddam.gender, Some(Gender::Male));
    assert_eq!(
        saddam.birth_dates[0].date,
        PartialDate::ymd(1937, 4, 28).unwrap()
    );
    assert_eq!(saddam.birth_places, vec!["al-Awja, near Tikrit, Iraq"]);
    assert_eq!(saddam.nationalities, vec!["IQ"]);
    assert_eq!(saddam.programmes, vec!["IRQ"]);
    assert_eq!(saddam.remarks, vec!["UNSC RESOLUTION 1483"]);

    // Mugabe: passport, and a name listed twice (two legal acts) is kept once
    let mugabe = get(&list.entities, "eu:1");
    assert_eq!(mugabe.names.len(), 1);
    let passport = mugabe.identifiers_of(&IdKind::Passport).next().unwrap();
    assert_eq!(passport.value, "AD001095");
    assert_eq!(passport.note.as_deref(), Some("National passport"));
    // the earliest reg_date of the record and its parts
    assert_eq!(
        mugabe.listed_on,
        Some(PartialDate::ymd(2002, 9, 13).unwrap())
    );
}

#[test]
fn real_addresses_and_flagged_documents() {
    let Some(input) = real("real_addresses_and_flagged_documents") else {
        return;
    };
    let list = eu::parse_legacy(&input).unwrap();
    let expired: Vec<&str> = list
        .entities
        .iter()
        .flat_map(|e| &e.identifiers)
        .filter(|i| {
            i.note
                .as_deref()
                .is_some_and(|n| n.contains("known expired"))
        })
        .map(|i| i.value.as_str())
        .collect();
    assert!(expired.contains(&"L335915"), "{expired:?}");
    let addressed = list
        .entities
        .iter()
        .filter(|e| !e.addresses.is_empty())
        .count();
    assert!(addressed > 100, "{addressed}");
    let e230 = get(&list.entities, "eu:230");
    assert!(e230
        .addresses
        .iter()
        .any(|a| a.street.as_deref() == Some("Rashid Street")
            && a.city.as_deref() == Some("Baghdad")
            && a.country.as_deref() == Some("IQ")));
    assert!(e230.countries.contains(&"IQ".to_string()));
}

/// The legacy subset and the 1.1 excerpt share entities: both formats must
/// give them the same id, names, dates and documents.
#[test]
fn same_entity_as_fsf_1_1() {
    let Some(dir) = interdict_formats::shared_lists("same_entity_as_fsf_1_1") else {
        return;
    };
    let legacy = eu::parse_legacy(&Input::read(&dir.join(LEGACY)).unwrap()).unwrap();
    let fsf = eu::parse(&Input::read(&dir.join("eu/eu_fsf_1_1_excerpt_2026-08-05.xml")).unwrap())
        .unwrap();
    let old = get(&legacy.entities, "eu:191");
    let new = get(&fsf.entities, "eu:191");
    assert_eq!(old.schema, new.schema);
    assert_eq!(old.gender, new.gender);
    assert_eq!(old.birth_dates, new.birth_dates);
    assert_eq!(old.listed_on, new.listed_on);
    assert_eq!(old.identifiers, new.identifiers);
    assert_eq!(old.programmes, new.programmes);
    // ten years later the 1.1 record has one more birth date (with a remark)
    let old = get(&legacy.entities, "eu:521");
    let new = get(&fsf.entities, "eu:521");
    assert_eq!(old.birth_dates.len(), 1);
    assert!(new.birth_dates.contains(&old.birth_dates[0]));
    assert_eq!(old.nationalities, new.nationalities);
}

// ---- hand-made fixture and bad input ----

const SMALL: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!-- GENERATED BY FSD -->
<WHOLE Date="01/03/2015">
<ENTITY Id="42" Type="P" legal_basis="1/2015 (OJ L1)" reg_date="2015-01-02" programme="UKR" remark="(Former minister)">
<NAME Id="9" Entity_id="42" reg_date="2015-01-02" programme="UKR">
<LASTNAME>Ivanov</LASTNAME><FIRSTNAME>Ivan</FIRSTNAME><MIDDLENAME>Petrovich</MIDDLENAME>
<WHOLENAME>Ivan Petrovich  Ivanov</WHOLENAME><GENDER>M</GENDER><TITLE/><FUNCTION>Minister</FUNCTION><LANGUAGE/>
</NAME>
<NAME Id="7" Entity_id="42" reg_date="2014-03-17" programme="UKR">
<LASTNAME/><FIRSTNAME/><MIDDLENAME/><WHOLENAME>Иван Петрович Иванов</WHOLENAME><GENDER/><TITLE/><FUNCTION/><LANGUAGE>RU</LANGUAGE>
</NAME>
<NAME Id="8" Entity_id="42" reg_date="2014-03-17" programme="UKR">
<LASTNAME/><FIRSTNAME/><MIDDLENAME/><WHOLENAME>Iwan Iwanow</WHOLENAME><GENDER/><TITLE/><FUNCTION/><LANGUAGE>DE</LANGUAGE>
</NAME>
<BIRTH Id="3" Entity_id="42"><DATE>1960 (approximative)</DATE><PLACE>Kyiv</PLACE><COUNTRY>UKR</COUNTRY></BIRTH>
<CITIZEN Id="4" Entity_id="42"><COUNTRY>RUS</COUNTRY></CITIZEN>
<PASSPORT Id="5" Entity_id="42"><NUMBER>AB 123456 (passport-National passport) [known to be false](issued in Kyiv)</NUMBER><COUNTRY>UKR</COUNTRY></PASSPORT>
<ADDRESS Id="6" Entity_id="42"><NUMBER/><STREET>1 Main Street</STREET><ZIPCODE>01001</ZIPCODE><CITY>Kyiv</CITY><COUNTRY>UKR</COUNTRY><OTHER>PHONE[123 45 67]</OTHER></ADDRESS>
</ENTITY>
<ENTITY Id="43" Type="E" reg_date="2015-01-02" programme="UKR">
<NAME Id="10" Entity_id="43"><WHOLENAME>ACME LLC</WHOLENAME></NAME>
</ENTITY>
</WHOLE>
"#;

fn input(name: &str, text: &str) -> Input {
    Input {
        name: name.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

#[test]
fn small_fixture() {
    assert_eq!(
        detect("small.xml", SMALL.as_bytes()).unwrap(),
        Format::EuLegacyXml
    );
    let list = eu::parse_legacy(&input("small.xml", SMALL)).unwrap();
    assert_eq!(list.publisher_date.as_deref(), Some("2015-03-01"));
    assert_eq!(list.entities.len(), 2);
    let p = &list.entities[0];
    assert_eq!(p.id, "eu:42");
    // the lowest Latin-script NAME Id is the primary name, not the first in the file
    let names: Vec<(&str, NameKind)> = p.names.iter().map(|n| (n.full.as_str(), n.kind)).collect();
    assert_eq!(
        names,
        vec![
            ("Iwan Iwanow", NameKind::Primary),
            ("Ivan Petrovich Ivanov", NameKind::Alias),
            ("Иван Петрович Иванов", NameKind::Alias),
        ]
    );
    assert_eq!(p.names[1].given.as_deref(), Some("Ivan Petrovich"));
    assert_eq!(p.names[2].script.as_deref(), Some("Cyrl"));
    assert_eq!(p.names[2].lang.as_deref(), Some("ru"));
    assert_eq!(p.gender, Some(Gender::Male));
    assert_eq!(p.properties["position"], vec!["Minister"]);
    let dob = &p.birth_dates[0];
    assert_eq!((dob.date, dob.approximate), (PartialDate::year(1960), true));
    assert_eq!(p.birth_places, vec!["Kyiv, Ukraine"]);
    assert_eq!(p.nationalities, vec!["RU"]);
    let passport = &p.identifiers[0];
    assert_eq!(passport.kind, IdKind::Passport);
    assert_eq!(passport.value, "AB 123456");
    assert_eq!(passport.country.as_deref(), Some("UA"));
    assert_eq!(
        passport.note.as_deref(),
        Some("National passport; known false; issued in Kyiv")
    );
    let a = &p.addresses[0];
    assert_eq!(
        (
            a.street.as_deref(),
            a.postal_code.as_deref(),
            a.city.as_deref(),
            a.country.as_deref()
        ),
        (
            Some("1 Main Street"),
            Some("01001"),
            Some("Kyiv"),
            Some("UA")
        )
    );
    assert_eq!(p.properties["phone"], vec!["123 45 67"]);
    assert_eq!(p.listed_on, Some(PartialDate::ymd(2014, 3, 17).unwrap()));
    assert_eq!(p.remarks, vec!["Former minister"]);
    assert_eq!(list.entities[1].schema, Schema::Organization);
    assert_eq!(list.entities[1].caption(), "ACME LLC");
}

#[test]
fn truncated_file_names_the_line() {
    let cut = SMALL.find("<CITIZEN").unwrap();
    let part = &SMALL[..cut];
    let err = eu::parse_legacy(&input("half.xml", part)).unwrap_err();
    let lines = part.matches('\n').count() + 1;
    assert!(
        matches!(&err, FormatError::Xml { file, line, .. } if file == "half.xml" && *line == lines),
        "{err:?}"
    );
    assert!(err.to_string().contains("truncated"), "{err}");
}

#[test]
fn malformed_xml_names_the_line() {
    let bad = SMALL.replace("</CITIZEN>", "</CITIZENSHIP>");
    let err = eu::parse_legacy(&input("bad.xml", &bad)).unwrap_err();
    let line = SMALL[..SMALL.find("</CITIZEN>").unwrap()]
        .matches('\n')
        .count()
        + 1;
    assert!(
        matches!(&err, FormatError::Xml { file, line: l, .. } if file == "bad.xml" && *l == line),
        "{err:?}"
    );
}

#[test]
fn wrong_root_and_bad_records() {
    let err = eu::parse_legacy(&input("x.xml", "<export></export>")).unwrap_err();
    assert!(err.to_string().contains("<WHOLE>"), "{err}");
    let no_id = SMALL.replace("<ENTITY Id=\"43\" ", "<ENTITY ");
    let err = eu::parse_legacy(&input("noid.xml", &no_id)).unwrap_err();
    let line = no_id[..no_id.find("<ENTITY Type").unwrap()]
        .matches('\n')
        .count()
        + 1;
    assert!(
        matches!(&err, FormatError::Invalid { file, line: l, message } if file == "noid.xml" && *l == line && message.contains("Id")),
        "{err:?}"
    );
    let bad_type = SMALL.replace("Type=\"E\"", "Type=\"X\"");
    assert!(matches!(
        eu::parse_legacy(&input("t.xml", &bad_type)),
        Err(FormatError::Invalid { .. })
    ));
    let bad_date = SMALL.replace("01/03/2015", "March 2015");
    let err = eu::parse_legacy(&input("d.xml", &bad_date)).unwrap_err();
    assert!(err.to_string().contains("March 2015"), "{err}");
}
