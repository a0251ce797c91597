//! What a person may do in membership now: apply for a state, refer an application to the
//! vote, propose a measure in a review, name a member's democracy officer. Each act is one
//! `authorize` lets the person ask and a dry run of `decide` accepts (with neutral values for
//! what the person has yet to choose); pages and the API ask this instead of re-checking
//! statuses themselves.

use super::{Command, Measure, decide};
use crate::auth::{Principal, authorize};
use crate::ids::{Iso3, Timestamp};
use crate::state::State;

/// The membership acts open to one person.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MembershipActs {
    /// States the person may apply for (not members, no application pending).
    pub apply_for: Vec<Iso3>,
    /// Applications the person may refer to the deciding organ.
    pub refer: Vec<u64>,
    /// Reviews in which the person may propose a measure.
    pub propose_in: Vec<u64>,
    /// Members whose democracy officer the person may name.
    pub officer_for: Vec<Iso3>,
}

/// What `who` may do in membership at `now`.
pub fn available(state: &State, who: &Principal, now: Timestamp) -> MembershipActs {
    let may = |cmd: Command| {
        authorize(who, &crate::Command::Membership(cmd.clone()), state).is_ok()
            && decide(state, now, &cmd).is_ok()
    };
    MembershipActs {
        apply_for: state
            .registry
            .countries()
            .map(|c| c.iso3.clone())
            .filter(|iso| may(Command::ApplyForMembership { state: iso.clone() }))
            .collect(),
        refer: state
            .applications
            .keys()
            .copied()
            .filter(|&application| may(Command::ReferApplication { application }))
            .collect(),
        propose_in: state
            .reviews
            .keys()
            .copied()
            .filter(|&review| {
                may(Command::ProposeMeasure {
                    review,
                    measure: Measure::Warning,
                })
            })
            .collect(),
        officer_for: state
            .members
            .keys()
            .filter(|iso| {
                may(Command::DesignateDemocracyOfficer {
                    state: (*iso).clone(),
                    name: "—".into(),
                    office: "—".into(),
                    contact: "—".into(),
                })
            })
            .cloned()
            .collect(),
    }
}
