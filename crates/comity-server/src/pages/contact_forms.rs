//! Two small forms: a member names its democracy officer (seed 003), and an organ files a
//! report to the organ it answers to (seed 000: the Summit receives them). Each is shown only
//! to those `authorize` lets act; a refusal comes back with the field named, the input kept.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use comity_core::auth::authorize;
use comity_core::{Command, Iso3};
use comity_core::{membership, reporting};
use serde::Deserialize;

use crate::i18n::Tr;
use crate::kit::form::{csrf_ok, form_error, within};
use crate::web::{Chrome, Req, Shared, no_store, not_found, render_with};

#[derive(Deserialize, Default)]
pub struct ContactForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub office: String,
    #[serde(default)]
    pub contact: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub period: String,
    #[serde(default)]
    pub text: String,
}

#[derive(Template)]
#[template(path = "membership/officer_form.html")]
struct OfficerPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    iso3: String,
    state_name: String,
    /// The officer on record: name, office, contact.
    current: Option<(String, String, String)>,
    allowed: bool,
    f: ContactForm,
    error: (String, String),
}

#[derive(Template)]
#[template(path = "membership/report_form.html")]
struct ReportPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    organ: String,
    organ_name: String,
    allowed: bool,
    f: ContactForm,
    error: (String, String),
}

fn officer_cmd(iso: &Iso3, f: &ContactForm) -> Command {
    Command::Membership(membership::Command::DesignateDemocracyOfficer {
        state: iso.clone(),
        name: f.name.clone(),
        office: f.office.clone(),
        contact: f.contact.clone(),
    })
}

async fn officer_page(
    app: &Shared,
    req: &Req,
    code: &str,
    f: ContactForm,
    error: (String, String),
) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let Some(country) = Iso3::parse(&code.to_ascii_uppercase())
        .ok()
        .and_then(|iso| state.registry.country(&iso).cloned())
    else {
        let msg = tr.t1("not-found-member", "iso3", code);
        return not_found(app, req, &state, msg);
    };
    let allowed = req.principal().is_some_and(|w| {
        authorize(
            &w,
            &officer_cmd(&country.iso3, &ContactForm::default()),
            &state,
        )
        .is_ok()
    });
    let page = OfficerPage {
        c: req.chrome(&state, "members"),
        iso3: country.iso3.to_string(),
        state_name: country.name.clone(),
        current: state
            .democracy_officers
            .get(&country.iso3)
            .map(|o| (o.name.clone(), o.office.clone(), o.contact.clone())),
        allowed,
        f,
        error: error.clone(),
        tr,
    };
    no_store(render_with(crate::kit::form::form_status(&error), &page))
}

pub async fn officer(State(app): State<Shared>, req: Req, Path(code): Path<String>) -> Response {
    officer_page(
        &app,
        &req,
        &code,
        ContactForm::default(),
        Default::default(),
    )
    .await
}

pub async fn officer_post(
    State(app): State<Shared>,
    req: Req,
    Path(code): Path<String>,
    Form(f): Form<ContactForm>,
) -> Response {
    let tr = req.tr(&app.catalog);
    let Some(who) = req.principal() else {
        return Redirect::to("/login").into_response();
    };
    if !csrf_ok(&req, &f.csrf) {
        let e = ("name".to_owned(), tr.t("form-csrf-failed"));
        return officer_page(&app, &req, &code, f, e).await;
    }
    let Ok(iso) = Iso3::parse(&code.to_ascii_uppercase()) else {
        return officer_page(&app, &req, &code, f, Default::default()).await;
    };
    match app
        .inst
        .execute_as(&who, crate::now(), &officer_cmd(&iso, &f))
        .await
    {
        Ok(_) => Redirect::to(&format!("/members/{iso}")).into_response(),
        Err(e) => {
            let e = within(form_error(&tr, &e), &["name", "office", "contact"], "name");
            officer_page(&app, &req, &code, f, e).await
        }
    }
}

fn report_cmd(organ: &str, f: &ContactForm) -> Command {
    Command::Reporting(reporting::Command::SubmitReport {
        organ: organ.to_owned(),
        title: f.title.clone(),
        period: f.period.clone(),
        text: f.text.clone(),
    })
}

async fn report_page(
    app: &Shared,
    req: &Req,
    id: &str,
    f: ContactForm,
    error: (String, String),
) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let Some(organ) = state
        .charter
        .as_ref()
        .and_then(|a| a.charter.organ(id))
        .cloned()
    else {
        let msg = tr.t1("not-found-organ", "id", id);
        return not_found(app, req, &state, msg);
    };
    let allowed = req.principal().is_some_and(|w| {
        authorize(&w, &report_cmd(&organ.id, &ContactForm::default()), &state).is_ok()
    });
    let page = ReportPage {
        c: req.chrome(&state, "organs"),
        organ: organ.id.clone(),
        organ_name: organ.name.clone(),
        allowed,
        f,
        error: error.clone(),
        tr,
    };
    no_store(render_with(crate::kit::form::form_status(&error), &page))
}

pub async fn report(State(app): State<Shared>, req: Req, Path(id): Path<String>) -> Response {
    report_page(&app, &req, &id, ContactForm::default(), Default::default()).await
}

pub async fn report_post(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<String>,
    Form(f): Form<ContactForm>,
) -> Response {
    let tr = req.tr(&app.catalog);
    let Some(who) = req.principal() else {
        return Redirect::to("/login").into_response();
    };
    if !csrf_ok(&req, &f.csrf) {
        let e = ("title".to_owned(), tr.t("form-csrf-failed"));
        return report_page(&app, &req, &id, f, e).await;
    }
    match app
        .inst
        .execute_as(&who, crate::now(), &report_cmd(&id, &f))
        .await
    {
        Ok(_) => Redirect::to(&format!("/organs/{id}")).into_response(),
        Err(e) => {
            let e = within(form_error(&tr, &e), &["title", "period", "text"], "title");
            report_page(&app, &req, &id, f, e).await
        }
    }
}

/// One member in the directory: code, name, and its officer (name, office, contact) if named.
pub struct OfficerRow {
    pub iso3: String,
    pub state: String,
    pub officer: Option<(String, String, String)>,
}

#[derive(Template)]
#[template(path = "membership/democracy_officers.html")]
struct DirectoryPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    rows: Vec<OfficerRow>,
    named: usize,
}

/// Every member's democracy officer (seed 003), for civil society and journalists who need
/// the contact in a given state; members that have named none are listed too.
pub fn directory(state: &comity_core::State) -> Vec<OfficerRow> {
    state
        .members
        .keys()
        .map(|iso| OfficerRow {
            iso3: iso.to_string(),
            state: crate::kit::names::state_name(state, iso.as_str()),
            officer: state
                .democracy_officers
                .get(iso)
                .map(|o| (o.name.clone(), o.office.clone(), o.contact.clone())),
        })
        .collect()
}

pub async fn officers(State(app): State<Shared>, req: Req) -> Response {
    let state = app.inst.state().await;
    let rows = directory(&state);
    let page = DirectoryPage {
        tr: req.tr(&app.catalog),
        c: req.chrome(&state, "members"),
        named: rows.iter().filter(|r| r.officer.is_some()).count(),
        rows,
    };
    render_with(axum::http::StatusCode::OK, &page)
}
