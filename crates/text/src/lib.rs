//! Name text handling: how Interdict makes the variants of a name meet.
//!
//! This crate knows nothing of lists or scores. It turns a name as written
//! (any script, any punctuation, hostile invisible characters) into Latin
//! tokens that compare equal when the names are the same, and gives phonetic
//! keys that unify romanization variants.
//!
//! # Pipeline
//!
//! 1. **Cleaning** (module `normalize`): invisible and
//!    format characters removed (not turned into spaces), NFKC, apostrophes
//!    removed without splitting, every other non-letter/non-digit splits.
//! 2. **Confusables** ([`confusable_to_latin`]): a word mixing Latin with
//!    Cyrillic or Greek look-alikes is mapped to one script (`ROMASHKІN` with
//!    a Cyrillic `І` → `romashkin`); a word fully in Cyrillic is
//!    transliterated, not look-alike mapped. In a name that also has Latin
//!    words, a Cyrillic/Greek word made only of look-alikes is mapped to Latin.
//! 3. **Folding and transliteration**: Latin diacritics stripped (Müller →
//!    `muller`), plus a `latin-spelled` reading when a name has letters whose
//!    diacritic is usually spelled out (Müller → `mueller`, Šojgu → `shojgu`,
//!    and for a name with Slavic carons also with `j` as `y`: `shoygu`);
//!    Cyrillic, Hangul, Arabic, Greek and Han each with one reading per
//!    romanization scheme; other scripts through the `any_ascii` tables.
//! 4. **Class rules**: person titles and organization legal forms go to
//!    [`NameForm::removed`]. Particles (al, bin, van, de …) stay: see
//!    [`is_particle`].
//!
//! Scheme names in [`NameForm::scheme`]: `latin-spelled`; `ru-bgn`,
//! `ru-passport`, `ru-iso9`, `uk-national`, `be-bgn`, `be-ru` (a Belarusian
//! name in its Russian form); `ko-rr`, `ko-mr`,
//! `ko-kp`, `ko-popular`, `ko-loan`, `ko-kontsevich` (a Korean name written
//! in Cyrillic, read back to Hangul and romanized); `ar`, `ar-common`; `he`; `el`, `el-phonetic`;
//! `zh-pinyin`, `zh-palladius` (a Chinese name written in Cyrillic, read
//! back to pinyin); `zh-wade-giles` (a Latin person name in Wade-Giles,
//! read as Pinyin); `zh-trade` (a Chinese company's name with its trade
//! words in English and the rest in pinyin: [`chinese_trade_forms`],
//! `chinese_trade.rs`); `ru-trade` (a Russian organization's name in
//! Cyrillic with its trade words in English and the rest transliterated:
//! [`russian_trade_forms`],
//! `russian_trade.rs`); `hu-spelled`, `nl-spelled`, `de-spelled`, `fr-spelled`
//! (a query in Hungarian, Dutch, German or French spelling, read as
//! English spells it: [`spelled_forms`], `orthography.rs`); `korean-keyed` (a Korean name
//! in Latin letters with its romanization variants read one way:
//! `korean_latin.rs`); `confusable` (a Cyrillic or Greek name made only of Latin
//! look-alikes, read as Latin); `any-ascii`; `display-order` (a name
//! stored backwards under a right-to-left override, read as shown).
//!
//! # Umlauts
//!
//! `ü/ue`, `ö/oe`, `ä/ae`, `ø/oe`, `ß/ss`, `æ/ae`: the base reading strips the
//! diacritic (`muller`), the `latin-spelled` reading spells it (`mueller`),
//! and [`phonetic_key`] drops inner vowels, so `muller`, `mueller` and
//! `müller` share a key whichever reading the other side has.
#![deny(missing_docs)]

mod abbreviations;
mod chinese_trade;
mod confusables;
mod given_names;
mod hanja_korean;
mod korean_latin;
mod nicknames;
mod normalize;
mod numbers;
mod orthography;
mod phonetic;
mod russian_trade;
mod stopwords;
pub mod translit;
mod wadegiles;

pub use confusables::{confusable_to_latin, latin_to_cyrillic};
pub use given_names::is_given_name;
pub use nicknames::{is_nickname, nickname_groups, nickname_variants};
pub use normalize::{fold_latin_char, is_apostrophe, is_invisible};
pub use phonetic::{
    may_be_misread, ocr_variants, phonetic_key, same_consonants, same_spelling, spelling_key,
    ConsonantKey, SpellingProbe,
};
pub use stopwords::{
    fuzzy_legal_word, is_legal_form, is_legal_word, is_particle, is_stopword, is_title,
    legal_form_len, legal_kind, organization_legal_form, split_particle_prefix, LegalKind,
};

use normalize::{RawToken, Script};
use stopwords::ANY_SAFE_LEGAL;
use translit::cyrillic::CyrScheme;
use translit::korean::KoScheme;

/// What kind of name is being read; organization names lose legal forms
/// (LLC, JSC, 주식회사), person names lose titles and honorifics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameClass {
    /// A person's name.
    Person,
    /// A company, organization, vessel or aircraft name.
    Organization,
    /// Unknown: apply only the rules safe for both.
    Any,
}

/// One reading of a name as comparable Latin tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameForm {
    /// Normalized lowercase ASCII tokens in the original order.
    pub tokens: Vec<String>,
    /// The transliteration scheme that produced this form, `None` when the
    /// name was already Latin.
    pub scheme: Option<&'static str>,
    /// Tokens dropped as titles, particles or legal forms, for explanations.
    pub removed: Vec<String>,
}

/// How one reading converts every script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Reading {
    name: Option<&'static str>,
    spelled: bool,
    cyr: CyrScheme,
    ko: KoScheme,
    ar_common: bool,
    el_phonetic: bool,
}

const BASE: Reading = Reading {
    name: None,
    spelled: false,
    cyr: CyrScheme::Bgn,
    ko: KoScheme::Rr,
    ar_common: false,
    el_phonetic: false,
};

fn reading_list(scripts: u8, raw: &[RawToken]) -> Vec<Reading> {
    let mut v = Vec::with_capacity(4);
    let has = |s: Script| scripts & s.bit() != 0;
    let primary = if has(Script::Cyrillic) {
        Some("ru-bgn")
    } else if has(Script::Hangul) {
        Some("ko-rr")
    } else if has(Script::Arabic) {
        Some("ar")
    } else if has(Script::Hebrew) {
        Some("he")
    } else if has(Script::Greek) {
        Some("el")
    } else if has(Script::Han) {
        Some("zh-pinyin")
    } else if has(Script::Other) {
        Some("any-ascii")
    } else {
        None
    };
    v.push(Reading {
        name: primary,
        ..BASE
    });
    if has(Script::Latin) && raw.iter().any(|t| !t.text.is_ascii()) {
        v.push(Reading {
            name: Some("latin-spelled"),
            spelled: true,
            ..BASE
        });
    }
    if has(Script::Cyrillic) {
        let text = |f: &dyn Fn(char) -> bool| raw.iter().any(|t| t.text.chars().any(f));
        if text(&|c| matches!(c, 'ў' | 'Ў')) {
            v.insert(
                0,
                Reading {
                    name: Some("be-bgn"),
                    cyr: CyrScheme::Belarusian,
                    ..BASE
                },
            );
        } else if text(&is_ukrainian_letter) || raw.iter().any(|t| looks_ukrainian(&t.text)) {
            v.insert(
                0,
                Reading {
                    name: Some("uk-national"),
                    cyr: CyrScheme::Ukrainian,
                    ..BASE
                },
            );
        }
        // a Belarusian name (`і` with `ы`, `э`, `ў`, or `дз`, `ц` before a
        // soft vowel) is also read in its Russian form
        let belarusian = raw.iter().any(|t| looks_belarusian(&t.text));
        if belarusian {
            v.push(Reading {
                name: Some(BELARUSIAN_AS_RUSSIAN),
                cyr: CyrScheme::BelarusianAsRussian,
                ..BASE
            });
        }
        v.push(Reading {
            name: Some("ru-passport"),
            cyr: CyrScheme::Passport,
            ..BASE
        });
        v.push(Reading {
            name: Some("ru-iso9"),
            cyr: CyrScheme::Iso9,
            ..BASE
        });
        // a foreign name in Russian spelling (Хаджи Ахмад Джан): read back
        // the English way, when it has the letters that differ
        if text(&|c| matches!(c, 'х' | 'Х' | 'ж' | 'Ж')) {
            v.push(Reading {
                name: Some("ru-foreign"),
                cyr: CyrScheme::Foreign,
                ..BASE
            });
        }
    }
    if has(Script::Hangul) {
        for (name, ko) in [
            ("ko-mr", KoScheme::Mr),
            ("ko-kp", KoScheme::Kp),
            ("ko-loan", KoScheme::Loan),
        ] {
            v.push(Reading {
                name: Some(name),
                ko,
                ..BASE
            });
        }
    }
    if has(Script::Arabic) {
        v.push(Reading {
            name: Some("ar-common"),
            ar_common: true,
            ..BASE
        });
    }
    if has(Script::Greek) {
        v.push(Reading {
            name: Some("el-phonetic"),
            el_phonetic: true,
            ..BASE
        });
    }
    v
}

/// A letter of the Ukrainian alphabet that the Russian one lacks (`і` is
/// Belarusian too).
fn is_ukrainian_letter(c: char) -> bool {
    matches!(c, 'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ')
}

/// Whether a Cyrillic name has letters only Ukrainian writes (a name with
/// `ў`, `ы`, `э`, `ё` or `ъ` is not read as Ukrainian).
fn ukrainian_letters(raw: &[RawToken]) -> bool {
    let any = |f: &dyn Fn(char) -> bool| raw.iter().any(|t| t.text.chars().any(f));
    any(&is_ukrainian_letter)
        && !any(&|c| matches!(c, 'ў' | 'ы' | 'э' | 'ё' | 'ъ' | 'Ў' | 'Ы' | 'Э' | 'Ё' | 'Ъ'))
}

/// Ukrainian surname endings written without a Ukrainian-only letter
/// (Зеленський, Шевченко).
fn looks_ukrainian(word: &str) -> bool {
    [
        "ський",
        "цький",
        "енко",
        "чук",
        "СЬКИЙ",
        "ЦЬКИЙ",
        "ЕНКО",
        "ЧУК",
    ]
    .iter()
    .any(|e| word.ends_with(e))
}

/// Whether a Cyrillic word is spelt the Belarusian way: `ў`; `э` after a
/// consonant (`Лукашэнка`; Russian writes `е` there); or `і` with `ы`, `э`,
/// or `дз` or `ц` before a soft vowel (`Уладзімір`, `Пуцін`; Ukrainian
/// writes `Володимир`, `Путін`).
fn looks_belarusian(word: &str) -> bool {
    let lower: Vec<char> = word.chars().flat_map(char::to_lowercase).collect();
    let vowel = |c: &char| "аеёіиоуыэюяь'’".contains(*c);
    if lower.contains(&'ў') || lower.windows(2).any(|w| w[1] == 'э' && !vowel(&w[0])) {
        return true;
    }
    if !lower.contains(&'і') {
        return false;
    }
    let soft = |c: Option<&char>| c.is_some_and(|c| matches!(c, 'і' | 'е' | 'ё' | 'ю' | 'я' | 'ь'));
    lower.iter().any(|c| matches!(c, 'ы' | 'э'))
        || lower.windows(2).enumerate().any(|(i, w)| {
            (w == ['д', 'з'] && soft(lower.get(i + 2))) || (w[0] == 'ц' && soft(lower.get(i + 1)))
        })
}

fn is_slavic_caron(c: char) -> bool {
    matches!(c, 'š' | 'ž' | 'č' | 'ř' | 'ě' | 'Š' | 'Ž' | 'Č' | 'Ř' | 'Ě')
}

/// `j` not after a consonant written `y` (jevgenij → yevgeniy, shojgu →
/// shoygu); `lj`, `nj`, `dj` stay.
fn j_as_y(toks: &[String]) -> Vec<String> {
    toks.iter()
        .map(|t| {
            let mut prev: Option<char> = None;
            t.chars()
                .map(|c| {
                    let after_consonant =
                        prev.is_some_and(|p| p.is_ascii_alphabetic() && !"aeiouy".contains(p));
                    prev = Some(c);
                    if c == 'j' && !after_consonant {
                        'y'
                    } else {
                        c
                    }
                })
                .collect()
        })
        .collect()
}

/// Converts one cleaned word under a reading, pushing one or more tokens.
fn convert_word(tok: &RawToken, r: &Reading, out: &mut Vec<String>) {
    if tok.text.is_ascii() {
        out.push(tok.text.to_ascii_lowercase());
        return;
    }
    let mut cur = String::with_capacity(tok.text.len());
    let mut run = String::new();
    let mut run_script: Option<Script> = None;
    let flush_run =
        |run: &mut String, script: Option<Script>, cur: &mut String, out: &mut Vec<String>| {
            if run.is_empty() {
                return;
            }
            match script {
                Some(Script::Cyrillic) => translit::cyrillic::romanize_word(run, r.cyr, cur),
                Some(Script::Hangul) => translit::korean::romanize_word(run, r.ko, cur),
                Some(Script::Greek) => translit::greek::romanize_word(run, r.el_phonetic, cur),
                Some(Script::Hebrew) => translit::hebrew::romanize_word(run, cur),
                Some(Script::Arabic) => {
                    let mut parts = Vec::new();
                    translit::arabic::romanize_word(run, r.ar_common, &mut parts);
                    let last = parts.pop();
                    for p in parts {
                        if !cur.is_empty() {
                            out.push(std::mem::take(cur));
                        }
                        out.push(p);
                    }
                    if let Some(l) = last {
                        cur.push_str(&l);
                    }
                }
                Some(Script::Han) => {
                    // One token per syllable (per character).
                    for c in run.chars() {
                        if !cur.is_empty() {
                            out.push(std::mem::take(cur));
                        }
                        for b in any_ascii::any_ascii_char(c).chars() {
                            if b.is_ascii_alphanumeric() {
                                cur.push(b.to_ascii_lowercase());
                            }
                        }
                    }
                    if !cur.is_empty() {
                        out.push(std::mem::take(cur));
                    }
                }
                _ => {
                    for b in any_ascii::any_ascii(run).chars() {
                        if b.is_ascii_alphanumeric() {
                            cur.push(b.to_ascii_lowercase());
                        }
                    }
                }
            }
            run.clear();
        };
    for c in tok.text.chars() {
        let s = normalize::script_of(c);
        match s {
            Some(Script::Latin) => {
                flush_run(&mut run, run_script, &mut cur, out);
                normalize::fold_latin_char(c, r.spelled, &mut cur);
            }
            None => {
                if normalize::is_mark(c) {
                    // Marks belong to the run they follow (Indic vowel signs,
                    // Arabic harakat); after Latin letters they are dropped.
                    if !run.is_empty() {
                        run.push(c);
                    }
                } else {
                    flush_run(&mut run, run_script, &mut cur, out);
                    normalize::push_digit(c, &mut cur);
                }
            }
            Some(sc) => {
                if run_script != Some(sc) {
                    flush_run(&mut run, run_script, &mut cur, out);
                    run_script = Some(sc);
                }
                run.push(c);
            }
        }
    }
    flush_run(&mut run, run_script, &mut cur, out);
    if !cur.is_empty() {
        out.push(cur);
    }
}

/// Cleaned words with confusables resolved, and the words as written when that read a word wholly in
/// Cyrillic or Greek look-alikes as Latin only because other words of the
/// name are Latin, while another word of the name is still in that script:
/// such a name is written in that script with a Latin word put in
/// (`арас фараянде Fadhil` is `ARAS FARAYANDE`, not a disguised `apac`).
fn prepared_both(name: &str) -> (Vec<RawToken>, Option<Vec<RawToken>>) {
    let mut raw = normalize::segment(name);
    let latin_context = raw
        .iter()
        .any(|t| t.scripts == Script::Latin.bit() && t.text.chars().any(|c| c.is_alphabetic()));
    let foreign = Script::Cyrillic.bit() | Script::Greek.bit();
    let mut written: Vec<(usize, String)> = Vec::new();
    for (i, t) in raw.iter_mut().enumerate() {
        if t.scripts & foreign != 0 {
            if let Some(m) = confusables::unmix(&t.text, latin_context) {
                if t.scripts & Script::Latin.bit() == 0 {
                    written.push((i, std::mem::replace(&mut t.text, m)));
                } else {
                    t.text = m;
                }
                t.recompute_scripts();
            }
        }
    }
    let still_foreign = raw.iter().any(|t| t.scripts & foreign != 0);
    let as_written = (still_foreign && !written.is_empty()).then(|| {
        let mut w = raw.clone();
        for (i, text) in written {
            if let Some(t) = w.get_mut(i) {
                t.text = text;
                t.recompute_scripts();
            }
        }
        w
    });
    (raw, as_written)
}

/// All readings of a name before class rules: (scheme, tokens), deduplicated.
pub(crate) fn readings(name: &str, class: NameClass) -> Vec<(Option<&'static str>, Vec<String>)> {
    let (raw, as_written) = prepared_both(name);
    let Some(written) = as_written else {
        return readings_of(raw, class);
    };
    // the words read in their own script first; the look-alikes read as
    // Latin stay as one more reading
    let mut out = readings_of(written, class);
    let toks = first_reading(&raw);
    if !out.iter().any(|(_, t)| *t == toks) {
        out.push((Some("confusable"), toks));
    }
    out
}

/// Prepared words under their script's first reading only (what
/// [`tokens`] gives, without the other schemes [`readings_of`] reads).
fn first_reading(raw: &[RawToken]) -> Vec<String> {
    let scripts = raw.iter().fold(0u8, |a, t| a | t.scripts);
    let r = reading_list(scripts, raw)
        .into_iter()
        .next()
        .unwrap_or(BASE);
    let mut toks = Vec::with_capacity(raw.len());
    for t in raw {
        convert_word(t, &r, &mut toks);
    }
    toks
}

/// [`readings`] of prepared words.
fn readings_of(raw: Vec<RawToken>, class: NameClass) -> Vec<(Option<&'static str>, Vec<String>)> {
    let scripts = raw.iter().fold(0u8, |a, t| a | t.scripts);
    let mut out: Vec<(Option<&'static str>, Vec<String>)> = Vec::new();
    let push = |out: &mut Vec<(Option<&'static str>, Vec<String>)>,
                scheme: Option<&'static str>,
                toks: Vec<String>| {
        if !out.iter().any(|(_, t)| *t == toks) {
            out.push((scheme, toks));
        }
    };
    // A Korean person name: surname + given-name syllables.
    if scripts == Script::Hangul.bit() && class != NameClass::Organization {
        let words: Vec<&str> = raw.iter().map(|t| t.text.as_str()).collect();
        if let Some(rs) = translit::korean::person_readings(&words) {
            for (scheme, toks) in rs {
                push(&mut out, Some(scheme), toks);
            }
            return out;
        }
    }
    for r in reading_list(scripts, &raw) {
        let mut toks = Vec::with_capacity(raw.len());
        for t in &raw {
            convert_word(t, &r, &mut toks);
        }
        if r.ar_common {
            // The common spelling writes "Abd al-X" as "Abdul X".
            let mut i = 0;
            while i + 1 < toks.len() {
                if toks.get(i).is_some_and(|t| t == "abdul")
                    && toks.get(i + 1).is_some_and(|t| t == "al")
                {
                    toks.remove(i + 1);
                }
                i += 1;
            }
        }
        // A Latin name with Slavic carons is ISO 9, Czech or Croatian
        // spelling, where j is the English y (Jevgenij Prigožin, Šojgu):
        // also spell it so.
        let ys = (r.spelled && raw.iter().any(|t| t.text.chars().any(is_slavic_caron)))
            .then(|| j_as_y(&toks))
            .filter(|y| *y != toks);
        push(&mut out, r.name, toks);
        if let Some(y) = ys {
            push(&mut out, r.name, y);
        }
    }
    // A Korean or Chinese person name written in Cyrillic (Ким Чен Ын):
    // its Korean readings, as extra forms after the Russian ones.
    if scripts == Script::Cyrillic.bit() && class != NameClass::Organization {
        // (in Russian letters: the tables follow Russian spelling, and the
        // Ukrainian press writes `Кім Чен Ин` for `Ким Чен Ын`)
        let ukrainian: Option<Vec<String>> = ukrainian_letters(&raw).then(|| {
            raw.iter()
                .map(|t| translit::cyrillic::ukrainian_as_russian(&t.text))
                .collect()
        });
        let words: Vec<&str> = match &ukrainian {
            Some(u) => u.iter().map(String::as_str).collect(),
            None => raw.iter().map(|t| t.text.as_str()).collect(),
        };
        if let Some(rs) = translit::kontsevich::person_readings(&words) {
            for toks in rs {
                push(&mut out, Some("ko-kontsevich"), toks);
            }
        }
        // A Chinese person name written in Cyrillic (Си Цзиньпин): pinyin.
        if let Some(toks) = translit::palladius::person_reading(&words) {
            push(&mut out, Some("zh-palladius"), toks);
        }
    }
    // A Cyrillic or Greek name made only of Latin look-alikes: also read it
    // as Latin (`ТОР` may be a disguised `TOP`).
    if scripts & (Script::Cyrillic.bit() | Script::Greek.bit()) != 0
        && raw.iter().all(|t| {
            t.text
                .chars()
                .all(|c| !c.is_alphabetic() || c.is_ascii() || confusable_to_latin(c).is_some())
        })
    {
        let toks: Vec<String> = raw
            .iter()
            .map(|t| {
                let mut s = String::new();
                for c in t.text.chars() {
                    let c = confusable_to_latin(c).unwrap_or(c);
                    normalize::fold_latin_char(c, false, &mut s);
                }
                s
            })
            .filter(|s| !s.is_empty())
            .collect();
        push(&mut out, Some("confusable"), toks);
    }
    out
}

/// Titles that are safe to drop from a name of unknown class.
const ANY_SAFE_TITLES: &[&str] = &["mr", "mrs", "ms", "mx", "dr", "jr", "sr"];

fn apply_class(mut tokens: Vec<String>, class: NameClass) -> (Vec<String>, Vec<String>) {
    // words put inside a legal form are read after it, and the form whole
    // (the words keep their place among the name's other words)
    if class == NameClass::Organization {
        if let Some((k, gap, end)) = stopwords::words_inside_legal_form(&tokens) {
            let words: Vec<String> = tokens.drain(k..k + gap).collect();
            let at = end.saturating_sub(gap).min(tokens.len());
            tokens.splice(at..at, words);
        }
    }
    let mut kept = Vec::with_capacity(tokens.len());
    let mut removed = Vec::new();
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        let Some(t) = tokens.get(i) else { break };
        let drop_len = match class {
            NameClass::Person => usize::from(stopwords::drop_as_title(t, i, n)),
            NameClass::Organization => legal_form_len(&tokens, i),
            // a safe word that starts a longer legal form ("limited
            // liability company") stays, with the rest of it: the whole
            // form is marked by `removable_tokens`, not cut in two
            // (and such a form written in dotted letters, `L.L.C.`, not
            // left as three initials)
            NameClass::Any => {
                if ANY_SAFE_TITLES.contains(&t.as_str())
                    || (ANY_SAFE_LEGAL.contains(&t.as_str())
                        && stopwords::legal_form_len(&tokens, i) <= 1)
                {
                    1
                } else {
                    stopwords::any_safe_letter_run(&tokens, i)
                }
            }
        };
        if drop_len == 0 {
            kept.push(t.clone());
            i += 1;
        } else {
            if let Some(s) = tokens.get(i..i + drop_len) {
                removed.extend(s.iter().cloned());
            }
            i += drop_len;
        }
    }
    if kept.is_empty() {
        // Never reduce a name to nothing: "General" alone is a name.
        return (tokens, Vec::new());
    }
    (kept, removed)
}

/// For a name of unknown class ([`NameClass::Any`]), read by
/// [`name_forms`]: which of its tokens the organization rules (legal forms:
/// `limited liability company`, `ao`) or the person rules (titles: `general`,
/// `sheikh`) would have removed, with the class whose rule it is. A
/// [`NameClass::Any`] form keeps them, since either reading could be wrong;
/// a matcher may let them go unmatched at no cost against a listed name of
/// that class, so that a query of unknown class meets the listed company or
/// person read without them. The words of a legal form broken by another
/// word put inside it (`joint BETTER stock company`) are marked too; in an
/// organization's name, legal forms already removed, they are all that is
/// marked.
pub fn removable_tokens(tokens: &[String]) -> Vec<Option<NameClass>> {
    let n = tokens.len();
    let mut out = vec![None; n];
    let mut i = 0;
    while i < n {
        let len = stopwords::legal_form_len(tokens, i);
        if len > 0 {
            for x in out.iter_mut().skip(i).take(len) {
                *x = Some(NameClass::Organization);
            }
            i += len;
        } else {
            i += 1;
        }
    }
    // a legal form broken by a word put inside it ("joint BETTER stock
    // company", "limited CRUISE liability company"): its words of four
    // letters or more, each within two tokens of another
    let legal: Vec<bool> = tokens
        .iter()
        .zip(&out)
        .map(|(t, o)| o.is_some() || (t.len() >= 4 && stopwords::is_legal_word(t)))
        .collect();
    let broken: Vec<usize> = (0..n)
        .filter(|&i| {
            out.get(i).is_some_and(Option::is_none)
                && legal.get(i) == Some(&true)
                && (i.saturating_sub(2)..(i + 3).min(n))
                    .any(|j| j != i && legal.get(j) == Some(&true))
        })
        .collect();
    for i in broken {
        if let Some(x) = out.get_mut(i) {
            *x = Some(NameClass::Organization);
        }
    }
    for (i, t) in tokens.iter().enumerate() {
        if stopwords::drop_as_title(t, i, n) {
            if let Some(x) = out.get_mut(i) {
                x.get_or_insert(NameClass::Person);
            }
        }
    }
    // never the whole name: a name made only of such words ("General
    // Company") is matched on them
    if out.iter().all(Option::is_some) {
        out.iter_mut().for_each(|x| *x = None);
    }
    out
}

/// The scheme of a name's reading as shown (see [`name_forms`]): stored
/// backwards under a right-to-left override.
pub const DISPLAY_ORDER: &str = "display-order";

pub use korean_latin::{korean_syllables_apart, KOREAN_KEYED};
pub use numbers::is_series_marker;
pub use orthography::{
    spelling, Spelling, DUTCH_SPELLED, FRENCH_SPELLED, GERMAN_SPELLED, HUNGARIAN_SPELLED, SPELLINGS,
};

/// The scheme of a Belarusian name's reading in its Russian form
/// (`Уладзімір Пуцін` → `vladimir putin`).
pub const BELARUSIAN_AS_RUSSIAN: &str = "be-ru";

/// The initials of an organization's name, read as its acronyms (`People's
/// Liberation Army` → `pla`, `Islamic State in Iraq and the Levant` →
/// `isil`): the first letters of its words but stop words, when there are
/// three to eight such words, all of letters only. Legal forms written out
/// are often part of an acronym (`National Iranian Oil Company` → `nioc`),
/// and often not: the initials are read with them (but abbreviated ones,
/// `llc`, `ltd`) and without them, one or two acronyms. `org_form` is the
/// name's first Latin reading as an organization's ([`name_forms`] with
/// [`NameClass::Organization`]), which the caller has read already; the
/// reading with the legal forms is made here. Only for listed names: a
/// query written out is not its own acronym's match.
pub fn acronyms(name: &str, org_form: &[String]) -> Vec<String> {
    let with_forms = name_forms(name, NameClass::Any)
        .into_iter()
        .find(|f| f.scheme.is_none())
        .and_then(|f| initials(&f.tokens));
    let mut out: Vec<String> = with_forms.into_iter().collect();
    if let Some(a) = initials(org_form) {
        if !out.contains(&a) {
            out.push(a);
        }
    }
    out
}

fn initials(tokens: &[String]) -> Option<String> {
    if tokens.iter().any(|t| t.bytes().any(|b| b.is_ascii_digit())) {
        return None;
    }
    let words: Vec<&String> = tokens
        .iter()
        .filter(|t| !is_stopword(t) && t.len() >= 2)
        .collect();
    if !(3..=8).contains(&words.len())
        || !words
            .iter()
            .all(|w| w.bytes().all(|b| b.is_ascii_lowercase()))
    {
        return None;
    }
    Some(words.iter().filter_map(|w| w.chars().next()).collect())
}

/// Every reading of a name: one for a Latin name (plus a `latin-spelled`
/// one when it has umlauts or carons), one per romanization scheme for a
/// name in another script. Forms with equal tokens are merged (the first
/// scheme wins). Titles (persons) and legal forms (organizations) are moved
/// to [`NameForm::removed`]; for [`NameClass::Any`] only the unambiguous ones
/// (`mr`, `dr`, `llc`, `gmbh` …). Always at least one form (with no tokens
/// for an empty name). An organization's name (or one of unknown class) in
/// Chinese characters or Cyrillic with trade words in it is also read as
/// the lists translate it ([`chinese_trade_forms`],
/// [`russian_trade_forms`]).
pub fn name_forms(name: &str, class: NameClass) -> Vec<NameForm> {
    let mut forms = written_forms(name, class);
    add_new_forms(&mut forms, chinese_trade_forms(name, class));
    add_new_forms(&mut forms, russian_trade_forms(name, class));
    forms
}

/// [`name_forms`] but the translated readings: the name's words as
/// written, transliterated, spelt.
fn written_forms(name: &str, class: NameClass) -> Vec<NameForm> {
    let mut forms: Vec<NameForm> = Vec::new();
    for (scheme, words) in readings(name, class) {
        // number words (`forty four`, `first`, `iii`) as digits and
        // abbreviations (`intl`, `mfg`) written out, except in person names;
        // a name with number words is also read with the words kept, so
        // that a typo in one (`secund`, `fiwe`) still meets them
        let readings_of = if class == NameClass::Person {
            vec![words]
        } else if numbers::has_number_words(&words) {
            vec![
                abbreviations::expand_abbreviations(numbers::number_tokens(words.clone())),
                abbreviations::expand_abbreviations(words),
            ]
        } else {
            vec![abbreviations::expand_abbreviations(words)]
        };
        // (a digits reading equal to the words' is merged below)
        for toks in readings_of {
            // an initialism written with stops or spaces (A.B.C. Company, L.X.C
            // Aviation): also read with its letters as one word, as usually
            // written (before legal forms are read: `a b` is not `AB` there);
            // organizations only (a query of unknown class meets the listed
            // organization's extra form; persons keep their initials)
            // a person's name too, when its letters run to a word spelt
            // out letter by letter (`P u t i n Vladimir`; not a name of
            // unknown class, where such a run is a legal form's as often:
            // `S.A. S.A. DE C.V.`)
            let initialism = match class {
                NameClass::Organization => joined_initials(&toks, 2),
                NameClass::Person => joined_initials(&toks, SPELT_OUT),
                NameClass::Any => None,
            };
            for toks in std::iter::once(toks).chain(initialism) {
                let (tokens, removed) = apply_class(toks, class);
                if forms.iter().any(|f| f.tokens == tokens) {
                    continue;
                }
                forms.push(NameForm {
                    tokens,
                    scheme,
                    removed,
                });
            }
        }
    }
    // a name stored backwards under a right-to-left override is shown, and
    // read by a person, the right way round ("\u{202E}nituP rimidalV" is
    // shown "Vladimir Putin"): read both ways, as stored and as shown
    if name.contains(normalize::RIGHT_TO_LEFT_OVERRIDE) {
        let shown = name_forms(&normalize::display_order(name), class);
        add_new_forms(
            &mut forms,
            shown.into_iter().map(|f| NameForm {
                scheme: Some(DISPLAY_ORDER),
                ..f
            }),
        );
    }
    // a word spelt out letter by letter with stops or dashes between
    // (`V.l.a.d.i.m.i.r P.u.t.i.n`): also read with its letters together,
    // each word on its own
    if let Some(joined) = spelt_out(name) {
        add_new_forms(&mut forms, name_forms(&joined, class));
    }
    // a Chinese name in Wade-Giles (Mao Tse-tung): also its Pinyin reading
    if class != NameClass::Organization {
        let pinyin = latin_readings(&forms, |t| {
            wadegiles::pinyin_reading(t)
                .map(|r| ("zh-wade-giles", r))
                .into_iter()
                .collect()
        });
        forms.extend(pinyin);
    }
    // a Korean name in Latin letters: also its keyed reading, so that its
    // romanizations meet (Gim Jeong-eun / Kim Jong Un)
    let keyed = latin_readings(&forms, |t| {
        korean_latin::keyed_reading(t)
            .map(|r| (KOREAN_KEYED, r))
            .into_iter()
            .collect()
    });
    forms.extend(keyed);
    if forms.is_empty() {
        forms.push(NameForm {
            tokens: Vec::new(),
            scheme: None,
            removed: Vec::new(),
        });
    }
    forms
}

/// The readings of a Korean name written in Chinese characters (`金正恩`:
/// 김정은, `kim jong un`) as Korean, made from its Hangul readings
/// (libhangul's Hanja table), each romanized as a Hangul name is. For
/// queries only: a Chinese name read so would meet Korean names it is not.
pub fn hanja_korean_forms(name: &str, class: NameClass) -> Vec<NameForm> {
    if class == NameClass::Organization {
        return Vec::new();
    }
    let mut out: Vec<NameForm> = Vec::new();
    for hangul in hanja_korean::hangul_readings(name) {
        add_new_forms(&mut out, name_forms(&hangul, class));
    }
    out
}

/// The scheme of [`chinese_trade_forms`].
pub const ZH_TRADE: &str = "zh-trade";

/// The readings of a Chinese company's name written in characters as the
/// lists write such names: its trade words in English, its place and brand
/// in pinyin (`丹东鸿祥实业发展有限公司`: `DANDONG HONGXIANG INDUSTRIAL
/// DEVELOPMENT CO LTD`), scheme [`ZH_TRADE`]. None for a person's name, or a
/// name with no trade word. Part of [`name_forms`].
pub fn chinese_trade_forms(name: &str, class: NameClass) -> Vec<NameForm> {
    if class == NameClass::Person {
        return Vec::new();
    }
    chinese_trade::english_reading(name)
        .map(|latin| translated_forms(&latin, class, ZH_TRADE))
        .unwrap_or_default()
}

/// The [`written_forms`] of a name's translation, under the translation's
/// scheme.
fn translated_forms(translated: &str, class: NameClass, scheme: &'static str) -> Vec<NameForm> {
    written_forms(translated, class)
        .into_iter()
        .map(|f| NameForm {
            scheme: Some(scheme),
            ..f
        })
        .collect()
}

/// The scheme of [`russian_trade_forms`].
pub const RU_TRADE: &str = "ru-trade";

/// The readings of a Russian organization's name written in Cyrillic as
/// the lists translate such names: its trade words in English, the rest
/// transliterated (`Государственная корпорация Ростех`: `STATE
/// CORPORATION ROSTEC`; `Муромский приборостроительный завод`: `MUROM
/// INSTRUMENT-MAKING PLANT`), scheme [`RU_TRADE`]. None for a person's name,
/// or a name with no trade word. Part of [`name_forms`].
pub fn russian_trade_forms(name: &str, class: NameClass) -> Vec<NameForm> {
    if class == NameClass::Person
        || !name
            .chars()
            .any(|c| normalize::script_of(c) == Some(Script::Cyrillic))
    {
        return Vec::new();
    }
    let words: Vec<String> = name.split_whitespace().map(str::to_string).collect();
    russian_trade::english_words(&words)
        .map(|english| translated_forms(&english.join(" "), class, RU_TRADE))
        .unwrap_or_default()
}

/// Adds to `forms` those of `more` that have tokens and are not there yet.
fn add_new_forms(forms: &mut Vec<NameForm>, more: impl IntoIterator<Item = NameForm>) {
    for f in more {
        if !f.tokens.is_empty() && !forms.iter().any(|g| g.tokens == f.tokens) {
            forms.push(f);
        }
    }
}

/// The keyed reading of a query name in South Korea's popular spellings
/// (`Kim Jung Eun`: `u` for ㅓ before `n`, `ng`, `l`; see
/// `korean_latin::popular_reading`), scheme [`KOREAN_KEYED`], made from
/// its Latin [`name_forms`]. For queries only, as [`spelled_forms`].
pub fn korean_popular_forms(forms: &[NameForm]) -> Vec<NameForm> {
    latin_readings(forms, |t| {
        korean_latin::popular_reading(t)
            .map(|r| (KOREAN_KEYED, r))
            .into_iter()
            .collect()
    })
}

/// The readings of a query name spelt by another language's orthography
/// ([`SPELLINGS`]: Hungarian `Vlagyimir Putyin`, Dutch `Poetin`, German
/// `Jewgeni Prigoschin`, French `Evgueni Prigojine`) as English spells it,
/// made from its Latin [`name_forms`] (a company's name too: `Zavod
/// imeni Tschkalow`). For queries only: the lists write names the English
/// way, and reading their names again would make more of them meet a
/// look-alike (and count their words twice in the rarity weights).
pub fn spelled_forms(forms: &[NameForm]) -> Vec<NameForm> {
    latin_readings(forms, |t| {
        SPELLINGS
            .iter()
            .flat_map(|s| s.readings(t).into_iter().map(|r| (s.scheme, r)))
            .collect()
    })
}

/// The new forms that `read` makes of a name's forms written in Latin
/// letters (not of a romanization made here, of Hangul say), each with the
/// scheme `read` names and what its form removed; none whose tokens a form
/// already has.
fn latin_readings(
    forms: &[NameForm],
    read: impl Fn(&[String]) -> Vec<(&'static str, Vec<String>)>,
) -> Vec<NameForm> {
    let mut out: Vec<NameForm> = Vec::new();
    for f in forms
        .iter()
        .filter(|f| matches!(f.scheme, None | Some("latin-spelled")))
    {
        for (scheme, tokens) in read(&f.tokens) {
            if !forms.iter().chain(&out).any(|g| g.tokens == tokens) {
                out.push(NameForm {
                    tokens,
                    scheme: Some(scheme),
                    removed: f.removed.clone(),
                });
            }
        }
    }
    out
}

/// Runs of `min` or more one-letter tokens joined into one (`a b c
/// company` → `abc company` with `min` 2), when there is such a run.
fn joined_initials(tokens: &[String], min: usize) -> Option<Vec<String>> {
    let mut out: Vec<String> = Vec::with_capacity(tokens.len());
    let mut run: Vec<&String> = Vec::new();
    let mut changed = false;
    let flush = |run: &mut Vec<&String>, out: &mut Vec<String>, changed: &mut bool| {
        if run.len() >= min {
            *changed = true;
            out.push(run.iter().map(|t| t.as_str()).collect());
        } else {
            out.extend(run.iter().map(|t| (*t).clone()));
        }
        run.clear();
    };
    for t in tokens {
        if t.len() == 1 && t.bytes().all(|b| b.is_ascii_alphabetic()) {
            run.push(t);
        } else {
            flush(&mut run, &mut out, &mut changed);
            out.push(t.clone());
        }
    }
    flush(&mut run, &mut out, &mut changed);
    changed.then_some(out)
}

/// The name with each word spelt out letter by letter (`V.l.a.d.i.m.i.r`,
/// `P-u-t-i-n`: [`SPELT_OUT`] letters or more, each apart, nothing but
/// stops, dashes and the like between them) written with its letters
/// together, when it has such a word.
fn spelt_out(name: &str) -> Option<String> {
    let mut changed = false;
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| {
            let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
            let apart = letters_apart(w);
            let only_marks = w
                .chars()
                .all(|c| c.is_alphabetic() || c.is_ascii_punctuation());
            if letters.len() >= SPELT_OUT && apart && only_marks {
                changed = true;
                letters.into_iter().collect()
            } else {
                w.to_string()
            }
        })
        .collect();
    changed.then(|| words.join(" "))
}

/// Whether every run of letters in a word is one letter long (`V.V.`,
/// `P-u-t-i-n`): initials, or a word spelt out.
fn letters_apart(w: &str) -> bool {
    w.split(|c: char| !c.is_alphabetic())
        .all(|run| run.chars().count() <= 1)
}

/// One-letter tokens in a run this long or longer are a word spelt out
/// letter by letter (`V.l.a.d.i.m.i.r P.u.t.i.n`), not a person's
/// initials (three at most).
const SPELT_OUT: usize = 4;

/// Normalizes text to lowercase ASCII words separated by single spaces:
/// the first reading of [`name_forms`] (BGN/PCGN for Cyrillic, RR for
/// Hangul …), with nothing removed.
pub fn normalize(text: &str) -> String {
    if text.is_ascii() {
        return normalize_ascii(text);
    }
    tokens(text).join(" ")
}

fn normalize_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(b.to_ascii_lowercase() as char);
        } else if b == b'\'' || b == b'`' {
        } else {
            pending_space = true;
        }
    }
    out
}

/// The normalized tokens of a text (see [`normalize`]).
pub fn tokens(text: &str) -> Vec<String> {
    if text.is_ascii() {
        return normalize::segment(text)
            .into_iter()
            .map(|t| {
                let mut s = t.text;
                s.make_ascii_lowercase();
                s
            })
            .collect();
    }
    // (a name's words as written when it is in Cyrillic or Greek with a
    // Latin word put in, as its first reading has them)
    let (folded, as_written) = prepared_both(text);
    first_reading(&as_written.unwrap_or(folded))
}

/// How many of a name's first tokens are a ship's prefix (`mv`, `mt`,
/// `ss`, `fv`, `mts`, `vessel`, or `m v`, `m t` from `M/V`, `M.T.`), if
/// any: the name of the vessel follows. A matcher may let them go
/// unmatched against a listed vessel, which the lists name without them.
pub fn vessel_prefix_len(tokens: &[String]) -> Option<usize> {
    let t = |i: usize| tokens.get(i).map(String::as_str);
    match (t(0), t(1)) {
        (Some("m"), Some("v" | "t")) => Some(2),
        (Some("mv" | "mt" | "mts" | "ss" | "fv" | "vessel"), _) => Some(1),
        _ => None,
    }
}

/// The normalized words a name writes with a stop after them, three
/// letters or more and no other stop inside (`Rev.` in `Islamic Rev. Guard
/// Corps`, `Vlad.`; not the initials `S.A.`, `V.V.`): abbreviations, which
/// a matcher may read as the beginning of a longer word.
pub fn abbreviated_words(name: &str) -> Vec<String> {
    name.split_whitespace()
        .filter_map(|w| w.strip_suffix('.'))
        .filter(|w| !w.contains('.') && w.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        .filter_map(|w| {
            let t = tokens(w);
            (t.len() == 1).then(|| t.into_iter().next()).flatten()
        })
        .collect()
}

/// The normalized tokens of a person's name that its writer marked as the
/// family name by writing them in capitals beside given names in title
/// case, as the UN, EU, UK and OFAC lists do (`Muhammad Qasim ABDOLLAHI`,
/// `QASIM, Mohammed`); `None` when the name follows no such convention
/// (all in capitals, all in lower case, no word in capitals of two letters
/// or more written together: initials, `V.V.`, are none). A word with one
/// lower-case letter in four at most is still in capitals (mistyped:
/// `SAVElYEV`), and so is one
/// with three capitals or more that make half its letters (garbled:
/// `KHOotAhI`; not `McDonald`, `DeShawn`).
pub fn family_tokens(name: &str) -> Option<Vec<String>> {
    let letters = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count();
    // (a word mistyped or garbled in capitals keeps being one: `SAVElYEV`,
    // `KHOotAhI`)
    // (initials are no family name: `PUTIN, V.V.` writes its letters
    // apart, so a word needs two letters together)
    let capitals = |w: &&str| {
        let lower = w.chars().filter(|c| c.is_lowercase()).count();
        let upper = w.chars().filter(|c| c.is_uppercase()).count();
        !letters_apart(w) && (lower * 4 <= letters(w) || upper >= 3 && upper * 2 >= letters(w))
    };
    let title = |w: &&str| {
        let mut l = w.chars().filter(|c| c.is_alphabetic());
        !capitals(w) && l.next().is_some_and(char::is_uppercase) && l.any(char::is_lowercase)
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    if !words.iter().any(title) {
        return None;
    }
    let family: Vec<String> = words
        .iter()
        .filter(|w| capitals(w))
        .flat_map(|w| tokens(w))
        .collect();
    (!family.is_empty()).then_some(family)
}

/// The tokens joined without separators (`["jong", "un"]` → `"jongun"`),
/// for comparing a name written as one word with the same name split.
pub fn joined(tokens: &[String]) -> String {
    tokens.concat()
}

/// Phonetic keys of every token of a form, in order.
pub fn phonetic_keys(tokens: &[String]) -> Vec<String> {
    tokens.iter().map(|t| phonetic_key(t)).collect()
}
