use axum::Json;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use crate::kit::problem::{Problem, internal};
use crate::web::Shared;

/// A journal entry exactly as exported (`comity journal export`), hash included.
#[derive(Serialize, utoipa::ToSchema)]
#[allow(dead_code)]
pub struct EntryDoc {
    seq: u64,
    /// RFC 3339, UTC.
    time: String,
    actor: String,
    kind: String,
    #[schema(value_type = Object)]
    payload: serde_json::Value,
    prev_hash: String,
    hash: String,
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct After {
    /// Entries after this sequence number (default 0: from the start).
    after: Option<String>,
    /// At most this many entries, 1–1000 (default 100).
    limit: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct EntryPage {
    #[schema(value_type = Vec<EntryDoc>)]
    items: Vec<comity_core::journal::Entry>,
    head_seq: u64,
    head_hash: String,
    /// Pass as `after` for the next page; null at the head.
    next_after: Option<u64>,
}

/// Journal entries in order, a page at a time.
#[utoipa::path(get, path = "/api/v1/journal", tag = "journal", params(After),
    responses((status = 200, body = EntryPage), (status = 400, body = Problem)))]
pub async fn list(State(app): State<Shared>, Query(q): Query<After>) -> Response {
    let after = match q.after.as_deref().map(str::parse::<u64>) {
        None => 0,
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            return Problem::bad_request(
                "invalid-parameter",
                "after",
                "after must be a sequence number",
            )
            .into_response();
        }
    };
    let limit = match q.limit.as_deref().map(str::parse::<u32>) {
        None => 100,
        Some(Ok(n)) if (1..=1000).contains(&n) => n,
        Some(_) => {
            return Problem::bad_request(
                "invalid-parameter",
                "limit",
                "limit must be a whole number from 1 to 1000",
            )
            .into_response();
        }
    };
    let head = app.inst.state().await.head();
    match app.inst.store().entries(after, limit).await {
        Ok(items) => {
            let next_after = items.last().map(|e| e.seq).filter(|s| *s < head.seq);
            Json(EntryPage {
                items,
                head_seq: head.seq,
                head_hash: head.hash.to_string(),
                next_after,
            })
            .into_response()
        }
        Err(e) => internal("reading the journal", e).into_response(),
    }
}

/// One journal entry.
#[utoipa::path(get, path = "/api/v1/journal/{seq}", tag = "journal", params(("seq" = u64, Path, description = "Sequence number, from 1")),
    responses((status = 200, body = EntryDoc), (status = 404, body = Problem)))]
pub async fn one(State(app): State<Shared>, Path(seq): Path<String>) -> Response {
    let Ok(n) = seq.parse::<u64>() else {
        return Problem::not_found(format!("{seq:?} is not a sequence number")).into_response();
    };
    match app.inst.store().entry(n).await {
        Ok(Some(e)) => Json(e).into_response(),
        Ok(None) => Problem::not_found(format!("the journal has no entry {n}")).into_response(),
        Err(e) => internal("reading an entry", e).into_response(),
    }
}
