//! A treaty's documents: the redline between any two rounds (a page with a form to pick
//! them, and downloads as a standalone HTML document and as text), a round's text in Akoma
//! Ntoso, and the status table as CSV. Everything is computed from the journal, dates
//! included, so a download is the same for the same head and can be cached with the pages.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use comity_core::ids::Day;
use comity_core::treaty::akn::{AknMeta, export};
use comity_core::treaty::record::TreatyRecord;
use comity_core::treaty::redline::{Redline, diff};
use comity_core::treaty::text::Draft;
use serde::Deserialize;

use crate::i18n::Tr;
use crate::kit::names::organ_name;
use crate::web::{Chrome, Req, Shared, internal, not_found, render};

#[derive(Deserialize, Default)]
pub struct RedlineQuery {
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    to: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct RoundQuery {
    #[serde(default)]
    round: Option<String>,
}

/// A round named in a query: the one given, or `default`; `Err` with the text when the
/// treaty has no such round. With `first_draft`, round 0 is the text the first round
/// opened with.
pub fn round_of(
    t: &TreatyRecord,
    given: Option<&str>,
    default: u32,
    first_draft: bool,
) -> Result<u32, String> {
    let Some(s) = given.map(str::trim).filter(|s| !s.is_empty()) else {
        return Ok(default);
    };
    match s.parse::<u32>() {
        Ok(0) if first_draft && !t.rounds.is_empty() => Ok(0),
        Ok(n) if t.version(n).is_some() => Ok(n),
        _ => Err(s.to_owned()),
    }
}

/// The two rounds a redline compares: as asked, or the round before the current one (0,
/// the first draft, for the first round) against the current one.
pub fn redline_rounds(t: &TreatyRecord, q: &RedlineQuery) -> Result<(u32, u32), String> {
    let current = t.round();
    let to = round_of(t, q.to.as_deref(), current, true)?;
    let from = round_of(t, q.from.as_deref(), to.saturating_sub(1), true)?;
    Ok((from, to))
}

/// A round's text as it stands at the round's end (now, for the current round); round 0 is
/// the first draft, as the first round opened with it.
pub fn version(t: &TreatyRecord, round: u32) -> Option<&Draft> {
    if round == 0 {
        t.rounds.first().map(|r| &r.start)
    } else {
        t.version(round)
    }
}

/// The redline between two versions.
pub fn redline_of(t: &TreatyRecord, from: u32, to: u32) -> Option<Redline> {
    Some(diff(version(t, from)?, version(t, to)?))
}

/// How a version is named in a sentence, in the reader's language.
fn version_name(tr: &Tr<'_>, round: u32) -> String {
    if round == 0 {
        tr.t("treaty-version-first-draft")
    } else {
        tr.t1("treaty-version-round", "n", round)
    }
}

/// How a version is named in the downloaded redline (in English, as the text is).
fn version_label(round: u32) -> String {
    if round == 0 {
        "the first draft".to_owned()
    } else {
        format!("round {round}")
    }
}

#[derive(Template)]
#[template(path = "treaty/treaty_redline.html")]
struct RedlinePage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    id: String,
    title: String,
    /// (round, its name); 0 is the first draft.
    rounds: Vec<(u32, String)>,
    heading: String,
    from: u32,
    to: u32,
    inserted: usize,
    deleted: usize,
    unchanged: bool,
    /// The redline as HTML from core, every text escaped there.
    html: String,
}

fn no_round(app: &Shared, req: &Req, state: &comity_core::State, id: &str, r: &str) -> Response {
    let tr = req.tr(&app.catalog);
    not_found(
        app,
        req,
        state,
        tr.t2("not-found-treaty-round", "id", id, "round", r),
    )
}

pub async fn redline_page(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<String>,
    Query(q): Query<RedlineQuery>,
) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let Some(t) = state.treaties.get(&id) else {
        return not_found(&app, &req, &state, tr.t1("not-found-treaty", "id", id));
    };
    let (from, to) = match redline_rounds(t, &q) {
        Ok(r) => r,
        Err(r) => return no_round(&app, &req, &state, &id, &r),
    };
    let Some(r) = redline_of(t, from, to) else {
        return no_round(&app, &req, &state, &id, &to.to_string());
    };
    render(&RedlinePage {
        c: req.chrome(&state, "treaties"),
        id: t.id.clone(),
        title: t.title.clone(),
        rounds: std::iter::once(0)
            .chain(t.rounds.iter().map(|r| r.number))
            .map(|n| {
                let name = if n == 0 {
                    tr.t("treaty-first-draft")
                } else {
                    tr.t1("treaty-round-n", "n", n)
                };
                (n, name)
            })
            .collect(),
        heading: tr.t2(
            "treaty-redline-title",
            "from",
            version_name(&tr, from),
            "to",
            version_name(&tr, to),
        ),
        from,
        to,
        inserted: r.words_inserted,
        deleted: r.words_deleted,
        unchanged: r.is_unchanged(),
        html: r.to_html(),
        tr,
    })
}

/// A download: its type and a file name to save it under.
fn download(ctype: &'static str, filename: &str, body: String) -> Response {
    let mut res = ([(header::CONTENT_TYPE, ctype)], body).into_response();
    if let Ok(v) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        res.headers_mut().insert(header::CONTENT_DISPOSITION, v);
    }
    res
}

async fn redline_download(
    app: Shared,
    req: Req,
    id: String,
    q: RedlineQuery,
    html: bool,
) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let Some(t) = state.treaties.get(&id) else {
        return not_found(&app, &req, &state, tr.t1("not-found-treaty", "id", id));
    };
    let (from, to) = match redline_rounds(t, &q) {
        Ok(r) => r,
        Err(r) => return no_round(&app, &req, &state, &id, &r),
    };
    let Some(r) = redline_of(t, from, to) else {
        return no_round(&app, &req, &state, &id, &to.to_string());
    };
    let name = format!("{id}-redline-round-{from}-to-{to}");
    if html {
        // The standalone document is in English, as the negotiating text is.
        let doc = r.to_html_document(&t.title, &version_label(from), &version_label(to));
        download("text/html; charset=utf-8", &format!("{name}.html"), doc)
    } else {
        download(
            "text/plain; charset=utf-8",
            &format!("{name}.txt"),
            r.to_text(),
        )
    }
}

pub async fn redline_html(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<String>,
    Query(q): Query<RedlineQuery>,
) -> Response {
    redline_download(app, req, id, q, true).await
}

pub async fn redline_txt(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<String>,
    Query(q): Query<RedlineQuery>,
) -> Response {
    redline_download(app, req, id, q, false).await
}

/// The alliance's short name for the work URI: lowercase letters, digits and hyphens.
fn uri_name(state: &comity_core::State) -> String {
    let short = state
        .charter
        .as_ref()
        .map(|a| a.charter.alliance.short_name.to_lowercase())
        .unwrap_or_default();
    let clean: String = short
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    if clean.is_empty() {
        "comity".to_owned()
    } else {
        clean
    }
}

/// A round's text in Akoma Ntoso. Every date comes from the journal: the treaty's opening
/// (the work), the round's opening (the expression) and the journal head's entry (the
/// manifestation, `generated`), so the same head always gives the same file.
pub fn akn(
    state: &comity_core::State,
    t: &TreatyRecord,
    round: u32,
    head_time: comity_core::Timestamp,
) -> Result<String, String> {
    let r = t
        .rounds
        .iter()
        .find(|r| r.number == round)
        .ok_or_else(|| format!("{} has no round {round}", t.id))?;
    let day = |ts| Day::of(ts).map(|d| d.to_string()).unwrap_or_default();
    let opened = t
        .rounds
        .first()
        .map(|r| day(r.opened_at))
        .unwrap_or_default();
    let meta = AknMeta {
        work_uri_base: format!("/akn/un/act/treaty/{}/{opened}/{}", uri_name(state), t.id),
        date: day(r.opened_at),
        version: round,
        language: "eng".to_owned(),
        author: organ_name(state, &t.organ),
        generated: day(head_time),
    };
    export(&r.end, &meta).map_err(|e| e.to_string())
}

/// The time of the journal's head entry.
pub async fn head_time(app: &Shared, seq: u64) -> Result<comity_core::Timestamp, String> {
    match app.inst.store().entry(seq).await {
        Ok(Some(e)) => Ok(e.time),
        Ok(None) => Err(format!("the journal has no entry {seq}")),
        Err(e) => Err(e.to_string()),
    }
}

pub async fn akn_xml(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<String>,
    Query(q): Query<RoundQuery>,
) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let Some(t) = state.treaties.get(&id) else {
        return not_found(&app, &req, &state, tr.t1("not-found-treaty", "id", id));
    };
    let round = match round_of(t, q.round.as_deref(), t.round(), false) {
        Ok(r) => r,
        Err(r) => return no_round(&app, &req, &state, &id, &r),
    };
    let time = match head_time(&app, state.head().seq).await {
        Ok(t) => t,
        Err(e) => return internal("reading the journal's head", e),
    };
    match akn(&state, t, round, time) {
        Ok(xml) => download(
            "application/akn+xml; charset=utf-8",
            &format!("{id}-round-{round}.akn.xml"),
            xml,
        ),
        Err(e) => internal("exporting Akoma Ntoso", e),
    }
}

pub async fn status_csv(State(app): State<Shared>, req: Req, Path(id): Path<String>) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let Some(t) = state.treaties.get(&id) else {
        return not_found(&app, &req, &state, tr.t1("not-found-treaty", "id", id));
    };
    match t.status_csv() {
        Ok(csv) => download("text/csv; charset=utf-8", &format!("{id}-status.csv"), csv),
        Err(e) => internal("writing a treaty's status as CSV", e),
    }
}
