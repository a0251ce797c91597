//! Journal throughput: append 1,000,000 entries (batched) to SQLite and verify them, beside
//! the raw SHA-256 throughput of the same bytes on the same machine in the same run.
//!
//! `cargo bench -p comity-store --bench journal` (set `COMITY_BENCH_ENTRIES` for another
//! count; set `COMITY_TEST_DATABASE_URL` to also measure PostgreSQL).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use comity_core::journal::{Head, chain_hash, seal};
use comity_core::{Actor, Timestamp};
use comity_store::{OpenMode, SideRows, Store};

mod support;
use support::{BATCH, events};

struct Figures {
    seal: Duration,
    sha: Duration,
    bytes: u64,
    append: Duration,
    verify: Duration,
}

async fn run(url: &str, total: usize) -> Figures {
    let store = Store::open(url, OpenMode::Create).await.unwrap();
    let actor = Actor::parse("secretariat").unwrap();
    let t = Timestamp::parse("2026-11-23T09:00:00Z").unwrap();
    // As in production: the tree grows and every batch is signed.
    store.create_log_key("comity/bench").await.unwrap();
    let mut head = store.head().await.unwrap();
    assert_eq!(
        head,
        Head::default(),
        "the benchmark needs an empty journal"
    );
    let mut f = Figures {
        seal: Duration::ZERO,
        sha: Duration::ZERO,
        bytes: 0,
        append: Duration::ZERO,
        verify: Duration::ZERO,
    };
    for b in 0..total.div_ceil(BATCH) {
        let evs = events(b, BATCH.min(total - b * BATCH));
        let t0 = Instant::now();
        let entries = seal(head, t, &actor, &evs);
        f.seal += t0.elapsed();

        // The physical limit: SHA-256 over exactly the bytes the chain hashes.
        let canon: Vec<Vec<u8>> = entries.iter().map(|e| e.canonical_bytes()).collect();
        let t1 = Instant::now();
        let mut prev = head.hash;
        for c in &canon {
            prev = chain_hash(&prev, c);
        }
        f.sha += t1.elapsed();
        f.bytes += canon.iter().map(|c| 32 + c.len() as u64).sum::<u64>();
        assert_eq!(prev, entries.last().unwrap().hash);

        let t2 = Instant::now();
        store
            .append(head, &entries, &SideRows::none())
            .await
            .unwrap();
        f.append += t2.elapsed();
        head = entries.last().unwrap().head();
    }
    let t3 = Instant::now();
    let verified = store.verify().await.unwrap();
    f.verify = t3.elapsed();
    assert_eq!(verified, head);
    f
}

fn rate(n: usize, d: Duration) -> f64 {
    n as f64 / d.as_secs_f64()
}

fn report(backend: &str, n: usize, f: &Figures) {
    let sha = rate(n, f.sha);
    println!(
        "{backend}: {n} entries, {:.1} MB hashed",
        f.bytes as f64 / 1e6
    );
    println!(
        "  {:<44} {:>12.0} entries/s  ({:.0} MB/s)",
        "raw SHA-256 of the same bytes (limit)",
        sha,
        f.bytes as f64 / 1e6 / f.sha.as_secs_f64()
    );
    println!(
        "  {:<44} {:>12.0} entries/s  ({:.1}x slower than SHA-256)",
        "seal (canonical JSON + hash)",
        rate(n, f.seal),
        sha / rate(n, f.seal)
    );
    println!(
        "  {:<44} {:>12.0} entries/s  ({:.1}x slower than SHA-256)",
        "append, batches of 10,000 (one transaction each)",
        rate(n, f.append),
        sha / rate(n, f.append)
    );
    let end_to_end = f.seal + f.append;
    println!(
        "  {:<44} {:>12.0} entries/s",
        "seal + append end to end",
        rate(n, end_to_end)
    );
    println!(
        "  {:<44} {:>12.0} entries/s  ({:.1}x slower than SHA-256)",
        "verify (read, parse, recompute every hash)",
        rate(n, f.verify),
        sha / rate(n, f.verify)
    );
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
    let dir = std::env::temp_dir().join(format!("comity_bench_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("journal.sqlite");
    let f = rt.block_on(run(&format!("sqlite:{}", path.display()), total));
    report("SQLite (WAL, synchronous=FULL)", total, &f);
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0)
        + std::fs::metadata(dir.join("journal.sqlite-wal"))
            .map(|m| m.len())
            .unwrap_or(0);
    println!("  database size: {:.0} MB", size as f64 / 1e6);
    let _ = std::fs::remove_dir_all(&dir);

    if let Ok(admin) = std::env::var("COMITY_TEST_DATABASE_URL") {
        let schema = format!("comity_bench_{}", std::process::id());
        rt.block_on(async {
            use sqlx::Connection;
            let mut c = sqlx::PgConnection::connect(&admin).await.unwrap();
            sqlx::query(&format!("CREATE SCHEMA {schema}"))
                .execute(&mut c)
                .await
                .unwrap();
            let sep = if admin.contains('?') { '&' } else { '?' };
            let f = run(
                &format!("{admin}{sep}options=-c%20search_path%3D{schema}"),
                total,
            )
            .await;
            report("PostgreSQL", total, &f);
            sqlx::query(&format!("DROP SCHEMA {schema} CASCADE"))
                .execute(&mut c)
                .await
                .unwrap();
        });
    }
}
