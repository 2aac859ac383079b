//! New snapshots are picked up while requests run, with no failed request and
//! never half a list; API keys.

mod common;

use common::{
    import, lists_dir, one_query, request, store_with, TestServer, OFAC, UN_2025, UN_2026,
};
use interdict_server::{auth, Config};
use interdict_store::Store;
use serde_json::json;
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[test]
fn importing_while_requests_run_fails_no_request_and_never_shows_half_a_list() {
    let t = "importing_while_requests_run_fails_no_request_and_never_shows_half_a_list";
    let Some(lists) = lists_dir(t) else { return };
    let (_dir, db) = store_with(&lists, &[UN_2025]);
    let mut config = Config::new(db.clone());
    config.poll = Duration::from_millis(100);
    let server = TestServer::start(config);
    server.wait_ready();
    let addr = server.addr;
    let n_un2025 = server.get("/readyz").json()["entities"].as_u64().unwrap();

    let stop = Arc::new(AtomicBool::new(false));
    let ok = Arc::new(AtomicUsize::new(0));
    let failures = Arc::new(Mutex::new(Vec::<String>::new()));
    let seen_counts = Arc::new(Mutex::new(BTreeSet::new()));
    let mut clients = Vec::new();
    for c in 0..4 {
        let (stop, ok, failures, seen) = (
            stop.clone(),
            ok.clone(),
            failures.clone(),
            seen_counts.clone(),
        );
        clients.push(std::thread::spawn(move || {
            let body = one_query("Person", json!({"name": ["Kim Jong Un"]})).to_string();
            let mut i = 0u64;
            while !stop.load(Ordering::Relaxed) {
                i += 1;
                let r = if (i + c).is_multiple_of(3) {
                    common::try_request(addr, "GET", "/readyz", &[], b"")
                } else {
                    common::try_request(
                        addr,
                        "POST",
                        "/match/default?cutoff=0.5",
                        &[],
                        body.as_bytes(),
                    )
                };
                match r {
                    Ok(r) if r.status == 200 => {
                        let v = r.json();
                        if let Some(n) = v["entities"].as_u64() {
                            seen.lock().unwrap().insert(n);
                        } else if !v["responses"]["q1"]["results"].is_array() {
                            failures
                                .lock()
                                .unwrap()
                                .push(format!("bad body: {}", r.body));
                        }
                        ok.fetch_add(1, Ordering::Relaxed);
                    }
                    Ok(r) => failures
                        .lock()
                        .unwrap()
                        .push(format!("{}: {}", r.status, r.body)),
                    Err(e) => failures.lock().unwrap().push(format!("io: {e}")),
                }
            }
        }));
    }
    // Import two new snapshots while the clients run.
    std::thread::sleep(Duration::from_millis(300));
    let mut store = Store::open(&db).unwrap();
    let n_un2026 = import(&mut store, &lists, UN_2026) as u64;
    std::thread::sleep(Duration::from_millis(300));
    let n_ofac = import(&mut store, &lists, OFAC) as u64;
    let want = n_un2026 + n_ofac;
    let t0 = Instant::now();
    loop {
        let n = server.get("/readyz").json()["entities"].as_u64().unwrap();
        if n == want {
            break;
        }
        assert!(
            t0.elapsed() < Duration::from_secs(120),
            "the new snapshots were not picked up ({n} != {want})"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    std::thread::sleep(Duration::from_millis(300));
    stop.store(true, Ordering::Relaxed);
    for c in clients {
        c.join().unwrap();
    }
    let failures = failures.lock().unwrap();
    assert!(
        failures.is_empty(),
        "{} failed requests, e.g. {:?}",
        failures.len(),
        failures.first()
    );
    let done = ok.load(Ordering::Relaxed);
    assert!(done > 50, "only {done} requests ran");
    // Every entity count seen is a whole set of snapshots, never a partial load.
    let allowed: BTreeSet<u64> = [n_un2025, n_un2026, n_un2025 + n_ofac, want].into();
    let seen = seen_counts.lock().unwrap();
    assert!(
        seen.is_subset(&allowed),
        "seen {seen:?}, allowed {allowed:?}"
    );
    assert!(seen.contains(&n_un2025) && seen.contains(&want), "{seen:?}");
    eprintln!("{done} requests ok during the reload; entity counts seen {seen:?}");
    // The new list answers.
    let r = server.post(
        "/match/default",
        &one_query(
            "Person",
            json!({"name": ["Kim Jong Un"], "birthDate": ["1984-01-08"]}),
        ),
    );
    assert_eq!(
        r.json()["responses"]["q1"]["results"][0]["id"],
        "ofac:20157"
    );
    let m = server.get("/metrics").body;
    assert!(m.contains("interdict_reloads_total"), "{m}");
    assert!(
        !m.contains("interdict_reloads_total 1\n"),
        "reloads were not counted: {m}"
    );
}

#[test]
fn api_keys_are_required_with_auth_and_read_from_a_file_of_hashes() {
    let t = "api_keys_are_required_with_auth_and_read_from_a_file_of_hashes";
    let Some(lists) = lists_dir(t) else { return };
    let (dir, db) = store_with(&lists, &[UN_2026]);
    let keys = dir.path().join("interdict.db.keys");
    let key = auth::generate_key().unwrap();
    auth::append_key(&keys, &key, "test").unwrap();
    let mut config = Config::new(db);
    config.keys_file = Some(keys.clone());
    config.poll = Duration::from_millis(100);
    let server = TestServer::start(config);
    server.wait_ready(); // /readyz needs no key
    let body = one_query("Person", json!({"name": ["Kim Jong Un"]})).to_string();
    let r = request(server.addr, "POST", "/match/default", &[], body.as_bytes());
    assert_eq!(r.status, 401, "{}", r.body);
    assert!(r.json()["detail"].as_str().unwrap().contains("API key"));
    assert_eq!(r.header("www-authenticate"), Some("ApiKey"));
    let wrong = request(
        server.addr,
        "POST",
        "/match/default",
        &[("authorization", "ApiKey idk_wrong")],
        body.as_bytes(),
    );
    assert_eq!(wrong.status, 401);
    let auth_header = format!("ApiKey {key}");
    let r = request(
        server.addr,
        "POST",
        "/match/default",
        &[("authorization", &auth_header)],
        body.as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let r = request(server.addr, "GET", "/catalog", &[("x-api-key", &key)], b"");
    assert_eq!(r.status, 200);
    assert_eq!(server.get("/metrics").status, 401);
    assert_eq!(server.get("/healthz").status, 200);
    assert_eq!(server.get("/").status, 200);
    // A key added while the server runs is accepted once the file is re-read.
    let key2 = auth::generate_key().unwrap();
    std::thread::sleep(Duration::from_millis(1100)); // a new mtime
    auth::append_key(&keys, &key2, "second").unwrap();
    let t0 = Instant::now();
    loop {
        let r = request(
            server.addr,
            "GET",
            "/catalog",
            &[("authorization", &format!("Bearer {key2}"))],
            b"",
        );
        if r.status == 200 {
            break;
        }
        assert!(
            t0.elapsed() < Duration::from_secs(10),
            "new key not picked up"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
