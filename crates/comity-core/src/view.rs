//! Read models shared by every reader (CLI, replay, pages, API), so they print the same thing.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::criteria::evaluate;
use crate::registry::Regime;
use crate::state::State;

/// One state as the members list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MemberRow {
    pub iso3: String,
    pub name: String,
    /// `member` or `not_member`.
    pub status: &'static str,
    /// Members: meets the membership criterion. Others: may apply now.
    pub eligible: bool,
    pub reason: String,
    /// The reason as structured parts, for pages in other languages.
    #[serde(skip)]
    pub reasons: Vec<crate::criteria::Reason>,
    pub fh_status: Option<&'static str>,
    pub fh_score: Option<i8>,
    pub vdem_regime: Option<Regime>,
    pub population: Option<u64>,
    pub un_group: Option<String>,
    /// Open review flags, each naming the edition and the change.
    pub review: Vec<String>,
    /// Members: `good`, `warned` or `suspended` (voting rights). Empty for others.
    pub standing: &'static str,
}

/// Every state in the registry with its standing in the alliance, ordered by ISO code.
pub fn member_rows(state: &State) -> Vec<MemberRow> {
    let as_of = state.registry.latest();
    state
        .registry
        .countries()
        .map(|c| {
            let membership = state.members.get(&c.iso3);
            let (eligible, reason, reasons) = match &state.charter {
                None => (false, "no charter adopted".to_owned(), Vec::new()),
                Some(a) => {
                    let id = if membership.is_some() {
                        a.charter.membership.criterion.as_str()
                    } else {
                        a.charter.admission_criterion(state.stage.as_deref())
                    };
                    let v = evaluate(&a.charter, id, &state.registry, &c.iso3, as_of);
                    (v.eligible(), v.reason, v.parts)
                }
            };
            let fh = as_of.fh_edition.and_then(|e| state.registry.fh(&c.iso3, e));
            let vdem = as_of
                .vdem_year
                .and_then(|y| state.registry.vdem(&c.iso3, y));
            MemberRow {
                iso3: c.iso3.to_string(),
                name: c.name.clone(),
                status: if membership.is_some() {
                    "member"
                } else {
                    "not_member"
                },
                eligible,
                reason,
                reasons,
                fh_status: fh.map(|r| r.status.code()),
                fh_score: fh.and_then(|r| r.total),
                vdem_regime: vdem.and_then(|r| r.regime),
                population: c.population,
                un_group: c.un_group.clone(),
                review: membership
                    .map(|m| {
                        m.flags
                            .iter()
                            .map(|f| format!("{}: {}", f.edition, f.change))
                            .collect()
                    })
                    .unwrap_or_default(),
                standing: match membership.map(|m| m.standing) {
                    None => "",
                    Some(crate::membership::Standing::Good) => "good",
                    Some(crate::membership::Standing::Warned) => "warned",
                    Some(crate::membership::Standing::Suspended(_)) => "suspended",
                },
            }
        })
        .collect()
}

/// The CSV columns of a member list, shared by `comity members --format csv` and `/api/v1/members?format=csv`.
pub const MEMBER_CSV_HEADER: [&str; 12] = [
    "iso3",
    "name",
    "status",
    "eligible",
    "reason",
    "fh_status",
    "fh_score",
    "vdem_regime",
    "population",
    "un_group",
    "review",
    "standing",
];

/// Member rows as CSV text.
pub fn members_csv(rows: &[MemberRow]) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(MEMBER_CSV_HEADER)?;
    for r in rows {
        w.write_record([
            r.iso3.clone(),
            r.name.clone(),
            r.status.to_owned(),
            r.eligible.to_string(),
            r.reason.clone(),
            r.fh_status.unwrap_or_default().to_owned(),
            r.fh_score.map(|s| s.to_string()).unwrap_or_default(),
            r.vdem_regime
                .map(|g| g.code().to_owned())
                .unwrap_or_default(),
            r.population.map(|p| p.to_string()).unwrap_or_default(),
            r.un_group.clone().unwrap_or_default(),
            r.review.join(" | "),
            r.standing.to_owned(),
        ])?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The alliance at a glance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub name: Option<String>,
    pub members: usize,
    pub states: usize,
    pub member_population: u64,
    pub world_population: u64,
    pub flagged: usize,
    pub head_seq: u64,
    pub head_hash: String,
}

pub fn summary(state: &State) -> Summary {
    let pop = |only_members: bool| {
        state
            .registry
            .countries()
            .filter(|c| !only_members || state.members.contains_key(&c.iso3))
            .filter_map(|c| c.population)
            .sum()
    };
    Summary {
        name: state
            .charter
            .as_ref()
            .map(|a| a.charter.alliance.name.clone()),
        members: state.members.len(),
        states: state.registry.countries().count(),
        member_population: pop(true),
        world_population: pop(false),
        flagged: state
            .members
            .values()
            .filter(|m| !m.flags.is_empty())
            .count(),
        head_seq: state.head().seq,
        head_hash: state.head().hash.to_string(),
    }
}

/// How much a network (or any organ) used each of its powers, and to what effect: the answer
/// to "is it tokenism?" in numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PowerUse {
    /// Opinions the charter asked of it, and how many it gave, by position.
    pub opinions_asked: usize,
    pub opinions_given: usize,
    pub opinions_favourable: usize,
    pub opinions_unfavourable: usize,
    pub opinions_conditional: usize,
    /// Motions it tabled (by right), and their fate.
    pub tabled: usize,
    pub tabled_adopted: usize,
    pub tabled_rejected: usize,
    pub tabled_withdrawn: usize,
    pub tabled_pending: usize,
    /// Objections it voted on; carried ones; second readings forced, and how those ended.
    pub objections: usize,
    pub objections_carried: usize,
    pub second_readings: usize,
    pub second_readings_adopted: usize,
    pub second_readings_rejected: usize,
    pub blocked: usize,
    /// Co-decision votes, approvals and refusals.
    pub co_decisions: usize,
    pub co_decisions_approved: usize,
    pub co_decisions_refused: usize,
}

/// Every organ's use of its powers over all motions on record.
pub fn power_use(state: &State) -> BTreeMap<String, PowerUse> {
    use crate::charter::ObjectionEffect;
    use crate::motion::{MotionStatus, Seat};
    use crate::network::{NetworkAct, Position};
    let mut out: BTreeMap<String, PowerUse> = BTreeMap::new();
    let Some(adopted) = &state.charter else {
        return out;
    };
    for o in &adopted.charter.organs {
        out.insert(o.id.clone(), PowerUse::default());
    }
    for m in state.motions.values() {
        let spec = adopted.charter.decision(&m.decision);
        for asked in spec.map(|s| s.opinion_from.as_slice()).unwrap_or_default() {
            if let Some(u) = out.get_mut(asked) {
                u.opinions_asked += 1;
            }
        }
        for op in &m.opinions {
            let u = out.entry(op.organ.clone()).or_default();
            u.opinions_given += 1;
            match op.position {
                Position::Favourable => u.opinions_favourable += 1,
                Position::Unfavourable => u.opinions_unfavourable += 1,
                Position::Conditional => u.opinions_conditional += 1,
            }
        }
        // Referrals (the deciding organ's own motions on an application or a review) are not
        // motions tabled by right.
        if let Seat::Organ(o) = &m.sponsor
            && *o != m.organ
        {
            let u = out.entry(o.clone()).or_default();
            u.tabled += 1;
            match m.status {
                MotionStatus::Adopted => u.tabled_adopted += 1,
                MotionStatus::Rejected => u.tabled_rejected += 1,
                MotionStatus::Withdrawn => u.tabled_withdrawn += 1,
                _ => u.tabled_pending += 1,
            }
        }
        for v in &m.network_votes {
            let u = out.entry(v.organ.clone()).or_default();
            match v.act {
                NetworkAct::CoDecision => {
                    u.co_decisions += 1;
                    if v.carried {
                        u.co_decisions_approved += 1;
                    } else {
                        u.co_decisions_refused += 1;
                    }
                }
                NetworkAct::Objection => {
                    u.objections += 1;
                    if v.carried {
                        u.objections_carried += 1;
                        let effect = spec.and_then(|s| s.objection.as_ref()).map(|o| o.effect);
                        if effect == Some(ObjectionEffect::Block) {
                            u.blocked += 1;
                        } else if effect == Some(ObjectionEffect::SecondReading) {
                            u.second_readings += 1;
                            match m.status {
                                MotionStatus::Adopted => u.second_readings_adopted += 1,
                                MotionStatus::Rejected => u.second_readings_rejected += 1,
                                _ => {}
                            }
                        }
                    }
                }
            }
        }
    }
    out
}
