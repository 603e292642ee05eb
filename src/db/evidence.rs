//! Queries on `evidence_files`, the files attached to applications. A list never reads a
//! file's content; only a download does, one file at a time. Attaching a file goes through
//! `db::workflow::attach_file` (the row, its timeline event and its audit line together).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{employees, evidence_files};
use super::DbConnection;
use crate::domain::FileType;

/// A file to store.
#[derive(Debug, Insertable)]
#[diesel(table_name = evidence_files)]
pub struct NewEvidenceFile<'a> {
    pub application_id: i32,
    pub uploaded_by: i32,
    pub uploaded_at: NaiveDateTime,
    pub original_name: &'a str,
    pub content_type: FileType,
    pub size_bytes: i64,
    /// The SHA-256 of the content, hex.
    pub sha256: &'a str,
    pub content: &'a [u8],
}

/// A stored file without its content.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = evidence_files)]
pub struct EvidenceFile {
    pub id: i32,
    pub application_id: i32,
    pub uploaded_by: i32,
    pub uploaded_at: NaiveDateTime,
    pub original_name: String,
    pub content_type: FileType,
    pub size_bytes: i64,
    pub sha256: String,
}

/// A file of an application's list, with the name of who attached it.
#[derive(Debug, Clone)]
pub struct ListedFile {
    pub file: EvidenceFile,
    pub uploader_name: String,
}

/// What an application's timeline keeps of an attached file (`application_events.details`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AttachedFile {
    pub file_id: i32,
    pub name: String,
}

/// Stores a file; returns its id.
pub fn insert(conn: &mut DbConnection, file: &NewEvidenceFile<'_>) -> QueryResult<i32> {
    diesel::insert_into(evidence_files::table).values(file).returning(evidence_files::id).get_result(conn)
}

/// The files of an application, oldest first, without their content.
pub fn for_application(conn: &mut DbConnection, application_id: i32) -> QueryResult<Vec<ListedFile>> {
    let rows: Vec<(EvidenceFile, String)> = evidence_files::table
        .inner_join(employees::table.on(employees::id.eq(evidence_files::uploaded_by)))
        .filter(evidence_files::application_id.eq(application_id))
        .order(evidence_files::id.asc())
        .select((EvidenceFile::as_select(), employees::display_name))
        .load(conn)?;
    Ok(rows.into_iter().map(|(file, uploader_name)| ListedFile { file, uploader_name }).collect())
}

/// One file of an application with its content; `NotFound` when the application has no
/// such file.
pub fn with_content(
    conn: &mut DbConnection,
    application_id: i32,
    file_id: i32,
) -> QueryResult<(EvidenceFile, Vec<u8>)> {
    evidence_files::table
        .filter(evidence_files::id.eq(file_id))
        .filter(evidence_files::application_id.eq(application_id))
        .select((EvidenceFile::as_select(), evidence_files::content))
        .first(conn)
}
