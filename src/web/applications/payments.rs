//! Recording a tuition payment from an application's page.

use actix_web::http::StatusCode;
use actix_web::{post, web, HttpRequest, HttpResponse};

use super::detail::{application_page_with, Shown};
use super::payment_view::PaymentForm;
use crate::clock::today;
use crate::db::workflow::{self, PaymentRefusal, WorkflowError};
use crate::domain::forms::FieldErrors;
use crate::domain::payment::{parse_payment, payment_role, PaymentInput, PaymentRole};
use crate::web::error::AppError;
use crate::web::input::FormFields;
use crate::web::{redirect_with_flash, run_db, CsrfForm, State, Viewer};

impl FormFields for PaymentInput {
    const CHECKED_TEXT: &'static [&'static str] = &["invoice_number", "amount", "paid_on", "reference"];
}

#[post("/applications/{id}/payments")]
pub async fn record_payment(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    form: CsrfForm<PaymentInput>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let input = form.0;
    let again = |errors: FieldErrors, problem: Option<String>| PaymentForm { input: input.clone(), errors, problem };
    let employee = viewer.employee.clone();
    // Who may record, and the approval day for the date's message, before the form is read.
    let approved_on = run_db(&state, move |conn| {
        let application = crate::db::applications::find(conn, id)?;
        let authority = workflow::authority(conn, &application, &employee, today())?;
        match payment_role(&authority) {
            // Only a tuition request has payments: for anything else there is nothing here.
            PaymentRole::Record if application.covered_cents.is_none() => Err(AppError::NotFound),
            PaymentRole::Record => Ok(application.approved_at.map(|at| at.date())),
            PaymentRole::OwnApplication | PaymentRole::NotTeam => Err(AppError::Forbidden),
            PaymentRole::NotVisible => Err(AppError::NotFound),
        }
    })
    .await?;
    let draft = match parse_payment(&input, today(), approved_on) {
        Ok(draft) => draft,
        Err(errors) => return refused(&state, &viewer, id, again(errors, None), &req).await,
    };
    let employee = viewer.employee.clone();
    let recording = draft.clone();
    let result =
        run_db(&state, move |conn| Ok(workflow::record_payment(conn, &employee, id, &recording, today()))).await?;
    match result {
        Ok(recorded) => {
            let t = crate::web::language::words();
            let rest = if recorded.left.0 == 0 {
                t.m("payments-recorded-in-full").to_owned()
            } else {
                t.with("payments-recorded-left", "amount", t.money(recorded.left))
            };
            let message = format!(
                "{} {} {rest}",
                t.with("payments-recorded", "amount", t.money(draft.amount)),
                t.with("payments-recorded-invoice", "invoice", &draft.invoice_number)
            );
            Ok(redirect_with_flash(&format!("/applications/{id}#payments-heading"), "success", &message))
        }
        Err(WorkflowError::PaymentRefused(PaymentRefusal::Field(field, message))) => {
            let mut errors = FieldErrors::default();
            errors.add(field, message);
            refused(&state, &viewer, id, again(errors, None), &req).await
        }
        Err(WorkflowError::PaymentRefused(PaymentRefusal::NotPayable)) => {
            let problem = crate::web::language::words().m("payments-not-payable");
            let form = again(FieldErrors::default(), Some(problem.to_owned()));
            application_page_with(
                &state,
                &viewer,
                id,
                Shown { payment: Some(form), ..Shown::default() },
                StatusCode::CONFLICT,
                &req,
            )
            .await
        }
        Err(other) => Err(other.into()),
    }
}

/// The application's page again with the refused payment form: 422.
async fn refused(
    state: &State,
    viewer: &Viewer,
    id: i32,
    form: PaymentForm,
    req: &HttpRequest,
) -> Result<HttpResponse, AppError> {
    application_page_with(
        state,
        viewer,
        id,
        Shown { payment: Some(form), ..Shown::default() },
        StatusCode::UNPROCESSABLE_ENTITY,
        req,
    )
    .await
}
