//! String similarity primitives over normalized (lowercase ASCII) tokens.

/// Longest token the bounded edit distance handles; longer tokens only match exactly.
const MAX_LEN: usize = 48;

/// The optimal-string-alignment distance (Levenshtein plus adjacent
/// transpositions) between two byte strings, or `None` when it exceeds `max`
/// or a string is longer than the internal limit.
pub fn osa_distance(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    if a == b {
        return Some(0);
    }
    if a.len() > MAX_LEN || b.len() > MAX_LEN {
        return None;
    }
    if bag_distance(a, b) > max {
        return None;
    }
    let n = b.len();
    // three rows (i-2, i-1, i) of at most MAX_LEN+1 cells, rotated by index
    let mut rows = [[0u8; MAX_LEN + 1]; 3];
    let (mut r2, mut r1, mut r0) = (0usize, 1usize, 2usize);
    for (j, c) in rows[r1].iter_mut().enumerate().take(n + 1) {
        *c = j as u8;
    }
    let max8 = max.min(255) as u8;
    for (i, &ca) in a.iter().enumerate() {
        let first = (i + 1) as u8;
        rows[r0][0] = first;
        let mut row_min = first;
        for (j, &cb) in b.iter().enumerate() {
            let cost = u8::from(ca != cb);
            let mut v = (rows[r1][j] + cost)
                .min(rows[r1][j + 1] + 1)
                .min(rows[r0][j] + 1);
            if i > 0 && j > 0 && a.get(i - 1) == Some(&cb) && b.get(j - 1) == Some(&ca) {
                v = v.min(rows[r2][j - 1] + 1);
            }
            rows[r0][j + 1] = v;
            row_min = row_min.min(v);
        }
        if row_min > max8 {
            return None;
        }
        (r2, r1, r0) = (r1, r0, r2);
    }
    let d = rows[r1][n] as usize;
    (d <= max).then_some(d)
}

/// One string prepared for [`osa_distance`] against many: Hyyrö's
/// bit-parallel optimal string alignment ("A bit-vector algorithm for
/// computing Levenshtein and Damerau edit distances", 2003), one machine
/// word per column instead of a row of cells. For ASCII strings (of up to
/// 64 bytes; as [`osa_distance`], longer than its limit meet only exactly);
/// others go to [`osa_distance`].
#[derive(Clone)]
pub struct OsaPattern<'a> {
    a: &'a [u8],
    /// For each byte, the positions of the pattern holding it.
    peq: Option<Box<[u64; 128]>>,
}

impl<'a> OsaPattern<'a> {
    /// Prepares `a`.
    pub fn new(a: &'a [u8]) -> OsaPattern<'a> {
        let peq = (a.len() <= 64 && a.is_ascii()).then(|| {
            let mut peq = Box::new([0u64; 128]);
            for (i, &c) in a.iter().enumerate() {
                if let Some(m) = peq.get_mut(c as usize) {
                    *m |= 1 << i;
                }
            }
            peq
        });
        OsaPattern { a, peq }
    }

    /// [`osa_distance`] of the prepared string and `b`.
    pub fn distance(&self, b: &[u8], max: usize) -> Option<usize> {
        let a = self.a;
        let m = a.len();
        let Some(peq) = self.peq.as_deref().filter(|_| b.is_ascii()) else {
            return osa_distance(a, b, max);
        };
        if m.abs_diff(b.len()) > max {
            return None;
        }
        if a == b {
            return Some(0);
        }
        if m > MAX_LEN || b.len() > MAX_LEN {
            return None;
        }
        if m == 0 {
            return (b.len() <= max).then_some(b.len());
        }
        let high = 1u64 << (m - 1);
        let (mut vp, mut vn) = (u64::MAX, 0u64);
        let (mut d0, mut prev_x) = (0u64, 0u64);
        let mut score = m;
        for (j, &c) in b.iter().enumerate() {
            let x = peq.get(c as usize).copied().unwrap_or(0);
            // a transposition: b[j-1] b[j] are a[i] a[i-1]
            let tr = (((!d0) & x) << 1) & prev_x;
            d0 = (((x & vp).wrapping_add(vp)) ^ vp) | x | vn | tr;
            let hp = vn | !(d0 | vp);
            let hn = d0 & vp;
            if hp & high != 0 {
                score += 1;
            } else if hn & high != 0 {
                score -= 1;
            }
            let xh = (hp << 1) | 1;
            vp = (hn << 1) | !(d0 | xh);
            vn = xh & d0;
            prev_x = x;
            // the distance can fall by at most one per byte left
            if score > max + (b.len() - j - 1) {
                return None;
            }
        }
        (score <= max).then_some(score)
    }
}

/// A lower bound of the edit distance from the letters alone (the bag
/// distance: a substitution, insertion, deletion or transposition changes it
/// by at most one).
pub fn bag_distance(a: &[u8], b: &[u8]) -> usize {
    let mut counts = [0i16; 64];
    for &c in a {
        counts[(c & 63) as usize] += 1;
    }
    for &c in b {
        counts[(c & 63) as usize] -= 1;
    }
    let (mut pos, mut neg) = (0usize, 0usize);
    for &x in &counts {
        if x > 0 {
            pos += x as usize;
        } else {
            neg += (-x) as usize;
        }
    }
    pos.max(neg)
}

/// Jaro-Winkler similarity in 0..=1.
pub fn jaro_winkler(a: &[u8], b: &[u8]) -> f64 {
    if a == b {
        return 1.0;
    }
    if a.is_empty() || b.is_empty() || a.len() > 64 || b.len() > 64 {
        return 0.0;
    }
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut a_m = [false; 64];
    let mut b_m = [false; 64];
    let mut matches = 0usize;
    for (i, &ca) in a.iter().enumerate() {
        let lo = i.saturating_sub(window);
        let hi = (i + window + 1).min(b.len());
        for (used, &cb) in b_m.iter_mut().zip(b.iter()).take(hi).skip(lo) {
            if !*used && cb == ca {
                a_m[i] = true;
                *used = true;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let mut t = 0usize;
    let mut k = 0usize;
    for (i, &ca) in a.iter().enumerate() {
        if a_m[i] {
            while k < b.len() && !b_m[k] {
                k += 1;
            }
            if b.get(k) != Some(&ca) {
                t += 1;
            }
            k += 1;
        }
    }
    let m = matches as f64;
    let jaro = (m / a.len() as f64 + m / b.len() as f64 + (m - (t / 2) as f64) / m) / 3.0;
    let prefix = a
        .iter()
        .zip(b.iter())
        .take(4)
        .take_while(|(x, y)| x == y)
        .count();
    jaro + prefix as f64 * 0.1 * (1.0 - jaro)
}

/// How many edits a token pair of these lengths may differ by and still be
/// the same name part: none below 4 letters, one up to 5, two from 6.
pub fn allowed_edits(len_a: usize, len_b: usize) -> usize {
    let min = len_a.min(len_b);
    if min < 4 {
        0
    } else if min < 6 {
        1
    } else {
        2
    }
}

/// The similarity credited to a fuzzy match with `d` edits between tokens of
/// these lengths: one typo in a long token costs little, in a short one much.
pub fn fuzzy_similarity(d: usize, len_a: usize, len_b: usize) -> f32 {
    let max = len_a.max(len_b).max(1) as f32;
    (1.0 - 0.5 * d as f32 / max).max(0.0)
}

/// A 64-bit FNV-1a hash, used for deletion-neighbourhood keys.
pub fn hash_bytes(parts: &[&[u8]]) -> u64 {
    hash_parts(parts.iter().copied())
}

/// [`hash_bytes`] of parts given one by one (no slice to build).
pub fn hash_parts<'a>(parts: impl Iterator<Item = &'a [u8]>) -> u64 {
    parts.fold(FNV_OFFSET, fnv)
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

#[inline]
fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// Calls `f` with the hash of every string obtained by deleting up to
/// `max_del` bytes of `token` (the token itself included), deduplicated per call.
pub fn for_each_deletion(token: &[u8], max_del: usize, f: &mut impl FnMut(u64)) {
    let mut out = Vec::new();
    deletion_hashes(token, max_del, &mut out);
    for h in out {
        f(h);
    }
}

/// The hashes of [`for_each_deletion`], sorted and deduplicated, into `out`
/// (cleared first).
pub fn deletion_hashes(token: &[u8], max_del: usize, out: &mut Vec<u64>) {
    out.clear();
    out.push(fnv(FNV_OFFSET, token));
    let n = token.len();
    if max_del >= 1 {
        // prefix states: the hash state after token[..i]
        let mut pre = FNV_OFFSET;
        for i in 0..n {
            let rest = token.get(i + 1..).unwrap_or(&[]);
            out.push(fnv(pre, rest));
            if max_del >= 2 {
                // delete positions i and k > i
                let mut mid = pre;
                for k in i + 1..n {
                    out.push(fnv(mid, token.get(k + 1..).unwrap_or(&[])));
                    mid = fnv(mid, token.get(k..k + 1).unwrap_or(&[]));
                }
            }
            pre = fnv(pre, token.get(i..i + 1).unwrap_or(&[]));
        }
    }
    out.sort_unstable();
    out.dedup();
}

/// The deletion depth indexed (and looked up) for a token of this length:
/// as many edits as [`allowed_edits`] can allow a pair whose shorter token
/// has this length (a pair is at most as long-allowing as its shorter token,
/// and symmetric deletions of depth d find every pair within d edits).
pub fn deletion_depth(len: usize) -> usize {
    allowed_edits(len, len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osa_counts_transposition_as_one() {
        assert_eq!(osa_distance(b"johnson", b"jonhson", 2), Some(1));
        assert_eq!(osa_distance(b"scholz", b"scholze", 2), Some(1));
        assert_eq!(osa_distance(b"khodorkovsky", b"khordorovsky", 2), Some(2));
        assert_eq!(osa_distance(b"zuckerberg", b"zuckermann", 2), None);
        assert_eq!(osa_distance(b"abc", b"abc", 0), Some(0));
    }

    /// The textbook optimal-string-alignment distance, unbounded.
    #[allow(clippy::needless_range_loop)] // the recurrence reads as written
    fn osa_reference(a: &[u8], b: &[u8]) -> usize {
        let (n, m) = (a.len(), b.len());
        let mut d = vec![vec![0usize; m + 1]; n + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=n {
            for j in 1..=m {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut v = (d[i - 1][j - 1] + cost)
                    .min(d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        d[n][m]
    }

    #[test]
    fn osa_equals_the_full_table() {
        // every pair of short strings over a small alphabet (where shared
        // prefixes, suffixes and transpositions abound), at every bound
        let alphabet = b"abc";
        let mut words: Vec<Vec<u8>> = vec![Vec::new()];
        for len in 1..=5u32 {
            for k in 0..3usize.pow(len) {
                let mut w = Vec::new();
                let mut x = k;
                for _ in 0..len {
                    w.push(alphabet[x % 3]);
                    x /= 3;
                }
                words.push(w);
            }
        }
        for a in &words {
            for b in &words {
                let want = osa_reference(a, b);
                let pattern = OsaPattern::new(a);
                for max in 0..=3 {
                    assert_eq!(
                        pattern.distance(b, max),
                        (want <= max).then_some(want),
                        "bit-parallel {:?} {:?} max {max}",
                        String::from_utf8_lossy(a),
                        String::from_utf8_lossy(b)
                    );
                    assert_eq!(
                        osa_distance(a, b, max),
                        (want <= max).then_some(want),
                        "{:?} {:?} max {max}",
                        String::from_utf8_lossy(a),
                        String::from_utf8_lossy(b)
                    );
                }
            }
        }
    }

    #[test]
    fn bit_parallel_osa_equals_the_full_table_on_long_strings() {
        // pseudo-random strings of 6 to 64 bytes over 4 letters, each with a
        // copy edited a few times (so that small distances occur)
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for _ in 0..3000 {
            let len = 6 + next(43) as usize;
            let a: Vec<u8> = (0..len).map(|_| b"abcd"[next(4) as usize]).collect();
            let mut b = a.clone();
            for _ in 0..next(4) {
                let i = next(b.len() as u64) as usize;
                match next(4) {
                    0 => b[i] = b"abcd"[next(4) as usize],
                    1 => {
                        b.remove(i);
                    }
                    2 => b.insert(i, b"abcd"[next(4) as usize]),
                    _ if i + 1 < b.len() => b.swap(i, i + 1),
                    _ => {}
                }
            }
            b.truncate(MAX_LEN);
            let want = osa_reference(&a, &b);
            let pattern = OsaPattern::new(&a);
            for max in 0..=4 {
                assert_eq!(
                    pattern.distance(&b, max),
                    (want <= max).then_some(want),
                    "{:?} {:?} max {max}",
                    String::from_utf8_lossy(&a),
                    String::from_utf8_lossy(&b)
                );
            }
        }
    }

    #[test]
    fn longer_than_the_limit_meets_only_exactly() {
        let a = [b'a'; MAX_LEN + 1];
        let mut b = a;
        b[3] = b'b';
        assert_eq!(osa_distance(&a, &b, 2), None);
        assert_eq!(OsaPattern::new(&a).distance(&b, 2), None);
        assert_eq!(OsaPattern::new(&a).distance(&a, 2), Some(0));
    }

    #[test]
    fn jaro_winkler_known_values() {
        let v = jaro_winkler(b"martha", b"marhta");
        assert!((v - 0.9611).abs() < 0.001, "{v}");
        assert_eq!(jaro_winkler(b"abc", b"xyz"), 0.0);
    }

    #[test]
    fn deletion_hashes_equal_the_naive_enumeration() {
        for tok in [
            &b"mohammed"[..],
            b"abcabc",
            b"aaaa",
            b"kim",
            b"shoigu",
            b"x",
        ] {
            let mut naive = vec![hash_bytes(&[tok])];
            for i in 0..tok.len() {
                let mut v = tok.to_vec();
                v.remove(i);
                naive.push(hash_bytes(&[&v]));
                for k in i..v.len() {
                    let mut w = v.clone();
                    w.remove(k);
                    naive.push(hash_bytes(&[&w]));
                }
            }
            naive.sort_unstable();
            naive.dedup();
            let mut fast = Vec::new();
            deletion_hashes(tok, 2, &mut fast);
            assert_eq!(fast, naive, "{}", String::from_utf8_lossy(tok));
        }
    }

    #[test]
    fn deletions_meet_for_one_substitution() {
        let mut a = Vec::new();
        for_each_deletion(b"putin", 1, &mut |h| a.push(h));
        let mut b = Vec::new();
        for_each_deletion(b"pudin", 1, &mut |h| b.push(h));
        assert!(a.iter().any(|h| b.contains(h)));
        let mut c = Vec::new();
        for_each_deletion(b"abcdef", 2, &mut |h| c.push(h));
        // 1 + 6 + 15 distinct deletions at most
        assert!(c.len() <= 22 && c.len() > 10, "{}", c.len());
        assert!(c.contains(&hash_bytes(&[b"adef"])));
        assert!(c.contains(&hash_bytes(&[b"bcdf"])));
    }
}
