//! ISO 3166 country codes and the country names publishers write.
//!
//! Lists name countries in many ways ("Korea, North", "Democratic People's
//! Republic of Korea", "DPRK", "Russian Federation"); the model stores ISO
//! 3166-1 alpha-2 codes so that a nationality from the UN list and one from
//! OFAC compare equal.
//!
//! [`country_code`] reads a code or a name: every ISO 3166-1 country by its
//! alpha-2 code, alpha-3 code, English short name and official name, plus the
//! variants sanctions lists write (inverted forms such as "Congo, Democratic
//! Republic of the", common names such as "Burma" or "Türkiye", and the usual
//! nationality adjectives such as "Iranian").
//!
//! Decisions on places that are not plain ISO 3166-1 countries:
//!
//! * Kosovo is `XK` (the user-assigned code the EU, OFAC and FollowTheMoney use).
//! * Palestinian territories ("Palestinian", "West Bank", "Gaza", "State of
//!   Palestine") are `PS`.
//! * Crimea ("Region: Crimea", "Crimea", "Sevastopol") is `UA`, the country it
//!   belongs to under international law.
//! * States that dissolved keep their former ISO 3166-1 codes, still reserved
//!   in ISO 3166-3, because a birth in "USSR" is not a birth in Russia:
//!   Soviet Union `SU`, Yugoslavia `YU`, Czechoslovakia `CS`, East Germany
//!   `DD`, Netherlands Antilles `AN`. "Serbia and Montenegro" (which also had
//!   `CS` for a while) maps to its legal successor Serbia, `RS`, so that `CS`
//!   means one thing only. States that were only renamed map to the current
//!   code: Burma `MM`, Zaire `CD`, Swaziland `SZ`, East Timor `TL`.
//! * Soviet republics ("Ukrainian SSR", "Kazakh SSR", "RSFSR") map to the
//!   country they became.
//! * A bare "Korea" and "Congolese" are ambiguous and map to nothing; "Congo"
//!   alone is the Republic of the Congo (`CG`), as the UN writes it.
//! * A lower-case "na" (or "n/a") means "not available" in the UN list, not
//!   Namibia; only the exact upper-case code "NA" reads as Namibia.
//! * Regions that are not one country ("Region: Commonwealth of Independent
//!   States", "Region: Jammu and Kashmir", "Region: Kafia Kingi") map to nothing.

use std::collections::HashMap;
use std::sync::OnceLock;

/// One row of the country table: alpha-2, alpha-3, display name, other names.
type Country = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
);

/// The ISO 3166-1 alpha-2 code for a country name, alias or code as a list
/// writes it, e.g. `"Korea, North"` → `"KP"`.
///
/// Case, diacritics, punctuation, spacing and the word "the" are ignored.
/// When the whole text is not known, a trailing parenthesised remark is
/// dropped ("Afghanistan (at time of listing)"), an inverted form is turned
/// round ("Man, Isle of"), and a leading "Region:" is dropped. See the module
/// documentation for the codes chosen for places that are not ISO countries.
pub fn country_code(name: &str) -> Option<&'static str> {
    let text = name.trim();
    if text.is_empty() {
        return None;
    }
    if let Some(code) = lookup(text) {
        return Some(code);
    }
    let mut text = text;
    let prefix = "region:";
    if text.len() > prefix.len()
        && text.is_char_boundary(prefix.len())
        && text[..prefix.len()].eq_ignore_ascii_case(prefix)
    {
        text = text[prefix.len()..].trim();
        if let Some(code) = lookup(text) {
            return Some(code);
        }
    }
    let base = match text.find(['(', '[']) {
        Some(i) if i > 0 => text[..i].trim(),
        _ => text,
    };
    if base != text {
        if let Some(code) = lookup(base) {
            return Some(code);
        }
    }
    if let Some((head, tail)) = base.split_once(',') {
        if !tail.contains(',') {
            return lookup(&format!("{} {}", tail.trim(), head.trim()));
        }
    }
    None
}

/// The English short name of a country for display, e.g. `"KP"` → `"North Korea"`.
///
/// Accepts the codes [`country_code`] returns, in either case.
pub fn country_name(code: &str) -> Option<&'static str> {
    find(code.trim()).map(|c| c.2)
}

/// Whether `code` is an upper-case alpha-2 code that [`country_code`] can
/// return (every ISO 3166-1 code, `XK`, and the former codes `SU`, `YU`,
/// `CS`, `DD`, `AN`).
pub fn is_country_code(code: &str) -> bool {
    code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) && find(code).is_some()
}

fn find(code: &str) -> Option<&'static Country> {
    if code.len() != 2 {
        return None;
    }
    let upper = code.to_ascii_uppercase();
    COUNTRIES
        .binary_search_by(|c| c.0.cmp(upper.as_str()))
        .ok()
        .and_then(|i| COUNTRIES.get(i))
}

fn lookup(text: &str) -> Option<&'static str> {
    let key = normalize(text);
    if key.is_empty() || (key == "na" && text != "NA") {
        return None;
    }
    index().get(key.as_str()).copied()
}

fn index() -> &'static HashMap<String, &'static str> {
    static INDEX: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    INDEX.get_or_init(|| build_index().0)
}

/// Builds the lookup index and lists the keys that two countries claim
/// (the first claim wins; the tests require there to be none).
fn build_index() -> (HashMap<String, &'static str>, Vec<String>) {
    let mut map: HashMap<String, &'static str> = HashMap::new();
    let mut conflicts = Vec::new();
    let mut add = |name: &str, code: &'static str| {
        let key = normalize(name);
        if key.is_empty() {
            return;
        }
        match map.get(&key) {
            Some(&existing) if existing != code => {
                conflicts.push(format!("{name:?} -> {existing} and {code}"))
            }
            Some(_) => {}
            None => {
                map.insert(key, code);
            }
        }
    };
    for (a2, a3, display, others) in COUNTRIES {
        add(a2, a2);
        add(a3, a2);
        add(display, a2);
        for other in *others {
            add(other, a2);
        }
    }
    for (name, code) in ALIASES {
        add(name, code);
    }
    (map, conflicts)
}

/// The lookup key: lower case, diacritics folded, the word "the" dropped,
/// "st" read as "saint", "&" as "and", and every other non-alphanumeric
/// character removed (so "Cote d Ivoire", "Côte d'Ivoire" and "COTE DIVOIRE"
/// share one key).
fn normalize(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '&' {
            folded.push_str(" and ");
        } else if let Some(s) = fold(c) {
            folded.push_str(s);
        } else if c.is_alphanumeric() {
            folded.extend(c.to_lowercase());
        } else {
            folded.push(' ');
        }
    }
    let mut key = String::with_capacity(folded.len());
    for word in folded.split(|c: char| !c.is_alphanumeric()) {
        match word {
            "" | "the" => {}
            "st" => key.push_str("saint"),
            w => key.push_str(w),
        }
    }
    key
}

/// ASCII for the accented Latin letters found in country names.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'A'..='Z' | 'a'..='z' | '0'..='9' => return None,
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å'
        | 'Ā' | 'Ă' | 'Ą' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' | 'Ç' | 'Ć' | 'Č' | 'Ĉ' | 'Ċ' => "c",
        'ď' | 'đ' | 'Ď' | 'Đ' | 'ð' | 'Ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ĕ'
        | 'Ė' | 'Ę' | 'Ě' => "e",
        'ğ' | 'ĝ' | 'ġ' | 'ģ' | 'Ğ' | 'Ĝ' | 'Ġ' | 'Ģ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ĩ' | 'Ī'
        | 'Ĭ' | 'Į' | 'İ' => "i",
        'ķ' | 'Ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ł' | 'Ĺ' | 'Ļ' | 'Ľ' | 'Ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'Ñ' | 'Ń' | 'Ņ' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø'
        | 'Ō' | 'Ŏ' | 'Ő' => "o",
        'œ' | 'Œ' => "oe",
        'ŕ' | 'ř' | 'Ŕ' | 'Ř' => "r",
        'ś' | 'ş' | 'š' | 'ș' | 'Ś' | 'Ş' | 'Š' | 'Ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ț' | 'Ţ' | 'Ť' | 'Ț' => "t",
        'þ' | 'Þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ũ'
        | 'Ū' | 'Ŭ' | 'Ů' | 'Ű' | 'Ų' => "u",
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        _ => return None,
    })
}

/// Every country [`country_code`] can return, sorted by alpha-2 code (the
/// ISO 3166-1 table as of 2024, plus `XK` and the former codes `AN`, `CS`,
/// `DD`, `SU`, `YU`).
const COUNTRIES: &[Country] = &[
    ("AD", "AND", "Andorra", &["Principality of Andorra"]),
    ("AE", "ARE", "United Arab Emirates", &[]),
    (
        "AF",
        "AFG",
        "Afghanistan",
        &["Islamic Republic of Afghanistan"],
    ),
    ("AG", "ATG", "Antigua and Barbuda", &[]),
    ("AI", "AIA", "Anguilla", &[]),
    ("AL", "ALB", "Albania", &["Republic of Albania"]),
    ("AM", "ARM", "Armenia", &["Republic of Armenia"]),
    ("AN", "ANT", "Netherlands Antilles", &[]),
    ("AO", "AGO", "Angola", &["Republic of Angola"]),
    ("AQ", "ATA", "Antarctica", &[]),
    ("AR", "ARG", "Argentina", &["Argentine Republic"]),
    ("AS", "ASM", "American Samoa", &[]),
    ("AT", "AUT", "Austria", &["Republic of Austria"]),
    ("AU", "AUS", "Australia", &[]),
    ("AW", "ABW", "Aruba", &[]),
    ("AX", "ALA", "Åland Islands", &[]),
    ("AZ", "AZE", "Azerbaijan", &["Republic of Azerbaijan"]),
    (
        "BA",
        "BIH",
        "Bosnia and Herzegovina",
        &["Republic of Bosnia and Herzegovina"],
    ),
    ("BB", "BRB", "Barbados", &[]),
    (
        "BD",
        "BGD",
        "Bangladesh",
        &["People's Republic of Bangladesh"],
    ),
    ("BE", "BEL", "Belgium", &["Kingdom of Belgium"]),
    ("BF", "BFA", "Burkina Faso", &[]),
    ("BG", "BGR", "Bulgaria", &["Republic of Bulgaria"]),
    ("BH", "BHR", "Bahrain", &["Kingdom of Bahrain"]),
    ("BI", "BDI", "Burundi", &["Republic of Burundi"]),
    ("BJ", "BEN", "Benin", &["Republic of Benin"]),
    ("BL", "BLM", "Saint Barthélemy", &[]),
    ("BM", "BMU", "Bermuda", &[]),
    ("BN", "BRN", "Brunei Darussalam", &[]),
    (
        "BO",
        "BOL",
        "Bolivia",
        &[
            "Bolivia, Plurinational State of",
            "Plurinational State of Bolivia",
        ],
    ),
    ("BQ", "BES", "Bonaire, Sint Eustatius and Saba", &[]),
    ("BR", "BRA", "Brazil", &["Federative Republic of Brazil"]),
    ("BS", "BHS", "Bahamas", &["Commonwealth of the Bahamas"]),
    ("BT", "BTN", "Bhutan", &["Kingdom of Bhutan"]),
    ("BV", "BVT", "Bouvet Island", &[]),
    ("BW", "BWA", "Botswana", &["Republic of Botswana"]),
    ("BY", "BLR", "Belarus", &["Republic of Belarus"]),
    ("BZ", "BLZ", "Belize", &[]),
    ("CA", "CAN", "Canada", &[]),
    ("CC", "CCK", "Cocos (Keeling) Islands", &[]),
    (
        "CD",
        "COD",
        "Democratic Republic of the Congo",
        &["Congo, The Democratic Republic of the"],
    ),
    ("CF", "CAF", "Central African Republic", &[]),
    ("CG", "COG", "Congo", &["Republic of the Congo"]),
    ("CH", "CHE", "Switzerland", &["Swiss Confederation"]),
    ("CI", "CIV", "Côte d'Ivoire", &["Republic of Côte d'Ivoire"]),
    ("CK", "COK", "Cook Islands", &[]),
    ("CL", "CHL", "Chile", &["Republic of Chile"]),
    ("CM", "CMR", "Cameroon", &["Republic of Cameroon"]),
    ("CN", "CHN", "China", &["People's Republic of China"]),
    ("CO", "COL", "Colombia", &["Republic of Colombia"]),
    ("CR", "CRI", "Costa Rica", &["Republic of Costa Rica"]),
    (
        "CS",
        "CSK",
        "Czechoslovakia",
        &["Czechoslovak Socialist Republic"],
    ),
    ("CU", "CUB", "Cuba", &["Republic of Cuba"]),
    ("CV", "CPV", "Cabo Verde", &["Republic of Cabo Verde"]),
    ("CW", "CUW", "Curaçao", &[]),
    ("CX", "CXR", "Christmas Island", &[]),
    ("CY", "CYP", "Cyprus", &["Republic of Cyprus"]),
    ("CZ", "CZE", "Czechia", &["Czech Republic"]),
    ("DD", "DDR", "East Germany", &["German Democratic Republic"]),
    ("DE", "DEU", "Germany", &["Federal Republic of Germany"]),
    ("DJ", "DJI", "Djibouti", &["Republic of Djibouti"]),
    ("DK", "DNK", "Denmark", &["Kingdom of Denmark"]),
    ("DM", "DMA", "Dominica", &["Commonwealth of Dominica"]),
    ("DO", "DOM", "Dominican Republic", &[]),
    (
        "DZ",
        "DZA",
        "Algeria",
        &["People's Democratic Republic of Algeria"],
    ),
    ("EC", "ECU", "Ecuador", &["Republic of Ecuador"]),
    ("EE", "EST", "Estonia", &["Republic of Estonia"]),
    ("EG", "EGY", "Egypt", &["Arab Republic of Egypt"]),
    ("EH", "ESH", "Western Sahara", &[]),
    ("ER", "ERI", "Eritrea", &["the State of Eritrea"]),
    ("ES", "ESP", "Spain", &["Kingdom of Spain"]),
    (
        "ET",
        "ETH",
        "Ethiopia",
        &["Federal Democratic Republic of Ethiopia"],
    ),
    ("FI", "FIN", "Finland", &["Republic of Finland"]),
    ("FJ", "FJI", "Fiji", &["Republic of Fiji"]),
    (
        "FK",
        "FLK",
        "Falkland Islands",
        &["Falkland Islands (Malvinas)"],
    ),
    (
        "FM",
        "FSM",
        "Micronesia",
        &[
            "Micronesia, Federated States of",
            "Federated States of Micronesia",
        ],
    ),
    ("FO", "FRO", "Faroe Islands", &[]),
    ("FR", "FRA", "France", &["French Republic"]),
    ("GA", "GAB", "Gabon", &["Gabonese Republic"]),
    (
        "GB",
        "GBR",
        "United Kingdom",
        &["United Kingdom of Great Britain and Northern Ireland"],
    ),
    ("GD", "GRD", "Grenada", &[]),
    ("GE", "GEO", "Georgia", &[]),
    ("GF", "GUF", "French Guiana", &[]),
    ("GG", "GGY", "Guernsey", &[]),
    ("GH", "GHA", "Ghana", &["Republic of Ghana"]),
    ("GI", "GIB", "Gibraltar", &[]),
    ("GL", "GRL", "Greenland", &[]),
    ("GM", "GMB", "Gambia", &["Republic of the Gambia"]),
    ("GN", "GIN", "Guinea", &["Republic of Guinea"]),
    ("GP", "GLP", "Guadeloupe", &[]),
    (
        "GQ",
        "GNQ",
        "Equatorial Guinea",
        &["Republic of Equatorial Guinea"],
    ),
    ("GR", "GRC", "Greece", &["Hellenic Republic"]),
    (
        "GS",
        "SGS",
        "South Georgia and the South Sandwich Islands",
        &[],
    ),
    ("GT", "GTM", "Guatemala", &["Republic of Guatemala"]),
    ("GU", "GUM", "Guam", &[]),
    ("GW", "GNB", "Guinea-Bissau", &["Republic of Guinea-Bissau"]),
    ("GY", "GUY", "Guyana", &["Republic of Guyana"]),
    (
        "HK",
        "HKG",
        "Hong Kong",
        &["Hong Kong Special Administrative Region of China"],
    ),
    ("HM", "HMD", "Heard Island and McDonald Islands", &[]),
    ("HN", "HND", "Honduras", &["Republic of Honduras"]),
    ("HR", "HRV", "Croatia", &["Republic of Croatia"]),
    ("HT", "HTI", "Haiti", &["Republic of Haiti"]),
    ("HU", "HUN", "Hungary", &[]),
    ("ID", "IDN", "Indonesia", &["Republic of Indonesia"]),
    ("IE", "IRL", "Ireland", &[]),
    ("IL", "ISR", "Israel", &["State of Israel"]),
    ("IM", "IMN", "Isle of Man", &[]),
    ("IN", "IND", "India", &["Republic of India"]),
    ("IO", "IOT", "British Indian Ocean Territory", &[]),
    ("IQ", "IRQ", "Iraq", &["Republic of Iraq"]),
    (
        "IR",
        "IRN",
        "Iran",
        &["Iran, Islamic Republic of", "Islamic Republic of Iran"],
    ),
    ("IS", "ISL", "Iceland", &["Republic of Iceland"]),
    ("IT", "ITA", "Italy", &["Italian Republic"]),
    ("JE", "JEY", "Jersey", &[]),
    ("JM", "JAM", "Jamaica", &[]),
    ("JO", "JOR", "Jordan", &["Hashemite Kingdom of Jordan"]),
    ("JP", "JPN", "Japan", &[]),
    ("KE", "KEN", "Kenya", &["Republic of Kenya"]),
    ("KG", "KGZ", "Kyrgyzstan", &["Kyrgyz Republic"]),
    ("KH", "KHM", "Cambodia", &["Kingdom of Cambodia"]),
    ("KI", "KIR", "Kiribati", &["Republic of Kiribati"]),
    ("KM", "COM", "Comoros", &["Union of the Comoros"]),
    ("KN", "KNA", "Saint Kitts and Nevis", &[]),
    (
        "KP",
        "PRK",
        "North Korea",
        &[
            "Korea, Democratic People's Republic of",
            "Democratic People's Republic of Korea",
        ],
    ),
    ("KR", "KOR", "South Korea", &["Korea, Republic of"]),
    ("KW", "KWT", "Kuwait", &["State of Kuwait"]),
    ("KY", "CYM", "Cayman Islands", &[]),
    ("KZ", "KAZ", "Kazakhstan", &["Republic of Kazakhstan"]),
    ("LA", "LAO", "Laos", &["Lao People's Democratic Republic"]),
    ("LB", "LBN", "Lebanon", &["Lebanese Republic"]),
    ("LC", "LCA", "Saint Lucia", &[]),
    (
        "LI",
        "LIE",
        "Liechtenstein",
        &["Principality of Liechtenstein"],
    ),
    (
        "LK",
        "LKA",
        "Sri Lanka",
        &["Democratic Socialist Republic of Sri Lanka"],
    ),
    ("LR", "LBR", "Liberia", &["Republic of Liberia"]),
    ("LS", "LSO", "Lesotho", &["Kingdom of Lesotho"]),
    ("LT", "LTU", "Lithuania", &["Republic of Lithuania"]),
    ("LU", "LUX", "Luxembourg", &["Grand Duchy of Luxembourg"]),
    ("LV", "LVA", "Latvia", &["Republic of Latvia"]),
    ("LY", "LBY", "Libya", &[]),
    ("MA", "MAR", "Morocco", &["Kingdom of Morocco"]),
    ("MC", "MCO", "Monaco", &["Principality of Monaco"]),
    (
        "MD",
        "MDA",
        "Moldova",
        &["Moldova, Republic of", "Republic of Moldova"],
    ),
    ("ME", "MNE", "Montenegro", &[]),
    ("MF", "MAF", "Saint Martin", &["Saint Martin (French part)"]),
    ("MG", "MDG", "Madagascar", &["Republic of Madagascar"]),
    (
        "MH",
        "MHL",
        "Marshall Islands",
        &["Republic of the Marshall Islands"],
    ),
    (
        "MK",
        "MKD",
        "North Macedonia",
        &["Republic of North Macedonia"],
    ),
    ("ML", "MLI", "Mali", &["Republic of Mali"]),
    ("MM", "MMR", "Myanmar", &["Republic of Myanmar"]),
    ("MN", "MNG", "Mongolia", &[]),
    (
        "MO",
        "MAC",
        "Macao",
        &["Macao Special Administrative Region of China"],
    ),
    (
        "MP",
        "MNP",
        "Northern Mariana Islands",
        &["Commonwealth of the Northern Mariana Islands"],
    ),
    ("MQ", "MTQ", "Martinique", &[]),
    (
        "MR",
        "MRT",
        "Mauritania",
        &["Islamic Republic of Mauritania"],
    ),
    ("MS", "MSR", "Montserrat", &[]),
    ("MT", "MLT", "Malta", &["Republic of Malta"]),
    ("MU", "MUS", "Mauritius", &["Republic of Mauritius"]),
    ("MV", "MDV", "Maldives", &["Republic of Maldives"]),
    ("MW", "MWI", "Malawi", &["Republic of Malawi"]),
    ("MX", "MEX", "Mexico", &["United Mexican States"]),
    ("MY", "MYS", "Malaysia", &[]),
    ("MZ", "MOZ", "Mozambique", &["Republic of Mozambique"]),
    ("NA", "NAM", "Namibia", &["Republic of Namibia"]),
    ("NC", "NCL", "New Caledonia", &[]),
    ("NE", "NER", "Niger", &["Republic of the Niger"]),
    ("NF", "NFK", "Norfolk Island", &[]),
    ("NG", "NGA", "Nigeria", &["Federal Republic of Nigeria"]),
    ("NI", "NIC", "Nicaragua", &["Republic of Nicaragua"]),
    ("NL", "NLD", "Netherlands", &["Kingdom of the Netherlands"]),
    ("NO", "NOR", "Norway", &["Kingdom of Norway"]),
    (
        "NP",
        "NPL",
        "Nepal",
        &["Federal Democratic Republic of Nepal"],
    ),
    ("NR", "NRU", "Nauru", &["Republic of Nauru"]),
    ("NU", "NIU", "Niue", &[]),
    ("NZ", "NZL", "New Zealand", &[]),
    ("OM", "OMN", "Oman", &["Sultanate of Oman"]),
    ("PA", "PAN", "Panama", &["Republic of Panama"]),
    ("PE", "PER", "Peru", &["Republic of Peru"]),
    ("PF", "PYF", "French Polynesia", &[]),
    (
        "PG",
        "PNG",
        "Papua New Guinea",
        &["Independent State of Papua New Guinea"],
    ),
    ("PH", "PHL", "Philippines", &["Republic of the Philippines"]),
    ("PK", "PAK", "Pakistan", &["Islamic Republic of Pakistan"]),
    ("PL", "POL", "Poland", &["Republic of Poland"]),
    ("PM", "SPM", "Saint Pierre and Miquelon", &[]),
    ("PN", "PCN", "Pitcairn", &[]),
    ("PR", "PRI", "Puerto Rico", &[]),
    (
        "PS",
        "PSE",
        "Palestine",
        &["Palestine, State of", "the State of Palestine"],
    ),
    ("PT", "PRT", "Portugal", &["Portuguese Republic"]),
    ("PW", "PLW", "Palau", &["Republic of Palau"]),
    ("PY", "PRY", "Paraguay", &["Republic of Paraguay"]),
    ("QA", "QAT", "Qatar", &["State of Qatar"]),
    ("RE", "REU", "Réunion", &[]),
    ("RO", "ROU", "Romania", &[]),
    ("RS", "SRB", "Serbia", &["Republic of Serbia"]),
    ("RU", "RUS", "Russian Federation", &[]),
    ("RW", "RWA", "Rwanda", &["Rwandese Republic"]),
    ("SA", "SAU", "Saudi Arabia", &["Kingdom of Saudi Arabia"]),
    ("SB", "SLB", "Solomon Islands", &[]),
    ("SC", "SYC", "Seychelles", &["Republic of Seychelles"]),
    ("SD", "SDN", "Sudan", &["Republic of the Sudan"]),
    ("SE", "SWE", "Sweden", &["Kingdom of Sweden"]),
    ("SG", "SGP", "Singapore", &["Republic of Singapore"]),
    (
        "SH",
        "SHN",
        "Saint Helena, Ascension and Tristan da Cunha",
        &[],
    ),
    ("SI", "SVN", "Slovenia", &["Republic of Slovenia"]),
    ("SJ", "SJM", "Svalbard and Jan Mayen", &[]),
    ("SK", "SVK", "Slovakia", &["Slovak Republic"]),
    ("SL", "SLE", "Sierra Leone", &["Republic of Sierra Leone"]),
    ("SM", "SMR", "San Marino", &["Republic of San Marino"]),
    ("SN", "SEN", "Senegal", &["Republic of Senegal"]),
    ("SO", "SOM", "Somalia", &["Federal Republic of Somalia"]),
    ("SR", "SUR", "Suriname", &["Republic of Suriname"]),
    ("SS", "SSD", "South Sudan", &["Republic of South Sudan"]),
    (
        "ST",
        "STP",
        "Sao Tome and Principe",
        &["Democratic Republic of Sao Tome and Principe"],
    ),
    (
        "SU",
        "SUN",
        "Soviet Union",
        &["Union of Soviet Socialist Republics", "USSR"],
    ),
    ("SV", "SLV", "El Salvador", &["Republic of El Salvador"]),
    ("SX", "SXM", "Sint Maarten", &["Sint Maarten (Dutch part)"]),
    ("SY", "SYR", "Syria", &["Syrian Arab Republic"]),
    ("SZ", "SWZ", "Eswatini", &["Kingdom of Eswatini"]),
    ("TC", "TCA", "Turks and Caicos Islands", &[]),
    ("TD", "TCD", "Chad", &["Republic of Chad"]),
    ("TF", "ATF", "French Southern Territories", &[]),
    ("TG", "TGO", "Togo", &["Togolese Republic"]),
    ("TH", "THA", "Thailand", &["Kingdom of Thailand"]),
    ("TJ", "TJK", "Tajikistan", &["Republic of Tajikistan"]),
    ("TK", "TKL", "Tokelau", &[]),
    (
        "TL",
        "TLS",
        "Timor-Leste",
        &["Democratic Republic of Timor-Leste"],
    ),
    ("TM", "TKM", "Turkmenistan", &[]),
    ("TN", "TUN", "Tunisia", &["Republic of Tunisia"]),
    ("TO", "TON", "Tonga", &["Kingdom of Tonga"]),
    ("TR", "TUR", "Türkiye", &["Republic of Türkiye"]),
    (
        "TT",
        "TTO",
        "Trinidad and Tobago",
        &["Republic of Trinidad and Tobago"],
    ),
    ("TV", "TUV", "Tuvalu", &[]),
    ("TW", "TWN", "Taiwan", &["Taiwan, Province of China"]),
    (
        "TZ",
        "TZA",
        "Tanzania",
        &[
            "Tanzania, United Republic of",
            "United Republic of Tanzania",
        ],
    ),
    ("UA", "UKR", "Ukraine", &[]),
    ("UG", "UGA", "Uganda", &["Republic of Uganda"]),
    ("UM", "UMI", "United States Minor Outlying Islands", &[]),
    ("US", "USA", "United States", &["United States of America"]),
    ("UY", "URY", "Uruguay", &["Eastern Republic of Uruguay"]),
    ("UZ", "UZB", "Uzbekistan", &["Republic of Uzbekistan"]),
    ("VA", "VAT", "Holy See", &["Holy See (Vatican City State)"]),
    ("VC", "VCT", "Saint Vincent and the Grenadines", &[]),
    (
        "VE",
        "VEN",
        "Venezuela",
        &[
            "Venezuela, Bolivarian Republic of",
            "Bolivarian Republic of Venezuela",
        ],
    ),
    (
        "VG",
        "VGB",
        "British Virgin Islands",
        &["Virgin Islands, British"],
    ),
    (
        "VI",
        "VIR",
        "US Virgin Islands",
        &[
            "Virgin Islands, U.S.",
            "Virgin Islands of the United States",
        ],
    ),
    (
        "VN",
        "VNM",
        "Vietnam",
        &["Viet Nam", "Socialist Republic of Viet Nam"],
    ),
    ("VU", "VUT", "Vanuatu", &["Republic of Vanuatu"]),
    ("WF", "WLF", "Wallis and Futuna", &[]),
    ("WS", "WSM", "Samoa", &["Independent State of Samoa"]),
    ("XK", "XKX", "Kosovo", &["Republic of Kosovo"]),
    ("YE", "YEM", "Yemen", &["Republic of Yemen"]),
    ("YT", "MYT", "Mayotte", &[]),
    (
        "YU",
        "YUG",
        "Yugoslavia",
        &[
            "Socialist Federal Republic of Yugoslavia",
            "Federal Republic of Yugoslavia",
        ],
    ),
    ("ZA", "ZAF", "South Africa", &["Republic of South Africa"]),
    ("ZM", "ZMB", "Zambia", &["Republic of Zambia"]),
    ("ZW", "ZWE", "Zimbabwe", &["Republic of Zimbabwe"]),
];

/// Names that are not in the ISO table: common and former names, the forms
/// sanctions lists write, and nationality adjectives.
const ALIASES: &[(&str, &str)] = &[
    // The names the brief and the lists insist on.
    ("Korea, North", "KP"),
    ("North Korea (DPRK)", "KP"),
    ("Korea (North)", "KP"),
    ("DPRK", "KP"),
    ("D.P.R.K.", "KP"),
    ("DPR Korea", "KP"),
    ("DPR of Korea", "KP"),
    ("Korea DPR", "KP"),
    ("North Korean", "KP"),
    ("Korea, South", "KR"),
    ("Korea (South)", "KR"),
    ("Republic of Korea", "KR"),
    ("ROK", "KR"),
    ("South Korean", "KR"),
    ("Russia", "RU"),
    ("Russian", "RU"),
    ("Rossiya", "RU"),
    ("Rossiyskaya Federatsiya", "RU"),
    ("RSFSR", "RU"),
    ("Russian SFSR", "RU"),
    ("Россия", "RU"),
    ("Российская Федерация", "RU"),
    ("Iran", "IR"),
    ("Iranian", "IR"),
    ("Persia", "IR"),
    ("Syria", "SY"),
    ("Syrian", "SY"),
    ("Burma", "MM"),
    ("Burmese", "MM"),
    ("Republic of the Union of Myanmar", "MM"),
    ("Congo, Democratic Republic of the", "CD"),
    ("Democratic Republic of Congo", "CD"),
    ("DR Congo", "CD"),
    ("DRC", "CD"),
    ("Congo-Kinshasa", "CD"),
    ("Congo (Kinshasa)", "CD"),
    ("Zaire", "CD"),
    ("Congo, Republic of the", "CG"),
    ("Republic of the Congo", "CG"),
    ("Congo-Brazzaville", "CG"),
    ("Congo (Brazzaville)", "CG"),
    ("Cote d'Ivoire", "CI"),
    ("Ivory Coast", "CI"),
    ("Ivorian", "CI"),
    ("Turkey", "TR"),
    ("Turkish", "TR"),
    ("Republic of Turkey", "TR"),
    ("Venezuela", "VE"),
    ("Venezuelan", "VE"),
    ("Bolivia", "BO"),
    ("Bolivian", "BO"),
    ("Laos", "LA"),
    ("Lao", "LA"),
    ("Lao PDR", "LA"),
    ("Laotian", "LA"),
    ("Moldova", "MD"),
    ("Moldovan", "MD"),
    ("Moldavia", "MD"),
    ("Moldavian SSR", "MD"),
    ("Tanzania", "TZ"),
    ("Tanzanian", "TZ"),
    ("Vietnam", "VN"),
    ("Vietnamese", "VN"),
    ("UK", "GB"),
    ("U.K.", "GB"),
    ("Great Britain", "GB"),
    ("Britain", "GB"),
    ("British", "GB"),
    ("England", "GB"),
    ("Scotland", "GB"),
    ("Wales", "GB"),
    ("Northern Ireland", "GB"),
    ("United States", "US"),
    ("U.S.", "US"),
    ("U.S.A.", "US"),
    ("America", "US"),
    ("American", "US"),
    ("Palestinian", "PS"),
    ("Palestine", "PS"),
    ("State of Palestine", "PS"),
    ("Palestinian Territories", "PS"),
    ("Palestinian Territory", "PS"),
    ("Occupied Palestinian Territory", "PS"),
    ("Occupied Palestinian Territories", "PS"),
    ("West Bank", "PS"),
    ("Gaza", "PS"),
    ("Gaza Strip", "PS"),
    ("North Gaza", "PS"),
    ("Northern Gaza", "PS"),
    ("West Bank and Gaza", "PS"),
    ("Crimea", "UA"),
    ("Autonomous Republic of Crimea", "UA"),
    ("Sevastopol", "UA"),
    ("Ukrainian", "UA"),
    ("Ukrainian SSR", "UA"),
    ("Ukranian SSR", "UA"),
    ("Ukrainian USSR", "UA"),
    ("Україна", "UA"),
    ("Украина", "UA"),
    ("Kosovar", "XK"),
    ("Soviet Union", "SU"),
    ("U.S.S.R.", "SU"),
    ("Former Soviet Union", "SU"),
    ("Former USSR", "SU"),
    ("Soviet", "SU"),
    ("Yugoslav", "YU"),
    ("Former Yugoslavia", "YU"),
    ("Czechoslovak", "CS"),
    ("Serbia and Montenegro", "RS"),
    // Other common, former and official names.
    ("Czech Republic", "CZ"),
    ("Czech", "CZ"),
    ("Macedonia", "MK"),
    ("Republic of North Macedonia", "MK"),
    ("Former Yugoslav Republic of Macedonia", "MK"),
    ("FYROM", "MK"),
    ("Macedonian", "MK"),
    ("Swaziland", "SZ"),
    ("Cape Verde", "CV"),
    ("East Timor", "TL"),
    ("Brunei", "BN"),
    ("Hong Kong SAR", "HK"),
    ("Hong Kong, China", "HK"),
    ("China, Hong Kong Special Administrative Region", "HK"),
    ("Hong Kong Special Administrative Region", "HK"),
    ("Macau", "MO"),
    ("Macao SAR", "MO"),
    ("China, Macao Special Administrative Region", "MO"),
    ("Chinese Taipei", "TW"),
    ("Republic of China", "TW"),
    ("Taiwanese", "TW"),
    ("People's Republic of China", "CN"),
    ("PRC", "CN"),
    ("Mainland China", "CN"),
    ("Chinese", "CN"),
    ("Libyan Arab Jamahiriya", "LY"),
    ("Libyan", "LY"),
    ("Vatican", "VA"),
    ("Vatican City", "VA"),
    ("Holland", "NL"),
    ("Dutch", "NL"),
    ("UAE", "AE"),
    ("U.A.E.", "AE"),
    ("Emirates", "AE"),
    ("Emirati", "AE"),
    ("Saudi", "SA"),
    ("Saudi Arabian", "SA"),
    ("KSA", "SA"),
    ("Kingdom of Saudi Arabia", "SA"),
    ("West Germany", "DE"),
    ("Kirghizia", "KG"),
    ("Kirghiz SSR", "KG"),
    ("Byelorussia", "BY"),
    ("Byelorussian SSR", "BY"),
    ("Belorussia", "BY"),
    ("Kazakh SSR", "KZ"),
    ("Kazakh Soviet Socialist Republic", "KZ"),
    ("Uzbek SSR", "UZ"),
    ("Georgian SSR", "GE"),
    ("Azerbaijan SSR", "AZ"),
    ("Armenian SSR", "AM"),
    ("Tajik SSR", "TJ"),
    ("Turkmen SSR", "TM"),
    ("Lithuanian SSR", "LT"),
    ("Latvian SSR", "LV"),
    ("Estonian SSR", "EE"),
    ("Dahomey", "BJ"),
    ("Upper Volta", "BF"),
    ("Ceylon", "LK"),
    ("Rhodesia", "ZW"),
    ("Kampuchea", "KH"),
    ("Northern Mali", "ML"),
    ("Afganistan", "AF"),
    ("Trinadad and Tobago", "TT"),
    ("Micronesia, Federated States of", "FM"),
    ("Saint Martin (French part)", "MF"),
    ("Sint Maarten (Dutch part)", "SX"),
    ("Falkland Islands (Malvinas)", "FK"),
    ("Virgin Islands, U.S.", "VI"),
    ("Holy See (Vatican City State)", "VA"),
    ("Reunion", "RE"),
    ("Curacao", "CW"),
    ("Sao Tome", "ST"),
    ("Timor", "TL"),
    // Nationality adjectives as lists write them.
    ("Afghan", "AF"),
    ("Afgan", "AF"),
    ("Albanian", "AL"),
    ("Algerian", "DZ"),
    ("Angolan", "AO"),
    ("Argentine", "AR"),
    ("Argentinian", "AR"),
    ("Armenian", "AM"),
    ("Australian", "AU"),
    ("Austrian", "AT"),
    ("Azerbaijani", "AZ"),
    ("Azeri", "AZ"),
    ("Bahraini", "BH"),
    ("Bangladeshi", "BD"),
    ("Belarusian", "BY"),
    ("Belarussian", "BY"),
    ("Byelorussian", "BY"),
    ("Belgian", "BE"),
    ("Beninese", "BJ"),
    ("Bosnian", "BA"),
    ("Brazilian", "BR"),
    ("Bulgarian", "BG"),
    ("Burkinabe", "BF"),
    ("Burundian", "BI"),
    ("Cambodian", "KH"),
    ("Cameroonian", "CM"),
    ("Canadian", "CA"),
    ("Central African", "CF"),
    ("Chadian", "TD"),
    ("Chilean", "CL"),
    ("Colombian", "CO"),
    ("Comorian", "KM"),
    ("Croatian", "HR"),
    ("Cuban", "CU"),
    ("Cypriot", "CY"),
    ("Danish", "DK"),
    ("Djiboutian", "DJ"),
    ("Ecuadorian", "EC"),
    ("Egyptian", "EG"),
    ("Eritrean", "ER"),
    ("Estonian", "EE"),
    ("Ethiopian", "ET"),
    ("Filipino", "PH"),
    ("Philippine", "PH"),
    ("Finnish", "FI"),
    ("French", "FR"),
    ("Gabonese", "GA"),
    ("Gambian", "GM"),
    ("Georgian", "GE"),
    ("German", "DE"),
    ("Ghanaian", "GH"),
    ("Greek", "GR"),
    ("Guatemalan", "GT"),
    ("Guinean", "GN"),
    ("Bissau-Guinean", "GW"),
    ("Haitian", "HT"),
    ("Honduran", "HN"),
    ("Hungarian", "HU"),
    ("Icelandic", "IS"),
    ("Indian", "IN"),
    ("Indonesian", "ID"),
    ("Iraqi", "IQ"),
    ("Irish", "IE"),
    ("Israeli", "IL"),
    ("Italian", "IT"),
    ("Jamaican", "JM"),
    ("Japanese", "JP"),
    ("Jordanian", "JO"),
    ("Kazakh", "KZ"),
    ("Kazakhstani", "KZ"),
    ("Kenyan", "KE"),
    ("Kuwaiti", "KW"),
    ("Kyrgyz", "KG"),
    ("Latvian", "LV"),
    ("Lebanese", "LB"),
    ("Liberian", "LR"),
    ("Lithuanian", "LT"),
    ("Luxembourgish", "LU"),
    ("Malagasy", "MG"),
    ("Malawian", "MW"),
    ("Malaysian", "MY"),
    ("Maldivian", "MV"),
    ("Malian", "ML"),
    ("Maltese", "MT"),
    ("Mauritanian", "MR"),
    ("Mauritian", "MU"),
    ("Mexican", "MX"),
    ("Mongolian", "MN"),
    ("Montenegrin", "ME"),
    ("Moroccan", "MA"),
    ("Mozambican", "MZ"),
    ("Namibian", "NA"),
    ("Nepalese", "NP"),
    ("Nepali", "NP"),
    ("New Zealander", "NZ"),
    ("Nicaraguan", "NI"),
    ("Nigerien", "NE"),
    ("Nigerian", "NG"),
    ("Norwegian", "NO"),
    ("Omani", "OM"),
    ("Pakistani", "PK"),
    ("Panamanian", "PA"),
    ("Paraguayan", "PY"),
    ("Peruvian", "PE"),
    ("Polish", "PL"),
    ("Portuguese", "PT"),
    ("Qatari", "QA"),
    ("Qatarian", "QA"),
    ("Romanian", "RO"),
    ("Rwandan", "RW"),
    ("Salvadoran", "SV"),
    ("Senegalese", "SN"),
    ("Serbian", "RS"),
    ("Sierra Leonean", "SL"),
    ("Singaporean", "SG"),
    ("Slovak", "SK"),
    ("Slovenian", "SI"),
    ("Somali", "SO"),
    ("South African", "ZA"),
    ("South Sudanese", "SS"),
    ("Spanish", "ES"),
    ("Sri Lankan", "LK"),
    ("Sudanese", "SD"),
    ("Swedish", "SE"),
    ("Swiss", "CH"),
    ("Tajik", "TJ"),
    ("Thai", "TH"),
    ("Togolese", "TG"),
    ("Trinidadian", "TT"),
    ("Tunisian", "TN"),
    ("Turkmen", "TM"),
    ("Ugandan", "UG"),
    ("Uruguayan", "UY"),
    ("Uzbek", "UZ"),
    ("Yemeni", "YE"),
    ("Zambian", "ZM"),
    ("Zimbabwean", "ZW"),
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::PathBuf;

    #[test]
    fn table_is_sorted_and_unambiguous() {
        for pair in COUNTRIES.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{} before {}", pair[0].0, pair[1].0);
        }
        assert!(COUNTRIES.len() >= 249 + 6);
        let (_, conflicts) = build_index();
        assert!(conflicts.is_empty(), "{conflicts:#?}");
        for (name, code) in ALIASES {
            assert!(is_country_code(code), "{name} -> {code}");
        }
    }

    #[test]
    fn every_iso_country_by_code_and_name() {
        for (a2, a3, display, others) in COUNTRIES {
            assert_eq!(country_code(a2), Some(*a2));
            if *a2 != "NA" {
                // lower-case "na" is "not available"; see the module docs
                assert_eq!(country_code(&a2.to_ascii_lowercase()), Some(*a2), "{a2}");
            }
            assert_eq!(country_code(a3), Some(*a2), "{a3}");
            assert_eq!(country_code(display), Some(*a2), "{display}");
            assert_eq!(
                country_code(&display.to_uppercase()),
                Some(*a2),
                "{display}"
            );
            for o in *others {
                assert_eq!(country_code(o), Some(*a2), "{o}");
            }
            assert_eq!(country_name(a2), Some(*display));
            assert!(is_country_code(a2));
        }
    }

    #[test]
    fn names_sanctions_lists_write() {
        let cases: &[(&str, &str)] = &[
            ("Korea, North", "KP"),
            ("North Korea", "KP"),
            ("Democratic People's Republic of Korea", "KP"),
            ("Democratic People’s Republic of Korea", "KP"),
            ("Korea, Democratic People's Republic of", "KP"),
            ("DPRK", "KP"),
            ("dprk", "KP"),
            ("Korea, South", "KR"),
            ("Republic of Korea", "KR"),
            ("Russia", "RU"),
            ("Russian Federation", "RU"),
            ("  russian   federation ", "RU"),
            ("Iran", "IR"),
            ("Iran (Islamic Republic of)", "IR"),
            ("Iran (Islamic Republic of.) ", "IR"),
            ("Syria", "SY"),
            ("Syrian Arab Republic", "SY"),
            ("Burma", "MM"),
            ("Myanmar", "MM"),
            ("Congo, Democratic Republic of the", "CD"),
            ("Democratic Republic of the Congo", "CD"),
            ("Congo", "CG"),
            ("Congo, Republic of the", "CG"),
            ("Cote d'Ivoire", "CI"),
            ("Côte d'Ivoire", "CI"),
            ("Cote d Ivoire", "CI"),
            ("Türkiye", "TR"),
            ("Turkey", "TR"),
            ("Venezuela (Bolivarian Republic of)", "VE"),
            ("Bolivia", "BO"),
            ("Laos", "LA"),
            ("Moldova", "MD"),
            ("Tanzania", "TZ"),
            ("United Republic of Tanzania", "TZ"),
            ("Vietnam", "VN"),
            ("Viet Nam", "VN"),
            ("United Kingdom", "GB"),
            ("UK", "GB"),
            ("Great Britain", "GB"),
            ("United Kingdom of Great Britain and Northern Ireland", "GB"),
            ("United States", "US"),
            ("USA", "US"),
            ("United States of America", "US"),
            ("Palestinian", "PS"),
            ("West Bank", "PS"),
            ("Gaza", "PS"),
            ("Region: Gaza", "PS"),
            ("Region: Crimea", "UA"),
            ("Kosovo", "XK"),
            ("Soviet Union", "SU"),
            ("USSR", "SU"),
            ("former Soviet Union", "SU"),
            ("Czechoslovakia", "CS"),
            ("Yugoslavia", "YU"),
            ("Serbia and Montenegro", "RS"),
            ("Bahamas, The", "BS"),
            ("The Gambia", "GM"),
            ("Man, Isle of", "IM"),
            ("Virgin Islands, British", "VG"),
            ("North Macedonia, The Republic of", "MK"),
            ("St. Kitts and Nevis", "KN"),
            ("China, Hong Kong Special Administrative Region", "HK"),
            ("Afghanistan (at time of listing)", "AF"),
            ("Iranian", "IR"),
            ("Россия", "RU"),
            ("NA", "NA"),
        ];
        for (name, code) in cases {
            assert_eq!(country_code(name), Some(*code), "{name}");
        }
        for name in [
            "",
            "  ",
            "na",
            "n/a",
            "Korea",
            "Atlantis",
            "undetermined",
            "-0-",
            "Region: Commonwealth of Independent States",
        ] {
            assert_eq!(country_code(name), None, "{name}");
        }
    }

    #[test]
    fn names_and_codes() {
        assert_eq!(country_name("KP"), Some("North Korea"));
        assert_eq!(country_name("kp"), Some("North Korea"));
        assert_eq!(country_name("XK"), Some("Kosovo"));
        assert_eq!(country_name("SU"), Some("Soviet Union"));
        assert_eq!(country_name("ZZ"), None);
        assert_eq!(country_name("KPX"), None);
        assert!(is_country_code("RU"));
        assert!(!is_country_code("ru"));
        assert!(!is_country_code("RUS"));
        assert!(!is_country_code("ZZ"));
    }

    fn lists_dir(test: &str) -> Option<PathBuf> {
        let dir = std::env::var_os("INTERDICT_LISTS").map_or_else(
            || {
                PathBuf::from(concat!(
                    env!("CARGO_MANIFEST_DIR"),
                    "/../../../shared/data/lists"
                ))
            },
            PathBuf::from,
        );
        if dir.is_dir() {
            Some(dir)
        } else {
            eprintln!(
                "SKIP: {test}: shared lists folder not found at {}",
                dir.display()
            );
            None
        }
    }

    /// The texts of every `<tag>` element, or of the `<VALUE>`s inside it.
    fn element_texts(xml: &str, tag: &str, out: &mut BTreeSet<String>) {
        let open = format!("<{tag}>");
        let close = format!("</{tag}>");
        let mut rest = xml;
        while let Some(start) = rest.find(&open) {
            rest = &rest[start + open.len()..];
            let Some(end) = rest.find(&close) else { break };
            let inner = &rest[..end];
            if inner.contains("<VALUE>") {
                for part in inner.split("<VALUE>").skip(1) {
                    if let Some(v) = part.split("</VALUE>").next() {
                        out.insert(v.trim().replace("&apos;", "'").replace("&amp;", "&"));
                    }
                }
            } else {
                out.insert(inner.trim().replace("&apos;", "'").replace("&amp;", "&"));
            }
            rest = &rest[end..];
        }
    }

    #[test]
    fn un_list_countries_all_map() {
        let Some(dir) = lists_dir("un_list_countries_all_map") else {
            return;
        };
        let path = dir.join("un/un_consolidated_2026-02-27.xml");
        let xml = std::fs::read_to_string(&path).unwrap();
        let mut values = BTreeSet::new();
        for tag in [
            "NATIONALITY",
            "COUNTRY",
            "COUNTRY_OF_ISSUE",
            "ISSUING_COUNTRY",
        ] {
            element_texts(&xml, tag, &mut values);
        }
        values.remove("");
        // The only documented exception: "na" (not available).
        let expected_unmapped: BTreeSet<String> = ["na".to_string()].into();
        let unmapped: BTreeSet<String> = values
            .iter()
            .filter(|v| country_code(v).is_none())
            .cloned()
            .collect();
        let mapped = values.len() - unmapped.len();
        eprintln!(
            "UN: {mapped} of {} distinct country strings map",
            values.len()
        );
        assert!(values.len() > 60, "too few values read: {}", values.len());
        assert_eq!(unmapped, expected_unmapped);
        assert_eq!(
            country_code("Democratic People's Republic of Korea"),
            Some("KP")
        );
    }

    /// Splits one OFAC legacy CSV line (quoted fields, `-0-` for null).
    fn ofac_fields(line: &str) -> Vec<String> {
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        for c in line.chars() {
            match c {
                '"' => quoted = !quoted,
                ',' if !quoted => fields.push(std::mem::take(&mut field)),
                c => field.push(c),
            }
        }
        fields.push(field);
        fields
    }

    #[test]
    fn ofac_countries_all_map() {
        let Some(dir) = lists_dir("ofac_countries_all_map") else {
            return;
        };
        let mut values = BTreeSet::new();
        for file in [
            "ofac/sdn_csv_trio_2022-01/add.csv",
            "ofac/sdn_addalt_csv_2026/add.csv",
            "ofac/cons_csv_2025-12/cons_add.csv",
        ] {
            let bytes = std::fs::read(dir.join(file)).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            for line in text.lines() {
                if let Some(country) = ofac_fields(line).get(4) {
                    values.insert(country.trim().to_string());
                }
            }
        }
        let bytes = std::fs::read(dir.join("ofac/sdn_csv_2024-05-03/sdn.csv")).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for line in text.lines() {
            let fields = ofac_fields(line);
            let Some(remarks) = fields.get(11) else {
                continue;
            };
            for part in remarks.split(';') {
                let part = part.trim().trim_end_matches('.');
                for key in ["nationality ", "citizen "] {
                    if let Some(v) = part.strip_prefix(key) {
                        values.insert(v.trim().to_string());
                    }
                }
            }
        }
        values.remove("-0-");
        values.remove("");
        // Documented exceptions: regions that are not one country, "undetermined",
        // and the hedged "possibly Palestinian".
        let expected_unmapped: BTreeSet<String> = [
            "Region: Commonwealth of Independent States",
            "Region: Jammu and Kashmir",
            "Region: Kafia Kingi",
            "undetermined",
            "possibly Palestinian",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let unmapped: BTreeSet<String> = values
            .iter()
            .filter(|v| country_code(v).is_none())
            .cloned()
            .collect();
        eprintln!(
            "OFAC: {} of {} distinct country strings map",
            values.len() - unmapped.len(),
            values.len()
        );
        assert!(values.len() > 150, "too few values read: {}", values.len());
        assert_eq!(unmapped, expected_unmapped);
    }
}
