//! The initiatives' addresses.

use axum::Router;
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{api, pages};
use crate::web::Shared;

pub fn pages() -> Router<Shared> {
    Router::new()
        .route("/initiatives", get(pages::list))
        .route("/initiatives/check", get(pages::check))
        .route(
            "/initiatives/{id}",
            get(pages::initiative).post(pages::act_post),
        )
        .route(
            "/initiatives/{id}/sign",
            get(pages::sign).post(pages::sign_post),
        )
        .route("/initiatives/{id}/counts.csv", get(pages::counts_csv))
}

pub fn api() -> OpenApiRouter<Shared> {
    OpenApiRouter::new()
        .routes(routes!(api::check))
        .routes(routes!(api::list))
        .routes(routes!(api::one))
        .routes(routes!(api::sign))
}
