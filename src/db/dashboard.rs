//! What the admin dashboard reads: the reporting counters summed by the database, the
//! pledge's participants and the programs' names. Never `applications`: the counters hold
//! a few thousand rows however many applications there are, and the sums a few hundred.

use diesel::dsl::sql;
use diesel::expression::SqlLiteral;
use diesel::prelude::*;
use diesel::sql_types::BigInt;

use super::schema::{application_stats, pledge_participant_count, programs};
use super::DbConnection;
use crate::domain::dashboard::{MonthStatusTotal, ProgramName, StatsTotals};
use crate::domain::{ApplicationStatus, ProgramStatus, SiteType};

/// `SUM` of a BIGINT column as a BIGINT: PostgreSQL's `SUM` over BIGINT is NUMERIC, which
/// the multi-backend connection cannot load.
pub(super) fn sum_of(column: &str) -> SqlLiteral<BigInt> {
    sql::<BigInt>(&format!("CAST(SUM({column}) AS BIGINT)"))
}

/// The reporting counters of the months `from..=to` (`YYYY-MM`; either open) summed by
/// month and status, by site type and by program: a few hundred rows, however many
/// applications there are.
pub fn totals(conn: &mut DbConnection, from: Option<&str>, to: Option<&str>) -> QueryResult<StatsTotals> {
    let (from, to) = (from.unwrap_or("0000-00"), to.unwrap_or("9999-99"));
    let by_month_status: Vec<(String, ApplicationStatus, i64, i64)> = application_stats::table
        .filter(application_stats::month.ge(from))
        .filter(application_stats::month.le(to))
        .filter(application_stats::applications.ne(0).or(application_stats::covered_cents.ne(0)))
        .group_by((application_stats::month, application_stats::status))
        .select((application_stats::month, application_stats::status, sum_of("applications"), sum_of("covered_cents")))
        .load(conn)?;
    let by_site: Vec<(SiteType, i64)> = application_stats::table
        .filter(application_stats::month.ge(from))
        .filter(application_stats::month.le(to))
        .filter(application_stats::applications.ne(0))
        .group_by(application_stats::site_type)
        .select((application_stats::site_type, sum_of("applications")))
        .load(conn)?;
    let by_program: Vec<(i32, i64)> = application_stats::table
        .filter(application_stats::month.ge(from))
        .filter(application_stats::month.le(to))
        .filter(application_stats::applications.ne(0))
        .group_by(application_stats::program_id)
        .select((application_stats::program_id, sum_of("applications")))
        .load(conn)?;
    Ok(StatsTotals {
        by_month_status: by_month_status
            .into_iter()
            .map(|(month, status, applications, covered_cents)| MonthStatusTotal {
                month,
                status,
                applications,
                covered_cents,
            })
            .collect(),
        by_site,
        by_program,
    })
}

/// Applications of the months `from..=to` by program and status, and by site type and
/// status (the funnel per program and per site type).
#[allow(clippy::type_complexity)]
pub fn by_group_and_status(
    conn: &mut DbConnection,
    from: Option<&str>,
    to: Option<&str>,
) -> QueryResult<(Vec<(i32, ApplicationStatus, i64)>, Vec<(SiteType, ApplicationStatus, i64)>)> {
    let (from, to) = (from.unwrap_or("0000-00"), to.unwrap_or("9999-99"));
    let by_program = application_stats::table
        .filter(application_stats::month.ge(from))
        .filter(application_stats::month.le(to))
        .filter(application_stats::applications.ne(0))
        .group_by((application_stats::program_id, application_stats::status))
        .select((application_stats::program_id, application_stats::status, sum_of("applications")))
        .load(conn)?;
    let by_site = application_stats::table
        .filter(application_stats::month.ge(from))
        .filter(application_stats::month.le(to))
        .filter(application_stats::applications.ne(0))
        .group_by((application_stats::site_type, application_stats::status))
        .select((application_stats::site_type, application_stats::status, sum_of("applications")))
        .load(conn)?;
    Ok((by_program, by_site))
}

/// What a seat costs, per program that has a cost per seat.
pub fn seat_costs(conn: &mut DbConnection) -> QueryResult<Vec<(i32, i64)>> {
    let rows: Vec<(i32, Option<i64>)> = programs::table
        .filter(programs::seat_cost_cents.is_not_null())
        .select((programs::id, programs::seat_cost_cents))
        .load(conn)?;
    Ok(rows.into_iter().filter_map(|(id, cost)| cost.map(|cost| (id, cost))).collect())
}

/// Distinct employees who completed a program (kept as a count: one row to read).
pub fn participants(conn: &mut DbConnection) -> QueryResult<i64> {
    pledge_participant_count::table.select(pledge_participant_count::participants).first(conn)
}

/// Every program's name, by name.
pub fn program_names(conn: &mut DbConnection) -> QueryResult<Vec<ProgramName>> {
    let rows: Vec<(i32, String, ProgramStatus)> = programs::table
        .order(programs::name.asc())
        .select((programs::id, programs::name, programs::status))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(id, name, status)| ProgramName { id, name, published: status == ProgramStatus::Published })
        .collect())
}
