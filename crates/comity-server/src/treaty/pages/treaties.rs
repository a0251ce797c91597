//! Treaties: the list (with the secretariat's form to open a drafting), and a treaty's page:
//! its text with the brackets marked, the chart of brackets per round, the negotiating
//! history, adoption and signature, the status table, the chart of deposits against the
//! clause's threshold, entry into force in words, and the forms the viewer's roles allow
//! (`treaty_acts.rs` carries them out). Redlines and downloads are in `treaty_docs.rs`.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use comity_core::auth::authorize;
use comity_core::ids::Day;
use comity_core::treaty;
use comity_core::treaty::eif::Instrument;
use comity_core::treaty::record::TreatyRecord;
use comity_core::treaty::text::Draft;
use comity_core::{Command, Iso3, Principal};
use serde::Deserialize;

use crate::i18n::Tr;
use crate::kit::form::{form_error, form_page, gate};
use crate::kit::names::organ_name;
use crate::treaty::chart::{DepositsChart, RoundsChart, deposits_chart, rounds_chart};
use crate::treaty::pages::acts::ActForm;
use crate::treaty::view::{
    EifView, PartView, Piece, ProposalView, RoundView, SettlementView, StatusView, bracket_options,
    eif_view, part_label, proposal_views, round_views, settlement_views, stage_label, status_views,
    text_view,
};
use crate::web::{Chrome, Req, Shared, not_found};

pub struct TreatyRow {
    pub id: String,
    pub title: String,
    pub stage: String,
    pub organ_id: String,
    pub organ: String,
    pub round: u32,
    pub open: usize,
    pub eif: String,
}

pub fn rows(tr: &Tr<'_>, state: &comity_core::State, organ: Option<&str>) -> Vec<TreatyRow> {
    state
        .treaties
        .values()
        .filter(|t| organ.is_none_or(|o| t.organ == o))
        .map(|t| TreatyRow {
            id: t.id.clone(),
            title: t.title.clone(),
            stage: stage_label(tr, t),
            organ_id: t.organ.clone(),
            organ: organ_name(state, &t.organ),
            round: t.round(),
            open: t.text().map_or(0, |d| d.open_brackets().total),
            eif: t
                .eif
                .entry_into_force
                .map(|d| d.to_string())
                .unwrap_or_default(),
        })
        .collect()
}

/// The form that opens a treaty's drafting, kept when it comes back.
#[derive(Deserialize, Default, Clone)]
pub struct OpenForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub organ: String,
    #[serde(default)]
    pub file: String,
    #[serde(default)]
    pub text: String,
}

#[derive(Template)]
#[template(path = "treaty/treaties.html")]
struct ListPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    treaties: Vec<TreatyRow>,
    pager: crate::kit::paging::Pager,
    /// (id, name) of the organs a treaty may be drafted in, when the viewer may open one.
    organs: Vec<(String, String)>,
    f: OpenForm,
    error: (String, String),
}

fn may(who: Option<&Principal>, state: &comity_core::State, cmd: &Command) -> bool {
    who.is_some_and(|w| authorize(w, cmd, state).is_ok())
}

async fn list_page(app: &Shared, req: &Req, f: OpenForm, error: (String, String)) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let who = req.principal();
    let open = Command::Treaty(treaty::Command::OpenTreaty {
        organ: String::new(),
        file_name: String::new(),
        file: String::new(),
        text: String::new(),
    });
    let organs = match &state.charter {
        Some(a) if may(who.as_ref(), &state, &open) => a
            .charter
            .organs
            .iter()
            .map(|o| (o.id.clone(), o.name.clone()))
            .collect(),
        _ => Vec::new(),
    };
    let treaties = rows(&tr, &state, None);
    let pager = crate::kit::paging::Pager::on(treaties.len(), req);
    let page = ListPage {
        c: req.chrome(&state, "treaties"),
        treaties: pager.slice(treaties),
        pager,
        organs,
        f,
        error,
        tr,
    };
    form_page(req, &page.error, &page)
}

pub async fn list(State(app): State<Shared>, req: Req) -> Response {
    list_page(
        &app,
        &req,
        OpenForm::default(),
        (String::new(), String::new()),
    )
    .await
}

/// The name treaty files carry in error messages from the form.
const FORM_FILE: &str = "treaty.toml";

/// The secretariat opens a treaty's drafting. The file and the text are read by `decide`,
/// after `authorize`, and a refusal names the field that is wrong.
pub async fn create(State(app): State<Shared>, req: Req, Form(f): Form<OpenForm>) -> Response {
    let tr = req.tr(&app.catalog);
    let who = match gate(&app, &req, &f.csrf) {
        Ok(who) => who,
        Err(why) => {
            return why
                .answer(&[], "act", |e| list_page(&app, &req, f, e))
                .await;
        }
    };
    let cmd = Command::Treaty(treaty::Command::OpenTreaty {
        organ: f.organ.trim().to_owned(),
        file_name: FORM_FILE.to_owned(),
        file: f.file.clone(),
        text: f.text.clone(),
    });
    match app.inst.execute_as(&who, crate::now(), &cmd).await {
        Ok(entries) => {
            let state = app.inst.state().await;
            let seq = entries.first().map_or(0, |e| e.seq);
            match state.treaties.values().find(|t| t.opened_seq == seq) {
                Some(t) => Redirect::to(&format!("/treaties/{}", t.id)).into_response(),
                None => Redirect::to("/treaties").into_response(),
            }
        }
        Err(e) => {
            let (_, msg) = form_error(&tr, &e);
            let field = crate::treaty::pages::acts::field_of("open", "", true, &e);
            let field = field.strip_prefix("open_").unwrap_or(&field).to_owned();
            list_page(&app, &req, f, (field, msg)).await
        }
    }
}

/// Which forms this viewer may use now, and for whom.
#[derive(Default)]
pub struct Forms {
    /// Some act is open to the viewer.
    pub any: bool,
    pub open_round: bool,
    pub settle: bool,
    pub adopt: bool,
    pub open_signature: bool,
    /// Seats the viewer may propose a wording for: (value, label).
    pub propose: Vec<(String, String)>,
    /// States the viewer may act for in each form, (code, name): those yet to sign, those
    /// yet to deposit, any (to object), the parties (to withdraw).
    pub sign: Vec<(String, String)>,
    pub deposit: Vec<(String, String)>,
    pub object: Vec<(String, String)>,
    pub withdraw: Vec<(String, String)>,
}

fn forms(who: Option<&Principal>, state: &comity_core::State, t: &TreatyRecord) -> Forms {
    let Some(who) = who else {
        return Forms::default();
    };
    let day = Day::of(crate::now()).unwrap_or_else(|| Day::from_date(time::Date::MIN));
    let acts = treaty::available(state, who, day, t);
    // States by name, as the forms list them.
    let named = |states: Vec<Iso3>| {
        let mut v: Vec<(String, String)> = states
            .iter()
            .map(|i| (i.to_string(), crate::kit::names::state_name(state, i)))
            .collect();
        v.sort_by(|a, b| a.1.cmp(&b.1));
        v
    };
    Forms {
        any: acts.any(),
        open_round: acts.open_round,
        settle: acts.settle,
        adopt: acts.adopt,
        open_signature: acts.open_signature,
        propose: acts
            .propose
            .iter()
            .map(|seat| (seat.to_string(), crate::kit::names::seat_label(state, seat)))
            .collect(),
        sign: named(acts.sign),
        deposit: named(acts.deposit),
        object: named(acts.object),
        withdraw: named(acts.withdraw),
    }
}

pub struct AdoptionView {
    pub seq: u64,
    pub motion: u64,
    pub round: u32,
    pub day: String,
    pub hash: String,
}

#[derive(Template)]
#[template(path = "treaty/treaty.html")]
struct TreatyPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    id: String,
    title: String,
    short_title: String,
    depositary: String,
    organ_id: String,
    organ: String,
    stage: String,
    round: u32,
    title_pieces: Vec<Piece>,
    parts: Vec<PartView>,
    open_total: usize,
    /// Open brackets per part of the current text: (label, count).
    counts: Vec<(String, usize)>,
    rounds_chart: RoundsChart,
    rounds: Vec<RoundView>,
    proposals: Vec<ProposalView>,
    settlements: Vec<SettlementView>,
    adoption: Option<AdoptionView>,
    /// When and where it opened for signature, in a sentence.
    signature: Option<String>,
    status: Vec<StatusView>,
    deposits_chart: Option<DepositsChart>,
    /// (day, instruments counted so far)
    deposit_figures: Vec<(String, usize)>,
    threshold: Option<u32>,
    eif: EifView,
    eif_seq: Option<u64>,
    /// The redline the page links to: (from, to).
    redline: (u32, u32),
    /// The quantity the clause weighs, described, for the deposit form's share.
    weighs: String,
    /// Brackets of the current text for the forms' selects: (address, text).
    brackets: Vec<(String, String)>,
    /// (code, name) of states with reservations, for the objection form.
    reserving: Vec<(String, String)>,
    instruments: Vec<(&'static str, String)>,
    today: String,
    forms: Forms,
    f: ActForm,
    error: (String, String),
    acts: Vec<crate::kit::acts::ActLine>,
}

/// The treaty's page, with whatever a failed form adds; 422 when it carries an error.
pub async fn render_page(
    app: &Shared,
    req: &Req,
    id: &str,
    f: ActForm,
    error: (String, String),
) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let Some(t) = state.treaties.get(id) else {
        return not_found(app, req, &state, tr.t1("not-found-treaty", "id", id));
    };
    let acts = match crate::kit::acts::lines(app.inst.store(), &state, &tr, &t.acts).await {
        Ok(a) => a,
        Err(e) => return crate::web::internal("reading a treaty's entries", e),
    };
    let who = req.principal();
    let empty = Draft {
        title: Vec::new(),
        preamble: Vec::new(),
        articles: Vec::new(),
    };
    let draft = t.text().unwrap_or(&empty);
    let (title_pieces, parts) = text_view(&tr, draft);
    let open = draft.open_brackets();
    let counts = open
        .per_part
        .iter()
        .map(|(eid, n)| (part_label(&tr, draft, eid), *n))
        .collect();
    let rounds = round_views(t);
    let chart_data: Vec<(u32, usize, usize)> = rounds
        .iter()
        .map(|r| (r.number, r.open_start, r.open_end))
        .collect();
    let series = t.deposits_over_time();
    let threshold = t.instrument_threshold();
    let deposits_chart = deposits_chart(
        &tr,
        &series,
        threshold,
        t.signature.as_ref().map(|s| s.0),
        t.eif.entry_into_force,
    );
    let round = t.round();
    let reserving = t
        .deposits
        .iter()
        .filter(|d| !d.reservations.is_empty())
        .map(|d| {
            (
                d.deposit.state.to_string(),
                crate::kit::names::state_name(&state, &d.deposit.state),
            )
        })
        .collect();
    let page = TreatyPage {
        c: req.chrome(&state, "treaties"),
        id: t.id.clone(),
        title: t.title.clone(),
        short_title: t.file.info.short_title.clone().unwrap_or_default(),
        depositary: t.file.info.depositary.clone().unwrap_or_default(),
        organ_id: t.organ.clone(),
        organ: organ_name(&state, &t.organ),
        stage: stage_label(&tr, t),
        round,
        title_pieces,
        parts,
        open_total: open.total,
        counts,
        rounds_chart: rounds_chart(&tr, &chart_data),
        rounds,
        proposals: proposal_views(&state, t),
        settlements: settlement_views(&tr, t),
        adoption: t.adopted.as_ref().map(|a| AdoptionView {
            seq: a.seq,
            motion: a.motion,
            round: a.round,
            day: a.day.map(|d| d.to_string()).unwrap_or_default(),
            hash: a.text_sha256.to_string(),
        }),
        signature: t.signature.as_ref().map(|(d, p)| {
            tr.t2(
                "treaty-opened-for-signature",
                "date",
                crate::treaty::view::ltr(&tr, d),
                "place",
                p.clone(),
            )
        }),
        status: status_views(&tr, &state, t),
        deposits_chart,
        deposit_figures: series.iter().map(|(d, n)| (d.to_string(), *n)).collect(),
        threshold,
        eif: eif_view(&tr, t),
        eif_seq: t.eif_seq,
        redline: (round.saturating_sub(1), round),
        weighs: t
            .file
            .weighed_quantity()
            .map(|q| {
                t.file
                    .quantities
                    .get(q)
                    .map_or_else(|| q.to_owned(), |i| i.description.clone())
            })
            .unwrap_or_default(),
        brackets: bracket_options(draft),
        reserving,
        instruments: Instrument::ALL
            .iter()
            .map(|i| (i.as_str(), crate::treaty::view::instrument_label(&tr, *i)))
            .collect(),
        today: Day::of(crate::now())
            .map(|d| d.to_string())
            .unwrap_or_default(),
        forms: forms(who.as_ref(), &state, t),
        f,
        error,
        acts,
        tr,
    };
    form_page(req, &page.error, &page)
}

pub async fn page(State(app): State<Shared>, req: Req, Path(id): Path<String>) -> Response {
    render_page(
        &app,
        &req,
        &id,
        ActForm::default(),
        (String::new(), String::new()),
    )
    .await
}
