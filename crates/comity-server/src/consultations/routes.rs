//! The consultations' addresses.

use axum::Router;
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{api, pages};
use crate::web::Shared;

pub fn pages() -> Router<Shared> {
    Router::new()
        .route("/consultations", get(pages::list).post(pages::open_post))
        .route(
            "/consultations/{id}",
            get(pages::consultation).post(pages::act_post),
        )
        .route(
            "/consultations/{id}/respond",
            get(pages::respond).post(pages::respond_post),
        )
        .route("/consultations/{id}/confidential", get(pages::confidential))
}

pub fn api() -> OpenApiRouter<Shared> {
    OpenApiRouter::new()
        .routes(routes!(api::list))
        .routes(routes!(api::one))
        .routes(routes!(api::submit))
}
