//! `comity demo`: founds, serves, and reopens without wiping.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

use crate::support::Scratch;

struct Server(Child);
impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Start the demo on a free port; returns the server, everything it printed, and its address.
fn start(dir: &Scratch, extra: &[&str]) -> (Server, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_comity"))
        .current_dir(&dir.0)
        .args(["demo", "--port", "0"])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let out = child.stdout.take().unwrap();
    let server = Server(child);
    let mut printed = String::new();
    for line in BufReader::new(out).lines() {
        let line = line.unwrap();
        printed.push_str(&line);
        printed.push('\n');
        if let Some(rest) = line.strip_prefix("Serving on http://") {
            let addr = rest.split('/').next().unwrap().to_owned();
            return (server, printed, addr);
        }
    }
    panic!("demo stopped before serving:\n{printed}");
}

fn get(addr: &str, path: &str) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut body = String::new();
    s.read_to_string(&mut body).unwrap();
    body
}

#[test]
fn demo_founds_serves_and_reopens() {
    let dir = Scratch::new();
    let (server, printed, addr) = start(&dir, &[]);
    assert!(
        printed.contains("Founded the Alliance of Democracies"),
        "{printed}"
    );
    assert!(
        printed.contains("founding members admitted: 139"),
        "{printed}"
    );
    assert!(addr.starts_with("127.0.0.1:"), "{addr}");
    let page = get(&addr, "/");
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    assert!(page.contains("<h1>Alliance of Democracies</h1>"));
    assert!(
        page.contains("<strong>140</strong> member states"),
        "{page}"
    );
    let denmark = get(&addr, "/members/DNK");
    assert!(denmark.starts_with("HTTP/1.1 200"), "{denmark}");
    assert!(denmark.contains("rated Free, 97/100, FIW 2025"));
    assert!(get(&addr, "/nowhere").starts_with("HTTP/1.1 404"));
    let health = get(&addr, "/health");
    let head = health.split("\"head_hash\":\"").nth(1).unwrap()[..64].to_owned();
    // The demo's two witnesses, each with its own key, cosign the latest checkpoint.
    assert!(
        printed.contains("Log key: comity/alliance-of-democracies+"),
        "{printed}"
    );
    assert_eq!(
        printed.matches("Witness: witness.demo/").count(),
        2,
        "{printed}"
    );
    let mut cosigned = String::new();
    for _ in 0..60 {
        cosigned = get(&addr, "/api/v1/journal/checkpoint");
        if cosigned.matches("\"witness\":").count() == 2 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(250));
    }
    assert_eq!(cosigned.matches("\"witness\":").count(), 2, "{cosigned}");
    let page = get(&addr, "/journal");
    assert!(
        page.contains("witness.demo/civil-society-monitor"),
        "{page}"
    );
    // Search, from the header of every page.
    let found = get(&addr, "/search?q=journalists&kind=pledge");
    assert!(found.starts_with("HTTP/1.1 200"), "{found}");
    assert!(found.contains("<mark>journalists</mark>"), "{found}");
    drop(server);

    // The same search from the command line, on the demo's database.
    let o = crate::support::comity(
        &dir.0,
        &[
            "search",
            "journalists",
            "--kind",
            "pledge",
            "--format",
            "json",
        ],
    );
    assert!(o.status.success(), "{}", crate::support::stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&crate::support::stdout(&o)).unwrap();
    assert!(v["total"].as_u64().unwrap() >= 1, "{v}");
    for r in v["results"].as_array().unwrap() {
        assert_eq!(r["kind"], "pledge", "{v}");
        assert!(r["url"].as_str().unwrap().starts_with("/pledges/"), "{v}");
    }
    let o = crate::support::comity(&dir.0, &["search", "x", "--from", "2026-02-31"]);
    assert!(!o.status.success());
    assert!(
        crate::support::stderr(&o).contains("--from: \"2026-02-31\" is not a day"),
        "{}",
        crate::support::stderr(&o)
    );

    // A second run reopens the same alliance: same journal head, nothing wiped.
    let (server, printed, _) = start(&dir, &[]);
    assert!(
        printed.contains("Reopened the Alliance of Democracies"),
        "{printed}"
    );
    assert!(printed.contains(&head), "{printed}");
    drop(server);

    // The tellers' file of a paper vote in the hall joins the demo's open Election 2.
    let blt = "4 1\n1 2 1 0\n1 3 4 0\n0\n\"Amara Okafor (Nigeria)\"\n\"Lucía Fernández (Uruguay)\"\n\"Jakub Nowak (Poland)\"\n\"Priya Nair (India)\"\n\"Chair of the UN Caucus\"\n";
    std::fs::write(dir.path("tellers.blt"), blt).unwrap();
    let paper = |states: &str, file: &str| {
        crate::support::comity(
            &dir.0,
            &["election", "paper-ballots", "2", file, "--states", states],
        )
    };
    let o = paper("DNK,SWE", "tellers.blt");
    assert!(o.status.success(), "{}", crate::support::stderr(&o));
    let out = crate::support::stdout(&o);
    assert!(
        out.contains("2 paper ballot(s) recorded in election 2") && out.contains("82 of 139"),
        "{out}"
    );
    let o = paper("DNK,NOR", "tellers.blt");
    assert!(!o.status.success());
    assert!(crate::support::stderr(&o).contains("DNK has already voted"));
    std::fs::write(
        dir.path("bad.blt"),
        blt.replace("Priya Nair (India)", "Zoë"),
    )
    .unwrap();
    let o = paper("NOR,ISL", "bad.blt");
    assert!(!o.status.success());
    assert!(
        crate::support::stderr(&o).contains("bad.blt: candidate \"Zoë\""),
        "{}",
        crate::support::stderr(&o)
    );

    // --fresh starts over.
    let (_server, printed, _) = start(&dir, &["--fresh"]);
    assert!(printed.contains("--fresh: removed"), "{printed}");
    assert!(
        printed.contains("Founded the Alliance of Democracies"),
        "{printed}"
    );
}
