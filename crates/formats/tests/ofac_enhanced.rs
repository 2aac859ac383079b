//! OFAC Enhanced XML: the real zipped Consolidated list, the same entries as
//! the `sdnList` XML gives them, a hand-made fixture (plain and zipped) and
//! bad input (truncated zip, malformed XML inside a zip).

use interdict_formats::{detect, ofac, parse, parse_path, Format, FormatError, Input, ParsedList};
use interdict_model::{Entity, IdKind, NameKind, NameQuality, PartialDate, Schema};
use std::io::Write;
use std::path::PathBuf;

const ZIP: &str = "ofac/cons_enhanced_2025-01-10.zip";

fn real(test: &str) -> Option<PathBuf> {
    Some(interdict_formats::shared_lists(test)?.join(ZIP))
}

fn get<'a>(list: &'a ParsedList, id: &str) -> &'a Entity {
    list.entities
        .iter()
        .find(|e| e.id == id)
        .unwrap_or_else(|| panic!("{id} not found"))
}

fn zip(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in members {
        w.start_file(*name, opts).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn real_zip_counts() {
    let Some(path) = real("real_zip_counts") else {
        return;
    };
    let input = Input::read(&path).unwrap();
    assert_eq!(
        detect(&input.name, &input.bytes).unwrap(),
        Format::OfacEnhancedXml
    );
    let list = parse_path(&path).unwrap();
    assert_eq!(list.source, "ofac-cons");
    assert_eq!(list.format, Format::OfacEnhancedXml);
    assert_eq!(list.publisher_date.as_deref(), Some("2025-01-10"));
    // PROVENANCE.md: 443 entities (363 Entity, 80 Individual), 1,579 names
    assert_eq!(list.entities.len(), 443);
    let count = |s: Schema| list.entities.iter().filter(|e| e.schema == s).count();
    assert_eq!(
        (count(Schema::Organization), count(Schema::Person)),
        (363, 80)
    );
    // every <name> has one Latin translation; 45 more are Cyrillic or Chinese
    let names: Vec<_> = list.entities.iter().flat_map(|e| &e.names).collect();
    assert_eq!(names.iter().filter(|n| n.script.is_none()).count(), 1579);
    assert_eq!(names.len(), 1624);
    let with = |p: &str| {
        list.entities
            .iter()
            .filter(|e| e.programmes.iter().any(|x| x == p))
            .count()
    };
    assert_eq!(with("RUSSIA-EO14024"), 82);
    assert_eq!(with("UKRAINE-EO13662"), 286);
    for e in &list.entities {
        assert_eq!(e.names[0].kind, NameKind::Primary, "{}", e.id);
        assert!(e.listed_on.is_some(), "{}", e.id);
    }
}

#[test]
fn real_vtb_bank() {
    let Some(path) = real("real_vtb_bank") else {
        return;
    };
    let list = parse_path(&path).unwrap();
    let vtb = get(&list, "ofac-cons:17013");
    assert_eq!(vtb.caption(), "VTB BANK PUBLIC JOINT STOCK COMPANY");
    let cyrillic = vtb
        .names
        .iter()
        .find(|n| n.full == "БАНК ВТБ ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО")
        .unwrap();
    assert_eq!(
        (cyrillic.kind, cyrillic.script.as_deref()),
        (NameKind::Alias, Some("Cyrl"))
    );
    let former = vtb
        .names
        .iter()
        .find(|n| n.full == "VNESHTORGBANK")
        .unwrap();
    assert_eq!(
        (former.kind, former.quality),
        (NameKind::Former, NameQuality::Strong)
    );
    let weak = vtb
        .names
        .iter()
        .find(|n| n.full == "JSC VTB BANK NEW DELHI BRANCH")
        .unwrap();
    assert_eq!(weak.quality, NameQuality::Weak);
    let swift = vtb.identifiers_of(&IdKind::SwiftBic).next().unwrap();
    assert_eq!(swift.value, "VTBRRUMM");
    let reg = vtb.identifiers_of(&IdKind::Registration).next().unwrap();
    assert_eq!(
        (reg.value.as_str(), reg.country.as_deref()),
        ("1027739609391", Some("RU"))
    );
    assert!(vtb.countries.contains(&"RU".to_string()));
    // "Owned or Controlled By" VTB, resolved by the related entity's id
    let sub = get(&list, "ofac-cons:17017");
    assert_eq!(sub.links[0].relation, "linked_to");
    assert_eq!(sub.links[0].target_id.as_deref(), Some("ofac-cons:17013"));
}

/// An entry unchanged between the two editions reads the same from the
/// Enhanced XML (2025) and the `sdnList` XML (2026), the Enhanced XML adding
/// the listing date.
#[test]
fn same_entry_as_the_sdnlist_xml() {
    let Some(path) = real("same_entry_as_the_sdnlist_xml") else {
        return;
    };
    let enhanced = parse_path(&path).unwrap();
    let sdnlist = parse_path(&path.with_file_name("cons_sdnlist_2026-01-08.xml")).unwrap();
    let mut a = get(&enhanced, "ofac-cons:9639").clone();
    let b = get(&sdnlist, "ofac-cons:9639");
    assert_eq!(a.caption(), "HANIYA, Ismail Abdul Salah");
    assert_eq!(a.birth_dates[0].date, PartialDate::year(1962));
    assert_eq!(a.listed_on, PartialDate::ymd(2006, 4, 12));
    a.listed_on = None;
    assert_eq!(&a, b);
}

// ---- hand-made fixture and bad input ----

const SMALL: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<sanctionsData xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ENHANCED_XML">
  <publicationInfo>
    <dataAsOf>2025-03-04T00:00:00</dataAsOf>
    <filters><sanctionsLists><sanctionsList refId="1550">SDN List</sanctionsList></sanctionsLists></filters>
  </publicationInfo>
  <entities>
    <entity id="20157">
      <generalInfo><identityId>1</identityId><entityType refId="600">Individual</entityType><remarks>Linked To: KOREA WORKERS' PARTY.</remarks></generalInfo>
      <sanctionsLists><sanctionsList refId="1550" id="1" datePublished="2016-07-06">SDN List</sanctionsList></sanctionsLists>
      <sanctionsPrograms><sanctionsProgram refId="1" id="1">DPRK3</sanctionsProgram></sanctionsPrograms>
      <names>
        <name id="2"><isPrimary>false</isPrimary><aliasType refId="1400">A.K.A.</aliasType><isLowQuality>true</isLowQuality>
          <translations><translation id="3"><isPrimary>true</isPrimary><script refId="20122">Latin</script>
            <formattedFullName>KIM JONG-UN</formattedFullName></translation></translations></name>
        <name id="1"><isPrimary>true</isPrimary><isLowQuality>false</isLowQuality>
          <translations>
            <translation id="2"><isPrimary>false</isPrimary><script refId="20109">Korean</script><formattedFullName>김정은</formattedFullName></translation>
            <translation id="1"><isPrimary>true</isPrimary><script refId="20122">Latin</script>
            <formattedFirstName>Jong Un</formattedFirstName><formattedLastName>KIM</formattedLastName><formattedFullName>KIM, Jong Un</formattedFullName></translation>
          </translations></name>
      </names>
      <addresses><address id="1"><country refId="1">Korea, North</country><translations><translation id="9"><isPrimary>true</isPrimary>
        <addressParts><addressPart id="1"><type refId="1451">ADDRESS1</type><value>Central District</value></addressPart>
        <addressPart id="2"><type refId="1454">CITY</type><value>Pyongyang</value></addressPart></addressParts></translation></translations></address></addresses>
      <features>
        <feature id="1"><type featureTypeId="8">Birthdate</type><value>08 Jan 1984</value></feature>
        <feature id="2"><type featureTypeId="9">Place of Birth</type><value>Pyongyang, North Korea</value></feature>
        <feature id="3"><type featureTypeId="10">Nationality Country</type><value>Korea, North</value></feature>
        <feature id="4"><type featureTypeId="224">Gender</type><value>Male</value></feature>
        <feature id="5"><type featureTypeId="999">Something New</type><value>odd</value></feature>
      </features>
      <identityDocuments><identityDocument id="1"><type refId="1571">Passport</type><documentNumber>836110034</documentNumber>
        <isValid>true</isValid><issuingCountry refId="1">Korea, North</issuingCountry></identityDocument></identityDocuments>
      <relationships><relationship id="1"><type refId="15003">Owned or Controlled By</type>
        <relatedEntity entityId="99">KOREA WORKERS' PARTY</relatedEntity></relationship></relationships>
    </entity>
    <entity id="99">
      <generalInfo><identityId>2</identityId><entityType refId="601">Entity</entityType></generalInfo>
      <names><name id="9"><isPrimary>true</isPrimary><translations><translation id="9"><isPrimary>true</isPrimary>
        <formattedFullName>KOREA WORKERS' PARTY</formattedFullName></translation></translations></name></names>
    </entity>
  </entities>
</sanctionsData>
"#;

fn check_small(list: &ParsedList) {
    // the file says it is the SDN list, whatever its name
    assert_eq!(list.source, "ofac");
    assert_eq!(list.publisher_date.as_deref(), Some("2025-03-04"));
    let kim = get(list, "ofac:20157");
    let names: Vec<(&str, NameKind, NameQuality)> = kim
        .names
        .iter()
        .map(|n| (n.full.as_str(), n.kind, n.quality))
        .collect();
    assert_eq!(
        names,
        vec![
            ("KIM, Jong Un", NameKind::Primary, NameQuality::Unknown),
            ("김정은", NameKind::Alias, NameQuality::Unknown),
            ("KIM JONG-UN", NameKind::Alias, NameQuality::Weak),
        ]
    );
    assert_eq!(kim.names[0].family.as_deref(), Some("KIM"));
    assert_eq!(kim.names[1].script.as_deref(), Some("Hang"));
    assert_eq!(
        kim.birth_dates[0].date,
        PartialDate::ymd(1984, 1, 8).unwrap()
    );
    assert_eq!(kim.birth_places, vec!["Pyongyang, North Korea"]);
    assert_eq!(kim.nationalities, vec!["KP"]);
    assert_eq!(kim.gender, Some(interdict_model::Gender::Male));
    let passport = kim.identifiers_of(&IdKind::Passport).next().unwrap();
    assert_eq!(
        (passport.value.as_str(), passport.country.as_deref()),
        ("836110034", Some("KP"))
    );
    assert_eq!(kim.addresses[0].city.as_deref(), Some("Pyongyang"));
    assert_eq!(kim.addresses[0].street.as_deref(), Some("Central District"));
    assert_eq!(kim.addresses[0].country.as_deref(), Some("KP"));
    assert_eq!(kim.programmes, vec!["DPRK3"]);
    assert_eq!(kim.listed_on, PartialDate::ymd(2016, 7, 6));
    // the relationship and the remarks' "Linked To:" are one link
    assert_eq!(kim.links.len(), 1, "{:?}", kim.links);
    assert_eq!(kim.links[0].target_id.as_deref(), Some("ofac:99"));
    assert_eq!(kim.remarks, vec!["Something New odd"]);
}

#[test]
fn small_fixture_plain_gzipped_and_zipped() {
    let plain = Input {
        name: "cons_whatever.xml".into(),
        bytes: SMALL.as_bytes().to_vec(),
    };
    check_small(&ofac::parse_enhanced_xml(&plain).unwrap());
    let zipped = Input {
        name: "SDN_ENHANCED.ZIP".into(),
        bytes: zip(&[("SDN_ENHANCED.XML", SMALL.as_bytes())]),
    };
    let format = detect(&zipped.name, &zipped.bytes).unwrap();
    assert_eq!(format, Format::OfacEnhancedXml);
    check_small(&parse(format, &zipped, &[]).unwrap());
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(SMALL.as_bytes()).unwrap();
    let gzipped = Input {
        name: "sdn_enhanced.xml.gz".into(),
        bytes: gz.finish().unwrap(),
    };
    check_small(&parse(Format::OfacEnhancedXml, &gzipped, &[]).unwrap());
}

#[test]
fn truncated_real_zip_is_a_clear_error() {
    let Some(path) = real("truncated_real_zip_is_a_clear_error") else {
        return;
    };
    let bytes = std::fs::read(&path).unwrap();
    let cut = Input {
        name: "cut.zip".into(),
        bytes: bytes[..bytes.len() / 2].to_vec(),
    };
    let err = detect(&cut.name, &cut.bytes).unwrap_err();
    assert!(
        matches!(&err, FormatError::Compressed { file, kind: "zip", .. } if file == "cut.zip"),
        "{err:?}"
    );
    assert!(err.to_string().contains("truncated"), "{err}");
    let err = parse(Format::OfacEnhancedXml, &cut, &[]).unwrap_err();
    assert!(matches!(err, FormatError::Compressed { .. }), "{err:?}");
}

#[test]
fn malformed_xml_inside_a_zip_names_member_and_line() {
    let bad = SMALL.replace("</features>", "</feature>");
    let line = SMALL[..SMALL.find("</features>").unwrap()]
        .matches('\n')
        .count()
        + 1;
    let input = Input {
        name: "bad.zip".into(),
        bytes: zip(&[("CONS_ENHANCED.XML", bad.as_bytes())]),
    };
    let err = parse(Format::OfacEnhancedXml, &input, &[]).unwrap_err();
    assert!(
        matches!(&err, FormatError::Xml { file, line: l, .. } if file == "bad.zip!CONS_ENHANCED.XML" && *l == line),
        "{err:?}"
    );
}

#[test]
fn entity_without_id_or_type_is_refused() {
    let no_id = SMALL.replace("<entity id=\"99\">", "<entity>");
    let err = ofac::parse_enhanced_xml(&Input {
        name: "x.xml".into(),
        bytes: no_id.into_bytes(),
    })
    .unwrap_err();
    assert!(
        matches!(&err, FormatError::Invalid { message, .. } if message.contains("without an id")),
        "{err:?}"
    );
    let bad_type = SMALL.replace(">Entity</entityType>", ">Planet</entityType>");
    let err = ofac::parse_enhanced_xml(&Input {
        name: "y.xml".into(),
        bytes: bad_type.into_bytes(),
    })
    .unwrap_err();
    assert!(err.to_string().contains("Planet"), "{err}");
}
