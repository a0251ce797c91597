//! The UN caucus at session 74 of the General Assembly (2019–20), on the real record: the
//! secretariat puts seven real resolutions on the caucus's agenda; a position is proposed on
//! each and voted in the caucus by the charter's rule, each member voting in the caucus as it
//! later voted in the plenary (abstaining where it did not vote), so that the positions the
//! caucus could have agreed are the ones its members' real votes allowed; after the plenary
//! the members' real votes are recorded from the record and compared with the positions.
//!
//! This part runs right after founding, dated in the autumn of 2019 (the demo alliance is
//! founded just before session 74 opens, on 2 September 2019): a position can only be taken
//! before the plenary votes.

use anyhow::Context;
use comity_core::caucus::{self, Stance, UnVote, VoteSource};
use comity_core::ids::Day;
use comity_core::motion::{self, Seat};
use comity_core::{Command, Iso3, Timestamp};
use comity_server::unga;
use comity_store::Institution;
use comity_voting::rules::Vote;

use super::{actor, newest_motion, record};

/// When the demo alliance is founded: just before session 74 of the General Assembly.
pub const FOUNDED_AT: &str = "2019-09-02T09:00:00Z";

/// (rcid, symbol, title, issue, stance proposed first)
const AGENDA: [(u64, &str, &str, &str, Stance); 7] = [
    (
        9131,
        "A/RES/74/167",
        "Situation of human rights in the Islamic Republic of Iran",
        "hr",
        Stance::Yes,
    ),
    (
        9121,
        "A/RES/74/169",
        "Situation of human rights in the Syrian Arab Republic",
        "hr",
        Stance::Yes,
    ),
    (
        9111,
        "A/RES/74/168",
        "Situation of human rights in the Autonomous Republic of Crimea and the city of Sevastopol, Ukraine",
        "hr",
        Stance::Yes,
    ),
    (
        9124,
        "A/RES/74/246",
        "Situation of human rights of Rohingya Muslims and other minorities in Myanmar",
        "hr",
        Stance::Yes,
    ),
    (
        9073,
        "A/RES/74/154",
        "Human rights and unilateral coercive measures",
        "hr",
        Stance::No,
    ),
    (
        9090,
        "A/RES/74/78",
        "Comprehensive Nuclear-Test-Ban Treaty",
        "nu",
        Stance::Yes,
    ),
    (
        9127,
        "A/RES/74/41",
        "Treaty on the Prohibition of Nuclear Weapons",
        "nu",
        Stance::No,
    ),
];

fn at(s: &str) -> anyhow::Result<Timestamp> {
    Timestamp::parse(s).map_err(anyhow::Error::from)
}

/// How a member votes in the caucus on proposing `stance`: yes if its plenary vote was the
/// stance's (or, on "no common position", whatever it was), no if it voted otherwise,
/// abstain where it did not vote.
fn caucus_vote(stance: Stance, plenary: UnVote) -> Vote {
    match (stance.vote(), plenary) {
        (_, UnVote::Absent) => Vote::Abstain,
        (None, _) => Vote::Yes,
        (Some(asked), v) if asked == v => Vote::Yes,
        _ => Vote::No,
    }
}

pub(super) async fn caucus(inst: &Institution) -> anyhow::Result<()> {
    let un = unga::shipped().map_err(|e| anyhow::anyhow!("the UN record: {e}"))?;
    let sec = actor("secretariat")?;
    let members = caucus::un_members(&*inst.state().await);
    let organ = inst
        .state()
        .await
        .charter
        .as_ref()
        .and_then(|c| c.charter.decision(caucus::COMMON_POSITION))
        .map(|d| d.organ.clone())
        .context("the charter names no organ for common positions")?;
    let placed = at("2019-10-01T10:00:00Z")?;
    for (rcid, symbol, title, issue, _) in AGENDA {
        let plenary = un
            .roll_calls
            .position(u32::try_from(rcid)?)
            .map(|p| un.roll_calls.list[p].date.clone())
            .with_context(|| format!("roll call {rcid} is not in the record"))?;
        record(
            inst,
            placed,
            sec.clone(),
            Command::Caucus(caucus::Command::PlaceOnAgenda {
                session: 74,
                symbol: symbol.into(),
                title: title.into(),
                issue: Some(issue.into()),
                plenary: Day::parse(&plenary)?,
                rcid: Some(rcid),
            }),
        )
        .await?;
    }
    let items: Vec<u64> = inst.state().await.caucus.agenda.keys().copied().collect();
    for (&item, (rcid, _, _, _, stance)) in items.iter().zip(AGENDA) {
        let plenary = unga::votes_in(un, rcid, &members)
            .with_context(|| format!("roll call {rcid} is not in the record"))?;
        let adopted = decide(
            inst,
            &organ,
            item,
            stance,
            &plenary,
            "2019-11-20",
            "2019-12-02",
        )
        .await?;
        // Where the first proposal fails, the caucus records that it agreed none.
        if !adopted {
            decide(
                inst,
                &organ,
                item,
                Stance::NoCommonPosition,
                &plenary,
                "2019-12-03",
                "2019-12-05",
            )
            .await?;
        }
    }
    // After the last plenary vote (27 December 2019): the members' real votes.
    let recorded = at("2020-01-06T10:00:00Z")?;
    for (&item, (rcid, ..)) in items.iter().zip(AGENDA) {
        let votes = unga::votes_in(un, rcid, &members)
            .with_context(|| format!("roll call {rcid} is not in the record"))?;
        record(
            inst,
            recorded,
            sec.clone(),
            Command::Caucus(caucus::Command::RecordPlenaryVotes {
                item,
                votes,
                source: VoteSource::Record { rcid },
            }),
        )
        .await?;
    }
    explain_one(inst, &items).await
}

/// Propose `stance` on `item` in the caucus's name, debate, have every member vote as its
/// plenary vote says, and close; whether the position was taken.
async fn decide(
    inst: &Institution,
    organ: &str,
    item: u64,
    stance: Stance,
    plenary: &[(Iso3, UnVote)],
    opened: &str,
    closed: &str,
) -> anyhow::Result<bool> {
    let sec = actor("secretariat")?;
    let t = at(&format!("{opened}T10:00:00Z"))?;
    record(
        inst,
        t,
        sec.clone(),
        Command::Caucus(caucus::Command::ProposePosition {
            item,
            stance,
            sponsor: Seat::Organ(organ.to_owned()),
        }),
    )
    .await?;
    let m = newest_motion(inst).await.context("no motion was tabled")?;
    record(
        inst,
        t,
        sec.clone(),
        Command::Motion(motion::Command::OpenDebate { motion: m }),
    )
    .await?;
    record(
        inst,
        t,
        sec.clone(),
        Command::Motion(motion::Command::OpenVote {
            motion: m,
            closes_at: at(&format!("{closed}T09:00:00Z"))?,
            order: None,
        }),
    )
    .await?;
    let electorate = inst
        .state()
        .await
        .motions
        .get(&m)
        .and_then(|x| x.ballot.as_ref())
        .map(|b| b.electorate.clone())
        .unwrap_or_default();
    let voted = at(&format!("{opened}T15:00:00Z"))?;
    for s in electorate {
        let plenary_vote = plenary
            .iter()
            .find(|(iso, _)| *iso == s)
            .map_or(UnVote::Absent, |(_, v)| *v);
        record(
            inst,
            voted,
            actor(&format!("delegate:{s}"))?,
            Command::Motion(motion::Command::CastVote {
                motion: m,
                state: s,
                vote: caucus_vote(stance, plenary_vote),
            }),
        )
        .await?;
    }
    record(
        inst,
        at(&format!("{closed}T10:00:00Z"))?,
        sec,
        Command::Motion(motion::Command::CloseVote {
            motion: m,
            casting_vote: None,
        }),
    )
    .await?;
    let state = inst.state().await;
    Ok(state
        .caucus
        .agenda
        .get(&item)
        .is_some_and(|i| i.position.is_some()))
}

/// One explanation of vote: the first member that departed from a position, in the demo's
/// words (marked as the demo's, not the delegation's).
async fn explain_one(inst: &Institution, items: &[u64]) -> anyhow::Result<()> {
    let found = {
        let state = inst.state().await;
        items.iter().find_map(|id| {
            let it = state.caucus.agenda.get(id)?;
            let m = state
                .members
                .keys()
                .find(|m| it.compliance(m) == Some(caucus::Compliance::Departed))?;
            Some((*id, m.clone(), it.symbol.clone()))
        })
    };
    let Some((item, state, symbol)) = found else {
        return Ok(());
    };
    record(
        inst,
        at("2020-01-08T10:00:00Z")?,
        actor(&format!("delegate:{state}"))?,
        Command::Caucus(caucus::Command::ExplainVote {
            item,
            state,
            text: format!(
                "(Written for the demo, not by the delegation.) An explanation of vote on {symbol} would set out here why the delegation did not vote as the caucus agreed."
            ),
        }),
    )
    .await
}
