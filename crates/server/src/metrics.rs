//! Prometheus metrics: requests by route and status, a latency histogram.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 14] = [
    0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0,
];

#[derive(Default)]
struct Route {
    by_status: BTreeMap<u16, u64>,
    buckets: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

/// Counters kept by the server.
#[derive(Default)]
pub struct Metrics {
    routes: Mutex<BTreeMap<String, Route>>,
    /// Successful reloads of the lists.
    pub reloads: AtomicU64,
    /// Failed reload attempts.
    pub reload_errors: AtomicU64,
    /// Queries screened (one per example in a match request).
    pub queries: AtomicU64,
}

impl Metrics {
    /// Records one request.
    pub fn observe(&self, route: &str, status: u16, elapsed: Duration) {
        let secs = elapsed.as_secs_f64();
        let Ok(mut routes) = self.routes.lock() else {
            return;
        };
        let r = match routes.get_mut(route) {
            Some(r) => r,
            None => routes.entry(route.to_string()).or_default(),
        };
        *r.by_status.entry(status).or_default() += 1;
        r.count += 1;
        r.sum += secs;
        if let Some(i) = BUCKETS.iter().position(|b| secs <= *b) {
            if let Some(b) = r.buckets.get_mut(i) {
                *b += 1;
            }
        }
    }

    /// The request metrics in the Prometheus text format.
    pub fn render(&self, out: &mut String) {
        let routes = match self.routes.lock() {
            Ok(r) => r,
            Err(p) => p.into_inner(),
        };
        out.push_str("# HELP interdict_http_requests_total HTTP requests by route and status.\n");
        out.push_str("# TYPE interdict_http_requests_total counter\n");
        for (route, r) in routes.iter() {
            for (status, n) in &r.by_status {
                let _ = writeln!(
                    out,
                    "interdict_http_requests_total{{route=\"{}\",status=\"{status}\"}} {n}",
                    escape(route)
                );
            }
        }
        out.push_str("# HELP interdict_http_request_duration_seconds Time to answer a request.\n");
        out.push_str("# TYPE interdict_http_request_duration_seconds histogram\n");
        for (route, r) in routes.iter() {
            let route = escape(route);
            let mut cum = 0;
            for (b, n) in BUCKETS.iter().zip(r.buckets.iter()) {
                cum += n;
                let _ = writeln!(
                    out,
                    "interdict_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{b}\"}} {cum}"
                );
            }
            let _ = writeln!(
                out,
                "interdict_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}",
                r.count
            );
            let _ = writeln!(
                out,
                "interdict_http_request_duration_seconds_sum{{route=\"{route}\"}} {}",
                r.sum
            );
            let _ = writeln!(
                out,
                "interdict_http_request_duration_seconds_count{{route=\"{route}\"}} {}",
                r.count
            );
        }
        for (name, help, v) in [
            (
                "interdict_reloads_total",
                "Lists loaded (at start and after each import).",
                &self.reloads,
            ),
            (
                "interdict_reload_errors_total",
                "Failed attempts to load the lists.",
                &self.reload_errors,
            ),
            (
                "interdict_queries_total",
                "Match queries screened.",
                &self.queries,
            ),
        ] {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {}",
                v.load(Ordering::Relaxed)
            );
        }
    }
}

/// Escapes a label value.
pub fn escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_is_cumulative_and_counts_statuses() {
        let m = Metrics::default();
        m.observe("/match/{dataset}", 200, Duration::from_micros(300));
        m.observe("/match/{dataset}", 200, Duration::from_millis(3));
        m.observe("/match/{dataset}", 400, Duration::from_secs(20));
        let mut s = String::new();
        m.render(&mut s);
        assert!(
            s.contains(
                "interdict_http_requests_total{route=\"/match/{dataset}\",status=\"200\"} 2"
            ),
            "{s}"
        );
        assert!(s.contains("status=\"400\"} 1"));
        assert!(s.contains("le=\"0.0005\"} 1\n"));
        assert!(s.contains("le=\"0.005\"} 2\n"));
        assert!(s.contains("le=\"10\"} 2\n"));
        assert!(s.contains("le=\"+Inf\"} 3\n"));
    }
}
