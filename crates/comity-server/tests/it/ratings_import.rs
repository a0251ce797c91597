//! The secretariat imports a new Freedom House edition through the browser: the file is
//! parsed at once (a bad one is refused by line), the editions are recorded by a background
//! job whose page the browser reloads while it runs, and the report names every changed rating and review.

use std::sync::Arc;

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode, header};
use comity_core::auth::Role;
use comity_core::data;
use comity_store::Institution;
use tower::ServiceExt;

use crate::fixture::TestApp;
use crate::writes::{hidden_csrf, send, sign_in};

const PAGE: &str = "/ratings/import";

/// An alliance of the Free only, founded on the ratings up to FIW 2018.
async fn free_only_app() -> (Router, Arc<Institution>) {
    TestApp::free_only_2018()
        .with_account("sec", Role::Secretariat, "a long password 1")
        .with_account("ida", Role::Citizen, "a long password 1")
        .build()
        .await
}

/// The FIW 2019 edition in the shipped format: the header and that edition's rows.
fn fiw_2019() -> String {
    let mut lines = data::FREEDOM_HOUSE_CSV.lines();
    let header = lines.next().unwrap();
    let edition = header.split(',').position(|c| c == "edition").unwrap();
    let mut out = format!("{header}\n");
    for l in lines.filter(|l| l.split(',').nth(edition) == Some("2019")) {
        out.push_str(l);
        out.push('\n');
    }
    out
}

/// A multipart upload as a browser sends it; the status, the redirect and the body.
async fn upload(
    app: &Router,
    cookie: &str,
    csrf: &str,
    only: &str,
    csv: &str,
) -> (StatusCode, String, String) {
    let b = "----comity-test-boundary";
    let body = format!(
        "--{b}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
         --{b}\r\nContent-Disposition: form-data; name=\"source\"\r\n\r\nfh\r\n\
         --{b}\r\nContent-Disposition: form-data; name=\"only\"\r\n\r\n{only}\r\n\
         --{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"fiw.csv\"\r\nContent-Type: text/csv\r\n\r\n{csv}\r\n--{b}--\r\n"
    );
    let req = Request::builder()
        .method("POST")
        .uri(PAGE)
        .header(header::COOKIE, cookie)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={b}"),
        )
        .body(Body::from(body))
        .unwrap();
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let location = res
        .headers()
        .get(header::LOCATION)
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    let body = to_bytes(res.into_body(), 10_000_000).await.unwrap();
    (status, location, String::from_utf8(body.to_vec()).unwrap())
}

/// The job's page once the job is done.
async fn finished(app: &Router, cookie: &str, job: &str) -> String {
    for _ in 0..200 {
        let page = send(app, "GET", job, cookie, None, None, None).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        // While it runs the page shows the progress bar (and the browser reloads it by the
        // `Refresh` header); the report replaces it.
        if !page.body.contains("<progress") {
            return page.body;
        }
        assert!(page.body.contains(" editions: FIW 2019"), "{}", page.body);
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the import did not finish");
}

#[tokio::test]
async fn a_new_edition_flags_the_members_that_fall_below_and_opens_their_reviews() {
    let (app, inst) = free_only_app().await;
    assert!(
        inst.state()
            .await
            .members
            .contains_key(&comity_core::Iso3::parse("HUN").unwrap()),
        "Hungary was Free in FIW 2018"
    );
    let cookie = sign_in(&app, "sec", "a+long+password+1").await;
    let form = send(&app, "GET", PAGE, &cookie, None, None, None).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.body.contains("enctype=\"multipart/form-data\""));
    let csrf = hidden_csrf(&form.body);
    let reviews = send(&app, "GET", "/reviews", &cookie, None, None, None).await;
    assert!(reviews.body.contains("href=\"/ratings/import\""));

    // Refusals record nothing.
    let head = inst.state().await.head();
    let broken = format!(
        "{}HUN,Hungary,country,2018,2019,F,x,3,27,43,70,Europe\n",
        fiw_2019()
    );
    let (status, _, body) = upload(&app, &cookie, &csrf, "", &broken).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let last = broken.lines().count();
    assert!(body.contains(&format!("fiw.csv, line {last}")), "{body}");
    assert!(body.contains("aria-invalid=\"true\""), "{body}");
    let (status, _, body) = upload(&app, &cookie, &csrf, "1990", &fiw_2019()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(body.contains("no edition 1990"), "{body}");
    let (status, _, _) = upload(&app, &cookie, "0000", "", &fiw_2019()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let ida = sign_in(&app, "ida", "a+long+password+1").await;
    let page = send(&app, "GET", PAGE, &ida, None, None, None).await;
    assert!(
        page.body
            .contains("Only an officer of the secretariat may do this.")
            && !page.body.contains("enctype="),
        "{}",
        page.body
    );
    let ida_csrf = hidden_csrf(
        &send(&app, "GET", "/account", &ida, None, None, None)
            .await
            .body,
    );
    let (status, _, body) = upload(&app, &ida, &ida_csrf, "", &fiw_2019()).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{body}");
    assert!(body.contains("Only an officer of the secretariat may do this."));
    assert_eq!(inst.state().await.head(), head);

    // The whole shipped file, only 2019.
    let (status, job, body) = upload(&app, &cookie, &csrf, "2019", data::FREEDOM_HOUSE_CSV).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{body}");
    assert!(job.starts_with("/ratings/import/"), "{job}");
    let report = finished(&app, &cookie, &job).await;
    assert!(
        report.contains("1 editions recorded; 0 already on record"),
        "{report}"
    );
    let row = report
        .split("<tr id=\"changed-HUN\">")
        .nth(1)
        .and_then(|r| r.split("</tr>").next())
        .unwrap_or_else(|| panic!("{report}"));
    assert!(
        row.contains("member")
            && row.contains("Free, 72/100 (FIW 2018)")
            && row.contains("Partly Free, 70/100 (FIW 2019)"),
        "{row}"
    );
    let opened = report
        .split("<tr id=\"opened-HUN\">")
        .nth(1)
        .and_then(|r| r.split("</tr>").next())
        .unwrap_or_else(|| panic!("{report}"));
    assert!(
        opened.contains("href=\"/members/HUN\"") && opened.contains("Hungary"),
        "{opened}"
    );
    assert!(opened.contains("href=\"/reviews#review-"), "{opened}");
    assert!(
        inst.state()
            .await
            .reviews
            .values()
            .any(|r| r.state.as_str() == "HUN")
    );
    assert_ne!(inst.state().await.head(), head);

    // Again: already on record, nothing changes.
    let (status, job2, _) = upload(&app, &cookie, &csrf, "", &fiw_2019()).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let again = finished(&app, &cookie, &job2).await;
    assert!(
        again.contains("0 editions recorded; 1 already on record"),
        "{again}"
    );

    // In every language, without raw message ids; only the secretariat sees a job.
    for lang in ["en", "fr", "ar"] {
        for uri in [PAGE.to_owned(), job.clone()] {
            let page = send(
                &app,
                "GET",
                &format!("{uri}?lang={lang}"),
                &cookie,
                None,
                None,
                None,
            )
            .await;
            assert_eq!(page.status, StatusCode::OK, "{uri} {lang}");
            assert!(page.body.contains(&format!("<html lang=\"{lang}\"")));
            assert!(
                !page.body.contains("ratings-import-") && !page.body.contains("ratings-job-"),
                "{uri} in {lang}: {}",
                page.body
            );
        }
    }
    let denied = send(&app, "GET", &job, &ida, None, None, None).await;
    assert_eq!(denied.status, StatusCode::FORBIDDEN);
    assert!(!denied.body.contains("Hungary"));
    let unknown = send(
        &app,
        "GET",
        "/ratings/import/999",
        &cookie,
        None,
        None,
        None,
    )
    .await;
    assert_eq!(unknown.status, StatusCode::NOT_FOUND);
    assert!(unknown.body.contains("no ratings import 999"));
}
