//! `comity serve` stops cleanly on SIGTERM (issue 22, item 11): it says so and exits 0,
//! where it was killed before (exit 143).

use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};

use crate::support::{Scratch, charter, comity};

#[cfg(unix)]
#[test]
fn serve_stops_cleanly_on_sigterm() {
    let dir = Scratch::new();
    let db = format!("sqlite:{}", dir.path("a.sqlite").display());
    let o = comity(
        &dir.0,
        &[
            "init",
            "--charter",
            &charter("community-of-democracies.toml"),
            "--database",
            &db,
        ],
    );
    assert!(o.status.success(), "{}", crate::support::stderr(&o));
    let mut child = Command::new(env!("CARGO_BIN_EXE_comity"))
        .current_dir(&dir.0)
        .args(["serve", "--database", &db, "--bind", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while out.read_line(&mut line).unwrap() > 0 && !line.contains("Serving on") {}
    assert!(line.contains("Serving on"), "{line}");
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let mut rest = String::new();
    out.read_to_string(&mut rest).unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "{status:?}: {rest}");
    assert!(rest.contains("Stopped."), "{rest}");
}
