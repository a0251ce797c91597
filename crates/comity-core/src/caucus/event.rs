//! What the journal records of this capability: `kind` is the variant's snake_case name,
//! `payload` its fields (see `crate::event`).

use serde::{Deserialize, Serialize};

use super::{Outcome, Stance, UnVote, VoteSource};
use crate::ids::{Day, Iso3};
use crate::journal::Hash;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// A resolution was put on the caucus's agenda.
    AgendaItemPlaced {
        item: u64,
        session: u32,
        symbol: String,
        title: String,
        issue: Option<String>,
        plenary: Day,
        rcid: Option<u64>,
    },
    /// A common position was proposed; `motion` (tabled with it) decides it.
    PositionProposed {
        item: u64,
        motion: u64,
        stance: Stance,
    },
    /// The proposal's motion closed: the position was adopted, rejected, or adopted after the
    /// plenary had voted (no position taken).
    PositionDecided {
        item: u64,
        motion: u64,
        outcome: Outcome,
    },
    /// The plenary votes of every member in the UN on an item, absent included.
    PlenaryVotesRecorded {
        item: u64,
        votes: Vec<(Iso3, UnVote)>,
        source: VoteSource,
    },
    VoteExplained {
        item: u64,
        state: Iso3,
        text: String,
    },
    /// Roll calls of the Assembly imported: the file's SHA-256 and counts, and the SHA-256 of
    /// the rows the side table holds.
    VotesImported {
        import: u64,
        file: String,
        sha256: Hash,
        votes: u64,
        roll_calls: u64,
        sessions: (u32, u32),
        rows_sha256: Hash,
    },
}
