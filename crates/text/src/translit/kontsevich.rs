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
    // `й` + vowel for the iotated vowel, as Ukrainian and some Russian
    // writers spell it (`Кім Йо Чжон`, Ким Ё Чжон)
    ("йо", &[6, 12]),
    ("йа", &[2]),
    ("йу", &[17]),
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

/// Rank in [`FREQUENT`] of every Hangul syllable (`u16::MAX`: not listed).
fn ranks() -> &'static [u16] {
    static RANKS: std::sync::OnceLock<Vec<u16>> = std::sync::OnceLock::new();
    RANKS.get_or_init(|| {
        let mut v = vec![u16::MAX; 11172];
        for (r, c) in FREQUENT.chars().enumerate() {
            let i = (c as usize).wrapping_sub(0xAC00);
            if let Some(slot) = v.get_mut(i) {
                if *slot == u16::MAX {
                    *slot = u16::try_from(r).unwrap_or(u16::MAX - 1);
                }
            }
        }
        v
    })
}

/// Is this Hangul syllable a one-syllable surname of the Korean module?
fn is_surname_syllable(c: char) -> bool {
    static SURNAMES: std::sync::OnceLock<Vec<bool>> = std::sync::OnceLock::new();
    let table = SURNAMES.get_or_init(|| {
        (0..11172u32)
            .map(|i| {
                char::from_u32(0xAC00 + i).is_some_and(|c| {
                    let mut b = [0u8; 4];
                    korean::is_known_surname(c.encode_utf8(&mut b))
                })
            })
            .collect()
    });
    let i = (c as usize).wrapping_sub(0xAC00);
    table.get(i).copied().unwrap_or(false)
}

fn rank(c: char) -> usize {
    let i = (c as usize).wrapping_sub(0xAC00);
    ranks().get(i).map_or(usize::MAX, |&r| {
        if r == u16::MAX {
            usize::MAX
        } else {
            usize::from(r)
        }
    })
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
fn parse_word(word: &str, max: usize, filter: &dyn Fn(char) -> bool) -> Option<Vec<char>> {
    let mut best: Option<(usize, usize, Vec<char>)> = None;
    let mut cur = Vec::new();
    parse_from(word, 0, max, filter, 0, &mut cur, &mut best);
    best.map(|(_, _, v)| v)
}

fn starts_with(word: &str, at: usize, pat: &str) -> bool {
    word.as_bytes()
        .get(at..)
        .is_some_and(|w| w.starts_with(pat.as_bytes()))
}

#[allow(clippy::too_many_arguments)]
fn parse_from(
    word: &str,
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
        let a = at + ic.len();
        let palatal = matches!(ic.chars().last(), Some('ч' | 'ж' | 'с' | 'ш'));
        for (vc, vl) in VOWELS {
            if !starts_with(word, a, vc) {
                continue;
            }
            // "в" + vowel after no initial is ㅇ + w-vowel (Вон = 원); after
            // a consonant it is the glide too (Хван, Квон, Чхве).
            let b = a + vc.len();
            for (fc, fl) in FINALS {
                if !starts_with(word, b, fc) {
                    continue;
                }
                let e = b + fc.len();
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

/// The lowercase letters of a word, each `None` when no Korean syllable is
/// written with it (ц ф з щ, й except in ый or before о, а, у): most
/// Russian names stop here.
fn lower_letters(word: &str) -> impl Iterator<Item = Option<char>> + '_ {
    let mut prev = ' ';
    let mut next = word.chars().skip(1).map(super::cyr_lower);
    word.chars().map(move |c| {
        let l = super::cyr_lower(c);
        let after = next.next();
        let ok = match l {
            'ц' | 'ф' | 'з' | 'щ' => false,
            'й' => prev == 'ы' || matches!(after, Some('о' | 'а' | 'у')),
            'а'..='я' | 'ё' => true,
            _ => false,
        };
        prev = l;
        ok.then_some(l)
    })
}

fn lower(word: &str) -> Option<String> {
    lower_letters(word).collect()
}

/// The Hangul reading of a Korean person name written in Cyrillic (surname
/// first), as Hangul words, or `None` when it does not look like one.
pub fn to_hangul(words: &[&str]) -> Option<Vec<String>> {
    if !(2..=4).contains(&words.len()) {
        return None;
    }
    // Surnames are short (Ким, Чхве, Намгун): at most six letters.
    if words.first()?.chars().count() > 6
        || !words.iter().all(|w| lower_letters(w).all(|l| l.is_some()))
    {
        return None;
    }
    let mut out = Vec::with_capacity(words.len());
    let first = &lower(words.first()?)?;
    // A surname: one syllable (two for the double surnames) on the list.
    let sur = parse_word(first, 1, &is_surname_syllable).or_else(|| {
        let s = parse_word(first, 2, &|_| true)?;
        let s: String = s.into_iter().collect();
        korean::is_known_surname(&s).then(|| s.chars().collect())
    })?;
    out.push(sur.into_iter().collect::<String>());
    let mut given = 0;
    for w in words.get(1..)? {
        let syl = parse_word(&lower(w)?, 2, &|_| true)?;
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
