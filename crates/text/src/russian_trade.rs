//! A Russian organization's name read as the lists translate it: its trade
//! words in English, the rest left to be transliterated
//! (`Государственная корпорация Ростех` → `state corporation Ростех`,
//! OFAC's `STATE CORPORATION ROSTEC`; `ЧВК Вагнер` → `private military
//! company Вагнер`, OFAC's `PRIVATE MILITARY COMPANY 'WAGNER'`;
//! `Муромский приборостроительный завод` → `murom instrument making
//! plant`).
//!
//! The lists give a Russian company both a transliteration (`AKTSIONERNOE
//! OBSHCHESTVO ... ZAVOD`) and a translation (`JSC ... PLANT`), often only
//! one of them; a query in Cyrillic is transliterated by
//! [`crate::name_forms`], and this reading adds the translation. The words
//! are the English renderings the OFAC, EU and UK lists use for the trade
//! words of Russian defence and industrial companies' names.

/// Phrases of several words, matched first, and single words: the
/// lowercase Cyrillic words and their English.
const PHRASES: &[(&[&str], &str)] = &[
    (
        &["частная", "военная", "компания"],
        "private military company",
    ),
    (&["государственная", "корпорация"], "state corporation"),
    (&["торговый", "дом"], "trading house"),
    (&["конструкторское", "бюро"], "design bureau"),
    (
        &["опытно-конструкторское", "бюро"],
        "experimental design bureau",
    ),
    (
        &["научно-производственное", "объединение"],
        "scientific production association",
    ),
    (
        &["научно-производственное", "предприятие"],
        "scientific production enterprise",
    ),
    (
        &["научно-исследовательский", "институт"],
        "scientific research institute",
    ),
];

/// Nouns and abbreviations, whole words.
const WORDS: &[(&str, &str)] = &[
    ("чвк", "private military company"),
    ("госкорпорация", "state corporation"),
    ("завод", "plant"),
    ("фабрика", "factory"),
    ("комбинат", "plant"),
    ("концерн", "concern"),
    ("корпорация", "corporation"),
    ("компания", "company"),
    ("группа", "group"),
    ("холдинг", "holding"),
    ("банк", "bank"),
    ("институт", "institute"),
    ("центр", "center"),
    ("объединение", "association"),
    ("предприятие", "enterprise"),
    ("бюро", "bureau"),
    ("агентство", "agency"),
    ("фонд", "fund"),
    ("университет", "university"),
    ("академия", "academy"),
    ("министерство", "ministry"),
    ("служба", "service"),
    ("управление", "directorate"),
    ("верфь", "shipyard"),
    ("судоверфь", "shipyard"),
    ("россии", "of russia"),
];

/// Adjective stems, read with any nominative or genitive ending
/// ([`ADJECTIVE_ENDINGS`]).
const ADJECTIVES: &[(&str, &str)] = &[
    ("государственн", "state"),
    ("федеральн", "federal"),
    ("российск", "russian"),
    ("национальн", "national"),
    ("международн", "international"),
    ("центральн", "central"),
    ("научн", "scientific"),
    ("исследовательск", "research"),
    ("производственн", "production"),
    ("машиностроительн", "machine building"),
    ("приборостроительн", "instrument making"),
    ("судостроительн", "shipbuilding"),
    ("авиастроительн", "aircraft building"),
    ("авиационн", "aviation"),
    ("оборонн", "defense"),
    ("военн", "military"),
    ("химическ", "chemical"),
    ("электронн", "electronic"),
    ("механическ", "mechanical"),
    ("оптико-механическ", "optical mechanical"),
    ("металлургическ", "metallurgical"),
    ("нефтян", "oil"),
    ("газов", "gas"),
    ("энергетическ", "energy"),
    ("торгов", "trading"),
    ("инвестиционн", "investment"),
    ("техническ", "technical"),
    ("технологическ", "technological"),
    ("радиотехническ", "radio engineering"),
    ("ракетн", "missile"),
    ("космическ", "space"),
    ("морск", "marine"),
    ("промышленн", "industrial"),
    ("объединенн", "united"),
    ("московск", "moscow"),
];

/// Endings of an adjective in the nominative (three genders, plural) and
/// genitive (as in `завод имени ...` names).
const ADJECTIVE_ENDINGS: &[&str] = &[
    "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его",
];

/// Place adjectives (`муромский`, `курганская`): the stem before these is
/// the place (`муром`, `курган`), as the lists write such names (`MUROM
/// INSTRUMENT-MAKING PLANT`).
const PLACE_ENDINGS: &[&str] = &["ский", "ская", "ское", "ского", "ской"];

/// The words of a name with Russian trade words in English, other words as
/// they are (a place adjective as its place), when a trade word was met;
/// for [`crate::russian_trade_forms`].
pub(crate) fn english_words(words: &[String]) -> Option<Vec<String>> {
    let lower: Vec<String> = words
        .iter()
        .map(|w| {
            w.to_lowercase()
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
                .to_string()
        })
        .collect();
    let mut out = Vec::with_capacity(words.len());
    let mut trade = false;
    let mut i = 0;
    while i < lower.len() {
        if let Some((n, english)) = PHRASES.iter().find_map(|(phrase, english)| {
            let n = phrase.len();
            lower
                .get(i..i + n)
                .is_some_and(|w| w.iter().zip(phrase.iter()).all(|(a, b)| a == b))
                .then_some((n, *english))
        }) {
            out.push(english.to_string());
            trade = true;
            i += n;
            continue;
        }
        let (Some(word), Some(raw)) = (lower.get(i), words.get(i)) else {
            break;
        };
        let english = WORDS
            .iter()
            .find(|(w, _)| w == word)
            .map(|(_, e)| *e)
            .or_else(|| {
                ADJECTIVES
                    .iter()
                    .find(|(stem, _)| {
                        word.strip_prefix(stem)
                            .is_some_and(|end| ADJECTIVE_ENDINGS.contains(&end))
                    })
                    .map(|(_, e)| *e)
            });
        match english {
            Some(e) => {
                out.push(e.to_string());
                trade = true;
            }
            None => {
                let place = PLACE_ENDINGS.iter().find_map(|end| {
                    word.strip_suffix(end)
                        .filter(|stem| stem.chars().count() >= 3)
                });
                out.push(place.map_or_else(|| raw.clone(), str::to_string));
            }
        }
        i += 1;
    }
    trade.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(name: &str) -> Option<String> {
        let words: Vec<String> = name.split(' ').map(str::to_string).collect();
        english_words(&words).map(|w| w.join(" "))
    }

    #[test]
    fn trade_words_in_english_the_rest_as_written() {
        assert_eq!(
            read("Государственная корпорация Ростех").as_deref(),
            Some("state corporation Ростех")
        );
        assert_eq!(
            read("ЧВК Вагнер").as_deref(),
            Some("private military company Вагнер")
        );
        assert_eq!(
            read("Муромский приборостроительный завод").as_deref(),
            Some("муром instrument making plant")
        );
        assert_eq!(
            read("«Концерн» Калашников").as_deref(),
            Some("concern Калашников")
        );
    }

    #[test]
    fn names_without_trade_words_get_no_reading() {
        assert_eq!(read("Владимир Путин"), None);
        assert_eq!(read("Уралвагонзавод"), None);
        assert_eq!(read("Маяковский"), None);
    }
}
