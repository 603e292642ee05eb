//! Files attached to an application: its owner attaches one from the application's page,
//! and everyone who sees the application downloads them.
//!
//! An upload is read in this order, each step refusing before the next reads anything:
//! the form's first part must be the session's CSRF token (403); the application must be
//! the viewer's own (404) and still take files (409); the body must be at most 10 MiB
//! (its `Content-Length`, then the bytes as they come: 413, the rest left unread); then
//! the file is scanned by the virus scanner (`--clamd`: 422 and an audit line when it
//! finds something, 503 when it can't be reached); then its first bytes must make it a
//! PDF, PNG or JPEG (`domain::evidence`, 422). Only then is it stored, with its timeline
//! event and audit line. Every refusal stores nothing.

use actix_web::http::header::{self, HeaderValue};
use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};

use super::detail::{application_page_with, Shown};
use crate::clamd::{self, Verdict};
use crate::clock::today;
use crate::db::workflow::{self, Attachment, RefusedFile, WorkflowError};
use crate::db::{self};
use crate::domain::evidence::{
    cleaned_name, content_disposition, download_name, file_type, kept_name, may_attach, FileRefusal, MAX_FILE_BYTES,
};
use crate::domain::ApplicationStatus;
use crate::security::sha256_hex_of;
use crate::web::error::AppError;
use crate::web::upload::{TokenFirstUpload, Upload, UploadBody, UploadRefused};
use crate::web::{redirect_with_flash, run_db, State, Viewer};

/// The file control of the form (and the multipart field it sends).
const FILE_FIELD: &str = "file"; // not a stored name

/// Attached files stored or read at once by one server. The database drivers copy a file
/// while they send or receive it (libpq twice); past this many, uploads and downloads
/// wait their turn, so that eight 10 MiB uploads at once stay well within memory
/// (`bench/uploads.sh`). SQLite writes one at a time anyway.
pub const FILE_TRANSFERS: usize = 2;

/// Waits for a turn to move a file to or from the database.
async fn transfer_turn(state: &State) -> Result<tokio::sync::OwnedSemaphorePermit, AppError> {
    state.file_transfers.clone().acquire_owned().await.map_err(|e| AppError::Internal(e.into()))
}

/// The application's page again, with why the file was not attached at its control.
async fn refused(
    state: &State,
    viewer: &Viewer,
    id: i32,
    refusal: &FileRefusal,
    status: StatusCode,
    req: &HttpRequest,
) -> Result<HttpResponse, AppError> {
    let shown = Shown { file_error: Some(refusal.message()), ..Shown::default() };
    application_page_with(state, viewer, id, shown, status, req).await
}

/// The application's page again, with a refusal that is not about the file.
async fn problem(
    state: &State,
    viewer: &Viewer,
    id: i32,
    message: String,
    status: StatusCode,
    req: &HttpRequest,
) -> Result<HttpResponse, AppError> {
    let shown = Shown { file_problem: Some(message), ..Shown::default() };
    application_page_with(state, viewer, id, shown, status, req).await
}

/// Why a closed application takes no file.
fn closed_message(status: ApplicationStatus) -> String {
    let t = crate::web::language::words();
    t.with("evidence-closed", "status", t.name(status).to_lowercase())
}

#[post("/applications/{id}/files")]
pub async fn attach_file(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    req: HttpRequest,
    body: UploadBody,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let form = TokenFirstUpload::open(&req, body).await?;
    let owner = viewer.id();
    let status = run_db(&state, move |conn| {
        let application = db::applications::find(conn, id)?;
        if application.employee_id != owner {
            return Err(AppError::NotFound);
        }
        Ok(application.status)
    })
    .await?;
    if !may_attach(status) {
        return problem(&state, &viewer, id, closed_message(status), StatusCode::CONFLICT, &req).await;
    }
    let upload = match form.read_file(&req, FILE_FIELD, MAX_FILE_BYTES).await? {
        Ok(upload) => upload,
        Err(refusal) => {
            let (refusal, status) = match refusal {
                UploadRefused::TooLarge => (FileRefusal::TooLarge, StatusCode::PAYLOAD_TOO_LARGE),
                UploadRefused::NoFile => (FileRefusal::NoFile, StatusCode::UNPROCESSABLE_ENTITY),
                UploadRefused::Empty => (FileRefusal::Empty, StatusCode::UNPROCESSABLE_ENTITY),
            };
            return refused(&state, &viewer, id, &refusal, status, &req).await;
        }
    };
    if let Some(answer) = scan(&state, &viewer, id, &upload, &req).await? {
        return Ok(answer);
    }
    let file_type = match file_type(&upload.bytes) {
        Ok(file_type) => file_type,
        Err(refusal) => return refused(&state, &viewer, id, &refusal, StatusCode::UNPROCESSABLE_ENTITY, &req).await,
    };
    let name = kept_name(&upload.file_name, file_type);
    let (stored_name, size, owner) = (name.clone(), upload.bytes.len(), viewer.employee.clone());
    let turn = transfer_turn(&state).await?;
    let attached = run_db(&state, move |conn| {
        // Hashed here, on the blocking pool: ten megabytes take the worker's thread for a while.
        let sha256 = sha256_hex_of(&upload.bytes);
        let attachment =
            Attachment { application_id: id, name: &stored_name, file_type, sha256: &sha256, content: &upload.bytes };
        Ok(workflow::attach_file(conn, &owner, &attachment))
    })
    .await?;
    drop(turn);
    match attached {
        Ok(file_id) => {
            let scanned = state.settings.clamd.is_some();
            tracing::info!(application = id, file = file_id, size, scanned, "file attached");
            let attached = crate::web::language::words().with("evidence-attached", "name", &name);
            Ok(redirect_with_flash(&format!("/applications/{id}"), "success", &attached))
        }
        Err(WorkflowError::Stale { status }) => {
            problem(&state, &viewer, id, closed_message(status), StatusCode::CONFLICT, &req).await
        }
        Err(other) => Err(other.into()),
    }
}

/// Scans the upload when a virus scanner is set (`--clamd`). `None` when the file may go
/// on; else the answer: a file the scanner refused (422, with its audit line), or the
/// scanner out of reach (503, the cause in the log).
async fn scan(
    state: &State,
    viewer: &Viewer,
    id: i32,
    upload: &Upload,
    req: &HttpRequest,
) -> Result<Option<HttpResponse>, AppError> {
    let Some(address) = &state.settings.clamd else { return Ok(None) };
    match clamd::scan(address, state.settings.clamd_timeout, &upload.bytes).await {
        Ok(Verdict::Clean) => Ok(None),
        Ok(Verdict::Infected(signature)) => {
            let sha256 = sha256_hex_of(&upload.bytes);
            tracing::warn!(application = id, %signature, sha256, "the virus scanner refused an attached file");
            let (uploader, name, size) = (viewer.id(), cleaned_name(&upload.file_name), upload.bytes.len());
            let signature_text = signature.clone();
            run_db(state, move |conn| {
                let refused =
                    RefusedFile { application_id: id, name: &name, size, sha256: &sha256, signature: &signature_text };
                Ok(workflow::record_infected_file(conn, uploader, &refused)?)
            })
            .await?;
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            Ok(Some(refused(state, viewer, id, &FileRefusal::Infected(signature), status, req).await?))
        }
        Err(err) => {
            tracing::error!(error = %err, application = id, "the virus scanner could not scan an attached file");
            let message = crate::web::language::words().m("evidence-scanner-down").to_owned();
            let mut answer = problem(state, viewer, id, message, StatusCode::SERVICE_UNAVAILABLE, req).await?;
            answer.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
            Ok(Some(answer))
        }
    }
}

#[get("/applications/{id}/files/{file_id}")]
pub async fn download_file(
    state: State,
    viewer: Viewer,
    path: web::Path<(i32, i32)>,
) -> Result<HttpResponse, AppError> {
    let (id, file_id) = path.into_inner();
    let employee = viewer.employee.clone();
    let turn = transfer_turn(&state).await?;
    let (file, content) = run_db(&state, move |conn| {
        let application = db::applications::find(conn, id)?;
        if !workflow::authority(conn, &application, &employee, today())?.sees_application() {
            return Err(AppError::NotFound);
        }
        Ok(db::evidence::with_content(conn, id, file_id)?)
    })
    .await?;
    drop(turn);
    let name = download_name(&file.original_name, file.content_type);
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, file.content_type.mime_type()))
        .insert_header((header::CONTENT_DISPOSITION, content_disposition(&name)))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        // Opened in a tab after all (a PDF viewer's "open"), it runs nothing and reaches nothing.
        .insert_header((header::CONTENT_SECURITY_POLICY, "sandbox"))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(content))
}
