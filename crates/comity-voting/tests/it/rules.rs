use comity_voting::rules::{
    Base, Fraction, Member, Outcome, Procedure, Quorum, RollCall, Rule, TestKind, Vote, tally,
};
use proptest::prelude::*;

use Vote::{Absent as X, Abstain as S, No as N, Yes as Y};

fn roll(votes: &[Vote]) -> RollCall {
    RollCall::from_votes(votes).unwrap()
}

fn f(n: u64, d: u64) -> Fraction {
    Fraction::new(n, d).unwrap()
}

#[test]
fn fractions_parse_exactly() {
    assert_eq!(Fraction::parse("2/3").unwrap(), f(2, 3));
    assert_eq!(Fraction::parse("55%").unwrap(), f(55, 100));
    assert_eq!(Fraction::parse("65.5 %").unwrap(), f(655, 1000));
    for bad in ["", "3/2", "1/0", "x%", "%", "101%", "1/2/3", "-1/2", "5.%"] {
        assert!(Fraction::parse(bad).is_err(), "{bad}");
    }
    assert_eq!(
        Fraction::parse("7").unwrap_err().id(),
        "rule-unreadable-fraction"
    );
}

#[test]
fn table_of_roll_calls() {
    let simple = Procedure::of(Rule::SIMPLE_MAJORITY);
    let two_thirds = |base| {
        Procedure::of(Rule::Majority {
            threshold: f(2, 3),
            strict: false,
            base,
        })
    };
    let strict_half = |base| {
        Procedure::of(Rule::Majority {
            threshold: Fraction::HALF,
            strict: true,
            base,
        })
    };
    let cases: Vec<(&str, Vec<Vote>, Procedure, Outcome)> = vec![
        ("simple majority", vec![Y, Y, N], simple, Outcome::Adopted),
        (
            "simple majority tie fails",
            vec![Y, N, S],
            simple,
            Outcome::Rejected,
        ),
        (
            "abstentions ignored in votes cast",
            vec![Y, S, S, S],
            simple,
            Outcome::Adopted,
        ),
        ("nobody voted", vec![S, X], simple, Outcome::Rejected),
        (
            "casting vote for",
            vec![Y, N],
            Procedure {
                casting_vote: Some(true),
                ..simple
            },
            Outcome::Adopted,
        ),
        (
            "casting vote against",
            vec![Y, N],
            Procedure {
                casting_vote: Some(false),
                ..simple
            },
            Outcome::Rejected,
        ),
        (
            "casting vote unused without tie",
            vec![N, N, Y],
            Procedure {
                casting_vote: Some(true),
                ..simple
            },
            Outcome::Rejected,
        ),
        (
            "majority of present: abstention counts",
            vec![Y, N, S],
            strict_half(Base::Present),
            Outcome::Rejected,
        ),
        (
            "majority of all members: absence counts",
            vec![Y, Y, X, X],
            strict_half(Base::AllMembers),
            Outcome::Rejected,
        ),
        (
            "two thirds exactly reached",
            vec![Y, Y, N],
            two_thirds(Base::VotesCast),
            Outcome::Adopted,
        ),
        (
            "two thirds just missed",
            vec![Y, Y, N, N, Y, N],
            two_thirds(Base::VotesCast),
            Outcome::Rejected,
        ),
        (
            "two thirds of members with absentee",
            vec![Y, Y, X],
            two_thirds(Base::AllMembers),
            Outcome::Adopted,
        ),
        (
            "consensus with abstention",
            vec![Y, S, X],
            Procedure::of(Rule::Consensus),
            Outcome::Adopted,
        ),
        (
            "consensus with objection",
            vec![Y, N, Y],
            Procedure::of(Rule::Consensus),
            Outcome::Rejected,
        ),
        (
            "unanimity tolerating abstention",
            vec![Y, S, Y],
            Procedure::of(Rule::Unanimity {
                abstention_blocks: false,
                absence_blocks: true,
            }),
            Outcome::Adopted,
        ),
        (
            "unanimity with blocking abstention",
            vec![Y, S, Y],
            Procedure::of(Rule::Unanimity {
                abstention_blocks: true,
                absence_blocks: true,
            }),
            Outcome::Rejected,
        ),
        (
            "unanimity of nobody",
            vec![S, S],
            Procedure::of(Rule::Unanimity {
                abstention_blocks: false,
                absence_blocks: false,
            }),
            Outcome::Rejected,
        ),
        (
            "quorum by count met exactly",
            vec![Y, Y, X, X],
            Procedure {
                quorum: Some(Quorum::Members(2)),
                ..simple
            },
            Outcome::Adopted,
        ),
        (
            "quorum by count missed",
            vec![Y, X, X, X],
            Procedure {
                quorum: Some(Quorum::Members(2)),
                ..simple
            },
            Outcome::NoQuorum,
        ),
        (
            "quorum one half met exactly",
            vec![Y, S, X, X],
            Procedure {
                quorum: Some(Quorum::Share(Fraction::HALF)),
                ..simple
            },
            Outcome::Adopted,
        ),
        (
            "quorum two thirds missed",
            vec![Y, S, X, X],
            Procedure {
                quorum: Some(Quorum::Share(f(2, 3))),
                ..simple
            },
            Outcome::NoQuorum,
        ),
    ];
    for (name, votes, procedure, want) in cases {
        let t = tally(&roll(&votes), &procedure);
        assert_eq!(t.outcome, want, "{name}: {t}");
    }
}

#[test]
fn consensus_names_objectors() {
    let t = tally(&roll(&[Y, N, S, N]), &Procedure::of(Rule::Consensus));
    assert_eq!(t.objections, [1, 3]);
    assert_eq!(t.to_string(), "rejected: 2 objection(s)");
}

#[test]
fn weighted_votes_reach_the_quota_at_exactly_the_quota() {
    let members = |votes: [Vote; 3]| {
        RollCall::new(
            votes
                .iter()
                .zip([4u64, 3, 2])
                .map(|(&vote, weight)| Member {
                    vote,
                    weight,
                    population: 0,
                })
                .collect(),
        )
        .unwrap()
    };
    let p = Procedure::of(Rule::Weighted { quota: 6 });
    assert_eq!(tally(&members([Y, N, Y]), &p).outcome, Outcome::Adopted);
    assert_eq!(tally(&members([N, Y, Y]), &p).outcome, Outcome::Rejected);
    assert_eq!(tally(&members([Y, Y, N]), &p).tests[0].achieved, 7);
}

/// 27 members with populations; the first `yes` vote yes, the rest `other`.
fn council(pops: &[u64], yes: &[usize], other: Vote) -> RollCall {
    RollCall::new(
        pops.iter()
            .enumerate()
            .map(|(i, &population)| Member {
                vote: if yes.contains(&i) { Y } else { other },
                weight: 1,
                population,
            })
            .collect(),
    )
    .unwrap()
}

#[test]
fn double_majority_thresholds_and_blocking_minority() {
    let qmv = Procedure::of(Rule::eu_council_qmv());
    // 27 equal states of 10: 15 of 27 = 55.6 % ≥ 55 %, but 55.6 % of the population < 65 %.
    let eq = [10u64; 27];
    let yes: Vec<usize> = (0..15).collect();
    assert_eq!(
        tally(&council(&eq, &yes, N), &qmv).outcome,
        Outcome::Rejected
    );
    // 18 of 27 = 66.7 %: both tests pass.
    let yes: Vec<usize> = (0..18).collect();
    let t = tally(&council(&eq, &yes, N), &qmv);
    assert_eq!(t.outcome, Outcome::Adopted);
    assert_eq!(
        t.to_string(),
        "adopted: 18 of 27 members (66.7 % ≥ 55.0 %) representing 66.7 % of the population (≥ 65.0 %)"
    );
    // Both tests exactly at their thresholds (≥ is inclusive): 2 of 9 members, 13 of 20 people.
    let pops = [7u64, 6, 1, 1, 1, 1, 1, 1, 1];
    let exact = |m: Fraction| {
        Procedure::of(Rule::DoubleMajority {
            members: m,
            min_members: 0,
            population: f(13, 20),
            blocking_minority: None,
        })
    };
    let t = tally(&council(&pops, &[0, 1], N), &exact(f(2, 9)));
    assert_eq!((t.tests[1].achieved, t.tests[1].base), (13, 20));
    assert_eq!(t.outcome, Outcome::Adopted);
    // One person short of 65 %, and one member short of 3/9.
    assert_eq!(
        tally(
            &council(&[7, 5, 1, 1, 1, 1, 1, 1, 1, 1], &[0, 1], N),
            &exact(f(1, 5))
        )
        .outcome,
        Outcome::Rejected
    );
    assert_eq!(
        tally(&council(&pops, &[0, 1], N), &exact(f(3, 9))).outcome,
        Outcome::Rejected
    );
    let r = council(
        &[7, 5, 1, 1, 1, 1, 1, 1, 1, 1],
        &[1, 2, 3, 4, 5, 6, 7, 8],
        N,
    );
    let t = tally(
        &r,
        &Procedure::of(Rule::DoubleMajority {
            members: f(1, 2),
            min_members: 0,
            population: f(13, 20),
            blocking_minority: None,
        }),
    );
    assert_eq!((t.tests[1].achieved, t.tests[1].base), (12, 20));
    assert_eq!(t.outcome, Outcome::Rejected, "12/20 = 60 % < 65 %");
    // Blocking minority: 3 big states against hold 40 % of the population, but 3 < 4.
    let mut pops = [2u64; 27];
    pops[0] = 40;
    pops[1] = 40;
    pops[2] = 40;
    let yes: Vec<usize> = (3..27).collect();
    let r = council(&pops, &yes, N);
    let t = tally(&r, &qmv);
    assert!(!t.tests[1].passed, "population test fails");
    assert!(t.blocking_minority_applied);
    assert_eq!(t.outcome, Outcome::Adopted);
    // The same with a fourth state against blocks; so does abstaining (not-yes counts).
    let yes: Vec<usize> = (4..27).collect();
    assert_eq!(
        tally(&council(&pops, &yes, N), &qmv).outcome,
        Outcome::Rejected
    );
    assert_eq!(
        tally(&council(&pops, &yes, S), &qmv).outcome,
        Outcome::Rejected
    );
    // Fewer than 15 yes members fails even at 55 % when the Council is small.
    let small = [1u64; 20];
    let yes: Vec<usize> = (0..14).collect();
    let t = tally(&council(&small, &yes, N), &qmv);
    assert_eq!(t.tests[0].kind, TestKind::Members);
    assert_eq!(
        t.outcome,
        Outcome::Rejected,
        "14 of 20 = 70 % but fewer than 15"
    );
}

fn vote() -> impl Strategy<Value = Vote> {
    prop_oneof![Just(Y), Just(N), Just(S), Just(X)]
}

fn monotone_rules() -> Vec<Procedure> {
    let mut out = vec![
        Procedure::of(Rule::Consensus),
        Procedure::of(Rule::Unanimity {
            abstention_blocks: true,
            absence_blocks: false,
        }),
        Procedure::of(Rule::eu_council_qmv()),
        Procedure::of(Rule::Weighted { quota: 9 }),
        Procedure {
            quorum: Some(Quorum::Share(Fraction::HALF)),
            ..Procedure::of(Rule::SIMPLE_MAJORITY)
        },
        Procedure {
            casting_vote: Some(false),
            ..Procedure::of(Rule::SIMPLE_MAJORITY)
        },
        Procedure {
            casting_vote: Some(true),
            ..Procedure::of(Rule::SIMPLE_MAJORITY)
        },
    ];
    for base in [Base::VotesCast, Base::Present, Base::AllMembers] {
        for (n, d, strict) in [(1, 2, true), (2, 3, false), (3, 5, false), (1, 2, false)] {
            out.push(Procedure::of(Rule::Majority {
                threshold: f(n, d),
                strict,
                base,
            }));
        }
    }
    out
}

proptest! {
    #[test]
    fn another_yes_never_turns_adopted_into_rejected(
        members in proptest::collection::vec((vote(), 1u64..5, 0u64..1000), 1..30),
        pick in any::<proptest::sample::Index>(),
    ) {
        let r = RollCall::new(members.iter().map(|&(vote, weight, population)| Member { vote, weight, population }).collect()).unwrap();
        let i = pick.index(members.len());
        let more = r.with_vote(i, Y);
        for p in monotone_rules() {
            let before = tally(&r, &p).outcome;
            let after = tally(&more, &p).outcome;
            prop_assert!(!(before == Outcome::Adopted && after != Outcome::Adopted), "{:?}: {:?} -> {:?}", p, before, after);
        }
    }

    #[test]
    fn thresholds_agree_with_exact_rational_comparison(yes in 0u64..1000, extra in 0u64..1000, n in 0u64..50, d in 1u64..50) {
        prop_assume!(n <= d);
        let base = yes + extra;
        let t = f(n, d);
        prop_assert_eq!(t.reached(yes, base, false), yes * d >= n * base);
        prop_assert_eq!(t.reached(yes, base, true), yes * d > n * base);
    }
}
