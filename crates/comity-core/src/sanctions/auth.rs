//! Who may ask for sanctions acts (`crate::auth` explains roles and seats).

use super::Command;
use crate::auth::{Authority, Denied, may_table};
use crate::motion::Seat;

/// A sponsor's seat held (a state's delegate, a network's, or the secretariat for an organ),
/// and the charter letting that seat table the sanctions decision kind.
fn sponsor(a: &Authority<'_>, seat: &Seat) -> Result<(), Denied> {
    match seat {
        Seat::Organ(_) => a.secretariat_or(seat)?,
        Seat::State(_) => a.holds(seat)?,
    }
    let charter = a.charter()?;
    let kind = charter
        .sanctions
        .as_ref()
        .map_or("smart_sanctions", |s| s.decision());
    may_table(charter, a.state, kind, seat)
}

pub fn authorize(a: &Authority<'_>, cmd: &Command) -> Result<(), Denied> {
    match cmd {
        Command::ProposeListing { sponsor: s, .. } => sponsor(a, s),
        // Renewing is the secretariat's review; proposing a delisting is tabling a motion.
        Command::ReviewListing {
            renew: true,
            sponsor: s,
            ..
        } => a.secretariat("renew a listing").or_else(|_| sponsor(a, s)),
        Command::ReviewListing { sponsor: s, .. } => sponsor(a, s),
        // A member records its own national act; the secretariat may record it for it.
        Command::RecordImplementation { state, .. } => {
            a.secretariat_or(&Seat::State(state.clone()))
        }
        Command::JustifyDifference { .. } => a.secretariat("justify a difference between cases"),
        Command::PublishRelease { .. } => a.secretariat("publish the consolidated list"),
    }
}
