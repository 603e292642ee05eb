//! What the admin dashboard reads: the reporting counters, the pledge's participants and
//! the programs' names. Never `applications`: the counters hold a few thousand rows
//! however many applications there are, so the dashboard answers in milliseconds.

use diesel::prelude::*;

use super::schema::{application_stats, pledge_participants, programs};
use super::DbConnection;
use crate::domain::dashboard::{ProgramName, StatsRow};

/// Every counter row that counts something. The rows are summed in Rust
/// (`domain::dashboard::summarise`): `SUM` over a BIGINT is NUMERIC on PostgreSQL, which
/// the multi-backend connection cannot load.
pub fn stats_rows(conn: &mut DbConnection) -> QueryResult<Vec<StatsRow>> {
    let rows: Vec<(i32, String, String, String, i64, i64)> = application_stats::table
        .filter(application_stats::applications.ne(0).or(application_stats::covered_cents.ne(0)))
        .select((
            application_stats::program_id,
            application_stats::site_type,
            application_stats::month,
            application_stats::status,
            application_stats::applications,
            application_stats::covered_cents,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(program_id, site_type, month, status, applications, covered_cents)| StatsRow {
            program_id,
            site_type,
            month,
            status,
            applications,
            covered_cents,
        })
        .collect())
}

/// Distinct employees who completed a program.
pub fn participants(conn: &mut DbConnection) -> QueryResult<i64> {
    pledge_participants::table.count().get_result(conn)
}

/// Every program's name, by name.
pub fn program_names(conn: &mut DbConnection) -> QueryResult<Vec<ProgramName>> {
    let rows: Vec<(i32, String, String)> = programs::table
        .order(programs::name.asc())
        .select((programs::id, programs::name, programs::status))
        .load(conn)?;
    Ok(rows.into_iter().map(|(id, name, status)| ProgramName { id, name, published: status == "published" }).collect())
}
