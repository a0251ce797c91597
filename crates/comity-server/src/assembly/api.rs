//! Assemblies drawn by lot over the API: read the rules, the pool's counts and every draw
//! (panel and each volunteer's chance); volunteer (a citizen, for themself; the secretariat);
//! commit to a seed by its SHA-256 alone, so a program never reveals the seed before the
//! draw; draw by revealing it. Names and addresses are never returned, except the caller's
//! own receipt when they volunteer.

use comity_core::assembly;
use std::collections::BTreeMap;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use comity_core::assembly::{Assembly, Draw};
use comity_core::journal::Hash;
use comity_core::{Command, DomainError};
use comity_store::{Contact, ExecError, NewVolunteer};
use serde::{Deserialize, Serialize};

use crate::assembly::pages::by_lot;
use crate::assembly::view::ppt;
use crate::kit::api::{parse_body, principal};
use crate::kit::problem::{Problem, internal, refusal};
use crate::web::{Req, Shared};

#[derive(Serialize, utoipa::ToSchema)]
pub struct QuotaCount {
    feature: String,
    value: String,
    min: u32,
    max: u32,
    /// Volunteers in the pool with this value.
    pool: usize,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Chance {
    /// Volunteer number (1-based, as the journal numbers them).
    volunteer: u64,
    probability: f64,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct DrawDoc {
    draw: u64,
    /// SHA-256 of the seed, published before the draw, in hex.
    commitment: String,
    algorithm: String,
    /// The first `pool` volunteers were in the lottery.
    pool: usize,
    panel_size: usize,
    committed_seq: u64,
    /// Absent until drawn.
    drawn_seq: Option<u64>,
    seed: Option<String>,
    /// Volunteer numbers on the panel, ascending.
    panel: Vec<u64>,
    /// Panels in the distribution's support.
    panels: usize,
    min_probability: Option<f64>,
    /// k/n: every volunteer's chance in a lottery without quotas.
    fair_probability: f64,
    /// Every pooled volunteer's chance of selection (exact to 10⁻¹²).
    probabilities: Vec<Chance>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct AssemblyDoc {
    organ: String,
    name: String,
    seats: usize,
    algorithm: String,
    one_per_household: bool,
    /// Volunteers registered so far.
    volunteers: usize,
    quotas: Vec<QuotaCount>,
    /// The draw committed and not yet drawn: the pool is closed until it is.
    pending: Option<u64>,
    draws: Vec<DrawDoc>,
}

fn draw_doc(d: &Draw) -> DrawDoc {
    let r = d.result.as_ref();
    DrawDoc {
        draw: d.number,
        commitment: d.commitment.to_string(),
        algorithm: d.algorithm.clone(),
        pool: d.pool,
        panel_size: d.panel_size,
        committed_seq: d.committed_seq,
        drawn_seq: r.map(|r| r.seq),
        seed: r.map(|r| r.seed.clone()),
        panel: r.map(|r| r.panel.clone()).unwrap_or_default(),
        panels: r.map_or(0, |r| r.panels),
        min_probability: r.map(|r| ppt(r.min_probability_ppt)),
        fair_probability: if d.pool == 0 {
            0.0
        } else {
            d.panel_size as f64 / d.pool as f64
        },
        probabilities: r
            .map(|r| {
                r.probabilities_ppt
                    .iter()
                    .zip(1..)
                    .map(|(&p, volunteer)| Chance {
                        volunteer,
                        probability: ppt(p),
                    })
                    .collect()
            })
            .unwrap_or_default(),
    }
}

fn unknown(organ: &str) -> Problem {
    Problem::not_found(format!("{organ:?} is not an organ drawn by lot"))
}

/// An assembly drawn by lot: its quotas with the pool's count for each value, and every draw
/// with its commitment, seed, panel and each volunteer's chance of selection.
#[utoipa::path(get, path = "/api/v1/assemblies/{organ}", tag = "assemblies", params(("organ" = String, Path, description = "Organ id, e.g. citizens_assembly")), responses((status = 200, body = AssemblyDoc), (status = 404, body = Problem)))]
pub async fn one(State(app): State<Shared>, Path(organ): Path<String>) -> Response {
    let state = app.inst.state().await;
    let Some((o, rules)) = by_lot(&state, &organ) else {
        return unknown(&organ).into_response();
    };
    let empty = Assembly::default();
    let a = state.assemblies.get(&organ).unwrap_or(&empty);
    Json(AssemblyDoc {
        organ: o.id.clone(),
        name: o.name.clone(),
        seats: o.fixed_seats(),
        algorithm: rules.algorithm.clone(),
        one_per_household: rules.one_per_household,
        volunteers: usize::try_from(a.registered).unwrap_or(usize::MAX),
        quotas: rules
            .quotas
            .iter()
            .map(|q| QuotaCount {
                feature: q.feature.clone(),
                value: q.value.clone(),
                min: q.min,
                max: q.max,
                pool: usize::try_from(a.count(&q.feature, &q.value)).unwrap_or(usize::MAX),
            })
            .collect(),
        pending: a.pending().map(|d| d.number),
        draws: a.draws.values().map(draw_doc).collect(),
    })
    .into_response()
}

/// A person volunteering.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VolunteerBody {
    name: String,
    email: String,
    /// One value for each quota feature, e.g. `{"gender": "female", "age": "30-44", …}`.
    features: BTreeMap<String, String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Volunteered {
    /// The volunteer's number in the journal.
    number: u64,
    /// SHA-256(receipt ‖ "\n" ‖ name ‖ "\n" ‖ email), as the journal records it.
    hash: String,
    /// The salt: with the name and address (trimmed, the address in lower case) it proves
    /// the registration. Returned once, never again.
    receipt: String,
    entries: Vec<u64>,
}

/// Why an act was not done, as a problem: 403 denied, 422 refused (with the field where
/// there is one), 409 when the journal kept moving.
fn refused(e: ExecError) -> Problem {
    let field = match &e {
        ExecError::Refused(DomainError::Assembly(
            comity_core::assembly::Refusal::VolunteerInvalid { field, .. },
        )) => Some(format!("features.{field}")),
        ExecError::Refused(DomainError::Assembly(comity_core::assembly::Refusal::SeedMismatch)) => {
            Some("seed".to_owned())
        }
        _ => None,
    };
    let p = refusal(e, "an assembly act");
    match field {
        Some(f) => p.at(f),
        None => p,
    }
}

/// Volunteer: a citizen's token registers its holder, once per email address; the
/// secretariat may register anyone. Returns the number and the receipt, once.
#[utoipa::path(post, path = "/api/v1/assemblies/{organ}/volunteers", tag = "assemblies", params(("organ" = String, Path, description = "Organ id")), request_body = VolunteerBody, security(("token" = [])), responses((status = 201, body = Volunteered), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn volunteer(
    State(app): State<Shared>,
    req: Req,
    Path(organ): Path<String>,
    body: Bytes,
) -> Response {
    let b: VolunteerBody = match parse_body(&body) {
        Ok(b) => b,
        Err(p) => return p.into_response(),
    };
    let who = match principal(&req) {
        Ok(w) => w,
        Err(p) => return p.into_response(),
    };
    let contact = match Contact::new(&b.name, &b.email) {
        Ok(c) => c,
        Err(e) => {
            return Problem::bad_request("body-invalid", e.field(), e.to_string()).into_response();
        }
    };
    let person = NewVolunteer {
        contact: contact.clone(),
        features: b.features,
    };
    match app
        .inst
        .register_volunteers(&who.actor, Some(&who), crate::now(), &organ, &[person])
        .await
    {
        Ok(r) => (
            StatusCode::CREATED,
            Json(Volunteered {
                number: r.first,
                hash: contact.hash().to_string(),
                receipt: contact.salt().to_owned(),
                entries: r.entries.iter().map(|e| e.seq).collect(),
            }),
        )
            .into_response(),
        Err(e) => refused(e).into_response(),
    }
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CommitBody {
    /// SHA-256 of the seed's UTF-8 bytes, 64 hex digits. The seed itself stays with the
    /// caller until the draw.
    seed_sha256: String,
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DrawBody {
    /// The seed committed to, exactly (its SHA-256 must be the commitment).
    seed: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct DrawDone {
    draw: DrawDoc,
    /// Sequence numbers of the journal entries written.
    entries: Vec<u64>,
}

/// The draw the act's entry committed or drew.
fn draw_of_entry(
    state: &comity_core::State,
    organ: &str,
    entries: &[comity_core::journal::Entry],
) -> Option<DrawDoc> {
    let seq = entries.first()?.seq;
    state
        .assemblies
        .get(organ)?
        .draws
        .values()
        .find(|d| d.committed_seq == seq || d.result.as_ref().is_some_and(|r| r.seq == seq))
        .map(draw_doc)
}

fn draw_done(
    app_state: &comity_core::State,
    organ: &str,
    entries: &[comity_core::journal::Entry],
    status: StatusCode,
) -> Response {
    match draw_of_entry(app_state, organ, entries) {
        Some(draw) => {
            let entries = entries.iter().map(|e| e.seq).collect();
            (status, Json(DrawDone { draw, entries })).into_response()
        }
        None => internal("finding the draw an act wrote", organ).into_response(),
    }
}

/// Commit the next draw to a seed by its SHA-256 (secretariat): the pool closes.
#[utoipa::path(post, path = "/api/v1/assemblies/{organ}/commitments", tag = "assemblies", params(("organ" = String, Path, description = "Organ id")), request_body = CommitBody, security(("token" = [])), responses((status = 201, body = DrawDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn commit(
    State(app): State<Shared>,
    req: Req,
    Path(organ): Path<String>,
    body: Bytes,
) -> Response {
    let b: CommitBody = match parse_body(&body) {
        Ok(b) => b,
        Err(p) => return p.into_response(),
    };
    let Ok(commitment) = Hash::parse(b.seed_sha256.trim()) else {
        return Problem::bad_request(
            "body-invalid",
            "seed_sha256",
            "seed_sha256: 64 hexadecimal digits (the SHA-256 of the seed)",
        )
        .into_response();
    };
    let who = match principal(&req) {
        Ok(w) => w,
        Err(p) => return p.into_response(),
    };
    let cmd = Command::Assembly(assembly::Command::CommitDraw {
        organ: organ.clone(),
        commitment,
        pool: Vec::new(),
    });
    match app.inst.execute_as(&who, crate::now(), &cmd).await {
        Ok(entries) => draw_done(
            &*app.inst.state().await,
            &organ,
            &entries,
            StatusCode::CREATED,
        ),
        Err(e) => refused(e).into_response(),
    }
}

/// Draw the panel of the pending draw by revealing its seed (secretariat).
#[utoipa::path(post, path = "/api/v1/assemblies/{organ}/draws", tag = "assemblies", params(("organ" = String, Path, description = "Organ id")), request_body = DrawBody, security(("token" = [])), responses((status = 200, body = DrawDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn draw(
    State(app): State<Shared>,
    req: Req,
    Path(organ): Path<String>,
    body: Bytes,
) -> Response {
    let b: DrawBody = match parse_body(&body) {
        Ok(b) => b,
        Err(p) => return p.into_response(),
    };
    let who = match principal(&req) {
        Ok(w) => w,
        Err(p) => return p.into_response(),
    };
    // The selection runs outside the write lock; the request waits for it.
    let drawn = app
        .inst
        .draw_assembly(&who, crate::now(), &organ, &b.seed, |_| {})
        .await;
    match drawn {
        Ok(entries) => draw_done(&*app.inst.state().await, &organ, &entries, StatusCode::OK),
        Err(e) => refused(e).into_response(),
    }
}
