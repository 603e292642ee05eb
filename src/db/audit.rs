//! Queries on `audit_log`: who changed what, for administrators' actions.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::audit_log;
use super::DbConnection;

/// Records an administrative action, inside the caller's transaction. The actor is
/// `None` for what the command line does (it has no signed-in person).
pub fn record(
    conn: &mut DbConnection,
    actor_id: Option<i32>,
    action: &str,
    subject: &str,
    details: &str,
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::actor_id.eq(actor_id),
            audit_log::action.eq(action),
            audit_log::subject.eq(subject),
            audit_log::details.eq(details),
            audit_log::created_at.eq(at),
        ))
        .execute(conn)
        .map(|_| ())
}
