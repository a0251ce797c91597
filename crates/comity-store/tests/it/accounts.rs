//! Accounts, sessions and API tokens on each backend.

use comity_core::Timestamp;
use comity_core::auth::Role;
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

    assert!(
        store
            .check_login("ida", "correct horse battery")
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        store
            .check_login("ida", "wrong password!")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        store
            .check_login("nobody", "correct horse battery")
            .await
            .unwrap()
            .is_none()
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

    // API tokens.
    let api = store.create_api_token("ida", "script", now).await.unwrap();
    assert!(api.starts_with("comity_"));
    assert_eq!(
        store.token_account(&api).await.unwrap().unwrap().roles,
        vec![dk.clone()]
    );
    assert!(store.token_account("comity_0000").await.unwrap().is_none());
    assert_eq!(store.accounts().await.unwrap().len(), 1);

    // A seat bound to one person: granted once, refused to a second account, kept once.
    let seat = Role::Panelist {
        organ: "citizens_assembly".into(),
        volunteer: 17,
    };
    store.grant_role("ida", &seat).await.unwrap();
    store.grant_role("ida", &seat).await.unwrap();
    let ida = store.token_account(&api).await.unwrap().unwrap();
    assert_eq!(ida.roles, vec![dk, seat.clone()]);
    store
        .add_account("bob", "Bob", "another long password", &[Role::Citizen], now)
        .await
        .unwrap();
    assert!(matches!(
        store.grant_role("bob", &seat).await,
        Err(AccountError::RoleHeld { by, .. }) if by == "ida"
    ));
    assert!(matches!(
        store.grant_role("nobody", &Role::Citizen).await,
        Err(AccountError::Unknown(_))
    ));
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
