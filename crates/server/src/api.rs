//! The route handlers.

use crate::data::{Dataset, DatasetError, Loaded};
use crate::error::ApiError;
use crate::yente::{self, Example};
use crate::AppState;
use axum::body::{Body, Bytes};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use interdict_matcher::{MatchError, MatchResult, Matcher, Options, Query as MQuery};
use interdict_model::Schema;
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::sync::atomic::Ordering;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

type Params = Result<Query<Vec<(String, String)>>, axum::extract::rejection::QueryRejection>;

/// Names of yente's algorithms; all are answered by ours.
const ALGORITHMS: &[&str] = &[
    "interdict",
    "best",
    "default",
    "logic-v1",
    "logic-v2",
    "name-based",
    "name-qualified",
    "regression-v1",
    "regression-v2",
    "regression-v3",
];

/// Queries (names) up to this many are screened on the async worker; more go
/// to the blocking pool.
const INLINE_QUERIES: usize = 4;

pub(crate) fn json_response(status: StatusCode, v: &Value) -> Response {
    let body = serde_json::to_vec(v).unwrap_or_else(|_| b"{}".to_vec());
    let mut r = (status, body).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    r
}

fn params(p: Params) -> Result<HashMap<String, Vec<String>>, ApiError> {
    let Query(pairs) =
        p.map_err(|e| ApiError::bad_request(format!("malformed query string: {e}")))?;
    let mut m: HashMap<String, Vec<String>> = HashMap::new();
    for (k, v) in pairs {
        m.entry(k).or_default().push(v);
    }
    Ok(m)
}

fn first<'a>(p: &'a HashMap<String, Vec<String>>, k: &str) -> Option<&'a str> {
    p.get(k)
        .and_then(|v| v.first())
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
}

fn score_param(p: &HashMap<String, Vec<String>>, k: &str, default: f32) -> Result<f32, ApiError> {
    match first(p, k) {
        None => Ok(default),
        Some(s) => match s.parse::<f32>() {
            Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
            _ => Err(ApiError::bad_request(format!(
                "{k} must be a number between 0 and 1, found {s:?}"
            ))),
        },
    }
}

fn int_param(
    p: &HashMap<String, Vec<String>>,
    k: &str,
    default: usize,
    min: usize,
    max: usize,
) -> Result<usize, ApiError> {
    match first(p, k) {
        None => Ok(default),
        Some(s) => match s.parse::<usize>() {
            Ok(x) if (min..=max).contains(&x) => Ok(x),
            _ => Err(ApiError::bad_request(format!(
                "{k} must be a whole number from {min} to {max}, found {s:?}"
            ))),
        },
    }
}

pub(crate) fn loaded(st: &AppState) -> Result<Arc<Loaded>, ApiError> {
    st.current.load_full().ok_or_else(|| {
        ApiError::unavailable("the lists are still loading; retry in a moment (see /readyz)")
    })
}

fn dataset<'a>(l: &'a Loaded, name: &str) -> Result<&'a Arc<Dataset>, ApiError> {
    l.dataset(name).map_err(|e| match e {
        DatasetError::NotLoaded => ApiError::unavailable(
            "no list is imported yet: run `interdict import FILE` or `interdict update`",
        ),
        DatasetError::Empty(n) => ApiError::not_found(format!(
            "dataset {n:?} has no loaded list (loaded datasets: {}; see /catalog)",
            names(l)
        )),
        DatasetError::Unknown(n) => ApiError::not_found(format!(
            "dataset not found: {n:?} (loaded datasets: {}; see /catalog)",
            names(l)
        )),
    })
}

fn names(l: &Loaded) -> String {
    l.datasets.keys().cloned().collect::<Vec<_>>().join(", ")
}

/// Reads the body up to `limit` bytes. A larger body is read on (and thrown
/// away, up to 64 MiB and 2 s) before the 413 is sent, so that the client,
/// still sending, receives the answer instead of a connection reset.
pub(crate) async fn read_body(
    body: Body,
    headers: &HeaderMap,
    limit: usize,
) -> Result<Bytes, ApiError> {
    use http_body_util::BodyExt;
    let too_large = || {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "the request body is larger than the limit of {limit} bytes; send fewer queries per request"
            ),
        )
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    let mut body = body;
    if declared.is_some_and(|n| n > limit as u64) {
        drain(body).await;
        return Err(too_large());
    }
    let mut buf: Vec<u8> = Vec::with_capacity(declared.map_or(1024, |n| n as usize));
    while let Some(frame) = body.frame().await {
        let frame = frame
            .map_err(|e| ApiError::bad_request(format!("cannot read the request body: {e}")))?;
        if let Ok(data) = frame.into_data() {
            if buf.len() + data.len() > limit {
                drain(body).await;
                return Err(too_large());
            }
            buf.extend_from_slice(&data);
        }
    }
    Ok(Bytes::from(buf))
}

async fn drain(mut body: Body) {
    use http_body_util::BodyExt;
    let deadline = Instant::now() + Duration::from_secs(2);
    let mut read = 0usize;
    while read < 64 << 20 {
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, body.frame()).await {
            Ok(Some(Ok(f))) => read += f.data_ref().map_or(0, |d| d.len()),
            _ => break,
        }
    }
}

/// The parsed match request.
struct Batch {
    examples: Vec<(String, Example, Vec<MQuery>)>,
}

fn parse_batch(body: &[u8], max_queries: usize) -> Result<Batch, ApiError> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::bad_request(
            "the request body is empty: send {\"queries\": {\"q1\": {\"schema\": \"Person\", \"properties\": {\"name\": [\"...\"]}}}}",
        ));
    }
    let v: Value = serde_json::from_slice(body)
        .map_err(|e| ApiError::bad_request(format!("the request body is not valid JSON: {e}")))?;
    let obj = v.as_object().ok_or_else(|| {
        ApiError::unprocessable(format!(
            "the request body must be a JSON object with \"queries\", found {}",
            yente::kind(&v)
        ))
    })?;
    let queries = match obj.get("queries") {
        Some(Value::Object(q)) => q,
        Some(other) => {
            return Err(ApiError::unprocessable(format!(
                "\"queries\" must be an object keyed by query id, found {}",
                yente::kind(other)
            )))
        }
        None => {
            return Err(ApiError::unprocessable(
                "the request body has no \"queries\" object",
            ))
        }
    };
    if queries.len() > max_queries {
        return Err(ApiError::bad_request(format!(
            "too many queries in one request: {} (limit: {max_queries}); split them over several requests",
            queries.len()
        )));
    }
    let mut examples = Vec::with_capacity(queries.len());
    for (key, q) in queries {
        if q.is_null() {
            continue;
        }
        let ex = yente::parse_example(key, q)?;
        let qs = ex.queries(key)?;
        examples.push((key.clone(), ex, qs));
    }
    if examples.is_empty() {
        return Err(ApiError::bad_request("no queries provided"));
    }
    Ok(Batch { examples })
}

/// Screens every name of one example; the best result per entity, best first.
fn screen_example(
    m: &Matcher,
    key: &str,
    queries: &[MQuery],
    opts: &Options,
) -> Result<Vec<MatchResult>, ApiError> {
    let mut merged: Vec<MatchResult> = Vec::new();
    let mut last_err = None;
    let mut any_ok = false;
    for q in queries {
        match m.screen(q, opts) {
            Ok(rs) => {
                any_ok = true;
                if queries.len() == 1 {
                    return Ok(rs);
                }
                for r in rs {
                    match merged.iter_mut().find(|x| x.entity_index == r.entity_index) {
                        Some(x) if x.score >= r.score => {}
                        Some(x) => *x = r,
                        None => merged.push(r),
                    }
                }
            }
            Err(e) => last_err = Some(e),
        }
    }
    if !any_ok {
        let detail = match last_err {
            Some(MatchError::EmptyName(n)) => {
                format!("query {key:?}: the name {n:?} has no letters or digits to match on")
            }
            Some(e) => format!("query {key:?}: {e}"),
            None => format!("query {key:?}: nothing to match on"),
        };
        return Err(ApiError::bad_request(detail));
    }
    merged.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.entity_id.cmp(&b.entity_id))
    });
    merged.truncate(opts.limit);
    Ok(merged)
}

fn screen_batch(
    m: &Matcher,
    batch: &Batch,
    opts: &Options,
    deadline: Option<Instant>,
) -> Result<Vec<Vec<MatchResult>>, ApiError> {
    let mut out = Vec::with_capacity(batch.examples.len());
    for (key, _, qs) in &batch.examples {
        if deadline.is_some_and(|d| Instant::now() > d) {
            return Err(ApiError::unavailable(
                "the request took too long and was stopped; send fewer queries per request",
            ));
        }
        out.push(screen_example(m, key, qs, opts)?);
    }
    Ok(out)
}

fn feature_docs() -> &'static Value {
    static DOCS: OnceLock<Value> = OnceLock::new();
    DOCS.get_or_init(yente::feature_docs)
}

/// `POST /match/{dataset}`.
pub async fn match_entities(
    State(st): State<Arc<AppState>>,
    Path(ds_name): Path<String>,
    p: Params,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let p = params(p)?;
    let threshold = score_param(&p, "threshold", interdict_matcher::DEFAULT_THRESHOLD)?;
    let cutoff = score_param(&p, "cutoff", threshold)?.min(threshold);
    let limit = int_param(&p, "limit", 5, 1, 500)?;
    if let Some(a) = first(&p, "algorithm") {
        if !ALGORITHMS.iter().any(|x| x.eq_ignore_ascii_case(a)) {
            return Err(ApiError::bad_request(format!(
                "unknown algorithm {a:?}: this server has one, \"interdict\" (yente's algorithm names are accepted and mean the same); see /algorithms"
            )));
        }
    }
    let l = loaded(&st)?;
    let ds = dataset(&l, &ds_name)?.clone();
    let body = read_body(body, &headers, st.config.max_body).await?;
    let batch = parse_batch(&body, st.config.max_queries)?;
    let opts = Options {
        threshold,
        limit,
        min_score: (cutoff < threshold).then_some(cutoff),
    };
    let n: usize = batch.examples.iter().map(|(_, _, q)| q.len()).sum();
    st.metrics
        .queries
        .fetch_add(batch.examples.len() as u64, Ordering::Relaxed);
    let (batch, results) = if n <= INLINE_QUERIES {
        let r = screen_batch(&ds.matcher, &batch, &opts, None)?;
        (batch, r)
    } else {
        let deadline = Instant::now() + st.config.timeout;
        let m = ds.matcher.clone();
        tokio::task::spawn_blocking(move || {
            let r = screen_batch(&m, &batch, &opts, Some(deadline));
            r.map(|r| (batch, r))
        })
        .await
        .map_err(|e| ApiError::internal(format!("screening failed: {e}")))??
    };
    let mut responses = Map::new();
    for ((key, ex, _), rs) in batch.examples.iter().zip(results) {
        let items: Vec<Value> = rs
            .iter()
            .filter_map(|r| {
                let e = ds.matcher.entities().get(r.entity_index)?;
                Some(yente::scored(e, r, l.snapshot_of(&e.source)))
            })
            .collect();
        responses.insert(
            key.clone(),
            json!({
                "status": 200,
                "results": items,
                "total": {"value": items.len(), "relation": "eq"},
                "query": ex.to_json(),
            }),
        );
    }
    let count = responses.len();
    let out = json!({
        "responses": responses,
        "matcher": feature_docs(),
        "limit": limit,
        "dataset": ds.name,
    });
    let mut r = json_response(StatusCode::OK, &out);
    r.headers_mut()
        .insert("x-batch-size", HeaderValue::from(count as u64));
    Ok(r)
}

/// `GET /search/{dataset}?q=...`.
pub async fn search(
    State(st): State<Arc<AppState>>,
    Path(ds_name): Path<String>,
    p: Params,
) -> Result<Response, ApiError> {
    let p = params(p)?;
    let q = first(&p, "q").ok_or_else(|| {
        ApiError::bad_request("the parameter q (the name to search for) is required")
    })?;
    let limit = int_param(&p, "limit", 10, 1, 500)?;
    let offset = int_param(&p, "offset", 0, 0, 10_000)?;
    let threshold = score_param(&p, "threshold", interdict_matcher::DEFAULT_THRESHOLD)?;
    let cutoff = score_param(&p, "cutoff", 0.5)?.min(threshold);
    let schema = match first(&p, "schema") {
        None | Some("Thing") => None,
        Some(s) => Some(
            Schema::parse(s)
                .ok_or_else(|| ApiError::bad_request(format!("unknown schema {s:?}")))?,
        ),
    };
    let birth_date = match first(&p, "birth_date").or_else(|| first(&p, "birthDate")) {
        None => None,
        Some(d) => Some(d.parse().map_err(|_| {
            ApiError::bad_request(format!(
                "birth_date {d:?} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"
            ))
        })?),
    };
    let countries: Vec<String> = ["countries", "country"]
        .iter()
        .filter_map(|k| p.get(*k))
        .flatten()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let l = loaded(&st)?;
    let ds = dataset(&l, &ds_name)?.clone();
    let query = MQuery {
        name: q.chars().take(interdict_matcher::MAX_NAME_CHARS).collect(),
        schema,
        birth_date,
        countries,
        identifiers: Vec::new(),
        gender: None,
        family_name: None,
    };
    let opts = Options {
        threshold,
        limit: limit + offset + 1,
        min_score: Some(cutoff),
    };
    let rs = screen_example(&ds.matcher, "q", std::slice::from_ref(&query), &opts)?;
    let more = rs.len() > limit + offset;
    let total = rs.len().min(limit + offset);
    let mut facet: HashMap<&str, usize> = HashMap::new();
    let results: Vec<Value> = rs
        .iter()
        .take(limit + offset)
        .skip(offset)
        .filter_map(|r| {
            let e = ds.matcher.entities().get(r.entity_index)?;
            *facet.entry(e.source.as_str()).or_default() += 1;
            Some(yente::scored(e, r, l.snapshot_of(&e.source)))
        })
        .collect();
    let mut values: Vec<Value> = facet
        .into_iter()
        .map(|(k, n)| json!({"name": k, "label": k, "count": n}))
        .collect();
    values.sort_by(|a, b| a["name"].as_str().cmp(&b["name"].as_str()));
    Ok(json_response(
        StatusCode::OK,
        &json!({
            "limit": limit,
            "offset": offset,
            "total": {"value": total, "relation": if more { "gte" } else { "eq" }},
            "results": results,
            "facets": {"datasets": {"label": "Data sources", "values": values}},
            "dataset": ds.name,
        }),
    ))
}

/// `GET /entities/{id}`: the entity in yente's shape, plus the full record.
pub async fn entity(
    State(st): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let l = loaded(&st)?;
    if let Some(e) = l.entity(&id) {
        let snap = l.snapshot_of(&e.source);
        let mut m = yente::entity_response(e, snap);
        m.insert(
            "record".into(),
            serde_json::to_value(e).unwrap_or(Value::Null),
        );
        m.insert("snapshot".into(), json!(snap));
        m.insert("active".into(), json!(true));
        return Ok(json_response(StatusCode::OK, &Value::Object(m)));
    }
    if id.len() > 300 {
        return Err(ApiError::not_found("no entity with this id"));
    }
    // Not in the active lists: perhaps delisted; ask the store.
    let st2 = st.clone();
    let id2 = id.clone();
    let found = tokio::task::spawn_blocking(move || {
        let mut guard = st2
            .lookup
            .lock()
            .map_err(|_| "store connection poisoned".to_string())?;
        if guard.is_none() {
            *guard = Some(interdict_store::Store::open(&st2.config.db).map_err(|e| e.to_string())?);
        }
        match guard.as_ref() {
            Some(s) => s.entity(&id2).map_err(|e| e.to_string()),
            None => Ok(None),
        }
    })
    .await
    .map_err(|e| ApiError::internal(e.to_string()))?
    .map_err(ApiError::internal)?;
    match found {
        Some((snap, e)) => {
            let mut m = yente::entity_response(&e, Some(&snap));
            m.insert("target".into(), json!(false));
            m.insert(
                "record".into(),
                serde_json::to_value(&e).unwrap_or(Value::Null),
            );
            m.insert("snapshot".into(), json!(snap));
            m.insert("active".into(), json!(false));
            Ok(json_response(StatusCode::OK, &Value::Object(m)))
        }
        None => Err(ApiError::not_found(format!("no entity with id {id:?}"))),
    }
}

/// `GET /catalog`: the loaded datasets (yente's shape, plus sources and snapshots).
pub async fn catalog(State(st): State<Arc<AppState>>) -> Result<Response, ApiError> {
    let l = loaded(&st)?;
    let datasets: Vec<Value> = l
        .datasets
        .values()
        .map(|d| {
            let snaps: Vec<_> = d.sources.iter().filter_map(|s| l.snapshot_of(s)).collect();
            let version = snaps
                .iter()
                .map(|s| s.id.to_string())
                .collect::<Vec<_>>()
                .join("+");
            let children: Vec<&String> = if d.sources.len() > 1 || d.name == "default" {
                d.sources.iter().collect()
            } else {
                Vec::new()
            };
            let sources: Vec<Value> = snaps
                .iter()
                .map(|s| {
                    json!({
                        "source": s.source,
                        "snapshot_id": s.id,
                        "format": s.format,
                        "publisher_date": s.publisher_date,
                        "imported_at": s.imported_at,
                        "content_hash": s.content_hash,
                        "entity_count": s.entity_count,
                        "counts": s.counts,
                    })
                })
                .collect();
            json!({
                "name": d.name,
                "title": d.title,
                "summary": null,
                "url": null,
                "load": true,
                "entities_url": null,
                "version": version,
                "index_version": version,
                "index_current": true,
                "children": children,
                "entity_count": d.matcher.entities().len(),
                "sources": sources,
            })
        })
        .collect();
    let current: Vec<&String> = l.datasets.keys().collect();
    Ok(json_response(
        StatusCode::OK,
        &json!({
            "datasets": datasets,
            "current": current,
            "outdated": [],
            "index_stale": false,
            "loaded_at": l.loaded_at,
            "load_seconds": l.load_time.as_secs_f64(),
        }),
    ))
}

/// `GET /algorithms` (yente's shape).
pub async fn algorithms() -> Response {
    json_response(
        StatusCode::OK,
        &json!({
            "algorithms": [{
                "name": "interdict",
                "description": "Token alignment with rarity weights, transliteration and phonetic keys, adjusted by birth date, country, gender, schema and identifiers; every result explained.",
                "features": feature_docs(),
            }],
            "default": "interdict",
            "best": "interdict",
        }),
    )
}

/// `GET /healthz`: the process answers.
pub async fn healthz() -> Response {
    json_response(StatusCode::OK, &json!({"status": "ok"}))
}

/// `GET /readyz`: lists are loaded and at least one entity can be screened.
pub async fn readyz(State(st): State<Arc<AppState>>) -> Response {
    match st.current.load_full() {
        None => ApiError::unavailable("the lists are still loading").into_response(),
        Some(l) if l.entity_count() == 0 => ApiError::unavailable(
            "no list is imported: run `interdict import FILE` or `interdict update`",
        )
        .into_response(),
        Some(l) => json_response(
            StatusCode::OK,
            &json!({
                "status": "ok",
                "entities": l.entity_count(),
                "snapshots": l.snapshot_ids,
                "loaded_at": l.loaded_at,
            }),
        ),
    }
}

/// `GET /metrics`: Prometheus text.
pub async fn metrics(State(st): State<Arc<AppState>>) -> Response {
    let mut out = String::with_capacity(4096);
    st.metrics.render(&mut out);
    let l = st.current.load_full();
    out.push_str("# HELP interdict_entities_loaded Entities in the active lists.\n# TYPE interdict_entities_loaded gauge\n");
    out.push_str(&format!(
        "interdict_entities_loaded {}\n",
        l.as_ref().map_or(0, |l| l.entity_count())
    ));
    out.push_str("# HELP interdict_snapshot_info Active snapshots (value: entity count).\n# TYPE interdict_snapshot_info gauge\n");
    if let Some(l) = &l {
        for s in &l.snapshots {
            out.push_str(&format!(
                "interdict_snapshot_info{{source=\"{}\",snapshot_id=\"{}\",publisher_date=\"{}\"}} {}\n",
                crate::metrics::escape(&s.source),
                s.id,
                crate::metrics::escape(s.publisher_date.as_deref().unwrap_or("")),
                s.entity_count
            ));
        }
    }
    out.push_str(&format!(
        "# HELP interdict_uptime_seconds Seconds since start.\n# TYPE interdict_uptime_seconds gauge\ninterdict_uptime_seconds {:.1}\n",
        st.started.elapsed().as_secs_f64()
    ));
    let mut r = (StatusCode::OK, out).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
    );
    r
}

/// The OpenAPI document.
pub const OPENAPI: &str = include_str!("openapi.json");

/// `GET /openapi.json`.
pub async fn openapi() -> Response {
    let mut r = (StatusCode::OK, OPENAPI).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    r
}

/// `GET /`: the analysts' page.
pub async fn page() -> Html<&'static str> {
    Html(include_str!("page.html"))
}

/// `GET /favicon.ico`: none.
pub async fn favicon() -> StatusCode {
    StatusCode::NO_CONTENT
}

/// Unknown paths.
pub async fn not_found(uri: axum::http::Uri) -> ApiError {
    ApiError::not_found(format!("no such route: {} (see /openapi.json)", uri.path()))
}

/// A known path with the wrong method.
pub async fn method_not_allowed(method: axum::http::Method, uri: axum::http::Uri) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        format!(
            "{method} is not allowed on {} (see /openapi.json)",
            uri.path()
        ),
    )
}
