//! Korean names written in Latin letters, read as one key whatever the
//! romanization (`Kim Jong Un`, `Gim Jeong-eun`, `Kim Chong-un`; `Ri Pyong
//! Chol`, `Lee Byeong-cheol`, `Yi Pyong-chol`).
//!
//! The lists write North Korean names in the DPRK's practice, close to
//! McCune–Reischauer without its breves and apostrophes; South Korean
//! press, passports and the Revised Romanization write them otherwise. A
//! name whose every word (two to five) is one romanized Korean syllable gets
//! an extra reading (scheme [`KOREAN_KEYED`], `korean-keyed`; not `ko-…`, which names readings of Hangul) where each syllable is
//! written one way:
//!
//! - initial consonants without voicing or aspiration (which
//!   McCune–Reischauer marks by an apostrophe the lists drop): `g k kk` →
//!   `k`, `d t tt th` → `t`, `b p pp ph` → `p`, `j ch jj tch chh` → `ch`,
//!   `s ss sh` → `s`, `l` → `r`;
//! - the vowels of the Revised Romanization and of habit as
//!   McCune–Reischauer writes them without breves: `eo` → `o`, `eu` → `u`,
//!   `yeo` → `yo`, `weo` → `wo`, `eui` → `ui`, `oo` → `u`, `ee` → `i`,
//!   `oi` → `oe`, `ou` → `o` (Young);
//! - final consonants `g b d r` as `k p t l`;
//! - the surnames (first or last word) South Korea writes without their
//!   initial `r` or with habits of their own, as the North writes them:
//!   Lee, Yi, Rhee, Li → `ri`; Lim, Im, Yim → `rim`; Yu, Yoo, Lyu → `ryu`;
//!   Roh, Noh → `ro`; Yang → `ryang`; Yom, Yeom → `ryom`; Park → `pak`; Oh →
//!   `o`; Ahn → `an`; Sohn → `son`; Koh → `ko`; Suh → `so`; Huh, Hur → `ho`.
//!
//! The `u` written for ㅓ (Jung, Hyun) is left as it is: it is also ㅜ and
//! ㅡ, and reading it as `o` would make many different names one. A query
//! gets a second keyed reading that reads it so ([`popular_reading`]: `Kim
//! Jung Eun` for `KIM, Jong Un`). Sources:
//! the McCune–Reischauer and Revised Romanization tables (Korean Ministry
//! of Culture, 2000) and the surname column of Wikipedia's "List of Korean
//! surnames", as for [`crate::translit`]'s Hangul surnames.

/// The scheme name of the reading (see the module documentation).
pub const KOREAN_KEYED: &str = "korean-keyed";

/// Consonants that start a romanized Korean syllable, longest first, with
/// the one they are read as.
const INITIALS: &[(&str, &str)] = &[
    ("tch", "ch"),
    ("chh", "ch"),
    ("kk", "k"),
    ("gg", "k"),
    ("tt", "t"),
    ("th", "t"),
    ("pp", "p"),
    ("ph", "p"),
    ("ss", "s"),
    ("sh", "s"),
    ("jj", "ch"),
    ("ch", "ch"),
    ("g", "k"),
    ("k", "k"),
    ("n", "n"),
    ("d", "t"),
    ("t", "t"),
    ("r", "r"),
    ("l", "r"),
    ("m", "m"),
    ("b", "p"),
    ("p", "p"),
    ("s", "s"),
    ("j", "ch"),
    ("h", "h"),
];

/// Vowels of a romanized Korean syllable, longest first, with the one they
/// are read as.
const VOWELS: &[(&str, &str)] = &[
    ("yae", "yae"),
    ("wae", "wae"),
    ("yeo", "yo"),
    ("weo", "wo"),
    ("eui", "ui"),
    ("ae", "ae"),
    ("ya", "ya"),
    ("yo", "yo"),
    ("ye", "ye"),
    ("wa", "wa"),
    ("oe", "oe"),
    ("oi", "oe"),
    ("wo", "wo"),
    ("we", "we"),
    ("wi", "wi"),
    ("yu", "yu"),
    ("ui", "ui"),
    ("eo", "o"),
    ("eu", "u"),
    ("oo", "u"),
    ("ee", "i"),
    ("ou", "o"),
    ("a", "a"),
    ("o", "o"),
    ("e", "e"),
    ("u", "u"),
    ("i", "i"),
];

/// Final consonants of a romanized Korean syllable, with the one they are
/// read as.
const FINALS: &[(&str, &str)] = &[
    ("ng", "ng"),
    ("k", "k"),
    ("g", "k"),
    ("n", "n"),
    ("l", "l"),
    ("r", "l"),
    ("m", "m"),
    ("p", "p"),
    ("b", "p"),
    ("t", "t"),
    ("d", "t"),
    ("", ""),
];

/// Surname spellings read as the lists (DPRK practice) write the surname.
const SURNAMES: &[(&str, &str)] = &[
    ("lee", "ri"),
    ("yi", "ri"),
    ("rhee", "ri"),
    ("li", "ri"),
    ("rhi", "ri"),
    ("lim", "rim"),
    ("im", "rim"),
    ("yim", "rim"),
    ("yu", "ryu"),
    ("yoo", "ryu"),
    ("lyu", "ryu"),
    ("ryoo", "ryu"),
    ("roh", "ro"),
    ("noh", "ro"),
    ("yang", "ryang"),
    ("yom", "ryom"),
    ("yeom", "ryom"),
    ("park", "pak"),
    ("oh", "o"),
    ("ahn", "an"),
    ("sohn", "son"),
    ("koh", "ko"),
    ("suh", "so"),
    ("huh", "ho"),
    ("hur", "ho"),
];

/// One word read as a romanized Korean syllable, when it is one. With
/// `popular`, a `u` or `yu` before `n`, `ng` or `l` is read as the ㅓ or ㅕ
/// that South Korean habit writes so (Jung, Hyun, Chul: `chong`, `hyon`,
/// `chol`), see [`popular_reading`].
fn syllable(w: &str, popular: bool) -> Option<String> {
    syllable_parts(w, popular).map(|(i, v, f)| format!("{i}{v}{f}"))
}

/// [`syllable`] as its three parts read (initial, vowel, final), without
/// building the string.
fn syllable_parts(w: &str, popular: bool) -> Option<(&'static str, &'static str, &'static str)> {
    let (init, read_init) = INITIALS
        .iter()
        .find(|(i, _)| w.starts_with(i))
        .copied()
        .unwrap_or(("", ""));
    let rest = w.get(init.len()..)?;
    for (v, read_v) in VOWELS {
        let Some(fin) = rest.strip_prefix(v) else {
            continue;
        };
        let read_v = match (*v, fin) {
            ("u", "n" | "ng" | "l") if popular && !read_init.is_empty() => "o",
            ("yu", "n" | "ng" | "l") if popular => "yo",
            _ => read_v,
        };
        return FINALS
            .iter()
            .find(|(f, _)| *f == fin)
            .map(|(_, read_f)| (read_init, read_v, *read_f));
    }
    None
}

/// The keyed reading of a name's tokens (see the module documentation),
/// when every token is one Korean syllable, there are two to five, and the
/// reading differs from the tokens.
pub fn keyed_reading(tokens: &[String]) -> Option<Vec<String>> {
    read_keyed(tokens, false).filter(|out| out != tokens)
}

/// The keyed reading of a name written in South Korea's popular spellings,
/// where `u` stands for ㅓ before `n`, `ng` or `l` (`Kim Jung Eun`, `Lee
/// Myung Bak`, `Kim Chul`: the lists' `KIM, Jong Un`, `Myong Pak`, `Chol`),
/// when it differs from [`keyed_reading`]. For queries only, beside the
/// keyed reading: `u` is also ㅜ and ㅡ, so as the only reading it would
/// make different names one.
pub fn popular_reading(tokens: &[String]) -> Option<Vec<String>> {
    let popular = read_keyed(tokens, true)?;
    (read_keyed(tokens, false).as_ref() != Some(&popular)).then_some(popular)
}

/// Every token read as one Korean syllable (two to five of them), surnames
/// first or last as the lists write them.
fn read_keyed(tokens: &[String], popular: bool) -> Option<Vec<String>> {
    if !(2..=5).contains(&tokens.len()) {
        return None;
    }
    let last = tokens.len() - 1;
    let mut out = Vec::with_capacity(tokens.len());
    for (i, t) in tokens.iter().enumerate() {
        if t.len() > 6 {
            return None;
        }
        let surname = (i == 0 || i == last)
            .then(|| SURNAMES.iter().find(|(s, _)| s == t))
            .flatten();
        match surname {
            Some((_, read)) => out.push(read.to_string()),
            None => out.push(syllable(t, popular)?),
        }
    }
    Some(out)
}

/// Whether two words are each one romanized Korean syllable and no
/// reading of one is a reading of the other: `hong` / `chong`, `myong` /
/// `pyong`, `cho` / `choe` (조, 최) are two syllables, where `jung` /
/// `chong`, `young` / `yong`, `lee` / `ri` are one written otherwise. A
/// Korean name is made of a few hundred syllables, so a word one letter
/// from another is most often another syllable of another name, not a
/// typo of it.
pub fn korean_syllables_apart(a: &str, b: &str) -> bool {
    // each reading packed in a u64: at most seven letters
    let pack = |parts: &[&str]| {
        parts
            .iter()
            .flat_map(|p| p.bytes())
            .fold(0u64, |h, b| (h << 8) | u64::from(b))
    };
    let readings = |w: &str| -> Option<[Option<u64>; 3]> {
        if w.len() > 6 {
            return None;
        }
        let (i, v, f) = syllable_parts(w, false)?;
        let popular = syllable_parts(w, true).map(|(i, v, f)| pack(&[i, v, f]));
        let surname = SURNAMES
            .iter()
            .find(|(s, _)| *s == w)
            .map(|(_, r)| pack(&[r]));
        Some([Some(pack(&[i, v, f])), popular, surname])
    };
    let (Some(ra), Some(rb)) = (readings(a), readings(b)) else {
        return false;
    };
    !ra.iter()
        .flatten()
        .any(|x| rb.iter().flatten().any(|y| x == y))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(name: &str) -> Option<String> {
        let toks: Vec<String> = name.split(' ').map(str::to_string).collect();
        keyed_reading(&toks).map(|t| t.join(" "))
    }

    #[test]
    fn romanizations_of_one_name_meet() {
        // real listed names (OFAC, UN) and how the press writes them
        let key = |n: &str| read(n).unwrap_or_else(|| n.to_string());
        for group in [
            &[
                "kim jong un",
                "gim jeong eun",
                "kim chong un",
                "kim jeong eun",
            ][..],
            &[
                "ri pyong chol",
                "lee byeong cheol",
                "yi pyong chol",
                "rhee pyong chol",
            ],
            &["kim yo jong", "kim yeo jeong", "gim yeo jong"],
            &["choe ryong hae", "choi ryong hae", "choe lyong hae"],
            &["pak pong ju", "park bong ju", "bak bong joo"],
            &["jong kyong thaek", "jeong gyeong taek", "chong kyong taek"],
        ] {
            let k = key(group[0]);
            for n in group {
                assert_eq!(key(n), k, "{n}");
            }
        }
        // the u written for ㅓ stays apart from o in the keyed reading; the
        // popular reading, for queries, reads it so
        assert_ne!(key("kim jung un"), key("kim jong un"));
        let popular = |n: &str| {
            let toks: Vec<String> = n.split(' ').map(str::to_string).collect();
            popular_reading(&toks).map(|t| t.join(" "))
        };
        assert_eq!(popular("kim jung eun").as_deref(), Some("kim chong un"));
        assert_eq!(popular("lee myung bak").as_deref(), Some("ri myong pak"));
        assert_eq!(
            popular("chung hyun sook").as_deref(),
            Some("chong hyon suk")
        );
        assert_eq!(popular("kim chul").as_deref(), Some("kim chol"));
        // a vowel alone (`un`, ㅡ as `eun`) and a name already so: none
        assert_eq!(popular("kim jong un"), None);
        assert_eq!(popular("vladimir putin"), None);
        // different names stay different
        assert_ne!(key("kim chol"), key("kim chul"));
        assert_ne!(key("ri song chol"), key("ri sang chol"));
    }

    #[test]
    fn syllables_apart_are_two_syllables_not_two_spellings() {
        for (a, b) in [
            ("hong", "chong"),
            ("myong", "pyong"),
            ("cho", "choe"),
            ("chul", "chun"),
        ] {
            assert!(korean_syllables_apart(a, b), "{a} / {b}");
        }
        // one syllable written otherwise, a surname's habits, or no syllable
        for (a, b) in [
            ("jung", "chong"),
            ("young", "yong"),
            ("lee", "ri"),
            ("choi", "choe"),
            ("chul", "chol"),
            ("jonh", "jong"),
            ("putin", "putan"),
        ] {
            assert!(!korean_syllables_apart(a, b), "{a} / {b}");
        }
    }

    #[test]
    fn only_names_of_korean_syllables_are_read() {
        assert_eq!(read("vladimir putin"), None);
        assert_eq!(read("ali khan"), None);
        assert_eq!(read("kim"), None);
        // already in the key's spelling
        assert_eq!(read("kim chol nam"), None);
        // surnames only first or last: `yu` inside a name is a syllable
        assert_eq!(read("kim yu jin").as_deref(), Some("kim yu chin"));
        assert_eq!(read("yu kim").as_deref(), Some("ryu kim"));
    }
}
