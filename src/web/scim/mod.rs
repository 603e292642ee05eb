//! SCIM 2.0 provisioning at `/scim/v2` (RFC 7643, RFC 7644): how a company's identity
//! provider creates, updates and deactivates people. Served outside the session
//! middleware: no cookie, no CSRF token; a bearer token made on the Provisioning page
//! (`db::scim_tokens`) is the only credential. Answers are `application/scim+json`,
//! refusals SCIM error bodies. The rules are in `domain::scim`, the changes in `db::scim`.

pub mod discovery;
pub mod users;

use std::future::Future;
use std::pin::Pin;

use actix_web::http::header::{self, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::{web, FromRequest, HttpRequest, HttpResponse, ResponseError};
use futures_util::StreamExt;
use serde_json::Value;

use crate::db::scim::ScimWriteError;
use crate::db::workflow::WorkflowError;
use crate::domain::scim::ScimProblem;
use crate::web::error::AppError;
use crate::web::observe::RequestId;
use crate::web::{run_db, State};

/// The largest body a SCIM request may have.
pub const MAX_SCIM_BODY_BYTES: usize = 1024 * 1024;
/// The media type of SCIM bodies.
const SCIM_JSON: &str = "application/scim+json";
/// Where SCIM is served.
pub const BASE_PATH: &str = "/scim/v2";

/// A refusal or a failure, answered as a SCIM error body.
#[derive(Debug, thiserror::Error)]
pub enum ScimError {
    #[error("{0}")]
    Problem(ScimProblem),
    #[error("{0}")]
    App(AppError),
}

impl From<ScimProblem> for ScimError {
    fn from(problem: ScimProblem) -> Self {
        ScimError::Problem(problem)
    }
}

impl From<AppError> for ScimError {
    fn from(err: AppError) -> Self {
        ScimError::App(err)
    }
}

impl From<ScimWriteError> for ScimError {
    fn from(err: ScimWriteError) -> Self {
        match err {
            ScimWriteError::Refused(problem) => ScimError::Problem(problem),
            ScimWriteError::Workflow(WorkflowError::NotFound) => {
                ScimError::Problem(ScimProblem::not_found("No such user."))
            }
            ScimWriteError::Workflow(WorkflowError::Database(err)) => ScimError::App(err.into()),
            ScimWriteError::Workflow(other) => {
                ScimError::App(AppError::Internal(anyhow::anyhow!("a refusal SCIM does not explain: {other:?}")))
            }
        }
    }
}

impl ResponseError for ScimError {
    fn status_code(&self) -> StatusCode {
        match self {
            ScimError::Problem(problem) => StatusCode::from_u16(problem.status).unwrap_or(StatusCode::BAD_REQUEST),
            ScimError::App(err) => err.status_code(),
        }
    }

    fn error_response(&self) -> HttpResponse {
        let problem = match self {
            ScimError::Problem(problem) => problem.clone(),
            ScimError::App(AppError::Internal(cause)) => {
                tracing::error!(error = ?cause, "SCIM request failed");
                let reference = RequestId::current().map(|id| id.as_str().to_owned()).unwrap_or_default();
                ScimProblem::new(
                    500,
                    None,
                    format!("Something went wrong; it has been logged (reference {reference})."),
                )
            }
            ScimError::App(AppError::Unavailable(cause)) => {
                tracing::error!(error = %cause, "database unavailable");
                let mut response = scim_response(
                    StatusCode::SERVICE_UNAVAILABLE,
                    &ScimProblem::new(503, None, "Upskill cannot reach its database; nothing was changed.").body(),
                );
                response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
                return response;
            }
            ScimError::App(AppError::NotFound) => ScimProblem::not_found("No such resource."),
            ScimError::App(other) => ScimProblem::new(other.status_code().as_u16(), None, other.to_string()),
        };
        let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::BAD_REQUEST);
        let mut response = scim_response(status, &problem.body());
        if status == StatusCode::UNAUTHORIZED {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer realm=\"Upskill SCIM\""));
        }
        response
    }
}

/// A SCIM answer.
pub fn scim_response(status: StatusCode, body: &Value) -> HttpResponse {
    HttpResponse::build(status).insert_header((header::CONTENT_TYPE, SCIM_JSON)).body(body.to_string())
}

/// The address SCIM resources are found at, for `meta.location`.
pub fn base_url(req: &HttpRequest, state: &State) -> String {
    format!("{}{BASE_PATH}", crate::web::origin::site_url(req, &state.settings))
}

/// The token a request came with: it opens `/scim/v2`. A missing, unknown or revoked
/// token is a 401 with `WWW-Authenticate: Bearer` (a session cookie is no credential).
pub struct ScimClient {
    /// How the audit log names the change: "SCIM token “Okta”".
    pub via: String,
}

impl FromRequest for ScimClient {
    type Error = ScimError;
    type Future = Pin<Box<dyn Future<Output = Result<ScimClient, ScimError>>>>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let token = req
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.split_once(' '))
            .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
            .map(|(_, token)| token.trim().to_owned())
            .filter(|token| !token.is_empty() && token.len() <= 256);
        let state = req.app_data::<State>().cloned();
        Box::pin(async move {
            let unauthorized = || {
                ScimError::Problem(ScimProblem::new(
                    401,
                    None,
                    "A valid bearer token is required: create one on Upskill's Provisioning page.",
                ))
            };
            let (Some(token), Some(state)) = (token, state) else {
                return Err(unauthorized());
            };
            let found = run_db(&state, move |conn| Ok(crate::db::scim_tokens::authenticate(conn, &token)?)).await?;
            match found {
                Some((_, name)) => Ok(ScimClient { via: format!("SCIM token “{name}”") }),
                None => Err(unauthorized()),
            }
        })
    }
}

/// Reads a JSON body: `application/scim+json` or `application/json` (or no type), at
/// most `MAX_SCIM_BODY_BYTES` (413), well-formed (400 `invalidSyntax`; serde's depth
/// limit refuses deep nesting the same way).
pub async fn read_json(req: &HttpRequest, mut payload: web::Payload) -> Result<Value, ScimError> {
    if let Some(kind) = req.headers().get(header::CONTENT_TYPE) {
        let kind = kind.to_str().unwrap_or("").split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        if kind != SCIM_JSON && kind != "application/json" {
            return Err(ScimProblem::new(415, None, "Send the body as application/scim+json.").into());
        }
    }
    let too_large = || {
        ScimError::from(ScimProblem::new(
            413,
            None,
            format!("A request body may have at most {MAX_SCIM_BODY_BYTES} bytes."),
        ))
    };
    let declared = req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
    if declared.is_some_and(|length| length > MAX_SCIM_BODY_BYTES) {
        return Err(too_large());
    }
    let mut body = web::BytesMut::new();
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|_| ScimProblem::invalid_syntax("The body could not be read."))?;
        if body.len() + chunk.len() > MAX_SCIM_BODY_BYTES {
            return Err(too_large());
        }
        body.extend_from_slice(&chunk);
    }
    serde_json::from_slice(&body).map_err(|err| {
        ScimError::from(ScimProblem::invalid_syntax(format!("The body is not well-formed JSON: {err}.")))
    })
}

/// The SCIM paths and the methods each takes, for the fallback's 405.
const KNOWN: &[(&str, &str)] = &[
    ("/ServiceProviderConfig", "GET, HEAD"),
    ("/ResourceTypes", "GET, HEAD"),
    ("/ResourceTypes/*", "GET, HEAD"),
    ("/Schemas", "GET, HEAD"),
    ("/Schemas/*", "GET, HEAD"),
    ("/Users", "GET, HEAD, POST"),
    ("/Users/*", "DELETE, GET, HEAD, PATCH, PUT"),
];

/// Whatever no SCIM route took: a 405 with `Allow` for a known path, else a 404.
pub async fn fallback(req: HttpRequest) -> HttpResponse {
    let rest = req.path().strip_prefix(BASE_PATH).unwrap_or("");
    let allow = KNOWN.iter().find_map(|(pattern, methods)| {
        let matches = match pattern.strip_suffix("/*") {
            Some(prefix) => rest
                .strip_prefix(prefix)
                .and_then(|r| r.strip_prefix('/'))
                .is_some_and(|id| !id.is_empty() && !id.contains('/')),
            None => rest == *pattern,
        };
        matches.then_some(*methods)
    });
    match allow {
        Some(methods) => {
            let problem = ScimProblem::new(405, None, format!("{} takes {methods}.", req.path()));
            let mut response = scim_response(StatusCode::METHOD_NOT_ALLOWED, &problem.body());
            response.headers_mut().insert(header::ALLOW, HeaderValue::from_static(methods));
            response
        }
        None => scim_response(StatusCode::NOT_FOUND, &ScimProblem::not_found("There is no such SCIM endpoint.").body()),
    }
}
