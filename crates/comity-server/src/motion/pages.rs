//! Motions: the list, the tabling form, a motion's page with its amendments, roll calls and
//! the forms the viewer's roles allow, and the one POST that carries every act on a motion.
//! Forms that fail come back with the field named and the input kept.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use comity_core::motion;
use comity_core::motion::{Item, Motion, Seat, parse_vote, vote_code};
use comity_core::{Command, Timestamp};
use serde::Deserialize;

use crate::i18n::Tr;
use crate::kit::form::{execute, form_page, form_status, gate};
use crate::kit::names::{organ_name, seat_label};
use crate::labels;
use crate::web::{Chrome, Req, Shared, no_store, not_found, render_with};

pub struct MotionRow {
    pub id: u64,
    pub title: String,
    pub organ: String,
    pub decision: String,
    pub status: String,
    pub sponsor: String,
}

#[derive(Template)]
#[template(path = "motion/motions.html")]
struct ListPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    motions: Vec<MotionRow>,
    signed_in: bool,
    pager: crate::kit::paging::Pager,
}

/// The tabling form's fields, kept when it comes back.
#[derive(Deserialize, Default, Clone)]
pub struct TableForm {
    #[serde(default)]
    pub decision: String,
    #[serde(default)]
    pub sponsor: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub csrf: String,
}

#[derive(Template)]
#[template(path = "motion/motion_new.html")]
struct NewPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    /// (decision kind, organ name)
    decisions: Vec<(String, String)>,
    seats: Vec<String>,
    f: TableForm,
    /// (field, message)
    error: (String, String),
}

pub struct AmendmentRow {
    pub number: u32,
    pub title: String,
    pub text: String,
    pub group: String,
    pub sponsor: String,
    pub status: String,
}

pub struct VoteView {
    pub item: String,
    pub closed_at: String,
    pub outcome: String,
    pub explanation: String,
    pub objections: String,
    /// (state code, state name, vote label)
    pub roll: Vec<(String, String, String)>,
    pub yes: u64,
    pub no: u64,
    pub abstain: u64,
    pub absent: u64,
}

pub struct BallotView {
    pub item: String,
    pub closes_at: String,
    pub voted: usize,
    pub electorate: usize,
    /// (state code, name, vote label or empty)
    pub roll: Vec<(String, String, String)>,
}

/// Which forms this viewer may use now.
#[derive(Default)]
pub struct Forms {
    pub amend: Vec<String>,
    pub cosponsor: Vec<String>,
    pub withdraw: bool,
    pub debate: bool,
    pub open_vote: bool,
    pub close_vote: bool,
    pub casting_vote: bool,
    /// States the viewer votes for on the open item.
    pub vote_for: Vec<String>,
}

#[derive(Deserialize, Default, Clone)]
pub struct ActForm {
    #[serde(default)]
    pub act: String,
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub sponsor: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub group: String,
    #[serde(default)]
    pub amendment: String,
    #[serde(default)]
    pub closes_at: String,
    #[serde(default)]
    pub order: String,
    #[serde(default)]
    pub state: String,
    #[serde(default)]
    pub vote: String,
    #[serde(default)]
    pub casting_vote: String,
    /// An opinion: the organ and its position (the text is `text`).
    #[serde(default)]
    pub organ: String,
    #[serde(default)]
    pub position: String,
    /// A network's division: `act:organ`, and its counts.
    #[serde(default)]
    pub division: String,
    #[serde(default)]
    pub yes: String,
    #[serde(default)]
    pub no: String,
    #[serde(default)]
    pub abstain: String,
    /// A network member's vote: its accreditation number (the vote is `vote`).
    #[serde(default)]
    pub member: String,
}

#[derive(Template)]
#[template(path = "motion/motion.html")]
struct MotionPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    id: u64,
    title: String,
    organ_id: String,
    organ: String,
    decision: String,
    rule: String,
    status: String,
    sponsor: String,
    cosponsors: String,
    tabled_at: String,
    text: String,
    original_text: String,
    amendments: Vec<AmendmentRow>,
    order: String,
    ballot: Option<BallotView>,
    votes: Vec<VoteView>,
    acts: Vec<crate::kit::acts::ActLine>,
    forms: Forms,
    network: crate::network::on_motion::NetworkSection,
    /// The consultations that informed this motion, or whose synthesis it adopts: (id, title).
    consultations: Vec<(u64, String)>,
    f: ActForm,
    error: (String, String),
    default_close: String,
}

fn status_label(tr: &Tr<'_>, code: &str) -> String {
    tr.t(&format!("motion-status-{}", code.replace('_', "-")))
}

pub fn rows<'a>(
    tr: &Tr<'_>,
    state: &comity_core::State,
    motions: impl Iterator<Item = &'a Motion>,
) -> Vec<MotionRow> {
    motions
        .map(|m| MotionRow {
            id: m.id,
            title: m.title.clone(),
            organ: organ_name(state, &m.organ),
            decision: m.decision.clone(),
            status: status_label(tr, m.status.code()),
            sponsor: seat_label(state, &m.sponsor),
        })
        .collect()
}

pub async fn list(State(app): State<Shared>, req: Req) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let pager = crate::kit::paging::Pager::on(state.motions.len(), &req);
    let (skip, take) = pager.window();
    let motions = rows(
        &tr,
        &state,
        state.motions.values().rev().skip(skip).take(take),
    );
    render_with(
        StatusCode::OK,
        &ListPage {
            c: req.chrome(&state, "motions"),
            motions,
            signed_in: req.viewer.is_some(),
            pager,
            tr,
        },
    )
}

async fn new_form(app: &Shared, req: &Req, f: TableForm, error: (String, String)) -> Response {
    let Some(v) = &req.viewer else {
        return Redirect::to("/login").into_response();
    };
    let state = app.inst.state().await;
    let Some(adopted) = &state.charter else {
        return not_found(app, req, &state, req.tr(&app.catalog).t("charter-missing"));
    };
    let charter = &adopted.charter;
    let seats = v
        .principal()
        .map(|p| p.seats(&state).iter().map(ToString::to_string).collect())
        .unwrap_or_default();
    let decisions = charter
        .decisions
        .iter()
        .map(|d| (d.kind.clone(), organ_name(&state, &d.organ)))
        .collect();
    let page = NewPage {
        tr: req.tr(&app.catalog),
        c: req.chrome(&state, "motions"),
        decisions,
        seats,
        f,
        error,
    };
    no_store(render_with(form_status(&page.error), &page))
}

#[derive(Deserialize)]
pub struct NewQuery {
    #[serde(default)]
    decision: String,
}

pub async fn new(State(app): State<Shared>, req: Req, Query(q): Query<NewQuery>) -> Response {
    let f = TableForm {
        decision: q.decision,
        ..TableForm::default()
    };
    new_form(&app, &req, f, (String::new(), String::new())).await
}

pub async fn create(State(app): State<Shared>, req: Req, Form(f): Form<TableForm>) -> Response {
    let tr = req.tr(&app.catalog);
    if let Err(why) = gate(&app, &req, &f.csrf) {
        return why.answer(&[], "act", |e| new_form(&app, &req, f, e)).await;
    }
    if f.decision.trim().is_empty() {
        return new_form(
            &app,
            &req,
            f,
            ("decision".into(), tr.t("form-choose-decision")),
        )
        .await;
    }
    if f.sponsor.trim().is_empty() {
        return new_form(
            &app,
            &req,
            f,
            ("sponsor".into(), tr.t("form-choose-sponsor")),
        )
        .await;
    }
    let cmd = Command::Motion(motion::Command::TableMotion {
        decision: f.decision.clone(),
        title: f.title.clone(),
        text: f.text.clone(),
        sponsor: Seat::parse(&f.sponsor),
    });
    match execute(&app, &req, &cmd).await {
        Ok(seqs) => {
            let id = crate::motion::api::tabled_motion(&*app.inst.state().await, &seqs);
            Redirect::to(&format!("/motions/{id}")).into_response()
        }
        Err(e) => new_form(&app, &req, f, e).await,
    }
}

fn explain(tr: &Tr<'_>, t: &comity_voting::rules::Tally) -> String {
    labels::tally(tr, t)
}

async fn motion_page(
    app: &Shared,
    req: &Req,
    id: u64,
    f: ActForm,
    error: (String, String),
) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let Some(m) = state.motions.get(&id) else {
        return not_found(app, req, &state, tr.t1("not-found-motion", "id", id));
    };
    let acts = match crate::kit::acts::lines(app.inst.store(), &state, &tr, &m.acts).await {
        Ok(a) => a,
        Err(e) => return crate::web::internal("reading a motion's entries", e),
    };
    let charter = state.charter.as_ref().map(|a| &a.charter);
    let name = |iso: &comity_core::Iso3| {
        state
            .registry
            .country(iso)
            .map_or(iso.to_string(), |c| c.name.clone())
    };
    let vote_label = |v: comity_voting::rules::Vote| tr.t(&format!("vote-{}", vote_code(v)));
    let item_label = |i: Item| match i {
        Item::Motion => tr.t("item-motion"),
        Item::Amendment(n) => tr.t1("item-amendment", "n", n),
    };
    let mut forms = Forms::default();
    if let (Some(who), Some(ch)) = (req.principal(), charter) {
        let acts = motion::available(&state, &who, crate::now(), id);
        let seats = |seats: Vec<motion::Seat>| seats.iter().map(ToString::to_string).collect();
        forms = Forms {
            amend: seats(acts.amend),
            cosponsor: seats(acts.cosponsor),
            withdraw: acts.withdraw,
            debate: acts.open_debate,
            open_vote: acts.open_vote,
            close_vote: acts.close_vote,
            casting_vote: ch
                .decision(&m.decision)
                .is_some_and(|d| d.chair_casting_vote),
            vote_for: acts.vote_for.iter().map(ToString::to_string).collect(),
        };
    }
    let ballot = m.ballot.as_ref().map(|b| BallotView {
        item: item_label(b.item),
        closes_at: b.closes_at.to_string(),
        voted: b.votes.len(),
        electorate: b.electorate.len(),
        roll: b
            .electorate
            .iter()
            .map(|iso| {
                (
                    iso.to_string(),
                    name(iso),
                    b.votes.get(iso).map(|v| vote_label(*v)).unwrap_or_default(),
                )
            })
            .collect(),
    });
    let votes = m
        .votes
        .iter()
        .map(|r| VoteView {
            item: item_label(r.item),
            closed_at: r.closed_at.to_string(),
            outcome: tr.t(&format!("outcome-{}", outcome_code(r.tally.outcome))),
            explanation: explain(&tr, &r.tally),
            objections: r
                .objections
                .iter()
                .map(&name)
                .collect::<Vec<_>>()
                .join(", "),
            roll: r
                .roll
                .iter()
                .map(|(iso, v)| (iso.to_string(), name(iso), vote_label(*v)))
                .collect(),
            yes: r.tally.yes,
            no: r.tally.no,
            abstain: r.tally.abstain,
            absent: r.tally.absent,
        })
        .collect();
    let spec = charter.and_then(|c| c.decision(&m.decision));
    let who = req.principal();
    let network = crate::network::on_motion::section(&tr, &state, m, who.as_ref(), crate::now());
    let consultations = state
        .consultations
        .informing(id)
        .map(|c| (c.id, c.title.clone()))
        .collect();
    let page = MotionPage {
        network,
        consultations,
        c: req.chrome(&state, "motions"),
        id,
        title: m.title.clone(),
        organ_id: m.organ.clone(),
        organ: organ_name(&state, &m.organ),
        decision: m.decision.clone(),
        rule: spec.map(|d| labels::rule(&tr, &d.rule)).unwrap_or_default(),
        status: status_label(&tr, m.status.code()),
        sponsor: seat_label(&state, &m.sponsor),
        cosponsors: m
            .cosponsors
            .iter()
            .map(|s| seat_label(&state, s))
            .collect::<Vec<_>>()
            .join(", "),
        tabled_at: m.tabled_at.to_string(),
        text: m.text.clone(),
        original_text: if m.text == m.original_text {
            String::new()
        } else {
            m.original_text.clone()
        },
        amendments: m
            .amendments
            .iter()
            .map(|a| AmendmentRow {
                number: a.number,
                title: a.title.clone(),
                text: a.text.clone(),
                group: a.group.clone().unwrap_or_default(),
                sponsor: seat_label(&state, &a.sponsor),
                status: tr.t(&format!("amendment-status-{}", a.status.code())),
            })
            .collect(),
        order: m
            .effective_order()
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", "),
        ballot,
        votes,
        acts,
        forms,
        f,
        error,
        default_close: Timestamp::from_unix(crate::now().unix() + 7 * 86_400).to_string(),
        tr,
    };
    form_page(req, &page.error, &page)
}

pub fn outcome_code(o: comity_voting::rules::Outcome) -> &'static str {
    match o {
        comity_voting::rules::Outcome::Adopted => "adopted",
        comity_voting::rules::Outcome::Rejected => "rejected",
        comity_voting::rules::Outcome::NoQuorum => "no-quorum",
    }
}

pub async fn page(State(app): State<Shared>, req: Req, Path(id): Path<String>) -> Response {
    let Ok(id) = id.parse::<u64>() else {
        let state = app.inst.state().await;
        return not_found(
            &app,
            &req,
            &state,
            req.tr(&app.catalog).t1("not-found-motion", "id", id),
        );
    };
    motion_page(
        &app,
        &req,
        id,
        ActForm::default(),
        (String::new(), String::new()),
    )
    .await
}

/// Build the command an act form asks for, or name the field that is wrong.
pub fn act_command(tr: &Tr<'_>, id: u64, f: &ActForm) -> Result<Command, (String, String)> {
    let bad = |field: &str, msg: String| Err((field.to_owned(), msg));
    Ok(match f.act.as_str() {
        "amend" => Command::Motion(motion::Command::TableAmendment {
            motion: id,
            title: f.title.clone(),
            text: f.text.clone(),
            group: Some(f.group.clone()).filter(|g| !g.trim().is_empty()),
            sponsor: Seat::parse(&f.sponsor),
        }),
        "cosponsor" => Command::Motion(motion::Command::Cosponsor {
            motion: id,
            seat: Seat::parse(&f.sponsor),
        }),
        "withdraw" => Command::Motion(motion::Command::WithdrawMotion { motion: id }),
        "withdraw_amendment" => match f.amendment.trim().parse() {
            Ok(n) => Command::Motion(motion::Command::WithdrawAmendment {
                motion: id,
                amendment: n,
            }),
            Err(_) => return bad("amendment", tr.t("form-number")),
        },
        "debate" => Command::Motion(motion::Command::OpenDebate { motion: id }),
        "open_vote" => {
            let Ok(closes_at) = Timestamp::parse(f.closes_at.trim()) else {
                return bad("closes_at", tr.t("form-time"));
            };
            let order = if f.order.trim().is_empty() {
                None
            } else {
                let parsed: Result<Vec<u32>, _> = f
                    .order
                    .split(|c: char| c == ',' || c.is_whitespace())
                    .filter(|s| !s.is_empty())
                    .map(str::parse)
                    .collect();
                match parsed {
                    Ok(o) => Some(o),
                    Err(_) => return bad("order", tr.t("form-order")),
                }
            };
            Command::Motion(motion::Command::OpenVote {
                motion: id,
                closes_at,
                order,
            })
        }
        "vote" => {
            let Ok(state) = comity_core::Iso3::parse(f.state.trim()) else {
                return bad("vote", tr.t("form-choose-state"));
            };
            let Some(vote) = parse_vote(&f.vote) else {
                return bad("vote", tr.t("form-choose-vote"));
            };
            Command::Motion(motion::Command::CastVote {
                motion: id,
                state,
                vote,
            })
        }
        "close_vote" => Command::Motion(motion::Command::CloseVote {
            motion: id,
            casting_vote: match f.casting_vote.as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            },
        }),
        "opinion" | "network_vote" | "open_division" | "network_member_vote" | "close_division" => {
            crate::network::on_motion::command(tr, id, f)?
        }
        _ => return bad("act", tr.t("form-unknown-act")),
    })
}

pub async fn act(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<u64>,
    Form(f): Form<ActForm>,
) -> Response {
    let tr = req.tr(&app.catalog);
    if let Err(why) = gate(&app, &req, &f.csrf) {
        return why
            .answer(&[], "act", |e| motion_page(&app, &req, id, f, e))
            .await;
    }
    let cmd = match act_command(&tr, id, &f) {
        Ok(c) => c,
        Err(e) => return motion_page(&app, &req, id, f, e).await,
    };
    match execute(&app, &req, &cmd).await {
        Ok(_) => Redirect::to(&format!("/motions/{id}")).into_response(),
        Err(e) => motion_page(&app, &req, id, f, e).await,
    }
}
