//! Consultations in the demo (issue 17), written for the demo (respondents and their answers
//! are invented; the questions follow seed 002's account of the Global Digital Compact).
//!
//! - **One concluded** (September to December 2022, before the initiatives): the Governing
//!   Council consults states, organisations and anyone on its priorities for the Compact
//!   (`consultations/global-digital-compact.toml`); states and people respond, two of them
//!   in confidence; the close; the synthesis, adopted by a resolution of the Council under
//!   its rule; and the Council's common position, linked as the decision it informed.
//! - **One open now**, of the Working Group on Democratic Resilience: accredited
//!   organisations and anyone may respond; the first submissions are in.

use std::collections::BTreeMap;

use anyhow::Context;
use comity_core::consultations::{self, Answer, Respondent, file};
use comity_core::ids::Day;
use comity_core::motion::{self, Seat};
use comity_core::network::AccreditationStatus;
use comity_core::{Command, Iso3, Timestamp};
use comity_store::Institution;
use comity_voting::rules::Vote;

use super::{actor, newest_motion, record};

const GDC: &str = include_str!("../../../../consultations/global-digital-compact.toml");

fn at(s: &str) -> anyhow::Result<Timestamp> {
    Timestamp::parse(s).map_err(anyhow::Error::from)
}

fn later(t: Timestamp, seconds: i64) -> Timestamp {
    Timestamp::from_unix(t.unix() + seconds)
}

fn iso(s: &str) -> anyhow::Result<Iso3> {
    Iso3::parse(s).map_err(anyhow::Error::from)
}

async fn run(
    inst: &Institution,
    t: Timestamp,
    who: &str,
    cmd: consultations::Command,
) -> anyhow::Result<()> {
    record(inst, t, actor(who)?, Command::Consultations(cmd)).await
}

/// One respondent of the concluded consultation: who, the theme first (0–3), the two
/// scales, a text, and whether in confidence.
struct Said {
    who: Who,
    first: u32,
    algorithms: u8,
    shutdowns: u8,
    text: &'static str,
    confidential: bool,
}

enum Who {
    State(&'static str),
    Person(&'static str, &'static str, Option<&'static str>),
}

const SAID: &[Said] = &[
    Said {
        who: Who::State("DNK"),
        first: 2,
        algorithms: 5,
        shutdowns: 5,
        text: "Human rights apply online as offline: the Compact should say so in its first article and name the rights at stake — expression, privacy, assembly.",
        confidential: false,
    },
    Said {
        who: Who::State("BRA"),
        first: 0,
        algorithms: 4,
        shutdowns: 4,
        text: "A third of humanity is offline. Without meaningful connectivity, the other principles are promises to the connected.",
        confidential: false,
    },
    Said {
        who: Who::State("DEU"),
        first: 3,
        algorithms: 5,
        shutdowns: 5,
        text: "Platforms should answer for how they amplify disinformation; the Compact should point to audits by independent researchers.",
        confidential: false,
    },
    Said {
        who: Who::State("IND"),
        first: 0,
        algorithms: 3,
        shutdowns: 2,
        text: "Digital public infrastructure is how connectivity reaches people; shutdowns may be needed as a last resort in emergencies.",
        confidential: false,
    },
    Said {
        who: Who::State("JPN"),
        first: 1,
        algorithms: 4,
        shutdowns: 4,
        text: "Data free flow with trust: one internet, interoperable standards, no splinternet.",
        confidential: false,
    },
    Said {
        who: Who::State("ZAF"),
        first: 0,
        algorithms: 4,
        shutdowns: 4,
        text: "Connectivity and affordability first, with the African Union's digital transformation strategy as a model.",
        confidential: false,
    },
    Said {
        who: Who::State("CAN"),
        first: 2,
        algorithms: 5,
        shutdowns: 5,
        text: "The Freedom Online Coalition's statements on shutdowns and on surveillance should be the floor, not the ceiling.",
        confidential: false,
    },
    Said {
        who: Who::State("KEN"),
        first: 1,
        algorithms: 3,
        shutdowns: 5,
        text: "Keep the internet whole: national rules that fragment it hurt small economies first.",
        confidential: false,
    },
    Said {
        who: Who::Person(
            "Amira Haddad",
            "FRA",
            Some("Observatoire des libertés numériques"),
        ),
        first: 2,
        algorithms: 5,
        shutdowns: 5,
        text: "Ask for a ban on the export of spyware to governments that target journalists.",
        confidential: false,
    },
    Said {
        who: Who::Person("Tomás Ferreira", "PRT", None),
        first: 3,
        algorithms: 5,
        shutdowns: 4,
        text: "I want to know why I see what I see. Transparency of ranking should be a right of users, not a favour of companies.",
        confidential: false,
    },
    Said {
        who: Who::Person("Wanjiru Mwangi", "KEN", Some("Youth for Digital Rights")),
        first: 0,
        algorithms: 4,
        shutdowns: 5,
        text: "Young people are the most connected and the most exposed. Include us in the Compact's follow-up.",
        confidential: false,
    },
    Said {
        who: Who::Person("Jonas Larsen", "NOR", None),
        first: 1,
        algorithms: 2,
        shutdowns: 3,
        text: "Binding rules on algorithms belong to national law and regional law, not to a UN compact.",
        confidential: false,
    },
    Said {
        who: Who::Person(
            "Priya Raman",
            "IND",
            Some("a newsroom's digital security desk"),
        ),
        first: 2,
        algorithms: 5,
        shutdowns: 5,
        text: "Reporters covering elections were targeted with spyware; we ask the alliance to press for remedies for the people targeted.",
        confidential: true,
    },
    Said {
        who: Who::Person("Leila Nasser", "TUN", None),
        first: 2,
        algorithms: 4,
        shutdowns: 5,
        text: "During the last shutdown I could not reach my family for four days. No exception.",
        confidential: true,
    },
];

fn answers(s: &Said) -> BTreeMap<u32, Answer> {
    [
        (1, Answer::Choice(s.first)),
        (2, Answer::Scale(s.algorithms)),
        (3, Answer::Scale(s.shutdowns)),
        (4, Answer::Text(s.text.to_owned())),
    ]
    .into_iter()
    .collect()
}

/// The Council's roll call on motion `m`: every seat votes yes but the two it lists.
async fn council_vote(
    inst: &Institution,
    t: Timestamp,
    m: u64,
    seats: &[Iso3],
    against: &[&str],
) -> anyhow::Result<Timestamp> {
    let sec = "secretariat";
    record(
        inst,
        t,
        actor(sec)?,
        Command::Motion(motion::Command::OpenDebate { motion: m }),
    )
    .await?;
    record(
        inst,
        t,
        actor(sec)?,
        Command::Motion(motion::Command::OpenVote {
            motion: m,
            closes_at: later(t, 86_400),
            order: None,
        }),
    )
    .await?;
    for s in seats {
        let vote = if against.contains(&s.as_str()) {
            Vote::Abstain
        } else {
            Vote::Yes
        };
        record(
            inst,
            later(t, 3_600),
            actor(&format!("delegate:{s}"))?,
            Command::Motion(motion::Command::CastVote {
                motion: m,
                state: s.clone(),
                vote,
            }),
        )
        .await?;
    }
    let close = later(t, 86_400);
    record(
        inst,
        close,
        actor(sec)?,
        Command::Motion(motion::Command::CloseVote {
            motion: m,
            casting_vote: None,
        }),
    )
    .await?;
    Ok(close)
}

/// The concluded consultation on the Global Digital Compact (2022).
pub(super) async fn concluded(inst: &Institution) -> anyhow::Result<()> {
    let Some((council, seats)) = super::motion::council_seats(&*inst.state().await)? else {
        return Ok(());
    };
    let open = file::parse("consultations/global-digital-compact.toml", GDC)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let consultations::Command::Open { organ, .. } = &open else {
        return Ok(());
    };
    if *organ != council {
        return Ok(());
    }
    let mut t = at("2022-09-05T09:00:00Z")?;
    run(inst, t, "secretariat", open).await?;
    let id = inst
        .state()
        .await
        .consultations
        .consultations
        .keys()
        .next_back()
        .copied()
        .context("the consultation just opened")?;
    t = at("2022-09-13T10:00:00Z")?;
    for s in SAID {
        let (who, respondent) = match s.who {
            Who::State(code) => (
                format!("delegate:{code}"),
                Respondent::State { state: iso(code)? },
            ),
            Who::Person(name, country, organisation) => (
                "public".to_owned(),
                Respondent::Person {
                    name: name.into(),
                    country: iso(country)?,
                    organisation: organisation.map(str::to_owned),
                },
            ),
        };
        if let Respondent::State { state } = &respondent
            && !inst.state().await.members.contains_key(state)
        {
            continue;
        }
        run(
            inst,
            t,
            &who,
            consultations::Command::Submit {
                consultation: id,
                respondent,
                answers: answers(s),
                confidential: s.confidential,
            },
        )
        .await?;
        t = later(t, 5 * 86_400 + 3_600);
    }
    run(
        inst,
        at("2022-12-01T09:00:00Z")?,
        "secretariat",
        consultations::Command::Close { consultation: id },
    )
    .await?;
    // The synthesis, drafted by the secretariat and adopted by a resolution of the Council.
    let t = at("2022-12-05T09:00:00Z")?;
    record(
        inst,
        t,
        actor("secretariat")?,
        Command::Motion(motion::Command::TableMotion {
            decision: "resolution".into(),
            title: "Synthesis of the consultation on a Global Digital Compact".into(),
            text: SYNTHESIS.into(),
            sponsor: Seat::Organ(council.clone()),
        }),
    )
    .await?;
    let m = newest_motion(inst)
        .await
        .context("the synthesis's motion")?;
    let t = council_vote(inst, t, m, &seats, &[]).await?;
    run(
        inst,
        later(t, 600),
        "secretariat",
        consultations::Command::AdoptSynthesis {
            consultation: id,
            motion: m,
        },
    )
    .await?;
    // The decision it informed: the Council's position for the UN's consultation.
    let t = at("2022-12-12T09:00:00Z")?;
    record(
        inst,
        t,
        actor("secretariat")?,
        Command::Motion(motion::Command::TableMotion {
            decision: "resolution".into(),
            title: "The alliance's common position for the Global Digital Compact".into(),
            text: POSITION.into(),
            sponsor: Seat::Organ(council),
        }),
    )
    .await?;
    let p = newest_motion(inst).await.context("the position's motion")?;
    let t = council_vote(inst, t, p, &seats, &["IND"]).await?;
    run(
        inst,
        later(t, 600),
        "secretariat",
        consultations::Command::LinkDecision {
            consultation: id,
            motion: p,
            note: "The position takes up the synthesis's three asks: rights online first, no shutdowns, transparency of ranking.".into(),
        },
    )
    .await
}

const SYNTHESIS: &str = "The consultation ran from 12 September to 30 November 2022. Eight member states and six people responded, two of them in confidence.

Respondents put human rights online and universal connectivity first; states of the Global South put connectivity first, most others rights online. A clear majority agreed that the largest platforms should publish how their algorithms rank content, and that the alliance should oppose internet shutdowns without exception; one state would keep shutdowns as a last resort in emergencies.

The Council takes note of the consultation and of this synthesis, and asks the secretariat to draft the alliance's common position on this basis.";

const POSITION: &str = "The members of the alliance will ask, in the negotiation of the Global Digital Compact, that the Compact (1) state that human rights apply online as offline; (2) commit states not to shut down the internet; (3) ask the largest platforms to publish how their algorithms rank content, with audits by independent researchers; and (4) put meaningful connectivity for all at the centre of its follow-up.";

/// The consultation open now, of the Working Group on Democratic Resilience.
pub(super) async fn open_now(inst: &Institution, now: Timestamp) -> anyhow::Result<()> {
    let (organ, orgs) = {
        let st = inst.state().await;
        let Some(ch) = st.charter.as_ref().map(|c| &c.charter) else {
            return Ok(());
        };
        let Some(organ) = ch.organ("wg_resilience").map(|o| o.id.clone()) else {
            return Ok(());
        };
        let orgs: Vec<u64> = st
            .accreditations
            .values()
            .filter(|a| a.status == AccreditationStatus::Accredited)
            .map(|a| a.id)
            .take(2)
            .collect();
        (organ, orgs)
    };
    let today = Day::of(now).context("the clock is outside the calendar")?;
    let closes = Day::from_date(today.date() + time::Duration::days(45));
    run(
        inst,
        now,
        "secretariat",
        consultations::Command::Open {
            organ,
            title: "Protecting elections from disinformation at home".into(),
            question: "The Working Group prepares recommendations to members on protecting their elections from disinformation without restricting free expression. What works, and what should members avoid?".into(),
            questions: vec![
                consultations::Question {
                    number: 1,
                    text: "Which measure has done most to protect elections where you live?".into(),
                    kind: consultations::QuestionKind::Choice {
                        options: vec![
                            "Fact-checking by independent organisations".into(),
                            "Transparency of online political advertising".into(),
                            "Media literacy in schools".into(),
                            "Rules for platforms during campaigns".into(),
                        ],
                    },
                },
                consultations::Question {
                    number: 2,
                    text: "Laws against 'false news' do more harm than good.".into(),
                    kind: consultations::QuestionKind::Scale,
                },
                consultations::Question {
                    number: 3,
                    text: "Tell us about a measure that worked, or one that backfired.".into(),
                    kind: consultations::QuestionKind::Text,
                },
            ],
            opens: today,
            closes,
            audience: consultations::Audience {
                organisations: true,
                states: false,
                public: true,
            },
        },
    )
    .await?;
    let id = inst
        .state()
        .await
        .consultations
        .consultations
        .keys()
        .next_back()
        .copied()
        .context("the consultation just opened")?;
    let texts = [
        "Ad libraries with the sponsor, the spend and the targeting of every political advertisement let journalists follow the money during the last campaign.",
        "Fact-checkers reached few people; prebunking videos before the vote reached many more.",
    ];
    for (k, (a, text)) in orgs.iter().zip(texts).enumerate() {
        run(
            inst,
            now,
            &format!("accredited:{a}"),
            consultations::Command::Submit {
                consultation: id,
                respondent: Respondent::Organisation { accreditation: *a },
                answers: [
                    (1, Answer::Choice(if k == 0 { 1 } else { 2 })),
                    (2, Answer::Scale(if k == 0 { 5 } else { 4 })),
                    (3, Answer::Text(text.into())),
                ]
                .into_iter()
                .collect(),
                confidential: false,
            },
        )
        .await?;
    }
    run(
        inst,
        now,
        "public",
        consultations::Command::Submit {
            consultation: id,
            respondent: Respondent::Person {
                name: "Zofia Nowak".into(),
                country: iso("POL")?,
                organisation: None,
            },
            answers: [(1, Answer::Choice(2)), (2, Answer::Scale(4))]
                .into_iter()
                .collect(),
            confidential: false,
        },
    )
    .await
}
