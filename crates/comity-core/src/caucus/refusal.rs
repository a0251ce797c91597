//! Why a caucus command was refused. Each case has a stable id: the API's problem type and,
//! prefixed with `refused-`, its message id in the translations.

use crate::ids::{Day, Iso3};

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Refusal {
    #[error("there is no item {0} on the caucus's agenda")]
    UnknownItem(u64),
    #[error("{symbol} is already on the agenda of session {session} (item {item})")]
    AlreadyOnAgenda {
        symbol: String,
        session: u32,
        item: u64,
    },
    #[error("{0:?} is not an issue of the Assembly's record (me, nu, di, hr, co, ec)")]
    UnknownIssue(String),
    #[error("the plenary voted on {symbol} on {plenary}: a common position can no longer be taken")]
    AfterPlenary { symbol: String, plenary: Day },
    #[error("the plenary votes on {symbol} on {plenary}: its votes cannot be recorded before")]
    BeforePlenary { symbol: String, plenary: Day },
    #[error("item {item} already has a common position")]
    PositionTaken { item: u64 },
    #[error("motion {motion} is still deciding a position on item {item}")]
    ProposalPending { item: u64, motion: u64 },
    #[error("{state} is listed twice in the votes")]
    DuplicateVote { state: Iso3 },
    #[error("{state} is not a member of the alliance")]
    NotAMember { state: Iso3 },
    #[error(
        "{state} is not a member of the United Nations: it has no vote in the General Assembly"
    )]
    NotInTheUn { state: Iso3 },
    #[error("the plenary votes on item {item} are not recorded yet")]
    VotesNotRecorded { item: u64 },
    #[error("item {item} has no common position to depart from")]
    NoPosition { item: u64 },
    #[error("{state} followed the common position on item {item}: there is nothing to explain")]
    Followed { item: u64, state: Iso3 },
    #[error("this file was imported already (import {import})")]
    AlreadyImported { import: u64 },
    #[error("the import holds no votes")]
    EmptyImport,
}

impl Refusal {
    /// The Fluent id and arguments of every case.
    pub fn detail(&self) -> Option<(&'static str, Vec<(&'static str, String)>)> {
        let args = match self {
            Self::UnknownItem(item) => vec![("item", item.to_string())],
            Self::AlreadyOnAgenda {
                symbol,
                session,
                item,
            } => vec![
                ("symbol", symbol.clone()),
                ("session", session.to_string()),
                ("item", item.to_string()),
            ],
            Self::UnknownIssue(issue) => vec![("issue", issue.clone())],
            Self::AfterPlenary { symbol, plenary } | Self::BeforePlenary { symbol, plenary } => {
                vec![("symbol", symbol.clone()), ("plenary", plenary.to_string())]
            }
            Self::PositionTaken { item }
            | Self::VotesNotRecorded { item }
            | Self::NoPosition { item } => vec![("item", item.to_string())],
            Self::ProposalPending { item, motion } => {
                vec![("item", item.to_string()), ("motion", motion.to_string())]
            }
            Self::DuplicateVote { state }
            | Self::NotAMember { state }
            | Self::NotInTheUn { state } => {
                vec![("state", state.to_string())]
            }
            Self::Followed { item, state } => {
                vec![("item", item.to_string()), ("state", state.to_string())]
            }
            Self::AlreadyImported { import } => vec![("import", import.to_string())],
            Self::EmptyImport => vec![],
        };
        Some((self.message_id(), args))
    }

    fn message_id(&self) -> &'static str {
        match self {
            Self::UnknownItem(_) => "refused-caucus-unknown-item",
            Self::AlreadyOnAgenda { .. } => "refused-caucus-already-on-agenda",
            Self::UnknownIssue(_) => "refused-caucus-unknown-issue",
            Self::AfterPlenary { .. } => "refused-caucus-after-plenary",
            Self::BeforePlenary { .. } => "refused-caucus-before-plenary",
            Self::PositionTaken { .. } => "refused-caucus-position-taken",
            Self::ProposalPending { .. } => "refused-caucus-proposal-pending",
            Self::DuplicateVote { .. } => "refused-caucus-duplicate-vote",
            Self::NotAMember { .. } => "refused-caucus-not-a-member",
            Self::NotInTheUn { .. } => "refused-caucus-not-in-the-un",
            Self::VotesNotRecorded { .. } => "refused-caucus-votes-not-recorded",
            Self::NoPosition { .. } => "refused-caucus-no-position",
            Self::Followed { .. } => "refused-caucus-followed",
            Self::AlreadyImported { .. } => "refused-caucus-already-imported",
            Self::EmptyImport => "refused-caucus-empty-import",
        }
    }

    /// Stable identifier, used in API problem types.
    pub fn id(&self) -> &'static str {
        self.message_id()
            .strip_prefix("refused-")
            .unwrap_or(self.message_id())
    }
}
