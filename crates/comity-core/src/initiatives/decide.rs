//! Deciding the acts on citizens' initiatives: one function per command.

use std::collections::{BTreeMap, BTreeSet};

use super::{
    Channel, Command, CommitteeMember, Criterion, Event, Initiative, Refusal, Rule, Status,
    period_end, sample, spec,
};
use crate::base::text_field;
use crate::charter::InitiativesSpec;
use crate::error::DomainError;
use crate::event::Event as AnyEvent;
use crate::ids::{Day, Iso3, Timestamp};
use crate::journal::Hash;
use crate::state::State;

fn refused(r: Refusal) -> DomainError {
    DomainError::Initiatives(r)
}

fn the_spec(state: &State) -> Result<&InitiativesSpec, DomainError> {
    crate::base::charter_of(state)?;
    spec(state).ok_or(refused(Refusal::NoSpec))
}

fn initiative(state: &State, id: u64) -> Result<&Initiative, DomainError> {
    state
        .initiatives
        .initiatives
        .get(&id)
        .ok_or(refused(Refusal::Unknown(id)))
}

/// The initiative, which must be in one of `allowed` for `act`.
fn in_status<'a>(
    state: &'a State,
    id: u64,
    allowed: &[Status],
    act: &'static str,
) -> Result<&'a Initiative, DomainError> {
    let i = initiative(state, id)?;
    let status = i.status();
    if allowed.contains(&status) {
        Ok(i)
    } else {
        Err(refused(Refusal::WrongStatus {
            initiative: id,
            status: status.code(),
            act,
        }))
    }
}

/// The day of `now` (outside the calendar: no table applies to it).
fn today(now: Timestamp) -> Result<Day, DomainError> {
    Day::of(now).ok_or(refused(Refusal::NoTable {
        day: Day::from_date(time::Date::MIN),
    }))
}

fn one(e: Event) -> Vec<AnyEvent> {
    vec![AnyEvent::Initiatives(e)]
}

pub fn decide(state: &State, now: Timestamp, cmd: &Command) -> Result<Vec<AnyEvent>, DomainError> {
    let sx = the_spec(state)?;
    let day = today(now)?;
    match cmd {
        Command::Register {
            title,
            objective,
            committee,
        } => register(state, sx, day, title, objective, committee),
        Command::DecideAdmissibility {
            initiative: id,
            admissible,
            reasons,
            opens,
        } => {
            let i = in_status(state, *id, &[Status::Registered], "admissibility")?;
            text_field("reasons", reasons, 4000)?;
            let (opens, closes) = if *admissible {
                if *opens < day {
                    return Err(refused(Refusal::OpensTooEarly { day }));
                }
                let closes = period_end(*opens, i.frozen.collection_months)
                    .ok_or(refused(Refusal::OpensTooEarly { day }))?;
                (Some(*opens), Some(closes))
            } else {
                (None, None)
            };
            Ok(one(Event::InitiativeAdmissibilityDecided {
                initiative: *id,
                admissible: *admissible,
                reasons: reasons.trim().to_owned(),
                day,
                opens,
                closes,
            }))
        }
        Command::RecordSignatures {
            initiative: id,
            channel,
            counts,
            rows_sha256,
            sheets,
            source,
        } => record(
            state,
            day,
            *id,
            *channel,
            counts,
            *rows_sha256,
            *sheets,
            source,
        ),
        Command::Invalidate {
            initiative: id,
            criterion,
            counts,
            rows_sha256,
            note,
        } => invalidate(state, day, *id, *criterion, counts, *rows_sha256, note),
        Command::ReverseInvalidation {
            initiative: id,
            invalidation,
            reasons,
        } => {
            let i = in_status(
                state,
                *id,
                &[Status::Collecting, Status::Verifying],
                "reversing an invalidation",
            )?;
            if i.seed.is_some() {
                return Err(refused(Refusal::SeedPublished));
            }
            text_field("reasons", reasons, 2000)?;
            if !i
                .invalidations
                .iter()
                .any(|v| v.invalidation == *invalidation && v.reversed.is_none())
            {
                return Err(refused(Refusal::UnknownInvalidation {
                    initiative: *id,
                    invalidation: *invalidation,
                }));
            }
            Ok(one(Event::InvalidationReversed {
                initiative: *id,
                invalidation: *invalidation,
                reasons: reasons.trim().to_owned(),
                day,
            }))
        }
        Command::CloseCollection { initiative: id } => {
            let i = in_status(state, *id, &[Status::Collecting], "closing the collection")?;
            if let Some((opens, closes)) = i.period()
                && day < opens
            {
                return Err(refused(Refusal::OutsidePeriod {
                    initiative: *id,
                    opens,
                    closes,
                }));
            }
            Ok(one(Event::CollectionClosed {
                initiative: *id,
                day,
                valid: i
                    .tallies()
                    .into_iter()
                    .filter(|(_, t)| t.valid > 0)
                    .map(|(s, t)| (s, t.valid))
                    .collect(),
            }))
        }
        Command::PublishSeed {
            initiative: id,
            seed,
        } => {
            let i = in_status(state, *id, &[Status::Verifying], "publishing the seed")?;
            if i.seed.is_some() {
                return Err(refused(Refusal::SeedPublished));
            }
            let seed = seed.trim();
            if !(16..=128).contains(&seed.len())
                || !seed.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            {
                return Err(refused(Refusal::BadSeed));
            }
            Ok(one(Event::SampleSeedPublished {
                initiative: *id,
                seed: seed.to_owned(),
                day,
            }))
        }
        Command::Certify {
            initiative: id,
            state: iso,
            sample: n,
            valid,
        } => {
            let i = in_status(state, *id, &[Status::Verifying], "certification")?;
            if i.seed.is_none() {
                return Err(refused(Refusal::NoSeed));
            }
            if i.certifications.contains_key(iso) {
                return Err(refused(Refusal::AlreadyCertified { state: iso.clone() }));
            }
            let population = i.tallies().get(iso).map_or(0, |t| t.valid);
            if *n == 0 || *n > population || valid > n {
                return Err(refused(Refusal::BadSample {
                    sample: *n,
                    valid: *valid,
                    population,
                }));
            }
            let lower_ppm = sample::lower_ppm(*valid, *n, population);
            Ok(one(Event::SignaturesCertified {
                initiative: *id,
                state: iso.clone(),
                population,
                sample: *n,
                valid: *valid,
                lower_ppm,
                certified: sample::certified(population, lower_ppm),
                day,
            }))
        }
        Command::DeclareVerdict { initiative: id } => {
            let i = in_status(state, *id, &[Status::Verifying], "the verdict")?;
            let (passes, total, members_meeting_minimum) = i.verdict();
            let answer_by = if passes {
                Some(period_end(day, sx.answer_months()).ok_or(refused(Refusal::NoTable { day }))?)
            } else {
                None
            };
            Ok(one(Event::InitiativeVerdictDeclared {
                initiative: *id,
                passes,
                total,
                members_meeting_minimum,
                required_members: i.frozen.required_members,
                day,
                answer_by,
            }))
        }
        Command::Answer {
            initiative: id,
            text,
        } => {
            in_status(state, *id, &[Status::Passed], "the organ's answer")?;
            text_field("text", text, 8000)?;
            Ok(one(Event::InitiativeAnswered {
                initiative: *id,
                text: text.trim().to_owned(),
                day,
            }))
        }
    }
}

fn register(
    state: &State,
    sx: &InitiativesSpec,
    day: Day,
    title: &str,
    objective: &str,
    committee: &[CommitteeMember],
) -> Result<Vec<AnyEvent>, DomainError> {
    text_field("title", title, 200)?;
    text_field("objective", objective, 4000)?;
    let mut states = BTreeSet::new();
    let mut members = Vec::new();
    for m in committee {
        text_field("committee", &m.name, 200)?;
        if !state.members.contains_key(&m.state) {
            return Err(refused(Refusal::NotAMember {
                state: m.state.clone(),
            }));
        }
        states.insert(m.state.clone());
        members.push(CommitteeMember {
            name: m.name.trim().to_owned(),
            state: m.state.clone(),
        });
    }
    let need = sx.committee_states();
    let have = u32::try_from(states.len()).unwrap_or(u32::MAX);
    if have < need {
        return Err(refused(Refusal::Committee { have, need }));
    }
    let rule = Rule::from_spec(&sx.threshold);
    let table = rule
        .table_on(day)
        .ok_or(refused(Refusal::NoTable { day }))?;
    Ok(one(Event::InitiativeRegistered {
        initiative: state.initiatives.initiatives.len() as u64 + 1,
        title: title.trim().to_owned(),
        objective: objective.trim().to_owned(),
        committee: members,
        day,
        table_from: table.valid_from,
    }))
}

/// Counts with the zeros dropped: never empty, every state a member.
fn clean_counts(
    state: &State,
    counts: &BTreeMap<Iso3, u64>,
) -> Result<BTreeMap<Iso3, u64>, DomainError> {
    let out: BTreeMap<Iso3, u64> = counts
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(s, n)| (s.clone(), *n))
        .collect();
    if out.is_empty() {
        return Err(refused(Refusal::EmptyBatch));
    }
    if let Some(s) = out.keys().find(|s| !state.members.contains_key(*s)) {
        return Err(refused(Refusal::NotAMember { state: s.clone() }));
    }
    Ok(out)
}

#[allow(clippy::too_many_arguments)]
fn record(
    state: &State,
    day: Day,
    id: u64,
    channel: Channel,
    counts: &BTreeMap<Iso3, u64>,
    rows_sha256: Hash,
    sheets: u64,
    source: &str,
) -> Result<Vec<AnyEvent>, DomainError> {
    let i = in_status(state, id, &[Status::Collecting], "signing")?;
    let Some((opens, closes)) = i.period() else {
        return Err(refused(Refusal::Unknown(id)));
    };
    // Online signatures come in while the period runs; paper sheets signed in it may be
    // handed in after its last day, until the collection is closed.
    if day < opens || (channel == Channel::Online && day > closes) {
        return Err(refused(Refusal::OutsidePeriod {
            initiative: id,
            opens,
            closes,
        }));
    }
    text_field("source", source, 300)?;
    let counts = clean_counts(state, counts)?;
    Ok(one(Event::SignaturesRecorded {
        initiative: id,
        batch: i.batches.len() as u64 + 1,
        channel,
        counts,
        rows_sha256,
        sheets: if channel == Channel::Paper { sheets } else { 0 },
        source: source.trim().to_owned(),
        day,
    }))
}

fn invalidate(
    state: &State,
    day: Day,
    id: u64,
    criterion: Criterion,
    counts: &BTreeMap<Iso3, u64>,
    rows_sha256: Hash,
    note: &str,
) -> Result<Vec<AnyEvent>, DomainError> {
    let i = in_status(
        state,
        id,
        &[Status::Collecting, Status::Verifying],
        "invalidation",
    )?;
    if i.seed.is_some() {
        return Err(refused(Refusal::SeedPublished));
    }
    if note.chars().count() > 2000 {
        text_field("note", note, 2000)?;
    }
    let counts: BTreeMap<Iso3, u64> = counts
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(s, n)| (s.clone(), *n))
        .collect();
    if counts.is_empty() {
        return Err(refused(Refusal::EmptyBatch));
    }
    let tallies = i.tallies();
    for (s, n) in &counts {
        let valid = tallies.get(s).map_or(0, |t| t.valid);
        if *n > valid {
            return Err(refused(Refusal::TooMany {
                state: s.clone(),
                valid,
                asked: *n,
            }));
        }
    }
    Ok(one(Event::SignaturesInvalidated {
        initiative: id,
        invalidation: i.invalidations.len() as u64 + 1,
        criterion,
        counts,
        rows_sha256,
        note: note.trim().to_owned(),
        day,
    }))
}
