//! The projection: the institution's current state as a fold of its journal.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::charter::{Charter, CharterErrors};
use crate::event::{Admission, Event};
use crate::ids::{Actor, Iso3, Timestamp};
use crate::journal::{Entry, Hash, Head};
use crate::motion::{
    self, Amendment, AmendmentStatus, Ballot, Item, Motion, MotionStatus, VoteRecord,
};
use crate::registry::Registry;

#[derive(Debug, Clone)]
pub struct AdoptedCharter {
    pub charter: Charter,
    pub source: String,
    pub sha256: Hash,
    pub seq: u64,
    pub adopted_at: Timestamp,
}

/// A review flag raised by the backsliding monitor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewFlag {
    pub seq: u64,
    pub time: Timestamp,
    pub criterion: String,
    pub edition: String,
    pub change: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Membership {
    pub admitted_seq: u64,
    pub admitted_at: Timestamp,
    pub admission: Admission,
    pub reason: String,
    pub flags: Vec<ReviewFlag>,
    /// Good standing, warned, or voting rights suspended.
    pub standing: crate::membership::Standing,
}

#[derive(Debug, Clone, Default)]
pub struct State {
    head: Head,
    pub registry: Registry,
    pub charter: Option<AdoptedCharter>,
    pub members: BTreeMap<Iso3, Membership>,
    /// The current enlargement stage, where the charter has stages.
    pub stage: Option<String>,
    /// The journal entries that concern each state, oldest first.
    pub acts: BTreeMap<Iso3, Vec<u64>>,
    /// Who holds each organ's fixed seats, where recorded.
    pub seats: BTreeMap<String, Vec<Iso3>>,
    pub motions: BTreeMap<u64, Motion>,
    pub elections: BTreeMap<u64, crate::election::Election>,
    /// Organs drawn by lot: their pools and draws.
    pub assemblies: BTreeMap<String, crate::assembly::Assembly>,
    /// Applications for membership after founding, by number.
    pub applications: BTreeMap<u64, crate::membership::Application>,
    /// Reviews of members whose ratings fell below the criterion, by number.
    pub reviews: BTreeMap<u64, crate::membership::Review>,
    /// Requests to sit in the networks, by number.
    pub accreditations: BTreeMap<u64, crate::membership::Accreditation>,
    /// Each member state's democracy officer.
    pub democracy_officers: BTreeMap<Iso3, crate::membership::DemocracyOfficer>,
    /// Organs' reports, by number.
    pub reports: BTreeMap<u64, crate::membership::Report>,
    /// States whose membership was terminated: the entry that ended it.
    pub terminated: BTreeMap<Iso3, u64>,
    /// Treaties drafted under the alliance, by id.
    pub treaties: BTreeMap<String, crate::treaty::record::TreatyRecord>,
}

/// An entry the projection cannot take.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApplyError {
    #[error("entry {seq} does not follow the head (seq {head_seq}, hash {head_hash})")]
    OutOfOrder {
        seq: u64,
        head_seq: u64,
        head_hash: Hash,
    },
    #[error("entry {seq}: kind {kind:?} cannot be read by this version of comity: {message}")]
    Unreadable {
        seq: u64,
        kind: String,
        message: String,
    },
    #[error("entry {seq}: the adopted charter does not parse: {errors}")]
    CharterUnparsable { seq: u64, errors: CharterErrors },
    #[error("entry {seq}: {message}")]
    Inconsistent { seq: u64, message: String },
    #[error(
        "entry {seq}: the recorded tally of motion {motion} is not what its recorded votes give under the charter: recorded {recorded}, recomputed {recomputed}"
    )]
    TallyMismatch {
        seq: u64,
        motion: u64,
        recorded: String,
        recomputed: String,
    },
}

impl State {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn head(&self) -> Head {
        self.head
    }

    /// Fold one entry into the state. The entry must follow the current head.
    pub fn apply(&mut self, entry: &Entry) -> Result<(), ApplyError> {
        if entry.seq != self.head.seq + 1 || entry.prev_hash != self.head.hash {
            return Err(ApplyError::OutOfOrder {
                seq: entry.seq,
                head_seq: self.head.seq,
                head_hash: self.head.hash,
            });
        }
        let event = entry.event().map_err(|e| ApplyError::Unreadable {
            seq: entry.seq,
            kind: entry.kind.clone(),
            message: e.to_string(),
        })?;
        self.apply_event(entry.seq, entry.time, &entry.actor, &event)?;
        self.head = entry.head();
        Ok(())
    }

    fn apply_event(
        &mut self,
        seq: u64,
        time: Timestamp,
        actor: &Actor,
        event: &Event,
    ) -> Result<(), ApplyError> {
        if let Some(id) = event.election()
            && !matches!(event, Event::ElectionOpened { .. })
        {
            self.election_mut(seq, id)?.acts.push(seq);
        }
        if let Some(id) = event.motion()
            && !matches!(event, Event::MotionTabled { .. })
        {
            self.motion_mut(seq, id)?.acts.push(seq);
        }
        if event.treaty().is_some() {
            return crate::treaty::record::apply(&mut self.treaties, seq, time, actor, event)
                .map_err(|m| inconsistent(seq, &m));
        }
        match event {
            Event::StatesImported { states } => self.registry.add_countries(states),
            Event::FreedomHouseEditionImported(ed) => self.registry.add_fh_edition(ed),
            Event::VdemYearImported(y) => self.registry.add_vdem_year(y),
            Event::CharterAdopted { source, sha256, .. } => {
                let charter = Charter::parse("charter", source)
                    .map_err(|errors| ApplyError::CharterUnparsable { seq, errors })?;
                self.stage = charter.membership.stages.first().map(|s| s.id.clone());
                self.charter = Some(AdoptedCharter {
                    charter,
                    source: source.clone(),
                    sha256: *sha256,
                    seq,
                    adopted_at: time,
                });
            }
            Event::MemberAdmitted {
                state,
                admission,
                reason,
                ..
            } => {
                self.members.insert(
                    state.clone(),
                    Membership {
                        admitted_seq: seq,
                        admitted_at: time,
                        admission: *admission,
                        reason: reason.clone(),
                        flags: Vec::new(),
                        standing: crate::membership::Standing::Good,
                    },
                );
            }
            Event::MemberFlaggedForReview {
                state,
                criterion,
                edition,
                change,
            } => {
                if let Some(m) = self.members.get_mut(state) {
                    m.flags.push(ReviewFlag {
                        seq,
                        time,
                        criterion: criterion.clone(),
                        edition: edition.clone(),
                        change: change.clone(),
                    });
                }
            }
            Event::SeatsAssigned { organ, states } => {
                self.seats.insert(organ.clone(), states.clone());
            }
            Event::MotionTabled {
                motion,
                organ,
                decision,
                title,
                text,
                sponsor,
            } => {
                self.motions.insert(
                    *motion,
                    Motion {
                        id: *motion,
                        organ: organ.clone(),
                        decision: decision.clone(),
                        title: title.clone(),
                        text: text.clone(),
                        original_text: text.clone(),
                        sponsor: sponsor.clone(),
                        cosponsors: Vec::new(),
                        tabled_by: actor.clone(),
                        tabled_seq: seq,
                        tabled_at: time,
                        status: MotionStatus::Tabled,
                        amendments: Vec::new(),
                        order: Vec::new(),
                        ballot: None,
                        votes: Vec::new(),
                        opinions: Vec::new(),
                        network_votes: Vec::new(),
                        network_divisions: BTreeMap::new(),
                        second_reading: false,
                        acts: vec![seq],
                    },
                );
            }
            Event::MotionCosponsored { motion, seat } => {
                self.motion_mut(seq, *motion)?.cosponsors.push(seat.clone());
            }
            Event::AmendmentTabled {
                motion,
                amendment,
                title,
                text,
                group,
                sponsor,
            } => {
                self.motion_mut(seq, *motion)?.amendments.push(Amendment {
                    number: *amendment,
                    title: title.clone(),
                    text: text.clone(),
                    group: group.clone(),
                    sponsor: sponsor.clone(),
                    status: AmendmentStatus::Tabled,
                    tabled_seq: seq,
                });
            }
            Event::MotionWithdrawn { motion } => {
                self.motion_mut(seq, *motion)?.status = MotionStatus::Withdrawn;
            }
            Event::AmendmentWithdrawn { motion, amendment } => {
                let m = self.motion_mut(seq, *motion)?;
                if let Some(a) = m.amendments.iter_mut().find(|a| a.number == *amendment) {
                    a.status = AmendmentStatus::Withdrawn;
                }
            }
            Event::DebateOpened { motion } => {
                self.motion_mut(seq, *motion)?.status = MotionStatus::UnderDebate;
            }
            Event::VoteOpened {
                motion,
                item,
                closes_at,
                electorate,
                order,
            } => {
                let m = self.motion_mut(seq, *motion)?;
                m.status = MotionStatus::Voting;
                m.order = order.clone();
                m.ballot = Some(Ballot {
                    item: *item,
                    opened_seq: seq,
                    opened_at: time,
                    closes_at: *closes_at,
                    electorate: electorate.clone(),
                    votes: BTreeMap::new(),
                });
            }
            Event::VoteCast {
                motion,
                state,
                vote,
                ..
            } => {
                let m = self.motion_mut(seq, *motion)?;
                let Some(b) = m.ballot.as_mut() else {
                    return Err(inconsistent(seq, "a vote was cast with no vote open"));
                };
                b.votes.insert(state.clone(), *vote);
            }
            Event::VoteClosed {
                motion,
                item,
                tally,
                objections,
                lapsed,
                casting_vote,
            } => self.close_vote(
                seq,
                time,
                *motion,
                *item,
                tally,
                objections,
                lapsed,
                *casting_vote,
            )?,
            Event::ElectionOpened {
                election,
                organ,
                title,
                method,
                seats,
                candidates,
                closes_at,
                seed,
                electorate,
            } => {
                self.elections.insert(
                    *election,
                    crate::election::Election {
                        id: *election,
                        organ: organ.clone(),
                        title: title.clone(),
                        method: method.clone(),
                        seats: *seats,
                        candidates: candidates.clone(),
                        closes_at: *closes_at,
                        seed: *seed,
                        electorate: electorate.clone(),
                        voted: Default::default(),
                        opened_seq: seq,
                        result: None,
                        acts: vec![seq],
                    },
                );
            }
            Event::BallotCast { election, state } => {
                self.election_mut(seq, *election)?
                    .voted
                    .insert(state.clone());
            }
            Event::PaperBallotsRecorded {
                election, states, ..
            } => {
                let e = self.election_mut(seq, *election)?;
                if let Some(s) = states
                    .iter()
                    .find(|s| e.voted.contains(*s) || !e.electorate.contains(*s))
                {
                    return Err(inconsistent(
                        seq,
                        &format!("election {election}: {s} may not vote on paper"),
                    ));
                }
                e.voted.extend(states.iter().cloned());
            }
            Event::MembershipApplied {
                application,
                state,
                criterion,
                eligible,
                report,
            } => {
                if *application != self.applications.len() as u64 + 1 {
                    return Err(inconsistent(
                        seq,
                        &format!("application {application} is out of sequence"),
                    ));
                }
                self.applications.insert(
                    *application,
                    crate::membership::Application {
                        id: *application,
                        state: state.clone(),
                        seq,
                        time,
                        criterion: criterion.clone(),
                        eligible: *eligible,
                        report: report.clone(),
                        motion: None,
                        status: crate::membership::ApplicationStatus::Received,
                    },
                );
                self.acts.entry(state.clone()).or_default().push(seq);
            }
            Event::ApplicationReferred {
                application,
                motion,
            } => {
                let a = self
                    .applications
                    .get_mut(application)
                    .ok_or_else(|| inconsistent(seq, &format!("no application {application}")))?;
                a.motion = Some(*motion);
                a.status = crate::membership::ApplicationStatus::Referred;
            }
            Event::ApplicationDecided {
                application,
                admitted,
            } => {
                let a = self
                    .applications
                    .get_mut(application)
                    .ok_or_else(|| inconsistent(seq, &format!("no application {application}")))?;
                a.status = if *admitted {
                    crate::membership::ApplicationStatus::Admitted
                } else {
                    crate::membership::ApplicationStatus::Refused
                };
                if *admitted != self.members.contains_key(&a.state) {
                    return Err(inconsistent(
                        seq,
                        &format!("application {application}: admission does not match the members"),
                    ));
                }
            }
            Event::ReviewOpened {
                review,
                state,
                organ,
                criterion,
                edition,
                evidence,
            } => {
                self.reviews.insert(
                    *review,
                    crate::membership::Review {
                        id: *review,
                        state: state.clone(),
                        organ: organ.clone(),
                        criterion: criterion.clone(),
                        edition: edition.clone(),
                        evidence: evidence.clone(),
                        opened_seq: seq,
                        opened_at: time,
                        motion: None,
                        proposed: None,
                        taken: None,
                        rejected: Vec::new(),
                    },
                );
                self.acts.entry(state.clone()).or_default().push(seq);
            }
            Event::ReviewReferred {
                review,
                motion,
                measure,
            } => {
                let r = self
                    .reviews
                    .get_mut(review)
                    .ok_or_else(|| inconsistent(seq, &format!("no review {review}")))?;
                r.motion = Some(*motion);
                r.proposed = Some(*measure);
            }
            Event::ReviewDecided {
                review,
                state,
                measure,
            } => {
                // A measure is taken only by an adopted motion, and only the one proposed.
                let adopted = self
                    .reviews
                    .get(review)
                    .and_then(|r| r.motion)
                    .and_then(|m| self.motions.get(&m))
                    .map(|m| m.status == MotionStatus::Adopted);
                let proposed = self.reviews.get(review).and_then(|r| r.proposed);
                if adopted != Some(measure.is_some()) || (measure.is_some() && *measure != proposed)
                {
                    return Err(inconsistent(
                        seq,
                        &format!(
                            "review {review}: the recorded measure does not follow from its motion's vote"
                        ),
                    ));
                }
                let r = self
                    .reviews
                    .get_mut(review)
                    .ok_or_else(|| inconsistent(seq, &format!("no review {review}")))?;
                match measure {
                    None => {
                        if let (Some(m), Some(p)) = (r.motion.take(), r.proposed.take()) {
                            r.rejected.push((m, p));
                        }
                    }
                    Some(mm) => {
                        r.taken = Some(*mm);
                        use crate::membership::{Measure, Standing};
                        match mm {
                            Measure::Warning => {
                                if let Some(m) = self.members.get_mut(state) {
                                    m.standing = Standing::Warned;
                                }
                            }
                            Measure::Suspension => {
                                if let Some(m) = self.members.get_mut(state) {
                                    m.standing = Standing::Suspended(*review);
                                }
                            }
                            Measure::Termination => {
                                self.members.remove(state);
                                self.terminated.insert(state.clone(), seq);
                            }
                        }
                    }
                }
                self.acts.entry(state.clone()).or_default().push(seq);
            }
            Event::OpinionGiven {
                organ,
                position,
                text,
                motion,
            } => {
                self.motion_mut(seq, *motion)?
                    .opinions
                    .push(crate::membership::Opinion {
                        seq,
                        time,
                        organ: organ.clone(),
                        position: *position,
                        text: text.clone(),
                    });
            }
            Event::NetworkVoted {
                motion,
                organ,
                act,
                yes,
                no,
                abstain,
                carried,
                effect,
            } => {
                // The outcome must follow from the division under the charter.
                let spec = self.charter.as_ref().and_then(|c| {
                    self.motions
                        .get(motion)
                        .and_then(|m| c.charter.decision(&m.decision))
                        .cloned()
                });
                if let Some(spec) = spec {
                    let (want, want_effect) =
                        crate::decide::network_outcome(&spec, *act, *yes, *no);
                    if want != *carried || want_effect != *effect {
                        return Err(inconsistent(
                            seq,
                            &format!(
                                "motion {motion}: the recorded outcome of {organ}'s division ({yes}–{no}) does not follow from the charter"
                            ),
                        ));
                    }
                }
                let m = self.motion_mut(seq, *motion)?;
                // A roll call held on the platform closes here: its counts are the votes cast.
                if let Some(d) = m.network_divisions.get(organ.as_str())
                    && (d.counts() != [*yes, *no, *abstain] || d.act != *act)
                {
                    return Err(inconsistent(
                        seq,
                        &format!(
                            "motion {motion}: {organ}'s division ({yes}–{no}–{abstain}) is not the roll call's votes"
                        ),
                    ));
                }
                let roll = m
                    .network_divisions
                    .remove(organ.as_str())
                    .map(|d| d.roll())
                    .unwrap_or_default();
                m.network_votes.push(crate::membership::NetworkVote {
                    seq,
                    time,
                    organ: organ.clone(),
                    act: *act,
                    yes: *yes,
                    no: *no,
                    abstain: *abstain,
                    carried: *carried,
                    roll,
                });
                use crate::charter::ObjectionEffect;
                use crate::membership::NetworkAct;
                match (act, carried, effect) {
                    (NetworkAct::CoDecision, false, _) => m.status = MotionStatus::Rejected,
                    (NetworkAct::Objection, true, Some(ObjectionEffect::SecondReading)) => {
                        m.status = MotionStatus::UnderDebate;
                        m.second_reading = true;
                    }
                    (NetworkAct::Objection, true, Some(ObjectionEffect::Block)) => {
                        m.status = MotionStatus::Rejected;
                    }
                    _ => {}
                }
            }
            Event::NetworkDivisionOpened {
                motion,
                organ,
                act,
                closes_at,
                electorate,
            } => {
                let members = crate::membership::accredited_members(&self.accreditations, organ);
                if &members != electorate {
                    return Err(inconsistent(
                        seq,
                        &format!(
                            "motion {motion}: the roll call's electorate is not {organ}'s accredited members"
                        ),
                    ));
                }
                let m = self.motion_mut(seq, *motion)?;
                m.network_divisions.insert(
                    organ.clone(),
                    crate::membership::NetworkDivision {
                        organ: organ.clone(),
                        act: *act,
                        opened_seq: seq,
                        opened_at: time,
                        closes_at: *closes_at,
                        electorate: electorate.clone(),
                        votes: BTreeMap::new(),
                    },
                );
            }
            Event::NetworkVoteCast {
                motion,
                organ,
                member,
                vote,
            } => {
                let m = self.motion_mut(seq, *motion)?;
                let Some(d) = m.network_divisions.get_mut(organ.as_str()) else {
                    return Err(inconsistent(
                        seq,
                        &format!("motion {motion}: no roll call of {organ} is open"),
                    ));
                };
                if !d.electorate.contains(member) {
                    return Err(inconsistent(
                        seq,
                        &format!(
                            "motion {motion}: accreditation {member} does not vote in {organ}'s roll call"
                        ),
                    ));
                }
                d.votes.insert(*member, *vote);
            }
            Event::AccreditationRequested {
                accreditation,
                organ,
                name,
                country,
                kind,
                description,
            } => {
                if *accreditation != self.accreditations.len() as u64 + 1 {
                    return Err(inconsistent(
                        seq,
                        &format!("accreditation {accreditation} is out of sequence"),
                    ));
                }
                self.accreditations.insert(
                    *accreditation,
                    crate::membership::Accreditation {
                        id: *accreditation,
                        organ: organ.clone(),
                        name: name.clone(),
                        country: country.clone(),
                        kind: *kind,
                        description: description.clone(),
                        seq,
                        time,
                        status: crate::membership::AccreditationStatus::Requested,
                        decided: None,
                    },
                );
            }
            Event::AccreditationDecided {
                accreditation,
                organ,
                yes,
                no,
                abstain,
                accredited,
            } => {
                let rule = self
                    .charter
                    .as_ref()
                    .and_then(|c| c.charter.decision("accreditation"))
                    .map(|d| d.rule.clone());
                if let Some(rule) = rule
                    && crate::decide::division_carries(&rule, *yes, *no) != *accredited
                {
                    return Err(inconsistent(
                        seq,
                        &format!(
                            "accreditation {accreditation}: the recorded outcome does not follow from the division under the charter's rule"
                        ),
                    ));
                }
                let a = self.accreditations.get_mut(accreditation).ok_or_else(|| {
                    inconsistent(seq, &format!("no accreditation {accreditation}"))
                })?;
                a.status = if *accredited {
                    crate::membership::AccreditationStatus::Accredited
                } else {
                    crate::membership::AccreditationStatus::Refused
                };
                a.decided = Some((organ.clone(), *yes, *no, *abstain));
            }
            Event::ReportSubmitted {
                report,
                organ,
                to,
                title,
                period,
                text,
            } => {
                self.reports.insert(
                    *report,
                    crate::membership::Report {
                        id: *report,
                        organ: organ.clone(),
                        to: to.clone(),
                        title: title.clone(),
                        period: period.clone(),
                        text: text.clone(),
                        seq,
                        time,
                    },
                );
            }
            Event::DemocracyOfficerDesignated {
                state,
                name,
                office,
                contact,
            } => {
                self.democracy_officers.insert(
                    state.clone(),
                    crate::membership::DemocracyOfficer {
                        name: name.clone(),
                        office: office.clone(),
                        contact: contact.clone(),
                        seq,
                        time,
                    },
                );
                self.acts.entry(state.clone()).or_default().push(seq);
            }
            // Folded by `treaty::record::apply` above.
            Event::TreatyOpened { .. }
            | Event::TreatyRoundOpened { .. }
            | Event::TreatyWordingProposed { .. }
            | Event::TreatyBracketResolved { .. }
            | Event::TreatyAdopted { .. }
            | Event::TreatyOpenedForSignature { .. }
            | Event::TreatySigned { .. }
            | Event::InstrumentDeposited { .. }
            | Event::ReservationObjected { .. }
            | Event::TreatyEnteredIntoForce { .. }
            | Event::TreatyWithdrawal { .. } => {}
            Event::ElectionCounted {
                election,
                ballots,
                elected,
                by_lot,
            } => {
                let e = self.election_mut(seq, *election)?;
                // Recount from the published ballots: a journal whose result does not follow is refused.
                let (recount, lot) = crate::election::tally_ballots(
                    &e.method,
                    &e.candidates,
                    e.seats,
                    e.seed,
                    ballots,
                )
                .map_err(|m| inconsistent(seq, &m))?;
                let cast: u64 = ballots.iter().map(|(_, c)| c).sum();
                if recount != *elected || lot != *by_lot || cast != e.voted.len() as u64 {
                    return Err(inconsistent(
                        seq,
                        &format!(
                            "election {election}: the recount of the published ballots elects {recount:?}, the journal records {elected:?}"
                        ),
                    ));
                }
                e.result = Some(crate::election::ElectionResult {
                    elected: elected.clone(),
                    by_lot: *by_lot,
                    ballots: ballots.clone(),
                    closed_seq: seq,
                });
            }
            Event::VolunteersRegistered {
                organ,
                first,
                volunteers,
            } => {
                let a = self.assemblies.entry(organ.clone()).or_default();
                if *first != a.volunteers.len() as u64 + 1 {
                    return Err(inconsistent(
                        seq,
                        &format!(
                            "{organ}: volunteers numbered from {first}, expected {}",
                            a.volunteers.len() + 1
                        ),
                    ));
                }
                a.volunteers.extend(volunteers.iter().cloned());
            }
            Event::DrawCommitted {
                organ,
                draw,
                commitment,
                algorithm,
                pool,
                panel_size,
            } => {
                let a = self.assemblies.entry(organ.clone()).or_default();
                if *pool as usize > a.volunteers.len() || a.pending().is_some() {
                    return Err(inconsistent(
                        seq,
                        &format!("{organ}: draw {draw} cannot be committed here"),
                    ));
                }
                a.draws.insert(
                    *draw,
                    crate::assembly::Draw {
                        number: *draw,
                        commitment: *commitment,
                        algorithm: algorithm.clone(),
                        pool: *pool as usize,
                        panel_size: *panel_size as usize,
                        committed_seq: seq,
                        result: None,
                    },
                );
            }
            Event::AssemblyDrawn {
                organ,
                draw,
                seed,
                panel,
                min_probability_ppt,
                probabilities_ppt,
                panels,
            } => {
                // The seed must open the commitment and the panel must meet the charter's
                // quotas; `comity sortition verify` re-runs the whole selection.
                let rules = self
                    .charter
                    .as_ref()
                    .and_then(|c| c.charter.by_lot(organ))
                    .map(|(_, rules)| rules.clone())
                    .ok_or_else(|| inconsistent(seq, &format!("{organ} is not drawn by lot")))?;
                let a = self.assemblies.entry(organ.clone()).or_default();
                let d = a
                    .draws
                    .get(draw)
                    .filter(|d| d.result.is_none())
                    .cloned()
                    .ok_or_else(|| {
                        inconsistent(seq, &format!("{organ}: draw {draw} is not pending"))
                    })?;
                if crate::assembly::commitment(seed) != d.commitment {
                    return Err(inconsistent(
                        seq,
                        &format!("{organ}: the seed of draw {draw} does not open its commitment"),
                    ));
                }
                let members: Vec<usize> = panel
                    .iter()
                    .map(|&n| (n as usize).wrapping_sub(1))
                    .collect();
                a.instance(&rules, d.pool, d.panel_size)
                    .check_panel(&members)
                    .map_err(|m| {
                        inconsistent(seq, &format!("{organ}: the drawn panel is not valid: {m}"))
                    })?;
                if probabilities_ppt.len() != d.pool {
                    return Err(inconsistent(
                        seq,
                        &format!(
                            "{organ}: draw {draw} gives {} probabilities for a pool of {}",
                            probabilities_ppt.len(),
                            d.pool
                        ),
                    ));
                }
                if let Some(entry) = a.draws.get_mut(draw) {
                    entry.result = Some(crate::assembly::DrawResult {
                        seq,
                        seed: seed.clone(),
                        panel: panel.clone(),
                        min_probability_ppt: *min_probability_ppt,
                        probabilities_ppt: probabilities_ppt.clone(),
                        panels: *panels as usize,
                    });
                }
            }
        }
        Ok(())
    }

    fn election_mut(
        &mut self,
        seq: u64,
        id: u64,
    ) -> Result<&mut crate::election::Election, ApplyError> {
        self.elections
            .get_mut(&id)
            .ok_or_else(|| inconsistent(seq, &format!("there is no election {id}")))
    }

    fn motion_mut(&mut self, seq: u64, id: u64) -> Result<&mut Motion, ApplyError> {
        self.motions
            .get_mut(&id)
            .ok_or_else(|| inconsistent(seq, &format!("there is no motion {id}")))
    }

    /// Close the open ballot, re-deriving the tally from the recorded votes under the
    /// charter's rule: a journal whose recorded outcome does not follow is refused.
    #[allow(clippy::too_many_arguments)]
    fn close_vote(
        &mut self,
        seq: u64,
        time: Timestamp,
        id: u64,
        item: Item,
        tally: &comity_voting::rules::Tally,
        objections: &[Iso3],
        lapsed: &[u32],
        casting_vote: Option<bool>,
    ) -> Result<(), ApplyError> {
        let spec = {
            let m = self
                .motions
                .get(&id)
                .ok_or_else(|| inconsistent(seq, &format!("there is no motion {id}")))?;
            self.charter
                .as_ref()
                .and_then(|c| c.charter.decision(&m.decision))
                .cloned()
                .ok_or_else(|| {
                    inconsistent(seq, "the motion's decision kind is not in the charter")
                })?
        };
        let registry = &self.registry;
        let m = self
            .motions
            .get_mut(&id)
            .ok_or_else(|| inconsistent(seq, &format!("there is no motion {id}")))?;
        let Some(ballot) = m.ballot.clone() else {
            return Err(inconsistent(seq, "a vote was closed with no vote open"));
        };
        if ballot.item != item {
            return Err(inconsistent(seq, "the vote closed is not the one open"));
        }
        let roll = motion::roll_of(&ballot);
        let (recomputed, _) = motion::tally_roll(&spec, registry, &roll, casting_vote)
            .map_err(|e| inconsistent(seq, &e.to_string()))?;
        if recomputed != *tally {
            return Err(ApplyError::TallyMismatch {
                seq,
                motion: id,
                recorded: tally.to_string(),
                recomputed: recomputed.to_string(),
            });
        }
        let adopted = motion::adopted(tally);
        m.ballot = None;
        match item {
            Item::Amendment(n) => {
                for a in &mut m.amendments {
                    if a.number == n {
                        a.status = if adopted {
                            AmendmentStatus::Adopted
                        } else {
                            AmendmentStatus::Rejected
                        };
                        if adopted {
                            m.text = a.text.clone();
                        }
                    } else if lapsed.contains(&a.number) {
                        a.status = AmendmentStatus::Lapsed;
                    }
                }
            }
            Item::Motion => {
                m.status = match tally.outcome {
                    comity_voting::rules::Outcome::Adopted => MotionStatus::Adopted,
                    comity_voting::rules::Outcome::Rejected => MotionStatus::Rejected,
                    // No decision: the motion stays before the organ for another vote.
                    comity_voting::rules::Outcome::NoQuorum => MotionStatus::Voting,
                };
            }
        }
        m.votes.push(VoteRecord {
            item,
            opened_seq: ballot.opened_seq,
            closed_seq: seq,
            closed_at: time,
            roll,
            tally: tally.clone(),
            objections: objections.to_vec(),
            lapsed: lapsed.to_vec(),
        });
        Ok(())
    }
}

fn inconsistent(seq: u64, message: &str) -> ApplyError {
    ApplyError::Inconsistent {
        seq,
        message: message.to_owned(),
    }
}
