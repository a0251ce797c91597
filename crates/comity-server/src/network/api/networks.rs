//! Accreditation to the networks, organs' reports and the members' democracy officers over
//! the API. Reads are public; writes need an API token and go through the same `authorize`
//! and `decide` as every act, answering 201 with the journal entries written or a problem.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use comity_core::network::{Accreditation, AccreditationKind};
use comity_core::reporting::Report;
use comity_core::{Command, Iso3};
use comity_core::{membership, network, reporting};
use serde::{Deserialize, Serialize};

use crate::kit::api::{parse_body, run};
use crate::kit::problem::Problem;
use crate::web::{Req, Shared};

#[derive(Serialize, utoipa::ToSchema)]
pub struct AccreditationDoc {
    id: u64,
    /// The network it asks to sit in.
    organ: String,
    name: String,
    /// ISO 3166-1 alpha-3: any country, member or not.
    country: String,
    /// parliamentarian, opposition_leader or civil_society_organisation
    kind: String,
    description: String,
    time: String,
    seq: u64,
    /// requested, accredited or refused
    status: String,
    /// The deciding organ's division: organ, yes, no, abstain.
    decided: Option<(String, u32, u32, u32)>,
}

fn accreditation_doc(a: &Accreditation) -> AccreditationDoc {
    AccreditationDoc {
        id: a.id,
        organ: a.organ.clone(),
        name: a.name.clone(),
        country: a.country.to_string(),
        kind: a.kind.code().to_owned(),
        description: a.description.clone(),
        time: a.time.to_string(),
        seq: a.seq,
        status: match a.status {
            comity_core::network::AccreditationStatus::Requested => "requested",
            comity_core::network::AccreditationStatus::Accredited => "accredited",
            comity_core::network::AccreditationStatus::Refused => "refused",
        }
        .to_owned(),
        decided: a.decided.clone(),
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ReportDoc {
    id: u64,
    organ: String,
    /// The organ it reports to.
    to: String,
    title: String,
    period: String,
    text: String,
    time: String,
    seq: u64,
}

fn report_doc(r: &Report) -> ReportDoc {
    ReportDoc {
        id: r.id,
        organ: r.organ.clone(),
        to: r.to.clone(),
        title: r.title.clone(),
        period: r.period.clone(),
        text: r.text.clone(),
        time: r.time.to_string(),
        seq: r.seq,
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct NetworkActDone {
    /// Sequence numbers of the journal entries written.
    entries: Vec<u64>,
}

fn created(entries: Vec<u64>) -> Response {
    (StatusCode::CREATED, Json(NetworkActDone { entries })).into_response()
}

fn iso(field: &str, v: &str) -> Result<Iso3, Problem> {
    Iso3::parse(&v.trim().to_ascii_uppercase())
        .map_err(|e| Problem::bad_request("body-invalid", field, format!("{field}: {e}")))
}

/// The requests to sit in a network, oldest first, a page at a time, each with the decision on it.
#[utoipa::path(get, path = "/api/v1/accreditations", tag = "membership", params(crate::kit::paging::PageQuery), responses((status = 200, body = Vec<AccreditationDoc>)))]
pub async fn accreditations(
    State(app): State<Shared>,
    axum::extract::Query(q): axum::extract::Query<crate::kit::paging::PageQuery>,
) -> Response {
    let state = app.inst.state().await;
    crate::kit::paging::json_list(
        "/api/v1/accreditations",
        &q,
        state.accreditations.values().map(accreditation_doc),
    )
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AccreditationBody {
    /// The network (e.g. civil_society_network).
    organ: String,
    name: String,
    /// ISO 3166-1 alpha-3.
    country: String,
    /// parliamentarian, opposition_leader or civil_society_organisation
    kind: String,
    description: String,
}

/// Ask that a parliamentarian, opposition leader or organisation sit in a network
/// (secretariat, or a member of that network).
#[utoipa::path(post, path = "/api/v1/accreditations", tag = "membership", request_body = AccreditationBody, security(("token" = [])), responses((status = 201, body = NetworkActDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn request_accreditation(State(app): State<Shared>, req: Req, body: Bytes) -> Response {
    let b: AccreditationBody = match parse_body(&body) {
        Ok(b) => b,
        Err(p) => return p.into_response(),
    };
    let country = match iso("country", &b.country) {
        Ok(c) => c,
        Err(p) => return p.into_response(),
    };
    let kind = match b.kind.trim() {
        "parliamentarian" => AccreditationKind::Parliamentarian,
        "opposition_leader" => AccreditationKind::OppositionLeader,
        "civil_society_organisation" => AccreditationKind::CivilSocietyOrganisation,
        other => {
            return Problem::bad_request(
                "body-invalid",
                "kind",
                format!("kind: {other:?} is not parliamentarian, opposition_leader or civil_society_organisation"),
            )
            .into_response();
        }
    };
    let cmd = Command::Network(network::Command::RequestAccreditation {
        organ: b.organ,
        name: b.name,
        country,
        kind,
        description: b.description,
    });
    match run(&app, &req, cmd).await {
        Ok(entries) => created(entries),
        Err(p) => p.into_response(),
    }
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AccreditationDivisionBody {
    yes: u32,
    no: u32,
    abstain: u32,
}

/// The deciding organ's division on a request (those who hold that organ's seats).
#[utoipa::path(post, path = "/api/v1/accreditations/{id}/decision", tag = "membership", params(("id" = u64, Path, description = "Request number")), request_body = AccreditationDivisionBody, security(("token" = [])), responses((status = 201, body = NetworkActDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn decide_accreditation(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let b: AccreditationDivisionBody = match parse_body(&body) {
        Ok(b) => b,
        Err(p) => return p.into_response(),
    };
    let Ok(id) = id.trim().parse::<u64>() else {
        return Problem::not_found(format!("there is no accreditation request {id:?}"))
            .into_response();
    };
    let cmd = Command::Network(network::Command::DecideAccreditation {
        accreditation: id,
        yes: b.yes,
        no: b.no,
        abstain: b.abstain,
    });
    match run(&app, &req, cmd).await {
        Ok(entries) => created(entries),
        Err(p) => p.into_response(),
    }
}

/// Every organ's report, oldest first (the Summit receives those of the organs without
/// another `reports_to`).
#[utoipa::path(get, path = "/api/v1/reports", tag = "membership", responses((status = 200, body = Vec<ReportDoc>)))]
pub async fn reports(State(app): State<Shared>) -> Response {
    let state = app.inst.state().await;
    Json(state.reports.values().map(report_doc).collect::<Vec<_>>()).into_response()
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportBody {
    organ: String,
    title: String,
    /// The period it covers, e.g. 2026.
    period: String,
    text: String,
}

/// An organ reports to the organ it answers to (the secretariat, or those who hold its seats).
#[utoipa::path(post, path = "/api/v1/reports", tag = "membership", request_body = ReportBody, security(("token" = [])), responses((status = 201, body = NetworkActDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn submit_report(State(app): State<Shared>, req: Req, body: Bytes) -> Response {
    let b: ReportBody = match parse_body(&body) {
        Ok(b) => b,
        Err(p) => return p.into_response(),
    };
    let cmd = Command::Reporting(reporting::Command::SubmitReport {
        organ: b.organ,
        title: b.title,
        period: b.period,
        text: b.text,
    });
    match run(&app, &req, cmd).await {
        Ok(entries) => created(entries),
        Err(p) => p.into_response(),
    }
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OfficerBody {
    name: String,
    office: String,
    /// The office's public contact (an address, not a private one).
    contact: String,
}

#[derive(serde::Serialize, utoipa::ToSchema)]
pub struct OfficerDoc {
    /// ISO 3166-1 alpha-3 of the member.
    state: String,
    state_name: String,
    /// The officer's name, office and public contact; null where none is named.
    name: Option<String>,
    office: Option<String>,
    contact: Option<String>,
}

/// Every member's democracy officer (seed 003), members without one included.
#[utoipa::path(get, path = "/api/v1/democracy-officers", tag = "membership", responses((status = 200, body = Vec<OfficerDoc>)))]
pub async fn officers(State(app): State<Shared>) -> Response {
    let state = app.inst.state().await;
    let docs: Vec<OfficerDoc> = crate::membership::officer::directory(&state)
        .into_iter()
        .map(|r| {
            let (name, office, contact) = match r.officer {
                Some((n, o, c)) => (Some(n), Some(o), Some(c)),
                None => (None, None, None),
            };
            OfficerDoc {
                state: r.iso3,
                state_name: r.state,
                name,
                office,
                contact,
            }
        })
        .collect();
    axum::Json(docs).into_response()
}

/// A member names its democracy officer (its delegate, its officer, or the secretariat).
#[utoipa::path(post, path = "/api/v1/members/{iso3}/democracy-officer", tag = "membership", params(("iso3" = String, Path, description = "ISO 3166-1 alpha-3")), request_body = OfficerBody, security(("token" = [])), responses((status = 201, body = NetworkActDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn designate_officer(
    State(app): State<Shared>,
    req: Req,
    Path(code): Path<String>,
    body: Bytes,
) -> Response {
    let b: OfficerBody = match parse_body(&body) {
        Ok(b) => b,
        Err(p) => return p.into_response(),
    };
    let state = match iso("iso3", &code) {
        Ok(s) => s,
        Err(p) => return p.into_response(),
    };
    let cmd = Command::Membership(membership::Command::DesignateDemocracyOfficer {
        state,
        name: b.name,
        office: b.office,
        contact: b.contact,
    });
    match run(&app, &req, cmd).await {
        Ok(entries) => created(entries),
        Err(p) => p.into_response(),
    }
}
