//! The waitlist of an intake: freed seats go (or are offered) to the active people who
//! waited longest, offers are answered or lapse, the program team reorders the line or
//! moves an application to another intake, and someone who leaves the company gives up
//! their places in line.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::rows::{event, evidence_request, status_change};
use super::steps::{facts, lock_application};
use super::WorkflowError;
use crate::clock::now;
use crate::db::applications::StatusChange;
use crate::db::audit::{self, AuditLine};
use crate::db::employees::{self, Employee};
use crate::db::events::{self, NewEvent};
use crate::db::notifications::notify;
use crate::db::programs::{self, Program};
use crate::db::schema::applications as applications_table;
use crate::db::{applications, lock_row, waitlists, write_transaction, DbConnection, LockableTable};
use crate::domain::application::{transition, Action, Actor, Event, Outcome, Seats, Status};
use crate::domain::message::Message;
use crate::domain::numbers::ordinal;
use crate::domain::waitlist;
use crate::domain::AuditAction;

/// Gives free seats of an intake to the waitlist, oldest first and only to people who
/// still work here, inside the caller's transaction (which holds the intake's lock): at
/// once, or as an offer to accept within the intake's working days. Returns how many
/// were given or offered a place.
pub fn promote_from_waitlist(
    conn: &mut DbConnection,
    program: &Program,
    intake_id: i32,
    at: NaiveDateTime,
) -> Result<usize, WorkflowError> {
    let intake = programs::find_intake(conn, intake_id)?;
    let mut promoted = 0;
    loop {
        let seats = facts(conn, program, Some(intake_id))?;
        if seats.seats != Seats::Free {
            return Ok(promoted);
        }
        let Some(next) = applications::oldest_waitlisted(conn, intake_id)? else {
            return Ok(promoted);
        };
        let action = if intake.offer_days.is_some() { Action::Offer } else { Action::Promote };
        let outcome =
            transition(Some(Status::Waitlisted), action, Actor::System, &seats, "").map_err(WorkflowError::Refused)?;
        let offer_expires_at = intake.offer_days.map(|days| waitlist::offer_expires_at(at, days));
        let change = StatusChange { offer_expires_at, ..status_change(&outcome, at, false) };
        if !applications::update_status(conn, next.id, next.version, change)? {
            return Err(WorkflowError::Stale { status: Status::Waitlisted });
        }
        events::insert(conn, &event(next.id, None, Some(Status::Waitlisted), &outcome, at))?;
        if let Some(expires_at) = offer_expires_at {
            let message = Message::new("notice-seat-offered")
                .text("intake", intake.name.as_str())
                .text("program", program.name.as_str())
                .date("date", waitlist::answer_by(expires_at));
            notify(conn, next.employee_id, Some(next.id), &message, at)?;
        } else {
            let message = Message::new("notice-seat-confirmed")
                .text("intake", intake.name.as_str())
                .text("program", program.name.as_str());
            let message = match evidence_request(program) {
                Some(request) => message.then(request),
                None => message,
            };
            notify(conn, next.employee_id, Some(next.id), &message, at)?;
            if let Some(approver) = next.approver_id.filter(|&approver| approver != next.employee_id) {
                let owner = employees::find_by_id(conn, next.employee_id)?.display_name;
                let message = Message::new("notice-seat-confirmed-for")
                    .text("owner", owner)
                    .text("intake", intake.name.as_str())
                    .text("program", program.name.as_str());
                notify(conn, approver, Some(next.id), &message, at)?;
            }
        }
        promoted += 1;
    }
}

/// Lets the offers that lapsed by `at` go (of one intake, or of all), each in its own
/// transaction: the seat goes to the next person in line. Returns how many lapsed.
pub fn lapse_due_offers(
    conn: &mut DbConnection,
    intake_id: Option<i32>,
    at: NaiveDateTime,
) -> Result<usize, WorkflowError> {
    let mut lapsed = 0;
    for application_id in waitlists::lapsed_offers(conn, intake_id, at)? {
        if write_transaction(conn, |conn| lapse_locked(conn, application_id, at))? {
            lapsed += 1;
        }
    }
    Ok(lapsed)
}

/// Lets one offer lapse if it is still open and due, inside the caller's transaction;
/// whether it did.
fn lapse_locked(conn: &mut DbConnection, application_id: i32, at: NaiveDateTime) -> Result<bool, WorkflowError> {
    let offered = lock_application(conn, application_id)?;
    let (Status::Offered, Some(expires_at), Some(intake_id)) =
        (offered.status, offered.offer_expires_at, offered.intake_id)
    else {
        return Ok(false);
    };
    if expires_at > at {
        return Ok(false);
    }
    let program = programs::find_by_id(conn, offered.program_id)?;
    let seats = facts(conn, &program, Some(intake_id))?;
    let outcome =
        transition(Some(Status::Offered), Action::Lapse, Actor::System, &seats, "").map_err(WorkflowError::Refused)?;
    if !applications::update_status(conn, offered.id, offered.version, status_change(&outcome, at, false))? {
        return Err(WorkflowError::Stale { status: Status::Offered });
    }
    events::insert(conn, &event(offered.id, None, Some(Status::Offered), &outcome, at))?;
    let message = Message::new("notice-offer-lapsed")
        .text("program", program.name.as_str())
        .date("date", waitlist::answer_by(expires_at));
    notify(conn, offered.employee_id, Some(offered.id), &message, at)?;
    promote_from_waitlist(conn, &program, intake_id, at)?;
    Ok(true)
}

/// What became of an answer to an offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfferAnswer {
    Accepted,
    Declined,
    /// It came too late: the offer lapsed (and is now closed as such).
    Lapsed {
        answer_by: chrono::NaiveDate,
    },
}

/// The owner accepts (`accept`) or declines an offered seat. An answer after the offer
/// lapsed lets it lapse (the seat goes to the next person) and says so.
pub fn answer_offer(
    conn: &mut DbConnection,
    application_id: i32,
    expected_version: i32,
    owner: &Employee,
    accept: bool,
) -> Result<OfferAnswer, WorkflowError> {
    write_transaction(conn, |conn| {
        let application = lock_application(conn, application_id)?;
        if application.employee_id != owner.id {
            return Err(WorkflowError::NotFound);
        }
        if application.version != expected_version {
            return Err(WorkflowError::Stale { status: application.status });
        }
        let at = now();
        if let (Status::Offered, Some(expires_at)) = (application.status, application.offer_expires_at) {
            if expires_at <= at {
                lapse_locked(conn, application.id, at)?;
                return Ok(OfferAnswer::Lapsed { answer_by: waitlist::answer_by(expires_at) });
            }
        }
        let program = programs::find_by_id(conn, application.program_id)?;
        let seats = facts(conn, &program, None)?;
        let action = if accept { Action::Accept } else { Action::Decline };
        let outcome =
            transition(Some(application.status), action, Actor::Owner, &seats, "").map_err(WorkflowError::Refused)?;
        if !applications::update_status(conn, application.id, expected_version, status_change(&outcome, at, false))? {
            return Err(WorkflowError::Stale { status: application.status });
        }
        events::insert(conn, &event(application.id, Some(owner.id), Some(application.status), &outcome, at))?;
        if accept {
            if let Some(request) = evidence_request(&program) {
                notify(conn, owner.id, Some(application.id), &request, at)?;
            }
            Ok(OfferAnswer::Accepted)
        } else {
            if let Some(intake_id) = application.intake_id {
                promote_from_waitlist(conn, &program, intake_id, at)?;
            }
            Ok(OfferAnswer::Declined)
        }
    })
}

/// A waitlisted application moved in its line: from and to which place (1 the first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reordered {
    pub from: usize,
    pub to: usize,
}

/// The program team puts a waitlisted application at `position` of its intake's
/// waitlist, for `reason`: its timeline, its owner's notice and the audit line say so.
pub fn reorder_waitlist(
    conn: &mut DbConnection,
    actor: &Employee,
    application_id: i32,
    expected_version: i32,
    position: usize,
    reason: &str,
) -> Result<Reordered, WorkflowError> {
    audit::audited(conn, |conn, at| {
        let application = lock_application(conn, application_id)?;
        if application.employee_id == actor.id {
            return Err(WorkflowError::OwnApplication);
        }
        if application.version != expected_version {
            return Err(WorkflowError::Stale { status: application.status });
        }
        let (Status::Waitlisted, Some(intake_id)) = (application.status, application.intake_id) else {
            return Err(WorkflowError::Stale { status: application.status });
        };
        let from = usize::try_from(applications::waitlist_position(conn, &application)?).unwrap_or(1);
        let line = waitlists::line_without(conn, intake_id, application.id)?;
        let to = position.clamp(1, line.len() + 1);
        for (id, waitlisted_at) in waitlist::place_in_line(application.id, &line, to) {
            waitlists::set_waitlisted_at(conn, id, waitlisted_at)?;
        }
        if !waitlists::bump_version(conn, application.id, expected_version, at)? {
            return Err(WorkflowError::Stale { status: application.status });
        }
        let (first, second) = (ordinal(from as i64), ordinal(to as i64));
        let outcome = Outcome { to: Status::Waitlisted, event: Event::WaitlistReordered, frees_seat: false };
        events::insert(
            conn,
            &NewEvent {
                comment: Some(reason.to_owned()),
                details: Some(format!("from {first} to {second} in line")),
                ..event(application.id, Some(actor.id), Some(Status::Waitlisted), &outcome, at)
            },
        )?;
        let program = programs::find_by_id(conn, application.program_id)?;
        let message = Message::new("notice-waitlist-reordered")
            .text("program", program.name.as_str())
            .ordinal("from", from as i64)
            .ordinal("to", to as i64)
            .text("reason", reason);
        notify(conn, application.employee_id, Some(application.id), &message, at)?;
        let owner = employees::find_by_id(conn, application.employee_id)?;
        let line = AuditLine {
            actor_id: Some(actor.id),
            action: AuditAction::ApplicationWaitlistReordered,
            subject: format!("{} / {}", owner.email, program.slug),
            details: format!("application {}: from {first} to {second} in line; reason: “{reason}”", application.id),
        };
        Ok((Reordered { from, to }, Some(line)))
    })
}

/// The program team moves an application to another intake of its program, keeping its
/// approvals, for `reason`: a place there, its waitlist (at the end) or its seat draw,
/// as that intake has. A seat it held goes to the waitlist of the intake it leaves.
pub fn move_to_intake(
    conn: &mut DbConnection,
    actor: &Employee,
    application_id: i32,
    expected_version: i32,
    target_intake_id: i32,
    reason: &str,
) -> Result<Outcome, WorkflowError> {
    audit::audited(conn, |conn, at| {
        // The applicant, both intakes in id order, then the application (the lock order).
        let (owner_id, current): (i32, Option<i32>) = applications_table::table
            .find(application_id)
            .select((applications_table::employee_id, applications_table::intake_id))
            .first(conn)?;
        lock_row(conn, LockableTable::Employees, owner_id)?;
        let mut intakes = vec![target_intake_id];
        intakes.extend(current);
        intakes.sort_unstable();
        intakes.dedup();
        for intake_id in intakes {
            lock_row(conn, LockableTable::Intakes, intake_id)?;
        }
        lock_row(conn, LockableTable::Applications, application_id)?;
        let application = applications::find(conn, application_id)?;
        if application.employee_id == actor.id {
            return Err(WorkflowError::OwnApplication);
        }
        if application.version != expected_version || application.intake_id != current {
            return Err(WorkflowError::Stale { status: application.status });
        }
        let target = programs::find_intake(conn, target_intake_id)?;
        if target.program_id != application.program_id || current == Some(target.id) {
            return Err(WorkflowError::NotFound);
        }
        let program = programs::find_by_id(conn, application.program_id)?;
        let seats = facts(conn, &program, Some(target.id))?;
        let from_status = application.status;
        let outcome =
            transition(Some(from_status), Action::Move, Actor::Admin, &seats, "").map_err(WorkflowError::Refused)?;
        waitlists::set_intake(conn, application.id, target.id)?;
        if !applications::update_status(conn, application.id, expected_version, status_change(&outcome, at, false))? {
            return Err(WorkflowError::Stale { status: from_status });
        }
        let left = match current {
            Some(id) => Some(programs::find_intake(conn, id)?.name),
            None => None,
        };
        events::insert(
            conn,
            &NewEvent {
                comment: Some(reason.to_owned()),
                details: Some(format!("from {} to {}", left.as_deref().unwrap_or("no intake"), target.name)),
                ..event(application.id, Some(actor.id), Some(from_status), &outcome, at)
            },
        )?;
        let id = match outcome.to {
            Status::Waitlisted => "notice-moved-to-waitlist",
            Status::InDraw => "notice-moved-to-draw",
            _ => "notice-moved-confirmed",
        };
        let message = Message::new(id).text("program", program.name.as_str());
        let message = match &left {
            Some(name) => message.text("from", name.as_str()),
            None => message.term("from", "notice-no-intake"),
        }
        .text("to", target.name.as_str())
        .text("reason", reason);
        notify(conn, application.employee_id, Some(application.id), &message, at)?;
        if let (true, Some(left_id)) = (outcome.frees_seat, current) {
            promote_from_waitlist(conn, &program, left_id, at)?;
        }
        let owner = employees::find_by_id(conn, application.employee_id)?;
        let line = AuditLine {
            actor_id: Some(actor.id),
            action: AuditAction::ApplicationIntakeChanged,
            subject: format!("{} / {}", owner.email, program.slug),
            details: format!(
                "application {}: from {} to {} ({} → {}); reason: “{reason}”",
                application.id,
                left.as_deref().unwrap_or("no intake"),
                target.name,
                from_status.label(),
                outcome.to.label()
            ),
        };
        Ok((outcome, Some(line)))
    })
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
