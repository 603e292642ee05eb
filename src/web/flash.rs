//! One-time messages shown at the top of the next page ("The program is saved."). A
//! handler answers with [`redirect_with_flash`]; [`sign_pending_flash`] writes the
//! message into a cookie signed with the instance secret; the next page shows it
//! ([`read_flash`]) only when its signature is right, so a cookie made or changed by
//! anyone else (a sibling subdomain, a script, an attacker) shows nothing.

use actix_web::body::MessageBody;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header;
use actix_web::middleware::Next;
use actix_web::{HttpRequest, HttpResponse};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use super::State;
use crate::security::{sign, verify_signed};

/// The cookie that carries a flash message to the next page.
pub const FLASH_COOKIE: &str = "upskill_flash";

/// A one-time message shown at the top of the next page.
#[derive(Debug, Clone)]
pub struct Flash {
    /// `success`, `error` or `info`; used in the CSS class.
    pub kind: &'static str,
    pub message: String,
}

/// The message a response leaves for the next page, until it is signed into its cookie.
#[derive(Debug, Clone)]
struct PendingFlash(String);

/// A 303 to `location` that shows `message` on the next page.
pub fn redirect_with_flash(location: &str, kind: &'static str, message: &str) -> HttpResponse {
    let mut response = HttpResponse::SeeOther().insert_header((header::LOCATION, location.to_owned())).finish();
    response.extensions_mut().insert(PendingFlash(format!("{kind}:{message}")));
    response
}

/// The cookie's value: the message, base64url-encoded, and its signature.
fn cookie_value(secret: &[u8], text: &str) -> String {
    sign(secret, &URL_SAFE_NO_PAD.encode(text))
}

/// Writes the message a response leaves for the next page into its signed cookie.
pub async fn sign_pending_flash(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let state = req.app_data::<State>().cloned();
    let mut response = next.call(req).await?;
    let pending = response.response().extensions().get::<PendingFlash>().cloned();
    if let (Some(PendingFlash(text)), Some(state)) = (pending, state) {
        let cookie = Cookie::build(FLASH_COOKIE, cookie_value(&state.secret, &text))
            .path("/")
            .http_only(true)
            .same_site(SameSite::Lax)
            .finish();
        if let Err(err) = response.response_mut().add_cookie(&cookie) {
            tracing::warn!(error = %err, "the flash message could not be set");
        }
    }
    Ok(response)
}

/// The message the previous response left, when its cookie carries a right signature.
pub fn read_flash(req: &HttpRequest) -> Option<Flash> {
    let cookie = req.cookie(FLASH_COOKIE)?;
    let state = req.app_data::<State>()?;
    parse(&state.secret, cookie.value())
}

fn parse(secret: &[u8], value: &str) -> Option<Flash> {
    let encoded = verify_signed(secret, value)?;
    let text = String::from_utf8(URL_SAFE_NO_PAD.decode(encoded).ok()?).ok()?;
    let (kind, message) = text.split_once(':')?;
    let kind = match kind {
        "success" => "success",
        "error" => "error",
        _ => "info",
    };
    Some(Flash { kind, message: message.to_owned() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_message_signed_with_the_secret_is_read() {
        let value = cookie_value(b"secret", "success:Saved.");
        let flash = parse(b"secret", &value).unwrap();
        assert_eq!((flash.kind, flash.message.as_str()), ("success", "Saved."));
        assert!(parse(b"another secret", &value).is_none());
        let unsigned = URL_SAFE_NO_PAD.encode("success:You won a prize.");
        assert!(parse(b"secret", &unsigned).is_none());
        let (_, signature) = value.split_once('.').unwrap();
        let forged = format!("{unsigned}.{signature}");
        assert!(parse(b"secret", &forged).is_none());
    }
}
