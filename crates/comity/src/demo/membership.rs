//! New ratings and what follows (seed 001's criterion, on the real data): the demo alliance
//! was founded on FIW 2024; FIW 2025 arrives. Members that fall below "Free or Partly Free"
//! (Kuwait, Niger, Tanzania, Thailand) are flagged and reviews open by themselves in the
//! Governing Council; the Council suspends Niger's voting rights after the Civil Society
//! Network's opinion. Jordan, now Partly Free, applies, both networks give their opinions, and
//! the Summit admits it. Then the networks act (`network.rs`), Denmark names its democracy
//! officer, every organ reports (`reporting.rs`), and Russia applies, ineligible.

use comity_core::membership::Measure;
use comity_core::network::Position;
use comity_core::{Actor, Command, Iso3, Timestamp};
use comity_core::{membership, motion, network};
use comity_store::Institution;
use comity_voting::rules::Vote;

use super::motion::roll_call;
use super::{actor, newest_motion, record};

/// Everything that follows FIW `edition`, where the charter has accession and reviews and the
/// latest edition on the record is the one before.
pub(super) async fn membership(
    inst: &Institution,
    now: Timestamp,
    edition: u16,
) -> anyhow::Result<()> {
    // The organ that decides reviews (the Governing Council in the AoD charter).
    let (fits, council) = {
        let state = inst.state().await;
        let Some(adopted) = &state.charter else {
            return Ok(());
        };
        let ch = &adopted.charter;
        (
            state.registry.latest_fh_edition() == Some(edition - 1)
                && ch.decision("accession").is_some(),
            ch.decision("membership_review").map(|d| d.organ.clone()),
        )
    };
    let (true, Some(council)) = (fits, council) else {
        return Ok(());
    };
    record(
        inst,
        now,
        Actor::system(),
        comity_core::data::freedom_house_edition(edition)?,
    )
    .await?;
    suspend_niger(inst, now).await?;
    admit_jordan(inst, now).await?;
    super::network::accreditations(inst, now).await?;
    super::network::objection(inst, now, &council).await?;
    super::network::co_decision(inst, now).await?;
    democracy_officer(inst, now).await?;
    super::reporting::annual_reports(inst, now).await?;
    ineligible_application(inst, now).await
}

/// A vote on `motion`: opinions first, then every seated state.
pub(super) async fn vote_through(
    inst: &Institution,
    now: Timestamp,
    motion: u64,
    opinions: Vec<(&'static str, &'static str, &'static str)>,
) -> anyhow::Result<()> {
    let sec = actor("secretariat")?;
    let exec = |who: Actor, cmd: Command| record(inst, now, who, cmd);
    for (who, network, text) in opinions {
        exec(
            actor(who)?,
            Command::Network(network::Command::GiveOpinion {
                motion,
                organ: network.into(),
                position: Position::Favourable,
                text: text.into(),
            }),
        )
        .await?;
    }
    exec(
        sec.clone(),
        Command::Motion(motion::Command::OpenDebate { motion }),
    )
    .await?;
    roll_call(inst, now, motion, |i, _| {
        if i % 7 == 6 { Vote::Abstain } else { Vote::Yes }
    })
    .await
}

/// The review of Niger (military coup, July 2023): suspension of its voting rights.
async fn suspend_niger(inst: &Institution, now: Timestamp) -> anyhow::Result<()> {
    let ner = Iso3::parse("NER")?;
    let review = inst
        .state()
        .await
        .reviews
        .values()
        .find(|r| r.state == ner)
        .map(|r| r.id);
    let Some(review) = review else {
        return Ok(());
    };
    record(
        inst,
        now,
        actor("secretariat")?,
        Command::Membership(membership::Command::ProposeMeasure {
            review,
            measure: Measure::Suspension,
        }),
    )
    .await?;
    let m = newest_motion(inst).await.unwrap_or(0);
    vote_through(
        inst,
        now,
        m,
        vec![(
            "ngo",
            "civil_society_network",
            "Civil society organisations from the Sahel report the dissolution of parties and the detention of the elected president; the network supports suspension and asks that it be reviewed as soon as a transition timetable is agreed.",
        )],
    )
    .await
}

/// Jordan applies (Partly Free in FIW 2025) and the Summit admits it.
async fn admit_jordan(inst: &Institution, now: Timestamp) -> anyhow::Result<()> {
    let jor = Iso3::parse("JOR")?;
    if inst.state().await.members.contains_key(&jor) {
        return Ok(());
    }
    record(
        inst,
        now,
        actor("delegate:JOR")?,
        Command::Membership(membership::Command::ApplyForMembership { state: jor.clone() }),
    )
    .await?;
    let application = inst
        .state()
        .await
        .applications
        .values()
        .find(|a| a.state == jor)
        .map(|a| (a.id, a.eligible));
    let Some((id, true)) = application else {
        return Ok(());
    };
    record(
        inst,
        now,
        actor("secretariat")?,
        Command::Membership(membership::Command::ReferApplication { application: id }),
    )
    .await?;
    let m = newest_motion(inst).await.unwrap_or(0);
    vote_through(
        inst,
        now,
        m,
        vec![
            ("mp", "parliamentary_network", "The Parliamentary Network welcomes the application and asks Jordan's parliament to take part in the network from its first session."),
            ("ngo", "civil_society_network", "The Civil Society Network supports admission and will report on freedom of assembly in Jordan within a year."),
        ],
    )
    .await
}

/// Denmark names its democracy officer (seed 003).
async fn democracy_officer(inst: &Institution, now: Timestamp) -> anyhow::Result<()> {
    if !inst
        .state()
        .await
        .members
        .contains_key(&Iso3::parse("DNK")?)
    {
        return Ok(());
    }
    record(
        inst,
        now,
        actor("denmark")?,
        Command::Membership(membership::Command::DesignateDemocracyOfficer {
            state: Iso3::parse("DNK")?,
            name: "Mette Holm".into(),
            office: "Ministry of Foreign Affairs of Denmark, Department for Democracy and Human Rights (demo contact)".into(),
            contact: "democracy-officer@example.dk".into(),
        }),
    )
    .await
}

/// A state that is not eligible may still apply: the application is recorded and the
/// report says why it fails the criterion; it is never put to a vote.
async fn ineligible_application(inst: &Institution, now: Timestamp) -> anyhow::Result<()> {
    let rus = Iso3::parse("RUS")?;
    if inst.state().await.members.contains_key(&rus) {
        return Ok(());
    }
    record(
        inst,
        now,
        actor("secretariat")?,
        Command::Membership(membership::Command::ApplyForMembership { state: rus }),
    )
    .await
}
