//! Reads `original<TAB>latin` lines and prints Latin tokens whose phonetic
//! key no reading of the original has.
use interdict_text::{is_particle, name_forms, normalize, phonetic_key, NameClass};
use std::collections::HashSet;
use std::io::BufRead;

fn main() {
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        let Some((orig, latin)) = line.split_once('\t') else {
            continue;
        };
        let forms = name_forms(orig, NameClass::Person);
        let keys: HashSet<String> = forms
            .iter()
            .flat_map(|f| f.tokens.iter().map(|t| phonetic_key(t)))
            .collect();
        let n = normalize(latin);
        for t in n.split(' ').filter(|t| !t.is_empty() && !is_particle(t)) {
            if !keys.contains(&phonetic_key(t)) {
                println!(
                    "{t:<14} {:<10} {}",
                    phonetic_key(t),
                    forms[0].tokens.join(" ")
                );
            }
        }
    }
}
