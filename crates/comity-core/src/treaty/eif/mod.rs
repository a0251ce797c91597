//! Entry into force, written as data and computed.
//!
//! A treaty file (TOML) states the treaty's particulars and its entry-into-force clause as a
//! rule: which instruments count, the conditions that must all hold (a number of
//! instruments, a share of a quantity such as global emissions), and how the date follows
//! from the day they first hold, as steps (`"+60 days"`, `"first day of next month"`). A
//! second rule, `later`, gives the date for a state that deposits after that day. The
//! three shipped files (`treaties/mine-ban.toml`, `rome-statute.toml`,
//! `paris-agreement.toml`) are the real clauses.
//!
//! Shares are exact: each is an integer number of parts per quadrillion (10⁻¹⁵) of the
//! whole, so that a threshold met exactly is met, whatever the reader's floating point.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};
use time::{Date, Duration};

use crate::ids::{Day, Iso3};
use crate::organs::add_months;
use crate::toml_loc::{self, LocatedError, LocatedErrors, Path, Seg, key};

/// The kinds of instrument by which a state consents to be bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Instrument {
    Ratification,
    Acceptance,
    Approval,
    Accession,
}

impl Instrument {
    pub const ALL: [Instrument; 4] = [
        Self::Ratification,
        Self::Acceptance,
        Self::Approval,
        Self::Accession,
    ];

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|i| i.as_str() == s)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ratification => "ratification",
            Self::Acceptance => "acceptance",
            Self::Approval => "approval",
            Self::Accession => "accession",
        }
    }
}

impl fmt::Display for Instrument {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A share of a whole (emissions, contributions, …) in parts per quadrillion: 10¹⁵ is all of it.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Share(pub u64);

impl Share {
    pub const WHOLE: u64 = 1_000_000_000_000_000;
    const DECIMALS: u32 = 15;

    /// `"55%"` (a percentage) or `"0.55"` (a fraction of the whole, at most 1).
    pub fn parse_threshold(s: &str) -> Result<Self, String> {
        let t = s.trim();
        let (v, percent) = match t.strip_suffix('%') {
            Some(p) => (p.trim(), true),
            None => (t, false),
        };
        let share = decimal(v, percent).ok_or_else(|| {
            format!("{s:?} is not a share: write a percentage (\"55%\") or a fraction of the whole (\"0.55\")")
        })?;
        if share.0 > Self::WHOLE {
            return Err(format!("{s:?} is more than the whole"));
        }
        Ok(share)
    }

    pub fn percent(self) -> f64 {
        self.0 as f64 * 100.0 / Self::WHOLE as f64
    }
}

impl fmt::Display for Share {
    /// As a percentage with up to 13 decimals, trailing zeros dropped: `55%`, `56.87%`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let per_percent = Self::WHOLE / 100;
        let (whole, frac) = (self.0 / per_percent, self.0 % per_percent);
        if frac == 0 {
            return write!(f, "{whole}%");
        }
        let digits = format!("{frac:013}");
        write!(f, "{whole}.{}%", digits.trim_end_matches('0'))
    }
}

/// A non-negative decimal, as a share: `percent` reads it as a percentage.
fn decimal(s: &str, percent: bool) -> Option<Share> {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let digits_ok = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if !digits_ok(int) || !digits_ok(frac) {
        return None;
    }
    let scale = if percent {
        Share::DECIMALS - 2
    } else {
        Share::DECIMALS
    };
    let frac = frac.trim_end_matches('0');
    if frac.len() > scale as usize {
        return None;
    }
    let int: u64 = if int.is_empty() { 0 } else { int.parse().ok()? };
    let mut f: u64 = if frac.is_empty() {
        0
    } else {
        frac.parse().ok()?
    };
    f = f.checked_mul(10u64.checked_pow(scale - frac.len() as u32)?)?;
    let v = int.checked_mul(10u64.checked_pow(scale)?)?.checked_add(f)?;
    Some(Share(v))
}

/// One step from a day to the day a clause names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    AddDays(u32),
    AddMonths(u32),
    AddYears(u32),
    /// The first day of the same month.
    FirstDayOfMonth,
    /// The first day of the month after.
    FirstDayOfNextMonth,
}

impl Step {
    const FORMS: &'static str = "\"+N days\", \"+N months\", \"+N years\", \"first day of month\", \"first day of next month\"";

    pub fn parse(s: &str) -> Result<Self, String> {
        let t = s.trim().to_ascii_lowercase();
        let words: Vec<&str> = t.split_whitespace().collect();
        let bad = || format!("{s:?} is not a date step; the steps are {}", Self::FORMS);
        match words.as_slice() {
            ["first", "day", "of", "month"] | ["first", "day", "of", "the", "month"] => {
                Ok(Self::FirstDayOfMonth)
            }
            ["first", "day", "of", "next", "month"]
            | ["first", "day", "of", "the", "next", "month"] => Ok(Self::FirstDayOfNextMonth),
            [n, unit] => {
                let n: u32 = n
                    .strip_prefix('+')
                    .ok_or_else(bad)?
                    .parse()
                    .map_err(|_| bad())?;
                match *unit {
                    "day" | "days" => Ok(Self::AddDays(n)),
                    "month" | "months" => Ok(Self::AddMonths(n)),
                    "year" | "years" => Ok(Self::AddYears(n)),
                    _ => Err(bad()),
                }
            }
            _ => Err(bad()),
        }
    }

    /// The day this step leads to; `None` past the calendar's end.
    pub fn apply(self, d: Date) -> Option<Date> {
        match self {
            Self::AddDays(n) => d.checked_add(Duration::days(i64::from(n))),
            Self::AddMonths(n) => add_months(d, u64::from(n)),
            Self::AddYears(n) => add_months(d, u64::from(n) * 12),
            Self::FirstDayOfMonth => d.replace_day(1).ok(),
            Self::FirstDayOfNextMonth => add_months(d.replace_day(1).ok()?, 1),
        }
    }
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::AddDays(n) => write!(f, "+{n} days"),
            Self::AddMonths(n) => write!(f, "+{n} months"),
            Self::AddYears(n) => write!(f, "+{n} years"),
            Self::FirstDayOfMonth => f.write_str("first day of month"),
            Self::FirstDayOfNextMonth => f.write_str("first day of next month"),
        }
    }
}

fn apply_steps(steps: &[Step], d: Date) -> Option<Date> {
    steps.iter().try_fold(d, |d, s| s.apply(d))
}

/// A condition of entry into force; all of a clause's conditions must hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    /// At least this many instruments of the kinds that count.
    Instruments(u32),
    /// The states that deposited account for at least this share of a named quantity.
    Quantity { quantity: String, at_least: Share },
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Instruments(n) => write!(f, "at least {n} instruments"),
            Self::Quantity { quantity, at_least } => {
                write!(f, "at least {at_least} of {quantity}")
            }
        }
    }
}

/// The particulars of a treaty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TreatyInfo {
    /// Short identifier, `[a-z0-9-]+`.
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub short_title: Option<String>,
    #[serde(default)]
    pub adopted: Option<Day>,
    #[serde(default)]
    pub adopted_at: Option<String>,
    #[serde(default)]
    pub opened_for_signature: Option<Day>,
    #[serde(default)]
    pub signature_place: Option<String>,
    #[serde(default)]
    pub depositary: Option<String>,
    /// Where the text and the status can be read.
    #[serde(default)]
    pub source: Option<String>,
}

/// A quantity a clause weighs (e.g. global greenhouse-gas emissions).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuantityInfo {
    pub description: String,
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCondition {
    #[serde(default)]
    instruments: Option<u32>,
    #[serde(default)]
    quantity: Option<String>,
    #[serde(default)]
    at_least: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLater {
    #[serde(default)]
    clause: Option<String>,
    #[serde(default)]
    text: Option<String>,
    date: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    #[serde(default)]
    clause: Option<String>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    counts: Option<Vec<String>>,
    when: Vec<RawCondition>,
    date: Vec<String>,
    #[serde(default)]
    not_before: Option<Day>,
    #[serde(default)]
    later: Option<RawLater>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWithdrawal {
    #[serde(default)]
    clause: Option<String>,
    #[serde(default)]
    text: Option<String>,
    /// From the notification to the day it takes effect.
    effective: Vec<String>,
    /// A party may notify only once this long has passed since the treaty entered into force for it.
    #[serde(default)]
    not_before: Option<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTreaty {
    treaty: TreatyInfo,
    #[serde(default)]
    quantities: BTreeMap<String, QuantityInfo>,
    entry_into_force: RawRule,
    #[serde(default)]
    withdrawal: Option<RawWithdrawal>,
}

/// How a party withdraws: when a notification takes effect, and how long it must wait first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WithdrawalClause {
    pub clause: Option<String>,
    pub text: Option<String>,
    pub effective: Vec<Step>,
    pub not_before: Vec<Step>,
}

/// A treaty's entry-into-force clause, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    pub clause: Option<String>,
    pub text: Option<String>,
    /// The instruments that count toward the conditions.
    pub counts: Vec<Instrument>,
    pub when: Vec<Condition>,
    /// From the day the conditions first hold to the day of entry into force.
    pub date: Vec<Step>,
    /// Never before this day, whatever the steps give.
    pub not_before: Option<Day>,
    pub later_clause: Option<String>,
    pub later_text: Option<String>,
    /// From a later state's own deposit to the day the treaty enters into force for it.
    pub later: Vec<Step>,
}

/// A treaty file: particulars, the quantities its clause weighs, and the clause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Treaty {
    pub info: TreatyInfo,
    pub quantities: BTreeMap<String, QuantityInfo>,
    pub rule: Rule,
    /// Without a clause, a withdrawal takes effect on the day it is notified.
    pub withdrawal: Option<WithdrawalClause>,
}

impl Treaty {
    /// Read a treaty file; every problem is reported with file, line, column and field.
    pub fn parse(file: &str, text: &str) -> Result<Self, LocatedErrors> {
        let raw: RawTreaty = toml_loc::parse(file, text, validate)?;
        // `validate` found nothing, so every conversion below succeeds.
        let steps = |v: &[String]| v.iter().filter_map(|s| Step::parse(s).ok()).collect();
        let r = raw.entry_into_force;
        let counts = match &r.counts {
            None => Instrument::ALL.to_vec(),
            Some(c) => c.iter().filter_map(|s| Instrument::parse(s)).collect(),
        };
        let when = r
            .when
            .iter()
            .filter_map(|c| match (c.instruments, &c.quantity, &c.at_least) {
                (Some(n), None, None) => Some(Condition::Instruments(n)),
                (None, Some(q), Some(a)) => Some(Condition::Quantity {
                    quantity: q.clone(),
                    at_least: Share::parse_threshold(a).ok()?,
                }),
                _ => None,
            })
            .collect();
        let date: Vec<Step> = steps(&r.date);
        let (later_clause, later_text, later) = match &r.later {
            Some(l) => (l.clause.clone(), l.text.clone(), steps(&l.date)),
            None => (None, None, date.clone()),
        };
        let withdrawal = raw.withdrawal.map(|w| WithdrawalClause {
            clause: w.clause,
            text: w.text,
            effective: steps(&w.effective),
            not_before: w.not_before.as_deref().map(steps).unwrap_or_default(),
        });
        Ok(Self {
            info: raw.treaty,
            quantities: raw.quantities,
            withdrawal,
            rule: Rule {
                clause: r.clause,
                text: r.text,
                counts,
                when,
                date,
                not_before: r.not_before,
                later_clause,
                later_text,
                later,
            },
        })
    }

    /// The quantity the clause weighs, if any (at most one per clause is read from a deposits file).
    pub fn weighed_quantity(&self) -> Option<&str> {
        self.rule.when.iter().find_map(|c| match c {
            Condition::Quantity { quantity, .. } => Some(quantity.as_str()),
            Condition::Instruments(_) => None,
        })
    }

    /// The day a withdrawal notified on `notified` takes effect.
    pub fn withdrawal_effective(&self, notified: Day) -> Option<Day> {
        match &self.withdrawal {
            None => Some(notified),
            Some(w) => apply_steps(&w.effective, notified.date()).map(Day::from_date),
        }
    }

    /// The first day a party bound since `in_force` may notify its withdrawal.
    pub fn withdrawal_open_from(&self, in_force: Day) -> Option<Day> {
        match &self.withdrawal {
            Some(w) if !w.not_before.is_empty() => {
                apply_steps(&w.not_before, in_force.date()).map(Day::from_date)
            }
            _ => Some(in_force),
        }
    }

    /// When the treaty enters into force, and for whom, given the deposits so far.
    pub fn entry_into_force(&self, deposits: &[Deposit]) -> EntryIntoForce {
        entry_into_force(&self.rule, deposits)
    }
}

/// One instrument deposited with the depositary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deposit {
    pub state: Iso3,
    pub instrument: Instrument,
    pub date: Day,
    /// The state's share of the quantity the clause weighs, where it weighs one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<Share>,
}

/// What the clause gives for a set of deposits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryIntoForce {
    /// The day the conditions first held (the deposit that triggered entry into force).
    pub conditions_met: Option<Day>,
    pub entry_into_force: Option<Day>,
    /// Instruments of the kinds that count.
    pub instruments: usize,
    /// The day the treaty enters (or entered) into force for each state that deposited.
    pub per_state: BTreeMap<Iso3, Day>,
    /// Each condition with how far the deposits go toward it, as text for people.
    pub progress: Vec<ConditionProgress>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConditionProgress {
    pub condition: Condition,
    /// Instruments counted, or the share reached.
    pub reached: u64,
    pub met: bool,
}

fn entry_into_force(rule: &Rule, deposits: &[Deposit]) -> EntryIntoForce {
    let mut counted: Vec<&Deposit> = deposits
        .iter()
        .filter(|d| rule.counts.contains(&d.instrument))
        .collect();
    counted.sort_by_key(|d| d.date);
    let share_sum = |ds: &[&Deposit]| -> u64 {
        ds.iter()
            .filter_map(|d| d.share)
            .fold(0u64, |a, s| a.saturating_add(s.0))
    };
    let holds = |ds: &[&Deposit]| -> Vec<(u64, bool)> {
        rule.when
            .iter()
            .map(|c| match c {
                Condition::Instruments(n) => (ds.len() as u64, ds.len() as u64 >= u64::from(*n)),
                Condition::Quantity { at_least, .. } => {
                    let s = share_sum(ds);
                    (s, s >= at_least.0)
                }
            })
            .collect()
    };
    // Conditions are monotone in the deposits, so the first day they hold is found by
    // taking each day's deposits together.
    let mut met_on: Option<Day> = None;
    let mut i = 0;
    while i < counted.len() {
        let day = counted[i].date;
        while i < counted.len() && counted[i].date == day {
            i += 1;
        }
        if holds(&counted[..i]).iter().all(|(_, ok)| *ok) {
            met_on = Some(day);
            break;
        }
    }
    let floor = |d: Date| match rule.not_before {
        Some(nb) if nb.date() > d => nb.date(),
        _ => d,
    };
    let eif = met_on
        .and_then(|m| apply_steps(&rule.date, m.date()))
        .map(floor);
    let mut per_state = BTreeMap::new();
    if let (Some(met), Some(eif)) = (met_on, eif) {
        for d in &counted {
            let own = if d.date <= met {
                Some(eif)
            } else {
                apply_steps(&rule.later, d.date.date()).map(|own| own.max(eif))
            };
            if let Some(own) = own {
                per_state.insert(d.state.clone(), Day::from_date(own));
            }
        }
    }
    let progress = rule
        .when
        .iter()
        .zip(holds(&counted))
        .map(|(c, (reached, met))| ConditionProgress {
            condition: c.clone(),
            reached,
            met,
        })
        .collect();
    EntryIntoForce {
        conditions_met: met_on,
        entry_into_force: eif.map(Day::from_date),
        instruments: counted.len(),
        per_state,
        progress,
    }
}

mod deposits;
mod validate;
pub use deposits::*;
use validate::validate;

#[cfg(test)]
mod tests;
