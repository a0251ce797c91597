//! Scottish STV: The Scottish Local Government Elections Order 2007 (SSI 2007/42),
//! schedule 1, rules 45–52, counted in exact fixed point.
//!
//! - Quota (rule 46): ⌊N / (seats + 1)⌋ + 1 whole votes.
//! - A candidate whose total reaches the quota is elected (rule 47).
//! - Surplus (rule 48): every paper of the elected candidate moves to its next continuing
//!   preference with transfer value ⌊surplus × value-when-received / total⌋, computed to
//!   five decimal places, the remainder ignored. Papers with no continuing preference are
//!   non-transferable. The candidate then stands at the quota; what truncation did not
//!   move is recorded as lost to rounding. Each surplus is transferred once.
//! - Several surpluses (rule 49): the largest first; equal ones by the totals at the most
//!   recent preceding stage where they differed; if equal at every stage, by lot.
//! - Exclusion (rule 50): with no surplus left, the continuing candidate with the fewest
//!   votes is excluded and each paper moves at its current value; ties as in rule 49
//!   but the *lowest* earlier total goes; then by lot.
//! - Last vacancies: when continuing candidates are no more than the vacancies, they are
//!   all elected and no further transfer is made.
//!
//! "By lot" uses [`SplitMix64`] from [`ScottishOptions::seed`], drawing uniformly among the
//! tied candidates sorted by id.

use crate::error::TallyError;
use crate::prng::SplitMix64;
use crate::profile::{CandidateId, Profile};
use crate::stv::{Decision, StageAction, StvResult, StvStage, Votes};

/// Options of a Scottish STV count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScottishOptions {
    /// Seats to fill.
    pub seats: u32,
    /// Seed for decisions by lot.
    pub seed: u64,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Status {
    Continuing,
    Elected,
    Excluded,
}

/// `count` papers of ballot `ballot`, at ranking position `pos`, each worth `value` units.
struct Parcel {
    ballot: usize,
    pos: usize,
    count: u128,
    value: u128,
}

struct Count<'a> {
    profile: &'a Profile,
    status: Vec<Status>,
    held: Vec<Vec<Parcel>>,
    tally: Vec<u128>,
    pending_surplus: Vec<bool>,
    non_transferable: u128,
    lost: u128,
    quota: u128,
    stages: Vec<StvStage>,
    elected: Vec<CandidateId>,
    rng: SplitMix64,
}

/// Counts `profile` by Scottish STV (see the module docs).
pub fn scottish_stv(profile: &Profile, options: ScottishOptions) -> Result<StvResult, TallyError> {
    if options.seats == 0 {
        return Err(TallyError::NoSeats);
    }
    let m = profile.num_candidates();
    let seats = options.seats as usize;
    let n = u128::from(profile.num_voters());
    let quota = (n / (seats as u128 + 1) + 1) * Votes::SCALE;
    let mut c = Count {
        profile,
        status: vec![Status::Continuing; m],
        held: (0..m).map(|_| Vec::new()).collect(),
        tally: vec![0; m],
        pending_surplus: vec![false; m],
        non_transferable: 0,
        lost: 0,
        quota,
        stages: Vec::new(),
        elected: Vec::new(),
        rng: SplitMix64::new(options.seed),
    };
    for (i, b) in profile.ballots().iter().enumerate() {
        c.place(
            Parcel {
                ballot: i,
                pos: 0,
                count: u128::from(b.count()),
                value: Votes::SCALE,
            },
            0,
        );
    }
    c.record(StageAction::FirstPreferences);
    loop {
        c.elect_at_quota();
        if c.elected.len() >= seats {
            break;
        }
        let continuing: Vec<usize> = (0..m)
            .filter(|&i| c.status[i] == Status::Continuing)
            .collect();
        if continuing.len() <= seats - c.elected.len() {
            let mut last: Vec<usize> = continuing;
            last.sort_by(|&a, &b| c.tally[b].cmp(&c.tally[a]).then(a.cmp(&b)));
            for &i in &last {
                c.status[i] = Status::Elected;
                c.elected.extend(CandidateId::new(i));
            }
            c.record(StageAction::LastVacancies);
            if let Some(stage) = c.stages.last_mut() {
                stage.elected = last.into_iter().filter_map(CandidateId::new).collect();
            }
            break;
        }
        let pending: Vec<usize> = (0..m).filter(|&i| c.pending_surplus[i]).collect();
        if !pending.is_empty() {
            let top = pending.iter().map(|&i| c.tally[i]).max().unwrap_or(0);
            let tied: Vec<usize> = pending.into_iter().filter(|&i| c.tally[i] == top).collect();
            let (from, decision) = c.break_tie(tied, true);
            let surplus = c.transfer_surplus(from);
            let from = CandidateId::new(from).ok_or(TallyError::Overflow)?;
            c.record(StageAction::Surplus {
                from,
                surplus: Votes::from_units(surplus),
                decision,
            });
            continue;
        }
        let low = continuing.iter().map(|&i| c.tally[i]).min().unwrap_or(0);
        let tied: Vec<usize> = continuing
            .into_iter()
            .filter(|&i| c.tally[i] == low)
            .collect();
        let (out, decision) = c.break_tie(tied, false);
        c.exclude(out);
        let candidate = CandidateId::new(out).ok_or(TallyError::Overflow)?;
        c.record(StageAction::Exclusion {
            candidate,
            decision,
        });
    }
    Ok(StvResult {
        elected: c.elected,
        quota: Votes::from_units(quota),
        stages: c.stages,
    })
}

impl Count<'_> {
    /// Gives `parcel` to the first continuing candidate ranked at or after `from`.
    fn place(&mut self, mut parcel: Parcel, from: usize) {
        let ranking = self.profile.ballots()[parcel.ballot].ranking();
        let next = ranking
            .iter()
            .enumerate()
            .skip(from)
            .find(|(_, c)| self.status[c.index()] == Status::Continuing);
        let votes = parcel.count * parcel.value;
        match next {
            Some((pos, c)) => {
                parcel.pos = pos;
                self.tally[c.index()] += votes;
                self.held[c.index()].push(parcel);
            }
            None => self.non_transferable += votes,
        }
    }

    fn elect_at_quota(&mut self) {
        let mut now: Vec<usize> = (0..self.status.len())
            .filter(|&i| self.status[i] == Status::Continuing && self.tally[i] >= self.quota)
            .collect();
        now.sort_by(|&a, &b| self.tally[b].cmp(&self.tally[a]).then(a.cmp(&b)));
        for &i in &now {
            self.status[i] = Status::Elected;
            self.pending_surplus[i] = self.tally[i] > self.quota;
            self.elected.extend(CandidateId::new(i));
        }
        if let Some(stage) = self.stages.last_mut() {
            stage
                .elected
                .extend(now.into_iter().filter_map(CandidateId::new));
        }
    }

    /// Rule 48: returns the surplus moved (before truncation losses).
    fn transfer_surplus(&mut self, from: usize) -> u128 {
        self.pending_surplus[from] = false;
        let total = self.tally[from];
        let surplus = total - self.quota;
        let parcels = std::mem::take(&mut self.held[from]);
        let mut moved = 0u128;
        for mut p in parcels {
            // Value when received by `from` is `p.value`: an elected candidate receives no
            // further papers, so it is also the current value.
            let tv = surplus * p.value / total;
            let has_next = self.has_next(&p);
            if tv == 0 {
                continue;
            }
            moved += p.count * tv;
            if !has_next {
                self.non_transferable += p.count * tv;
                continue;
            }
            p.value = tv;
            let at = p.pos + 1;
            self.place(p, at);
        }
        self.lost += surplus - moved;
        self.tally[from] = self.quota;
        surplus
    }

    fn has_next(&self, p: &Parcel) -> bool {
        self.profile.ballots()[p.ballot]
            .ranking()
            .iter()
            .skip(p.pos + 1)
            .any(|c| self.status[c.index()] == Status::Continuing)
    }

    fn exclude(&mut self, out: usize) {
        self.status[out] = Status::Excluded;
        self.tally[out] = 0;
        for p in std::mem::take(&mut self.held[out]) {
            let at = p.pos + 1;
            self.place(p, at);
        }
    }

    /// Picks one of `tied` (sorted ids): by history (highest or lowest earlier total), then lot.
    fn break_tie(&mut self, mut tied: Vec<usize>, highest: bool) -> (usize, Decision) {
        if tied.len() == 1 {
            return (tied[0], Decision::Clear);
        }
        for stage in self.stages.iter().rev() {
            let vals = tied.iter().map(|&i| stage.tallies[i].units());
            let extreme = if highest {
                vals.clone().max()
            } else {
                vals.clone().min()
            };
            let narrowed: Vec<usize> = tied
                .iter()
                .copied()
                .filter(|&i| Some(stage.tallies[i].units()) == extreme)
                .collect();
            if narrowed.len() < tied.len() {
                tied = narrowed;
                if tied.len() == 1 {
                    return (tied[0], Decision::History);
                }
            }
        }
        let k = self.rng.below(tied.len() as u64) as usize;
        (tied[k], Decision::Lot)
    }

    fn record(&mut self, action: StageAction) {
        self.stages.push(StvStage {
            action,
            tallies: self.tally.iter().map(|&t| Votes::from_units(t)).collect(),
            non_transferable: Votes::from_units(self.non_transferable),
            lost_to_rounding: Votes::from_units(self.lost),
            elected: Vec::new(),
        });
    }
}
