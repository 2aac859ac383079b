//! (to be written)

use crate::error::{FormatError, Result};
use crate::{Input, ParsedList};

/// Parses an OFSI ConList CSV.
pub fn parse_conlist(main: &Input) -> Result<ParsedList> {
    Err(FormatError::Invalid {
        file: main.name.clone(),
        line: 0,
        message: "not implemented yet".into(),
    })
}
