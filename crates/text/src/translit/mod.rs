//! Transliteration of non-Latin scripts into lowercase ASCII.

pub mod arabic;
pub mod cyrillic;
pub mod greek;
pub mod kontsevich;
pub mod korean;
pub mod palladius;
