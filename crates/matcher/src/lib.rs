//! Matching: find the listed party behind any variant of a name, fast, and say why.
//!
//! A [`Matcher`] is built once from the entities of the active snapshots. It
//! holds an index for candidate retrieval:
//!
//! * every listed name is read by [`interdict_text::name_forms`] into one or
//!   more forms of normalized Latin tokens (one per romanization for names in
//!   other scripts);
//! * each token gets a rarity weight (an IDF over entities: `ln((N+1)/(df+0.5))`),
//!   so that "Kim" or "Mohammad" weigh little and "Shoigu" much;
//! * posting lists lead from each token, and from each pair of adjacent
//!   tokens joined ("jong"+"un" → "jongun"), to the names that hold it;
//!   tokens are found from a query token by exact form, by
//!   [`interdict_text::phonetic_key`], by deletion neighbourhood (every
//!   token within one edit from four letters, two from six) and, for
//!   the last query token, by prefix (truncated input).
//!
//! A query retrieves the names that share a close token, accumulates for each
//! an upper bound of its score, and scores exactly only those whose bound can
//! reach the threshold. [`Matcher::screen_full_scan`] scores every entity
//! instead; it is the oracle the index is tested against.
//!
//! # The score
//!
//! Query tokens are aligned with listed tokens regardless of order (greedy on
//! similarity): exact (1.0), transliterated (1.0, the query or listed name was
//! romanized), spelling variant (0.95: the same letters romanized otherwise,
//! Sergey/Sergei, Kadhafi/Qadhafi, bin/ibn, by
//! [`interdict_text::spelling_key`]; also a token read letter by letter from
//! the Arabic script, which leaves short vowels unwritten, holding a
//! long vowel and the Latin token's letters but single vowels: بوتن `butn` /
//! Putin; also the izafat `e` / `i`: `Jaish-e-Mohammed` / `JAISH-I-MOHAMMED`),
//! consonants romanized otherwise class by class, vowels alike (0.93:
//! Gaddafi/Qadhafi, Qaani/Ghani, [`interdict_text::same_consonants`]),
//! phonetic key equal (`0.3 + 0.65·JW`,
//! at most 0.95), fuzzy (optimal string alignment distance: one edit from 4
//! letters, two from 6, two with a different first letter only from 7:
//! `1 − 0.5·d/len`; 0.9 of it for two words many listed names hold one
//! consonant or two edits apart, `Samir` / `Sahir`, `Mamoun` / `Mahmoud`:
//! two names; 0.8 of it, and of a
//! phonetic similarity, for two Korean syllables with other consonants,
//! `Hong` / `Chong`), misread by OCR (0.9: `Ahrnad` / `Ahmad`, `AL1` /
//! `ALI`; a listed word with digits only from four letters, `K1R1T` /
//! `KIRIT`, not the code `1A` / `LA`), nickname (0.85), initial (0.7),
//! joined or split tokens
//! (0.97 of their similarity: one token for two, two for one, or two for two
//! split elsewhere), a truncated last token or one written with a stop
//! after it (`Rev.`: an abbreviation) (prefix: from 0.6, from 0.75
//! for four letters or more; but a word of four letters or more that writes
//! less than half the listed one, in a query too short to have been cut at
//! a field limit, is a name of its own as often and counts 0.7: `Lind` /
//! `Lindemann`). A Slavic surname met in its form for the other
//! sex (`Baranova` / `Baranov`) counts 0.8 of its similarity. Partial agreement is credited
//! `sim − 0.5·(1 − sim)`, so that near misses do not add up to a match,
//! except a prefix in a query of 20 characters or more that ends inside a
//! word (a name cut at a field limit: SWIFT lines hold 35, ACH names 22),
//! credited at its similarity; when that word is no listed word and two
//! letters or more short of the listed one, the listed tokens after it
//! were cut off with it and cost nothing (`JOINT STOCK COMPANY VAKU` /
//! `… VAKUUM.RU`).
//! With `a`, `b` the weights of the query and listed tokens, the name score
//! is `Σ credit·(a+b) / (Σ matched (a+b) + 2.5·conflicting + 0.4·surplus)`,
//! where unmatched tokens present on both sides conflict and the rest (a
//! missing middle name) count 0.4, listed patronymics and forebears' names
//! inside a lineage chain (`bin Muhammad ibn Awad ibn`) 0.15; two different
//! initials left on both sides conflict with 2.0 more weight. In a query of
//! unknown class, legal forms and titles (`limited liability company`,
//! `general`) cost nothing when unmatched against a listed company or person
//! respectively (see [`interdict_text::removable_tokens`]). A name that
//! agrees only on common tokens is scaled down (low information); a name
//! whose given name is the other's forebear (`X bin Y` / `Y bin X`) by 0.7
//! (a given name of several words counts whole: `IBRAHIM BIN AL-DIN` /
//! `SAIF-AL-DIN BIN IBRAHIM`; a name that opens with its family name,
//! `MABROUK Mohamed Ben Ali`, reads no given name first).
//! An organization's name ending in a series number (`Fund I`, `Solutions
//! II`, `Victory 3`) or a country after its brand (`Banco Santander
//! México`) that the other name has none of is another member of the
//! family: 0.8 (not a country first or after `of`, nor what a query cut at a
//! field limit lost). A one-word name met only by a near miss of a word of
//! four letters or fewer, or by sound with two letters more or fewer
//! (`Kim` / `Kimo`, `Muhammad` / `Mahmud`), keeps 0.85 (not the cut last
//! word of such a long query: `LIMITED LIABILITY COMPANY KOSM`). A token meets two
//! joined listed tokens only when nearer in length to both than to either
//! (`solutions` is not `solutions ii`).
//! Two organizations' names whose legal forms make different kinds of
//! company (`AG` a stock company, `GmbH` a limited one; `OAO` and `Open
//! Joint Stock Company` are one kind, see [`interdict_text::legal_kind`])
//! are one brand's other companies: 0.78.
//! An organization's name whose rarest word (not a country or number after
//! its brand) the query does not meet, though it meets commoner ones, keeps
//! 0.85 (`UKRAINE` is not `BELKAZTRANS UKRAINE`), as does one whose
//! opening code of letters and digits it does not meet (`ENGINEERING` is
//! not `S 7 ENGINEERING`); so does a person's name
//! met only in its patronymic or forebears' names (`Fedorovich` for Viktor
//! Fedorovich YANUKOVICH), and a person's name met only in the query's given
//! names while the family name the query writes in capitals meets nothing
//! (`Muhammad Qasim ABDOLLAHI` for `QASIM, Mohammed`; only when the listed
//! name marks its own family name so, see [`interdict_text::family_tokens`]).
//! When both names mark their family names and each one's meets only given
//! names of the other (`Mansour ABDULLAH` / `Abdallah MANSOUR`), the name
//! keeps 0.9.
//! A vessel's hull number on one side only costs nothing more than a word
//! (`DONG FENG` / `DONG FENG 6`).
//! A person's initials written together (`JC Juncker`) are also read one
//! letter each. A query none of whose words is a listed word, but each of
//! whose words reversed is one (`nituP rimidalV`), is also read reversed.
//! Weak aliases count 0.9. A listed organization's name of three to eight
//! words is also read as its acronym (`PLA`, `NIOC`, with and without a
//! legal form written out; not when it is a word a query holding it more
//! likely means: of three letters in any listed name, of any length in a
//! listed person's name or a given name), met only exactly by the query as
//! written, and counts 0.9. A name whose letters without spaces are the
//! query's (`van der bilt` / `vanderbilt`, in any rotation of the query's
//! tokens), spaced otherwise, scores at least 0.97; the index finds it by
//! those letters (the same words are met word by word, rarity and all).
//! Two names written in the same script (Hangul, Han) are compared only in
//! its most distinctive reading (Revised Romanization, Pinyin), exact tokens
//! only: 김종은 is not 김정은, though McCune-Reischauer spells both `chong`.
//!
//! The entity score is the best name score, then adjusted: birth date
//! agreeing to the day +0.05, to the year +0.02, one year off −0.10, further
//! −0.20, same year but other day −0.08; country agreeing +0.03, contradicting
//! −0.05; gender contradicting −0.10; incompatible schema −0.30 (−0.25 when
//! a query without schema carries a company's legal form, `Akhund LLC`, and
//! the listed entity is a person, vessel or aircraft); an identifier
//! of the same kind that differs −0.25. An identical identifier (passport, IMO,
//! ...) lifts the score to at least `0.9 + 0.1·name score`.
//!
//! Scores are in 0..=1; a result is a match at [`DEFAULT_THRESHOLD`] (0.80) or above.
#![deny(missing_docs)]

mod index;
mod lookups;
mod score;
pub mod sim;

pub use index::class_of;
use index::{normalize_id, Index, NameRec};
use interdict_model::{
    country::country_code, Entity, Gender, IdKind, NameKind, NameQuality, PartialDate, Schema,
};
use interdict_text::{name_forms, phonetic_key};
pub use lookups::{TableError, TokenTable};
use score::{score_bound, score_fast, score_tokens, FastBuf, LTok, NameScore, QForm, QTok};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::HashMap;
use thiserror::Error;

/// The default threshold: a result scoring this or more is a match.
pub const DEFAULT_THRESHOLD: f32 = 0.80;

/// The largest sum of positive adjustments (birth date, country); candidates
/// whose name bound plus what the query can earn stays below the threshold
/// are not scored.
const MAX_BONUS: f32 = 0.08;

/// Why a query cannot be run.
#[derive(Debug, Error, PartialEq)]
pub enum MatchError {
    /// The name has no letters or digits left after normalization, and no identifier was given.
    #[error("the name {0:?} has nothing to match on")]
    EmptyName(String),
    /// The threshold is not in 0..=1.
    #[error("the threshold {0} is not between 0 and 1")]
    BadThreshold(f32),
    /// The name is longer than [`MAX_NAME_CHARS`]: no listed name comes
    /// near (the longest is a few hundred characters), so it is a field
    /// holding something else (an address, a document).
    #[error("the name is {0} characters long; at most {max} are screened", max = MAX_NAME_CHARS)]
    NameTooLong(usize),
}

/// The longest name screened, in characters (see [`MatchError::NameTooLong`]).
pub const MAX_NAME_CHARS: usize = 1000;

/// What to screen: a name and whatever else is known.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Query {
    /// The name as written, in any script.
    pub name: String,
    /// What kind of party it is, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<Schema>,
    /// Birth date (or build date), as precise as known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<PartialDate>,
    /// Countries (nationality, residence, registration): ISO codes or names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub countries: Vec<String>,
    /// Identifiers: a bare value (`E12345`) or a kind and a value
    /// (`imo:9123456`, `passport:PS123`, `IMO 9123456`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub identifiers: Vec<String>,
    /// Gender, for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// Which words of `name` are the person's family name, when the writer
    /// says so (a form's last-name field). Without it the family name is
    /// read from the name as written: in capitals beside given names in
    /// title case (`Muhammad Qasim ABDOLLAHI`), see
    /// [`interdict_text::family_tokens`]. A family name that meets nothing
    /// while the given names meet a listed name that marks its own is
    /// another family ([`Feature::FamilyNameMissing`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family_name: Option<String>,
}

impl Query {
    /// A query with a name only.
    pub fn name(name: impl Into<String>) -> Query {
        Query {
            name: name.into(),
            ..Query::default()
        }
    }

    /// A person's query from the parts of the name (a form's first-name
    /// and last-name fields): the name is the given names then the family
    /// name, and the family name is marked as such. Empty parts are left
    /// out.
    pub fn person_parts(given: &str, family: &str) -> Query {
        let (given, family) = (given.trim(), family.trim());
        let name = [given, family]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        Query {
            name,
            schema: Some(Schema::Person),
            family_name: (!family.is_empty()).then(|| family.to_string()),
            ..Query::default()
        }
    }

    /// The normalized tokens of the query's family name: as the writer
    /// marked it ([`Query::family_name`]), else as the name is written.
    fn family_tokens(&self) -> Option<Vec<String>> {
        match self.family_name.as_deref().map(interdict_text::tokens) {
            Some(t) if !t.is_empty() => Some(t),
            _ => interdict_text::family_tokens(&self.name),
        }
    }
}

/// How to screen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Options {
    /// Results scoring at least this are matches.
    pub threshold: f32,
    /// At most this many results, best first.
    pub limit: usize,
    /// Also return results below the threshold down to this score (for
    /// showing near misses); `None` returns matches only.
    pub min_score: Option<f32>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            threshold: DEFAULT_THRESHOLD,
            limit: 10,
            min_score: None,
        }
    }
}

/// How a query token met a listed token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchKind {
    /// The same normalized token.
    Exact,
    /// The same token after transliteration from another script.
    Transliterated,
    /// The same phonetic key (a spelling or romanization variant).
    Phonetic,
    /// Another romanization of the same letters (`Sergey`/`Sergei`,
    /// `Kadhafi`/`Qadhafi`), by [`interdict_text::spelling_key`].
    Spelling,
    /// Within a small edit distance (typo, transposed or dropped letter).
    Fuzzy,
    /// An initial meets a full token.
    Initial,
    /// One token meets two joined tokens (`Jongun` / `Jong Un`).
    Joined,
    /// A truncated token meets the start of a longer one.
    Prefix,
    /// A given name meets its short form or nickname (`Bibi`/`Benjamin`,
    /// `Sasha`/`Aleksandr`), by the table of [`interdict_text::is_nickname`].
    Nickname,
    /// A query token is the acronym of a listed organization's name (`PLA`
    /// / `People's Liberation Army`, see [`interdict_text::acronyms`]).
    Acronym,
    /// One token is the other as OCR misreads it (`Ahrnad` / `Ahmad`,
    /// `AL1` / `ALI`, see [`interdict_text::ocr_variants`]).
    Misread,
}

impl MatchKind {
    fn as_str(self) -> &'static str {
        match self {
            MatchKind::Exact => "exact",
            MatchKind::Transliterated => "transliterated",
            MatchKind::Phonetic => "phonetic",
            MatchKind::Spelling => "spelling variant",
            MatchKind::Fuzzy => "fuzzy",
            MatchKind::Misread => "misread by OCR",
            MatchKind::Initial => "initial",
            MatchKind::Joined => "joined",
            MatchKind::Prefix => "truncated",
            MatchKind::Nickname => "nickname",
            MatchKind::Acronym => "acronym",
        }
    }
}

/// One query token (or two joined) meeting one listed token (or two).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TokenMatch {
    /// The query token(s), normalized.
    pub query: String,
    /// The listed token(s), normalized.
    pub listed: String,
    /// How they met.
    pub kind: MatchKind,
    /// Their similarity, 0..=1.
    pub similarity: f32,
    /// The rarity weight of the pair (query + listed).
    pub weight: f32,
}

/// A feature other than the name that moved the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Feature {
    /// The birth date agrees.
    BirthDateAgrees,
    /// The birth date contradicts.
    BirthDateContradicts,
    /// A country agrees.
    CountryAgrees,
    /// The countries contradict.
    CountryContradicts,
    /// The gender contradicts.
    GenderContradicts,
    /// The schema (person, vessel, ...) cannot be the same kind of thing.
    SchemaMismatch,
    /// An identical identifier.
    IdentifierMatch,
    /// An identifier of the same kind that differs.
    IdentifierContradicts,
    /// The matched name is a weak (low quality) alias.
    WeakAlias,
    /// Only the listed organization's acronym matched (`PLA`).
    Acronym,
    /// Only common tokens matched.
    LowInformation,
    /// The given name of one name is a forebear's name in the other
    /// (`Salman bin Muhammad` / `Muhammad bin Salman`).
    LineageSwapped,
    /// The legal forms make different kinds of company (`AG` / `GmbH`).
    LegalFormDiffers,
    /// An organization's name ends in a series number or a country that
    /// the other name has none of (`Fund I`, `Banco Santander México`).
    QualifierOneSided,
    /// A one-word name met only by a near miss (`Kim` / `Kimo`).
    OneWordNearMiss,
    /// An organization's most distinctive word is not in the query, though
    /// commoner words are (`UKRAINE` for `BELKAZTRANS UKRAINE`; the code
    /// that opens it, `ENGINEERING` for `S 7 ENGINEERING`), or a
    /// person's name is met only in its patronymic (`Fedorovich`).
    DistinctiveWordMissing,
    /// A person's name is met only in the query's given names: the family
    /// name the query writes in capitals (`Muhammad Qasim ABDOLLAHI`) is
    /// not in it.
    FamilyNameMissing,
    /// Both names mark their family names, and each one's family name
    /// meets only given names of the other (`Mansour ABDULLAH` / `Abdallah
    /// MANSOUR`).
    FamilyNamesCrossed,
    /// Both names mark their family names, and these meet only by a near
    /// miss of two edits or more (`Morteza SAFAROV` / `Morteza SAFARI`).
    FamilyNamesApart,
}

/// One adjustment of the score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Adjustment {
    /// What it is.
    pub feature: Feature,
    /// The change of the score (for an identifier match: the floor reached).
    pub delta: f32,
    /// In words.
    pub detail: String,
}

/// Why a result scored as it did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    /// The listed name that matched best, as published.
    pub listed_name: String,
    /// Its kind (primary, alias, former).
    pub listed_kind: NameKind,
    /// Its quality grading.
    pub listed_quality: NameQuality,
    /// The romanization scheme of the listed form, when the listed name is in another script.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listed_scheme: Option<String>,
    /// The romanization scheme of the query form, when the query is in another script.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub query_scheme: Option<String>,
    /// The query tokens of the form that matched.
    pub query_tokens: Vec<String>,
    /// Query tokens dropped as titles, particles or legal forms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub query_removed: Vec<String>,
    /// The score of the names alone, 0..=1.
    pub name_score: f32,
    /// Token pairs.
    pub tokens: Vec<TokenMatch>,
    /// Query tokens that met nothing.
    pub unmatched_query: Vec<String>,
    /// Listed tokens that met nothing.
    pub unmatched_listed: Vec<String>,
    /// Other features.
    pub adjustments: Vec<Adjustment>,
    /// One sentence for an analyst.
    pub sentence: String,
}

/// One result of a screening.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MatchResult {
    /// Position of the entity in [`Matcher::entities`].
    pub entity_index: usize,
    /// The entity id (`ofac:20157`).
    pub entity_id: String,
    /// The score, 0..=1.
    pub score: f32,
    /// Whether the score reaches the threshold.
    pub is_match: bool,
    /// Why.
    pub explanation: Explanation,
}

/// One result of [`Matcher::screen_ranked`]: no explanation.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Ranked {
    /// Position of the entity in [`Matcher::entities`].
    pub entity_index: usize,
    /// The score, 0..=1.
    pub score: f32,
    /// Whether the score reaches the threshold.
    pub is_match: bool,
    /// The (record, query form) of the best name, which its explanation
    /// reads.
    #[serde(skip)]
    top: Option<(usize, usize)>,
}

/// Sizes of the index.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct IndexStats {
    /// Entities.
    pub entities: usize,
    /// Name forms indexed.
    pub name_forms: usize,
    /// Distinct tokens and joined pairs.
    pub vocabulary: usize,
    /// Deletion-neighbourhood keys.
    pub deletion_keys: usize,
    /// Postings.
    pub postings: usize,
    /// Approximate heap bytes of the index (entities not included).
    pub heap_bytes: usize,
}

/// A query without a schema whose name carries a company's legal form
/// (`Akhund LLC`) against a listed person, vessel or aircraft: less than a
/// stated schema's −0.30, since the form is read, not declared, but enough
/// that the listed name alone (`AKHUND`) is no longer a match.
const INFERRED_SCHEMA_MISMATCH: f32 = -0.25;

/// How far the fast scorer's score of a pair of name forms may be from the
/// reference scorer's (float sums in another order; the test
/// `fast_scorer_equals_reference_scorer` holds them within 1e-6): pairs
/// this close to the fast scorer's best are all aligned again, keeping the
/// detail, when a result is explained without the pair its ranking found
/// on top.
const FAST_ROUNDING: f32 = 1e-5;

/// A query without a schema that reads as a person's name (`Linda
/// Martinez`: a frequent given name first or last, no word of
/// organizations' names) against a listed vessel, aircraft or organization
/// it does not name exactly: a given name is weaker evidence than a legal
/// form, so less than [`INFERRED_SCHEMA_MISMATCH`], but enough that a
/// listed name met only inside the query (the vessel `LINDA`, `EMMA LLC`)
/// is no longer a match, while a spelling of the whole listed name (a
/// vessel `ANNA MARYA` for `ANNA MARIA`) still is.
const PERSON_NAME_MISMATCH: f32 = -0.15;

/// A query, normalized once.
/// What a query's name says as written, read once for all its forms (see
/// [`Matcher::query_form`]).
struct Written<'a> {
    /// The name as written.
    name: &'a str,
    /// Its family name ([`Query::family_name`], else
    /// [`interdict_text::family_tokens`]).
    family: Option<Vec<String>>,
    /// Its words written with a stop after them
    /// ([`interdict_text::abbreviated_words`]).
    abbreviated: Vec<String>,
}

struct Prepared {
    forms: Vec<QForm>,
    schema: Option<Schema>,
    /// Without a schema: the legal form that shows the query to name an
    /// organization (`llc`), which a person, vessel or aircraft cannot be.
    company_form: Option<String>,
    /// Without a schema: the given name that shows the query to name a
    /// person (`linda` in `Linda Martinez`; see [`Matcher::person_name`]),
    /// which a vessel, aircraft or organization cannot be.
    person_name: Option<String>,
    birth_date: Option<PartialDate>,
    countries: Vec<String>,
    ids: Vec<(Option<IdKind>, String)>,
    gender: Option<Gender>,
}

impl Prepared {
    /// The largest positive adjustment this query can earn: only a birth
    /// date or a country raise a score, so a name alone earns none and its
    /// candidates must reach the floor on the name.
    fn max_bonus(&self) -> f32 {
        if self.birth_date.is_some() || !self.countries.is_empty() {
            MAX_BONUS
        } else {
            0.0
        }
    }
}

/// The bit of query form `fi` in a record's set of forms ([`Slot::forms`]):
/// forms from the 64th on share all bits, so that they are never skipped.
fn form_bit(fi: usize) -> u64 {
    u32::try_from(fi)
        .ok()
        .and_then(|i| 1u64.checked_shl(i))
        .unwrap_or(ALL_FORMS)
}

/// Every query form: a record scored by all of them.
const ALL_FORMS: u64 = u64::MAX;

/// Per-record accumulators of the candidate search, reset by generation stamps.
#[derive(Clone, Copy, Default)]
struct Slot {
    /// Generation of `best`.
    tok_gen: u32,
    /// Best contribution of the current query token to this record.
    best: f32,
    /// Generation of `acc`.
    form_gen: u32,
    /// Contributions beyond the non-essential allowance, summed over tokens.
    acc: f32,
    /// Generation of the query that took this record as a candidate.
    stamp: u32,
    /// The query forms (by position, up to 64) whose bound it reached.
    forms: u64,
}

impl Slot {
    /// Record `r` reached by a pair of bound `c` of the query token of
    /// generation `tgen`: the token's best pair for it, the record noted in
    /// `touched` the first time.
    #[inline]
    fn take(&mut self, r: u32, tgen: u32, c: f32, touched: &mut Vec<u32>) {
        if self.tok_gen != tgen {
            self.tok_gen = tgen;
            self.best = c;
            touched.push(r);
        } else if c > self.best {
            self.best = c;
        }
    }
}

#[derive(Default)]
struct Scratch {
    gen: u32,
    slots: Vec<Slot>,
    touched: Vec<u32>,
    tok_touched: Vec<u32>,
    pairs: Vec<(f32, u32, u32)>,
}

impl Scratch {
    fn next(&mut self) -> u32 {
        self.gen = self.gen.wrapping_add(1);
        if self.gen == 0 {
            self.slots.iter_mut().for_each(|x| *x = Slot::default());
            self.gen = 1;
        }
        self.gen
    }

    fn ensure(&mut self, recs: usize) {
        if self.slots.len() < recs {
            self.slots.resize(recs, Slot::default());
        }
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
    static FAST: RefCell<FastBuf> = RefCell::new(FastBuf::default());
}

/// Runs `f` with this thread's fast-scorer buffers (fresh ones when they
/// are in use further up the stack).
fn with_fast_buf<R>(f: impl FnOnce(&mut FastBuf) -> R) -> R {
    FAST.with(|cell| {
        let mut tmp = FastBuf::default();
        let mut guard = cell.try_borrow_mut();
        let buf = match guard.as_deref_mut() {
            Ok(b) => b,
            Err(_) => &mut tmp,
        };
        f(buf)
    })
}

/// The matching engine over a set of entities.
pub struct Matcher {
    entities: Vec<Entity>,
    index: Index,
}

impl Matcher {
    /// Builds the index over these entities (all cores).
    pub fn new(entities: Vec<Entity>) -> Matcher {
        let index = Index::build(&entities);
        Matcher { entities, index }
    }

    /// The entities, in the order given.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// Sizes of the index.
    pub fn stats(&self) -> IndexStats {
        IndexStats {
            entities: self.entities.len(),
            name_forms: self.index.recs.len(),
            vocabulary: self.index.vocab.len(),
            deletion_keys: self.index.deletes.len(),
            postings: self.index.post.len(),
            heap_bytes: self.index.heap_bytes(),
        }
    }

    /// The readings of a query name. A reading in another language's
    /// spelling (Hungarian, Dutch, German, French:
    /// [`interdict_text::spelled_forms`], made for queries only) is a guess
    /// about the language; it is kept when it is confirmed: a word it
    /// changed is spelt as a listed word is
    /// (`Putyin` read `putin`, `Szergej` read `sergey` for the listed
    /// Sergei), or is one edit from a listed word that sounds alike
    /// (`Glasjew` read `glasyev`, the listed `GLAZYEV`), and the word as
    /// written is no listed word (`CHOE` read the Dutch way `khu` is the
    /// listed Korean surname, not `HU`). Unconfirmed, it
    /// would only give garbled names (`CsapNET` read `chapnet`) a second
    /// chance to look like a listed one.
    fn query_forms(
        &self,
        name: &str,
        class: interdict_text::NameClass,
    ) -> Vec<interdict_text::NameForm> {
        let mut forms = name_forms(name, class);
        // a person's initials written together (`JC Juncker`): also read
        // one letter each (not in a name of unknown class: `SMP Akbar` is
        // as likely a company's initialism)
        if class == interdict_text::NameClass::Person {
            if let Some(f) = forms.first().and_then(split_joined_initials) {
                if !forms.iter().any(|g| g.tokens == f.tokens) {
                    forms.push(f);
                }
            }
        }
        if let Some(f) = forms.first().and_then(|f| self.reversed_form(f)) {
            forms.push(f);
        }
        // a Korean name in South Korea's popular spellings (`Kim Jung
        // Eun`): also its keyed reading with `u` for ㅓ
        if class != interdict_text::NameClass::Organization {
            forms.extend(interdict_text::korean_popular_forms(&forms));
        }
        // a Korean name in Chinese characters (`金正恩`): also read as Korean
        for f in interdict_text::hanja_korean_forms(name, class) {
            if !forms.iter().any(|g| g.tokens == f.tokens) {
                forms.push(f);
            }
        }
        let mut spelled = interdict_text::spelled_forms(&forms);
        if spelled.is_empty() {
            return forms;
        }
        let base: Vec<String> = forms.first().map(|f| f.tokens.clone()).unwrap_or_default();
        let listed_spelling = |t: &str| {
            self.index
                .spelling_id(&interdict_text::spelling_key(t))
                .and_then(|id| self.index.spelling_members.get(id as usize))
                .is_some_and(|m| !m.is_empty())
        };
        // or one edit from a listed word that sounds alike (`Glasjew` read
        // `glasyev`, one letter from the listed `GLAZYEV`)
        let listed_near = |t: &str| {
            self.index
                .phon_members(&interdict_text::phonetic_key(t))
                .iter()
                .filter_map(|&v| self.index.vocab.get(v as usize))
                .any(|l| crate::sim::osa_distance(t.as_bytes(), l.as_bytes(), 1).is_some())
        };
        // (a word changed from one the lists hold as written, `MARINE` read
        // the French way `marin`, confirms nothing: the name is more likely
        // in the language that spells it so)
        let base_listed: Vec<bool> = base
            .iter()
            .map(|b| self.index.real_id(b).is_some())
            .collect();
        spelled.retain(|f| {
            let aligned = f.tokens.len() == base.len();
            // a word of the name as written, or one changed from a listed word
            let unconfirming = |i: usize, t: &String| {
                base.contains(t) || aligned && base_listed.get(i).copied().unwrap_or(false)
            };
            f.tokens
                .iter()
                .enumerate()
                .any(|(i, t)| !unconfirming(i, t) && (listed_spelling(t) || listed_near(t)))
        });
        forms.append(&mut spelled);
        forms
    }

    /// The name with each word's letters reversed (`rimaldiV nituP`), an
    /// evasion: read so when no word of the name as written is a listed
    /// word and every word reversed is one, each of three letters or more
    /// (a listed `Leon` is no reading of the query `Noel`, itself listed).
    fn reversed_form(&self, f: &interdict_text::NameForm) -> Option<interdict_text::NameForm> {
        let ok = f.scheme.is_none()
            && !f.tokens.is_empty()
            && f.tokens.iter().all(|t| {
                t.len() >= 3
                    && self.index.real_id(t).is_none()
                    && self.index.real_id(&reversed(t)).is_some()
            });
        ok.then(|| interdict_text::NameForm {
            tokens: f.tokens.iter().map(|t| reversed(t)).collect(),
            scheme: Some(REVERSED),
            removed: f.removed.clone(),
        })
    }

    /// The rarity weight of a normalized token over the loaded lists.
    pub fn token_weight(&self, token: &str) -> f32 {
        self.index.weight(token)
    }

    /// The query form of one reading of a query, marked from the name as
    /// written: whether it may have been cut at a field limit, its family
    /// name, its abbreviations.
    fn query_form(
        &self,
        f: interdict_text::NameForm,
        class: interdict_text::NameClass,
        w: &Written<'_>,
    ) -> QForm {
        let mut qf = QForm::new(
            &self.index,
            f.tokens,
            f.scheme,
            f.removed,
            class,
            &w.abbreviated,
        );
        qf.mark_cut(&self.index, w.name);
        qf.mark_family(w.family.as_deref());
        qf
    }

    fn prepare(&self, q: &Query) -> Result<Prepared, MatchError> {
        let chars = q.name.chars().count();
        if chars > MAX_NAME_CHARS {
            return Err(MatchError::NameTooLong(chars));
        }
        let class = class_of(q.schema);
        let written = Written {
            name: &q.name,
            family: q.family_tokens(),
            abbreviated: interdict_text::abbreviated_words(&q.name),
        };
        let mut forms = Vec::new();
        for mut f in self.query_forms(&q.name, class) {
            if f.tokens.is_empty() {
                continue;
            }
            f.tokens.truncate(24);
            if forms.iter().any(|x: &QForm| {
                x.toks.len() == f.tokens.len()
                    && x.toks.iter().zip(&f.tokens).all(|(a, b)| &a.text == b)
            }) {
                continue;
            }
            forms.push(self.query_form(f, class, &written));
            if forms.len() >= 16 {
                break;
            }
        }
        let ids: Vec<(Option<IdKind>, String)> = q
            .identifiers
            .iter()
            .filter_map(|s| parse_query_id(s))
            .collect();
        if forms.is_empty() && ids.is_empty() {
            return Err(MatchError::EmptyName(q.name.clone()));
        }
        let countries = q
            .countries
            .iter()
            .filter_map(|c| {
                country_code(c).map(str::to_string).or_else(|| {
                    let t = c.trim();
                    (t.len() == 2 && t.chars().all(|ch| ch.is_ascii_alphabetic()))
                        .then(|| t.to_ascii_uppercase())
                })
            })
            .collect();
        let company_form = match q.schema {
            None => interdict_text::organization_legal_form(&interdict_text::tokens(&q.name)),
            Some(_) => None,
        };
        let person_name = match (q.schema, &company_form) {
            (None, None) => forms
                .first()
                .filter(|f| f.scheme.is_none())
                .and_then(|f| self.person_name(f)),
            _ => None,
        };
        Ok(Prepared {
            forms,
            schema: q.schema,
            company_form,
            person_name,
            birth_date: q.birth_date,
            countries,
            ids,
            gender: q.gender,
        })
    }

    /// Whether a query name of unknown class reads as a person's name: two
    /// to five words, the first or the last a frequent given name
    /// ([`interdict_text::is_given_name`]), none a word of organizations'
    /// names (`trading`, `bank`). Returns the given name.
    fn person_name(&self, f: &QForm) -> Option<String> {
        let words: Vec<&score::QTok> = f
            .toks
            .iter()
            .filter(|t| t.optional.is_none() && t.len >= 2)
            .collect();
        if !(2..=5).contains(&words.len()) {
            return None;
        }
        let given = |t: &score::QTok| interdict_text::is_given_name(&t.text);
        if words
            .iter()
            .any(|t| !given(t) && self.index.is_org_word(&t.text))
        {
            return None;
        }
        words
            .first()
            .filter(|t| given(t))
            .or_else(|| words.last().filter(|t| given(t)))
            .map(|t| t.text.clone())
    }

    /// Screens a query using the index: the best results, best first.
    pub fn screen(&self, q: &Query, opts: &Options) -> Result<Vec<MatchResult>, MatchError> {
        check_threshold(opts.threshold)?;
        let p = self.prepare(q)?;
        let mut scored = self.scored(&p, opts);
        Ok(self.finish(&p, &mut scored, opts))
    }

    /// Like [`Matcher::screen`] without the explanations (for bulk
    /// screening): the entity, its score and whether it is a match, best
    /// first, with the same scores and order as `screen`.
    pub fn screen_ranked(&self, q: &Query, opts: &Options) -> Result<Vec<Ranked>, MatchError> {
        check_threshold(opts.threshold)?;
        let p = self.prepare(q)?;
        Ok(self.ranked(&p, opts))
    }

    /// Like [`Matcher::screen_ranked`], with the explanation of each match
    /// (a result below the threshold has none): what bulk screening
    /// reports, explaining only the few rows that match.
    pub fn screen_ranked_explained(
        &self,
        q: &Query,
        opts: &Options,
    ) -> Result<Vec<(Ranked, Option<Explanation>)>, MatchError> {
        check_threshold(opts.threshold)?;
        let p = self.prepare(q)?;
        Ok(self
            .ranked(&p, opts)
            .into_iter()
            .map(|r| {
                let why = r
                    .is_match
                    .then(|| {
                        self.score_entity_from(&p, r.entity_index, true, Some(r.score), r.top)
                            .1
                    })
                    .flatten();
                (r, why)
            })
            .collect())
    }

    /// The best results of a prepared query without explanations, best
    /// first (see [`Matcher::screen_ranked`]).
    fn ranked(&self, p: &Prepared, opts: &Options) -> Vec<Ranked> {
        let mut scored = self.scored(p, opts);
        self.sort_scored(&mut scored);
        scored.truncate(opts.limit);
        scored
    }

    /// Candidates scored by the fast scorer, those reaching the floor.
    fn scored(&self, p: &Prepared, opts: &Options) -> Vec<Ranked> {
        let floor = opts.min_score.unwrap_or(opts.threshold).min(opts.threshold);
        let (mut recs, id_ents) = self.candidates(p, floor);
        recs.sort_unstable_by_key(|x| x.0);
        let ranked = |score: f32, entity_index: usize, top| Ranked {
            entity_index,
            score,
            is_match: score >= opts.threshold,
            top,
        };
        let mut scored: Vec<Ranked> = Vec::new();
        // entities met by an identifier: every name counts
        for &e in &id_ents {
            let (score, top) = self.score_fast_top(p, e, None, None);
            if score >= floor {
                scored.push(ranked(score, e, top));
            }
        }
        // the others: only the names whose bound can reach the floor (the
        // rest cannot lift the entity to it)
        let idx = &self.index;
        let mut i = 0;
        while let Some(&(r, _)) = recs.get(i) {
            let Some(e) = idx.recs.get(r as usize).map(|x| x.entity as usize) else {
                i += 1;
                continue;
            };
            let mut j = i + 1;
            while recs
                .get(j)
                .and_then(|&(r, _)| idx.recs.get(r as usize))
                .is_some_and(|x| x.entity as usize == e)
            {
                j += 1;
            }
            if !id_ents.contains(&e) {
                let (score, top) = self.score_fast_top(p, e, recs.get(i..j), Some(floor));
                if score >= floor {
                    scored.push(ranked(score, e, top));
                }
            }
            i = j;
        }
        scored
    }

    /// Screens a query by scoring every entity (the oracle for the index).
    pub fn screen_full_scan(
        &self,
        q: &Query,
        opts: &Options,
    ) -> Result<Vec<MatchResult>, MatchError> {
        check_threshold(opts.threshold)?;
        let p = self.prepare(q)?;
        let floor = opts.min_score.unwrap_or(opts.threshold).min(opts.threshold);
        let mut scored: Vec<Ranked> = (0..self.entities.len())
            .map(|e| {
                let score = self.score_entity(&p, e, false, None).0;
                Ranked {
                    entity_index: e,
                    score,
                    is_match: score >= opts.threshold,
                    top: None,
                }
            })
            .filter(|r| r.score >= floor)
            .collect();
        Ok(self.finish(&p, &mut scored, opts))
    }

    /// Scores one entity against a query, with its explanation.
    pub fn score(&self, q: &Query, entity_index: usize) -> Result<MatchResult, MatchError> {
        let p = self.prepare(q)?;
        let (score, expl) = self.score_entity(&p, entity_index, true, None);
        Ok(MatchResult {
            entity_index,
            entity_id: self
                .entities
                .get(entity_index)
                .map(|e| e.id.clone())
                .unwrap_or_default(),
            score,
            is_match: score >= DEFAULT_THRESHOLD,
            explanation: expl.unwrap_or_else(empty_explanation),
        })
    }

    /// Compares two names alone (no entity), with the token weights of the
    /// loaded lists; `listed` plays the part of the listed name. Returns the
    /// name score in 0..=1.
    pub fn compare_names(&self, query: &str, listed: &str, schema: Option<Schema>) -> f32 {
        let class = class_of(schema);
        let vessel = schema == Some(Schema::Vessel);
        let written = Written {
            name: query,
            family: interdict_text::family_tokens(query),
            abbreviated: interdict_text::abbreviated_words(query),
        };
        let listed_family = interdict_text::family_tokens(listed);
        let qforms: Vec<QForm> = self
            .query_forms(query, class)
            .into_iter()
            .filter(|f| !f.tokens.is_empty())
            .take(16)
            .map(|f| self.query_form(f, class, &written))
            .collect();
        let mut best = 0.0f32;
        let mut lforms: Vec<(interdict_text::NameForm, f32)> = name_forms(listed, class)
            .into_iter()
            .take(16)
            .map(|f| (f, 1.0))
            .collect();
        let org_form = lforms
            .iter()
            .find(|(f, _)| f.scheme.is_none())
            .map(|(f, _)| f.tokens.clone());
        if let (Some(Schema::Organization | Schema::Company), Some(org_form)) = (schema, org_form) {
            for a in interdict_text::acronyms(listed, &org_form) {
                if !self.index.acronym_is_word(&a) {
                    lforms.push((
                        interdict_text::NameForm {
                            tokens: vec![a],
                            scheme: Some(index::ACRONYM_SCHEME),
                            removed: Vec::new(),
                        },
                        index::ACRONYM_FACTOR,
                    ));
                }
            }
        }
        for (lf, factor) in lforms {
            let phons: Vec<String> = lf.tokens.iter().map(|t| phonetic_key(t)).collect();
            let family = score::family_mask(
                lf.scheme,
                lf.tokens.iter().map(String::as_str),
                listed_family.as_deref(),
            );
            let ltoks: Vec<LTok<'_>> = lf
                .tokens
                .iter()
                .zip(&phons)
                .enumerate()
                .map(|(j, (t, p))| LTok {
                    text: t,
                    phon: p,
                    weight: self.index.weight(t),
                    join_phon: None,
                    family: score::has_bit(family, j),
                    common: self.index.is_common(t),
                    qualifier: score::Qualifier::of(t),
                })
                .collect();
            for qf in &qforms {
                let Some(strict) = score::script_rule(qf.scheme, lf.scheme).strict() else {
                    continue;
                };
                let s = score_tokens(
                    qf,
                    &ltoks,
                    class,
                    vessel,
                    self.index.unknown_weight,
                    false,
                    strict,
                )
                .score;
                let legal = score::legal_factor(qf.legal, interdict_text::legal_kind(&lf.removed));
                best = best.max(s * factor * legal);
            }
        }
        best
    }

    /// Best first; ties by entity id.
    fn sort_scored(&self, scored: &mut [Ranked]) {
        scored.sort_by(|a, b| {
            b.score.total_cmp(&a.score).then_with(|| {
                let ia = self.entities.get(a.entity_index).map(|e| e.id.as_str());
                let ib = self.entities.get(b.entity_index).map(|e| e.id.as_str());
                ia.cmp(&ib)
            })
        });
    }

    fn finish(&self, p: &Prepared, scored: &mut [Ranked], opts: &Options) -> Vec<MatchResult> {
        self.sort_scored(scored);
        scored
            .iter()
            .take(opts.limit)
            .map(
                |&Ranked {
                     score: s,
                     entity_index: e,
                     top,
                     ..
                 }| {
                    let (score, expl) = self.score_entity_from(p, e, true, Some(s), top);
                    // the fast score reads only the names that can reach the floor
                    debug_assert!(score >= s - 1e-5, "{score} < {s}");
                    MatchResult {
                        entity_index: e,
                        entity_id: self
                            .entities
                            .get(e)
                            .map(|x| x.id.clone())
                            .unwrap_or_default(),
                        score,
                        is_match: score >= opts.threshold,
                        explanation: expl.unwrap_or_else(empty_explanation),
                    }
                },
            )
            .collect()
    }

    /// Records whose name score can reach `floor` (less the largest bonus),
    /// each with the query forms (bit `i` for form `i`; all bits from the
    /// 64th form on) by which it can, and entities met by an identifier.
    ///
    /// MaxScore-style: every (query token, vocab entry) pair carries an
    /// upper bound of what it can add to a record's credited mass. The
    /// pairs with the smallest bounds (common tokens met exactly: "mohammed",
    /// "ali", "company") are taken as non-essential as long as all of them
    /// together cannot lift any record to the floor; their posting lists are
    /// not read. A record can only reach the floor through an essential
    /// pair, so only those posting lists are enumerated, and each record
    /// found gets the non-essential allowance added to its bound.
    fn candidates(&self, p: &Prepared, floor: f32) -> (Vec<(u32, u64)>, Vec<usize>) {
        let idx = &self.index;
        let prune = floor - p.max_bonus() - 1e-4;
        let mut ents: Vec<usize> = Vec::new();
        for (_, v) in &p.ids {
            if let Some(list) = idx.ids.get(v) {
                for (e, _) in list {
                    if !ents.contains(&(*e as usize)) {
                        ents.push(*e as usize);
                    }
                }
            }
        }
        SCRATCH.with(|cell| {
            let Ok(mut guard) = cell.try_borrow_mut() else {
                return (
                    (0..idx.recs.len() as u32).map(|r| (r, ALL_FORMS)).collect(),
                    ents,
                );
            };
            let sc = &mut *guard;
            sc.ensure(idx.recs.len());
            let rgen = sc.next();
            let mut out: Vec<u32> = Vec::new();
            for (fi, f) in p.forms.iter().enumerate() {
                let bit = form_bit(fi);
                let fgen = sc.next();
                sc.touched.clear();
                let toks: Vec<&QTok> = f
                    .toks
                    .iter()
                    .chain(f.joined.iter().map(|(_, t)| t))
                    .collect();
                // (bound, token, vocab) of every pair, ascending
                sc.pairs.clear();
                for (ti, t) in toks.iter().enumerate() {
                    for &(v, sim) in &t.found.matches {
                        // a long name's last token may meet unsquashed (prefix)
                        let credit = if f.long && t.cut {
                            sim
                        } else {
                            score::credit_factor(sim)
                        };
                        let c = credit * (t.weight + self.listed_weight(v));
                        sc.pairs.push((c, ti as u32, v));
                    }
                }
                // (bounds are never negative: their bits sort as they do)
                sc.pairs.sort_unstable_by_key(|p| p.0.to_bits());
                // the allowance per token: its largest non-essential bound
                let mut allow = vec![0.0f32; toks.len()];
                let worst_initials =
                    f.initial_mass(idx.max_weight, true, usize::MAX, f32::INFINITY);
                let mut sum = 0.0f32;
                let mut k = 0;
                for &(c, ti, _) in &sc.pairs {
                    let prev = allow.get(ti as usize).copied().unwrap_or(0.0);
                    let next = sum - prev + c.max(prev);
                    if score::loose_bound(next + worst_initials, f.total) >= prune {
                        break;
                    }
                    sum = next;
                    if let Some(a) = allow.get_mut(ti as usize) {
                        *a = c.max(prev);
                    }
                    k += 1;
                }
                // essential pairs, token by token
                let mut ess: Vec<(u32, u32, f32)> = sc
                    .pairs
                    .get(k..)
                    .unwrap_or(&[])
                    .iter()
                    .map(|&(c, ti, v)| (ti, v, c))
                    .collect();
                // The token with the most postings goes last: a record it
                // alone leads to (no other essential token did) can earn no
                // more than its best pair, so one so heavy that it stays
                // below the floor even so is not read there (postings are
                // ordered by weight, `Index::postings_upto`); the heavier
                // records are read only when an earlier token marked them
                // (a third of the records a query would touch).
                let mut reach = vec![(0usize, 0.0f32); toks.len()];
                for &(ti, v, c) in &ess {
                    if let Some(x) = reach.get_mut(ti as usize) {
                        x.0 += idx.postings(v).len();
                        x.1 = x.1.max(c);
                    }
                }
                let last = (0..reach.len())
                    .max_by_key(|&t| reach.get(t).map_or(0, |x| x.0))
                    .unwrap_or(0) as u32;
                ess.sort_unstable_by_key(|x| (x.0 == last, x.0));
                // the heaviest excess (`RecBound::excess`) a record the last
                // token alone leads to may have and reach the floor:
                // `u / (u + SURPLUS·(total − u) + excess) ≥ prune`; none
                // when the query may have lost the listed name's end (the
                // record's weight bounds nothing then)
                let alone_excess = (!f.lost_tail && prune > 0.0).then(|| {
                    let best = reach.get(last as usize).map_or(0.0, |x| x.1);
                    let a = allow.get(last as usize).copied().unwrap_or(0.0);
                    let u = sum + (best - a).max(0.0) + worst_initials;
                    let max = u / prune - u - score::SURPLUS * (f.total - u);
                    // (a margin for rounding: a record near it is read)
                    max + 1e-3 * (1.0 + max.abs())
                });
                let mut i = 0;
                while let Some(&(ti, _, _)) = ess.get(i) {
                    let tgen = sc.next();
                    sc.tok_touched.clear();
                    let alone = alone_excess.filter(|_| ti == last);
                    let mut j = i;
                    while let Some(&(tj, v, c)) = ess.get(j) {
                        if tj != ti {
                            break;
                        }
                        let (light, heavy) = match alone {
                            Some(max) => idx.postings_upto(v, max),
                            None => (idx.postings(v), &[][..]),
                        };
                        for &r in light {
                            if let Some(slot) = sc.slots.get_mut(r as usize) {
                                slot.take(r, tgen, c, &mut sc.tok_touched);
                            }
                        }
                        // (a heavy record only when an earlier token marked it)
                        for &r in heavy {
                            if let Some(slot) = sc.slots.get_mut(r as usize) {
                                if slot.form_gen == fgen {
                                    slot.take(r, tgen, c, &mut sc.tok_touched);
                                }
                            }
                        }
                        j += 1;
                    }
                    let a = allow.get(ti as usize).copied().unwrap_or(0.0);
                    for &r in &sc.tok_touched {
                        let Some(slot) = sc.slots.get_mut(r as usize) else {
                            continue;
                        };
                        if slot.form_gen != fgen {
                            slot.form_gen = fgen;
                            slot.acc = 0.0;
                            sc.touched.push(r);
                        }
                        slot.acc += (slot.best - a).max(0.0);
                    }
                    i = j;
                }
                for &r in &sc.touched {
                    let ri = r as usize;
                    let (Some(rb), Some(slot)) = (idx.bounds.get(ri), sc.slots.get_mut(ri)) else {
                        continue;
                    };
                    if slot.stamp == rgen && slot.forms & bit == bit {
                        continue;
                    }
                    let loose = f.initial_mass(
                        rb.max_token,
                        rb.has_initial,
                        usize::from(rb.len),
                        rb.weight,
                    );
                    let matched = sum + slot.acc;
                    // (a query cut at a field limit may leave the listed
                    // name's end unmatched at no cost)
                    let lose_tail = f.may_lose_tail(idx, ri);
                    let bound_of = |upper: f32| {
                        if lose_tail {
                            score::loose_bound(upper, f.total)
                        } else {
                            score_bound(upper, f.total + rb.weight, rb.patronymic)
                        }
                    };
                    let mut bound = bound_of(matched + loose);
                    if bound >= prune && loose > 0.0 {
                        // the allowance for words met by their letters took
                        // the record's heaviest word as the one they meet:
                        // read which of its words they may meet
                        if let Some(rec) = idx.recs.get(ri) {
                            let tight = f.initial_mass_in(
                                idx,
                                idx.rec_tokens(rec),
                                rb.has_initial,
                                usize::from(rb.len),
                                rb.weight,
                            );
                            bound = bound_of(matched + tight);
                        }
                    }
                    if bound >= prune {
                        if slot.stamp != rgen {
                            slot.stamp = rgen;
                            slot.forms = 0;
                            out.push(r);
                        }
                        slot.forms |= bit;
                    }
                }
                // names of the same letters spaced otherwise, whatever
                // their tokens
                for &(key, _) in &f.compact {
                    for r in idx.compact_recs(key) {
                        if let Some(s) = sc.slots.get_mut(r as usize) {
                            if s.stamp != rgen {
                                s.stamp = rgen;
                                s.forms = 0;
                                out.push(r);
                            }
                            s.forms |= bit;
                        }
                    }
                }
            }
            let out = out
                .into_iter()
                .map(|r| {
                    let forms = sc.slots.get(r as usize).map_or(ALL_FORMS, |s| s.forms);
                    (r, forms)
                })
                .collect();
            (out, ents)
        })
    }

    /// The largest listed weight a vocab entry can carry (a joined pair: both parts).
    fn listed_weight(&self, v: u32) -> f32 {
        let vi = v as usize;
        let lw = if self.index.vocab_real.get(vi).copied().unwrap_or(false) {
            self.index.vocab_weight.get(vi).copied().unwrap_or(0.0)
        } else {
            0.0
        };
        lw.max(self.join_weight(v))
    }

    fn join_weight(&self, v: u32) -> f32 {
        self.index
            .join_weight
            .get(v as usize)
            .copied()
            .unwrap_or(0.0)
    }

    fn ltoks(&self, rec: &NameRec) -> Vec<LTok<'_>> {
        let idx = &self.index;
        let toks = idx.rec_tokens(rec);
        let phon_of = |v: u32| {
            idx.vocab_phon
                .get(v as usize)
                .and_then(|&p| idx.phon_keys.get(p as usize))
                .map_or("", |s| &**s)
        };
        let mut buf = String::new();
        toks.iter()
            .enumerate()
            .map(|(j, &t)| {
                let ti = t as usize;
                let text = idx.vocab.get(ti).map_or("", |s| &**s);
                let join_phon = toks.get(j + 1).and_then(|&n| {
                    buf.clear();
                    buf.push_str(text);
                    buf.push_str(idx.vocab.get(n as usize).map_or("", |s| &**s));
                    idx.vocab_map.get(buf.as_str()).map(|&v| phon_of(v))
                });
                LTok {
                    text,
                    phon: phon_of(t),
                    weight: idx.vocab_weight.get(ti).copied().unwrap_or(0.0),
                    join_phon,
                    family: score::has_bit(rec.family, j),
                    common: idx.common_id(t),
                    qualifier: idx
                        .vocab_info
                        .get(ti)
                        .map_or_else(Default::default, |i| i.qualifier),
                }
            })
            .collect()
    }

    /// The entity score by the fast scorer (token similarities read from
    /// the query's table); equal to [`Matcher::score_entity`]'s.
    /// With `only`, just those records of the entity are scored, each by
    /// the query forms it gives.
    ///
    /// With `floor`, names that surely cannot lift the entity to it are
    /// not aligned (they count 0; the result is exact when it reaches the
    /// floor).
    #[cfg(test)]
    fn score_fast(
        &self,
        p: &Prepared,
        e: usize,
        only: Option<&[(u32, u64)]>,
        floor: Option<f32>,
    ) -> f32 {
        self.score_fast_top(p, e, only, floor).0
    }

    /// [`Matcher::score_fast`], and the (record, query form) of the best
    /// name: the first of the best (the pair an explanation reads).
    fn score_fast_top(
        &self,
        p: &Prepared,
        e: usize,
        only: Option<&[(u32, u64)]>,
        floor: Option<f32>,
    ) -> (f32, Option<(usize, usize)>) {
        let Some(entity) = self.entities.get(e) else {
            return (0.0, None);
        };
        let mut name_score = 0.0f32;
        let mut top = None;
        let mut keep_best = |s: f32, ri: usize, fi: usize| {
            if top.is_none() || s > name_score {
                name_score = s;
                top = Some((ri, fi));
            }
        };
        match only {
            Some(r) => self.fast_name_scores(
                p,
                r.iter().map(|&(r, f)| (r as usize, f)),
                floor,
                &mut keep_best,
            ),
            None => self.fast_name_scores(
                p,
                self.index.entity_recs(e).map(|r| (r, ALL_FORMS)),
                floor,
                &mut keep_best,
            ),
        }
        let (delta, id_hit) = self.adjust(p, entity, name_score, None);
        let mut score = (name_score + delta).clamp(0.0, 1.0);
        if id_hit {
            score = score.max(0.9 + 0.1 * name_score);
        }
        (score, top)
    }

    /// Calls `each(score, record, form)` with the fast scorer's score of
    /// every query form against every name form `recs` (in that order; a
    /// form the script rules keep apart is skipped), each record with the
    /// forms to score it by (bit `i` for form `i`, as
    /// [`Matcher::candidates`] gives them). With a `floor`, a score that
    /// cannot reach it may be cut short (it is then below it).
    fn fast_name_scores(
        &self,
        p: &Prepared,
        recs: impl IntoIterator<Item = (usize, u64)>,
        floor: Option<f32>,
        mut each: impl FnMut(f32, usize, usize),
    ) {
        let idx = &self.index;
        let bonus = p.max_bonus();
        with_fast_buf(|buf| {
            for (ri, forms) in recs {
                let Some(rec) = idx.recs.get(ri) else {
                    continue;
                };
                for (fi, f) in p.forms.iter().enumerate() {
                    let bit = form_bit(fi);
                    if forms & bit != bit {
                        continue;
                    }
                    let Some(strict) = score::script_rule(f.scheme, rec.scheme).strict() else {
                        continue;
                    };
                    let prune = floor.map_or(0.0, |x| (x - bonus - 1e-4) / rec.factor.max(1e-3));
                    each(
                        self.rec_score_fast(f, rec, strict, prune, buf, None),
                        ri,
                        fi,
                    );
                }
            }
        });
    }

    /// The fast scorer's name score of a record against a query form, its
    /// weak-alias factor and legal-form agreement applied; `prune` and
    /// `detail` as [`score_fast`]'s.
    fn rec_score_fast(
        &self,
        f: &QForm,
        rec: &NameRec,
        strict: bool,
        prune: f32,
        buf: &mut FastBuf,
        detail: Option<&mut NameScore>,
    ) -> f32 {
        let idx = &self.index;
        score_fast(
            f,
            idx,
            idx.rec_tokens(rec),
            idx.rec_joins(rec),
            rec.compact,
            strict,
            rec.class,
            rec.vessel,
            rec.family,
            idx.unknown_weight,
            prune,
            buf,
            detail,
        ) * rec.factor
            * score::legal_factor(f.legal, rec.legal)
    }

    /// The name score of record `ri` against query form `fi` by the fast
    /// scorer, with the alignment an explanation reads (`None` when the
    /// script rules keep them apart).
    fn fast_name_detail(&self, p: &Prepared, ri: usize, fi: usize) -> Option<(f32, NameScore)> {
        let idx = &self.index;
        let (rec, f) = (idx.recs.get(ri)?, p.forms.get(fi)?);
        let strict = score::script_rule(f.scheme, rec.scheme).strict()?;
        let mut ns = NameScore::default();
        let s = with_fast_buf(|buf| self.rec_score_fast(f, rec, strict, 0.0, buf, Some(&mut ns)));
        Some((s, ns))
    }

    /// The name score of record `ri` against query form `fi` by the
    /// reference scorer (`None` when the script rules keep them apart);
    /// `ltoks` keeps the record's listed tokens for its other forms.
    fn reference_name_score<'s>(
        &'s self,
        p: &Prepared,
        ri: usize,
        fi: usize,
        ltoks: Option<&mut Option<Vec<LTok<'s>>>>,
    ) -> Option<f32> {
        let idx = &self.index;
        let (rec, f) = (idx.recs.get(ri)?, p.forms.get(fi)?);
        let strict = score::script_rule(f.scheme, rec.scheme).strict()?;
        let mut own = None;
        let ltoks = ltoks
            .unwrap_or(&mut own)
            .get_or_insert_with(|| self.ltoks(rec));
        let ns = score_tokens(
            f,
            ltoks,
            rec.class,
            rec.vessel,
            idx.unknown_weight,
            false,
            strict,
        );
        Some(ns.score * rec.factor * score::legal_factor(f.legal, rec.legal))
    }

    /// The entity score and, when asked, the explanation.
    ///
    /// `known` is the entity's score by the fast scorer when the caller
    /// has it: the pairs of forms that surely score below it, less the
    /// largest bonus, are then not aligned to find the one to explain.
    fn score_entity(
        &self,
        p: &Prepared,
        e: usize,
        explain: bool,
        known: Option<f32>,
    ) -> (f32, Option<Explanation>) {
        self.score_entity_from(p, e, explain, known, None)
    }

    /// [`Matcher::score_entity`], given the (record, query form) of the
    /// best name when the fast scorer has found it ([`Matcher::score_fast_top`]):
    /// an explanation then reads that pair alone.
    fn score_entity_from(
        &self,
        p: &Prepared,
        e: usize,
        explain: bool,
        known: Option<f32>,
        top: Option<(usize, usize)>,
    ) -> (f32, Option<Explanation>) {
        let Some(entity) = self.entities.get(e) else {
            return (0.0, None);
        };
        let idx = &self.index;
        // best name: to explain a result, the fast scorer aligns again,
        // keeping the detail, the pair of forms its ranking found on top,
        // else the pairs it puts on top (within its rounding, so the same
        // pair is chosen); without an explanation (the full-scan oracle),
        // the reference scorer scores every pair
        let mut best: Option<(f32, usize, usize, NameScore)> = None;
        let name_score = if explain {
            let pairs: Vec<(usize, usize)> = match top {
                Some(pair) => vec![pair],
                None => {
                    let mut fast: Vec<(f32, usize, usize)> = Vec::new();
                    let all = idx.entity_recs(e).map(|r| (r, ALL_FORMS));
                    // (the best name scores at least the entity's score
                    // less the bonus, unless an identifier lifted it)
                    let floor = known.filter(|_| p.ids.is_empty());
                    self.fast_name_scores(p, all, floor, |s, ri, fi| fast.push((s, ri, fi)));
                    let top = fast.iter().map(|x| x.0).fold(f32::NEG_INFINITY, f32::max);
                    fast.iter()
                        .filter(|x| x.0 >= top - FAST_ROUNDING)
                        .map(|&(_, ri, fi)| (ri, fi))
                        .collect()
                }
            };
            for (ri, fi) in pairs {
                let Some((s, ns)) = self.fast_name_detail(p, ri, fi) else {
                    continue;
                };
                // (the reference scorer agrees, checked in debug builds)
                #[cfg(debug_assertions)]
                if let Some(r) = self.reference_name_score(p, ri, fi, None) {
                    debug_assert!(
                        (r - s).abs() < 1e-4,
                        "fast {s} != reference {r} for record {ri} form {fi}"
                    );
                }
                if best.as_ref().is_none_or(|b| s > b.0) {
                    best = Some((s, ri, fi, ns));
                }
            }
            best.as_ref().map_or(0.0, |b| b.0)
        } else {
            let mut name_score: Option<f32> = None;
            for ri in idx.entity_recs(e) {
                // (the listed tokens read once per record)
                let mut ltoks = None;
                for fi in 0..p.forms.len() {
                    if let Some(s) = self.reference_name_score(p, ri, fi, Some(&mut ltoks)) {
                        if name_score.is_none_or(|b| s > b) {
                            name_score = Some(s);
                        }
                    }
                }
            }
            name_score.unwrap_or(0.0)
        };
        let mut adj: Vec<Adjustment> = Vec::new();
        let (delta, id_hit) = self.adjust(p, entity, name_score, explain.then_some(&mut adj));
        let mut score = (name_score + delta).clamp(0.0, 1.0);
        if id_hit {
            score = score.max(0.9 + 0.1 * name_score);
        }
        if !explain {
            return (score, None);
        }
        let expl = match best {
            Some((s, ri, fi, ns)) => {
                let (rec, form) = match (idx.recs.get(ri), p.forms.get(fi)) {
                    (Some(r), Some(f)) => (r, f),
                    _ => return (score, Some(empty_explanation())),
                };
                self.explain(entity, rec, form, &self.ltoks(rec), &ns, s, score, adj)
            }
            None => {
                let mut x = empty_explanation();
                x.adjustments = adj;
                x.sentence = format!(
                    "No name of {} meets the query; score {:.2} from other features.",
                    entity.id, score
                );
                x
            }
        };
        (score, Some(expl))
    }

    #[allow(clippy::too_many_arguments)]
    fn explain(
        &self,
        entity: &Entity,
        rec: &NameRec,
        form: &QForm,
        ltoks: &[LTok<'_>],
        ns: &NameScore,
        name_score: f32,
        score: f32,
        mut adj: Vec<Adjustment>,
    ) -> Explanation {
        let name = entity.names.get(rec.name as usize);
        let span = |toks: &mut dyn Iterator<Item = &str>| toks.collect::<Vec<_>>().join(" ");
        let acronym = rec.scheme == Some(index::ACRONYM_SCHEME);
        let transliterated = form
            .scheme
            .is_some_and(|s| s != interdict_text::DISPLAY_ORDER)
            || (rec.scheme.is_some() && !acronym);
        let tokens: Vec<TokenMatch> = ns
            .pairs
            .iter()
            .map(|pr| {
                let kind = if acronym && pr.kind == MatchKind::Exact {
                    MatchKind::Acronym
                } else if transliterated && pr.kind == MatchKind::Exact {
                    MatchKind::Transliterated
                } else {
                    pr.kind
                };
                TokenMatch {
                    query: span(
                        &mut form
                            .toks
                            .iter()
                            .skip(pr.qi)
                            .take(pr.qn)
                            .map(|t| t.text.as_str()),
                    ),
                    // an acronym stands for the whole name
                    listed: match (acronym, name) {
                        (true, Some(n)) => n.full.clone(),
                        _ => span(&mut ltoks.iter().skip(pr.lj).take(pr.ln).map(|t| t.text)),
                    },
                    kind,
                    similarity: round3(pr.sim),
                    weight: round3(pr.weight),
                }
            })
            .collect();
        let unmatched_query: Vec<String> = ns
            .unmatched_q
            .iter()
            .filter_map(|&i| form.toks.get(i))
            .filter(|t| !t.free_against(rec.class, rec.vessel))
            .map(|t| t.text.clone())
            .collect();
        // legal forms and titles of a query of unknown class left unmatched
        // are reported as dropped, like those of a query of known class
        let mut query_removed = form.removed.clone();
        query_removed.extend(
            ns.unmatched_q
                .iter()
                .filter_map(|&i| form.toks.get(i))
                .filter(|t| t.free_against(rec.class, rec.vessel))
                .map(|t| t.text.clone()),
        );
        let unmatched_listed: Vec<String> = ns
            .unmatched_l
            .iter()
            .filter_map(|&j| ltoks.get(j).map(|t| t.text.to_string()))
            .collect();
        // the name's factor: a weak alias's, times an acronym's
        let acr = if acronym { index::ACRONYM_FACTOR } else { 1.0 };
        if rec.factor / acr < 0.999 {
            adj.push(Adjustment {
                feature: Feature::WeakAlias,
                delta: round3(name_score / acr - name_score / rec.factor),
                detail: "the matched name is a weak alias".into(),
            });
        }
        if acronym {
            adj.push(Adjustment {
                feature: Feature::Acronym,
                delta: round3(name_score - name_score / acr),
                detail: "only the name's acronym matched".into(),
            });
        }
        if ns.lineage_swapped {
            adj.push(Adjustment {
                feature: Feature::LineageSwapped,
                delta: round3(name_score * (score::LINEAGE_SWAP - 1.0) / score::LINEAGE_SWAP),
                detail: "the given name of one name is a forebear's name (after bin/ibn) in the other: father and son, not one person".into(),
            });
        }
        if score::legal_factor(form.legal, rec.legal) < 1.0 {
            let kind = |k: Option<interdict_text::LegalKind>| match k {
                Some(interdict_text::LegalKind::Stock) => "a joint-stock company",
                Some(interdict_text::LegalKind::Limited) => "a limited-liability company",
                Some(interdict_text::LegalKind::Partnership) => "a partnership",
                Some(interdict_text::LegalKind::NonProfit) => "a non-profit organization",
                Some(interdict_text::LegalKind::StateEnterprise) => "a state enterprise",
                Some(interdict_text::LegalKind::SoleTrader) => "a sole trader",
                None => "a company",
            };
            adj.push(Adjustment {
                feature: Feature::LegalFormDiffers,
                delta: scaled_delta(name_score, score::LEGAL_FORM_CONFLICT),
                detail: format!(
                    "the query's legal form makes {}, the listed name's {}: one brand, other companies",
                    kind(form.legal),
                    kind(rec.legal)
                ),
            });
        }
        if ns.qualifier_one_sided {
            adj.push(Adjustment {
                feature: Feature::QualifierOneSided,
                delta: scaled_delta(ns.score, score::QUALIFIER_ONE_SIDED),
                detail: "one name ends in a series number or a country the other has none of: another member of the family".into(),
            });
        }
        if ns.one_word_near {
            adj.push(Adjustment {
                feature: Feature::OneWordNearMiss,
                delta: scaled_delta(ns.score, score::ONE_WORD_NEAR),
                detail: "a one-word name met only by a near miss of its word".into(),
            });
        }
        if let Some(code) = ns.brand_missing.clone() {
            let word = ltoks
                .get(code)
                .map(|ts| ts.iter().map(|t| t.text).collect::<Vec<_>>().join(" "))
                .unwrap_or_default();
            adj.push(Adjustment {
                feature: Feature::DistinctiveWordMissing,
                delta: scaled_delta(ns.score, score::BRAND_MISSING),
                detail: if rec.class == interdict_text::NameClass::Organization {
                    format!(
                        "the listed name's most distinctive word '{word}' is not in the query: its other words name other companies as often"
                    )
                } else {
                    format!(
                        "the listed name's word '{word}' is not in the query: what it meets is a patronymic or a forebear's name, which many people share"
                    )
                },
            });
        }
        if ns.family_missing {
            let family: Vec<&str> = form
                .toks
                .iter()
                .enumerate()
                .filter(|(i, _)| score::has_bit(form.family, *i))
                .map(|(_, t)| t.text.as_str())
                .collect();
            adj.push(Adjustment {
                feature: Feature::FamilyNameMissing,
                delta: scaled_delta(ns.score, score::FAMILY_MISSING),
                detail: format!(
                    "only the query's given names are in the listed name: its family name '{}' (as written in capitals, or given) is not, so it names another family",
                    family.join(" ")
                ),
            });
        }
        if ns.family_apart {
            adj.push(Adjustment {
                feature: Feature::FamilyNamesApart,
                delta: scaled_delta(ns.score, score::FAMILY_APART),
                detail: "both names give their family names, and these are two letters or more apart: a typo changes one letter, another family's name is spelt near".into(),
            });
        }
        if ns.family_crossed {
            adj.push(Adjustment {
                feature: Feature::FamilyNamesCrossed,
                delta: scaled_delta(ns.score, score::FAMILY_CROSSED),
                detail: "each name's family name (written in capitals) meets only given names of the other: the same words in other roles, other people as often".into(),
            });
        }
        // (nothing met at all is said by the tokens, not as common ones)
        if ns.low_info < 1.0 && !ns.pairs.is_empty() {
            adj.push(Adjustment {
                feature: Feature::LowInformation,
                delta: 0.0,
                detail: format!(
                    "only common tokens matched (name score scaled by {:.2})",
                    ns.low_info
                ),
            });
        }
        let listed_name = name.map_or_else(|| entity.caption().to_string(), |n| n.full.clone());
        let kind = name.map_or(NameKind::Primary, |n| n.kind);
        let mut sentence = format!(
            "\"{}\" ({} name of {})",
            listed_name,
            match kind {
                NameKind::Primary => "primary",
                NameKind::Alias => "alias",
                NameKind::Former => "former",
            },
            entity.id
        );
        if tokens.is_empty() {
            sentence.push_str(": no name token met");
        } else {
            sentence.push_str(": ");
            let parts: Vec<String> = tokens
                .iter()
                .map(|t| {
                    if t.kind == MatchKind::Exact {
                        format!("{} = {}", t.query, t.listed)
                    } else {
                        format!("{} ~ {} ({})", t.query, t.listed, t.kind.as_str())
                    }
                })
                .collect();
            sentence.push_str(&parts.join(", "));
        }
        match (form.scheme, form.scheme.and_then(interdict_text::spelling)) {
            (_, Some(sp)) => sentence.push_str(&format!(
                " [query read as {} spelling: {}]",
                sp.language, sp.note
            )),
            (Some(interdict_text::DISPLAY_ORDER), _) => sentence.push_str(
                " [query read as shown: it is stored backwards under a right-to-left override]",
            ),
            (Some(interdict_text::ZH_TRADE), _) => sentence.push_str(
                " [query read with its Chinese trade words in English, the rest in pinyin]",
            ),
            (Some(interdict_text::RU_TRADE), _) => sentence.push_str(
                " [query read with its Russian trade words in English, the rest transliterated]",
            ),
            (Some(REVERSED), _) => {
                sentence.push_str(" [query read with each word's letters reversed]")
            }
            (Some(interdict_text::KOREAN_KEYED), _) => {
                let whose = if rec.scheme == Some(interdict_text::KOREAN_KEYED) {
                    "both names"
                } else {
                    "query"
                };
                sentence.push_str(&format!(" [{whose} {KOREAN_KEYED_NOTE}]"));
            }
            (Some(s), _) => sentence.push_str(&format!(" [query romanized by {s}]")),
            (None, _) => {}
        }
        if acronym {
            sentence.push_str(" [listed name read as its acronym]");
        } else if rec.scheme == Some(interdict_text::KOREAN_KEYED) {
            // said with the query's reading when both were read so
            if form.scheme != Some(interdict_text::KOREAN_KEYED) {
                sentence.push_str(&format!(" [listed name {KOREAN_KEYED_NOTE}]"));
            }
        } else if let Some(s) = rec.scheme {
            sentence.push_str(&format!(" [listed name romanized by {s}]"));
        }
        if !unmatched_query.is_empty() {
            sentence.push_str(&format!(
                "; not in the listed name: {}",
                unmatched_query.join(" ")
            ));
        }
        if !unmatched_listed.is_empty() {
            sentence.push_str(&format!(
                "; not in the query: {}",
                unmatched_listed.join(" ")
            ));
        }
        for a in &adj {
            sentence.push_str("; ");
            sentence.push_str(&a.detail);
        }
        sentence.push_str(&format!(
            ". Name score {:.2}, score {:.2}.",
            name_score, score
        ));
        Explanation {
            listed_name,
            listed_kind: kind,
            listed_quality: name.map_or(NameQuality::Unknown, |n| n.quality),
            listed_scheme: rec.scheme.map(str::to_string),
            query_scheme: form.scheme.map(str::to_string),
            query_tokens: form.toks.iter().map(|t| t.text.clone()).collect(),
            query_removed,
            name_score: round3(name_score),
            tokens,
            unmatched_query,
            unmatched_listed,
            adjustments: adj,
            sentence,
        }
    }

    /// The sum of the feature adjustments, and whether an identifier matched.
    fn adjust(
        &self,
        p: &Prepared,
        e: &Entity,
        name_score: f32,
        mut out: Option<&mut Vec<Adjustment>>,
    ) -> (f32, bool) {
        if p.birth_date.is_none()
            && p.countries.is_empty()
            && p.gender.is_none()
            && p.schema.is_none()
            && p.company_form.is_none()
            && p.person_name.is_none()
            && p.ids.is_empty()
        {
            return (0.0, false);
        }
        let mut delta = 0.0;
        let mut push = |feature, d: f32, detail: &dyn Fn() -> String| {
            delta += d;
            if let Some(o) = out.as_deref_mut() {
                o.push(Adjustment {
                    feature,
                    delta: d,
                    detail: detail(),
                });
            }
        };
        // birth date
        if let Some(qd) = p.birth_date {
            if !e.birth_dates.is_empty() {
                let mut agree_day = false;
                let mut agree = false;
                let mut min_gap = i32::MAX;
                for spec in &e.birth_dates {
                    let (lo, hi) = spec.year_bounds();
                    let (lo, hi) = if spec.approximate {
                        (lo - 1, hi + 1)
                    } else {
                        (lo, hi)
                    };
                    let gap = if qd.year < lo {
                        lo - qd.year
                    } else if qd.year > hi {
                        qd.year - hi
                    } else {
                        0
                    };
                    if gap == 0 {
                        let ranged = spec.to.is_some() || spec.approximate;
                        if ranged || spec.date.agrees_with(&qd) {
                            agree = true;
                            if !ranged && spec.date.day.is_some() && qd.day.is_some() {
                                agree_day = true;
                            }
                        }
                    }
                    min_gap = min_gap.min(gap);
                }
                let listed = || {
                    e.birth_dates
                        .iter()
                        .map(|d| d.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                if agree_day {
                    push(Feature::BirthDateAgrees, 0.05, &|| {
                        format!("birth date {qd} agrees")
                    });
                } else if agree {
                    push(Feature::BirthDateAgrees, 0.02, &|| {
                        format!("birth date {qd} agrees with {}", listed())
                    });
                } else if min_gap == 0 {
                    push(Feature::BirthDateContradicts, -0.08, &|| {
                        format!("birth date {qd} differs from {} (same year)", listed())
                    });
                } else if min_gap == 1 {
                    push(Feature::BirthDateContradicts, -0.10, &|| {
                        format!("birth date {qd} is a year off {}", listed())
                    });
                } else {
                    push(Feature::BirthDateContradicts, -0.20, &|| {
                        format!("birth date {qd} contradicts {}", listed())
                    });
                }
            }
        }
        // countries
        if !p.countries.is_empty() {
            let mut listed: Vec<&str> = e
                .nationalities
                .iter()
                .chain(e.countries.iter())
                .map(String::as_str)
                .chain(e.addresses.iter().filter_map(|a| a.country.as_deref()))
                .collect();
            listed.sort_unstable();
            listed.dedup();
            if !listed.is_empty() {
                if let Some(c) = p.countries.iter().find(|c| listed.contains(&c.as_str())) {
                    push(Feature::CountryAgrees, 0.03, &|| {
                        format!("country {c} agrees")
                    });
                } else {
                    push(Feature::CountryContradicts, -0.05, &|| {
                        format!(
                            "country {} not among {}",
                            p.countries.join("/"),
                            listed.join("/")
                        )
                    });
                }
            }
        }
        if let (Some(a), Some(b)) = (p.gender, e.gender) {
            if a != b {
                push(Feature::GenderContradicts, -0.10, &|| {
                    "gender contradicts".into()
                });
            }
        }
        if let Some(s) = p.schema {
            if !s.compatible(e.schema) {
                push(Feature::SchemaMismatch, -0.30, &|| {
                    format!("{} cannot be {}", with_article(s), with_article(e.schema))
                });
            }
        }
        if let Some(form) = &p.company_form {
            if matches!(e.schema, Schema::Person | Schema::Vessel | Schema::Airplane) {
                push(Feature::SchemaMismatch, INFERRED_SCHEMA_MISMATCH, &|| {
                    format!(
                        "the query names a company ({form:?}), which {} cannot be",
                        with_article(e.schema)
                    )
                });
            }
        }
        // a name met exactly is met whatever the query was read as (a
        // vessel MARIA ELENA)
        if let Some(given) = &p.person_name {
            if name_score < 1.0
                && matches!(
                    e.schema,
                    Schema::Vessel | Schema::Airplane | Schema::Organization | Schema::Company
                )
            {
                push(Feature::SchemaMismatch, PERSON_NAME_MISMATCH, &|| {
                    format!(
                        "the query reads as a person's name ({given:?} is a given name), which {} cannot be",
                        with_article(e.schema)
                    )
                });
            }
        }
        let mut id_hit = false;
        for (kind, v) in &p.ids {
            let mut same_kind_listed = false;
            let mut hit = false;
            for id in &e.identifiers {
                let same_kind = kind.as_ref().is_none_or(|k| *k == id.kind);
                if !same_kind {
                    continue;
                }
                if kind.is_some() {
                    same_kind_listed = true;
                }
                if normalize_id(&id.value, Some(&id.kind)) == *v {
                    hit = true;
                }
            }
            if hit {
                id_hit = true;
                if let Some(o) = out.as_deref_mut() {
                    o.push(Adjustment {
                        feature: Feature::IdentifierMatch,
                        delta: 0.0,
                        detail: format!("identifier {v} is identical"),
                    });
                }
            } else if same_kind_listed {
                delta -= 0.25;
                if let Some(o) = out.as_deref_mut() {
                    o.push(Adjustment {
                        feature: Feature::IdentifierContradicts,
                        delta: -0.25,
                        detail: format!("identifier {v} differs from the listed one"),
                    });
                }
            }
        }
        (delta, id_hit)
    }
}

/// The scheme of a query read with each word's letters reversed (see
/// `Matcher::reversed_form`).
pub const REVERSED: &str = "reversed";

/// A token's letters in reverse order (tokens are lowercase ASCII).
fn reversed(t: &str) -> String {
    t.chars().rev().collect()
}

/// How an explanation says that a name was read as romanized Korean.
const KOREAN_KEYED_NOTE: &str =
    "read as romanized Korean: g/k, d/t, b/p, j/ch, eo/o, eu/u and surname spellings such as Lee/Ri, Park/Pak as one";

/// The form with each token of two or three consonants (`jc`, `jfk`) read
/// as that many initials, when the name has one and another token beside
/// it: initials written together. Not `ng` (a surname) nor `jr`/`sr`.
fn split_joined_initials(f: &interdict_text::NameForm) -> Option<interdict_text::NameForm> {
    let joined = |t: &str| {
        (2..=3).contains(&t.len())
            && t.bytes()
                .all(|b| b.is_ascii_lowercase() && !b"aeiouy".contains(&b))
            && !["ng", "jr", "sr"].contains(&t)
    };
    if f.tokens.len() < 2 || !f.tokens.iter().any(|t| joined(t)) {
        return None;
    }
    let tokens = f
        .tokens
        .iter()
        .flat_map(|t| {
            if joined(t) {
                t.chars().map(String::from).collect()
            } else {
                vec![t.clone()]
            }
        })
        .collect();
    Some(interdict_text::NameForm {
        tokens,
        scheme: f.scheme,
        removed: f.removed.clone(),
    })
}

/// What a factor took from a score that it scaled to `scaled`: the
/// adjustment's delta, rounded as shown.
fn scaled_delta(scaled: f32, factor: f32) -> f32 {
    round3(scaled - scaled / factor)
}

fn round3(x: f32) -> f32 {
    (x * 1000.0).round() / 1000.0
}

fn check_threshold(t: f32) -> Result<(), MatchError> {
    if (0.0..=1.0).contains(&t) {
        Ok(())
    } else {
        Err(MatchError::BadThreshold(t))
    }
}

fn empty_explanation() -> Explanation {
    Explanation {
        listed_name: String::new(),
        listed_kind: NameKind::Primary,
        listed_quality: NameQuality::Unknown,
        listed_scheme: None,
        query_scheme: None,
        query_tokens: Vec::new(),
        query_removed: Vec::new(),
        name_score: 0.0,
        tokens: Vec::new(),
        unmatched_query: Vec::new(),
        unmatched_listed: Vec::new(),
        adjustments: Vec::new(),
        sentence: String::new(),
    }
}

/// Reads `kind:value`, `IMO 1234567` or a bare value.
fn parse_query_id(s: &str) -> Option<(Option<IdKind>, String)> {
    let s = s.trim();
    let kinds: HashMap<&str, IdKind> = [
        ("imo", IdKind::Imo),
        ("passport", IdKind::Passport),
        ("national_id", IdKind::NationalId),
        ("nationalid", IdKind::NationalId),
        ("tax_id", IdKind::TaxId),
        ("taxid", IdKind::TaxId),
        ("registration", IdKind::Registration),
        ("mmsi", IdKind::Mmsi),
        ("swift", IdKind::SwiftBic),
        ("bic", IdKind::SwiftBic),
        ("swift_bic", IdKind::SwiftBic),
        ("aircraft", IdKind::Aircraft),
    ]
    .into_iter()
    .collect();
    let (kind, value) = match s.split_once(':') {
        Some((k, v)) => match kinds.get(k.trim().to_ascii_lowercase().as_str()) {
            Some(kind) => (Some(kind.clone()), v),
            None => (None, s),
        },
        None => {
            let upper = s.to_ascii_uppercase();
            if upper.starts_with("IMO") && s.get(3..).is_some_and(|r| r.trim().len() == 7) {
                (Some(IdKind::Imo), s.get(3..).unwrap_or(s))
            } else {
                (None, s)
            }
        }
    };
    let v = normalize_id(value, kind.as_ref());
    (v.len() >= 4).then_some((kind, v))
}

/// A schema's name with its indefinite article, for explanations ("an
/// Organization", "a Vessel").
fn with_article(s: Schema) -> String {
    let name = s.to_string();
    let article = if name.starts_with(['A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {name}")
}

#[cfg(test)]
mod tests;
