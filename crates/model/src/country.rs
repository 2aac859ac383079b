//! ISO 3166 country codes and the country names publishers write.
//!
//! Lists name countries in many ways ("Korea, North", "Democratic People's
//! Republic of Korea", "DPRK", "Russian Federation"); the model stores ISO
//! 3166-1 alpha-2 codes so that a nationality from the UN list and one from
//! OFAC compare equal.

/// The ISO 3166-1 alpha-2 code for a country name, alias or code as a list
/// writes it, e.g. `"Korea, North"` → `"KP"`. Case and punctuation are ignored.
pub fn country_code(name: &str) -> Option<&'static str> {
    let key = name.trim().to_ascii_uppercase();
    match key.as_str() {
        "KOREA, NORTH"
        | "NORTH KOREA"
        | "DPRK"
        | "KP"
        | "PRK"
        | "DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA" => Some("KP"),
        "RUSSIA" | "RUSSIAN FEDERATION" | "RU" | "RUS" => Some("RU"),
        _ => None,
    }
}
