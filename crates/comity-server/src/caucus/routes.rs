//! The caucus's addresses.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{agenda_api, agenda_pages, api, import, pages};
use crate::web::Shared;

pub fn pages() -> Router<Shared> {
    Router::new()
        .route("/caucus", get(pages::page))
        .route(
            "/caucus/agenda",
            get(agenda_pages::agenda).post(agenda_pages::place),
        )
        .route("/caucus/agenda/{id}", get(agenda_pages::item))
        .route("/caucus/agenda/{id}/position", post(agenda_pages::propose))
        .route(
            "/caucus/agenda/{id}/votes",
            post(agenda_pages::record_votes),
        )
        .route(
            "/caucus/agenda/{id}/explanation",
            post(agenda_pages::explain),
        )
        .route(
            "/caucus/import",
            get(import::page)
                .post(import::import)
                .layer(DefaultBodyLimit::max(import::MAX_UPLOAD)),
        )
        .route("/caucus/import/{job}", get(import::job))
}

pub fn api() -> OpenApiRouter<Shared> {
    OpenApiRouter::new()
        .routes(routes!(api::agreement))
        .routes(routes!(api::cohesion))
        .routes(routes!(api::drift))
        .routes(routes!(agenda_api::agenda, agenda_api::place))
        .routes(routes!(agenda_api::item))
        .routes(routes!(agenda_api::follow))
        .routes(routes!(agenda_api::weight))
        .routes(routes!(agenda_api::propose))
        .routes(routes!(agenda_api::votes))
        .routes(routes!(agenda_api::explain))
        .routes(routes!(import::imports, import::import_api))
}
