//! The elections' addresses.

use axum::Router;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{api, pages};
use crate::web::Shared;

pub fn pages() -> Router<Shared> {
    Router::new()
        .route("/elections", get(pages::list))
        .route("/elections/{id}", get(pages::page).post(pages::act))
        .route("/elections/{id}/paper", post(pages::paper))
}

pub fn api() -> OpenApiRouter<Shared> {
    OpenApiRouter::new()
        .routes(routes!(api::list, api::open))
        .routes(routes!(api::one))
        .routes(routes!(api::ballot))
        .routes(routes!(api::close))
        .routes(routes!(api::paper))
}
