//! Who may ask for election acts (`crate::auth` explains roles and seats).

use super::Command;
use crate::auth::{Authority, Denied};
use crate::motion::Seat;

pub fn authorize(a: &Authority<'_>, cmd: &Command) -> Result<(), Denied> {
    match cmd {
        Command::OpenElection { .. } => a.secretariat("open an election"),
        Command::CloseElection { .. } => a.secretariat("close and count an election"),
        Command::RecordPaperBallots { .. } => a.secretariat("record ballots counted on paper"),
        Command::CastBallot { state: iso, .. } => a.holds(&Seat::State(iso.clone())),
    }
}
