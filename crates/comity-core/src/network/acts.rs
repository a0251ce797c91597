//! What a person may do on a motion in the networks' name: give an opinion the charter asks
//! for, report a division or open a roll call (co-decision while the motion is open, an
//! objection once it is adopted), vote in an open roll call for their accreditation, close
//! one. Pages and the API ask this instead of re-checking the motion's stage themselves.

use std::collections::{BTreeMap, BTreeSet};

use comity_voting::rules::Vote;

use super::{Command, NetworkAct, Position};
use crate::auth::{Principal, authorize};
use crate::ids::Timestamp;
use crate::motion::MotionStatus;
use crate::state::State;

/// The networks' acts open to one person on one motion.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NetworkActs {
    /// Organs the person gives the charter's required opinion for.
    pub opinion_for: Vec<String>,
    /// (act, organ) whose division the person may report.
    pub division_for: Vec<(NetworkAct, String)>,
    /// (act, organ) whose roll call the person may open.
    pub roll_call_for: Vec<(NetworkAct, String)>,
    /// For each open roll call (by organ), the accreditations the person votes for.
    pub vote_in: BTreeMap<String, Vec<u64>>,
    /// Open roll calls (by organ) the person may close.
    pub close: BTreeSet<String>,
}

/// What `who` may do on motion `id` at `now` in the networks' name.
pub fn available(state: &State, who: &Principal, now: Timestamp, id: u64) -> NetworkActs {
    let mut acts = NetworkActs::default();
    let (Some(m), Some(charter)) = (
        state.motions.get(&id),
        state.charter.as_ref().map(|c| &c.charter),
    ) else {
        return acts;
    };
    let may = |cmd: Command| authorize(who, &crate::Command::Network(cmd), state).is_ok();
    for (organ, d) in &m.network_divisions {
        let mine: Vec<u64> = d
            .electorate
            .iter()
            .copied()
            .filter(|member| {
                may(Command::CastNetworkVote {
                    motion: id,
                    organ: organ.clone(),
                    member: *member,
                    vote: Vote::Yes,
                })
            })
            .collect();
        acts.vote_in.insert(organ.clone(), mine);
        if may(Command::CloseNetworkDivision {
            motion: id,
            organ: organ.clone(),
        }) {
            acts.close.insert(organ.clone());
        }
    }
    let Some(spec) = charter.decision(&m.decision) else {
        return acts;
    };
    if m.status.open_for_amendment() || m.status == MotionStatus::Voting {
        for organ in &spec.opinion_from {
            let given = m.opinions.iter().any(|o| &o.organ == organ);
            if !given
                && may(Command::GiveOpinion {
                    motion: id,
                    organ: organ.clone(),
                    position: Position::Favourable,
                    text: String::new(),
                })
            {
                acts.opinion_for.push(organ.clone());
            }
        }
    }
    let mut offer = |act: NetworkAct, organ: &str| {
        let voted = m
            .network_votes
            .iter()
            .any(|v| v.organ == organ && v.act == act);
        if voted || m.network_divisions.contains_key(organ) {
            return;
        }
        let report = Command::NetworkVote {
            motion: id,
            organ: organ.to_owned(),
            act,
            yes: 0,
            no: 0,
            abstain: 0,
        };
        if may(report) {
            acts.division_for.push((act, organ.to_owned()));
        }
        let roll_call = Command::OpenNetworkDivision {
            motion: id,
            organ: organ.to_owned(),
            act,
            closes_at: now,
        };
        if may(roll_call) {
            acts.roll_call_for.push((act, organ.to_owned()));
        }
    };
    if m.status.open_for_amendment() {
        for organ in &spec.co_decision {
            offer(NetworkAct::CoDecision, organ);
        }
    }
    if m.status == MotionStatus::Adopted
        && !m.second_reading
        && let Some(rule) = &spec.objection
    {
        offer(NetworkAct::Objection, &rule.organ);
    }
    acts
}

/// The accreditation acts open to one person: the networks they may ask accreditation to
/// (for any organisation of any state), and the requests they may decide.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccreditationActs {
    /// Networks (organ ids) the person may request accreditation to.
    pub request_to: Vec<String>,
    /// Requests the person may report the deciding organ's division on.
    pub decide: Vec<u64>,
}

/// What `who` may do about accreditation at `now`: `authorize` and a dry run of `decide`,
/// with neutral values for what the person has yet to type.
pub fn accreditation_acts(state: &State, who: &Principal, now: Timestamp) -> AccreditationActs {
    let may = |cmd: Command| {
        authorize(who, &crate::Command::Network(cmd.clone()), state).is_ok()
            && super::decide(state, now, &cmd).is_ok()
    };
    let (Some(charter), Some(country)) = (
        state.charter.as_ref().map(|c| &c.charter),
        state.registry.countries().next().map(|c| c.iso3.clone()),
    ) else {
        return AccreditationActs::default();
    };
    AccreditationActs {
        request_to: charter
            .organs
            .iter()
            .map(|o| o.id.clone())
            .filter(|organ| {
                may(Command::RequestAccreditation {
                    organ: organ.clone(),
                    // A name no request can hold yet, so the dry run is not a duplicate.
                    name: "\u{2014} a new organisation \u{2014}".into(),
                    country: country.clone(),
                    kind: super::AccreditationKind::CivilSocietyOrganisation,
                    description: "\u{2014}".into(),
                })
            })
            .collect(),
        decide: state
            .accreditations
            .keys()
            .copied()
            .filter(|&accreditation| {
                may(Command::DecideAccreditation {
                    accreditation,
                    yes: 1,
                    no: 0,
                    abstain: 0,
                })
            })
            .collect(),
    }
}
