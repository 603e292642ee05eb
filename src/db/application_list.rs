//! The administrators' list of every application, its filters and its keyset pages (also
//! read by the CSV export).

use chrono::NaiveDateTime;
use diesel::dsl::sql;
use diesel::expression::SqlLiteral;
use diesel::prelude::*;
use diesel::sql_types::{Nullable, Text};

use super::schema::{applications, employees, intakes, programs};
use super::DbConnection;
use crate::domain::{ApplicationStatus, SiteType};

/// The filters of the administrators' application list and its CSV export.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AdminFilter {
    pub status: Option<ApplicationStatus>,
    pub program_id: Option<i32>,
    /// The programs the viewer runs, when not every program (a program team's member).
    pub within_programs: Option<Vec<i32>>,
    pub site_type: Option<SiteType>,
    /// Created on or after this time.
    pub from: Option<NaiveDateTime>,
    /// Created before this time.
    pub until: Option<NaiveDateTime>,
}

/// A line of the administrators' application list (and of the CSV export). Its times
/// are `YYYY-MM-DD HH:MM:SS` text, formatted by the database: the export writes them as
/// they come, and a million of them parsed into dates and printed again cost a fifth of
/// the export's time.
#[derive(Debug, Clone, Queryable)]
pub struct AdminRow {
    pub id: i32,
    pub created_at: String,
    pub submitted_at: String,
    pub decided_at: Option<String>,
    pub status: ApplicationStatus,
    pub site_type: SiteType,
    pub employee_name: String,
    pub employee_email: String,
    pub program_name: String,
    pub intake_name: Option<String>,
    pub amount_cents: Option<i64>,
    pub covered_cents: Option<i64>,
}

/// A timestamp column as `YYYY-MM-DD HH:MM:SS` text, the same on both backends.
fn timestamp_text<T: diesel::sql_types::SqlType + diesel::sql_types::SingleValue>(
    conn: &DbConnection,
    column: &str,
) -> SqlLiteral<T> {
    match conn {
        DbConnection::Sqlite(_) => sql::<T>(&format!("strftime('%Y-%m-%d %H:%M:%S', {column})")),
        DbConnection::Postgresql(_) => sql::<T>(&format!("to_char({column}, 'YYYY-MM-DD HH24:MI:SS')")),
    }
}

/// Reads back a time written by [`timestamp_text`].
pub fn parse_timestamp_text(text: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").ok()
}

/// Up to `limit` applications matching `filter` with ids below `before` (newest first):
/// keyset pagination, as fast on the last page as on the first.
pub fn admin_page(
    conn: &mut DbConnection,
    filter: &AdminFilter,
    before: Option<i32>,
    limit: i64,
) -> QueryResult<Vec<AdminRow>> {
    let mut query = applications::table
        .inner_join(employees::table.on(employees::id.eq(applications::employee_id)))
        .inner_join(programs::table)
        .left_join(intakes::table)
        .into_boxed();
    if let Some(status) = &filter.status {
        query = query.filter(applications::status.eq(*status));
    }
    if let Some(program_id) = filter.program_id {
        query = query.filter(applications::program_id.eq(program_id));
    }
    if let Some(programs) = &filter.within_programs {
        query = query.filter(applications::program_id.eq_any(programs.clone()));
    }
    if let Some(site_type) = &filter.site_type {
        query = query.filter(applications::site_type.eq(*site_type));
    }
    if let Some(from) = filter.from {
        query = query.filter(applications::created_at.ge(from));
    }
    if let Some(until) = filter.until {
        query = query.filter(applications::created_at.lt(until));
    }
    // A dated list is read along `applications_created (created_at, id)`, newest first:
    // walking by id and filtering on dates would read the rows outside the range too.
    let dated = filter.from.is_some() || filter.until.is_some();
    match (before, dated) {
        (Some(before), true) => {
            let Some(cursor) = applications::table
                .find(before)
                .select(applications::created_at)
                .first::<NaiveDateTime>(conn)
                .optional()?
            else {
                return Ok(Vec::new());
            };
            // `created_at <= cursor` bounds the walk so the index can seek to it.
            query = query.filter(
                applications::created_at
                    .le(cursor)
                    .and(applications::created_at.lt(cursor).or(applications::id.lt(before))),
            );
        }
        (Some(before), false) => query = query.filter(applications::id.lt(before)),
        (None, _) => {}
    }
    query = if dated {
        query.order((applications::created_at.desc(), applications::id.desc()))
    } else {
        query.order(applications::id.desc())
    };
    let created_at = timestamp_text::<Text>(conn, "applications.created_at");
    let submitted_at = timestamp_text::<Text>(conn, "applications.submitted_at");
    let decided_at = timestamp_text::<Nullable<Text>>(conn, "applications.decided_at");
    query
        .limit(limit)
        .select((
            applications::id,
            created_at,
            submitted_at,
            decided_at,
            applications::status,
            applications::site_type,
            employees::display_name,
            employees::email,
            programs::name,
            intakes::name.nullable(),
            applications::amount_cents,
            applications::covered_cents,
        ))
        .load(conn)
}
