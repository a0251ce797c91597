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
/// Distinct pages kept per head before the cache starts over.
const MAX_PAGES: usize = 2_000;

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
    pages: Mutex<HashMap<Key, Kept>>,
}

impl PageCache {
    fn get(&self, k: &Key) -> Option<Kept> {
        self.pages.lock().ok()?.get(k).cloned()
    }
    fn put(&self, k: Key, v: Kept) {
        if let Ok(mut m) = self.pages.lock() {
            // A new head makes every older page unreachable: drop them.
            if m.len() >= MAX_PAGES
                || m.keys()
                    .next()
                    .is_some_and(|old| old.head != k.head || old.day != k.day)
            {
                m.clear();
            }
            m.insert(k, v);
        }
    }
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
        && !matches!(path, "/health" | "/healthz" | "/readyz" | "/journal.jsonl");
    if !cacheable {
        return next.run(req).await;
    }
    let (parts, body) = req.into_parts();
    let lang: Lang = crate::web::negotiate(&parts);
    let key = Key {
        head: app.inst.state().await.head().seq,
        day: crate::now().unix().div_euclid(86_400),
        lang: lang.code(),
        uri: parts.uri.to_string(),
    };
    if let Some((ctype, disposition, bytes)) = app.cache.get(&key) {
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
