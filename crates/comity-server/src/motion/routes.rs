//! The motions' addresses.

use axum::Router;
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{api, pages};
use crate::web::Shared;

pub fn pages() -> Router<Shared> {
    Router::new()
        .route("/motions", get(pages::list).post(pages::create))
        .route("/motions/new", get(pages::new))
        .route("/motions/{id}", get(pages::page).post(pages::act))
}

pub fn api() -> OpenApiRouter<Shared> {
    OpenApiRouter::new()
        .routes(routes!(api::list, api::table))
        .routes(routes!(api::one))
        .routes(routes!(api::act))
}
