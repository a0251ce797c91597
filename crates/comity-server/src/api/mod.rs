//! The JSON API under `/api/v1/`, described by OpenAPI 3.1 generated from the handlers: the
//! router and the description are built from the same `routes!` lists, so they cannot drift.

pub mod assemblies;
pub mod charter;
pub mod elections;
pub mod journal;
pub mod members;
pub mod membership;
pub mod motions;
pub mod network_divisions;
pub mod networks;
pub mod treaties;
pub mod treaty_acts;

use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::web::Shared;

#[derive(OpenApi)]
#[openapi(
    info(title = "Comity API", description = "A community of democracies: its charter, members, organs and public, hash-chained journal. Reading is public. Errors are RFC 9457 problem details (application/problem+json).", license(name = "AGPL-3.0-or-later")),
    tags((name = "members", description = "States, ratings and eligibility"), (name = "charter", description = "The charter and its organs"), (name = "journal", description = "The public record"), (name = "motions", description = "Motions, amendments and roll-call votes; writing needs an API token"), (name = "elections", description = "Elections of persons by secret ballot; the journal records who voted, never what"), (name = "assemblies", description = "Assemblies drawn by lot: quotas, the pool's counts, seed commitments and draws; the journal holds salted hashes of volunteers, never names"), (name = "membership", description = "Membership after founding: applications with their eligibility report, and reviews of members that fell below the criterion with the measures proposed and taken; writing needs an API token"), (name = "treaties", description = "Treaties from bracketed draft to entry into force: rounds, wordings, settled brackets, redlines, Akoma Ntoso, signatures, deposits, reservations and the entry into force the clause gives; writing needs an API token")),
    modifiers(&TokenAuth)
)]
struct ApiDoc;

/// The API routes with their OpenAPI description.
pub fn router() -> OpenApiRouter<Shared> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(members::summary))
        .routes(routes!(members::list))
        .routes(routes!(members::one))
        .routes(routes!(charter::charter))
        .routes(routes!(charter::organs))
        .routes(routes!(charter::organ))
        .routes(routes!(journal::list))
        .routes(routes!(journal::one))
        .routes(routes!(motions::list, motions::table))
        .routes(routes!(motions::one))
        .routes(routes!(motions::act))
        .routes(routes!(motions::account))
        .routes(routes!(membership::opinion))
        .routes(routes!(membership::division))
        .routes(routes!(network_divisions::open))
        .routes(routes!(network_divisions::vote))
        .routes(routes!(network_divisions::close))
        .routes(routes!(membership::applications, membership::apply))
        .routes(routes!(membership::refer))
        .routes(routes!(membership::reviews))
        .routes(routes!(membership::measure))
        .routes(routes!(membership::powers))
        .routes(routes!(
            networks::accreditations,
            networks::request_accreditation
        ))
        .routes(routes!(networks::decide_accreditation))
        .routes(routes!(networks::reports, networks::submit_report))
        .routes(routes!(networks::designate_officer))
        .routes(routes!(networks::officers))
        .routes(routes!(elections::list, elections::open))
        .routes(routes!(elections::one))
        .routes(routes!(elections::ballot))
        .routes(routes!(elections::close))
        .routes(routes!(elections::paper))
        .routes(routes!(assemblies::one))
        .routes(routes!(assemblies::volunteer))
        .routes(routes!(assemblies::commit))
        .routes(routes!(assemblies::draw))
        .routes(routes!(treaties::list, treaty_acts::open))
        .routes(routes!(treaties::one))
        .routes(routes!(treaties::round))
        .routes(routes!(treaties::redline))
        .routes(routes!(treaties::status))
        .routes(routes!(treaties::akn_xml))
        .routes(routes!(treaty_acts::rounds))
        .routes(routes!(treaty_acts::wordings))
        .routes(routes!(treaty_acts::resolutions))
        .routes(routes!(treaty_acts::adoption))
        .routes(routes!(treaty_acts::signature_opening))
        .routes(routes!(treaty_acts::signatures))
        .routes(routes!(treaty_acts::deposits))
        .routes(routes!(treaty_acts::objections))
        .routes(routes!(treaty_acts::withdrawals))
}

/// `/api/openapi.json`
pub async fn openapi_json(State(doc): State<std::sync::Arc<utoipa::openapi::OpenApi>>) -> Response {
    Json(doc.as_ref().clone()).into_response()
}

/// The bearer-token scheme the write endpoints name.
struct TokenAuth;

impl utoipa::Modify for TokenAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}
