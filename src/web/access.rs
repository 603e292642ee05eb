//! Getting a password without having one: the page of an invitation link
//! (`/welcome/{token}`), of a password-reset link (`/reset-password/{token}`), and the
//! "forgot your password" form that sends the latter. Password sign-in only: under single
//! sign-on these addresses do not exist.
//!
//! The forms are shown to someone not signed in, so they carry the signed double-submit
//! token of the sign-in form (`auth::form_token_cookie`).

use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::auth::{form_token_cookie, form_token_matches, start_session};
use super::{page_with_status, read_flash, redirect_with_flash, run_db, Chrome, State};
use crate::clock;
use crate::db;
use crate::domain::forms::FieldErrors;
use crate::domain::message::Message;
use crate::domain::passwords::{check_new_password, MIN_CHARACTERS};
use crate::domain::{AccessLinkPurpose, Email};
use crate::i18n::Tr;
use crate::security::{hash_password, random_token};
use crate::web::error::AppError;
use crate::web::language;

#[derive(Template)]
#[template(path = "auth/choose_password.html")]
struct ChoosePasswordPage {
    chrome: Chrome,
    csrf_token: String,
    action: String,
    heading: &'static str,
    lead: String,
    email: String,
    errors: FieldErrors,
    min_characters: usize,
}

#[derive(Template)]
#[template(path = "auth/link_gone.html")]
struct LinkGonePage {
    chrome: Chrome,
}

#[derive(Template)]
#[template(path = "auth/forgot_password.html")]
struct ForgotPasswordPage {
    chrome: Chrome,
    csrf_token: String,
    email: String,
    errors: FieldErrors,
    /// Set once a request was made: the answer, the same whoever asked.
    sent_to: Option<String>,
    /// Whether this server sends e-mail: without it no link can reach anyone, and the
    /// page says whom to ask instead.
    sends_mail: bool,
}

#[derive(Deserialize)]
pub struct ChoosePasswordForm {
    #[serde(default)]
    csrf_token: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_again: String,
}

#[derive(Deserialize)]
pub struct ForgotPasswordForm {
    #[serde(default)]
    csrf_token: String,
    #[serde(default)]
    email: String,
}

fn heading(purpose: AccessLinkPurpose, t: Tr) -> &'static str {
    match purpose {
        AccessLinkPurpose::Invitation => t.m("auth-invitation-heading"),
        AccessLinkPurpose::Reset => t.m("auth-reset-heading"),
    }
}

/// The form to choose a password, with a fresh token in its cookie.
fn choose_form(
    state: &State,
    req: &HttpRequest,
    purpose: AccessLinkPurpose,
    token: &str,
    employee: &db::employees::Employee,
    errors: FieldErrors,
) -> Result<HttpResponse, AppError> {
    let chrome = Chrome::anonymous();
    let t = chrome.t;
    let heading = heading(purpose, t);
    let lead = match purpose {
        AccessLinkPurpose::Invitation => t.with("auth-invitation-lead", "name", &employee.display_name),
        AccessLinkPurpose::Reset => t.with("auth-reset-lead", "name", &employee.display_name),
    };
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let form_token = random_token(24);
    let action = format!("/{}/{token}", db::access_links::link_page(purpose));
    let template = ChoosePasswordPage {
        chrome,
        csrf_token: form_token.clone(),
        heading,
        lead,
        email: employee.email.clone(),
        errors,
        min_characters: MIN_CHARACTERS,
        action: action.clone(),
    };
    let mut response = page_with_status(req, &template, status)?;
    response.add_cookie(&form_token_cookie(state, &form_token, &action)).map_err(|e| AppError::Internal(e.into()))?;
    Ok(response)
}

fn link_gone(req: &HttpRequest) -> Result<HttpResponse, AppError> {
    page_with_status(req, &LinkGonePage { chrome: Chrome::anonymous() }, StatusCode::NOT_FOUND)
}

/// The person a link lets in now, if it is still good.
async fn holder(
    state: &State,
    token: String,
    purpose: AccessLinkPurpose,
) -> Result<Option<db::employees::Employee>, AppError> {
    if token.len() > 64 {
        return Ok(None);
    }
    run_db(state, move |conn| Ok(db::access_links::holder(conn, &token, purpose, crate::clock::now())?)).await
}

async fn show(
    state: State,
    req: HttpRequest,
    token: String,
    purpose: AccessLinkPurpose,
) -> Result<HttpResponse, AppError> {
    super::auth::password_sign_in_only(&state)?;
    match holder(&state, token.clone(), purpose).await? {
        Some(employee) => choose_form(&state, &req, purpose, &token, &employee, FieldErrors::default()),
        None => link_gone(&req),
    }
}

async fn choose(
    state: State,
    req: HttpRequest,
    session: Session,
    token: String,
    purpose: AccessLinkPurpose,
    form: ChoosePasswordForm,
) -> Result<HttpResponse, AppError> {
    super::auth::password_sign_in_only(&state)?;
    if !form_token_matches(&state, &req, &form.csrf_token) {
        return Err(AppError::CsrfRejected);
    }
    let Some(employee) = holder(&state, token.clone(), purpose).await? else { return link_gone(&req) };
    let mut errors = FieldErrors::default();
    if let Err(problem) = check_new_password(&form.password, &employee.email) {
        errors.add("password", problem.said());
    } else if form.password != form.password_again {
        errors.add("password_again", Message::new("auth-passwords-differ"));
    }
    if !errors.is_empty() {
        return choose_form(&state, &req, purpose, &token, &employee, errors);
    }
    let password = form.password;
    let chosen = run_db(&state, move |conn| {
        let hash = hash_password(&password).map_err(|e| AppError::Internal(anyhow::anyhow!("password hash: {e}")))?;
        Ok(db::access_links::choose_password(conn, &token, purpose, &hash)?)
    })
    .await?;
    let Some(employee) = chosen else { return link_gone(&req) };
    start_session(&session, employee.id, None)?;
    tracing::info!(employee_id = employee.id, purpose = purpose.as_str(), "password chosen from a link");
    let t = language::words();
    let message = match purpose {
        AccessLinkPurpose::Invitation => t.with("auth-password-set-welcome", "name", &employee.display_name),
        AccessLinkPurpose::Reset => t.m("auth-password-reset-done").to_owned(),
    };
    Ok(redirect_with_flash("/", "success", &message))
}

#[get("/welcome/{token}")]
pub async fn show_welcome(state: State, req: HttpRequest, token: web::Path<String>) -> Result<HttpResponse, AppError> {
    show(state, req, token.into_inner(), AccessLinkPurpose::Invitation).await
}

#[post("/welcome/{token}")]
pub async fn choose_welcome_password(
    state: State,
    req: HttpRequest,
    session: Session,
    token: web::Path<String>,
    form: web::Form<ChoosePasswordForm>,
) -> Result<HttpResponse, AppError> {
    choose(state, req, session, token.into_inner(), AccessLinkPurpose::Invitation, form.into_inner()).await
}

#[get("/reset-password/{token}")]
pub async fn show_reset(state: State, req: HttpRequest, token: web::Path<String>) -> Result<HttpResponse, AppError> {
    show(state, req, token.into_inner(), AccessLinkPurpose::Reset).await
}

#[post("/reset-password/{token}")]
pub async fn choose_reset_password(
    state: State,
    req: HttpRequest,
    session: Session,
    token: web::Path<String>,
    form: web::Form<ChoosePasswordForm>,
) -> Result<HttpResponse, AppError> {
    choose(state, req, session, token.into_inner(), AccessLinkPurpose::Reset, form.into_inner()).await
}

fn forgot_form(
    state: &State,
    req: &HttpRequest,
    status: StatusCode,
    email: String,
    errors: FieldErrors,
    sent_to: Option<String>,
) -> Result<HttpResponse, AppError> {
    let token = random_token(24);
    let template = ForgotPasswordPage {
        chrome: Chrome { flash: read_flash(req), ..Chrome::anonymous() },
        csrf_token: token.clone(),
        email,
        errors,
        sent_to,
        sends_mail: state.settings.mail.smtp_url.is_some(),
    };
    let mut response = page_with_status(req, &template, status)?;
    response
        .add_cookie(&form_token_cookie(state, &token, "/forgot-password"))
        .map_err(|e| AppError::Internal(e.into()))?;
    Ok(response)
}

#[get("/forgot-password")]
pub async fn show_forgot_password(state: State, req: HttpRequest) -> Result<HttpResponse, AppError> {
    super::auth::password_sign_in_only(&state)?;
    forgot_form(&state, &req, StatusCode::OK, String::new(), FieldErrors::default(), None)
}

/// Sends a reset link when the address is an active person's, and answers the same
/// whether it is or not, at once: the lookup and the e-mail happen after the answer, so
/// its timing says nothing either.
#[post("/forgot-password")]
pub async fn ask_for_reset(
    state: State,
    req: HttpRequest,
    form: web::Form<ForgotPasswordForm>,
) -> Result<HttpResponse, AppError> {
    super::auth::password_sign_in_only(&state)?;
    let form = form.into_inner();
    if !form_token_matches(&state, &req, &form.csrf_token) {
        return Err(AppError::CsrfRejected);
    }
    if state.settings.mail.smtp_url.is_none() {
        // No link could reach anyone, whatever was typed: the page says whom to ask.
        return forgot_form(&state, &req, StatusCode::OK, String::new(), FieldErrors::default(), None);
    }
    let email = match Email::parse(&form.email) {
        Ok(email) => email,
        Err(_) => {
            let mut errors = FieldErrors::default();
            errors.add("email", Message::new("auth-forgot-not-an-address"));
            return forgot_form(&state, &req, StatusCode::UNPROCESSABLE_ENTITY, form.email, errors, None);
        }
    };
    let address = super::origin::client_address(&req, &state.settings);
    // Counted and sent after the answer, so that the answer's timing tells nothing.
    let typed = email.as_str().to_owned();
    let later = state.clone();
    actix_web::rt::spawn(async move {
        let public_url = later.settings.public_url();
        let sent = run_db(&later, move |conn| {
            if !db::attempt_counts::reset_requested(conn, &typed, address, clock::now())? {
                tracing::warn!(address = ?address, "password-reset request over its limit: nothing sent");
                return Ok(());
            }
            let Some(employee) = db::employees::find_by_email(conn, &typed)? else { return Ok(()) };
            if employee.active {
                db::access_links::send_reset(conn, &employee, &public_url)?;
            }
            Ok(())
        })
        .await;
        if let Err(err) = sent {
            tracing::error!(error = %err, "a password-reset link could not be written");
        }
    });
    forgot_form(&state, &req, StatusCode::OK, String::new(), FieldErrors::default(), Some(email.as_str().to_owned()))
}
