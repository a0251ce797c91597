//! The projection: the institution's current state as a fold of its journal. Each
//! capability folds its own events (`<capability>/apply.rs`); this file holds the state's
//! shape and the one exhaustive dispatch.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::charter::{Charter, CharterErrors};
use crate::event::Event;
use crate::ids::{Actor, Iso3, Timestamp};
use crate::journal::{Entry, Hash, Head};
use crate::membership::Admission;
use crate::motion::Motion;
use crate::registry::Registry;
use crate::{
    assembly, base, caucus, consultations, election, initiatives, membership, motion, network,
    pledges, reporting, sanctions, treaty,
};

/// The adopted charter. A snapshot keeps its source, and the charter is parsed again when the
/// snapshot is read, as `apply` parsed it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(try_from = "CharterRecord", into = "CharterRecord")]
pub struct AdoptedCharter {
    pub charter: Charter,
    pub source: String,
    pub sha256: Hash,
    pub seq: u64,
    pub adopted_at: Timestamp,
}

/// What a snapshot keeps of the adopted charter.
#[derive(Serialize, Deserialize)]
struct CharterRecord {
    source: String,
    sha256: Hash,
    seq: u64,
    adopted_at: Timestamp,
}

impl From<AdoptedCharter> for CharterRecord {
    fn from(a: AdoptedCharter) -> Self {
        Self {
            source: a.source,
            sha256: a.sha256,
            seq: a.seq,
            adopted_at: a.adopted_at,
        }
    }
}

impl TryFrom<CharterRecord> for AdoptedCharter {
    type Error = CharterErrors;
    fn try_from(r: CharterRecord) -> Result<Self, CharterErrors> {
        Ok(Self {
            charter: Charter::parse("charter", &r.source)?,
            source: r.source,
            sha256: r.sha256,
            seq: r.seq,
            adopted_at: r.adopted_at,
        })
    }
}

/// A review flag raised by the backsliding monitor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewFlag {
    pub seq: u64,
    pub time: Timestamp,
    pub criterion: String,
    pub edition: String,
    pub change: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Membership {
    pub admitted_seq: u64,
    pub admitted_at: Timestamp,
    pub admission: Admission,
    pub reason: String,
    pub flags: Vec<ReviewFlag>,
    /// Good standing, warned, or voting rights suspended.
    pub standing: crate::membership::Standing,
}

/// The shape of a projection snapshot. Change it whenever `State`'s fields or any
/// capability's `apply` change, so that a snapshot written by another version is never read
/// (that version's state is replayed from the journal instead).
pub const SNAPSHOT_FORMAT: &str = "state-json-6";

/// `Serialize`/`Deserialize` serve projection snapshots (`comity-store`'s `JsonCodec`): a
/// snapshot is trusted only at a head the journal confirms.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct State {
    head: Head,
    pub registry: Registry,
    pub charter: Option<AdoptedCharter>,
    pub members: BTreeMap<Iso3, Membership>,
    /// The current enlargement stage, where the charter has stages.
    pub stage: Option<String>,
    /// The journal entries that concern each state, oldest first.
    pub acts: BTreeMap<Iso3, Vec<u64>>,
    /// Who holds each organ's fixed seats, where recorded.
    pub seats: BTreeMap<String, Vec<Iso3>>,
    /// The public key that signs the journal's checkpoints, as the journal published it.
    #[serde(default)]
    pub log_key: Option<String>,
    pub motions: BTreeMap<u64, Motion>,
    pub elections: BTreeMap<u64, crate::election::Election>,
    /// Organs drawn by lot: their pools and draws.
    pub assemblies: BTreeMap<String, crate::assembly::Assembly>,
    /// Applications for membership after founding, by number.
    pub applications: BTreeMap<u64, crate::membership::Application>,
    /// Reviews of members whose ratings fell below the criterion, by number.
    pub reviews: BTreeMap<u64, crate::membership::Review>,
    /// Requests to sit in the networks, by number.
    pub accreditations: BTreeMap<u64, crate::network::Accreditation>,
    /// Each member state's democracy officer.
    pub democracy_officers: BTreeMap<Iso3, crate::membership::DemocracyOfficer>,
    /// Organs' reports, by number.
    pub reports: BTreeMap<u64, crate::reporting::Report>,
    /// States whose membership was terminated: the entry that ended it.
    pub terminated: BTreeMap<Iso3, u64>,
    /// Treaties drafted under the alliance, by id.
    pub treaties: BTreeMap<String, crate::treaty::record::TreatyRecord>,
    /// The UN caucus: its agenda, positions, recorded plenary votes, and imports.
    pub caucus: crate::caucus::Caucus,
    /// Members' pledges and what the sources reported on them.
    pub pledges: crate::pledges::Pledges,
    /// Joint smart sanctions: cases, justifications, releases of the consolidated list.
    #[serde(default)]
    pub sanctions: crate::sanctions::Sanctions,
    /// Citizens' initiatives: registrations, batches, invalidations, certifications, verdicts.
    #[serde(default)]
    pub initiatives: crate::initiatives::Initiatives,
    /// Consultations: their questions, submissions, synthesis and the decisions they informed.
    #[serde(default)]
    pub consultations: crate::consultations::Consultations,
    /// How far the journal has moved for what readers see, by the kinds of entry that come
    /// in volume (see [`Versions`]).
    #[serde(default)]
    pub versions: Versions,
}

/// The last entry of each kind of volume, and of everything else. A page that shows none of
/// the volume's effects stays the same while only the volume moves: a signature drive or a
/// consultation's submissions need not make every page of the site new.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Versions {
    /// The last entry that is none of the two below.
    pub rest: u64,
    /// The last batch of signatures of an initiative, invalidation or reversal of one: they
    /// change that initiative's counts and nothing else.
    pub signatures: u64,
    /// The last submission to a consultation: it changes that consultation and nothing else.
    pub submissions: u64,
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
    #[error(
        "entry {seq}: its contents hash to {computed}, but it records {recorded}; this entry was altered or forged"
    )]
    Altered {
        seq: u64,
        computed: Hash,
        recorded: Hash,
    },
    #[error("entry {seq}: kind {kind:?} cannot be read by this version of comity: {message}")]
    Unreadable {
        seq: u64,
        kind: String,
        message: String,
    },
    #[error("entry {seq}: the adopted charter does not parse: {errors}")]
    CharterUnparsable { seq: u64, errors: CharterErrors },
    #[error("entry {seq}: {message}")]
    Inconsistent { seq: u64, message: String },
    #[error(
        "entry {seq}: the recorded tally of motion {motion} is not what its recorded votes give under the charter: recorded {recorded}, recomputed {recomputed}"
    )]
    TallyMismatch {
        seq: u64,
        motion: u64,
        recorded: String,
        recomputed: String,
    },
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
        // The link to the head holds; the entry must also be what its hash says, so that no
        // row written beside the chain is ever folded (and served) as part of it.
        let computed = entry.compute_hash();
        if computed != entry.hash {
            return Err(ApplyError::Altered {
                seq: entry.seq,
                computed,
                recorded: entry.hash,
            });
        }
        let event = entry.event().map_err(|e| ApplyError::Unreadable {
            seq: entry.seq,
            kind: entry.kind.clone(),
            message: e.to_string(),
        })?;
        self.apply_event(entry.seq, entry.time, &entry.actor, &event)?;
        self.head = entry.head();
        let v = &mut self.versions;
        match &event {
            Event::Initiatives(
                initiatives::Event::SignaturesRecorded { .. }
                | initiatives::Event::SignaturesInvalidated { .. }
                | initiatives::Event::InvalidationReversed { .. },
            ) => v.signatures = entry.seq,
            Event::Consultations(consultations::Event::SubmissionReceived { .. }) => {
                v.submissions = entry.seq;
            }
            _ => v.rest = entry.seq,
        }
        Ok(())
    }

    fn apply_event(
        &mut self,
        seq: u64,
        time: Timestamp,
        actor: &Actor,
        event: &Event,
    ) -> Result<(), ApplyError> {
        // Every act on a motion or an election after the one that created it is listed with it.
        if let Some(id) = event.election()
            && !matches!(
                event,
                Event::Election(election::Event::ElectionOpened { .. })
            )
        {
            self.election_mut(seq, id)?.acts.push(seq);
        }
        if let Some(id) = event.motion()
            && !matches!(event, Event::Motion(motion::Event::MotionTabled { .. }))
        {
            self.motion_mut(seq, id)?.acts.push(seq);
        }
        match event {
            Event::Base(e) => base::apply(self, seq, time, actor, e),
            Event::Motion(e) => motion::apply(self, seq, time, actor, e),
            Event::Election(e) => election::apply(self, seq, time, actor, e),
            Event::Assembly(e) => assembly::apply(self, seq, time, actor, e),
            Event::Membership(e) => membership::apply(self, seq, time, actor, e),
            Event::Network(e) => network::apply(self, seq, time, actor, e),
            Event::Reporting(e) => reporting::apply(self, seq, time, actor, e),
            Event::Treaty(e) => treaty::apply(self, seq, time, actor, e),
            Event::Caucus(e) => caucus::apply(self, seq, time, actor, e),
            Event::Pledges(e) => pledges::apply(self, seq, time, actor, e),
            Event::Sanctions(e) => sanctions::apply(self, seq, time, actor, e),
            Event::Initiatives(e) => initiatives::apply(self, seq, time, actor, e),
            Event::Consultations(e) => consultations::apply(self, seq, time, actor, e),
        }
    }

    pub(crate) fn election_mut(
        &mut self,
        seq: u64,
        id: u64,
    ) -> Result<&mut crate::election::Election, ApplyError> {
        self.elections
            .get_mut(&id)
            .ok_or_else(|| inconsistent(seq, &format!("there is no election {id}")))
    }

    pub(crate) fn motion_mut(&mut self, seq: u64, id: u64) -> Result<&mut Motion, ApplyError> {
        self.motions
            .get_mut(&id)
            .ok_or_else(|| inconsistent(seq, &format!("there is no motion {id}")))
    }
}

/// A numbered record (application, accreditation, …) must take the next number.
pub(crate) fn next_in_sequence(seq: u64, what: &str, n: u64, len: usize) -> Result<(), ApplyError> {
    if n == len as u64 + 1 {
        Ok(())
    } else {
        Err(inconsistent(seq, &format!("{what} {n} is out of sequence")))
    }
}

/// The refusal of an entry whose fact does not follow from the state.
pub(crate) fn inconsistent(seq: u64, message: &str) -> ApplyError {
    ApplyError::Inconsistent {
        seq,
        message: message.to_owned(),
    }
}
