use axum::Json;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use comity_core::charter::{Charter, Organ};
use comity_core::organs::{ChairHolder, chair_rotation, seat_holders};
use serde::Serialize;

use crate::kit::problem::Problem;
use crate::web::Shared;

#[derive(Serialize, utoipa::ToSchema)]
pub struct CharterDoc {
    /// The journal entry that adopted it.
    adopted_seq: u64,
    /// SHA-256 of the TOML source.
    sha256: String,
    /// The charter as adopted, in TOML.
    source: String,
    /// The same charter, parsed.
    #[schema(value_type = Object)]
    charter: Charter,
    current_stage: Option<String>,
}

/// The adopted charter, as TOML source and parsed.
#[utoipa::path(get, path = "/api/v1/charter", tag = "charter", responses((status = 200, body = CharterDoc), (status = 404, body = Problem)))]
pub async fn charter(State(app): State<Shared>) -> Response {
    let state = app.inst.state().await;
    match &state.charter {
        Some(a) => Json(CharterDoc {
            adopted_seq: a.seq,
            sha256: a.sha256.to_string(),
            source: a.source.clone(),
            charter: a.charter.clone(),
            current_stage: state.stage.clone(),
        })
        .into_response(),
        None => Problem::not_found("no charter is adopted yet").into_response(),
    }
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ChairTermDoc {
    from: String,
    until: String,
    /// ISO code of the chairing state, or a UN regional group code for a regional turn.
    holder: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct OrganDoc {
    #[serde(flatten)]
    #[schema(value_type = Object)]
    organ: Organ,
    /// Member states holding its seats, where seats follow membership; null where they are filled by election or appointment.
    seat_holders: Option<Vec<String>>,
    /// The decision kinds the charter assigns to it.
    decides: Vec<String>,
    /// Rotating chairs: the previous, current and next terms.
    chair_rotation: Vec<ChairTermDoc>,
}

fn organ_doc(state: &comity_core::State, ch: &Charter, o: &Organ) -> OrganDoc {
    OrganDoc {
        organ: o.clone(),
        seat_holders: seat_holders(state, o).map(|v| v.iter().map(ToString::to_string).collect()),
        decides: ch.decisions_of(&o.id).map(|d| d.kind.clone()).collect(),
        chair_rotation: chair_rotation(state, o, crate::now(), 4)
            .into_iter()
            .map(|t| ChairTermDoc {
                from: t.from.to_string(),
                until: t.until.to_string(),
                holder: match t.holder {
                    ChairHolder::State(iso) => iso.to_string(),
                    ChairHolder::Group(g) => g.to_owned(),
                },
            })
            .collect(),
    }
}

/// Every organ of the charter.
#[utoipa::path(get, path = "/api/v1/organs", tag = "charter", responses((status = 200, body = Vec<OrganDoc>)))]
pub async fn organs(State(app): State<Shared>) -> Json<Vec<OrganDoc>> {
    let state = app.inst.state().await;
    Json(
        state
            .charter
            .as_ref()
            .map(|a| {
                a.charter
                    .organs
                    .iter()
                    .map(|o| organ_doc(&state, &a.charter, o))
                    .collect()
            })
            .unwrap_or_default(),
    )
}

/// One organ: seats, holders, chair rotation, decisions it takes.
#[utoipa::path(get, path = "/api/v1/organs/{id}", tag = "charter", params(("id" = String, Path, description = "Organ id from the charter, e.g. governing_council")),
    responses((status = 200, body = OrganDoc), (status = 404, body = Problem)))]
pub async fn organ(State(app): State<Shared>, Path(id): Path<String>) -> Response {
    let state = app.inst.state().await;
    match state.charter.as_ref().and_then(|a| {
        a.charter
            .organ(&id)
            .map(|o| organ_doc(&state, &a.charter, o))
    }) {
        Some(doc) => Json(doc).into_response(),
        None => Problem::not_found(format!("the charter has no organ {id:?}")).into_response(),
    }
}
