//! `comity user`: accounts, API tokens with an expiry, listed and revoked, and roles granted
//! and removed with the record of who did it (issue 22, item 4).

use crate::support::{Scratch, charter, comity, stderr, stdout};

#[test]
fn tokens_and_roles_from_the_command_line() {
    let dir = Scratch::new();
    let db = format!("sqlite:{}", dir.path("a.sqlite").display());
    let run = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--database", &db]);
        comity(&dir.0, &all)
    };
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
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&["user", "add", "ida", "--name", "Ida", "--role", "observer"]);
    assert!(o.status.success(), "{}", stderr(&o));

    let o = run(&[
        "user",
        "token",
        "ida",
        "--name",
        "ci",
        "--expires-in-days",
        "30",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let token = stdout(&o).trim().to_owned();
    assert!(token.starts_with("comity_"), "{token}");
    let o = run(&["user", "tokens", "ida"]);
    let listed = stdout(&o);
    let line = listed.lines().next().unwrap();
    let cols: Vec<&str> = line.split('\t').collect();
    assert_eq!(cols[1], "ci", "{listed}");
    assert!(!cols[3].ends_with("never"), "an expiry: {line}");
    assert!(
        !listed.contains(&token[7..]),
        "the token is never shown again"
    );
    let o = run(&["user", "revoke-token", "ida", "0000000000000000"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("has no API token"), "{}", stderr(&o));
    let o = run(&["user", "revoke-token", "ida", cols[0]]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&run(&["user", "tokens", "ida"])), "");

    let o = run(&["user", "grant", "ida", "delegate:DNK", "--by", "amina"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&["user", "revoke", "ida", "observer", "--by", "amina"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = run(&["user", "revoke", "ida", "observer"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("does not hold the role observer"));
    let o = run(&["user", "list"]);
    assert!(
        stdout(&o).contains("ida\tIda\tdelegate:DNK\n"),
        "{}",
        stdout(&o)
    );
    let history = stdout(&run(&["user", "roles", "ida"]));
    let changes: Vec<Vec<&str>> = history
        .lines()
        .map(|l| l.split('\t').skip(1).collect())
        .collect();
    assert!(
        changes.contains(&vec!["granted", "delegate:DNK", "by amina"]),
        "{history}"
    );
    assert!(
        changes.contains(&vec!["removed", "observer", "by amina"]),
        "{history}"
    );
}
