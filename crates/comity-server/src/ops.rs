//! What an operator watches: one log line per request (method, path, status, latency;
//! never a query string, a header or a body, so no token or password can reach the log),
//! Prometheus metrics at `/metrics`, and gzip for text responses when the client takes it.

use std::io::Write as _;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::time::Instant;

use axum::body::{Body, HttpBody, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::web::Shared;

/// Upper bounds of the latency histogram, in seconds.
const BUCKETS: [f64; 10] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0, 5.0];

/// Counters since the server started.
#[derive(Default)]
pub struct Metrics {
    /// Responses by status class: 1xx … 5xx.
    by_class: [AtomicU64; 5],
    /// Latency histogram (cumulative counts per bucket, then +Inf) and the sum in µs.
    buckets: [AtomicU64; BUCKETS.len() + 1],
    micros: AtomicU64,
    pub cache_hits: AtomicU64,
    pub cache_misses: AtomicU64,
}

impl Metrics {
    fn record(&self, status: StatusCode, seconds: f64) {
        let class = usize::from(status.as_u16() / 100).clamp(1, 5) - 1;
        self.by_class[class].fetch_add(1, Relaxed);
        for (i, le) in BUCKETS.iter().enumerate() {
            if seconds <= *le {
                self.buckets[i].fetch_add(1, Relaxed);
            }
        }
        self.buckets[BUCKETS.len()].fetch_add(1, Relaxed);
        self.micros.fetch_add((seconds * 1e6) as u64, Relaxed);
    }
}

/// Log and count every request.
pub async fn observe(State(app): State<Shared>, req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    let path = req.uri().path().to_owned();
    let res = next.run(req).await;
    let seconds = started.elapsed().as_secs_f64();
    let status = res.status();
    app.metrics.record(status, seconds);
    tracing::info!(
        target: "comity::request",
        method = %method,
        path = %path,
        status = status.as_u16(),
        ms = format_args!("{:.2}", seconds * 1e3),
    );
    res
}

/// `GET /metrics`: the Prometheus text format.
pub async fn metrics(State(app): State<Shared>) -> Response {
    let m = &app.metrics;
    let head = app.inst.state().await.head().seq;
    let (pages, bytes) = app.cache.usage();
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    line("# HELP comity_http_requests_total Requests answered, by status class.".into());
    line("# TYPE comity_http_requests_total counter".into());
    for (i, n) in m.by_class.iter().enumerate() {
        line(format!(
            "comity_http_requests_total{{class=\"{}xx\"}} {}",
            i + 1,
            n.load(Relaxed)
        ));
    }
    line("# HELP comity_http_request_duration_seconds Time to answer a request.".into());
    line("# TYPE comity_http_request_duration_seconds histogram".into());
    for (i, le) in BUCKETS.iter().enumerate() {
        line(format!(
            "comity_http_request_duration_seconds_bucket{{le=\"{le}\"}} {}",
            m.buckets[i].load(Relaxed)
        ));
    }
    let count = m.buckets[BUCKETS.len()].load(Relaxed);
    line(format!(
        "comity_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {count}"
    ));
    line(format!(
        "comity_http_request_duration_seconds_sum {}",
        m.micros.load(Relaxed) as f64 / 1e6
    ));
    line(format!(
        "comity_http_request_duration_seconds_count {count}"
    ));
    line("# HELP comity_journal_head_seq The journal's head as this node folded it.".into());
    line("# TYPE comity_journal_head_seq gauge".into());
    line(format!("comity_journal_head_seq {head}"));
    line(
        "# HELP comity_journal_faulty 1 once the journal cannot be followed (see /healthz).".into(),
    );
    line("# TYPE comity_journal_faulty gauge".into());
    line(format!(
        "comity_journal_faulty {}",
        u8::from(app.inst.fault().is_some())
    ));
    line("# HELP comity_page_cache_requests_total Pages asked of the cache, by outcome.".into());
    line("# TYPE comity_page_cache_requests_total counter".into());
    line(format!(
        "comity_page_cache_requests_total{{outcome=\"hit\"}} {}",
        m.cache_hits.load(Relaxed)
    ));
    line(format!(
        "comity_page_cache_requests_total{{outcome=\"miss\"}} {}",
        m.cache_misses.load(Relaxed)
    ));
    line("# HELP comity_page_cache_pages Pages kept for the current head.".into());
    line("# TYPE comity_page_cache_pages gauge".into());
    line(format!("comity_page_cache_pages {pages}"));
    line("# HELP comity_page_cache_bytes Bytes of pages kept for the current head.".into());
    line("# TYPE comity_page_cache_bytes gauge".into());
    line(format!("comity_page_cache_bytes {bytes}"));
    line("# HELP comity_jobs_running Background jobs (imports, draws) not yet finished.".into());
    line("# TYPE comity_jobs_running gauge".into());
    line(format!("comity_jobs_running {}", app.jobs_running()));
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        out,
    )
        .into_response()
}

/// Text worth compressing, and small enough to hold: pages, JSON, CSV, XML, SVG. A streamed
/// body (the journal download) has no known size and passes as it is.
const COMPRESS_MAX: u64 = 16 * 1024 * 1024;
const COMPRESS_MIN: u64 = 1024;

fn compressible(ctype: &str) -> bool {
    ctype.starts_with("text/")
        || ctype.starts_with("application/json")
        || ctype.starts_with("application/problem+json")
        || ctype.starts_with("application/atom+xml")
        || ctype.starts_with("application/akn+xml")
        || ctype.starts_with("image/svg+xml")
}

/// gzip the response when the client accepts it and it is text of a known size.
pub async fn compress(req: Request, next: Next) -> Response {
    let accepts = req
        .headers()
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|e| {
            let mut parts = e.trim().split(';');
            let name = parts.next().unwrap_or("");
            let q0 = parts.any(|p| p.trim().replace(' ', "") == "q=0");
            name.eq_ignore_ascii_case("gzip") && !q0
        });
    let res = next.run(req).await;
    if !accepts || res.headers().contains_key(header::CONTENT_ENCODING) {
        return res;
    }
    let size = res.body().size_hint().exact();
    let ctype = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let worth = size.is_some_and(|n| (COMPRESS_MIN..=COMPRESS_MAX).contains(&n));
    if !worth || !compressible(ctype) {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = to_bytes(body, COMPRESS_MAX as usize).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let zipped = gz.write_all(&bytes).and_then(|()| gz.finish());
    let Ok(zipped) = zipped else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    parts
        .headers
        .insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    parts
        .headers
        .append(header::VARY, HeaderValue::from_static("accept-encoding"));
    Response::from_parts(parts, Body::from(zipped))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latencies_fall_in_cumulative_buckets() {
        let m = Metrics::default();
        m.record(StatusCode::OK, 0.003);
        m.record(StatusCode::NOT_FOUND, 2.0);
        let b: Vec<u64> = m.buckets.iter().map(|b| b.load(Relaxed)).collect();
        assert_eq!(b, vec![0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2]);
        assert_eq!(m.by_class[1].load(Relaxed), 1);
        assert_eq!(m.by_class[3].load(Relaxed), 1);
    }
}
