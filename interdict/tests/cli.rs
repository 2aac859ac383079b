//! End-to-end tests of the `interdict` binary on the real list files.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn lists_dir() -> Option<PathBuf> {
    interdict_formats::shared_lists("interdict cli tests")
}

struct Db {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Db {
    fn new() -> Db {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("test.db");
        Db { _dir: dir, path }
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_interdict"))
            .arg("--db")
            .arg(&self.path)
            .args(args)
            .output()
            .unwrap()
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "interdict {args:?} failed: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(args)).unwrap()
    }
}

fn path_str(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn un_import_counts_and_diff_between_editions() {
    let Some(lists) = lists_dir() else { return };
    let db = Db::new();
    let old = lists.join("un/un_consolidated_2025-11-29.xml");
    let new = lists.join("un/un_consolidated_2026-02-27.xml");
    db.ok(&["import", path_str(&old), path_str(&new)]);
    let snapshots = db.json(&["lists", "--format", "json"]);
    let snapshots = snapshots.as_array().unwrap();
    assert_eq!(snapshots.len(), 2);
    let newest = &snapshots[1];
    assert_eq!(newest["source"], "un");
    assert_eq!(newest["counts"]["Person"], 730);
    assert_eq!(newest["counts"]["Organization"], 273);
    assert_eq!(newest["active"], true);
    assert_eq!(snapshots[0]["active"], false);
    assert!(newest["publisher_date"]
        .as_str()
        .unwrap()
        .starts_with("2026-02-27"));

    let (a, b) = (snapshots[0]["id"].to_string(), newest["id"].to_string());
    let diff = db.json(&["diff", &a, &b, "--format", "json"]);
    let ids = |key: &str| -> Vec<String> {
        diff[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_str().unwrap().to_string())
            .collect()
    };
    let added = ids("added");
    for id in ["un:SDi.007", "un:SDi.008", "un:SDi.009", "un:SDi.010"] {
        assert!(added.contains(&id.to_string()), "{id} not in {added:?}");
    }
    assert_eq!(added.len(), 4, "{added:?}");
    assert_eq!(ids("removed"), vec!["un:IQi.074".to_string()]);
    // Every record present in both editions is byte-identical in the two
    // files (checked with a script over the raw XML), so nothing is "changed";
    // amendments are covered by `amended_entries_are_reported_field_by_field`.
    let changed = diff["changed"].as_array().unwrap();
    assert!(changed.is_empty(), "{changed:?}");

    // the same diff from the files themselves
    let from_files = db.json(&["diff", path_str(&old), path_str(&new), "--format", "json"]);
    assert_eq!(from_files["added"], diff["added"]);
    assert_eq!(from_files["removed"], diff["removed"]);
    assert_eq!(
        from_files["changed"].as_array().unwrap().len(),
        changed.len()
    );

    // importing the same bytes again changes nothing and says so
    let again = db.ok(&["import", path_str(&new)]);
    assert!(again.contains("unchanged"), "{again}");
    assert_eq!(
        db.json(&["lists", "--format", "json"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn amended_entries_are_reported_field_by_field() {
    let Some(lists) = lists_dir() else { return };
    let db = Db::new();
    let tmp = tempfile::tempdir().unwrap();
    let original =
        std::fs::read_to_string(lists.join("un/un_consolidated_2026-02-27.xml")).unwrap();
    // amend one entry the way the UN does: a new nationality and a changed date of listing
    let amended = original
        .replacen(
            "<LISTED_ON>2012-12-31</LISTED_ON>",
            "<LISTED_ON>2013-01-02</LISTED_ON>",
            1,
        )
        .replacen(
            "<VALUE>Democratic Republic of the Congo</VALUE>",
            "<VALUE>Rwanda</VALUE>",
            1,
        );
    assert_ne!(amended, original);
    let path = tmp.path().join("amended.xml");
    std::fs::write(&path, amended).unwrap();
    let diff = db.json(&[
        "diff",
        path_str(&lists.join("un/un_consolidated_2026-02-27.xml")),
        path_str(&path),
        "--format",
        "json",
    ]);
    let changed = diff["changed"].as_array().unwrap();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert_eq!(changed[0]["id"], "un:CDi.001");
    let fields: Vec<&str> = changed[0]["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["field"].as_str().unwrap())
        .collect();
    assert!(fields.contains(&"listed_on"), "{fields:?}");
    assert!(fields.contains(&"nationalities"), "{fields:?}");
    let text = db.ok(&[
        "diff",
        path_str(&lists.join("un/un_consolidated_2026-02-27.xml")),
        path_str(&path),
    ]);
    assert!(text.contains("~ un:CDi.001"), "{text}");
    assert!(
        text.contains("nationalities: - CD") && text.contains("nationalities: + RW"),
        "{text}"
    );
}

#[test]
fn ofac_sdn_csv_entry_kim_jong_un() {
    let Some(lists) = lists_dir() else { return };
    let db = Db::new();
    db.ok(&[
        "import",
        path_str(&lists.join("ofac/sdn_csv_2024-05-03/sdn.csv")),
    ]);
    let snapshots = db.json(&["lists", "--format", "json"]);
    assert_eq!(snapshots[0]["source"], "ofac");
    assert_eq!(snapshots[0]["entity_count"], 14965);
    let shown = db.json(&["show", "ofac:20157", "--format", "json"]);
    let e = &shown["entity"];
    assert_eq!(e["schema"], "Person");
    assert_eq!(e["names"][0]["full"], "KIM, Jong Un");
    assert_eq!(e["birth_dates"][0]["date"], "1984-01-08");
    assert!(e["programmes"]
        .as_array()
        .unwrap()
        .contains(&serde_json::json!("DPRK3")));
    let text = db.ok(&["show", "ofac:20157"]);
    assert!(
        text.contains("KIM, Jong Un") && text.contains("1984-01-08"),
        "{text}"
    );
    let missing = db.run(&["show", "ofac:0"]);
    assert_eq!(missing.status.code(), Some(1));
}

#[test]
fn an_sdn_csv_kept_alone_takes_its_aliases_from_another_folder() {
    let Some(lists) = lists_dir() else { return };
    let db = Db::new();
    let sdn = lists.join("ofac/sdn_csv_2024-05-03/sdn.csv");
    // without them the alias `WAGNER GROUP` (alt.csv of 2026) is not known
    db.ok(&["import", path_str(&sdn)]);
    let before = db.run(&["screen", "Wagner Group", "--threshold", "0.8"]);
    assert_eq!(before.status.code(), Some(0), "no match expected");
    let out = db.run(&[
        "import",
        path_str(&sdn),
        "--companions-from",
        path_str(&lists.join("ofac/sdn_addalt_csv_2026")),
    ]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    // the join is said, and the rows of entries the 2024 file lacks are counted
    assert!(err.contains("alt.csv joined to"), "{err}");
    assert!(
        err.contains("alias rows name an ent_num that is not in the primary file"),
        "{err}"
    );
    let found = db.run(&["screen", "Wagner Group", "--threshold", "0.8"]);
    assert_eq!(found.status.code(), Some(1), "a match expected");
    let found = String::from_utf8_lossy(&found.stdout);
    assert!(found.contains("ofac:22543"), "{found}");
    assert!(found.contains("WAGNER GROUP"), "{found}");
    // a folder holding no companion the set lacks is refused
    let none = db.run(&[
        "import",
        path_str(&sdn),
        "--companions-from",
        path_str(&lists.join("un")),
    ]);
    assert_eq!(none.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&none.stderr).contains("--companions-from"));
}

#[test]
fn batch_reads_a_file_that_splits_the_name_into_given_and_family_names() {
    let Some(lists) = lists_dir() else { return };
    let db = Db::new();
    db.ok(&[
        "import",
        path_str(&lists.join("ofac/sdn_csv_2024-05-03/sdn.csv")),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("customers.csv");
    let output = dir.path().join("hits.jsonl");
    std::fs::write(
        &input,
        "ref,first_name,last_name\n\
         1,Jong Un,Kim\n\
         2,Mohammed,Qasim\n\
         3,Muhammad Qasim,Abdollahi\n\
         4,,\n",
    )
    .unwrap();
    let out = db.run(&[
        "batch",
        path_str(&input),
        "--out",
        path_str(&output),
        "--quiet",
    ]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let rows: Vec<serde_json::Value> = std::fs::read_to_string(&output)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 4);
    let matched = |row: &serde_json::Value, id: &str| {
        row["matches"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["entity_id"] == id && m["match"] == true)
    };
    // the given names, then the family name: KIM, Jong Un and QASIM, Mohammed
    assert!(matched(&rows[0], "ofac:20157"), "{}", rows[0]);
    assert_eq!(rows[0]["input"]["first_name"], "Jong Un");
    // a match says why, in the explanation's words
    let why = rows[0]["matches"][0]["why"].as_str().unwrap_or_default();
    assert!(
        why.contains("\"KIM, Jong Un\"") && why.contains("score"),
        "{why}"
    );
    assert!(matched(&rows[1], "ofac:15581"), "{}", rows[1]);
    // a family name that meets nothing names another family than the
    // listed QASIM, Mohammed, though the given names agree
    assert!(!matched(&rows[2], "ofac:15581"), "{}", rows[2]);
    // nothing to screen: an error row naming the columns
    let err = rows[3]["error"].as_str().unwrap();
    assert!(
        err.contains("first_name") && err.contains("last_name"),
        "{err}"
    );
    // the same name in one column, nothing said of its family name: found
    std::fs::write(&input, "name\nMuhammad Qasim Abdollahi\n").unwrap();
    db.run(&[
        "batch",
        path_str(&input),
        "--out",
        path_str(&output),
        "--quiet",
    ]);
    let row: serde_json::Value =
        serde_json::from_str(std::fs::read_to_string(&output).unwrap().trim()).unwrap();
    assert!(matched(&row, "ofac:15581"), "{row}");
    // CSV out: the best match's explanation in a `why` column
    let csv_out = dir.path().join("hits.csv");
    std::fs::write(&input, "name\nKim Jong Un\nZzyzx Qwerty\n").unwrap();
    db.run(&[
        "batch",
        path_str(&input),
        "--out",
        path_str(&csv_out),
        "--quiet",
    ]);
    let mut reader = csv::Reader::from_path(&csv_out).unwrap();
    let headers = reader.headers().unwrap().clone();
    let why_at = headers
        .iter()
        .position(|h| h == "why")
        .expect("a why column");
    let recs: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(recs[0][why_at].contains("KIM, Jong Un"), "{:?}", recs[0]);
    assert_eq!(&recs[1][why_at], "", "{:?}", recs[1]);
    // a file with neither a name column nor a family-name column is refused
    std::fs::write(&input, "who\nKim\n").unwrap();
    let out = db.run(&["batch", path_str(&input), "--out", path_str(&output)]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("--family-name-column"));
}

#[test]
fn eu_legacy_xml_imports_as_an_older_eu_edition() {
    let Some(lists) = lists_dir() else { return };
    let db = Db::new();
    let out = db.ok(&[
        "import",
        path_str(&lists.join("eu/eu_legacy_1_0_subset_2016-02-11.xml")),
        path_str(&lists.join("eu/eu_fsf_1_1_excerpt_2026-08-05.xml")),
    ]);
    assert!(out.contains("595 entities"), "{out}");
    let snapshots = db.json(&["lists", "--format", "json"]);
    let snapshots = snapshots.as_array().unwrap();
    assert_eq!(snapshots.len(), 2);
    let legacy = &snapshots[0];
    assert_eq!(legacy["source"], "eu");
    assert_eq!(legacy["format"], "eu-legacy-xml");
    assert_eq!(legacy["publisher_date"], "2016-02-11");
    assert_eq!(legacy["counts"]["Person"], 319);
    assert_eq!(legacy["counts"]["Organization"], 276);
    // the 2026 edition of the same list is the active one
    assert_eq!(legacy["active"], false);
    assert_eq!(snapshots[1]["active"], true);
    let shown = db.json(&["show", "eu:13", "--format", "json"]);
    let e = &shown["entity"];
    assert_eq!(e["names"][0]["full"], "Saddam Hussein Al-Tikriti");
    assert_eq!(e["birth_dates"][0]["date"], "1937-04-28");
}

#[test]
fn ofac_enhanced_zip_imports_like_the_xml_inside() {
    let Some(lists) = lists_dir() else { return };
    let db = Db::new();
    let zip = lists.join("ofac/cons_enhanced_2025-01-10.zip");
    let out = db.ok(&["import", path_str(&zip)]);
    assert!(out.contains("443 entities"), "{out}");
    let snapshots = db.json(&["lists", "--format", "json"]);
    let s = &snapshots[0];
    assert_eq!(s["source"], "ofac-cons");
    assert_eq!(s["format"], "ofac-enhanced-xml");
    assert_eq!(s["publisher_date"], "2025-01-10");
    assert_eq!(s["counts"]["Organization"], 363);
    assert_eq!(s["counts"]["Person"], 80);
    let shown = db.json(&["show", "ofac-cons:17013", "--format", "json"]);
    assert_eq!(
        shown["entity"]["names"][0]["full"],
        "VTB BANK PUBLIC JOINT STOCK COMPANY"
    );
    // a truncated zip is refused with a clear message and changes nothing
    let dir = tempfile::tempdir().unwrap();
    let cut = dir.path().join("cut.zip");
    let bytes = std::fs::read(&zip).unwrap();
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let out = db.run(&["import", path_str(&cut)]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cut.zip") && err.contains("truncated"),
        "{err}"
    );
    assert_eq!(db.json(&["lists", "--format", "json"]), snapshots);
}

#[test]
fn us_csl_gzip_imports_and_screens() {
    let Some(lists) = lists_dir() else { return };
    let db = Db::new();
    let out = db.ok(&[
        "import",
        path_str(&lists.join("us_trade_csl/consolidated_2022.csv.gz")),
    ]);
    assert!(out.contains("14048 entities"), "{out}");
    let snapshots = db.json(&["lists", "--format", "json"]);
    assert_eq!(snapshots[0]["source"], "us-csl");
    assert_eq!(snapshots[0]["format"], "us-csl-csv");
    assert_eq!(snapshots[0]["counts"]["Person"], 5284);
    let shown = db.json(&["show", "us-csl:35173", "--format", "json"]);
    assert_eq!(shown["entity"]["names"][0]["full"], "SHOIGU, Sergei");
    assert_eq!(shown["entity"]["birth_dates"][0]["date"], "1955-05-21");
}

#[test]
fn opensanctions_nested_and_simple_targets_import_and_screen() {
    let Some(lists) = lists_dir() else { return };
    let db = Db::new();
    // the folder: targets.nested.json and targets.simple.csv import,
    // index.json (dataset metadata) is skipped
    let folder = lists.join("opensanctions/wd_persons_sample");
    let out = db.run(&["import", path_str(&folder)]);
    assert!(out.status.success(), "{out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("skipped:") && err.contains("index.json"),
        "{err}"
    );
    let snapshots = db.json(&["lists", "--format", "json"]);
    let snapshots = snapshots.as_array().unwrap();
    assert_eq!(snapshots.len(), 2);
    let formats: Vec<&str> = snapshots
        .iter()
        .map(|s| s["format"].as_str().unwrap())
        .collect();
    // imported in file-name order
    assert_eq!(formats, ["ftm-nested-json", "opensanctions-simple-csv"]);
    for s in snapshots {
        assert_eq!(s["source"], "opensanctions");
        assert!(s["publisher_date"]
            .as_str()
            .unwrap()
            .starts_with("2024-03-10"));
    }
    assert_eq!(snapshots[0]["counts"]["Person"], 9);
    assert_eq!(snapshots[1]["counts"]["Person"], 5);

    let shown = db.json(&["show", "opensanctions:Q296771", "--format", "json"]);
    let e = &shown["entity"];
    assert_eq!(e["names"][0]["full"], "Saad Hariri");
    assert_eq!(e["birth_dates"][0]["date"], "1970-04-18");
    let out = db.run(&["screen", "Saad Hariri", "--birth-date", "1970-04-18"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("opensanctions:Q296771"), "{text}");
}

#[test]
fn bad_files_are_refused_and_the_store_is_unchanged() {
    let Some(lists) = lists_dir() else { return };
    let db = Db::new();
    db.ok(&[
        "import",
        path_str(&lists.join("un/un_consolidated_2026-02-27.xml")),
    ]);
    let before = db.ok(&["lists", "--format", "json"]);

    let malformed = lists.join("ofac/malformed/npm_ofac_bad_sdnlist.xml");
    let out = db.run(&["import", path_str(&malformed)]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("npm_ofac_bad_sdnlist.xml:"), "{err}");

    let tmp = tempfile::tempdir().unwrap();
    let un = std::fs::read(lists.join("un/un_consolidated_2026-02-27.xml")).unwrap();
    let truncated = tmp.path().join("truncated.xml");
    std::fs::write(&truncated, &un[..un.len() / 2]).unwrap();
    let empty = tmp.path().join("empty.csv");
    std::fs::write(&empty, b"").unwrap();
    let unknown = tmp.path().join("notes.txt");
    std::fs::write(&unknown, b"hello, world\n").unwrap();
    let latin1 = tmp.path().join("latin1.xml");
    let mut bad = un[..2000].to_vec();
    bad.extend_from_slice(b"\xe9\xff");
    bad.extend_from_slice(&un[2000..]);
    std::fs::write(&latin1, &bad).unwrap();
    for (file, expect) in [
        (&truncated, "truncated.xml:"),
        (&empty, "empty"),
        (&unknown, "unknown list format"),
        (&latin1, "invalid UTF-8"),
    ] {
        let out = db.run(&["import", path_str(file)]);
        assert_eq!(out.status.code(), Some(2), "{}", file.display());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expect), "{}: {err}", file.display());
        assert!(!err.contains("panicked"), "{err}");
    }
    assert_eq!(db.ok(&["lists", "--format", "json"]), before);
}

/// A minimal HTTP/1.1 file server on 127.0.0.1 with ETag support, serving
/// `root` for `count` requests at most, in a background thread.
fn serve(root: PathBuf) -> (String, std::sync::Arc<std::sync::Mutex<Vec<u16>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = format!("http://{}", listener.local_addr().unwrap());
    let statuses = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = statuses.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().take(200) {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request_line = String::new();
            if reader.read_line(&mut request_line).is_err() {
                continue;
            }
            let mut if_none_match = None;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some((k, v)) = line.split_once(':') {
                    if k.eq_ignore_ascii_case("if-none-match") {
                        if_none_match = Some(v.trim().to_string());
                    }
                }
            }
            let path = request_line.split_whitespace().nth(1).unwrap_or("/");
            let file = root.join(path.trim_start_matches('/'));
            let (status, body, etag) = match std::fs::File::open(&file) {
                Ok(mut f) => {
                    let mut body = Vec::new();
                    f.read_to_end(&mut body).unwrap();
                    let etag = format!("\"{}\"", body.len());
                    if if_none_match.as_deref() == Some(etag.as_str()) {
                        (304, Vec::new(), etag)
                    } else {
                        (200, body, etag)
                    }
                }
                Err(_) => (404, Vec::new(), String::new()),
            };
            log.lock().unwrap().push(status);
            let head = format!(
                "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nETag: {etag}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    (addr, statuses)
}

#[test]
fn update_from_a_local_http_mirror_is_conditional() {
    let Some(lists) = lists_dir() else { return };
    let mirror = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(mirror.path().join("un")).unwrap();
    std::fs::copy(
        lists.join("un/un_consolidated_2025-11-29.xml"),
        mirror.path().join("un/consolidated.xml"),
    )
    .unwrap();
    std::fs::create_dir_all(mirror.path().join("ofac")).unwrap();
    for f in ["sdn.csv", "add.csv", "alt.csv"] {
        std::fs::copy(
            lists.join("ofac/sdn_csv_trio_2022-01").join(f),
            mirror.path().join("ofac").join(f),
        )
        .unwrap();
    }
    let (base, statuses) = serve(mirror.path().to_path_buf());
    let db = Db::new();
    let first = db.ok(&["update", "--from", &base]);
    assert!(first.contains("un: imported"), "{first}");
    assert!(first.contains("ofac: imported"), "{first}");
    assert!(first.contains("eu: not in the mirror"), "{first}");
    let snapshots = db.json(&["lists", "--format", "json"]);
    assert_eq!(snapshots.as_array().unwrap().len(), 2);
    // 9,044 rows, but the last row reuses ent_num 2677: it is skipped and reported
    assert_eq!(snapshots[1]["entity_count"], 9043);

    // nothing changed: the server answers 304 and nothing is imported
    let second = db.ok(&["update", "--from", &base]);
    assert!(second.contains("un: not modified"), "{second}");
    assert!(statuses.lock().unwrap().contains(&304));

    // a new edition on the mirror becomes the active snapshot
    std::fs::copy(
        lists.join("un/un_consolidated_2026-02-27.xml"),
        mirror.path().join("un/consolidated.xml"),
    )
    .unwrap();
    let third = db.ok(&["update", "--from", &base, "--only", "un"]);
    assert!(third.contains("un: imported"), "{third}");
    let snapshots = db.json(&["lists", "--format", "json"]);
    let un_active: Vec<_> = snapshots
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["source"] == "un" && s["active"] == true)
        .collect();
    assert_eq!(un_active.len(), 1);
    assert_eq!(un_active[0]["entity_count"], 1003);

    // a broken edition on the mirror is refused and the active one stays
    std::fs::write(
        mirror.path().join("un/consolidated.xml"),
        b"<CONSOLIDATED_LIST><INDIVIDUALS>",
    )
    .unwrap();
    let out = db.run(&["update", "--from", &base, "--only", "un"]);
    assert_eq!(out.status.code(), Some(2));
    let after = db.json(&["lists", "--format", "json"]);
    assert_eq!(after, snapshots);
}

/// An import stores the token table of the lists it leaves active, and a
/// screening reads it; a second import of the same bytes keeps it, one that
/// changes the lists makes it again, and screening finds the same with a
/// damaged table as with none.
#[test]
fn import_stores_the_token_table_and_screening_reads_it() {
    let Some(lists) = lists_dir() else { return };
    let db = Db::new();
    let un_old = lists.join("un/un_consolidated_2025-11-29.xml");
    let un_new = lists.join("un/un_consolidated_2026-02-27.xml");
    let out = db.ok(&["import", path_str(&un_old)]);
    assert!(out.contains("token table: "), "{out}");
    let screen = |args: &[&str]| {
        let out = db.run(args);
        assert_eq!(out.status.code(), Some(1), "a match is expected");
        (
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    };
    let q = ["screen", "Kim Yong Chol", "--timings", "--format", "json"];
    let (_, err) = screen(&q);
    assert!(err.contains("token table read ("), "{err}");
    // the same bytes again: nothing to do
    let again = db.ok(&["import", path_str(&un_old)]);
    assert!(!again.contains("token table: "), "{again}");
    // another edition: the table is made again, and read
    let newer = db.ok(&["import", path_str(&un_new)]);
    assert!(newer.contains("token table: "), "{newer}");
    let (_, err) = screen(&q);
    assert!(err.contains("token table read ("), "{err}");
    // a damaged table is not read, and changes nothing found
    let store = interdict_store::Store::open(&db.path).unwrap();
    let bytes = store
        .derived(interdict_store::TOKEN_TABLE)
        .unwrap()
        .unwrap();
    store
        .put_derived(interdict_store::TOKEN_TABLE, &bytes[..1000])
        .unwrap();
    drop(store);
    let old_only = Db::new();
    old_only.ok(&["import", path_str(&un_new)]);
    let (damaged, err) = screen(&q);
    assert!(
        err.contains("no token table (the token table is damaged"),
        "{err}"
    );
    let strip = |s: &str| {
        let mut v: serde_json::Value = serde_json::from_str(s).unwrap();
        v.as_object_mut().map(|o| o.remove("elapsed_ms"));
        v
    };
    let fresh = old_only.run(&q);
    assert_eq!(
        strip(&damaged),
        strip(&String::from_utf8(fresh.stdout).unwrap())
    );
}
