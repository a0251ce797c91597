//! What a person may do on a treaty now: each act `authorize`d for them at the treaty's
//! stage, with the states they may act for in each state's act. Pages and the API ask this
//! instead of re-checking stages themselves.

use super::Command;
use super::record::{Resolution, Stage, TreatyRecord};
use super::text::{BracketRef, Choice};
use crate::auth::{Principal, authorize};
use crate::ids::{Day, Iso3};
use crate::motion::Seat;
use crate::state::State;

/// The acts open to one person on one treaty.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TreatyActs {
    pub open_round: bool,
    /// Settle a bracket (there is one open).
    pub settle: bool,
    pub adopt: bool,
    pub open_signature: bool,
    /// Seats the person may propose a wording for.
    pub propose: Vec<Seat>,
    /// States the person may sign for: those that have neither signed nor deposited.
    pub sign: Vec<Iso3>,
    /// States the person may deposit an instrument for: those yet to deposit.
    pub deposit: Vec<Iso3>,
    /// States the person may object for (where some deposit carries a reservation).
    pub object: Vec<Iso3>,
    /// States the person may notify a withdrawal for: parties that have not withdrawn.
    pub withdraw: Vec<Iso3>,
}

impl TreatyActs {
    pub fn any(&self) -> bool {
        self.open_round
            || self.settle
            || self.adopt
            || self.open_signature
            || !self.propose.is_empty()
            || !self.sign.is_empty()
            || !self.deposit.is_empty()
            || !self.object.is_empty()
            || !self.withdraw.is_empty()
    }
}

/// What `who` may do on treaty `t` on `day`.
pub fn available(state: &State, who: &Principal, day: Day, t: &TreatyRecord) -> TreatyActs {
    let may = |cmd: Command| authorize(who, &crate::Command::Treaty(cmd), state).is_ok();
    let id = || t.id.clone();
    let stage = t.stage();
    let drafting = stage == Stage::Drafting;
    let signing = matches!(stage, Stage::OpenForSignature | Stage::InForce);
    let has_brackets = t.text().is_some_and(|d| d.open_brackets().total > 0);
    let mut acts = TreatyActs {
        open_round: drafting
            && may(Command::OpenTreatyRound {
                treaty: id(),
                text: None,
            }),
        settle: drafting
            && has_brackets
            && may(Command::ResolveBracket {
                treaty: id(),
                bracket: BracketRef::top("title", 0),
                choice: Choice::Delete,
                by: Resolution::Agreement,
            }),
        adopt: drafting
            && may(Command::AdoptTreaty {
                treaty: id(),
                motion: 0,
            }),
        open_signature: stage == Stage::Adopted
            && may(Command::OpenTreatyForSignature {
                treaty: id(),
                date: day,
                place: String::new(),
            }),
        ..TreatyActs::default()
    };
    if drafting && has_brackets && state.charter.is_some() {
        acts.propose = who
            .seats(state)
            .into_iter()
            .filter(|seat| {
                may(Command::ProposeWording {
                    treaty: id(),
                    bracket: BracketRef::top("title", 0),
                    wording: String::new(),
                    by: seat.clone(),
                })
            })
            .collect();
    }
    if signing {
        let states: Vec<Iso3> = state
            .registry
            .countries()
            .filter(|c| {
                may(Command::SignTreaty {
                    treaty: id(),
                    state: c.iso3.clone(),
                    date: day,
                })
            })
            .map(|c| c.iso3.clone())
            .collect();
        let pick =
            |keep: &dyn Fn(&Iso3) -> bool| states.iter().filter(|i| keep(i)).cloned().collect();
        acts.sign = pick(&|i| !t.signatures.contains_key(i) && t.deposit_of(i).is_none());
        acts.deposit = pick(&|i| t.deposit_of(i).is_none());
        if t.deposits.iter().any(|d| !d.reservations.is_empty()) {
            acts.object = states.clone();
        }
        acts.withdraw =
            pick(&|i| t.eif.per_state.contains_key(i) && !t.withdrawals.contains_key(i));
    }
    acts
}
