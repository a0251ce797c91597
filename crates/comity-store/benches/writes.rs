//! Write throughput as the journal grows (issue 22, item 13): motions tabled one act at a time,
//! each decided, appended in its own transaction and folded, as the API does, measured in bands
//! of 8,000 acts from a founded alliance to 48,000; beside the same acts on a journal that
//! stays small (the rate a flat line would keep), in the same run.
//!
//! `cargo bench -p comity-store --bench writes` (`COMITY_BENCH_ENTRIES` sets the last band's
//! end, default 48,000; set `COMITY_TEST_DATABASE_URL` to also measure PostgreSQL).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use comity_core::{Actor, Command, Principal, Role, Timestamp, base, data, motion};
use comity_store::{Institution, OpenMode, Store};

const BAND: usize = 8_000;

async fn found(url: &str) -> Institution {
    let store = Store::open(url, OpenMode::Create).await.unwrap();
    // As `comity init` does: the journal is a transparency log whose checkpoints are signed.
    store
        .create_log_key(&comity_store::tlog::origin_for("Bench alliance"))
        .await
        .unwrap();
    let inst = Institution::open(store).await.unwrap();
    let mut cmds = data::reference_imports().unwrap();
    let c = data::charter("alliance-of-democracies").unwrap();
    cmds.push(Command::Base(base::Command::AdoptCharter {
        file: c.file.into(),
        source: c.source.into(),
    }));
    cmds.push(Command::Base(base::Command::AdmitFoundingMembers));
    let t = Timestamp::parse("2026-11-23T09:00:00Z").unwrap();
    inst.execute_all(&Actor::system(), t, &cmds).await.unwrap();
    inst
}

fn tabling(i: usize) -> Command {
    Command::Motion(motion::Command::TableMotion {
        decision: "resolution".into(),
        title: format!("Resolution {i}"),
        text: "The alliance calls on its members to report on the pledges they made.".into(),
        sponsor: motion::Seat::Organ("civil_society_network".into()),
    })
}

/// Table `n` motions one act at a time, as a person with a role (the role checked, the
/// account's allowance spent: one act a second of the command's time); the time it took.
async fn table(inst: &Institution, from: usize, n: usize) -> Duration {
    let who = Principal::new(Actor::parse("ngo").unwrap(), vec![Role::CivilSociety]);
    let t0 = Timestamp::parse("2026-11-24T09:00:00Z").unwrap().unix();
    let started = Instant::now();
    for i in from..from + n {
        let t = Timestamp::from_unix(t0 + i as i64);
        let entries = inst.execute_as(&who, t, &tabling(i)).await.unwrap();
        assert_eq!(entries.len(), 1);
    }
    started.elapsed()
}

async fn run(backend: &str, url: &str, total: usize) {
    let inst = found(url).await;
    let founding = inst.state().await.head().seq;
    println!("{backend}: motions tabled one act at a time after {founding} founding entries");
    println!("  {:<24} {:>10} {:>10}", "journal", "acts/s", "µs/act");
    let mut done = 0;
    let mut first = 0.0;
    while done < total {
        let n = BAND.min(total - done);
        let d = table(&inst, done, n).await;
        let rate = n as f64 / d.as_secs_f64();
        if done == 0 {
            first = rate;
        }
        let seq = inst.state().await.head().seq;
        println!(
            "  {:<24} {:>10.0} {:>10.0}",
            format!("{} → {} entries", seq - n as u64, seq),
            rate,
            d.as_secs_f64() * 1e6 / n as f64
        );
        done += n;
    }
    let last = BAND.min(total);
    let d = table(&inst, done, last).await;
    let rate = last as f64 / d.as_secs_f64();
    println!(
        "  last band / first band: {:.2} (a flat line is 1.00; {first:.0} → {rate:.0} acts/s)",
        rate / first
    );
}

fn main() {
    let total: usize = std::env::var("COMITY_BENCH_ENTRIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(48_000);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let dir = std::env::temp_dir().join(format!("comity_writes_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let url = format!("sqlite:{}", dir.join("journal.sqlite").display());
    rt.block_on(run("SQLite (WAL, synchronous=FULL)", &url, total));
    let _ = std::fs::remove_dir_all(&dir);

    if let Ok(admin) = std::env::var("COMITY_TEST_DATABASE_URL") {
        let schema = format!("comity_writes_{}", std::process::id());
        rt.block_on(async {
            use sqlx::Connection;
            let mut c = sqlx::PgConnection::connect(&admin).await.unwrap();
            sqlx::query(&format!("CREATE SCHEMA {schema}"))
                .execute(&mut c)
                .await
                .unwrap();
            let sep = if admin.contains('?') { '&' } else { '?' };
            let url = format!("{admin}{sep}options=-c%20search_path%3D{schema}");
            run("PostgreSQL", &url, total).await;
            sqlx::query(&format!("DROP SCHEMA {schema} CASCADE"))
                .execute(&mut c)
                .await
                .unwrap();
        });
    }
}
