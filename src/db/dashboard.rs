//! What the admin dashboard reads: the reporting counters summed by the database, the
//! pledge's participants and the programs' names. Never `applications`: the counters hold
//! a few thousand rows however many applications there are, and the sums a few hundred.

use diesel::dsl::sql;
use diesel::expression::SqlLiteral;
use diesel::prelude::*;
use diesel::sql_types::BigInt;

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::schema::{application_stats, commitment_totals, payment_totals, pledge_participant_count, programs};
use super::DbConnection;
use crate::domain::dashboard::{MonthStatusTotal, ProgramName, StatsTotals};
use crate::domain::forecast::{MoneyMonth, PACE_DAYS};
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

#[derive(QueryableByName)]
struct ProgramMonthMoney {
    #[diesel(sql_type = diesel::sql_types::Integer)]
    program_id: i32,
    #[diesel(sql_type = diesel::sql_types::Text)]
    month: String,
    #[diesel(sql_type = BigInt)]
    places: i64,
    #[diesel(sql_type = BigInt)]
    cents: i64,
}

/// The pledge's money per calendar month, from the counters (a row per program and day):
/// committed (covered tuition plus each place at its program's seat cost) by the month
/// places were approved, paid by the month of the payment; and both over the `PACE_DAYS`
/// days up to `today`. `seat_costs` are what [`seat_costs`] read.
pub fn money_by_month(
    conn: &mut DbConnection,
    today: NaiveDate,
    seat_costs: &[(i32, i64)],
) -> QueryResult<(Vec<MoneyMonth>, (i64, i64))> {
    let seat_cost = |program_id: i32| seat_costs.iter().find(|(id, _)| *id == program_id).map_or(0, |(_, c)| *c);
    let approved_month = super::month_of(conn, "approved_on");
    let committed: Vec<ProgramMonthMoney> = diesel::sql_query(format!(
        "SELECT program_id, {approved_month} AS month, CAST(SUM(places) AS BIGINT) AS places, \
         CAST(SUM(covered_cents) AS BIGINT) AS cents FROM commitment_totals GROUP BY program_id, {approved_month}"
    ))
    .load(conn)?;
    let paid_month = super::month_of(conn, "paid_on");
    let paid: Vec<ProgramMonthMoney> = diesel::sql_query(format!(
        "SELECT program_id, {paid_month} AS month, CAST(SUM(payments) AS BIGINT) AS places, \
         CAST(SUM(paid_cents) AS BIGINT) AS cents FROM payment_totals GROUP BY program_id, {paid_month}"
    ))
    .load(conn)?;
    let mut months: BTreeMap<NaiveDate, MoneyMonth> = BTreeMap::new();
    for (row, is_paid) in committed.iter().map(|r| (r, false)).chain(paid.iter().map(|r| (r, true))) {
        let Ok(month) = NaiveDate::parse_from_str(&format!("{}-01", row.month), "%Y-%m-%d") else { continue };
        let entry = months.entry(month).or_insert(MoneyMonth { month, committed: 0, paid: 0 });
        if is_paid {
            entry.paid += row.cents;
        } else {
            entry.committed += row.cents + row.places * seat_cost(row.program_id);
        }
    }
    let since = today - chrono::Days::new(u64::try_from(PACE_DAYS).unwrap_or(90));
    let recent_committed: Vec<(i32, i64, i64)> = commitment_totals::table
        .filter(commitment_totals::approved_on.gt(since))
        .filter(commitment_totals::approved_on.le(today))
        .group_by(commitment_totals::program_id)
        .select((commitment_totals::program_id, sum_of("places"), sum_of("covered_cents")))
        .load(conn)?;
    let recent_paid: Option<i64> = payment_totals::table
        .filter(payment_totals::paid_on.gt(since))
        .filter(payment_totals::paid_on.le(today))
        .select(sql::<diesel::sql_types::Nullable<BigInt>>("CAST(SUM(paid_cents) AS BIGINT)"))
        .first(conn)?;
    let committed_recently =
        recent_committed.iter().map(|(program_id, places, covered)| covered + places * seat_cost(*program_id)).sum();
    Ok((months.into_values().collect(), (committed_recently, recent_paid.unwrap_or(0))))
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
