//! Who may act on consultations (`crate::auth` explains roles and seats). The secretariat
//! acts for the organ (opening, the close, the synthesis, links) and may file a submission
//! received by post or mail; an accredited organisation responds through its account, a
//! member state through its delegate; anyone may respond where the organ allows it, which
//! `decide` checks.

use super::{Command, Respondent};
use crate::auth::{Authority, Denied, Role};
use crate::motion::Seat;

pub fn authorize(a: &Authority<'_>, cmd: &Command) -> Result<(), Denied> {
    match cmd {
        Command::Open { .. } => a.secretariat("open a consultation"),
        Command::Submit { respondent, .. } => match respondent {
            Respondent::Organisation { accreditation } => a
                .secretariat("respond for an organisation")
                .or_else(|_| a.has_role(&Role::Accredited(*accreditation))),
            Respondent::State { state } => a.secretariat_or(&Seat::State(state.clone())),
            Respondent::Person { .. } => Ok(()),
        },
        Command::Close { .. } => a.secretariat("close a consultation"),
        Command::AdoptSynthesis { .. } => a.secretariat("record a consultation's synthesis"),
        Command::LinkDecision { .. } => a.secretariat("link a consultation to a decision"),
    }
}
