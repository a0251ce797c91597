//! Membership after founding on the real ratings: an alliance founded on FIW 2024 receives
//! FIW 2025; members that fell below the criterion are flagged and reviews open by
//! themselves; a measure is voted and takes effect (a suspended member's votes are refused);
//! Jordan, newly Partly Free, applies and is admitted; a Not Free state's application is
//! recorded with the report of why it fails and never reaches a vote. Required opinions hold
//! the vote, and an organ acting outside its powers is refused with the charter clause.
//!
//! Long because the tests share one founding on the real ratings and its helpers; each test
//! is one case of the seeds' membership rules.

use comity_core::membership::{ApplicationStatus, Measure, Standing};
use comity_core::motion::MotionStatus;
use comity_core::motion::Seat;
use comity_core::network::{NetworkAct, Position};
use comity_core::{Actor, Command, DomainError, Event, Iso3, State, Timestamp, data, journal};
use comity_core::{base, membership, motion, network, reporting};
use comity_voting::rules::Vote;

use crate::run_at;

fn iso(s: &str) -> Iso3 {
    Iso3::parse(s).unwrap()
}

fn at(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

fn now() -> Timestamp {
    at("2026-11-29T12:00:00Z")
}

fn run(state: &mut State, cmd: &Command) -> Result<Vec<Event>, DomainError> {
    run_at(state, now(), cmd)
}

fn founded_on_fiw_2024() -> State {
    let mut state = State::new();
    for cmd in data::reference_imports_until(Some(2024)).unwrap() {
        run(&mut state, &cmd).unwrap();
    }
    let c = data::charter("alliance-of-democracies").unwrap();
    run(
        &mut state,
        &Command::Base(base::Command::AdoptCharter {
            file: c.file.into(),
            source: c.source.into(),
        }),
    )
    .unwrap();
    run(
        &mut state,
        &Command::Base(base::Command::AdmitFoundingMembers),
    )
    .unwrap();
    state
}

/// Opinions, debate, every seated state votes `vote`, close.
fn vote_on(state: &mut State, motion: u64, vote: Vote) {
    let m = &state.motions[&motion];
    let spec = state
        .charter
        .as_ref()
        .unwrap()
        .charter
        .decision(&m.decision)
        .unwrap()
        .clone();
    for organ in spec.opinion_from {
        run(
            state,
            &Command::Network(network::Command::GiveOpinion {
                motion,
                organ,
                position: Position::Favourable,
                text: "Favourable.".into(),
            }),
        )
        .unwrap();
    }
    run(
        state,
        &Command::Motion(motion::Command::OpenDebate { motion }),
    )
    .unwrap();
    run(
        state,
        &Command::Motion(motion::Command::OpenVote {
            motion,
            closes_at: at("2026-12-31T00:00:00Z"),
            order: None,
        }),
    )
    .unwrap();
    let electorate = state.motions[&motion]
        .ballot
        .as_ref()
        .unwrap()
        .electorate
        .clone();
    for s in electorate {
        run(
            state,
            &Command::Motion(motion::Command::CastVote {
                motion,
                state: s,
                vote,
            }),
        )
        .unwrap();
    }
    run(
        state,
        &Command::Motion(motion::Command::CloseVote {
            motion,
            casting_vote: None,
        }),
    )
    .unwrap();
}

fn seat_council(state: &mut State) {
    let mut by_pop: Vec<(u64, Iso3)> = state
        .members
        .keys()
        .map(|k| {
            (
                state.registry.country(k).unwrap().population.unwrap_or(0),
                k.clone(),
            )
        })
        .collect();
    by_pop.sort_by(|a, b| b.cmp(a));
    let seats: Vec<Iso3> = by_pop.into_iter().take(25).map(|(_, k)| k).collect();
    run(
        state,
        &Command::Base(base::Command::AssignSeats {
            organ: "governing_council".into(),
            states: seats,
        }),
    )
    .unwrap();
}

#[test]
fn new_ratings_open_reviews_and_a_measure_takes_effect() {
    let mut state = founded_on_fiw_2024();
    assert_eq!(state.members.len(), 139, "FIW 2024: F or PF");
    assert!(!state.members.contains_key(&iso("JOR")));
    let events = run(&mut state, &data::freedom_house_edition(2025).unwrap()).unwrap();
    let reviewed: Vec<&str> = events
        .iter()
        .filter_map(|e| match e {
            Event::Membership(membership::Event::ReviewOpened { state, organ, .. }) => {
                assert_eq!(organ, "governing_council");
                Some(state.as_str())
            }
            _ => None,
        })
        .collect();
    assert_eq!(reviewed, ["KWT", "NER", "THA", "TZA"]);
    let review = state
        .reviews
        .values()
        .find(|r| r.state == iso("NER"))
        .unwrap()
        .clone();
    assert!(review.evidence.contains("FIW 2025"), "{}", review.evidence);
    assert_eq!(review.edition, "FIW 2025");

    // The measure: suspension of Niger's voting rights, in the Governing Council.
    seat_council(&mut state);
    run(
        &mut state,
        &Command::Membership(membership::Command::ProposeMeasure {
            review: review.id,
            measure: Measure::Suspension,
        }),
    )
    .unwrap();
    let motion = *state.motions.keys().last().unwrap();
    assert_eq!(state.motions[&motion].decision, "membership_review");
    // Only one measure at a time.
    assert!(matches!(
        run(
            &mut state,
            &Command::Membership(membership::Command::ProposeMeasure {
                review: review.id,
                measure: Measure::Warning,
            }),
        ),
        Err(DomainError::Membership(membership::Refusal::ReviewBusy(_)))
    ));
    // The vote waits for the Civil Society Network's opinion (the charter's opinion_from)...
    run(
        &mut state,
        &Command::Motion(motion::Command::OpenDebate { motion }),
    )
    .unwrap();
    let held = run(
        &mut state,
        &Command::Motion(motion::Command::OpenVote {
            motion,
            closes_at: at("2026-12-31T00:00:00Z"),
            order: None,
        }),
    );
    assert!(
        matches!(&held, Err(DomainError::Network(network::Refusal::OpinionPending { organ, .. })) if organ == "civil_society_network"),
        "{held:?}"
    );
    // ...but not beyond its 30 days.
    let later = run_at(
        &mut state.clone(),
        at("2026-12-30T12:00:00Z"),
        &Command::Motion(motion::Command::OpenVote {
            motion,
            closes_at: at("2026-12-31T00:00:00Z"),
            order: None,
        }),
    );
    assert!(later.is_ok(), "{later:?}");
    // The parliamentary network is not asked on reviews: outside its powers.
    let outside = run(
        &mut state,
        &Command::Network(network::Command::GiveOpinion {
            motion,
            organ: "parliamentary_network".into(),
            position: Position::Unfavourable,
            text: "No.".into(),
        }),
    )
    .unwrap_err();
    assert!(matches!(
        outside,
        DomainError::Network(network::Refusal::OutsidePowers { .. })
    ));
    assert!(outside.to_string().contains("opinion_from"), "{outside}");
    // The network gives its opinion; the Council votes.
    let mut state2 = state.clone();
    vote_on_after_debate(&mut state2, motion);
    assert_eq!(
        state2.members[&iso("NER")].standing,
        Standing::Suspended(review.id)
    );
    assert_eq!(state2.reviews[&review.id].taken, Some(Measure::Suspension));
    // A suspended member's vote is refused with that reason, and it is not in new electorates.
    run(
        &mut state2,
        &Command::Motion(motion::Command::TableMotion {
            decision: "treaty_adoption".into(),
            title: "T".into(),
            text: "X".into(),
            sponsor: Seat::State(iso("DNK")),
        }),
    )
    .unwrap();
    let m = *state2.motions.keys().last().unwrap();
    run(
        &mut state2,
        &Command::Network(network::Command::GiveOpinion {
            motion: m,
            organ: "parliamentary_network".into(),
            position: Position::Favourable,
            text: "Yes.".into(),
        }),
    )
    .unwrap();
    run(
        &mut state2,
        &Command::Motion(motion::Command::OpenDebate { motion: m }),
    )
    .unwrap();
    run(
        &mut state2,
        &Command::Motion(motion::Command::OpenVote {
            motion: m,
            closes_at: at("2026-12-31T00:00:00Z"),
            order: None,
        }),
    )
    .unwrap();
    assert!(
        !state2.motions[&m]
            .ballot
            .as_ref()
            .unwrap()
            .electorate
            .contains(&iso("NER"))
    );
    let refused = run(
        &mut state2,
        &Command::Motion(motion::Command::CastVote {
            motion: m,
            state: iso("NER"),
            vote: Vote::Yes,
        }),
    );
    assert!(
        matches!(&refused, Err(DomainError::Membership(membership::Refusal::Suspended { review: r, .. })) if *r == review.id),
        "{refused:?}"
    );
}

fn vote_on_after_debate(state: &mut State, motion: u64) {
    run(
        state,
        &Command::Network(network::Command::GiveOpinion {
            motion,
            organ: "civil_society_network".into(),
            position: Position::Favourable,
            text: "Suspend.".into(),
        }),
    )
    .unwrap();
    run(
        state,
        &Command::Motion(motion::Command::OpenVote {
            motion,
            closes_at: at("2026-12-31T00:00:00Z"),
            order: None,
        }),
    )
    .unwrap();
    let electorate = state.motions[&motion]
        .ballot
        .as_ref()
        .unwrap()
        .electorate
        .clone();
    for s in electorate {
        run(
            state,
            &Command::Motion(motion::Command::CastVote {
                motion,
                state: s,
                vote: Vote::Yes,
            }),
        )
        .unwrap();
    }
    run(
        state,
        &Command::Motion(motion::Command::CloseVote {
            motion,
            casting_vote: None,
        }),
    )
    .unwrap();
}

#[test]
fn jordan_applies_and_is_admitted_and_an_ineligible_application_is_recorded() {
    let mut state = founded_on_fiw_2024();
    // Under FIW 2024 Jordan is Not Free: the application is recorded, with the reason.
    run(
        &mut state,
        &Command::Membership(membership::Command::ApplyForMembership { state: iso("JOR") }),
    )
    .unwrap();
    let a = state.applications[&1].clone();
    assert!(!a.eligible);
    assert!(a.report.contains("Not Free"), "{}", a.report);
    let refused = run(
        &mut state,
        &Command::Membership(membership::Command::ReferApplication { application: 1 }),
    );
    assert!(
        matches!(
            refused,
            Err(DomainError::Membership(
                membership::Refusal::NotEligible { .. }
            ))
        ),
        "{refused:?}"
    );
    // Applying again while the first is pending is refused.
    assert!(matches!(
        run(
            &mut state,
            &Command::Membership(membership::Command::ApplyForMembership { state: iso("JOR") })
        ),
        Err(DomainError::Membership(
            membership::Refusal::ApplicationPending { .. }
        ))
    ));
    // A member cannot apply.
    assert!(matches!(
        run(
            &mut state,
            &Command::Membership(membership::Command::ApplyForMembership { state: iso("DNK") })
        ),
        Err(DomainError::Membership(membership::Refusal::AlreadyMember(
            _
        )))
    ));

    // FIW 2025 rates Jordan Partly Free: a new application is eligible.
    let mut state = founded_on_fiw_2024();
    run(&mut state, &data::freedom_house_edition(2025).unwrap()).unwrap();
    run(
        &mut state,
        &Command::Membership(membership::Command::ApplyForMembership { state: iso("JOR") }),
    )
    .unwrap();
    let a = state.applications[&1].clone();
    assert!(a.eligible, "{}", a.report);
    assert!(a.report.contains("Partly Free"), "{}", a.report);
    let events = run(
        &mut state,
        &Command::Membership(membership::Command::ReferApplication { application: 1 }),
    )
    .unwrap();
    let Event::Motion(motion::Event::MotionTabled {
        motion,
        organ,
        decision,
        ..
    }) = &events[0]
    else {
        panic!("{events:?}")
    };
    assert_eq!((organ.as_str(), decision.as_str()), ("summit", "accession"));
    let motion = *motion;
    assert_eq!(state.applications[&1].status, ApplicationStatus::Referred);
    vote_on(&mut state, motion, Vote::Yes);
    assert_eq!(state.applications[&1].status, ApplicationStatus::Admitted);
    let m = &state.members[&iso("JOR")];
    assert_eq!(m.admission, comity_core::membership::Admission::Accession);
    assert!(m.reason.contains("Partly Free"));

    // A rejected accession leaves the state outside.
    let mut state = founded_on_fiw_2024();
    run(&mut state, &data::freedom_house_edition(2025).unwrap()).unwrap();
    run(
        &mut state,
        &Command::Membership(membership::Command::ApplyForMembership { state: iso("JOR") }),
    )
    .unwrap();
    run(
        &mut state,
        &Command::Membership(membership::Command::ReferApplication { application: 1 }),
    )
    .unwrap();
    let motion = *state.motions.keys().last().unwrap();
    vote_on(&mut state, motion, Vote::No);
    assert_eq!(state.applications[&1].status, ApplicationStatus::Refused);
    assert!(!state.members.contains_key(&iso("JOR")));
}

#[test]
fn a_journal_that_admits_without_a_vote_does_not_replay() {
    let mut state = founded_on_fiw_2024();
    run(&mut state, &data::freedom_house_edition(2025).unwrap()).unwrap();
    run(
        &mut state,
        &Command::Membership(membership::Command::ApplyForMembership { state: iso("JOR") }),
    )
    .unwrap();
    // Forged: the application decided "admitted" but no member_admitted before it.
    let forged = journal::seal(
        state.head(),
        now(),
        &Actor::system(),
        &[Event::Membership(membership::Event::ApplicationDecided {
            application: 1,
            admitted: true,
        })],
    );
    assert!(state.apply(&forged[0]).is_err());
}

fn table_resolution(state: &mut State) -> u64 {
    run(
        state,
        &Command::Motion(motion::Command::TableMotion {
            decision: "resolution".into(),
            title: "Election observation".into(),
            text: "The Council sends observers to every member's next election.".into(),
            sponsor: Seat::Organ("parliamentary_network".into()),
        }),
    )
    .unwrap();
    *state.motions.keys().last().unwrap()
}

fn council_votes(state: &mut State, motion: u64, vote: Vote) {
    run(
        state,
        &Command::Motion(motion::Command::OpenVote {
            motion,
            closes_at: at("2026-12-31T00:00:00Z"),
            order: None,
        }),
    )
    .unwrap();
    for s in state.motions[&motion]
        .ballot
        .as_ref()
        .unwrap()
        .electorate
        .clone()
    {
        run(
            state,
            &Command::Motion(motion::Command::CastVote {
                motion,
                state: s,
                vote,
            }),
        )
        .unwrap();
    }
    run(
        state,
        &Command::Motion(motion::Command::CloseVote {
            motion,
            casting_vote: None,
        }),
    )
    .unwrap();
}

fn network(
    state: &mut State,
    motion: u64,
    organ: &str,
    act: NetworkAct,
    yes: u32,
    no: u32,
) -> Result<Vec<Event>, DomainError> {
    run(
        state,
        &Command::Network(network::Command::NetworkVote {
            motion,
            organ: organ.into(),
            act,
            yes,
            no,
            abstain: 3,
        }),
    )
}

/// The Parliamentary Network tables a resolution by right; the Council adopts it; the Civil
/// Society Network objects by two thirds and forces a second reading; the Council votes again.
#[test]
fn a_qualified_objection_forces_a_second_reading() {
    let mut state = founded_on_fiw_2024();
    seat_council(&mut state);
    let m = table_resolution(&mut state);
    run(
        &mut state,
        &Command::Motion(motion::Command::OpenDebate { motion: m }),
    )
    .unwrap();
    council_votes(&mut state, m, Vote::Yes);
    assert_eq!(state.motions[&m].status, MotionStatus::Adopted);
    // The Parliamentary Network has no objection power on resolutions.
    let e = network(
        &mut state,
        m,
        "parliamentary_network",
        NetworkAct::Objection,
        90,
        10,
    )
    .unwrap_err();
    assert!(
        matches!(
            e,
            DomainError::Network(network::Refusal::OutsidePowers { .. })
        ),
        "{e}"
    );
    assert!(e.to_string().contains("objection"), "{e}");
    // Short of two thirds (65 of 100 cast): recorded, no effect.
    let mut short = state.clone();
    let ev = network(
        &mut short,
        m,
        "civil_society_network",
        NetworkAct::Objection,
        65,
        35,
    )
    .unwrap();
    assert!(matches!(
        &ev[0],
        Event::Network(network::Event::NetworkVoted {
            carried: false,
            effect: None,
            ..
        })
    ));
    assert_eq!(short.motions[&m].status, MotionStatus::Adopted);
    // Exactly two thirds carries it (exact arithmetic): back to debate.
    network(
        &mut state,
        m,
        "civil_society_network",
        NetworkAct::Objection,
        66,
        33,
    )
    .unwrap();
    let mo = &state.motions[&m];
    assert_eq!(mo.status, MotionStatus::UnderDebate);
    assert!(mo.second_reading);
    // Second reading: the Council rejects it this time; no second objection.
    council_votes(&mut state, m, Vote::No);
    assert_eq!(state.motions[&m].status, MotionStatus::Rejected);
    assert_eq!(state.motions[&m].votes.len(), 2);
    // Too late: 15 days after an adoption.
    let mut late = founded_on_fiw_2024();
    seat_council(&mut late);
    let m2 = table_resolution(&mut late);
    run(
        &mut late,
        &Command::Motion(motion::Command::OpenDebate { motion: m2 }),
    )
    .unwrap();
    council_votes(&mut late, m2, Vote::Yes);
    let e = run_at(
        &mut late,
        at("2026-12-15T12:00:01Z"),
        &Command::Network(network::Command::NetworkVote {
            motion: m2,
            organ: "civil_society_network".into(),
            act: NetworkAct::Objection,
            yes: 100,
            no: 0,
            abstain: 0,
        }),
    )
    .unwrap_err();
    assert!(
        matches!(
            e,
            DomainError::Network(network::Refusal::ObjectionTooLate { .. })
        ),
        "{e}"
    );
}

/// Charter amendments need the Parliamentary Network's own majority before the Summit votes.
#[test]
fn co_decision_holds_the_vote_and_a_refusal_rejects() {
    let mut state = founded_on_fiw_2024();
    run(
        &mut state,
        &Command::Motion(motion::Command::TableMotion {
            decision: "charter_amendment".into(),
            title: "A Democracy Officer in every member".into(),
            text: "Each member appoints a democracy officer.".into(),
            sponsor: Seat::State(iso("DNK")),
        }),
    )
    .unwrap();
    let m = *state.motions.keys().last().unwrap();
    for organ in ["parliamentary_network", "civil_society_network"] {
        run(
            &mut state,
            &Command::Network(network::Command::GiveOpinion {
                motion: m,
                organ: organ.into(),
                position: Position::Conditional,
                text: "Only with a budget line.".into(),
            }),
        )
        .unwrap();
    }
    run(
        &mut state,
        &Command::Motion(motion::Command::OpenDebate { motion: m }),
    )
    .unwrap();
    let held = run(
        &mut state,
        &Command::Motion(motion::Command::OpenVote {
            motion: m,
            closes_at: at("2026-12-31T00:00:00Z"),
            order: None,
        }),
    );
    assert!(
        matches!(
            held,
            Err(DomainError::Network(
                network::Refusal::CoDecisionPending { .. }
            ))
        ),
        "{held:?}"
    );
    // The civil society network has no co-decision here.
    assert!(matches!(
        network(
            &mut state,
            m,
            "civil_society_network",
            NetworkAct::CoDecision,
            10,
            1
        ),
        Err(DomainError::Network(network::Refusal::OutsidePowers { .. }))
    ));
    let mut refused = state.clone();
    network(
        &mut refused,
        m,
        "parliamentary_network",
        NetworkAct::CoDecision,
        40,
        41,
    )
    .unwrap();
    assert_eq!(refused.motions[&m].status, MotionStatus::Rejected);
    network(
        &mut state,
        m,
        "parliamentary_network",
        NetworkAct::CoDecision,
        70,
        20,
    )
    .unwrap();
    assert!(matches!(
        network(
            &mut state,
            m,
            "parliamentary_network",
            NetworkAct::CoDecision,
            70,
            20
        ),
        Err(DomainError::Network(
            network::Refusal::NetworkVotedAlready { .. }
        ))
    ));
    council_votes(&mut state, m, Vote::Yes);
    assert_eq!(state.motions[&m].status, MotionStatus::Adopted);
}

#[test]
fn power_use_counts_what_the_networks_did() {
    let mut state = founded_on_fiw_2024();
    seat_council(&mut state);
    let m = table_resolution(&mut state);
    run(
        &mut state,
        &Command::Motion(motion::Command::OpenDebate { motion: m }),
    )
    .unwrap();
    council_votes(&mut state, m, Vote::Yes);
    network(
        &mut state,
        m,
        "civil_society_network",
        NetworkAct::Objection,
        70,
        30,
    )
    .unwrap();
    council_votes(&mut state, m, Vote::Yes);
    let use_ = comity_core::view::power_use(&state);
    let pn = &use_["parliamentary_network"];
    assert_eq!((pn.tabled, pn.tabled_adopted), (1, 1));
    let csn = &use_["civil_society_network"];
    assert_eq!(
        (
            csn.objections,
            csn.objections_carried,
            csn.second_readings,
            csn.second_readings_adopted
        ),
        (1, 1, 1, 1)
    );
}

/// Seed 001 point 5 and seed 003: a civil society organisation from a state that is not a
/// member asks to sit in the Civil Society Network, which decides by its own division.
#[test]
fn the_civil_society_network_accredits_by_its_own_division() {
    use comity_core::network::{AccreditationKind, AccreditationStatus};
    let mut state = founded_on_fiw_2024();
    let request = |organ: &str| {
        Command::Network(network::Command::RequestAccreditation {
            organ: organ.into(),
            name: "Viasna Human Rights Centre".into(),
            country: iso("BLR"),
            kind: AccreditationKind::CivilSocietyOrganisation,
            description: "Belarusian human rights organisation, documenting political prisoners."
                .into(),
        })
    };
    // Only networks take accreditations.
    assert!(matches!(
        run(&mut state, &request("governing_council")),
        Err(DomainError::Network(network::Refusal::NotANetwork { .. }))
    ));
    run(&mut state, &request("civil_society_network")).unwrap();
    assert!(matches!(
        run(&mut state, &request("civil_society_network")),
        Err(DomainError::Base(base::Refusal::Duplicate(_)))
    ));
    let mut tie = state.clone();
    run(
        &mut tie,
        &Command::Network(network::Command::DecideAccreditation {
            accreditation: 1,
            yes: 50,
            no: 50,
            abstain: 0,
        }),
    )
    .unwrap();
    assert_eq!(tie.accreditations[&1].status, AccreditationStatus::Refused);
    run(
        &mut state,
        &Command::Network(network::Command::DecideAccreditation {
            accreditation: 1,
            yes: 180,
            no: 12,
            abstain: 5,
        }),
    )
    .unwrap();
    let a = &state.accreditations[&1];
    assert_eq!(a.status, AccreditationStatus::Accredited);
    assert_eq!(
        a.decided,
        Some(("civil_society_network".into(), 180, 12, 5))
    );
    assert!(matches!(
        run(
            &mut state,
            &Command::Network(network::Command::DecideAccreditation {
                accreditation: 1,
                yes: 1,
                no: 0,
                abstain: 0,
            }),
        ),
        Err(DomainError::Network(
            network::Refusal::AccreditationSettled(1)
        ))
    ));
    // A forged outcome does not replay.
    let forged = journal::seal(
        state.head(),
        now(),
        &Actor::system(),
        &[Event::Network(network::Event::AccreditationRequested {
            accreditation: 2,
            organ: "parliamentary_network".into(),
            name: "X".into(),
            country: iso("BLR"),
            kind: AccreditationKind::OppositionLeader,
            description: "Y".into(),
        })],
    );
    state.apply(&forged[0]).unwrap();
    let forged = journal::seal(
        state.head(),
        now(),
        &Actor::system(),
        &[Event::Network(network::Event::AccreditationDecided {
            accreditation: 2,
            organ: "civil_society_network".into(),
            yes: 1,
            no: 10,
            abstain: 0,
            accredited: true,
        })],
    );
    assert!(state.apply(&forged[0]).is_err());
}

/// An objection recorded as carried that its division does not carry does not replay.
#[test]
fn a_forged_network_outcome_does_not_replay() {
    let mut state = founded_on_fiw_2024();
    seat_council(&mut state);
    let m = table_resolution(&mut state);
    run(
        &mut state,
        &Command::Motion(motion::Command::OpenDebate { motion: m }),
    )
    .unwrap();
    council_votes(&mut state, m, Vote::Yes);
    let forged = journal::seal(
        state.head(),
        now(),
        &Actor::system(),
        &[Event::Network(network::Event::NetworkVoted {
            motion: m,
            organ: "civil_society_network".into(),
            act: NetworkAct::Objection,
            yes: 60,
            no: 40,
            abstain: 0,
            carried: true,
            effect: Some(comity_core::charter::ObjectionEffect::SecondReading),
        })],
    );
    let e = state.apply(&forged[0]).unwrap_err();
    assert!(e.to_string().contains("does not follow"), "{e}");
}

/// Seed 000: the Summit receives reports from every organ (through the chain `reports_to`).
#[test]
fn organs_report_along_the_charter_and_the_summit_receives() {
    let mut state = founded_on_fiw_2024();
    let organs: Vec<(String, Option<String>)> = state
        .charter
        .as_ref()
        .unwrap()
        .charter
        .organs
        .iter()
        .map(|o| (o.id.clone(), o.reports_to.clone()))
        .collect();
    for (id, reports_to) in &organs {
        let r = run(
            &mut state,
            &Command::Reporting(reporting::Command::SubmitReport {
                organ: id.clone(),
                title: "Annual report".into(),
                period: "2026".into(),
                text: "What we did.".into(),
            }),
        );
        if id == "summit" {
            // The supreme organ reports to nobody.
            assert!(
                matches!(
                    r,
                    Err(DomainError::Network(network::Refusal::OutsidePowers { .. }))
                ),
                "{r:?}"
            );
            continue;
        }
        let events = r.unwrap();
        let Event::Reporting(reporting::Event::ReportSubmitted { to, .. }) = &events[0] else {
            panic!("{events:?}")
        };
        assert_eq!(to, reports_to.as_deref().unwrap_or("summit"), "{id}");
    }
    let to_summit = state.reports.values().filter(|r| r.to == "summit").count();
    assert!(to_summit >= 5, "{to_summit}");
    assert!(matches!(
        run(
            &mut state,
            &Command::Reporting(reporting::Command::SubmitReport {
                organ: "governing_council".into(),
                title: " ".into(),
                period: "2026".into(),
                text: "x".into(),
            }),
        ),
        Err(DomainError::Base(base::Refusal::EmptyField {
            field: "title"
        }))
    ));
}

/// Seed 003: every member names a democracy officer; the state (or its officer) keeps it current.
#[test]
fn a_member_names_its_democracy_officer() {
    use comity_core::auth::{Principal, Role, authorize};
    let mut state = founded_on_fiw_2024();
    let cmd = |iso: &str| {
        Command::Membership(membership::Command::DesignateDemocracyOfficer {
            state: Iso3::parse(iso).unwrap(),
            name: "Mette Holm".into(),
            office: "Ministry of Foreign Affairs, Department for Democracy and Human Rights".into(),
            contact: "democracy-officer@example.dk".into(),
        })
    };
    let officer = Principal::new(
        Actor::parse("user:mette").unwrap(),
        vec![Role::DemocracyOfficer(iso("DNK"))],
    );
    assert!(authorize(&officer, &cmd("DNK"), &state).is_ok());
    assert!(authorize(&officer, &cmd("SWE"), &state).is_err());
    assert!(matches!(
        run(&mut state, &cmd("RUS")),
        Err(DomainError::Base(base::Refusal::NotAMember(_)))
    ));
    run(&mut state, &cmd("DNK")).unwrap();
    assert_eq!(state.democracy_officers[&iso("DNK")].name, "Mette Holm");
    assert_eq!(
        Role::parse("democracy_officer:DNK").unwrap(),
        Role::DemocracyOfficer(iso("DNK"))
    );
    assert_eq!(
        Role::DemocracyOfficer(iso("DNK")).to_string(),
        "democracy_officer:DNK"
    );
}

/// Accredit `n` civil society organisations to the Civil Society Network (by its reported
/// division, which is how the first members come in); returns their numbers.
fn accredit_organisations(state: &mut State, n: usize) -> Vec<u64> {
    use comity_core::network::AccreditationKind;
    let mut ids = Vec::new();
    for i in 0..n {
        run(
            state,
            &Command::Network(network::Command::RequestAccreditation {
                organ: "civil_society_network".into(),
                name: format!("Organisation {i}"),
                country: iso(["GHA", "BRA", "DNK", "IND", "JPN"][i % 5]),
                kind: AccreditationKind::CivilSocietyOrganisation,
                description: "A civil society organisation.".into(),
            }),
        )
        .unwrap();
        let id = state.accreditations.len() as u64;
        run(
            state,
            &Command::Network(network::Command::DecideAccreditation {
                accreditation: id,
                yes: 10,
                no: 1,
                abstain: 0,
            }),
        )
        .unwrap();
        ids.push(id);
    }
    ids
}

/// The Civil Society Network's objection held on the platform as a roll call of its
/// accredited members, each by name: exactly two thirds of the votes cast sends the
/// resolution back; the roll is kept with the division, and the journal replays.
#[test]
fn a_network_roll_call_on_the_platform_decides_the_objection() {
    let mut state = founded_on_fiw_2024();
    seat_council(&mut state);
    // No member yet: a roll call needs an electorate.
    let m = table_resolution(&mut state);
    run(
        &mut state,
        &Command::Motion(motion::Command::OpenDebate { motion: m }),
    )
    .unwrap();
    council_votes(&mut state, m, Vote::Yes);
    let open = Command::Network(network::Command::OpenNetworkDivision {
        motion: m,
        organ: "civil_society_network".into(),
        act: NetworkAct::Objection,
        closes_at: at("2026-12-05T12:00:00Z"),
    });
    assert!(matches!(
        run(&mut state, &open),
        Err(DomainError::Network(network::Refusal::NoAccreditedMembers(
            _
        )))
    ));
    let members = accredit_organisations(&mut state, 7);
    // Outside its powers: the Parliamentary Network has no objection on resolutions.
    let e = run(
        &mut state,
        &Command::Network(network::Command::OpenNetworkDivision {
            motion: m,
            organ: "parliamentary_network".into(),
            act: NetworkAct::Objection,
            closes_at: at("2026-12-05T12:00:00Z"),
        }),
    )
    .unwrap_err();
    assert!(
        matches!(
            e,
            DomainError::Network(network::Refusal::OutsidePowers { .. })
        ),
        "{e}"
    );
    run(&mut state, &open).unwrap();
    assert!(matches!(
        run(&mut state, &open),
        Err(DomainError::Network(network::Refusal::DivisionOpen { .. }))
    ));
    // While the roll call is open, no reported division for the same network.
    assert!(matches!(
        network(
            &mut state,
            m,
            "civil_society_network",
            NetworkAct::Objection,
            9,
            1
        ),
        Err(DomainError::Network(network::Refusal::DivisionOpen { .. }))
    ));
    let cast = |member: u64, vote: Vote| {
        Command::Network(network::Command::CastNetworkVote {
            motion: m,
            organ: "civil_society_network".into(),
            member,
            vote,
        })
    };
    // 4 yes, 2 no, 1 abstains: 4 of 6 cast is exactly two thirds.
    let plan = [
        Vote::Yes,
        Vote::Yes,
        Vote::No,
        Vote::Yes,
        Vote::Abstain,
        Vote::No,
        Vote::No,
    ];
    for (member, vote) in members.iter().zip(plan) {
        run(&mut state, &cast(*member, vote)).unwrap();
    }
    // The same vote twice, a vote for someone not in the roll, and "absent" are refused.
    assert!(matches!(
        run(&mut state, &cast(members[0], Vote::Yes)),
        Err(DomainError::Network(
            network::Refusal::SameNetworkVote { .. }
        ))
    ));
    assert!(matches!(
        run(&mut state, &cast(999, Vote::Yes)),
        Err(DomainError::Network(network::Refusal::NotInDivision {
            member: 999,
            ..
        }))
    ));
    assert!(matches!(
        run(&mut state, &cast(members[0], Vote::Absent)),
        Err(DomainError::Base(base::Refusal::Rule(_)))
    ));
    // The last member changes its vote: 4–2–1, exactly two thirds of the votes cast.
    run(&mut state, &cast(members[6], Vote::Yes)).unwrap();
    let before = state.clone();
    let ev = run(
        &mut state,
        &Command::Network(network::Command::CloseNetworkDivision {
            motion: m,
            organ: "civil_society_network".into(),
        }),
    )
    .unwrap();
    assert!(matches!(
        &ev[0],
        Event::Network(network::Event::NetworkVoted {
            yes: 4,
            no: 2,
            abstain: 1,
            carried: true,
            ..
        })
    ));
    let mo = &state.motions[&m];
    assert_eq!(mo.status, MotionStatus::UnderDebate);
    assert!(mo.second_reading);
    assert!(mo.network_divisions.is_empty());
    let v = &mo.network_votes[0];
    assert_eq!(v.roll.len(), 7);
    assert_eq!(v.roll[2], (members[2], Vote::No));
    assert_eq!(v.roll[4], (members[4], Vote::Abstain));
    // A forged close (counts that are not the roll) does not replay.
    let mut forged_state = before.clone();
    let forged = journal::seal(
        forged_state.head(),
        now(),
        &Actor::system(),
        &[Event::Network(network::Event::NetworkVoted {
            motion: m,
            organ: "civil_society_network".into(),
            act: NetworkAct::Objection,
            yes: 7,
            no: 0,
            abstain: 0,
            carried: true,
            effect: Some(comity_core::charter::ObjectionEffect::SecondReading),
        })],
    );
    let e = forged_state.apply(&forged[0]).unwrap_err();
    assert!(e.to_string().contains("roll call"), "{e}");
    let kept = &forged_state.motions[&m];
    assert_eq!(kept.status, MotionStatus::Adopted);
    assert_eq!(
        kept.network_divisions["civil_society_network"],
        before.motions[&m].network_divisions["civil_society_network"]
    );
    assert!(kept.network_votes.is_empty());
}

/// Co-decision as a roll call: members who do not vote count as absent once the time is
/// over; before it, the close waits for them; a vote after the close is refused.
#[test]
fn a_network_roll_call_closes_on_time_with_absentees() {
    let mut state = founded_on_fiw_2024();
    // The Parliamentary Network co-decides charter amendments with the Summit.
    let members = {
        use comity_core::network::AccreditationKind;
        let mut ids = Vec::new();
        for (i, c) in ["DNK", "GHA", "CHL"].iter().enumerate() {
            run(
                &mut state,
                &Command::Network(network::Command::RequestAccreditation {
                    organ: "parliamentary_network".into(),
                    name: format!("Delegation {i}"),
                    country: iso(c),
                    kind: AccreditationKind::Parliamentarian,
                    description: "A national parliament's delegation.".into(),
                }),
            )
            .unwrap();
            let id = state.accreditations.len() as u64;
            run(
                &mut state,
                &Command::Network(network::Command::DecideAccreditation {
                    accreditation: id,
                    yes: 3,
                    no: 0,
                    abstain: 0,
                }),
            )
            .unwrap();
            ids.push(id);
        }
        ids
    };
    run(
        &mut state,
        &Command::Motion(motion::Command::TableMotion {
            decision: "charter_amendment".into(),
            title: "A youth seat".into(),
            text: "The Civil Society Network reserves a seat for youth organisations.".into(),
            sponsor: Seat::Organ("secretariat".into()),
        }),
    )
    .unwrap();
    let m = *state.motions.keys().last().unwrap();
    let closes = at("2026-11-30T12:00:00Z");
    run(
        &mut state,
        &Command::Network(network::Command::OpenNetworkDivision {
            motion: m,
            organ: "parliamentary_network".into(),
            act: NetworkAct::CoDecision,
            closes_at: closes,
        }),
    )
    .unwrap();
    run(
        &mut state,
        &Command::Network(network::Command::CastNetworkVote {
            motion: m,
            organ: "parliamentary_network".into(),
            member: members[0],
            vote: Vote::Yes,
        }),
    )
    .unwrap();
    let close = Command::Network(network::Command::CloseNetworkDivision {
        motion: m,
        organ: "parliamentary_network".into(),
    });
    assert!(matches!(
        run(&mut state, &close),
        Err(DomainError::Motion(motion::Refusal::VoteStillOpen {
            missing: 2,
            ..
        }))
    ));
    let later = at("2026-11-30T12:00:01Z");
    assert!(matches!(
        run_at(
            &mut state,
            later,
            &Command::Network(network::Command::CastNetworkVote {
                motion: m,
                organ: "parliamentary_network".into(),
                member: members[1],
                vote: Vote::No,
            })
        ),
        Err(DomainError::Motion(motion::Refusal::VoteOver { .. }))
    ));
    run_at(&mut state, later, &close).unwrap();
    let v = &state.motions[&m].network_votes[0];
    assert_eq!((v.yes, v.no, v.abstain, v.carried), (1, 0, 0, true));
    assert_eq!(
        v.roll,
        vec![
            (members[0], Vote::Yes),
            (members[1], Vote::Absent),
            (members[2], Vote::Absent)
        ]
    );
    assert!(
        comity_core::pending_co_decisions(
            &state.charter.as_ref().unwrap().charter,
            &state.motions[&m]
        )
        .is_empty()
    );
}
