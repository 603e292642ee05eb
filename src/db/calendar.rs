//! Queries for calendars: the places that go in them, and `calendar_feeds`, each
//! employee's feed token, stored only as its SHA-256.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::schema::{applications, calendar_feeds, employees, intakes, programs};
use super::{lock_row, DbConnection, LockableTable};
use crate::domain::ApplicationStatus;

/// A place in an intake, as a calendar event shows it.
#[derive(Debug, Clone, Queryable)]
pub struct Place {
    pub application_id: i32,
    pub employee_id: i32,
    pub status: ApplicationStatus,
    pub program_name: String,
    pub program_slug: String,
    pub intake_name: String,
    pub starts_on: NaiveDate,
}

type PlaceColumns = (
    applications::id,
    applications::employee_id,
    applications::status,
    programs::name,
    programs::slug,
    intakes::name,
    intakes::starts_on,
);

const PLACE_COLUMNS: PlaceColumns = (
    applications::id,
    applications::employee_id,
    applications::status,
    programs::name,
    programs::slug,
    intakes::name,
    intakes::starts_on,
);

/// The application `id` with its intake, whatever its status; `None` when it does not
/// exist or has no intake.
pub fn place_of_application(conn: &mut DbConnection, id: i32) -> QueryResult<Option<Place>> {
    applications::table
        .inner_join(programs::table)
        .inner_join(intakes::table)
        .filter(applications::id.eq(id))
        .select(PLACE_COLUMNS)
        .first(conn)
        .optional()
}

/// The places an employee holds in intakes (approved or completed), by start date.
pub fn places_of(conn: &mut DbConnection, employee_id: i32) -> QueryResult<Vec<Place>> {
    applications::table
        .inner_join(programs::table)
        .inner_join(intakes::table)
        .filter(applications::employee_id.eq(employee_id))
        .filter(applications::status.eq_any(ApplicationStatus::SEAT_HOLDING))
        .order((intakes::starts_on.asc(), applications::id.asc()))
        .select(PLACE_COLUMNS)
        .load(conn)
}

/// The employee's feed, if they have one: when its address was made, and its token's hash.
pub fn feed_of(conn: &mut DbConnection, employee_id: i32) -> QueryResult<Option<(NaiveDateTime, String)>> {
    calendar_feeds::table
        .find(employee_id)
        .select((calendar_feeds::created_at, calendar_feeds::token_hash))
        .first(conn)
        .optional()
}

/// The active employee whose feed token hashes to `token_hash`.
pub fn feed_owner(conn: &mut DbConnection, token_hash: &str) -> QueryResult<Option<i32>> {
    calendar_feeds::table
        .inner_join(employees::table)
        .filter(calendar_feeds::token_hash.eq(token_hash))
        .filter(employees::active.eq(true))
        .select(calendar_feeds::employee_id)
        .first(conn)
        .optional()
}

/// Gives the employee a feed with the token hashing to `token_hash`, replacing the one
/// they had; returns whether there was one. Inside the caller's write transaction.
pub fn replace_feed(
    conn: &mut DbConnection,
    employee_id: i32,
    token_hash: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    // Two requests of one person at once must not both find no row and both insert.
    lock_row(conn, LockableTable::Employees, employee_id)?;
    let replaced = delete_feed(conn, employee_id)?;
    diesel::insert_into(calendar_feeds::table)
        .values((
            calendar_feeds::employee_id.eq(employee_id),
            calendar_feeds::token_hash.eq(token_hash),
            calendar_feeds::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(replaced)
}

/// Ends the employee's feed; returns whether there was one.
pub fn delete_feed(conn: &mut DbConnection, employee_id: i32) -> QueryResult<bool> {
    Ok(diesel::delete(calendar_feeds::table.find(employee_id)).execute(conn)? > 0)
}
