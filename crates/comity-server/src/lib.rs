//! Comity over HTTP: server-rendered pages (templates compiled into the binary, autoescaped,
//! translated with Fluent) and the JSON API with its OpenAPI description, over an
//! [`Institution`]. A handler only reads the state, calls core, and renders: no rule lives here.

pub mod api;
mod assembly;
mod base;
mod cache;
mod caucus;
pub mod consultations;
mod election;
pub mod i18n;
pub mod initiatives;
mod kit;
mod labels;
mod membership;
mod motion;
mod network;
mod ops;
mod pledges;
mod reporting;
pub mod sanctions;
pub mod search;
mod treaty;
mod web;
pub use web::Transport;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use askama::Template;
use axum::Router;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use comity_core::Timestamp;
use comity_store::Institution;

use crate::i18n::{Catalog, Tr};
use crate::web::{App, Chrome, Req, Shared, render};

/// The shipped UN General Assembly record, compiled in once (the CLI reads the same bytes).
pub use crate::caucus::data as unga;
pub use crate::i18n::CatalogError;

/// How often a node looks for entries other nodes appended to a shared PostgreSQL journal.
const TAIL_EVERY: Duration = Duration::from_secs(2);

/// The server reads the clock (core never does): for "now" in displays such as the current chair.
/// Today's date (UTC), for what depends on the day (a treaty in force from a date).
pub(crate) fn today() -> comity_core::ids::Day {
    comity_core::ids::Day::of(now())
        .unwrap_or_else(|| comity_core::ids::Day::from_date(time::Date::MIN))
}

pub(crate) fn now() -> Timestamp {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    Timestamp::from_unix(i64::try_from(secs).unwrap_or(i64::MAX))
}

/// Every page and API route, with the state they share, served over plain HTTP.
pub fn router(inst: Arc<Institution>) -> Result<Router, CatalogError> {
    router_over(inst, web::Transport::default())
}

/// Every page and API route, with the security headers `transport` allows.
pub fn router_over(
    inst: Arc<Institution>,
    transport: web::Transport,
) -> Result<Router, CatalogError> {
    let (api_routes, openapi) = api::router().split_for_parts();
    let openapi = Arc::new(api::complete(openapi));
    let app: Shared = Arc::new(App {
        inst,
        catalog: Catalog::load()?,
        openapi: openapi.clone(),
        cache: Default::default(),
        ratings_jobs: Default::default(),
        caucus_imports: Default::default(),
        sanctions_screens: Default::default(),
        assembly_imports: Default::default(),
        assembly_draws: Default::default(),
        metrics: Default::default(),
        signer: Default::default(),
        search: Default::default(),
    });
    let observed = app.clone();
    let pages = Router::new()
        .merge(base::routes::pages())
        .merge(motion::routes::pages())
        .merge(membership::routes::pages())
        .merge(network::routes::pages())
        .merge(reporting::routes::pages())
        .merge(election::routes::pages())
        .merge(assembly::routes::pages())
        .merge(treaty::routes::pages())
        .merge(caucus::routes::pages())
        .merge(pledges::routes::pages())
        .merge(sanctions::routes::pages())
        .merge(initiatives::routes::pages())
        .merge(consultations::routes::pages())
        .merge(search::routes::pages())
        .route("/api/docs", get(api_docs))
        .route("/health", get(health))
        .route("/healthz", get(health))
        .route("/readyz", get(ready))
        .route("/metrics", get(ops::metrics))
        .merge(api_routes)
        .fallback(fallback)
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            cache::pages,
        ))
        .layer(axum::middleware::from_fn_with_state(
            app.clone(),
            kit::text::refuse_hidden,
        ))
        .with_state(app);
    let spec = Router::new()
        .route("/api/openapi.json", get(api::openapi_json))
        .with_state(openapi);
    Ok(pages
        .merge(spec)
        .layer(axum::middleware::from_fn(ops::compress))
        .layer(axum::middleware::from_fn(web::remember_language))
        .layer(axum::middleware::from_fn(kit::problem::api_errors))
        .layer(axum::middleware::from_fn_with_state(
            transport,
            web::security,
        ))
        .layer(axum::middleware::from_fn_with_state(observed, ops::observe)))
}

/// Serve until `shutdown` completes, following the journal meanwhile.
pub async fn serve(
    inst: Arc<Institution>,
    listener: tokio::net::TcpListener,
    transport: web::Transport,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = router_over(inst.clone(), transport).map_err(std::io::Error::other)?;
    // Start-up folded only what follows the snapshot: the whole chain is checked beside
    // serving, and a break stops the writes and shows on /healthz.
    let checker = inst.clone();
    let check = tokio::spawn(async move {
        let started = std::time::Instant::now();
        match checker.verify_journal().await {
            Ok(head) => eprintln!(
                "journal verified: {} entries chain to {} ({:.1} s)",
                head.seq,
                head.hash,
                started.elapsed().as_secs_f64()
            ),
            Err(e) => eprintln!(
                "error: the journal does not verify: {e}; writes are refused until it is repaired"
            ),
        }
    });
    let follower = inst.clone();
    let tail = tokio::spawn(async move {
        // Each problem is said once, not every two seconds.
        let mut said = String::new();
        loop {
            tokio::time::sleep(TAIL_EVERY).await;
            match follower.catch_up().await {
                Ok(_) => said.clear(),
                Err(e) => {
                    let now = e.to_string();
                    if now != said {
                        if e.is_integrity() {
                            eprintln!(
                                "error: the journal cannot be followed past entry {}: {now}; serving stays at that head and writes are refused until it is repaired",
                                follower.state().await.head().seq
                            );
                        } else {
                            eprintln!("warning: cannot follow the journal: {now}");
                        }
                        said = now;
                    }
                }
            }
        }
    });
    let result = connections(listener, app, shutdown).await;
    tail.abort();
    check.abort();
    // The next start folds only what follows this head.
    if let Err(e) = inst.save_snapshot(&comity_store::JsonCodec).await {
        eprintln!("warning: cannot write the projection snapshot: {e}");
    }
    result
}

/// How long a client may take to send a request's headers: a connection that opens and
/// then sends a line every so often is closed instead of held.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// How long the requests in flight may take to finish once the server is told to stop.
const DRAIN: Duration = Duration::from_secs(30);

/// Accept connections until `shutdown` completes, each served over HTTP/1.1 with
/// [`HEADER_READ_TIMEOUT`] and the peer's address as `ConnectInfo`; then stop accepting,
/// let the requests in flight finish (at most [`DRAIN`]) and return.
async fn connections(
    listener: tokio::net::TcpListener,
    app: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let (done_tx, done_rx) = tokio::sync::watch::channel(());
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, remote) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(x) => x,
                Err(e) => {
                    // Out of file descriptors and the like: wait a little, do not spin.
                    eprintln!("warning: accepting a connection: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let app = app.clone();
        let service =
            hyper::service::service_fn(move |mut req: hyper::Request<hyper::body::Incoming>| {
                req.extensions_mut()
                    .insert(axum::extract::ConnectInfo(remote));
                tower::ServiceExt::oneshot(app.clone(), req.map(axum::body::Body::new))
            });
        let mut stop = stop_rx.clone();
        let done = done_rx.clone();
        tokio::spawn(async move {
            let mut builder = hyper::server::conn::http1::Builder::new();
            builder
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(HEADER_READ_TIMEOUT);
            let conn = builder.serve_connection(hyper_util::rt::TokioIo::new(stream), service);
            let mut conn = std::pin::pin!(conn);
            loop {
                tokio::select! {
                    _ = conn.as_mut() => break,
                    changed = stop.changed() => {
                        if changed.is_ok() {
                            conn.as_mut().graceful_shutdown();
                        } else {
                            // Told already; now only the connection itself ends the loop.
                            let _ = conn.as_mut().await;
                            break;
                        }
                    }
                }
            }
            drop(done);
        });
    }
    drop(listener);
    let _ = stop_tx.send(true);
    drop(done_rx);
    if tokio::time::timeout(DRAIN, done_tx.closed()).await.is_err() {
        eprintln!("warning: requests still running after {DRAIN:?} were cut short");
    }
    Ok(())
}

/// Liveness and the journal's integrity: 200 with the head while every entry folded chains
/// onto the one before; 503 naming the fault once one was found (a forged or altered row, a
/// head that moved backwards), when the node serves the last good head and records nothing.
async fn health(State(app): State<Shared>) -> Response {
    let head = app.inst.state().await.head();
    let mut body = serde_json::json!({
        "status": "ok",
        "head_seq": head.seq,
        "head_hash": head.hash.to_string(),
    });
    let status = match app.inst.fault() {
        None => StatusCode::OK,
        Some(fault) => {
            body["status"] = "faulty".into();
            body["fault"] = fault.into();
            StatusCode::SERVICE_UNAVAILABLE
        }
    };
    json_status(status, &body)
}

/// Readiness: as `/healthz`, and the database answers (its head is read now).
async fn ready(State(app): State<Shared>) -> Response {
    let head = app.inst.state().await.head();
    let (database, stored) = match app.inst.store().head().await {
        Ok(h) => ("ok".to_owned(), Some(h.seq)),
        Err(e) => (format!("unreachable: {e}"), None),
    };
    let fault = app.inst.fault();
    let ok = fault.is_none() && stored.is_some();
    let body = serde_json::json!({
        "status": if ok { "ok" } else if fault.is_some() { "faulty" } else { "unavailable" },
        "database": database,
        "journal": fault.unwrap_or_else(|| "verified".to_owned()),
        "head_seq": head.seq,
        "stored_head_seq": stored,
    });
    let status = if ok {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    json_status(status, &body)
}

fn json_status(status: StatusCode, body: &serde_json::Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

/// Unknown addresses: a problem document under `/api/`, a translated page elsewhere.
async fn fallback(State(app): State<Shared>, req: Req, request: Request) -> Response {
    if request.uri().path().starts_with("/api/") {
        return crate::kit::problem::Problem::not_found(format!(
            "no API resource at {}",
            request.uri().path()
        ))
        .into_response();
    }
    let state = app.inst.state().await;
    web::not_found(&app, &req, &state, req.tr(&app.catalog).t("not-found-page"))
}

struct Operation {
    method: String,
    path: String,
    summary: String,
    parameters: String,
}

#[derive(Template)]
#[template(path = "base/api_docs.html")]
struct ApiDocs<'a> {
    tr: Tr<'a>,
    c: Chrome,
    operations: Vec<Operation>,
}

/// A readable page of the OpenAPI description, drawn from the same document.
async fn api_docs(State(app): State<Shared>, req: Req) -> Response {
    let state = app.inst.state().await;
    let mut operations = Vec::new();
    for (path, item) in &app.openapi.paths.paths {
        let ops = [
            ("GET", &item.get),
            ("POST", &item.post),
            ("PUT", &item.put),
            ("PATCH", &item.patch),
            ("DELETE", &item.delete),
        ];
        for (method, op) in ops {
            let Some(op) = op else { continue };
            let summary = op
                .summary
                .clone()
                .or_else(|| op.description.clone())
                .unwrap_or_default();
            let parameters = op
                .parameters
                .as_ref()
                .map(|ps| {
                    ps.iter()
                        .map(|p| p.name.clone())
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default();
            operations.push(Operation {
                method: method.to_owned(),
                path: path.clone(),
                summary,
                parameters,
            });
        }
    }
    render(&ApiDocs {
        tr: req.tr(&app.catalog),
        c: req.chrome(&state, "api"),
        operations,
    })
}
