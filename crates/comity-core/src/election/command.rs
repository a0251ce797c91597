//! Elections of persons by ranked or approval ballots, secret.

use crate::ids::{Iso3, Timestamp};

/// What someone asks of this capability; `decide` turns it into events or a refusal.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Open an election of `seats` persons among `candidates` in an organ, by `method`.
    OpenElection {
        organ: String,
        title: String,
        method: String,
        seats: u32,
        candidates: Vec<String>,
        closes_at: Timestamp,
        seed: u64,
    },
    /// A state's secret ballot: the ranking goes to the ballot box, the journal records only
    /// that the state voted.
    CastBallot {
        election: u64,
        state: Iso3,
        ranking: Vec<String>,
    },
    /// Ballots cast on paper in the organ's session and counted by its tellers, from their
    /// file (peer JSON or BLT): `states` are those the register shows as having voted, as
    /// many as the ballots. The ballots join the ballot box, unlinked from the states.
    RecordPaperBallots {
        election: u64,
        states: Vec<Iso3>,
        ballots: Vec<(Vec<String>, u64)>,
        /// The file's name and SHA-256, as the secretariat received it.
        source: String,
    },
    /// Close the election with the ballot box's contents (ranking → count), count and publish.
    CloseElection {
        election: u64,
        ballots: Vec<(Vec<String>, u64)>,
    },
}
