//! Joint smart sanctions on the real founding: a listing proposed on the charter's criteria
//! and decided by the Governing Council's double majority, another on the same grounds and
//! grade rejected (the consistency check shows the pair until it is justified), members'
//! national acts with their lag and the deadline, a review that renews and one that delists,
//! the releases of the consolidated list, and every refusal the issue names.

use comity_core::ids::Day;
use comity_core::journal::Hash;
use comity_core::motion::{self, Seat};
use comity_core::sanctions::{
    self, Evidence, Grade, IdKind, Identifier, National, Source, Status, Target, TargetSchema,
};
use comity_core::{Command, DomainError, Iso3, State, Timestamp, base};
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

fn cmd(c: sanctions::Command) -> Command {
    Command::Sanctions(c)
}

fn refusal(r: Result<Vec<comity_core::Event>, DomainError>) -> sanctions::Refusal {
    match r {
        Err(DomainError::Sanctions(r)) => r,
        other => panic!("expected a sanctions refusal, got {other:?}"),
    }
}

/// The alliance founded, with the Governing Council's 25 seats held by the first members.
fn founded() -> State {
    let mut state = found("alliance-of-democracies");
    let seats: Vec<Iso3> = state.members.keys().take(25).cloned().collect();
    run_at(
        &mut state,
        at("2026-12-01T09:00:00Z"),
        &Command::Base(base::Command::AssignSeats {
            organ: "governing_council".into(),
            states: seats,
        }),
    )
    .unwrap();
    state
}

fn person(name: &str) -> Target {
    Target {
        schema: TargetSchema::Person,
        name: name.into(),
        aliases: vec![],
        weak_aliases: vec![],
        birth_dates: vec!["1953-08-27".into()],
        nationalities: vec!["ru".into()],
        identifiers: vec![Identifier {
            kind: IdKind::Passport,
            value: "100000001".into(),
        }],
        addresses: vec![],
    }
}

fn evidence(grade: Grade) -> Evidence {
    Evidence {
        grade,
        sources: vec![Source {
            title: "Council Implementing Regulation (EU) 2021/371".into(),
            url: Some("https://eur-lex.europa.eu/eli/reg_impl/2021/371/oj".into()),
            date: Some(day("2021-03-02")),
        }],
    }
}

fn propose(state: &mut State, name: &str, grounds: &[&str], grade: Grade) -> u64 {
    run_at(
        state,
        at("2026-12-02T09:00:00Z"),
        &cmd(sanctions::Command::ProposeListing {
            target: person(name),
            grounds: grounds.iter().map(|g| (*g).to_owned()).collect(),
            evidence: evidence(grade),
            reasons: "Responsible for the arbitrary detention of an opposition leader.".into(),
            sponsor: Seat::Organ("governing_council".into()),
        }),
    )
    .unwrap();
    *state.sanctions.cases.keys().next_back().unwrap()
}

/// The Civil Society Network gives its opinion (the charter requires it), then every seated
/// member votes `vote` on motion `m`, which closes at `close`.
fn vote(state: &mut State, m: u64, vote: Vote, close: &str) {
    // The opinion, the debate and the roll call the day before the close.
    let t = Timestamp::from_unix(at(close).unix() - 86_400);
    run_at(
        state,
        t,
        &Command::Network(comity_core::network::Command::GiveOpinion {
            motion: m,
            organ: "civil_society_network".into(),
            position: comity_core::network::Position::Conditional,
            text: "Favourable, provided the statement of reasons is published.".into(),
        }),
    )
    .unwrap();
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
            closes_at: at(close),
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
}

#[test]
fn a_listing_is_decided_implemented_reviewed_and_delisted() {
    let mut state = founded();
    let a = propose(&mut state, "Alexander Bastrykin", &["C1"], Grade::A);
    let case = &state.sanctions.cases[&a];
    assert_eq!(case.status(), Status::Proposed);
    let m = case.motion;
    assert_eq!(state.motions[&m].decision, "smart_sanctions");
    assert_eq!(state.motions[&m].organ, "governing_council");
    vote(&mut state, m, Vote::Yes, "2026-12-04T10:00:00Z");
    let case = &state.sanctions.cases[&a];
    assert_eq!(case.status(), Status::Listed);
    assert_eq!(case.listed_on(), Some(day("2026-12-04")));

    // A second case on the same grounds and grade, rejected: the pair is inconsistent.
    let b = propose(&mut state, "Igor Krasnov", &["C1"], Grade::A);
    let mb = state.sanctions.cases[&b].motion;
    vote(&mut state, mb, Vote::No, "2026-12-04T11:00:00Z");
    assert_eq!(state.sanctions.cases[&b].status(), Status::Rejected);
    let found = state.sanctions.inconsistencies();
    assert_eq!(found.len(), 1);
    assert_eq!(
        (found[0].listed, found[0].rejected, found[0].justified),
        (a, b, false)
    );
    // A third, on another grade, is not compared with them.
    let c = propose(&mut state, "Viktor Zolotov", &["C1"], Grade::C);
    let mc = state.sanctions.cases[&c].motion;
    vote(&mut state, mc, Vote::No, "2026-12-04T12:00:00Z");
    assert_eq!(state.sanctions.inconsistencies().len(), 1);
    let t = at("2026-12-05T09:00:00Z");
    assert_eq!(
        refusal(run_at(
            &mut state,
            t,
            &cmd(sanctions::Command::JustifyDifference {
                a,
                b: c,
                text: "x".into()
            })
        )),
        sanctions::Refusal::NotInconsistent { a, b: c }
    );
    run_at(
        &mut state,
        t,
        &cmd(sanctions::Command::JustifyDifference {
            a: b,
            b: a,
            text: "The evidence against the second person was older than the criterion's period."
                .into(),
        }),
    )
    .unwrap();
    assert!(state.sanctions.inconsistencies()[0].justified);

    // National acts: one adopted eleven days after the listing, one declined; the others
    // pending, overdue after the charter's thirty days.
    let spec = sanctions::spec(&state).unwrap().clone();
    let members: Vec<Iso3> = state.members.keys().take(3).cloned().collect();
    run_at(
        &mut state,
        t,
        &cmd(sanctions::Command::RecordImplementation {
            case: a,
            state: members[0].clone(),
            adopted: true,
            day: day("2026-12-15"),
            text: "Ministerial order 2026/41".into(),
        }),
    )
    .unwrap();
    run_at(
        &mut state,
        t,
        &cmd(sanctions::Command::RecordImplementation {
            case: a,
            state: members[1].clone(),
            adopted: false,
            day: day("2026-12-10"),
            text: "The national law has no ground for listing a non-resident.".into(),
        }),
    )
    .unwrap();
    let case = &state.sanctions.cases[&a];
    assert_eq!(
        case.national(&members[0], &spec, day("2027-02-01")),
        Some(National::Adopted { lag_days: 11 })
    );
    assert_eq!(
        case.national(&members[1], &spec, day("2027-02-01")),
        Some(National::Declined)
    );
    assert_eq!(
        case.national(&members[2], &spec, day("2027-01-03")),
        Some(National::Pending { overdue: false })
    );
    assert_eq!(
        case.national(&members[2], &spec, day("2027-01-04")),
        Some(National::Pending { overdue: true })
    );
    // Not before the listing, not twice adopted, only members, only cases in force.
    for (state_, case_, d, want) in [
        (
            members[2].clone(),
            a,
            "2026-12-01",
            sanctions::Refusal::BeforeListing {
                listed: "2026-12-04".into(),
            },
        ),
        (
            members[0].clone(),
            a,
            "2026-12-20",
            sanctions::Refusal::AlreadyAdopted {
                case: a,
                state: members[0].clone(),
            },
        ),
        (
            iso("CHN"),
            a,
            "2026-12-20",
            sanctions::Refusal::NotAMember { state: iso("CHN") },
        ),
        (
            members[2].clone(),
            b,
            "2026-12-20",
            sanctions::Refusal::NotInForce {
                case: b,
                status: "rejected",
            },
        ),
    ] {
        assert_eq!(
            refusal(run_at(
                &mut state,
                t,
                &cmd(sanctions::Command::RecordImplementation {
                    case: case_,
                    state: state_,
                    adopted: true,
                    day: day(d),
                    text: "Order".into(),
                }),
            )),
            want
        );
    }
    // The national act is among the member's acts.
    let seq = state.sanctions.cases[&a].implementations[&members[0]].seq;
    assert_eq!(state.acts[&members[0]].last(), Some(&seq));

    // The review: due a year after the listing; renewing moves it a year on.
    assert_eq!(case_review_due(&state, a), Some(day("2027-12-04")));
    let review = |renew: bool| {
        cmd(sanctions::Command::ReviewListing {
            case: a,
            renew,
            reasons: "The person still directs the investigations.".into(),
            sponsor: Seat::Organ("governing_council".into()),
        })
    };
    run_at(&mut state, at("2027-12-01T09:00:00Z"), &review(true)).unwrap();
    assert_eq!(case_review_due(&state, a), Some(day("2028-12-01")));

    // A release must hold exactly the cases in force.
    let h = Hash([7; 32]);
    assert!(matches!(
        refusal(run_at(
            &mut state,
            t,
            &cmd(sanctions::Command::PublishRelease {
                cases: vec![a, b],
                ftm_sha256: h,
                csv_sha256: h
            })
        )),
        sanctions::Refusal::ReleaseMismatch { .. }
    ));
    run_at(
        &mut state,
        t,
        &cmd(sanctions::Command::PublishRelease {
            cases: vec![a],
            ftm_sha256: h,
            csv_sha256: h,
        }),
    )
    .unwrap();
    assert_eq!(state.sanctions.releases[0].cases, vec![a]);

    // Delisting: proposed at a review, decided by motion; the case stays with its end date.
    run_at(&mut state, at("2028-11-20T09:00:00Z"), &review(false)).unwrap();
    let md = state.sanctions.cases[&a].pending_delisting().unwrap();
    assert_eq!(
        refusal(run_at(
            &mut state,
            at("2028-11-20T10:00:00Z"),
            &review(true)
        )),
        sanctions::Refusal::DelistingPending {
            case: a,
            motion: md
        }
    );
    vote(&mut state, md, Vote::Yes, "2028-11-25T09:00:00Z");
    let case = &state.sanctions.cases[&a];
    assert_eq!(case.status(), Status::Delisted);
    assert_eq!(case.ended, Some(day("2028-11-25")));
    assert_eq!(state.sanctions.in_force().count(), 0);

    // The export: each line reads as FollowTheMoney, the sanction ended.
    let cases: Vec<_> = state
        .sanctions
        .cases
        .values()
        .filter(|c| c.listed_on().is_some())
        .collect();
    let ftm = sanctions::export::ftm("Alliance of Democracies", "AoD", &cases);
    let lines: Vec<_> = ftm
        .lines()
        .map(|l| comity_matching::ftm::read_line(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].id, "aod-case-1");
    assert_eq!(lines[0].values("passportNumber"), ["100000001"]);
    assert_eq!(lines[1].values("endDate"), ["2028-11-25"]);
    assert_eq!(lines[1].values("status"), ["ended"]);
    let csv = sanctions::export::csv("AoD", &cases);
    assert!(csv.starts_with("id,schema,name,aliases"), "{csv}");
    assert!(
        csv.contains("aod-case-1,Person,Alexander Bastrykin"),
        "{csv}"
    );
}

fn case_review_due(state: &State, id: u64) -> Option<Day> {
    state.sanctions.cases[&id].review_due(sanctions::spec(state).unwrap())
}

#[test]
fn grounds_outside_the_charter_and_bad_targets_are_refused_with_the_reason() {
    let mut state = founded();
    let t = at("2026-12-02T09:00:00Z");
    let with = |target: Target, grounds: &[&str], evidence: Evidence| {
        cmd(sanctions::Command::ProposeListing {
            target,
            grounds: grounds.iter().map(|g| (*g).to_owned()).collect(),
            evidence,
            reasons: "Reasons.".into(),
            sponsor: Seat::Organ("governing_council".into()),
        })
    };
    let ok = evidence(Grade::B);
    assert_eq!(
        refusal(run_at(&mut state, t, &with(person("A"), &[], ok.clone()))),
        sanctions::Refusal::NoGrounds
    );
    assert_eq!(
        refusal(run_at(
            &mut state,
            t,
            &with(person("A"), &["C1", "GEOPOLITICAL"], ok.clone())
        )),
        sanctions::Refusal::UnknownGround {
            ground: "GEOPOLITICAL".into(),
            allowed: "C1, C2".into()
        }
    );
    let mut bad = person("A");
    bad.birth_dates = vec!["27.08.1953".into()];
    assert!(matches!(
        refusal(run_at(&mut state, t, &with(bad, &["C1"], ok.clone()))),
        sanctions::Refusal::BadDate { .. }
    ));
    let mut bad = person("A");
    bad.nationalities = vec!["rus".into()];
    assert!(matches!(
        refusal(run_at(&mut state, t, &with(bad, &["C1"], ok.clone()))),
        sanctions::Refusal::BadCountry { .. }
    ));
    let mut bad = person("A");
    bad.identifiers = vec![Identifier {
        kind: IdKind::Imo,
        value: "IMO9321483".into(),
    }];
    assert_eq!(
        refusal(run_at(&mut state, t, &with(bad, &["C1"], ok.clone()))),
        sanctions::Refusal::IdentifierNotForSchema {
            kind: "imo",
            schema: "Person"
        }
    );
    assert_eq!(
        refusal(run_at(
            &mut state,
            t,
            &with(
                person("A"),
                &["C1"],
                Evidence {
                    grade: Grade::A,
                    sources: vec![]
                }
            )
        )),
        sanctions::Refusal::NoSources
    );
    // Nothing was recorded by the refusals; a good proposal is, once.
    assert!(state.sanctions.cases.is_empty());
    run_at(
        &mut state,
        t,
        &with(person("Ann Example"), &["C2", "C1", "C1"], ok.clone()),
    )
    .unwrap();
    assert_eq!(state.sanctions.cases[&1].grounds, vec!["C1", "C2"]);
    assert!(matches!(
        refusal(run_at(
            &mut state,
            t,
            &with(person("ann example"), &["C1"], ok)
        )),
        sanctions::Refusal::AlreadyCase { case: 1, .. }
    ));
}

#[test]
fn a_charter_without_criteria_grounds_no_listing() {
    let mut state = found("community-of-democracies");
    assert_eq!(
        refusal(run_at(
            &mut state,
            at("2026-12-02T09:00:00Z"),
            &cmd(sanctions::Command::ProposeListing {
                target: person("A"),
                grounds: vec!["C1".into()],
                evidence: evidence(Grade::A),
                reasons: "Reasons.".into(),
                sponsor: Seat::State(iso("DNK")),
            }),
        )),
        sanctions::Refusal::NoCriteria
    );
}
