//! Deciding the networks' acts: opinions, co-decision and objections (reported divisions
//! and roll calls on the platform), and accreditation.

use super::Command;
use crate::base;
use crate::base::ACCREDITATION;
use crate::base::RuleError;
use crate::base::{charter_of as charter, decision_spec as spec, text_field};
use crate::charter::{Charter, DecisionSpec, SeatHolders};
use crate::error::DomainError;
use crate::event::Event;
use crate::ids::{Iso3, Timestamp};
use crate::motion::{self, Motion, MotionStatus, Seat};
use crate::network;
use crate::network::{AccreditationStatus, DEFAULT_OPINION_DAYS, NetworkAct};
use crate::state::State;

pub fn decide(state: &State, now: Timestamp, cmd: &Command) -> Result<Vec<Event>, DomainError> {
    let charter = charter(state)?;
    let _ = now;
    match cmd {
        Command::GiveOpinion {
            motion: id,
            organ,
            position,
            text,
        } => give_opinion(state, now, charter, id, organ, position, text),
        Command::NetworkVote {
            motion: id,
            organ,
            act,
            yes,
            no,
            abstain,
        } => network_vote(state, charter, now, *id, organ, *act, [*yes, *no, *abstain]),
        Command::OpenNetworkDivision {
            motion,
            organ,
            act,
            closes_at,
        } => open_network_division(state, charter, now, *motion, organ, *act, *closes_at),
        Command::CastNetworkVote {
            motion,
            organ,
            member,
            vote,
        } => cast_network_vote(state, now, *motion, organ, *member, *vote),
        Command::CloseNetworkDivision { motion, organ } => {
            close_network_division(state, charter, now, *motion, organ)
        }
        Command::RequestAccreditation {
            organ,
            name,
            country,
            kind,
            description,
        } => request_accreditation(state, charter, organ, name, country, kind, description),
        Command::DecideAccreditation {
            accreditation,
            yes,
            no,
            abstain,
        } => decide_accreditation(state, charter, accreditation, yes, no, abstain),
    }
}

fn give_opinion(
    state: &State,
    now: Timestamp,
    charter: &Charter,
    id: &u64,
    organ: &str,
    position: &crate::network::Position,
    text: &str,
) -> Result<Vec<Event>, DomainError> {
    let m = state
        .motions
        .get(id)
        .ok_or(DomainError::Motion(motion::Refusal::UnknownMotion(*id)))?;
    let spec = spec(charter, &m.decision)?;
    if !spec.opinion_from.iter().any(|o| o == organ) {
        return Err(outside_powers(
            organ,
            "asks for opinions on",
            &m.decision,
            "only from",
            &spec.opinion_from,
            "opinion_from",
        ));
    }
    if !m.status.open_for_amendment() && m.status != MotionStatus::Voting {
        return Err(DomainError::Motion(motion::Refusal::WrongStatus {
            motion: *id,
            status: m.status,
            act: "take opinions",
        }));
    }
    if m.opinions.iter().any(|o| o.organ == organ) {
        return Err(DomainError::Network(network::Refusal::OpinionGiven {
            organ: organ.to_owned(),
            motion: *id,
        }));
    }
    text_field("text", text, 20_000)?;
    let _ = now;
    Ok(vec![Event::Network(network::Event::OpinionGiven {
        motion: *id,
        organ: organ.to_owned(),
        position: *position,
        text: text.trim().to_owned(),
    })])
}

fn request_accreditation(
    state: &State,
    charter: &Charter,
    organ: &str,
    name: &str,
    country: &Iso3,
    kind: &crate::network::AccreditationKind,
    description: &str,
) -> Result<Vec<Event>, DomainError> {
    let o = charter
        .organ(organ)
        .ok_or_else(|| DomainError::Base(base::Refusal::UnknownOrgan(organ.to_owned())))?;
    if !matches!(
        o.seat_holders,
        SeatHolders::Parliamentarians | SeatHolders::CivilSociety
    ) {
        return Err(DomainError::Network(network::Refusal::NotANetwork {
            organ: organ.to_owned(),
        }));
    }
    if state.registry.country(country).is_none() {
        return Err(DomainError::Base(base::Refusal::UnknownState(
            country.clone(),
        )));
    }
    for (field, v, max) in [("name", name, 200), ("description", description, 5_000)] {
        text_field(field, v, max)?;
    }
    if state.accreditations.values().any(|a| {
        a.organ == *organ
            && a.name.eq_ignore_ascii_case(name.trim())
            && a.status != AccreditationStatus::Refused
    }) {
        return Err(DomainError::Base(base::Refusal::Duplicate(
            name.trim().to_owned(),
        )));
    }
    Ok(vec![Event::Network(
        network::Event::AccreditationRequested {
            accreditation: state.accreditations.len() as u64 + 1,
            organ: organ.to_owned(),
            name: name.trim().to_owned(),
            country: country.clone(),
            kind: *kind,
            description: description.trim().to_owned(),
        },
    )])
}

fn decide_accreditation(
    state: &State,
    charter: &Charter,
    accreditation: &u64,
    yes: &u32,
    no: &u32,
    abstain: &u32,
) -> Result<Vec<Event>, DomainError> {
    let a = state
        .accreditations
        .get(accreditation)
        .ok_or(DomainError::Network(
            network::Refusal::UnknownAccreditation(*accreditation),
        ))?;
    if a.status != AccreditationStatus::Requested {
        return Err(DomainError::Network(
            network::Refusal::AccreditationSettled(*accreditation),
        ));
    }
    let spec = spec(charter, ACCREDITATION)?;
    if yes.saturating_add(*no).saturating_add(*abstain) == 0 {
        return Err(DomainError::Base(base::Refusal::Rule(
            RuleError::EmptyDivision,
        )));
    }
    Ok(vec![Event::Network(network::Event::AccreditationDecided {
        accreditation: *accreditation,
        organ: spec.organ.clone(),
        yes: *yes,
        no: *no,
        abstain: *abstain,
        accredited: division_carries(&spec.rule, *yes, *no),
    })])
}

/// Whether a reported division (counts, not a roll call) carries under a charter rule: by
/// the votes cast for simple and qualified majorities, with no vote against for consensus and
/// unanimity; rules that weigh states (double majority, weights) need a roll call of states,
/// so a division counts as a simple majority of votes cast there.
pub fn division_carries(rule: &crate::charter::Rule, yes: u32, no: u32) -> bool {
    use crate::charter::Rule;
    match rule {
        Rule::Consensus | Rule::Unanimity { .. } => yes > 0 && no == 0,
        Rule::QualifiedMajority { fraction, .. } => qualified(yes, no, *fraction),
        _ => yes > no,
    }
}

/// At least `fraction` of the votes cast (yes and no), and at least one yes; exact.
fn qualified(yes: u32, no: u32, fraction: crate::charter::Fraction) -> bool {
    let cast = u64::from(yes) + u64::from(no);
    yes > 0 && u64::from(yes) * u64::from(fraction.den) >= cast * u64::from(fraction.num)
}

/// What a network's division brings under the charter: co-decision carries by a simple
/// majority of votes cast; an objection by the charter's qualified majority, with its effect.
/// `decide` records it and `apply` checks a recorded outcome against it.
pub fn network_outcome(
    spec: &DecisionSpec,
    act: NetworkAct,
    yes: u32,
    no: u32,
) -> (bool, Option<crate::charter::ObjectionEffect>) {
    match (act, &spec.objection) {
        (NetworkAct::CoDecision, _) => (yes > no, None),
        (NetworkAct::Objection, Some(rule)) => {
            let carried = qualified(yes, no, rule.majority);
            (carried, carried.then_some(rule.effect))
        }
        (NetworkAct::Objection, None) => (false, None),
    }
}

/// May `organ` take its `act` on motion `id` now? Checks the charter's powers, the motion's
/// stage and, unless a roll call opened in time is being closed, the time to object.
/// Returns the decision's spec.
fn network_act_allowed<'a>(
    state: &State,
    charter: &'a Charter,
    now: Option<Timestamp>,
    id: u64,
    organ: &str,
    act: NetworkAct,
) -> Result<&'a DecisionSpec, DomainError> {
    let m = state
        .motions
        .get(&id)
        .ok_or(DomainError::Motion(motion::Refusal::UnknownMotion(id)))?;
    let spec = spec(charter, &m.decision)?;
    if m.network_votes
        .iter()
        .any(|v| v.organ == organ && v.act == act)
    {
        return Err(DomainError::Network(
            network::Refusal::NetworkVotedAlready {
                organ: organ.to_owned(),
                motion: id,
                act: match act {
                    NetworkAct::CoDecision => "co-decision",
                    NetworkAct::Objection => "objection",
                },
            },
        ));
    }
    match act {
        NetworkAct::CoDecision => {
            if !spec.co_decision.iter().any(|o| o == organ) {
                return Err(outside_powers(
                    organ,
                    "gives co-decision on",
                    &m.decision,
                    "to",
                    &spec.co_decision,
                    "co_decision",
                ));
            }
            if !m.status.open_for_amendment() {
                return Err(DomainError::Motion(motion::Refusal::WrongStatus {
                    motion: id,
                    status: m.status,
                    act: "take a co-decision vote",
                }));
            }
        }
        NetworkAct::Objection => {
            let Some(rule) = spec.objection.as_ref().filter(|r| r.organ == organ) else {
                return Err(DomainError::Network(network::Refusal::OutsidePowers {
                    organ: organ.to_owned(),
                    clause: format!(
                        "the charter gives no objection on {} to {organ} (decisions[kind = {:?}].objection)",
                        m.decision, m.decision
                    ),
                }));
            };
            if m.status != MotionStatus::Adopted {
                return Err(DomainError::Motion(motion::Refusal::WrongStatus {
                    motion: id,
                    status: m.status,
                    act: "be objected to",
                }));
            }
            if m.second_reading {
                return Err(DomainError::Network(network::Refusal::OutsidePowers {
                    organ: organ.to_owned(),
                    clause: format!(
                        "a decision is sent back once; motion {id} was adopted on its second reading (decisions[kind = {:?}].objection)",
                        m.decision
                    ),
                }));
            }
            let adopted_at = m.votes.last().map_or(m.tabled_at, |v| v.closed_at);
            let until = Timestamp::from_unix(adopted_at.unix() + i64::from(rule.days) * 86_400);
            if now.is_some_and(|now| now > until) {
                return Err(DomainError::Network(network::Refusal::ObjectionTooLate {
                    motion: id,
                    until,
                }));
            }
        }
    }
    Ok(spec)
}

/// A division the network reports (its plenary met elsewhere).
fn network_vote(
    state: &State,
    charter: &Charter,
    now: Timestamp,
    id: u64,
    organ: &str,
    act: NetworkAct,
    [yes, no, abstain]: [u32; 3],
) -> Result<Vec<Event>, DomainError> {
    if state
        .motions
        .get(&id)
        .is_some_and(|m| m.network_divisions.contains_key(organ))
    {
        return Err(DomainError::Network(network::Refusal::DivisionOpen {
            organ: organ.to_owned(),
            motion: id,
        }));
    }
    let spec = network_act_allowed(state, charter, Some(now), id, organ, act)?;
    if yes.saturating_add(no).saturating_add(abstain) == 0 {
        return Err(DomainError::Base(base::Refusal::Rule(
            RuleError::EmptyDivision,
        )));
    }
    let (carried, effect) = network_outcome(spec, act, yes, no);
    Ok(vec![Event::Network(network::Event::NetworkVoted {
        motion: id,
        organ: organ.to_owned(),
        act,
        yes,
        no,
        abstain,
        carried,
        effect,
    })])
}

/// The roll call of `organ` open on motion `id`.
fn division<'a>(
    state: &'a State,
    id: u64,
    organ: &str,
) -> Result<&'a crate::network::NetworkDivision, DomainError> {
    state
        .motions
        .get(&id)
        .ok_or(DomainError::Motion(motion::Refusal::UnknownMotion(id)))?
        .network_divisions
        .get(organ)
        .ok_or_else(|| {
            DomainError::Network(network::Refusal::NoDivisionOpen {
                organ: organ.to_owned(),
                motion: id,
            })
        })
}

/// A network's roll call on the platform: opened by those who hold its seats, voted by its
/// accredited members one by one, closed into the same `network_voted` as a reported one.
fn open_network_division(
    state: &State,
    charter: &Charter,
    now: Timestamp,
    id: u64,
    organ: &str,
    act: NetworkAct,
    closes_at: Timestamp,
) -> Result<Vec<Event>, DomainError> {
    if division(state, id, organ).is_ok() {
        return Err(DomainError::Network(network::Refusal::DivisionOpen {
            organ: organ.to_owned(),
            motion: id,
        }));
    }
    network_act_allowed(state, charter, Some(now), id, organ, act)?;
    if closes_at <= now {
        return Err(DomainError::Base(base::Refusal::Rule(
            RuleError::ClosesBeforeOpening { now },
        )));
    }
    let electorate = crate::network::accredited_members(&state.accreditations, organ);
    if electorate.is_empty() {
        return Err(DomainError::Network(network::Refusal::NoAccreditedMembers(
            organ.to_owned(),
        )));
    }
    Ok(vec![Event::Network(
        network::Event::NetworkDivisionOpened {
            motion: id,
            organ: organ.to_owned(),
            act,
            closes_at,
            electorate,
        },
    )])
}

/// An accredited member's vote in an open roll call; a later vote replaces it.
fn cast_network_vote(
    state: &State,
    now: Timestamp,
    id: u64,
    organ: &str,
    member: u64,
    vote: comity_voting::rules::Vote,
) -> Result<Vec<Event>, DomainError> {
    let d = division(state, id, organ)?;
    if now > d.closes_at {
        return Err(DomainError::Motion(motion::Refusal::VoteOver {
            closes_at: d.closes_at,
        }));
    }
    if !d.electorate.contains(&member) {
        return Err(DomainError::Network(network::Refusal::NotInDivision {
            member,
            organ: organ.to_owned(),
        }));
    }
    if vote == comity_voting::rules::Vote::Absent {
        return Err(DomainError::Base(base::Refusal::Rule(
            RuleError::AbsentIsNoVote,
        )));
    }
    if d.votes.get(&member) == Some(&vote) {
        return Err(DomainError::Network(network::Refusal::SameNetworkVote {
            member,
            vote: motion::vote_code(vote),
        }));
    }
    Ok(vec![Event::Network(network::Event::NetworkVoteCast {
        motion: id,
        organ: organ.to_owned(),
        member,
        vote,
    })])
}

/// Close a roll call (when its time is over, or once every member has voted) into the
/// network's division.
fn close_network_division(
    state: &State,
    charter: &Charter,
    now: Timestamp,
    id: u64,
    organ: &str,
) -> Result<Vec<Event>, DomainError> {
    let d = division(state, id, organ)?;
    let missing = d.electorate.len() - d.votes.len();
    if now < d.closes_at && missing > 0 {
        return Err(DomainError::Motion(motion::Refusal::VoteStillOpen {
            closes_at: d.closes_at,
            missing,
        }));
    }
    // The time to object is judged when the roll call opened.
    let spec = network_act_allowed(state, charter, None, id, organ, d.act)?;
    let [yes, no, abstain] = d.counts();
    let (carried, effect) = network_outcome(spec, d.act, yes, no);
    Ok(vec![Event::Network(network::Event::NetworkVoted {
        motion: id,
        organ: organ.to_owned(),
        act: d.act,
        yes,
        no,
        abstain,
        carried,
        effect,
    })])
}

/// Co-decision organs that have not yet approved the motion.
pub fn pending_co_decisions(charter: &Charter, m: &Motion) -> Vec<String> {
    let Some(spec) = charter.decision(&m.decision) else {
        return Vec::new();
    };
    spec.co_decision
        .iter()
        .filter(|o| {
            !m.network_votes
                .iter()
                .any(|v| &v.organ == *o && v.act == NetworkAct::CoDecision && v.carried)
        })
        .cloned()
        .collect()
}

/// The opinions a motion still waits for before it can be put to the vote, with the time
/// each organ has until. An organ that tabled or co-sponsored the motion has said its piece.
pub fn pending_opinions(charter: &Charter, m: &Motion, now: Timestamp) -> Vec<(String, Timestamp)> {
    let Some(spec) = charter.decision(&m.decision) else {
        return Vec::new();
    };
    let days = spec.opinion_days.unwrap_or(DEFAULT_OPINION_DAYS);
    let until = Timestamp::from_unix(m.tabled_at.unix() + i64::from(days) * 86_400);
    if now >= until {
        return Vec::new();
    }
    spec.opinion_from
        .iter()
        .filter(|o| {
            let seat = Seat::Organ((*o).clone());
            !m.opinions.iter().any(|op| &op.organ == *o)
                && m.sponsor != seat
                && !m.cosponsors.contains(&seat)
        })
        .map(|o| (o.clone(), until))
        .collect()
}

/// `organ` acts outside the powers the charter's `field` gives on a decision kind: "the
/// charter asks for opinions on resolution only from X (decisions[kind = "resolution"].opinion_from)".
fn outside_powers(
    organ: &str,
    gives: &str,
    decision: &str,
    to: &str,
    organs: &[String],
    field: &str,
) -> DomainError {
    let named = if organs.is_empty() {
        "no organ".to_owned()
    } else {
        organs.join(", ")
    };
    DomainError::Network(network::Refusal::OutsidePowers {
        organ: organ.to_owned(),
        clause: format!(
            "the charter {gives} {decision} {to} {named} (decisions[kind = {decision:?}].{field})"
        ),
    })
}
