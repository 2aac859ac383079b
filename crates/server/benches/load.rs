//! Load benchmark: single-query `POST /match/default` requests over loopback
//! keep-alive connections, from this process to a server in a second process.
//!
//! ```text
//! cargo bench -p interdict-server --bench load
//! INTERDICT_LOAD_SECS=60 INTERDICT_LOAD_CONNS=16 cargo bench -p interdict-server --bench load
//! ```
//!
//! The bench imports the real OFAC 2024 SDN list and the UN 2026 list into a
//! temporary store, starts itself again as the server (`INTERDICT_LOAD_ROLE=server`,
//! JSON request logs to /dev/null), waits for `/readyz`, then drives it from
//! `INTERDICT_LOAD_CONNS` connections (default 16) on one client thread for
//! `INTERDICT_LOAD_SECS` seconds (default 60). It prints requests/s, latency
//! percentiles, errors and the server's resident memory sampled every 5 s
//! (from /proc/PID/status). Queries rotate over listed names (every 37th
//! entity's caption) and unlisted names; `INTERDICT_LOAD_MIX=people` uses
//! ten short person and company names only.

use interdict_store::{content_hash, NewSnapshot, Store};
use std::io::BufRead;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn env_num(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() {
    if std::env::var("INTERDICT_LOAD_ROLE").as_deref() == Ok("server") {
        run_server();
        return;
    }
    // `cargo bench` passes --bench; `cargo test --benches` runs it with no
    // such flag: then only a smoke run of 2 s.
    let benching = std::env::args().any(|a| a == "--bench");
    let secs = if benching {
        env_num("INTERDICT_LOAD_SECS", 60)
    } else {
        2
    };
    let conns = env_num("INTERDICT_LOAD_CONNS", 16).max(1) as usize;
    let lists = std::env::var_os("INTERDICT_LISTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/data/lists"
            ))
        });
    if !lists.is_dir() {
        eprintln!(
            "SKIP: load: shared lists folder not found at {}",
            lists.display()
        );
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("interdict.db");
    let mut names: Vec<String> = Vec::new();
    {
        let mut store = Store::open(&db).expect("store");
        for rel in [
            "ofac/sdn_csv_2024-05-03/sdn.csv",
            "un/un_consolidated_2026-02-27.xml",
        ] {
            let path = lists.join(rel);
            let bytes = std::fs::read(&path).expect("list file");
            let list = interdict_formats::parse_path(&path).expect("parse");
            names.extend(
                list.entities
                    .iter()
                    .step_by(37)
                    .map(|e| e.caption().to_string()),
            );
            store
                .import(&NewSnapshot {
                    source: &list.source,
                    format: "bench",
                    publisher_date: list.publisher_date.as_deref(),
                    content_hash: &content_hash(&[&bytes]),
                    files: vec![rel.to_string()],
                    entities: &list.entities,
                })
                .expect("import");
        }
    }
    let unlisted = [
        "Kim Jong Un",
        "Sergei Shoigu",
        "John Smith",
        "Maria Garcia Lopez",
        "Mohammed bin Salman",
        "Acme Trading LLC",
        "Jean-Pierre Dupont",
        "Olga Ivanova",
        "Wei Zhang",
        "Ahmad Khan",
    ];
    // INTERDICT_LOAD_MIX: `lists` (default) = listed captions and unlisted
    // names alternating; `people` = the ten short unlisted/famous names only
    // (cheap queries: shows the HTTP layer rather than the matcher).
    let mix = std::env::var("INTERDICT_LOAD_MIX").unwrap_or_else(|_| "lists".into());
    let mut bodies: Vec<Vec<u8>> = Vec::new();
    if mix == "people" {
        bodies.extend(unlisted.iter().map(|u| body(u)));
    } else {
        for (i, n) in names.iter().enumerate() {
            bodies.push(body(n));
            if let Some(u) = unlisted.get(i % unlisted.len()) {
                bodies.push(body(u));
            }
        }
    }
    let exe = std::env::current_exe().expect("exe");
    let mut child = Command::new(exe)
        .env("INTERDICT_LOAD_ROLE", "server")
        .env("INTERDICT_LOAD_DB", &db)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("server process");
    let pid = child.id();
    let mut line = String::new();
    std::io::BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("server address");
    let addr: SocketAddr = line
        .trim()
        .strip_prefix("LISTENING ")
        .and_then(|a| a.parse().ok())
        .expect("LISTENING line");
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let t_ready = Instant::now();
    rt.block_on(wait_ready(addr));
    println!(
        "server pid {pid} on {addr}: lists loaded and indexed in {:.1} s; RSS {} MiB",
        t_ready.elapsed().as_secs_f64(),
        rss_kib(pid) / 1024
    );
    println!(
        "{conns} keep-alive connections, {secs} s, mix {mix}: {} distinct single-query bodies",
        bodies.len()
    );
    // warm-up
    rt.block_on(drive(addr, &bodies, conns, Duration::from_secs(2)));
    let rss_start = rss_kib(pid);
    let (cpu_srv0, cpu_self0) = (cpu_secs(pid), cpu_secs(std::process::id()));
    let stop = Arc::new(AtomicBool::new(false));
    let sampler = {
        let stop = stop.clone();
        std::thread::spawn(move || {
            let mut samples = Vec::new();
            let t0 = Instant::now();
            while !stop.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(250));
                if t0.elapsed().as_secs() >= 5 * (samples.len() as u64 + 1) {
                    samples.push(rss_kib(pid));
                }
            }
            samples
        })
    };
    let t0 = Instant::now();
    let (mut lat, errors) = rt.block_on(drive(addr, &bodies, conns, Duration::from_secs(secs)));
    let wall = t0.elapsed().as_secs_f64();
    let cpu_srv = cpu_secs(pid) - cpu_srv0;
    let cpu_client = cpu_secs(std::process::id()) - cpu_self0;
    stop.store(true, Ordering::Relaxed);
    let samples = sampler.join().unwrap_or_default();
    let _ = child.kill();
    let _ = child.wait();
    lat.sort_unstable();
    let pct = |p: f64| -> f64 {
        if lat.is_empty() {
            return 0.0;
        }
        let i = ((lat.len() as f64 - 1.0) * p).round() as usize;
        lat.get(i).copied().unwrap_or(0) as f64 / 1000.0
    };
    println!(
        "requests {}  errors {errors}  throughput {:.0} req/s",
        lat.len(),
        lat.len() as f64 / wall
    );
    println!(
        "latency ms: p50 {:.2}  p90 {:.2}  p99 {:.2}  p99.9 {:.2}  max {:.2}",
        pct(0.50),
        pct(0.90),
        pct(0.99),
        pct(0.999),
        pct(1.0)
    );
    let n = lat.len().max(1) as f64;
    println!(
        "CPU per request: server {:.0} us, client {:.0} us (server used {:.2} cores; \
         at 2 cores the server alone would do about {:.0} req/s)",
        cpu_srv / n * 1e6,
        cpu_client / n * 1e6,
        cpu_srv / wall,
        2.0 * n / cpu_srv.max(1e-9)
    );
    let mib = |k: u64| k as f64 / 1024.0;
    println!(
        "server RSS MiB: after warm-up {:.1}; every 5 s: {}",
        mib(rss_start),
        samples
            .iter()
            .map(|k| format!("{:.1}", mib(*k)))
            .collect::<Vec<_>>()
            .join(" ")
    );
}

fn body(name: &str) -> Vec<u8> {
    serde_json::json!({"queries": {"q": {"schema": "Thing", "properties": {"name": [name]}}}})
        .to_string()
        .into_bytes()
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmRSS:"))
                .and_then(|v| v.split_whitespace().next()?.parse().ok())
        })
        .unwrap_or(0)
}

/// User + system CPU seconds of a process (from /proc/PID/stat, 100 Hz ticks).
fn cpu_secs(pid: u32) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| {
            let rest = s.rsplit_once(')')?.1;
            let f: Vec<&str> = rest.split_whitespace().collect();
            let ut: f64 = f.get(11)?.parse().ok()?;
            let st: f64 = f.get(12)?.parse().ok()?;
            Some((ut + st) / 100.0)
        })
        .unwrap_or(0.0)
}

async fn wait_ready(addr: SocketAddr) {
    let t0 = Instant::now();
    loop {
        if let Ok(mut c) = tokio::net::TcpStream::connect(addr).await {
            let req = format!("GET /readyz HTTP/1.1\r\nHost: {addr}\r\n\r\n");
            if c.write_all(req.as_bytes()).await.is_ok() {
                let mut buf = Vec::new();
                if let Ok(status) = read_response(&mut c, &mut buf).await {
                    if status == 200 {
                        return;
                    }
                }
            }
        }
        assert!(
            t0.elapsed() < Duration::from_secs(300),
            "server never ready"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Reads one response (Content-Length framed); returns its status.
async fn read_response(c: &mut tokio::net::TcpStream, buf: &mut Vec<u8>) -> std::io::Result<u16> {
    buf.clear();
    let mut chunk = [0u8; 16 * 1024];
    loop {
        if let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = std::str::from_utf8(&buf[..end]).unwrap_or("");
            let status = head
                .split(' ')
                .nth(1)
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
            let len = head
                .lines()
                .find_map(|l| {
                    let (k, v) = l.split_once(':')?;
                    k.eq_ignore_ascii_case("content-length")
                        .then(|| v.trim().parse::<usize>().ok())?
                })
                .unwrap_or(0);
            while buf.len() < end + 4 + len {
                let n = c.read(&mut chunk).await?;
                if n == 0 {
                    return Err(std::io::ErrorKind::UnexpectedEof.into());
                }
                buf.extend_from_slice(&chunk[..n]);
            }
            return Ok(status);
        }
        let n = c.read(&mut chunk).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        buf.extend_from_slice(&chunk[..n]);
    }
}

/// Runs `conns` connections for `dur`; latencies in microseconds and errors.
async fn drive(
    addr: SocketAddr,
    bodies: &[Vec<u8>],
    conns: usize,
    dur: Duration,
) -> (Vec<u64>, u64) {
    let bodies = Arc::new(bodies.to_vec());
    let end = Instant::now() + dur;
    let mut tasks = Vec::new();
    for c in 0..conns {
        let bodies = bodies.clone();
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::with_capacity(1 << 16);
            let mut errors = 0u64;
            let mut i = c * 7919;
            let mut buf = Vec::with_capacity(16 * 1024);
            'outer: while Instant::now() < end {
                let Ok(mut s) = tokio::net::TcpStream::connect(addr).await else {
                    errors += 1;
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                };
                let _ = s.set_nodelay(true);
                while Instant::now() < end {
                    i = i.wrapping_add(1);
                    let Some(b) = bodies.get(i % bodies.len().max(1)) else {
                        break 'outer;
                    };
                    let mut req = format!(
                        "POST /match/default HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
                        b.len()
                    )
                    .into_bytes();
                    req.extend_from_slice(b);
                    let t = Instant::now();
                    if s.write_all(&req).await.is_err() {
                        errors += 1;
                        continue 'outer;
                    }
                    match read_response(&mut s, &mut buf).await {
                        Ok(200) => lat.push(t.elapsed().as_micros() as u64),
                        Ok(_) => errors += 1,
                        Err(_) => {
                            errors += 1;
                            continue 'outer;
                        }
                    }
                }
            }
            (lat, errors)
        }));
    }
    let mut all = Vec::new();
    let mut errors = 0;
    for t in tasks {
        if let Ok((l, e)) = t.await {
            all.extend(l);
            errors += e;
        }
    }
    (all, errors)
}

fn run_server() {
    let db = PathBuf::from(std::env::var_os("INTERDICT_LOAD_DB").expect("INTERDICT_LOAD_DB"));
    interdict_server::init_logging(true);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        println!("LISTENING {}", listener.local_addr().expect("addr"));
        let config = interdict_server::Config::new(db);
        // stop when the parent closes our stdin (or kills us)
        let shutdown = async {
            let _ = tokio::task::spawn_blocking(|| {
                let mut s = String::new();
                let _ = std::io::stdin().read_line(&mut s);
            })
            .await;
        };
        interdict_server::serve(listener, config, shutdown)
            .await
            .expect("serve");
    });
}
