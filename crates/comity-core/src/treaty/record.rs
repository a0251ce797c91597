//! A treaty in the projection: its negotiating rounds, adoption, signatures, deposits,
//! reservations and objections, withdrawals, and its entry into force as the clause gives it.
//!
//! Stages: drafting (rounds of bracketed text in the drafting organ) → adopted (the final
//! text, with no bracket left, by a decision of kind `treaty_adoption`) → open for signature
//! → in force, once the deposits meet the treaty's own clause.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::eif::{Deposit, EntryIntoForce, Step, Treaty};
use super::text::{BracketRef, Choice, Draft};
use crate::ids::{Actor, Day, Iso3, Timestamp};
use crate::journal::Hash;
use crate::motion::Seat;

/// How a bracket was settled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Resolution {
    /// Agreed in the room (recorded by the chair or the secretariat).
    Agreement,
    /// Decided by an adopted motion of the drafting organ.
    Motion(u64),
}

/// One negotiating round: its text as it stood when the round opened and as it stands now
/// (or stood when the next round opened).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Round {
    pub number: u32,
    pub opened_seq: u64,
    pub opened_at: Timestamp,
    pub opened_by: Actor,
    pub start: Draft,
    pub end: Draft,
}

/// A wording proposed for a bracket, and by whom.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Proposal {
    pub seq: u64,
    pub round: u32,
    pub bracket: BracketRef,
    pub wording: String,
    pub by: Seat,
    pub actor: Actor,
}

/// A bracket settled, how and by whom.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settlement {
    pub seq: u64,
    pub round: u32,
    pub bracket: BracketRef,
    /// The bracket's language before it was settled.
    pub was: String,
    pub choice: Choice,
    pub by: Resolution,
    pub actor: Actor,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Adoption {
    pub seq: u64,
    pub day: Option<Day>,
    pub motion: u64,
    pub round: u32,
    pub text_sha256: Hash,
}

/// An instrument on deposit, with the state's reservations and declarations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DepositRecord {
    pub seq: u64,
    pub deposit: Deposit,
    pub reservations: Vec<String>,
    pub declarations: Vec<String>,
}

/// A state's objection to another's reservation (numbered from 1 in its instrument).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Objection {
    pub seq: u64,
    pub state: Iso3,
    pub reserving: Iso3,
    pub reservation: u32,
    pub text: String,
    pub date: Day,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Withdrawal {
    pub seq: u64,
    pub notified: Day,
    pub effective: Day,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Drafting,
    Adopted,
    OpenForSignature,
    /// The clause is met and the date is fixed, but it has not come yet (see [`TreatyRecord::stage_on`]).
    EntryIntoForceFixed,
    InForce,
}

impl Stage {
    pub fn code(self) -> &'static str {
        match self {
            Self::Drafting => "drafting",
            Self::Adopted => "adopted",
            Self::OpenForSignature => "open_for_signature",
            Self::EntryIntoForceFixed => "entry_into_force_fixed",
            Self::InForce => "in_force",
        }
    }
}

/// Everything recorded about one treaty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TreatyRecord {
    pub id: String,
    /// The organ that drafts it.
    pub organ: String,
    pub title: String,
    /// The treaty file (particulars and entry-into-force clause), as adopted with the draft.
    pub file: Treaty,
    pub file_source: String,
    pub opened_seq: u64,
    pub rounds: Vec<Round>,
    pub proposals: Vec<Proposal>,
    pub settlements: Vec<Settlement>,
    pub adopted: Option<Adoption>,
    /// Opened for signature: the day and the place.
    pub signature: Option<(Day, String)>,
    pub signatures: BTreeMap<Iso3, Day>,
    pub deposits: Vec<DepositRecord>,
    pub objections: Vec<Objection>,
    pub withdrawals: BTreeMap<Iso3, Withdrawal>,
    /// What the clause gives for the deposits so far.
    pub eif: EntryIntoForce,
    /// The entry that recorded entry into force.
    pub eif_seq: Option<u64>,
    /// Every journal entry about this treaty.
    pub acts: Vec<u64>,
}

impl TreatyRecord {
    pub fn stage(&self) -> Stage {
        if self.eif_seq.is_some() {
            Stage::InForce
        } else if self.signature.is_some() {
            Stage::OpenForSignature
        } else if self.adopted.is_some() {
            Stage::Adopted
        } else {
            Stage::Drafting
        }
    }

    /// The stage as a reader sees it on `today`: a treaty whose clause is met is in force
    /// only from the date the clause gives. (`stage` alone, for deciding acts, has no date.)
    pub fn stage_on(&self, today: Day) -> Stage {
        match (self.stage(), self.eif.entry_into_force) {
            (Stage::InForce, Some(d)) if d > today => Stage::EntryIntoForceFixed,
            (s, _) => s,
        }
    }

    /// The text as it stands (the end of the latest round).
    pub fn text(&self) -> Option<&Draft> {
        self.rounds.last().map(|r| &r.end)
    }

    pub fn round(&self) -> u32 {
        self.rounds.last().map_or(0, |r| r.number)
    }

    /// The text at the end of a round (its current text for the round under way).
    pub fn version(&self, round: u32) -> Option<&Draft> {
        self.rounds
            .iter()
            .find(|r| r.number == round)
            .map(|r| &r.end)
    }

    pub fn deposit_of(&self, state: &Iso3) -> Option<&DepositRecord> {
        self.deposits.iter().find(|d| &d.deposit.state == state)
    }

    /// The states bound now: in force for them and not withdrawn (as of `today`).
    pub fn parties(&self, today: Day) -> Vec<&Iso3> {
        self.eif
            .per_state
            .iter()
            .filter(|(s, d)| {
                **d <= today && self.withdrawals.get(*s).is_none_or(|w| w.effective > today)
            })
            .map(|(s, _)| s)
            .collect()
    }

    /// The day a withdrawal notified on `day` takes effect, by the treaty's clause.
    pub fn withdrawal_effective(&self, day: Day) -> Option<Day> {
        self.file.withdrawal_effective(day)
    }

    pub fn deposits_plain(&self) -> Vec<Deposit> {
        self.deposits.iter().map(|d| d.deposit.clone()).collect()
    }

    /// Recompute entry into force from the deposits.
    pub(crate) fn recompute(&mut self) {
        self.eif = self.file.entry_into_force(&self.deposits_plain());
    }
}

/// One line of a treaty's status table: a state that signed or deposited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusRow {
    pub state: Iso3,
    pub signature: Option<Day>,
    pub deposit: Option<Day>,
    pub instrument: Option<super::eif::Instrument>,
    pub reservations: Vec<String>,
    pub declarations: Vec<String>,
    /// Objections other states made to this state's reservations: (objecting state, reservation number).
    pub objections: Vec<(Iso3, u32)>,
    /// The day the treaty enters (entered) into force for the state.
    pub in_force: Option<Day>,
    /// A withdrawal: notified and effective.
    pub withdrawal: Option<(Day, Day)>,
}

impl TreatyRecord {
    /// Every state that signed or deposited, in order of state code.
    pub fn status_table(&self) -> Vec<StatusRow> {
        let mut states: Vec<&Iso3> = self
            .signatures
            .keys()
            .chain(self.deposits.iter().map(|d| &d.deposit.state))
            .collect();
        states.sort();
        states.dedup();
        states
            .into_iter()
            .map(|s| {
                let dep = self.deposit_of(s);
                StatusRow {
                    state: s.clone(),
                    signature: self.signatures.get(s).copied(),
                    deposit: dep.map(|d| d.deposit.date),
                    instrument: dep.map(|d| d.deposit.instrument),
                    reservations: dep.map(|d| d.reservations.clone()).unwrap_or_default(),
                    declarations: dep.map(|d| d.declarations.clone()).unwrap_or_default(),
                    objections: self
                        .objections
                        .iter()
                        .filter(|o| &o.reserving == s)
                        .map(|o| (o.state.clone(), o.reservation))
                        .collect(),
                    in_force: self.eif.per_state.get(s).copied(),
                    withdrawal: self.withdrawals.get(s).map(|w| (w.notified, w.effective)),
                }
            })
            .collect()
    }

    /// The status table as CSV: one line per state; reservations and declarations joined by ` | `.
    pub fn status_csv(&self) -> Result<String, csv::Error> {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record([
            "state",
            "signature",
            "deposit",
            "instrument",
            "reservations",
            "declarations",
            "objections",
            "in_force",
            "withdrawal_notified",
            "withdrawal_effective",
        ])?;
        let opt = |d: Option<Day>| d.map(|d| d.to_string()).unwrap_or_default();
        for r in self.status_table() {
            w.write_record([
                r.state.to_string(),
                opt(r.signature),
                opt(r.deposit),
                r.instrument.map(|i| i.to_string()).unwrap_or_default(),
                r.reservations.join(" | "),
                r.declarations.join(" | "),
                r.objections
                    .iter()
                    .map(|(s, n)| format!("{s} on reservation {n}"))
                    .collect::<Vec<_>>()
                    .join(" | "),
                opt(r.in_force),
                opt(r.withdrawal.map(|w| w.0)),
                opt(r.withdrawal.map(|w| w.1)),
            ])?;
        }
        let bytes = w.into_inner().map_err(|e| e.into_error())?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    }

    /// Deposits counted toward entry into force, cumulated by day: (day, instruments so far).
    pub fn deposits_over_time(&self) -> Vec<(Day, usize)> {
        let mut days: Vec<Day> = self
            .deposits
            .iter()
            .filter(|d| self.file.rule.counts.contains(&d.deposit.instrument))
            .map(|d| d.deposit.date)
            .collect();
        days.sort();
        let mut out: Vec<(Day, usize)> = Vec::new();
        for (i, d) in days.iter().enumerate() {
            match out.last_mut() {
                Some((last, n)) if last == d => *n = i + 1,
                _ => out.push((*d, i + 1)),
            }
        }
        out
    }

    /// The instrument threshold of the clause, where it has one (for charts).
    pub fn instrument_threshold(&self) -> Option<u32> {
        self.file.rule.when.iter().find_map(|c| match c {
            super::eif::Condition::Instruments(n) => Some(*n),
            super::eif::Condition::Quantity { .. } => None,
        })
    }
}

/// Steps as text, for pages.
pub fn steps_text(steps: &[Step]) -> String {
    steps
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", then ")
}
