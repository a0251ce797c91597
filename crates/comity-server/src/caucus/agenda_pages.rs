//! `/caucus/agenda`: the resolutions on the caucus's agenda, each member's record against the
//! common positions, and the secretariat's form to place a resolution; `/caucus/agenda/{id}`:
//! one resolution, its proposals, and the members' plenary votes against the position, with
//! the forms open to the reader (propose a position, record the votes, explain a vote).

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use comity_core::auth::authorize;
use comity_core::caucus::{self, Stance, UnVote, VoteSource};
use comity_core::ids::Day;
use comity_core::motion::Seat;
use comity_core::{Command, Iso3};
use serde::Deserialize;

use super::agenda::{
    ItemRow, VoteRow, follow_rates, item_row, parse_votes, placed_by, position_words, stances,
    un_votes, vote_rows,
};
use super::data::{Record, current, votes_in};
use super::words::stance_id;
use crate::i18n::Tr;
use crate::kit::form::{FieldError, Submit, form_status, submit};
use crate::kit::names::{seat_label, state_name};
use crate::web::{Chrome, Req, Shared, no_store, not_found, render_with};

pub struct FollowRow {
    pub iso3: String,
    pub name: String,
    pub followed: u32,
    pub departed: u32,
    pub absent: u32,
    pub rate: String,
}

#[derive(Deserialize, Default)]
pub struct PlaceForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub session: String,
    #[serde(default)]
    pub symbol: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub issue: String,
    #[serde(default)]
    pub plenary: String,
    #[serde(default)]
    pub rcid: String,
}

const PLACE_FIELDS: [&str; 6] = ["session", "symbol", "title", "issue", "plenary", "rcid"];

#[derive(Template)]
#[template(path = "caucus/agenda.html")]
struct AgendaPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    items: Vec<ItemRow>,
    follow: Vec<FollowRow>,
    can_place: bool,
    issues: Vec<(String, String)>,
    f: PlaceForm,
    error: FieldError,
}

/// The form's fields read, or the field that does not read.
fn place_cmd(tr: &Tr<'_>, f: &PlaceForm) -> Result<Command, FieldError> {
    let bad = |field: &str, id: &str| (field.to_owned(), tr.t(id));
    let session = f
        .session
        .trim()
        .parse()
        .map_err(|_| bad("session", "caucus-bad-session"))?;
    let plenary = Day::parse(f.plenary.trim()).map_err(|_| bad("plenary", "caucus-bad-date"))?;
    let rcid = match f.rcid.trim() {
        "" => None,
        r => Some(r.parse().map_err(|_| bad("rcid", "caucus-bad-rcid"))?),
    };
    let issue = Some(f.issue.trim().to_owned()).filter(|i| !i.is_empty());
    Ok(Command::Caucus(caucus::Command::PlaceOnAgenda {
        session,
        symbol: f.symbol.clone(),
        title: f.title.clone(),
        issue,
        plenary,
        rcid,
    }))
}

async fn agenda_page(app: &Shared, req: &Req, f: PlaceForm, error: FieldError) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let mut items: Vec<ItemRow> = state
        .caucus
        .agenda
        .values()
        .map(|it| item_row(&tr, it))
        .collect();
    items.sort_by(|a, b| (b.session, &b.plenary, b.id).cmp(&(a.session, &a.plenary, a.id)));
    let follow = follow_rates(&state)
        .into_iter()
        .filter(|r| r.followed + r.departed + r.absent > 0)
        .map(|r| FollowRow {
            name: state_name(&state, r.state.as_str()),
            rate: r
                .rate
                .map_or_else(|| "—".to_owned(), |x| format!("{:.0} %", x * 100.0)),
            iso3: r.state,
            followed: r.followed,
            departed: r.departed,
            absent: r.absent,
        })
        .collect();
    let probe = Command::Caucus(caucus::Command::PlaceOnAgenda {
        session: 0,
        symbol: String::new(),
        title: String::new(),
        issue: None,
        plenary: crate::today(),
        rcid: None,
    });
    let can_place = req
        .principal()
        .is_some_and(|w| authorize(&w, &probe, &state).is_ok());
    let issues = caucus::ISSUES
        .iter()
        .map(|c| ((*c).to_owned(), tr.t(&format!("caucus-issue-{c}"))))
        .collect();
    let page = AgendaPage {
        c: req.chrome(&state, "caucus"),
        items,
        follow,
        can_place,
        issues,
        f,
        error: error.clone(),
        tr,
    };
    no_store(render_with(form_status(&error), &page))
}

pub async fn agenda(State(app): State<Shared>, req: Req) -> Response {
    agenda_page(&app, &req, PlaceForm::default(), FieldError::default()).await
}

pub async fn place(State(app): State<Shared>, req: Req, Form(f): Form<PlaceForm>) -> Response {
    let tr = req.tr(&app.catalog);
    let cmd = match place_cmd(&tr, &f) {
        Ok(c) => c,
        Err(e) => return agenda_page(&app, &req, f, e).await,
    };
    match submit(&app, &req, &f.csrf, &cmd).await {
        Ok(entries) => {
            let id = placed_by(&*app.inst.state().await, &entries).unwrap_or(0);
            Redirect::to(&format!("/caucus/agenda/{id}")).into_response()
        }
        Err(why) => {
            why.answer(&PLACE_FIELDS, "symbol", |e| agenda_page(&app, &req, f, e))
                .await
        }
    }
}

#[derive(Template)]
#[template(path = "caucus/item.html")]
struct ItemPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    item: ItemRow,
    rcid: Option<u64>,
    position: String,
    /// (motion, stance, outcome)
    proposals: Vec<(u64, String, String)>,
    source: String,
    votes: Vec<VoteRow>,
    /// Seats the reader may propose for: (value, label).
    propose: Vec<(String, String)>,
    stances: Vec<(String, String)>,
    record: bool,
    /// The record has the item's roll call.
    from_record: bool,
    un_votes: Vec<(String, String)>,
    /// Members for the by-hand form: (code, name, current vote code).
    hand: Vec<(String, String, String)>,
    /// States the reader may explain for: (code, name).
    explain: Vec<(String, String)>,
    error: FieldError,
}

async fn item_page(app: &Shared, req: &Req, id: u64, error: FieldError) -> Response {
    let record = current(&app.inst).await.ok();
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let Some(it) = state.caucus.agenda.get(&id) else {
        let msg = tr.t1("caucus-not-found-item", "item", id);
        return not_found(app, req, &state, msg);
    };
    let acts = req
        .principal()
        .map(|w| caucus::available(&state, &w, crate::today(), it))
        .unwrap_or_default();
    let proposals = it
        .proposals
        .iter()
        .map(|p| {
            (
                p.motion,
                tr.t(&stance_id(p.stance)),
                p.outcome.map_or_else(
                    || tr.t("caucus-outcome-open"),
                    |o| tr.t(&format!("caucus-outcome-{}", o.code())),
                ),
            )
        })
        .collect();
    let source = match it.recorded.as_ref().map(|(s, _)| s) {
        Some(VoteSource::Hand) => tr.t("caucus-source-hand"),
        Some(VoteSource::Record { rcid }) => tr.t1("caucus-source-record", "rcid", *rcid),
        None => String::new(),
    };
    let from_record = it.rcid.is_some_and(|r| {
        record
            .as_deref()
            .is_some_and(|rec| votes_in(rec, r, &[]).is_some())
    });
    let hand = if acts.record {
        caucus::un_members(&state)
            .iter()
            .map(|m| {
                let v = it.votes.get(m).copied().unwrap_or(UnVote::Absent);
                (m.to_string(), state_name(&state, m), v.code().to_owned())
            })
            .collect()
    } else {
        Vec::new()
    };
    let page = ItemPage {
        c: req.chrome(&state, "caucus"),
        item: item_row(&tr, it),
        rcid: it.rcid,
        position: position_words(&tr, it),
        proposals,
        source,
        votes: vote_rows(&tr, &state, it),
        propose: acts
            .propose
            .iter()
            .map(|s| (s.to_string(), seat_label(&state, s)))
            .collect(),
        stances: stances(&tr),
        record: acts.record,
        from_record,
        un_votes: un_votes(&tr),
        hand,
        explain: acts
            .explain
            .iter()
            .map(|s| (s.to_string(), state_name(&state, s)))
            .collect(),
        error: error.clone(),
        tr,
    };
    no_store(render_with(form_status(&error), &page))
}

pub async fn item(State(app): State<Shared>, req: Req, Path(id): Path<u64>) -> Response {
    item_page(&app, &req, id, FieldError::default()).await
}

/// After an act on item `id`: back to its page, or the page with the act's error.
async fn done(
    app: &Shared,
    req: &Req,
    id: u64,
    r: Result<Vec<u64>, Submit>,
    fields: &[&str],
) -> Response {
    match r {
        Ok(_) => Redirect::to(&format!("/caucus/agenda/{id}")).into_response(),
        Err(why) => {
            why.answer(fields, "act", |e| item_page(app, req, id, e))
                .await
        }
    }
}

#[derive(Deserialize, Default)]
pub struct PositionForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub stance: String,
    #[serde(default)]
    pub sponsor: String,
}

pub async fn propose(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<u64>,
    Form(f): Form<PositionForm>,
) -> Response {
    let Some(stance) = Stance::parse(&f.stance) else {
        let tr = req.tr(&app.catalog);
        return item_page(&app, &req, id, ("stance".into(), tr.t("caucus-bad-stance"))).await;
    };
    let cmd = Command::Caucus(caucus::Command::ProposePosition {
        item: id,
        stance,
        sponsor: Seat::parse(&f.sponsor),
    });
    let r = submit(&app, &req, &f.csrf, &cmd).await;
    done(&app, &req, id, r, &["stance", "sponsor"]).await
}

/// The votes form: `csrf`, `source` (`record` or `hand`) and, by hand, `vote_XXX` for each
/// member.
pub async fn record_votes(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<u64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let tr = req.tr(&app.catalog);
    let get = |k: &str| {
        fields
            .iter()
            .find(|(f, _)| f == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let record = current(&app.inst).await;
    let cmd = {
        let state = app.inst.state().await;
        let Some(it) = state.caucus.agenda.get(&id) else {
            let msg = tr.t1("caucus-not-found-item", "item", id);
            return not_found(&app, &req, &state, msg);
        };
        let built = if get("source") == "record" {
            record_command(record.as_deref(), &state, it)
        } else {
            hand_command(&fields, id)
        };
        match built {
            Ok(c) => c,
            Err((field, msg_id, arg)) => {
                drop(state);
                let msg = tr.t1(msg_id, "value", arg);
                return item_page(&app, &req, id, (field, msg)).await;
            }
        }
    };
    let r = submit(&app, &req, &get("csrf"), &cmd).await;
    done(&app, &req, id, r, &["votes"]).await
}

type BuildError = (String, &'static str, String);

/// The members' votes from the Assembly's record for the item's roll call.
pub fn record_command(
    record: Result<&Record, &String>,
    state: &comity_core::State,
    it: &caucus::AgendaItem,
) -> Result<Command, BuildError> {
    let no = |arg: String| ("votes".to_owned(), "caucus-no-roll-call", arg);
    let rcid = it.rcid.ok_or_else(|| no(String::new()))?;
    let record = record.map_err(|e| no(e.clone()))?;
    let votes =
        votes_in(record, rcid, &caucus::un_members(state)).ok_or_else(|| no(rcid.to_string()))?;
    Ok(Command::Caucus(caucus::Command::RecordPlenaryVotes {
        item: it.id,
        votes,
        source: VoteSource::Record { rcid },
    }))
}

fn hand_command(fields: &[(String, String)], id: u64) -> Result<Command, BuildError> {
    let pairs = fields
        .iter()
        .filter_map(|(k, v)| Some((k.strip_prefix("vote_")?, v.as_str())));
    let votes = parse_votes(pairs).map_err(|bad| match bad.value {
        None => ("votes".to_owned(), "caucus-bad-state", bad.state),
        Some(v) => ("votes".to_owned(), "caucus-bad-vote", v),
    })?;
    Ok(Command::Caucus(caucus::Command::RecordPlenaryVotes {
        item: id,
        votes,
        source: VoteSource::Hand,
    }))
}

#[derive(Deserialize, Default)]
pub struct ExplainForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub state: String,
    #[serde(default)]
    pub text: String,
}

pub async fn explain(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<u64>,
    Form(f): Form<ExplainForm>,
) -> Response {
    let Ok(iso) = Iso3::parse(f.state.trim()) else {
        let tr = req.tr(&app.catalog);
        let msg = tr.t1("caucus-bad-state", "value", f.state.clone());
        return item_page(&app, &req, id, ("state".into(), msg)).await;
    };
    let cmd = Command::Caucus(caucus::Command::ExplainVote {
        item: id,
        state: iso,
        text: f.text.clone(),
    });
    let r = submit(&app, &req, &f.csrf, &cmd).await;
    done(&app, &req, id, r, &["state", "text"]).await
}

/// What the caucus's organ page shows of it: its agenda with the positions, and the members'
/// cohesion in the latest sessions of the record.
pub struct OrganSection {
    pub items: Vec<ItemRow>,
    /// (session, cohesion), latest first.
    pub cohesion: Vec<(u32, String)>,
}

/// The section, on the page of the organ the charter gives common positions to.
pub fn organ_section(
    tr: &Tr<'_>,
    state: &comity_core::State,
    organ: &str,
    record: Option<&Record>,
) -> Option<OrganSection> {
    let decides = state
        .charter
        .as_ref()
        .and_then(|c| c.charter.decision(caucus::COMMON_POSITION))
        .is_some_and(|d| d.organ == organ);
    if !decides {
        return None;
    }
    let mut items: Vec<ItemRow> = state
        .caucus
        .agenda
        .values()
        .map(|it| item_row(tr, it))
        .collect();
    items.sort_by(|a, b| (b.session, &b.plenary, b.id).cmp(&(a.session, &a.plenary, a.id)));
    let cohesion = record
        .map(|record| {
            let group: Vec<usize> = state
                .members
                .keys()
                .filter_map(|m| record.votes.state(m.as_str()))
                .collect();
            super::view::cohesion_of(record, &comity_caucus::Filter::default(), &group)
                .into_iter()
                .rev()
                .take(5)
                .map(|(s, c)| (s, format!("{c:.2}")))
                .collect()
        })
        .unwrap_or_default();
    Some(OrganSection { items, cohesion })
}
