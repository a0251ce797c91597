//! Membership after founding and the networks' powers over the API: applications and
//! reviews to read; applying, referring an application, proposing a measure, giving an
//! opinion and reporting a network's division to write. Writes need an API token and go
//! through the same `authorize` and `decide` as the pages; they answer 201 with the journal
//! entries written, or a problem (400 naming the field, 401, 403, 404, 422).

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use comity_core::membership::{Application, Measure, Review};
use comity_core::{Command, Iso3};
use comity_core::{membership, network};
use serde::{Deserialize, Serialize};

use crate::kit::api::{ActDone, created, number, parse_body, run};
use crate::kit::problem::Problem;
use crate::motion::api::tabled_motion;
use crate::network::on_motion::{parse_act, parse_position};
use crate::web::{Req, Shared};

#[derive(Serialize, utoipa::ToSchema)]
pub struct ApplicationDoc {
    id: u64,
    /// ISO 3166-1 alpha-3.
    state: String,
    /// When it was recorded (RFC 3339, UTC), and its journal entry.
    time: String,
    seq: u64,
    /// The criterion it was judged by, the verdict and the eligibility report in words.
    criterion: String,
    eligible: bool,
    report: String,
    /// received, referred, admitted or refused
    status: String,
    /// The accession motion, once referred.
    motion: Option<u64>,
}

fn application_doc(a: &Application) -> ApplicationDoc {
    ApplicationDoc {
        id: a.id,
        state: a.state.to_string(),
        time: a.time.to_string(),
        seq: a.seq,
        criterion: a.criterion.clone(),
        eligible: a.eligible,
        report: a.report.clone(),
        status: a.status.code().to_owned(),
        motion: a.motion,
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct RejectedMeasure {
    motion: u64,
    /// warning, suspension or termination
    measure: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ReviewDoc {
    id: u64,
    state: String,
    /// The organ that decides it.
    organ: String,
    criterion: String,
    /// The ratings edition that opened it, and the change in words.
    edition: String,
    evidence: String,
    opened_at: String,
    opened_seq: u64,
    /// The measure proposed and its motion.
    proposed: Option<String>,
    motion: Option<u64>,
    /// The measure taken, which closes the review.
    taken: Option<String>,
    rejected: Vec<RejectedMeasure>,
}

fn review_doc(r: &Review) -> ReviewDoc {
    ReviewDoc {
        id: r.id,
        state: r.state.to_string(),
        organ: r.organ.clone(),
        criterion: r.criterion.clone(),
        edition: r.edition.clone(),
        evidence: r.evidence.clone(),
        opened_at: r.opened_at.to_string(),
        opened_seq: r.opened_seq,
        proposed: r.proposed.map(|m| m.code().to_owned()),
        motion: r.motion,
        taken: r.taken.map(|m| m.code().to_owned()),
        rejected: r
            .rejected
            .iter()
            .map(|(motion, m)| RejectedMeasure {
                motion: *motion,
                measure: m.code().to_owned(),
            })
            .collect(),
    }
}

/// The applications for membership, oldest first, a page at a time, each with its eligibility report.
#[utoipa::path(get, path = "/api/v1/applications", tag = "membership", params(crate::kit::paging::PageQuery), responses((status = 200, body = Vec<ApplicationDoc>)))]
pub async fn applications(
    State(app): State<Shared>,
    axum::extract::Query(q): axum::extract::Query<crate::kit::paging::PageQuery>,
) -> Response {
    let state = app.inst.state().await;
    crate::kit::paging::json_list(
        "/api/v1/applications",
        &q,
        state.applications.values().map(application_doc),
    )
}

/// The reviews of members that fell below the criterion, oldest first, a page at a time.
#[utoipa::path(get, path = "/api/v1/reviews", tag = "membership", params(crate::kit::paging::PageQuery), responses((status = 200, body = Vec<ReviewDoc>)))]
pub async fn reviews(
    State(app): State<Shared>,
    axum::extract::Query(q): axum::extract::Query<crate::kit::paging::PageQuery>,
) -> Response {
    let state = app.inst.state().await;
    crate::kit::paging::json_list(
        "/api/v1/reviews",
        &q,
        state.reviews.values().map(review_doc),
    )
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApplyBody {
    /// The applying state, ISO 3166-1 alpha-3 (its delegate, or the secretariat).
    state: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct MembershipDone {
    /// The application or review acted on.
    id: u64,
    /// The motion tabled, if the act tabled one.
    motion: Option<u64>,
    /// Sequence numbers of the journal entries written.
    entries: Vec<u64>,
}

/// Apply for membership: the application is recorded with its eligibility report.
#[utoipa::path(post, path = "/api/v1/applications", tag = "membership", request_body = ApplyBody, security(("token" = [])), responses((status = 201, body = MembershipDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn apply(State(app): State<Shared>, req: Req, body: Bytes) -> Response {
    let b: ApplyBody = match parse_body(&body) {
        Ok(b) => b,
        Err(p) => return p.into_response(),
    };
    let state = match Iso3::parse(b.state.trim()) {
        Ok(s) => s,
        Err(e) => {
            return Problem::bad_request("body-invalid", "state", format!("state: {e}"))
                .into_response();
        }
    };
    match run(
        &app,
        &req,
        Command::Membership(membership::Command::ApplyForMembership { state }),
    )
    .await
    {
        Ok(entries) => {
            let id = app
                .inst
                .state()
                .await
                .applications
                .values()
                .find(|a| entries.first() == Some(&a.seq))
                .map_or(0, |a| a.id);
            created(MembershipDone {
                id,
                motion: None,
                entries,
            })
        }
        Err(p) => p.into_response(),
    }
}

/// Secretariat: refer an eligible application to the vote (tables the accession motion).
#[utoipa::path(post, path = "/api/v1/applications/{id}/referral", tag = "membership", params(("id" = u64, Path, description = "Application number")), security(("token" = [])), responses((status = 201, body = MembershipDone), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn refer(State(app): State<Shared>, req: Req, Path(id): Path<String>) -> Response {
    let id = match number("application", &id) {
        Ok(n) => n,
        Err(p) => return p.into_response(),
    };
    match run(
        &app,
        &req,
        Command::Membership(membership::Command::ReferApplication { application: id }),
    )
    .await
    {
        Ok(entries) => {
            let motion = tabled_motion(&*app.inst.state().await, &entries);
            created(MembershipDone {
                id,
                motion: Some(motion),
                entries,
            })
        }
        Err(p) => p.into_response(),
    }
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MeasureBody {
    /// warning, suspension or termination
    measure: String,
}

pub fn parse_measure(s: &str) -> Option<Measure> {
    match s.trim() {
        "warning" => Some(Measure::Warning),
        "suspension" => Some(Measure::Suspension),
        "termination" => Some(Measure::Termination),
        _ => None,
    }
}

/// Secretariat: propose a measure in a review (tables the `membership_review` motion).
#[utoipa::path(post, path = "/api/v1/reviews/{id}/measures", tag = "membership", params(("id" = u64, Path, description = "Review number")), request_body = MeasureBody, security(("token" = [])), responses((status = 201, body = MembershipDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn measure(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let b: MeasureBody = match parse_body(&body) {
        Ok(b) => b,
        Err(p) => return p.into_response(),
    };
    let id = match number("review", &id) {
        Ok(n) => n,
        Err(p) => return p.into_response(),
    };
    let Some(measure) = parse_measure(&b.measure) else {
        return Problem::bad_request(
            "body-invalid",
            "measure",
            format!(
                "measure: {:?} is not warning, suspension or termination",
                b.measure
            ),
        )
        .into_response();
    };
    match run(
        &app,
        &req,
        Command::Membership(membership::Command::ProposeMeasure {
            review: id,
            measure,
        }),
    )
    .await
    {
        Ok(entries) => {
            let motion = tabled_motion(&*app.inst.state().await, &entries);
            created(MembershipDone {
                id,
                motion: Some(motion),
                entries,
            })
        }
        Err(p) => p.into_response(),
    }
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpinionBody {
    /// The organ giving it (one the charter asks: `opinion_from`), e.g. civil_society_network.
    organ: String,
    /// favourable, unfavourable or conditional
    position: String,
    text: String,
}

/// An organ's opinion on a motion, by someone whose role fills its seat.
#[utoipa::path(post, path = "/api/v1/motions/{id}/opinions", tag = "motions", params(("id" = u64, Path, description = "Motion number")), request_body = OpinionBody, security(("token" = [])), responses((status = 201, body = ActDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn opinion(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let b: OpinionBody = match parse_body(&body) {
        Ok(b) => b,
        Err(p) => return p.into_response(),
    };
    let id = match number("motion", &id) {
        Ok(n) => n,
        Err(p) => return p.into_response(),
    };
    let Some(position) = parse_position(&b.position) else {
        return Problem::bad_request(
            "body-invalid",
            "position",
            format!(
                "position: {:?} is not favourable, unfavourable or conditional",
                b.position
            ),
        )
        .into_response();
    };
    let cmd = Command::Network(network::Command::GiveOpinion {
        motion: id,
        organ: b.organ.trim().to_owned(),
        position,
        text: b.text,
    });
    match run(&app, &req, cmd).await {
        Ok(entries) => created(ActDone::new(id, entries)),
        Err(p) => p.into_response(),
    }
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NetworkVoteBody {
    /// The network, e.g. civil_society_network.
    organ: String,
    /// co_decision (before the final vote) or objection (after the adoption)
    act: String,
    yes: u32,
    no: u32,
    #[serde(default)]
    abstain: u32,
}

/// A network's division on a motion (co-decision or qualified objection), as it reports it.
#[utoipa::path(post, path = "/api/v1/motions/{id}/network-votes", tag = "motions", params(("id" = u64, Path, description = "Motion number")), request_body = NetworkVoteBody, security(("token" = [])), responses((status = 201, body = ActDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn division(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let b: NetworkVoteBody = match parse_body(&body) {
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
    let cmd = Command::Network(network::Command::NetworkVote {
        motion: id,
        organ: b.organ.trim().to_owned(),
        act,
        yes: b.yes,
        no: b.no,
        abstain: b.abstain,
    });
    match run(&app, &req, cmd).await {
        Ok(entries) => created(ActDone::new(id, entries)),
        Err(p) => p.into_response(),
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct PowerDoc {
    /// The decision kind the power concerns.
    kind: String,
    /// The power in words (English).
    text: String,
    /// Where the charter gives it, e.g. `decisions[kind = "resolution"].objection`.
    clause: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct PowersDoc {
    organ: String,
    powers: Vec<PowerDoc>,
    /// The counts from the record: opinions asked and given by position, motions tabled and
    /// their fate, objections and second readings, co-decisions.
    #[schema(value_type = Object)]
    use_of_powers: comity_core::view::PowerUse,
}

/// The powers the charter gives an organ over other organs' decisions, and its use of them.
#[utoipa::path(get, path = "/api/v1/organs/{id}/powers", tag = "charter", params(("id" = String, Path, description = "Organ id from the charter, e.g. civil_society_network")), responses((status = 200, body = PowersDoc), (status = 404, body = Problem)))]
pub async fn powers(State(app): State<Shared>, Path(id): Path<String>) -> Response {
    let state = app.inst.state().await;
    let Some(charter) = state
        .charter
        .as_ref()
        .map(|a| &a.charter)
        .filter(|c| c.organ(&id).is_some())
    else {
        return Problem::not_found(format!("the charter has no organ {id:?}")).into_response();
    };
    let tr = crate::i18n::Tr {
        catalog: &app.catalog,
        lang: crate::i18n::Lang::En,
    };
    let powers = crate::network::powers_use::powers(&tr, &state, charter, &id)
        .into_iter()
        .map(|p| PowerDoc {
            kind: p.kind,
            text: p.text,
            clause: p.clause,
        })
        .collect();
    let use_of_powers = comity_core::view::power_use(&state)
        .remove(&id)
        .unwrap_or_default();
    Json(PowersDoc {
        organ: id,
        powers,
        use_of_powers,
    })
    .into_response()
}
