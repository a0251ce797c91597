use askama::Template;
use axum::extract::State;
use axum::response::Response;
use comity_core::view;

use crate::i18n::Tr;
use crate::kit::acts::ActLine;
use crate::web::{Chrome, Req, Shared, internal, paragraphs, render};

#[derive(Template)]
#[template(path = "base/home.html")]
struct Home<'a> {
    tr: Tr<'a>,
    c: Chrome,
    members: usize,
    states: usize,
    population_share: String,
    organs: usize,
    flagged: usize,
    founding_paragraphs: Vec<String>,
    latest: Vec<ActLine>,
    /// Organs drawn by lot: (id, name, volunteers so far).
    assemblies: Vec<(String, String, usize)>,
}

pub async fn page(State(app): State<Shared>, req: Req) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let s = view::summary(&state);
    let head = state.head().seq;
    let latest = match app.inst.store().entries(head.saturating_sub(10), 10).await {
        Ok(es) => es
            .iter()
            .rev()
            .map(|e| ActLine::of(&tr, &state, e))
            .collect(),
        Err(e) => return internal("reading the latest entries", e),
    };
    let share = if s.world_population == 0 {
        0.0
    } else {
        100.0 * s.member_population as f64 / s.world_population as f64
    };
    let charter = state.charter.as_ref().map(|a| &a.charter);
    render(&Home {
        tr,
        c: req.chrome(&state, "home"),
        members: s.members,
        states: s.states,
        population_share: format!("{share:.1}"),
        organs: charter.map_or(0, |c| c.organs.len()),
        flagged: s.flagged,
        founding_paragraphs: charter
            .map(|c| paragraphs(&c.alliance.founding_text))
            .unwrap_or_default(),
        latest,
        assemblies: charter
            .map(|c| {
                c.organs
                    .iter()
                    .filter(|o| o.sortition.is_some())
                    .map(|o| {
                        let pool = state
                            .assemblies
                            .get(&o.id)
                            .map_or(0, |a| usize::try_from(a.registered).unwrap_or(usize::MAX));
                        (o.id.clone(), o.name.clone(), pool)
                    })
                    .collect()
            })
            .unwrap_or_default(),
    })
}
