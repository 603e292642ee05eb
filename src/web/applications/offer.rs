//! A seat offered from the waitlist: its owner accepts it, or declines it after a page
//! that asks first.

use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::load_own;
use crate::db::workflow::{self, OfferAnswer, WorkflowError};
use crate::domain::application::Status;
use crate::domain::waitlist::answer_by;
use crate::web::error::AppError;
use crate::web::format::long_date;
use crate::web::input::FormFields;
use crate::web::{page, redirect_with_flash, run_db, Chrome, CsrfForm, State, Viewer};

#[derive(Template)]
#[template(path = "applications/decline_offer.html")]
struct DeclinePage {
    chrome: Chrome,
    id: i32,
    program_name: String,
    version: i32,
    /// The last day to answer, in words; none when no seat is offered now.
    answer_by: Option<String>,
}

#[get("/applications/{id}/offer/decline")]
pub async fn confirm_decline_offer(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let (application, program) = load_own(&state, &viewer, id.into_inner()).await?;
    let open = application.status == Status::Offered;
    page(
        &req,
        &DeclinePage {
            chrome: viewer.chrome("applications"),
            id: application.id,
            program_name: program.name,
            version: application.version,
            answer_by: application.offer_expires_at.filter(|_| open).map(|at| long_date(answer_by(at))),
        },
    )
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct OfferForm {
    version: String,
}

impl FormFields for OfferForm {
    const CHECKED_TEXT: &'static [&'static str] = &[];
}

#[post("/applications/{id}/offer/accept")]
pub async fn accept_offer(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    form: CsrfForm<OfferForm>,
) -> Result<HttpResponse, AppError> {
    answer(state, viewer, id.into_inner(), form.0, true).await
}

#[post("/applications/{id}/offer/decline")]
pub async fn decline_offer(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    form: CsrfForm<OfferForm>,
) -> Result<HttpResponse, AppError> {
    answer(state, viewer, id.into_inner(), form.0, false).await
}

/// Records the owner's answer and says on the application's page what became of it.
async fn answer(
    state: State,
    viewer: Viewer,
    id: i32,
    form: OfferForm,
    accept: bool,
) -> Result<HttpResponse, AppError> {
    let (application, program) = load_own(&state, &viewer, id).await?;
    let Ok(version) = form.version.trim().parse::<i32>() else {
        return Err(AppError::BadRequest("offer answer without a version".to_owned()));
    };
    let owner = viewer.employee.clone();
    let application_id = application.id;
    let result =
        run_db(&state, move |conn| Ok(workflow::answer_offer(conn, application_id, version, &owner, accept))).await?;
    let back = format!("/applications/{application_id}");
    let t = crate::web::language::words();
    let (kind, message) = match result {
        Ok(OfferAnswer::Accepted) => ("success", t.with("offer-accepted", "program", &program.name)),
        Ok(OfferAnswer::Declined) => ("success", t.m("offer-declined").to_owned()),
        Ok(OfferAnswer::Lapsed { answer_by }) => ("error", t.with("offer-lapsed", "date", long_date(answer_by))),
        Err(WorkflowError::Stale { status })
        | Err(WorkflowError::Refused(crate::domain::application::DomainError::NotAllowed {
            status: Some(status),
            ..
        })) => ("error", t.with("offer-none-now", "status", t.name(status).to_lowercase())),
        Err(other) => return Err(other.into()),
    };
    Ok(redirect_with_flash(&back, kind, &message))
}
