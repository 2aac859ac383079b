//! Latin names spelt by the orthography of a language that writes some
//! sounds with other letters than English does, read again as English
//! would spell them. Russian names reach those languages through their own
//! transcriptions: Hungarian writes Владимир Путин `Vlagyimir Putyin` and
//! Шойгу `Sojgu`; Dutch writes Путин `Poetin`, Ющенко `Joesjtsjenko` and
//! Ходорковский `Chodorkovski`.
//!
//! Each reading is made only for a name showing its language's marks, as
//! an extra form next to the name as written (so a mark that is not one,
//! `Joel`, costs a reading that meets nothing). Tokens are the lowercase
//! ASCII tokens of a reading.

/// Hungarian letters and the English letters for their sounds, longest
/// first: `sz` s, `zs` zh, `cs` ch, `dzs` j, `gy` d, `ty` t, `ny` n, `s` sh,
/// `j` y.
const HUNGARIAN: &[(&str, &str)] = &[
    ("dzs", "j"),
    ("sz", "s"),
    ("zs", "zh"),
    ("cs", "ch"),
    ("gy", "d"),
    ("ty", "t"),
    ("ny", "n"),
    ("s", "sh"),
    ("j", "y"),
];

/// Dutch letters and the English letters for their sounds, longest first:
/// `tsj` ch, `sj` sh, `zj` zh, `oe` u, `ch` kh, `j` y.
const DUTCH: &[(&str, &str)] = &[
    ("tsj", "ch"),
    ("sj", "sh"),
    ("zj", "zh"),
    ("oe", "u"),
    ("ch", "kh"),
    ("j", "y"),
];

/// A Hungarian spelling ([`HUNGARIAN`]) read the English way, for a name
/// with a word holding `sz`, `zs`, `cs`, or `gy` or `ty` before a vowel, or
/// ending in `ics` (the patronymic `-vics`).
pub(crate) fn hungarian_reading(tokens: &[String]) -> Option<Vec<String>> {
    let marked = |t: &str| {
        t.contains("sz")
            || t.contains("zs")
            || t.contains("cs")
            || t.ends_with("ics")
            || t.as_bytes().windows(3).any(|w| {
                matches!(&w[..2], b"gy" | b"ty") && matches!(w[2], b'a' | b'e' | b'i' | b'o' | b'u')
            })
    };
    respelled(tokens, marked, HUNGARIAN)
}

/// A Dutch spelling ([`DUTCH`]) read the English way, for a name with a
/// word holding `sj`, `zj` or `oe`.
pub(crate) fn dutch_reading(tokens: &[String]) -> Option<Vec<String>> {
    let marked = |t: &str| t.contains("sj") || t.contains("zj") || t.contains("oe");
    respelled(tokens, marked, DUTCH)
}

/// The tokens with each letter group of `rules` written as its English
/// spelling (the first rule that fits at each place), when a token shows
/// the language's mark and the reading differs.
fn respelled(
    tokens: &[String],
    marked: impl Fn(&str) -> bool,
    rules: &[(&str, &str)],
) -> Option<Vec<String>> {
    if !tokens.iter().any(|t| marked(t)) {
        return None;
    }
    let read = |t: &str| {
        let mut out = String::with_capacity(t.len() + 2);
        let mut rest = t;
        while let Some(c) = rest.chars().next() {
            match rules.iter().find(|(from, _)| rest.starts_with(from)) {
                Some((from, to)) => {
                    out.push_str(to);
                    rest = rest.get(from.len()..).unwrap_or("");
                }
                None => {
                    out.push(c);
                    rest = rest.get(c.len_utf8()..).unwrap_or("");
                }
            }
        }
        out
    };
    let v: Vec<String> = tokens.iter().map(|t| read(t)).collect();
    (v != tokens).then_some(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn hungarian_spellings_of_russian_names() {
        let r = |s: &str| hungarian_reading(&toks(s)).map(|v| v.join(" "));
        assert_eq!(
            r("vlagyimir vlagyimirovics putyin").as_deref(),
            Some("vladimir vladimirovich putin")
        );
        assert_eq!(r("szergej sojgu").as_deref(), Some("sergey shoygu"));
        // no Hungarian mark: no reading
        assert_eq!(r("sergei shoigu"), None);
        assert_eq!(r("tyson fury"), None);
    }

    #[test]
    fn dutch_spellings_of_russian_names() {
        let r = |s: &str| dutch_reading(&toks(s)).map(|v| v.join(" "));
        assert_eq!(
            r("wladimir wladimirowitsj poetin").as_deref(),
            Some("wladimir wladimirowich putin")
        );
        assert_eq!(
            r("viktor joesjtsjenko").as_deref(),
            Some("viktor yushchenko")
        );
        assert_eq!(
            r("michail chodorkovski sjoejgoe").as_deref(),
            Some("mikhail khodorkovski shuygu")
        );
        assert_eq!(r("vladimir putin"), None);
    }
}
