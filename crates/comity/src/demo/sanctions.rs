//! Joint smart sanctions in the demo, on real listings (`data/sanctions/demo_listings.toml`:
//! persons and entities sanctioned by the EU and the US Treasury, written by hand from the
//! official notices, their sources named). Dated in 2021–22, after the caucus's session 74:
//! the Governing Council's seats are assigned, then each target is proposed by the Council
//! (through the secretariat) on the grounds its notice gives, the Civil Society Network gives
//! its opinion, and the Council votes by its double majority. One proposal is rejected
//! (Andrii Derkach), which leaves one pair on the consistency page with the Internet Research
//! Agency (the same ground C2 and grade B) awaiting its justification. Members implement the
//! listings at different dates, one declines, the others are left pending past the deadline;
//! a release of the consolidated list is published, and Bastrykin's listing is reviewed and
//! renewed a year on.

use anyhow::Context;
use comity_core::ids::Day;
use comity_core::motion::{self, Seat};
use comity_core::sanctions::{self, Evidence, Grade, Source, Target, TargetSchema};
use comity_core::{Command, Iso3, Timestamp, base, network};
use comity_store::Institution;
use comity_voting::rules::Vote;
use serde::Deserialize;

use super::{actor, record};

const LISTINGS: &str = include_str!("../../../../data/sanctions/demo_listings.toml");

/// The target the demo's Council rejects.
const REJECTED: &str = "andrii-derkach";

#[derive(Deserialize)]
struct File {
    target: Vec<Listing>,
}

#[derive(Deserialize)]
struct Listing {
    key: String,
    schema: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    weak_aliases: Vec<String>,
    #[serde(default)]
    birth_date: String,
    #[serde(default)]
    nationalities: Vec<String>,
    grounds: Vec<String>,
    reasons: String,
    sources: Vec<ListedSource>,
}

#[derive(Deserialize)]
struct ListedSource {
    title: String,
    url: String,
    date: String,
    grade: String,
}

fn at(s: &str) -> anyhow::Result<Timestamp> {
    Timestamp::parse(s).map_err(anyhow::Error::from)
}

fn day(s: &str) -> anyhow::Result<Day> {
    Day::parse(s).map_err(anyhow::Error::from)
}

impl Listing {
    fn target(&self) -> anyhow::Result<Target> {
        Ok(Target {
            schema: TargetSchema::parse(&self.schema)
                .with_context(|| format!("{}: schema {:?}", self.key, self.schema))?,
            name: self.name.clone(),
            aliases: self.aliases.clone(),
            weak_aliases: self.weak_aliases.clone(),
            birth_dates: Some(self.birth_date.clone())
                .filter(|d| !d.is_empty())
                .into_iter()
                .collect(),
            nationalities: self.nationalities.clone(),
            identifiers: Vec::new(),
            addresses: Vec::new(),
        })
    }

    /// The evidence: its sources, graded by the best of them.
    fn evidence(&self) -> anyhow::Result<Evidence> {
        let mut grade = Grade::D;
        let mut sources = Vec::new();
        for s in &self.sources {
            let g = Grade::parse(&s.grade)
                .with_context(|| format!("{}: grade {:?}", self.key, s.grade))?;
            grade = grade.min(g);
            sources.push(Source {
                title: s.title.clone(),
                url: Some(s.url.clone()).filter(|u| !u.is_empty()),
                date: Some(day(&s.date)?),
            });
        }
        Ok(Evidence { grade, sources })
    }
}

/// Seconds after `t`.
fn later(t: Timestamp, seconds: i64) -> Timestamp {
    Timestamp::from_unix(t.unix() + seconds)
}

pub(super) async fn sanctions(inst: &Institution) -> anyhow::Result<()> {
    let file: File = toml::from_str(LISTINGS).context("data/sanctions/demo_listings.toml")?;
    let Some((council, seats)) = super::motion::council_seats(&*inst.state().await)? else {
        return Ok(());
    };
    if sanctions::spec(&*inst.state().await).is_none() {
        return Ok(());
    }
    let sec = actor("secretariat")?;
    let mut t = at("2021-03-15T09:00:00Z")?;
    record(
        inst,
        t,
        sec.clone(),
        Command::Base(base::Command::AssignSeats {
            organ: council.clone(),
            states: seats.clone(),
        }),
    )
    .await?;
    for listing in &file.target {
        t = later(t, 86_400);
        record(
            inst,
            t,
            sec.clone(),
            Command::Sanctions(sanctions::Command::ProposeListing {
                target: listing.target()?,
                grounds: listing.grounds.clone(),
                evidence: listing.evidence()?,
                reasons: listing.reasons.clone(),
                sponsor: Seat::Organ(council.clone()),
            }),
        )
        .await?;
        let m = super::newest_motion(inst).await.unwrap_or(0);
        record(
            inst,
            later(t, 3_600),
            actor("ngo")?,
            Command::Network(network::Command::GiveOpinion {
                motion: m,
                organ: "civil_society_network".into(),
                position: network::Position::Favourable,
                text: "The grounds are value-based and the evidence is an official act; the Network asks that the statement of reasons be published with the listing.".into(),
            }),
        )
        .await?;
        let open = later(t, 7_200);
        record(
            inst,
            open,
            sec.clone(),
            Command::Motion(motion::Command::OpenDebate { motion: m }),
        )
        .await?;
        record(
            inst,
            open,
            sec.clone(),
            Command::Motion(motion::Command::OpenVote {
                motion: m,
                closes_at: later(open, 86_400),
                order: None,
            }),
        )
        .await?;
        let reject = listing.key == REJECTED;
        for (i, s) in seats.iter().enumerate() {
            let vote = match (reject, i % 3) {
                (true, 0) => Vote::Yes,
                (true, _) => Vote::No,
                (false, 2) if i % 5 == 0 => Vote::Abstain,
                (false, _) => Vote::Yes,
            };
            record(
                inst,
                later(open, 600),
                actor(&format!("delegate:{s}"))?,
                Command::Motion(motion::Command::CastVote {
                    motion: m,
                    state: s.clone(),
                    vote,
                }),
            )
            .await?;
        }
        record(
            inst,
            later(open, 86_400),
            sec.clone(),
            Command::Motion(motion::Command::CloseVote {
                motion: m,
                casting_vote: None,
            }),
        )
        .await?;
        t = later(open, 86_400);
    }
    // The first release of the consolidated list, once the listings are decided.
    let release = {
        let state = inst.state().await;
        comity_server::sanctions::pages::release_cmd(&state)
    };
    record(inst, later(t, 3_600), sec.clone(), release).await?;
    national_acts(inst).await?;
    // A year on, Bastrykin's listing is reviewed and renewed.
    let first = inst
        .state()
        .await
        .sanctions
        .cases
        .values()
        .find(|c| c.status() == sanctions::Status::Listed)
        .map(|c| c.id);
    if let Some(case) = first {
        record(
            inst,
            at("2022-03-20T10:00:00Z")?,
            sec,
            Command::Sanctions(sanctions::Command::ReviewListing {
                case,
                renew: true,
                reasons: "The person still heads the body responsible for the acts listed; no new fact calls the grounds into question.".into(),
                sponsor: Seat::Organ(council),
            }),
        )
        .await?;
    }
    Ok(())
}

/// Members' national acts on the listings in force: adopted at different dates (a lag of a
/// week to several months), one declined, the rest pending past the deadline.
async fn national_acts(inst: &Institution) -> anyhow::Result<()> {
    let (cases, members): (Vec<(u64, Day)>, Vec<Iso3>) = {
        let state = inst.state().await;
        (
            state
                .sanctions
                .in_force()
                .filter_map(|c| Some((c.id, c.listed_on()?)))
                .collect(),
            state.members.keys().take(12).cloned().collect(),
        )
    };
    let mut acts = Vec::new();
    for (k, (case, listed)) in cases.iter().enumerate() {
        for (i, m) in members.iter().enumerate() {
            // Every third member of the twelve leaves the later listings pending.
            if i % 3 == 2 && k > 0 {
                continue;
            }
            let declined = i == 7 && k == 0;
            let lag = 7 + ((i * 13 + k * 29) % 120) as i64;
            let on = Day::from_date(listed.date() + time::Duration::days(lag));
            let text = if declined {
                "National law allows no asset freeze without a domestic court order; the government has asked parliament for the power.".to_owned()
            } else {
                format!(
                    "Ministerial order {}/{} ({})",
                    on.date().year(),
                    40 + i + 10 * k,
                    m
                )
            };
            acts.push((on, *case, m.clone(), !declined, text));
        }
    }
    // Recorded in the order they happened.
    acts.sort_by_key(|a| (a.0, a.1));
    for (on, case, m, adopted, text) in acts {
        record(
            inst,
            Timestamp::from_unix(on.date().midnight().assume_utc().unix_timestamp() + 36_000),
            actor(&format!("delegate:{m}"))?,
            Command::Sanctions(sanctions::Command::RecordImplementation {
                case,
                state: m,
                adopted,
                day: on,
                text,
            }),
        )
        .await?;
    }
    Ok(())
}
