//! Security headers on every response (issue 22, item 5): a content security policy with no
//! script and no framing, nosniff and a referrer policy; behind TLS, Secure cookies and HSTS.

use axum::body::Body;
use axum::http::{Request, header};
use tower::ServiceExt;

use crate::app_and_institution;

async fn headers(app: &axum::Router, uri: &str) -> axum::http::HeaderMap {
    let req = Request::builder().uri(uri).body(Body::empty()).unwrap();
    app.clone().oneshot(req).await.unwrap().headers().clone()
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let (app, _) = app_and_institution().await;
    for uri in [
        "/",
        "/journal",
        "/api/v1/summary",
        "/api/openapi.json",
        "/nowhere",
        "/journal/checkpoint",
    ] {
        let h = headers(&app, uri).await;
        let csp = h
            .get(header::CONTENT_SECURITY_POLICY)
            .unwrap()
            .to_str()
            .unwrap();
        assert!(
            csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"),
            "{uri}: {csp}"
        );
        assert!(
            !csp.contains("script-src"),
            "{uri}: no script is allowed at all"
        );
        assert_eq!(
            h.get(header::X_CONTENT_TYPE_OPTIONS).unwrap(),
            "nosniff",
            "{uri}"
        );
        assert_eq!(
            h.get(header::REFERRER_POLICY).unwrap(),
            "same-origin",
            "{uri}"
        );
        assert_eq!(h.get(header::X_FRAME_OPTIONS).unwrap(), "DENY", "{uri}");
        // Plain HTTP: no promise of HTTPS.
        assert!(h.get(header::STRICT_TRANSPORT_SECURITY).is_none(), "{uri}");
    }
    // The language cookie over plain HTTP is not marked Secure (the browser would drop it).
    let h = headers(&app, "/?lang=fr").await;
    let cookie = h.get(header::SET_COOKIE).unwrap().to_str().unwrap();
    assert!(
        cookie.starts_with("lang=fr") && !cookie.contains("Secure"),
        "{cookie}"
    );
}

#[tokio::test]
async fn behind_tls_cookies_are_secure_and_https_is_required() {
    let (_, inst) = app_and_institution().await;
    let app = comity_server::router_over(inst, comity_server::Transport { tls: true }).unwrap();
    let h = headers(&app, "/?lang=ar").await;
    let cookie = h.get(header::SET_COOKIE).unwrap().to_str().unwrap();
    assert!(
        cookie.starts_with("lang=ar") && cookie.ends_with("; Secure"),
        "{cookie}"
    );
    assert_eq!(
        h.get(header::STRICT_TRANSPORT_SECURITY).unwrap(),
        "max-age=31536000; includeSubDomains"
    );
    assert!(h.get(header::CONTENT_SECURITY_POLICY).is_some());
}

/// Errors the framework writes (413, 405, a path id that is not a number) are problem
/// details too, and never echo a long input back (issue 22, item 9).
#[tokio::test]
async fn every_api_error_is_a_problem() {
    let (app, _) = app_and_institution().await;
    let send = |method: &str, uri: &str, body: Vec<u8>| {
        Request::builder()
            .method(method)
            .uri(uri)
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(body))
            .unwrap()
    };
    for (req, status) in [
        (send("DELETE", "/api/v1/summary", vec![]), 405),
        (send("POST", "/api/v1/motions", vec![b'x'; 3 << 20]), 413),
        (send("GET", "/api/v1/elections/not-a-number", vec![]), 400),
        // Past any number the database holds (schemathesis found a 500 here).
        (
            send("GET", "/api/v1/journal/16006702741630842880", vec![]),
            404,
        ),
    ] {
        let uri = req.uri().to_string();
        let res = app.clone().oneshot(req).await.unwrap();
        assert_eq!(res.status().as_u16(), status, "{uri}");
        let ctype = res
            .headers()
            .get(header::CONTENT_TYPE)
            .unwrap()
            .to_str()
            .unwrap()
            .to_owned();
        assert_eq!(ctype, "application/problem+json", "{uri}");
        let body = axum::body::to_bytes(res.into_body(), 1 << 20)
            .await
            .unwrap();
        let p: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(p["status"], status, "{uri}");
        assert!(!p["detail"].as_str().unwrap().is_empty(), "{uri}");
        assert!(body.len() < 1_000, "{uri}: the problem is short");
    }
}

/// Issue 22, item 2: `/healthz` and `/readyz` give the head while the journal chains, and
/// 503 naming the fault once a row that does not chain was found; writes are refused then.
#[tokio::test]
async fn healthz_says_when_the_journal_cannot_be_followed() {
    use comity_core::journal::seal;
    use comity_core::{Actor, Event, Timestamp, base};

    let (app, inst) = app_and_institution().await;
    let head = inst.state().await.head();
    for uri in ["/healthz", "/readyz", "/health"] {
        let res = app
            .clone()
            .oneshot(Request::builder().uri(uri).body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{uri}");
        let body = axum::body::to_bytes(res.into_body(), 1 << 20)
            .await
            .unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(doc["status"], "ok", "{uri}: {doc}");
        assert_eq!(doc["head_seq"], head.seq, "{uri}: {doc}");
    }
    // A row written beside the chain: it links to the head, but its contents were changed.
    let t = Timestamp::parse("2026-11-24T09:00:00Z").unwrap();
    let mut forged = seal(
        head,
        t,
        &Actor::system(),
        &[Event::Base(base::Event::CharterAdopted {
            name: "forged".into(),
            source: "x".into(),
            sha256: head.hash,
        })],
    );
    forged[0].actor = Actor::parse("mallory").unwrap();
    inst.store()
        .append(head, &forged, &comity_store::SideRows::none())
        .await
        .unwrap();
    assert!(inst.catch_up().await.is_err());
    for uri in ["/healthz", "/readyz"] {
        let res = app
            .clone()
            .oneshot(Request::builder().uri(uri).body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(res.status(), 503, "{uri}");
        let body = axum::body::to_bytes(res.into_body(), 1 << 20)
            .await
            .unwrap();
        let doc: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(doc["status"], "faulty", "{uri}: {doc}");
        let said = doc["fault"].as_str().or(doc["journal"].as_str()).unwrap();
        assert!(said.contains(&format!("entry {}", head.seq + 1)), "{said}");
        // Still serving the last good head.
        assert_eq!(doc["head_seq"], head.seq, "{uri}: {doc}");
    }
    let refused = inst
        .execute(
            &Actor::system(),
            t,
            &comity_core::Command::Base(base::Command::AdmitFoundingMembers),
        )
        .await
        .unwrap_err();
    assert!(
        refused.to_string().contains("cannot be followed"),
        "{refused}"
    );
}

/// Issue 22, item 8: a NUL, a bell or a direction override in free text is refused at the
/// edge with the field named (API and forms alike), and a feed stays well-formed XML even
/// over a journal written before the check.
#[tokio::test]
async fn hidden_characters_are_refused_and_feeds_stay_xml() {
    use crate::writes::send;
    use comity_core::auth::Role;

    let (app, inst) = app_and_institution().await;
    let token = holder(&inst, "sec", Role::Secretariat).await;
    let head = inst.state().await.head();
    let body = "{\"decision\":\"resolution\",\"title\":\"Budget \\u202Etegdub\",\"text\":\"Convene it.\",\"sponsor\":\"civil_society_network\"}";
    let res = send(
        &app,
        "POST",
        "/api/v1/motions",
        "",
        None,
        Some(&token),
        Some(body),
    )
    .await;
    assert_eq!(res.status, 422, "{}", res.body);
    let doc: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(doc["field"], "title", "{doc}");
    assert!(
        doc["detail"]
            .as_str()
            .unwrap()
            .contains("a direction override (U+202E) at character 8"),
        "{doc}"
    );
    // A form: refused before its handler, on a page that says which field and why.
    let res = send(
        &app,
        "POST",
        "/motions",
        "",
        Some("csrf=x&title=a%00b&text=ok"),
        None,
        None,
    )
    .await;
    assert_eq!(res.status, 422);
    assert!(
        res.body
            .contains("title: a control character (U+0000) at character 2"),
        "{}",
        res.body
    );
    assert_eq!(inst.state().await.head(), head, "nothing was recorded");

    // Written by the operator, a NUL reaches the journal; the feed replaces it.
    operator_motion(&inst, "Nul\u{0}title", "Bell\u{7}.").await;
    let res = send(&app, "GET", "/journal.atom", "", None, None, None).await;
    assert_eq!(res.status, 200);
    assert!(
        !res.body
            .contains(|c: char| c < ' ' && !matches!(c, '\t' | '\n' | '\r')),
        "{}",
        res.body
    );
    assert!(res.body.contains("Nul\u{FFFD}title"), "{}", res.body);
}

/// Issue 22, items 3 and 4 over HTTP: after five wrong passwords the sign-in form answers
/// 429 and even the right password waits; the owner sees the failed attempts; API tokens
/// are listed, revoked (then refused) over the API and on the account page.
#[tokio::test]
async fn sign_in_is_slowed_and_tokens_are_listed_and_revoked() {
    use crate::writes::{hidden_csrf, send, sign_in};
    use comity_core::Timestamp;

    let (app, inst) = app_and_institution().await;
    let t = Timestamp::parse("2026-11-24T09:00:00Z").unwrap();
    for user in ["ida", "bob"] {
        inst.store()
            .add_account(user, user, "a long password 1", &[], t)
            .await
            .unwrap();
    }
    let page = send(&app, "GET", "/login", "", None, None, None).await;
    let pre = page
        .cookies
        .iter()
        .find(|c| c.starts_with("comity_csrf="))
        .unwrap()
        .clone();
    let csrf = hidden_csrf(&page.body);
    let try_as = |user: &'static str, password: &'static str| {
        let form = format!("username={user}&password={password}&csrf={csrf}");
        let (app, pre) = (app.clone(), pre.clone());
        async move { send(&app, "POST", "/login", &pre, Some(&form), None, None).await }
    };
    // Bob mistypes twice, then signs in: his account page tells him.
    for _ in 0..2 {
        assert_eq!(try_as("bob", "wrong+password").await.status, 401);
    }
    let bob = sign_in(&app, "bob", "a+long+password+1").await;
    let account = send(&app, "GET", "/account", &bob, None, None, None).await;
    assert!(
        account
            .body
            .contains("2 failed sign-ins to your account since your last visit"),
        "{}",
        account.body
    );
    // Ida's account is guessed at: five checked, then the form says to wait.
    for _ in 0..5 {
        assert_eq!(try_as("ida", "wrong+guess").await.status, 401);
    }
    let res = try_as("ida", "wrong+guess").await;
    assert_eq!(res.status, 429);
    assert!(res.body.contains("Try again in"), "{}", res.body);
    assert_eq!(try_as("ida", "a+long+password+1").await.status, 429);

    // Tokens: listed with their id (never the token), revoked, then refused.
    let token = inst
        .store()
        .create_api_token("bob", "script", t)
        .await
        .unwrap();
    let res = send(&app, "GET", "/api/v1/account", "", None, Some(&token), None).await;
    assert_eq!(res.status, 200, "{}", res.body);
    let doc: serde_json::Value = serde_json::from_str(&res.body).unwrap();
    assert_eq!(doc["username"], "bob");
    let id = doc["tokens"][0]["id"].as_str().unwrap().to_owned();
    assert!(!token.contains(&id) && !res.body.contains(&token));
    let uri = format!("/api/v1/account/tokens/{id}");
    let res = send(&app, "DELETE", &uri, "", None, Some(&token), None).await;
    assert_eq!(res.status, 204, "{}", res.body);
    let res = send(&app, "GET", "/api/v1/account", "", None, Some(&token), None).await;
    assert_eq!(res.status, 401);
    // On the page: a token made with an expiry, listed, revoked by its form.
    let account = send(&app, "GET", "/account", &bob, None, None, None).await;
    let csrf = hidden_csrf(&account.body);
    let made = send(
        &app,
        "POST",
        "/account/tokens",
        &bob,
        Some(&format!("csrf={csrf}&name=laptop&expires=30")),
        None,
        None,
    )
    .await;
    assert_eq!(made.status, 200);
    assert!(made.body.contains("Your new token"), "{}", made.body);
    let listed = inst.store().api_tokens("bob").await.unwrap();
    assert_eq!(listed.len(), 1);
    assert!(listed[0].expires_at.is_some());
    assert!(
        made.body
            .contains(&format!("/account/tokens/{}/revoke", listed[0].id))
    );
    let res = send(
        &app,
        "POST",
        &format!("/account/tokens/{}/revoke", listed[0].id),
        &bob,
        Some(&format!("csrf={csrf}")),
        None,
        None,
    )
    .await;
    assert_eq!(res.status, 303);
    assert!(inst.store().api_tokens("bob").await.unwrap().is_empty());
}

/// Issue 22, item 4: the secretariat grants and removes roles over the API and on
/// `/accounts`; each change is recorded with who made it and shown to the account's owner;
/// others are refused, and an officer cannot remove their own secretariat role.
#[tokio::test]
async fn the_secretariat_grants_and_removes_roles() {
    use crate::writes::{hidden_csrf, send, sign_in};
    use comity_core::auth::Role;

    let (app, inst) = app_and_institution().await;
    let officer = holder(&inst, "sec", Role::Secretariat).await;
    let ngo = holder(&inst, "ngo", Role::CivilSociety).await;
    let api = |method: &'static str, uri: String, token: String, body: Option<&'static str>| {
        let app = app.clone();
        async move { send(&app, method, &uri, "", None, Some(&token), body).await }
    };
    let grant = r#"{"role":"delegate:DNK"}"#;
    // Not the secretariat: refused, nothing changed.
    let res = api(
        "POST",
        "/api/v1/accounts/ngo/roles".into(),
        ngo.clone(),
        Some(grant),
    )
    .await;
    assert_eq!(res.status, 403, "{}", res.body);
    let res = api("GET", "/api/v1/accounts".into(), ngo.clone(), None).await;
    assert_eq!(res.status, 403);
    let res = send(&app, "GET", "/api/v1/accounts", "", None, None, None).await;
    assert_eq!(res.status, 401);
    // Granted, then granted again (nothing new), then listed.
    let res = api(
        "POST",
        "/api/v1/accounts/ngo/roles".into(),
        officer.clone(),
        Some(grant),
    )
    .await;
    assert_eq!(res.status, 200, "{}", res.body);
    assert!(res.body.contains(r#""granted":true"#), "{}", res.body);
    let res = api(
        "POST",
        "/api/v1/accounts/ngo/roles".into(),
        officer.clone(),
        Some(grant),
    )
    .await;
    assert!(res.body.contains(r#""granted":false"#), "{}", res.body);
    let res = api("GET", "/api/v1/accounts".into(), officer.clone(), None).await;
    let rows: Vec<serde_json::Value> = serde_json::from_str(&res.body).unwrap();
    let row = rows.iter().find(|r| r["username"] == "ngo").unwrap();
    assert_eq!(
        row["roles"],
        serde_json::json!(["civil_society", "delegate:DNK"])
    );
    // The owner's token now acts for Denmark.
    let me = api("GET", "/api/v1/account".into(), ngo.clone(), None).await;
    assert!(me.body.contains("delegate:DNK"), "{}", me.body);
    // Bad role, unknown account, a role not held, one's own secretariat role.
    let bad = api(
        "POST",
        "/api/v1/accounts/ngo/roles".into(),
        officer.clone(),
        Some(r#"{"role":"king"}"#),
    )
    .await;
    assert_eq!(bad.status, 400);
    assert!(bad.body.contains(r#""field":"role""#), "{}", bad.body);
    let res = api(
        "POST",
        "/api/v1/accounts/nobody/roles".into(),
        officer.clone(),
        Some(grant),
    )
    .await;
    assert_eq!(res.status, 404);
    let res = api(
        "DELETE",
        "/api/v1/accounts/ngo/roles/observer".into(),
        officer.clone(),
        None,
    )
    .await;
    assert_eq!(res.status, 404);
    let res = api(
        "DELETE",
        "/api/v1/accounts/sec/roles/secretariat".into(),
        officer.clone(),
        None,
    )
    .await;
    assert_eq!(res.status, 409, "{}", res.body);
    // Removed over the API: the token no longer acts for Denmark.
    let res = api(
        "DELETE",
        "/api/v1/accounts/ngo/roles/delegate:DNK".into(),
        officer.clone(),
        None,
    )
    .await;
    assert_eq!(res.status, 204, "{}", res.body);
    let me = api("GET", "/api/v1/account".into(), ngo.clone(), None).await;
    assert!(!me.body.contains("delegate:DNK"), "{}", me.body);
    let history = inst.store().role_changes("ngo").await.unwrap();
    let seen: Vec<(&str, &str, &str)> = history
        .iter()
        .map(|c| (c.role.as_str(), c.change.as_str(), c.by.as_str()))
        .collect();
    assert!(
        seen.contains(&("delegate:DNK", "granted", "sec")),
        "{seen:?}"
    );
    assert!(
        seen.contains(&("delegate:DNK", "removed", "sec")),
        "{seen:?}"
    );

    // On the page, signed in: the list, a grant by form, a removal by its button.
    inst.store()
        .add_account(
            "clerk",
            "Clerk",
            "a long password 7",
            &[Role::Secretariat],
            comity_core::Timestamp::parse("2026-11-24T09:00:00Z").unwrap(),
        )
        .await
        .unwrap();
    let clerk = sign_in(&app, "clerk", "a+long+password+7").await;
    let as_clerk = |method: &'static str, uri: &'static str, form: Option<String>| {
        let (app, clerk) = (app.clone(), clerk.clone());
        async move { send(&app, method, uri, &clerk, form.as_deref(), None, None).await }
    };
    let list = as_clerk("GET", "/accounts", None).await;
    assert_eq!(list.status, 200);
    assert!(
        list.body.contains("<code>ngo</code>") && list.body.contains("3 accounts"),
        "{}",
        list.body
    );
    let csrf = hidden_csrf(&list.body);
    let form = format!("csrf={csrf}&username=ngo&role=observer");
    let res = as_clerk("POST", "/accounts/roles", Some(form.clone())).await;
    assert_eq!(res.status, 303);
    let list = as_clerk("GET", "/accounts?done=granted&user=ngo&role=observer", None).await;
    assert!(
        list.body.contains("ngo holds the role observer."),
        "{}",
        list.body
    );
    assert!(list.body.contains("Remove the role observer from ngo"));
    // The message is said only where the accounts bear it out.
    let forged = as_clerk(
        "GET",
        "/accounts?done=granted&user=ngo&role=secretariat",
        None,
    )
    .await;
    assert!(!forged.body.contains("holds the role"), "{}", forged.body);
    let res = as_clerk("POST", "/accounts/roles/remove", Some(form)).await;
    assert_eq!(res.status, 303);
    let bad = format!("csrf={csrf}&username=ngo&role=king");
    let res = as_clerk("POST", "/accounts/roles", Some(bad)).await;
    assert_eq!(res.status, 400);
    assert!(res.body.contains("unknown role"), "{}", res.body);
    let ngo_now = inst
        .store()
        .accounts()
        .await
        .unwrap()
        .into_iter()
        .find(|a| a.username == "ngo")
        .unwrap();
    assert_eq!(ngo_now.roles, vec![Role::CivilSociety]);
    // Someone else's page: refused.
    let res = send(
        &app,
        "GET",
        "/accounts",
        &sign_in_as(&inst, &app, "citizen").await,
        None,
        None,
        None,
    )
    .await;
    assert_eq!(res.status, 403);
}

/// A citizen's account, signed in: the session cookie.
async fn sign_in_as(inst: &comity_store::Institution, app: &axum::Router, user: &str) -> String {
    let t = comity_core::Timestamp::parse("2026-11-24T09:00:00Z").unwrap();
    inst.store()
        .add_account(
            user,
            user,
            "a long password 8",
            &[comity_core::auth::Role::Citizen],
            t,
        )
        .await
        .unwrap();
    crate::writes::sign_in(app, user, "a+long+password+8").await
}

/// Issue 22, item 6: one account cannot record acts as fast as a script can send them
/// (429 past its allowance, nothing recorded), and lists come in pages: the motions page
/// shows a hundred with a pager, the API a page with `Link` and `X-Total-Count`.
#[tokio::test]
async fn writes_are_rate_limited_and_lists_paged() {
    use crate::writes::send;
    use comity_core::Timestamp;
    use comity_core::auth::Role;

    let (app, inst) = app_and_institution().await;
    let t = Timestamp::parse("2026-11-24T09:00:00Z").unwrap();
    inst.store()
        .add_account(
            "ngo",
            "Priya",
            "a long password 2",
            &[Role::CivilSociety],
            t,
        )
        .await
        .unwrap();
    let token = inst.store().create_api_token("ngo", "t", t).await.unwrap();
    let body = r#"{"decision":"resolution","title":"On the assembly","text":"Convene it.","sponsor":"civil_society_network"}"#;
    let mut created = 0;
    let mut refused = None;
    for _ in 0..80 {
        let res = send(
            &app,
            "POST",
            "/api/v1/motions",
            "",
            None,
            Some(&token),
            Some(body),
        )
        .await;
        match res.status.as_u16() {
            201 => created += 1,
            429 => {
                refused = Some(res.body);
                break;
            }
            other => panic!("{other}: {}", res.body),
        }
    }
    // The allowance is sixty at once (a second may pass meanwhile and add one).
    assert!((60..=62).contains(&created), "{created}");
    let refused = refused.expect("a script is slowed");
    assert!(
        refused.contains("too-many-acts") && refused.contains("try again in"),
        "{refused}"
    );
    assert_eq!(inst.state().await.motions.len(), created);

    // The operator's own acts are not counted: 150 motions in all.
    for _ in created..150 {
        operator_motion(&inst, "Another", "Text.").await;
    }
    let page = send(&app, "GET", "/motions", "", None, None, None).await;
    assert_eq!(page.body.matches("<tr><td class=\"num\">").count(), 100);
    assert!(page.body.contains("Page 1 of 2") && page.body.contains("href=\"/motions?page=2\""));
    let second = send(&app, "GET", "/motions?page=2", "", None, None, None).await;
    assert_eq!(second.body.matches("<tr><td class=\"num\">").count(), 50);
    assert!(
        second.body.contains("href=\"/motions/1\""),
        "the oldest motion is on the last page"
    );

    let req = axum::http::Request::builder()
        .uri("/api/v1/motions?per_page=40&page=2")
        .body(axum::body::Body::empty())
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    assert_eq!(res.headers()["x-total-count"], "150");
    let link = res.headers()[header::LINK].to_str().unwrap().to_owned();
    assert!(
        link.contains("</api/v1/motions?page=3&per_page=40>; rel=\"next\"")
            && link.contains("page=1&per_page=40>; rel=\"prev\""),
        "{link}"
    );
    let body = axum::body::to_bytes(res.into_body(), 1 << 20)
        .await
        .unwrap();
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&body).unwrap();
    assert_eq!(rows.len(), 40);
    assert_eq!(rows[0]["id"], 110);
}

/// Issue 22, item 6: every list comes in pages — the elections page shows a hundred with
/// a pager, and every list of the API answers a page with its total.
#[tokio::test]
async fn every_list_is_paged() {
    use crate::writes::send;
    use comity_core::{Actor, Command, Timestamp, election};

    let (app, inst) = app_and_institution().await;
    let t = Timestamp::parse("2026-11-24T09:00:00Z").unwrap();
    for i in 0..130 {
        let open = Command::Election(election::Command::OpenElection {
            organ: "summit".into(),
            title: format!("Election {i}"),
            method: "irv".into(),
            seats: 1,
            candidates: vec!["A".into(), "B".into()],
            closes_at: Timestamp::parse("2099-01-01T00:00:00Z").unwrap(),
            seed: 1,
        });
        inst.execute(&Actor::system(), t, &open).await.unwrap();
    }
    let page = send(&app, "GET", "/elections", "", None, None, None).await;
    assert_eq!(page.body.matches("<tr><td class=\"num\">").count(), 100);
    assert!(
        page.body.contains("href=\"/elections?page=2\""),
        "{}",
        page.body
    );
    let last = send(&app, "GET", "/elections?page=2", "", None, None, None).await;
    assert_eq!(last.body.matches("<tr><td class=\"num\">").count(), 30);
    assert!(
        last.body.contains("href=\"/elections/1\""),
        "the oldest is on the last page"
    );

    let officer = holder(&inst, "sec", comity_core::auth::Role::Secretariat).await;
    for path in [
        "/api/v1/motions",
        "/api/v1/elections",
        "/api/v1/treaties",
        "/api/v1/applications",
        "/api/v1/reviews",
        "/api/v1/accreditations",
        "/api/v1/accounts",
    ] {
        let uri = format!("{path}?per_page=1");
        let req = axum::http::Request::builder()
            .uri(&uri)
            .header(header::AUTHORIZATION, format!("Bearer {officer}"))
            .body(axum::body::Body::empty())
            .unwrap();
        let res = app.clone().oneshot(req).await.unwrap();
        assert_eq!(res.status(), 200, "{uri}");
        let total: usize = res.headers()["x-total-count"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        let body = axum::body::to_bytes(res.into_body(), 1 << 20)
            .await
            .unwrap();
        let rows: Vec<serde_json::Value> = serde_json::from_slice(&body).unwrap();
        assert_eq!(rows.len(), total.min(1), "{uri}");
    }
    let res = send(
        &app,
        "GET",
        "/api/v1/elections?per_page=1000",
        "",
        None,
        None,
        None,
    )
    .await;
    let rows: Vec<serde_json::Value> = serde_json::from_str(&res.body).unwrap();
    assert_eq!(rows.len(), 130);
}

/// Issue 22, item 6: the journal download is streamed and whole.
#[tokio::test]
async fn the_journal_download_is_every_entry_once() {
    let (app, inst) = app_and_institution().await;
    let head = inst.state().await.head();
    let req = Request::builder()
        .uri("/journal.jsonl")
        .body(Body::empty())
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    assert!(
        res.headers().get(header::CONTENT_LENGTH).is_none(),
        "streamed"
    );
    let body = axum::body::to_bytes(res.into_body(), 64 << 20)
        .await
        .unwrap();
    let text = std::str::from_utf8(&body).unwrap();
    let mut v = comity_core::journal::ChainVerifier::new();
    for (i, line) in text.lines().enumerate() {
        let e = comity_core::journal::parse_json_line(i + 1, line).unwrap();
        v.push(&e).unwrap();
    }
    assert_eq!(v.head(), head);
}

/// Issue 22, item 9: a text over its limit is refused naming its field, never `""`, and the
/// problem does not echo the text back; the two bodies once named alike are apart in the
/// OpenAPI description.
#[tokio::test]
async fn a_too_long_text_names_its_field() {
    use crate::writes::send;
    use comity_core::Timestamp;
    use comity_core::auth::Role;

    let (app, inst) = app_and_institution().await;
    let t = Timestamp::parse("2026-11-24T09:00:00Z").unwrap();
    inst.store()
        .add_account("sec", "Amina", "a long password 4", &[Role::Secretariat], t)
        .await
        .unwrap();
    inst.store()
        .add_account(
            "ngo",
            "Priya",
            "a long password 2",
            &[Role::CivilSociety],
            t,
        )
        .await
        .unwrap();
    let sec = inst.store().create_api_token("sec", "t", t).await.unwrap();
    let ngo = inst.store().create_api_token("ngo", "t", t).await.unwrap();
    let long = "x".repeat(300_000);
    for (token, uri, body, field) in [
        (
            &ngo,
            "/api/v1/motions",
            serde_json::json!({"decision": "resolution", "title": "T", "text": long, "sponsor": "civil_society_network"}),
            "text",
        ),
        (
            &ngo,
            "/api/v1/motions",
            serde_json::json!({"decision": "resolution", "title": long, "text": "t", "sponsor": "civil_society_network"}),
            "title",
        ),
        (
            &sec,
            "/api/v1/treaties",
            serde_json::json!({"organ": "treaty_commission", "file": "", "text": long}),
            "file",
        ),
    ] {
        let res = send(
            &app,
            "POST",
            uri,
            "",
            None,
            Some(token),
            Some(&body.to_string()),
        )
        .await;
        assert!(res.status.is_client_error(), "{uri}: {}", res.status);
        let doc: serde_json::Value = serde_json::from_str(&res.body).unwrap();
        assert_eq!(doc["field"], field, "{uri}: {doc}");
        assert!(
            res.body.len() < 2_000,
            "{uri}: the problem echoes the input"
        );
    }
    let spec = send(&app, "GET", "/api/openapi.json", "", None, None, None).await;
    let spec: serde_json::Value = serde_json::from_str(&spec.body).unwrap();
    let body_of = |path: &str| {
        spec["paths"][path]["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(
        body_of("/api/v1/elections"),
        "#/components/schemas/OpenElectionBody"
    );
    assert_eq!(
        body_of("/api/v1/treaties"),
        "#/components/schemas/OpenTreatyBody"
    );
    assert_ne!(
        body_of("/api/v1/motions/{id}/network-votes"),
        body_of("/api/v1/accreditations/{id}/decision")
    );
}

/// Operations: `/metrics` in the Prometheus text format counts requests, latencies, the
/// head and the page cache; a client that takes gzip gets text compressed.
#[tokio::test]
async fn metrics_and_compression() {
    let (app, inst) = app_and_institution().await;
    let get = |uri: &str, gzip: bool| {
        let mut req = Request::builder().uri(uri);
        if gzip {
            req = req.header(header::ACCEPT_ENCODING, "br;q=1, gzip;q=0.8");
        }
        app.clone().oneshot(req.body(Body::empty()).unwrap())
    };
    let plain = get("/members", false).await.unwrap();
    assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());
    let plain = axum::body::to_bytes(plain.into_body(), 8 << 20)
        .await
        .unwrap();
    let zipped = get("/members", true).await.unwrap();
    assert_eq!(zipped.headers()[header::CONTENT_ENCODING], "gzip");
    let zipped = axum::body::to_bytes(zipped.into_body(), 8 << 20)
        .await
        .unwrap();
    assert!(
        zipped.len() * 3 < plain.len(),
        "{} of {}",
        zipped.len(),
        plain.len()
    );
    let mut unzipped = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::GzDecoder::new(&zipped[..]),
        &mut unzipped,
    )
    .unwrap();
    assert_eq!(unzipped, plain);

    let res = get("/metrics", false).await.unwrap();
    let text = String::from_utf8(
        axum::body::to_bytes(res.into_body(), 1 << 20)
            .await
            .unwrap()
            .to_vec(),
    )
    .unwrap();
    let value = |name: &str| -> f64 {
        text.lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.rsplit(' ').next())
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("{name} in {text}"))
    };
    assert_eq!(value("comity_http_requests_total{class=\"2xx\"}"), 2.0);
    assert_eq!(value("comity_http_request_duration_seconds_count"), 2.0);
    assert_eq!(
        value("comity_journal_head_seq"),
        inst.state().await.head().seq as f64
    );
    assert_eq!(
        value("comity_page_cache_requests_total{outcome=\"hit\"}"),
        1.0
    );
    assert_eq!(
        value("comity_page_cache_requests_total{outcome=\"miss\"}"),
        1.0
    );
    assert_eq!(value("comity_journal_faulty"), 0.0);
}

/// An account with `role` and an API token for it.
async fn holder(
    inst: &comity_store::Institution,
    user: &str,
    role: comity_core::auth::Role,
) -> String {
    let t = comity_core::Timestamp::parse("2026-11-24T09:00:00Z").unwrap();
    inst.store()
        .add_account(user, user, "a long password 9", &[role], t)
        .await
        .unwrap();
    inst.store().create_api_token(user, "t", t).await.unwrap()
}

/// A resolution the operator tables for the Civil Society Network (no role check, no
/// allowance spent).
async fn operator_motion(inst: &comity_store::Institution, title: &str, text: &str) {
    use comity_core::motion::Seat;
    use comity_core::{Actor, Command, Timestamp, motion};
    let t = Timestamp::parse("2026-11-24T09:00:00Z").unwrap();
    let cmd = Command::Motion(motion::Command::TableMotion {
        decision: "resolution".into(),
        title: title.into(),
        text: text.into(),
        sponsor: Seat::Organ("civil_society_network".into()),
    });
    inst.execute(&Actor::system(), t, &cmd).await.unwrap();
}
