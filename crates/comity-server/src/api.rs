//! The JSON API under `/api/v1/`, described by OpenAPI 3.1 generated from the handlers: each
//! capability's `routes::api` builds its router and its description from the same `routes!`
//! lists, so they cannot drift; this file holds the document's head and the capabilities' list.

use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

use crate::web::Shared;

#[derive(OpenApi)]
#[openapi(
    info(title = "Comity API", description = "A community of democracies: its charter, members, organs and public, hash-chained journal. Reading is public. Errors are RFC 9457 problem details (application/problem+json).", license(name = "AGPL-3.0-or-later")),
    tags((name = "members", description = "States, ratings and eligibility"), (name = "charter", description = "The charter and its organs"), (name = "journal", description = "The public record"), (name = "account", description = "The token's own account: roles, API tokens listed and revoked"), (name = "motions", description = "Motions, amendments and roll-call votes; writing needs an API token"), (name = "elections", description = "Elections of persons by secret ballot; the journal records who voted, never what"), (name = "assemblies", description = "Assemblies drawn by lot: quotas, the pool's counts, seed commitments and draws; the journal holds salted hashes of volunteers, never names"), (name = "membership", description = "Membership after founding: applications with their eligibility report, and reviews of members that fell below the criterion with the measures proposed and taken; writing needs an API token"), (name = "treaties", description = "Treaties from bracketed draft to entry into force: rounds, wordings, settled brackets, redlines, Akoma Ntoso, signatures, deposits, reservations and the entry into force the clause gives; writing needs an API token"), (name = "caucus", description = "The UN caucus: agreement between states and the group's cohesion over the General Assembly's roll calls (sessions 1-74, Voeten et al.); only yes, no and abstain count as votes"), (name = "pledges", description = "Members' pledges tracked to the milestone: indicators with baseline and target, reports in three independent lanes (self, shadow, independent), disagreement flagged and never averaged, the IRM's star; writing needs an API token")),
    modifiers(&TokenAuth)
)]
struct ApiDoc;

/// The API routes with their OpenAPI description: one line per capability.
pub fn router() -> OpenApiRouter<Shared> {
    capabilities().into_iter().fold(
        OpenApiRouter::with_openapi(ApiDoc::openapi()),
        |api, cap| api.merge(cap),
    )
}

/// Each capability's API, in the order they are merged.
fn capabilities() -> [OpenApiRouter<Shared>; 9] {
    [
        crate::base::routes::api(),
        crate::motion::routes::api(),
        crate::membership::routes::api(),
        crate::network::routes::api(),
        crate::election::routes::api(),
        crate::assembly::routes::api(),
        crate::treaty::routes::api(),
        crate::caucus::routes::api(),
        crate::pledges::routes::api(),
    ]
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

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    /// Merging keeps one schema per name: two capabilities naming different bodies alike
    /// would leave one of them described with the other's fields.
    #[test]
    fn no_two_capabilities_name_different_schemas_alike() {
        let mut seen: BTreeMap<String, (usize, serde_json::Value)> = BTreeMap::new();
        for (i, cap) in capabilities().into_iter().enumerate() {
            let doc = cap.into_openapi();
            let Some(components) = doc.components else {
                continue;
            };
            for (name, schema) in components.schemas {
                let json = serde_json::to_value(&schema).unwrap();
                if let Some((j, other)) = seen.get(&name) {
                    assert_eq!(
                        other, &json,
                        "schema {name} differs between capabilities {j} and {i}"
                    );
                } else {
                    seen.insert(name, (i, json));
                }
            }
        }
        let merged = router().into_openapi();
        let schemas = merged.components.map(|c| c.schemas).unwrap_or_default();
        assert!(
            schemas.len() >= seen.len() && seen.len() > 30,
            "{}",
            seen.len()
        );
    }
}
