//! What is refused before a handler runs, with the application's own pages: a request
//! whose address holds a control character (a NUL byte included: PostgreSQL can't
//! store one, and no address of the application has one), a NUL byte in a form field
//! that its page does not check itself, and everything actix's extractors can't read
//! (a field sent twice in a query, an id too large for its type, a JSON body on a form),
//! which would otherwise answer with actix's own plain-text messages.

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::error::{JsonPayloadError, UrlencodedError};
use actix_web::middleware::Next;
use actix_web::{web, HttpRequest, ResponseError};

use super::error::AppError;

/// A form read through `CsrfForm`. `CHECKED_TEXT` names the fields whose value the page
/// checks and explains itself, a NUL byte included (it shows the form again with the
/// field's message); a NUL byte in any other field is refused before the handler runs.
pub trait FormFields {
    const CHECKED_TEXT: &'static [&'static str];
}

/// The 400 for a NUL byte in a field of `pairs` that `T` does not check itself.
pub fn refuse_unchecked_nul<T: FormFields>(pairs: &[(String, String)]) -> Result<(), AppError> {
    match pairs
        .iter()
        .find(|(name, value)| name.contains('\0') || value.contains('\0') && !T::CHECKED_TEXT.contains(&name.as_str()))
    {
        Some((name, _)) => {
            Err(AppError::BadRequest(format!("a NUL byte in the form field {:?}", name.replace('\0', "\\0"))))
        }
        None => Ok(()),
    }
}

/// The bytes of `text` with its `%XX` escapes decoded (other bytes as they are).
fn percent_decoded(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|b| char::from(*b).to_digit(16));
        match (bytes[index], hex(index + 1), hex(index + 2)) {
            (b'%', Some(high), Some(low)) => {
                decoded.push(u8::try_from(high * 16 + low).unwrap_or(0));
                index += 3;
            }
            (byte, _, _) => {
                decoded.push(byte);
                index += 1;
            }
        }
    }
    decoded
}

/// Whether an address's path or query, once decoded, holds a control character.
fn has_control_character(text: &str) -> bool {
    String::from_utf8_lossy(&percent_decoded(text)).chars().any(char::is_control)
}

/// Answers a request whose path or query holds a control character with the 400 page.
pub async fn refuse_control_characters(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    if has_control_character(req.path()) || has_control_character(req.query_string()) {
        let refusal = AppError::BadRequest("a control character in the address".to_owned());
        return Ok(req.into_response(refusal.error_response()).map_into_right_body());
    }
    Ok(next.call(req).await?.map_into_left_body())
}

/// An address that does not parse (`/applications/99999999999`, `/programs/%FF`) names
/// nothing: the 404 page.
fn path_error(err: actix_web::error::PathError, _: &HttpRequest) -> actix_web::Error {
    tracing::info!(error = %err, "unreadable address");
    AppError::NotFound.into()
}

fn query_error(err: actix_web::error::QueryPayloadError, _: &HttpRequest) -> actix_web::Error {
    AppError::BadRequest(format!("unreadable query: {err}")).into()
}

fn form_error(err: UrlencodedError, _: &HttpRequest) -> actix_web::Error {
    match err {
        UrlencodedError::Overflow { .. } | UrlencodedError::UnknownLength => AppError::PayloadTooLarge.into(),
        UrlencodedError::ContentType => AppError::UnsupportedMediaType.into(),
        other => AppError::BadRequest(format!("unreadable form: {other}")).into(),
    }
}

fn json_error(err: JsonPayloadError, _: &HttpRequest) -> actix_web::Error {
    match err {
        JsonPayloadError::OverflowKnownLength { .. } | JsonPayloadError::Overflow { .. } => {
            AppError::PayloadTooLarge.into()
        }
        JsonPayloadError::ContentType => AppError::UnsupportedMediaType.into(),
        other => AppError::BadRequest(format!("unreadable JSON: {other}")).into(),
    }
}

/// The configuration of every actix extractor the application uses (or might): bodies
/// of at most `max_body` bytes, and errors answered with the application's pages.
pub fn configure_extractors(cfg: &mut web::ServiceConfig, max_body: usize) {
    cfg.app_data(web::PayloadConfig::new(max_body))
        .app_data(web::FormConfig::default().limit(max_body).error_handler(form_error))
        .app_data(web::JsonConfig::default().limit(max_body).error_handler(json_error))
        .app_data(web::QueryConfig::default().error_handler(query_error))
        .app_data(web::PathConfig::default().error_handler(path_error));
}

/// Whether `path` is a path of this site (`/programs?q=x`), never another site's address
/// (`//elsewhere`, `/\\elsewhere`), without control characters, at most 2,048 bytes.
pub fn is_local_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && !path.starts_with("/\\")
        && path.len() <= 2048
        && !path.chars().any(|c| c.is_control() || c == '\\')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_decoded_and_control_characters_found() {
        assert_eq!(percent_decoded("a%20b%zz%4"), b"a b%zz%4");
        assert!(has_control_character("q=a%00b"));
        assert!(has_control_character("/programs/a%0Ab"));
        assert!(has_control_character("q=%C2%85"), "a C1 control character");
        assert!(!has_control_character("q=Ada+Lovelace&after_id=3"));
        assert!(!has_control_character("q=%E2%9C%93%FF"), "non-UTF-8 is for the extractors to judge");
    }

    struct Checked;

    impl FormFields for Checked {
        const CHECKED_TEXT: &'static [&'static str] = &["motivation"];
    }

    #[test]
    fn a_nul_byte_is_refused_outside_the_checked_fields() {
        let pairs = |name: &str, value: &str| vec![(name.to_owned(), value.to_owned())];
        assert!(refuse_unchecked_nul::<Checked>(&pairs("motivation", "a\0b")).is_ok());
        assert!(refuse_unchecked_nul::<Checked>(&pairs("version", "1\0")).is_err());
        assert!(refuse_unchecked_nul::<Checked>(&pairs("x\0", "1")).is_err());
        assert!(refuse_unchecked_nul::<Checked>(&pairs("version", "1")).is_ok());
    }
}
