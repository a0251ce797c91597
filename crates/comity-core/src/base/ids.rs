//! Identifiers and instants that come in from outside, parsed once at the edge.

use std::fmt;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// Why a value from outside could not become a domain identifier.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseIdError {
    #[error("{0:?} is not an ISO 3166-1 alpha-3 code (three capital letters, e.g. DNK)")]
    Iso3(String),
    #[error("{0:?} is not a valid actor (1 to 100 printable characters without spaces)")]
    Actor(String),
    #[error("{0:?} is not an RFC 3339 time (e.g. 2026-11-23T09:00:00Z)")]
    Timestamp(String),
    #[error("{0:?} is not a date written YYYY-MM-DD (e.g. 2002-07-01)")]
    Day(String),
}

/// An ISO 3166-1 alpha-3 code (Kosovo uses the user-assigned `XKX`, as the World Bank and V-Dem do).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Iso3(String);

impl Iso3 {
    pub fn parse(s: &str) -> Result<Self, ParseIdError> {
        if s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase()) {
            Ok(Self(s.to_owned()))
        } else {
            Err(ParseIdError::Iso3(s.to_owned()))
        }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Iso3 {
    type Error = ParseIdError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}
impl From<Iso3> for String {
    fn from(v: Iso3) -> Self {
        v.0
    }
}
impl fmt::Display for Iso3 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Who performed an act: `system`, `secretariat`, `user:alice`, … Recorded in every journal entry.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Actor(String);

impl Actor {
    pub fn parse(s: &str) -> Result<Self, ParseIdError> {
        let ok = !s.is_empty()
            && s.chars().count() <= 100
            && s.chars().all(|c| !c.is_whitespace() && !c.is_control());
        if ok {
            Ok(Self(s.to_owned()))
        } else {
            Err(ParseIdError::Actor(s.to_owned()))
        }
    }
    /// The platform itself, for acts no person performs (imports of reference data at founding).
    pub fn system() -> Self {
        Self("system".to_owned())
    }
    /// Anyone without an account (a response to a consultation open to the public).
    pub fn public() -> Self {
        Self("public".to_owned())
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Actor {
    type Error = ParseIdError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}
impl From<Actor> for String {
    fn from(v: Actor) -> Self {
        v.0
    }
}
impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An instant in UTC, written in RFC 3339 with a `Z` and whole seconds.
///
/// Core never reads a clock: every command carries the time it happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Timestamp(i64);

impl Timestamp {
    pub fn parse(s: &str) -> Result<Self, ParseIdError> {
        OffsetDateTime::parse(s, &Rfc3339)
            .map(|t| Self(t.unix_timestamp()))
            .map_err(|_| ParseIdError::Timestamp(s.to_owned()))
    }
    pub fn from_unix(secs: i64) -> Self {
        Self(secs)
    }
    pub fn unix(self) -> i64 {
        self.0
    }
}

impl TryFrom<String> for Timestamp {
    type Error = ParseIdError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        // Canonical form only, so that a journal line re-serialises to the same bytes.
        let t = Self::parse(&s)?;
        if t.to_string() == s {
            Ok(t)
        } else {
            Err(ParseIdError::Timestamp(s))
        }
    }
}
impl From<Timestamp> for String {
    fn from(v: Timestamp) -> Self {
        v.to_string()
    }
}
impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match OffsetDateTime::from_unix_timestamp(self.0) {
            Ok(t) => {
                let (y, mo, d) = (t.year(), u8::from(t.month()), t.day());
                let (h, mi, s) = (t.hour(), t.minute(), t.second());
                write!(f, "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
            }
            Err(_) => write!(f, "@{}", self.0),
        }
    }
}

/// A calendar day, written `YYYY-MM-DD` (treaty dates: signature, deposit, entry into force).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Day(time::Date);

impl Day {
    /// Exactly `YYYY-MM-DD` with a real day of a real month (four-digit year).
    pub fn parse(s: &str) -> Result<Self, ParseIdError> {
        let bad = || ParseIdError::Day(s.to_owned());
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let num = |r: std::ops::Range<usize>| -> Result<u32, ParseIdError> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let month = u8::try_from(m)
            .ok()
            .and_then(|m| time::Month::try_from(m).ok())
            .ok_or_else(bad)?;
        let day = u8::try_from(d).map_err(|_| bad())?;
        let year = i32::try_from(y).map_err(|_| bad())?;
        time::Date::from_calendar_date(year, month, day)
            .map(Self)
            .map_err(|_| bad())
    }
    pub fn from_date(d: time::Date) -> Self {
        Self(d)
    }
    pub fn date(self) -> time::Date {
        self.0
    }
    /// The day an instant falls on, in UTC.
    pub fn of(t: Timestamp) -> Option<Self> {
        OffsetDateTime::from_unix_timestamp(t.unix())
            .ok()
            .map(|t| Self(t.date()))
    }
}

impl TryFrom<String> for Day {
    type Error = ParseIdError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}
impl From<Day> for String {
    fn from(v: Day) -> Self {
        v.to_string()
    }
}
impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0;
        write!(
            f,
            "{:04}-{:02}-{:02}",
            d.year(),
            u8::from(d.month()),
            d.day()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso3_accepts_three_capitals_only() {
        assert!(Iso3::parse("DNK").is_ok());
        assert!(Iso3::parse("XKX").is_ok());
        for bad in ["dnk", "DK", "DNKK", "D1K", ""] {
            assert!(Iso3::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn timestamp_round_trips_in_utc() {
        let t = Timestamp::parse("2026-11-23T10:30:00+01:00").unwrap();
        assert_eq!(t.to_string(), "2026-11-23T09:30:00Z");
        assert!(Timestamp::try_from("2026-11-23T10:30:00+01:00".to_owned()).is_err());
        assert!(Timestamp::try_from("2026-11-23T09:30:00Z".to_owned()).is_ok());
        assert!(Timestamp::parse("yesterday").is_err());
    }

    #[test]
    fn day_is_strict_iso_8601() {
        assert_eq!(Day::parse("2002-07-01").unwrap().to_string(), "2002-07-01");
        assert_eq!(Day::parse("2016-02-29").unwrap().to_string(), "2016-02-29");
        for bad in [
            "2015-02-29",
            "2002-7-01",
            "02-07-2002",
            "2002-13-01",
            "2002-00-10",
            "2002-07-01T00",
            "+002-07-01",
            "",
        ] {
            assert!(Day::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn actor_refuses_blank_and_spaces() {
        assert!(Actor::parse("user:alice").is_ok());
        assert!(Actor::parse("").is_err());
        assert!(Actor::parse("a b").is_err());
    }
}
