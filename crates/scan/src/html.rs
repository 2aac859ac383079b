//! The visible text of an HTML page, without scripts, styles, menus and
//! other page furniture.
//!
//! A small, forgiving tag scanner (no DOM): it drops the content of
//! `script`, `style`, `noscript`, `template`, `svg`, `math`, `iframe`,
//! `object`, `select`, `button`, `form`, `nav`, `aside`, `footer`, `menu`,
//! a `header` outside `article`/`main`, and of any element whose `role` is
//! navigation, banner, contentinfo, menu or complementary, or whose `class`
//! or `id` has a part such as `nav`, `menu`, `footer`, `breadcrumb`,
//! `cookie`, `sidebar`, `share`, `social`, `related`, `advert`, `banner`,
//! `newsletter`, `promo`. Block elements become line breaks (so a name never
//! runs from one paragraph or cell into the next); character references are
//! decoded; runs of white space become one space. The text keeps a map back
//! to the byte offsets of the page.

const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "select",
    "button", "form", "nav", "aside", "footer", "menu", "canvas", "textarea",
];
const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "hr",
    "dt",
    "dd",
    "dl",
    "figcaption",
    "figure",
    "title",
    "header",
    "address",
    "caption",
    "tbody",
    "thead",
    "body",
    "html",
    "head",
];
const CELL: &[&str] = &["td", "th"];
const BOILER_PARTS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "menubar",
    "footer",
    "breadcrumb",
    "breadcrumbs",
    "cookie",
    "cookies",
    "sidebar",
    "share",
    "sharing",
    "social",
    "related",
    "advert",
    "ads",
    "advertisement",
    "banner",
    "newsletter",
    "subscribe",
    "promo",
    "popup",
    "masthead",
];
const BOILER_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "menu",
    "menubar",
    "complementary",
    "search",
];
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

struct Out {
    text: String,
    map: Vec<(u32, u32)>,
    /// whether the last pushed char was white space (or nothing yet)
    space: bool,
    /// source offset that the next pushed byte corresponds to, if contiguous
    expect: Option<u32>,
}

impl Out {
    fn mark(&mut self, src: usize) {
        let t = self.text.len() as u32;
        let s = src as u32;
        if self.expect != Some(s) {
            self.map.push((t, s));
        }
    }

    fn push_src(&mut self, c: char, src: usize) {
        if c.is_whitespace() {
            if !self.space {
                self.mark(src);
                self.text.push(' ');
                self.space = true;
                self.expect = Some(src as u32 + c.len_utf8() as u32);
            }
            return;
        }
        self.mark(src);
        self.text.push(c);
        self.space = false;
        self.expect = Some((src + c.len_utf8()) as u32);
    }

    /// A decoded character reference at `src`..`src_end`.
    fn push_ref(&mut self, s: &str, src: usize, src_end: usize) {
        self.map.push((self.text.len() as u32, src as u32));
        self.text.push_str(s);
        self.space = s.ends_with(' ');
        self.expect = None;
        self.map.push((self.text.len() as u32, src_end as u32));
        self.expect = Some(src_end as u32);
    }

    fn brk(&mut self, s: &str) {
        let trimmed = self.text.trim_end_matches(' ').len();
        self.text.truncate(trimmed);
        if self.text.is_empty() || self.text.ends_with("\n\n") {
            self.space = true;
            return;
        }
        if s == "\n" && self.text.ends_with('\n') {
            self.text.push('\n');
        } else {
            self.text.push_str(s);
        }
        self.space = true;
        self.expect = None;
    }
}

/// The visible text, the title and the offset map of an HTML page.
pub fn visible_text(html: &str) -> (String, Option<String>, Vec<(u32, u32)>) {
    let mut out = Out {
        text: String::with_capacity(html.len() / 2),
        map: Vec::new(),
        space: true,
        expect: None,
    };
    let bytes = html.as_bytes();
    let mut i = 0usize;
    let mut skip: Option<(String, usize)> = None; // element being skipped, nesting depth
    let mut article_depth = 0usize;
    let mut title: Option<String> = None;
    let mut title_start: Option<usize> = None;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'<' {
            let rest = html.get(i..).unwrap_or("");
            if rest.starts_with("<!--") {
                i += rest.find("-->").map_or(rest.len(), |p| p + 3);
                continue;
            }
            if rest.starts_with("<!") || rest.starts_with("<?") {
                i += rest.find('>').map_or(rest.len(), |p| p + 1);
                continue;
            }
            let Some(tag) = parse_tag(rest) else {
                if skip.is_none() {
                    out.push_src('<', i);
                }
                i += 1;
                continue;
            };
            let name = tag.name.as_str();
            // skipping
            if let Some((sname, depth)) = skip.as_mut() {
                if name == sname.as_str() && !VOID.contains(&name) {
                    if tag.end {
                        *depth -= 1;
                        if *depth == 0 {
                            skip = None;
                            out.brk("\n");
                        }
                    } else if !tag.self_closing {
                        *depth += 1;
                    }
                }
                i += tag.len;
                continue;
            }
            if tag.end {
                if matches!(name, "article" | "main") {
                    article_depth = article_depth.saturating_sub(1);
                }
                if name == "title" {
                    if let Some(ts) = title_start.take() {
                        let t = out.text.get(ts..).unwrap_or("").trim().to_string();
                        if !t.is_empty() && title.is_none() {
                            title = Some(t);
                        }
                    }
                }
            } else {
                if matches!(name, "article" | "main") {
                    article_depth += 1;
                }
                // raw text elements: jump to their end tag
                if matches!(name, "script" | "style" | "textarea") && !tag.self_closing {
                    let after = i + tag.len;
                    let close = format!("</{name}");
                    let rest = html.get(after..).unwrap_or("");
                    let end = find_ci(rest, &close).map_or(html.len(), |p| after + p);
                    i = end;
                    // consume the end tag too
                    if let Some(t2) = html.get(i..).and_then(parse_tag) {
                        i += t2.len;
                    }
                    out.brk("\n");
                    continue;
                }
                let boiler = SKIP.contains(&name)
                    || (name == "header" && article_depth == 0)
                    || tag.boilerplate;
                if boiler && !VOID.contains(&name) && !tag.self_closing {
                    skip = Some((name.to_string(), 1));
                    out.brk("\n");
                    i += tag.len;
                    continue;
                }
                if name == "title" {
                    out.brk("\n");
                    title_start = Some(out.text.len());
                    i += tag.len;
                    continue;
                }
            }
            if BLOCK.contains(&name) {
                out.brk("\n");
            } else if CELL.contains(&name) {
                out.brk("\t");
            }
            i += tag.len;
            continue;
        }
        if skip.is_some() {
            i += 1;
            continue;
        }
        if b == b'&' {
            let rest = html.get(i..).unwrap_or("");
            if let Some((s, len)) = char_ref(rest) {
                out.push_ref(&s, i, i + len);
                i += len;
                continue;
            }
        }
        let Some(c) = html.get(i..).and_then(|s| s.chars().next()) else {
            i += 1;
            continue;
        };
        out.push_src(c, i);
        i += c.len_utf8();
    }
    let text = out.text.trim_end().to_string();
    (text, title, out.map)
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&p| {
        h.get(p..p + n.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(n))
    })
}

struct Tag {
    name: String,
    end: bool,
    self_closing: bool,
    boilerplate: bool,
    len: usize,
}

/// Parses a tag at the start of `s` (which starts with `<`).
fn parse_tag(s: &str) -> Option<Tag> {
    let b = s.as_bytes();
    let mut i = 1;
    let end = b.get(i) == Some(&b'/');
    if end {
        i += 1;
    }
    let ns = i;
    while b
        .get(i)
        .is_some_and(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c == b':')
    {
        i += 1;
    }
    if i == ns || !b.get(ns).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let name = s.get(ns..i)?.to_ascii_lowercase();
    // attributes, honouring quotes
    let attr_start = i;
    let mut quote: Option<u8> = None;
    while let Some(&c) = b.get(i) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'>' => break,
            None => {}
        }
        i += 1;
    }
    let attrs = s.get(attr_start..i.min(s.len()))?;
    let len = (i + 1).min(s.len());
    let self_closing = attrs.trim_end().ends_with('/');
    let boilerplate = !end && is_boilerplate(attrs);
    Some(Tag {
        name,
        end,
        self_closing,
        boilerplate,
        len,
    })
}

fn attr<'a>(attrs: &'a str, lower: &str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(p) = lower.get(from..)?.find(name) {
        let at = from + p;
        let before_ok = at == 0
            || lower
                .as_bytes()
                .get(at - 1)
                .is_some_and(|c| c.is_ascii_whitespace());
        let after = at + name.len();
        let rest = lower.get(after..)?.trim_start();
        if before_ok && rest.starts_with('=') {
            let off = lower.len() - rest.len() + 1;
            let v = attrs.get(off..)?.trim_start();
            let v = if let Some(q) = v.strip_prefix('"') {
                q.split('"').next()
            } else if let Some(q) = v.strip_prefix('\'') {
                q.split('\'').next()
            } else {
                v.split(|c: char| c.is_whitespace() || c == '>').next()
            };
            return v;
        }
        from = after;
    }
    None
}

fn is_boilerplate(attrs: &str) -> bool {
    if attrs.len() < 4 {
        return false;
    }
    let lower = attrs.to_ascii_lowercase();
    if let Some(role) = attr(&lower, &lower, "role") {
        if BOILER_ROLES.contains(&role.trim()) {
            return true;
        }
    }
    if lower.contains("aria-hidden=\"true\"") || lower.contains(" hidden") {
        return true;
    }
    for name in ["class", "id"] {
        if let Some(v) = attr(&lower, &lower, name) {
            if v.split(|c: char| !c.is_ascii_alphanumeric())
                .any(|part| BOILER_PARTS.contains(&part))
            {
                return true;
            }
        }
    }
    false
}

/// A character reference at the start of `s` (which starts with `&`): the
/// text and the length consumed.
fn char_ref(s: &str) -> Option<(String, usize)> {
    let semi = s.get(1..s.len().min(12))?.find(';')? + 1;
    let body = s.get(1..semi)?;
    let len = semi + 1;
    if let Some(num) = body.strip_prefix('#') {
        let v = if let Some(hex) = num.strip_prefix('x').or_else(|| num.strip_prefix('X')) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse::<u32>().ok()?
        };
        let c = char::from_u32(v).unwrap_or('\u{FFFD}');
        return Some((c.to_string(), len));
    }
    let t = match body {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        "nbsp" | "ensp" | "emsp" | "thinsp" => " ",
        "mdash" => "\u{2014}",
        "ndash" => "\u{2013}",
        "rsquo" => "\u{2019}",
        "lsquo" => "\u{2018}",
        "ldquo" => "\u{201C}",
        "rdquo" => "\u{201D}",
        "laquo" => "\u{00AB}",
        "raquo" => "\u{00BB}",
        "hellip" => "\u{2026}",
        "shy" | "zwnj" | "zwj" => "",
        "eacute" => "é",
        "egrave" => "è",
        "aacute" => "á",
        "agrave" => "à",
        "iacute" => "í",
        "oacute" => "ó",
        "uacute" => "ú",
        "ouml" => "ö",
        "uuml" => "ü",
        "auml" => "ä",
        "Ouml" => "Ö",
        "Uuml" => "Ü",
        "Auml" => "Ä",
        "szlig" => "ß",
        "ccedil" => "ç",
        "ntilde" => "ñ",
        "copy" => "©",
        "reg" => "®",
        "bull" | "middot" => "\u{2022}",
        _ => return None,
    };
    Some((t.to_string(), len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_text_only() {
        let page = "<!DOCTYPE html><html><head><title>Arms deal</title>\
            <script>var kim = 'Kim Jong Un';</script><style>p{}</style></head>\
            <body><nav><a href=/>Home</a> <a>Putin</a></nav>\
            <div class=\"site-menu\"><a>Menu Shoigu</a></div>\
            <article><header><h1>Kim&nbsp;Jong&#45;un met Putin</h1></header>\
            <p>Defence Minister <b>Sergei</b> Shoigu&#8217;s visit &amp; more.</p></article>\
            <footer>© Putin News</footer><!-- Kim --></body></html>";
        let (text, title, map) = visible_text(page);
        assert_eq!(title.as_deref(), Some("Arms deal"));
        assert!(!text.contains("var kim"), "{text}");
        assert!(!text.contains("Home"), "{text}");
        assert!(!text.contains("Menu"), "{text}");
        assert!(!text.contains("News"), "{text}");
        assert!(text.contains("Kim Jong-un met Putin"), "{text}");
        assert!(
            text.contains("Defence Minister Sergei Shoigu\u{2019}s visit & more."),
            "{text}"
        );
        // the map leads back to the page
        let doc = crate::Document {
            kind: crate::DocumentKind::Html,
            text: text.clone(),
            encoding: "UTF-8".into(),
            title: None,
            warnings: vec![],
            source_bytes: page.len(),
            source_map: map,
            identity: false,
        };
        let t = text.find("Shoigu").unwrap();
        let s = doc.source_offset(t).unwrap();
        assert_eq!(&page[s..s + 6], "Shoigu");
        let t = text.find("Sergei").unwrap();
        let s = doc.source_offset(t).unwrap();
        assert_eq!(&page[s..s + 6], "Sergei");
    }

    #[test]
    fn broken_html_does_not_panic() {
        for s in [
            "<",
            "<a",
            "<p>x &#xFFFFFFFF; &#99999999999; &",
            "<script>",
            "</",
            "<div class='x",
        ] {
            let _ = visible_text(s);
        }
    }
}
