//! A record-at-a-time XML reader shared by the XML list parsers.
//!
//! Sanctions list files are a root element holding thousands of records
//! (`INDIVIDUAL`, `sdnEntry`, `sanctionEntity`, `Designation`). Each record is
//! small, so the reader streams the document and hands each record over as a
//! small owned tree ([`Node`]) that a parser can query by element name; the
//! rest of the document (root attributes, header elements) is kept in the
//! returned root node. Memory stays proportional to one record, not the file.
//!
//! The reader is strict where list files give no reason for leniency: the
//! input must be UTF-8 (or declare an encoding that `encoding_rs` knows),
//! a `<!DOCTYPE>` is refused (list files never carry one, and DTDs are how
//! entity-expansion attacks get in), only the five predefined entities and
//! character references are resolved, and every error carries its line.

use crate::error::{FormatError, Result};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::borrow::Cow;

/// One XML element with its attributes, text and child elements.
///
/// Names are local names: a namespace prefix is dropped, since the list
/// formats do not reuse a local name across namespaces.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Node {
    /// Local element name.
    pub name: String,
    /// Attributes, local names, values unescaped.
    pub attrs: Vec<(String, String)>,
    /// Child elements in document order.
    pub children: Vec<Node>,
    /// The element's own text (not its children's), unescaped, untrimmed.
    pub text: String,
    /// 1-based line of the start tag.
    pub line: usize,
}

impl Node {
    /// An attribute value by local name.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// A non-empty, trimmed attribute value.
    pub fn attr_value(&self, name: &str) -> Option<&str> {
        self.attr(name).map(str::trim).filter(|v| !v.is_empty())
    }

    /// The first child element with this name.
    pub fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }

    /// All child elements with this name.
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// The element's text, trimmed; `None` when empty.
    pub fn value(&self) -> Option<&str> {
        let t = self.text.trim();
        (!t.is_empty()).then_some(t)
    }

    /// The trimmed, non-empty text of the first child with this name.
    pub fn child_value<'a>(&'a self, name: &'a str) -> Option<&'a str> {
        self.children_named(name).find_map(Node::value)
    }

    /// The trimmed, non-empty texts of every child with this name.
    pub fn child_values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.children_named(name).filter_map(Node::value)
    }

    /// Follows a path of child names, e.g. `["programList", "program"]`,
    /// yielding every element at the end of it.
    pub fn path<'a>(&'a self, path: &[&str]) -> Vec<&'a Node> {
        let mut current = vec![self];
        for step in path {
            current = current
                .into_iter()
                .flat_map(|n| n.children.iter().filter(|c| c.name == *step))
                .collect();
        }
        current
    }
}

/// Decodes the bytes of an XML file to text: UTF-8 (a BOM is dropped), UTF-16
/// with a BOM, or the encoding the XML declaration names. Invalid bytes are an
/// error naming the line, never silently replaced.
pub fn decode<'a>(input: &'a [u8], file: &str) -> Result<Cow<'a, str>> {
    if input.iter().all(u8::is_ascii_whitespace) {
        return Err(FormatError::Empty {
            file: file.to_string(),
        });
    }
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(input) {
        return transcode(&input[bom_len..], enc, file);
    }
    if let Some(label) = declared_encoding(input) {
        match encoding_rs::Encoding::for_label(label.as_bytes()) {
            Some(enc) if enc != encoding_rs::UTF_8 => return transcode(input, enc, file),
            Some(_) => {}
            None => {
                return Err(FormatError::Xml {
                    file: file.to_string(),
                    line: 1,
                    message: format!("unknown encoding {label:?} in the XML declaration"),
                })
            }
        }
    }
    match std::str::from_utf8(input) {
        Ok(s) => Ok(Cow::Borrowed(s)),
        Err(e) => Err(FormatError::Encoding {
            file: file.to_string(),
            line: line_at(input, e.valid_up_to()),
            encoding: "UTF-8",
        }),
    }
}

fn transcode<'a>(
    input: &'a [u8],
    enc: &'static encoding_rs::Encoding,
    file: &str,
) -> Result<Cow<'a, str>> {
    let (text, had_errors) = enc.decode_without_bom_handling(input);
    if had_errors {
        let line = text
            .find('\u{FFFD}')
            .map_or(1, |pos| line_at(text.as_bytes(), pos));
        return Err(FormatError::Encoding {
            file: file.to_string(),
            line,
            encoding: enc.name(),
        });
    }
    Ok(text)
}

/// The `encoding="…"` of the XML declaration, if any.
fn declared_encoding(input: &[u8]) -> Option<String> {
    let head = &input[..input.len().min(200)];
    let head = String::from_utf8_lossy(head);
    let decl = head.strip_prefix("<?xml")?;
    let decl = &decl[..decl.find("?>")?];
    let pos = decl.find("encoding")?;
    let rest = decl[pos + "encoding".len()..]
        .trim_start()
        .strip_prefix('=')?;
    let rest = rest.trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let rest = &rest[quote.len_utf8()..];
    Some(rest[..rest.find(quote)?].to_string())
}

/// The 1-based line of a byte offset.
pub fn line_at(input: &[u8], offset: usize) -> usize {
    let end = offset.min(input.len());
    1 + input[..end].iter().filter(|&&b| b == b'\n').count()
}

/// Counts lines incrementally as the reader moves forward.
struct LineCounter<'a> {
    text: &'a [u8],
    pos: usize,
    line: usize,
}

impl LineCounter<'_> {
    fn at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if offset < self.pos {
            return line_at(self.text, offset);
        }
        self.line += self.text[self.pos..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.pos = offset;
        self.line
    }
}

/// Streams an XML document, handing every element whose local name is in
/// `records` to `on_record` as a complete [`Node`] (records do not nest), and
/// returns the root element with everything else (header elements, root
/// attributes) but without the records.
///
/// `on_record` may fail; its error stops the reading and is returned as is.
pub fn read_records(
    text: &str,
    file: &str,
    records: &[&str],
    mut on_record: impl FnMut(Node) -> Result<()>,
) -> Result<Node> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().expand_empty_elements = true;
    reader.config_mut().check_end_names = true;
    let mut lines = LineCounter {
        text: text.as_bytes(),
        pos: 0,
        line: 1,
    };
    let xml_err = |lines: &mut LineCounter, pos: u64, message: String| FormatError::Xml {
        file: file.to_string(),
        line: lines.at(pos as usize),
        message,
    };
    let mut stack: Vec<Node> = Vec::new();
    let mut root: Option<Node> = None;
    let mut record_depth: Option<usize> = None;
    loop {
        let start = reader.buffer_position();
        let event = match reader.read_event() {
            Ok(ev) => ev,
            Err(e) => {
                let pos = reader.error_position();
                return Err(xml_err(&mut lines, pos, e.to_string()));
            }
        };
        match event {
            Event::Start(e) => {
                if root.is_some() {
                    return Err(xml_err(
                        &mut lines,
                        start,
                        "content after the end of the root element".into(),
                    ));
                }
                let line = lines.at(start as usize);
                let node = start_node(&e, line).map_err(|m| xml_err(&mut lines, start, m))?;
                if record_depth.is_none() && records.contains(&node.name.as_str()) {
                    record_depth = Some(stack.len());
                }
                stack.push(node);
            }
            Event::End(_) => {
                let node = stack.pop().ok_or_else(|| {
                    xml_err(&mut lines, start, "end tag without a start tag".into())
                })?;
                if record_depth == Some(stack.len()) {
                    record_depth = None;
                    on_record(node)?;
                } else if let Some(parent) = stack.last_mut() {
                    parent.children.push(node);
                } else {
                    root = Some(node);
                }
            }
            Event::Text(t) => {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&t.xml10_content());
                } else if !t.trim().is_empty() {
                    return Err(xml_err(
                        &mut lines,
                        start,
                        "text outside the root element".into(),
                    ));
                }
            }
            Event::CData(t) => {
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                let ch = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    Ok(None) => match &*r {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        other => {
                            return Err(xml_err(
                                &mut lines,
                                start,
                                format!("undefined entity &{other};"),
                            ))
                        }
                    },
                    Err(e) => return Err(xml_err(&mut lines, start, e.to_string())),
                };
                if let Some(top) = stack.last_mut() {
                    top.text.push_str(&ch);
                }
            }
            Event::DocType(_) => {
                return Err(xml_err(
                    &mut lines,
                    start,
                    "DOCTYPE declarations are not accepted in list files (entity definitions could be used to expand or read data)".into(),
                ))
            }
            Event::Empty(_) => unreachable!("expand_empty_elements is on"),
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            Event::Eof => break,
        }
    }
    if let Some(open) = stack.last() {
        return Err(FormatError::Xml {
            file: file.to_string(),
            line: lines.at(text.len()),
            message: format!(
                "the file ends inside <{}> (opened on line {}): truncated?",
                open.name, open.line
            ),
        });
    }
    root.ok_or_else(|| FormatError::Xml {
        file: file.to_string(),
        line: 1,
        message: "no root element".into(),
    })
}

fn local(name: &str) -> String {
    name.rsplit(':').next().unwrap_or(name).to_string()
}

fn start_node(e: &BytesStart<'_>, line: usize) -> std::result::Result<Node, String> {
    let mut node = Node {
        name: local(e.name().as_ref()),
        line,
        ..Node::default()
    };
    for attr in e.attributes() {
        let attr = attr.map_err(|err| err.to_string())?;
        let key = attr.key.as_ref();
        if key == "xmlns" || key.starts_with("xmlns:") {
            continue;
        }
        let value = attr
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|err| err.to_string())?;
        node.attrs.push((local(key), value.into_owned()));
    }
    Ok(node)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(text: &str, records: &[&str]) -> Result<(Node, Vec<Node>)> {
        let mut out = Vec::new();
        let root = read_records(text, "t.xml", records, |n| {
            out.push(n);
            Ok(())
        })?;
        Ok((root, out))
    }

    #[test]
    fn records_are_split_out_and_header_kept() {
        let xml = "<?xml version=\"1.0\"?>\n<a:L xmlns:a=\"x\" date=\"2026\">\n<H>h</H>\n<R id=\"1\"><N>one &amp; &#x41;</N><E/></R>\n<R id=\"2\"/></a:L>";
        let (root, recs) = collect(xml, &["R"]).unwrap();
        assert_eq!(root.name, "L");
        assert_eq!(root.attr("date"), Some("2026"));
        assert_eq!(root.child_value("H"), Some("h"));
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].child_value("N"), Some("one & A"));
        assert_eq!(recs[0].line, 4);
        assert!(recs[0].child("E").is_some());
        assert_eq!(recs[1].attr("id"), Some("2"));
    }

    #[test]
    fn truncated_and_mismatched_files_name_the_line() {
        let err = collect("<L>\n<R>\n<N>x</N>\n", &["R"]).unwrap_err();
        assert!(err.to_string().contains("truncated"), "{err}");
        let err = collect("<L>\n<R>\n<N>x</M>\n</R></L>", &["R"]).unwrap_err();
        assert!(err.to_string().starts_with("t.xml:3:"), "{err}");
    }

    #[test]
    fn doctype_and_unknown_entities_are_refused() {
        let bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE L [<!ENTITY a \"aaaa\">]>\n<L>&a;</L>";
        let err = collect(bomb, &["R"]).unwrap_err();
        assert!(err.to_string().contains("DOCTYPE"), "{err}");
        let err = collect("<L>&xxe;</L>", &["R"]).unwrap_err();
        assert!(err.to_string().contains("undefined entity"), "{err}");
    }

    #[test]
    fn odd_declarations_do_not_panic() {
        // found by cargo fuzz: a multi-byte character where the quote should be
        for decl in [
            "<?xml version=\"1.0\" encoding=\u{FFFD}UTF-8\u{FFFD}?><a/>",
            "<?xml encoding=?><a/>",
            "<?xml encoding='x?><a/>",
        ] {
            let _ = decode(decl.as_bytes(), "d.xml");
        }
        assert_eq!(
            declared_encoding(b"<?xml encoding='latin1'?>").as_deref(),
            Some("latin1")
        );
    }

    #[test]
    fn decoding_checks_bytes() {
        assert!(matches!(
            decode(b"  \n", "e.xml"),
            Err(FormatError::Empty { .. })
        ));
        let err = decode(b"<a>\n\xff</a>", "bad.xml").unwrap_err();
        assert_eq!(err.to_string(), "bad.xml:2: invalid UTF-8 text");
        let latin = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>\xe9</a>";
        assert!(decode(latin, "l.xml").unwrap().contains('\u{e9}'));
    }
}
