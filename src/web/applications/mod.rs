//! An employee's applications: the list, one application's page, applying, editing
//! when asked, withdrawing.

mod apply;
mod detail;
mod edit;
mod withdraw;

pub use apply::{show_apply_form, submit_application};
pub use detail::{application_page, show_application, Refusal};
pub use edit::{edit_application, show_edit_form};
pub use withdraw::{confirm_withdraw, withdraw_application};

use actix_web::{get, web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::NaiveDate;

use crate::db::applications::Application;
use crate::db::programs::Program;
use crate::db::{self};
use crate::domain::application::Status;
use crate::web::error::AppError;
use crate::web::format::long_date;
use crate::web::paging::{PageQuery, Pagination};
use crate::web::{page, run_db, Chrome, State, Viewer};

/// What happens next, in words, for the owner.
pub fn next_step(
    status: Status,
    approver_name: Option<&str>,
    waitlist_position: i64,
    intake_starts_on: Option<NaiveDate>,
) -> String {
    match status {
        Status::Submitted => match approver_name {
            Some(name) => format!("Waiting for {name}"),
            None => "Waiting for the program team".to_owned(),
        },
        Status::ChangesRequested => "Make the requested changes and resubmit".to_owned(),
        Status::ManagerApproved => "Waiting for the program team".to_owned(),
        Status::Waitlisted => format!("Seat {waitlist_position} on the waitlist"),
        Status::Approved => match intake_starts_on {
            Some(date) => format!("Place confirmed; starts {}", long_date(date)),
            None => "Place confirmed".to_owned(),
        },
        Status::Completed => "Completed".to_owned(),
        Status::Rejected | Status::Withdrawn => "Closed".to_owned(),
    }
}

/// One row of "My applications".
pub struct MyApplicationRow {
    pub id: i32,
    pub program_name: String,
    pub intake: Option<String>,
    /// The stored name, for the page's `data-status` hook.
    pub status: &'static str,
    pub status_label: &'static str,
    pub next_step: String,
    pub submitted_on: String,
}

#[derive(Template)]
#[template(path = "applications/list.html")]
struct MyApplicationsPage {
    chrome: Chrome,
    rows: Vec<MyApplicationRow>,
    pagination: Pagination,
}
const APPLICATIONS_PER_PAGE: i64 = 25;

#[get("/applications")]
pub async fn list_my_applications(
    state: State,
    viewer: Viewer,
    query: web::Query<PageQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let employee_id = viewer.id();
    let requested = query.page().unwrap_or(1);
    let (rows, pagination) = run_db(&state, move |conn| {
        let total = db::applications::count_for_employee(conn, employee_id)?;
        let pagination = Pagination::new(requested, total, APPLICATIONS_PER_PAGE, "/applications");
        let mine = db::applications::page_for_employee(
            conn,
            employee_id,
            pagination.offset(APPLICATIONS_PER_PAGE),
            APPLICATIONS_PER_PAGE,
        )?;
        let mut rows = Vec::with_capacity(mine.len());
        for item in mine {
            let position = if item.status == Status::Waitlisted {
                let application = db::applications::find(conn, item.id)?;
                db::applications::waitlist_position(conn, &application)?
            } else {
                0
            };
            rows.push(MyApplicationRow {
                id: item.id,
                intake: item.intake_name.clone(),
                status_label: item.status.label(),
                next_step: next_step(item.status, item.approver_name.as_deref(), position, item.intake_starts_on),
                submitted_on: long_date(item.submitted_at.date()),
                program_name: item.program_name,
                status: item.status.as_str(),
            });
        }
        Ok((rows, pagination))
    })
    .await?;
    page(&req, &MyApplicationsPage { chrome: viewer.chrome("applications"), rows, pagination })
}

/// Loads an application its owner wants to change; others get 404.
async fn load_own(state: &State, viewer: &Viewer, id: i32) -> Result<(Application, Program), AppError> {
    let owner = viewer.id();
    let (application, program) = run_db(state, move |conn| {
        let application = db::applications::find(conn, id)?;
        let program = db::programs::find_by_id(conn, application.program_id)?;
        Ok((application, program))
    })
    .await?;
    if application.employee_id != owner {
        return Err(AppError::NotFound);
    }
    Ok((application, program))
}
