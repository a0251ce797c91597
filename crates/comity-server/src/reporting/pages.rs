//! An organ files a report to the organ it answers to (seed 000: the Summit receives them).
//! The form is shown only to those `authorize` lets act; a refusal comes back with the field
//! named, the input kept.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use comity_core::Command;
use comity_core::auth::authorize;
use comity_core::reporting;
use serde::Deserialize;

use crate::i18n::Tr;
use crate::kit::form::{FieldError, form_status, submit};
use crate::web::{Chrome, Req, Shared, no_store, not_found, render_with};

#[derive(Deserialize, Default)]
pub struct ReportForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub period: String,
    #[serde(default)]
    pub text: String,
}

const FIELDS: [&str; 3] = ["title", "period", "text"];

#[derive(Template)]
#[template(path = "reporting/report_form.html")]
struct ReportPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    organ: String,
    organ_name: String,
    allowed: bool,
    f: ReportForm,
    error: FieldError,
}

fn report_cmd(organ: &str, f: &ReportForm) -> Command {
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
    f: ReportForm,
    error: FieldError,
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
        authorize(&w, &report_cmd(&organ.id, &ReportForm::default()), &state).is_ok()
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
    no_store(render_with(form_status(&error), &page))
}

pub async fn report(State(app): State<Shared>, req: Req, Path(id): Path<String>) -> Response {
    report_page(&app, &req, &id, ReportForm::default(), Default::default()).await
}

pub async fn report_post(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<String>,
    Form(f): Form<ReportForm>,
) -> Response {
    match submit(&app, &req, &f.csrf, &report_cmd(&id, &f)).await {
        Ok(_) => Redirect::to(&format!("/organs/{id}")).into_response(),
        Err(why) => {
            why.answer(&FIELDS, "title", |e| report_page(&app, &req, &id, f, e))
                .await
        }
    }
}
