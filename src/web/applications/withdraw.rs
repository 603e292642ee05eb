//! Withdrawing an application: a confirmation page, then the withdrawal.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::load_own;
use crate::db::applications::Application;
use crate::db::workflow::{self, WorkflowError};
use crate::db::{self};
use crate::domain::application::Status;
use crate::domain::forms::FieldErrors;
use crate::domain::message::Message;
use crate::domain::text::multi_line;
use crate::web::error::AppError;
use crate::web::input::FormFields;
use crate::web::{page, page_with_status, redirect_with_flash, run_db, Chrome, CsrfForm, State, Viewer};

#[derive(Template)]
#[template(path = "applications/withdraw.html")]
struct WithdrawPage {
    chrome: Chrome,
    id: i32,
    program_name: String,
    status_label: String,
    version: i32,
    holds_seat: bool,
    can_withdraw: bool,
    problem: Option<String>,
    /// The reason typed, kept when the page is shown again.
    comment: String,
    /// What is wrong with the reason, if anything.
    errors: FieldErrors,
}

impl WithdrawPage {
    /// The page of `application`, as it is now, with nothing typed yet.
    fn of(viewer: &Viewer, application: &Application, program_name: String) -> WithdrawPage {
        let status = application.status;
        WithdrawPage {
            chrome: viewer.chrome("applications"),
            id: application.id,
            program_name,
            status_label: crate::web::language::words().name(status).to_lowercase(),
            version: application.version,
            holds_seat: status == Status::Approved && application.intake_id.is_some(),
            can_withdraw: crate::domain::application::may_withdraw(status),
            problem: None,
            comment: String::new(),
            errors: FieldErrors::default(),
        }
    }
}

#[get("/applications/{id}/withdraw")]
pub async fn confirm_withdraw(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let (application, program) = load_own(&state, &viewer, id.into_inner()).await?;
    let status = application.status;
    let problem = (!crate::domain::application::may_withdraw(status)).then(|| {
        let t = crate::web::language::words();
        t.with("withdraw-not-possible", "status", t.name(status).to_lowercase())
    });
    page(&req, &WithdrawPage { problem, ..WithdrawPage::of(&viewer, &application, program.name) })
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct WithdrawForm {
    version: String,
    comment: String,
}

impl FormFields for WithdrawForm {
    const CHECKED_TEXT: &'static [&'static str] = &["comment"];
}

#[post("/applications/{id}/withdraw")]
pub async fn withdraw_application(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    form: CsrfForm<WithdrawForm>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let form = form.0;
    let (application, program) = load_own(&state, &viewer, id.into_inner()).await?;
    let Ok(version) = form.version.trim().parse::<i32>() else {
        return Err(AppError::BadRequest("withdraw form without a version".to_owned()));
    };
    let application_id = application.id;
    let comment = match multi_line(&form.comment, "reason") {
        Ok(comment) => comment.chars().take(2_000).collect::<String>(),
        Err(message) => {
            let mut errors = FieldErrors::default();
            errors.add("comment", Message::said(message));
            let template = WithdrawPage {
                version,
                comment: form.comment,
                errors,
                ..WithdrawPage::of(&viewer, &application, program.name)
            };
            return page_with_status(&req, &template, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let employee = viewer.employee.clone();
    let result =
        run_db(&state, move |conn| Ok(workflow::withdraw(conn, application_id, version, &employee, &comment))).await?;
    let problem = match result {
        Ok(_) => {
            let done = crate::web::language::words().m("withdraw-done");
            return Ok(redirect_with_flash(&format!("/applications/{application_id}"), "success", done));
        }
        Err(WorkflowError::Stale { status }) => {
            let t = crate::web::language::words();
            t.with("withdraw-stale", "status", t.name(status).to_lowercase())
        }
        Err(WorkflowError::Refused(refusal)) => refusal.to_string(),
        Err(other) => return Err(other.into()),
    };
    let current = run_db(&state, move |conn| Ok(db::applications::find(conn, application_id)?)).await?;
    let template = WithdrawPage { problem: Some(problem), ..WithdrawPage::of(&viewer, &current, program.name) };
    page_with_status(&req, &template, StatusCode::CONFLICT)
}
