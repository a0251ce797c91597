//! What a person may do in an election now: each act `authorize`d for them while the
//! election is open. Pages and the API ask this instead of re-checking the election's state.

use super::Command;
use crate::auth::{Principal, authorize};
use crate::ids::Iso3;
use crate::state::State;

/// The acts open to one person in one election.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ElectionActs {
    /// States of the electorate the person casts a ballot for (those yet to vote).
    pub vote_for: Vec<Iso3>,
    pub close: bool,
    /// Record the tellers' paper ballots (some states have yet to vote).
    pub record_paper: bool,
}

/// What `who` may do in election `id`; nothing once it is counted or if it does not exist.
pub fn available(state: &State, who: &Principal, id: u64) -> ElectionActs {
    let Some(e) = state.elections.get(&id).filter(|e| e.result.is_none()) else {
        return ElectionActs::default();
    };
    let may = |cmd: Command| authorize(who, &crate::Command::Election(cmd), state).is_ok();
    ElectionActs {
        vote_for: e
            .electorate
            .iter()
            .filter(|iso| !e.voted.contains(*iso))
            .filter(|iso| {
                may(Command::CastBallot {
                    election: id,
                    state: (*iso).clone(),
                    ranking: Vec::new(),
                })
            })
            .cloned()
            .collect(),
        close: may(Command::CloseElection {
            election: id,
            ballots: Vec::new(),
        }),
        record_paper: e.voted.len() < e.electorate.len()
            && may(Command::RecordPaperBallots {
                election: id,
                states: Vec::new(),
                ballots: Vec::new(),
                source: String::new(),
            }),
    }
}
