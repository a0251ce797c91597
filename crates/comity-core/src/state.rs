//! The projection: the institution's current state as a fold of its journal.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::charter::{Charter, CharterErrors};
use crate::event::{Admission, Event};
use crate::ids::{Iso3, Timestamp};
use crate::journal::{Entry, Hash, Head};
use crate::registry::Registry;

#[derive(Debug, Clone)]
pub struct AdoptedCharter {
    pub charter: Charter,
    pub source: String,
    pub sha256: Hash,
    pub seq: u64,
    pub adopted_at: Timestamp,
}

/// A review flag raised by the backsliding monitor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewFlag {
    pub seq: u64,
    pub time: Timestamp,
    pub criterion: String,
    pub edition: String,
    pub change: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Membership {
    pub admitted_seq: u64,
    pub admitted_at: Timestamp,
    pub admission: Admission,
    pub reason: String,
    pub flags: Vec<ReviewFlag>,
}

#[derive(Debug, Clone, Default)]
pub struct State {
    head: Head,
    pub registry: Registry,
    pub charter: Option<AdoptedCharter>,
    pub members: BTreeMap<Iso3, Membership>,
    /// The current enlargement stage, where the charter has stages.
    pub stage: Option<String>,
    /// The journal entries that concern each state, oldest first.
    pub acts: BTreeMap<Iso3, Vec<u64>>,
}

/// An entry the projection cannot take.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApplyError {
    #[error("entry {seq} does not follow the head (seq {head_seq}, hash {head_hash})")]
    OutOfOrder {
        seq: u64,
        head_seq: u64,
        head_hash: Hash,
    },
    #[error("entry {seq}: kind {kind:?} cannot be read by this version of comity: {message}")]
    Unreadable {
        seq: u64,
        kind: String,
        message: String,
    },
    #[error("entry {seq}: the adopted charter does not parse: {errors}")]
    CharterUnparsable { seq: u64, errors: CharterErrors },
}

impl State {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn head(&self) -> Head {
        self.head
    }

    /// Fold one entry into the state. The entry must follow the current head.
    pub fn apply(&mut self, entry: &Entry) -> Result<(), ApplyError> {
        if entry.seq != self.head.seq + 1 || entry.prev_hash != self.head.hash {
            return Err(ApplyError::OutOfOrder {
                seq: entry.seq,
                head_seq: self.head.seq,
                head_hash: self.head.hash,
            });
        }
        let event = entry.event().map_err(|e| ApplyError::Unreadable {
            seq: entry.seq,
            kind: entry.kind.clone(),
            message: e.to_string(),
        })?;
        self.apply_event(entry.seq, entry.time, &event)?;
        self.head = entry.head();
        Ok(())
    }

    fn apply_event(&mut self, seq: u64, time: Timestamp, event: &Event) -> Result<(), ApplyError> {
        match event {
            Event::StatesImported { states } => self.registry.add_countries(states),
            Event::FreedomHouseEditionImported(ed) => self.registry.add_fh_edition(ed),
            Event::VdemYearImported(y) => self.registry.add_vdem_year(y),
            Event::CharterAdopted { source, sha256, .. } => {
                let charter = Charter::parse("charter", source)
                    .map_err(|errors| ApplyError::CharterUnparsable { seq, errors })?;
                self.stage = charter.membership.stages.first().map(|s| s.id.clone());
                self.charter = Some(AdoptedCharter {
                    charter,
                    source: source.clone(),
                    sha256: *sha256,
                    seq,
                    adopted_at: time,
                });
            }
            Event::MemberAdmitted {
                state,
                admission,
                reason,
                ..
            } => {
                self.members.insert(
                    state.clone(),
                    Membership {
                        admitted_seq: seq,
                        admitted_at: time,
                        admission: *admission,
                        reason: reason.clone(),
                        flags: Vec::new(),
                    },
                );
            }
            Event::MemberFlaggedForReview {
                state,
                criterion,
                edition,
                change,
            } => {
                if let Some(m) = self.members.get_mut(state) {
                    m.flags.push(ReviewFlag {
                        seq,
                        time,
                        criterion: criterion.clone(),
                        edition: edition.clone(),
                        change: change.clone(),
                    });
                }
            }
        }
        Ok(())
    }
}
