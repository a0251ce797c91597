//! The assembly's long work as background jobs with a progress bar: registering an imported
//! file of respondents (in batches, so the bar moves and other acts are not held up), and the
//! lottery's draw (the selection runs outside the write lock; see
//! `Institution::draw_assembly`). The job's page reloads itself while it runs, then shows the
//! assembly page with the import's report, or sends the reader to the drawn panel.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use comity_core::{DomainError, Principal};
use comity_store::{ExecError, NewVolunteer};

use crate::assembly::pages::{Extra, ImportReport, act_error, render_page};
use crate::i18n::Tr;
use crate::web::{Chrome, Req, Shared, no_store, render_with};

/// Rows registered per act: small enough for the bar to move, large enough to be quick.
pub const BATCH: usize = 500;

/// Imports: the report, and the error that stopped it as (field, message), if any.
pub type Imports = crate::kit::jobs::Jobs<(ImportReport, (String, String))>;
/// Draws: recorded, or the error as (field, message). `current` is the LEXIMIN stage.
pub type Draws = crate::kit::jobs::Jobs<Result<(), (String, String)>>;

#[derive(Template)]
#[template(path = "assembly/job.html")]
struct JobPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    title: String,
    label: String,
    total: usize,
    done: usize,
    status: String,
}

/// Start registering `good` rows (with their lines) in batches; the answer sends the
/// browser to the job's page.
pub fn start_import(
    app: &Shared,
    who: Principal,
    organ: &str,
    good: Vec<(u64, NewVolunteer)>,
    report: ImportReport,
    tr: &Tr<'_>,
) -> Response {
    let Some(id) = app.assembly_imports.start(good.len(), String::new()) else {
        return crate::web::internal("starting an import", "the job list is poisoned");
    };
    // The job's messages are in the language of the person who started it.
    let lang = tr.lang;
    let (app2, organ2) = (app.clone(), organ.to_owned());
    tokio::spawn(async move {
        let outcome = import(&app2, &who, &organ2, id, good, report, lang).await;
        app2.assembly_imports
            .update(id, |j| j.outcome = Some(outcome));
    });
    Redirect::to(&format!("/assemblies/{organ}/imports/{id}")).into_response()
}

async fn import(
    app: &Shared,
    who: &Principal,
    organ: &str,
    id: u64,
    good: Vec<(u64, NewVolunteer)>,
    mut report: ImportReport,
    lang: crate::i18n::Lang,
) -> (ImportReport, (String, String)) {
    let tr = Tr {
        catalog: &app.catalog,
        lang,
    };
    for chunk in good.chunks(BATCH) {
        let people: Vec<NewVolunteer> = chunk.iter().map(|(_, p)| p.clone()).collect();
        let done = app
            .inst
            .register_volunteers(&who.actor, Some(who), crate::now(), organ, &people)
            .await;
        match done {
            Ok(r) => {
                if report.registered == 0 {
                    report.first = r.first;
                }
                report.registered += people.len();
                report.last = r.first + people.len() as u64 - 1;
                let n = report.registered;
                app.assembly_imports.update(id, |j| j.done = n);
            }
            Err(e) => {
                let (_, msg) = act_error(&tr, &e, "import-file");
                let line = match &e {
                    ExecError::EmailRegistered { volunteer }
                    | ExecError::Refused(DomainError::Assembly(
                        comity_core::assembly::Refusal::VolunteerInvalid { volunteer, .. },
                    )) => chunk.get(volunteer.saturating_sub(1)).map(|(l, _)| *l),
                    _ => None,
                };
                let msg = match line {
                    Some(l) => tr.t2("assembly-import-line-refused", "line", l, "reason", msg),
                    None => msg,
                };
                return (report, ("import-file".into(), msg));
            }
        }
    }
    (report, (String::new(), String::new()))
}

/// Start the draw for `seed`; the answer sends the browser to the job's page.
pub fn start_draw(
    app: &Shared,
    who: Principal,
    organ: &str,
    seed: String,
    tr: &Tr<'_>,
) -> Response {
    let Some(id) = app.assembly_draws.start(0, String::new()) else {
        return crate::web::internal("starting a draw", "the job list is poisoned");
    };
    let lang = tr.lang;
    let (app2, organ2) = (app.clone(), organ.to_owned());
    tokio::spawn(async move {
        let progress_app = app2.clone();
        let progress = move |p: comity_core::assembly::DrawProgress| {
            progress_app.assembly_draws.update(id, |j| {
                j.total = p.types;
                j.done = p.fixed;
                j.current = p.stage.to_string();
            });
        };
        let done = app2
            .inst
            .draw_assembly(&who, crate::now(), &organ2, &seed, progress)
            .await;
        let tr = Tr {
            catalog: &app2.catalog,
            lang,
        };
        let outcome = done
            .map(|_| ())
            .map_err(|e| act_error(&tr, &e, "draw-seed"));
        app2.assembly_draws
            .update(id, |j| j.outcome = Some(outcome));
    });
    Redirect::to(&format!("/assemblies/{organ}/draws/{id}")).into_response()
}

/// The bar while a job runs.
fn running(
    app: &Shared,
    req: &Req,
    state: &comity_core::State,
    title: String,
    label: String,
    (done, total): (usize, usize),
    status: String,
) -> Response {
    let page = JobPage {
        tr: req.tr(&app.catalog),
        c: req.chrome(state, "assemblies"),
        title,
        label,
        total: total.max(1),
        done,
        status,
    };
    crate::kit::jobs::refreshing(no_store(render_with(StatusCode::OK, &page)), true)
}

fn unknown(app: &Shared, req: &Req, state: &comity_core::State, id: &str) -> Response {
    let msg = req.tr(&app.catalog).t1("ratings-job-unknown", "job", id);
    no_store(crate::web::not_found(app, req, state, msg))
}

/// An import's page: the bar while it runs, then the assembly page with the report.
pub async fn import_page(
    State(app): State<Shared>,
    req: Req,
    Path((organ, id)): Path<(String, String)>,
) -> Response {
    // The report names rejected rows and their reasons: it is for those who may import.
    let allowed = match req.principal() {
        None => false,
        Some(who) => {
            crate::assembly::pages::may_import(&who, &*app.inst.state().await, &organ).is_ok()
        }
    };
    if !allowed {
        return Redirect::to(&format!("/assemblies/{organ}")).into_response();
    }
    let seen = id.parse::<u64>().ok().map(|i| {
        app.assembly_imports
            .read(i, |j| (j.total, j.done, j.outcome.clone()))
    });
    match seen {
        Some(Ok(Some((total, done, None)))) => {
            let tr = req.tr(&app.catalog);
            let state = app.inst.state().await;
            let status = tr.t2("assembly-job-import-progress", "done", done, "total", total);
            running(
                &app,
                &req,
                &state,
                tr.t("assembly-job-import-title"),
                tr.t("assembly-job-import-running"),
                (done, total),
                status,
            )
        }
        Some(Ok(Some((_, _, Some((report, error)))))) => {
            let extra = Extra {
                import: Some(report),
                error,
                ..Extra::default()
            };
            no_store(render_page(&app, &req, &organ, extra).await)
        }
        Some(Err(())) => crate::web::internal("reading a job", "the job list is poisoned"),
        _ => unknown(&app, &req, &*app.inst.state().await, &id),
    }
}

/// A draw's page: the bar while the selection runs, then the drawn panel (or the error).
pub async fn draw_page(
    State(app): State<Shared>,
    req: Req,
    Path((organ, id)): Path<(String, String)>,
) -> Response {
    let seen = id.parse::<u64>().ok().map(|i| {
        app.assembly_draws.read(i, |j| {
            (j.total, j.done, j.current.clone(), j.outcome.clone())
        })
    });
    match seen {
        Some(Ok(Some((total, done, stage, None)))) => {
            let tr = req.tr(&app.catalog);
            let state = app.inst.state().await;
            let status = if stage.is_empty() {
                tr.t("assembly-job-draw-starting")
            } else {
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("done", done);
                args.set("total", total);
                args.set("stage", stage);
                tr.catalog
                    .format(tr.lang, "assembly-job-draw-progress", Some(&args))
            };
            running(
                &app,
                &req,
                &state,
                tr.t("assembly-job-draw-title"),
                tr.t("assembly-job-draw-running"),
                (done, total),
                status,
            )
        }
        Some(Ok(Some((_, _, _, Some(Ok(())))))) => {
            Redirect::to(&format!("/assemblies/{organ}#draw")).into_response()
        }
        Some(Ok(Some((_, _, _, Some(Err(error)))))) => {
            let extra = Extra {
                error,
                ..Extra::default()
            };
            no_store(render_page(&app, &req, &organ, extra).await)
        }
        Some(Err(())) => crate::web::internal("reading a job", "the job list is poisoned"),
        _ => unknown(&app, &req, &*app.inst.state().await, &id),
    }
}
