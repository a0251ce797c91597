//! `/search?q=…&kind=…&organ=…&from=…&to=…`: the results a page at a time, each with its
//! kind, organ, day and the passage where the words were found, marked.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::Response;

use super::{BadParam, Kind, Params};
use crate::i18n::Tr;
use crate::kit::names::organ_name;
use crate::kit::paging::Pager;
use crate::web::{Chrome, Req, Shared, internal, render_with};

pub struct Line {
    pub kind: String,
    pub title: String,
    pub url: String,
    pub organ: Option<String>,
    pub date: Option<String>,
    /// Pieces of the passage, each marked if it is a word asked for.
    pub snippet: Vec<(String, bool)>,
}

#[derive(Template)]
#[template(path = "search/search.html")]
struct SearchPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    q: String,
    kind: String,
    organ: String,
    from: String,
    to: String,
    kinds: Vec<(&'static str, String)>,
    organs: Vec<(String, String)>,
    asked: bool,
    error: Option<(&'static str, String)>,
    lines: Vec<Line>,
    pager: Pager,
    as_of: u64,
    /// Journal entries found, and the links to more of them.
    entries: Option<super::journal::JournalFound>,
    entries_more: Option<String>,
    /// Entries filed of the journal's, when filing has not caught up.
    filing: Option<(u64, u64)>,
    /// Only journal entries were asked for.
    entries_only: bool,
}

/// A kind's name in the reader's language.
pub fn kind_word(tr: &Tr<'_>, k: Kind) -> String {
    tr.t(&format!("search-kind-{}", k.code()))
}

/// Journal entries the page shows beside the other results, and alone.
const BESIDE: u32 = 10;
const ALONE: u32 = 50;

pub async fn page(State(app): State<Shared>, req: Req, Query(p): Query<Params>) -> Response {
    let wants_entries = p.query().is_ok_and(|q| super::journal::wanted(&q));
    if wants_entries
        && let Err(e) = app
            .inst
            .store()
            .index_journal(super::journal::CATCH_UP)
            .await
    {
        return internal("filing the journal's words", e);
    }
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let kinds = Kind::ALL.map(|k| (k.code(), kind_word(&tr, k))).to_vec();
    let organs = state.charter.as_ref().map_or_else(Vec::new, |c| {
        c.charter
            .organs
            .iter()
            .map(|o| (o.id.clone(), o.name.clone()))
            .collect()
    });
    let (query, error) = match p.query() {
        Ok(q) => (q, None),
        Err(e) => {
            let words = match &e {
                BadParam::Kind(k) => tr.t1("search-bad-kind", "value", k.as_str()),
                BadParam::Day(field, v) => tr.t2(
                    "search-bad-day",
                    "field",
                    tr.t(&format!("search-{field}")),
                    "value",
                    v.as_str(),
                ),
            };
            (super::Query::default(), Some((e.field(), words)))
        }
    };
    let asked = !query.is_empty();
    let entries_only = query.kinds == [Kind::Entry];
    let entries = if wants_entries {
        let limit = if entries_only { ALONE } else { BESIDE };
        match super::journal::find(app.inst.store(), &state, &tr, &query, p.before, limit).await {
            Ok(found) => Some(found),
            Err(e) => return internal("searching the journal", e),
        }
    } else {
        None
    };
    let link = |extra: &str| {
        let mut url = form_urlencoded::Serializer::new(String::from("/search?"));
        url.append_pair("q", &query.text);
        for (k, v) in [("from", &p.from), ("to", &p.to)] {
            if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
                url.append_pair(k, v);
            }
        }
        url.append_pair("kind", "entry");
        format!("{}{extra}", url.finish())
    };
    let entries_more = entries.as_ref().and_then(|j| {
        if entries_only {
            j.more
                .then(|| {
                    j.entries
                        .last()
                        .map(|e| link(&format!("&before={}", e.seq)))
                })
                .flatten()
        } else {
            j.more.then(|| link(""))
        }
    });
    let head = state.head().seq;
    let filing = entries
        .as_ref()
        .and_then(|j| (j.indexed < head).then_some((j.indexed, head)));
    let ix = app.search.get(&state);
    let hits = if asked { ix.search(&query) } else { Vec::new() };
    let pager = Pager::on(hits.len(), &req);
    let (skip, take) = pager.window();
    let lines = hits
        .iter()
        .skip(skip)
        .take(take)
        .map(|h| {
            let d = h.doc;
            Line {
                kind: kind_word(&tr, d.kind),
                title: d.title.clone(),
                url: d.url.clone(),
                organ: d
                    .organ
                    .as_deref()
                    .filter(|_| d.kind != Kind::Organ)
                    .map(|o| organ_name(&state, o)),
                date: d.day.map(|x| x.to_string()),
                snippet: super::index::snippet(&d.body, &query.text, super::SNIPPET)
                    .unwrap_or_default(),
            }
        })
        .collect();
    let status = if error.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let text = |s: &Option<String>| s.clone().unwrap_or_default();
    render_with(
        status,
        &SearchPage {
            c: req.chrome(&state, "search"),
            q: text(&p.q),
            kind: text(&p.kind),
            organ: text(&p.organ),
            from: text(&p.from),
            to: text(&p.to),
            kinds,
            organs,
            asked,
            error,
            lines,
            pager,
            as_of: head,
            entries,
            entries_more,
            filing,
            entries_only,
            tr,
        },
    )
}
