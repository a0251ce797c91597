//! What someone asks the institution to do. `decide` turns a command into events or a refusal.

use comity_voting::rules::Vote;

use crate::ids::{Iso3, Timestamp};
use crate::motion::Seat;
use crate::registry::{Country, FhEdition, VdemYear};

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Load or update the states of the world.
    ImportStates {
        states: Vec<Country>,
    },
    /// Load editions of Freedom in the World; members that fall below the criterion are flagged.
    ImportFreedomHouse {
        editions: Vec<FhEdition>,
    },
    /// Load years of V-Dem; members that fall below the criterion are flagged.
    ImportVdem {
        years: Vec<VdemYear>,
    },
    /// Adopt the founding charter (`file` names it in error messages).
    AdoptCharter {
        file: String,
        source: String,
    },
    /// Admit the founding members the charter names, each judged by its criterion.
    AdmitFoundingMembers,
    /// Record who holds an organ's fixed seats (the result of an election or appointment).
    AssignSeats {
        organ: String,
        states: Vec<Iso3>,
    },
    /// Table a motion of a decision kind, in the organ the charter gives that kind.
    TableMotion {
        decision: String,
        title: String,
        text: String,
        sponsor: Seat,
    },
    /// Join a motion's sponsors.
    Cosponsor {
        motion: u64,
        seat: Seat,
    },
    /// Table an amendment: `text` is the motion's text as amended. Amendments of one
    /// `group` compete for the same part of the text.
    TableAmendment {
        motion: u64,
        title: String,
        text: String,
        group: Option<String>,
        sponsor: Seat,
    },
    WithdrawMotion {
        motion: u64,
    },
    WithdrawAmendment {
        motion: u64,
        amendment: u32,
    },
    OpenDebate {
        motion: u64,
    },
    /// Put the next item to the vote until `closes_at`; the first vote may state the order
    /// of amendments.
    OpenVote {
        motion: u64,
        closes_at: Timestamp,
        order: Option<Vec<u32>>,
    },
    /// A state's vote on the item open; a later vote replaces it until the close.
    CastVote {
        motion: u64,
        state: Iso3,
        vote: Vote,
    },
    /// Close the open vote and record the tally; `casting_vote` is the chair's, used only
    /// where the charter gives the chair one and the vote is tied.
    CloseVote {
        motion: u64,
        casting_vote: Option<bool>,
    },
    /// Open an election of `seats` persons among `candidates` in an organ, by `method`.
    OpenElection {
        organ: String,
        title: String,
        method: String,
        seats: u32,
        candidates: Vec<String>,
        closes_at: Timestamp,
        seed: u64,
    },
    /// A state's secret ballot: the ranking goes to the ballot box, the journal records only
    /// that the state voted.
    CastBallot {
        election: u64,
        state: Iso3,
        ranking: Vec<String>,
    },
    /// Ballots cast on paper in the organ's session and counted by its tellers, from their
    /// file (peer JSON or BLT): `states` are those the register shows as having voted, as
    /// many as the ballots. The ballots join the ballot box, unlinked from the states.
    RecordPaperBallots {
        election: u64,
        states: Vec<Iso3>,
        ballots: Vec<(Vec<String>, u64)>,
        /// The file's name and SHA-256, as the secretariat received it.
        source: String,
    },
    /// Add volunteers to the pool of an organ drawn by lot (one by the citizen's own form,
    /// or many from the secretariat's import).
    RegisterVolunteers {
        organ: String,
        volunteers: Vec<crate::assembly::Volunteer>,
    },
    /// Publish the hash of the seed the next draw will use; the pool closes.
    CommitDraw {
        organ: String,
        commitment: crate::journal::Hash,
    },
    /// Reveal the seed: compute the fairest distribution and draw the panel from it.
    DrawAssembly {
        organ: String,
        seed: String,
    },
    /// Close the election with the ballot box's contents (ranking → count), count and publish.
    CloseElection {
        election: u64,
        ballots: Vec<(Vec<String>, u64)>,
    },
    /// A state applies for membership; the eligibility report is generated from the ratings.
    ApplyForMembership {
        state: Iso3,
    },
    /// Put an eligible application before the organ that decides accession.
    ReferApplication {
        application: u64,
    },
    /// Propose a measure in a review: it is tabled as a motion of kind `membership_review`.
    ProposeMeasure {
        review: u64,
        measure: crate::membership::Measure,
    },
    /// An organ the charter asks (`opinion_from`) gives its opinion on a motion.
    GiveOpinion {
        motion: u64,
        organ: String,
        position: crate::membership::Position,
        text: String,
    },
    /// A network's division on a motion, as it reports it: co-decision where the charter
    /// gives it (before the deciding organ's final vote), or a qualified objection to an
    /// adopted decision within the charter's time.
    NetworkVote {
        motion: u64,
        organ: String,
        act: crate::membership::NetworkAct,
        yes: u32,
        no: u32,
        abstain: u32,
    },
    /// Hold a network's co-decision or objection as a roll call of its accredited members on
    /// the platform, open until `closes_at`.
    OpenNetworkDivision {
        motion: u64,
        organ: String,
        act: crate::membership::NetworkAct,
        closes_at: Timestamp,
    },
    /// An accredited member's vote (by accreditation number) in a network's open roll call;
    /// a later vote replaces it until the close.
    CastNetworkVote {
        motion: u64,
        organ: String,
        member: u64,
        vote: Vote,
    },
    /// Close a network's roll call and record its division: when the time is over, or
    /// earlier once every member has voted.
    CloseNetworkDivision {
        motion: u64,
        organ: String,
    },
    /// Ask that a parliamentarian, opposition leader or organisation sit in network `organ`.
    RequestAccreditation {
        organ: String,
        name: String,
        country: Iso3,
        kind: crate::membership::AccreditationKind,
        description: String,
    },
    /// The deciding organ's division on an accreditation, as it reports it.
    DecideAccreditation {
        accreditation: u64,
        yes: u32,
        no: u32,
        abstain: u32,
    },
    /// An organ's report, to its `reports_to` organ or, without one, to the Summit.
    SubmitReport {
        organ: String,
        title: String,
        period: String,
        text: String,
    },
    /// A member state names its democracy officer and the office's public contact.
    DesignateDemocracyOfficer {
        state: Iso3,
        name: String,
        office: String,
        contact: String,
    },
    /// Open the drafting of a treaty in an organ (a commission): the treaty file (TOML:
    /// particulars and entry-into-force clause; `file_name` names it in errors) and the
    /// first round's text in bracket syntax.
    OpenTreaty {
        organ: String,
        file_name: String,
        file: String,
        text: String,
    },
    /// Open the next negotiating round, with a consolidated text or the text as it stands.
    OpenTreatyRound {
        treaty: String,
        text: Option<String>,
    },
    /// Offer a wording as a further alternative in a bracket, on behalf of `by`.
    ProposeWording {
        treaty: String,
        bracket: crate::treaty::text::BracketRef,
        wording: String,
        by: Seat,
    },
    /// Settle a bracket: by agreement, or by an adopted motion of the drafting organ.
    ResolveBracket {
        treaty: String,
        bracket: crate::treaty::text::BracketRef,
        choice: crate::treaty::text::Choice,
        by: crate::treaty::record::Resolution,
    },
    /// Record the adoption of the final text by `motion` (of kind `treaty_adoption`, adopted).
    AdoptTreaty {
        treaty: String,
        motion: u64,
    },
    OpenTreatyForSignature {
        treaty: String,
        date: crate::ids::Day,
        place: String,
    },
    SignTreaty {
        treaty: String,
        state: Iso3,
        date: crate::ids::Day,
    },
    DepositInstrument {
        treaty: String,
        deposit: crate::treaty::eif::Deposit,
        reservations: Vec<String>,
        declarations: Vec<String>,
    },
    ObjectToReservation {
        treaty: String,
        state: Iso3,
        reserving: Iso3,
        reservation: u32,
        text: String,
        date: crate::ids::Day,
    },
    WithdrawFromTreaty {
        treaty: String,
        state: Iso3,
        date: crate::ids::Day,
    },
}
