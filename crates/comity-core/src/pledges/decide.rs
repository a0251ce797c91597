//! Deciding acts on pledges: every definition and report is checked here, so a file that
//! holds one bad line records nothing.

use std::collections::BTreeSet;

use super::{
    Command, Direction, ImportedPledge, IndicatorKind, LINK_KINDS, NewAssessment, NewReport,
    Pledge, PledgeSpec, Pledger, Reading, Refusal, Settings, Source,
};
use crate::auth::Role;
use crate::base::{charter_of as charter, text_field};
use crate::charter::{OrganKind, SeatHolders};
use crate::error::DomainError;
use crate::event::Event;
use crate::ids::Timestamp;
use crate::network::AccreditationStatus;
use crate::pledges::Event as E;
use crate::state::State;

fn refused(r: Refusal) -> DomainError {
    DomainError::Pledges(r)
}

pub fn decide(state: &State, now: Timestamp, cmd: &Command) -> Result<Vec<Event>, DomainError> {
    let _ = now;
    charter(state)?;
    match cmd {
        Command::Make(spec) => {
            if state.pledges.pledges.contains_key(&spec.id) {
                return Err(refused(Refusal::PledgeExists {
                    pledge: spec.id.clone(),
                }));
            }
            check_spec(state, spec)?;
            Ok(vec![E::PledgeMade(spec.clone()).into()])
        }
        Command::Report { pledge, report } => {
            let p = pledge_of(state, pledge)?;
            check_report(state, &p.spec, report)?;
            Ok(vec![report_event(pledge, report)])
        }
        Command::Assess { pledge, assessment } => {
            let p = pledge_of(state, pledge)?;
            check_assessment(state, &p.spec, assessment)?;
            Ok(vec![assessment_event(pledge, assessment)])
        }
        Command::Import {
            file,
            sha256,
            pledges,
        } => import(state, file, sha256, pledges),
    }
}

fn pledge_of<'a>(state: &'a State, id: &str) -> Result<&'a Pledge, DomainError> {
    state.pledges.pledges.get(id).ok_or_else(|| {
        refused(Refusal::UnknownPledge {
            pledge: id.to_owned(),
        })
    })
}

fn report_event(pledge: &str, r: &NewReport) -> Event {
    E::PledgeProgressReported {
        pledge: pledge.to_owned(),
        indicator: r.indicator.clone(),
        source: r.source,
        role: r.role.clone(),
        date: r.date,
        reading: r.reading.clone(),
        note: r.note.clone(),
    }
    .into()
}

fn assessment_event(pledge: &str, a: &NewAssessment) -> Event {
    E::PledgeCompletionAssessed {
        pledge: pledge.to_owned(),
        milestone: a.milestone.clone(),
        source: a.source,
        role: a.role.clone(),
        date: a.date,
        level: a.level,
        note: a.note.clone(),
    }
    .into()
}

fn id_field(field: &str, value: &str) -> Result<(), DomainError> {
    let ok = (1..=64).contains(&value.chars().count())
        && value
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-'));
    if ok {
        Ok(())
    } else {
        Err(refused(Refusal::BadId {
            field: field.to_owned(),
            value: value.to_owned(),
        }))
    }
}

/// The years a date of a pledge may fall in.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

fn date_field(field: &str, date: crate::ids::Day) -> Result<(), DomainError> {
    if YEARS.contains(&date.date().year()) {
        Ok(())
    } else {
        Err(refused(Refusal::DateOutOfRange {
            field: field.to_owned(),
            date,
        }))
    }
}

/// A pledge's definition: ids, who made it, its links, milestones and indicators.
fn check_spec(state: &State, spec: &PledgeSpec) -> Result<(), DomainError> {
    id_field("id", &spec.id)?;
    date_field("due", spec.due)?;
    let known = match &spec.by {
        Pledger::State(iso) => state.registry.country(iso).is_some(),
        Pledger::Organ(o) => charter(state)?.organ(o).is_some(),
        Pledger::Accredited(n) => state
            .accreditations
            .get(n)
            .is_some_and(|a| a.status == AccreditationStatus::Accredited),
    };
    if !known {
        return Err(refused(Refusal::UnknownPledger {
            by: spec.by.to_string(),
        }));
    }
    text_field("title", &spec.title, 300)?;
    if spec.text.chars().count() > 10_000 {
        return Err(crate::base::Refusal::TooLong {
            field: "text",
            max: 10_000,
        }
        .into());
    }
    for l in &spec.links {
        if !LINK_KINDS.contains(&l.kind.as_str()) {
            return Err(refused(Refusal::BadLink {
                kind: l.kind.clone(),
            }));
        }
        text_field("links.reference", &l.reference, 300)?;
    }
    for r in &spec.assessment.relevance {
        text_field("assessment.relevance", r, 100)?;
    }
    let twice = |field: &str, ids: Vec<&str>| -> Result<(), DomainError> {
        let mut seen = BTreeSet::new();
        for id in ids {
            id_field(field, id)?;
            if !seen.insert(id) {
                return Err(refused(Refusal::Repeated {
                    pledge: spec.id.clone(),
                    field: field.to_owned(),
                    id: id.to_owned(),
                }));
            }
        }
        Ok(())
    };
    twice(
        "milestones.id",
        spec.milestones.iter().map(|m| m.id.as_str()).collect(),
    )?;
    for m in &spec.milestones {
        text_field("milestones.title", &m.title, 300)?;
        date_field("milestones.due", m.due)?;
    }
    twice(
        "indicators.id",
        spec.indicators.iter().map(|i| i.id.as_str()).collect(),
    )?;
    for i in &spec.indicators {
        if i.unit.chars().count() > 40 {
            return Err(crate::base::Refusal::TooLong {
                field: "indicators.unit",
                max: 40,
            }
            .into());
        }
        date_field("baseline.date", i.baseline.date)?;
        date_field("target.date", i.target.date)?;
        let at = |r: fn(String, String) -> Refusal| refused(r(spec.id.clone(), i.id.clone()));
        let (b, t) = (i.baseline.value.value(), i.target.value.value());
        if b == t {
            return Err(at(|pledge, indicator| Refusal::TargetIsBaseline {
                pledge,
                indicator,
            }));
        }
        if i.target.date <= i.baseline.date {
            return Err(at(|pledge, indicator| Refusal::TargetNotAfterBaseline {
                pledge,
                indicator,
            }));
        }
        // A count only grows: its target lies above its baseline.
        if i.kind == IndicatorKind::Cumulative && i.direction == Direction::Down {
            return Err(at(|pledge, indicator| Refusal::DownwardCount {
                pledge,
                indicator,
            }));
        }
        let rising = t > b;
        if rising != (i.direction == Direction::Up) {
            return Err(refused(Refusal::AgainstDirection {
                pledge: spec.id.clone(),
                indicator: i.id.clone(),
                direction: i.direction.code().to_owned(),
            }));
        }
    }
    Ok(())
}

fn check_report(state: &State, spec: &PledgeSpec, r: &NewReport) -> Result<(), DomainError> {
    let ind = spec
        .indicators
        .iter()
        .find(|i| i.id == r.indicator)
        .ok_or_else(|| {
            refused(Refusal::UnknownIndicator {
                pledge: spec.id.clone(),
                indicator: r.indicator.clone(),
            })
        })?;
    let names = || (spec.id.clone(), ind.id.clone());
    date_field("date", r.date)?;
    if r.date < ind.baseline.date {
        let (pledge, indicator) = names();
        return Err(refused(Refusal::BeforeBaseline {
            pledge,
            indicator,
            date: r.date,
            baseline: ind.baseline.date,
        }));
    }
    match (&r.reading, ind.kind) {
        (Reading::Ratio { denominator, .. }, IndicatorKind::Ratio) => {
            if denominator.value() <= 0.0 {
                let (pledge, indicator) = names();
                return Err(refused(Refusal::ZeroDenominator { pledge, indicator }));
            }
        }
        (Reading::Value { value }, IndicatorKind::Cumulative) if value.value() < 0.0 => {
            let (pledge, indicator) = names();
            return Err(refused(Refusal::NegativeCount { pledge, indicator }));
        }
        (Reading::Value { .. }, IndicatorKind::Level | IndicatorKind::Cumulative) => {}
        (_, kind) => {
            let (pledge, indicator) = names();
            return Err(refused(Refusal::WrongReading {
                pledge,
                indicator,
                kind: kind.code().to_owned(),
                expected: if kind == IndicatorKind::Ratio {
                    "ratio".to_owned()
                } else {
                    "value".to_owned()
                },
            }));
        }
    }
    text_field_opt("note", &r.note)?;
    lane_fits(state, &spec.by, r.source, &r.role)
}

fn text_field_opt(field: &'static str, v: &str) -> Result<(), DomainError> {
    if v.is_empty() {
        Ok(())
    } else {
        text_field(field, v, 2000)
    }
}

fn check_assessment(
    state: &State,
    spec: &PledgeSpec,
    a: &NewAssessment,
) -> Result<(), DomainError> {
    if let Some(m) = &a.milestone
        && !spec.milestones.iter().any(|x| &x.id == m)
    {
        return Err(refused(Refusal::UnknownMilestone {
            pledge: spec.id.clone(),
            milestone: m.clone(),
        }));
    }
    date_field("date", a.date)?;
    text_field_opt("note", &a.note)?;
    lane_fits(state, &spec.by, a.source, &a.role)
}

/// Does `role` file `source` reports on a pledge by `by`? The pledger's own delegate (or,
/// for an organ, those who sit in it and the secretariat) files the self-assessment;
/// accredited civil society the shadow report; those who sit in the reviewer the charter
/// names (never the pledger itself) the independent review.
pub fn lane_fits(
    state: &State,
    by: &Pledger,
    source: Source,
    role: &Role,
) -> Result<(), DomainError> {
    let charter = charter(state)?;
    let holders = |organ: &str| charter.organ(organ).map(|o| o.seat_holders);
    let sits_in = |organ: &str| match (role, holders(organ)) {
        (Role::Secretariat, Some(SeatHolders::Staff)) => true,
        (Role::Parliamentarian, Some(SeatHolders::Parliamentarians)) => true,
        (Role::CivilSociety, Some(SeatHolders::CivilSociety)) => true,
        (Role::StateDelegate(iso), Some(SeatHolders::MemberStates)) => {
            by.state() != Some(iso) && state.members.contains_key(iso)
        }
        (Role::Panelist { organ: o, .. }, Some(SeatHolders::Citizens)) => o == organ,
        (Role::Accredited(n), Some(SeatHolders::CivilSociety | SeatHolders::Parliamentarians)) => {
            state
                .accreditations
                .get(n)
                .is_some_and(|a| a.organ == organ && a.status == AccreditationStatus::Accredited)
        }
        _ => false,
    };
    let (fits, lane) = match source {
        Source::Own => match by {
            Pledger::State(iso) => (
                matches!(role, Role::StateDelegate(r) if r == iso),
                format!("the delegate of {iso}"),
            ),
            Pledger::Organ(o) => (
                matches!(role, Role::Secretariat) || sits_in(o),
                format!("those who sit in {o}"),
            ),
            Pledger::Accredited(n) => (
                matches!(role, Role::Accredited(m) if m == n),
                format!("the account of accreditation {n}"),
            ),
        },
        Source::Shadow => {
            let accredited_cs = |n: &u64| {
                state.accreditations.get(n).is_some_and(|a| {
                    a.status == AccreditationStatus::Accredited
                        && charter
                            .organ(&a.organ)
                            .is_some_and(|o| o.kind == OrganKind::CivilSocietyNetwork)
                })
            };
            (
                match role {
                    Role::CivilSociety => true,
                    Role::Accredited(n) => accredited_cs(n),
                    _ => false,
                },
                "accredited civil society".to_owned(),
            )
        }
        Source::Independent => match Settings::of(Some(charter)).reviewer {
            // The reviewer never reviews its own pledge.
            Some(r) if by == &Pledger::Organ(r.to_owned()) => {
                (false, format!("a reviewer other than {r}"))
            }
            Some(r) => (sits_in(r), format!("those who sit in {r}")),
            // A charter without a reviewer or a secretariat: the platform's officers review.
            None => (
                matches!(role, Role::Secretariat),
                "the secretariat".to_owned(),
            ),
        },
    };
    if fits {
        Ok(())
    } else {
        Err(refused(Refusal::WrongLane {
            lane_of: source.code().to_owned(),
            role: role.to_string(),
            by: by.to_string(),
            lane,
        }))
    }
}

/// A report recorded or added already: same indicator, source, date and numbers.
fn same_report(p: &Pledge, added: &[&NewReport], r: &NewReport) -> bool {
    let same = |indicator: &str, source: Source, date, reading: &Reading| {
        indicator == r.indicator
            && source == r.source
            && date == r.date
            && same_reading(reading, &r.reading)
    };
    p.reports
        .iter()
        .any(|x| same(&x.indicator, x.source, x.date, &x.reading))
        || added
            .iter()
            .any(|x| same(&x.indicator, x.source, x.date, &x.reading))
}

fn same_reading(a: &Reading, b: &Reading) -> bool {
    match (a, b) {
        (Reading::Value { value: x }, Reading::Value { value: y }) => x.value() == y.value(),
        (
            Reading::Ratio {
                numerator: n1,
                denominator: d1,
            },
            Reading::Ratio {
                numerator: n2,
                denominator: d2,
            },
        ) => n1.value() == n2.value() && d1.value() == d2.value(),
        _ => false,
    }
}

/// A rating recorded or added already.
fn same_rating(p: &Pledge, added: &[&NewAssessment], a: &NewAssessment) -> bool {
    let key = |m: &Option<String>, s: Source, d, l| (m == &a.milestone, s, d, l);
    let want = (true, a.source, a.date, a.level);
    p.ratings
        .iter()
        .any(|x| key(&x.milestone, x.source, x.date, x.level) == want)
        || added
            .iter()
            .any(|x| key(&x.milestone, x.source, x.date, x.level) == want)
}

/// The fields of a definition that differ, in the order a reader checks them.
fn differing(a: &PledgeSpec, b: &PledgeSpec) -> Option<&'static str> {
    [
        ("by", a.by == b.by),
        ("title", a.title == b.title),
        ("text", a.text == b.text),
        ("theme", a.theme == b.theme),
        ("due", a.due == b.due),
        ("links", a.links == b.links),
        ("milestones", a.milestones == b.milestones),
        ("assessment", a.assessment == b.assessment),
        ("indicators", a.indicators == b.indicators),
    ]
    .into_iter()
    .find(|(_, same)| !same)
    .map(|(f, _)| f)
}

/// Which part of an imported pledge a refusal is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Pledge,
    Report(usize),
    Assessment(usize),
}

/// Check one pledge of a file as the import will, saying which part is refused: the file
/// readers name its place and field.
pub fn check_imported(state: &State, ip: &ImportedPledge) -> Result<(), (Part, DomainError)> {
    let spec = &ip.spec;
    match state.pledges.pledges.get(&spec.id) {
        Some(p) => {
            if let Some(field) = differing(&p.spec, spec) {
                return Err((
                    Part::Pledge,
                    refused(Refusal::Differs {
                        pledge: spec.id.clone(),
                        field: field.to_owned(),
                    }),
                ));
            }
        }
        None => check_spec(state, spec).map_err(|e| (Part::Pledge, e))?,
    }
    for (i, r) in ip.reports.iter().enumerate() {
        check_report(state, spec, r).map_err(|e| (Part::Report(i), e))?;
    }
    for (i, a) in ip.assessments.iter().enumerate() {
        check_assessment(state, spec, a).map_err(|e| (Part::Assessment(i), e))?;
    }
    Ok(())
}

/// The field of the file a refusal names.
pub fn field_of(e: &DomainError) -> String {
    if let DomainError::Pledges(Refusal::Differs { field, .. }) = e {
        return field.clone();
    }
    let field: &str = match e {
        DomainError::Pledges(r) => match r {
            Refusal::BadId { .. } | Refusal::PledgeExists { .. } | Refusal::Repeated { .. } => "id",
            Refusal::Differs { .. } => "(pledge)",
            Refusal::UnknownPledger { .. } => "by",
            Refusal::UnknownIndicator { .. } => "indicator",
            Refusal::UnknownMilestone { .. } => "milestone",
            Refusal::TargetIsBaseline { .. } => "target.value",
            Refusal::TargetNotAfterBaseline { .. } => "target.date",
            Refusal::AgainstDirection { .. } | Refusal::DownwardCount { .. } => "direction",
            Refusal::BeforeBaseline { .. } => "date",
            Refusal::DateOutOfRange { .. } => "date",
            Refusal::WrongReading { .. } | Refusal::NegativeCount { .. } => "value",
            Refusal::ZeroDenominator { .. } => "denominator",
            Refusal::WrongLane { .. } => "by",
            Refusal::BadLink { .. } => "links",
            Refusal::UnknownPledge { .. }
            | Refusal::AlreadyImported { .. }
            | Refusal::EmptyImport
            | Refusal::NothingNew => "(file)",
        },
        DomainError::Base(crate::base::Refusal::EmptyField { field })
        | DomainError::Base(crate::base::Refusal::TooLong { field, .. }) => field,
        _ => "(pledge)",
    };
    field.to_owned()
}

fn import(
    state: &State,
    file: &str,
    sha256: &crate::journal::Hash,
    pledges: &[ImportedPledge],
) -> Result<Vec<Event>, DomainError> {
    text_field("file", file, 300)?;
    if let Some(i) = state.pledges.imports.iter().find(|i| i.sha256 == *sha256) {
        return Err(refused(Refusal::AlreadyImported { import: i.import }));
    }
    if pledges.is_empty() {
        return Err(refused(Refusal::EmptyImport));
    }
    let mut events = Vec::new();
    let (mut made, mut reports, mut ratings) = (0u64, 0u64, 0u64);
    let mut seen = BTreeSet::new();
    for ip in pledges {
        let spec = &ip.spec;
        if !seen.insert(spec.id.as_str()) {
            return Err(refused(Refusal::Repeated {
                pledge: spec.id.clone(),
                field: "id".to_owned(),
                id: spec.id.clone(),
            }));
        }
        // What is recorded (to skip what the file repeats).
        let empty;
        let recorded = match state.pledges.pledges.get(&spec.id) {
            Some(p) => {
                if let Some(field) = differing(&p.spec, spec) {
                    return Err(refused(Refusal::Differs {
                        pledge: spec.id.clone(),
                        field: field.to_owned(),
                    }));
                }
                p
            }
            None => {
                check_spec(state, spec)?;
                events.push(E::PledgeMade(spec.clone()).into());
                made += 1;
                empty = Pledge {
                    spec: spec.clone(),
                    seq: 0,
                    time: Timestamp::from_unix(0),
                    reports: Vec::new(),
                    ratings: Vec::new(),
                };
                &empty
            }
        };
        let mut added: Vec<&NewReport> = Vec::new();
        for r in &ip.reports {
            check_report(state, spec, r)?;
            if !same_report(recorded, &added, r) {
                events.push(report_event(&spec.id, r));
                added.push(r);
            }
        }
        reports += added.len() as u64;
        let mut added: Vec<&NewAssessment> = Vec::new();
        for a in &ip.assessments {
            check_assessment(state, spec, a)?;
            if !same_rating(recorded, &added, a) {
                events.push(assessment_event(&spec.id, a));
                added.push(a);
            }
        }
        ratings += added.len() as u64;
    }
    if events.is_empty() {
        return Err(refused(Refusal::NothingNew));
    }
    events.push(
        E::PledgesImported {
            import: state.pledges.imports.len() as u64 + 1,
            file: file.to_owned(),
            sha256: *sha256,
            pledges: made,
            reports,
            ratings,
        }
        .into(),
    );
    Ok(events)
}
