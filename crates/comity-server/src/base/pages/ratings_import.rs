//! The secretariat imports new ratings (a Freedom House edition, a V-Dem year) as CSV in the
//! shipped formats. The file is parsed in the request (a bad file is refused whole, naming
//! its line and field, and nothing is recorded); the editions are then recorded one at a
//! time by a background task, which keeps a job record in memory. The job's page refreshes
//! itself (no JavaScript) while it runs, then reports what changed: every state whose latest
//! rating moved, and every review opened for a member that fell below the criterion.

use comity_core::{base, membership};
use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use comity_core::auth::{Principal, authorize};
use comity_core::registry::{DataError, LatestRatings as Latest, RatingsSource, edition_imports};
use comity_core::{Command, DomainError, Event};
use comity_store::ExecError;

use crate::i18n::Tr;
use crate::kit::form::{Upload, csrf_ok};
use crate::kit::names::organ_name;
use crate::web::{Chrome, Req, Shared, no_store, render_with};

/// The largest upload accepted (the whole shipped Freedom House file is under 1 MB).
pub const MAX_UPLOAD: usize = 16 * 1024 * 1024;

/// A state whose latest rating moved.
struct Change {
    iso3: String,
    name: String,
    member: bool,
    before: Latest,
    after: Latest,
}

/// A review opened by the import.
struct Opened {
    review: u64,
    iso3: String,
    organ: String,
    evidence: String,
}

pub struct Report {
    recorded: Vec<String>,
    on_record: Vec<String>,
    changed: Vec<Change>,
    reviews: Vec<Opened>,
}

/// What stopped an import: the edition being recorded and the reason. The editions before
/// it are recorded.
pub struct Failure {
    label: String,
    error: ExecError,
}

/// The ratings imports this server has run: the report, or what stopped the import.
pub type Jobs = crate::kit::jobs::Jobs<Result<Report, Failure>>;

/// Every state's latest ratings.
fn latest(state: &comity_core::State) -> BTreeMap<String, Latest> {
    state
        .registry
        .latest_ratings()
        .into_iter()
        .map(|(iso, l)| (iso.to_string(), l))
        .collect()
}

fn latest_text(tr: &Tr<'_>, l: &Latest) -> String {
    let fh = l.fh.map(|(e, s, total)| {
        let status = tr.t(&format!("fhs-{}", s.code()));
        match total {
            Some(t) => format!("{status}, {t}/100 (FIW {e})"),
            None => format!("{status} (FIW {e})"),
        }
    });
    let vd = l
        .vdem
        .map(|(y, g)| format!("{} (V-Dem {y})", crate::labels::regime(tr, g)));
    let parts: Vec<String> = [fh, vd].into_iter().flatten().collect();
    if parts.is_empty() {
        "—".to_owned()
    } else {
        parts.join("; ")
    }
}

#[derive(Template)]
#[template(path = "base/ratings_import.html")]
struct FormPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    /// Why the viewer may not import, if not.
    denied: String,
    source: String,
    only: String,
    error: (String, String),
}

#[derive(Template)]
#[template(path = "base/ratings_job.html")]
struct JobPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    running: bool,
    total: usize,
    done: usize,
    progress: String,
    failure: String,
    summary: String,
    recorded: Vec<String>,
    on_record: Vec<String>,
    /// (iso3, name, member, before, after)
    changed: Vec<(String, String, bool, String, String)>,
    /// (review, iso3, state name, organ, evidence)
    reviews: Vec<(u64, String, String, String, String)>,
}

/// May this person record reference data? The denial in the reader's language if not.
fn may_import(tr: &Tr<'_>, who: Option<&Principal>, state: &comity_core::State) -> String {
    let Some(who) = who else {
        return tr.t("ratings-import-sign-in");
    };
    let probe = Command::Base(base::Command::ImportFreedomHouse {
        editions: Vec::new(),
    });
    match authorize(who, &probe, state) {
        Ok(()) => String::new(),
        Err(d) => crate::labels::denial(tr, &d),
    }
}

async fn form_page(
    app: &Shared,
    req: &Req,
    status: StatusCode,
    source: String,
    only: String,
    error: (String, String),
) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let who = req.principal();
    let page = FormPage {
        denied: may_import(&tr, who.as_ref(), &state),
        c: req.chrome(&state, "reviews"),
        source,
        only,
        error,
        tr,
    };
    no_store(render_with(status, &page))
}

pub async fn page(State(app): State<Shared>, req: Req) -> Response {
    let none = (String::new(), String::new());
    form_page(&app, &req, StatusCode::OK, "fh".into(), String::new(), none).await
}

fn parse_error(tr: &Tr<'_>, e: &DataError) -> String {
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("file", e.file.clone());
    args.set("line", e.line);
    args.set("detail", e.message.clone());
    match &e.field {
        Some(f) => {
            args.set("field", f.clone());
            tr.catalog
                .format(tr.lang, "ratings-import-bad-field", Some(&args))
        }
        None => tr
            .catalog
            .format(tr.lang, "ratings-import-bad-line", Some(&args)),
    }
}

/// The file as one command per edition, each with its label, or why not.
fn commands(
    tr: &Tr<'_>,
    source: &str,
    (name, file): &(String, Vec<u8>),
    only: Option<u16>,
) -> Result<Vec<(String, Command)>, String> {
    let text = std::str::from_utf8(file).map_err(|_| tr.t("assembly-file-not-utf8"))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let source = if source == "vdem" {
        RatingsSource::Vdem
    } else {
        RatingsSource::FreedomHouse
    };
    let cmds = edition_imports(source, name, text, only).map_err(|e| parse_error(tr, &e))?;
    if cmds.is_empty() {
        return Err(match only {
            Some(o) => tr.t1("ratings-import-no-such-edition", "edition", o),
            None => tr.t("ratings-import-no-edition"),
        });
    }
    Ok(cmds)
}

pub async fn import(State(app): State<Shared>, req: Req, form: Multipart) -> Response {
    let Some(who) = req.principal() else {
        return Redirect::to("/login").into_response();
    };
    let tr = req.tr(&app.catalog);
    let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
    let mut u = match Upload::read(form).await {
        Ok(u) => u,
        Err(detail) => {
            let msg = tr.t1("assembly-file-unreadable", "detail", detail);
            let e = ("file".to_owned(), msg);
            return form_page(&app, &req, unprocessable, "fh".into(), String::new(), e).await;
        }
    };
    let source = if u.text("source") == "vdem" {
        "vdem"
    } else {
        "fh"
    }
    .to_owned();
    let only_text = u.text("only");
    let refuse = |field: &str, msg: String| (field.to_owned(), msg);
    if !csrf_ok(&req, &u.text("csrf")) {
        let e = refuse("act", tr.t("form-csrf-failed"));
        return form_page(&app, &req, unprocessable, source, only_text, e).await;
    }
    let denied = may_import(&tr, Some(&who), &*app.inst.state().await);
    if !denied.is_empty() {
        let e = refuse("act", denied);
        return form_page(&app, &req, StatusCode::FORBIDDEN, source, only_text, e).await;
    }
    let only = match only_text.trim() {
        "" => None,
        s => match s.parse::<u16>() {
            Ok(y) => Some(y),
            Err(_) => {
                let e = refuse("only", tr.t("ratings-import-bad-only"));
                return form_page(&app, &req, unprocessable, source, only_text, e).await;
            }
        },
    };
    let Some(file) = u.take_file("file") else {
        let e = refuse("file", tr.t("assembly-file-missing"));
        return form_page(&app, &req, unprocessable, source, only_text, e).await;
    };
    let cmds = match commands(&tr, &source, &file, only) {
        Ok(c) => c,
        Err(msg) => {
            let e = refuse("file", msg);
            return form_page(&app, &req, unprocessable, source, only_text, e).await;
        }
    };
    let first = cmds.first().map(|(l, _)| l.clone()).unwrap_or_default();
    let Some(id) = app.ratings_jobs.start(cmds.len(), first) else {
        return crate::web::internal("starting a ratings import", "the job list is poisoned");
    };
    tokio::spawn(run(app.clone(), who, id, cmds));
    Redirect::to(&format!("/ratings/import/{id}")).into_response()
}

/// Record the editions one at a time, keeping the job record up to date.
async fn run(app: Shared, who: Principal, id: u64, cmds: Vec<(String, Command)>) {
    let jobs = &app.ratings_jobs;
    let before = latest(&*app.inst.state().await);
    let (mut recorded, mut on_record, mut events) = (Vec::new(), Vec::new(), Vec::new());
    for (label, cmd) in cmds {
        let current = label.clone();
        jobs.update(id, |j| j.current = current);
        match app.inst.execute_as(&who, crate::now(), &cmd).await {
            Ok(entries) => {
                for e in entries {
                    match e.event() {
                        Ok(ev) => events.push(ev),
                        Err(err) => eprintln!("warning: reading a recorded event: {err}"),
                    }
                }
                recorded.push(label);
            }
            Err(ExecError::Refused(DomainError::Base(
                comity_core::base::Refusal::NothingNew { .. },
            ))) => on_record.push(label),
            Err(error) => {
                jobs.update(id, |j| j.outcome = Some(Err(Failure { label, error })));
                return;
            }
        }
        jobs.update(id, |j| j.done += 1);
    }
    let state = app.inst.state().await;
    let changed = latest(&state)
        .into_iter()
        .filter_map(|(iso3, after)| {
            let before = before.get(&iso3).cloned().unwrap_or_default();
            (before != after).then(|| {
                let code = comity_core::Iso3::parse(&iso3).ok();
                Change {
                    name: crate::kit::names::state_name(&state, &iso3),
                    member: code.is_some_and(|c| state.members.contains_key(&c)),
                    iso3,
                    before,
                    after,
                }
            })
        })
        .collect();
    let reviews = events
        .into_iter()
        .filter_map(|e| match e {
            Event::Membership(membership::Event::ReviewOpened {
                review,
                state: s,
                organ,
                evidence,
                ..
            }) => Some(Opened {
                review,
                iso3: s.to_string(),
                organ,
                evidence,
            }),
            _ => None,
        })
        .collect();
    let report = Report {
        recorded,
        on_record,
        changed,
        reviews,
    };
    jobs.update(id, |j| j.outcome = Some(Ok(report)));
}

pub async fn job(State(app): State<Shared>, req: Req, Path(id): Path<String>) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let who = req.principal();
    let denied = may_import(&tr, who.as_ref(), &state);
    if !denied.is_empty() {
        let page = FormPage {
            denied,
            c: req.chrome(&state, "reviews"),
            source: "fh".into(),
            only: String::new(),
            error: (String::new(), String::new()),
            tr,
        };
        return no_store(render_with(StatusCode::FORBIDDEN, &page));
    }
    let read = id.parse::<u64>().ok().map(|i| {
        app.ratings_jobs.read(i, |j| {
            job_page(&tr, req.chrome(&state, "reviews"), &state, j)
        })
    });
    let page = match read {
        Some(Ok(Some(page))) => page,
        Some(Err(())) => {
            return crate::web::internal("reading a ratings import", "the job list is poisoned");
        }
        _ => {
            let msg = tr.t1("ratings-job-unknown", "job", id.as_str());
            return no_store(crate::web::not_found(&app, &req, &state, msg));
        }
    };
    let running = page.running;
    crate::kit::jobs::refreshing(no_store(render_with(StatusCode::OK, &page)), running)
}

fn job_page<'a>(
    tr: &Tr<'a>,
    c: Chrome,
    state: &comity_core::State,
    j: &crate::kit::jobs::Job<Result<Report, Failure>>,
) -> JobPage<'a> {
    let mut page = JobPage {
        tr: *tr,
        c,
        running: j.outcome.is_none(),
        total: j.total,
        done: j.done,
        progress: String::new(),
        failure: String::new(),
        summary: String::new(),
        recorded: Vec::new(),
        on_record: Vec::new(),
        changed: Vec::new(),
        reviews: Vec::new(),
    };
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("done", j.done);
    args.set("total", j.total);
    args.set("current", j.current.clone());
    page.progress = tr
        .catalog
        .format(tr.lang, "ratings-job-progress", Some(&args));
    match &j.outcome {
        None => {}
        Some(Err(f)) => {
            let (_, why) = crate::kit::form::form_error(tr, &f.error);
            page.failure = tr.t2(
                "ratings-job-failed",
                "edition",
                f.label.as_str(),
                "reason",
                why,
            );
        }
        Some(Ok(r)) => {
            page.summary = tr.t2(
                "ratings-job-summary",
                "recorded",
                r.recorded.len(),
                "on_record",
                r.on_record.len(),
            );
            page.recorded.clone_from(&r.recorded);
            page.on_record.clone_from(&r.on_record);
            page.changed = r
                .changed
                .iter()
                .map(|c| {
                    (
                        c.iso3.clone(),
                        c.name.clone(),
                        c.member,
                        latest_text(tr, &c.before),
                        latest_text(tr, &c.after),
                    )
                })
                .collect();
            page.reviews = r
                .reviews
                .iter()
                .map(|o| {
                    (
                        o.review,
                        o.iso3.clone(),
                        crate::kit::names::state_name(state, &o.iso3),
                        organ_name(state, &o.organ),
                        o.evidence.clone(),
                    )
                })
                .collect();
        }
    }
    page
}
