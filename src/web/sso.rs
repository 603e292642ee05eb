//! Single sign-on with the company account (`--auth header` and `--auth oidc`).
//!
//! Header mode: an authenticating proxy names the signed-in person in a header. Only a
//! proxy at a trusted address is believed; requests from anywhere else are refused. The
//! person the header names gets a real session (so CSRF and everything else works as
//! with passwords), renewed whenever the header names someone else.
//!
//! OpenID Connect mode: `/login` sends the browser to the provider with state, nonce and
//! a PKCE challenge kept in a signed, short-lived cookie (anonymous visitors leave no
//! session row); the callback checks them, has `oidc` verify the ID token and the
//! e-mail address, and signs the person in.
//!
//! Both modes then follow the same rules: an active employee is signed in, a deactivated
//! one refused, an unknown e-mail gets "ask HR to add you" (or, with `--auth-provision`,
//! a new employee record). Every refusal is a page that says what to do, and is logged.

use actix_session::{Session, SessionExt};
use actix_web::body::MessageBody;
use actix_web::cookie::{time::Duration as CookieDuration, Cookie, SameSite};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;
use actix_web::{get, web, HttpRequest, HttpResponse};
use askama::Template;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::Deserialize;

use super::auth::{safe_next, start_session};
use super::{redirect_with_flash, remove_cookie, run_db, AppState, Chrome, State};
use crate::config::AuthMode;
use crate::db;
use crate::db::employees::Employee;
use crate::domain::sign_on::{decide, ProvisionedPerson, SignOnDecision};
use crate::domain::Email;
use crate::i18n::Tr;
use crate::oidc::{OidcError, PendingSignIn};
use crate::security::{constant_time_eq, sign, verify_signed};
use crate::web::error::AppError;
use crate::web::language;
use crate::web::session::EMPLOYEE_ID_KEY;

/// The session key that remembers which e-mail the proxy named (header mode).
pub const SSO_EMAIL_KEY: &str = "sso_email";
/// The cookie that holds an OpenID Connect sign-in in progress.
const OIDC_COOKIE: &str = "upskill_oidc";
/// The path the sign-in cookie is sent to: the callback's.
const OIDC_COOKIE_PATH: &str = "/auth/oidc";
/// How long a person has to sign in at the provider.
const OIDC_SIGN_IN_LIFETIME: std::time::Duration = std::time::Duration::from_secs(600);

/// A page of the sign-on: a refusal, the signed-out page, the header-mode sign-in page.
#[derive(Template)]
#[template(path = "auth/notice.html")]
struct NoticePage {
    chrome: Chrome,
    /// A stable hook for tests and scripts (`data-notice`).
    kind: &'static str,
    title: &'static str,
    paragraphs: Vec<String>,
    /// A link to go on with: (address, label).
    action: Option<(String, &'static str)>,
}

/// Why single sign-on did not sign someone in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Header mode: the request did not come from a trusted proxy.
    UntrustedAddress,
    /// Header mode: the header holds no e-mail address.
    UnreadableIdentity,
    /// No employee has this e-mail address (and provisioning is off).
    NotInUpskill(String),
    /// The employee was deactivated by HR.
    Deactivated,
    /// The provider does not vouch for the e-mail address.
    EmailUnverified,
    /// The provider gave no e-mail address.
    NoEmail,
    /// A password sign-in while single sign-on is on.
    PasswordSignInOff,
    /// The person cancelled at the provider, or the provider denied access.
    Cancelled,
    /// The provider answered the sign-in with another error.
    ProviderError,
    /// The callback's state is missing, expired, already used or not this browser's.
    StaleSignIn,
    /// The provider cannot be reached.
    ProviderUnavailable,
    /// The provider's answer could not be accepted.
    ProviderAnswerInvalid,
}

impl Refusal {
    fn status(&self) -> StatusCode {
        match self {
            Refusal::StaleSignIn => StatusCode::BAD_REQUEST,
            Refusal::ProviderError | Refusal::ProviderAnswerInvalid => StatusCode::BAD_GATEWAY,
            Refusal::ProviderUnavailable => StatusCode::SERVICE_UNAVAILABLE,
            _ => StatusCode::FORBIDDEN,
        }
    }

    /// The page: (hook, title, paragraphs, whether to offer to try again).
    fn page(&self, t: Tr) -> (&'static str, &'static str, Vec<String>, bool) {
        let text = |id: &'static str| vec![t.m(id).to_owned()];
        match self {
            Refusal::UntrustedAddress => {
                ("untrusted-address", t.m("auth-sso-untrusted-title"), text("auth-sso-untrusted-text"), false)
            }
            Refusal::UnreadableIdentity => {
                ("unreadable-identity", t.m("auth-sso-unknown-title"), text("auth-sso-unreadable-text"), false)
            }
            Refusal::NotInUpskill(email) => (
                "not-in-upskill",
                t.m("auth-sso-not-in-upskill-title"),
                vec![
                    t.with("auth-sso-not-in-upskill-text", "email", email),
                    t.m("auth-sso-not-in-upskill-ask").to_owned(),
                ],
                false,
            ),
            Refusal::Deactivated => {
                ("deactivated", t.m("auth-sso-deactivated-title"), text("auth-sso-deactivated-text"), false)
            }
            Refusal::EmailUnverified => {
                ("email-unverified", t.m("auth-sso-unverified-title"), text("auth-sso-unverified-text"), false)
            }
            Refusal::NoEmail => ("no-email", t.m("auth-sso-unknown-title"), text("auth-sso-no-email-text"), false),
            Refusal::PasswordSignInOff => {
                ("password-sign-in-off", t.m("auth-sso-password-off-title"), text("auth-sso-password-off-text"), true)
            }
            Refusal::Cancelled => ("cancelled", t.m("auth-sso-cancelled-title"), text("auth-sso-cancelled-text"), true),
            Refusal::ProviderError => {
                ("provider-error", t.m("auth-sso-provider-error-title"), text("auth-sso-provider-error-text"), true)
            }
            Refusal::StaleSignIn => ("stale-sign-in", t.m("auth-sso-stale-title"), text("auth-sso-stale-text"), true),
            Refusal::ProviderUnavailable => {
                ("provider-unavailable", t.m("auth-sso-unavailable-title"), text("auth-sso-unavailable-text"), true)
            }
            Refusal::ProviderAnswerInvalid => (
                "provider-answer-invalid",
                t.m("auth-sso-invalid-answer-title"),
                text("auth-sso-invalid-answer-text"),
                true,
            ),
        }
    }

    /// The refusal's page, with its status.
    pub fn response(&self) -> HttpResponse {
        let t = language::words();
        let (kind, title, paragraphs, retry) = self.page(t);
        let action = retry.then(|| ("/login".to_owned(), t.m("auth-sso-retry")));
        let mut response = notice(self.status(), kind, title, paragraphs, action);
        if *self == Refusal::ProviderUnavailable {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
        }
        response
    }
}

/// Renders a notice page (no flash: these pages are not in answer to a form of Upskill's).
fn notice(
    status: StatusCode,
    kind: &'static str,
    title: &'static str,
    paragraphs: Vec<String>,
    action: Option<(String, &'static str)>,
) -> HttpResponse {
    let template = NoticePage { chrome: Chrome::anonymous(), kind, title, paragraphs, action };
    match template.render() {
        Ok(body) => HttpResponse::build(status).content_type("text/html; charset=utf-8").body(body),
        Err(err) => error_page(AppError::from(err)),
    }
}

/// The error page of `err` (for the places that answer with a response, not an error).
fn error_page(err: AppError) -> HttpResponse {
    actix_web::ResponseError::error_response(&err)
}

/// Signs in, provisions or refuses the person whose e-mail the company's sign-on vouches
/// for (`how`: `header` or `oidc`, for the log and the audit line).
async fn admit(
    state: &AppState,
    email: Email,
    name: Option<String>,
    how: &'static str,
) -> Result<Result<Employee, Refusal>, AppError> {
    let provision = state.settings.auth_provision;
    run_db(state, move |conn| {
        let found = db::employees::find_by_email(conn, email.as_str())?;
        match (decide(found.as_ref().map(|e| e.active), provision), found) {
            (SignOnDecision::SignIn, Some(employee)) => Ok(Ok(employee)),
            (SignOnDecision::Deactivated, _) => Ok(Err(Refusal::Deactivated)),
            (SignOnDecision::Provision, _) => {
                let person = ProvisionedPerson::new(email, name.as_deref(), crate::clock::today());
                let employee = db::employees::provision(conn, &person, how)?;
                tracing::info!(employee_id = employee.id, how, "employee created at first sign-in");
                Ok(Ok(employee))
            }
            // `SignIn` always comes with the employee found, so this is `Unknown`.
            (SignOnDecision::Unknown | SignOnDecision::SignIn, _) => Ok(Err(Refusal::NotInUpskill(email.to_string()))),
        }
    })
    .await
}

/// Logs a refusal: who (as far as known), from where, and why.
fn log_refusal(refusal: &Refusal, address: Option<std::net::IpAddr>, detail: &str) {
    tracing::warn!(?refusal, ?address, detail, "single sign-on refused");
}

// ---------------------------------------------------------------- header mode

/// Header mode, on every request but `/healthz`: refuses requests that do not come from
/// a trusted proxy, and signs in the person the proxy's header names.
pub async fn trusted_header_sign_on(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let Some(state) = req.app_data::<State>().cloned() else {
        return Ok(next.call(req).await?.map_into_left_body());
    };
    if state.settings.auth != AuthMode::Header || req.path() == "/healthz" {
        return Ok(next.call(req).await?.map_into_left_body());
    }
    let address = req.peer_addr().map(|peer| peer.ip().to_canonical());
    let trusted = crate::web::origin::peer_is_trusted(req.request(), &state.settings);
    let claimed = req
        .headers()
        .get(state.settings.auth_header.as_str())
        .map(|value| value.to_str().map(str::trim).unwrap_or_default().to_owned());
    if !trusted {
        let detail = format!("{} {} (sign-on header sent: {})", req.method(), req.path(), claimed.is_some());
        log_refusal(&Refusal::UntrustedAddress, address, &detail);
        return Ok(req.into_response(Refusal::UntrustedAddress.response()).map_into_right_body());
    }
    let session = req.get_session();
    let Some(claimed) = claimed.filter(|text| !text.is_empty()) else {
        // The proxy vouches for nobody: whoever was signed in is no longer.
        if matches!(session.get::<i32>(EMPLOYEE_ID_KEY), Ok(Some(_))) {
            session.purge();
        }
        return Ok(next.call(req).await?.map_into_left_body());
    };
    let Ok(email) = Email::parse(&claimed) else {
        let shown: String = claimed.chars().take(80).collect();
        log_refusal(&Refusal::UnreadableIdentity, address, &format!("header value {shown:?}"));
        session.purge();
        return Ok(req.into_response(Refusal::UnreadableIdentity.response()).map_into_right_body());
    };
    let signed_in = matches!(session.get::<i32>(EMPLOYEE_ID_KEY), Ok(Some(_)));
    let named: Option<String> = session.get(SSO_EMAIL_KEY).ok().flatten();
    if !(signed_in && named.as_deref() == Some(email.as_str())) {
        let shown = email.to_string();
        match admit(&state, email, None, "header").await {
            Ok(Ok(employee)) => {
                start_session(&session, employee.id, Some(employee.email.as_str()))?;
                tracing::info!(employee_id = employee.id, "signed in by the proxy's header");
            }
            Ok(Err(refusal)) => {
                log_refusal(&refusal, address, &shown);
                session.purge();
                return Ok(req.into_response(refusal.response()).map_into_right_body());
            }
            Err(err) => return Ok(req.into_response(error_page(err)).map_into_right_body()),
        }
    }
    Ok(next.call(req).await?.map_into_left_body())
}

/// Header mode's `/login` for someone the proxy did not name: there is nothing to type.
pub fn header_sign_in_page() -> HttpResponse {
    let t = language::words();
    notice(
        StatusCode::OK,
        "company-sign-in",
        t.m("auth-sso-header-title"),
        vec![t.m("auth-sso-header-text").to_owned(), t.m("auth-sso-header-next").to_owned()],
        Some(("/".to_owned(), t.m("auth-sso-header-open"))),
    )
}

/// After signing out under single sign-on: the proxy's or provider's sign-out when one
/// is configured, else a page that says how to end the company sign-in too.
pub fn signed_out(state: &AppState) -> HttpResponse {
    if let Some(url) = &state.settings.auth_logout_url {
        return HttpResponse::SeeOther().insert_header((header::LOCATION, url.clone())).finish();
    }
    let t = language::words();
    notice(
        StatusCode::OK,
        "signed-out",
        t.m("auth-sso-signed-out-title"),
        vec![t.m("auth-sso-signed-out-text").to_owned()],
        Some(("/".to_owned(), t.m("auth-sso-signed-out-open"))),
    )
}

// ---------------------------------------------------------------- OpenID Connect

/// OpenID Connect mode's `/login`: sends the browser to the provider, with the sign-in
/// in progress in a signed cookie.
pub async fn start_oidc_sign_in(state: &AppState, next: String) -> HttpResponse {
    let Some(client) = &state.oidc else {
        return error_page(AppError::Internal(anyhow::anyhow!("OpenID Connect is not configured")));
    };
    match client.start(next, OIDC_SIGN_IN_LIFETIME).await {
        Ok((url, pending)) => {
            let Ok(json) = serde_json::to_string(&pending) else {
                return error_page(AppError::Internal(anyhow::anyhow!("cannot encode the sign-in")));
            };
            let value = sign(&state.secret, &URL_SAFE_NO_PAD.encode(json));
            let cookie = Cookie::build(OIDC_COOKIE, value)
                .path(OIDC_COOKIE_PATH)
                .http_only(true)
                .secure(state.settings.secure_cookies)
                // Lax: the provider sends the browser back with a top-level GET.
                .same_site(SameSite::Lax)
                .max_age(CookieDuration::seconds(OIDC_SIGN_IN_LIFETIME.as_secs().try_into().unwrap_or(600)))
                .finish();
            HttpResponse::SeeOther().insert_header((header::LOCATION, url.to_string())).cookie(cookie).finish()
        }
        Err(err) => {
            tracing::error!(error = %err, issuer = client.issuer(), "cannot start an OpenID Connect sign-in");
            Refusal::ProviderUnavailable.response()
        }
    }
}

/// The sign-in in progress of this browser, when its cookie is intact and not expired.
fn pending_sign_in(state: &AppState, req: &HttpRequest) -> Option<PendingSignIn> {
    let cookie = req.cookie(OIDC_COOKIE)?;
    let encoded = verify_signed(&state.secret, cookie.value())?;
    let json = URL_SAFE_NO_PAD.decode(encoded).ok()?;
    let pending: PendingSignIn = serde_json::from_slice(&json).ok()?;
    (pending.expires_at > chrono::Utc::now().timestamp()).then_some(pending)
}

#[derive(Debug, Deserialize)]
pub struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
    error_description: Option<String>,
    iss: Option<String>,
}

/// Where the provider sends the browser back: checks the state, has the code exchanged
/// and the ID token verified, and signs the person in (or says why not).
#[get("/auth/oidc/callback")]
pub async fn oidc_callback(
    state: State,
    session: Session,
    req: HttpRequest,
    query: web::Query<CallbackQuery>,
) -> Result<HttpResponse, AppError> {
    let Some(client) = state.oidc.as_ref().filter(|_| state.settings.auth == AuthMode::Oidc) else {
        return Err(AppError::NotFound);
    };
    let address = req.peer_addr().map(|peer| peer.ip());
    let pending = pending_sign_in(&state, &req);
    // The sign-in cookie is good for one callback, whatever happens here.
    let mut response = match oidc_outcome(&state, client, &session, pending, query.into_inner()).await {
        Ok(response) => response,
        Err((refusal, detail)) => {
            log_refusal(&refusal, address, &detail);
            refusal.response()
        }
    };
    remove_cookie(&mut response, OIDC_COOKIE, OIDC_COOKIE_PATH)?;
    Ok(response)
}

/// The callback's work; a refusal comes back with what to log.
async fn oidc_outcome(
    state: &AppState,
    client: &crate::oidc::OidcClient,
    session: &Session,
    pending: Option<PendingSignIn>,
    query: CallbackQuery,
) -> Result<HttpResponse, (Refusal, String)> {
    if let Some(error) = &query.error {
        let description = query.error_description.as_deref().unwrap_or_default();
        let detail = format!("the provider answered {error:?}: {description:?}");
        let refusal = if error == "access_denied" { Refusal::Cancelled } else { Refusal::ProviderError };
        return Err((refusal, detail));
    }
    let Some(pending) = pending else {
        return Err((Refusal::StaleSignIn, "no sign-in in progress (cookie missing, altered or expired)".to_owned()));
    };
    let given = query.state.unwrap_or_default();
    if given.is_empty() || !constant_time_eq(&given, &pending.state) {
        return Err((Refusal::StaleSignIn, "the state does not match this browser's sign-in".to_owned()));
    }
    if query.iss.as_deref().is_some_and(|iss| iss.trim_end_matches('/') != client.issuer().trim_end_matches('/')) {
        return Err((Refusal::ProviderAnswerInvalid, format!("the answer names another issuer: {:?}", query.iss)));
    }
    let Some(code) = query.code.filter(|code| !code.is_empty()) else {
        return Err((Refusal::ProviderAnswerInvalid, "no code in the answer".to_owned()));
    };
    let identity = client.finish(code, &pending).await.map_err(|err| {
        let refusal = match &err {
            OidcError::Unavailable(_) => Refusal::ProviderUnavailable,
            OidcError::CodeRefused(_) => Refusal::StaleSignIn,
            OidcError::Invalid(_) => Refusal::ProviderAnswerInvalid,
            OidcError::NoEmail => Refusal::NoEmail,
            OidcError::EmailUnverified(_) => Refusal::EmailUnverified,
        };
        (refusal, err.to_string())
    })?;
    let Ok(email) = Email::parse(&identity.email) else {
        return Err((Refusal::NoEmail, format!("not an e-mail address: {:?}", identity.email)));
    };
    let shown = email.to_string();
    let employee = match admit(state, email, identity.name, "oidc").await {
        Ok(Ok(employee)) => employee,
        Ok(Err(refusal)) => return Err((refusal, shown)),
        Err(err) => return Ok(error_page(err)),
    };
    if let Err(err) = start_session(session, employee.id, None) {
        return Ok(error_page(err));
    }
    tracing::info!(employee_id = employee.id, "signed in with OpenID Connect");
    let next = safe_next(Some(&pending.next));
    Ok(redirect_with_flash(&next, "success", &super::auth::welcome(&employee)))
}
