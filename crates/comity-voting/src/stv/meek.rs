//! Meek STV (Hill, Wichmann & Woodall, "Algorithm 123", *Computer Journal* 30(3), 1987).
//!
//! Every candidate has a keep factor: 1 while hopeful, 0 once excluded, and for an elected
//! candidate the share of each vote reaching them that they keep, the rest passing on. Each
//! ballot flows down its ranking: a candidate keeps `keep × remaining`, the rest moves on;
//! what is left after the last ranked candidate is *excess*. The quota is
//! (votes − excess) / (seats + 1) and is recomputed every iteration; elected candidates'
//! keep factors are rescaled by quota/total until totals settle at the quota.
//!
//! This is the one float (f64) computation in the crate, because Meek's fixed point is only
//! reached in the limit. To agree with pref-voting 1.18.2 it uses the same tolerances:
//! keep factors converge when no update moves one by more than 1e-10 and every elected total
//! is within 1e-9 of the quota (at most 2000 iterations); a hopeful candidate is elected at
//! total ≥ quota − 1e-10; equal lowest totals (within 1e-12) exclude the candidate with the
//! highest id. Algorithm 123 itself uses 9-decimal fixed point and a quota raised by 1e-9;
//! results can differ from it only in near-ties of that size.

use serde::Serialize;

use crate::error::TallyError;
use crate::profile::{CandidateId, Profile};

const TOL: f64 = 1e-10;
const EPS: f64 = 1e-12;
const MAX_ITER: usize = 2000;

/// One round of a Meek count: the state after keep factors converged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeekRound {
    /// Every candidate's total.
    pub tallies: Vec<f64>,
    /// Keep factors (1 hopeful, 0 excluded, in (0, 1] elected).
    pub keep: Vec<f64>,
    /// The quota this round.
    pub quota: f64,
    /// Votes that passed every ranked candidate.
    pub excess: f64,
    /// Candidates elected at the end of this round.
    pub elected: Vec<CandidateId>,
    /// Candidate excluded at the end of this round, if any.
    pub excluded: Option<CandidateId>,
}

/// The outcome of a Meek count.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeekResult {
    /// Elected candidates in order of election.
    pub elected: Vec<CandidateId>,
    /// The rounds.
    pub rounds: Vec<MeekRound>,
}

impl MeekResult {
    /// The elected set sorted by id.
    pub fn elected_sorted(&self) -> Vec<CandidateId> {
        let mut e = self.elected.clone();
        e.sort_unstable();
        e
    }
}

fn flow(profile: &Profile, keep: &[f64], active: &[bool]) -> (Vec<f64>, f64) {
    let mut t = vec![0.0; keep.len()];
    let mut excess = 0.0;
    for b in profile.ballots() {
        let count = b.count() as f64;
        let mut remaining = 1.0;
        for c in b.ranking() {
            let i = c.index();
            if !active[i] {
                continue;
            }
            t[i] += keep[i] * remaining * count;
            remaining *= 1.0 - keep[i];
            if remaining <= EPS {
                break;
            }
        }
        excess += remaining * count;
    }
    (t, excess)
}

fn quota_of(total: f64, excess: f64, seats: usize) -> f64 {
    let usable = total - excess;
    if usable > EPS {
        usable / (seats as f64 + 1.0)
    } else {
        0.0
    }
}

/// Counts `profile` by Meek STV for `seats` seats (see the module docs).
pub fn meek_stv(profile: &Profile, seats: u32) -> Result<MeekResult, TallyError> {
    if seats == 0 {
        return Err(TallyError::NoSeats);
    }
    let seats = seats as usize;
    let m = profile.num_candidates();
    let total = profile.num_voters() as f64;
    let mut keep = vec![1.0; m];
    let mut hopeful = vec![true; m];
    let mut is_elected = vec![false; m];
    let mut elected: Vec<CandidateId> = Vec::new();
    let mut rounds = Vec::new();
    while elected.len() < seats {
        let active: Vec<bool> = (0..m).map(|i| hopeful[i] || is_elected[i]).collect();
        converge(profile, &mut keep, &active, &is_elected, total, seats);
        let (t, excess) = flow(profile, &keep, &active);
        let quota = quota_of(total, excess, seats);
        let mut round = MeekRound {
            tallies: t.clone(),
            keep: keep.clone(),
            quota,
            excess,
            elected: Vec::new(),
            excluded: None,
        };
        let mut newly: Vec<usize> = (0..m)
            .filter(|&i| hopeful[i] && t[i] >= quota - TOL)
            .collect();
        if !newly.is_empty() {
            newly.sort_by(|&a, &b| t[b].total_cmp(&t[a]).then(a.cmp(&b)));
            for i in newly {
                if elected.len() >= seats {
                    break;
                }
                hopeful[i] = false;
                is_elected[i] = true;
                if t[i] > quota + TOL {
                    keep[i] = quota / t[i];
                }
                let id = CandidateId::new(i).ok_or(TallyError::Overflow)?;
                elected.push(id);
                round.elected.push(id);
            }
            rounds.push(round);
            continue;
        }
        let left: Vec<usize> = (0..m).filter(|&i| hopeful[i]).collect();
        if left.len() <= seats - elected.len() {
            for i in left {
                let id = CandidateId::new(i).ok_or(TallyError::Overflow)?;
                elected.push(id);
                round.elected.push(id);
            }
            rounds.push(round);
            break;
        }
        // Lowest total; equal within EPS: the highest id goes (pref-voting's default order).
        let mut low = f64::INFINITY;
        let mut out = None;
        for i in left {
            if t[i] < low - EPS {
                low = t[i];
                out = Some(i);
            } else if (t[i] - low).abs() <= EPS {
                out = Some(i);
            }
        }
        let Some(out) = out else { break };
        hopeful[out] = false;
        keep[out] = 0.0;
        round.excluded = CandidateId::new(out);
        rounds.push(round);
    }
    Ok(MeekResult { elected, rounds })
}

fn converge(
    profile: &Profile,
    keep: &mut [f64],
    active: &[bool],
    is_elected: &[bool],
    total: f64,
    seats: usize,
) {
    for _ in 0..MAX_ITER {
        let (t, excess) = flow(profile, keep, active);
        let quota = quota_of(total, excess, seats);
        let mut changed = false;
        for i in (0..keep.len()).filter(|&i| is_elected[i]) {
            if t[i] > TOL && keep[i] > 0.0 {
                let new_keep = (keep[i] * quota / t[i]).clamp(0.0, 1.0);
                if (keep[i] - new_keep).abs() > TOL {
                    keep[i] = new_keep;
                    changed = true;
                }
            }
        }
        if !changed {
            let worst = (0..keep.len())
                .filter(|&i| is_elected[i])
                .map(|i| (t[i] - quota).abs())
                .fold(None, |acc: Option<f64>, x| {
                    Some(acc.map_or(x, |a| a.max(x)))
                });
            if worst.is_some_and(|w| w > 10.0 * TOL) {
                changed = true;
            }
        }
        if !changed {
            return;
        }
    }
}
