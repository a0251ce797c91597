//! Who may ask for treaty acts (`crate::auth` explains roles and seats).

use super::Command;
use crate::auth::{Authority, Denied};
use crate::motion::Seat;

pub fn authorize(a: &Authority<'_>, cmd: &Command) -> Result<(), Denied> {
    match cmd {
        Command::OpenTreaty { .. } => a.secretariat("open a treaty's drafting"),
        Command::OpenTreatyRound { .. } => a.secretariat("open a negotiating round"),
        Command::ResolveBracket { .. } => a.secretariat("record how a bracket was settled"),
        Command::AdoptTreaty { .. } => a.secretariat("record a treaty's adoption"),
        Command::OpenTreatyForSignature { .. } => a.secretariat("open a treaty for signature"),
        Command::ProposeWording { by, .. } => a.holds(by),
        // A state's own acts; the secretariat, as depositary, records them too.
        Command::SignTreaty { state: iso, .. }
        | Command::DepositInstrument {
            deposit: crate::treaty::eif::Deposit { state: iso, .. },
            ..
        }
        | Command::ObjectToReservation { state: iso, .. }
        | Command::WithdrawFromTreaty { state: iso, .. } => {
            a.secretariat_or(&Seat::State(iso.clone()))
        }
    }
}
