//! What every page shares: the request's language, the page chrome, rendering, and errors.

use std::sync::Arc;

use askama::Template;
use axum::extract::{FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Response};
use comity_core::State;
use comity_core::auth::Principal;
use comity_store::{Account, Institution};

use crate::i18n::{Catalog, Lang, Tr};

/// Everything a handler needs, shared by all requests.
pub struct App {
    pub inst: Arc<Institution>,
    pub catalog: Catalog,
    pub openapi: Arc<utoipa::openapi::OpenApi>,
    pub cache: crate::cache::PageCache,
    pub ratings_jobs: crate::base::pages::ratings_import::Jobs,
    pub assembly_imports: crate::assembly::jobs::Imports,
    pub assembly_draws: crate::assembly::jobs::Draws,
    pub caucus_imports: crate::caucus::import::Jobs,
    pub sanctions_screens: crate::sanctions::pages::Jobs,
    pub metrics: crate::ops::Metrics,
    /// The one writer of online signatures (group commit).
    pub signer: crate::initiatives::sign::Signer,
    /// The search index, built from the projection.
    pub search: crate::search::Cache,
}

impl App {
    /// Background jobs of every kind not yet finished.
    pub fn jobs_running(&self) -> usize {
        self.ratings_jobs.running()
            + self.assembly_imports.running()
            + self.assembly_draws.running()
            + self.caucus_imports.running()
            + self.sanctions_screens.running()
    }
}

pub type Shared = Arc<App>;

/// The request's language and path, from `?lang=`, the `lang` cookie or `Accept-Language`,
/// and who is asking: a signed-in person (session cookie) or a program (API token).
pub struct Req {
    pub lang: Lang,
    pub path: String,
    pub viewer: Option<Viewer>,
    /// The `comity_csrf` cookie, for forms shown before sign-in (double-submit).
    pub pre_csrf: Option<String>,
    /// The client's address, for slowing down password guessing (see [`client_address`]).
    pub address: String,
    /// The query string, for lists shown a page at a time (`?page=N`, with the list's
    /// filters kept in the links to the other pages).
    pub query: String,
}

/// Someone signed in, or a program with an API token.
#[derive(Clone)]
pub struct Viewer {
    pub account: Account,
    /// The session's CSRF token; `None` for API tokens (no cookies, so no CSRF).
    pub csrf: Option<String>,
    /// The session cookie's token, to end the session.
    pub session: Option<String>,
}

impl Viewer {
    pub fn principal(&self) -> Option<Principal> {
        Some(Principal::new(
            self.account.actor()?,
            self.account.roles.clone(),
        ))
    }
}

pub const SESSION_COOKIE: &str = "comity_session";
pub const CSRF_COOKIE: &str = "comity_csrf";

/// The value of cookie `name`, if the request carries it.
pub fn cookie<'a>(parts: &'a Parts, name: &str) -> Option<&'a str> {
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| {
            let (k, v) = c.trim().split_once('=')?;
            (k == name).then_some(v)
        })
}

impl FromRequestParts<Shared> for Req {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, app: &Shared) -> Result<Self, Self::Rejection> {
        Ok(Req {
            lang: negotiate(parts),
            path: parts.uri.path().to_owned(),
            viewer: viewer(parts, app).await,
            pre_csrf: cookie(parts, CSRF_COOKIE).map(str::to_owned),
            address: client_address(parts),
            query: parts.uri.query().unwrap_or_default().to_owned(),
        })
    }
}

/// The address a request came from: the connection's peer; when that peer is this machine
/// (a reverse proxy in front, as "Deploying" in the README describes), the last address in
/// its `X-Forwarded-For`. "unknown" when neither is known (requests made in-process).
pub fn client_address(parts: &Parts) -> String {
    let peer = parts
        .extensions
        .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
        .map(|c| c.0.ip());
    let forwarded = || {
        parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|a| a.trim().parse::<std::net::IpAddr>().ok())
            .next_back()
    };
    match peer {
        Some(ip) if ip.is_loopback() => forwarded().unwrap_or(ip).to_string(),
        Some(ip) => ip.to_string(),
        None => "unknown".to_owned(),
    }
}

async fn viewer(parts: &Parts, app: &Shared) -> Option<Viewer> {
    let store = app.inst.store();
    if let Some(token) = parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    {
        return match store.token_account(token.trim(), crate::now()).await {
            Ok(a) => a.map(|account| Viewer {
                account,
                csrf: None,
                session: None,
            }),
            Err(e) => {
                eprintln!("warning: looking up an API token failed: {e}");
                None
            }
        };
    }
    let token = cookie(parts, SESSION_COOKIE)?;
    match store.session(token, crate::now()).await {
        Ok(s) => s.map(|s| Viewer {
            account: s.account,
            csrf: Some(s.csrf),
            session: Some(token.to_owned()),
        }),
        Err(e) => {
            eprintln!("warning: looking up a session failed: {e}");
            None
        }
    }
}

fn query_lang(parts: &Parts) -> Option<Lang> {
    parts
        .uri
        .query()?
        .split('&')
        .find_map(|kv| kv.strip_prefix("lang="))
        .and_then(Lang::from_code)
}

pub(crate) fn negotiate(parts: &Parts) -> Lang {
    let cookie = || {
        parts
            .headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find_map(|v| {
                v.split(';')
                    .find_map(|c| c.trim().strip_prefix("lang="))
                    .and_then(Lang::from_code)
            })
    };
    let accept = || {
        parts
            .headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .and_then(Lang::from_accept_language)
    };
    query_lang(parts)
        .or_else(cookie)
        .or_else(accept)
        .unwrap_or(Lang::En)
}

/// How the site is reached, for what the security headers may promise.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Transport {
    /// Served over TLS (directly or behind a TLS proxy): cookies are `Secure` and browsers
    /// are told to come back over HTTPS only (HSTS).
    pub tls: bool,
}

/// The content security policy of every response: no script at all (the pages need none),
/// styles and images from the site (the inline `<style>` and chart colours included), forms
/// posted to the site only, never framed.
pub const CSP: &str = "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// The security headers on every response (pages, API, files), and over TLS `Secure` cookies
/// and HSTS.
pub async fn security(
    axum::extract::State(t): axum::extract::State<Transport>,
    req: Request,
    next: Next,
) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    for (name, value) in [
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "same-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
    ] {
        h.entry(name).or_insert(HeaderValue::from_static(value));
    }
    if t.tls {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
        let cookies: Vec<HeaderValue> = h.get_all(header::SET_COOKIE).iter().cloned().collect();
        if !cookies.is_empty() {
            h.remove(header::SET_COOKIE);
            for c in cookies {
                let secure = c
                    .to_str()
                    .ok()
                    .filter(|s| !s.to_ascii_lowercase().contains("; secure"))
                    .and_then(|s| HeaderValue::from_str(&format!("{s}; Secure")).ok())
                    .unwrap_or(c);
                h.append(header::SET_COOKIE, secure);
            }
        }
    }
    res
}

/// Remember a language chosen with `?lang=` (the switcher) in a cookie.
pub async fn remember_language(req: Request, next: Next) -> Response {
    let (parts, body) = req.into_parts();
    let chosen = query_lang(&parts);
    let mut res = next.run(Request::from_parts(parts, body)).await;
    if let Some(lang) = chosen
        && let Ok(v) = HeaderValue::from_str(&format!(
            "lang={}; Path=/; Max-Age=31536000; SameSite=Lax",
            lang.code()
        ))
    {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}

/// The frame around every page.
pub struct Chrome {
    pub alliance: String,
    pub nav: &'static str,
    pub path: String,
    pub head_seq: u64,
    pub head_hash: String,
    pub langs: Vec<(&'static str, &'static str)>,
    /// The signed-in person's name, and the CSRF token their forms carry.
    pub user: Option<String>,
    pub csrf: String,
}

impl Req {
    /// The signed-in person (or API program) with their roles, if any.
    pub fn principal(&self) -> Option<comity_core::Principal> {
        self.viewer.as_ref().and_then(|v| v.principal())
    }

    pub fn tr<'a>(&self, catalog: &'a Catalog) -> Tr<'a> {
        Tr {
            catalog,
            lang: self.lang,
        }
    }

    pub fn chrome(&self, state: &State, nav: &'static str) -> Chrome {
        let head = state.head();
        Chrome {
            alliance: state
                .charter
                .as_ref()
                .map(|a| a.charter.alliance.name.clone())
                .unwrap_or_else(|| "Comity".into()),
            nav,
            path: self.path.clone(),
            head_seq: head.seq,
            head_hash: head.hash.to_string(),
            langs: Lang::ALL
                .iter()
                .map(|l| (l.code(), l.native_name()))
                .collect(),
            user: self.viewer.as_ref().map(|v| v.account.display_name.clone()),
            csrf: self
                .viewer
                .as_ref()
                .and_then(|v| v.csrf.clone())
                .unwrap_or_default(),
        }
    }
}

/// Mark a personal page (a form with a CSRF token, an account) as never to be stored.
pub fn no_store(mut res: Response) -> Response {
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

pub fn render(t: &impl Template) -> Response {
    render_with(StatusCode::OK, t)
}

pub fn render_with(status: StatusCode, t: &impl Template) -> Response {
    match t.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => {
            eprintln!("error: rendering a page failed: {e}");
            (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response()
        }
    }
}

#[derive(Template)]
#[template(path = "not_found.html")]
struct ErrorPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    title: String,
    message: String,
}

/// A 404 page in the user's language.
pub fn not_found(app: &App, req: &Req, state: &State, message: String) -> Response {
    let title = req.tr(&app.catalog).t("not-found-title");
    error_page(app, req, state, StatusCode::NOT_FOUND, title, message)
}

/// A page saying why a request was not answered, in the user's language.
pub fn error_page(
    app: &App,
    req: &Req,
    state: &State,
    status: StatusCode,
    title: String,
    message: String,
) -> Response {
    let page = ErrorPage {
        tr: req.tr(&app.catalog),
        c: req.chrome(state, ""),
        title,
        message,
    };
    render_with(status, &page)
}

/// A server-side failure: logged in full, shown to the user without internals.
pub fn internal(what: &str, e: impl std::fmt::Display) -> Response {
    eprintln!("error: {what}: {e}");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal error; the server log has the details",
    )
        .into_response()
}

/// A count as the reader's language writes it (CLDR's grouping, through ICU4X).
pub fn group_digits(n: u64, lang: Lang) -> String {
    crate::i18n::numbers::integer(i64::try_from(n).unwrap_or(i64::MAX), lang)
}

/// Paragraphs of a charter text.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect()
}
