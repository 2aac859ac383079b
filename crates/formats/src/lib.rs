//! Parsers for the official sanctions list formats.
//!
//! Each publisher ships its list in its own format; each module here reads one
//! of them into [`interdict_model::Entity`] values, pulling the facts the
//! publisher gives (birth dates, passports, IMO numbers, programmes, links)
//! into typed fields. The format of a file is detected from its content
//! ([`detect`]), so a renamed file still parses; gzip and zip files are
//! unpacked first, recognised by their magic bytes, and read as the list
//! file inside ([`parse`]).
//!
//! | module | format | source name |
//! |---|---|---|
//! | [`un`] | UN Security Council Consolidated List XML | `un` |
//! | [`ofac`] | OFAC SDN / Consolidated CSV sets, `sdnList` XML and Enhanced XML | `ofac`, `ofac-cons` |
//! | [`eu`] | EU Financial Sanctions Files XML 1.1 and legacy XML 1.0 | `eu` |
//! | [`uk`] | UK OFSI ConList CSV and FCDO UK Sanctions List XML | `uk-ofsi`, `uk` |
//! | [`ftm`] | OpenSanctions FollowTheMoney entities (JSON lines, `entities.ftm.json`) | `opensanctions` |
//! | [`ftm_nested`] | OpenSanctions targets as nested JSON (`targets.nested.json`) | `opensanctions` |
//! | [`os_simple`] | OpenSanctions targets as simplified CSV (`targets.simple.csv`) | `opensanctions` |
//! | [`us_csl`] | US Trade Consolidated Screening List CSV | `us-csl` |
#![deny(missing_docs)]

mod detect;
mod error;
pub mod eu;
pub mod ftm;
pub mod ftm_nested;
pub mod ofac;
pub mod os_simple;
mod packed;
pub mod uk;
pub mod un;
pub mod us_csl;
pub mod xml;

pub use detect::{detect, Format};
pub use error::{FormatError, Result};

use interdict_model::Entity;
use std::path::{Path, PathBuf};

/// Where the real list files are looked for by tests, benchmarks and the
/// demo: `$INTERDICT_LISTS`, else `shared/data/lists` beside the repository.
pub fn shared_lists_dir() -> PathBuf {
    std::env::var_os("INTERDICT_LISTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/data/lists"
            ))
        })
}

/// [`shared_lists_dir`] when it exists; otherwise prints
/// `SKIP: <test>: shared lists folder not found at …` and returns `None`, so
/// that a test needing the real lists says it did not run rather than pass.
pub fn shared_lists(test: &str) -> Option<PathBuf> {
    let dir = shared_lists_dir();
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "SKIP: {test}: shared lists folder not found at {}",
            dir.display()
        );
        None
    }
}

/// The bytes of one input file and the name to use for it in messages.
#[derive(Debug, Clone)]
pub struct Input {
    /// The file name (or path) as the user gave it; every error names it.
    pub name: String,
    /// The raw bytes.
    pub bytes: Vec<u8>,
}

impl Input {
    /// Reads a file.
    pub fn read(path: &Path) -> Result<Input> {
        let bytes = std::fs::read(path).map_err(|source| FormatError::Io {
            file: path.display().to_string(),
            source,
        })?;
        Ok(Input {
            name: path.display().to_string(),
            bytes,
        })
    }
}

/// One edition of one list, parsed.
#[derive(Debug, Clone)]
pub struct ParsedList {
    /// Source name (`un`, `ofac`, `ofac-cons`, `eu`, `uk`, `uk-ofsi`, `opensanctions`, `us-csl`).
    pub source: String,
    /// The format it was read from.
    pub format: Format,
    /// The publisher's own date for this edition (ISO 8601, as precise as the
    /// publisher gives it), when the format carries one.
    pub publisher_date: Option<String>,
    /// The entities, in the order the file gives them; ids are unique.
    pub entities: Vec<Entity>,
    /// Things the parser skipped or could not place, for the operator
    /// (e.g. OFAC rows reusing an `ent_num`, alias rows of no entry).
    pub warnings: Vec<String>,
}

/// A list file together with the companion files of the same set
/// (OFAC ships `sdn.csv` with `add.csv`, `alt.csv` and `sdn_comments.csv`).
#[derive(Debug, Clone)]
pub struct FileSet {
    /// The main file.
    pub main: PathBuf,
    /// Its format.
    pub format: Format,
    /// Companion files found beside it, by role.
    pub companions: Vec<(Companion, PathBuf)>,
}

impl FileSet {
    /// Adds the companions this set lacks beside its main file from `dir`
    /// instead ([`ofac::companions_in`]: an OFAC `sdn.csv` kept without its
    /// `alt.csv`), and returns the files it added.
    pub fn join_companions_from(&mut self, dir: &Path) -> Vec<PathBuf> {
        if self.format != Format::OfacCsv {
            return Vec::new();
        }
        let mut joined = Vec::new();
        for (role, path) in ofac::companions_in(&self.main, dir) {
            if self.companions.iter().all(|(r, _)| *r != role) {
                joined.push(path.clone());
                self.companions.push((role, path));
            }
        }
        joined
    }
}

/// The role of a companion file in an OFAC CSV set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Companion {
    /// Addresses (`add.csv`, `cons_add.csv`).
    Addresses,
    /// Aliases (`alt.csv`, `cons_alt.csv`).
    Aliases,
    /// Continued remarks (`sdn_comments.csv`, `cons_comments.csv`).
    Comments,
}

/// Finds the format of a file and its companions.
///
/// Fails for a file whose format is unknown, and for a companion file given
/// alone (an `add.csv` without the `sdn.csv` it belongs to).
pub fn file_set(path: &Path) -> Result<FileSet> {
    let input = Input::read(path)?;
    let format = detect(&input.name, &input.bytes)?;
    let companions = match format {
        Format::OfacCsv => ofac::companions(path),
        Format::OfacCompanionCsv => {
            return Err(FormatError::Invalid {
                file: input.name,
                line: 0,
                message: "an OFAC address, alias or comments file cannot be imported on its own: \
                          import the primary file (sdn.csv or cons_prim.csv) beside it"
                    .into(),
            })
        }
        _ => Vec::new(),
    };
    Ok(FileSet {
        main: path.to_path_buf(),
        format,
        companions,
    })
}

/// Reads and parses a list file and its companions.
pub fn parse_path(path: &Path) -> Result<ParsedList> {
    parse_set(&file_set(path)?)
}

/// Reads and parses a file set ([`file_set`], perhaps with companions
/// joined from elsewhere: [`ofac::companions_in`]).
pub fn parse_set(set: &FileSet) -> Result<ParsedList> {
    let main = Input::read(&set.main)?;
    let mut companions = Vec::new();
    for (role, p) in &set.companions {
        companions.push((*role, Input::read(p)?));
    }
    parse(set.format, &main, &companions)
}

/// Parses bytes already read, in a known format.
///
/// Compressed input (gzip, or a zip holding one list file; told by its magic
/// bytes) is unpacked first and parsed as the file inside it.
pub fn parse(
    format: Format,
    main: &Input,
    companions: &[(Companion, Input)],
) -> Result<ParsedList> {
    let unpacked = packed::unpack(main)?;
    let main = unpacked.as_ref().unwrap_or(main);
    let mut unpacked_companions = Vec::new();
    for (role, input) in companions {
        if let Some(inner) = packed::unpack(input)? {
            unpacked_companions.push((*role, inner));
        } else {
            unpacked_companions.push((*role, input.clone()));
        }
    }
    let companions = unpacked_companions.as_slice();
    let list = match format {
        Format::UnXml => un::parse(main)?,
        Format::OfacCsv => ofac::parse_csv_set(main, companions)?,
        Format::OfacXml => ofac::parse_xml(main)?,
        Format::OfacEnhancedXml => ofac::parse_enhanced_xml(main)?,
        Format::EuXml => eu::parse(main)?,
        Format::EuLegacyXml => eu::parse_legacy(main)?,
        Format::UkConlistCsv => uk::parse_conlist(main)?,
        Format::UkXml => uk::parse_xml(main)?,
        Format::Ftm => ftm::parse(main)?,
        Format::FtmNested => ftm_nested::parse(main)?,
        Format::OsSimpleCsv => os_simple::parse(main)?,
        Format::UsCslCsv => us_csl::parse(main)?,
        Format::OfacCompanionCsv => {
            return Err(FormatError::Invalid {
                file: main.name.clone(),
                line: 0,
                message: "an OFAC address, alias or comments file cannot be parsed on its own"
                    .into(),
            })
        }
    };
    check_unique_ids(&list, &main.name)?;
    Ok(list)
}

fn check_unique_ids(list: &ParsedList, file: &str) -> Result<()> {
    let mut seen = std::collections::HashSet::new();
    for e in &list.entities {
        if !seen.insert(e.id.as_str()) {
            return Err(FormatError::Invalid {
                file: file.to_string(),
                line: 0,
                message: format!("the id {} occurs twice", e.id),
            });
        }
    }
    Ok(())
}
