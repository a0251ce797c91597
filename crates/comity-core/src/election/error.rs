//! Refusals of elections: their opening, ballots, paper ballots and count.

use crate::ids::Iso3;

/// Why an act on an election is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ElectionError {
    #[error("method: {method:?} is not one of {known}")]
    UnknownMethod { method: String, known: String },
    #[error("candidates: name at least two, each once")]
    Candidates,
    #[error("seats: between 1 and {max} for {candidates} candidates")]
    Seats { max: usize, candidates: usize },
    #[error("{state} has already voted in this election; a secret ballot cannot be changed")]
    AlreadyVoted { state: Iso3 },
    #[error("the election is already counted")]
    Counted,
    #[error("the ballot box holds {ballots} ballots but {voted} states voted")]
    BoxMismatch { ballots: u64, voted: usize },
    #[error("no valid ballot was cast")]
    NoBallot,
    #[error("ballots are cast and counted through the ballot box")]
    ThroughTheBallotBox,
    /// The counting engine refused the ballots: its own words.
    #[error("{detail}")]
    Count { detail: String },
    #[error("states: name the states the register shows as having voted")]
    NoRegister,
    #[error("states[{index}]: {state} has already voted in this election")]
    RegisterVoted { index: usize, state: Iso3 },
    #[error("ballots[{index}]: a count of at least 1")]
    ZeroCount { index: usize },
    #[error("the file holds {ballots} ballots but the register names {states} states")]
    FileMismatch { ballots: u64, states: usize },
    /// `ballot` is the paper ballot's index in the tellers' file, when it is one.
    #[error("{}ranking: rank at least one candidate", at(*.ballot))]
    EmptyRanking { ballot: Option<usize> },
    #[error("{}ranking[{pos}]: {name:?} is not a candidate", at(*.ballot))]
    NotACandidate {
        ballot: Option<usize>,
        pos: usize,
        name: String,
    },
    #[error("{}ranking[{pos}]: {name:?} is ranked twice", at(*.ballot))]
    RankedTwice {
        ballot: Option<usize>,
        pos: usize,
        name: String,
    },
}

fn at(ballot: Option<usize>) -> String {
    ballot.map_or_else(String::new, |i| format!("ballots[{i}]."))
}

impl ElectionError {
    /// The same refusal about paper ballot `index` of the tellers' file.
    pub fn in_ballot(self, index: usize) -> Self {
        match self {
            Self::EmptyRanking { .. } => Self::EmptyRanking {
                ballot: Some(index),
            },
            Self::NotACandidate { pos, name, .. } => Self::NotACandidate {
                ballot: Some(index),
                pos,
                name,
            },
            Self::RankedTwice { pos, name, .. } => Self::RankedTwice {
                ballot: Some(index),
                pos,
                name,
            },
            other => other,
        }
    }

    /// The Fluent message id.
    pub fn id(&self) -> &'static str {
        match self {
            Self::UnknownMethod { .. } => "refused-election-unknown-method",
            Self::Candidates => "refused-election-candidates",
            Self::Seats { .. } => "refused-election-seats",
            Self::AlreadyVoted { .. } => "refused-election-already-voted",
            Self::Counted => "refused-election-counted",
            Self::BoxMismatch { .. } => "refused-election-box-mismatch",
            Self::NoBallot => "refused-election-no-ballot",
            Self::ThroughTheBallotBox => "refused-election-through-the-ballot-box",
            Self::Count { .. } => "refused-election-count",
            Self::NoRegister => "refused-election-no-register",
            Self::RegisterVoted { .. } => "refused-election-register-voted",
            Self::ZeroCount { .. } => "refused-election-zero-count",
            Self::FileMismatch { .. } => "refused-election-file-mismatch",
            Self::EmptyRanking { .. } => "refused-election-empty-ranking",
            Self::NotACandidate { .. } => "refused-election-not-a-candidate",
            Self::RankedTwice { .. } => "refused-election-ranked-twice",
        }
    }

    /// The message's arguments; `ballot` is counted from 1 for readers, or `none`.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        let ballot = |b: &Option<usize>| {
            (
                "ballot",
                b.map_or_else(|| "none".to_owned(), |i| (i + 1).to_string()),
            )
        };
        match self {
            Self::UnknownMethod { method, known } => {
                vec![("method", method.clone()), ("known", known.clone())]
            }
            Self::Candidates
            | Self::Counted
            | Self::NoBallot
            | Self::ThroughTheBallotBox
            | Self::NoRegister => Vec::new(),
            Self::Seats { max, candidates } => {
                vec![
                    ("max", max.to_string()),
                    ("candidates", candidates.to_string()),
                ]
            }
            Self::AlreadyVoted { state } => vec![("state", state.to_string())],
            Self::BoxMismatch { ballots, voted } => {
                vec![
                    ("ballots", ballots.to_string()),
                    ("voted", voted.to_string()),
                ]
            }
            Self::Count { detail } => vec![("detail", detail.clone())],
            Self::RegisterVoted { index, state } => {
                vec![
                    ("index", (index + 1).to_string()),
                    ("state", state.to_string()),
                ]
            }
            Self::ZeroCount { index } => vec![("index", (index + 1).to_string())],
            Self::FileMismatch { ballots, states } => {
                vec![
                    ("ballots", ballots.to_string()),
                    ("states", states.to_string()),
                ]
            }
            Self::EmptyRanking { ballot: b } => vec![ballot(b)],
            Self::NotACandidate {
                ballot: b,
                pos,
                name,
            }
            | Self::RankedTwice {
                ballot: b,
                pos,
                name,
            } => vec![
                ballot(b),
                ("pos", (pos + 1).to_string()),
                ("name", name.clone()),
            ],
        }
    }
}
