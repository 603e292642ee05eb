//! The decision queues: what waits on a manager (and on those they stand in for) and,
//! for administrators, the program team's stage.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::program_teams::ProgramScope;
use super::schema::{applications, employees, intakes, programs};
use super::DbConnection;
use crate::domain::{ApplicationStatus, EmploymentType};

/// Whose decisions a queue shows.
#[derive(Debug, Clone)]
pub struct QueueScope {
    /// The viewer (whose own applications never appear).
    pub viewer_id: i32,
    /// Approvers whose manager-stage applications the viewer decides: themselves and
    /// the managers they stand in for.
    pub approver_ids: Vec<i32>,
    /// The programs whose program-team stage (and whose applications from people without
    /// a manager) the viewer decides: every program for an admin, their teams' for a team
    /// member, `None` for anyone else.
    pub program_team_stage: Option<ProgramScope>,
    pub program_id: Option<i32>,
}

/// An application waiting for a decision, with what the queue shows about it.
#[derive(Debug, Clone, Queryable)]
pub struct QueueItem {
    pub id: i32,
    pub version: i32,
    pub status: ApplicationStatus,
    pub submitted_at: NaiveDateTime,
    pub approver_id: Option<i32>,
    pub employee_id: i32,
    pub employee_name: String,
    pub employment_type: EmploymentType,
    pub program_id: i32,
    pub program_name: String,
    pub intake_id: Option<i32>,
    pub intake_name: Option<String>,
    pub intake_starts_on: Option<NaiveDate>,
    pub amount_cents: Option<i64>,
    pub covered_cents: Option<i64>,
    pub term_starts_on: Option<NaiveDate>,
}

/// `applications` joined with its applicant, program and intake, selecting a
/// [`QueueItem`], in the queue's order (oldest first), boxed for the filters.
macro_rules! queue_items {
    () => {
        applications::table
            .inner_join(employees::table.on(employees::id.eq(applications::employee_id)))
            .inner_join(programs::table)
            .left_join(intakes::table)
            .select((
                applications::id,
                applications::version,
                applications::status,
                applications::submitted_at,
                applications::approver_id,
                applications::employee_id,
                employees::display_name,
                employees::employment_type,
                applications::program_id,
                programs::name,
                applications::intake_id,
                intakes::name.nullable(),
                intakes::starts_on.nullable(),
                applications::amount_cents,
                applications::covered_cents,
                applications::term_starts_on,
            ))
            .order((applications::submitted_at.asc(), applications::id.asc()))
            .into_boxed()
    };
}

/// Builds the queue's filter on `applications` once for the list and the count.
macro_rules! queue_filter {
    ($query:expr, $scope:expr) => {{
        let scope: &QueueScope = $scope;
        let manager_stage = applications::status
            .eq(ApplicationStatus::Submitted)
            .and(applications::approver_id.eq_any(scope.approver_ids.clone()));
        let mut query = $query.filter(applications::employee_id.ne(scope.viewer_id));
        let team_stage = applications::status
            .eq(ApplicationStatus::ManagerApproved)
            .or(applications::status.eq(ApplicationStatus::Submitted).and(applications::approver_id.is_null()));
        query = match scope.program_team_stage.as_ref().map(ProgramScope::ids) {
            None => query.filter(manager_stage),
            Some(None) => query.filter(manager_stage.or(team_stage)),
            Some(Some(programs)) => {
                query.filter(manager_stage.or(team_stage.and(applications::program_id.eq_any(programs.to_vec()))))
            }
        };
        if let Some(program_id) = scope.program_id {
            query = query.filter(applications::program_id.eq(program_id));
        }
        query
    }};
}

/// One page of a decision queue, oldest first.
pub fn page(conn: &mut DbConnection, scope: &QueueScope, offset: i64, limit: i64) -> QueryResult<Vec<QueueItem>> {
    queue_filter!(queue_items!(), scope).offset(offset).limit(limit).load(conn)
}

/// The applications `ids` as the queue shows them, whatever their stage now (a bulk
/// approval's selection), in the queue's order.
pub fn items(conn: &mut DbConnection, ids: &[i32]) -> QueryResult<Vec<QueueItem>> {
    queue_items!().filter(applications::id.eq_any(ids)).load(conn)
}

/// How many applications a decision queue holds, counting no further than `cap` (the
/// navigation shows "99+"; an admin's queue can hold tens of thousands).
pub fn count_up_to(conn: &mut DbConnection, scope: &QueueScope, cap: i64) -> QueryResult<i64> {
    let ids: Vec<i32> =
        queue_filter!(applications::table.into_boxed(), scope).select(applications::id).limit(cap).load(conn)?;
    Ok(ids.len() as i64)
}

/// How many applications a decision queue holds.
pub fn count(conn: &mut DbConnection, scope: &QueueScope) -> QueryResult<i64> {
    queue_filter!(applications::table.into_boxed(), scope).count().get_result(conn)
}
