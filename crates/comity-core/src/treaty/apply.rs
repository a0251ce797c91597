//! How a treaty's events fold into its record; an entry that cannot follow is refused.

use std::collections::BTreeMap;

use super::Event;
use super::Event as E;
use super::eif::Treaty;
use super::record::*;
use super::text::Draft;
use crate::ids::Day;
use crate::ids::{Actor, Timestamp};
use crate::journal::Hash;
use crate::state::{ApplyError, State, inconsistent};

pub fn apply(
    state: &mut State,
    seq: u64,
    time: Timestamp,
    actor: &Actor,
    event: &Event,
) -> Result<(), ApplyError> {
    fold(&mut state.treaties, seq, time, actor, event).map_err(|m| inconsistent(seq, &m))
}

/// Fold one treaty event into the treaties; an error says why the entry cannot follow.
fn fold(
    treaties: &mut BTreeMap<String, TreatyRecord>,
    seq: u64,
    time: Timestamp,
    actor: &Actor,
    event: &Event,
) -> Result<(), String> {
    if let E::TreatyOpened {
        treaty,
        organ,
        title,
        file,
        text,
    } = event
    {
        if treaties.contains_key(treaty) {
            return Err(format!("treaty {treaty} is opened twice"));
        }
        let parsed = Treaty::parse("treaty", file).map_err(|e| e.to_string())?;
        if &parsed.info.id != treaty {
            return Err(format!(
                "the treaty file names {}, the entry {treaty}",
                parsed.info.id
            ));
        }
        let draft = Draft::parse(text).map_err(|e| e.to_string())?;
        let eif = parsed.entry_into_force(&[]);
        treaties.insert(
            treaty.clone(),
            TreatyRecord {
                id: treaty.clone(),
                organ: organ.clone(),
                title: title.clone(),
                file: parsed,
                file_source: file.clone(),
                opened_seq: seq,
                rounds: vec![Round {
                    number: 1,
                    opened_seq: seq,
                    opened_at: time,
                    opened_by: actor.clone(),
                    start: draft.clone(),
                    end: draft,
                }],
                proposals: Vec::new(),
                settlements: Vec::new(),
                adopted: None,
                signature: None,
                signatures: BTreeMap::new(),
                deposits: Vec::new(),
                objections: Vec::new(),
                withdrawals: BTreeMap::new(),
                eif,
                eif_seq: None,
                acts: vec![seq],
            },
        );
        return Ok(());
    }
    let id = event.treaty();
    let t = treaties
        .get_mut(id)
        .ok_or_else(|| format!("no treaty {id} is open"))?;
    t.acts.push(seq);
    let current = |t: &TreatyRecord| t.text().cloned().ok_or_else(|| format!("{id} has no text"));
    match event {
        E::TreatyRoundOpened { round, text, .. } => {
            if *round != t.round() + 1 {
                return Err(format!(
                    "{id}: round {round} does not follow round {}",
                    t.round()
                ));
            }
            let start = match text {
                Some(s) => Draft::parse(s).map_err(|e| e.to_string())?,
                None => current(t)?,
            };
            t.rounds.push(Round {
                number: *round,
                opened_seq: seq,
                opened_at: time,
                opened_by: actor.clone(),
                start: start.clone(),
                end: start,
            });
        }
        E::TreatyWordingProposed {
            round,
            bracket,
            wording,
            by,
            ..
        } => {
            let next = current(t)?
                .propose(bracket, wording)
                .map_err(|e| e.to_string())?;
            if let Some(r) = t.rounds.last_mut() {
                r.end = next;
            }
            t.proposals.push(Proposal {
                seq,
                round: *round,
                bracket: bracket.clone(),
                wording: wording.clone(),
                by: by.clone(),
                actor: actor.clone(),
            });
        }
        E::TreatyBracketResolved {
            round,
            bracket,
            choice,
            by,
            ..
        } => {
            let text = current(t)?;
            let was = text
                .brackets()
                .into_iter()
                .find(|b| &b.at == bracket)
                .map(|b| format!("[{}]", b.alternatives.join(" / ")))
                .unwrap_or_default();
            let next = text
                .resolve(bracket, choice.clone())
                .map_err(|e| e.to_string())?;
            if let Some(r) = t.rounds.last_mut() {
                r.end = next;
            }
            t.settlements.push(Settlement {
                seq,
                round: *round,
                bracket: bracket.clone(),
                was,
                choice: choice.clone(),
                by: by.clone(),
                actor: actor.clone(),
            });
        }
        E::TreatyAdopted {
            motion,
            round,
            text_sha256,
            ..
        } => {
            let text = current(t)?;
            let sha = Hash(
                sha2::Digest::finalize(sha2::Digest::chain_update(
                    <sha2::Sha256 as sha2::Digest>::new(),
                    text.to_source().as_bytes(),
                ))
                .into(),
            );
            if &sha != text_sha256 {
                return Err(format!("{id}: the adopted text's hash is not the text's"));
            }
            t.adopted = Some(Adoption {
                seq,
                day: Day::of(time),
                motion: *motion,
                round: *round,
                text_sha256: *text_sha256,
            });
        }
        E::TreatyOpenedForSignature { date, place, .. } => {
            t.signature = Some((*date, place.clone()));
        }
        E::TreatySigned { state, date, .. } => {
            t.signatures.insert(state.clone(), *date);
        }
        E::InstrumentDeposited {
            deposit,
            reservations,
            declarations,
            ..
        } => {
            if t.deposit_of(&deposit.state).is_some() {
                return Err(format!("{id}: {} deposits twice", deposit.state));
            }
            t.deposits.push(DepositRecord {
                seq,
                deposit: deposit.clone(),
                reservations: reservations.clone(),
                declarations: declarations.clone(),
            });
            t.recompute();
        }
        E::ReservationObjected {
            state,
            reserving,
            reservation,
            text,
            date,
            ..
        } => t.objections.push(Objection {
            seq,
            state: state.clone(),
            reserving: reserving.clone(),
            reservation: *reservation,
            text: text.clone(),
            date: *date,
        }),
        E::TreatyEnteredIntoForce {
            conditions_met,
            date,
            instruments,
            ..
        } => {
            // Computed, never typed in: the entry must say what the clause gives.
            let r = &t.eif;
            if r.conditions_met != Some(*conditions_met)
                || r.entry_into_force != Some(*date)
                || r.instruments as u64 != *instruments
            {
                return Err(format!(
                    "{id}: the recorded entry into force ({date}, conditions met {conditions_met}, {instruments} instruments) is not what the clause gives for the recorded deposits ({}, conditions met {}, {} instruments)",
                    r.entry_into_force.map_or("none".into(), |d| d.to_string()),
                    r.conditions_met.map_or("never".into(), |d| d.to_string()),
                    r.instruments
                ));
            }
            t.eif_seq = Some(seq);
        }
        E::TreatyWithdrawal {
            state,
            notified,
            effective,
            ..
        } => {
            if t.withdrawal_effective(*notified) != Some(*effective) {
                return Err(format!(
                    "{id}: {state}'s withdrawal takes effect on {effective}, but the clause gives another day"
                ));
            }
            t.withdrawals.insert(
                state.clone(),
                Withdrawal {
                    seq,
                    notified: *notified,
                    effective: *effective,
                },
            );
        }
        // Folded above.
        E::TreatyOpened { .. } => {}
    }
    Ok(())
}
