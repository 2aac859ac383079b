//! Frequent given names of many languages (romanized, lowercase), besides
//! those of the nickname table ([`crate::nicknames`]): a query that starts or
//! ends with one most likely names a person, and a word that is one is
//! more likely a name than an acronym.
//!
//! Hand-compiled from the most frequent given names of national name
//! statistics (United States, United Kingdom, France, Germany, Spain,
//! Italy, Russia, Turkey, the Arab world, China, Korea); not exhaustive.
//! Names shorter than three letters are left out, and so are names that
//! are as often ordinary words of company names (`grace`, `hope`, `star`).

const NAMES: &[&str] = &[
    // English (women)
    "mary", "patricia", "jennifer", "linda", "barbara", "susan", "jessica", "sarah", "karen",
    "lisa", "nancy", "betty", "margaret", "sandra", "ashley", "kimberly", "emily", "donna",
    "michelle", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "sharon",
    "laura", "cynthia", "kathleen", "amy", "angela", "shirley", "anna", "brenda", "pamela",
    "emma", "nicole", "helen", "samantha", "katherine", "christine", "debra", "rachel",
    "carolyn", "janet", "catherine", "maria", "heather", "diane", "ruth", "julie", "olivia",
    "joyce", "virginia", "victoria", "kelly", "lauren", "christina", "joan", "evelyn",
    "judith", "megan", "andrea", "cheryl", "hannah", "jacqueline", "martha", "gloria",
    "teresa", "ann", "sara", "madison", "frances", "kathryn", "janice", "jean", "abigail",
    "alice", "judy", "sophia", "julia", "denise", "amber", "doris", "marilyn", "danielle",
    "beverly", "isabella", "theresa", "diana", "natalie", "brittany", "charlotte", "marie",
    "kayla", "alexis", "lori", "chloe", "mia", "ava", "ella", "lily", "zoe",
    // English (men)
    "david", "paul", "mark", "donald", "steven", "andrew", "kenneth", "joshua", "kevin",
    "brian", "george", "timothy", "ronald", "jason", "jeffrey", "ryan", "jacob", "gary",
    "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon", "frank",
    "gregory", "raymond", "samuel", "patrick", "alexander", "jack", "dennis", "jerry",
    "tyler", "aaron", "henry", "adam", "douglas", "nathan", "peter", "zachary", "kyle",
    "walter", "harold", "jeremy", "ethan", "carl", "keith", "roger", "gerald", "christian",
    "terry", "sean", "arthur", "austin", "noah", "lawrence", "jesse", "joe", "bryan",
    "billy", "jordan", "albert", "dylan", "bruce", "willie", "gabriel", "alan", "juan",
    "logan", "wayne", "ralph", "roy", "eugene", "randy", "vincent", "russell", "louis",
    "philip", "bobby", "johnny", "bradley", "liam", "oliver", "lucas", "mason", "harry",
    // French, German, Italian, Spanish, Portuguese
    "jean", "pierre", "michel", "philippe", "alain", "nicolas", "christophe", "patrick",
    "francois", "laurent", "sophie", "nathalie", "isabelle", "sylvie", "camille", "manon",
    "hans", "klaus", "jurgen", "wolfgang", "uwe", "dieter", "stefan", "andreas", "thomas",
    "michael", "markus", "sabine", "ursula", "petra", "monika", "claudia", "susanne",
    "giuseppe", "giovanni", "antonio", "mario", "luigi", "francesco", "angelo", "vincenzo",
    "pietro", "salvatore", "carlo", "franco", "domenico", "bruno", "paolo", "giulia",
    "francesca", "chiara", "federica", "silvia", "elena", "valentina", "alessandra",
    "jose", "manuel", "francisco", "javier", "carlos", "jesus", "miguel", "rafael", "pedro",
    "angel", "fernando", "luis", "sergio", "pablo", "jorge", "alberto", "ramon", "enrique",
    "carmen", "dolores", "pilar", "josefa", "rosa", "lucia", "mercedes", "cristina",
    "marta", "raquel", "beatriz", "joao", "ana", "fernanda", "juliana", "mariana", "adriana",
    // Russian, Ukrainian, Slavic
    "aleksandr", "alexandr", "sergey", "sergei", "vladimir", "dmitry", "dmitriy", "andrey",
    "andrei", "aleksey", "alexey", "alexei", "ivan", "mikhail", "nikolay", "nikolai",
    "yevgeny", "evgeny", "yuri", "yuriy", "oleg", "viktor", "pavel", "igor", "roman",
    "maksim", "maxim", "artem", "anton", "denis", "ilya", "kirill", "boris", "konstantin",
    "vyacheslav", "vadim", "stanislav", "gennady", "leonid", "anatoly", "valery", "grigory",
    "olga", "elena", "yelena", "tatiana", "tatyana", "natalia", "natalya", "irina",
    "svetlana", "anastasia", "ekaterina", "yekaterina", "marina", "galina", "lyudmila",
    "ludmila", "nadezhda", "valentina", "oksana", "yulia", "julia", "daria", "darya",
    "polina", "ksenia", "kseniya", "larisa", "vera", "inna", "alla", "zoya", "sofia",
    // Arabic, Persian, Turkish, South Asian
    "mohammed", "muhammad", "mohammad", "mohamed", "ahmed", "ahmad", "ali", "omar", "umar",
    "hassan", "hasan", "hussein", "husain", "hussain", "ibrahim", "khalid", "abdullah",
    "abdallah", "yusuf", "youssef", "mustafa", "mostafa", "mahmoud", "mahmud", "said",
    "saeed", "karim", "kareem", "tariq", "hamza", "bilal", "salim", "saleh", "salih",
    "fatima", "fatma", "aisha", "ayesha", "khadija", "maryam", "mariam", "zainab", "layla",
    "leila", "nour", "noor", "amina", "hamid", "majid", "reza", "mehdi", "hossein", "javad",
    "mehmet", "ahmet", "emre", "burak", "murat", "mustafa", "zeynep", "elif", "ayse",
    "emine", "hatice", "rahul", "amit", "sanjay", "vijay", "priya", "anil", "sunil", "raj",
    // Chinese, Korean, Vietnamese (given names written as one word)
    "xiaoming", "jianguo", "minjun", "seojun", "jiwoo",
    "jiho", "seoyeon", "minseo", "jimin", "huong", "linh",
];

/// Whether a normalized token is a frequent given name: in this table or
/// in the nickname table.
pub fn is_given_name(t: &str) -> bool {
    use std::sync::OnceLock;
    static SET: OnceLock<foldhash::HashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| NAMES.iter().copied().collect()).contains(t)
        || crate::nicknames::nickname_groups(t) != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_names_of_many_languages() {
        for t in ["linda", "emma", "olga", "maria", "mia", "mohammed", "john", "sasha"] {
            assert!(is_given_name(t), "{t}");
        }
        for t in ["trading", "bank", "putin", "linda2", ""] {
            assert!(!is_given_name(t), "{t}");
        }
    }
}
