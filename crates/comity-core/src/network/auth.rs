//! Who may ask for network acts (`crate::auth` explains roles and seats).

use super::Command;
use crate::auth::{Authority, Denied, Role};
use crate::motion::Seat;

pub fn authorize(a: &Authority<'_>, cmd: &Command) -> Result<(), Denied> {
    match cmd {
        // Requests come through the secretariat, or from the networks' own members.
        Command::RequestAccreditation { organ, .. } => {
            a.secretariat_or(&Seat::Organ(organ.clone()))
        }
        // The organ the charter gives `accreditation` reports its division.
        Command::DecideAccreditation { .. } => {
            let charter = a.charter()?;
            match charter.decision("accreditation") {
                Some(d) => a.holds(&Seat::Organ(d.organ.clone())),
                None => Err(Denied::UnknownDecision("accreditation".into())),
            }
        }
        // An organ's opinion is given by those who hold its seats.
        Command::GiveOpinion { organ, .. } | Command::NetworkVote { organ, .. } => {
            a.holds(&Seat::Organ(organ.clone()))
        }
        // A network's officers (or the secretariat) open and close its roll calls; each
        // accredited member votes for itself.
        Command::OpenNetworkDivision { organ, .. }
        | Command::CloseNetworkDivision { organ, .. } => {
            a.secretariat_or(&Seat::Organ(organ.clone()))
        }
        Command::CastNetworkVote { member, .. } => {
            if a.who.has(&Role::Accredited(*member)) {
                Ok(())
            } else {
                Err(Denied::NotYourAccreditation {
                    member: *member,
                    roles: a.roles(),
                })
            }
        }
    }
}
