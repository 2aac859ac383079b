//! Hebrew letters to Latin, as names are spelt in them.
//!
//! Hebrew, like Arabic, writes consonants; a name's vowels are written, when
//! at all, with the letters ו (o, u) and י (i, e), the *matres lectionis*,
//! and the vowel points (niqqud) are usually left out. Foreign names are
//! spelt this way (ולדימיר פוטין, Vladimir Putin), so the reading keeps
//! those two letters as vowels inside a word and as consonants at its start
//! or doubled (וו v, יי y), and gives the other letters their usual sound
//! (the Academy of the Hebrew Language's simple transcription, 2011): פ is
//! `p` at the start of a word and `f` inside it, a final ה is `a`, and a
//! geresh (׳) after ג ז צ makes `j`, `zh`, `ch`. Vowel
//! points and cantillation marks are dropped. The matcher compares a token
//! read this way with Latin ones as it does Arabic letters: unwritten short
//! vowels do not count against it.

/// Appends the Latin reading of one word of Hebrew letters to `out`.
pub fn romanize_word(word: &str, out: &mut String) {
    let chars: Vec<char> = word
        .chars()
        .filter(|&c| !matches!(c as u32, 0x0591..=0x05C7))
        .collect();
    let n = chars.len();
    let mut i = 0;
    while i < n {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let geresh = next == Some(crate::normalize::HEBREW_GERESH);
        let start = i == 0;
        let last = i + 1 == n;
        let doubled = next == Some(c);
        let (s, step): (&str, usize) = match c {
            'א' | 'ע' => ("a", 1),
            'ב' => ("b", 1),
            'ג' if geresh => ("j", 2),
            'ג' => ("g", 1),
            'ד' => ("d", 1),
            'ה' if last && !start => ("a", 1),
            'ה' => ("h", 1),
            'ו' if doubled => ("v", 2),
            'ו' if start => ("v", 1),
            'ו' => ("u", 1),
            'ז' if geresh => ("zh", 2),
            'ז' => ("z", 1),
            'ח' => ("kh", 1),
            'ט' | 'ת' => ("t", 1),
            'י' if doubled => ("y", 2),
            'י' if start => ("y", 1),
            'י' => ("i", 1),
            'כ' | 'ך' | 'ק' => ("k", 1),
            'ל' => ("l", 1),
            'מ' | 'ם' => ("m", 1),
            'נ' | 'ן' => ("n", 1),
            'ס' => ("s", 1),
            'פ' if start => ("p", 1),
            'פ' | 'ף' => ("f", 1),
            'צ' | 'ץ' if geresh => ("ch", 2),
            'צ' | 'ץ' => ("ts", 1),
            'ר' => ("r", 1),
            'ש' => ("sh", 1),
            _ => ("", 1),
        };
        out.push_str(s);
        i += step;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(w: &str) -> String {
        let mut s = String::new();
        romanize_word(w, &mut s);
        s
    }

    #[test]
    fn names_spelt_in_hebrew_letters() {
        assert_eq!(read("ולדימיר"), "vldimir");
        assert_eq!(read("פוטין"), "putin");
        assert_eq!(read("משה"), "msha");
        assert_eq!(read("דוד"), "dud");
        assert_eq!(read("ג׳ורג׳"), "jurj");
        assert_eq!(read("פּוּטִין"), "putin", "vowel points dropped");
    }
}
