//! What happened: the facts the journal records. `State::apply` folds them.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use comity_voting::rules::{Tally, Vote};

use crate::ids::{Iso3, Timestamp};
use crate::journal::Hash;
use crate::motion::{Item, Seat};
use crate::registry::{Country, FhEdition, VdemYear};

/// How a state became a member.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Admission {
    Founding,
    Accession,
}

/// One recorded fact. The journal stores it as `kind` (the variant's snake_case name) and
/// `payload` (its fields).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "payload", rename_all = "snake_case")]
pub enum Event {
    /// The states of the world the registry knows, with codes, names, groups and population.
    StatesImported {
        states: Vec<Country>,
    },
    /// One edition of Freedom House's *Freedom in the World*.
    FreedomHouseEditionImported(FhEdition),
    /// One year of V-Dem's Regimes of the World and indices.
    VdemYearImported(VdemYear),
    /// The alliance's charter, as its TOML source, adopted.
    CharterAdopted {
        name: String,
        source: String,
        sha256: Hash,
    },
    /// A state became a member; `reason` is the eligibility verdict it was admitted on.
    MemberAdmitted {
        state: Iso3,
        admission: Admission,
        criterion: String,
        reason: String,
    },
    /// A member's rating fell below the charter's criterion: it is flagged for review.
    MemberFlaggedForReview {
        state: Iso3,
        criterion: String,
        edition: String,
        change: String,
    },
    /// The states holding an organ's fixed seats.
    SeatsAssigned {
        organ: String,
        states: Vec<Iso3>,
    },
    MotionTabled {
        motion: u64,
        organ: String,
        decision: String,
        title: String,
        text: String,
        sponsor: Seat,
    },
    MotionCosponsored {
        motion: u64,
        seat: Seat,
    },
    AmendmentTabled {
        motion: u64,
        amendment: u32,
        title: String,
        text: String,
        group: Option<String>,
        sponsor: Seat,
    },
    MotionWithdrawn {
        motion: u64,
    },
    AmendmentWithdrawn {
        motion: u64,
        amendment: u32,
    },
    DebateOpened {
        motion: u64,
    },
    /// A roll call opened on `item` for the states seated in the organ.
    VoteOpened {
        motion: u64,
        item: Item,
        closes_at: Timestamp,
        electorate: Vec<Iso3>,
        order: Vec<u32>,
    },
    VoteCast {
        motion: u64,
        item: Item,
        state: Iso3,
        vote: Vote,
    },
    /// The roll call closed with this tally; `lapsed` are competing amendments that fell.
    VoteClosed {
        motion: u64,
        item: Item,
        tally: Tally,
        objections: Vec<Iso3>,
        lapsed: Vec<u32>,
        casting_vote: Option<bool>,
    },
    ElectionOpened {
        election: u64,
        organ: String,
        title: String,
        method: String,
        seats: u32,
        candidates: Vec<String>,
        closes_at: Timestamp,
        seed: u64,
        electorate: Vec<Iso3>,
    },
    /// A state voted; what it voted is not recorded.
    BallotCast {
        election: u64,
        state: Iso3,
    },
    /// Ballots cast on paper were put in the ballot box: the states that voted (from the
    /// register), how many ballots, and the tellers' file they came from.
    PaperBallotsRecorded {
        election: u64,
        states: Vec<Iso3>,
        ballots: u64,
        source: String,
    },
    /// Volunteers joined the pool of an organ drawn by lot, numbered from `first`.
    VolunteersRegistered {
        organ: String,
        first: u64,
        volunteers: Vec<crate::assembly::Volunteer>,
    },
    /// The hash of the lottery's seed is published; the pool (the first `pool` volunteers)
    /// closes.
    DrawCommitted {
        organ: String,
        draw: u64,
        commitment: Hash,
        algorithm: String,
        pool: u64,
        panel_size: u64,
    },
    /// The seed revealed, the fairest distribution computed and the panel drawn from it.
    /// Probabilities are in parts per trillion (integers keep the journal's canonical JSON
    /// exact in every language that reads it).
    AssemblyDrawn {
        organ: String,
        draw: u64,
        seed: String,
        panel: Vec<u64>,
        min_probability_ppt: u64,
        probabilities_ppt: Vec<u64>,
        panels: u64,
    },
    /// A state applied for membership; `report` is the eligibility report under `criterion`.
    MembershipApplied {
        application: u64,
        state: Iso3,
        criterion: String,
        eligible: bool,
        report: String,
    },
    /// An eligible application put before the deciding organ as motion `motion`.
    ApplicationReferred {
        application: u64,
        motion: u64,
    },
    /// The accession motion's vote closed: admitted (with `member_admitted`) or refused.
    ApplicationDecided {
        application: u64,
        admitted: bool,
    },
    /// A member fell below the criterion: a review opens in the organ the charter names.
    ReviewOpened {
        review: u64,
        state: Iso3,
        organ: String,
        criterion: String,
        edition: String,
        evidence: String,
    },
    /// A measure proposed in a review, as motion `motion` of kind `membership_review`.
    ReviewReferred {
        review: u64,
        motion: u64,
        measure: crate::membership::Measure,
    },
    /// The review's motion closed: the measure taken, or none if it was rejected.
    ReviewDecided {
        review: u64,
        state: Iso3,
        measure: Option<crate::membership::Measure>,
    },
    /// An organ the charter asks gave its opinion on a motion.
    OpinionGiven {
        motion: u64,
        organ: String,
        position: crate::membership::Position,
        text: String,
    },
    /// A network's own vote on a motion: co-decision (a refusal rejects the motion) or a
    /// qualified objection (carried: second reading or block, by the charter's `effect`).
    NetworkVoted {
        motion: u64,
        organ: String,
        act: crate::membership::NetworkAct,
        yes: u32,
        no: u32,
        abstain: u32,
        carried: bool,
        effect: Option<crate::charter::ObjectionEffect>,
    },
    /// A network's roll call of its accredited members opened on the platform; its close is
    /// recorded as `network_voted`, whose counts must follow from the votes cast.
    NetworkDivisionOpened {
        motion: u64,
        organ: String,
        act: crate::membership::NetworkAct,
        closes_at: Timestamp,
        /// Accreditation numbers of those who may vote.
        electorate: Vec<u64>,
    },
    /// An accredited member's vote in a network's roll call (public, by name).
    NetworkVoteCast {
        motion: u64,
        organ: String,
        member: u64,
        vote: Vote,
    },
    /// A parliamentarian, opposition leader or civil society organisation asks to sit in a network.
    AccreditationRequested {
        accreditation: u64,
        organ: String,
        name: String,
        country: Iso3,
        kind: crate::membership::AccreditationKind,
        description: String,
    },
    /// The organ the charter gives `accreditation` decided, by its reported division.
    AccreditationDecided {
        accreditation: u64,
        organ: String,
        yes: u32,
        no: u32,
        abstain: u32,
        accredited: bool,
    },
    /// An organ reported to the organ it answers to (seed 000: the Summit receives reports).
    ReportSubmitted {
        report: u64,
        organ: String,
        to: String,
        title: String,
        period: String,
        text: String,
    },
    /// A member state named its democracy officer (replacing any before).
    DemocracyOfficerDesignated {
        state: Iso3,
        name: String,
        office: String,
        contact: String,
    },
    /// A treaty's drafting opened in an organ: the treaty file (particulars and
    /// entry-into-force clause, TOML) and the first round's text (bracket syntax).
    TreatyOpened {
        treaty: String,
        organ: String,
        title: String,
        file: String,
        text: String,
    },
    /// A new negotiating round: its text is `text` (a consolidated draft) or, without it,
    /// the text as the last round left it.
    TreatyRoundOpened {
        treaty: String,
        round: u32,
        text: Option<String>,
    },
    /// A wording offered as a further alternative in a bracket.
    TreatyWordingProposed {
        treaty: String,
        round: u32,
        bracket: crate::treaty::text::BracketRef,
        wording: String,
        by: Seat,
    },
    /// A bracket settled, by agreement or by a decision of the drafting organ.
    TreatyBracketResolved {
        treaty: String,
        round: u32,
        bracket: crate::treaty::text::BracketRef,
        choice: crate::treaty::text::Choice,
        by: crate::treaty::record::Resolution,
    },
    /// The final text adopted by the decision the charter sets for treaties.
    TreatyAdopted {
        treaty: String,
        motion: u64,
        round: u32,
        text_sha256: Hash,
    },
    TreatyOpenedForSignature {
        treaty: String,
        date: crate::ids::Day,
        place: String,
    },
    TreatySigned {
        treaty: String,
        state: Iso3,
        date: crate::ids::Day,
    },
    /// An instrument of ratification, acceptance, approval or accession deposited.
    InstrumentDeposited {
        treaty: String,
        deposit: crate::treaty::eif::Deposit,
        reservations: Vec<String>,
        declarations: Vec<String>,
    },
    /// A state objects to another state's reservation (numbered from 1).
    ReservationObjected {
        treaty: String,
        state: Iso3,
        reserving: Iso3,
        reservation: u32,
        text: String,
        date: crate::ids::Day,
    },
    /// The deposits met the treaty's clause: the date it enters into force, as computed.
    TreatyEnteredIntoForce {
        treaty: String,
        conditions_met: crate::ids::Day,
        date: crate::ids::Day,
        instruments: u64,
    },
    /// A party notified its withdrawal; it takes effect on `effective`, by the treaty's clause.
    TreatyWithdrawal {
        treaty: String,
        state: Iso3,
        notified: crate::ids::Day,
        effective: crate::ids::Day,
    },
    /// The ballots, grouped and sorted (no link to voters), and the elected.
    ElectionCounted {
        election: u64,
        ballots: crate::election::Ballots,
        elected: Vec<String>,
        by_lot: bool,
    },
}

impl Event {
    /// Split into the journal's `kind` and `payload` columns.
    pub fn to_parts(&self) -> (String, Value) {
        match serde_json::to_value(self) {
            Ok(Value::Object(mut m)) => {
                let kind = match m.remove("kind") {
                    Some(Value::String(k)) => k,
                    _ => String::new(),
                };
                (kind, m.remove("payload").unwrap_or(Value::Null))
            }
            _ => (String::new(), Value::Null),
        }
    }

    pub fn from_parts(kind: &str, payload: &Value) -> Result<Self, serde_json::Error> {
        serde_json::from_value(serde_json::json!({ "kind": kind, "payload": payload }))
    }

    /// The motion an event concerns, if any.
    pub fn motion(&self) -> Option<u64> {
        match self {
            Self::MotionTabled { motion, .. }
            | Self::MotionCosponsored { motion, .. }
            | Self::AmendmentTabled { motion, .. }
            | Self::MotionWithdrawn { motion }
            | Self::AmendmentWithdrawn { motion, .. }
            | Self::DebateOpened { motion }
            | Self::VoteOpened { motion, .. }
            | Self::VoteCast { motion, .. }
            | Self::VoteClosed { motion, .. }
            | Self::OpinionGiven { motion, .. }
            | Self::NetworkVoted { motion, .. }
            | Self::NetworkDivisionOpened { motion, .. }
            | Self::NetworkVoteCast { motion, .. } => Some(*motion),
            _ => None,
        }
    }

    /// The election an event concerns, if any.
    pub fn election(&self) -> Option<u64> {
        match self {
            Self::ElectionOpened { election, .. }
            | Self::BallotCast { election, .. }
            | Self::PaperBallotsRecorded { election, .. }
            | Self::ElectionCounted { election, .. } => Some(*election),
            _ => None,
        }
    }

    /// The treaty an event concerns, if any.
    pub fn treaty(&self) -> Option<&str> {
        match self {
            Self::TreatyOpened { treaty, .. }
            | Self::TreatyRoundOpened { treaty, .. }
            | Self::TreatyWordingProposed { treaty, .. }
            | Self::TreatyBracketResolved { treaty, .. }
            | Self::TreatyAdopted { treaty, .. }
            | Self::TreatyOpenedForSignature { treaty, .. }
            | Self::TreatySigned { treaty, .. }
            | Self::InstrumentDeposited { treaty, .. }
            | Self::ReservationObjected { treaty, .. }
            | Self::TreatyEnteredIntoForce { treaty, .. }
            | Self::TreatyWithdrawal { treaty, .. } => Some(treaty),
            _ => None,
        }
    }

    pub fn kind(&self) -> String {
        self.to_parts().0
    }
}
