//! `/initiatives/check`: would this distribution of signatures pass, for an initiative
//! registered on this day? The counts are pasted as `country,signatures` lines; the verdict
//! shows each member against its minimum, with a chart. No sign-in: committees, journalists
//! and researchers check distributions too.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::response::Response;
use comity_core::ids::Day;
use serde::Deserialize;

use super::view::{self, CheckDoc};
use crate::i18n::Tr;
use crate::kit::form::{FieldError, form_status};
use crate::web::{Chrome, Req, Shared, no_store, render_with};

#[derive(Deserialize, Default)]
pub struct CheckQuery {
    #[serde(default)]
    pub registered: String,
    /// `country,signatures` lines (a header line is skipped).
    #[serde(default)]
    pub counts: String,
}

#[derive(Template)]
#[template(path = "initiatives/check.html")]
struct CheckPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    q: CheckQuery,
    rule: String,
    doc: Option<CheckDoc>,
    chart: String,
    error: FieldError,
}

/// `country,signatures` lines read: the counts, or the line and field that do not read.
pub fn parse_counts(text: &str) -> Result<BTreeMap<String, u64>, (String, String)> {
    let mut out: BTreeMap<String, u64> = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.to_ascii_lowercase().starts_with("country") {
            continue;
        }
        let (c, n) = line.split_once([',', ';', '\t', ' ']).ok_or_else(|| {
            (
                "counts".to_owned(),
                format!("line {}: write country,signatures", i + 1),
            )
        })?;
        let n: u64 = n.trim().parse().map_err(|_| {
            (
                "counts".to_owned(),
                format!(
                    "line {}, field signatures: {:?} is not a whole number",
                    i + 1,
                    n.trim()
                ),
            )
        })?;
        *out.entry(c.trim().to_uppercase()).or_default() += n;
    }
    Ok(out)
}

pub async fn check(State(app): State<Shared>, req: Req, Query(q): Query<CheckQuery>) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let rule = view::shipped();
    let asked = !q.registered.trim().is_empty() || !q.counts.trim().is_empty();
    let mut error = FieldError::default();
    let mut doc = None;
    if asked {
        let result = (|| {
            let rule = rule.as_ref().map_err(|e| ("act".to_owned(), e.clone()))?;
            let day = Day::parse(q.registered.trim())
                .map_err(|_| ("registered".to_owned(), tr.t("initiatives-bad-date")))?;
            let counts = parse_counts(&q.counts)?;
            view::check(rule, day, &counts).map_err(|e| ("registered".to_owned(), e))
        })();
        match result {
            Ok(d) => doc = Some(d),
            Err(e) => error = e,
        }
    }
    let chart = doc.as_ref().map_or_else(String::new, |d| {
        view::chart(
            d,
            &tr.t("initiatives-chart-title"),
            &tr.t("initiatives-chart-desc"),
        )
    });
    let page = CheckPage {
        c: req.chrome(&state, "initiatives"),
        rule: rule.map(|r| r.name).unwrap_or_default(),
        q,
        doc,
        chart,
        error: error.clone(),
        tr,
    };
    no_store(render_with(form_status(&error), &page))
}
