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
#[template(path = "organs.html")]
struct OrgansPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    organs: Vec<OrganView>,
}

#[derive(Template)]
#[template(path = "organ.html")]
struct OrganPage<'a> {
    tr: Tr<'a>,
    c: Chrome,
    o: OrganView,
    rotation: Vec<(String, String, String, bool)>,
    holders: Vec<(String, String)>,
    decisions: Vec<DecisionRow>,
    motions: Vec<crate::pages::motions::MotionRow>,
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

pub async fn page(State(app): State<Shared>, req: Req, Path(id): Path<String>) -> Response {
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
    let motions = crate::pages::motions::rows(
        &tr,
        &state,
        state.motions.values().filter(|m| m.organ == organ.id).rev(),
    );
    render(&OrganPage {
        c: req.chrome(&state, "organs"),
        o: organ_view(&tr, ch, organ),
        motions,
        rotation,
        holders,
        decisions,
        tr,
    })
}
