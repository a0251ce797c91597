//! A member names its democracy officer (seed 003), and the directory of every member's
//! officer. The form is shown only to those `authorize` lets act; a refusal comes back with
//! the field named, the input kept.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use comity_core::auth::authorize;
use comity_core::membership;
use comity_core::{Command, Iso3};
use serde::Deserialize;

use crate::i18n::Tr;
use crate::kit::form::{FieldError, form_status, submit};
use crate::web::{Chrome, Req, Shared, no_store, not_found, render_with};

#[derive(Deserialize, Default)]
pub struct OfficerForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub office: String,
    #[serde(default)]
    pub contact: String,
}

const FIELDS: [&str; 3] = ["name", "office", "contact"];

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
    f: OfficerForm,
    error: FieldError,
}

fn officer_cmd(iso: &Iso3, f: &OfficerForm) -> Command {
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
    f: OfficerForm,
    error: FieldError,
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
            &officer_cmd(&country.iso3, &OfficerForm::default()),
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
    no_store(render_with(form_status(&error), &page))
}

pub async fn officer(State(app): State<Shared>, req: Req, Path(code): Path<String>) -> Response {
    officer_page(
        &app,
        &req,
        &code,
        OfficerForm::default(),
        Default::default(),
    )
    .await
}

pub async fn officer_post(
    State(app): State<Shared>,
    req: Req,
    Path(code): Path<String>,
    Form(f): Form<OfficerForm>,
) -> Response {
    let Ok(iso) = Iso3::parse(&code.to_ascii_uppercase()) else {
        return officer_page(&app, &req, &code, f, Default::default()).await;
    };
    match submit(&app, &req, &f.csrf, &officer_cmd(&iso, &f)).await {
        Ok(_) => Redirect::to(&format!("/members/{iso}")).into_response(),
        Err(why) => {
            why.answer(&FIELDS, "name", |e| officer_page(&app, &req, &code, f, e))
                .await
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
