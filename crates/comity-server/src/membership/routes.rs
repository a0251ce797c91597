//! Membership's addresses: applications, reviews, democracy officers.

use axum::Router;
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{api, officer, pages};
use crate::web::Shared;

pub fn pages() -> Router<Shared> {
    Router::new()
        .route(
            "/applications",
            get(pages::applications).post(pages::applications_post),
        )
        .route("/reviews", get(pages::reviews).post(pages::reviews_post))
        .route("/democracy-officers", get(officer::officers))
        .route(
            "/members/{iso3}/democracy-officer",
            get(officer::officer).post(officer::officer_post),
        )
}

pub fn api() -> OpenApiRouter<Shared> {
    OpenApiRouter::new()
        .routes(routes!(api::opinion))
        .routes(routes!(api::division))
        .routes(routes!(api::applications, api::apply))
        .routes(routes!(api::refer))
        .routes(routes!(api::reviews))
        .routes(routes!(api::measure))
        .routes(routes!(api::powers))
}
