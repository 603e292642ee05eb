//! Queries on `credentials`: the certificate or certification recorded for an
//! application of a credential program, one per application.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::schema::credentials;
use super::DbConnection;
use crate::domain::completion::CredentialDraft;

/// One row of `credentials`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = credentials)]
pub struct Credential {
    pub id: i32,
    pub application_id: i32,
    pub name: String,
    pub credential_id: String,
    pub earned_on: NaiveDate,
    /// An http(s) address where the credential can be checked.
    pub verification_url: Option<String>,
    pub recorded_by: i32,
    pub recorded_at: NaiveDateTime,
}

/// The credential of an application, if one was recorded.
pub fn for_application(conn: &mut DbConnection, application_id: i32) -> QueryResult<Option<Credential>> {
    credentials::table
        .filter(credentials::application_id.eq(application_id))
        .select(Credential::as_select())
        .first(conn)
        .optional()
}

/// The credentials of several applications (a learning record), one query.
pub fn for_applications(conn: &mut DbConnection, application_ids: &[i32]) -> QueryResult<Vec<Credential>> {
    credentials::table
        .filter(credentials::application_id.eq_any(application_ids))
        .select(Credential::as_select())
        .load(conn)
}

/// Records the credential of an application, replacing one sent before (the evidence was
/// returned and is sent again). Runs inside the caller's transaction.
pub fn record(
    conn: &mut DbConnection,
    application_id: i32,
    draft: &CredentialDraft,
    recorded_by: i32,
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::delete(credentials::table.filter(credentials::application_id.eq(application_id))).execute(conn)?;
    diesel::insert_into(credentials::table)
        .values((
            credentials::application_id.eq(application_id),
            credentials::name.eq(&draft.name),
            credentials::credential_id.eq(&draft.credential_id),
            credentials::earned_on.eq(draft.earned_on),
            credentials::verification_url.eq(draft.verification_url.as_deref()),
            credentials::recorded_by.eq(recorded_by),
            credentials::recorded_at.eq(at),
        ))
        .execute(conn)?;
    Ok(())
}
