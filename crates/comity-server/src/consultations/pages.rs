//! `/consultations`: the list; `/consultations/{id}`: the question, the structured
//! questions with their figures and charts, who responded, the published submissions, the
//! synthesis the organ adopted and the decisions it informed; `/consultations/{id}/respond`:
//! the response form — as one's state or accredited organisation when signed in, or as
//! anyone (a name and a country) where the organ allows it, with or without an account;
//! `/consultations/{id}/confidential`: the confidential submissions, for the secretariat.

use std::collections::BTreeMap;

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use comity_core::consultations::{self, Answer, Consultation, QuestionKind, Respondent};
use comity_core::{Actor, Command, Iso3, Role};
use comity_store::ExecError;

use super::view::{self, ConsultationDoc};
use crate::i18n::Tr;
use crate::kit::form::{
    FieldError, double_submit, double_submit_ok, form_error, form_status, with_double_submit,
};
use crate::web::{Chrome, Req, Shared, no_store, not_found, render, render_with};

#[derive(Template)]
#[template(path = "consultations/list.html")]
struct ListPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    items: Vec<ConsultationDoc>,
    /// The secretariat sees the form that opens one.
    secretariat: bool,
    file: String,
    error: FieldError,
}

fn is_secretariat(req: &Req) -> bool {
    req.principal().is_some_and(|p| p.has(&Role::Secretariat))
}

async fn list_page(app: &Shared, req: &Req, file: String, error: FieldError) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let today = crate::today();
    let items = state
        .consultations
        .consultations
        .values()
        .rev()
        .map(|c| view::detail(&state, c, today))
        .collect();
    let page = ListPage {
        c: req.chrome(&state, "consultations"),
        items,
        secretariat: is_secretariat(req),
        file,
        error: error.clone(),
        tr,
    };
    crate::kit::form::form_page(req, &error, &page)
}

pub async fn list(State(app): State<Shared>, req: Req) -> Response {
    list_page(&app, &req, String::new(), FieldError::default()).await
}

#[derive(serde::Deserialize, Default)]
pub struct OpenForm {
    #[serde(default)]
    csrf: String,
    /// The consultation as its TOML file reads.
    #[serde(default)]
    file: String,
}

/// The secretariat opens a consultation from its file's text; a bad field is named by line.
pub async fn open_post(State(app): State<Shared>, req: Req, Form(f): Form<OpenForm>) -> Response {
    let cmd = match comity_core::consultations::file::parse("consultation.toml", &f.file) {
        Ok(c) => Command::Consultations(c),
        Err(e) => {
            let error = ("file".to_owned(), e.to_string());
            return list_page(&app, &req, f.file, error).await;
        }
    };
    match crate::kit::form::submit(&app, &req, &f.csrf, &cmd).await {
        Ok(_) => {
            let id = app
                .inst
                .state()
                .await
                .consultations
                .consultations
                .keys()
                .next_back()
                .copied()
                .unwrap_or(0);
            Redirect::to(&format!("/consultations/{id}")).into_response()
        }
        Err(why) => {
            why.answer(&["file"], "file", |e| list_page(&app, &req, f.file, e))
                .await
        }
    }
}

/// A question's chart, where it has figures.
pub struct Chart {
    pub number: u32,
    pub svg: String,
}

#[derive(Template)]
#[template(path = "consultations/consultation.html")]
struct OnePage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    d: ConsultationDoc,
    charts: Vec<Chart>,
    /// The synthesis's text, by paragraph.
    synthesis: Vec<String>,
    secretariat: bool,
    /// The adopted motions of the organ tabled after the close: what may adopt the synthesis.
    may_adopt: Vec<(u64, String)>,
    error: FieldError,
}

fn charts(tr: &Tr<'_>, d: &ConsultationDoc) -> Vec<Chart> {
    d.questions
        .iter()
        .filter(|q| !q.counts.is_empty())
        .map(|q| {
            let labels: Vec<String> = if q.kind == "scale" {
                (1..=5)
                    .map(|p| tr.t(&format!("consultations-scale-{p}")))
                    .collect()
            } else {
                q.options.clone()
            };
            Chart {
                number: q.number,
                svg: view::bars(
                    &format!("q{}", q.number),
                    &tr.t2(
                        "consultations-chart-title",
                        "number",
                        q.number,
                        "count",
                        q.answered,
                    ),
                    &labels,
                    &q.counts,
                ),
            }
        })
        .collect()
}

async fn one_page(app: &Shared, req: &Req, id: u64, error: FieldError) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let Some(c) = state.consultations.consultations.get(&id) else {
        let msg = tr.t1("consultations-unknown", "consultation", id);
        return not_found(app, req, &state, msg);
    };
    let d = view::detail(&state, c, crate::today());
    let secretariat = is_secretariat(req);
    let may_adopt = if secretariat && c.closed.is_some() && c.synthesis.is_none() {
        state
            .motions
            .values()
            .filter(|m| {
                m.organ == c.organ
                    && m.status == comity_core::motion::MotionStatus::Adopted
                    && comity_core::ids::Day::of(m.tabled_at).is_some_and(|d| d > c.closes)
            })
            .map(|m| (m.id, m.title.clone()))
            .collect()
    } else {
        Vec::new()
    };
    let page = OnePage {
        c: req.chrome(&state, "consultations"),
        charts: charts(&tr, &d),
        synthesis: d
            .synthesis
            .as_ref()
            .map(|s| crate::web::paragraphs(&s.text))
            .unwrap_or_default(),
        secretariat,
        may_adopt,
        error: error.clone(),
        d,
        tr,
    };
    crate::kit::form::form_page(req, &error, &page)
}

pub async fn consultation(State(app): State<Shared>, req: Req, Path(id): Path<u64>) -> Response {
    one_page(&app, &req, id, FieldError::default()).await
}

#[derive(serde::Deserialize, Default)]
pub struct ActForm {
    #[serde(default)]
    csrf: String,
    /// `close`, `synthesis` or `link`.
    #[serde(default)]
    act: String,
    #[serde(default)]
    motion: String,
    #[serde(default)]
    note: String,
}

/// The secretariat's acts on a consultation: the close, the synthesis, a link.
pub async fn act_post(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<u64>,
    Form(f): Form<ActForm>,
) -> Response {
    let tr = req.tr(&app.catalog);
    let motion = || {
        f.motion
            .trim()
            .parse::<u64>()
            .map_err(|_| ("motion".to_owned(), tr.t("consultations-pick-motion")))
    };
    let cmd = match f.act.as_str() {
        "close" => Ok(consultations::Command::Close { consultation: id }),
        "synthesis" => motion().map(|m| consultations::Command::AdoptSynthesis {
            consultation: id,
            motion: m,
        }),
        "link" => motion().map(|m| consultations::Command::LinkDecision {
            consultation: id,
            motion: m,
            note: f.note.clone(),
        }),
        _ => Err(("act".to_owned(), tr.t("form-failed"))),
    };
    let cmd = match cmd {
        Ok(c) => Command::Consultations(c),
        Err(e) => return one_page(&app, &req, id, e).await,
    };
    match crate::kit::form::submit(&app, &req, &f.csrf, &cmd).await {
        Ok(_) => Redirect::to(&format!("/consultations/{id}")).into_response(),
        Err(why) => {
            why.answer(&["motion", "note"], "act", |e| one_page(&app, &req, id, e))
                .await
        }
    }
}

/// One way the viewer may respond: `person`, `state:DNK` or `organisation:3`.
pub struct Way {
    pub value: String,
    pub label: String,
}

/// The ways the viewer may respond to `c`, as its audience allows.
fn ways(state: &comity_core::State, tr: &Tr<'_>, req: &Req, c: &Consultation) -> Vec<Way> {
    let mut out = Vec::new();
    let roles = req.principal().map(|p| p.roles.clone()).unwrap_or_default();
    for r in &roles {
        match r {
            Role::StateDelegate(s) if c.audience.states => out.push(Way {
                value: format!("state:{s}"),
                label: tr.t1(
                    "consultations-as-state",
                    "state",
                    crate::kit::names::state_name(state, s),
                ),
            }),
            Role::Accredited(n) if c.audience.organisations => out.push(Way {
                value: format!("organisation:{n}"),
                label: tr.t1(
                    "consultations-as-organisation",
                    "name",
                    state
                        .accreditations
                        .get(n)
                        .map_or_else(|| n.to_string(), |a| a.name.clone()),
                ),
            }),
            _ => {}
        }
    }
    if c.audience.public {
        out.push(Way {
            value: "person".into(),
            label: tr.t("consultations-as-person"),
        });
    }
    out
}

#[derive(Template)]
#[template(path = "consultations/respond.html")]
struct RespondPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    d: ConsultationDoc,
    ways: Vec<Way>,
    /// Anyone may respond.
    public: bool,
    countries: Vec<(String, String)>,
    f: BTreeMap<String, String>,
    csrf: String,
    error: FieldError,
}

impl RespondPage<'_> {
    fn val(&self, k: &str) -> &str {
        self.f.get(k).map_or("", String::as_str)
    }
    fn is(&self, k: &str, v: &str) -> bool {
        self.val(k) == v
    }
}

async fn respond_page(
    app: &Shared,
    req: &Req,
    id: u64,
    f: BTreeMap<String, String>,
    error: FieldError,
) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let Some(c) = state.consultations.consultations.get(&id) else {
        let msg = tr.t1("consultations-unknown", "consultation", id);
        return not_found(app, req, &state, msg);
    };
    let (csrf, fresh) = match double_submit(req) {
        Ok(t) => t,
        Err(e) => return crate::web::internal("making a CSRF token", e),
    };
    let mut countries: Vec<(String, String)> = state
        .registry
        .countries()
        .map(|c| (c.iso3.to_string(), c.name.clone()))
        .collect();
    countries.sort_by(|a, b| a.1.cmp(&b.1));
    let page = RespondPage {
        c: req.chrome(&state, "consultations"),
        ways: ways(&state, &tr, req, c),
        public: c.audience.public,
        d: view::detail(&state, c, crate::today()),
        countries,
        f,
        csrf: csrf.clone(),
        error: error.clone(),
        tr,
    };
    with_double_submit(
        no_store(render_with(form_status(&error), &page)),
        &csrf,
        fresh,
    )
}

pub async fn respond(State(app): State<Shared>, req: Req, Path(id): Path<u64>) -> Response {
    respond_page(&app, &req, id, BTreeMap::new(), FieldError::default()).await
}

/// The command a filled form asks for, or the field that is wrong.
fn read_form(
    tr: &Tr<'_>,
    c: &Consultation,
    f: &BTreeMap<String, String>,
) -> Result<Respondent, FieldError> {
    let get = |k: &str| f.get(k).map_or("", |v| v.trim());
    let way = get("respond_as");
    if let Some(s) = way.strip_prefix("state:") {
        let state = Iso3::parse(s)
            .map_err(|_| ("respond_as".to_owned(), tr.t("consultations-pick-way")))?;
        return Ok(Respondent::State { state });
    }
    if let Some(n) = way.strip_prefix("organisation:") {
        let accreditation = n
            .parse()
            .map_err(|_| ("respond_as".to_owned(), tr.t("consultations-pick-way")))?;
        return Ok(Respondent::Organisation { accreditation });
    }
    if way != "person" && !c.audience.public {
        return Err(("respond_as".to_owned(), tr.t("consultations-pick-way")));
    }
    let country = Iso3::parse(get("country"))
        .map_err(|_| ("country".to_owned(), tr.t("consultations-pick-country")))?;
    let organisation = Some(get("organisation").to_owned()).filter(|o| !o.is_empty());
    Ok(Respondent::Person {
        name: get("name").to_owned(),
        country,
        organisation,
    })
}

/// The answers a form gives: `q1`, `q2`… by question.
pub fn answers_of(
    c: &Consultation,
    f: &BTreeMap<String, String>,
) -> Result<BTreeMap<u32, Answer>, (u32, String)> {
    let mut out = BTreeMap::new();
    for q in &c.questions {
        let Some(v) = f.get(&format!("q{}", q.number)).map(|v| v.trim()) else {
            continue;
        };
        if v.is_empty() {
            continue;
        }
        let a = match &q.kind {
            QuestionKind::Text => Answer::Text(v.to_owned()),
            QuestionKind::Choice { .. } => Answer::Choice(
                v.parse()
                    .map_err(|_| (q.number, format!("{v:?} is not an option")))?,
            ),
            QuestionKind::Scale => Answer::Scale(
                v.parse()
                    .map_err(|_| (q.number, format!("{v:?} is not a point from 1 to 5")))?,
            ),
        };
        out.insert(q.number, a);
    }
    Ok(out)
}

#[derive(Template)]
#[template(path = "consultations/receipt.html")]
struct ReceiptPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    d: ConsultationDoc,
    submission: u64,
    entry: u64,
    entry_hash: String,
    confidential: bool,
}

/// Why a submission was not recorded.
pub enum SubmitError {
    /// A state or an organisation responds through a signed-in account.
    SignIn,
    Exec(ExecError),
}

/// Record a submission: an account acts for its state or organisation (its roles are
/// checked); anyone's response is recorded for the public, under the viewer's account if
/// signed in.
pub async fn submit(
    app: &Shared,
    who: Option<comity_core::Principal>,
    cmd: &Command,
) -> Result<Vec<comity_core::journal::Entry>, SubmitError> {
    let now = crate::now();
    let person = matches!(
        cmd,
        Command::Consultations(consultations::Command::Submit {
            respondent: Respondent::Person { .. },
            ..
        })
    );
    match who {
        Some(who) => app.inst.execute_as(&who, now, cmd).await,
        None if person => app.inst.execute(&Actor::public(), now, cmd).await,
        None => return Err(SubmitError::SignIn),
    }
    .map_err(SubmitError::Exec)
}

pub async fn respond_post(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<u64>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Response {
    let tr = req.tr(&app.catalog);
    let f: BTreeMap<String, String> = fields.into_iter().collect();
    if !double_submit_ok(&req, f.get("csrf").map_or("", String::as_str)) {
        let e = ("act".to_owned(), tr.t("form-csrf-failed"));
        return respond_page(&app, &req, id, f, e).await;
    }
    let built = {
        let state = app.inst.state().await;
        let Some(c) = state.consultations.consultations.get(&id) else {
            let msg = tr.t1("consultations-unknown", "consultation", id);
            return not_found(&app, &req, &state, msg);
        };
        read_form(&tr, c, &f).and_then(|respondent| {
            let answers = answers_of(c, &f).map_err(|(n, e)| (format!("q{n}"), e))?;
            Ok(Command::Consultations(consultations::Command::Submit {
                consultation: id,
                respondent,
                answers,
                confidential: f.get("confidential").is_some_and(|v| !v.is_empty()),
            }))
        })
    };
    let cmd = match built {
        Ok(c) => c,
        Err(e) => return respond_page(&app, &req, id, f, e).await,
    };
    match submit(&app, req.principal(), &cmd).await {
        Ok(entries) => {
            let state = app.inst.state().await;
            let Some(c) = state.consultations.consultations.get(&id) else {
                let msg = tr.t1("consultations-unknown", "consultation", id);
                return not_found(&app, &req, &state, msg);
            };
            let entry = entries.first();
            let number = entry
                .and_then(|e| e.payload.get("submission"))
                .and_then(serde_json::Value::as_u64)
                .unwrap_or(0);
            let page = ReceiptPage {
                c: req.chrome(&state, "consultations"),
                d: view::detail(&state, c, crate::today()),
                submission: number,
                entry: entry.map_or(0, |e| e.seq),
                entry_hash: entry.map(|e| e.hash.to_string()).unwrap_or_default(),
                confidential: f.get("confidential").is_some_and(|v| !v.is_empty()),
                tr,
            };
            no_store(render(&page))
        }
        Err(SubmitError::SignIn) => {
            let error = ("respond_as".to_owned(), tr.t("form-sign-in"));
            respond_page(&app, &req, id, f, error).await
        }
        Err(SubmitError::Exec(e)) => {
            let error = form_error(&tr, &e);
            respond_page(&app, &req, id, f, error).await
        }
    }
}

/// A confidential submission as the secretariat reads it.
pub struct Private {
    pub number: u64,
    pub respondent: String,
    pub answers: Vec<(u32, String)>,
    /// Its content hashes to what the journal recorded.
    pub matches: bool,
}

#[derive(Template)]
#[template(path = "consultations/confidential.html")]
struct ConfidentialPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    d: ConsultationDoc,
    items: Vec<Private>,
}

pub async fn confidential(State(app): State<Shared>, req: Req, Path(id): Path<u64>) -> Response {
    if !req.principal().is_some_and(|p| p.has(&Role::Secretariat)) {
        let state = app.inst.state().await;
        let tr = req.tr(&app.catalog);
        return crate::web::error_page(
            &app,
            &req,
            &state,
            axum::http::StatusCode::FORBIDDEN,
            tr.t("consultations-confidential"),
            tr.t("consultations-confidential-secretariat"),
        );
    }
    let rows = match app.inst.store().confidential_submissions(id).await {
        Ok(r) => r,
        Err(e) => return crate::web::internal("reading confidential submissions", e),
    };
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let Some(c) = state.consultations.consultations.get(&id) else {
        let msg = tr.t1("consultations-unknown", "consultation", id);
        return not_found(&app, &req, &state, msg);
    };
    let items = rows
        .iter()
        .map(|r| Private {
            number: r.submission,
            respondent: match &r.respondent {
                Respondent::Person {
                    name,
                    country,
                    organisation,
                } => format!(
                    "{name}{} — {country}",
                    organisation
                        .as_ref()
                        .map(|o| format!(" ({o})"))
                        .unwrap_or_default()
                ),
                Respondent::Organisation { accreditation } => state
                    .accreditations
                    .get(accreditation)
                    .map_or_else(|| accreditation.to_string(), |a| a.name.clone()),
                Respondent::State { state: s } => crate::kit::names::state_name(&state, s),
            },
            answers: r
                .answers
                .iter()
                .map(|(n, a)| (*n, view::shown(c, *n, a)))
                .collect(),
            matches: c
                .submissions
                .iter()
                .any(|s| s.number == r.submission && s.sha256 == r.sha256()),
        })
        .collect();
    no_store(render(&ConfidentialPage {
        c: req.chrome(&state, "consultations"),
        d: view::detail(&state, c, crate::today()),
        items,
        tr,
    }))
}
