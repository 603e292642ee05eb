//! A form sent after its session ended is not lost. Every form of a signed-in person
//! carries `form_owner`, a tag of who filled it (`security::form_owner_tag`). When such a POST arrives
//! without a live session, [`keep_expired_form`] keeps its fields (not the CSRF token) in a
//! cookie signed with the instance secret, for [`KEPT_FOR_MINUTES`] minutes and at most
//! [`MAX_KEPT_BYTES`], and the sign-in page says that the session ended. Once the same
//! person signs in again, [`resume`] shows the form's fields with a button that sends them
//! where they were going, with the new session's token. Someone else signing in on that
//! browser never sees them (the tag differs), and the cookie goes.

use actix_web::body::MessageBody;
use actix_web::cookie::{time, Cookie, SameSite};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::{header, Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{get, HttpMessage, HttpRequest, HttpResponse};
use askama::Template;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};

use super::error::{AppError, SessionEnded};
use super::{page, redirect, remove_cookie, Chrome, State, Viewer};
use crate::security::{form_owner_tag as owner_tag, sign, verify_signed};

/// The cookie that keeps the fields of a form sent after its session ended.
pub const KEPT_COOKIE: &str = "upskill_kept";
/// The hidden field of every form that names who filled it.
pub const OWNER_FIELD: &str = "form_owner";
/// How long a kept form waits for its owner to sign in again.
pub const KEPT_FOR_MINUTES: i64 = 15;
/// The most a cookie keeps of a form's fields (a cookie holds about 4 KB).
pub const MAX_KEPT_BYTES: usize = 2800;

/// What the cookie holds.
#[derive(Serialize, Deserialize)]
struct Kept {
    owner: String,
    action: String,
    /// Unix seconds after which the form is forgotten.
    until: i64,
    fields: Vec<(String, String)>,
}

fn now_seconds() -> i64 {
    crate::clock::now().and_utc().timestamp()
}

/// The kept form of the request's cookie, when its signature is right and it is not stale.
fn read(secret: &[u8], req: &HttpRequest) -> Option<Kept> {
    let cookie = req.cookie(KEPT_COOKIE)?;
    let encoded = verify_signed(secret, cookie.value())?;
    let kept: Kept = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(encoded).ok()?).ok()?;
    (kept.until >= now_seconds()).then_some(kept)
}

/// Keeps the fields of a urlencoded POST that found no session, and tells the sign-in page.
pub async fn keep_expired_form(
    mut req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let urlencoded = req.content_type() == "application/x-www-form-urlencoded";
    if req.method() != Method::POST || !urlencoded || req.path() == "/login" {
        return next.call(req).await;
    }
    let body = req.extract::<actix_web::web::Bytes>().await?;
    req.set_payload(actix_web::dev::Payload::from(body.clone()));
    let state = req.app_data::<State>().cloned();
    let action = req.path().to_owned();
    let mut response = next.call(req).await?;
    let ended = response.response().extensions().get::<SessionEnded>().is_some();
    let Some(state) = state.filter(|_| ended && response.status() == StatusCode::SEE_OTHER) else {
        return Ok(response);
    };
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let Some(owner) = pairs.iter().find(|(name, _)| name == OWNER_FIELD).map(|(_, v)| v.clone()) else {
        return Ok(response);
    };
    let fields: Vec<(String, String)> =
        pairs.into_iter().filter(|(name, _)| name != "csrf_token" && name != OWNER_FIELD).collect();
    let kept = Kept { owner, action, until: now_seconds() + KEPT_FOR_MINUTES * 60, fields };
    let value = serde_json::to_vec(&kept).map(|json| sign(&state.secret, &URL_SAFE_NO_PAD.encode(json)));
    let outcome = match value {
        Ok(value) if value.len() <= MAX_KEPT_BYTES => {
            let cookie = Cookie::build(KEPT_COOKIE, value)
                .path("/")
                .http_only(true)
                .same_site(SameSite::Lax)
                .max_age(time::Duration::minutes(KEPT_FOR_MINUTES))
                .finish();
            match response.response_mut().add_cookie(&cookie) {
                Ok(()) => "kept",
                Err(_) => "lost",
            }
        }
        _ => "lost",
    };
    let location = response.headers().get(header::LOCATION).and_then(|l| l.to_str().ok()).unwrap_or("/login");
    let joiner = if location.contains('?') { '&' } else { '?' };
    let location = format!("{location}{joiner}ended={outcome}");
    if let Ok(value) = header::HeaderValue::from_str(&location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    Ok(response)
}

/// What the sign-in page says after a form found the session ended (`ended` of its query).
pub fn ended_notice(ended: Option<&str>, t: crate::i18n::Tr) -> Option<&'static str> {
    match ended? {
        "kept" => Some(t.m("auth-session-ended-kept")),
        "lost" => Some(t.m("auth-session-ended-lost")),
        _ => None,
    }
}

/// Where a person signing in goes: to their kept form when there is one, else `next`.
pub fn after_sign_in(secret: &[u8], req: &HttpRequest, employee_id: i32, next: &str) -> String {
    match read(secret, req) {
        Some(kept) if kept.owner == owner_tag(secret, employee_id) => "/resume".to_owned(),
        _ => next.to_owned(),
    }
}

#[derive(Template)]
#[template(path = "auth/resume.html")]
struct ResumePage {
    chrome: Chrome,
    action: String,
    fields: Vec<(String, String)>,
}

/// The kept form of the signed-in person, ready to send again; the cookie goes.
#[get("/resume")]
pub async fn resume(state: State, viewer: Viewer, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let kept = read(&state.secret, &req).filter(|kept| kept.owner == owner_tag(&state.secret, viewer.id()));
    let mut response = match kept {
        Some(kept) => {
            let chrome = viewer.chrome("");
            page(&req, &ResumePage { chrome, action: kept.action, fields: kept.fields })?
        }
        None => redirect("/"),
    };
    remove_cookie(&mut response, KEPT_COOKIE, "/")?;
    Ok(response)
}
