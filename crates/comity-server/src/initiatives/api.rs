//! Whether a distribution of signatures passes, over the API.

use std::collections::BTreeMap;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use comity_core::ids::Day;
use comity_core::initiatives::Rule;
use serde::Deserialize;

use super::view::{self, CheckDoc};
use crate::kit::api::parse_body;
use crate::kit::problem::Problem;
use crate::web::Shared;

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckBody {
    /// The day the initiative was registered, `YYYY-MM-DD`: the table in force then applies.
    registered: String,
    /// Member code (as in the rule's table) → signatures.
    counts: BTreeMap<String, u64>,
    /// A threshold rule in TOML (as `initiatives/eci.toml`); the European Citizens'
    /// Initiative's when absent.
    rule: Option<String>,
}

/// Would this distribution of signatures pass, for an initiative registered on this day?
/// Each member against its minimum (a count equal to the minimum meets it), the total, and
/// how many members must meet theirs.
#[utoipa::path(post, path = "/api/v1/initiatives/check", tag = "initiatives", request_body = CheckBody, responses((status = 200, body = CheckDoc), (status = 400, body = Problem)))]
pub async fn check(State(_app): State<Shared>, body: Bytes) -> Result<Response, Problem> {
    let b: CheckBody = parse_body(&body)?;
    let bad = |field: &str, detail: String| {
        Problem::bad_request("body-invalid", field, format!("{field}: {detail}"))
    };
    let rule = match b.rule {
        Some(text) => Rule::parse("rule", &text).map_err(|e| bad("rule", e.to_string()))?,
        None => view::shipped().map_err(|e| bad("rule", e))?,
    };
    let day = Day::parse(b.registered.trim()).map_err(|e| bad("registered", e.to_string()))?;
    let doc = view::check(&rule, day, &b.counts).map_err(|e| bad("registered", e))?;
    Ok(Json(doc).into_response())
}
