//! Queries on `applications`.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::budgets::CommittedPlace;
use super::payments::DuePlace;
use super::schema::{applications, employees, intakes, programs};
use super::DbConnection;
use crate::domain::{ApplicationStatus, SiteType};

/// One row of `applications`.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = applications)]
pub struct Application {
    pub id: i32,
    pub employee_id: i32,
    pub program_id: i32,
    pub intake_id: Option<i32>,
    pub status: ApplicationStatus,
    pub motivation: String,
    pub institution: Option<String>,
    pub course_title: Option<String>,
    pub term_starts_on: Option<NaiveDate>,
    pub amount_cents: Option<i64>,
    pub covered_cents: Option<i64>,
    pub approver_id: Option<i32>,
    pub submitted_at: NaiveDateTime,
    pub decided_at: Option<NaiveDateTime>,
    pub waitlisted_at: Option<NaiveDateTime>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// The applicant's site type when they applied (for reports).
    pub site_type: SiteType,
    /// The sum of the tuition payments recorded (`db::workflow::record_payment`).
    pub paid_cents: i64,
    /// When the place was given (approved, at once or from the waitlist).
    pub approved_at: Option<NaiveDateTime>,
    /// The day the program was completed: as its owner sent it, then as the program team
    /// confirmed it.
    pub completed_on: Option<NaiveDate>,
    /// When the evidence of completion was last sent (the verification queue's order).
    pub completion_submitted_at: Option<NaiveDateTime>,
    /// When the seat last offered to it from the waitlist lapses (or lapsed).
    pub offer_expires_at: Option<NaiveDateTime>,
}

impl Application {
    /// The details its owner gave (and edits when asked for changes).
    pub fn details(&self) -> DetailsChange {
        DetailsChange {
            intake_id: self.intake_id,
            motivation: self.motivation.clone(),
            institution: self.institution.clone(),
            course_title: self.course_title.clone(),
            term_starts_on: self.term_starts_on,
            amount_cents: self.amount_cents,
            covered_cents: self.covered_cents,
        }
    }
}

/// A row to insert into `applications`.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = applications)]
pub struct NewApplication {
    pub employee_id: i32,
    pub program_id: i32,
    pub status: ApplicationStatus,
    #[diesel(embed)]
    pub details: DetailsChange,
    pub approver_id: Option<i32>,
    pub submitted_at: NaiveDateTime,
    pub decided_at: Option<NaiveDateTime>,
    pub waitlisted_at: Option<NaiveDateTime>,
    pub approved_at: Option<NaiveDateTime>,
    pub version: i32,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub site_type: SiteType,
}

/// The details of an application its owner gives: written when it is submitted, and
/// again when it is resubmitted.
#[derive(Debug, Clone, PartialEq, Eq, Insertable, AsChangeset)]
#[diesel(table_name = applications, treat_none_as_null = true)]
pub struct DetailsChange {
    pub intake_id: Option<i32>,
    pub motivation: String,
    pub institution: Option<String>,
    pub course_title: Option<String>,
    pub term_starts_on: Option<NaiveDate>,
    pub amount_cents: Option<i64>,
    pub covered_cents: Option<i64>,
}

/// A change of status; the timestamps that go with it are set by `update_status`.
#[derive(Debug, Clone, Copy)]
pub struct StatusChange {
    pub to_status: ApplicationStatus,
    pub now: NaiveDateTime,
    /// Entering the waitlist (its place is by this time).
    pub waitlisted: bool,
    /// A decision (approval, rejection, completion) rather than a submission.
    pub decided: bool,
    /// A (re)submission: the application waits again from now.
    pub resubmitted: bool,
    /// The completion date to keep, when the change records one.
    pub completed_on: Option<NaiveDate>,
    /// Evidence of completion sent: it waits for the program team from now.
    pub evidence_sent: bool,
    /// A place offered from the waitlist: the moment the offer lapses.
    pub offer_expires_at: Option<NaiveDateTime>,
}

pub fn find(conn: &mut DbConnection, id: i32) -> QueryResult<Application> {
    applications::table.find(id).select(Application::as_select()).first(conn)
}

/// The employee's active application to a program, if any.
pub fn find_active(conn: &mut DbConnection, employee_id: i32, program_id: i32) -> QueryResult<Option<Application>> {
    applications::table
        .filter(applications::employee_id.eq(employee_id))
        .filter(applications::program_id.eq(program_id))
        .filter(applications::status.eq_any(ApplicationStatus::ACTIVE))
        .select(Application::as_select())
        .first(conn)
        .optional()
}

/// Where an application is counted in `application_stats`: its status and covered cents.
type Counted = (ApplicationStatus, i64);

/// What one change to an application moves in its program's shared counters (the
/// reporting counters, what is due, what is committed; a first completion), moved by
/// [`CounterMoves::count`] in the change's transaction. Counting locks the program's row,
/// for which every change to the program's applications queues: a transaction that
/// counts last holds that lock only for the counters and its commit (a crowd applying to
/// one program at once then queues for a moment each, not for the whole transaction).
#[must_use = "the counters must be moved in the same transaction"]
#[derive(Debug)]
pub struct CounterMoves {
    application_id: i32,
    employee_id: i32,
    bucket: super::stats::Bucket,
    stats: (Option<Counted>, Option<Counted>),
    due: (Option<DuePlace>, Option<DuePlace>),
    committed: (Option<CommittedPlace>, Option<CommittedPlace>),
    /// When the application became completed by this change.
    completed_at: Option<NaiveDateTime>,
}

impl CounterMoves {
    /// Moves the counters (locking the program's row, the last of the lock order).
    pub fn count(self, conn: &mut DbConnection) -> QueryResult<()> {
        let program_id = self.bucket.program_id;
        super::payments::count_due(conn, program_id, self.due.0, self.due.1)?;
        super::budgets::count_commitment(conn, program_id, self.committed.0, self.committed.1)?;
        super::stats::count(conn, &self.bucket, self.stats.0, self.stats.1)?;
        if let Some(at) = self.completed_at {
            super::stats::add_participant(conn, self.employee_id, at)?;
            super::outcomes::record_completion(conn, self.application_id, crate::clock::today())?;
        }
        Ok(())
    }
}

/// Inserts an application and counts it in the reporting figures (same transaction).
pub fn insert(conn: &mut DbConnection, new: &NewApplication) -> QueryResult<i32> {
    let (id, moves) = insert_uncounted(conn, new)?;
    moves.count(conn)?;
    Ok(id)
}

/// Inserts an application; its counters are the caller's to move, later in the same
/// transaction.
pub fn insert_uncounted(conn: &mut DbConnection, new: &NewApplication) -> QueryResult<(i32, CounterMoves)> {
    let id = diesel::insert_into(applications::table).values(new).returning(applications::id).get_result(conn)?;
    let moves = CounterMoves {
        application_id: id,
        employee_id: new.employee_id,
        bucket: super::stats::Bucket::new(new.program_id, new.site_type, new.created_at),
        stats: (None, Some((new.status, new.details.covered_cents.unwrap_or(0)))),
        due: (None, DuePlace::of(new.status, new.approved_at, new.details.covered_cents, 0)),
        committed: (None, CommittedPlace::of(new.status, new.approved_at, new.details.covered_cents)),
        completed_at: (new.status == ApplicationStatus::Completed).then_some(new.updated_at),
    };
    Ok((id, moves))
}

/// Moves an application to a new status if it is still at `expected_version`;
/// returns false when someone else changed it first.
pub fn update_status(
    conn: &mut DbConnection,
    id: i32,
    expected_version: i32,
    change: StatusChange,
) -> QueryResult<bool> {
    match update_status_uncounted(conn, id, expected_version, change)? {
        Some(moves) => {
            moves.count(conn)?;
            Ok(true)
        }
        None => Ok(false),
    }
}

/// [`update_status`] whose counters are the caller's to move, later in the same
/// transaction; `None` when someone else changed the application first.
pub fn update_status_uncounted(
    conn: &mut DbConnection,
    id: i32,
    expected_version: i32,
    change: StatusChange,
) -> QueryResult<Option<CounterMoves>> {
    // What the reporting counters need: where the application was counted until now.
    let Some(before) = applications::table
        .filter(applications::id.eq(id))
        .filter(applications::version.eq(expected_version))
        .select((
            applications::program_id,
            applications::site_type,
            applications::created_at,
            applications::status,
            applications::covered_cents,
            applications::employee_id,
            applications::approved_at,
            applications::paid_cents,
        ))
        .first::<(i32, SiteType, NaiveDateTime, ApplicationStatus, Option<i64>, i32, Option<NaiveDateTime>, i64)>(conn)
        .optional()?
    else {
        return Ok(None);
    };
    let target = applications::table.filter(applications::id.eq(id)).filter(applications::version.eq(expected_version));
    let updated = diesel::update(target)
        .set((
            applications::status.eq(change.to_status),
            applications::version.eq(expected_version + 1),
            applications::updated_at.eq(change.now),
            change.decided.then_some(applications::decided_at.eq(Some(change.now))),
            change.waitlisted.then_some(applications::waitlisted_at.eq(Some(change.now))),
            change.resubmitted.then_some(applications::submitted_at.eq(change.now)),
            (change.to_status == ApplicationStatus::Approved).then_some(applications::approved_at.eq(Some(change.now))),
            change.completed_on.map(|day| applications::completed_on.eq(Some(day))),
            change.evidence_sent.then_some(applications::completion_submitted_at.eq(Some(change.now))),
            change.offer_expires_at.map(|deadline| applications::offer_expires_at.eq(Some(deadline))),
        ))
        .execute(conn)?;
    if updated != 1 {
        return Ok(None);
    }
    let (program_id, site_type, created_at, old_status, covered_cents, employee_id, approved_at, paid_cents) = before;
    let approved_now = (change.to_status == ApplicationStatus::Approved).then_some(change.now).or(approved_at);
    let covered = covered_cents.unwrap_or(0);
    Ok(Some(CounterMoves {
        application_id: id,
        employee_id,
        bucket: super::stats::Bucket::new(program_id, site_type, created_at),
        stats: (Some((old_status, covered)), Some((change.to_status, covered))),
        due: (
            DuePlace::of(old_status, approved_at, covered_cents, paid_cents),
            DuePlace::of(change.to_status, approved_now, covered_cents, paid_cents),
        ),
        committed: (
            CommittedPlace::of(old_status, approved_at, covered_cents),
            CommittedPlace::of(change.to_status, approved_now, covered_cents),
        ),
        completed_at: (change.to_status == ApplicationStatus::Completed).then_some(change.now),
    }))
}

/// Replaces the editable details (the version is moved by the status change that follows),
/// keeping the reporting counters' covered amounts in step.
pub fn update_details(conn: &mut DbConnection, id: i32, details: &DetailsChange) -> QueryResult<()> {
    let (program_id, site_type, created_at, status, old_covered, approved_at, paid_cents): (
        i32,
        SiteType,
        NaiveDateTime,
        ApplicationStatus,
        Option<i64>,
        Option<NaiveDateTime>,
        i64,
    ) = applications::table
        .find(id)
        .select((
            applications::program_id,
            applications::site_type,
            applications::created_at,
            applications::status,
            applications::covered_cents,
            applications::approved_at,
            applications::paid_cents,
        ))
        .first(conn)?;
    diesel::update(applications::table.find(id)).set(details).execute(conn)?;
    super::payments::count_due(
        conn,
        program_id,
        DuePlace::of(status, approved_at, old_covered, paid_cents),
        DuePlace::of(status, approved_at, details.covered_cents, paid_cents),
    )?;
    super::budgets::count_commitment(
        conn,
        program_id,
        CommittedPlace::of(status, approved_at, old_covered),
        CommittedPlace::of(status, approved_at, details.covered_cents),
    )?;
    let bucket = super::stats::Bucket::new(program_id, site_type, created_at);
    super::stats::count(
        conn,
        &bucket,
        Some((status, old_covered.unwrap_or(0))),
        Some((status, details.covered_cents.unwrap_or(0))),
    )
}

/// Seats of an intake held by approved or completed applications, or offered.
pub fn seats_taken(conn: &mut DbConnection, intake_id: i32) -> QueryResult<i64> {
    applications::table
        .filter(applications::intake_id.eq(intake_id))
        .filter(applications::status.eq_any(ApplicationStatus::SEAT_RESERVING))
        .count()
        .get_result(conn)
}

/// The application of someone who still works here that has waited longest on an
/// intake's waitlist (a place of someone deactivated never gets a seat).
pub fn oldest_waitlisted(conn: &mut DbConnection, intake_id: i32) -> QueryResult<Option<Application>> {
    applications::table
        .inner_join(employees::table.on(employees::id.eq(applications::employee_id)))
        .filter(applications::intake_id.eq(intake_id))
        .filter(applications::status.eq(ApplicationStatus::Waitlisted))
        .filter(employees::active.eq(true))
        .order((applications::waitlisted_at.asc(), applications::id.asc()))
        .select(Application::as_select())
        .first(conn)
        .optional()
}

/// 1 for the first in line on the waitlist of the application's intake (only people who
/// still work here are in line); 0 when it is not waiting on an intake.
pub fn waitlist_position(conn: &mut DbConnection, application: &Application) -> QueryResult<i64> {
    let (Some(intake_id), Some(waitlisted_at)) = (application.intake_id, application.waitlisted_at) else {
        return Ok(0);
    };
    let ahead: i64 = applications::table
        .inner_join(employees::table.on(employees::id.eq(applications::employee_id)))
        .filter(applications::intake_id.eq(intake_id))
        .filter(applications::status.eq(ApplicationStatus::Waitlisted))
        .filter(employees::active.eq(true))
        .filter(
            applications::waitlisted_at
                .lt(waitlisted_at)
                .or(applications::waitlisted_at.eq(waitlisted_at).and(applications::id.lt(application.id))),
        )
        .count()
        .get_result(conn)?;
    Ok(ahead + 1)
}

/// An employee's places in line, by intake: on waitlists and in lotteries' seat draws.
pub fn waitlisted_of_employee(conn: &mut DbConnection, employee_id: i32) -> QueryResult<Vec<Application>> {
    applications::table
        .filter(applications::employee_id.eq(employee_id))
        .filter(applications::status.eq_any([ApplicationStatus::Waitlisted, ApplicationStatus::InDraw]))
        .order((applications::intake_id.asc(), applications::id.asc()))
        .select(Application::as_select())
        .load(conn)
}

/// An employee's active application to a program, as the catalog shows it.
#[derive(Debug, Clone, Queryable)]
pub struct ActiveApplication {
    pub id: i32,
    pub program_id: i32,
    pub status: ApplicationStatus,
    pub submitted_at: NaiveDateTime,
}

/// Every active application of an employee (one per program at most): one query for a
/// whole catalog page. The statuses are sorted out here rather than in SQL: a person has
/// a handful of applications, and a query with an `IN` list is prepared anew on SQLite
/// every time it runs, on every catalog view.
pub fn active_of_employee(conn: &mut DbConnection, employee_id: i32) -> QueryResult<Vec<ActiveApplication>> {
    let query = applications::table.filter(applications::employee_id.eq(employee_id)).select((
        applications::id,
        applications::program_id,
        applications::status,
        applications::submitted_at,
    ));
    let mut applications: Vec<ActiveApplication> = super::on_own_backend!(conn, |own| query.load(own))?;
    applications.retain(|application| application.status.is_active());
    Ok(applications)
}

/// An application as listed on "My applications".
#[derive(Debug, Clone, Queryable)]
pub struct MyApplication {
    pub id: i32,
    pub status: ApplicationStatus,
    pub submitted_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    pub intake_id: Option<i32>,
    pub waitlisted_at: Option<NaiveDateTime>,
    pub program_name: String,
    pub program_slug: String,
    pub intake_name: Option<String>,
    pub intake_starts_on: Option<NaiveDate>,
    pub approver_id: Option<i32>,
    pub approver_name: Option<String>,
    pub term_starts_on: Option<NaiveDate>,
}

impl MyApplication {
    /// When the place starts: its intake's start, else its term's.
    pub fn starts_on(&self) -> Option<NaiveDate> {
        self.intake_starts_on.or(self.term_starts_on)
    }
}

/// One page of an employee's applications, newest first.
pub fn page_for_employee(
    conn: &mut DbConnection,
    employee_id: i32,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<MyApplication>> {
    applications::table
        .inner_join(programs::table)
        .left_join(intakes::table)
        .left_join(employees::table.on(applications::approver_id.eq(employees::id.nullable())))
        .filter(applications::employee_id.eq(employee_id))
        .order(applications::id.desc())
        .offset(offset)
        .limit(limit)
        .select((
            applications::id,
            applications::status,
            applications::submitted_at,
            applications::updated_at,
            applications::intake_id,
            applications::waitlisted_at,
            programs::name,
            programs::slug,
            intakes::name.nullable(),
            intakes::starts_on.nullable(),
            applications::approver_id,
            employees::display_name.nullable(),
            applications::term_starts_on,
        ))
        .load(conn)
}

pub fn count_for_employee(conn: &mut DbConnection, employee_id: i32) -> QueryResult<i64> {
    applications::table.filter(applications::employee_id.eq(employee_id)).count().get_result(conn)
}

/// The covered tuition amounts an employee already has committed to a program for
/// terms starting in `year`, leaving out application `excluding` (summed by the caller:
/// a handful of rows at most).
pub fn committed_tuition_cents(
    conn: &mut DbConnection,
    employee_id: i32,
    program_id: i32,
    year: i32,
    excluding: Option<i32>,
) -> QueryResult<Vec<i64>> {
    let (Some(first), Some(last)) =
        (chrono::NaiveDate::from_ymd_opt(year, 1, 1), chrono::NaiveDate::from_ymd_opt(year, 12, 31))
    else {
        return Ok(Vec::new());
    };
    applications::table
        .filter(applications::employee_id.eq(employee_id))
        .filter(applications::program_id.eq(program_id))
        .filter(applications::status.eq_any(ApplicationStatus::TUITION_COMMITTING))
        .filter(applications::term_starts_on.between(first, last))
        .filter(applications::id.ne(excluding.unwrap_or(0)))
        .select(applications::covered_cents)
        .load::<Option<i64>>(conn)
        .map(|rows| rows.into_iter().flatten().collect())
}

/// What an employee has committed to a program's tuition for terms starting in each of
/// `years` (approved and pending requests alike), leaving out application `excluding`.
pub fn committed_by_year(
    conn: &mut DbConnection,
    employee_id: i32,
    program_id: i32,
    years: &[i32],
    excluding: Option<i32>,
) -> QueryResult<Vec<(i32, i64)>> {
    let mut committed = Vec::with_capacity(years.len());
    for year in years {
        let rows = committed_tuition_cents(conn, employee_id, program_id, *year, excluding)?;
        committed.push((*year, rows.iter().sum()));
    }
    Ok(committed)
}

/// An application of a team member, for `/team`.
#[derive(Debug, Clone, Queryable)]
pub struct TeamApplication {
    pub id: i32,
    pub employee_id: i32,
    pub status: ApplicationStatus,
    pub program_name: String,
    pub submitted_at: NaiveDateTime,
}

/// The applications of the given employees, newest first.
pub fn for_employees(conn: &mut DbConnection, employee_ids: &[i32]) -> QueryResult<Vec<TeamApplication>> {
    applications::table
        .inner_join(programs::table)
        .filter(applications::employee_id.eq_any(employee_ids))
        .order(applications::id.desc())
        .select((
            applications::id,
            applications::employee_id,
            applications::status,
            programs::name,
            applications::submitted_at,
        ))
        .load(conn)
}

/// Pending applications of one employee (their manager's stage or waiting for their edit).
pub fn pending_for_employee(conn: &mut DbConnection, employee_id: i32) -> QueryResult<Vec<Application>> {
    applications::table
        .filter(applications::employee_id.eq(employee_id))
        .filter(applications::status.eq_any(ApplicationStatus::PENDING_ON_MANAGER))
        .select(Application::as_select())
        .load(conn)
}

/// Points an application at a new approver (the applicant's manager changed) if it is
/// still at `expected_version`; returns false when it changed meanwhile.
pub fn set_approver(
    conn: &mut DbConnection,
    id: i32,
    expected_version: i32,
    approver_id: Option<i32>,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let target = applications::table.filter(applications::id.eq(id)).filter(applications::version.eq(expected_version));
    diesel::update(target)
        .set((
            applications::approver_id.eq(approver_id),
            applications::version.eq(expected_version + 1),
            applications::updated_at.eq(now),
        ))
        .execute(conn)
        .map(|updated| updated == 1)
}

/// Applications waiting at the manager stage on `approver_id`.
pub fn awaiting_approver(conn: &mut DbConnection, approver_id: i32) -> QueryResult<Vec<Application>> {
    applications::table
        .filter(applications::approver_id.eq(approver_id))
        .filter(applications::status.eq(ApplicationStatus::Submitted))
        .order(applications::program_id.asc())
        .select(Application::as_select())
        .load(conn)
}

/// How many applications of an intake wait for its seat draw.
pub fn in_draw_count(conn: &mut DbConnection, intake_id: i32) -> QueryResult<i64> {
    applications::table
        .filter(applications::intake_id.eq(intake_id))
        .filter(applications::status.eq(ApplicationStatus::InDraw))
        .count()
        .get_result(conn)
}

/// An application in an intake's seat draw, with what its reporting counters need.
#[derive(Debug, Clone, Queryable)]
pub struct InDraw {
    pub id: i32,
    pub version: i32,
    pub employee_id: i32,
    pub site_type: SiteType,
    pub created_at: NaiveDateTime,
    pub covered_cents: Option<i64>,
}

/// The applications of an intake in its seat draw.
pub fn in_draw(conn: &mut DbConnection, intake_id: i32) -> QueryResult<Vec<InDraw>> {
    applications::table
        .filter(applications::intake_id.eq(intake_id))
        .filter(applications::status.eq(ApplicationStatus::InDraw))
        .order(applications::id.asc())
        .select((
            applications::id,
            applications::version,
            applications::employee_id,
            applications::site_type,
            applications::created_at,
            applications::covered_cents,
        ))
        .load(conn)
}

/// Puts every application of an intake still in its seat draw on the waitlist at once,
/// decided and waiting since `at` (the draw then spreads them a microsecond apart in its
/// order); returns how many. Counters are the caller's.
pub fn draw_waitlist(conn: &mut DbConnection, intake_id: i32, at: NaiveDateTime) -> QueryResult<usize> {
    diesel::update(
        applications::table
            .filter(applications::intake_id.eq(intake_id))
            .filter(applications::status.eq(ApplicationStatus::InDraw)),
    )
    .set((
        applications::status.eq(ApplicationStatus::Waitlisted),
        applications::version.eq(applications::version + 1),
        applications::updated_at.eq(at),
        applications::decided_at.eq(Some(at)),
        applications::waitlisted_at.eq(Some(at)),
    ))
    .execute(conn)
}

/// Which of `employee_ids` completed a program (a verified completion) on a day from
/// `since` to `until`, both included.
pub fn completed_between(
    conn: &mut DbConnection,
    employee_ids: &[i32],
    since: NaiveDate,
    until: NaiveDate,
) -> QueryResult<std::collections::HashSet<i32>> {
    let mut found = std::collections::HashSet::new();
    // In slices, to stay within SQLite's limit on bound parameters.
    for slice in employee_ids.chunks(5_000) {
        let ids: Vec<i32> = applications::table
            .filter(applications::employee_id.eq_any(slice))
            .filter(applications::status.eq(ApplicationStatus::Completed))
            .filter(applications::completed_on.between(since, until))
            .select(applications::employee_id)
            .distinct()
            .load(conn)?;
        found.extend(ids);
    }
    Ok(found)
}
