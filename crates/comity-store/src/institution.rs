//! The institution at run time: the stored journal plus its projection, kept in step.
//!
//! `execute` is the one write path: decide on the current state, seal the events onto the
//! head, append them with that head as the expectation, then apply them. If another node
//! appended first, the state catches up from the journal and the command is decided again.

use comity_core::{assembly, caucus, consultations, election, initiatives};
use std::borrow::Cow;
use std::collections::BTreeMap;

use comity_core::assembly::Volunteer;
use comity_core::auth::{Denied, Principal, authorize};
use comity_core::journal::{Entry, seal};
use comity_core::state::ApplyError;
use comity_core::{Actor, Command, DomainError, Event, State, Timestamp, decide};
use tokio::sync::{RwLock, RwLockReadGuard};

use crate::contacts::{Contact, VolunteerContact};
use crate::side::{Ballots, SideRows};
use crate::snapshot::StateCodec;
use crate::store::{LoadError, Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum ExecError {
    #[error(transparent)]
    Refused(#[from] DomainError),
    #[error(transparent)]
    Denied(#[from] Denied),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Load(#[from] LoadError),
    #[error("the journal kept moving under this command ({0} attempts); try again")]
    Contention(u32),
    #[error(
        "volunteer {volunteer} of this registration: this email address has volunteered already"
    )]
    EmailRegistered { volunteer: usize },
    #[error(
        "volunteers registered at a person's request come with their contacts: use register_volunteers"
    )]
    ContactsRequired,
    #[error("the journal cannot be followed, so nothing is recorded until it is repaired: {0}")]
    Faulty(String),
    #[error(
        "acts on assemblies drawn by lot read and write beside the journal: record them one by one"
    )]
    NotBatchable,
    #[error(
        "online signatures and invalidations are recorded with their rows beside the journal: record them through the signatures' own paths"
    )]
    WithRows,
    #[error("too many acts in a short time from this account: try again in {seconds} s")]
    TooFast { seconds: u64 },
}

/// A person volunteering: how to reach them (kept beside the journal) and their features
/// (recorded in it with the hash of the contact).
#[derive(Debug, Clone)]
pub struct NewVolunteer {
    pub contact: Contact,
    pub features: BTreeMap<String, String>,
}

/// What a registration wrote: its entries, and the number of the first volunteer (the
/// others follow in order).
#[derive(Debug)]
pub struct Registered {
    pub entries: Vec<Entry>,
    pub first: u64,
}

const ATTEMPTS: u32 = 5;

/// How a command's events are found on a state: `decide`, or the draw's precomputed events.
type Decided<'a> = dyn Fn(&State, &Command) -> Result<Vec<Event>, DomainError> + Sync + 'a;

/// Entries folded at start-up beyond the snapshot before a new snapshot is written.
pub const SNAPSHOT_AFTER: u64 = 10_000;

pub struct Institution {
    store: Store,
    state: RwLock<State>,
    /// Why the stored journal can no longer be followed, once found: the state stays at the
    /// last good head, writes are refused, and `/healthz` says so.
    fault: std::sync::RwLock<Option<String>>,
    /// Each person's allowance of acts (see [`WRITES_BURST`]).
    allowance: std::sync::Mutex<BTreeMap<Actor, (f64, i64)>>,
}

/// Acts a person may record at once through the web or the API; the allowance refills at
/// [`WRITES_PER_SEC`]. A delegation at work stays far below it (a roll call is one act per
/// state); a script tabling motions in a loop meets it at once. The operator's own acts
/// (the CLI, imports, the demo) are not counted.
pub const WRITES_BURST: f64 = 60.0;
/// How fast the allowance refills, in acts per second.
pub const WRITES_PER_SEC: f64 = 1.0;

impl Institution {
    /// Load the state from the stored journal.
    ///
    /// Start-up reads the latest JSON snapshot the journal confirms and folds only the
    /// entries after it; when it had to fold more than [`SNAPSHOT_AFTER`] entries, it writes
    /// a fresh snapshot so the next start is quick (BENCHMARKS.md: a million entries fold in
    /// 22–27 s).
    pub async fn open(store: Store) -> Result<Self, LoadError> {
        let codec = crate::snapshot::JsonCodec;
        let (state, from) = store.load_state_from(&codec).await?;
        let stale = state.head().seq.saturating_sub(from) > SNAPSHOT_AFTER;
        let inst = Self::over(store, state);
        if stale && let Err(e) = inst.save_snapshot(&codec).await {
            // The journal is intact; only the next start is slower.
            eprintln!("warning: cannot write the projection snapshot: {e}");
        }
        Ok(inst)
    }

    /// Load the state from the latest snapshot `codec` reads, if the journal confirms its
    /// head, and the entries after it; else from the whole journal.
    pub async fn open_with(store: Store, codec: &dyn StateCodec) -> Result<Self, LoadError> {
        let (state, _) = store.load_state_with(codec).await?;
        Ok(Self::over(store, state))
    }

    /// The institution over a store and the state folded from it: no fault found yet, every
    /// account's allowance full.
    fn over(store: Store, state: State) -> Self {
        Self {
            store,
            state: RwLock::new(state),
            fault: std::sync::RwLock::new(None),
            allowance: Default::default(),
        }
    }

    /// Snapshot the current state with `codec`, so that the next start folds only what
    /// follows (call it at shutdown, or every so many entries).
    pub async fn save_snapshot(&self, codec: &dyn StateCodec) -> Result<(), StoreError> {
        let state = self.state.read().await;
        self.store.save_state(codec, &state).await
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Read the current state.
    pub async fn state(&self) -> RwLockReadGuard<'_, State> {
        self.state.read().await
    }

    /// Decide, append and apply one command. Returns the entries written (none if the
    /// command caused no event).
    /// For the operator's own acts (the CLI, the demo): no role check.
    pub async fn execute(
        &self,
        actor: &Actor,
        time: Timestamp,
        cmd: &Command,
    ) -> Result<Vec<Entry>, ExecError> {
        ballot_guard(cmd)?;
        self.run(actor, None, time, cmd).await
    }

    /// For a person's request: `authorize` is checked on the same state the command is
    /// decided on, under the write lock, so a role cannot be checked against a stale state.
    pub async fn execute_as(
        &self,
        who: &Principal,
        time: Timestamp,
        cmd: &Command,
    ) -> Result<Vec<Entry>, ExecError> {
        ballot_guard(cmd)?;
        self.spend(&who.actor, time)?;
        if matches!(
            cmd,
            Command::Assembly(assembly::Command::RegisterVolunteers { .. })
        ) {
            return Err(ExecError::ContactsRequired);
        }
        self.run(&who.actor, Some(who), time, cmd).await
    }

    /// Register volunteers with their contacts: the journal records each one's features and
    /// the hash of their contact, the contacts table (in the same transaction) the contact
    /// under the number the journal gives. An address may volunteer once per organ.
    pub async fn register_volunteers(
        &self,
        actor: &Actor,
        who: Option<&Principal>,
        time: Timestamp,
        organ: &str,
        people: &[NewVolunteer],
    ) -> Result<Registered, ExecError> {
        for (i, p) in people.iter().enumerate() {
            if people[..i]
                .iter()
                .any(|q| q.contact.email() == p.contact.email())
            {
                return Err(ExecError::EmailRegistered { volunteer: i + 1 });
            }
        }
        let cmd = Command::Assembly(assembly::Command::RegisterVolunteers {
            organ: organ.to_owned(),
            volunteers: people
                .iter()
                .map(|p| Volunteer {
                    hash: p.contact.hash(),
                    features: p.features.clone(),
                    household: None,
                })
                .collect(),
            already: Vec::new(),
        });
        let emails: Vec<&str> = people.iter().map(|p| p.contact.email()).collect();
        let side = SidePlan::Contacts(Contacts {
            organ,
            people,
            emails: &emails,
            created_at: time.to_string(),
        });
        let entries = self.run_with(actor, who, time, &cmd, &side).await?;
        let first = entries
            .iter()
            .find_map(|e| e.payload.get("first").and_then(serde_json::Value::as_u64))
            .unwrap_or(0);
        Ok(Registered { entries, first })
    }

    /// Cast a secret ballot: the journal records that the state voted, the ballot box (in the
    /// same transaction) the ranking, unlinked. A refused act writes neither.
    pub async fn cast_ballot(
        &self,
        who: &Principal,
        time: Timestamp,
        election: u64,
        state: comity_core::Iso3,
        ranking: Vec<String>,
    ) -> Result<Vec<Entry>, ExecError> {
        self.spend(&who.actor, time)?;
        let side = SidePlan::Ballots(vec![Ballots {
            election,
            ranking: ranking.clone(),
            count: 1,
        }]);
        let cmd = Command::Election(election::Command::CastBallot {
            election,
            state,
            ranking,
        });
        self.run_with(&who.actor, Some(who), time, &cmd, &side)
            .await
    }

    /// Record ballots cast on paper (the tellers' file) for `states`: they join the ballot
    /// box, and the journal records that these states voted, never what; both in one
    /// transaction.
    pub async fn record_paper_ballots(
        &self,
        who: &Principal,
        time: Timestamp,
        election: u64,
        states: Vec<comity_core::Iso3>,
        ballots: Vec<(Vec<String>, u64)>,
        source: String,
    ) -> Result<Vec<Entry>, ExecError> {
        let side = SidePlan::Ballots(
            ballots
                .iter()
                .map(|(ranking, count)| Ballots {
                    election,
                    ranking: ranking.clone(),
                    count: *count,
                })
                .collect(),
        );
        let cmd = Command::Election(election::Command::RecordPaperBallots {
            election,
            states,
            ballots,
            source,
        });
        self.run_with(&who.actor, Some(who), time, &cmd, &side)
            .await
    }

    /// Import roll calls of the UN General Assembly: the journal records the file's SHA-256,
    /// the counts and the SHA-256 of the rows' canonical text; the side tables (in the same
    /// transaction) the rows. A refused import writes neither.
    pub async fn import_unga(
        &self,
        actor: &Actor,
        who: Option<&Principal>,
        time: Timestamp,
        import: &UngaFile<'_>,
    ) -> Result<Vec<Entry>, ExecError> {
        let added = import.added;
        let cmd = Command::Caucus(caucus::Command::ImportVotes {
            file: import.file.to_owned(),
            sha256: import.sha256,
            votes: added.votes.len() as u64,
            roll_calls: added.roll_calls.len() as u64,
            sessions: import.sessions,
            rows_sha256: unga_rows_sha256(added),
        });
        self.run_with(actor, who, time, &cmd, &SidePlan::Unga(added))
            .await
    }

    /// Record a batch of online signatures: the journal records the counts per member and the
    /// SHA-256 of the rows, the side table (in the same transaction) the rows. Rows whose ID
    /// key signed already, in this batch or before, are left out and returned by index: they
    /// are counted nowhere. Nothing is recorded if no row is left.
    pub async fn record_signatures(
        &self,
        actor: &Actor,
        who: Option<&Principal>,
        time: Timestamp,
        initiative: u64,
        rows: &[crate::side::SignatureRow],
        source: &str,
    ) -> Result<(Vec<Entry>, Vec<usize>), ExecError> {
        let keys: Vec<(comity_core::Iso3, comity_core::journal::Hash)> = rows
            .iter()
            .filter_map(|r| r.id_key.map(|k| (r.state.clone(), k)))
            .collect();
        let mut taken = self.store.taken_id_keys(initiative, &keys).await?;
        let mut kept = Vec::with_capacity(rows.len());
        let mut duplicates = Vec::new();
        for (i, r) in rows.iter().enumerate() {
            match r.id_key {
                Some(k) if !taken.insert((r.state.clone(), k)) => duplicates.push(i),
                _ => kept.push(r.clone()),
            }
        }
        if kept.is_empty() {
            return Ok((Vec::new(), duplicates));
        }
        let mut counts: BTreeMap<comity_core::Iso3, u64> = BTreeMap::new();
        for r in &kept {
            *counts.entry(r.state.clone()).or_default() += 1;
        }
        let cmd = Command::Initiatives(initiatives::Command::RecordSignatures {
            initiative,
            channel: initiatives::Channel::Online,
            counts,
            rows_sha256: crate::side::rows_sha256(&kept),
            sheets: 0,
            source: source.to_owned(),
        });
        let entries = self
            .run_with(actor, who, time, &cmd, &SidePlan::Signatures(&kept))
            .await?;
        Ok((entries, duplicates))
    }

    /// Strike the valid signatures that repeat an earlier one's name, birth date and postcode
    /// (`fuzzy_duplicate`), journaled with their counts and the SHA-256 of the rows struck,
    /// the rows marked in the same transaction. None found: nothing recorded.
    pub async fn invalidate_likely_duplicates(
        &self,
        actor: &Actor,
        who: Option<&Principal>,
        time: Timestamp,
        initiative: u64,
        note: &str,
    ) -> Result<Vec<Entry>, ExecError> {
        let found = self.store.likely_duplicates(initiative).await?;
        self.invalidate_signatures(
            actor,
            who,
            time,
            initiative,
            initiatives::Criterion::FuzzyDuplicate,
            &found,
            note,
        )
        .await
    }

    /// Strike signatures (`(batch, n, member)`, as the side table holds them) for
    /// `criterion`: the journal records the counts per member and the SHA-256 of the rows
    /// struck, the side table marks them in the same transaction. None: nothing recorded.
    #[allow(clippy::too_many_arguments)]
    pub async fn invalidate_signatures(
        &self,
        actor: &Actor,
        who: Option<&Principal>,
        time: Timestamp,
        initiative: u64,
        criterion: initiatives::Criterion,
        found: &[(u64, u64, comity_core::Iso3)],
        note: &str,
    ) -> Result<Vec<Entry>, ExecError> {
        if found.is_empty() {
            return Ok(Vec::new());
        }
        let mut counts: BTreeMap<comity_core::Iso3, u64> = BTreeMap::new();
        for (_, _, s) in found {
            *counts.entry(s.clone()).or_default() += 1;
        }
        let rows: Vec<(u64, u64)> = found.iter().map(|(b, n, _)| (*b, *n)).collect();
        let cmd = Command::Initiatives(initiatives::Command::Invalidate {
            initiative,
            criterion,
            counts,
            rows_sha256: crate::side::strike_sha256(&rows),
            note: note.to_owned(),
        });
        self.run_with(actor, who, time, &cmd, &SidePlan::Strike(&rows, 0))
            .await
    }

    /// Reverse an invalidation: the journal records it with its reasons, the rows it struck
    /// are valid again in the same transaction.
    pub async fn reverse_invalidation(
        &self,
        actor: &Actor,
        who: Option<&Principal>,
        time: Timestamp,
        initiative: u64,
        invalidation: u64,
        reasons: &str,
    ) -> Result<Vec<Entry>, ExecError> {
        let cmd = Command::Initiatives(initiatives::Command::ReverseInvalidation {
            initiative,
            invalidation,
            reasons: reasons.to_owned(),
        });
        self.run_with(actor, who, time, &cmd, &SidePlan::Strike(&[], invalidation))
            .await
    }

    /// Close an election with what its ballot box holds, and publish the count.
    pub async fn close_election(
        &self,
        actor: &Actor,
        who: Option<&Principal>,
        time: Timestamp,
        election: u64,
    ) -> Result<Vec<Entry>, ExecError> {
        let ballots = self.store.ballot_box(election).await?;
        let cmd = Command::Election(election::Command::CloseElection { election, ballots });
        self.run(actor, who, time, &cmd).await
    }

    async fn run(
        &self,
        actor: &Actor,
        who: Option<&Principal>,
        time: Timestamp,
        cmd: &Command,
    ) -> Result<Vec<Entry>, ExecError> {
        let side = match cmd {
            Command::Consultations(consultations::Command::Submit {
                respondent,
                answers,
                confidential: true,
                ..
            }) => SidePlan::Confidential(respondent, answers),
            _ => SidePlan::None,
        };
        self.run_with(actor, who, time, cmd, &side).await
    }

    async fn run_with(
        &self,
        actor: &Actor,
        who: Option<&Principal>,
        time: Timestamp,
        cmd: &Command,
        side: &SidePlan<'_>,
    ) -> Result<Vec<Entry>, ExecError> {
        self.run_decided(actor, who, time, cmd, &|s, c| decide(s, time, c), side)
            .await
    }

    /// The command with what it needs from the read tables, read for `state`: the pool a
    /// commitment closes or a draw draws from, and which volunteers registered already. Core
    /// checks the pool against the digest its state keeps; anything else is returned as is.
    async fn with_reads<'c>(
        &self,
        state: &State,
        cmd: &'c Command,
    ) -> Result<Cow<'c, Command>, ExecError> {
        let Command::Assembly(a) = cmd else {
            return Ok(Cow::Borrowed(cmd));
        };
        let registered = |organ: &str| state.assemblies.get(organ).map_or(0, |x| x.registered);
        Ok(Cow::Owned(Command::Assembly(match a {
            assembly::Command::RegisterVolunteers {
                organ, volunteers, ..
            } => {
                let hashes: Vec<_> = volunteers.iter().map(|v| v.hash).collect();
                assembly::Command::RegisterVolunteers {
                    organ: organ.clone(),
                    volunteers: volunteers.clone(),
                    already: self.store.pooled(organ, &hashes).await?,
                }
            }
            assembly::Command::CommitDraw {
                organ, commitment, ..
            } => assembly::Command::CommitDraw {
                organ: organ.clone(),
                commitment: *commitment,
                pool: self.store.pool(organ, registered(organ)).await?,
            },
            assembly::Command::DrawAssembly { organ, seed, .. } => {
                let size = state
                    .assemblies
                    .get(organ)
                    .and_then(|x| x.pending())
                    .map_or(0, |d| d.pool as u64);
                assembly::Command::DrawAssembly {
                    organ: organ.clone(),
                    seed: seed.clone(),
                    pool: self.store.pool(organ, size).await?,
                }
            }
        })))
    }

    /// As `run_with`, with `decided` in the place of `decide` (the draw's precomputed events).
    async fn run_decided(
        &self,
        actor: &Actor,
        who: Option<&Principal>,
        time: Timestamp,
        cmd: &Command,
        decided: &Decided<'_>,
        side: &SidePlan<'_>,
    ) -> Result<Vec<Entry>, ExecError> {
        let mut state = self.state.write().await;
        if let Some(fault) = self.fault() {
            return Err(ExecError::Faulty(fault));
        }
        for _ in 0..ATTEMPTS {
            if let Some(who) = who {
                authorize(who, cmd, &state)?;
            }
            let filled = self.with_reads(&state, cmd).await?;
            let events = match decided(&state, &filled) {
                Ok(events) => events,
                // A node behind the journal may refuse what the journal already allows (a
                // motion another node tabled): catch up and decide again before refusing.
                Err(e) => {
                    if self.catch_up_locked(&mut state).await? > 0 {
                        continue;
                    }
                    return Err(e.into());
                }
            };
            if events.is_empty() {
                return Ok(Vec::new());
            }
            let rows = side.rows(&self.store, &events).await?;
            let head = state.head();
            let entries = seal(head, time, actor, &events);
            match self.store.append(head, &entries, &rows).await {
                Ok(()) => {
                    if let Err(e) = apply_all(&mut state, &entries) {
                        // The journal is the truth: rebuild from it rather than serve a wrong state.
                        *state = self.store.load_state().await?;
                        return Err(ExecError::Load(LoadError::Apply(e)));
                    }
                    return Ok(entries);
                }
                Err(StoreError::Conflict { .. }) => {
                    self.catch_up_locked(&mut state).await?;
                }
                Err(e) => return Err(e.into()),
            }
        }
        Err(ExecError::Contention(ATTEMPTS))
    }

    /// Draw an assembly by lot without holding the write lock through the selection (minutes
    /// on a large pool): the selection runs on a snapshot in a blocking task, reporting to
    /// `progress`, and its event is recorded if the same draw is still pending; else the draw
    /// is decided afresh under the lock. The result is the one `decide` would give: the
    /// selection reads only what the commitment closed.
    pub async fn draw_assembly(
        &self,
        who: &Principal,
        time: Timestamp,
        organ: &str,
        seed: &str,
        progress: impl FnMut(comity_core::assembly::DrawProgress) + Send + 'static,
    ) -> Result<Vec<Entry>, ExecError> {
        let cmd = Command::Assembly(assembly::Command::DrawAssembly {
            organ: organ.to_owned(),
            seed: seed.to_owned(),
            pool: Vec::new(),
        });
        let pending = |s: &State| {
            s.assemblies
                .get(organ)
                .and_then(|a| a.pending())
                .map(|d| (d.number, d.commitment))
        };
        let (snapshot, before, filled) = {
            let state = self.state.read().await;
            authorize(who, &cmd, &state)?;
            let filled = self.with_reads(&state, &cmd).await?.into_owned();
            (state.clone(), pending(&state), filled)
        };
        let (o, s) = (organ.to_owned(), seed.to_owned());
        let mut progress = progress;
        let events = tokio::task::spawn_blocking(move || {
            let Command::Assembly(assembly::Command::DrawAssembly { pool, .. }) = &filled else {
                return Ok(Vec::new());
            };
            comity_core::draw_assembly(&snapshot, &o, &s, pool, &mut progress)
        })
        .await
        .map_err(|e| {
            ExecError::Refused(DomainError::Assembly(
                comity_core::assembly::Refusal::Sortition(
                    comity_core::assembly::SortitionError::Selection {
                        detail: e.to_string(),
                    },
                ),
            ))
        })??;
        let decided = |s: &State, c: &Command| {
            if before.is_some() && pending(s) == before {
                Ok(events.clone())
            } else {
                decide(s, time, c)
            }
        };
        self.run_decided(&who.actor, Some(who), time, &cmd, &decided, &SidePlan::None)
            .await
    }

    /// Decide every command in turn, each on the state the ones before it leave, and append
    /// all their entries in one transaction: all of them are recorded, or none (a founding
    /// killed half-way leaves an empty journal, not an alliance without a charter). The
    /// operator's acts: no role check; commands that write beside the journal are refused.
    pub async fn execute_all(
        &self,
        actor: &Actor,
        time: Timestamp,
        cmds: &[Command],
    ) -> Result<Vec<Entry>, ExecError> {
        let mut state = self.state.write().await;
        if let Some(fault) = self.fault() {
            return Err(ExecError::Faulty(fault));
        }
        for _ in 0..ATTEMPTS {
            let head = state.head();
            let mut working = state.clone();
            let mut entries = Vec::new();
            for cmd in cmds {
                if matches!(cmd, Command::Assembly(_)) {
                    return Err(ExecError::NotBatchable);
                }
                ballot_guard(cmd)?;
                let events = decide(&working, time, cmd)?;
                let sealed = seal(working.head(), time, actor, &events);
                apply_all(&mut working, &sealed).map_err(|e| ExecError::Load(e.into()))?;
                entries.extend(sealed);
            }
            match self.store.append(head, &entries, &SideRows::none()).await {
                Ok(()) => {
                    *state = working;
                    return Ok(entries);
                }
                Err(StoreError::Conflict { .. }) => {
                    self.catch_up_locked(&mut state).await?;
                }
                Err(e) => return Err(e.into()),
            }
        }
        Err(ExecError::Contention(ATTEMPTS))
    }

    /// Apply entries other writers appended since our head. Returns how many.
    ///
    /// An entry that does not chain onto the head (a forged or altered row) is not applied,
    /// nor anything after it, and a stored head that is not ours once everything is read
    /// (rows deleted or rewritten) is found: either is kept as the [`fault`](Self::fault).
    pub async fn catch_up(&self) -> Result<u64, LoadError> {
        let mut state = self.state.write().await;
        self.catch_up_locked(&mut state).await
    }

    async fn catch_up_locked(&self, state: &mut State) -> Result<u64, LoadError> {
        let result = catch_up(&self.store, state).await;
        if let Err(e) = &result
            && e.is_integrity()
        {
            self.found_fault(e.to_string());
        }
        result
    }

    /// Recompute the whole stored chain, up to the head folded now; a break is kept as the
    /// [`fault`](Self::fault). Start-up folds only what follows a snapshot, so this is how a
    /// row altered before it is found (run it beside serving: it takes seconds a million).
    pub async fn verify_journal(&self) -> Result<comity_core::journal::Head, String> {
        match self.store.verify().await {
            Ok(head) => Ok(head),
            Err(e) => {
                let e = e.to_string();
                self.found_fault(e.clone());
                Err(e)
            }
        }
    }

    fn found_fault(&self, why: String) {
        let mut fault = self.fault.write().unwrap_or_else(|p| p.into_inner());
        if fault.is_none() {
            *fault = Some(why);
        }
    }

    /// Take one act from `actor`'s allowance at `time`, or say how long to wait.
    fn spend(&self, actor: &Actor, time: Timestamp) -> Result<(), ExecError> {
        let mut all = self.allowance.lock().unwrap_or_else(|p| p.into_inner());
        let now = time.unix();
        let (left, at) = all.get(actor).copied().unwrap_or((WRITES_BURST, now));
        let left = (left + (now - at).max(0) as f64 * WRITES_PER_SEC).min(WRITES_BURST);
        if left < 1.0 {
            let seconds = ((1.0 - left) / WRITES_PER_SEC).ceil() as u64;
            all.insert(actor.clone(), (left, now));
            return Err(ExecError::TooFast { seconds });
        }
        all.insert(actor.clone(), (left - 1.0, now));
        // Keep the map small: full allowances need no entry.
        if all.len() > 10_000 {
            all.retain(|_, (l, t)| *l + (now - *t) as f64 * WRITES_PER_SEC < WRITES_BURST);
        }
        Ok(())
    }

    /// Why the journal can no longer be followed, if it cannot: the first problem found.
    pub fn fault(&self) -> Option<String> {
        self.fault.read().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

/// What an act writes beside the journal, worked out once its events are decided (and again
/// if a conflict makes it decide afresh).
enum SidePlan<'a> {
    None,
    Contacts(Contacts<'a>),
    Ballots(Vec<Ballots>),
    /// The rows of a UN import, under the number its entry gives.
    Unga(&'a comity_caucus::Added),
    /// The signatures of a batch, under the number its entry gives.
    Signatures(&'a [crate::side::SignatureRow]),
    /// Rows an invalidation strikes (`(batch, n)`), or the invalidation a reversal undoes.
    Strike(&'a [(u64, u64)], u64),
    /// A confidential submission's content, under the number its entry gives.
    Confidential(
        &'a consultations::Respondent,
        &'a BTreeMap<u32, consultations::Answer>,
    ),
}

impl SidePlan<'_> {
    async fn rows(&self, store: &Store, events: &[Event]) -> Result<SideRows, ExecError> {
        Ok(match self {
            Self::None => SideRows::none(),
            Self::Contacts(c) => SideRows {
                contacts: c.rows(store, events).await?,
                ..SideRows::none()
            },
            Self::Ballots(b) => SideRows {
                ballots: b.clone(),
                ..SideRows::none()
            },
            Self::Unga(added) => SideRows {
                unga: events
                    .iter()
                    .filter_map(|e| match e {
                        Event::Caucus(caucus::Event::VotesImported { import, .. }) => {
                            Some(crate::side::UngaImport {
                                import: *import,
                                added: (*added).clone(),
                            })
                        }
                        _ => None,
                    })
                    .collect(),
                ..SideRows::none()
            },
            Self::Signatures(rows) => SideRows {
                signatures: events
                    .iter()
                    .filter_map(|e| match e {
                        Event::Initiatives(initiatives::Event::SignaturesRecorded {
                            initiative,
                            batch,
                            ..
                        }) => Some(crate::side::SignatureBatch {
                            initiative: *initiative,
                            batch: *batch,
                            rows: rows.to_vec(),
                        }),
                        _ => None,
                    })
                    .collect(),
                ..SideRows::none()
            },
            Self::Strike(rows, reinstate) => SideRows {
                strikes: events
                    .iter()
                    .filter_map(|e| match e {
                        Event::Initiatives(initiatives::Event::SignaturesInvalidated {
                            initiative,
                            invalidation,
                            ..
                        }) => Some(crate::side::Strike {
                            initiative: *initiative,
                            invalidation: *invalidation,
                            rows: rows.to_vec(),
                            reinstate: 0,
                        }),
                        Event::Initiatives(initiatives::Event::InvalidationReversed {
                            initiative,
                            ..
                        }) => Some(crate::side::Strike {
                            initiative: *initiative,
                            invalidation: 0,
                            rows: Vec::new(),
                            reinstate: *reinstate,
                        }),
                        _ => None,
                    })
                    .collect(),
                ..SideRows::none()
            },
            Self::Confidential(respondent, answers) => SideRows {
                confidential: events
                    .iter()
                    .filter_map(|e| match e {
                        Event::Consultations(consultations::Event::SubmissionReceived {
                            consultation,
                            submission,
                            confidential: true,
                            ..
                        }) => Some(crate::side::Confidential {
                            consultation: *consultation,
                            submission: *submission,
                            respondent: (*respondent).clone(),
                            answers: (*answers).clone(),
                        }),
                        _ => None,
                    })
                    .collect(),
                ..SideRows::none()
            },
        })
    }
}

/// The contacts of a registration, numbered when its event is decided.
struct Contacts<'a> {
    organ: &'a str,
    people: &'a [NewVolunteer],
    emails: &'a [&'a str],
    created_at: String,
}

impl Contacts<'_> {
    /// The rows to write with `events`, or a refusal if an address volunteered already.
    async fn rows(
        &self,
        store: &Store,
        events: &[Event],
    ) -> Result<Vec<VolunteerContact>, ExecError> {
        let taken = store.registered_emails(self.organ, self.emails).await?;
        if let Some(i) = self.emails.iter().position(|e| taken.contains(*e)) {
            return Err(ExecError::EmailRegistered { volunteer: i + 1 });
        }
        let first = events
            .iter()
            .find_map(|e| match e {
                Event::Assembly(assembly::Event::VolunteersRegistered { first, .. }) => {
                    Some(*first)
                }
                _ => None,
            })
            .unwrap_or(0);
        Ok(self
            .people
            .iter()
            .zip(first..)
            .map(|(p, n)| VolunteerContact::new(self.organ, n, &p.contact, self.created_at.clone()))
            .collect())
    }
}

/// Ballots go through `cast_ballot`, `record_paper_ballots` and `close_election`, which write
/// the ballot box in the journal's transaction or read it; the general paths refuse them.
fn ballot_guard(cmd: &Command) -> Result<(), ExecError> {
    match cmd {
        Command::Election(election::Command::CastBallot { .. })
        | Command::Election(election::Command::CloseElection { .. })
        | Command::Election(election::Command::RecordPaperBallots { .. }) => {
            Err(ExecError::Refused(DomainError::Election(
                comity_core::election::Refusal::Invalid(
                    election::ElectionError::ThroughTheBallotBox,
                ),
            )))
        }
        Command::Initiatives(
            initiatives::Command::RecordSignatures {
                channel: initiatives::Channel::Online,
                ..
            }
            | initiatives::Command::Invalidate { .. }
            | initiatives::Command::ReverseInvalidation { .. },
        ) => Err(ExecError::WithRows),
        _ => Ok(()),
    }
}

fn apply_all(state: &mut State, entries: &[Entry]) -> Result<(), ApplyError> {
    entries.iter().try_for_each(|e| state.apply(e))
}

async fn catch_up(store: &Store, state: &mut State) -> Result<u64, LoadError> {
    let mut n = 0;
    loop {
        let page = store.entries(state.head().seq, 5_000).await?;
        if page.is_empty() {
            // Nothing follows our head: the stored head must be it. A head that moved
            // backwards or changed means rows were deleted or rewritten under us.
            let stored = store.head().await?;
            let ours = state.head();
            if stored.seq > ours.seq {
                // Appended between the two reads: read on.
                continue;
            }
            if stored != ours {
                return Err(LoadError::Diverged { ours, stored });
            }
            return Ok(n);
        }
        apply_all(state, &page)?;
        n += page.len() as u64;
    }
}

/// A file of the UN General Assembly's votes, read and checked against the record: what it
/// adds, under the file's name and SHA-256.
pub struct UngaFile<'a> {
    pub file: &'a str,
    pub sha256: comity_core::journal::Hash,
    pub added: &'a comity_caucus::Added,
    /// The first and last session of the roll calls its votes are in.
    pub sessions: (u32, u32),
}

/// SHA-256 of an import's rows in their canonical text: votes, roll calls, issues, each
/// followed by a blank line.
pub fn unga_rows_sha256(added: &comity_caucus::Added) -> comity_core::journal::Hash {
    let [votes, roll_calls, issues] = added.texts();
    comity_core::journal::Hash::of(format!("{votes}\n{roll_calls}\n{issues}\n").as_bytes())
}
