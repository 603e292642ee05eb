//! The application's own transitions: submit, resubmit, withdraw, decide, and the
//! waitlist promotion a freed seat triggers.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::{admins, comment_text, notify_all, WorkflowError};
use crate::clock::now;
use crate::db::applications::{self, Application, DetailsChange, NewApplication, StatusChange};
use crate::db::employees::{self, Employee};
use crate::db::events::{self, NewEvent};
use crate::db::notifications::notify;
use crate::db::programs::{self, Program};
use crate::db::schema::intakes;
use crate::db::{delegations, lock_row, write_transaction, DbConnection, LockableTable};
use crate::domain::application::{
    check_tuition_cap, decision_role, transition, Action, Actor, Authority, DecisionRole, Facts, Outcome, Seats,
    Stages, Status,
};
use crate::domain::application_form::ApplicationDetails;
use crate::domain::Cents;

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

/// Checks that `covered` for a term starting in `term_year` fits the employee's yearly cap
/// with their other applications of that year (`this_application` left out).
fn check_cap(
    conn: &mut DbConnection,
    employee: &Employee,
    program: &Program,
    covered: Cents,
    term_year: i32,
    this_application: Option<i32>,
) -> Result<(), WorkflowError> {
    let committed: i64 =
        applications::committed_tuition_cents(conn, employee.id, program.id, term_year, this_application)?.iter().sum();
    let cap = program.funding().cap_for(employee.employment_type);
    check_tuition_cap(covered, Cents(committed), cap)
        .map_err(|exceeded| WorkflowError::OverCap { exceeded, year: term_year })
}

/// The company's share of a tuition request, checked against the yearly cap.
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
    let covered = program.funding().covered(tuition.amount);
    check_cap(conn, employee, program, covered, tuition.term_starts_on.year(), this_application)?;
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
        action: outcome.event,
        from_status: from,
        to_status: outcome.to,
        comment: None,
        details: None,
        created_at: at,
    }
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
    notify_all(conn, &recipients, application, message, at)
}

/// The manager who decides an employee's applications, if they have an active one.
fn current_approver(conn: &mut DbConnection, employee: &Employee) -> QueryResult<Option<i32>> {
    let Some(manager_id) = employee.manager_id else {
        return Ok(None);
    };
    let active: bool = crate::db::schema::employees::table
        .find(manager_id)
        .select(crate::db::schema::employees::active)
        .first(conn)?;
    Ok(active.then_some(manager_id))
}

/// The row of a new application in `outcome`'s state.
fn new_application(
    employee: &Employee,
    program: &Program,
    details: &ApplicationDetails,
    covered: Option<Cents>,
    outcome: &Outcome,
    approver_id: Option<i32>,
    at: NaiveDateTime,
) -> NewApplication {
    let decided = matches!(outcome.to, Status::Approved | Status::Waitlisted);
    NewApplication {
        employee_id: employee.id,
        program_id: program.id,
        status: outcome.to,
        details: details_change(details, covered),
        approver_id,
        submitted_at: at,
        decided_at: decided.then_some(at),
        waitlisted_at: (outcome.to == Status::Waitlisted).then_some(at),
        version: 1,
        created_at: at,
        updated_at: at,
        site_type: employee.site_type,
    }
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
        let new = new_application(employee, program, details, covered, &outcome, approver_id, at);
        let id = applications::insert(conn, &new)?;
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
    let date = |value: Option<NaiveDate>| value.map(|d| d.to_string()).unwrap_or_default();
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

/// The details columns of a checked form.
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

/// Loads an application for its owner and checks it is still at `expected_version`.
fn load_for_owner(
    conn: &mut DbConnection,
    application_id: i32,
    owner_id: i32,
    expected_version: i32,
) -> Result<Application, WorkflowError> {
    lock_row(conn, LockableTable::Applications, application_id)?;
    let application = applications::find(conn, application_id)?;
    if application.employee_id != owner_id {
        return Err(WorkflowError::NotFound);
    }
    if application.version != expected_version {
        return Err(WorkflowError::Stale { status: application.status });
    }
    Ok(application)
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
        let application = load_for_owner(conn, application_id, owner.id, expected_version)?;
        let status = application.status;
        if application.program_id != program.id {
            return Err(WorkflowError::NotFound);
        }
        let covered = covered_within_cap(conn, owner, program, details, Some(application.id))?;
        let facts = facts(conn, program, details.intake_id)?;
        let outcome =
            transition(Some(status), Action::Resubmit, Actor::Owner, &facts, "").map_err(WorkflowError::Refused)?;
        let after = details_change(details, covered);
        let intakes = programs::intakes_with_seats(conn, program.id)?;
        let intake_name = |id: Option<i32>| {
            id.and_then(|id| intakes.iter().find(|i| i.intake.id == id))
                .map(|i| i.intake.name.clone())
                .unwrap_or_default()
        };
        let changes = changes_between(&application.details(), &after, intake_name);
        let at = now();
        applications::update_details(conn, application.id, &after)?;
        if !applications::update_status(conn, application.id, expected_version, status_change(&outcome, at, true))? {
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
        let application = load_for_owner(conn, application_id, owner.id, expected_version)?;
        let status = application.status;
        let program = programs::find_by_id(conn, application.program_id)?;
        let facts = facts(conn, &program, None)?;
        let outcome = transition(Some(status), Action::Withdraw, Actor::Owner, &facts, comment)
            .map_err(WorkflowError::Refused)?;
        let at = now();
        if !applications::update_status(conn, application.id, expected_version, status_change(&outcome, at, false))? {
            return Err(WorkflowError::Stale { status });
        }
        events::insert(
            conn,
            &NewEvent {
                comment: comment_text(comment),
                ..event(application.id, Some(owner.id), Some(status), &outcome, at)
            },
        )?;
        if let (Status::Submitted, Some(approver)) = (status, application.approver_id) {
            let message = format!("{} withdrew their application to {}.", owner.display_name, program.name);
            notify(conn, approver, Some(application.id), &message, at)?;
        }
        if let (true, Some(intake_id)) = (outcome.frees_seat, application.intake_id) {
            promote_from_waitlist(conn, &program, intake_id, at)?;
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
        if !applications::update_status(conn, next.id, next.version, status_change(&outcome, at, false))? {
            return Err(WorkflowError::Stale { status: Status::Waitlisted });
        }
        events::insert(conn, &event(next.id, None, Some(Status::Waitlisted), &outcome, at))?;
        let intake_name: String = intakes::table.find(intake_id).select(intakes::name).first(conn)?;
        let message = format!("A seat became free: your place in {} of {} is confirmed.", intake_name, program.name);
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

/// The queue of decisions `viewer` makes on `today`, and the names of the managers they
/// stand in for (to mark "acting for").
pub fn queue_scope(
    conn: &mut DbConnection,
    viewer: &Employee,
    today: NaiveDate,
    program_id: Option<i32>,
) -> QueryResult<(crate::db::queue::QueueScope, Vec<(i32, String)>)> {
    let delegators = delegations::active_for_delegate(conn, viewer.id, today)?;
    let mut approver_ids = vec![viewer.id];
    approver_ids.extend(delegators.iter().map(|(id, _)| *id).filter(|id| *id != viewer.id));
    let scope = crate::db::queue::QueueScope {
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

/// The status change of `outcome`, with the timestamps that go with it: anything but a
/// stage that waits on someone is a decision.
fn status_change(outcome: &Outcome, at: NaiveDateTime, resubmitted: bool) -> StatusChange {
    StatusChange {
        to_status: outcome.to,
        now: at,
        waitlisted: outcome.to == Status::Waitlisted,
        decided: !matches!(outcome.to, Status::Submitted | Status::ManagerApproved | Status::ChangesRequested),
        resubmitted,
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

/// The part `viewer` plays in deciding `application` now, or why they play none.
fn decider_role(
    conn: &mut DbConnection,
    application: &Application,
    viewer: &Employee,
    today: NaiveDate,
) -> Result<(Actor, Option<i32>), WorkflowError> {
    match decision_role(application.status, &authority(conn, application, viewer, today)?) {
        DecisionRole::Decide { actor, acting_for } => Ok((actor, acting_for)),
        DecisionRole::OwnApplication => Err(WorkflowError::OwnApplication),
        DecisionRole::NotVisible => Err(WorkflowError::NotFound),
    }
}

/// Applies a manager's or an admin's decision, with every rule checked against the
/// current row inside the transaction.
pub fn decide(conn: &mut DbConnection, viewer: &Employee, request: &DecisionRequest) -> Result<Decided, WorkflowError> {
    write_transaction(conn, |conn| {
        lock_row(conn, LockableTable::Applications, request.application_id)?;
        let application = applications::find(conn, request.application_id)?;
        let status = application.status;
        let (actor, acting_for) = decider_role(conn, &application, viewer, request.today)?;
        let program = programs::find_by_id(conn, application.program_id)?;
        let facts = facts(conn, &program, application.intake_id)?;
        let outcome = transition(Some(status), request.action, actor, &facts, &request.comment)
            .map_err(WorkflowError::Refused)?;
        if request.expected_version.is_some_and(|v| v != application.version) {
            return Err(WorkflowError::Stale { status });
        }
        let applicant = employees::find_by_id(conn, application.employee_id)?;
        if let (Status::Approved | Status::Waitlisted, Some(covered), Some(term)) =
            (outcome.to, application.covered_cents, application.term_starts_on)
        {
            // Another request of the same year may have been approved since this one was made.
            check_cap(conn, &applicant, &program, Cents(covered), term.year(), Some(application.id))?;
        }
        let at = now();
        if !applications::update_status(conn, application.id, application.version, status_change(&outcome, at, false))?
        {
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
        notify_of_decision(conn, viewer, &applicant, &program, &application, &outcome, &request.comment, at)?;
        let promoted = match (outcome.frees_seat, application.intake_id) {
            (true, Some(intake_id)) => promote_from_waitlist(conn, &program, intake_id, at)?,
            _ => 0,
        };
        Ok(Decided { outcome, applicant_name: applicant.display_name, program_name: program.name, promoted })
    })
}

/// Tells the applicant of a decision, and the program team when it decides next.
#[expect(clippy::too_many_arguments, reason = "the decision's parts, each used in the sentences")]
fn notify_of_decision(
    conn: &mut DbConnection,
    decider: &Employee,
    applicant: &Employee,
    program: &Program,
    application: &Application,
    outcome: &Outcome,
    comment: &str,
    at: NaiveDateTime,
) -> Result<(), WorkflowError> {
    let position = if outcome.to == Status::Waitlisted {
        let waiting = applications::find(conn, application.id)?;
        applications::waitlist_position(conn, &waiting)?
    } else {
        0
    };
    let notice = decision_notice(&decider.display_name, &program.name, outcome, comment, position);
    notify(conn, applicant.id, Some(application.id), &notice, at)?;
    if outcome.to == Status::ManagerApproved {
        let message = format!(
            "{} approved {}'s application to {}; it waits for the program team's decision.",
            decider.display_name, applicant.display_name, program.name
        );
        let team: Vec<i32> = admins(conn, applicant.id)?.into_iter().filter(|admin| *admin != decider.id).collect();
        notify_all(conn, &team, application.id, &message, at)?;
    }
    Ok(())
}
