//! How failures become responses.
//!
//! Policy: the `db` layer returns `diesel::QueryResult`; handlers return `AppError`;
//! `anyhow` carries the cause inside `AppError::Internal`/`Unavailable` (and is the error
//! type of the command line and of start-up). `diesel::NotFound` becomes a 404 here, once.
//! A 500 shows an opaque page with the request's id as its reference; its cause goes to
//! the log, on a line that carries the same id.

use actix_web::http::header::{self, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use askama::Template;

use crate::db::workflow::WorkflowError;
use crate::security::{CONTENT_SECURITY_POLICY, SECURITY_HEADERS};
use crate::web::observe::RequestId;
use crate::web::Chrome;

/// Marks the answer to a request that needed a session and had none (so that
/// `web::kept_form` keeps the form it carried).
#[derive(Debug, Clone, Copy)]
pub struct SessionEnded;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Not signed in: go to the sign-in page and come back to `next` afterwards.
    #[error("sign-in required")]
    SignInRequired { next: String },
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("the form's security token is missing or wrong")]
    CsrfRejected,
    #[error("too many attempts")]
    TooManyAttempts,
    #[error("bad request: {0}")]
    BadRequest(String),
    /// A body over the size cap (`startup::MAX_BODY_BYTES`).
    #[error("request body too large")]
    PayloadTooLarge,
    /// A body of a kind the route does not read (JSON sent to a form).
    #[error("unsupported media type")]
    UnsupportedMediaType,
    /// The database cannot be reached or cannot write (down, full disk): 503, and the
    /// request changed nothing.
    #[error("database unavailable: {0}")]
    Unavailable(anyhow::Error),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

/// Whether a database error means the database is out of reach or out of space, rather
/// than a bug: a closed connection, SQLite's "disk is full" or "disk I/O error".
fn is_unavailable(err: &diesel::result::Error) -> bool {
    use diesel::result::{DatabaseErrorKind, Error};
    match err {
        Error::DatabaseError(DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand, _) => true,
        Error::DatabaseError(_, info) => {
            let message = info.message();
            [
                "database or disk is full",
                "disk I/O error",
                "unable to open database file",
                "server closed the connection",
            ]
            .iter()
            .any(|known| message.contains(known))
        }
        _ => false,
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(err: diesel::result::Error) -> Self {
        match err {
            diesel::result::Error::NotFound => AppError::NotFound,
            other if is_unavailable(&other) => AppError::Unavailable(other.into()),
            other => AppError::Internal(other.into()),
        }
    }
}

impl From<actix_web::error::BlockingError> for AppError {
    fn from(err: actix_web::error::BlockingError) -> Self {
        AppError::Internal(anyhow::anyhow!("blocking task failed: {err}"))
    }
}

/// A refusal that the page at hand does not explain itself: what is missing is a 404,
/// someone's own application a 403, anything else a bug (500). Handlers match the
/// refusals their page explains first and pass the rest here.
impl From<WorkflowError> for AppError {
    fn from(err: WorkflowError) -> Self {
        match err {
            WorkflowError::NotFound => AppError::NotFound,
            WorkflowError::OwnApplication | WorkflowError::NotProgramTeam => AppError::Forbidden,
            WorkflowError::Database(err) => AppError::from(err),
            other => AppError::Internal(anyhow::anyhow!("a refusal this page does not explain: {other:?}")),
        }
    }
}

/// No connection could be had from the pool in time: the database is down or swamped.
impl From<diesel::r2d2::PoolError> for AppError {
    fn from(err: diesel::r2d2::PoolError) -> Self {
        AppError::Unavailable(err.into())
    }
}

impl From<askama::Error> for AppError {
    fn from(err: askama::Error) -> Self {
        AppError::Internal(err.into())
    }
}

/// The error page, in the site layout.
#[derive(Template)]
#[template(path = "error.html")]
pub struct ErrorPage {
    pub chrome: Chrome,
    pub code: u16,
    pub title: &'static str,
    pub message: &'static str,
    /// On the 500 page: the request's id, for the user to quote to support.
    pub reference: Option<String>,
}

impl ErrorPage {
    fn for_status(status: StatusCode) -> ErrorPage {
        let (title, message) = match status.as_u16() {
            400 => ("error-400-title", "error-400-message"),
            403 => ("error-403-title", "error-403-message"),
            404 => ("error-404-title", "error-404-message"),
            405 => ("error-405-title", "error-405-message"),
            413 => ("error-413-title", "error-413-message"),
            415 => ("error-415-title", "error-415-message"),
            429 => ("error-429-title", "error-429-message"),
            503 => ("error-503-title", "error-503-message"),
            _ => ("error-500-title", "error-500-message"),
        };
        let chrome = Chrome::anonymous();
        let (title, message) = (chrome.t.m(title), chrome.t.m(message));
        let reference = (status == StatusCode::INTERNAL_SERVER_ERROR)
            .then(RequestId::current)
            .flatten()
            .map(|id| id.as_str().to_owned());
        ErrorPage { chrome, code: status.as_u16(), title, message, reference }
    }
}

/// Renders the error page for `status` (used for errors and the 404 fallback).
pub fn error_response(status: StatusCode) -> HttpResponse {
    let body = ErrorPage::for_status(status)
        .render()
        .unwrap_or_else(|_| format!("{} {}", status.as_u16(), status.canonical_reason().unwrap_or("Error")));
    let mut response = HttpResponse::build(status);
    response.insert_header((header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8")));
    // An error page may be made from a middleware's error, which the security-header
    // middleware never sees: it carries them itself (the page has no form, so the plain
    // policy fits whatever the sign-on mode).
    response.insert_header(("Content-Security-Policy", CONTENT_SECURITY_POLICY));
    for header in SECURITY_HEADERS {
        response.insert_header(header);
    }
    response.body(body)
}

impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        match self {
            AppError::SignInRequired { .. } => StatusCode::SEE_OTHER,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden | AppError::CsrfRejected => StatusCode::FORBIDDEN,
            AppError::TooManyAttempts => StatusCode::TOO_MANY_REQUESTS,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            AppError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            AppError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            AppError::SignInRequired { next } => {
                let location = if next == "/" {
                    "/login".to_owned()
                } else {
                    format!("/login?next={}", crate::web::url_encode(next))
                };
                let mut response = HttpResponse::SeeOther().insert_header((header::LOCATION, location)).finish();
                response.extensions_mut().insert(SessionEnded);
                response
            }
            AppError::Internal(cause) => {
                tracing::error!(error = ?cause, "request failed");
                error_response(StatusCode::INTERNAL_SERVER_ERROR)
            }
            AppError::Unavailable(cause) => {
                tracing::error!(error = %cause, "database unavailable");
                let mut response = error_response(StatusCode::SERVICE_UNAVAILABLE);
                response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
                response
            }
            AppError::BadRequest(reason) => {
                tracing::info!(%reason, "bad request");
                error_response(StatusCode::BAD_REQUEST)
            }
            other => error_response(other.status_code()),
        }
    }
}
