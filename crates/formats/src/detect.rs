//! Telling list formats apart by their content.

use crate::error::{FormatError, Result};
use serde::{Deserialize, Serialize};

/// A list file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// UN Security Council Consolidated List XML (`CONSOLIDATED_LIST`).
    UnXml,
    /// OFAC legacy CSV primary file (`sdn.csv`, `cons_prim.csv`).
    OfacCsv,
    /// OFAC legacy CSV companion (`add.csv`, `alt.csv`, `*_comments.csv`).
    OfacCompanionCsv,
    /// OFAC `sdnList` XML (`sdn.xml`, `consolidated.xml`).
    OfacXml,
    /// OFAC Enhanced XML (`sanctionsData`; `SDN_ENHANCED.XML`, `CONS_ENHANCED.XML`).
    OfacEnhancedXml,
    /// EU Financial Sanctions Files XML 1.1 (`export`).
    EuXml,
    /// EU legacy XML 1.0 (`WHOLE`).
    EuLegacyXml,
    /// UK OFSI Consolidated List CSV (`ConList.csv`).
    UkConlistCsv,
    /// UK Sanctions List XML (`Designations`).
    UkXml,
    /// FollowTheMoney entities, one JSON object per line (`entities.ftm.json`).
    Ftm,
    /// OpenSanctions targets as nested JSON: FtM entities, one per line, with
    /// the entities they point at inline (`targets.nested.json`).
    FtmNested,
    /// OpenSanctions targets as simplified CSV (header `id,schema,name,aliases,birth_date,…`;
    /// `targets.simple.csv`).
    OsSimpleCsv,
    /// US Trade Consolidated Screening List CSV (header `_id,source,…`).
    UsCslCsv,
}

impl Format {
    /// A short name for messages and the store.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::UnXml => "un-xml",
            Format::OfacCsv => "ofac-csv",
            Format::OfacCompanionCsv => "ofac-companion-csv",
            Format::OfacXml => "ofac-xml",
            Format::OfacEnhancedXml => "ofac-enhanced-xml",
            Format::EuXml => "eu-xml",
            Format::EuLegacyXml => "eu-legacy-xml",
            Format::UkConlistCsv => "uk-conlist-csv",
            Format::UkXml => "uk-xml",
            Format::Ftm => "ftm-json",
            Format::FtmNested => "ftm-nested-json",
            Format::OsSimpleCsv => "opensanctions-simple-csv",
            Format::UsCslCsv => "us-csl-csv",
        }
    }
}

/// How much of a JSON-lines file is searched for an inline entity.
const NESTED_SCAN: usize = 256 * 1024;

/// Detects the format of a list file from its first bytes.
///
/// A gzip or zip file is detected as the list file inside it (see
/// [`crate::parse`], which unpacks it the same way). The file name is used
/// only in messages. Fails with [`FormatError::Empty`],
/// [`FormatError::UnknownFormat`] or [`FormatError::Compressed`].
pub fn detect(name: &str, bytes: &[u8]) -> Result<Format> {
    match crate::packed::head(name, bytes)? {
        Some(inner) => detect_plain(&inner.name, &inner.bytes),
        None => detect_plain(name, bytes),
    }
}

/// [`detect`] for bytes that are not compressed.
pub(crate) fn detect_plain(name: &str, bytes: &[u8]) -> Result<Format> {
    let head = &bytes[..bytes.len().min(4096)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let text = String::from_utf8_lossy(head);
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err(FormatError::Empty {
            file: name.to_string(),
        });
    }
    if trimmed.starts_with('<') {
        let root = xml_root_name(trimmed);
        return match root.as_deref() {
            Some("CONSOLIDATED_LIST") => Ok(Format::UnXml),
            Some("sdnList") => Ok(Format::OfacXml),
            Some("sanctionsData") => Ok(Format::OfacEnhancedXml),
            Some("export") => Ok(Format::EuXml),
            Some("WHOLE") => Ok(Format::EuLegacyXml),
            Some("Designations") => Ok(Format::UkXml),
            Some(other) => Err(unknown(name, &format!("XML with root element <{other}>"))),
            None => Err(unknown(
                name,
                "XML without a root element in its first 4 KiB",
            )),
        };
    }
    if trimmed.starts_with('{') {
        let first = trimmed.lines().next().unwrap_or("");
        if first.contains("\"schema\"") && first.contains("\"properties\"") {
            // Nested targets have entities inline in their properties; look
            // further than the first 4 KiB, as one line is often longer.
            let more = &bytes[..bytes.len().min(NESTED_SCAN)];
            let more = String::from_utf8_lossy(more);
            return Ok(if crate::ftm_nested::has_nested(&more) {
                Format::FtmNested
            } else {
                Format::Ftm
            });
        }
        return Err(unknown(
            name,
            "JSON that is not FollowTheMoney entity lines",
        ));
    }
    if crate::us_csl::is_header(trimmed) {
        return Ok(Format::UsCslCsv);
    }
    if crate::os_simple::is_header(trimmed) {
        return Ok(Format::OsSimpleCsv);
    }
    if trimmed.starts_with("Last Updated,") || trimmed.starts_with("Name 6,") {
        return Ok(Format::UkConlistCsv);
    }
    if let Some(format) = ofac_csv_kind(&text) {
        return Ok(format);
    }
    let first_line: String = trimmed
        .lines()
        .next()
        .unwrap_or("")
        .chars()
        .take(60)
        .collect();
    Err(unknown(name, &format!("starts with {first_line:?}")))
}

fn unknown(name: &str, hint: &str) -> FormatError {
    FormatError::UnknownFormat {
        file: name.to_string(),
        hint: hint.to_string(),
    }
}

/// The local name of the first element after the prolog.
fn xml_root_name(text: &str) -> Option<String> {
    let mut rest = text;
    loop {
        let start = rest.find('<')?;
        rest = &rest[start + 1..];
        if rest.starts_with('?') || rest.starts_with('!') {
            continue;
        }
        let end = rest.find(|c: char| c.is_whitespace() || c == '>' || c == '/')?;
        let name = &rest[..end];
        let local = name.rsplit(':').next().unwrap_or(name);
        return Some(local.to_string());
    }
}

/// OFAC legacy CSV files have no header; each row starts with the integer
/// `ent_num` and has a fixed number of fields: 12 in the primary file, 6 in
/// addresses, 5 in aliases, 2 in comments.
fn ofac_csv_kind(text: &str) -> Option<Format> {
    let line = text.lines().find(|l| !l.trim().is_empty())?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(line.as_bytes());
    let record = reader.records().next()?.ok()?;
    let first = record.get(0)?.trim();
    if first.is_empty() || !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match record.len() {
        12 => Some(Format::OfacCsv),
        2 | 5 | 6 => Some(Format::OfacCompanionCsv),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_by_content() {
        let cases: &[(&str, Format)] = &[
            ("<?xml version=\"1.0\"?>\n<CONSOLIDATED_LIST dateGenerated=\"x\">", Format::UnXml),
            ("<?xml version=\"1.0\" standalone=\"yes\"?>\n<sdnList xmlns=\"x\">", Format::OfacXml),
            ("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sanctionsData xmlns:xsi=\"x\" xmlns=\"y\">", Format::OfacEnhancedXml),
            ("<export xmlns=\"http://eu.europa.ec/fpi/fsd/export\">", Format::EuXml),
            ("<?xml version=\"1.0\"?>\n<!-- GENERATED BY FSD -->\n<WHOLE Date=\"11/02/2016\">", Format::EuLegacyXml),
            ("\u{feff}<?xml version=\"1.0\"?><Designations>", Format::UkXml),
            ("{\"id\": \"x\", \"schema\": \"Person\", \"properties\": {}}\n", Format::Ftm),
            ("{\"id\": \"x\", \"schema\": \"Person\", \"properties\": {\"sanctions\": [{\"id\": \"s\", \"schema\": \"Sanction\"}]}}\n", Format::FtmNested),
            ("\"id\",\"schema\",\"name\",\"aliases\",\"birth_date\",\"countries\",\"addresses\"\n", Format::OsSimpleCsv),
            ("Last Updated,13/04/2018,,,\nName 6,Name 1", Format::UkConlistCsv),
            ("_id,source,entity_number,type,programs,name,title\n", Format::UsCslCsv),
            ("36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n", Format::OfacCsv),
            ("36,25,-0- ,\"Havana\",\"Cuba\",-0- \r\n", Format::OfacCompanionCsv),
        ];
        for (text, want) in cases {
            assert_eq!(detect("f", text.as_bytes()).unwrap(), *want, "{text}");
        }
    }

    #[test]
    fn unknown_and_empty_are_errors() {
        assert!(matches!(
            detect("e", b" \n"),
            Err(FormatError::Empty { .. })
        ));
        let err = detect("x.xml", b"<html><body>").unwrap_err();
        assert!(err.to_string().contains("x.xml") && err.to_string().contains("<html>"));
        assert!(detect("x.txt", b"hello world").is_err());
        // JSON that is not entity lines (an OpenSanctions index.json), and
        // a CSV header like the simplified targets but for its first column
        assert!(detect(
            "index.json",
            b"{\"issue_count\":0,\"properties\":[\"Thing:name\"]}"
        )
        .is_err());
        assert!(detect(
            "t.csv",
            b"\"name\",\"schema\",\"id\",\"aliases\",\"birth_date\",\"x\"\n"
        )
        .is_err());
    }
}
