//! The token table in the store: what every listed word meets, looked up
//! when an import or update changes the lists and read at start-up
//! ([`interdict_matcher::TokenTable`]).

use anyhow::Context;
use interdict_matcher::{Matcher, TokenTable};
use interdict_store::{Store, TOKEN_TABLE};
use std::time::{Duration, Instant};

/// Gives the matcher the stored token table ([`interdict_matcher::TokenTable`])
/// when it was made for these lists by this build: token lookups then read
/// it. Returns the number of listed words it holds, or why it is not used
/// (screening is the same without it, only slower).
pub fn read(store: &Store, m: &mut Matcher) -> Result<usize, String> {
    let bytes = store
        .derived(TOKEN_TABLE)
        .map_err(|e| e.to_string())?
        .ok_or("none stored: `interdict import` or `update` makes it")?;
    let table = TokenTable::from_bytes(&bytes).map_err(|e| e.to_string())?;
    let words = table.words();
    m.use_token_table(table).map_err(|e| e.to_string())?;
    Ok(words)
}

/// After an import: makes the token table of the active lists and stores
/// it, unless the stored one fits them already. Returns the number of
/// listed words looked up and the time taken, or `None` when nothing was
/// to do (the table fits, or no list is imported).
pub fn refresh(store: &Store) -> anyhow::Result<Option<(usize, Duration)>> {
    let entities = store
        .active_entities()
        .context("cannot read the active lists")?;
    if entities.is_empty() {
        return Ok(None);
    }
    let mut m = Matcher::new(entities);
    if read(store, &mut m).is_ok() {
        return Ok(None);
    }
    let t0 = Instant::now();
    let table = m.token_table();
    let words = table.words();
    store
        .put_derived(TOKEN_TABLE, &table.to_bytes())
        .context("cannot store the token table")?;
    Ok(Some((words, t0.elapsed())))
}

/// [`refresh`] after `import` or `update`, saying what it did;
/// a failure is only a warning (the snapshots landed; screening looks
/// every word up until a later import makes the table).
pub fn refresh_after_import(store: &Store) {
    match refresh(store) {
        Ok(Some((words, took))) => println!(
            "token table: {words} listed words looked up in {:.1} s (read at start-up, so that screening need not)",
            took.as_secs_f64()
        ),
        Ok(None) => {}
        Err(err) => eprintln!(
            "warning: {err:#}; screening looks every word up until the next import"
        ),
    }
}
