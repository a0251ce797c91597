//! Rendered pages, kept until what they show moves. A page depends only on the state, the
//! language, the address, and for the chair rotation the current day. The state's part is
//! narrowed by scope: entries that come in volume (batches of signatures, submissions to a
//! consultation) change only their own pages, so the other pages are keyed by the last entry
//! of every other kind (`State::versions`), and stay kept through a signature drive. The
//! footer names the journal's head on every page: it is spliced in, current, when a kept page
//! is served, so a page kept from an older head never shows an older head.

use std::collections::HashMap;
use std::sync::Mutex;

use axum::body::{Body, Bytes, to_bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use comity_core::journal::Head;

use crate::i18n::Lang;
use crate::web::Shared;

/// Buffering limit; no page comes near it (entry pages cut long payloads, and the journal
/// download is never cached).
const MAX_PAGE: usize = 16 * 1024 * 1024;
/// Distinct pages kept; beyond, pages are rendered but not kept.
const MAX_PAGES: usize = 2_000;
/// Bytes of pages kept; beyond, pages are rendered but not kept. Addresses that differ only
/// by made-up query parameters (`?cachebust=N`) each make a page, so the bound is on bytes,
/// not only on count.
const MAX_BYTES: usize = 64 * 1024 * 1024;

/// What a page shows of the journal, by its address.
#[derive(Hash, PartialEq, Eq, Clone, Copy, Debug)]
enum Scope {
    /// The journal itself and the home page (its head and latest entries): every entry.
    All,
    /// The initiatives' pages: everything but submissions to consultations.
    Initiatives,
    /// The consultations' pages: everything but batches of signatures.
    Consultations,
    /// Every other page: neither.
    Rest,
}

impl Scope {
    fn of(path: &str) -> Self {
        if path == "/" || path.starts_with("/journal") {
            Self::All
        } else if path.starts_with("/initiatives") {
            Self::Initiatives
        } else if path.starts_with("/consultations") {
            Self::Consultations
        } else {
            Self::Rest
        }
    }

    /// The last entry that can change a page of this scope.
    fn version(self, state: &comity_core::State) -> u64 {
        let v = state.versions;
        match self {
            Self::All => state.head().seq,
            Self::Initiatives => v.rest.max(v.signatures),
            Self::Consultations => v.rest.max(v.submissions),
            Self::Rest => v.rest,
        }
    }
}

#[derive(Hash, PartialEq, Eq, Clone)]
struct Key {
    scope: Scope,
    version: u64,
    day: i64,
    lang: &'static str,
    uri: String,
}

/// A kept response: its type, its disposition (downloads name their file), its body, and
/// the head it was rendered at (whose footer it carries).
#[derive(Clone)]
struct Kept {
    ctype: HeaderValue,
    disposition: Option<HeaderValue>,
    body: Bytes,
    head: Head,
}

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
            // A newer version of a scope (or a new day) makes its older pages unreachable:
            // drop them, and only them.
            let stale =
                |old: &Key| old.day != k.day || (old.scope == k.scope && old.version != k.version);
            if m.kept.keys().any(stale) {
                let mut freed = 0;
                m.kept.retain(|old, kept| {
                    let keep = !stale(old);
                    if !keep {
                        freed += kept.body.len() + old.uri.len();
                    }
                    keep
                });
                m.bytes -= freed;
            }
            // Full: keep what is kept (the pages people asked for first), add nothing.
            let size = v.body.len() + k.uri.len();
            if m.kept.len() >= MAX_PAGES || m.bytes + size > MAX_BYTES {
                return;
            }
            m.bytes += size;
            if let Some(old) = m.kept.insert(k.clone(), v) {
                m.bytes -= old.body.len() + k.uri.len();
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

/// The page with its footer naming `now` instead of `then`, the head it was rendered at:
/// the entry count and the hash in the `journal-head` paragraph are replaced, nothing else.
fn with_head(body: &Bytes, then: Head, now: Head) -> Bytes {
    if then == now {
        return body.clone();
    }
    let html = body.as_ref();
    let open = b"<p id=\"journal-head\">";
    let Some(start) = find(html, open, 0) else {
        return body.clone();
    };
    let Some(end) = find(html, b"</p>", start) else {
        return body.clone();
    };
    let para = &html[start..end];
    let Ok(para) = std::str::from_utf8(para) else {
        return body.clone();
    };
    let (text, rest) = para
        .split_once("<span class=\"hash\">")
        .unwrap_or((para, ""));
    let text = replace_number(text, then.seq, now.seq);
    let rest = rest.replacen(&then.hash.to_string(), &now.hash.to_string(), 1);
    let mut out = Vec::with_capacity(html.len() + 8);
    out.extend_from_slice(&html[..start]);
    out.extend_from_slice(text.as_bytes());
    if !rest.is_empty() {
        out.extend_from_slice(b"<span class=\"hash\">");
        out.extend_from_slice(rest.as_bytes());
    }
    out.extend_from_slice(&html[end..]);
    Bytes::from(out)
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|i| i + from)
}

/// `text` with the number `old` (a whole run of digits) replaced by `new`.
fn replace_number(text: &str, old: u64, new: u64) -> String {
    let old = old.to_string();
    let mut from = 0;
    while let Some(i) = text[from..].find(&old).map(|i| i + from) {
        let j = i + old.len();
        let digit_before = text[..i]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit());
        let digit_after = text[j..].chars().next().is_some_and(|c| c.is_ascii_digit());
        if !digit_before && !digit_after {
            return format!("{}{new}{}", &text[..i], &text[j..]);
        }
        from = j;
    }
    text.to_owned()
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
    let scope = Scope::of(parts.uri.path());
    let (version, head) = {
        let state = app.inst.state().await;
        (scope.version(&state), state.head())
    };
    let key = Key {
        scope,
        version,
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
    if let Some(k) = kept {
        let body = with_head(&k.body, k.head, head);
        let mut res = ([(header::CONTENT_TYPE, k.ctype)], body).into_response();
        if let Some(d) = k.disposition {
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
            // Rendered at the head read above (the journal may have moved in between: then
            // the footer names another head, and the page is served but not kept).
            let html = ctype.to_str().is_ok_and(|t| t.starts_with("text/html"));
            let hash = head.hash.to_string();
            if html && find(&bytes, hash.as_bytes(), 0).is_none() {
                return Response::from_parts(parts, Body::from(bytes));
            }
            app.cache.put(
                key,
                Kept {
                    ctype,
                    disposition,
                    body: bytes.clone(),
                    head,
                },
            );
            Response::from_parts(parts, Body::from(bytes))
        }
        Err(e) => crate::web::internal("buffering a page", e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use comity_core::journal::Hash;

    fn key(uri: &str) -> Key {
        Key {
            scope: Scope::of(uri),
            version: 7,
            day: 1,
            lang: "en",
            uri: normal_uri(&uri.parse().unwrap()),
        }
    }

    fn kept(body: Bytes) -> Kept {
        Kept {
            ctype: HeaderValue::from_static("text/html"),
            disposition: None,
            body,
            head: Head {
                seq: 7,
                hash: Hash::ZERO,
            },
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
        for n in 0..1_000 {
            cache.put(key(&format!("/motions?cachebust={n}")), kept(page.clone()));
        }
        let (pages, bytes) = cache.usage();
        assert!(bytes <= MAX_BYTES, "{bytes}");
        assert_eq!(pages, MAX_BYTES / (1024 * 1024 + 30));
        // The first pages kept are still served.
        assert!(cache.get(&key("/motions?cachebust=0")).is_some());
        assert!(cache.get(&key("/motions?cachebust=999")).is_none());
        // A new version of the scope starts it over.
        let mut next = key("/motions");
        next.version = 8;
        cache.put(next.clone(), kept(page));
        assert_eq!(cache.usage().0, 1);
    }

    /// Issue 17: a batch of signatures moves the initiatives' pages and the journal's, not
    /// the others; a submission moves the consultations' pages only.
    #[test]
    fn volume_moves_its_own_scope_only() {
        let cache = PageCache::default();
        let page = Bytes::from_static(b"<p>page</p>");
        for uri in ["/members", "/initiatives/3", "/consultations/1", "/journal"] {
            cache.put(key(uri), kept(page.clone()));
        }
        let mut signed = key("/initiatives/3");
        signed.version = 8;
        cache.put(signed, kept(page.clone()));
        assert!(cache.get(&key("/members")).is_some());
        assert!(cache.get(&key("/consultations/1")).is_some());
        assert!(cache.get(&key("/journal")).is_some());
        assert!(cache.get(&key("/initiatives/3")).is_none());
        assert_eq!(Scope::of("/"), Scope::All);
        assert_eq!(Scope::of("/journal/12"), Scope::All);
        assert_eq!(Scope::of("/members/DNK"), Scope::Rest);
    }

    #[test]
    fn a_kept_page_is_served_with_the_current_head() {
        let then = Head {
            seq: 12,
            hash: Hash::of(b"a"),
        };
        let now = Head {
            seq: 1312,
            hash: Hash::of(b"b"),
        };
        let page = format!(
            "<main><p>12 members, entry 12</p></main><footer><p id=\"journal-head\">Journal: \u{2068}12\u{2069} entries, head <span class=\"hash\">{}</span> · <a href=\"/journal/verify\">verify</a></p></footer>",
            then.hash
        );
        let out = with_head(&Bytes::from(page), then, now);
        let out = std::str::from_utf8(&out).unwrap();
        assert!(out.contains("<p>12 members, entry 12</p>"), "{out}");
        assert!(
            out.contains("Journal: \u{2068}1312\u{2069} entries"),
            "{out}"
        );
        assert!(out.contains(&now.hash.to_string()) && !out.contains(&then.hash.to_string()));
        assert_eq!(replace_number("a 112 12 b", 12, 7), "a 112 7 b");
    }
}
