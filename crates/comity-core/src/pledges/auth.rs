//! Who may ask for acts on pledges (`crate::auth` explains roles and seats). Whether the
//! role files the source's reports for this pledge is `decide`'s question (`lane_fits`).

use super::{Command, Pledger};
use crate::auth::{Authority, Denied};
use crate::motion::Seat;

pub fn authorize(a: &Authority<'_>, cmd: &Command) -> Result<(), Denied> {
    match cmd {
        // The state's delegate (or the organ's members), or the secretariat recording it.
        Command::Make(spec) => match &spec.by {
            Pledger::State(iso) => a.secretariat_or(&Seat::State(iso.clone())),
            Pledger::Organ(o) => a.secretariat_or(&Seat::Organ(o.clone())),
            Pledger::Accredited(n) => {
                if a.who.has(&crate::auth::Role::Secretariat) {
                    Ok(())
                } else {
                    a.has_role(&crate::auth::Role::Accredited(*n))
                }
            }
        },
        // A report is filed under a role its author holds.
        Command::Report { report, .. } => a.has_role(&report.role),
        Command::Assess { assessment, .. } => a.has_role(&assessment.role),
        Command::Import { .. } => a.secretariat("import pledges and published reports"),
    }
}
