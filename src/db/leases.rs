//! Leases: work that one server of a cluster does at a time. The server holding an
//! unexpired lease row does the work and renews it; another takes it over only once it
//! has expired (its holder stopped or lost the database).

use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;

use super::schema::leases;
use super::{write_transaction, DbConnection};

/// Takes or renews the lease `name` for `holder` until `now + ttl`; false when another
/// holder has it and it has not expired.
pub fn try_acquire(
    conn: &mut DbConnection,
    name: &str,
    holder: &str,
    now: NaiveDateTime,
    ttl: TimeDelta,
) -> QueryResult<bool> {
    write_transaction(conn, |conn| {
        let insert = diesel::insert_into(leases::table)
            .values((leases::name.eq(name), leases::holder.eq(holder), leases::expires_at.eq(now + ttl)))
            .on_conflict(leases::name)
            .do_nothing();
        // Upserts are written per backend: the multi-backend query builder has no ON CONFLICT.
        let inserted = match conn {
            DbConnection::Sqlite(sqlite) => insert.execute(sqlite)?,
            DbConnection::Postgresql(pg) => insert.execute(pg)?,
        };
        if inserted == 1 {
            return Ok(true);
        }
        let taken = diesel::update(
            leases::table
                .filter(leases::name.eq(name))
                .filter(leases::holder.eq(holder).or(leases::expires_at.lt(now))),
        )
        .set((leases::holder.eq(holder), leases::expires_at.eq(now + ttl)))
        .execute(conn)?;
        Ok(taken == 1)
    })
}
