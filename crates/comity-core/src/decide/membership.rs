//! Deciding applications, reviews and opinions, and what a closed vote on an accession or a
//! review motion brings with it.

use crate::charter::{Charter, DecisionSpec, SeatHolders};
use crate::command::Command;
use crate::criteria::evaluate;
use crate::error::DomainError;
use crate::event::{Admission, Event};
use crate::ids::{Iso3, Timestamp};
use crate::membership::{
    AccreditationStatus, ApplicationStatus, DEFAULT_OPINION_DAYS, Measure, NetworkAct, Standing,
};
use crate::motion::{self, Item, Motion, MotionStatus, Seat};
use crate::state::State;

use super::{charter, text_field};

pub(crate) const ACCESSION: &str = "accession";
pub(crate) const REVIEW: &str = "membership_review";
pub(crate) const ACCREDITATION: &str = "accreditation";

fn spec<'a>(charter: &'a Charter, kind: &str) -> Result<&'a DecisionSpec, DomainError> {
    charter
        .decision(kind)
        .ok_or_else(|| DomainError::UnknownDecision(kind.to_owned()))
}

fn state_name(state: &State, iso: &Iso3) -> String {
    state
        .registry
        .country(iso)
        .map_or_else(|| iso.to_string(), |c| c.name.clone())
}

/// The motion the next `motion_tabled` will create.
fn next_motion(state: &State) -> u64 {
    state.motions.keys().next_back().map_or(1, |m| m + 1)
}

pub(super) fn decide(
    state: &State,
    now: Timestamp,
    cmd: &Command,
) -> Result<Vec<Event>, DomainError> {
    let charter = charter(state)?;
    match cmd {
        Command::ApplyForMembership { state: iso } => {
            if state.registry.country(iso).is_none() {
                return Err(DomainError::UnknownState(iso.clone()));
            }
            if state.members.contains_key(iso) {
                return Err(DomainError::AlreadyMember(iso.clone()));
            }
            if let Some(a) = state.applications.values().find(|a| {
                &a.state == iso
                    && matches!(
                        a.status,
                        ApplicationStatus::Received | ApplicationStatus::Referred
                    )
            }) {
                return Err(DomainError::ApplicationPending {
                    state: iso.clone(),
                    application: a.id,
                });
            }
            let criterion = charter
                .admission_criterion(state.stage.as_deref())
                .to_owned();
            let verdict = evaluate(
                charter,
                &criterion,
                &state.registry,
                iso,
                state.registry.latest(),
            );
            Ok(vec![Event::MembershipApplied {
                application: state.applications.len() as u64 + 1,
                state: iso.clone(),
                criterion,
                eligible: verdict.eligible(),
                report: verdict.reason,
            }])
        }
        Command::ReferApplication { application } => {
            let a = state
                .applications
                .get(application)
                .ok_or(DomainError::UnknownApplication(*application))?;
            if a.status != ApplicationStatus::Received {
                return Err(DomainError::ApplicationSettled {
                    application: *application,
                    status: a.status.code(),
                });
            }
            if !a.eligible {
                return Err(DomainError::NotEligible {
                    application: *application,
                    report: a.report.clone(),
                });
            }
            let organ = spec(charter, ACCESSION)?.organ.clone();
            let motion = next_motion(state);
            let name = state_name(state, &a.state);
            Ok(vec![
                Event::MotionTabled {
                    motion,
                    organ: organ.clone(),
                    decision: ACCESSION.into(),
                    title: format!("Admission of {name}"),
                    text: format!(
                        "{name} is admitted as a member. Eligibility report under {}: {}.",
                        a.criterion, a.report
                    ),
                    sponsor: Seat::Organ(organ),
                },
                Event::ApplicationReferred {
                    application: *application,
                    motion,
                },
            ])
        }
        Command::ProposeMeasure { review, measure } => {
            let r = state
                .reviews
                .get(review)
                .ok_or(DomainError::UnknownReview(*review))?;
            if r.motion.is_some_and(|m| {
                state.motions.get(&m).is_some_and(|m| {
                    !matches!(m.status, MotionStatus::Rejected | MotionStatus::Withdrawn)
                })
            }) || r.taken.is_some()
            {
                return Err(DomainError::ReviewBusy(*review));
            }
            if !state.members.contains_key(&r.state) {
                return Err(DomainError::NotAMember(r.state.clone()));
            }
            let organ = spec(charter, REVIEW)?.organ.clone();
            let motion = next_motion(state);
            let name = state_name(state, &r.state);
            let what = match measure {
                Measure::Warning => format!("The {organ} warns {name}"),
                Measure::Suspension => format!("The voting rights of {name} are suspended"),
                Measure::Termination => format!("The membership of {name} is terminated"),
            };
            Ok(vec![
                Event::MotionTabled {
                    motion,
                    organ: organ.clone(),
                    decision: REVIEW.into(),
                    title: format!("Review {review} of {name}: {}", measure.code()),
                    text: format!(
                        "{what}, having found that it no longer meets the criterion {}: {}.",
                        r.criterion, r.evidence
                    ),
                    sponsor: Seat::Organ(organ),
                },
                Event::ReviewReferred {
                    review: *review,
                    motion,
                    measure: *measure,
                },
            ])
        }
        Command::GiveOpinion {
            motion: id,
            organ,
            position,
            text,
        } => {
            let m = state
                .motions
                .get(id)
                .ok_or(DomainError::UnknownMotion(*id))?;
            let spec = spec(charter, &m.decision)?;
            if !spec.opinion_from.iter().any(|o| o == organ) {
                return Err(DomainError::OutsidePowers {
                    organ: organ.clone(),
                    clause: format!(
                        "the charter asks for opinions on {} only from {} (decisions[kind = {:?}].opinion_from)",
                        m.decision,
                        if spec.opinion_from.is_empty() {
                            "no organ".to_owned()
                        } else {
                            spec.opinion_from.join(", ")
                        },
                        m.decision
                    ),
                });
            }
            if !m.status.open_for_amendment() && m.status != MotionStatus::Voting {
                return Err(DomainError::WrongStatus {
                    motion: *id,
                    status: m.status,
                    act: "take opinions",
                });
            }
            if m.opinions.iter().any(|o| &o.organ == organ) {
                return Err(DomainError::OpinionGiven {
                    organ: organ.clone(),
                    motion: *id,
                });
            }
            text_field("text", text, 20_000)?;
            let _ = now;
            Ok(vec![Event::OpinionGiven {
                motion: *id,
                organ: organ.clone(),
                position: *position,
                text: text.trim().to_owned(),
            }])
        }
        Command::NetworkVote {
            motion: id,
            organ,
            act,
            yes,
            no,
            abstain,
        } => network_vote(state, charter, now, *id, organ, *act, [*yes, *no, *abstain]),
        Command::OpenNetworkDivision { .. }
        | Command::CastNetworkVote { .. }
        | Command::CloseNetworkDivision { .. } => network_division(state, charter, now, cmd),
        Command::RequestAccreditation {
            organ,
            name,
            country,
            kind,
            description,
        } => {
            let o = charter
                .organ(organ)
                .ok_or_else(|| DomainError::UnknownOrgan(organ.clone()))?;
            if !matches!(
                o.seat_holders,
                SeatHolders::Parliamentarians | SeatHolders::CivilSociety
            ) {
                return Err(DomainError::NotANetwork {
                    organ: organ.clone(),
                });
            }
            if state.registry.country(country).is_none() {
                return Err(DomainError::UnknownState(country.clone()));
            }
            for (field, v, max) in [("name", name, 200), ("description", description, 5_000)] {
                text_field(field, v, max)?;
            }
            if state.accreditations.values().any(|a| {
                a.organ == *organ
                    && a.name.eq_ignore_ascii_case(name.trim())
                    && a.status != AccreditationStatus::Refused
            }) {
                return Err(DomainError::Duplicate(name.trim().to_owned()));
            }
            Ok(vec![Event::AccreditationRequested {
                accreditation: state.accreditations.len() as u64 + 1,
                organ: organ.clone(),
                name: name.trim().to_owned(),
                country: country.clone(),
                kind: *kind,
                description: description.trim().to_owned(),
            }])
        }
        Command::DecideAccreditation {
            accreditation,
            yes,
            no,
            abstain,
        } => {
            let a = state
                .accreditations
                .get(accreditation)
                .ok_or(DomainError::UnknownAccreditation(*accreditation))?;
            if a.status != AccreditationStatus::Requested {
                return Err(DomainError::AccreditationSettled(*accreditation));
            }
            let spec = spec(charter, ACCREDITATION)?;
            if yes.saturating_add(*no).saturating_add(*abstain) == 0 {
                return Err(DomainError::Rule(
                    "a division needs at least one vote (yes, no or abstain)".into(),
                ));
            }
            Ok(vec![Event::AccreditationDecided {
                accreditation: *accreditation,
                organ: spec.organ.clone(),
                yes: *yes,
                no: *no,
                abstain: *abstain,
                accredited: division_carries(&spec.rule, *yes, *no),
            }])
        }
        Command::SubmitReport {
            organ,
            title,
            period,
            text,
        } => {
            let o = charter
                .organ(organ)
                .ok_or_else(|| DomainError::UnknownOrgan(organ.clone()))?;
            let to = match &o.reports_to {
                Some(t) => t.clone(),
                None => charter
                    .organs
                    .iter()
                    .find(|x| x.kind == crate::charter::OrganKind::Summit && x.id != *organ)
                    .map(|x| x.id.clone())
                    .ok_or_else(|| DomainError::OutsidePowers {
                        organ: organ.clone(),
                        clause: format!(
                            "the charter names no organ {organ} reports to (organs[id = {organ:?}].reports_to) and no summit"
                        ),
                    })?,
            };
            for (field, v, max) in [
                ("title", title, 200),
                ("period", period, 50),
                ("text", text, 100_000),
            ] {
                text_field(field, v, max)?;
            }
            Ok(vec![Event::ReportSubmitted {
                report: state.reports.len() as u64 + 1,
                organ: organ.clone(),
                to,
                title: title.trim().to_owned(),
                period: period.trim().to_owned(),
                text: text.trim().to_owned(),
            }])
        }
        Command::DesignateDemocracyOfficer {
            state: iso,
            name,
            office,
            contact,
        } => {
            if !state.members.contains_key(iso) {
                return Err(DomainError::NotAMember(iso.clone()));
            }
            for (field, v, max) in [
                ("name", name, 200),
                ("office", office, 300),
                ("contact", contact, 300),
            ] {
                text_field(field, v, max)?;
            }
            Ok(vec![Event::DemocracyOfficerDesignated {
                state: iso.clone(),
                name: name.trim().to_owned(),
                office: office.trim().to_owned(),
                contact: contact.trim().to_owned(),
            }])
        }
        _ => Ok(Vec::new()),
    }
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
pub(crate) fn network_outcome(
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
        .ok_or(DomainError::UnknownMotion(id))?;
    let spec = spec(charter, &m.decision)?;
    if m.network_votes
        .iter()
        .any(|v| v.organ == organ && v.act == act)
    {
        return Err(DomainError::NetworkVotedAlready {
            organ: organ.to_owned(),
            motion: id,
            act: match act {
                NetworkAct::CoDecision => "co-decision",
                NetworkAct::Objection => "objection",
            },
        });
    }
    match act {
        NetworkAct::CoDecision => {
            if !spec.co_decision.iter().any(|o| o == organ) {
                return Err(DomainError::OutsidePowers {
                    organ: organ.to_owned(),
                    clause: format!(
                        "the charter gives co-decision on {} to {} (decisions[kind = {:?}].co_decision)",
                        m.decision,
                        if spec.co_decision.is_empty() {
                            "no organ".to_owned()
                        } else {
                            spec.co_decision.join(", ")
                        },
                        m.decision
                    ),
                });
            }
            if !m.status.open_for_amendment() {
                return Err(DomainError::WrongStatus {
                    motion: id,
                    status: m.status,
                    act: "take a co-decision vote",
                });
            }
        }
        NetworkAct::Objection => {
            let Some(rule) = spec.objection.as_ref().filter(|r| r.organ == organ) else {
                return Err(DomainError::OutsidePowers {
                    organ: organ.to_owned(),
                    clause: format!(
                        "the charter gives no objection on {} to {organ} (decisions[kind = {:?}].objection)",
                        m.decision, m.decision
                    ),
                });
            };
            if m.status != MotionStatus::Adopted {
                return Err(DomainError::WrongStatus {
                    motion: id,
                    status: m.status,
                    act: "be objected to",
                });
            }
            if m.second_reading {
                return Err(DomainError::OutsidePowers {
                    organ: organ.to_owned(),
                    clause: format!(
                        "a decision is sent back once; motion {id} was adopted on its second reading (decisions[kind = {:?}].objection)",
                        m.decision
                    ),
                });
            }
            let adopted_at = m.votes.last().map_or(m.tabled_at, |v| v.closed_at);
            let until = Timestamp::from_unix(adopted_at.unix() + i64::from(rule.days) * 86_400);
            if now.is_some_and(|now| now > until) {
                return Err(DomainError::ObjectionTooLate { motion: id, until });
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
        return Err(DomainError::DivisionOpen {
            organ: organ.to_owned(),
            motion: id,
        });
    }
    let spec = network_act_allowed(state, charter, Some(now), id, organ, act)?;
    if yes.saturating_add(no).saturating_add(abstain) == 0 {
        return Err(DomainError::Rule(
            "a division needs at least one vote (yes, no or abstain)".into(),
        ));
    }
    let (carried, effect) = network_outcome(spec, act, yes, no);
    Ok(vec![Event::NetworkVoted {
        motion: id,
        organ: organ.to_owned(),
        act,
        yes,
        no,
        abstain,
        carried,
        effect,
    }])
}

/// A network's roll call on the platform: opened by those who hold its seats, voted by its
/// accredited members one by one, closed into the same `network_voted` as a reported one.
fn network_division(
    state: &State,
    charter: &Charter,
    now: Timestamp,
    cmd: &Command,
) -> Result<Vec<Event>, DomainError> {
    let division = |id: u64, organ: &str| {
        state
            .motions
            .get(&id)
            .ok_or(DomainError::UnknownMotion(id))?
            .network_divisions
            .get(organ)
            .ok_or_else(|| DomainError::NoDivisionOpen {
                organ: organ.to_owned(),
                motion: id,
            })
    };
    match cmd {
        Command::OpenNetworkDivision {
            motion: id,
            organ,
            act,
            closes_at,
        } => {
            if division(*id, organ).is_ok() {
                return Err(DomainError::DivisionOpen {
                    organ: organ.clone(),
                    motion: *id,
                });
            }
            network_act_allowed(state, charter, Some(now), *id, organ, *act)?;
            if *closes_at <= now {
                return Err(DomainError::Rule(format!(
                    "closes_at: the roll call must close after it opens ({now})"
                )));
            }
            let electorate = crate::membership::accredited_members(&state.accreditations, organ);
            if electorate.is_empty() {
                return Err(DomainError::NoAccreditedMembers(organ.clone()));
            }
            Ok(vec![Event::NetworkDivisionOpened {
                motion: *id,
                organ: organ.clone(),
                act: *act,
                closes_at: *closes_at,
                electorate,
            }])
        }
        Command::CastNetworkVote {
            motion: id,
            organ,
            member,
            vote,
        } => {
            let d = division(*id, organ)?;
            if now > d.closes_at {
                return Err(DomainError::VoteOver {
                    closes_at: d.closes_at,
                });
            }
            if !d.electorate.contains(member) {
                return Err(DomainError::NotInDivision {
                    member: *member,
                    organ: organ.clone(),
                });
            }
            if *vote == comity_voting::rules::Vote::Absent {
                return Err(DomainError::Rule(
                    "a vote is yes, no or abstain; not voting is recorded as absent".into(),
                ));
            }
            if d.votes.get(member) == Some(vote) {
                return Err(DomainError::SameNetworkVote {
                    member: *member,
                    vote: motion::vote_code(*vote),
                });
            }
            Ok(vec![Event::NetworkVoteCast {
                motion: *id,
                organ: organ.clone(),
                member: *member,
                vote: *vote,
            }])
        }
        Command::CloseNetworkDivision { motion: id, organ } => {
            let d = division(*id, organ)?;
            let missing = d.electorate.len() - d.votes.len();
            if now < d.closes_at && missing > 0 {
                return Err(DomainError::VoteStillOpen {
                    closes_at: d.closes_at,
                    missing,
                });
            }
            // The time to object is judged when the roll call opened.
            let spec = network_act_allowed(state, charter, None, *id, organ, d.act)?;
            let [yes, no, abstain] = d.counts();
            let (carried, effect) = network_outcome(spec, d.act, yes, no);
            Ok(vec![Event::NetworkVoted {
                motion: *id,
                organ: organ.clone(),
                act: d.act,
                yes,
                no,
                abstain,
                carried,
                effect,
            }])
        }
        _ => Ok(Vec::new()),
    }
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

/// A state may vote only with its voting rights.
pub(super) fn check_not_suspended(state: &State, iso: &Iso3) -> Result<(), DomainError> {
    match state.members.get(iso).map(|m| m.standing) {
        Some(Standing::Suspended(review)) => Err(DomainError::Suspended {
            state: iso.clone(),
            review,
        }),
        _ => Ok(()),
    }
}

/// What a closed vote on an accession or review motion brings with it.
pub(super) fn after_close(state: &State, events: &[Event]) -> Vec<Event> {
    let mut out = Vec::new();
    for e in events {
        let Event::VoteClosed {
            motion: id,
            item: Item::Motion,
            tally,
            ..
        } = e
        else {
            continue;
        };
        let adopted = motion::adopted(tally);
        if let Some(a) = state
            .applications
            .values()
            .find(|a| a.motion == Some(*id) && a.status == ApplicationStatus::Referred)
        {
            if adopted {
                out.push(Event::MemberAdmitted {
                    state: a.state.clone(),
                    admission: Admission::Accession,
                    criterion: a.criterion.clone(),
                    reason: a.report.clone(),
                });
            }
            out.push(Event::ApplicationDecided {
                application: a.id,
                admitted: adopted,
            });
        }
        if let Some(r) = state
            .reviews
            .values()
            .find(|r| r.motion == Some(*id) && r.taken.is_none())
        {
            out.push(Event::ReviewDecided {
                review: r.id,
                state: r.state.clone(),
                measure: if adopted { r.proposed } else { None },
            });
        }
    }
    out
}
