//! Instance-wide settings in the `settings` table, shared by every app server.

use diesel::prelude::*;

use super::schema::settings;
use super::DbConnection;

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
