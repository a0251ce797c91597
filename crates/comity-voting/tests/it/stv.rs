use comity_voting::{
    Decision, Profile, ScottishOptions, StageAction, Votes, meek_stv, scottish_stv,
};

use crate::{letters, names};

fn v(s: &str) -> Votes {
    let (i, f) = s.split_once('.').unwrap();
    Votes::from_units(i.parse::<u128>().unwrap() * 100_000 + f.parse::<u128>().unwrap())
}

#[test]
fn peer_readme_example_elects_alice_and_carol() {
    let p = Profile::parse_json(include_str!("../fixtures/ballots_small.json")).unwrap();
    let r = scottish_stv(&p, ScottishOptions { seats: 2, seed: 1 }).unwrap();
    assert_eq!(names(&p, &r.elected_sorted()), ["Alice", "Carol"]);
    assert_eq!(r.quota, Votes::whole(34));
    assert_eq!(
        names(&p, &meek_stv(&p, 2).unwrap().elected_sorted()),
        ["Alice", "Carol"]
    );
}

#[test]
fn scottish_truncates_transfer_values_to_five_decimals() {
    // N = 10, 2 seats: quota = floor(10/3) + 1 = 4.
    let p = letters(4, 2, &[("ABC", 6), ("CAB", 2), ("BCA", 1), ("DCB", 1)]);
    let r = scottish_stv(&p, ScottishOptions { seats: 2, seed: 7 }).unwrap();
    assert_eq!(r.quota, Votes::whole(4));
    assert_eq!(names(&p, &r.stages[0].elected), ["A"]);
    // Surplus 2 over 6 papers: transfer value floor(2/6, 5 dp) = 0.33333; 6 x 0.33333 = 1.99998.
    let s = &r.stages[1];
    assert!(
        matches!(s.action, StageAction::Surplus { surplus, decision: Decision::Clear, .. } if surplus == Votes::whole(2))
    );
    assert_eq!(s.tallies[1], v("2.99998"));
    assert_eq!(s.tallies[0], Votes::whole(4));
    assert_eq!(s.lost_to_rounding, v("0.00002"));
    // D excluded, then B (2.99998) is below C (3.00000): exact arithmetic decides it.
    assert!(matches!(
        r.stages[2].action,
        StageAction::Exclusion {
            decision: Decision::Clear,
            ..
        }
    ));
    assert_eq!(r.stages[2].tallies[2], Votes::whole(3));
    assert!(
        matches!(r.stages[3].action, StageAction::Exclusion { candidate, .. } if candidate.index() == 1)
    );
    assert_eq!(names(&p, &r.elected), ["A", "C"]);
    assert!(!r.used_lot());
}

#[test]
fn scottish_breaks_exclusion_ties_by_history_then_lot() {
    // B and C both have 3 after D's exclusion, but B had fewer at stage 1: B goes.
    let p = letters(4, 1, &[("AC", 4), ("BA", 2), ("CA", 3), ("DB", 1)]);
    let r = scottish_stv(&p, ScottishOptions { seats: 1, seed: 3 }).unwrap();
    let excl: Vec<(usize, Decision)> = r
        .stages
        .iter()
        .filter_map(|s| match s.action {
            StageAction::Exclusion {
                candidate,
                decision,
            } => Some((candidate.index(), decision)),
            _ => None,
        })
        .collect();
    assert_eq!(excl[0], (3, Decision::Clear));
    assert_eq!(excl[1], (1, Decision::History));
    assert_eq!(names(&p, &r.elected), ["A"]);
    // A perfect tie from the start goes by lot, reproducibly from the seed.
    let tie = letters(2, 1, &[("A", 1), ("B", 1)]);
    let a = scottish_stv(&tie, ScottishOptions { seats: 1, seed: 11 }).unwrap();
    let b = scottish_stv(&tie, ScottishOptions { seats: 1, seed: 11 }).unwrap();
    assert_eq!(a, b);
    assert!(a.used_lot());
    let winners: std::collections::BTreeSet<_> = (0..32)
        .map(|seed| {
            scottish_stv(&tie, ScottishOptions { seats: 1, seed })
                .unwrap()
                .elected[0]
        })
        .collect();
    assert_eq!(winners.len(), 2, "both outcomes occur over seeds");
}

#[test]
fn zero_seats_is_an_error() {
    let p = letters(2, 1, &[("AB", 1)]);
    assert_eq!(
        scottish_stv(&p, ScottishOptions { seats: 0, seed: 0 })
            .unwrap_err()
            .id(),
        "tally-no-seats"
    );
    assert!(meek_stv(&p, 0).is_err());
}

#[test]
fn meek_elects_with_shrinking_keep_factor() {
    // Quota with 2 seats = 9/3 = 3; A has 6: keep 1/2, B gets 3 from A's voters.
    let p = letters(3, 2, &[("AB", 6), ("C", 2), ("BC", 1)]);
    let r = meek_stv(&p, 2).unwrap();
    assert_eq!(names(&p, &r.elected), ["A", "B"]);
    let last = r.rounds.last().unwrap();
    assert!((last.keep[0] - 0.5).abs() < 1e-6);
}
