//! Why an assembly command was refused. Each case has a stable id: the API's problem type and,
//! prefixed with `refused-`, its message id in the translations.

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Refusal {
    #[error("{0:?} is not an organ drawn by lot: the charter gives it no sortition quotas")]
    NotByLot(String),
    #[error("volunteer {volunteer} of this registration: {field}: {detail}")]
    VolunteerInvalid {
        volunteer: usize,
        field: String,
        detail: String,
    },
    #[error("the pool is closed: draw {0} is committed and not yet drawn")]
    PoolClosed(u64),
    #[error("draw {0} is committed and not yet drawn")]
    DrawPending(u64),
    #[error("no draw of {0:?} is committed: commit to a seed first")]
    NoDrawPending(String),
    #[error("the seed does not match the commitment published before the draw")]
    SeedMismatch,
    #[error("{0}")]
    Sortition(crate::assembly::SortitionError),
}

impl Refusal {
    /// The refusal's own message, where it is finer than its kind: the Fluent id and its
    /// arguments.
    pub fn detail(&self) -> Option<(&'static str, Vec<(&'static str, String)>)> {
        match self {
            Self::Sortition(e) => Some((e.id(), e.args())),
            _ => None,
        }
    }

    /// Stable identifier, used as the Fluent message id and in API problem types.
    pub fn id(&self) -> &'static str {
        match self {
            Self::NotByLot(_) => "assembly-not-by-lot",
            Self::VolunteerInvalid { .. } => "assembly-volunteer-invalid",
            Self::PoolClosed(_) => "assembly-pool-closed",
            Self::DrawPending(_) => "assembly-draw-pending",
            Self::NoDrawPending(_) => "assembly-no-draw-pending",
            Self::SeedMismatch => "assembly-seed-mismatch",
            Self::Sortition(_) => "assembly-sortition",
        }
    }
}
