//! What the networks did and may do on a motion: the opinions given, what the vote waits for,
//! the networks' own divisions (co-decision, objection) and the second reading, and the forms
//! `authorize` lets the viewer use to give an opinion or report a division.

use comity_core::auth::Principal;
use comity_core::motion::vote_code;
use comity_core::motion::{Motion, MotionStatus};
use comity_core::network;
use comity_core::network::{NetworkAct, Position};
use comity_core::{Command, State, Timestamp, pending_opinions};
use comity_voting::rules::Vote;

use crate::i18n::Tr;
use crate::kit::names::organ_name;
use crate::membership::view::{effect, network_act, position};

pub struct OpinionRow {
    pub organ_id: String,
    pub organ: String,
    pub position: String,
    pub text: String,
    pub time: String,
    pub seq: u64,
}

pub struct DivisionRow {
    pub organ: String,
    /// A roll call held on the platform: each accredited member's vote (name, country, vote).
    pub roll: Vec<(String, String, String)>,
    pub act: String,
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
    pub result: String,
    pub time: String,
    pub seq: u64,
}

/// (value, label)
pub type Choice = (String, String);

/// A network's roll call open on the platform.
pub struct OpenDivision {
    pub organ_id: String,
    pub organ: String,
    pub act: String,
    pub closes_at: String,
    pub members: usize,
    pub voted: usize,
    /// (member's name, country, vote) so far: the roll is public as it fills.
    pub votes: Vec<(String, String, String)>,
    /// The viewer's own accreditations in this roll call: (number, name, current vote code).
    pub mine: Vec<(u64, String, String)>,
    /// The viewer may close it.
    pub may_close: bool,
}

#[derive(Default)]
pub struct NetworkSection {
    pub opinions: Vec<OpinionRow>,
    /// (organ name, until)
    pub pending: Vec<(String, String)>,
    /// Organs whose co-decision the adoption still needs.
    pub pending_co: Vec<String>,
    pub divisions: Vec<DivisionRow>,
    pub second_reading: bool,
    /// Organs the viewer may give an opinion for now.
    pub opinion_for: Vec<Choice>,
    pub positions: Vec<Choice>,
    /// (act code, organ id) pairs the viewer may report a division for, as "act:organ" values.
    pub division_for: Vec<Choice>,
    pub open: Vec<OpenDivision>,
    /// The same pairs, where the viewer may open a roll call of the accredited members.
    pub roll_call_for: Vec<Choice>,
    /// (vote code, label) for the member's ballot.
    pub vote_choices: Vec<Choice>,
}

impl NetworkSection {
    pub fn is_empty(&self) -> bool {
        self.opinions.is_empty()
            && self.pending.is_empty()
            && self.pending_co.is_empty()
            && self.divisions.is_empty()
            && !self.second_reading
            && self.opinion_for.is_empty()
            && self.division_for.is_empty()
            && self.open.is_empty()
            && self.roll_call_for.is_empty()
    }
}

pub fn section(
    tr: &Tr<'_>,
    state: &State,
    m: &Motion,
    who: Option<&Principal>,
    now: Timestamp,
) -> NetworkSection {
    let Some(charter) = state.charter.as_ref().map(|a| &a.charter) else {
        return NetworkSection::default();
    };
    let mut s = NetworkSection {
        opinions: m
            .opinions
            .iter()
            .map(|o| OpinionRow {
                organ_id: o.organ.clone(),
                organ: organ_name(state, &o.organ),
                position: position(tr, o.position.code()),
                text: o.text.clone(),
                time: o.time.to_string(),
                seq: o.seq,
            })
            .collect(),
        divisions: m
            .network_votes
            .iter()
            .map(|v| {
                let spec_effect = charter
                    .decision(&m.decision)
                    .and_then(|d| d.objection.as_ref())
                    .map(|o| o.effect.code());
                let result = match (v.act, v.carried, spec_effect) {
                    (NetworkAct::CoDecision, true, _) => tr.t("network-approved"),
                    (NetworkAct::CoDecision, false, _) => tr.t("network-refused"),
                    (NetworkAct::Objection, true, Some(e)) => effect(tr, e),
                    (NetworkAct::Objection, true, None) => tr.t("network-carried"),
                    (NetworkAct::Objection, false, _) => tr.t("network-not-carried"),
                };
                DivisionRow {
                    roll: v
                        .roll
                        .iter()
                        .map(|(a, vote)| member_row(tr, state, *a, *vote))
                        .collect(),
                    organ: organ_name(state, &v.organ),
                    act: network_act(tr, act_code(v.act)),
                    yes: v.yes,
                    no: v.no,
                    abstain: v.abstain,
                    result,
                    time: v.time.to_string(),
                    seq: v.seq,
                }
            })
            .collect(),
        second_reading: m.second_reading,
        ..NetworkSection::default()
    };
    if !matches!(
        m.status,
        MotionStatus::Adopted | MotionStatus::Rejected | MotionStatus::Withdrawn
    ) {
        s.pending = pending_opinions(charter, m, now)
            .into_iter()
            .map(|(o, until)| (organ_name(state, &o), until.to_string()))
            .collect();
        s.pending_co = comity_core::pending_co_decisions(charter, m)
            .iter()
            .map(|o| organ_name(state, o))
            .collect();
    }
    let acts = who
        .map(|w| comity_core::network::available(state, w, now, m.id))
        .unwrap_or_default();
    s.open = m
        .network_divisions
        .values()
        .map(|d| OpenDivision {
            organ_id: d.organ.clone(),
            organ: organ_name(state, &d.organ),
            act: network_act(tr, act_code(d.act)),
            closes_at: d.closes_at.to_string(),
            members: d.electorate.len(),
            voted: d.votes.len(),
            votes: d
                .votes
                .iter()
                .map(|(a, v)| member_row(tr, state, *a, *v))
                .collect(),
            mine: acts
                .vote_in
                .get(&d.organ)
                .into_iter()
                .flatten()
                .map(|a| {
                    (
                        *a,
                        state
                            .accreditations
                            .get(a)
                            .map_or_else(|| a.to_string(), |x| x.name.clone()),
                        d.votes.get(a).map_or("", |v| vote_code(*v)).to_owned(),
                    )
                })
                .collect(),
            may_close: acts.close.contains(&d.organ),
        })
        .collect();
    s.vote_choices = [Vote::Yes, Vote::No, Vote::Abstain]
        .iter()
        .map(|v| {
            (
                vote_code(*v).to_owned(),
                tr.t(&format!("vote-{}", vote_code(*v))),
            )
        })
        .collect();
    s.opinion_for = acts
        .opinion_for
        .iter()
        .map(|organ| (organ.clone(), organ_name(state, organ)))
        .collect();
    s.positions = [
        Position::Favourable,
        Position::Unfavourable,
        Position::Conditional,
    ]
    .iter()
    .map(|p| (p.code().to_owned(), position(tr, p.code())))
    .collect();
    let choice = |(act, organ): &(NetworkAct, String)| {
        (
            format!("{}:{organ}", act_code(*act)),
            format!(
                "{} — {}",
                organ_name(state, organ),
                network_act(tr, act_code(*act))
            ),
        )
    };
    s.division_for = acts.division_for.iter().map(choice).collect();
    s.roll_call_for = acts.roll_call_for.iter().map(choice).collect();
    s
}

/// One accredited member's vote, as the roll shows it: (name, country, vote).
fn member_row(tr: &Tr<'_>, state: &State, member: u64, vote: Vote) -> (String, String, String) {
    let a = state.accreditations.get(&member);
    (
        a.map_or_else(|| format!("#{member}"), |a| a.name.clone()),
        a.map_or_else(String::new, |a| {
            crate::kit::names::state_name(state, a.country.as_str())
        }),
        tr.t(&format!("vote-{}", vote_code(vote))),
    )
}

pub fn act_code(a: NetworkAct) -> &'static str {
    match a {
        NetworkAct::CoDecision => "co_decision",
        NetworkAct::Objection => "objection",
    }
}

pub fn parse_position(s: &str) -> Option<Position> {
    match s.trim() {
        "favourable" => Some(Position::Favourable),
        "unfavourable" => Some(Position::Unfavourable),
        "conditional" => Some(Position::Conditional),
        _ => None,
    }
}

pub fn parse_act(s: &str) -> Option<NetworkAct> {
    match s.trim() {
        "co_decision" => Some(NetworkAct::CoDecision),
        "objection" => Some(NetworkAct::Objection),
        _ => None,
    }
}

/// The command an opinion or division form asks for, or the field that is wrong.
pub fn command(
    tr: &Tr<'_>,
    id: u64,
    f: &crate::motion::pages::ActForm,
) -> Result<Command, (String, String)> {
    let bad = |field: &str, id: &str| Err((field.to_owned(), tr.t(id)));
    if f.act == "opinion" {
        let Some(position) = parse_position(&f.position) else {
            return bad("position", "form-choose-position");
        };
        if f.organ.trim().is_empty() {
            return bad("organ", "form-choose-organ");
        }
        return Ok(Command::Network(network::Command::GiveOpinion {
            motion: id,
            organ: f.organ.trim().to_owned(),
            position,
            text: f.text.clone(),
        }));
    }
    match f.act.as_str() {
        "network_member_vote" => {
            let Ok(member) = f.member.trim().parse() else {
                return bad("member", "form-number");
            };
            let Some(vote) = comity_core::motion::parse_vote(&f.vote) else {
                return bad("vote", "form-choose-vote");
            };
            return Ok(Command::Network(network::Command::CastNetworkVote {
                motion: id,
                organ: f.organ.trim().to_owned(),
                member,
                vote,
            }));
        }
        "close_division" => {
            return Ok(Command::Network(network::Command::CloseNetworkDivision {
                motion: id,
                organ: f.organ.trim().to_owned(),
            }));
        }
        _ => {}
    }
    let parsed = f
        .division
        .split_once(':')
        .and_then(|(a, o)| Some((parse_act(a)?, o)));
    let Some((act, organ)) = parsed else {
        return bad("division", "form-choose-division");
    };
    if f.act == "open_division" {
        let Ok(closes_at) = Timestamp::parse(f.closes_at.trim()) else {
            return bad("closes_at", "form-time");
        };
        return Ok(Command::Network(network::Command::OpenNetworkDivision {
            motion: id,
            organ: organ.trim().to_owned(),
            act,
            closes_at,
        }));
    }
    let count = |field: &str, v: &str| -> Result<u32, (String, String)> {
        if v.trim().is_empty() {
            return Ok(0);
        }
        v.trim()
            .parse()
            .map_err(|_| (field.to_owned(), tr.t("form-count")))
    };
    Ok(Command::Network(network::Command::NetworkVote {
        motion: id,
        organ: organ.trim().to_owned(),
        act,
        yes: count("yes", &f.yes)?,
        no: count("no", &f.no)?,
        abstain: count("abstain", &f.abstain)?,
    }))
}
