//! US Trade Consolidated Screening List CSV: the real gzipped 2022 file, a
//! hand-made fixture and bad input.

use interdict_formats::{
    detect, parse, parse_path, us_csl, Format, FormatError, Input, ParsedList,
};
use interdict_model::{Entity, Gender, IdKind, NameKind, PartialDate, Schema};
use std::io::Write;

const GZ: &str = "us_trade_csl/consolidated_2022.csv.gz";

fn get<'a>(list: &'a ParsedList, id: &str) -> &'a Entity {
    list.entities
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("{id} not found"))
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

#[test]
fn real_gzipped_csv() {
    let Some(dir) = interdict_formats::shared_lists("real_gzipped_csv") else {
        return;
    };
    let path = dir.join(GZ);
    let input = Input::read(&path).unwrap();
    assert_eq!(detect(&input.name, &input.bytes).unwrap(), Format::UsCslCsv);
    let list = parse_path(&path).unwrap();
    assert_eq!(list.source, "us-csl");
    assert_eq!(list.publisher_date, None);
    // PROVENANCE.md: 14,160 rows; 71 Treasury ids have a row on two or three
    // lists (SDN and SSI, CAP, …), merged: 14,048 entities
    assert_eq!(list.entities.len(), 14048);
    let count = |s: Schema| list.entities.iter().filter(|e| e.schema == s).count();
    assert_eq!(count(Schema::Person), 5284);
    assert_eq!(count(Schema::Organization), 4423);
    assert_eq!(count(Schema::Vessel), 433);
    assert_eq!(count(Schema::Airplane), 283);
    // the other agencies' lists give no type
    assert_eq!(count(Schema::LegalEntity), 3625);
    let on = |p: &str| {
        list.entities
            .iter()
            .filter(|e| e.programmes.iter().any(|x| x == p))
            .count()
    };
    assert_eq!(on("RUSSIA-EO14024"), 894);
    assert_eq!(
        on("Entity List (EL) - Bureau of Industry and Security"),
        2001
    );
    let names: usize = list.entities.iter().map(|e| e.names.len()).sum();
    assert_eq!(names, 33497);

    let kim = get(&list, "us-csl:20157");
    assert_eq!(kim.caption(), "KIM, Jong Un");
    assert_eq!(kim.names[0].family.as_deref(), Some("KIM"));
    assert_eq!(
        kim.birth_dates[0].date,
        PartialDate::ymd(1984, 1, 8).unwrap()
    );
    assert_eq!(
        kim.programmes,
        vec![
            "DPRK3",
            "Specially Designated Nationals (SDN) - Treasury Department"
        ]
    );
    assert_eq!(kim.countries, vec!["KP"]);

    let shoigu = get(&list, "us-csl:35173");
    assert_eq!(shoigu.caption(), "SHOIGU, Sergei");
    assert_eq!(shoigu.gender, Some(Gender::Male));
    assert_eq!(shoigu.nationalities, vec!["RU"]);
    assert_eq!(shoigu.birth_places, vec!["Chadan, the Tuvan, Russia"]);

    // one party on three Treasury lists
    let vtb_africa = get(&list, "us-csl:18725");
    assert_eq!(
        vtb_africa.programmes.len(),
        5,
        "{:?}",
        vtb_africa.programmes
    );
    assert_eq!(
        vtb_africa
            .identifiers_of(&IdKind::SwiftBic)
            .next()
            .unwrap()
            .value,
        "VTBLAOLU"
    );
    assert_eq!(
        vtb_africa.links[0].target_id.as_deref(),
        Some("us-csl:17013")
    );

    // a Denied Persons List row: hashed id, listing date, no type
    let ash = get(&list, "us-csl:deb7a1d5743a85c354ca1a2c7f2664e2104b32d7");
    assert_eq!((ash.caption(), ash.schema), ("I. ASH", Schema::LegalEntity));
    assert_eq!(ash.listed_on, PartialDate::ymd(2003, 6, 19));
    assert_eq!(ash.properties["endDate"], vec!["2056-06-29"]);
}

const SMALL: &str = "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids
26095,Specially Designated Nationals (SDN) - Treasury Department,26095,Individual,SDGT,\"'ABD AL-NASIR, Hajji\",,SY,,,,,,,,,,,,,(Linked To: ISLAMIC STATE OF IRAQ AND THE LEVANT),http://x,\"ABDELNASSER, Hajji; AL-KHUWAYT, Taha\",\"\",1967; 1966; circa 1968,IQ,\"Tall 'Afar, Iraq\",http://y,\"JO, 2014-08-30, 2009-08-31, K475336, Passport; Male, Gender\"
9999,Specially Designated Nationals (SDN) - Treasury Department,9999,Entity,SDGT,ISLAMIC STATE OF IRAQ AND THE LEVANT,,,,,,,,,,,,,,,,,ISIL,,,,,,
abc123,Entity List (EL) - Bureau of Industry and Security,,,,ACME TRADING,,\"1 Main St, Dubai, AE\",84 FR 1,2019-05-16,,,For all items subject to the EAR.,Presumption of denial.,,,,,,,,,,,,,,,
9999,Sectoral Sanctions Identifications List (SSI) - Treasury Department,9999,Entity,UKRAINE-EO13662,ISLAMIC STATE OF IRAQ AND THE LEVANT,,,,,,,,,,,,,,,,,DAESH,,,,,,
";

#[test]
fn small_fixture_plain_and_gzipped() {
    for input in [
        Input {
            name: "csl.csv".into(),
            bytes: SMALL.as_bytes().to_vec(),
        },
        Input {
            name: "renamed.bin".into(),
            bytes: gzip(SMALL.as_bytes()),
        },
    ] {
        let format = detect(&input.name, &input.bytes).unwrap();
        assert_eq!(format, Format::UsCslCsv);
        let list = parse(format, &input, &[]).unwrap();
        assert_eq!(list.entities.len(), 3);
        let p = get(&list, "us-csl:26095");
        assert_eq!(p.schema, Schema::Person);
        assert_eq!(p.names[0].given.as_deref(), Some("Hajji"));
        assert_eq!(p.names[2].full, "AL-KHUWAYT, Taha");
        assert_eq!(p.names[2].kind, NameKind::Alias);
        assert_eq!(p.birth_dates.len(), 3);
        assert!(p.birth_dates[2].approximate);
        assert_eq!(p.nationalities, vec!["IQ"]);
        assert_eq!(p.countries, vec!["SY"]);
        let passport = p.identifiers_of(&IdKind::Passport).next().unwrap();
        assert_eq!(passport.country.as_deref(), Some("JO"));
        assert_eq!(p.gender, Some(Gender::Male));
        assert_eq!(p.links[0].target_id.as_deref(), Some("us-csl:9999"));
        // two rows of one id are one entity on two lists
        let isil = get(&list, "us-csl:9999");
        assert_eq!(isil.names.len(), 3);
        assert_eq!(isil.programmes.len(), 4, "{:?}", isil.programmes);
        let acme = get(&list, "us-csl:abc123");
        assert_eq!(acme.schema, Schema::LegalEntity);
        assert_eq!(
            acme.addresses[0].street.as_deref(),
            Some("1 Main St, Dubai")
        );
        assert_eq!(acme.addresses[0].country.as_deref(), Some("AE"));
        assert_eq!(acme.listed_on, PartialDate::ymd(2019, 5, 16));
        assert_eq!(
            acme.properties["licensePolicy"],
            vec!["Presumption of denial."]
        );
    }
}

#[test]
fn truncated_gzip_is_a_clear_error() {
    let packed = gzip(SMALL.repeat(20).as_bytes());
    let input = Input {
        name: "cut.csv.gz".into(),
        bytes: packed[..packed.len() - 20].to_vec(),
    };
    let err = parse(Format::UsCslCsv, &input, &[]).unwrap_err();
    assert!(
        matches!(&err, FormatError::Compressed { file, kind: "gzip", .. } if file == "cut.csv.gz"),
        "{err:?}"
    );
    assert!(err.to_string().contains("truncated"), "{err}");
}

#[test]
fn bad_rows_name_file_and_line() {
    // a row with a missing field (the file is cut in the middle of a row)
    let cut = &SMALL[..SMALL.find("Presumption").unwrap()];
    let err = us_csl::parse(&Input {
        name: "cut.csv".into(),
        bytes: cut.as_bytes().to_vec(),
    })
    .unwrap_err();
    assert!(
        matches!(&err, FormatError::Csv { file, line: 4, .. } if file == "cut.csv"),
        "{err:?}"
    );
    let no_name = SMALL.replace(",ACME TRADING,", ",,");
    let err = us_csl::parse(&Input {
        name: "n.csv".into(),
        bytes: no_name.into_bytes(),
    })
    .unwrap_err();
    assert!(
        matches!(&err, FormatError::Invalid { line: 4, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("abc123"), "{err}");
    let bad_type = SMALL.replace(",9999,Entity,SDGT,", ",9999,Planet,SDGT,");
    let err = us_csl::parse(&Input {
        name: "t.csv".into(),
        bytes: bad_type.into_bytes(),
    })
    .unwrap_err();
    assert!(
        matches!(&err, FormatError::Invalid { line: 3, .. }),
        "{err:?}"
    );
    let mut latin1 = SMALL.as_bytes().to_vec();
    let pos = SMALL.find("ACME").unwrap();
    latin1[pos] = 0xC9;
    let err = us_csl::parse(&Input {
        name: "l.csv".into(),
        bytes: latin1,
    })
    .unwrap_err();
    assert!(
        matches!(&err, FormatError::Encoding { line: 4, .. }),
        "{err:?}"
    );
    let no_id_column = SMALL.replacen("_id,source", "id,source", 1);
    assert!(detect("x.csv", no_id_column.as_bytes()).is_err());
    let err = us_csl::parse(&Input {
        name: "h.csv".into(),
        bytes: no_id_column.into_bytes(),
    })
    .unwrap_err();
    assert!(
        matches!(&err, FormatError::Invalid { line: 1, .. }),
        "{err:?}"
    );
}
