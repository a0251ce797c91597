//! Consultations over the API: the list, one consultation with its figures and published
//! submissions, and responding.

use std::collections::BTreeMap;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use comity_core::consultations::{self, Answer, Respondent};
use comity_core::{Command, Iso3};
use serde::{Deserialize, Serialize};

use super::pages::{SubmitError, submit as record};
use super::view::{self, ConsultationDoc};
use crate::kit::api::{parse_body, unauthorized};
use crate::kit::paging::PageQuery;
use crate::kit::problem::{Problem, refusal};
use crate::web::{Req, Shared};

/// The consultations, newest first, a page at a time.
#[utoipa::path(get, path = "/api/v1/consultations", tag = "consultations", params(PageQuery), responses((status = 200, body = Vec<ConsultationDoc>)))]
pub async fn list(State(app): State<Shared>, Query(q): Query<PageQuery>) -> Response {
    let state = app.inst.state().await;
    let today = crate::today();
    let rows: Vec<ConsultationDoc> = state
        .consultations
        .consultations
        .values()
        .rev()
        .map(|c| view::detail(&state, c, today))
        .collect();
    crate::kit::paging::json_list("/api/v1/consultations", &q, rows.into_iter())
}

/// One consultation: its question and period, who may respond, its structured questions
/// with the figures of the published answers, the respondents by kind and country, the
/// published submissions, the synthesis the organ adopted and the decisions it informed.
#[utoipa::path(get, path = "/api/v1/consultations/{id}", tag = "consultations", params(("id" = u64, Path)), responses((status = 200, body = ConsultationDoc), (status = 404, body = Problem)))]
pub async fn one(State(app): State<Shared>, Path(id): Path<u64>) -> Result<Response, Problem> {
    let state = app.inst.state().await;
    let c = state
        .consultations
        .consultations
        .get(&id)
        .ok_or_else(|| Problem::not_found(format!("there is no consultation {id}")).at("id"))?;
    Ok(Json(view::detail(&state, c, crate::today())).into_response())
}

/// Who responds: a member state (`state`, with a delegate's token), an accredited
/// organisation (`accreditation`, with its token), or anyone (`name` and `country`, and the
/// `organisation` they speak for, if any; no token needed where the organ allows it).
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RespondentBody {
    state: Option<String>,
    accreditation: Option<u64>,
    name: Option<String>,
    country: Option<String>,
    organisation: Option<String>,
}

/// One answer: exactly one of `text`, `choice` (the option's index, from 0) or `scale`
/// (1 strongly disagree … 5 strongly agree), as the question asks.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerBody {
    text: Option<String>,
    choice: Option<u32>,
    scale: Option<u8>,
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SubmitBody {
    respondent: RespondentBody,
    /// Question number → answer.
    answers: BTreeMap<u32, AnswerBody>,
    /// Publish neither the answers nor (for a person) the name: the journal records the
    /// SHA-256 of the content, kept beside it for the secretariat.
    #[serde(default)]
    confidential: bool,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SubmittedDoc {
    consultation: u64,
    submission: u64,
    entry: u64,
    entry_hash: String,
    confidential: bool,
}

fn bad(field: &str, detail: &str) -> Problem {
    Problem::bad_request("body-invalid", field, format!("{field}: {detail}"))
}

fn respondent(r: RespondentBody) -> Result<Respondent, Problem> {
    let iso = |field: &str, s: &str| {
        Iso3::parse(s.trim()).map_err(|_| bad(field, "not an ISO 3166 alpha-3 code"))
    };
    match (r.state, r.accreditation, r.name) {
        (Some(s), None, None) => Ok(Respondent::State {
            state: iso("respondent.state", &s)?,
        }),
        (None, Some(accreditation), None) => Ok(Respondent::Organisation { accreditation }),
        (None, None, Some(name)) => Ok(Respondent::Person {
            name,
            country: iso(
                "respondent.country",
                r.country.as_deref().unwrap_or_default(),
            )?,
            organisation: r.organisation.filter(|o| !o.trim().is_empty()),
        }),
        _ => Err(bad(
            "respondent",
            "give exactly one of state, accreditation, or name (with country)",
        )),
    }
}

/// Respond to a consultation while it is open. A state or an organisation responds once,
/// with its token; anyone may respond without one where the organ allows it. An answer that
/// does not fit its question, a respondent outside the audience, or a second response is
/// refused (422, naming the field).
#[utoipa::path(post, path = "/api/v1/consultations/{id}/submissions", tag = "consultations", params(("id" = u64, Path)), request_body = SubmitBody, responses((status = 201, body = SubmittedDoc), (status = 400, body = Problem), (status = 401, body = Problem), (status = 422, body = Problem)))]
pub async fn submit(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<u64>,
    body: Bytes,
) -> Result<Response, Problem> {
    let b: SubmitBody = parse_body(&body)?;
    let mut answers = BTreeMap::new();
    for (n, a) in b.answers {
        let answer = match (a.text, a.choice, a.scale) {
            (Some(t), None, None) => Answer::Text(t),
            (None, Some(c), None) => Answer::Choice(c),
            (None, None, Some(p)) => Answer::Scale(p),
            _ => {
                return Err(bad(
                    &format!("answers.{n}"),
                    "give exactly one of text, choice or scale",
                ));
            }
        };
        answers.insert(n, answer);
    }
    let cmd = Command::Consultations(consultations::Command::Submit {
        consultation: id,
        respondent: respondent(b.respondent)?,
        answers,
        confidential: b.confidential,
    });
    let who = crate::kit::api::principal(&req).ok();
    match record(&app, who, &cmd).await {
        Ok(entries) => {
            let e = entries.first().ok_or_else(Problem::internal)?;
            Ok((
                StatusCode::CREATED,
                Json(SubmittedDoc {
                    consultation: id,
                    submission: e
                        .payload
                        .get("submission")
                        .and_then(serde_json::Value::as_u64)
                        .unwrap_or(0),
                    entry: e.seq,
                    entry_hash: e.hash.to_string(),
                    confidential: b.confidential,
                }),
            )
                .into_response())
        }
        Err(SubmitError::SignIn) => Err(unauthorized(
            "a state or an organisation responds with its API token (Authorization: Bearer TOKEN)",
        )),
        Err(SubmitError::Exec(e)) => Err(refusal(e, "recording a submission")),
    }
}
