//! Latin names spelt by the orthography of a language that writes some
//! sounds with other letters than English does, read again as English
//! would spell them. Russian names reach those languages through their own
//! transcriptions: Hungarian writes Владимир Путин `Vlagyimir Putyin` and
//! Шойгу `Sojgu`; Dutch writes Путин `Poetin`, Ющенко `Joesjtsjenko` and
//! Ходорковский `Chodorkovski`; German `Jewgeni Prigoschin`, `Gorbatschow`;
//! French `Evgueni Prigojine`, `Sergueï Choïgou`.
//!
//! Each reading is made only for a name showing its language's marks, as
//! an extra form next to the name as written (so a mark that is not one,
//! `Joel`, costs a reading that meets nothing). Tokens are the lowercase
//! ASCII tokens of a reading.

/// A language's spelling of names, read again as English spells them.
#[derive(Debug)]
pub struct Spelling {
    /// The scheme of the reading (see [`crate::NameForm::scheme`]).
    pub scheme: &'static str,
    /// The language, for explanations.
    pub language: &'static str,
    /// The letter groups read, as an analyst reads them (`sz s, cs ch`).
    pub note: &'static str,
    /// Whether a token shows the language's marks (only a name with one is
    /// read).
    marked: fn(&str) -> bool,
    /// Letter groups and the English letters for their sounds, longest
    /// first (the first that fits at each place is read).
    rules: &'static [(&'static str, &'static str)],
    /// A final `e` after a consonant is silent (French `Poutine`).
    silent_final_e: bool,
    /// Letter groups that spell a voiceless sound and its voiced twin
    /// (German `sch` is Russian ш and ж: `Schoigu`, `Breschnew`): a second,
    /// voiced reading writes each group as given here, all at once.
    second: &'static [(&'static str, &'static str)],
    /// In the voiced reading, an `s` before a vowel (not the first letter)
    /// is a `z` too: German writes Russian з `s` (`Tschemesow` is Chemezov,
    /// `Ansor` Anzor), and с mostly so as well (`Wasiljewitsch`), which the
    /// first reading keeps.
    voiced_s: bool,
}

/// The spellings read, in the order their readings are made.
pub const SPELLINGS: &[Spelling] = &[
    // Hungarian: `sz` s, `zs` zh, `cs` ch, `dzs` j, `gy` d, `ty` t, `ny` n,
    // `s` sh, `j` y; marked by `sz`, `zs`, `cs`, `gy` or `ty` before a
    // vowel, or `-ics` (the patronymic `-vics`)
    Spelling {
        scheme: HUNGARIAN_SPELLED,
        language: "Hungarian",
        note: "sz s, s sh, cs ch, gy d, ty t",
        marked: |t| {
            t.contains("sz")
                || t.contains("zs")
                || t.contains("cs")
                || t.ends_with("ics")
                || t.as_bytes().windows(3).any(|w| {
                    matches!(&w[..2], b"gy" | b"ty")
                        && matches!(w[2], b'a' | b'e' | b'i' | b'o' | b'u')
                })
        },
        rules: &[
            ("dzs", "j"),
            ("sz", "s"),
            ("zs", "zh"),
            ("cs", "ch"),
            ("gy", "d"),
            ("ty", "t"),
            ("ny", "n"),
            ("s", "sh"),
            ("j", "y"),
        ],
        silent_final_e: false,
        second: &[],
        voiced_s: false,
    },
    // Dutch: `tsj` ch, `sj` sh, `zj` zh, `oe` u, `ch` kh, `j` y; marked by
    // `sj`, `zj` or `oe`
    Spelling {
        scheme: DUTCH_SPELLED,
        language: "Dutch",
        note: "oe u, sj sh, tsj ch, ch kh",
        marked: |t| t.contains("sj") || t.contains("zj") || t.contains("oe"),
        rules: &[
            ("tsj", "ch"),
            ("sj", "sh"),
            ("zj", "zh"),
            ("oe", "u"),
            ("ch", "kh"),
            ("j", "y"),
        ],
        silent_final_e: false,
        second: &[],
        voiced_s: false,
    },
    // German (Jewgeni Prigoschin, Gorbatschow, Jelzin; voiced: Breschnew,
    // Tschemesow): `schtsch` shch, `tsch` ch, `sch` sh (voiced zh), `ch`
    // kh, `w` v, `z` ts, `j` y, `s` before a vowel (voiced) z; marked by `sch`
    // or a Russian ending in German spelling (`-owa`, `-ewa`, `-owna`,
    // `-ewna`, `-aja`, `-witsch`, the adjectives' `-owskij`, `-ewskij` and
    // their `-owskiy`, `-owski` forms, -ёв as `-jow` or `-iow`; `-ow`,
    // `-ew` after a consonant, not the Somali `Xuuroow`)
    Spelling {
        scheme: GERMAN_SPELLED,
        language: "German",
        note: "sch sh or zh, tsch ch, ch kh, w v, z ts, j y, s before a vowel s or z",
        marked: |t| {
            t.contains("sch")
                || [
                    "owa", "ewa", "owna", "ewna", "aja", "witsch", "owskij", "ewskij", "owskiy",
                    "ewskiy", "owski", "ewski", "jow", "iow",
                ]
                .iter()
                .any(|e| t.len() > e.len() + 2 && t.ends_with(e))
                || ["ow", "ew"].iter().any(|e| {
                    t.len() > e.len() + 2
                        && t.ends_with(e)
                        && t.as_bytes()
                            .get(t.len() - e.len() - 1)
                            .is_some_and(|b| !matches!(b, b'a' | b'e' | b'i' | b'o' | b'u'))
                })
        },
        rules: &[
            ("schtsch", "shch"),
            ("tsch", "ch"),
            ("sch", "sh"),
            ("ch", "kh"),
            ("w", "v"),
            ("z", "ts"),
            ("j", "y"),
        ],
        silent_final_e: false,
        second: &[("sch", "zh")],
        voiced_s: true,
    },
    // French (Evgueni Prigojine, Sergueï Choïgou, Poutine, Setchine): `ch`
    // sh, `tch` ch, `j` zh, `ou` u, `gue` ge, `gui` gi, a final `e` silent; marked by
    // `gue`, `gui`, `tch`, `-itch`, `-ine`, or `ou` with `ch` or `j` (`ou`
    // alone is in Arabic names' French spellings, `Mahmoud`, which the
    // spelling key reads already)
    Spelling {
        scheme: FRENCH_SPELLED,
        language: "French",
        note: "ch sh, tch ch, j zh, ou u, gue ge, final e silent",
        marked: |t| {
            t.contains("gue")
                || t.contains("gui")
                || t.contains("tch")
                || t.ends_with("itch")
                || (t.len() > 5 && t.ends_with("ine"))
                || (t.contains("ou") && (t.contains("ch") || t.contains('j')))
        },
        rules: &[
            ("gue", "ge"),
            ("gui", "gi"),
            ("tch", "ch"),
            ("ch", "sh"),
            ("ou", "u"),
            ("j", "zh"),
        ],
        silent_final_e: true,
        second: &[],
        voiced_s: false,
    },
];

/// The scheme of a Latin name's reading as English spells what Hungarian
/// spelling writes (`Vlagyimir Putyin`).
pub const HUNGARIAN_SPELLED: &str = "hu-spelled";
/// ... Dutch spelling writes (`Poetin`).
pub const DUTCH_SPELLED: &str = "nl-spelled";
/// ... German spelling writes (`Jewgeni Prigoschin`).
pub const GERMAN_SPELLED: &str = "de-spelled";
/// ... French spelling writes (`Evgueni Prigojine`).
pub const FRENCH_SPELLED: &str = "fr-spelled";

/// The spelling a scheme names, if it is one of [`SPELLINGS`].
pub fn spelling(scheme: &str) -> Option<&'static Spelling> {
    SPELLINGS.iter().find(|s| s.scheme == scheme)
}

impl Spelling {
    /// The tokens with each letter group of the rules written as its
    /// English spelling, when a token shows the language's mark and the
    /// reading differs; with a second, voiced reading (see `second` and
    /// `voiced_s`) when the language has one and it differs from both.
    pub fn readings(&self, tokens: &[String]) -> Vec<Vec<String>> {
        if !tokens.iter().any(|t| (self.marked)(t)) {
            return Vec::new();
        }
        let mut out: Vec<Vec<String>> = Vec::with_capacity(2);
        let first: Vec<String> = tokens.iter().map(|t| self.read(t, false)).collect();
        if first != tokens {
            out.push(first);
        }
        if !self.second.is_empty() {
            let second: Vec<String> = tokens.iter().map(|t| self.read(t, true)).collect();
            if second != tokens && !out.contains(&second) {
                out.push(second);
            }
        }
        out
    }

    /// One token read by the rules (by `second` where it has the group).
    fn read(&self, t: &str, second: bool) -> String {
        let vowel = |b: u8| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
        let bytes = t.as_bytes();
        let mut out = String::with_capacity(t.len() + 2);
        let mut at = 0;
        while let Some(c) = t.get(at..).and_then(|r| r.chars().next()) {
            let rest = t.get(at..).unwrap_or("");
            let rule = self
                .rules
                .iter()
                .find(|(from, _)| rest.starts_with(from))
                .map(|&(from, to)| {
                    let alt = second
                        .then(|| self.second.iter().find(|(f, _)| *f == from))
                        .flatten();
                    (from, alt.map_or(to, |a| a.1))
                });
            match rule {
                Some((from, to)) => {
                    out.push_str(to);
                    at += from.len();
                }
                None => {
                    let voiced_s = second
                        && self.voiced_s
                        && c == 's'
                        && at > 0
                        && bytes.get(at + 1).is_some_and(|&b| vowel(b));
                    if voiced_s {
                        out.push('z');
                    } else {
                        out.push(c);
                    }
                    at += c.len_utf8();
                }
            }
        }
        if self.silent_final_e && out.len() >= 5 && out.ends_with('e') {
            let before = out.as_bytes().get(out.len() - 2).copied();
            if before.is_some_and(|b| !vowel(b)) {
                out.pop();
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(scheme: &str, s: &str) -> Option<String> {
        let toks: Vec<String> = s.split(' ').map(str::to_string).collect();
        spelling(scheme)?
            .readings(&toks)
            .first()
            .map(|v| v.join(" "))
    }

    #[test]
    fn hungarian_spellings_of_russian_names() {
        let r = |s: &str| read(HUNGARIAN_SPELLED, s);
        assert_eq!(
            r("vlagyimir vlagyimirovics putyin").as_deref(),
            Some("vladimir vladimirovich putin")
        );
        assert_eq!(r("szergej sojgu").as_deref(), Some("sergey shoygu"));
        // no Hungarian mark: no reading
        assert_eq!(r("sergei shoigu"), None);
        assert_eq!(r("tyson fury"), None);
    }

    #[test]
    fn dutch_spellings_of_russian_names() {
        let r = |s: &str| read(DUTCH_SPELLED, s);
        assert_eq!(
            r("wladimir wladimirowitsj poetin").as_deref(),
            Some("wladimir wladimirowich putin")
        );
        assert_eq!(
            r("viktor joesjtsjenko").as_deref(),
            Some("viktor yushchenko")
        );
        assert_eq!(
            r("michail chodorkovski sjoejgoe").as_deref(),
            Some("mikhail khodorkovski shuygu")
        );
        assert_eq!(r("vladimir putin"), None);
    }

    #[test]
    fn german_spellings_of_russian_names() {
        let r = |s: &str| read(GERMAN_SPELLED, s);
        assert_eq!(
            r("jewgeni prigoschin").as_deref(),
            Some("yevgeni prigoshin")
        );
        assert_eq!(
            r("michail gorbatschow").as_deref(),
            Some("mikhail gorbachov")
        );
        assert_eq!(r("boris jelzin").as_deref(), None);
        assert_eq!(
            r("boris jelzin schmidt").as_deref(),
            Some("boris yeltsin shmidt")
        );
        assert_eq!(r("vladimir putin"), None);
        // (real names: OFAC's TSARYOV, the UK's TSARIOV, Oleg; JSC
        // KLINTSOVSKIY MOBILE CRANE PLANT; LLC TMK YARTSEVSKIY METALLURGICAL
        // PLANT)
        assert_eq!(r("oleg zarjow").as_deref(), Some("oleg tsaryov"));
        assert_eq!(r("oleg zariow").as_deref(), Some("oleg tsariov"));
        assert_eq!(
            r("klinzowskij kranwerk").as_deref(),
            Some("klintsovskiy kranverk")
        );
        assert_eq!(r("jarzewskiy").as_deref(), Some("yartsevskiy"));
        // the Somali `-oow`: no reading
        assert_eq!(r("xuuroow"), None);
    }

    #[test]
    fn german_spelling_reads_voiced_sounds_a_second_time() {
        let all = |s: &str| -> Vec<String> {
            let toks: Vec<String> = s.split(' ').map(str::to_string).collect();
            spelling(GERMAN_SPELLED)
                .map(|g| g.readings(&toks))
                .unwrap_or_default()
                .iter()
                .map(|v| v.join(" "))
                .collect()
        };
        // (real names: OFAC's CHEMEZOV, Sergei; PARTSKHALADZE, Otar
        // Anzorovich; JSC VOLZHSKIY PIPE PLANT)
        assert_eq!(
            all("sergei tschemesow"),
            ["sergei chemesov", "sergei chemezov"]
        );
        assert_eq!(
            all("parzchaladse otar ansorowitsch"),
            [
                "partskhaladse otar ansorovich",
                "partskhaladze otar anzorovich"
            ]
        );
        assert_eq!(all("wolschskiy"), ["volshskiy", "volzhskiy"]);
        // the first reading keeps `s` (Wasiljewitsch: с)
        assert_eq!(
            all("alexander wasiljewitsch").first().map(String::as_str),
            Some("alexander vasilyevich")
        );
        // no German mark: no reading
        assert!(all("vladimir putin").is_empty());
    }

    #[test]
    fn french_spellings_of_russian_names() {
        let r = |s: &str| read(FRENCH_SPELLED, s);
        assert_eq!(r("evgueni prigojine").as_deref(), Some("evgeni prigozhin"));
        assert_eq!(r("serguei choigou").as_deref(), Some("sergei shoigu"));
        assert_eq!(r("vladimir poutine").as_deref(), Some("vladimir putin"));
        assert_eq!(r("sergei shoigu"), None);
    }
}
