//! Pledges over the API: every pledge's status (as `comity pledges status` prints it), one
//! pledge with everything reported, the alerts, and the acts (make a pledge, report on an
//! indicator, rate the completion, import a file) through the same `authorize` and `decide`
//! as the pages.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use comity_core::Command;
use comity_core::auth::Role;
use comity_core::ids::Day;
use comity_core::pledges::progress::status_at;
use comity_core::pledges::{
    self, Amount, IndicatorKind, Level, NewAssessment, NewReport, Reading, Source, file,
};
use serde::{Deserialize, Serialize};

use super::pages::role_for;
use super::view::settings;
use crate::kit::api::{created, parse_body, principal, run};
use crate::kit::problem::Problem;
use crate::web::{Req, Shared};

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct StatusQuery {
    /// `json` (default) or `csv`.
    format: Option<String>,
    /// The day overdue milestones and pledges are counted on (`YYYY-MM-DD`; default today).
    at: Option<String>,
    /// The page of the JSON list, from 1 (the CSV is whole).
    page: Option<usize>,
    /// Rows per page of the JSON list, up to 1000 (100 by default).
    per_page: Option<usize>,
}

impl StatusQuery {
    fn pager(&self, total: usize) -> crate::kit::paging::Pager {
        crate::kit::paging::Pager::new(
            total,
            &crate::kit::paging::PageQuery {
                page: self.page,
                per_page: self.per_page,
            },
        )
    }
}

fn field(name: &str, detail: String) -> Problem {
    Problem::bad_request("body-invalid", name, format!("{name}: {detail}"))
}

fn day_of(at: Option<&str>) -> Result<Day, Problem> {
    match at.map(str::trim) {
        None | Some("") => Ok(crate::today()),
        Some(s) => Day::parse(s)
            .map_err(|e| Problem::bad_request("query-invalid", "at", format!("at: {e}"))),
    }
}

/// Every pledge's progress (the fraction of the way from baseline to target), status
/// (`disputed`, `on_track`, `off_track`, `complete`, `not_started`, `no_reports`), each
/// source's view (`self`, `shadow`, `independent`: progress, level, status, date), the star,
/// the alerts on `at` and a near-duplicate earlier pledge (`recycled_of`):
/// `{"as_of", "pledges": {ID: {…}}}`, a page of pledges by id at a time (`Link`,
/// `X-Total-Count`). `format=csv` gives one row per pledge, all of them.
#[utoipa::path(get, path = "/api/v1/pledges", tag = "pledges", params(StatusQuery), responses((status = 200, body = Object), (status = 400, body = Problem)))]
pub async fn list(
    State(app): State<Shared>,
    Query(q): Query<StatusQuery>,
) -> Result<Response, Problem> {
    let today = day_of(q.at.as_deref())?;
    let state = app.inst.state().await;
    let mut doc = pledges::document::status_document(&state, today);
    match q.format.as_deref().map(str::trim) {
        None | Some("" | "json") => {
            // A page of the pledges, by id; the document keeps its shape.
            let all = doc["pledges"].as_object().cloned().unwrap_or_default();
            let pager = q.pager(all.len());
            let (skip, take) = pager.window();
            doc["pledges"] = all.into_iter().skip(skip).take(take).collect();
            Ok(pager.headers("/api/v1/pledges", Json(doc).into_response()))
        }
        Some("csv") => Ok(crate::kit::api::csv(pledges::document::status_csv(&doc))),
        Some(other) => Err(Problem::bad_request(
            "query-invalid",
            "format",
            format!("format: {other:?} is not json or csv"),
        )),
    }
}

/// Every alert on `at` (default today): overdue milestones and pledges, and setbacks (an
/// indicator's latest report farther from its target than the one before).
#[utoipa::path(get, path = "/api/v1/pledges/alerts", tag = "pledges", params(StatusQuery), responses((status = 200, body = Object), (status = 400, body = Problem)))]
pub async fn alerts(
    State(app): State<Shared>,
    Query(q): Query<StatusQuery>,
) -> Result<Response, Problem> {
    let today = day_of(q.at.as_deref())?;
    let state = app.inst.state().await;
    let doc = pledges::document::status_document(&state, today);
    let list: Vec<serde_json::Value> = doc["pledges"]
        .as_object()
        .into_iter()
        .flatten()
        .flat_map(|(id, p)| {
            p["alerts"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .map(move |mut a| {
                    a["pledge"] = serde_json::json!(id);
                    a["by"] = p["by"].clone();
                    a
                })
        })
        .collect();
    let pager = q.pager(list.len());
    let (skip, take) = pager.window();
    let list: Vec<_> = list.into_iter().skip(skip).take(take).collect();
    let doc = serde_json::json!({"as_of": today.to_string(), "alerts": list});
    Ok(pager.headers("/api/v1/pledges/alerts", Json(doc).into_response()))
}

/// One pledge: its definition, its status as in the list, and every report and rating with
/// its source, author's role, date and journal entry.
#[utoipa::path(get, path = "/api/v1/pledges/{id}", tag = "pledges", params(("id" = String, Path, description = "Pledge id")), responses((status = 200, body = Object), (status = 404, body = Problem)))]
pub async fn pledge(
    State(app): State<Shared>,
    Path(id): Path<String>,
) -> Result<Response, Problem> {
    let state = app.inst.state().await;
    let p = state
        .pledges
        .pledges
        .get(&id)
        .ok_or_else(|| Problem::not_found(format!("there is no pledge {id:?}")))?;
    let (st, alerts) = status_at(&settings(&state), p, crate::today());
    let mut doc = pledges::document::pledge_doc(&state, p, &st, &alerts);
    doc["definition"] = serde_json::to_value(&p.spec).unwrap_or_default();
    doc["reports"] = serde_json::to_value(&p.reports).unwrap_or_default();
    doc["ratings"] = serde_json::to_value(&p.ratings).unwrap_or_default();
    doc["entry"] = serde_json::json!(p.seq);
    Ok(Json(doc).into_response())
}

/// What an act on a pledge answers: the pledge and the journal entries written.
#[derive(Serialize, utoipa::ToSchema)]
pub struct PledgeDone {
    pledge: String,
    entries: Vec<u64>,
}

/// Make a pledge: one pledge in the file's format (`id`, `by`, `title`, `due`, `theme`,
/// `links`, `milestones`, `assessment`, `indicators`); its reports are filed afterwards.
/// The state's delegate, the organ's members, or the secretariat.
#[utoipa::path(post, path = "/api/v1/pledges", tag = "pledges", request_body = Object, security(("token" = [])), responses((status = 201, body = PledgeDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn make(State(app): State<Shared>, req: Req, body: Bytes) -> Result<Response, Problem> {
    let value: serde_json::Value = parse_body(&body)?;
    let read = file::read_pledge(&*app.inst.state().await, "body", &value)
        .map_err(|e| field(&e.field, format!("{} ({})", e.message, e.place)))?;
    if !read.reports.is_empty() || !read.assessments.is_empty() {
        return Err(field(
            "indicators.reports",
            "reports and ratings are filed with POST /api/v1/pledges/{id}/reports and /ratings"
                .to_owned(),
        ));
    }
    let id = read.spec.id.clone();
    let entries = run(
        &app,
        &req,
        Command::Pledges(pledges::Command::Make(read.spec)),
    )
    .await?;
    Ok(created(PledgeDone {
        pledge: id,
        entries,
    }))
}

/// An act on pledge `id` run for the token's principal: 201 with the entries written.
async fn act(
    app: &Shared,
    req: &Req,
    id: String,
    cmd: impl FnOnce(String) -> pledges::Command,
) -> Result<Response, Problem> {
    let entries = run(app, req, Command::Pledges(cmd(id.clone()))).await?;
    Ok(created(PledgeDone {
        pledge: id,
        entries,
    }))
}

/// The role a report is filed under: the one given, or the token's first role that files
/// the source's reports on this pledge.
async fn role(
    app: &Shared,
    req: &Req,
    id: &str,
    source: Source,
    given: Option<&str>,
) -> Result<Role, Problem> {
    if let Some(r) = given {
        return Role::parse(r).map_err(|e| field("role", e));
    }
    let who = principal(req)?;
    let state = app.inst.state().await;
    let p = state
        .pledges
        .pledges
        .get(id)
        .ok_or_else(|| Problem::not_found(format!("there is no pledge {id:?}")))?;
    Ok(role_for(&state, &who, &p.spec.by, source)
        .or_else(|| who.roles.first().cloned())
        .unwrap_or(Role::Observer))
}

fn source_of(s: &str) -> Result<Source, Problem> {
    Source::parse(s).ok_or_else(|| {
        field(
            "source",
            format!("{s:?} is not self, shadow or independent"),
        )
    })
}

fn date_of(s: &str) -> Result<Day, Problem> {
    Day::parse(s.trim()).map_err(|e| field("date", e.to_string()))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PledgeReportBody {
    indicator: String,
    /// `self`, `shadow` or `independent`.
    source: String,
    /// `YYYY-MM-DD`: the date (level) or the end of the period (count, ratio) reported.
    date: String,
    /// A level or a period's count.
    #[schema(value_type = Option<f64>)]
    value: Option<serde_json::Number>,
    /// A ratio's numerator and denominator for the period.
    #[schema(value_type = Option<f64>)]
    numerator: Option<serde_json::Number>,
    #[schema(value_type = Option<f64>)]
    denominator: Option<serde_json::Number>,
    note: Option<String>,
    /// The role filed under (`delegate:DNK`, `civil_society`, `secretariat`…); default the
    /// token's role that files this source.
    role: Option<String>,
}

/// Report on an indicator of a pledge, in one source's lane.
#[utoipa::path(post, path = "/api/v1/pledges/{id}/reports", tag = "pledges", params(("id" = String, Path, description = "Pledge id")), request_body = PledgeReportBody, security(("token" = [])), responses((status = 201, body = PledgeDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn report(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, Problem> {
    let b: PledgeReportBody = parse_body(&body)?;
    let source = source_of(&b.source)?;
    let amount = |name: &str, n: &Option<serde_json::Number>| {
        n.as_ref()
            .and_then(|n| Amount::parse(&n.to_string()))
            .ok_or_else(|| field(name, "a number is needed".to_owned()))
    };
    let ratio = {
        let state = app.inst.state().await;
        let p = state
            .pledges
            .pledges
            .get(&id)
            .ok_or_else(|| Problem::not_found(format!("there is no pledge {id:?}")))?;
        let ind = p.indicator(&b.indicator).ok_or_else(|| {
            field(
                "indicator",
                format!("pledge {id:?} has no indicator {:?}", b.indicator),
            )
        })?;
        ind.kind == IndicatorKind::Ratio
    };
    let reading = if ratio {
        Reading::Ratio {
            numerator: amount("numerator", &b.numerator)?,
            denominator: amount("denominator", &b.denominator)?,
        }
    } else {
        Reading::Value {
            value: amount("value", &b.value)?,
        }
    };
    let report = NewReport {
        indicator: b.indicator,
        source,
        role: role(&app, &req, &id, source, b.role.as_deref()).await?,
        date: date_of(&b.date)?,
        reading,
        note: b.note.unwrap_or_default(),
    };
    act(&app, &req, id, |pledge| pledges::Command::Report {
        pledge,
        report,
    })
    .await
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PledgeRatingBody {
    /// `self`, `shadow` or `independent`.
    source: String,
    date: String,
    /// `not_started`, `limited`, `substantial` or `complete`.
    level: String,
    /// A milestone's id; none rates the whole pledge.
    milestone: Option<String>,
    note: Option<String>,
    role: Option<String>,
}

/// Rate how far a pledge or one of its milestones was carried out, in one source's lane.
#[utoipa::path(post, path = "/api/v1/pledges/{id}/ratings", tag = "pledges", params(("id" = String, Path, description = "Pledge id")), request_body = PledgeRatingBody, security(("token" = [])), responses((status = 201, body = PledgeDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn rate(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<String>,
    body: Bytes,
) -> Result<Response, Problem> {
    let b: PledgeRatingBody = parse_body(&body)?;
    let source = source_of(&b.source)?;
    let level = Level::parse(&b.level).ok_or_else(|| {
        field(
            "level",
            format!("{:?} is not one of {}", b.level, Level::codes()),
        )
    })?;
    let assessment = NewAssessment {
        milestone: b.milestone.filter(|m| !m.trim().is_empty()),
        source,
        role: role(&app, &req, &id, source, b.role.as_deref()).await?,
        date: date_of(&b.date)?,
        level,
        note: b.note.unwrap_or_default(),
    };
    act(&app, &req, id, |pledge| pledges::Command::Assess {
        pledge,
        assessment,
    })
    .await
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// The file's name, as the journal records it (default `pledges.json`; a name ending in
    /// `.csv` reads the body as a reports CSV).
    file: Option<String>,
}

/// What an import answers.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ImportDone {
    import: u64,
    pledges: u64,
    reports: u64,
    ratings: u64,
    entries: Vec<u64>,
}

/// Import a pledges file (JSON, the CLI's format) or a reports CSV (the secretariat): every
/// problem named by place and field, and nothing recorded unless the whole file is accepted.
#[utoipa::path(post, path = "/api/v1/pledges/import", tag = "pledges", params(ImportQuery), request_body(content = String, description = "The file's bytes"), security(("token" = [])), responses((status = 201, body = ImportDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn import(
    State(app): State<Shared>,
    req: Req,
    Query(q): Query<ImportQuery>,
    body: Bytes,
) -> Result<Response, Problem> {
    principal(&req)?;
    let name = q
        .file
        .filter(|f| !f.trim().is_empty())
        .unwrap_or_else(|| "pledges.json".to_owned());
    let list = {
        let state = app.inst.state().await;
        if name.to_lowercase().ends_with(".csv") {
            file::read_csv(&state, &name, &body)
        } else {
            file::read_json(&state, &name, &body)
        }
    }
    .map_err(|e| Problem::bad_request("body-invalid", &e.field, e.to_string()))?;
    let cmd = Command::Pledges(pledges::Command::Import {
        file: name,
        sha256: comity_core::journal::Hash::of(&body),
        pledges: list,
    });
    let entries = run(&app, &req, cmd).await?;
    let state = app.inst.state().await;
    let last = state.pledges.imports.last();
    Ok(created(ImportDone {
        import: last.map_or(0, |i| i.import),
        pledges: last.map_or(0, |i| i.pledges),
        reports: last.map_or(0, |i| i.reports),
        ratings: last.map_or(0, |i| i.ratings),
        entries,
    }))
}
