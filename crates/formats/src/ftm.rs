//! (to be written)

use crate::error::{FormatError, Result};
use crate::{Input, ParsedList};

/// Parses one file.
pub fn parse(input: &Input) -> Result<ParsedList> {
    Err(FormatError::Invalid {
        file: input.name.clone(),
        line: 0,
        message: "not implemented yet".into(),
    })
}
