//! The pools of assemblies in their read table, on each backend: written with the entries
//! that register them, handed to the commitment and the draw (which check them against the
//! state's digest), refused when a volunteer registered already, and filled from the journal
//! when the table is created on an older database.

use std::collections::BTreeMap;

use comity_core::assembly::{self, Volunteer, commitment, pool_matches};
use comity_core::{Actor, Command, DomainError, Timestamp, base, data};
use comity_store::{ExecError, Institution, OpenMode, Store};

use crate::support::TestDb;

const ORGAN: &str = "citizens_assembly";

fn t() -> Timestamp {
    Timestamp::parse("2026-11-23T09:00:00Z").unwrap()
}

/// `n` volunteers covering every quota value of the shipped charter.
fn volunteers(n: usize, salt: &str) -> Vec<Volunteer> {
    let gender = ["female", "male", "male", "female", "other"];
    let age = ["16-29", "30-44", "45-59", "60+"];
    let education = ["primary", "secondary", "tertiary"];
    let region = [
        "AFRICAN",
        "ASIA_PACIFIC",
        "EASTERN_EUROPEAN",
        "GRULAC",
        "WEOG",
    ];
    (0..n)
        .map(|i| {
            let features: BTreeMap<String, String> = [
                ("gender", gender[(i * 7) % 5]),
                ("age", age[(i / 3) % 4]),
                ("education", education[(i * 5 / 2) % 3]),
                ("region", region[(i / 2) % 5]),
            ]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
            Volunteer {
                hash: commitment(&format!("{salt} {i}")),
                features,
                household: None,
            }
        })
        .collect()
}

fn register(volunteers: Vec<Volunteer>) -> Command {
    Command::Assembly(assembly::Command::RegisterVolunteers {
        organ: ORGAN.into(),
        volunteers,
        already: Vec::new(),
    })
}

async fn pool_table(db: &TestDb) {
    let store = Store::open(&db.url, OpenMode::Create).await.unwrap();
    let inst = Institution::open(store).await.unwrap();
    let c = data::charter("alliance-of-democracies").unwrap();
    let op = Actor::system();
    inst.execute(
        &op,
        t(),
        &Command::Base(base::Command::AdoptCharter {
            file: c.file.into(),
            source: c.source.into(),
        }),
    )
    .await
    .unwrap();
    inst.execute(&op, t(), &register(volunteers(120, "a")))
        .await
        .unwrap();
    inst.execute(&op, t(), &register(volunteers(80, "b")))
        .await
        .unwrap();

    // The table holds the journal's pool: the state's digest says so.
    let pool = inst.store().pool(ORGAN, 200).await.unwrap();
    let digest = inst.state().await.assemblies[ORGAN].digest;
    assert!(pool_matches(&pool, 200, digest));
    assert_eq!(pool[120], volunteers(80, "b")[0]);

    // Whoever registered already is refused by name, whatever the caller said; nothing moves.
    let head = inst.store().head().await.unwrap();
    let mut again = volunteers(2, "c");
    again.push(volunteers(5, "a")[4].clone());
    let e = inst.execute(&op, t(), &register(again)).await.unwrap_err();
    assert!(
        matches!(&e, ExecError::Refused(DomainError::Assembly(comity_core::assembly::Refusal::VolunteerInvalid { volunteer: 3, field, .. })) if field == "hash"),
        "{e:?}"
    );
    assert_eq!(inst.store().head().await.unwrap(), head);

    // The commitment and the draw get the pool from the table (an empty one given is ignored).
    let seed = "a public seed for the store test";
    inst.execute(
        &op,
        t(),
        &Command::Assembly(assembly::Command::CommitDraw {
            organ: ORGAN.into(),
            commitment: commitment(seed),
            pool: Vec::new(),
        }),
    )
    .await
    .unwrap();
    inst.execute(
        &op,
        t(),
        &Command::Assembly(assembly::Command::DrawAssembly {
            organ: ORGAN.into(),
            seed: seed.into(),
            pool: Vec::new(),
        }),
    )
    .await
    .unwrap();
    let panel = inst.state().await.assemblies[ORGAN]
        .latest()
        .unwrap()
        .1
        .panel
        .clone();
    assert_eq!(panel.len(), 100);
    let members = inst.store().pool_members(ORGAN, &panel).await.unwrap();
    assert_eq!(members.len(), 100);
    let rules = assembly::rules(&*inst.state().await, ORGAN)
        .unwrap()
        .0
        .clone();
    assembly::check_panel(&rules, &pool, 100, &panel).unwrap();
    drop(inst);

    // A database from before the table (schema 5): the migrations run again and the pool
    // table is filled from the journal.
    for table in [
        "pool_volunteers",
        "unga_roll_calls",
        "unga_roll_call_issues",
        "unga_votes",
        "tlog_tile",
        "tlog_key",
        "tlog_checkpoint",
        "tlog_witness",
        "tlog_cosignature",
    ] {
        db.raw_execute(&format!("DROP TABLE {table}")).await;
    }
    db.undo_migrations_from_9().await;
    db.raw_execute("DELETE FROM comity_schema WHERE version >= 6")
        .await;
    let store = Store::open(&db.url, OpenMode::MustExist).await.unwrap();
    assert_eq!(store.pool(ORGAN, 1_000).await.unwrap(), pool);
    let inst = Institution::open(store).await.unwrap();
    assert_eq!(inst.state().await.assemblies[ORGAN].registered, 200);
}

#[tokio::test]
async fn sqlite_pool_table() {
    let db = TestDb::sqlite();
    pool_table(&db).await;
    db.finish().await;
}

#[tokio::test]
async fn postgres_pool_table() {
    if let Some(db) = TestDb::postgres("postgres_pool_table").await {
        pool_table(&db).await;
        db.finish().await;
    }
}
