//! Elections by secret ballot: the journal records who voted, not what; the count is
//! published and recounted on replay.

use comity_core::journal;
use comity_core::{Actor, Command, DomainError, Event, Timestamp};

use crate::{found, run, t0};

fn names(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn a_secret_stv_election_counted_and_recounted() {
    let mut state = found("d10");
    let candidates = names(&["Ana", "Ben", "Chloé", "Dev"]);
    let organ = state
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
        .clone();
    run(
        &mut state,
        &Command::OpenElection {
            organ,
            title: "Co-chairs".into(),
            method: "stv-scottish".into(),
            seats: 2,
            candidates: candidates.clone(),
            closes_at: Timestamp::parse("2026-11-30T00:00:00Z").unwrap(),
            seed: 7,
        },
    )
    .unwrap();
    let e = state.elections[&1].clone();
    assert_eq!(e.electorate.len(), 10);
    // Bad ballots are refused with the position named.
    let s0 = e.electorate[0].clone();
    let bad = run(
        &mut state,
        &Command::CastBallot {
            election: 1,
            state: s0.clone(),
            ranking: names(&["Ana", "Zed"]),
        },
    );
    assert!(
        matches!(&bad, Err(DomainError::Election(m)) if m.contains("ranking[1]") && m.contains("Zed")),
        "{bad:?}"
    );
    let twice = run(
        &mut state,
        &Command::CastBallot {
            election: 1,
            state: s0.clone(),
            ranking: names(&["Ana", "Ana"]),
        },
    );
    assert!(
        matches!(&twice, Err(DomainError::Election(m)) if m.contains("twice")),
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
            &Command::CastBallot {
                election: 1,
                state: iso.clone(),
                ranking: names(r),
            },
        )
        .unwrap();
        // Secret: the event names the voter, never the ballot.
        assert_eq!(
            events,
            vec![Event::BallotCast {
                election: 1,
                state: iso.clone()
            }]
        );
        ballots.push((names(r), 1u64));
    }
    let again = run(
        &mut state,
        &Command::CastBallot {
            election: 1,
            state: s0,
            ranking: names(&["Dev"]),
        },
    );
    assert!(
        matches!(&again, Err(DomainError::Election(m)) if m.contains("already voted")),
        "{again:?}"
    );
    // The box must hold one ballot per voter.
    let short = run(
        &mut state,
        &Command::CloseElection {
            election: 1,
            ballots: ballots[..9].to_vec(),
        },
    );
    assert!(
        matches!(&short, Err(DomainError::Election(m)) if m.contains("9 ballots")),
        "{short:?}"
    );

    let events = comity_core::decide(
        &state,
        t0(),
        &Command::CloseElection {
            election: 1,
            ballots: ballots.clone(),
        },
    )
    .unwrap();
    let Event::ElectionCounted {
        elected,
        ballots: published,
        ..
    } = &events[0]
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
    if let Event::ElectionCounted { elected, .. } = &mut forged[0] {
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
