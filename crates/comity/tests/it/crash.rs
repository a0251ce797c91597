//! The crash harness (issue 22): a stream of acts through the API, the server killed with
//! SIGKILL at a random point, restarted; every act it acknowledged must be there and the
//! chain must verify, on SQLite and on PostgreSQL. CI runs a few points;
//! `scripts/crash.sh` runs a thousand (`COMITY_CRASH_POINTS`).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Child;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::support::{Scratch, charter, comity, stderr, stdout};

/// Writers, each with an account of its own (an account's allowance is 60 acts at once).
const WRITERS: usize = 8;

fn points(default: usize) -> usize {
    std::env::var("COMITY_CRASH_POINTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn start(dir: &Scratch, db: &str) -> (Child, String) {
    let served = crate::support::serve(dir, db);
    (served.child, served.addr)
}

/// One HTTP/1.1 request; the status and body, or `None` if the connection failed.
fn request(addr: &str, method: &str, path: &str, token: &str, body: &str) -> Option<(u16, String)> {
    let mut s = TcpStream::connect(addr).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).ok()?;
    let mut text = String::new();
    s.read_to_string(&mut text).ok()?;
    let status = text.split(' ').nth(1)?.parse().ok()?;
    let body = text.split_once("\r\n\r\n").map(|(_, b)| b.to_owned())?;
    Some((status, body))
}

fn harness(db: &str, points: usize) {
    let dir = Scratch::new();
    let o = comity(
        &dir.0,
        &[
            "init",
            "--charter",
            &charter("alliance-of-democracies.toml"),
            "--database",
            db,
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let tokens: Vec<String> = (0..WRITERS)
        .map(|i| {
            let user = format!("ngo{i}");
            let o = comity(
                &dir.0,
                &[
                    "user",
                    "add",
                    &user,
                    "--name",
                    "NGO",
                    "--role",
                    "civil_society",
                    "--database",
                    db,
                ],
            );
            assert!(o.status.success(), "{}", stderr(&o));
            let o = comity(&dir.0, &["user", "token", &user, "--database", db]);
            stdout(&o).trim().to_owned()
        })
        .collect();
    let body = r#"{"decision":"resolution","title":"Crash test","text":"Recorded before the kill.","sponsor":"civil_society_network"}"#;
    let acknowledged: Arc<Mutex<Vec<u64>>> = Arc::default();
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut checked = 0;
    for point in 0..points {
        let (mut child, addr) = start(&dir, db);
        let stop = Arc::new(AtomicBool::new(false));
        let writers: Vec<_> = tokens
            .iter()
            .cloned()
            .map(|token| {
                let (addr, stop, acked) = (addr.clone(), stop.clone(), acknowledged.clone());
                std::thread::spawn(move || {
                    while !stop.load(Ordering::Relaxed) {
                        match request(&addr, "POST", "/api/v1/motions", &token, body) {
                            Some((201, b)) => {
                                let doc: serde_json::Value = serde_json::from_str(&b).unwrap();
                                acked.lock().unwrap().push(doc["motion"].as_u64().unwrap());
                            }
                            Some((429, _)) => std::thread::sleep(Duration::from_millis(200)),
                            Some((s, b)) => panic!("{s}: {b}"),
                            None => break,
                        }
                    }
                })
            })
            .collect();
        // xorshift: a kill time between 20 and 1000 ms, reproducible run to run.
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_millis(20 + seed % 980));
        child.kill().unwrap();
        child.wait().unwrap();
        stop.store(true, Ordering::Relaxed);
        for w in writers {
            w.join().unwrap();
        }
        let acked = acknowledged.lock().unwrap().clone();
        // Every act acknowledged before the kill is there after the restart.
        let (mut child, addr) = start(&dir, db);
        for id in &acked[checked..] {
            let (status, _) =
                request(&addr, "GET", &format!("/api/v1/motions/{id}"), "", "").unwrap();
            assert_eq!(
                status, 200,
                "point {point}: acknowledged motion {id} is missing"
            );
        }
        checked = acked.len();
        child.kill().unwrap();
        child.wait().unwrap();
        let o = comity(&dir.0, &["journal", "verify", "--database", db]);
        assert!(o.status.success(), "point {point}: {}", stderr(&o));
        eprintln!(
            "crash point {}/{points}: {} acts acknowledged so far, all present",
            point + 1,
            acked.len()
        );
    }
    let started = Instant::now();
    let o = comity(&dir.0, &["journal", "verify", "--database", db]);
    assert!(o.status.success(), "{}", stderr(&o));
    eprintln!("{} ({:?})", stdout(&o).trim(), started.elapsed());
}

#[cfg(unix)]
#[test]
fn acknowledged_acts_survive_kill_9_on_sqlite() {
    let dir = Scratch::new();
    let db = format!("sqlite:{}", dir.path("crash.sqlite").display());
    harness(&db, points(3));
}

#[cfg(unix)]
#[test]
fn acknowledged_acts_survive_kill_9_on_postgres() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let Some((url, admin, schema)) = runtime.block_on(crate::support::postgres_url(
        "acknowledged_acts_survive_kill_9_on_postgres",
    )) else {
        return;
    };
    harness(&url, points(3));
    runtime.block_on(crate::support::drop_schema(&admin, &schema));
}
