//! The caucus at work over the API: the agenda, an item with the members' votes against the
//! position, each member's follow rate; and the acts (place a resolution, propose a
//! position, record the plenary votes, explain a vote), through the same `authorize` and
//! `decide` as the pages.

use std::collections::BTreeMap;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use comity_core::caucus::{self, Stance, VoteSource};
use comity_core::ids::Day;
use comity_core::motion::Seat;
use comity_core::{Command, Iso3};
use serde::{Deserialize, Serialize};

use super::agenda::{
    FollowRate, ItemDetail, ItemSummary, detail, follow_rates, parse_votes, placed_by, summary,
};
use super::agenda_pages::record_command;
use crate::kit::api::{created, number, parse_body, run};
use crate::kit::problem::Problem;
use crate::web::Shared;

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FormatQuery {
    /// `json` (default) or `csv`.
    format: Option<String>,
}

impl FormatQuery {
    /// Whether CSV was asked for, or the problem with the parameter.
    fn csv(&self) -> Result<bool, Problem> {
        match self.format.as_deref().map(str::trim) {
            None | Some("" | "json") => Ok(false),
            Some("csv") => Ok(true),
            Some(other) => Err(Problem::bad_request(
                "query-invalid",
                "format",
                format!("format: {other:?} is not json or csv"),
            )),
        }
    }
}

/// A CSV field, quoted when it must be.
fn field_csv(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// The agenda, latest session first. `format=csv` gives
/// `item,session,symbol,title,issue,plenary,rcid,position,followed,departed,absent`.
#[utoipa::path(get, path = "/api/v1/caucus/agenda", tag = "caucus", params(FormatQuery), responses((status = 200, body = Vec<ItemSummary>), (status = 400, body = Problem)))]
pub async fn agenda(
    State(app): State<Shared>,
    Query(q): Query<FormatQuery>,
) -> Result<Response, Problem> {
    let as_csv = q.csv()?;
    let state = app.inst.state().await;
    let mut items: Vec<ItemSummary> = state.caucus.agenda.values().map(summary).collect();
    items.sort_by(|a, b| (b.session, &b.plenary, b.item).cmp(&(a.session, &a.plenary, a.item)));
    if !as_csv {
        return Ok(Json(items).into_response());
    }
    let mut out = String::from(
        "item,session,symbol,title,issue,plenary,rcid,position,followed,departed,absent\n",
    );
    for i in &items {
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},{},{},{}\n",
            i.item,
            i.session,
            field_csv(&i.symbol),
            field_csv(&i.title),
            i.issue.as_deref().unwrap_or(""),
            i.plenary,
            i.rcid.map(|r| r.to_string()).unwrap_or_default(),
            i.position.as_deref().unwrap_or(""),
            i.followed,
            i.departed,
            i.absent
        ));
    }
    Ok(crate::kit::api::csv(out))
}

/// One agenda item: its proposals and, once recorded, every member's vote against the
/// position (followed, departed, absent) with its explanation.
/// `format=csv` gives the members' votes: `state,vote,compliance,explanation`.
#[utoipa::path(get, path = "/api/v1/caucus/agenda/{item}", tag = "caucus", params(("item" = u64, Path, description = "Agenda item number"), FormatQuery), responses((status = 200, body = ItemDetail), (status = 400, body = Problem), (status = 404, body = Problem)))]
pub async fn item(
    State(app): State<Shared>,
    Path(item): Path<String>,
    Query(q): Query<FormatQuery>,
) -> Result<Response, Problem> {
    let as_csv = q.csv()?;
    let id = number("agenda item", &item)?;
    let state = app.inst.state().await;
    let it = state
        .caucus
        .agenda
        .get(&id)
        .ok_or_else(|| Problem::not_found(format!("there is no agenda item {id}")))?;
    let d = detail(it);
    if !as_csv {
        return Ok(Json(d).into_response());
    }
    let mut out = String::from("state,vote,compliance,explanation\n");
    for v in &d.votes {
        out.push_str(&format!(
            "{},{},{},{}\n",
            v.state,
            v.vote,
            v.compliance.as_deref().unwrap_or(""),
            field_csv(v.explanation.as_deref().unwrap_or(""))
        ));
    }
    Ok(crate::kit::api::csv(out))
}

/// Each member's votes against the common positions: followed, departed, absent, and the
/// follow rate = followed ÷ (followed + departed).
#[utoipa::path(get, path = "/api/v1/caucus/follow", tag = "caucus", params(FormatQuery), responses((status = 200, body = Vec<FollowRate>), (status = 400, body = Problem)))]
pub async fn follow(
    State(app): State<Shared>,
    Query(q): Query<FormatQuery>,
) -> Result<Response, Problem> {
    let as_csv = q.csv()?;
    let rates = follow_rates(&*app.inst.state().await);
    if !as_csv {
        return Ok(Json(rates).into_response());
    }
    let mut out = String::from("state,followed,departed,absent,rate\n");
    for r in rates {
        let rate = r.rate.map(|x| format!("{x:.6}")).unwrap_or_default();
        out.push_str(&format!(
            "{},{},{},{},{rate}\n",
            r.state, r.followed, r.departed, r.absent
        ));
    }
    Ok(crate::kit::api::csv(out))
}

/// The alliance's weight in the General Assembly: the seats its members hold of the 193
/// (`held`, `seats`), and the votes a two-thirds majority needs when all vote
/// (`two_thirds`) with how many the members lack for it (`short`).
#[utoipa::path(get, path = "/api/v1/caucus/weight", tag = "caucus", responses((status = 200, body = WeightDoc)))]
pub async fn weight(State(app): State<Shared>) -> Response {
    let w = comity_core::caucus::weight(&*app.inst.state().await);
    Json(WeightDoc {
        held: w.held,
        seats: w.seats,
        two_thirds: w.two_thirds,
        short: w.short,
    })
    .into_response()
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct WeightDoc {
    held: u32,
    seats: u32,
    two_thirds: u32,
    short: u32,
}

/// What a caucus act answers: the agenda item and the journal entries written.
#[derive(Serialize, utoipa::ToSchema)]
pub struct CaucusDone {
    item: u64,
    entries: Vec<u64>,
}

fn field(name: &str, detail: String) -> Problem {
    Problem::bad_request("body-invalid", name, format!("{name}: {detail}"))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PlaceBody {
    session: u32,
    /// The document symbol, e.g. `A/RES/74/246` or `A/74/L.57`.
    symbol: String,
    title: String,
    /// `me`, `nu`, `di`, `hr`, `co` or `ec`.
    issue: Option<String>,
    /// The day of the plenary vote, `YYYY-MM-DD`.
    plenary: String,
    /// The plenary vote's roll call in the Assembly's record, where known.
    rcid: Option<u64>,
}

/// Put a resolution on the caucus's agenda (the secretariat).
#[utoipa::path(post, path = "/api/v1/caucus/agenda", tag = "caucus", request_body = PlaceBody, security(("token" = [])), responses((status = 201, body = CaucusDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn place(
    State(app): State<Shared>,
    req: crate::web::Req,
    body: Bytes,
) -> Result<Response, Problem> {
    let b: PlaceBody = parse_body(&body)?;
    let plenary = Day::parse(b.plenary.trim()).map_err(|e| field("plenary", e.to_string()))?;
    let cmd = Command::Caucus(caucus::Command::PlaceOnAgenda {
        session: b.session,
        symbol: b.symbol,
        title: b.title,
        issue: b.issue.filter(|i| !i.trim().is_empty()),
        plenary,
        rcid: b.rcid,
    });
    let entries = run(&app, &req, cmd).await?;
    let item = placed_by(&*app.inst.state().await, &entries).unwrap_or(0);
    Ok(created(CaucusDone { item, entries }))
}

/// An act on agenda item `item` from a JSON body: the item's number and the body read (each
/// named when it does not read), the command `build` makes of them run for the token's
/// principal, and the entries written.
async fn item_act<B: serde::de::DeserializeOwned>(
    app: &Shared,
    req: &crate::web::Req,
    item: &str,
    body: &Bytes,
    build: impl AsyncFnOnce(u64, B) -> Result<Command, Problem>,
) -> Result<Response, Problem> {
    let id = number("agenda item", item)?;
    let b: B = parse_body(body)?;
    let cmd = build(id, b).await?;
    let entries = run(app, req, cmd).await?;
    Ok(created(CaucusDone { item: id, entries }))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PositionBody {
    /// `yes`, `no`, `abstain` or `no_common_position`.
    stance: String,
    /// The seat tabling it: a member's code (`DNK`) or the caucus's organ id.
    sponsor: String,
}

/// Propose a common position: tables a motion of kind `un_common_position` in the caucus;
/// its final vote decides the position.
#[utoipa::path(post, path = "/api/v1/caucus/agenda/{item}/positions", tag = "caucus", params(("item" = u64, Path, description = "Agenda item number")), request_body = PositionBody, security(("token" = [])), responses((status = 201, body = CaucusDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn propose(
    State(app): State<Shared>,
    req: crate::web::Req,
    Path(item): Path<String>,
    body: Bytes,
) -> Result<Response, Problem> {
    item_act(&app, &req, &item, &body, async |id, b: PositionBody| {
        let stance = Stance::parse(&b.stance).ok_or_else(|| {
            field(
                "stance",
                format!(
                    "{:?} is not yes, no, abstain or no_common_position",
                    b.stance
                ),
            )
        })?;
        Ok(Command::Caucus(caucus::Command::ProposePosition {
            item: id,
            stance,
            sponsor: Seat::parse(&b.sponsor),
        }))
    })
    .await
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VotesBody {
    /// `record`: from the Assembly's record for the item's roll call; `hand`: as listed in
    /// `votes`.
    source: String,
    /// By hand: member code → `yes`, `no`, `abstain` or `absent` (a member not listed was
    /// absent).
    #[serde(default)]
    votes: BTreeMap<String, String>,
}

/// Record the members' plenary votes on an item (the secretariat), from the plenary day on.
#[utoipa::path(post, path = "/api/v1/caucus/agenda/{item}/votes", tag = "caucus", params(("item" = u64, Path, description = "Agenda item number")), request_body = VotesBody, security(("token" = [])), responses((status = 201, body = CaucusDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn votes(
    State(app): State<Shared>,
    req: crate::web::Req,
    Path(item): Path<String>,
    body: Bytes,
) -> Result<Response, Problem> {
    item_act(&app, &req, &item, &body, async |id, b: VotesBody| {
        match b.source.trim() {
            "record" => {
                let record = super::data::current(&app.inst).await;
                let state = app.inst.state().await;
                let it =
                    state.caucus.agenda.get(&id).ok_or_else(|| {
                        Problem::not_found(format!("there is no agenda item {id}"))
                    })?;
                record_command(record.as_deref(), &state, it).map_err(|(_, _, arg)| {
                    field(
                        "source",
                        format!("the Assembly's record has no roll call for this item {arg}"),
                    )
                })
            }
            "hand" => {
                let pairs = b.votes.iter().map(|(k, v)| (k.as_str(), v.as_str()));
                let votes = parse_votes(pairs)
                    .map_err(|bad| field(&format!("votes.{}", bad.state), bad.to_string()))?;
                Ok(Command::Caucus(caucus::Command::RecordPlenaryVotes {
                    item: id,
                    votes,
                    source: VoteSource::Hand,
                }))
            }
            other => Err(field("source", format!("{other:?} is not record or hand"))),
        }
    })
    .await
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExplainBody {
    /// The member explaining (its delegate).
    state: String,
    text: String,
}

/// A member's explanation of a vote that departed from the position (or of its absence).
#[utoipa::path(post, path = "/api/v1/caucus/agenda/{item}/explanations", tag = "caucus", params(("item" = u64, Path, description = "Agenda item number")), request_body = ExplainBody, security(("token" = [])), responses((status = 201, body = CaucusDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn explain(
    State(app): State<Shared>,
    req: crate::web::Req,
    Path(item): Path<String>,
    body: Bytes,
) -> Result<Response, Problem> {
    item_act(&app, &req, &item, &body, async |id, b: ExplainBody| {
        let state = Iso3::parse(b.state.trim()).map_err(|e| field("state", e.to_string()))?;
        Ok(Command::Caucus(caucus::Command::ExplainVote {
            item: id,
            state,
            text: b.text,
        }))
    })
    .await
}
