//! Read models shared by every reader (CLI, replay, pages, API), so they print the same thing.

use serde::Serialize;

use crate::criteria::evaluate;
use crate::registry::Regime;
use crate::state::State;

/// One state as the members list shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
            }
        })
        .collect()
}

/// The CSV columns of a member list, shared by `comity members --format csv` and `/api/v1/members?format=csv`.
pub const MEMBER_CSV_HEADER: [&str; 11] = [
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
        ])?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// The alliance at a glance.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
