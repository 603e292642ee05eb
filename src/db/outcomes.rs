//! What verified completions led to (`completion_outcomes`, one row per completion) and
//! their counts (`outcome_totals`), both computed from the job history by
//! `domain::outcomes` and kept in step in the writing transaction: when an application is
//! completed, when a history row is recorded for its participant, and on the day a
//! horizon is reached (the scheduler's `recheck_due`). The dashboard sums the counts; the
//! exports read the rows in pages.
//!
//! Lock order: the participant's `employees` row first (the completion and every history
//! change hold it already), then the program's row before its counters, as everywhere.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::upsert::excluded;

use super::schema::{
    applications, completion_outcomes, employee_history, employees, intakes, move_delay_totals, outcome_totals,
    programs,
};
use super::{lock_row, write_transaction, DbConnection, LockableTable};
use crate::domain::outcome_figures::{MoveDelay, OutcomeCount};
use crate::domain::outcomes::{outcomes, whole_months_between, Completion, HistoryPoint, Outcomes, TargetRoles};
use crate::domain::{ApplicationStatus, JobFamily, LeavingReason, Outcome, SiteType, TenureBand, ValueList};

/// The horizon under which today's outcome is counted in `outcome_totals`.
pub const TO_DATE: i32 = 0;

/// One row of `completion_outcomes`.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = completion_outcomes)]
pub struct OutcomeRow {
    pub application_id: i32,
    pub employee_id: i32,
    pub program_id: i32,
    pub site_type: SiteType,
    pub job_family: JobFamily,
    pub tenure_band: TenureBand,
    /// The day of the application (what the dashboard's period follows).
    pub applied_on: NaiveDate,
    pub started_on: NaiveDate,
    pub completed_on: NaiveDate,
    pub outcome_6: Outcome,
    pub outcome_12: Outcome,
    pub outcome_24: Outcome,
    pub outcome_to_date: Outcome,
    pub moved_on: Option<NaiveDate>,
    pub next_check_on: Option<NaiveDate>,
}

impl OutcomeRow {
    /// Each counted horizon (months; `TO_DATE` for today) with its outcome.
    fn counted(&self) -> [(i32, Outcome); 4] {
        [(6, self.outcome_6), (12, self.outcome_12), (24, self.outcome_24), (TO_DATE, self.outcome_to_date)]
    }

    /// `YYYY-MM` of the application, as `application_stats` counts it.
    fn month(&self) -> String {
        self.applied_on.format("%Y-%m").to_string()
    }

    /// Whole months from the completion to the first day in a new role, for those who moved.
    fn months_to_move(&self) -> Option<i32> {
        let moved_on = self.moved_on?;
        i32::try_from(whole_months_between(self.completed_on, moved_on)).ok()
    }
}

/// A completed application with what its outcomes are computed from.
#[derive(Debug, Clone, Queryable)]
struct CompletedPlace {
    application_id: i32,
    employee_id: i32,
    program_id: i32,
    site_type: SiteType,
    completed_on: Option<NaiveDate>,
    updated_at: NaiveDateTime,
    intake_starts_on: Option<NaiveDate>,
    term_starts_on: Option<NaiveDate>,
    submitted_at: NaiveDateTime,
    created_at: NaiveDateTime,
    hire_date: NaiveDate,
    job_family: JobFamily,
    target_job_families: ValueList<JobFamily>,
    target_title_keywords: String,
}

type CompletedPlaceColumns = (
    applications::id,
    applications::employee_id,
    applications::program_id,
    applications::site_type,
    applications::completed_on,
    applications::updated_at,
    diesel::dsl::Nullable<intakes::starts_on>,
    applications::term_starts_on,
    applications::submitted_at,
    applications::created_at,
    employees::hire_date,
    employees::job_family,
    programs::target_job_families,
    programs::target_title_keywords,
);

fn completed_place() -> CompletedPlaceColumns {
    (
        applications::id,
        applications::employee_id,
        applications::program_id,
        applications::site_type,
        applications::completed_on,
        applications::updated_at,
        intakes::starts_on.nullable(),
        applications::term_starts_on,
        applications::submitted_at,
        applications::created_at,
        employees::hire_date,
        employees::job_family,
        programs::target_job_families,
        programs::target_title_keywords,
    )
}

impl CompletedPlace {
    /// The row of `completion_outcomes` this place has, given its participant's history.
    fn outcome_row(&self, history: &[HistoryPoint], today: NaiveDate) -> OutcomeRow {
        // Completions recorded before completion dates were kept count from their last change.
        let completed_on = self.completed_on.unwrap_or(self.updated_at.date());
        let started_on = self.intake_starts_on.or(self.term_starts_on).unwrap_or(self.submitted_at.date());
        let completion = Completion {
            started_on: started_on.min(completed_on),
            completed_on,
            hired_on: self.hire_date,
            current_job_family: self.job_family,
        };
        let targets = TargetRoles {
            job_families: self.target_job_families.0.clone(),
            title_keywords: TargetRoles::parse_keywords(&self.target_title_keywords),
        };
        let Outcomes { job_family, tenure_band, at, to_date, moved_on, next_check_on } =
            outcomes(history, &completion, &targets, today);
        let [outcome_6, outcome_12, outcome_24] = at;
        OutcomeRow {
            application_id: self.application_id,
            employee_id: self.employee_id,
            program_id: self.program_id,
            site_type: self.site_type,
            job_family,
            tenure_band,
            applied_on: self.created_at.date(),
            started_on: completion.started_on,
            completed_on,
            outcome_6,
            outcome_12,
            outcome_24,
            outcome_to_date: to_date,
            moved_on,
            next_check_on,
        }
    }
}

/// The completed places of the applications `ids` (or of the employee), with their facts.
fn completed_places(
    conn: &mut DbConnection,
    employee_id: Option<i32>,
    ids: &[i32],
) -> QueryResult<Vec<CompletedPlace>> {
    let mut query = applications::table
        .inner_join(employees::table.on(employees::id.eq(applications::employee_id)))
        .inner_join(programs::table)
        .left_join(intakes::table)
        .filter(applications::status.eq(ApplicationStatus::Completed))
        .select(completed_place())
        .order(applications::id.asc())
        .into_boxed();
    if let Some(employee_id) = employee_id {
        query = query.filter(applications::employee_id.eq(employee_id));
    } else {
        query = query.filter(applications::id.eq_any(ids));
    }
    query.load(conn)
}

pub(super) type HistoryColumns = (
    employee_history::effective_on,
    employee_history::job_title,
    employee_history::job_family,
    employee_history::site_type,
    employee_history::active,
    employee_history::left_on,
    employee_history::leaving_reason,
);

const HISTORY_POINT: HistoryColumns = (
    employee_history::effective_on,
    employee_history::job_title,
    employee_history::job_family,
    employee_history::site_type,
    employee_history::active,
    employee_history::left_on,
    employee_history::leaving_reason,
);

type HistoryValues = (NaiveDate, String, JobFamily, SiteType, bool, Option<NaiveDate>, Option<LeavingReason>);

/// A history row as outcomes read it: a departure counts from the day the person left
/// (an import may record it later, effective on the day of the file).
fn to_point(
    (effective_on, job_title, job_family, site_type, active, left_on, leaving_reason): HistoryValues,
) -> HistoryPoint {
    let effective_on = if active { effective_on } else { left_on.unwrap_or(effective_on) };
    HistoryPoint { effective_on, job_title, job_family, site_type, active, leaving_reason }
}

/// Rows of one person in the order they took effect (the order written among equals).
fn in_order(rows: impl Iterator<Item = HistoryValues>) -> Vec<HistoryPoint> {
    let mut points: Vec<HistoryPoint> = rows.map(to_point).collect();
    points.sort_by_key(|point| point.effective_on);
    points
}

/// The histories of a batch of people, read in one statement in the order of their ids,
/// to be taken person by person (the bulk rebuild and the comparison group).
pub(super) struct Histories(Vec<(i32, HistoryValues)>);

/// Which people's histories a batch reads.
pub(super) enum HistoryBatch<'a> {
    /// These people.
    People(&'a [i32]),
    /// The ids after the first and up to the second.
    Range(i32, i32),
}

impl Histories {
    pub(super) fn read(conn: &mut DbConnection, batch: HistoryBatch) -> QueryResult<Histories> {
        let mut query = employee_history::table
            .order((
                employee_history::employee_id.asc(),
                employee_history::effective_on.asc(),
                employee_history::id.asc(),
            ))
            .select((employee_history::employee_id, HISTORY_POINT))
            .into_boxed();
        query = match batch {
            HistoryBatch::People(ids) => query.filter(employee_history::employee_id.eq_any(ids)),
            HistoryBatch::Range(after, last) => {
                query.filter(employee_history::employee_id.gt(after)).filter(employee_history::employee_id.le(last))
            }
        };
        Ok(Histories(query.load(conn)?))
    }

    /// One person's history, in the order it took effect (empty when the batch has none).
    pub(super) fn of(&self, employee_id: i32) -> Vec<HistoryPoint> {
        let start = self.0.partition_point(|(id, _)| *id < employee_id);
        let end = self.0.partition_point(|(id, _)| *id <= employee_id);
        in_order(self.0[start..end].iter().map(|(_, values)| values.clone()))
    }
}

/// A person's history, in the order it took effect.
fn history_of(conn: &mut DbConnection, employee_id: i32) -> QueryResult<Vec<HistoryPoint>> {
    let rows: Vec<HistoryValues> = employee_history::table
        .filter(employee_history::employee_id.eq(employee_id))
        .order((employee_history::effective_on.asc(), employee_history::id.asc()))
        .select(HISTORY_POINT)
        .load(conn)?;
    Ok(in_order(rows.into_iter()))
}

/// Writes the outcomes of `places` (all of one employee, whose history is `history`),
/// moving the counts of what changed.
fn write(
    conn: &mut DbConnection,
    places: &[CompletedPlace],
    history: &[HistoryPoint],
    today: NaiveDate,
) -> QueryResult<usize> {
    let mut changed = 0;
    for place in places {
        let row = place.outcome_row(history, today);
        let before: Option<OutcomeRow> = completion_outcomes::table
            .find(row.application_id)
            .select(OutcomeRow::as_select())
            .first(conn)
            .optional()?;
        if before.as_ref() == Some(&row) {
            continue;
        }
        lock_row(conn, LockableTable::Programs, row.program_id)?;
        if let Some(before) = &before {
            diesel::delete(completion_outcomes::table.find(before.application_id)).execute(conn)?;
            count(conn, before, -1)?;
        }
        diesel::insert_into(completion_outcomes::table).values(&row).execute(conn)?;
        count(conn, &row, 1)?;
        changed += 1;
    }
    Ok(changed)
}

/// Adds `by` to the counts of every horizon of `row`.
fn count(conn: &mut DbConnection, row: &OutcomeRow, by: i64) -> QueryResult<()> {
    let month = row.month();
    for (horizon, outcome) in row.counted() {
        let upsert = diesel::insert_into(outcome_totals::table)
            .values((
                outcome_totals::program_id.eq(row.program_id),
                outcome_totals::site_type.eq(row.site_type),
                outcome_totals::month.eq(&month),
                outcome_totals::horizon.eq(horizon),
                outcome_totals::outcome.eq(outcome),
                outcome_totals::participants.eq(by),
            ))
            .on_conflict((
                outcome_totals::program_id,
                outcome_totals::site_type,
                outcome_totals::month,
                outcome_totals::horizon,
                outcome_totals::outcome,
            ))
            .do_update()
            .set(
                outcome_totals::participants.eq(outcome_totals::participants + excluded(outcome_totals::participants)),
            );
        // Upserts are written per backend: the multi-backend query builder has no ON CONFLICT.
        match conn {
            DbConnection::Sqlite(sqlite) => upsert.execute(sqlite)?,
            DbConnection::Postgresql(pg) => upsert.execute(pg)?,
        };
    }
    if let Some(months_to_move) = row.months_to_move() {
        count_move_delay(conn, row.program_id, row.site_type, &month, months_to_move, by)?;
    }
    Ok(())
}

/// Adds `by` participants who moved `months_to_move` months after completing.
fn count_move_delay(
    conn: &mut DbConnection,
    program_id: i32,
    site_type: SiteType,
    month: &str,
    months_to_move: i32,
    by: i64,
) -> QueryResult<()> {
    let upsert = diesel::insert_into(move_delay_totals::table)
        .values((
            move_delay_totals::program_id.eq(program_id),
            move_delay_totals::site_type.eq(site_type),
            move_delay_totals::month.eq(month),
            move_delay_totals::months_to_move.eq(months_to_move),
            move_delay_totals::participants.eq(by),
        ))
        .on_conflict((
            move_delay_totals::program_id,
            move_delay_totals::site_type,
            move_delay_totals::month,
            move_delay_totals::months_to_move,
        ))
        .do_update()
        .set(
            move_delay_totals::participants
                .eq(move_delay_totals::participants + excluded(move_delay_totals::participants)),
        );
    match conn {
        DbConnection::Sqlite(sqlite) => upsert.execute(sqlite)?,
        DbConnection::Postgresql(pg) => upsert.execute(pg)?,
    };
    Ok(())
}

/// Records the outcomes of an application just completed (in the completing transaction,
/// which holds its participant's row).
pub fn record_completion(conn: &mut DbConnection, application_id: i32, today: NaiveDate) -> QueryResult<()> {
    let places = completed_places(conn, None, &[application_id])?;
    let Some(place) = places.first() else { return Ok(()) };
    let history = history_of(conn, place.employee_id)?;
    write(conn, &places, &history, today)?;
    Ok(())
}

/// Computes again the outcomes of every completion of `employee_id` (after a history row
/// was recorded for them, in that transaction); returns how many changed.
pub fn recheck_employee(conn: &mut DbConnection, employee_id: i32, today: NaiveDate) -> QueryResult<usize> {
    let has_completions = diesel::select(diesel::dsl::exists(
        completion_outcomes::table.filter(completion_outcomes::employee_id.eq(employee_id)),
    ))
    .get_result::<bool>(conn)?;
    if !has_completions {
        return Ok(0);
    }
    let places = completed_places(conn, Some(employee_id), &[])?;
    let history = history_of(conn, employee_id)?;
    write(conn, &places, &history, today)
}

/// Computes again, `batch` at a time, the outcomes whose next horizon has come by `today`
/// (the scheduler, once a day at least); returns how many rows were looked at.
pub fn recheck_due(conn: &mut DbConnection, today: NaiveDate, batch: i64) -> QueryResult<usize> {
    let due: Vec<i32> = completion_outcomes::table
        .filter(completion_outcomes::next_check_on.le(today))
        .order(completion_outcomes::next_check_on.asc())
        .select(completion_outcomes::employee_id)
        .limit(batch)
        .load(conn)?;
    let mut employees_due = due;
    employees_due.sort_unstable();
    employees_due.dedup();
    for employee_id in &employees_due {
        write_transaction(conn, |conn| {
            lock_row(conn, LockableTable::Employees, *employee_id)?;
            let places = completed_places(conn, Some(*employee_id), &[])?;
            let history = history_of(conn, *employee_id)?;
            write(conn, &places, &history, today)
        })?;
    }
    Ok(employees_due.len())
}

/// How many places a bulk rebuild computes per round trip.
const REBUILD_BATCH: usize = 2_000;

/// Recomputes every outcome and count from the applications and the history (after bulk
/// loads that bypass the writing paths); returns how many completions it found.
pub fn rebuild(conn: &mut DbConnection, today: NaiveDate) -> QueryResult<usize> {
    write_transaction(conn, |conn| {
        diesel::delete(outcome_totals::table).execute(conn)?;
        diesel::delete(move_delay_totals::table).execute(conn)?;
        diesel::delete(completion_outcomes::table).execute(conn)?;
        let mut after = 0;
        let mut found = 0;
        let mut move_delays: std::collections::BTreeMap<(i32, SiteType, String, i32), i64> = Default::default();
        loop {
            // A batch of participants (every completion of each), then their histories.
            let participants: Vec<i32> = applications::table
                .filter(applications::status.eq(ApplicationStatus::Completed))
                .filter(applications::employee_id.gt(after))
                .select(applications::employee_id)
                .distinct()
                .order(applications::employee_id.asc())
                .limit(i64::try_from(REBUILD_BATCH).unwrap_or(i64::MAX))
                .load(conn)?;
            let Some(last) = participants.last().copied() else { break };
            let places: Vec<CompletedPlace> = applications::table
                .inner_join(employees::table.on(employees::id.eq(applications::employee_id)))
                .inner_join(programs::table)
                .left_join(intakes::table)
                .filter(applications::status.eq(ApplicationStatus::Completed))
                .filter(applications::employee_id.gt(after))
                .filter(applications::employee_id.le(last))
                .select(completed_place())
                .order((applications::employee_id.asc(), applications::id.asc()))
                .load(conn)?;
            let histories = Histories::read(conn, HistoryBatch::People(&participants))?;
            let rows: Vec<_> =
                places.iter().map(|place| place.outcome_row(&histories.of(place.employee_id), today)).collect();
            for chunk in rows.chunks(500) {
                let insert = diesel::insert_into(completion_outcomes::table).values(chunk);
                match conn {
                    DbConnection::Sqlite(sqlite) => insert.execute(sqlite)?,
                    DbConnection::Postgresql(pg) => insert.execute(pg)?,
                };
            }
            for row in &rows {
                if let Some(months) = row.months_to_move() {
                    *move_delays.entry((row.program_id, row.site_type, row.month(), months)).or_default() += 1;
                }
            }
            found += rows.len();
            after = last;
        }
        rebuild_totals(conn)?;
        for ((program_id, site_type, month, months_to_move), participants) in move_delays {
            count_move_delay(conn, program_id, site_type, &month, months_to_move, participants)?;
        }
        Ok(found)
    })
}

/// Recounts `outcome_totals` from `completion_outcomes`.
fn rebuild_totals(conn: &mut DbConnection) -> QueryResult<()> {
    let month = super::month_of(conn, "applied_on");
    for (horizon, column) in [(6, "outcome_6"), (12, "outcome_12"), (24, "outcome_24"), (TO_DATE, "outcome_to_date")] {
        diesel::sql_query(format!(
            "INSERT INTO outcome_totals (program_id, site_type, month, horizon, outcome, participants) \
             SELECT program_id, site_type, {month}, {horizon}, {column}, COUNT(*) FROM completion_outcomes \
             GROUP BY program_id, site_type, {month}, {column}"
        ))
        .execute(conn)?;
    }
    Ok(())
}

/// Participants counted by program, site type, horizon and outcome, for applications
/// made in the months `from..=to` (`YYYY-MM`; either open).
pub fn totals(conn: &mut DbConnection, from: Option<&str>, to: Option<&str>) -> QueryResult<Vec<OutcomeCount>> {
    outcome_totals::table
        .filter(outcome_totals::participants.ne(0))
        .filter(outcome_totals::month.ge(from.unwrap_or("0000-00")))
        .filter(outcome_totals::month.le(to.unwrap_or("9999-99")))
        .group_by((
            outcome_totals::program_id,
            outcome_totals::site_type,
            outcome_totals::horizon,
            outcome_totals::outcome,
        ))
        .select((
            outcome_totals::program_id,
            outcome_totals::site_type,
            outcome_totals::horizon,
            outcome_totals::outcome,
            super::dashboard::sum_of("participants"),
        ))
        .load::<(i32, SiteType, i32, Outcome, i64)>(conn)
        .map(|rows| {
            rows.into_iter()
                .map(|(program_id, site_type, horizon, outcome, participants)| OutcomeCount {
                    program_id,
                    site_type,
                    horizon,
                    outcome,
                    participants,
                })
                .collect()
        })
}

/// Participants who moved, by program, site type and whole months from completion to
/// the move, for applications made in the months `from..=to` (`YYYY-MM`; either open).
pub fn move_delays(conn: &mut DbConnection, from: Option<&str>, to: Option<&str>) -> QueryResult<Vec<MoveDelay>> {
    let rows: Vec<(i32, SiteType, i32, i64)> = move_delay_totals::table
        .filter(move_delay_totals::participants.ne(0))
        .filter(move_delay_totals::month.ge(from.unwrap_or("0000-00")))
        .filter(move_delay_totals::month.le(to.unwrap_or("9999-99")))
        .group_by((move_delay_totals::program_id, move_delay_totals::site_type, move_delay_totals::months_to_move))
        .select((
            move_delay_totals::program_id,
            move_delay_totals::site_type,
            move_delay_totals::months_to_move,
            super::dashboard::sum_of("participants"),
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(program_id, site_type, months, participants)| MoveDelay { program_id, site_type, months, participants })
        .collect())
}

/// Which completions an export lists: by program, site type and the days people applied
/// (the dashboard's period).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutcomeFilter {
    pub program_id: Option<i32>,
    pub site_type: Option<SiteType>,
    pub applied_from: Option<NaiveDate>,
    pub applied_to: Option<NaiveDate>,
}

/// A row of the outcomes export: the outcome row with the participant's e-mail address and
/// the program's slug.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRow {
    pub outcome: OutcomeRow,
    pub email: String,
    pub program_slug: String,
}

/// The next `limit` rows of the export after `after` (application day, application id).
pub fn export_page(
    conn: &mut DbConnection,
    filter: &OutcomeFilter,
    after: Option<(NaiveDate, i32)>,
    limit: i64,
) -> QueryResult<Vec<ExportRow>> {
    let mut query = completion_outcomes::table
        .inner_join(employees::table)
        .inner_join(programs::table)
        .select((OutcomeRow::as_select(), employees::email, programs::slug))
        .order((completion_outcomes::applied_on.asc(), completion_outcomes::application_id.asc()))
        .limit(limit)
        .into_boxed();
    if let Some(program_id) = filter.program_id {
        query = query.filter(completion_outcomes::program_id.eq(program_id));
    }
    if let Some(site_type) = filter.site_type {
        query = query.filter(completion_outcomes::site_type.eq(site_type));
    }
    if let Some(from) = filter.applied_from {
        query = query.filter(completion_outcomes::applied_on.ge(from));
    }
    if let Some(to) = filter.applied_to {
        query = query.filter(completion_outcomes::applied_on.le(to));
    }
    if let Some((day, id)) = after {
        // Written as a range on the index's first column, which both backends seek to.
        query = query
            .filter(completion_outcomes::applied_on.ge(day))
            .filter(completion_outcomes::applied_on.gt(day).or(completion_outcomes::application_id.gt(id)));
    }
    let rows: Vec<(OutcomeRow, String, String)> = query.load(conn)?;
    Ok(rows.into_iter().map(|(outcome, email, program_slug)| ExportRow { outcome, email, program_slug }).collect())
}
