//! Typed errors. Every variant has a stable id (see each `id()` method) that a UI can use
//! as a translation key; the ids never change once published.

use thiserror::Error;

/// Why ballot JSON could not be turned into a [`crate::Profile`].
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ProfileError {
    /// The text is not JSON at all.
    #[error("not valid JSON: {0}")]
    Json(String),
    /// The JSON is well-formed but a field has the wrong shape.
    #[error("malformed ballot file: {0}")]
    Shape(String),
    /// There are no candidates.
    #[error("the election has no candidates")]
    NoCandidates,
    /// Two candidates share a name.
    #[error("candidate name {0:?} is used twice")]
    DuplicateCandidate(String),
    /// `seats` is not a positive integer.
    #[error("seats must be a positive integer")]
    BadSeats,
    /// A ballot names a candidate that is not standing.
    #[error("ballot {ballot}: unknown candidate {name:?}")]
    UnknownCandidate {
        /// 0-based index of the ballot entry in the input.
        ballot: usize,
        /// The name as written.
        name: String,
    },
    /// A ballot uses a candidate index past the end of the candidate list.
    #[error("ballot {ballot}: candidate index {index} out of range")]
    IndexOutOfRange {
        /// 0-based index of the ballot entry.
        ballot: usize,
        /// The index as written.
        index: u64,
    },
    /// A ballot ranks the same candidate twice.
    #[error("ballot {ballot}: candidate {name:?} ranked twice")]
    RankedTwice {
        /// 0-based index of the ballot entry.
        ballot: usize,
        /// The candidate's name.
        name: String,
    },
    /// A ballot's count is zero, negative or not an integer.
    #[error("ballot {ballot}: count must be an integer of at least 1")]
    CountBelowOne {
        /// 0-based index of the ballot entry.
        ballot: usize,
    },
    /// A ballot entry is neither `{"ranking":..,"count":..}` nor `[count, ranking]`.
    #[error("ballot {ballot}: {problem}")]
    MalformedBallot {
        /// 0-based index of the ballot entry.
        ballot: usize,
        /// What is wrong.
        problem: &'static str,
    },
    /// After dropping blank ballots, nothing is left to count.
    #[error("the election has no valid ballot")]
    NoValidBallot,
    /// The total number of ballots does not fit in 64 bits.
    #[error("too many ballots")]
    TooManyBallots,
}

impl ProfileError {
    /// Stable identifier of the error kind.
    pub fn id(&self) -> &'static str {
        match self {
            Self::Json(_) => "profile-json",
            Self::Shape(_) => "profile-shape",
            Self::NoCandidates => "profile-no-candidates",
            Self::DuplicateCandidate(_) => "profile-duplicate-candidate",
            Self::BadSeats => "profile-bad-seats",
            Self::UnknownCandidate { .. } => "profile-unknown-candidate",
            Self::IndexOutOfRange { .. } => "profile-index-out-of-range",
            Self::RankedTwice { .. } => "profile-ranked-twice",
            Self::CountBelowOne { .. } => "profile-count-below-one",
            Self::MalformedBallot { .. } => "profile-malformed-ballot",
            Self::NoValidBallot => "profile-no-valid-ballot",
            Self::TooManyBallots => "profile-too-many-ballots",
        }
    }
}

/// Why a BLT file could not be read. Line numbers are 1-based.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BltError {
    /// The first line is not `candidates seats`.
    #[error("line {line}: expected header \"<candidates> <seats>\"")]
    BadHeader {
        /// 1-based line number.
        line: usize,
    },
    /// More candidates than the file has room to name.
    #[error("line {line}: {count} candidates, more than the file could name")]
    TooManyCandidates {
        /// 1-based line number.
        line: usize,
        /// The count as written.
        count: usize,
    },
    /// A token is not the number expected there.
    #[error("line {line}: expected a number, found {token:?}")]
    BadNumber {
        /// 1-based line number.
        line: usize,
        /// The offending token.
        token: String,
    },
    /// A ballot names candidate 0 before its end or a number past the candidate count.
    #[error("line {line}: candidate number {number} out of range")]
    CandidateOutOfRange {
        /// 1-based line number.
        line: usize,
        /// The number as written.
        number: i64,
    },
    /// A ballot ranks the same candidate twice.
    #[error("line {line}: candidate {number} ranked twice")]
    RankedTwice {
        /// 1-based line number.
        line: usize,
        /// The candidate number as written (1-based).
        number: i64,
    },
    /// A ballot line does not end with `0`.
    #[error("line {line}: ballot must end with 0")]
    UnterminatedBallot {
        /// 1-based line number.
        line: usize,
    },
    /// A ballot weight is below 1.
    #[error("line {line}: ballot weight must be at least 1")]
    WeightBelowOne {
        /// 1-based line number.
        line: usize,
    },
    /// The file ends before the `0` line, the names or the title.
    #[error("unexpected end of file: {expected}")]
    UnexpectedEnd {
        /// What was still expected.
        expected: &'static str,
    },
    /// A candidate name or the title is not in double quotes.
    #[error("line {line}: expected a name in double quotes")]
    BadName {
        /// 1-based line number.
        line: usize,
    },
    /// The profile built from the file is not valid.
    #[error(transparent)]
    Profile(#[from] ProfileError),
}

impl BltError {
    /// Stable identifier of the error kind.
    pub fn id(&self) -> &'static str {
        match self {
            Self::BadHeader { .. } => "blt-bad-header",
            Self::TooManyCandidates { .. } => "blt-too-many-candidates",
            Self::BadNumber { .. } => "blt-bad-number",
            Self::CandidateOutOfRange { .. } => "blt-candidate-out-of-range",
            Self::RankedTwice { .. } => "blt-ranked-twice",
            Self::UnterminatedBallot { .. } => "blt-unterminated-ballot",
            Self::WeightBelowOne { .. } => "blt-weight-below-one",
            Self::UnexpectedEnd { .. } => "blt-unexpected-end",
            Self::BadName { .. } => "blt-bad-name",
            Self::Profile(e) => e.id(),
        }
    }
}

/// Why a tally could not be run on the inputs given.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TallyError {
    /// STV needs at least one seat.
    #[error("the number of seats must be at least 1")]
    NoSeats,
    /// A number overflowed 64/128-bit integer arithmetic.
    #[error("arithmetic overflow")]
    Overflow,
}

impl TallyError {
    /// Stable identifier of the error kind.
    pub fn id(&self) -> &'static str {
        match self {
            Self::NoSeats => "tally-no-seats",
            Self::Overflow => "tally-overflow",
        }
    }
}
