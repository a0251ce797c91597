//! Acts of the UN caucus.

use super::{Stance, UnVote, VoteSource};
use crate::ids::{Day, Iso3};
use crate::journal::Hash;
use crate::motion::Seat;

/// What someone asks of this capability; `decide` turns it into events or a refusal.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Put a resolution of a coming session on the caucus's agenda.
    PlaceOnAgenda {
        session: u32,
        symbol: String,
        title: String,
        issue: Option<String>,
        plenary: Day,
        rcid: Option<u64>,
    },
    /// Propose a common position on an agenda item: tables a motion of kind
    /// `un_common_position` in the caucus's organ.
    ProposePosition {
        item: u64,
        stance: Stance,
        sponsor: Seat,
    },
    /// Record the plenary votes of the members in the UN on an item (those not listed were
    /// absent); a later record replaces an earlier one.
    RecordPlenaryVotes {
        item: u64,
        votes: Vec<(Iso3, UnVote)>,
        source: VoteSource,
    },
    /// A member's explanation of a vote that departed from the common position (or of its
    /// absence).
    ExplainVote {
        item: u64,
        state: Iso3,
        text: String,
    },
    /// Record an import of the Assembly's roll calls; the rows go to the side table in the
    /// same transaction.
    ImportVotes {
        file: String,
        sha256: Hash,
        votes: u64,
        roll_calls: u64,
        sessions: (u32, u32),
        rows_sha256: Hash,
    },
}
