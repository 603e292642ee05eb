//! Editing an application whose approver asked for changes, and resubmitting it.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};

use super::apply::{apply_page, checked_details, context_for, eligibility_of, form_view, over_cap_message};
use super::apply::{ApplicationFormData, FormContext};
use super::load_own;
use crate::db::applications::Application;
use crate::db::workflow::{self, WorkflowError};
use crate::domain::application::Status;
use crate::domain::application_form::ApplicationInput;
use crate::domain::forms::FieldErrors;
use crate::domain::message::Message;
use crate::domain::{Cents, Eligibility};
use crate::web::eligibility::{eligibility_headline, eligibility_reasons};
use crate::web::error::AppError;
use crate::web::{page_with_status, redirect_with_flash, run_db, CsrfForm, State, Viewer};

/// The edit form filled in with what the application says now.
fn input_from(application: &Application) -> ApplicationInput {
    ApplicationInput {
        motivation: application.motivation.clone(),
        intake_id: application.intake_id.map(|i| i.to_string()).unwrap_or_default(),
        institution: application.institution.clone().unwrap_or_default(),
        course_title: application.course_title.clone().unwrap_or_default(),
        term_starts_on: application.term_starts_on.map(|d| d.to_string()).unwrap_or_default(),
        amount: application.amount_cents.map(|c| Cents(c).to_plain()).unwrap_or_default(),
        accept_terms: application.amount_cents.is_some(),
    }
}

fn not_editable(status: Status) -> String {
    let t = crate::web::language::words();
    t.with("application-not-editable", "status", t.name(status).to_lowercase())
}

/// The edit page of one application, shown with a form or with a message instead.
struct EditPage<'a> {
    context: &'a FormContext,
    viewer: &'a Viewer,
    application_id: i32,
    heading: String,
}

impl EditPage<'_> {
    /// The page with the form filled in with `input` (and `errors`), or without a form
    /// when `version` is `None`; `conflict` is a message above it.
    fn render(
        &self,
        req: &HttpRequest,
        status: StatusCode,
        input: ApplicationInput,
        errors: FieldErrors,
        conflict: Option<String>,
        version: Option<i32>,
    ) -> Result<HttpResponse, AppError> {
        let form = version.map(|version| {
            let action = format!("/applications/{}/edit", self.application_id);
            let submit = crate::web::language::words().m("application-resubmit");
            form_view(self.context, &self.viewer.employee, action, submit, input, errors, Some(version))
        });
        let mut template = apply_page(self.context, self.viewer, None, form, conflict);
        template.heading = self.heading.clone();
        page_with_status(req, &template, status)
    }

    /// A message instead of the form.
    fn refuse(&self, req: &HttpRequest, status: StatusCode, message: String) -> Result<HttpResponse, AppError> {
        self.render(req, status, ApplicationInput::default(), FieldErrors::default(), Some(message), None)
    }
}

#[get("/applications/{id}/edit")]
pub async fn show_edit_form(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let (application, program) = load_own(&state, &viewer, id.into_inner()).await?;
    let context = context_for(&state, &viewer, program.slug.clone(), Some(application.id)).await?;
    let edit = EditPage {
        context: &context,
        viewer: &viewer,
        application_id: application.id,
        heading: crate::web::language::words().with("application-edit-heading", "program", &program.name),
    };
    if application.status != Status::ChangesRequested {
        return edit.refuse(&req, StatusCode::OK, not_editable(application.status));
    }
    let input = input_from(&application);
    edit.render(&req, StatusCode::OK, input, FieldErrors::default(), None, Some(application.version))
}

#[post("/applications/{id}/edit")]
pub async fn edit_application(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    form: CsrfForm<ApplicationFormData>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let form = form.0;
    let (application, program) = load_own(&state, &viewer, id.into_inner()).await?;
    let context = context_for(&state, &viewer, program.slug.clone(), Some(application.id)).await?;
    let edit = EditPage {
        context: &context,
        viewer: &viewer,
        application_id: application.id,
        heading: crate::web::language::words().with("application-edit-heading", "program", &program.name),
    };
    if application.status != Status::ChangesRequested {
        return edit.refuse(&req, StatusCode::CONFLICT, not_editable(application.status));
    }
    let Ok(version) = form.version.trim().parse::<i32>() else {
        return Err(AppError::BadRequest("edit form without a version".to_owned()));
    };
    if version != application.version {
        let message = crate::web::language::words().m("application-edit-stale-version");
        let fresh = input_from(&application);
        let errors = FieldErrors::default();
        return edit.render(
            &req,
            StatusCode::CONFLICT,
            fresh,
            errors,
            Some(message.to_owned()),
            Some(application.version),
        );
    }
    if let other @ (Eligibility::EligibleFrom(_) | Eligibility::Ineligible(_)) =
        eligibility_of(&viewer.employee, &program)
    {
        let t = crate::web::language::words();
        let why = match eligibility_reasons(&other, t) {
            reasons if reasons.is_empty() => eligibility_headline(&other, t),
            reasons => reasons.join(" "),
        };
        return edit.refuse(
            &req,
            StatusCode::FORBIDDEN,
            format!("{} {why}", crate::web::language::words().m("application-no-longer-resubmit")),
        );
    }
    let input = form.input();
    let details = match checked_details(&context, &viewer.employee, &input) {
        Ok(details) => details,
        Err(errors) => return edit.render(&req, StatusCode::UNPROCESSABLE_ENTITY, input, errors, None, Some(version)),
    };
    let (employee, application_id) = (viewer.employee.clone(), application.id);
    let result = run_db(&state, move |conn| {
        Ok(workflow::resubmit(conn, application_id, version, &employee, &program, &details))
    })
    .await?;
    match result {
        Ok(_) => Ok(redirect_with_flash(
            &format!("/applications/{application_id}"),
            "success",
            crate::web::language::words().m("application-resubmitted"),
        )),
        Err(WorkflowError::OverCap { exceeded, year }) => {
            let mut errors = FieldErrors::default();
            errors.add("amount", Message::said(over_cap_message(exceeded.left, exceeded.cap, year)));
            edit.render(&req, StatusCode::UNPROCESSABLE_ENTITY, input, errors, None, Some(version))
        }
        Err(WorkflowError::Stale { status }) => {
            let t = crate::web::language::words();
            let message = t.with("application-edit-stale", "status", t.name(status).to_lowercase());
            edit.refuse(&req, StatusCode::CONFLICT, message)
        }
        Err(WorkflowError::Refused(refusal)) => edit.refuse(&req, StatusCode::CONFLICT, refusal.to_string()),
        Err(other) => Err(other.into()),
    }
}
