//! Why a sanctions command was refused. Each case has a stable id: the API's problem type
//! and, prefixed with `refused-`, its message id in the translations.

use crate::ids::Iso3;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Refusal {
    #[error("the charter has no [sanctions] criteria: no listing can be grounded")]
    NoCriteria,
    #[error("a listing needs at least one ground coded against the charter's criteria")]
    NoGrounds,
    #[error(
        "{ground:?} is not one of the charter's sanctions criteria ({allowed}): grounds are value-based only"
    )]
    UnknownGround { ground: String, allowed: String },
    #[error("the evidence dossier names no source")]
    NoSources,
    #[error("{field}: {value:?} is not an ISO date (1970, 1970-05 or 1970-05-17)")]
    BadDate { field: &'static str, value: String },
    #[error("{value:?} is not an ISO 3166-1 alpha-2 country code in lower case (ru, cn, ir)")]
    BadCountry { value: String },
    #[error("a {schema} has no {kind} identifier")]
    IdentifierNotForSchema {
        kind: &'static str,
        schema: &'static str,
    },
    #[error("{name} is already case {case} ({status})")]
    AlreadyCase {
        name: String,
        case: u64,
        status: &'static str,
    },
    #[error("there is no case {0}")]
    UnknownCase(u64),
    #[error("case {case} is {status}, not in force")]
    NotInForce { case: u64, status: &'static str },
    #[error("{state} is not a member of the alliance")]
    NotAMember { state: Iso3 },
    #[error("{state} has already adopted case {case}")]
    AlreadyAdopted { case: u64, state: Iso3 },
    #[error("a national act cannot precede the listing ({listed})")]
    BeforeListing { listed: String },
    #[error("motion {motion} is already deciding the delisting of case {case}")]
    DelistingPending { case: u64, motion: u64 },
    #[error("cases {a} and {b} are not decided differently on the same grounds and grade")]
    NotInconsistent { a: u64, b: u64 },
    #[error("the difference between cases {a} and {b} is already justified")]
    AlreadyJustified { a: u64, b: u64 },
    #[error("the release must hold exactly the cases in force ({expected})")]
    ReleaseMismatch { expected: String },
}

impl Refusal {
    /// The Fluent id and arguments of every case.
    pub fn detail(&self) -> Option<(&'static str, Vec<(&'static str, String)>)> {
        let args = match self {
            Self::NoCriteria | Self::NoGrounds | Self::NoSources => vec![],
            Self::UnknownGround { ground, allowed } => {
                vec![("ground", ground.clone()), ("allowed", allowed.clone())]
            }
            Self::BadDate { field, value } => {
                vec![("field", (*field).to_owned()), ("value", value.clone())]
            }
            Self::BadCountry { value } => vec![("value", value.clone())],
            Self::IdentifierNotForSchema { kind, schema } => {
                vec![
                    ("kind", (*kind).to_owned()),
                    ("schema", (*schema).to_owned()),
                ]
            }
            Self::AlreadyCase { name, case, status } => vec![
                ("name", name.clone()),
                ("case", case.to_string()),
                ("status", (*status).to_owned()),
            ],
            Self::UnknownCase(case) => vec![("case", case.to_string())],
            Self::NotInForce { case, status } => {
                vec![("case", case.to_string()), ("status", (*status).to_owned())]
            }
            Self::NotAMember { state } => vec![("state", state.to_string())],
            Self::AlreadyAdopted { case, state } => {
                vec![("case", case.to_string()), ("state", state.to_string())]
            }
            Self::BeforeListing { listed } => vec![("listed", listed.clone())],
            Self::DelistingPending { case, motion } => {
                vec![("case", case.to_string()), ("motion", motion.to_string())]
            }
            Self::NotInconsistent { a, b } | Self::AlreadyJustified { a, b } => {
                vec![("a", a.to_string()), ("b", b.to_string())]
            }
            Self::ReleaseMismatch { expected } => vec![("expected", expected.clone())],
        };
        Some((self.message_id(), args))
    }

    fn message_id(&self) -> &'static str {
        match self {
            Self::NoCriteria => "refused-sanctions-no-criteria",
            Self::NoGrounds => "refused-sanctions-no-grounds",
            Self::UnknownGround { .. } => "refused-sanctions-unknown-ground",
            Self::NoSources => "refused-sanctions-no-sources",
            Self::BadDate { .. } => "refused-sanctions-bad-date",
            Self::BadCountry { .. } => "refused-sanctions-bad-country",
            Self::IdentifierNotForSchema { .. } => "refused-sanctions-identifier-not-for-schema",
            Self::AlreadyCase { .. } => "refused-sanctions-already-case",
            Self::UnknownCase(_) => "refused-sanctions-unknown-case",
            Self::NotInForce { .. } => "refused-sanctions-not-in-force",
            Self::NotAMember { .. } => "refused-sanctions-not-a-member",
            Self::AlreadyAdopted { .. } => "refused-sanctions-already-adopted",
            Self::BeforeListing { .. } => "refused-sanctions-before-listing",
            Self::DelistingPending { .. } => "refused-sanctions-delisting-pending",
            Self::NotInconsistent { .. } => "refused-sanctions-not-inconsistent",
            Self::AlreadyJustified { .. } => "refused-sanctions-already-justified",
            Self::ReleaseMismatch { .. } => "refused-sanctions-release-mismatch",
        }
    }

    /// Stable identifier, used in API problem types.
    pub fn id(&self) -> &'static str {
        self.message_id()
            .strip_prefix("refused-")
            .unwrap_or(self.message_id())
    }
}
