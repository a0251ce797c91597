use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use comity_core::charter::FoundingMembers;

use crate::i18n::Tr;
use crate::labels;
use crate::web::{Chrome, Req, Shared, not_found, paragraphs, render};

pub struct OrganLine {
    pub id: String,
    pub name: String,
    pub kind_key: String,
    pub seats: String,
    pub meets: String,
}

pub struct DecisionLine {
    pub kind: String,
    pub description: String,
    pub organ_id: String,
    pub organ: String,
    pub rule: String,
    pub procedure: String,
}

#[derive(Template)]
#[template(path = "base/charter.html")]
struct CharterPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    adopted_seq: u64,
    sha256: String,
    source: String,
    founding_paragraphs: Vec<String>,
    criterion: String,
    founders: String,
    stages: Vec<(String, String, bool)>,
    criteria: Vec<(String, String)>,
    organs: Vec<OrganLine>,
    decisions: Vec<DecisionLine>,
}

pub async fn page(State(app): State<Shared>, req: Req) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let Some(adopted) = &state.charter else {
        return not_found(&app, &req, &state, tr.t("not-found-page"));
    };
    let ch = &adopted.charter;
    let describe = |id: &str| {
        ch.criteria
            .get(id)
            .map(|c| c.description.clone())
            .unwrap_or_else(|| id.to_owned())
    };
    let founders = match &ch.membership.founding_members {
        FoundingMembers::Keyword(_) => tr.t("charter-founders-eligible"),
        FoundingMembers::States(list) => list
            .iter()
            .map(|iso| {
                state
                    .registry
                    .country(iso)
                    .map(|c| c.name.clone())
                    .unwrap_or_else(|| iso.to_string())
            })
            .collect::<Vec<_>>()
            .join(", "),
    };
    let page = CharterPage {
        c: req.chrome(&state, "charter"),
        adopted_seq: adopted.seq,
        sha256: adopted.sha256.to_string(),
        source: ch.alliance.source.clone().unwrap_or_default(),
        founding_paragraphs: paragraphs(&ch.alliance.founding_text),
        criterion: describe(&ch.membership.criterion),
        founders,
        stages: ch
            .membership
            .stages
            .iter()
            .map(|s| {
                (
                    s.name.clone(),
                    format!("{} — {}", describe(&s.criterion), s.description),
                    state.stage.as_deref() == Some(s.id.as_str()),
                )
            })
            .collect(),
        criteria: ch
            .criteria
            .iter()
            .map(|(id, c)| (id.clone(), c.description.clone()))
            .collect(),
        organs: ch
            .organs
            .iter()
            .map(|o| OrganLine {
                id: o.id.clone(),
                name: o.name.clone(),
                kind_key: labels::organ_kind_key(o.kind),
                seats: labels::seats(&tr, o.seats),
                meets: labels::meets(&tr, o),
            })
            .collect(),
        decisions: ch
            .decisions
            .iter()
            .map(|d| DecisionLine {
                kind: d.kind.clone(),
                description: d.description.clone(),
                organ_id: d.organ.clone(),
                organ: ch
                    .organ(&d.organ)
                    .map(|o| o.name.clone())
                    .unwrap_or_default(),
                rule: labels::rule(&tr, &d.rule),
                procedure: labels::procedure(&tr, ch, d),
            })
            .collect(),
        tr,
    };
    render(&page)
}

/// The adopted charter exactly as adopted.
pub async fn raw(State(app): State<Shared>, req: Req) -> Response {
    let state = app.inst.state().await;
    match &state.charter {
        Some(a) => (
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            a.source.clone(),
        )
            .into_response(),
        None => not_found(&app, &req, &state, req.tr(&app.catalog).t("not-found-page")),
    }
}
