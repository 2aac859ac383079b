//! Variations of real names, by class, for recall and false-positive measurements.

use super::Rng;

/// The variation classes a true hit must survive.
pub const CLASSES: &[&str] = &[
    "typo",
    "transposition",
    "dropped_vowel",
    "ocr",
    "phonetic",
    "transliteration",
    "name_order",
    "initials",
    "dropped_token",
    "added_token",
    "truncation",
    "titles_particles",
    "diacritics",
    "case",
    "punctuation",
    "homoglyphs",
    "invisible",
];

/// Variation classes measured with a random sequence of their own, so that
/// adding one leaves the samples of the others as they were.
pub const OWN_SEQUENCE_CLASSES: &[&str] = &["korean_romanization", "russian_in_german_french"];

/// Two variations at once: a spelling change and a word the listed name
/// lacks (`Vladimr PUTIN Sergeyevich`). Not among the aims (each class
/// alone is); measured to show what tolerating one change at a time costs
/// when changes come together.
pub const COMPOUND_CLASSES: &[&str] = &[
    "typo+added_token",
    "phonetic+added_token",
    "transliteration+added_token",
];

pub fn words(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn pick_word(rng: &mut Rng, w: &[String], min_len: usize) -> Option<usize> {
    let ok: Vec<usize> = (0..w.len())
        .filter(|&i| w[i].chars().filter(|c| c.is_alphabetic()).count() >= min_len)
        .collect();
    if ok.is_empty() {
        None
    } else {
        Some(ok[rng.below(ok.len())])
    }
}

fn edit_word(
    rng: &mut Rng,
    name: &str,
    min_len: usize,
    f: impl Fn(&mut Rng, &[char]) -> Option<Vec<char>>,
) -> Option<String> {
    let mut w = words(name);
    let i = pick_word(rng, &w, min_len)?;
    let chars: Vec<char> = w[i].chars().collect();
    let new = f(rng, &chars)?;
    w[i] = new.into_iter().collect();
    Some(w.join(" "))
}

const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz";

fn latin_to_cyrillic(name: &str) -> String {
    let lower = name.to_lowercase();
    let s: Vec<char> = lower.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let digraphs: &[(&str, &str)] = &[
        ("shch", "щ"),
        ("kh", "х"),
        ("zh", "ж"),
        ("ch", "ч"),
        ("sh", "ш"),
        ("ts", "ц"),
        ("ya", "я"),
        ("yu", "ю"),
        ("yo", "ё"),
        ("ye", "е"),
        ("iy", "ий"),
        ("yy", "ый"),
    ];
    'outer: while i < s.len() {
        for (lat, cyr) in digraphs {
            let l: Vec<char> = lat.chars().collect();
            if s.get(i..i + l.len()) == Some(&l[..]) {
                out.push_str(cyr);
                i += l.len();
                continue 'outer;
            }
        }
        let c = s[i];
        let m = match c {
            'a' => "а",
            'b' => "б",
            'v' => "в",
            'g' => "г",
            'd' => "д",
            'e' => "е",
            'z' => "з",
            'i' => "и",
            'y' => "й",
            'k' => "к",
            'l' => "л",
            'm' => "м",
            'n' => "н",
            'o' => "о",
            'p' => "п",
            'r' => "р",
            's' => "с",
            't' => "т",
            'u' => "у",
            'f' => "ф",
            'h' => "х",
            'c' => "к",
            'j' => "дж",
            'q' => "к",
            'w' => "в",
            'x' => "кс",
            _ => "",
        };
        if m.is_empty() {
            out.push(c);
        } else {
            out.push_str(m);
        }
        i += 1;
    }
    out
}

/// A variant of `name` in `class`, or `None` when the class does not apply.
pub fn vary(rng: &mut Rng, class: &str, name: &str, other_token: &str) -> Option<String> {
    if let Some((first, second)) = class.split_once('+') {
        let v = vary(rng, first, name, other_token)?;
        return vary(rng, second, &v, other_token);
    }
    let w = words(name);
    match class {
        "typo" => edit_word(rng, name, 5, |rng, c| {
            let mut c = c.to_vec();
            let i = 1 + rng.below(c.len() - 1);
            let kind = rng.below(3);
            let letter = LETTERS[rng.below(26)] as char;
            match kind {
                0 => c[i] = letter,
                1 => {
                    c.remove(i);
                }
                _ => c.insert(i, letter),
            }
            Some(c)
        }),
        "transposition" => edit_word(rng, name, 4, |rng, c| {
            let mut c = c.to_vec();
            let i = 1 + rng.below(c.len() - 2);
            if c[i] == c[i + 1] {
                return None;
            }
            c.swap(i, i + 1);
            Some(c)
        }),
        "dropped_vowel" => edit_word(rng, name, 5, |rng, c| {
            let v: Vec<usize> = (1..c.len())
                .filter(|&i| "aeiouAEIOU".contains(c[i]))
                .collect();
            if v.is_empty() {
                return None;
            }
            let mut c = c.to_vec();
            c.remove(v[rng.below(v.len())]);
            Some(c)
        }),
        "ocr" => edit_word(rng, name, 4, |rng, c| {
            let s: String = c.iter().collect();
            let rules: &[(&str, &str)] = &[
                ("m", "rn"),
                ("rn", "m"),
                ("l", "1"),
                ("o", "0"),
                ("O", "0"),
                ("I", "1"),
                ("i", "l"),
                ("cl", "d"),
                ("e", "c"),
                ("S", "5"),
                ("B", "8"),
                ("h", "b"),
                ("n", "h"),
                ("u", "v"),
                ("E", "F"),
                ("a", "o"),
            ];
            let ok: Vec<&(&str, &str)> = rules.iter().filter(|(a, _)| s[1..].contains(a)).collect();
            if ok.is_empty() {
                return None;
            }
            let (a, b) = ok[rng.below(ok.len())];
            let pos = 1 + s[1..].find(a)?;
            let out = format!("{}{}{}", &s[..pos], b, &s[pos + a.len()..]);
            Some(out.chars().collect())
        }),
        "phonetic" => {
            let lower = name.to_lowercase();
            let rules: &[(&str, &str)] = &[
                ("ph", "f"),
                ("f", "ph"),
                ("ck", "k"),
                ("k", "c"),
                ("c", "k"),
                ("ou", "u"),
                ("oo", "u"),
                ("ee", "i"),
                ("y", "i"),
                ("i", "y"),
                ("ei", "ey"),
                ("ey", "ei"),
                ("sh", "sch"),
                ("kh", "h"),
                ("w", "v"),
                ("v", "w"),
                ("j", "dzh"),
                ("ss", "s"),
                ("mm", "m"),
                ("ll", "l"),
                ("dh", "d"),
                ("th", "t"),
                ("q", "k"),
                ("x", "ks"),
                ("ie", "y"),
                ("ia", "ya"),
                ("yu", "iu"),
                ("ai", "ay"),
                ("z", "s"),
                ("u", "oo"),
                ("e", "a"),
                ("o", "u"),
            ];
            let ok: Vec<&(&str, &str)> = rules.iter().filter(|(a, _)| lower.contains(a)).collect();
            if ok.is_empty() {
                return None;
            }
            let (a, b) = ok[rng.below(ok.len())];
            let hits: Vec<usize> = lower.match_indices(a).map(|(i, _)| i).collect();
            let pos = hits[rng.below(hits.len())];
            Some(format!("{}{}{}", &lower[..pos], b, &lower[pos + a.len()..]))
        }
        "transliteration" => {
            if !name.is_ascii() {
                return None;
            }
            Some(latin_to_cyrillic(&w.join(" ")))
        }
        "name_order" => {
            if w.len() < 2 {
                return None;
            }
            let mut v = w.clone();
            if v.len() == 2 || rng.chance(0.5) {
                v.reverse();
            } else {
                v.rotate_left(1);
            }
            Some(v.join(" "))
        }
        "initials" => {
            if w.len() < 3 {
                return None;
            }
            // a given name (not the first token, which OFAC and UN put first as the surname)
            let i = 1 + rng.below(w.len() - 1);
            let mut v = w.clone();
            let first = v[i].chars().next()?;
            if !first.is_alphabetic() {
                return None; // a number has no initial
            }
            v[i] = format!("{first}.");
            Some(v.join(" "))
        }
        "dropped_token" => {
            if w.len() < 3 {
                return None;
            }
            let mut v = w.clone();
            v.remove(rng.below(v.len()));
            Some(v.join(" "))
        }
        "added_token" => {
            let mut v = w.clone();
            let pos = rng.below(v.len() + 1);
            v.insert(pos, other_token.to_string());
            Some(v.join(" "))
        }
        "truncation" => {
            let joined = w.join(" ");
            let chars: Vec<char> = joined.chars().collect();
            if chars.len() < 16 || w.len() < 2 {
                return None;
            }
            let keep = (chars.len() * 85 / 100).max(12);
            let cut: String = chars[..keep].iter().collect();
            if cut.ends_with(' ') {
                return None;
            }
            // the cut word keeps at least three letters: cut to one or two
            // ("LIMITED LIABILITY COMPANY O") the word is lost, which the
            // dropped_token class measures (never the rarest word)
            let last = cut.rsplit(' ').next().unwrap_or("");
            let whole = w.iter().any(|x| x == last);
            if !whole && last.chars().filter(|c| c.is_alphanumeric()).count() < 3 {
                return None;
            }
            Some(cut)
        }
        "titles_particles" => {
            let titles = ["Mr.", "Dr.", "General", "Sheikh", "Haji", "Mrs.", "Prof."];
            let t = titles[rng.below(titles.len())];
            Some(format!("{t} {}", w.join(" ")))
        }
        "diacritics" => {
            let map = |c: char| match c {
                'a' => Some('á'),
                'e' => Some('é'),
                'o' => Some('ö'),
                'u' => Some('ü'),
                'c' => Some('ç'),
                'n' => Some('ñ'),
                's' => Some('š'),
                'i' => Some('í'),
                'A' => Some('Á'),
                'E' => Some('È'),
                'O' => Some('Ô'),
                'U' => Some('Ü'),
                'C' => Some('Č'),
                'N' => Some('Ñ'),
                'S' => Some('Ş'),
                'I' => Some('Î'),
                'z' => Some('ž'),
                'Z' => Some('Ž'),
                'r' => Some('ř'),
                'y' => Some('ý'),
                _ => None,
            };
            let mut out = String::new();
            let mut n = 0;
            for c in name.chars() {
                match map(c) {
                    Some(d) if rng.chance(0.3) => {
                        out.push(d);
                        n += 1;
                    }
                    _ => out.push(c),
                }
            }
            (n > 0).then_some(out)
        }
        "case" => Some(match rng.below(3) {
            0 => name.to_lowercase(),
            1 => name.to_uppercase(),
            _ => name
                .chars()
                .map(|c| {
                    if rng.chance(0.5) {
                        c.to_ascii_uppercase()
                    } else {
                        c.to_ascii_lowercase()
                    }
                })
                .collect(),
        }),
        "punctuation" => {
            if w.len() < 2 {
                return None;
            }
            let seps = ["-", ", ", ". ", " - ", "_", "/", "  "];
            let mut out = w[0].clone();
            for t in &w[1..] {
                out.push_str(seps[rng.below(seps.len())]);
                out.push_str(t);
            }
            if rng.chance(0.5) {
                out.push('.');
            }
            Some(out)
        }
        "homoglyphs" => {
            let map = |c: char| match c {
                'a' => Some('а'),
                'e' => Some('е'),
                'o' => Some('о'),
                'p' => Some('р'),
                'c' => Some('с'),
                'x' => Some('х'),
                'y' => Some('у'),
                'i' => Some('і'),
                'A' => Some('А'),
                'B' => Some('В'),
                'E' => Some('Е'),
                'K' => Some('К'),
                'M' => Some('М'),
                'H' => Some('Н'),
                'O' => Some('О'),
                'P' => Some('Р'),
                'C' => Some('С'),
                'T' => Some('Т'),
                'X' => Some('Х'),
                'I' => Some('Ι'),
                'N' => Some('Ν'),
                'Z' => Some('Ζ'),
                'S' => Some('Ѕ'),
                'J' => Some('Ј'),
                _ => None,
            };
            let mut out = String::new();
            let mut n = 0;
            for c in name.chars() {
                match map(c) {
                    Some(d) if n < 3 && rng.chance(0.35) => {
                        out.push(d);
                        n += 1;
                    }
                    _ if c.is_ascii_alphabetic() && rng.chance(0.05) => {
                        // fullwidth form
                        out.push(char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap_or(c));
                        n += 1;
                    }
                    _ => out.push(c),
                }
            }
            (n > 0).then_some(out)
        }
        "invisible" => {
            let inv = [
                '\u{200B}', '\u{200C}', '\u{200D}', '\u{00AD}', '\u{FEFF}', '\u{200E}', '\u{2060}',
            ];
            let chars: Vec<char> = name.chars().collect();
            let mut out = String::new();
            let mut n = 0;
            for (i, c) in chars.iter().enumerate() {
                out.push(*c);
                if i + 1 < chars.len() && c.is_alphabetic() && rng.chance(0.15) {
                    out.push(inv[rng.below(inv.len())]);
                    n += 1;
                }
            }
            (n > 0).then_some(out)
        }
        "korean_romanization" => korean_romanization(rng, name),
        "russian_in_german_french" => russian_in_german_french(rng, name),
        _ => None,
    }
}

/// Consonants that start a romanized Korean syllable, longest first.
const KO_INITIALS: &[&str] = &[
    "tch", "kk", "tt", "pp", "ss", "ch", "k", "n", "t", "r", "m", "p", "s", "h", "g", "d", "b",
    "j", "l",
];
/// Vowels of a romanized Korean syllable (McCune–Reischauer without its
/// breves, as the lists write it, and the Revised forms), longest first.
const KO_VOWELS: &[&str] = &[
    "yae", "wae", "yeo", "weo", "eui", "ae", "ya", "yo", "ye", "wa", "oe", "wo", "we", "wi", "yu",
    "ui", "eo", "eu", "oi", "a", "o", "e", "u", "i",
];
const KO_FINALS: &[&str] = &["ng", "k", "n", "l", "m", "p", "t", ""];

/// A word split into the initial, vowel and final of one romanized Korean
/// syllable.
fn ko_syllable(w: &str) -> Option<(&str, &str, &str)> {
    let init = KO_INITIALS
        .iter()
        .find(|i| w.starts_with(**i))
        .copied()
        .unwrap_or("");
    let rest = &w[init.len()..];
    for v in KO_VOWELS {
        if let Some(fin) = rest.strip_prefix(v) {
            if KO_FINALS.contains(&fin) {
                return Some((init, v, fin));
            }
        }
    }
    None
}

/// A Korean name as the lists write it (McCune–Reischauer: `KIM Jong Un`,
/// `RI Pyong Chol`) written as South Korean practice and the Revised
/// Romanization do: `eo` and `eu` for the vowels the lists write `o` and `u`
/// (Jeong, Eun), `g b d j` for initial `k p t ch`, and the surnames Lee, Yi,
/// Rhee for Ri, Park for Pak, Choi for Choe, Lim for Rim, Yu for Ryu, Roh
/// for Ro. One or two words change. Names whose every word is not one
/// Korean syllable are left out.
fn korean_romanization(rng: &mut Rng, name: &str) -> Option<String> {
    let lower = name.to_lowercase();
    let w: Vec<&str> = lower
        .split([' ', ',', '-'])
        .filter(|x| !x.is_empty())
        .collect();
    if w.len() < 2 || w.iter().any(|x| ko_syllable(x).is_none()) {
        return None;
    }
    let surnames: &[(&str, &str)] = &[
        ("ri", "lee"),
        ("ri", "yi"),
        ("ri", "rhee"),
        ("pak", "park"),
        ("choe", "choi"),
        ("rim", "lim"),
        ("ryu", "yu"),
        ("ro", "roh"),
    ];
    let mut edits: Vec<(usize, String)> = Vec::new();
    for (i, x) in w.iter().enumerate() {
        for (from, to) in surnames {
            if x == from {
                edits.push((i, to.to_string()));
            }
        }
        let Some((init, v, fin)) = ko_syllable(x) else {
            continue;
        };
        let rr_vowel = match v {
            "o" => Some("eo"),
            "yo" => Some("yeo"),
            "u" => Some("eu"),
            "wo" => Some("weo"),
            _ => None,
        };
        if let Some(rv) = rr_vowel {
            edits.push((i, format!("{init}{rv}{fin}")));
        }
        let rr_init = match init {
            "k" => Some("g"),
            "p" => Some("b"),
            "t" => Some("d"),
            "ch" => Some("j"),
            _ => None,
        };
        if let Some(ri) = rr_init {
            edits.push((i, format!("{ri}{v}{fin}")));
        }
    }
    if edits.is_empty() {
        return None;
    }
    let mut out: Vec<String> = w.iter().map(|x| x.to_string()).collect();
    let first = rng.below(edits.len());
    let (i, ref to) = edits[first];
    out[i] = to.clone();
    if rng.chance(0.5) {
        let others: Vec<&(usize, String)> = edits.iter().filter(|e| e.0 != i).collect();
        if !others.is_empty() {
            let (j, to) = others[rng.below(others.len())];
            out[*j] = to.clone();
        }
    }
    Some(out.join(" "))
}

/// A Russian name as the lists write it in English (BGN/PCGN and its
/// habits: `PRIGOZHIN, Yevgeniy Viktorovich`) written as German or French
/// transcribe Russian (`Jewgeni Wiktorowitsch Prigoschin`: `sch` for both
/// `sh` and `zh`, `s` for `z`, `z` for `ts`, `j` for `y` before a vowel;
/// `Evgueni
/// Viktorovitch Prigojine`). Names with no Russian ending (`-ov`, `-ev`,
/// `-in`, `-sky`, `-ovich`, `-evna`…) are left out.
fn russian_in_german_french(rng: &mut Rng, name: &str) -> Option<String> {
    let lower = name.to_lowercase();
    let w: Vec<&str> = lower.split([' ', ',']).filter(|x| !x.is_empty()).collect();
    let russian = |t: &&str| {
        [
            "ov", "ev", "in", "sky", "skiy", "ovich", "evich", "ovna", "evna", "ova", "eva", "ina",
        ]
        .iter()
        .any(|e| t.len() > e.len() + 2 && t.ends_with(e))
    };
    if w.len() < 2 || !w.iter().any(russian) || !w.iter().all(|t| t.is_ascii()) {
        return None;
    }
    let vowel = |c: Option<char>| c.is_some_and(|c| "aeiouy".contains(c));
    let german = rng.chance(0.5);
    let read = |t: &str| -> String {
        let c: Vec<char> = t.chars().collect();
        let mut out = String::new();
        let mut i = 0;
        while i < c.len() {
            let rest: String = c[i..].iter().collect();
            let prev = if i > 0 { Some(c[i - 1]) } else { None };
            let (to, step): (String, usize) = if german {
                if rest.starts_with("shch") {
                    ("schtsch".into(), 4)
                } else if rest.starts_with("sh") || rest.starts_with("zh") {
                    ("sch".into(), 2)
                } else if rest.starts_with("ch") {
                    ("tsch".into(), 2)
                } else if rest.starts_with("kh") {
                    ("ch".into(), 2)
                } else if rest.starts_with("ts") {
                    ("z".into(), 2)
                } else if c[i] == 'v' {
                    ("w".into(), 1)
                } else if c[i] == 'z' {
                    ("s".into(), 1)
                } else if c[i] == 'y' && vowel(c.get(i + 1).copied()) {
                    ("j".into(), 1)
                } else {
                    (c[i].to_string(), 1)
                }
            } else if rest.starts_with("shch") {
                ("chtch".into(), 4)
            } else if rest.starts_with("sh") {
                ("ch".into(), 2)
            } else if rest.starts_with("zh") {
                ("j".into(), 2)
            } else if rest.starts_with("ch") {
                ("tch".into(), 2)
            } else if c[i] == 'u' && prev != Some('o') {
                ("ou".into(), 1)
            } else if c[i] == 'g' && matches!(c.get(i + 1), Some('e' | 'i')) {
                ("gu".into(), 1)
            } else {
                (c[i].to_string(), 1)
            };
            out.push_str(&to);
            i += step;
        }
        if !german && out.ends_with("in") {
            out.push('e');
        }
        out
    };
    let v: Vec<String> = w.iter().map(|t| read(t)).collect();
    let out = v.join(" ");
    (out != w.join(" ")).then_some(out)
}

/// Edits beyond a typo: three changes in the word `rarest` picks (by
/// default the longest).
pub fn heavy_edit(
    rng: &mut Rng,
    name: &str,
    rarest: impl Fn(&[String]) -> Option<usize>,
) -> Option<String> {
    let mut w = words(name);
    let i = match rarest(&w) {
        Some(i) => i,
        None => w.iter().enumerate().max_by_key(|(_, x)| x.len())?.0,
    };
    let mut c: Vec<char> = w[i].chars().collect();
    // one word of letters only: in "TRANSNEFT-DIASKAN" three edits spread
    // over two tokens are two typos, not a different name
    if c.len() < 6 || !c.iter().all(|ch| ch.is_alphabetic()) {
        return None;
    }
    let mut done = 0;
    let mut guard = 0;
    let mut edited: Vec<usize> = Vec::new();
    while done < 3 && guard < 20 {
        guard += 1;
        let p = 1 + rng.below(c.len() - 1);
        let l = LETTERS[rng.below(26)] as char;
        // three different positions: one letter changed twice is two edits
        if !edited.contains(&p) && c[p].to_ascii_lowercase() != l && c[p].is_ascii_alphabetic() {
            c[p] = l;
            edited.push(p);
            done += 1;
        }
    }
    if done < 3 {
        return None;
    }
    w[i] = c.into_iter().collect();
    Some(w.join(" "))
}
