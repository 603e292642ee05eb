//! The transactions of the application state machine. Each one loads what the domain
//! decision needs, asks `domain::application::transition`, and writes the application
//! row, its timeline event and the notifications together, or nothing at all.

use chrono::{Datelike, NaiveDateTime};
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};

use super::applications::{self, Application, DetailsChange, NewApplication, StatusChange};
use super::employees::Employee;
use super::events::{self, NewEvent};
use super::notifications::notify;
use super::programs::{self, Program};
use super::schema::{employees, intakes};
use super::{lock_row, now, write_transaction, DbConnection, LockableTable};
use crate::domain::application::{
    check_tuition_cap, transition, Action, Actor, DomainError, Facts, Outcome, Seats, Stages, Status,
    TuitionCapExceeded,
};
use crate::domain::application_form::ApplicationDetails;
use crate::domain::{Cents, EmploymentType};

/// Why a transaction changed nothing.
#[derive(Debug, thiserror::Error)]
pub enum WorkflowError {
    #[error("{0}")]
    Refused(DomainError),
    /// The employee already has an active application to this program (its id when known).
    #[error("an active application exists")]
    AlreadyActive(Option<i32>),
    /// The application changed since the form was opened; it is now in `status`.
    #[error("the application changed meanwhile")]
    Stale { status: Status },
    #[error("over the tuition cap")]
    OverCap { exceeded: TuitionCapExceeded, year: i32 },
    #[error("not found")]
    NotFound,
    #[error(transparent)]
    Database(DieselError),
}

impl From<DieselError> for WorkflowError {
    fn from(err: DieselError) -> Self {
        match err {
            DieselError::NotFound => WorkflowError::NotFound,
            DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => WorkflowError::AlreadyActive(None),
            other => WorkflowError::Database(other),
        }
    }
}

fn stored_status(application: &Application) -> Result<Status, WorkflowError> {
    application.status.parse().map_err(|e| WorkflowError::Database(DieselError::DeserializationError(Box::new(e))))
}

/// The approval stages of a program and the seat situation of an intake. On PostgreSQL
/// the intake row stays locked until the transaction ends, so two approvals cannot both
/// take its last seat.
fn facts(conn: &mut DbConnection, program: &Program, intake_id: Option<i32>) -> Result<Facts, WorkflowError> {
    let seats = match intake_id {
        None => Seats::Unlimited,
        Some(intake_id) => {
            lock_row(conn, LockableTable::Intakes, intake_id)?;
            let seats: i32 = intakes::table.find(intake_id).select(intakes::seats).first(conn)?;
            if applications::seats_taken(conn, intake_id)? < i64::from(seats) {
                Seats::Free
            } else {
                Seats::Full
            }
        }
    };
    Ok(Facts { stages: Stages { manager: program.needs_manager_approval, admin: program.needs_admin_approval }, seats })
}

/// The company's share of a tuition request, and a check that it fits the yearly cap
/// with the employee's other applications of that year (this one left out).
fn covered_within_cap(
    conn: &mut DbConnection,
    employee: &Employee,
    program: &Program,
    details: &ApplicationDetails,
    this_application: Option<i32>,
) -> Result<Option<Cents>, WorkflowError> {
    let Some(tuition) = &details.tuition else {
        return Ok(None);
    };
    let covered = tuition.amount.percent(program.tuition_percent);
    let year = tuition.term_starts_on.year();
    let committed: i64 =
        applications::committed_tuition_cents(conn, employee.id, program.id, year, this_application)?.iter().sum();
    let employment: EmploymentType = employee
        .employment_type
        .parse()
        .map_err(|e| WorkflowError::Database(DieselError::DeserializationError(Box::new(e))))?;
    let cap = match employment {
        EmploymentType::FullTime => Cents(program.annual_cap_full_time_cents),
        EmploymentType::PartTime => Cents(program.annual_cap_part_time_cents),
    };
    check_tuition_cap(covered, Cents(committed), cap).map_err(|exceeded| WorkflowError::OverCap { exceeded, year })?;
    Ok(Some(covered))
}

/// The timeline event of `outcome`, without comment or details.
fn event(
    application_id: i32,
    actor_id: Option<i32>,
    from: Option<Status>,
    outcome: &Outcome,
    at: NaiveDateTime,
) -> NewEvent {
    NewEvent {
        application_id,
        actor_id,
        acting_for_id: None,
        action: outcome.event.as_str().to_owned(),
        from_status: from.map(|s| s.as_str().to_owned()),
        to_status: outcome.to.as_str().to_owned(),
        comment: None,
        details: None,
        created_at: at,
    }
}

/// A comment worth keeping: trimmed, and none when empty.
fn comment_text(comment: &str) -> Option<String> {
    Some(comment.trim()).filter(|c| !c.is_empty()).map(str::to_owned)
}

/// Active administrators other than `except`, who decide the admin stage.
fn admins(conn: &mut DbConnection, except: i32) -> QueryResult<Vec<i32>> {
    employees::table
        .filter(employees::is_admin.eq(true))
        .filter(employees::active.eq(true))
        .filter(employees::id.ne(except))
        .select(employees::id)
        .load(conn)
}

/// Tells whoever must act next on a (re)submitted application.
fn notify_deciders(
    conn: &mut DbConnection,
    application: i32,
    to: Status,
    owner: &Employee,
    approver_id: Option<i32>,
    message: &str,
    at: NaiveDateTime,
) -> QueryResult<()> {
    let recipients = match (to, approver_id) {
        (Status::Submitted, Some(approver)) => vec![approver],
        (Status::Submitted | Status::ManagerApproved, _) => admins(conn, owner.id)?,
        _ => Vec::new(),
    };
    for recipient in recipients {
        notify(conn, recipient, Some(application), message, at)?;
    }
    Ok(())
}

/// The manager who decides an employee's applications, if they have an active one.
fn current_approver(conn: &mut DbConnection, employee: &Employee) -> QueryResult<Option<i32>> {
    let Some(manager_id) = employee.manager_id else {
        return Ok(None);
    };
    let active: bool = employees::table.find(manager_id).select(employees::active).first(conn)?;
    Ok(active.then_some(manager_id))
}

/// Creates an application and moves it to its first stage (or straight to a seat).
pub fn submit(
    conn: &mut DbConnection,
    employee: &Employee,
    program: &Program,
    details: &ApplicationDetails,
) -> Result<(i32, Status), WorkflowError> {
    write_transaction(conn, |conn| {
        // One submission at a time per employee: the duplicate check and the tuition cap
        // below must see each other's rows.
        lock_row(conn, LockableTable::Employees, employee.id)?;
        if let Some(active) = applications::find_active(conn, employee.id, program.id)? {
            return Err(WorkflowError::AlreadyActive(Some(active.id)));
        }
        let covered = covered_within_cap(conn, employee, program, details, None)?;
        let facts = facts(conn, program, details.intake_id)?;
        let outcome = transition(None, Action::Submit, Actor::Owner, &facts, "").map_err(WorkflowError::Refused)?;
        let approver_id = current_approver(conn, employee)?;
        let at = now();
        let tuition = details.tuition.as_ref();
        let id = applications::insert(
            conn,
            &NewApplication {
                employee_id: employee.id,
                program_id: program.id,
                intake_id: details.intake_id,
                status: outcome.to.as_str().to_owned(),
                motivation: details.motivation.clone(),
                institution: tuition.map(|t| t.institution.clone()),
                course_title: tuition.map(|t| t.course_title.clone()),
                term_starts_on: tuition.map(|t| t.term_starts_on),
                amount_cents: tuition.map(|t| t.amount.0),
                covered_cents: covered.map(|c| c.0),
                approver_id,
                submitted_at: at,
                decided_at: matches!(outcome.to, Status::Approved | Status::Waitlisted).then_some(at),
                waitlisted_at: (outcome.to == Status::Waitlisted).then_some(at),
                version: 1,
                created_at: at,
                updated_at: at,
            },
        )?;
        events::insert(conn, &event(id, Some(employee.id), None, &outcome, at))?;
        let message = format!("{} applied to {} and waits for your decision.", employee.display_name, program.name);
        notify_deciders(conn, id, outcome.to, employee, approver_id, &message, at)?;
        Ok((id, outcome.to))
    })
}

/// One field that changed on resubmission, for the timeline.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FieldChange {
    pub field: String,
    pub before: String,
    pub after: String,
}

/// What differs between the stored details and the new ones, in words.
pub fn changes_between(
    before: &DetailsChange,
    after: &DetailsChange,
    intake_name: impl Fn(Option<i32>) -> String,
) -> Vec<FieldChange> {
    let money = |cents: Option<i64>| cents.map(|c| Cents(c).to_string()).unwrap_or_default();
    let text = |value: &Option<String>| value.clone().unwrap_or_default();
    let date = |value: Option<chrono::NaiveDate>| value.map(|d| d.to_string()).unwrap_or_default();
    let candidates = [
        ("Intake", intake_name(before.intake_id), intake_name(after.intake_id)),
        ("Motivation", before.motivation.clone(), after.motivation.clone()),
        ("School or college", text(&before.institution), text(&after.institution)),
        ("Course", text(&before.course_title), text(&after.course_title)),
        ("Term starts", date(before.term_starts_on), date(after.term_starts_on)),
        ("Amount", money(before.amount_cents), money(after.amount_cents)),
    ];
    candidates
        .into_iter()
        .filter(|(_, old, new)| old != new)
        .map(|(field, before, after)| FieldChange { field: field.to_owned(), before, after })
        .collect()
}

fn details_change(details: &ApplicationDetails, covered: Option<Cents>) -> DetailsChange {
    let tuition = details.tuition.as_ref();
    DetailsChange {
        intake_id: details.intake_id,
        motivation: details.motivation.clone(),
        institution: tuition.map(|t| t.institution.clone()),
        course_title: tuition.map(|t| t.course_title.clone()),
        term_starts_on: tuition.map(|t| t.term_starts_on),
        amount_cents: tuition.map(|t| t.amount.0),
        covered_cents: covered.map(|c| c.0),
    }
}

fn stored_details(application: &Application) -> DetailsChange {
    DetailsChange {
        intake_id: application.intake_id,
        motivation: application.motivation.clone(),
        institution: application.institution.clone(),
        course_title: application.course_title.clone(),
        term_starts_on: application.term_starts_on,
        amount_cents: application.amount_cents,
        covered_cents: application.covered_cents,
    }
}

/// Loads an application for its owner and checks it is still at `expected_version`.
fn load_for_owner(
    conn: &mut DbConnection,
    application_id: i32,
    owner_id: i32,
    expected_version: i32,
) -> Result<(Application, Status), WorkflowError> {
    lock_row(conn, LockableTable::Applications, application_id)?;
    let application = applications::find(conn, application_id)?;
    if application.employee_id != owner_id {
        return Err(WorkflowError::NotFound);
    }
    let status = stored_status(&application)?;
    if application.version != expected_version {
        return Err(WorkflowError::Stale { status });
    }
    Ok((application, status))
}

/// Saves the edited details of an application in `changes_requested` and submits it again.
pub fn resubmit(
    conn: &mut DbConnection,
    application_id: i32,
    expected_version: i32,
    owner: &Employee,
    program: &Program,
    details: &ApplicationDetails,
) -> Result<Status, WorkflowError> {
    write_transaction(conn, |conn| {
        lock_row(conn, LockableTable::Employees, owner.id)?;
        let (application, status) = load_for_owner(conn, application_id, owner.id, expected_version)?;
        if application.program_id != program.id {
            return Err(WorkflowError::NotFound);
        }
        let covered = covered_within_cap(conn, owner, program, details, Some(application.id))?;
        let facts = facts(conn, program, details.intake_id)?;
        let outcome =
            transition(Some(status), Action::Resubmit, Actor::Owner, &facts, "").map_err(WorkflowError::Refused)?;
        let before = stored_details(&application);
        let after = details_change(details, covered);
        let intakes = programs::intakes_with_seats(conn, program.id)?;
        let intake_name = |id: Option<i32>| {
            id.and_then(|id| intakes.iter().find(|i| i.intake.id == id))
                .map(|i| i.intake.name.clone())
                .unwrap_or_default()
        };
        let changes = changes_between(&before, &after, intake_name);
        let at = now();
        applications::update_details(conn, application.id, &after)?;
        let moved = applications::update_status(
            conn,
            application.id,
            expected_version,
            StatusChange {
                to_status: outcome.to.as_str(),
                now: at,
                waitlisted: outcome.to == Status::Waitlisted,
                decided: matches!(outcome.to, Status::Approved | Status::Waitlisted),
                resubmitted: true,
            },
        )?;
        if !moved {
            return Err(WorkflowError::Stale { status });
        }
        let details_json = serde_json::to_string(&changes).ok();
        events::insert(
            conn,
            &NewEvent { details: details_json, ..event(application.id, Some(owner.id), Some(status), &outcome, at) },
        )?;
        let approver_id = current_approver(conn, owner)?;
        let message = format!(
            "{} made the changes you asked for to their application to {}; it waits for your decision again.",
            owner.display_name, program.name
        );
        notify_deciders(conn, application.id, outcome.to, owner, approver_id, &message, at)?;
        Ok(outcome.to)
    })
}

/// Withdraws an application at its owner's request; a seat it held goes to the waitlist.
pub fn withdraw(
    conn: &mut DbConnection,
    application_id: i32,
    expected_version: i32,
    owner: &Employee,
    comment: &str,
) -> Result<Status, WorkflowError> {
    write_transaction(conn, |conn| {
        let (application, status) = load_for_owner(conn, application_id, owner.id, expected_version)?;
        let program = programs::find_by_id(conn, application.program_id)?;
        let facts = facts(conn, &program, None)?;
        let outcome = transition(Some(status), Action::Withdraw, Actor::Owner, &facts, comment)
            .map_err(WorkflowError::Refused)?;
        let at = now();
        let change = StatusChange {
            to_status: outcome.to.as_str(),
            now: at,
            waitlisted: false,
            decided: true,
            resubmitted: false,
        };
        if !applications::update_status(conn, application.id, expected_version, change)? {
            return Err(WorkflowError::Stale { status });
        }
        events::insert(
            conn,
            &NewEvent {
                comment: comment_text(comment),
                ..event(application.id, Some(owner.id), Some(status), &outcome, at)
            },
        )?;
        if status == Status::Submitted {
            if let Some(approver) = application.approver_id {
                let message = format!("{} withdrew their application to {}.", owner.display_name, program.name);
                notify(conn, approver, Some(application.id), &message, at)?;
            }
        }
        if outcome.frees_seat {
            if let Some(intake_id) = application.intake_id {
                promote_from_waitlist(conn, &program, intake_id, at)?;
            }
        }
        Ok(outcome.to)
    })
}

/// Gives free seats of an intake to the waitlist, oldest first, inside the caller's
/// transaction; returns how many were promoted.
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
        let change = StatusChange {
            to_status: outcome.to.as_str(),
            now: at,
            waitlisted: false,
            decided: true,
            resubmitted: false,
        };
        if !applications::update_status(conn, next.id, next.version, change)? {
            return Err(WorkflowError::Stale { status: Status::Waitlisted });
        }
        events::insert(conn, &event(next.id, None, Some(Status::Waitlisted), &outcome, at))?;
        let intake_name: String = intakes::table.find(intake_id).select(intakes::name).first(conn)?;
        let message = format!("A seat became free: your place in {} of {} is confirmed.", intake_name, program.name);
        notify(conn, next.employee_id, Some(next.id), &message, at)?;
        promoted += 1;
    }
}
