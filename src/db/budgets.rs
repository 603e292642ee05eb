//! Program budgets in the database: the counter `commitment_totals` (the places each
//! program gave per day of approval, and their covered tuition), moved in the transaction
//! of every change to a place, and what the approval stage and the dashboard read of it
//! and of `payment_totals`: a year of one program is at most 366 rows, never a scan of
//! `applications`. The rules (what commits, the budget year, the check) are
//! `domain::budget`'s.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::dsl::sql;
use diesel::expression::SqlLiteral;
use diesel::prelude::*;
use diesel::sql_types::BigInt;
use diesel::upsert::excluded;

use super::programs::Program;
use super::schema::{commitment_totals, payment_totals, programs};
use super::{lock_row, DbConnection, LockableTable};
use crate::domain::budget::{budget_year, commits, year_bounds, BudgetStanding, Commitments, ProgramBudget};
use crate::domain::{ApplicationStatus, Cents, ProgramStatus};

/// A place as the commitment counter counts it: the day it was given and its covered
/// tuition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommittedPlace {
    pub approved_on: NaiveDate,
    pub covered_cents: i64,
}

impl CommittedPlace {
    /// The place, when an application in `status` commits its program's money
    /// (`domain::budget::commits`). A place always has its approval time; one without it
    /// is not counted.
    pub fn of(
        status: ApplicationStatus,
        approved_at: Option<NaiveDateTime>,
        covered_cents: Option<i64>,
    ) -> Option<Self> {
        let approved_at = approved_at?;
        commits(status)
            .then_some(CommittedPlace { approved_on: approved_at.date(), covered_cents: covered_cents.unwrap_or(0) })
    }
}

/// Moves a place in the commitment counter, from how it was counted to how it is now
/// (`None`: not counted). Called in the transaction of every change of an application's
/// status or covered amount (`db::applications`).
pub fn count_commitment(
    conn: &mut DbConnection,
    program_id: i32,
    from: Option<CommittedPlace>,
    to: Option<CommittedPlace>,
) -> QueryResult<()> {
    if from == to {
        return Ok(());
    }
    // The counter rows are the program's: its row lock first, as for every counter.
    lock_row(conn, LockableTable::Programs, program_id)?;
    if let Some(place) = from {
        add(conn, program_id, place.approved_on, -1, -place.covered_cents)?;
    }
    if let Some(place) = to {
        add(conn, program_id, place.approved_on, 1, place.covered_cents)?;
    }
    Ok(())
}

fn add(conn: &mut DbConnection, program_id: i32, approved_on: NaiveDate, places: i64, covered: i64) -> QueryResult<()> {
    let upsert = diesel::insert_into(commitment_totals::table)
        .values((
            commitment_totals::program_id.eq(program_id),
            commitment_totals::approved_on.eq(approved_on),
            commitment_totals::places.eq(places),
            commitment_totals::covered_cents.eq(covered),
        ))
        .on_conflict((commitment_totals::program_id, commitment_totals::approved_on))
        .do_update()
        .set((
            commitment_totals::places.eq(commitment_totals::places + excluded(commitment_totals::places)),
            commitment_totals::covered_cents
                .eq(commitment_totals::covered_cents + excluded(commitment_totals::covered_cents)),
        ));
    // Upserts are written per backend: the multi-backend query builder has no ON CONFLICT.
    match conn {
        DbConnection::Sqlite(sqlite) => upsert.execute(sqlite)?,
        DbConnection::Postgresql(pg) => upsert.execute(pg)?,
    };
    Ok(())
}

/// `CAST(COALESCE(SUM(column), 0) AS BIGINT)`: a BIGINT on both backends, zero without rows.
fn total_of(column: &str) -> SqlLiteral<BigInt> {
    sql::<BigInt>(&format!("CAST(COALESCE(SUM({column}), 0) AS BIGINT)"))
}

/// What `program_id`'s places given in budget year `year` add up to.
pub fn commitments_in_year(conn: &mut DbConnection, program_id: i32, year: i32) -> QueryResult<Commitments> {
    let Some((first, last)) = year_bounds(year) else {
        return Ok(Commitments::default());
    };
    let (places, covered): (i64, i64) = commitment_totals::table
        .filter(commitment_totals::program_id.eq(program_id))
        .filter(commitment_totals::approved_on.between(first, last))
        .select((total_of("commitment_totals.places"), total_of("commitment_totals.covered_cents")))
        .first(conn)?;
    Ok(Commitments { places, covered: Cents(covered) })
}

/// `program`'s budget in the budget year of `day`, with what it committed; `None` when it
/// has no budget. Read under the program's row lock (the approval's transaction takes
/// it), it is what a decision checks against: no other change to the counter can come
/// between.
pub fn standing(conn: &mut DbConnection, program: &Program, day: NaiveDate) -> QueryResult<Option<BudgetStanding>> {
    let budget = program.budget();
    if budget.annual.is_none() {
        return Ok(None);
    }
    let year = budget_year(day);
    Ok(budget.standing(year, commitments_in_year(conn, program.id, year)?))
}

/// Every program's commitments in budget year `year`: one grouped read of the year's
/// counter rows.
pub fn commitments_by_program(conn: &mut DbConnection, year: i32) -> QueryResult<Vec<(i32, Commitments)>> {
    let Some((first, last)) = year_bounds(year) else {
        return Ok(Vec::new());
    };
    let rows: Vec<(i32, i64, i64)> = commitment_totals::table
        .filter(commitment_totals::approved_on.between(first, last))
        .group_by(commitment_totals::program_id)
        .select((
            commitment_totals::program_id,
            total_of("commitment_totals.places"),
            total_of("commitment_totals.covered_cents"),
        ))
        .load(conn)?;
    Ok(rows.into_iter().map(|(id, places, covered)| (id, Commitments { places, covered: Cents(covered) })).collect())
}

/// What each program paid schools in budget year `year` (its tuition payments by the day
/// paid, from `payment_totals`).
pub fn paid_by_program(conn: &mut DbConnection, year: i32) -> QueryResult<Vec<(i32, Cents)>> {
    let Some((first, last)) = year_bounds(year) else {
        return Ok(Vec::new());
    };
    let rows: Vec<(i32, i64)> = payment_totals::table
        .filter(payment_totals::paid_on.between(first, last))
        .group_by(payment_totals::program_id)
        .select((payment_totals::program_id, total_of("payment_totals.paid_cents")))
        .load(conn)?;
    Ok(rows.into_iter().map(|(id, paid)| (id, Cents(paid))).collect())
}

/// One program's money in a budget year, as the dashboard's budget table shows it.
#[derive(Debug, Clone)]
pub struct ProgramYear {
    pub slug: String,
    pub name: String,
    pub budget: ProgramBudget,
    pub commitments: Commitments,
    pub paid: Cents,
}

/// The programs of the dashboard's budget table in budget year `year`, by name: every
/// published program, and any other that has a budget or committed or paid money that
/// year. Three small reads: the programs, and the year's rows of each counter (a row per
/// program and day: a few thousand in three years, however many applications there are).
pub fn year_by_program(conn: &mut DbConnection, year: i32) -> QueryResult<Vec<ProgramYear>> {
    let committed = commitments_by_program(conn, year)?;
    let paid = paid_by_program(conn, year)?;
    let mut programs: Vec<Program> = programs::table.select(Program::as_select()).load(conn)?;
    // Sorted here: the backends' collations order names differently.
    programs.sort_by_key(|program| program.name.to_lowercase());
    Ok(programs
        .into_iter()
        .map(|program| {
            let published = program.status == ProgramStatus::Published;
            let row = ProgramYear {
                commitments: committed.iter().find(|(id, _)| *id == program.id).map(|(_, c)| *c).unwrap_or_default(),
                paid: paid.iter().find(|(id, _)| *id == program.id).map_or(Cents(0), |(_, p)| *p),
                budget: program.budget(),
                slug: program.slug,
                name: program.name,
            };
            (published, row)
        })
        .filter(|(published, row)| {
            *published
                || row.budget.annual.is_some()
                || row.commitments != Commitments::default()
                || row.paid != Cents(0)
        })
        .map(|(_, row)| row)
        .collect())
}

/// Recounts `commitment_totals` from the applications (after a bulk load).
pub fn rebuild_commitments(conn: &mut DbConnection) -> QueryResult<()> {
    let approved_on = super::day_of(conn, "approved_at");
    let statuses: Vec<String> =
        ApplicationStatus::ALL.iter().filter(|s| commits(**s)).map(|s| format!("'{}'", s.as_str())).collect();
    diesel::delete(commitment_totals::table).execute(conn)?;
    diesel::sql_query(format!(
        "INSERT INTO commitment_totals (program_id, approved_on, places, covered_cents) \
         SELECT program_id, {approved_on}, COUNT(*), COALESCE(SUM(covered_cents), 0) FROM applications \
         WHERE status IN ({}) AND approved_at IS NOT NULL GROUP BY program_id, {approved_on}",
        statuses.join(", ")
    ))
    .execute(conn)?;
    Ok(())
}
