//! Decision rules over a roll call: consensus, unanimity, simple / qualified / double
//! majority, weighted votes with a quota, quorum and the chair's casting vote.
//!
//! All thresholds are exact fractions compared in integer arithmetic
//! (`achieved × den ≥ num × base`, or `>` for strict rules); no float is ever compared.

mod tally;

pub use tally::{Outcome, Tally, Test, TestKind, tally};

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Why a rule or roll call could not be built.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RuleError {
    /// A fraction with zero denominator or above 1.
    #[error("threshold must be a fraction between 0 and 1 with a non-zero denominator")]
    BadFraction,
    /// The text is not `num/den` or a percentage.
    #[error("cannot read {0:?} as a threshold (expected \"2/3\" or \"55%\")")]
    UnreadableFraction(String),
    /// The roll call has no members.
    #[error("the roll call has no members")]
    NoMembers,
    /// A total does not fit in 64 bits.
    #[error("totals overflow")]
    Overflow,
}

impl RuleError {
    /// Stable identifier of the error kind.
    pub fn id(&self) -> &'static str {
        match self {
            Self::BadFraction => "rule-bad-fraction",
            Self::UnreadableFraction(_) => "rule-unreadable-fraction",
            Self::NoMembers => "rule-no-members",
            Self::Overflow => "rule-overflow",
        }
    }
}

/// An exact threshold `num/den` with `0 ≤ num ≤ den`, `den > 0`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fraction {
    num: u64,
    den: u64,
}

impl Fraction {
    /// One half.
    pub const HALF: Self = Self { num: 1, den: 2 };

    /// `num/den`, checked.
    pub fn new(num: u64, den: u64) -> Result<Self, RuleError> {
        if den == 0 || num > den {
            return Err(RuleError::BadFraction);
        }
        Ok(Self { num, den })
    }

    /// Reads `"2/3"`, `"55%"` or `"65.5%"` (percentages exact to any number of decimals).
    pub fn parse(text: &str) -> Result<Self, RuleError> {
        let bad = || RuleError::UnreadableFraction(text.to_owned());
        let t = text.trim();
        if let Some(p) = t.strip_suffix('%') {
            let p = p.trim();
            let (int, frac) = match p.split_once('.') {
                Some((i, f)) => (i, Some(f)),
                None => (p, None),
            };
            let digits =
                |s: &str| !s.is_empty() && s.len() <= 12 && s.bytes().all(|b| b.is_ascii_digit());
            if !digits(int) || frac.is_some_and(|f| !digits(f)) {
                return Err(bad());
            }
            let frac = frac.unwrap_or("");
            let scale = 10u64.pow(frac.len() as u32);
            let num = format!("{int}{frac}").parse::<u64>().map_err(|_| bad())?;
            return Self::new(num, 100 * scale);
        }
        let (n, d) = t.split_once('/').ok_or_else(bad)?;
        let n = n.trim().parse().map_err(|_| bad())?;
        let d = d.trim().parse().map_err(|_| bad())?;
        Self::new(n, d)
    }

    /// Numerator.
    pub fn num(self) -> u64 {
        self.num
    }

    /// Denominator.
    pub fn den(self) -> u64 {
        self.den
    }

    /// `achieved/base` reaches this fraction (≥, or > when `strict`); exact (u128).
    pub fn reached(self, achieved: u64, base: u64, strict: bool) -> bool {
        let lhs = u128::from(achieved) * u128::from(self.den);
        let rhs = u128::from(self.num) * u128::from(base);
        if strict { lhs > rhs } else { lhs >= rhs }
    }

    /// `achieved/base` is exactly this fraction.
    pub fn equals(self, achieved: u64, base: u64) -> bool {
        u128::from(achieved) * u128::from(self.den) == u128::from(self.num) * u128::from(base)
    }
}

/// A member's vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Vote {
    /// In favour.
    Yes,
    /// Against (an objection under consensus).
    No,
    /// Present, not voting either way.
    Abstain,
    /// Not present.
    Absent,
}

/// One member of a roll call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Member {
    /// The vote.
    pub vote: Vote,
    /// Votes the member carries under weighted voting (1 by default).
    pub weight: u64,
    /// Population the member represents (for double majority; 0 if unused).
    pub population: u64,
}

impl Member {
    /// A member with weight 1 and no population.
    pub fn new(vote: Vote) -> Self {
        Self {
            vote,
            weight: 1,
            population: 0,
        }
    }
}

/// A validated roll call: at least one member, totals that fit in 64 bits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RollCall {
    members: Vec<Member>,
}

impl RollCall {
    /// Checks and wraps the members.
    pub fn new(members: Vec<Member>) -> Result<Self, RuleError> {
        if members.is_empty() {
            return Err(RuleError::NoMembers);
        }
        let sum = |f: fn(&Member) -> u64| members.iter().try_fold(0u64, |a, m| a.checked_add(f(m)));
        if sum(|m| m.weight).is_none() || sum(|m| m.population).is_none() {
            return Err(RuleError::Overflow);
        }
        Ok(Self { members })
    }

    /// Members with plain votes (weight 1, no population).
    pub fn from_votes(votes: &[Vote]) -> Result<Self, RuleError> {
        Self::new(votes.iter().map(|&v| Member::new(v)).collect())
    }

    /// The members.
    pub fn members(&self) -> &[Member] {
        &self.members
    }

    /// A copy with member `i`'s vote replaced (for what-if questions).
    pub fn with_vote(&self, i: usize, vote: Vote) -> Self {
        let mut members = self.members.clone();
        if let Some(m) = members.get_mut(i) {
            m.vote = vote;
        }
        Self { members }
    }
}

/// Which members the majority is counted among.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Base {
    /// Yes + no (abstentions and absences ignored).
    VotesCast,
    /// Members present: yes + no + abstain.
    Present,
    /// All members, present or not.
    AllMembers,
}

/// The rule that decides adoption.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Rule {
    /// Adopted unless someone objects (votes no); objectors are named in the result.
    Consensus,
    /// Every member votes yes, except that abstentions / absences are tolerated unless
    /// the flags say they block.
    Unanimity {
        /// An abstention blocks adoption.
        abstention_blocks: bool,
        /// An absence blocks adoption.
        absence_blocks: bool,
    },
    /// Yes votes reach `threshold` of `base` members: more than it when `strict` (a simple
    /// majority is `1/2` strict), at least it otherwise (a qualified majority, e.g. `2/3`).
    Majority {
        /// The fraction.
        threshold: Fraction,
        /// Strictly more than the fraction.
        strict: bool,
        /// What the yes votes are counted against.
        base: Base,
    },
    /// Double majority of members and population, as the EU Council's qualified majority.
    ///
    /// Art. 16(4) TEU: "a qualified majority shall be defined as at least 55 % of the
    /// members of the Council, comprising at least fifteen of them and representing Member
    /// States comprising at least 65 % of the population of the Union. A blocking minority
    /// must include at least four Council members, failing which the qualified majority
    /// shall be deemed attained." (Art. 238(3) TFEU applies the same to the participating
    /// members when not all take part: pass only those members.)
    ///
    /// So: adopted ⇔ members test passed ∧ (population test passed ∨ fewer than
    /// `blocking_minority` members are outside the yes side). Abstention and absence count
    /// as not-yes; the bases are all members of the roll call and their total population.
    DoubleMajority {
        /// Share of members needed (55 % in the Council).
        members: Fraction,
        /// Minimum number of yes members (15 in the Council of 27).
        min_members: u64,
        /// Share of population needed (65 %).
        population: Fraction,
        /// A blocking minority needs at least this many members (4); `None` = no such clause.
        blocking_minority: Option<u64>,
    },
    /// Yes weight reaches `quota` (at least).
    Weighted {
        /// Votes needed.
        quota: u64,
    },
}

impl Rule {
    /// More yes than no among votes cast.
    pub const SIMPLE_MAJORITY: Self = Self::Majority {
        threshold: Fraction::HALF,
        strict: true,
        base: Base::VotesCast,
    };

    /// The EU Council's qualified majority on a Commission proposal (Art. 16(4) TEU).
    pub fn eu_council_qmv() -> Self {
        Self::DoubleMajority {
            members: Fraction { num: 55, den: 100 },
            min_members: 15,
            population: Fraction { num: 65, den: 100 },
            blocking_minority: Some(4),
        }
    }
}

/// How many members must be present.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Quorum {
    /// At least this many members present (yes, no or abstain).
    Members(u64),
    /// At least this fraction of all members present.
    Share(Fraction),
}

/// A rule with its quorum and tie handling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Procedure {
    /// The deciding rule.
    pub rule: Rule,
    /// Quorum, checked first.
    pub quorum: Option<Quorum>,
    /// The chair's casting vote on an exact tie under a strict [`Rule::Majority`]
    /// (`Some(true)` = for, `Some(false)` = against, `None` = a tie fails).
    pub casting_vote: Option<bool>,
}

impl Procedure {
    /// The rule alone: no quorum, no casting vote.
    pub fn of(rule: Rule) -> Self {
        Self {
            rule,
            quorum: None,
            casting_vote: None,
        }
    }
}
