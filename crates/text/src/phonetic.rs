//! Phonetic keys tuned for romanized names (see [`phonetic_key`]).

/// A phonetic key that maps romanization variants of one name part to the
/// same string (Jong/Chong/Jung/Jeong, Sergei/Sergey/Sergej,
/// Mohammed/Muhammad/Mohamad, Qaddafi/Gaddafi/Kadhafi).
///
/// The input is one token; anything that is not lowercase ASCII is first put
/// through [`crate::normalize`] (tokens joined). The key is a consonant
/// skeleton in upper-case class letters:
///
/// 1. **Vowels.** A vowel cluster (`a e i o u`, `y` as a vowel) at the start
///    of the word becomes `A`; all other vowels are dropped. So Un/Eun,
///    Omar/Umar, Osama/Usama, Aleksandr/Oleksandr meet, and so does the
///    vowel-less Arabic skeleton `mhmd` with Muhammad. `y` is a consonant
///    (`Y`) only before a vowel at the word start (Yusuf); elsewhere a vowel
///    (Sergey, Shoygu, Husayn). `i` before a vowel at the word start is a
///    consonant `Y` too (Iosif/Yosif, Iakov/Yakov).
///    Inside a word `y` counts as a vowel (Sayed/Sid, Ayyub/Ayub). `w` is a consonant
///    at the start and between vowels (Wladimirowicz); next to a consonant
///    it is a glide and counts as a vowel (Anwar/Anur, Kwon/Kon).
/// 2. **Digraphs** (longest first): `shch sch sh` → `X`; `tsch tch tsh dzh dj ch
///    zh cz cs tj` and `j` before a vowel or at the start → `J` (Korean and
///    Russian practice: Jong/Chong, Zhukov/Joukov); `kh` → `H` (Mikhail/
///    Mihail, Khalid); `gh` → `K`; `ph bh` → `P`; `th dh` → `T`; `ts tz` → `S`;
///    `ck` → `K`; `x` → `KS` (Alexander/Aleksandr).
/// 3. **Classes.** `b p f v w` → `P` (Vladimir/Wladimir, and the Arabic and
///    Korean renderings Fladimir/Bladimir, Park/Bak); `c` → `S` before
///    `e i y`, else `K`; `g k q` → `K` (Kim/Gim, Qaddafi/Gaddafi); `d t` →
///    `T`; `s z` → `S`; `l`, `r`, `m`, `n` keep their own class (`L R M N`).
///    `h` is kept except at the end of a word (Abdullah/Abdulla,
///    Faleh/Falh) and after `r` (Rhee).
/// 4. **Collapse.** A class equal to the previous one is not repeated
///    (Mohammed/Mohamed, Qaddafi/Kadhafi); vowels do not separate
///    (Hussein/Husayn).
///
/// Digits are kept as they are.
///
/// Trade-offs, on purpose: dropping inner vowels and merging voicing makes
/// Putin/Patin/Petin, Kim/Kum/Kam and Hussein/Hassan share a key, and
/// b/p/f/v/w share a class. The key is a recall device: the matcher should
/// use it next to a string similarity, never alone. Scholz and Schulze
/// (both `XLS`), Sergei and Serik (`SRK`), Mohammed and Mahmoud (`MHMT`)
/// collide too. Müller/Mueller/Muller meet because inner vowels are dropped.
/// `s` and `sh` stay apart, so the caron-stripped ISO 9 reading `sojgu`
/// does not meet `shoigu` by key (the `latin-spelled` and BGN readings do).
pub fn phonetic_key(token: &str) -> String {
    if token
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        key_ascii(token.as_bytes())
    } else {
        let n = crate::normalize(token).replace(' ', "");
        key_ascii(n.as_bytes())
    }
}

/// A spelling key: a normalized token with the letters that romanizations
/// write differently for the same sound made equal, and nothing else (unlike
/// [`phonetic_key`], vowels stay). Sergei/Sergey, Shoigu/Shoygu,
/// Qadhafi/Kadhafi, Muammar/Mouammar, Mikhail/Mihail, Abdullah/Abdulla,
/// Alexander/Aleksander meet; Omar/Umair, Hasan/Husayn, Kim/Cim do not.
///
/// Rules, left to right on lowercase ASCII: `dzh`, `zh` → `j`; `kh` → `h`;
/// `ph` → `f`; `ck` → `k`; `ou`, `oo` → `u`; `ee` → `i`; `q` → `k`; `c`
/// → `s` before `e i y`, else `k`; `w` → `v`; `y` → `i`; `x` → `ks`; a
/// doubled letter once; a final `h` after a vowel dropped. Digits stay.
/// The particles `bin`, `ibn`, `bn` are one key.
pub fn spelling_key(token: &str) -> String {
    if lineage_particle(token) {
        return "bin".to_string();
    }
    if !token.is_ascii() {
        return token.to_string();
    }
    let mut buf = vec![0u8; token.len() * 2 + 1];
    let n = spelling_into(token.as_bytes(), &mut buf);
    buf.truncate(n);
    String::from_utf8(buf).unwrap_or_default()
}

/// Whether two tokens have the same [`spelling_key`], without building the
/// keys as strings for the usual short tokens (the matcher asks this for
/// every pair of tokens with the same phonetic key).
pub fn same_spelling(a: &str, b: &str) -> bool {
    SpellingProbe::new(a).same_as(b)
}

/// One token's spelling key, read once to be compared with many tokens
/// ([`same_spelling`] of the token and each).
#[derive(Debug, Clone)]
pub struct SpellingProbe {
    token: Box<str>,
    /// The key of an ASCII token of at most 40 letters, the whole key
    /// otherwise.
    short: Option<([u8; 96], usize)>,
    /// The first letter of the key of the token's first three letters.
    head: u8,
}

impl SpellingProbe {
    /// Reads the token's key.
    pub fn new(token: &str) -> SpellingProbe {
        let short = (token.is_ascii() && token.len() <= 40).then(|| {
            let mut k = [0u8; 96];
            let n = spelling_into(token.as_bytes(), &mut k);
            (k, n)
        });
        SpellingProbe {
            token: token.into(),
            short,
            head: spelling_head(token.as_bytes()),
        }
    }

    /// Whether `other` has the same spelling key as this token.
    pub fn same_as(&self, other: &str) -> bool {
        if lineage_particle(&self.token) && lineage_particle(other) {
            return true;
        }
        let Some((ka, na)) = self
            .short
            .as_ref()
            .filter(|_| other.is_ascii() && other.len() <= 40)
        else {
            return spelling_key(&self.token) == spelling_key(other);
        };
        // most pairs differ already in the first letter of their keys
        if self.head != spelling_head(other.as_bytes()) {
            return false;
        }
        let mut kb = [0u8; 96];
        let nb = spelling_into(other.as_bytes(), &mut kb);
        ka.get(..*na) == kb.get(..nb)
    }
}

/// The first letter of the spelling key of a token's first three letters.
fn spelling_head(t: &[u8]) -> u8 {
    let mut buf = [0u8; 8];
    spelling_into(t.get(..3.min(t.len())).unwrap_or(&[]), &mut buf);
    buf[0]
}

/// `bin`, `ibn`, `bn`: "son of" in the romanizations of Arabic names
/// (`Usama bin Ladin` / `Usama ibn Ladin`) are one spelling.
fn lineage_particle(t: &str) -> bool {
    matches!(t, "bin" | "ibn" | "bn")
}

/// Writes the spelling key of an ASCII token into `buf` (at least twice
/// the token's length) and returns its length (see [`spelling_key`]).
fn spelling_into(s: &[u8], buf: &mut [u8]) -> usize {
    key_into(s, buf, |b, next, after| match (b, next) {
        (b'd', b'z') if after == b'h' => Some((b"j", 3)),
        (b'z', b'h') => Some((b"j", 2)),
        (b'k', b'h') => Some((b"h", 2)),
        (b'p', b'h') => Some((b"f", 2)),
        (b'c', b'k') => Some((b"k", 2)),
        (b'o', b'u') | (b'o', b'o') => Some((b"u", 2)),
        (b'e', b'e') => Some((b"i", 2)),
        (b'q', _) => Some((b"k", 1)),
        (b'c', b'e' | b'i' | b'y') => Some((b"s", 1)),
        (b'c', _) => Some((b"k", 1)),
        (b'w', _) => Some((b"v", 1)),
        (b'y', _) => Some((b"i", 1)),
        (b'x', _) => Some((b"ks", 1)),
        _ => None,
    })
}

/// Writes a key of an ASCII token into `buf` (at least twice the token's
/// length) and returns its length: `rule` reads a letter with the two
/// after it and gives what to write and how many letters that took
/// (`None`: the letter as it is); a letter equal to the one written
/// before it is written once (digits always), and a final `h` after a
/// vowel is dropped. What [`spelling_key`] and [`same_consonants`] share.
fn key_into(
    s: &[u8],
    buf: &mut [u8],
    rule: impl Fn(u8, u8, u8) -> Option<(&'static [u8], usize)>,
) -> usize {
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut n = 0usize;
    let mut i = 0;
    while i < s.len() {
        let (out, step) =
            rule(at(i), at(i + 1), at(i + 2)).unwrap_or_else(|| (s.get(i..=i).unwrap_or(&[]), 1));
        for &e in out {
            let last = n.checked_sub(1).and_then(|k| buf.get(k)).copied();
            if last != Some(e) || e.is_ascii_digit() {
                if let Some(x) = buf.get_mut(n) {
                    *x = e;
                    n += 1;
                }
            }
        }
        i += step.max(1);
    }
    let last = n.checked_sub(1).and_then(|k| buf.get(k)).copied();
    let before = n.checked_sub(2).and_then(|k| buf.get(k)).copied();
    if n > 2 && last == Some(b'h') && before.is_some_and(is_vowel) {
        n -= 1;
    }
    n
}

/// Whether two ASCII tokens are one name with its consonants romanized
/// otherwise, letter class by letter class, and its vowels as they are:
/// `q`, `k`, `g`, `gh`, hard `c` (the Arabic qaf and ghayn, written
/// `Qadhafi`, `Gaddafi`, `Kadhafi`, `Qaani`, `Ghani`, `Dehqan`, `Dehghan`);
/// `d`, `t`, `dh`, `th` (the dhal, and the Turkish final `t`: `Mehmed` /
/// `Mehmet`); `b`, `p`; `v`, `w`; `j`, `dj`, `zh`, `dzh`; `sh`, `sch`;
/// `kh` as `h`, `y`, `ee` as `i` and `ou`, `oo` as `u`; doubled letters once and a
/// final `h` after a vowel dropped, as [`spelling_key`] does.
///
/// Finer than [`phonetic_key`], which drops inner vowels (`Putin` /
/// `Patin`), and coarser than [`spelling_key`]: a pair this meets is
/// several spellings apart, which an edit distance reads as another name.
pub fn same_consonants(a: &str, b: &str) -> bool {
    ConsonantKey::new(a).is_some_and(|k| k.same_as(b))
}

/// The key [`same_consonants`] compares, kept for a token compared with
/// many (the other side's key is built at each comparison).
#[derive(Debug, Clone)]
pub struct ConsonantKey {
    buf: [u8; 96],
    len: usize,
}

impl ConsonantKey {
    /// The key of `a`, or `None` when [`same_consonants`] compares it with
    /// nothing (not ASCII, or longer than 40 bytes).
    pub fn new(a: &str) -> Option<ConsonantKey> {
        let a = a.as_bytes();
        if !a.is_ascii() || a.len() > 40 {
            return None;
        }
        let mut buf = [0u8; 96];
        let len = consonants_into(a, &mut buf);
        Some(ConsonantKey { buf, len })
    }

    /// [`same_consonants`] of the key's token and `b`.
    pub fn same_as(&self, b: &str) -> bool {
        let b = b.as_bytes();
        if !b.is_ascii() || b.len() > 40 {
            return false;
        }
        let mut kb = [0u8; 96];
        let nb = consonants_into(b, &mut kb);
        self.buf.get(..self.len) == kb.get(..nb)
    }
}

/// Writes the key [`same_consonants`] compares into `buf` (at least twice
/// the token's length) and returns its length.
fn consonants_into(s: &[u8], buf: &mut [u8]) -> usize {
    key_into(s, buf, |b, next, after| match (b, next) {
        (b'd', b'z') if after == b'h' => Some((b"J", 3)),
        (b's', b'c') if after == b'h' => Some((b"X", 3)),
        (b's', b'h') => Some((b"X", 2)),
        (b'z', b'h') | (b'd', b'j') => Some((b"J", 2)),
        (b'k', b'h') => Some((b"h", 2)),
        (b'g', b'h') => Some((b"K", 2)),
        (b'd' | b't', b'h') => Some((b"T", 2)),
        (b'p', b'h') => Some((b"f", 2)),
        (b'c', b'k') => Some((b"K", 2)),
        (b'o', b'u') | (b'o', b'o') => Some((b"u", 2)),
        (b'e', b'e') => Some((b"i", 2)),
        (b'c', b'e' | b'i' | b'y') => Some((b"s", 1)),
        (b'c' | b'q' | b'k' | b'g', _) => Some((b"K", 1)),
        (b'd' | b't', _) => Some((b"T", 1)),
        (b'b' | b'p', _) => Some((b"B", 1)),
        (b'w' | b'v', _) => Some((b"V", 1)),
        (b'j', _) => Some((b"J", 1)),
        (b'y', _) => Some((b"i", 1)),
        (b'x', _) => Some((b"KS", 1)),
        _ => None,
    })
}

/// Whether a token shows an OCR misreading [`ocr_variants`] would undo: an
/// ASCII token with digits and letters, or with `rn` or `vv`. One pass over
/// the bytes, for callers that test many tokens.
pub fn may_be_misread(token: &str) -> bool {
    let (mut digit, mut alpha, mut pair, mut prev) = (false, false, false, 0u8);
    for &c in token.as_bytes() {
        if !c.is_ascii() {
            return false;
        }
        digit |= c.is_ascii_digit();
        alpha |= c.is_ascii_alphabetic();
        pair |= matches!((prev, c), (b'r', b'n') | (b'v', b'v'));
        prev = c;
    }
    (digit && alpha) || pair
}

/// The readings of a token that an OCR misreading would explain: `rn`
/// read for `m`, `vv` for `w`, and digits inside a word read as the letters
/// they resemble (`0` o, `1` l or i, `5` s, `8` b, `6` g). Empty when the
/// token shows none of them (a word of digits is a number, left alone).
/// `Ahrnad` → `ahmad`, `AL1` → `all`, `ali`, `H0` → `ho`.
pub fn ocr_variants(token: &str) -> Vec<String> {
    let b = token.as_bytes();
    if !may_be_misread(token) {
        return Vec::new();
    }
    let mixed = b.iter().any(u8::is_ascii_digit);
    let mut out = Vec::with_capacity(2);
    for one in [b'l', b'i'] {
        let mut v = String::with_capacity(token.len());
        let mut i = 0;
        while let Some(&c) = b.get(i) {
            let next = b.get(i + 1).copied();
            match (c, next) {
                (b'r', Some(b'n')) => {
                    v.push('m');
                    i += 2;
                    continue;
                }
                (b'v', Some(b'v')) => {
                    v.push('w');
                    i += 2;
                    continue;
                }
                _ => {}
            }
            let m = if mixed {
                match c {
                    b'0' => b'o',
                    b'1' => one,
                    b'5' => b's',
                    b'8' => b'b',
                    b'6' => b'g',
                    c => c,
                }
            } else {
                c
            };
            v.push(m as char);
            i += 1;
        }
        if v != token && !out.contains(&v) {
            out.push(v);
        }
        if !mixed {
            break;
        }
    }
    out
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

fn key_ascii(s: &[u8]) -> String {
    let n = s.len();
    let at = |i: usize| -> u8 { s.get(i).copied().unwrap_or(0) };
    let starts = |i: usize, pat: &[u8]| -> bool { s.get(i..i + pat.len()) == Some(pat) };
    // Is the byte at i a vowel in this word (y and j handled by position)?
    let vowel_at = |i: usize| -> bool {
        let b = at(i);
        if is_vowel(b) {
            // Word-initial i before a vowel is the consonant y (Iosif, Iakov).
            return !(b == b'i' && i == 0 && is_vowel(at(1)));
        }
        if b == b'y' {
            // A consonant only at the start before a vowel (Yusuf); inside
            // a word it is a vowel or glide (Sayed/Sid, Ayyub/Ayub).
            return !(i == 0 && is_vowel(at(i + 1)));
        }
        if b == b'w' && i > 0 {
            // w is a consonant at the start and between vowels
            // (Wladimirowicz); after a consonant or before one it is the
            // glide of Arabic and Korean spellings (Anwar/Anur, Marwan,
            // Kwon/Kon, Awlaqi/Aulaqi).
            return !(is_vowel(at(i - 1)) && is_vowel(at(i + 1)));
        }
        if b == b'j' && i > 0 {
            // Sergej, Shojgu: j after a vowel and not before one is a vowel.
            return is_vowel(at(i - 1)) && !is_vowel(at(i + 1));
        }
        false
    };
    let mut out = String::with_capacity(n);
    let mut last: u8 = 0;
    let emit = |out: &mut String, last: &mut u8, class: u8| {
        if class != *last {
            out.push(class as char);
            *last = class;
        }
    };
    let mut i = 0usize;
    while i < n {
        let b = at(i);
        if b.is_ascii_digit() {
            out.push(b as char);
            last = 0;
            i += 1;
            continue;
        }
        if vowel_at(i) {
            let start = i;
            while i < n && vowel_at(i) {
                i += 1;
            }
            if start == 0 {
                emit(&mut out, &mut last, b'A');
            }
            continue;
        }
        // Digraphs and trigraphs, longest first.
        let (class, len): (&[u8], usize) = if starts(i, b"shch") {
            (b"X", 4)
        } else if starts(i, b"tsch") {
            (b"J", 4)
        } else if starts(i, b"sch") {
            (b"X", 3)
        } else if starts(i, b"tch") || starts(i, b"dzh") || starts(i, b"tsh") {
            (b"J", 3)
        } else if starts(i, b"sh") {
            (b"X", 2)
        } else if starts(i, b"ch")
            || starts(i, b"zh")
            || starts(i, b"dj")
            || starts(i, b"cz")
            || starts(i, b"cs")
            || (starts(i, b"tj") && (i + 2 >= n || is_vowel(at(i + 2))))
        {
            (b"J", 2)
        } else if starts(i, b"kh") {
            (b"H", 2)
        } else if starts(i, b"gh") {
            (b"K", 2)
        } else if starts(i, b"ph") || starts(i, b"bh") {
            (b"P", 2)
        } else if starts(i, b"th") || starts(i, b"dh") {
            (b"T", 2)
        } else if starts(i, b"ts") || starts(i, b"tz") {
            (b"S", 2)
        } else if starts(i, b"ck") {
            (b"K", 2)
        } else {
            let c: &[u8] = match b {
                b'b' | b'p' | b'f' | b'v' | b'w' => b"P",
                b'c' => {
                    if matches!(at(i + 1), b'e' | b'i' | b'y') {
                        b"S"
                    } else {
                        b"K"
                    }
                }
                b'g' | b'k' | b'q' => b"K",
                b'd' | b't' => b"T",
                b's' | b'z' => b"S",
                b'x' => b"KS",
                b'j' => b"J",
                b'y' => b"Y",
                b'i' => b"Y",
                b'l' => b"L",
                b'r' => b"R",
                b'm' => b"M",
                b'n' => b"N",
                b'h' => {
                    let prev = if i > 0 { at(i - 1) } else { 0 };
                    if (i + 1 == n && i > 0) || prev == b'r' {
                        b""
                    } else {
                        b"H"
                    }
                }
                _ => b"",
            };
            (c, 1)
        };
        for &k in class {
            emit(&mut out, &mut last, k);
        }
        i += len;
    }
    out
}
