//! What a person may do in sanctions now, each act `authorize`d for them: pages and the API
//! ask this instead of re-checking the rules themselves.

use super::{Case, Command, Evidence, Grade, Status, Target, TargetSchema};
use crate::auth::{Principal, authorize};
use crate::ids::{Day, Iso3};
use crate::motion::Seat;
use crate::state::State;

/// The acts open to one person on the sanctions page or on one case.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SanctionsActs {
    /// Seats the person may propose a listing for (on the sanctions page), or a delisting
    /// for (on a case in force).
    pub propose: Vec<Seat>,
    /// Members the person may record a national act for (a case in force).
    pub implement: Vec<Iso3>,
    /// Renew the listing at its review.
    pub renew: bool,
    /// Justify differences between cases; publish a release.
    pub justify: bool,
    pub publish: bool,
}

impl SanctionsActs {
    pub fn any(&self) -> bool {
        !self.propose.is_empty()
            || !self.implement.is_empty()
            || self.renew
            || self.justify
            || self.publish
    }
}

fn may(state: &State, who: &Principal, cmd: Command) -> bool {
    authorize(who, &crate::Command::Sanctions(cmd), state).is_ok()
}

/// The seats `who` may sponsor a sanctions motion for: their own, and for the secretariat
/// the deciding organ.
fn sponsor_seats(state: &State, who: &Principal) -> Vec<Seat> {
    let mut seats = who.seats(state);
    if let Some(c) = state.charter.as_ref()
        && let Some(sx) = c.charter.sanctions.as_ref()
        && let Some(d) = c.charter.decision(sx.decision())
    {
        seats.push(Seat::Organ(d.organ.clone()));
    }
    seats.sort();
    seats.dedup();
    seats
}

fn probe_target() -> Target {
    Target {
        schema: TargetSchema::Person,
        name: String::new(),
        aliases: Vec::new(),
        weak_aliases: Vec::new(),
        birth_dates: Vec::new(),
        nationalities: Vec::new(),
        identifiers: Vec::new(),
        addresses: Vec::new(),
    }
}

/// What `who` may do on the sanctions page (propose, justify, publish).
pub fn on_page(state: &State, who: &Principal) -> SanctionsActs {
    let propose = sponsor_seats(state, who)
        .into_iter()
        .filter(|s| {
            may(
                state,
                who,
                Command::ProposeListing {
                    target: probe_target(),
                    grounds: Vec::new(),
                    evidence: Evidence {
                        grade: Grade::A,
                        sources: Vec::new(),
                    },
                    reasons: String::new(),
                    sponsor: s.clone(),
                },
            )
        })
        .collect();
    SanctionsActs {
        propose,
        justify: may(
            state,
            who,
            Command::JustifyDifference {
                a: 0,
                b: 0,
                text: String::new(),
            },
        ),
        publish: may(
            state,
            who,
            Command::PublishRelease {
                cases: Vec::new(),
                ftm_sha256: crate::journal::Hash::ZERO,
                csv_sha256: crate::journal::Hash::ZERO,
            },
        ),
        ..SanctionsActs::default()
    }
}

/// What `who` may do on a case on `day`.
pub fn available(state: &State, who: &Principal, day: Day, case: &Case) -> SanctionsActs {
    let _ = day;
    if case.status() != Status::Listed {
        return SanctionsActs::default();
    }
    let implement = state
        .members
        .keys()
        .filter(|m| !case.implementations.get(*m).is_some_and(|i| i.adopted))
        .filter(|m| {
            may(
                state,
                who,
                Command::RecordImplementation {
                    case: case.id,
                    state: (*m).clone(),
                    adopted: true,
                    day,
                    text: String::new(),
                },
            )
        })
        .cloned()
        .collect();
    let open = case.pending_delisting().is_none();
    let review = |renew: bool, seat: &Seat| {
        may(
            state,
            who,
            Command::ReviewListing {
                case: case.id,
                renew,
                reasons: String::new(),
                sponsor: seat.clone(),
            },
        )
    };
    let seats = sponsor_seats(state, who);
    let propose = if open {
        seats.iter().filter(|s| review(false, s)).cloned().collect()
    } else {
        Vec::new()
    };
    let renew =
        open && (who.has(&crate::Role::Secretariat) || seats.iter().any(|s| review(true, s)));
    SanctionsActs {
        propose,
        implement,
        renew,
        ..SanctionsActs::default()
    }
}
