//! Instance-wide settings in the `settings` table, shared by every app server: the
//! instance secret and the pledge's target, budget and deadline.

use diesel::prelude::*;

use super::schema::settings;
use super::{write_transaction, DbConnection};
use crate::clock::now;
use crate::domain::pledge::PledgeSettings;

/// The pledge's target: a number of employees.
pub const PLEDGE_TARGET_EMPLOYEES: &str = "pledge_target_employees";
/// The pledge's budget, in cents.
pub const PLEDGE_BUDGET_CENTS: &str = "pledge_budget_cents";
/// The pledge's deadline, `YYYY-MM-DD`.
pub const PLEDGE_DEADLINE: &str = "pledge_deadline";

/// The value stored under `name`, if any.
pub fn get(conn: &mut DbConnection, name: &str) -> QueryResult<Option<String>> {
    settings::table.filter(settings::name.eq(name)).select(settings::value).first(conn).optional()
}

/// Stores `value` under `name` unless a value is already there, and returns the stored
/// value. Safe when several servers start at once: the first writer wins for all.
pub fn get_or_insert(conn: &mut DbConnection, name: &str, value: &str) -> QueryResult<String> {
    let insert = diesel::insert_into(settings::table)
        .values((settings::name.eq(name), settings::value.eq(value)))
        .on_conflict(settings::name)
        .do_nothing();
    // Upserts are written per backend: the multi-backend query builder has no ON CONFLICT.
    match conn {
        DbConnection::Sqlite(sqlite) => insert.execute(sqlite)?,
        DbConnection::Postgresql(pg) => insert.execute(pg)?,
    };
    settings::table.filter(settings::name.eq(name)).select(settings::value).first(conn)
}

/// Stores `value` under `name`, replacing what was there.
pub fn set(conn: &mut DbConnection, name: &str, value: &str) -> QueryResult<()> {
    let upsert = diesel::insert_into(settings::table)
        .values((settings::name.eq(name), settings::value.eq(value)))
        .on_conflict(settings::name)
        .do_update()
        .set(settings::value.eq(value));
    match conn {
        DbConnection::Sqlite(sqlite) => upsert.execute(sqlite)?,
        DbConnection::Postgresql(pg) => upsert.execute(pg)?,
    };
    Ok(())
}

/// The pledge's settings; the default of each value that was never set.
pub fn pledge(conn: &mut DbConnection) -> QueryResult<PledgeSettings> {
    let stored: Vec<(String, String)> = settings::table
        .filter(settings::name.eq_any([PLEDGE_TARGET_EMPLOYEES, PLEDGE_BUDGET_CENTS, PLEDGE_DEADLINE]))
        .select((settings::name, settings::value))
        .load(conn)?;
    let value = |name: &str| stored.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
    Ok(PledgeSettings::from_stored(value(PLEDGE_TARGET_EMPLOYEES), value(PLEDGE_BUDGET_CENTS), value(PLEDGE_DEADLINE)))
}

/// Stores new pledge settings and records what changed (before → after) in the audit
/// log, in one transaction. Returns the changes; none when nothing differed (then
/// nothing is written).
pub fn save_pledge(conn: &mut DbConnection, actor_id: i32, new: &PledgeSettings) -> QueryResult<Vec<String>> {
    write_transaction(conn, |conn| {
        let before = pledge(conn)?;
        let changes = new.changes_from(&before);
        if changes.is_empty() {
            return Ok(changes);
        }
        set(conn, PLEDGE_TARGET_EMPLOYEES, &new.target_employees.to_string())?;
        set(conn, PLEDGE_BUDGET_CENTS, &new.budget.0.to_string())?;
        set(conn, PLEDGE_DEADLINE, &new.deadline.format("%Y-%m-%d").to_string())?;
        super::audit::record(
            conn,
            Some(actor_id),
            crate::domain::AuditAction::SettingsChanged,
            "pledge",
            &changes.join("; "),
            now(),
        )?;
        Ok(changes)
    })
}
