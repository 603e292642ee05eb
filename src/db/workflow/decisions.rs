//! Deciding: who decides what (the queue's scope, a person's authority over one
//! application), and the decisions themselves.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::rows::{event, evidence_request, status_change};
use super::steps::{check_cap, facts, lock_application, place_budget, PlaceBudget};
use super::waitlist::promote_from_waitlist;
use super::{comment_phrase, comment_text, decider_phrase, notify_all, program_team, WorkflowError};
use crate::clock::now;
use crate::db::applications::{self, Application};
use crate::db::employees::{self, Employee};
use crate::db::events::{self, NewEvent};
use crate::db::notifications::notify;
use crate::db::program_teams::ProgramScope;
use crate::db::programs::{self, Program};
use crate::db::schema::employees as employees_table;
use crate::db::{audit, delegations, DbConnection};
use crate::domain::application::{
    decision_role, transition, Action, Actor, Authority, BudgetFit, DecisionRole, Facts, Outcome, Status,
};
use crate::domain::budget::check_place;
use crate::domain::enums::StoredName;
use crate::domain::message::Message;
use crate::domain::{ApplicationStatus, AuditAction, Cents};

/// The queue of decisions `viewer` makes on `today`, and the names of the managers they
/// stand in for (to mark "acting for"). `runs` is the programs the viewer runs
/// (`Viewer::program_scope`, read with the viewer), whose program-team stage they decide.
pub fn queue_scope(
    conn: &mut DbConnection,
    viewer: &Employee,
    runs: Option<ProgramScope>,
    today: NaiveDate,
    program_id: Option<i32>,
) -> QueryResult<(crate::db::queue::QueueScope, Vec<(i32, String)>)> {
    let delegators = delegations::active_for_delegate(conn, viewer.id, today)?;
    let mut approver_ids = vec![viewer.id];
    approver_ids.extend(delegators.iter().map(|(id, _)| *id).filter(|id| *id != viewer.id));
    let scope =
        crate::db::queue::QueueScope { viewer_id: viewer.id, approver_ids, program_team_stage: runs, program_id };
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
        is_program_team: viewer.active
            && (viewer.is_admin || crate::db::program_teams::is_member(conn, viewer.id, application.program_id)?),
        has_approver: application.approver_id.is_some(),
    })
}

/// A decision someone asks for on one application.
#[derive(Debug, Clone)]
pub struct DecisionRequest {
    pub application_id: i32,
    /// The version the decider saw; `None` decides on whatever is current.
    pub expected_version: Option<i32>,
    pub action: Action,
    pub comment: String,
    pub today: NaiveDate,
    /// The program team confirmed an approval beyond the program's budget ("Approve
    /// although it exceeds the budget").
    pub exceed_budget: bool,
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

/// The sentence the applicant receives about a decision; `decider` is its subject.
fn decision_notice(
    decider: &Message,
    program: &str,
    outcome: &Outcome,
    comment: &str,
    waitlist_position: i64,
) -> Message {
    let id = match outcome.to {
        Status::ManagerApproved => "notice-decided-manager-approved",
        Status::Approved => "notice-decided-approved",
        Status::Waitlisted => "notice-decided-waitlisted",
        Status::Rejected => "notice-decided-rejected",
        Status::ChangesRequested => "notice-decided-changes-requested",
        Status::Completed => "notice-decided-completed",
        other => {
            return Message::new("notice-status-changed").text("program", program).names(
                "status",
                ApplicationStatus::VOCABULARY,
                vec![other.stored_name()],
            )
        }
    };
    let message = Message::new(id).phrase("decider", decider.clone()).text("program", program);
    match outcome.to {
        Status::Waitlisted => message.ordinal("position", waitlist_position),
        _ => message,
    }
    .phrase("comment", comment_phrase(comment))
}

/// The part `viewer` plays in deciding `application` now (as whom, for whom, and whether
/// by their administrator rights), or why they play none.
fn decider_role(
    conn: &mut DbConnection,
    application: &Application,
    viewer: &Employee,
    today: NaiveDate,
) -> Result<(Actor, Option<i32>, bool), WorkflowError> {
    let authority = authority(conn, application, viewer, today)?;
    match decision_role(application.status, &authority) {
        DecisionRole::Decide { actor, acting_for } => Ok((actor, acting_for, authority.decides_as_program_team(actor))),
        DecisionRole::OwnApplication => Err(WorkflowError::OwnApplication),
        DecisionRole::NotVisible => Err(WorkflowError::NotFound),
    }
}

/// The audit action of a decision an administrator takes with their rights.
fn audit_action(to: Status) -> AuditAction {
    match to {
        Status::Rejected => AuditAction::ApplicationRejected,
        Status::ChangesRequested => AuditAction::ApplicationChangesRequested,
        Status::Completed => AuditAction::ApplicationCompleted,
        _ => AuditAction::ApplicationApproved,
    }
}

/// Applies a manager's or an admin's decision, with every rule checked against the
/// current row inside the transaction. A decision taken with administrator rights (the
/// program team's stage, completion, a late rejection, the manager stage of someone
/// without a manager) also goes to the audit log.
pub fn decide(conn: &mut DbConnection, viewer: &Employee, request: &DecisionRequest) -> Result<Decided, WorkflowError> {
    crate::db::write_transaction(conn, |conn| {
        let application = lock_application(conn, request.application_id)?;
        let status = application.status;
        let (actor, acting_for, as_admin) = decider_role(conn, &application, viewer, request.today)?;
        let at = now();
        let program = programs::find_by_id(conn, application.program_id)?;
        let facts = facts(conn, &program, application.intake_id)?;
        let decide = |facts: &Facts| {
            transition(Some(status), request.action, actor, facts, &request.comment).map_err(WorkflowError::Refused)
        };
        // Only a decision that gives a place commits the budget. It takes the program's
        // row lock (after the applicant, the intake and the application), then reads the
        // budget under it, so that of two approvals of which only one fits, the second
        // sees the first's place; and decides again with it. The program team may exceed
        // the budget, with a confirmation; anyone else's approval that would exceed it
        // goes to the program team instead. Any other decision leaves the program's row
        // to its counters, at the end.
        let (program, place, outcome) = match decide(&facts)? {
            Outcome { to: Status::Approved, .. } => {
                let (program, place) =
                    place_budget(conn, application.program_id, application.covered_cents, at.date())?;
                let budget = if as_admin { BudgetFit::Fits } else { place.fit() };
                let outcome = decide(&Facts { budget, ..facts })?;
                (program, place, outcome)
            }
            outcome => {
                let place = PlaceBudget::unread(&program, application.covered_cents);
                (program, place, outcome)
            }
        };
        if request.expected_version.is_some_and(|v| v != application.version) {
            return Err(WorkflowError::Stale { status });
        }
        let exceeded = match (outcome.to, check_place(place.standing, place.cost)) {
            (Status::Approved, Err(over)) if !request.exceed_budget => return Err(WorkflowError::OverBudget(over)),
            (Status::Approved, Err(over)) => Some(over),
            _ => None,
        };
        let applicant = employees::find_by_id(conn, application.employee_id)?;
        if let (Status::Approved | Status::Waitlisted, Some(covered), Some(term)) =
            (outcome.to, application.covered_cents, application.term_starts_on)
        {
            // Another request of the same year may have been approved since this one was made.
            check_cap(conn, &applicant, &program, Cents(covered), term.year(), Some(application.id))?;
        }
        let Some(counters) = applications::update_status_uncounted(
            conn,
            application.id,
            application.version,
            status_change(&outcome, at, false),
        )?
        else {
            return Err(WorkflowError::Stale { status });
        };
        events::insert(
            conn,
            &NewEvent {
                acting_for_id: acting_for,
                comment: comment_text(&request.comment),
                ..event(application.id, Some(viewer.id), Some(status), &outcome, at)
            },
        )?;
        let acting_for_name: Option<String> = match acting_for {
            Some(id) => Some(employees_table::table.find(id).select(employees_table::display_name).first(conn)?),
            None => None,
        };
        let decider = decider_phrase(&viewer.display_name, acting_for_name.as_deref());
        // A manager's approval that goes to the program team of a program without that
        // stage went there because of the budget.
        let over_budget_year = (outcome.to == Status::ManagerApproved && !program.needs_admin_approval)
            .then(|| place.standing.map(|s| s.year))
            .flatten();
        let decision = Decision {
            decider: &decider,
            decider_id: viewer.id,
            applicant: &applicant,
            program: &program,
            over_budget_year,
        };
        notify_of_decision(conn, &decision, &application, &outcome, &request.comment, at)?;
        let promoted = match (outcome.frees_seat, application.intake_id) {
            (true, Some(intake_id)) => promote_from_waitlist(conn, &program, intake_id, at)?,
            _ => 0,
        };
        if as_admin || exceeded.is_some() {
            let subject = format!("{} / {}", applicant.email, program.slug);
            let mut details = format!("application {}: {} → {}", application.id, status.label(), outcome.to.label());
            if let Some(over) = exceeded {
                details.push_str(&format!(
                    "; exceeds the program's budget for {} by {}, as confirmed (budget {}, committed {} before this place of {})",
                    over.standing.year,
                    over.excess(),
                    over.standing.budget,
                    over.standing.committed,
                    over.cost
                ));
            }
            if let Some(comment) = comment_text(&request.comment) {
                details.push_str(&format!("; comment: “{comment}”"));
            }
            audit::record(conn, Some(viewer.id), audit_action(outcome.to), &subject, &details, at)?;
        }
        // Last: the program's row, for its counters (see `CounterMoves`).
        counters.count(conn)?;
        Ok(Decided { outcome, applicant_name: applicant.display_name, program_name: program.name, promoted })
    })
}

/// Who decided what for whom, as the notifications of a decision name them.
struct Decision<'a> {
    /// The decider as the subject of a sentence ("Tom Techlead, acting for Maria Manager,").
    decider: &'a Message,
    decider_id: i32,
    applicant: &'a Employee,
    program: &'a Program,
    /// The budget year a place would have exceeded, when that sent the application to the
    /// program team.
    over_budget_year: Option<i32>,
}

/// Tells the applicant of a decision, and the program team when it decides next.
fn notify_of_decision(
    conn: &mut DbConnection,
    decision: &Decision<'_>,
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
    let notice = decision_notice(decision.decider, &decision.program.name, outcome, comment, position);
    let notice = match (outcome.to, evidence_request(decision.program)) {
        (Status::Approved, Some(request)) => notice.then(request),
        _ => notice,
    };
    notify(conn, decision.applicant.id, Some(application.id), &notice, at)?;
    if outcome.to == Status::ManagerApproved {
        let message = match decision.over_budget_year {
            Some(year) => Message::new("notice-manager-approved-over-budget").text("year", year.to_string()),
            None => Message::new("notice-manager-approved"),
        }
        .phrase("decider", decision.decider.clone())
        .text("applicant", decision.applicant.display_name.as_str())
        .text("program", decision.program.name.as_str());
        let team: Vec<i32> = program_team(conn, decision.program.id, decision.applicant.id)?
            .into_iter()
            .filter(|admin| *admin != decision.decider_id)
            .collect();
        notify_all(conn, &team, application.id, &message, at)?;
    }
    Ok(())
}
