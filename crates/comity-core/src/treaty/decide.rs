//! Deciding the acts on treaties: drafting rounds, wording and brackets, adoption, signature,
//! deposits with reservations, objections, withdrawal, and entry into force as computed.

use super::{ActError, AdoptionError, Command, InvalidError};
use crate::base;
use crate::charter::Charter;
use crate::error::DomainError;
use crate::event::Event;
use crate::ids::{Day, Iso3, Timestamp};
use crate::journal::Hash;
use crate::motion;
use crate::motion::{MotionStatus, Seat};
use crate::state::State;
use crate::treaty;
use crate::treaty::eif::{Instrument, Treaty};
use crate::treaty::record::{Resolution, Stage, TreatyRecord};
use crate::treaty::text::Draft;

use crate::base::{charter_of as charter, text_field};

/// The decision kind whose adopted motion adopts a treaty's final text.
pub(crate) const ADOPTION_DECISION: &str = "treaty_adoption";
const TEXT_MAX: usize = 200_000;
const NOTE_MAX: usize = 5_000;

fn treaty<'a>(state: &'a State, id: &str) -> Result<&'a TreatyRecord, DomainError> {
    state
        .treaties
        .get(id)
        .ok_or_else(|| DomainError::Treaty(treaty::Refusal::UnknownTreaty(id.to_owned())))
}

fn at_stage(t: &TreatyRecord, ok: &[Stage], act: &'static str) -> Result<(), DomainError> {
    let stage = t.stage();
    if ok.contains(&stage) {
        Ok(())
    } else {
        Err(DomainError::Treaty(treaty::Refusal::TreatyStage {
            treaty: t.id.clone(),
            stage: stage.code(),
            act,
        }))
    }
}

fn parse_text(text: &str) -> Result<Draft, DomainError> {
    if text.chars().count() > TEXT_MAX {
        return Err(DomainError::Base(base::Refusal::TooLong {
            field: "text",
            max: TEXT_MAX,
        }));
    }
    Draft::parse(text)
        .map_err(|e| DomainError::Treaty(treaty::Refusal::TreatyInvalid(InvalidError::Text(e))))
}

fn known_state(state: &State, iso: &Iso3) -> Result<(), DomainError> {
    if state.registry.country(iso).is_some() {
        Ok(())
    } else {
        Err(DomainError::Base(base::Refusal::UnknownState(iso.clone())))
    }
}

/// A dated act may not be dated after the day it is recorded.
fn not_future(date: Day, now: Timestamp) -> Result<(), DomainError> {
    match Day::of(now) {
        Some(today) if date > today => Err(DomainError::Treaty(treaty::Refusal::TreatyAct(
            ActError::DateInFuture { date, today },
        ))),
        _ => Ok(()),
    }
}

pub fn decide(state: &State, now: Timestamp, cmd: &Command) -> Result<Vec<Event>, DomainError> {
    let charter = charter(state)?;
    match cmd {
        Command::OpenTreaty {
            organ,
            file_name,
            file,
            text,
        } => open_treaty(state, charter, organ, file_name, file, text),
        Command::OpenTreatyRound { treaty: id, text } => open_treaty_round(state, id, text),
        Command::ProposeWording {
            treaty: id,
            bracket,
            wording,
            by,
        } => propose_wording(state, charter, id, bracket, wording, by),
        Command::ResolveBracket {
            treaty: id,
            bracket,
            choice,
            by,
        } => resolve_bracket(state, id, bracket, choice, by),
        Command::AdoptTreaty { treaty: id, motion } => adopt_treaty(state, id, motion),
        Command::OpenTreatyForSignature {
            treaty: id,
            date,
            place,
        } => open_treaty_for_signature(state, id, date, place),
        Command::SignTreaty {
            treaty: id,
            state: iso,
            date,
        } => sign_treaty(state, now, id, iso, date),
        Command::DepositInstrument {
            treaty: id,
            deposit,
            reservations,
            declarations,
        } => deposit_instrument(state, now, id, deposit, reservations, declarations),
        Command::ObjectToReservation {
            treaty: id,
            state: iso,
            reserving,
            reservation,
            text,
            date,
        } => object_to_reservation(state, now, id, iso, reserving, reservation, text, date),
        Command::WithdrawFromTreaty {
            treaty: id,
            state: iso,
            date,
        } => withdraw_from_treaty(state, now, id, iso, date),
    }
}

fn open_treaty(
    state: &State,
    charter: &Charter,
    organ: &str,
    file_name: &str,
    file: &str,
    text: &str,
) -> Result<Vec<Event>, DomainError> {
    if charter.organ(organ).is_none() {
        return Err(DomainError::Base(base::Refusal::UnknownOrgan(
            organ.to_owned(),
        )));
    }
    let t = Treaty::parse(file_name, file).map_err(|e| {
        DomainError::Treaty(treaty::Refusal::TreatyInvalid(InvalidError::File {
            detail: e.to_string(),
        }))
    })?;
    parse_text(text)?;
    if state.treaties.contains_key(&t.info.id) {
        return Err(DomainError::Treaty(treaty::Refusal::TreatyExists(
            t.info.id,
        )));
    }
    Ok(vec![Event::Treaty(treaty::Event::TreatyOpened {
        treaty: t.info.id.clone(),
        organ: organ.to_owned(),
        title: t.info.title.clone(),
        file: file.to_owned(),
        text: text.to_owned(),
    })])
}

fn open_treaty_round(
    state: &State,
    id: &str,
    text: &Option<String>,
) -> Result<Vec<Event>, DomainError> {
    let t = treaty(state, id)?;
    at_stage(t, &[Stage::Drafting], "open a negotiating round")?;
    if let Some(text) = text {
        parse_text(text)?;
    }
    Ok(vec![Event::Treaty(treaty::Event::TreatyRoundOpened {
        treaty: id.to_owned(),
        round: t.round() + 1,
        text: text.clone(),
    })])
}

fn propose_wording(
    state: &State,
    charter: &Charter,
    id: &str,
    bracket: &crate::treaty::text::BracketRef,
    wording: &str,
    by: &Seat,
) -> Result<Vec<Event>, DomainError> {
    let t = treaty(state, id)?;
    at_stage(t, &[Stage::Drafting], "take a proposed wording")?;
    match by {
        Seat::State(iso) if !state.members.contains_key(iso) => {
            return Err(DomainError::Base(base::Refusal::NotAMember(iso.clone())));
        }
        // A state proposes wording where it sits: in the drafting organ.
        Seat::State(iso)
            if !charter
                .organ(&t.organ)
                .is_some_and(|o| crate::organs::is_seated(state, o, iso)) =>
        {
            return Err(DomainError::Motion(motion::Refusal::NotSeated {
                state: iso.clone(),
                organ: t.organ.clone(),
            }));
        }
        Seat::Organ(o) if charter.organ(o).is_none() => {
            return Err(DomainError::Base(base::Refusal::UnknownOrgan(o.clone())));
        }
        _ => {}
    }
    let text = t
        .text()
        .ok_or_else(|| DomainError::Treaty(treaty::Refusal::UnknownTreaty(id.to_owned())))?;
    text.propose(bracket, wording)
        .map_err(|e| DomainError::Treaty(treaty::Refusal::TreatyEdit(e)))?;
    Ok(vec![Event::Treaty(treaty::Event::TreatyWordingProposed {
        treaty: id.to_owned(),
        round: t.round(),
        bracket: bracket.clone(),
        wording: wording.trim().to_owned(),
        by: by.clone(),
    })])
}

fn resolve_bracket(
    state: &State,
    id: &str,
    bracket: &crate::treaty::text::BracketRef,
    choice: &crate::treaty::text::Choice,
    by: &crate::treaty::record::Resolution,
) -> Result<Vec<Event>, DomainError> {
    let t = treaty(state, id)?;
    at_stage(t, &[Stage::Drafting], "settle a bracket")?;
    if let Resolution::Motion(m) = by {
        let motion = state
            .motions
            .get(m)
            .ok_or(DomainError::Motion(motion::Refusal::UnknownMotion(*m)))?;
        if motion.organ != t.organ || motion.status != MotionStatus::Adopted {
            return Err(DomainError::Treaty(treaty::Refusal::TreatyAct(
                ActError::NotTheOrgansDecision {
                    motion: *m,
                    organ: t.organ.clone(),
                    treaty: id.to_owned(),
                },
            )));
        }
    }
    let text = t
        .text()
        .ok_or_else(|| DomainError::Treaty(treaty::Refusal::UnknownTreaty(id.to_owned())))?;
    text.resolve(bracket, choice.clone())
        .map_err(|e| DomainError::Treaty(treaty::Refusal::TreatyEdit(e)))?;
    Ok(vec![Event::Treaty(treaty::Event::TreatyBracketResolved {
        treaty: id.to_owned(),
        round: t.round(),
        bracket: bracket.clone(),
        choice: choice.clone(),
        by: by.clone(),
    })])
}

fn adopt_treaty(state: &State, id: &str, motion: &u64) -> Result<Vec<Event>, DomainError> {
    let t = treaty(state, id)?;
    at_stage(t, &[Stage::Drafting], "be adopted")?;
    let text = t
        .text()
        .ok_or_else(|| DomainError::Treaty(treaty::Refusal::UnknownTreaty(id.to_owned())))?;
    let open = text.open_brackets().total;
    if open > 0 {
        return Err(DomainError::Treaty(treaty::Refusal::OpenBrackets {
            treaty: id.to_owned(),
            count: open,
        }));
    }
    let m = state
        .motions
        .get(motion)
        .ok_or(DomainError::Motion(motion::Refusal::UnknownMotion(*motion)))?;
    let refuse = |detail: AdoptionError| {
        Err(DomainError::Treaty(treaty::Refusal::AdoptionMotion {
            motion: *motion,
            detail,
        }))
    };
    if m.decision != ADOPTION_DECISION {
        return refuse(AdoptionError::WrongKind {
            kind: m.decision.clone(),
            expected: ADOPTION_DECISION.to_owned(),
        });
    }
    if m.status != MotionStatus::Adopted {
        return refuse(AdoptionError::NotAdopted {
            status: m.status.code().to_owned(),
        });
    }
    let last_change = t.acts.iter().copied().max().unwrap_or(0);
    if m.tabled_seq < last_change {
        return refuse(AdoptionError::BeforeLastChange {
            tabled: m.tabled_seq,
            last_change,
        });
    }
    if let Some(other) = state
        .treaties
        .values()
        .find(|o| o.adopted.as_ref().is_some_and(|a| a.motion == *motion))
    {
        return refuse(AdoptionError::AdoptedAnother {
            treaty: other.id.clone(),
        });
    }
    Ok(vec![Event::Treaty(treaty::Event::TreatyAdopted {
        treaty: id.to_owned(),
        motion: *motion,
        round: t.round(),
        text_sha256: Hash::of(text.to_source().as_bytes()),
    })])
}

fn open_treaty_for_signature(
    state: &State,
    id: &str,
    date: &crate::ids::Day,
    place: &str,
) -> Result<Vec<Event>, DomainError> {
    let t = treaty(state, id)?;
    at_stage(t, &[Stage::Adopted], "open for signature")?;
    text_field("place", place, NOTE_MAX)?;
    if let Some(a) = t.adopted.as_ref().and_then(|a| a.day)
        && *date < a
    {
        return Err(DomainError::Treaty(treaty::Refusal::TreatyAct(
            ActError::SignatureBeforeAdoption {
                treaty: id.to_owned(),
                date: *date,
                adopted: a,
            },
        )));
    }
    Ok(vec![Event::Treaty(
        treaty::Event::TreatyOpenedForSignature {
            treaty: id.to_owned(),
            date: *date,
            place: place.trim().to_owned(),
        },
    )])
}

fn sign_treaty(
    state: &State,
    now: Timestamp,
    id: &str,
    iso: &Iso3,
    date: &crate::ids::Day,
) -> Result<Vec<Event>, DomainError> {
    let t = treaty(state, id)?;
    at_stage(t, &[Stage::OpenForSignature, Stage::InForce], "be signed")?;
    known_state(state, iso)?;
    not_future(*date, now)?;
    if let Some((opened, _)) = &t.signature
        && date < opened
    {
        return Err(DomainError::Treaty(treaty::Refusal::TreatyAct(
            ActError::SignedBeforeOpening {
                state: iso.clone(),
                date: *date,
                treaty: id.to_owned(),
                opened: *opened,
            },
        )));
    }
    if let Some(d) = t.signatures.get(iso) {
        return Err(DomainError::Treaty(treaty::Refusal::TreatyAct(
            ActError::AlreadySigned {
                state: iso.clone(),
                treaty: id.to_owned(),
                date: *d,
            },
        )));
    }
    if let Some(d) = t.deposit_of(iso) {
        return Err(DomainError::Treaty(treaty::Refusal::AlreadyDeposited {
            state: iso.clone(),
            date: d.deposit.date,
        }));
    }
    Ok(vec![Event::Treaty(treaty::Event::TreatySigned {
        treaty: id.to_owned(),
        state: iso.clone(),
        date: *date,
    })])
}

#[allow(clippy::too_many_arguments)] // one parameter per field of the command
fn object_to_reservation(
    state: &State,
    now: Timestamp,
    id: &str,
    iso: &Iso3,
    reserving: &Iso3,
    reservation: &u32,
    text: &str,
    date: &crate::ids::Day,
) -> Result<Vec<Event>, DomainError> {
    let t = treaty(state, id)?;
    known_state(state, iso)?;
    text_field("text", text, NOTE_MAX)?;
    not_future(*date, now)?;
    let Some(d) = t.deposit_of(reserving) else {
        return Err(DomainError::Treaty(treaty::Refusal::TreatyAct(
            ActError::NoInstrument {
                reserving: reserving.clone(),
                treaty: id.to_owned(),
            },
        )));
    };
    if *reservation == 0 || *reservation as usize > d.reservations.len() {
        return Err(DomainError::Treaty(treaty::Refusal::TreatyAct(
            ActError::NoSuchReservation {
                reserving: reserving.clone(),
                count: d.reservations.len(),
                reservation: *reservation,
            },
        )));
    }
    if iso == reserving {
        return Err(DomainError::Treaty(treaty::Refusal::TreatyAct(
            ActError::OwnReservation { state: iso.clone() },
        )));
    }
    if *date < d.deposit.date {
        return Err(DomainError::Treaty(treaty::Refusal::TreatyAct(
            ActError::ObjectionBeforeReservation {
                date: *date,
                made: d.deposit.date,
            },
        )));
    }
    Ok(vec![Event::Treaty(treaty::Event::ReservationObjected {
        treaty: id.to_owned(),
        state: iso.clone(),
        reserving: reserving.clone(),
        reservation: *reservation,
        text: text.trim().to_owned(),
        date: *date,
    })])
}

fn withdraw_from_treaty(
    state: &State,
    now: Timestamp,
    id: &str,
    iso: &Iso3,
    date: &crate::ids::Day,
) -> Result<Vec<Event>, DomainError> {
    let t = treaty(state, id)?;
    not_future(*date, now)?;
    let Some(bound) = t.eif.per_state.get(iso) else {
        return Err(DomainError::Treaty(treaty::Refusal::TreatyAct(
            ActError::NotAParty {
                treaty: id.to_owned(),
                state: iso.clone(),
            },
        )));
    };
    if let Some(w) = t.withdrawals.get(iso) {
        return Err(DomainError::Treaty(treaty::Refusal::TreatyAct(
            ActError::AlreadyWithdrawn {
                state: iso.clone(),
                date: w.notified,
            },
        )));
    }
    let open_from = t.file.withdrawal_open_from(*bound).unwrap_or(*bound);
    if *date < open_from {
        return Err(DomainError::Treaty(treaty::Refusal::TreatyAct(
            ActError::WithdrawalTooEarly {
                state: iso.clone(),
                from: open_from,
                clause: t
                    .file
                    .withdrawal
                    .as_ref()
                    .and_then(|w| w.clause.clone())
                    .unwrap_or_else(|| "the treaty's withdrawal clause".into()),
                date: *date,
            },
        )));
    }
    let effective =
        t.withdrawal_effective(*date)
            .ok_or(DomainError::Treaty(treaty::Refusal::TreatyAct(
                ActError::PastTheCalendar,
            )))?;
    Ok(vec![Event::Treaty(treaty::Event::TreatyWithdrawal {
        treaty: id.to_owned(),
        state: iso.clone(),
        notified: *date,
        effective,
    })])
}

fn deposit_instrument(
    state: &State,
    now: Timestamp,
    id: &str,
    deposit: &crate::treaty::eif::Deposit,
    reservations: &[String],
    declarations: &[String],
) -> Result<Vec<Event>, DomainError> {
    let t = treaty(state, id)?;
    at_stage(
        t,
        &[Stage::OpenForSignature, Stage::InForce],
        "take instruments",
    )?;
    let iso = &deposit.state;
    known_state(state, iso)?;
    not_future(deposit.date, now)?;
    if let Some((opened, _)) = &t.signature
        && deposit.date < *opened
    {
        return Err(DomainError::Treaty(treaty::Refusal::DepositBeforeOpening {
            state: iso.clone(),
            date: deposit.date,
            opened: *opened,
        }));
    }
    if let Some(d) = t.deposit_of(iso) {
        return Err(DomainError::Treaty(treaty::Refusal::AlreadyDeposited {
            state: iso.clone(),
            date: d.deposit.date,
        }));
    }
    if let Some(latest) = t.deposits.iter().map(|d| d.deposit.date).max()
        && deposit.date < latest
    {
        return Err(DomainError::Treaty(treaty::Refusal::TreatyAct(
            ActError::OutOfOrder {
                latest,
                date: deposit.date,
            },
        )));
    }
    let signed = t.signatures.get(iso).filter(|d| **d <= deposit.date);
    if deposit.instrument != Instrument::Accession && signed.is_none() {
        return Err(DomainError::Treaty(treaty::Refusal::TreatyAct(
            ActError::NotSigned {
                state: iso.clone(),
                treaty: id.to_owned(),
                instrument: deposit.instrument.to_string(),
            },
        )));
    }
    let weighed = t.file.weighed_quantity();
    if let (Some(q), None) = (weighed, deposit.share) {
        return Err(DomainError::Treaty(treaty::Refusal::TreatyAct(
            ActError::ShareMissing {
                treaty: id.to_owned(),
                quantity: q.to_string(),
                state: iso.clone(),
            },
        )));
    }
    for r in reservations.iter().chain(declarations) {
        text_field("reservation", r, NOTE_MAX)?;
    }
    let mut deposit = deposit.clone();
    if weighed.is_none() {
        deposit.share = None;
    }
    let mut events = vec![Event::Treaty(treaty::Event::InstrumentDeposited {
        treaty: id.to_owned(),
        deposit: deposit.clone(),
        reservations: reservations.iter().map(|r| r.trim().to_owned()).collect(),
        declarations: declarations.iter().map(|r| r.trim().to_owned()).collect(),
    })];
    if t.eif_seq.is_none() {
        let mut all = t.deposits_plain();
        all.push(deposit);
        let r = t.file.entry_into_force(&all);
        if let (Some(met), Some(date)) = (r.conditions_met, r.entry_into_force) {
            events.push(Event::Treaty(treaty::Event::TreatyEnteredIntoForce {
                treaty: id.to_owned(),
                conditions_met: met,
                date,
                instruments: r.instruments as u64,
            }));
        }
    }
    Ok(events)
}
