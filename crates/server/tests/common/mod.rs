//! Shared by the server's integration tests: a store with real lists, a
//! server on 127.0.0.1:0 in its own runtime, and a small HTTP/1.1 client.
#![allow(dead_code)]

use interdict_server::Config;
use interdict_store::{content_hash, NewSnapshot, Store};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The shared lists folder, or `None` after printing a SKIP line.
pub fn lists_dir(test: &str) -> Option<PathBuf> {
    interdict_formats::shared_lists(test)
}

pub const OFAC: &str = "ofac/sdn_csv_2024-05-03/sdn.csv";
pub const UN_2026: &str = "un/un_consolidated_2026-02-27.xml";
pub const UN_2025: &str = "un/un_consolidated_2025-11-29.xml";

/// Parses a list file and imports it as a snapshot; returns its entity count.
pub fn import(store: &mut Store, lists: &Path, rel: &str) -> usize {
    let path = lists.join(rel);
    let bytes = std::fs::read(&path).unwrap();
    let list = interdict_formats::parse_path(&path).unwrap();
    let hash = content_hash(&[&bytes]);
    store
        .import(&NewSnapshot {
            source: &list.source,
            format: "test",
            publisher_date: list.publisher_date.as_deref(),
            content_hash: &hash,
            files: vec![rel.to_string()],
            entities: &list.entities,
        })
        .unwrap();
    list.entities.len()
}

/// A temporary store with these lists imported.
pub fn store_with(lists: &Path, files: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("interdict.db");
    let mut store = Store::open(&db).unwrap();
    for f in files {
        import(&mut store, lists, f);
    }
    (dir, db)
}

/// A server running in its own thread and runtime.
pub struct TestServer {
    pub addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl TestServer {
    pub fn start(config: Config) -> TestServer {
        let (addr_tx, addr_rx) = std::sync::mpsc::channel();
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .unwrap();
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
                addr_tx.send(listener.local_addr().unwrap()).unwrap();
                interdict_server::serve(listener, config, async {
                    let _ = stop_rx.await;
                })
                .await
                .unwrap();
            });
        });
        let addr = addr_rx.recv_timeout(Duration::from_secs(10)).unwrap();
        TestServer {
            addr,
            stop: Some(stop_tx),
            thread: Some(thread),
        }
    }

    /// Waits until /readyz answers 200.
    pub fn wait_ready(&self) {
        let t = Instant::now();
        loop {
            if let Ok(r) = try_request(self.addr, "GET", "/readyz", &[], b"") {
                if r.status == 200 {
                    return;
                }
            }
            assert!(t.elapsed() < Duration::from_secs(120), "server not ready");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn get(&self, path: &str) -> Resp {
        request(self.addr, "GET", path, &[], b"")
    }

    pub fn post(&self, path: &str, body: &serde_json::Value) -> Resp {
        request(
            self.addr,
            "POST",
            path,
            &[("content-type", "application/json")],
            body.to_string().as_bytes(),
        )
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Resp {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {} {}", self.status, self.body))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

pub fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Resp {
    try_request(addr, method, path, headers, body)
        .unwrap_or_else(|e| panic!("{method} {path}: {e}"))
}

/// One request on a new connection (`Connection: close`); the body is written
/// from another thread so that an early answer (413) is read, not lost.
pub fn try_request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> std::io::Result<Resp> {
    let mut s = TcpStream::connect(addr)?;
    s.set_read_timeout(Some(Duration::from_secs(60)))?;
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes())?;
    let writer = if body.len() > 64 * 1024 {
        let mut w = s.try_clone()?;
        let body = body.to_vec();
        Some(std::thread::spawn(move || {
            let _ = w.write_all(&body);
        }))
    } else {
        s.write_all(body)?;
        None
    };
    // Read until the body is complete by Content-Length (some servers keep
    // the connection open despite `Connection: close`), or to the end.
    let mut raw = Vec::new();
    let mut buf = [0u8; 64 * 1024];
    loop {
        let n = s.read(&mut buf)?;
        if n == 0 {
            break;
        }
        raw.extend_from_slice(&buf[..n]);
        if let Some(end) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&raw[..end]).to_ascii_lowercase();
            let len = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok());
            if len.is_some_and(|len| raw.len() >= end + 4 + len) {
                break;
            }
        }
    }
    if let Some(w) = writer {
        let _ = w.join();
    }
    parse_response(&raw)
}

pub fn parse_response(raw: &[u8]) -> std::io::Result<Resp> {
    let bad = |m: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, m.to_string());
    let end = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| bad("no header end"))?;
    let head = String::from_utf8_lossy(&raw[..end]).to_string();
    let mut lines = head.split("\r\n");
    let status: u16 = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| bad("no status"))?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let mut body = raw[end + 4..].to_vec();
    let chunked = headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    if chunked {
        let mut out = Vec::new();
        let mut rest = &body[..];
        loop {
            let nl = rest
                .windows(2)
                .position(|w| w == b"\r\n")
                .ok_or_else(|| bad("chunk"))?;
            let n = usize::from_str_radix(String::from_utf8_lossy(&rest[..nl]).trim(), 16)
                .map_err(|_| bad("chunk size"))?;
            rest = &rest[nl + 2..];
            if n == 0 {
                break;
            }
            out.extend_from_slice(&rest[..n]);
            rest = &rest[n + 2..];
        }
        body = out;
    }
    Ok(Resp {
        status,
        headers,
        body: String::from_utf8_lossy(&body).to_string(),
    })
}

/// The yente request for one example.
pub fn one_query(schema: &str, props: serde_json::Value) -> serde_json::Value {
    serde_json::json!({"queries": {"q1": {"schema": schema, "properties": props}}})
}
