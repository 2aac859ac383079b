//! A small table of common given-name short forms and nicknames (English,
//! Russian, Arabic), so that `Bibi Netanyahu` meets `Benjamin Netanyahu`
//! and `Sasha` meets `Aleksandr`, and of the same given name in other
//! European languages (`John`/`Juan`/`Jean`/`Giovanni`, `Peter`/`Pedro`/
//! `Pyotr`), as name-equivalence tables of screening tools hold them. Each group lists a given name, its
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
    &["vladimir", "vlad", "volodya", "vova"],
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
    // the same given name in other European languages (separate groups, so
    // that a short form of one language does not meet another's full form:
    // `Jack` is John's, not Juan's)
    &[
        "john", "juan", "jean", "johann", "johannes", "giovanni", "joao", "ioannis", "jan",
    ],
    &[
        "michael", "miguel", "michel", "michele", "mikhail", "mihail", "mikael", "michal",
    ],
    &[
        "peter", "pedro", "pierre", "pietro", "petr", "pyotr", "piotr", "petar", "petro",
    ],
    &["paul", "pablo", "paolo", "pavel", "pawel", "paulo"],
    &[
        "joseph", "jose", "josef", "giuseppe", "iosif", "jozef", "josip",
    ],
    &[
        "george", "jorge", "georg", "giorgio", "georgiy", "georgy", "georgios",
    ],
    &[
        "stephen", "steven", "esteban", "stefan", "stephane", "stefano", "stepan",
    ],
    &[
        "andrew", "andres", "andre", "andrei", "andrey", "andrzej", "andreas", "andrii",
    ],
    &[
        "nicholas", "nicolas", "nikolai", "nikolay", "nicola", "nikola", "niklas",
    ],
    &[
        "alexander",
        "alejandro",
        "alessandro",
        "alexandre",
        "aleksandar",
        "aleksandr",
    ],
    &["william", "guillermo", "guillaume", "wilhelm", "willem"],
    &["charles", "carlos", "carlo", "karl", "carl"],
    &["henry", "enrique", "henri", "heinrich", "enrico"],
    &["francis", "francisco", "francois", "franz", "francesco"],
    &["anthony", "antonio", "antoine", "anton"],
    &["thomas", "tomas", "tommaso"],
    &["richard", "ricardo", "riccardo"],
    &["edward", "eduardo", "edouard", "eduard"],
    &["jacob", "jakob", "jacques", "giacomo", "yakov", "jakub"],
    &[
        "matthew", "mateo", "matteo", "mathieu", "matthias", "matvei", "matvey",
    ],
    &["gregory", "gregorio", "gregoire", "grigory", "grigoriy"],
    &["philip", "felipe", "philippe", "filippo", "filip"],
    &[
        "catherine",
        "catalina",
        "caterina",
        "katarina",
        "ekaterina",
        "yekaterina",
    ],
    &["helen", "helena", "elena", "yelena", "elene"],
    &["sergey", "sergio", "serge", "sergiu"],
    &["louis", "luis", "luigi"],
    &["frederick", "federico", "friedrich"],
    &["vincent", "vicente", "vincenzo"],
];

/// The nickname groups a token belongs to, as a bit set (at most 128
/// groups; 0 for a token in none). Two different tokens are one given name
/// ([`is_nickname`]) when their sets meet, so a caller comparing one token
/// with many reads its set once.
pub fn nickname_groups(t: &str) -> u128 {
    static MAP: std::sync::OnceLock<foldhash::HashMap<&'static str, u128>> =
        std::sync::OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut m = foldhash::HashMap::default();
        for (gi, g) in GROUPS.iter().enumerate() {
            for t in g.iter() {
                *m.entry(*t).or_insert(0u128) |= 1u128 << gi;
            }
        }
        m
    });
    map.get(t).copied().unwrap_or(0)
}

/// Whether two different tokens are the same given name in its full and
/// short (or nickname) form, by the table.
pub fn is_nickname(a: &str, b: &str) -> bool {
    if a == b {
        return false;
    }
    let bits = nickname_groups(a);
    bits != 0 && bits & nickname_groups(b) != 0
}

/// Every other token of the groups a token belongs to (its full forms and
/// short forms), possibly with repeats.
pub fn nickname_variants(t: &str) -> impl Iterator<Item = &'static str> + '_ {
    let bits = nickname_groups(t);
    GROUPS
        .iter()
        .enumerate()
        .filter(move |(gi, _)| bits & (1u128 << gi) != 0)
        .flat_map(|(_, g)| g.iter().copied())
        .filter(move |v| *v != t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_name_in_other_languages() {
        assert!(is_nickname("john", "juan"));
        assert!(is_nickname("giovanni", "john"));
        assert!(is_nickname("pyotr", "pedro"));
        // a short form of one language is not another language's name
        assert!(!is_nickname("jack", "juan"));
        assert!(!is_nickname("mike", "miguel"));
    }

    #[test]
    fn short_forms_meet_their_names() {
        assert!(is_nickname("bibi", "benjamin"));
        assert!(is_nickname("benjamin", "ben"));
        assert!(is_nickname("ted", "theodore"));
        assert!(is_nickname("ted", "edward"));
        assert!(is_nickname("sasha", "aleksandr"));
        assert!(is_nickname("vlad", "vladimir"));
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
        assert!(GROUPS.len() <= 128, "group bits are a u128");
        for g in GROUPS {
            for t in g.iter() {
                assert!(t.len() >= 3, "{t}");
            }
        }
    }
}
