use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};
use comity_core::Iso3;
use comity_core::view::{self, MemberRow, Summary};
use serde::{Deserialize, Serialize};

use crate::base::members_query::MemberQuery;
use crate::kit::problem::Problem;
use crate::web::Shared;

/// The alliance at a glance.
#[utoipa::path(get, path = "/api/v1/summary", tag = "members", responses((status = 200, body = SummarySchema)))]
pub async fn summary(State(app): State<Shared>) -> Json<Summary> {
    Json(view::summary(&*app.inst.state().await))
}

/// Documentation shape of [`Summary`].
#[derive(Serialize, utoipa::ToSchema)]
#[allow(dead_code)]
pub struct SummarySchema {
    name: Option<String>,
    members: usize,
    states: usize,
    member_population: u64,
    world_population: u64,
    flagged: usize,
    head_seq: u64,
    head_hash: String,
}

/// One state as the API lists it (the same fields as `comity members --format json`).
#[derive(Serialize, utoipa::ToSchema)]
#[allow(dead_code)]
pub struct MemberSchema {
    iso3: String,
    name: String,
    /// `member` or `not_member`
    status: String,
    eligible: bool,
    reason: String,
    /// F, PF or NF in the latest Freedom House edition
    fh_status: Option<String>,
    fh_score: Option<i32>,
    /// closed_autocracy, electoral_autocracy, electoral_democracy or liberal_democracy
    vdem_regime: Option<String>,
    population: Option<u64>,
    un_group: Option<String>,
    review: Vec<String>,
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Paging {
    /// 1-based page number.
    pub page: Option<String>,
    /// Items per page, 1–500 (default 200).
    pub per_page: Option<String>,
    /// `json` (default) or `csv`; `Accept: text/csv` also selects CSV.
    pub format: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct MemberPage {
    #[schema(value_type = Vec<MemberSchema>)]
    items: Vec<MemberRow>,
    page: usize,
    per_page: usize,
    total: usize,
}

fn parse_num(field: &str, v: Option<&str>, default: usize, max: usize) -> Result<usize, Problem> {
    match v {
        None | Some("") => Ok(default),
        Some(s) => match s.parse::<usize>() {
            Ok(n) if (1..=max).contains(&n) => Ok(n),
            _ => Err(Problem::bad_request(
                "invalid-parameter",
                field,
                format!("{field} must be a whole number from 1 to {max}, not {s:?}"),
            )),
        },
    }
}

/// Every state with its standing, filterable and sortable; JSON pages or the whole list as CSV.
#[utoipa::path(get, path = "/api/v1/members", tag = "members", params(MemberQuery, Paging),
    responses((status = 200, body = MemberPage, description = "A page of states (or CSV of all matching states)"), (status = 400, body = Problem)))]
pub async fn list(
    State(app): State<Shared>,
    headers: HeaderMap,
    Query(query): Query<MemberQuery>,
    Query(paging): Query<Paging>,
) -> Response {
    let rows = query.apply(view::member_rows(&*app.inst.state().await));
    let wants_csv = paging.format.as_deref() == Some("csv")
        || (paging.format.is_none()
            && headers
                .get(header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|a| a.contains("text/csv")));
    if let Some(f) = paging
        .format
        .as_deref()
        .filter(|f| !matches!(*f, "csv" | "json"))
    {
        return Problem::bad_request(
            "invalid-parameter",
            "format",
            format!("format must be json or csv, not {f:?}"),
        )
        .into_response();
    }
    if wants_csv {
        return match view::members_csv(&rows) {
            Ok(body) => ([(header::CONTENT_TYPE, "text/csv; charset=utf-8")], body).into_response(),
            Err(e) => crate::kit::problem::internal("writing CSV", e).into_response(),
        };
    }
    let (page, per_page) = match (
        parse_num("page", paging.page.as_deref(), 1, usize::MAX),
        parse_num("per_page", paging.per_page.as_deref(), 200, 500),
    ) {
        (Ok(p), Ok(n)) => (p, n),
        (Err(e), _) | (_, Err(e)) => return e.into_response(),
    };
    let total = rows.len();
    let items = rows
        .into_iter()
        .skip((page - 1).saturating_mul(per_page))
        .take(per_page)
        .collect();
    Json(MemberPage {
        items,
        page,
        per_page,
        total,
    })
    .into_response()
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct FhPoint {
    edition: u16,
    status: String,
    pr: u8,
    cl: u8,
    total: Option<i8>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct VdemPoint {
    year: u16,
    regime: Option<String>,
    polyarchy: Option<f64>,
    libdem: Option<f64>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct MemberDetail {
    #[serde(flatten)]
    #[schema(inline, value_type = MemberSchema)]
    row: MemberRow,
    iso2: String,
    m49_region: String,
    m49_sub_region: String,
    admitted_seq: Option<u64>,
    /// Journal entries concerning this state.
    acts: Vec<u64>,
    freedom_house: Vec<FhPoint>,
    vdem: Vec<VdemPoint>,
}

/// One state with its full rating history and the journal entries that concern it.
#[utoipa::path(get, path = "/api/v1/members/{iso3}", tag = "members", params(("iso3" = String, Path, description = "ISO 3166-1 alpha-3 code, e.g. DNK")),
    responses((status = 200, body = MemberDetail), (status = 404, body = Problem)))]
pub async fn one(State(app): State<Shared>, Path(code): Path<String>) -> Response {
    let state = app.inst.state().await;
    let Some(iso) = Iso3::parse(&code.to_ascii_uppercase())
        .ok()
        .filter(|i| state.registry.country(i).is_some())
    else {
        return Problem::not_found(format!(
            "no state with the code {code:?} is in the registry"
        ))
        .into_response();
    };
    let Some(row) = view::member_rows(&state)
        .into_iter()
        .find(|r| r.iso3 == iso.as_str())
    else {
        return Problem::not_found(format!("no state with the code {code:?}")).into_response();
    };
    let Some(c) = state.registry.country(&iso) else {
        return Problem::internal().into_response();
    };
    Json(MemberDetail {
        iso2: c.iso2.clone(),
        m49_region: c.m49_region.clone(),
        m49_sub_region: c.m49_sub_region.clone(),
        admitted_seq: state.members.get(&iso).map(|m| m.admitted_seq),
        acts: state.acts.get(&iso).cloned().unwrap_or_default(),
        freedom_house: state
            .registry
            .fh_history(&iso)
            .map(|(edition, r)| FhPoint {
                edition,
                status: r.status.code().to_owned(),
                pr: r.pr,
                cl: r.cl,
                total: r.total,
            })
            .collect(),
        vdem: state
            .registry
            .vdem_history(&iso)
            .map(|(year, r)| VdemPoint {
                year,
                regime: r.regime.map(|g| g.code().to_owned()),
                polyarchy: r.polyarchy,
                libdem: r.libdem,
            })
            .collect(),
        row,
    })
    .into_response()
}
