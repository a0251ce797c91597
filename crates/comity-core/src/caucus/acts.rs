//! What a person may do on an agenda item now, each act `authorize`d for them: pages and the
//! API ask this instead of re-checking the rules themselves.

use super::{AgendaItem, Command, Compliance, Stance, VoteSource};
use crate::auth::{Principal, authorize};
use crate::ids::{Day, Iso3};
use crate::motion::Seat;
use crate::state::State;

/// The acts open to one person on one agenda item.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaucusActs {
    /// Seats the person may propose a common position for (before the plenary, while no
    /// position is taken or pending).
    pub propose: Vec<Seat>,
    /// Record the plenary votes (from the plenary day on).
    pub record: bool,
    /// States the person may explain a vote for: those that departed or were absent.
    pub explain: Vec<Iso3>,
}

impl CaucusActs {
    pub fn any(&self) -> bool {
        !self.propose.is_empty() || self.record || !self.explain.is_empty()
    }
}

/// What `who` may do on `item` on `day`.
pub fn available(state: &State, who: &Principal, day: Day, item: &AgendaItem) -> CaucusActs {
    let may = |cmd: Command| authorize(who, &crate::Command::Caucus(cmd), state).is_ok();
    let open = day <= item.plenary && item.position.is_none() && item.pending().is_none();
    let propose = if open {
        let mut seats = who.seats(state);
        // The secretariat proposes in the caucus's name.
        if let Some(d) = state
            .charter
            .as_ref()
            .and_then(|c| c.charter.decision(super::COMMON_POSITION))
        {
            seats.push(Seat::Organ(d.organ.clone()));
        }
        seats.dedup();
        seats
            .into_iter()
            .filter(|seat| {
                may(Command::ProposePosition {
                    item: item.id,
                    stance: Stance::Yes,
                    sponsor: seat.clone(),
                })
            })
            .collect()
    } else {
        Vec::new()
    };
    let record = day >= item.plenary
        && may(Command::RecordPlenaryVotes {
            item: item.id,
            votes: Vec::new(),
            source: VoteSource::Hand,
        });
    let explain = state
        .members
        .keys()
        .filter(|m| {
            matches!(
                item.compliance(m),
                Some(Compliance::Departed | Compliance::Absent)
            ) && may(Command::ExplainVote {
                item: item.id,
                state: (*m).clone(),
                text: String::new(),
            })
        })
        .cloned()
        .collect();
    CaucusActs {
        propose,
        record,
        explain,
    }
}
