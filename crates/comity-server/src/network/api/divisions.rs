//! A network's roll call on the platform over the API: its officers (or the secretariat)
//! open it on a motion, each accredited member votes with its own token (role
//! `accredited:N`), and the close records the division whose counts are the votes cast.
//! The roll is public: `GET /api/v1/motions/{id}` shows the open roll calls
//! (`network_divisions`) and, once closed, each member's vote (`network_votes[].roll`).

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use comity_core::network;
use comity_core::{Command, Timestamp};
use serde::Deserialize;

use crate::kit::api::{ActDone, parse_body, run};
use crate::kit::api::{created, number};
use crate::kit::problem::Problem;
use crate::network::on_motion::parse_act;
use crate::web::{Req, Shared};

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenDivisionBody {
    /// The network, e.g. civil_society_network.
    organ: String,
    /// co_decision (before the final vote) or objection (after the adoption)
    act: String,
    /// When the roll call closes (RFC 3339, UTC).
    closes_at: String,
}

/// Open a roll call of a network's accredited members on a motion.
#[utoipa::path(post, path = "/api/v1/motions/{id}/network-divisions", tag = "motions", params(("id" = u64, Path, description = "Motion number")), request_body = OpenDivisionBody, security(("token" = [])), responses((status = 201, body = ActDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn open(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let b: OpenDivisionBody = match parse_body(&body) {
        Ok(b) => b,
        Err(p) => return p.into_response(),
    };
    let id = match number("motion", &id) {
        Ok(n) => n,
        Err(p) => return p.into_response(),
    };
    let Some(act) = parse_act(&b.act) else {
        return Problem::bad_request(
            "body-invalid",
            "act",
            format!("act: {:?} is not co_decision or objection", b.act),
        )
        .into_response();
    };
    let Ok(closes_at) = Timestamp::parse(b.closes_at.trim()) else {
        return Problem::bad_request(
            "body-invalid",
            "closes_at",
            format!(
                "closes_at: {:?} is not an RFC 3339 time such as 2026-12-31T12:00:00Z",
                b.closes_at
            ),
        )
        .into_response();
    };
    let cmd = Command::Network(network::Command::OpenNetworkDivision {
        motion: id,
        organ: b.organ.trim().to_owned(),
        act,
        closes_at,
    });
    match run(&app, &req, cmd).await {
        Ok(entries) => created(ActDone::new(id, entries)),
        Err(p) => p.into_response(),
    }
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MemberVoteBody {
    /// The member's accreditation number (the token's role must be `accredited:N`).
    member: u64,
    /// yes, no or abstain; a later vote replaces it until the close.
    vote: String,
}

/// An accredited member's vote in a network's open roll call.
#[utoipa::path(post, path = "/api/v1/motions/{id}/network-divisions/{organ}/votes", tag = "motions", params(("id" = u64, Path, description = "Motion number"), ("organ" = String, Path, description = "The network, e.g. civil_society_network")), request_body = MemberVoteBody, security(("token" = [])), responses((status = 201, body = ActDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn vote(
    State(app): State<Shared>,
    req: Req,
    Path((id, organ)): Path<(String, String)>,
    body: Bytes,
) -> Response {
    let b: MemberVoteBody = match parse_body(&body) {
        Ok(b) => b,
        Err(p) => return p.into_response(),
    };
    let id = match number("motion", &id) {
        Ok(n) => n,
        Err(p) => return p.into_response(),
    };
    let Some(vote) = comity_core::motion::parse_vote(&b.vote) else {
        return Problem::bad_request(
            "body-invalid",
            "vote",
            format!("vote: {:?} is not yes, no or abstain", b.vote),
        )
        .into_response();
    };
    let cmd = Command::Network(network::Command::CastNetworkVote {
        motion: id,
        organ,
        member: b.member,
        vote,
    });
    match run(&app, &req, cmd).await {
        Ok(entries) => created(ActDone::new(id, entries)),
        Err(p) => p.into_response(),
    }
}

/// Close a network's roll call: after its time, or once every member has voted.
#[utoipa::path(post, path = "/api/v1/motions/{id}/network-divisions/{organ}/close", tag = "motions", params(("id" = u64, Path, description = "Motion number"), ("organ" = String, Path, description = "The network, e.g. civil_society_network")), security(("token" = [])), responses((status = 201, body = ActDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn close(
    State(app): State<Shared>,
    req: Req,
    Path((id, organ)): Path<(String, String)>,
) -> Response {
    let id = match number("motion", &id) {
        Ok(n) => n,
        Err(p) => return p.into_response(),
    };
    let cmd = Command::Network(network::Command::CloseNetworkDivision { motion: id, organ });
    match run(&app, &req, cmd).await {
        Ok(entries) => created(ActDone::new(id, entries)),
        Err(p) => p.into_response(),
    }
}
