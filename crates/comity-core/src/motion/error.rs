//! Refusals of the order in which amendments are put to the vote.

/// Why a voting order cannot be taken.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OrderError {
    #[error("tabled amendments are {tabled:?}, the order names {given:?}")]
    NotTheTabled { tabled: Vec<u32>, given: Vec<u32> },
    #[error("the order was stated when the first vote opened")]
    AlreadyStated,
}

impl OrderError {
    /// The Fluent message id.
    pub fn id(&self) -> &'static str {
        match self {
            Self::NotTheTabled { .. } => "refused-order-not-the-tabled",
            Self::AlreadyStated => "refused-order-already-stated",
        }
    }

    /// The message's arguments.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        let list = |v: &[u32]| {
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        };
        match self {
            Self::NotTheTabled { tabled, given } => {
                vec![("tabled", list(tabled)), ("given", list(given))]
            }
            Self::AlreadyStated => Vec::new(),
        }
    }
}
