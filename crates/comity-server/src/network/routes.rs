//! The networks' addresses: accreditation, officers, reports, divisions.

use axum::Router;
use axum::routing::get;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::api::{divisions, networks};
use super::pages;
use crate::web::Shared;

pub fn pages() -> Router<Shared> {
    Router::new().route(
        "/accreditations",
        get(pages::accreditations).post(pages::accreditations_post),
    )
}

pub fn api() -> OpenApiRouter<Shared> {
    OpenApiRouter::new()
        .routes(routes!(divisions::open))
        .routes(routes!(divisions::vote))
        .routes(routes!(divisions::close))
        .routes(routes!(
            networks::accreditations,
            networks::request_accreditation
        ))
        .routes(routes!(networks::decide_accreditation))
        .routes(routes!(networks::reports, networks::submit_report))
        .routes(routes!(networks::designate_officer))
        .routes(routes!(networks::officers))
}
