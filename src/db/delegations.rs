//! Queries on `delegations`: who decides in a manager's place, and when.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::schema::{delegations, employees};
use super::DbConnection;

/// A delegation with the names of both people.
#[derive(Debug, Clone, Queryable)]
pub struct DelegationView {
    pub id: i32,
    pub manager_id: i32,
    pub delegate_id: i32,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub other_name: String,
    pub other_email: String,
}

pub fn insert(
    conn: &mut DbConnection,
    manager_id: i32,
    delegate_id: i32,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    now: NaiveDateTime,
) -> QueryResult<i32> {
    diesel::insert_into(delegations::table)
        .values((
            delegations::manager_id.eq(manager_id),
            delegations::delegate_id.eq(delegate_id),
            delegations::starts_on.eq(starts_on),
            delegations::ends_on.eq(ends_on),
            delegations::created_at.eq(now),
        ))
        .returning(delegations::id)
        .get_result(conn)
}

/// The managers for whom `delegate_id` decides on `today`, with their names.
pub fn active_for_delegate(
    conn: &mut DbConnection,
    delegate_id: i32,
    today: NaiveDate,
) -> QueryResult<Vec<(i32, String)>> {
    delegations::table
        .inner_join(employees::table.on(employees::id.eq(delegations::manager_id)))
        .filter(delegations::delegate_id.eq(delegate_id))
        .filter(delegations::starts_on.le(today))
        .filter(delegations::ends_on.ge(today))
        .filter(employees::active.eq(true))
        .select((delegations::manager_id, employees::display_name))
        .distinct()
        .load(conn)
}

/// Who decides for `manager_id` on `today` (people who still work here), with their
/// names.
pub fn active_delegates(conn: &mut DbConnection, manager_id: i32, today: NaiveDate) -> QueryResult<Vec<(i32, String)>> {
    delegates_of(conn, &[manager_id], today).map(|found| found.into_iter().map(|(_, id, name)| (id, name)).collect())
}

/// Who decides on `today` for each of `manager_ids`: (manager, delegate, delegate's name),
/// by delegate's name.
pub fn delegates_of(
    conn: &mut DbConnection,
    manager_ids: &[i32],
    today: NaiveDate,
) -> QueryResult<Vec<(i32, i32, String)>> {
    if manager_ids.is_empty() {
        return Ok(Vec::new());
    }
    delegations::table
        .inner_join(employees::table.on(employees::id.eq(delegations::delegate_id)))
        .filter(delegations::manager_id.eq_any(manager_ids))
        .filter(delegations::starts_on.le(today))
        .filter(delegations::ends_on.ge(today))
        .filter(employees::active.eq(true))
        .order((employees::display_name.asc(), delegations::delegate_id.asc()))
        .select((delegations::manager_id, delegations::delegate_id, employees::display_name))
        .distinct()
        .load(conn)
}

/// Whether `delegate_id` decides for `manager_id` on `today`.
pub fn is_active(conn: &mut DbConnection, manager_id: i32, delegate_id: i32, today: NaiveDate) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        delegations::table
            .filter(delegations::manager_id.eq(manager_id))
            .filter(delegations::delegate_id.eq(delegate_id))
            .filter(delegations::starts_on.le(today))
            .filter(delegations::ends_on.ge(today)),
    ))
    .get_result(conn)
}

/// A manager's delegations that have not ended before `today`, with the delegates' names.
pub fn current_for_manager(
    conn: &mut DbConnection,
    manager_id: i32,
    today: NaiveDate,
) -> QueryResult<Vec<DelegationView>> {
    delegations::table
        .inner_join(employees::table.on(employees::id.eq(delegations::delegate_id)))
        .filter(delegations::manager_id.eq(manager_id))
        .filter(delegations::ends_on.ge(today))
        .order(delegations::starts_on.asc())
        .select((
            delegations::id,
            delegations::manager_id,
            delegations::delegate_id,
            delegations::starts_on,
            delegations::ends_on,
            employees::display_name,
            employees::email,
        ))
        .load(conn)
}

/// Ends a delegation of `manager_id` (yesterday, so it no longer applies today).
pub fn end(conn: &mut DbConnection, id: i32, manager_id: i32, today: NaiveDate) -> QueryResult<usize> {
    let yesterday = today.pred_opt().unwrap_or(today);
    let target = delegations::table.filter(delegations::id.eq(id)).filter(delegations::manager_id.eq(manager_id));
    let ended = diesel::update(target.filter(delegations::starts_on.le(yesterday)))
        .set(delegations::ends_on.eq(yesterday))
        .execute(conn)?;
    if ended > 0 {
        return Ok(ended);
    }
    // Not started yet: nothing happened under it, so it can go.
    diesel::delete(target).execute(conn)
}
