//! `/pledges`: every pledge with its status, coverage of the members, the members × themes
//! matrix and the sources' agreement over time, and the form to make a pledge;
//! `/pledges/{id}`: one pledge with every source side by side, its burn-up chart, its
//! milestones and alerts, and the forms open to the reader (report on an indicator, rate
//! the completion); `/pledges/import`: a file of pledges or reports (the secretariat);
//! `/pledges/feed.atom`: the latest reports.

use askama::Template;
use axum::Form;
use axum::extract::{Multipart, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use comity_core::auth::{Principal, Role};
use comity_core::ids::Day;
use comity_core::pledges::progress::status_at;
use comity_core::pledges::{
    self, Amount, Assessment, Direction, Impact, Indicator, IndicatorKind, Level, Link, Milestone,
    NewAssessment, NewReport, PledgeSpec, Pledger, Point, Reading, Source, Specificity, Theme,
};
use comity_core::{Command, State as Inst};
use serde::Deserialize;

use super::view::{
    AgreementChart, AlertRow, Matrix, PledgeRow, ProgressChart, agreement, alert_rows, burn_up,
    matrix, percent, pledger, pledgers, row, settings, source_word, status_word,
};
use super::words::reading_words;
use crate::i18n::Tr;
use crate::kit::form::{FieldError, Upload, form_status, submit};
use crate::web::{Chrome, Req, Shared, no_store, not_found, render_with};

/// The roles of the viewer that file `source` reports on a pledge by `by`.
pub fn role_for(state: &Inst, who: &Principal, by: &Pledger, source: Source) -> Option<Role> {
    who.roles
        .iter()
        .find(|r| pledges::lane_fits(state, by, source, r).is_ok())
        .cloned()
}

/// The sources the viewer may report for on a pledge by `by`: (code, words).
fn lanes(
    tr: &Tr<'_>,
    state: &Inst,
    who: Option<&Principal>,
    by: &Pledger,
) -> Vec<(String, String)> {
    let Some(who) = who else { return Vec::new() };
    Source::ALL
        .iter()
        .filter(|s| role_for(state, who, by, **s).is_some())
        .map(|s| (s.code().to_owned(), source_word(tr, *s)))
        .collect()
}

/// Who the viewer may make pledges for: (code, name).
fn pledgers_for(state: &Inst, who: Option<&Principal>) -> Vec<(String, String)> {
    let Some(who) = who else { return Vec::new() };
    let mut out: Vec<(String, String)> = pledgers(state)
        .into_iter()
        .filter(|(by, _)| {
            let probe = Command::Pledges(pledges::Command::Make(probe_spec(by.clone())));
            comity_core::auth::authorize(who, &probe, state).is_ok()
        })
        .map(|(by, name)| (by.to_string(), name))
        .collect();
    // The organs, for the secretariat.
    if who.has(&Role::Secretariat)
        && let Some(c) = state.charter.as_ref()
    {
        for o in &c.charter.organs {
            if !out.iter().any(|(code, _)| code == &o.id) {
                out.push((o.id.clone(), o.name.clone()));
            }
        }
    }
    // An accredited organisation, for its own account.
    for r in &who.roles {
        if let Role::Accredited(n) = r
            && let Some(a) = state.accreditations.get(n)
            && a.status == comity_core::network::AccreditationStatus::Accredited
        {
            out.push((Pledger::Accredited(*n).to_string(), a.name.clone()));
        }
    }
    out
}

fn probe_spec(by: Pledger) -> PledgeSpec {
    PledgeSpec {
        id: String::new(),
        by,
        title: String::new(),
        text: String::new(),
        theme: None,
        due: crate::today(),
        links: Vec::new(),
        milestones: Vec::new(),
        assessment: Assessment {
            specificity: Specificity::None,
            relevance: Vec::new(),
            potential_impact: Impact::None,
        },
        indicators: Vec::new(),
    }
}

/// A count of pledges under a status.
pub struct StatusCount {
    pub words: String,
    pub count: usize,
}

/// A member's (or organ's) row in the coverage table.
pub struct CoverageRow {
    pub name: String,
    pub link: String,
    pub pledges: usize,
    pub complete: usize,
    pub on_track: usize,
    pub off_track: usize,
    pub disputed: usize,
    pub starred: usize,
}

#[derive(Deserialize, Default)]
pub struct MakeForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub id: String,
    #[serde(default)]
    pub by: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub theme: String,
    #[serde(default)]
    pub due: String,
    #[serde(default)]
    pub specificity: String,
    #[serde(default)]
    pub relevance: String,
    #[serde(default)]
    pub potential_impact: String,
    #[serde(default)]
    pub links: String,
    #[serde(default)]
    pub milestones: String,
    #[serde(default)]
    pub ind_id: String,
    #[serde(default)]
    pub ind_unit: String,
    #[serde(default)]
    pub ind_direction: String,
    #[serde(default)]
    pub ind_kind: String,
    #[serde(default)]
    pub ind_baseline: String,
    #[serde(default)]
    pub ind_baseline_date: String,
    #[serde(default)]
    pub ind_target: String,
    #[serde(default)]
    pub ind_target_date: String,
}

const MAKE_FIELDS: [&str; 19] = [
    "id",
    "by",
    "title",
    "text",
    "theme",
    "due",
    "specificity",
    "relevance",
    "potential_impact",
    "links",
    "milestones",
    "ind_id",
    "ind_unit",
    "ind_direction",
    "ind_kind",
    "ind_baseline",
    "ind_baseline_date",
    "ind_target",
    "ind_target_date",
];

#[derive(Template)]
#[template(path = "pledges/list.html")]
struct ListPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    rows: Vec<PledgeRow>,
    pager: crate::kit::paging::Pager,
    counts: Vec<StatusCount>,
    coverage: Vec<CoverageRow>,
    by_theme: Vec<CoverageRow>,
    alerts: Vec<AlertRow>,
    matrix: Matrix,
    agreement: Option<AgreementChart>,
    designated: String,
    today: String,
    can_import: bool,
    /// (code, name) the viewer may make pledges for.
    makers: Vec<(String, String)>,
    themes: Vec<(String, String)>,
    specificities: Vec<(String, String)>,
    impacts: Vec<(String, String)>,
    f: MakeForm,
    error: FieldError,
}

fn scale_words<T: Copy>(
    tr: &Tr<'_>,
    all: &[T],
    code: fn(T) -> &'static str,
    prefix: &str,
) -> Vec<(String, String)> {
    all.iter()
        .map(|x| {
            let c = code(*x);
            (
                c.to_owned(),
                tr.t(&format!("{prefix}-{}", c.replace('_', "-"))),
            )
        })
        .collect()
}

async fn list_page(app: &Shared, req: &Req, f: MakeForm, error: FieldError) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let today = crate::today();
    let settings = settings(&state);
    let mut rows: Vec<PledgeRow> = state
        .pledges
        .pledges
        .values()
        .map(|p| row(&tr, &state, p, today))
        .collect();
    rows.sort_by(|a, b| (&a.by, &a.id).cmp(&(&b.by, &b.id)));
    let counts = pledges::Status::ALL
        .iter()
        .map(|s| StatusCount {
            words: status_word(&tr, *s),
            count: rows.iter().filter(|r| r.status_code == s.code()).count(),
        })
        .collect();
    // A roll-up row of the pledges `keep` selects.
    let rollup = |name: String, link: String, keep: &dyn Fn(&pledges::Pledge) -> bool| {
        let mine: Vec<pledges::PledgeStatus> = state
            .pledges
            .pledges
            .values()
            .filter(|p| keep(p))
            .map(|p| pledges::status(&settings, p))
            .collect();
        let n = |s: pledges::Status| mine.iter().filter(|x| x.status == s).count();
        CoverageRow {
            link,
            name,
            pledges: mine.len(),
            complete: n(pledges::Status::Complete),
            on_track: n(pledges::Status::OnTrack),
            off_track: n(pledges::Status::OffTrack),
            disputed: n(pledges::Status::Disputed),
            starred: mine.iter().filter(|x| x.starred).count(),
        }
    };
    let coverage = pledgers(&state)
        .into_iter()
        .map(|(by, name)| rollup(name, pledger(&state, &by).1, &|p| p.spec.by == by))
        .collect();
    let by_theme = Theme::ALL
        .iter()
        .map(|t| Some(*t))
        .chain(std::iter::once(None))
        .map(|t| {
            rollup(super::view::theme_word(&tr, t), String::new(), &|p| {
                p.spec.theme == t
            })
        })
        .collect();
    let who = req.principal();
    let can_import = who.as_ref().is_some_and(|w| w.has(&Role::Secretariat));
    let pager = crate::kit::paging::Pager::on(rows.len(), req);
    let page = ListPage {
        c: req.chrome(&state, "pledges"),
        rows: pager.slice(rows),
        pager,
        counts,
        coverage,
        by_theme,
        alerts: alert_rows(&tr, &state, today, None),
        matrix: matrix(&tr, &state),
        agreement: agreement(&state),
        designated: source_word(&tr, settings.designated),
        today: today.to_string(),
        can_import,
        makers: pledgers_for(&state, who.as_ref()),
        themes: scale_words(&tr, Theme::ALL, Theme::code, "pledges-theme"),
        specificities: scale_words(
            &tr,
            Specificity::ALL,
            Specificity::code,
            "pledges-specificity",
        ),
        impacts: scale_words(&tr, Impact::ALL, Impact::code, "pledges-impact"),
        f,
        error: error.clone(),
        tr,
    };
    no_store(render_with(form_status(&error), &page))
}

pub async fn list(State(app): State<Shared>, req: Req) -> Response {
    list_page(&app, &req, MakeForm::default(), FieldError::default()).await
}

/// The make-pledge form read, or the field that does not read.
fn make_cmd(tr: &Tr<'_>, f: &MakeForm) -> Result<Command, FieldError> {
    let bad = |field: &str, id: &str| (field.to_owned(), tr.t(id));
    let day =
        |field: &str, s: &str| Day::parse(s.trim()).map_err(|_| bad(field, "pledges-bad-date"));
    let amount =
        |field: &str, s: &str| Amount::parse(s).ok_or_else(|| bad(field, "pledges-bad-number"));
    let theme = match f.theme.trim() {
        "" => None,
        t => Some(Theme::parse(t).ok_or_else(|| bad("theme", "pledges-bad-choice"))?),
    };
    let mut milestones = Vec::new();
    for line in f.milestones.lines().filter(|l| !l.trim().is_empty()) {
        let parts: Vec<&str> = line.split('|').map(str::trim).collect();
        let [id, title, due] = parts.as_slice() else {
            return Err(bad("milestones", "pledges-bad-milestone"));
        };
        milestones.push(Milestone {
            id: (*id).to_owned(),
            title: (*title).to_owned(),
            due: day("milestones", due)?,
        });
    }
    let mut links = Vec::new();
    for line in f.links.lines().filter(|l| !l.trim().is_empty()) {
        let Some((kind, reference)) = line.split_once('|') else {
            return Err(bad("links", "pledges-bad-link"));
        };
        links.push(Link {
            kind: kind.trim().to_owned(),
            reference: reference.trim().to_owned(),
        });
    }
    let mut indicators = Vec::new();
    if !f.ind_id.trim().is_empty() {
        indicators.push(Indicator {
            id: f.ind_id.trim().to_owned(),
            title: String::new(),
            unit: f.ind_unit.trim().to_owned(),
            direction: Direction::parse(&f.ind_direction)
                .ok_or_else(|| bad("ind_direction", "pledges-bad-choice"))?,
            kind: IndicatorKind::parse(&f.ind_kind)
                .ok_or_else(|| bad("ind_kind", "pledges-bad-choice"))?,
            baseline: Point {
                value: amount("ind_baseline", &f.ind_baseline)?,
                date: day("ind_baseline_date", &f.ind_baseline_date)?,
            },
            target: Point {
                value: amount("ind_target", &f.ind_target)?,
                date: day("ind_target_date", &f.ind_target_date)?,
            },
        });
    }
    Ok(Command::Pledges(pledges::Command::Make(PledgeSpec {
        id: f.id.trim().to_owned(),
        by: Pledger::parse(&f.by),
        title: f.title.trim().to_owned(),
        text: f.text.trim().to_owned(),
        theme,
        due: day("due", &f.due)?,
        links,
        milestones,
        assessment: Assessment {
            specificity: Specificity::parse(&f.specificity)
                .ok_or_else(|| bad("specificity", "pledges-bad-choice"))?,
            relevance: f
                .relevance
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
            potential_impact: Impact::parse(&f.potential_impact)
                .ok_or_else(|| bad("potential_impact", "pledges-bad-choice"))?,
        },
        indicators,
    })))
}

pub async fn make(State(app): State<Shared>, req: Req, Form(f): Form<MakeForm>) -> Response {
    let tr = req.tr(&app.catalog);
    let cmd = match make_cmd(&tr, &f) {
        Ok(c) => c,
        Err(e) => return list_page(&app, &req, f, e).await,
    };
    match submit(&app, &req, &f.csrf, &cmd).await {
        Ok(_) => Redirect::to(&format!("/pledges/{}", f.id.trim())).into_response(),
        Err(why) => {
            why.answer(&MAKE_FIELDS, "id", |e| list_page(&app, &req, f, e))
                .await
        }
    }
}

/// One source's column on a pledge's page.
pub struct SourceCol {
    pub name: String,
    pub level: String,
    pub progress: String,
    pub verdict: String,
    pub date: String,
    pub reported: bool,
}

pub struct IndicatorRow {
    pub id: String,
    pub title: String,
    pub unit: String,
    pub kind: String,
    pub direction: String,
    pub baseline: String,
    pub target: String,
    /// Each source's latest value and progress, in the order self, shadow, independent.
    pub by_source: Vec<String>,
}

pub struct MilestoneRow {
    pub id: String,
    pub title: String,
    pub due: String,
    pub level: String,
    pub overdue: bool,
}

pub struct ReportRow {
    pub seq: u64,
    pub date: String,
    pub source: String,
    pub role: String,
    pub what: String,
    pub value: String,
    pub note: String,
}

#[derive(Template)]
#[template(path = "pledges/pledge.html")]
struct PledgePage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    id: String,
    title: String,
    text: String,
    by: String,
    by_link: String,
    theme: String,
    due: String,
    /// (kind in words, reference, the page of a motion or treaty it names)
    links: Vec<(String, String, Option<String>)>,
    /// Starred before the end of term: the star is confirmed when the pledge falls due.
    provisional_star: bool,
    specificity: String,
    relevance: String,
    impact: String,
    status: String,
    status_code: &'static str,
    progress: String,
    used: String,
    starred: bool,
    recycled_of: Option<(String, String)>,
    sources: Vec<SourceCol>,
    indicators: Vec<IndicatorRow>,
    milestones: Vec<MilestoneRow>,
    alerts: Vec<AlertRow>,
    chart: Option<ProgressChart>,
    reports: Vec<ReportRow>,
    /// Sources the viewer may file: (code, words).
    lanes: Vec<(String, String)>,
    /// (id, label, is ratio)
    indicator_choices: Vec<(String, String, bool)>,
    milestone_choices: Vec<(String, String)>,
    levels: Vec<(String, String)>,
    today: String,
    error: FieldError,
}

async fn pledge_page(app: &Shared, req: &Req, id: &str, error: FieldError) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let Some(p) = state.pledges.pledges.get(id) else {
        let msg = tr.t1("pledges-not-found", "pledge", id);
        return not_found(app, req, &state, msg);
    };
    let today = crate::today();
    let (st, alerts) = status_at(&settings(&state), p, today);
    let (by, by_link) = pledger(&state, &p.spec.by);
    let sources = Source::ALL
        .iter()
        .map(|s| {
            let v = st.source(*s);
            SourceCol {
                name: source_word(&tr, *s),
                level: v.and_then(|v| v.level).map_or_else(
                    || "—".to_owned(),
                    |(l, d)| format!("{} ({d})", tr.t(&format!("pledges-level-{}", l.code()))),
                ),
                progress: percent(v.and_then(|v| v.progress)),
                verdict: v.and_then(|v| v.verdict).map_or_else(
                    || "—".to_owned(),
                    |x| tr.t(&format!("pledges-status-{}", x.code().replace('_', "-"))),
                ),
                date: v
                    .and_then(|v| v.date)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                reported: v.is_some(),
            }
        })
        .collect();
    let indicators = p
        .spec
        .indicators
        .iter()
        .map(|ind| IndicatorRow {
            id: ind.id.clone(),
            title: ind.title.clone(),
            unit: ind.unit.clone(),
            kind: tr.t(&format!("pledges-kind-{}", ind.kind.code())),
            direction: tr.t(&format!("pledges-direction-{}", ind.direction.code())),
            baseline: format!("{} ({})", ind.baseline.value, ind.baseline.date),
            target: format!("{} ({})", ind.target.value, ind.target.date),
            by_source: Source::ALL
                .iter()
                .map(|s| {
                    st.source(*s)
                        .and_then(|v| v.indicators.iter().find(|i| i.id == ind.id))
                        .and_then(|i| i.latest())
                        .map_or_else(
                            || "—".to_owned(),
                            |l| {
                                format!(
                                    "{} → {} ({})",
                                    round_value(l.value),
                                    percent(Some(l.progress)),
                                    l.date
                                )
                            },
                        )
                })
                .collect(),
        })
        .collect();
    let milestones = p
        .spec
        .milestones
        .iter()
        .map(|m| MilestoneRow {
            id: m.id.clone(),
            title: m.title.clone(),
            due: m.due.to_string(),
            level: st
                .milestones
                .get(&m.id)
                .map_or_else(|| "—".to_owned(), |l| tr.t(&format!("pledges-level-{}", l.code()))),
            overdue: alerts.iter().any(|a| matches!(a, pledges::Alert::OverdueMilestone { milestone, .. } if milestone == &m.id)),
        })
        .collect();
    let mut reports: Vec<ReportRow> = p
        .reports
        .iter()
        .map(|r| ReportRow {
            seq: r.seq,
            date: r.date.to_string(),
            source: source_word(&tr, r.source),
            role: r.role.to_string(),
            what: r.indicator.clone(),
            value: reading_words(&r.reading),
            note: r.note.clone(),
        })
        .chain(p.ratings.iter().map(|r| {
            ReportRow {
                seq: r.seq,
                date: r.date.to_string(),
                source: source_word(&tr, r.source),
                role: r.role.to_string(),
                what: r
                    .milestone
                    .clone()
                    .unwrap_or_else(|| tr.t("pledges-whole-pledge")),
                value: tr.t(&format!("pledges-level-{}", r.level.code())),
                note: r.note.clone(),
            }
        }))
        .collect();
    reports.sort_by(|a, b| (&b.date, b.seq).cmp(&(&a.date, a.seq)));
    let who = req.principal();
    let a = &p.spec.assessment;
    let page = PledgePage {
        c: req.chrome(&state, "pledges"),
        id: p.spec.id.clone(),
        title: p.spec.title.clone(),
        text: p.spec.text.clone(),
        by,
        by_link,
        theme: super::view::theme_word(&tr, p.spec.theme),
        due: p.spec.due.to_string(),
        links: p
            .spec
            .links
            .iter()
            .map(|l| {
                // A motion or treaty of this alliance links to its page.
                let r = l.reference.trim();
                let href = match l.kind.as_str() {
                    "motion" => r
                        .parse::<u64>()
                        .ok()
                        .filter(|n| state.motions.contains_key(n))
                        .map(|n| format!("/motions/{n}")),
                    "treaty" => state
                        .treaties
                        .contains_key(r)
                        .then(|| format!("/treaties/{r}")),
                    _ => None,
                };
                (
                    tr.t(&format!("pledges-link-{}", l.kind)),
                    l.reference.clone(),
                    href,
                )
            })
            .collect(),
        provisional_star: st.starred && p.spec.due >= today,
        specificity: tr.t(&format!("pledges-specificity-{}", a.specificity.code())),
        relevance: if a.relevance.is_empty() {
            tr.t("pledges-not-relevant")
        } else {
            a.relevance.join(", ")
        },
        impact: tr.t(&format!("pledges-impact-{}", a.potential_impact.code())),
        status: status_word(&tr, st.status),
        status_code: st.status.code(),
        progress: percent(st.progress),
        used: st.used.map(|s| source_word(&tr, s)).unwrap_or_default(),
        starred: st.starred,
        recycled_of: pledges::recycled_of(&state, id)
            .map(|q| (q.spec.id.clone(), q.spec.title.clone())),
        sources,
        indicators,
        milestones,
        alerts: alerts
            .iter()
            .map(|x| super::view::alert_row(&tr, &state, x))
            .collect(),
        chart: burn_up(&tr, p, &st),
        reports,
        lanes: lanes(&tr, &state, who.as_ref(), &p.spec.by),
        indicator_choices: p
            .spec
            .indicators
            .iter()
            .map(|i| {
                let label = if i.title.is_empty() {
                    i.id.clone()
                } else {
                    format!("{} — {}", i.id, i.title)
                };
                (i.id.clone(), label, i.kind == IndicatorKind::Ratio)
            })
            .collect(),
        milestone_choices: p
            .spec
            .milestones
            .iter()
            .map(|m| (m.id.clone(), m.title.clone()))
            .collect(),
        levels: Level::ALL
            .iter()
            .map(|l| {
                (
                    l.code().to_owned(),
                    tr.t(&format!("pledges-level-{}", l.code())),
                )
            })
            .collect(),
        today: today.to_string(),
        error: error.clone(),
        tr,
    };
    no_store(render_with(form_status(&error), &page))
}

fn round_value(v: f64) -> String {
    let r = (v * 100.0).round() / 100.0;
    if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r}")
    }
}

pub async fn pledge(State(app): State<Shared>, req: Req, Path(id): Path<String>) -> Response {
    pledge_page(&app, &req, &id, FieldError::default()).await
}

#[derive(Deserialize, Default)]
pub struct ReportForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub indicator: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub value: String,
    #[serde(default)]
    pub numerator: String,
    #[serde(default)]
    pub denominator: String,
    #[serde(default)]
    pub note: String,
}

const REPORT_FIELDS: [&str; 7] = [
    "source",
    "indicator",
    "date",
    "value",
    "numerator",
    "denominator",
    "note",
];

/// What a lane's form shares: the pledge, the source, the date, and the viewer's role that
/// files that source's reports on it (else their first role, which `decide` refuses with the
/// lane's rule).
struct Lane<'a> {
    pledge: &'a pledges::Pledge,
    source: Source,
    date: Day,
    role: Role,
}

fn lane<'a>(
    tr: &Tr<'_>,
    state: &'a Inst,
    who: Option<&Principal>,
    id: &str,
    source: &str,
    date: &str,
) -> Result<Lane<'a>, FieldError> {
    let bad = |field: &str, msg: &str| (field.to_owned(), tr.t(msg));
    let pledge = state
        .pledges
        .pledges
        .get(id)
        .ok_or_else(|| bad("act", "pledges-not-found-plain"))?;
    let source = Source::parse(source).ok_or_else(|| bad("source", "pledges-bad-choice"))?;
    let date = Day::parse(date.trim()).map_err(|_| bad("date", "pledges-bad-date"))?;
    let role = who
        .and_then(|w| {
            role_for(state, w, &pledge.spec.by, source).or_else(|| w.roles.first().cloned())
        })
        .unwrap_or(Role::Observer);
    Ok(Lane {
        pledge,
        source,
        date,
        role,
    })
}

/// The report form read against the pledge, for the viewer: the command, or the field.
fn report_cmd(
    tr: &Tr<'_>,
    state: &Inst,
    who: Option<&Principal>,
    id: &str,
    f: &ReportForm,
) -> Result<Command, FieldError> {
    let bad = |field: &str, msg: &str| (field.to_owned(), tr.t(msg));
    let l = lane(tr, state, who, id, &f.source, &f.date)?;
    let ind = l
        .pledge
        .indicator(f.indicator.trim())
        .ok_or_else(|| bad("indicator", "pledges-bad-choice"))?;
    let amount =
        |field: &str, s: &str| Amount::parse(s).ok_or_else(|| bad(field, "pledges-bad-number"));
    let reading = if ind.kind == IndicatorKind::Ratio {
        Reading::Ratio {
            numerator: amount("numerator", &f.numerator)?,
            denominator: amount("denominator", &f.denominator)?,
        }
    } else {
        Reading::Value {
            value: amount("value", &f.value)?,
        }
    };
    Ok(Command::Pledges(pledges::Command::Report {
        pledge: id.to_owned(),
        report: NewReport {
            indicator: ind.id.clone(),
            source: l.source,
            role: l.role,
            date: l.date,
            reading,
            note: f.note.trim().to_owned(),
        },
    }))
}

/// A lane's form posted on pledge `id`: the command `build` reads from it, run for the
/// viewer; back to the pledge's page, or the page with the error on its field.
async fn lane_act(
    app: &Shared,
    req: &Req,
    id: &str,
    csrf: &str,
    fields: &[&str],
    fallback: &str,
    build: impl FnOnce(&Tr<'_>, &Inst, Option<&Principal>) -> Result<Command, FieldError>,
) -> Response {
    let cmd = {
        let state = app.inst.state().await;
        let tr = req.tr(&app.catalog);
        build(&tr, &state, req.principal().as_ref())
    };
    let cmd = match cmd {
        Ok(c) => c,
        Err(e) => return pledge_page(app, req, id, e).await,
    };
    match submit(app, req, csrf, &cmd).await {
        Ok(_) => Redirect::to(&format!("/pledges/{id}")).into_response(),
        Err(why) => {
            why.answer(fields, fallback, |e| pledge_page(app, req, id, e))
                .await
        }
    }
}

pub async fn report(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<String>,
    Form(f): Form<ReportForm>,
) -> Response {
    lane_act(
        &app,
        &req,
        &id,
        &f.csrf,
        &REPORT_FIELDS,
        "source",
        |tr, state, who| report_cmd(tr, state, who, &id, &f),
    )
    .await
}

#[derive(Deserialize, Default)]
pub struct RateForm {
    #[serde(default)]
    pub csrf: String,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub milestone: String,
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub level: String,
    #[serde(default)]
    pub note: String,
}

const RATE_FIELDS: [&str; 5] = ["source", "milestone", "date", "level", "note"];

fn rate_cmd(
    tr: &Tr<'_>,
    state: &Inst,
    who: Option<&Principal>,
    id: &str,
    f: &RateForm,
) -> Result<Command, FieldError> {
    let l = lane(tr, state, who, id, &f.source, &f.date)?;
    let level =
        Level::parse(&f.level).ok_or_else(|| ("level".to_owned(), tr.t("pledges-bad-choice")))?;
    Ok(Command::Pledges(pledges::Command::Assess {
        pledge: id.to_owned(),
        assessment: NewAssessment {
            milestone: Some(f.milestone.trim().to_owned()).filter(|m| !m.is_empty()),
            source: l.source,
            role: l.role,
            date: l.date,
            level,
            note: f.note.trim().to_owned(),
        },
    }))
}

pub async fn rate(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<String>,
    Form(f): Form<RateForm>,
) -> Response {
    lane_act(
        &app,
        &req,
        &id,
        &f.csrf,
        &RATE_FIELDS,
        "level",
        |tr, state, who| rate_cmd(tr, state, who, &id, &f),
    )
    .await
}

#[derive(Template)]
#[template(path = "pledges/import.html")]
struct ImportPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    allowed: bool,
    columns: String,
    error: String,
    done: Option<(String, u64, u64, u64)>,
}

async fn import_page(
    app: &Shared,
    req: &Req,
    error: String,
    done: Option<(String, u64, u64, u64)>,
) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let status = if error.is_empty() {
        axum::http::StatusCode::OK
    } else {
        axum::http::StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = ImportPage {
        c: req.chrome(&state, "pledges"),
        allowed: req.principal().is_some_and(|w| w.has(&Role::Secretariat)),
        columns: pledges::file::CSV_COLUMNS.join(","),
        error,
        done,
        tr,
    };
    no_store(render_with(status, &page))
}

pub async fn import_form(State(app): State<Shared>, req: Req) -> Response {
    import_page(&app, &req, String::new(), None).await
}

/// Read and record an uploaded file: JSON pledges or CSV reports; any problem named by
/// file, place and field, and nothing recorded.
pub async fn import(State(app): State<Shared>, req: Req, form: Multipart) -> Response {
    let tr = req.tr(&app.catalog);
    let mut up = match Upload::read(form).await {
        Ok(u) => u,
        Err(e) => return import_page(&app, &req, e, None).await,
    };
    if let Err(why) = crate::kit::form::gate(&app, &req, &up.text("csrf")) {
        return match why {
            crate::kit::form::Submit::SignIn => Redirect::to("/login").into_response(),
            crate::kit::form::Submit::Refused((_, msg)) => import_page(&app, &req, msg, None).await,
        };
    }
    let Some((name, bytes)) = up.take_file("file") else {
        return import_page(&app, &req, tr.t("pledges-import-no-file"), None).await;
    };
    let read = {
        let state = app.inst.state().await;
        if name.to_lowercase().ends_with(".csv") {
            pledges::file::read_csv(&state, &name, &bytes)
        } else {
            pledges::file::read_json(&state, &name, &bytes)
        }
    };
    let list = match read {
        Ok(l) => l,
        Err(e) => return import_page(&app, &req, e.to_string(), None).await,
    };
    let cmd = Command::Pledges(pledges::Command::Import {
        file: name.clone(),
        sha256: comity_core::journal::Hash::of(&bytes),
        pledges: list,
    });
    match crate::kit::form::execute(&app, &req, &cmd).await {
        Ok(_) => {
            let done = app
                .inst
                .state()
                .await
                .pledges
                .imports
                .last()
                .map(|i| (i.file.clone(), i.pledges, i.reports, i.ratings));
            import_page(&app, &req, String::new(), done).await
        }
        Err((_, msg)) => import_page(&app, &req, format!("{name}: {msg}"), None).await,
    }
}

#[derive(Template)]
#[template(path = "pledges/feed.xml")]
struct Feed {
    title: String,
    updated: String,
    items: Vec<FeedItem>,
}

struct FeedItem {
    seq: u64,
    pledge: String,
    title: String,
    time: String,
    author: String,
}

/// Atom feed of the latest reports and ratings (English titles; the feed has one language).
pub async fn feed(State(app): State<Shared>) -> Response {
    let state = app.inst.state().await;
    let tr = Tr {
        catalog: &app.catalog,
        lang: crate::i18n::Lang::En,
    };
    let mut items: Vec<FeedItem> = state
        .pledges
        .pledges
        .values()
        .flat_map(|p| {
            let reports = p.reports.iter().map(|r| FeedItem {
                seq: r.seq,
                pledge: p.spec.id.clone(),
                title: format!(
                    "{} — {}: {} {} ({})",
                    p.spec.id,
                    source_word(&tr, r.source),
                    r.indicator,
                    reading_words(&r.reading),
                    r.date
                ),
                time: r.time.to_string(),
                author: r.role.to_string(),
            });
            let ratings = p.ratings.iter().map(|r| FeedItem {
                seq: r.seq,
                pledge: p.spec.id.clone(),
                title: format!(
                    "{} — {}: {} {} ({})",
                    p.spec.id,
                    source_word(&tr, r.source),
                    r.milestone
                        .clone()
                        .unwrap_or_else(|| tr.t("pledges-whole-pledge")),
                    tr.t(&format!("pledges-level-{}", r.level.code())),
                    r.date
                ),
                time: r.time.to_string(),
                author: r.role.to_string(),
            });
            reports.chain(ratings).collect::<Vec<_>>()
        })
        .collect();
    items.sort_by_key(|b| std::cmp::Reverse(b.seq));
    items.truncate(100);
    let feed = Feed {
        title: state
            .charter
            .as_ref()
            .map(|a| a.charter.alliance.name.clone())
            .unwrap_or_else(|| "Comity".into()),
        updated: items
            .first()
            .map(|i| i.time.clone())
            .unwrap_or_else(|| "1970-01-01T00:00:00Z".into()),
        items,
    };
    crate::kit::text::atom(feed.render(), "rendering the pledges feed")
}

/// A pledger's pledges and today's alerts on them, for a member's or an organ's page.
pub struct PledgerSection {
    pub rows: Vec<PledgeRow>,
    pub alerts: Vec<AlertRow>,
}

pub fn pledger_section(tr: &Tr<'_>, state: &Inst, by: &Pledger) -> PledgerSection {
    let today = crate::today();
    PledgerSection {
        rows: state
            .pledges
            .pledges
            .values()
            .filter(|p| &p.spec.by == by)
            .map(|p| row(tr, state, p, today))
            .collect(),
        alerts: alert_rows(tr, state, today, Some(by)),
    }
}

/// Every alert today, on the page of the organ the charter makes responsible for pledges.
pub fn organ_alerts(tr: &Tr<'_>, state: &Inst, organ: &str) -> Option<Vec<AlertRow>> {
    (settings(state).organ == Some(organ)).then(|| alert_rows(tr, state, crate::today(), None))
}

/// The pledge lanes a person files in, for the account page: a delegate its state's
/// self-assessments, civil society shadow reports, the reviewer's members the independent
/// review (each as `lane_fits` answers).
pub fn lanes_of(tr: &Tr<'_>, state: &Inst, who: &Principal) -> Vec<String> {
    let mut out = Vec::new();
    for r in &who.roles {
        if let Role::StateDelegate(iso) = r {
            let by = Pledger::State(iso.clone());
            if pledges::lane_fits(state, &by, Source::Own, r).is_ok() {
                out.push(tr.t1(
                    "may-pledge-self",
                    "state",
                    super::view::pledger(state, &by).0,
                ));
            }
        }
    }
    // No state pledges here, so no one is excluded as reviewing their own pledge.
    let anyone = Pledger::Organ(String::new());
    for (source, id) in [
        (Source::Shadow, "may-pledge-shadow"),
        (Source::Independent, "may-pledge-independent"),
    ] {
        if who
            .roles
            .iter()
            .any(|r| pledges::lane_fits(state, &anyone, source, r).is_ok())
        {
            out.push(tr.t(id));
        }
    }
    out
}
