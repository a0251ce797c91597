//! The caucus at work: the agenda of General Assembly resolutions, the common positions
//! agreed on them, the members' plenary votes compared with the positions, and explanations
//! of vote. What the pages and the API show of it, and the members' votes read from the
//! Assembly's record for an item whose roll call is known.

use comity_core::State;
use comity_core::caucus::{self, AgendaItem, Compliance, Stance, UnVote};
use serde::Serialize;
use utoipa::ToSchema;

use super::words::{compliance_id, stance_id, vote_id};
use crate::i18n::Tr;
use crate::kit::names::state_name;

/// One agenda item, as the agenda lists it and the API returns it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ItemSummary {
    pub item: u64,
    pub session: u32,
    pub symbol: String,
    pub title: String,
    /// `me`, `nu`, `di`, `hr`, `co` or `ec`.
    pub issue: Option<String>,
    /// The day of the plenary vote (`YYYY-MM-DD`).
    pub plenary: String,
    pub rcid: Option<u64>,
    /// `yes`, `no`, `abstain`, `no_common_position`; none before one is adopted.
    pub position: Option<String>,
    /// The motion that adopted the position.
    pub position_motion: Option<u64>,
    /// The motion still deciding a position, if any.
    pub pending_motion: Option<u64>,
    pub votes_recorded: bool,
    pub followed: u32,
    pub departed: u32,
    pub absent: u32,
}

/// One member's plenary vote on an item, against the position.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MemberVote {
    pub state: String,
    /// `yes`, `no`, `abstain` or `absent`.
    pub vote: String,
    /// `followed`, `departed` or `absent`; none without a common position.
    pub compliance: Option<String>,
    pub explanation: Option<String>,
}

/// A proposal of a common position and what came of it.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProposalView {
    pub motion: u64,
    pub stance: String,
    /// `adopted`, `rejected`, `late`; none while its motion is open.
    pub outcome: Option<String>,
}

/// An agenda item with its proposals and, once recorded, the members' votes.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ItemDetail {
    #[serde(flatten)]
    pub summary: ItemSummary,
    pub proposals: Vec<ProposalView>,
    /// `hand`, or `record` (the Assembly's roll call `rcid`).
    pub source: Option<String>,
    pub votes: Vec<MemberVote>,
}

/// A vote that does not read: the state code as given, and the value when the code read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadVote {
    pub state: String,
    pub value: Option<String>,
}

impl std::fmt::Display for BadVote {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.value {
            None => write!(
                f,
                "{:?} is not a state code (three capital letters)",
                self.state
            ),
            Some(v) => write!(f, "{v:?} is not yes, no, abstain or absent"),
        }
    }
}

/// Plenary votes given as (state code, vote) pairs, by a form or the API.
pub fn parse_votes<'a>(
    pairs: impl Iterator<Item = (&'a str, &'a str)>,
) -> Result<Vec<(comity_core::Iso3, UnVote)>, BadVote> {
    pairs
        .map(|(code, v)| {
            let iso = comity_core::Iso3::parse(code.trim()).map_err(|_| BadVote {
                state: code.to_owned(),
                value: None,
            })?;
            let vote = UnVote::parse(v).ok_or_else(|| BadVote {
                state: code.to_owned(),
                value: Some(v.to_owned()),
            })?;
            Ok((iso, vote))
        })
        .collect()
}

/// The agenda item that the journal entries `entries` placed, if they placed one.
pub fn placed_by(state: &State, entries: &[u64]) -> Option<u64> {
    state
        .caucus
        .agenda
        .values()
        .find(|i| entries.contains(&i.seq))
        .map(|i| i.id)
}

pub fn summary(it: &AgendaItem) -> ItemSummary {
    let mut counts = [0u32; 3];
    for m in it.votes.keys() {
        match it.compliance(m) {
            Some(Compliance::Followed) => counts[0] += 1,
            Some(Compliance::Departed) => counts[1] += 1,
            Some(Compliance::Absent) => counts[2] += 1,
            None => {}
        }
    }
    ItemSummary {
        item: it.id,
        session: it.session,
        symbol: it.symbol.clone(),
        title: it.title.clone(),
        issue: it.issue.clone(),
        plenary: it.plenary.to_string(),
        rcid: it.rcid,
        position: it.stance().map(|s| s.code().to_owned()),
        position_motion: it.position.map(|(_, m)| m),
        pending_motion: it.pending().map(|p| p.motion),
        votes_recorded: it.recorded.is_some(),
        followed: counts[0],
        departed: counts[1],
        absent: counts[2],
    }
}

pub fn detail(it: &AgendaItem) -> ItemDetail {
    let votes = it
        .votes
        .iter()
        .map(|(m, v)| MemberVote {
            state: m.to_string(),
            vote: v.code().to_owned(),
            compliance: it.compliance(m).map(|c| c.code().to_owned()),
            explanation: it.explanations.get(m).map(|e| e.text.clone()),
        })
        .collect();
    ItemDetail {
        summary: summary(it),
        proposals: it
            .proposals
            .iter()
            .map(|p| ProposalView {
                motion: p.motion,
                stance: p.stance.code().to_owned(),
                outcome: p.outcome.map(|o| o.code().to_owned()),
            })
            .collect(),
        source: it.recorded.as_ref().map(|(s, _)| match s {
            caucus::VoteSource::Hand => "hand".to_owned(),
            caucus::VoteSource::Record { rcid } => format!("record:{rcid}"),
        }),
        votes,
    }
}

/// Each member's record against the common positions.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FollowRate {
    pub state: String,
    pub followed: u32,
    pub departed: u32,
    pub absent: u32,
    /// followed ÷ (followed + departed): of the votes it cast where there was a common
    /// position, the share that followed it; none before it voted on one.
    pub rate: Option<f64>,
}

pub fn follow_rates(state: &State) -> Vec<FollowRate> {
    caucus::follow_counts(&state.caucus, &caucus::un_members(state))
        .into_iter()
        .map(|(m, [f, d, a])| FollowRate {
            state: m.to_string(),
            followed: f,
            departed: d,
            absent: a,
            rate: (f + d > 0).then(|| f64::from(f) / f64::from(f + d)),
        })
        .collect()
}

/// An item's row on the agenda page, in the reader's words.
pub struct ItemRow {
    pub id: u64,
    pub session: u32,
    pub symbol: String,
    pub title: String,
    pub issue: String,
    pub plenary: String,
    pub position: String,
    pub followed: u32,
    pub departed: u32,
    pub absent: u32,
    pub recorded: bool,
}

pub fn item_row(tr: &Tr<'_>, it: &AgendaItem) -> ItemRow {
    let s = summary(it);
    ItemRow {
        id: it.id,
        session: it.session,
        symbol: it.symbol.clone(),
        title: it.title.clone(),
        issue: it
            .issue
            .as_ref()
            .map(|i| tr.t(&format!("caucus-issue-{i}")))
            .unwrap_or_default(),
        plenary: it.plenary.to_string(),
        position: position_words(tr, it),
        followed: s.followed,
        departed: s.departed,
        absent: s.absent,
        recorded: s.votes_recorded,
    }
}

/// The position in words: agreed, being decided (by which motion), or none yet.
pub fn position_words(tr: &Tr<'_>, it: &AgendaItem) -> String {
    match (it.stance(), it.pending()) {
        (Some(s), _) => tr.t(&stance_id(s)),
        (None, Some(p)) => tr.t2(
            "caucus-position-pending",
            "motion",
            p.motion,
            "stance",
            tr.t(&stance_id(p.stance)),
        ),
        (None, None) => tr.t("caucus-position-none"),
    }
}

/// A member's vote row on an item's page.
pub struct VoteRow {
    pub iso3: String,
    pub name: String,
    pub vote: String,
    pub compliance: String,
    /// `followed`, `departed`, `absent` or empty: the row's class.
    pub code: &'static str,
    pub explanation: String,
}

/// The members' votes on an item: those that departed first, then the absent, then those
/// that followed, each by name.
pub fn vote_rows(tr: &Tr<'_>, state: &State, it: &AgendaItem) -> Vec<VoteRow> {
    let rank = |code: &str| match code {
        "departed" => 0,
        "absent" => 1,
        "followed" => 2,
        _ => 3,
    };
    let mut rows: Vec<VoteRow> = it
        .votes
        .iter()
        .map(|(m, vote)| {
            let vote = *vote;
            let c = it.compliance(m);
            VoteRow {
                iso3: m.to_string(),
                name: state_name(state, m),
                vote: tr.t(&vote_id(vote)),
                compliance: c.map(|c| tr.t(&compliance_id(c))).unwrap_or_default(),
                code: c.map_or("", Compliance::code),
                explanation: it
                    .explanations
                    .get(m)
                    .map(|e| e.text.clone())
                    .unwrap_or_default(),
            }
        })
        .collect();
    rows.sort_by(|a, b| (rank(a.code), &a.name).cmp(&(rank(b.code), &b.name)));
    rows
}

/// The stances as a form offers them: (code, name).
pub fn stances(tr: &Tr<'_>) -> Vec<(String, String)> {
    Stance::ALL
        .iter()
        .map(|s| (s.code().to_owned(), tr.t(&stance_id(*s))))
        .collect()
}

/// The plenary votes as a form offers them: (code, name).
pub fn un_votes(tr: &Tr<'_>) -> Vec<(String, String)> {
    UnVote::ALL
        .iter()
        .map(|v| (v.code().to_owned(), tr.t(&vote_id(*v))))
        .collect()
}
