//! The transactions of the application state machine. Each one loads what the domain
//! decision needs, asks `domain::application::transition`, and writes the application
//! row, its timeline event and the notifications together, or nothing at all.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};

use super::applications::{self, Application, DetailsChange, NewApplication, StatusChange};
use super::delegations;
use super::employees::Employee;
use super::events::{self, NewEvent};
use super::notifications::notify;
use super::programs::{self, Program};
use super::schema::{employees, intakes};
use super::{lock_row, now, write_transaction, DbConnection, LockableTable};
use crate::domain::application::{
    check_tuition_cap, decision_role, transition, Action, Actor, Authority, DecisionRole, DomainError, Facts, Outcome,
    Seats, Stages, Status, TuitionCapExceeded,
};
use crate::domain::application_form::ApplicationDetails;
use crate::domain::intake_form::IntakeDraft;
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
    /// Nobody decides on their own application.
    #[error("own application")]
    OwnApplication,
    /// A person's record could not be changed as asked (rolls the transaction back).
    #[error("person change refused: {0:?}")]
    PersonRefused(PersonChangeError),
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
                site_type: employee.site_type.clone(),
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
        if let Some(approver) = next.approver_id.filter(|&approver| approver != next.employee_id) {
            let owner: String = employees::table.find(next.employee_id).select(employees::display_name).first(conn)?;
            let message =
                format!("A seat became free: {owner}'s place in {} of {} is confirmed.", intake_name, program.name);
            notify(conn, approver, Some(next.id), &message, at)?;
        }
        promoted += 1;
    }
}

/// The queue of decisions `viewer` makes on `today`, and the names of the managers they
/// stand in for (to mark "acting for").
pub fn queue_scope(
    conn: &mut DbConnection,
    viewer: &Employee,
    today: NaiveDate,
    program_id: Option<i32>,
) -> QueryResult<(applications::QueueScope, Vec<(i32, String)>)> {
    let delegators = delegations::active_for_delegate(conn, viewer.id, today)?;
    let mut approver_ids = vec![viewer.id];
    approver_ids.extend(delegators.iter().map(|(id, _)| *id).filter(|id| *id != viewer.id));
    let scope = applications::QueueScope {
        viewer_id: viewer.id,
        approver_ids,
        include_admin_stage: viewer.is_admin,
        program_id,
    };
    Ok((scope, delegators))
}

/// What `viewer` is to `application` on `today`.
pub fn authority(
    conn: &mut DbConnection,
    application: &Application,
    viewer: &Employee,
    today: NaiveDate,
) -> QueryResult<Authority> {
    let delegate_for = match application.approver_id {
        Some(approver) if approver != viewer.id && delegations::is_active(conn, approver, viewer.id, today)? => {
            Some(approver)
        }
        _ => None,
    };
    Ok(Authority {
        is_owner: application.employee_id == viewer.id,
        is_approver: application.approver_id == Some(viewer.id),
        delegate_for,
        is_admin: viewer.is_admin && viewer.active,
        has_approver: application.approver_id.is_some(),
    })
}

/// A decision someone asks for on one application.
#[derive(Debug, Clone)]
pub struct DecisionRequest {
    pub application_id: i32,
    /// The version the decider saw; `None` decides on whatever is current (bulk approval).
    pub expected_version: Option<i32>,
    pub action: Action,
    pub comment: String,
    pub today: NaiveDate,
}

/// What a decision did.
#[derive(Debug, Clone)]
pub struct Decided {
    pub outcome: Outcome,
    pub applicant_name: String,
    pub program_name: String,
    /// Applications promoted from the waitlist because this decision freed a seat.
    pub promoted: usize,
}

fn status_change(outcome: &Outcome, at: NaiveDateTime) -> StatusChange<'static> {
    StatusChange {
        to_status: outcome.to.as_str(),
        now: at,
        waitlisted: outcome.to == Status::Waitlisted,
        decided: matches!(outcome.to, Status::Approved | Status::Waitlisted | Status::Rejected | Status::Completed),
        resubmitted: false,
    }
}

/// The sentence the applicant receives about a decision.
fn decision_notice(decider: &str, program: &str, outcome: &Outcome, comment: &str, waitlist_position: i64) -> String {
    let because = comment_text(comment).map(|c| format!(" Comment: “{c}”")).unwrap_or_default();
    match outcome.to {
        Status::ManagerApproved => {
            format!("{decider} approved your application to {program}; the program team decides next.{because}")
        }
        Status::Approved => format!("{decider} approved your application to {program}: your place is confirmed.{because}"),
        Status::Waitlisted => format!(
            "{decider} approved your application to {program}, but the intake is full: you are seat {waitlist_position} on the waitlist.{because}"
        ),
        Status::Rejected => format!("{decider} rejected your application to {program}.{because}"),
        Status::ChangesRequested => format!("{decider} asked for changes to your application to {program}.{because}"),
        Status::Completed => format!("Congratulations: {decider} marked your {program} program as completed.{because}"),
        _ => format!("Your application to {program} is now {}.", outcome.to.label().to_lowercase()),
    }
}

/// Applies a manager's or an admin's decision, with every rule checked against the
/// current row inside the transaction.
pub fn decide(conn: &mut DbConnection, viewer: &Employee, request: &DecisionRequest) -> Result<Decided, WorkflowError> {
    write_transaction(conn, |conn| {
        lock_row(conn, LockableTable::Applications, request.application_id)?;
        let application = applications::find(conn, request.application_id)?;
        let status = stored_status(&application)?;
        let (actor, acting_for) = match decision_role(status, &authority(conn, &application, viewer, request.today)?) {
            DecisionRole::Decide { actor, acting_for } => (actor, acting_for),
            DecisionRole::OwnApplication => return Err(WorkflowError::OwnApplication),
            DecisionRole::NotVisible => return Err(WorkflowError::NotFound),
        };
        let program = programs::find_by_id(conn, application.program_id)?;
        let facts = facts(conn, &program, application.intake_id)?;
        let outcome = transition(Some(status), request.action, actor, &facts, &request.comment)
            .map_err(WorkflowError::Refused)?;
        if request.expected_version.is_some_and(|v| v != application.version) {
            return Err(WorkflowError::Stale { status });
        }
        let applicant = super::employees::find_by_id(conn, application.employee_id)?;
        if matches!(outcome.to, Status::Approved | Status::Waitlisted) {
            // Another request of the same year may have been approved since this one was made.
            recheck_tuition_cap(conn, &applicant, &program, &application)?;
        }
        let at = now();
        if !applications::update_status(conn, application.id, application.version, status_change(&outcome, at))? {
            return Err(WorkflowError::Stale { status });
        }
        events::insert(
            conn,
            &NewEvent {
                acting_for_id: acting_for,
                comment: comment_text(&request.comment),
                ..event(application.id, Some(viewer.id), Some(status), &outcome, at)
            },
        )?;
        let position = if outcome.to == Status::Waitlisted {
            let moved = applications::find(conn, application.id)?;
            applications::waitlist_position(conn, &moved)?
        } else {
            0
        };
        let notice = decision_notice(&viewer.display_name, &program.name, &outcome, &request.comment, position);
        notify(conn, applicant.id, Some(application.id), &notice, at)?;
        if outcome.to == Status::ManagerApproved {
            let message = format!(
                "{} approved {}'s application to {}; it waits for the program team's decision.",
                viewer.display_name, applicant.display_name, program.name
            );
            for admin in admins(conn, applicant.id)? {
                if admin != viewer.id {
                    notify(conn, admin, Some(application.id), &message, at)?;
                }
            }
        }
        let promoted = match (outcome.frees_seat, application.intake_id) {
            (true, Some(intake_id)) => promote_from_waitlist(conn, &program, intake_id, at)?,
            _ => 0,
        };
        Ok(Decided { outcome, applicant_name: applicant.display_name, program_name: program.name, promoted })
    })
}

fn recheck_tuition_cap(
    conn: &mut DbConnection,
    applicant: &Employee,
    program: &Program,
    application: &Application,
) -> Result<(), WorkflowError> {
    let (Some(covered), Some(term)) = (application.covered_cents, application.term_starts_on) else {
        return Ok(());
    };
    let committed: i64 =
        applications::committed_tuition_cents(conn, applicant.id, program.id, term.year(), Some(application.id))?
            .iter()
            .sum();
    let cap = match applicant.employment_type.as_str() {
        "part_time" => Cents(program.annual_cap_part_time_cents),
        _ => Cents(program.annual_cap_full_time_cents),
    };
    check_tuition_cap(Cents(covered), Cents(committed), cap)
        .map_err(|exceeded| WorkflowError::OverCap { exceeded, year: term.year() })
}

/// Why a manager change was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ManagerChangeError {
    /// The new manager reports, directly or not, to the employee (or is the employee).
    Cycle,
    InactiveManager,
}

/// An employee whose manager has just changed, with the names the timeline shows.
#[derive(Debug, Clone)]
pub struct ManagerMove {
    pub employee_id: i32,
    pub employee_name: String,
    pub new_manager_id: Option<i32>,
    /// The previous manager's name; `None` when there was none.
    pub old_manager_name: Option<String>,
    /// The new manager's name; `None` when there is none (the program team decides).
    pub new_manager_name: Option<String>,
}

impl ManagerMove {
    /// The previous manager as the timeline and the audit log name them.
    pub fn old_label(&self) -> String {
        self.old_manager_name.clone().unwrap_or_else(|| "no manager".to_owned())
    }

    /// The new manager as the timeline and the audit log name them.
    pub fn new_label(&self) -> String {
        self.new_manager_name.clone().unwrap_or_else(|| "no manager (the program team decides)".to_owned())
    }
}

/// Moves the pending applications of someone whose manager changed (the manager stage,
/// or waiting for their edit) to the new manager's queue, each with a timeline event by
/// `actor_id` (`None`: the system), and tells whoever decides next. Runs inside the
/// caller's transaction, after the employee's `manager_id` was written; returns how many
/// applications moved.
pub fn move_pending_applications(
    conn: &mut DbConnection,
    actor_id: Option<i32>,
    moved: &ManagerMove,
    at: NaiveDateTime,
) -> Result<usize, WorkflowError> {
    let mut pending = applications::pending_for_employee(conn, moved.employee_id)?;
    pending.sort_by_key(|a| a.program_id);
    let comment = format!("The decision moves from {} to {}.", moved.old_label(), moved.new_label());
    let message = |program: &str| {
        format!("{} now reports to you; their application to {program} waits for your decision.", moved.employee_name)
    };
    move_applications(conn, actor_id, &pending, moved.new_manager_id, &comment, message, at)?;
    Ok(pending.len())
}

/// Changes an employee's manager; their pending applications move to the new manager's
/// queue, each with a timeline event, and the change goes to the audit log.
pub fn change_manager(
    conn: &mut DbConnection,
    admin: &Employee,
    employee_id: i32,
    new_manager_id: Option<i32>,
) -> Result<Result<usize, ManagerChangeError>, WorkflowError> {
    write_transaction(conn, |conn| change_manager_in_transaction(conn, Some(admin.id), employee_id, new_manager_id))
}

/// `change_manager` inside the caller's transaction (also used by the person form and
/// the import); `actor_id` is who made the change.
pub fn change_manager_in_transaction(
    conn: &mut DbConnection,
    actor_id: Option<i32>,
    employee_id: i32,
    new_manager_id: Option<i32>,
) -> Result<Result<usize, ManagerChangeError>, WorkflowError> {
    lock_row(conn, LockableTable::Employees, employee_id)?;
    let employee = super::employees::find_by_id(conn, employee_id)?;
    if employee.manager_id == new_manager_id {
        return Ok(Ok(0));
    }
    let new_manager = match new_manager_id {
        Some(id) => Some(super::employees::find_by_id(conn, id)?),
        None => None,
    };
    if let Some(manager) = &new_manager {
        if !manager.active {
            return Ok(Err(ManagerChangeError::InactiveManager));
        }
        if super::employees::reports_to(conn, manager.id, employee.id)? {
            return Ok(Err(ManagerChangeError::Cycle));
        }
    }
    let old_manager_name = match employee.manager_id {
        Some(id) => Some(super::employees::find_by_id(conn, id)?.display_name),
        None => None,
    };
    let moved = ManagerMove {
        employee_id: employee.id,
        employee_name: employee.display_name.clone(),
        new_manager_id,
        old_manager_name,
        new_manager_name: new_manager.map(|m| m.display_name),
    };
    let at = now();
    super::employees::set_manager(conn, employee.id, new_manager_id, at)?;
    let moved_count = move_pending_applications(conn, actor_id, &moved, at)?;
    super::audit::record(
        conn,
        actor_id,
        "employee.manager_changed",
        &employee.email,
        &format!("manager: {} → {}; {moved_count} pending application(s) moved", moved.old_label(), moved.new_label()),
        at,
    )?;
    Ok(Ok(moved_count))
}

/// Points applications at a new approver (`None`: the program team), each with a
/// "reassigned" timeline event, and tells whoever now decides.
fn move_applications(
    conn: &mut DbConnection,
    actor_id: Option<i32>,
    moving: &[Application],
    new_approver: Option<i32>,
    comment: &str,
    message: impl Fn(&str) -> String,
    at: NaiveDateTime,
) -> Result<(), WorkflowError> {
    for application in moving {
        let status = stored_status(application)?;
        applications::set_approver(conn, application.id, new_approver, at)?;
        events::insert(
            conn,
            &NewEvent {
                application_id: application.id,
                actor_id,
                acting_for_id: None,
                action: "reassigned".to_owned(),
                from_status: Some(status.as_str().to_owned()),
                to_status: status.as_str().to_owned(),
                comment: Some(comment.to_owned()),
                details: None,
                created_at: at,
            },
        )?;
        if status == Status::Submitted {
            let program = programs::find_by_id(conn, application.program_id)?;
            let recipients = match new_approver {
                Some(id) => vec![id],
                None => admins(conn, application.employee_id)?,
            };
            for recipient in recipients {
                notify(conn, recipient, Some(application.id), &message(&program.name), at)?;
            }
        }
    }
    Ok(())
}

/// Why a change to a person's record was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PersonChangeError {
    Manager(ManagerChangeError),
    /// Removing the admin flag of (or deactivating) the last active admin.
    LastAdmin,
    /// Nobody has the manager's e-mail address.
    UnknownManager,
}

/// An administrator's edit of one person: profile, admin and active flags, manager.
/// Deactivating someone ends their sessions and moves what waits on their decision to
/// their own manager. All in one transaction, audited field by field.
pub fn update_person(
    conn: &mut DbConnection,
    admin: &Employee,
    employee_id: i32,
    change: &super::employees::ProfileChange,
    manager_email: Option<&str>,
) -> Result<(), WorkflowError> {
    write_transaction(conn, |conn| {
        lock_row(conn, LockableTable::Employees, employee_id)?;
        let before = super::employees::find_by_id(conn, employee_id)?;
        let losing_admin = before.is_admin && before.active && (!change.is_admin || !change.active);
        if losing_admin && super::employees::count_active_admins(conn)? <= 1 {
            return Err(WorkflowError::PersonRefused(PersonChangeError::LastAdmin));
        }
        let new_manager_id = match manager_email {
            None => None,
            Some(email) => match super::employees::find_by_email(conn, email)? {
                Some(manager) => Some(manager.id),
                None => return Err(WorkflowError::PersonRefused(PersonChangeError::UnknownManager)),
            },
        };
        let at = now();
        super::employees::update_profile(conn, employee_id, change)?;
        let fields = [
            ("display_name", before.display_name.clone(), change.display_name.clone()),
            ("job_title", before.job_title.clone(), change.job_title.clone()),
            ("job_family", before.job_family.clone(), change.job_family.clone()),
            ("site_type", before.site_type.clone(), change.site_type.clone()),
            ("employment_type", before.employment_type.clone(), change.employment_type.clone()),
            ("hire_date", before.hire_date.to_string(), change.hire_date.to_string()),
            ("is_admin", before.is_admin.to_string(), change.is_admin.to_string()),
            ("active", before.active.to_string(), change.active.to_string()),
        ];
        let changed: Vec<String> =
            fields.iter().filter(|(_, b, a)| b != a).map(|(f, b, a)| format!("{f}: {b} → {a}")).collect();
        if !changed.is_empty() {
            super::audit::record(conn, Some(admin.id), "employee.updated", &before.email, &changed.join("; "), at)?;
        }
        if let Err(refusal) = change_manager_in_transaction(conn, Some(admin.id), employee_id, new_manager_id)? {
            return Err(WorkflowError::PersonRefused(PersonChangeError::Manager(refusal)));
        }
        if before.active && !change.active {
            super::sessions::delete_for_employee(conn, employee_id)?;
            let waiting = applications::awaiting_approver(conn, employee_id)?;
            let successor = match before.manager_id {
                Some(id) if super::employees::find_by_id(conn, id)?.active => Some(id),
                _ => None,
            };
            let successor_name = match successor {
                Some(id) => super::employees::find_by_id(conn, id)?.display_name,
                None => "the program team".to_owned(),
            };
            let comment =
                format!("{} no longer works here; the decision moves to {successor_name}.", before.display_name);
            let message = |program: &str| {
                format!(
                    "{} left: an application to {program} that waited on them now waits for your decision.",
                    before.display_name
                )
            };
            move_applications(conn, Some(admin.id), &waiting, successor, &comment, message, at)?;
        }
        Ok(())
    })
}

/// Why a seat change was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeatsBelowTaken {
    pub taken: i64,
}

/// Changes an intake's name, start date and seats (never below those taken); new seats
/// go to the waitlist, oldest first. Audited with before → after.
pub fn update_intake(
    conn: &mut DbConnection,
    admin: &Employee,
    intake_id: i32,
    draft: &IntakeDraft,
) -> Result<Result<usize, SeatsBelowTaken>, WorkflowError> {
    write_transaction(conn, |conn| {
        lock_row(conn, LockableTable::Intakes, intake_id)?;
        let (program_id, name, starts_on, seats): (i32, String, NaiveDate, i32) = intakes::table
            .find(intake_id)
            .select((intakes::program_id, intakes::name, intakes::starts_on, intakes::seats))
            .first(conn)?;
        let taken = applications::seats_taken(conn, intake_id)?;
        if i64::from(draft.seats) < taken {
            return Ok(Err(SeatsBelowTaken { taken }));
        }
        let at = now();
        programs::update_intake(conn, intake_id, &draft.name, draft.starts_on)?;
        diesel::update(intakes::table.find(intake_id)).set(intakes::seats.eq(draft.seats)).execute(conn)?;
        let program = programs::find_by_id(conn, program_id)?;
        let promoted = promote_from_waitlist(conn, &program, intake_id, at)?;
        let changes: Vec<String> = [
            ("name", name.clone(), draft.name.clone()),
            ("starts_on", starts_on.to_string(), draft.starts_on.to_string()),
            ("seats", seats.to_string(), draft.seats.to_string()),
        ]
        .into_iter()
        .filter(|(_, before, after)| before != after)
        .map(|(field, before, after)| format!("{field}: {before} → {after}"))
        .collect();
        let details = format!(
            "{}; {promoted} promoted from the waitlist",
            if changes.is_empty() { "no change".to_owned() } else { changes.join("; ") }
        );
        super::audit::record(
            conn,
            Some(admin.id),
            "intake.updated",
            &format!("{} / {}", program.slug, name),
            &details,
            at,
        )?;
        Ok(Ok(promoted))
    })
}

/// Adds an intake to a program, audited.
pub fn add_intake(
    conn: &mut DbConnection,
    admin: &Employee,
    program: &Program,
    draft: &IntakeDraft,
) -> Result<i32, WorkflowError> {
    write_transaction(conn, |conn| {
        let at = now();
        let id = programs::insert_intake(
            conn,
            &programs::NewIntake {
                program_id: program.id,
                name: draft.name.clone(),
                starts_on: draft.starts_on,
                seats: draft.seats,
            },
        )?;
        let details = format!("starts {} with {} seats", draft.starts_on, draft.seats);
        super::audit::record(
            conn,
            Some(admin.id),
            "intake.created",
            &format!("{} / {}", program.slug, draft.name),
            &details,
            at,
        )?;
        Ok(id)
    })
}
