//! Who may ask for reporting acts (`crate::auth` explains roles and seats).

use super::Command;
use crate::auth::{Authority, Denied};
use crate::motion::Seat;

pub fn authorize(a: &Authority<'_>, cmd: &Command) -> Result<(), Denied> {
    match cmd {
        // An organ reports through those who hold its seats, or through the secretariat.
        Command::SubmitReport { organ, .. } => a.secretariat_or(&Seat::Organ(organ.clone())),
    }
}
