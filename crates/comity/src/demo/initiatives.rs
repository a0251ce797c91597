//! Citizens' initiatives in the demo (issue 17): three initiatives, written for the demo
//! (their titles and committees are invented; the threshold is the charter's).
//!
//! - **One passed and answered** (2023–24): paper batches handed in by the organisers and an
//!   online batch, the collection closed, a seed published, three members certified by
//!   sample, the verdict, and the Governing Council's answer.
//! - **One failed its per-member minimums** (2024–25): more than a million signatures, but
//!   too few members at their minimum.
//! - **One collecting now**, with a live gauge: synthetic online signatures from a seeded
//!   generator (with exact duplicates, refused and counted nowhere, and likely duplicates,
//!   struck by verification and journaled), and paper batches from the committee's members.
//!
//! The synthetic signatories are made here, in the binary (the domain draws no randomness):
//! a fixed seed gives the same demo every time.

use std::collections::BTreeMap;

use anyhow::Context;
use comity_core::initiatives::{self, Channel, CommitteeMember, SignatureForm};
use comity_core::journal::Hash;
use comity_core::{Actor, Command, Iso3, Timestamp};
use comity_store::Institution;
use comity_store::side::SignatureRow;

use super::{Mix as Rng, actor, record};

/// Online signatures of the initiative collecting now.
pub const COLLECTING_SIGNATURES: usize = 200_000;

fn at(s: &str) -> anyhow::Result<Timestamp> {
    Timestamp::parse(s).map_err(anyhow::Error::from)
}

fn later(t: Timestamp, days: i64) -> Timestamp {
    Timestamp::from_unix(t.unix() + days * 86_400)
}

const GIVEN: &[&str] = &[
    "Ana", "Amira", "Bruno", "Chen", "Dario", "Elena", "Farah", "Gustavo", "Hana", "Ingrid",
    "Jonas", "Kofi", "Leila", "Mateus", "Nadia", "Omar", "Priya", "Quentin", "Rosa", "Sven",
    "Tomás", "Ursula", "Vikram", "Wanjiru", "Ximena", "Yusuf", "Zofia", "José", "Åsa", "Zoë",
];
const FAMILY: &[&str] = &[
    "Silva",
    "Müller",
    "Nguyen",
    "Kowalski",
    "Okafor",
    "Rossi",
    "García",
    "Tanaka",
    "Haddad",
    "Novak",
    "Jensen",
    "Mensah",
    "Popescu",
    "Fernandes",
    "Kim",
    "Larsen",
    "Moreau",
    "Singh",
    "O'Brien",
    "Horvath",
    "Ivanova",
    "Yılmaz",
    "Costa",
    "Bianchi",
    "Schmidt",
    "Dubois",
];

/// Members in a fixed order with their populations, the largest first.
fn members(state: &comity_core::State) -> Vec<(Iso3, u64)> {
    let mut v: Vec<(Iso3, u64)> = state
        .members
        .keys()
        .map(|s| {
            let p = state
                .registry
                .country(s)
                .and_then(|c| c.population)
                .unwrap_or(0);
            (s.clone(), p)
        })
        .collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    v
}

/// Paper counts: the `meeting` members with the largest minimums at 105–140 % of theirs, the
/// others at 5–40 %.
fn paper_counts(
    minimums: &BTreeMap<Iso3, u64>,
    order: &[(Iso3, u64)],
    meeting: usize,
    rng: &mut Rng,
) -> BTreeMap<Iso3, u64> {
    let mut out = BTreeMap::new();
    for (k, (s, _)) in order.iter().enumerate() {
        let Some(min) = minimums.get(s) else { continue };
        let pct = if k < meeting {
            105 + rng.below(36)
        } else {
            5 + rng.below(36)
        };
        out.insert(s.clone(), min * pct / 100);
    }
    out
}

fn committee(names: &[(&str, &str)]) -> anyhow::Result<Vec<CommitteeMember>> {
    names
        .iter()
        .map(|(n, s)| {
            Ok(CommitteeMember {
                name: (*n).to_owned(),
                state: Iso3::parse(s)?,
            })
        })
        .collect()
}

/// Split `counts` into `parts` batches of about equal size.
fn split(counts: &BTreeMap<Iso3, u64>, parts: u64) -> Vec<BTreeMap<Iso3, u64>> {
    (0..parts)
        .map(|k| {
            counts
                .iter()
                .map(|(s, n)| {
                    let share = n / parts + u64::from(k < n % parts);
                    (s.clone(), share)
                })
                .filter(|(_, n)| *n > 0)
                .collect()
        })
        .collect()
}

async fn run(inst: &Institution, t: Timestamp, cmd: initiatives::Command) -> anyhow::Result<()> {
    record(inst, t, actor("secretariat")?, Command::Initiatives(cmd)).await
}

/// The number of the initiative registered last.
async fn newest(inst: &Institution) -> u64 {
    inst.state()
        .await
        .initiatives
        .initiatives
        .keys()
        .next_back()
        .copied()
        .unwrap_or(0)
}

/// Paper batches of `counts`, a week apart from `t`; the demo's organisers' files are their
/// counts as CSV, whose SHA-256 the journal keeps.
async fn paper(
    inst: &Institution,
    mut t: Timestamp,
    id: u64,
    counts: &BTreeMap<Iso3, u64>,
    parts: u64,
) -> anyhow::Result<Timestamp> {
    for (k, batch) in split(counts, parts).into_iter().enumerate() {
        let mut file = String::from("country,signatures\n");
        for (s, n) in &batch {
            file.push_str(&format!("{s},{n}\n"));
        }
        let sheets = batch.values().sum::<u64>().div_ceil(10);
        run(
            inst,
            t,
            initiatives::Command::RecordSignatures {
                initiative: id,
                channel: Channel::Paper,
                counts: batch,
                rows_sha256: Hash::of(file.as_bytes()),
                sheets,
                source: format!("organisers' paper sheets, delivery {}", k + 1),
            },
        )
        .await?;
        t = later(t, 7);
    }
    Ok(t)
}

/// Register, find admissible and open on the next day.
async fn open(
    inst: &Institution,
    t: Timestamp,
    title: &str,
    objective: &str,
    members: &[(&str, &str)],
) -> anyhow::Result<u64> {
    run(
        inst,
        t,
        initiatives::Command::Register {
            title: title.into(),
            objective: objective.into(),
            committee: committee(members)?,
        },
    )
    .await?;
    let id = newest(inst).await;
    let decided = later(t, 30);
    let opens = comity_core::ids::Day::of(later(decided, 1)).context("a demo day")?;
    run(
        inst,
        decided,
        initiatives::Command::DecideAdmissibility {
            initiative: id,
            admissible: true,
            reasons: "The initiative is within the alliance's powers (principles 6 and 11), is not manifestly abusive, frivolous or vexatious, and is not contrary to the charter's values.".into(),
            opens,
        },
    )
    .await?;
    Ok(id)
}

pub(super) async fn initiatives(inst: &Institution, now: Timestamp) -> anyhow::Result<()> {
    let (order, minimums) = {
        let st = inst.state().await;
        if initiatives::spec(&st).is_none() {
            return Ok(());
        }
        let minimums = {
            let sx = initiatives::spec(&st).context("[initiatives]")?;
            let rule = initiatives::Rule::from_spec(&sx.threshold);
            let day = comity_core::ids::Day::of(now).context("today")?;
            let table = rule.table_on(day).context("a threshold table for today")?;
            let pops: BTreeMap<String, u64> = members(&st)
                .into_iter()
                .map(|(s, p)| (s.to_string(), p))
                .collect();
            rule.resolve(table, &pops)
                .minimums
                .into_iter()
                .filter_map(|(c, m)| Some((Iso3::parse(&c).ok()?, m)))
                .collect::<BTreeMap<_, _>>()
        };
        (members(&st), minimums)
    };
    let mut rng = Rng(0x0C0_11D_E11);
    let committee_a = [
        ("Maria Lopes", "PRT"),
        ("Jan de Vries", "NLD"),
        ("Aiko Sato", "JPN"),
        ("Kwame Boateng", "GHA"),
        ("Lucía Fernández", "ARG"),
        ("Priya Raman", "IND"),
        ("Emma Lindqvist", "SWE"),
    ];
    let committee_b = [
        ("Tomasz Nowak", "POL"),
        ("Sofia Rossi", "ITA"),
        ("Daniel Cohen", "CAN"),
        ("Ama Owusu", "GHA"),
        ("Rafael Souza", "BRA"),
        ("Hye-jin Park", "KOR"),
        ("Lena Fischer", "DEU"),
    ];
    let committee_c = [
        ("Olivia Brown", "AUS"),
        ("Mateo Gómez", "CHL"),
        ("Nomvula Dlamini", "ZAF"),
        ("Ravi Mehta", "IND"),
        ("Claire Martin", "FRA"),
        ("Kenji Watanabe", "JPN"),
        ("Eva Horvat", "HRV"),
    ];

    // A: passed and answered.
    let t = at("2023-01-16T09:00:00Z")?;
    let a = open(
        inst,
        t,
        "A UN Parliamentary Assembly",
        "We ask the alliance to propose, at the United Nations, a Parliamentary Assembly of elected representatives as an advisory body to the General Assembly, and to coordinate its members' support for it in the UN Democracy Caucus.",
        &committee_a,
    )
    .await?;
    let counts = paper_counts(&minimums, &order, 40, &mut rng);
    let t = paper(inst, later(t, 60), a, &counts, 8).await?;
    let close = later(t, 300);
    run(
        inst,
        close,
        initiatives::Command::CloseCollection { initiative: a },
    )
    .await?;
    run(
        inst,
        later(close, 1),
        initiatives::Command::PublishSeed {
            initiative: a,
            seed: "unpa-2024-certification-draw".into(),
        },
    )
    .await?;
    for (k, (s, _)) in order.iter().take(3).enumerate() {
        let sample = 1000;
        run(
            inst,
            later(close, 20 + k as i64),
            initiatives::Command::Certify {
                initiative: a,
                state: s.clone(),
                sample,
                valid: sample - 8 - 3 * k as u64,
            },
        )
        .await?;
    }
    let verdict = later(close, 40);
    run(
        inst,
        verdict,
        initiatives::Command::DeclareVerdict { initiative: a },
    )
    .await?;
    run(
        inst,
        later(verdict, 120),
        initiatives::Command::Answer {
            initiative: a,
            text: "The Governing Council welcomes the initiative. It asks the UN caucus to prepare a common position supporting a study of a UN Parliamentary Assembly for the next session of the General Assembly, and will report on its progress within twelve months.".into(),
        },
    )
    .await?;

    // C: failed its per-member minimums.
    let t = at("2024-09-02T09:00:00Z")?;
    let c = open(
        inst,
        t,
        "A global register of political financing",
        "We ask the alliance to set up a public register of foreign financing of parties and campaigns in its members, open to journalists and researchers.",
        &committee_c,
    )
    .await?;
    let mut counts = paper_counts(&minimums, &order, 20, &mut rng);
    // The largest members sign in numbers: more than a million, too few members.
    for (s, _) in order.iter().take(4) {
        if let Some(n) = counts.get_mut(s) {
            *n *= 3;
        }
    }
    let t = paper(inst, later(t, 60), c, &counts, 6).await?;
    let close = later(t, 320);
    run(
        inst,
        close,
        initiatives::Command::CloseCollection { initiative: c },
    )
    .await?;
    run(
        inst,
        later(close, 30),
        initiatives::Command::DeclareVerdict { initiative: c },
    )
    .await?;

    // B: collecting now.
    let t = later(now, -120);
    let b = open(
        inst,
        t,
        "Protecting election infrastructure",
        "We ask the alliance to adopt common minimum standards for the security of election infrastructure in its members, with peer reviews and a rapid-response team.",
        &committee_b,
    )
    .await?;
    // The committee's own members campaign on paper too: some reach their minimum.
    let campaign: BTreeMap<Iso3, u64> = committee_b
        .iter()
        .filter_map(|(_, s)| {
            let s = Iso3::parse(s).ok()?;
            let min = *minimums.get(&s)?;
            Some((s, min * (60 + rng.below(70)) / 100))
        })
        .collect();
    collect(inst, b, later(t, 35), now, &order, &campaign, &mut rng).await?;
    Ok(())
}

/// The collecting initiative's signatures: online batches of synthetic signatories (2 % of
/// them sign a second time with the same ID number, and are refused; 0.5 % sign again with
/// their name written differently and no ID, and are struck as likely duplicates), then
/// paper batches (`campaign`: the committee's own members), then the verification.
async fn collect(
    inst: &Institution,
    id: u64,
    mut t: Timestamp,
    now: Timestamp,
    order: &[(Iso3, u64)],
    campaign: &BTreeMap<Iso3, u64>,
    rng: &mut Rng,
) -> anyhow::Result<()> {
    let secret = inst.store().signing_secret().await?;
    let today = comity_core::ids::Day::of(now).context("today")?;
    // Nationalities weighted by the square root of the population, as the minimums are.
    let weights: Vec<(Iso3, u64)> = order
        .iter()
        .map(|(s, p)| (s.clone(), p.isqrt().max(1)))
        .collect();
    let total_w: u64 = weights.iter().map(|w| w.1).sum();
    let mut made: Vec<SignatureForm> = Vec::with_capacity(COLLECTING_SIGNATURES);
    while made.len() < COLLECTING_SIGNATURES {
        let roll = rng.below(1000);
        let form = if roll < 20 && !made.is_empty() {
            made[rng.below(made.len() as u64) as usize].clone()
        } else if roll < 25 && !made.is_empty() {
            let mut f = made[rng.below(made.len() as u64) as usize].clone();
            f.name = f.name.to_uppercase();
            f.id_number = String::new();
            f
        } else {
            let mut x = rng.below(total_w);
            let state = weights
                .iter()
                .find(|(_, w)| {
                    if x < *w {
                        true
                    } else {
                        x -= w;
                        false
                    }
                })
                .map_or_else(|| order[0].0.clone(), |w| w.0.clone());
            SignatureForm {
                name: format!(
                    "{} {}",
                    GIVEN[rng.below(GIVEN.len() as u64) as usize],
                    FAMILY[rng.below(FAMILY.len() as u64) as usize]
                ),
                nationality: state.to_string(),
                birth_date: format!(
                    "{}-{:02}-{:02}",
                    1945 + rng.below(60),
                    1 + rng.below(12),
                    1 + rng.below(28)
                ),
                id_number: format!("{:09}", rng.below(1_000_000_000)),
                address: format!("{} Main Street", 1 + rng.below(200)),
                postcode: format!("{:05}", rng.below(100_000)),
            }
        };
        made.push(form);
    }
    let st = inst.state().await.clone();
    let mut rows = Vec::with_capacity(made.len());
    for f in &made {
        // A likely duplicate without its ID number is refused where the member asks for
        // one; the others stay, to be struck on verification.
        if let Ok(c) = initiatives::sign::check(
            f,
            today,
            &secret,
            |s| st.members.contains_key(s),
            |s| comity_core::initiatives::requirements(&st, s),
        ) {
            rows.push(SignatureRow {
                state: c.state,
                id_key: c.id_key,
                person_key: c.person_key,
            });
        }
    }
    let sys = Actor::system();
    for chunk in rows.chunks(rows.len().div_ceil(8).max(1)) {
        inst.record_signatures(&sys, None, t, id, chunk, "online form")
            .await
            .context("the demo's online signatures")?;
        t = later(t, 9);
    }
    let t = paper(inst, t, id, campaign, 2).await?;
    inst.invalidate_likely_duplicates(
        &sys,
        None,
        t,
        id,
        "same name, birth date and postcode as an earlier signature",
    )
    .await
    .context("the demo's verification")?;
    Ok(())
}
