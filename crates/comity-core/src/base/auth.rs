//! Who may ask for base acts (`crate::auth` explains roles and seats).

use super::Command;
use crate::auth::{Authority, Denied};

pub fn authorize(a: &Authority<'_>, cmd: &Command) -> Result<(), Denied> {
    match cmd {
        Command::ImportStates { .. }
        | Command::ImportFreedomHouse { .. }
        | Command::ImportVdem { .. } => a.secretariat("record reference data"),
        Command::AdoptCharter { .. } => a.secretariat("record the charter's adoption"),
        Command::AdmitFoundingMembers => a.secretariat("record the founding members"),
        Command::AssignSeats { .. } => a.secretariat("record who holds an organ's seats"),
        Command::PublishLogKey { .. } => a.secretariat("publish the journal's log key"),
    }
}
