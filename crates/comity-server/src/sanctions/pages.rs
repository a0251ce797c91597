//! `/sanctions`: the cases with their counts and alerts and the form to propose a listing;
//! `/sanctions/{id}`: one case, each member's national act with its lag, the reviews, and
//! the acts open to the reader; `/sanctions/consistency`: the pairs decided differently on the
//! same grounds and grade, side by side, with their justification; `/sanctions/implementation`:
//! the matrix member × listing and its chart; `/sanctions/screen`: a name, or a CSV batch
//! (with a progress bar), screened against the consolidated list; the list's files.

use askama::Template;
use axum::Form;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Redirect, Response};
use comity_core::Command;
use comity_core::ids::Day;
use comity_core::motion::Seat;
use comity_core::sanctions::{
    self, Evidence, Grade, IdKind, Identifier, Source, Status, Target, TargetSchema,
};
use comity_matching::{Query as Screened, Schema, Scratch};
use serde::Deserialize;

use super::screening::{Row, consolidated, read_queries};
use super::view::{self, SanctionCase, SanctionCaseDetail, SanctionInconsistency};
use crate::i18n::Tr;
use crate::kit::form::{FieldError, Submit, Upload, form_status, submit};
use crate::kit::jobs::refreshing;
use crate::kit::names::seat_label;
use crate::web::{Chrome, Req, Shared, no_store, not_found, render_with};

/// The largest CSV batch the web form takes.
pub const MAX_UPLOAD: usize = 16 * 1024 * 1024;

/// Batches screened on this server: the rows and their hits, or why not.
pub type Jobs = crate::kit::jobs::Jobs<Result<Batch, String>>;

/// A batch screened: its rows, and the list it was screened against (the consolidated list,
/// or a FollowTheMoney file given with the batch, whose bad lines are named).
#[derive(Clone)]
pub struct Batch {
    pub rows: Vec<BatchRow>,
    pub listed: usize,
    pub list_name: String,
    pub list_errors: Vec<String>,
}

/// One query of a batch and what it found.
#[derive(Clone)]
pub struct BatchRow {
    pub line: u64,
    pub id: String,
    pub name: String,
    pub error: String,
    pub hits: Vec<HitRow>,
}

/// A hit as a page shows it.
#[derive(Clone)]
pub struct HitRow {
    pub entity: String,
    pub caption: String,
    pub score: String,
    pub verdict: String,
    pub verdict_code: String,
    /// The words paired: `left ↔ right (how)`.
    pub pairs: String,
    pub conflicts: String,
    pub missing: String,
    /// What lowered the score: `feature: effect (query / list)`.
    pub qualifiers: String,
    pub programs: String,
}

#[derive(Deserialize, Default)]
pub struct ProposeForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub schema: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub aliases: String,
    #[serde(default)]
    pub weak_aliases: String,
    #[serde(default)]
    pub birth_dates: String,
    #[serde(default)]
    pub nationalities: String,
    #[serde(default)]
    pub identifiers: String,
    #[serde(default)]
    pub addresses: String,
    #[serde(default)]
    pub grounds: String,
    #[serde(default)]
    pub grade: String,
    #[serde(default)]
    pub sources: String,
    #[serde(default)]
    pub reasons: String,
    #[serde(default)]
    pub sponsor: String,
}

const PROPOSE_FIELDS: [&str; 12] = [
    "schema",
    "name",
    "aliases",
    "weak_aliases",
    "birth_dates",
    "nationalities",
    "identifiers",
    "addresses",
    "grounds",
    "grade",
    "sources",
    "reasons",
];

/// Lines of a text area, trimmed, blanks dropped.
fn lines(s: &str) -> Vec<String> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Items of a comma- or line-separated field.
fn items(s: &str) -> Vec<String> {
    s.split([',', '\n', ';'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Identifiers written one per line, `kind: value` (`passport: 123`).
pub fn parse_identifiers(s: &str) -> Result<Vec<Identifier>, String> {
    lines(s)
        .into_iter()
        .map(|l| {
            let (k, v) = l
                .split_once(':')
                .ok_or_else(|| format!("{l:?}: write kind: value"))?;
            let kind = IdKind::parse(k).ok_or_else(|| {
                format!(
                    "{k:?} is not one of {}",
                    IdKind::ALL.map(IdKind::code).join(", ")
                )
            })?;
            Ok(Identifier {
                kind,
                value: v.trim().to_owned(),
            })
        })
        .collect()
}

/// Sources written one per line, `title | url | YYYY-MM-DD` (the url and date optional).
pub fn parse_sources(s: &str) -> Result<Vec<Source>, String> {
    lines(s)
        .into_iter()
        .map(|l| {
            let mut parts = l.split('|').map(str::trim);
            let title = parts.next().unwrap_or_default().to_owned();
            let url = parts.next().filter(|u| !u.is_empty()).map(str::to_owned);
            let date = match parts.next().filter(|d| !d.is_empty()) {
                None => None,
                Some(d) => Some(Day::parse(d).map_err(|e| e.to_string())?),
            };
            Ok(Source { title, url, date })
        })
        .collect()
}

fn propose_cmd(tr: &Tr<'_>, f: &ProposeForm) -> Result<Command, FieldError> {
    let bad = |field: &str, msg: String| (field.to_owned(), msg);
    let schema = TargetSchema::parse(&f.schema)
        .ok_or_else(|| bad("schema", tr.t("sanctions-bad-schema")))?;
    let grade = Grade::parse(&f.grade).ok_or_else(|| bad("grade", tr.t("sanctions-bad-grade")))?;
    let identifiers = parse_identifiers(&f.identifiers).map_err(|e| bad("identifiers", e))?;
    let sources = parse_sources(&f.sources).map_err(|e| bad("sources", e))?;
    Ok(Command::Sanctions(sanctions::Command::ProposeListing {
        target: Target {
            schema,
            name: f.name.clone(),
            aliases: lines(&f.aliases),
            weak_aliases: lines(&f.weak_aliases),
            birth_dates: items(&f.birth_dates),
            nationalities: items(&f.nationalities),
            identifiers,
            addresses: lines(&f.addresses),
        },
        grounds: items(&f.grounds),
        evidence: Evidence { grade, sources },
        reasons: f.reasons.clone(),
        sponsor: Seat::parse(&f.sponsor),
    }))
}

#[derive(Template)]
#[template(path = "sanctions/list.html")]
struct ListPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    cases: Vec<SanctionCase>,
    in_force: usize,
    overdue: usize,
    unjustified: usize,
    reviews_due: usize,
    /// The charter's criteria: (code, title, description).
    criteria: Vec<(String, String, String)>,
    /// Seats the reader may propose for: (value, label).
    propose: Vec<(String, String)>,
    schemas: Vec<&'static str>,
    grades: Vec<(String, String)>,
    publish: bool,
    /// (release, time, listings, sha-256, changes since the release before).
    releases: Vec<(u64, String, usize, String, String)>,
    f: ProposeForm,
    error: FieldError,
}

async fn list_page(app: &Shared, req: &Req, f: ProposeForm, error: FieldError) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let today = crate::today();
    let cases = view::summaries(&state, today);
    let acts = req
        .principal()
        .map(|w| sanctions::acts::on_page(&state, &w))
        .unwrap_or_default();
    let criteria = sanctions::spec(&state)
        .map(|s| {
            s.criteria
                .iter()
                .map(|c| {
                    (
                        c.code.clone(),
                        c.title.clone(),
                        c.description.clone().unwrap_or_default(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let page = ListPage {
        c: req.chrome(&state, "sanctions"),
        in_force: cases.iter().filter(|c| c.status == "listed").count(),
        overdue: cases.iter().map(|c| c.overdue).sum(),
        unjustified: state
            .sanctions
            .inconsistencies()
            .iter()
            .filter(|i| !i.justified)
            .count(),
        reviews_due: cases
            .iter()
            .filter(|c| {
                c.review_due
                    .as_deref()
                    .is_some_and(|d| d <= today.to_string().as_str())
            })
            .count(),
        cases,
        criteria,
        propose: acts
            .propose
            .iter()
            .map(|s| (s.to_string(), seat_label(&state, s)))
            .collect(),
        schemas: TargetSchema::ALL.map(TargetSchema::code).to_vec(),
        grades: Grade::ALL
            .iter()
            .map(|g| {
                (
                    g.code().to_owned(),
                    tr.t(&format!("sanctions-grade-{}", g.code())),
                )
            })
            .collect(),
        publish: acts.publish,
        releases: {
            let all = &state.sanctions.releases;
            all.iter()
                .zip(view::release_changes(all))
                .rev()
                .map(|(r, (added, removed))| {
                    (
                        r.release,
                        r.time.to_string(),
                        r.cases.len(),
                        r.ftm_sha256.to_string(),
                        format!("+{} −{}", added.len(), removed.len()),
                    )
                })
                .collect()
        },
        f,
        error: error.clone(),
        tr,
    };
    no_store(render_with(form_status(&error), &page))
}

pub async fn list(State(app): State<Shared>, req: Req) -> Response {
    list_page(&app, &req, ProposeForm::default(), FieldError::default()).await
}

pub async fn propose(State(app): State<Shared>, req: Req, Form(f): Form<ProposeForm>) -> Response {
    let tr = req.tr(&app.catalog);
    let cmd = match propose_cmd(&tr, &f) {
        Ok(c) => c,
        Err(e) => return list_page(&app, &req, f, e).await,
    };
    match submit(&app, &req, &f.csrf, &cmd).await {
        Ok(_) => {
            let id = app
                .inst
                .state()
                .await
                .sanctions
                .cases
                .keys()
                .next_back()
                .copied()
                .unwrap_or(0);
            Redirect::to(&format!("/sanctions/{id}")).into_response()
        }
        Err(why) => {
            why.answer(&PROPOSE_FIELDS, "name", |e| list_page(&app, &req, f, e))
                .await
        }
    }
}

#[derive(Deserialize, Default)]
pub struct CsrfOnly {
    #[serde(default)]
    pub csrf: String,
}

/// Publish a release: the files of the cases in force, their SHA-256 into the journal.
pub async fn publish(State(app): State<Shared>, req: Req, Form(f): Form<CsrfOnly>) -> Response {
    let cmd = release_cmd(&*app.inst.state().await);
    match submit(&app, &req, &f.csrf, &cmd).await {
        Ok(_) => Redirect::to("/sanctions").into_response(),
        Err(why) => {
            why.answer(&[], "act", |e| {
                list_page(&app, &req, ProposeForm::default(), e)
            })
            .await
        }
    }
}

/// The release of the cases in force now: their files' hashes.
pub fn release_cmd(state: &comity_core::State) -> Command {
    let (ftm, csv) = view::files(state);
    Command::Sanctions(sanctions::Command::PublishRelease {
        cases: state.sanctions.in_force().map(|c| c.id).collect(),
        ftm_sha256: sanctions::export::sha256(ftm.as_bytes()),
        csv_sha256: sanctions::export::sha256(csv.as_bytes()),
    })
}

#[derive(Template)]
#[template(path = "sanctions/case.html")]
struct CasePage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    doc: SanctionCaseDetail,
    listed: Option<String>,
    ended: Option<String>,
    review_due: Option<String>,
    grade_words: String,
    /// (code, title) of each ground.
    grounds: Vec<(String, String)>,
    status: String,
    implement: Vec<(String, String)>,
    propose: Vec<(String, String)>,
    renew: bool,
    pending_delisting: Option<u64>,
    error: FieldError,
}

async fn case_page(app: &Shared, req: &Req, id: u64, error: FieldError) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let Some(c) = state.sanctions.cases.get(&id) else {
        let msg = tr.t1("sanctions-not-found", "case", id);
        return not_found(app, req, &state, msg);
    };
    let today = crate::today();
    let acts = req
        .principal()
        .map(|w| sanctions::available(&state, &w, today, c))
        .unwrap_or_default();
    let spec = sanctions::spec(&state);
    let page = CasePage {
        c: req.chrome(&state, "sanctions"),
        doc: view::detail(&state, c, today),
        listed: c.listed_on().map(|d| d.to_string()),
        grade_words: tr.t(&format!("sanctions-grade-{}", c.evidence.grade.code())),
        ended: c.ended.map(|d| d.to_string()),
        review_due: spec.and_then(|s| c.review_due(s)).map(|d| d.to_string()),
        grounds: c
            .grounds
            .iter()
            .map(|g| {
                (
                    g.clone(),
                    spec.and_then(|s| s.criterion(g))
                        .map(|x| x.title.clone())
                        .unwrap_or_default(),
                )
            })
            .collect(),
        status: tr.t(&format!("sanctions-status-{}", c.status().code())),
        implement: acts
            .implement
            .iter()
            .map(|m| (m.to_string(), crate::kit::names::state_name(&state, m)))
            .collect(),
        propose: acts
            .propose
            .iter()
            .map(|s| (s.to_string(), seat_label(&state, s)))
            .collect(),
        renew: acts.renew,
        pending_delisting: c.pending_delisting(),
        error: error.clone(),
        tr,
    };
    no_store(render_with(form_status(&error), &page))
}

pub async fn case(State(app): State<Shared>, req: Req, Path(id): Path<u64>) -> Response {
    case_page(&app, &req, id, FieldError::default()).await
}

async fn done(
    app: &Shared,
    req: &Req,
    id: u64,
    r: Result<Vec<u64>, Submit>,
    fields: &[&str],
) -> Response {
    match r {
        Ok(_) => Redirect::to(&format!("/sanctions/{id}")).into_response(),
        Err(why) => {
            why.answer(fields, "act", |e| case_page(app, req, id, e))
                .await
        }
    }
}

#[derive(Deserialize, Default)]
pub struct ImplementForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub state: String,
    #[serde(default)]
    pub status: String,
    #[serde(default)]
    pub day: String,
    #[serde(default)]
    pub text: String,
}

pub async fn implement(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<u64>,
    Form(f): Form<ImplementForm>,
) -> Response {
    let tr = req.tr(&app.catalog);
    let Ok(iso) = comity_core::Iso3::parse(f.state.trim()) else {
        let msg = tr.t("sanctions-bad-state");
        return case_page(&app, &req, id, ("state".into(), msg)).await;
    };
    let Ok(day) = Day::parse(f.day.trim()) else {
        return case_page(&app, &req, id, ("day".into(), tr.t("sanctions-bad-day"))).await;
    };
    let cmd = Command::Sanctions(sanctions::Command::RecordImplementation {
        case: id,
        state: iso,
        adopted: f.status != "declined",
        day,
        text: f.text.clone(),
    });
    let r = submit(&app, &req, &f.csrf, &cmd).await;
    done(
        &app,
        &req,
        id,
        r,
        &["state", "day", "text", "instrument", "reason"],
    )
    .await
}

#[derive(Deserialize, Default)]
pub struct ReviewForm {
    #[serde(default)]
    pub csrf: String,
    /// `renew` or `delist`.
    #[serde(default)]
    pub outcome: String,
    #[serde(default)]
    pub reasons: String,
    #[serde(default)]
    pub sponsor: String,
}

pub async fn review(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<u64>,
    Form(f): Form<ReviewForm>,
) -> Response {
    let renew = f.outcome != "delist";
    let sponsor = if f.sponsor.trim().is_empty() {
        view::deciding_seat(&*app.inst.state().await)
    } else {
        Seat::parse(&f.sponsor)
    };
    let cmd = Command::Sanctions(sanctions::Command::ReviewListing {
        case: id,
        renew,
        reasons: f.reasons.clone(),
        sponsor,
    });
    let r = submit(&app, &req, &f.csrf, &cmd).await;
    done(&app, &req, id, r, &["reasons", "sponsor"]).await
}

#[derive(Template)]
#[template(path = "sanctions/consistency.html")]
struct ConsistencyPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    pairs: Vec<SanctionInconsistency>,
    justify: bool,
    error: FieldError,
}

async fn consistency_page(app: &Shared, req: &Req, error: FieldError) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let acts = req
        .principal()
        .map(|w| sanctions::acts::on_page(&state, &w))
        .unwrap_or_default();
    let page = ConsistencyPage {
        c: req.chrome(&state, "sanctions"),
        pairs: view::inconsistencies(&state, crate::today()),
        justify: acts.justify,
        error: error.clone(),
        tr,
    };
    no_store(render_with(form_status(&error), &page))
}

pub async fn consistency(State(app): State<Shared>, req: Req) -> Response {
    consistency_page(&app, &req, FieldError::default()).await
}

#[derive(Deserialize, Default)]
pub struct JustifyForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub a: u64,
    #[serde(default)]
    pub b: u64,
    #[serde(default)]
    pub text: String,
}

pub async fn justify(State(app): State<Shared>, req: Req, Form(f): Form<JustifyForm>) -> Response {
    let cmd = Command::Sanctions(sanctions::Command::JustifyDifference {
        a: f.a,
        b: f.b,
        text: f.text.clone(),
    });
    match submit(&app, &req, &f.csrf, &cmd).await {
        Ok(_) => Redirect::to("/sanctions/consistency").into_response(),
        Err(why) => {
            why.answer(&["text"], "text", |e| consistency_page(&app, &req, e))
                .await
        }
    }
}

/// A member's row of the matrix: its code, its name, and per case (class, words).
type MatrixRow = (String, String, Vec<(String, String)>);

#[derive(Template)]
#[template(path = "sanctions/implementation.html")]
struct ImplementationPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    /// The listed cases: (id, name, listed).
    cases: Vec<(u64, String, String)>,
    /// Per member: (code, name, cells), a cell per case: (class, text).
    rows: Vec<MatrixRow>,
    chart: String,
    deadline: u32,
}

pub async fn implementation(State(app): State<Shared>, req: Req) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let today = crate::today();
    let listed: Vec<&sanctions::Case> = state
        .sanctions
        .cases
        .values()
        .filter(|c| c.listed_on().is_some())
        .collect();
    let per_case: Vec<Vec<view::SanctionNational>> = listed
        .iter()
        .map(|c| view::national(&state, c, today))
        .collect();
    let rows = state
        .members
        .keys()
        .enumerate()
        .map(|(i, m)| {
            let cells = per_case
                .iter()
                .zip(&listed)
                .filter_map(|(rows, c)| {
                    let r = rows.get(i)?;
                    let text = match r.status.as_str() {
                        "adopted" => {
                            tr.t1("sanctions-cell-adopted", "days", r.lag_days.unwrap_or(0))
                        }
                        "declined" => tr.t("sanctions-national-declined"),
                        _ if c.status() != Status::Listed => "—".to_owned(),
                        _ if r.overdue => tr.t("sanctions-national-overdue"),
                        _ => tr.t("sanctions-national-pending"),
                    };
                    let class = if r.overdue && c.status() == Status::Listed {
                        "overdue".to_owned()
                    } else {
                        r.status.clone()
                    };
                    Some((class, text))
                })
                .collect();
            (
                m.to_string(),
                crate::kit::names::state_name(&state, m),
                cells,
            )
        })
        .collect();
    let chart = view::chart(
        &state,
        today,
        &tr.t("sanctions-chart-title"),
        &tr.t("sanctions-chart-desc"),
    );
    let page = ImplementationPage {
        c: req.chrome(&state, "sanctions"),
        cases: listed
            .iter()
            .map(|c| {
                (
                    c.id,
                    c.target.name.clone(),
                    c.listed_on().map(|d| d.to_string()).unwrap_or_default(),
                )
            })
            .collect(),
        rows,
        chart,
        deadline: sanctions::spec(&state).map_or(30, |s| s.implementation_days()),
        tr,
    };
    no_store(render_with(axum::http::StatusCode::OK, &page))
}

/// A query as the screening form and the API give it.
#[derive(Deserialize, Default, Clone, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ScreenQuery {
    /// The name to screen, in any script.
    #[serde(default)]
    pub name: Option<String>,
    /// ISO, possibly partial (`1953`, `1953-08`).
    #[serde(default)]
    pub birth_date: Option<String>,
    /// ISO 3166-1 alpha-2.
    #[serde(default)]
    pub country: Option<String>,
    /// `Person`, `Organization`, `Company`, `LegalEntity` or `Vessel`.
    #[serde(default)]
    pub schema: Option<String>,
}

/// The query read, or the field that does not read and why.
pub fn screened(q: &ScreenQuery) -> Result<Screened, (String, String)> {
    let name = q.name.as_deref().map(str::trim).unwrap_or_default();
    if name.is_empty() {
        return Err(("name".into(), "name: missing".into()));
    }
    let opt = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|x| !x.is_empty())
            .map(str::to_owned)
    };
    let birth_date = opt(&q.birth_date);
    if let Some(d) = birth_date
        .as_deref()
        .filter(|d| !comity_matching::ftm::is_iso_date(d))
    {
        return Err((
            "birth_date".into(),
            format!("birth_date: {d:?} is not an ISO date (1970, 1970-05 or 1970-05-17)"),
        ));
    }
    let schema = opt(&q.schema)
        .map(|s| Schema::parse(&s))
        .transpose()
        .map_err(|e| ("schema".to_owned(), format!("schema: {e}")))?;
    Ok(Screened {
        name: name.to_owned(),
        schema,
        birth_date,
        country: opt(&q.country).map(|c| c.to_ascii_lowercase()),
    })
}

/// A hit in a page's words.
fn hit_row(
    tr: &Tr<'_>,
    list: &comity_matching::List,
    programs: &std::collections::BTreeMap<String, Vec<String>>,
    q: &Screened,
    h: &comity_matching::Hit,
) -> HitRow {
    let o = super::screening::hit_out(list, programs, q, h);
    let w = &o.explanation;
    HitRow {
        entity: o.entity.to_owned(),
        caption: o.caption.to_owned(),
        score: format!("{:.2}", o.score),
        verdict: tr.t(&format!("sanctions-verdict-{}", o.verdict)),
        verdict_code: o.verdict.to_owned(),
        pairs: w
            .pairs
            .iter()
            .map(|p| {
                format!(
                    "{} ↔ {} ({})",
                    p.left,
                    p.right,
                    tr.t(&format!("sanctions-how-{}", p.how))
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
        conflicts: w
            .conflicts
            .iter()
            .map(|(a, b)| format!("{a} ≠ {b}"))
            .collect::<Vec<_>>()
            .join("; "),
        missing: w
            .missing
            .left
            .iter()
            .chain(w.missing.right.iter())
            .cloned()
            .collect::<Vec<_>>()
            .join(", "),
        qualifiers: w
            .qualifiers
            .iter()
            .map(|x| {
                format!(
                    "{}: {:+.2} ({} / {})",
                    tr.t(&format!(
                        "sanctions-feature-{}",
                        x.feature.replace('_', "-")
                    )),
                    x.effect,
                    x.query,
                    x.list.join(", ")
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
        programs: w.programs.join(", "),
    }
}

#[derive(Template)]
#[template(path = "sanctions/screen.html")]
struct ScreenPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    q: ScreenQuery,
    schemas: Vec<&'static str>,
    asked: bool,
    hits: Vec<HitRow>,
    listed: usize,
    error: FieldError,
}

/// `GET /sanctions/screen?name=…`: one name against the consolidated list (no sign-in: banks
/// and border officers screen too).
pub async fn screen(State(app): State<Shared>, req: Req, Query(q): Query<ScreenQuery>) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let (list, programs) = consolidated(&state);
    let asked = q.name.as_deref().is_some_and(|n| !n.trim().is_empty());
    let (hits, error) = if asked {
        match screened(&q) {
            Ok(query) => (
                list.screen(&query, comity_matching::FLOOR)
                    .iter()
                    .map(|h| hit_row(&tr, &list, &programs, &query, h))
                    .collect(),
                FieldError::default(),
            ),
            Err(e) => (Vec::new(), e),
        }
    } else {
        (Vec::new(), FieldError::default())
    };
    let page = ScreenPage {
        c: req.chrome(&state, "sanctions"),
        schemas: Schema::ALL.map(Schema::code).to_vec(),
        asked,
        hits,
        listed: list.entities().len(),
        q,
        error: error.clone(),
        tr,
    };
    no_store(render_with(form_status(&error), &page))
}

/// Screen `rows` against `list`, reporting progress after each hundred.
pub fn screen_rows(
    list: &comity_matching::List,
    programs: &std::collections::BTreeMap<String, Vec<String>>,
    rows: Vec<Row>,
    tr: &Tr<'_>,
    progress: impl Fn(usize),
) -> Vec<BatchRow> {
    let (list, programs) = (list, programs);
    let mut scratch = Scratch::default();
    rows.into_iter()
        .enumerate()
        .map(|(i, r)| {
            if i % 100 == 0 {
                progress(i);
            }
            match r.query {
                Err(e) => BatchRow {
                    line: r.line,
                    id: r.id,
                    name: String::new(),
                    error: e,
                    hits: Vec::new(),
                },
                Ok(q) => BatchRow {
                    line: r.line,
                    id: r.id,
                    hits: list
                        .screen_with(&q, comity_matching::FLOOR, &mut scratch)
                        .iter()
                        .map(|h| hit_row(tr, list, programs, &q, h))
                        .collect(),
                    name: q.name,
                    error: String::new(),
                },
            }
        })
        .collect()
}

/// The screening page with what is wrong with the batch's file.
async fn batch_error(app: &Shared, req: &Req, msg: String) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let page = ScreenPage {
        c: req.chrome(&state, "sanctions"),
        schemas: Schema::ALL.map(Schema::code).to_vec(),
        asked: false,
        hits: Vec::new(),
        listed: state.sanctions.in_force().count(),
        q: ScreenQuery::default(),
        error: ("file".into(), msg),
        tr,
    };
    no_store(render_with(
        axum::http::StatusCode::UNPROCESSABLE_ENTITY,
        &page,
    ))
}

/// `POST /sanctions/screen`: a CSV batch (`id,name[,birth_date][,country][,schema]`),
/// screened in the background; its page shows the progress, then the hits.
pub async fn batch(State(app): State<Shared>, req: Req, form: Multipart) -> Response {
    let tr = req.tr(&app.catalog);
    let mut u = match Upload::read(form).await {
        Ok(u) => u,
        Err(detail) => {
            let msg = tr.t1("assembly-file-unreadable", "detail", detail);
            return batch_error(&app, &req, msg).await;
        }
    };
    let Some((_, bytes)) = u.take_file("file") else {
        return batch_error(&app, &req, tr.t("assembly-file-missing")).await;
    };
    let rows = match read_queries(&bytes) {
        Ok(r) => r,
        Err(e) => return batch_error(&app, &req, e).await,
    };
    // A FollowTheMoney list given with the batch, instead of the consolidated list.
    let given = u.take_file("list").map(|(name, b)| {
        (
            name,
            super::screening::read_list(&String::from_utf8_lossy(&b)),
        )
    });
    let Some(id) = app.sanctions_screens.start(rows.len(), String::new()) else {
        return crate::web::internal("starting a screen", "the job list is poisoned");
    };
    let lang = req.lang;
    let worker = app.clone();
    tokio::spawn(async move {
        let (list, programs, list_name, list_errors) = match given {
            Some((name, read)) => (read.list, read.programs, name, read.errors),
            None => {
                let (l, p) = consolidated(&*worker.inst.state().await);
                (l, p, String::new(), Vec::new())
            }
        };
        let w2 = worker.clone();
        let outcome = tokio::task::spawn_blocking(move || {
            let tr = Tr {
                catalog: &w2.catalog,
                lang,
            };
            let rows = screen_rows(&list, &programs, rows, &tr, |k| {
                w2.sanctions_screens.update(id, |j| j.done = k);
            });
            Batch {
                rows,
                listed: list.entities().len(),
                list_name,
                list_errors,
            }
        })
        .await
        .map_err(|e| e.to_string());
        worker.sanctions_screens.update(id, |j| {
            j.done = j.total;
            j.outcome = Some(outcome);
        });
    });
    Redirect::to(&format!("/sanctions/screen/{id}")).into_response()
}

#[derive(Template)]
#[template(path = "sanctions/batch.html")]
struct BatchPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    running: bool,
    total: usize,
    done: usize,
    failure: String,
    rows: Vec<BatchRow>,
    with_hits: usize,
    listed: usize,
    list_name: String,
    list_errors: Vec<String>,
}

pub async fn batch_job(State(app): State<Shared>, req: Req, Path(id): Path<u64>) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let read = app
        .sanctions_screens
        .read(id, |j| (j.total, j.done, j.outcome.clone()));
    let Ok(Some((total, done, outcome))) = read else {
        let msg = tr.t1("sanctions-no-batch", "job", id);
        return not_found(&app, &req, &state, msg);
    };
    let running = outcome.is_none();
    let (batch, failure) = match outcome {
        Some(Ok(b)) => (Some(b), String::new()),
        Some(Err(e)) => (None, e),
        None => (None, String::new()),
    };
    let (rows, listed, list_name, list_errors) = batch.map_or_else(
        || (Vec::new(), 0, String::new(), Vec::new()),
        |b| (b.rows, b.listed, b.list_name, b.list_errors),
    );
    let page = BatchPage {
        c: req.chrome(&state, "sanctions"),
        running,
        total,
        done,
        failure,
        with_hits: rows.iter().filter(|r| !r.hits.is_empty()).count(),
        rows,
        listed,
        list_name,
        list_errors,
        tr,
    };
    refreshing(
        no_store(render_with(axum::http::StatusCode::OK, &page)),
        running,
    )
}

/// The consolidated list's files: `/sanctions/list.ftm.json` and `/sanctions/list.csv`.
pub async fn file(State(app): State<Shared>, Path(name): Path<String>) -> Response {
    let state = app.inst.state().await;
    let (ftm, csv) = view::files(&state);
    let (body, kind) = match name.as_str() {
        "list.ftm.json" => (ftm, "application/x-ndjson; charset=utf-8"),
        "list.csv" => (csv, "text/csv; charset=utf-8"),
        _ => {
            return (axum::http::StatusCode::NOT_FOUND, "no such file").into_response();
        }
    };
    (
        [
            (CONTENT_TYPE, kind.to_owned()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        body,
    )
        .into_response()
}
