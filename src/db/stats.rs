//! The reporting counters: applications and covered tuition per program, site type,
//! month of application and status, kept in step with every status change (in the same
//! transaction), so that the dashboard reads a few thousand rows instead of scanning
//! `applications`; and the pledge's participants (distinct employees who completed).

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::upsert::excluded;

use super::schema::{application_stats, pledge_participant_count, pledge_participants};
use super::{lock_row, DbConnection, LockableTable};
use crate::domain::{ApplicationStatus, SiteType};

/// Where an application is counted: these never change for an application.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    pub program_id: i32,
    pub site_type: SiteType,
    /// `YYYY-MM` of the application's creation.
    pub month: String,
}

impl Bucket {
    pub fn new(program_id: i32, site_type: SiteType, created_at: NaiveDateTime) -> Bucket {
        Bucket { program_id, site_type, month: created_at.format("%Y-%m").to_string() }
    }
}

/// Moves one application from `from` (status, covered cents) to `to` in the counters.
pub fn count(
    conn: &mut DbConnection,
    bucket: &Bucket,
    from: Option<(ApplicationStatus, i64)>,
    to: Option<(ApplicationStatus, i64)>,
) -> QueryResult<()> {
    if from == to {
        return Ok(());
    }
    // Counter rows are shared by every application of a program; taking the program's
    // row lock first gives all transactions one lock order (no deadlocks on PostgreSQL).
    lock_row(conn, LockableTable::Programs, bucket.program_id)?;
    if let Some((status, covered)) = from {
        add(conn, bucket, status, -1, -covered)?;
    }
    if let Some((status, covered)) = to {
        add(conn, bucket, status, 1, covered)?;
    }
    Ok(())
}

/// Moves `applications` applications of `bucket`, covering `covered_cents` in all, from
/// `from` to `to` at once (a lottery's draw moves its waitlist together).
pub fn count_many(
    conn: &mut DbConnection,
    bucket: &Bucket,
    (from, to): (ApplicationStatus, ApplicationStatus),
    applications: i64,
    covered_cents: i64,
) -> QueryResult<()> {
    if from == to || applications == 0 {
        return Ok(());
    }
    lock_row(conn, LockableTable::Programs, bucket.program_id)?;
    add(conn, bucket, from, -applications, -covered_cents)?;
    add(conn, bucket, to, applications, covered_cents)
}

fn add(
    conn: &mut DbConnection,
    bucket: &Bucket,
    status: ApplicationStatus,
    applications: i64,
    covered_cents: i64,
) -> QueryResult<()> {
    let upsert = diesel::insert_into(application_stats::table)
        .values((
            application_stats::program_id.eq(bucket.program_id),
            application_stats::site_type.eq(bucket.site_type),
            application_stats::month.eq(&bucket.month),
            application_stats::status.eq(status),
            application_stats::applications.eq(applications),
            application_stats::covered_cents.eq(covered_cents),
        ))
        .on_conflict((
            application_stats::program_id,
            application_stats::site_type,
            application_stats::month,
            application_stats::status,
        ))
        .do_update()
        .set((
            application_stats::applications
                .eq(application_stats::applications + excluded(application_stats::applications)),
            application_stats::covered_cents
                .eq(application_stats::covered_cents + excluded(application_stats::covered_cents)),
        ));
    // Upserts are written per backend: the multi-backend query builder has no ON CONFLICT.
    match conn {
        DbConnection::Sqlite(sqlite) => upsert.execute(sqlite)?,
        DbConnection::Postgresql(pg) => upsert.execute(pg)?,
    };
    Ok(())
}

/// Counts an employee among the pledge's participants (once, at their first completion).
pub fn add_participant(conn: &mut DbConnection, employee_id: i32, at: NaiveDateTime) -> QueryResult<()> {
    let insert = diesel::insert_into(pledge_participants::table)
        .values((pledge_participants::employee_id.eq(employee_id), pledge_participants::first_completed_at.eq(at)))
        .on_conflict(pledge_participants::employee_id)
        .do_nothing();
    let added = match conn {
        DbConnection::Sqlite(sqlite) => insert.execute(sqlite)?,
        DbConnection::Postgresql(pg) => insert.execute(pg)?,
    };
    if added > 0 {
        diesel::update(pledge_participant_count::table)
            .set(pledge_participant_count::participants.eq(pledge_participant_count::participants + 1))
            .execute(conn)?;
    }
    Ok(())
}

/// Recomputes every counter from `applications` (after bulk loads that bypass them).
pub fn rebuild(conn: &mut DbConnection) -> QueryResult<()> {
    let month = super::month_of(conn, "created_at");
    super::write_transaction(conn, |conn| {
        diesel::delete(application_stats::table).execute(conn)?;
        diesel::delete(pledge_participants::table).execute(conn)?;
        diesel::sql_query(format!(
            "INSERT INTO application_stats (program_id, site_type, month, status, applications, covered_cents) \
             SELECT program_id, site_type, {month}, status, COUNT(*), COALESCE(SUM(covered_cents), 0) \
             FROM applications GROUP BY 1, 2, 3, 4"
        ))
        .execute(conn)?;
        diesel::sql_query(format!(
            "INSERT INTO pledge_participants (employee_id, first_completed_at) \
             SELECT employee_id, MIN(COALESCE(decided_at, updated_at)) FROM applications \
             WHERE status = '{}' GROUP BY employee_id",
            ApplicationStatus::Completed.as_str()
        ))
        .execute(conn)?;
        let participants: i64 = pledge_participants::table.count().get_result(conn)?;
        diesel::update(pledge_participant_count::table)
            .set(pledge_participant_count::participants.eq(participants))
            .execute(conn)?;
        Ok(())
    })
}

/// Applications per (program, status), summed over sites and months.
pub fn by_program_and_status(conn: &mut DbConnection) -> QueryResult<Vec<(i32, ApplicationStatus, i64)>> {
    let rows: Vec<(i32, ApplicationStatus, i64)> = application_stats::table
        .select((application_stats::program_id, application_stats::status, application_stats::applications))
        .load(conn)?;
    let mut totals: Vec<(i32, ApplicationStatus, i64)> = Vec::new();
    for (program, status, n) in rows {
        match totals.iter_mut().find(|(p, s, _)| *p == program && *s == status) {
            Some(total) => total.2 += n,
            None => totals.push((program, status, n)),
        }
    }
    Ok(totals)
}

/// Applications per status, from the counters: a few thousand rows to sum, however many
/// applications there are (what a metrics scrape reads).
pub fn applications_by_status(conn: &mut DbConnection) -> QueryResult<Vec<(ApplicationStatus, i64)>> {
    application_stats::table
        .group_by(application_stats::status)
        .select((application_stats::status, super::dashboard::sum_of("applications")))
        .load(conn)
}
