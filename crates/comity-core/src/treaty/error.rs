//! Refusals of treaty acts, each with its own Fluent id.

use super::text::TextErrors;
use crate::ids::{Day, Iso3};

/// A treaty file or text that does not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidError {
    /// The treaty file (TOML): its problems with file, line, column and field.
    #[error("{detail}")]
    File { detail: String },
    /// The text in bracket syntax: its problems with line and column.
    #[error("{0}")]
    Text(TextErrors),
}

/// Why a dated or state's act on a treaty is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActError {
    #[error("the date {date} is after today ({today}): record an act once it has happened")]
    DateInFuture { date: Day, today: Day },
    #[error("motion {motion} is not an adopted decision of {organ}, the organ drafting {treaty}")]
    NotTheOrgansDecision {
        motion: u64,
        organ: String,
        treaty: String,
    },
    #[error("{treaty} cannot open for signature on {date}, before its adoption on {adopted}")]
    SignatureBeforeAdoption {
        treaty: String,
        date: Day,
        adopted: Day,
    },
    #[error("{state} cannot sign on {date}: {treaty} opened for signature on {opened}")]
    SignedBeforeOpening {
        state: Iso3,
        date: Day,
        treaty: String,
        opened: Day,
    },
    #[error("{state} signed {treaty} already, on {date}")]
    AlreadySigned {
        state: Iso3,
        treaty: String,
        date: Day,
    },
    #[error(
        "{reserving} has deposited no instrument of {treaty}, so it has no reservation to object to"
    )]
    NoInstrument { reserving: Iso3, treaty: String },
    #[error(
        "{reserving}'s instrument has {count} reservation(s); there is no reservation {reservation}"
    )]
    NoSuchReservation {
        reserving: Iso3,
        count: usize,
        reservation: u32,
    },
    #[error("{state} cannot object to its own reservation")]
    OwnReservation { state: Iso3 },
    #[error("the objection ({date}) comes before the reservation was made ({made})")]
    ObjectionBeforeReservation { date: Day, made: Day },
    #[error("{treaty} is not in force for {state}: only a party may withdraw")]
    NotAParty { treaty: String, state: Iso3 },
    #[error("{state} notified its withdrawal already, on {date}")]
    AlreadyWithdrawn { state: Iso3, date: Day },
    #[error("{state} may notify its withdrawal from {from} on ({clause}), not on {date}")]
    WithdrawalTooEarly {
        state: Iso3,
        from: Day,
        clause: String,
        date: Day,
    },
    #[error("the withdrawal date is past the calendar's end")]
    PastTheCalendar,
    #[error(
        "instruments are recorded in the order of their dates: the latest on record is of {latest}, so {date} cannot be recorded now"
    )]
    OutOfOrder { latest: Day, date: Day },
    #[error(
        "{state} has not signed {treaty}: a state that has not signed consents by accession, not by {instrument}"
    )]
    NotSigned {
        state: Iso3,
        treaty: String,
        instrument: String,
    },
    #[error("the clause of {treaty} weighs {quantity}: give {state}'s share of it")]
    ShareMissing {
        treaty: String,
        quantity: String,
        state: Iso3,
    },
}

/// Why a motion cannot adopt a treaty.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AdoptionError {
    #[error("it is a decision of kind {kind:?}, not {expected:?}")]
    WrongKind { kind: String, expected: String },
    #[error("it is {}, not adopted", .status.replace('_', " "))]
    NotAdopted { status: String },
    #[error(
        "it was tabled (entry {tabled}) before the text's last change (entry {last_change}); the vote must be on the final text"
    )]
    BeforeLastChange { tabled: u64, last_change: u64 },
    #[error("it already adopted {treaty}")]
    AdoptedAnother { treaty: String },
}

impl InvalidError {
    pub fn id(&self) -> &'static str {
        match self {
            Self::File { .. } => "refused-treaty-invalid-file",
            Self::Text(_) => "refused-treaty-invalid-text",
        }
    }

    /// The message's arguments: the first problem's place and what it is (a text problem
    /// by its code, which is also a message id), and how many more there are.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::File { detail } => vec![("detail", detail.clone())],
            Self::Text(errors) => {
                let first = errors.0.first();
                vec![
                    ("line", first.map_or(0, |e| e.at.line).to_string()),
                    ("column", first.map_or(0, |e| e.at.column).to_string()),
                    (
                        "problem",
                        first.map_or_else(String::new, |e| e.kind.code().replace('_', "-")),
                    ),
                    (
                        "more",
                        match errors.0.len().saturating_sub(1) {
                            0 => "none".to_owned(),
                            n => n.to_string(),
                        },
                    ),
                ]
            }
        }
    }
}

impl ActError {
    pub fn id(&self) -> &'static str {
        match self {
            Self::DateInFuture { .. } => "refused-treaty-date-in-future",
            Self::NotTheOrgansDecision { .. } => "refused-treaty-not-the-organs-decision",
            Self::SignatureBeforeAdoption { .. } => "refused-treaty-signature-before-adoption",
            Self::SignedBeforeOpening { .. } => "refused-treaty-signed-before-opening",
            Self::AlreadySigned { .. } => "refused-treaty-already-signed",
            Self::NoInstrument { .. } => "refused-treaty-no-instrument",
            Self::NoSuchReservation { .. } => "refused-treaty-no-such-reservation",
            Self::OwnReservation { .. } => "refused-treaty-own-reservation",
            Self::ObjectionBeforeReservation { .. } => {
                "refused-treaty-objection-before-reservation"
            }
            Self::NotAParty { .. } => "refused-treaty-not-a-party",
            Self::AlreadyWithdrawn { .. } => "refused-treaty-already-withdrawn",
            Self::WithdrawalTooEarly { .. } => "refused-treaty-withdrawal-too-early",
            Self::PastTheCalendar => "refused-treaty-past-the-calendar",
            Self::OutOfOrder { .. } => "refused-treaty-out-of-order",
            Self::NotSigned { .. } => "refused-treaty-not-signed",
            Self::ShareMissing { .. } => "refused-treaty-share-missing",
        }
    }

    /// The message's arguments (states by code: the server names them).
    pub fn args(&self) -> Vec<(&'static str, String)> {
        let s = |v: &dyn ToString| v.to_string();
        match self {
            Self::DateInFuture { date, today } => vec![("date", s(date)), ("today", s(today))],
            Self::NotTheOrgansDecision {
                motion,
                organ,
                treaty,
            } => vec![
                ("motion", s(motion)),
                ("organ", s(organ)),
                ("treaty", s(treaty)),
            ],
            Self::SignatureBeforeAdoption {
                treaty,
                date,
                adopted,
            } => vec![
                ("treaty", s(treaty)),
                ("date", s(date)),
                ("adopted", s(adopted)),
            ],
            Self::SignedBeforeOpening {
                state,
                date,
                treaty,
                opened,
            } => vec![
                ("state", s(state)),
                ("date", s(date)),
                ("treaty", s(treaty)),
                ("opened", s(opened)),
            ],
            Self::AlreadySigned {
                state,
                treaty,
                date,
            } => vec![
                ("state", s(state)),
                ("treaty", s(treaty)),
                ("date", s(date)),
            ],
            Self::NoInstrument { reserving, treaty } => {
                vec![("reserving", s(reserving)), ("treaty", s(treaty))]
            }
            Self::NoSuchReservation {
                reserving,
                count,
                reservation,
            } => vec![
                ("reserving", s(reserving)),
                ("count", s(count)),
                ("reservation", s(reservation)),
            ],
            Self::OwnReservation { state } => vec![("state", s(state))],
            Self::ObjectionBeforeReservation { date, made } => {
                vec![("date", s(date)), ("made", s(made))]
            }
            Self::NotAParty { treaty, state } => vec![("treaty", s(treaty)), ("state", s(state))],
            Self::AlreadyWithdrawn { state, date } => vec![("state", s(state)), ("date", s(date))],
            Self::WithdrawalTooEarly {
                state,
                from,
                clause,
                date,
            } => vec![
                ("state", s(state)),
                ("from", s(from)),
                ("clause", s(clause)),
                ("date", s(date)),
            ],
            Self::PastTheCalendar => Vec::new(),
            Self::OutOfOrder { latest, date } => vec![("latest", s(latest)), ("date", s(date))],
            Self::NotSigned {
                state,
                treaty,
                instrument,
            } => vec![
                ("state", s(state)),
                ("treaty", s(treaty)),
                ("instrument", s(instrument)),
            ],
            Self::ShareMissing {
                treaty,
                quantity,
                state,
            } => vec![
                ("treaty", s(treaty)),
                ("quantity", s(quantity)),
                ("state", s(state)),
            ],
        }
    }
}

impl AdoptionError {
    pub fn id(&self) -> &'static str {
        match self {
            Self::WrongKind { .. } => "refused-treaty-adoption-wrong-kind",
            Self::NotAdopted { .. } => "refused-treaty-adoption-not-adopted",
            Self::BeforeLastChange { .. } => "refused-treaty-adoption-before-last-change",
            Self::AdoptedAnother { .. } => "refused-treaty-adoption-adopted-another",
        }
    }

    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Self::WrongKind { kind, expected } => {
                vec![("kind", kind.clone()), ("expected", expected.clone())]
            }
            Self::NotAdopted { status } => vec![("status", status.clone())],
            Self::BeforeLastChange {
                tabled,
                last_change,
            } => vec![
                ("tabled", tabled.to_string()),
                ("last_change", last_change.to_string()),
            ],
            Self::AdoptedAnother { treaty } => vec![("treaty", treaty.clone())],
        }
    }
}

/// A bracket edit's refusal: its Fluent id and arguments.
pub fn edit_id(e: &super::text::EditError) -> &'static str {
    use super::text::EditError as E;
    match e {
        E::UnknownParagraph(_) => "refused-treaty-edit-unknown-paragraph",
        E::UnknownBracket(_) => "refused-treaty-edit-unknown-bracket",
        E::UnknownAlternative { .. } => "refused-treaty-edit-unknown-alternative",
        E::EmptyWording => "refused-treaty-edit-empty-wording",
        E::InvalidWording(_) => "refused-treaty-edit-invalid-wording",
        E::DuplicateAlternative { .. } => "refused-treaty-edit-duplicate-alternative",
        E::WouldEmpty { .. } => "refused-treaty-edit-would-empty",
        E::TooDeep { .. } => "refused-treaty-edit-too-deep",
    }
}

/// The arguments of a bracket edit's refusal (brackets by their address in forms).
pub fn edit_args(e: &super::text::EditError) -> Vec<(&'static str, String)> {
    use super::text::EditError as E;
    let at = |b: &super::text::BracketRef| {
        let mut out = format!("{}:{}", b.para, b.index + 1);
        for (alt, idx) in &b.path {
            out.push_str(&format!("/{}:{}", alt + 1, idx + 1));
        }
        out
    };
    match e {
        E::UnknownParagraph(p) => vec![("paragraph", p.clone())],
        E::UnknownBracket(b) => vec![("bracket", at(b))],
        E::UnknownAlternative {
            bracket,
            index,
            count,
        } => vec![
            ("bracket", at(bracket)),
            ("alternative", (index + 1).to_string()),
            ("count", count.to_string()),
        ],
        E::EmptyWording => Vec::new(),
        E::InvalidWording(errors) => InvalidError::Text(errors.clone()).args(),
        E::DuplicateAlternative { bracket, index } => vec![
            ("bracket", at(bracket)),
            ("alternative", (index + 1).to_string()),
        ],
        E::WouldEmpty { bracket, what } => vec![("bracket", at(bracket)), ("what", what.clone())],
        E::TooDeep { bracket, max } => vec![("bracket", at(bracket)), ("max", max.to_string())],
    }
}
