//! Applying a [`Procedure`] to a [`RollCall`].

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Base, Fraction, Procedure, Quorum, RollCall, Rule, Vote};

/// The decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The proposal is adopted.
    Adopted,
    /// The proposal is rejected.
    Rejected,
    /// Too few members present: no decision.
    NoQuorum,
}

/// What a test measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TestKind {
    /// Members present against all members.
    Quorum,
    /// Yes members against a base of members.
    Members,
    /// Population of yes members against total population.
    Population,
    /// Yes weight against the quota.
    Weight,
}

/// One threshold test and its numbers, enough to explain it to a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Test {
    /// What was measured.
    pub kind: TestKind,
    /// The count achieved (members, population or weight).
    pub achieved: u64,
    /// What it is a share of.
    pub base: u64,
    /// The share needed.
    pub threshold: Fraction,
    /// Strictly more than the share needed.
    pub strict: bool,
    /// An absolute minimum on `achieved` as well (e.g. 15 members).
    pub minimum: u64,
    /// The test was met.
    pub passed: bool,
}

impl Test {
    fn new(
        kind: TestKind,
        achieved: u64,
        base: u64,
        threshold: Fraction,
        strict: bool,
        minimum: u64,
    ) -> Self {
        let passed = threshold.reached(achieved, base, strict) && achieved >= minimum;
        Self {
            kind,
            achieved,
            base,
            threshold,
            strict,
            minimum,
            passed,
        }
    }

    /// `achieved / base` in tenths of a percent, rounded half up (for display only).
    pub fn share_permille(&self) -> u64 {
        per_mille(self.achieved, self.base)
    }
}

fn per_mille(a: u64, b: u64) -> u64 {
    if b == 0 {
        return 0;
    }
    let v = (u128::from(a) * 2000 + u128::from(b)) / (2 * u128::from(b));
    u64::try_from(v).unwrap_or(u64::MAX)
}

fn pct(permille: u64) -> String {
    format!("{}.{} %", permille / 10, permille % 10)
}

/// The result of a tally: the outcome and every number behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// The decision.
    pub outcome: Outcome,
    /// Members voting yes / no / abstaining / absent, and all members.
    pub yes: u64,
    /// Members voting no.
    pub no: u64,
    /// Members abstaining.
    pub abstain: u64,
    /// Members absent.
    pub absent: u64,
    /// All members.
    pub members: u64,
    /// The tests applied, in order (quorum first).
    pub tests: Vec<Test>,
    /// Members (0-based) who objected (consensus) or blocked (unanimity).
    pub objections: Vec<usize>,
    /// The chair's casting vote decided an exact tie.
    pub casting_vote_used: bool,
    /// Adopted only because too few members stood outside the yes side to block.
    pub blocking_minority_applied: bool,
}

/// Applies `procedure` to `roll`.
pub fn tally(roll: &RollCall, procedure: &Procedure) -> Tally {
    let ms = roll.members();
    let count = |v: Vote| ms.iter().filter(|m| m.vote == v).count() as u64;
    let (yes, no, abstain, absent) = (
        count(Vote::Yes),
        count(Vote::No),
        count(Vote::Abstain),
        count(Vote::Absent),
    );
    let members = ms.len() as u64;
    let mut t = Tally {
        outcome: Outcome::Rejected,
        yes,
        no,
        abstain,
        absent,
        members,
        tests: Vec::new(),
        objections: Vec::new(),
        casting_vote_used: false,
        blocking_minority_applied: false,
    };
    if let Some(q) = procedure.quorum {
        let present = members - absent;
        let test = match q {
            Quorum::Members(n) => Test::new(
                TestKind::Quorum,
                present,
                members,
                Fraction { num: 0, den: 1 },
                false,
                n,
            ),
            Quorum::Share(f) => Test::new(TestKind::Quorum, present, members, f, false, 0),
        };
        t.tests.push(test);
        if !test.passed {
            t.outcome = Outcome::NoQuorum;
            return t;
        }
    }
    let adopted = match procedure.rule {
        Rule::Consensus => {
            t.objections = (0..ms.len()).filter(|&i| ms[i].vote == Vote::No).collect();
            t.objections.is_empty()
        }
        Rule::Unanimity {
            abstention_blocks,
            absence_blocks,
        } => {
            let blocks = |v: Vote| match v {
                Vote::Yes => false,
                Vote::No => true,
                Vote::Abstain => abstention_blocks,
                Vote::Absent => absence_blocks,
            };
            t.objections = (0..ms.len()).filter(|&i| blocks(ms[i].vote)).collect();
            // Unanimity of nobody (everyone abstaining or absent) adopts nothing.
            t.objections.is_empty() && yes > 0
        }
        Rule::Majority {
            threshold,
            strict,
            base,
        } => {
            let b = match base {
                Base::VotesCast => yes + no,
                Base::Present => yes + no + abstain,
                Base::AllMembers => members,
            };
            let test = Test::new(TestKind::Members, yes, b, threshold, strict, 0);
            t.tests.push(test);
            if !test.passed && strict && b > 0 && threshold.equals(yes, b) {
                if let Some(chair) = procedure.casting_vote {
                    t.casting_vote_used = true;
                    chair
                } else {
                    false
                }
            } else {
                test.passed && b > 0
            }
        }
        Rule::DoubleMajority {
            members: share,
            min_members,
            population,
            blocking_minority,
        } => {
            let pop_total: u64 = ms.iter().map(|m| m.population).sum();
            let pop_yes: u64 = ms
                .iter()
                .filter(|m| m.vote == Vote::Yes)
                .map(|m| m.population)
                .sum();
            let by_members = Test::new(TestKind::Members, yes, members, share, false, min_members);
            let by_pop = Test::new(
                TestKind::Population,
                pop_yes,
                pop_total,
                population,
                false,
                0,
            );
            t.tests.push(by_members);
            t.tests.push(by_pop);
            let cannot_block = blocking_minority.is_some_and(|b| members - yes < b);
            t.blocking_minority_applied = by_members.passed && !by_pop.passed && cannot_block;
            by_members.passed && (by_pop.passed || cannot_block)
        }
        Rule::Weighted { quota } => {
            let w_total: u64 = ms.iter().map(|m| m.weight).sum();
            let w_yes: u64 = ms
                .iter()
                .filter(|m| m.vote == Vote::Yes)
                .map(|m| m.weight)
                .sum();
            let test = Test::new(
                TestKind::Weight,
                w_yes,
                w_total,
                Fraction { num: 0, den: 1 },
                false,
                quota,
            );
            t.tests.push(test);
            test.passed
        }
    };
    t.outcome = if adopted {
        Outcome::Adopted
    } else {
        Outcome::Rejected
    };
    t
}

impl fmt::Display for Tally {
    /// E.g. "adopted: 18 of 27 members (66.7 % ≥ 55 %) representing 71.2 % of the population (≥ 65 %)".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let word = match self.outcome {
            Outcome::Adopted => "adopted",
            Outcome::Rejected => "rejected",
            Outcome::NoQuorum => "no quorum",
        };
        write!(f, "{word}")?;
        let mut sep = ": ";
        for test in &self.tests {
            let need = pct(per_mille(test.threshold.num(), test.threshold.den()));
            let cmp = if test.strict { ">" } else { "≥" };
            let share = pct(test.share_permille());
            match test.kind {
                TestKind::Quorum => {
                    write!(f, "{sep}{} of {} members present", test.achieved, test.base)?
                }
                TestKind::Members => write!(
                    f,
                    "{sep}{} of {} members ({share} {cmp} {need})",
                    test.achieved, test.base
                )?,
                TestKind::Population => {
                    write!(f, " representing {share} of the population ({cmp} {need})")?
                }
                TestKind::Weight => write!(
                    f,
                    "{sep}{} of {} votes (quota {})",
                    test.achieved, test.base, test.minimum
                )?,
            }
            sep = "; ";
        }
        if !self.objections.is_empty() {
            write!(f, "{sep}{} objection(s)", self.objections.len())?;
        }
        if self.casting_vote_used {
            write!(f, " (tie decided by the chair's casting vote)")?;
        }
        if self.blocking_minority_applied {
            write!(f, " (no blocking minority)")?;
        }
        Ok(())
    }
}
