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
    crate::support::init(&dir, "community-of-democracies.toml", &db, &[]);
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

/// Issue 22, item 12: a database rebuilt from its export and its sealed backup has the same
/// head, the same members, the same accounts and tokens, and the same log key signing its
/// checkpoints; a changed export or a wrong key is refused before anything is written.
#[test]
fn backup_and_restore_rebuild_the_same_institution() {
    let dir = Scratch::new();
    let db = format!("sqlite:{}", dir.path("a.sqlite").display());
    let copy = format!("sqlite:{}", dir.path("b.sqlite").display());
    let ok = |args: &[&str]| {
        let o = comity(&dir.0, args);
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        stdout(&o)
    };
    ok(&[
        "init",
        "--charter",
        &charter("community-of-democracies.toml"),
        "--database",
        &db,
    ]);
    ok(&[
        "user",
        "add",
        "ida",
        "--name",
        "Ida",
        "--role",
        "secretariat",
        "--database",
        &db,
    ]);
    ok(&["user", "token", "ida", "--database", &db]);
    let export = dir.path("journal.jsonl");
    let export = export.to_str().unwrap();
    ok(&["journal", "export", "--database", &db, "--output", export]);
    let key = dir.path("backup.key");
    let key = key.to_str().unwrap();
    let sealed = dir.path("side.backup");
    let sealed = sealed.to_str().unwrap();
    let said = ok(&[
        "backup",
        "--database",
        &db,
        "--out",
        sealed,
        "--key-file",
        key,
        "--new-key",
    ]);
    assert!(said.contains("Backed up"), "{said}");
    assert!(
        !String::from_utf8_lossy(&std::fs::read(sealed).unwrap()).contains("ida"),
        "the backup is sealed"
    );

    // A wrong key and a changed export are refused, and nothing is written.
    let wrong = dir.path("wrong.key");
    std::fs::write(&wrong, format!("{}\n", "ab".repeat(32))).unwrap();
    let o = comity(
        &dir.0,
        &[
            "restore",
            "--file",
            export,
            "--database",
            &copy,
            "--backup",
            sealed,
            "--key-file",
            wrong.to_str().unwrap(),
        ],
    );
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("cannot open it with this key"),
        "{}",
        stderr(&o)
    );
    let changed = dir.path("changed.jsonl");
    let text = std::fs::read_to_string(export).unwrap();
    std::fs::write(&changed, text.replacen("\"system\"", "\"mallory\"", 1)).unwrap();
    let o = comity(
        &dir.0,
        &[
            "restore",
            "--file",
            changed.to_str().unwrap(),
            "--database",
            &copy,
        ],
    );
    assert!(!o.status.success());
    assert!(
        !dir.path("b.sqlite").exists(),
        "nothing written for a file that does not verify"
    );

    let said = ok(&[
        "restore",
        "--file",
        export,
        "--database",
        &copy,
        "--backup",
        sealed,
        "--key-file",
        key,
    ]);
    assert!(said.contains("Restored"), "{said}");
    for args in [
        vec!["journal", "verify", "--database"],
        vec!["members", "--format", "json", "--database"],
        vec!["user", "list", "--database"],
        vec!["journal", "log-key", "--database"],
        vec!["journal", "checkpoint", "--database"],
    ] {
        let a: Vec<&str> = args.iter().copied().chain([db.as_str()]).collect();
        let b: Vec<&str> = args.iter().copied().chain([copy.as_str()]).collect();
        let (a_out, b_out) = (ok(&a), ok(&b));
        let strip = |s: &str| s.replace(&db, "").replace(&copy, "");
        assert_eq!(strip(&a_out), strip(&b_out), "{args:?}");
    }
    assert_eq!(
        ok(&["user", "tokens", "ida", "--database", &db]),
        ok(&["user", "tokens", "ida", "--database", &copy])
    );
    // Restoring again over it is refused.
    let o = comity(&dir.0, &["restore", "--file", export, "--database", &copy]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("already holds a journal"),
        "{}",
        stderr(&o)
    );
}
