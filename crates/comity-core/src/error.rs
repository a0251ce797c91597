//! Why a command was refused. Each variant has a stable id, which is also its message id
//! in the translations.

use crate::charter::CharterErrors;
use crate::ids::{Iso3, Timestamp};
use crate::motion::{Item, MotionStatus};

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DomainError {
    #[error("the charter is not valid:\n{0}")]
    InvalidCharter(CharterErrors),
    #[error(
        "a charter is already adopted; change it by a decision of kind charter_amendment under its own rule"
    )]
    CharterAlreadyAdopted,
    #[error("no charter is adopted yet")]
    NoCharter,
    #[error("the founding members are already admitted")]
    AlreadyFounded,
    #[error("no states are loaded in the registry; import the states first")]
    NoStates,
    #[error("founding members that do not meet the criterion {criterion:?}: {}", .refused.iter().map(|(s, r)| format!("{s} ({r})")).collect::<Vec<_>>().join("; "))]
    FoundersNotEligible {
        criterion: String,
        refused: Vec<(Iso3, String)>,
    },
    #[error("{0} is not a state the registry knows")]
    UnknownState(Iso3),
    #[error("{what} is already recorded with exactly these values; nothing to import")]
    NothingNew { what: String },
    #[error("the import is empty")]
    EmptyImport,
    #[error("there is no organ {0:?} in the charter")]
    UnknownOrgan(String),
    #[error("there is no decision kind {0:?} in the charter")]
    UnknownDecision(String),
    #[error("{field}: must not be empty")]
    EmptyField { field: &'static str },
    #[error("{field}: at most {max} characters")]
    TooLong { field: &'static str, max: usize },
    #[error("{organ:?} has no fixed seats for member states to assign")]
    NoFixedSeats { organ: String },
    #[error("{organ:?} has {seats} seats; {given} states were named")]
    SeatCount {
        organ: String,
        seats: u32,
        given: usize,
    },
    #[error("{0} is not a member of the alliance")]
    NotAMember(Iso3),
    #[error("{0} is named twice")]
    Duplicate(String),
    #[error("there is no motion {0}")]
    UnknownMotion(u64),
    #[error("motion {motion} has no amendment {amendment}")]
    UnknownAmendment { motion: u64, amendment: u32 },
    #[error("motion {motion} is {}: it cannot {act} now", .status.code().replace('_', " "))]
    WrongStatus {
        motion: u64,
        status: MotionStatus,
        act: &'static str,
    },
    #[error("amendment {amendment} of motion {motion} is {status}: it cannot be withdrawn")]
    AmendmentSettled {
        motion: u64,
        amendment: u32,
        status: &'static str,
    },
    #[error("{seat} already sponsors motion {motion}")]
    AlreadySponsor { motion: u64, seat: String },
    #[error("a vote on {item} of motion {motion} is already open")]
    VoteAlreadyOpen { motion: u64, item: Item },
    #[error("no vote is open on motion {0}")]
    NoVoteOpen(u64),
    #[error("the vote must close after it opens: {closes_at} is not after {now}")]
    DeadlineInPast {
        closes_at: Timestamp,
        now: Timestamp,
    },
    #[error("the voting order must name each tabled amendment once: {0}")]
    BadOrder(crate::motion::OrderError),
    #[error("nobody holds a seat in {0:?} to vote")]
    NoElectorate(String),
    #[error("{state} holds no seat in {organ:?} for this vote")]
    NotSeated { state: Iso3, organ: String },
    #[error("the vote closed at {closes_at}; votes are no longer taken")]
    VoteOver { closes_at: Timestamp },
    #[error("{state} has already voted {vote} on this item")]
    SameVote { state: Iso3, vote: &'static str },
    #[error("the vote is open until {closes_at} and {missing} of the seated states have not voted")]
    VoteStillOpen {
        closes_at: Timestamp,
        missing: usize,
    },
    #[error(
        "voting on this item is by seats that persons hold in {0:?}; only states' roll calls are counted yet"
    )]
    PersonsVoteUnsupported(String),
    #[error("the charter's rule cannot be applied: {0}")]
    Rule(crate::base::RuleError),
    #[error("there is no election {0}")]
    UnknownElection(u64),
    #[error("{0}")]
    Election(crate::election::ElectionError),
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
    #[error("{0} is already a member")]
    AlreadyMember(Iso3),
    #[error("{state} has an application pending (application {application})")]
    ApplicationPending { state: Iso3, application: u64 },
    #[error("there is no application {0}")]
    UnknownApplication(u64),
    #[error("application {application} cannot go to a vote: {report}")]
    NotEligible { application: u64, report: String },
    #[error("application {application} is {status}: it cannot be referred now")]
    ApplicationSettled {
        application: u64,
        status: &'static str,
    },
    #[error("there is no review {0}")]
    UnknownReview(u64),
    #[error("review {0} already has a measure before the organ or is closed")]
    ReviewBusy(u64),
    #[error("{state}'s voting rights are suspended (review {review})")]
    Suspended { state: Iso3, review: u64 },
    #[error("{organ} acts outside its powers: {clause}")]
    OutsidePowers { organ: String, clause: String },
    #[error("{organ} has given its opinion on motion {motion} already")]
    OpinionGiven { organ: String, motion: u64 },
    #[error("the vote waits for the opinion of {organ}, required by the charter, until {until}")]
    OpinionPending { organ: String, until: Timestamp },
    #[error("{organ} has voted on motion {motion} already ({act})")]
    NetworkVotedAlready {
        organ: String,
        motion: u64,
        act: &'static str,
    },
    #[error("no roll call of {organ} is open on motion {motion}")]
    NoDivisionOpen { organ: String, motion: u64 },
    #[error("a roll call of {organ} on motion {motion} is open already")]
    DivisionOpen { organ: String, motion: u64 },
    #[error("{0} has no accredited member: a roll call needs at least one")]
    NoAccreditedMembers(String),
    #[error("accreditation {member} does not vote in this roll call of {organ}")]
    NotInDivision { member: u64, organ: String },
    #[error("accreditation {member} has voted {vote} already")]
    SameNetworkVote { member: u64, vote: &'static str },
    #[error("the vote on motion {motion} waits for the co-decision of {organ}")]
    CoDecisionPending { organ: String, motion: u64 },
    #[error("the time to object to motion {motion} ended at {until}")]
    ObjectionTooLate { motion: u64, until: Timestamp },
    #[error("there is no accreditation request {0}")]
    UnknownAccreditation(u64),
    #[error("accreditation request {0} is decided already")]
    AccreditationSettled(u64),
    #[error("{organ:?} is not a network whose seats persons or organisations hold")]
    NotANetwork { organ: String },
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

impl DomainError {
    /// The refusal's own message, where it is finer than its kind: the Fluent id and its
    /// arguments (the refusals whose words come from a capability's typed error).
    pub fn detail(&self) -> Option<(&'static str, Vec<(&'static str, String)>)> {
        match self {
            Self::BadOrder(e) => Some((e.id(), e.args())),
            Self::Rule(e) => Some((e.id(), e.args())),
            Self::Election(e) => Some((e.id(), e.args())),
            Self::Sortition(e) => Some((e.id(), e.args())),
            Self::TreatyInvalid(e) => Some((e.id(), e.args())),
            Self::TreatyEdit(e) => Some((crate::treaty::edit_id(e), crate::treaty::edit_args(e))),
            Self::TreatyAct(e) => Some((e.id(), e.args())),
            Self::AdoptionMotion { motion, detail } => {
                let mut args = detail.args();
                args.push(("motion", motion.to_string()));
                Some((detail.id(), args))
            }
            _ => None,
        }
    }

    /// Stable identifier, used as the Fluent message id and in API problem types.
    pub fn id(&self) -> &'static str {
        match self {
            Self::InvalidCharter(_) => "charter-invalid",
            Self::CharterAlreadyAdopted => "charter-already-adopted",
            Self::NoCharter => "charter-missing",
            Self::AlreadyFounded => "founding-already-done",
            Self::NoStates => "registry-empty",
            Self::FoundersNotEligible { .. } => "founders-not-eligible",
            Self::UnknownState(_) => "state-unknown",
            Self::NothingNew { .. } => "import-nothing-new",
            Self::EmptyImport => "import-empty",
            Self::UnknownOrgan(_) => "organ-unknown",
            Self::UnknownDecision(_) => "decision-unknown",
            Self::EmptyField { .. } => "field-empty",
            Self::TooLong { .. } => "field-too-long",
            Self::NoFixedSeats { .. } => "seats-not-fixed",
            Self::SeatCount { .. } => "seats-count",
            Self::NotAMember(_) => "state-not-member",
            Self::Duplicate(_) => "duplicate",
            Self::UnknownMotion(_) => "motion-unknown",
            Self::UnknownAmendment { .. } => "amendment-unknown",
            Self::WrongStatus { .. } => "motion-wrong-status",
            Self::AmendmentSettled { .. } => "amendment-settled",
            Self::AlreadySponsor { .. } => "motion-already-sponsor",
            Self::VoteAlreadyOpen { .. } => "vote-already-open",
            Self::NoVoteOpen(_) => "vote-none-open",
            Self::DeadlineInPast { .. } => "vote-deadline-past",
            Self::BadOrder(_) => "vote-bad-order",
            Self::NoElectorate(_) => "vote-no-electorate",
            Self::NotSeated { .. } => "vote-not-seated",
            Self::VoteOver { .. } => "vote-over",
            Self::SameVote { .. } => "vote-same",
            Self::VoteStillOpen { .. } => "vote-still-open",
            Self::PersonsVoteUnsupported(_) => "vote-persons-unsupported",
            Self::Rule(_) => "rule-invalid",
            Self::UnknownElection(_) => "election-unknown",
            Self::Election(_) => "election-invalid",
            Self::NotByLot(_) => "assembly-not-by-lot",
            Self::VolunteerInvalid { .. } => "assembly-volunteer-invalid",
            Self::PoolClosed(_) => "assembly-pool-closed",
            Self::DrawPending(_) => "assembly-draw-pending",
            Self::NoDrawPending(_) => "assembly-no-draw-pending",
            Self::SeedMismatch => "assembly-seed-mismatch",
            Self::Sortition(_) => "assembly-sortition",
            Self::AlreadyMember(_) => "membership-already-member",
            Self::ApplicationPending { .. } => "membership-application-pending",
            Self::UnknownApplication(_) => "membership-application-unknown",
            Self::NotEligible { .. } => "membership-not-eligible",
            Self::ApplicationSettled { .. } => "membership-application-settled",
            Self::UnknownReview(_) => "review-unknown",
            Self::ReviewBusy(_) => "review-busy",
            Self::Suspended { .. } => "member-suspended",
            Self::OutsidePowers { .. } => "outside-powers",
            Self::OpinionGiven { .. } => "opinion-given",
            Self::OpinionPending { .. } => "opinion-pending",
            Self::NetworkVotedAlready { .. } => "network-voted-already",
            Self::NoDivisionOpen { .. } => "network-division-none",
            Self::DivisionOpen { .. } => "network-division-open",
            Self::NoAccreditedMembers(_) => "network-division-empty",
            Self::NotInDivision { .. } => "network-division-not-member",
            Self::SameNetworkVote { .. } => "network-vote-same",
            Self::CoDecisionPending { .. } => "co-decision-pending",
            Self::ObjectionTooLate { .. } => "objection-too-late",
            Self::UnknownAccreditation(_) => "accreditation-unknown",
            Self::AccreditationSettled(_) => "accreditation-settled",
            Self::NotANetwork { .. } => "accreditation-not-a-network",
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
