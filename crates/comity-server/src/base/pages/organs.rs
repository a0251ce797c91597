use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use comity_core::organs::{ChairHolder, chair_rotation, seat_holders};

use crate::i18n::Tr;
use crate::labels;
use crate::web::{Chrome, Req, Shared, not_found, render};

pub struct OrganView {
    pub id: String,
    pub name: String,
    pub kind_key: String,
    pub seats: String,
    pub meets: String,
    pub chair: String,
    pub decides: String,
    pub reports_to: String,
    pub reports_to_id: String,
    pub mandate: String,
}

pub struct DecisionRow {
    pub kind: String,
    pub rule: String,
    pub procedure: String,
}

#[derive(Template)]
#[template(path = "base/organs.html")]
struct OrgansPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    organs: Vec<OrganView>,
}

#[derive(Template)]
#[template(path = "base/organ.html")]
struct OrganPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    o: OrganView,
    rotation: Vec<(String, String, String, bool)>,
    holders: Vec<(String, String)>,
    decisions: Vec<DecisionRow>,
    motions: Vec<crate::motion::pages::MotionRow>,
    power: Option<PowerSection>,
    /// The powers the charter gives it over others' decisions and how it used them.
    powers: Option<crate::network::powers_use::UseSection>,
    /// Drawn by lot: the assembly's page has its pool and draws.
    by_lot: bool,
    /// The treaties this organ drafts.
    treaties: Vec<crate::treaty::pages::treaties::TreatyRow>,
    /// The UN caucus's agenda and cohesion, on the page of the organ that agrees common
    /// positions.
    caucus: Option<crate::caucus::agenda_pages::OrganSection>,
    /// The organ's own pledges and, where the charter makes it responsible for pledges, the
    /// alerts on every pledge for its agenda.
    pledges: crate::pledges::pages::PledgerSection,
    pledge_alerts: Option<Vec<crate::pledges::view::AlertRow>>,
    /// Reports received from other organs and reports it sent: (number, from, to, title, period, date).
    reports_in: Vec<(u64, String, String, String, String, String)>,
    reports_out: Vec<(u64, String, String, String, String, String)>,
}

pub struct PowerSection {
    /// (id, label, selected as A, selected as B)
    pub choices: Vec<(String, String, bool, bool)>,
    pub a_label: String,
    pub b_label: String,
    pub chart: Option<crate::base::power_view::PowerChart>,
    pub error: String,
    pub members: usize,
}

#[derive(serde::Deserialize, Default)]
pub struct PowerQuery {
    #[serde(default)]
    a: String,
    #[serde(default)]
    b: String,
}

fn power_section(
    tr: &Tr<'_>,
    state: &comity_core::State,
    organ: &comity_core::charter::Organ,
    q: &PowerQuery,
) -> Option<PowerSection> {
    let members = seat_holders(state, organ)?;
    let choices = crate::base::power_view::choices(state, &organ.id);
    let label = |c: &crate::base::power_view::Choice| {
        if c.decision {
            format!("{}: {}", c.id, labels::rule(tr, &c.rule))
        } else {
            tr.t(&format!("power-preset-{}", c.id.replace('_', "-")))
        }
    };
    let pick = |id: &str, fallback: usize| {
        choices
            .iter()
            .position(|c| c.id == id)
            .unwrap_or(fallback.min(choices.len().saturating_sub(1)))
    };
    let default_b = choices.iter().position(|c| c.id == "eu_qmv").unwrap_or(0);
    let (ia, ib) = (pick(&q.a, 0), pick(&q.b, default_b));
    let (ca, cb) = (choices.get(ia)?, choices.get(ib)?);
    let result = crate::base::power_view::indices(state, &members, &ca.rule)
        .and_then(|a| crate::base::power_view::indices(state, &members, &cb.rule).map(|b| (a, b)));
    let (chart, error) = match result {
        Ok((a, b)) => (
            Some(crate::base::power_view::chart(state, &members, &a, &b, 30)),
            String::new(),
        ),
        Err(e) => (None, tr.t1("power-too-large", "detail", e)),
    };
    Some(PowerSection {
        choices: choices
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), label(c), i == ia, i == ib))
            .collect(),
        a_label: label(ca),
        b_label: label(cb),
        chart,
        error,
        members: members.len(),
    })
}

fn organ_view(
    tr: &Tr<'_>,
    ch: &comity_core::charter::Charter,
    o: &comity_core::charter::Organ,
) -> OrganView {
    let parent = o.reports_to.as_deref().and_then(|id| ch.organ(id));
    OrganView {
        id: o.id.clone(),
        name: o.name.clone(),
        kind_key: labels::organ_kind_key(o.kind),
        seats: labels::seats(tr, o.seats),
        meets: labels::meets(tr, o),
        chair: labels::chair(tr, o),
        decides: ch
            .decisions_of(&o.id)
            .map(|d| d.kind.clone())
            .collect::<Vec<_>>()
            .join(", "),
        reports_to: parent.map(|p| p.name.clone()).unwrap_or_default(),
        reports_to_id: parent.map(|p| p.id.clone()).unwrap_or_default(),
        mandate: o.mandate.clone(),
    }
}

pub async fn list(State(app): State<Shared>, req: Req) -> Response {
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let organs = state
        .charter
        .as_ref()
        .map(|a| {
            a.charter
                .organs
                .iter()
                .map(|o| organ_view(&tr, &a.charter, o))
                .collect()
        })
        .unwrap_or_default();
    render(&OrgansPage {
        c: req.chrome(&state, "organs"),
        organs,
        tr,
    })
}

pub async fn page(
    State(app): State<Shared>,
    req: Req,
    Path(id): Path<String>,
    axum::extract::Query(pq): axum::extract::Query<PowerQuery>,
) -> Response {
    let un = crate::caucus::data::current(&app.inst).await.ok();
    let state = app.inst.state().await;
    let tr = req.tr(&app.catalog);
    let found = state
        .charter
        .as_ref()
        .and_then(|a| a.charter.organ(&id).map(|o| (&a.charter, o)));
    let Some((ch, organ)) = found else {
        return not_found(&app, &req, &state, tr.t1("not-found-organ", "id", id));
    };
    let name_of = |iso: &comity_core::Iso3| {
        state
            .registry
            .country(iso)
            .map(|c| c.name.clone())
            .unwrap_or_else(|| iso.to_string())
    };
    let rotation = chair_rotation(&state, organ, crate::now(), 4)
        .into_iter()
        .map(|t| {
            let holder = match &t.holder {
                ChairHolder::State(iso) => name_of(iso),
                ChairHolder::Group(g) => labels::group(&tr, Some(g)),
            };
            let today = time::OffsetDateTime::from_unix_timestamp(crate::now().unix())
                .map(|d| d.date())
                .ok();
            let current = today.is_some_and(|d| t.from <= d && d < t.until);
            (t.from.to_string(), t.until.to_string(), holder, current)
        })
        .collect();
    let mut holders: Vec<(String, String)> = seat_holders(&state, organ)
        .unwrap_or_default()
        .iter()
        .map(|iso| (iso.to_string(), name_of(iso)))
        .collect();
    holders.sort_by(|a, b| a.1.cmp(&b.1));
    let decisions = ch
        .decisions_of(&organ.id)
        .map(|d| DecisionRow {
            kind: d.kind.clone(),
            rule: labels::rule(&tr, &d.rule),
            procedure: labels::procedure(&tr, ch, d),
        })
        .collect();
    let motions = crate::motion::pages::rows(
        &tr,
        &state,
        state.motions.values().filter(|m| m.organ == organ.id).rev(),
    );
    let power = power_section(&tr, &state, organ, &pq);
    let report_row = |r: &comity_core::reporting::Report| {
        let name = |id: &str| {
            ch.organ(id)
                .map_or_else(|| id.to_owned(), |o| o.name.clone())
        };
        (
            r.seq,
            name(&r.organ),
            name(&r.to),
            r.title.clone(),
            r.period.clone(),
            comity_core::ids::Day::of(r.time)
                .map(|d| d.to_string())
                .unwrap_or_default(),
        )
    };
    let reports_in = state
        .reports
        .values()
        .filter(|r| r.to == organ.id)
        .map(report_row)
        .collect();
    let reports_out = state
        .reports
        .values()
        .filter(|r| r.organ == organ.id)
        .map(report_row)
        .collect();
    render(&OrganPage {
        reports_in,
        reports_out,
        c: req.chrome(&state, "organs"),
        o: organ_view(&tr, ch, organ),
        motions,
        power,
        powers: crate::network::powers_use::section(&tr, &state, &organ.id),
        by_lot: organ.sortition.is_some(),
        treaties: crate::treaty::pages::treaties::rows(&tr, &state, Some(&organ.id)),
        caucus: crate::caucus::agenda_pages::organ_section(&tr, &state, &organ.id, un.as_deref()),
        pledges: crate::pledges::pages::pledger_section(
            &tr,
            &state,
            &comity_core::pledges::Pledger::Organ(organ.id.clone()),
        ),
        pledge_alerts: crate::pledges::pages::organ_alerts(&tr, &state, &organ.id),
        rotation,
        holders,
        decisions,
        tr,
    })
}
