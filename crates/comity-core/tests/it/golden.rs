//! The golden journal (issue 15): a committed journal with at least one entry of every kind,
//! made by the demo and five more acts, then the UN caucus's acts appended (issue 23), then
//! an import of pledges with reports in the three lanes (issue 19), then the publication of
//! the journal's log key (issue 21), then joint smart sanctions (issue 16: the founding
//! charter's source gained its `[sanctions]` section and the chain was sealed again; a case
//! listed, one rejected on the same grounds and grade and the difference justified, a
//! national act, a renewal, a release, a delisting), then a citizens' initiative (issue 17:
//! the charter's source gained its `[initiatives]` section and the chain was sealed again; an
//! initiative registered, found admissible, online and paper batches, an invalidation and
//! its reversal, the collection closed, a seed, a certification, the verdict and the answer),
//! then a consultation (issue 17: opened from a file, a state's, an organisation's
//! confidential, a person's and a person's confidential submissions, the close, a resolution
//! of the Council adopting the synthesis, and the link to the decision it informed).
//! Whatever the code's layout, it must verify, every entry must read back to the bytes it was
//! written with, and its replay must give the committed summary (the caucus's comparisons
//! included, re-derived). `COMITY_BLESS=1` rewrites the summary (only when the change to it
//! is meant and explained in the commit).

// A test reads its fixture; the domain code it checks still does no I/O.
#![allow(clippy::disallowed_methods)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use comity_core::journal::{ChainVerifier, parse_json_line};
use comity_core::{Event, State};
use serde_json::{Value, json};

fn golden(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

/// The kinds this version writes; the golden journal must hold each of them.
const KINDS: usize = 82;

#[test]
fn golden_journal_verifies_reads_back_byte_for_byte_and_replays_to_its_summary() {
    let text = std::fs::read_to_string(golden("journal.jsonl")).unwrap();
    let mut chain = ChainVerifier::new();
    let mut state = State::new();
    let mut kinds: BTreeMap<String, u64> = BTreeMap::new();
    let mut pools = comity_core::assembly::Pools::default();
    for (i, line) in text.lines().enumerate() {
        let entry = parse_json_line(i + 1, line).unwrap();
        chain.push(&entry).unwrap();
        // The typed event writes back exactly the kind and payload that were read.
        let event = Event::from_parts(&entry.kind, &entry.payload).unwrap();
        assert_eq!(
            event.to_parts(),
            (entry.kind.clone(), entry.payload.clone()),
            "line {}: {} does not read back to its own bytes",
            i + 1,
            entry.kind
        );
        assert_eq!(entry.to_json_line(), line, "line {}", i + 1);
        state.apply(&entry).unwrap();
        pools.observe(&event);
        *kinds.entry(entry.kind.clone()).or_default() += 1;
    }
    assert_eq!(
        kinds.len(),
        KINDS,
        "the golden journal must hold every kind of entry: add the new kind's acts to it"
    );
    // The pools the journal registers are the ones whose digests the state keeps.
    for (organ, a) in &state.assemblies {
        let n = a.registered as usize;
        assert!(
            comity_core::assembly::pool_matches(pools.first(organ, n), n, a.digest),
            "{organ}"
        );
    }
    let summary = summarize(&state, &kinds);
    let path = golden("summary.json");
    let pretty = serde_json::to_string_pretty(&summary).unwrap() + "\n";
    if std::env::var_os("COMITY_BLESS").is_some() {
        std::fs::write(&path, &pretty).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap();
    assert!(
        want == pretty,
        "the replayed golden journal no longer gives tests/golden/summary.json; \
         diff it with COMITY_BLESS=1 only if the change is meant"
    );
}

/// What a replay establishes, in a form a reviewer can read in a diff.
fn summarize(state: &State, kinds: &BTreeMap<String, u64>) -> Value {
    let head = state.head();
    let today = comity_core::ids::Day::parse("2031-01-06").unwrap();
    let treaties: BTreeMap<_, _> = state
        .treaties
        .iter()
        .map(|(id, t)| {
            (
                id.clone(),
                json!({
                    "stage": format!("{:?}", t.stage_on(today)),
                    "status": t.status_table(),
                    "record": t,
                }),
            )
        })
        .collect();
    json!({
        "head": { "seq": head.seq, "hash": head.hash.to_string() },
        "kinds": kinds,
        "charter_sha256": state.charter.as_ref().map(|c| c.sha256.to_string()),
        "stage": state.stage,
        "members": state.members,
        "terminated": state.terminated,
        "seats": state.seats,
        "acts": state.acts,
        "motions": state.motions,
        "elections": state.elections,
        "assemblies": state.assemblies,
        "applications": state.applications,
        "reviews": state.reviews,
        "accreditations": state.accreditations,
        "democracy_officers": state.democracy_officers,
        "reports": state.reports,
        "treaties": treaties,
        "caucus": state.caucus,
        "pledges": state.pledges,
        "sanctions": state.sanctions,
        // Each member's figures and the verdict, re-derived from the batches, invalidations
        // and certifications.
        "initiatives": state.initiatives,
        "initiatives_tallies": state.initiatives.initiatives.values().map(|i| {
            let (passes, total, meeting) = i.verdict();
            json!({"tallies": i.tallies(), "passes": passes, "total": total, "meeting": meeting})
        }).collect::<Vec<_>>(),
        // Each consultation with its submissions, and the figures of its published answers.
        "consultations": state.consultations,
        "consultations_results": state.consultations.consultations.values().map(|c| c.results()).collect::<Vec<_>>(),
        // The consistency check and each member's standing on each case, re-derived.
        "sanctions_inconsistent": state.sanctions.inconsistencies().iter().map(|i| {
            json!({"listed": i.listed, "rejected": i.rejected, "justified": i.justified})
        }).collect::<Vec<_>>(),
        "sanctions_national": state.sanctions.cases.values().map(|c| {
            let spec = comity_core::sanctions::spec(state);
            state.members.keys().filter_map(|m| {
                Some((m.to_string(), format!("{:?}", c.national(m, spec?, today)?)))
            }).filter(|(_, n)| !n.starts_with("Pending")).collect::<BTreeMap<_, _>>()
        }).collect::<Vec<_>>(),
        // Every progress figure, status and star, re-derived.
        "pledges_status": comity_core::pledges::document::status_document(state, today),
        "caucus_compared": state.caucus.agenda.values().map(|it| {
            state.members.keys().filter_map(|m| Some((m.to_string(), it.compliance(m)?.code())))
                .collect::<BTreeMap<_, _>>()
        }).collect::<Vec<_>>(),
    })
}

/// The golden journal's state, replayed.
fn replayed() -> State {
    let text = std::fs::read_to_string(golden("journal.jsonl")).unwrap();
    let mut state = State::new();
    for (i, line) in text.lines().enumerate() {
        state.apply(&parse_json_line(i + 1, line).unwrap()).unwrap();
    }
    state
}

/// `treaty::available` on the golden founding treaty (in force, one party withdrawn): the
/// depositary acts for every state where the stage and the record allow; a delegate for its
/// own state only; an observer for none.
#[test]
fn available_treaty_acts_follow_the_record() {
    use comity_core::auth::{Principal, Role};
    use comity_core::{Actor, Iso3, treaty};
    let state = replayed();
    let t = &state.treaties["aod-founding-treaty"];
    let day = comity_core::ids::Day::parse("2031-01-06").unwrap();
    let officer = Principal::new(Actor::parse("officer").unwrap(), vec![Role::Secretariat]);
    let acts = treaty::available(&state, &officer, day, t);
    assert!(!acts.open_round && !acts.adopt && !acts.open_signature && !acts.settle);
    let per = Iso3::parse("PER").unwrap();
    assert!(!acts.deposit.contains(&per) && !acts.sign.contains(&per));
    assert!(!acts.withdraw.contains(&per), "Peru has withdrawn already");
    assert_eq!(acts.withdraw.len(), t.eif.per_state.len() - 1);
    for iso in &acts.sign {
        assert!(!t.signatures.contains_key(iso) && t.deposit_of(iso).is_none());
    }
    assert!(acts.sign.len() < acts.deposit.len());
    // A delegate acts for its own state alone.
    let depositor = t.deposits[0].deposit.state.clone();
    let delegate = Principal::new(
        Actor::parse("delegate").unwrap(),
        vec![Role::StateDelegate(depositor.clone())],
    );
    let acts = treaty::available(&state, &delegate, day, t);
    assert!(acts.deposit.is_empty() && acts.sign.is_empty());
    assert_eq!(acts.withdraw, vec![depositor]);
    let observer = Principal::new(Actor::parse("observer").unwrap(), vec![Role::Observer]);
    assert!(!treaty::available(&state, &observer, day, t).any());
}

/// `election::available` and `network::available` on the golden journal's open election and
/// open roll call: the secretariat closes and records paper ballots, a delegate votes for
/// its own state while it has not voted, an accredited member votes for its accreditation.
#[test]
fn available_election_and_network_acts_follow_the_record() {
    use comity_core::auth::{Principal, Role};
    use comity_core::{Actor, election, network};
    let state = replayed();
    let officer = Principal::new(Actor::parse("officer").unwrap(), vec![Role::Secretariat]);
    let (id, e) = state
        .elections
        .iter()
        .find(|(_, e)| e.result.is_none())
        .expect("an open election");
    let acts = election::available(&state, &officer, *id);
    assert!(acts.close && acts.record_paper && acts.vote_for.is_empty());
    let waiting = e
        .electorate
        .iter()
        .find(|s| !e.voted.contains(*s))
        .unwrap()
        .clone();
    let delegate = Principal::new(
        Actor::parse("delegate").unwrap(),
        vec![Role::StateDelegate(waiting.clone())],
    );
    let acts = election::available(&state, &delegate, *id);
    assert_eq!(acts.vote_for, vec![waiting]);
    assert!(!acts.close && !acts.record_paper);
    let counted = state
        .elections
        .iter()
        .find(|(_, e)| e.result.is_some())
        .unwrap()
        .0;
    assert_eq!(
        election::available(&state, &officer, *counted),
        Default::default()
    );

    let (motion, organ, d) = state
        .motions
        .values()
        .find_map(|m| {
            m.network_divisions
                .iter()
                .next()
                .map(|(o, d)| (m.id, o.clone(), d.clone()))
        })
        .expect("an open roll call");
    let now = comity_core::Timestamp::parse("2031-01-06T10:00:00Z").unwrap();
    let member = d.electorate[0];
    let accredited = Principal::new(
        Actor::parse("member").unwrap(),
        vec![Role::Accredited(member)],
    );
    let acts = network::available(&state, &accredited, now, motion);
    assert_eq!(acts.vote_in[&organ], vec![member]);
    assert!(acts.close.is_empty());
    let acts = network::available(&state, &officer, now, motion);
    assert!(acts.close.contains(&organ) && acts.vote_in[&organ].is_empty());
}

/// `membership::available`, `network::accreditation_acts` and `assembly::available` on the
/// golden journal: what each person may do follows the record (members cannot apply, a
/// pending request is decidable, a drawn assembly's seat is claimable by a citizen).
#[test]
fn available_membership_accreditation_and_assembly_acts_follow_the_record() {
    use comity_core::auth::{Principal, Role};
    use comity_core::membership::{ApplicationStatus, available};
    use comity_core::network::{AccreditationStatus, accreditation_acts};
    use comity_core::{Actor, assembly};
    let state = replayed();
    let now = comity_core::Timestamp::parse("2031-01-06T10:00:00Z").unwrap();
    let officer = Principal::new(Actor::parse("officer").unwrap(), vec![Role::Secretariat]);
    let acts = available(&state, &officer, now);
    assert!(!acts.apply_for.is_empty());
    for iso in &acts.apply_for {
        assert!(!state.members.contains_key(iso), "{iso} is a member");
        assert!(!state.applications.values().any(|a| &a.state == iso
            && matches!(
                a.status,
                ApplicationStatus::Received | ApplicationStatus::Referred
            )));
    }
    for id in &acts.refer {
        let a = &state.applications[id];
        assert!(a.eligible && a.status == ApplicationStatus::Received);
    }
    for id in &acts.propose_in {
        assert!(state.reviews[id].taken.is_none());
    }
    // A member's delegate applies for nobody and names its own officer only.
    let member = state.members.keys().next().unwrap().clone();
    let delegate = Principal::new(
        Actor::parse("delegate").unwrap(),
        vec![Role::StateDelegate(member.clone())],
    );
    let acts = available(&state, &delegate, now);
    assert!(acts.apply_for.is_empty() && acts.refer.is_empty());
    assert_eq!(acts.officer_for, vec![member.clone()]);

    // Every request of the golden journal is decided: make one that is not.
    let networks = accreditation_acts(&state, &officer, now).request_to;
    assert!(
        !networks.is_empty(),
        "the secretariat files requests to the networks"
    );
    let mut state = state;
    crate::run(
        &mut state,
        &comity_core::Command::Network(comity_core::network::Command::RequestAccreditation {
            organ: networks[0].clone(),
            name: "Golden Watch".into(),
            country: member.clone(),
            kind: comity_core::network::AccreditationKind::CivilSocietyOrganisation,
            description: "Election observers.".into(),
        }),
    )
    .unwrap();
    // Whoever holds the deciding organ's seat may decide it.
    let acts = [Role::Secretariat, Role::Parliamentarian, Role::CivilSociety]
        .into_iter()
        .map(|r| {
            accreditation_acts(
                &state,
                &Principal::new(Actor::parse("p").unwrap(), vec![r]),
                now,
            )
        })
        .find(|a| !a.decide.is_empty())
        .expect("someone decides accreditation");
    let requested: Vec<u64> = state
        .accreditations
        .values()
        .filter(|a| a.status == AccreditationStatus::Requested)
        .map(|a| a.id)
        .collect();
    assert_eq!(acts.decide, requested);
    assert_eq!(requested.len(), 1);
    let observer = Principal::new(Actor::parse("observer").unwrap(), vec![Role::Observer]);
    assert_eq!(
        accreditation_acts(&state, &observer, now),
        Default::default()
    );

    let organ = state.assemblies.keys().next().unwrap();
    let acts = assembly::available(&state, &officer, organ);
    let pending = state.assemblies[organ].pending().is_some();
    assert_eq!(
        (acts.commit, acts.draw, acts.import),
        (!pending, pending, !pending)
    );
    let citizen = Principal::new(Actor::parse("citizen").unwrap(), vec![Role::Citizen]);
    let acts = assembly::available(&state, &citizen, organ);
    assert!(!acts.commit && !acts.draw && !acts.import);
    assert_eq!(acts.claim, state.assemblies[organ].latest().is_some());
    assert_eq!(
        assembly::available(&state, &observer, "summit"),
        Default::default()
    );
}

/// A projection snapshot (`State` as JSON) reads back to the same state: encoded again it is
/// the same text, and it gives the same summary as the replay.
#[test]
fn the_golden_state_survives_a_snapshot() {
    let state = replayed();
    let text = serde_json::to_string(&state).unwrap();
    let back: State = serde_json::from_str(&text).unwrap();
    assert_eq!(back.head(), state.head());
    assert_eq!(serde_json::to_string(&back).unwrap(), text);
    assert_eq!(
        back.charter.as_ref().unwrap().charter,
        state.charter.as_ref().unwrap().charter
    );
    let kinds = BTreeMap::new();
    assert_eq!(summarize(&back, &kinds), summarize(&state, &kinds));
}
