//! Acts on motions: tabling, co-sponsoring, amending, withdrawing, debating, voting.

use comity_voting::rules::Vote;

use crate::ids::{Iso3, Timestamp};
use crate::motion::Seat;

/// What someone asks of this capability; `decide` turns it into events or a refusal.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Table a motion of a decision kind, in the organ the charter gives that kind.
    TableMotion {
        decision: String,
        title: String,
        text: String,
        sponsor: Seat,
    },
    /// Join a motion's sponsors.
    Cosponsor {
        motion: u64,
        seat: Seat,
    },
    /// Table an amendment: `text` is the motion's text as amended. Amendments of one
    /// `group` compete for the same part of the text.
    TableAmendment {
        motion: u64,
        title: String,
        text: String,
        group: Option<String>,
        sponsor: Seat,
    },
    WithdrawMotion {
        motion: u64,
    },
    WithdrawAmendment {
        motion: u64,
        amendment: u32,
    },
    OpenDebate {
        motion: u64,
    },
    /// Put the next item to the vote until `closes_at`; the first vote may state the order
    /// of amendments.
    OpenVote {
        motion: u64,
        closes_at: Timestamp,
        order: Option<Vec<u32>>,
    },
    /// A state's vote on the item open; a later vote replaces it until the close.
    CastVote {
        motion: u64,
        state: Iso3,
        vote: Vote,
    },
    /// Close the open vote and record the tally; `casting_vote` is the chair's, used only
    /// where the charter gives the chair one and the vote is tied.
    CloseVote {
        motion: u64,
        casting_vote: Option<bool>,
    },
}
