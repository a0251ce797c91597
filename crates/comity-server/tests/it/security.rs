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
