//! Treaties over the API, read side: the list, one treaty with everything its page shows
//! as data, a round's text (source, structure, brackets), a redline between two rounds,
//! the status table (JSON or CSV) and a round in Akoma Ntoso. Writes are in
//! `treaty_acts.rs`.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use comity_core::treaty::record::{Resolution, TreatyRecord};
use comity_core::treaty::text::Choice;
use serde::{Deserialize, Serialize};

use crate::kit::names::organ_name;
use crate::kit::problem::{Problem, internal};
use crate::treaty::pages::docs::{
    RedlineQuery, akn, head_time, redline_of, redline_rounds, round_of,
};
use crate::treaty::view::{address, kept_wordings};
use crate::web::Shared;

#[derive(Serialize, utoipa::ToSchema)]
pub struct TreatySummary {
    id: String,
    title: String,
    short_title: Option<String>,
    /// The organ drafting it.
    organ: String,
    organ_name: String,
    /// drafting, adopted, open_for_signature or in_force
    stage: String,
    round: u32,
    /// Open brackets in the current text.
    open_brackets: usize,
    /// Instruments counted toward entry into force.
    instruments: usize,
    /// YYYY-MM-DD, once the clause is met.
    entry_into_force: Option<String>,
}

fn summary(state: &comity_core::State, t: &TreatyRecord) -> TreatySummary {
    TreatySummary {
        id: t.id.clone(),
        title: t.title.clone(),
        short_title: t.file.info.short_title.clone(),
        organ: t.organ.clone(),
        organ_name: organ_name(state, &t.organ),
        stage: t.stage_on(crate::today()).code().to_owned(),
        round: t.round(),
        open_brackets: t.text().map_or(0, |d| d.open_brackets().total),
        instruments: t.eif.instruments,
        entry_into_force: t.eif.entry_into_force.map(|d| d.to_string()),
    }
}

pub fn unknown(id: &str) -> Problem {
    Problem::not_found(format!("there is no treaty {id:?}"))
}

/// The treaties, a page at a time, each with its stage, round, open brackets and entry into force.
#[utoipa::path(get, path = "/api/v1/treaties", tag = "treaties", params(crate::kit::paging::PageQuery), responses((status = 200, body = Vec<TreatySummary>)))]
pub async fn list(
    State(app): State<Shared>,
    axum::extract::Query(q): axum::extract::Query<crate::kit::paging::PageQuery>,
) -> Response {
    let state = app.inst.state().await;
    crate::kit::paging::json_list(
        "/api/v1/treaties",
        &q,
        state.treaties.values().map(|t| summary(&state, t)),
    )
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct RoundDoc {
    round: u32,
    opened_seq: u64,
    opened_at: String,
    opened_by: String,
    open_brackets_at_start: usize,
    /// At the round's end, or now for the round under way.
    open_brackets_at_end: usize,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ProposalDoc {
    seq: u64,
    round: u32,
    /// The bracket's address, e.g. `art_1__para_2:1` (see the round's `brackets`).
    bracket: String,
    wording: String,
    /// A state's code or an organ id.
    by: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SettlementDoc {
    seq: u64,
    round: u32,
    bracket: String,
    /// The bracket's language before it was settled.
    was: String,
    /// `alternative`, `text` or `delete`.
    choice: String,
    /// The alternative kept (from 1), for `alternative`.
    alternative: Option<usize>,
    /// The wording the text now has there: the alternative kept or the agreed text.
    wording: Option<String>,
    /// The adopted motion that decided it; absent when agreed in the room.
    motion: Option<u64>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct AdoptionDoc {
    seq: u64,
    motion: u64,
    round: u32,
    day: Option<String>,
    /// SHA-256 of the adopted text's source, hex.
    text_sha256: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct SignatureDoc {
    date: String,
    place: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct StatusDoc {
    state: String,
    signature: Option<String>,
    deposit: Option<String>,
    /// ratification, acceptance, approval or accession
    instrument: Option<String>,
    reservations: Vec<String>,
    declarations: Vec<String>,
    /// Objections to this state's reservations: the objecting state and the reservation (from 1).
    objections: Vec<ObjectionDoc>,
    /// The day the treaty enters (entered) into force for the state.
    in_force: Option<String>,
    withdrawal_notified: Option<String>,
    withdrawal_effective: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ObjectionDoc {
    state: String,
    reservation: u32,
}

fn status_docs(t: &TreatyRecord) -> Vec<StatusDoc> {
    let s = |d: Option<comity_core::ids::Day>| d.map(|d| d.to_string());
    t.status_table()
        .into_iter()
        .map(|r| StatusDoc {
            state: r.state.to_string(),
            signature: s(r.signature),
            deposit: s(r.deposit),
            instrument: r.instrument.map(|i| i.as_str().to_owned()),
            reservations: r.reservations,
            declarations: r.declarations,
            objections: r
                .objections
                .into_iter()
                .map(|(state, reservation)| ObjectionDoc {
                    state: state.to_string(),
                    reservation,
                })
                .collect(),
            in_force: s(r.in_force),
            withdrawal_notified: s(r.withdrawal.map(|w| w.0)),
            withdrawal_effective: s(r.withdrawal.map(|w| w.1)),
        })
        .collect()
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct DepositPoint {
    day: String,
    /// Instruments of the kinds that count, deposited by that day.
    instruments: usize,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct TreatyDoc {
    #[serde(flatten)]
    #[schema(inline)]
    summary: TreatySummary,
    /// The treaty file's particulars.
    #[schema(value_type = Object)]
    info: comity_core::treaty::eif::TreatyInfo,
    /// The treaty file (TOML) as recorded.
    file: String,
    /// The entry-into-force and withdrawal clauses as read from the file.
    #[schema(value_type = Object)]
    clause: comity_core::treaty::eif::Rule,
    #[schema(value_type = Object)]
    withdrawal_clause: Option<comity_core::treaty::eif::WithdrawalClause>,
    opened_seq: u64,
    rounds: Vec<RoundDoc>,
    /// Open brackets per part of the current text (`title`, `preamble`, article eIds).
    open_brackets_per_part: BTreeMap<String, usize>,
    proposals: Vec<ProposalDoc>,
    settlements: Vec<SettlementDoc>,
    adoption: Option<AdoptionDoc>,
    signature: Option<SignatureDoc>,
    status: Vec<StatusDoc>,
    deposits_over_time: Vec<DepositPoint>,
    /// The clause's instrument threshold, where it has one.
    instrument_threshold: Option<u32>,
    /// What the clause gives for the deposits so far: `conditions_met`, `entry_into_force`,
    /// `instruments`, `per_state` (state → day in force for it) and each condition's
    /// `progress` (shares in parts per 10¹⁵).
    #[schema(value_type = Object)]
    eif: comity_core::treaty::eif::EntryIntoForce,
    /// The entry that recorded entry into force.
    eif_seq: Option<u64>,
    /// Every journal entry about this treaty.
    acts: Vec<u64>,
}

fn settlement_docs(t: &TreatyRecord) -> Vec<SettlementDoc> {
    let kept = kept_wordings(t);
    t.settlements
        .iter()
        .map(|s| {
            let (choice, alternative, wording) = match &s.choice {
                Choice::Alternative(i) => ("alternative", Some(i + 1), kept.get(&s.seq).cloned()),
                Choice::Text(w) => ("text", None, Some(w.clone())),
                Choice::Delete => ("delete", None, None),
            };
            SettlementDoc {
                seq: s.seq,
                round: s.round,
                bracket: address(&s.bracket),
                was: s.was.clone(),
                choice: choice.to_owned(),
                alternative,
                wording,
                motion: match s.by {
                    Resolution::Agreement => None,
                    Resolution::Motion(m) => Some(m),
                },
            }
        })
        .collect()
}

fn treaty_doc(state: &comity_core::State, t: &TreatyRecord) -> TreatyDoc {
    TreatyDoc {
        summary: summary(state, t),
        info: t.file.info.clone(),
        file: t.file_source.clone(),
        clause: t.file.rule.clone(),
        withdrawal_clause: t.file.withdrawal.clone(),
        opened_seq: t.opened_seq,
        rounds: t
            .rounds
            .iter()
            .map(|r| RoundDoc {
                round: r.number,
                opened_seq: r.opened_seq,
                opened_at: r.opened_at.to_string(),
                opened_by: r.opened_by.to_string(),
                open_brackets_at_start: r.start.open_brackets().total,
                open_brackets_at_end: r.end.open_brackets().total,
            })
            .collect(),
        open_brackets_per_part: t
            .text()
            .map(|d| d.open_brackets().per_part.into_iter().collect())
            .unwrap_or_default(),
        proposals: t
            .proposals
            .iter()
            .map(|p| ProposalDoc {
                seq: p.seq,
                round: p.round,
                bracket: address(&p.bracket),
                wording: p.wording.clone(),
                by: p.by.to_string(),
            })
            .collect(),
        settlements: settlement_docs(t),
        adoption: t.adopted.as_ref().map(|a| AdoptionDoc {
            seq: a.seq,
            motion: a.motion,
            round: a.round,
            day: a.day.map(|d| d.to_string()),
            text_sha256: a.text_sha256.to_string(),
        }),
        signature: t.signature.as_ref().map(|(d, p)| SignatureDoc {
            date: d.to_string(),
            place: p.clone(),
        }),
        status: status_docs(t),
        deposits_over_time: t
            .deposits_over_time()
            .into_iter()
            .map(|(d, n)| DepositPoint {
                day: d.to_string(),
                instruments: n,
            })
            .collect(),
        instrument_threshold: t.instrument_threshold(),
        eif: t.eif.clone(),
        eif_seq: t.eif_seq,
        acts: t.acts.clone(),
    }
}

/// One treaty: its file and clause, rounds, proposals, settlements, adoption, signature,
/// the status table, deposits over time and entry into force as the clause gives it.
#[utoipa::path(get, path = "/api/v1/treaties/{id}", tag = "treaties", params(("id" = String, Path, description = "Treaty id, e.g. aod-founding-treaty")), responses((status = 200, body = TreatyDoc), (status = 404, body = Problem)))]
pub async fn one(State(app): State<Shared>, Path(id): Path<String>) -> Response {
    let state = app.inst.state().await;
    match state.treaties.get(&id) {
        Some(t) => Json(treaty_doc(&state, t)).into_response(),
        None => unknown(&id).into_response(),
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct BracketDoc {
    /// The address the write endpoints take, e.g. `art_1__para_2:1`, `art_1__para_2:1/2:1`.
    address: String,
    /// The same, structured: paragraph eId, position and the path down (all from 0).
    #[schema(value_type = Object)]
    at: comity_core::treaty::text::BracketRef,
    alternatives: Vec<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct RoundTextDoc {
    treaty: String,
    round: u32,
    opened_at: String,
    /// The round's text (at its end, or now) in the bracket syntax.
    source: String,
    /// The text the round opened with.
    start_source: String,
    /// The same text, structured: title, preamble and articles of paragraphs of segments.
    #[schema(value_type = Object)]
    draft: comity_core::treaty::text::Draft,
    brackets: Vec<BracketDoc>,
    open_brackets: usize,
    open_brackets_per_part: BTreeMap<String, usize>,
}

/// A round's text: its source, its structure, its brackets with their addresses, and the
/// open brackets per part.
#[utoipa::path(get, path = "/api/v1/treaties/{id}/rounds/{round}", tag = "treaties", params(("id" = String, Path, description = "Treaty id"), ("round" = u32, Path, description = "Round number, from 1")), responses((status = 200, body = RoundTextDoc), (status = 404, body = Problem)))]
pub async fn round(
    State(app): State<Shared>,
    Path((id, round)): Path<(String, String)>,
) -> Response {
    let state = app.inst.state().await;
    let Some(t) = state.treaties.get(&id) else {
        return unknown(&id).into_response();
    };
    let Some(r) = round
        .parse::<u32>()
        .ok()
        .and_then(|n| t.rounds.iter().find(|r| r.number == n))
    else {
        return Problem::not_found(format!("{id} has no round {round:?}")).into_response();
    };
    let count = r.end.open_brackets();
    Json(RoundTextDoc {
        treaty: t.id.clone(),
        round: r.number,
        opened_at: r.opened_at.to_string(),
        source: r.end.to_source(),
        start_source: r.start.to_source(),
        brackets: r
            .end
            .brackets()
            .into_iter()
            .map(|b| BracketDoc {
                address: address(&b.at),
                at: b.at,
                alternatives: b.alternatives,
            })
            .collect(),
        draft: r.end.clone(),
        open_brackets: count.total,
        open_brackets_per_part: count.per_part.into_iter().collect(),
    })
    .into_response()
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct RedlineDoc {
    treaty: String,
    from: u32,
    to: u32,
    words_inserted: usize,
    words_deleted: usize,
    /// Parts (title, preamble, articles) with their change and paragraphs of runs:
    /// `{"equal": …}`, `{"insert": …}`, `{"delete": …}`.
    #[schema(value_type = Object)]
    redline: comity_core::treaty::redline::Redline,
}

/// The word-level redline between two rounds' texts (each as the round left it; round 0 is
/// the first draft); by default the round before the current one against the current one.
#[utoipa::path(get, path = "/api/v1/treaties/{id}/redline", tag = "treaties", params(("id" = String, Path, description = "Treaty id"), ("from" = Option<u32>, Query, description = "Round compared from; 0 is the first draft"), ("to" = Option<u32>, Query, description = "Round compared to")), responses((status = 200, body = RedlineDoc), (status = 404, body = Problem)))]
pub async fn redline(
    State(app): State<Shared>,
    Path(id): Path<String>,
    Query(q): Query<RedlineQuery>,
) -> Response {
    let state = app.inst.state().await;
    let Some(t) = state.treaties.get(&id) else {
        return unknown(&id).into_response();
    };
    let (from, to) = match redline_rounds(t, &q) {
        Ok(r) => r,
        Err(r) => return Problem::not_found(format!("{id} has no round {r:?}")).into_response(),
    };
    match redline_of(t, from, to) {
        Some(r) => Json(RedlineDoc {
            treaty: id,
            from,
            to,
            words_inserted: r.words_inserted,
            words_deleted: r.words_deleted,
            redline: r,
        })
        .into_response(),
        None => Problem::not_found(format!("{id} has no round {to}")).into_response(),
    }
}

#[derive(Deserialize, Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatusQuery {
    /// `json` (default) or `csv`; `Accept: text/csv` also selects CSV.
    format: Option<String>,
}

/// The status table: every state that signed or deposited, with its instrument,
/// reservations, declarations, objections, the day in force for it and any withdrawal.
#[utoipa::path(get, path = "/api/v1/treaties/{id}/status", tag = "treaties", params(("id" = String, Path, description = "Treaty id"), StatusQuery), responses((status = 200, content((Vec<StatusDoc> = "application/json"), (String = "text/csv"))), (status = 400, body = Problem), (status = 404, body = Problem)))]
pub async fn status(
    State(app): State<Shared>,
    Path(id): Path<String>,
    Query(q): Query<StatusQuery>,
    headers: HeaderMap,
) -> Response {
    let state = app.inst.state().await;
    let Some(t) = state.treaties.get(&id) else {
        return unknown(&id).into_response();
    };
    let csv = match q.format.as_deref() {
        Some("csv") => true,
        Some("json") => false,
        Some(other) => {
            return Problem::bad_request(
                "query-invalid",
                "format",
                format!("format must be json or csv, not {other:?}"),
            )
            .into_response();
        }
        None => headers
            .get(header::ACCEPT)
            .and_then(|a| a.to_str().ok())
            .is_some_and(|a| a.contains("text/csv")),
    };
    if !csv {
        return Json(status_docs(t)).into_response();
    }
    match t.status_csv() {
        Ok(body) => ([(header::CONTENT_TYPE, "text/csv; charset=utf-8")], body).into_response(),
        Err(e) => internal("writing a treaty's status as CSV", e).into_response(),
    }
}

#[derive(Deserialize, Default, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AknQuery {
    /// Round number; the current round by default.
    round: Option<String>,
}

/// A round's text in Akoma Ntoso 3.0 (XML), brackets kept as `<inline name="bracket">`.
#[utoipa::path(get, path = "/api/v1/treaties/{id}/akn", tag = "treaties", params(("id" = String, Path, description = "Treaty id"), AknQuery), responses((status = 200, content_type = "application/akn+xml", body = String), (status = 404, body = Problem)))]
pub async fn akn_xml(
    State(app): State<Shared>,
    Path(id): Path<String>,
    Query(q): Query<AknQuery>,
) -> Response {
    let state = app.inst.state().await;
    let Some(t) = state.treaties.get(&id) else {
        return unknown(&id).into_response();
    };
    let round = match round_of(t, q.round.as_deref(), t.round(), false) {
        Ok(r) => r,
        Err(r) => return Problem::not_found(format!("{id} has no round {r:?}")).into_response(),
    };
    let time = match head_time(&app, state.head().seq).await {
        Ok(t) => t,
        Err(e) => return internal("reading the journal's head", e).into_response(),
    };
    match akn(&state, t, round, time) {
        Ok(xml) => (
            [(header::CONTENT_TYPE, "application/akn+xml; charset=utf-8")],
            xml,
        )
            .into_response(),
        Err(e) => internal("exporting Akoma Ntoso", e).into_response(),
    }
}
