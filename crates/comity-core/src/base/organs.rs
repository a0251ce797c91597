//! Who holds an organ's seats and who chairs it, by the charter's rules.

use time::{Date, Month, OffsetDateTime};

use crate::charter::{ChairSelection, Organ, OrganKind, SeatHolders, Seats};
use crate::ids::{Iso3, Timestamp};
use crate::state::State;

/// UN regional groups in the order a regional rotation visits them.
pub const REGIONAL_ORDER: [&str; 5] = [
    "AFRICAN",
    "ASIA_PACIFIC",
    "EASTERN_EUROPEAN",
    "GRULAC",
    "WEOG",
];

/// The member states that hold an organ's seats, when the charter makes that automatic
/// (one seat per member); `None` where seats are filled by election or appointment.
/// Fixed seats count once the secretariat has recorded who holds them. A caucus (the
/// members' caucus in the United Nations) seats the members that are members of the UN.
pub fn seat_holders(state: &State, organ: &Organ) -> Option<Vec<Iso3>> {
    if organ.seat_holders != SeatHolders::MemberStates {
        return None;
    }
    match organ.seats {
        Seats::OnePerMember | Seats::Open if organ.kind == OrganKind::Caucus => {
            Some(crate::caucus::un_members(state))
        }
        Seats::OnePerMember | Seats::Open => Some(state.members.keys().cloned().collect()),
        Seats::Fixed(_) => state.seats.get(&organ.id).cloned(),
    }
}

/// Who votes in the organ now: its seat holders, less members whose voting rights are
/// suspended (they keep their seats). Roll calls and elections take their electorate here.
pub fn voting_members(state: &State, organ: &Organ) -> Option<Vec<Iso3>> {
    seat_holders(state, organ).map(|seats| {
        seats
            .into_iter()
            .filter(|s| {
                !matches!(
                    state.members.get(s).map(|m| m.standing),
                    Some(crate::membership::Standing::Suspended(_))
                )
            })
            .collect()
    })
}

/// Does member state `iso` hold a seat in `organ`?
pub fn is_seated(state: &State, organ: &Organ, iso: &Iso3) -> bool {
    seat_holders(state, organ).is_some_and(|s| s.contains(iso))
}

/// Who chairs in one term.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChairHolder {
    State(Iso3),
    /// A regional group's turn (its members choose the state).
    Group(&'static str),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChairTerm {
    pub index: u64,
    pub from: Date,
    pub until: Date,
    pub holder: ChairHolder,
}

/// The chair's rotation for terms around `now`: the previous term, the current one and the
/// next `ahead`. Terms start when the charter was adopted. Only rotating chairs have a
/// schedule; elected and host chairs return an empty list.
pub fn chair_rotation(state: &State, organ: &Organ, now: Timestamp, ahead: u64) -> Vec<ChairTerm> {
    let (Some(chair), Some(adopted)) = (&organ.chair, &state.charter) else {
        return Vec::new();
    };
    let Some(start) = to_date(adopted.adopted_at) else {
        return Vec::new();
    };
    let Some(today) = to_date(now) else {
        return Vec::new();
    };
    let months = u64::from(chair.term_months.max(1));
    let holders: Vec<ChairHolder> = match chair.selection {
        ChairSelection::RotationAlphabetical => {
            let Some(mut seats) = seat_holders(state, organ) else {
                return Vec::new();
            };
            seats.sort_by_key(|iso| {
                state
                    .registry
                    .country(iso)
                    .map(|c| c.name.clone())
                    .unwrap_or_default()
            });
            seats.into_iter().map(ChairHolder::State).collect()
        }
        ChairSelection::RotationRegional => REGIONAL_ORDER
            .iter()
            .map(|g| ChairHolder::Group(g))
            .collect(),
        ChairSelection::Election | ChairSelection::Host => return Vec::new(),
    };
    if holders.is_empty() {
        return Vec::new();
    }
    let elapsed = months_between(start, today);
    let current = elapsed / months;
    let first = current.saturating_sub(1);
    (first..=current + ahead)
        .filter_map(|k| {
            let from = add_months(start, k * months)?;
            let until = add_months(start, (k + 1) * months)?;
            let holder = holders[usize::try_from(k % holders.len() as u64).ok()?].clone();
            Some(ChairTerm {
                index: k,
                from,
                until,
                holder,
            })
        })
        .collect()
}

fn to_date(t: Timestamp) -> Option<Date> {
    OffsetDateTime::from_unix_timestamp(t.unix())
        .ok()
        .map(|d| d.date())
}

/// Whole months from `a` to `b` (0 if `b` is before `a`).
fn months_between(a: Date, b: Date) -> u64 {
    let m = (i64::from(b.year()) - i64::from(a.year())) * 12 + i64::from(u8::from(b.month()))
        - i64::from(u8::from(a.month()));
    let m = if b.day() < a.day() { m - 1 } else { m };
    u64::try_from(m).unwrap_or(0)
}

/// `d` plus `n` calendar months, the day clamped to the month's length.
pub fn add_months(d: Date, n: u64) -> Option<Date> {
    let total =
        i64::from(d.year()) * 12 + i64::from(u8::from(d.month())) - 1 + i64::try_from(n).ok()?;
    let year = i32::try_from(total.div_euclid(12)).ok()?;
    let month = Month::try_from(u8::try_from(total.rem_euclid(12) + 1).ok()?).ok()?;
    let day = d.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_add_with_clamping() {
        let d = Date::from_calendar_date(2026, Month::January, 31).unwrap();
        assert_eq!(add_months(d, 1).unwrap().to_string(), "2026-02-28");
        assert_eq!(add_months(d, 13).unwrap().to_string(), "2027-02-28");
        assert_eq!(add_months(d, 25).unwrap().to_string(), "2028-02-29");
        let a = Date::from_calendar_date(2026, Month::March, 15).unwrap();
        assert_eq!(
            months_between(
                a,
                Date::from_calendar_date(2026, Month::September, 14).unwrap()
            ),
            5
        );
        assert_eq!(
            months_between(
                a,
                Date::from_calendar_date(2026, Month::September, 15).unwrap()
            ),
            6
        );
        assert_eq!(
            months_between(
                a,
                Date::from_calendar_date(2025, Month::September, 15).unwrap()
            ),
            0
        );
    }
}
