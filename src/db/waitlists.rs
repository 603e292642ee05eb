//! Queries on an intake's seat holders, offers and waitlist (the program team's view of
//! it, and what `workflow::waitlist` changes).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{applications, employees};
use super::DbConnection;
use crate::domain::ApplicationStatus;

/// Someone holding, offered or waiting for a seat of an intake.
#[derive(Debug, Clone, Queryable)]
pub struct IntakePerson {
    pub application_id: i32,
    pub name: String,
    pub status: ApplicationStatus,
    /// When an offered seat lapses.
    pub offer_expires_at: Option<NaiveDateTime>,
}

/// Who holds an intake's seats (by name), who was offered one (soonest to lapse first),
/// and its waitlist in order (people who still work here).
pub struct IntakePeople {
    pub holders: Vec<IntakePerson>,
    pub offered: Vec<IntakePerson>,
    pub waitlist: Vec<IntakePerson>,
}

pub fn intake_people(conn: &mut DbConnection, intake_id: i32) -> QueryResult<IntakePeople> {
    let columns = (applications::id, employees::display_name, applications::status, applications::offer_expires_at);
    let of_intake = || {
        applications::table
            .inner_join(employees::table.on(employees::id.eq(applications::employee_id)))
            .filter(applications::intake_id.eq(intake_id))
    };
    let holders = of_intake()
        .filter(applications::status.eq_any(ApplicationStatus::SEAT_HOLDING))
        .order((employees::display_name.asc(), applications::id.asc()))
        .select(columns)
        .load(conn)?;
    let offered = of_intake()
        .filter(applications::status.eq(ApplicationStatus::Offered))
        .order((applications::offer_expires_at.asc(), applications::id.asc()))
        .select(columns)
        .load(conn)?;
    let waitlist = of_intake()
        .filter(applications::status.eq(ApplicationStatus::Waitlisted))
        .filter(employees::active.eq(true))
        .order((applications::waitlisted_at.asc(), applications::id.asc()))
        .select(columns)
        .load(conn)?;
    Ok(IntakePeople { holders, offered, waitlist })
}

/// An intake's waitlist in order, but for `except`: each application with the time that
/// places it (people who still work here).
pub fn line_without(conn: &mut DbConnection, intake_id: i32, except: i32) -> QueryResult<Vec<(i32, NaiveDateTime)>> {
    let line: Vec<(i32, Option<NaiveDateTime>)> = applications::table
        .inner_join(employees::table.on(employees::id.eq(applications::employee_id)))
        .filter(applications::intake_id.eq(intake_id))
        .filter(applications::status.eq(ApplicationStatus::Waitlisted))
        .filter(employees::active.eq(true))
        .filter(applications::id.ne(except))
        .order((applications::waitlisted_at.asc(), applications::id.asc()))
        .select((applications::id, applications::waitlisted_at))
        .load(conn)?;
    Ok(line.into_iter().filter_map(|(id, at)| at.map(|at| (id, at))).collect())
}

/// Moves one application in its waitlist: the time that places it.
pub fn set_waitlisted_at(conn: &mut DbConnection, application_id: i32, at: NaiveDateTime) -> QueryResult<()> {
    diesel::update(applications::table.find(application_id))
        .set(applications::waitlisted_at.eq(Some(at)))
        .execute(conn)
        .map(|_| ())
}

/// Marks an application changed (its place in line moved): whether it still had
/// `expected_version`.
pub fn bump_version(
    conn: &mut DbConnection,
    application_id: i32,
    expected_version: i32,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let updated = diesel::update(
        applications::table
            .filter(applications::id.eq(application_id))
            .filter(applications::version.eq(expected_version)),
    )
    .set((applications::version.eq(expected_version + 1), applications::updated_at.eq(now)))
    .execute(conn)?;
    Ok(updated == 1)
}

/// Puts an application in another intake (its status is changed by `update_status`).
pub fn set_intake(conn: &mut DbConnection, application_id: i32, intake_id: i32) -> QueryResult<()> {
    diesel::update(applications::table.find(application_id))
        .set(applications::intake_id.eq(Some(intake_id)))
        .execute(conn)
        .map(|_| ())
}

/// The offered seats that lapsed by `at` (of one intake, or of all), oldest first.
pub fn lapsed_offers(conn: &mut DbConnection, intake_id: Option<i32>, at: NaiveDateTime) -> QueryResult<Vec<i32>> {
    let mut query = applications::table
        .filter(applications::status.eq(ApplicationStatus::Offered))
        .filter(applications::offer_expires_at.le(at))
        .select(applications::id)
        .order((applications::offer_expires_at.asc(), applications::id.asc()))
        .into_boxed();
    if let Some(intake_id) = intake_id {
        query = query.filter(applications::intake_id.eq(intake_id));
    }
    query.load(conn)
}
