//! The comparison group (`domain::comparison`), computed once a day: the participants
//! whose 12-month outcome is known, and every colleague who never had a place, followed
//! through the job history over each participant's window. The result is a few rows per
//! program and month in `comparison_totals`, which the dashboard sums; the day it was
//! computed and the colleagues it looked at are kept in `settings`.
//!
//! It reads the whole history once, a batch of employees at a time, so that its memory
//! stays flat however many people there are; it runs in the scheduler (under its lease)
//! when the day changes, and after the synthetic seed.

use std::collections::HashSet;

use chrono::NaiveDate;
use diesel::prelude::*;

use super::outcomes::{Histories, HistoryBatch};
use super::schema::{applications, comparison_totals, completion_outcomes, employees};
use super::{settings, write_transaction, DbConnection};
use crate::domain::comparison::{compare, Cell, ColleagueGroups, ComparisonRow, Participant, Window, Windows};
use crate::domain::{JobFamily, Outcome, SiteType, TenureBand};

/// The day the comparison was last computed (`YYYY-MM-DD`).
pub const COMPUTED_ON: &str = "comparison_computed_on";
/// How many distinct colleagues it compared with.
pub const COLLEAGUES: &str = "comparison_colleagues";

/// How many employees' histories are read at a time.
const BATCH: i32 = 5_000;

/// What the last computation found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Computed {
    pub on: NaiveDate,
    pub colleagues: i64,
}

/// When the comparison was last computed, and with how many colleagues.
pub fn computed(conn: &mut DbConnection) -> QueryResult<Option<Computed>> {
    let on = settings::get(conn, COMPUTED_ON)?.and_then(|day| day.parse::<NaiveDate>().ok());
    let colleagues = settings::get(conn, COLLEAGUES)?.and_then(|n| n.parse::<i64>().ok()).unwrap_or(0);
    Ok(on.map(|on| Computed { on, colleagues }))
}

type ParticipantValues = (i32, NaiveDate, NaiveDate, NaiveDate, SiteType, JobFamily, TenureBand, Outcome);

fn participants(conn: &mut DbConnection) -> QueryResult<Vec<Participant>> {
    let rows: Vec<ParticipantValues> = completion_outcomes::table
        .filter(completion_outcomes::outcome_12.ne(Outcome::Pending))
        .select((
            completion_outcomes::program_id,
            completion_outcomes::applied_on,
            completion_outcomes::started_on,
            completion_outcomes::completed_on,
            completion_outcomes::site_type,
            completion_outcomes::job_family,
            completion_outcomes::tenure_band,
            completion_outcomes::outcome_12,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(program_id, applied_on, started_on, completed_on, site_type, job_family, tenure_band, outcome_12)| {
            Participant {
                program_id,
                month: applied_on.format("%Y-%m").to_string(),
                window: Window::of(started_on, completed_on),
                cell: Cell { site_type, job_family, tenure_band },
                outcome_12,
            }
        })
        .collect())
}

/// Follows every colleague who never had a place over each window the participants
/// need, counting those who fall in a cell some participant has; returns the groups and
/// how many distinct colleagues they hold.
fn colleagues(conn: &mut DbConnection, participants: &[Participant]) -> QueryResult<(ColleagueGroups, i64)> {
    let windows = Windows::of(participants);
    let mut groups = ColleagueGroups::new();
    let mut distinct = 0;
    if windows.is_empty() {
        return Ok((groups, distinct));
    }
    let took_part: HashSet<i32> = applications::table
        .filter(applications::approved_at.is_not_null())
        .select(applications::employee_id)
        .distinct()
        .load::<i32>(conn)?
        .into_iter()
        .collect();
    let mut after = 0;
    loop {
        let people: Vec<(i32, NaiveDate)> = employees::table
            .filter(employees::id.gt(after))
            .order(employees::id.asc())
            .select((employees::id, employees::hire_date))
            .limit(i64::from(BATCH))
            .load(conn)?;
        let Some(&(last, _)) = people.last() else { break };
        let histories = Histories::read(conn, HistoryBatch::Range(after, last))?;
        for (employee_id, hired_on) in people.iter().filter(|(id, _)| !took_part.contains(id)) {
            let own = histories.of(*employee_id);
            if own.is_empty() {
                continue;
            }
            distinct += i64::from(windows.count(&own, *hired_on, &mut groups));
        }
        after = last;
    }
    Ok((groups, distinct))
}

/// Computes the comparison again from the completions and the history, as of `today`,
/// and replaces what `comparison_totals` held; returns the rows written.
pub fn refresh(conn: &mut DbConnection, today: NaiveDate) -> QueryResult<usize> {
    write_transaction(conn, |conn| {
        let participants = participants(conn)?;
        let (groups, distinct) = colleagues(conn, &participants)?;
        let rows = compare(&participants, &groups);
        diesel::delete(comparison_totals::table).execute(conn)?;
        for chunk in rows.chunks(500) {
            let values: Vec<NewComparison> = chunk.iter().map(NewComparison::from).collect();
            let insert = diesel::insert_into(comparison_totals::table).values(values);
            // Multi-row inserts are written per backend, as the other bulk writers do.
            match conn {
                DbConnection::Sqlite(sqlite) => insert.execute(sqlite)?,
                DbConnection::Postgresql(pg) => insert.execute(pg)?,
            };
        }
        settings::set(conn, COMPUTED_ON, &today.to_string())?;
        settings::set(conn, COLLEAGUES, &distinct.to_string())?;
        Ok(rows.len())
    })
}

/// A row of `comparison_totals` as written.
#[derive(Insertable)]
#[diesel(table_name = comparison_totals)]
struct NewComparison<'a> {
    program_id: i32,
    month: &'a str,
    participants: i64,
    matched: i64,
    stayed: i64,
    moved: i64,
    expected_stayed_milli: i64,
    expected_moved_milli: i64,
}

impl<'a> From<&'a ComparisonRow> for NewComparison<'a> {
    fn from(row: &'a ComparisonRow) -> NewComparison<'a> {
        NewComparison {
            program_id: row.program_id,
            month: &row.month,
            participants: row.participants,
            matched: row.matched,
            stayed: row.stayed,
            moved: row.moved,
            expected_stayed_milli: row.expected_stayed_milli,
            expected_moved_milli: row.expected_moved_milli,
        }
    }
}

/// Whether the comparison was not computed yet today.
pub fn is_due(conn: &mut DbConnection, today: NaiveDate) -> QueryResult<bool> {
    Ok(computed(conn)?.is_none_or(|computed| computed.on < today))
}

/// The comparison summed per program over the applications made in the months
/// `from..=to` (`YYYY-MM`; either open).
pub fn totals(conn: &mut DbConnection, from: Option<&str>, to: Option<&str>) -> QueryResult<Vec<ComparisonRow>> {
    let sum = super::dashboard::sum_of;
    let rows: Vec<(i32, i64, i64, i64, i64, i64, i64)> = comparison_totals::table
        .filter(comparison_totals::month.ge(from.unwrap_or("0000-00")))
        .filter(comparison_totals::month.le(to.unwrap_or("9999-99")))
        .group_by(comparison_totals::program_id)
        .select((
            comparison_totals::program_id,
            sum("participants"),
            sum("matched"),
            sum("stayed"),
            sum("moved"),
            sum("expected_stayed_milli"),
            sum("expected_moved_milli"),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(program_id, participants, matched, stayed, moved, expected_stayed_milli, expected_moved_milli)| {
            ComparisonRow {
                program_id,
                month: String::new(),
                participants,
                matched,
                stayed,
                moved,
                expected_stayed_milli,
                expected_moved_milli,
            }
        })
        .collect())
}
