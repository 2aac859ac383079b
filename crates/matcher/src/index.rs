//! The candidate index: interned tokens with rarity weights, phonetic keys,
//! deletion neighbourhoods and posting lists from tokens to name records.

use crate::sim::{deletion_depth, for_each_deletion};
use foldhash::HashMap;
use interdict_model::{Entity, IdKind, NameKind, NameQuality, Schema};
use interdict_text::{name_forms, phonetic_key, spelling_key, NameClass};
use rayon::prelude::*;

/// One reading (form) of one listed name.
#[derive(Debug, Clone)]
pub(crate) struct NameRec {
    /// Index of the entity.
    pub entity: u32,
    /// Index of the name in the entity's `names`.
    pub name: u16,
    /// Transliteration scheme of this form, if any.
    pub scheme: Option<&'static str>,
    /// Start of the tokens in `rec_tokens`.
    pub tok_start: u32,
    /// Number of tokens.
    pub tok_len: u16,
    /// Multiplier for the name's quality (weak aliases count less).
    pub factor: f32,
    /// How the name was read (from the entity's schema).
    pub class: NameClass,
    /// A vessel's name: its hull number may be left out (see
    /// [`crate::score::Qualifier`]).
    pub vessel: bool,
    /// Its tokens the name as published writes as the family name (a
    /// person's, read as written; see [`crate::score::family_mask`]).
    pub family: u64,
    /// Hash of its letters without spaces (see [`compact_key`]), 0 when
    /// too short to count.
    pub compact: u64,
    /// The kind of company its legal form makes, if it says one (see
    /// [`interdict_text::legal_kind`]).
    pub legal: Option<interdict_text::LegalKind>,
}

/// What the candidate search bounds a [`NameRec`]'s score by, kept apart
/// from it in a dense array ([`Index::bounds`]): a query reads thousands of
/// them, and 16 bytes each miss the cache less than the whole record.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct RecBound {
    /// Sum of the token weights.
    pub weight: f32,
    /// Weight of its patronymic-looking tokens (they may weigh less when unmatched).
    pub patronymic: f32,
    /// Largest token weight.
    pub max_token: f32,
    /// Whether it has single-letter tokens (initials).
    pub has_initial: bool,
    /// Number of tokens ([`NameRec::tok_len`]).
    pub len: u16,
}

impl RecBound {
    /// What the record's weight adds to the rest of a score's denominator
    /// when none of its tokens is matched (see [`crate::score::score_bound`]:
    /// `rest = SURPLUS·(query total − matched) + excess`): its tokens at
    /// [`SURPLUS`](crate::score::SURPLUS), patronymics at
    /// [`PATRONYMIC_SURPLUS`](crate::score::PATRONYMIC_SURPLUS). Never
    /// negative (patronymics are part of the weight). The heavier, the
    /// higher a record's matched mass must be to reach a floor.
    pub fn excess(&self) -> f32 {
        use crate::score::{PATRONYMIC_SURPLUS, SURPLUS};
        SURPLUS * self.weight - (SURPLUS - PATRONYMIC_SURPLUS) * self.patronymic
    }
}

/// One form of a listed name, before it is interned into a [`NameRec`].
struct ListedForm {
    name: u16,
    scheme: Option<&'static str>,
    factor: f32,
    tokens: Vec<String>,
    legal: Option<interdict_text::LegalKind>,
    /// See [`NameRec::family`].
    family: u64,
}

/// Names this short without spaces are not met by their letters alone.
pub(crate) const COMPACT_MIN: usize = 6;

/// The key of a name's letters written without spaces (`van der bilt`,
/// `vanderbilt`), or 0 for fewer than [`COMPACT_MIN`] letters.
pub(crate) fn compact_key<'a>(tokens: impl Iterator<Item = &'a str> + Clone) -> u64 {
    let len: usize = tokens.clone().map(str::len).sum();
    if len < COMPACT_MIN {
        return 0;
    }
    crate::sim::hash_parts(tokens.map(str::as_bytes)).max(1)
}

/// Bits of the deletion hash that select a bucket of `deletes`.
const BUCKET_BITS: u32 = 16;

/// No joined pair at this position.
pub(crate) const NO_JOIN: u32 = u32::MAX;

/// The rarity weight at or below which a word is one many listed names
/// hold (about ten names or more of the twenty thousand loaded; see
/// `score::names_apart`).
pub(crate) const COMMON_WEIGHT: f32 = 7.5;

/// What the fast scorer needs of a vocab entry without reading its string.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct VInfo {
    /// Rarity weight (as `vocab_weight`, here so that one read brings all).
    pub weight: f32,
    /// Length in bytes (saturated at 255).
    pub len: u8,
    /// First byte.
    pub first: u8,
    /// Whether it looks like a patronymic.
    pub patronymic: bool,
    /// Whether it is an Arabic lineage particle (`bin`, `ibn`, `bint`).
    pub lineage: bool,
    /// Whether it is an Arabic article (`al`, `el`).
    pub article: bool,
    /// See [`crate::score::Qualifier`].
    pub qualifier: crate::score::Qualifier,
}

/// [`Index::vocab_spelling`] of an entry whose spelling is compared by
/// its letters.
pub(crate) const NO_SPELLING: u32 = u32::MAX;

/// The index over a set of entities.
pub(crate) struct Index {
    /// Words an acronym is read as instead (see [`Index::acronym_is_word`]):
    /// those of [`SHORT_ACRONYM`] letters or fewer in listed names, and every
    /// word of a listed person's name.
    pub acronym_words: foldhash::HashSet<Box<str>>,
    pub vocab: Vec<Box<str>>,
    pub vocab_map: HashMap<Box<str>, u32>,
    /// Phonetic key id of each vocab entry.
    pub vocab_phon: Vec<u32>,
    /// Rarity weight of each vocab entry (for a joined pair: the sum of its parts).
    pub vocab_weight: Vec<f32>,
    /// Whether the entry occurs as a real token (not only as a joined pair).
    pub vocab_real: Vec<bool>,
    /// Weight of the entry as a joined pair of two tokens (0 when it is none).
    pub join_weight: Vec<f32>,
    pub phon_keys: Vec<Box<str>>,
    pub phon_map: HashMap<Box<str>, u32>,
    pub phon_off: Vec<u32>,
    pub phon_members: Vec<u32>,
    /// Whether a vocab entry is a word of organizations' names (at least
    /// three names of organizations, vessels or aircraft hold it, and four
    /// times as many as people's names): `trading`, `bank`, not `martinez`.
    pub vocab_org_word: Vec<bool>,
    /// Spelling id of each [`interdict_text::spelling_key`] of a vocab
    /// entry (Hwa and Hva, Sergei and Sergey share one).
    pub spelling: HashMap<Box<str>, u32>,
    /// Real tokens by spelling id, so that a spelling variant is found
    /// whatever its phonetic key.
    pub spelling_members: Vec<Vec<u32>>,
    /// Listed words of [`crate::score::LISTED_MISREAD_MIN`] letters or
    /// more with digits or `rn`, `vv` in them by each reading an OCR
    /// misreading would undo (`k1r1t` under `klrlt` and `kirit`, see
    /// [`interdict_text::ocr_variants`]): a query word so written meets
    /// them, as the scorer compares (the query's own misreadings are read
    /// off the query).
    pub misread_of: HashMap<Box<str>, Vec<u32>>,
    /// Spelling id of each vocab entry ([`NO_SPELLING`] for the lineage
    /// particles, whose letters decide): two tokens are spelt alike when
    /// their ids are equal.
    pub vocab_spelling: Vec<u32>,
    /// Sorted `(hash << 32) | vocab id` of deletion variants.
    pub deletes: Vec<u64>,
    /// Start of each bucket of `deletes` by the top [`BUCKET_BITS`] bits of the hash.
    pub delete_buckets: Vec<u32>,
    /// Length, first byte and patronymic flag of each vocab entry.
    pub vocab_info: Vec<VInfo>,
    /// For each position of `rec_tokens`: the vocab id of that token joined
    /// with the next one of its record ([`NO_JOIN`] for the last token).
    pub rec_joins: Vec<u32>,
    /// Vocab ids sorted by their string, for prefix lookups.
    pub sorted_vocab: Vec<u32>,
    pub post_off: Vec<u32>,
    /// The records of each vocab entry, from `post_off[v]`, ordered by
    /// [`RecBound::excess`] (then record): the candidate search reads the
    /// light ones of a token only ([`Index::postings_upto`]).
    pub post: Vec<u32>,
    /// [`RecBound::excess`] of each record of `post`.
    pub post_excess: Vec<f32>,
    pub recs: Vec<NameRec>,
    /// Each record's [`RecBound`], by record.
    pub bounds: Vec<RecBound>,
    pub rec_tokens: Vec<u32>,
    /// Records of each entity: `entity_recs[e]..entity_recs[e+1]`.
    pub entity_recs: Vec<u32>,
    /// Normalized identifier value → (entity, kind).
    pub ids: HashMap<String, Vec<(u32, IdKind)>>,
    /// (compact key, record) of every record with one, sorted: the names
    /// a query's letters meet whatever their spacing.
    pub compact: Vec<(u64, u32)>,
    /// Weight of a token never seen in the lists.
    pub unknown_weight: f32,
    /// Largest weight of a listed token.
    pub max_weight: f32,
    /// Bytes of the longest vocab entry (token or joined pair): a query
    /// token longer by more than its deletions meets none of the deletion
    /// neighbourhood, which is not read then (a 5,000-letter word has
    /// twelve million two-letter deletions).
    pub max_token_len: usize,
    /// A number no other index of this process has (keys per-thread caches).
    pub id: u64,
    /// Weights of tokens that occur only as removed legal forms or titles.
    pub removed_weight: HashMap<String, f32>,
    /// Lookups of the listed words, when read from a table
    /// ([`crate::Matcher::use_token_table`]).
    pub table: Option<crate::lookups::TokenTable>,
    /// What a token table must carry to be read (`lookups::fingerprint`),
    /// made at the first need: a process that reads no table pays nothing.
    pub fingerprint: std::sync::OnceLock<u64>,
}

/// Whether a listed entity is a ship: a vessel, or an entity with an IMO
/// number (the UK's 2018 list and the UN's give ships as entities: `RUNG RA
/// 2`, IMO 9020534).
fn is_vessel(e: &Entity) -> bool {
    e.schema == Schema::Vessel || e.identifiers.iter().any(|i| i.kind == IdKind::Imo)
}

/// The normalization class for a schema (how names of such an entity, or
/// a query of it, are read: person rules, organization rules, or either
/// when unknown).
pub fn class_of(schema: Option<Schema>) -> NameClass {
    match schema {
        Some(Schema::Person) => NameClass::Person,
        Some(Schema::Organization | Schema::Company | Schema::Vessel | Schema::Airplane) => {
            NameClass::Organization
        }
        Some(Schema::LegalEntity) | None => NameClass::Any,
    }
}

/// Normalizes an identifier value: uppercase letters and digits only, and for
/// IMO numbers without the `IMO` prefix.
pub fn normalize_id(value: &str, kind: Option<&IdKind>) -> String {
    let mut s: String = value
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if matches!(kind, Some(IdKind::Imo)) || (s.starts_with("IMO") && s.len() == 10) {
        if let Some(rest) = s.strip_prefix("IMO") {
            s = rest.to_string();
        }
    }
    s
}

fn quality_factor(kind: NameKind, quality: NameQuality) -> f32 {
    let _ = kind;
    match quality {
        NameQuality::Weak => 0.9,
        NameQuality::Strong | NameQuality::Unknown => 1.0,
    }
}

/// The scheme of a listed organization's acronym form (see
/// [`interdict_text::acronyms`]): `PLA` finds `People's Liberation Army`.
pub(crate) const ACRONYM_SCHEME: &str = "acronym";

/// Acronyms this short are left out when they are also a word of any
/// listed name, longer ones when a word of a person's (see
/// [`Index::acronym_is_word`]).
pub(crate) const SHORT_ACRONYM: usize = 3;

/// An acronym is less sure than the name it stands for: a match on it alone
/// scores this much.
pub(crate) const ACRONYM_FACTOR: f32 = 0.9;

/// See [`Index::acronym_is_word`] (also used while the index is built).
fn word_not_acronym(words: &foldhash::HashSet<Box<str>>, a: &str) -> bool {
    words.contains(a) || interdict_text::is_given_name(a)
}

struct Interner<'a> {
    vocab: &'a mut Vec<Box<str>>,
    map: &'a mut HashMap<Box<str>, u32>,
}

impl Interner<'_> {
    fn get(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.map.get(s) {
            return id;
        }
        let id = self.vocab.len() as u32;
        self.vocab.push(s.into());
        self.map.insert(s.into(), id);
        id
    }
}

impl Index {
    pub fn build(entities: &[Entity]) -> Index {
        // 1. name forms, in parallel
        type Forms = (Vec<ListedForm>, Vec<String>);
        let forms: Vec<Forms> = entities
            .par_iter()
            .map(|e| {
                let class = class_of(Some(e.schema));
                let mut out = Vec::new();
                let mut removed: Vec<String> = Vec::new();
                for (ni, name) in e.names.iter().enumerate().take(u16::MAX as usize) {
                    let factor = quality_factor(name.kind, name.quality);
                    // this name's forms start here (duplicates are looked
                    // for among them only: an entity may have hundreds of
                    // names)
                    let first = out.len();
                    // a person's family name as the name marks it, read once
                    // for all its forms
                    let family = (e.schema == Schema::Person)
                        .then(|| interdict_text::family_tokens(&name.full))
                        .flatten();
                    for f in name_forms(&name.full, class) {
                        if f.tokens.is_empty() {
                            continue;
                        }
                        let legal = interdict_text::legal_kind(&f.removed);
                        removed.extend(f.removed);
                        let mut toks = f.tokens;
                        toks.truncate(24);
                        if out[first..].iter().any(|f: &ListedForm| f.tokens == toks) {
                            continue;
                        }
                        let family = crate::score::family_mask(
                            f.scheme,
                            toks.iter().map(String::as_str),
                            family.as_deref(),
                        );
                        out.push(ListedForm {
                            name: ni as u16,
                            scheme: f.scheme,
                            factor,
                            legal,
                            tokens: toks,
                            family,
                        });
                    }
                    // an organization is also found by its acronyms
                    let acronyms = match e.schema {
                        Schema::Organization | Schema::Company => out[first..]
                            .iter()
                            .find(|f| f.scheme.is_none())
                            .map(|f| interdict_text::acronyms(&name.full, &f.tokens))
                            .unwrap_or_default(),
                        _ => Vec::new(),
                    };
                    for a in acronyms {
                        if !out[first..].iter().any(|f| f.tokens[..] == [a.as_str()]) {
                            out.push(ListedForm {
                                name: ni as u16,
                                scheme: Some(ACRONYM_SCHEME),
                                factor: factor * ACRONYM_FACTOR,
                                tokens: vec![a],
                                legal: None,
                                family: 0,
                            });
                        }
                    }
                }
                removed.sort();
                removed.dedup();
                (out, removed)
            })
            .collect();

        // a three-letter acronym that is also a word of a listed name ("pak",
        // "san", "vtb") is read as that word: too many names have those
        // initials
        let acronym_words: foldhash::HashSet<Box<str>> = forms
            .iter()
            .zip(entities)
            .flat_map(|((ef, _), e)| {
                let person = e.schema == Schema::Person;
                ef.iter()
                    .filter(|f| f.scheme != Some(ACRONYM_SCHEME))
                    .flat_map(|f| f.tokens.iter())
                    .filter(move |w| person || w.len() <= SHORT_ACRONYM)
            })
            .map(|w| Box::from(w.as_str()))
            .collect();
        let ambiguous_acronym = |scheme: Option<&str>, toks: &[String]| {
            scheme == Some(ACRONYM_SCHEME)
                && toks
                    .first()
                    .is_some_and(|a| word_not_acronym(&acronym_words, a))
        };

        // 2. intern tokens, records, document frequencies (per entity)
        let mut vocab: Vec<Box<str>> = Vec::new();
        let mut vocab_map: HashMap<Box<str>, u32> = HashMap::default();
        let mut recs = Vec::new();
        let mut rec_tokens: Vec<u32> = Vec::new();
        let mut entity_recs = Vec::with_capacity(entities.len() + 1);
        let mut df: Vec<u32> = Vec::new();
        let mut last_seen: Vec<u32> = Vec::new();
        // tokens dropped as legal forms or titles still count as common
        // words, so that a query keeping them ("joint stock company") does not
        // treat them as rare
        let mut removed_df: HashMap<String, u32> = HashMap::default();
        for (ei, (ef, removed)) in forms.iter().enumerate() {
            for r in removed {
                *removed_df.entry(r.clone()).or_default() += 1;
            }
            entity_recs.push(recs.len() as u32);
            for ListedForm {
                name: ni,
                scheme,
                factor,
                tokens: toks,
                legal,
                family,
            } in ef
            {
                if ambiguous_acronym(*scheme, toks) {
                    continue;
                }
                let start = rec_tokens.len() as u32;
                for t in toks {
                    let id = Interner {
                        vocab: &mut vocab,
                        map: &mut vocab_map,
                    }
                    .get(t);
                    let i = id as usize;
                    if df.len() <= i {
                        df.resize(i + 1, 0);
                        last_seen.resize(i + 1, u32::MAX);
                    }
                    if last_seen[i] != ei as u32 {
                        last_seen[i] = ei as u32;
                        df[i] += 1;
                    }
                    rec_tokens.push(id);
                }
                recs.push(NameRec {
                    entity: ei as u32,
                    name: *ni,
                    scheme: *scheme,
                    tok_start: start,
                    tok_len: toks.len() as u16,
                    factor: *factor,
                    class: entities
                        .get(ei)
                        .map_or(NameClass::Any, |e| class_of(Some(e.schema))),
                    vessel: entities.get(ei).is_some_and(is_vessel),
                    family: *family,
                    compact: compact_key(toks.iter().map(String::as_str)),
                    legal: *legal,
                });
            }
        }
        entity_recs.push(recs.len() as u32);
        let n_real = vocab.len();
        // names of each class holding each token
        let mut class_counts = vec![(0u32, 0u32); n_real];
        for r in &recs {
            let s = r.tok_start as usize;
            let toks = rec_tokens.get(s..s + r.tok_len as usize).unwrap_or(&[]);
            for (k, &t) in toks.iter().enumerate() {
                if toks.get(..k).is_some_and(|before| before.contains(&t)) {
                    continue;
                }
                if let Some(c) = class_counts.get_mut(t as usize) {
                    match r.class {
                        NameClass::Organization => c.0 += 1,
                        NameClass::Person => c.1 += 1,
                        NameClass::Any => {}
                    }
                }
            }
        }
        let vocab_org_word: Vec<bool> = class_counts
            .iter()
            .map(|&(org, person)| org >= 3 && org >= 4 * person)
            .collect();
        // tokens only acronyms hold ("isil", "nioc"): met exactly, so left
        // out of the phonetic, spelling, deletion and prefix lookups
        let mut in_name = vec![false; n_real];
        for r in recs.iter().filter(|r| r.scheme != Some(ACRONYM_SCHEME)) {
            let s = r.tok_start as usize;
            for &t in rec_tokens.get(s..s + r.tok_len as usize).unwrap_or(&[]) {
                if let Some(x) = in_name.get_mut(t as usize) {
                    *x = true;
                }
            }
        }
        // joined pairs (interned below) are of names' tokens
        let looked_up = |v: usize| in_name.get(v).copied().unwrap_or(true);
        let n = entities.len().max(1) as f32;
        let unknown_weight = ((n + 1.0) / 0.5).ln().max(1.0);
        let mut vocab_weight: Vec<f32> = df
            .iter()
            .zip(&vocab)
            .map(|(&d, t)| {
                let d = d + removed_df.get(&**t).copied().unwrap_or(0);
                ((n + 1.0) / (d as f32 + 0.5)).ln().max(0.3)
            })
            .collect();
        let removed_weight: HashMap<String, f32> = removed_df
            .into_iter()
            .filter(|(t, _)| !vocab_map.contains_key(t.as_str()))
            .map(|(t, d)| {
                let w = ((n + 1.0) / (d as f32 + 0.5)).ln().max(0.3);
                (t, w)
            })
            .collect();
        for (w, t) in vocab_weight.iter_mut().zip(&vocab) {
            if t.len() == 1 {
                *w = w.min(crate::score::INITIAL_WEIGHT);
            }
        }
        let mut join_weight = vec![0.0f32; n_real];
        let mut vocab_real = vec![true; n_real];
        let mut bounds = Vec::with_capacity(recs.len());
        for r in &recs {
            let s = r.tok_start as usize;
            let toks = rec_tokens.get(s..s + r.tok_len as usize).unwrap_or(&[]);
            let mut b = RecBound {
                len: r.tok_len,
                ..RecBound::default()
            };
            // the scorers' view of the omissible tokens (patronymics and
            // forebears' names), so that the bounds agree with them
            let mut info: Vec<crate::score::LInfo> = toks
                .iter()
                .map(|&t| {
                    let text = vocab.get(t as usize).map_or("", |s| &**s);
                    crate::score::LInfo {
                        patronymic: crate::score::is_patronymic(text),
                        lineage: crate::score::is_lineage(text),
                        article: crate::score::is_article(text),
                        ..Default::default()
                    }
                })
                .collect();
            crate::score::mark_forebears(&mut info);
            for (&t, li) in toks.iter().zip(&info) {
                let w = vocab_weight.get(t as usize).copied().unwrap_or(0.0);
                let text = vocab.get(t as usize).map_or("", |s| &**s);
                b.weight += w;
                b.max_token = b.max_token.max(w);
                if li.patronymic {
                    b.patronymic += w;
                }
                if text.len() == 1 {
                    b.has_initial = true;
                }
            }
            bounds.push(b);
        }

        // 3. joined pairs and postings
        let mut pairs: Vec<(u32, u32)> = Vec::with_capacity(rec_tokens.len() * 2);
        let mut rec_joins: Vec<u32> = vec![NO_JOIN; rec_tokens.len()];
        for (ri, r) in recs.iter().enumerate() {
            let s = r.tok_start as usize;
            let toks = rec_tokens.get(s..s + r.tok_len as usize).unwrap_or(&[]);
            for &t in toks {
                pairs.push((t, ri as u32));
            }
            for (wi, w) in toks.windows(2).enumerate() {
                if let [a, b] = w {
                    let (sa, sb) = (&vocab[*a as usize], &vocab[*b as usize]);
                    let joined = format!("{sa}{sb}");
                    let weight = vocab_weight[*a as usize] + vocab_weight[*b as usize];
                    let id = Interner {
                        vocab: &mut vocab,
                        map: &mut vocab_map,
                    }
                    .get(&joined);
                    let i = id as usize;
                    if vocab_weight.len() <= i {
                        vocab_weight.resize(i + 1, 0.0);
                        vocab_real.resize(i + 1, false);
                        join_weight.resize(i + 1, 0.0);
                    }
                    join_weight[i] = join_weight[i].max(weight);
                    if let Some(slot) = rec_joins.get_mut(s + wi) {
                        *slot = id;
                    }
                    pairs.push((id, ri as u32));
                }
            }
        }
        pairs.par_sort_unstable();
        pairs.dedup();
        let nv = vocab.len();
        let mut post_off = vec![0u32; nv + 1];
        for &(t, _) in &pairs {
            post_off[t as usize + 1] += 1;
        }
        for i in 0..nv {
            post_off[i + 1] += post_off[i];
        }
        // each token's records, lightest first (see [`Index::post_excess`])
        let excess: Vec<f32> = bounds.iter().map(RecBound::excess).collect();
        let excess = |r: u32| excess.get(r as usize).copied().unwrap_or(0.0);
        let mut post: Vec<u32> = pairs.iter().map(|&(_, r)| r).collect();
        for w in post_off.windows(2) {
            if let Some(list) = post.get_mut(w[0] as usize..w[1] as usize) {
                if list.len() > 1 {
                    list.sort_unstable_by(|&a, &b| excess(a).total_cmp(&excess(b)).then(a.cmp(&b)));
                }
            }
        }
        let post_excess: Vec<f32> = post.iter().map(|&r| excess(r)).collect();
        drop(pairs);

        // 4. phonetic keys
        let keys: Vec<String> = vocab.par_iter().map(|t| phonetic_key(t)).collect();
        let mut phon_keys: Vec<Box<str>> = Vec::new();
        let mut phon_map: HashMap<Box<str>, u32> = HashMap::default();
        let mut vocab_phon = Vec::with_capacity(nv);
        for k in &keys {
            let id = Interner {
                vocab: &mut phon_keys,
                map: &mut phon_map,
            }
            .get(k);
            vocab_phon.push(id);
        }
        let mut pm: Vec<(u32, u32)> = vocab_phon
            .iter()
            .enumerate()
            .filter(|&(v, _)| looked_up(v))
            .map(|(v, &p)| (p, v as u32))
            .collect();
        pm.sort_unstable();
        let mut phon_off = vec![0u32; phon_keys.len() + 1];
        for &(p, _) in &pm {
            phon_off[p as usize + 1] += 1;
        }
        for i in 0..phon_keys.len() {
            phon_off[i + 1] += phon_off[i];
        }
        let phon_members = pm.iter().map(|&(_, v)| v).collect();
        let spell_keys: Vec<String> = vocab.par_iter().map(|t| spelling_key(t)).collect();
        let mut spelling: HashMap<Box<str>, u32> = HashMap::default();
        let mut spelling_members: Vec<Vec<u32>> = Vec::new();
        let mut vocab_spelling: Vec<u32> = Vec::with_capacity(vocab.len());
        for (v, k) in spell_keys.into_iter().enumerate() {
            let next = spelling_members.len() as u32;
            let id = *spelling.entry(k.into()).or_insert(next);
            if id == next {
                spelling_members.push(Vec::new());
            }
            if vocab_real.get(v).copied().unwrap_or(false) && looked_up(v) {
                if let Some(m) = spelling_members.get_mut(id as usize) {
                    m.push(v as u32);
                }
            }
            let lineage = vocab.get(v).is_some_and(|t| crate::score::is_lineage(t));
            vocab_spelling.push(if lineage { NO_SPELLING } else { id });
        }

        let mut misread_of: HashMap<Box<str>, Vec<u32>> = HashMap::default();
        for (v, t) in vocab.iter().enumerate() {
            if vocab_real.get(v).copied().unwrap_or(false)
                && looked_up(v)
                && t.len() >= crate::score::LISTED_MISREAD_MIN
                && interdict_text::may_be_misread(t)
            {
                for r in interdict_text::ocr_variants(t) {
                    misread_of.entry(r.into()).or_default().push(v as u32);
                }
            }
        }

        // 5. deletion neighbourhoods (joined pairs: one deletion only)
        let mut deletes: Vec<u64> = vocab
            .par_iter()
            .enumerate()
            .filter(|&(v, _)| looked_up(v))
            .flat_map_iter(|(v, t)| {
                let depth = if vocab_real.get(v).copied().unwrap_or(false) {
                    deletion_depth(t.len())
                } else {
                    deletion_depth(t.len()).min(1)
                };
                let mut out = Vec::new();
                if depth > 0 {
                    for_each_deletion(t.as_bytes(), depth, &mut |h| {
                        out.push(((h & 0xffff_ffff) << 32) | v as u64)
                    });
                }
                out
            })
            .collect();
        deletes.par_sort_unstable();
        deletes.dedup();
        let nb = 1usize << BUCKET_BITS;
        let mut delete_buckets = vec![0u32; nb + 1];
        for &x in &deletes {
            delete_buckets[(x >> (64 - BUCKET_BITS)) as usize + 1] += 1;
        }
        for i in 0..nb {
            delete_buckets[i + 1] += delete_buckets[i];
        }
        let vocab_info: Vec<VInfo> = vocab
            .iter()
            .enumerate()
            .map(|(v, t)| VInfo {
                weight: vocab_weight.get(v).copied().unwrap_or(0.0),
                len: t.len().min(255) as u8,
                first: t.as_bytes().first().copied().unwrap_or(0),
                patronymic: crate::score::is_patronymic(t),
                lineage: crate::score::is_lineage(t),
                article: crate::score::is_article(t),
                qualifier: crate::score::Qualifier::of(t),
            })
            .collect();

        let mut sorted_vocab: Vec<u32> =
            (0..nv as u32).filter(|&v| looked_up(v as usize)).collect();
        sorted_vocab.par_sort_unstable_by(|&a, &b| vocab[a as usize].cmp(&vocab[b as usize]));

        // 6. identifiers
        let mut ids: HashMap<String, Vec<(u32, IdKind)>> = HashMap::default();
        for (ei, e) in entities.iter().enumerate() {
            for id in &e.identifiers {
                let v = normalize_id(&id.value, Some(&id.kind));
                if v.len() < 4 {
                    continue;
                }
                let list = ids.entry(v).or_default();
                if !list.iter().any(|(x, k)| *x == ei as u32 && *k == id.kind) {
                    list.push((ei as u32, id.kind.clone()));
                }
            }
        }

        let max_weight = vocab_weight
            .iter()
            .zip(&vocab_real)
            .filter(|(_, &r)| r)
            .map(|(&w, _)| w)
            .fold(0.0, f32::max);
        let max_token_len = vocab.iter().map(|v| v.len()).max().unwrap_or(0);
        let mut compact: Vec<(u64, u32)> = recs
            .iter()
            .enumerate()
            .filter(|(_, r)| r.compact != 0)
            .map(|(i, r)| (r.compact, i as u32))
            .collect();
        compact.sort_unstable();
        static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        Index {
            bounds,
            acronym_words,
            compact,
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            vocab,
            vocab_map,
            vocab_phon,
            vocab_weight,
            vocab_real,
            join_weight,
            phon_keys,
            phon_map,
            phon_off,
            phon_members,
            vocab_org_word,
            spelling,
            spelling_members,
            misread_of,
            vocab_spelling,
            deletes,
            delete_buckets,
            vocab_info,
            rec_joins,
            sorted_vocab,
            post_off,
            post,
            post_excess,
            recs,
            rec_tokens,
            entity_recs,
            ids,
            max_weight,
            max_token_len,
            unknown_weight,
            removed_weight,
            table: None,
            fingerprint: std::sync::OnceLock::new(),
        }
    }

    /// Records whose letters without spaces have this key.
    pub fn compact_recs(&self, key: u64) -> impl Iterator<Item = u32> + '_ {
        let start = self.compact.partition_point(|&(k, _)| k < key);
        self.compact
            .get(start..)
            .unwrap_or(&[])
            .iter()
            .take_while(move |&&(k, _)| k == key)
            .map(|&(_, r)| r)
    }

    /// Whether a token is a word many listed names hold (see
    /// [`Index::common_id`]).
    pub fn is_common(&self, token: &str) -> bool {
        self.vocab_map
            .get(token)
            .is_some_and(|&v| self.common_id(v))
    }

    /// Whether vocab entry `v` is a word many listed names hold (its
    /// weight at most [`COMMON_WEIGHT`]; not a joined pair, which has no
    /// weight of its own).
    pub fn common_id(&self, v: u32) -> bool {
        self.vocab_real.get(v as usize).copied().unwrap_or(false)
            && self
                .vocab_info
                .get(v as usize)
                .is_some_and(|i| i.weight <= COMMON_WEIGHT)
    }

    /// The vocab entry of a token of a listed name (not of a joined pair
    /// only), if there is one.
    pub fn real_id(&self, token: &str) -> Option<u32> {
        self.vocab_map
            .get(token)
            .copied()
            .filter(|&v| self.vocab_real.get(v as usize).copied().unwrap_or(false))
    }

    /// The weight of a token: its rarity over the loaded lists.
    pub fn weight(&self, token: &str) -> f32 {
        self.real_id(token)
            .and_then(|v| self.vocab_weight.get(v as usize).copied())
            .or_else(|| self.removed_weight.get(token).copied())
            .unwrap_or(self.unknown_weight)
    }

    /// The postings of a vocab entry.
    pub fn postings(&self, v: u32) -> &[u32] {
        let i = v as usize;
        match (self.post_off.get(i), self.post_off.get(i + 1)) {
            (Some(&a), Some(&b)) => self.post.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The records of vocab entry `v` split at an excess: those of excess
    /// at most `max` (a record's [`RecBound::excess`]), and the others.
    pub fn postings_upto(&self, v: u32, max: f32) -> (&[u32], &[u32]) {
        let i = v as usize;
        let (Some(&a), Some(&b)) = (self.post_off.get(i), self.post_off.get(i + 1)) else {
            return (&[], &[]);
        };
        let range = a as usize..b as usize;
        let (Some(p), Some(e)) = (self.post.get(range.clone()), self.post_excess.get(range)) else {
            return (&[], &[]);
        };
        p.split_at(e.partition_point(|&x| x <= max).min(p.len()))
    }

    /// The spelling id of a [`interdict_text::spelling_key`], if a vocab
    /// entry has that key.
    pub fn spelling_id(&self, key: &str) -> Option<u32> {
        self.spelling.get(key).copied()
    }

    /// Vocab entries sharing a phonetic key.
    pub fn phon_members(&self, key: &str) -> &[u32] {
        let Some(&p) = self.phon_map.get(key) else {
            return &[];
        };
        let i = p as usize;
        match (self.phon_off.get(i), self.phon_off.get(i + 1)) {
            (Some(&a), Some(&b)) => self.phon_members.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Whether a token is a word of organizations' names
    /// ([`Index::vocab_org_word`]).
    pub(crate) fn is_org_word(&self, t: &str) -> bool {
        self.vocab_map
            .get(t)
            .and_then(|&v| self.vocab_org_word.get(v as usize))
            .copied()
            .unwrap_or(false)
    }

    /// Whether an organization's acronym is a word that a query holding
    /// it more likely means: a short word of a listed name (`pak`, `san`),
    /// a word of a listed person's name or a given name (`anna`, `omar`,
    /// `mia`).
    pub(crate) fn acronym_is_word(&self, a: &str) -> bool {
        word_not_acronym(&self.acronym_words, a)
    }

    /// Vocab entries whose deletion neighbourhood contains this hash.
    pub fn deletion_hits(&self, h: u64, out: &mut Vec<u32>) {
        let key = (h & 0xffff_ffff) << 32;
        let b = (key >> (64 - BUCKET_BITS)) as usize;
        let (lo, hi) = match (self.delete_buckets.get(b), self.delete_buckets.get(b + 1)) {
            (Some(&lo), Some(&hi)) => (lo as usize, hi as usize),
            _ => return,
        };
        let bucket = self.deletes.get(lo..hi).unwrap_or(&[]);
        let start = bucket.partition_point(|&x| x < key);
        for &x in bucket.get(start..).unwrap_or(&[]) {
            if x & 0xffff_ffff_0000_0000 != key {
                break;
            }
            out.push((x & 0xffff_ffff) as u32);
        }
    }

    /// Vocab entries starting with `prefix` (at most `cap`); true when
    /// more were left out.
    pub fn prefix_hits(&self, prefix: &str, cap: usize, out: &mut Vec<u32>) -> bool {
        let start = self
            .sorted_vocab
            .partition_point(|&v| self.vocab.get(v as usize).is_some_and(|s| &**s < prefix));
        let rest = self.sorted_vocab.get(start..).unwrap_or(&[]);
        for (i, &v) in rest.iter().enumerate() {
            match self.vocab.get(v as usize) {
                Some(s) if s.starts_with(prefix) => {
                    if i >= cap {
                        return true;
                    }
                    out.push(v);
                }
                _ => break,
            }
        }
        false
    }

    /// The tokens of a record.
    pub fn rec_tokens(&self, r: &NameRec) -> &[u32] {
        let s = r.tok_start as usize;
        self.rec_tokens
            .get(s..s + r.tok_len as usize)
            .unwrap_or(&[])
    }

    /// The joined-pair ids of a record's positions (see `rec_joins`).
    pub fn rec_joins(&self, r: &NameRec) -> &[u32] {
        let s = r.tok_start as usize;
        self.rec_joins.get(s..s + r.tok_len as usize).unwrap_or(&[])
    }

    /// The records of an entity.
    pub fn entity_recs(&self, e: usize) -> std::ops::Range<usize> {
        match (self.entity_recs.get(e), self.entity_recs.get(e + 1)) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => 0..0,
        }
    }

    /// Approximate heap size in bytes.
    pub fn heap_bytes(&self) -> usize {
        let strs: usize = self.vocab.iter().map(|s| s.len() + 16).sum::<usize>() * 2;
        strs + self.vocab_phon.len() * 4
            + self.vocab_weight.len() * 4
            + self.vocab_real.len()
            + self.join_weight.len() * 4
            + self.phon_keys.iter().map(|s| s.len() + 16).sum::<usize>() * 2
            + self.phon_off.len() * 4
            + self.phon_members.len() * 4
            + self
                .spelling
                .keys()
                .map(|k| k.len() + 16 + 4)
                .sum::<usize>()
            + self
                .spelling_members
                .iter()
                .map(|v| 24 + v.len() * 4)
                .sum::<usize>()
            + self
                .misread_of
                .iter()
                .map(|(k, v)| k.len() + 40 + v.len() * 4)
                .sum::<usize>()
            + self.vocab_spelling.len() * 4
            + self.vocab_org_word.len()
            + self.deletes.len() * 8
            + self.delete_buckets.len() * 4
            + self.vocab_info.len() * std::mem::size_of::<VInfo>()
            + self.rec_joins.len() * 4
            + self.sorted_vocab.len() * 4
            + self.post_off.len() * 4
            + self.post.len() * 8
            + self.recs.len() * std::mem::size_of::<NameRec>()
            + self.bounds.len() * std::mem::size_of::<RecBound>()
            + self.rec_tokens.len() * 4
            + self.entity_recs.len() * 4
    }
}
