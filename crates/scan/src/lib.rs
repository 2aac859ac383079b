//! Document screening: find the listed people, companies and vessels, and the
//! embargoed countries, that a free text names.
//!
//! ```text
//! bytes ──read_document──► Document (plain text, HTML visible text, e-mail)
//!        ──Scanner::scan──► ScanReport { mentions, countries, arms_terms }
//! ```
//!
//! # Usage
//!
//! ```no_run
//! use std::sync::Arc;
//! use interdict_scan::{read_document, ScanOptions, Scanner};
//! # fn entities() -> Vec<interdict_model::Entity> { Vec::new() }
//! let matcher = Arc::new(interdict_matcher::Matcher::new(entities()));
//! let scanner = Scanner::new(matcher); // once; share it between threads
//! let doc = read_document(b"Kim Jong-un met Vladimir Putin in Pyongyang.", Some("text/plain"))?;
//! let report = scanner.scan(&doc, &ScanOptions::default());
//! for m in &report.mentions {
//!     println!("{}..{} {:?} -> {} {:.2}", m.start, m.end, m.text, m.entity.id, m.score);
//! }
//! println!("{}", interdict_scan::render_marked(&doc, &report));
//! # Ok::<(), interdict_scan::ScanError>(())
//! ```
//!
//! # How mentions are found (no trained model)
//!
//! 1. **Words.** The text is split into words with their byte offsets
//!    ([`tokenize`]): hyphens split (`Jong-un`), a possessive `'s` is cut off
//!    (`Shoigu's`), other apostrophes are dropped inside the word (`O'Neill`),
//!    and full stops, brackets, quotes, semicolons and blank lines are hard
//!    breaks that a name never crosses. Each word is normalized like the
//!    matching engine normalizes names ([`interdict_text`]) and looked up in a
//!    table of every token of every listed name form (all romanizations of
//!    names in other scripts, titles and legal forms removed); a capitalized
//!    word that is not in the table is looked up by its
//!    [`interdict_text::phonetic_key`] (`Shoygu` → `shoigu`).
//! 2. **Candidates.** Every listed name form of two or more tokens is indexed
//!    by each unordered pair of its tokens; two words of the text, next to
//!    each other or one apart, that form such a pair start a candidate, which
//!    grows left and right over words of the same name form, in any order
//!    ("Kim Jong-un" for `KIM, Jong Un`, "Sergei Shoigu" for `SHOIGU, Sergei
//!    Kuzhugetovich`). A candidate must cover most of the name's rarity
//!    weight (missing tokens count 0.4, as in the matcher). Names in
//!    Cyrillic, Hangul, Arabic or Han inside the text are read with every
//!    romanization of [`interdict_text::name_forms`] (`김정은` → `kim jong
//!    un`). One-token names (`KOMID`, `ROSNEFT`, a vessel `GRACEFUL`) start a
//!    candidate alone, with the guards below.
//! 3. **Scoring.** Each candidate span is scored against its entity by the
//!    matching engine ([`interdict_matcher::Matcher::score`]), and kept at
//!    the threshold (default [`interdict_matcher::DEFAULT_THRESHOLD`]); the
//!    explanation is the engine's. Overlapping spans keep the longest.
//! 4. **Coreference.** Once a listed person is found, a later capitalized
//!    word equal to the family name of the listing (`Kim`, `Shoigu's`) is a
//!    mention of the same entity, with the antecedent's score.
//!
//! # Guards against ordinary words
//!
//! * A single word never matches a name of several tokens (a surname alone
//!   is only a coreference), so "Kim" alone is nothing.
//! * In a text that has case, most words of a span must be capitalized
//!   ("the new star" is not the vessel `NEW STAR`).
//! * A one-token name fires only if: the listed name is not a weak
//!   (low-quality) alias; the entity is not a person; the word is
//!   capitalized and not the first word of a sentence (unless written in
//!   capitals); a word of five letters or fewer is written in capitals (an
//!   acronym such as `KOMID`); the same word does not also occur in lower
//!   case in the text (then it is an ordinary word); it is no stop word,
//!   title or legal form; and a vessel or aircraft name must be written in
//!   capitals or follow a word such as "vessel", "tanker", "MV" or "IMO".
//!
//! # Countries
//!
//! Country names, common names, demonyms, capitals and metonyms
//! ([`countries`]) are mapped to ISO 3166 codes and to the regimes of the
//! embargo rules dataset ([`interdict_embargo::RuleSet`]) in force on them,
//! with the legal basis (for the DPRK: UNSCR 1718 (2006)). Words about arms
//! (`arms`, `missiles`, `munitions` …) are reported as `arms_terms`, and a
//! country under an arms embargo in such a text carries a note.
//!
//! # Offsets
//!
//! `start`/`end` are character (Unicode scalar) offsets in
//! [`Document::text`], `byte_start`/`byte_end` byte offsets in it, and
//! `source_start`/`source_end` byte offsets in the original input when the
//! text maps back to it (plain UTF-8 text; HTML pages through the tag
//! scanner's map).
#![deny(missing_docs)]

pub mod countries;
mod document;
mod email;
mod html;
pub mod tokenize;

pub use countries::{CountryForm, Regime};
pub use document::{read_document, Document, DocumentKind};

use interdict_embargo::RuleSet;
use interdict_matcher::{Explanation, Matcher, Query, DEFAULT_THRESHOLD};
use interdict_model::{Entity, NameKind, NameQuality, Schema};
use interdict_text::{is_legal_form, is_stopword, is_title, name_forms, phonetic_key, NameClass};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, RwLock};
use thiserror::Error;
use tokenize::{Word, ALLCAPS, CAP, DIGIT, FOREIGN, HYPHEN, SENT_START};

/// Why a document cannot be scanned.
#[derive(Debug, Error, Clone, PartialEq)]
pub enum ScanError {
    /// The input is empty or white space only.
    #[error("the input is empty")]
    Empty,
    /// The input is not text.
    #[error("the input looks binary, not text ({reason})")]
    Binary {
        /// What gave it away.
        reason: String,
    },
    /// The input is larger than [`ScanOptions::max_bytes`].
    #[error("the input has {size} bytes, more than the limit of {limit}")]
    TooLarge {
        /// Its size.
        size: usize,
        /// The limit.
        limit: usize,
    },
}

/// How to scan.
#[derive(Debug, Clone, PartialEq)]
pub struct ScanOptions {
    /// A mention's score must reach this (0..=1).
    pub threshold: f32,
    /// At most this many entities per mention span (the same person may be
    /// listed by several publishers), best first.
    pub max_entities_per_mention: usize,
    /// Link a later family name alone to a person found earlier.
    pub coreference: bool,
    /// Report countries and their regimes.
    pub countries: bool,
    /// Refuse texts larger than this many bytes ([`ScanError::TooLarge`],
    /// through [`Scanner::check`] or [`Scanner::try_scan`]).
    pub max_bytes: usize,
}

impl Default for ScanOptions {
    fn default() -> Self {
        ScanOptions {
            threshold: DEFAULT_THRESHOLD,
            max_entities_per_mention: 5,
            coreference: true,
            countries: true,
            max_bytes: 64 * 1024 * 1024,
        }
    }
}

/// The listed entity a mention points to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EntityRef {
    /// Entity id (`ofac:20157`).
    pub id: String,
    /// Source list (`ofac`, `un`, ...).
    pub source: String,
    /// The publisher's reference.
    pub reference: String,
    /// Person, organization, vessel, ...
    pub schema: Schema,
    /// The listed name shown for the entity.
    pub caption: String,
    /// Sanctions programmes.
    pub programmes: Vec<String>,
}

impl EntityRef {
    fn of(e: &Entity) -> EntityRef {
        EntityRef {
            id: e.id.clone(),
            source: e.source.clone(),
            reference: e.reference.clone(),
            schema: e.schema,
            caption: e.caption().to_string(),
            programmes: e.programmes.clone(),
        }
    }
}

/// How a mention was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionKind {
    /// The span is a name of the entity (scored by the matching engine).
    Name,
    /// A family name alone, after the full name appeared earlier.
    Coreference,
}

/// One mention of a listed entity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// Character offset of the first character in [`Document::text`].
    pub start: usize,
    /// Character offset after the last character.
    pub end: usize,
    /// Byte offset of the first byte in [`Document::text`].
    pub byte_start: usize,
    /// Byte offset after the last byte.
    pub byte_end: usize,
    /// Byte offsets in the original input, when the text maps back to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_start: Option<usize>,
    /// See `source_start`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_end: Option<usize>,
    /// The text as written.
    pub text: String,
    /// Name or coreference.
    pub kind: MentionKind,
    /// For a coreference: the index (in [`ScanReport::mentions`]) of the
    /// mention with the full name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub antecedent: Option<usize>,
    /// The entity.
    pub entity: EntityRef,
    /// Position of the entity in [`Matcher::entities`].
    pub entity_index: usize,
    /// The score, 0..=1.
    pub score: f32,
    /// Why, from the matching engine.
    pub explanation: Explanation,
}

/// One place where a country is named.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountrySpan {
    /// Character offset of the first character.
    pub start: usize,
    /// Character offset after the last character.
    pub end: usize,
    /// Byte offset of the first byte.
    pub byte_start: usize,
    /// Byte offset after the last byte.
    pub byte_end: usize,
    /// The text as written.
    pub text: String,
    /// Name, demonym, capital, ...
    pub form: CountryForm,
}

/// A country the text names, with the regimes that cover it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountryMention {
    /// ISO 3166 alpha-2 code.
    pub code: String,
    /// English short name.
    pub name: String,
    /// Where it is named.
    pub spans: Vec<CountrySpan>,
    /// Whether a regime in force includes an arms embargo.
    pub arms_embargo: bool,
    /// The regimes in force on the country (UN first).
    pub regimes: Vec<Regime>,
    /// A note when the text speaks of arms and the country is under an arms embargo.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What a scan found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScanReport {
    /// What the document was read from.
    pub kind: DocumentKind,
    /// Characters in the scanned text.
    pub chars: usize,
    /// Bytes in the scanned text.
    pub bytes: usize,
    /// The threshold used.
    pub threshold: f32,
    /// Mentions of listed entities, in text order (one per span and entity).
    pub mentions: Vec<Mention>,
    /// Countries named, in order of first mention.
    pub countries: Vec<CountryMention>,
    /// Words about arms found in the text (lower case, distinct, in order).
    pub arms_terms: Vec<String>,
    /// Warnings from reading the document.
    pub warnings: Vec<String>,
}

impl ScanReport {
    /// The distinct entity ids mentioned, in order of first mention.
    pub fn entity_ids(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for m in &self.mentions {
            if !out.contains(&m.entity.id.as_str()) {
                out.push(&m.entity.id);
            }
        }
        out
    }
}

// ---------------------------------------------------------------------------
// fast hashing for the word tables

#[derive(Default, Clone, Copy)]
struct Fx(u64);

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut a = [0u8; 8];
            a.copy_from_slice(c);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(a)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        self.0 = h;
    }
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u32(&mut self, i: u32) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_u64(&mut self, i: u64) {
        self.0 = (self.0.rotate_left(5) ^ i).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, i: usize) {
        self.write_u64(i as u64);
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

const NONE: u32 = u32::MAX;

/// Word flags in the table.
const W_NAME: u8 = 1;
const W_SINGLE: u8 = 2;
const W_COUNTRY: u8 = 4;
const W_ARMS: u8 = 8;
const W_CUE: u8 = 16;
const W_PARTY: u8 = 32;

/// Words before a vessel name.
const VESSEL_CUES: &[&str] = &[
    "vessel",
    "vessels",
    "ship",
    "tanker",
    "mv",
    "mt",
    "freighter",
    "carrier",
    "yacht",
    "barge",
    "imo",
    "steamer",
    "trawler",
    "flagged",
    "aboard",
    "tug",
];

/// Field labels and roles before a party's name in trade papers.
const PARTY_CUES: &[&str] = &[
    "shipper",
    "consignee",
    "notify",
    "beneficiary",
    "buyer",
    "seller",
    "applicant",
    "owner",
    "operator",
    "charterer",
    "agent",
    "importer",
    "exporter",
    "supplier",
    "manufacturer",
    "payee",
    "payer",
    "remitter",
    "counterparty",
    "customer",
    "consignor",
    "forwarder",
];

/// One listed name form.
#[derive(Debug, Clone)]
struct Rec {
    entity: u32,
    key_start: u32,
    key_len: u16,
    weight: f32,
    weak: bool,
}

/// Normalizes one word as the name normalizer does (lowercase ASCII, no apostrophes).
fn normalize_word(w: &str, buf: &mut String) {
    buf.clear();
    if w.is_ascii() {
        for b in w.bytes() {
            if b.is_ascii_alphanumeric() {
                buf.push(b.to_ascii_lowercase() as char);
            }
        }
    } else {
        for t in interdict_text::tokens(w) {
            buf.push_str(&t);
        }
    }
}

/// The normalized words of a phrase, split as the scanner splits text.
pub(crate) fn normalized_words(text: &str) -> Vec<String> {
    let mut buf = String::new();
    tokenize::words(text)
        .iter()
        .filter_map(|w| {
            let s = text.get(w.start as usize..w.end as usize)?;
            normalize_word(s, &mut buf);
            (!buf.is_empty()).then(|| buf.clone())
        })
        .collect()
}

type Scored = Option<Arc<(f32, Explanation)>>;
type Cands = FxMap<(u32, u32), Vec<(u32, f32)>>;
/// A candidate of a run: first and last word (relative), entity, coverage.
type RunCand = (u16, u16, u32, f32);
/// Candidates of runs by their word classes.
type RunMemo = FxMap<Box<[u64]>, Arc<[RunCand]>>;

/// Finds listed parties and countries in documents. Build once per set of
/// lists ([`Scanner::new`]); `scan` takes `&self` and may run on many
/// threads at once.
pub struct Scanner {
    matcher: Arc<Matcher>,
    words: FxMap<Box<str>, u32>,
    vocab: Vec<Box<str>>,
    wflags: Vec<u8>,
    /// `S_STOP`, `S_LEGAL`, `K_TITLE` of each word.
    wkind: Vec<u8>,
    /// Phonetic class of each name token (`NONE` for other words).
    wclass: Vec<u32>,
    /// Phonetic key → class.
    classes: FxMap<Box<str>, u32>,
    /// Largest rarity weight of the tokens of each class.
    cweight: Vec<f32>,
    recs: Vec<Rec>,
    /// Classes of each record.
    rec_keys: Vec<u32>,
    /// One-token names by word id.
    singles: FxMap<u32, Vec<u32>>,
    /// Names of two or more classes by each unordered pair of classes.
    pairs: FxMap<u64, Vec<u32>>,
    country_first: FxMap<u32, Vec<u32>>,
    phrases: Vec<(Vec<u32>, countries::Phrase)>,
    rules: RuleSet,
    /// Scores by span text and entity.
    cache: RwLock<FxMap<Box<str>, FxMap<u32, Scored>>>,
    /// Candidates by run of word classes.
    runs: RwLock<RunMemo>,
}

/// Most entries the score cache holds before it is emptied.
const CACHE_MAX: usize = 200_000;

fn pair_key(a: u32, b: u32) -> u64 {
    let (x, y) = if a < b { (a, b) } else { (b, a) };
    (x as u64) << 32 | y as u64
}

fn set_flag(flags: &mut [u8], id: u32, f: u8) {
    if let Some(x) = flags.get_mut(id as usize) {
        *x |= f;
    }
}

impl Scanner {
    /// Builds the word tables from the matcher's entities (all cores).
    pub fn new(matcher: Arc<Matcher>) -> Scanner {
        let entities = matcher.entities();
        // name forms per entity, in parallel
        type Forms = Vec<(bool, Vec<String>)>;
        let forms: Vec<Forms> = entities
            .par_iter()
            .map(|e| {
                let class = interdict_matcher::class_of(Some(e.schema));
                let mut out: Forms = Vec::new();
                for n in &e.names {
                    let weak = n.quality == NameQuality::Weak;
                    for f in name_forms(&n.full, class) {
                        if f.tokens.is_empty() || out.iter().any(|(_, t)| *t == f.tokens) {
                            continue;
                        }
                        out.push((weak, f.tokens));
                    }
                }
                out
            })
            .collect();
        let mut words: FxMap<Box<str>, u32> = FxMap::default();
        let mut wflags: Vec<u8> = Vec::new();
        let mut vocab: Vec<Box<str>> = Vec::new();
        let mut intern = |s: &str, flags: &mut Vec<u8>, vocab: &mut Vec<Box<str>>| -> u32 {
            if let Some(&id) = words.get(s) {
                return id;
            }
            let id = vocab.len() as u32;
            vocab.push(s.into());
            flags.push(0);
            words.insert(s.into(), id);
            id
        };
        // 1. records as word ids
        let mut rec_words: Vec<(u32, bool, Vec<u32>)> = Vec::new();
        for (ei, ef) in forms.iter().enumerate() {
            for (weak, toks) in ef {
                let mut ids: Vec<u32> = Vec::with_capacity(toks.len());
                for t in toks {
                    let id = intern(t, &mut wflags, &mut vocab);
                    set_flag(&mut wflags, id, W_NAME);
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
                rec_words.push((ei as u32, *weak, ids));
            }
        }
        drop(forms);
        // 2. phonetic classes and weights of the name tokens
        let name_words = vocab.len();
        let keys: Vec<String> = vocab.par_iter().map(|t| phonetic_key(t)).collect();
        let wweight: Vec<f32> = vocab.par_iter().map(|t| matcher.token_weight(t)).collect();
        let mut classes: FxMap<Box<str>, u32> = FxMap::default();
        let mut wclass: Vec<u32> = Vec::with_capacity(name_words);
        let mut cweight: Vec<f32> = Vec::new();
        for (i, k) in keys.into_iter().enumerate() {
            // a token without a usable key is its own class
            let k = if k.is_empty() {
                format!("\u{0}{}", vocab.get(i).map_or("", |v| v))
            } else {
                k
            };
            let next = cweight.len() as u32;
            let c = *classes.entry(k.into_boxed_str()).or_insert(next);
            if c == next {
                cweight.push(0.0);
            }
            let w = wweight.get(i).copied().unwrap_or(0.0);
            if let Some(cw) = cweight.get_mut(c as usize) {
                *cw = cw.max(w);
            }
            wclass.push(c);
        }
        // 3. records as classes, pairs and singles
        let mut recs: Vec<Rec> = Vec::with_capacity(rec_words.len());
        let mut rec_keys: Vec<u32> = Vec::new();
        let mut singles: FxMap<u32, Vec<u32>> = FxMap::default();
        let mut pairs: FxMap<u64, Vec<u32>> = FxMap::default();
        let mut ks: Vec<u32> = Vec::new();
        for (entity, weak, ids) in rec_words {
            ks.clear();
            for &w in &ids {
                let c = wclass.get(w as usize).copied().unwrap_or(NONE);
                if c != NONE && !ks.contains(&c) {
                    ks.push(c);
                }
            }
            let ri = recs.len() as u32;
            if ids.len() == 1 {
                if let Some(&w) = ids.first() {
                    set_flag(&mut wflags, w, W_SINGLE);
                    singles.entry(w).or_default().push(ri);
                }
            } else {
                let lim = ks.len().min(12);
                for a in 0..lim {
                    for b in a + 1..lim {
                        if let (Some(&x), Some(&y)) = (ks.get(a), ks.get(b)) {
                            pairs.entry(pair_key(x, y)).or_default().push(ri);
                        }
                    }
                }
            }
            let weight = ks
                .iter()
                .map(|&c| cweight.get(c as usize).copied().unwrap_or(0.0))
                .sum();
            recs.push(Rec {
                entity,
                key_start: rec_keys.len() as u32,
                key_len: ks.len() as u16,
                weight,
                weak,
            });
            rec_keys.extend_from_slice(&ks);
        }
        // countries
        let mut phrases: Vec<(Vec<u32>, countries::Phrase)> = Vec::new();
        let mut country_first: FxMap<u32, Vec<u32>> = FxMap::default();
        for p in countries::phrases() {
            let ids: Vec<u32> = p
                .words
                .iter()
                .map(|w| intern(w, &mut wflags, &mut vocab))
                .collect();
            if let Some(&f) = ids.first() {
                set_flag(&mut wflags, f, W_COUNTRY);
                country_first
                    .entry(f)
                    .or_default()
                    .push(phrases.len() as u32);
            }
            phrases.push((ids, p));
        }
        for list in country_first.values_mut() {
            list.sort_by_key(|&pi| {
                std::cmp::Reverse(phrases.get(pi as usize).map_or(0, |p| p.0.len()))
            });
        }
        for w in countries::ARMS_WORDS {
            let id = intern(w, &mut wflags, &mut vocab);
            set_flag(&mut wflags, id, W_ARMS);
        }
        for w in VESSEL_CUES {
            let id = intern(w, &mut wflags, &mut vocab);
            set_flag(&mut wflags, id, W_CUE);
        }
        for w in PARTY_CUES {
            let id = intern(w, &mut wflags, &mut vocab);
            set_flag(&mut wflags, id, W_PARTY);
        }
        wclass.resize(vocab.len(), NONE);
        let wkind: Vec<u8> = vocab
            .par_iter()
            .map(|t| {
                let mut k = 0;
                if is_stopword(t) {
                    k |= S_STOP;
                }
                if is_legal_form(t) {
                    k |= S_LEGAL;
                }
                if is_title(t) {
                    k |= K_TITLE;
                }
                k
            })
            .collect();
        Scanner {
            matcher,
            words,
            vocab,
            wflags,
            wkind,
            wclass,
            classes,
            cweight,
            recs,
            rec_keys,
            singles,
            pairs,
            country_first,
            phrases,
            rules: RuleSet::embedded().unwrap_or_default(),
            cache: RwLock::new(FxMap::default()),
            runs: RwLock::new(FxMap::default()),
        }
    }

    /// The matching engine.
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// Name forms indexed.
    pub fn name_forms(&self) -> usize {
        self.recs.len()
    }

    /// Checks a document against the options' size limit.
    pub fn check(&self, doc: &Document, opts: &ScanOptions) -> Result<(), ScanError> {
        if doc.text.len() > opts.max_bytes {
            return Err(ScanError::TooLarge {
                size: doc.text.len(),
                limit: opts.max_bytes,
            });
        }
        Ok(())
    }

    /// [`Scanner::check`], then [`Scanner::scan`].
    pub fn try_scan(&self, doc: &Document, opts: &ScanOptions) -> Result<ScanReport, ScanError> {
        self.check(doc, opts)?;
        Ok(self.scan(doc, opts))
    }

    /// Scans a plain text.
    pub fn scan_text(&self, text: &str, opts: &ScanOptions) -> ScanReport {
        self.scan(&Document::text(text), opts)
    }

    fn rec_keys(&self, r: &Rec) -> &[u32] {
        let s = r.key_start as usize;
        self.rec_keys
            .get(s..s + r.key_len as usize)
            .unwrap_or_default()
    }

    fn flags(&self, wid: u32) -> u8 {
        self.wflags.get(wid as usize).copied().unwrap_or(0)
    }

    fn cweight(&self, class: u32) -> f32 {
        self.cweight.get(class as usize).copied().unwrap_or(0.0)
    }

    /// Scans a document (no size check: see [`Scanner::try_scan`]).
    pub fn scan(&self, doc: &Document, opts: &ScanOptions) -> ScanReport {
        let text = doc.text.as_str();
        let words = tokenize::words(text);
        let st = self.lookup_words(text, &words);
        let mut cands: Cands = FxMap::default();
        self.latin_candidates(&words, &st, &mut cands);
        self.foreign_candidates(text, &words, &mut cands);
        let weak = self.single_candidates(text, &words, &st, &mut cands);
        let entities = self.matcher.entities();
        // score
        type Hits = Vec<(u32, Arc<(f32, Explanation)>)>;
        let mut accepted: Vec<((u32, u32), Hits)> = Vec::new();
        let mut windows: Vec<_> = cands.into_iter().collect();
        windows.sort_by_key(|((l, r), _)| (*l, *r));
        for ((l, r), mut ents) in windows {
            let (Some(wl), Some(wr)) = (words.get(l as usize), words.get(r as usize)) else {
                continue;
            };
            if !st.case_ok(&words, l as usize, r as usize)
                || !self.isolated(text, &words, &st, l as usize, r as usize)
            {
                continue;
            }
            let Some(span) = text.get(wl.start as usize..wr.end as usize) else {
                continue;
            };
            ents.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            ents.dedup_by_key(|e| e.0);
            ents.truncate(24);
            let mut good: Hits = Vec::new();
            for (e, s) in self.scores(span, &ents) {
                let Some(s) = s else {
                    continue;
                };
                if s.0 < opts.threshold {
                    continue;
                }
                let schema = entities.get(e as usize).map(|x| x.schema);
                if schema == Some(Schema::Person) && !partial_name_ok(&s.1) {
                    continue;
                }
                if schema == Some(Schema::Vessel)
                    && s.1.unmatched_listed.iter().any(|t| {
                        t.bytes().any(|b| b.is_ascii_digit())
                            || matches!(
                                t.as_str(),
                                "i" | "ii"
                                    | "iii"
                                    | "iv"
                                    | "v"
                                    | "vi"
                                    | "vii"
                                    | "viii"
                                    | "ix"
                                    | "x"
                            )
                    })
                {
                    // "JI SONG 6" is not "Ji Song", "SEA STAR III" not "Sea Star":
                    // the hull number matters
                    continue;
                }
                if !distinctive_ok(&s.1) {
                    continue;
                }
                good.push((e, s));
            }
            if !good.is_empty() {
                good.sort_by(|a, b| b.1 .0.total_cmp(&a.1 .0).then(a.0.cmp(&b.0)));
                // other entities on the same span only when about as good as the best
                let best = good.first().map_or(0.0, |x| x.1 .0);
                good.retain(|x| x.1 .0 >= best - 0.1);
                // a name met in full beats names that say more than the text
                if good.iter().any(|x| complete(&x.1 .1)) {
                    good.retain(|x| complete(&x.1 .1));
                }
                good.truncate(opts.max_entities_per_mention.max(1));
                accepted.push(((l, r), good));
            }
        }
        // longest spans first, then best score; no overlaps
        accepted.sort_by(|a, b| {
            let la = a.0 .1 - a.0 .0;
            let lb = b.0 .1 - b.0 .0;
            lb.cmp(&la)
                .then_with(|| {
                    let sa = a.1.first().map_or(0.0, |x| x.1 .0);
                    let sb = b.1.first().map_or(0.0, |x| x.1 .0);
                    sb.total_cmp(&sa)
                })
                .then(a.0.cmp(&b.0))
        });
        let mut taken = vec![false; words.len()];
        let mut kept: Vec<((u32, u32), Hits)> = Vec::new();
        for (win, ents) in accepted {
            let (l, r) = (win.0 as usize, win.1 as usize);
            if taken.get(l..=r).is_none_or(|s| s.iter().any(|&t| t)) {
                continue;
            }
            if let Some(s) = taken.get_mut(l..=r) {
                s.iter_mut().for_each(|t| *t = true);
            }
            kept.push((win, ents));
        }
        kept.sort_by_key(|(w, _)| *w);
        // countries and arms words
        let mut arms_terms: Vec<String> = Vec::new();
        let mut country_spans: Vec<(&'static str, CountrySpan)> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let wid = st.wid.get(i).copied().unwrap_or(NONE);
            if wid == NONE {
                i += 1;
                continue;
            }
            let f = self.flags(wid);
            if f & W_ARMS != 0 {
                if let Some(t) = self.vocab.get(wid as usize) {
                    if !arms_terms.iter().any(|x| x.as_str() == &**t) {
                        arms_terms.push(t.to_string());
                    }
                }
            }
            if opts.countries && f & W_COUNTRY != 0 {
                if let Some((len, code, form)) = self.country_at(&words, &st, i) {
                    if let (Some(a), Some(b)) = (words.get(i), words.get(i + len - 1)) {
                        country_spans.push((
                            code,
                            CountrySpan {
                                start: 0,
                                end: 0,
                                byte_start: a.start as usize,
                                byte_end: b.end as usize,
                                text: text
                                    .get(a.start as usize..b.end as usize)
                                    .unwrap_or("")
                                    .to_string(),
                                form,
                            },
                        ));
                        i += len;
                        continue;
                    }
                }
            }
            i += 1;
        }
        // short acronyms need support: the entity named otherwise, or one of its countries named
        let strong: HashSet<u32, BuildHasherDefault<Fx>> = kept
            .iter()
            .filter(|(w, _)| !weak.contains(w))
            .flat_map(|(_, h)| h.iter().map(|x| x.0))
            .collect();
        let mut mentions: Vec<Mention> = Vec::new();
        for ((l, r), ents) in &kept {
            // legal forms written around the name belong to the span shown
            let (dl, dr) = st.legal_tails(&words, *l as usize, *r as usize);
            let free = |a: usize, b: usize| taken.get(a..b).is_some_and(|s| s.iter().all(|t| !t));
            let dl = if dl < *l as usize && free(dl, *l as usize) {
                dl
            } else {
                *l as usize
            };
            let dr = if dr > *r as usize && free(*r as usize + 1, dr + 1) {
                dr
            } else {
                *r as usize
            };
            let (Some(wl), Some(wr)) = (words.get(dl), words.get(dr)) else {
                continue;
            };
            for (e, s) in ents {
                let Some(ent) = entities.get(*e as usize) else {
                    continue;
                };
                if weak.contains(&(*l, *r)) && !strong.contains(e) {
                    let supported = country_spans.iter().any(|(c, _)| {
                        ent.countries.iter().any(|x| x == c)
                            || ent.nationalities.iter().any(|x| x == c)
                            || ent
                                .addresses
                                .iter()
                                .any(|a| a.country.as_deref() == Some(c))
                    });
                    if !supported {
                        continue;
                    }
                }
                mentions.push(Mention {
                    start: 0,
                    end: 0,
                    byte_start: wl.start as usize,
                    byte_end: wr.end as usize,
                    source_start: None,
                    source_end: None,
                    text: text
                        .get(wl.start as usize..wr.end as usize)
                        .unwrap_or("")
                        .to_string(),
                    kind: MentionKind::Name,
                    antecedent: None,
                    entity: EntityRef::of(ent),
                    entity_index: *e as usize,
                    score: s.0,
                    explanation: s.1.clone(),
                });
            }
        }
        if opts.coreference {
            mentions = self.coreference(text, &words, &st, &taken, mentions);
        }
        // char offsets
        let mut offs: Vec<usize> = Vec::new();
        for m in &mentions {
            offs.push(m.byte_start);
            offs.push(m.byte_end);
        }
        for (_, c) in &country_spans {
            offs.push(c.byte_start);
            offs.push(c.byte_end);
        }
        let chars = char_offsets(text, &mut offs);
        let to_char = |b: usize| -> usize {
            offs.binary_search(&b)
                .ok()
                .and_then(|i| chars.get(i).copied())
                .unwrap_or(b)
        };
        for m in mentions.iter_mut() {
            m.start = to_char(m.byte_start);
            m.end = to_char(m.byte_end);
            m.source_start = doc.source_offset(m.byte_start);
            m.source_end = doc
                .source_offset(m.byte_end.saturating_sub(1))
                .map(|x| x + 1);
        }
        let mut countries: Vec<CountryMention> = Vec::new();
        for (code, mut span) in country_spans {
            span.start = to_char(span.byte_start);
            span.end = to_char(span.byte_end);
            if let Some(c) = countries.iter_mut().find(|c| c.code == code) {
                c.spans.push(span);
                continue;
            }
            let regimes = countries::regimes(&self.rules, code);
            let arms_embargo = regimes.iter().any(|g| g.arms_embargo);
            countries.push(CountryMention {
                code: code.to_string(),
                name: interdict_model::country::country_name(code)
                    .unwrap_or(code)
                    .to_string(),
                spans: vec![span],
                arms_embargo,
                regimes,
                note: None,
            });
        }
        if !arms_terms.is_empty() {
            for c in countries.iter_mut().filter(|c| c.arms_embargo) {
                let bases: Vec<String> = c
                    .regimes
                    .iter()
                    .filter(|g| g.arms_embargo)
                    .map(|g| format!("{} {}: {}", g.authority, g.regime, g.legal_basis))
                    .collect();
                c.note = Some(format!(
                    "the text speaks of arms ({}) and names {} ({}), which is under an arms embargo: {}",
                    arms_terms.join(", "),
                    c.name,
                    c.code,
                    bases.join("; ")
                ));
            }
        }
        ScanReport {
            kind: doc.kind,
            chars: if text.is_ascii() {
                text.len()
            } else {
                text.chars().count()
            },
            bytes: text.len(),
            threshold: opts.threshold,
            mentions,
            countries,
            arms_terms,
            warnings: doc.warnings.clone(),
        }
    }

    /// The scores of a span against entities, cached by span text.
    fn scores(&self, span: &str, ents: &[(u32, f32)]) -> Vec<(u32, Scored)> {
        let mut out: Vec<(u32, Scored)> = Vec::with_capacity(ents.len());
        let mut missing: Vec<u32> = Vec::new();
        if let Ok(c) = self.cache.read() {
            let m = c.get(span);
            for &(e, _) in ents {
                match m.and_then(|m| m.get(&e)) {
                    Some(v) => out.push((e, v.clone())),
                    None => missing.push(e),
                }
            }
        } else {
            missing.extend(ents.iter().map(|x| x.0));
        }
        if missing.is_empty() {
            return out;
        }
        let q = Query::name(span);
        let computed: Vec<(u32, Scored)> = missing
            .iter()
            .map(|&e| {
                let v = self
                    .matcher
                    .score(&q, e as usize)
                    .ok()
                    .map(|r| Arc::new((r.score, r.explanation)));
                (e, v)
            })
            .collect();
        if let Ok(mut c) = self.cache.write() {
            if c.len() >= CACHE_MAX {
                c.clear();
            }
            let m = c.entry(span.into()).or_default();
            for (e, v) in &computed {
                m.insert(*e, v.clone());
            }
        }
        out.extend(computed);
        out
    }

    fn lookup_words(&self, text: &str, words: &[Word]) -> State {
        let mut wid = Vec::with_capacity(words.len());
        let mut cls = Vec::with_capacity(words.len());
        let mut wf = Vec::with_capacity(words.len());
        let mut lower_seen: HashSet<u32, BuildHasherDefault<Fx>> = HashSet::default();
        let mut buf = String::with_capacity(32);
        let mut cap = 0usize;
        let mut allcaps = 0usize;
        let mut lettered = 0usize;
        for w in words {
            let s = text.get(w.start as usize..w.end as usize).unwrap_or("");
            if w.has(FOREIGN) {
                wid.push(NONE);
                cls.push(NONE);
                wf.push(0);
                continue;
            }
            if !w.has(DIGIT) {
                lettered += 1;
                if w.has(CAP) {
                    cap += 1;
                }
                if w.has(ALLCAPS) {
                    allcaps += 1;
                }
            }
            normalize_word(s, &mut buf);
            let id = self.words.get(buf.as_str()).copied().unwrap_or(NONE);
            let kind = if id != NONE {
                self.wkind.get(id as usize).copied().unwrap_or(0)
            } else if w.has(CAP) || buf.len() <= 4 {
                let mut k = 0;
                if is_stopword(&buf) {
                    k |= S_STOP;
                }
                if w.has(CAP) && is_legal_form(&buf) {
                    k |= S_LEGAL;
                }
                if w.has(CAP) && is_title(&buf) {
                    k |= K_TITLE;
                }
                k
            } else {
                0
            };
            let mut f = 0u8;
            if buf.len() <= 4 && kind & S_STOP != 0 {
                f |= S_STOP;
            }
            if w.has(CAP) && kind & S_LEGAL != 0 {
                f |= S_LEGAL;
            }
            let mut c = self.wclass.get(id as usize).copied().unwrap_or(NONE);
            if id != NONE && !w.has(CAP) && self.flags(id) & W_SINGLE != 0 {
                lower_seen.insert(id);
            }
            if c == NONE
                && w.has(CAP)
                && buf.len() >= 3
                && !w.has(DIGIT)
                && kind & (S_STOP | S_LEGAL | K_TITLE) == 0
            {
                c = self
                    .classes
                    .get(phonetic_key(&buf).as_str())
                    .copied()
                    .unwrap_or(NONE);
            }
            wid.push(id);
            cls.push(c);
            wf.push(f);
        }
        let has_case = lettered > 0 && cap * 200 >= lettered && allcaps * 100 < lettered * 70;
        if has_case {
            // in a text with case, a lower-case word is no name token unless it
            // is a particle or glued by a hyphen ("Jong-un")
            for (k, w) in words.iter().enumerate() {
                let keep = w.has(CAP)
                    || w.has(HYPHEN)
                    || w.has(DIGIT)
                    || w.has(FOREIGN)
                    || wf.get(k).is_some_and(|f| f & S_STOP != 0)
                    || wid
                        .get(k)
                        .and_then(|&x| self.vocab.get(x as usize))
                        .is_some_and(|t| interdict_text::is_particle(t));
                if !keep {
                    if let Some(c) = cls.get_mut(k) {
                        *c = NONE;
                    }
                }
            }
        }
        State {
            wid,
            cls,
            wf,
            lower_seen,
            has_case,
        }
    }

    /// Candidates from pairs of name tokens in Latin text, run by run: a run
    /// is a stretch of name tokens, particles and initials with no break; its
    /// candidates depend only on its words' classes, so they are memoized
    /// (names recur in a feed).
    fn latin_candidates(&self, words: &[Word], st: &State, cands: &mut Cands) {
        let n = words.len();
        let runnable = |k: usize| {
            st.cls.get(k).is_some_and(|&c| c != NONE)
                || st.has(k, S_STOP)
                || st.is_initial(k, words)
        };
        let mut key: Vec<u64> = Vec::new();
        let mut i = 0;
        while i < n {
            if st.cls.get(i).is_none_or(|&c| c == NONE) {
                i += 1;
                continue;
            }
            // extend the run
            let a = i;
            let mut b = i;
            while b + 1 < n && words.get(b + 1).is_some_and(|w| !w.brk) && runnable(b + 1) {
                b += 1;
            }
            i = b + 1;
            let classes = (a..=b)
                .filter(|&k| st.cls.get(k).is_some_and(|&c| c != NONE))
                .count();
            if classes < 2 {
                continue;
            }
            key.clear();
            for k in a..=b {
                let c = st.cls.get(k).copied().unwrap_or(NONE) as u64;
                let f =
                    u64::from(st.has(k, S_STOP)) << 32 | u64::from(st.is_initial(k, words)) << 33;
                key.push(c | f);
            }
            let memo = if key.len() <= 24 {
                self.runs
                    .read()
                    .ok()
                    .and_then(|m| m.get(key.as_slice()).cloned())
            } else {
                None
            };
            let found = match memo {
                Some(f) => f,
                None => {
                    let f: Arc<[RunCand]> = self.run_candidates(words, st, a, b).into();
                    if key.len() <= 24 {
                        if let Ok(mut m) = self.runs.write() {
                            if m.len() >= CACHE_MAX {
                                m.clear();
                            }
                            m.insert(key.clone().into_boxed_slice(), f.clone());
                        }
                    }
                    f
                }
            };
            for &(l, r, e, cov) in found.iter() {
                let k = ((a + l as usize) as u32, (a + r as usize) as u32);
                let v = cands.entry(k).or_default();
                match v.iter_mut().find(|x| x.0 == e) {
                    Some(x) => x.1 = x.1.max(cov),
                    None => v.push((e, cov)),
                }
            }
        }
    }

    /// The candidates of the run `a..=b`, relative to `a`.
    fn run_candidates(&self, words: &[Word], st: &State, a: usize, b: usize) -> Vec<RunCand> {
        let mut out: Vec<RunCand> = Vec::new();
        for i in a..=b {
            let ca = st.cls.get(i).copied().unwrap_or(NONE);
            if ca == NONE {
                continue;
            }
            for j in i + 1..=(i + 2).min(b) {
                let cb = st.cls.get(j).copied().unwrap_or(NONE);
                if cb == NONE || cb == ca {
                    continue;
                }
                let Some(list) = self.pairs.get(&pair_key(ca, cb)) else {
                    continue;
                };
                for &ri in list.iter().take(4000) {
                    let Some(rec) = self.recs.get(ri as usize) else {
                        continue;
                    };
                    if let Some((l, r, cov)) = self.expand(words, st, rec, i, j) {
                        let (l, r) = ((l as usize - a) as u16, (r as usize - a) as u16);
                        match out
                            .iter_mut()
                            .find(|x| x.0 == l && x.1 == r && x.2 == rec.entity)
                        {
                            Some(x) => x.3 = x.3.max(cov),
                            None => out.push((l, r, rec.entity, cov)),
                        }
                    }
                }
            }
        }
        out
    }

    /// Grows a window from the pair `i`, `j` over words of the record; the
    /// window and its coverage when it covers enough of the name.
    fn expand(
        &self,
        words: &[Word],
        st: &State,
        rec: &Rec,
        i: usize,
        j: usize,
    ) -> Option<(u32, u32, f32)> {
        let rk = self.rec_keys(rec);
        let mut matched: Vec<u32> = Vec::with_capacity(rk.len());
        let mut mass = 0.0f32;
        let cls = |p: usize| st.cls.get(p).copied().unwrap_or(NONE);
        let fresh = |p: usize, matched: &Vec<u32>| {
            let c = cls(p);
            c != NONE && rk.contains(&c) && !matched.contains(&c)
        };
        for p in [i, j] {
            let c = cls(p);
            if !rk.contains(&c) || matched.contains(&c) {
                return None;
            }
            matched.push(c);
            mass += self.cweight(c);
        }
        let mut extra = 0.0f32;
        if j == i + 2 {
            if fresh(i + 1, &matched) {
                let c = cls(i + 1);
                matched.push(c);
                mass += self.cweight(c);
            } else if !st.is_initial(i + 1, words) && !st.has(i + 1, S_STOP) {
                extra += 2.0;
            }
        }
        let max_len = rk.len() + 3;
        let mut l = i;
        let mut r = j;
        while l > 0 && r - l + 1 < max_len && words.get(l).is_some_and(|w| !w.brk) {
            if fresh(l - 1, &matched) {
                let c = cls(l - 1);
                matched.push(c);
                mass += self.cweight(c);
                l -= 1;
            } else {
                break;
            }
        }
        let nb = |p: usize| words.get(p).is_some_and(|w| !w.brk);
        while r + 1 < words.len() && r - l + 1 < max_len && nb(r + 1) {
            if fresh(r + 1, &matched) {
                let c = cls(r + 1);
                matched.push(c);
                mass += self.cweight(c);
                r += 1;
            } else if (st.has(r + 1, S_STOP) || st.is_initial(r + 1, words))
                && nb(r + 2)
                && fresh(r + 2, &matched)
            {
                // "Bank of the ... Republic of Korea", "Vladimir V. Putin"
                let c = cls(r + 2);
                matched.push(c);
                mass += self.cweight(c);
                r += 2;
            } else {
                break;
            }
        }
        if matched.len() < 2 {
            return None;
        }
        let unmatched = (rec.weight - mass).max(0.0);
        let cov = mass / (mass + 0.4 * unmatched + extra).max(1e-6);
        if cov < 0.7 {
            return None;
        }
        Some((l as u32, r as u32, cov))
    }

    /// The phonetic class of a normalized token.
    fn class_of_token(&self, t: &str) -> u32 {
        match self.words.get(t) {
            Some(&id) if self.wclass.get(id as usize).is_some_and(|&c| c != NONE) => {
                self.wclass.get(id as usize).copied().unwrap_or(NONE)
            }
            _ => self
                .classes
                .get(phonetic_key(t).as_str())
                .copied()
                .unwrap_or(NONE),
        }
    }

    /// Candidates in runs of words in other scripts (Cyrillic, Hangul, ...).
    fn foreign_candidates(&self, text: &str, words: &[Word], cands: &mut Cands) {
        let n = words.len();
        let mut i = 0;
        let mut keys: Vec<u32> = Vec::new();
        while i < n {
            let Some(w) = words.get(i) else { break };
            if !w.has(FOREIGN) || !w.has(CAP) {
                i += 1;
                continue;
            }
            // the run of capitalized foreign words from i
            let mut e = i;
            while e + 1 < n
                && e + 1 - i < 6
                && words
                    .get(e + 1)
                    .is_some_and(|x| !x.brk && x.has(FOREIGN) && x.has(CAP))
            {
                e += 1;
            }
            for a in i..=e {
                for b in a..=e.min(a + 3) {
                    let (Some(wa), Some(wb)) = (words.get(a), words.get(b)) else {
                        continue;
                    };
                    let Some(span) = text.get(wa.start as usize..wb.end as usize) else {
                        continue;
                    };
                    for f in name_forms(span, NameClass::Any).into_iter().take(8) {
                        keys.clear();
                        for t in &f.tokens {
                            let c = self.class_of_token(t);
                            if c != NONE && !keys.contains(&c) {
                                keys.push(c);
                            }
                        }
                        let mut recs: Vec<u32> = Vec::new();
                        for x in 0..keys.len() {
                            for y in x + 1..keys.len() {
                                if let (Some(&p), Some(&q)) = (keys.get(x), keys.get(y)) {
                                    if let Some(l) = self.pairs.get(&pair_key(p, q)) {
                                        recs.extend(l.iter().take(4000));
                                    }
                                }
                            }
                        }
                        recs.sort_unstable();
                        recs.dedup();
                        for ri in recs {
                            let Some(rec) = self.recs.get(ri as usize) else {
                                continue;
                            };
                            let rk = self.rec_keys(rec);
                            let mut mass = 0.0;
                            let mut nm = 0;
                            for &k in rk {
                                if keys.contains(&k) {
                                    mass += self.cweight(k);
                                    nm += 1;
                                }
                            }
                            let unmatched = (rec.weight - mass).max(0.0);
                            let cov = mass / (mass + 0.4 * unmatched).max(1e-6);
                            if cov >= 0.7 && nm >= 2 {
                                let v = cands.entry((a as u32, b as u32)).or_default();
                                if !v.iter().any(|x| x.0 == rec.entity) {
                                    v.push((rec.entity, cov));
                                }
                            }
                        }
                    }
                }
            }
            i = e + 1;
        }
    }

    /// Candidates from one-token names, with the guards of the crate
    /// documentation. Returns the windows of acronyms of three letters or
    /// fewer, which need support from the rest of the text.
    fn single_candidates(
        &self,
        text: &str,
        words: &[Word],
        st: &State,
        cands: &mut Cands,
    ) -> HashSet<(u32, u32), BuildHasherDefault<Fx>> {
        let entities = self.matcher.entities();
        let mut weak: HashSet<(u32, u32), BuildHasherDefault<Fx>> = HashSet::default();
        let flag_near = |i: usize, f: u8, back: usize| {
            (1..=back).any(|d| {
                i >= d
                    && st
                        .wid
                        .get(i - d)
                        .is_some_and(|&x| x != NONE && self.flags(x) & f != 0)
            })
        };
        for (i, w) in words.iter().enumerate() {
            let wid = st.wid.get(i).copied().unwrap_or(NONE);
            if wid == NONE || self.flags(wid) & W_SINGLE == 0 || st.lower_seen.contains(&wid) {
                continue;
            }
            let s = text.get(w.start as usize..w.end as usize).unwrap_or("");
            let letters = s.chars().filter(|c| c.is_alphabetic()).count();
            if letters < 3 {
                continue;
            }
            let norm = self.vocab.get(wid as usize).map_or("", |v| v);
            if is_stopword(norm) || is_title(norm) || is_legal_form(norm) {
                continue;
            }
            let allcaps = w.has(ALLCAPS);
            let (l, r) = st.legal_tails(words, i, i);
            let legal_next = r > i || l < i;
            let vessel_cue = flag_near(i, W_CUE, 2)
                || st
                    .wid
                    .get(i + 1)
                    .is_some_and(|&x| x != NONE && self.flags(x) & W_CUE != 0);
            let party_cue = flag_near(i, W_PARTY, 3) || legal_next;
            if st.has_case {
                if !w.has(CAP) {
                    continue;
                }
                if w.has(SENT_START) && !allcaps && !party_cue && !vessel_cue {
                    continue;
                }
                if letters <= 5 && !allcaps {
                    continue;
                }
            }
            let Some(list) = self.singles.get(&wid) else {
                continue;
            };
            for &ri in list {
                let Some(rec) = self.recs.get(ri as usize) else {
                    continue;
                };
                if rec.weak {
                    continue;
                }
                let Some(ent) = entities.get(rec.entity as usize) else {
                    continue;
                };
                let ok = match ent.schema {
                    Schema::Person => false,
                    Schema::Vessel | Schema::Airplane => {
                        vessel_cue || (st.has_case && allcaps && letters > 5)
                    }
                    _ => st.has_case || party_cue || vessel_cue,
                };
                if !ok {
                    continue;
                }
                let v = cands.entry((i as u32, i as u32)).or_default();
                if !v.iter().any(|x| x.0 == rec.entity) {
                    v.push((rec.entity, 1.0));
                }
                if letters <= 3 && !party_cue && !vessel_cue {
                    weak.insert((i as u32, i as u32));
                }
            }
        }
        weak
    }

    /// In a text with case, a span right next to another capitalized word
    /// (no comma between) is part of a longer name the lists do not hold
    /// ("Park Ji-sung"), unless that word is a title, a role, a country
    /// word or a legal form ("President Vladimir Putin", "Iranian tanker").
    fn isolated(&self, text: &str, words: &[Word], st: &State, l: usize, r: usize) -> bool {
        if !st.has_case {
            return true;
        }
        let neutral = |p: usize| -> bool {
            let Some(w) = words.get(p) else { return true };
            if !w.has(CAP) || w.has(DIGIT) || w.has(FOREIGN) {
                return true;
            }
            let wid = st.wid.get(p).copied().unwrap_or(NONE);
            if wid != NONE && self.flags(wid) & (W_COUNTRY | W_CUE | W_PARTY | W_ARMS) != 0 {
                return true;
            }
            let mut buf = String::new();
            normalize_word(
                text.get(w.start as usize..w.end as usize).unwrap_or(""),
                &mut buf,
            );
            is_title(&buf) || is_legal_form(&buf) || is_stopword(&buf)
        };
        if l > 0 {
            if let (Some(w), Some(p)) = (words.get(l), words.get(l - 1)) {
                if !w.brk && !w.comma && !p.has(SENT_START) && !neutral(l - 1) {
                    return false;
                }
            }
        }
        if let Some(n) = words.get(r + 1) {
            if !n.brk && !n.comma && !n.has(HYPHEN) && !neutral(r + 1) {
                return false;
            }
        }
        true
    }

    /// The country phrase starting at word `i`: its length, code and form.
    fn country_at(
        &self,
        words: &[Word],
        st: &State,
        i: usize,
    ) -> Option<(usize, &'static str, CountryForm)> {
        let first = *st.wid.get(i)?;
        let list = self.country_first.get(&first)?;
        'phrase: for &pi in list {
            let (ids, p) = self.phrases.get(pi as usize)?;
            for (k, id) in ids.iter().enumerate() {
                let w = words.get(i + k);
                if st.wid.get(i + k) != Some(id) || (k > 0 && w.is_none_or(|w| w.brk)) {
                    continue 'phrase;
                }
            }
            let len = ids.len();
            let span = words.get(i..i + len)?;
            let w0 = span.first()?;
            if p.caps
                && !span
                    .iter()
                    .all(|w| w.has(ALLCAPS) || (w.has(CAP) && w.end - w.start == 1))
            {
                continue;
            }
            if st.has_case && !w0.has(CAP) {
                continue;
            }
            if p.person_like {
                let cap_word = |k: usize| {
                    words.get(k).is_some_and(|w| {
                        w.has(CAP)
                            && !w.has(SENT_START)
                            && st
                                .wid
                                .get(k)
                                .is_none_or(|&x| x == NONE || self.flags(x) & W_COUNTRY == 0)
                    })
                };
                let prev = i > 0 && !w0.brk && !w0.has(SENT_START) && cap_word(i - 1);
                let next = words.get(i + len).is_some_and(|w| !w.brk) && cap_word(i + len);
                if prev || next {
                    continue;
                }
            }
            return Some((len, p.code, p.form));
        }
        None
    }

    /// Family names of a listed person, as word ids.
    fn surnames(&self, e: &Entity) -> Vec<u32> {
        let mut out = Vec::new();
        for n in &e.names {
            if n.kind == NameKind::Former {
                continue;
            }
            let fam: Option<String> = n.family.clone().or_else(|| {
                n.full
                    .split_once(',')
                    .map(|(a, _)| a.to_string())
                    .filter(|a| !a.trim().is_empty())
            });
            if let Some(f) = fam {
                for w in normalized_words(&f) {
                    if let Some(&id) = self.words.get(w.as_str()) {
                        if !out.contains(&id) && !is_stopword(&w) {
                            out.push(id);
                        }
                    }
                }
            }
        }
        out
    }

    fn coreference(
        &self,
        text: &str,
        words: &[Word],
        st: &State,
        taken: &[bool],
        mentions: Vec<Mention>,
    ) -> Vec<Mention> {
        let entities = self.matcher.entities();
        if mentions.is_empty() {
            return mentions;
        }
        // family-name word → (mention index); registered when the mention ends
        let mut out: Vec<Mention> = Vec::new();
        // family-name word → (mention index, ambiguous: two people of the same family name)
        let mut surname: FxMap<u32, (usize, bool)> = FxMap::default();
        let mut pending = mentions.into_iter().peekable();
        let mut surname_memo: FxMap<usize, Vec<u32>> = FxMap::default();
        for (i, w) in words.iter().enumerate() {
            while let Some(m) = pending.peek() {
                if m.byte_start > w.start as usize {
                    break;
                }
                let Some(m) = pending.next() else { break };
                let idx = out.len();
                let same_span_as_previous = out
                    .last()
                    .is_some_and(|p| p.byte_start == m.byte_start && p.byte_end == m.byte_end);
                if m.entity.schema == Schema::Person && !same_span_as_previous {
                    if let Some(e) = entities.get(m.entity_index) {
                        let mut keys = surname_memo
                            .entry(m.entity_index)
                            .or_insert_with(|| self.surnames(e))
                            .clone();
                        if keys.is_empty() {
                            // no family name in the listing: the last word written
                            let mut buf = String::new();
                            let upto = words.partition_point(|x| (x.end as usize) <= m.byte_end);
                            if let Some(last) = words
                                .get(..upto)
                                .and_then(|ws| ws.iter().rev().take(8).find(|x| !x.has(FOREIGN)))
                            {
                                normalize_word(
                                    text.get(last.start as usize..last.end as usize)
                                        .unwrap_or(""),
                                    &mut buf,
                                );
                                if let Some(&id) = self.words.get(buf.as_str()) {
                                    keys.push(id);
                                }
                            }
                        }
                        for k in keys {
                            match surname.get_mut(&k) {
                                Some(v) => {
                                    let other = out.get(v.0).is_some_and(|p| {
                                        p.entity.id != m.entity.id
                                            && (p.byte_start, p.byte_end)
                                                != (m.byte_start, m.byte_end)
                                    });
                                    if other {
                                        v.1 = true;
                                    }
                                    v.0 = idx;
                                }
                                None => {
                                    surname.insert(k, (idx, false));
                                }
                            }
                        }
                    }
                }
                out.push(m);
            }
            if taken.get(i).copied().unwrap_or(true) || !w.has(CAP) || w.has(FOREIGN) {
                continue;
            }
            let wid = st.wid.get(i).copied().unwrap_or(NONE);
            let Some(&(ante, ambiguous)) = surname.get(&wid) else {
                continue;
            };
            if ambiguous {
                continue;
            }
            // a family name next to other capitalized words is another name
            let next_cap = words
                .get(i + 1)
                .is_some_and(|x| !x.brk && x.has(CAP) && !x.has(HYPHEN));
            let prev_cap = i > 0
                && !w.brk
                && words
                    .get(i - 1)
                    .is_some_and(|x| x.has(CAP) && !x.has(SENT_START) && !taken_at(taken, i - 1));
            if next_cap || prev_cap {
                continue;
            }
            let Some(a) = out.get(ante) else { continue };
            let mut explanation = a.explanation.clone();
            explanation.sentence = format!(
                "Family name of \"{}\", named earlier in the text. {}",
                a.text, explanation.sentence
            );
            let m = Mention {
                start: 0,
                end: 0,
                byte_start: w.start as usize,
                byte_end: w.end as usize,
                source_start: None,
                source_end: None,
                text: text
                    .get(w.start as usize..w.end as usize)
                    .unwrap_or("")
                    .to_string(),
                kind: MentionKind::Coreference,
                antecedent: Some(ante),
                entity: a.entity.clone(),
                entity_index: a.entity_index,
                score: a.score,
                explanation,
            };
            out.push(m);
        }
        out.extend(pending);
        out
    }
}

fn taken_at(taken: &[bool], i: usize) -> bool {
    taken.get(i).copied().unwrap_or(false)
}

/// Per-word flags of the scan state.
const S_STOP: u8 = 1;
const S_LEGAL: u8 = 2;
/// A title or honorific (table only).
const K_TITLE: u8 = 4;

/// Per-document lookup state.
struct State {
    /// Word id in the table, `NONE` if unknown.
    wid: Vec<u32>,
    /// Phonetic class of a name token, `NONE` if none.
    cls: Vec<u32>,
    /// `S_STOP`, `S_LEGAL`.
    wf: Vec<u8>,
    /// Single-name words seen in lower case (ordinary words).
    lower_seen: HashSet<u32, BuildHasherDefault<Fx>>,
    /// The text uses case (not all capitals, not all lower case).
    has_case: bool,
}

impl State {
    fn has(&self, p: usize, f: u8) -> bool {
        self.wf.get(p).is_some_and(|x| x & f != 0)
    }

    /// A one-letter capital (an initial).
    fn is_initial(&self, p: usize, words: &[Word]) -> bool {
        words
            .get(p)
            .is_some_and(|w| w.end - w.start == 1 && w.has(CAP))
    }

    /// The window grown over legal forms written right after (or before) it.
    fn legal_tails(&self, words: &[Word], l: usize, r: usize) -> (usize, usize) {
        let mut r = r;
        let mut k = 0;
        while k < 3
            && r + 1 < words.len()
            && words.get(r + 1).is_some_and(|w| !w.brk)
            && self.has(r + 1, S_LEGAL)
        {
            r += 1;
            k += 1;
        }
        let mut l = l;
        k = 0;
        while k < 2 && l > 0 && words.get(l).is_some_and(|w| !w.brk) && self.has(l - 1, S_LEGAL) {
            l -= 1;
            k += 1;
        }
        (l, r)
    }

    /// Whether the case of the words `l..=r` looks like a name.
    fn case_ok(&self, words: &[Word], l: usize, r: usize) -> bool {
        if !self.has_case {
            return true;
        }
        let Some(span) = words.get(l..=r) else {
            return false;
        };
        let Some(first) = span.first() else {
            return false;
        };
        if !first.has(CAP) {
            return false;
        }
        let mut prev_cap = false;
        for (k, w) in span.iter().enumerate() {
            let c = w.has(CAP)
                || (w.has(HYPHEN) && prev_cap)
                || self.has(l + k, S_STOP)
                || self.cls.get(l + k).is_some_and(|&c| c != NONE);
            if !c {
                return false;
            }
            prev_cap = c;
        }
        true
    }
}

/// Whether the rarest token of the name met more than by a loose
/// phonetic or fuzzy likeness ("Bank of Korea" is not `KORYO BANK`,
/// "Nabokov" is not `NOVIKOV`).
fn distinctive_ok(x: &Explanation) -> bool {
    use interdict_matcher::MatchKind;
    let Some(top) = x.tokens.iter().max_by(|a, b| a.weight.total_cmp(&b.weight)) else {
        return true;
    };
    match top.kind {
        MatchKind::Exact | MatchKind::Transliterated | MatchKind::Joined => true,
        _ => top.similarity >= 0.9,
    }
}

/// Whether every listed token of the matched name is in the mention, but
/// for legal forms, patronymics, particles and the name's own acronym
/// (`KOREA KWANGSON BANKING CORPORATION (KKBC)`).
fn complete(x: &Explanation) -> bool {
    let initials: String = normalized_words(&x.listed_name)
        .iter()
        .filter(|w| !is_stopword(w))
        .filter_map(|w| w.chars().next())
        .collect();
    x.unmatched_listed.iter().all(|t| {
        is_legal_form(t)
            || is_stopword(t)
            || partial_name_ok_token(t)
            || (t.len() >= 2 && initials.contains(t.as_str()))
    })
}

fn partial_name_ok_token(t: &str) -> bool {
    interdict_text::is_particle(t)
        || [
            "ovich", "evich", "ovna", "evna", "ich", "ichna", "ovych", "ivna", "ogly", "oglu",
            "kyzy", "ovic", "evic", "inichna",
        ]
        .iter()
        .any(|suf| t.len() > suf.len() + 2 && t.ends_with(suf))
}

/// Whether the listed tokens a person mention leaves out are only
/// patronymics or particles: "Vladimir Putin" for `PUTIN, Vladimir
/// Vladimirovich` is fine, "Kim Kyu" for `KIM, Ho Kyu` is another person.
fn partial_name_ok(x: &Explanation) -> bool {
    x.unmatched_listed.iter().all(|t| partial_name_ok_token(t))
}

/// Char offsets of the (sorted, deduplicated on return) byte offsets.
fn char_offsets(text: &str, offs: &mut Vec<usize>) -> Vec<usize> {
    offs.sort_unstable();
    offs.dedup();
    if text.is_ascii() {
        return offs.clone();
    }
    let mut out = Vec::with_capacity(offs.len());
    let mut it = offs.iter().peekable();
    let mut chars = 0usize;
    for (b, _) in text.char_indices() {
        while let Some(&&o) = it.peek() {
            if o <= b {
                out.push(chars);
                it.next();
            } else {
                break;
            }
        }
        chars += 1;
    }
    for _ in it {
        out.push(chars);
    }
    out
}

/// The document text with each mention marked as `[[text → id score]]` and
/// each country as `[[text ⇒ CODE]]`, for reading in a terminal.
pub fn render_marked(doc: &Document, report: &ScanReport) -> String {
    let text = doc.text.as_str();
    // (byte_start, byte_end, label)
    let mut marks: Vec<(usize, usize, String)> = Vec::new();
    let mut i = 0;
    while i < report.mentions.len() {
        let Some(m) = report.mentions.get(i) else {
            break;
        };
        let mut labels = vec![format!("{} {:.2}", m.entity.id, m.score)];
        let mut j = i + 1;
        while let Some(n) = report.mentions.get(j) {
            if n.byte_start != m.byte_start || n.byte_end != m.byte_end {
                break;
            }
            labels.push(format!("{} {:.2}", n.entity.id, n.score));
            j += 1;
        }
        let tag = if m.kind == MentionKind::Coreference {
            " (same person)"
        } else {
            ""
        };
        marks.push((
            m.byte_start,
            m.byte_end,
            format!("[[{} \u{2192} {}{}]]", m.text, labels.join(", "), tag),
        ));
        i = j;
    }
    for c in &report.countries {
        for s in &c.spans {
            if marks
                .iter()
                .any(|(a, b, _)| s.byte_start < *b && *a < s.byte_end)
            {
                continue;
            }
            marks.push((
                s.byte_start,
                s.byte_end,
                format!("[[{} \u{21D2} {}]]", s.text, c.code),
            ));
        }
    }
    marks.sort_by_key(|m| m.0);
    let mut out = String::with_capacity(text.len() + marks.len() * 32);
    let mut pos = 0;
    for (a, b, label) in marks {
        if a < pos {
            continue;
        }
        out.push_str(text.get(pos..a).unwrap_or(""));
        out.push_str(&label);
        pos = b;
    }
    out.push_str(text.get(pos..).unwrap_or(""));
    out
}
