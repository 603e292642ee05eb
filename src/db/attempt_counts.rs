//! Sign-in failures and password-reset requests counted in the database, so that every
//! server of a cluster sees the same counts (`attempt_counts`: one row per key, holding
//! its current window). Only attempts write: a failed sign-in, a reset request, and the
//! right password after failures from that address. The rules are in
//! `domain::sign_in_limits`.

use std::net::IpAddr;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::attempt_counts;
use super::{write_transaction, DbConnection};
use crate::domain::enums::AttemptScope;
use crate::domain::sign_in_limits::{self as limits, Failures, SignInLimits, Window, LONGEST_PERIOD};

/// The stored windows of `keys` (a key without a row has no attempts).
fn windows(conn: &mut DbConnection, keys: &[(AttemptScope, String)]) -> QueryResult<Vec<(AttemptScope, Window)>> {
    let subjects: Vec<&str> = keys.iter().map(|(_, subject)| subject.as_str()).collect();
    let rows: Vec<(AttemptScope, String, NaiveDateTime, i32)> = attempt_counts::table
        .filter(attempt_counts::subject.eq_any(subjects))
        .select((attempt_counts::scope, attempt_counts::subject, attempt_counts::started_at, attempt_counts::attempts))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter(|(scope, subject, _, _)| keys.iter().any(|(s, k)| s == scope && k == subject))
        .map(|(scope, _, started_at, attempts)| (scope, Window { started_at, attempts }))
        .collect())
}

/// Counts one attempt on each key, in the keys' order (inside the caller's write
/// transaction): a window that has ended starts again at `now`.
fn count_attempt(conn: &mut DbConnection, keys: &[(AttemptScope, String)], now: NaiveDateTime) -> QueryResult<()> {
    for (scope, subject) in keys {
        let key =
            attempt_counts::table.filter(attempt_counts::scope.eq(*scope)).filter(attempt_counts::subject.eq(subject));
        let first = diesel::insert_into(attempt_counts::table)
            .values((
                attempt_counts::scope.eq(*scope),
                attempt_counts::subject.eq(subject),
                attempt_counts::started_at.eq(now),
                attempt_counts::attempts.eq(1),
            ))
            .on_conflict((attempt_counts::scope, attempt_counts::subject))
            .do_nothing();
        // Upserts are written per backend: the multi-backend query builder has no ON CONFLICT.
        let inserted = match conn {
            DbConnection::Sqlite(sqlite) => first.execute(sqlite)?,
            DbConnection::Postgresql(pg) => first.execute(pg)?,
        };
        if inserted == 1 {
            continue;
        }
        // The window's row is locked by the first of these that changes it; another
        // server's attempt waits, then sees the new window and adds to it.
        let restarted = diesel::update(key.filter(attempt_counts::started_at.le(now - scope.period())))
            .set((attempt_counts::started_at.eq(now), attempt_counts::attempts.eq(1)))
            .execute(conn)?;
        if restarted == 0 {
            diesel::update(key).set(attempt_counts::attempts.eq(attempt_counts::attempts + 1)).execute(conn)?;
        }
    }
    Ok(())
}

/// Whether `address` may try a password for `account` at `now`, and whether it has
/// failed on the account before (then the right password clears that count).
pub fn sign_in_allowed(
    conn: &mut DbConnection,
    limits: SignInLimits,
    account: &str,
    address: Option<IpAddr>,
    now: NaiveDateTime,
) -> QueryResult<(bool, Failures)> {
    let failures = limits::failures_from(&windows(conn, &limits::failure_keys(account, address))?, now);
    Ok((limits.allow(failures), failures))
}

/// A wrong password (or an unknown account).
pub fn sign_in_failed(
    conn: &mut DbConnection,
    account: &str,
    address: Option<IpAddr>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    write_transaction(conn, |conn| count_attempt(conn, &limits::failure_keys(account, address), now))
}

/// The right password: this address's failures on the account are forgotten.
pub fn sign_in_succeeded(conn: &mut DbConnection, account: &str, address: Option<IpAddr>) -> QueryResult<()> {
    let keys = limits::failure_keys(account, address);
    if let Some((scope, subject)) = keys.first() {
        diesel::delete(
            attempt_counts::table.filter(attempt_counts::scope.eq(*scope)).filter(attempt_counts::subject.eq(subject)),
        )
        .execute(conn)?;
    }
    Ok(())
}

/// Counts a password-reset request; whether it may send its e-mail (within the limits
/// with this request counted).
pub fn reset_requested(
    conn: &mut DbConnection,
    account: &str,
    address: Option<IpAddr>,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let keys = limits::reset_keys(account, address);
    write_transaction(conn, |conn| {
        // Counted first: a concurrent request waits on the rows, so each sees its own number.
        count_attempt(conn, &keys, now)?;
        Ok(limits::reset_allowed(&windows(conn, &keys)?, now))
    })
}

/// Deletes the counts whose windows have ended, whatever their scope.
pub fn forget_ended(conn: &mut DbConnection, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(attempt_counts::table.filter(attempt_counts::started_at.le(now - LONGEST_PERIOD))).execute(conn)
}
