use interdict_model::{Entity, Name, NameKind, Schema};
use interdict_store::{content_hash, ImportOutcome, NewSnapshot, Store};

fn person(reference: &str, name: &str) -> Entity {
    let mut e = Entity::new("un", reference, Schema::Person);
    e.push_name(Name::new(name, NameKind::Primary));
    e
}

fn snap<'a>(date: &'a str, hash: &'a str, entities: &'a [Entity]) -> NewSnapshot<'a> {
    NewSnapshot {
        source: "un",
        format: "un-xml",
        publisher_date: Some(date),
        content_hash: hash,
        files: vec!["un.xml".into()],
        entities,
    }
}

#[test]
fn import_is_idempotent_and_newest_edition_is_active() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut store = Store::open(&path).unwrap();
    let old = vec![person("KPi.001", "KIM A"), person("KPi.002", "RI B")];
    let h1 = content_hash(&[b"edition one"]);
    let first = match store.import(&snap("2025-11-29", &h1, &old)).unwrap() {
        ImportOutcome::Imported(s) => s,
        other => panic!("{other:?}"),
    };
    assert_eq!(first.entity_count, 2);
    assert_eq!(first.counts.get("Person"), Some(&2));
    // same bytes again: nothing changes
    assert!(matches!(
        store.import(&snap("2025-11-29", &h1, &old)).unwrap(),
        ImportOutcome::Unchanged(s) if s.id == first.id
    ));
    assert_eq!(store.snapshots().unwrap().len(), 1);

    let mut changed = person("KPi.002", "RI B");
    changed.programmes.push("DPRK".into());
    let new = vec![changed, person("KPi.003", "PAK C")];
    let h2 = content_hash(&[b"edition two"]);
    let ImportOutcome::Imported(second) = store.import(&snap("2026-02-27", &h2, &new)).unwrap()
    else {
        panic!("not imported")
    };
    // an older edition imported later does not become active
    let older = vec![person("KPi.009", "OLD")];
    let h0 = content_hash(&[b"edition zero"]);
    store.import(&snap("2024-01-01", &h0, &older)).unwrap();
    let active: Vec<i64> = store
        .active_snapshots()
        .unwrap()
        .iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(active, vec![second.id]);
    assert_eq!(store.active_entities().unwrap().len(), 2);

    let diff = store.diff(first.id, second.id).unwrap();
    assert_eq!(diff.added.len(), 1);
    assert_eq!(diff.added[0].id, "un:KPi.003");
    assert_eq!(diff.removed[0].id, "un:KPi.001");
    assert_eq!(diff.changed.len(), 1);
    assert_eq!(diff.changed[0].changes[0].field, "programmes");

    // an entity dropped from the active edition is still shown from the newest that has it
    let (s, e) = store.entity("un:KPi.001").unwrap().unwrap();
    assert_eq!(s.id, first.id);
    assert_eq!(e.caption(), "KIM A");
    assert!(store.entity("un:nope").unwrap().is_none());

    // reopening sees the same data
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.snapshots().unwrap().len(), 3);
}

#[test]
fn diff_refuses_different_sources_and_unknown_ids() {
    let mut store = Store::open_in_memory().unwrap();
    let a = vec![person("X", "A")];
    store.import(&snap("2025-01-01", "h1", &a)).unwrap();
    let mut b = NewSnapshot {
        source: "ofac",
        ..snap("2025-01-01", "h2", &a)
    };
    b.format = "ofac-csv";
    store.import(&b).unwrap();
    assert!(store
        .diff(1, 2)
        .unwrap_err()
        .to_string()
        .contains("one list"));
    assert!(store.diff(1, 99).unwrap_err().to_string().contains("99"));
}

/// Derived data is kept under its name, replaced whole, and survives a
/// reopening of the file.
#[test]
fn derived_bytes_are_replaced_whole_and_kept_on_disk() {
    let dir = std::env::temp_dir().join(format!("interdict-derived-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("d.db");
    let _ = std::fs::remove_file(&path);
    {
        let store = Store::open(&path).unwrap();
        assert_eq!(store.derived("token-table").unwrap(), None);
        store.put_derived("token-table", &[1, 2, 3]).unwrap();
        store.put_derived("other", &[9]).unwrap();
        store.put_derived("token-table", &[4, 5]).unwrap();
        assert_eq!(store.derived("token-table").unwrap(), Some(vec![4, 5]));
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.derived("token-table").unwrap(), Some(vec![4, 5]));
    assert_eq!(store.derived("other").unwrap(), Some(vec![9]));
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
}
