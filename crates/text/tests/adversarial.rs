//! Hostile and degenerate input: never panics, stays fast.

use interdict_text::{name_forms, normalize, phonetic_key, tokens, NameClass};
use std::time::{Duration, Instant};

fn all_classes(s: &str) {
    for class in [NameClass::Person, NameClass::Organization, NameClass::Any] {
        let forms = name_forms(s, class);
        assert!(!forms.is_empty());
        for f in &forms {
            for t in &f.tokens {
                assert!(!t.is_empty());
                assert!(
                    t.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()),
                    "token {t:?}"
                );
                let _ = phonetic_key(t);
            }
        }
    }
    let n = normalize(s);
    assert!(n.is_ascii() && !n.starts_with(' ') && !n.ends_with(' ') && !n.contains("  "));
    let _ = tokens(s);
}

#[test]
fn empty_and_separator_only() {
    for s in [
        "",
        " ",
        "\u{200B}",
        "\u{202E}\u{202C}",
        "---",
        "'''",
        "\u{0301}\u{0301}",
        ".,;:",
    ] {
        all_classes(s);
        assert_eq!(normalize(s), "", "{s:?}");
        assert!(name_forms(s, NameClass::Person)[0].tokens.is_empty());
    }
}

#[test]
fn a_megabyte_of_combining_marks_is_fast() {
    let mut s = String::from("Putin");
    for _ in 0..(1 << 19) {
        s.push('\u{0301}'); // 2 bytes each: 1 MB of marks
    }
    s.push_str(" Vladimir");
    let t = Instant::now();
    let n = normalize(&s);
    let el = t.elapsed();
    assert_eq!(n, "putin vladimir");
    assert!(el < Duration::from_secs(5), "took {el:?}");
    // Marks with no base, and marks on a Cyrillic base.
    let marks_only: String = std::iter::repeat_n('\u{0300}', 1 << 19).collect();
    assert_eq!(normalize(&marks_only), "");
    let cyr = format!("Путин{}", "\u{0306}".repeat(1 << 18));
    assert_eq!(normalize(&cyr), "putin");
    all_classes(&cyr);
}

#[test]
fn long_inputs_in_every_script() {
    let parts = [
        "Владимир ",
        "김정은 ",
        "محمد ",
        "习近平 ",
        "Βλαντίμιρ ",
        "Müller ",
        "\u{200B}",
        "ＡＢＣ ",
        "ウラジーミル ",
        "ולדימיר ",
        "ROMASHKІN ",
    ];
    let mut s = String::new();
    while s.len() < 200_000 {
        for p in parts {
            s.push_str(p);
        }
    }
    let t = Instant::now();
    all_classes(&s);
    assert!(
        t.elapsed() < Duration::from_secs(20),
        "took {:?}",
        t.elapsed()
    );
    // One giant word with no separators.
    let giant: String = "김".repeat(50_000);
    all_classes(&giant);
}

#[test]
fn every_code_point_class_survives() {
    // A sweep over the BMP and some astral planes, in chunks.
    let mut chunk = String::new();
    for u in (0u32..0x3_0000).step_by(7) {
        if let Some(c) = char::from_u32(u) {
            chunk.push(c);
            if chunk.len() > 400 {
                all_classes(&chunk);
                chunk.clear();
            }
        }
    }
    all_classes(&chunk);
}

#[test]
fn hostile_mixes() {
    let cases = [
        "\u{202E}nituP rimidalV\u{202C}",
        "P\u{200B}u\u{200C}t\u{200D}i\u{2060}n\u{FEFF}",
        "Пу\u{200B}тин",
        "김\u{200B}정\u{200C}은",
        "مح\u{200C}مد",
        "ＫＩＭ　ＪＯＮＧ－ＵＮ",
        "\u{1100}\u{1161}\u{11A8}", // conjoining jamo: NFKC composes 각
        "ㄱㅏ",                     // compatibility jamo
        "a\u{0000}b",
        "\u{FFFF}\u{FFFE}\u{10FFFF}",
        "\u{D7A3}\u{AC00}",
    ];
    for s in cases {
        all_classes(s);
    }
    assert_eq!(normalize("\u{202E}Putin\u{202C}"), "putin");
    assert_eq!(normalize("ＫＩＭ　ＪＯＮＧ－ＵＮ"), "kim jong un");
    assert_eq!(normalize("\u{1100}\u{1161}\u{11A8}"), normalize("각"));
}

/// Rough timing: `cargo test --release -p interdict-text --test adversarial -- --ignored --nocapture`.
#[test]
#[ignore]
fn timing_per_name() {
    let names = [
        "Vladimir Vladimirovich PUTIN",
        "KIM, Jong Un",
        "ROSNEFT OIL COMPANY PJSC",
        "Sergei Kuzhugetovich SHOIGU",
        "Recep Tayyip Erdoğan",
        "Владимир Владимирович Путин",
        "김정은",
        "صدام حسين التكريتي",
    ];
    for n in names {
        let iters = 200_000u32;
        let t = Instant::now();
        let mut sink = 0usize;
        for _ in 0..iters {
            sink += normalize(std::hint::black_box(n)).len();
        }
        let norm = t.elapsed() / iters;
        let t = Instant::now();
        for _ in 0..iters {
            sink += name_forms(std::hint::black_box(n), NameClass::Person).len();
        }
        let forms = t.elapsed() / iters;
        let t = Instant::now();
        for _ in 0..iters {
            for w in ["vladimir", "putin", "mohammed"] {
                sink += phonetic_key(std::hint::black_box(w)).len();
            }
        }
        let key = t.elapsed() / (iters * 3);
        println!("{n:<32} normalize {norm:>8?}  name_forms {forms:>8?}  phonetic_key {key:>6?}  ({sink})");
    }
}

#[test]
fn a_name_stored_backwards_under_an_override_is_read_as_shown() {
    use interdict_text::{name_forms, NameClass};
    let forms = |s: &str| -> Vec<String> {
        name_forms(s, NameClass::Person)
            .into_iter()
            .map(|f| f.tokens.join(" "))
            .collect()
    };
    // shown "Vladimir Putin": read as stored and as shown
    let f = forms("\u{202E}nituP rimidalV\u{202C}");
    assert_eq!(f.first().map(String::as_str), Some("nitup rimidalv"));
    assert!(f.iter().any(|x| x == "vladimir putin"), "{f:?}");
    // only the span under the override; Arabic letters are stored in
    // reading order and stay
    let f = forms("Vladimir \u{202E}nituP\u{202C}");
    assert!(f.iter().any(|x| x == "vladimir putin"), "{f:?}");
    let f = forms("\u{202E}بوتين\u{202C}");
    assert!(f.iter().all(|x| !x.contains("nitub")), "{f:?}");
}

#[test]
fn a_name_spelt_out_letter_by_letter_is_read_as_words() {
    let has = |name: &str, class: NameClass, want: &[&str]| {
        name_forms(name, class)
            .iter()
            .any(|f| f.tokens.iter().map(String::as_str).eq(want.iter().copied()))
    };
    // stops or dashes between the letters: each word on its own, any class
    for class in [NameClass::Person, NameClass::Any, NameClass::Organization] {
        assert!(has(
            "V.l.a.d.i.m.i.r P.u.t.i.n",
            class,
            &["vladimir", "putin"]
        ));
        assert!(has("P-u-t-i-n Vladimir", class, &["putin", "vladimir"]));
    }
    // spaces between the letters: a person's name
    assert!(has(
        "P u t i n Vladimir",
        NameClass::Person,
        &["putin", "vladimir"]
    ));
    // three letters are initials, and stay so
    assert!(!has(
        "J. R. R. Tolkien",
        NameClass::Person,
        &["jrr", "tolkien"]
    ));
    assert!(!has("S.K. Shoigu", NameClass::Person, &["sk", "shoigu"]));
    // a legal form's letters in a name of unknown class are not one word
    assert!(!name_forms("IMPORTADORA S.A. S.A. DE C.V.", NameClass::Any)
        .iter()
        .any(|f| f.tokens.iter().any(|t| t == "sasa")));
}
