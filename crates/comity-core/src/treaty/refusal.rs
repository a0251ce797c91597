//! Why a treaty command was refused. Each case has a stable id: the API's problem type and,
//! prefixed with `refused-`, its message id in the translations.

use crate::ids::Iso3;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Refusal {
    #[error("there is no treaty {0:?}")]
    UnknownTreaty(String),
    #[error("a treaty {0:?} is already recorded")]
    TreatyExists(String),
    #[error("the treaty file or text is not valid:\n{0}")]
    TreatyInvalid(crate::treaty::InvalidError),
    #[error("treaty {treaty:?} is at the stage {stage}: it cannot {act} now")]
    TreatyStage {
        treaty: String,
        stage: &'static str,
        act: &'static str,
    },
    #[error("{0}")]
    TreatyEdit(crate::treaty::text::EditError),
    #[error(
        "the text of {treaty:?} still has {count} open bracket(s); settle them before adoption"
    )]
    OpenBrackets { treaty: String, count: usize },
    #[error("motion {motion} cannot adopt the treaty: {detail}")]
    AdoptionMotion {
        motion: u64,
        detail: crate::treaty::AdoptionError,
    },
    #[error("{state} deposited on {date}, before the treaty opened for signature on {opened}")]
    DepositBeforeOpening {
        state: Iso3,
        date: crate::ids::Day,
        opened: crate::ids::Day,
    },
    #[error("{state} has already deposited its instrument (on {date}); a state deposits once")]
    AlreadyDeposited { state: Iso3, date: crate::ids::Day },
    #[error("{0}")]
    TreatyAct(crate::treaty::ActError),
}

impl Refusal {
    /// The refusal's own message, where it is finer than its kind: the Fluent id and its
    /// arguments.
    pub fn detail(&self) -> Option<(&'static str, Vec<(&'static str, String)>)> {
        match self {
            Self::TreatyInvalid(e) => Some((e.id(), e.args())),
            Self::TreatyEdit(e) => Some((crate::treaty::edit_id(e), crate::treaty::edit_args(e))),
            Self::AdoptionMotion { motion, detail } => {
                let mut args = detail.args();
                args.push(("motion", motion.to_string()));
                Some((detail.id(), args))
            }
            Self::TreatyAct(e) => Some((e.id(), e.args())),
            _ => None,
        }
    }

    /// Stable identifier, used as the Fluent message id and in API problem types.
    pub fn id(&self) -> &'static str {
        match self {
            Self::UnknownTreaty(_) => "treaty-unknown",
            Self::TreatyExists(_) => "treaty-exists",
            Self::TreatyInvalid(_) => "treaty-invalid",
            Self::TreatyStage { .. } => "treaty-stage",
            Self::TreatyEdit(_) => "treaty-edit",
            Self::OpenBrackets { .. } => "treaty-open-brackets",
            Self::AdoptionMotion { .. } => "treaty-adoption-motion",
            Self::DepositBeforeOpening { .. } => "treaty-deposit-before-opening",
            Self::AlreadyDeposited { .. } => "treaty-already-deposited",
            Self::TreatyAct(_) => "treaty-act",
        }
    }
}
