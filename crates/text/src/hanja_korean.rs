//! A Korean name written in Chinese characters (Hanja: `金正恩`, as the
//! Chinese and Japanese press write Kim Jong Un) read as Korean: each
//! character by its Sino-Korean reading in Hangul, then romanized as any
//! Hangul name is. The readings come from libhangul's Hanja table (the
//! `hanja` crate), looked up backwards once.
//!
//! A character with several readings (`金`: 금 and, as the surname, 김)
//! is read each way, but the first character only as one of the frequent
//! surnames (a name whose first character reads as none is no Korean
//! name: `普京`, Putin in Chinese); a name gets four readings at most.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The Hangul readings of each Hanja, most frequent syllable first.
fn table() -> &'static HashMap<char, Vec<char>> {
    static T: OnceLock<HashMap<char, Vec<char>>> = OnceLock::new();
    T.get_or_init(|| {
        let mut t: HashMap<char, Vec<char>> = HashMap::new();
        for syllable in '가'..='힣' {
            for &(h, _) in hanja::get(syllable).into_iter().flatten() {
                let readings = t.entry(h).or_default();
                if !readings.contains(&syllable) {
                    readings.push(syllable);
                }
            }
        }
        t
    })
}

/// Korean surnames of one syllable, most frequent first (Statistics Korea,
/// 2015 census): the reading of a name's first character among them wins.
const SURNAMES: &str = "김이박최정강조윤장임한오서신권황안송전홍유고문양손배백허남심노하곽성차주우구라민진지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부";

/// Readings of a name's characters in Hangul, each a whole name.
const MAX_READINGS: usize = 4;

/// The Hangul readings of a name of two to four Chinese characters (a
/// Korean name: a surname of one syllable and a given name of one to
/// three), or none.
pub fn hangul_readings(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().filter(|c| !c.is_whitespace()).collect();
    let han =
        |c: &char| ('\u{3400}'..='\u{9FFF}').contains(c) || ('\u{F900}'..='\u{FAFF}').contains(c);
    if !(2..=4).contains(&chars.len()) || !chars.iter().all(han) {
        return Vec::new();
    }
    let t = table();
    let mut out: Vec<String> = vec![String::new()];
    for (i, c) in chars.iter().enumerate() {
        let Some(readings) = t.get(c) else {
            return Vec::new();
        };
        let mut readings: Vec<char> = readings.clone();
        if i == 0 {
            // a Korean surname first, or no Korean name (普京, Putin in
            // Chinese, reads 보경: no surname)
            readings.retain(|r| SURNAMES.contains(*r));
            readings.sort_by_key(|r| SURNAMES.find(*r).unwrap_or(usize::MAX));
            if readings.is_empty() {
                return Vec::new();
            }
        }
        let mut next = Vec::new();
        for prefix in &out {
            for r in readings.iter().take(2) {
                if next.len() < MAX_READINGS {
                    next.push(format!("{prefix}{r}"));
                }
            }
        }
        out = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_names_in_hanja_read_as_hangul() {
        let kim = hangul_readings("金正恩");
        assert_eq!(kim.first().map(String::as_str), Some("김정은"), "{kim:?}");
        assert!(kim.len() <= MAX_READINGS);
        assert!(hangul_readings("金與正").contains(&"김여정".to_string()));
        // a first character that reads as no Korean surname (普京: 보)
        assert!(hangul_readings("普京").is_empty());
        // not a name of two to four characters, or not Hanja
        assert!(hangul_readings("金").is_empty());
        assert!(hangul_readings("中華人民共和國").is_empty());
        assert!(hangul_readings("Kim").is_empty());
    }
}
