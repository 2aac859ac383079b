//! Cleaning and segmentation: the part a hostile writer must not slip past.
//!
//! Order of operations for non-ASCII text:
//! 1. invisible and format characters (general category `Cf`: zero-width
//!    space/joiner/non-joiner, soft hyphen, BOM, bidi controls, word joiner,
//!    tag characters; plus variation selectors, the combining grapheme joiner,
//!    Hangul fillers and the Arabic tatweel) are *removed*, never turned into
//!    spaces, so `Pu\u{200B}tin` stays one word;
//! 2. NFKC folds fullwidth forms, ligatures, mathematical letters and
//!    compatibility jamo; it also composes `и` + breve into `й`, which the
//!    transliteration tables need;
//! 3. apostrophe-like characters (`'` `’` `‘` `ʼ` `ʻ` `` ` `` `´` `′` `ʾ` `ʿ`)
//!    are removed without splitting (`O'Brien` → `obrien`);
//! 4. every character that is not a letter, mark or number separates tokens
//!    (hyphens, dots, commas, brackets, spaces of any kind).
//!
//! Case and diacritics are kept at this stage: script-specific conversion
//! (see [`crate::fold_latin_char`] and the `translit` modules) needs them.

use unicode_general_category::{get_general_category, GeneralCategory as G};
use unicode_normalization::UnicodeNormalization;

/// Writing systems the crate distinguishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Script {
    Latin,
    Cyrillic,
    Greek,
    Hangul,
    Arabic,
    Han,
    Hebrew,
    Other,
}

impl Script {
    pub(crate) fn bit(self) -> u8 {
        match self {
            Script::Latin => 1,
            Script::Cyrillic => 2,
            Script::Greek => 4,
            Script::Hangul => 8,
            Script::Arabic => 16,
            Script::Han => 32,
            Script::Other => 64,
            Script::Hebrew => 128,
        }
    }
}

/// Characters that are deleted outright: they are invisible or only steer
/// rendering, and a writer can insert them anywhere to break a match.
pub fn is_invisible(c: char) -> bool {
    if c.is_ascii() || common_letter(c) {
        return false;
    }
    matches!(
        c,
        '\u{00AD}' // soft hyphen (also Cf, listed for clarity)
            | '\u{034F}' // combining grapheme joiner
            | '\u{0640}' // Arabic tatweel (kashida), a pure stretching glyph
            | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' // Hangul fillers
            | '\u{17B4}' | '\u{17B5}' // Khmer inherent vowels (invisible)
            | '\u{180B}'..='\u{180F}' // Mongolian variation selectors / vowel separator
            | '\u{FE00}'..='\u{FE0F}' // variation selectors
            | '\u{E0100}'..='\u{E01EF}' // variation selectors supplement
    ) || (!common_letter(c) && !c.is_alphanumeric() && get_general_category(c) == G::Format)
}

/// Characters known to be unchanged by NFKC whatever follows them (ASCII,
/// and letters of the common blocks without compatibility mappings).
fn nfkc_stable(c: char) -> bool {
    let u = c as u32;
    u < 0x80
        || (0x00C0..=0x017E).contains(&u)
            && !matches!(u, 0xD7 | 0xF7 | 0x132 | 0x133 | 0x13F | 0x140 | 0x149)
        || (0x0400..=0x0481).contains(&u)
        || (0x048A..=0x04FF).contains(&u)
        || (0x0621..=0x064A).contains(&u)
        || (0xAC00..=0xD7A3).contains(&u)
        || (0x4E00..=0x9FFF).contains(&u)
}

/// A quick answer for the letters of the scripts names are usually written
/// in (Latin-1 and Extended-A/B, Greek, Cyrillic, Arabic, Hangul, Han), so the
/// hot path skips the Unicode table lookups.
#[inline]
pub(crate) fn common_letter(c: char) -> bool {
    let u = c as u32;
    (0x00C0..=0x024F).contains(&u) && u != 0xD7 && u != 0xF7
        || (0x0388..=0x03FF).contains(&u) && u != 0x038B && u != 0x038D && u != 0x03A2
        || (0x0400..=0x0481).contains(&u)
        || (0x048A..=0x052F).contains(&u)
        || (0x0621..=0x064A).contains(&u)
        || (0x0671..=0x06D3).contains(&u)
        || (0xAC00..=0xD7A3).contains(&u)
        || (0x4E00..=0x9FFF).contains(&u)
}

/// Apostrophes and the letters and marks used like them; removed without
/// splitting the word.
pub fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '`'
            | '\u{00B4}' // acute accent
            | '\u{2018}' | '\u{2019}' | '\u{201B}' // quotation marks used as apostrophes
            | '\u{2032}' // prime
            | '\u{02B9}' | '\u{02BB}' | '\u{02BC}' | '\u{02BD}' | '\u{02BE}' | '\u{02BF}'
            | '\u{02C8}' | '\u{02CA}' | '\u{02CB}'
            | '\u{055A}' // Armenian apostrophe
            | '\u{FF07}' // fullwidth apostrophe (NFKC maps it, kept for safety)
    )
}

/// The Hebrew geresh (׳): after ג ז צ it makes another letter of them.
pub(crate) const HEBREW_GERESH: char = '\u{05F3}';

/// The script of a letter, `None` for digits and marks.
pub(crate) fn script_of(c: char) -> Option<Script> {
    let u = c as u32;
    if c.is_ascii() {
        return if c.is_ascii_alphabetic() {
            Some(Script::Latin)
        } else {
            None
        };
    }
    match u {
        0x0410..=0x044F => return Some(Script::Cyrillic),
        0xAC00..=0xD7A3 => return Some(Script::Hangul),
        0x0621..=0x064A => return Some(Script::Arabic),
        _ => {}
    }
    match u {
        0x00C0..=0x024F
        | 0x0250..=0x02AF
        | 0x1D00..=0x1DBF
        | 0x1E00..=0x1EFF
        | 0x2C60..=0x2C7F
        | 0xA720..=0xA7FF
        | 0xAB30..=0xAB6F
        | 0x00AA
        | 0x00BA => Some(Script::Latin),
        0x0300..=0x036F => None,
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Some(Script::Greek),
        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => {
            if is_mark(c) {
                None
            } else {
                Some(Script::Cyrillic)
            }
        }
        0xAC00..=0xD7A3 | 0x1100..=0x11FF | 0x3130..=0x318F | 0xA960..=0xA97F | 0xD7B0..=0xD7FF => {
            Some(Script::Hangul)
        }
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            if is_mark(c) || c.is_numeric() {
                None
            } else {
                Some(Script::Arabic)
            }
        }
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F => {
            Some(Script::Han)
        }
        // letters, ligatures and the geresh; the points (0591-05C7) are marks
        0x05D0..=0x05EA | 0x05F0..=0x05F3 | 0xFB1D..=0xFB4F => Some(Script::Hebrew),
        _ => {
            if c.is_numeric() || is_mark(c) {
                None
            } else {
                Some(Script::Other)
            }
        }
    }
}

/// A combining mark (general categories Mn, Mc, Me).
pub(crate) fn is_mark(c: char) -> bool {
    let u = c as u32;
    // Fast answers for the blocks names are written in.
    if u < 0x0300
        || (0x0370..0x0483).contains(&u)
        || (0x048A..0x0591).contains(&u)
        || (0xAC00..=0xD7A3).contains(&u)
        || (0x0621..0x064B).contains(&u)
        || (0x4E00..=0x9FFF).contains(&u)
    {
        return false;
    }
    matches!(
        get_general_category(c),
        G::NonspacingMark | G::SpacingMark | G::EnclosingMark
    )
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if common_letter(c) || c.is_alphanumeric() {
        return true;
    }
    matches!(
        get_general_category(c),
        G::UppercaseLetter
            | G::LowercaseLetter
            | G::TitlecaseLetter
            | G::ModifierLetter
            | G::OtherLetter
            | G::NonspacingMark
            | G::SpacingMark
            | G::EnclosingMark
            | G::DecimalNumber
            | G::LetterNumber
            | G::OtherNumber
    )
}

/// One word of the input after cleaning, case and diacritics kept.
#[derive(Debug, Clone, Default)]
pub(crate) struct RawToken {
    /// The cleaned characters.
    pub text: String,
    /// Bit set of [`Script::bit`] for the letters in the word.
    pub scripts: u8,
}

impl RawToken {
    pub(crate) fn recompute_scripts(&mut self) {
        self.scripts = self
            .text
            .chars()
            .filter_map(script_of)
            .fold(0, |acc, s| acc | s.bit());
    }
}

/// U+202E RIGHT-TO-LEFT OVERRIDE: what follows it (up to U+202C POP
/// DIRECTIONAL FORMATTING) is shown right to left, so Latin letters stored
/// `nituP rimidalV` are shown, and read by an analyst, as `Vladimir Putin`.
pub(crate) const RIGHT_TO_LEFT_OVERRIDE: char = '\u{202E}';
/// U+202C POP DIRECTIONAL FORMATTING: ends an override.
const POP_DIRECTIONAL_FORMATTING: char = '\u{202C}';

/// The text in the order it is shown: each span under a right-to-left
/// override reversed, unless it holds letters of a right-to-left script
/// (shown right to left anyway, and stored in reading order).
pub(crate) fn display_order(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut span: Option<Vec<char>> = None;
    let flush = |span: &mut Option<Vec<char>>, out: &mut String| {
        if let Some(chars) = span.take() {
            let rtl = chars
                .iter()
                .any(|&c| matches!(script_of(c), Some(Script::Arabic | Script::Hebrew)));
            if rtl {
                out.extend(chars.iter());
            } else {
                out.extend(chars.iter().rev());
            }
        }
    };
    for c in text.chars() {
        match c {
            RIGHT_TO_LEFT_OVERRIDE => {
                flush(&mut span, &mut out);
                span = Some(Vec::new());
            }
            POP_DIRECTIONAL_FORMATTING => flush(&mut span, &mut out),
            c => match span.as_mut() {
                Some(chars) => chars.push(c),
                None => out.push(c),
            },
        }
    }
    flush(&mut span, &mut out);
    out
}

/// Splits text into cleaned words (see the module documentation).
pub(crate) fn segment(text: &str) -> Vec<RawToken> {
    let mut out = Vec::new();
    let mut cur = RawToken::default();
    let push = |cur: &mut RawToken, out: &mut Vec<RawToken>| {
        if !cur.text.is_empty() {
            out.push(std::mem::take(cur));
        }
    };
    if text.is_ascii() {
        for c in text.chars() {
            if c.is_ascii_alphanumeric() {
                cur.text.push(c);
                if c.is_ascii_alphabetic() {
                    cur.scripts |= Script::Latin.bit();
                }
            } else if c == '\'' || c == '`' {
            } else {
                push(&mut cur, &mut out);
            }
        }
        push(&mut cur, &mut out);
        return out;
    }
    let quick = text.chars().all(nfkc_stable)
        || unicode_normalization::is_nfkc_quick(text.chars())
            == unicode_normalization::IsNormalized::Yes;
    // Zalgo defence: no writing system stacks more than a few marks on one
    // letter; keep at most MAX_MARKS in a row (UAX #15's stream-safe format
    // allows 30), so a megabyte of marks costs a linear scan, not a sort.
    const MAX_MARKS: u32 = 8;
    let mut marks_in_row = 0u32;
    let mut visible = text.chars().filter(move |c| {
        if c.is_ascii() || common_letter(*c) {
            marks_in_row = 0;
            return true;
        }
        if is_invisible(*c) {
            return false;
        }
        if is_mark(*c) {
            marks_in_row += 1;
            return marks_in_row <= MAX_MARKS;
        }
        marks_in_row = 0;
        true
    });
    let mut nfkc;
    let chars: &mut dyn Iterator<Item = char> = if quick {
        &mut visible
    } else {
        nfkc = visible.nfkc();
        &mut nfkc
    };
    for c in chars {
        if c.is_ascii() || common_letter(c) {
            if c.is_ascii_alphanumeric() || common_letter(c) {
                cur.text.push(c);
                if let Some(s) = script_of(c) {
                    cur.scripts |= s.bit();
                }
            } else if c != '\'' && c != '`' {
                push(&mut cur, &mut out);
            }
            continue;
        }
        if c == HEBREW_GERESH {
            // part of a Hebrew letter (ג׳ j, צ׳ ch): read with it
            cur.text.push(c);
            continue;
        }
        if is_apostrophe(c) || is_invisible(c) {
            continue;
        }
        if is_word_char(c) {
            if cur.text.is_empty() && is_mark(c) {
                // A mark with no base letter carries nothing.
                continue;
            }
            cur.text.push(c);
            if let Some(s) = script_of(c) {
                cur.scripts |= s.bit();
            }
        } else {
            push(&mut cur, &mut out);
        }
    }
    push(&mut cur, &mut out);
    out
}

/// Appends the ASCII folding of one Latin-script character (already any
/// case) to `out`: diacritics stripped, `ß`→`ss`, `æ`→`ae`, `ø`→`o`, `ł`→`l`,
/// `đ`/`ð`→`d`, `þ`→`th`, `ı`→`i`, `ə`→`e`. With `spelled`, the letters whose
/// diacritic is usually spelled out get their spelled form instead: `ä`→`ae`,
/// `ö`/`ø`→`oe`, `ü`→`ue`, `å`→`aa`, `š`→`sh`, `ž`→`zh`, `č`→`ch`,
/// `ş`/`ș`→`sh`, `ţ`/`ț`→`ts`.
pub fn fold_latin_char(c: char, spelled: bool, out: &mut String) {
    if c.is_ascii() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        }
        return;
    }
    for lc in c.to_lowercase() {
        if lc.is_ascii() {
            if lc.is_ascii_alphanumeric() {
                out.push(lc);
            }
            continue;
        }
        if spelled {
            let s = match lc {
                'ä' => "ae",
                'ö' | 'ø' => "oe",
                'ü' => "ue",
                'å' => "aa",
                'š' => "sh",
                'ž' => "zh",
                'č' => "ch",
                'ş' | 'ș' => "sh",
                'ţ' | 'ț' => "ts",
                _ => "",
            };
            if !s.is_empty() {
                out.push_str(s);
                continue;
            }
        }
        let s = match lc {
            'ß' => "ss",
            'æ' => "ae",
            'œ' => "oe",
            'ø' => "o",
            'đ' | 'ð' | 'ɖ' | 'ɗ' => "d",
            'þ' => "th",
            'ł' | 'ŀ' | 'ƚ' => "l",
            'ı' | 'ɨ' | 'ɩ' => "i",
            'ħ' => "h",
            'ŋ' => "ng",
            'ĸ' => "k",
            'ſ' => "s",
            'ƒ' => "f",
            'ə' | 'ǝ' | 'ɛ' => "e",
            'ɔ' => "o",
            'ʒ' => "zh",
            'ƴ' => "y",
            'ɓ' => "b",
            'ƙ' => "k",
            'ɑ' => "a",
            _ => "",
        };
        if !s.is_empty() {
            out.push_str(s);
            continue;
        }
        let before = out.len();
        unicode_normalization::char::decompose_compatible(lc, |d| {
            if d.is_ascii_alphanumeric() {
                out.push(d.to_ascii_lowercase());
            }
        });
        if out.len() == before && !is_mark(lc) {
            for b in any_ascii::any_ascii_char(lc).chars() {
                if b.is_ascii_alphanumeric() {
                    out.push(b.to_ascii_lowercase());
                }
            }
        }
    }
}

/// Pushes the ASCII value of a decimal digit of any script, if `c` is one.
pub(crate) fn push_digit(c: char, out: &mut String) -> bool {
    if c.is_ascii_digit() {
        out.push(c);
        return true;
    }
    if let Some(d) = unicode_digit(c) {
        out.push(d);
        return true;
    }
    false
}

fn unicode_digit(c: char) -> Option<char> {
    let u = c as u32;
    let base = match u {
        0x0660..=0x0669 => 0x0660,
        0x06F0..=0x06F9 => 0x06F0,
        0x0966..=0x096F => 0x0966,
        0x09E6..=0x09EF => 0x09E6,
        _ => {
            if get_general_category(c) == G::DecimalNumber || c.is_numeric() {
                let s = any_ascii::any_ascii_char(c);
                let mut it = s.chars().filter(|c| c.is_ascii_digit());
                return it.next();
            }
            return None;
        }
    };
    char::from_digit(u - base, 10)
}
