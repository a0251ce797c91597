//! Decision rules as the charter writes them. Tallying under them is `comity-voting`'s job.

use std::fmt;

use serde::{Deserialize, Serialize};

/// An exact share, written `"2/3"` or `"55%"` in the charter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Fraction {
    pub num: u32,
    pub den: u32,
}

impl Fraction {
    pub fn parse(s: &str) -> Result<Self, String> {
        let s = s.trim();
        let bad = || {
            format!("{s:?} is not a share: write it as \"2/3\" or \"55%\" (more than 0, at most 1)")
        };
        let (num, den) = if let Some(p) = s.strip_suffix('%') {
            let (int, frac) = p.trim().split_once('.').unwrap_or((p.trim(), ""));
            if frac.len() > 4 || !frac.chars().all(|c| c.is_ascii_digit()) {
                return Err(bad());
            }
            let scale = 10u32.pow(frac.len() as u32);
            let int: u32 = int.parse().map_err(|_| bad())?;
            let frac: u32 = if frac.is_empty() {
                0
            } else {
                frac.parse().map_err(|_| bad())?
            };
            (
                int.checked_mul(scale)
                    .and_then(|v| v.checked_add(frac))
                    .ok_or_else(bad)?,
                100 * scale,
            )
        } else {
            let (n, d) = s.split_once('/').ok_or_else(bad)?;
            (
                n.trim().parse().map_err(|_| bad())?,
                d.trim().parse().map_err(|_| bad())?,
            )
        };
        if num == 0 || den == 0 || num > den {
            return Err(bad());
        }
        let g = gcd(num, den);
        Ok(Self {
            num: num / g,
            den: den / g,
        })
    }
    pub fn as_f64(self) -> f64 {
        f64::from(self.num) / f64::from(self.den)
    }
}

fn gcd(a: u32, b: u32) -> u32 {
    if b == 0 { a } else { gcd(b, a % b) }
}

impl TryFrom<String> for Fraction {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}
impl From<Fraction> for String {
    fn from(f: Fraction) -> Self {
        f.to_string()
    }
}
impl fmt::Display for Fraction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if 100 % self.den == 0 {
            write!(f, "{}%", self.num * (100 / self.den))
        } else {
            write!(f, "{}/{}", self.num, self.den)
        }
    }
}

/// What a majority is counted against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Base {
    /// Yes and no votes; abstentions are not counted.
    VotesCast,
    /// Everyone present and voting, abstentions included (an abstention counts against).
    MembersPresent,
    /// All members of the organ, present or not.
    Members,
}

/// A decision rule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Rule {
    /// Adopted unless a member objects; objections are named.
    Consensus,
    /// Everyone in favour; where `abstention_blocks` is false an abstention does not stop adoption.
    Unanimity {
        #[serde(default)]
        abstention_blocks: bool,
    },
    /// More than half.
    SimpleMajority { of: Base },
    /// At least the fraction.
    QualifiedMajority { fraction: Fraction, of: Base },
    /// A share of member states representing a share of their population
    /// (the EU Council's qualified majority: 55 % of states, 65 % of population,
    /// and a blocking minority needs at least four states).
    DoubleMajority {
        states: Fraction,
        population: Fraction,
        #[serde(default)]
        blocking_minority: Option<u32>,
    },
    /// Each member's votes weigh by a weight source; adopted at the quota share of all weight.
    Weighted {
        weights: WeightSource,
        quota: Fraction,
    },
}

/// Where a weighted rule takes its weights from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WeightSource {
    Population,
    /// Square root of population (Penrose).
    SqrtPopulation,
    Equal,
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let base = |b: &Base| match b {
            Base::VotesCast => "of votes cast",
            Base::MembersPresent => "of members present",
            Base::Members => "of all members",
        };
        match self {
            Self::Consensus => f.write_str("consensus (adopted unless a member objects)"),
            Self::Unanimity {
                abstention_blocks: true,
            } => f.write_str("unanimity (an abstention blocks)"),
            Self::Unanimity {
                abstention_blocks: false,
            } => f.write_str("unanimity (abstentions do not block)"),
            Self::SimpleMajority { of } => write!(f, "simple majority {}", base(of)),
            Self::QualifiedMajority { fraction, of } => {
                write!(f, "qualified majority of {fraction} {}", base(of))
            }
            Self::DoubleMajority {
                states,
                population,
                blocking_minority,
            } => {
                write!(
                    f,
                    "double majority: {states} of member states representing {population} of their population"
                )?;
                if let Some(b) = blocking_minority {
                    write!(f, "; a blocking minority needs at least {b} states")?;
                }
                Ok(())
            }
            Self::Weighted { weights, quota } => {
                let w = match weights {
                    WeightSource::Population => "population",
                    WeightSource::SqrtPopulation => "square root of population",
                    WeightSource::Equal => "equal weights",
                };
                write!(f, "weighted votes ({w}), quota {quota} of all weight")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractions_parse_exactly() {
        let cases = [
            ("2/3", (2, 3)),
            ("55%", (11, 20)),
            ("65 %", (13, 20)),
            ("1/2", (1, 2)),
            ("100%", (1, 1)),
            ("66.5%", (133, 200)),
        ];
        for (s, (n, d)) in cases {
            assert_eq!(Fraction::parse(s), Ok(Fraction { num: n, den: d }), "{s}");
        }
        for bad in ["0/3", "4/3", "abc", "2/0", "", "150%", "-1/2"] {
            assert!(Fraction::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(Fraction::parse("55%").unwrap().to_string(), "55%");
        assert_eq!(Fraction::parse("2/3").unwrap().to_string(), "2/3");
    }
}
