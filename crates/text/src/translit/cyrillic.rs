//! Cyrillic romanization: Russian BGN/PCGN, Russian passport (ICAO Doc 9303,
//! used in Russian passports since 2013), ISO 9:1995 with its diacritics
//! stripped (what a writer gets from ISO 9 or from a Czech/Croatian spelling
//! typed without accents: `Шойгу` → `sojgu`), and the national systems of
//! Ukraine (KMU 2010) and Belarus (BGN/PCGN Belarusian, `ў` → `w`).
//!
//! Sources of the tables: BGN/PCGN 1947 Russian and 1979 Belarusian
//! romanization tables; ICAO Doc 9303 Part 3, Table 2 (Cyrillic);
//! ISO 9:1995 table; Resolution of the Cabinet of Ministers of Ukraine
//! No. 55 of 27 January 2010. Letters of other Cyrillic alphabets (Serbian,
//! Kazakh, Mongolian…) fall back to the `any_ascii` tables.
//!
//! All output is lowercase ASCII.

/// A Cyrillic romanization system.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CyrScheme {
    /// BGN/PCGN (ASCII: `ë` written `yo`, soft and hard signs dropped).
    Bgn,
    /// ICAO Doc 9303 passport transliteration.
    Passport,
    /// ISO 9:1995 with diacritics stripped.
    Iso9,
    /// Ukrainian national system (KMU 2010).
    Ukrainian,
    /// Belarusian BGN/PCGN.
    Belarusian,
    /// A Belarusian name read as its Russian form, then BGN/PCGN: the
    /// Belarusian spelling of a Russian name (`Уладзімір Пуцін`) meets the
    /// Russian one (`Vladimir Putin`). See [`belarusian_as_russian`].
    BelarusianAsRussian,
    /// A foreign (Arabic, English, Persian …) name spelt in Russian, read
    /// back the English way: `дж` → `j`, `х` → `h`, `е` → `e` (`Хаджи
    /// Ахмад Джан` → `haji ahmad jan`, `Мохаммед` → `mohammed`), the
    /// rest as BGN/PCGN. Russian practice writes the English j as `дж`
    /// and the Arabic h as `х`, which the Russian schemes read `dzh`, `kh`.
    Foreign,
}

/// A Belarusian word in its Russian spelling, where the two differ by
/// rule: `ў` is `в`, and so is a word-initial `у` before a consonant
/// (`Уладзімір`, Владимир); `дз` and `ц` before a soft vowel or `ь` are `д`
/// and `т` (`дзе`, `ці`: `Пуцін`, Путин); `і` is `и`, `э` is `е`, an
/// apostrophe is `ъ`. Unstressed `а` for `о` is left: it takes the stress
/// to know, and one letter is a typo's difference.
pub fn belarusian_as_russian(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let lower = |c: char| c.to_lowercase().next().unwrap_or(c);
    let soft = |c: Option<&char>| {
        c.is_some_and(|&c| matches!(lower(c), 'і' | 'е' | 'ё' | 'ю' | 'я' | 'ь'))
    };
    let vowel = |c: Option<&char>| {
        c.is_some_and(|&c| {
            matches!(
                lower(c),
                'а' | 'е' | 'ё' | 'і' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я'
            )
        })
    };
    let mut out = String::with_capacity(word.len());
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let cased = |r: char| cased_as(c, r);
        let l = lower(c);
        match l {
            'у' if i == 0 && chars.len() > 2 && !vowel(chars.get(1)) => out.push(cased('в')),
            'ў' => out.push(cased('в')),
            'д' if chars.get(i + 1).is_some_and(|&n| lower(n) == 'з') && soft(chars.get(i + 2)) =>
            {
                out.push(cased('д'));
                i += 1; // the з
            }
            'ц' if soft(chars.get(i + 1)) => out.push(cased('т')),
            'і' => out.push(cased('и')),
            'э' => out.push(cased('е')),
            '\'' | '’' | 'ʼ' => out.push('ъ'),
            _ => out.push(c),
        }
        i += 1;
    }
    out
}

/// A Ukrainian word in the Russian letters of the same sounds, for the
/// readings built on Russian spelling (Korean and Chinese names by the
/// Kontsevich and Palladius tables): Ukrainian `и` is the Russian `ы`, `і`
/// is `и`, `ї` is `йи`, `є` is `е` (after a consonant; `йе` opening a word
/// or after a vowel reads alike in both), `ґ` is `г`. The Ukrainian press
/// writes `Кім Чен Ин` and `Сі Цзіньпін` for the Russian `Ким Чен Ын` and
/// `Си Цзиньпин`.
pub fn ukrainian_as_russian(word: &str) -> String {
    let mut out = String::with_capacity(word.len() + 2);
    for c in word.chars() {
        let cased = |r: char| cased_as(c, r);
        match c.to_lowercase().next().unwrap_or(c) {
            'и' => out.push(cased('ы')),
            'і' => out.push(cased('и')),
            'ї' => {
                out.push(cased('й'));
                out.push(cased('и'));
            }
            'є' => out.push(cased('е')),
            'ґ' => out.push(cased('г')),
            _ => out.push(c),
        }
    }
    out
}

/// `r` in the case of `c` (the letters these spellings put for others).
fn cased_as(c: char, r: char) -> char {
    if c.is_uppercase() {
        r.to_uppercase().next().unwrap_or(r)
    } else {
        r
    }
}

fn is_cyr_vowel(c: char) -> bool {
    matches!(
        c,
        'а' | 'е' | 'ё' | 'и' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я' | 'і' | 'ї' | 'є' | 'ў'
    )
}

/// Appends the romanization of one Cyrillic word (any case) to `out`.
pub fn romanize_word(word: &str, scheme: CyrScheme, out: &mut String) {
    if scheme == CyrScheme::BelarusianAsRussian {
        return romanize_word(&belarusian_as_russian(word), CyrScheme::Bgn, out);
    }
    let mut prev: Option<char> = None;
    for c in word.chars() {
        let u = c as u32;
        let lc = match u {
            // Fast case mapping for the basic Cyrillic block.
            0x0410..=0x042F => char::from_u32(u + 0x20).unwrap_or(c),
            0x0400..=0x040F => char::from_u32(u + 0x50).unwrap_or(c),
            0x0430..=0x045F => c,
            _ => c.to_lowercase().next().unwrap_or(c),
        };
        if crate::normalize::is_mark(lc) {
            continue;
        }
        if crate::normalize::script_of(lc) != Some(crate::normalize::Script::Cyrillic) {
            // Digits or stray letters of another script inside the word.
            if !crate::normalize::push_digit(lc, out) {
                crate::normalize::fold_latin_char(lc, false, out);
            }
            prev = Some(lc);
            continue;
        }
        // Word-initial, or after a vowel or a sign: the iotated readings.
        let initial = match prev {
            None => true,
            Some(p) => is_cyr_vowel(p) || matches!(p, 'ъ' | 'ь' | 'й' | '\''),
        };
        if scheme == CyrScheme::Foreign && lc == 'ж' && prev == Some('д') {
            // дж: the English j (the д was written as d)
            if out.ends_with('d') {
                out.pop();
            }
            out.push('j');
            prev = Some(lc);
            continue;
        }
        let s: &str = match scheme {
            CyrScheme::Foreign => foreign(lc),
            CyrScheme::Bgn => bgn(lc, prev, initial),
            CyrScheme::Passport => passport(lc),
            CyrScheme::Iso9 => iso9(lc),
            CyrScheme::Ukrainian => ukrainian(lc, prev.is_none(), prev),
            CyrScheme::Belarusian => belarusian(lc, initial),
            CyrScheme::BelarusianAsRussian => bgn(lc, prev, initial),
        };
        if s == "\u{0}" {
            for b in any_ascii::any_ascii_char(lc).chars() {
                if b.is_ascii_alphanumeric() {
                    out.push(b.to_ascii_lowercase());
                }
            }
        } else {
            out.push_str(s);
        }
        prev = Some(lc);
    }
}

/// Letters shared by every scheme; "\0" means "not here".
fn common(c: char) -> &'static str {
    match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'з' => "z",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'ь' => "",
        'ъ' => "",
        'ы' => "y",
        'э' => "e",
        'і' => "i",
        'ґ' => "g",
        // Serbian and Macedonian letters (ASCII practice).
        'ђ' => "dj",
        'ћ' => "c",
        'љ' => "lj",
        'њ' => "nj",
        'џ' => "dz",
        'ј' => "j",
        'ѓ' => "gj",
        'ќ' => "kj",
        'ѕ' => "dz",
        // Kazakh, Tatar, Mongolian, Bashkir letters.
        'ә' => "a",
        'ғ' => "gh",
        'қ' => "q",
        'ң' => "ng",
        'ө' => "o",
        'ұ' => "u",
        'ү' => "u",
        'һ' => "h",
        'ҳ' => "h",
        'ҷ' => "j",
        _ => "\u{0}",
    }
}

fn bgn(c: char, prev: Option<char>, initial: bool) -> &'static str {
    match c {
        'е' => {
            if initial {
                "ye"
            } else {
                "e"
            }
        }
        'ё' => {
            if matches!(prev, Some('ж' | 'ч' | 'ш' | 'щ')) {
                "e"
            } else {
                "yo"
            }
        }
        'ж' => "zh",
        'и' => "i",
        'й' => "y",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ю' => "yu",
        'я' => "ya",
        'ї' => "yi",
        'є' => "ye",
        'ў' => "w",
        _ => common(c),
    }
}

fn passport(c: char) -> &'static str {
    match c {
        'е' | 'ё' => "e",
        'ж' => "zh",
        'и' => "i",
        'й' => "i",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' => "ie",
        'ю' => "iu",
        'я' => "ia",
        'ї' => "i",
        'є' => "ie",
        'ў' => "u",
        _ => common(c),
    }
}

/// BGN/PCGN, but `е` always `e`, `ё` always `yo` and `х` `h` (the `дж` →
/// `j` rule is in [`romanize_word`]); Ukrainian and Belarusian letters as
/// the common table has them.
fn foreign(c: char) -> &'static str {
    match c {
        'е' => "e",
        'ё' => "yo",
        'х' => "h",
        'ї' | 'є' | 'ў' => common(c),
        _ => bgn(c, None, false),
    }
}

fn iso9(c: char) -> &'static str {
    match c {
        'е' | 'ё' | 'є' => "e",
        'ж' => "z",
        'и' => "i",
        'й' => "j",
        'х' => "h",
        'ц' => "c",
        'ч' => "c",
        'ш' => "s",
        'щ' => "s",
        'ю' => "u",
        'я' => "a",
        'ї' => "i",
        'ў' => "u",
        _ => common(c),
    }
}

fn ukrainian(c: char, word_initial: bool, prev: Option<char>) -> &'static str {
    match c {
        'г' => {
            if prev == Some('з') {
                "gh"
            } else {
                "h"
            }
        }
        'е' | 'э' => "e",
        'ё' => "yo",
        'ж' => "zh",
        'и' | 'ы' => "y",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'є' => {
            if word_initial {
                "ye"
            } else {
                "ie"
            }
        }
        'ї' => {
            if word_initial {
                "yi"
            } else {
                "i"
            }
        }
        'й' => {
            if word_initial {
                "y"
            } else {
                "i"
            }
        }
        'ю' => {
            if word_initial {
                "yu"
            } else {
                "iu"
            }
        }
        'я' => {
            if word_initial {
                "ya"
            } else {
                "ia"
            }
        }
        'ў' => "w",
        _ => common(c),
    }
}

fn belarusian(c: char, initial: bool) -> &'static str {
    match c {
        'г' => "h",
        'е' => {
            if initial {
                "ye"
            } else {
                "e"
            }
        }
        'ё' => "yo",
        'ж' => "zh",
        'и' => "i",
        'й' => "y",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ю' => "yu",
        'я' => "ya",
        'ў' => "w",
        _ => common(c),
    }
}
