//! The one error type of the list parsers.

use thiserror::Error;

/// Why a list file could not be read. Every variant names the file, and the
/// line or record where that is known, so that an operator can find the fault.
#[derive(Debug, Error)]
pub enum FormatError {
    /// The file has no content.
    #[error("{file}: the file is empty")]
    Empty {
        /// File name.
        file: String,
    },
    /// No parser recognises the content.
    #[error("{file}: unknown list format ({hint})")]
    UnknownFormat {
        /// File name.
        file: String,
        /// What the start of the file looked like.
        hint: String,
    },
    /// The bytes are not in the encoding the format requires.
    #[error("{file}:{line}: invalid {encoding} text")]
    Encoding {
        /// File name.
        file: String,
        /// 1-based line.
        line: usize,
        /// The expected encoding.
        encoding: &'static str,
    },
    /// XML that is not well formed, truncated, or uses forbidden constructs.
    #[error("{file}:{line}: malformed XML: {message}")]
    Xml {
        /// File name.
        file: String,
        /// 1-based line.
        line: usize,
        /// What the XML reader said.
        message: String,
    },
    /// A CSV file that cannot be read.
    #[error("{file}:{line}: malformed CSV: {message}")]
    Csv {
        /// File name.
        file: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// JSON that cannot be read.
    #[error("{file}:{line}: malformed JSON: {message}")]
    Json {
        /// File name.
        file: String,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// Well-formed input that lacks something the format requires, or holds a
    /// value that cannot be right (a record without an id, an unknown entry type).
    #[error("{file}:{line}: {message}")]
    Invalid {
        /// File name.
        file: String,
        /// 1-based line (0 when not known).
        line: usize,
        /// What is wrong, naming the record.
        message: String,
    },
    /// A compressed file (gzip, zip) that cannot be unpacked: truncated,
    /// corrupt, too big, or holding no single list file.
    #[error("{file}: cannot unpack the {kind} file: {message}")]
    Compressed {
        /// File name.
        file: String,
        /// `gzip` or `zip`.
        kind: &'static str,
        /// What is wrong.
        message: String,
    },
    /// The file could not be read at all.
    #[error("{file}: {source}")]
    Io {
        /// File name.
        file: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
}

/// Result alias for the parsers.
pub type Result<T, E = FormatError> = std::result::Result<T, E>;
