//! Snapshots of the OpenAPI document and of a few public pages, on the fixture alliance: a
//! change to the API's shape or a page's markup shows as a reviewed diff (`cargo insta
//! review`). Volatile text is redacted first: the crate's version, hashes and times.

use axum::http::StatusCode;
use insta::assert_snapshot;

use crate::fixture::TestApp;
use crate::get;

/// The text with the crate's version, 64-digit hexadecimal hashes and ISO 8601 times
/// replaced by placeholders.
fn redact(text: &str) -> String {
    let text = text.replace(env!("CARGO_PKG_VERSION"), "[version]");
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let hex = chars[i..]
            .iter()
            .take_while(|c| c.is_ascii_hexdigit())
            .count();
        if hex == 64 {
            out.push_str("[hash]");
            i += hex;
        } else if let Some(len) = iso_time_at(&chars[i..]) {
            out.push_str("[time]");
            i += len;
        } else {
            // Skip a whole run, so that a hash's tail is never taken for a hash or a time.
            let run = hex.max(1);
            out.extend(&chars[i..i + run]);
            i += run;
        }
    }
    out
}

/// The length of an ISO 8601 time (`2026-01-01T00:00:00Z`, fractions allowed) at the start.
fn iso_time_at(c: &[char]) -> Option<usize> {
    let pattern = "dddd-dd-ddTdd:dd:dd";
    if c.len() < pattern.len() {
        return None;
    }
    let fits = pattern.chars().zip(c).all(|(p, c)| match p {
        'd' => c.is_ascii_digit(),
        _ => p == *c,
    });
    if !fits {
        return None;
    }
    let mut len = pattern.len();
    if c.get(len) == Some(&'.') {
        len += 1 + c[len + 1..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
    }
    if c.get(len) == Some(&'Z') {
        len += 1;
    }
    Some(len)
}

#[test]
fn redaction_replaces_hashes_times_and_the_version_only() {
    let hash = "ab".repeat(32);
    let text = format!(
        "v{} head {hash} at 2026-01-01T00:00:00Z, 2026-01-01T00:00:00.25Z; 65 of 100, {}",
        env!("CARGO_PKG_VERSION"),
        "c".repeat(65)
    );
    assert_eq!(
        redact(&text),
        format!(
            "v[version] head [hash] at [time], [time]; 65 of 100, {}",
            "c".repeat(65)
        )
    );
}

#[tokio::test]
async fn the_openapi_document() {
    let (app, _) = TestApp::alliance().build().await;
    let (status, _, body) = get(&app, "/api/openapi.json", None).await;
    assert_eq!(status, StatusCode::OK);
    let spec: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_snapshot!(
        "openapi",
        redact(&serde_json::to_string_pretty(&spec).unwrap())
    );
}

#[tokio::test]
async fn public_pages() {
    let (app, _) = TestApp::alliance().build().await;
    for (name, uri) in [
        ("page_charter", "/charter"),
        ("page_members_search", "/members?q=denm"),
        ("page_organ_governing_council", "/organs/governing_council"),
    ] {
        let (status, _, body) = get(&app, uri, Some("en")).await;
        assert_eq!(status, StatusCode::OK, "{uri}");
        assert_snapshot!(name, redact(&body));
    }
}
