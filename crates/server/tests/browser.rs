//! The analysts' page, end to end in headless Chromium (Debian's `chromium`
//! and `chromium-driver` packages). Without them the tests print SKIP.

mod common;

use common::{lists_dir, store_with, try_request, TestServer, OFAC, UN_2026};
use interdict_server::Config;
use serde_json::{json, Value};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn chromium() -> Option<PathBuf> {
    let p = std::env::var_os("CHROME_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| "/usr/bin/chromium".into());
    p.is_file().then_some(p)
}

fn chromedriver() -> Option<PathBuf> {
    let p = std::env::var_os("CHROMEDRIVER")
        .map(PathBuf::from)
        .unwrap_or_else(|| "/usr/bin/chromedriver".into());
    p.is_file().then_some(p)
}

const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A chromedriver process and one browser session, ended on drop.
struct Driver {
    child: Child,
    addr: SocketAddr,
    session: String,
    _profile: tempfile::TempDir,
}

impl Driver {
    fn start(driver: &PathBuf, chrome: &PathBuf) -> Driver {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
        let t0 = Instant::now();
        while try_request(addr, "GET", "/status", &[], b"").is_err() {
            assert!(
                t0.elapsed() < Duration::from_secs(20),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = tempfile::tempdir().unwrap();
        let mut d = Driver {
            child,
            addr,
            session: String::new(),
            _profile: profile,
        };
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": chrome, "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", format!("--user-data-dir={}", d._profile.path().display())]}}}});
        let v = d.call("POST", "/session", &caps);
        d.session = v["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {v}"))
            .to_string();
        d
    }

    fn call(&self, method: &str, path: &str, body: &Value) -> Value {
        let body = if method == "GET" || method == "DELETE" {
            String::new()
        } else {
            body.to_string()
        };
        let r = try_request(
            self.addr,
            method,
            path,
            &[("content-type", "application/json")],
            body.as_bytes(),
        )
        .unwrap_or_else(|e| panic!("webdriver {path}: {e}"));
        let v = r.json();
        assert_eq!(r.status, 200, "webdriver {method} {path}: {v}");
        v["value"].clone()
    }

    fn s(&self, rest: &str) -> String {
        format!("/session/{}{rest}", self.session)
    }

    fn find_all(&self, css: &str) -> Vec<String> {
        let v = self.call(
            "POST",
            &self.s("/elements"),
            &json!({"using": "css selector", "value": css}),
        );
        v.as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e[ELEMENT].as_str().map(str::to_string))
            .collect()
    }

    /// Waits for an element to be there.
    fn wait(&self, css: &str) -> String {
        let t0 = Instant::now();
        loop {
            if let Some(e) = self.find_all(css).into_iter().next() {
                return e;
            }
            assert!(
                t0.elapsed() < Duration::from_secs(20),
                "{css} never appeared"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn text(&self, el: &str) -> String {
        self.call("GET", &self.s(&format!("/element/{el}/text")), &Value::Null)
            .as_str()
            .unwrap_or("")
            .to_string()
    }

    fn type_into(&self, css: &str, text: &str) {
        let el = self.wait(css);
        self.call(
            "POST",
            &self.s(&format!("/element/{el}/value")),
            &json!({"text": text}),
        );
    }

    fn click(&self, css: &str) {
        let el = self.wait(css);
        self.call("POST", &self.s(&format!("/element/{el}/click")), &json!({}));
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = try_request(
                self.addr,
                "DELETE",
                &format!("/session/{}", self.session),
                &[],
                b"",
            );
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn server(test: &str) -> Option<(tempfile::TempDir, TestServer)> {
    let lists = lists_dir(test)?;
    let (dir, db) = store_with(&lists, &[OFAC, UN_2026]);
    let s = TestServer::start(Config::new(db));
    s.wait_ready();
    Some((dir, s))
}

#[test]
fn an_analyst_types_a_name_and_reads_the_result_and_its_explanation() {
    let t = "an_analyst_types_a_name_and_reads_the_result_and_its_explanation";
    let (Some(driver), Some(chrome)) = (chromedriver(), chromium()) else {
        eprintln!("SKIP: {t}: /usr/bin/chromium or /usr/bin/chromedriver not installed (apt-get install chromium chromium-driver)");
        return;
    };
    let Some((_dir, server)) = server(t) else {
        return;
    };
    let d = Driver::start(&driver, &chrome);
    d.call(
        "POST",
        &d.s("/url"),
        &json!({"url": format!("http://{}/", server.addr)}),
    );
    d.type_into("#name", "Kim Jong Un");
    d.type_into("#birth", "1984-01-08");
    d.click("#go");
    let first = d.wait("#results .result");
    let id = d.text(&d.wait("#results .result .id"));
    let text = d.text(&first);
    let explanation = d.text(&d.wait("#results .result .explanation"));
    eprintln!("first result: {text}\nexplanation: {explanation}");
    assert_eq!(id, "ofac:20157");
    assert!(text.contains("MATCH"), "{text}");
    assert!(text.contains("DPRK3"), "programmes not shown: {text}");
    assert!(
        explanation.contains("ofac:20157") && explanation.contains("birth date 1984-01-08 agrees"),
        "{explanation}"
    );
    let status = d.text(&d.wait("#status"));
    assert!(status.contains("result"), "{status}");
    // the full record, one click away
    d.click("#results .result a.caption");
    let props = d.wait("#detail #props");
    let detail = d.text(&props);
    assert!(
        detail.contains("DPRK3") && detail.contains("1984-01-08"),
        "{detail}"
    );
    // the search is in the address, so it can be shared
    let url = d.call("GET", &d.s("/url"), &Value::Null);
    assert!(url.as_str().unwrap().contains("q=Kim+Jong+Un"), "{url}");
}

#[test]
fn the_page_renders_results_for_a_shared_address_in_dump_dom() {
    let t = "the_page_renders_results_for_a_shared_address_in_dump_dom";
    let Some(chrome) = chromium() else {
        eprintln!("SKIP: {t}: /usr/bin/chromium not installed (apt-get install chromium)");
        return;
    };
    let Some((_dir, server)) = server(t) else {
        return;
    };
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new(chrome)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--virtual-time-budget=10000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!(
            "http://{}/?q=Kim+Jong+Un&birthDate=1984-01-08",
            server.addr
        ))
        .stderr(Stdio::null())
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&out.stdout);
    let at = dom
        .find("class=\"result match\" data-id=\"ofac:20157\"")
        .unwrap_or_else(|| {
            panic!(
                "no ofac:20157 match in the rendered page: {}",
                &dom[dom.len().saturating_sub(3000)..]
            )
        });
    let rest = &dom[at..];
    assert!(rest.contains("class=\"explanation\""), "no explanation");
    assert!(
        rest.contains("birth date 1984-01-08 agrees"),
        "explanation lacks the birth date"
    );
    // it is the first result
    assert!(
        dom.find("class=\"result ").is_some_and(|i| i == at),
        "ofac:20157 is not first"
    );
}
