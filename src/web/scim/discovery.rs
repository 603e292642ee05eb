//! The discovery endpoints: `/ServiceProviderConfig`, `/ResourceTypes`, `/Schemas`.

use actix_web::http::StatusCode;
use actix_web::{get, web, HttpRequest, HttpResponse};

use super::{base_url, scim_response, ScimClient, ScimError};
use crate::domain::scim::discovery::{list_of, schema_by_id, schemas, service_provider_config, user_resource_type};
use crate::domain::scim::ScimProblem;
use crate::web::State;

#[get("/scim/v2/ServiceProviderConfig")]
pub async fn show_config(state: State, _client: ScimClient, req: HttpRequest) -> Result<HttpResponse, ScimError> {
    Ok(scim_response(StatusCode::OK, &service_provider_config(&base_url(&req, &state))))
}

#[get("/scim/v2/ResourceTypes")]
pub async fn list_resource_types(
    state: State,
    _client: ScimClient,
    req: HttpRequest,
) -> Result<HttpResponse, ScimError> {
    Ok(scim_response(StatusCode::OK, &list_of(vec![user_resource_type(&base_url(&req, &state))])))
}

#[get("/scim/v2/ResourceTypes/{id}")]
pub async fn show_resource_type(
    state: State,
    _client: ScimClient,
    id: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, ScimError> {
    if !id.eq_ignore_ascii_case("User") {
        return Err(ScimProblem::not_found("Upskill provisions one resource type: User.").into());
    }
    Ok(scim_response(StatusCode::OK, &user_resource_type(&base_url(&req, &state))))
}

#[get("/scim/v2/Schemas")]
pub async fn list_schemas(state: State, _client: ScimClient, req: HttpRequest) -> Result<HttpResponse, ScimError> {
    Ok(scim_response(StatusCode::OK, &list_of(schemas(&base_url(&req, &state)))))
}

#[get("/scim/v2/Schemas/{id}")]
pub async fn show_schema(
    state: State,
    _client: ScimClient,
    id: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, ScimError> {
    match schema_by_id(&base_url(&req, &state), &id) {
        Some(schema) => Ok(scim_response(StatusCode::OK, &schema)),
        None => Err(ScimProblem::not_found("No such schema.").into()),
    }
}
