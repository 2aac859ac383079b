//! The API over the real OFAC 2024 and UN 2026 lists.

mod common;

use common::{lists_dir, one_query, request, store_with, TestServer, OFAC, UN_2026};
use interdict_server::Config;
use serde_json::{json, Value};
use std::sync::OnceLock;

struct Fixture {
    server: TestServer,
    _dir: tempfile::TempDir,
}

/// One server for the tests of this file (lists parsed and indexed once).
fn server(test: &str) -> Option<&'static TestServer> {
    static F: OnceLock<Option<Fixture>> = OnceLock::new();
    F.get_or_init(|| {
        let lists = lists_dir(test)?;
        let (dir, db) = store_with(&lists, &[OFAC, UN_2026]);
        let server = TestServer::start(Config::new(db));
        server.wait_ready();
        Some(Fixture { server, _dir: dir })
    })
    .as_ref()
    .map(|f| &f.server)
}

fn kim() -> Value {
    one_query(
        "Person",
        json!({"name": ["Kim Jong Un"], "birthDate": ["1984-01-08"]}),
    )
}

fn assert_kim_first(s: &TestServer) {
    let r = s.post("/match/default", &kim());
    assert_eq!(r.status, 200, "{}", r.body);
    let v = r.json();
    let first = &v["responses"]["q1"]["results"][0];
    assert_eq!(first["id"], "ofac:20157", "{}", r.body);
    assert_eq!(first["match"], true);
}

#[test]
fn yente_match_finds_kim_jong_un_first_with_features_and_explanation() {
    let Some(s) = server("yente_match_finds_kim_jong_un_first_with_features_and_explanation")
    else {
        return;
    };
    let r = s.post("/match/default", &kim());
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert!(r.header("x-request-id").is_some_and(|v| !v.is_empty()));
    assert_eq!(r.header("x-batch-size"), Some("1"));
    let v = r.json();
    let q1 = &v["responses"]["q1"];
    assert_eq!(q1["status"], 200);
    assert_eq!(q1["query"]["schema"], "Person");
    assert_eq!(q1["query"]["properties"]["name"], json!(["Kim Jong Un"]));
    let results = q1["results"].as_array().unwrap();
    assert!(!results.is_empty());
    assert_eq!(q1["total"]["value"].as_u64(), Some(results.len() as u64));
    assert_eq!(q1["total"]["relation"], "eq");
    let first = &results[0];
    assert_eq!(first["id"], "ofac:20157");
    assert_eq!(first["match"], true);
    assert_eq!(first["schema"], "Person");
    assert_eq!(first["datasets"], json!(["ofac"]));
    assert_eq!(first["target"], true);
    assert!(first["caption"].as_str().unwrap().contains("KIM"));
    assert!(first["properties"]["program"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p == "DPRK3"));
    assert!(first["properties"]["birthDate"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d == "1984-01-08"));
    let score = first["score"].as_f64().unwrap();
    assert!((0.8..=1.0).contains(&score), "{score}");
    // features: the name score and the birth date that agrees
    assert!(first["features"]["name_score"].as_f64().unwrap() > 0.7);
    assert!(first["features"]["birth_date_agrees"].as_f64().unwrap() > 0.0);
    let sentence = first["explanation"]["sentence"].as_str().unwrap();
    assert!(
        sentence.contains("ofac:20157") && sentence.contains("birth date"),
        "{sentence}"
    );
    assert!(!first["explanation"]["tokens"]
        .as_array()
        .unwrap()
        .is_empty());
    assert_eq!(v["limit"], 5);
    assert!(v["matcher"]["name_score"]["description"].is_string());
    // results are sorted and all at or above the threshold (cutoff defaults to it)
    let scores: Vec<f64> = results
        .iter()
        .map(|r| r["score"].as_f64().unwrap())
        .collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    assert!(scores.iter().all(|s| *s >= 0.8));
}

#[test]
fn many_queries_and_parameters_in_one_request() {
    let Some(s) = server("many_queries_and_parameters_in_one_request") else {
        return;
    };
    let body = json!({"queries": {
        "kim": {"schema": "Person", "properties": {"name": ["Kim Jong Un"]}},
        "shoigu": {"schema": "Person", "properties": {"name": "Sergei Shoigu", "nationality": ["ru"]}},
        "nobody": {"schema": "Person", "properties": {"name": ["Zxqwv Plokijuh"]}},
        "skipped": null,
    }});
    let r = s.post(
        "/match/default?limit=2&threshold=0.7&cutoff=0.3&algorithm=best",
        &body,
    );
    assert_eq!(r.status, 200, "{}", r.body);
    let v = r.json();
    let resp = v["responses"].as_object().unwrap();
    assert_eq!(resp.len(), 3, "{:?}", resp.keys());
    assert_eq!(v["limit"], 2);
    assert_eq!(resp["kim"]["results"][0]["id"], "ofac:20157");
    let shoigu = &resp["shoigu"]["results"][0];
    assert!(
        shoigu["caption"].as_str().unwrap().contains("SHOIGU"),
        "{shoigu}"
    );
    for q in resp.values() {
        let rs = q["results"].as_array().unwrap();
        assert!(rs.len() <= 2);
        for x in rs {
            let sc = x["score"].as_f64().unwrap();
            assert!(sc >= 0.3);
            assert_eq!(x["match"], sc >= 0.7);
        }
    }
    // a narrower dataset holds only its own source
    let r = s.post("/match/un?cutoff=0.5", &kim());
    assert_eq!(r.status, 200, "{}", r.body);
    let v = r.json();
    for x in v["responses"]["q1"]["results"].as_array().unwrap() {
        assert_eq!(x["datasets"], json!(["un"]), "{x}");
    }
    assert_eq!(v["dataset"], "un");
    let r = s.post("/match/ofac", &kim());
    assert_eq!(
        r.json()["responses"]["q1"]["results"][0]["id"],
        "ofac:20157"
    );
    // yente's name for the SDN list
    let r = s.post("/match/us_ofac_sdn", &kim());
    assert_eq!(r.status, 200);
}

#[test]
fn bad_input_gets_a_clear_4xx_json_error_and_the_server_keeps_serving() {
    let Some(s) = server("bad_input_gets_a_clear_4xx_json_error_and_the_server_keeps_serving")
    else {
        return;
    };
    let addr = s.addr;
    let post_raw = |path: &str, body: &[u8]| {
        request(
            addr,
            "POST",
            path,
            &[("content-type", "application/json")],
            body,
        )
    };
    let big_name = "A".repeat(10 * 1024 * 1024);
    let ten_mb = format!("{{\"queries\": {{\"q\": {{\"schema\": \"Person\", \"properties\": {{\"name\": [\"{big_name}\"]}}}}}}}}");
    let mut many = serde_json::Map::new();
    for i in 0..10_000 {
        many.insert(
            format!("q{i}"),
            json!({"schema": "Person", "properties": {"name": [format!("Name {i}")]}}),
        );
    }
    let many = json!({ "queries": many }).to_string();
    let cases: Vec<(&str, String, Vec<u8>, u16, &str)> = vec![
        ("unknown dataset", "/match/atlantis".into(), kim().to_string().into_bytes(), 404, "dataset not found"),
        ("known but not loaded", "/match/eu".into(), kim().to_string().into_bytes(), 404, "no loaded list"),
        ("malformed JSON", "/match/default".into(), b"{\"queries\": {".to_vec(), 400, "not valid JSON"),
        ("empty body", "/match/default".into(), Vec::new(), 400, "empty"),
        ("not an object", "/match/default".into(), b"[1,2]".to_vec(), 422, "JSON object"),
        ("queries wrong type", "/match/default".into(), b"{\"queries\": [1]}".to_vec(), 422, "queries"),
        ("properties wrong type", "/match/default".into(), b"{\"queries\": {\"a\": {\"schema\": \"Person\", \"properties\": {\"name\": {\"x\": 1}}}}}".to_vec(), 422, "properties.name"),
        ("empty name", "/match/default".into(), one_query("Person", json!({"name": [""]})).to_string().into_bytes(), 400, "no name"),
        ("punctuation name", "/match/default".into(), one_query("Person", json!({"name": ["?!."]})).to_string().into_bytes(), 400, "no letters or digits"),
        ("bad date", "/match/default".into(), one_query("Person", json!({"name": ["X Y"], "birthDate": ["yesterday"]})).to_string().into_bytes(), 400, "not a date"),
        ("bad schema", "/match/default".into(), one_query("Planet", json!({"name": ["X"]})).to_string().into_bytes(), 400, "unknown schema"),
        ("no queries", "/match/default".into(), b"{\"queries\": {}}".to_vec(), 400, "no queries"),
        ("bad threshold", "/match/default?threshold=7".into(), kim().to_string().into_bytes(), 400, "threshold"),
        ("bad limit", "/match/default?limit=-1".into(), kim().to_string().into_bytes(), 400, "limit"),
        ("bad algorithm", "/match/default?algorithm=magic".into(), kim().to_string().into_bytes(), 400, "algorithm"),
        ("10 MB body", "/match/default".into(), ten_mb.into_bytes(), 413, "larger than"),
        ("10,000 queries", "/match/default".into(), many.into_bytes(), 400, "too many queries"),
    ];
    for (what, path, body, status, text) in cases {
        let r = post_raw(&path, &body);
        assert_eq!(r.status, status, "{what}: {}", r.body);
        assert_eq!(r.header("content-type"), Some("application/json"), "{what}");
        let detail = r.json()["detail"].as_str().unwrap_or_default().to_string();
        assert!(detail.contains(text), "{what}: {detail}");
        // still serving, and correctly
        assert_eq!(s.get("/healthz").status, 200, "after {what}");
    }
    assert_kim_first(s);
    // other routes
    let r = s.get("/match/default");
    assert_eq!(r.status, 405);
    assert!(r.json()["detail"].as_str().unwrap().contains("GET"));
    let r = s.get("/no/such/route");
    assert_eq!(r.status, 404);
    assert!(r.json()["detail"].is_string());
    let r = s.get("/search/default");
    assert_eq!(r.status, 400);
    assert!(r.json()["detail"].as_str().unwrap().contains("q"));
    let r = s.get("/entities/ofac:0");
    assert_eq!(r.status, 404);
    assert!(r.json()["detail"].as_str().unwrap().contains("ofac:0"));
    // the error counts show up in the metrics
    let m = s.get("/metrics").body;
    assert!(
        m.contains("route=\"/match/{dataset}\",status=\"413\"} 1"),
        "{m}"
    );
    assert!(
        m.contains("route=\"/match/{dataset}\",status=\"404\"}"),
        "{m}"
    );
}

#[test]
fn search_entities_catalog_health_metrics_openapi() {
    let Some(s) = server("search_entities_catalog_health_metrics_openapi") else {
        return;
    };
    let r = s.get("/search/default?q=Kim%20Jong%20Un&limit=3");
    assert_eq!(r.status, 200, "{}", r.body);
    let v = r.json();
    assert_eq!(v["results"][0]["id"], "ofac:20157");
    assert!(v["results"].as_array().unwrap().len() <= 3);
    assert_eq!(v["limit"], 3);
    assert!(v["facets"]["datasets"]["values"].is_array());

    let r = s.get("/entities/ofac:20157");
    assert_eq!(r.status, 200, "{}", r.body);
    let v = r.json();
    assert_eq!(v["id"], "ofac:20157");
    assert_eq!(v["record"]["reference"], "20157");
    assert_eq!(v["snapshot"]["source"], "ofac");
    assert_eq!(v["active"], true);
    assert!(v["properties"]["program"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p == "DPRK3"));

    let r = s.get("/catalog");
    assert_eq!(r.status, 200);
    let v = r.json();
    let names: Vec<&str> = v["datasets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    for n in ["default", "ofac", "un"] {
        assert!(names.contains(&n), "{names:?}");
    }
    let default = v["datasets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == "default")
        .unwrap();
    let un = default["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["source"] == "un")
        .unwrap();
    assert_eq!(
        un["publisher_date"].as_str().map(|d| &d[..10]),
        Some("2026-02-27")
    );
    assert!(un["entity_count"].as_u64().unwrap() > 900);
    let total: u64 = default["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["entity_count"].as_u64().unwrap())
        .sum();
    assert_eq!(default["entity_count"].as_u64(), Some(total));

    let r = s.get("/readyz");
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["entities"].as_u64(), Some(total));
    assert_eq!(s.get("/healthz").json()["status"], "ok");

    let r = s.get("/metrics");
    assert_eq!(r.status, 200);
    assert!(r.header("content-type").unwrap().starts_with("text/plain"));
    assert!(
        r.body
            .contains(&format!("interdict_entities_loaded {total}\n")),
        "{}",
        r.body
    );
    assert!(r.body.contains("interdict_snapshot_info{source=\"un\""));
    assert!(r
        .body
        .contains("interdict_http_request_duration_seconds_bucket{route=\"/readyz\",le=\"+Inf\"}"));

    let r = s.get("/algorithms");
    assert_eq!(r.json()["default"], "interdict");

    // the OpenAPI document parses and describes every route the server has
    let r = s.get("/openapi.json");
    assert_eq!(r.status, 200);
    let doc = r.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for p in [
        "/match/{dataset}",
        "/trade",
        "/scan",
        "/search/{dataset}",
        "/entities/{id}",
        "/catalog",
        "/algorithms",
        "/healthz",
        "/readyz",
        "/metrics",
        "/openapi.json",
        "/",
    ] {
        assert!(doc["paths"][p].is_object(), "{p} missing from openapi.json");
    }
    // and every documented path answers (not the 404 fallback)
    for (p, ops) in doc["paths"].as_object().unwrap() {
        let concrete = p
            .replace("{dataset}", "default")
            .replace("{id}", "ofac:20157");
        let method = ops
            .as_object()
            .unwrap()
            .keys()
            .next()
            .unwrap()
            .to_ascii_uppercase();
        let r = request(
            s.addr,
            &method,
            &concrete,
            &[],
            kim().to_string().as_bytes(),
        );
        assert!(
            !r.body.contains("no such route") && r.status != 405,
            "{p}: {} {}",
            r.status,
            r.body
        );
    }

    // the page is served and reads ?q=
    let r = s.get("/");
    assert_eq!(r.status, 200);
    assert!(r.header("content-type").unwrap().starts_with("text/html"));
    assert!(r.body.contains("id=\"name\"") && r.body.contains("/match/"));
}

#[test]
fn trade_and_scan_use_the_loaded_lists() {
    let Some(s) = server("trade_and_scan_use_the_loaded_lists") else {
        return;
    };
    let tx = json!([
        {"id": "shells", "date": "2024-01-15", "origin": "KP", "destination": "RU",
         "parties": [{"name": "Kim Jong Un", "role": "seller", "country": "KP"}],
         "goods": [{"hs_code": "9306.90", "description": "152 mm artillery shells", "quantity": 20000, "value": 4000000}]},
        {"id": "fish", "date": "2024-01-15", "origin": "NO", "destination": "DE",
         "parties": [{"name": "Nordic Seafood AS", "role": "seller", "country": "NO"}],
         "goods": [{"hs_code": "0303.89", "description": "frozen fish", "quantity": 10, "value": 5000}]}
    ]);
    let r = s.post("/trade", &tx);
    assert_eq!(r.status, 200, "{}", r.body);
    let v = r.json();
    let d = v["decisions"].as_array().unwrap();
    assert_eq!(d.len(), 2);
    assert_eq!(d[0]["id"], "shells");
    assert_eq!(d[0]["decision"], "prohibited", "{}", d[0]);
    assert!(d[0].to_string().contains("ofac:20157"), "{}", d[0]);
    assert_eq!(d[1]["decision"], "clear", "{}", d[1]);
    let r = request(s.addr, "POST", "/trade", &[], b"{not json");
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(r.json()["detail"].is_string());

    let text = "Minutes: the committee noted payments routed to Kim Jong Un through a bank in Pyongyang, North Korea.";
    let r = request(
        s.addr,
        "POST",
        "/scan",
        &[("content-type", "text/plain")],
        text.as_bytes(),
    );
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("ofac:20157"), "{}", r.body);
    let r = request(
        s.addr,
        "POST",
        "/scan",
        &[("content-type", "text/plain")],
        b"   ",
    );
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(r.json()["detail"].as_str().unwrap().contains("empty"));
}
