//! The networks: accreditation of organisations, opposition leaders and parliaments'
//! delegations; the Civil Society Network's objection by roll call, sending a resolution back
//! to the Council; and the Parliamentary Network's co-decision on a charter amendment, whose
//! roll call stays open for the demo's `opposition` account.

use comity_core::motion::Seat;
use comity_core::network::{AccreditationKind, NetworkAct};
use comity_core::{Actor, Command, Iso3, Timestamp};
use comity_core::{motion, network};
use comity_store::Institution;
use comity_voting::rules::Vote;

use super::membership::vote_through;
use super::motion::roll_call;
use super::{actor, newest_motion, record};

/// A network's roll call of its accredited members on `motion`: opened by the network's
/// officer, each member votes as `plan(i)` says (`None`: not yet), closed if `close`.
async fn network_roll_call(
    inst: &Institution,
    now: Timestamp,
    motion: u64,
    organ: &str,
    act: NetworkAct,
    plan: impl Fn(usize) -> Option<Vote>,
    close: bool,
) -> anyhow::Result<()> {
    let officer = actor(if organ == "parliamentary_network" {
        "mp"
    } else {
        "ngo"
    })?;
    let exec = |who: Actor, cmd: Command| record(inst, now, who, cmd);
    exec(
        officer.clone(),
        Command::Network(network::Command::OpenNetworkDivision {
            motion,
            organ: organ.into(),
            act,
            closes_at: Timestamp::from_unix(now.unix() + 14 * 86_400),
        }),
    )
    .await?;
    let electorate = inst
        .state()
        .await
        .motions
        .get(&motion)
        .and_then(|m| m.network_divisions.get(organ).map(|d| d.electorate.clone()))
        .unwrap_or_default();
    for (i, member) in electorate.iter().enumerate() {
        if let Some(vote) = plan(i) {
            exec(
                actor(&format!("accredited:{member}"))?,
                Command::Network(network::Command::CastNetworkVote {
                    motion,
                    organ: organ.into(),
                    member: *member,
                    vote,
                }),
            )
            .await?;
        }
    }
    if close {
        exec(
            officer,
            Command::Network(network::Command::CloseNetworkDivision {
                motion,
                organ: organ.into(),
            }),
        )
        .await?;
    }
    Ok(())
}

/// Civil society organisations the demo accredits to the Civil Society Network: invented
/// names (marked as demo), real countries, members and not.
const DEMO_ORGANISATIONS: [(&str, &str, &str); 6] = [
    (
        "Accra Civic Forum (demo)",
        "GHA",
        "Citizens' election monitoring and civic education in Ghana (demo organisation).",
    ),
    (
        "Observatório da Transparência (demo)",
        "BRA",
        "Budget transparency and access to information in Brazil (demo organisation).",
    ),
    (
        "Baltic Media Freedom Centre (demo)",
        "LTU",
        "Independent journalism and protection of reporters in the Baltic states (demo organisation).",
    ),
    (
        "Mekong Rights Network (demo)",
        "KHM",
        "Human rights defenders in Cambodia, a state outside the alliance (demo organisation).",
    ),
    (
        "Sahel Democratic Youth (demo)",
        "NER",
        "Youth participation in Niger, whose voting rights are suspended (demo organisation).",
    ),
    (
        "Andean Women in Politics (demo)",
        "PER",
        "Women's representation in Peru's elected offices (demo organisation).",
    ),
];

/// National parliaments' delegations the demo accredits to the Parliamentary Network.
const DEMO_DELEGATIONS: [(&str, &str); 4] = [
    ("Folketing delegation (demo)", "DNK"),
    ("Parliament of Ghana delegation (demo)", "GHA"),
    ("Chamber of Deputies of Chile delegation (demo)", "CHL"),
    ("Lok Sabha delegation (demo)", "IND"),
];

/// (organ, name, country, kind, description, (yes, no, abstain) in the network's decision).
type Candidate = (
    &'static str,
    &'static str,
    &'static str,
    AccreditationKind,
    &'static str,
    (u32, u32, u32),
);

/// Who asks to sit in the networks, in the order of the requests.
fn candidates() -> impl Iterator<Item = Candidate> {
    [
        (
            "civil_society_network",
            "Viasna Human Rights Centre",
            "BLR",
            AccreditationKind::CivilSocietyOrganisation,
            "Belarusian human rights organisation documenting political prisoners (Nobel Peace Prize 2022).",
            (180, 12, 5),
        ),
        (
            "parliamentary_network",
            "Democratic opposition of Venezuela (Plataforma Unitaria)",
            "VEN",
            AccreditationKind::OppositionLeader,
            "The coalition of Venezuela's democratic opposition parties, represented by its elected deputies.",
            (151, 40, 11),
        ),
    ]
    .into_iter()
    .chain(DEMO_ORGANISATIONS.iter().map(|(name, country, description)| {
        (
            "civil_society_network",
            *name,
            *country,
            AccreditationKind::CivilSocietyOrganisation,
            *description,
            (160, 9, 4),
        )
    }))
    .chain(DEMO_DELEGATIONS.iter().map(|(name, country)| {
        (
            "parliamentary_network",
            *name,
            *country,
            AccreditationKind::Parliamentarian,
            "The delegation its national parliament sends to the network (demo).",
            (171, 5, 2),
        )
    }))
}

/// Accreditation (seed 001 point 5, seed 003): organisations and opposition leaders from
/// any country ask to sit in the networks; the Civil Society Network decides.
pub(super) async fn accreditations(inst: &Institution, now: Timestamp) -> anyhow::Result<()> {
    let decides = inst
        .state()
        .await
        .charter
        .as_ref()
        .and_then(|a| a.charter.decision("accreditation"))
        .is_some_and(|d| d.organ == "civil_society_network");
    if !decides {
        return Ok(());
    }
    let sec = actor("secretariat")?;
    let exec = |who: Actor, cmd: Command| record(inst, now, who, cmd);
    for (organ, name, country, kind, description, division) in candidates() {
        exec(
            sec.clone(),
            Command::Network(network::Command::RequestAccreditation {
                organ: organ.into(),
                name: name.into(),
                country: Iso3::parse(country)?,
                kind,
                description: description.into(),
            }),
        )
        .await?;
        let id = inst.state().await.accreditations.len() as u64;
        exec(
            actor("ngo")?,
            Command::Network(network::Command::DecideAccreditation {
                accreditation: id,
                yes: division.0,
                no: division.1,
                abstain: division.2,
            }),
        )
        .await?;
    }
    Ok(())
}

/// The networks' powers: the Parliamentary Network tables a resolution by right; the
/// Council adopts it; the Civil Society Network objects by more than two thirds of its
/// votes and sends it back; the Council adopts it again on its second reading.
pub(super) async fn objection(
    inst: &Institution,
    now: Timestamp,
    council: &str,
) -> anyhow::Result<()> {
    let resolution_in_council = inst
        .state()
        .await
        .charter
        .as_ref()
        .and_then(|a| a.charter.decision("resolution"))
        .is_some_and(|d| {
            d.organ == council
                && d.objection
                    .as_ref()
                    .is_some_and(|o| o.organ == "civil_society_network")
        });
    if !resolution_in_council {
        return Ok(());
    }
    record(inst, now, actor("mp")?, Command::Motion(motion::Command::TableMotion {
        decision: "resolution".into(),
        title: "Observers for members' national elections".into(),
        text: "The Council invites every member to receive an election observation mission of the Parliamentary Network at its next national election.".into(),
        sponsor: Seat::Organ("parliamentary_network".into()),
    }))
    .await?;
    let m = newest_motion(inst).await.unwrap_or(0);
    vote_through(inst, now, m, Vec::new()).await?;
    // The objection is a roll call of the network's accredited members on the platform:
    // each votes by name; more than two thirds of the votes cast send it back.
    network_roll_call(
        inst,
        now,
        m,
        "civil_society_network",
        NetworkAct::Objection,
        |i| match i % 6 {
            4 => Some(Vote::No),
            5 => Some(Vote::Abstain),
            _ => Some(Vote::Yes),
        },
        true,
    )
    .await?;
    // Second reading: back from debate to the vote.
    roll_call(
        inst,
        now,
        m,
        |i, _| if i % 3 == 0 { Vote::No } else { Vote::Yes },
    )
    .await
}

/// A charter amendment the Parliamentary Network co-decides: its roll call is open, and
/// the demo account `opposition` (accreditation 2) has not voted yet.
pub(super) async fn co_decision(inst: &Institution, now: Timestamp) -> anyhow::Result<()> {
    let amendment_co_decided = inst
        .state()
        .await
        .charter
        .as_ref()
        .and_then(|a| a.charter.decision("charter_amendment"))
        .is_some_and(|d| d.co_decision.iter().any(|o| o == "parliamentary_network"));
    if !amendment_co_decided || !inst.state().await.accreditations.contains_key(&2) {
        return Ok(());
    }
    record(
        inst,
        now,
        actor("delegate:DNK")?,
        Command::Motion(motion::Command::TableMotion {
            decision: "charter_amendment".into(),
            title: "The Citizens' Assembly may propose charter amendments".into(),
            text: "In the decision kind charter_amendment, tabled_by gains citizens_assembly: the Citizens' Assembly may table amendments to this charter, which the Summit and the Parliamentary Network then decide.".into(),
            sponsor: Seat::State(Iso3::parse("DNK")?),
        }),
    )
    .await?;
    let m = newest_motion(inst).await.unwrap_or(0);
    network_roll_call(
        inst,
        now,
        m,
        "parliamentary_network",
        NetworkAct::CoDecision,
        |i| match i {
            0 => None,
            i if i % 4 == 3 => Some(Vote::No),
            _ => Some(Vote::Yes),
        },
        false,
    )
    .await
}
