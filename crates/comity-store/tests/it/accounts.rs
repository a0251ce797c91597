//! Accounts, sessions and API tokens on each backend.

use comity_core::Timestamp;
use comity_core::auth::Role;
use comity_store::logins::{FREE_PER_ACCOUNT, FREE_PER_ADDRESS, Login};
use comity_store::{AccountError, OpenMode, Store};

use crate::support::TestDb;

fn t(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

async fn accounts(db: &TestDb) {
    let store = Store::open(&db.url, OpenMode::Create).await.unwrap();
    let dk = Role::StateDelegate(comity_core::Iso3::parse("DNK").unwrap());
    let now = t("2026-11-23T09:00:00Z");
    let a = store
        .add_account(
            "ida",
            "Ida Jensen",
            "correct horse battery",
            std::slice::from_ref(&dk),
            now,
        )
        .await
        .unwrap();
    assert_eq!(a.roles, vec![dk.clone()]);
    // The password is stored as an argon2id PHC string, never in the clear.
    assert!(matches!(
        store
            .add_account("ida", "Other", "another long password", &[], now)
            .await,
        Err(AccountError::Exists(_))
    ));
    assert!(matches!(
        store
            .add_account("Bad Name", "X", "a long enough password", &[], now)
            .await,
        Err(AccountError::BadUsername(_))
    ));
    assert!(matches!(
        store.add_account("shorty", "X", "short", &[], now).await,
        Err(AccountError::WeakPassword)
    ));

    let ip = "192.0.2.1";
    assert!(matches!(
        store.login("ida", "correct horse battery", ip, now).await.unwrap(),
        Login::Ok(a) if a.username == "ida"
    ));
    assert_eq!(
        store
            .login("ida", "wrong password!", ip, now)
            .await
            .unwrap(),
        Login::Refused
    );
    assert_eq!(
        store
            .login("nobody", "correct horse battery", ip, now)
            .await
            .unwrap(),
        Login::Refused
    );

    // Sessions: found by token until they expire, gone after sign-out.
    let (token, csrf) = store
        .create_session("ida", t("2026-11-23T17:00:00Z"))
        .await
        .unwrap();
    assert_eq!(token.len(), 64);
    let s = store.session(&token, now).await.unwrap().unwrap();
    assert_eq!(s.account.username, "ida");
    assert_eq!(s.csrf, csrf);
    assert!(
        store
            .session(&token, t("2026-11-23T17:00:01Z"))
            .await
            .unwrap()
            .is_none()
    );
    assert!(store.session("not-a-token", now).await.unwrap().is_none());
    store.end_session(&token).await.unwrap();
    assert!(store.session(&token, now).await.unwrap().is_none());

    // Expired sessions do not pile up: a sign-in deletes them, and only them.
    let (expired, _) = store
        .create_session("ida", t("2026-11-23T17:00:00Z"))
        .await
        .unwrap();
    let (live, _) = store
        .create_session("ida", t("2026-11-30T17:00:00Z"))
        .await
        .unwrap();
    assert_eq!(db.raw_count("SELECT COUNT(*) FROM sessions").await, 2);
    let later = t("2026-11-24T09:00:00Z");
    assert!(matches!(
        store
            .login("ida", "correct horse battery", ip, later)
            .await
            .unwrap(),
        Login::Ok(_)
    ));
    assert_eq!(db.raw_count("SELECT COUNT(*) FROM sessions").await, 1);
    assert!(store.session(&expired, later).await.unwrap().is_none());
    assert!(store.session(&live, later).await.unwrap().is_some());

    // API tokens.
    let api = store.create_api_token("ida", "script", now).await.unwrap();
    assert!(api.starts_with("comity_"));
    assert_eq!(
        store.token_account(&api, now).await.unwrap().unwrap().roles,
        vec![dk.clone()]
    );
    assert!(
        store
            .token_account("comity_0000", now)
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(store.accounts().await.unwrap().len(), 1);

    // A seat bound to one person: granted once, refused to a second account, kept once.
    let seat = Role::Panelist {
        organ: "citizens_assembly".into(),
        volunteer: 17,
    };
    assert!(store.grant_role("ida", &seat, "sec", now).await.unwrap());
    // Granted again: kept once, and said so.
    assert!(!store.grant_role("ida", &seat, "sec", now).await.unwrap());
    let ida = store.token_account(&api, now).await.unwrap().unwrap();
    assert_eq!(ida.roles, vec![dk, seat.clone()]);
    store
        .add_account("bob", "Bob", "another long password", &[Role::Citizen], now)
        .await
        .unwrap();
    assert!(matches!(
        store.grant_role("bob", &seat, "sec", now).await,
        Err(AccountError::RoleHeld { by, .. }) if by == "ida"
    ));
    assert!(matches!(
        store.grant_role("nobody", &Role::Citizen, "sec", now).await,
        Err(AccountError::Unknown(_))
    ));

    // Issue 22, item 4: roles are removed, and who did what is kept.
    let later = t("2026-11-24T09:00:00Z");
    assert!(store.revoke_role("ida", &seat, "sec", later).await.unwrap());
    assert!(!store.revoke_role("ida", &seat, "sec", later).await.unwrap());
    assert_eq!(
        store
            .token_account(&api, later)
            .await
            .unwrap()
            .unwrap()
            .roles,
        vec![Role::StateDelegate(
            comity_core::Iso3::parse("DNK").unwrap()
        )]
    );
    let changes = store.role_changes("ida").await.unwrap();
    let seen: Vec<(&str, &str, &str)> = changes
        .iter()
        .map(|c| (c.change.as_str(), c.by.as_str(), c.at.as_str()))
        .collect();
    assert_eq!(
        seen,
        vec![
            ("removed", "sec", "2026-11-24T09:00:00Z"),
            ("granted", "sec", "2026-11-23T09:00:00Z")
        ]
    );
    // Tokens are listed (never shown again), expire and are revoked.
    let short = store
        .create_api_token_until("ida", "one day", now, Some(t("2026-11-24T09:00:00Z")))
        .await
        .unwrap();
    assert!(store.token_account(&short, now).await.unwrap().is_some());
    assert!(
        store.token_account(&short, later).await.unwrap().is_none(),
        "expired"
    );
    let listed = store.api_tokens("ida").await.unwrap();
    assert_eq!(listed.len(), 2);
    assert!(
        listed
            .iter()
            .all(|k| !api.contains(&k.id) && !short.contains(&k.id))
    );
    let script = listed.iter().find(|k| k.name == "script").unwrap();
    assert_eq!(script.expires_at, None);
    assert_eq!(script.last_used_at.as_deref(), Some("2026-11-24T09:00:00Z"));
    assert!(
        !store.revoke_api_token("bob", &script.id).await.unwrap(),
        "not bob's"
    );
    assert!(store.revoke_api_token("ida", &script.id).await.unwrap());
    assert!(
        store.token_account(&api, later).await.unwrap().is_none(),
        "revoked"
    );
    assert!(!store.revoke_api_token("ida", "not-an-id").await.unwrap());
}

/// Issue 22, item 3: a hundred wrong passwords in two seconds, then the right one, let
/// nobody in; waiting out the delay does; the owner is told what was tried; an address
/// guessing across accounts is slowed too.
async fn guessing_is_slowed(db: &TestDb) {
    let store = Store::open(&db.url, OpenMode::Create).await.unwrap();
    let now = t("2026-11-23T09:00:00Z");
    store
        .add_account("ida", "Ida", "correct horse battery", &[], now)
        .await
        .unwrap();
    assert!(matches!(
        store
            .login("ida", "correct horse battery", "198.51.100.7", now)
            .await
            .unwrap(),
        Login::Ok(_)
    ));
    let attacker = "203.0.113.9";
    // A hundred guesses in the same two seconds: five are checked.
    let mut checked = 0;
    for i in 0..100 {
        let at = Timestamp::from_unix(now.unix() + 60 + i / 50);
        match store
            .login("ida", &format!("guess {i}"), attacker, at)
            .await
            .unwrap()
        {
            Login::Refused => checked += 1,
            Login::Wait { seconds } => assert!(seconds > 0),
            Login::Ok(_) => panic!("a wrong password got in"),
        }
    }
    assert_eq!(checked, FREE_PER_ACCOUNT);
    // Then the right one, at once: it waits like any other.
    let right = store
        .login(
            "ida",
            "correct horse battery",
            attacker,
            Timestamp::from_unix(now.unix() + 61),
        )
        .await
        .unwrap();
    assert!(matches!(right, Login::Wait { seconds: 1 }), "{right:?}");
    // A guess a second for the next ten minutes: the waits double, so few more are checked.
    for i in 0..600 {
        let at = Timestamp::from_unix(now.unix() + 62 + i);
        match store
            .login("ida", "another guess", attacker, at)
            .await
            .unwrap()
        {
            Login::Refused => checked += 1,
            Login::Wait { .. } => {}
            Login::Ok(_) => panic!("a wrong password got in"),
        }
    }
    assert!(checked <= FREE_PER_ACCOUNT + 9, "{checked} checked");
    // From anywhere, for the account: the wait is the account's.
    let later = Timestamp::from_unix(now.unix() + 62 + 600 + 900);
    assert!(matches!(
        store
            .login("ida", "correct horse battery", "198.51.100.7", later)
            .await
            .unwrap(),
        Login::Ok(_)
    ));
    let (n, list) = store.failed_logins("ida").await.unwrap();
    assert_eq!(n, u64::from(checked));
    assert_eq!(list[0].address, attacker);

    // One address across many accounts: slowed after its free failures.
    let sweeper = "203.0.113.10";
    let mut refused = 0;
    let mut waited = 0;
    for i in 0..40 {
        let at = Timestamp::from_unix(now.unix() + 600);
        match store
            .login(&format!("user{i}"), "password guess", sweeper, at)
            .await
            .unwrap()
        {
            Login::Refused => refused += 1,
            Login::Wait { .. } => waited += 1,
            Login::Ok(_) => panic!(),
        }
    }
    assert_eq!(refused, FREE_PER_ADDRESS);
    assert_eq!(waited, 40 - FREE_PER_ADDRESS);
}

#[tokio::test]
async fn sqlite_login_throttling() {
    let db = TestDb::sqlite();
    guessing_is_slowed(&db).await;
    db.finish().await;
}

#[tokio::test]
async fn postgres_login_throttling() {
    if let Some(db) = TestDb::postgres("postgres_login_throttling").await {
        guessing_is_slowed(&db).await;
        db.finish().await;
    }
}

#[tokio::test]
async fn sqlite_accounts() {
    let db = TestDb::sqlite();
    accounts(&db).await;
    db.finish().await;
}

#[tokio::test]
async fn postgres_accounts() {
    if let Some(db) = TestDb::postgres("postgres_accounts").await {
        accounts(&db).await;
        db.finish().await;
    }
}
