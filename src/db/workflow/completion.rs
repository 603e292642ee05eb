//! What happens after the yes: the employee sends evidence of completion, the program
//! team confirms it, asks for changes or closes the place as not completed. Each change
//! is one transaction with its timeline event, its notifications (and so its e-mail) and,
//! for the program team's decisions, its audit line.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::decisions::{authority, Decided};
use super::rows::{event, status_change};
use super::steps::{facts, lock_application};
use super::{comment_phrase, comment_text, notify_all, program_team, WorkflowError};
use crate::clock::now;
use crate::db::applications::{self, Application};
use crate::db::employees::{self, Employee};
use crate::db::events::{self, NewEvent};
use crate::db::notifications::notify;
use crate::db::programs;
use crate::db::schema::{evidence_files, intakes};
use crate::db::{audit, credentials, write_transaction, DbConnection};
use crate::domain::application::{transition, Action, Actor, Outcome, Status};
use crate::domain::completion::{
    parse_confirmation, parse_submission, CompletionInput, CompletionWindow, ConfirmationInput,
};
use crate::domain::forms::FieldErrors;
use crate::domain::message::Message;
use crate::domain::text::form_text;
use crate::domain::AuditAction;

/// The dates a completion of `application` may carry.
pub fn completion_window(
    conn: &mut DbConnection,
    application: &Application,
    today: NaiveDate,
) -> QueryResult<CompletionWindow> {
    let intake_starts_on = match application.intake_id {
        Some(intake_id) => Some(intakes::table.find(intake_id).select(intakes::starts_on).first(conn)?),
        None => None,
    };
    Ok(CompletionWindow::of(intake_starts_on, application.term_starts_on, application.submitted_at.date(), today))
}

/// The employee's completion form, sent for one of their applications.
#[derive(Debug, Clone)]
pub struct CompletionRequest {
    pub application_id: i32,
    /// The version the owner saw; `None` sends on whatever is current.
    pub expected_version: Option<i32>,
    pub input: CompletionInput,
    pub today: NaiveDate,
}

/// Sends the owner's evidence of completion: to the program team, or, for a credential
/// accepted automatically, straight to completed. Returns where the application landed.
pub fn submit_completion(
    conn: &mut DbConnection,
    owner: &Employee,
    request: &CompletionRequest,
) -> Result<Outcome, WorkflowError> {
    write_transaction(conn, |conn| {
        let application = lock_application(conn, request.application_id)?;
        if application.employee_id != owner.id {
            return Err(WorkflowError::NotFound);
        }
        let status = application.status;
        let program = programs::find_by_id(conn, application.program_id)?;
        let facts = facts(conn, &program, application.intake_id)?;
        let outcome = transition(Some(status), Action::SubmitCompletion, Actor::Owner, &facts, "")
            .map_err(WorkflowError::Refused)?;
        if request.expected_version.is_some_and(|v| v != application.version) {
            return Err(WorkflowError::Stale { status });
        }
        let window = completion_window(conn, &application, request.today)?;
        let files: i64 =
            evidence_files::table.filter(evidence_files::application_id.eq(application.id)).count().get_result(conn)?;
        let sent =
            parse_submission(&request.input, program.completion_evidence, &window, usize::try_from(files).unwrap_or(0))
                .map_err(WorkflowError::Fields)?;
        let at = now();
        let change = crate::db::applications::StatusChange {
            completed_on: Some(sent.completed_on),
            ..status_change(&outcome, at, false)
        };
        if !applications::update_status(conn, application.id, application.version, change)? {
            return Err(WorkflowError::Stale { status });
        }
        if let Some(credential) = &sent.credential {
            credentials::record(conn, application.id, credential, owner.id, at)?;
        }
        events::insert(conn, &event(application.id, Some(owner.id), Some(status), &outcome, at))?;
        if outcome.to == Status::Completed {
            let message = Message::new("notice-credential-accepted").text("program", program.name.as_str());
            notify(conn, owner.id, Some(application.id), &message, at)?;
            let subject = format!("{} / {}", owner.email, program.slug);
            let details = format!(
                "application {}: credential accepted automatically, completed on {}",
                application.id, sent.completed_on
            );
            audit::record(conn, None, AuditAction::ApplicationCompleted, &subject, &details, at)?;
        } else {
            let message = Message::new("notice-evidence-sent")
                .text("owner", owner.display_name.as_str())
                .text("program", program.name.as_str());
            let team = program_team(conn, program.id, owner.id)?;
            notify_all(conn, &team, application.id, &message, at)?;
        }
        Ok(outcome)
    })
}

/// A decision of the program team on a completion.
#[derive(Debug, Clone)]
pub struct CompletionDecision {
    pub application_id: i32,
    pub action: Action,
    /// The comment (asking for changes) or the reason (not completed).
    pub comment: String,
    /// The date and the confirmation box (confirming a completion).
    pub confirmation: ConfirmationInput,
    pub today: NaiveDate,
}

/// The audit action of a program team's completion decision.
fn audit_action(to: Status) -> AuditAction {
    match to {
        Status::CompletionReturned => AuditAction::ApplicationCompletionReturned,
        Status::NotCompleted => AuditAction::ApplicationNotCompleted,
        _ => AuditAction::ApplicationCompleted,
    }
}

/// What the owner is told of a program team's decision.
fn decision_notice(
    decider: &str,
    program: &str,
    outcome: &Outcome,
    comment: &str,
    completed_on: Option<NaiveDate>,
) -> Message {
    let message = match (outcome.to, completed_on) {
        (Status::Completed, Some(day)) => Message::new("notice-completion-confirmed-on").date("date", day),
        (Status::Completed, None) => Message::new("notice-completion-confirmed"),
        (Status::CompletionReturned, _) => {
            Message::new("notice-completion-returned").phrase("comment", comment_phrase(comment))
        }
        _ => Message::new("notice-completion-not-completed").phrase("comment", comment_phrase(comment)),
    };
    message.text("decider", decider).text("program", program)
}

/// The longest comment kept.
const MAX_COMMENT_CHARS: usize = 4_000;

/// The program team's form, checked: the completion date (confirming), the comment
/// (required to ask for changes or to close a place), the confirmation box (on the two
/// decisions that can't be undone). Every message at once, in the form's order.
fn checked_team_form(
    request: &CompletionDecision,
    window: &CompletionWindow,
) -> Result<(Option<NaiveDate>, String), FieldErrors> {
    let mut errors = FieldErrors::default();
    let action = request.action;
    let completed_on = match action {
        Action::ConfirmCompletion => match parse_confirmation(&request.confirmation, window) {
            Ok(date) => Some(date),
            Err(found) => return Err(found),
        },
        _ => None,
    };
    let comment = match form_text(&request.comment, "term-comment") {
        Ok(comment) => comment.chars().take(MAX_COMMENT_CHARS).collect::<String>(),
        Err(message) => {
            errors.add("comment", message);
            String::new()
        }
    };
    let needs_comment = matches!(action, Action::ReturnEvidence | Action::MarkNotCompleted);
    if needs_comment && comment.is_empty() && errors.is_empty() {
        // The words of `DomainError::CommentRequired(action)`, for the two actions here.
        let id = match action {
            Action::MarkNotCompleted => "completion-error-comment-not-completed",
            _ => "completion-error-comment-evidence",
        };
        errors.add("comment", Message::new(id));
    }
    if action == Action::MarkNotCompleted && !request.confirmation.confirm {
        errors.add("confirm", Message::new("completion-error-not-completed-unticked"));
    }
    if errors.is_empty() {
        Ok((completed_on, comment))
    } else {
        Err(errors)
    }
}

/// Applies a program team's decision on a completion, every rule checked against the
/// current row inside the transaction. Nobody decides their own.
pub fn decide_completion(
    conn: &mut DbConnection,
    viewer: &Employee,
    request: &CompletionDecision,
) -> Result<Decided, WorkflowError> {
    write_transaction(conn, |conn| {
        let application = lock_application(conn, request.application_id)?;
        let status = application.status;
        let seen = authority(conn, &application, viewer, request.today)?;
        if seen.is_owner {
            return Err(WorkflowError::OwnApplication);
        }
        if !seen.is_program_team {
            return Err(if seen.sees_application() { WorkflowError::NotProgramTeam } else { WorkflowError::NotFound });
        }
        let program = programs::find_by_id(conn, application.program_id)?;
        let facts = facts(conn, &program, application.intake_id)?;
        // The state first (409), then the form (422).
        transition(Some(status), request.action, Actor::Admin, &facts, "checked").map_err(WorkflowError::Refused)?;
        if request.confirmation.version.trim().parse::<i32>().is_ok_and(|v| v != application.version) {
            return Err(WorkflowError::Stale { status });
        }
        let window = completion_window(conn, &application, request.today)?;
        let (completed_on, comment) = checked_team_form(request, &window).map_err(WorkflowError::Fields)?;
        let outcome =
            transition(Some(status), request.action, Actor::Admin, &facts, &comment).map_err(WorkflowError::Refused)?;
        let at = now();
        let change = crate::db::applications::StatusChange { completed_on, ..status_change(&outcome, at, false) };
        if !applications::update_status(conn, application.id, application.version, change)? {
            return Err(WorkflowError::Stale { status });
        }
        let comment = comment_text(&comment);
        events::insert(
            conn,
            &NewEvent {
                comment: comment.clone(),
                ..event(application.id, Some(viewer.id), Some(status), &outcome, at)
            },
        )?;
        let applicant = employees::find_by_id(conn, application.employee_id)?;
        let notice = decision_notice(
            &viewer.display_name,
            &program.name,
            &outcome,
            comment.as_deref().unwrap_or(""),
            completed_on,
        );
        notify(conn, applicant.id, Some(application.id), &notice, at)?;
        let subject = format!("{} / {}", applicant.email, program.slug);
        let mut details = format!("application {}: {} → {}", application.id, status.label(), outcome.to.label());
        if let Some(day) = completed_on {
            details.push_str(&format!("; completed on {day}"));
        }
        if let Some(comment) = comment {
            details.push_str(&format!("; comment: “{comment}”"));
        }
        audit::record(conn, Some(viewer.id), audit_action(outcome.to), &subject, &details, at)?;
        Ok(Decided { outcome, applicant_name: applicant.display_name, program_name: program.name, promoted: 0 })
    })
}
