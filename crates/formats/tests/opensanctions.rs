//! OpenSanctions export formats `targets.nested.json` and
//! `targets.simple.csv`: the real `wd_persons` sample (5 Wikidata PEPs; see
//! PROVENANCE.md), read with both readers and checked against each other, the
//! dataset's `index.json` and the FtM reader.

use interdict_formats::{detect, parse, parse_path, Format, Input, ParsedList};
use interdict_model::{DateSpec, Entity, Gender, IdKind, NameKind, PartialDate, Schema};
use std::collections::BTreeSet;
use std::io::Write;
use std::path::PathBuf;

const SAMPLE: &str = "opensanctions/wd_persons_sample";
const TARGETS: [&str; 5] = ["Q296771", "Q307152", "Q307185", "Q317948", "Q61589"];

fn sample(test: &str) -> Option<PathBuf> {
    let dir = interdict_formats::shared_lists(test)?.join(SAMPLE);
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("SKIP: {test}: {} not found", dir.display());
        None
    }
}

fn get<'a>(list: &'a ParsedList, id: &str) -> &'a Entity {
    list.entities
        .iter()
        .find(|e| e.id == format!("opensanctions:{id}"))
        .unwrap_or_else(|| panic!("{id} not found"))
}

fn index(dir: &std::path::Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(dir.join("index.json")).unwrap()).unwrap()
}

#[test]
fn nested_sample() {
    let Some(dir) = sample("nested_sample") else {
        return;
    };
    let path = dir.join("targets.nested.json");
    let input = Input::read(&path).unwrap();
    assert_eq!(
        detect(&input.name, &input.bytes).unwrap(),
        Format::FtmNested
    );
    let list = parse_path(&path).unwrap();
    assert_eq!(list.source, "opensanctions");
    assert_eq!(list.format, Format::FtmNested);
    assert_eq!(list.publisher_date.as_deref(), Some("2024-03-10T15:36:30"));
    assert!(list.warnings.is_empty());

    // The 5 targets and the 4 relatives of Saad Hariri inline in his family
    // relations; index.json counts 9 Person "things" (5 targets).
    let idx = index(&dir);
    assert_eq!(idx["target_count"], 5);
    let persons = idx["things"]["schemata"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Person")
        .unwrap()["count"]
        .as_u64()
        .unwrap();
    assert_eq!(persons, 9);
    assert_eq!(list.entities.len() as u64, persons);
    assert!(list.entities.iter().all(|e| e.schema == Schema::Person));
    let ids: Vec<&str> = list.entities.iter().map(|e| e.reference.as_str()).collect();
    assert_eq!(
        ids,
        [
            "Q296771",
            "Q20424718",
            "Q800179",
            "Q10279737",
            "Q192778",
            "Q307152",
            "Q307185",
            "Q317948",
            "Q61589"
        ]
    );

    let saad = get(&list, "Q296771");
    assert_eq!(saad.caption(), "Saad Hariri");
    assert_eq!(saad.names[0].kind, NameKind::Primary);
    assert_eq!(saad.names[0].family.as_deref(), Some("Hariri"));
    let aliases: Vec<&str> = saad
        .names
        .iter()
        .filter(|n| n.kind == NameKind::Alias)
        .map(|n| n.full.as_str())
        .collect();
    assert_eq!(aliases, ["Hariri", "Sa'd al-Din"]);
    assert_eq!(
        saad.birth_dates,
        vec![DateSpec::exact(PartialDate::ymd(1970, 4, 18).unwrap())]
    );
    assert_eq!(saad.nationalities, ["LB", "FR", "SA"]);
    assert_eq!(saad.gender, Some(Gender::Male));
    assert_eq!(saad.birth_places, ["Riyadh"]);
    assert!(saad.properties["position"].contains(&"Prime Minister of Lebanon".to_string()));
    assert_eq!(saad.properties["wikidataId"], ["Q296771"]);
    assert_eq!(saad.properties["datasets"], ["wd_persons"]);
    // no reverse property left over from the nesting
    assert!(!saad.properties.contains_key("familyPerson"));
    assert!(!saad.properties.contains_key("positionOccupancies"));
    // PEP data: no sanctions
    assert!(saad.programmes.is_empty());
    // four family links, to the relatives emitted beside him
    let family: BTreeSet<(&str, &str)> = saad
        .links
        .iter()
        .filter(|l| l.relation == "family")
        .map(|l| (l.target_name.as_str(), l.target_id.as_deref().unwrap()))
        .collect();
    let want: BTreeSet<(&str, &str)> = [
        ("Nidal Boustany", "opensanctions:Q20424718"),
        ("Bahaa Hariri", "opensanctions:Q800179"),
        ("Fahd Hariri", "opensanctions:Q10279737"),
        ("Hariri", "opensanctions:Q192778"),
    ]
    .into_iter()
    .collect();
    assert_eq!(family, want);
    assert_eq!(saad.links.len(), 4);

    let rafic = get(&list, "Q192778");
    assert_eq!(rafic.caption(), "Hariri");
    assert!(rafic.names.iter().any(|n| n.full == "Rafic Hariri"));
    assert_eq!(rafic.nationalities, ["LB", "SA"]);
    assert_eq!(
        rafic.links[0].target_id.as_deref(),
        Some("opensanctions:Q296771")
    );
    assert_eq!(rafic.links[0].target_name, "Saad Hariri");
    let nidal = get(&list, "Q20424718");
    assert_eq!(nidal.gender, Some(Gender::Female));

    let fawzan = get(&list, "Q61589");
    assert_eq!(fawzan.caption(), "Saleh Al-Fawzan");
    assert_eq!(fawzan.names.len(), 2);
    assert_eq!(fawzan.names[1].full, "Salih");
    assert_eq!(
        fawzan.birth_dates,
        vec![DateSpec::exact(PartialDate::ymd(1933, 9, 28).unwrap())]
    );
    assert_eq!(fawzan.nationalities, ["SA"]);
    assert!(fawzan.links.is_empty());
}

#[test]
fn simple_csv_sample() {
    let Some(dir) = sample("simple_csv_sample") else {
        return;
    };
    let path = dir.join("targets.simple.csv");
    let input = Input::read(&path).unwrap();
    assert_eq!(
        detect(&input.name, &input.bytes).unwrap(),
        Format::OsSimpleCsv
    );
    let list = parse_path(&path).unwrap();
    assert_eq!(list.source, "opensanctions");
    assert_eq!(list.format, Format::OsSimpleCsv);
    assert_eq!(list.publisher_date.as_deref(), Some("2024-03-10T15:36:30"));
    assert!(list.warnings.is_empty());
    assert_eq!(
        list.entities.len() as u64,
        index(&dir)["target_count"].as_u64().unwrap()
    );
    let ids: Vec<&str> = list.entities.iter().map(|e| e.reference.as_str()).collect();
    assert_eq!(ids, TARGETS);

    let saad = get(&list, "Q296771");
    assert_eq!(saad.schema, Schema::Person);
    assert_eq!(saad.caption(), "Saad Hariri");
    let aliases: Vec<&str> = saad
        .names
        .iter()
        .filter(|n| n.kind == NameKind::Alias)
        .map(|n| n.full.as_str())
        .collect();
    assert_eq!(aliases, ["Hariri", "Sa'd al-Din"]);
    assert_eq!(
        saad.birth_dates,
        vec![DateSpec::exact(PartialDate::ymd(1970, 4, 18).unwrap())]
    );
    // one column for every kind of country: read as countries
    assert_eq!(saad.countries, ["FR", "LB", "SA"]);
    assert!(saad.nationalities.is_empty());
    assert_eq!(saad.identifiers.len(), 1);
    assert_eq!(saad.identifiers[0].value, "Q296771");
    assert_eq!(saad.identifiers[0].kind, IdKind::Other("identifier".into()));
    assert_eq!(
        saad.properties["dataset"],
        ["Wikidata Politically Exposed Persons"]
    );
    assert!(saad.programmes.is_empty() && saad.addresses.is_empty());

    let sudais = get(&list, "Q317948");
    assert_eq!(sudais.caption(), "Abd al-Rahman");
    assert_eq!(sudais.names[1].full, "Abdul Rahman Al-Sudais");
    assert_eq!(sudais.countries, ["SA"]);
}

/// The two files are exports of the same 5 targets: same names, birth
/// dates and countries.
#[test]
fn nested_and_simple_agree() {
    let Some(dir) = sample("nested_and_simple_agree") else {
        return;
    };
    let nested = parse_path(&dir.join("targets.nested.json")).unwrap();
    let simple = parse_path(&dir.join("targets.simple.csv")).unwrap();
    for id in TARGETS {
        let (n, s) = (get(&nested, id), get(&simple, id));
        assert_eq!(n.id, s.id);
        assert_eq!(n.caption(), s.caption(), "{id}");
        let names =
            |e: &Entity| -> BTreeSet<String> { e.names.iter().map(|n| n.full.clone()).collect() };
        assert_eq!(names(n), names(s), "{id}");
        assert_eq!(n.birth_dates, s.birth_dates, "{id}");
        let set = |v: &[String]| -> BTreeSet<String> { v.iter().cloned().collect() };
        assert_eq!(set(&n.nationalities), set(&s.countries), "{id}");
    }
}

/// Detection keeps the formats apart: the FtM files stay FtM, the dataset
/// index is no list, and a gzipped nested file is still nested.
#[test]
fn detection_on_the_real_files() {
    let Some(dir) = sample("detection_on_the_real_files") else {
        return;
    };
    let lists = dir.parent().unwrap();
    for ftm in [
        "yente_zala.entities.ftm.json",
        "yente_t1_eu_fsf.entities.ftm.json",
    ] {
        let input = Input::read(&lists.join(ftm)).unwrap();
        assert_eq!(
            detect(&input.name, &input.bytes).unwrap(),
            Format::Ftm,
            "{ftm}"
        );
    }
    let idx = Input::read(&dir.join("index.json")).unwrap();
    assert!(detect(&idx.name, &idx.bytes).is_err());

    let nested = Input::read(&dir.join("targets.nested.json")).unwrap();
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(&nested.bytes).unwrap();
    let gz = Input {
        name: "targets.nested.json.gz".into(),
        bytes: enc.finish().unwrap(),
    };
    assert_eq!(detect(&gz.name, &gz.bytes).unwrap(), Format::FtmNested);
    let list = parse(Format::FtmNested, &gz, &[]).unwrap();
    assert_eq!(list.entities.len(), 9);

    // Read as plain FtM (as if detection had looked only at a first line
    // without inline entities), the nested file gives the same entities.
    let as_ftm = parse(Format::Ftm, &nested, &[]).unwrap();
    assert_eq!(as_ftm.format, Format::FtmNested);
    assert_eq!(
        as_ftm.entities,
        parse(Format::FtmNested, &nested, &[]).unwrap().entities
    );
}
