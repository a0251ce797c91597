//! The UN caucus on the real founding: resolutions on the agenda, a common position proposed
//! and decided by the charter's rule for `un_common_position`, the plenary votes recorded and
//! compared with it, explanations of vote, and every refusal the issue names.

use comity_core::caucus::{self, Compliance, Outcome, Stance, UnVote, VoteSource};
use comity_core::ids::Day;
use comity_core::journal::Hash;
use comity_core::motion::{self, Seat};
use comity_core::{Command, DomainError, Iso3, State, Timestamp};
use comity_voting::rules::Vote;

use crate::{found, run_at};

fn at(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

fn iso(s: &str) -> Iso3 {
    Iso3::parse(s).unwrap()
}

fn day(s: &str) -> Day {
    Day::parse(s).unwrap()
}

fn cmd(c: caucus::Command) -> Command {
    Command::Caucus(c)
}

fn refusal(r: Result<Vec<comity_core::Event>, DomainError>) -> caucus::Refusal {
    match r {
        Err(DomainError::Caucus(r)) => r,
        other => panic!("expected a caucus refusal, got {other:?}"),
    }
}

fn place(state: &mut State, symbol: &str, plenary: &str) -> u64 {
    run_at(
        state,
        at("2026-12-01T09:00:00Z"),
        &cmd(caucus::Command::PlaceOnAgenda {
            session: 81,
            symbol: symbol.into(),
            title: format!("Resolution {symbol}"),
            issue: Some("hr".into()),
            plenary: day(plenary),
            rcid: None,
        }),
    )
    .unwrap();
    *state.caucus.agenda.keys().next_back().unwrap()
}

/// Propose `stance` on `item`, and have every seated member vote `vote` on it, closing at `close`.
fn decide_position(state: &mut State, item: u64, stance: Stance, vote: Vote, close: &str) -> u64 {
    let t = at("2026-12-02T09:00:00Z");
    run_at(
        state,
        t,
        &cmd(caucus::Command::ProposePosition {
            item,
            stance,
            sponsor: Seat::State(iso("DNK")),
        }),
    )
    .unwrap();
    let m = *state.motions.keys().next_back().unwrap();
    assert_eq!(state.motions[&m].decision, caucus::COMMON_POSITION);
    assert_eq!(state.motions[&m].organ, "un_caucus");
    run_at(
        state,
        t,
        &Command::Motion(motion::Command::OpenDebate { motion: m }),
    )
    .unwrap();
    run_at(
        state,
        t,
        &Command::Motion(motion::Command::OpenVote {
            motion: m,
            closes_at: at("2026-12-31T00:00:00Z"),
            order: None,
        }),
    )
    .unwrap();
    let electorate = state.motions[&m]
        .ballot
        .as_ref()
        .unwrap()
        .electorate
        .clone();
    for s in electorate {
        run_at(
            state,
            t,
            &Command::Motion(motion::Command::CastVote {
                motion: m,
                state: s,
                vote,
            }),
        )
        .unwrap();
    }
    run_at(
        state,
        at(close),
        &Command::Motion(motion::Command::CloseVote {
            motion: m,
            casting_vote: None,
        }),
    )
    .unwrap();
    m
}

#[test]
fn a_position_adopted_before_the_plenary_is_compared_with_the_recorded_votes() {
    let mut state = found("alliance-of-democracies");
    let item = place(&mut state, "A/81/L.1", "2026-12-10");
    let m = decide_position(
        &mut state,
        item,
        Stance::Yes,
        Vote::Yes,
        "2026-12-05T09:00:00Z",
    );
    let it = &state.caucus.agenda[&item];
    assert_eq!(it.position, Some((Stance::Yes, m)));
    assert_eq!(it.proposals[0].outcome, Some(Outcome::Adopted));
    // A second position on the same item is refused.
    assert_eq!(
        refusal(run_at(
            &mut state,
            at("2026-12-06T09:00:00Z"),
            &cmd(caucus::Command::ProposePosition {
                item,
                stance: Stance::No,
                sponsor: Seat::State(iso("DNK")),
            }),
        )),
        caucus::Refusal::PositionTaken { item }
    );
    // Votes cannot be recorded before the plenary day.
    let votes = vec![
        (iso("DNK"), UnVote::Yes),
        (iso("FRA"), UnVote::No),
        (iso("DEU"), UnVote::Abstain),
        (iso("ITA"), UnVote::Absent),
    ];
    let record = |votes: Vec<(Iso3, UnVote)>| {
        cmd(caucus::Command::RecordPlenaryVotes {
            item,
            votes,
            source: VoteSource::Hand,
        })
    };
    assert!(matches!(
        refusal(run_at(
            &mut state,
            at("2026-12-09T23:00:00Z"),
            &record(votes.clone())
        )),
        caucus::Refusal::BeforePlenary { .. }
    ));
    // A state listed twice, or a state that is not a member, is refused with its name.
    let mut twice = votes.clone();
    twice.push((iso("DNK"), UnVote::No));
    assert_eq!(
        refusal(run_at(
            &mut state,
            at("2026-12-10T18:00:00Z"),
            &record(twice)
        )),
        caucus::Refusal::DuplicateVote { state: iso("DNK") }
    );
    assert_eq!(
        refusal(run_at(
            &mut state,
            at("2026-12-10T18:00:00Z"),
            &record(vec![(iso("CHN"), UnVote::No)])
        )),
        caucus::Refusal::NotAMember { state: iso("CHN") }
    );
    // A member that is not in the UN has no plenary vote to record.
    let outside = state
        .members
        .keys()
        .find(|m| !caucus::is_un_member(&state, m))
        .cloned()
        .expect("a member outside the UN (Taiwan or Kosovo)");
    assert_eq!(
        refusal(run_at(
            &mut state,
            at("2026-12-10T18:00:00Z"),
            &record(vec![(outside.clone(), UnVote::Yes)])
        )),
        caucus::Refusal::NotInTheUn {
            state: outside.clone()
        }
    );
    // Explaining before the votes are recorded is refused.
    assert_eq!(
        refusal(run_at(
            &mut state,
            at("2026-12-10T18:00:00Z"),
            &cmd(caucus::Command::ExplainVote {
                item,
                state: iso("FRA"),
                text: "Our reasons.".into()
            })
        )),
        caucus::Refusal::VotesNotRecorded { item }
    );
    run_at(&mut state, at("2026-12-10T18:00:00Z"), &record(votes)).unwrap();
    let it = &state.caucus.agenda[&item];
    assert_eq!(it.compliance(&iso("DNK")), Some(Compliance::Followed));
    assert_eq!(it.compliance(&iso("FRA")), Some(Compliance::Departed));
    assert_eq!(it.compliance(&iso("DEU")), Some(Compliance::Departed));
    assert_eq!(it.compliance(&iso("ITA")), Some(Compliance::Absent));
    // A member not listed was absent; one outside the UN is not compared.
    assert_eq!(it.compliance(&iso("NOR")), Some(Compliance::Absent));
    assert_eq!(it.compliance(&outside), None);
    assert_eq!(it.votes.len(), caucus::un_members(&state).len());
    let counts = caucus::follow_counts(&state.caucus, &[iso("DNK"), iso("FRA"), iso("NOR")]);
    assert_eq!(counts[&iso("DNK")], [1, 0, 0]);
    assert_eq!(counts[&iso("FRA")], [0, 1, 0]);
    assert_eq!(counts[&iso("NOR")], [0, 0, 1]);
    // France explains its departure; Denmark, which followed, has nothing to explain.
    let explain = |s: &str| {
        cmd(caucus::Command::ExplainVote {
            item,
            state: iso(s),
            text: "We voted against because of paragraph 4.".into(),
        })
    };
    run_at(&mut state, at("2026-12-11T09:00:00Z"), &explain("FRA")).unwrap();
    assert!(
        state.caucus.agenda[&item]
            .explanations
            .contains_key(&iso("FRA"))
    );
    assert_eq!(
        refusal(run_at(
            &mut state,
            at("2026-12-11T09:00:00Z"),
            &explain("DNK")
        )),
        caucus::Refusal::Followed {
            item,
            state: iso("DNK")
        }
    );
}

#[test]
fn positions_are_refused_after_the_plenary_and_lapse_when_adopted_too_late() {
    let mut state = found("alliance-of-democracies");
    let item = place(&mut state, "A/81/L.2", "2026-12-03");
    // Adopted on the 4th, the day after the plenary voted: no position is taken.
    decide_position(
        &mut state,
        item,
        Stance::No,
        Vote::Yes,
        "2026-12-04T09:00:00Z",
    );
    let it = &state.caucus.agenda[&item];
    assert_eq!(it.position, None);
    assert_eq!(it.proposals[0].outcome, Some(Outcome::Late));
    // And a new proposal after the plenary is refused with the plenary's date.
    assert_eq!(
        refusal(run_at(
            &mut state,
            at("2026-12-04T10:00:00Z"),
            &cmd(caucus::Command::ProposePosition {
                item,
                stance: Stance::No,
                sponsor: Seat::State(iso("DNK")),
            }),
        )),
        caucus::Refusal::AfterPlenary {
            symbol: "A/81/L.2".into(),
            plenary: day("2026-12-03")
        }
    );
    // A position on an item not on the agenda is refused.
    assert_eq!(
        refusal(run_at(
            &mut state,
            at("2026-12-02T10:00:00Z"),
            &cmd(caucus::Command::ProposePosition {
                item: 99,
                stance: Stance::Yes,
                sponsor: Seat::State(iso("DNK")),
            }),
        )),
        caucus::Refusal::UnknownItem(99)
    );
}

#[test]
fn a_rejected_position_leaves_the_item_open_and_no_common_position_compares_nothing() {
    let mut state = found("alliance-of-democracies");
    let item = place(&mut state, "A/81/L.3", "2026-12-20");
    decide_position(
        &mut state,
        item,
        Stance::Yes,
        Vote::No,
        "2026-12-05T09:00:00Z",
    );
    assert_eq!(
        state.caucus.agenda[&item].proposals[0].outcome,
        Some(Outcome::Rejected)
    );
    assert_eq!(state.caucus.agenda[&item].position, None);
    decide_position(
        &mut state,
        item,
        Stance::NoCommonPosition,
        Vote::Yes,
        "2026-12-06T09:00:00Z",
    );
    let it = &state.caucus.agenda[&item];
    assert_eq!(it.stance(), Some(Stance::NoCommonPosition));
    assert_eq!(caucus::compare(Stance::NoCommonPosition, UnVote::No), None);
    // The same symbol twice in a session, and an unknown issue code, are refused.
    assert!(matches!(
        refusal(run_at(
            &mut state,
            at("2026-12-01T09:00:00Z"),
            &cmd(caucus::Command::PlaceOnAgenda {
                session: 81,
                symbol: "A/81/L.3".into(),
                title: "Again".into(),
                issue: None,
                plenary: day("2026-12-20"),
                rcid: None,
            })
        )),
        caucus::Refusal::AlreadyOnAgenda { item: 1, .. }
    ));
    assert_eq!(
        refusal(run_at(
            &mut state,
            at("2026-12-01T09:00:00Z"),
            &cmd(caucus::Command::PlaceOnAgenda {
                session: 81,
                symbol: "A/81/L.4".into(),
                title: "Other".into(),
                issue: Some("xx".into()),
                plenary: day("2026-12-20"),
                rcid: None,
            })
        )),
        caucus::Refusal::UnknownIssue("xx".into())
    );
}

#[test]
fn an_import_is_recorded_once() {
    let mut state = found("alliance-of-democracies");
    let import = |file: &str| {
        cmd(caucus::Command::ImportVotes {
            file: file.into(),
            sha256: Hash::of(b"votes"),
            votes: 10,
            roll_calls: 2,
            sessions: (75, 75),
            rows_sha256: Hash::of(b"rows"),
        })
    };
    run_at(
        &mut state,
        at("2026-12-01T09:00:00Z"),
        &import("votes75.csv"),
    )
    .unwrap();
    assert_eq!(state.caucus.imports.len(), 1);
    assert_eq!(
        refusal(run_at(
            &mut state,
            at("2026-12-01T09:00:00Z"),
            &import("again.csv")
        )),
        caucus::Refusal::AlreadyImported { import: 1 }
    );
}
