//! `/caucus`: how the alliance's members vote in the General Assembly: their agreement as a
//! heat-map and a table, and their cohesion per session as a chart and a table, over the
//! years and issue the reader picks (a GET form: no JavaScript, a shareable address).

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use comity_caucus::ISSUES;

use super::data::current;
use super::view::{
    CaucusQuery, CohesionChart, DRIFT_SESSIONS, HeatMap, cohesion_chart, cohesion_of, drift_of,
    heat_map, matrix,
};
use crate::i18n::Tr;
use crate::kit::names::state_name;
use crate::web::{Chrome, Req, Shared, group_digits, render_with};

pub struct MemberRow {
    pub iso3: String,
    pub name: String,
    pub group: String,
    /// Mean agreement with the other members counted, in the reader's notation.
    pub mean: String,
    pub roll_calls: u32,
}

/// A member's agreement with the caucus's majority lately, and its trend.
pub struct DriftRow {
    pub iso3: String,
    pub name: String,
    pub recent: String,
    /// Percentage points per session, signed.
    pub trend: String,
    pub drifting: bool,
}

/// `?member=` of the page: whose agreement with the caucus is drawn.
#[derive(serde::Deserialize, Default)]
pub struct MemberQuery {
    pub member: Option<String>,
}

/// A trend below this many percentage points per session is drifting away.
const DRIFTING_BELOW: f64 = -0.5;

pub struct SessionRow {
    pub session: u32,
    pub cohesion: String,
}

#[derive(Template)]
#[template(path = "caucus/caucus.html")]
struct CaucusPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    from: String,
    to: String,
    issue: String,
    /// (code, name, selected)
    issues: Vec<(String, String, bool)>,
    error: String,
    /// The members' weight in the Assembly, in words.
    weight: String,
    heat: Option<HeatMap>,
    members: Vec<MemberRow>,
    chart: Option<CohesionChart>,
    sessions: Vec<SessionRow>,
    drift: Vec<DriftRow>,
    /// The member whose agreement with the caucus is drawn: (code, name).
    drawn: Option<(String, String)>,
    drift_chart: Option<CohesionChart>,
    drift_sessions: usize,
    /// The query string for the downloads.
    query: String,
    roll_calls: String,
    votes: String,
}

fn share(tr: &Tr<'_>, x: f64) -> String {
    crate::i18n::numbers::decimal(x, 2, tr.lang)
}

/// How many of the 193 seats the alliance's members hold, and how far from two thirds.
fn weight(tr: &Tr<'_>, state: &comity_core::State) -> String {
    let w = comity_core::caucus::weight(state);
    let fraction = f64::from(w.held) / f64::from(w.seats);
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("held", w.held);
    args.set("share", share(tr, fraction * 100.0));
    args.set("needed", w.two_thirds);
    args.set("short", w.short);
    tr.catalog.format(tr.lang, "caucus-weight", Some(&args))
}

pub async fn page(
    State(app): State<Shared>,
    req: Req,
    Query(q): Query<CaucusQuery>,
    Query(mq): Query<MemberQuery>,
) -> Response {
    let held = match current(&app.inst).await {
        Ok(r) => r,
        Err(e) => return crate::web::internal("reading the UN record", e),
    };
    let record: &comity_caucus::Record = &held;
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let chosen = q.issue.clone().unwrap_or_default();
    let issues = ISSUES
        .iter()
        .map(|(code, _)| {
            (
                (*code).to_owned(),
                tr.t(&format!("caucus-issue-{code}")),
                chosen.trim() == *code,
            )
        })
        .collect();
    let mut page = CaucusPage {
        c: req.chrome(&state, "caucus"),
        from: q.from.map(|y| y.to_string()).unwrap_or_default(),
        to: q.to.map(|y| y.to_string()).unwrap_or_default(),
        issue: chosen.trim().to_owned(),
        issues,
        error: String::new(),
        weight: String::new(),
        heat: None,
        members: Vec::new(),
        chart: None,
        sessions: Vec::new(),
        drift: Vec::new(),
        drawn: None,
        drift_chart: None,
        drift_sessions: DRIFT_SESSIONS,
        query: String::new(),
        roll_calls: group_digits(record.roll_calls.len() as u64, req.lang),
        votes: group_digits(record.votes.rows as u64, req.lang),
        tr,
    };
    page.weight = weight(&page.tr, &state);
    let counted = q.filter().and_then(|f| Ok((f, q.states(record, &state)?)));
    let (filter, members) = match counted {
        Ok(x) => x,
        Err((field, detail)) => {
            page.error = format!("{field}: {detail}");
            return render_with(StatusCode::UNPROCESSABLE_ENTITY, &page);
        }
    };
    let tr = &page.tr;
    let m = matrix(record, &filter, &members);
    let codes: Vec<String> = members
        .iter()
        .map(|&s| record.votes.states[s].clone())
        .collect();
    page.heat = Some(heat_map(&codes, &m));
    page.members = codes
        .iter()
        .enumerate()
        .map(|(i, code)| {
            let others: Vec<f64> = (0..codes.len())
                .filter(|&j| j != i)
                .filter_map(|j| m.get(i, j).value())
                .collect();
            let country = comity_core::Iso3::parse(code)
                .ok()
                .and_then(|iso| state.registry.country(&iso).cloned());
            MemberRow {
                iso3: code.clone(),
                name: state_name(&state, code),
                group: country.and_then(|c| c.un_group).unwrap_or_default(),
                mean: if others.is_empty() {
                    "—".to_owned()
                } else {
                    share(tr, others.iter().sum::<f64>() / others.len() as f64)
                },
                roll_calls: m.get(i, i).roll_calls,
            }
        })
        .collect();
    let by_session = cohesion_of(record, &filter, &members);
    page.sessions = by_session
        .iter()
        .rev()
        .map(|(s, c)| SessionRow {
            session: *s,
            cohesion: share(tr, *c),
        })
        .collect();
    if !by_session.is_empty() {
        page.chart = Some(cohesion_chart(&by_session));
    }
    let mut drifts = drift_of(record, &filter, &members);
    drifts.sort_by(|a, b| {
        a.slope
            .unwrap_or(0.0)
            .total_cmp(&b.slope.unwrap_or(0.0))
            .then(a.code.cmp(&b.code))
    });
    let chosen = mq
        .member
        .as_deref()
        .map(str::trim)
        .and_then(|m| drifts.iter().find(|d| d.code == m))
        .or_else(|| drifts.first());
    if let Some(d) = chosen {
        let series = d.series();
        if !series.is_empty() {
            page.drift_chart = Some(cohesion_chart(&series));
            page.drawn = Some((d.code.clone(), state_name(&state, &d.code)));
        }
    }
    page.drift = drifts
        .iter()
        .filter(|d| d.recent.is_some())
        .map(|d| {
            let pp = d.slope.map(|x| x * 100.0);
            DriftRow {
                iso3: d.code.clone(),
                name: state_name(&state, &d.code),
                recent: d.recent.map_or_else(|| "—".to_owned(), |x| share(tr, x)),
                trend: pp.map_or_else(|| "—".to_owned(), |x| share(tr, x)),
                drifting: pp.is_some_and(|x| x < DRIFTING_BELOW),
            }
        })
        .collect();
    let mut query = Vec::new();
    for (k, v) in [
        ("from", &page.from),
        ("to", &page.to),
        ("issue", &page.issue),
    ] {
        if !v.is_empty() {
            query.push(format!("{k}={v}"));
        }
    }
    page.query = query.join("&");
    render_with(StatusCode::OK, &page)
}
