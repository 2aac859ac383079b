//! Greek romanization: ELOT 743 / ISO 843 (type 2, transcription) in ASCII,
//! and a phonetic reading for foreign names written in Greek, where `ντ`,
//! `μπ`, `γκ` stand for d, b, g and `ου` for u (Βλαντίμιρ Πούτιν →
//! `vladimir putin`).

/// Appends the romanization of one Greek word to `out`.
pub fn romanize_word(word: &str, phonetic: bool, out: &mut String) {
    let chars: Vec<char> = word
        .chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| {
            let mut base = None;
            unicode_normalization::char::decompose_canonical(c, |d| {
                if base.is_none() {
                    base = Some(d);
                }
            });
            base.filter(|b| !crate::normalize::is_mark(*b))
        })
        .collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars.get(i).copied().unwrap_or(' ');
        let n = chars.get(i + 1).copied().unwrap_or(' ');
        let pair: Option<&str> = match (c, n) {
            ('ο', 'υ') => Some(if phonetic { "u" } else { "ou" }),
            ('α', 'ι') => Some(if phonetic { "e" } else { "ai" }),
            ('ε', 'ι') | ('ο', 'ι') => Some(if phonetic { "i" } else { "ei" }),
            ('α', 'υ') => Some("av"),
            ('ε', 'υ') => Some("ev"),
            ('μ', 'π') => Some(if phonetic || i == 0 { "b" } else { "mp" }),
            ('ν', 'τ') => Some(if phonetic || i == 0 { "d" } else { "nt" }),
            ('γ', 'κ') => Some(if phonetic || i == 0 { "g" } else { "nk" }),
            ('γ', 'γ') => Some("ng"),
            ('τ', 'σ') => Some("ts"),
            _ => None,
        };
        if let Some(p) = pair {
            // ELOT: "οι" is "oi", fix the shared arm above.
            if !phonetic && c == 'ο' && n == 'ι' {
                out.push_str("oi");
            } else {
                out.push_str(p);
            }
            i += 2;
            continue;
        }
        let s = match c {
            'α' => "a",
            'β' => "v",
            'γ' => "g",
            'δ' => "d",
            'ε' => "e",
            'ζ' => "z",
            'η' => "i",
            'θ' => "th",
            'ι' => "i",
            'κ' => "k",
            'λ' => "l",
            'μ' => "m",
            'ν' => "n",
            'ξ' => "x",
            'ο' => "o",
            'π' => "p",
            'ρ' => "r",
            'σ' | 'ς' => "s",
            'τ' => "t",
            'υ' => {
                if phonetic {
                    "i"
                } else {
                    "y"
                }
            }
            'φ' => "f",
            'χ' => "ch",
            'ψ' => "ps",
            'ω' => "o",
            _ => "",
        };
        if s.is_empty() && !crate::normalize::push_digit(c, out) {
            crate::normalize::fold_latin_char(c, false, out);
        } else {
            out.push_str(s);
        }
        i += 1;
    }
}
