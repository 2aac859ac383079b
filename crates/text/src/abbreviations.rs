//! Common abbreviations of words in organization names, written out, so
//! that `First Bank Int'l` meets `First International Bank` and `Acme Mfg`
//! meets `Acme Manufacturing`. Only abbreviations that are not words or
//! legal forms themselves (`co`, `corp`, `ltd` are legal forms, read
//! elsewhere; `tech`, `gen`, `ind` are left alone: names and words of their
//! own). Applied to organization names and to queries of unknown class, on
//! both sides alike.

const TABLE: &[(&str, &str)] = &[
    ("intl", "international"),
    ("int'l", "international"),
    ("natl", "national"),
    ("mfg", "manufacturing"),
    ("mfrs", "manufacturers"),
    ("bros", "brothers"),
    ("assn", "association"),
    ("assoc", "association"),
    ("dept", "department"),
    ("govt", "government"),
    ("univ", "university"),
    ("svcs", "services"),
    ("svc", "service"),
    ("hldgs", "holdings"),
    ("hldg", "holding"),
    ("grp", "group"),
    ("mgmt", "management"),
    ("engg", "engineering"),
    ("trdg", "trading"),
    ("shpg", "shipping"),
    ("inds", "industries"),
    ("ctr", "center"),
    ("intercontl", "intercontinental"),
    ("devt", "development"),
    ("dvlpmt", "development"),
    ("mktg", "marketing"),
    ("eqpt", "equipment"),
];

/// The tokens with known abbreviations written out; others unchanged.
pub fn expand_abbreviations(mut tokens: Vec<String>) -> Vec<String> {
    for t in &mut tokens {
        if let Some((_, full)) = TABLE.iter().find(|(a, _)| *a == t.as_str()) {
            *t = (*full).to_string();
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn abbreviations_are_written_out() {
        assert_eq!(
            expand_abbreviations(toks("first bank intl")),
            toks("first bank international")
        );
        assert_eq!(
            expand_abbreviations(toks("acme mfg grp")),
            toks("acme manufacturing group")
        );
        assert_eq!(
            expand_abbreviations(toks("korea mining devt mktg")),
            toks("korea mining development marketing")
        );
        // words and legal forms stay
        assert_eq!(expand_abbreviations(toks("tech co")), toks("tech co"));
    }
}
