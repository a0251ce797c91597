//! Elections by secret ballot: the journal records who voted, not what; the count is
//! published and recounted on replay.

use comity_core::election;
use comity_core::journal;
use comity_core::{Actor, Command, DomainError, Event, Timestamp};

use crate::{found, run, t0};

/// An organ where every member state has a seat.
fn one_seat_per_member(state: &comity_core::State) -> String {
    state
        .charter
        .as_ref()
        .unwrap()
        .charter
        .organs
        .iter()
        .find(|o| {
            o.seat_holders == comity_core::charter::SeatHolders::MemberStates
                && o.seats == comity_core::charter::Seats::OnePerMember
        })
        .unwrap()
        .id
        .clone()
}

fn names(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn a_secret_stv_election_counted_and_recounted() {
    let mut state = found("d10");
    let candidates = names(&["Ana", "Ben", "Chloé", "Dev"]);
    let organ = one_seat_per_member(&state);
    run(
        &mut state,
        &Command::Election(election::Command::OpenElection {
            organ,
            title: "Co-chairs".into(),
            method: "stv-scottish".into(),
            seats: 2,
            candidates: candidates.clone(),
            closes_at: Timestamp::parse("2026-11-30T00:00:00Z").unwrap(),
            seed: 7,
        }),
    )
    .unwrap();
    let e = state.elections[&1].clone();
    assert_eq!(e.electorate.len(), 10);
    // Bad ballots are refused with the position named.
    let s0 = e.electorate[0].clone();
    let bad = run(
        &mut state,
        &Command::Election(election::Command::CastBallot {
            election: 1,
            state: s0.clone(),
            ranking: names(&["Ana", "Zed"]),
        }),
    );
    assert!(
        matches!(&bad, Err(DomainError::Election(election::Refusal::Invalid(m))) if m.to_string().contains("ranking[1]") && m.to_string().contains("Zed")),
        "{bad:?}"
    );
    let twice = run(
        &mut state,
        &Command::Election(election::Command::CastBallot {
            election: 1,
            state: s0.clone(),
            ranking: names(&["Ana", "Ana"]),
        }),
    );
    assert!(
        matches!(&twice, Err(DomainError::Election(election::Refusal::Invalid(m))) if m.to_string().contains("twice")),
        "{twice:?}"
    );

    let rankings = [
        &["Ana", "Ben"][..],
        &["Ana", "Chloé"],
        &["Ana", "Ben", "Dev"],
        &["Ana"],
        &["Ben", "Ana"],
        &["Chloé", "Dev"],
        &["Chloé", "Ben"],
        &["Dev", "Chloé"],
        &["Ben"],
        &["Ana", "Dev"],
    ];
    let mut ballots = Vec::new();
    for (iso, r) in e.electorate.iter().zip(rankings) {
        let events = run(
            &mut state,
            &Command::Election(election::Command::CastBallot {
                election: 1,
                state: iso.clone(),
                ranking: names(r),
            }),
        )
        .unwrap();
        // Secret: the event names the voter, never the ballot.
        assert_eq!(
            events,
            vec![Event::Election(election::Event::BallotCast {
                election: 1,
                state: iso.clone()
            })]
        );
        ballots.push((names(r), 1u64));
    }
    let again = run(
        &mut state,
        &Command::Election(election::Command::CastBallot {
            election: 1,
            state: s0,
            ranking: names(&["Dev"]),
        }),
    );
    assert!(
        matches!(&again, Err(DomainError::Election(election::Refusal::Invalid(m))) if m.to_string().contains("already voted")),
        "{again:?}"
    );
    // The box must hold one ballot per voter.
    let short = run(
        &mut state,
        &Command::Election(election::Command::CloseElection {
            election: 1,
            ballots: ballots[..9].to_vec(),
        }),
    );
    assert!(
        matches!(&short, Err(DomainError::Election(election::Refusal::Invalid(m))) if m.to_string().contains("9 ballots")),
        "{short:?}"
    );

    let events = comity_core::decide(
        &state,
        t0(),
        &Command::Election(election::Command::CloseElection {
            election: 1,
            ballots: ballots.clone(),
        }),
    )
    .unwrap();
    let Event::Election(election::Event::ElectionCounted {
        elected,
        ballots: published,
        ..
    }) = &events[0]
    else {
        panic!()
    };
    // Quota ⌊10/3⌋+1 = 4: Ana has 5 first preferences; her surplus and the rest elect the second.
    assert!(elected.contains(&"Ana".to_string()), "{elected:?}");
    assert_eq!(elected.len(), 2);
    assert_eq!(published.iter().map(|(_, c)| c).sum::<u64>(), 10);
    assert!(
        published.windows(2).all(|w| w[0].0 < w[1].0),
        "published sorted: no arrival order"
    );

    // A forged result does not replay.
    let mut forged = events.clone();
    if let Event::Election(election::Event::ElectionCounted { elected, .. }) = &mut forged[0] {
        *elected = names(&["Ben", "Dev"]);
    }
    let entry = journal::seal(state.head(), t0(), &Actor::system(), &forged);
    assert!(state.clone().apply(&entry[0]).is_err());
    for e in journal::seal(state.head(), t0(), &Actor::system(), &events) {
        state.apply(&e).unwrap();
    }
    assert_eq!(
        state.elections[&1].result.as_ref().unwrap().elected,
        *elected
    );
}

/// Ballots cast on paper in the hall and counted by the tellers come in as their BLT file:
/// the register names who voted; a file with a stranger's name, a register longer than the
/// ballots, or a state that voted already is refused; the count covers both kinds of ballot.
#[test]
fn paper_ballots_from_a_tellers_blt_file_join_the_count() {
    let mut state = found("d10");
    let organ = one_seat_per_member(&state);
    let candidates = names(&["Ana", "Ben", "Chloé"]);
    run(
        &mut state,
        &Command::Election(election::Command::OpenElection {
            organ,
            title: "Chair".into(),
            method: "irv".into(),
            seats: 1,
            candidates: candidates.clone(),
            closes_at: Timestamp::parse("2026-11-30T00:00:00Z").unwrap(),
            seed: 1,
        }),
    )
    .unwrap();
    let electorate = state.elections[&1].electorate.clone();
    // One state votes on the platform.
    run(
        &mut state,
        &Command::Election(election::Command::CastBallot {
            election: 1,
            state: electorate[0].clone(),
            ranking: names(&["Ben", "Chloé"]),
        }),
    )
    .unwrap();
    // The tellers' file: 3 candidates, 1 seat, 9 ballots.
    let blt = "3 1\n4 1 2 0\n3 2 1 0\n2 3 2 0\n0\n\"Ana\"\n\"Ben\"\n\"Chloé\"\n\"Chair\"\n";
    let ballots = comity_core::election::ballots_from_file(blt.as_bytes(), &candidates).unwrap();
    assert_eq!(ballots.iter().map(|b| b.1).sum::<u64>(), 9);
    let stranger = blt.replace("\"Chloé\"", "\"Zoë\"");
    let e = comity_core::election::ballots_from_file(stranger.as_bytes(), &candidates).unwrap_err();
    assert!(e.to_string().contains("Zoë"), "{e}");
    let record = |states: Vec<comity_core::Iso3>| {
        Command::Election(election::Command::RecordPaperBallots {
            election: 1,
            states,
            ballots: ballots.clone(),
            source: "tellers.blt (sha256 …)".into(),
        })
    };
    // The register must name as many states as there are ballots, none that voted already.
    let short = run(&mut state, &record(electorate[1..9].to_vec()));
    assert!(
        matches!(&short, Err(DomainError::Election(election::Refusal::Invalid(m))) if m.to_string().contains("9 ballots") && m.to_string().contains("8 states")),
        "{short:?}"
    );
    let again = run(&mut state, &record(electorate[0..9].to_vec()));
    assert!(
        matches!(&again, Err(DomainError::Election(election::Refusal::Invalid(m))) if m.to_string().contains("states[0]")),
        "{again:?}"
    );
    let events = run(&mut state, &record(electorate[1..10].to_vec())).unwrap();
    assert!(matches!(
        &events[0],
        Event::Election(election::Event::PaperBallotsRecorded { ballots: 9, states, .. }) if states.len() == 9
    ));
    assert_eq!(state.elections[&1].voted.len(), 10);
    // The box now holds both: Ana 4, Ben 3 + 1, Chloé 2 → Chloé out, her ballots to Ben.
    let mut all = ballots.clone();
    all.push((names(&["Ben", "Chloé"]), 1));
    let events = run(
        &mut state,
        &Command::Election(election::Command::CloseElection {
            election: 1,
            ballots: all,
        }),
    )
    .unwrap();
    assert!(
        matches!(&events[0], Event::Election(election::Event::ElectionCounted { elected, .. }) if elected == &names(&["Ben"])),
        "{events:?}"
    );
}
