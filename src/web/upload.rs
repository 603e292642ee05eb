//! Files sent with a `multipart/form-data` form, read with the form's `csrf_token`
//! compared in constant time with the session's, as `CsrfForm` does for urlencoded
//! forms: a missing or wrong token, or a body that is not multipart at all, is a 403.
//!
//! Two readers: [`read_csrf_upload`] takes the token wherever it comes in the form (the
//! HR import), and [`TokenFirstUpload`] wants it as the form's first part, so that a
//! request without the right token is refused before any of its file is read (a file
//! attached to an application: browsers send the parts in the order of the form, and the
//! token's hidden field comes first). Both stop reading at the size limit, as soon as it
//! is passed, and refuse up front a body whose `Content-Length` says it is too large.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use actix_multipart::{Field, Multipart, MultipartError};
use actix_session::SessionExt;
use actix_web::error::PayloadError;
use actix_web::http::header;
use actix_web::web::Bytes;
use actix_web::{FromRequest, HttpRequest};
use futures_util::{Stream, TryStreamExt};

use super::error::AppError;
use super::CSRF_KEY;
use crate::security::constant_time_eq;

/// A `multipart/form-data` body, and whether the bytes the client sent have all arrived.
///
/// The multipart reader waits for more bytes when a body ends in the middle of a part
/// (a cut-off upload, or a boundary that never comes), even though none will come: each
/// read here gives up with a 400 once the body has ended and the reader still waits.
pub struct UploadBody {
    multipart: Multipart,
    ended: Arc<AtomicBool>,
}

impl FromRequest for UploadBody {
    type Error = AppError;
    type Future = std::future::Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
        let ended = Arc::new(AtomicBool::new(false));
        let body = Ending { inner: payload.take(), ended: ended.clone() };
        std::future::ready(Ok(UploadBody { multipart: Multipart::new(req.headers(), body), ended }))
    }
}

/// The request's payload, which notes when it has ended.
struct Ending {
    inner: actix_web::dev::Payload,
    ended: Arc<AtomicBool>,
}

impl Stream for Ending {
    type Item = Result<Bytes, PayloadError>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let polled = Pin::new(&mut self.inner).poll_next(cx);
        if matches!(polled, Poll::Ready(None | Some(Err(_)))) {
            self.ended.store(true, Ordering::Release);
        }
        polled
    }
}

/// How long a read of the multipart reader may wait once the body has ended.
const AFTER_THE_END: Duration = Duration::from_millis(300);

/// Waits for `next`, a read of the multipart reader of a body whose end `ended` tells:
/// a read that still waits after the body ended waits for nothing (a 400).
async fn read<T>(
    ended: &AtomicBool,
    next: impl Future<Output = Result<T, MultipartError>>,
) -> Result<Result<T, MultipartError>, AppError> {
    let mut next = std::pin::pin!(next);
    loop {
        match tokio::time::timeout(AFTER_THE_END, &mut next).await {
            Ok(result) => return Ok(result),
            Err(_) if ended.load(Ordering::Acquire) => {
                return Err(AppError::BadRequest("the upload ended in the middle of a part".to_owned()))
            }
            Err(_) => {}
        }
    }
}

/// A file sent with a form whose `csrf_token` matched the session's.
#[derive(Debug)]
pub struct Upload {
    /// The name the browser gave the file (may be empty), without control characters.
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// Why an upload was not taken (its form is shown again with a message).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UploadRefused {
    /// Larger than the limit: 413.
    TooLarge,
    /// No file chosen.
    NoFile,
    /// A file of no bytes.
    Empty,
}

/// The most bytes read from a multipart field that is not the file.
const SMALL_FIELD_BYTES: usize = 4096;
/// What a form's other fields and the multipart framing may add to the file's size.
const FORM_OVERHEAD_BYTES: usize = SMALL_FIELD_BYTES * 4;

/// The session's CSRF token; without one (no session) nothing can match: 403.
fn session_token(req: &HttpRequest) -> Result<String, AppError> {
    let expected: Option<String> = req.get_session().get(CSRF_KEY).ok().flatten();
    expected.filter(|t| !t.is_empty()).ok_or(AppError::CsrfRejected)
}

/// The body's length as its `Content-Length` declares it, if it does.
fn declared_length(req: &HttpRequest) -> Option<usize> {
    req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<usize>().ok())
}

/// Reads the next chunks of a multipart field up to `limit` bytes, into a buffer made
/// `capacity` large at first; `None` as soon as the limit is passed (the rest unread).
async fn read_field(
    field: &mut Field,
    ended: &AtomicBool,
    limit: usize,
    capacity: usize,
) -> Result<Option<Vec<u8>>, AppError> {
    let mut bytes = Vec::with_capacity(capacity.min(limit));
    while let Some(chunk) =
        read(ended, field.try_next()).await?.map_err(|e| AppError::BadRequest(format!("unreadable upload: {e}")))?
    {
        if bytes.len() + chunk.len() > limit {
            return Ok(None);
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(Some(bytes))
}

/// Reads a `csrf_token` field and compares it with `expected`: a 403 when it differs.
async fn check_token(field: &mut Field, ended: &AtomicBool, expected: &str) -> Result<(), AppError> {
    let given = read_field(field, ended, SMALL_FIELD_BYTES, 64).await?.unwrap_or_default();
    let given = String::from_utf8(given).unwrap_or_default();
    if constant_time_eq(expected, &given) {
        Ok(())
    } else {
        Err(AppError::CsrfRejected)
    }
}

/// Reads the file field `file_field` of a `multipart/form-data` body of at most `limit`
/// bytes, and checks its `csrf_token` field, wherever it comes: a form that puts it
/// before the file is refused before the file is read, one that puts it after is
/// refused once the file was read (and nothing done with it).
pub async fn read_csrf_upload(
    req: &HttpRequest,
    mut body: UploadBody,
    file_field: &str,
    limit: usize,
) -> Result<Result<Upload, UploadRefused>, AppError> {
    let expected = session_token(req)?;
    read_parts(req, &mut body, &expected, false, file_field, limit).await
}

/// A `multipart/form-data` form whose first part is its `csrf_token`, checked before
/// anything else of the body is read ([`TokenFirstUpload::open`]); then its file
/// ([`TokenFirstUpload::read_file`]).
pub struct TokenFirstUpload {
    body: UploadBody,
    expected: String,
}

impl TokenFirstUpload {
    /// Reads the form's first part: a 403 unless it is the session's `csrf_token`.
    pub async fn open(req: &HttpRequest, mut body: UploadBody) -> Result<Self, AppError> {
        let expected = session_token(req)?;
        let mut first = match read(&body.ended, body.multipart.try_next()).await {
            Ok(Ok(Some(field))) if field.name() == Some("csrf_token") => field,
            _ => return Err(AppError::CsrfRejected),
        };
        check_token(&mut first, &body.ended, &expected).await?;
        drop(first);
        Ok(TokenFirstUpload { body, expected })
    }

    /// Reads the rest of the form: its file field `file_field`, of at most `limit` bytes.
    pub async fn read_file(
        mut self,
        req: &HttpRequest,
        file_field: &str,
        limit: usize,
    ) -> Result<Result<Upload, UploadRefused>, AppError> {
        read_parts(req, &mut self.body, &self.expected, true, file_field, limit).await
    }
}

/// Reads the parts of a form for its file; `token_checked` when its token was read
/// already (another `csrf_token` part must match too). One file field at most.
async fn read_parts(
    req: &HttpRequest,
    body: &mut UploadBody,
    expected: &str,
    mut token_checked: bool,
    file_field: &str,
    limit: usize,
) -> Result<Result<Upload, UploadRefused>, AppError> {
    let declared = declared_length(req);
    if declared.is_some_and(|length| length > limit.saturating_add(FORM_OVERHEAD_BYTES)) {
        return Ok(Err(UploadRefused::TooLarge));
    }
    let mut upload: Option<Upload> = None;
    loop {
        let ended = &body.ended;
        let mut field = match read(ended, body.multipart.try_next()).await {
            Ok(Ok(Some(field))) => field,
            Ok(Ok(None)) => break,
            Err(_) | Ok(Err(_)) if !token_checked => return Err(AppError::CsrfRejected),
            Err(err) => return Err(err),
            Ok(Err(err)) => return Err(AppError::BadRequest(format!("unreadable upload: {err}"))),
        };
        match field.name() {
            Some("csrf_token") => {
                check_token(&mut field, ended, expected).await?;
                token_checked = true;
            }
            Some(name) if name == file_field => {
                if upload.is_some() {
                    return Err(AppError::BadRequest("more than one file in the form".to_owned()));
                }
                let file_name = field
                    .content_disposition()
                    .and_then(|d| d.get_filename())
                    .unwrap_or_default()
                    .chars()
                    .filter(|c| !c.is_control())
                    .take(1000)
                    .collect();
                match read_field(&mut field, ended, limit, declared.unwrap_or(0)).await? {
                    Some(bytes) => upload = Some(Upload { file_name, bytes }),
                    None => return Ok(Err(UploadRefused::TooLarge)),
                }
            }
            _ => {
                if read_field(&mut field, ended, SMALL_FIELD_BYTES, 64).await?.is_none() {
                    return Err(AppError::BadRequest("an unexpected large form field".to_owned()));
                }
            }
        }
    }
    if !token_checked {
        return Err(AppError::CsrfRejected);
    }
    Ok(match upload {
        Some(upload) if !upload.bytes.is_empty() => Ok(upload),
        Some(upload) if !upload.file_name.is_empty() => Err(UploadRefused::Empty),
        _ => Err(UploadRefused::NoFile),
    })
}
