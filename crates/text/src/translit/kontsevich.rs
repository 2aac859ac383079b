//! Korean names written in Cyrillic, read back to Hangul.
//!
//! Russian writes Korean names by the Kontsevich system (Ким Чон Ын) or by
//! the older practice still used by Russian media and lists for North
//! Korean leaders (Ким Чен Ын, Ким Ир Сен, Пак Бон Чжу). Both are read here:
//! each syllable is parsed as initial + vowel + final, mapped to the Hangul
//! syllables it can stand for, and the most frequent one in Korean names is
//! taken. The Hangul name then goes through the Korean module's person-name
//! readings (RR, MR, DPRK practice, popular surname spellings), so no
//! romanization table is duplicated.
//!
//! Syllable values (Kontsevich 1959 table, with the traditional variants):
//!
//! Initials: ㄱ к г, ㄲ кк, ㄴ н, ㄷ т д, ㄸ тт, ㄹ р л, ㅁ м, ㅂ п б, ㅃ пп,
//! ㅅ с ш, ㅆ сс, ㅇ (none), ㅈ ч чж дж, ㅉ чч, ㅊ чх ч, ㅋ кх, ㅌ тх, ㅍ пх,
//! ㅎ х.
//!
//! Vowels: ㅏ а, ㅑ я, ㅓ о (traditionally е after ч and с: Чен, Сен),
//! ㅕ ё е, ㅗ о, ㅛ ё, ㅜ у, ㅠ ю, ㅡ ы, ㅣ и, ㅐ э, ㅔ е э, ㅖ е, ㅘ ва,
//! ㅙ вэ, ㅚ ве, ㅝ во, ㅞ ве, ㅟ ви, ㅢ ый (traditionally и: Хи).
//! Finals: ㄱ к, ㄴ н, ㅇ н нъ нг, ㄷ ㅅ т, ㄹ ль л р (Ир), ㅁ м, ㅂ п.
//!
//! Only a name whose first word is a known Korean surname, and whose other
//! words are Korean syllables (at most two given-name syllables in all), is
//! read this way: Сергей Шойгу and Владимир Путин fail at once (й, the
//! cluster вл and the unknown surnames).

use super::korean;

/// Syllables of Korean given names and surnames, most frequent first; a
/// Cyrillic syllable that can stand for several Hangul syllables (Чен: 정
/// or 전; Ын: 은 or 응) takes the first one listed here.
const FREQUENT: &str = "\
정은일성철남룡해봉주수용영여원혁호광명국현근민석준진길동학춘순희숙옥화란선혜경식삼태만복창송상훈\
환우재지연한기인규섭택권찬덕빈휘욱표열범산강금림하나미충문청력병종세형평무승효윤락애향련령월실분\
녀자단심귀웅건전천필협근권운훈흥설선옥애혜소도두원위유윤은이익임자작장재전점정제조종주준중지진\
차찬창채천철청초최춘충치택파판팔평포표필하학한함해행향허헌혁현협형호홍화환활황회효후훈휘흥희\
김이박최정강조윤장임한오서신권황안송류유전홍고문양손배백허노남심곽성차구민지엄채원방공현함변염\
여추도석설길연표명기반왕금옥육인제탁국태경봉라나마모편리림량로의";

/// Consonant clusters and letters that can start a syllable: (Cyrillic,
/// Hangul initial indices). Longest first.
const INITIALS: &[(&str, &[u32])] = &[
    ("кк", &[1]),
    ("тт", &[4]),
    ("пп", &[8]),
    ("сс", &[10]),
    ("чч", &[13]),
    ("кх", &[15]),
    ("тх", &[16]),
    ("пх", &[17]),
    ("чх", &[14]),
    ("чж", &[12]),
    ("дж", &[12]),
    ("к", &[0]),
    ("г", &[0]),
    ("н", &[2]),
    ("т", &[3]),
    ("д", &[3]),
    ("р", &[5]),
    ("л", &[5]),
    ("м", &[6]),
    ("п", &[7]),
    ("б", &[7]),
    ("с", &[9]),
    ("ш", &[9]),
    ("ч", &[12, 14]),
    ("х", &[18]),
    ("", &[11]),
];

/// Vowels: (Cyrillic, Hangul medial indices). Longest first.
const VOWELS: &[(&str, &[u32])] = &[
    ("ый", &[19]),
    ("ва", &[9]),
    ("вэ", &[10, 15]),
    ("ве", &[11, 15]),
    ("во", &[14]),
    ("ви", &[16]),
    ("а", &[0]),
    ("я", &[2]),
    ("о", &[8, 4]),
    ("ё", &[6, 12]),
    ("у", &[13]),
    ("ю", &[17]),
    ("ы", &[18]),
    ("и", &[20, 19]),
    ("э", &[1, 5]),
    ("е", &[4, 5, 6, 7]),
];

/// Finals: (Cyrillic, Hangul final indices). Longest first; "" last.
const FINALS: &[(&str, &[u32])] = &[
    ("нъ", &[21]),
    ("нг", &[21]),
    ("ль", &[8]),
    ("к", &[1]),
    ("н", &[4, 21]),
    ("т", &[19, 7]),
    ("л", &[8]),
    ("р", &[8]),
    ("м", &[16]),
    ("п", &[17]),
    ("", &[0]),
];

fn compose(l: u32, v: u32, t: u32) -> Option<char> {
    char::from_u32(0xAC00 + (l * 21 + v) * 28 + t)
}

fn rank(c: char) -> usize {
    FREQUENT.chars().position(|f| f == c).unwrap_or(usize::MAX)
}

/// The Hangul syllables one Cyrillic syllable can stand for, `filter`ed,
/// most frequent in names first.
fn best_syllable(
    ini: &[u32],
    vow: &[u32],
    fin: &[u32],
    after_palatal: bool,
    filter: &dyn Fn(char) -> bool,
) -> Option<char> {
    let mut best: Option<(usize, char)> = None;
    for &l in ini {
        for &v in vow {
            // е as ㅓ only in the traditional Чен/Сен (after ч, с, ш).
            if v == 4 && !after_palatal && vow.len() == 4 {
                continue;
            }
            for &t in fin {
                let Some(c) = compose(l, v, t) else { continue };
                if !filter(c) {
                    continue;
                }
                let r = rank(c);
                if best.is_none_or(|(br, _)| r < br) {
                    best = Some((r, c));
                }
            }
        }
    }
    best.map(|(_, c)| c)
}

/// Splits a lowercase Cyrillic word into syllables read as Hangul; at most
/// `max` syllables. Prefers fewer syllables, then more frequent ones.
fn parse_word(word: &[char], max: usize, filter: &dyn Fn(char) -> bool) -> Option<Vec<char>> {
    let mut best: Option<(usize, usize, Vec<char>)> = None;
    let mut cur = Vec::new();
    parse_from(word, 0, max, filter, 0, &mut cur, &mut best);
    best.map(|(_, _, v)| v)
}

fn starts_with(word: &[char], at: usize, pat: &str) -> bool {
    let mut rest = word.get(at..).unwrap_or(&[]).iter();
    pat.chars().all(|p| rest.next() == Some(&p))
}

#[allow(clippy::too_many_arguments)]
fn parse_from(
    word: &[char],
    at: usize,
    max: usize,
    filter: &dyn Fn(char) -> bool,
    score: usize,
    cur: &mut Vec<char>,
    best: &mut Option<(usize, usize, Vec<char>)>,
) {
    if at == word.len() {
        if !cur.is_empty()
            && best
                .as_ref()
                .is_none_or(|(n, s, _)| (cur.len(), score) < (*n, *s))
        {
            *best = Some((cur.len(), score, cur.clone()));
        }
        return;
    }
    if cur.len() >= max {
        return;
    }
    for (ic, il) in INITIALS {
        if !starts_with(word, at, ic) {
            continue;
        }
        let a = at + ic.chars().count();
        let palatal = matches!(ic.chars().last(), Some('ч' | 'ж' | 'с' | 'ш'));
        for (vc, vl) in VOWELS {
            if !starts_with(word, a, vc) {
                continue;
            }
            // "в" + vowel after no initial is ㅇ + w-vowel (Вон = 원); after
            // a consonant it is the glide too (Хван, Квон, Чхве).
            let b = a + vc.chars().count();
            for (fc, fl) in FINALS {
                if !starts_with(word, b, fc) {
                    continue;
                }
                let e = b + fc.chars().count();
                let Some(c) = best_syllable(il, vl, fl, palatal, filter) else {
                    continue;
                };
                cur.push(c);
                parse_from(
                    word,
                    e,
                    max,
                    filter,
                    score.saturating_add(rank(c).min(10_000)),
                    cur,
                    best,
                );
                cur.pop();
            }
        }
    }
}

fn lower(word: &str) -> Option<Vec<char>> {
    let mut v = Vec::with_capacity(word.len() / 2);
    for c in word.chars() {
        let l = c.to_lowercase().next().unwrap_or(c);
        if !('а'..='я').contains(&l) && l != 'ё' {
            return None;
        }
        v.push(l);
    }
    Some(v)
}

/// The Hangul reading of a Korean person name written in Cyrillic (surname
/// first), as Hangul words, or `None` when it does not look like one.
pub fn to_hangul(words: &[&str]) -> Option<Vec<String>> {
    if !(2..=4).contains(&words.len()) {
        return None;
    }
    let mut out = Vec::with_capacity(words.len());
    let first = lower(words.first()?)?;
    // A surname: one syllable (two for the double surnames) on the list.
    let sur = parse_word(&first, 2, &|c| korean::is_known_surname(&c.to_string()))
        .filter(|s| s.len() == 1)
        .or_else(|| {
            let s = parse_word(&first, 2, &|_| true)?;
            let s: String = s.into_iter().collect();
            korean::is_known_surname(&s).then(|| s.chars().collect())
        })?;
    out.push(sur.into_iter().collect::<String>());
    let mut given = 0;
    for w in words.get(1..)? {
        let w = lower(w)?;
        let syl = parse_word(&w, 2, &|_| true)?;
        given += syl.len();
        if given > 2 {
            return None;
        }
        out.push(syl.into_iter().collect());
    }
    Some(out)
}

/// Readings of a Korean person name written in Cyrillic: the Korean
/// module's person-name readings of its Hangul reading, DPRK practice first.
pub(crate) fn person_readings(words: &[&str]) -> Option<Vec<Vec<String>>> {
    let hangul = to_hangul(words)?;
    let refs: Vec<&str> = hangul.iter().map(String::as_str).collect();
    let rs = korean::person_readings(&refs)?;
    let mut out: Vec<Vec<String>> = Vec::with_capacity(rs.len());
    for pass in ["ko-kp", ""] {
        for (scheme, toks) in &rs {
            if (pass.is_empty() || *scheme == pass) && !out.contains(toks) {
                out.push(toks.clone());
            }
        }
    }
    Some(out)
}
