//! Completions: the program team's queue of evidence waiting to be checked, and a
//! person's learning record (every program they completed, with its credential).

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::credentials::{self, Credential};
use super::program_teams::ProgramScope;
use super::schema::{applications, employees, intakes, programs};
use super::DbConnection;
use crate::domain::{ApplicationStatus, CompletionEvidence, ProgramKind};

/// Evidence waiting for the program team, as the verification queue shows it.
#[derive(Debug, Clone, Queryable)]
pub struct WaitingEvidence {
    pub id: i32,
    pub employee_name: String,
    pub program_name: String,
    pub evidence: CompletionEvidence,
    pub intake_name: Option<String>,
    pub completed_on: Option<NaiveDate>,
    pub sent_at: Option<NaiveDateTime>,
}

/// How many submissions wait, counted up to `cap` (what the navigation shows).
pub fn count_waiting_up_to(conn: &mut DbConnection, scope: &ProgramScope, cap: i64) -> QueryResult<i64> {
    let ids: Vec<i32> = waiting_in(scope).select(applications::id).limit(cap).load(conn)?;
    Ok(ids.len() as i64)
}

/// How many submissions wait.
pub fn count_waiting(conn: &mut DbConnection, scope: &ProgramScope) -> QueryResult<i64> {
    waiting_in(scope).count().get_result(conn)
}

/// The submissions waiting in the programs of `scope`.
fn waiting_in(scope: &ProgramScope) -> applications::BoxedQuery<'static, super::MultiBackend> {
    let query =
        applications::table.filter(applications::status.eq(ApplicationStatus::CompletionSubmitted)).into_boxed();
    match scope.ids() {
        Some(ids) => query.filter(applications::program_id.eq_any(ids.to_vec())),
        None => query,
    }
}

/// One page of the submissions waiting, the longest-waiting first.
pub fn waiting_page(
    conn: &mut DbConnection,
    scope: &ProgramScope,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<WaitingEvidence>> {
    let mut query = applications::table
        .inner_join(employees::table.on(employees::id.eq(applications::employee_id)))
        .inner_join(programs::table)
        .left_join(intakes::table)
        .filter(applications::status.eq(ApplicationStatus::CompletionSubmitted))
        .into_boxed();
    if let Some(ids) = scope.ids() {
        query = query.filter(applications::program_id.eq_any(ids.to_vec()));
    }
    query
        .order((applications::completion_submitted_at.asc(), applications::id.asc()))
        .offset(offset)
        .limit(limit)
        .select((
            applications::id,
            employees::display_name,
            programs::name,
            programs::completion_evidence,
            intakes::name.nullable(),
            applications::completed_on,
            applications::completion_submitted_at,
        ))
        .load(conn)
}

/// A program someone completed, with its credential when one was recorded.
#[derive(Debug, Clone)]
pub struct LearningEntry {
    pub application_id: i32,
    pub program_name: String,
    pub program_kind: ProgramKind,
    pub provider: String,
    /// The confirmed date; for a completion recorded before dates were kept, the day it
    /// was marked.
    pub completed_on: NaiveDate,
    pub credential: Option<Credential>,
}

/// Every program `employee_id` completed (verified), the latest first.
pub fn learning_record(conn: &mut DbConnection, employee_id: i32) -> QueryResult<Vec<LearningEntry>> {
    type Row = (i32, String, ProgramKind, String, Option<NaiveDate>, Option<NaiveDateTime>, NaiveDateTime);
    let rows: Vec<Row> = applications::table
        .inner_join(programs::table)
        .filter(applications::employee_id.eq(employee_id))
        .filter(applications::status.eq(ApplicationStatus::Completed))
        .select((
            applications::id,
            programs::name,
            programs::kind,
            programs::provider,
            applications::completed_on,
            applications::decided_at,
            applications::updated_at,
        ))
        .load(conn)?;
    let ids: Vec<i32> = rows.iter().map(|row| row.0).collect();
    let mut credentials = credentials::for_applications(conn, &ids)?;
    let mut entries: Vec<LearningEntry> = rows
        .into_iter()
        .map(|(id, program_name, program_kind, provider, completed_on, decided_at, updated_at)| LearningEntry {
            application_id: id,
            program_name,
            program_kind,
            provider,
            completed_on: completed_on.unwrap_or_else(|| decided_at.unwrap_or(updated_at).date()),
            credential: credentials.iter().position(|c| c.application_id == id).map(|i| credentials.swap_remove(i)),
        })
        .collect();
    entries.sort_by(|a, b| b.completed_on.cmp(&a.completed_on).then(b.application_id.cmp(&a.application_id)));
    Ok(entries)
}
