//! What the demo adds after founding: one account per role, and a council that has decided
//! something: a motion with competing amendments and a double-majority vote on real
//! populations, and a second motion whose roll call is still open for the demo delegate.

use anyhow::Context;
use comity_core::auth::Role;
use comity_core::charter::Seats;
use comity_core::motion::Seat;
use comity_core::{Actor, Command, Iso3, Timestamp};
use comity_core::{assembly, base, election, membership, motion, network, reporting, treaty};
use comity_store::{AccountError, Institution, Store};
use comity_voting::rules::Vote;

/// (username, name, role) of the demo's accounts; each password is `demo-<username>-pass`.
pub const DEMO_ACCOUNTS: [(&str, &str, &str); 9] = [
    ("secretariat", "Amina Diallo (Secretariat)", "secretariat"),
    (
        "denmark",
        "Ida Jensen (Delegate of Denmark)",
        "delegate:DNK",
    ),
    ("mp", "Carlos Mendes (Parliamentarian)", "parliamentarian"),
    ("ngo", "Priya Raman (Civil society)", "civil_society"),
    ("citizen", "Jonas Weber (Citizen)", "citizen"),
    ("observer", "Lea Novak (Observer)", "observer"),
    // Accreditation 2 in the demo: votes in the Parliamentary Network's open roll call.
    (
        "opposition",
        "Plataforma Unitaria (accredited to the Parliamentary Network)",
        "accredited:2",
    ),
    // A citizen drawn to the assembly: the demo links the account to the first seat drawn.
    (
        "panelist",
        "Noor Haddad (Citizen, drawn to the assembly)",
        "citizen",
    ),
    (
        "dk-officer",
        "Mette Holm (Democracy officer of Denmark)",
        "democracy_officer:DNK",
    ),
];

pub fn demo_password(username: &str) -> String {
    format!("demo-{username}-pass")
}

/// Create the demo accounts that do not exist yet.
pub async fn accounts(store: &Store, now: Timestamp) -> anyhow::Result<()> {
    for (user, name, role) in DEMO_ACCOUNTS {
        let role = Role::parse(role).map_err(anyhow::Error::msg)?;
        match store
            .add_account(user, name, &demo_password(user), &[role], now)
            .await
        {
            Ok(_) | Err(AccountError::Exists(_)) => {}
            Err(e) => return Err(e).context("creating the demo accounts"),
        }
    }
    Ok(())
}

pub fn print_accounts() {
    println!("Demo accounts (sign in at /login; demo passwords, for local use only):");
    for (user, name, role) in DEMO_ACCOUNTS {
        println!("  {user:<12} {:<22} {role:<16} {name}", demo_password(user));
    }
}

fn actor(s: &str) -> anyhow::Result<Actor> {
    Actor::parse(s).map_err(anyhow::Error::from)
}

/// Record one act of the demo, naming the command if it is refused.
async fn record(
    inst: &Institution,
    now: Timestamp,
    who: Actor,
    cmd: Command,
) -> anyhow::Result<()> {
    inst.execute(&who, now, &cmd)
        .await
        .map(|_| ())
        .with_context(|| format!("{cmd:?}"))
}

/// The demo's decisions, where the charter has the organs and decision kinds they need.
pub async fn decisions(inst: &Institution, now: Timestamp) -> anyhow::Result<()> {
    let (council, seats) = {
        let state = inst.state().await;
        let Some(adopted) = &state.charter else {
            return Ok(());
        };
        let ch = &adopted.charter;
        let fits = ch
            .decision("smart_sanctions")
            .is_some_and(|d| d.organ == "governing_council")
            && ch
                .decision("resolution")
                .is_some_and(|d| d.organ == "governing_council");
        let Some(Seats::Fixed(n)) = ch.organ("governing_council").map(|o| o.seats) else {
            return Ok(());
        };
        if !fits {
            return Ok(());
        }
        // Seats: Denmark (the demo delegate's state) and the most populous members.
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
        // Most populous first: the order the votes below refer to.
        if state.members.contains_key(&dnk) {
            seats.push(dnk);
        } else {
            return Ok(());
        }
        ("governing_council".to_owned(), seats)
    };
    let sec = actor("secretariat")?;
    let exec =
        |who: Actor, cmd: Command| async move { inst.execute(&who, now, &cmd).await.map(|_| ()) };
    exec(
        sec.clone(),
        Command::Base(base::Command::AssignSeats {
            organ: council.clone(),
            states: seats.clone(),
        }),
    )
    .await?;

    // Motion 1: targeted sanctions, tabled by the civil society network (the charter lets it).
    exec(actor("ngo")?, Command::Motion(motion::Command::TableMotion {
        decision: "smart_sanctions".into(),
        title: "Targeted sanctions for interference in members' elections".into(),
        text: "The Council lists the persons named in Annex I, responsible for gross interference in the democratic processes of members, for travel bans and asset freezes.".into(),
        sponsor: Seat::Organ("civil_society_network".into()),
    }))
    .await?;
    let m1 = inst
        .state()
        .await
        .motions
        .keys()
        .next_back()
        .copied()
        .unwrap_or(1);
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
    exec(
        sec.clone(),
        Command::Motion(motion::Command::OpenDebate { motion: m1 }),
    )
    .await?;
    let close = Timestamp::from_unix(now.unix() + 86_400);
    let delegate = |iso: &Iso3| actor(&format!("delegate:{iso}"));
    // Every item, in the stated order 1, 2, 3, then the motion. Amendment 1 is adopted, so
    // amendment 2 (competing for the duration) lapses; amendment 3 is adopted; on the motion
    // the three most populous council members vote against: 22 of 25 states, short of 65 % of
    // the population, but three states are too few for a blocking minority (four): adopted.
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

    election(inst, now).await?;

    // Motion 2: a resolution whose roll call stays open, for the demo delegate and the secretariat.
    exec(actor("mp")?, Command::Motion(motion::Command::TableMotion {
        decision: "resolution".into(),
        title: "Convening the first Transnational Citizens' Assembly".into(),
        text: "The Council asks the Secretariat to draw the first Transnational Citizens' Assembly by a stratified lottery and to convene it within a year.".into(),
        sponsor: Seat::Organ("parliamentary_network".into()),
    }))
    .await?;
    let m2 = inst
        .state()
        .await
        .motions
        .keys()
        .next_back()
        .copied()
        .unwrap_or(2);
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

/// The Summit elects the two co-chairs of the Working Group on Democratic Resilience by
/// Scottish STV: every member state casts a secret ballot (rankings drawn from a fixed,
/// seeded pattern so the demo is the same each time).
async fn election(inst: &Institution, now: Timestamp) -> anyhow::Result<()> {
    let has_summit = inst
        .state()
        .await
        .charter
        .as_ref()
        .is_some_and(|a| a.charter.organ("summit").is_some());
    if !has_summit {
        return Ok(());
    }
    let candidates: Vec<String> = [
        "Ana Lima (Brazil)",
        "Kwame Mensah (Ghana)",
        "Sofia Berg (Sweden)",
        "Hiro Tanaka (Japan)",
        "Maria Rossi (Italy)",
        "Arjun Patel (India)",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let sec = actor("secretariat")?;
    inst.execute(
        &sec,
        now,
        &Command::Election(election::Command::OpenElection {
            organ: "summit".into(),
            title: "Co-chairs of the Working Group on Democratic Resilience at Home".into(),
            method: "stv-scottish".into(),
            seats: 2,
            candidates: candidates.clone(),
            closes_at: Timestamp::from_unix(now.unix() + 86_400),
            seed: 2026,
        }),
    )
    .await?;
    let id = inst
        .state()
        .await
        .elections
        .keys()
        .next_back()
        .copied()
        .unwrap_or(1);
    let electorate = inst
        .state()
        .await
        .elections
        .get(&id)
        .map(|e| e.electorate.clone())
        .unwrap_or_default();
    // Regional affinity: each state puts the candidate of its own region first, then others.
    let mut rng = comity_voting::SplitMix64::new(7);
    for iso in electorate {
        let group = inst
            .state()
            .await
            .registry
            .country(&iso)
            .and_then(|c| c.un_group.clone())
            .unwrap_or_default();
        let first = match group.as_str() {
            "GRULAC" => 0,
            "AFRICAN" => 1,
            "WEOG" => [2, 4][rng.below(2) as usize],
            "ASIA_PACIFIC" => [3, 5][rng.below(2) as usize],
            _ => [2, 4][rng.below(2) as usize],
        };
        let mut rest: Vec<usize> = (0..candidates.len()).filter(|&c| c != first).collect();
        // A short, shuffled tail: truncated ballots, as real ones are.
        for i in (1..rest.len()).rev() {
            rest.swap(i, rng.below(i as u64 + 1) as usize);
        }
        rest.truncate(1 + rng.below(3) as usize);
        let ranking: Vec<String> = std::iter::once(first)
            .chain(rest)
            .map(|c| candidates[c].clone())
            .collect();
        let delegate = comity_core::auth::Principal::new(
            actor(&format!("delegate:{iso}"))?,
            vec![Role::StateDelegate(iso.clone())],
        );
        inst.cast_ballot(&delegate, now, id, iso, ranking).await?;
    }
    inst.close_election(&sec, None, now, id).await?;
    paper_election(inst, now).await
}

/// Election 2, still open: the Summit elects the UN caucus's chair by Schulze. The states of
/// three regional groups voted on paper at the session and the tellers' BLT file is
/// recorded; the rest (Denmark among them) may still vote on the platform.
async fn paper_election(inst: &Institution, now: Timestamp) -> anyhow::Result<()> {
    let candidates = [
        "Amara Okafor (Nigeria)",
        "Lucía Fernández (Uruguay)",
        "Jakub Nowak (Poland)",
        "Priya Nair (India)",
    ];
    let sec = actor("secretariat")?;
    inst.execute(
        &sec,
        now,
        &Command::Election(election::Command::OpenElection {
            organ: "summit".into(),
            title: "Chair of the UN Caucus".into(),
            method: "schulze".into(),
            seats: 1,
            candidates: candidates.iter().map(|c| c.to_string()).collect(),
            closes_at: Timestamp::from_unix(now.unix() + 30 * 86_400),
            seed: 2027,
        }),
    )
    .await?;
    let (id, register) = {
        let state = inst.state().await;
        let Some((id, e)) = state.elections.iter().next_back() else {
            return Ok(());
        };
        let register: Vec<(Iso3, String)> = e
            .electorate
            .iter()
            .filter_map(|iso| {
                let group = state.registry.country(iso)?.un_group.clone()?;
                ["AFRICAN", "ASIA_PACIFIC", "EASTERN_EUROPEAN"]
                    .contains(&group.as_str())
                    .then(|| (iso.clone(), group))
            })
            .collect();
        (*id, register)
    };
    // The tellers' file: each region's delegates favour its candidate, then the others in a
    // fixed order; grouped as counting software writes BLT.
    let mut groups: std::collections::BTreeMap<Vec<usize>, u64> = Default::default();
    let mut rng = comity_voting::SplitMix64::new(11);
    for (_, group) in &register {
        let first = match group.as_str() {
            "AFRICAN" => 0,
            "ASIA_PACIFIC" => 3,
            _ => 2,
        };
        let mut rest: Vec<usize> = (0..candidates.len()).filter(|&c| c != first).collect();
        let pick = rng.below(rest.len() as u64) as usize;
        rest.swap(0, pick);
        *groups
            .entry(std::iter::once(first).chain(rest).collect())
            .or_default() += 1;
    }
    let mut blt = format!("{} 1\n", candidates.len());
    for (ranking, count) in &groups {
        let prefs: Vec<String> = ranking.iter().map(|c| (c + 1).to_string()).collect();
        blt.push_str(&format!("{count} {} 0\n", prefs.join(" ")));
    }
    blt.push_str("0\n");
    for c in candidates {
        blt.push_str(&format!("\"{c}\"\n"));
    }
    blt.push_str("\"Chair of the UN Caucus\"\n");
    let names: Vec<String> = candidates.iter().map(|c| c.to_string()).collect();
    let ballots = comity_core::election::ballots_from_file(blt.as_bytes(), &names)
        .map_err(anyhow::Error::msg)?;
    let officer = comity_core::auth::Principal::new(sec, vec![Role::Secretariat]);
    inst.record_paper_ballots(
        &officer,
        now,
        id,
        register.into_iter().map(|(iso, _)| iso).collect(),
        ballots,
        comity_core::election::paper_source("summit-session-tellers.blt", blt.as_bytes()),
    )
    .await?;
    Ok(())
}

/// SplitMix64: the demo's synthetic volunteers are the same on every run.
struct Mix(u64);

impl Mix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// An index drawn with probability proportional to `weights`.
    fn pick(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        let mut r = self.unit() * total;
        for (i, w) in weights.iter().enumerate() {
            if r < *w {
                return i;
            }
            r -= w;
        }
        weights.len().saturating_sub(1)
    }
}

/// How many synthetic volunteers the demo registers.
pub const DEMO_VOLUNTEERS: usize = 600;

/// Synthetic volunteers from the member states, by a documented model (README, "Citizens'
/// assembly"): a volunteer's state is drawn with probability proportional to the square
/// root of its population (outreach is degressive, like the seats of many assemblies), the
/// region is that state's UN regional group; gender, age band and education are drawn
/// independently with the skew of self-selected pools (older and more educated people
/// volunteer more, as the invitation-letter pools in Flanigan et al. 2021 show).
pub fn synthetic_volunteers(
    state: &comity_core::State,
    count: usize,
    seed: u64,
) -> Vec<comity_core::assembly::Volunteer> {
    use sha2::{Digest, Sha256};
    let members: Vec<(String, f64)> = state
        .members
        .keys()
        .filter_map(|iso| {
            let c = state.registry.country(iso)?;
            Some((c.un_group.clone()?, (c.population? as f64).sqrt()))
        })
        .collect();
    let weights: Vec<f64> = members.iter().map(|(_, w)| *w).collect();
    let gender = (["female", "male", "other"], [0.47, 0.51, 0.02]);
    let age = (["16-29", "30-44", "45-59", "60+"], [0.15, 0.22, 0.28, 0.35]);
    let education = (["primary", "secondary", "tertiary"], [0.10, 0.40, 0.50]);
    let mut rng = Mix(seed);
    (0..count)
        .map(|i| {
            let region = members
                .get(rng.pick(&weights))
                .map(|(g, _)| g.clone())
                .unwrap_or_default();
            let mut features = std::collections::BTreeMap::new();
            features.insert("region".to_owned(), region);
            features.insert(
                "gender".to_owned(),
                gender.0[rng.pick(&gender.1)].to_owned(),
            );
            features.insert("age".to_owned(), age.0[rng.pick(&age.1)].to_owned());
            features.insert(
                "education".to_owned(),
                education.0[rng.pick(&education.1)].to_owned(),
            );
            let hash = comity_core::journal::Hash(
                Sha256::digest(format!("synthetic volunteer {seed} {i}")).into(),
            );
            comity_core::assembly::Volunteer {
                hash,
                features,
                household: None,
            }
        })
        .collect()
}

/// The demo's citizens' assembly: synthetic volunteers, a commitment to a seed, the draw.
pub async fn assembly(inst: &Institution, now: Timestamp) -> anyhow::Result<()> {
    let (organ, volunteers) = {
        let state = inst.state().await;
        let Some(adopted) = &state.charter else {
            return Ok(());
        };
        let Some(organ) = adopted
            .charter
            .organs
            .iter()
            .find(|o| o.sortition.is_some())
        else {
            return Ok(());
        };
        if state
            .assemblies
            .get(&organ.id)
            .is_some_and(|a| !a.volunteers.is_empty())
        {
            return Ok(());
        }
        (
            organ.id.clone(),
            synthetic_volunteers(&state, DEMO_VOLUNTEERS, 2026),
        )
    };
    let secretariat = actor("secretariat")?;
    inst.execute(
        &secretariat,
        now,
        &Command::Assembly(assembly::Command::RegisterVolunteers {
            organ: organ.clone(),
            volunteers,
        }),
    )
    .await
    .context("registering the demo's volunteers")?;
    // In a real draw the seed is secret until the draw (or a named future public value);
    // the demo publishes its hash, then reveals it.
    let seed = format!("comity demo lottery {now}");
    inst.execute(
        &secretariat,
        now,
        &Command::Assembly(assembly::Command::CommitDraw {
            organ: organ.clone(),
            commitment: comity_core::assembly::commitment(&seed),
        }),
    )
    .await
    .context("committing to the demo lottery's seed")?;
    inst.execute(
        &secretariat,
        now,
        &Command::Assembly(assembly::Command::DrawAssembly {
            organ: organ.clone(),
            seed,
        }),
    )
    .await
    .context("drawing the demo's citizens' assembly")?;
    // The demo's `panelist` takes the first seat drawn (a real volunteer does it with the
    // receipt, on the assembly's page) and tables the assembly's first recommendation where
    // the charter lets the assembly table.
    let (first, decision) = {
        let state = inst.state().await;
        let first = state
            .assemblies
            .get(&organ)
            .and_then(|a| a.latest())
            .and_then(|(_, r)| r.panel.first().copied());
        let decision = state.charter.as_ref().and_then(|a| {
            a.charter
                .decisions
                .iter()
                .find(|d| d.kind == "resolution" && d.tabled_by.contains(&organ))
                .map(|d| d.kind.clone())
        });
        (first, decision)
    };
    if let Some(volunteer) = first {
        let role = Role::Panelist {
            organ: organ.clone(),
            volunteer,
        };
        match inst.store().grant_role("panelist", &role).await {
            Ok(()) | Err(AccountError::Unknown(_)) => {}
            Err(e) => return Err(e).context("linking the demo panelist to a seat"),
        }
        if let Some(decision) = decision {
            let who =
                comity_core::auth::Principal::new(actor("panelist")?, vec![Role::Citizen, role]);
            inst.execute_as(
                &who,
                now,
                &Command::Motion(motion::Command::TableMotion {
                    decision,
                    title: "Recommendation of the Citizens' Assembly: citizens' hearings before each Summit".into(),
                    text: "The Citizens' Assembly recommends that the Council hold a public hearing of citizens, drawn by lot from the members' populations, before each Summit, and publish its record.".into(),
                    sponsor: Seat::Organ(organ.clone()),
                }),
            )
            .await
            .context("tabling the assembly's recommendation")?;
        }
    }
    Ok(())
}

/// The demo's founding treaty (seed 000): the Treaty Commission negotiates it over three
/// rounds — Denmark and the Parliamentary Network propose wordings, brackets are settled by
/// agreement and one by a vote of the commission — the Summit adopts the final text, it opens
/// for signature, 45 members sign and 30 ratify (one with a reservation, which Denmark
/// objects to), and it enters into force on the day its clause gives.
pub async fn treaty(inst: &Institution, now: Timestamp) -> anyhow::Result<()> {
    use comity_core::ids::Day;
    use comity_core::treaty::eif::{Deposit, Instrument};
    use comity_core::treaty::record::Resolution;
    use comity_core::treaty::text::{BracketRef, Choice};

    let Some(shipped) = comity_core::data::treaty("aod-founding-treaty") else {
        return Ok(());
    };
    let Some(draft) = shipped.draft else {
        return Ok(());
    };
    let (members, today) = {
        let state = inst.state().await;
        let Some(adopted) = &state.charter else {
            return Ok(());
        };
        let ch = &adopted.charter;
        let fits = ch.organ("treaty_commission").is_some()
            && ch
                .decision("treaty_text")
                .is_some_and(|d| d.organ == "treaty_commission")
            && ch.decision("treaty_adoption").is_some()
            && !state.treaties.contains_key(shipped.id);
        if !fits {
            return Ok(());
        }
        // Members, most populous first, Denmark (the demo delegate's state) among the signers.
        let mut by_pop: Vec<(u64, Iso3)> = state
            .members
            .keys()
            .map(|k| {
                let pop = state
                    .registry
                    .country(k)
                    .and_then(|c| c.population)
                    .unwrap_or(0);
                (pop, k.clone())
            })
            .collect();
        by_pop.sort_by(|a, b| b.cmp(a));
        let members: Vec<Iso3> = by_pop.into_iter().map(|(_, k)| k).collect();
        let today = Day::of(now).context("the clock is past the calendar's end")?;
        (members, today)
    };
    let id = shipped.id.to_owned();
    let sec = actor("secretariat")?;
    let exec = |who: Actor, cmd: Command| record(inst, now, who, cmd);
    let delegate = |iso: &Iso3| actor(&format!("delegate:{iso}"));
    // The first open bracket of a paragraph, wherever earlier settlements left it.
    let first_in = |para: &'static str| {
        let id = id.clone();
        async move {
            let state = inst.state().await;
            state
                .treaties
                .get(&id)
                .and_then(|t| t.text())
                .and_then(|d| d.brackets().into_iter().find(|b| b.at.para == para))
                .map(|b| b.at)
                .with_context(|| format!("no bracket left in {para}"))
        }
    };
    let settle = |para: &'static str, choice: Choice, by: Resolution| {
        let sec = sec.clone();
        let id = id.clone();
        async move {
            let bracket: BracketRef = first_in(para).await?;
            exec(
                sec,
                Command::Treaty(treaty::Command::ResolveBracket {
                    treaty: id,
                    bracket,
                    choice,
                    by,
                }),
            )
            .await
        }
    };
    // A motion of `decision`, voted yes by every member but the last `no` ones.
    let vote = |decision: &'static str, title: &'static str, sponsor: Iso3, no: usize| {
        let sec = sec.clone();
        async move {
            exec(
                delegate(&sponsor)?,
                Command::Motion(motion::Command::TableMotion {
                    decision: decision.into(),
                    title: title.into(),
                    text: title.into(),
                    sponsor: Seat::State(sponsor.clone()),
                }),
            )
            .await?;
            let m = inst
                .state()
                .await
                .motions
                .keys()
                .next_back()
                .copied()
                .context("the motion was not recorded")?;
            if decision == "treaty_adoption" {
                exec(
                    actor("mp")?,
                    Command::Network(network::Command::GiveOpinion {
                        motion: m,
                        organ: "parliamentary_network".into(),
                        position: comity_core::network::Position::Favourable,
                        text: "The Parliamentary Network supports the Treaty and asks the national parliaments to ratify it within two years.".into(),
                    }),
                )
                .await?;
            }
            exec(
                sec.clone(),
                Command::Motion(motion::Command::OpenDebate { motion: m }),
            )
            .await?;
            roll_call(
                inst,
                now,
                m,
                |i, n| if i + no >= n { Vote::No } else { Vote::Yes },
            )
            .await?;
            anyhow::Ok(m)
        }
    };
    let dnk = Iso3::parse("DNK")?;

    // Round 1: the first draft; Denmark and the Parliamentary Network propose wordings.
    exec(
        sec.clone(),
        Command::Treaty(treaty::Command::OpenTreaty {
            organ: "treaty_commission".into(),
            file_name: shipped.file.into(),
            file: shipped.source.into(),
            text: draft.into(),
        }),
    )
    .await?;
    exec(
        actor("denmark")?,
        Command::Treaty(treaty::Command::ProposeWording {
            treaty: id.clone(),
            bracket: first_in("art_1__para_2").await?,
            wording: "The Hague".into(),
            by: Seat::State(dnk.clone()),
        }),
    )
    .await?;
    exec(
        actor("mp")?,
        Command::Treaty(treaty::Command::ProposeWording {
            treaty: id.clone(),
            bracket: first_in("art_3__para_2").await?,
            wording: "decide jointly with the Governing Council on".into(),
            by: Seat::Organ("parliamentary_network".into()),
        }),
    )
    .await?;
    settle(
        "preamble__p_2",
        Choice::Alternative(0),
        Resolution::Agreement,
    )
    .await?;
    settle(
        "art_2__para_1",
        Choice::Alternative(1),
        Resolution::Agreement,
    )
    .await?;

    // Round 2: the seat goes to a vote of the commission; two more brackets agreed.
    exec(
        sec.clone(),
        Command::Treaty(treaty::Command::OpenTreatyRound {
            treaty: id.clone(),
            text: None,
        }),
    )
    .await?;
    let seat_vote = vote(
        "treaty_text",
        "Seat of the Alliance: Copenhagen",
        dnk.clone(),
        20,
    )
    .await?;
    settle(
        "art_1__para_2",
        Choice::Alternative(0),
        Resolution::Motion(seat_vote),
    )
    .await?;
    settle(
        "art_2__para_2",
        Choice::Alternative(1),
        Resolution::Agreement,
    )
    .await?;
    settle(
        "art_3__para_2",
        Choice::Alternative(1),
        Resolution::Agreement,
    )
    .await?;

    // Round 3: the rest agreed; the Summit adopts the final text.
    exec(
        sec.clone(),
        Command::Treaty(treaty::Command::OpenTreatyRound {
            treaty: id.clone(),
            text: None,
        }),
    )
    .await?;
    settle(
        "art_4__para_1",
        Choice::Alternative(0),
        Resolution::Agreement,
    )
    .await?;
    settle(
        "art_4__para_1",
        Choice::Alternative(0),
        Resolution::Agreement,
    )
    .await?;
    settle(
        "art_5__para_1",
        Choice::Alternative(0),
        Resolution::Agreement,
    )
    .await?;
    settle(
        "art_6__para_1",
        Choice::Alternative(0),
        Resolution::Agreement,
    )
    .await?;
    settle(
        "art_8__para_1",
        Choice::Alternative(0),
        Resolution::Agreement,
    )
    .await?;
    let adoption = vote(
        "treaty_adoption",
        "Adoption of the Treaty establishing the Alliance of Democracies",
        dnk.clone(),
        9,
    )
    .await?;
    exec(
        sec.clone(),
        Command::Treaty(treaty::Command::AdoptTreaty {
            treaty: id.clone(),
            motion: adoption,
        }),
    )
    .await?;

    // Signature in Copenhagen, then ratifications until the clause is met.
    exec(
        sec.clone(),
        Command::Treaty(treaty::Command::OpenTreatyForSignature {
            treaty: id.clone(),
            date: today,
            place: "Copenhagen".into(),
        }),
    )
    .await?;
    let mut signers: Vec<Iso3> = members.iter().take(44).cloned().collect();
    if !signers.contains(&dnk) {
        signers.push(dnk.clone());
    }
    for s in &signers {
        exec(
            delegate(s)?,
            Command::Treaty(treaty::Command::SignTreaty {
                treaty: id.clone(),
                state: s.clone(),
                date: today,
            }),
        )
        .await?;
    }
    let threshold = inst
        .state()
        .await
        .treaties
        .get(&id)
        .and_then(|t| t.instrument_threshold())
        .unwrap_or(30) as usize;
    for (i, s) in signers.iter().take(threshold).enumerate() {
        let reservations = if i == 1 {
            vec![
                "Article 8 shall apply to it only after a transition of three budget years."
                    .to_owned(),
            ]
        } else {
            Vec::new()
        };
        exec(
            sec.clone(),
            Command::Treaty(treaty::Command::DepositInstrument {
                treaty: id.clone(),
                deposit: Deposit {
                    state: s.clone(),
                    instrument: Instrument::Ratification,
                    date: today,
                    share: None,
                },
                reservations,
                declarations: Vec::new(),
            }),
        )
        .await?;
    }
    if let Some(reserving) = signers.get(1).filter(|s| **s != dnk) {
        exec(
            actor("denmark")?,
            Command::Treaty(treaty::Command::ObjectToReservation {
                treaty: id.clone(),
                state: dnk.clone(),
                reserving: reserving.clone(),
                reservation: 1,
                text: "Denmark objects to the reservation to Article 8, which would defer the obligation to share the Alliance's costs; the objection does not preclude the entry into force of the Treaty between Denmark and the reserving State.".into(),
                date: today,
            }),
        )
        .await?;
    }
    Ok(())
}

/// Put `motion`'s next item to the vote: each state of the electorate votes as `plan` says
/// (from its place in the electorate and the electorate's size); then the secretariat closes.
async fn roll_call(
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

/// A network's roll call of its accredited members on `motion`: opened by the network's
/// officer, each member votes as `plan(i)` says (`None`: not yet), closed if `close`.
#[allow(clippy::too_many_arguments)]
async fn network_roll_call(
    inst: &Institution,
    now: Timestamp,
    motion: u64,
    organ: &str,
    act: comity_core::network::NetworkAct,
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

/// New ratings and what follows (seed 001's criterion, on the real data): the demo alliance
/// was founded on FIW 2024; FIW 2025 arrives. Members that fall below "Free or Partly Free"
/// (Kuwait, Niger, Tanzania, Thailand) are flagged and reviews open by themselves in the
/// Governing Council; the Council suspends Niger's voting rights after the Civil Society
/// Network's opinion. Jordan, now Partly Free, applies, both networks give their opinions, and
/// the Summit admits it.
pub async fn membership(inst: &Institution, now: Timestamp, edition: u16) -> anyhow::Result<()> {
    use comity_core::membership::Measure;
    use comity_core::network::Position;
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
    let sec = actor("secretariat")?;
    let exec = |who: Actor, cmd: Command| async move {
        inst.execute(&who, now, &cmd)
            .await
            .with_context(|| format!("{cmd:?}"))
    };
    exec(
        Actor::system(),
        comity_core::data::freedom_house_edition(edition)?,
    )
    .await?;

    // A vote in `organ` on the newest motion: opinions first, then every seated state.
    let vote_through = |motion: u64, opinions: Vec<(&'static str, &'static str, &'static str)>| {
        let sec = sec.clone();
        async move {
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
            .await?;
            anyhow::Ok(())
        }
    };
    let newest = || async {
        inst.state()
            .await
            .motions
            .keys()
            .next_back()
            .copied()
            .unwrap_or(0)
    };

    // The review of Niger (military coup, July 2023): suspension of its voting rights.
    let ner = Iso3::parse("NER")?;
    let review = inst
        .state()
        .await
        .reviews
        .values()
        .find(|r| r.state == ner)
        .map(|r| r.id);
    if let Some(review) = review {
        exec(
            sec.clone(),
            Command::Membership(membership::Command::ProposeMeasure {
                review,
                measure: Measure::Suspension,
            }),
        )
        .await?;
        let m = newest().await;
        vote_through(
            m,
            vec![(
                "ngo",
                "civil_society_network",
                "Civil society organisations from the Sahel report the dissolution of parties and the detention of the elected president; the network supports suspension and asks that it be reviewed as soon as a transition timetable is agreed.",
            )],
        )
        .await?;
    }

    // Jordan applies (Partly Free in FIW 2025) and the Summit admits it.
    let jor = Iso3::parse("JOR")?;
    if !inst.state().await.members.contains_key(&jor) {
        exec(
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
        if let Some((id, true)) = application {
            exec(
                sec.clone(),
                Command::Membership(membership::Command::ReferApplication { application: id }),
            )
            .await?;
            let m = newest().await;
            vote_through(
                m,
                vec![
                    ("mp", "parliamentary_network", "The Parliamentary Network welcomes the application and asks Jordan's parliament to take part in the network from its first session."),
                    ("ngo", "civil_society_network", "The Civil Society Network supports admission and will report on freedom of assembly in Jordan within a year."),
                ],
            )
            .await?;
        }
    }
    // Accreditation (seed 001 point 5, seed 003): organisations and opposition leaders from
    // any country ask to sit in the networks; the Civil Society Network decides.
    let decides = inst
        .state()
        .await
        .charter
        .as_ref()
        .and_then(|a| a.charter.decision("accreditation"))
        .is_some_and(|d| d.organ == "civil_society_network");
    if decides {
        use comity_core::network::AccreditationKind;
        for (organ, name, country, kind, description, division) in [
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
        {
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
    }

    // The networks' powers: the Parliamentary Network tables a resolution by right; the
    // Council adopts it; the Civil Society Network objects by more than two thirds of its
    // votes and sends it back; the Council adopts it again on its second reading.
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
    if resolution_in_council {
        exec(actor("mp")?, Command::Motion(motion::Command::TableMotion {
            decision: "resolution".into(),
            title: "Observers for members' national elections".into(),
            text: "The Council invites every member to receive an election observation mission of the Parliamentary Network at its next national election.".into(),
            sponsor: Seat::Organ("parliamentary_network".into()),
        }))
        .await?;
        let m = newest().await;
        vote_through(m, Vec::new()).await?;
        // The objection is a roll call of the network's accredited members on the platform:
        // each votes by name; more than two thirds of the votes cast send it back.
        network_roll_call(
            inst,
            now,
            m,
            "civil_society_network",
            comity_core::network::NetworkAct::Objection,
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
        .await?;
    }

    // A charter amendment the Parliamentary Network co-decides: its roll call is open, and
    // the demo account `opposition` (accreditation 2) has not voted yet.
    let amendment_co_decided = inst
        .state()
        .await
        .charter
        .as_ref()
        .and_then(|a| a.charter.decision("charter_amendment"))
        .is_some_and(|d| d.co_decision.iter().any(|o| o == "parliamentary_network"));
    if amendment_co_decided && inst.state().await.accreditations.contains_key(&2) {
        exec(
            actor("delegate:DNK")?,
            Command::Motion(motion::Command::TableMotion {
                decision: "charter_amendment".into(),
                title: "The Citizens' Assembly may propose charter amendments".into(),
                text: "In the decision kind charter_amendment, tabled_by gains citizens_assembly: the Citizens' Assembly may table amendments to this charter, which the Summit and the Parliamentary Network then decide.".into(),
                sponsor: Seat::State(Iso3::parse("DNK")?),
            }),
        )
        .await?;
        let m = newest().await;
        network_roll_call(
            inst,
            now,
            m,
            "parliamentary_network",
            comity_core::network::NetworkAct::CoDecision,
            |i| match i {
                0 => None,
                i if i % 4 == 3 => Some(Vote::No),
                _ => Some(Vote::Yes),
            },
            false,
        )
        .await?;
    }

    // Denmark names its democracy officer (seed 003).
    if inst
        .state()
        .await
        .members
        .contains_key(&Iso3::parse("DNK")?)
    {
        exec(
            actor("denmark")?,
            Command::Membership(membership::Command::DesignateDemocracyOfficer {
                state: Iso3::parse("DNK")?,
                name: "Mette Holm".into(),
                office: "Ministry of Foreign Affairs of Denmark, Department for Democracy and Human Rights (demo contact)".into(),
                contact: "democracy-officer@example.dk".into(),
            }),
        )
        .await?;
    }

    // Every organ reports to the one it answers to; the Summit receives them (seed 000). The
    // text is the organ's record this year, counted from the journal.
    let reports: Vec<(String, String)> = {
        let state = inst.state().await;
        let powers = comity_core::view::power_use(&state);
        let year = comity_core::ids::Day::of(now).map_or(0, |d| d.date().year());
        state
            .charter
            .as_ref()
            .map(|a| {
                a.charter
                    .organs
                    .iter()
                    .filter(|o| o.reports_to.is_some() || o.kind != comity_core::charter::OrganKind::Summit)
                    .map(|o| {
                        let decided = state.motions.values().filter(|m| m.organ == o.id).count();
                        let u = powers.get(&o.id).cloned().unwrap_or_default();
                        (
                            o.id.clone(),
                            format!(
                                "{} in {year}: {decided} motion(s) before it; {} motion(s) tabled by it ({} adopted); {} of {} opinion(s) asked of it given; {} objection(s) voted, {} carried. Mandate: {}",
                                o.name, u.tabled, u.tabled_adopted, u.opinions_given, u.opinions_asked, u.objections, u.objections_carried, o.mandate
                            ),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    let year = comity_core::ids::Day::of(now).map_or(0, |d| d.date().year());
    for (organ, text) in reports {
        exec(
            sec.clone(),
            Command::Reporting(reporting::Command::SubmitReport {
                organ,
                title: format!("Annual report {year}"),
                period: year.to_string(),
                text,
            }),
        )
        .await?;
    }

    // A state that is not eligible may still apply: the application is recorded and the
    // report says why it fails the criterion; it is never put to a vote.
    let rus = Iso3::parse("RUS")?;
    if !inst.state().await.members.contains_key(&rus) {
        exec(
            sec.clone(),
            Command::Membership(membership::Command::ApplyForMembership { state: rus }),
        )
        .await?;
    }
    Ok(())
}
