//! The secretariat imports a CSV of respondents (`name,email` and one column per quota
//! feature): every row is checked in the request (a file that cannot be read is refused
//! whole), the rejected ones are reported with their line and the reason, and the good ones
//! are registered by a background job in batches, their contacts beside the journal, behind
//! a progress bar that works without JavaScript (`assembly_jobs`). The report then says how
//! many rows were read, registered and rejected, with every rejected line.

use std::collections::BTreeMap;

use axum::extract::{Multipart, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use comity_core::Principal;
use comity_core::assembly::check_features;
use comity_core::charter::Sortition;
use comity_store::{Contact, NewVolunteer};

use crate::assembly::pages::{
    Extra, ImportReport, contact_error, may_import, render_page, rules_of, store_failed,
};
use crate::i18n::Tr;
use crate::kit::form::csrf_ok;
use crate::web::{Req, Shared};

/// The largest upload accepted (about 200,000 respondents).
pub const MAX_UPLOAD: usize = 32 * 1024 * 1024;

/// A file that cannot be read row by row, as a message for the whole file.
#[derive(Debug, PartialEq)]
pub enum FileProblem {
    NotUtf8,
    Empty,
    Missing(Vec<String>),
    UnknownColumn(String),
    Csv(String),
}

/// Rows that passed every check, with their lines, and those that did not.
pub struct Checked {
    pub rows: usize,
    pub good: Vec<(u64, NewVolunteer)>,
    pub rejected: Vec<(u64, String)>,
}

/// The charter's spelling of a value given in any case, or the value as given.
fn canonical(rules: &Sortition, feature: &str, given: &str) -> String {
    rules
        .quotas
        .iter()
        .find(|q| q.feature == feature && q.value.eq_ignore_ascii_case(given))
        .map_or_else(|| given.to_owned(), |q| q.value.clone())
}

/// Why a row's features do not fit the quotas, in the reader's language.
fn feature_reason(tr: &Tr<'_>, rules: &Sortition, feature: &str, given: Option<&String>) -> String {
    match given.filter(|v| !v.is_empty()) {
        None => tr.t1("assembly-row-feature-missing", "feature", feature),
        Some(value) => {
            let allowed: Vec<&str> = rules
                .quotas
                .iter()
                .filter(|q| q.feature == feature)
                .map(|q| q.value.as_str())
                .collect();
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("feature", feature.to_owned());
            args.set("value", value.clone());
            args.set("allowed", allowed.join(", "));
            tr.catalog
                .format(tr.lang, "assembly-row-feature-value", Some(&args))
        }
    }
}

/// The header, lower-cased, if it names `name`, `email` and every quota feature and nothing else.
fn header(reader: &mut csv::Reader<&[u8]>, features: &[&str]) -> Result<Vec<String>, FileProblem> {
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| FileProblem::Csv(e.to_string()))?
        .iter()
        .map(str::to_lowercase)
        .collect();
    if header.iter().all(String::is_empty) {
        return Err(FileProblem::Empty);
    }
    if let Some(unknown) = header
        .iter()
        .find(|h| *h != "name" && *h != "email" && !features.contains(&h.as_str()))
    {
        return Err(FileProblem::UnknownColumn(unknown.clone()));
    }
    let missing: Vec<String> = ["name", "email"]
        .into_iter()
        .chain(features.iter().copied())
        .filter(|c| !header.iter().any(|h| h == c))
        .map(str::to_owned)
        .collect();
    if missing.is_empty() {
        Ok(header)
    } else {
        Err(FileProblem::Missing(missing))
    }
}

/// One row as a volunteer, or why not.
fn check_row(
    tr: &Tr<'_>,
    rules: &Sortition,
    header: &[String],
    record: &csv::StringRecord,
) -> Result<NewVolunteer, String> {
    if record.len() != header.len() {
        let (expected, found) = (header.len(), record.len());
        return Err(tr.t2("assembly-row-fields", "expected", expected, "found", found));
    }
    let get = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .and_then(|i| record.get(i))
            .unwrap_or("")
    };
    let contact = Contact::new(get("name"), get("email")).map_err(|e| contact_error(tr, &e).1)?;
    let features: BTreeMap<String, String> = rules
        .features()
        .into_iter()
        .map(|(f, _)| (f.to_owned(), canonical(rules, f, get(f))))
        .filter(|(_, v)| !v.is_empty())
        .collect();
    if let Err((feature, _)) = check_features(rules, &features) {
        return Err(feature_reason(tr, rules, &feature, features.get(&feature)));
    }
    Ok(NewVolunteer { contact, features })
}

/// Read and check every row. Duplicate addresses within the file are rejected here; those
/// registered before are rejected by the caller, which asks the store.
pub fn check_rows(tr: &Tr<'_>, rules: &Sortition, bytes: &[u8]) -> Result<Checked, FileProblem> {
    let text = std::str::from_utf8(bytes).map_err(|_| FileProblem::NotUtf8)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let features: Vec<&str> = rules.features().into_iter().map(|(f, _)| f).collect();
    let header = header(&mut reader, &features)?;
    let mut out = Checked {
        rows: 0,
        good: Vec::new(),
        rejected: Vec::new(),
    };
    let mut seen: BTreeMap<String, u64> = BTreeMap::new();
    for record in reader.records() {
        out.rows += 1;
        let checked = record
            .map_err(|e| (e.position().map_or(0, |p| p.line()), e.to_string()))
            .and_then(|r| {
                let line = r.position().map_or(0, |p| p.line());
                check_row(tr, rules, &header, &r)
                    .map(|v| (line, v))
                    .map_err(|why| (line, why))
            });
        match checked {
            Err(rejected) => out.rejected.push(rejected),
            Ok((line, v)) => match seen.get(v.contact.email()) {
                Some(first) => {
                    let reason = tr.t1("assembly-row-duplicate", "line", *first);
                    out.rejected.push((line, reason));
                }
                None => {
                    seen.insert(v.contact.email().to_owned(), line);
                    out.good.push((line, v));
                }
            },
        }
    }
    Ok(out)
}

fn file_message(tr: &Tr<'_>, p: &FileProblem) -> String {
    match p {
        FileProblem::NotUtf8 => tr.t("assembly-file-not-utf8"),
        FileProblem::Empty => tr.t("assembly-file-empty"),
        FileProblem::Missing(cols) => {
            tr.t1("assembly-file-missing-columns", "columns", cols.join(", "))
        }
        FileProblem::UnknownColumn(c) => tr.t1("assembly-file-unknown-column", "column", c),
        FileProblem::Csv(detail) => tr.t1("assembly-file-unreadable", "detail", detail),
    }
}

pub async fn import(
    State(app): State<Shared>,
    req: Req,
    Path(organ): Path<String>,
    form: Multipart,
) -> Response {
    let Some(who) = req.principal() else {
        return Redirect::to("/login").into_response();
    };
    match run(&app, &req, &who, &organ, form).await {
        Ok(extra) => render_page(&app, &req, &organ, extra).await,
        Err(res) => res,
    }
}

const FIELD: &str = "import-file";

fn fail(field: &str, message: String) -> Extra {
    Extra {
        error: (field.to_owned(), message),
        ..Extra::default()
    }
}

/// Read, authorize and check the upload, then register its good rows: what the page shows.
async fn run(
    app: &Shared,
    req: &Req,
    who: &Principal,
    organ: &str,
    form: Multipart,
) -> Result<Extra, Response> {
    let tr = req.tr(&app.catalog);
    let (csrf, bytes) = match crate::kit::form::Upload::read(form).await {
        Ok(mut u) => (
            u.text("csrf"),
            u.take_file("file").map(|f| f.1).unwrap_or_default(),
        ),
        Err(detail) => {
            let msg = tr.t1("assembly-file-unreadable", "detail", detail);
            return Ok(fail(FIELD, msg));
        }
    };
    if !csrf_ok(req, &csrf) {
        return Ok(fail("act", tr.t("form-csrf-failed")));
    }
    let Some(rules) = rules_of(app, organ).await else {
        return Ok(Extra::default());
    };
    let denied = may_import(who, &*app.inst.state().await, organ).err();
    if let Some(d) = denied {
        return Ok(fail("act", crate::labels::denial(&tr, &d)));
    }
    if bytes.is_empty() {
        return Ok(fail(FIELD, tr.t("assembly-file-missing")));
    }
    let checked = match check_rows(&tr, &rules, &bytes) {
        Ok(c) => c,
        Err(p) => return Ok(fail(FIELD, file_message(&tr, &p))),
    };
    let (good, report) = sort_out(app, &tr, organ, checked).await?;
    if good.is_empty() {
        return Ok(Extra {
            import: Some(report),
            ..fail(FIELD, tr.t("assembly-import-nothing"))
        });
    }
    // The good rows are registered by a background job, batch by batch, behind a progress bar.
    Err(crate::assembly::jobs::start_import(
        app,
        who.clone(),
        organ,
        good,
        report,
        &tr,
    ))
}

/// Reject the rows whose address volunteered before; the report so far and the rows to go.
async fn sort_out(
    app: &Shared,
    tr: &Tr<'_>,
    organ: &str,
    mut checked: Checked,
) -> Result<(Vec<(u64, NewVolunteer)>, ImportReport), Response> {
    let emails: Vec<&str> = checked
        .good
        .iter()
        .map(|(_, p)| p.contact.email())
        .collect();
    let taken = app
        .inst
        .store()
        .registered_emails(organ, &emails)
        .await
        .map_err(store_failed)?;
    let (good, again): (Vec<_>, Vec<_>) = std::mem::take(&mut checked.good)
        .into_iter()
        .partition(|(_, p)| !taken.contains(p.contact.email()));
    let before = tr.t("assembly-email-registered");
    checked
        .rejected
        .extend(again.iter().map(|(line, _)| (*line, before.clone())));
    checked.rejected.sort_by_key(|(line, _)| *line);
    let report = ImportReport {
        rows: checked.rows,
        rejected: checked.rejected,
        ..ImportReport::default()
    };
    Ok((good, report))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Catalog, Lang};

    fn rules() -> Sortition {
        let q = |feature: &str, value: &str| comity_core::charter::QuotaRule {
            feature: feature.into(),
            value: value.into(),
            min: 0,
            max: 2,
        };
        Sortition {
            algorithm: "leximin".into(),
            one_per_household: false,
            quotas: vec![
                q("gender", "female"),
                q("gender", "male"),
                q("age", "16-29"),
                q("age", "60+"),
            ],
        }
    }

    #[test]
    fn every_row_is_checked_and_rejected_rows_name_their_line() {
        let c = Catalog::load().unwrap();
        let tr = Tr {
            catalog: &c,
            lang: Lang::En,
        };
        let csv = "\u{feff}Name,Email,Gender,Age\n\
            Ada Lovelace,ada@example.org,Female,16-29\n\
            ,nobody@example.org,male,60+\n\
            Alan Turing,not-an-address,male,60+\n\
            Grace Hopper,grace@example.org,robot,60+\n\
            Edsger Dijkstra,edsger@example.org,male,\n\
            Ada Again,ADA@example.org,female,60+\n\
            Short,row@example.org\n\
            \"Hopper, Grace\",g2@example.org,female,60+\n";
        let checked = check_rows(&tr, &rules(), csv.as_bytes()).unwrap();
        assert_eq!(checked.rows, 8);
        let good: Vec<u64> = checked.good.iter().map(|(l, _)| *l).collect();
        assert_eq!(good, [2, 9]);
        assert_eq!(
            checked.good[0].1.features["gender"], "female",
            "the charter's spelling"
        );
        let lines: Vec<u64> = checked.rejected.iter().map(|(l, _)| *l).collect();
        assert_eq!(lines, [3, 4, 5, 6, 7, 8]);
        let reasons: Vec<&str> = checked.rejected.iter().map(|(_, r)| r.as_str()).collect();
        assert!(reasons[0].starts_with("Name"), "{reasons:?}");
        assert!(reasons[1].starts_with("Email"), "{reasons:?}");
        assert!(
            reasons[2].contains("“robot” is not one of female, male"),
            "{reasons:?}"
        );
        assert!(reasons[3].contains("age"), "{reasons:?}");
        assert!(reasons[4].contains("line 2"), "{reasons:?}");
        assert!(reasons[5].contains("found 2"), "{reasons:?}");
    }

    #[test]
    fn a_file_without_the_columns_is_refused_whole() {
        let c = Catalog::load().unwrap();
        let tr = Tr {
            catalog: &c,
            lang: Lang::En,
        };
        let check = |s: &str| check_rows(&tr, &rules(), s.as_bytes()).err();
        assert_eq!(
            check("name,email,gender\nA,a@example.org,male\n"),
            Some(FileProblem::Missing(vec!["age".into()]))
        );
        assert_eq!(
            check("name,email,gender,age,shoe\n"),
            Some(FileProblem::UnknownColumn("shoe".into()))
        );
        assert_eq!(check(""), Some(FileProblem::Empty));
        assert_eq!(
            check_rows(&tr, &rules(), b"name,email\n\xff\n").err(),
            Some(FileProblem::NotUtf8)
        );
    }
}
