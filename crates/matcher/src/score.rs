//! Token similarity, order-independent alignment and the name score.

use crate::index::{Index, NO_SPELLING};
use crate::sim::{
    allowed_edits, deletion_depth, deletion_hashes, fuzzy_similarity, osa_distance, OsaPattern,
};
use crate::MatchKind;
use foldhash::HashMap;
use interdict_text::{
    korean_syllables_apart, may_be_misread, nickname_groups, nickname_variants, ocr_variants,
    phonetic_key, removable_tokens, spelling_key, LegalKind, NameClass, SpellingProbe,
};
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

/// Token pairs below this similarity do not count as met.
pub(crate) const MIN_SIM: f32 = 0.7;
/// Unmatched tokens beyond the ones that conflict pairwise weigh this much.
pub(crate) const SURPLUS: f32 = 0.4;
/// Unmatched tokens present on both sides (a different given name, a
/// different clan name) weigh this much: a contradiction, not an omission.
pub(crate) const CONFLICT: f32 = 2.5;
/// Weight added to the conflict for each pair of different initials left
/// unmatched on both sides (on top of their own weights, at most
/// [`INITIAL_WEIGHT`] each).
const INITIALS_CONFLICT: f32 = 2.0;
/// Partial agreement (fuzzy, phonetic, joined, initial) is credited
/// `sim - PARTIAL_PENALTY·(1-sim)`.
const PARTIAL_PENALTY: f32 = 0.5;
/// Surplus listed patronymics (-ovich, -evna, ...) weigh this little: a query
/// without the patronymic is the common way to write a Russian name.
pub(crate) const PATRONYMIC_SURPLUS: f32 = 0.15;
/// Similarity of an initial meeting a full token.
const INITIAL_SIM: f32 = 0.7;
/// Similarity of two tokens with the same phonetic key: from this base
/// (letters unlike) up to [`PHONETIC_MAX`] (letters alike, by Jaro-Winkler).
const PHONETIC_BASE: f32 = 0.3;
/// See [`PHONETIC_BASE`].
const PHONETIC_MAX: f32 = 0.95;
/// Similarity credited when a token equals two joined tokens of the other name.
const JOINED_FACTOR: f32 = 0.97;
/// Joined matches below this similarity do not count.
const JOINED_MIN: f32 = 0.85;
/// Similarity of a given name and its short form or nickname (`Bibi` /
/// `Benjamin`).
const NICKNAME_SIM: f32 = 0.85;
/// Weight of single-letter tokens (initials) at most.
pub(crate) const INITIAL_WEIGHT: f32 = 1.0;

/// The similarity of two normalized tokens and how they met, if they meet.
pub(crate) fn token_sim(
    probe: &Probe<'_>,
    listed: &Listed<'_>,
    allow_prefix: bool,
    max_edits: usize,
) -> Option<(f32, MatchKind)> {
    let (q, l) = (probe.text, listed.text);
    if q == l {
        return Some((1.0, MatchKind::Exact));
    }
    let (qb, lb) = (q.as_bytes(), l.as_bytes());
    if numbers_differ(qb, lb) {
        return None;
    }
    if qb.len() == 1 || lb.len() == 1 {
        return single_letter_sim(qb, lb);
    }
    let mut best = written_otherwise(probe, listed);
    let allowed = short_fuzzy_edits(qb, lb, allowed_edits(qb.len(), lb.len()).min(max_edits));
    if allowed > 0 {
        if let Some(d) = probe.osa(lb, allowed) {
            let s = fuzzy_similarity(d, qb.len(), lb.len()) * names_apart(probe, listed, d);
            if s >= MIN_SIM && best.is_none_or(|(b, _)| s > b) {
                best = Some((s, MatchKind::Fuzzy));
            }
        }
    }
    if max_edits >= 2 && best.is_none_or(|(b, _)| NICKNAME_SIM > b) && probe.is_nickname(l) {
        best = Some((NICKNAME_SIM, MatchKind::Nickname));
    }
    if allow_prefix {
        if let Some((s, k)) = prefix_sim(q, l) {
            if best.is_none_or(|(b, _)| s > b) {
                best = Some((s, k));
            }
        }
        if best.is_none() && truncated_initial(qb, lb) {
            best = Some((INITIAL_SIM, MatchKind::Initial));
        }
    }
    gendered(q, l, best)
}

/// A last query token cut to two letters (`Ahmad-Reza RA`) meets a longer
/// listed token starting with them as an initial would (and, in the
/// alignment, weighs no more than an initial on the query side).
#[inline]
pub(crate) fn truncated_initial(qb: &[u8], lb: &[u8]) -> bool {
    qb.len() == 2 && lb.len() > 2 && lb.starts_with(qb) && qb.iter().all(u8::is_ascii_alphabetic)
}

/// Two different small numbers (`44`/`45`, `3`/`33`, `8`/`9`: series,
/// ordinals, number words read as digits), or two different numbers of five
/// digits or more (an aircraft's registration `RA-82036`/`RA-82038`, a
/// licence): they never meet, not by an edit, nor as an initial, nor as a
/// prefix. Numbers of three or four digits (years, as in a trust's
/// `2004-1`/`2005-1`) still meet by an edit like other tokens.
#[inline]
fn numbers_differ(qb: &[u8], lb: &[u8]) -> bool {
    let shorter = qb.len().min(lb.len());
    qb != lb
        && !qb.is_empty()
        && !lb.is_empty()
        && (shorter <= 2 || shorter >= 5)
        && qb.iter().all(u8::is_ascii_digit)
        && lb.iter().all(u8::is_ascii_digit)
}

/// How a pair with a one-letter token meets: as an initial
/// ([`initial_of`]), or as the Persian and Urdu linking vowel (izafat)
/// written either way ([`izafat_pair`]).
#[inline]
fn single_letter_sim(qb: &[u8], lb: &[u8]) -> TokSim {
    if let ([a], [b]) = (qb, lb) {
        if izafat_pair(*a, *b) {
            return Some((SPELLING_SIM, MatchKind::Spelling));
        }
    }
    initial_of(qb, lb).then_some((INITIAL_SIM, MatchKind::Initial))
}

/// `e` and `i` alone: the izafat that links the words of a Persian or Urdu
/// name, romanized either way (`Jaish-e-Mohammed` / `JAISH-I-MOHAMMED`,
/// `Hizb-e-Islami` / `HIZB-I ISLAMI`). Two different initials would
/// otherwise be a contradiction.
#[inline]
pub(crate) fn izafat_pair(a: u8, b: u8) -> bool {
    matches!((a, b), (b'e', b'i') | (b'i', b'e'))
}

/// A one-letter token meets a token starting with that letter (a digit is
/// not an initial).
#[inline]
fn initial_of(qb: &[u8], lb: &[u8]) -> bool {
    match (qb.first(), lb.first()) {
        (Some(a), Some(b)) => a == b && !a.is_ascii_digit(),
        _ => false,
    }
}

/// Edits allowed between two tokens: a short token (four letters or
/// fewer) meets another by an edit only when their first letters agree
/// ("jong" is not "tong"; a different first letter of a short name is a
/// different name unless the phonetic keys agree), and tokens whose first
/// letters differ meet by one edit at most.
#[inline]
fn short_fuzzy_edits(qb: &[u8], lb: &[u8], allowed: usize) -> usize {
    let alike = first_letters_alike(qb.first().copied(), lb.first().copied());
    let shortest = qb.len().min(lb.len());
    if shortest <= SHORT_TOKEN && qb.len() == lb.len() && !alike {
        0
    } else if !alike {
        // two edits, one of them the first letter, are another name
        // (Hassan / Yassin, Polyakov / Kozyakov), not a typo
        allowed.min(1)
    } else {
        allowed
    }
}

/// Initial letters that romanizations and spellings exchange (Jong/Yong,
/// Kim/Gim, Pak/Bak, Tae/Dae, Sin/Zin, Vali/Wali, vowels).
fn first_letters_alike(a: Option<u8>, b: Option<u8>) -> bool {
    const CLASSES: [&[u8]; 7] = [b"jy", b"kgqc", b"bpv", b"dt", b"szc", b"vw", b"aeiouy"];
    match (a, b) {
        (Some(a), Some(b)) => a == b || CLASSES.iter().any(|c| c.contains(&a) && c.contains(&b)),
        _ => false,
    }
}

/// Tokens this long or shorter need first-letter agreement to meet by an edit.
const SHORT_TOKEN: usize = 4;

/// A truncated token (at least 3 letters) meeting the start of a longer
/// one. Every letter of the query token agrees, so a cut of four letters or
/// more (a field cut at its length limit: `TEKH` for `TEKHNOPROMEKSPORT`)
/// counts at least 0.75, three letters at least [`MIN_SIM`] (0.6 and more
/// with the share of the listed token kept).
pub(crate) fn prefix_sim(q: &str, l: &str) -> TokSim {
    let (qb, lb) = (q.as_bytes(), l.as_bytes());
    if qb.len() >= 3 && lb.len() > qb.len() && lb.starts_with(qb) && !numbers_differ(qb, lb) {
        let kept = qb.len() as f32 / lb.len() as f32;
        let mut s = if qb.len() >= 4 {
            cut_sim(kept)
        } else {
            (0.6 + 0.4 * kept).max(MIN_SIM)
        };
        if surname_of_patronymic(q, l) {
            s *= SURNAME_FOR_PATRONYMIC;
        }
        if s >= MIN_SIM {
            return Some((s, MatchKind::Prefix));
        }
    }
    None
}

/// The similarity of a word cut to a share `kept` of the listed word it
/// begins, four letters or more written (see [`prefix_sim`]).
#[inline]
fn cut_sim(kept: f32) -> f32 {
    0.75 + 0.25 * kept
}

/// The similarity credited to a pair met as a prefix. A long query's word
/// may have been cut at a field limit: as [`prefix_sim`] gives it, but a
/// word of three letters that is no listed word ([`QForm::lost_tail`]:
/// `LIMITED LIABILITY COMPANY GLO` for GLOBALTEK) counts as a cut of four
/// would (a listed word of three letters, `Kim`, `Sam`, is still a short
/// prefix). A short query's word is cut less often than it is another
/// name: four letters or more that write less than half the listed word
/// (`Lind` / `Lindemann`) count no more than a near miss (a cut of three
/// letters counts less already).
fn prefix_pair_sim(q: &QForm, p: &Pair, l: &[LInfo]) -> f32 {
    let (Some(qt), Some(lt)) = (q.toks.get(p.qi), l.get(p.lj)) else {
        return p.sim;
    };
    let listed_len = usize::from(lt.len);
    if q.long {
        if q.lost_tail && qt.len == 3 && listed_len > 3 {
            return p.sim.max(cut_sim(3.0 / f32::from(lt.len)));
        }
    } else if qt.len >= 4 && qt.len * 2 < listed_len {
        return p.sim.min(MIN_SIM);
    }
    p.sim
}

/// One query token, prepared.
#[derive(Debug, Clone)]
pub(crate) struct QTok {
    pub text: String,
    pub phon: String,
    pub weight: f32,
    /// Last token of the query (may be truncated).
    pub last: bool,
    /// May meet a listed token as its beginning ([`prefix_sim`]): the last
    /// token (cut at the end), or a word of three letters or more written
    /// with a stop after it (an abbreviation: `Rev.` in `Islamic Rev. Guard
    /// Corps`, `Dev.` in `Korea Mining Dev. Trading`; see
    /// [`interdict_text::abbreviated_words`]).
    pub cut: bool,
    /// A word many listed names hold ([`Index::is_common`]).
    pub common: bool,
    /// A ship's prefix opening the query (`MV`, `MT`, `M/V`, `SS`: see
    /// [`interdict_text::vessel_prefix_len`]): unmatched, it costs nothing
    /// against a listed vessel.
    pub vessel_prefix: bool,
    /// A legal form (`Organization`) or title (`Person`) in a name of
    /// unknown class (see [`interdict_text::removable_tokens`]): unmatched,
    /// it costs nothing against a listed name of that class.
    pub optional: Option<NameClass>,
    /// Read letter by letter from the Arabic script (see [`abjad_sim`]).
    pub abjad: bool,
    /// What the token says of which one of a family of companies a name
    /// is (see [`Qualifier`]).
    pub qualifier: Qualifier,
    /// What the lookup found (shared with the per-thread cache).
    pub found: Rc<Found>,
    /// Length of the token in bytes.
    pub len: usize,
}

impl QTok {
    /// A listed word as a whole query token: what the token table looks up
    /// ([`crate::lookups`]).
    pub fn listed_word(index: &Index, text: &str) -> QTok {
        QTok {
            text: text.to_string(),
            phon: phonetic_key(text),
            weight: 0.0,
            last: false,
            cut: false,
            common: index.is_common(text),
            vessel_prefix: false,
            optional: None,
            abjad: false,
            qualifier: Qualifier::None,
            found: Rc::default(),
            len: text.len(),
        }
    }

    /// Whether this token, unmatched, costs nothing against a listed name
    /// of this class (a legal form against a company, a title against a
    /// person; either against a name of unknown class).
    /// `vessel`: the listed name is a ship's, which a query may name with
    /// its prefix (`MV`, `M/V`, `MT`: [`QTok::vessel_prefix`]).
    #[inline]
    pub fn free_against(&self, listed: NameClass, vessel: bool) -> bool {
        (vessel && self.vessel_prefix)
            || match self.optional {
                None => false,
                Some(c) => listed == NameClass::Any || c == listed,
            }
    }
}

static NEXT_FORM: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// One cell of the per-query similarity table: how a query token meets a vocab entry.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cell {
    /// Similarity as a single token (0: none).
    pub sim: f32,
    /// How.
    pub kind: MatchKind,
    /// Similarity against the entry as a joined pair (0: none).
    pub simj: f32,
}

const EMPTY_CELL: Cell = Cell {
    sim: 0.0,
    kind: MatchKind::Exact,
    simj: 0.0,
};

/// One reading of the query name.
#[derive(Debug, Clone)]
pub(crate) struct QForm {
    pub toks: Vec<QTok>,
    /// Adjacent query tokens joined (`i`, `i+1`) → pseudo-token.
    pub joined: Vec<(usize, QTok)>,
    pub scheme: Option<&'static str>,
    pub removed: Vec<String>,
    pub total: f32,
    /// Number of single-letter query tokens (not looked up).
    pub n_initials: usize,
    /// The tokens whose prefix lookup was cut short ([`Found::capped`]):
    /// how many, and their weight (read by [`QForm::initial_mass`] for
    /// every record the index proposes, so counted once here).
    pub capped: (f32, f32),
    /// The last token has two letters: it may meet any listed token
    /// starting with them as a truncated initial (not looked up).
    pub trunc: bool,
    /// Vocab id → row of `cells`, sorted by vocab id.
    pub table: Vec<(u32, u32)>,
    /// Rows of `width` cells: one per query token, then one per joined query token.
    pub cells: Vec<Cell>,
    /// Cells per row.
    pub width: usize,
    /// Per row of `cells`: the columns whose `sim` is above 0, and the
    /// query tokens' columns whose `simj` is (see [`quick_below`]).
    pub row_masks: Vec<(u64, u64)>,
    /// A number no other form of this process has (keys the dense row maps
    /// of [`FastBuf`]).
    pub id: u64,
    /// The query is long enough to have been cut at a field limit (see
    /// [`LONG_NAME`]): its last token, when it meets as a prefix, is
    /// credited at its similarity (every letter written agrees).
    pub long: bool,
    /// A long query whose last token is no listed word: likely cut inside
    /// a word at a field limit, so that the listed tokens after the one it
    /// begins were lost, not left out (they cost nothing; the index bounds
    /// such a query loosely).
    pub lost_tail: bool,
    /// The query's tokens written in capitals in a name otherwise written
    /// in lower case (`Muhammad Qasim ABDOLLAHI`): its family name, as the
    /// UN, EU and UK lists write it (bit `i` for token `i`; articles and
    /// lineage particles left out). See [`QForm::mark_family`].
    pub family: u64,
    /// With [`QForm::lost_tail`]: the vocab entries the last token begins,
    /// two letters or more short (a record holding none cannot have lost a
    /// tail to it), or `None` when there were too many to read (any may).
    pub tail_vocab: Option<Vec<u32>>,
    /// The [`crate::index::compact_key`] of the query's letters without
    /// spaces (its tokens but legal forms and titles of a query of unknown
    /// class), starting from each of its first [`COMPACT_ROTATIONS`] kept
    /// tokens in turn (`Patrushev Nikolai Platonovich` is also `Nikolai
    /// Platonovich Patrushev`), with that start (see [`QForm::rotation`]);
    /// empty when too short to count.
    pub compact: Vec<(u64, usize)>,
    /// The kind of company the query's legal form makes, if it says one
    /// (see [`legal_factor`]).
    pub legal: Option<LegalKind>,
}

/// Rotations of the query's tokens whose letters are compared.
const COMPACT_ROTATIONS: usize = 8;

/// A name whose letters, written without spaces, are the query's (`van der
/// bilt` / `vanderbilt`, `Plat Ono Vich` / `Platonovich`) scores at least
/// this, whatever the alignment of its tokens gives.
pub(crate) const COMPACT_SIM: f32 = JOINED_FACTOR;

/// Whether a word cut to `q` letters of a listed word of `l` lost enough of
/// it to be read as cut (two letters or more: one letter short is a
/// spelling as often, `Mohammad` / `Mohammadi`, `Group` / `Groupe`).
#[inline]
pub(crate) fn cut_lost_letters(q: usize, l: usize) -> bool {
    l >= q + 2
}

fn vocab_len(index: &Index, v: u32) -> usize {
    index
        .vocab_info
        .get(v as usize)
        .map_or(0, |i| usize::from(i.len))
}

/// Characters from which a query may have been cut at a field limit (SWIFT
/// name lines hold 35, ACH individual names 22).
pub(crate) const LONG_NAME: usize = 20;

/// Whether a query may have been cut at a field limit: long, and ending
/// inside a word (not on a closing quote, bracket or stop: `ООО «БАЙ»` is
/// whole).
pub(crate) fn maybe_cut(name: &str) -> bool {
    let t = name.trim_end();
    t.chars().count() >= LONG_NAME && t.chars().last().is_some_and(char::is_alphanumeric)
}

impl QForm {
    /// Marks the query's family name ([`QForm::family`]) from the name as
    /// written ([`interdict_text::family_tokens`]; see [`family_mask`]).
    pub fn mark_family(&mut self, family: Option<&[String]>) {
        self.family = family_mask(
            self.scheme,
            self.toks.iter().map(|t| t.text.as_str()),
            family,
        );
    }

    /// Marks a query that may have been cut at a field limit ([`QForm::long`],
    /// [`QForm::lost_tail`]), from the name as written.
    pub fn mark_cut(&mut self, index: &Index, name: &str) {
        self.long = maybe_cut(name);
        self.lost_tail = self.long
            && self
                .toks
                .last()
                .is_some_and(|t| index.real_id(&t.text).is_none());
        self.tail_vocab = match self.toks.last() {
            Some(t) if self.lost_tail && t.found.capped => None,
            Some(t) if self.lost_tail => {
                let mut v: Vec<u32> = t
                    .found
                    .matches
                    .iter()
                    .zip(&t.found.detail)
                    .filter(|(&(v, _), d)| {
                        d.1 == MatchKind::Prefix && cut_lost_letters(t.len, vocab_len(index, v))
                    })
                    .map(|(&(v, _), _)| v)
                    .collect();
                v.sort_unstable();
                Some(v)
            }
            _ => Some(Vec::new()),
        };
    }

    /// Whether record `rec` of the index may have lost a tail to the
    /// query's cut last word (see [`QForm::tail_vocab`]); its tokens are
    /// read only for a query that may have lost one.
    pub fn may_lose_tail(&self, index: &Index, rec: usize) -> bool {
        self.lost_tail
            && match &self.tail_vocab {
                None => true,
                Some(v) => index.recs.get(rec).is_some_and(|r| {
                    index
                        .rec_tokens(r)
                        .iter()
                        .any(|t| v.binary_search(t).is_ok())
                }),
            }
    }

    /// The query's kept tokens from the `k`-th on, wrapping around (see
    /// [`QForm::compact`]).
    pub fn rotation(&self, k: usize) -> impl Iterator<Item = &str> + Clone {
        rotation(&self.toks, k)
    }

    /// Upper bound of what tokens not looked up (initials) can add to the
    /// matched mass of a record of `len` tokens weighing `weight` in all,
    /// the heaviest `max_token`: each query initial meets one listed token
    /// at most and each listed token one query token, so no more initials
    /// meet than the record has tokens, for no more than its weight (a
    /// query of eight letters, `S.P.R. DE R.L. DE C.V.`, against a name of
    /// three words).
    pub fn initial_mass(&self, max_token: f32, has_initial: bool, len: usize, weight: f32) -> f32 {
        let met = self.n_initials.min(len) as f32;
        // a token whose prefix lookup was cut short may meet any listed
        // token as a truncation, for at most its weight and the listed
        // token's
        let (n_capped, capped_weight) = self.capped;
        let capped = if n_capped > 0.0 {
            capped_weight + n_capped * max_token
        } else {
            0.0
        };
        self.letters_mass(
            has_initial,
            met,
            (met * max_token).min(weight),
            self.trunc.then_some(max_token),
            capped,
        )
    }

    /// [`QForm::initial_mass`] read from the words of a record
    /// (`rec_tokens`), for one whose bound by the heaviest word reaches the
    /// floor: a query initial meets only a word of its letter, a last word
    /// of two letters and a word whose prefix lookup was cut short only a
    /// longer word they begin, each for at most the heaviest such word
    /// (`C.V. Mohammed` against `MOHAMMED LKAHL`: no word of it begins with
    /// `c`, `v` or `mohammed` but `mohammed` itself, whose pair the table
    /// holds and the index bounds apart). Never above `initial_mass`.
    pub fn initial_mass_in(
        &self,
        index: &Index,
        rec_tokens: &[u32],
        has_initial: bool,
        len: usize,
        weight: f32,
    ) -> f32 {
        let word = |v: u32| {
            index
                .vocab
                .get(v as usize)
                .map_or(&b""[..], |s| s.as_bytes())
        };
        // the heaviest word of the record that `meets` takes
        let heaviest = |meets: &dyn Fn(&[u8]) -> bool| {
            rec_tokens
                .iter()
                .filter(|&&v| meets(word(v)))
                .map(|&v| index.vocab_info.get(v as usize).map_or(0.0, |i| i.weight))
                .reduce(f32::max)
        };
        let (mut met, mut mass) = (0usize, 0.0f32);
        for t in self.toks.iter().filter(|t| t.text.len() == 1) {
            let Some(&a) = t.text.as_bytes().first() else {
                continue;
            };
            let of_letter = |l: &[u8]| match l.first() {
                Some(&b) => b == a || (l.len() == 1 && izafat_pair(a, b)),
                None => false,
            };
            if let Some(w) = heaviest(&of_letter) {
                met += 1;
                mass += w;
            }
        }
        let trunc = self
            .toks
            .last()
            .filter(|_| self.trunc)
            .and_then(|last| heaviest(&|l| truncated_initial(last.text.as_bytes(), l)));
        let capped: f32 = if self.capped.0 > 0.0 {
            self.toks
                .iter()
                .filter(|t| t.cut && t.found.capped)
                .filter_map(|t| {
                    let q = t.text.as_bytes();
                    heaviest(&|l| l.len() > q.len() && l.starts_with(q)).map(|w| t.weight + w)
                })
                .sum()
        } else {
            0.0
        };
        self.letters_mass(
            has_initial,
            met.min(len) as f32,
            mass.min(weight),
            trunc,
            capped,
        )
    }

    /// The bound both [`QForm::initial_mass`] and
    /// [`QForm::initial_mass_in`] give, from what the letters may meet:
    /// `met` query initials meeting words of weight `mass` in all, the
    /// weight of the word a last word of two letters may begin (`trunc`),
    /// and what the words whose prefix lookup was cut short add (`capped`);
    /// any query word may meet a listed initial when the record has one.
    #[inline]
    fn letters_mass(
        &self,
        has_initial: bool,
        met: f32,
        mass: f32,
        trunc: Option<f32>,
        capped: f32,
    ) -> f32 {
        let q_initials = INITIAL_SIM * (met * INITIAL_WEIGHT + mass);
        let l_initials = if has_initial {
            (self.toks.len() - self.n_initials) as f32 * INITIAL_SIM * 2.0 * INITIAL_WEIGHT
        } else {
            0.0
        };
        let trunc = trunc.map_or(0.0, |w| INITIAL_SIM * (INITIAL_WEIGHT + w));
        q_initials + l_initials + trunc + capped
    }

    /// A query form of these tokens; `abbreviated` holds the words the
    /// name writes with a stop after them ([`QTok::cut`]).
    pub fn new(
        index: &Index,
        tokens: Vec<String>,
        scheme: Option<&'static str>,
        removed: Vec<String>,
        class: NameClass,
        abbreviated: &[String],
    ) -> QForm {
        let n = tokens.len();
        let optional = match class {
            NameClass::Any => removable_tokens(&tokens),
            // what is left of a legal form broken by another word
            NameClass::Organization => removable_tokens(&tokens)
                .into_iter()
                .map(|c| c.filter(|&c| c == NameClass::Organization))
                .collect(),
            NameClass::Person => Vec::new(),
        };
        // (not the whole name: `MV` alone is a name)
        let prefix = interdict_text::vessel_prefix_len(&tokens)
            .filter(|&k| k < n)
            .unwrap_or(0);
        let mut toks: Vec<QTok> = tokens
            .into_iter()
            .enumerate()
            .map(|(i, t)| {
                let phon = phonetic_key(&t);
                let last = i + 1 == n && (n >= 2 || !removed.is_empty());
                let optional = optional.get(i).copied().flatten();
                QTok {
                    // (a listed word's is read from the index)
                    qualifier: index
                        .vocab_map
                        .get(t.as_str())
                        .and_then(|&v| index.vocab_info.get(v as usize))
                        .map_or_else(|| Qualifier::of(&t), |i| i.qualifier),
                    optional,
                    abjad: scheme.is_some_and(|s| ABJAD_SCHEMES.contains(&s)),
                    last,
                    // a legal form's remnant (`CO` of `GROUP CO. LTD.`) is
                    // written whole: it is not a listed word cut short
                    cut: (last && optional.is_none()) || (t.len() >= 3 && abbreviated.contains(&t)),
                    common: index.is_common(&t),
                    vessel_prefix: i < prefix,
                    len: t.len(),
                    text: t,
                    phon,
                    weight: 0.0,
                    found: Rc::default(),
                }
            })
            .collect();
        for t in &mut toks {
            retrieve(index, t, 2);
            t.weight = query_weight(index, t);
            let cut = t.cut;
            if t.optional.is_some() && t.found.detail.iter().any(|d| !optional_meets(d.1, cut)) {
                let (matches, detail) = t
                    .found
                    .matches
                    .iter()
                    .zip(&t.found.detail)
                    .filter(|(_, d)| optional_meets(d.1, cut))
                    .map(|(m, d)| (*m, *d))
                    .unzip();
                t.found = Rc::new(Found {
                    matches,
                    detail,
                    capped: t.found.capped,
                });
            }
        }
        // a name of initials only ("B R C S.A."): initials are not looked up
        // otherwise, so that nothing would lead to the listed name
        if toks.iter().all(|t| t.len == 1 || t.optional.is_some()) {
            for t in toks.iter_mut().filter(|t| t.len == 1) {
                if let Some(&v) = index.vocab_map.get(t.text.as_str()) {
                    t.found = Rc::new(Found {
                        matches: vec![(v, 1.0)],
                        detail: vec![(1.0, MatchKind::Exact, 0.0)],
                        capped: false,
                    });
                }
            }
        }
        let mut joined = Vec::new();
        for i in 0..n.saturating_sub(1) {
            if let (Some(a), Some(b)) = (toks.get(i), toks.get(i + 1)) {
                // a one-letter part only beside a longer one ("Sangh-o" for
                // "Sang-ho"), not two initials
                let (short, long) = (
                    a.text.len().min(b.text.len()),
                    a.text.len().max(b.text.len()),
                );
                if short < 1 || (short < 2 && long < 3) {
                    continue;
                }
                // nor a legal form or title kept in a query of unknown
                // class: it meets only as itself (see `optional_meets`),
                // not as one letter among many of a joined word (`BANDAR
                // IMAM PETROCHEMICAL` / `ILAM PETROCHEMICAL`)
                if a.optional.is_some() || b.optional.is_some() {
                    continue;
                }
                let text = format!("{}{}", a.text, b.text);
                let common = index.is_common(&text);
                let mut j = QTok {
                    phon: phonetic_key(&text),
                    len: text.len(),
                    text,
                    weight: a.weight + b.weight,
                    last: false,
                    cut: false,
                    common,
                    vessel_prefix: false,
                    optional: None,
                    abjad: false,
                    qualifier: Qualifier::None,
                    found: Rc::default(),
                };
                retrieve(index, &mut j, JOINED_EDITS);
                if !j.found.matches.is_empty() {
                    joined.push((i, j));
                }
            }
        }
        let trunc = n >= 2
            && toks.last().is_some_and(|t| {
                t.len == 2
                    && t.optional.is_none()
                    && t.text.bytes().all(|b| b.is_ascii_alphabetic())
            });
        // a truncated last token weighs at most an initial when it meets as
        // one: the total is an upper bound's, so count it so; optional
        // tokens may cost nothing
        let total = toks
            .iter()
            .filter(|t| t.optional.is_none() && !t.vessel_prefix)
            .map(|t| {
                if trunc && t.last {
                    t.weight.min(INITIAL_WEIGHT)
                } else {
                    t.weight
                }
            })
            .sum();
        // initials are not looked up: any query token may meet a listed
        // initial and any query initial a listed token, for at most this much
        let n_initials = toks.iter().filter(|t| t.text.len() == 1).count();
        // the similarity table: every vocab entry any token met
        let width = toks.len() + joined.len();
        let mut ids: Vec<u32> = toks
            .iter()
            .chain(joined.iter().map(|(_, t)| t))
            .flat_map(|t| t.found.matches.iter().map(|m| m.0))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let table: Vec<(u32, u32)> = ids
            .iter()
            .enumerate()
            .map(|(r, &v)| (v, r as u32))
            .collect();
        let mut cells = vec![EMPTY_CELL; ids.len() * width];
        for (col, t) in toks.iter().chain(joined.iter().map(|(_, t)| t)).enumerate() {
            for (&(v, _), &(sim, kind, simj)) in t.found.matches.iter().zip(&t.found.detail) {
                if let Ok(r) = ids.binary_search(&v) {
                    if let Some(c) = cells.get_mut(r * width + col) {
                        *c = Cell { sim, kind, simj };
                    }
                }
            }
        }
        let n_toks = toks.len();
        let row_masks: Vec<(u64, u64)> = cells
            .chunks(width.max(1))
            .map(|row| {
                row.iter()
                    .enumerate()
                    .take(64)
                    .fold((0, 0), |(s, j), (col, c)| {
                        (
                            s | (u64::from(c.sim > 0.0) << col),
                            j | (u64::from(col < n_toks && c.simj > 0.0) << col),
                        )
                    })
            })
            .collect();
        let n_kept = toks.iter().filter(|t| t.optional.is_none()).count();
        let mut compact: Vec<(u64, usize)> = Vec::new();
        for k in 0..n_kept.min(COMPACT_ROTATIONS) {
            let key = crate::index::compact_key(rotation(&toks, k));
            if key != 0 && !compact.iter().any(|c| c.0 == key) {
                compact.push((key, k));
            }
        }
        let capped = toks
            .iter()
            .filter(|t| t.cut && t.found.capped)
            .fold((0.0, 0.0), |(n, w), t| (n + 1.0, w + t.weight));
        QForm {
            compact,
            legal: interdict_text::legal_kind(&removed),
            capped,
            toks,
            joined,
            scheme,
            removed,
            total,
            n_initials,
            trunc,
            table,
            cells,
            width,
            row_masks,
            id: NEXT_FORM.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            long: false,
            lost_tail: false,
            family: 0,
            tail_vocab: Some(Vec::new()),
        }
    }
}

fn query_weight(index: &Index, t: &QTok) -> f32 {
    if t.text.len() == 1 {
        return INITIAL_WEIGHT;
    }
    if index.real_id(&t.text).is_some() {
        return index.weight(&t.text);
    }
    if let Some(&w) = index.removed_weight.get(t.text.as_str()) {
        return w;
    }
    // an unseen token: as rare as the rarest close token it meets, else maximal
    t.found
        .matches
        .iter()
        .zip(&t.found.detail)
        .filter(|(_, d)| d.0 >= MIN_SIM)
        .map(|(m, _)| m)
        .filter(|(v, _)| index.vocab_real.get(*v as usize).copied().unwrap_or(false))
        .filter_map(|(v, _)| index.vocab_weight.get(*v as usize).copied())
        .fold(None, |acc: Option<f32>, w| {
            Some(acc.map_or(w, |a| a.max(w)))
        })
        .unwrap_or(index.unknown_weight)
}

/// A similarity and how tokens met, if they meet.
pub(crate) type TokSim = Option<(f32, MatchKind)>;

/// How two different tokens of more than one letter meet when one is the
/// other written otherwise, not mistyped: spelt or sounding alike
/// ([`sound_match`]), misread by OCR, or with a nominative ending
/// ([`inflected`]). The part [`token_sim`] and [`token_sims`] share before
/// edit distances.
fn written_otherwise(probe: &Probe<'_>, listed: &Listed<'_>) -> TokSim {
    let (q, l) = (probe.text, listed.text);
    let mut best = sound_match(probe, listed);
    if best.is_none_or(|(b, _)| OCR_SIM > b) && probe.ocr_misread(l) {
        best = Some((OCR_SIM, MatchKind::Misread));
    }
    if best.is_none_or(|(b, _)| INFLECTED_SIM > b) && inflected(q, l) {
        best = Some((INFLECTED_SIM, MatchKind::Spelling));
    }
    if best.is_none_or(|(b, _)| SPELLING_SIM > b) && initial_vowel_otherwise(q, l) {
        best = Some((SPELLING_SIM, MatchKind::Spelling));
    }
    best
}

/// Whether two tokens of four letters or more differ only in an initial
/// vowel that romanizations of Arabic and Persian write either way: `o`/`u`
/// (Osama/Usama, Omar/Umar, Othman/Uthman) or `e`/`i` (Ebrahim/Ibrahim,
/// Esmail/Ismail).
fn initial_vowel_otherwise(q: &str, l: &str) -> bool {
    let (qb, lb) = (q.as_bytes(), l.as_bytes());
    qb.len() >= 4
        && qb.len() == lb.len()
        && qb.get(1..) == lb.get(1..)
        && matches!(
            (qb.first(), lb.first()),
            (Some(b'o'), Some(b'u'))
                | (Some(b'u'), Some(b'o'))
                | (Some(b'e'), Some(b'i'))
                | (Some(b'i'), Some(b'e'))
        )
}

/// [`token_sim`] twice at once: as a single token (`max_edits` 2, prefix when
/// allowed) and as against a joined pair (one edit, no prefix); the same
/// values as the two calls, with one edit-distance computation.
pub(crate) fn token_sims(
    probe: &Probe<'_>,
    listed: &Listed<'_>,
    allow_prefix: bool,
) -> (TokSim, TokSim) {
    let (q, l) = (probe.text, listed.text);
    if q == l {
        let x = Some((1.0, MatchKind::Exact));
        return (x, x);
    }
    let (qb, lb) = (q.as_bytes(), l.as_bytes());
    if numbers_differ(qb, lb) {
        return (None, None);
    }
    if qb.len() == 1 || lb.len() == 1 {
        let x = single_letter_sim(qb, lb);
        return (x, x);
    }
    let phon = written_otherwise(probe, listed);
    let allowed = short_fuzzy_edits(qb, lb, allowed_edits(qb.len(), lb.len()).min(2));
    let d = if allowed > 0 {
        probe.osa(lb, allowed)
    } else {
        None
    };
    let with_fuzzy =
        |best: Option<(f32, MatchKind)>, max: usize, apart: f32| match d.filter(|&d| d <= max) {
            Some(d) => {
                let s = fuzzy_similarity(d, qb.len(), lb.len()) * apart;
                if s >= MIN_SIM && best.is_none_or(|(b, _)| s > b) {
                    Some((s, MatchKind::Fuzzy))
                } else {
                    best
                }
            }
            None => best,
        };
    // (read only for a near miss)
    let apart = d.map_or(1.0, |d| names_apart(probe, listed, d));
    let mut single = with_fuzzy(phon, allowed, apart);
    // (as two listed tokens joined, the entry is no word the lists hold,
    // whatever its letters spell: `Listed::new`, as the reference scorer
    // reads a joined listed pair)
    let apart_joined = match d {
        Some(d) if listed.common => names_apart(probe, &Listed::new(listed.text, listed.phon), d),
        _ => apart,
    };
    let joined = with_fuzzy(phon, allowed.min(1), apart_joined);
    if single.is_none_or(|(b, _)| NICKNAME_SIM > b) && probe.is_nickname(l) {
        single = Some((NICKNAME_SIM, MatchKind::Nickname));
    }
    if allow_prefix {
        if let Some((s, k)) = prefix_sim(q, l) {
            if single.is_none_or(|(b, _)| s > b) {
                single = Some((s, k));
            }
        }
    }
    if allow_prefix && single.is_none() && truncated_initial(qb, lb) {
        single = Some((INITIAL_SIM, MatchKind::Initial));
    }
    (gendered(q, l, single), joined)
}

/// The similarity of two Slavic surnames, one the other's form for the
/// other sex (`Baranova` / `Baranov`, `Putina` / `Putin`, `Ivanovskaya` /
/// `Ivanovskiy`), scaled by [`OTHER_SEX`]: a wife or daughter is another
/// person, though her name is one letter from his. So are a man's given
/// name and its woman's form (`Michel` / `Michelle`, `Alexander` /
/// `Alexandra`): two names, not one misspelt (the labelled pairs call
/// `Michel Obama` the listed Michelle Obama, so they still meet).
fn gendered(q: &str, l: &str, sim: TokSim) -> TokSim {
    sim.map(|(s, k)| {
        if s < 1.0 && (sexes_differ(q, l) || given_name_sexes_differ(q, l)) {
            (s * OTHER_SEX, k)
        } else {
            (s, k)
        }
    })
}

/// See [`gendered`].
const OTHER_SEX: f32 = 0.8;

/// Whether one token is a man's frequent given name
/// ([`interdict_text::is_given_name`]) and the other its woman's form:
/// with `a` or `ia` added (`Paul` / `Paula`, `Karim` / `Karima`, `Viktor`
/// / `Viktoria`), `-er` become
/// `-ra` (`Alexander` / `Alexandra`), `-o` become `-a` (`Mario` / `Maria`),
/// a final `-y` or `-i` become `-ia` (`Yevgeny` / `Yevgenia`), or `e` or
/// `le` added (`Louis` / `Louise`, `Michel` / `Michelle`).
pub(crate) fn given_name_sexes_differ(q: &str, l: &str) -> bool {
    womans_form(q, l) || womans_form(l, q)
}

/// Whether `f` is the woman's form of the man's given name `m` (see
/// [`given_name_sexes_differ`]).
fn womans_form(m: &str, f: &str) -> bool {
    if m.len() < 3 || f.len() < m.len() {
        return false;
    }
    let Some(end) = f.strip_prefix(m).map(|e| (m, e)).or_else(|| {
        // the masculine ending replaced
        let cut = |n: usize| m.get(..m.len() - n).zip(f.get(m.len() - n..));
        [1, 2]
            .into_iter()
            .filter_map(cut)
            .find(|(stem, _)| f.starts_with(stem))
    }) else {
        return false;
    };
    let (stem, fem) = end;
    let masc = m.get(stem.len()..).unwrap_or("");
    // the table lookup last: this runs for every near pair
    matches!(
        (masc, fem),
        ("", "a" | "e" | "le" | "ia") | ("er", "ra") | ("o", "a") | ("y" | "i", "ia")
    ) && interdict_text::is_given_name(m)
}

/// Whether one surname has a Slavic feminine ending and the other the
/// masculine one of the same stem (give or take a letter).
fn sexes_differ(q: &str, l: &str) -> bool {
    // feminine and masculine endings, each with the end of the stem it
    // leaves (Ivanovskaya and Ivanovskiy are both `ivanovsk`)
    const FEMININE: [(&str, &str); 5] = [
        ("skaya", "sk"),
        ("ova", "ov"),
        ("eva", "ev"),
        ("ina", "in"),
        ("yna", "yn"),
    ];
    const MASCULINE: [(&str, &str); 6] = [
        ("skiy", "sk"),
        ("sky", "sk"),
        ("ov", "ov"),
        ("ev", "ev"),
        ("in", "in"),
        ("yn", "yn"),
    ];
    let stem = |t: &str, endings: &[(&str, &str)]| {
        endings
            .iter()
            .find_map(|(e, s)| t.strip_suffix(e).map(|r| format!("{r}{s}")))
    };
    // every feminine ending ends in `a`, no masculine one does
    if q.len() < 5 || l.len() < 5 || q.ends_with('a') == l.ends_with('a') {
        return false;
    }
    // the feminine one is the one ending in `a`
    let (f, m) = if q.ends_with('a') { (q, l) } else { (l, q) };
    match (stem(f, &FEMININE), stem(m, &MASCULINE)) {
        (Some(sf), Some(sm)) => sf == sm || osa_distance(sf.as_bytes(), sm.as_bytes(), 1).is_some(),
        _ => false,
    }
}

/// Edits allowed when two adjacent query tokens are read as one (as for
/// joined listed pairs, which are indexed with one deletion).
pub(crate) const JOINED_EDITS: usize = 1;

/// What [`retrieve`] found for a token.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Found {
    /// Vocab entries the token meets, with the similarity.
    pub matches: Vec<(u32, f32)>,
    /// Similarity and kind for each of `matches` (as [`token_sim`] gives
    /// them), and the similarity allowed for a joined listed pair (one edit, no prefix).
    pub detail: Vec<(f32, MatchKind, f32)>,
    /// More listed tokens start with this (last) token than were looked up
    /// ([`PREFIX_CAP`]): any record may meet it as a truncation.
    pub capped: bool,
}

/// Whether two query tokens may meet two listed tokens by their joined
/// forms (`qa qb` / `la lb`): split elsewhere (`Sangh-o` / `Sang-ho`), or
/// with a letter put in, left out or mistyped in a part (`KWANG-NIL` /
/// `KWANG-IL`, `AL-QASA` / `AL-AQSA`), only the joined forms line up. Not
/// when a part is another Korean syllable of the same length ([`other_syllable`]:
/// `Song Son` / `Yong Son`, another person's given name, which the parts
/// one by one tell apart); nor when one part is the same on both sides and
/// the others are more than one edit apart (`Omar WALI` / `Omar AL`, met by
/// the sound of the joined forms): the join adds nothing.
fn joined_parts_meet(qa: &str, qb: &str, la: &str, lb: &str) -> bool {
    if qa.len() == la.len() && qb.len() == lb.len() {
        // (an Arabic article is no syllable: `Ae-KHALIQ` is `AL-KHALIQ` mistyped)
        let other =
            |a: &str, b: &str| a != b && other_syllable(a, b) && !is_article(a) && !is_article(b);
        return !(other(qa, la) || other(qb, lb));
    }
    let near = |a: &str, b: &str| crate::sim::osa_distance(a.as_bytes(), b.as_bytes(), 1).is_some();
    if qa == la {
        near(qb, lb)
    } else if qb == lb {
        near(qa, la)
    } else {
        true
    }
}

/// How a legal form or title kept in a query of unknown class
/// ([`QTok::optional`]) may meet a listed word: as itself, spelt or
/// romanized otherwise, or, written as an abbreviation (`cut`: `Rev.`), as
/// the start of a word (`sarl` is no typo of the brand `SARV`, `ooo` none
/// of `OOR`; had the query said it names a company, the form would have
/// been read off, not compared).
#[inline]
pub(crate) fn optional_meets(kind: MatchKind, cut: bool) -> bool {
    match kind {
        MatchKind::Exact | MatchKind::Spelling | MatchKind::Transliterated => true,
        MatchKind::Prefix => cut,
        _ => false,
    }
}

/// Listed tokens read for a truncated last query token, at most (`moha`
/// starts hundreds); a record holding one of the others is still scored,
/// since the scorer checks prefixes on the strings and the candidate bound
/// allows for it (see [`QForm::initial_mass`]).
pub(crate) const PREFIX_CAP: usize = 256;

/// Tokens looked up recently on this thread, for one index: names repeat
/// (given names, family names, "company"), and a batch meets the same
/// tokens again and again. One slot per kind of lookup (see [`slot`]).
///
/// Two generations: when the current one is full it becomes the old one
/// (the one before is dropped), and a token found only in the old one is
/// moved back, so that frequent tokens stay while one-off typos go.
struct RetrieveCache {
    index_id: u64,
    map: HashMap<Box<str>, [Option<Rc<Found>>; 3]>,
    old: HashMap<Box<str>, [Option<Rc<Found>>; 3]>,
}

/// The cache slot of a lookup: joined query tokens, a token, a token that
/// may meet as a prefix ([`QTok::cut`]).
fn slot(cut: bool, max_edits: usize) -> usize {
    match (max_edits >= 2, cut) {
        (false, _) => 0,
        (true, false) => 1,
        (true, true) => 2,
    }
}

/// Tokens kept per thread in each generation of the cache.
const CACHE_ENTRIES: usize = 25_000;

thread_local! {
    static CACHE: RefCell<RetrieveCache> = RefCell::new(RetrieveCache {
        index_id: u64::MAX,
        map: HashMap::default(),
        old: HashMap::default(),
    });
}

/// Finds the vocab entries a query token meets; `max_edits` is 2 for a
/// token, [`JOINED_EDITS`] for two query tokens joined. Results are cached
/// per thread (the same for the same token, flag and index).
fn retrieve(index: &Index, t: &mut QTok, max_edits: usize) {
    if t.text.len() < 2 {
        return; // initials are not looked up
    }
    if t.abjad {
        // the same letters read from Latin meet otherwise: not cached
        t.found = Rc::new(retrieve_uncached(index, t, max_edits));
        return;
    }
    let k = slot(t.cut, max_edits);
    let hit = CACHE.with(|c| {
        let c = c.try_borrow().ok()?;
        if c.index_id != index.id {
            return None;
        }
        c.map.get(t.text.as_str())?.get(k)?.clone()
    });
    if let Some(found) = hit {
        t.found = found;
        return;
    }
    // from the old generation, else looked up
    let old = CACHE.with(|c| {
        let c = c.try_borrow().ok()?;
        if c.index_id != index.id {
            return None;
        }
        c.old.get(t.text.as_str())?.get(k)?.clone()
    });
    let found = old.unwrap_or_else(|| {
        let listed = (max_edits == 2)
            .then(|| crate::lookups::found(index, t))
            .flatten();
        Rc::new(listed.unwrap_or_else(|| retrieve_uncached(index, t, max_edits)))
    });
    t.found = found.clone();
    CACHE.with(|c| {
        if let Ok(mut guard) = c.try_borrow_mut() {
            let c = &mut *guard;
            if c.index_id != index.id {
                c.map.clear();
                c.old.clear();
                c.index_id = index.id;
            } else if c.map.len() >= CACHE_ENTRIES {
                c.old = std::mem::take(&mut c.map);
            }
            if let Some(s) = c
                .map
                .entry(Box::from(t.text.as_str()))
                .or_default()
                .get_mut(k)
            {
                *s = Some(found);
            }
        }
    });
}

/// Deletions of a query token of `len` bytes looked up in the deletion
/// neighbourhood: as many as its length allows ([`deletion_depth`]), at
/// most `max_edits`, and none when it is longer than the longest vocab
/// entry (`max_token_len`) by more than that: a deletion of it can then
/// equal no listed entry's, and a long word (5,000 letters: twelve million
/// deletions of two letters) would cost time for nothing.
pub(crate) fn lookup_depth(len: usize, max_edits: usize, max_token_len: usize) -> usize {
    let depth = deletion_depth(len).min(max_edits);
    if len > max_token_len + depth {
        0
    } else {
        depth
    }
}

pub(crate) fn retrieve_uncached(index: &Index, t: &QTok, max_edits: usize) -> Found {
    let mut out = Found::default();
    let mut cands: Vec<u32> = Vec::with_capacity(64);
    if let Some(&v) = index.vocab_map.get(t.text.as_str()) {
        cands.push(v);
    }
    if !t.phon.is_empty() {
        cands.extend_from_slice(index.phon_members(&t.phon));
    }
    let spelling_id = index.spelling_id(&spelling_key(&t.text));
    if let Some(m) = spelling_id.and_then(|id| index.spelling_members.get(id as usize)) {
        cands.extend_from_slice(m);
    }
    for v in ocr_variants(&t.text) {
        if let Some(&id) = index.vocab_map.get(v.as_str()) {
            cands.push(id);
        }
    }
    if let Some(ids) = index.misread_of.get(t.text.as_str()) {
        cands.extend_from_slice(ids);
    }
    let depth = lookup_depth(t.text.len(), max_edits, index.max_token_len);
    if depth > 0 {
        let mut hashes = Vec::with_capacity(64);
        deletion_hashes(t.text.as_bytes(), depth, &mut hashes);
        for h in hashes {
            index.deletion_hits(h, &mut cands);
        }
    }
    if t.cut && t.text.len() >= 3 {
        out.capped = index.prefix_hits(&t.text, PREFIX_CAP, &mut cands);
    }
    if max_edits >= 2 {
        for n in nickname_variants(&t.text) {
            if let Some(&v) = index.vocab_map.get(n) {
                cands.push(v);
            }
        }
        // a singular in -y and its plural in -ies, three edits apart
        let other_number = english_plural(&t.text).or_else(|| {
            t.text
                .strip_suffix("ies")
                .filter(|stem| stem.len() >= 3)
                .map(|stem| format!("{stem}y"))
        });
        if let Some(&v) = other_number.and_then(|n| index.vocab_map.get(n.as_str())) {
            cands.push(v);
        }
    }
    cands.sort_unstable();
    cands.dedup();
    let probe = Probe::for_lookup(t, spelling_id);
    for v in cands {
        let m = if max_edits >= 2 {
            compare_listed(index, &probe, t, v)
        } else {
            compare_listed_joined(index, &probe, v, max_edits)
        };
        if let Some((sim, detail)) = m {
            out.matches.push((v, sim));
            out.detail.push(detail);
        }
    }
    out
}

/// Vocab entry `v` as a lookup compares it.
fn listed_entry(index: &Index, v: u32) -> Option<Listed<'_>> {
    let text = index.vocab.get(v as usize)?;
    let p = *index.vocab_phon.get(v as usize)?;
    Some(Listed {
        text,
        phon: index.phon_keys.get(p as usize).map_or("", |k| &**k),
        spelling: index.vocab_spelling.get(v as usize).copied(),
        common: index.common_id(v),
    })
}

/// How query token `t` (two edits, [`retrieve_uncached`]) meets vocab entry
/// `v`: the similarity of the match and its [`Found::detail`], `None` when
/// they do not meet.
pub(crate) fn compare_listed(
    index: &Index,
    probe: &Probe<'_>,
    t: &QTok,
    v: u32,
) -> Option<(f32, (f32, MatchKind, f32))> {
    let l = listed_entry(index, v)?;
    let (mut single, joined) = token_sims(probe, &l, t.cut);
    if t.abjad {
        single = better(single, abjad_sim(&t.text, &t.phon, l.text, l.phon));
    }
    // the joined reading only matters for entries that are joined pairs
    let is_pair = index.join_weight.get(v as usize).copied().unwrap_or(0.0) > 0.0;
    let joined = if is_pair {
        joined.map_or(0.0, |x| x.0)
    } else {
        0.0
    };
    (single.is_some() || joined > 0.0).then(|| {
        let (sim, kind) = single.unwrap_or((0.0, MatchKind::Exact));
        (sim.max(joined), (sim, kind, joined))
    })
}

/// [`compare_listed`] for two query tokens joined (`max_edits` below two).
fn compare_listed_joined(
    index: &Index,
    probe: &Probe<'_>,
    v: u32,
    max_edits: usize,
) -> Option<(f32, (f32, MatchKind, f32))> {
    let l = listed_entry(index, v)?;
    let (sim, kind) = token_sim(probe, &l, false, max_edits)?;
    // as two listed tokens joined, the entry is no word the lists hold,
    // whatever its letters spell (`Listed::new`, as the reference scorer
    // reads a joined listed pair): `abdull ah` / `abd allah`, where
    // `abdallah` is a common word, meets by the sum of its parts
    let pair = if l.common {
        token_sim(probe, &Listed { common: false, ..l }, false, max_edits).map_or(0.0, |x| x.0)
    } else {
        sim
    };
    Some((sim, (sim, kind, pair)))
}

/// A listed token as the scorer sees it.
pub(crate) struct LTok<'a> {
    pub text: &'a str,
    pub phon: &'a str,
    pub weight: f32,
    /// Phonetic key of this token joined with the next, when known.
    pub join_phon: Option<&'a str>,
    /// Written as the family name (see [`family_mask`]).
    pub family: bool,
    /// A word many listed names hold ([`Index::is_common`]).
    pub common: bool,
    /// What it says of which one of a family of companies the name is
    /// ([`Qualifier::of`]; read from the index for a listed token).
    pub qualifier: Qualifier,
}

/// One aligned pair.
#[derive(Debug, Clone)]
pub(crate) struct Pair {
    pub qi: usize,
    pub qn: usize,
    pub lj: usize,
    pub ln: usize,
    pub sim: f32,
    pub kind: MatchKind,
    pub weight: f32,
    /// A near miss of two family names (both marked so) two edits or more
    /// apart (see [`FAMILY_APART`]).
    pub far: bool,
}

/// Whether a fuzzy pair of one token each, both written as family names,
/// is two edits or more apart (the listed token's letters are read only
/// then).
#[inline]
fn family_far<'a>(
    kind: MatchKind,
    q_family: bool,
    l_family: bool,
    q: &str,
    l: impl FnOnce() -> &'a str,
) -> bool {
    kind == MatchKind::Fuzzy
        && q_family
        && l_family
        && osa_distance(q.as_bytes(), l().as_bytes(), 1).is_none()
}

/// The result of comparing one query form with one listed name form.
#[derive(Debug, Clone, Default)]
pub(crate) struct NameScore {
    pub score: f32,
    pub pairs: Vec<Pair>,
    pub unmatched_q: Vec<usize>,
    pub unmatched_l: Vec<usize>,
    pub low_info: f32,
    /// The given name of one side met a forebear's name of the other
    /// (`Salman bin Muhammad` / `Muhammad bin Salman`): scaled by
    /// [`LINEAGE_SWAP`].
    pub lineage_swapped: bool,
    /// An organization's name ends in a series number or a country the
    /// other has none of: scaled by [`QUALIFIER_ONE_SIDED`].
    pub qualifier_one_sided: bool,
    /// A one-word name met only by a near miss: scaled by
    /// [`ONE_WORD_NEAR`].
    pub one_word_near: bool,
    /// The positions of an organization's most distinctive word (or the
    /// code of letters that opens its name) when it is not met: scaled by
    /// [`BRAND_MISSING`].
    pub brand_missing: Option<std::ops::Range<usize>>,
    /// A person's name met only in the query's given names, the family
    /// name the query writes in capitals left out: scaled by
    /// [`FAMILY_MISSING`].
    pub family_missing: bool,
    /// Each name's family name (written in capitals) meets only the other
    /// name's given names: scaled by [`FAMILY_CROSSED`].
    pub family_crossed: bool,
    /// Both names mark their family names, and these meet only two edits
    /// or more apart: scaled by [`FAMILY_APART`].
    pub family_apart: bool,
}

/// A name whose given name is the other name's father's (or forebear's)
/// name is another person: its score is scaled by this.
pub(crate) const LINEAGE_SWAP: f32 = 0.7;

/// Whether a token is an Arabic article (`al`, `el` and its assimilated
/// forms): a name starting with one starts with the family name.
pub(crate) fn is_article(t: &str) -> bool {
    matches!(
        t,
        "al" | "el" | "ul" | "ad" | "as" | "an" | "ar" | "at" | "az" | "ash"
    )
}

/// Whether a token is an Arabic lineage particle: what follows it names a
/// forebear (`bin`, `ibn`, `bint`, `binti`, `ben`).
pub(crate) fn is_lineage(t: &str) -> bool {
    matches!(t, "bin" | "ibn" | "bint" | "binti" | "ben" | "bn")
}

/// How a query form and a listed name form are compared, given the
/// romanization schemes they were read by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ScriptRule {
    /// As usual.
    Normal,
    /// Both are written in the same script (Hangul, Han) and read by its
    /// most distinctive romanization: only exact tokens count.
    Strict,
    /// Both are written in the same script, but this pair of readings may
    /// conflate what the script keeps apart (McCune-Reischauer writes 종
    /// and 정 both `chong`): not compared.
    Skip,
}

impl ScriptRule {
    /// Whether only exact tokens count, or `None` when the pair is not
    /// compared at all.
    pub(crate) fn strict(self) -> Option<bool> {
        match self {
            ScriptRule::Normal => Some(false),
            ScriptRule::Strict => Some(true),
            ScriptRule::Skip => None,
        }
    }
}

/// Two names written in the same script are compared in that script, not
/// through readings that conflate its letters: 김종은 is not 김정은, nor
/// 习近朋 习近平, though some romanizations spell them alike. Only their
/// most distinctive reading is compared (Revised Romanization for Hangul,
/// Pinyin for Han), and only exact tokens count. Different scripts, or a
/// Latin name on either side, are compared as usual. A listed acronym
/// counts only when met exactly by the query as written, and a Korean
/// name's keyed reading ([`interdict_text::KOREAN_KEYED`]) only by exact
/// tokens.
pub(crate) fn script_rule(q: Option<&str>, l: Option<&str>) -> ScriptRule {
    fn script(s: &str) -> Option<&str> {
        s.split('-').next().filter(|x| matches!(*x, "ko" | "zh"))
    }
    match (q, l) {
        // an acronym is met by its letters exactly as the query writes
        // them, not by a near spelling nor a re-reading of the query
        (None, Some(crate::index::ACRONYM_SCHEME)) => ScriptRule::Strict,
        (Some(_), Some(crate::index::ACRONYM_SCHEME)) => ScriptRule::Skip,
        // a Korean name's keyed reading merges its romanizations: its
        // tokens meet as keys or not at all (the name as written meets
        // with typos, as usual)
        (Some(interdict_text::KOREAN_KEYED), _) | (_, Some(interdict_text::KOREAN_KEYED)) => {
            ScriptRule::Strict
        }
        (Some(a), Some(b)) if script(a).is_some() && script(a) == script(b) => {
            if a == b && matches!(a, "ko-rr" | "zh-pinyin") {
                ScriptRule::Strict
            } else {
                ScriptRule::Skip
            }
        }
        _ => ScriptRule::Normal,
    }
}

/// Marks the forebears' names inside a lineage chain (`Usama bin Muhammad
/// ibn Awad ibn Ladin`: `bin Muhammad ibn Awad ibn`) as omissible like
/// patronymics: a name is often written without its father's and
/// grandfather's names (`Osama bin Laden`). The chain starts at a lineage
/// particle after the first token (a name opening with `bin` or an article
/// starts with the family name) and never takes the last token (the family
/// name). A name that opens with its family name and its particle (`BIN
/// LADIN, Usama bin Muhammad bin Awad`) has its chain after a given name,
/// to the end.
pub(crate) fn mark_forebears(l: &mut [LInfo]) {
    let m = l.len();
    let family_first = l.first().is_some_and(|t| t.lineage);
    let (from, end) = if family_first {
        (3, m)
    } else {
        (1, m.saturating_sub(1))
    };
    let Some(start) = l
        .iter()
        .enumerate()
        .skip(from)
        .find(|(_, t)| t.lineage)
        .map(|(i, _)| i)
        .filter(|_| l.first().is_some_and(|t| !t.article))
    else {
        return;
    };
    for j in start..end {
        let after_particle = j > 0 && l.get(j - 1).is_some_and(|t| t.lineage);
        if let Some(t) = l.get_mut(j) {
            if t.lineage || after_particle {
                t.patronymic = true;
            }
        }
    }
}

/// What the alignment needs of a listed token.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct LInfo {
    /// Rarity weight.
    pub weight: f32,
    /// A single letter (initial).
    pub initial: bool,
    /// Looks like a patronymic, or is a forebear's name in a lineage chain
    /// (see [`mark_forebears`]): weighs less when unmatched.
    pub patronymic: bool,
    /// An Arabic lineage particle (see [`is_lineage`]).
    pub lineage: bool,
    /// An Arabic article (see [`is_article`]).
    pub article: bool,
    /// First byte.
    pub first: u8,
    /// Length in bytes (at most 255).
    pub len: u8,
    /// See [`Qualifier`].
    pub qualifier: Qualifier,
    /// Written as the family name (see [`family_mask`]).
    pub family: bool,
}

/// What a token of an organization's name says of which one of a family of
/// companies, funds or vessels the name is: a series number (`Fund I`,
/// `Solutions II`, `Victory 3`) or a country after the brand (`Banco
/// Santander México`, `Bowne Global Solutions Denmark`). Written on one
/// side only, it names another member of the family than the name without
/// it (see [`QUALIFIER_ONE_SIDED`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum Qualifier {
    #[default]
    None,
    /// Digits or a Roman numeral ([`interdict_text::is_series_marker`]).
    Series,
    /// A country's name or adjective of four letters or more (two- and
    /// three-letter codes are legal forms as often: `AG`, `SA`, `BV`).
    Country,
    /// `of`: a country after it is part of the name (`Sberbank of Russia`,
    /// `State Grid Corporation of China`), no qualifier.
    Of,
}

impl Qualifier {
    pub(crate) fn of(t: &str) -> Qualifier {
        if t == "of" {
            Qualifier::Of
        } else if interdict_text::is_series_marker(t) {
            Qualifier::Series
        } else if t.len() >= 4 && interdict_model::country::country_code(t).is_some() {
            Qualifier::Country
        } else {
            Qualifier::None
        }
    }
}

/// What is kept of the score of an organization's name with a
/// [`Qualifier`] unmatched on one side, of a kind the other side has none
/// of (`Banco Santander` / `Banco Santander Chile`, `Bowne Global
/// Solutions` / `Bowne Global Solutions II`): below the threshold for
/// names that agree otherwise. A country first (`Korea Mining …`) is part
/// of the name, not a qualifier, and a query that may have been cut at a
/// field limit may have lost the listed name's qualifier.
pub(crate) const QUALIFIER_ONE_SIDED: f32 = 0.8;

impl LInfo {
    #[inline]
    fn w(&self) -> f32 {
        if self.initial {
            self.weight.min(INITIAL_WEIGHT)
        } else {
            self.weight
        }
    }
}

/// Aligns the query tokens with the listed tokens and scores the result
/// (token similarities computed from the strings: the reference path).
/// `vessel`: the listed name is a vessel's (see [`align`]).
pub(crate) fn score_tokens(
    q: &QForm,
    l: &[LTok<'_>],
    listed: NameClass,
    vessel: bool,
    unknown_weight: f32,
    keep_detail: bool,
    strict: bool,
) -> NameScore {
    let n = q.toks.len();
    let m = l.len();
    if n == 0 || m == 0 {
        return NameScore::default();
    }
    let mut cands: Vec<Pair> = Vec::with_capacity(n * m + 4);
    // each query token is compared with every listed token and pair
    let probes: Vec<Probe<'_>> = q
        .toks
        .iter()
        .map(|t| Probe::new(&t.text, &t.phon).common(t.common))
        .collect();
    for (i, (qt, probe)) in q.toks.iter().zip(&probes).enumerate() {
        for (j, lt) in l.iter().enumerate() {
            if qt.optional.is_some()
                && (qt.text.len() == 1 || lt.text.len() == 1)
                && qt.text != lt.text
            {
                continue; // a legal form or title is no initial ("S.A." / "Ammar")
            }
            let listed = Listed::new(lt.text, lt.phon).common(lt.common);
            let mut sim = token_sim(probe, &listed, qt.cut, 2);
            if qt.abjad {
                sim = better(sim, abjad_sim(&qt.text, &qt.phon, lt.text, lt.phon));
            }
            if qt.optional.is_some() {
                sim = sim.filter(|&(_, kind)| optional_meets(kind, qt.cut));
            }
            if let Some((sim, kind)) = sim {
                let lw = if lt.text.len() == 1 {
                    lt.weight.min(INITIAL_WEIGHT)
                } else {
                    lt.weight
                };
                cands.push(Pair {
                    qi: i,
                    qn: 1,
                    lj: j,
                    ln: 1,
                    sim,
                    kind,
                    weight: qt.weight + lw,
                    far: family_far(kind, has_bit(q.family, i), lt.family, &qt.text, || lt.text),
                });
            }
        }
    }
    // adjacent listed tokens joined, once: (position, text, phonetic key)
    let listed_joins: Vec<(usize, String, std::borrow::Cow<'_, str>)> = (0..m.saturating_sub(1))
        .filter_map(|j| {
            let (a, b) = (l.get(j)?, l.get(j + 1)?);
            if a.text.len() < 2 || b.text.len() < 2 {
                return None;
            }
            let text = format!("{}{}", a.text, b.text);
            let phon = match a.join_phon {
                Some(p) => std::borrow::Cow::Borrowed(p),
                None => std::borrow::Cow::Owned(phonetic_key(&text)),
            };
            Some((j, text, phon))
        })
        .collect();
    let pair_weight =
        |j: usize| l.get(j).map_or(0.0, |t| t.weight) + l.get(j + 1).map_or(0.0, |t| t.weight);
    // joined pairs are indexed with one deletion: one edit
    let joined_sim = |probe: &Probe<'_>, listed: &Listed<'_>| {
        token_sim(probe, listed, false, JOINED_EDITS)
            .map(|(sim, _)| sim * JOINED_FACTOR)
            .filter(|&sim| sim >= JOINED_MIN)
    };
    // the letters of the listed token at position `k`
    let word = |k: usize| l.get(k).map_or("", |t| t.text);
    // joined: one query token = two adjacent listed tokens
    for (i, (qt, probe)) in q.toks.iter().zip(&probes).enumerate() {
        if qt.text.len() < 4 {
            continue;
        }
        for (j, text, phon) in &listed_joins {
            if text.len().abs_diff(qt.text.len()) > 2 {
                continue;
            }
            if !joined_nearer(qt.text.len(), word(*j).len(), word(j + 1).len()) {
                continue;
            }
            if let Some(sim) = joined_sim(probe, &Listed::new(text, phon)) {
                cands.push(Pair {
                    qi: i,
                    qn: 1,
                    lj: *j,
                    ln: 2,
                    sim,
                    kind: MatchKind::Joined,
                    weight: qt.weight + pair_weight(*j),
                    far: false,
                });
            }
        }
    }
    for (i, jt) in &q.joined {
        let (Some(first), Some(next)) = (q.toks.get(*i), q.toks.get(i + 1)) else {
            continue;
        };
        let first_len = first.len;
        let probe = Probe::new(&jt.text, &jt.phon).common(jt.common);
        // two adjacent query tokens = one listed token
        for (j, lt) in l.iter().enumerate() {
            if lt.text.len().abs_diff(jt.text.len()) > 2
                || !joined_nearer(lt.text.len(), first_len, next.len)
            {
                continue;
            }
            if let Some(sim) = joined_sim(&probe, &Listed::new(lt.text, lt.phon).common(lt.common))
            {
                cands.push(Pair {
                    qi: *i,
                    qn: 2,
                    lj: j,
                    ln: 1,
                    sim,
                    kind: MatchKind::Joined,
                    weight: jt.weight.max(next.weight) + lt.weight,
                    far: false,
                });
            }
        }
        // two query tokens = two listed tokens split elsewhere ("Sangh-o" /
        // "Sang-ho", "ALJ-ALAA" / "AL-JALAA"): the joined forms meet
        for (j, text, phon) in &listed_joins {
            if text.len().abs_diff(jt.text.len()) > 2 {
                continue;
            }
            if let Some(sim) = joined_sim(&probe, &Listed::new(text, phon))
                .filter(|_| joined_parts_meet(&first.text, &next.text, word(*j), word(j + 1)))
            {
                cands.push(Pair {
                    qi: *i,
                    qn: 2,
                    lj: *j,
                    ln: 2,
                    sim,
                    kind: MatchKind::Joined,
                    weight: jt.weight + pair_weight(*j),
                    far: false,
                });
            }
        }
    }
    let info: Vec<LInfo> = l
        .iter()
        .map(|t| LInfo {
            family: t.family,
            weight: t.weight,
            initial: t.text.len() == 1,
            // (a family name in -vich is no patronymic: `MASALOVICH,
            // Andrey Igorevich`)
            patronymic: is_patronymic(t.text) && !t.family,
            lineage: is_lineage(t.text),
            article: is_article(t.text),
            first: t.text.as_bytes().first().copied().unwrap_or(0),
            len: t.text.len().min(255) as u8,
            qualifier: t.qualifier,
        })
        .collect();
    let mut info = info;
    mark_forebears(&mut info);
    if strict {
        cands.retain(|p| p.kind == MatchKind::Exact);
    }
    let ns = align(
        q,
        &info,
        listed,
        vessel,
        &mut cands,
        unknown_weight,
        keep_detail,
    );
    if ns.score < COMPACT_SIM
        && q.compact
            .iter()
            .any(|&(_, k)| spaced_otherwise(q.rotation(k), l.iter().map(|t| t.text)))
    {
        compact_score(q, &info)
    } else {
        ns
    }
}

/// Whether two token sequences spell the same letters once their spaces
/// are gone, though not as the same words (`van der bilt` / `vanderbilt`):
/// the same words are aligned word by word, rarity and all (`Hassan LLC`
/// is the listed alias `Hassan` as any `Hassan` is, a common name).
fn spaced_otherwise<'a, 'b>(
    a: impl Iterator<Item = &'a str> + Clone,
    b: impl Iterator<Item = &'b str> + Clone,
) -> bool {
    a.clone()
        .flat_map(str::bytes)
        .eq(b.clone().flat_map(str::bytes))
        && !a.eq(b)
}

/// The kept tokens of a query (not optional), starting from the `k`-th and
/// wrapping around.
fn rotation(toks: &[QTok], k: usize) -> impl Iterator<Item = &str> + Clone {
    let kept = move || toks.iter().filter(|t| t.optional.is_none());
    kept()
        .skip(k)
        .chain(kept().take(k))
        .map(|t| t.text.as_str())
}

/// The name score of a name whose letters without spaces are the query's:
/// one pair of all tokens, joined.
fn compact_score(q: &QForm, l: &[LInfo]) -> NameScore {
    let weight = q.total + l.iter().map(LInfo::w).sum::<f32>();
    NameScore {
        score: COMPACT_SIM,
        pairs: vec![Pair {
            qi: 0,
            qn: q.toks.len(),
            lj: 0,
            ln: l.len(),
            sim: COMPACT_SIM,
            kind: MatchKind::Joined,
            weight,
            far: false,
        }],
        low_info: 1.0,
        ..NameScore::default()
    }
}

/// Scratch buffers of the fast scorer.
#[derive(Default)]
pub(crate) struct FastBuf {
    cands: Vec<Pair>,
    maps: Vec<RowMap>,
    clock: u64,
}

/// A query form's similarity-table rows by vocab id (row + 1; 0: none), so
/// that the scorer finds a listed token's row without a search.
#[derive(Default)]
struct RowMap {
    form: u64,
    used: u64,
    map: Vec<u32>,
    touched: Vec<u32>,
}

/// Dense maps kept per thread: one per form of the query being scored (a
/// query has at most 16 forms).
const ROW_MAPS: usize = 16;

/// The dense row map of a form, filled on first use (the least recently
/// used map is reused).
fn row_map<'m>(maps: &'m mut Vec<RowMap>, clock: &mut u64, q: &QForm, vocab: usize) -> &'m [u32] {
    *clock += 1;
    let now = *clock;
    let i = match maps.iter().position(|m| m.form == q.id) {
        Some(i) => i,
        None => {
            if maps.len() < ROW_MAPS {
                maps.push(RowMap::default());
            }
            let i = (0..maps.len())
                .min_by_key(|&i| maps.get(i).map_or(0, |m| m.used))
                .unwrap_or(0);
            if let Some(m) = maps.get_mut(i) {
                for &v in &m.touched {
                    if let Some(x) = m.map.get_mut(v as usize) {
                        *x = 0;
                    }
                }
                m.touched.clear();
                if m.map.len() < vocab {
                    m.map.resize(vocab, 0);
                }
                for &(v, r) in &q.table {
                    if let Some(x) = m.map.get_mut(v as usize) {
                        *x = r + 1;
                        m.touched.push(v);
                    }
                }
                m.form = q.id;
            }
            i
        }
    };
    match maps.get_mut(i) {
        Some(m) => {
            m.used = now;
            &m.map
        }
        None => &[],
    }
}

/// The row of the table for `v`, by the dense map.
#[inline]
fn dense_row<'a>(q: &'a QForm, map: &[u32], v: u32) -> Option<&'a [Cell]> {
    let r = row_index(map, v)?;
    q.cells.get(r * q.width..(r + 1) * q.width)
}

/// The row number of `v` in the table, by the dense map.
#[inline]
fn row_index(map: &[u32], v: u32) -> Option<usize> {
    match map.get(v as usize).copied().unwrap_or(0) {
        0 => None,
        r => Some(r as usize - 1),
    }
}

/// [`score_tokens`] for a listed record given by vocab ids, reading the
/// token similarities from the query's table instead of computing them.
/// Gives the same score (the table holds what [`token_sim`] gives for every
/// entry the retrieval found).
///
/// With `prune` above 0, a record whose score surely stays below it gets 0
/// without being aligned (see [`surely_below`]). With `detail`, the
/// alignment is kept there as the reference scorer ([`score_tokens`])
/// would give it, for an explanation.
#[allow(clippy::too_many_arguments)]
pub(crate) fn score_fast(
    q: &QForm,
    index: &Index,
    toks: &[u32],
    joins: &[u32],
    compact: u64,
    strict: bool,
    listed: NameClass,
    vessel: bool,
    family: u64,
    unknown_weight: f32,
    prune: f32,
    buf: &mut FastBuf,
    detail: Option<&mut NameScore>,
) -> f32 {
    let n = q.toks.len();
    let m = toks.len().min(MAX_TOKS);
    if n == 0 || m == 0 {
        return 0.0;
    }
    let FastBuf { cands, maps, clock } = buf;
    let map = row_map(maps, clock, q, index.vocab.len());
    let mut info = [LInfo::default(); MAX_TOKS];
    let mut vi = [crate::index::VInfo::default(); MAX_TOKS];
    let mut rows: [Option<&[Cell]>; MAX_TOKS] = [None; MAX_TOKS];
    for (j, &v) in toks.iter().take(m).enumerate() {
        let v_info = index
            .vocab_info
            .get(v as usize)
            .copied()
            .unwrap_or_default();
        vi[j] = v_info;
        info[j] = LInfo {
            weight: v_info.weight,
            initial: v_info.len == 1,
            patronymic: v_info.patronymic && !has_bit(family, j),
            lineage: v_info.lineage,
            article: v_info.article,
            first: v_info.first,
            len: v_info.len,
            qualifier: v_info.qualifier,
            family: has_bit(family, j),
        };
        rows[j] = dense_row(q, map, v);
    }
    mark_forebears(&mut info[..m]);
    // (quick_below reads the rows again by the map, for its masks: keeping
    // the row numbers for it here, in two more arrays, cost more than the
    // second lookups, measured: +42M instructions on 3,000 queries)
    if prune > 0.0
        && quick_below(
            q,
            map,
            toks,
            joins,
            compact,
            &info[..m],
            listed,
            vessel,
            prune,
        )
    {
        return 0.0;
    }
    cands.clear();
    // the letters of the listed token at position `k`
    let word = |k: usize| {
        toks.get(k)
            .and_then(|&v| index.vocab.get(v as usize))
            .map_or("", |s| &**s)
    };
    for (i, qt) in q.toks.iter().enumerate() {
        let qfirst = qt.text.as_bytes().first().copied();
        for j in 0..m {
            let l = vi[j];
            let hit = if qt.len == 1 || l.len == 1 {
                if qt.len == l.len as usize && qfirst == Some(l.first) {
                    Some((1.0, MatchKind::Exact))
                } else if qt.len == 1
                    && l.len == 1
                    && qfirst.is_some_and(|a| izafat_pair(a, l.first))
                {
                    Some((SPELLING_SIM, MatchKind::Spelling))
                } else if qfirst == Some(l.first)
                    && l.len > 0
                    && !l.first.is_ascii_digit()
                    && qt.optional.is_none()
                {
                    Some((INITIAL_SIM, MatchKind::Initial))
                } else {
                    None
                }
            } else {
                let cell = rows[j]
                    .and_then(|r| r.get(i))
                    .filter(|c| c.sim > 0.0)
                    .map(|c| (c.sim, c.kind));
                if cell.is_none()
                    && qt.cut
                    && qt.len >= 3
                    && l.len as usize > qt.len
                    && qt.found.capped
                {
                    // the lookup caps prefix hits; a truncated last token
                    // whose lookup was cut short is checked against the
                    // listed string itself (no other kind of match is
                    // missing from the table, and when the lookup was not
                    // cut short, no prefix either)
                    prefix_sim(&qt.text, word(j))
                } else if cell.is_none() && qt.last && qt.len == 2 && l.len > 2 && q.trunc {
                    // a last token cut to two letters: as an initial
                    truncated_initial(qt.text.as_bytes(), word(j).as_bytes())
                        .then_some((INITIAL_SIM, MatchKind::Initial))
                } else {
                    cell
                }
            };
            if let Some((sim, kind)) = hit {
                let far = family_far(kind, has_bit(q.family, i), info[j].family, &qt.text, || {
                    word(j)
                });
                cands.push(Pair {
                    qi: i,
                    qn: 1,
                    lj: j,
                    ln: 1,
                    sim,
                    kind,
                    weight: qt.weight + info[j].w(),
                    far,
                });
            }
        }
    }
    // adjacent listed tokens joined, once: (position, length, table row)
    let mut listed_joins: [(usize, usize, Option<&[Cell]>); MAX_TOKS] = [(0, 0, None); MAX_TOKS];
    let mut nj = 0;
    for j in 0..m.saturating_sub(1) {
        let (a, b) = (vi[j], vi[j + 1]);
        if a.len < 2 || b.len < 2 {
            continue;
        }
        let Some(&jv) = joins.get(j) else { continue };
        listed_joins[nj] = (j, a.len as usize + b.len as usize, dense_row(q, map, jv));
        nj += 1;
    }
    let listed_joins = &listed_joins[..nj];
    let joined_sim =
        |sim: f32| (sim > 0.0 && sim * JOINED_FACTOR >= JOINED_MIN).then_some(sim * JOINED_FACTOR);
    // one query token = two adjacent listed tokens
    for (i, qt) in q.toks.iter().enumerate() {
        if qt.len < 4 {
            continue;
        }
        for &(j, len, row) in listed_joins {
            if len.abs_diff(qt.len) > 2
                || !joined_nearer(qt.len, info[j].len.into(), info[j + 1].len.into())
            {
                continue;
            }
            let Some(sim) = row.and_then(|r| r.get(i)).and_then(|c| joined_sim(c.simj)) else {
                continue;
            };
            cands.push(Pair {
                qi: i,
                qn: 1,
                lj: j,
                ln: 2,
                sim,
                kind: MatchKind::Joined,
                weight: qt.weight + info[j].weight + info[j + 1].weight,
                far: false,
            });
        }
    }
    for (k, (i, jt)) in q.joined.iter().enumerate() {
        let (Some(first), Some(next)) = (q.toks.get(*i), q.toks.get(i + 1)) else {
            continue;
        };
        let first_len = first.len;
        let col = n + k;
        // two adjacent query tokens = one listed token
        for j in 0..m {
            if (vi[j].len as usize).abs_diff(jt.len) > 2
                || !joined_nearer(vi[j].len.into(), first_len, next.len)
            {
                continue;
            }
            let Some(sim) = rows[j]
                .and_then(|r| r.get(col))
                .and_then(|c| joined_sim(c.sim))
            else {
                continue;
            };
            cands.push(Pair {
                qi: *i,
                qn: 2,
                lj: j,
                ln: 1,
                sim,
                kind: MatchKind::Joined,
                weight: jt.weight.max(next.weight) + info[j].weight,
                far: false,
            });
        }
        // two query tokens = two listed tokens split elsewhere
        for &(j, len, row) in listed_joins {
            if len.abs_diff(jt.len) > 2 {
                continue;
            }
            let Some(sim) = row
                .and_then(|r| r.get(col))
                .and_then(|c| joined_sim(c.simj))
            else {
                continue;
            };
            if !joined_parts_meet(&first.text, &next.text, word(j), word(j + 1)) {
                continue;
            }
            cands.push(Pair {
                qi: *i,
                qn: 2,
                lj: j,
                ln: 2,
                sim,
                kind: MatchKind::Joined,
                weight: jt.weight + info[j].weight + info[j + 1].weight,
                far: false,
            });
        }
    }
    if strict {
        cands.retain(|p| p.kind == MatchKind::Exact);
    }
    let spelt_alike = compact != 0
        && q.compact.iter().any(|&(key, k)| {
            key == compact
                && spaced_otherwise(
                    q.rotation(k),
                    toks.iter()
                        .map(|&v| index.vocab.get(v as usize).map_or("", |s| &**s)),
                )
        });
    if !spelt_alike && prune > 0.0 && surely_below(q, &info[..m], listed, vessel, cands, prune) {
        return 0.0;
    }
    let ns = align(
        q,
        &info[..m],
        listed,
        vessel,
        cands,
        unknown_weight,
        detail.is_some(),
    );
    let s = if spelt_alike {
        ns.score.max(COMPACT_SIM)
    } else {
        ns.score
    };
    if let Some(d) = detail {
        // (a name spelt with the same letters, as the reference scorer
        // explains it: one pair of all tokens)
        *d = if spelt_alike && ns.score < COMPACT_SIM {
            compact_score(q, &info[..m])
        } else {
            ns
        };
    }
    s
}

/// Whether the alignment of these candidate pairs surely scores below
/// `prune`, read from which tokens no pair touches (cheaper than aligning:
/// most records the index proposes fall well short); see [`below_given`].
fn surely_below(
    q: &QForm,
    l: &[LInfo],
    listed: NameClass,
    vessel: bool,
    cands: &[Pair],
    prune: f32,
) -> bool {
    let (mut qhit, mut lhit) = (0u64, 0u64);
    for p in cands {
        qhit |= span_mask(p.qi, p.qn);
        lhit |= span_mask(p.lj, p.ln);
    }
    // what a query cut inside its last word lost costs nothing (see
    // `align`): the listed tokens after one it may meet so
    let last = q.toks.len().saturating_sub(1);
    let lost_from = if q.lost_tail {
        cands
            .iter()
            .filter(|p| {
                p.kind == MatchKind::Prefix
                    && p.qi == last
                    && cut_lost_letters(
                        q.toks.get(p.qi).map_or(0, |t| t.len),
                        l.get(p.lj).map_or(0, |t| usize::from(t.len)),
                    )
            })
            .map(|p| p.lj + p.ln)
            .min()
            .unwrap_or(usize::MAX)
    } else {
        usize::MAX
    };
    below_given(q, l, listed, vessel, qhit, lhit, lost_from, prune)
}

/// Bits `at..at + len` (of the first 64).
#[inline]
fn span_mask(at: usize, len: usize) -> u64 {
    (at..at + len)
        .filter(|&i| i < 64)
        .fold(0, |m, i| m | (1 << i))
}

/// [`surely_below`] before any pair is built, from the table's row masks
/// ([`QForm::row_masks`]): every query token and listed token some cell
/// could pair is taken as touched, and so is every pair of tokens that
/// could meet otherwise than by the table (a one-letter token and a token
/// of its first letter; a cut word whose lookup was cut short, or a last
/// word cut to two letters, and a longer word of its first letter), and a
/// query that may have lost its tail loses it from the first listed word
/// its last word could meet. All of that only raises the bound, so that a
/// record this rejects the pairs would reject too. Not for a name spelt
/// with the same letters (it scores at least [`COMPACT_SIM`] whatever its
/// tokens).
#[allow(clippy::too_many_arguments)]
fn quick_below(
    q: &QForm,
    map: &[u32],
    toks: &[u32],
    joins: &[u32],
    compact: u64,
    l: &[LInfo],
    listed: NameClass,
    vessel: bool,
    prune: f32,
) -> bool {
    let n = q.toks.len();
    let m = l.len().min(MAX_TOKS);
    // (a row's columns must fit the masks' 64 bits)
    if n == 0 || q.width > 64 || (compact != 0 && q.compact.iter().any(|&(key, _)| key == compact))
    {
        return false;
    }
    let singles = u64::MAX >> (64 - n);
    // joined query columns (`n + k`) touch both tokens they join
    let joined = |bits: u64| {
        q.joined
            .iter()
            .enumerate()
            .filter(|&(k, _)| n + k < 64 && bits & (1 << (n + k)) != 0)
            .fold(0u64, |acc, (_, &(i, _))| acc | span_mask(i, 2))
    };
    let masks = |v: u32| {
        row_index(map, v)
            .and_then(|r| q.row_masks.get(r))
            .copied()
            .unwrap_or((0, 0))
    };
    let (mut qhit, mut lhit) = (0u64, 0u64);
    // the query tokens each listed token meets as a single token
    let mut met_by = [0u64; MAX_TOKS];
    for (j, &v) in toks.iter().take(m).enumerate() {
        let (sim, _) = masks(v);
        if sim != 0 {
            lhit |= 1 << j;
            qhit |= (sim & singles) | joined(sim & !singles);
            met_by[j] = sim & singles;
        }
    }
    // two adjacent listed tokens met as one
    for (j, &jv) in joins.iter().enumerate().take(m.saturating_sub(1)) {
        let (sim, simj) = masks(jv);
        if (simj & singles) | (sim & !singles) != 0 {
            lhit |= span_mask(j, 2);
            qhit |= (simj & singles) | joined(sim & !singles);
        }
    }
    // pairs met from the letters, not the table
    let letters = q.n_initials > 0 || q.trunc || q.capped.0 > 0.0 || l.iter().any(|t| t.initial);
    if letters {
        for (i, qt) in q.toks.iter().enumerate() {
            let qf = qt.text.as_bytes().first().copied();
            let cut =
                (qt.cut && qt.len >= 3 && qt.found.capped) || (qt.last && qt.len == 2 && q.trunc);
            for (j, lt) in l.iter().enumerate().take(m) {
                let first = qf == Some(lt.first);
                let initial = (qt.len == 1 || lt.len == 1)
                    && (first
                        || (qt.len == 1
                            && lt.len == 1
                            && qf.is_some_and(|a| izafat_pair(a, lt.first))));
                let prefix = cut && first && usize::from(lt.len) > qt.len;
                if initial || prefix {
                    qhit |= 1 << i;
                    lhit |= 1 << j;
                    if let Some(x) = met_by.get_mut(j) {
                        *x |= 1 << i;
                    }
                }
            }
        }
    }
    // a query that may have been cut inside its last word: the listed
    // tokens after the first one that word could meet cut short cost
    // nothing
    let lost_from = match n.checked_sub(1) {
        Some(last) if q.lost_tail => {
            let q_len = q.toks.get(last).map_or(0, |t| t.len);
            (0..m)
                .filter(|&j| {
                    has_bit(met_by[j], last)
                        && cut_lost_letters(q_len, l.get(j).map_or(0, |t| usize::from(t.len)))
                })
                .map(|j| j + 1)
                .min()
                .unwrap_or(usize::MAX)
        }
        _ => usize::MAX,
    };
    below_given(q, l, listed, vessel, qhit, lhit, lost_from, prune)
}

/// Whether a name whose touched query and listed tokens are `qhit` and
/// `lhit` (bit per token) surely scores below `prune`.
///
/// Tokens no pair touches stay unmatched. The matched mass is at most the
/// weight of the touched tokens (`m`), and the rest of the denominator at
/// least: the query's untouched tokens, the heaviest of them in conflict
/// at [`CONFLICT`] (as many as there are untouched listed tokens: the
/// alignment pairs at least that many), the others at [`SURPLUS`]; the
/// listed untouched tokens at [`SURPLUS`] or, for patronymics,
/// [`PATRONYMIC_SURPLUS`] (their share of a conflict is not bounded, since
/// lighter listed tokens may take their place); listed tokens from
/// `lost_from` on cost nothing. The credit never exceeds the matched mass,
/// so the score is at most `m / (m + rest)`.
#[allow(clippy::too_many_arguments)]
fn below_given(
    q: &QForm,
    l: &[LInfo],
    listed: NameClass,
    vessel: bool,
    qhit: u64,
    lhit: u64,
    lost_from: usize,
    prune: f32,
) -> bool {
    let mut m = 0.0f32;
    let mut uq = [0.0f32; 64];
    let mut nuq = 0;
    for (i, t) in q.toks.iter().enumerate().take(64) {
        if has_bit(qhit, i) {
            m += t.weight;
        } else if !t.free_against(listed, vessel) {
            uq[nuq] = t.weight;
            nuq += 1;
        }
    }
    let mut rest = 0.0f32;
    let mut nul = 0;
    for (j, t) in l.iter().enumerate().take(64) {
        if has_bit(lhit, j) {
            m += t.w();
        } else if j >= lost_from {
        } else {
            nul += 1;
            rest += t.w()
                * if t.patronymic {
                    PATRONYMIC_SURPLUS
                } else {
                    SURPLUS
                };
        }
    }
    let uq = &mut uq[..nuq];
    uq.sort_unstable_by(|a, b| b.total_cmp(a));
    let k = nuq.min(nul);
    rest += CONFLICT * uq.iter().take(k).sum::<f32>() + SURPLUS * uq.iter().skip(k).sum::<f32>();
    m <= 0.0 || m / (m + rest) < prune
}

/// Most listed tokens a record holds (names are cut to this many tokens).
pub(crate) const MAX_TOKS: usize = 24;

/// Greedy alignment of the candidate pairs and the score. Greedy on
/// similarity, an exact one-token pair can take a token that a joined pair
/// needed (`KIM San-ho` / `KIM, Sang-ho`: `ho` = `ho` leaves `san` against
/// `sang`, where `sanho` ~ `sangho` covers both); when there are joined
/// pairs, they are also tried first, and that alignment kept when clearly
/// better. `vessel`: the listed name is a vessel's, whose hull number may be
/// left out.
fn align(
    q: &QForm,
    l: &[LInfo],
    listed: NameClass,
    vessel: bool,
    cands: &mut [Pair],
    unknown_weight: f32,
    keep_detail: bool,
) -> NameScore {
    let first = align_once(
        q,
        l,
        listed,
        vessel,
        cands,
        unknown_weight,
        keep_detail,
        false,
    );
    if cands.iter().any(|p| whole_joined(q, l, p)) {
        let joined = align_once(
            q,
            l,
            listed,
            vessel,
            cands,
            unknown_weight,
            keep_detail,
            true,
        );
        // only when clearly better: a joined pair that merely credits a
        // common token differently (`kim chong` ~ `kim jong`) is a less
        // readable explanation of the same match
        if joined.score > first.score + JOINED_BETTER {
            return joined;
        }
    }
    first
}

/// A pair of joined tokens none of which is a single letter (a letter
/// joined to a name is no reason to prefer the pair: `William G` is not
/// `Williamg`), starting with alike letters (`Tong-un` is not `Jong Un`,
/// as `Tong` is not `Jong`).
fn whole_joined(q: &QForm, l: &[LInfo], p: &Pair) -> bool {
    (p.qn > 1 || p.ln > 1)
        && (p.qi..p.qi + p.qn).all(|i| q.toks.get(i).is_some_and(|t| t.len > 1))
        && (p.lj..p.lj + p.ln).all(|j| l.get(j).is_some_and(|t| !t.initial))
        && first_letters_alike(
            q.toks
                .get(p.qi)
                .and_then(|t| t.text.as_bytes().first().copied()),
            l.get(p.lj).map(|t| t.first),
        )
}

/// Whether a token of `whole` letters is nearer in length to two tokens
/// of `a` and `b` letters joined than to either alone: a token that is one
/// of the two with a letter or two more or fewer meets that one, and the
/// other is left over (`solutions` is not `solutions ii` joined: the `ii`
/// is a series number, to be seen unmatched).
#[inline]
pub(crate) fn joined_nearer(whole: usize, a: usize, b: usize) -> bool {
    let d = whole.abs_diff(a + b);
    d < whole.abs_diff(a) && d < whole.abs_diff(b)
}

/// How much better the alignment with joined pairs first must score to be kept.
const JOINED_BETTER: f32 = 0.05;

/// One greedy alignment: by similarity, with `joined_first` joined pairs
/// before all others.
#[allow(clippy::too_many_arguments)]
fn align_once(
    q: &QForm,
    l: &[LInfo],
    listed: NameClass,
    vessel: bool,
    cands: &mut [Pair],
    unknown_weight: f32,
    keep_detail: bool,
    joined_first: bool,
) -> NameScore {
    let n = q.toks.len();
    let m = l.len();
    let multi = |p: &Pair| joined_first && whole_joined(q, l, p);
    cands.sort_by(|a, b| {
        multi(b)
            .cmp(&multi(a))
            .then(b.sim.total_cmp(&a.sim))
            .then(b.weight.total_cmp(&a.weight))
            .then(a.qi.cmp(&b.qi))
            .then(a.lj.cmp(&b.lj))
    });
    let mut q_used = [false; 64];
    let mut l_used = [false; 64];
    let mut pairs = Vec::new();
    // where each side's lineage starts (`X bin Y`: Y and after are
    // forebears), when both names read "given name bin forebear": the
    // particle not first ("BIN LADIN, Osama" is surname first), the first
    // token not an article ("AL BEN ALI, Isa" is a family name) nor written
    // as the family name (`MABROUK Mohamed Ben Ali`)
    let q_line = q
        .toks
        .iter()
        .position(|t| is_lineage(&t.text))
        .filter(|&b| {
            b > 0 && q.toks.first().is_some_and(|t| !is_article(&t.text)) && !has_bit(q.family, 0)
        });
    let l_line = l
        .iter()
        .position(|t| t.lineage)
        .filter(|&b| b > 0 && l.first().is_some_and(|t| !t.article && !t.family));
    let (mut q_given_is_forebear, mut l_given_is_forebear) = (false, false);
    let (mut num, mut matched, mut listed_matched) = (0.0f32, 0.0f32, 0.0f32);
    // query initials met: (query position, listed position, similarity,
    // mass); pairs beyond the 64th token are skipped below
    let mut initials = [(0usize, 0usize, 0.0f32, 0.0f32); 64];
    let mut n_initials = 0;
    // the pairs taken, and the first one (see `ONE_WORD_NEAR`)
    let (mut n_pairs, mut first_pair, mut cut_short) = (0usize, None, false);
    // where the listed tokens that the query's cut last word begins end
    let mut cut_end = usize::MAX;
    let mut roles = [false; 4];
    let (mut family_near, mut family_far) = (false, false);
    for p in cands.iter() {
        let qr = p.qi..p.qi + p.qn;
        let lr = p.lj..p.lj + p.ln;
        if qr.end > 64 || lr.end > 64 {
            continue;
        }
        if qr.clone().any(|i| q_used[i]) || lr.clone().any(|j| l_used[j]) {
            continue;
        }
        for i in qr.clone() {
            q_used[i] = true;
        }
        for j in lr.clone() {
            l_used[j] = true;
        }
        n_pairs += 1;
        first_pair.get_or_insert((p.kind, p.qi, p.lj));
        // which roles the pair joins: [given-given, given-family,
        // family-given, family-family] (query's role first)
        let qf = qr.clone().any(|i| has_bit(q.family, i));
        let lf = lr.clone().any(|j| l.get(j).is_some_and(|t| t.family));
        roles[usize::from(qf) * 2 + usize::from(lf)] = true;
        if qf && lf {
            family_near |= !p.far;
            family_far |= p.far;
        }
        if p.kind == MatchKind::Prefix && q.toks.get(p.qi).is_some_and(|t| t.last) {
            cut_short = true;
            // one letter short is a spelling as often (`Mohammad` /
            // `Mohammadi`, `Group` / `Groupe`)
            let listed_len = l.get(p.lj).map_or(0, |t| usize::from(t.len));
            if cut_lost_letters(q.toks.get(p.qi).map_or(0, |t| t.len), listed_len) {
                cut_end = lr.end;
            }
        }
        if let (Some(qb), Some(lb)) = (q_line, l_line) {
            // each side's own given names (before its particle) meet the
            // other's forebears
            q_given_is_forebear |= p.qi < qb && p.lj > lb;
            l_given_is_forebear |= p.lj < lb && p.qi > qb;
        }
        let truncated = p.kind == MatchKind::Initial
            && p.qn == 1
            && q.trunc
            && q.toks.get(p.qi).is_some_and(|t| t.last)
            && l.get(p.lj).is_some_and(|t| !t.initial);
        let qw: f32 = qr
            .clone()
            .filter_map(|i| q.toks.get(i))
            .map(|t| {
                if truncated {
                    t.weight.min(INITIAL_WEIGHT)
                } else {
                    t.weight
                }
            })
            .sum();
        let lw: f32 = lr.clone().filter_map(|j| l.get(j)).map(LInfo::w).sum();
        let sim = if p.kind == MatchKind::Prefix {
            prefix_pair_sim(q, p, l)
        } else {
            p.sim
        };
        let listed_initial = p.kind == MatchKind::Initial
            && l.get(p.lj).is_some_and(|t| t.initial)
            && q.toks.get(p.qi).is_some_and(|t| t.len > 1);
        let query_initial = p.kind == MatchKind::Initial
            && listed != NameClass::Organization
            && p.qn == 1
            && (truncated || q.toks.get(p.qi).is_some_and(|t| t.len == 1))
            && l.get(p.lj).is_some_and(|t| !t.initial);
        let credit = if listed_initial {
            // a listed initial vouches for one letter of a full query token
            p.sim * (qw.min(INITIAL_WEIGHT) + lw)
        } else if query_initial {
            // and a query initial (or a last token cut to its first letters)
            // for one letter of a full listed token: an initial agrees or
            // not, it is no near miss to squash (`S. K. Shoigu` is SHOIGU,
            // Sergei Kuzhugetovich); not in a company's
            // name, where single letters are mostly a legal form's (`S.C.`,
            // `C.V.`) or an initialism's. Credited below, once the order of
            // all the initials is known.
            if let Some(slot) = initials.get_mut(n_initials) {
                *slot = (p.qi, p.lj, p.sim, qw + lw);
                n_initials += 1;
            }
            0.0
        } else if matches!(p.kind, MatchKind::Exact) {
            qw + lw
        } else if p.kind == MatchKind::Prefix && q.long {
            // a long name cut at a field limit: the letters written agree
            sim * (qw + lw)
        } else {
            // partial agreement is squashed, so that several near misses do
            // not add up to a match
            (sim - PARTIAL_PENALTY * (1.0 - sim)).max(0.0) * (qw + lw)
        };
        num += credit;
        matched += qw + lw;
        listed_matched += lw;
        if keep_detail {
            pairs.push(Pair {
                weight: qw + lw,
                sim,
                ..p.clone()
            });
        }
    }
    // initials written in another order than the listed names they meet
    // (`S. K.` for Kseniya Sergeyevna) are near misses, squashed as such
    let initials = &mut initials[..n_initials];
    initials.sort_by_key(|x| x.0);
    let in_order = initials.windows(2).all(|w| w[0].1 < w[1].1);
    for &(_, _, sim, mass) in initials.iter() {
        num += if in_order {
            sim * mass
        } else {
            credit_factor(sim) * mass
        };
    }
    let mut uq = [0.0f32; 64];
    let mut nuq = 0;
    for (i, t) in q.toks.iter().enumerate().take(n.min(64)) {
        if !q_used[i] && !t.free_against(listed, vessel) {
            uq[nuq] = t.weight;
            nuq += 1;
        }
    }
    let mut ul = [(0.0f32, false); 64];
    let mut nul = 0;
    // a long query cut at a field limit inside a word lost what followed
    // it (`JOINT STOCK COMPANY VAKU` for `… VAKUUM.RU`): not left out
    let lost_from = if q.lost_tail { cut_end } else { usize::MAX };
    for (j, t) in l.iter().enumerate().take(m.min(64)) {
        if !l_used[j] && j < lost_from {
            ul[nul] = (t.w(), t.patronymic);
            nul += 1;
        }
    }
    // two different initials left on both sides (`William G. Frost` /
    // `William W. Frost`): different middle names, heavier than the
    // initials' own weight
    let q_initials = (0..n.min(64))
        .filter(|&i| {
            !q_used[i]
                && q.toks.get(i).is_some_and(|t| {
                    t.len == 1
                        && t.optional.is_none()
                        && t.text.bytes().all(|b| b.is_ascii_alphabetic())
                })
        })
        .count();
    let l_initials = (0..m.min(64))
        .filter(|&j| {
            !l_used[j]
                && l.get(j)
                    .is_some_and(|t| t.initial && t.first.is_ascii_alphabetic())
        })
        .count();
    let initials_conflict = q_initials.min(l_initials) as f32 * INITIALS_CONFLICT;
    let uq = &mut uq[..nuq];
    let ul = &mut ul[..nul];
    uq.sort_by(|a, b| b.total_cmp(a));
    // patronymics last: they are the first to be surplus
    ul.sort_by(|a, b| a.1.cmp(&b.1).then(b.0.total_cmp(&a.0)));
    let k = uq.len().min(ul.len());
    let conflict: f32 =
        uq.iter().take(k).sum::<f32>() + ul.iter().take(k).map(|x| x.0).sum::<f32>();
    let surplus: f32 = uq.iter().skip(k).sum::<f32>()
        + ul.iter()
            .skip(k)
            .map(|&(w, p)| {
                if p {
                    w * PATRONYMIC_SURPLUS / SURPLUS
                } else {
                    w
                }
            })
            .sum::<f32>();
    let den = matched + CONFLICT * (conflict + initials_conflict) + SURPLUS * surplus;
    let raw = if den > 0.0 { num / den } else { 0.0 };
    let low_info = low_information_factor(listed_matched, unknown_weight);
    let (unmatched_q, unmatched_l) = if keep_detail {
        (
            (0..n.min(64)).filter(|&i| !q_used[i]).collect(),
            (0..m.min(64)).filter(|&j| !l_used[j]).collect(),
        )
    } else {
        (Vec::new(), Vec::new())
    };
    let lineage_swapped = q_given_is_forebear && l_given_is_forebear;
    let swap = if lineage_swapped { LINEAGE_SWAP } else { 1.0 };
    // a one-word name met only by a near miss of a short word (`Kim` for
    // the alias `Kimo`, by sound or as a cut), or by sound with two letters
    // more or fewer (`Muhammad` for the alias `Mahmud`: the same
    // consonants): with nothing else to agree, that is another word as often
    let one_word_near = n_pairs == 1
        && n == 1
        && m == 1
        && first_pair.is_some_and(|(kind, qi, lj)| {
            let (Some(qt), Some(lt)) = (q.toks.get(qi), l.get(lj)) else {
                return false;
            };
            let near = !matches!(
                kind,
                MatchKind::Exact | MatchKind::Transliterated | MatchKind::Spelling
            );
            // (not a word cut at the end of a long name: `LIMITED
            // LIABILITY COMPANY KOSM`, its legal form written out)
            near && qt.len <= SHORT_TOKEN && !(kind == MatchKind::Prefix && q.long)
                || kind == MatchKind::Phonetic
                    && qt.len.abs_diff(lt.len.into()) >= PHONETIC_LENGTH_GAP
        });
    let cut = if one_word_near { ONE_WORD_NEAR } else { 1.0 };
    // a vessel's hull number is often left out (the labelled pairs call
    // `Victory` the listed `Victory 3`; UN and OFAC list `DONG FENG 6`, a
    // port report writes `DONG FENG`); two different numbers still never meet
    let qualified = if listed == NameClass::Organization && !vessel {
        one_sided_qualifier(q, l, &q_used[..n.min(64)], &l_used[..m.min(64)], cut_short)
    } else {
        1.0
    };
    let brand_missing = if listed == NameClass::Organization {
        distinctive_word_missing(l, &l_used[..m.min(64)], cut_short || q.long)
    } else if (0..m.min(64)).any(|j| l_used[j])
        && (0..m.min(64)).all(|j| !l_used[j] || l.get(j).is_some_and(|t| t.patronymic))
    {
        // a person's name met only in its patronymic or a forebear's name
        // (`Fedorovich` for Viktor Fedorovich YANUKOVICH): a father's name
        // is many people's
        (0..m.min(64))
            .filter(|&j| !l_used[j])
            .filter_map(|j| l.get(j).map(|t| (j, t)))
            .filter(|(_, t)| t.len >= 3 && !t.patronymic)
            .max_by(|a, b| a.1.w().total_cmp(&b.1.w()))
            .map(|(j, _)| j..j + 1)
    } else {
        None
    };
    // a person's name met only in the query's given names, while the
    // family name it writes in capitals (`Muhammad Qasim ABDOLLAHI`) meets
    // nothing: another family's Muhammad Qasim
    // (when the listed name marks its own family name so too: a query's
    // word in capitals beside a listed name that marks none is as often a
    // word the list left out)
    let both_marked = listed == NameClass::Person && q.family != 0 && l.iter().any(|t| t.family);
    let family_missing = both_marked
        && (0..n.min(64)).any(|i| q_used[i])
        && (0..n.min(64)).all(|i| !q_used[i] || !has_bit(q.family, i));
    // both names mark their family names, and each one's family name
    // meets only the other's given names (`Mansour ABDULLAH` / `Abdallah
    // MANSOUR`): two people whose names share words in other roles
    let family_crossed = both_marked && roles == [roles[0], true, true, false];
    // both names mark their family names, and they meet only two letters
    // or more apart (`Morteza SAFAROV` / `Morteza SAFARI`, `TOKAREV` /
    // `TSAREV`): a typo changes one letter; another family's name is
    // spelt near (never with `family_missing`, which no family-to-family
    // pair leaves, nor with `family_crossed`, which needs none)
    let family_apart = both_marked && family_far && !family_near;
    let family = if family_missing {
        FAMILY_MISSING
    } else if family_apart {
        FAMILY_APART
    } else if family_crossed {
        FAMILY_CROSSED
    } else {
        1.0
    };
    let brand = if brand_missing.is_some() {
        BRAND_MISSING
    } else {
        1.0
    };
    NameScore {
        score: (raw * low_info * swap * cut * qualified * brand * family).clamp(0.0, 1.0),
        pairs,
        unmatched_q,
        unmatched_l,
        low_info,
        lineage_swapped,
        qualifier_one_sided: qualified < 1.0,
        one_word_near,
        brand_missing,
        family_missing,
        family_crossed,
        family_apart,
    }
}

/// Bit `i` set for each token `i` (of the first 64) that the name as
/// written marks as its family name (`family`, read by
/// [`interdict_text::family_tokens`]), articles and lineage particles left
/// out (`AL-SHAYKH` is `shaykh`); for the reading as written only (a form
/// of another `scheme` marks none).
pub(crate) fn family_mask<'a>(
    scheme: Option<&str>,
    tokens: impl Iterator<Item = &'a str>,
    family: Option<&[String]>,
) -> u64 {
    let (None, Some(family)) = (scheme, family) else {
        return 0;
    };
    let mut mask = 0u64;
    for (i, t) in tokens.enumerate().take(64) {
        if !is_article(t) && !is_lineage(t) && family.iter().any(|f| f == t) {
            mask |= 1 << i;
        }
    }
    mask
}

/// Whether bit `i` of a token mask ([`QForm::family`], [`family_mask`])
/// is set.
#[inline]
pub(crate) fn has_bit(mask: u64, i: usize) -> bool {
    i < 64 && mask & (1 << i) != 0
}

/// What is kept of the score of a person's name met only in the query's
/// given names, its family name (written in capitals) left out (see
/// [`QForm::mark_family`]): below the threshold for names that agree
/// otherwise.
pub(crate) const FAMILY_MISSING: f32 = 0.85;

/// What is kept of the score of a person's name when both names mark their
/// family names and these meet only two letters or more apart.
pub(crate) const FAMILY_APART: f32 = 0.9;

/// What is kept of the score of a person's name when both names mark their
/// family names (in capitals beside given names, see
/// [`interdict_text::family_tokens`]) and each one's family name meets only
/// given names of the other, none meeting the other's family name
/// (`Mansour ABDULLAH` / `Abdallah MANSOUR`, `MOHSENI-EJEI Reza` /
/// `REZA'I, Mohsen`). Milder than [`FAMILY_MISSING`]: writers do not all
/// follow the convention (the labelled `NURISTANI, Abdul Aziz` / `ABDUL
/// AZIZ Aziz Nooristani`, given names in capitals), so a name that agrees
/// in all else stays above the threshold.
pub(crate) const FAMILY_CROSSED: f32 = 0.9;

/// What is kept of the score of an organization's name whose most
/// distinctive word (its brand: `BELKAZTRANS` in `BELKAZTRANS UKRAINE`,
/// `RAAHBAR` in `RAAHBAR COMPUTER RESOURCES MANAGEMENT`) the query does not
/// meet at all, though it meets less distinctive ones: the same trade
/// words, another company as often. Below the threshold for names that
/// agree otherwise.
pub(crate) const BRAND_MISSING: f32 = 0.85;

/// The positions of the listed organization's rarest word of three letters
/// or more (not a series number or country, see [`Qualifier`]) when it is
/// left unmatched while the query meets other, commoner words of the name,
/// or only its series number or country; or of the code of letters and
/// digits that opens the name, left unmatched so. `cut`: the query may
/// have been cut at a field limit, so a word after the last one met was
/// cut off, not left out.
fn distinctive_word_missing(l: &[LInfo], l_used: &[bool], cut: bool) -> Option<Range<usize>> {
    let mut rarest: Option<(usize, f32)> = None;
    let mut matched_max = 0.0f32;
    let mut any_matched = false;
    for (j, (t, &used)) in l.iter().zip(l_used).enumerate() {
        if used {
            any_matched = true;
            // a country or number met after the brand says nothing of
            // which company (`UKRAINE` for `VTB BANK (UKRAINE)`); first or
            // after `of` it is a word of the name (`OMAN FUEL TRADING`)
            let of = j > 0 && l.get(j - 1).is_some_and(|p| p.qualifier == Qualifier::Of);
            if t.qualifier == Qualifier::None || j == 0 || of {
                matched_max = matched_max.max(t.w());
            }
        } else if t.len >= 3
            && t.qualifier == Qualifier::None
            && !t.patronymic
            && rarest.is_none_or(|(_, w)| t.w() > w)
        {
            rarest = Some((j, t.w()));
        }
    }
    let last_used = l_used.iter().rposition(|&u| u).unwrap_or(0);
    // a code of letters and digits that opens the name (`S 7 ENGINEERING`,
    // `V.R. FRUIT COMPANY`, `A THREE ENERGY`, `5 ENERGY`) is its brand,
    // though a letter alone is common (it weighs as an initial): single
    // letters and digits always, a code of two letters when rarer than the
    // words met (not `PO URALENERGOMONTAZH`, `RG IMMOPROJEKT`)
    let code = l.iter().take_while(|t| t.len <= 2 && !t.article).count();
    let letters: usize = l.iter().take(code).map(|t| usize::from(t.len)).sum();
    let digit = l.iter().take(code).any(|t| t.first.is_ascii_digit());
    let singles = l.iter().take(code).all(|t| t.len == 1);
    let code_w: f32 = l.iter().take(code).map(LInfo::w).sum();
    if (letters >= 2 || digit)
        && code < l.len()
        && (singles || code_w > matched_max)
        && any_matched
        && !l_used.iter().take(code).any(|&u| u)
    {
        return Some(0..code);
    }
    rarest
        .filter(|&(j, w)| any_matched && w > matched_max && !(cut && j > last_used))
        .map(|(j, _)| j..j + 1)
}

/// What is kept of a name score when the query's legal form and the listed
/// name's make different kinds of company (`Deutsche Bank AG` / `Deutsche
/// Bank GmbH`, `ANO …` / `LLC …`): one brand, other companies. Below the
/// threshold for names that agree otherwise, shown below it for an analyst
/// who looks further (a company that changed its form keeps its name).
pub(crate) const LEGAL_FORM_CONFLICT: f32 = 0.78;

/// [`LEGAL_FORM_CONFLICT`] when both legal forms say a kind of company and
/// the kinds differ, else 1.
#[inline]
pub(crate) fn legal_factor(q: Option<LegalKind>, l: Option<LegalKind>) -> f32 {
    match (q, l) {
        (Some(a), Some(b)) if a != b => LEGAL_FORM_CONFLICT,
        _ => 1.0,
    }
}

/// [`QUALIFIER_ONE_SIDED`] when an organization's name ends in a
/// [`Qualifier`] left unmatched (not its first token, not after `of`) of a
/// kind the other name has none of; else 1. Only at the end: a series
/// number or a country inside a name (`State Organization for Taiwan
/// Minerals`) is a word of it. `cut` says the query's last token met as a
/// truncation: what followed in the listed name was cut off, not left out.
fn one_sided_qualifier(q: &QForm, l: &[LInfo], q_used: &[bool], l_used: &[bool], cut: bool) -> f32 {
    let q_kind = |i: usize| q.toks.get(i).map_or(Qualifier::None, |t| t.qualifier);
    let l_kind = |j: usize| l.get(j).map_or(Qualifier::None, |t| t.qualifier);
    let qualifies = |k: Qualifier| matches!(k, Qualifier::Series | Qualifier::Country);
    // where each name's closing run of qualifiers starts (`… II Denmark`)
    let q_tail = (0..q_used.len())
        .rev()
        .find(|&i| !qualifies(q_kind(i)))
        .map_or(0, |i| i + 1)
        .max(1);
    let l_tail = (0..l_used.len())
        .rev()
        .find(|&j| !qualifies(l_kind(j)))
        .map_or(0, |j| j + 1)
        .max(1);
    // a query cut at a field limit may have lost what followed the last
    // listed token it meets, not what came before
    let l_end = if cut || q.long {
        l_used.iter().rposition(|&u| u).unwrap_or(0)
    } else {
        l_used.len()
    };
    // a lone `v` or `x` is no series number by itself, but beside one
    // (`Partners IV` / `Partners V`) it is read as one
    let q_lone = (0..q_used.len()).any(|i| {
        q.toks
            .get(i)
            .is_some_and(|t| t.text == "v" || t.text == "x")
    });
    let l_lone = l
        .iter()
        .take(l_used.len())
        .any(|t| t.len == 1 && matches!(t.first, b'v' | b'x'));
    for kind in [Qualifier::Series, Qualifier::Country] {
        let q_has =
            (0..q_used.len()).any(|i| q_kind(i) == kind) || (kind == Qualifier::Series && q_lone);
        let l_has =
            (0..l_used.len()).any(|j| l_kind(j) == kind) || (kind == Qualifier::Series && l_lone);
        let q_left = (q_tail..q_used.len())
            .any(|i| !q_used[i] && q_kind(i) == kind && q_kind(i - 1) != Qualifier::Of)
            // a one-word listed name (`PLA`) is met by the query's word
            // with the country it works in after it (`PLA China`)
            && (kind == Qualifier::Series || l.len() > 1);
        let l_left = (l_tail..l_end)
            .any(|j| !l_used[j] && l_kind(j) == kind && l_kind(j - 1) != Qualifier::Of);
        if (q_left && !l_has) || (l_left && !q_has) {
            return QUALIFIER_ONE_SIDED;
        }
    }
    1.0
}

/// What is kept of the score of a one-word name met only by a near miss of
/// a word of four letters or fewer (see `align_once`): below the default
/// threshold.
pub(crate) const ONE_WORD_NEAR: f32 = 0.85;

/// A name that agrees only on common tokens ("Kim", "Mohammad") is weak
/// evidence: the score shrinks when the rarity of what matched is low.
pub(crate) fn low_information_factor(listed_matched: f32, unknown_weight: f32) -> f32 {
    let need = 0.55 * unknown_weight;
    if listed_matched >= need || need <= 0.0 {
        1.0
    } else {
        (listed_matched / need).max(0.0).sqrt()
    }
}

/// Whether `q` is the surname whose letters begin the patronymic `l`
/// (`Ivanov` / `Ivanovich`, `Petrov` / `Petrovna`): more likely a whole
/// name than the patronymic cut short (`Dmitry Ivanov` is not `SAVELYEV,
/// Dmitry Ivanovich`), though a cut may fall there (`LOOR Ivan Ivanov`).
fn surname_of_patronymic(q: &str, l: &str) -> bool {
    (q.ends_with("ov") || q.ends_with("ev")) && is_patronymic(l)
}

/// How much of its prefix similarity a surname keeps against the
/// patronymic its letters begin (see [`surname_of_patronymic`]).
const SURNAME_FOR_PATRONYMIC: f32 = 0.8;

/// Whether a token looks like an East Slavic patronymic.
pub(crate) fn is_patronymic(t: &str) -> bool {
    t.len() >= 7
        && [
            "ovich", "evich", "ovych", "evych", "ovna", "evna", "ichna", "ogly", "kyzy", "ich",
        ]
        .iter()
        .any(|s| t.ends_with(s))
}

/// The share of a pair's weight credited at this similarity (exact: 1;
/// partial agreement squashed, as in the alignment).
pub(crate) fn credit_factor(sim: f32) -> f32 {
    if sim >= 1.0 {
        1.0
    } else {
        (sim - PARTIAL_PENALTY * (1.0 - sim)).max(0.0)
    }
}

/// Upper bound of the score of any record whose credited mass is at most
/// `u`, for a query form of total weight `q_total`: the record's own weight
/// only adds to the denominator (its unmatched part counts at least
/// [`SURPLUS`], patronymics at least [`PATRONYMIC_SURPLUS`]).
pub(crate) fn loose_bound(u: f32, q_total: f32) -> f32 {
    if u <= 0.0 {
        return 0.0;
    }
    let rest = SURPLUS * (q_total - u).max(0.0);
    u / (u + rest)
}

/// Upper bound of [`score_tokens`] given an upper bound of the matched
/// mass, the total weight of both names and the weight of the listed
/// patronymics (which weigh less when unmatched).
pub(crate) fn score_bound(matched_upper: f32, total: f32, patronymic: f32) -> f32 {
    let u = matched_upper.min(total).max(0.0);
    if u <= 0.0 {
        return 0.0;
    }
    let rest = (SURPLUS * (total - u) - (SURPLUS - PATRONYMIC_SURPLUS) * patronymic).max(0.0);
    u / (u + rest)
}

/// Two tokens that are the same letters romanized otherwise (same
/// [`interdict_text::spelling_key`]: Sergei/Sergey, Qadhafi/Kadhafi,
/// Hwa/Хва read `hva`) meet at [`SPELLING_SIM`]; else two tokens with the
/// same phonetic key by [`phonetic_similarity`].
fn sound_match(probe: &Probe<'_>, listed: &Listed<'_>) -> Option<(f32, MatchKind)> {
    // an Arabic article sounds like a name (`al` / `Ali`, `el` / `Eli`) but
    // is none: it meets only an article
    if is_article(probe.text) != is_article(listed.text) {
        return None;
    }
    if probe.spelt_alike(listed) {
        Some((SPELLING_SIM, MatchKind::Spelling))
    } else if !probe.phon.is_empty()
        && probe.phon == listed.phon
        && phonetic_lengths_close(probe.text.len(), listed.text.len())
    {
        if probe.text.len().min(listed.text.len()) >= 4 && probe.same_consonants(listed.text) {
            Some((ROMANIZED_SIM, MatchKind::Spelling))
        } else {
            let apart = if other_syllable(probe.text, listed.text) {
                OTHER_SYLLABLE
            } else {
                1.0
            };
            Some((
                phonetic_similarity(probe.text.as_bytes(), listed.text.as_bytes()) * apart,
                MatchKind::Phonetic,
            ))
        }
    } else {
        None
    }
}

/// The schemes of the letter-by-letter readings of the Arabic and Hebrew
/// scripts (see [`interdict_text::name_forms`]), which leave short vowels
/// unwritten.
const ABJAD_SCHEMES: [&str; 2] = ["ar", "he"];

/// The better of two similarities (the first on a tie).
fn better(a: TokSim, b: TokSim) -> TokSim {
    match (a, b) {
        (Some(x), Some(y)) if y.0 > x.0 => b,
        (None, _) => b,
        _ => a,
    }
}

/// A token read letter by letter from the Arabic (or Hebrew) script meets a Latin one
/// whose letters it holds in order, but for single vowels (and `h`) the
/// script does not write (short vowels), and letters it has no sign for,
/// written with its nearest (`p`/`b`, `v`/`f`, `o`/`u`, `e`/`y`/`i`, `s`/`z`):
/// `butn` (بوتن) is `Putin`, `frnandu` (فرناندو) `Fernando`. The token must
/// hold a long vowel: foreign names are written with them, while `mhmd`
/// (محمد) could be Muhammad or Mahmud. Such a pair has the
/// same phonetic key and meets at [`SPELLING_SIM`], as two romanizations
/// would; the phonetic similarity, scaled by how alike the letters are,
/// would hold the missing vowels against it.
pub(crate) fn abjad_sim(q: &str, qphon: &str, l: &str, lphon: &str) -> TokSim {
    if q.len() < 3 || qphon.is_empty() || qphon != lphon || !l.is_ascii() {
        return None;
    }
    let fold = |c: u8| match c {
        b'p' => b'b',
        b'v' => b'f',
        b'o' => b'u',
        b'e' | b'y' => b'i',
        b'z' => b's',
        c => c,
    };
    let vowel = |c: u8| matches!(c, b'a' | b'i' | b'u');
    // a name of consonants only (محمد read `mhmd`) is an Arabic name whose
    // short vowels the common-spellings reading knows; it may be Muhammad
    // or Mahmud: only a token with a long vowel written is read this way
    if !q.bytes().map(fold).any(vowel) {
        return None;
    }
    // a vowel skipped, but never two in a row: a long vowel (`ou`, `ee`)
    // is written in the Arabic script
    let lb: Vec<u8> = l.bytes().map(fold).collect();
    let mut j = 0;
    let mut run = 0;
    let skip = |c: u8, run: &mut usize| -> bool {
        if c == b'h' {
            return true;
        }
        *run += 1;
        vowel(c) && *run < 2
    };
    for qc in q.bytes().map(fold) {
        loop {
            let &c = lb.get(j)?;
            j += 1;
            if c == qc {
                run = 0;
                break;
            }
            if !skip(c, &mut run) {
                return None;
            }
        }
    }
    let rest = lb.get(j..).unwrap_or(&[]);
    rest.iter()
        .all(|&c| skip(c, &mut run))
        .then_some((SPELLING_SIM, MatchKind::Spelling))
}

/// A query token with what its comparisons with many listed tokens share,
/// read once: its spelling key, its OCR readings, its nickname groups.
pub(crate) struct Probe<'a> {
    pub text: &'a str,
    pub phon: &'a str,
    spelling: SpellingProbe,
    /// The index's spelling id of this token's key, when the token is
    /// compared with vocab entries: `Some(None)` when no entry has the key.
    spelling_id: Option<Option<u32>>,
    ocr: Vec<String>,
    nicknames: u128,
    /// Prepared for edit distances, at the first one.
    osa: std::cell::OnceCell<OsaPattern<'a>>,
    /// Its consonant key ([`interdict_text::same_consonants`]), at the first
    /// comparison.
    consonants: std::cell::OnceCell<Option<interdict_text::ConsonantKey>>,
    /// A word many listed names hold ([`Index::is_common`]).
    common: bool,
}

/// A listed token as a [`Probe`] meets it: its letters, its phonetic key
/// and, for a vocab entry, its spelling id ([`Index::vocab_spelling`]).
pub(crate) struct Listed<'a> {
    pub text: &'a str,
    pub phon: &'a str,
    pub spelling: Option<u32>,
    /// A word many listed names hold ([`Index::is_common`]).
    pub common: bool,
}

impl<'a> Listed<'a> {
    /// The listed token as a word many listed names hold, or not (see
    /// [`names_apart`]).
    pub fn common(mut self, common: bool) -> Listed<'a> {
        self.common = common;
        self
    }

    /// A token known by its letters and phonetic key only.
    pub fn new(text: &'a str, phon: &'a str) -> Listed<'a> {
        Listed {
            text,
            phon,
            spelling: None,
            common: false,
        }
    }
}

impl<'a> Probe<'a> {
    /// The probe of query token `t` looked up in an index where its
    /// spelling key has this id ([`Index::spelling_id`]).
    pub(crate) fn for_lookup(t: &'a QTok, spelling_id: Option<u32>) -> Probe<'a> {
        Probe::new(&t.text, &t.phon)
            .indexed(spelling_id)
            .common(t.common)
    }

    pub fn new(text: &'a str, phon: &'a str) -> Probe<'a> {
        Probe {
            text,
            phon,
            spelling: SpellingProbe::new(text),
            spelling_id: None,
            ocr: ocr_variants(text),
            nicknames: nickname_groups(text),
            osa: std::cell::OnceCell::new(),
            consonants: std::cell::OnceCell::new(),
            common: false,
        }
    }

    /// [`interdict_text::same_consonants`] of the probe and `l`.
    fn same_consonants(&self, l: &str) -> bool {
        self.consonants
            .get_or_init(|| interdict_text::ConsonantKey::new(self.text))
            .as_ref()
            .is_some_and(|k| k.same_as(l))
    }

    /// The probe of a word many listed names hold (see [`names_apart`]).
    pub fn common(mut self, common: bool) -> Probe<'a> {
        self.common = common;
        self
    }

    /// The edit distance to `l` when at most `max` ([`osa_distance`]).
    fn osa(&self, l: &[u8], max: usize) -> Option<usize> {
        self.osa
            .get_or_init(|| OsaPattern::new(self.text.as_bytes()))
            .distance(l, max)
    }

    /// The probe of a token looked up in an index, with the spelling id of
    /// its key there ([`Index::spelling_id`]): spellings then compare by id.
    pub fn indexed(mut self, spelling_id: Option<u32>) -> Probe<'a> {
        if !is_lineage(self.text) {
            self.spelling_id = Some(spelling_id);
        }
        self
    }

    /// Whether the listed token has this token's spelling key (see
    /// [`interdict_text::same_spelling`]): by the ids when both are known
    /// (a lineage particle's letters decide, so it has none), else by the
    /// letters.
    pub(crate) fn spelt_alike(&self, l: &Listed<'_>) -> bool {
        match (self.spelling_id, l.spelling) {
            (Some(q), Some(id)) if id != NO_SPELLING => q == Some(id),
            _ => self.spelling.same_as(l.text),
        }
    }

    /// Whether one token is the other misread by OCR (`Ahrnad` / `Ahmad`,
    /// `AL1` / `ALI`; see [`interdict_text::ocr_variants`]).
    fn ocr_misread(&self, l: &str) -> bool {
        // (a misreading is never shorter than what was written: `l`'s
        // readings are no longer than `l`)
        self.ocr.iter().any(|v| v == l)
            || (l.len() >= self.text.len()
                && l.len() >= LISTED_MISREAD_MIN
                && may_be_misread(l)
                && ocr_variants(l).iter().any(|v| v == self.text))
    }

    /// Whether `l` is another form of this given name
    /// ([`interdict_text::is_nickname`]).
    fn is_nickname(&self, l: &str) -> bool {
        self.nicknames != 0 && self.text != l && self.nicknames & nickname_groups(l) != 0
    }
}

/// What a near miss keeps of its similarity when both tokens are words
/// many listed names hold and one consonant tells them apart (`Samir` /
/// `Sahir`, `Nasir` / `Nasim`): two names, each common, not a typo of one
/// another. A typo rarely makes another common name.
const OTHER_NAME: f32 = 0.9;

/// What a near miss or a phonetic match keeps of its similarity when the
/// two tokens are two different Korean syllables
/// ([`interdict_text::korean_syllables_apart`]).
const OTHER_SYLLABLE: f32 = 0.8;

/// Whether two tokens are two Korean syllables
/// ([`interdict_text::korean_syllables_apart`]) whose consonants differ
/// (`Hong` / `Chong`, `Myong` / `Pyong`, `Chol` / `Choe`, `Chul` / `Chun`).
/// A vowel heard otherwise (`Bom` / `Bum`, `Ko` / `Ku`) is left to the
/// similarity alone: the popular spellings blur vowels far more than
/// consonants.
fn other_syllable(q: &str, l: &str) -> bool {
    // a word of more than six letters is read as no syllable
    // (`korean_syllables_apart`): most pairs stop here
    if q.len() > 6 || l.len() > 6 {
        return false;
    }
    let consonant = |b: &u8| !matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'w' | b'y');
    !q.bytes().filter(consonant).eq(l.bytes().filter(consonant)) && korean_syllables_apart(q, l)
}

/// What is kept of the similarity of two tokens `d` edits apart (a near
/// miss): [`OTHER_SYLLABLE`] for two Korean syllables ([`other_syllable`]);
/// [`OTHER_NAME`] when both tokens are common words ([`Probe::common`],
/// [`Listed::common`]) two edits apart (`Mamoun` / `Mahmoud`), or of one
/// length that differ in one letter, a consonant on both sides, or one is
/// the other with a consonant before it (`Amir` / `Samir`); or when the
/// query's token is a common word and the
/// listed one is not (`Iran` / `MIRAN`, `Omid` / `KOMID`, `Bashir` /
/// `BASHKIR`): a typo seldom makes a word many listed names hold, so the
/// query more likely names its own common word; else 1.
fn names_apart(probe: &Probe<'_>, listed: &Listed<'_>, d: usize) -> f32 {
    if other_syllable(probe.text, listed.text) {
        return OTHER_SYLLABLE;
    }
    if probe.common && !listed.common {
        return OTHER_NAME;
    }
    if !(probe.common && listed.common) {
        return 1.0;
    }
    // two edits apart (`Mamoun` / `Mahmoud`): a typo of two letters seldom
    // lands on another word many names hold
    if d >= 2 {
        return OTHER_NAME;
    }
    let (q, l) = (probe.text.as_bytes(), listed.text.as_bytes());
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    // a consonant put before a name (`Amir` / `Samir`, `Adil` / `Hadil`)
    let (short, long) = if q.len() < l.len() { (q, l) } else { (l, q) };
    if long.len() == short.len() + 1 {
        return match long.split_first() {
            Some((&c, rest)) if rest == short && c.is_ascii_alphabetic() && !vowel(c) => OTHER_NAME,
            _ => 1.0,
        };
    }
    if q.len() != l.len() {
        return 1.0;
    }
    let mut diff = q.iter().zip(l).filter(|(a, b)| a != b);
    match (diff.next(), diff.next()) {
        (Some((&a, &b)), None)
            if !vowel(a) && !vowel(b) && a.is_ascii_alphabetic() && b.is_ascii_alphabetic() =>
        {
            OTHER_NAME
        }
        _ => 1.0,
    }
}

/// Similarity of a token and its OCR misreading: a typo's.
const OCR_SIM: f32 = 0.9;

/// Letters a listed word with digits in it has at least to be met by the
/// letters its OCR misreading spells: a short code (`A1`, `1A`) is a code,
/// and `al`, `la` are words of their own (an article, `COMPANY AL`).
pub(crate) const LISTED_MISREAD_MIN: usize = 4;

/// Similarity of a name and its form with a Baltic (or Greek, Latin)
/// nominative ending: a typo's.
const INFLECTED_SIM: f32 = 0.9;

/// Whether one token is the other with a nominative ending added, as
/// Lithuanian and Latvian write foreign names (`Putinas`, `Vladimiras`,
/// `Putins`), and Greek and Latin many given names (`Andreas`, `Marcus`):
/// `as`, `is`, `us`, `ys` or `s` after a stem of four letters or more that
/// does not end in `s`. So is an English plural in `-ies` (`Technologies`
/// / `Technology`, `Industries` / `Industry`; see [`english_plural`]).
fn inflected(q: &str, l: &str) -> bool {
    let (short, long) = if q.len() < l.len() { (q, l) } else { (l, q) };
    short.len() >= 4
        && !short.ends_with('s')
        && (long
            .strip_prefix(short)
            .is_some_and(|end| matches!(end, "as" | "is" | "us" | "ys" | "s"))
            || plural_of(short, long))
}

/// Whether `plural` is [`english_plural`] of `singular`, without building
/// it (asked of every pair of tokens that meets otherwise than exactly).
fn plural_of(singular: &str, plural: &str) -> bool {
    plural_stem(singular).is_some_and(|stem| plural.strip_prefix(stem) == Some("ies"))
}

/// The English plural in `-ies` of a word of four letters or more in `-y`
/// after a consonant (`technology` → `technologies`), which is three edits
/// from it: the lookup asks for it by name.
pub(crate) fn english_plural(word: &str) -> Option<String> {
    plural_stem(word).map(|stem| format!("{stem}ies"))
}

/// What an English plural in `-ies` keeps of a singular of four letters or
/// more in `-y` after a consonant (`technolog`), if it is one.
fn plural_stem(word: &str) -> Option<&str> {
    let stem = word.strip_suffix('y')?;
    let before = stem.bytes().last()?;
    (word.len() >= 4 && !matches!(before, b'a' | b'e' | b'i' | b'o' | b'u')).then_some(stem)
}

/// Similarity of two spellings of one romanized name (`y`/`i`, `q`/`k`,
/// `ou`/`u`, `kh`/`h` …; see [`interdict_text::spelling_key`]).
const SPELLING_SIM: f32 = 0.95;

/// Similarity of two romanizations of one name whose consonants are
/// written otherwise, class by class, vowels alike (`Gaddafi` / `Qadhafi`,
/// `Ghani` / `Qaani`; see [`interdict_text::same_consonants`]): a little
/// below [`SPELLING_SIM`], as the classes are coarser.
const ROMANIZED_SIM: f32 = 0.93;

/// Largest difference in length of two tokens that meet by their phonetic
/// key: the key drops inner vowels, and a token three letters longer or
/// shorter is another name whose consonants happen to agree (`Hill` /
/// `Hilowle`), while transliterations of one name seldom differ by more
/// than two (`Hussein` / `Husayn`).
const PHONETIC_LENGTH_GAP: usize = 2;

/// Whether two tokens are near enough in length to meet by their phonetic
/// key: at most [`PHONETIC_LENGTH_GAP`] apart, and a token of three
/// letters or fewer only one letter from the other (`Din` is not `Diana`,
/// a vowel sound more; `Ali` is `Aly`).
fn phonetic_lengths_close(a: usize, b: usize) -> bool {
    let gap = a.abs_diff(b);
    gap <= PHONETIC_LENGTH_GAP && (gap < 2 || a.min(b) > 3)
}

/// The similarity of two tokens with the same phonetic key. The key is
/// coarse (inner vowels dropped), so the score is scaled by how alike the
/// letters are. Shared by the reference and the fast scorer.
fn phonetic_similarity(qb: &[u8], lb: &[u8]) -> f32 {
    let jw = crate::sim::jaro_winkler(qb, lb) as f32;
    (PHONETIC_BASE + (PHONETIC_MAX - PHONETIC_BASE) * jw).min(PHONETIC_MAX)
}
