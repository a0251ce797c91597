use comity_voting::{
    ApprovalProfile, MarginMatrix, Profile, approval, borda, borda_scores, copeland, irv, minimax,
    plurality, ranked_pairs, schulze,
};

use crate::{letters, names};

#[test]
fn peer_readme_example() {
    let p = Profile::parse_json(include_str!("../fixtures/ballots_small.json")).unwrap();
    assert_eq!(names(&p, &plurality(&p)), ["Alice"]);
    assert_eq!(names(&p, &irv(&p).winners), ["Carol"]);
    for f in [borda, schulze, copeland, ranked_pairs, minimax] {
        assert_eq!(names(&p, &f(&p)), ["Bob"]);
    }
}

/// (ballots, m, plurality, borda, irv, schulze, copeland, ranked pairs, minimax)
type Case = (
    &'static [(&'static str, u64)],
    usize,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

#[test]
fn table_of_small_elections() {
    let cases: &[Case] = &[
        // Condorcet cycle A>B>C>A with equal margins: everyone ties everywhere.
        (
            &[("ABC", 1), ("BCA", 1), ("CAB", 1)],
            3,
            "ABC",
            "ABC",
            "ABC",
            "ABC",
            "ABC",
            "ABC",
            "ABC",
        ),
        // Two voters, opposite: all tied.
        (
            &[("AB", 1), ("BA", 1)],
            2,
            "AB",
            "AB",
            "AB",
            "AB",
            "AB",
            "AB",
            "AB",
        ),
        // Cycle with unequal margins: A>B 7-2 (5), B>C 6-3 (3), C>A 5-4 (1).
        (
            &[("ABC", 4), ("BCA", 2), ("CAB", 3)],
            3,
            "A",
            "A",
            "C",
            "A",
            "ABC",
            "A",
            "A",
        ),
        // Majority winner in round one.
        (
            &[("ABC", 3), ("BCA", 1), ("CBA", 1)],
            3,
            "A",
            "AB",
            "A",
            "A",
            "A",
            "A",
            "A",
        ),
        // IRV: B and C tie for last (2 each): both out at once, A wins with all votes.
        (
            &[("ABC", 3), ("BAC", 2), ("CAB", 2)],
            3,
            "A",
            "A",
            "A",
            "A",
            "A",
            "A",
            "A",
        ),
        // IRV with zero-vote candidate D, then C, then majority for B.
        (
            &[("ABCD", 4), ("BCAD", 3), ("CBAD", 2)],
            4,
            "A",
            "B",
            "B",
            "B",
            "B",
            "B",
            "B",
        ),
    ];
    for &(ballots, m, pl, bo, ir, sc, co, rp, mm) in cases {
        let p = letters(m, 1, ballots);
        let s = |ids: &[comity_voting::CandidateId]| names(&p, ids).concat();
        assert_eq!(s(&plurality(&p)), pl, "plurality {ballots:?}");
        assert_eq!(s(&borda(&p)), bo, "borda {ballots:?}");
        assert_eq!(s(&irv(&p).winners), ir, "irv {ballots:?}");
        assert_eq!(s(&schulze(&p)), sc, "schulze {ballots:?}");
        assert_eq!(s(&copeland(&p)), co, "copeland {ballots:?}");
        assert_eq!(s(&ranked_pairs(&p)), rp, "ranked pairs {ballots:?}");
        assert_eq!(s(&minimax(&p)), mm, "minimax {ballots:?}");
    }
}

#[test]
fn irv_records_rounds_and_simultaneous_eliminations() {
    let p = letters(4, 1, &[("ABCD", 4), ("BCAD", 3), ("CBAD", 2)]);
    let r = irv(&p);
    assert_eq!(r.majority, 5);
    assert_eq!(r.rounds.len(), 3);
    assert_eq!(r.rounds[0].tallies, [Some(4), Some(3), Some(2), Some(0)]);
    assert_eq!(names(&p, &r.rounds[0].eliminated), ["D"]);
    assert_eq!(names(&p, &r.rounds[1].eliminated), ["C"]);
    assert_eq!(r.rounds[2].tallies, [Some(4), Some(5), None, None]);
}

#[test]
fn truncated_ballots_use_extended_strict_preference() {
    // "A" alone ranks A over B, C; B and C tie on that ballot.
    let p = letters(3, 1, &[("A", 2), ("BC", 1), ("CB", 1)]);
    assert!(p.is_truncated());
    let mm = MarginMatrix::of(&p);
    assert_eq!(mm.rows(), [[0, 0, 0], [0, 0, 0], [0, 0, 0]]);
    // Symmetric Borda, per ballot #below - #above: "A" gives A +2, B -1, C -1;
    // "BC" gives B +2, C 0, A -2; "CB" gives C +2, B 0, A -2.
    assert_eq!(borda_scores(&p), [0, 0, 0]);
    let r = irv(&p);
    // Round 1: A 2, B 1, C 1 -> B and C out together; A wins.
    assert_eq!(names(&p, &r.winners), ["A"]);
}

#[test]
fn approval_counts_and_ties() {
    let a = ApprovalProfile::new(
        vec!["X".into(), "Y".into(), "Z".into()],
        vec![(vec![0, 1], 2), (vec![1], 1), (vec![], 4)],
    )
    .unwrap();
    assert_eq!(a.scores(), [2, 3, 0]);
    assert_eq!(
        approval(&a).iter().map(|c| c.index()).collect::<Vec<_>>(),
        [1]
    );
    assert!(ApprovalProfile::new(vec!["X".into()], vec![(vec![0, 0], 1)]).is_err());
    assert!(ApprovalProfile::new(vec!["X".into()], vec![(vec![1], 1)]).is_err());
}
