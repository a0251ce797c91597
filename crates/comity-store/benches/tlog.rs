//! The journal as a transparency log, beside its physical limit, in one run:
//!
//! 1. verifying an exported journal (chain and Merkle tree) against raw SHA-256 over the same
//!    bytes on one core, and against the former per-line parse;
//! 2. proofs answered from a log of 10,000,000 entries (tiles in SQLite): latency of
//!    inclusion and consistency proofs, each checked against the tree's root.
//!
//! `cargo bench -p comity-store --bench tlog` (`COMITY_BENCH_ENTRIES` sets the exported
//! journal's length, default 1,000,000; `COMITY_BENCH_LOG` the log's, default 10,000,000).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::time::{Duration, Instant};

use comity_core::export::ExportVerifier;
use comity_core::journal::{ChainVerifier, Head, parse_json_line, seal};
use comity_core::{Actor, Timestamp};
use comity_store::{OpenMode, Store};
use comity_tlog::merkle::{self, Compact, Hash};
use comity_tlog::tiles::{Edge, TileId};
use sha2::{Digest, Sha256};
use sqlx::Connection;

mod support;

fn export(n: usize) -> Vec<u8> {
    let actor = Actor::parse("secretariat").unwrap();
    let t = Timestamp::parse("2026-11-23T09:00:00Z").unwrap();
    let mut head = Head::default();
    let mut out = Vec::new();
    for b in 0..n.div_ceil(support::BATCH) {
        let evs = support::events(b, support::BATCH.min(n - b * support::BATCH));
        let entries = seal(head, t, &actor, &evs);
        for e in &entries {
            out.extend_from_slice(e.to_json_line().as_bytes());
            out.push(b'\n');
        }
        head = entries.last().unwrap().head();
    }
    out
}

fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best = Duration::MAX;
    let mut out = None;
    for _ in 0..runs {
        let t = Instant::now();
        let r = f();
        best = best.min(t.elapsed());
        out = Some(r);
    }
    (best, out.unwrap())
}

fn verify_new(bytes: &[u8], threads: usize) -> (Head, Hash) {
    let mut v = ExportVerifier::new(threads);
    let mut tree = Compact::new();
    for block in blocks(bytes) {
        v.push_block(block, |_, leaf| tree.push(leaf.0)).unwrap();
    }
    (v.head(), tree.root())
}

/// 8 MB blocks of whole lines, as `comity journal verify --file` reads them.
fn blocks(bytes: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let end = (at + (8 << 20)).min(bytes.len());
        let end = match bytes[end..].iter().position(|&b| b == b'\n') {
            Some(p) if end < bytes.len() => end + p + 1,
            _ => bytes.len(),
        };
        out.push(&bytes[at..end]);
        at = end;
    }
    out
}

fn verification(n: usize) {
    let bytes = export(n);
    let mb = bytes.len() as f64 / 1e6;
    println!("Verifying an exported journal of {n} entries ({mb:.0} MB), best of 3 runs:");
    let (sha, digest) = best_of(3, || Sha256::digest(&bytes));
    std::hint::black_box(digest);
    let rate = |d: Duration| n as f64 / d.as_secs_f64();
    let line = |what: &str, d: Duration| {
        println!(
            "  {what:<58} {:>10.0} entries/s {:>7.0} MB/s  {:>5.1} % of raw SHA-256",
            rate(d),
            mb / d.as_secs_f64(),
            100.0 * sha.as_secs_f64() / d.as_secs_f64()
        );
    };
    line("raw SHA-256 of the file's bytes, one core (the limit)", sha);
    let (old, old_head) = best_of(1, || {
        let mut v = ChainVerifier::new();
        for (i, l) in bytes
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .enumerate()
        {
            let e = parse_json_line(i + 1, std::str::from_utf8(l).unwrap()).unwrap();
            v.push(&e).unwrap();
        }
        v.head()
    });
    line(
        "before: parse, re-serialise, hash each line (chain only)",
        old,
    );
    let (one, (head1, root1)) = best_of(3, || verify_new(&bytes, 1));
    line(
        "chain + Merkle tree, stored bytes hashed as they are, 1 thread",
        one,
    );
    let threads = std::thread::available_parallelism().map_or(1, |t| t.get());
    let (many, (head2, root2)) = best_of(3, || verify_new(&bytes, threads));
    line(&format!("chain + Merkle tree, {threads} threads"), many);
    assert_eq!(old_head, head1);
    assert_eq!((head1, root1), (head2, root2));
}

async fn proofs(n: u64) {
    let dir = std::env::temp_dir().join(format!("comity_bench_tlog_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("log.sqlite");
    let url = format!("sqlite:{}", path.display());
    let store = Store::open(&url, OpenMode::Create).await.unwrap();
    println!("A log of {n} entries (tiles of height 8 in SQLite):");
    // The tiles of n leaves, as appends would have left them; one journal row gives the head.
    let t0 = Instant::now();
    let mut edge = Edge::default();
    let mut tiles: HashMap<TileId, Vec<Hash>> = HashMap::new();
    let mut leaves_kept = Vec::new();
    let step = 1 << 16;
    let mut i = 0u64;
    while i < n {
        let m = step.min(n - i);
        let leaves: Vec<Hash> = (i..i + m)
            .map(|k| merkle::leaf_hash(&k.to_be_bytes()))
            .collect();
        if i == 0 {
            leaves_kept = leaves[..1000].to_vec();
        }
        for t in edge.extend(&leaves) {
            tiles.insert(t.id, t.hashes);
        }
        i += m;
    }
    let root = edge.root().unwrap();
    let mut conn = sqlx::SqliteConnection::connect(&url).await.unwrap();
    let mut tx = conn.begin().await.unwrap();
    for (id, hashes) in &tiles {
        sqlx::query("INSERT INTO tlog_tile (level, idx, hashes) VALUES ($1, $2, $3)")
            .bind(i64::from(id.level))
            .bind(id.index as i64)
            .bind(hashes.concat())
            .execute(&mut *tx)
            .await
            .unwrap();
    }
    sqlx::query("INSERT INTO journal (seq, time, actor, kind, payload, prev_hash, hash) VALUES ($1, 't', 'a', 'k', '{}', $2, $2)")
        .bind(n as i64)
        .bind("0".repeat(64))
        .execute(&mut *tx)
        .await
        .unwrap();
    tx.commit().await.unwrap();
    println!(
        "  built and stored {} tiles in {:.1} s ({:.0} MB)",
        tiles.len(),
        t0.elapsed().as_secs_f64(),
        std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0) as f64 / 1e6
    );
    let mut rng = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    let mut inc = Vec::new();
    for k in 0..2_000 {
        let leaf = if k % 2 == 0 {
            next() % 1000
        } else {
            next() % n
        };
        let t = Instant::now();
        let p = store.log_inclusion(leaf, n).await.unwrap();
        inc.push(t.elapsed());
        let lh = if leaf < 1000 {
            leaves_kept[leaf as usize]
        } else {
            merkle::leaf_hash(&leaf.to_be_bytes())
        };
        merkle::verify_inclusion(leaf, n, &lh, &p, &root).unwrap();
    }
    let mut con = Vec::new();
    for _ in 0..2_000 {
        let from = 1 + next() % (n - 1);
        let t = Instant::now();
        let p = store.log_consistency(from, n).await.unwrap();
        con.push(t.elapsed());
        assert!(!p.is_empty());
    }
    let show = |what: &str, mut d: Vec<Duration>| {
        d.sort();
        let mean = d.iter().sum::<Duration>() / d.len() as u32;
        println!(
            "  {what:<44} mean {:>6.0} µs  p50 {:>6.0} µs  p99 {:>6.0} µs  (goal: under 1,000 µs)",
            mean.as_secs_f64() * 1e6,
            d[d.len() / 2].as_secs_f64() * 1e6,
            d[d.len() * 99 / 100].as_secs_f64() * 1e6
        );
    };
    show("inclusion proof (2,000, each verified)", inc);
    show("consistency proof (2,000)", con);
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
}

fn main() {
    let n: usize = std::env::var("COMITY_BENCH_ENTRIES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let log: u64 = std::env::var("COMITY_BENCH_LOG")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000_000);
    verification(n);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(proofs(log));
}
