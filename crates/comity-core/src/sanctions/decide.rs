//! Deciding the acts of joint smart sanctions, and what a closed vote on a listing's or a
//! delisting's motion brings with it.

use super::{Case, Command, Evidence, Refusal, Status, Target, pair, spec};
use crate::base::{decision_spec, text_field};
use crate::charter::SanctionsSpec;
use crate::error::DomainError;
use crate::event::Event;
use crate::ids::{Day, Iso3, Timestamp};
use crate::journal::Hash;
use crate::motion::{self, Seat};
use crate::sanctions;
use crate::state::State;

fn refused(r: Refusal) -> DomainError {
    DomainError::Sanctions(r)
}

fn criteria(state: &State) -> Result<&SanctionsSpec, DomainError> {
    crate::base::charter_of(state)?;
    spec(state).ok_or(refused(Refusal::NoCriteria))
}

fn case(state: &State, id: u64) -> Result<&Case, DomainError> {
    state
        .sanctions
        .cases
        .get(&id)
        .ok_or(refused(Refusal::UnknownCase(id)))
}

fn in_force(state: &State, id: u64) -> Result<&Case, DomainError> {
    let c = case(state, id)?;
    match c.status() {
        Status::Listed => Ok(c),
        s => Err(refused(Refusal::NotInForce {
            case: id,
            status: s.code(),
        })),
    }
}

/// The day of `now` (outside the calendar: refused as a date that cannot be written).
fn today(now: Timestamp) -> Result<Day, DomainError> {
    Day::of(now).ok_or(refused(Refusal::BadDate {
        field: "now",
        value: now.to_string(),
    }))
}

pub fn decide(state: &State, now: Timestamp, cmd: &Command) -> Result<Vec<Event>, DomainError> {
    let sx = criteria(state)?;
    match cmd {
        Command::ProposeListing {
            target,
            grounds,
            evidence,
            reasons,
            sponsor,
        } => propose(state, sx, target, grounds, evidence, reasons, sponsor),
        Command::RecordImplementation {
            case: id,
            state: iso,
            adopted,
            day,
            text,
        } => implement(state, *id, iso, *adopted, *day, text),
        Command::ReviewListing {
            case: id,
            renew,
            reasons,
            sponsor,
        } => review(state, now, sx, *id, *renew, reasons, sponsor),
        Command::JustifyDifference { a, b, text } => justify(state, *a, *b, text),
        Command::PublishRelease {
            cases,
            ftm_sha256,
            csv_sha256,
        } => publish(state, cases, *ftm_sha256, *csv_sha256),
    }
}

/// Grounds sorted and once each, every one a criterion of the charter.
fn check_grounds(sx: &SanctionsSpec, grounds: &[String]) -> Result<Vec<String>, DomainError> {
    let mut out: Vec<String> = grounds.iter().map(|g| g.trim().to_owned()).collect();
    out.retain(|g| !g.is_empty());
    out.sort();
    out.dedup();
    if out.is_empty() {
        return Err(refused(Refusal::NoGrounds));
    }
    if let Some(bad) = out.iter().find(|g| sx.criterion(g).is_none()) {
        return Err(refused(Refusal::UnknownGround {
            ground: bad.clone(),
            allowed: sx
                .criteria
                .iter()
                .map(|c| c.code.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        }));
    }
    Ok(out)
}

/// The target cleaned (every text trimmed, blanks dropped) and checked.
fn check_target(t: &Target) -> Result<Target, DomainError> {
    text_field("name", &t.name, 300)?;
    let clean =
        |v: &[String], field: &'static str, max: usize| -> Result<Vec<String>, DomainError> {
            let mut out: Vec<String> = Vec::new();
            for x in v.iter().map(|x| x.trim()).filter(|x| !x.is_empty()) {
                text_field(field, x, max)?;
                if !out.iter().any(|y| y == x) {
                    out.push(x.to_owned());
                }
            }
            Ok(out)
        };
    let birth_dates = clean(&t.birth_dates, "birth_dates", 10)?;
    if let Some(bad) = birth_dates
        .iter()
        .find(|d| !comity_matching::ftm::is_iso_date(d))
    {
        return Err(refused(Refusal::BadDate {
            field: "birth_dates",
            value: bad.clone(),
        }));
    }
    let mut nationalities: Vec<String> = clean(&t.nationalities, "nationalities", 10)?;
    for c in &mut nationalities {
        c.make_ascii_lowercase();
    }
    if let Some(bad) = nationalities
        .iter()
        .find(|c| c.len() != 2 || !c.bytes().all(|b| b.is_ascii_lowercase()))
    {
        return Err(refused(Refusal::BadCountry { value: bad.clone() }));
    }
    let mut identifiers = Vec::new();
    for i in &t.identifiers {
        text_field("identifiers", &i.value, 100)?;
        if i.kind.property(t.schema).is_none() {
            return Err(refused(Refusal::IdentifierNotForSchema {
                kind: i.kind.code(),
                schema: t.schema.code(),
            }));
        }
        let i = super::Identifier {
            kind: i.kind,
            value: i.value.trim().to_owned(),
        };
        if !identifiers.contains(&i) {
            identifiers.push(i);
        }
    }
    Ok(Target {
        schema: t.schema,
        name: t.name.trim().to_owned(),
        aliases: clean(&t.aliases, "aliases", 300)?,
        weak_aliases: clean(&t.weak_aliases, "weak_aliases", 300)?,
        birth_dates,
        nationalities,
        identifiers,
        addresses: clean(&t.addresses, "addresses", 500)?,
    })
}

fn check_evidence(e: &Evidence) -> Result<Evidence, DomainError> {
    if e.sources.is_empty() {
        return Err(refused(Refusal::NoSources));
    }
    let mut sources = Vec::new();
    for s in &e.sources {
        text_field("sources", &s.title, 500)?;
        if let Some(u) = &s.url {
            text_field("sources", u, 1000)?;
        }
        sources.push(super::Source {
            title: s.title.trim().to_owned(),
            url: s
                .url
                .as_ref()
                .map(|u| u.trim().to_owned())
                .filter(|u| !u.is_empty()),
            date: s.date,
        });
    }
    Ok(Evidence {
        grade: e.grade,
        sources,
    })
}

fn propose(
    state: &State,
    sx: &SanctionsSpec,
    target: &Target,
    grounds: &[String],
    evidence: &Evidence,
    reasons: &str,
    sponsor: &Seat,
) -> Result<Vec<Event>, DomainError> {
    let grounds = check_grounds(sx, grounds)?;
    let target = check_target(target)?;
    let evidence = check_evidence(evidence)?;
    text_field("reasons", reasons, 20_000)?;
    // One case per target at a time: a proposal while one is open or in force is refused.
    if let Some(c) = state.sanctions.cases.values().find(|c| {
        matches!(c.status(), Status::Proposed | Status::Listed)
            && c.target.schema == target.schema
            && c.target.name.to_lowercase() == target.name.to_lowercase()
    }) {
        return Err(refused(Refusal::AlreadyCase {
            name: target.name.clone(),
            case: c.id,
            status: c.status().code(),
        }));
    }
    let organ = decision_spec(crate::base::charter_of(state)?, sx.decision())?
        .organ
        .clone();
    let motion = motion::next_id(state);
    let id = state
        .sanctions
        .cases
        .keys()
        .next_back()
        .map_or(1, |k| k + 1);
    Ok(vec![
        Event::Motion(motion::Event::MotionTabled {
            motion,
            organ,
            decision: sx.decision().to_owned(),
            title: format!("Listing of {} (case {id})", target.name),
            text: format!(
                "The Alliance lists {} ({}) under its joint smart sanctions on the grounds {} (evidence grade {}). Statement of reasons: {}",
                target.name,
                target.schema.code(),
                grounds.join(", "),
                evidence.grade.code(),
                reasons.trim()
            ),
            sponsor: sponsor.clone(),
        }),
        Event::Sanctions(sanctions::Event::ListingProposed {
            case: id,
            motion,
            target,
            grounds,
            evidence,
            reasons: reasons.trim().to_owned(),
        }),
    ])
}

fn implement(
    state: &State,
    id: u64,
    iso: &Iso3,
    adopted: bool,
    day: Day,
    text: &str,
) -> Result<Vec<Event>, DomainError> {
    let c = in_force(state, id)?;
    text_field(if adopted { "instrument" } else { "reason" }, text, 2_000)?;
    if !state.members.contains_key(iso) {
        return Err(refused(Refusal::NotAMember { state: iso.clone() }));
    }
    if let Some(listed) = c.listed_on()
        && day < listed
    {
        return Err(refused(Refusal::BeforeListing {
            listed: listed.to_string(),
        }));
    }
    if c.implementations.get(iso).is_some_and(|i| i.adopted) {
        return Err(refused(Refusal::AlreadyAdopted {
            case: id,
            state: iso.clone(),
        }));
    }
    Ok(vec![Event::Sanctions(
        sanctions::Event::ImplementationRecorded {
            case: id,
            state: iso.clone(),
            adopted,
            day,
            text: text.trim().to_owned(),
        },
    )])
}

#[allow(clippy::too_many_arguments)]
fn review(
    state: &State,
    now: Timestamp,
    sx: &SanctionsSpec,
    id: u64,
    renew: bool,
    reasons: &str,
    sponsor: &Seat,
) -> Result<Vec<Event>, DomainError> {
    let c = in_force(state, id)?;
    text_field("reasons", reasons, 20_000)?;
    if let Some(m) = c.pending_delisting() {
        return Err(refused(Refusal::DelistingPending {
            case: id,
            motion: m,
        }));
    }
    let day = today(now)?;
    if renew {
        return Ok(vec![Event::Sanctions(sanctions::Event::ListingRenewed {
            case: id,
            day,
            reasons: reasons.trim().to_owned(),
        })]);
    }
    let organ = decision_spec(crate::base::charter_of(state)?, sx.decision())?
        .organ
        .clone();
    let motion = motion::next_id(state);
    Ok(vec![
        Event::Motion(motion::Event::MotionTabled {
            motion,
            organ,
            decision: sx.decision().to_owned(),
            title: format!("Delisting of {} (case {id})", c.target.name),
            text: format!(
                "The Alliance removes {} ({}) from its joint smart sanctions, listed on {}. Reasons: {}",
                c.target.name,
                c.target.schema.code(),
                c.listed_on().map(|d| d.to_string()).unwrap_or_default(),
                reasons.trim()
            ),
            sponsor: sponsor.clone(),
        }),
        Event::Sanctions(sanctions::Event::DelistingProposed {
            case: id,
            motion,
            day,
            reasons: reasons.trim().to_owned(),
        }),
    ])
}

fn justify(state: &State, a: u64, b: u64, text: &str) -> Result<Vec<Event>, DomainError> {
    case(state, a)?;
    case(state, b)?;
    text_field("text", text, 20_000)?;
    let key = pair(a, b);
    let found = state
        .sanctions
        .inconsistencies()
        .into_iter()
        .any(|i| pair(i.listed, i.rejected) == key);
    if !found {
        return Err(refused(Refusal::NotInconsistent { a: key.0, b: key.1 }));
    }
    if state.sanctions.justification(a, b).is_some() {
        return Err(refused(Refusal::AlreadyJustified { a: key.0, b: key.1 }));
    }
    Ok(vec![Event::Sanctions(
        sanctions::Event::DifferenceJustified {
            a: key.0,
            b: key.1,
            text: text.trim().to_owned(),
        },
    )])
}

fn publish(
    state: &State,
    cases: &[u64],
    ftm_sha256: Hash,
    csv_sha256: Hash,
) -> Result<Vec<Event>, DomainError> {
    let expected: Vec<u64> = state.sanctions.in_force().map(|c| c.id).collect();
    if cases != expected.as_slice() {
        return Err(refused(Refusal::ReleaseMismatch {
            expected: expected
                .iter()
                .map(u64::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        }));
    }
    Ok(vec![Event::Sanctions(sanctions::Event::ReleasePublished {
        release: state.sanctions.releases.len() as u64 + 1,
        cases: expected,
        ftm_sha256,
        csv_sha256,
    })])
}

/// A closed final vote on a listing's motion decides the listing; on a delisting's motion,
/// the delisting. The day is the day of `now`.
pub fn after_close(state: &State, now: Timestamp, events: &[Event]) -> Vec<Event> {
    let mut out = Vec::new();
    let Some(day) = Day::of(now) else {
        return out;
    };
    for (id, tally) in motion::final_votes(events) {
        let Some(c) = state.sanctions.case_of_motion(id) else {
            continue;
        };
        if c.motion == id && c.decision.is_none() {
            out.push(Event::Sanctions(sanctions::Event::ListingDecided {
                case: c.id,
                motion: id,
                listed: motion::adopted(tally),
                day,
            }));
        } else if c.pending_delisting() == Some(id) {
            out.push(Event::Sanctions(sanctions::Event::DelistingDecided {
                case: c.id,
                motion: id,
                delisted: motion::adopted(tally),
                day,
            }));
        }
    }
    out
}
