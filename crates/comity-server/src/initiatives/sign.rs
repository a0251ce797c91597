//! Signing one initiative: the form checked against the signatory's member's requirements
//! (core), keyed under the institution's secret, and recorded in a batch — the journal holds
//! the counts and the rows' SHA-256, the side table the keys — in one transaction. The page
//! and the API share it.
//!
//! Signatures are committed in groups: each request hands its row to one writer, which
//! records every row waiting as one batch (one entry, one transaction) while the next ones
//! gather. Under load a batch holds what arrived during the previous write, so the rate is
//! bounded by rows per transaction rather than transactions per second; alone, a signature
//! is a batch of one and waits for nothing.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use comity_core::initiatives::sign::{self, FormError};
use comity_core::initiatives::{SignatureForm, requirements};
use comity_core::{Actor, Iso3};
use comity_store::side::SignatureRow;
use comity_store::{ExecError, Institution};
use tokio::sync::{mpsc, oneshot};

use crate::web::Shared;

/// Rows a batch takes at most; more wait for the next.
const MAX_BATCH: usize = 2_000;
/// Requests waiting for the writer at most; more wait to be taken.
const QUEUE: usize = 20_000;

/// A row waiting for its batch, and where its receipt goes.
struct Pending {
    initiative: u64,
    row: SignatureRow,
    reply: oneshot::Sender<Result<Recorded, SignError>>,
}

/// Where a row was recorded.
struct Recorded {
    batch: u64,
    entry: u64,
    entry_hash: String,
}

/// The one writer of online signatures, started with the first signature.
#[derive(Default)]
pub struct Signer {
    queue: OnceLock<mpsc::Sender<Pending>>,
}

impl Signer {
    fn queue(&self, inst: &Arc<Institution>) -> mpsc::Sender<Pending> {
        self.queue
            .get_or_init(|| {
                let (tx, rx) = mpsc::channel(QUEUE);
                tokio::spawn(write(inst.clone(), rx));
                tx
            })
            .clone()
    }
}

/// Take every row waiting, record each initiative's as one batch, answer each request.
async fn write(inst: Arc<Institution>, mut rx: mpsc::Receiver<Pending>) {
    let mut waiting = Vec::with_capacity(MAX_BATCH);
    while rx.recv_many(&mut waiting, MAX_BATCH).await > 0 {
        let mut by_initiative: BTreeMap<u64, Vec<Pending>> = BTreeMap::new();
        for p in waiting.drain(..) {
            by_initiative.entry(p.initiative).or_default().push(p);
        }
        for (initiative, group) in by_initiative {
            let rows: Vec<SignatureRow> = group.iter().map(|p| p.row.clone()).collect();
            let done = inst
                .record_signatures(
                    &Actor::system(),
                    None,
                    crate::now(),
                    initiative,
                    &rows,
                    "online form",
                )
                .await;
            match done {
                Ok((entries, duplicates)) => {
                    let entry = entries.first();
                    for (i, p) in group.into_iter().enumerate() {
                        let answer = match entry {
                            Some(e) if !duplicates.contains(&i) => Ok(Recorded {
                                batch: e
                                    .payload
                                    .get("batch")
                                    .and_then(serde_json::Value::as_u64)
                                    .unwrap_or(0),
                                entry: e.seq,
                                entry_hash: e.hash.to_string(),
                            }),
                            _ => Err(SignError::Duplicate),
                        };
                        let _ = p.reply.send(answer);
                    }
                }
                // Refused or failed: each row alone, so each request hears its own answer.
                Err(_) => {
                    for p in group {
                        let alone = inst
                            .record_signatures(
                                &Actor::system(),
                                None,
                                crate::now(),
                                initiative,
                                std::slice::from_ref(&p.row),
                                "online form",
                            )
                            .await;
                        let answer = match alone {
                            Ok((entries, _)) => match entries.first() {
                                Some(e) => Ok(Recorded {
                                    batch: e
                                        .payload
                                        .get("batch")
                                        .and_then(serde_json::Value::as_u64)
                                        .unwrap_or(0),
                                    entry: e.seq,
                                    entry_hash: e.hash.to_string(),
                                }),
                                None => Err(SignError::Duplicate),
                            },
                            Err(e) => Err(SignError::Exec(e)),
                        };
                        let _ = p.reply.send(answer);
                    }
                }
            }
        }
    }
}

/// Why a signature was not recorded.
pub enum SignError {
    /// The form: its field and what is wrong.
    Form(FormError),
    /// This member and ID number signed this initiative already.
    Duplicate,
    Exec(ExecError),
}

/// A recorded signature: the batch and the journal entry that holds it.
pub struct Receipt {
    pub initiative: u64,
    pub batch: u64,
    pub entry: u64,
    pub entry_hash: String,
    pub state: Iso3,
}

pub async fn sign_one(
    app: &Shared,
    initiative: u64,
    form: &SignatureForm,
) -> Result<Receipt, SignError> {
    let now = crate::now();
    let secret = app
        .inst
        .store()
        .signing_secret()
        .await
        .map_err(|e| SignError::Exec(e.into()))?;
    let today = comity_core::ids::Day::of(now)
        .ok_or(SignError::Form(FormError::BadDate(String::from("today"))))?;
    let checked = {
        let st = app.inst.state().await;
        sign::check(
            form,
            today,
            &secret,
            |s| st.members.contains_key(s),
            |s| requirements(&st, s),
        )
        .map_err(SignError::Form)?
    };
    let row = SignatureRow {
        state: checked.state.clone(),
        id_key: checked.id_key,
        person_key: checked.person_key,
    };
    let (reply, answer) = oneshot::channel();
    let pending = Pending {
        initiative,
        row,
        reply,
    };
    let gone = || SignError::Exec(ExecError::Faulty("the signatures' writer stopped".into()));
    app.signer
        .queue(&app.inst)
        .send(pending)
        .await
        .map_err(|_| gone())?;
    let r = answer.await.map_err(|_| gone())??;
    Ok(Receipt {
        initiative,
        batch: r.batch,
        entry: r.entry,
        entry_hash: r.entry_hash,
        state: checked.state,
    })
}
