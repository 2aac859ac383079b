//! OFAC parsers: the real legacy CSV sets and sdnList XML, field by field,
//! cross-checked against the raw files, and bad input.

use interdict_formats::{ofac, parse_path, Companion, FormatError, Input, ParsedList};
use interdict_model::{
    DateSpec, Entity, Gender, IdKind, NameKind, NameQuality, PartialDate, Schema,
};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

fn lists_dir() -> PathBuf {
    interdict_formats::shared_lists_dir()
}

/// The path of a real OFAC file, or None (after printing SKIP) when the shared folder is absent.
fn real(test: &str, rel: &str) -> Option<PathBuf> {
    let dir = lists_dir();
    if !dir.is_dir() {
        eprintln!(
            "SKIP: {test}: shared lists folder not found at {}",
            dir.display()
        );
        return None;
    }
    Some(dir.join("ofac").join(rel))
}

const SDN_2024: &str = "sdn_csv_2024-05-03/sdn.csv";
const TRIO: &str = "sdn_csv_trio_2022-01";
const CONS: &str = "cons_csv_2025-12";
const CONS_XML: &str = "cons_sdnlist_2026-01-08.xml";
const BAD_XML: &str = "malformed/npm_ofac_bad_sdnlist.xml";

fn get<'a>(list: &'a ParsedList, id: &str) -> &'a Entity {
    list.entities
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("{id} not found"))
}

fn schema_counts(list: &ParsedList) -> HashMap<Schema, usize> {
    let mut m = HashMap::new();
    for e in &list.entities {
        *m.entry(e.schema).or_default() += 1;
    }
    m
}

/// The raw rows of an OFAC CSV file (null marker and Ctrl-Z left as they are).
fn raw_rows(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes.as_slice());
    r.records()
        .map(|rec| {
            rec.unwrap()
                .iter()
                .map(|f| f.trim().to_string())
                .collect::<Vec<_>>()
        })
        .filter(|row: &Vec<String>| row.len() > 1)
        .collect()
}

fn day(y: i32, m: u8, d: u8) -> PartialDate {
    PartialDate::ymd(y, m, d).unwrap()
}

fn input(name: &str, text: &[u8]) -> Input {
    Input {
        name: name.to_string(),
        bytes: text.to_vec(),
    }
}

#[test]
fn sdn_2024_counts_and_kim_jong_un() {
    let Some(path) = real("sdn_2024_counts_and_kim_jong_un", SDN_2024) else {
        return;
    };
    let list = parse_path(&path).unwrap();
    assert_eq!(list.source, "ofac");
    assert_eq!(list.publisher_date, None);
    assert_eq!(list.entities.len(), 14_965);
    let counts = schema_counts(&list);
    assert_eq!(counts[&Schema::Organization], 6_884);
    assert_eq!(counts[&Schema::Person], 6_854);
    assert_eq!(counts[&Schema::Vessel], 851);
    assert_eq!(counts[&Schema::Airplane], 376);
    // the same counts from the raw SDN_Type column
    let raw = raw_rows(&path);
    let raw_persons = raw.iter().filter(|r| r[2] == "individual").count();
    assert_eq!(counts[&Schema::Person], raw_persons);

    let kim = get(&list, "ofac:20157");
    assert_eq!(kim.schema, Schema::Person);
    assert_eq!(kim.reference, "20157");
    assert_eq!(kim.caption(), "KIM, Jong Un");
    let primary = &kim.names[0];
    assert_eq!(primary.kind, NameKind::Primary);
    assert_eq!(primary.family.as_deref(), Some("KIM"));
    assert_eq!(primary.given.as_deref(), Some("Jong Un"));
    assert_eq!(kim.birth_dates, vec![DateSpec::exact(day(1984, 1, 8))]);
    assert_eq!(kim.birth_dates[0].date.day, Some(8));
    assert_eq!(kim.programmes, vec!["DPRK3"]);
    assert_eq!(
        kim.properties["position"],
        vec!["Chairman of the Workers' Party of Korea"]
    );
    assert!(kim.properties["secondarySanctionsRisk"][0].contains("510.201"));
    // the title repeated at the end of the remarks is not kept as a remark
    assert!(
        kim.remarks.iter().all(|r| !r.contains("Chairman")),
        "{:?}",
        kim.remarks
    );
    // his 2024 record gives no nationality; another DPRK person's does
    let kim2 = get(&list, "ofac:11648");
    assert_eq!(kim2.nationalities, vec!["KP"]);
    assert_eq!(kim2.birth_dates.len(), 2);
    assert_eq!(
        kim2.birth_dates[0],
        DateSpec::exact(PartialDate::year(1964))
    );
    assert_eq!(kim2.birth_dates[1], DateSpec::exact(day(1962, 8, 28)));
}

#[test]
fn sdn_2024_shoigu_and_links() {
    let Some(path) = real("sdn_2024_shoigu_and_links", SDN_2024) else {
        return;
    };
    let list = parse_path(&path).unwrap();
    let shoigu = list
        .entities
        .iter()
        .find(|e| e.caption() == "SHOIGU, Sergei Kuzhugetovich")
        .unwrap();
    assert_eq!(shoigu.id, "ofac:35173");
    assert_eq!(shoigu.programmes, vec!["RUSSIA-EO14024"]);
    assert_eq!(shoigu.birth_dates, vec![DateSpec::exact(day(1955, 5, 21))]);
    assert_eq!(
        shoigu.birth_places,
        vec!["Chadan, Republic of Tyva, Russia"]
    );
    assert_eq!(shoigu.nationalities, vec!["RU"]);
    assert_eq!(shoigu.gender, Some(Gender::Male));
    assert!(shoigu.remarks.is_empty(), "{:?}", shoigu.remarks);

    // his wife: tax id with country, and a link resolved to his id
    let irina = get(&list, "ofac:38656");
    assert_eq!(irina.gender, Some(Gender::Female));
    let tax: Vec<_> = irina.identifiers_of(&IdKind::TaxId).collect();
    assert_eq!(tax.len(), 1);
    assert_eq!(tax[0].value, "503201763587");
    assert_eq!(tax[0].country.as_deref(), Some("RU"));
    assert_eq!(irina.links.len(), 1);
    assert_eq!(irina.links[0].relation, "linked_to");
    assert_eq!(irina.links[0].target_id.as_deref(), Some("ofac:35173"));

    // every resolved link points at an entity that has the target name
    let by_id: HashMap<&str, &Entity> = list.entities.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut resolved = 0;
    for e in &list.entities {
        for l in &e.links {
            if let Some(t) = &l.target_id {
                resolved += 1;
                let target = by_id[t.as_str()];
                let want = l.target_name.trim_end_matches('.').to_uppercase();
                assert!(
                    target
                        .names
                        .iter()
                        .any(|n| n.full.trim_end_matches('.').to_uppercase() == want),
                    "{} -> {} ({t})",
                    e.id,
                    l.target_name
                );
            }
        }
    }
    assert!(resolved > 6_000, "{resolved}");

    // remark aliases are weak, and match the raw "a.k.a. '" count
    let raw = std::fs::read_to_string(&path).unwrap();
    let raw_akas = raw.matches("a.k.a. '").count()
        + raw.matches("f.k.a. '").count()
        + raw.matches("n.k.a. '").count();
    let weak = list
        .entities
        .iter()
        .flat_map(|e| &e.names)
        .filter(|n| n.quality == NameQuality::Weak)
        .count();
    assert!(weak > 0 && weak <= raw_akas, "{weak} vs {raw_akas}");
    assert!(weak * 100 >= raw_akas * 99, "{weak} vs {raw_akas}");
}

#[test]
fn sdn_2024_vessels_aircraft_and_identifiers() {
    let Some(path) = real("sdn_2024_vessels_aircraft_and_identifiers", SDN_2024) else {
        return;
    };
    let list = parse_path(&path).unwrap();
    // 4238 MAR AZUL: vessel columns
    let mar = get(&list, "ofac:4238");
    assert_eq!(mar.schema, Schema::Vessel);
    assert_eq!(mar.properties["callSign"], vec!["CL2192"]);
    assert_eq!(mar.properties["vesselType"], vec!["Tug"]);
    assert_eq!(mar.properties["grossRegisteredTonnage"], vec!["212"]);
    assert_eq!(mar.properties["flag"], vec!["Cuba"]);
    assert_eq!(mar.links[0].relation, "owner");
    assert_eq!(mar.links[0].target_name, "Samir de Navegacion S.A.");
    // 4243 EBANO: IMO from the remarks and two weak former names
    let ebano = get(&list, "ofac:4243");
    let imo: Vec<_> = ebano.identifiers_of(&IdKind::Imo).collect();
    assert_eq!(imo.len(), 1);
    assert_eq!(imo[0].value, "7406784");
    let former: Vec<_> = ebano
        .names
        .iter()
        .filter(|n| n.kind == NameKind::Former)
        .map(|n| n.full.as_str())
        .collect();
    assert_eq!(former, vec!["ANA I", "SAND SWAN"]);
    assert!(ebano.remarks.is_empty(), "{:?}", ebano.remarks);
    // every raw vessel remark "IMO nnnnnnn" became an Imo identifier
    let by_id: HashMap<&str, &Entity> = list.entities.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut checked = 0;
    for row in raw_rows(&path) {
        if row[2] != "vessel" {
            continue;
        }
        for fact in row[11].split(';') {
            let Some(pos) = fact.find("IMO ") else {
                continue;
            };
            let digits: String = fact[pos + 4..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            if digits.len() != 7 {
                continue;
            }
            let e = by_id[format!("ofac:{}", row[0]).as_str()];
            assert!(
                e.identifiers_of(&IdKind::Imo).any(|i| i.value == digits),
                "{} lacks IMO {digits}",
                e.id
            );
            checked += 1;
        }
    }
    assert!(checked > 800, "{checked}");
    // aircraft: tail number, model, operator
    let aircraft = get(&list, "ofac:15431");
    assert_eq!(aircraft.schema, Schema::Airplane);
    assert_eq!(aircraft.properties["model"], vec!["IL76-TD"]);
    assert_eq!(aircraft.properties["buildDate"], vec!["1992"]);
    assert!(aircraft
        .identifiers_of(&IdKind::Aircraft)
        .any(|i| i.value == "1023409321"));
    assert!(aircraft
        .links
        .iter()
        .any(|l| l.relation == "operator" && l.target_name == "YAS AIR"));
    // SWIFT and website from the remarks of 906 HAVIN BANK
    let havin = get(&list, "ofac:906");
    assert_eq!(
        havin
            .identifiers_of(&IdKind::SwiftBic)
            .next()
            .unwrap()
            .value,
        "HAVIGB2L"
    );
    assert_eq!(havin.properties["website"].len(), 2);
}

#[test]
fn trio_2022_joins_addresses_and_aliases() {
    let Some(path) = real(
        "trio_2022_joins_addresses_and_aliases",
        &format!("{TRIO}/sdn.csv"),
    ) else {
        return;
    };
    let dir = path.parent().unwrap();
    let set = interdict_formats::file_set(&path).unwrap();
    assert_eq!(set.companions.len(), 2, "{:?}", set.companions);
    let main = Input::read(&path).unwrap();
    let comps: Vec<(Companion, Input)> = set
        .companions
        .iter()
        .map(|(r, p)| (*r, Input::read(p).unwrap()))
        .collect();
    let (list, report) = ofac::parse_csv_set_report(&main, &comps).unwrap();

    // 9,044 rows; the capture's last row repeats ent_num 2677 (it is 34489
    // "HAMER AND NAIL CONSTRUCTION LIMITED" in OFAC's files), so one is skipped.
    let raw = raw_rows(&path);
    assert_eq!(raw.len(), 9_044);
    let distinct: HashSet<&str> = raw.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(list.entities.len(), distinct.len());
    assert_eq!(list.entities.len(), 9_043);
    assert_eq!(report.duplicate_rows, vec![9_044]);
    assert_eq!(
        get(&list, "ofac:2677").caption(),
        "AL-ZOMOR, Abboud Abdul Latif Hassan"
    );
    let counts = schema_counts(&list);
    assert_eq!(counts[&Schema::Person], 4_643);
    assert_eq!(counts[&Schema::Vessel], 420);
    assert_eq!(counts[&Schema::Airplane], 280);
    assert_eq!(counts[&Schema::Organization], 3_700);
    // parse_path gives the same
    assert_eq!(parse_path(&path).unwrap().entities.len(), 9_043);

    let by_id: HashMap<&str, &Entity> = list.entities.iter().map(|e| (e.id.as_str(), e)).collect();

    // every alt.csv row is a strong alias (or former name) of its entity
    let alt = raw_rows(&dir.join("alt.csv"));
    assert_eq!(alt.len(), 12_409);
    let mut orphans = 0;
    for row in &alt {
        let Some(e) = by_id.get(format!("ofac:{}", row[0]).as_str()) else {
            orphans += 1;
            continue;
        };
        let kind = if row[2] == "fka" {
            NameKind::Former
        } else {
            NameKind::Alias
        };
        assert!(
            e.names
                .iter()
                .any(|n| n.full == row[3] && n.kind == kind && n.quality == NameQuality::Strong),
            "{}: alias {:?} missing",
            e.id,
            row[3]
        );
    }
    assert_eq!(report.orphan_aliases, orphans);
    let with_aliases = list
        .entities
        .iter()
        .filter(|e| e.names.iter().any(|n| n.quality == NameQuality::Strong))
        .count();
    let raw_alias_ents: HashSet<&str> = alt.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(with_aliases, raw_alias_ents.len());

    // addresses: per entity, the non-empty raw rows (BANCO NACIONAL DE CUBA has several)
    let add = raw_rows(&dir.join("add.csv"));
    assert_eq!(add.len(), 13_625);
    let nonempty = |r: &Vec<String>| r[2..].iter().any(|f| f != "-0-" && !f.is_empty());
    let expected_306 = add.iter().filter(|r| r[0] == "306" && nonempty(r)).count();
    assert!(expected_306 >= 3);
    let bnc = by_id["ofac:306"];
    assert_eq!(bnc.addresses.len(), expected_306);
    let zurich = bnc
        .addresses
        .iter()
        .find(|a| a.street.as_deref() == Some("Zweierstrasse 35"))
        .unwrap();
    assert_eq!(zurich.city.as_deref(), Some("Zurich CH-8022"));
    let bnc_aliases: Vec<&str> = alt
        .iter()
        .filter(|r| r[0] == "306")
        .map(|r| r[3].as_str())
        .collect();
    for a in &bnc_aliases {
        assert!(bnc.names.iter().any(|n| n.full == *a), "{a}");
    }
    // BNC's weak alias from the remarks
    assert!(bnc
        .names
        .iter()
        .any(|n| n.full == "BNC" && n.quality == NameQuality::Weak));
    // total addresses: at most the non-empty rows of known entities
    let raw_addresses = add
        .iter()
        .filter(|r| nonempty(r) && by_id.contains_key(format!("ofac:{}", r[0]).as_str()))
        .count();
    let parsed_addresses: usize = list.entities.iter().map(|e| e.addresses.len()).sum();
    assert!(parsed_addresses <= raw_addresses);
    assert!(
        parsed_addresses * 100 >= raw_addresses * 99,
        "{parsed_addresses} of {raw_addresses}"
    );

    // KIM Jong Un: one address row, country Korea, North
    let kim = by_id["ofac:20157"];
    assert_eq!(kim.addresses.len(), 1);
    assert_eq!(kim.addresses[0].country.as_deref(), Some("KP"));
    assert_eq!(kim.countries, vec!["KP"]);

    // a vessel whose IMO is in the remarks
    let ebano = by_id["ofac:4243"];
    assert_eq!(
        ebano.identifiers_of(&IdKind::Imo).next().unwrap().value,
        "7406784"
    );

    // a Linked To link resolved to an id: DIAB, Ali Adel -> HAMER AND NAIL is
    // the skipped duplicate, so it stays unresolved; others resolve
    let diab = by_id["ofac:34479"];
    assert_eq!(
        diab.links[0].target_name,
        "HAMER AND NAIL CONSTRUCTION LIMITED"
    );
    assert_eq!(diab.links[0].target_id, None);
    let linked: Vec<&Entity> = list
        .entities
        .iter()
        .filter(|e| {
            e.links
                .iter()
                .any(|l| l.relation == "linked_to" && l.target_id.is_some())
        })
        .collect();
    let raw_linking = raw.iter().filter(|r| r[11].contains("Linked To:")).count();
    assert!(
        linked.len() * 100 >= raw_linking * 95,
        "{} of {raw_linking}",
        linked.len()
    );
    let l = linked[0]
        .links
        .iter()
        .find(|l| l.relation == "linked_to" && l.target_id.is_some())
        .unwrap();
    let target = by_id[l.target_id.as_deref().unwrap()];
    assert_eq!(
        target.caption().to_uppercase(),
        l.target_name.to_uppercase()
    );
}

#[test]
fn cons_csv_set() {
    let Some(path) = real("cons_csv_set", &format!("{CONS}/cons_prim.csv")) else {
        return;
    };
    let set = interdict_formats::file_set(&path).unwrap();
    assert_eq!(set.companions.len(), 3);
    let list = parse_path(&path).unwrap();
    assert_eq!(list.source, "ofac-cons");
    assert_eq!(list.entities.len(), 442);
    let counts = schema_counts(&list);
    assert_eq!(counts[&Schema::Organization], 363);
    assert_eq!(counts[&Schema::Person], 79);
    assert!(list.entities.iter().all(|e| e.id.starts_with("ofac-cons:")));

    let alt = raw_rows(&path.with_file_name("cons_alt.csv"));
    assert_eq!(alt.len(), 1_073);
    let strong = list
        .entities
        .iter()
        .flat_map(|e| &e.names)
        .filter(|n| n.quality == NameQuality::Strong)
        .count();
    assert_eq!(strong, alt.len());
    let haniya = get(&list, "ofac-cons:9639");
    let want: Vec<&str> = alt
        .iter()
        .filter(|r| r[0] == "9639")
        .map(|r| r[3].as_str())
        .collect();
    let got: Vec<&str> = haniya
        .names
        .iter()
        .filter(|n| n.kind == NameKind::Alias)
        .map(|n| n.full.as_str())
        .collect();
    assert_eq!(got, want);
    assert_eq!(haniya.names[1].family.as_deref(), Some("HANIYA"));

    // remarks continued in cons_comments.csv are joined before parsing:
    // RUSAG is only in the continuation
    let rusag = get(&list, "ofac-cons:17014");
    assert!(rusag
        .names
        .iter()
        .any(|n| n.full == "RUSAG" && n.quality == NameQuality::Weak));
    assert!(
        rusag
            .identifiers_of(&IdKind::Registration)
            .any(|i| i.value == "1027700342890"),
        "{:?}",
        rusag.identifiers
    );

    let programmes: usize = list
        .entities
        .iter()
        .filter(|e| e.programmes.iter().any(|p| p == "RUSSIA-EO14024"))
        .count();
    assert_eq!(programmes, 93);
}

#[test]
fn cons_sdnlist_xml() {
    let Some(path) = real("cons_sdnlist_xml", CONS_XML) else {
        return;
    };
    let list = parse_path(&path).unwrap();
    assert_eq!(list.source, "ofac-cons");
    assert_eq!(list.format, interdict_formats::Format::OfacXml);
    assert_eq!(list.publisher_date.as_deref(), Some("2026-01-08"));
    assert_eq!(list.entities.len(), 442);
    let counts = schema_counts(&list);
    assert_eq!(counts[&Schema::Organization], 363);
    assert_eq!(counts[&Schema::Person], 79);

    let raw = std::fs::read_to_string(&path).unwrap();
    let raw_strong = raw.matches("<category>strong</category>").count();
    let raw_weak = raw.matches("<category>weak</category>").count();
    assert_eq!(raw_strong + raw_weak, 1_144);
    let aliases: Vec<_> = list
        .entities
        .iter()
        .flat_map(|e| &e.names)
        .filter(|n| n.kind != NameKind::Primary)
        .collect();
    assert_eq!(aliases.len(), 1_144);
    assert_eq!(
        aliases
            .iter()
            .filter(|n| n.quality == NameQuality::Strong)
            .count(),
        raw_strong
    );
    assert_eq!(
        aliases
            .iter()
            .filter(|n| n.quality == NameQuality::Weak)
            .count(),
        raw_weak
    );
    assert_eq!(
        aliases
            .iter()
            .filter(|n| n.kind == NameKind::Former)
            .count(),
        raw.matches("<type>f.k.a.</type>").count()
    );

    // HANIYA: name parts, DOB year precision, POB
    let haniya = get(&list, "ofac-cons:9639");
    assert_eq!(haniya.caption(), "HANIYA, Ismail Abdul Salah");
    assert_eq!(haniya.names[0].given.as_deref(), Some("Ismail Abdul Salah"));
    assert_eq!(
        haniya.birth_dates,
        vec![DateSpec::exact(PartialDate::year(1962))]
    );
    assert_eq!(haniya.birth_places, vec!["Shati"]);
    assert_eq!(haniya.programmes, vec!["NS-PLC"]);

    // ZAHHAR: gender from idList, link from "(Linked To: HAMAS)" resolved
    let zahhar = get(&list, "ofac-cons:9647");
    assert_eq!(zahhar.gender, Some(Gender::Male));
    assert_eq!(zahhar.links[0].target_name, "HAMAS");
    assert_eq!(zahhar.programmes, vec!["NS-PLC", "SDGT"]);

    // VTB: email-like facts from idList, Russian addresses
    let vtb = get(&list, "ofac-cons:17013");
    assert_eq!(
        vtb.identifiers_of(&IdKind::SwiftBic).next().unwrap().value,
        "VTBRRUMM"
    );
    assert!(vtb
        .addresses
        .iter()
        .any(|a| a.country.as_deref() == Some("RU")));
    assert!(vtb.countries.contains(&"RU".to_string()));
    assert_eq!(vtb.properties["incorporationDate"], vec!["1990-10-17"]);

    // the same edition family as the CSV set: the XML's weak aliases are the
    // CSV remarks' a.k.a.s for the entities both have
    if let Some(csv_path) = real("cons_sdnlist_xml", &format!("{CONS}/cons_prim.csv")) {
        let csv = parse_path(&csv_path).unwrap();
        let csv_by_id: HashMap<&str, &Entity> =
            csv.entities.iter().map(|e| (e.id.as_str(), e)).collect();
        let mut same = 0;
        let mut compared = 0;
        for e in &list.entities {
            let Some(c) = csv_by_id.get(e.id.as_str()) else {
                continue;
            };
            let weak = |e: &Entity| -> HashSet<String> {
                e.names
                    .iter()
                    .filter(|n| n.quality == NameQuality::Weak)
                    .map(|n| n.full.clone())
                    .collect()
            };
            compared += 1;
            if weak(e) == weak(c) {
                same += 1;
            }
        }
        assert!(compared > 400, "{compared}");
        assert!(same * 100 >= compared * 95, "{same} of {compared}");
    }
}

#[test]
fn malformed_xml_names_file_and_line() {
    let Some(path) = real("malformed_xml_names_file_and_line", BAD_XML) else {
        return;
    };
    let err = parse_path(&path).unwrap_err();
    match &err {
        FormatError::Xml { file, line, .. } => {
            assert!(file.ends_with("npm_ofac_bad_sdnlist.xml"), "{file}");
            assert!((18..=21).contains(line), "line {line}: {err}");
        }
        other => panic!("expected an XML error, got {other:?}"),
    }
    assert!(
        err.to_string().contains("npm_ofac_bad_sdnlist.xml:"),
        "{err}"
    );
}

#[test]
fn truncated_xml_is_an_error() {
    let Some(path) = real("truncated_xml_is_an_error", CONS_XML) else {
        return;
    };
    let bytes = std::fs::read(&path).unwrap();
    let cut = input("cut.xml", &bytes[..bytes.len() / 2]);
    let err = ofac::parse_xml(&cut).unwrap_err();
    assert!(matches!(err, FormatError::Xml { .. }), "{err:?}");
    assert!(err.to_string().starts_with("cut.xml:"), "{err}");
    assert!(err.to_string().contains("truncated"), "{err}");
}

#[test]
fn empty_files_are_errors() {
    for bytes in [&b""[..], b"  \r\n", b"\x1a"] {
        let err = ofac::parse_csv_set(&input("sdn.csv", bytes), &[]).unwrap_err();
        assert!(matches!(err, FormatError::Empty { .. }), "{err:?}");
        assert!(err.to_string().contains("sdn.csv"));
    }
    let err = ofac::parse_xml(&input("sdn.xml", b"")).unwrap_err();
    assert!(matches!(err, FormatError::Empty { .. }), "{err:?}");
    // an empty companion is no rows, not an error
    let main = input(
        "sdn.csv",
        b"1,\"A\",-0- ,\"X\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n",
    );
    let list = ofac::parse_csv_set(&main, &[(Companion::Aliases, input("alt.csv", b""))]).unwrap();
    assert_eq!(list.entities.len(), 1);
    // and through parse_path
    let dir = std::env::temp_dir().join(format!("ofac-empty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("sdn.csv"), b"").unwrap();
    let err = parse_path(&dir.join("sdn.csv")).unwrap_err();
    assert!(matches!(err, FormatError::Empty { .. }), "{err:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

const FIXTURE_SDN: &[u8] = b"36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\
20157,\"KIM, Jong Un\",\"individual\",\"DPRK3\",\"Chairman\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 08 Jan 1984; nationality Korea, North; Passport 836110034 (Korea, North) expires 2025; Linked To: AEROCARIBBEAN AIRLINES.\"\r\n\
4243,\"EBANO\",\"vessel\",\"CUBA\",-0- ,-0- ,\"General Cargo\",\"2595\",\"1865\",\"Panama\",-0- ,\"IMO 1234567; MMSI 572469210; f.k.a. 'ANA I'.\"\r\n\
\x1a";

#[test]
fn fixture_set_with_orphans_comments_and_cp1252() {
    let add = input(
        "add.csv",
        b"20157,1,\"Caf\xe9 Street 1\",\"Pyongyang\",\"Korea, North\",-0- \r\n999,2,-0- ,\"Nowhere\",-0- ,-0- \r\n\x1a",
    );
    let alt = input(
        "alt.csv",
        b"20157,10,\"aka\",\"KIM, Jong-un\",-0- \r\n4243,11,\"fka\",\"OLD EBANO\",-0- \r\n998,12,\"aka\",\"GHOST\",-0- \r\n",
    );
    let comments = input(
        "sdn_comments.csv",
        b"36,\"a.k.a. 'AEROCARIBBEAN'.\"\r\n997,\"x\"\r\n",
    );
    let (list, report) = ofac::parse_csv_set_report(
        &input("sdn.csv", FIXTURE_SDN),
        &[
            (Companion::Addresses, add),
            (Companion::Aliases, alt),
            (Companion::Comments, comments),
        ],
    )
    .unwrap();
    assert_eq!(list.entities.len(), 3);
    assert_eq!(report.orphan_addresses, 1);
    assert_eq!(report.orphan_aliases, 1);
    assert_eq!(report.orphan_comments, 1);
    assert!(report.duplicate_rows.is_empty());
    let kim = get(&list, "ofac:20157");
    assert_eq!(kim.nationalities, vec!["KP"]);
    assert_eq!(
        kim.addresses[0].street.as_deref(),
        Some("Caf\u{e9} Street 1")
    );
    assert_eq!(kim.addresses[0].country.as_deref(), Some("KP"));
    let passport = kim.identifiers_of(&IdKind::Passport).next().unwrap();
    assert_eq!(passport.value, "836110034");
    assert_eq!(passport.country.as_deref(), Some("KP"));
    assert_eq!(passport.note.as_deref(), Some("expires 2025"));
    assert_eq!(kim.links[0].target_id.as_deref(), Some("ofac:36"));
    let alias = kim
        .names
        .iter()
        .find(|n| n.kind == NameKind::Alias)
        .unwrap();
    assert_eq!(alias.full, "KIM, Jong-un");
    assert_eq!(alias.quality, NameQuality::Strong);
    assert_eq!(alias.given.as_deref(), Some("Jong-un"));
    let ebano = get(&list, "ofac:4243");
    assert_eq!(
        ebano.identifiers_of(&IdKind::Imo).next().unwrap().value,
        "1234567"
    );
    assert_eq!(
        ebano.identifiers_of(&IdKind::Mmsi).next().unwrap().value,
        "572469210"
    );
    assert_eq!(ebano.properties["tonnage"], vec!["2595"]);
    assert_eq!(ebano.properties["flag"], vec!["Panama"]);
    let former: Vec<_> = ebano
        .names
        .iter()
        .filter(|n| n.kind == NameKind::Former)
        .map(|n| (n.full.as_str(), n.quality))
        .collect();
    assert_eq!(
        former,
        vec![
            ("ANA I", NameQuality::Weak),
            ("OLD EBANO", NameQuality::Strong)
        ]
    );
    let aero = get(&list, "ofac:36");
    assert_eq!(aero.schema, Schema::Organization);
    assert!(aero.names.iter().any(|n| n.full == "AEROCARIBBEAN"));
}

#[test]
fn csv_with_wrong_field_count_names_file_and_line() {
    let text = b"36,\"A\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\
37,\"B\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n";
    let err = ofac::parse_csv_set(&input("sdn.csv", text), &[]).unwrap_err();
    match &err {
        FormatError::Csv {
            file,
            line,
            message,
        } => {
            assert_eq!(file, "sdn.csv");
            assert_eq!(*line, 2);
            assert!(
                message.contains("expected 12 fields, found 11"),
                "{message}"
            );
        }
        other => panic!("expected a CSV error, got {other:?}"),
    }
    // a bad companion row names the companion file
    let main = input("sdn.csv", FIXTURE_SDN);
    let bad_alt = input("alt.csv", b"36,1,aka,\"X\",-0- \n36,2,aka\n");
    let err = ofac::parse_csv_set(&main, &[(Companion::Aliases, bad_alt)]).unwrap_err();
    assert!(
        err.to_string().starts_with("alt.csv:2: malformed CSV"),
        "{err}"
    );
    // a non-numeric ent_num
    let err = ofac::parse_csv_set(
        &input(
            "sdn.csv",
            b"x1,\"A\",-0- ,\"C\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n",
        ),
        &[],
    )
    .unwrap_err();
    assert!(err.to_string().starts_with("sdn.csv:1:"), "{err}");
    // an unknown SDN_Type
    let err = ofac::parse_csv_set(
        &input(
            "sdn.csv",
            b"1,\"A\",\"robot\",\"C\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n",
        ),
        &[],
    )
    .unwrap_err();
    assert!(err.to_string().contains("robot"), "{err}");
}

const FIXTURE_XML: &str = r#"<?xml version="1.0" standalone="yes"?>
<sdnList xmlns="http://tempuri.org/sdnList.xsd">
  <publshInformation><Publish_Date>05/03/2024</Publish_Date><Record_Count>2</Record_Count></publshInformation>
  <sdnEntry>
    <uid>20157</uid><firstName>Jong Un</firstName><lastName>KIM</lastName><title>Chairman</title>
    <sdnType>Individual</sdnType>
    <programList><program>DPRK3</program></programList>
    <idList>
      <id><uid>1</uid><idType>Passport</idType><idNumber>836110034</idNumber><idCountry>Korea, North</idCountry><expirationDate>2025</expirationDate></id>
      <id><uid>2</uid><idType>Gender</idType><idNumber>Male</idNumber></id>
      <id><uid>3</uid><idType>Mystery Code</idType><idNumber>42</idNumber></id>
    </idList>
    <akaList><aka><uid>9</uid><type>a.k.a.</type><category>weak</category><lastName>KIM, Jong-un</lastName></aka></akaList>
    <nationalityList><nationality><uid>4</uid><country>Korea, North</country></nationality></nationalityList>
    <citizenshipList><citizenship><uid>5</uid><country>Russia</country></citizenship></citizenshipList>
    <dateOfBirthList><dateOfBirthItem><uid>6</uid><dateOfBirth>08 Jan 1984</dateOfBirth></dateOfBirthItem>
      <dateOfBirthItem><uid>7</uid><dateOfBirth>circa 1983</dateOfBirth></dateOfBirthItem></dateOfBirthList>
    <placeOfBirthList><placeOfBirthItem><uid>8</uid><placeOfBirth>Pyongyang, North Korea</placeOfBirth></placeOfBirthItem></placeOfBirthList>
    <addressList><address><uid>10</uid><address1>1 Main St</address1><city>Pyongyang</city><country>Korea, North</country></address></addressList>
    <remarks>Linked To: PETREL 8</remarks>
  </sdnEntry>
  <sdnEntry>
    <uid>30000</uid><lastName>PETREL 8</lastName><sdnType>Vessel</sdnType>
    <programList><program>DPRK</program></programList>
    <idList><id><uid>11</uid><idType>Vessel Registration Identification</idType><idNumber>IMO 9562233</idNumber></id></idList>
    <vesselInfo><callSign>HP1234</callSign><vesselType>Cargo</vesselType><vesselFlag>Russia</vesselFlag>
      <vesselOwner>KIM, Jong Un</vesselOwner><tonnage>1000</tonnage><grossRegisteredTonnage>900</grossRegisteredTonnage></vesselInfo>
  </sdnEntry>
</sdnList>
"#;

#[test]
fn xml_fixture_all_fields() {
    let list = ofac::parse_xml(&input("sdn.xml", FIXTURE_XML.as_bytes())).unwrap();
    assert_eq!(list.source, "ofac");
    assert_eq!(list.publisher_date.as_deref(), Some("2024-05-03"));
    let kim = get(&list, "ofac:20157");
    assert_eq!(kim.caption(), "KIM, Jong Un");
    assert_eq!(kim.properties["position"], vec!["Chairman"]);
    let p = kim.identifiers_of(&IdKind::Passport).next().unwrap();
    assert_eq!(p.country.as_deref(), Some("KP"));
    assert_eq!(p.note.as_deref(), Some("expires 2025"));
    assert_eq!(kim.gender, Some(Gender::Male));
    assert_eq!(kim.nationalities, vec!["KP", "RU"]);
    assert_eq!(kim.birth_dates.len(), 2);
    assert_eq!(kim.birth_dates[0], DateSpec::exact(day(1984, 1, 8)));
    assert!(kim.birth_dates[1].approximate);
    assert_eq!(kim.birth_places, vec!["Pyongyang, North Korea"]);
    assert_eq!(kim.addresses[0].street.as_deref(), Some("1 Main St"));
    assert_eq!(kim.addresses[0].country.as_deref(), Some("KP"));
    assert_eq!(kim.remarks, vec!["Mystery Code 42"]);
    assert_eq!(kim.names[1].quality, NameQuality::Weak);
    assert_eq!(kim.names[1].family.as_deref(), Some("KIM"));
    assert_eq!(kim.links[0].target_id.as_deref(), Some("ofac:30000"));
    let petrel = get(&list, "ofac:30000");
    assert_eq!(petrel.schema, Schema::Vessel);
    assert_eq!(
        petrel.identifiers_of(&IdKind::Imo).next().unwrap().value,
        "9562233"
    );
    assert_eq!(petrel.properties["callSign"], vec!["HP1234"]);
    assert_eq!(petrel.properties["grossRegisteredTonnage"], vec!["900"]);
    assert_eq!(petrel.countries, vec!["RU"]);
    assert_eq!(petrel.links[0].relation, "owner");
    assert_eq!(petrel.links[0].target_id.as_deref(), Some("ofac:20157"));
    // an entry without uid is refused with its line
    let bad = FIXTURE_XML.replace("<uid>30000</uid>", "");
    let err = ofac::parse_xml(&input("sdn.xml", bad.as_bytes())).unwrap_err();
    assert!(err.to_string().starts_with("sdn.xml:22:"), "{err}");
}

#[test]
fn parse_time_of_sdn_2024() {
    let Some(path) = real("parse_time_of_sdn_2024", SDN_2024) else {
        return;
    };
    let main = Input::read(&path).unwrap();
    let start = Instant::now();
    let list = ofac::parse_csv_set(&main, &[]).unwrap();
    let elapsed = start.elapsed();
    eprintln!(
        "ofac sdn.csv 2024-05-03: {} entities parsed in {:.3} s",
        list.entities.len(),
        elapsed.as_secs_f64()
    );
    assert_eq!(list.entities.len(), 14_965);
    // generous bound for unoptimized test builds on a loaded machine
    assert!(elapsed.as_secs_f64() < 10.0, "{elapsed:?}");
}
