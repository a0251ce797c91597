//! Membership criteria as data, and their evaluation against the registry with a human reason.

use serde::{Deserialize, Serialize};

use crate::charter::Charter;
use crate::ids::Iso3;
use crate::registry::{AsOf, FhStatus, Regime, Registry};

/// A membership criterion, written in the charter as a one-key table:
/// `{ fh_status = ["F", "PF"] }`, `{ fh_score_min = 70 }`, `{ vdem_regime_min = "electoral_democracy" }`,
/// `{ vdem_polyarchy_min = 0.5 }`, `{ all = [ … ] }`, `{ any = [ … ] }`, `{ criterion = "other_id" }`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Criterion {
    /// Freedom House status is one of these in the latest edition.
    FhStatus(Vec<FhStatus>),
    /// Freedom House aggregate score (0–100) at least this.
    FhScoreMin(u8),
    /// V-Dem Regimes of the World at least this regime in the latest year.
    VdemRegimeMin(Regime),
    /// V-Dem Electoral Democracy Index at least this.
    VdemPolyarchyMin(f64),
    All(Vec<Criterion>),
    Any(Vec<Criterion>),
    /// Another named criterion of the charter.
    Criterion(String),
}

/// Met, not met, or not decidable for lack of data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Met,
    NotMet,
    NoData,
}

/// The verdict on one state under one criterion, with the reason in words (English, as the
/// journal records it) and as structured parts a page can put in any language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub outcome: Outcome,
    pub reason: String,
    #[serde(default)]
    pub parts: Vec<Reason>,
}

/// One part of a verdict's reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    CannotEvaluate {
        criterion: String,
    },
    NoFhEdition,
    FhNotRated {
        edition: u16,
    },
    FhRated {
        status: FhStatus,
        total: Option<i8>,
        pr: u8,
        cl: u8,
        edition: u16,
    },
    RequiresFhStatus {
        statuses: Vec<FhStatus>,
    },
    RequiresFhScore {
        min: u8,
    },
    NoVdemYear,
    VdemNotCoded {
        year: u16,
    },
    /// `polyarchy` written with two decimals.
    VdemRated {
        year: u16,
        regime: Option<Regime>,
        polyarchy: Option<String>,
    },
    RequiresRegime {
        min: Regime,
    },
    RequiresPolyarchy {
        min: String,
    },
}

fn verdict(outcome: Outcome, reason: String, parts: Vec<Reason>) -> Verdict {
    Verdict {
        outcome,
        reason,
        parts,
    }
}

impl Verdict {
    pub fn eligible(&self) -> bool {
        self.outcome == Outcome::Met
    }
}

/// Evaluates the charter's named criterion `id` for `state` as of the given ratings.
///
/// Lack of data never makes a state eligible: `any` is met if one branch is met,
/// `all` needs every branch met.
pub fn evaluate(
    charter: &Charter,
    id: &str,
    registry: &Registry,
    state: &Iso3,
    as_of: AsOf,
) -> Verdict {
    let ctx = Ctx {
        charter,
        registry,
        state,
        as_of,
    };
    ctx.named(id, 0)
}

struct Ctx<'a> {
    charter: &'a Charter,
    registry: &'a Registry,
    state: &'a Iso3,
    as_of: AsOf,
}

/// Criteria referring to criteria: deeper than this is a cycle the validator missed.
const MAX_DEPTH: usize = 32;

impl Ctx<'_> {
    fn named(&self, id: &str, depth: usize) -> Verdict {
        match self.charter.criteria.get(id) {
            Some(c) if depth < MAX_DEPTH => self.eval(&c.rule, depth + 1),
            _ => verdict(
                Outcome::NoData,
                format!("criterion {id:?} cannot be evaluated"),
                vec![Reason::CannotEvaluate {
                    criterion: id.to_owned(),
                }],
            ),
        }
    }

    fn eval(&self, c: &Criterion, depth: usize) -> Verdict {
        match c {
            Criterion::FhStatus(allowed) => self.fh(
                |r| allowed.contains(&r.status),
                || {
                    let names: Vec<String> = allowed.iter().map(ToString::to_string).collect();
                    (
                        format!("requires {}", names.join(" or ")),
                        Reason::RequiresFhStatus {
                            statuses: allowed.clone(),
                        },
                    )
                },
            ),
            Criterion::FhScoreMin(min) => self.fh(
                |r| r.total.is_some_and(|t| i16::from(t) >= i16::from(*min)),
                || {
                    (
                        format!("requires a score of at least {min}/100"),
                        Reason::RequiresFhScore { min: *min },
                    )
                },
            ),
            Criterion::VdemRegimeMin(min) => self.vdem(
                |r| r.regime.is_some_and(|g| g >= *min),
                || {
                    (
                        format!("requires at least {min}"),
                        Reason::RequiresRegime { min: *min },
                    )
                },
            ),
            Criterion::VdemPolyarchyMin(min) => self.vdem(
                |r| r.polyarchy.is_some_and(|p| p >= *min),
                || {
                    (
                        format!("requires an electoral democracy index of at least {min}"),
                        Reason::RequiresPolyarchy {
                            min: min.to_string(),
                        },
                    )
                },
            ),
            Criterion::All(parts) => combine(parts.iter().map(|p| self.eval(p, depth)), true),
            Criterion::Any(parts) => combine(parts.iter().map(|p| self.eval(p, depth)), false),
            Criterion::Criterion(id) => self.named(id, depth),
        }
    }

    fn fh(
        &self,
        test: impl Fn(&crate::registry::FhRating) -> bool,
        requirement: impl Fn() -> (String, Reason),
    ) -> Verdict {
        let Some(ed) = self.as_of.fh_edition else {
            return verdict(
                Outcome::NoData,
                "no Freedom House edition loaded".into(),
                vec![Reason::NoFhEdition],
            );
        };
        let Some(r) = self.registry.fh(self.state, ed) else {
            return verdict(
                Outcome::NoData,
                format!("not rated by Freedom House in FIW {ed}"),
                vec![Reason::FhNotRated { edition: ed }],
            );
        };
        let rated = describe_fh(r, ed);
        let part = Reason::FhRated {
            status: r.status,
            total: r.total,
            pr: r.pr,
            cl: r.cl,
            edition: ed,
        };
        if test(r) {
            verdict(Outcome::Met, rated, vec![part])
        } else {
            let (text, req) = requirement();
            verdict(Outcome::NotMet, format!("{rated}; {text}"), vec![part, req])
        }
    }

    fn vdem(
        &self,
        test: impl Fn(&crate::registry::VdemRating) -> bool,
        requirement: impl Fn() -> (String, Reason),
    ) -> Verdict {
        let Some(y) = self.as_of.vdem_year else {
            return verdict(
                Outcome::NoData,
                "no V-Dem year loaded".into(),
                vec![Reason::NoVdemYear],
            );
        };
        let Some(r) = self.registry.vdem(self.state, y) else {
            return verdict(
                Outcome::NoData,
                format!("not coded by V-Dem for {y}"),
                vec![Reason::VdemNotCoded { year: y }],
            );
        };
        let rated = describe_vdem(r, y);
        let part = Reason::VdemRated {
            year: y,
            regime: r.regime,
            polyarchy: r.polyarchy.map(|p| format!("{p:.2}")),
        };
        if test(r) {
            verdict(Outcome::Met, rated, vec![part])
        } else {
            let (text, req) = requirement();
            verdict(Outcome::NotMet, format!("{rated}; {text}"), vec![part, req])
        }
    }
}

/// "rated Partly Free, 65/100, FIW 2025" (or "PR 3, CL 2" before aggregate scores existed).
pub fn describe_fh(r: &crate::registry::FhRating, edition: u16) -> String {
    match r.total {
        Some(t) => format!("rated {}, {t}/100, FIW {edition}", r.status),
        None => format!("rated {}, PR {} CL {}, FIW {edition}", r.status, r.pr, r.cl),
    }
}

/// "V-Dem 2024: electoral autocracy (electoral democracy index 0.42)".
pub fn describe_vdem(r: &crate::registry::VdemRating, year: u16) -> String {
    let regime = r
        .regime
        .map(|g| g.to_string())
        .unwrap_or_else(|| "regime not coded".into());
    match r.polyarchy {
        Some(p) => format!("V-Dem {year}: {regime} (electoral democracy index {p:.2})"),
        None => format!("V-Dem {year}: {regime}"),
    }
}

fn combine(parts: impl Iterator<Item = Verdict>, all: bool) -> Verdict {
    let parts: Vec<Verdict> = parts.collect();
    let has = |o| parts.iter().any(|v| v.outcome == o);
    let outcome = if all {
        if has(Outcome::NotMet) {
            Outcome::NotMet
        } else if has(Outcome::NoData) || parts.is_empty() {
            Outcome::NoData
        } else {
            Outcome::Met
        }
    } else if has(Outcome::Met) {
        Outcome::Met
    } else if has(Outcome::NotMet) {
        Outcome::NotMet
    } else {
        Outcome::NoData
    };
    // Say what decided it: for a met `any`, the branch that met it; otherwise every part.
    let shown: Vec<&Verdict> = if !all && outcome == Outcome::Met {
        parts.iter().filter(|v| v.outcome == Outcome::Met).collect()
    } else {
        parts.iter().collect()
    };
    Verdict {
        outcome,
        reason: shown
            .iter()
            .map(|v| v.reason.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        parts: shown.iter().flat_map(|v| v.parts.iter().cloned()).collect(),
    }
}
