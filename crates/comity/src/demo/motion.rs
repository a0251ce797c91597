//! The Governing Council's decisions: a motion with competing amendments voted by double
//! majority on real populations, and a second motion whose roll call stays open for the demo
//! delegate. Between the two, the Summit's elections (`election.rs`), as the journal has them.

use comity_core::charter::Seats;
use comity_core::motion::Seat;
use comity_core::{Actor, Command, Iso3, State, Timestamp};
use comity_core::{base, motion};
use comity_store::Institution;
use comity_voting::rules::Vote;

use super::{actor, newest_motion, record};

/// The demo's decisions, where the charter has the organs and decision kinds they need.
pub(super) async fn decisions(inst: &Institution, now: Timestamp) -> anyhow::Result<()> {
    let Some((council, seats)) = council_seats(&*inst.state().await)? else {
        return Ok(());
    };
    let sec = actor("secretariat")?;
    record(
        inst,
        now,
        sec.clone(),
        Command::Base(base::Command::AssignSeats {
            organ: council.clone(),
            states: seats.clone(),
        }),
    )
    .await?;
    let m1 = table_sanctions(inst, now).await?;
    vote_sanctions(inst, now, m1, &seats).await?;
    super::election::election(inst, now).await?;
    open_resolution(inst, now, &seats).await
}

/// The Governing Council's seats: Denmark (the demo delegate's state) and the most populous
/// members, most populous first (the order the votes refer to); `None` where the charter
/// lacks the council or the decision kinds, or Denmark is not a member.
pub(super) fn council_seats(state: &State) -> anyhow::Result<Option<(String, Vec<Iso3>)>> {
    let Some(adopted) = &state.charter else {
        return Ok(None);
    };
    let ch = &adopted.charter;
    let fits = ch
        .decision("smart_sanctions")
        .is_some_and(|d| d.organ == "governing_council")
        && ch
            .decision("resolution")
            .is_some_and(|d| d.organ == "governing_council");
    let Some(Seats::Fixed(n)) = ch.organ("governing_council").map(|o| o.seats) else {
        return Ok(None);
    };
    if !fits {
        return Ok(None);
    }
    let dnk = Iso3::parse("DNK")?;
    let mut by_pop: Vec<(u64, Iso3)> = state
        .members
        .keys()
        .filter(|k| **k != dnk)
        .map(|k| {
            (
                state
                    .registry
                    .country(k)
                    .and_then(|c| c.population)
                    .unwrap_or(0),
                k.clone(),
            )
        })
        .collect();
    by_pop.sort_by(|a, b| b.cmp(a));
    let mut seats: Vec<Iso3> = by_pop
        .into_iter()
        .map(|(_, k)| k)
        .take(n as usize - 1)
        .collect();
    if !state.members.contains_key(&dnk) {
        return Ok(None);
    }
    seats.push(dnk);
    Ok(Some(("governing_council".to_owned(), seats)))
}

/// Motion 1: targeted sanctions, tabled by the civil society network (the charter lets it),
/// with three amendments, two of them competing for the duration.
async fn table_sanctions(inst: &Institution, now: Timestamp) -> anyhow::Result<u64> {
    let exec = |who: Actor, cmd: Command| record(inst, now, who, cmd);
    exec(actor("ngo")?, Command::Motion(motion::Command::TableMotion {
        decision: "smart_sanctions".into(),
        title: "Targeted sanctions for interference in members' elections".into(),
        text: "The Council lists the persons named in Annex I, responsible for gross interference in the democratic processes of members, for travel bans and asset freezes.".into(),
        sponsor: Seat::Organ("civil_society_network".into()),
    }))
    .await?;
    let m1 = newest_motion(inst).await.unwrap_or(1);
    let amendments = [
        (
            "mp",
            Seat::Organ("parliamentary_network".into()),
            "Listing for twelve months",
            Some("duration"),
            "The Council lists the persons named in Annex I, responsible for gross interference in the democratic processes of members, for travel bans and asset freezes for twelve months, renewable.",
        ),
        (
            "denmark",
            Seat::State(Iso3::parse("DNK")?),
            "Listing for twenty-four months",
            Some("duration"),
            "The Council lists the persons named in Annex I, responsible for gross interference in the democratic processes of members, for travel bans and asset freezes for twenty-four months.",
        ),
        (
            "ngo",
            Seat::Organ("civil_society_network".into()),
            "Humanitarian exemption",
            None,
            "The Council lists the persons named in Annex I, responsible for gross interference in the democratic processes of members, for travel bans and asset freezes for twelve months, renewable. Humanitarian assistance is exempt.",
        ),
    ];
    for (who, seat, title, group, text) in amendments {
        exec(
            actor(who)?,
            Command::Motion(motion::Command::TableAmendment {
                motion: m1,
                title: title.into(),
                text: text.into(),
                group: group.map(Into::into),
                sponsor: seat,
            }),
        )
        .await?;
    }
    Ok(m1)
}

/// Every item of motion 1, in the stated order 1, 2, 3, then the motion. Amendment 1 is
/// adopted, so amendment 2 (competing for the duration) lapses; amendment 3 is adopted; on
/// the motion the three most populous council members vote against: 22 of 25 states, short
/// of 65 % of the population, but three states are too few for a blocking minority (four):
/// adopted.
async fn vote_sanctions(
    inst: &Institution,
    now: Timestamp,
    m1: u64,
    seats: &[Iso3],
) -> anyhow::Result<()> {
    let sec = actor("secretariat")?;
    let exec = |who: Actor, cmd: Command| record(inst, now, who, cmd);
    exec(
        sec.clone(),
        Command::Motion(motion::Command::OpenDebate { motion: m1 }),
    )
    .await?;
    let close = Timestamp::from_unix(now.unix() + 86_400);
    let delegate = |iso: &Iso3| actor(&format!("delegate:{iso}"));
    let plans: [&dyn Fn(usize) -> Vote; 3] = [
        &|i| if i % 5 == 4 { Vote::No } else { Vote::Yes },
        &|i| if i % 4 == 3 { Vote::Abstain } else { Vote::Yes },
        &|i| if i < 3 { Vote::No } else { Vote::Yes },
    ];
    let mut first = true;
    for plan in plans {
        exec(
            sec.clone(),
            Command::Motion(motion::Command::OpenVote {
                motion: m1,
                closes_at: close,
                order: if first { Some(vec![1, 2, 3]) } else { None },
            }),
        )
        .await?;
        first = false;
        for (i, s) in seats.iter().enumerate() {
            exec(
                delegate(s)?,
                Command::Motion(motion::Command::CastVote {
                    motion: m1,
                    state: s.clone(),
                    vote: plan(i),
                }),
            )
            .await?;
        }
        exec(
            sec.clone(),
            Command::Motion(motion::Command::CloseVote {
                motion: m1,
                casting_vote: None,
            }),
        )
        .await?;
    }
    Ok(())
}

/// Motion 2: a resolution whose roll call stays open, for the demo delegate and the secretariat.
async fn open_resolution(inst: &Institution, now: Timestamp, seats: &[Iso3]) -> anyhow::Result<()> {
    let sec = actor("secretariat")?;
    let exec = |who: Actor, cmd: Command| record(inst, now, who, cmd);
    let delegate = |iso: &Iso3| actor(&format!("delegate:{iso}"));
    exec(actor("mp")?, Command::Motion(motion::Command::TableMotion {
        decision: "resolution".into(),
        title: "Convening the first Transnational Citizens' Assembly".into(),
        text: "The Council asks the Secretariat to draw the first Transnational Citizens' Assembly by a stratified lottery and to convene it within a year.".into(),
        sponsor: Seat::Organ("parliamentary_network".into()),
    }))
    .await?;
    let m2 = newest_motion(inst).await.unwrap_or(2);
    exec(
        sec.clone(),
        Command::Motion(motion::Command::OpenDebate { motion: m2 }),
    )
    .await?;
    exec(
        sec.clone(),
        Command::Motion(motion::Command::OpenVote {
            motion: m2,
            closes_at: Timestamp::from_unix(now.unix() + 30 * 86_400),
            order: None,
        }),
    )
    .await?;
    for (i, s) in seats
        .iter()
        .enumerate()
        .filter(|(_, s)| s.as_str() != "DNK")
        .take(12)
    {
        let vote = if i % 3 == 0 { Vote::Abstain } else { Vote::Yes };
        exec(
            delegate(s)?,
            Command::Motion(motion::Command::CastVote {
                motion: m2,
                state: s.clone(),
                vote,
            }),
        )
        .await?;
    }
    Ok(())
}

/// Put `motion`'s next item to the vote: each state of the electorate votes as `plan` says
/// (from its place in the electorate and the electorate's size); then the secretariat closes.
pub(super) async fn roll_call(
    inst: &Institution,
    now: Timestamp,
    motion: u64,
    plan: impl Fn(usize, usize) -> Vote,
) -> anyhow::Result<()> {
    let sec = actor("secretariat")?;
    let exec = |who: Actor, cmd: Command| record(inst, now, who, cmd);
    exec(
        sec.clone(),
        Command::Motion(motion::Command::OpenVote {
            motion,
            closes_at: Timestamp::from_unix(now.unix() + 86_400),
            order: None,
        }),
    )
    .await?;
    let electorate = inst
        .state()
        .await
        .motions
        .get(&motion)
        .and_then(|m| m.ballot.as_ref().map(|b| b.electorate.clone()))
        .unwrap_or_default();
    let n = electorate.len();
    for (i, s) in electorate.iter().enumerate() {
        exec(
            actor(&format!("delegate:{s}"))?,
            Command::Motion(motion::Command::CastVote {
                motion,
                state: s.clone(),
                vote: plan(i, n),
            }),
        )
        .await?;
    }
    exec(
        sec,
        Command::Motion(motion::Command::CloseVote {
            motion,
            casting_vote: None,
        }),
    )
    .await
}
