//! The founding treaty of the Alliance of Democracies, from bracketed draft to entry into
//! force: three rounds, a wording proposed, brackets settled by agreement and by a vote of
//! the Treaty Commission, adoption by the Summit, signature, deposits with a reservation and
//! an objection, entry into force as computed, and the refusals.

use comity_core::base;
use comity_core::ids::Day;
use comity_core::journal::{self, Entry};
use comity_core::motion::Seat;
use comity_core::state::ApplyError;
use comity_core::treaty::eif::{Deposit, Instrument};
use comity_core::treaty::record::{Resolution, Stage};
use comity_core::treaty::text::{BracketRef, Choice};
use comity_core::{Actor, Command, DomainError, Event, Iso3, State, Timestamp};
use comity_core::{motion, network, treaty};
use comity_voting::rules::Vote;

use crate::{found, run_at};

const FILE: &str = include_str!("../../../../treaties/aod-founding-treaty.toml");
const TEXT: &str = include_str!("../../../../treaties/aod-founding-treaty.md");
const ID: &str = "aod-founding-treaty";

fn at(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

fn day(s: &str) -> Day {
    Day::parse(s).unwrap()
}

fn iso(s: &str) -> Iso3 {
    Iso3::parse(s).unwrap()
}

fn now() -> Timestamp {
    at("2026-11-29T12:00:00Z")
}

fn run(state: &mut State, cmd: &Command) -> Result<Vec<Event>, DomainError> {
    run_at(state, now(), cmd)
}

/// Table, debate, vote (every seated state as given) and close a motion; its id.
fn decide_by_vote(state: &mut State, decision: &str, title: &str, yes: bool) -> u64 {
    let organ = state
        .charter
        .as_ref()
        .unwrap()
        .charter
        .decision(decision)
        .unwrap()
        .organ
        .clone();
    let sponsor = state.members.keys().next().unwrap().clone();
    run(
        state,
        &Command::Motion(motion::Command::TableMotion {
            decision: decision.into(),
            title: title.into(),
            text: title.into(),
            sponsor: Seat::State(sponsor),
        }),
    )
    .unwrap_or_else(|e| panic!("{organ}: {e}"));
    let id = *state.motions.keys().last().unwrap();
    // The organs the charter asks give their opinion first.
    for o in state
        .charter
        .as_ref()
        .unwrap()
        .charter
        .decision(decision)
        .unwrap()
        .opinion_from
        .clone()
    {
        run(
            state,
            &Command::Network(network::Command::GiveOpinion {
                motion: id,
                organ: o,
                position: comity_core::network::Position::Favourable,
                text: "In favour.".into(),
            }),
        )
        .unwrap();
    }
    run(
        state,
        &Command::Motion(motion::Command::OpenDebate { motion: id }),
    )
    .unwrap();
    run(
        state,
        &Command::Motion(motion::Command::OpenVote {
            motion: id,
            closes_at: at("2026-12-31T00:00:00Z"),
            order: None,
        }),
    )
    .unwrap();
    let electorate = state.motions[&id]
        .ballot
        .as_ref()
        .unwrap()
        .electorate
        .clone();
    for s in electorate {
        let vote = if yes { Vote::Yes } else { Vote::No };
        run(
            state,
            &Command::Motion(motion::Command::CastVote {
                motion: id,
                state: s,
                vote,
            }),
        )
        .unwrap();
    }
    run(
        state,
        &Command::Motion(motion::Command::CloseVote {
            motion: id,
            casting_vote: None,
        }),
    )
    .unwrap();
    id
}

fn opened() -> State {
    let mut state = found("alliance-of-democracies");
    run(
        &mut state,
        &Command::Treaty(treaty::Command::OpenTreaty {
            organ: "treaty_commission".into(),
            file_name: "aod-founding-treaty.toml".into(),
            file: FILE.into(),
            text: TEXT.into(),
        }),
    )
    .unwrap();
    state
}

fn open_brackets(state: &State) -> usize {
    state.treaties[ID].text().unwrap().open_brackets().total
}

fn settle_first(state: &mut State, by: Resolution) {
    let first = state.treaties[ID].text().unwrap().brackets()[0].at.clone();
    run(
        state,
        &Command::Treaty(treaty::Command::ResolveBracket {
            treaty: ID.into(),
            bracket: first,
            choice: Choice::Alternative(0),
            by,
        }),
    )
    .unwrap();
}

/// The treaty negotiated over three rounds and adopted by the Summit.
fn adopted() -> State {
    let mut state = opened();
    let start = open_brackets(&state);
    assert!(start >= 10, "{start}");
    // Round 1: Denmark proposes a third seat; two brackets are agreed.
    let seat = BracketRef::top("art_1__para_2", 0);
    run(
        &mut state,
        &Command::Treaty(treaty::Command::ProposeWording {
            treaty: ID.into(),
            bracket: seat.clone(),
            wording: "The Hague".into(),
            by: Seat::State(iso("DNK")),
        }),
    )
    .unwrap();
    let info = state.treaties[ID].text().unwrap().brackets();
    let seat_info = info.iter().find(|b| b.at == seat).unwrap();
    assert_eq!(seat_info.alternatives.last().unwrap(), "The Hague");
    assert_eq!(state.treaties[ID].proposals[0].by, Seat::State(iso("DNK")));
    settle_first(&mut state, Resolution::Agreement);
    settle_first(&mut state, Resolution::Agreement);
    let after_round_1 = open_brackets(&state);
    assert_eq!(after_round_1, start - 2);

    // Round 2: one bracket settled by a vote of the commission, the rest of Article 2 agreed.
    run(
        &mut state,
        &Command::Treaty(treaty::Command::OpenTreatyRound {
            treaty: ID.into(),
            text: None,
        }),
    )
    .unwrap();
    let m = decide_by_vote(&mut state, "treaty_text", "Membership criterion", true);
    settle_first(&mut state, Resolution::Motion(m));
    assert_eq!(
        state.treaties[ID].settlements.last().unwrap().by,
        Resolution::Motion(m)
    );
    settle_first(&mut state, Resolution::Agreement);

    // Round 3: everything left is agreed.
    run(
        &mut state,
        &Command::Treaty(treaty::Command::OpenTreatyRound {
            treaty: ID.into(),
            text: None,
        }),
    )
    .unwrap();
    // A motion tabled while brackets remain cannot adopt the final text.
    let early = decide_by_vote(&mut state, "treaty_adoption", "Adopt early", true);
    let refused = run(
        &mut state,
        &Command::Treaty(treaty::Command::AdoptTreaty {
            treaty: ID.into(),
            motion: early,
        }),
    );
    assert!(
        matches!(
            refused,
            Err(DomainError::Treaty(treaty::Refusal::OpenBrackets { .. }))
        ),
        "{refused:?}"
    );
    while open_brackets(&state) > 0 {
        settle_first(&mut state, Resolution::Agreement);
    }
    let t = &state.treaties[ID];
    assert_eq!(t.rounds.len(), 3);
    // Brackets fell over the rounds: counted at each round's end.
    let counts: Vec<usize> = t
        .rounds
        .iter()
        .map(|r| r.end.open_brackets().total)
        .collect();
    assert_eq!(counts[0], after_round_1);
    assert!(counts[0] > counts[1] && counts[1] > counts[2] && counts[2] == 0);

    // The early motion voted on a text that has changed since.
    let stale = run(
        &mut state,
        &Command::Treaty(treaty::Command::AdoptTreaty {
            treaty: ID.into(),
            motion: early,
        }),
    );
    assert!(
        matches!(
            stale,
            Err(DomainError::Treaty(treaty::Refusal::AdoptionMotion { .. }))
        ),
        "{stale:?}"
    );
    let wrong_kind = decide_by_vote(&mut state, "un_common_position", "Not a treaty", true);
    let refused = run(
        &mut state,
        &Command::Treaty(treaty::Command::AdoptTreaty {
            treaty: ID.into(),
            motion: wrong_kind,
        }),
    );
    assert!(
        matches!(
            refused,
            Err(DomainError::Treaty(treaty::Refusal::AdoptionMotion { .. }))
        ),
        "{refused:?}"
    );
    let rejected = decide_by_vote(&mut state, "treaty_adoption", "Adopt (rejected)", false);
    assert!(
        run(
            &mut state,
            &Command::Treaty(treaty::Command::AdoptTreaty {
                treaty: ID.into(),
                motion: rejected,
            }),
        )
        .is_err()
    );
    let m = decide_by_vote(&mut state, "treaty_adoption", "Adopt the Treaty", true);
    run(
        &mut state,
        &Command::Treaty(treaty::Command::AdoptTreaty {
            treaty: ID.into(),
            motion: m,
        }),
    )
    .unwrap();
    assert_eq!(state.treaties[ID].stage(), Stage::Adopted);
    // Drafting is over.
    let late = run(
        &mut state,
        &Command::Treaty(treaty::Command::OpenTreatyRound {
            treaty: ID.into(),
            text: None,
        }),
    );
    assert!(
        matches!(
            late,
            Err(DomainError::Treaty(treaty::Refusal::TreatyStage { .. }))
        ),
        "{late:?}"
    );
    state
}

fn deposit(s: &str, instrument: Instrument, date: &str) -> Command {
    Command::Treaty(treaty::Command::DepositInstrument {
        treaty: ID.into(),
        deposit: Deposit {
            state: iso(s),
            instrument,
            date: day(date),
            share: None,
        },
        reservations: Vec::new(),
        declarations: Vec::new(),
    })
}

#[test]
fn the_founding_treaty_from_brackets_to_entry_into_force() {
    let mut state = adopted();
    // Not yet open for signature: no signatures, no deposits.
    let early = run(
        &mut state,
        &Command::Treaty(treaty::Command::SignTreaty {
            treaty: ID.into(),
            state: iso("DNK"),
            date: day("2026-06-01"),
        }),
    );
    assert!(
        matches!(
            early,
            Err(DomainError::Treaty(treaty::Refusal::TreatyStage { .. }))
        ),
        "{early:?}"
    );
    run(
        &mut state,
        &Command::Treaty(treaty::Command::OpenTreatyForSignature {
            treaty: ID.into(),
            date: day("2026-11-29"),
            place: "Copenhagen".into(),
        }),
    )
    .unwrap();
    // The 40 most populous members sign on the opening day.
    let mut members: Vec<(u64, Iso3)> = state
        .members
        .keys()
        .map(|k| {
            (
                state.registry.country(k).unwrap().population.unwrap_or(0),
                k.clone(),
            )
        })
        .collect();
    members.sort_by(|a, b| b.cmp(a));
    let signers: Vec<Iso3> = members.iter().take(40).map(|(_, k)| k.clone()).collect();
    for s in &signers {
        run(
            &mut state,
            &Command::Treaty(treaty::Command::SignTreaty {
                treaty: ID.into(),
                state: s.clone(),
                date: day("2026-11-29"),
            }),
        )
        .unwrap();
    }
    // A deposit dated before the opening is refused, and so is a ratification without signature.
    let before = run(
        &mut state,
        &deposit(signers[0].as_str(), Instrument::Ratification, "2026-11-28"),
    );
    assert!(
        matches!(
            before,
            Err(DomainError::Treaty(
                treaty::Refusal::DepositBeforeOpening { .. }
            ))
        ),
        "{before:?}"
    );
    let unsigned = members[60].1.clone();
    let refused = run(
        &mut state,
        &deposit(unsigned.as_str(), Instrument::Ratification, "2026-11-29"),
    );
    assert!(
        matches!(
            refused,
            Err(DomainError::Treaty(treaty::Refusal::TreatyAct(_)))
        ),
        "{refused:?}"
    );
    // A deposit dated in the future is refused.
    let future = run(
        &mut state,
        &deposit(signers[0].as_str(), Instrument::Ratification, "2026-12-01"),
    );
    assert!(
        matches!(
            future,
            Err(DomainError::Treaty(treaty::Refusal::TreatyAct(_)))
        ),
        "{future:?}"
    );
    // 29 ratify: not yet in force.
    for s in &signers[..29] {
        let mut cmd = deposit(s.as_str(), Instrument::Ratification, "2026-11-29");
        if s == &signers[0]
            && let Command::Treaty(treaty::Command::DepositInstrument { reservations, .. }) =
                &mut cmd
        {
            reservations.push("Article 6 shall not apply to its overseas territories.".into());
        }
        let events = run(&mut state, &cmd).unwrap();
        assert_eq!(events.len(), 1);
    }
    assert_eq!(state.treaties[ID].stage(), Stage::OpenForSignature);
    let twice = run(
        &mut state,
        &deposit(signers[1].as_str(), Instrument::Ratification, "2026-11-29"),
    );
    assert!(
        matches!(
            twice,
            Err(DomainError::Treaty(
                treaty::Refusal::AlreadyDeposited { .. }
            ))
        ),
        "{twice:?}"
    );
    // The 30th instrument: in force on the first day of the month after the 30th day
    // (29 November + 30 days = 29 December → 1 January 2027).
    let events = run(
        &mut state,
        &deposit(unsigned.as_str(), Instrument::Accession, "2026-11-29"),
    )
    .unwrap();
    assert!(
        matches!(&events[1], Event::Treaty(treaty::Event::TreatyEnteredIntoForce { date, instruments: 30, .. }) if *date == day("2027-01-01")),
        "{events:?}"
    );
    let t = &state.treaties[ID];
    assert_eq!(t.stage(), Stage::InForce);
    // A reader sees it in force only from the date the clause gives.
    assert_eq!(t.stage_on(day("2026-12-31")), Stage::EntryIntoForceFixed);
    assert_eq!(t.stage_on(day("2027-01-01")), Stage::InForce);
    assert_eq!(t.eif.per_state.len(), 30);
    assert_eq!(t.eif.per_state[&unsigned], day("2027-01-01"));
    // An objection to the reservation.
    run(
        &mut state,
        &Command::Treaty(treaty::Command::ObjectToReservation {
            treaty: ID.into(),
            state: signers[2].clone(),
            reserving: signers[0].clone(),
            reservation: 1,
            text: "The reservation is incompatible with the object and purpose of the Treaty."
                .into(),
            date: day("2026-11-29"),
        }),
    )
    .unwrap();
    assert!(
        run(
            &mut state,
            &Command::Treaty(treaty::Command::ObjectToReservation {
                treaty: ID.into(),
                state: signers[2].clone(),
                reserving: signers[0].clone(),
                reservation: 2,
                text: "x".into(),
                date: day("2026-11-29"),
            }),
        )
        .is_err()
    );
    // A state not yet bound cannot withdraw.
    let w = run_at(
        &mut state,
        at("2026-11-30T12:00:00Z"),
        &Command::Treaty(treaty::Command::WithdrawFromTreaty {
            treaty: ID.into(),
            state: signers[35].clone(),
            date: day("2026-11-30"),
        }),
    );
    assert!(
        matches!(w, Err(DomainError::Treaty(treaty::Refusal::TreatyAct(_)))),
        "{w:?}"
    );
    // A party withdraws after entry into force: effective one year after notification.
    let events = run_at(
        &mut state,
        at("2027-02-01T12:00:00Z"),
        &Command::Treaty(treaty::Command::WithdrawFromTreaty {
            treaty: ID.into(),
            state: signers[3].clone(),
            date: day("2027-02-01"),
        }),
    )
    .unwrap();
    assert!(
        matches!(&events[0], Event::Treaty(treaty::Event::TreatyWithdrawal { effective, .. }) if *effective == day("2028-02-01"))
    );
    // A later state: in force for it on the first day of the month after its 30th day.
    run_at(
        &mut state,
        at("2027-03-10T12:00:00Z"),
        &deposit(signers[30].as_str(), Instrument::Ratification, "2027-03-10"),
    )
    .unwrap();
    assert_eq!(
        state.treaties[ID].eif.per_state[&signers[30]],
        day("2027-05-01")
    );
}

/// An entry into force typed in rather than computed does not replay.
#[test]
fn a_journal_with_a_forged_entry_into_force_does_not_replay() {
    let mut state = adopted();
    run(
        &mut state,
        &Command::Treaty(treaty::Command::OpenTreatyForSignature {
            treaty: ID.into(),
            date: day("2026-11-29"),
            place: "Copenhagen".into(),
        }),
    )
    .unwrap();
    let states: Vec<Iso3> = state.members.keys().take(30).cloned().collect();
    for s in &states[..29] {
        run(
            &mut state,
            &deposit(s.as_str(), Instrument::Accession, "2026-11-29"),
        )
        .unwrap();
    }
    let mut events = comity_core::decide(
        &state,
        now(),
        &deposit(states[29].as_str(), Instrument::Accession, "2026-11-29"),
    )
    .unwrap();
    if let Event::Treaty(treaty::Event::TreatyEnteredIntoForce { date, .. }) = &mut events[1] {
        *date = day("2026-12-01");
    }
    let forged: Vec<Entry> = journal::seal(state.head(), now(), &Actor::system(), &events);
    state.apply(&forged[0]).unwrap();
    let err = state.apply(&forged[1]).unwrap_err();
    assert!(matches!(err, ApplyError::Inconsistent { .. }), "{err}");
    assert!(
        err.to_string().contains("not what the clause gives"),
        "{err}"
    );
}

#[test]
fn bad_treaty_files_and_texts_are_refused() {
    let mut state = found("alliance-of-democracies");
    let bad_text = TEXT.replace("[Copenhagen / Brussels", "[Copenhagen / [Brussels");
    let e = run(
        &mut state,
        &Command::Treaty(treaty::Command::OpenTreaty {
            organ: "treaty_commission".into(),
            file_name: "t.toml".into(),
            file: FILE.into(),
            text: bad_text,
        }),
    )
    .unwrap_err();
    assert!(
        e.to_string().contains("art_1") || e.to_string().contains("Article 1"),
        "{e}"
    );
    let bad_file = FILE.replace("instruments = 30", "instruments = 0");
    let e = run(
        &mut state,
        &Command::Treaty(treaty::Command::OpenTreaty {
            organ: "treaty_commission".into(),
            file_name: "t.toml".into(),
            file: bad_file,
            text: TEXT.into(),
        }),
    )
    .unwrap_err();
    assert!(e.to_string().contains("t.toml:"), "{e}");
    assert!(state.treaties.is_empty());
    let e = run(
        &mut state,
        &Command::Treaty(treaty::Command::OpenTreaty {
            organ: "nowhere".into(),
            file_name: "t.toml".into(),
            file: FILE.into(),
            text: TEXT.into(),
        }),
    )
    .unwrap_err();
    assert!(matches!(
        e,
        DomainError::Base(base::Refusal::UnknownOrgan(_))
    ));
    let mut state = opened();
    let e = run(
        &mut state,
        &Command::Treaty(treaty::Command::OpenTreaty {
            organ: "treaty_commission".into(),
            file_name: "t.toml".into(),
            file: FILE.into(),
            text: TEXT.into(),
        }),
    )
    .unwrap_err();
    assert!(matches!(
        e,
        DomainError::Treaty(treaty::Refusal::TreatyExists(_))
    ));
    let e = run(
        &mut state,
        &Command::Treaty(treaty::Command::ResolveBracket {
            treaty: ID.into(),
            bracket: BracketRef::top("art_1__para_1", 0),
            choice: Choice::Delete,
            by: Resolution::Agreement,
        }),
    )
    .unwrap_err();
    assert!(
        matches!(e, DomainError::Treaty(treaty::Refusal::TreatyEdit(_))),
        "{e}"
    );
}
