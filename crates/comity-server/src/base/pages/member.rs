use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use comity_core::membership::Standing;
use comity_core::{Iso3, view};

use crate::base::rating_chart::{Chart, rating_chart};
use crate::i18n::Tr;
use crate::kit::acts::ActLine;
use crate::labels;
use crate::web::{Chrome, Req, Shared, group_digits, internal, not_found, render};

pub struct FhRow {
    pub edition: u16,
    pub status: String,
    pub pr: u8,
    pub cl: u8,
    pub total: String,
}

#[derive(Template)]
#[template(path = "base/member.html")]
struct Member<'a> {
    tr: Tr<'a>,
    c: Chrome,
    iso3: String,
    name: String,
    status_key: String,
    admitted: String,
    eligible: bool,
    reason: String,
    population: String,
    group: String,
    region: String,
    review: Vec<String>,
    chart: Chart,
    fh_rows: Vec<FhRow>,
    acts: Vec<ActLine>,
    /// good, warned or suspended; the suspending review.
    standing: String,
    suspended_by: Option<u64>,
    /// The democracy officer's name, office and public contact (seed 003).
    officer: Option<(String, String, String)>,
    applications: Vec<crate::membership::pages::ApplicationRow>,
    reviews: Vec<crate::membership::pages::ReviewRow>,
    /// Its votes in the UN General Assembly: the sentence on the votes, and on its agreement
    /// with the other members.
    un: Option<(String, String)>,
    /// Its pledges, and the alerts on them today.
    pledges: crate::pledges::pages::PledgerSection,
}

pub async fn page(State(app): State<Shared>, req: Req, Path(code): Path<String>) -> Response {
    let un_record = crate::caucus::data::current(&app.inst).await.ok();
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let found = Iso3::parse(&code.to_ascii_uppercase())
        .ok()
        .and_then(|iso| state.registry.country(&iso).cloned());
    let Some(country) = found else {
        return not_found(&app, &req, &state, tr.t1("not-found-member", "iso3", code));
    };
    let Some(row) = view::member_rows(&state)
        .into_iter()
        .find(|r| r.iso3 == country.iso3.as_str())
    else {
        return not_found(&app, &req, &state, tr.t1("not-found-member", "iso3", code));
    };
    let seqs = state.acts.get(&country.iso3).cloned().unwrap_or_default();
    let acts = match crate::kit::acts::lines(app.inst.store(), &state, &tr, &seqs).await {
        Ok(a) => a,
        Err(e) => return internal("reading a member's entries", e),
    };
    let mut fh_rows: Vec<FhRow> = state
        .registry
        .fh_history(&country.iso3)
        .map(|(ed, r)| FhRow {
            edition: ed,
            status: r.status.to_string(),
            pr: r.pr,
            cl: r.cl,
            total: r.total.map(|t| t.to_string()).unwrap_or_else(|| "—".into()),
        })
        .collect();
    fh_rows.reverse();
    let admitted = state
        .members
        .get(&country.iso3)
        .map(|m| tr.t1("member-admitted", "seq", m.admitted_seq))
        .unwrap_or_default();
    let chart = rating_chart(
        &tr,
        &state.registry,
        state.charter.as_ref().map(|a| &a.charter),
        &country.iso3,
    );
    let (standing, suspended_by) = match state.members.get(&country.iso3).map(|m| m.standing) {
        None => (String::new(), None),
        Some(Standing::Good) => ("standing-good".to_owned(), None),
        Some(Standing::Warned) => ("standing-warned".to_owned(), None),
        Some(Standing::Suspended(r)) => ("standing-suspended".to_owned(), Some(r)),
    };
    let mine = country.iso3.as_str();
    let applications = crate::membership::pages::application_rows(&tr, &state)
        .into_iter()
        .filter(|a| a.iso3 == mine)
        .collect();
    let reviews = crate::membership::pages::review_rows(&tr, &state)
        .into_iter()
        .filter(|r| r.iso3 == mine)
        .collect();
    let un = un_record
        .as_deref()
        .and_then(|record| crate::caucus::view::un_record(record, &state, mine))
        .map(|r| {
            let n = |x: u32| group_digits(u64::from(x), req.lang);
            let mut args = fluent_bundle::FluentArgs::new();
            args.set("roll_calls", n(r.roll_calls));
            args.set("yes", n(r.yes));
            args.set("no", n(r.no));
            args.set("abstain", n(r.abstain));
            args.set("first", r.first_session);
            args.set("last", r.last_session);
            let votes = app.catalog.format(req.lang, "member-un-votes", Some(&args));
            let agreement = r
                .with_members
                .map(|(a, k)| {
                    let share = crate::i18n::numbers::decimal(a, 2, req.lang);
                    tr.t2("member-un-agreement", "agreement", share, "members", k)
                })
                .unwrap_or_default();
            (votes, agreement)
        });
    render(&Member {
        un,
        pledges: crate::pledges::pages::pledger_section(
            &tr,
            &state,
            &comity_core::pledges::Pledger::State(country.iso3.clone()),
        ),
        standing,
        suspended_by,
        officer: state
            .democracy_officers
            .get(&country.iso3)
            .map(|o| (o.name.clone(), o.office.clone(), o.contact.clone())),
        applications,
        reviews,
        c: req.chrome(&state, "members"),
        iso3: country.iso3.to_string(),
        name: country.name.clone(),
        status_key: format!("status-{}", row.status),
        admitted,
        eligible: row.eligible,
        reason: labels::reasons(&tr, &row.reasons),
        population: country
            .population
            .map(|p| group_digits(p, req.lang))
            .unwrap_or_else(|| "—".into()),
        group: labels::group(&tr, country.un_group.as_deref()),
        region: format!("{} / {}", country.m49_region, country.m49_sub_region),
        review: row.review,
        chart,
        fh_rows,
        acts,
        tr,
    })
}
