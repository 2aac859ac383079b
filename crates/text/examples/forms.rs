//! Prints the name forms and phonetic keys of each argument (or of stdin lines).
use interdict_text::{name_forms, phonetic_key, NameClass};
use std::io::BufRead;

fn show(name: &str, class: NameClass) {
    println!("{name}  [{class:?}]");
    for f in name_forms(name, class) {
        let keys: Vec<String> = f.tokens.iter().map(|t| phonetic_key(t)).collect();
        println!(
            "  {:<14} {:<40} keys={:?} removed={:?}",
            f.scheme.unwrap_or("-"),
            f.tokens.join(" "),
            keys,
            f.removed
        );
    }
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut class = NameClass::Person;
    if args.first().map(String::as_str) == Some("--org") {
        class = NameClass::Organization;
        args.remove(0);
    }
    if args.is_empty() {
        for line in std::io::stdin().lock().lines().map_while(Result::ok) {
            show(&line, class);
        }
    } else {
        for a in args {
            show(&a, class);
        }
    }
}
