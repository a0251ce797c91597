//! Treaties over the API, write side: open a drafting, open a round, propose a wording,
//! settle a bracket, record the adoption, open for signature, and record signatures,
//! deposits, objections and withdrawals. Each takes a JSON body, needs an API token, goes
//! through the same `authorize` and `decide` as the pages, and answers 201 with the journal
//! entries written, or a problem: 400 for a body that does not parse (naming the field),
//! 401 without a token, 403 when the roles do not allow the act, 404 for an unknown
//! treaty, 422 when the act is refused (naming the field where one is at fault), 409 when
//! the journal kept moving.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use comity_core::ids::Day;
use comity_core::motion::Seat;
use comity_core::treaty;
use comity_core::treaty::eif::{Deposit, Instrument, Share};
use comity_core::treaty::record::Resolution;
use comity_core::treaty::text::{BracketRef, Choice};
use comity_core::{Command, DomainError, Iso3};
use comity_store::ExecError;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::kit::api::{parse_body, principal};
use crate::kit::problem::{Problem, refusal};
use crate::treaty::api::treaties::unknown;
use crate::treaty::pages::acts::{bracket_known, field_of};
use crate::treaty::view::parse_address;
use crate::web::{Req, Shared};

#[derive(Serialize, utoipa::ToSchema)]
pub struct TreatyActDone {
    treaty: String,
    /// Sequence numbers of the journal entries written (a deposit that brings the treaty
    /// into force writes two).
    entries: Vec<u64>,
}

fn invalid(field: &str, detail: String) -> Problem {
    Problem::bad_request("body-invalid", field, format!("{field}: {detail}"))
}

fn day(field: &str, v: &str) -> Result<Day, Problem> {
    Day::parse(v.trim()).map_err(|e| invalid(field, e.to_string()))
}

fn iso(field: &str, v: &str) -> Result<Iso3, Problem> {
    Iso3::parse(v.trim()).map_err(|e| invalid(field, e.to_string()))
}

fn bracket(v: &str) -> Result<BracketRef, Problem> {
    parse_address(v).ok_or_else(|| {
        invalid(
            "bracket",
            format!(
                "{v:?} is not a bracket address such as art_1__para_2:1 (paragraph eId, then the bracket's position from 1; /alternative:position for a nested one)"
            ),
        )
    })
}

/// The API's name for a form field the pages mark.
fn api_field(page_field: &str) -> Option<&str> {
    match page_field {
        "act" => None,
        "settle_alternative" | "settle_text" => Some("choice"),
        f => f.split_once('_').map(|(_, rest)| rest),
    }
}

/// Why an act was not done, as a problem.
fn refused(act: &str, choice: &str, known_bracket: bool, e: ExecError) -> Problem {
    let field = field_of(act, choice, known_bracket, &e);
    let field = api_field(&field).map(str::to_owned);
    match e {
        ExecError::Refused(DomainError::Treaty(comity_core::treaty::Refusal::UnknownTreaty(
            id,
        ))) => unknown(&id),
        ExecError::Refused(_) => Problem {
            field,
            ..refusal(e, "a treaty act")
        },
        other => refusal(other, "a treaty act"),
    }
}

/// Parse the body, check the caller and the treaty, build the command and run it.
async fn act<B: DeserializeOwned>(
    app: &Shared,
    req: &Req,
    treaty: Option<&str>,
    body: &Bytes,
    act: &str,
    build: impl FnOnce(B) -> Result<(Command, String), Problem>,
) -> Response {
    let b: B = match parse_body(body) {
        Ok(b) => b,
        Err(p) => return p.into_response(),
    };
    let who = match principal(req) {
        Ok(w) => w,
        Err(p) => return p.into_response(),
    };
    if let Some(id) = treaty
        && !app.inst.state().await.treaties.contains_key(id)
    {
        return unknown(id).into_response();
    }
    let (cmd, choice) = match build(b) {
        Ok(c) => c,
        Err(p) => return p.into_response(),
    };
    let known = bracket_known(&*app.inst.state().await, &cmd);
    match app.inst.execute_as(&who, crate::now(), &cmd).await {
        Ok(entries) => {
            let state = app.inst.state().await;
            let seq = entries.first().map_or(0, |e| e.seq);
            let id = treaty.map(str::to_owned).or_else(|| {
                state
                    .treaties
                    .values()
                    .find(|t| t.opened_seq == seq)
                    .map(|t| t.id.clone())
            });
            (
                StatusCode::CREATED,
                Json(TreatyActDone {
                    treaty: id.unwrap_or_default(),
                    entries: entries.iter().map(|e| e.seq).collect(),
                }),
            )
                .into_response()
        }
        Err(e) => refused(act, &choice, known, e).into_response(),
    }
}

/// A treaty file and the first round's text.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenTreatyBody {
    /// The drafting organ's id, e.g. `treaty_commission`.
    organ: String,
    /// The treaty file (TOML): `[treaty]` particulars and the `[entry_into_force]` clause.
    file: String,
    /// The first round's text in the bracket syntax (`# Title`, `## Article N — Heading`, `[a / b]`).
    text: String,
    /// The file's name in error messages; `treaty.toml` by default.
    #[serde(default)]
    file_name: Option<String>,
}

/// Open a treaty's drafting in an organ (secretariat).
#[utoipa::path(post, path = "/api/v1/treaties", tag = "treaties", request_body = OpenTreatyBody, security(("token" = [])), responses((status = 201, body = TreatyActDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn open(State(app): State<Shared>, req: Req, body: Bytes) -> Response {
    act(&app, &req, None, &body, "open", |b: OpenTreatyBody| {
        let file_name = b.file_name.unwrap_or_else(|| "treaty.toml".to_owned());
        // The file and the text are read by `decide`, after `authorize`: nothing a caller
        // without the right sends is parsed, and a refusal names the field (`field_of`).
        Ok((
            Command::Treaty(treaty::Command::OpenTreaty {
                organ: b.organ,
                file_name,
                file: b.file,
                text: b.text,
            }),
            String::new(),
        ))
    })
    .await
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RoundBody {
    /// A consolidated text for the new round; without it the round opens on the text as it stands.
    #[serde(default)]
    text: Option<String>,
}

/// Open the next negotiating round (secretariat).
#[utoipa::path(post, path = "/api/v1/treaties/{id}/rounds", tag = "treaties", params(("id" = String, Path, description = "Treaty id")), request_body = RoundBody, security(("token" = [])), responses((status = 201, body = TreatyActDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn rounds(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let treaty = id.clone();
    act(
        &app,
        &req,
        Some(&id),
        &body,
        "open_round",
        |b: RoundBody| {
            Ok((
                Command::Treaty(treaty::Command::OpenTreatyRound {
                    treaty,
                    text: b.text,
                }),
                String::new(),
            ))
        },
    )
    .await
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WordingBody {
    /// The bracket's address, e.g. `art_1__para_2:1` (the round's `brackets` list them).
    bracket: String,
    /// The wording, added as the bracket's last alternative.
    wording: String,
    /// On whose behalf: a state's code (`DNK`) or an organ id.
    by: String,
}

/// Propose a wording for a bracket, on behalf of a state the token speaks for.
#[utoipa::path(post, path = "/api/v1/treaties/{id}/wordings", tag = "treaties", params(("id" = String, Path, description = "Treaty id")), request_body = WordingBody, security(("token" = [])), responses((status = 201, body = TreatyActDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn wordings(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let treaty = id.clone();
    act(&app, &req, Some(&id), &body, "propose", |b: WordingBody| {
        Ok((
            Command::Treaty(treaty::Command::ProposeWording {
                treaty,
                bracket: bracket(&b.bracket)?,
                wording: b.wording,
                by: Seat::parse(&b.by),
            }),
            String::new(),
        ))
    })
    .await
}

/// How a bracket is settled.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ChoiceBody {
    /// Keep this alternative, counted from 1: `{"alternative": 2}`.
    Alternative(usize),
    /// Replace the bracket by agreed wording: `{"text": "…"}`.
    Text(String),
    /// Drop the bracketed language: `"delete"`.
    Delete,
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ResolutionBody {
    bracket: String,
    choice: ChoiceBody,
    /// The adopted motion of the drafting organ that decided it; absent when agreed in the room.
    #[serde(default)]
    motion: Option<u64>,
}

/// Record how a bracket was settled (secretariat).
#[utoipa::path(post, path = "/api/v1/treaties/{id}/resolutions", tag = "treaties", params(("id" = String, Path, description = "Treaty id")), request_body = ResolutionBody, security(("token" = [])), responses((status = 201, body = TreatyActDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn resolutions(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let treaty = id.clone();
    act(
        &app,
        &req,
        Some(&id),
        &body,
        "settle",
        |b: ResolutionBody| {
            let (choice, kind) = match b.choice {
                ChoiceBody::Alternative(n) => match n.checked_sub(1) {
                    Some(i) => (Choice::Alternative(i), "alternative"),
                    None => {
                        return Err(invalid("choice", "alternatives are counted from 1".into()));
                    }
                },
                ChoiceBody::Text(t) => (Choice::Text(t), "text"),
                ChoiceBody::Delete => (Choice::Delete, "delete"),
            };
            Ok((
                Command::Treaty(treaty::Command::ResolveBracket {
                    treaty,
                    bracket: bracket(&b.bracket)?,
                    choice,
                    by: b.motion.map_or(Resolution::Agreement, Resolution::Motion),
                }),
                kind.to_owned(),
            ))
        },
    )
    .await
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AdoptionBody {
    /// The adopted motion of kind `treaty_adoption`, tabled after the text's last change.
    motion: u64,
}

/// Record the adoption of the final text (secretariat).
#[utoipa::path(post, path = "/api/v1/treaties/{id}/adoption", tag = "treaties", params(("id" = String, Path, description = "Treaty id")), request_body = AdoptionBody, security(("token" = [])), responses((status = 201, body = TreatyActDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn adoption(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let treaty = id.clone();
    act(&app, &req, Some(&id), &body, "adopt", |b: AdoptionBody| {
        Ok((
            Command::Treaty(treaty::Command::AdoptTreaty {
                treaty,
                motion: b.motion,
            }),
            String::new(),
        ))
    })
    .await
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignatureOpeningBody {
    /// YYYY-MM-DD
    date: String,
    place: String,
}

/// Open the adopted treaty for signature (secretariat).
#[utoipa::path(post, path = "/api/v1/treaties/{id}/signature-opening", tag = "treaties", params(("id" = String, Path, description = "Treaty id")), request_body = SignatureOpeningBody, security(("token" = [])), responses((status = 201, body = TreatyActDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn signature_opening(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let treaty = id.clone();
    act(
        &app,
        &req,
        Some(&id),
        &body,
        "open_signature",
        |b: SignatureOpeningBody| {
            Ok((
                Command::Treaty(treaty::Command::OpenTreatyForSignature {
                    treaty,
                    date: day("date", &b.date)?,
                    place: b.place,
                }),
                String::new(),
            ))
        },
    )
    .await
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignatureBody {
    /// ISO 3166-1 alpha-3 code.
    state: String,
    /// YYYY-MM-DD, not after today.
    date: String,
}

/// Record a state's signature (its delegate, or the secretariat as depositary).
#[utoipa::path(post, path = "/api/v1/treaties/{id}/signatures", tag = "treaties", params(("id" = String, Path, description = "Treaty id")), request_body = SignatureBody, security(("token" = [])), responses((status = 201, body = TreatyActDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn signatures(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let treaty = id.clone();
    act(&app, &req, Some(&id), &body, "sign", |b: SignatureBody| {
        Ok((
            Command::Treaty(treaty::Command::SignTreaty {
                treaty,
                state: iso("state", &b.state)?,
                date: day("date", &b.date)?,
            }),
            String::new(),
        ))
    })
    .await
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DepositBody {
    state: String,
    /// ratification, acceptance, approval or accession
    instrument: String,
    /// YYYY-MM-DD, not after today and not before the latest deposit on record.
    date: String,
    /// The state's share of the quantity the clause weighs, where it weighs one: `"12.5%"` or `"0.125"`.
    #[serde(default)]
    share: Option<String>,
    #[serde(default)]
    reservations: Vec<String>,
    #[serde(default)]
    declarations: Vec<String>,
}

/// Record the deposit of a state's instrument (its delegate, or the secretariat); the entry
/// into force the clause gives is recorded with it.
#[utoipa::path(post, path = "/api/v1/treaties/{id}/deposits", tag = "treaties", params(("id" = String, Path, description = "Treaty id")), request_body = DepositBody, security(("token" = [])), responses((status = 201, body = TreatyActDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn deposits(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let treaty = id.clone();
    act(&app, &req, Some(&id), &body, "deposit", |b: DepositBody| {
        let instrument = Instrument::parse(b.instrument.trim()).ok_or_else(|| {
            invalid(
                "instrument",
                format!(
                    "{:?} is not ratification, acceptance, approval or accession",
                    b.instrument
                ),
            )
        })?;
        let share = match b.share.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => Some(Share::parse_threshold(s).map_err(|e| invalid("share", e))?),
        };
        Ok((
            Command::Treaty(treaty::Command::DepositInstrument {
                treaty,
                deposit: Deposit {
                    state: iso("state", &b.state)?,
                    instrument,
                    date: day("date", &b.date)?,
                    share,
                },
                reservations: b.reservations,
                declarations: b.declarations,
            }),
            String::new(),
        ))
    })
    .await
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ObjectionBody {
    /// The objecting state.
    state: String,
    /// The state whose reservation it objects to.
    reserving: String,
    /// The reservation's number in that state's instrument, from 1.
    reservation: u32,
    text: String,
    date: String,
}

/// Record a state's objection to another's reservation.
#[utoipa::path(post, path = "/api/v1/treaties/{id}/objections", tag = "treaties", params(("id" = String, Path, description = "Treaty id")), request_body = ObjectionBody, security(("token" = [])), responses((status = 201, body = TreatyActDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn objections(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let treaty = id.clone();
    act(
        &app,
        &req,
        Some(&id),
        &body,
        "object",
        |b: ObjectionBody| {
            Ok((
                Command::Treaty(treaty::Command::ObjectToReservation {
                    treaty,
                    state: iso("state", &b.state)?,
                    reserving: iso("reserving", &b.reserving)?,
                    reservation: b.reservation,
                    text: b.text,
                    date: day("date", &b.date)?,
                }),
                String::new(),
            ))
        },
    )
    .await
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WithdrawalBody {
    state: String,
    /// The day the notification was received, YYYY-MM-DD.
    date: String,
}

/// Record a party's notification of withdrawal; it takes effect by the treaty's clause.
#[utoipa::path(post, path = "/api/v1/treaties/{id}/withdrawals", tag = "treaties", params(("id" = String, Path, description = "Treaty id")), request_body = WithdrawalBody, security(("token" = [])), responses((status = 201, body = TreatyActDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn withdrawals(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<String>,
    body: Bytes,
) -> Response {
    let treaty = id.clone();
    act(
        &app,
        &req,
        Some(&id),
        &body,
        "withdraw",
        |b: WithdrawalBody| {
            Ok((
                Command::Treaty(treaty::Command::WithdrawFromTreaty {
                    treaty,
                    state: iso("state", &b.state)?,
                    date: day("date", &b.date)?,
                }),
                String::new(),
            ))
        },
    )
    .await
}
