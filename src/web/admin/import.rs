//! Importing employees from the HR system's CSV export: upload, preview, commit.
//!
//! The upload is checked and previewed; a file without errors is kept in the database
//! (`employee_imports`), not on this server, so that any app server can take the
//! commit. The commit checks the stored file again against the directory as it is then
//! and writes everything in one transaction, or shows the preview again (422).

use actix_web::http::StatusCode;
use actix_web::{get, post, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::require_admin;
use crate::clock::today;
use crate::db::import::{self as import_db, ImportOutcome, ImportRequest, ImportSummary};
use crate::domain::forms::FieldErrors;
use crate::domain::import::{decode, ImportPlan, RowAction};
use crate::domain::message::{Arg, Message};
use crate::i18n::Tr;
use crate::web::error::AppError;
use crate::web::input::FormFields;
use crate::web::language::words;
use crate::web::{
    page_with_status, read_csrf_upload, redirect_with_flash, run_db, Chrome, CsrfForm, State, UploadRefused, Viewer,
};

/// The largest file accepted: a 300,000-person export is about 50 MB.
pub const MAX_UPLOAD_BYTES: usize = 64 * 1024 * 1024;
/// Errors, and changed people, listed on the preview (the counts cover all).
pub const SHOWN_ROWS: usize = 200;

#[derive(Template)]
#[template(path = "admin/import.html")]
struct UploadPage {
    chrome: Chrome,
    /// The file's message, if it was refused.
    errors: FieldErrors,
    max_mib: usize,
}

fn upload_page(
    req: &HttpRequest,
    viewer: &Viewer,
    error: Option<Message>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let mut errors = FieldErrors::default();
    if let Some(message) = error {
        errors.add("file", message); // not a stored name
    }
    let template = UploadPage { chrome: viewer.chrome(super::NAV), errors, max_mib: MAX_UPLOAD_BYTES / (1024 * 1024) };
    page_with_status(req, &template, status)
}

/// One error of the preview.
pub struct ErrorView {
    pub line: u64,
    pub email: String,
    pub column: String,
    pub message: String,
}

/// One value shown for a new or changed person.
pub struct ChangeLine {
    pub column: &'static str,
    pub before: String,
    pub after: String,
}

/// A new or changed person of the preview.
pub struct ChangeView {
    pub line: u64,
    pub email: String,
    pub name: String,
    /// `new` or `update`.
    pub kind: &'static str,
    pub details: Vec<ChangeLine>,
}

#[derive(Template)]
#[template(path = "admin/import_preview.html")]
struct PreviewPage {
    chrome: Chrome,
    file_name: String,
    /// The stored upload to commit; `None` when the file can't be imported.
    upload_id: Option<i32>,
    /// Why the preview is shown again instead of a commit.
    problem: Option<String>,
    lines_read: usize,
    new_count: usize,
    updated_count: usize,
    unchanged_count: usize,
    error_lines: usize,
    notes: Vec<String>,
    file_errors: Vec<String>,
    errors: Vec<ErrorView>,
    errors_total: usize,
    changes: Vec<ChangeView>,
    changes_total: usize,
}

/// An empty value, visibly: "(none)" in the reader's language.
fn shown(none: &str, value: &str) -> String {
    if value.is_empty() {
        none.to_owned()
    } else {
        value.to_owned()
    }
}

fn preview_page(
    req: &HttpRequest,
    viewer: &Viewer,
    file_name: String,
    plan: &ImportPlan,
    upload_id: Option<i32>,
    problem: Option<String>,
) -> Result<HttpResponse, AppError> {
    let t = words();
    let errors = plan
        .errors
        .iter()
        .take(SHOWN_ROWS)
        .map(|e| ErrorView {
            line: e.line,
            email: e.email.clone(),
            column: e.column.unwrap_or_default().to_owned(),
            message: t.say(&e.message),
        })
        .collect();
    let none = t.m("import-preview-none");
    let changed = plan.rows.iter().filter(|r| !matches!(r.action, RowAction::Unchanged { .. }));
    let changes_total = changed.clone().count();
    let changes = changed
        .take(SHOWN_ROWS)
        .map(|planned| {
            let row = &planned.row;
            let (kind, details) = match &planned.action {
                RowAction::Update { changes, .. } => (
                    "update",
                    changes
                        .iter()
                        .map(|c| ChangeLine {
                            column: c.column,
                            before: shown(none, &c.before),
                            after: shown(none, &c.after),
                        })
                        .collect(),
                ),
                _ => {
                    let manager = row.manager_email.as_ref().map_or(String::new(), ToString::to_string);
                    let mut details = vec![
                        ChangeLine { column: "job_title", before: String::new(), after: shown(none, &row.job_title) },
                        ChangeLine { column: "manager_email", before: String::new(), after: shown(none, &manager) },
                    ];
                    if row.is_admin {
                        details.push(ChangeLine {
                            column: "is_admin",
                            before: String::new(),
                            after: "true".to_owned(),
                        });
                    }
                    ("new", details)
                }
            };
            ChangeView { line: row.line, email: row.email.to_string(), name: row.display_name.clone(), kind, details }
        })
        .collect();
    let template = PreviewPage {
        chrome: viewer.chrome(super::NAV),
        file_name,
        upload_id,
        problem,
        lines_read: plan.lines_read,
        new_count: plan.new_count(),
        updated_count: plan.updated_count(),
        unchanged_count: plan.unchanged_count(),
        error_lines: plan.lines_with_errors() + plan.file_errors.len(),
        notes: plan.notes.iter().map(|note| t.say(note)).collect(),
        file_errors: plan.file_errors.iter().map(|error| t.say(error)).collect(),
        errors,
        errors_total: plan.errors.len(),
        changes,
        changes_total,
    };
    let status = if plan.has_errors() { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    page_with_status(req, &template, status)
}

#[get("/admin/employees/import")]
pub async fn show_import_form(viewer: Viewer, req: HttpRequest) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    upload_page(&req, &viewer, None, StatusCode::OK)
}

#[post("/admin/employees/import")]
pub async fn preview_import(
    state: State,
    viewer: Viewer,
    req: HttpRequest,
    body: crate::web::upload::UploadBody,
) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    let field = "file"; // not a stored name
    let upload = match read_csrf_upload(&req, body, field, MAX_UPLOAD_BYTES).await? {
        Ok(upload) => upload,
        Err(UploadRefused::TooLarge) => {
            let message = Message::new("import-preview-too-large").number("mib", MAX_UPLOAD_BYTES / (1024 * 1024));
            return upload_page(&req, &viewer, Some(message), StatusCode::PAYLOAD_TOO_LARGE);
        }
        Err(UploadRefused::NoFile | UploadRefused::Empty) => {
            let message = Message::new("import-preview-no-file");
            return upload_page(&req, &viewer, Some(message), StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let text = match decode(upload.bytes) {
        Ok(text) => text,
        Err(message) => return upload_page(&req, &viewer, Some(message), StatusCode::UNPROCESSABLE_ENTITY),
    };
    let file_name = if upload.file_name.is_empty() { "upload.csv".to_owned() } else { upload.file_name };
    let (admin_id, admin_email) = (viewer.id(), viewer.employee.email.clone());
    let name = file_name.clone();
    let (plan, upload_id) = run_db(&state, move |conn| {
        let request = ImportRequest {
            text: &text,
            file_name: &name,
            today: today(),
            actor: Some((admin_id, &admin_email)),
            options: Default::default(),
        };
        let plan = import_db::preview(conn, &request, &mut |_, _, _| {})?;
        let upload_id =
            if plan.has_errors() { None } else { Some(import_db::store_upload(conn, admin_id, &name, &text)?) };
        Ok((plan, upload_id))
    })
    .await?;
    preview_page(&req, &viewer, file_name, &plan, upload_id, None)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CommitForm {
    upload_id: String,
}

impl FormFields for CommitForm {
    const CHECKED_TEXT: &'static [&'static str] = &[];
}

#[post("/admin/employees/import/commit")]
pub async fn commit_import(
    state: State,
    viewer: Viewer,
    form: CsrfForm<CommitForm>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    let upload_id: i32 =
        form.0.upload_id.trim().parse().map_err(|_| AppError::BadRequest("upload_id is not a number".to_owned()))?;
    let (admin_id, admin_email) = (viewer.id(), viewer.employee.email.clone());
    let outcome = run_db(&state, move |conn| {
        Ok(import_db::commit_stored_import(conn, upload_id, (admin_id, &admin_email), today())?)
    })
    .await?;
    match outcome {
        None => {
            Ok(redirect_with_flash("/admin/employees/import", "error", words().m("import-preview-already-committed")))
        }
        Some(ImportOutcome::Imported(summary)) => {
            Ok(redirect_with_flash("/admin/employees/import", "success", &imported(words(), &summary)))
        }
        Some(ImportOutcome::Refused(plan)) => {
            let problem = words().m("import-preview-directory-changed").to_owned();
            preview_page(&req, &viewer, String::new(), &plan, None, Some(problem))
        }
    }
}

/// The flash after a commit: what the import did, in the reader's language. The same
/// sentence as [`ImportSummary::describe`] (which the command line and the audit log keep
/// in English), part by part from the catalog.
fn imported(t: Tr, summary: &ImportSummary) -> String {
    let number = |n: usize| Arg::Number(i64::try_from(n).unwrap_or(i64::MAX));
    let mut parts = vec![t.args(
        "import-preview-summary",
        &[("new", number(summary.new)), ("updated", number(summary.updated)), ("unchanged", number(summary.unchanged))],
    )];
    if summary.left > 0 {
        parts.push(t.count("import-preview-summary-left", summary.left));
    }
    if summary.managers_changed > 0 {
        parts.push(t.args(
            "import-preview-summary-managers",
            &[("managers", number(summary.managers_changed)), ("moved", number(summary.applications_moved))],
        ));
    }
    // The first 20 addresses, then how many more.
    let list = |emails: &[String]| {
        let addresses = emails.iter().take(20).map(String::as_str).collect::<Vec<_>>().join(", ");
        if emails.len() > 20 {
            t.count_with("import-preview-summary-more", emails.len() - 20, "list", addresses)
        } else {
            addresses
        }
    };
    if !summary.admins_granted.is_empty() {
        parts.push(t.with("import-preview-summary-admins-given", "people", list(&summary.admins_granted)));
    }
    if !summary.admins_removed.is_empty() {
        parts.push(t.with("import-preview-summary-admins-taken", "people", list(&summary.admins_removed)));
    }
    t.with("import-preview-imported", "summary", parts.join("; "))
}
