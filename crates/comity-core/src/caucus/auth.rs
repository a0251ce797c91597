//! Who may ask for caucus acts (`crate::auth` explains roles and seats).

use super::{COMMON_POSITION, Command};
use crate::auth::{Authority, Denied, may_table};
use crate::motion::Seat;

pub fn authorize(a: &Authority<'_>, cmd: &Command) -> Result<(), Denied> {
    match cmd {
        Command::PlaceOnAgenda { .. } => a.secretariat("put a resolution on the caucus's agenda"),
        Command::RecordPlenaryVotes { .. } => a.secretariat("record the plenary votes"),
        Command::ImportVotes { .. } => a.secretariat("import the Assembly's roll calls"),
        // A member seated in the caucus (or the caucus itself, through the secretariat).
        Command::ProposePosition { sponsor, .. } => {
            match sponsor {
                Seat::Organ(_) => a.secretariat_or(sponsor)?,
                Seat::State(_) => a.holds(sponsor)?,
            }
            may_table(a.charter()?, a.state, COMMON_POSITION, sponsor)
        }
        // A member explains its own vote.
        Command::ExplainVote { state, .. } => a.holds(&Seat::State(state.clone())),
    }
}
