//! `interdict update`: fetch the current editions from their publishers.
//!
//! Each feed is one list as its publisher ships it (one file, or the OFAC CSV
//! set). Downloads are conditional (`If-None-Match` / `If-Modified-Since`
//! from the last successful fetch), the bytes are parsed and checked in
//! memory, and only a list that parses, is of the expected source, and has
//! not lost most of its entries becomes a new snapshot. Until then the
//! previous snapshot stays active.

use crate::import::store_parsed;
use crate::open_store;
use anyhow::{bail, Context};
use interdict_formats::{detect, Companion, Input};
use interdict_store::{content_hash, DownloadState, ImportOutcome, Store};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

/// Arguments of `interdict update`.
#[derive(clap::Args)]
pub struct UpdateArgs {
    /// Read the lists from a mirror instead of the publishers: a folder or a
    /// base URL laid out as `<base>/<feed>/<file>` (e.g. `un/consolidated.xml`,
    /// `ofac/sdn.csv`); `interdict update --list-feeds` prints the layout.
    #[arg(long)]
    pub from: Option<String>,
    /// Only these feeds (comma-separated: un, ofac, ofac-cons, eu, uk).
    #[arg(long, value_delimiter = ',')]
    pub only: Vec<String>,
    /// Import even when the new edition has fewer than half the entities of the active one.
    #[arg(long)]
    pub force: bool,
    /// Print the feeds, their official addresses and mirror paths, and exit.
    #[arg(long)]
    pub list_feeds: bool,
}

/// One list as its publisher ships it.
struct Feed {
    source: &'static str,
    title: &'static str,
    /// (mirror file name, official address, role); the first file is the main one.
    files: &'static [(&'static str, &'static str, Option<Companion>)],
}

const OFAC_API: &str = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports";

const FEEDS: &[Feed] = &[
    Feed {
        source: "un",
        title: "UN Security Council Consolidated List",
        files: &[(
            "consolidated.xml",
            "https://scsanctions.un.org/resources/xml/en/consolidated.xml",
            None,
        )],
    },
    Feed {
        source: "ofac",
        title: "OFAC Specially Designated Nationals (SDN) list",
        files: &[
            ("sdn.csv", "/SDN.CSV", None),
            ("add.csv", "/ADD.CSV", Some(Companion::Addresses)),
            ("alt.csv", "/ALT.CSV", Some(Companion::Aliases)),
            ("sdn_comments.csv", "/SDN_COMMENTS.CSV", Some(Companion::Comments)),
        ],
    },
    Feed {
        source: "ofac-cons",
        title: "OFAC Consolidated (non-SDN) list",
        files: &[
            ("cons_prim.csv", "/CONS_PRIM.CSV", None),
            ("cons_add.csv", "/CONS_ADD.CSV", Some(Companion::Addresses)),
            ("cons_alt.csv", "/CONS_ALT.CSV", Some(Companion::Aliases)),
            ("cons_comments.csv", "/CONS_COMMENTS.CSV", Some(Companion::Comments)),
        ],
    },
    Feed {
        source: "eu",
        title: "EU Financial Sanctions Files (XML 1.1)",
        files: &[(
            "xmlFullSanctionsList_1_1.xml",
            "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw",
            None,
        )],
    },
    Feed {
        source: "uk",
        title: "UK Sanctions List (FCDO)",
        files: &[(
            "UK-Sanctions-List.xml",
            "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.xml",
            None,
        )],
    },
];

/// The largest file `update` accepts (the full OFAC SDN XML is ~100 MB).
const MAX_BYTES: u64 = 1 << 30;

fn official_url(address: &str) -> String {
    if address.starts_with('/') {
        format!("{OFAC_API}{address}")
    } else {
        address.to_string()
    }
}

enum Origin {
    Official,
    Url(String),
    Dir(PathBuf),
}

impl Origin {
    fn address(&self, feed: &Feed, file: &str, official: &str) -> String {
        match self {
            Origin::Official => official_url(official),
            Origin::Url(base) => format!("{}/{}/{}", base.trim_end_matches('/'), feed.source, file),
            Origin::Dir(dir) => dir.join(feed.source).join(file).display().to_string(),
        }
    }
}

/// What fetching one file gave.
enum Fetched {
    Body {
        bytes: Vec<u8>,
        etag: Option<String>,
        last_modified: Option<String>,
    },
    NotModified,
    Missing,
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(300)))
        .user_agent(concat!("interdict/", env!("CARGO_PKG_VERSION")))
        .build()
        .into()
}

fn fetch(
    agent: &ureq::Agent,
    address: &str,
    previous: Option<&DownloadState>,
) -> anyhow::Result<Fetched> {
    if !address.starts_with("http://") && !address.starts_with("https://") {
        return match std::fs::read(address) {
            Ok(bytes) => Ok(Fetched::Body {
                bytes,
                etag: None,
                last_modified: None,
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Fetched::Missing),
            Err(e) => Err(e).with_context(|| format!("cannot read {address}")),
        };
    }
    let mut request = agent.get(address);
    if let Some(prev) = previous {
        if let Some(etag) = &prev.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(lm) = &prev.last_modified {
            request = request.header("If-Modified-Since", lm);
        }
    }
    let mut response = request
        .call()
        .with_context(|| format!("cannot fetch {address}"))?;
    let status = response.status().as_u16();
    match status {
        304 => return Ok(Fetched::NotModified),
        404 | 410 => return Ok(Fetched::Missing),
        200 => {}
        other => bail!("{address}: the server answered HTTP {other}"),
    }
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let etag = header("etag");
    let last_modified = header("last-modified");
    let bytes = response
        .body_mut()
        .with_config()
        .limit(MAX_BYTES)
        .read_to_vec()
        .with_context(|| format!("cannot read the body of {address}"))?;
    Ok(Fetched::Body {
        bytes,
        etag,
        last_modified,
    })
}

pub fn run(args: &UpdateArgs, db: &Option<PathBuf>) -> anyhow::Result<ExitCode> {
    if args.list_feeds {
        for feed in FEEDS {
            println!("{}  {}", feed.source, feed.title);
            for (name, address, _) in feed.files {
                println!("    {}/{name}  <-  {}", feed.source, official_url(address));
            }
        }
        return Ok(ExitCode::SUCCESS);
    }
    let origin = match &args.from {
        None => Origin::Official,
        Some(s) if s.starts_with("http://") || s.starts_with("https://") => Origin::Url(s.clone()),
        Some(s) => {
            let dir = Path::new(s);
            if !dir.is_dir() {
                bail!("--from {s}: not a folder or an http(s) address");
            }
            Origin::Dir(dir.to_path_buf())
        }
    };
    for only in &args.only {
        if !FEEDS.iter().any(|f| f.source == only) {
            bail!("--only {only}: no such feed (un, ofac, ofac-cons, eu, uk)");
        }
    }
    let mut store = open_store(db)?;
    let agent = agent();
    let mut failures = 0;
    for feed in FEEDS
        .iter()
        .filter(|f| args.only.is_empty() || args.only.iter().any(|o| o == f.source))
    {
        match update_feed(&mut store, &agent, &origin, feed, args.force) {
            Ok(message) => println!("{}: {message}", feed.source),
            Err(err) => {
                failures += 1;
                eprintln!(
                    "error: {}: {err:#} (the previous snapshot stays active)",
                    feed.source
                );
            }
        }
    }
    crate::token_table::refresh_after_import(&store);
    Ok(if failures > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

fn update_feed(
    store: &mut Store,
    agent: &ureq::Agent,
    origin: &Origin,
    feed: &Feed,
    force: bool,
) -> anyhow::Result<String> {
    let mut main: Option<Input> = None;
    let mut companions = Vec::new();
    let mut states = Vec::new();
    let mut not_modified = 0;
    for (i, (name, official, role)) in feed.files.iter().enumerate() {
        let address = origin.address(feed, name, official);
        let previous = store.download_state(&address)?;
        let fetched = fetch(agent, &address, previous.as_ref())?;
        let (bytes, etag, last_modified) = match fetched {
            Fetched::Missing if i == 0 => {
                return match origin {
                    Origin::Official => bail!("{address} is not there (HTTP 404)"),
                    _ => Ok(format!("not in the mirror ({address}), skipped")),
                }
            }
            Fetched::Missing => continue,
            Fetched::NotModified => {
                // Reuse nothing: an unchanged file means the set is unchanged
                // only if every file of it is.
                not_modified += 1;
                continue;
            }
            Fetched::Body {
                bytes,
                etag,
                last_modified,
            } => (bytes, etag, last_modified),
        };
        let state = DownloadState {
            etag,
            last_modified,
            content_hash: content_hash(&[&bytes]),
            fetched_at: chrono::Utc::now().to_rfc3339(),
        };
        states.push((address.clone(), state));
        let input = Input {
            name: address,
            bytes,
        };
        match role {
            None => main = Some(input),
            Some(role) => companions.push((*role, input)),
        }
    }
    if not_modified > 0 && !states.is_empty() {
        bail!("part of the file set changed and part did not since the last update; the set is only imported whole");
    }
    let Some(main) = main else {
        return Ok("not modified since the last update".into());
    };
    let mut parts: Vec<&[u8]> = vec![&main.bytes];
    parts.extend(companions.iter().map(|(_, i)| i.bytes.as_slice()));
    let hash = content_hash(&parts);
    if let Some(existing) = store.find_by_hash(&hash)? {
        for (url, state) in &states {
            store.set_download_state(url, state)?;
        }
        return Ok(format!(
            "unchanged (same bytes as snapshot #{})",
            existing.id
        ));
    }
    let format = detect(&main.name, &main.bytes)?;
    let parsed = interdict_formats::parse(format, &main, &companions)?;
    if parsed.source != feed.source {
        bail!(
            "{} holds a {} list, not {}",
            main.name,
            parsed.source,
            feed.source
        );
    }
    let active = store
        .active_snapshots()?
        .into_iter()
        .find(|s| s.source == feed.source);
    if let Some(active) = &active {
        if !force && parsed.entities.len() * 2 < active.entity_count {
            bail!(
                "the new edition has {} entities, the active one {}: refusing a list that lost more than half its entries (use --force)",
                parsed.entities.len(),
                active.entity_count
            );
        }
    }
    let files = std::iter::once(main.name.clone())
        .chain(companions.iter().map(|(_, i)| i.name.clone()))
        .collect();
    let outcome = store_parsed(store, &parsed, format, &hash, files)?;
    for (url, state) in &states {
        store.set_download_state(url, state)?;
    }
    Ok(match outcome {
        ImportOutcome::Imported(s) => format!("imported {}", crate::import::snapshot_line(&s)),
        ImportOutcome::Unchanged(s) => format!("unchanged (snapshot #{})", s.id),
    })
}
