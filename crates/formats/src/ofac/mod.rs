//! (to be written)

use crate::error::{FormatError, Result};
use crate::{Companion, Input, ParsedList};
use std::path::{Path, PathBuf};

/// The companion files beside a primary OFAC CSV file.
pub fn companions(_path: &Path) -> Vec<(Companion, PathBuf)> {
    Vec::new()
}

/// Parses an OFAC CSV set.
pub fn parse_csv_set(main: &Input, _companions: &[(Companion, Input)]) -> Result<ParsedList> {
    Err(FormatError::Invalid {
        file: main.name.clone(),
        line: 0,
        message: "not implemented yet".into(),
    })
}

/// Parses an OFAC sdnList XML file.
pub fn parse_xml(main: &Input) -> Result<ParsedList> {
    Err(FormatError::Invalid {
        file: main.name.clone(),
        line: 0,
        message: "not implemented yet".into(),
    })
}
