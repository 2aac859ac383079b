//! A small MIME reader for e-mail messages: the `From`, `To`, `Cc` and
//! `Subject` headers (RFC 2047 encoded words decoded) and the text of the
//! body — `text/plain` parts, else `text/html` parts as visible text —
//! through multipart nesting, base64 and quoted-printable, in each part's
//! charset. Attachments that are not text are skipped.

use crate::ScanError;

const MAX_DEPTH: usize = 8;

/// The text of a message and its subject.
pub fn read(
    bytes: &[u8],
    decoded: &str,
    warnings: &mut Vec<String>,
) -> Result<(String, Option<String>), ScanError> {
    // Headers are ASCII (or 8-bit in the wild); the decoded text is used when
    // the input was not UTF-8 so that the reader sees characters.
    let raw: &[u8] = if std::str::from_utf8(bytes).is_ok() {
        bytes
    } else {
        decoded.as_bytes()
    };
    let (headers, body) = split_head(raw);
    let mut out = String::new();
    let mut subject = None;
    for name in ["from", "to", "cc", "subject"] {
        if let Some(v) = header(&headers, name) {
            let v = decode_words(&v);
            let label = match name {
                "from" => "From",
                "to" => "To",
                "cc" => "Cc",
                _ => "Subject",
            };
            out.push_str(label);
            out.push_str(": ");
            out.push_str(v.trim());
            out.push('\n');
            if name == "subject" {
                subject = Some(v.trim().to_string());
            }
        }
    }
    out.push('\n');
    let mut parts = Vec::new();
    collect(&headers, body, 0, &mut parts, warnings);
    let plain: Vec<&(bool, String)> = parts.iter().filter(|(html, _)| !html).collect();
    let chosen: Vec<&String> = if plain.is_empty() {
        parts.iter().map(|(_, t)| t).collect()
    } else {
        plain.into_iter().map(|(_, t)| t).collect()
    };
    if chosen.is_empty() {
        warnings.push("the message has no text part".into());
    }
    for (i, t) in chosen.into_iter().enumerate() {
        if i > 0 {
            out.push_str("\n\n");
        }
        out.push_str(t);
    }
    Ok((out, subject))
}

fn split_head(raw: &[u8]) -> (Vec<(String, String)>, &[u8]) {
    let mut headers: Vec<(String, String)> = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        let line_end = raw
            .get(i..)
            .and_then(|r| r.iter().position(|&b| b == b'\n'))
            .map_or(raw.len(), |p| i + p);
        let line = raw.get(i..line_end).unwrap_or_default();
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let next = (line_end + 1).min(raw.len());
        if line.is_empty() {
            return (headers, raw.get(next..).unwrap_or_default());
        }
        let s = String::from_utf8_lossy(line);
        if s.starts_with(' ') || s.starts_with('\t') {
            if let Some(last) = headers.last_mut() {
                last.1.push(' ');
                last.1.push_str(s.trim());
            }
        } else if let Some((k, v)) = s.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        } else {
            // not a header: the body starts here
            return (headers, raw.get(i..).unwrap_or_default());
        }
        i = next;
    }
    (headers, &[])
}

fn header(headers: &[(String, String)], name: &str) -> Option<String> {
    headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
}

/// A parameter of a structured header value (`charset`, `boundary`).
fn param(value: &str, name: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim().eq_ignore_ascii_case(name)).then(|| v.trim().trim_matches('"').to_string())
    })
}

fn collect(
    headers: &[(String, String)],
    body: &[u8],
    depth: usize,
    out: &mut Vec<(bool, String)>,
    warnings: &mut Vec<String>,
) {
    let ctype = header(headers, "content-type").unwrap_or_else(|| "text/plain".into());
    let mime = ctype
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let disposition = header(headers, "content-disposition").unwrap_or_default();
    if mime.starts_with("multipart/") {
        if depth >= MAX_DEPTH {
            warnings.push("MIME nesting too deep; inner parts skipped".into());
            return;
        }
        let Some(boundary) = param(&ctype, "boundary") else {
            warnings.push("a multipart part has no boundary".into());
            return;
        };
        for part in split_parts(body, boundary.as_bytes()) {
            let (h, b) = split_head(part);
            collect(&h, b, depth + 1, out, warnings);
        }
        return;
    }
    if mime == "message/rfc822" && depth < MAX_DEPTH {
        let (h, b) = split_head(body);
        collect(&h, b, depth + 1, out, warnings);
        return;
    }
    let is_html = mime == "text/html";
    if !(mime.starts_with("text/") || mime.is_empty()) {
        return;
    }
    if disposition.to_ascii_lowercase().starts_with("attachment") && !mime.starts_with("text/") {
        return;
    }
    let cte = header(headers, "content-transfer-encoding")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let data = match cte.trim() {
        "base64" => base64(body),
        "quoted-printable" => quoted_printable(body),
        _ => body.to_vec(),
    };
    let charset = param(&ctype, "charset");
    let text = decode_charset(&data, charset.as_deref(), warnings);
    let text = if is_html {
        crate::html::visible_text(&text).0
    } else {
        text
    };
    out.push((is_html, text));
}

fn split_parts<'a>(body: &'a [u8], boundary: &[u8]) -> Vec<&'a [u8]> {
    let mut delim = b"--".to_vec();
    delim.extend_from_slice(boundary);
    let mut parts = Vec::new();
    let mut starts: Vec<(usize, usize)> = Vec::new(); // (delimiter line start, content start)
    let mut i = 0;
    while i < body.len() {
        let line_end = body
            .get(i..)
            .and_then(|r| r.iter().position(|&b| b == b'\n'))
            .map_or(body.len(), |p| i + p);
        let line = body.get(i..line_end).unwrap_or_default();
        if line.starts_with(&delim) {
            starts.push((i, (line_end + 1).min(body.len())));
            if line.get(delim.len()..delim.len() + 2) == Some(b"--") {
                break;
            }
        }
        i = line_end + 1;
    }
    for w in starts.windows(2) {
        if let [(_, content), (next, _)] = w {
            let end = next.saturating_sub(1).max(*content);
            if let Some(p) = body.get(*content..end) {
                parts.push(p);
            }
        }
    }
    parts
}

fn decode_charset(data: &[u8], charset: Option<&str>, warnings: &mut Vec<String>) -> String {
    if let Some(enc) = charset.and_then(|c| encoding_rs::Encoding::for_label(c.trim().as_bytes())) {
        let (t, _, bad) = enc.decode(data);
        if bad {
            warnings.push(format!("a part is not valid {}", enc.name()));
        }
        return t.into_owned();
    }
    match std::str::from_utf8(data) {
        Ok(s) => s.to_string(),
        Err(_) => {
            warnings.push("a part is not valid UTF-8; decoded as windows-1252".into());
            encoding_rs::WINDOWS_1252.decode(data).0.into_owned()
        }
    }
}

fn b64val(c: u8) -> Option<u32> {
    Some(match c {
        b'A'..=b'Z' => (c - b'A') as u32,
        b'a'..=b'z' => (c - b'a' + 26) as u32,
        b'0'..=b'9' => (c - b'0' + 52) as u32,
        b'+' | b'-' => 62,
        b'/' | b'_' => 63,
        _ => return None,
    })
}

/// Decodes base64, ignoring white space and anything else that is not in the alphabet.
fn base64(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0;
    for &c in data {
        if c == b'=' {
            break;
        }
        let Some(v) = b64val(c) else { continue };
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

fn hexval(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

fn quoted_printable(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let c = data[i];
        if c == b'=' {
            match (data.get(i + 1), data.get(i + 2)) {
                (Some(b'\r'), Some(b'\n')) => {
                    i += 3;
                    continue;
                }
                (Some(b'\n'), _) => {
                    i += 2;
                    continue;
                }
                (Some(&a), Some(&b)) => {
                    if let (Some(h), Some(l)) = (hexval(a), hexval(b)) {
                        out.push(h << 4 | l);
                        i += 3;
                        continue;
                    }
                }
                _ => {}
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Decodes RFC 2047 encoded words (`=?UTF-8?B?...?=`, `=?koi8-r?Q?...?=`).
fn decode_words(v: &str) -> String {
    let mut out = String::new();
    let mut rest = v;
    let mut last_was_word = false;
    while let Some(p) = rest.find("=?") {
        let before = rest.get(..p).unwrap_or("");
        let after = rest.get(p + 2..).unwrap_or("");
        let mut it = after.splitn(3, '?');
        let (Some(cs), Some(enc), Some(tail)) = (it.next(), it.next(), it.next()) else {
            break;
        };
        let Some(end) = tail.find("?=") else { break };
        let payload = tail.get(..end).unwrap_or("");
        let data = if enc.eq_ignore_ascii_case("b") {
            base64(payload.as_bytes())
        } else {
            quoted_printable(payload.replace('_', " ").as_bytes())
        };
        if !(last_was_word && before.trim().is_empty()) {
            out.push_str(before);
        }
        let enc = encoding_rs::Encoding::for_label(cs.split('*').next().unwrap_or(cs).as_bytes())
            .unwrap_or(encoding_rs::UTF_8);
        out.push_str(&enc.decode(&data).0);
        last_was_word = true;
        rest = tail.get(end + 2..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multipart_qp_base64_and_encoded_words() {
        let msg = b"From: =?UTF-8?B?0KHQtdGA0LPQtdC5?= <s@example.org>\r\n\
To: desk@example.com\r\n\
Subject: =?UTF-8?Q?Payment_for_Sergei_Shoigu?=\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/alternative; boundary=\"XX\"\r\n\
\r\n\
--XX\r\n\
Content-Type: text/plain; charset=utf-8\r\n\
Content-Transfer-Encoding: quoted-printable\r\n\
\r\n\
Beneficiary: KOREA MINING DEVELOPMENT TRADING CORPORA=\r\n\
TION, Pyongyang =E2=80=94 ok\r\n\
--XX\r\n\
Content-Type: text/html; charset=utf-8\r\n\
Content-Transfer-Encoding: base64\r\n\
\r\n\
PHA+SFRNTDwvcD4=\r\n\
--XX--\r\n";
        let mut w = Vec::new();
        let (text, subject) = read(msg, "", &mut w).unwrap();
        assert_eq!(subject.as_deref(), Some("Payment for Sergei Shoigu"));
        assert!(text.contains("From: Сергей <s@example.org>"), "{text}");
        assert!(
            text.contains("KOREA MINING DEVELOPMENT TRADING CORPORATION, Pyongyang \u{2014} ok"),
            "{text}"
        );
        assert!(!text.contains("HTML"), "plain part preferred: {text}");
        assert_eq!(base64(b"PHA+SFRNTDwvcD4="), b"<p>HTML</p>");
    }
}
