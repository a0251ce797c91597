//! The secretariat adds later sessions of the General Assembly to the alliance's record: the
//! votes file (and the roll calls and issues it needs) uploaded in the shipped formats, plain
//! or gzipped. The import runs as a background job whose page shows its progress (reading
//! and checking every row, recording, recomputing the figures) and refreshes itself without
//! JavaScript; a bad row is named by file, line and field and nothing is recorded. Over the
//! API the same import runs in the request.

use askama::Template;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use comity_core::Command;
use comity_core::auth::{Principal, authorize};
use comity_core::caucus::{self, VotesImport};
use comity_core::journal::Hash;
use serde::{Deserialize, Serialize};

use super::data::{ImportFiles, check_import, current};
use crate::i18n::Tr;
use crate::kit::api::{created, parse_body, principal};
use crate::kit::form::{Upload, csrf_ok};
use crate::kit::jobs::refreshing;
use crate::kit::problem::{Problem, refusal};
use crate::web::{Chrome, Req, Shared, no_store, render_with};

/// What an import recorded (the API's answer, the job page's outcome).
#[derive(Debug, Clone, Serialize, utoipa::ToSchema)]
pub struct ImportDoc {
    pub import: u64,
    pub file: String,
    /// SHA-256 of the votes file as uploaded.
    pub sha256: String,
    pub votes: u64,
    /// Roll calls the import added (none when it added votes to roll calls of the record).
    pub roll_calls: u64,
    /// First and last session of the roll calls its votes are in.
    pub sessions: [u32; 2],
    /// SHA-256 of the rows the side tables hold, in their canonical text.
    pub rows_sha256: String,
    /// The journal entry that records it.
    pub entry: u64,
}

fn doc(i: &VotesImport) -> ImportDoc {
    ImportDoc {
        import: i.import,
        file: i.file.clone(),
        sha256: i.sha256.to_string(),
        votes: i.votes,
        roll_calls: i.roll_calls,
        sessions: [i.sessions.0, i.sessions.1],
        rows_sha256: i.rows_sha256.to_string(),
        entry: i.seq,
    }
}

/// The largest upload accepted: the whole record since 1946 is under 30 MB uncompressed.
pub const MAX_UPLOAD: usize = 64 * 1024 * 1024;

/// The stages of an import, as its progress bar counts them.
const STAGES: [&str; 3] = [
    "caucus-import-checking",
    "caucus-import-recording",
    "caucus-import-recomputing",
];

/// The imports this server has run: what was recorded, or why not (in words).
pub type Jobs = crate::kit::jobs::Jobs<Result<ImportDoc, String>>;

/// Read, check and record `files` for `who`, reporting each stage; the import recorded, or
/// why not.
async fn run_import(
    app: &Shared,
    who: &Principal,
    tr: &Tr<'_>,
    files: ImportFiles,
    stage: impl Fn(usize),
) -> Result<ImportDoc, (StatusCode, String)> {
    stage(0);
    let record = current(&app.inst)
        .await
        .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e))?;
    let name = files.votes.0.clone();
    let checked = tokio::task::spawn_blocking(move || check_import(&record, &files))
        .await
        .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?
        .map_err(|e| (StatusCode::UNPROCESSABLE_ENTITY, e))?;
    stage(1);
    let entries = app
        .inst
        .import_unga(
            &who.actor,
            Some(who),
            crate::now(),
            &comity_store::UngaFile {
                file: &name,
                sha256: checked.sha256,
                added: &checked.added,
                sessions: checked.sessions,
            },
        )
        .await
        .map_err(|e| match &e {
            comity_store::ExecError::Refused(d) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                crate::labels::refusal(tr, d),
            ),
            comity_store::ExecError::Denied(d) => {
                (StatusCode::FORBIDDEN, crate::labels::denial(tr, d))
            }
            other => (StatusCode::INTERNAL_SERVER_ERROR, other.to_string()),
        })?;
    stage(2);
    // The figures are recomputed now, not by the next reader.
    let _ = current(&app.inst).await;
    let state = app.inst.state().await;
    let seq = entries.first().map_or(0, |e| e.seq);
    state
        .caucus
        .imports
        .iter()
        .find(|i| i.seq == seq)
        .map(doc)
        .ok_or((
            StatusCode::INTERNAL_SERVER_ERROR,
            "the import was not recorded".into(),
        ))
}

/// An import, to ask `authorize` who may make one.
fn probe() -> Command {
    Command::Caucus(caucus::Command::ImportVotes {
        file: String::new(),
        sha256: Hash::of(b""),
        votes: 0,
        roll_calls: 0,
        sessions: (0, 0),
        rows_sha256: Hash::of(b""),
    })
}

/// May this person import? The denial in words if not.
fn may_import(tr: &Tr<'_>, who: Option<&Principal>, state: &comity_core::State) -> String {
    let Some(who) = who else {
        return tr.t("caucus-import-sign-in");
    };
    authorize(who, &probe(), state)
        .err()
        .map(|d| crate::labels::denial(tr, &d))
        .unwrap_or_default()
}

/// An import as the page lists it.
pub struct ImportRow {
    pub import: u64,
    pub file: String,
    pub votes: u64,
    pub roll_calls: u64,
    pub sessions: String,
    pub sha256: String,
    pub seq: u64,
}

#[derive(Template)]
#[template(path = "caucus/import.html")]
struct FormPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    denied: String,
    imports: Vec<ImportRow>,
    error: (String, String),
}

async fn form_page(
    app: &Shared,
    req: &Req,
    status: StatusCode,
    error: (String, String),
) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let imports = state
        .caucus
        .imports
        .iter()
        .rev()
        .map(|i| ImportRow {
            import: i.import,
            file: i.file.clone(),
            votes: i.votes,
            roll_calls: i.roll_calls,
            sessions: if i.sessions.0 == i.sessions.1 {
                i.sessions.0.to_string()
            } else {
                format!("{}–{}", i.sessions.0, i.sessions.1)
            },
            sha256: i.sha256.to_string(),
            seq: i.seq,
        })
        .collect();
    let page = FormPage {
        denied: may_import(&tr, req.principal().as_ref(), &state),
        c: req.chrome(&state, "caucus"),
        imports,
        error,
        tr,
    };
    no_store(render_with(status, &page))
}

pub async fn page(State(app): State<Shared>, req: Req) -> Response {
    form_page(&app, &req, StatusCode::OK, Default::default()).await
}

pub async fn import(State(app): State<Shared>, req: Req, form: Multipart) -> Response {
    let Some(who) = req.principal() else {
        return Redirect::to("/login").into_response();
    };
    let tr = req.tr(&app.catalog);
    let bad = StatusCode::UNPROCESSABLE_ENTITY;
    let mut u = match Upload::read(form).await {
        Ok(u) => u,
        Err(detail) => {
            let msg = tr.t1("assembly-file-unreadable", "detail", detail);
            return form_page(&app, &req, bad, ("votes".into(), msg)).await;
        }
    };
    if !csrf_ok(&req, &u.text("csrf")) {
        return form_page(&app, &req, bad, ("act".into(), tr.t("form-csrf-failed"))).await;
    }
    let denied = may_import(&tr, Some(&who), &*app.inst.state().await);
    if !denied.is_empty() {
        return form_page(&app, &req, StatusCode::FORBIDDEN, ("act".into(), denied)).await;
    }
    let Some(votes) = u.take_file("votes") else {
        return form_page(
            &app,
            &req,
            bad,
            ("votes".into(), tr.t("assembly-file-missing")),
        )
        .await;
    };
    let files = ImportFiles {
        votes,
        roll_calls: u.take_file("roll_calls"),
        issues: u.take_file("issues"),
    };
    let Some(id) = app.caucus_imports.start(STAGES.len(), STAGES[0].to_owned()) else {
        return crate::web::internal("starting an import", "the job list is poisoned");
    };
    let lang = req.lang;
    let worker = app.clone();
    tokio::spawn(async move {
        let tr = Tr {
            catalog: &worker.catalog,
            lang,
        };
        let jobs = &worker.caucus_imports;
        let stage = |k: usize| {
            jobs.update(id, |j| {
                j.done = k;
                j.current = STAGES[k.min(STAGES.len() - 1)].to_owned();
            });
        };
        let outcome = run_import(&worker, &who, &tr, files, stage)
            .await
            .map_err(|(_, e)| e);
        jobs.update(id, |j| {
            j.done = STAGES.len();
            j.outcome = Some(outcome);
        });
    });
    Redirect::to(&format!("/caucus/import/{id}")).into_response()
}

#[derive(Template)]
#[template(path = "caucus/import_job.html")]
struct JobPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    running: bool,
    total: usize,
    done: usize,
    progress: String,
    failure: String,
    outcome: Option<ImportDoc>,
}

pub async fn job(State(app): State<Shared>, req: Req, Path(id): Path<u64>) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let read = app.caucus_imports.read(id, |j| {
        (j.total, j.done, j.current.clone(), j.outcome.clone())
    });
    let Ok(Some((total, done, current, outcome))) = read else {
        let msg = tr.t1("caucus-import-no-job", "job", id);
        return crate::web::not_found(&app, &req, &state, msg);
    };
    let running = outcome.is_none();
    let progress = tr.t2(
        "caucus-import-progress",
        "stage",
        tr.t(&current),
        "step",
        (done + 1).min(total),
    );
    let (failure, outcome) = match outcome {
        Some(Err(e)) => (e, None),
        Some(Ok(d)) => (String::new(), Some(d)),
        None => (String::new(), None),
    };
    let page = JobPage {
        c: req.chrome(&state, "caucus"),
        running,
        total,
        done,
        progress,
        failure,
        outcome,
        tr,
    };
    refreshing(no_store(render_with(StatusCode::OK, &page)), running)
}

/// Every import the journal records, oldest first.
#[utoipa::path(get, path = "/api/v1/caucus/imports", tag = "caucus", responses((status = 200, body = Vec<ImportDoc>)))]
pub async fn imports(State(app): State<Shared>) -> Response {
    let state = app.inst.state().await;
    Json(state.caucus.imports.iter().map(doc).collect::<Vec<_>>()).into_response()
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ImportBody {
    /// The votes file's name, as the journal will record it.
    file: String,
    /// The votes file's text (`rcid,iso3,vote`, other columns ignored).
    votes: String,
    /// The roll calls the votes are in, where the record does not hold them.
    roll_calls: Option<String>,
    /// The new roll calls' issues (`rcid,short_name`).
    issues: Option<String>,
}

/// Import roll calls of later sessions (the secretariat): every row is checked against the
/// record first (a bad one is a 422 naming file, line and field, and nothing is recorded);
/// the journal records the votes text's SHA-256 and the counts.
#[utoipa::path(post, path = "/api/v1/caucus/imports", tag = "caucus", request_body = ImportBody, security(("token" = [])), responses((status = 201, body = ImportDoc), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn import_api(
    State(app): State<Shared>,
    req: Req,
    body: Bytes,
) -> Result<Response, Problem> {
    let who = principal(&req)?;
    let b: ImportBody = parse_body(&body)?;
    let tr = req.tr(&app.catalog);
    let files = ImportFiles {
        votes: (b.file.clone(), b.votes.into_bytes()),
        roll_calls: b
            .roll_calls
            .map(|t| (format!("{} (roll calls)", b.file), t.into_bytes())),
        issues: b
            .issues
            .map(|t| (format!("{} (issues)", b.file), t.into_bytes())),
    };
    let denied = authorize(&who, &probe(), &*app.inst.state().await).err();
    if let Some(d) = denied {
        return Err(refusal(
            comity_store::ExecError::Denied(d),
            "importing roll calls",
        ));
    }
    match run_import(&app, &who, &tr, files, |_| {}).await {
        Ok(d) => Ok(created(d)),
        Err((status, detail)) => Err(Problem::new(
            status,
            "import-refused",
            "Import refused",
            detail,
        )),
    }
}
