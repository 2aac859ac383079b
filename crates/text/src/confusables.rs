//! Letters of other scripts that look like Latin letters.
//!
//! The table is a hand-picked subset of the Unicode confusables data
//! (UTS #39, `confusables.txt`, "MA" mappings to a single Latin letter) for
//! Cyrillic and Greek, the two scripts that are mixed into Latin names in
//! practice. Fullwidth and mathematical letters need no table: NFKC folds them.
//!
//! The decision what to do with a word is made per word (see
//! [`crate::name_forms`]): a Latin word with look-alikes inside is mapped to
//! Latin; a Cyrillic word with Latin look-alikes inside is mapped to Cyrillic
//! and then transliterated; a word fully in Cyrillic is transliterated.

/// The Latin letter a Cyrillic or Greek letter is confusable with, if any.
pub fn confusable_to_latin(c: char) -> Option<char> {
    Some(match c {
        // Cyrillic capitals
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'Х' => 'X',
        'У' => 'Y',
        'І' => 'I',
        'Ј' => 'J',
        'Ѕ' => 'S',
        'Ԁ' => 'D',
        'Ԛ' => 'Q',
        'Ԝ' => 'W',
        'Ӏ' => 'I',
        'Ү' => 'Y',
        'Ѵ' => 'V',
        'Ꙇ' => 'I',
        // Cyrillic small
        'а' => 'a',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'һ' => 'h',
        'ԁ' => 'd',
        'ԛ' => 'q',
        'ԝ' => 'w',
        'ӏ' => 'l',
        'ѵ' => 'v',
        'ү' => 'y',
        'ё' => 'e',
        'ї' => 'i',
        // Greek capitals
        'Α' => 'A',
        'Β' => 'B',
        'Ε' => 'E',
        'Ζ' => 'Z',
        'Η' => 'H',
        'Ι' => 'I',
        'Κ' => 'K',
        'Μ' => 'M',
        'Ν' => 'N',
        'Ο' => 'O',
        'Ρ' => 'P',
        'Τ' => 'T',
        'Υ' => 'Y',
        'Χ' => 'X',
        // Greek small
        'ο' => 'o',
        'ι' => 'i',
        'κ' => 'k',
        'ν' => 'v',
        'ρ' => 'p',
        'υ' => 'u',
        'α' => 'a',
        'ϳ' => 'j',
        _ => return None,
    })
}

/// The Cyrillic letter a Latin letter is confusable with, if any (the
/// reverse direction, for a Cyrillic word with Latin look-alikes inside).
pub fn latin_to_cyrillic(c: char) -> Option<char> {
    Some(match c {
        'A' => 'А',
        'B' => 'В',
        'E' => 'Е',
        'K' => 'К',
        'M' => 'М',
        'H' => 'Н',
        'O' => 'О',
        'P' => 'Р',
        'C' => 'С',
        'T' => 'Т',
        'X' => 'Х',
        'Y' => 'У',
        'I' => 'І',
        'a' => 'а',
        'e' => 'е',
        'o' => 'о',
        'p' => 'р',
        'c' => 'с',
        'y' => 'у',
        'x' => 'х',
        'i' => 'і',
        'k' => 'к',
        _ => return None,
    })
}

/// Maps a word mixing Latin with Cyrillic or Greek look-alikes to one script.
///
/// Returns `None` when the word is left as it is (single script, or both
/// scripts contribute letters without a look-alike).
pub(crate) fn unmix(word: &str, latin_context: bool) -> Option<String> {
    let mut latin = 0usize;
    let mut foreign = 0usize;
    let mut foreign_unconfusable = 0usize;
    let mut latin_unconfusable = 0usize;
    let mut greek = 0usize;
    for c in word.chars() {
        match crate::normalize::script_of(c) {
            Some(crate::normalize::Script::Latin) => {
                latin += 1;
                if latin_to_cyrillic(c).is_none() {
                    latin_unconfusable += 1;
                }
            }
            Some(s @ crate::normalize::Script::Cyrillic)
            | Some(s @ crate::normalize::Script::Greek) => {
                foreign += 1;
                if s == crate::normalize::Script::Greek {
                    greek += 1;
                }
                if confusable_to_latin(c).is_none() {
                    foreign_unconfusable += 1;
                }
            }
            _ => {}
        }
    }
    if foreign == 0 {
        return None;
    }
    if (latin > 0 || latin_context) && foreign_unconfusable == 0 {
        return Some(
            word.chars()
                .map(|c| confusable_to_latin(c).unwrap_or(c))
                .collect(),
        );
    }
    if latin > 0 && latin_unconfusable == 0 && greek == 0 {
        return Some(
            word.chars()
                .map(|c| latin_to_cyrillic(c).unwrap_or(c))
                .collect(),
        );
    }
    None
}
