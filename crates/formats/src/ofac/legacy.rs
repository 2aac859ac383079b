//! The OFAC legacy CSV set (`sdn.csv` + `add.csv` + `alt.csv` + `sdn_comments.csv`).
//!
//! The files have no header row. `-0- ` (with a trailing space) marks an
//! empty field; files end with CRLF lines and a Ctrl-Z (0x1A) byte when they
//! come straight from OFAC. Text is UTF-8 (in practice ASCII); a file that is
//! not valid UTF-8 is read as Windows-1252, which older OFAC files used.

use super::remarks::{apply_remarks, split_person_name};
use super::{resolve_links, source_for, split_programs};
use crate::error::{FormatError, Result};
use crate::{Companion, Format, Input, ParsedList};
use interdict_model::country::country_code;
use interdict_model::{Address, Entity, Link, Name, NameKind, NameQuality, Schema};
use std::borrow::Cow;
use std::collections::HashMap;

/// What was left out of a CSV set.
///
/// Companion rows whose `ent_num` is not in the primary file (a companion
/// from another day's edition, or a row for an entry delisted since) are
/// ignored, never an error. A primary row that repeats an earlier `ent_num`
/// is skipped too (the first row wins, since the companions' rows cannot be
/// told apart); the real 2022-01 `sdn.csv` capture has one such damaged row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CsvSetReport {
    /// 1-based lines of primary rows skipped because their `ent_num` was
    /// already used by an earlier row.
    pub duplicate_rows: Vec<usize>,
    /// Address rows ignored.
    pub orphan_addresses: usize,
    /// Alias rows ignored.
    pub orphan_aliases: usize,
    /// Comment rows ignored.
    pub orphan_comments: usize,
}

/// Fields per row in each file of the set.
const PRIMARY_FIELDS: usize = 12;
const ADDRESS_FIELDS: usize = 6;
const ALIAS_FIELDS: usize = 5;
const COMMENT_FIELDS: usize = 2;

/// The bytes as text: UTF-8 when valid, else Windows-1252; a BOM and the
/// trailing Ctrl-Z are dropped. `None` when nothing but whitespace is left.
fn decode(bytes: &[u8]) -> Option<Cow<'_, str>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let end = bytes
        .iter()
        .rposition(|&b| b != 0x1A && !b.is_ascii_whitespace())?;
    let bytes = &bytes[..=end];
    Some(match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => {
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
        }
    })
}

/// One row with its 1-based line.
struct Row {
    line: usize,
    record: csv::StringRecord,
}

impl Row {
    /// A field, trimmed, `None` when empty or the `-0-` null marker.
    fn get(&self, i: usize) -> Option<&str> {
        let v = self.record.get(i)?.trim();
        (!v.is_empty() && v != "-0-").then_some(v)
    }
}

/// Counts lines as the reader moves forward through the text.
struct LineCounter<'a> {
    text: &'a [u8],
    pos: usize,
    line: usize,
}

impl LineCounter<'_> {
    /// The 1-based line of a byte offset (offsets may only grow, except that
    /// an earlier one is counted from the start).
    fn at(&mut self, offset: u64) -> usize {
        let mut offset = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        // a record's offset may point at the line end before it (after a CR)
        while matches!(self.text.get(offset), Some(b'\r' | b'\n')) {
            offset += 1;
        }
        if offset < self.pos {
            self.pos = 0;
            self.line = 1;
        }
        let newlines = self
            .text
            .get(self.pos..offset)
            .map_or(0, |s| s.iter().filter(|&&b| b == b'\n').count());
        self.line += newlines;
        self.pos = offset;
        self.line
    }
}

/// Reads every row of one file, checking the field count and the `ent_num`.
fn read_rows(file: &str, text: &str, fields: usize) -> Result<Vec<Row>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    // The csv crate's own line numbers do not count CRLF line ends right,
    // so lines are counted here from byte offsets.
    let mut lines = LineCounter {
        text: text.as_bytes(),
        pos: 0,
        line: 1,
    };
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| FormatError::Csv {
            file: file.to_string(),
            line: e.position().map_or(0, |p| lines.at(p.byte())),
            message: e.to_string(),
        })?;
        let line = record.position().map_or(0, |p| lines.at(p.byte()));
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if record.len() != fields {
            return Err(FormatError::Csv {
                file: file.to_string(),
                line,
                message: format!(
                    "expected {fields} fields, found {} (ent_num {:?})",
                    record.len(),
                    record.get(0).unwrap_or("")
                ),
            });
        }
        let ent = record.get(0).unwrap_or("").trim();
        if ent.is_empty() || !ent.bytes().all(|b| b.is_ascii_digit()) {
            return Err(FormatError::Invalid {
                file: file.to_string(),
                line,
                message: format!("the first field must be the numeric ent_num, found {ent:?}"),
            });
        }
        rows.push(Row { line, record });
    }
    Ok(rows)
}

fn schema_of(row: &Row, file: &str) -> Result<Schema> {
    Ok(match row.get(2).map(str::to_ascii_lowercase).as_deref() {
        None => Schema::Organization,
        Some("individual") => Schema::Person,
        Some("vessel") => Schema::Vessel,
        Some("aircraft") => Schema::Airplane,
        Some("entity") => Schema::Organization,
        Some(other) => {
            return Err(FormatError::Invalid {
                file: file.to_string(),
                line: row.line,
                message: format!(
                    "ent_num {}: unknown SDN_Type {other:?}",
                    row.get(0).unwrap_or("")
                ),
            })
        }
    })
}

/// Parses a CSV set.
pub(super) fn parse(
    main: &Input,
    companions: &[(Companion, Input)],
) -> Result<(ParsedList, CsvSetReport)> {
    let file = main.name.as_str();
    let text = decode(&main.bytes).ok_or_else(|| FormatError::Empty {
        file: file.to_string(),
    })?;
    let primary = read_rows(file, &text, PRIMARY_FIELDS)?;
    let source = source_for(file);
    let mut report = CsvSetReport::default();

    // ent_num → position; a repeated ent_num is skipped and reported
    let mut index: HashMap<String, usize> = HashMap::with_capacity(primary.len());
    let mut kept: Vec<Row> = Vec::with_capacity(primary.len());
    for row in primary {
        let ent = row.get(0).unwrap_or("").to_string();
        if index.contains_key(&ent) {
            report.duplicate_rows.push(row.line);
            continue;
        }
        index.insert(ent, kept.len());
        kept.push(row);
    }
    let primary = kept;

    // decode the companions once
    let mut decoded: Vec<(Companion, &str, Cow<'_, str>)> = Vec::new();
    for (role, input) in companions {
        if let Some(t) = decode(&input.bytes) {
            decoded.push((*role, input.name.as_str(), t));
        }
    }

    // remarks continued in the comments file
    let mut continued: HashMap<usize, String> = HashMap::new();
    for (role, name, t) in &decoded {
        if *role != Companion::Comments {
            continue;
        }
        for row in read_rows(name, t, COMMENT_FIELDS)? {
            match index.get(row.get(0).unwrap_or("")) {
                Some(&i) => continued
                    .entry(i)
                    .or_default()
                    .push_str(row.record.get(1).unwrap_or("")),
                None => report.orphan_comments += 1,
            }
        }
    }

    let mut entities = Vec::with_capacity(primary.len());
    for (i, row) in primary.iter().enumerate() {
        let mut remarks = row.get(11).unwrap_or("").to_string();
        if let Some(more) = continued.get(&i) {
            remarks.push_str(more);
        }
        entities.push(entity_from_row(row, file, source, &remarks)?);
    }

    for (role, name, t) in &decoded {
        match role {
            Companion::Addresses => {
                for row in read_rows(name, t, ADDRESS_FIELDS)? {
                    match index.get(row.get(0).unwrap_or("")) {
                        Some(&i) => {
                            if let Some(e) = entities.get_mut(i) {
                                add_address(e, &row);
                            }
                        }
                        None => report.orphan_addresses += 1,
                    }
                }
            }
            Companion::Aliases => {
                for row in read_rows(name, t, ALIAS_FIELDS)? {
                    match index.get(row.get(0).unwrap_or("")) {
                        Some(&i) => {
                            if let Some(e) = entities.get_mut(i) {
                                add_alias(e, &row, name)?;
                            }
                        }
                        None => report.orphan_aliases += 1,
                    }
                }
            }
            Companion::Comments => {}
        }
    }

    resolve_links(&mut entities);
    Ok((
        ParsedList {
            warnings: Vec::new(),
            source: source.to_string(),
            format: Format::OfacCsv,
            publisher_date: None,
            entities,
        },
        report,
    ))
}

fn entity_from_row(row: &Row, file: &str, source: &str, remarks: &str) -> Result<Entity> {
    let ent = row.get(0).unwrap_or("");
    let schema = schema_of(row, file)?;
    let mut e = Entity::new(source, ent, schema);
    let Some(full) = row.get(1) else {
        return Err(FormatError::Invalid {
            file: file.to_string(),
            line: row.line,
            message: format!("ent_num {ent} has no SDN_Name"),
        });
    };
    let mut name = Name::new(full, NameKind::Primary);
    if schema == Schema::Person {
        split_person_name(&mut name);
    }
    e.push_name(name);
    if let Some(p) = row.get(3) {
        e.programmes = split_programs(p);
    }
    let title = row.get(4);
    if let Some(t) = title {
        e.add_property("position", t);
    }
    for (i, prop) in [
        (5, "callSign"),
        (6, "vesselType"),
        (7, "tonnage"),
        (8, "grossRegisteredTonnage"),
    ] {
        if let Some(v) = row.get(i) {
            e.add_property(prop, v);
        }
    }
    if let Some(flag) = row.get(9) {
        e.add_property("flag", flag);
        if let Some(code) = country_code(flag) {
            Entity::push_unique(&mut e.countries, code.to_string());
        }
    }
    if let Some(owner) = row.get(10) {
        e.links.push(Link {
            relation: "owner".into(),
            target_name: owner.to_string(),
            target_id: None,
        });
    }
    let skip: Vec<&str> = title.into_iter().collect();
    apply_remarks(&mut e, remarks, &skip);
    Ok(e)
}

/// `ent_num, add_num, address, city/state/postal code, country, add_remarks`.
///
/// OFAC gives city, state and postal code in one field; it is kept whole in
/// [`Address::city`]. A country the table does not know (`Region: Gaza`)
/// goes to the note.
fn add_address(e: &mut Entity, row: &Row) {
    let mut notes = Vec::new();
    let mut address = Address {
        street: row.get(2).map(str::to_string),
        city: row.get(3).map(str::to_string),
        ..Address::default()
    };
    if let Some(country) = row.get(4) {
        match country_code(country) {
            Some(code) => {
                address.country = Some(code.to_string());
                Entity::push_unique(&mut e.countries, code.to_string());
            }
            None => notes.push(country.to_string()),
        }
    }
    if let Some(r) = row.get(5) {
        notes.push(r.to_string());
    }
    if !notes.is_empty() {
        address.note = Some(notes.join("; "));
    }
    if !address.is_empty() {
        Entity::push_unique(&mut e.addresses, address);
    }
}

/// `ent_num, alt_num, alt_type (aka/fka/nka), alt_name, alt_remarks`.
/// These are OFAC's strong aliases (the weak ones are in the remarks).
fn add_alias(e: &mut Entity, row: &Row, file: &str) -> Result<()> {
    let Some(full) = row.get(3) else {
        return Ok(());
    };
    let kind = match row.get(2).map(str::to_ascii_lowercase).as_deref() {
        Some("aka") | Some("nka") | None => NameKind::Alias,
        Some("fka") => NameKind::Former,
        Some(other) => {
            return Err(FormatError::Invalid {
                file: file.to_string(),
                line: row.line,
                message: format!("unknown alt_type {other:?}"),
            })
        }
    };
    let mut name = Name::new(full, kind).with_quality(NameQuality::Strong);
    if e.schema == Schema::Person {
        split_person_name(&mut name);
    }
    e.push_name(name);
    if let Some(r) = row.get(4) {
        Entity::push_unique(&mut e.remarks, format!("{full}: {r}"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_counted_with_crlf_and_quoted_newlines() {
        let text = "1,a\r\n2,\"x\r\ny\"\r\n3,b\r\n";
        let rows = read_rows("f", text, 2).unwrap();
        let lines: Vec<usize> = rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![1, 2, 4]);
        let err = read_rows("f.csv", "1,a\n2,b\n3\n", 2).err().unwrap();
        assert_eq!(
            err.to_string(),
            "f.csv:3: malformed CSV: expected 2 fields, found 1 (ent_num \"3\")"
        );
    }

    #[test]
    fn decode_drops_ctrl_z_and_reads_cp1252() {
        assert_eq!(decode(b"1,2\r\n\x1a").as_deref(), Some("1,2"));
        assert_eq!(decode(b"\x1a\r\n "), None);
        assert_eq!(decode(b"caf\xe9").as_deref(), Some("caf\u{e9}"));
        assert_eq!(decode("caf\u{e9}".as_bytes()).as_deref(), Some("caf\u{e9}"));
    }
}
