//! What a person may do on an organ drawn by lot now: volunteer (a citizen, while the pool is
//! open), import volunteers, commit to a seed (while no draw is pending), draw (while one
//! is), claim a seat on the latest panel. The pool's own checks need the pool, which the
//! state does not hold, so this is `authorize` and the stage of the lottery; pages and the
//! API ask it instead of re-checking the stage themselves.

use std::collections::BTreeMap;

use super::{Command, Volunteer};
use crate::auth::{Principal, Role, authorize};
use crate::journal::Hash;
use crate::state::State;

/// The assembly acts open to one person on one organ.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AssemblyActs {
    /// Register themself as a volunteer (a citizen, the pool open).
    pub volunteer: bool,
    /// Import a list of volunteers (the pool open).
    pub import: bool,
    /// Commit to the next draw's seed (the pool open).
    pub commit: bool,
    /// Reveal the seed and draw (a draw pending).
    pub draw: bool,
    /// Claim a seat on the latest panel with their receipt (a citizen not yet seated).
    pub claim: bool,
    /// The volunteer number the person holds on the latest panel, if they claimed it.
    pub seat: Option<u64>,
}

/// A registration of `n` volunteers, to ask `authorize` who may make it.
pub fn registration(organ: &str, n: usize) -> crate::Command {
    crate::Command::Assembly(Command::RegisterVolunteers {
        organ: organ.to_owned(),
        volunteers: vec![
            Volunteer {
                hash: Hash([0; 32]),
                features: BTreeMap::new(),
                household: None,
            };
            n
        ],
        already: Vec::new(),
    })
}

/// What `who` may do on `organ`'s lottery now.
pub fn available(state: &State, who: &Principal, organ: &str) -> AssemblyActs {
    if super::rules(state, organ).is_err() {
        return AssemblyActs::default();
    }
    let may = |cmd: crate::Command| authorize(who, &cmd, state).is_ok();
    let assembly = state.assemblies.get(organ);
    let open = assembly.is_none_or(|a| a.pending().is_none());
    let latest = assembly.and_then(|a| a.latest());
    let seat = latest.and_then(|(_, r)| {
        who.roles.iter().find_map(|role| match role {
            Role::Panelist {
                organ: o,
                volunteer,
            } if o == organ && r.panel.contains(volunteer) => Some(*volunteer),
            _ => None,
        })
    });
    AssemblyActs {
        volunteer: open && who.has(&Role::Citizen) && may(registration(organ, 1)),
        import: open && may(registration(organ, 2)),
        commit: open
            && may(crate::Command::Assembly(Command::CommitDraw {
                organ: organ.to_owned(),
                commitment: Hash([0; 32]),
                pool: Vec::new(),
            })),
        draw: !open
            && may(crate::Command::Assembly(Command::DrawAssembly {
                organ: organ.to_owned(),
                seed: String::new(),
                pool: Vec::new(),
            })),
        claim: seat.is_none() && latest.is_some() && who.has(&Role::Citizen),
        seat,
    }
}
