//! Files attached to an application: the file, its timeline event and its audit line in
//! one transaction; and the audit line of a file the virus scanner refused.

use diesel::prelude::*;

use super::steps::lock_application;
use super::WorkflowError;
use crate::db::audit::{self, AuditLine};
use crate::db::employees::Employee;
use crate::db::events::{self, NewEvent};
use crate::db::evidence::{self, AttachedFile, NewEvidenceFile};
use crate::db::schema::{applications, employees, programs};
use crate::db::{write_transaction, DbConnection};
use crate::domain::evidence::{may_attach, size_label};
use crate::domain::{AuditAction, Event, FileType};

/// A checked file to attach: its kept name, its type by content, its SHA-256.
#[derive(Debug)]
pub struct Attachment<'a> {
    pub application_id: i32,
    pub name: &'a str,
    pub file_type: FileType,
    pub sha256: &'a str,
    pub content: &'a [u8],
}

/// The audit log's subject for an application: `owner@… / program-slug`.
fn subject(conn: &mut DbConnection, application_id: i32) -> QueryResult<String> {
    let (email, slug): (String, String) = applications::table
        .inner_join(employees::table.on(employees::id.eq(applications::employee_id)))
        .inner_join(programs::table)
        .filter(applications::id.eq(application_id))
        .select((employees::email, programs::slug))
        .first(conn)?;
    Ok(format!("{email} / {slug}"))
}

/// What the audit log says of a file: `application 12: “letter.pdf” (PDF, 120 KB, SHA-256 …)`.
fn described(application_id: i32, name: &str, kind: Option<FileType>, size: usize, sha256: &str) -> String {
    let size = size_label(i64::try_from(size).unwrap_or(i64::MAX));
    let kind = kind.map(|k| format!("{}, ", k.label())).unwrap_or_default();
    format!("application {application_id}: “{name}” ({kind}{size}, SHA-256 {sha256})")
}

/// Attaches a file to the owner's application, with its timeline event and audit line;
/// returns the file's id. Someone else's application is `NotFound`; a withdrawn or
/// rejected one (closed since the page was shown, or asked for directly) is `Stale`.
pub fn attach_file(
    conn: &mut DbConnection,
    owner: &Employee,
    attachment: &Attachment<'_>,
) -> Result<i32, WorkflowError> {
    write_transaction(conn, |conn| {
        let application = lock_application(conn, attachment.application_id)?;
        if application.employee_id != owner.id {
            return Err(WorkflowError::NotFound);
        }
        if !may_attach(application.status) {
            return Err(WorkflowError::Stale { status: application.status });
        }
        let at = crate::clock::now();
        let size = attachment.content.len();
        let file_id = evidence::insert(
            conn,
            &NewEvidenceFile {
                application_id: application.id,
                uploaded_by: owner.id,
                uploaded_at: at,
                original_name: attachment.name,
                content_type: attachment.file_type,
                size_bytes: i64::try_from(size).unwrap_or(i64::MAX),
                sha256: attachment.sha256,
                content: attachment.content,
            },
        )?;
        let details = serde_json::to_string(&AttachedFile { file_id, name: attachment.name.to_owned() })
            .map_err(|e| WorkflowError::Database(diesel::result::Error::SerializationError(Box::new(e))))?;
        events::insert(
            conn,
            &NewEvent {
                application_id: application.id,
                actor_id: Some(owner.id),
                acting_for_id: None,
                action: Event::FileAttached,
                from_status: Some(application.status),
                to_status: application.status,
                comment: None,
                details: Some(details),
                created_at: at,
            },
        )?;
        let subject = subject(conn, application.id)?;
        let details = described(application.id, attachment.name, Some(attachment.file_type), size, attachment.sha256);
        audit::record(conn, Some(owner.id), AuditAction::ApplicationFileAttached, &subject, &details, at)?;
        Ok(file_id)
    })
}

/// A file the virus scanner refused, as the audit log keeps it (nothing else is stored).
#[derive(Debug)]
pub struct RefusedFile<'a> {
    pub application_id: i32,
    pub name: &'a str,
    pub size: usize,
    pub sha256: &'a str,
    /// The scanner's name for what it found.
    pub signature: &'a str,
}

/// Writes the audit line of a file the virus scanner refused.
pub fn record_infected_file(conn: &mut DbConnection, uploader: i32, refused: &RefusedFile<'_>) -> QueryResult<()> {
    audit::audited(conn, |conn, _| {
        let details = format!(
            "{}: refused by the virus scanner ({})",
            described(refused.application_id, refused.name, None, refused.size, refused.sha256),
            refused.signature
        );
        let line = AuditLine {
            actor_id: Some(uploader),
            action: AuditAction::ApplicationFileInfected,
            subject: subject(conn, refused.application_id)?,
            details,
        };
        Ok(((), Some(line)))
    })
}
