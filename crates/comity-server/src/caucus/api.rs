//! The UN caucus over the API: the agreement matrix and the cohesion per session, with the
//! CLI's JSON shapes (`comity caucus agreement|cohesion --format json`).

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::data::shipped;
use super::view::{CaucusQuery, cohesion_of, matrix};
use crate::kit::problem::{Problem, internal};
use crate::web::Shared;

/// Two states' agreement: roll calls both voted alike over roll calls both voted in.
#[derive(Serialize, utoipa::ToSchema)]
pub struct PairDoc {
    /// Six decimals; null when the two never both voted.
    agreement: Option<f64>,
    /// Roll calls both voted in (yes, no or abstain).
    roll_calls: u32,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct AgreementDoc {
    /// State → state → agreement, for every ordered pair (each state with itself included).
    matrix: BTreeMap<String, BTreeMap<String, PairDoc>>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CohesionDoc {
    /// Session → the group's mean Hix–Noury–Roland cohesion over its roll calls there.
    by_session: BTreeMap<String, f64>,
}

fn six(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

fn bad(field: &str, detail: String) -> Response {
    Problem::bad_request("query-invalid", field, format!("{field}: {detail}")).into_response()
}

/// The agreement of every ordered pair of states over the roll calls asked for: only yes,
/// no and abstain are votes; agreement = roll calls both voted alike / roll calls both voted in.
#[utoipa::path(get, path = "/api/v1/caucus/agreement", tag = "caucus", params(CaucusQuery), responses((status = 200, body = AgreementDoc), (status = 400, body = Problem)))]
pub async fn agreement(State(app): State<Shared>, Query(q): Query<CaucusQuery>) -> Response {
    let record = match shipped() {
        Ok(r) => r,
        Err(e) => return internal("reading the UN record", e).into_response(),
    };
    let state = app.inst.state().await;
    let (filter, states) = match (q.filter(), q.states(record, &state)) {
        (Ok(f), Ok(s)) => (f, s),
        (Err((field, d)), _) | (_, Err((field, d))) => return bad(field, d),
    };
    let m = matrix(record, &filter, &states);
    let code = |i: usize| record.votes.states[states[i]].clone();
    let matrix = (0..states.len())
        .map(|i| {
            let row = (0..states.len())
                .map(|j| {
                    let a = m.get(i, j);
                    let doc = PairDoc {
                        agreement: a.value().map(six),
                        roll_calls: a.roll_calls,
                    };
                    (code(j), doc)
                })
                .collect();
            (code(i), row)
        })
        .collect();
    Json(AgreementDoc { matrix }).into_response()
}

/// The cohesion of a group of states per session (Hix, Noury & Roland 2005): per roll call
/// (max(Y,N,A) − ½·(Y+N+A − max)) / (Y+N+A) over the members who voted; a session's figure is
/// the mean over its roll calls in which at least one member voted.
#[utoipa::path(get, path = "/api/v1/caucus/cohesion", tag = "caucus", params(CaucusQuery), responses((status = 200, body = CohesionDoc), (status = 400, body = Problem)))]
pub async fn cohesion(State(app): State<Shared>, Query(q): Query<CaucusQuery>) -> Response {
    let record = match shipped() {
        Ok(r) => r,
        Err(e) => return internal("reading the UN record", e).into_response(),
    };
    let state = app.inst.state().await;
    let (filter, group) = match (q.filter(), q.states(record, &state)) {
        (Ok(f), Ok(s)) => (f, s),
        (Err((field, d)), _) | (_, Err((field, d))) => return bad(field, d),
    };
    let by_session = cohesion_of(record, &filter, &group)
        .into_iter()
        .map(|(s, c)| (s.to_string(), six(c)))
        .collect();
    Json(CohesionDoc { by_session }).into_response()
}
