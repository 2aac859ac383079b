//! UK Sanctions List XML parser: the real excerpt and bad input.

use interdict_formats::{uk, FormatError, Input};
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
    Some(Input::read(&dir.join("uk/uk_sanctions_list_excerpt_2026-09-10.xml")).unwrap())
}

fn get<'a>(entities: &'a [Entity], id: &str) -> &'a Entity {
    entities.iter().find(|e| e.id == id).unwrap()
}

#[test]
fn excerpt_counts_and_header() {
    let Some(input) = real("excerpt_counts_and_header") else {
        return;
    };
    let list = uk::parse_xml(&input).unwrap();
    assert_eq!(list.source, "uk");
    assert_eq!(list.publisher_date.as_deref(), Some("2026-09-10"));
    assert_eq!(list.entities.len(), 5);
    let count = |s| list.entities.iter().filter(|e| e.schema == s).count();
    assert_eq!(
        (
            count(Schema::Person),
            count(Schema::Organization),
            count(Schema::Vessel)
        ),
        (2, 2, 1)
    );
    // 10 names in Names plus the non-Latin ones
    let latin: usize = list
        .entities
        .iter()
        .flat_map(|e| e.names.iter())
        .filter(|n| n.script.is_none())
        .count();
    assert_eq!(latin, 10);
    for e in &list.entities {
        assert_eq!(e.names[0].kind, NameKind::Primary, "{}", e.id);
        assert_eq!(e.programmes.len(), 1);
        assert!(e.listed_on.is_some());
    }
    let via_lib = interdict_formats::parse_path(std::path::Path::new(&input.name)).unwrap();
    assert_eq!(via_lib.entities.len(), 5);
}

#[test]
fn dprk_ship_is_a_vessel_with_imo() {
    let Some(input) = real("dprk_ship_is_a_vessel_with_imo") else {
        return;
    };
    let list = uk::parse_xml(&input).unwrap();
    let ship = get(&list.entities, "uk:DPR0075");
    assert_eq!(ship.schema, Schema::Vessel);
    assert_eq!(ship.caption(), "Petrel 8");
    assert!(ship
        .names
        .iter()
        .any(|n| n.full == "Tian Tai 36" && n.kind == NameKind::Alias));
    let imo: Vec<_> = ship.identifiers_of(&IdKind::Imo).collect();
    assert_eq!(imo.len(), 1);
    assert_eq!(imo[0].value, "9562233");
    assert_eq!(ship.properties["flag"], vec!["KM"]);
    assert_eq!(ship.countries, vec!["KM"]);
    assert_eq!(ship.properties["pastFlags"], vec!["IN"]);
    assert_eq!(ship.properties["type"], vec!["Bulk Carrier"]);
    assert_eq!(ship.properties["tonnage"], vec!["7078"]);
    assert_eq!(ship.properties["unReference"], vec!["KPv.001"]);
    assert_eq!(ship.links[0].target_name, "Global United Shipping India");
    assert_eq!(ship.listed_on, Some(PartialDate::ymd(2017, 10, 3).unwrap()));
    assert!(ship.programmes[0].contains("Democratic People's Republic of Korea"));
}

#[test]
fn individual_and_entity_fields() {
    let Some(input) = real("individual_and_entity_fields") else {
        return;
    };
    let list = uk::parse_xml(&input).unwrap();
    let akhund = get(&list.entities, "uk:AFG0006");
    assert_eq!(akhund.schema, Schema::Person);
    let primary = &akhund.names[0];
    assert_eq!(primary.full, "MOHAMMAD HASSAN AKHUND");
    assert_eq!(primary.given.as_deref(), Some("MOHAMMAD HASSAN"));
    assert_eq!(primary.family.as_deref(), Some("AKHUND"));
    let arabic = akhund
        .names
        .iter()
        .find(|n| n.script.as_deref() == Some("Arab"))
        .unwrap();
    assert_eq!(arabic.full, "محمد حسن آخوند");
    assert_eq!(
        akhund
            .birth_dates
            .iter()
            .map(|d| d.date)
            .collect::<Vec<_>>(),
        vec![
            PartialDate::ymd(1958, 5, 12).unwrap(),
            PartialDate::year(1945),
            PartialDate::year(1946)
        ]
    );
    assert_eq!(akhund.nationalities, vec!["AF"]);
    assert_eq!(akhund.gender, Some(Gender::Male));
    let passports: Vec<_> = akhund.identifiers_of(&IdKind::Passport).collect();
    assert_eq!(passports.len(), 1, "duplicate passport rows are merged");
    assert_eq!(passports[0].value, "P04581926");
    assert_eq!(passports[0].country.as_deref(), Some("AF"));
    assert_eq!(
        akhund
            .identifiers_of(&IdKind::NationalId)
            .next()
            .unwrap()
            .value,
        "2132370"
    );
    assert_eq!(akhund.properties["title"], vec!["Mullah", "Haji"]);
    assert_eq!(akhund.properties["ofsiGroupId"], vec!["7172"]);
    assert_eq!(
        akhund.birth_places,
        vec!["Pashmul village, Panjwai District, Afghanistan"]
    );

    let bnk = get(&list.entities, "uk:BEL0107");
    assert_eq!(bnk.schema, Schema::Organization);
    let quality = |full: &str| bnk.names.iter().find(|n| n.full == full).unwrap().quality;
    assert_eq!(quality("BNK UK Limited"), NameQuality::Strong);
    assert_eq!(quality("BNK"), NameQuality::Weak);
    let addr = &bnk.addresses[0];
    assert_eq!(addr.postal_code.as_deref(), Some("SM2 5DA"));
    assert_eq!(addr.country.as_deref(), Some("GB"));
    assert_eq!(
        bnk.identifiers_of(&IdKind::Registration)
            .next()
            .unwrap()
            .value,
        "06527449"
    );
    assert_eq!(bnk.links.len(), 3);

    let exchange = get(&list.entities, "uk:AFG0001");
    assert_eq!(exchange.addresses.len(), 2);
    assert_eq!(exchange.addresses[1].city.as_deref(), Some("Dubai"));
    assert_eq!(exchange.countries, vec!["AF", "AE"]);
}

// ---- bad input ----

const SMALL: &str = "<?xml version=\"1.0\" encoding=\"utf-8\"?>
<Designations>
  <DateGenerated>01/02/2026</DateGenerated>
  <Designation>
    <DateDesignated>03/04/2022</DateDesignated>
    <UniqueID>RUS0001</UniqueID>
    <Names><Name><Name1>Ivan</Name1><Name6>IVANOV</Name6><NameType>Primary Name</NameType></Name></Names>
    <NonLatinNames><NonLatinName><NameNonLatinScript>Иван Иванов</NameNonLatinScript></NonLatinName></NonLatinNames>
    <RegimeName>The Russia (Sanctions) (EU Exit) Regulations 2019</RegimeName>
    <IndividualEntityShip>Individual</IndividualEntityShip>
    <IndividualDetails><Individual><DOBs><DOB>00/07/1970</DOB></DOBs></Individual></IndividualDetails>
  </Designation>
  <Designation>
    <UniqueID>RUS0002</UniqueID>
    <Names><Name><Name6>SHIP ONE</Name6><NameType>Primary Name</NameType></Name></Names>
    <IndividualEntityShip>Ship</IndividualEntityShip>
  </Designation>
</Designations>
";

fn input(name: &str, text: &str) -> Input {
    Input {
        name: name.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

#[test]
fn small_fixture() {
    let list = uk::parse_xml(&input("small.xml", SMALL)).unwrap();
    assert_eq!(list.publisher_date.as_deref(), Some("2026-02-01"));
    let p = &list.entities[0];
    assert_eq!(p.birth_dates[0].date, PartialDate::ym(1970, 7).unwrap());
    assert_eq!(p.names[1].script.as_deref(), Some("Cyrl"));
    assert_eq!(p.listed_on, Some(PartialDate::ymd(2022, 4, 3).unwrap()));
    assert_eq!(list.entities[1].schema, Schema::Vessel);
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
    let err = uk::parse_xml(&input("half.xml", part)).unwrap_err();
    let lines = part.matches('\n').count() + 1;
    assert!(
        matches!(&err, FormatError::Xml { file, line, .. } if file == "half.xml" && *line == lines),
        "{err:?}"
    );
}

#[test]
fn wrong_root_element() {
    let err = uk::parse_xml(&input("eu.xml", "\n\n<export generationDate=\"x\"/>")).unwrap_err();
    assert!(
        matches!(err, FormatError::Invalid { line: 3, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("<Designations>"), "{err}");
}

#[test]
fn invalid_utf8() {
    let mut bytes = SMALL.as_bytes().to_vec();
    let pos = SMALL.find("SHIP ONE").unwrap();
    bytes[pos] = 0xFE;
    let line = SMALL[..pos].matches('\n').count() + 1;
    let err = uk::parse_xml(&Input {
        name: "bad.xml".into(),
        bytes,
    })
    .unwrap_err();
    assert!(
        matches!(&err, FormatError::Encoding { file, line: l, .. } if file == "bad.xml" && *l == line),
        "{err:?}"
    );
}

#[test]
fn record_without_unique_id_or_kind() {
    let text = SMALL.replace("<UniqueID>RUS0002</UniqueID>", "");
    let line = SMALL[..SMALL.find("<UniqueID>RUS0002").unwrap()]
        .rfind("<Designation>")
        .map(|p| SMALL[..p].matches('\n').count() + 1)
        .unwrap();
    let err = uk::parse_xml(&input("noid.xml", &text)).unwrap_err();
    match &err {
        FormatError::Invalid {
            file,
            line: l,
            message,
        } => {
            assert_eq!((file.as_str(), *l), ("noid.xml", line));
            assert!(message.contains("UniqueID"));
        }
        other => panic!("{other:?}"),
    }
    let text = SMALL.replace(">Ship<", ">Aircraft<");
    let err = uk::parse_xml(&input("kind.xml", &text)).unwrap_err();
    assert!(err.to_string().contains("Aircraft"), "{err}");
}
