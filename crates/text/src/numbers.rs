//! Number words in organization names, so that `Brigade Forty-Four` and
//! `Brigade 44`, `First International Bank` and `1st International Bank`,
//! `Fund III` and `Fund 3` meet: every such token (or pair of tokens for a
//! tens word and a unit) becomes its digits.
//!
//! Covered: English cardinals one..ninety-nine (also `fourty`), a tens word
//! followed by a unit word or a single digit (`forty 4`), ordinals
//! first..tenth, digit ordinals (`1st`, `22nd`, `3rd`, `44th`) and Roman
//! numerals of two to four letters from II to X (`ii`, `iii`, `iv`, `vi`,
//! `vii`, `viii`, `ix`; the one-letter `i`, `v`, `x` stay letters, they are
//! more often initials). Different numbers stay different tokens (a
//! conflict for the matcher).

const UNITS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
];

const TEENS: &[(&str, u32)] = &[
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];

const TENS: &[(&str, u32)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fourty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

const ORDINALS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
];

const ROMAN: &[(&str, u32)] = &[
    ("ii", 2),
    ("iii", 3),
    ("iv", 4),
    ("vi", 6),
    ("vii", 7),
    ("viii", 8),
    ("ix", 9),
];

fn lookup(table: &[(&str, u32)], t: &str) -> Option<u32> {
    table.iter().find(|(w, _)| *w == t).map(|&(_, v)| v)
}

/// A unit 1..9 written as a word or a single digit.
fn unit(t: &str) -> Option<u32> {
    lookup(UNITS, t).or_else(|| {
        let b = t.as_bytes();
        match b {
            [d @ b'1'..=b'9'] => Some(u32::from(d - b'0')),
            _ => None,
        }
    })
}

/// `1st`, `22nd`, `3rd`, `44th`: the digits.
fn digit_ordinal(t: &str) -> Option<&str> {
    let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = t.get(digits.len()..)?;
    (!digits.is_empty()
        && digits.len() <= 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(suffix, "st" | "nd" | "rd" | "th"))
    .then_some(digits)
}

/// Whether a lowercase token marks one of a series of companies, funds or
/// vessels (`Fund I`, `Solutions II`, `Trust XV`, `Victory 3`): up to four digits, or
/// a Roman numeral of up to five letters of `i`, `v`, `x` (the one-letter
/// `v` and `x` excepted: more often initials or brands). Only a caller who
/// knows the name is an organization's should read it so (`Li` and `Xi`
/// are not numerals in a person's name, and this does not say so).
pub fn is_series_marker(t: &str) -> bool {
    if t.is_empty() {
        return false;
    }
    if t.bytes().all(|b| b.is_ascii_digit()) {
        // a longer number is a registration's or a code's, not a series'
        return t.len() <= 4;
    }
    if t == "i" {
        return true;
    }
    if t.len() < 2 || t.len() > 5 || !t.bytes().all(|b| matches!(b, b'i' | b'v' | b'x')) {
        return false;
    }
    // a valid numeral: no letter more than three times in a row, a smaller
    // letter before a larger one only as `iv`, `ix` (at the end), `v` once
    let value = |b: u8| match b {
        b'i' => 1,
        b'v' => 5,
        _ => 10,
    };
    let bytes = t.as_bytes();
    let mut run = 1;
    for w in bytes.windows(2) {
        run = if w[0] == w[1] { run + 1 } else { 1 };
        if run > 3 || (w[0] == b'v' && w[1] == b'v') {
            return false;
        }
    }
    for (k, w) in bytes.windows(2).enumerate() {
        let subtracts = value(w[0]) < value(w[1]);
        if subtracts && (w[0] != b'i' || k + 2 != bytes.len() || (k > 0 && bytes[k - 1] == b'i')) {
            return false;
        }
    }
    bytes.iter().filter(|&&b| b == b'v').count() <= 1
}

/// Whether any of these lowercase tokens is a number word that
/// [`number_tokens`] writes as digits.
pub fn has_number_words(tokens: &[String]) -> bool {
    tokens.iter().any(|t| {
        lookup(UNITS, t)
            .or_else(|| lookup(TEENS, t))
            .or_else(|| lookup(TENS, t))
            .or_else(|| lookup(ORDINALS, t))
            .or_else(|| lookup(ROMAN, t))
            .is_some()
            || digit_ordinal(t).is_some()
    })
}

/// Number words of lowercase tokens written as digits (see the module
/// documentation); other tokens unchanged.
pub fn number_tokens(tokens: Vec<String>) -> Vec<String> {
    if !has_number_words(&tokens) {
        return tokens;
    }
    let mut out = Vec::with_capacity(tokens.len());
    let mut it = tokens.into_iter().peekable();
    while let Some(t) = it.next() {
        if let Some(tens) = lookup(TENS, &t) {
            let next_unit = it
                .peek()
                .and_then(|n| unit(n).or_else(|| lookup(ORDINALS, n).filter(|&v| v < 10)));
            if let Some(u) = next_unit {
                it.next();
                out.push((tens + u).to_string());
            } else {
                out.push(tens.to_string());
            }
            continue;
        }
        if let Some(d) = digit_ordinal(&t) {
            out.push(d.to_string());
            continue;
        }
        match lookup(UNITS, &t)
            .or_else(|| lookup(TEENS, &t))
            .or_else(|| lookup(ORDINALS, &t))
            .or_else(|| lookup(ROMAN, &t))
        {
            Some(v) => out.push(v.to_string()),
            None => out.push(t),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::number_tokens;

    fn n(s: &str) -> Vec<String> {
        number_tokens(s.split(' ').map(str::to_string).collect())
    }

    #[test]
    fn words_and_digits_meet() {
        assert_eq!(n("brigade forty four"), n("brigade 44"));
        assert_eq!(n("brigade forty 4"), n("brigade 44"));
        assert_eq!(n("brigade fourty four"), n("brigade 44"));
        assert_eq!(n("first international bank"), n("1st international bank"));
        assert_eq!(n("three percenters"), n("3 percenters"));
        assert_eq!(n("fund iii"), n("fund 3"));
        assert_eq!(n("twenty first century"), vec!["21", "century"]);
    }

    #[test]
    fn different_numbers_stay_different() {
        assert_ne!(n("brigade forty four"), n("brigade 45"));
        assert_ne!(n("fund iv"), n("fund v"));
        assert_ne!(n("second bank"), n("1st bank"));
    }

    #[test]
    fn other_tokens_unchanged() {
        assert_eq!(n("malcolm x"), vec!["malcolm", "x"]);
        assert_eq!(n("ivan v petrov"), vec!["ivan", "v", "petrov"]);
        assert_eq!(n("1stop shop"), vec!["1stop", "shop"]);
        assert_eq!(n("44 bank"), vec!["44", "bank"]);
    }
}

#[cfg(test)]
mod series_tests {
    use super::is_series_marker;

    #[test]
    fn series_markers_are_digits_and_roman_numerals() {
        for t in [
            "i", "ii", "iii", "iv", "vi", "viii", "ix", "xv", "xx", "xiv", "3", "2004",
        ] {
            assert!(is_series_marker(t), "{t}");
        }
        for t in [
            "", "78818", "v", "x", "iiii", "vv", "vx", "ivi", "li", "xi5", "inc", "iix", "viv",
        ] {
            assert!(!is_series_marker(t), "{t}");
        }
    }
}
