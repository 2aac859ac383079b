//! Arabic-script romanization (Arabic, Persian, Urdu, Pashto letters).
//!
//! Arabic writes no short vowels, so a letter-by-letter romanization gives a
//! consonant skeleton with the long vowels: `محمد` → `mhmd`, `بوتين` →
//! `butin`. The phonetic key ([`crate::phonetic_key`]) drops inner vowels, so
//! the skeleton meets `muhammad`/`mohammed`. For the most frequent name words
//! a small dictionary gives vowelled spellings: scheme `ar` uses the
//! scholarly-ASCII spelling (`muhammad`, `husayn`), `ar-common` the spelling
//! most used on sanctions lists (`mohammed`, `hussein`).
//!
//! Letter values follow the BGN/PCGN 1956 Arabic system in ASCII (ح and ه
//! both `h`, ع and ء dropped, ق `q`, ث `th`, ذ `dh`, ظ `z`), with the Persian
//! and Urdu letters (پ چ ژ گ ک ی ے ٹ ڈ ڑ ں ھ ہ) from the BGN/PCGN Persian
//! and Urdu tables. The definite article `ال` glued to a word is split off as
//! the token `al` (القاعدة → `al qaida`), as Latin spellings write it apart.
//! The dictionary is hand-written from the names on the UN consolidated list
//! (NAME_ORIGINAL_SCRIPT paired with FIRST_NAME…).

/// Dictionary: skeleton word (no article) → (scholarly, common) spellings.
fn dictionary(word: &str) -> Option<(&'static str, &'static str)> {
    Some(match word {
        "محمد" => ("muhammad", "mohammed"),
        "أحمد" | "احمد" => ("ahmad", "ahmed"),
        "محمود" => ("mahmud", "mahmoud"),
        "حسن" => ("hasan", "hassan"),
        "حسين" => ("husayn", "hussein"),
        "علي" | "على" => ("ali", "ali"),
        "عمر" => ("umar", "omar"),
        "عثمان" => ("uthman", "othman"),
        "عبد" => ("abd", "abdul"),
        "الله" | "اللہ" => ("allah", "allah"),
        "عبدالله" | "عبدلله" => ("abdallah", "abdullah"),
        "يوسف" => ("yusuf", "youssef"),
        "إبراهيم" | "ابراهيم" | "ابراهیم" => ("ibrahim", "ibrahim"),
        "إسماعيل" | "اسماعيل" => ("ismail", "ismail"),
        "خالد" => ("khalid", "khaled"),
        "صدام" => ("saddam", "saddam"),
        "أسامة" | "اسامة" | "أسامه" => ("usama", "osama"),
        "صالح" => ("salih", "saleh"),
        "سعيد" => ("said", "saeed"),
        "مصطفى" => ("mustafa", "mostafa"),
        "حمزة" => ("hamza", "hamza"),
        "جمال" => ("jamal", "jamal"),
        "قاسم" => ("qasim", "kassem"),
        "ياسين" => ("yasin", "yassin"),
        "طارق" => ("tariq", "tarek"),
        "عزيز" => ("aziz", "aziz"),
        "كريم" => ("karim", "karim"),
        "رحمن" | "رحمان" => ("rahman", "rahman"),
        "رحيم" => ("rahim", "rahim"),
        "نور" => ("nur", "noor"),
        "دين" => ("din", "deen"),
        "قاعدة" | "قاعده" => ("qaida", "qaeda"),
        "اسلامي" | "إسلامي" => ("islami", "islamic"),
        "اسلام" | "إسلام" => ("islam", "islam"),
        "جهاد" => ("jihad", "jihad"),
        "أنصار" | "انصار" => ("ansar", "ansar"),
        "بن" => ("bin", "ben"),
        "ابن" => ("ibn", "ibn"),
        "بنت" => ("bint", "bint"),
        "أبو" | "ابو" => ("abu", "abou"),
        "عادل" => ("adil", "adel"),
        "فيصل" => ("faysal", "faisal"),
        "يحيى" | "يحيي" => ("yahya", "yahia"),
        "سليمان" => ("sulayman", "suleiman"),
        "عيسى" | "عیسی" => ("isa", "issa"),
        "موسى" => ("musa", "moussa"),
        "حامد" => ("hamid", "hamed"),
        "حميد" => ("hamid", "hamid"),
        "سيف" => ("sayf", "saif"),
        "عدي" => ("uday", "udai"),
        "قصي" => ("qusay", "qusai"),
        "تكريتي" => ("tikriti", "tikriti"),
        "قذافي" => ("qadhafi", "gaddafi"),
        "معمر" => ("muammar", "moammar"),
        "أيمن" | "ايمن" => ("ayman", "aiman"),
        "ظواهري" => ("zawahiri", "zawahri"),
        "لادن" => ("ladin", "laden"),
        "بكر" => ("bakr", "bakr"),
        _ => return None,
    })
}

fn letter(c: char) -> &'static str {
    match c {
        'ا' | 'آ' | 'أ' | 'ٱ' => "a",
        'إ' => "i",
        'ب' => "b",
        'ت' | 'ط' | 'ٹ' | 'ټ' => "t",
        'ث' => "th",
        'ج' => "j",
        'ح' | 'ه' | 'ہ' | 'ھ' | 'ۀ' => "h",
        'خ' => "kh",
        'د' | 'ڈ' | 'ډ' => "d",
        'ذ' => "dh",
        'ر' | 'ڑ' | 'ړ' => "r",
        'ز' | 'ظ' | 'ځ' => "z",
        'س' | 'ص' => "s",
        'ش' | 'ښ' => "sh",
        'ض' => "d",
        'ع' | 'ء' => "",
        'غ' => "gh",
        'ف' | 'ڤ' => "f",
        'ق' => "q",
        'ك' | 'ک' | 'ڪ' => "k",
        'گ' | 'ګ' => "g",
        'ل' => "l",
        'م' => "m",
        'ن' | 'ں' | 'ڼ' => "n",
        'ة' | 'ۃ' => "a",
        'ى' => "a",
        'ئ' => "i",
        'ؤ' => "u",
        'پ' => "p",
        'چ' => "ch",
        'ژ' | 'ږ' => "zh",
        'ے' => "e",
        _ => "\u{0}",
    }
}

fn is_waw(c: char) -> bool {
    c == 'و'
}

fn is_ya(c: char) -> bool {
    matches!(c, 'ي' | 'ی' | 'ې' | 'ۍ' | 'ێ')
}

/// Appends the romanized tokens of one Arabic-script word to `out`
/// (`common` selects the dictionary's common spellings). Returns the tokens
/// pushed: the article `al` is split off as its own token.
pub fn romanize_word(word: &str, common: bool, out: &mut Vec<String>) {
    // Strip harakat and other marks; shadda doubles nothing (the phonetic
    // key collapses doubles anyway).
    let clean: String = word
        .chars()
        .filter(|c| !crate::normalize::is_mark(*c))
        .collect();
    let mut body: &str = &clean;
    if let Some((a, b)) = dictionary(body) {
        out.push(if common { b } else { a }.to_string());
        return;
    }
    // "Abd al-…" written as one word: عبدالرحمن → abd al rahman.
    if let Some(rest) = body.strip_prefix("عبدال") {
        if rest.chars().count() >= 2 {
            out.push(if common { "abdul" } else { "abd" }.to_string());
            if !common {
                out.push("al".to_string());
            }
            body = rest;
            if let Some((a, b)) = dictionary(body) {
                out.push(if common { b } else { a }.to_string());
                return;
            }
        }
    }
    // Glued article: ال + at least two letters (but not الله itself).
    let n = body.chars().count();
    if n >= 4 {
        if let Some(rest) = body.strip_prefix("ال") {
            out.push("al".to_string());
            body = rest;
        }
    }
    if let Some((a, b)) = dictionary(body) {
        out.push(if common { b } else { a }.to_string());
        return;
    }
    let chars: Vec<char> = body.chars().collect();
    let mut s = String::with_capacity(body.len());
    for (i, &c) in chars.iter().enumerate() {
        let prev_vowelish = s
            .as_bytes()
            .last()
            .is_some_and(|b| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u'));
        if is_waw(c) {
            if i == 0 || prev_vowelish {
                s.push('w');
            } else {
                s.push('u');
            }
            continue;
        }
        if is_ya(c) {
            let last = i + 1 == chars.len();
            if i == 0 || (prev_vowelish && !last) {
                s.push('y');
            } else {
                s.push('i');
            }
            continue;
        }
        if c == 'ع' && i == 0 {
            // Word-initial ain is read as a vowel in Latin spellings
            // (Ali, Umar, Abd): the phonetic key gives it the class A.
            s.push('a');
            continue;
        }
        let l = letter(c);
        // ح/ه after a letter that would form a digraph with h (ط+ه is
        // "taha", not "th"): write the short vowel Latin spellings show.
        if l == "h" && s.as_bytes().last().is_some_and(|b| b"tdkszgc".contains(b)) {
            s.push('a');
        }
        if l == "\u{0}" {
            if !crate::normalize::push_digit(c, &mut s) {
                for b in any_ascii::any_ascii_char(c).chars() {
                    if b.is_ascii_alphanumeric() {
                        s.push(b.to_ascii_lowercase());
                    }
                }
            }
        } else {
            s.push_str(l);
        }
    }
    if !s.is_empty() {
        out.push(s);
    }
}
