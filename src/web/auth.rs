//! Signing in and out.
//!
//! The sign-in form is shown before any session exists, so its CSRF protection is a
//! signed double-submit cookie: anonymous traffic never writes a session row.
//! Wrong passwords are counted per account and client address, in the database for the
//! whole cluster (`db::attempt_counts`, `domain::sign_in_limits`): guessing someone's
//! password never locks them out.

use actix_session::Session;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::input::is_local_path;
use super::{
    page_with_status, read_flash, redirect, redirect_with_flash, remove_cookie, run_db, sso, Chrome, CsrfForm,
    EmptyForm, State, CSRF_KEY,
};
use crate::clock;
use crate::config::AuthMode;
use crate::db;
use crate::domain::forms::FieldErrors;
use crate::domain::message::Message;
use crate::domain::Email;
use crate::i18n::{Locale, Tr};
use crate::security::{constant_time_eq, random_token, sign, verify_password, verify_signed, DUMMY_PASSWORD_HASH};
use crate::web::error::AppError;
use crate::web::session::EMPLOYEE_ID_KEY;
use crate::web::{kept_form, language};

/// The cookie holding the signed token of the sign-in form.
const LOGIN_CSRF_COOKIE: &str = "upskill_login";

#[derive(Template)]
#[template(path = "auth/login.html")]
struct LoginPage {
    chrome: Chrome,
    csrf_token: String,
    email: String,
    next: String,
    error: Option<&'static str>,
    /// Why the sign-in was asked for, when a form found the session ended.
    notice: Option<&'static str>,
    /// The demo sign-ins: (e-mail, role).
    demo_accounts: Vec<(&'static str, &'static str)>,
}

impl LoginPage {
    /// The page's title (after "Error: " when the sign-in was refused), saying why it was
    /// asked for when a form found the session ended.
    fn title(&self) -> &'static str {
        match self.notice {
            Some(_) => self.chrome.t.m("auth-login-title-ended"),
            None => self.chrome.t.m("auth-sign-in"),
        }
    }

    /// The refusal as the error summary lists it: it concerns the e-mail and the password
    /// together, so it links to the first of them.
    fn errors(&self) -> FieldErrors {
        FieldErrors(self.error.iter().map(|message| ("email", Message::said(*message))).collect())
    }
}

#[derive(Deserialize)]
pub struct LoginQuery {
    next: Option<String>,
    /// Set when a form found the session ended: whether it was kept (`kept_form`).
    ended: Option<String>,
}

/// Accepts only local paths (`/programs?q=x`) as a place to return to after sign-in.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(path) if is_local_path(path) && !path.starts_with("/login") && !path.starts_with("/logout") => {
            path.to_owned()
        }
        _ => "/".to_owned(),
    }
}

/// Renders the sign-in form with a fresh signed token in its cookie (and the flash
/// message left by signing out, if any).
fn login_form(
    state: &State,
    req: &HttpRequest,
    status: StatusCode,
    email: String,
    next: String,
    error: Option<LoginRefusal>,
) -> Result<HttpResponse, AppError> {
    let token = random_token(24);
    let ended = web::Query::<LoginQuery>::from_query(req.query_string()).ok().and_then(|q| q.into_inner().ended);
    let chrome = Chrome { flash: read_flash(req), ..Chrome::anonymous() };
    let t = chrome.t;
    let demo_accounts = if state.settings.demo {
        db::seed::demo_accounts().into_iter().map(|account| (account.email, demo_role(t, account.role))).collect()
    } else {
        Vec::new()
    };
    let template = LoginPage {
        notice: kept_form::ended_notice(ended.as_deref(), t),
        csrf_token: token.clone(),
        email,
        next,
        error: error.map(|refusal| refusal.message(t)),
        demo_accounts,
        chrome,
    };
    let mut response = page_with_status(req, &template, status)?;
    response.add_cookie(&form_token_cookie(state, &token, "/login")).map_err(|e| AppError::Internal(e.into()))?;
    Ok(response)
}

/// A demo account's role (`db::seed::demo_accounts`) in the page's language.
fn demo_role(t: Tr, role: &str) -> &'static str {
    match t.label("auth-demo-role", role) {
        "" => t.m("auth-demo-role-employee"),
        named => named,
    }
}

/// The cookie that goes with a form shown to someone not signed in (sign-in, forgotten
/// password, a link's password page): the form's token, signed, for the page's `path`
/// only. A request sent from elsewhere has neither.
pub fn form_token_cookie(state: &State, token: &str, path: &str) -> Cookie<'static> {
    Cookie::build(LOGIN_CSRF_COOKIE, sign(&state.secret, token))
        .path(path.to_owned())
        .http_only(true)
        .secure(state.settings.secure_cookies)
        .same_site(SameSite::Strict)
        .finish()
}

/// The pages of Upskill's own passwords (choosing, changing, invitations) exist under
/// password sign-in only: under single sign-on they are not found.
pub fn password_sign_in_only(state: &State) -> Result<(), AppError> {
    if state.settings.auth.is_single_sign_on() {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// Whether a form of someone not signed in carries the token its cookie signed.
pub fn form_token_matches(state: &State, req: &HttpRequest, given: &str) -> bool {
    req.cookie(LOGIN_CSRF_COOKIE)
        .and_then(|cookie| verify_signed(&state.secret, cookie.value()).map(str::to_owned))
        .is_some_and(|token| !given.is_empty() && constant_time_eq(&token, given))
}

#[get("/login")]
pub async fn show_login(
    state: State,
    session: Session,
    query: web::Query<LoginQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let next = safe_next(query.next.as_deref());
    if matches!(session.get::<i32>(EMPLOYEE_ID_KEY), Ok(Some(_))) {
        return Ok(redirect(&next));
    }
    match state.settings.auth {
        AuthMode::Password => login_form(&state, &req, StatusCode::OK, String::new(), next, None),
        AuthMode::Header => Ok(sso::header_sign_in_page()),
        AuthMode::Oidc => Ok(sso::start_oidc_sign_in(&state, next).await),
    }
}

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    csrf_token: String,
    #[serde(default)]
    next: String,
}

#[post("/login")]
pub async fn login(
    state: State,
    session: Session,
    req: HttpRequest,
    form: web::Form<LoginForm>,
) -> Result<HttpResponse, AppError> {
    if state.settings.auth.is_single_sign_on() {
        tracing::warn!(address = ?req.peer_addr().map(|a| a.ip()), "password sign-in refused: single sign-on is on");
        return Ok(sso::Refusal::PasswordSignInOff.response());
    }
    let form = form.into_inner();
    if !form_token_matches(&state, &req, &form.csrf_token) {
        return Err(AppError::CsrfRejected);
    }
    let next = safe_next(Some(&form.next));
    let email = form.email.trim().to_lowercase();
    let address = super::origin::client_address(&req, &state.settings);
    let limits = state.sign_in_limits;
    let account = Email::parse(&email).ok();
    let is_address = account.is_some();
    // The counts and the person in one trip to the database; the person only when a
    // password may be tried for a real address.
    let (allowed, failures, employee) = {
        let email = email.clone();
        run_db(&state, move |conn| {
            let (allowed, failures) = db::attempt_counts::sign_in_allowed(conn, limits, &email, address, clock::now())?;
            let employee = match account.filter(|_| allowed) {
                Some(account) => db::employees::find_by_email(conn, account.as_str())?,
                None => None,
            };
            Ok((allowed, failures, employee))
        })
        .await?
    };
    if !allowed {
        tracing::warn!(email = ?typed_for_log(&email), address = %shown_address(address), "sign-in throttled");
        return login_form(
            &state,
            &req,
            StatusCode::TOO_MANY_REQUESTS,
            form.email,
            next,
            Some(LoginRefusal::TooManyAttempts),
        );
    }
    if !is_address {
        return wrong_credentials(&state, &req, email, address, form.email, next).await;
    }
    let password = form.password;
    let employee = super::block_in_span(move || {
        let hash = employee
            .as_ref()
            .filter(|e| e.active)
            .and_then(|e| e.password_hash.clone())
            .unwrap_or_else(|| DUMMY_PASSWORD_HASH.to_owned());
        let matches = verify_password(&password, &hash);
        employee.filter(|e| matches && e.active && e.password_hash.is_some())
    })
    .await?;
    let Some(employee) = employee else {
        return wrong_credentials(&state, &req, email, address, form.email, next).await;
    };
    if failures.account_and_address > 0 {
        run_db(&state, move |conn| Ok(db::attempt_counts::sign_in_succeeded(conn, &email, address)?)).await?;
    }
    start_session(&session, employee.id, None)?;
    tracing::info!(employee_id = employee.id, "signed in");
    let next = kept_form::after_sign_in(&state.secret, &req, employee.id, &next);
    let mut response = redirect_with_flash(&next, "success", &welcome(&employee));
    remove_cookie(&mut response, LOGIN_CSRF_COOKIE, "/login")?;
    if next != "/resume" && req.cookie(kept_form::KEPT_COOKIE).is_some() {
        // Someone else's form, or a stale one: it goes.
        remove_cookie(&mut response, kept_form::KEPT_COOKIE, "/")?;
    }
    Ok(response)
}

/// Starts a signed-in session for `employee_id` under a new session id (no fixation)
/// with a fresh CSRF token; `sso_email` is the e-mail a sign-on proxy named, kept to see
/// when it names someone else.
pub fn start_session(session: &Session, employee_id: i32, sso_email: Option<&str>) -> Result<(), AppError> {
    session.renew();
    session.clear();
    let session_error = |e: actix_session::SessionInsertError| AppError::Internal(anyhow::anyhow!("{e}"));
    session.insert(EMPLOYEE_ID_KEY, employee_id).map_err(session_error)?;
    session.insert(CSRF_KEY, random_token(32)).map_err(session_error)?;
    if let Some(email) = sso_email {
        session.insert(sso::SSO_EMAIL_KEY, email).map_err(session_error)?;
    }
    Ok(())
}

/// Why a password sign-in was refused.
#[derive(Debug, Clone, Copy)]
enum LoginRefusal {
    WrongCredentials,
    TooManyAttempts,
}

impl LoginRefusal {
    fn message(self, t: Tr) -> &'static str {
        match self {
            LoginRefusal::WrongCredentials => t.m("auth-wrong-credentials"),
            LoginRefusal::TooManyAttempts => t.m("auth-too-many-attempts"),
        }
    }
}

/// "Welcome, Name." after signing in, in the language the person chose (if they did),
/// else the request's.
pub fn welcome(employee: &db::employees::Employee) -> String {
    let t = employee.locale.as_deref().and_then(Locale::from_tag).map_or_else(language::words, Tr);
    t.with("auth-welcome", "name", &employee.display_name)
}

#[post("/logout")]
pub async fn logout(state: State, session: Session, _form: CsrfForm<EmptyForm>) -> HttpResponse {
    session.purge();
    if state.settings.auth.is_single_sign_on() {
        return sso::signed_out(&state);
    }
    redirect_with_flash("/login", "info", language::words().m("auth-signed-out"))
}

/// A wrong password or an unknown account: counted, then in the log with the client's
/// address (behind a trusted proxy, the address it forwards) so that an operator can see
/// guessing; what was typed as the address is logged escaped and cut short, the password
/// never.
async fn wrong_credentials(
    state: &State,
    req: &HttpRequest,
    email: String,
    address: Option<std::net::IpAddr>,
    typed: String,
    next: String,
) -> Result<HttpResponse, AppError> {
    tracing::warn!(email = ?typed_for_log(&email), address = %shown_address(address), "sign-in failed");
    run_db(state, move |conn| Ok(db::attempt_counts::sign_in_failed(conn, &email, address, clock::now())?)).await?;
    login_form(state, req, StatusCode::UNAUTHORIZED, typed, next, Some(LoginRefusal::WrongCredentials))
}

/// What was typed as the e-mail, cut short for the log (where it is written escaped): it
/// may be anything.
fn typed_for_log(email: &str) -> String {
    email.chars().take(80).collect()
}

/// The client's address as the log shows it.
fn shown_address(address: Option<std::net::IpAddr>) -> String {
    address.map_or_else(|| "unknown".to_owned(), |address| address.to_string())
}
