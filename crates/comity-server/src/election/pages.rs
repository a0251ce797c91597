//! Elections of persons: the list, an election's page (candidates, who has voted, the ballot
//! form for delegates, the published ballots and the count stage by stage), and the POST
//! that casts a secret ballot or closes the count.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use comity_core::Iso3;
use comity_core::election;
use comity_core::election::Election;
use serde::Deserialize;

use crate::i18n::Tr;
use crate::kit::form::{csrf_ok, form_error, gate};
use crate::web::{Chrome, Req, Shared, not_found, render_with};

pub struct ElectionRow {
    pub id: u64,
    pub title: String,
    pub organ: String,
    pub method: String,
    pub seats: u32,
    pub status: String,
}

#[derive(Template)]
#[template(path = "election/elections.html")]
struct ListPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    elections: Vec<ElectionRow>,
    pager: crate::kit::paging::Pager,
}

/// One stage of a count: what happened and every candidate's votes.
pub struct StageView {
    pub label: String,
    pub tallies: Vec<String>,
}

#[derive(Template)]
#[template(path = "election/election.html")]
struct ElectionPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    e: ElectionRow,
    candidates: Vec<String>,
    closes_at: String,
    electorate: usize,
    voted: Vec<(String, String)>,
    elected: Vec<String>,
    by_lot: bool,
    ballots_cast: u64,
    distinct_ballots: usize,
    stages: Vec<StageView>,
    quota: String,
    /// Condorcet methods: the pairwise margins, row over column.
    margins: Vec<Vec<i64>>,
    /// States the viewer may cast a ballot for, that have not voted.
    vote_for: Vec<String>,
    may_close: bool,
    /// The viewer may record ballots counted on paper; the states that have not voted yet
    /// (the register's default).
    may_record_paper: bool,
    not_voted: String,
    error: String,
    acts: Vec<crate::kit::acts::ActLine>,
}

fn status(tr: &Tr<'_>, e: &Election) -> String {
    if e.result.is_some() {
        tr.t("election-counted")
    } else {
        tr.t("election-open")
    }
}

fn row(tr: &Tr<'_>, state: &comity_core::State, e: &Election) -> ElectionRow {
    ElectionRow {
        id: e.id,
        title: e.title.clone(),
        organ: state
            .charter
            .as_ref()
            .and_then(|a| a.charter.organ(&e.organ))
            .map_or(e.organ.clone(), |o| o.name.clone()),
        method: e.method.clone(),
        seats: e.seats,
        status: status(tr, e),
    }
}

pub async fn list(State(app): State<Shared>, req: Req) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let pager = crate::kit::paging::Pager::on(state.elections.len(), &req);
    let (skip, take) = pager.window();
    let elections = state
        .elections
        .values()
        .rev()
        .skip(skip)
        .take(take)
        .map(|e| row(&tr, &state, e))
        .collect();
    render_with(
        StatusCode::OK,
        &ListPage {
            c: req.chrome(&state, "elections"),
            elections,
            pager,
            tr,
        },
    )
}

/// The count of published ballots, stage by stage, for STV and IRV.
fn profile_of(
    e: &Election,
    ballots: &comity_core::election::Ballots,
) -> Option<comity_voting::Profile> {
    comity_voting::Profile::from_rankings(
        e.candidates.clone(),
        e.seats,
        ballots
            .iter()
            .map(|(r, c)| (r.iter().map(|&i| i as usize).collect(), *c)),
    )
    .ok()
}

/// The pairwise margins of a Condorcet method's count.
fn margins(e: &Election, ballots: &comity_core::election::Ballots) -> Vec<Vec<i64>> {
    if !matches!(
        e.method.as_str(),
        "schulze" | "copeland" | "ranked_pairs" | "minimax"
    ) {
        return Vec::new();
    }
    profile_of(e, ballots).map_or_else(Vec::new, |p| comity_voting::MarginMatrix::of(&p).rows())
}

fn stages(e: &Election, ballots: &comity_core::election::Ballots) -> (Vec<StageView>, String) {
    let Some(profile) = profile_of(e, ballots) else {
        return (Vec::new(), String::new());
    };
    let name = |c: comity_voting::CandidateId| profile.name(c).to_owned();
    match e.method.as_str() {
        "stv-scottish" => {
            let Ok(r) = comity_voting::scottish_stv(
                &profile,
                comity_voting::ScottishOptions {
                    seats: e.seats,
                    seed: e.seed,
                },
            ) else {
                return (Vec::new(), String::new());
            };
            let stages = r
                .stages
                .iter()
                .map(|s| StageView {
                    label: format!(
                        "{:?}{}",
                        s.action,
                        if s.elected.is_empty() {
                            String::new()
                        } else {
                            format!(
                                " → {}",
                                s.elected
                                    .iter()
                                    .map(|&c| name(c))
                                    .collect::<Vec<_>>()
                                    .join(", ")
                            )
                        }
                    ),
                    tallies: s.tallies.iter().map(ToString::to_string).collect(),
                })
                .collect();
            (stages, r.quota.to_string())
        }
        "irv" => {
            let r = comity_voting::irv(&profile);
            let stages = r
                .rounds
                .iter()
                .map(|round| StageView {
                    label: round
                        .eliminated
                        .iter()
                        .map(|&c| format!("− {}", name(c)))
                        .collect::<Vec<_>>()
                        .join(", "),
                    tallies: round
                        .tallies
                        .iter()
                        .map(|t| t.map_or_else(|| "—".to_owned(), |v| v.to_string()))
                        .collect(),
                })
                .collect();
            (stages, r.majority.to_string())
        }
        _ => (Vec::new(), String::new()),
    }
}

async fn election_page(app: &Shared, req: &Req, id: u64, error: String) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let Some(e) = state.elections.get(&id) else {
        return not_found(app, req, &state, tr.t1("not-found-election", "id", id));
    };
    let name = |iso: &Iso3| {
        state
            .registry
            .country(iso)
            .map_or(iso.to_string(), |c| c.name.clone())
    };
    let told = match crate::kit::acts::lines(app.inst.store(), &state, &tr, &e.acts).await {
        Ok(a) => a,
        Err(err) => return crate::web::internal("reading an election's entries", err),
    };
    let acts = req
        .principal()
        .map(|who| election::available(&state, &who, id))
        .unwrap_or_default();
    let vote_for: Vec<String> = acts.vote_for.iter().map(ToString::to_string).collect();
    let (may_close, may_record_paper) = (acts.close, acts.record_paper);
    let (stages, quota) = e
        .result
        .as_ref()
        .map_or((Vec::new(), String::new()), |r| stages(e, &r.ballots));
    let margins = e
        .result
        .as_ref()
        .map_or_else(Vec::new, |r| margins(e, &r.ballots));
    let page = ElectionPage {
        c: req.chrome(&state, "elections"),
        e: row(&tr, &state, e),
        candidates: e.candidates.clone(),
        closes_at: e.closes_at.to_string(),
        electorate: e.electorate.len(),
        voted: e
            .voted
            .iter()
            .map(|iso| (iso.to_string(), name(iso)))
            .collect(),
        elected: e
            .result
            .as_ref()
            .map(|r| r.elected.clone())
            .unwrap_or_default(),
        by_lot: e.result.as_ref().is_some_and(|r| r.by_lot),
        ballots_cast: e
            .result
            .as_ref()
            .map_or(0, |r| r.ballots.iter().map(|(_, c)| c).sum()),
        distinct_ballots: e.result.as_ref().map_or(0, |r| r.ballots.len()),
        stages,
        quota,
        margins,
        vote_for,
        may_close,
        may_record_paper,
        not_voted: e
            .electorate
            .iter()
            .filter(|iso| !e.voted.contains(*iso))
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" "),
        error,
        acts: told,
        tr,
    };
    let status = if page.error.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_with(status, &page)
}

pub async fn page(State(app): State<Shared>, req: Req, Path(id): Path<String>) -> Response {
    let Ok(id) = id.parse::<u64>() else {
        let state = app.inst.state().await;
        return not_found(
            &app,
            &req,
            &state,
            req.tr(&app.catalog).t1("not-found-election", "id", id),
        );
    };
    election_page(&app, &req, id, String::new()).await
}

/// A tellers' file, gzipped or not, as bytes to parse.
pub fn gunzip_if_needed(raw: Vec<u8>) -> Result<Vec<u8>, String> {
    if !raw.starts_with(&[0x1f, 0x8b]) {
        return Ok(raw);
    }
    let mut out = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&raw[..]), &mut out)
        .map_err(|e| format!("not a readable gzip file: {e}"))?;
    Ok(out)
}

/// The states of a register as typed: ISO 3166 alpha-3 codes separated by spaces, commas or
/// lines; the error names the first code that is not one.
pub fn register(text: &str) -> Result<Vec<Iso3>, String> {
    text.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .filter(|s| !s.is_empty())
        .map(|s| Iso3::parse(s).map_err(|_| format!("{s:?} is not an ISO 3166 alpha-3 code")))
        .collect()
}

/// The paper-ballot form (multipart): `csrf`, `states` (the register) and `file` (the
/// tellers' BLT or JSON). The ballots join the box; the journal records who voted.
pub async fn paper(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<u64>,
    form: axum::extract::Multipart,
) -> Response {
    let tr = req.tr(&app.catalog);
    let Some(who) = req.principal() else {
        return Redirect::to("/login").into_response();
    };
    let Ok(mut u) = crate::kit::form::Upload::read(form).await else {
        return election_page(&app, &req, id, tr.t("paper-file-unreadable")).await;
    };
    let (csrf, states) = (u.text("csrf"), u.text("states"));
    let (name, file) = u.take_file("file").unwrap_or_default();
    if !csrf_ok(&req, &csrf) {
        return election_page(&app, &req, id, tr.t("form-csrf-failed")).await;
    }
    let states = match register(&states) {
        Ok(s) => s,
        Err(detail) => {
            return election_page(
                &app,
                &req,
                id,
                tr.t1("paper-register-invalid", "detail", detail),
            )
            .await;
        }
    };
    let candidates = match app.inst.state().await.elections.get(&id) {
        Some(e) => e.candidates.clone(),
        None => return election_page(&app, &req, id, String::new()).await,
    };
    let source = comity_core::election::paper_source(&name, &file);
    let ballots = gunzip_if_needed(file)
        .and_then(|bytes| comity_core::election::ballots_from_file(&bytes, &candidates));
    let ballots = match ballots {
        Ok(b) => b,
        Err(detail) => {
            let detail = format!("{name}: {detail}");
            return election_page(
                &app,
                &req,
                id,
                tr.t1("paper-file-invalid", "detail", detail),
            )
            .await;
        }
    };
    match app
        .inst
        .record_paper_ballots(&who, crate::now(), id, states, ballots, source)
        .await
    {
        Ok(_) => Redirect::to(&format!("/elections/{id}")).into_response(),
        Err(e) => election_page(&app, &req, id, form_error(&tr, &e).1).await,
    }
}

/// The ballot form sends `act=ballot`, `state`, and `p1`, `p2`, … (candidate names, blanks
/// ignored); `act=close` closes and counts.
#[derive(Deserialize)]
pub struct BallotForm {
    #[serde(default)]
    act: String,
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    state: String,
    #[serde(flatten)]
    prefs: std::collections::BTreeMap<String, String>,
}

pub async fn act(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<u64>,
    Form(f): Form<BallotForm>,
) -> Response {
    let tr = req.tr(&app.catalog);
    let who = match gate(&app, &req, &f.csrf) {
        Ok(who) => who,
        Err(why) => {
            return why
                .answer(&[], "", |e| election_page(&app, &req, id, e.1))
                .await;
        }
    };
    let now = crate::now();
    let result = match f.act.as_str() {
        "ballot" => {
            let Ok(state) = Iso3::parse(f.state.trim()) else {
                return election_page(&app, &req, id, tr.t("form-choose-state")).await;
            };
            let mut prefs: Vec<(u32, String)> = f
                .prefs
                .iter()
                .filter_map(|(k, v)| {
                    Some((k.strip_prefix('p')?.parse().ok()?, v.trim().to_owned()))
                })
                .filter(|(_, v)| !v.is_empty())
                .collect();
            prefs.sort();
            let ranking = prefs.into_iter().map(|(_, v)| v).collect();
            app.inst.cast_ballot(&who, now, id, state, ranking).await
        }
        "close" => {
            app.inst
                .close_election(&who.actor, Some(&who), now, id)
                .await
        }
        _ => return election_page(&app, &req, id, tr.t("form-unknown-act")).await,
    };
    match result {
        Ok(_) => Redirect::to(&format!("/elections/{id}")).into_response(),
        Err(e) => election_page(&app, &req, id, form_error(&tr, &e).1).await,
    }
}
