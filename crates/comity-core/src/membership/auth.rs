//! Who may ask for membership acts (`crate::auth` explains roles and seats).

use super::Command;
use crate::auth::{Authority, Denied, Role};
use crate::motion::Seat;

pub fn authorize(a: &Authority<'_>, cmd: &Command) -> Result<(), Denied> {
    match cmd {
        // A state applies through its delegate; the secretariat records applications too.
        Command::ApplyForMembership { state: iso } => a.secretariat_or(&Seat::State(iso.clone())),
        Command::ReferApplication { .. } => a.secretariat("refer an application to a vote"),
        // A state names its own officer; the secretariat records it too.
        Command::DesignateDemocracyOfficer { state: iso, .. } => {
            if a.who.has(&Role::Secretariat) || a.who.has(&Role::DemocracyOfficer(iso.clone())) {
                Ok(())
            } else {
                a.holds(&Seat::State(iso.clone()))
            }
        }
        Command::ProposeMeasure { .. } => a.secretariat("propose a measure in a review"),
    }
}
