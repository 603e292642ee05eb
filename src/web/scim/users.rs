//! `/scim/v2/Users`: list and filter, create, read, replace, patch, delete.

use actix_web::http::header;
use actix_web::http::StatusCode;
use actix_web::{delete, get, patch, post, put, web, HttpRequest, HttpResponse};
use serde_json::{json, Value};

use super::{base_url, read_json, scim_response, ScimClient, ScimError};
use crate::clock::today;
use crate::db;
use crate::domain::scim::filter::{parse_filter, UserFilter};
use crate::domain::scim::patch::{apply_patch, parse_patch};
use crate::domain::scim::user::{parse_user, Absent, UserView};
use crate::domain::scim::{ScimProblem, LIST_SCHEMA, MAX_PAGE};
use crate::web::{run_db, State};

/// The query of a list, as sent (numbers are read here, to answer in SCIM's words).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct ListQuery {
    filter: Option<String>,
    start_index: Option<String>,
    count: Option<String>,
    attributes: Option<String>,
    excluded_attributes: Option<String>,
}

/// `attributes` / `excludedAttributes` (RFC 7644 §3.4.2.5), on top-level attributes:
/// `schemas` and `id` are always returned.
struct Projection {
    only: Vec<String>,
    excluded: Vec<String>,
}

impl Projection {
    fn new(attributes: Option<&str>, excluded: Option<&str>) -> Projection {
        let names = |text: Option<&str>| -> Vec<String> {
            text.unwrap_or("")
                .split(',')
                .map(|name| {
                    let name = name.trim();
                    let name = name.rsplit_once(':').filter(|_| name.starts_with("urn:")).map_or(name, |(_, a)| a);
                    name.split('.').next().unwrap_or("").to_ascii_lowercase()
                })
                .filter(|name| !name.is_empty())
                .collect()
        };
        Projection { only: names(attributes), excluded: names(excluded) }
    }

    fn apply(&self, mut resource: Value) -> Value {
        if let Some(object) = resource.as_object_mut() {
            object.retain(|key, value| {
                let key = key.to_ascii_lowercase();
                if key == "schemas" || key == "id" {
                    return true;
                }
                if key.starts_with("urn:") {
                    if let Some(inner) = value.as_object_mut() {
                        inner.retain(|k, _| self.keeps(&k.to_ascii_lowercase()));
                        return !inner.is_empty();
                    }
                }
                self.keeps(&key)
            });
        }
        resource
    }

    fn keeps(&self, key: &str) -> bool {
        (self.only.is_empty() || self.only.iter().any(|a| a == key)) && !self.excluded.iter().any(|a| a == key)
    }
}

/// A whole number of a list's query; a word is `invalidValue`.
fn number(text: Option<&str>, name: &str, default: i64) -> Result<i64, ScimProblem> {
    match text.map(str::trim) {
        None | Some("") => Ok(default),
        Some(text) => text.parse().map_err(|_| ScimProblem::invalid_value(format!("{name} must be a whole number."))),
    }
}

#[get("/scim/v2/Users")]
pub async fn list_users(state: State, _client: ScimClient, req: HttpRequest) -> Result<HttpResponse, ScimError> {
    let query: ListQuery = serde_urlencoded::from_str(req.query_string())
        .map_err(|_| ScimProblem::invalid_value("The query could not be read."))?;
    let filter: Option<UserFilter> = query.filter.as_deref().map(parse_filter).transpose()?;
    let start_index = number(query.start_index.as_deref(), "startIndex", 1)?.max(1);
    let count = number(query.count.as_deref(), "count", MAX_PAGE as i64)?.clamp(0, MAX_PAGE as i64);
    let projection = Projection::new(query.attributes.as_deref(), query.excluded_attributes.as_deref());
    let base = base_url(&req, &state);
    let (total, users) =
        run_db(&state, move |conn| Ok(db::scim::list_users(conn, filter.as_ref(), start_index - 1, count)?)).await?;
    let resources: Vec<Value> = users.iter().map(|user| projection.apply(user.resource(&base))).collect();
    let body = json!({
        "schemas": [LIST_SCHEMA],
        "totalResults": total,
        "itemsPerPage": resources.len(),
        "startIndex": start_index,
        "Resources": resources,
    });
    Ok(scim_response(StatusCode::OK, &body))
}

/// The id of a path; anything but a number is nobody.
fn user_id(id: &str) -> Result<i32, ScimError> {
    id.parse().map_err(|_| {
        ScimProblem::not_found(format!("No user has the id {}.", crate::domain::text::shown_in_message(id))).into()
    })
}

async fn find(state: &State, id: i32) -> Result<UserView, ScimError> {
    let found = run_db(state, move |conn| Ok(db::scim::find_user(conn, id)?)).await?;
    found.ok_or_else(|| ScimProblem::not_found(format!("No user has the id {id}.")).into())
}

/// The user as stored now, with `status`.
async fn answer(state: &State, req: &HttpRequest, id: i32, status: StatusCode) -> Result<HttpResponse, ScimError> {
    let user = find(state, id).await?;
    let resource = user.resource(&base_url(req, state));
    let mut response = scim_response(status, &resource);
    if status == StatusCode::CREATED {
        if let Some(location) =
            resource["meta"]["location"].as_str().and_then(|l| header::HeaderValue::from_str(l).ok())
        {
            response.headers_mut().insert(header::LOCATION, location);
        }
    }
    Ok(response)
}

#[post("/scim/v2/Users")]
pub async fn create_user(
    state: State,
    client: ScimClient,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ScimError> {
    let body = read_json(&req, payload).await?;
    let change = parse_user(&body, Absent::Keep)?;
    let (id, new) =
        run_db(&state, move |conn| Ok(db::scim::create_user(conn, &change, &client.via, today()))).await??;
    tracing::info!(user = id, new, "SCIM user created");
    answer(&state, &req, id, StatusCode::CREATED).await
}

#[get("/scim/v2/Users/{id}")]
pub async fn show_user(
    state: State,
    _client: ScimClient,
    id: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, ScimError> {
    let query: ListQuery = serde_urlencoded::from_str(req.query_string()).unwrap_or_default();
    let projection = Projection::new(query.attributes.as_deref(), query.excluded_attributes.as_deref());
    let user = find(&state, user_id(&id)?).await?;
    Ok(scim_response(StatusCode::OK, &projection.apply(user.resource(&base_url(&req, &state)))))
}

#[put("/scim/v2/Users/{id}")]
pub async fn replace_user(
    state: State,
    client: ScimClient,
    id: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ScimError> {
    let id = user_id(&id)?;
    let body = read_json(&req, payload).await?;
    let change = parse_user(&body, Absent::Keep)?;
    save(&state, &req, client, id, change, Absent::Keep).await
}

/// Writes a PUT's or a PATCH's change, and answers with the user as stored.
async fn save(
    state: &State,
    req: &HttpRequest,
    client: ScimClient,
    id: i32,
    change: crate::domain::scim::user::UserChange,
    absent: Absent,
) -> Result<HttpResponse, ScimError> {
    run_db(state, move |conn| Ok(db::scim::update_user(conn, id, &change, absent, &client.via, today()))).await??;
    answer(state, req, id, StatusCode::OK).await
}

#[patch("/scim/v2/Users/{id}")]
pub async fn patch_user(
    state: State,
    client: ScimClient,
    id: web::Path<String>,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ScimError> {
    let id = user_id(&id)?;
    let body = read_json(&req, payload).await?;
    let operations = parse_patch(&body)?;
    let mut resource = find(&state, id).await?.resource(&base_url(&req, &state));
    apply_patch(&mut resource, &operations)?;
    let change = parse_user(&resource, Absent::Clear)?;
    save(&state, &req, client, id, change, Absent::Clear).await
}

#[delete("/scim/v2/Users/{id}")]
pub async fn delete_user(state: State, client: ScimClient, id: web::Path<String>) -> Result<HttpResponse, ScimError> {
    let id = user_id(&id)?;
    run_db(&state, move |conn| Ok(db::scim::delete_user(conn, id, &client.via))).await??;
    Ok(HttpResponse::NoContent().finish())
}
