//! The journal as a transparency log over HTTP: the checkpoint and key as text, a proof
//! bundle an outsider checks with the key alone, the API's proofs, tiles, cosignatures from
//! configured witnesses only, and the journal and entry pages that show them.

use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode, header};
use comity_tlog::merkle;
use comity_tlog::note::{self, COSIGNATURE_V1, NamedKey, Note, VerifierKey, open_checkpoint};
use tower::ServiceExt;

use crate::{app_and_institution, get};

async fn post_text(app: &axum::Router, uri: &str, body: String) -> (StatusCode, String) {
    let req = Request::builder()
        .method("POST")
        .uri(uri)
        .header(header::CONTENT_TYPE, "text/plain")
        .body(Body::from(body))
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let body = to_bytes(res.into_body(), 1 << 20).await.unwrap();
    (status, String::from_utf8_lossy(&body).into_owned())
}

#[tokio::test]
async fn an_outsider_checks_an_entry_with_the_key_alone() {
    let (app, inst) = app_and_institution().await;
    let head = inst.state().await.head().seq;
    let (status, ctype, key) = get(&app, "/journal/log-key", None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(ctype.starts_with("text/plain"));
    let key = VerifierKey::parse(&key).unwrap();
    let (_, _, text) = get(&app, "/journal/checkpoint", None).await;
    let note = Note::parse(&text).unwrap();
    let cp = open_checkpoint(&note, &key).unwrap();
    assert_eq!(cp.size, head);

    // The bundle of entry 7: the entry, its audit path, the checkpoint; checked here with
    // the key and the RFC's verification only.
    let (status, _, bundle) = get(&app, "/journal/7/proof.json", None).await;
    assert_eq!(status, StatusCode::OK);
    let b: serde_json::Value = serde_json::from_str(&bundle).unwrap();
    let entry = comity_core::journal::parse_json_line(1, b["entry"].as_str().unwrap()).unwrap();
    assert_eq!(entry.seq, 7);
    assert_eq!(entry.compute_hash(), entry.hash);
    assert_eq!(b["proof"]["leaf_index"], 6);
    let path: Vec<merkle::Hash> = b["proof"]["hashes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| note::from_b64(h.as_str().unwrap()).unwrap())
        .collect();
    let signed = Note::parse(b["checkpoint"].as_str().unwrap()).unwrap();
    let cp = open_checkpoint(&signed, &key).unwrap();
    merkle::verify_inclusion(
        6,
        cp.size,
        &merkle::leaf_hash(&entry.hash.0),
        &path,
        &cp.root,
    )
    .unwrap();

    // The API's proofs, and the bad requests named by their parameter.
    let (status, _, body) = get(&app, "/api/v1/journal/proof/consistency?from=3", None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, _, body) = get(
        &app,
        &format!("/api/v1/journal/proof/inclusion?seq={head}"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("\"field\":\"seq\""), "{body}");
    let (status, _, body) = get(
        &app,
        &format!("/api/v1/journal/proof/inclusion?seq=0&size={}", head + 1),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("\"field\":\"size\""), "{body}");
    let (status, _, body) = get(&app, "/api/v1/journal/proof/consistency?from=9&to=8", None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(body.contains("\"field\":\"from\""), "{body}");
    let (status, _, _) = get(&app, "/journal/tile/0/x1/000", None).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, ctype, tile) = get(&app, "/journal/tile/0/000.p/3", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ctype, "application/octet-stream");
    // (The bytes are checked in the store's tests; this reader makes text of them.)
    assert!(!tile.is_empty());

    // Pages: the key and checkpoint on the journal page, a proof on an entry's page.
    let (_, _, page) = get(&app, "/journal", None).await;
    assert!(
        page.contains(&key.encode()),
        "the journal page shows the log key"
    );
    assert!(page.contains(&format!("href=\"/journal/{head}#proof\"")));
    let (_, _, page) = get(&app, "/journal/7", None).await;
    assert!(page.contains("id=\"proof\""));
    assert!(page.contains("comity journal verify-entry --bundle entry-7-proof.json"));
}

#[tokio::test]
async fn cosignatures_are_taken_from_configured_witnesses_only() {
    let (app, inst) = app_and_institution().await;
    let (_, _, text) = get(&app, "/journal/checkpoint", None).await;
    let body = Note::parse(&text).unwrap().body;
    let w = NamedKey::from_seed("witness.example/member-state", &[5; 32]).unwrap();
    let cosigned = format!("{text}{}", w.cosign_line(&body, 1_790_000_000));
    let (status, problem) = post_text(&app, "/api/v1/journal/cosignatures", cosigned.clone()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(problem.contains("not by a configured witness"), "{problem}");

    inst.store()
        .add_witness(&w.verifier(COSIGNATURE_V1))
        .await
        .unwrap();
    let (status, kept) = post_text(&app, "/api/v1/journal/cosignatures", cosigned).await;
    assert_eq!(status, StatusCode::CREATED, "{kept}");
    assert!(kept.contains("witness.example/member-state"));
    // Another history of the same size is a conflict.
    let size = inst.state().await.head().seq;
    let other = format!("comity/test-alliance\n{size}\n{}\n", note::b64(&[0; 32]));
    let forged = format!("{other}\n{}", w.cosign_line(&other, 1));
    let (status, problem) = post_text(&app, "/api/v1/journal/cosignatures", forged).await;
    assert_eq!(status, StatusCode::CONFLICT, "{problem}");
    // The journal page shows the witness and its cosignature.
    let (_, _, page) = get(&app, "/journal", None).await;
    assert!(page.contains("witness.example/member-state"));
    assert!(
        page.contains("2026-09-21T"),
        "the cosignature's time in UTC"
    );
    let (_, _, doc) = get(&app, "/api/v1/journal/checkpoint", None).await;
    let doc: serde_json::Value = serde_json::from_str(&doc).unwrap();
    assert_eq!(
        doc["cosigned"]["cosigners"][0]["witness"],
        "witness.example/member-state"
    );
}
