use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use comity_core::organs::REGIONAL_ORDER;
use comity_core::view;

use crate::base::members_query::MemberQuery;
use crate::i18n::Tr;
use crate::labels;
use crate::web::{Chrome, Req, Shared, group_digits, render};

pub struct Column {
    pub label: &'static str,
    pub href: String,
    pub sorted: &'static str,
    pub numeric: bool,
}

pub struct Row {
    pub iso3: String,
    pub name: String,
    pub status_key: String,
    pub fh: String,
    pub vdem: String,
    pub population: String,
    pub group: String,
    pub eligible: bool,
    pub reason: String,
    pub review: Vec<String>,
    pub suspended: bool,
}

#[derive(Template)]
#[template(path = "base/members.html")]
struct Members<'a> {
    tr: Tr<'a>,
    c: Chrome,
    criterion: String,
    q: String,
    status: String,
    eligible: String,
    group: String,
    sort: String,
    groups: Vec<(String, String)>,
    columns: Vec<Column>,
    rows: Vec<Row>,
}

pub async fn page(
    State(app): State<Shared>,
    req: Req,
    Query(query): Query<MemberQuery>,
) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let rows = query.apply(view::member_rows(&state));
    let (sort_key, desc) = query.sort_key();
    let columns = [
        ("col-state", "name", false),
        ("col-status", "status", false),
        ("col-fh", "fh", false),
        ("col-vdem", "vdem", false),
        ("col-population", "population", true),
        ("col-group", "group", false),
        ("col-eligible", "eligible", false),
    ]
    .into_iter()
    .map(|(label, key, numeric)| Column {
        label,
        href: query.href_sorted(key),
        sorted: if key == sort_key {
            if desc { "descending" } else { "ascending" }
        } else {
            ""
        },
        numeric,
    })
    .collect();
    let criterion = state
        .charter
        .as_ref()
        .and_then(|a| {
            a.charter
                .criteria
                .get(a.charter.admission_criterion(state.stage.as_deref()))
        })
        .map(|c| c.description.clone())
        .unwrap_or_default();
    let rows = rows
        .into_iter()
        .map(|r| Row {
            status_key: format!("status-{}", r.status),
            fh: match (r.fh_status, r.fh_score) {
                (Some(s), Some(n)) => format!("{s} {n}"),
                (Some(s), None) => s.to_owned(),
                _ => "—".into(),
            },
            vdem: r
                .vdem_regime
                .map(|g| labels::regime(&tr, g))
                .unwrap_or_else(|| "—".into()),
            population: r
                .population
                .map(|p| group_digits(p, req.lang))
                .unwrap_or_else(|| "—".into()),
            group: labels::group(&tr, r.un_group.as_deref()),
            iso3: r.iso3,
            name: r.name,
            eligible: r.eligible,
            reason: labels::reasons(&tr, &r.reasons),
            suspended: r.standing == "suspended",
            review: r.review,
        })
        .collect();
    render(&Members {
        c: req.chrome(&state, "members"),
        criterion,
        q: query.q.clone().unwrap_or_default(),
        status: query.status.clone().unwrap_or_default(),
        eligible: query.eligible.clone().unwrap_or_default(),
        group: query.group.clone().unwrap_or_default(),
        sort: query.sort.clone().unwrap_or_default(),
        groups: REGIONAL_ORDER
            .iter()
            .map(|g| ((*g).to_owned(), labels::group(&tr, Some(g))))
            .collect(),
        columns,
        rows,
        tr,
    })
}
