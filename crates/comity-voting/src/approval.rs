//! Approval voting: each voter approves any set of candidates; most approvals win.

use crate::error::ProfileError;
use crate::pairwise::ids_where;
use crate::profile::CandidateId;

/// Validated approval ballots: candidates and `(approved set, count)` pairs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApprovalProfile {
    candidates: Vec<String>,
    ballots: Vec<(Vec<CandidateId>, u64)>,
}

impl ApprovalProfile {
    /// Builds approval ballots from candidate indices; an empty set is a valid abstention.
    pub fn new<I>(candidates: Vec<String>, ballots: I) -> Result<Self, ProfileError>
    where
        I: IntoIterator<Item = (Vec<usize>, u64)>,
    {
        if candidates.is_empty() {
            return Err(ProfileError::NoCandidates);
        }
        let m = candidates.len();
        let mut out = Vec::new();
        for (n, (set, count)) in ballots.into_iter().enumerate() {
            if count < 1 {
                return Err(ProfileError::CountBelowOne { ballot: n });
            }
            let mut seen = vec![false; m];
            let mut ids = Vec::with_capacity(set.len());
            for i in set {
                let id =
                    CandidateId::new(i)
                        .filter(|_| i < m)
                        .ok_or(ProfileError::IndexOutOfRange {
                            ballot: n,
                            index: i as u64,
                        })?;
                if std::mem::replace(&mut seen[i], true) {
                    return Err(ProfileError::RankedTwice {
                        ballot: n,
                        name: candidates[i].clone(),
                    });
                }
                ids.push(id);
            }
            out.push((ids, count));
        }
        if out.is_empty() {
            return Err(ProfileError::NoValidBallot);
        }
        Ok(Self {
            candidates,
            ballots: out,
        })
    }

    /// Candidate names.
    pub fn candidates(&self) -> &[String] {
        &self.candidates
    }

    /// Approvals per candidate.
    pub fn scores(&self) -> Vec<u64> {
        let mut s = vec![0u64; self.candidates.len()];
        for (set, count) in &self.ballots {
            for c in set {
                s[c.index()] = s[c.index()].saturating_add(*count);
            }
        }
        s
    }
}

/// Approval winners (all tied for most approvals).
pub fn approval(profile: &ApprovalProfile) -> Vec<CandidateId> {
    let s = profile.scores();
    let best = s.iter().copied().max().unwrap_or(0);
    ids_where(s.len(), |i| s[i] == best)
}
