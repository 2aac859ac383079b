//! EU Financial Sanctions Files XML 1.1 parser: the real excerpt and bad input.

use interdict_formats::{eu, FormatError, Input};
use interdict_model::{Entity, Gender, IdKind, NameKind, NameQuality, PartialDate, Schema};
use std::path::PathBuf;

fn lists_dir() -> PathBuf {
    interdict_formats::shared_lists_dir()
}

fn real(test: &str) -> Option<Input> {
    let dir = lists_dir();
    if !dir.is_dir() {
        eprintln!(
            "SKIP: {test}: shared lists folder not found at {}",
            dir.display()
        );
        return None;
    }
    Some(Input::read(&dir.join("eu/eu_fsf_1_1_excerpt_2026-08-05.xml")).unwrap())
}

fn get<'a>(entities: &'a [Entity], id: &str) -> &'a Entity {
    entities.iter().find(|e| e.id == id).unwrap()
}

#[test]
fn excerpt_counts_and_header() {
    let Some(input) = real("excerpt_counts_and_header") else {
        return;
    };
    let list = eu::parse(&input).unwrap();
    assert_eq!(list.source, "eu");
    assert_eq!(
        list.publisher_date.as_deref(),
        Some("2026-08-05T16:47:04.449+02:00")
    );
    assert_eq!(list.entities.len(), 5);
    let persons = list
        .entities
        .iter()
        .filter(|e| e.schema == Schema::Person)
        .count();
    assert_eq!(persons, 4);
    assert_eq!(
        list.entities
            .iter()
            .filter(|e| e.schema == Schema::Organization)
            .count(),
        1
    );
    // 45 nameAlias elements; two differ only in doubled spaces from none, so all stay
    let names: usize = list.entities.iter().map(|e| e.names.len()).sum();
    assert_eq!(names, 45);
    for e in &list.entities {
        assert_eq!(
            e.names
                .iter()
                .filter(|n| n.kind == NameKind::Primary)
                .count(),
            1,
            "{}",
            e.id
        );
        assert!(e.properties.contains_key("euReference"), "{}", e.id);
        assert!(e.listed_on.is_some(), "{}", e.id);
        assert_eq!(e.programmes.len(), 1);
    }
    let via_lib = interdict_formats::parse_path(&lists_dir().join(&input.name)).unwrap();
    assert_eq!(via_lib.entities.len(), 5);
}

#[test]
fn multilingual_aliases_with_language() {
    let Some(input) = real("multilingual_aliases_with_language") else {
        return;
    };
    let list = eu::parse(&input).unwrap();
    let pci = get(&list.entities, "eu:3822");
    assert_eq!(pci.schema, Schema::Organization);
    assert_eq!(pci.caption(), "Parchin Chemical Industries (PCI)");
    let lang_of = |full: &str| {
        pci.names
            .iter()
            .find(|n| n.full == full)
            .and_then(|n| n.lang.clone())
    };
    assert_eq!(
        lang_of("Parcsini Vegyipari Vállalat").as_deref(),
        Some("hu")
    );
    assert_eq!(
        lang_of("Industrias Químicas Parchin").as_deref(),
        Some("es")
    );
    assert_eq!(lang_of("Parchin-Militärbasis").as_deref(), Some("de"));
    // doubled spaces in wholeName are collapsed
    assert_eq!(
        lang_of("Tionscail Ceimiceán Parchin").as_deref(),
        Some("ga")
    );
    let farsi = pci
        .names
        .iter()
        .find(|n| n.lang.as_deref() == Some("fa"))
        .unwrap();
    assert_eq!(farsi.script.as_deref(), Some("Arab"));
    assert_eq!(farsi.kind, NameKind::Alias);
    assert_eq!(pci.addresses.len(), 6);
    assert!(pci
        .addresses
        .iter()
        .all(|a| a.country.as_deref() == Some("IR")));
    assert_eq!(pci.properties["website"], vec!["http://icig.ir/"]);
    let reg = pci.identifiers_of(&IdKind::Registration).next().unwrap();
    assert_eq!(reg.value, "892");
    assert_eq!(pci.listed_on, Some(PartialDate::ymd(2008, 6, 23).unwrap()));
    assert_eq!(pci.programmes, vec!["IRN"]);

    // Arabic names of a person, with quality from the "low quality alias" remarks.
    let asiri = get(&list.entities, "eu:6177");
    let arabic: Vec<_> = asiri
        .names
        .iter()
        .filter(|n| n.lang.as_deref() == Some("ar"))
        .collect();
    assert_eq!(arabic.len(), 2);
    assert!(arabic.iter().all(|n| n.script.as_deref() == Some("Arab")));
    let weak: Vec<&str> = asiri
        .names
        .iter()
        .filter(|n| n.quality == NameQuality::Weak)
        .map(|n| n.full.as_str())
        .collect();
    assert_eq!(weak, vec!["Abu-Salaah", "Abosslah", "Abu Saleh"]);
    let primary = &asiri.names[0];
    assert_eq!(primary.kind, NameKind::Primary);
    assert_eq!(primary.full, "Ibrahim Hassan Tali Al-Asiri");
    assert_eq!(primary.given.as_deref(), Some("Ibrahim Hassan Tali"));
    assert_eq!(primary.family.as_deref(), Some("Al-Asiri"));
    assert_eq!(asiri.nationalities, vec!["SA"]);
}

#[test]
fn islamic_birth_date_keeps_its_text() {
    let Some(input) = real("islamic_birth_date_keeps_its_text") else {
        return;
    };
    let list = eu::parse(&input).unwrap();
    let asiri = get(&list.entities, "eu:6177");
    assert_eq!(asiri.birth_dates.len(), 3);
    let islamic = asiri.birth_dates.iter().find(|d| d.text.is_some()).unwrap();
    assert_eq!(islamic.date, PartialDate::ymd(1982, 4, 19).unwrap());
    let text = islamic.text.as_deref().unwrap();
    assert!(
        text.contains("24/06/1402") && text.contains("islamic"),
        "{text}"
    );
    assert!(asiri
        .birth_dates
        .iter()
        .any(|d| d.date == PartialDate::ymd(1982, 4, 18).unwrap() && d.text.is_none()));
    assert_eq!(asiri.birth_places, vec!["Riyadh, SAUDI ARABIA"]);
    let passport = asiri.identifiers_of(&IdKind::Passport).next().unwrap();
    assert_eq!(passport.value, "F654645");
    assert_eq!(passport.country.as_deref(), Some("SA"));
    assert!(passport.note.as_deref().unwrap().contains("known expired"));
    let id = asiri.identifiers_of(&IdKind::NationalId).next().unwrap();
    assert_eq!(id.value, "1028745097");
}

#[test]
fn person_fields() {
    let Some(input) = real("person_fields") else {
        return;
    };
    let list = eu::parse(&input).unwrap();
    let ksm = get(&list.entities, "eu:191");
    assert_eq!(ksm.caption(), "Khalid Sheikh MOHAMMED");
    assert_eq!(ksm.gender, Some(Gender::Male));
    assert_eq!(ksm.names.len(), 7);
    assert_eq!(ksm.names[0].lang.as_deref(), Some("en"));
    assert_eq!(
        ksm.birth_dates
            .iter()
            .map(|d| d.date.to_string())
            .collect::<Vec<_>>(),
        vec!["1965-04-14", "1964-03-01"]
    );
    // no designationDate: the earliest cited regulation
    assert_eq!(ksm.listed_on, Some(PartialDate::ymd(2005, 11, 30).unwrap()));
    let passport = ksm.identifiers_of(&IdKind::Passport).next().unwrap();
    assert_eq!(
        (passport.value.as_str(), passport.country.as_deref()),
        ("488555", None)
    );

    let jan = get(&list.entities, "eu:521");
    let range = &jan.birth_dates[0];
    assert_eq!(
        (range.date, range.to, range.approximate),
        (PartialDate::year(1953), Some(PartialDate::year(1958)), true)
    );
    assert_eq!(jan.nationalities, vec!["AF"]);
    assert_eq!(jan.properties["title"], vec!["Maulavi"]);

    let dorda = get(&list.entities, "eu:6106");
    assert_eq!(dorda.properties["unReference"], vec!["LYi.006"]);
    assert_eq!(dorda.programmes, vec!["LBY"]);
    let p = dorda.identifiers_of(&IdKind::Passport).next().unwrap();
    assert_eq!(p.country.as_deref(), Some("LY"));
    assert!(p.note.as_deref().unwrap().contains("valid to 2026-11-24"));
}

// ---- bad input ----

const SMALL: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<export xmlns="http://eu.europa.ec/fpi/fsd/export" generationDate="2026-01-01T10:00:00.000+01:00">
<sanctionEntity designationDate="2022-02-23" unitedNationId="" euReferenceNumber="EU.1.1" logicalId="42">
  <regulation publicationDate="2022-02-23" programme="RUS"/>
  <subjectType code="person" classificationCode="P"/>
  <nameAlias firstName="Ivan" lastName="IVANOV" wholeName="Ivan IVANOV" gender="M" nameLanguage="" strong="true" logicalId="7"/>
  <nameAlias wholeName="Иван Иванов" nameLanguage="RU" strong="true" logicalId="8"/>
  <nameAlias wholeName="Vanya" strong="false" logicalId="9"/>
  <birthdate circa="false" calendarType="GREGORIAN" year="1970" monthOfYear="5" logicalId="10"/>
  <citizenship countryIso2Code="RU"/>
</sanctionEntity>
<sanctionEntity logicalId="43">
  <subjectType code="enterprise" classificationCode="E"/>
  <nameAlias wholeName="ACME LLC" strong="true" logicalId="11"/>
</sanctionEntity>
</export>
"#;

fn input(name: &str, text: &str) -> Input {
    Input {
        name: name.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

#[test]
fn small_fixture() {
    let list = eu::parse(&input("small.xml", SMALL)).unwrap();
    assert_eq!(list.entities.len(), 2);
    let p = &list.entities[0];
    assert_eq!(p.id, "eu:42");
    assert_eq!(p.names[1].script.as_deref(), Some("Cyrl"));
    assert_eq!(p.names[1].lang.as_deref(), Some("ru"));
    assert_eq!(p.names[2].quality, NameQuality::Weak);
    assert_eq!(p.birth_dates[0].date, PartialDate::ym(1970, 5).unwrap());
    assert_eq!(p.nationalities, vec!["RU"]);
    assert_eq!(list.entities[1].schema, Schema::Organization);
    assert_eq!(list.entities[1].listed_on, None);
}

#[test]
fn truncated_file() {
    let Some(real) = real("truncated_file") else {
        return;
    };
    let text = std::str::from_utf8(&real.bytes).unwrap();
    let mut cut = text.len() / 2;
    while !text.is_char_boundary(cut) {
        cut += 1;
    }
    let part = &text[..cut];
    let err = eu::parse(&input("half.xml", part)).unwrap_err();
    let lines = part.matches('\n').count() + 1;
    assert!(
        matches!(&err, FormatError::Xml { file, line, .. } if file == "half.xml" && *line == lines),
        "{err:?}"
    );
}

#[test]
fn wrong_root_element() {
    let err = eu::parse(&input("un.xml", "<CONSOLIDATED_LIST></CONSOLIDATED_LIST>")).unwrap_err();
    assert!(
        matches!(err, FormatError::Invalid { line: 1, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("<export>"), "{err}");
}

#[test]
fn invalid_utf8() {
    let mut bytes = SMALL.as_bytes().to_vec();
    let pos = SMALL.find("ACME").unwrap();
    bytes[pos + 1] = 0xC3; // a lead byte followed by ASCII
    let err = eu::parse(&Input {
        name: "bad.xml".into(),
        bytes,
    })
    .unwrap_err();
    let line = SMALL[..pos].matches('\n').count() + 1;
    assert!(
        matches!(&err, FormatError::Encoding { file, line: l, .. } if file == "bad.xml" && *l == line),
        "{err:?}"
    );
}

#[test]
fn record_without_logical_id() {
    let text = SMALL.replace("<sanctionEntity logicalId=\"43\">", "<sanctionEntity>");
    let line = text[..text.find("<sanctionEntity>").unwrap()]
        .matches('\n')
        .count()
        + 1;
    let err = eu::parse(&input("noid.xml", &text)).unwrap_err();
    match &err {
        FormatError::Invalid {
            file,
            line: l,
            message,
        } => {
            assert_eq!((file.as_str(), *l), ("noid.xml", line));
            assert!(message.contains("logicalId"));
        }
        other => panic!("{other:?}"),
    }
    // an unknown subject type is refused too
    let text = SMALL.replace("classificationCode=\"E\"", "classificationCode=\"X\"");
    assert!(matches!(
        eu::parse(&input("x.xml", &text)),
        Err(FormatError::Invalid { .. })
    ));
}
