//! Who may act on initiatives (`crate::auth` explains roles and seats). The secretariat acts
//! for the organ the charter names (admissibility, answer) and runs the count (batches,
//! invalidations, the seed, the verdict); a member's delegate or democracy officer may certify
//! that member's sample; a citizen may register an initiative for a committee.

use super::Command;
use crate::auth::{Authority, Denied, Role};
use crate::motion::Seat;

pub fn authorize(a: &Authority<'_>, cmd: &Command) -> Result<(), Denied> {
    match cmd {
        Command::Register { .. } => a
            .secretariat("register an initiative")
            .or_else(|_| a.has_role(&Role::Citizen)),
        Command::Certify { state, .. } => a.secretariat_or(&Seat::State(state.clone())),
        Command::DecideAdmissibility { .. } => a.secretariat("decide on admissibility"),
        Command::RecordSignatures { .. } => a.secretariat("record signatures"),
        Command::Invalidate { .. } | Command::ReverseInvalidation { .. } => {
            a.secretariat("invalidate signatures")
        }
        Command::CloseCollection { .. } => a.secretariat("close a collection"),
        Command::PublishSeed { .. } => a.secretariat("publish a sample's seed"),
        Command::DeclareVerdict { .. } => a.secretariat("declare an initiative's verdict"),
        Command::Answer { .. } => a.secretariat("record the organ's answer"),
    }
}
