//! Motions over the API: read them, table them, and act on them with an API token.
//!
//! Writes need `Authorization: Bearer TOKEN` (a token from the account page or
//! `comity user token`); the same `authorize` and `decide` as the pages apply. A body that
//! does not parse is a 400 problem naming the field.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use comity_core::motion;
use comity_core::motion::{Motion, Seat};
use comity_core::{Command, Iso3, Timestamp};
use serde::{Deserialize, Serialize};

use crate::kit::api::{ActDone, parse_body, run};
use crate::kit::problem::Problem;
use crate::web::{Req, Shared};

#[derive(Serialize, utoipa::ToSchema)]
pub struct MotionSummary {
    id: u64,
    organ: String,
    decision: String,
    title: String,
    /// tabled, under_debate, voting, adopted, rejected or withdrawn
    status: String,
    /// A state's ISO code or an organ id.
    sponsor: String,
}

fn summary(m: &Motion) -> MotionSummary {
    MotionSummary {
        id: m.id,
        organ: m.organ.clone(),
        decision: m.decision.clone(),
        title: m.title.clone(),
        status: m.status.code().to_owned(),
        sponsor: m.sponsor.to_string(),
    }
}

/// The motions, newest first, a page at a time (`Link` gives the next page,
/// `X-Total-Count` the number of motions).
#[utoipa::path(get, path = "/api/v1/motions", tag = "motions", params(crate::kit::paging::PageQuery), responses((status = 200, body = Vec<MotionSummary>)))]
pub async fn list(
    State(app): State<Shared>,
    axum::extract::Query(q): axum::extract::Query<crate::kit::paging::PageQuery>,
) -> Response {
    let state = app.inst.state().await;
    crate::kit::paging::json_list(
        "/api/v1/motions",
        &q,
        state.motions.values().rev().map(summary),
    )
}

/// One motion: text, sponsors, amendments, the open roll call and every closed vote with
/// its tally (each test's numbers) and the roll of states.
#[utoipa::path(get, path = "/api/v1/motions/{id}", tag = "motions", params(("id" = u64, Path, description = "Motion number")), responses((status = 200, body = Object), (status = 404, body = Problem)))]
pub async fn one(State(app): State<Shared>, Path(id): Path<u64>) -> Response {
    let state = app.inst.state().await;
    match state.motions.get(&id) {
        Some(m) => {
            let mut doc = serde_json::to_value(m).unwrap_or_default();
            if let Some(o) = doc.as_object_mut() {
                let explained: Vec<String> = m.votes.iter().map(|v| v.tally.to_string()).collect();
                o.insert("explanations".into(), explained.into());
                if let Some(ch) = state.charter.as_ref().map(|c| &c.charter) {
                    let pending: Vec<serde_json::Value> =
                        comity_core::pending_opinions(ch, m, crate::now())
                            .into_iter()
                            .map(|(organ, until)| {
                                serde_json::json!({ "organ": organ, "until": until.to_string() })
                            })
                            .collect();
                    o.insert("pending_opinions".into(), pending.into());
                    let co: Vec<String> = comity_core::pending_co_decisions(ch, m);
                    o.insert("pending_co_decisions".into(), co.into());
                }
            }
            Json(doc).into_response()
        }
        None => Problem::not_found(format!("there is no motion {id}")).into_response(),
    }
}

/// A new motion.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TableBody {
    /// A decision kind of the charter; its organ is where the motion is tabled.
    decision: String,
    title: String,
    text: String,
    /// On whose behalf: a state's ISO code (`DNK`) or an organ id (`civil_society_network`).
    sponsor: String,
}

/// An act on a motion.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(tag = "act", rename_all = "snake_case", deny_unknown_fields)]
pub enum ActBody {
    /// Table an amendment; `text` is the motion's text as amended.
    Amend {
        title: String,
        text: String,
        #[serde(default)]
        group: Option<String>,
        sponsor: String,
    },
    Cosponsor {
        sponsor: String,
    },
    Withdraw,
    WithdrawAmendment {
        amendment: u32,
    },
    /// Secretariat: open the debate.
    Debate,
    /// Secretariat: put the next item to the vote until `closes_at` (RFC 3339, UTC).
    OpenVote {
        closes_at: String,
        #[serde(default)]
        order: Option<Vec<u32>>,
    },
    /// A delegate's vote for their state: `yes`, `no` or `abstain`.
    Vote {
        state: String,
        vote: String,
    },
    /// Secretariat: close the vote; `casting_vote` is the chair's, where the charter has one.
    CloseVote {
        #[serde(default)]
        casting_vote: Option<bool>,
    },
}

fn iso(field: &str, s: &str) -> Result<Iso3, Problem> {
    Iso3::parse(s.trim())
        .map_err(|e| Problem::bad_request("body-invalid", field, format!("{field}: {e}")))
}

/// Table a motion (API token of someone the charter lets table it).
#[utoipa::path(post, path = "/api/v1/motions", tag = "motions", request_body = TableBody, security(("token" = [])), responses((status = 201, body = ActDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn table(State(app): State<Shared>, req: Req, body: Bytes) -> Response {
    let b: TableBody = match parse_body(&body) {
        Ok(b) => b,
        Err(p) => return p.into_response(),
    };
    let cmd = Command::Motion(motion::Command::TableMotion {
        decision: b.decision,
        title: b.title,
        text: b.text,
        sponsor: Seat::parse(&b.sponsor),
    });
    match run(&app, &req, cmd).await {
        Ok(entries) => {
            let motion = tabled_motion(&*app.inst.state().await, &entries);
            (StatusCode::CREATED, Json(ActDone::new(motion, entries))).into_response()
        }
        Err(p) => p.into_response(),
    }
}

/// Act on a motion: amend, co-sponsor, withdraw, open the debate, open a vote, vote, close the vote.
#[utoipa::path(post, path = "/api/v1/motions/{id}/acts", tag = "motions", params(("id" = u64, Path, description = "Motion number")), request_body = ActBody, security(("token" = [])), responses((status = 200, body = ActDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn act(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<u64>,
    body: Bytes,
) -> Response {
    let b: ActBody = match parse_body(&body) {
        Ok(b) => b,
        Err(p) => return p.into_response(),
    };
    let cmd = match b {
        ActBody::Amend {
            title,
            text,
            group,
            sponsor,
        } => Command::Motion(motion::Command::TableAmendment {
            motion: id,
            title,
            text,
            group,
            sponsor: Seat::parse(&sponsor),
        }),
        ActBody::Cosponsor { sponsor } => Command::Motion(motion::Command::Cosponsor {
            motion: id,
            seat: Seat::parse(&sponsor),
        }),
        ActBody::Withdraw => Command::Motion(motion::Command::WithdrawMotion { motion: id }),
        ActBody::WithdrawAmendment { amendment } => {
            Command::Motion(motion::Command::WithdrawAmendment {
                motion: id,
                amendment,
            })
        }
        ActBody::Debate => Command::Motion(motion::Command::OpenDebate { motion: id }),
        ActBody::OpenVote { closes_at, order } => match Timestamp::parse(closes_at.trim()) {
            Ok(closes_at) => Command::Motion(motion::Command::OpenVote {
                motion: id,
                closes_at,
                order,
            }),
            Err(e) => {
                return Problem::bad_request(
                    "body-invalid",
                    "closes_at",
                    format!("closes_at: {e}"),
                )
                .into_response();
            }
        },
        ActBody::Vote { state, vote } => {
            let state = match iso("state", &state) {
                Ok(s) => s,
                Err(p) => return p.into_response(),
            };
            let Some(vote) = comity_core::motion::parse_vote(&vote) else {
                return Problem::bad_request(
                    "body-invalid",
                    "vote",
                    format!("vote: {vote:?} is not yes, no or abstain"),
                )
                .into_response();
            };
            Command::Motion(motion::Command::CastVote {
                motion: id,
                state,
                vote,
            })
        }
        ActBody::CloseVote { casting_vote } => Command::Motion(motion::Command::CloseVote {
            motion: id,
            casting_vote,
        }),
    };
    match run(&app, &req, cmd).await {
        Ok(entries) => Json(ActDone::new(id, entries)).into_response(),
        Err(p) => p.into_response(),
    }
}

/// The motion a `motion_tabled` entry (by sequence number) created.
pub fn tabled_motion(state: &comity_core::State, seqs: &[u64]) -> u64 {
    seqs.first()
        .and_then(|seq| motion::tabled_at_entry(state, *seq))
        .unwrap_or(0)
}
