//! The waitlist of an intake: freed seats go to the active people who waited longest,
//! and someone who leaves the company gives up their places in line.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::rows::{event, evidence_request, status_change};
use super::steps::{facts, lock_application};
use super::WorkflowError;
use crate::db::employees::{self, Employee};
use crate::db::events;
use crate::db::notifications::notify;
use crate::db::programs::{self, Program};
use crate::db::schema::intakes;
use crate::db::{applications, DbConnection};
use crate::domain::application::{transition, Action, Actor, Seats, Status};

/// Gives free seats of an intake to the waitlist, oldest first and only to people who
/// still work here, inside the caller's transaction (which holds the intake's lock);
/// returns how many were promoted.
pub fn promote_from_waitlist(
    conn: &mut DbConnection,
    program: &Program,
    intake_id: i32,
    at: NaiveDateTime,
) -> Result<usize, WorkflowError> {
    let mut promoted = 0;
    loop {
        let seats = facts(conn, program, Some(intake_id))?;
        if seats.seats != Seats::Free {
            return Ok(promoted);
        }
        let Some(next) = applications::oldest_waitlisted(conn, intake_id)? else {
            return Ok(promoted);
        };
        let outcome = transition(Some(Status::Waitlisted), Action::Promote, Actor::System, &seats, "")
            .map_err(WorkflowError::Refused)?;
        if !applications::update_status(conn, next.id, next.version, status_change(&outcome, at, false))? {
            return Err(WorkflowError::Stale { status: Status::Waitlisted });
        }
        events::insert(conn, &event(next.id, None, Some(Status::Waitlisted), &outcome, at))?;
        let intake_name: String = intakes::table.find(intake_id).select(intakes::name).first(conn)?;
        let mut message =
            format!("A seat became free: your place in {} of {} is confirmed.", intake_name, program.name);
        if let Some(request) = evidence_request(program) {
            message.push(' ');
            message.push_str(&request);
        }
        notify(conn, next.employee_id, Some(next.id), &message, at)?;
        if let Some(approver) = next.approver_id.filter(|&approver| approver != next.employee_id) {
            let owner = employees::find_by_id(conn, next.employee_id)?.display_name;
            let message =
                format!("A seat became free: {owner}'s place in {} of {} is confirmed.", intake_name, program.name);
            notify(conn, approver, Some(next.id), &message, at)?;
        }
        promoted += 1;
    }
}

/// Withdraws the places in line of someone who left (deactivated), on waitlists and in
/// seat draws (a place drawn for them would go to nobody), each with a timeline
/// event by `actor_id`, inside the caller's transaction (which holds the person's lock).
/// Nobody is notified: the person no longer reads Upskill, and nobody else's place
/// changes but for the better. Returns how many places were withdrawn.
pub fn withdraw_places_of_leaver(
    conn: &mut DbConnection,
    actor_id: Option<i32>,
    leaver: &Employee,
    at: NaiveDateTime,
) -> Result<usize, WorkflowError> {
    let mut withdrawn = 0;
    for waiting in applications::waitlisted_of_employee(conn, leaver.id)? {
        let place = lock_application(conn, waiting.id)?;
        if !matches!(place.status, Status::Waitlisted | Status::InDraw) {
            continue;
        }
        let program = programs::find_by_id(conn, place.program_id)?;
        let facts = facts(conn, &program, place.intake_id)?;
        let outcome =
            transition(Some(place.status), Action::Leave, Actor::System, &facts, "").map_err(WorkflowError::Refused)?;
        if !applications::update_status(conn, place.id, place.version, status_change(&outcome, at, false))? {
            return Err(WorkflowError::Stale { status: place.status });
        }
        events::insert(conn, &event(place.id, actor_id, Some(place.status), &outcome, at))?;
        withdrawn += 1;
    }
    Ok(withdrawn)
}
