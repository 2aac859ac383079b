//! Word lists: titles and honorifics, name particles, legal forms, stop words.
//!
//! All entries are normalized tokens (lowercase ASCII). Legal forms written
//! in other scripts (ООО, 주식회사, 有限公司) are listed in their own script
//! and romanized with every scheme at first use, so each romanization of them
//! is recognized. Lists are hand-collected from the sanctions lists in
//! `shared/data/lists` (UN, OFAC, UK, EU) and common corporate-form tables
//! (ISO 20275 Entity Legal Forms code list, for the abbreviations).

use foldhash::{HashMap, HashSet};
use std::sync::OnceLock;

/// Titles, honorifics, ranks and generational suffixes dropped from person
/// names (`NameClass::Person`).
const TITLES: &[&str] = &[
    // Courtesy titles
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "herr",
    "frau",
    "mme",
    "mlle",
    "madame",
    "monsieur",
    "senor",
    "senora",
    "sra",
    "signor",
    "signora",
    "gospodin",
    "gospozha",
    "dott",
    "ing",
    "hon",
    "honorable",
    "honourable",
    "excellency",
    "rev",
    "reverend",
    // Religious and Islamic honorifics
    "sheikh",
    "sheik",
    "shaikh",
    "shaykh",
    "cheikh",
    "haji",
    "hajji",
    "hadji",
    "hajj",
    "alhaji",
    "alhaj",
    "mullah",
    "mulla",
    "maulana",
    "maulvi",
    "mawlawi",
    "mawlana",
    "mufti",
    "imam",
    "qari",
    "ayatollah",
    "hojatoleslam",
    "bishop",
    "archbishop",
    "patriarch",
    "metropolitan",
    // Military and police ranks
    "general",
    "gen",
    "colonel",
    "col",
    "lieutenant",
    "lt",
    "major",
    "maj",
    "captain",
    "capt",
    "admiral",
    "adm",
    "brigadier",
    "commander",
    "cmdr",
    "marshal",
    "sergeant",
    "sgt",
    "polkovnik",
    "podpolkovnik",
    "generalmayor",
    "generalleytenant",
    // Offices
    "president",
    "presidente",
    "prasident",
    "praesident",
    "predsjednik",
    "presedintele",
    "presiden",
    "prezident",
    "prezydent",
    "elnok",
    "premier",
    "chairman",
    "senator",
    "ambassador",
    "minister",
    "judge",
    "king",
    "queen",
    "prince",
    "princess",
    "emir",
    "sultan",
    // Generational suffixes
    "jr",
    "junior",
    "sr",
    "senior",
    "ii",
    "iii",
    "iv",
];

/// Titles that are also common given names or surnames: dropped only when
/// they stand first and the name keeps at least two other tokens.
const TITLES_LEADING_ONLY: &[&str] = &["emir", "sultan", "king", "prince", "major", "general"];

/// Name particles: kept as tokens (they are part of the name), exposed so
/// the matcher can weight them low.
const PARTICLES: &[&str] = &[
    // Arabic article in its assimilated spellings, and kinship words
    "al", "el", "ul", "ud", "ad", "ar", "as", "ash", "at", "az", "bin", "ibn", "bint", "ben",
    "ould", "walad", "abu", "abou", "abo", "umm", "ag", "ait", // European
    "van", "von", "der", "den", "de", "da", "das", "do", "dos", "du", "del", "della", "dello",
    "la", "le", "les", "lo", "di", "zu", "ter", "ten", "y", "e", "st", "mac", "mc",
    // Turkic patronymic words
    "oglu", "ogly", "ogli", "kyzy", "qizi", "uulu",
];

/// Legal forms of organizations, one or more tokens; entries with spaces are
/// sequences. Latin entries are matched exactly.
const LEGAL_FORMS_LATIN: &[&str] = &[
    "llc",
    "ltd",
    "limited",
    "jsc",
    "ojsc",
    "pjsc",
    "cjsc",
    "ooo",
    "oao",
    "zao",
    "pao",
    "ao",
    "co",
    "company",
    "corp",
    "corporation",
    "inc",
    "incorporated",
    "gmbh",
    "ag",
    "sa",
    "sas",
    "sarl",
    "srl",
    "spa",
    "bv",
    "nv",
    "plc",
    "llp",
    "lp",
    "fze",
    "fzco",
    "fzc",
    "fzllc",
    "dmcc",
    "pte",
    "pty",
    "pvt",
    "sdn",
    "bhd",
    "kg",
    "ohg",
    "ab",
    "as",
    "asa",
    "oy",
    "oyj",
    "aps",
    "sl",
    "sal",
    "sae",
    "spc",
    "wll",
    "est",
    "kft",
    "zrt",
    "sro",
    "doo",
    "dd",
    "ad",
    "ead",
    "eood",
    "tov",
    "pat",
    "prat",
    "ooo",
    "ip",
    "fgup",
    "gup",
    "mup",
    "ano",
    "tdv",
    "kk",
    "yk",
    "cic",
    "limited liability company",
    "limited liability partnership",
    "joint stock company",
    "public joint stock company",
    "closed joint stock company",
    "open joint stock company",
    "public limited company",
    "private limited company",
    "limited company",
    "societe anonyme",
    "sociedad anonima",
    "societatea cu raspundere limitata",
    "societe a responsabilite limitee",
    "gesellschaft mit beschrankter haftung",
    "aktiengesellschaft",
    "co ltd",
    "co llc",
    "pvt ltd",
    "pte ltd",
    "pty ltd",
    "sdn bhd",
    "fz llc",
    "fz co",
    "fz e",
    // Polish, Lithuanian, Indonesian, Turkish, Icelandic, Belgian,
    // Hungarian, Japanese, Brazilian and Portuguese forms
    "sp z o o",
    "sp zoo",
    "spzoo",
    "spolka z ograniczona odpowiedzialnoscia",
    "spolka akcyjna",
    "uab",
    "tbk",
    "sti",
    "ltd sti",
    "anonim sirketi",
    "limited sirketi",
    "ehf",
    "bvba",
    "sprl",
    "nyrt",
    "kabushiki kaisha",
    "ltda",
    "cia",
    "y cia",
    "e cia",
    "cia ltda",
];

/// Legal forms written in other scripts; romanized with every scheme at first use.
const LEGAL_FORMS_NATIVE: &[&str] = &[
    "ООО",
    "ОАО",
    "ЗАО",
    "ПАО",
    "АО",
    "НАО",
    "ТОВ",
    "ПАТ",
    "ПрАТ",
    "ФГУП",
    "ГУП",
    "МУП",
    "ИП",
    "АНО",
    "общество с ограниченной ответственностью",
    "акционерное общество",
    "публичное акционерное общество",
    "открытое акционерное общество",
    "закрытое акционерное общество",
    "непубличное акционерное общество",
    "товариство з обмеженою відповідальністю",
    "акціонерне товариство",
    "приватне акціонерне товариство",
    "публічне акціонерне товариство",
    "주식회사",
    "유한회사",
    "합자회사",
    "합명회사",
    "有限公司",
    "有限责任公司",
    "股份有限公司",
    "有限會社",
    "株式会社",
    "شركة",
    "ش م م",
    "ذ م م",
];

/// Stop words in organization names (articles, conjunctions, prepositions).
const STOPWORDS: &[&str] = &[
    "and", "the", "of", "for", "in", "on", "by", "to", "a", "an", "und", "der", "die", "das",
    "fur", "et", "le", "la", "les", "de", "du", "des", "y", "e", "el", "los", "las", "del", "i",
    "v", "na", "s", "wa", "va",
];

struct Tables {
    titles: HashSet<&'static str>,
    particles: HashSet<&'static str>,
    stopwords: HashSet<&'static str>,
    legal: HashSet<String>,
    legal_max_len: usize,
    /// Every word of a legal form.
    legal_words: HashSet<String>,
    /// Legal-form words of at least [`FUZZY_LEGAL_MIN`] letters, and each of
    /// them with one letter deleted → the word (for edit-distance-1 lookup).
    legal_fuzzy: HashMap<String, Vec<String>>,
    /// Every proper prefix of three letters or more of a legal-form word →
    /// the words it starts, in alphabetical order (a name cut inside its
    /// legal form).
    legal_prefixes: HashMap<String, Vec<String>>,
    /// Legal-form word → another legal-form word one edit away (see
    /// [`other_legal_word`]).
    legal_alternative: HashMap<String, String>,
    /// The [`crate::spelling_key`] of each legal-form word of at least
    /// [`FUZZY_LEGAL_MIN`] letters → the word (the first in alphabetical
    /// order): `dzhoint` is `joint` romanized from Russian.
    legal_spelt: HashMap<String, String>,
}

/// Legal-form words this long or longer are recognized with one typo.
const FUZZY_LEGAL_MIN: usize = 5;

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut legal: HashSet<String> = LEGAL_FORMS_LATIN.iter().map(|s| s.to_string()).collect();
        for native in LEGAL_FORMS_NATIVE {
            // (the Russian reading of a Belarusian form is the Russian form,
            // listed itself; read again it would put Belarusian spellings
            // one edit from Ukrainian ones among the legal words)
            for (scheme, toks) in crate::readings(native, crate::NameClass::Organization) {
                if !toks.is_empty() && scheme != Some(crate::BELARUSIAN_AS_RUSSIAN) {
                    legal.insert(toks.join(" "));
                }
            }
        }
        let legal_max_len = legal
            .iter()
            .map(|s| s.split(' ').count())
            .max()
            .unwrap_or(1);
        let legal_words: HashSet<String> = legal
            .iter()
            .flat_map(|s| s.split(' '))
            .map(str::to_string)
            .collect();
        let mut legal_fuzzy: HashMap<String, Vec<String>> = HashMap::default();
        for w in legal_words.iter().filter(|w| w.len() >= FUZZY_LEGAL_MIN) {
            if !w.bytes().all(|b| b.is_ascii_lowercase()) {
                continue;
            }
            let mut keys = vec![w.clone()];
            for k in 0..w.len() {
                let mut d = w.clone();
                d.remove(k);
                keys.push(d);
            }
            for k in keys {
                let e = legal_fuzzy.entry(k).or_default();
                if !e.contains(w) {
                    e.push(w.clone());
                }
            }
        }
        // one reading whatever the hash order: a typo one edit from two
        // legal words ("limitde": limited, limitee) reads as the first in
        // alphabetical order
        for ws in legal_fuzzy.values_mut() {
            ws.sort();
        }
        let mut legal_prefixes: HashMap<String, Vec<String>> = HashMap::default();
        for w in &legal_words {
            for (k, _) in w.char_indices().skip(3) {
                if let Some(p) = w.get(..k) {
                    legal_prefixes
                        .entry(p.to_string())
                        .or_default()
                        .push(w.clone());
                }
            }
        }
        for ws in legal_prefixes.values_mut() {
            ws.sort();
        }
        let mut legal_spelt: HashMap<String, String> = HashMap::default();
        let mut long: Vec<&String> = legal_words
            .iter()
            .filter(|w| w.len() >= FUZZY_LEGAL_MIN && w.bytes().all(|b| b.is_ascii_lowercase()))
            .collect();
        long.sort();
        for w in long {
            legal_spelt
                .entry(crate::spelling_key(w))
                .or_insert_with(|| w.clone());
        }
        let legal_alternative: HashMap<String, String> = legal_words
            .iter()
            .filter_map(|w| Some((w.clone(), alternative_in(&legal_fuzzy, w)?)))
            .collect();
        Tables {
            legal_alternative,
            legal_spelt,
            legal_words,
            legal_fuzzy,
            legal_prefixes,
            titles: TITLES.iter().copied().collect(),
            particles: PARTICLES.iter().copied().collect(),
            stopwords: STOPWORDS.iter().copied().collect(),
            legal,
            legal_max_len,
        }
    })
}

/// True for a title, honorific, rank or generational suffix (`mr`, `dr`,
/// `sheikh`, `haji`, `general`, `president`, `jr`).
pub fn is_title(token: &str) -> bool {
    tables().titles.contains(token)
}

/// True for a name particle (`al`, `el`, `bin`, `ibn`, `bint`, `abu`, `van`,
/// `von`, `de`, `da`, `der`, `la` …). Particles stay in the tokens; the
/// matcher may weight them low. See also [`split_particle_prefix`].
pub fn is_particle(token: &str) -> bool {
    tables().particles.contains(token)
}

/// True for an organization legal form written as one token (`llc`, `ltd`,
/// `jsc`, `gmbh`, `ooo`, and the romanizations of `ООО`, `주식회사` …).
pub fn is_legal_form(token: &str) -> bool {
    tables().legal.contains(token)
}

/// True for a word of any legal form (`joint`, `stock`, `company`,
/// `obshchestvo`, `llc`).
pub fn is_legal_word(token: &str) -> bool {
    tables().legal_words.contains(token)
}

/// True for a stop word of organization names (`and`, `the`, `of`, `und`,
/// `de`, `i` …).
pub fn is_stopword(token: &str) -> bool {
    tables().stopwords.contains(token)
}

/// Length in tokens of the legal form starting at `tokens[i]`, 0 if none.
/// Multi-token forms (`limited liability company`, `s a`, the romanizations
/// of `общество с ограниченной ответственностью` or `有限公司`) are tried
/// longest first; runs of single letters (`s a`, `j s c`) are also tried
/// joined (`sa`, `jsc`).
pub fn legal_form_len(tokens: &[String], i: usize) -> usize {
    let n = legal_form_len_spelt(tokens, i);
    if n > 0 {
        return n;
    }
    // a name cut at a field limit inside its legal form ("UMATEX JOINT-STOCK
    // COM", "... TICARET LIM"): the last word, three letters or more, read
    // as each legal-form word it starts (alphabetical order)
    let t = tables();
    let last = tokens.len().saturating_sub(1);
    // only a legal form that can reach the last word
    if last < i || last - i >= t.legal_max_len {
        return 0;
    }
    let Some(cut) = tokens.get(last).filter(|t| t.len() >= 3) else {
        return 0;
    };
    if t.legal_words.contains(cut.as_str()) {
        return 0;
    }
    let Some(words) = t.legal_prefixes.get(cut.as_str()) else {
        return 0;
    };
    let mut window: Vec<String> = tokens.get(i..).unwrap_or(&[]).to_vec();
    let end = window.len().saturating_sub(1);
    for w in words {
        if let Some(x) = window.get_mut(end) {
            x.clone_from(w);
        }
        let n = legal_form_len_spelt(&window, 0);
        if n > end {
            return n;
        }
    }
    0
}

/// Legal forms that are safe to drop from a name of unknown class: only a
/// company carries them.
pub(crate) const ANY_SAFE_LEGAL: &[&str] = &[
    "llc", "ltd", "limited", "jsc", "ojsc", "pjsc", "cjsc", "ooo", "gmbh", "plc", "inc", "corp",
    "llp", "fze", "fzco",
];

/// Length of a legal form of [`ANY_SAFE_LEGAL`] spelt in single letters
/// from `tokens[i]` (`L.L.C.`, `J.S.C.`, `P.L.C.`, as [`legal_form_len`]
/// reads such runs), 0 if none: only a whole run of letters, so that a
/// person's initials that merely start with such letters (`L. L. C. D.
/// Smith`) stay.
pub(crate) fn any_safe_letter_run(tokens: &[String], i: usize) -> usize {
    let letter = |t: &String| t.len() == 1;
    if !(tokens.get(i).is_some_and(letter) && tokens.get(i + 1).is_some_and(letter)) {
        return 0; // (most tokens: no run of letters to look up)
    }
    let n = exact_legal_form_len(tokens, i);
    let span = tokens.get(i..i + n).unwrap_or(&[]);
    // (a letter just before or after: the run is longer than the form)
    let letter_beside = i
        .checked_sub(1)
        .and_then(|p| tokens.get(p))
        .is_some_and(letter)
        || tokens.get(i + n).is_some_and(letter);
    if n >= 2
        && !letter_beside
        && span.iter().all(letter)
        && ANY_SAFE_LEGAL.contains(&span.concat().as_str())
    {
        n
    } else {
        0
    }
}

/// Single-token legal forms that only a company carries besides
/// [`ANY_SAFE_LEGAL`] (kept there as words of a name of unknown class, since
/// they may also be a name's own words). The others may be a person's
/// initials or name as well (`s a`, `ad`, `as`, `sal`, `pat`, `asa`, `est`,
/// `prat`), or an individual's own business form (`ip`, the Russian
/// individual entrepreneur).
const ORGANIZATION_ONLY: &[&str] = &[
    "oao",
    "zao",
    "pao",
    "fzc",
    "fzllc",
    "dmcc",
    "company",
    "corporation",
    "incorporated",
    "sarl",
    "eood",
    "bhd",
    "aktiengesellschaft",
];

/// Whether a single-token legal form is only a company's.
fn organization_only(form: &str) -> bool {
    ANY_SAFE_LEGAL.contains(&form) || ORGANIZATION_ONLY.contains(&form)
}

/// The legal form that shows a name of unknown class to be an
/// organization's (`llc`, `gmbh`, `limited liability company`, `aktsionernoe
/// obshchestvo`), as written in the name, or `None`. A form of several words
/// counts when one of them has four letters or more; a form of one word, or
/// of single letters (`l l c`), only when it (the word they spell) is
/// [`organization_only`]. A cut last word is not read as a
/// legal form here: `Ivan COM` is no company.
pub fn organization_legal_form(tokens: &[String]) -> Option<String> {
    let mut i = 0;
    while i < tokens.len() {
        let n = legal_form_len_spelt(tokens, i);
        if n == 0 {
            i += 1;
            continue;
        }
        let span = tokens.get(i..i + n).unwrap_or(&[]);
        let counts = match span {
            [one] => organization_only(one) || fuzzy_legal_word(one).is_some_and(organization_only),
            // a form in dotted letters (`L.L.C.`) as the word they spell
            _ if span.iter().all(|w| w.len() == 1) => organization_only(&span.concat()),
            _ => span.iter().any(|w| w.len() >= 4),
        };
        if counts {
            return Some(span.join(" "));
        }
        i += n;
    }
    None
}

/// [`legal_form_len`] without the reading of a cut last word.
fn legal_form_len_spelt(tokens: &[String], i: usize) -> usize {
    let exact = exact_legal_form_len(tokens, i);
    let t = tables();
    let Some(first) = tokens.get(i) else {
        return exact;
    };
    if !t.legal_words.contains(first.as_str()) && fuzzy_legal_word(first).is_none() {
        return exact;
    }
    // a misspelt legal form ("compnay", "l1mited", "joint sgock company"):
    // each token not a legal-form word is read as the legal-form word one
    // edit (or an OCR digit) away, if there is one
    let max = t.legal_max_len.min(tokens.len().saturating_sub(i));
    let Some(window) = tokens.get(i..i + max) else {
        return exact;
    };
    let corrected: Vec<(&str, bool)> = window
        .iter()
        .map(|tok| {
            if t.legal_words.contains(tok.as_str()) {
                (tok.as_str(), false)
            } else {
                match fuzzy_legal_word(tok) {
                    Some(w) => (w, true),
                    None => (tok.as_str(), false),
                }
            }
        })
        .collect();
    if let Some(len) = longest_legal_form(&corrected, exact, max) {
        return len;
    }
    // a legal-form word may itself be the typo of another one
    // ("aktsionerne", Ukrainian, for the Russian "aktsionernoe")
    for (p, tok) in window.iter().enumerate() {
        if !t.legal_words.contains(tok.as_str()) {
            continue;
        }
        let Some(other) = other_legal_word(tok) else {
            continue;
        };
        let mut alt = corrected.clone();
        if let Some(c) = alt.get_mut(p) {
            *c = (other, true);
        }
        if let Some(len) = longest_legal_form(&alt, exact, max) {
            return len;
        }
    }
    exact
}

/// The longest legal form (more than `exact` and at most `max` tokens) the
/// corrected tokens (word, read from a typo) spell with at least one
/// corrected word, and one word spelt right in a sequence.
fn longest_legal_form(corrected: &[(&str, bool)], exact: usize, max: usize) -> Option<usize> {
    if !corrected.iter().any(|c| c.1) {
        return None;
    }
    let t = tables();
    let mut key = String::new();
    for len in (exact + 1..=max).rev() {
        let Some(slice) = corrected.get(..len) else {
            continue;
        };
        let fuzzy = slice.iter().filter(|c| c.1).count();
        if fuzzy == 0 {
            continue;
        }
        // a sequence needs one word spelt right; a lone word must be long
        let ok = if len >= 2 {
            fuzzy < len
        } else {
            slice.first().is_some_and(|c| c.0.len() >= 7)
        };
        if !ok {
            continue;
        }
        key.clear();
        for (k, c) in slice.iter().enumerate() {
            if k > 0 {
                key.push(' ');
            }
            key.push_str(c.0);
        }
        if t.legal.contains(&key) {
            return Some(len);
        }
    }
    None
}

/// Another legal-form word one edit from a legal-form word (of at least
/// [`FUZZY_LEGAL_MIN`] letters), the first in alphabetical order (read from
/// the table built once).
fn other_legal_word(token: &str) -> Option<&'static str> {
    tables().legal_alternative.get(token).map(String::as_str)
}

/// [`other_legal_word`] computed from the one-edit table, when the tables
/// are built.
fn alternative_in(legal_fuzzy: &HashMap<String, Vec<String>>, token: &str) -> Option<String> {
    if token.len() + 1 < FUZZY_LEGAL_MIN || !token.is_ascii() {
        return None;
    }
    let mut keys = vec![token.to_string()];
    for k in 0..token.len() {
        let mut d = token.to_string();
        d.remove(k);
        keys.push(d);
    }
    keys.iter()
        .filter_map(|k| legal_fuzzy.get(k.as_str()))
        .flatten()
        .filter(|w| w.as_str() != token && osa1(token.as_bytes(), w.as_bytes()))
        .min()
        .cloned()
}

/// The legal-form word (of at least five letters) a token is a typo or an
/// OCR misreading of: one edit (insertion, deletion, substitution or
/// transposition) away, or equal once digits read as letters (`l1mited`,
/// `c0mpany`), or spelt otherwise (the same [`crate::spelling_key`]:
/// `dzhoint` for joint).
pub fn fuzzy_legal_word(token: &str) -> Option<&'static str> {
    if token.len() + 1 < FUZZY_LEGAL_MIN || !token.is_ascii() {
        return None;
    }
    // every query token is asked this (as a possible legal form): answers
    // are kept per thread
    thread_local! {
        static SEEN: std::cell::RefCell<HashMap<Box<str>, Option<&'static str>>> =
            std::cell::RefCell::new(HashMap::default());
    }
    if let Some(hit) = SEEN.with(|c| c.try_borrow().ok().and_then(|m| m.get(token).copied())) {
        return hit;
    }
    let answer = fuzzy_legal_word_uncached(token);
    SEEN.with(|c| {
        if let Ok(mut m) = c.try_borrow_mut() {
            if m.len() >= 20_000 {
                m.clear();
            }
            m.insert(token.into(), answer);
        }
    });
    answer
}

fn fuzzy_legal_word_uncached(token: &str) -> Option<&'static str> {
    let t = tables();
    if token.bytes().any(|b| b.is_ascii_digit()) {
        if !token.bytes().any(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        for one in ['i', 'l'] {
            let folded: String = token
                .chars()
                .map(|c| match c {
                    '0' => 'o',
                    '1' => one,
                    '3' => 'e',
                    '4' => 'a',
                    '5' => 's',
                    '6' => 'g',
                    '8' => 'b',
                    c => c,
                })
                .collect();
            if let Some(w) = t.legal_words.get(folded.as_str()) {
                if w.len() >= FUZZY_LEGAL_MIN {
                    return Some(w.as_str());
                }
            }
        }
        return None;
    }
    let check = |key: &str| -> Option<&'static str> {
        t.legal_fuzzy.get(key).and_then(|ws| {
            ws.iter()
                .find(|w| osa1(token.as_bytes(), w.as_bytes()))
                .map(String::as_str)
        })
    };
    if let Some(w) = check(token) {
        return Some(w);
    }
    let mut d = String::with_capacity(token.len());
    for k in 0..token.len() {
        d.clear();
        d.push_str(token.get(..k).unwrap_or(""));
        d.push_str(token.get(k + 1..).unwrap_or(""));
        if let Some(w) = check(&d) {
            return Some(w);
        }
    }
    // spelt otherwise: `dzhoint` (joint romanized from Russian), `kompani`
    t.legal_spelt
        .get(&crate::spelling_key(token))
        .map(String::as_str)
}

/// Whether two words are at most one edit apart (insertion, deletion,
/// substitution or transposition of adjacent letters).
fn osa1(a: &[u8], b: &[u8]) -> bool {
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (a.get(pre..).unwrap_or(&[]), b.get(pre..).unwrap_or(&[]));
    let suf = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (
        a.get(..a.len() - suf.min(a.len())).unwrap_or(&[]),
        b.get(..b.len() - suf.min(b.len())).unwrap_or(&[]),
    );
    match (a.len(), b.len()) {
        (0, 0) | (1, 0) | (0, 1) | (1, 1) => true,
        (2, 2) => a.first() == b.get(1) && a.get(1) == b.first(),
        _ => false,
    }
}

/// Words (not legal-form words, not single letters) put inside a legal form
/// of several words (`limited GRACIOUS liability company`, `joint
/// PRODUCTIVE stock company`, `obshchestvo s AL ISSAWI ogranichennoy
/// otvetstvennostyu`): where they start, how many (one or two), and the
/// position just past the legal form's last word. Without them, the words
/// around them read as one legal form, spelt exactly, that the name does
/// not hold with them (spelt exactly or not). The first such run only.
pub fn words_inside_legal_form(tokens: &[String]) -> Option<(usize, usize, usize)> {
    let t = tables();
    let legal = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|w| t.legal_words.contains(w.as_str()))
    };
    // (words of legal forms themselves are read as such: `limited liability
    // company company`; a letter is one of a run of initials: `s c a` is no
    // `s a` with a `c` put in)
    let word = |i: usize| tokens.get(i).is_some_and(|w| w.chars().count() >= 2);
    for k in 1..tokens.len().saturating_sub(1) {
        for gap in 1..=2 {
            if !(legal(k - 1) && legal(k + gap)) || (k..k + gap).any(|i| legal(i) || !word(i)) {
                continue;
            }
            let mut without = tokens.to_vec();
            without.drain(k..k + gap);
            for s in k.saturating_sub(t.legal_max_len)..k {
                let spanning = exact_legal_form_len(&without, s);
                // the form reaches across the gap, and the name with the
                // words in it does not read (misspelt forms too: `limited
                // lyability company`) as a form reaching as far
                if s + spanning > k && legal_form_len(tokens, s) < spanning + gap {
                    return Some((k, gap, s + spanning + gap));
                }
            }
        }
    }
    None
}

/// [`legal_form_len`] with every token spelt right.
fn exact_legal_form_len(tokens: &[String], i: usize) -> usize {
    let t = tables();
    // every legal form starts with one of its words, or is spelt in
    // one-letter tokens ("s a")
    match tokens.get(i) {
        Some(first) if first.len() == 1 || t.legal_words.contains(first.as_str()) => {}
        _ => return 0,
    }
    let max = t.legal_max_len.min(tokens.len().saturating_sub(i));
    let mut key = String::new();
    for len in (1..=max).rev() {
        let Some(slice) = tokens.get(i..i + len) else {
            continue;
        };
        key.clear();
        for (k, tok) in slice.iter().enumerate() {
            if k > 0 {
                key.push(' ');
            }
            key.push_str(tok);
        }
        if t.legal.contains(&key) {
            return len;
        }
        if len >= 2 && slice.iter().all(|s| s.len() == 1) {
            let joined: String = slice.concat();
            if t.legal.contains(&joined) {
                return len;
            }
        }
    }
    0
}

/// Whether `token` at position `i` of a person name of `len` tokens is a
/// title to drop.
pub(crate) fn drop_as_title(token: &str, i: usize, len: usize) -> bool {
    if !is_title(token) {
        return false;
    }
    if TITLES_LEADING_ONLY.contains(&token) {
        return i == 0 && len >= 3;
    }
    true
}

/// Splits a leading Arabic article glued to a word: `alqaida` →
/// `("al", "qaida")`, `elsseid` → `("el", "sseid")`. Only when the remainder
/// has at least 4 letters and starts with a consonant (`alexander`, `ali`,
/// `elena` are left alone). A heuristic for the matcher to try as an extra
/// reading; [`crate::name_forms`] does not apply it, since `albert` or
/// `alvaro` would be split too.
pub fn split_particle_prefix(token: &str) -> Option<(&str, &str)> {
    for p in ["al", "el"] {
        if let Some(rest) = token.strip_prefix(p) {
            let first = rest.bytes().next()?;
            if rest.len() >= 4 && !matches!(first, b'a' | b'e' | b'i' | b'o' | b'u' | b'y') {
                return Some((p, rest));
            }
        }
    }
    None
}

/// The kind of company a legal form makes (see [`legal_kind`]). Forms that
/// say only "a company" (`Co.`, `Corp.`, `Inc.`, `FZE`, `S.A.S.`) have none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LegalKind {
    /// A joint-stock or public company (`AG`, `S.A.`, `JSC`, `AO`, `PLC`,
    /// `A/S`, `N.V.`).
    Stock,
    /// A private limited-liability company (`GmbH`, `LLC`, `Ltd`, `OOO`,
    /// `S.A.R.L.`, `B.V.`, `Sp. z o.o.`).
    Limited,
    /// A partnership (`L.P.`, `LLP`, `KG`).
    Partnership,
    /// A non-profit organization (`ANO`).
    NonProfit,
    /// A state or municipal unitary enterprise (`FGUP`, `GUP`, `MUP`).
    StateEnterprise,
    /// A sole trader (`IP`).
    SoleTrader,
}

/// Legal forms by the kind of company they make, as the removed tokens of a
/// name spell them (runs of single letters joined: `S.A.R.L.` is `sarl`).
const LEGAL_KINDS: &[(&str, LegalKind)] = {
    use LegalKind::*;
    &[
        ("ag", Stock),
        ("aktiengesellschaft", Stock),
        ("sa", Stock),
        ("societe anonyme", Stock),
        ("sociedad anonima", Stock),
        ("spa", Stock),
        ("nv", Stock),
        ("plc", Stock),
        ("public limited company", Stock),
        ("jsc", Stock),
        ("ojsc", Stock),
        ("pjsc", Stock),
        ("cjsc", Stock),
        ("oao", Stock),
        ("zao", Stock),
        ("pao", Stock),
        ("ao", Stock),
        ("nao", Stock),
        ("joint stock company", Stock),
        ("public joint stock company", Stock),
        ("closed joint stock company", Stock),
        ("open joint stock company", Stock),
        ("ab", Stock),
        ("as", Stock),
        ("asa", Stock),
        ("oyj", Stock),
        ("kk", Stock),
        ("kabushiki kaisha", Stock),
        ("sae", Stock),
        ("spolka akcyjna", Stock),
        ("anonim sirketi", Stock),
        ("nyrt", Stock),
        ("zrt", Stock),
        ("ad", Stock),
        ("ead", Stock),
        ("pat", Stock),
        ("prat", Stock),
        ("tbk", Stock),
        ("dd", Stock),
        ("gmbh", Limited),
        ("gesellschaft mit beschrankter haftung", Limited),
        ("llc", Limited),
        ("ooo", Limited),
        ("sarl", Limited),
        ("srl", Limited),
        ("bv", Limited),
        ("bvba", Limited),
        ("sprl", Limited),
        ("sp z o o", Limited),
        ("sp zoo", Limited),
        ("spzoo", Limited),
        ("spolka z ograniczona odpowiedzialnoscia", Limited),
        ("sro", Limited),
        ("doo", Limited),
        ("eood", Limited),
        ("tov", Limited),
        ("kft", Limited),
        ("ltda", Limited),
        ("uab", Limited),
        ("aps", Limited),
        ("oy", Limited),
        ("sl", Limited),
        ("ehf", Limited),
        ("yk", Limited),
        ("fzllc", Limited),
        ("fz llc", Limited),
        ("limited liability company", Limited),
        ("societatea cu raspundere limitata", Limited),
        ("societe a responsabilite limitee", Limited),
        ("limited sirketi", Limited),
        ("ltd sti", Limited),
        ("sti", Limited),
        ("wll", Limited),
        ("ltd", Limited),
        ("limited", Limited),
        ("limited company", Limited),
        ("private limited company", Limited),
        ("lp", Partnership),
        ("llp", Partnership),
        ("limited partnership", Partnership),
        ("limited liability partnership", Partnership),
        ("kg", Partnership),
        ("ohg", Partnership),
        ("ano", NonProfit),
        ("fgup", StateEnterprise),
        ("gup", StateEnterprise),
        ("mup", StateEnterprise),
        ("ip", SoleTrader),
    ]
};

/// [`LEGAL_KINDS`] with each form's words, the longest form first (built
/// once: [`legal_kind`] runs for every query form).
fn legal_kinds_longest_first() -> &'static [(&'static str, Vec<&'static str>, LegalKind)] {
    static T: OnceLock<Vec<(&'static str, Vec<&'static str>, LegalKind)>> = OnceLock::new();
    T.get_or_init(|| {
        let mut forms: Vec<_> = LEGAL_KINDS
            .iter()
            .map(|&(f, k)| (f, f.split(' ').collect(), k))
            .collect();
        forms.sort_by_key(|(f, _, _)| std::cmp::Reverse(f.len()));
        forms
    })
}

/// The one kind of company the legal forms among a name's removed tokens
/// make (see [`crate::NameForm::removed`]), if they make exactly one: `GmbH`
/// and `AG`, `ANO` and `LLC` are different companies of one brand. The
/// longest form is read first (`public limited company` is not `limited
/// company`); a form romanized from Cyrillic is known by its words
/// (`aktsionernoye obshchestvo` makes a joint-stock company, `obshchestvo
/// s ogranichennoy otvetstvennostyu` a limited one). Titles and particles
/// among the removed tokens are passed over.
pub fn legal_kind(removed: &[String]) -> Option<LegalKind> {
    // runs of single letters joined (`s a r l` → `sarl`), but not inside
    // a form of several words that has them (`sp z o o`)
    let mut words: Vec<String> = Vec::new();
    let mut run = String::new();
    for t in removed {
        if t.len() == 1 {
            run.push_str(t);
            continue;
        }
        if !run.is_empty() {
            words.push(std::mem::take(&mut run));
        }
        words.push(t.clone());
    }
    if !run.is_empty() {
        words.push(run);
    }
    // a misspelt word of a form read as the word it stands for (`limited
    // liability partnarship` is a partnership, not a limited company)
    let t = tables();
    for w in words.iter_mut() {
        if !t.legal_words.contains(w.as_str()) {
            if let Some(right) = fuzzy_legal_word(w) {
                *w = right.to_string();
            }
        }
    }
    let spelt = removed.join(" ");
    let mut found: Option<LegalKind> = None;
    let mut note = |k: LegalKind| -> bool {
        match found {
            Some(f) if f != k => false,
            _ => {
                found = Some(k);
                true
            }
        }
    };
    // Cyrillic forms by their words
    for w in &words {
        let kind = if w.starts_with("aktsion") || w.starts_with("akcion") {
            Some(LegalKind::Stock)
        } else if w.starts_with("ogranichenn") || w.starts_with("obmezh") {
            Some(LegalKind::Limited)
        } else {
            None
        };
        if let Some(k) = kind {
            if !note(k) {
                return None;
            }
        }
    }
    // the longest forms first, each word taken once
    let mut taken = vec![false; words.len()];
    for (form, parts, kind) in legal_kinds_longest_first() {
        let n = parts.len();
        let mut i = 0;
        while i + n <= words.len() {
            if !taken[i..i + n].iter().any(|&t| t)
                && words[i..i + n]
                    .iter()
                    .zip(parts.iter())
                    .all(|(w, p)| w == p)
            {
                taken[i..i + n].iter_mut().for_each(|t| *t = true);
                if !note(*kind) {
                    return None;
                }
                i += n;
            } else {
                i += 1;
            }
        }
        // a form whose own single letters were joined above (`sp z o o`)
        if n > 1 && parts.iter().any(|p| p.len() == 1) && spelt.contains(form) && !note(*kind) {
            return None;
        }
    }
    found
}

#[cfg(test)]
mod legal_kind_tests {
    use super::{legal_kind, LegalKind};

    fn kind(removed: &[&str]) -> Option<LegalKind> {
        legal_kind(&removed.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn legal_forms_are_read_as_their_kind_of_company() {
        use LegalKind::*;
        assert_eq!(kind(&["ag"]), Some(Stock));
        assert_eq!(kind(&["gmbh"]), Some(Limited));
        assert_eq!(kind(&["ano"]), Some(NonProfit));
        assert_eq!(kind(&["limited", "liability", "company"]), Some(Limited));
        assert_eq!(
            kind(&["limited", "liability", "partnership"]),
            Some(Partnership)
        );
        assert_eq!(kind(&["public", "limited", "company"]), Some(Stock));
        assert_eq!(kind(&["s", "a", "r", "l"]), Some(Limited));
        assert_eq!(kind(&["s", "a"]), Some(Stock));
        assert_eq!(kind(&["a", "s"]), Some(Stock));
        assert_eq!(kind(&["sp", "z", "o", "o"]), Some(Limited));
        assert_eq!(kind(&["co", "ltd"]), Some(Limited));
        // misspelt, as the form it stands for
        assert_eq!(
            kind(&["limited", "liability", "partnarship"]),
            Some(Partnership)
        );
        assert_eq!(kind(&["limited", "lyability", "compnay"]), Some(Limited));
        assert_eq!(kind(&["aktsionernoye", "obshchestvo"]), Some(Stock));
        assert_eq!(kind(&["akcionernoe", "obsestvo"]), Some(Stock));
        assert_eq!(
            kind(&["obshchestvo", "s", "ogranichennoy", "otvetstvennostyu"]),
            Some(Limited)
        );
        // a company, no more
        assert_eq!(kind(&["inc"]), None);
        assert_eq!(kind(&["corporation"]), None);
        assert_eq!(kind(&["s", "a", "s"]), None);
        assert_eq!(kind(&[]), None);
        // two kinds: none
        assert_eq!(kind(&["gmbh", "ag"]), None);
    }
}
