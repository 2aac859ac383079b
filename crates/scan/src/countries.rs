//! Country mentions: names, common names, demonyms, capitals and metonyms,
//! each mapped to an ISO 3166 alpha-2 code, and the sanctions regimes that
//! cover the country (from the embargo rules dataset of `interdict-embargo`).
//!
//! Every ISO 3166 country is found by its English short name
//! ([`interdict_model::country::country_name`]); the table [`EXTRA`] adds the
//! names news and trade papers use, mostly for the states under embargo:
//! `DPRK`, `North Korean`, `Pyongyang`, `Kremlin`, `Tehran`, `Minsk`, ...
//! A bare "Korea" is ambiguous and maps to nothing, as in the model.
//!
//! Guards against ordinary words: a country word must be capitalized in a
//! text that has case (lower-case "china" or "turkey" are not countries);
//! an acronym (`DPRK`, `US`, `UAE`) must be written in capitals; a country
//! name that is also a personal name (`Chad`, `Jordan`, `Georgia`, `Israel`)
//! does not count next to another capitalized word ("Michael Jordan").

use interdict_embargo::{Authority, RuleSet, Scope};
use interdict_model::country::{country_name, is_country_code};
use serde::Serialize;

/// How a country was named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CountryForm {
    /// Its name ("North Korea", "Russian Federation").
    Name,
    /// An acronym ("DPRK", "UAE").
    Acronym,
    /// An adjective or demonym ("North Korean", "Iranian").
    Demonym,
    /// The capital city ("Pyongyang", "Moscow").
    Capital,
    /// A seat of government standing for the state ("the Kremlin").
    Metonym,
}

/// Names beyond the ISO short names: (phrase, code, form).
pub const EXTRA: &[(&str, &str, CountryForm)] = &[
    // DPRK
    ("North Korea", "KP", CountryForm::Name),
    ("DPRK", "KP", CountryForm::Acronym),
    ("D.P.R.K.", "KP", CountryForm::Acronym),
    (
        "Democratic People's Republic of Korea",
        "KP",
        CountryForm::Name,
    ),
    ("Korea, North", "KP", CountryForm::Name),
    ("North Korean", "KP", CountryForm::Demonym),
    ("North Koreans", "KP", CountryForm::Demonym),
    ("Pyongyang", "KP", CountryForm::Capital),
    ("Nampo", "KP", CountryForm::Capital),
    ("South Korea", "KR", CountryForm::Name),
    ("South Korean", "KR", CountryForm::Demonym),
    ("Republic of Korea", "KR", CountryForm::Name),
    ("Seoul", "KR", CountryForm::Capital),
    // Russia
    ("Russia", "RU", CountryForm::Name),
    ("Russian Federation", "RU", CountryForm::Name),
    ("Russian", "RU", CountryForm::Demonym),
    ("Russians", "RU", CountryForm::Demonym),
    ("Moscow", "RU", CountryForm::Capital),
    ("Kremlin", "RU", CountryForm::Metonym),
    // Belarus
    ("Belarus", "BY", CountryForm::Name),
    ("Belarusian", "BY", CountryForm::Demonym),
    ("Byelorussia", "BY", CountryForm::Name),
    ("Minsk", "BY", CountryForm::Capital),
    // Iran
    ("Iran", "IR", CountryForm::Name),
    ("Islamic Republic of Iran", "IR", CountryForm::Name),
    ("Iranian", "IR", CountryForm::Demonym),
    ("Tehran", "IR", CountryForm::Capital),
    ("Teheran", "IR", CountryForm::Capital),
    // Syria
    ("Syrian Arab Republic", "SY", CountryForm::Name),
    ("Syrian", "SY", CountryForm::Demonym),
    ("Damascus", "SY", CountryForm::Capital),
    // Myanmar
    ("Burma", "MM", CountryForm::Name),
    ("Burmese", "MM", CountryForm::Demonym),
    ("Naypyidaw", "MM", CountryForm::Capital),
    ("Nay Pyi Taw", "MM", CountryForm::Capital),
    // Venezuela, Cuba, Nicaragua
    ("Venezuelan", "VE", CountryForm::Demonym),
    ("Caracas", "VE", CountryForm::Capital),
    ("Cuban", "CU", CountryForm::Demonym),
    ("Havana", "CU", CountryForm::Capital),
    ("Nicaraguan", "NI", CountryForm::Demonym),
    ("Managua", "NI", CountryForm::Capital),
    // China
    ("Chinese", "CN", CountryForm::Demonym),
    ("People's Republic of China", "CN", CountryForm::Name),
    ("PRC", "CN", CountryForm::Acronym),
    ("Beijing", "CN", CountryForm::Capital),
    // Africa and the Middle East under UN measures
    ("Libyan", "LY", CountryForm::Demonym),
    ("Tripoli", "LY", CountryForm::Capital),
    ("Sudanese", "SD", CountryForm::Demonym),
    ("Khartoum", "SD", CountryForm::Capital),
    ("Darfur", "SD", CountryForm::Name),
    ("South Sudanese", "SS", CountryForm::Demonym),
    ("Juba", "SS", CountryForm::Capital),
    ("Somali", "SO", CountryForm::Demonym),
    ("Mogadishu", "SO", CountryForm::Capital),
    ("Yemeni", "YE", CountryForm::Demonym),
    ("Sanaa", "YE", CountryForm::Capital),
    ("Sana'a", "YE", CountryForm::Capital),
    ("Afghan", "AF", CountryForm::Demonym),
    ("Kabul", "AF", CountryForm::Capital),
    ("Iraqi", "IQ", CountryForm::Demonym),
    ("Baghdad", "IQ", CountryForm::Capital),
    ("Lebanese", "LB", CountryForm::Demonym),
    ("Beirut", "LB", CountryForm::Capital),
    ("DRC", "CD", CountryForm::Acronym),
    ("DR Congo", "CD", CountryForm::Name),
    ("Democratic Republic of the Congo", "CD", CountryForm::Name),
    ("Democratic Republic of Congo", "CD", CountryForm::Name),
    ("Kinshasa", "CD", CountryForm::Capital),
    ("Central African Republic", "CF", CountryForm::Name),
    ("Bangui", "CF", CountryForm::Capital),
    ("Haitian", "HT", CountryForm::Demonym),
    ("Port-au-Prince", "HT", CountryForm::Capital),
    ("Eritrean", "ER", CountryForm::Demonym),
    ("Asmara", "ER", CountryForm::Capital),
    ("Malian", "ML", CountryForm::Demonym),
    ("Bamako", "ML", CountryForm::Capital),
    ("Zimbabwean", "ZW", CountryForm::Demonym),
    ("Harare", "ZW", CountryForm::Capital),
    // Ukraine and occupied regions
    ("Ukrainian", "UA", CountryForm::Demonym),
    ("Kyiv", "UA", CountryForm::Capital),
    ("Kiev", "UA", CountryForm::Capital),
    ("Crimea", "UA", CountryForm::Name),
    // frequent trade partners and hubs
    ("United States of America", "US", CountryForm::Name),
    ("USA", "US", CountryForm::Acronym),
    ("U.S.", "US", CountryForm::Acronym),
    ("US", "US", CountryForm::Acronym),
    ("United Kingdom", "GB", CountryForm::Name),
    ("UK", "GB", CountryForm::Acronym),
    ("Britain", "GB", CountryForm::Name),
    ("Great Britain", "GB", CountryForm::Name),
    ("United Arab Emirates", "AE", CountryForm::Name),
    ("UAE", "AE", CountryForm::Acronym),
    ("Dubai", "AE", CountryForm::Capital),
    ("Turkish", "TR", CountryForm::Demonym),
    ("Türkiye", "TR", CountryForm::Name),
    ("Hong Kong", "HK", CountryForm::Name),
    ("Singapore", "SG", CountryForm::Name),
];

/// Country names that are also personal or common names.
const PERSON_LIKE: &[&str] = &[
    "chad", "jordan", "georgia", "israel", "kenya", "china", "guinea", "niger", "turkey", "india",
    "chile", "cuba", "peru", "mali", "oman", "france",
];

/// One phrase of the country table, in normalized words.
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    pub words: Vec<String>,
    pub code: &'static str,
    pub form: CountryForm,
    /// Must be written in capitals.
    pub caps: bool,
    /// Also a personal name: not next to another capitalized word.
    pub person_like: bool,
}

/// Every phrase: ISO short names and [`EXTRA`].
pub(crate) fn phrases() -> Vec<Phrase> {
    let mut out: Vec<Phrase> = Vec::new();
    let mut add = |text: &str, code: &'static str, form: CountryForm| {
        let words = crate::normalized_words(text);
        if words.is_empty() || words.len() > 8 {
            return;
        }
        if out.iter().any(|p| p.words == words) {
            return;
        }
        let caps = form == CountryForm::Acronym;
        let person_like = words.len() == 1
            && words
                .first()
                .is_some_and(|w| PERSON_LIKE.contains(&w.as_str()));
        out.push(Phrase {
            words,
            code,
            form,
            caps,
            person_like,
        });
    };
    for &(text, code, form) in EXTRA {
        add(text, code, form);
    }
    for a in b'A'..=b'Z' {
        for b in b'A'..=b'Z' {
            let code = [a, b];
            let Ok(code) = std::str::from_utf8(&code) else {
                continue;
            };
            if !is_country_code(code) {
                continue;
            }
            if let Some(name) = country_name(code) {
                // the code as returned by the model is 'static
                if let Some(c) = static_code(name) {
                    add(name, c, CountryForm::Name);
                }
            }
        }
    }
    out
}

/// The `'static` code for a short name, through the model's table.
fn static_code(name: &str) -> Option<&'static str> {
    interdict_model::country::country_code(name)
}

/// A sanctions regime covering a country.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Regime {
    /// Who imposes it (`UN`, `EU`, `UK`, `US`).
    pub authority: String,
    /// The regime in words (`DPRK (1718)`).
    pub regime: String,
    /// Whether it includes an arms embargo (supply or procurement of arms).
    pub arms_embargo: bool,
    /// The measures in words (`arms and related materiel`, `luxury goods`, ...).
    pub measures: Vec<String>,
    /// The legal basis of the arms measure, else of the first measure
    /// (`UNSCR 1718 (2006) para 8(a)(i) ...`).
    pub legal_basis: String,
    /// The rule ids of the embargo dataset.
    pub rules: Vec<String>,
}

/// The regimes in force on a country, UN first.
pub(crate) fn regimes(rules: &RuleSet, code: &str) -> Vec<Regime> {
    let mut out: Vec<Regime> = Vec::new();
    for r in rules.for_country(code) {
        if r.in_force_to.is_some() {
            continue;
        }
        let arms = matches!(r.scope, Scope::Arms);
        let measure = r.scope.to_string();
        match out
            .iter_mut()
            .find(|g| g.authority == r.authority.as_str() && g.regime == r.regime)
        {
            Some(g) => {
                if arms && !g.arms_embargo {
                    g.legal_basis = r.legal_basis.clone();
                }
                g.arms_embargo |= arms;
                if !g.measures.contains(&measure) {
                    g.measures.push(measure);
                }
                g.rules.push(r.id.clone());
            }
            None => out.push(Regime {
                authority: r.authority.as_str().to_string(),
                regime: r.regime.clone(),
                arms_embargo: arms,
                measures: vec![measure],
                legal_basis: r.legal_basis.clone(),
                rules: vec![r.id.clone()],
            }),
        }
    }
    let rank = |a: &str| {
        Authority::ALL
            .iter()
            .position(|x| x.as_str() == a)
            .unwrap_or(9)
    };
    out.sort_by_key(|g| rank(&g.authority));
    out
}

/// Words that make a text about arms.
pub(crate) const ARMS_WORDS: &[&str] = &[
    "arms",
    "weapon",
    "weapons",
    "missile",
    "missiles",
    "munition",
    "munitions",
    "ammunition",
    "artillery",
    "shells",
    "rockets",
    "warhead",
    "warheads",
    "rifles",
    "drones",
    "ballistic",
    "howitzer",
    "howitzers",
    "grenades",
    "explosives",
    "armaments",
    "materiel",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extra_codes_are_countries() {
        for (text, code, _) in EXTRA {
            assert!(is_country_code(code), "{text}: {code}");
        }
        let p = phrases();
        assert!(p.len() > 250, "{}", p.len());
        let find = |w: &[&str]| p.iter().find(|x| x.words == w).map(|x| x.code);
        assert_eq!(find(&["north", "korea"]), Some("KP"));
        assert_eq!(find(&["pyongyang"]), Some("KP"));
        assert_eq!(find(&["dprk"]), Some("KP"));
        assert_eq!(find(&["korea"]), None);
    }

    #[test]
    fn dprk_regimes_cite_1718() {
        let rules = RuleSet::embedded().unwrap();
        let r = regimes(&rules, "KP");
        let un = r.first().unwrap();
        assert_eq!(un.authority, "UN");
        assert!(un.arms_embargo);
        assert!(un.legal_basis.contains("1718 (2006)"), "{}", un.legal_basis);
    }
}
