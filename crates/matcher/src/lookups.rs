//! The token table: what each listed word meets in the vocabulary, looked
//! up once when the lists change instead of at each query.
//!
//! Looking a query token up (its deletion neighbourhood, its phonetic and
//! spelling groups, then a comparison with each of some forty candidates) is
//! a quarter of the cost of screening a name. Most query tokens of a
//! screening are listed words (given names, family names, `company`), and
//! what a listed word meets depends on the vocabulary alone, so it can be
//! computed for every listed word when the lists are imported
//! ([`Matcher::token_table`]), stored ([`TokenTable::to_bytes`]) and read
//! back at start-up ([`Matcher::use_token_table`]). A word that may be cut
//! short (a name's last word) is read from the same entry: it meets what
//! the whole word meets, and the listed words it begins are compared again
//! as prefixes ([`found_cut`]). Tokens the table lacks (misspellings,
//! words no list holds) are looked up as before.
//!
//! A table is the lookups of one vocabulary by one build of the matcher: it
//! carries a fingerprint of both ([`fingerprint`]: the vocabulary and a hash
//! of the sources, made by `build.rs`), and a table of another is refused,
//! never read.

use crate::index::Index;
use crate::score::{self, Found, QTok};
use crate::{MatchKind, Matcher};
use thiserror::Error;

/// Why stored bytes are not a token table this matcher can use.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum TableError {
    /// The bytes are not a token table, or are cut short or damaged.
    #[error("the token table is damaged: {0}")]
    Malformed(&'static str),
    /// The table was made for other lists or by another build of Interdict;
    /// it is rebuilt at the next import.
    #[error("the token table was made for other lists or by another build")]
    OtherIndex,
}

/// The start of a stored table.
const MAGIC: &[u8; 8] = b"IDTOKTB1";

/// A hash of the sources that decide what a lookup finds (`build.rs`).
const SOURCE: &str = env!("INTERDICT_LOOKUP_SOURCE");

/// What every listed word meets, by vocab id (see the module documentation).
#[derive(Debug, Clone, PartialEq)]
pub struct TokenTable {
    fingerprint: u64,
    /// Entries of vocab id `i`: `off[i]..off[i + 1]`; empty when the id was
    /// not looked up (a joined pair, an initial).
    off: Vec<u32>,
    vocab: Vec<u32>,
    /// The similarity as one token ([`Found::detail`]: 0 when none).
    single: Vec<f32>,
    /// The similarity allowed against a joined listed pair.
    joined: Vec<f32>,
    kind: Vec<MatchKind>,
}

/// The match kinds by their stored code ([`kind_code`]).
const KINDS: [MatchKind; 11] = [
    MatchKind::Exact,
    MatchKind::Transliterated,
    MatchKind::Phonetic,
    MatchKind::Spelling,
    MatchKind::Fuzzy,
    MatchKind::Initial,
    MatchKind::Joined,
    MatchKind::Prefix,
    MatchKind::Nickname,
    MatchKind::Acronym,
    MatchKind::Misread,
];

/// A match kind's code in a stored table: its place in [`KINDS`] (a new
/// kind must be given one here before it compiles).
fn kind_code(k: MatchKind) -> u8 {
    match k {
        MatchKind::Exact => 0,
        MatchKind::Transliterated => 1,
        MatchKind::Phonetic => 2,
        MatchKind::Spelling => 3,
        MatchKind::Fuzzy => 4,
        MatchKind::Initial => 5,
        MatchKind::Joined => 6,
        MatchKind::Prefix => 7,
        MatchKind::Nickname => 8,
        MatchKind::Acronym => 9,
        MatchKind::Misread => 10,
    }
}

impl Matcher {
    /// Looks up every listed word (all cores), for [`Matcher::use_token_table`].
    /// About 0.4 s on two cores for the lists of the UN, OFAC, the EU and
    /// the UK.
    pub fn token_table(&self) -> TokenTable {
        use rayon::prelude::*;
        let index = &self.index;
        let found: Vec<Option<Found>> = (0..index.vocab.len())
            .into_par_iter()
            .map(|v| {
                let real = index.vocab_real.get(v).copied().unwrap_or(false);
                let text = index.vocab.get(v).filter(|t| real && t.len() >= 2)?;
                Some(score::retrieve_uncached(
                    index,
                    &QTok::listed_word(index, text),
                    2,
                ))
            })
            .collect();
        let total = found.iter().flatten().map(|f| f.matches.len()).sum();
        let mut t = TokenTable {
            fingerprint: *index.fingerprint.get_or_init(|| fingerprint(index)),
            off: Vec::with_capacity(found.len() + 1),
            vocab: Vec::with_capacity(total),
            single: Vec::with_capacity(total),
            joined: Vec::with_capacity(total),
            kind: Vec::with_capacity(total),
        };
        t.off.push(0);
        // (an id not looked up has an empty range)
        for f in found.iter() {
            if let Some(f) = f {
                for (&(v, _), &(single, kind, joined)) in f.matches.iter().zip(&f.detail) {
                    t.vocab.push(v);
                    t.single.push(single);
                    t.joined.push(joined);
                    t.kind.push(kind);
                }
            }
            t.off.push(t.vocab.len() as u32);
        }
        t
    }

    /// Reads token lookups from this table from now on. Refused (and the
    /// matcher left as it was) when the table was made for other lists or
    /// by another build.
    pub fn use_token_table(&mut self, table: TokenTable) -> Result<(), TableError> {
        if !self.token_table_fits(&table) {
            return Err(TableError::OtherIndex);
        }
        self.index.table = Some(table);
        Ok(())
    }

    /// Whether this table was made for this matcher's lists by this build
    /// (what [`Matcher::use_token_table`] checks).
    pub fn token_table_fits(&self, table: &TokenTable) -> bool {
        table.fingerprint
            == *self
                .index
                .fingerprint
                .get_or_init(|| fingerprint(&self.index))
            && table.off.len() == self.index.vocab.len() + 1
    }

    /// Whether token lookups read a table ([`Matcher::use_token_table`]).
    pub fn has_token_table(&self) -> bool {
        self.index.table.is_some()
    }
}

/// The fingerprint of what a lookup reads: the vocabulary with its flags,
/// weights, phonetic and spelling groups, and the sources of this build.
fn fingerprint(index: &Index) -> u64 {
    let mut h = crate::sim::hash_bytes(&[MAGIC, SOURCE.as_bytes()]);
    let mut eat = |b: &[u8]| h = crate::sim::hash_parts([&h.to_le_bytes()[..], b].into_iter());
    eat(&(index.vocab.len() as u64).to_le_bytes());
    eat(&(index.max_token_len as u64).to_le_bytes());
    for (i, s) in index.vocab.iter().enumerate() {
        eat(s.as_bytes());
        let real = index.vocab_real.get(i).copied().unwrap_or(false);
        let join = index.join_weight.get(i).copied().unwrap_or(0.0);
        let weight = index.vocab_weight.get(i).copied().unwrap_or(0.0);
        let phon = index.vocab_phon.get(i).copied().unwrap_or(u32::MAX);
        let spelling = index.vocab_spelling.get(i).copied().unwrap_or(u32::MAX);
        let mut b = [0u8; 17];
        b[0] = u8::from(real);
        b[1..5].copy_from_slice(&join.to_bits().to_le_bytes());
        b[5..9].copy_from_slice(&weight.to_bits().to_le_bytes());
        b[9..13].copy_from_slice(&phon.to_le_bytes());
        b[13..17].copy_from_slice(&spelling.to_le_bytes());
        eat(&b);
    }
    h
}

impl TokenTable {
    /// Number of listed words the table holds lookups of.
    pub fn words(&self) -> usize {
        self.off.windows(2).filter(|w| w[1] > w[0]).count()
    }

    /// The table as bytes, for [`TokenTable::from_bytes`].
    pub fn to_bytes(&self) -> Vec<u8> {
        let n = self.vocab.len();
        let mut out = Vec::with_capacity(32 + 4 * self.off.len() + 13 * n);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.fingerprint.to_le_bytes());
        out.extend_from_slice(&(self.off.len() as u64).to_le_bytes());
        out.extend_from_slice(&(n as u64).to_le_bytes());
        for &o in &self.off {
            out.extend_from_slice(&o.to_le_bytes());
        }
        for &v in &self.vocab {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for &s in &self.single {
            out.extend_from_slice(&s.to_bits().to_le_bytes());
        }
        for &s in &self.joined {
            out.extend_from_slice(&s.to_bits().to_le_bytes());
        }
        out.extend(self.kind.iter().map(|&k| kind_code(k)));
        out
    }

    /// Reads a table written by [`TokenTable::to_bytes`], checking that
    /// every part is whole and every offset and kind in range.
    pub fn from_bytes(bytes: &[u8]) -> Result<TokenTable, TableError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err(TableError::Malformed("not a token table"));
        }
        let fingerprint = r.u64()?;
        let n_off = usize::try_from(r.u64()?).map_err(|_| TableError::Malformed("size"))?;
        let n = usize::try_from(r.u64()?).map_err(|_| TableError::Malformed("size"))?;
        // (sizes checked against the bytes before anything is allocated)
        let need = n_off
            .checked_mul(4)
            .and_then(|a| n.checked_mul(13).and_then(|b| a.checked_add(b)));
        if need != Some(bytes.len().saturating_sub(r.at)) || n_off == 0 {
            return Err(TableError::Malformed("sizes do not agree with the length"));
        }
        let off: Vec<u32> = (0..n_off).map(|_| r.u32()).collect::<Result<_, _>>()?;
        let vocab: Vec<u32> = (0..n).map(|_| r.u32()).collect::<Result<_, _>>()?;
        let single: Vec<f32> = (0..n)
            .map(|_| r.u32().map(f32::from_bits))
            .collect::<Result<_, _>>()?;
        let joined: Vec<f32> = (0..n)
            .map(|_| r.u32().map(f32::from_bits))
            .collect::<Result<_, _>>()?;
        let kind: Vec<MatchKind> = r
            .take(n)?
            .iter()
            .map(|&c| {
                KINDS
                    .get(usize::from(c))
                    .copied()
                    .ok_or(TableError::Malformed("unknown match kind"))
            })
            .collect::<Result<_, _>>()?;
        let ordered = off.first() == Some(&0)
            && off.windows(2).all(|w| w[0] <= w[1])
            && off.last().is_some_and(|&l| l as usize == n);
        if !ordered {
            return Err(TableError::Malformed("offsets out of order"));
        }
        let vocab_ids = n_off - 1;
        if vocab.iter().any(|&v| v as usize >= vocab_ids) {
            return Err(TableError::Malformed("vocab id out of range"));
        }
        if single
            .iter()
            .chain(&joined)
            .any(|s| !(0.0..=1.0).contains(s))
        {
            return Err(TableError::Malformed("similarity out of range"));
        }
        Ok(TokenTable {
            fingerprint,
            off,
            vocab,
            single,
            joined,
            kind,
        })
    }

    /// What vocab entry `v` meets as a whole word, when the table holds it.
    fn found(&self, v: u32) -> Option<Found> {
        let v = v as usize;
        let (&start, &end) = (self.off.get(v)?, self.off.get(v + 1)?);
        let range = start as usize..end as usize;
        if range.is_empty() {
            return None;
        }
        let (Some(ids), Some(single), Some(joined), Some(kind)) = (
            self.vocab.get(range.clone()),
            self.single.get(range.clone()),
            self.joined.get(range.clone()),
            self.kind.get(range),
        ) else {
            return None;
        };
        let mut f = Found {
            matches: Vec::with_capacity(ids.len()),
            detail: Vec::with_capacity(ids.len()),
            capped: false,
        };
        for (((&v, &s), &j), &k) in ids.iter().zip(single).zip(joined).zip(kind) {
            f.matches.push((v, s.max(j)));
            f.detail.push((s, k, j));
        }
        Some(f)
    }
}

/// What the lookup of query token `t` (as [`score::retrieve_uncached`] with
/// two edits would find) is, read from the index's table when it holds the
/// token; `None` when it must be looked up.
pub(crate) fn found(index: &Index, t: &QTok) -> Option<Found> {
    let table = index.table.as_ref()?;
    if t.abjad {
        return None;
    }
    let v = *index.vocab_map.get(t.text.as_str())?;
    let whole = table.found(v)?;
    if t.cut {
        found_cut(index, t, whole)
    } else {
        Some(whole)
    }
}

/// The lookup of a word that may be cut short, from the lookup of the
/// whole word: a listed word it does not begin meets it as the whole word
/// does (a prefix only counts for a longer word starting with it); each
/// listed word it begins is compared again, prefixes allowed
/// ([`score::retrieve_uncached`] reads them all by prefix). `None` when
/// they are too many to read ([`score::PREFIX_CAP`]) or the word is too
/// short to be read by prefix (two letters: an initial cut short).
fn found_cut(index: &Index, t: &QTok, whole: Found) -> Option<Found> {
    if t.text.len() < 3 {
        return None;
    }
    let mut begun = Vec::new();
    if index.prefix_hits(&t.text, score::PREFIX_CAP, &mut begun) {
        return None;
    }
    let begins = |v: u32| {
        index
            .vocab
            .get(v as usize)
            .is_some_and(|l| l.len() > t.text.len() && l.starts_with(t.text.as_str()))
    };
    begun.retain(|&v| begins(v));
    if begun.is_empty() {
        // (no listed word starts with it: it meets what the whole word does)
        return Some(whole);
    }
    begun.sort_unstable();
    let mut out = Found {
        matches: Vec::with_capacity(whole.matches.len() + begun.len()),
        detail: Vec::with_capacity(whole.matches.len() + begun.len()),
        capped: false,
    };
    let spelling_id = index.spelling_id(&interdict_text::spelling_key(&t.text));
    let probe = score::Probe::for_lookup(t, spelling_id);
    let mut kept = whole
        .matches
        .iter()
        .zip(&whole.detail)
        .filter(|((v, _), _)| !begins(*v))
        .peekable();
    let mut begun = begun.into_iter().peekable();
    // both in vocab order, as a lookup gives them
    loop {
        let from_kept = match (kept.peek(), begun.peek()) {
            (None, None) => break,
            (Some(((a, _), _)), Some(b)) => a < b,
            (Some(_), None) => true,
            (None, Some(_)) => false,
        };
        if from_kept {
            if let Some((&m, &d)) = kept.next() {
                out.matches.push(m);
                out.detail.push(d);
            }
        } else if let Some(b) = begun.next() {
            if let Some((sim, detail)) = score::compare_listed(index, &probe, t, b) {
                out.matches.push((b, sim));
                out.detail.push(detail);
            }
        }
    }
    Some(out)
}

/// Reads a stored table, failing on a short read.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], TableError> {
        let end = self
            .at
            .checked_add(n)
            .ok_or(TableError::Malformed("size"))?;
        let b = self
            .bytes
            .get(self.at..end)
            .ok_or(TableError::Malformed("cut short"))?;
        self.at = end;
        Ok(b)
    }

    fn u32(&mut self) -> Result<u32, TableError> {
        let mut b = [0u8; 4];
        b.copy_from_slice(self.take(4)?);
        Ok(u32::from_le_bytes(b))
    }

    fn u64(&mut self) -> Result<u64, TableError> {
        let mut b = [0u8; 8];
        b.copy_from_slice(self.take(8)?);
        Ok(u64::from_le_bytes(b))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_match_kind_is_stored_and_read_back_as_itself() {
        for (code, &k) in KINDS.iter().enumerate() {
            assert_eq!(usize::from(kind_code(k)), code, "{k:?}");
        }
    }
}
