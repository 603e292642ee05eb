//! Queries on `sessions`, the server-side session store.
//!
//! Rows are keyed by the SHA-256 of the session key that travels in the cookie.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::sessions;
use super::DbConnection;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = sessions)]
pub struct SessionRow {
    pub id: String,
    pub employee_id: Option<i32>,
    pub state: String,
    pub created_at: NaiveDateTime,
    pub last_seen_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
}

pub fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<SessionRow>> {
    super::on_own_backend!(conn, |own| sessions::table.find(id).select(SessionRow::as_select()).first(own).optional())
}

pub fn insert(conn: &mut DbConnection, row: &SessionRow) -> QueryResult<()> {
    diesel::insert_into(sessions::table)
        .values((
            sessions::id.eq(&row.id),
            sessions::employee_id.eq(row.employee_id),
            sessions::state.eq(&row.state),
            sessions::created_at.eq(row.created_at),
            sessions::last_seen_at.eq(row.last_seen_at),
            sessions::expires_at.eq(row.expires_at),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Replaces the state of an existing session; returns whether it still existed.
pub fn update_state(
    conn: &mut DbConnection,
    id: &str,
    employee_id: Option<i32>,
    state: &str,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let updated = diesel::update(sessions::table.find(id))
        .set((sessions::employee_id.eq(employee_id), sessions::state.eq(state), sessions::last_seen_at.eq(now)))
        .execute(conn)?;
    Ok(updated == 1)
}

pub fn touch(conn: &mut DbConnection, id: &str, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(sessions::table.find(id)).set(sessions::last_seen_at.eq(now)).execute(conn).map(|_| ())
}

pub fn delete(conn: &mut DbConnection, id: &str) -> QueryResult<()> {
    diesel::delete(sessions::table.find(id)).execute(conn).map(|_| ())
}

/// The last moment a session must have been seen at to be live at `now`.
pub fn idle_cutoff(now: NaiveDateTime, idle: std::time::Duration) -> NaiveDateTime {
    chrono::TimeDelta::from_std(idle).ok().and_then(|idle| now.checked_sub_signed(idle)).unwrap_or(NaiveDateTime::MIN)
}

/// Whether session `id` of `employee_id` still exists and is live at `now`: neither past
/// its absolute expiry nor last seen at or before `idle_cutoff`.
pub fn is_live(
    conn: &mut DbConnection,
    id: &str,
    employee_id: i32,
    now: NaiveDateTime,
    idle_cutoff: NaiveDateTime,
) -> QueryResult<bool> {
    super::on_own_backend!(conn, |own| {
        diesel::select(diesel::dsl::exists(
            sessions::table
                .find(id)
                .filter(sessions::employee_id.eq(employee_id))
                .filter(sessions::expires_at.gt(now))
                .filter(sessions::last_seen_at.gt(idle_cutoff)),
        ))
        .get_result(own)
    })
}

/// Ends every session of one person (sign out everywhere, deactivation).
pub fn delete_for_employee(conn: &mut DbConnection, employee_id: i32) -> QueryResult<usize> {
    diesel::delete(sessions::table.filter(sessions::employee_id.eq(employee_id))).execute(conn)
}

/// How many sessions of one person are still live now: neither past their absolute
/// expiry nor without a request for `idle` or longer.
pub fn count_live_for_employee(
    conn: &mut DbConnection,
    employee_id: i32,
    idle: std::time::Duration,
) -> QueryResult<i64> {
    let now = crate::clock::now();
    let idle_cutoff = idle_cutoff(now, idle);
    sessions::table
        .filter(sessions::employee_id.eq(employee_id))
        .filter(sessions::expires_at.gt(now))
        .filter(sessions::last_seen_at.gt(idle_cutoff))
        .count()
        .get_result(conn)
}

/// Removes sessions past their absolute expiry or idle for longer than `idle_cutoff`.
pub fn delete_expired(conn: &mut DbConnection, now: NaiveDateTime, idle_cutoff: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(sessions::table.filter(sessions::expires_at.le(now).or(sessions::last_seen_at.le(idle_cutoff))))
        .execute(conn)
}
