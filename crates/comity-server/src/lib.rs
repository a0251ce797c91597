//! Comity over HTTP: server-rendered pages (templates compiled into the binary, autoescaped)
//! over the [`Institution`]. A handler only reads the state, calls core, and renders.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use comity_core::view;
use comity_store::Institution;

/// How often a node looks for entries other nodes appended to a shared PostgreSQL journal.
const TAIL_EVERY: Duration = Duration::from_secs(2);

pub fn router(inst: Arc<Institution>) -> Router {
    Router::new()
        .route("/", get(home))
        .route("/health", get(health))
        .fallback(not_found)
        .with_state(inst)
}

/// Serve until `shutdown` completes, tailing the journal meanwhile.
pub async fn serve(
    inst: Arc<Institution>,
    listener: tokio::net::TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let tail = {
        let inst = inst.clone();
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(TAIL_EVERY).await;
                if let Err(e) = inst.catch_up().await {
                    eprintln!("warning: cannot follow the journal: {e}");
                }
            }
        })
    };
    let result = axum::serve(listener, router(inst))
        .with_graceful_shutdown(shutdown)
        .await;
    tail.abort();
    result
}

struct MemberLine {
    iso3: String,
    name: String,
    reason: String,
    review: Vec<String>,
}

#[derive(Template)]
#[template(path = "home.html")]
struct Home {
    name: String,
    founding_text: String,
    members: usize,
    states: usize,
    population_share: String,
    head_seq: u64,
    head_hash: String,
    member_lines: Vec<MemberLine>,
}

async fn home(State(inst): State<Arc<Institution>>) -> Response {
    let state = inst.state().await;
    let s = view::summary(&state);
    let member_lines = view::member_rows(&state)
        .into_iter()
        .filter(|r| r.status == "member")
        .map(|r| MemberLine {
            iso3: r.iso3,
            name: r.name,
            reason: r.reason,
            review: r.review,
        })
        .collect();
    let share = if s.world_population == 0 {
        0.0
    } else {
        100.0 * s.member_population as f64 / s.world_population as f64
    };
    let page = Home {
        name: s.name.clone().unwrap_or_else(|| "Comity".into()),
        founding_text: state
            .charter
            .as_ref()
            .map(|a| a.charter.alliance.founding_text.trim().to_owned())
            .unwrap_or_default(),
        members: s.members,
        states: s.states,
        population_share: format!("{share:.1}"),
        head_seq: s.head_seq,
        head_hash: s.head_hash,
        member_lines,
    };
    render(&page)
}

async fn health(State(inst): State<Arc<Institution>>) -> Response {
    let head = inst.state().await.head();
    let body = format!(
        "{{\"status\":\"ok\",\"head_seq\":{},\"head_hash\":\"{}\"}}",
        head.seq, head.hash
    );
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

async fn not_found() -> Response {
    (StatusCode::NOT_FOUND, Html("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body><main><h1>Not found</h1><p><a href=\"/\">Home</a></p></main></body></html>")).into_response()
}

fn render(t: &impl Template) -> Response {
    match t.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            eprintln!("error: rendering a page failed: {e}");
            (StatusCode::INTERNAL_SERVER_ERROR, "internal error").into_response()
        }
    }
}
