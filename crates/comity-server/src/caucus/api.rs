//! The UN caucus over the API: the agreement matrix and the cohesion per session, with the
//! CLI's JSON shapes (`comity caucus agreement|cohesion --format json`).

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use comity_caucus::Filter;

use super::data::{Record, current};
use super::view::{CaucusQuery, cohesion_of, drift_of, matrix};
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

/// What both endpoints start from: the record, the roll calls counted and the states, and
/// whether CSV was asked for; or the problem to answer.
async fn counted(
    app: &Shared,
    q: &CaucusQuery,
) -> Result<(std::sync::Arc<Record>, Filter, Vec<usize>, bool), Response> {
    let record = current(&app.inst)
        .await
        .map_err(|e| internal("reading the UN record", e).into_response())?;
    let csv = match q.format.as_deref().map(str::trim) {
        None | Some("" | "json") => false,
        Some("csv") => true,
        Some(other) => return Err(bad("format", format!("{other:?} is not json or csv"))),
    };
    let state = app.inst.state().await;
    match (q.filter(), q.states(&record, &state)) {
        (Ok(f), Ok(s)) => Ok((record, f, s, csv)),
        (Err((field, d)), _) | (_, Err((field, d))) => Err(bad(field, d)),
    }
}

/// The agreement of every ordered pair of states over the roll calls asked for: only yes,
/// no and abstain are votes; agreement = roll calls both voted alike / roll calls both voted
/// in. `format=csv` gives `state,other,agreement,roll_calls`.
#[utoipa::path(get, path = "/api/v1/caucus/agreement", tag = "caucus", params(CaucusQuery), responses((status = 200, body = AgreementDoc), (status = 400, body = Problem)))]
pub async fn agreement(State(app): State<Shared>, Query(q): Query<CaucusQuery>) -> Response {
    let (record, filter, states, as_csv) = match counted(&app, &q).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let m = matrix(&record, &filter, &states);
    let code = |i: usize| record.votes.states[states[i]].clone();
    if as_csv {
        let mut out = String::from("state,other,agreement,roll_calls\n");
        for i in 0..states.len() {
            for j in 0..states.len() {
                let a = m.get(i, j);
                let v = a
                    .value()
                    .map(|v| format!("{:.6}", six(v)))
                    .unwrap_or_default();
                out.push_str(&format!("{},{},{v},{}\n", code(i), code(j), a.roll_calls));
            }
        }
        return crate::kit::api::csv(out);
    }
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
/// the mean over its roll calls in which at least one member voted. `format=csv` gives
/// `session,cohesion`.
#[utoipa::path(get, path = "/api/v1/caucus/cohesion", tag = "caucus", params(CaucusQuery), responses((status = 200, body = CohesionDoc), (status = 400, body = Problem)))]
pub async fn cohesion(State(app): State<Shared>, Query(q): Query<CaucusQuery>) -> Response {
    let (record, filter, group, as_csv) = match counted(&app, &q).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let by = cohesion_of(&record, &filter, &group);
    if as_csv {
        let mut out = String::from("session,cohesion\n");
        for (s, c) in &by {
            out.push_str(&format!("{s},{:.6}\n", six(*c)));
        }
        return crate::kit::api::csv(out);
    }
    let by_session = by
        .into_iter()
        .map(|(s, c)| (s.to_string(), six(c)))
        .collect();
    Json(CohesionDoc { by_session }).into_response()
}

/// One state's agreement with the group's majority.
#[derive(Serialize, utoipa::ToSchema)]
pub struct DriftDoc {
    /// Session → agreement with the majority (six decimals).
    by_session: BTreeMap<String, f64>,
    /// Agreement over the last ten sessions counted.
    recent: Option<f64>,
    /// The trend of the per-session agreement over those sessions, per session (negative:
    /// drifting away).
    slope: Option<f64>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct DriftsDoc {
    by_state: BTreeMap<String, DriftDoc>,
}

/// Each state's agreement with the majority of the states counted (by default the
/// alliance's members), per session, and its trend over the last ten sessions: in each roll
/// call the majority is the vote most of them cast (a tie has none and is not counted).
/// `format=csv` gives `state,session,agreement,roll_calls`.
#[utoipa::path(get, path = "/api/v1/caucus/drift", tag = "caucus", params(CaucusQuery), responses((status = 200, body = DriftsDoc), (status = 400, body = Problem)))]
pub async fn drift(State(app): State<Shared>, Query(q): Query<CaucusQuery>) -> Response {
    let (record, filter, group, as_csv) = match counted(&app, &q).await {
        Ok(x) => x,
        Err(r) => return r,
    };
    let drifts = drift_of(&record, &filter, &group);
    if as_csv {
        let mut out = String::from("state,session,agreement,roll_calls\n");
        for d in &drifts {
            for (s, a) in &d.by_session {
                let v = a
                    .value()
                    .map(|v| format!("{:.6}", six(v)))
                    .unwrap_or_default();
                out.push_str(&format!("{},{s},{v},{}\n", d.code, a.roll_calls));
            }
        }
        return crate::kit::api::csv(out);
    }
    let by_state = drifts
        .into_iter()
        .map(|d| {
            let doc = DriftDoc {
                by_session: d
                    .series()
                    .into_iter()
                    .map(|(s, v)| (s.to_string(), six(v)))
                    .collect(),
                recent: d.recent.map(six),
                slope: d.slope.map(six),
            };
            (d.code, doc)
        })
        .collect();
    Json(DriftsDoc { by_state }).into_response()
}
