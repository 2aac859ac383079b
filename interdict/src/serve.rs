//! `interdict serve`: the screening API (yente-compatible) and the analysts'
//! page over HTTP.
//!
//! ```text
//! interdict serve --listen 127.0.0.1:8000
//! interdict serve --auth                      # API keys required
//! interdict serve --add-key "payments team"   # make a key, print it once, exit
//! ```
//!
//! API keys are kept as SHA-256 hashes in the keys file (default: beside the
//! database, `<db>.keys`); the key itself is shown once by `--add-key` and
//! never stored. The keys file is re-read when it changes, so keys can be
//! added (or lines deleted to revoke them) while the server runs.

use interdict_server::{auth, Config};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

/// Arguments of `interdict serve`.
#[derive(clap::Args)]
#[command(
    after_help = "Routes: POST /match/{dataset} (yente), GET /search/{dataset}?q=, \
GET /entities/{id}, GET /catalog, GET /healthz, GET /readyz, GET /metrics, GET /openapi.json, \
and the analysts' page at /. Datasets: default, ofac, ofac-sdn, un, eu, uk, opensanctions, \
or a source name. New snapshots from `interdict import`/`update` are picked up without a restart."
)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:8000")]
    pub listen: String,
    /// Require an API key on every API route (`Authorization: ApiKey <key>`).
    #[arg(long)]
    pub auth: bool,
    /// The file of API key hashes (default: the database path with `.keys` appended).
    #[arg(long)]
    pub keys_file: Option<PathBuf>,
    /// Create an API key with this label, print it once, record its hash in
    /// the keys file, and exit.
    #[arg(long, value_name = "LABEL")]
    pub add_key: Option<String>,
    /// Largest request body, in bytes.
    #[arg(long, default_value_t = 1 << 20)]
    pub max_body: usize,
    /// Most queries in one match request.
    #[arg(long, default_value_t = 1000)]
    pub max_queries: usize,
    /// Seconds allowed for one request.
    #[arg(long, default_value_t = 10.0)]
    pub timeout: f64,
    /// Milliseconds between checks of the store for new snapshots.
    #[arg(long, default_value_t = 1000)]
    pub poll_ms: u64,
    /// Log format on stderr: json (one object per line) or text.
    #[arg(long, default_value = "json", value_parser = ["json", "text"])]
    pub log_format: String,
    /// Worker threads (default: one per core).
    #[arg(long)]
    pub threads: Option<usize>,
}

fn keys_file(args: &ServeArgs, db: &std::path::Path) -> PathBuf {
    args.keys_file.clone().unwrap_or_else(|| {
        let mut s = db.as_os_str().to_owned();
        s.push(".keys");
        PathBuf::from(s)
    })
}

/// Runs the command. `db` is the database path given with --db (None = default).
pub fn run(args: &ServeArgs, db: &Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let db_path = crate::db_path(db);
    let keys = keys_file(args, &db_path);
    if let Some(label) = &args.add_key {
        let key = auth::generate_key()?;
        auth::append_key(&keys, &key, label)?;
        eprintln!(
            "API key for {label:?} recorded (hashed) in {}.\nIt is shown only now; send it as `Authorization: ApiKey <key>`:",
            keys.display()
        );
        println!("{key}");
        return Ok(ExitCode::SUCCESS);
    }
    if !(args.timeout > 0.0 && args.timeout.is_finite()) {
        anyhow::bail!("--timeout must be a positive number of seconds");
    }
    if let Some(dir) = db_path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    let mut config = Config::new(db_path);
    config.keys_file = args.auth.then_some(keys);
    config.max_body = args.max_body;
    config.max_queries = args.max_queries.max(1);
    config.timeout = Duration::from_secs_f64(args.timeout);
    config.poll = Duration::from_millis(args.poll_ms.max(50));
    interdict_server::init_logging(args.log_format == "json");
    let mut rt = tokio::runtime::Builder::new_multi_thread();
    rt.enable_all();
    if let Some(n) = args.threads {
        rt.worker_threads(n.max(1));
    }
    let rt = rt.build()?;
    let listen = args.listen.clone();
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(&listen)
            .await
            .map_err(|e| anyhow::anyhow!("cannot listen on {listen}: {e}"))?;
        let addr = listener.local_addr()?;
        tracing::info!(
            address = %addr,
            db = %config.db.display(),
            auth = config.keys_file.is_some(),
            "listening on http://{addr}/"
        );
        interdict_server::serve(listener, config, interdict_server::shutdown_signal()).await?;
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(ExitCode::SUCCESS)
}
