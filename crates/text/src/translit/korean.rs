//! Hangul romanization.
//!
//! Syllables (U+AC00..U+D7A3) are decomposed arithmetically:
//! `index = (L * 21 + V) * 28 + T` (Unicode §3.12). Schemes:
//!
//! - `ko-rr`: Revised Romanization of Korean (2000), per syllable for names,
//!   with the common liaison rules inside words;
//! - `ko-mr`: McCune–Reischauer without breves and apostrophes (ŏ→o, ŭ→u),
//!   initial stops voiceless (k t p ch) and voiced between voiced sounds;
//! - `ko-kp`: the DPRK practice seen on the UN and OFAC lists (Kim Jong Un,
//!   Choe Ryong Hae, Ri Pyong Chol, Pak Pong Ju): k t p for initial stops,
//!   `j` for ㅈ, ㅓ→o, ㅡ→u, syllables written apart;
//! - `ko-popular`: the spellings South Koreans actually use in passports
//!   (Lee, Park, Choi, Jung; ㅓ→u as in Jung, Hyun, Myung; ㅡ→eu as in Eun);
//! - `ko-loan`: for words that are foreign names written in Hangul
//!   (블라디미르 → bladimir): the epenthetic ㅡ is dropped and ㄹㄹ is `l`.
//!
//! Person names are family-name first; the family name is one syllable (or
//! two for the double surnames 남궁, 황보, 제갈, 선우, 독고, 사공, 서문) and
//! the given name is emitted one token per syllable (`jong`, `un`): joining
//! `jongun` is the matcher's business.
//!
//! The surname spellings table is hand-collected from common passport
//! practice and the romanization columns of Wikipedia's "List of Korean
//! surnames"; the first entry is the most common spelling.

const S_BASE: u32 = 0xAC00;
const S_COUNT: u32 = 11172;

/// A Hangul romanization scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KoScheme {
    /// Revised Romanization.
    Rr,
    /// McCune–Reischauer, simplified.
    Mr,
    /// DPRK practice.
    Kp,
    /// South Korean passport practice.
    Popular,
    /// Foreign words written in Hangul.
    Loan,
}

/// A decomposed syllable: initial (0..19), medial (0..21), final (0..28).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Syl {
    l: usize,
    v: usize,
    t: usize,
}

fn decompose(c: char) -> Option<Syl> {
    let u = c as u32;
    if !(S_BASE..S_BASE + S_COUNT).contains(&u) {
        return None;
    }
    let i = (u - S_BASE) as usize;
    Some(Syl {
        l: i / (21 * 28),
        v: (i % (21 * 28)) / 28,
        t: i % 28,
    })
}

// Initials: ㄱ ㄲ ㄴ ㄷ ㄸ ㄹ ㅁ ㅂ ㅃ ㅅ ㅆ ㅇ ㅈ ㅉ ㅊ ㅋ ㅌ ㅍ ㅎ
const L_RR: [&str; 19] = [
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p",
    "h",
];
const L_MR: [&str; 19] = [
    "k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "ch", "tch", "ch", "k", "t",
    "p", "h",
];
const L_MR_VOICED: [&str; 19] = [
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "tch", "ch", "k", "t", "p",
    "h",
];
const L_KP: [&str; 19] = [
    "k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p",
    "h",
];
// Medials: ㅏ ㅐ ㅑ ㅒ ㅓ ㅔ ㅕ ㅖ ㅗ ㅘ ㅙ ㅚ ㅛ ㅜ ㅝ ㅞ ㅟ ㅠ ㅡ ㅢ ㅣ
const V_RR: [&str; 21] = [
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "eu", "ui", "i",
];
const V_MR: [&str; 21] = [
    "a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "u", "ui", "i",
];
const V_POPULAR: [&str; 21] = [
    "a", "ae", "ya", "yae", "u", "e", "yu", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "eu", "ui", "i",
];
// Finals: none ㄱ ㄲ ㄳ ㄴ ㄵ ㄶ ㄷ ㄹ ㄺ ㄻ ㄼ ㄽ ㄾ ㄿ ㅀ ㅁ ㅂ ㅄ ㅅ ㅆ ㅇ ㅈ ㅊ ㅋ ㅌ ㅍ ㅎ
const T_RR: [&str; 28] = [
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
    "t", "t", "ng", "t", "t", "k", "t", "p", "t",
];
/// Final consonant read before a vowel (liaison), RR values.
const T_LIAISON_RR: [&str; 28] = [
    "", "g", "kk", "ks", "n", "nj", "n", "d", "r", "lg", "lm", "lb", "ls", "lt", "lp", "r", "m",
    "b", "ps", "s", "ss", "ng", "j", "ch", "k", "t", "p", "",
];

fn medial(s: KoScheme, v: usize) -> &'static str {
    let t = match s {
        KoScheme::Rr | KoScheme::Loan => &V_RR,
        KoScheme::Mr | KoScheme::Kp => &V_MR,
        KoScheme::Popular => &V_POPULAR,
    };
    t.get(v).copied().unwrap_or("")
}

fn initial(s: KoScheme, l: usize, voiced: bool) -> &'static str {
    let t = match s {
        KoScheme::Rr | KoScheme::Popular | KoScheme::Loan => &L_RR,
        KoScheme::Mr => {
            if voiced {
                &L_MR_VOICED
            } else {
                &L_MR
            }
        }
        KoScheme::Kp => &L_KP,
    };
    t.get(l).copied().unwrap_or("")
}

fn final_(t: usize) -> &'static str {
    T_RR.get(t).copied().unwrap_or("")
}

/// Romanizes one syllable as a name syllable (no liaison).
fn name_syllable(s: KoScheme, syl: Syl, voiced: bool, out: &mut String) {
    // ㄹ at the start of a name syllable: RR/popular write r, except
    // after the surname the matcher sees both; keep the scheme's value.
    out.push_str(initial(s, syl.l, voiced));
    out.push_str(medial(s, syl.v));
    out.push_str(final_(syl.t));
}

/// Appends the romanization of a Hangul word (not a person name) to `out`.
pub fn romanize_word(word: &str, s: KoScheme, out: &mut String) {
    let syls: Vec<Option<Syl>> = word.chars().map(decompose).collect();
    let chars: Vec<char> = word.chars().collect();
    for (k, cur) in syls.iter().enumerate() {
        let Some(syl) = *cur else {
            // Jamo or other characters: fall back to the any_ascii tables.
            if let Some(c) = chars.get(k) {
                for b in any_ascii::any_ascii_char(*c).chars() {
                    if b.is_ascii_alphanumeric() {
                        out.push(b.to_ascii_lowercase());
                    }
                }
            }
            continue;
        };
        let prev = if k > 0 {
            syls.get(k - 1).copied().flatten()
        } else {
            None
        };
        let next = syls.get(k + 1).copied().flatten();
        // Initial consonant.
        let prev_final_l = prev.is_some_and(|p| p.t == 8);
        if syl.l == 5 && prev_final_l {
            // ㄹㄹ is written "ll"; in loanwords it stands for one l.
            out.push_str(if s == KoScheme::Loan { "l" } else { "ll" });
        } else if syl.l == 11 {
            // Silent ㅇ: nothing (liaison handled by the previous final).
        } else {
            let voiced = prev.is_some_and(|p| p.t == 0 || matches!(p.t, 4 | 8 | 16 | 21));
            let mut ini = initial(s, syl.l, voiced && k > 0);
            if s == KoScheme::Rr || s == KoScheme::Loan || s == KoScheme::Popular {
                if k == 0 && syl.l == 5 {
                    ini = "r";
                }
            } else if k == 0 && syl.l == 5 {
                ini = "r";
            }
            out.push_str(ini);
        }
        // Vowel: in loanwords the epenthetic ㅡ after a consonant is dropped.
        let epenthetic = s == KoScheme::Loan
            && syl.v == 18
            && syl.l != 11
            && (syl.t == 0 || (syl.t == 8 && next.is_some_and(|n| n.l == 5)));
        if !epenthetic {
            out.push_str(medial(s, syl.v));
        }
        // Final consonant, with liaison before a silent ㅇ.
        if syl.t != 0 {
            let liaison = next.is_some_and(|n| n.l == 11);
            if syl.t == 8 && next.is_some_and(|n| n.l == 5) {
                // ㄹ + ㄹ: written once, by the next syllable.
            } else if liaison {
                out.push_str(T_LIAISON_RR.get(syl.t).copied().unwrap_or(""));
            } else {
                out.push_str(final_(syl.t));
            }
        }
    }
}

const DOUBLE_SURNAMES: &[&str] = &["남궁", "황보", "제갈", "선우", "독고", "사공", "서문"];

/// Practice spellings of common surnames; first entry is the most common.
fn surname_spellings(s: &str) -> &'static [&'static str] {
    match s {
        "김" => &["kim", "gim"],
        "이" => &["lee", "yi", "rhee", "ri", "li", "i"],
        "리" => &["ri", "lee", "li", "yi"],
        "박" => &["park", "pak", "bak"],
        "최" => &["choi", "choe"],
        "정" => &["jung", "jeong", "chung", "jong", "chong"],
        "강" => &["kang", "gang"],
        "조" => &["cho", "jo", "joe"],
        "윤" => &["yoon", "yun"],
        "장" => &["jang", "chang"],
        "임" => &["lim", "im", "yim", "rim"],
        "림" => &["rim", "lim"],
        "한" => &["han"],
        "오" => &["oh", "o"],
        "서" => &["seo", "suh", "so"],
        "신" => &["shin", "sin"],
        "권" => &["kwon", "gwon"],
        "황" => &["hwang"],
        "안" => &["ahn", "an"],
        "송" => &["song"],
        "류" => &["ryu", "yoo", "yu", "ryoo", "lyu"],
        "유" => &["yoo", "yu"],
        "전" => &["jeon", "jun", "chun", "chon"],
        "홍" => &["hong"],
        "고" => &["ko", "go", "koh"],
        "문" => &["moon", "mun"],
        "양" => &["yang", "ryang"],
        "량" => &["ryang", "yang"],
        "손" => &["son", "sohn"],
        "배" => &["bae", "pae"],
        "백" => &["baek", "paek", "baik"],
        "허" => &["heo", "huh", "hur", "ho"],
        "노" => &["noh", "no", "roh", "ro"],
        "로" => &["ro", "roh", "noh"],
        "남" => &["nam"],
        "심" => &["shim", "sim"],
        "하" => &["ha"],
        "곽" => &["kwak", "gwak"],
        "성" => &["sung", "seong", "song"],
        "차" => &["cha"],
        "주" => &["joo", "ju", "chu"],
        "우" => &["woo", "u"],
        "구" => &["koo", "ku", "gu"],
        "민" => &["min"],
        "진" => &["jin", "chin"],
        "지" => &["ji", "chi"],
        "엄" => &["eom", "um", "om"],
        "채" => &["chae"],
        "원" => &["won"],
        "천" => &["cheon", "chun", "chon"],
        "방" => &["bang", "pang"],
        "공" => &["kong", "gong"],
        "현" => &["hyun", "hyeon", "hyon"],
        "함" => &["ham"],
        "변" => &["byun", "byeon", "pyon"],
        "염" => &["yeom", "yum", "yom"],
        "여" => &["yeo", "yo"],
        "추" => &["choo", "chu"],
        "도" => &["do", "to"],
        "석" => &["seok", "suk", "sok"],
        "선" => &["sun", "seon", "son"],
        "설" => &["seol", "sul", "sol"],
        "길" => &["gil", "kil"],
        "연" => &["yeon", "yon"],
        "표" => &["pyo"],
        "명" => &["myung", "myeong", "myong"],
        "기" => &["ki", "gi"],
        "반" => &["ban", "pan"],
        "왕" => &["wang"],
        "금" => &["keum", "kum", "geum"],
        "옥" => &["ok"],
        "육" => &["yook", "yuk"],
        "인" => &["in"],
        "제" => &["je", "jae"],
        "탁" => &["tak"],
        "국" => &["kook", "kuk", "guk"],
        "태" => &["tae"],
        "용" => &["yong"],
        "경" => &["kyung", "kyeong", "gyeong", "kyong"],
        "봉" => &["bong", "pong"],
        "라" => &["ra", "na"],
        "나" => &["na", "ra"],
        "마" => &["ma"],
        "모" => &["mo"],
        "편" => &["pyun", "pyeon", "pyon"],
        "남궁" => &["namgung", "namkung"],
        "황보" => &["hwangbo"],
        "제갈" => &["jegal", "chegal"],
        "선우" => &["sunwoo", "seonu"],
        "독고" => &["dokgo", "tokko"],
        "사공" => &["sagong"],
        "서문" => &["seomun", "somun"],
        _ => &[],
    }
}

pub(crate) fn is_known_surname(s: &str) -> bool {
    !surname_spellings(s).is_empty()
}

/// Splits a Hangul person name into (surname, given-name syllables) when it
/// looks like a Korean name: one word of 2–4 syllables starting with a known
/// surname, or a 1–2 syllable known surname word followed by given-name words
/// of at most 3 syllables each.
fn split_person(words: &[&str]) -> Option<(String, Vec<char>)> {
    let all_syllables = |w: &str| w.chars().all(|c| decompose(c).is_some());
    if words.is_empty() || !words.iter().all(|w| all_syllables(w)) {
        return None;
    }
    if words.len() == 1 {
        let w = words.first()?;
        let n = w.chars().count();
        if !(2..=5).contains(&n) {
            return None;
        }
        let two: String = w.chars().take(2).collect();
        if n >= 3 && DOUBLE_SURNAMES.contains(&two.as_str()) {
            return Some((two, w.chars().skip(2).collect()));
        }
        if n > 4 {
            return None;
        }
        let one: String = w.chars().take(1).collect();
        if is_known_surname(&one) {
            return Some((one, w.chars().skip(1).collect()));
        }
        return None;
    }
    let first = words.first()?;
    let n = first.chars().count();
    if !(1..=2).contains(&n) || !is_known_surname(first) {
        return None;
    }
    let mut given = Vec::new();
    for w in words.get(1..)? {
        if w.chars().count() > 3 {
            return None;
        }
        given.extend(w.chars());
    }
    if given.is_empty() {
        return None;
    }
    Some((first.to_string(), given))
}

fn surname_romanized(surname: &str, s: KoScheme) -> String {
    let mut out = String::new();
    for (k, c) in surname.chars().enumerate() {
        if let Some(syl) = decompose(c) {
            name_syllable(s, syl, k > 0, &mut out);
        }
    }
    out
}

fn given_romanized(given: &[char], s: KoScheme) -> Vec<String> {
    let mut prev: Option<Syl> = None;
    let mut v = Vec::with_capacity(given.len());
    for c in given {
        let Some(syl) = decompose(*c) else { continue };
        let voiced =
            s == KoScheme::Mr && prev.is_some_and(|p| p.t == 0 || matches!(p.t, 4 | 8 | 16 | 21));
        let mut t = String::new();
        name_syllable(s, syl, voiced, &mut t);
        v.push(t);
        prev = Some(syl);
    }
    v
}

/// Readings of a Hangul person name, or `None` if it does not look like a
/// Korean name (then it is romanized word by word).
pub(crate) fn person_readings(words: &[&str]) -> Option<Vec<(&'static str, Vec<String>)>> {
    let (surname, given) = split_person(words)?;
    let mut out: Vec<(&'static str, Vec<String>)> = Vec::new();
    let spellings = surname_spellings(&surname);
    for (scheme, name) in [
        (KoScheme::Rr, "ko-rr"),
        (KoScheme::Mr, "ko-mr"),
        (KoScheme::Kp, "ko-kp"),
        (KoScheme::Popular, "ko-popular"),
    ] {
        let sur = match (scheme, spellings.first()) {
            (KoScheme::Popular, Some(p)) => (*p).to_string(),
            (KoScheme::Kp, _) if spellings.contains(&"ri") && surname.starts_with('이') => {
                "ri".to_string()
            }
            _ => surname_romanized(&surname, scheme),
        };
        let mut toks = vec![sur];
        toks.extend(given_romanized(&given, scheme));
        out.push((name, toks));
    }
    // Every other practice spelling of the surname, with the DPRK given name
    // and with the popular given name.
    let kp_given = given_romanized(&given, KoScheme::Kp);
    let pop_given = given_romanized(&given, KoScheme::Popular);
    for sp in spellings {
        for (name, g) in [("ko-kp", &kp_given), ("ko-popular", &pop_given)] {
            let mut toks = vec![(*sp).to_string()];
            toks.extend(g.iter().cloned());
            out.push((name, toks));
        }
    }
    Some(out)
}
