//! `GET /api/v1/search`: the search over the API.

use axum::Json;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};

use super::{Found, Params, found, journal};
use crate::kit::paging::{PageQuery, Pager};
use crate::kit::problem::{Problem, internal};
use crate::web::{Req, Shared};

/// Journal entries an answer gives at most.
const ENTRIES: u32 = 50;

/// Members, organs, motions, elections, treaties, reports, pledges, listings,
/// consultations and initiatives holding every word of `q` (in any language; a word of three
/// letters or more also finds the words it begins), best first, filtered by kind, organ and
/// day; with no words, everything the filters pass, newest first. A page at a time (`page`,
/// `per_page`), with the total. With words and no organ, `journal` gives the journal entries
/// that hold them too (newest first, told in the `Accept-Language`; `before` for the next
/// ones); `kind=entry` asks for those alone.
#[utoipa::path(get, path = "/api/v1/search", tag = "search", params(Params, PageQuery), responses((status = 200, body = Found), (status = 400, body = Problem)))]
pub async fn search(
    State(app): State<Shared>,
    req: Req,
    Query(p): Query<Params>,
    Query(page): Query<PageQuery>,
) -> Result<Response, Problem> {
    let q = p
        .query()
        .map_err(|e| Problem::bad_request("bad-search", e.field(), e.to_string()))?;
    let entries = journal::wanted(&q);
    let store = app.inst.store();
    if entries {
        store
            .index_journal(journal::CATCH_UP)
            .await
            .map_err(|e| internal("filing the journal's words", e))?;
    }
    let state = app.inst.state().await;
    let ix = app.search.get(&state);
    let hits = ix.search(&q);
    let pager = Pager::new(hits.len(), &page);
    let (skip, take) = pager.window();
    let mut answer: Found = found(&hits, &q, state.head().seq, skip, take);
    if entries {
        let tr = req.tr(&app.catalog);
        answer.journal = Some(
            journal::find(store, &state, &tr, &q, p.before, ENTRIES)
                .await
                .map_err(|e| internal("searching the journal", e))?,
        );
    }
    Ok(pager.headers("/api/v1/search", Json(answer).into_response()))
}
