//! Voting power against brute force (every coalition) on small games, exact to the last
//! unit; closed forms on 193- and 255-member bodies; the double-majority table against
//! meet in the middle above 34 members.

use comity_voting::bignum::{Nat, U256};
use comity_voting::power::PowerError;
use comity_voting::power_double::double_majority;
use comity_voting::power_double_wide::{
    DoubleMajorityMethod, MITM_MAX_PLAYERS, double_majority_wide, double_majority_wide_within,
};
use comity_voting::power_wide::{
    banzhaf_wide, banzhaf_wide_within, shapley_shubik_wide, shapley_shubik_wide_within,
};
use comity_voting::rules::Fraction;
use proptest::prelude::*;

fn fact(k: usize) -> u128 {
    (1..=k as u128).product()
}

/// Swings and Shapley–Shubik numerators (over n!) of a simple game given by `wins`.
fn brute(n: usize, wins: impl Fn(u32) -> bool) -> (Vec<u128>, Vec<u128>) {
    let mut sw = vec![0u128; n];
    let mut ss = vec![0u128; n];
    for mask in 0u32..1 << n {
        if wins(mask) {
            continue;
        }
        let k = mask.count_ones() as usize;
        for i in 0..n {
            if mask >> i & 1 == 0 && wins(mask | 1 << i) {
                sw[i] += 1;
                ss[i] += fact(k) * fact(n - k - 1);
            }
        }
    }
    (sw, ss)
}

fn weighted_brute(w: &[u64], q: u64) -> (Vec<u128>, Vec<u128>) {
    brute(w.len(), |mask| {
        (0..w.len())
            .filter(|&j| mask >> j & 1 == 1)
            .map(|j| w[j])
            .sum::<u64>()
            >= q
    })
}

fn double_brute(pop: &[u64], s: Fraction, p: Fraction, b: Option<u64>) -> (Vec<u128>, Vec<u128>) {
    let n = pop.len() as u128;
    let total: u128 = pop.iter().map(|&x| u128::from(x)).sum();
    brute(pop.len(), |mask| {
        let k = u128::from(mask.count_ones());
        let x: u128 = (0..pop.len())
            .filter(|&j| mask >> j & 1 == 1)
            .map(|j| u128::from(pop[j]))
            .sum();
        let shares = k * u128::from(s.den()) >= n * u128::from(s.num())
            && x * u128::from(p.den()) >= total * u128::from(p.num());
        shares || b.is_some_and(|b| n - k < u128::from(b))
    })
}

fn u128s(v: &[U256]) -> Vec<u128> {
    v.iter().map(|x| x.to_u128().unwrap()).collect()
}

fn nats(v: &[u128]) -> Vec<Nat> {
    v.iter().map(|&x| Nat::from_u128(x)).collect()
}

fn sum(v: &[Nat]) -> Nat {
    v.iter().fold(Nat::zero(), |mut a, x| {
        a.add_assign(x);
        a
    })
}

fn frac() -> impl Strategy<Value = Fraction> {
    (1u64..=20)
        .prop_flat_map(|den| (0..=den, Just(den)).prop_map(|(n, d)| Fraction::new(n, d).unwrap()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn weighted_games_match_brute_force(
        weights in proptest::collection::vec(0u64..25, 1..=10),
        pick in any::<proptest::sample::Index>(),
    ) {
        let total: u64 = weights.iter().sum();
        prop_assume!(total > 0);
        let q = 1 + pick.index(total as usize) as u64;
        let (sw, ss) = weighted_brute(&weights, q);
        let b = banzhaf_wide(&weights, q).unwrap();
        prop_assert_eq!(u128s(&b.swings), sw.clone());
        let s = shapley_shubik_wide(&weights, q).unwrap();
        prop_assert_eq!(&s.den, &Nat::factorial(weights.len() as u64));
        prop_assert_eq!(&s.num, &nats(&ss));
        // Exactly one pivot in every order of the players.
        prop_assert_eq!(sum(&s.num), s.den.clone());
        let all: u128 = sw.iter().sum();
        for (i, &x) in sw.iter().enumerate() {
            prop_assert_eq!(b.normalised[i], if all == 0 { 0.0 } else { x as f64 / all as f64 });
            prop_assert_eq!(b.absolute[i], x as f64 / (1u128 << (weights.len() - 1)) as f64);
            prop_assert_eq!(s.values[i], ss[i] as f64 / fact(weights.len()) as f64);
        }
    }

    #[test]
    fn double_majorities_match_brute_force_by_both_methods(
        pop in proptest::collection::vec(0u64..40, 1..=10),
        unit in prop_oneof![Just(1u64), Just(7), Just(1_000_000)],
        s in frac(),
        p in frac(),
        clause in proptest::option::of(0u64..=11),
    ) {
        let pop: Vec<u64> = pop.iter().map(|&x| x * unit).collect();
        let (sw, ss) = double_brute(&pop, s, p, clause);
        let table = double_majority_wide(&pop, s, p, clause).unwrap();
        let by_table = matches!(table.method, DoubleMajorityMethod::Table { .. });
        prop_assert!(by_table);
        prop_assert_eq!(u128s(&table.swings), sw.clone());
        prop_assert_eq!(&table.shapley_shubik.num, &nats(&ss));
        let mitm = double_majority_wide_within(&pop, s, p, clause, 0).unwrap();
        prop_assert_eq!(&mitm.swings, &table.swings);
        prop_assert_eq!(&mitm.shapley_shubik, &table.shapley_shubik);
        let narrow = double_majority(&pop, s, p, clause).unwrap();
        prop_assert_eq!(narrow.swings, sw);
        prop_assert_eq!(narrow.shapley_shubik.iter().map(|x| x.num).collect::<Vec<_>>(), ss);
    }
}

/// One player of weight 96 and 192 of weight 1, quota 193 (of 288): the big player swings
/// for 97 to 192 small ones, a small one only with the big player and 96 others; the big
/// player is pivotal in 96 of the 193 positions.
#[test]
fn a_193_member_body_has_its_closed_form() {
    let mut w = vec![1u64; 193];
    w[7] = 96;
    let b = banzhaf_wide(&w, 193).unwrap();
    let c192 = binomial_row(192);
    let big = c192[97..=192].iter().fold(Nat::zero(), |mut a, x| {
        a.add_assign(x);
        a
    });
    assert_eq!(b.swings[7].to_nat(), big);
    assert_eq!(b.swings[0].to_nat(), binomial_row(191)[96]);
    let s = shapley_shubik_wide(&w, 193).unwrap();
    assert_eq!(s.num[7], Nat::factorial(192).mul_u64(96));
    assert_eq!(s.num[0], Nat::factorial(191).mul_u64(97));
    assert_eq!(s.values[7], 96.0 / 193.0);
    assert_eq!(sum(&s.num), s.den);
}

/// 255 equal members, majority 128: every count needs four 64-bit limbs.
#[test]
fn a_255_member_body_is_exact() {
    let w = vec![3u64; 255];
    let b = banzhaf_wide(&w, 3 * 128).unwrap();
    assert!(
        b.swings
            .iter()
            .all(|x| x.to_nat() == binomial_row(254)[127])
    );
    let s = shapley_shubik_wide(&w, 3 * 128).unwrap();
    assert!(s.num.iter().all(|x| *x == Nat::factorial(254)));
    assert_eq!(s.values[0], 1.0 / 255.0);
    assert_eq!(
        banzhaf_wide(&[1; 256], 3).unwrap_err(),
        PowerError::TooManyPlayers(256)
    );
}

/// A 193-member body of uneven weights: every order has exactly one pivot, and equal
/// weights have equal power.
#[test]
fn a_193_member_body_sums_to_one_exactly() {
    let mut x = 12_345u64;
    let w: Vec<u64> = (0..193)
        .map(|_| {
            x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            1 + (x >> 33) % 60
        })
        .collect();
    let total: u64 = w.iter().sum();
    for q in [total / 2 + 1, (total * 2).div_ceil(3)] {
        let s = shapley_shubik_wide(&w, q).unwrap();
        assert_eq!(sum(&s.num), s.den);
        let b = banzhaf_wide(&w, q).unwrap();
        for i in 0..193 {
            for j in 0..193 {
                if w[i] == w[j] {
                    assert_eq!(s.num[i], s.num[j]);
                    assert_eq!(b.swings[i], b.swings[j]);
                }
                if w[i] < w[j] {
                    assert!(s.num[i] <= s.num[j] && b.swings[i] <= b.swings[j]);
                }
            }
        }
    }
    let Err(e) = shapley_shubik_wide_within(&w, total / 2 + 1, 1 << 10) else {
        panic!("the table passed a limit of 1 KiB");
    };
    assert_eq!(e.id(), "power-table-too-large");
    assert!(banzhaf_wide_within(&w, total / 2 + 1, 1 << 10).is_err());
}

/// Above 34 members: the table by (members, population) and meet in the middle agree.
#[test]
fn double_majority_above_34_members_by_both_methods() {
    let pop: Vec<u64> = (0..35u64).map(|i| (1 + (i * 7919) % 97) * 1000).collect();
    let (s, p) = (
        Fraction::new(55, 100).unwrap(),
        Fraction::new(65, 100).unwrap(),
    );
    let table = double_majority_wide(&pop, s, p, Some(4)).unwrap();
    assert!(matches!(
        table.method,
        DoubleMajorityMethod::Table { unit: 1000, .. }
    ));
    let mitm = double_majority_wide_within(&pop, s, p, Some(4), 0).unwrap();
    assert_eq!(mitm.method, DoubleMajorityMethod::MeetInTheMiddle);
    assert_eq!(mitm.swings, table.swings);
    assert_eq!(mitm.shapley_shubik, table.shapley_shubik);
    assert_eq!(sum(&table.shapley_shubik.num), table.shapley_shubik.den);
    assert!(double_majority(&pop, s, p, Some(4)).is_err());
}

/// 193 members with populations in whole millions: the table; with exact populations:
/// refused with the reason.
#[test]
fn double_majority_of_193_members() {
    let mut x = 99u64;
    let millions: Vec<u64> = (0..193)
        .map(|_| {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1442695040888963407);
            1 + (x >> 40) % 90
        })
        .collect();
    let pop: Vec<u64> = millions.iter().map(|m| m * 1_000_000).collect();
    let (s, p) = (
        Fraction::new(55, 100).unwrap(),
        Fraction::new(65, 100).unwrap(),
    );
    let r = double_majority_wide(&pop, s, p, Some(4)).unwrap();
    assert!(matches!(
        r.method,
        DoubleMajorityMethod::Table {
            unit: 1_000_000,
            ..
        }
    ));
    assert_eq!(sum(&r.shapley_shubik.num), r.shapley_shubik.den);
    for i in 0..193 {
        for j in 0..193 {
            if millions[i] < millions[j] {
                assert!(r.swings[i] <= r.swings[j]);
            }
        }
    }
    let exact: Vec<u64> = pop.iter().zip(0..).map(|(p, i)| p + i * 13 + 1).collect();
    let e = double_majority_wide(&exact, s, p, Some(4)).unwrap_err();
    assert_eq!(e.id(), "power-double-majority-too-large");
    let text = e.to_string();
    assert!(
        text.contains("193 members")
            && text.contains(&format!("limited to {MITM_MAX_PLAYERS} members")),
        "{text}"
    );
}

/// C(n, k) for k = 0..=n.
fn binomial_row(n: usize) -> Vec<Nat> {
    let mut row = vec![Nat::from_u64(1)];
    for m in 1..=n {
        let mut next = vec![Nat::from_u64(1)];
        for k in 1..m {
            let mut c = row[k - 1].clone();
            c.add_assign(&row[k]);
            next.push(c);
        }
        next.push(Nat::from_u64(1));
        row = next;
    }
    row
}
