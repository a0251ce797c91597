//! Ranked-ballot profiles: the one input type of every ranked method in this crate.

mod fast_json;

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasher, Hash, Hasher, RandomState};

use hashbrown::HashTable;
use serde_json::Value;

use crate::error::ProfileError;

/// A candidate, by its 0-based position in [`Profile::candidates`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
pub struct CandidateId(u32);

impl Hash for CandidateId {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }

    /// A ranking is hashed in one `write` per 32 candidates, not one per candidate: merging
    /// the rankings of a large file hashes each one, and SipHash's cost is mostly per call.
    fn hash_slice<H: Hasher>(data: &[Self], state: &mut H) {
        let mut buf = [0u32; 32];
        for chunk in data.chunks(buf.len()) {
            for (b, c) in buf.iter_mut().zip(chunk) {
                *b = c.0;
            }
            u32::hash_slice(&buf[..chunk.len()], state);
        }
    }
}

impl CandidateId {
    /// The candidate at 0-based position `index`.
    pub fn new(index: usize) -> Option<Self> {
        u32::try_from(index).ok().map(Self)
    }

    /// The 0-based position of the candidate.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl fmt::Display for CandidateId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// One distinct ranking and how many voters cast it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ballot {
    ranking: Vec<CandidateId>,
    count: u64,
}

impl Ballot {
    /// Candidates from most to least preferred; unranked candidates are not listed.
    pub fn ranking(&self) -> &[CandidateId] {
        &self.ranking
    }

    /// How many voters cast exactly this ranking (at least 1).
    pub fn count(&self) -> u64 {
        self.count
    }
}

/// A validated election: candidates, seats and merged ballots.
///
/// Invariants (established once, by the constructors): candidate names are unique and there
/// is at least one; every ranking is non-empty, has no repeats and only known candidates;
/// a ranking that omitted exactly one candidate has it appended last; identical rankings are
/// merged (first-seen order kept); every count is at least 1; there is at least one ballot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    candidates: Vec<String>,
    seats: u32,
    ballots: Vec<Ballot>,
    truncated: bool,
    blank_ballots: u64,
    num_voters: u64,
}

/// Default STV seats when the input names none (as the peer does).
pub const DEFAULT_SEATS: u32 = 2;

impl Profile {
    /// Builds a profile from candidate names and `(ranking by index, count)` pairs.
    ///
    /// Empty rankings are counted as blank and dropped; errors use the pair's position.
    pub fn from_rankings<I>(
        candidates: Vec<String>,
        seats: u32,
        ballots: I,
    ) -> Result<Self, ProfileError>
    where
        I: IntoIterator<Item = (Vec<usize>, u64)>,
    {
        let mut b = Builder::new(candidates, seats)?;
        for (n, (ranking, count)) in ballots.into_iter().enumerate() {
            if count < 1 {
                return Err(ProfileError::CountBelowOne { ballot: n });
            }
            let mut ids = Vec::with_capacity(ranking.len());
            for i in ranking {
                let id = b.id_of_index(n, i as u64)?;
                ids.push(id);
            }
            b.add(n, ids, count)?;
        }
        b.finish()
    }

    /// Parses the peer's ballot JSON (see the crate README / `shared/peers/README.md`).
    pub fn parse_json(text: &str) -> Result<Self, ProfileError> {
        Self::parse_json_bytes(text.as_bytes())
    }

    /// Parses ballot JSON from bytes (UTF-8).
    ///
    /// Files in the compact form `gen_ballots.py` writes are read by a fast path with no JSON
    /// tree; every other input, and every error, goes through `serde_json` (see `fast_json`).
    pub fn parse_json_bytes(bytes: &[u8]) -> Result<Self, ProfileError> {
        if let Some(profile) = fast_json::parse(bytes) {
            return Ok(profile);
        }
        let v: Value =
            serde_json::from_slice(bytes).map_err(|e| ProfileError::Json(e.to_string()))?;
        Self::from_json_value(&v)
    }

    fn from_json_value(v: &Value) -> Result<Self, ProfileError> {
        let obj = v
            .as_object()
            .ok_or_else(|| ProfileError::Shape("top level must be an object".into()))?;
        let cands = obj
            .get("candidates")
            .and_then(Value::as_array)
            .ok_or_else(|| ProfileError::Shape("\"candidates\" must be an array".into()))?;
        let names = cands
            .iter()
            .map(|c| c.as_str().map(str::to_owned))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| ProfileError::Shape("candidate names must be strings".into()))?;
        let seats = match obj.get("seats") {
            None | Some(Value::Null) => DEFAULT_SEATS,
            Some(s) => s
                .as_u64()
                .and_then(|s| u32::try_from(s).ok())
                .filter(|&s| s >= 1)
                .ok_or(ProfileError::BadSeats)?,
        };
        let entries = obj
            .get("ballots")
            .and_then(Value::as_array)
            .ok_or_else(|| ProfileError::Shape("\"ballots\" must be an array".into()))?;
        let mut b = Builder::new(names, seats)?;
        for (n, entry) in entries.iter().enumerate() {
            let (ranking, count) = split_entry(n, entry)?;
            let mut ids = Vec::with_capacity(ranking.len());
            for x in ranking {
                ids.push(b.id_of_json(n, x)?);
            }
            b.add(n, ids, count)?;
        }
        b.finish()
    }

    /// Candidate names, in input order.
    pub fn candidates(&self) -> &[String] {
        &self.candidates
    }

    /// Number of candidates.
    pub fn num_candidates(&self) -> usize {
        self.candidates.len()
    }

    /// All candidate ids in order.
    pub fn candidate_ids(&self) -> impl Iterator<Item = CandidateId> + '_ {
        (0..self.candidates.len()).filter_map(CandidateId::new)
    }

    /// The name of a candidate.
    pub fn name(&self, c: CandidateId) -> &str {
        self.candidates.get(c.index()).map_or("?", String::as_str)
    }

    /// Seats to fill by STV (input's `seats`, default [`DEFAULT_SEATS`]).
    pub fn seats(&self) -> u32 {
        self.seats
    }

    /// The merged ballots.
    pub fn ballots(&self) -> &[Ballot] {
        &self.ballots
    }

    /// True when some ranking leaves two or more candidates unranked.
    pub fn is_truncated(&self) -> bool {
        self.truncated
    }

    /// Total voters (sum of counts), blank ballots excluded.
    pub fn num_voters(&self) -> u64 {
        self.num_voters
    }

    /// Ballots with an empty ranking that were dropped.
    pub fn blank_ballots(&self) -> u64 {
        self.blank_ballots
    }
}

fn split_entry(n: usize, entry: &Value) -> Result<(&Vec<Value>, u64), ProfileError> {
    let bad = |problem| ProfileError::MalformedBallot { ballot: n, problem };
    let (ranking, count) = match entry {
        Value::Object(o) => (
            o.get("ranking").ok_or_else(|| bad("missing \"ranking\""))?,
            o.get("count"),
        ),
        Value::Array(a) if a.len() == 2 => (&a[1], Some(&a[0])),
        _ => {
            return Err(bad(
                "expected {\"ranking\":[..],\"count\":n} or [count, ranking]",
            ));
        }
    };
    let ranking = ranking
        .as_array()
        .ok_or_else(|| bad("ranking must be an array"))?;
    let count = match count {
        None => 1,
        Some(c) => c
            .as_u64()
            .filter(|&c| c >= 1)
            .ok_or(ProfileError::CountBelowOne { ballot: n })?,
    };
    Ok((ranking, count))
}

struct Builder {
    names: Vec<String>,
    index: HashMap<String, usize>,
    seats: u32,
    /// The distinct rankings so far, first-seen order.
    ballots: Vec<Ballot>,
    /// Each ranking's hash and place in `ballots`: a ranking is stored once and hashed once
    /// (SipHash, keyed per process like std's maps), never again when the table grows.
    merged: HashTable<(u64, usize)>,
    hasher: RandomState,
    /// Scratch for [`Builder::add`]: which candidates the ranking at hand names.
    seen: Vec<bool>,
    truncated: bool,
    blank: u64,
    voters: u64,
}

impl Builder {
    fn new(names: Vec<String>, seats: u32) -> Result<Self, ProfileError> {
        if names.is_empty() {
            return Err(ProfileError::NoCandidates);
        }
        if seats == 0 {
            return Err(ProfileError::BadSeats);
        }
        if u32::try_from(names.len()).is_err() {
            return Err(ProfileError::Shape("too many candidates".into()));
        }
        let mut index = HashMap::with_capacity(names.len());
        for (i, n) in names.iter().enumerate() {
            if index.insert(n.clone(), i).is_some() {
                return Err(ProfileError::DuplicateCandidate(n.clone()));
            }
        }
        Ok(Self {
            names,
            index,
            seats,
            ballots: Vec::new(),
            merged: HashTable::new(),
            hasher: RandomState::new(),
            seen: Vec::new(),
            truncated: false,
            blank: 0,
            voters: 0,
        })
    }

    fn id_of_index(&self, ballot: usize, index: u64) -> Result<CandidateId, ProfileError> {
        usize::try_from(index)
            .ok()
            .filter(|&i| i < self.names.len())
            .and_then(CandidateId::new)
            .ok_or(ProfileError::IndexOutOfRange { ballot, index })
    }

    fn id_of_json(&self, ballot: usize, x: &Value) -> Result<CandidateId, ProfileError> {
        match x {
            Value::String(s) => self
                .index
                .get(s)
                .and_then(|&i| CandidateId::new(i))
                .ok_or_else(|| ProfileError::UnknownCandidate {
                    ballot,
                    name: s.clone(),
                }),
            Value::Number(num) => match num.as_u64() {
                Some(i) => self.id_of_index(ballot, i),
                None => Err(ProfileError::MalformedBallot {
                    ballot,
                    problem: "candidate index must be a non-negative integer",
                }),
            },
            _ => Err(ProfileError::MalformedBallot {
                ballot,
                problem: "ranking entries must be names or 0-based indices",
            }),
        }
    }

    fn add(
        &mut self,
        ballot: usize,
        mut ranking: Vec<CandidateId>,
        count: u64,
    ) -> Result<(), ProfileError> {
        let m = self.names.len();
        let seen = &mut self.seen;
        seen.clear();
        seen.resize(m, false);
        for &c in &ranking {
            if std::mem::replace(&mut seen[c.index()], true) {
                let name = self.names[c.index()].clone();
                return Err(ProfileError::RankedTwice { ballot, name });
            }
        }
        if ranking.is_empty() {
            self.blank = self
                .blank
                .checked_add(count)
                .ok_or(ProfileError::TooManyBallots)?;
            return Ok(());
        }
        if ranking.len() + 1 == m
            && let Some(last) = seen.iter().position(|s| !s).and_then(CandidateId::new)
        {
            ranking.push(last);
        }
        if ranking.len() < m {
            self.truncated = true;
        }
        // Margins are i64, so the electorate must fit in one.
        self.voters = self
            .voters
            .checked_add(count)
            .filter(|&v| i64::try_from(v).is_ok())
            .ok_or(ProfileError::TooManyBallots)?;
        let hash = self.hasher.hash_one(&ranking);
        let ballots = &mut self.ballots;
        match self
            .merged
            .find(hash, |&(h, i)| h == hash && ballots[i].ranking == ranking)
        {
            Some(&(_, i)) => ballots[i].count += count,
            None => {
                self.merged
                    .insert_unique(hash, (hash, ballots.len()), |&(h, _)| h);
                ballots.push(Ballot { ranking, count });
            }
        }
        Ok(())
    }

    fn finish(self) -> Result<Profile, ProfileError> {
        if self.ballots.is_empty() {
            return Err(ProfileError::NoValidBallot);
        }
        Ok(Profile {
            candidates: self.names,
            seats: self.seats,
            ballots: self.ballots,
            truncated: self.truncated,
            blank_ballots: self.blank,
            num_voters: self.voters,
        })
    }
}
