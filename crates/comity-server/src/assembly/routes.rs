//! The assemblies' addresses: the page, the pool's import, the draw.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{api, import, jobs, pages};
use crate::web::Shared;

pub fn pages() -> Router<Shared> {
    Router::new()
        .route("/assemblies/{organ}", get(pages::page).post(pages::act))
        .route(
            "/assemblies/{organ}/import",
            post(import::import).layer(DefaultBodyLimit::max(import::MAX_UPLOAD)),
        )
        .route("/assemblies/{organ}/imports/{id}", get(jobs::import_page))
        .route("/assemblies/{organ}/draws/{id}", get(jobs::draw_page))
}

pub fn api() -> OpenApiRouter<Shared> {
    OpenApiRouter::new()
        .routes(routes!(api::one))
        .routes(routes!(api::volunteer))
        .routes(routes!(api::commit))
        .routes(routes!(api::draw))
}
