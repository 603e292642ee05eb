//! Queries on `applications`.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{applications, programs};
use super::DbConnection;

/// An application as listed to its owner.
#[derive(Debug, Clone, Queryable)]
pub struct ApplicationSummary {
    pub id: i32,
    pub program_name: String,
    pub program_slug: String,
    pub status: String,
    pub submitted_at: NaiveDateTime,
}

/// An employee's applications, newest first.
pub fn list_for_employee(
    conn: &mut DbConnection,
    employee_id: i32,
    limit: i64,
) -> QueryResult<Vec<ApplicationSummary>> {
    applications::table
        .inner_join(programs::table)
        .filter(applications::employee_id.eq(employee_id))
        .order(applications::id.desc())
        .limit(limit)
        .select((applications::id, programs::name, programs::slug, applications::status, applications::submitted_at))
        .load(conn)
}

/// How many applications wait on this person's decision as a manager.
pub fn count_awaiting_manager(conn: &mut DbConnection, approver_id: i32) -> QueryResult<i64> {
    applications::table
        .filter(applications::approver_id.eq(approver_id))
        .filter(applications::status.eq("submitted"))
        .count()
        .get_result(conn)
}

/// How many applications wait on the admin stage.
pub fn count_awaiting_admin(conn: &mut DbConnection) -> QueryResult<i64> {
    applications::table.filter(applications::status.eq("manager_approved")).count().get_result(conn)
}

/// Statuses whose covered tuition counts against the yearly cap.
pub const TUITION_COMMITTING_STATUSES: [&str; 6] =
    ["submitted", "changes_requested", "manager_approved", "approved", "waitlisted", "completed"];

/// The covered tuition amounts an employee already has committed to a program for
/// terms starting in `year` (summed by the caller: a handful of rows at most).
pub fn committed_tuition_cents(
    conn: &mut DbConnection,
    employee_id: i32,
    program_id: i32,
    year: i32,
) -> QueryResult<Vec<i64>> {
    let (Some(first), Some(last)) =
        (chrono::NaiveDate::from_ymd_opt(year, 1, 1), chrono::NaiveDate::from_ymd_opt(year, 12, 31))
    else {
        return Ok(Vec::new());
    };
    applications::table
        .filter(applications::employee_id.eq(employee_id))
        .filter(applications::program_id.eq(program_id))
        .filter(applications::status.eq_any(TUITION_COMMITTING_STATUSES))
        .filter(applications::term_starts_on.between(first, last))
        .select(applications::covered_cents)
        .load::<Option<i64>>(conn)
        .map(|rows| rows.into_iter().flatten().collect())
}
