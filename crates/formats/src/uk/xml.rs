//! (to be written)

use crate::error::{FormatError, Result};
use crate::{Input, ParsedList};

/// Parses a UK Sanctions List XML.
pub fn parse_xml(main: &Input) -> Result<ParsedList> {
    Err(FormatError::Invalid {
        file: main.name.clone(),
        line: 0,
        message: "not implemented yet".into(),
    })
}
