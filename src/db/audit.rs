//! Queries on `audit_log`: who changed what, for administrators' actions.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::audit_log;
use super::{write_transaction, DbConnection};
use crate::clock::now;
use crate::domain::AuditAction;

/// The audit line of one change: who did what to what, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditLine {
    /// `None` for what the command line does (it has no signed-in person).
    pub actor_id: Option<i32>,
    pub action: AuditAction,
    /// What was changed: a program's slug, a person's e-mail address, …
    pub subject: String,
    pub details: String,
}

/// The one way to make an audited change: runs `change` in a write transaction and
/// writes the audit line it returns (if any) in the same transaction, so that both are
/// written or neither. `change` gets the transaction's time.
pub fn audited<T, E, F>(conn: &mut DbConnection, change: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConnection, NaiveDateTime) -> Result<(T, Option<AuditLine>), E>,
    E: From<diesel::result::Error>,
{
    write_transaction(conn, |conn| {
        let at = now();
        let (value, line) = change(conn, at)?;
        if let Some(line) = line {
            record(conn, line.actor_id, line.action, &line.subject, &line.details, at)?;
        }
        Ok(value)
    })
}

/// Records an action inside the caller's transaction (see [`audited`] for a change that
/// writes one line). The actor is `None` for what the command line does.
pub fn record(
    conn: &mut DbConnection,
    actor_id: Option<i32>,
    action: AuditAction,
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

/// An audit entry with the actor's name.
#[derive(Debug, Clone, Queryable)]
pub struct AuditEntry {
    pub id: i32,
    pub action: AuditAction,
    pub subject: String,
    pub details: String,
    pub created_at: NaiveDateTime,
    pub actor_name: Option<String>,
}

/// Up to `limit` entries older than `before`, newest first; `action` filters by the
/// start of the action name (`program.` for every program action).
pub fn page(
    conn: &mut DbConnection,
    action: &str,
    subject: &str,
    before: Option<i32>,
    limit: i64,
) -> QueryResult<Vec<AuditEntry>> {
    use super::schema::employees;
    let mut query =
        audit_log::table.left_join(employees::table.on(audit_log::actor_id.eq(employees::id.nullable()))).into_boxed();
    if !action.is_empty() {
        query = query.filter(audit_log::action.like(format!("{}%", action.replace(['%', '_'], ""))));
    }
    if !subject.is_empty() {
        query = query.filter(audit_log::subject.like(format!("%{}%", subject.replace(['%', '_'], ""))));
    }
    if let Some(before) = before {
        query = query.filter(audit_log::id.lt(before));
    }
    query
        .order(audit_log::id.desc())
        .limit(limit)
        .select((
            audit_log::id,
            audit_log::action,
            audit_log::subject,
            audit_log::details,
            audit_log::created_at,
            employees::display_name.nullable(),
        ))
        .load(conn)
}
