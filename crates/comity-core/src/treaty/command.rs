//! Treaties: drafting rounds, brackets, adoption, signature, deposits, withdrawal.

use crate::ids::Iso3;
use crate::motion::Seat;

/// What someone asks of this capability; `decide` turns it into events or a refusal.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
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
    AdoptTreaty { treaty: String, motion: u64 },
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
