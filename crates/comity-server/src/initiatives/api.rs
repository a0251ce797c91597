//! Initiatives over the API: whether a distribution of signatures passes, the initiatives
//! with their counts, and signing.

use std::collections::BTreeMap;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use comity_core::ids::Day;
use comity_core::initiatives::{Rule, SignatureForm};
use serde::{Deserialize, Serialize};

use super::sign::SignError;
use super::view::{self, CheckDoc, InitiativeDoc};
use crate::kit::api::parse_body;
use crate::kit::paging::PageQuery;
use crate::kit::problem::{Problem, refusal};
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

/// The initiatives, newest first, a page at a time: each with its status, its frozen
/// threshold, its counts per member and time left.
#[utoipa::path(get, path = "/api/v1/initiatives", tag = "initiatives", params(PageQuery), responses((status = 200, body = Vec<InitiativeDoc>)))]
pub async fn list(State(app): State<Shared>, Query(q): Query<PageQuery>) -> Response {
    let state = app.inst.state().await;
    let today = crate::today();
    let rows: Vec<InitiativeDoc> = state
        .initiatives
        .initiatives
        .values()
        .rev()
        .map(|i| view::detail(&state, i, today))
        .collect();
    crate::kit::paging::json_list("/api/v1/initiatives", &q, rows.into_iter())
}

/// One initiative: its committee, admissibility, collection period, counts per member
/// (online, paper, invalidated, valid, certified, counted, against the frozen minimum),
/// batches, invalidations, certifications, verdict and the organ's answer.
#[utoipa::path(get, path = "/api/v1/initiatives/{id}", tag = "initiatives", params(("id" = u64, Path)), responses((status = 200, body = InitiativeDoc), (status = 404, body = Problem)))]
pub async fn one(State(app): State<Shared>, Path(id): Path<u64>) -> Result<Response, Problem> {
    let state = app.inst.state().await;
    let i = state
        .initiatives
        .initiatives
        .get(&id)
        .ok_or_else(|| Problem::not_found(format!("there is no initiative {id}")).at("id"))?;
    Ok(Json(view::detail(&state, i, crate::today())).into_response())
}

/// A statement of support, as the signing form takes it.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignBody {
    name: String,
    /// ISO3 code of the member state the signatory is a citizen of.
    nationality: String,
    /// `YYYY-MM-DD`.
    birth_date: String,
    /// Where the member asks for one.
    #[serde(default)]
    id_number: String,
    /// Where the member asks for one, with the postcode.
    #[serde(default)]
    address: String,
    #[serde(default)]
    postcode: String,
}

/// What a recorded signature's signatory keeps.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ReceiptDoc {
    initiative: u64,
    batch: u64,
    /// The journal entry that records it (its count and the SHA-256 of its keyed row).
    entry: u64,
    entry_hash: String,
    state: String,
}

/// Sign an initiative while it collects, without an account. Personal data stays out of the
/// journal: the ID number and the name, birth date and postcode are kept as keyed hashes.
/// A missing field the member requires, an age under its minimum, a nationality that is not
/// a member or a second signature with the same ID number is refused (422, naming the
/// field) and counted nowhere.
#[utoipa::path(post, path = "/api/v1/initiatives/{id}/signatures", tag = "initiatives", params(("id" = u64, Path)), request_body = SignBody, responses((status = 201, body = ReceiptDoc), (status = 400, body = Problem), (status = 422, body = Problem)))]
pub async fn sign(
    State(app): State<Shared>,
    Path(id): Path<u64>,
    body: Bytes,
) -> Result<Response, Problem> {
    let b: SignBody = parse_body(&body)?;
    let form = SignatureForm {
        name: b.name,
        nationality: b.nationality.trim().to_uppercase(),
        birth_date: b.birth_date,
        id_number: b.id_number,
        address: b.address,
        postcode: b.postcode,
    };
    match super::sign::sign_one(&app, id, &form).await {
        Ok(r) => Ok((
            StatusCode::CREATED,
            Json(ReceiptDoc {
                initiative: r.initiative,
                batch: r.batch,
                entry: r.entry,
                entry_hash: r.entry_hash,
                state: r.state.to_string(),
            }),
        )
            .into_response()),
        Err(SignError::Form(e)) => Err(Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "initiatives-signature-invalid",
            "Refused",
            e.to_string(),
        )
        .at(e.field())),
        Err(SignError::Duplicate) => Err(Problem::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "initiatives-signature-duplicate",
            "Refused",
            "id_number: this member's ID number has signed this initiative already",
        )
        .at("id_number")),
        Err(SignError::Exec(e)) => Err(refusal(e, "recording a signature")),
    }
}
