//! The screening service: a yente-compatible HTTP API and a page for analysts.
//!
//! [`serve`] answers on a listener until a shutdown future completes:
//!
//! * `POST /match/{dataset}`: yente's matching API (query examples in,
//!   scored FollowTheMoney-style entities out, with our explanation);
//! * `GET /search/{dataset}?q=`, `GET /entities/{id}`, `GET /catalog`,
//!   `GET /algorithms`: yente's look-up routes;
//! * `GET /healthz`, `GET /readyz`, `GET /metrics` (Prometheus text),
//!   `GET /openapi.json` (OpenAPI 3.0);
//! * `POST /trade`: transactions (the JSON of `interdict trade`) screened
//!   against the lists and the arms embargoes, one decision each;
//! * `POST /scan`: a text, HTML page or e-mail (by `Content-Type`) scanned
//!   for listed parties and embargoed countries;
//! * `GET /`: the analysts' page.
//!
//! The lists are loaded from the store's active snapshots in the background
//! and polled every [`Config::poll`]; when an `interdict import` or `update`
//! activates a new snapshot, new matchers are built off the request path and
//! swapped in atomically. A request holds one consistent set of matchers from
//! start to end, so no request fails or sees half a list during a reload.
//!
//! Every error is JSON, `{"detail": "..."}`, with a 4xx status for bad input
//! (malformed JSON 400, a JSON body of the wrong shape 422, an unknown dataset
//! or entity 404, a body over [`Config::max_body`] 413, more than
//! [`Config::max_queries`] queries in one request 400, a missing or wrong API
//! key 401), 503 while nothing is loaded or when a request runs past
//! [`Config::timeout`].
#![deny(missing_docs)]

mod api;
pub mod auth;
pub mod data;
mod error;
mod extra;
pub mod metrics;
pub mod yente;

pub use error::ApiError;

use arc_swap::ArcSwap;
use auth::KeySet;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use interdict_store::Store;
use std::future::Future;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};
use thiserror::Error;
use tracing::Instrument;

/// Why the server could not start or run.
#[derive(Debug, Error)]
pub enum ServerError {
    /// The keys file cannot be read or written.
    #[error("keys file {path}: {message}")]
    Keys {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// The listener failed.
    #[error("server: {0}")]
    Io(#[from] std::io::Error),
}

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// The database file.
    pub db: PathBuf,
    /// The keys file when API keys are required (`--auth`); `None` = open.
    pub keys_file: Option<PathBuf>,
    /// Largest request body in bytes (413 beyond).
    pub max_body: usize,
    /// Most queries in one match request (400 beyond).
    pub max_queries: usize,
    /// Time allowed for one request (503 beyond).
    pub timeout: Duration,
    /// How often the store is checked for new snapshots.
    pub poll: Duration,
}

impl Config {
    /// The defaults: no auth, 1 MiB bodies, 1,000 queries per request, 10 s
    /// per request, the store polled every second.
    pub fn new(db: PathBuf) -> Config {
        Config {
            db,
            keys_file: None,
            max_body: 1 << 20,
            max_queries: 1000,
            timeout: Duration::from_secs(10),
            poll: Duration::from_secs(1),
        }
    }
}

/// Shared by every request.
pub(crate) struct AppState {
    pub(crate) config: Config,
    pub(crate) current: data::Current,
    pub(crate) metrics: metrics::Metrics,
    pub(crate) keys: ArcSwap<KeySet>,
    /// A store connection for looking up delisted entities.
    pub(crate) lookup: Mutex<Option<Store>>,
    pub(crate) started: Instant,
    next_id: AtomicU64,
    boot: u64,
}

/// Routes that answer without an API key (no list data in them).
const OPEN_ROUTES: &[&str] = &["/", "/healthz", "/readyz", "/openapi.json", "/favicon.ico"];

/// The router over a state.
fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/", get(api::page))
        .route("/favicon.ico", get(api::favicon))
        .route("/match/{dataset}", post(api::match_entities))
        .route("/search/{dataset}", get(api::search))
        .route("/entities/{id}", get(api::entity))
        .route("/trade", post(extra::trade))
        .route("/scan", post(extra::scan))
        .route("/catalog", get(api::catalog))
        .route("/algorithms", get(api::algorithms))
        .route("/healthz", get(api::healthz))
        .route("/readyz", get(api::readyz))
        .route("/metrics", get(api::metrics))
        .route("/openapi.json", get(api::openapi))
        .fallback(api::not_found)
        .method_not_allowed_fallback(api::method_not_allowed)
        .layer(axum::middleware::from_fn_with_state(state.clone(), frame))
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            |_: Box<dyn std::any::Any + Send + 'static>| {
                ApiError::internal("internal error (logged)").into_response()
            },
        ))
        .with_state(state)
}

/// Around every request: request id, API key, timeout, metrics, log line.
async fn frame(State(st): State<Arc<AppState>>, req: Request, next: Next) -> Response {
    let start = Instant::now();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or("(unmatched)", |m| m.as_str())
        .to_string();
    let method = req.method().clone();
    let path = req.uri().path().to_string();
    let rid = req
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty() && v.len() <= 128 && v.bytes().all(|b| b.is_ascii_graphic()))
        .map(str::to_string)
        .unwrap_or_else(|| {
            format!(
                "{:08x}-{:08x}",
                st.boot,
                st.next_id.fetch_add(1, Ordering::Relaxed)
            )
        });
    let span = tracing::info_span!("request", request_id = %rid);
    let mut resp = async {
        if st.config.keys_file.is_some() && !OPEN_ROUTES.contains(&route.as_str()) {
            let ok = auth::presented_key(req.headers()).is_some_and(|k| st.keys.load().accepts(k));
            if !ok {
                return ApiError::new(
                    StatusCode::UNAUTHORIZED,
                    "an API key is required: send the header `Authorization: ApiKey <key>` \
                     (keys are made with `interdict serve --add-key LABEL`)",
                )
                .into_response();
            }
        }
        match tokio::time::timeout(st.config.timeout, next.run(req)).await {
            Ok(r) => r,
            Err(_) => ApiError::unavailable(format!(
                "the request took longer than {:.1} s and was stopped; send fewer queries per request",
                st.config.timeout.as_secs_f64()
            ))
            .into_response(),
        }
    }
    .instrument(span.clone())
    .await;
    if let Ok(v) = HeaderValue::from_str(&rid) {
        resp.headers_mut().insert("x-request-id", v);
    }
    let status = resp.status().as_u16();
    let elapsed = start.elapsed();
    st.metrics.observe(&route, status, elapsed);
    let ms = elapsed.as_secs_f64() * 1e3;
    let _g = span.enter();
    if status >= 500 {
        tracing::warn!(%method, path, route, status, ms, "request");
    } else {
        tracing::info!(%method, path, route, status, ms, "request");
    }
    resp
}

/// Serves on `listener` until `shutdown` completes, then finishes the
/// requests in flight and returns.
pub async fn serve(
    listener: tokio::net::TcpListener,
    config: Config,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServerError> {
    let keys = match &config.keys_file {
        Some(path) => KeySet::read(path)?,
        None => KeySet::default(),
    };
    if let Some(path) = &config.keys_file {
        if keys.is_empty() {
            tracing::warn!(keys_file = %path.display(), "auth is on but no key is recorded: every API request will get 401 (add one with --add-key)");
        }
    }
    let boot = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() & 0xffff_ffff);
    let state = Arc::new(AppState {
        config,
        current: data::Current::empty(),
        metrics: metrics::Metrics::default(),
        keys: ArcSwap::from_pointee(keys),
        lookup: Mutex::new(None),
        started: Instant::now(),
        next_id: AtomicU64::new(1),
        boot,
    });
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let reloader = tokio::spawn(reload_loop(state.clone(), stop_rx));
    let app = router(state);
    let result = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await;
    let _ = stop_tx.send(true);
    let _ = reloader.await;
    tracing::info!("server stopped");
    result.map_err(ServerError::from)
}

/// Completes on Ctrl-C or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutdown requested: finishing requests in flight");
}

/// Installs the global log subscriber: JSON lines (or readable text) on
/// stderr, filtered by `RUST_LOG` (default `info`).
pub fn init_logging(json: bool) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = if json {
        builder
            .json()
            .flatten_event(true)
            .with_current_span(true)
            .with_span_list(false)
            .try_init()
    } else {
        builder.try_init()
    };
}

/// Loads the lists at start and whenever the active snapshots change; re-reads
/// the keys file when it changes.
async fn reload_loop(state: Arc<AppState>, mut stop: tokio::sync::watch::Receiver<bool>) {
    let mut store: Option<Store> = None;
    let mut last_error = String::new();
    let mut keys_mtime = state.config.keys_file.as_deref().and_then(auth::mtime);
    loop {
        let current = state.current.load_full();
        let db = state.config.db.clone();
        let taken = store.take();
        let job = tokio::task::spawn_blocking(move || {
            let st = match taken {
                Some(s) => s,
                None => {
                    Store::open(&db).map_err(|e| format!("cannot open {}: {e}", db.display()))?
                }
            };
            let r = data::load(&st, current.as_deref())
                .map_err(|e| format!("cannot read {}: {e}", db.display()));
            Ok::<_, String>((st, r))
        })
        .await;
        match job {
            Ok(Ok((st, Ok(loaded)))) => {
                store = Some(st);
                last_error.clear();
                if let Some(l) = loaded {
                    let snaps: Vec<String> = l
                        .snapshots
                        .iter()
                        .map(|s| format!("{}#{}", s.source, s.id))
                        .collect();
                    tracing::info!(
                        entities = l.entity_count(),
                        snapshots = %snaps.join(","),
                        datasets = l.datasets.len(),
                        load_ms = l.load_time.as_millis() as u64,
                        "lists loaded"
                    );
                    state.current.store(Some(Arc::new(l)));
                    state.metrics.reloads.fetch_add(1, Ordering::Relaxed);
                }
            }
            Ok(Ok((_, Err(e)))) | Ok(Err(e)) => {
                state.metrics.reload_errors.fetch_add(1, Ordering::Relaxed);
                if e != last_error {
                    tracing::error!(error = %e, "cannot load the lists; serving what was loaded before");
                    last_error = e;
                }
            }
            Err(e) => {
                state.metrics.reload_errors.fetch_add(1, Ordering::Relaxed);
                tracing::error!(error = %e, "list loading task failed");
            }
        }
        if let Some(path) = &state.config.keys_file {
            let m = auth::mtime(path);
            if m != keys_mtime {
                keys_mtime = m;
                match KeySet::read(path) {
                    Ok(k) => {
                        tracing::info!(keys = k.len(), "keys file re-read");
                        state.keys.store(Arc::new(k));
                    }
                    Err(e) => {
                        tracing::error!(error = %e, "keys file unreadable; keeping the previous keys")
                    }
                }
            }
        }
        tokio::select! {
            _ = tokio::time::sleep(state.config.poll) => {}
            _ = stop.changed() => return,
        }
    }
}
