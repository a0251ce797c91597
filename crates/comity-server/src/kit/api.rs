//! The API handler's preamble, written once: the token's principal (401 without one), a JSON
//! body parsed with the failing field named (400), running the command through the same
//! `authorize` and `decide` as the pages (the refusal mapped once in `problem`), and the
//! answers the write endpoints share.

use axum::Json;
use axum::body::Bytes;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use comity_core::Command;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::kit::problem::{Problem, refusal};
use crate::web::{Req, Shared};

/// What a write on a motion or election answers: the item acted on and the entries written.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ActDone {
    /// The motion or election acted on.
    motion: u64,
    /// Sequence numbers of the journal entries written.
    entries: Vec<u64>,
}

impl ActDone {
    pub fn new(motion: u64, entries: Vec<u64>) -> Self {
        Self { motion, entries }
    }
}

/// The token's principal, or a 401 problem. Browser sessions do not write through the API.
pub fn principal(req: &Req) -> Result<comity_core::Principal, Problem> {
    match &req.viewer {
        Some(v) if v.csrf.is_none() => v
            .principal()
            .ok_or_else(|| unauthorized("the account's name cannot act in the journal")),
        Some(_) => Err(unauthorized(
            "the API writes with an API token (Authorization: Bearer TOKEN), not a browser session",
        )),
        None => Err(unauthorized(
            "send an API token: Authorization: Bearer TOKEN (create one on /account or with `comity user token`)",
        )),
    }
}

pub fn unauthorized(detail: &str) -> Problem {
    Problem::new(
        StatusCode::UNAUTHORIZED,
        "token-required",
        "Unauthorized",
        detail,
    )
}

/// Parse a JSON body; a problem naming the field if it does not parse.
pub fn parse_body<T: DeserializeOwned>(body: &Bytes) -> Result<T, Problem> {
    let de = &mut serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let field = if path == "." || path.is_empty() {
            // A missing field is reported at the parent: take its name from the message.
            let msg = inner.to_string();
            msg.split('`').nth(1).unwrap_or("body").to_owned()
        } else {
            path
        };
        Problem::bad_request("body-invalid", &field, format!("{field}: {inner}"))
    })
}

/// Run the command for the token's principal: the journal entries' numbers, or a problem.
pub async fn run(app: &Shared, req: &Req, cmd: Command) -> Result<Vec<u64>, Problem> {
    let who = principal(req)?;
    match app.inst.execute_as(&who, crate::now(), &cmd).await {
        Ok(entries) => Ok(entries.iter().map(|e| e.seq).collect()),
        Err(e) => Err(refusal(e, "executing an API command")),
    }
}

/// A CSV download.
pub fn csv(body: String) -> Response {
    (
        [(axum::http::header::CONTENT_TYPE, "text/csv; charset=utf-8")],
        body,
    )
        .into_response()
}

/// 201 Created with the body.
pub fn created(body: impl Serialize) -> Response {
    (StatusCode::CREATED, Json(body)).into_response()
}

/// A resource's number from its path, or a 404 naming the kind.
pub fn number(kind: &str, id: &str) -> Result<u64, Problem> {
    id.trim()
        .parse()
        .map_err(|_| Problem::not_found(format!("there is no {kind} {id:?}")))
}
