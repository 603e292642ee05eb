//! `employee_history`: a row each time something history follows changed about a person
//! (`domain::history`). Every path that changes a person calls [`record_change`] inside
//! its own transaction, after its writes: the person form, SCIM, provisioning at first
//! sign-in, the command line's `create-admin`; the HR import calls it for the people it
//! updates and [`record_new_people`] for the ones it inserts.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::schema::{employee_history, employees};
use super::DbConnection;
use crate::domain::history::{departure, ChangeContext, HistoryEntry, JobState};
use crate::domain::{EmploymentType, HistorySource, JobFamily, LeavingReason, SiteType};

/// New rows per INSERT: 12 values each, well under SQLite's 32,766 parameters.
const INSERT_CHUNK: usize = 1000;

/// The columns of `employees` and `employee_history` that history follows.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
struct StateRow {
    job_title: String,
    job_family: JobFamily,
    site_type: SiteType,
    employment_type: EmploymentType,
    manager_id: Option<i32>,
    active: bool,
}

impl From<StateRow> for JobState {
    fn from(row: StateRow) -> Self {
        let StateRow { job_title, job_family, site_type, employment_type, manager_id, active } = row;
        JobState { job_title, job_family, site_type, employment_type, manager_id, active }
    }
}

/// A row of `employee_history` to insert (its id from the table's own sequence).
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = employee_history, treat_none_as_default_value = false)]
pub(super) struct NewHistoryRow {
    pub(super) employee_id: i32,
    pub(super) effective_on: NaiveDate,
    pub(super) job_title: String,
    pub(super) job_family: JobFamily,
    pub(super) site_type: SiteType,
    pub(super) employment_type: EmploymentType,
    pub(super) manager_id: Option<i32>,
    pub(super) active: bool,
    pub(super) source: HistorySource,
    pub(super) left_on: Option<NaiveDate>,
    pub(super) leaving_reason: Option<LeavingReason>,
    pub(super) recorded_at: chrono::NaiveDateTime,
    pub(super) recorded_by: Option<i32>,
}

impl NewHistoryRow {
    fn of(employee_id: i32, before: Option<&JobState>, now: JobState, context: &ChangeContext) -> NewHistoryRow {
        let left = departure(before, &now, context);
        NewHistoryRow {
            employee_id,
            effective_on: context.effective_on,
            job_title: now.job_title,
            job_family: now.job_family,
            site_type: now.site_type,
            employment_type: now.employment_type,
            manager_id: now.manager_id,
            active: now.active,
            source: context.source,
            left_on: left.map(|(day, _)| day),
            leaving_reason: left.and_then(|(_, reason)| reason),
            recorded_at: crate::clock::now(),
            recorded_by: context.recorded_by,
        }
    }
}

fn current_state(conn: &mut DbConnection, employee_id: i32) -> QueryResult<JobState> {
    let row: StateRow = employees::table
        .find(employee_id)
        .select((
            employees::job_title,
            employees::job_family,
            employees::site_type,
            employees::employment_type,
            employees::manager_id,
            employees::active,
        ))
        .first(conn)?;
    Ok(row.into())
}

/// The person as their last recorded row says, if they have one.
fn last_recorded(conn: &mut DbConnection, employee_id: i32) -> QueryResult<Option<JobState>> {
    let row: Option<StateRow> = employee_history::table
        .filter(employee_history::employee_id.eq(employee_id))
        .order(employee_history::id.desc())
        .select((
            employee_history::job_title,
            employee_history::job_family,
            employee_history::site_type,
            employee_history::employment_type,
            employee_history::manager_id,
            employee_history::active,
        ))
        .first(conn)
        .optional()?;
    Ok(row.map(JobState::from))
}

/// Records the person as they now are, read inside the caller's transaction, when
/// something history follows differs from their last row (or they have none), and
/// computes again what their completions led to. Returns whether a row was written: a new
/// name or e-mail address alone writes none.
pub fn record_change(conn: &mut DbConnection, employee_id: i32, context: &ChangeContext) -> QueryResult<bool> {
    let now = current_state(conn, employee_id)?;
    let before = last_recorded(conn, employee_id)?;
    if before.as_ref() == Some(&now) {
        return Ok(false);
    }
    let row = NewHistoryRow::of(employee_id, before.as_ref(), now, context);
    diesel::insert_into(employee_history::table).values(&row).execute(conn)?;
    super::outcomes::recheck_employee(conn, employee_id, crate::clock::today())?;
    Ok(true)
}

/// The first rows of people just inserted (who have none yet), as they were inserted,
/// a thousand to a statement: the import's new people.
pub fn record_new_people(conn: &mut DbConnection, people: Vec<(i32, JobState, ChangeContext)>) -> QueryResult<()> {
    let rows: Vec<NewHistoryRow> =
        people.into_iter().map(|(id, state, context)| NewHistoryRow::of(id, None, state, &context)).collect();
    for chunk in rows.chunks(INSERT_CHUNK) {
        insert_rows(conn, chunk)?;
    }
    Ok(())
}

/// Inserts `rows` in one multi-row INSERT, written per backend: the multi-backend query
/// builder has none. Returns how many were written.
pub(super) fn insert_rows(conn: &mut DbConnection, rows: &[NewHistoryRow]) -> QueryResult<usize> {
    let insert = diesel::insert_into(employee_history::table).values(rows);
    match conn {
        DbConnection::Sqlite(sqlite) => insert.execute(sqlite),
        DbConnection::Postgresql(pg) => insert.execute(pg),
    }
}

diesel::alias!(employees as history_managers: HistoryManagersAlias);

/// A person's history, oldest first, with each row's manager by name.
pub fn timeline(conn: &mut DbConnection, employee_id: i32) -> QueryResult<Vec<HistoryEntry>> {
    type Row = (
        NaiveDate,
        String,
        JobFamily,
        SiteType,
        EmploymentType,
        Option<String>,
        bool,
        HistorySource,
        Option<NaiveDate>,
        Option<LeavingReason>,
    );
    let rows: Vec<Row> = employee_history::table
        .left_join(
            history_managers.on(employee_history::manager_id.eq(history_managers.field(employees::id).nullable())),
        )
        .filter(employee_history::employee_id.eq(employee_id))
        .order((employee_history::effective_on.asc(), employee_history::id.asc()))
        .select((
            employee_history::effective_on,
            employee_history::job_title,
            employee_history::job_family,
            employee_history::site_type,
            employee_history::employment_type,
            history_managers.field(employees::display_name).nullable(),
            employee_history::active,
            employee_history::source,
            employee_history::left_on,
            employee_history::leaving_reason,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(
            |(
                effective_on,
                job_title,
                job_family,
                site_type,
                employment_type,
                manager_name,
                active,
                source,
                left_on,
                leaving_reason,
            )| HistoryEntry {
                effective_on,
                job_title,
                job_family,
                site_type,
                employment_type,
                manager_name,
                active,
                source,
                left_on,
                leaving_reason,
            },
        )
        .collect())
}
