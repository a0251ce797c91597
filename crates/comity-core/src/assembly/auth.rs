//! Who may ask for assembly acts (`crate::auth` explains roles and seats).

use super::Command;
use crate::auth::{Authority, Denied, Role};

pub fn authorize(a: &Authority<'_>, cmd: &Command) -> Result<(), Denied> {
    match cmd {
        // A citizen volunteers themself; lists of volunteers come from the secretariat.
        Command::RegisterVolunteers { volunteers, .. } => {
            if volunteers.len() == 1 && a.who.has(&Role::Citizen) {
                Ok(())
            } else {
                a.secretariat("register volunteers for the lottery")
            }
        }
        Command::CommitDraw { .. } => a.secretariat("commit to a lottery's seed"),
        Command::DrawAssembly { .. } => a.secretariat("draw the assembly"),
    }
}
