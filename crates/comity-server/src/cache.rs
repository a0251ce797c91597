//! Rendered pages, kept until the journal moves. A page depends only on the state (which
//! changes only when the head moves), the language, the address, and for the chair rotation
//! the current day: those four make the key, so a cached page is never stale.

use std::collections::HashMap;
use std::sync::Mutex;

use axum::body::{Body, Bytes, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::i18n::Lang;
use crate::web::Shared;

/// Buffering limit; no page comes near it (entry pages cut long payloads, and the journal
/// download is never cached).
const MAX_PAGE: usize = 16 * 1024 * 1024;
/// Distinct pages kept per head; beyond, pages are rendered but not kept.
const MAX_PAGES: usize = 2_000;
/// Bytes of pages kept per head; beyond, pages are rendered but not kept. Addresses that
/// differ only by made-up query parameters (`?cachebust=N`) each make a page, so the bound
/// is on bytes, not only on count.
const MAX_BYTES: usize = 64 * 1024 * 1024;

#[derive(Hash, PartialEq, Eq, Clone)]
struct Key {
    head: u64,
    day: i64,
    lang: &'static str,
    uri: String,
}

/// A kept response: its type, its disposition (downloads name their file), its body.
type Kept = (HeaderValue, Option<HeaderValue>, Bytes);

#[derive(Default)]
pub struct PageCache {
    pages: Mutex<Pages>,
}

#[derive(Default)]
struct Pages {
    kept: HashMap<Key, Kept>,
    bytes: usize,
}

impl PageCache {
    fn get(&self, k: &Key) -> Option<Kept> {
        self.pages.lock().ok()?.kept.get(k).cloned()
    }
    fn put(&self, k: Key, v: Kept) {
        if let Ok(mut m) = self.pages.lock() {
            // A new head makes every older page unreachable: drop them.
            if m.kept
                .keys()
                .next()
                .is_some_and(|old| old.head != k.head || old.day != k.day)
            {
                *m = Pages::default();
            }
            // Full: keep what is kept (the pages people asked for first), add nothing.
            let size = v.2.len() + k.uri.len();
            if m.kept.len() >= MAX_PAGES || m.bytes + size > MAX_BYTES {
                return;
            }
            m.bytes += size;
            if let Some(old) = m.kept.insert(k, v) {
                m.bytes -= old.2.len();
            }
        }
    }

    /// Pages and bytes kept now.
    pub fn usage(&self) -> (usize, usize) {
        self.pages
            .lock()
            .map(|m| (m.kept.len(), m.bytes))
            .unwrap_or((0, 0))
    }
}

/// The address as a key: the path, then the query's parameters sorted, empty ones dropped,
/// so the same page asked in two spellings is kept once.
fn normal_uri(uri: &axum::http::Uri) -> String {
    let mut pairs: Vec<(String, String)> = uri
        .query()
        .map(|q| {
            form_urlencoded::parse(q.as_bytes())
                .filter(|(_, v)| !v.is_empty())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect()
        })
        .unwrap_or_default();
    if pairs.is_empty() {
        return uri.path().to_owned();
    }
    pairs.sort();
    let query: String = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish();
    format!("{}?{query}", uri.path())
}

/// Serve HTML pages from the cache, or render and keep them.
pub async fn pages(State(app): State<Shared>, req: Request, next: Next) -> Response {
    let path = req.uri().path();
    // Pages for signed-in people carry their name and CSRF token: never shared.
    let personal = req
        .headers()
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.contains(crate::web::SESSION_COOKIE));
    let cacheable = req.method() == Method::GET
        && !personal
        && !path.starts_with("/api/v1/")
        && !matches!(
            path,
            "/health" | "/healthz" | "/readyz" | "/metrics" | "/journal.jsonl"
        );
    if !cacheable {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    let lang: Lang = crate::web::negotiate(&parts);
    let key = Key {
        head: app.inst.state().await.head().seq,
        day: crate::now().unix().div_euclid(86_400),
        lang: lang.code(),
        uri: normal_uri(&parts.uri),
    };
    let kept = app.cache.get(&key);
    let counter = if kept.is_some() {
        &app.metrics.cache_hits
    } else {
        &app.metrics.cache_misses
    };
    counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    if let Some((ctype, disposition, bytes)) = kept {
        let mut res = ([(header::CONTENT_TYPE, ctype)], bytes).into_response();
        if let Some(d) = disposition {
            res.headers_mut().insert(header::CONTENT_DISPOSITION, d);
        }
        return res;
    }
    let res = next.run(Request::from_parts(parts, body)).await;
    if res.status() != StatusCode::OK || res.headers().contains_key(header::CACHE_CONTROL) {
        return res;
    }
    let (parts, body) = res.into_parts();
    let Some(ctype) = parts.headers.get(header::CONTENT_TYPE).cloned() else {
        return Response::from_parts(parts, body);
    };
    let disposition = parts.headers.get(header::CONTENT_DISPOSITION).cloned();
    match to_bytes(body, MAX_PAGE).await {
        Ok(bytes) => {
            app.cache.put(key, (ctype, disposition, bytes.clone()));
            Response::from_parts(parts, Body::from(bytes))
        }
        Err(e) => crate::web::internal("buffering a page", e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(uri: &str) -> Key {
        Key {
            head: 7,
            day: 1,
            lang: "en",
            uri: normal_uri(&uri.parse().unwrap()),
        }
    }

    #[test]
    fn one_page_in_two_spellings_is_one_key() {
        assert_eq!(normal_uri(&"/motions".parse().unwrap()), "/motions");
        assert_eq!(
            key("/motions?b=2&a=1&empty=").uri,
            key("/motions?a=1&b=2").uri
        );
        assert_eq!(key("/motions?").uri, "/motions");
        assert_ne!(key("/motions?page=2").uri, key("/motions?page=3").uri);
    }

    /// Issue 22, item 6: a thousand made-up addresses of a large page keep the cache under
    /// its byte bound (before, every one was kept until 2,000 pages).
    #[test]
    fn the_cache_is_bounded_by_bytes() {
        let cache = PageCache::default();
        let page = Bytes::from(vec![b'x'; 1024 * 1024]);
        let ctype = HeaderValue::from_static("text/html");
        for n in 0..1_000 {
            cache.put(
                key(&format!("/motions?cachebust={n}")),
                (ctype.clone(), None, page.clone()),
            );
        }
        let (pages, bytes) = cache.usage();
        assert!(bytes <= MAX_BYTES, "{bytes}");
        assert_eq!(pages, MAX_BYTES / (1024 * 1024 + 30));
        // The first pages kept are still served.
        assert!(cache.get(&key("/motions?cachebust=0")).is_some());
        assert!(cache.get(&key("/motions?cachebust=999")).is_none());
        // A new head starts over.
        let mut next = key("/motions");
        next.head = 8;
        cache.put(next.clone(), (ctype, None, page));
        assert_eq!(cache.usage().0, 1);
    }
}
