//! `/admin/provisioning`: the bearer tokens with which the company's identity provider
//! provisions people through SCIM (`web::scim`). A new token is shown once, on the page
//! that answers its creation (never in a redirect, a cookie or the log); only its SHA-256
//! is kept. Creating and revoking are audited.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::require_admin;
use crate::db;
use crate::db::scim_tokens::TokenRow;
use crate::domain::forms::FieldErrors;
use crate::domain::message::Message;
use crate::domain::scim::parse_token_name;
use crate::web::error::AppError;
use crate::web::format::long_time;
use crate::web::input::FormFields;
use crate::web::language::words;
use crate::web::{page, page_with_status, redirect_with_flash, run_db, Chrome, CsrfForm, EmptyForm, State, Viewer};

/// A token as the page lists it.
pub struct TokenLine {
    pub id: i32,
    pub name: String,
    pub created: String,
    pub created_by: String,
    pub last_used: String,
    pub revoked: Option<String>,
}

impl From<TokenRow> for TokenLine {
    fn from(row: TokenRow) -> Self {
        let t = words();
        TokenLine {
            id: row.id,
            name: row.name,
            created: long_time(row.created_at),
            created_by: row.created_by.unwrap_or_else(|| t.m("provisioning-command-line").to_owned()),
            last_used: row.last_used_at.map_or_else(|| t.m("provisioning-never").to_owned(), long_time),
            revoked: row.revoked_at.map(long_time),
        }
    }
}

#[derive(Template)]
#[template(path = "admin/provisioning.html")]
struct ProvisioningPage {
    chrome: Chrome,
    tokens: Vec<TokenLine>,
    /// The SCIM base address, for the provider's settings.
    base_url: String,
    /// The name as typed, and its message.
    name: String,
    errors: FieldErrors,
    /// A token just made: its name and the token, shown this once.
    created: Option<(String, String)>,
}

impl ProvisioningPage {
    fn error(&self, field: &str) -> String {
        crate::web::language::words().error(&self.errors, field)
    }
}

async fn show(
    state: &State,
    viewer: &Viewer,
    req: &HttpRequest,
    name: String,
    errors: FieldErrors,
    created: Option<(String, String)>,
) -> Result<HttpResponse, AppError> {
    let tokens = run_db(state, |conn| Ok(db::scim_tokens::list(conn)?)).await?;
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let page = ProvisioningPage {
        chrome: viewer.chrome(super::NAV),
        tokens: tokens.into_iter().map(TokenLine::from).collect(),
        base_url: crate::web::scim::base_url(req, state),
        name,
        errors,
        created,
    };
    page_with_status(req, &page, status)
}

#[get("/admin/provisioning")]
pub async fn show_provisioning(state: State, viewer: Viewer, req: HttpRequest) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    show(&state, &viewer, &req, String::new(), FieldErrors::default(), None).await
}

/// The new token's form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TokenForm {
    name: String,
}

impl FormFields for TokenForm {
    const CHECKED_TEXT: &'static [&'static str] = &["name"];
}

#[post("/admin/provisioning")]
pub async fn create_token(
    state: State,
    viewer: Viewer,
    form: CsrfForm<TokenForm>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    let typed = form.0.name;
    let name = match parse_token_name(&typed) {
        Ok(name) => name,
        Err(message) => {
            let mut errors = FieldErrors::default();
            errors.add("name", Message::said(message));
            return show(&state, &viewer, &req, typed, errors, None).await;
        }
    };
    let admin = viewer.id();
    let kept = name.clone();
    let (_, token) = run_db(&state, move |conn| Ok(db::scim_tokens::create(conn, &kept, Some(admin))?)).await?;
    let mut response = show(&state, &viewer, &req, String::new(), FieldErrors::default(), Some((name, token))).await?;
    // The page holds a secret: no cache may keep it.
    response
        .headers_mut()
        .insert(actix_web::http::header::CACHE_CONTROL, actix_web::http::header::HeaderValue::from_static("no-store"));
    Ok(response)
}

#[derive(Template)]
#[template(path = "admin/provisioning_revoke.html")]
struct RevokePage {
    chrome: Chrome,
    token: TokenLine,
}

#[get("/admin/provisioning/{token}/revoke")]
pub async fn confirm_revoke(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    let id = id.into_inner();
    let token = run_db(&state, move |conn| Ok(db::scim_tokens::find(conn, id)?)).await?.ok_or(AppError::NotFound)?;
    page(&req, &RevokePage { chrome: viewer.chrome(super::NAV), token: token.into() })
}

#[post("/admin/provisioning/{token}/revoke")]
pub async fn revoke_token(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    _form: CsrfForm<EmptyForm>,
) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    let id = id.into_inner();
    let admin = viewer.id();
    let found = run_db(&state, move |conn| Ok(db::scim_tokens::find(conn, id)?)).await?.ok_or(AppError::NotFound)?;
    let revoked = run_db(&state, move |conn| Ok(db::scim_tokens::revoke(conn, id, admin)?)).await?;
    Ok(if revoked {
        let message = words().with("provisioning-revoked", "token", &found.name);
        redirect_with_flash("/admin/provisioning", "success", &message)
    } else {
        let message = words().with("provisioning-already-revoked", "token", &found.name);
        redirect_with_flash("/admin/provisioning", "info", &message)
    })
}
