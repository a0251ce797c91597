//! Joint smart sanctions over the API: the cases, one case with each member's national act,
//! the consistency check, screening (against the consolidated list or a FollowTheMoney list
//! given in the body), the consolidated list's files and releases; and the acts (propose,
//! record a national act, review, justify, publish), through the same `authorize` and
//! `decide` as the pages.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use comity_core::Command;
use comity_core::ids::Day;
use comity_core::motion::Seat;
use comity_core::sanctions::{
    self, Evidence, Grade, IdKind, Identifier, Source, Target, TargetSchema,
};
use comity_matching::Scratch;
use serde::{Deserialize, Serialize};

use super::pages::{ScreenQuery, release_cmd, screened};
use super::screening::{ScreenLine, consolidated, hit_out, read_list};
use super::view::{self, SanctionCase, SanctionCaseDetail, SanctionInconsistency};
use crate::kit::api::{created, number, parse_body, run};
use crate::kit::paging::PageQuery;
use crate::kit::problem::Problem;
use crate::web::Shared;

fn field(name: &str, detail: String) -> Problem {
    Problem::bad_request("body-invalid", name, format!("{name}: {detail}"))
}

/// What a sanctions act answers: the case (where the act concerns one) and the journal
/// entries written.
#[derive(Serialize, utoipa::ToSchema)]
pub struct SanctionsDone {
    case: Option<u64>,
    entries: Vec<u64>,
}

/// The cases, newest first, a page at a time.
#[utoipa::path(get, path = "/api/v1/sanctions", tag = "sanctions", params(PageQuery), responses((status = 200, body = Vec<SanctionCase>)))]
pub async fn list(State(app): State<Shared>, Query(q): Query<PageQuery>) -> Response {
    let state = app.inst.state().await;
    let today = crate::today();
    let rows = view::summaries(&state, today);
    crate::kit::paging::json_list("/api/v1/sanctions", &q, rows.into_iter())
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IdentifierBody {
    /// `passport`, `national_id`, `imo`, `registration`, `swift_bic` or `tax`.
    kind: String,
    value: String,
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SourceBody {
    title: String,
    url: Option<String>,
    /// `YYYY-MM-DD`.
    date: Option<String>,
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProposeBody {
    /// `Person`, `Organization`, `Company` or `Vessel`.
    schema: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    /// Nicknames and low-quality aliases: never a match on their own when screening.
    #[serde(default)]
    weak_aliases: Vec<String>,
    /// ISO dates, possibly partial (`1953`, `1953-08`).
    #[serde(default)]
    birth_dates: Vec<String>,
    /// ISO 3166-1 alpha-2 codes.
    #[serde(default)]
    nationalities: Vec<String>,
    #[serde(default)]
    identifiers: Vec<IdentifierBody>,
    #[serde(default)]
    addresses: Vec<String>,
    /// Codes of the charter's sanctions criteria (`C1`…); others are refused.
    grounds: Vec<String>,
    /// `A` (an official act with reasons), `B`, `C` or `D`.
    grade: String,
    sources: Vec<SourceBody>,
    /// The statement of reasons.
    reasons: String,
    /// The seat tabling the motion: a member's code, or an organ's id (the deciding organ
    /// through the secretariat, or a network the charter lets table).
    sponsor: String,
}

fn propose_cmd(b: ProposeBody) -> Result<Command, Problem> {
    let schema = TargetSchema::parse(&b.schema).ok_or_else(|| {
        field(
            "schema",
            format!(
                "{:?} is not Person, Organization, Company or Vessel",
                b.schema
            ),
        )
    })?;
    let grade = Grade::parse(&b.grade)
        .ok_or_else(|| field("grade", format!("{:?} is not A, B, C or D", b.grade)))?;
    let identifiers = b
        .identifiers
        .into_iter()
        .enumerate()
        .map(|(i, x)| {
            let kind = IdKind::parse(&x.kind).ok_or_else(|| {
                field(
                    &format!("identifiers[{i}].kind"),
                    format!(
                        "{:?} is not one of {}",
                        x.kind,
                        IdKind::ALL.map(IdKind::code).join(", ")
                    ),
                )
            })?;
            Ok(Identifier {
                kind,
                value: x.value,
            })
        })
        .collect::<Result<Vec<_>, Problem>>()?;
    let sources = b
        .sources
        .into_iter()
        .enumerate()
        .map(|(i, s)| {
            let date = s
                .date
                .as_deref()
                .filter(|d| !d.trim().is_empty())
                .map(|d| Day::parse(d.trim()))
                .transpose()
                .map_err(|e| field(&format!("sources[{i}].date"), e.to_string()))?;
            Ok(Source {
                title: s.title,
                url: s.url,
                date,
            })
        })
        .collect::<Result<Vec<_>, Problem>>()?;
    Ok(Command::Sanctions(sanctions::Command::ProposeListing {
        target: Target {
            schema,
            name: b.name,
            aliases: b.aliases,
            weak_aliases: b.weak_aliases,
            birth_dates: b.birth_dates,
            nationalities: b.nationalities,
            identifiers,
            addresses: b.addresses,
        },
        grounds: b.grounds,
        evidence: Evidence { grade, sources },
        reasons: b.reasons,
        sponsor: Seat::parse(&b.sponsor),
    }))
}

/// Propose a listing: tables a motion of the charter's sanctions decision kind in its organ,
/// which decides it (the networks' powers apply). Grounds outside the charter's criteria,
/// or none, are refused with the reason.
#[utoipa::path(post, path = "/api/v1/sanctions", tag = "sanctions", request_body = ProposeBody, security(("token" = [])), responses((status = 201, body = SanctionsDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn propose(
    State(app): State<Shared>,
    req: crate::web::Req,
    body: Bytes,
) -> Result<Response, Problem> {
    let b: ProposeBody = parse_body(&body)?;
    let entries = run(&app, &req, propose_cmd(b)?).await?;
    let case = app
        .inst
        .state()
        .await
        .sanctions
        .cases
        .keys()
        .next_back()
        .copied();
    Ok(created(SanctionsDone { case, entries }))
}

/// One case: the target, grounds, evidence and reasons, the decision, each member's
/// national act (with the lag from the listing, and whether it is past the deadline), the
/// reviews.
#[utoipa::path(get, path = "/api/v1/sanctions/{case}", tag = "sanctions", params(("case" = u64, Path, description = "Case number")), responses((status = 200, body = SanctionCaseDetail), (status = 404, body = Problem)))]
pub async fn case(
    State(app): State<Shared>,
    Path(case): Path<String>,
) -> Result<Response, Problem> {
    let id = number("case", &case)?;
    let state = app.inst.state().await;
    let c = state
        .sanctions
        .cases
        .get(&id)
        .ok_or_else(|| Problem::not_found(format!("there is no case {id}")))?;
    Ok(Json(view::detail(&state, c, crate::today())).into_response())
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ImplementBody {
    /// The member's code.
    state: String,
    /// `adopted` or `declined`.
    status: String,
    /// The day of the national act, `YYYY-MM-DD`.
    day: String,
    /// The national instrument (adopted) or the reason (declined).
    text: String,
}

/// A member's national act on a listing in force (its delegate, or the secretariat).
#[utoipa::path(post, path = "/api/v1/sanctions/{case}/implementations", tag = "sanctions", params(("case" = u64, Path, description = "Case number")), request_body = ImplementBody, security(("token" = [])), responses((status = 201, body = SanctionsDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn implement(
    State(app): State<Shared>,
    req: crate::web::Req,
    Path(case): Path<String>,
    body: Bytes,
) -> Result<Response, Problem> {
    let id = number("case", &case)?;
    let b: ImplementBody = parse_body(&body)?;
    let state =
        comity_core::Iso3::parse(b.state.trim()).map_err(|e| field("state", e.to_string()))?;
    let adopted = match b.status.trim() {
        "adopted" => true,
        "declined" => false,
        other => {
            return Err(field(
                "status",
                format!("{other:?} is not adopted or declined"),
            ));
        }
    };
    let day = Day::parse(b.day.trim()).map_err(|e| field("day", e.to_string()))?;
    let cmd = Command::Sanctions(sanctions::Command::RecordImplementation {
        case: id,
        state,
        adopted,
        day,
        text: b.text,
    });
    let entries = run(&app, &req, cmd).await?;
    Ok(created(SanctionsDone {
        case: Some(id),
        entries,
    }))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewBody {
    /// `renew`, or `delist` (tables a delisting motion).
    outcome: String,
    reasons: String,
    /// The seat tabling a delisting (default: the deciding organ).
    sponsor: Option<String>,
}

/// Review a listing in force: renew it, or propose its delisting (decided by motion).
#[utoipa::path(post, path = "/api/v1/sanctions/{case}/reviews", tag = "sanctions", params(("case" = u64, Path, description = "Case number")), request_body = ReviewBody, security(("token" = [])), responses((status = 201, body = SanctionsDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn review(
    State(app): State<Shared>,
    req: crate::web::Req,
    Path(case): Path<String>,
    body: Bytes,
) -> Result<Response, Problem> {
    let id = number("case", &case)?;
    let b: ReviewBody = parse_body(&body)?;
    let renew = match b.outcome.trim() {
        "renew" => true,
        "delist" => false,
        other => {
            return Err(field(
                "outcome",
                format!("{other:?} is not renew or delist"),
            ));
        }
    };
    let sponsor = match b
        .sponsor
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        Some(s) => Seat::parse(s),
        None => view::deciding_seat(&*app.inst.state().await),
    };
    let cmd = Command::Sanctions(sanctions::Command::ReviewListing {
        case: id,
        renew,
        reasons: b.reasons,
        sponsor,
    });
    let entries = run(&app, &req, cmd).await?;
    Ok(created(SanctionsDone {
        case: Some(id),
        entries,
    }))
}

/// The consistency check: every pair of decided cases with the same grounds and grade but
/// different outcomes, side by side, with the written justification once given.
#[utoipa::path(get, path = "/api/v1/sanctions/consistency", tag = "sanctions", responses((status = 200, body = Vec<SanctionInconsistency>)))]
pub async fn consistency(State(app): State<Shared>) -> Response {
    Json(view::inconsistencies(
        &*app.inst.state().await,
        crate::today(),
    ))
    .into_response()
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JustifyBody {
    a: u64,
    b: u64,
    text: String,
}

/// Justify two cases decided differently on the same grounds and grade (the secretariat).
#[utoipa::path(post, path = "/api/v1/sanctions/consistency", tag = "sanctions", request_body = JustifyBody, security(("token" = [])), responses((status = 201, body = SanctionsDone), (status = 400, body = Problem), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn justify(
    State(app): State<Shared>,
    req: crate::web::Req,
    body: Bytes,
) -> Result<Response, Problem> {
    let b: JustifyBody = parse_body(&body)?;
    let cmd = Command::Sanctions(sanctions::Command::JustifyDifference {
        a: b.a,
        b: b.b,
        text: b.text,
    });
    let entries = run(&app, &req, cmd).await?;
    Ok(created(SanctionsDone {
        case: None,
        entries,
    }))
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScreenBody {
    /// The names to screen.
    queries: Vec<ScreenItem>,
    /// A FollowTheMoney list (JSON lines) to screen against instead of the consolidated
    /// list; its bad lines are reported in `list_errors`.
    list: Option<String>,
    /// Report hits from this score (default 0.5, the "possible" threshold).
    threshold: Option<f64>,
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ScreenItem {
    id: Option<String>,
    name: Option<String>,
    birth_date: Option<String>,
    country: Option<String>,
    schema: Option<String>,
}

/// What a screen answers: per query, in order, `{id, name, hits}` (each hit with its score,
/// verdict and explanation) or `{id, error}`.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ScreenDoc {
    /// How many entities the list screened against holds.
    listed: usize,
    #[schema(value_type = Vec<Object>)]
    results: Vec<serde_json::Value>,
    list_errors: Vec<String>,
}

/// Screen names against the consolidated list (or a FollowTheMoney list in the body). Each
/// hit: score in [0, 1], verdict (match, possible), and the explanation — the names paired
/// across scripts, conflicts, missing words, and the qualifiers that lowered the score
/// (birth dates, countries, a weak alias alone).
#[utoipa::path(post, path = "/api/v1/sanctions/screen", tag = "sanctions", request_body = ScreenBody, responses((status = 200, body = ScreenDoc), (status = 400, body = Problem)))]
pub async fn screen(State(app): State<Shared>, body: Bytes) -> Result<Response, Problem> {
    let b: ScreenBody = parse_body(&body)?;
    let floor = b.threshold.unwrap_or(comity_matching::FLOOR);
    if !(0.0..=1.0).contains(&floor) {
        return Err(field("threshold", format!("{floor} is not within [0, 1]")));
    }
    let (list, programs, list_errors) = match b.list {
        Some(text) => {
            let read = read_list(&text);
            (read.list, read.programs, read.errors)
        }
        None => {
            let (l, p) = consolidated(&*app.inst.state().await);
            (l, p, Vec::new())
        }
    };
    let mut scratch = Scratch::default();
    let results = b
        .queries
        .into_iter()
        .map(|q| {
            let id = q.id.unwrap_or_default();
            let asked = ScreenQuery {
                name: q.name,
                birth_date: q.birth_date,
                country: q.country,
                schema: q.schema,
            };
            match screened(&asked) {
                Err((_, why)) => serde_json::json!({"id": id, "error": why}),
                Ok(query) => {
                    let hits = list.screen_with(&query, floor, &mut scratch);
                    let line = ScreenLine {
                        id: &id,
                        name: &query.name,
                        hits: hits
                            .iter()
                            .map(|h| hit_out(&list, &programs, &query, h))
                            .collect(),
                    };
                    serde_json::to_value(&line).unwrap_or_default()
                }
            }
        })
        .collect();
    Ok(Json(ScreenDoc {
        listed: list.entities().len(),
        results,
        list_errors,
    })
    .into_response())
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// `ftm` (FollowTheMoney JSON lines, the default) or `csv`.
    format: Option<String>,
}

/// The consolidated list (every case ever listed, with its status and end date): FollowTheMoney
/// JSON lines (each target and its `Sanction`) or CSV (one row per target).
#[utoipa::path(get, path = "/api/v1/sanctions/export", tag = "sanctions", params(ExportQuery), responses((status = 200, body = String, content_type = "application/x-ndjson"), (status = 400, body = Problem)))]
pub async fn export(
    State(app): State<Shared>,
    Query(q): Query<ExportQuery>,
) -> Result<Response, Problem> {
    let (ftm, csv) = view::files(&*app.inst.state().await);
    match q.format.as_deref().map(str::trim) {
        None | Some("" | "ftm") => Ok((
            [(
                axum::http::header::CONTENT_TYPE,
                "application/x-ndjson; charset=utf-8",
            )],
            ftm,
        )
            .into_response()),
        Some("csv") => Ok(crate::kit::api::csv(csv)),
        Some(other) => Err(Problem::bad_request(
            "query-invalid",
            "format",
            format!("format: {other:?} is not ftm or csv"),
        )),
    }
}

/// A release of the consolidated list.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ReleaseDoc {
    release: u64,
    time: String,
    cases: Vec<u64>,
    ftm_sha256: String,
    csv_sha256: String,
    /// The journal entry that records it.
    seq: u64,
    /// The cases it holds that the release before it did not, and those it no longer holds.
    added: Vec<u64>,
    removed: Vec<u64>,
}

/// The releases of the consolidated list, each with its files' SHA-256 as the journal
/// records them and the cases added and removed since the release before it.
#[utoipa::path(get, path = "/api/v1/sanctions/releases", tag = "sanctions", responses((status = 200, body = Vec<ReleaseDoc>)))]
pub async fn releases(State(app): State<Shared>) -> Response {
    let state = app.inst.state().await;
    let releases = &state.sanctions.releases;
    let docs: Vec<ReleaseDoc> = releases
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let before: &[u64] = i
                .checked_sub(1)
                .and_then(|p| releases.get(p))
                .map_or(&[], |p| p.cases.as_slice());
            ReleaseDoc {
                release: r.release,
                time: r.time.to_string(),
                cases: r.cases.clone(),
                ftm_sha256: r.ftm_sha256.to_string(),
                csv_sha256: r.csv_sha256.to_string(),
                seq: r.seq,
                added: r
                    .cases
                    .iter()
                    .filter(|c| !before.contains(c))
                    .copied()
                    .collect(),
                removed: before
                    .iter()
                    .filter(|c| !r.cases.contains(c))
                    .copied()
                    .collect(),
            }
        })
        .collect();
    Json(docs).into_response()
}

/// Publish a release of the consolidated list (the secretariat): the files of the cases in
/// force now, their SHA-256 into the journal.
#[utoipa::path(post, path = "/api/v1/sanctions/releases", tag = "sanctions", security(("token" = [])), responses((status = 201, body = SanctionsDone), (status = 401, body = Problem), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn publish(State(app): State<Shared>, req: crate::web::Req) -> Result<Response, Problem> {
    let cmd = release_cmd(&*app.inst.state().await);
    let entries = run(&app, &req, cmd).await?;
    Ok(created(SanctionsDone {
        case: None,
        entries,
    }))
}
