//! Elections over the API: read them (with the published ballots once counted), open one
//! (secretariat), cast a secret ballot (a delegate, for their state), close and count.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use comity_core::election;
use comity_core::{Command, Iso3, Timestamp};
use comity_store::ExecError;
use serde::Deserialize;

use crate::kit::api::{ActDone, parse_body, principal};
use crate::kit::problem::{Problem, refusal};
use crate::web::{Req, Shared};

/// The elections, newest first, a page at a time: who voted (never how), and once counted the published ballots and the elected.
#[utoipa::path(get, path = "/api/v1/elections", tag = "elections", params(crate::kit::paging::PageQuery), responses((status = 200, body = Vec<serde_json::Value>)))]
pub async fn list(
    State(app): State<Shared>,
    axum::extract::Query(q): axum::extract::Query<crate::kit::paging::PageQuery>,
) -> Response {
    let state = app.inst.state().await;
    crate::kit::paging::json_list("/api/v1/elections", &q, state.elections.values().rev())
}

/// One election, with its published ballots (candidate indices → count) once counted.
#[utoipa::path(get, path = "/api/v1/elections/{id}", tag = "elections", params(("id" = u64, Path, description = "Election number")), responses((status = 200, body = Object), (status = 404, body = Problem)))]
pub async fn one(State(app): State<Shared>, Path(id): Path<u64>) -> Response {
    let state = app.inst.state().await;
    match state.elections.get(&id) {
        Some(e) => Json(e).into_response(),
        None => Problem::not_found(format!("there is no election {id}")).into_response(),
    }
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenElectionBody {
    organ: String,
    title: String,
    /// plurality, borda, irv, schulze, copeland, ranked_pairs, minimax, stv-scottish or stv-meek
    method: String,
    seats: u32,
    candidates: Vec<String>,
    /// RFC 3339, UTC.
    closes_at: String,
    /// Seed for decisions by lot.
    #[serde(default)]
    seed: u64,
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BallotBody {
    /// The state voting (the token's delegate must speak for it).
    state: String,
    /// Candidate names in order of preference.
    ranking: Vec<String>,
}

fn done(id: u64, r: Result<Vec<comity_core::journal::Entry>, ExecError>) -> Response {
    match r {
        Ok(entries) => {
            Json(ActDone::new(id, entries.iter().map(|e| e.seq).collect())).into_response()
        }
        Err(e) => refusal(e, "an election act").into_response(),
    }
}

/// Open an election (secretariat).
#[utoipa::path(post, path = "/api/v1/elections", tag = "elections", request_body = OpenElectionBody, security(("token" = [])), responses((status = 200, body = ActDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn open(State(app): State<Shared>, req: Req, body: Bytes) -> Response {
    let b: OpenElectionBody = match parse_body(&body) {
        Ok(b) => b,
        Err(p) => return p.into_response(),
    };
    let who = match principal(&req) {
        Ok(w) => w,
        Err(p) => return p.into_response(),
    };
    let Ok(closes_at) = Timestamp::parse(b.closes_at.trim()) else {
        return Problem::bad_request(
            "body-invalid",
            "closes_at",
            "closes_at: not an RFC 3339 UTC time",
        )
        .into_response();
    };
    let cmd = Command::Election(election::Command::OpenElection {
        organ: b.organ,
        title: b.title,
        method: b.method,
        seats: b.seats,
        candidates: b.candidates,
        closes_at,
        seed: b.seed,
    });
    let r = app.inst.execute_as(&who, crate::now(), &cmd).await;
    // The election this request opened: the one its entry created.
    let opened = r.as_ref().ok().and_then(|e| e.first()).map(|e| e.seq);
    let id = app
        .inst
        .state()
        .await
        .elections
        .values()
        .find(|e| Some(e.opened_seq) == opened)
        .map_or(0, |e| e.id);
    done(id, r)
}

/// Cast a secret ballot for a state; the journal records only that it voted.
#[utoipa::path(post, path = "/api/v1/elections/{id}/ballots", tag = "elections", params(("id" = u64, Path, description = "Election number")), request_body = BallotBody, security(("token" = [])), responses((status = 200, body = ActDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn ballot(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<u64>,
    body: Bytes,
) -> Response {
    let b: BallotBody = match parse_body(&body) {
        Ok(b) => b,
        Err(p) => return p.into_response(),
    };
    let who = match principal(&req) {
        Ok(w) => w,
        Err(p) => return p.into_response(),
    };
    let Ok(state) = Iso3::parse(b.state.trim()) else {
        return Problem::bad_request(
            "body-invalid",
            "state",
            "state: an ISO 3166 alpha-3 code such as DNK",
        )
        .into_response();
    };
    done(
        id,
        app.inst
            .cast_ballot(&who, crate::now(), id, state, b.ranking)
            .await,
    )
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PaperBody {
    /// The states the register shows as having voted (ISO 3166 alpha-3), one per ballot.
    states: Vec<String>,
    /// The tellers' file as text: BLT, or the JSON ballot format (`{"candidates":…,"ballots":…}`).
    file: String,
    /// The file's name, kept with its SHA-256 in the journal.
    #[serde(default)]
    name: String,
}

/// Ballots cast on paper and counted by the tellers (secretariat): they join the ballot box;
/// the journal records the states that voted and the file's SHA-256, never the ballots' link
/// to a state.
#[utoipa::path(post, path = "/api/v1/elections/{id}/paper-ballots", tag = "elections", params(("id" = u64, Path, description = "Election number")), request_body = PaperBody, security(("token" = [])), responses((status = 200, body = ActDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn paper(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<u64>,
    body: Bytes,
) -> Response {
    let b: PaperBody = match parse_body(&body) {
        Ok(b) => b,
        Err(p) => return p.into_response(),
    };
    let who = match principal(&req) {
        Ok(w) => w,
        Err(p) => return p.into_response(),
    };
    let states = match crate::election::pages::register(&b.states.join(" ")) {
        Ok(s) => s,
        Err(detail) => {
            return Problem::bad_request("body-invalid", "states", format!("states: {detail}"))
                .into_response();
        }
    };
    let Some(candidates) = app
        .inst
        .state()
        .await
        .elections
        .get(&id)
        .map(|e| e.candidates.clone())
    else {
        return Problem::not_found(format!("there is no election {id}")).into_response();
    };
    let ballots = match comity_core::election::ballots_from_file(b.file.as_bytes(), &candidates) {
        Ok(x) => x,
        Err(detail) => {
            return Problem::bad_request("body-invalid", "file", format!("file: {detail}"))
                .into_response();
        }
    };
    let source = comity_core::election::paper_source(&b.name, b.file.as_bytes());
    done(
        id,
        app.inst
            .record_paper_ballots(&who, crate::now(), id, states, ballots, source)
            .await,
    )
}

/// Close and count (secretariat): the ballot box is published with the result.
#[utoipa::path(post, path = "/api/v1/elections/{id}/close", tag = "elections", params(("id" = u64, Path, description = "Election number")), security(("token" = [])), responses((status = 200, body = ActDone), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn close(State(app): State<Shared>, req: Req, Path(id): Path<u64>) -> Response {
    let who = match principal(&req) {
        Ok(w) => w,
        Err(p) => return p.into_response(),
    };
    done(
        id,
        app.inst
            .close_election(&who.actor, Some(&who), crate::now(), id)
            .await,
    )
}
