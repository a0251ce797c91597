//! Write throughput through the whole server as the journal grows (issue 22, item 13): eight
//! clients table motions with `POST /api/v1/motions` (bearer tokens, JSON bodies, every layer
//! of the router: logs, metrics, the page cache emptied by each write), measured in bands of
//! 8,000 acts from a founded alliance to 48,000, on a SQLite file as `comity serve` runs it.
//! Beside it, in the same run, the same acts decided and recorded by the institution alone
//! (no HTTP): what the server adds, and whether either falls as the journal grows.
//!
//! `cargo bench -p comity-server --bench writes` (`COMITY_BENCH_ENTRIES` sets the last band's
//! end, default 48,000).
//!
//! Each account may record 60 acts at once and one a second after that (the write
//! allowance), so every client goes through accounts of its own, 50 acts each.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;
use support::found;

use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use comity_core::{Actor, Command, Principal, Role, Timestamp, motion};
use comity_store::Institution;
use tower::ServiceExt;

const BAND: usize = 8_000;
const CLIENTS: usize = 8;
const PER_ACCOUNT: usize = 50;

/// Civil-society accounts enough for `acts`, each with a token.
async fn tokens(inst: &Institution, acts: usize) -> Vec<String> {
    let t = Timestamp::parse("2026-11-23T09:00:00Z").unwrap();
    let mut out = Vec::new();
    for i in 0..acts.div_ceil(PER_ACCOUNT) + CLIENTS {
        let user = format!("ngo{i}");
        let store = inst.store();
        store
            .add_account(&user, "NGO", "bench-password", &[Role::CivilSociety], t)
            .await
            .unwrap();
        out.push(store.create_api_token(&user, "bench", t).await.unwrap());
    }
    out
}

const BODY: &str = r#"{"decision":"resolution","title":"Report on the pledges","text":"The alliance calls on its members to report on the pledges they made.","sponsor":"civil_society_network"}"#;

/// `n` acts over the API by `CLIENTS` clients, each using its own tokens in turn.
async fn band(app: &Router, tokens: &mut std::slice::Iter<'_, String>, n: usize) -> Duration {
    let per = n / CLIENTS;
    let lots: Vec<Vec<String>> = (0..CLIENTS)
        .map(|_| {
            tokens
                .by_ref()
                .take(per.div_ceil(PER_ACCOUNT))
                .cloned()
                .collect()
        })
        .collect();
    let started = Instant::now();
    let tasks: Vec<_> = lots
        .into_iter()
        .map(|lot| {
            let app = app.clone();
            tokio::spawn(async move {
                for i in 0..per {
                    let req = Request::post("/api/v1/motions")
                        .header("authorization", format!("Bearer {}", lot[i / PER_ACCOUNT]))
                        .header("content-type", "application/json")
                        .body(Body::from(BODY))
                        .unwrap();
                    let res = app.clone().oneshot(req).await.unwrap();
                    assert_eq!(res.status(), StatusCode::CREATED);
                }
            })
        })
        .collect();
    for t in tasks {
        t.await.unwrap();
    }
    started.elapsed()
}

/// The same acts by the institution alone: decided, recorded, folded.
async fn alone(inst: &Institution, from: usize, n: usize) -> Duration {
    let who = Principal::new(Actor::parse("alone").unwrap(), vec![Role::CivilSociety]);
    let t0 = Timestamp::parse("2030-01-01T00:00:00Z").unwrap().unix();
    let started = Instant::now();
    for i in from..from + n {
        let cmd = Command::Motion(motion::Command::TableMotion {
            decision: "resolution".into(),
            title: "Report on the pledges".into(),
            text: "The alliance calls on its members to report on the pledges they made.".into(),
            sponsor: motion::Seat::Organ("civil_society_network".into()),
        });
        let t = Timestamp::from_unix(t0 + i as i64);
        inst.execute_as(&who, t, &cmd).await.unwrap();
    }
    started.elapsed()
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
    let dir = std::env::temp_dir().join(format!("comity_http_writes_{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let url = format!("sqlite:{}", dir.join("journal.sqlite").display());
    rt.block_on(async {
        let inst = Arc::new(found(&url).await);
        let founding = inst.state().await.head().seq;
        let tokens = tokens(&inst, total + BAND).await;
        let mut tokens = tokens.iter();
        let app = comity_server::router(inst.clone()).unwrap();
        println!(
            "SQLite (WAL, synchronous=FULL), after {founding} founding entries: \
             {CLIENTS} clients tabling motions by POST /api/v1/motions, and the institution alone"
        );
        println!(
            "  {:<26} {:>12} {:>12} {:>14}",
            "journal", "API acts/s", "alone acts/s", "API µs/act"
        );
        let mut rates = Vec::new();
        let mut done = 0;
        while done < total {
            let n = BAND.min(total - done);
            let from = inst.state().await.head().seq;
            let api = band(&app, &mut tokens, n).await;
            let solo = alone(&inst, done, BAND / 8).await;
            let to = inst.state().await.head().seq;
            let rate = n as f64 / api.as_secs_f64();
            rates.push(rate);
            println!(
                "  {:<26} {:>12.0} {:>12.0} {:>14.0}",
                format!("{from} → {to} entries"),
                rate,
                (BAND / 8) as f64 / solo.as_secs_f64(),
                api.as_secs_f64() * 1e6 / n as f64
            );
            done += n;
        }
        if let (Some(first), Some(last)) = (rates.first(), rates.last()) {
            println!(
                "  last band / first band: {:.2} (a flat line is 1.00)",
                last / first
            );
        }
    });
    let _ = std::fs::remove_dir_all(&dir);
}
