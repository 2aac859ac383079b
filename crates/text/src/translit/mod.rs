//! Transliteration of non-Latin scripts into lowercase ASCII.

pub mod arabic;
pub mod cyrillic;
pub mod greek;
pub mod hebrew;
pub mod kontsevich;
pub mod korean;
pub mod palladius;

/// Lowercase of a basic Russian letter (А–Я, Ё); other characters as they
/// are.
pub(crate) fn cyr_lower(c: char) -> char {
    match c {
        'А'..='Я' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
        'Ё' => 'ё',
        _ => c,
    }
}
