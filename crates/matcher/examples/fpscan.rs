#[path = "../tests/common/mod.rs"]
mod common;
use interdict_matcher::{Matcher, Options, Query};
fn main() {
    let (entities, _) = common::load_all("fpscan").unwrap();
    let m = Matcher::new(entities);
    let text = std::fs::read_to_string("/tmp/cust_matched.txt").unwrap();
    for line in text.lines() {
        let r = m.screen(&Query::name(line), &Options::default()).unwrap();
        if let Some(x) = r.first() {
            let e = &m.entities()[x.entity_index];
            let kinds: Vec<String> = x
                .explanation
                .tokens
                .iter()
                .map(|t| format!("{}~{}:{:?}", t.query, t.listed, t.kind))
                .collect();
            println!(
                "{}\t{:?}\t{}\t{:.3}\t{}\tuq={:?}\tul={:?}",
                line,
                e.schema,
                e.caption(),
                x.score,
                kinds.join(","),
                x.explanation.unmatched_query,
                x.explanation.unmatched_listed
            );
        }
    }
}
