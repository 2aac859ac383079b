//! Wade-Giles spellings of Chinese names read as Pinyin (`Mao Tse-tung` →
//! `mao ze dong`, `Hsi Chin-ping` → `xi jin ping`), as an extra reading of a
//! Latin person name whose every word is a short syllable and one at least
//! shows a Wade-Giles mark (`hs-`, `ts-`/`tz-`, `ch-` before `i`, `-ung`,
//! `-ih`). Apostrophes (aspiration) are usually lost in lists, so `p`, `t`,
//! `k` stay as written except in `-ung` syllables where the unaspirated
//! reading (`tung` → `dong`) is the common one; `ch` before `i` reads `j`.

/// Whether a token looks like one Chinese syllable (letters only, at most
/// six, ending in a vowel, `n`, `ng` or `h`).
fn is_syllable(t: &str) -> bool {
    !t.is_empty()
        && t.len() <= 6
        && t.bytes().all(|b| b.is_ascii_lowercase())
        && (t.ends_with(['a', 'e', 'i', 'o', 'u', 'n', 'h']) || t.ends_with("ng"))
}

/// Whether a syllable shows a Wade-Giles mark.
fn is_marked(t: &str) -> bool {
    t.starts_with("hs")
        || t.starts_with("ts")
        || t.starts_with("tz")
        || (t.starts_with("ch") && t.get(2..3) == Some("i"))
        || (t.len() >= 4 && ung_final(t).is_some())
        || t.ends_with("ih")
}

/// The initial of a syllable with the Wade-Giles final `-ung` (`tung`,
/// `chung`, `hsiung`'s `hsi` aside): consonants only before it. Burmese
/// `Aung`, `Maung`, `Thaung` end so too, after a vowel: no such syllable.
fn ung_final(t: &str) -> Option<&str> {
    let init = t.strip_suffix("ung")?;
    (!init.bytes().any(|b| matches!(b, b'a' | b'e' | b'o' | b'u'))).then_some(init)
}

/// One Wade-Giles syllable in Pinyin.
fn syllable(t: &str) -> String {
    let (init, rest): (&str, &str) = if let Some(r) = t.strip_prefix("hs") {
        ("x", r)
    } else if let Some(r) = t.strip_prefix("tz").or_else(|| t.strip_prefix("ts")) {
        ("z", r)
    } else if let Some(r) = t.strip_prefix("ch") {
        if r.starts_with('i') {
            ("j", r)
        } else {
            ("zh", r)
        }
    } else if let Some(r) = t.strip_prefix('j') {
        ("r", r)
    } else {
        ("", t)
    };
    let mut rest = rest.to_string();
    if rest.ends_with("ung") && ung_final(t).is_some() {
        rest.truncate(rest.len() - 3);
        rest.push_str("ong");
    }
    if rest == "ih" {
        rest = "i".to_string();
    }
    let mut out = format!("{init}{rest}");
    // unaspirated stops before -ong (tung → dong, kung → gong)
    if out.ends_with("ong") {
        let first = match out.as_bytes().first() {
            Some(b't') => Some("d"),
            Some(b'k') => Some("g"),
            Some(b'p') => Some("b"),
            _ => None,
        };
        if let (Some(f), Some(tail)) = (first, out.get(1..)) {
            out = format!("{f}{tail}");
        }
    }
    out
}

/// The Pinyin reading of Wade-Giles name tokens, when they read as such.
pub fn pinyin_reading(tokens: &[String]) -> Option<Vec<String>> {
    if tokens.len() < 2
        || tokens.len() > 4
        || !tokens.iter().all(|t| is_syllable(t))
        || !tokens.iter().any(|t| is_marked(t))
    {
        return None;
    }
    let out: Vec<String> = tokens.iter().map(|t| syllable(t)).collect();
    (out != tokens).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::pinyin_reading;

    fn r(s: &str) -> Option<String> {
        let t: Vec<String> = s.split(' ').map(str::to_string).collect();
        pinyin_reading(&t).map(|v| v.join(" "))
    }

    #[test]
    fn wade_giles_names_read_as_pinyin() {
        assert_eq!(r("mao tse tung").as_deref(), Some("mao ze dong"));
        assert_eq!(r("hsi chin ping").as_deref(), Some("xi jin ping"));
        assert_eq!(r("chiang ching kuo").as_deref(), Some("jiang jing kuo"));
        assert_eq!(r("chou en lai"), None); // no Wade-Giles mark
    }

    #[test]
    fn other_names_are_left_alone() {
        assert_eq!(r("kim jong un"), None);
        assert_eq!(r("vladimir putin"), None);
        assert_eq!(r("xi jinping"), None);
        assert_eq!(r("li"), None);
        // Burmese names end in -ung after a vowel: no Wade-Giles final
        assert_eq!(r("ko maung"), None);
        assert_eq!(r("min aung hlaing"), None);
        assert_eq!(r("hsu maung").as_deref(), Some("xu maung"));
    }
}
