//! The applicant's own transitions: submit, resubmit and withdraw.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::rows::{event, status_change};
use super::steps::{check_cap, facts, lock_application, place_budget};
use super::waitlist::promote_from_waitlist;
use super::{comment_text, notify_all, notify_approver, program_team, WorkflowError};
use crate::clock::now;
use crate::db::applications::{self, Application, DetailsChange, NewApplication};
use crate::db::employees::Employee;
use crate::db::events::{self, NewEvent};
use crate::db::notifications::notify;
use crate::db::programs::{self, Program};
use crate::db::{lock_row, write_transaction, DbConnection, LockableTable};
use crate::domain::application::{transition, Action, Actor, BudgetFit, Facts, Outcome, Status};
use crate::domain::application_form::ApplicationDetails;
use crate::domain::message::Message;
use crate::domain::Cents;

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

/// Whether a place given at once (a program without approval stages) would fit the
/// program's budget; the program's row is locked for it (see `steps::place_budget`). A
/// program with a stage leaves the budget to the approval.
fn budget_at_once(
    conn: &mut DbConnection,
    program: &Program,
    covered: Option<Cents>,
    at: NaiveDateTime,
) -> Result<BudgetFit, WorkflowError> {
    if program.needs_manager_approval || program.needs_admin_approval {
        return Ok(BudgetFit::Fits);
    }
    Ok(place_budget(conn, program.id, covered.map(|c| c.0), at.date())?.1.fit())
}

/// Tells whoever must act next on a (re)submitted application: its approver and those
/// who decide in their place today (`message` gets the approver's name for them), or the
/// program team.
fn notify_deciders(
    conn: &mut DbConnection,
    (application, program_id): (i32, i32),
    to: Status,
    owner: &Employee,
    approver_id: Option<i32>,
    message: impl Fn(Option<&str>) -> Message,
    at: NaiveDateTime,
) -> QueryResult<()> {
    match (to, approver_id) {
        (Status::Submitted, Some(approver)) => notify_approver(conn, approver, (application, owner.id), message, at),
        (Status::Submitted | Status::ManagerApproved, _) => {
            let team = program_team(conn, program_id, owner.id)?;
            notify_all(conn, &team, application, &message(None), at)
        }
        _ => Ok(()),
    }
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
        approved_at: (outcome.to == Status::Approved).then_some(at),
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
        let at = now();
        // The intake before the program, as the lock order has it.
        let facts = submission_facts(conn, program, details.intake_id)?;
        let facts = Facts { budget: budget_at_once(conn, program, covered, at)?, ..facts };
        let outcome = transition(None, Action::Submit, Actor::Owner, &facts, "").map_err(WorkflowError::Refused)?;
        let approver_id = current_approver(conn, employee)?;
        let new = new_application(employee, program, details, covered, &outcome, approver_id, at);
        let (id, counters) = applications::insert_uncounted(conn, &new)?;
        events::insert(conn, &event(id, Some(employee.id), None, &outcome, at))?;
        let message = |acting_for: Option<&str>| {
            match acting_for {
                None => Message::new("notice-applied"),
                Some(manager) => Message::new("notice-applied-acting-for").text("manager", manager),
            }
            .text("applicant", employee.display_name.as_str())
            .text("program", program.name.as_str())
        };
        notify_deciders(conn, (id, program.id), outcome.to, employee, approver_id, message, at)?;
        // Last: the program's row, for its counters (see `CounterMoves`).
        counters.count(conn)?;
        Ok((id, outcome.to))
    })
}

/// The facts of a submission. A program with an approval stage gives no seat when
/// someone applies (the stage's decision does, under the intake's lock): its intake is
/// neither locked nor counted here, so that a crowd applying to one intake at once does
/// not queue on the intake's row. A submission that may take a seat at once does both.
fn submission_facts(
    conn: &mut DbConnection,
    program: &Program,
    intake_id: Option<i32>,
) -> Result<Facts, WorkflowError> {
    if program.needs_manager_approval || program.needs_admin_approval {
        facts(conn, program, None)
    } else {
        facts(conn, program, intake_id)
    }
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

/// Locks an application of its owner's (see `lock_application`) and checks it is still
/// at `expected_version`.
fn load_for_owner(
    conn: &mut DbConnection,
    application_id: i32,
    owner_id: i32,
    expected_version: i32,
) -> Result<Application, WorkflowError> {
    let application = lock_application(conn, application_id)?;
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
        // The intake it leaves and the one it joins, in id order, before the application.
        let current = applications::find(conn, application_id)?;
        let mut intakes: Vec<i32> = [current.intake_id, details.intake_id].into_iter().flatten().collect();
        intakes.sort_unstable();
        for intake_id in intakes {
            lock_row(conn, LockableTable::Intakes, intake_id)?;
        }
        let application = load_for_owner(conn, application_id, owner.id, expected_version)?;
        let status = application.status;
        if application.program_id != program.id {
            return Err(WorkflowError::NotFound);
        }
        let covered = covered_within_cap(conn, owner, program, details, Some(application.id))?;
        let at = now();
        // The intake before the program, as the lock order has it.
        let facts = facts(conn, program, details.intake_id)?;
        let facts = Facts { budget: budget_at_once(conn, program, covered, at)?, ..facts };
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
        let message = |acting_for: Option<&str>| {
            match acting_for {
                None => Message::new("notice-resubmitted"),
                Some(manager) => Message::new("notice-resubmitted-acting-for").text("manager", manager),
            }
            .text("applicant", owner.display_name.as_str())
            .text("program", program.name.as_str())
        };
        notify_deciders(conn, (application.id, program.id), outcome.to, owner, approver_id, message, at)?;
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
            let message = Message::new("notice-withdrawn")
                .text("applicant", owner.display_name.as_str())
                .text("program", program.name.as_str());
            notify(conn, approver, Some(application.id), &message, at)?;
        }
        if let (true, Some(intake_id)) = (outcome.frees_seat, application.intake_id) {
            promote_from_waitlist(conn, &program, intake_id, at)?;
        }
        Ok(outcome.to)
    })
}
