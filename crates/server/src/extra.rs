//! `POST /trade` (transactions against the lists and the arms embargoes) and
//! `POST /scan` (listed parties and embargoed countries named in a text),
//! over the `default` dataset.

use crate::api::{json_response, read_body};
use crate::data::Loaded;
use crate::error::ApiError;
use crate::AppState;
use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::Response;
use interdict_embargo::transaction::read_json;
use interdict_embargo::{
    screen_transaction, Context, Decision, MatcherScreener, RuleSet, VesselIndex,
};
use interdict_matcher::Matcher;
use interdict_scan::{read_document, ScanOptions, Scanner};
use serde_json::json;
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// What `/trade` and `/scan` build on demand, once per loaded set of lists.
#[derive(Default)]
pub struct Extras {
    scanner: OnceLock<Arc<Scanner>>,
    vessels: OnceLock<Arc<VesselIndex>>,
}

fn rules() -> Result<&'static RuleSet, ApiError> {
    static RULES: OnceLock<Result<RuleSet, String>> = OnceLock::new();
    RULES
        .get_or_init(|| RuleSet::embedded().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| ApiError::internal(format!("embargo rules unreadable: {e}")))
}

fn default_matcher(l: &Loaded) -> Result<Arc<Matcher>, ApiError> {
    l.all().map(|d| d.matcher.clone()).ok_or_else(|| {
        ApiError::unavailable(
            "no list is imported yet: run `interdict import FILE` or `interdict update`",
        )
    })
}

fn score(p: &HashMap<String, String>, k: &str, default: f32) -> Result<f32, ApiError> {
    match p.get(k).map(|s| s.trim()).filter(|s| !s.is_empty()) {
        None => Ok(default),
        Some(s) => match s.parse::<f32>() {
            Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
            _ => Err(ApiError::bad_request(format!(
                "{k} must be a number between 0 and 1, found {s:?}"
            ))),
        },
    }
}

type Params = Result<Query<HashMap<String, String>>, axum::extract::rejection::QueryRejection>;

fn params(p: Params) -> Result<HashMap<String, String>, ApiError> {
    p.map(|Query(m)| m)
        .map_err(|e| ApiError::bad_request(format!("malformed query string: {e}")))
}

/// `POST /trade`: a JSON transaction or an array of them; one decision each.
pub async fn trade(
    State(st): State<Arc<AppState>>,
    p: Params,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let p = params(p)?;
    let prohibit = score(&p, "prohibit_score", 0.95)?;
    let review = score(&p, "review_score", 0.80)?;
    let l = crate::api::loaded(&st)?;
    let matcher = default_matcher(&l)?;
    let body = read_body(body, &headers, st.config.max_body).await?;
    let text = std::str::from_utf8(&body)
        .map_err(|_| ApiError::bad_request("the request body is not UTF-8 text"))?;
    let records = read_json(text).map_err(|e| ApiError::bad_request(e.to_string()))?;
    if records.is_empty() {
        return Err(ApiError::bad_request("no transaction in the request body"));
    }
    if records.len() > st.config.max_queries {
        return Err(ApiError::bad_request(format!(
            "too many transactions in one request: {} (limit: {})",
            records.len(),
            st.config.max_queries
        )));
    }
    let rules = rules()?;
    let l2 = l.clone();
    let decisions = tokio::task::spawn_blocking(move || {
        let vessels = l2
            .extras
            .vessels
            .get_or_init(|| Arc::new(VesselIndex::new(matcher.entities())))
            .clone();
        let screener = MatcherScreener::new(matcher, review.min(prohibit));
        let mut ctx = Context::new(rules, &screener, &vessels);
        ctx.prohibit_score = prohibit;
        ctx.review_score = review;
        records
            .iter()
            .map(|rec| match &rec.result {
                Ok(tx) => screen_transaction(tx, &ctx),
                Err(e) => Decision::unreadable(&rec.location, e),
            })
            .collect::<Vec<_>>()
    })
    .await
    .map_err(|e| ApiError::internal(format!("trade screening failed: {e}")))?;
    Ok(json_response(
        StatusCode::OK,
        &json!({ "decisions": decisions, "snapshots": l.snapshot_ids }),
    ))
}

/// `POST /scan`: a text, HTML page or e-mail (kind from `Content-Type`);
/// the listed parties and embargoed countries it names.
pub async fn scan(
    State(st): State<Arc<AppState>>,
    p: Params,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let p = params(p)?;
    let threshold = score(&p, "threshold", interdict_matcher::DEFAULT_THRESHOLD)?;
    let l = crate::api::loaded(&st)?;
    let matcher = default_matcher(&l)?;
    let hint = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let body = read_body(body, &headers, st.config.max_body).await?;
    let doc = read_document(&body, hint.as_deref())
        .map_err(|e| ApiError::bad_request(format!("cannot read the document: {e}")))?;
    let l2 = l.clone();
    let report = tokio::task::spawn_blocking(move || {
        let scanner = l2
            .extras
            .scanner
            .get_or_init(|| Arc::new(Scanner::new(matcher)))
            .clone();
        let opts = ScanOptions {
            threshold,
            ..ScanOptions::default()
        };
        scanner.try_scan(&doc, &opts)
    })
    .await
    .map_err(|e| ApiError::internal(format!("scan failed: {e}")))?
    .map_err(|e| ApiError::bad_request(format!("cannot scan the document: {e}")))?;
    let v = serde_json::to_value(&report).unwrap_or_default();
    Ok(json_response(StatusCode::OK, &v))
}
