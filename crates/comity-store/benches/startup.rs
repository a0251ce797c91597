//! Start-up on a large journal: how long `Institution::open` takes on 1,000,000 entries, and
//! where the time goes (reading and parsing the rows, folding them into the state).
//!
//! `cargo bench -p comity-store --bench startup` (set `COMITY_BENCH_ENTRIES` for another
//! count; set `COMITY_TEST_DATABASE_URL` to also measure PostgreSQL).
//!
//! The journal is a founded alliance (reference imports, charter, founding members: the
//! entries every real journal starts with) followed by review flags on its members, the
//! most frequent act a monitor records.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use comity_core::journal::seal;
use comity_core::{Actor, Command, Event, State, Timestamp, base, data, membership};
use comity_store::{Institution, JsonCodec, OpenMode, SideRows, StateCodec, Store};

const BATCH: usize = 10_000;

async fn build(url: &str, total: usize) -> u64 {
    let store = Store::open(url, OpenMode::Create).await.unwrap();
    let inst = Institution::open(store.clone()).await.unwrap();
    let mut cmds = data::reference_imports().unwrap();
    let c = data::charter("alliance-of-democracies").unwrap();
    cmds.push(Command::Base(base::Command::AdoptCharter {
        file: c.file.into(),
        source: c.source.into(),
    }));
    cmds.push(Command::Base(base::Command::AdmitFoundingMembers));
    let t = Timestamp::parse("2026-11-23T09:00:00Z").unwrap();
    for cmd in &cmds {
        inst.execute(&Actor::system(), t, cmd).await.unwrap();
    }
    let members: Vec<_> = inst.state().await.members.keys().cloned().collect();
    let mut head = inst.state().await.head();
    let founding = head.seq;
    let actor = Actor::parse("monitor").unwrap();
    let mut k = 0;
    while (head.seq as usize) < total {
        let n = BATCH.min(total - head.seq as usize);
        let events: Vec<Event> = (0..n)
            .map(|i| {
                k += 1;
                Event::Membership(membership::Event::MemberFlaggedForReview {
                    state: members[(k + i) % members.len()].clone(),
                    criterion: "free_or_partly_free".into(),
                    edition: format!("FIW {}", 2000 + k % 26),
                    change: format!(
                        "rated Free, {}/100 → rated Partly Free, {}/100; requires Free",
                        70 + k % 30,
                        40 + k % 30
                    ),
                })
            })
            .collect();
        let entries = seal(head, t, &actor, &events);
        store
            .append(head, &entries, &SideRows::none())
            .await
            .unwrap();
        head = entries.last().unwrap().head();
    }
    founding
}

/// `n` more review flags after `head` (on a member of the D10 charter's founders or not:
/// apply folds them the same way).
fn flags(head: comity_core::journal::Head, n: usize) -> Vec<comity_core::journal::Entry> {
    let t = Timestamp::parse("2026-11-24T09:00:00Z").unwrap();
    let events: Vec<Event> = (0..n)
        .map(|i| {
            Event::Membership(membership::Event::MemberFlaggedForReview {
                state: comity_core::Iso3::parse("DNK").unwrap(),
                criterion: "free_or_partly_free".into(),
                edition: format!("FIW {}", 2000 + i % 26),
                change: "rated Free → rated Partly Free; requires Free".into(),
            })
        })
        .collect();
    seal(head, t, &Actor::parse("monitor").unwrap(), &events)
}

struct Figures {
    open: Duration,
    read: Duration,
    apply: Duration,
    load: Duration,
    institution: Duration,
    snapshot_bytes: usize,
    from_snapshot: Duration,
    from_snapshot_tail: Duration,
}

async fn measure(url: &str, total: usize) -> Figures {
    let t0 = Instant::now();
    let store = Store::open(url, OpenMode::MustExist).await.unwrap();
    let open = t0.elapsed();

    // Reading and parsing alone (what `load_state` does before folding).
    let t1 = Instant::now();
    let mut entries = Vec::with_capacity(total);
    store
        .for_each(|e| {
            entries.push(e);
            Ok(())
        })
        .await
        .unwrap();
    let read = t1.elapsed();
    assert_eq!(entries.len(), total);

    // Folding alone, on entries already in memory.
    let t2 = Instant::now();
    let mut state = State::new();
    for e in &entries {
        state.apply(e).unwrap();
    }
    let apply = t2.elapsed();
    drop(entries);
    drop(state);

    let t3 = Instant::now();
    let state = store.load_state().await.unwrap();
    let load = t3.elapsed();
    assert_eq!(state.head().seq as usize, total);
    drop(state);

    let t4 = Instant::now();
    let inst = Institution::open(Store::open(url, OpenMode::MustExist).await.unwrap())
        .await
        .unwrap();
    let institution = t4.elapsed();
    let head = inst.state().await.head();
    assert_eq!(head.seq as usize, total);
    // That first open folded the whole journal and wrote a snapshot at its head.
    let snapshot_bytes = store
        .snapshot(JsonCodec.format())
        .await
        .unwrap()
        .map_or(0, |(_, body)| body.len());
    assert!(snapshot_bytes > 0, "the first open writes a snapshot");
    drop(inst);

    // The next start reads the snapshot and folds nothing after it.
    let t5 = Instant::now();
    let inst = Institution::open(Store::open(url, OpenMode::MustExist).await.unwrap())
        .await
        .unwrap();
    let from_snapshot = t5.elapsed();
    assert_eq!(inst.state().await.head(), head);
    drop(inst);

    // And one that finds 10,000 entries after its snapshot.
    let tail = 10_000;
    let entries = flags(head, tail);
    store
        .append(head, &entries, &SideRows::none())
        .await
        .unwrap();
    let t6 = Instant::now();
    let inst = Institution::open(Store::open(url, OpenMode::MustExist).await.unwrap())
        .await
        .unwrap();
    let from_snapshot_tail = t6.elapsed();
    assert_eq!(inst.state().await.head().seq as usize, total + tail);
    Figures {
        open,
        read,
        apply,
        load,
        institution,
        snapshot_bytes,
        from_snapshot,
        from_snapshot_tail,
    }
}

fn report(backend: &str, total: usize, founding: u64, f: &Figures) {
    let rate = |d: Duration| total as f64 / d.as_secs_f64();
    println!("{backend}: {total} entries ({founding} founding, the rest review flags)");
    let rows = [
        ("Store::open (connect, schema check)", f.open),
        ("read + parse every entry", f.read),
        ("apply every entry (in memory)", f.apply),
        ("Store::load_state (read, parse, apply)", f.load),
        (
            "Institution::open, no snapshot (folds all, writes one)",
            f.institution,
        ),
        ("Institution::open from the snapshot", f.from_snapshot),
        (
            "Institution::open, snapshot + 10,000 entries",
            f.from_snapshot_tail,
        ),
    ];
    for (what, d) in rows {
        println!(
            "  {what:<52} {:>8.2} s  ({:>9.0} entries/s)",
            d.as_secs_f64(),
            rate(d)
        );
    }
    println!("  snapshot size {:.1} MB", f.snapshot_bytes as f64 / 1e6);
}

fn main() {
    let total: usize = std::env::var("COMITY_BENCH_ENTRIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let dir = std::env::temp_dir().join(format!("comity_startup_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let url = format!("sqlite:{}", dir.join("journal.sqlite").display());
    let founding = rt.block_on(build(&url, total));
    let f = rt.block_on(measure(&url, total));
    report("SQLite (WAL, synchronous=FULL)", total, founding, &f);
    let _ = std::fs::remove_dir_all(&dir);

    if let Ok(admin) = std::env::var("COMITY_TEST_DATABASE_URL") {
        let schema = format!("comity_startup_{}", std::process::id());
        rt.block_on(async {
            use sqlx::Connection;
            let mut c = sqlx::PgConnection::connect(&admin).await.unwrap();
            sqlx::query(&format!("CREATE SCHEMA {schema}"))
                .execute(&mut c)
                .await
                .unwrap();
            let sep = if admin.contains('?') { '&' } else { '?' };
            let url = format!("{admin}{sep}options=-c%20search_path%3D{schema}");
            let founding = build(&url, total).await;
            let f = measure(&url, total).await;
            report("PostgreSQL", total, founding, &f);
            sqlx::query(&format!("DROP SCHEMA {schema} CASCADE"))
                .execute(&mut c)
                .await
                .unwrap();
        });
    }
}
