//! After the yes: the owner sends their evidence of completion, and the program team
//! confirms it, asks for changes to it, or closes the place as not completed. Each form
//! refused shows the application's page again with what was typed and why.

use actix_web::http::StatusCode;
use actix_web::{post, web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::completion_view::{CompletionForm, CompletionShown};
use super::detail::{application_page_with, Shown};
use crate::clock::today;
use crate::db::workflow::{self, CompletionDecision, CompletionRequest, WorkflowError};
use crate::domain::application::{Action, Status};
use crate::domain::completion::{CompletionInput, ConfirmationInput};
use crate::web::error::AppError;
use crate::web::input::FormFields;
use crate::web::{redirect_with_flash, run_db, CsrfForm, State, Viewer};

/// The owner's completion form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EvidenceForm {
    completed_on: String,
    credential_name: String,
    credential_id: String,
    verification_url: String,
    version: String,
}

impl FormFields for EvidenceForm {
    const CHECKED_TEXT: &'static [&'static str] =
        &["completed_on", "credential_name", "credential_id", "verification_url"];
}

/// The program team's forms: a date and the confirmation box (confirming), a comment
/// (asking for changes, or why it was not completed).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TeamForm {
    completed_on: String,
    comment: String,
    #[serde(deserialize_with = "crate::domain::forms::ticked")]
    confirm: bool,
    version: String,
}

impl FormFields for TeamForm {
    const CHECKED_TEXT: &'static [&'static str] = &["completed_on", "comment"];
}

/// The application's page again with a completion form refused: 422 with its fields'
/// messages, or the refusal's own status with a message at the top.
async fn refused(
    state: &State,
    viewer: &Viewer,
    id: i32,
    mut shown: CompletionShown,
    err: WorkflowError,
    req: &HttpRequest,
) -> Result<HttpResponse, AppError> {
    let status = match err {
        WorkflowError::Fields(errors) => {
            shown.errors = errors;
            StatusCode::UNPROCESSABLE_ENTITY
        }
        WorkflowError::Refused(refusal) => {
            shown.problem = Some(refusal.to_string());
            StatusCode::CONFLICT
        }
        WorkflowError::Stale { status } => {
            let t = crate::web::language::words();
            shown.problem = Some(t.with("evidence-stale", "status", t.name(status).to_lowercase()));
            StatusCode::CONFLICT
        }
        other => return Err(other.into()),
    };
    application_page_with(state, viewer, id, Shown { completion: Some(shown), ..Shown::default() }, status, req).await
}

#[post("/applications/{id}/completion")]
pub async fn submit_completion(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    form: CsrfForm<EvidenceForm>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let form = form.0;
    let input = CompletionInput {
        completed_on: form.completed_on,
        credential_name: form.credential_name,
        credential_id: form.credential_id,
        verification_url: form.verification_url,
    };
    let request = CompletionRequest {
        application_id: id,
        expected_version: form.version.trim().parse().ok(),
        input: input.clone(),
        today: today(),
    };
    let owner = viewer.employee.clone();
    let result = run_db(&state, move |conn| Ok(workflow::submit_completion(conn, &owner, &request))).await?;
    match result {
        Ok(outcome) => {
            let t = crate::web::language::words();
            let message = if outcome.to == Status::Completed { t.m("evidence-accepted") } else { t.m("evidence-sent") };
            Ok(redirect_with_flash(&format!("/applications/{id}"), "success", message))
        }
        Err(err) => {
            let shown = CompletionShown { form: CompletionForm::Evidence, input, ..CompletionShown::default() };
            refused(&state, &viewer, id, shown, err, &req).await
        }
    }
}

/// Applies one of the program team's decisions from its form.
async fn team_decision(
    state: State,
    viewer: Viewer,
    id: i32,
    form: TeamForm,
    (action, which): (Action, CompletionForm),
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let confirmation =
        ConfirmationInput { completed_on: form.completed_on, confirm: form.confirm, version: form.version };
    let request = CompletionDecision {
        application_id: id,
        action,
        comment: form.comment.clone(),
        confirmation: confirmation.clone(),
        today: today(),
    };
    let employee = viewer.employee.clone();
    let result = run_db(&state, move |conn| Ok(workflow::decide_completion(conn, &employee, &request))).await?;
    match result {
        Ok(decided) => {
            let t = crate::web::language::words();
            let (who, what) = match decided.outcome.to {
                Status::Completed => ("evidence-team-completed-who", "evidence-team-completed-what"),
                Status::CompletionReturned => ("evidence-team-returned-who", "evidence-team-returned-what"),
                _ => ("evidence-team-closed-who", "evidence-team-closed-what"),
            };
            let message = format!(
                "{} {}",
                t.with(who, "applicant", &decided.applicant_name),
                t.with(what, "program", &decided.program_name)
            );
            Ok(redirect_with_flash("/admin/verification", "success", &message))
        }
        Err(err) => {
            let input = CompletionInput { completed_on: confirmation.completed_on, ..CompletionInput::default() };
            let shown = CompletionShown {
                form: which,
                input,
                comment: form.comment,
                confirm: form.confirm,
                ..CompletionShown::default()
            };
            refused(&state, &viewer, id, shown, err, &req).await
        }
    }
}

#[post("/applications/{id}/complete")]
pub async fn confirm_completion(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    form: CsrfForm<TeamForm>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let which = (Action::ConfirmCompletion, CompletionForm::Confirm);
    team_decision(state, viewer, id.into_inner(), form.0, which, req).await
}

#[post("/applications/{id}/return-evidence")]
pub async fn return_evidence(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    form: CsrfForm<TeamForm>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let which = (Action::ReturnEvidence, CompletionForm::Return);
    team_decision(state, viewer, id.into_inner(), form.0, which, req).await
}

#[post("/applications/{id}/not-completed")]
pub async fn mark_not_completed(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    form: CsrfForm<TeamForm>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let which = (Action::MarkNotCompleted, CompletionForm::NotCompleted);
    team_decision(state, viewer, id.into_inner(), form.0, which, req).await
}
