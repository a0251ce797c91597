//! Organs, states and seats by name, from the charter and the registry: the one place pages,
//! the API and the journal's words look them up.

use comity_core::motion::Seat;
use comity_core::{Iso3, State};

/// An organ's name from the charter, or its id.
pub fn organ_name(state: &State, id: &str) -> String {
    state
        .charter
        .as_ref()
        .and_then(|a| a.charter.organ(id))
        .map_or_else(|| id.to_owned(), |o| o.name.clone())
}

/// A state code: an [`Iso3`] or the text of one.
pub trait StateCode {
    fn code(&self) -> &str;
}
impl StateCode for Iso3 {
    fn code(&self) -> &str {
        self.as_str()
    }
}
impl StateCode for str {
    fn code(&self) -> &str {
        self
    }
}
impl StateCode for String {
    fn code(&self) -> &str {
        self
    }
}

/// A state's name from the registry, or its code.
pub fn state_name(state: &State, code: &(impl StateCode + ?Sized)) -> String {
    let code = code.code();
    Iso3::parse(code)
        .ok()
        .and_then(|iso| state.registry.country(&iso).map(|c| c.name.clone()))
        .unwrap_or_else(|| code.to_owned())
}

/// A seat's holder by name: a state's or an organ's.
pub fn seat_label(state: &State, seat: &Seat) -> String {
    match seat {
        Seat::State(iso) => state_name(state, iso),
        Seat::Organ(o) => organ_name(state, o),
    }
}

/// Text made safe inside XML or HTML (a chart drawn as a string).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_organs_and_states_fall_back_to_their_codes() {
        let state = State::default();
        assert_eq!(organ_name(&state, "council"), "council");
        assert_eq!(state_name(&state, "ZZZ"), "ZZZ");
        assert_eq!(state_name(&state, "not a code"), "not a code");
        let iso = Iso3::parse("DNK").unwrap();
        assert_eq!(state_name(&state, &iso), "DNK");
        assert_eq!(seat_label(&state, &Seat::State(iso)), "DNK");
        assert_eq!(seat_label(&state, &Seat::Organ("summit".into())), "summit");
    }
}
