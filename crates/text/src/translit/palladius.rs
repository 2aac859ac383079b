//! Chinese names written in Cyrillic (the Palladius system), read back to
//! Hanyu Pinyin: Си Цзиньпин → `xi jinping`, Ли Кэцян → `li keqiang`.
//!
//! A syllable is an optional initial and a final. Initials: б b, п p, м m,
//! ф f, д d, т t, н n, л l, г g, к k, х h, цз z (j before i/ü), ц c (q),
//! с s (x), чж zh, ч ch, ш sh, ж r. Finals: а a, ай ai, ань an, ан ang,
//! ао ao, э e, эй ei, энь en, эн eng, эр er, о o/uo, оу ou, ун ong, и i,
//! я ia, янь ian, ян iang, яо iao, е ie, инь in, ин ing, юн iong, ю iu,
//! у u, уа ua, уай uai, уань uan, уан uang, уй ui, унь un, юй ü, юань üan,
//! юэ üe, юнь ün, ы i (after sibilants); without an initial и yi, у wu,
//! я ya, е ye, ю you, юй yu, ва wa, вэй wei, вэнь wen … (pinyin spelling).
//! ü is written `u` (ASCII practice: Lü → `lu`).
//!
//! Only a name of two or three words whose first word is a common Chinese
//! surname and whose given name has at most two syllables is read this
//! way; each Cyrillic word gives one pinyin word.

/// Initials: (Cyrillic, pinyin, pinyin before i/ü). Longest first.
const INITIALS: &[(&str, &str, &str)] = &[
    ("чж", "zh", "zh"),
    ("цз", "z", "j"),
    ("б", "b", "b"),
    ("п", "p", "p"),
    ("м", "m", "m"),
    ("ф", "f", "f"),
    ("д", "d", "d"),
    ("т", "t", "t"),
    ("н", "n", "n"),
    ("л", "l", "l"),
    ("г", "g", "g"),
    ("к", "k", "k"),
    ("х", "h", "h"),
    ("ц", "c", "q"),
    ("с", "s", "x"),
    ("ч", "ch", "ch"),
    ("ш", "sh", "sh"),
    ("ж", "r", "r"),
];

/// Finals after an initial: (Cyrillic, pinyin). Longest first.
const FINALS: &[(&str, &str)] = &[
    ("юань", "uan"),
    ("уань", "uan"),
    ("уай", "uai"),
    ("уан", "uang"),
    ("ань", "an"),
    ("энь", "en"),
    ("инь", "in"),
    ("янь", "ian"),
    ("унь", "un"),
    ("юнь", "un"),
    ("ай", "ai"),
    ("ан", "ang"),
    ("ао", "ao"),
    ("эй", "ei"),
    ("эн", "eng"),
    ("эр", "er"),
    ("оу", "ou"),
    ("ун", "ong"),
    ("ян", "iang"),
    ("яо", "iao"),
    ("ин", "ing"),
    ("юн", "iong"),
    ("уа", "ua"),
    ("уй", "ui"),
    ("юй", "u"),
    ("юэ", "ue"),
    ("а", "a"),
    ("э", "e"),
    ("о", "o"),
    ("и", "i"),
    ("я", "ia"),
    ("е", "ie"),
    ("ю", "iu"),
    ("у", "u"),
    ("ы", "i"),
];

/// Syllables without an initial: (Cyrillic, pinyin). Longest first.
const ZERO: &[(&str, &str)] = &[
    ("юань", "yuan"),
    ("вань", "wan"),
    ("вэнь", "wen"),
    ("ань", "an"),
    ("энь", "en"),
    ("инь", "yin"),
    ("янь", "yan"),
    ("юнь", "yun"),
    ("вай", "wai"),
    ("ван", "wang"),
    ("вэй", "wei"),
    ("вэн", "weng"),
    ("ай", "ai"),
    ("ан", "ang"),
    ("ао", "ao"),
    ("эй", "ei"),
    ("эн", "eng"),
    ("эр", "er"),
    ("оу", "ou"),
    ("ян", "yang"),
    ("яо", "yao"),
    ("ин", "ying"),
    ("юн", "yong"),
    ("юй", "yu"),
    ("юэ", "yue"),
    ("ва", "wa"),
    ("во", "wo"),
    ("а", "a"),
    ("э", "e"),
    ("о", "o"),
    ("и", "yi"),
    ("я", "ya"),
    ("е", "ye"),
    ("ю", "you"),
    ("у", "wu"),
];

/// Common Chinese surnames in pinyin (ASCII, ü as u).
const SURNAMES: &[&str] = &[
    "li", "wang", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma",
    "zhu", "hu", "guo", "he", "gao", "lin", "luo", "zheng", "liang", "xie", "song", "tang", "han",
    "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang",
    "yu", "du", "ye", "cheng", "wei", "su", "lu", "ding", "ren", "yao", "shen", "cui", "zhong",
    "tan", "fan", "jin", "shi", "liao", "jia", "xia", "fu", "fang", "bai", "zou", "meng", "xiong",
    "qin", "qiu", "yin", "xue", "yan", "duan", "lei", "hou", "long", "tao", "gu", "mao", "hao",
    "gong", "shao", "wan", "qian", "dai", "mo", "kong", "xiang", "xi", "wen", "kang", "bo", "qi",
    "shang", "an", "niu", "geng", "guan", "lou", "zhai", "mu", "bi", "hong", "chang", "ge", "lai",
    "qiao", "yue", "zhan", "ji", "ou", "tong", "bao", "zuo", "miao", "chai", "chu", "ning",
];

fn starts_with(word: &str, at: usize, pat: &str) -> bool {
    word.as_bytes()
        .get(at..)
        .is_some_and(|w| w.starts_with(pat.as_bytes()))
}

/// Does this pinyin final make a sibilant initial palatal (j q x)?
fn palatal(fin_cyr: &str) -> bool {
    matches!(fin_cyr.chars().next(), Some('и' | 'я' | 'е' | 'ю'))
}

/// Parses a lowercase Cyrillic word into pinyin syllables (at most `max`),
/// preferring fewer syllables.
fn parse(word: &str, at: usize, max: usize, cur: &mut Vec<String>) -> bool {
    if at == word.len() {
        return !cur.is_empty();
    }
    if cur.len() >= max {
        return false;
    }
    // Initial + final.
    for (ic, plain, pal) in INITIALS {
        if !starts_with(word, at, ic) {
            continue;
        }
        let a = at + ic.len();
        for (fc, fp) in FINALS {
            if !starts_with(word, a, fc) {
                continue;
            }
            let sibilant = matches!(*ic, "цз" | "ц" | "с" | "чж" | "ч" | "ш" | "ж");
            // ы only after sibilants (цзы zi, чжи zhi: not j q x).
            if *fc == "ы" && !sibilant {
                continue;
            }
            let mut s = String::with_capacity(6);
            if palatal(fc) {
                s.push_str(pal);
            } else {
                s.push_str(plain);
            }
            // о after b p m f is o, otherwise uo (бо bo, го guo).
            if *fc == "о" && !matches!(*ic, "б" | "п" | "м" | "ф") {
                s.push_str("uo");
            } else {
                s.push_str(fp);
            }
            cur.push(s);
            if parse(word, a + fc.len(), max, cur) {
                return true;
            }
            cur.pop();
        }
    }
    // A syllable without an initial.
    for (zc, zp) in ZERO {
        if !starts_with(word, at, zc) {
            continue;
        }
        cur.push((*zp).to_string());
        if parse(word, at + zc.len(), max, cur) {
            return true;
        }
        cur.pop();
    }
    false
}

/// The lowercase letters of a word, each `None` when pinyin is never
/// written with it (щ ё ъ), or only in цз, эр and ай/эй/уй/юй: most
/// Russian names stop here.
fn lower_letters(word: &str) -> impl Iterator<Item = Option<char>> + '_ {
    let mut prev = ' ';
    word.chars().map(move |c| {
        let l = super::cyr_lower(c);
        let ok = match l {
            'щ' | 'ё' | 'ъ' => false,
            'з' => prev == 'ц',
            'р' => prev == 'э',
            'й' => matches!(prev, 'а' | 'э' | 'у' | 'ю'),
            'а'..='я' => true,
            _ => false,
        };
        prev = l;
        ok.then_some(l)
    })
}

fn lower(word: &str) -> Option<String> {
    lower_letters(word).collect()
}

/// The pinyin reading of a Chinese person name written in Cyrillic
/// (surname first), one pinyin word per Cyrillic word, or `None` when it
/// does not look like one.
pub fn person_reading(words: &[&str]) -> Option<Vec<String>> {
    if !(2..=3).contains(&words.len()) {
        return None;
    }
    if !words.iter().all(|w| lower_letters(w).all(|l| l.is_some())) {
        return None;
    }
    let mut out = Vec::with_capacity(words.len());
    let mut given = 0usize;
    for (k, w) in words.iter().enumerate() {
        let w = lower(w)?;
        let mut syl = Vec::new();
        let max = if k == 0 { 1 } else { 2 };
        if !parse(&w, 0, max, &mut syl) {
            return None;
        }
        if k == 0 {
            if !syl.first().is_some_and(|s| SURNAMES.contains(&s.as_str())) {
                return None;
            }
        } else {
            given += syl.len();
            if given > 2 {
                return None;
            }
        }
        out.push(syl.concat());
    }
    Some(out)
}
