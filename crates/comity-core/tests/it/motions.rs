//! A motion's whole life in the Governing Council of the Alliance of Democracies: competing
//! amendments, a double-majority vote on real populations, refusals, and the replay check.

use comity_core::journal::{self, Entry};
use comity_core::motion::{AmendmentStatus, Item, MotionStatus, Seat};
use comity_core::state::ApplyError;
use comity_core::{Actor, Command, DomainError, Iso3, State, Timestamp};
use comity_core::{base, motion};
use comity_voting::rules::{Outcome, Vote};

use crate::{found, run, run_at, t0};

fn iso(s: &str) -> Iso3 {
    Iso3::parse(s).unwrap()
}

fn at(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

/// The 25 council seats: the 25 most populous members (a stand-in for the summit's election).
fn council(state: &State) -> Vec<Iso3> {
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
    by_pop.into_iter().take(25).map(|(_, k)| k).collect()
}

fn sanctions_motion(state: &mut State) -> u64 {
    let seats = council(state);
    run(
        state,
        &Command::Base(base::Command::AssignSeats {
            organ: "governing_council".into(),
            states: seats,
        }),
    )
    .unwrap();
    run(
        state,
        &Command::Motion(motion::Command::TableMotion {
            decision: "smart_sanctions".into(),
            title: "Listing of officials responsible for election fraud".into(),
            text: "The Council lists the persons in Annex I.".into(),
            sponsor: Seat::Organ("civil_society_network".into()),
        }),
    )
    .unwrap();
    *state.motions.keys().last().unwrap()
}

#[test]
fn competing_amendments_then_a_double_majority_vote() {
    let mut state = found("alliance-of-democracies");
    let id = sanctions_motion(&mut state);
    let seats = state.seats["governing_council"].clone();
    assert_eq!(seats.len(), 25);
    for (title, text, group) in [
        (
            "Annex I and II",
            "The Council lists the persons in Annexes I and II.",
            Some("scope"),
        ),
        (
            "Annex I only, review in a year",
            "The Council lists the persons in Annex I for one year.",
            Some("scope"),
        ),
        (
            "Add a reporting clause",
            "The Council lists the persons in Annex I. The secretariat reports in six months.",
            None,
        ),
    ] {
        run(
            &mut state,
            &Command::Motion(motion::Command::TableAmendment {
                motion: id,
                title: title.into(),
                text: text.into(),
                group: group.map(Into::into),
                sponsor: Seat::State(seats[0].clone()),
            }),
        )
        .unwrap();
    }
    // Voting needs the debate first.
    let early = run(
        &mut state,
        &Command::Motion(motion::Command::OpenVote {
            motion: id,
            closes_at: at("2026-11-24T09:00:00Z"),
            order: None,
        }),
    );
    assert!(
        matches!(
            early,
            Err(DomainError::Motion(motion::Refusal::WrongStatus { .. }))
        ),
        "{early:?}"
    );
    run(
        &mut state,
        &Command::Motion(motion::Command::OpenDebate { motion: id }),
    )
    .unwrap();

    // The order names each tabled amendment once.
    let bad = run(
        &mut state,
        &Command::Motion(motion::Command::OpenVote {
            motion: id,
            closes_at: at("2026-11-24T09:00:00Z"),
            order: Some(vec![2, 2, 1]),
        }),
    );
    assert!(
        matches!(bad, Err(DomainError::Motion(motion::Refusal::BadOrder(_)))),
        "{bad:?}"
    );
    // The amendment furthest from the text first: 2, then 1 (competing), then 3.
    run(
        &mut state,
        &Command::Motion(motion::Command::OpenVote {
            motion: id,
            closes_at: at("2026-11-24T09:00:00Z"),
            order: Some(vec![2, 1, 3]),
        }),
    )
    .unwrap();
    assert_eq!(
        state.motions[&id].ballot.as_ref().unwrap().item,
        Item::Amendment(2)
    );

    // Everyone votes yes on amendment 2: adopted, and amendment 1 (same group) lapses.
    for s in &seats {
        run(
            &mut state,
            &Command::Motion(motion::Command::CastVote {
                motion: id,
                state: s.clone(),
                vote: Vote::Yes,
            }),
        )
        .unwrap();
    }
    run(
        &mut state,
        &Command::Motion(motion::Command::CloseVote {
            motion: id,
            casting_vote: None,
        }),
    )
    .unwrap();
    let m = &state.motions[&id];
    assert_eq!(m.amendment(2).unwrap().status, AmendmentStatus::Adopted);
    assert_eq!(m.amendment(1).unwrap().status, AmendmentStatus::Lapsed);
    assert_eq!(
        m.text,
        "The Council lists the persons in Annex I for one year."
    );

    // Amendment 3 next: nobody votes; at the deadline it closes rejected.
    run(
        &mut state,
        &Command::Motion(motion::Command::OpenVote {
            motion: id,
            closes_at: at("2026-11-25T09:00:00Z"),
            order: None,
        }),
    )
    .unwrap();
    assert_eq!(
        state.motions[&id].ballot.as_ref().unwrap().item,
        Item::Amendment(3)
    );
    let early_close = run(
        &mut state,
        &Command::Motion(motion::Command::CloseVote {
            motion: id,
            casting_vote: None,
        }),
    );
    assert!(
        matches!(
            early_close,
            Err(DomainError::Motion(motion::Refusal::VoteStillOpen {
                missing: 25,
                ..
            }))
        ),
        "{early_close:?}"
    );
    run_at(
        &mut state,
        at("2026-11-25T09:00:01Z"),
        &Command::Motion(motion::Command::CloseVote {
            motion: id,
            casting_vote: None,
        }),
    )
    .unwrap();
    assert_eq!(
        state.motions[&id].amendment(3).unwrap().status,
        AmendmentStatus::Rejected
    );

    // The motion: the 14 smallest of the 25 vote yes. 14/25 = 56 % ≥ 55 % of states, but far
    // below 65 % of the population, and the 11 against (the most populous) can block.
    run(
        &mut state,
        &Command::Motion(motion::Command::OpenVote {
            motion: id,
            closes_at: at("2026-11-26T09:00:00Z"),
            order: None,
        }),
    )
    .unwrap();
    let mut ranked = seats.clone();
    ranked.sort_by_key(|k| state.registry.country(k).unwrap().population.unwrap());
    for (i, s) in ranked.iter().enumerate() {
        let vote = if i < 14 { Vote::Yes } else { Vote::No };
        run(
            &mut state,
            &Command::Motion(motion::Command::CastVote {
                motion: id,
                state: s.clone(),
                vote,
            }),
        )
        .unwrap();
    }
    // A vote can be changed until the close; the same vote twice is refused.
    let again = run(
        &mut state,
        &Command::Motion(motion::Command::CastVote {
            motion: id,
            state: ranked[0].clone(),
            vote: Vote::Yes,
        }),
    );
    assert!(
        matches!(
            again,
            Err(DomainError::Motion(motion::Refusal::SameVote { .. }))
        ),
        "{again:?}"
    );
    run(
        &mut state,
        &Command::Motion(motion::Command::CastVote {
            motion: id,
            state: ranked[20].clone(),
            vote: Vote::Abstain,
        }),
    )
    .unwrap();
    run(
        &mut state,
        &Command::Motion(motion::Command::CastVote {
            motion: id,
            state: ranked[20].clone(),
            vote: Vote::No,
        }),
    )
    .unwrap();
    // A state without a council seat cannot vote.
    let outsider = state
        .members
        .keys()
        .find(|k| !seats.contains(k))
        .unwrap()
        .clone();
    let refused = run(
        &mut state,
        &Command::Motion(motion::Command::CastVote {
            motion: id,
            state: outsider,
            vote: Vote::Yes,
        }),
    );
    assert!(
        matches!(
            refused,
            Err(DomainError::Motion(motion::Refusal::NotSeated { .. }))
        ),
        "{refused:?}"
    );
    run(
        &mut state,
        &Command::Motion(motion::Command::CloseVote {
            motion: id,
            casting_vote: None,
        }),
    )
    .unwrap();
    let m = &state.motions[&id];
    assert_eq!(m.status, MotionStatus::Rejected);
    let record = m.votes.last().unwrap();
    assert_eq!(record.tally.outcome, Outcome::Rejected);
    assert_eq!(record.tally.yes, 14);
    let text = record.tally.to_string();
    assert!(
        text.starts_with("rejected: 14 of 25 members (56.0 % ≥ 55.0 %) representing"),
        "{text}"
    );
    // After the close, votes are refused and nothing changes.
    let late = run(
        &mut state,
        &Command::Motion(motion::Command::CastVote {
            motion: id,
            state: ranked[0].clone(),
            vote: Vote::No,
        }),
    );
    assert!(
        matches!(
            late,
            Err(DomainError::Motion(motion::Refusal::NoVoteOpen(_)))
        ),
        "{late:?}"
    );
}

#[test]
fn votes_after_the_deadline_are_refused() {
    let mut state = found("alliance-of-democracies");
    let id = sanctions_motion(&mut state);
    run(
        &mut state,
        &Command::Motion(motion::Command::OpenDebate { motion: id }),
    )
    .unwrap();
    run(
        &mut state,
        &Command::Motion(motion::Command::OpenVote {
            motion: id,
            closes_at: at("2026-11-23T10:00:00Z"),
            order: None,
        }),
    )
    .unwrap();
    let s = state.seats["governing_council"][0].clone();
    let late = run_at(
        &mut state,
        at("2026-11-23T10:00:01Z"),
        &Command::Motion(motion::Command::CastVote {
            motion: id,
            state: s,
            vote: Vote::Yes,
        }),
    );
    assert!(
        matches!(
            late,
            Err(DomainError::Motion(motion::Refusal::VoteOver { .. }))
        ),
        "{late:?}"
    );
    // A deadline in the past cannot open a vote.
    let mut other = found("alliance-of-democracies");
    let id2 = sanctions_motion(&mut other);
    run(
        &mut other,
        &Command::Motion(motion::Command::OpenDebate { motion: id2 }),
    )
    .unwrap();
    let past = run(
        &mut other,
        &Command::Motion(motion::Command::OpenVote {
            motion: id2,
            closes_at: at("2026-11-23T08:00:00Z"),
            order: None,
        }),
    );
    assert!(
        matches!(
            past,
            Err(DomainError::Motion(motion::Refusal::DeadlineInPast { .. }))
        ),
        "{past:?}"
    );
}

#[test]
fn tabling_checks_organ_decision_and_fields() {
    let mut state = found("alliance-of-democracies");
    let table = |decision: &str, title: &str| {
        Command::Motion(motion::Command::TableMotion {
            decision: decision.into(),
            title: title.into(),
            text: "Text.".into(),
            sponsor: Seat::State(iso("DNK")),
        })
    };
    // The organ comes from the charter: a smart-sanctions motion goes to the Governing Council.
    assert!(matches!(
        run(&mut state, &table("no_such_kind", "T")),
        Err(DomainError::Base(base::Refusal::UnknownDecision(_)))
    ));
    assert!(matches!(
        run(&mut state, &table("treaty_adoption", "  ")),
        Err(DomainError::Base(base::Refusal::EmptyField {
            field: "title"
        }))
    ));
    let before = state.head();
    assert!(run(&mut state, &table("treaty_adoption", &"x".repeat(201))).is_err());
    assert_eq!(state.head(), before, "a refusal records nothing");
    run(&mut state, &table("treaty_adoption", "A treaty")).unwrap();
    run(&mut state, &table("smart_sanctions", "Listing")).unwrap();
    let organs: Vec<&str> = state.motions.values().map(|m| m.organ.as_str()).collect();
    assert_eq!(organs, ["summit", "governing_council"]);
}

/// Sealing a closed vote whose recorded tally differs from what the votes give is refused
/// on apply: `comity replay` re-derives every outcome.
#[test]
fn a_journal_with_a_forged_tally_does_not_replay() {
    let mut state = found("alliance-of-democracies");
    let id = sanctions_motion(&mut state);
    run(
        &mut state,
        &Command::Motion(motion::Command::OpenDebate { motion: id }),
    )
    .unwrap();
    run(
        &mut state,
        &Command::Motion(motion::Command::OpenVote {
            motion: id,
            closes_at: at("2026-11-24T09:00:00Z"),
            order: None,
        }),
    )
    .unwrap();
    for s in state.seats["governing_council"].clone() {
        run(
            &mut state,
            &Command::Motion(motion::Command::CastVote {
                motion: id,
                state: s,
                vote: Vote::No,
            }),
        )
        .unwrap();
    }
    let mut events = comity_core::decide(
        &state,
        t0(),
        &Command::Motion(motion::Command::CloseVote {
            motion: id,
            casting_vote: None,
        }),
    )
    .unwrap();
    if let comity_core::Event::Motion(comity_core::motion::Event::VoteClosed { tally, .. }) =
        &mut events[0]
    {
        assert_eq!(tally.outcome, Outcome::Rejected);
        tally.outcome = Outcome::Adopted;
    }
    let forged: Vec<Entry> = journal::seal(state.head(), t0(), &Actor::system(), &events);
    let err = state.apply(&forged[0]).unwrap_err();
    assert!(matches!(err, ApplyError::TallyMismatch { .. }), "{err}");
}

/// `motion::available` offers an act exactly when `authorize` and a dry run of `decide`
/// accept it, for each person and each stage of the motion.
#[test]
fn available_acts_follow_roles_and_the_motions_stage() {
    use comity_core::auth::{Principal, Role};
    let mut state = found("alliance-of-democracies");
    let id = sanctions_motion(&mut state);
    let officer = Principal::new(Actor::parse("officer").unwrap(), vec![Role::Secretariat]);
    let cso = Principal::new(Actor::parse("cso").unwrap(), vec![Role::CivilSociety]);
    let seated = state.seats["governing_council"][0].clone();
    let delegate = Principal::new(
        Actor::parse("delegate").unwrap(),
        vec![Role::StateDelegate(seated.clone())],
    );
    let observer = Principal::new(Actor::parse("observer").unwrap(), vec![Role::Observer]);

    // Tabled: the sponsor may withdraw; the secretariat opens the debate; no vote yet.
    let acts = motion::available(&state, &cso, t0(), id);
    assert!(acts.withdraw);
    assert!(!acts.open_debate && !acts.open_vote && acts.vote_for.is_empty());
    assert!(
        acts.cosponsor.is_empty(),
        "the sponsor does not co-sponsor itself"
    );
    let acts = motion::available(&state, &officer, t0(), id);
    assert!(acts.open_debate && !acts.withdraw && !acts.close_vote);
    let acts = motion::available(&state, &delegate, t0(), id);
    assert_eq!(acts.amend, vec![Seat::State(seated.clone())]);
    assert_eq!(acts.cosponsor, vec![Seat::State(seated.clone())]);
    assert_eq!(
        motion::available(&state, &observer, t0(), id),
        Default::default()
    );

    // Voting: the seated delegate votes for its state; nobody amends any more.
    run(
        &mut state,
        &Command::Motion(motion::Command::OpenDebate { motion: id }),
    )
    .unwrap();
    let acts = motion::available(&state, &officer, t0(), id);
    assert!(acts.open_vote && !acts.open_debate);
    run(
        &mut state,
        &Command::Motion(motion::Command::OpenVote {
            motion: id,
            closes_at: at("2026-12-01T00:00:00Z"),
            order: Some(Vec::new()),
        }),
    )
    .unwrap();
    let acts = motion::available(&state, &delegate, t0(), id);
    assert_eq!(acts.vote_for, vec![seated.clone()]);
    assert!(acts.amend.is_empty() && acts.cosponsor.is_empty() && !acts.withdraw);
    assert!(motion::available(&state, &officer, t0(), id).close_vote);
    // After the deadline the vote is no longer offered.
    let late = at("2026-12-02T00:00:00Z");
    assert!(
        motion::available(&state, &delegate, late, id)
            .vote_for
            .is_empty()
    );
    // A motion that does not exist offers nothing.
    assert_eq!(
        motion::available(&state, &officer, t0(), 999),
        Default::default()
    );
}

/// The motion a `motion_tabled` entry created is found from the entry's number, between other
/// acts, without walking every motion (the API answers with it after each tabling).
#[test]
fn the_motion_an_entry_tabled() {
    let mut state = found("alliance-of-democracies");
    let mut tabled = Vec::new();
    for i in 0..5 {
        let table = Command::Motion(motion::Command::TableMotion {
            decision: "resolution".into(),
            title: format!("Resolution {i}"),
            text: "The alliance calls on its members to report.".into(),
            sponsor: Seat::Organ("civil_society_network".into()),
        });
        run(&mut state, &table).unwrap();
        let seq = state.head().seq;
        tabled.push((seq, *state.motions.keys().last().unwrap()));
        // An act on the motion between two tablings: its entry tabled nothing.
        let id = tabled[i].1;
        run(
            &mut state,
            &Command::Motion(motion::Command::OpenDebate { motion: id }),
        )
        .unwrap();
        assert_eq!(motion::tabled_at_entry(&state, state.head().seq), None);
    }
    for (seq, id) in &tabled {
        assert_eq!(motion::tabled_at_entry(&state, *seq), Some(*id));
    }
    assert_eq!(motion::tabled_at_entry(&state, 1), None);
    assert_eq!(motion::tabled_at_entry(&state, u64::MAX), None);
}
