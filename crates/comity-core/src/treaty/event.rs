//! What the journal records of this capability: `kind` is the variant's snake_case name,
//! `payload` its fields (see `crate::event`).

use serde::{Deserialize, Serialize};

use crate::ids::Iso3;
use crate::journal::Hash;
use crate::motion::Seat;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
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
}

impl Event {
    /// The treaty the event concerns.
    pub fn treaty(&self) -> &str {
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
            | Self::TreatyWithdrawal { treaty, .. } => treaty,
        }
    }
}
