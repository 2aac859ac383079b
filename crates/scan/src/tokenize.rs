//! Splitting a document into words with their byte offsets and case flags.
//!
//! A word is a run of letters, digits and combining marks. Hyphens, spaces
//! and every other punctuation split words; an apostrophe inside a word is
//! dropped without splitting (`O'Neill` → `ONeill`, as the name normalizer
//! does), except a possessive `'s` / `’s`, which ends the word (`Shoigu's` →
//! `Shoigu`). The separator text before each word decides whether a name
//! may run across it (a *hard break* is a full stop, a bracket, a quote, a
//! semicolon, a colon or a blank line).

/// The first letter is upper case (or the word is in a script without case).
pub const CAP: u8 = 1;
/// Every letter is upper case (and there are at least two letters).
pub const ALLCAPS: u8 = 2;
/// Has a letter outside the Latin script (Cyrillic, Hangul, Arabic, ...).
pub const FOREIGN: u8 = 4;
/// First word of a sentence, a line or the document.
pub const SENT_START: u8 = 8;
/// Glued to the previous word by a hyphen (`Jong-un`).
pub const HYPHEN: u8 = 16;
/// Has a non-ASCII character.
pub const NON_ASCII: u8 = 32;
/// Contains a digit.
pub const DIGIT: u8 = 64;

/// One word of the text.
#[derive(Debug, Clone, Copy)]
pub struct Word {
    /// Byte offset of the first byte.
    pub start: u32,
    /// Byte offset after the last byte (before a possessive `'s`).
    pub end: u32,
    /// Flags (`CAP`, `ALLCAPS`, ...).
    pub flags: u8,
    /// No name may run from the previous word across the separator to this one.
    pub brk: bool,
    /// The separator before this word contains a comma.
    pub comma: bool,
}

impl Word {
    /// Whether a flag is set.
    pub fn has(&self, f: u8) -> bool {
        self.flags & f != 0
    }
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}' | '`' | '\u{2018}')
}

/// Combining marks of the common scripts, which belong to the word they follow.
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05C7 | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0900..=0x0DFF
        | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
        | 0x200C | 0x200D)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c as u32, 0x00C0..=0x024F | 0x1E00..=0x1EFF)
            && c != '\u{00D7}'
            && c != '\u{00F7}'
}

/// Splits `text` into words.
pub fn words(text: &str) -> Vec<Word> {
    let bytes = text.as_bytes();
    let mut out: Vec<Word> = Vec::with_capacity(text.len() / 6 + 1);
    let mut i = 0usize;
    let n = bytes.len();
    // separator state since the previous word
    let mut brk = true;
    let mut comma = false;
    let mut sent = true;
    let mut hyphen = false;
    let mut newlines = 0u8;
    let mut prev_initial = false; // previous word was a single capital letter or an abbreviation
    while i < n {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() || b >= 0x80 {
            // might start a word
            let c = if b < 0x80 {
                b as char
            } else {
                match text.get(i..).and_then(|s| s.chars().next()) {
                    Some(c) => c,
                    None => {
                        i += 1;
                        continue;
                    }
                }
            };
            if b >= 0x80 && !is_word_char(c) {
                // non-ASCII punctuation or space
                sep_char(
                    c,
                    &mut brk,
                    &mut comma,
                    &mut sent,
                    &mut hyphen,
                    &mut newlines,
                    prev_initial,
                );
                i += c.len_utf8();
                continue;
            }
            // scan the word
            let start = i;
            let mut end;
            let mut flags = 0u8;
            let mut letters = 0u32;
            let mut uppers = 0u32;
            let mut first_letter = true;
            loop {
                end = i;
                if i >= n {
                    break;
                }
                let b = bytes[i];
                if b.is_ascii_alphanumeric() {
                    if b.is_ascii_digit() {
                        flags |= DIGIT;
                    } else {
                        letters += 1;
                        let up = b.is_ascii_uppercase();
                        if up {
                            uppers += 1;
                        }
                        if first_letter {
                            if up {
                                flags |= CAP;
                            }
                            first_letter = false;
                        }
                    }
                    i += 1;
                    continue;
                }
                let Some(c) = text.get(i..).and_then(|s| s.chars().next()) else {
                    break;
                };
                if is_apostrophe(c) {
                    // inside a word? possessive?
                    let after = i + c.len_utf8();
                    let next = text.get(after..).and_then(|s| s.chars().next());
                    match next {
                        Some(nc) if is_word_char(nc) => {
                            let is_s = nc == 's' || nc == 'S';
                            let after_s = after + 1;
                            let ends = is_s
                                && text
                                    .get(after_s..)
                                    .and_then(|s| s.chars().next())
                                    .is_none_or(|c2| !is_word_char(c2));
                            if ends {
                                // possessive: the word ends here, skip 's
                                end = i;
                                i = after_s;
                                break;
                            }
                            i = after;
                            continue;
                        }
                        _ => break,
                    }
                }
                if !is_word_char(c) {
                    break;
                }
                if c.is_alphabetic() {
                    letters += 1;
                    let up = c.is_uppercase();
                    if up {
                        uppers += 1;
                    }
                    if !is_latin(c) {
                        flags |= FOREIGN;
                        if first_letter && !c.is_lowercase() {
                            // scripts without case count as capitalized
                            flags |= CAP;
                        }
                    }
                    if first_letter {
                        if up {
                            flags |= CAP;
                        }
                        first_letter = false;
                    }
                } else if c.is_numeric() {
                    flags |= DIGIT;
                }
                if !c.is_ascii() {
                    flags |= NON_ASCII;
                }
                i += c.len_utf8();
            }
            if end <= start {
                i = i.max(start + 1);
                continue;
            }
            if letters >= 2 && uppers == letters {
                flags |= ALLCAPS;
            }
            if sent {
                flags |= SENT_START;
            }
            if hyphen {
                flags |= HYPHEN;
            }
            let w = Word {
                start: start as u32,
                end: end as u32,
                flags,
                brk,
                comma,
            };
            // an initial ("V.") or a common abbreviation does not end a sentence
            let len = end - start;
            prev_initial = (len == 1 && flags & CAP != 0)
                || matches!(
                    text.get(start..end),
                    Some(
                        "Mr" | "Mrs"
                            | "Ms"
                            | "Dr"
                            | "Gen"
                            | "Lt"
                            | "Col"
                            | "Capt"
                            | "St"
                            | "Co"
                            | "Ltd"
                            | "Inc"
                            | "Corp"
                            | "No"
                            | "Jr"
                            | "Sr"
                            | "Maj"
                            | "Adm"
                            | "Prof"
                            | "Sgt"
                            | "Messrs"
                            | "Bros"
                    )
                );
            out.push(w);
            brk = false;
            comma = false;
            sent = false;
            hyphen = false;
            newlines = 0;
        } else {
            sep_char(
                b as char,
                &mut brk,
                &mut comma,
                &mut sent,
                &mut hyphen,
                &mut newlines,
                prev_initial,
            );
            i += 1;
        }
    }
    out
}

fn sep_char(
    c: char,
    brk: &mut bool,
    comma: &mut bool,
    sent: &mut bool,
    hyphen: &mut bool,
    newlines: &mut u8,
    prev_initial: bool,
) {
    match c {
        ' ' | '\u{00A0}' | '\u{2009}' | '\u{202F}' | '\r' | '\u{200B}' | '\u{FEFF}' => {}
        '\n' => {
            *newlines = newlines.saturating_add(1);
            *sent = true;
            if *newlines >= 2 {
                *brk = true;
            }
        }
        '-' | '\u{2010}' | '\u{2011}' => *hyphen = true,
        ',' => *comma = true,
        '.' => {
            if !prev_initial {
                *brk = true;
                *sent = true;
            }
        }
        '!' | '?' => {
            *brk = true;
            *sent = true;
        }
        '&' | '/' | '\'' | '\u{2019}' | '`' => {}
        _ => {
            // brackets, quotes, semicolons, colons, tabs, dashes, bullets, ...
            *brk = true;
            if c == '\t' || c == '|' || c == '\u{2022}' {
                *sent = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        words(s)
            .iter()
            .map(|w| &s[w.start as usize..w.end as usize])
            .collect()
    }

    #[test]
    fn possessive_hyphen_apostrophe() {
        assert_eq!(
            texts("Shoigu's visit; Kim Jong-un, O'Neill’s"),
            vec!["Shoigu", "visit", "Kim", "Jong", "un", "O'Neill"]
        );
        let w = words("Kim Jong-un");
        assert!(w[2].has(HYPHEN));
        assert!(w[0].has(CAP) && w[0].has(SENT_START));
        assert!(!w[2].has(CAP));
    }

    #[test]
    fn breaks_and_initials() {
        let w = words("Vladimir V. Putin. Then KOMID (x)");
        assert!(!w[2].brk, "an initial's full stop is no break");
        assert!(w[3].brk && w[3].has(SENT_START));
        assert!(w[4].has(ALLCAPS));
        assert!(w[5].brk);
    }

    #[test]
    fn scripts() {
        let s = "met Шойгу and 김정은 in Pyongyang";
        let w = words(s);
        assert_eq!(
            texts(s),
            vec!["met", "Шойгу", "and", "김정은", "in", "Pyongyang"]
        );
        assert!(w[1].has(FOREIGN) && w[1].has(CAP));
        assert!(w[3].has(FOREIGN) && w[3].has(CAP));
        assert!(!w[5].has(FOREIGN));
        assert!(texts("Müller café").len() == 2);
    }
}
