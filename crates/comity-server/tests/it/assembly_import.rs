//! The secretariat's CSV import of respondents through the browser's multipart upload: every
//! row checked, rejected rows reported by line, the good ones registered in one act.

use axum::Router;
use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode, header};
use tower::ServiceExt;

use crate::assemblies::{ORGAN, PAGE, journal, small_app};
use crate::writes::{follow_job, hidden_csrf, send, sign_in};

/// A multipart upload as a browser sends it.
async fn upload(app: &Router, cookie: &str, csrf: &str, csv: &str) -> (StatusCode, String) {
    let (status, location, body) = post_upload(app, cookie, csrf, csv).await;
    if status == StatusCode::SEE_OTHER {
        let done = follow_job(app, cookie, &location).await;
        return (done.status, done.body);
    }
    (status, body)
}

/// The upload's answer: status, where it sends the browser, and the page.
async fn post_upload(
    app: &Router,
    cookie: &str,
    csrf: &str,
    csv: &str,
) -> (StatusCode, String, String) {
    let b = "----comity-test-boundary";
    let body = format!(
        "--{b}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n\
         --{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"people.csv\"\r\nContent-Type: text/csv\r\n\r\n{csv}\r\n--{b}--\r\n"
    );
    let req = Request::builder()
        .method("POST")
        .uri("/assemblies/citizens_assembly/import")
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

#[tokio::test]
async fn the_secretariat_imports_respondents_and_is_told_which_rows_were_rejected() {
    let (app, inst) = small_app().await;
    let cookie = sign_in(&app, "sec", "a+long+password+1").await;
    let csrf = hidden_csrf(
        &send(&app, "GET", PAGE, &cookie, None, None, None)
            .await
            .body,
    );
    let csv = "name,email,age,gender\n\
        Ada Lovelace,ada@example.org,16-29,female\n\
        Alan Turing,alan@example.org,60+,male\n\
        Bad Address,nowhere,60+,male\n\
        Grace Hopper,grace@example.org,60+,robot\n\
        Ada Twice,ADA@example.org,60+,female\n";
    let (status, body) = upload(&app, &cookie, &csrf, csv).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(
        body.contains("5 rows read: 2 registered as volunteers 1 to 2; 3 rejected."),
        "{body}"
    );
    for line in [4, 5, 6] {
        assert!(
            body.contains(&format!("<th scope=\"row\" class=\"num\">{line}</th>")),
            "line {line}"
        );
    }
    assert!(body.contains("“robot” is not one of female, male"));
    let contacts = inst.store().volunteer_contacts(ORGAN).await.unwrap();
    let names: Vec<&str> = contacts.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Ada Lovelace", "Alan Turing"]);
    assert!(!journal(&app).await.contains("Lovelace"));
    let entry = inst
        .store()
        .entry(inst.state().await.head().seq)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (entry.kind.as_str(), entry.actor.as_str()),
        ("volunteers_registered", "sec")
    );

    // Importing the same people again registers nobody and says why, line by line.
    let head = inst.state().await.head();
    let (status, body) = upload(
        &app,
        &cookie,
        &csrf,
        "name,email,age,gender\nAda,ada@example.org,60+,female\n",
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body.contains("has volunteered already") && body.contains("aria-invalid=\"true\""),
        "{body}"
    );
    // A file without a quota column is refused whole.
    let (status, body) = upload(
        &app,
        &cookie,
        &csrf,
        "name,email,gender\nAda,a@example.org,female\n",
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body.contains("The header lacks the columns: age."),
        "{body}"
    );
    // A forged form is refused.
    let (status, _) = upload(&app, &cookie, "0000", csv).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(inst.state().await.head(), head);
    // A citizen has no import.
    let ida = sign_in(&app, "ida", "a+long+password+1").await;
    let csrf = hidden_csrf(&send(&app, "GET", PAGE, &ida, None, None, None).await.body);
    let (status, body) = upload(&app, &ida, &csrf, csv).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body.contains("Only an officer of the secretariat may do this."),
        "{body}"
    );
    assert_eq!(inst.state().await.head(), head);
}

/// A file larger than one batch is registered by the background job in batches of
/// `BATCH` rows, behind a progress bar, and the report covers every row.
#[tokio::test]
async fn a_large_import_runs_in_batches_behind_a_progress_bar() {
    let (app, inst) = small_app().await;
    let cookie = sign_in(&app, "sec", "a+long+password+1").await;
    let csrf = hidden_csrf(
        &send(&app, "GET", PAGE, &cookie, None, None, None)
            .await
            .body,
    );
    let mut csv = String::from("name,email,age,gender\n");
    for i in 0..1_234 {
        let (age, gender) = (["16-29", "60+"][i % 2], ["female", "male"][(i / 2) % 2]);
        csv.push_str(&format!("Person {i},p{i}@example.org,{age},{gender}\n"));
    }
    let head = inst.state().await.head().seq;
    let (status, location, _) = post_upload(&app, &cookie, &csrf, &csv).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.starts_with("/assemblies/citizens_assembly/imports/"));
    let done = follow_job(&app, &cookie, &location).await;
    assert_eq!(done.status, StatusCode::OK);
    assert!(
        done.body
            .contains("1234 rows read: 1234 registered as volunteers 1 to 1234; 0 rejected."),
        "{}",
        done.body
    );
    // Three acts of at most 500 rows each.
    let after = inst.state().await.head().seq;
    assert_eq!(after - head, 3);
    assert_eq!(
        inst.store().volunteer_contacts(ORGAN).await.unwrap().len(),
        1_234
    );
    // The report is for those who may import; an unknown job is a 404.
    let anonymous = send(&app, "GET", &location, "", None, None, None).await;
    assert_eq!(anonymous.status, StatusCode::SEE_OTHER);
    assert!(!anonymous.body.contains("1234 rows"));
    let missing = send(
        &app,
        "GET",
        "/assemblies/citizens_assembly/imports/999",
        &cookie,
        None,
        None,
        None,
    )
    .await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
}
