//! Refusals of a lottery's commitment and draw.

/// Why a draw cannot be committed to or made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SortitionError {
    #[error("the pool has {pool} volunteers, fewer than the {seats} seats to fill")]
    PoolTooSmall { pool: usize, seats: usize },
    /// No panel meets every quota; `why` is the selection engine's explanation (the
    /// conflicting quotas and the smallest relaxation).
    #[error("no panel meets every quota: {why}")]
    Infeasible { why: String },
    /// The pool handed in is not the one the journal registered (a store out of step with
    /// its journal): nothing is decided on it.
    #[error(
        "the pool given ({given} volunteers) is not the pool of {registered} the journal registered"
    )]
    PoolMismatch { given: usize, registered: usize },
    #[error("unknown algorithm {algorithm:?}")]
    UnknownAlgorithm { algorithm: String },
    /// The selection engine failed: its own words.
    #[error("{detail}")]
    Selection { detail: String },
}

impl SortitionError {
    /// The Fluent message id.
    pub fn id(&self) -> &'static str {
        match self {
            Self::PoolTooSmall { .. } => "refused-sortition-pool-too-small",
            Self::Infeasible { .. } => "refused-sortition-infeasible",
            Self::PoolMismatch { .. } => "refused-sortition-pool-mismatch",
            Self::UnknownAlgorithm { .. } => "refused-sortition-unknown-algorithm",
            Self::Selection { .. } => "refused-sortition-selection",
        }
    }

    /// The message's arguments.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::PoolTooSmall { pool, seats } => {
                vec![("pool", pool.to_string()), ("seats", seats.to_string())]
            }
            Self::Infeasible { why } => vec![("why", why.clone())],
            Self::PoolMismatch { given, registered } => vec![
                ("given", given.to_string()),
                ("registered", registered.to_string()),
            ],
            Self::UnknownAlgorithm { algorithm } => vec![("algorithm", algorithm.clone())],
            Self::Selection { detail } => vec![("detail", detail.clone())],
        }
    }
}
