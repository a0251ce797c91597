//! What the sanctions' pages and API show, read from the state: a case's summary and detail
//! (each member's standing with its lag, the reviews), the consistency check, the
//! implementation matrix and its chart, the consolidated list's files.

use comity_core::State;
use comity_core::ids::Day;
use comity_core::sanctions::{self, Case, National, Status, export};
use serde::Serialize;

use crate::kit::names::state_name;

/// A case in a list.
#[derive(Serialize, utoipa::ToSchema, Clone)]
pub struct SanctionCase {
    pub case: u64,
    /// `Person`, `Organization`, `Company` or `Vessel`.
    pub schema: String,
    pub name: String,
    /// `proposed`, `rejected`, `listed` or `delisted`.
    pub status: String,
    /// The charter's criterion codes.
    pub grounds: Vec<String>,
    /// The evidence's reliability: `A` (an official act with reasons) to `D`.
    pub grade: String,
    /// The motion that decides the listing.
    pub motion: u64,
    pub listed: Option<String>,
    pub ended: Option<String>,
    pub review_due: Option<String>,
    /// Members' national acts: adopted, declined, pending, and pending past the deadline.
    pub adopted: usize,
    pub declined: usize,
    pub pending: usize,
    pub overdue: usize,
}

/// A member's standing on a listing.
#[derive(Serialize, utoipa::ToSchema, Clone)]
pub struct SanctionNational {
    pub state: String,
    pub name: String,
    /// `adopted`, `declined` or `pending`.
    pub status: String,
    pub day: Option<String>,
    /// The national instrument (adopted) or the reason (declined).
    pub text: Option<String>,
    /// Days from the alliance's listing to the national act.
    pub lag_days: Option<i64>,
    /// Pending past the charter's deadline.
    pub overdue: bool,
}

#[derive(Serialize, utoipa::ToSchema, Clone)]
pub struct SanctionIdentifier {
    /// `passport`, `national_id`, `imo`, `registration`, `swift_bic` or `tax`.
    pub kind: String,
    pub value: String,
}

#[derive(Serialize, utoipa::ToSchema, Clone)]
pub struct SanctionSource {
    pub title: String,
    pub url: Option<String>,
    pub date: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema, Clone)]
pub struct SanctionReview {
    pub day: String,
    /// `renewed`, `delisting_proposed`, `delisted` or `kept`.
    pub outcome: String,
    pub reasons: String,
    pub motion: Option<u64>,
}

/// One case in full.
#[derive(Serialize, utoipa::ToSchema, Clone)]
pub struct SanctionCaseDetail {
    #[serde(flatten)]
    pub summary: SanctionCase,
    pub aliases: Vec<String>,
    pub weak_aliases: Vec<String>,
    pub birth_dates: Vec<String>,
    pub nationalities: Vec<String>,
    pub identifiers: Vec<SanctionIdentifier>,
    pub addresses: Vec<String>,
    pub sources: Vec<SanctionSource>,
    pub reasons: String,
    pub national: Vec<SanctionNational>,
    pub reviews: Vec<SanctionReview>,
}

/// Two cases decided differently on the same grounds and grade.
#[derive(Serialize, utoipa::ToSchema, Clone)]
pub struct SanctionInconsistency {
    pub listed: SanctionCase,
    pub rejected: SanctionCase,
    pub grounds: Vec<String>,
    pub grade: String,
    /// The written justification, once given.
    pub justification: Option<String>,
}

fn national_row(
    state: &State,
    c: &Case,
    member: &comity_core::Iso3,
    today: Day,
) -> SanctionNational {
    let spec = sanctions::spec(state);
    let n = spec.and_then(|s| c.national(member, s, today));
    let imp = c.implementations.get(member);
    let (status, lag, overdue) = match n {
        Some(National::Adopted { lag_days }) => ("adopted", Some(lag_days), false),
        Some(National::Declined) => ("declined", None, false),
        Some(National::Pending { overdue }) => ("pending", None, overdue),
        None => ("pending", None, false),
    };
    SanctionNational {
        state: member.to_string(),
        name: state_name(state, member.as_str()),
        status: status.into(),
        day: imp.map(|i| i.day.to_string()),
        text: imp.map(|i| i.text.clone()),
        lag_days: lag,
        overdue,
    }
}

/// Each member's standing on a listed case (none for a case never listed).
pub fn national(state: &State, c: &Case, today: Day) -> Vec<SanctionNational> {
    if c.listed_on().is_none() {
        return Vec::new();
    }
    state
        .members
        .keys()
        .map(|m| national_row(state, c, m, today))
        .collect()
}

pub fn summary(state: &State, c: &Case, today: Day) -> SanctionCase {
    let rows = national(state, c, today);
    let count = |s: &str| rows.iter().filter(|r| r.status == s).count();
    SanctionCase {
        case: c.id,
        schema: c.target.schema.code().into(),
        name: c.target.name.clone(),
        status: c.status().code().into(),
        grounds: c.grounds.clone(),
        grade: c.evidence.grade.code().into(),
        motion: c.motion,
        listed: c.listed_on().map(|d| d.to_string()),
        ended: c.ended.map(|d| d.to_string()),
        review_due: sanctions::spec(state)
            .and_then(|s| c.review_due(s))
            .map(|d| d.to_string()),
        adopted: count("adopted"),
        declined: count("declined"),
        pending: if c.status() == Status::Listed {
            count("pending")
        } else {
            0
        },
        overdue: if c.status() == Status::Listed {
            rows.iter().filter(|r| r.overdue).count()
        } else {
            0
        },
    }
}

pub fn detail(state: &State, c: &Case, today: Day) -> SanctionCaseDetail {
    let t = &c.target;
    SanctionCaseDetail {
        summary: summary(state, c, today),
        aliases: t.aliases.clone(),
        weak_aliases: t.weak_aliases.clone(),
        birth_dates: t.birth_dates.clone(),
        nationalities: t.nationalities.clone(),
        identifiers: t
            .identifiers
            .iter()
            .map(|i| SanctionIdentifier {
                kind: i.kind.code().into(),
                value: i.value.clone(),
            })
            .collect(),
        addresses: t.addresses.clone(),
        sources: c
            .evidence
            .sources
            .iter()
            .map(|s| SanctionSource {
                title: s.title.clone(),
                url: s.url.clone(),
                date: s.date.map(|d| d.to_string()),
            })
            .collect(),
        reasons: c.reasons.clone(),
        national: national(state, c, today),
        reviews: c
            .reviews
            .iter()
            .map(|r| SanctionReview {
                day: r.day.to_string(),
                outcome: match (r.delisting, r.delisted) {
                    (None, _) => "renewed",
                    (Some(_), None) => "delisting_proposed",
                    (Some(_), Some(true)) => "delisted",
                    (Some(_), Some(false)) => "kept",
                }
                .into(),
                reasons: r.reasons.clone(),
                motion: r.delisting,
            })
            .collect(),
    }
}

/// Every case, newest first.
pub fn summaries(state: &State, today: Day) -> Vec<SanctionCase> {
    state
        .sanctions
        .cases
        .values()
        .rev()
        .map(|c| summary(state, c, today))
        .collect()
}

/// The seat that tables a sanctions motion when none is named: the deciding organ.
pub fn deciding_seat(state: &State) -> comity_core::motion::Seat {
    sanctions::spec(state)
        .and_then(|s| state.charter.as_ref()?.charter.decision(s.decision()))
        .map_or_else(
            || comity_core::motion::Seat::parse(""),
            |d| comity_core::motion::Seat::Organ(d.organ.clone()),
        )
}

/// Per release, in order: the cases it holds that the release before it did not, and those
/// it no longer holds.
pub fn release_changes(releases: &[sanctions::Release]) -> Vec<(Vec<u64>, Vec<u64>)> {
    releases
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let before: &[u64] = i
                .checked_sub(1)
                .and_then(|p| releases.get(p))
                .map_or(&[], |p| p.cases.as_slice());
            (
                r.cases
                    .iter()
                    .filter(|c| !before.contains(c))
                    .copied()
                    .collect(),
                before
                    .iter()
                    .filter(|c| !r.cases.contains(c))
                    .copied()
                    .collect(),
            )
        })
        .collect()
}

/// The consistency check, every pair.
pub fn inconsistencies(state: &State, today: Day) -> Vec<SanctionInconsistency> {
    let s = &state.sanctions;
    s.inconsistencies()
        .into_iter()
        .filter_map(|i| {
            let (a, b) = (s.cases.get(&i.listed)?, s.cases.get(&i.rejected)?);
            Some(SanctionInconsistency {
                listed: summary(state, a, today),
                rejected: summary(state, b, today),
                grounds: i.grounds,
                grade: i.grade.code().into(),
                justification: s.justification(a.id, b.id).map(|j| j.text.clone()),
            })
        })
        .collect()
}

/// The consolidated list's files (FollowTheMoney JSON lines and CSV) of the cases ever
/// listed, in force or ended.
pub fn files(state: &State) -> (String, String) {
    let (name, short) =
        state
            .charter
            .as_ref()
            .map_or(("Comity".to_owned(), "comity".to_owned()), |c| {
                (
                    c.charter.alliance.name.clone(),
                    c.charter.alliance.short_name.clone(),
                )
            });
    let cases: Vec<&Case> = state
        .sanctions
        .cases
        .values()
        .filter(|c| c.listed_on().is_some())
        .collect();
    (
        export::ftm(&name, &short, &cases),
        export::csv(&short, &cases),
    )
}

/// The chart of implementation over time: for each listed case, the members that had adopted
/// it by each day from its listing to `today`, as a step line (server-side SVG).
pub fn chart(state: &State, today: Day, title: &str, desc: &str) -> String {
    let cases: Vec<&Case> = state
        .sanctions
        .cases
        .values()
        .filter(|c| c.listed_on().is_some())
        .collect();
    let Some(first) = cases.iter().filter_map(|c| c.listed_on()).min() else {
        return String::new();
    };
    let members = state.members.len().max(1) as f64;
    let span = ((today.date() - first.date()).whole_days().max(1)) as f64;
    let (w, h, left, bottom) = (640.0, 240.0, 44.0, 28.0);
    let x =
        |d: Day| left + (d.date() - first.date()).whole_days() as f64 / span * (w - left - 10.0);
    let y = |n: f64| h - bottom - n / members * (h - bottom - 10.0);
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"impl-t impl-d\" class=\"chart\"><title id=\"impl-t\">{}</title><desc id=\"impl-d\">{}</desc>",
        crate::kit::names::escape(title),
        crate::kit::names::escape(desc)
    );
    svg.push_str(&format!(
        "<line x1=\"{left}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#555\"/><line x1=\"{left}\" y1=\"10\" x2=\"{left}\" y2=\"{}\" stroke=\"#555\"/>",
        h - bottom,
        w - 10.0,
        h - bottom,
        h - bottom
    ));
    svg.push_str(&format!(
        "<text x=\"{left}\" y=\"{}\" font-size=\"11\">{first}</text><text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">{today}</text><text x=\"{}\" y=\"14\" font-size=\"11\" text-anchor=\"end\">{}</text><text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">0</text>",
        h - 8.0,
        w - 10.0,
        h - 8.0,
        left - 4.0,
        state.members.len(),
        left - 4.0,
        h - bottom
    ));
    let dashes = ["", "6 3", "2 3", "8 3 2 3", "1 2", "10 4"];
    for (k, c) in cases.iter().enumerate() {
        let Some(listed) = c.listed_on() else {
            continue;
        };
        let mut days: Vec<Day> = c
            .implementations
            .values()
            .filter(|i| i.adopted)
            .map(|i| i.day)
            .collect();
        days.sort();
        let end = c.ended.unwrap_or(today).min(today);
        let mut pts = vec![(x(listed), y(0.0))];
        for (n, d) in days.iter().enumerate() {
            let d = (*d).min(end);
            pts.push((x(d), y(n as f64)));
            pts.push((x(d), y((n + 1) as f64)));
        }
        pts.push((x(end), y(days.len() as f64)));
        let points: Vec<String> = pts.iter().map(|(a, b)| format!("{a:.1},{b:.1}")).collect();
        svg.push_str(&format!(
            "<polyline fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"2\" stroke-dasharray=\"{}\" points=\"{}\"><title>{}</title></polyline>",
            dashes[k % dashes.len()],
            points.join(" "),
            crate::kit::names::escape(&format!("{}: {}", c.target.name, days.len()))
        ));
    }
    svg.push_str("</svg>");
    svg
}
