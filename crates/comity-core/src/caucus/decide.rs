//! Deciding the caucus's acts, and what a closed vote on a position's motion brings with it.

use super::{AgendaItem, COMMON_POSITION, Command, ISSUES, Outcome, Stance, UnVote, VoteSource};
use crate::base::{charter_of as charter, decision_spec as spec, text_field};
use crate::caucus::{self, Refusal};
use crate::error::DomainError;
use crate::event::Event;
use crate::ids::{Day, Iso3, Timestamp};
use crate::motion::{self, Seat};
use crate::state::State;

fn refused(r: Refusal) -> DomainError {
    DomainError::Caucus(r)
}

fn item(state: &State, id: u64) -> Result<&AgendaItem, DomainError> {
    state
        .caucus
        .agenda
        .get(&id)
        .ok_or(refused(Refusal::UnknownItem(id)))
}

/// The day of `now` (a time outside the calendar counts as after every plenary).
fn today(now: Timestamp) -> Option<Day> {
    Day::of(now)
}

fn after_plenary(now: Timestamp, item: &AgendaItem) -> bool {
    today(now).is_none_or(|d| d > item.plenary)
}

pub fn decide(state: &State, now: Timestamp, cmd: &Command) -> Result<Vec<Event>, DomainError> {
    charter(state)?;
    match cmd {
        Command::PlaceOnAgenda {
            session,
            symbol,
            title,
            issue,
            plenary,
            rcid,
        } => place(
            state,
            *session,
            symbol,
            title,
            issue.as_deref(),
            *plenary,
            *rcid,
        ),
        Command::ProposePosition {
            item: id,
            stance,
            sponsor,
        } => propose(state, now, *id, *stance, sponsor),
        Command::RecordPlenaryVotes {
            item: id,
            votes,
            source,
        } => record_votes(state, now, *id, votes, source),
        Command::ExplainVote {
            item: id,
            state: iso,
            text,
        } => explain(state, *id, iso, text),
        Command::ImportVotes {
            file,
            sha256,
            votes,
            roll_calls,
            sessions,
            rows_sha256,
        } => {
            if *votes == 0 {
                return Err(refused(Refusal::EmptyImport));
            }
            text_field("file", file, 300)?;
            if let Some(i) = state.caucus.imports.iter().find(|i| i.sha256 == *sha256) {
                return Err(refused(Refusal::AlreadyImported { import: i.import }));
            }
            Ok(vec![Event::Caucus(caucus::Event::VotesImported {
                import: state.caucus.imports.len() as u64 + 1,
                file: file.clone(),
                sha256: *sha256,
                votes: *votes,
                roll_calls: *roll_calls,
                sessions: *sessions,
                rows_sha256: *rows_sha256,
            })])
        }
    }
}

fn place(
    state: &State,
    session: u32,
    symbol: &str,
    title: &str,
    issue: Option<&str>,
    plenary: Day,
    rcid: Option<u64>,
) -> Result<Vec<Event>, DomainError> {
    text_field("symbol", symbol, 60)?;
    text_field("title", title, 500)?;
    let symbol = symbol.trim();
    if let Some(i) = issue
        && !ISSUES.contains(&i)
    {
        return Err(refused(Refusal::UnknownIssue(i.to_owned())));
    }
    if let Some(other) = state
        .caucus
        .agenda
        .values()
        .find(|i| i.session == session && i.symbol == symbol)
    {
        return Err(refused(Refusal::AlreadyOnAgenda {
            symbol: symbol.to_owned(),
            session,
            item: other.id,
        }));
    }
    Ok(vec![Event::Caucus(caucus::Event::AgendaItemPlaced {
        item: state.caucus.agenda.keys().next_back().map_or(1, |k| k + 1),
        session,
        symbol: symbol.to_owned(),
        title: title.trim().to_owned(),
        issue: issue.map(str::to_owned),
        plenary,
        rcid,
    })])
}

fn propose(
    state: &State,
    now: Timestamp,
    id: u64,
    stance: Stance,
    sponsor: &Seat,
) -> Result<Vec<Event>, DomainError> {
    let it = item(state, id)?;
    if after_plenary(now, it) {
        return Err(refused(Refusal::AfterPlenary {
            symbol: it.symbol.clone(),
            plenary: it.plenary,
        }));
    }
    if it.position.is_some() {
        return Err(refused(Refusal::PositionTaken { item: id }));
    }
    if let Some(p) = it.pending() {
        return Err(refused(Refusal::ProposalPending {
            item: id,
            motion: p.motion,
        }));
    }
    let organ = spec(charter(state)?, COMMON_POSITION)?.organ.clone();
    let motion = motion::next_id(state);
    let what = match stance {
        Stance::NoCommonPosition => "agree no common position".to_owned(),
        s => format!("vote {}", s.code()),
    };
    Ok(vec![
        Event::Motion(motion::Event::MotionTabled {
            motion,
            organ,
            decision: COMMON_POSITION.into(),
            title: format!("Common position on {}: {}", it.symbol, stance.code()),
            text: format!(
                "On {} ({}), put to the vote of the General Assembly on {} (session {}), the members {what}.",
                it.symbol, it.title, it.plenary, it.session
            ),
            sponsor: sponsor.clone(),
        }),
        Event::Caucus(caucus::Event::PositionProposed {
            item: id,
            motion,
            stance,
        }),
    ])
}

fn record_votes(
    state: &State,
    now: Timestamp,
    id: u64,
    votes: &[(Iso3, UnVote)],
    source: &VoteSource,
) -> Result<Vec<Event>, DomainError> {
    let it = item(state, id)?;
    if today(now).is_some_and(|d| d < it.plenary) {
        return Err(refused(Refusal::BeforePlenary {
            symbol: it.symbol.clone(),
            plenary: it.plenary,
        }));
    }
    let mut listed = std::collections::BTreeMap::new();
    for (iso, vote) in votes {
        if !state.members.contains_key(iso) {
            return Err(refused(Refusal::NotAMember { state: iso.clone() }));
        }
        if !caucus::is_un_member(state, iso) {
            return Err(refused(Refusal::NotInTheUn { state: iso.clone() }));
        }
        if listed.insert(iso, *vote).is_some() {
            return Err(refused(Refusal::DuplicateVote { state: iso.clone() }));
        }
    }
    // Every member in the UN today, absent where not listed: the comparison covers them and
    // no state that joins later.
    let votes = caucus::un_members(state)
        .into_iter()
        .map(|m| {
            let v = listed.get(&m).copied().unwrap_or(UnVote::Absent);
            (m, v)
        })
        .collect();
    Ok(vec![Event::Caucus(caucus::Event::PlenaryVotesRecorded {
        item: id,
        votes,
        source: source.clone(),
    })])
}

fn explain(state: &State, id: u64, iso: &Iso3, text: &str) -> Result<Vec<Event>, DomainError> {
    let it = item(state, id)?;
    text_field("text", text, 10_000)?;
    if !state.members.contains_key(iso) {
        return Err(refused(Refusal::NotAMember { state: iso.clone() }));
    }
    if it.recorded.is_none() {
        return Err(refused(Refusal::VotesNotRecorded { item: id }));
    }
    match it.compliance(iso) {
        None => Err(refused(Refusal::NoPosition { item: id })),
        Some(caucus::Compliance::Followed) => Err(refused(Refusal::Followed {
            item: id,
            state: iso.clone(),
        })),
        Some(_) => Ok(vec![Event::Caucus(caucus::Event::VoteExplained {
            item: id,
            state: iso.clone(),
            text: text.trim().to_owned(),
        })]),
    }
}

/// A closed final vote on a position's motion decides the position: adopted (if the plenary
/// has not voted by `now`), adopted too late, or rejected.
pub fn after_close(state: &State, now: Timestamp, events: &[Event]) -> Vec<Event> {
    let mut out = Vec::new();
    for (id, tally) in motion::final_votes(events) {
        let Some(it) = state.caucus.item_of_motion(id) else {
            continue;
        };
        if it.pending().is_none_or(|p| p.motion != id) {
            continue;
        }
        let outcome = if !motion::adopted(tally) {
            Outcome::Rejected
        } else if after_plenary(now, it) {
            Outcome::Late
        } else {
            Outcome::Adopted
        };
        out.push(Event::Caucus(caucus::Event::PositionDecided {
            item: it.id,
            motion: id,
            outcome,
        }));
    }
    out
}
