//! Who may ask for motion acts (`crate::auth` explains roles and seats).

use super::Command;
use crate::auth::{Authority, Denied, may_table};
use crate::motion::Seat;

pub fn authorize(a: &Authority<'_>, cmd: &Command) -> Result<(), Denied> {
    match cmd {
        Command::OpenDebate { .. } => a.secretariat("open the debate"),
        Command::OpenVote { .. } => a.secretariat("open a vote"),
        Command::CloseVote { .. } => a.secretariat("close a vote"),
        Command::TableMotion {
            decision, sponsor, ..
        } => {
            a.holds(sponsor)?;
            may_table(a.charter()?, a.state, decision, sponsor)
        }
        Command::TableAmendment {
            motion: id,
            sponsor,
            ..
        }
        | Command::Cosponsor {
            motion: id,
            seat: sponsor,
        } => {
            a.holds(sponsor)?;
            let m = a.motion(*id)?;
            may_table(a.charter()?, a.state, &m.decision, sponsor)
        }
        Command::WithdrawMotion { motion: id } => a.holds(&a.motion(*id)?.sponsor),
        Command::WithdrawAmendment {
            motion: id,
            amendment,
        } => {
            let m = a.motion(*id)?;
            match m.amendment(*amendment) {
                Some(amendment) => a.holds(&amendment.sponsor),
                None => a.holds(&m.sponsor),
            }
        }
        Command::CastVote { state: iso, .. } => a.holds(&Seat::State(iso.clone())),
    }
}
