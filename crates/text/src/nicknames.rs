//! A small table of common given-name short forms and nicknames (English,
//! Russian, Arabic), so that `Bibi Netanyahu` meets `Benjamin Netanyahu`
//! and `Sasha` meets `Aleksandr`. Each group lists a given name, its
//! spellings and its usual short forms; two different tokens of one group
//! are nicknames of each other. Tokens are normalized (lowercase ASCII) and
//! at least three letters long (`ed`, `md` are left out: too ambiguous).
//! The matcher credits such a pair less than the same name.

const GROUPS: &[&[&str]] = &[
    // English
    &["benjamin", "ben", "benny", "bibi"],
    &["robert", "bob", "bobby", "rob", "robbie", "bert"],
    &["william", "bill", "billy", "will", "willy", "willie"],
    &["michael", "mike", "mikey", "mick", "mickey"],
    &["edward", "ted", "teddy", "eddie", "eddy", "ned"],
    &["theodore", "ted", "teddy", "theo"],
    &["barack", "barry"],
    &["james", "jim", "jimmy", "jamie"],
    &["richard", "rick", "ricky", "dick", "rich", "richie"],
    &["thomas", "tom", "tommy"],
    &["joseph", "joe", "joey"],
    &["john", "jack", "johnny"],
    &["charles", "charlie", "chuck"],
    &["daniel", "dan", "danny"],
    &["nicholas", "nick", "nicky"],
    &["anthony", "tony"],
    &["christopher", "chris"],
    &["elizabeth", "liz", "lizzie", "beth", "betty"],
    &["margaret", "maggie", "peggy"],
    &["katherine", "catherine", "kate", "katie", "cathy", "kathy"],
    // Russian (several romanizations)
    &[
        "alexander",
        "aleksandr",
        "alexandr",
        "aleksander",
        "alex",
        "sasha",
        "sacha",
        "shura",
    ],
    &["aleksey", "alexey", "aleksei", "alexei", "alyosha", "lesha"],
    &["vladimir", "volodya", "vova"],
    &["dmitry", "dmitriy", "dmitri", "dima"],
    &["mikhail", "misha"],
    &["nikolai", "nikolay", "kolya"],
    &["ivan", "vanya"],
    &["sergey", "sergei", "seryozha"],
    &["yevgeny", "evgeny", "yevgeniy", "evgeniy", "zhenya"],
    &["ekaterina", "yekaterina", "katya"],
    &["anatoly", "anatoliy", "tolya"],
    &["viktor", "victor", "vitya"],
    &["pavel", "pasha"],
    &["yakov", "yasha"],
    // Arabic
    &[
        "muhammad", "mohammad", "mohammed", "mohamed", "muhammed", "mohd", "muhd",
    ],
    &["abdullah", "abdallah", "abdulla", "abdu"],
    &["abdulrahman", "abdelrahman", "abdurrahman"],
];

/// The groups each token belongs to, as a bit set (built once).
fn group_bits(t: &str) -> u64 {
    static MAP: std::sync::OnceLock<std::collections::HashMap<&'static str, u64>> =
        std::sync::OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut m = std::collections::HashMap::new();
        for (gi, g) in GROUPS.iter().enumerate() {
            for t in g.iter() {
                *m.entry(*t).or_insert(0u64) |= 1u64 << gi;
            }
        }
        m
    });
    map.get(t).copied().unwrap_or(0)
}

/// Whether two different tokens are the same given name in its full and
/// short (or nickname) form, by the table.
pub fn is_nickname(a: &str, b: &str) -> bool {
    a != b && group_bits(a) & group_bits(b) != 0
}

/// Every other token of the groups a token belongs to (its full forms and
/// short forms), possibly with repeats.
pub fn nickname_variants(t: &str) -> impl Iterator<Item = &'static str> + '_ {
    let bits = group_bits(t);
    GROUPS
        .iter()
        .enumerate()
        .filter(move |(gi, _)| bits & (1u64 << gi) != 0)
        .flat_map(|(_, g)| g.iter().copied())
        .filter(move |v| *v != t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_forms_meet_their_names() {
        assert!(is_nickname("bibi", "benjamin"));
        assert!(is_nickname("benjamin", "ben"));
        assert!(is_nickname("ted", "theodore"));
        assert!(is_nickname("ted", "edward"));
        assert!(is_nickname("sasha", "aleksandr"));
        assert!(is_nickname("barry", "barack"));
        assert!(nickname_variants("bob").any(|v| v == "robert"));
    }

    #[test]
    fn other_names_do_not() {
        assert!(!is_nickname("bibi", "robert"));
        assert!(!is_nickname("benjamin", "benjamin"));
        assert!(!is_nickname("edward", "theodore"));
        assert!(!is_nickname("sasha", "mikhail"));
        assert_eq!(nickname_variants("netanyahu").count(), 0);
        assert!(GROUPS.len() <= 64, "group bits are a u64");
        for g in GROUPS {
            for t in g.iter() {
                assert!(t.len() >= 3, "{t}");
            }
        }
    }
}
