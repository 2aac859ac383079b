//! Reading a document: plain text, HTML (visible text only) or an e-mail
//! message, from bytes in UTF-8, UTF-16 (with a byte-order mark) or a legacy
//! single-byte encoding.

use crate::ScanError;
use serde::Serialize;

/// What kind of input a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// Plain text.
    Text,
    /// An HTML page; the text is its visible text.
    Html,
    /// An e-mail (RFC 822 / MIME) message; the text is its main headers and body.
    Email,
}

/// A document ready to scan.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// What it was read from.
    pub kind: DocumentKind,
    /// The text that is scanned. Mention offsets refer to this text.
    /// For plain text it is the input itself (decoded); for HTML the visible
    /// text; for e-mail the `From`/`To`/`Cc`/`Subject` lines and the body.
    pub text: String,
    /// The encoding the input was decoded from (`UTF-8`, `windows-1252`, ...).
    pub encoding: String,
    /// The HTML `<title>` or the e-mail subject.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Things the reader had to guess or repair (e.g. bytes that are not UTF-8).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
    /// Size of the original input in bytes.
    pub source_bytes: usize,
    /// Map from text byte offsets to input byte offsets: `(text_offset,
    /// source_offset)` at the start of each copied run, sorted. Empty when
    /// the text cannot be mapped back (e-mail, re-encoded input).
    #[serde(skip)]
    pub(crate) source_map: Vec<(u32, u32)>,
    /// The text is the input itself, byte for byte.
    #[serde(skip)]
    pub(crate) identity: bool,
}

impl Document {
    /// A plain-text document from a string.
    pub fn text(text: impl Into<String>) -> Document {
        let text = text.into();
        Document {
            kind: DocumentKind::Text,
            source_bytes: text.len(),
            text,
            encoding: "UTF-8".into(),
            title: None,
            warnings: Vec::new(),
            source_map: Vec::new(),
            identity: true,
        }
    }

    /// The byte offset in the original input of a byte offset of [`Document::text`],
    /// when the text maps back to the input (plain UTF-8 text, HTML).
    pub fn source_offset(&self, text_offset: usize) -> Option<usize> {
        if self.identity {
            return Some(text_offset);
        }
        if self.source_map.is_empty() {
            return None;
        }
        let t = text_offset as u32;
        let i = match self.source_map.binary_search_by(|(a, _)| a.cmp(&t)) {
            Ok(i) => i,
            Err(0) => return None,
            Err(i) => i - 1,
        };
        let (ta, sa) = *self.source_map.get(i)?;
        Some((sa + (t - ta)) as usize)
    }
}

/// Reads a document from bytes. `hint` is a content type (`text/html`,
/// `message/rfc822`, `text/plain; charset=...`) or a file name (`.html`,
/// `.htm`, `.eml`, `.txt`); without one the kind is guessed from the content.
///
/// Errors: an empty input, a binary file (NUL bytes or mostly control
/// characters), or an e-mail whose body cannot be decoded. Bytes that are not
/// valid UTF-8 are decoded as the declared charset, else windows-1252, with a
/// warning — never an error.
pub fn read_document(bytes: &[u8], hint: Option<&str>) -> Result<Document, ScanError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ScanError::Empty);
    }
    let hint_l = hint
        .map(|h| h.trim().to_ascii_lowercase())
        .unwrap_or_default();
    let charset_hint = hint_l
        .split(';')
        .find_map(|p| p.trim().strip_prefix("charset="))
        .map(|c| c.trim_matches('"').to_string());
    let (text, encoding, mut warnings, identity) = decode(bytes, charset_hint.as_deref())?;
    let kind = if hint_l.starts_with("text/html")
        || hint_l.starts_with("application/xhtml")
        || hint_l.ends_with(".html")
        || hint_l.ends_with(".htm")
        || hint_l.ends_with(".xhtml")
    {
        DocumentKind::Html
    } else if hint_l.starts_with("message/rfc822") || hint_l.ends_with(".eml") {
        DocumentKind::Email
    } else if hint_l.starts_with("text/plain") || hint_l.ends_with(".txt") {
        DocumentKind::Text
    } else {
        sniff(&text)
    };
    let source_bytes = bytes.len();
    match kind {
        DocumentKind::Text => Ok(Document {
            kind,
            text,
            encoding,
            title: None,
            warnings,
            source_bytes,
            source_map: Vec::new(),
            identity,
        }),
        DocumentKind::Html => {
            let (visible, title, map) = crate::html::visible_text(&text);
            // the map is in offsets of the decoded text; it is only the input's
            // offsets when the decoding was the identity
            Ok(Document {
                kind,
                text: visible,
                encoding,
                title,
                warnings,
                source_bytes,
                source_map: if identity { map } else { Vec::new() },
                identity: false,
            })
        }
        DocumentKind::Email => {
            let (body, title) = crate::email::read(bytes, &text, &mut warnings)?;
            Ok(Document {
                kind,
                text: body,
                encoding,
                title,
                warnings,
                source_bytes,
                source_map: Vec::new(),
                identity: false,
            })
        }
    }
}

/// Whether bytes look binary: a NUL byte, or more than 10% control bytes
/// other than tab, newline, carriage return and form feed, in the first 64 KiB.
fn looks_binary(bytes: &[u8]) -> Option<String> {
    let head = bytes.get(..bytes.len().min(65536)).unwrap_or(bytes);
    if let Some(p) = head.iter().position(|&b| b == 0) {
        return Some(format!("a NUL byte at offset {p}"));
    }
    let ctrl = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1A | 0x1B))
        .count();
    if ctrl * 10 > head.len() {
        return Some(format!(
            "{ctrl} control bytes in the first {} bytes",
            head.len()
        ));
    }
    None
}

/// Decodes bytes: BOM, then UTF-8, then the declared or sniffed charset, then windows-1252.
/// Returns the text, the encoding's name, warnings and whether the text is the input unchanged.
fn decode(
    bytes: &[u8],
    charset: Option<&str>,
) -> Result<(String, String, Vec<String>, bool), ScanError> {
    // UTF-16 with a BOM has NUL bytes; decode before the binary test.
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let body = bytes.get(bom..).unwrap_or_default();
        if enc == encoding_rs::UTF_8 {
            if let Some(reason) = looks_binary(body) {
                return Err(ScanError::Binary { reason });
            }
        }
        let (text, had_errors) = enc.decode_without_bom_handling(body);
        let mut warnings = Vec::new();
        if had_errors {
            warnings.push(format!(
                "the input has bytes that are not valid {}; they were replaced by U+FFFD",
                enc.name()
            ));
        }
        check_text(&text)?;
        return Ok((text.into_owned(), enc.name().to_string(), warnings, false));
    }
    if let Some(reason) = looks_binary(bytes) {
        return Err(ScanError::Binary { reason });
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_string(), "UTF-8".into(), Vec::new(), true));
    }
    // not UTF-8: the declared charset (hint or HTML meta), else windows-1252
    let declared = charset
        .map(str::to_string)
        .or_else(|| meta_charset(bytes))
        .and_then(|c| encoding_rs::Encoding::for_label(c.as_bytes()));
    let enc = match declared {
        Some(e) if e != encoding_rs::UTF_8 => e,
        _ => encoding_rs::WINDOWS_1252,
    };
    let (text, _, had_errors) = enc.decode(bytes);
    let valid_up_to = std::str::from_utf8(bytes)
        .err()
        .map_or(0, |e| e.valid_up_to());
    let mut warnings = vec![format!(
        "the input is not valid UTF-8 (first bad byte at offset {valid_up_to}); decoded as {}",
        enc.name()
    )];
    if had_errors {
        warnings.push(format!(
            "some bytes are not valid {} either; they were replaced by U+FFFD",
            enc.name()
        ));
    }
    check_text(&text)?;
    Ok((text.into_owned(), enc.name().to_string(), warnings, false))
}

/// A decoded text that is mostly replacement or control characters is not text.
fn check_text(text: &str) -> Result<(), ScanError> {
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in text.chars().take(65536) {
        total += 1;
        if c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}')) {
            bad += 1;
        }
    }
    if total > 0 && bad * 5 > total {
        return Err(ScanError::Binary {
            reason: format!("{bad} of the first {total} characters are not text"),
        });
    }
    Ok(())
}

/// `<meta charset="...">` or `<meta http-equiv="Content-Type" content="...; charset=...">`
/// in the first 4 KiB.
fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = bytes.get(..bytes.len().min(4096)).unwrap_or(bytes);
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let pos = lower.windows(8).position(|w| w == b"charset=")?;
    let rest = lower.get(pos + 8..)?;
    let rest: Vec<u8> = rest
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'')
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        .copied()
        .collect();
    String::from_utf8(rest).ok().filter(|s| !s.is_empty())
}

/// Guesses the kind of a text from its start.
fn sniff(text: &str) -> DocumentKind {
    let head: String = text
        .trim_start_matches('\u{FEFF}')
        .trim_start()
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<head")
        || head.starts_with("<body")
        || (head.starts_with('<') && (head.contains("<body") || head.contains("<p>")))
    {
        return DocumentKind::Html;
    }
    // an e-mail: the first lines are headers, and they include From or Subject
    let mut headers = 0;
    let mut key = false;
    for line in text.lines().take(40) {
        if line.trim().is_empty() {
            break;
        }
        if line.starts_with(' ') || line.starts_with('\t') {
            continue;
        }
        match line.split_once(':') {
            Some((name, _))
                if !name.is_empty()
                    && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') =>
            {
                headers += 1;
                let n = name.to_ascii_lowercase();
                if matches!(
                    n.as_str(),
                    "from" | "subject" | "message-id" | "mime-version" | "received"
                ) {
                    key = true;
                }
            }
            _ => return DocumentKind::Text,
        }
    }
    if headers >= 2 && key {
        DocumentKind::Email
    } else {
        DocumentKind::Text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_encodings() {
        let d = read_document(b"Kim Jong Un met Putin.", None).unwrap();
        assert_eq!(d.kind, DocumentKind::Text);
        assert_eq!(d.source_offset(4), Some(4));
        let d = read_document(b"<html><body><p>Hi</p></body></html>", None).unwrap();
        assert_eq!(d.kind, DocumentKind::Html);
        let d = read_document(b"From: a@b.c\nSubject: test\n\nbody", None).unwrap();
        assert_eq!(d.kind, DocumentKind::Email);
        // windows-1252 "Müller"
        let d = read_document(b"Herr M\xfcller", None).unwrap();
        assert_eq!(d.text, "Herr Müller");
        assert_eq!(d.encoding, "windows-1252");
        assert!(!d.warnings.is_empty());
        // UTF-16 LE with BOM
        let mut b = vec![0xFF, 0xFE];
        for u in "Шойгу".encode_utf16() {
            b.extend_from_slice(&u.to_le_bytes());
        }
        let d = read_document(&b, None).unwrap();
        assert_eq!(d.text, "Шойгу");
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert!(matches!(
            read_document(b"\x7fELF\x02\x01\x01\x00\x00\x00", None),
            Err(ScanError::Binary { .. })
        ));
        let noise: Vec<u8> = (0..4000u32).map(|i| (i * 7 % 32) as u8).collect();
        assert!(matches!(
            read_document(&noise, None),
            Err(ScanError::Binary { .. })
        ));
        assert!(matches!(
            read_document(b"  \n", None),
            Err(ScanError::Empty)
        ));
    }
}
