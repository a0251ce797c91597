//! Agreement between states and the cohesion of a group, over the roll calls a filter
//! selects.

use std::collections::BTreeMap;

use crate::data::{Issues, RollCalls, Vote, Votes};

/// Which roll calls count: years inclusive on the roll call's date, and one issue.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub from: Option<i32>,
    pub to: Option<i32>,
    /// One of the issue bits of [`Issues::bit`].
    pub issue: Option<u8>,
}

/// The roll calls `filter` selects, as a bitset over their positions.
pub fn selection(roll_calls: &RollCalls, issues: &Issues, filter: &Filter) -> Vec<u64> {
    let mut mask = vec![0u64; roll_calls.len().div_ceil(64)];
    for (i, r) in roll_calls.list.iter().enumerate() {
        let in_years =
            filter.from.is_none_or(|y| r.year >= y) && filter.to.is_none_or(|y| r.year <= y);
        let on_issue = filter
            .issue
            .is_none_or(|bit| issues.of.get(i).is_some_and(|b| b & bit != 0));
        if in_years && on_issue {
            mask[i / 64] |= 1 << (i % 64);
        }
    }
    mask
}

/// One ordered pair's agreement: the roll calls both voted in, and in how many alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Agreement {
    pub same: u32,
    pub roll_calls: u32,
}

impl Agreement {
    /// `same / roll_calls`, or `None` when the two never both voted.
    pub fn value(&self) -> Option<f64> {
        (self.roll_calls > 0).then(|| f64::from(self.same) / f64::from(self.roll_calls))
    }
}

/// The agreement of every ordered pair of `states` (positions in [`Votes::states`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matrix {
    pub states: Vec<usize>,
    /// Row-major, `states.len()` squared.
    pub cells: Vec<Agreement>,
}

impl Matrix {
    pub fn get(&self, a: usize, b: usize) -> Agreement {
        self.cells[a * self.states.len() + b]
    }
}

/// The agreement matrix of `states` over the roll calls `mask` selects: per state, its
/// yes, no and abstain bitsets masked once; per pair, four AND-and-popcount passes.
pub fn agreement(votes: &Votes, mask: &[u64], states: &[usize]) -> Matrix {
    let masked = |sets: &Vec<Vec<u64>>, s: usize| -> Vec<u64> {
        sets[s].iter().zip(mask).map(|(a, m)| a & m).collect()
    };
    let per: Vec<[Vec<u64>; 4]> = states
        .iter()
        .map(|&s| {
            let (y, n, a) = (
                masked(&votes.yes, s),
                masked(&votes.no, s),
                masked(&votes.abstain, s),
            );
            let any = y
                .iter()
                .zip(&n)
                .zip(&a)
                .map(|((y, n), a)| y | n | a)
                .collect();
            [y, n, a, any]
        })
        .collect();
    let k = states.len();
    let mut cells = vec![Agreement::default(); k * k];
    for i in 0..k {
        for j in i..k {
            let (p, q) = (&per[i], &per[j]);
            let mut same = 0u32;
            let mut both = 0u32;
            for w in 0..votes.words {
                same +=
                    ((p[0][w] & q[0][w]) | (p[1][w] & q[1][w]) | (p[2][w] & q[2][w])).count_ones();
                both += (p[3][w] & q[3][w]).count_ones();
            }
            let cell = Agreement {
                same,
                roll_calls: both,
            };
            cells[i * k + j] = cell;
            cells[j * k + i] = cell;
        }
    }
    Matrix {
        states: states.to_vec(),
        cells,
    }
}

/// The Hix–Noury–Roland cohesion of `group` (positions in [`Votes::states`]) per session,
/// over the roll calls `mask` selects in which at least one member voted.
pub fn cohesion(
    votes: &Votes,
    roll_calls: &RollCalls,
    mask: &[u64],
    group: &[usize],
) -> BTreeMap<u32, f64> {
    let mut sums: BTreeMap<u32, (f64, u32)> = BTreeMap::new();
    for (i, r) in roll_calls.list.iter().enumerate() {
        if mask[i / 64] & (1 << (i % 64)) == 0 {
            continue;
        }
        let (mut y, mut n, mut a) = (0u32, 0u32, 0u32);
        for &s in group {
            match votes.vote(s, i) {
                Some(Vote::Yes) => y += 1,
                Some(Vote::No) => n += 1,
                Some(Vote::Abstain) => a += 1,
                None => {}
            }
        }
        let total = y + n + a;
        if total == 0 {
            continue;
        }
        let max = y.max(n).max(a);
        let index = (f64::from(max) - 0.5 * f64::from(total - max)) / f64::from(total);
        let e = sums.entry(r.session).or_insert((0.0, 0));
        e.0 += index;
        e.1 += 1;
    }
    sums.into_iter()
        .map(|(session, (sum, n))| (session, sum / f64::from(n)))
        .collect()
}

/// Each member's agreement with the caucus's majority per session: in each roll call `mask`
/// selects, the majority is the vote (yes, no or abstain) most of the `group`'s voting members
/// cast, where one vote has more than any other (a tie has no majority and is not counted); a
/// member that voted agrees when it voted as the majority. Per session and member: (votes
/// that agreed, votes counted), the member's own vote included in the majority it is compared
/// with.
pub fn with_majority(
    votes: &Votes,
    roll_calls: &RollCalls,
    mask: &[u64],
    group: &[usize],
) -> BTreeMap<u32, Vec<Agreement>> {
    let mut out: BTreeMap<u32, Vec<Agreement>> = BTreeMap::new();
    let mut cast: Vec<Option<Vote>> = vec![None; group.len()];
    for (i, r) in roll_calls.list.iter().enumerate() {
        if mask[i / 64] & (1 << (i % 64)) == 0 {
            continue;
        }
        let mut counts = [0u32; 3];
        for (k, &s) in group.iter().enumerate() {
            cast[k] = votes.vote(s, i);
            if let Some(v) = cast[k] {
                counts[v as usize] += 1;
            }
        }
        let max = counts.iter().copied().max().unwrap_or(0);
        if max == 0 || counts.iter().filter(|&&c| c == max).count() > 1 {
            continue;
        }
        let Some(majority) = [Vote::Yes, Vote::No, Vote::Abstain]
            .into_iter()
            .find(|v| counts[*v as usize] == max)
        else {
            continue;
        };
        let row = out
            .entry(r.session)
            .or_insert_with(|| vec![Agreement::default(); group.len()]);
        for (k, v) in cast.iter().enumerate() {
            if let Some(v) = v {
                row[k].roll_calls += 1;
                if *v == majority {
                    row[k].same += 1;
                }
            }
        }
    }
    out
}

/// One state's agreement with a group's majority over time.
#[derive(Debug, Clone, PartialEq)]
pub struct Drift {
    /// The state's code.
    pub code: String,
    /// Session → agreement with the majority (votes that agreed, votes counted).
    pub by_session: BTreeMap<u32, Agreement>,
    /// Agreement over the last sessions counted.
    pub recent: Option<f64>,
    /// Least-squares trend of the per-session agreement over those sessions, per session: a
    /// negative one is a state drifting away.
    pub slope: Option<f64>,
}

impl Drift {
    /// Session → agreement, where the state voted.
    pub fn series(&self) -> BTreeMap<u32, f64> {
        self.by_session
            .iter()
            .filter_map(|(s, a)| a.value().map(|v| (*s, v)))
            .collect()
    }
}

/// Each state of `group`'s agreement with the group's majority ([`with_majority`]) per
/// session, and its trend over the `last` sessions counted.
pub fn drift(
    votes: &Votes,
    roll_calls: &RollCalls,
    mask: &[u64],
    group: &[usize],
    last: usize,
) -> Vec<Drift> {
    let by = with_majority(votes, roll_calls, mask, group);
    let recent: Vec<u32> = by.keys().rev().take(last).copied().collect();
    group
        .iter()
        .enumerate()
        .map(|(k, &s)| {
            let by_session: BTreeMap<u32, Agreement> = by
                .iter()
                .filter(|(_, row)| row[k].roll_calls > 0)
                .map(|(session, row)| (*session, row[k]))
                .collect();
            let (mut points, mut same, mut counted) = (Vec::new(), 0u32, 0u32);
            for session in &recent {
                if let Some(a) = by_session.get(session) {
                    same += a.same;
                    counted += a.roll_calls;
                    points.extend(a.value().map(|v| (f64::from(*session), v)));
                }
            }
            Drift {
                code: votes.states[s].clone(),
                by_session,
                recent: (counted > 0).then(|| f64::from(same) / f64::from(counted)),
                slope: slope(&points),
            }
        })
        .collect()
}

/// The least-squares slope of `points` (x, y): how much y changes per unit of x; none with
/// fewer than two distinct x.
pub fn slope(points: &[(f64, f64)]) -> Option<f64> {
    let n = points.len() as f64;
    if points.len() < 2 {
        return None;
    }
    let mx = points.iter().map(|p| p.0).sum::<f64>() / n;
    let my = points.iter().map(|p| p.1).sum::<f64>() / n;
    let sxx: f64 = points.iter().map(|p| (p.0 - mx) * (p.0 - mx)).sum();
    let sxy: f64 = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    (sxx > 0.0).then(|| sxy / sxx)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> (RollCalls, Issues, Votes) {
        let rc = RollCalls::parse(
            "rc",
            b"rcid,session,date\n1,10,1990-01-01\n2,10,1990-06-01\n3,11,1991-01-01\n4,11,1991-02-01\n",
        )
        .unwrap();
        let issues = Issues::parse("i", b"rcid,short_name\n1,hr\n3,hr\n3,nu\n", &rc).unwrap();
        let votes = Votes::parse(
            "v",
            b"rcid,iso3,vote\n1,AAA,yes\n1,BBB,yes\n1,CCC,no\n2,AAA,no\n2,BBB,yes\n\
              3,AAA,abstain\n3,BBB,abstain\n3,CCC,abstain\n4,CCC,yes\n",
            &rc,
            &|_| true,
        )
        .unwrap();
        (rc, issues, votes)
    }

    #[test]
    fn agreement_counts_only_roll_calls_both_voted_in() {
        let (rc, issues, votes) = data();
        let all = selection(&rc, &issues, &Filter::default());
        let m = agreement(&votes, &all, &[0, 1, 2]);
        // AAA and BBB: both voted in 1, 2, 3; alike in 1 and 3.
        assert_eq!(
            m.get(0, 1),
            Agreement {
                same: 2,
                roll_calls: 3
            }
        );
        assert_eq!(m.get(1, 0), m.get(0, 1));
        // AAA and CCC: both in 1 and 3; alike in 3 only.
        assert_eq!(m.get(0, 2).value(), Some(0.5));
        assert_eq!(
            m.get(2, 2),
            Agreement {
                same: 3,
                roll_calls: 3
            }
        );
        let hr = Filter {
            issue: Issues::bit("hr"),
            ..Filter::default()
        };
        let m = agreement(&votes, &selection(&rc, &issues, &hr), &[0, 1]);
        assert_eq!(
            m.get(0, 1),
            Agreement {
                same: 2,
                roll_calls: 2
            }
        );
        let y1991 = Filter {
            from: Some(1991),
            ..Filter::default()
        };
        let m = agreement(&votes, &selection(&rc, &issues, &y1991), &[0, 2]);
        assert_eq!(
            m.get(0, 2),
            Agreement {
                same: 1,
                roll_calls: 1
            }
        );
        let none = Filter {
            to: Some(1989),
            ..Filter::default()
        };
        let m = agreement(&votes, &selection(&rc, &issues, &none), &[0, 1]);
        assert_eq!(m.get(0, 1).value(), None);
    }

    #[test]
    fn cohesion_is_the_hix_noury_roland_index_averaged_per_session() {
        let (rc, issues, votes) = data();
        let all = selection(&rc, &issues, &Filter::default());
        let c = cohesion(&votes, &rc, &all, &[0, 1, 2]);
        // Session 10: roll call 1 (2 yes, 1 no): (2 - 0.5)/3 = 0.5; roll call 2 (1, 1):
        // (1 - 0.5)/2 = 0.25; mean 0.375. Session 11: roll call 3 all abstain = 1; roll
        // call 4, one vote = 1; mean 1.
        assert!((c[&10] - 0.375).abs() < 1e-12, "{c:?}");
        assert!((c[&11] - 1.0).abs() < 1e-12);
        // A group that never voted in a session has no figure for it.
        let c = cohesion(&votes, &rc, &all, &[2]);
        assert_eq!(c.keys().copied().collect::<Vec<_>>(), vec![10, 11]);
        let c = cohesion(&votes, &rc, &all, &[]);
        assert!(c.is_empty());
    }
    #[test]
    fn agreement_with_the_majority_skips_ties_and_counts_each_voter() {
        let (rc, issues, votes) = data();
        let all = selection(&rc, &issues, &Filter::default());
        let by = with_majority(&votes, &rc, &all, &[0, 1, 2]);
        // Session 10: rc 1 majority yes (AAA, BBB agree, CCC not); rc 2 is a tie (no, yes).
        let s10 = &by[&10];
        assert_eq!((s10[0].same, s10[0].roll_calls), (1, 1));
        assert_eq!((s10[2].same, s10[2].roll_calls), (0, 1));
        // Session 11: rc 3 all abstain; rc 4 only CCC voted (its own majority).
        let s11 = &by[&11];
        assert_eq!((s11[0].same, s11[0].roll_calls), (1, 1));
        assert_eq!((s11[2].same, s11[2].roll_calls), (2, 2));
        assert_eq!(slope(&[(1.0, 1.0), (2.0, 0.5), (3.0, 0.0)]), Some(-0.5));
        assert_eq!(slope(&[(1.0, 1.0)]), None);
        assert_eq!(slope(&[(1.0, 1.0), (1.0, 0.0)]), None);
    }
}
