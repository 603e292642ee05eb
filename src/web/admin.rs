//! Program administration: a person's manager, and the seats of an intake.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::catalog::long_date;
use super::{page_with_status, redirect_with_flash, run_db, Chrome, CsrfForm, State, Viewer};
use crate::db::workflow::{self, ManagerChangeError};
use crate::db::{self};
use crate::domain::Email;
use crate::error::AppError;

/// Admin pages are role pages: others get 403.
fn require_admin(viewer: &Viewer) -> Result<(), AppError> {
    if viewer.employee.is_admin {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

#[derive(Template)]
#[template(path = "admin/employee.html")]
struct EmployeePage {
    chrome: Chrome,
    id: i32,
    name: String,
    email: String,
    job_title: String,
    manager_email: String,
    manager_name: String,
    error: Option<String>,
}

async fn employee_page(
    state: &State,
    viewer: &Viewer,
    id: i32,
    typed: Option<String>,
    error: Option<String>,
    status: StatusCode,
    req: &HttpRequest,
) -> Result<HttpResponse, AppError> {
    let (person, manager) = run_db(state, move |conn| {
        let person = db::employees::find_by_id(conn, id)?;
        let manager = match person.manager_id {
            Some(m) => Some(db::employees::find_by_id(conn, m)?),
            None => None,
        };
        Ok((person, manager))
    })
    .await?;
    let template = EmployeePage {
        chrome: viewer.chrome("admin"),
        id: person.id,
        name: person.display_name,
        email: person.email,
        job_title: person.job_title,
        manager_email: typed.unwrap_or_else(|| manager.as_ref().map(|m| m.email.clone()).unwrap_or_default()),
        manager_name: manager.map_or("nobody".to_owned(), |m| m.display_name),
        error,
    };
    page_with_status(req, &template, status)
}

#[get("/admin/employees/{id}")]
pub async fn show_employee(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    employee_page(&state, &viewer, id.into_inner(), None, None, StatusCode::OK, &req).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ManagerForm {
    manager_email: String,
}

#[post("/admin/employees/{id}/manager")]
pub async fn change_manager(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    form: CsrfForm<ManagerForm>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    let id = id.into_inner();
    let typed = form.0.manager_email;
    let fail = |message: &str| {
        employee_page(
            &state,
            &viewer,
            id,
            Some(typed.clone()),
            Some(message.to_owned()),
            StatusCode::UNPROCESSABLE_ENTITY,
            &req,
        )
    };
    let new_manager = if typed.trim().is_empty() {
        None
    } else {
        let Ok(email) = Email::parse(&typed) else {
            return fail("Enter the manager's e-mail address, or leave it empty for no manager.").await;
        };
        let found = run_db(&state, move |conn| Ok(db::employees::find_by_email(conn, email.as_str())?)).await?;
        match found {
            Some(manager) => Some(manager.id),
            None => return fail("Nobody at the company has this e-mail address.").await,
        }
    };
    let admin = viewer.employee.clone();
    let result =
        run_db(&state, move |conn| workflow::change_manager(conn, &admin, id, new_manager).map_err(workflow_to_app))
            .await?;
    match result {
        Ok(moved) => {
            let message = format!("Manager changed; {moved} pending application(s) moved to the new manager's queue.");
            Ok(redirect_with_flash(&format!("/admin/employees/{id}"), "success", &message))
        }
        Err(ManagerChangeError::Cycle) => {
            fail("That person reports to this employee: a manager can't report to their own report.").await
        }
        Err(ManagerChangeError::InactiveManager) => fail("That person no longer works here.").await,
    }
}

fn workflow_to_app(err: workflow::WorkflowError) -> AppError {
    match err {
        workflow::WorkflowError::NotFound => AppError::NotFound,
        workflow::WorkflowError::Database(err) => err.into(),
        other => AppError::Internal(anyhow::anyhow!("unexpected: {other:?}")),
    }
}

/// An intake with who holds its seats and who waits.
pub struct IntakeAdminView {
    pub id: i32,
    pub name: String,
    pub starts_on: String,
    pub seats: i32,
    pub taken: i64,
    pub holders: Vec<String>,
    pub waitlist: Vec<String>,
}

#[derive(Template)]
#[template(path = "admin/intakes.html")]
struct IntakesPage {
    chrome: Chrome,
    program_name: String,
    program_slug: String,
    intakes: Vec<IntakeAdminView>,
    error: Option<(i32, String)>,
}

async fn intakes_page(
    state: &State,
    viewer: &Viewer,
    slug: String,
    error: Option<(i32, String)>,
    status: StatusCode,
    req: &HttpRequest,
) -> Result<HttpResponse, AppError> {
    let (program, intakes) = run_db(state, move |conn| {
        let program = db::programs::find_by_slug(conn, &slug)?;
        let mut views = Vec::new();
        for intake in db::programs::intakes_with_seats(conn, program.id)? {
            let (holders, waitlist) = db::applications::intake_people(conn, intake.intake.id)?;
            views.push(IntakeAdminView {
                id: intake.intake.id,
                name: intake.intake.name.clone(),
                starts_on: long_date(intake.intake.starts_on),
                seats: intake.intake.seats,
                taken: intake.seats_taken,
                holders,
                waitlist,
            });
        }
        Ok((program, views))
    })
    .await?;
    let template = IntakesPage {
        chrome: viewer.chrome("admin"),
        program_name: program.name,
        program_slug: program.slug,
        intakes,
        error,
    };
    page_with_status(req, &template, status)
}

#[get("/admin/programs/{slug}/intakes")]
pub async fn show_intakes(
    state: State,
    viewer: Viewer,
    slug: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    intakes_page(&state, &viewer, slug.into_inner(), None, StatusCode::OK, &req).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SeatsForm {
    intake_id: String,
    seats: String,
}

#[post("/admin/programs/{slug}/intakes")]
pub async fn update_intake_seats(
    state: State,
    viewer: Viewer,
    slug: web::Path<String>,
    form: CsrfForm<SeatsForm>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    let slug = slug.into_inner();
    let form = form.0;
    let intake_id: i32 =
        form.intake_id.trim().parse().map_err(|_| AppError::BadRequest("intake_id is not a number".to_owned()))?;
    let owner_slug = slug.clone();
    let belongs = run_db(&state, move |conn| {
        let program = db::programs::find_by_slug(conn, &owner_slug)?;
        Ok(db::programs::intakes_with_seats(conn, program.id)?.iter().any(|i| i.intake.id == intake_id))
    })
    .await?;
    if !belongs {
        return Err(AppError::NotFound);
    }
    let seats = match form.seats.trim().parse::<i32>() {
        Ok(seats) if (0..=10_000).contains(&seats) => seats,
        _ => {
            let error = Some((intake_id, "Enter a number of seats from 0 to 10,000.".to_owned()));
            return intakes_page(&state, &viewer, slug, error, StatusCode::UNPROCESSABLE_ENTITY, &req).await;
        }
    };
    let admin = viewer.employee.clone();
    let result =
        run_db(&state, move |conn| workflow::set_intake_seats(conn, &admin, intake_id, seats).map_err(workflow_to_app))
            .await?;
    match result {
        Ok(promoted) => {
            let message =
                format!("The intake now has {seats} seats; {promoted} waitlisted application(s) got a place.");
            Ok(redirect_with_flash(&format!("/admin/programs/{slug}/intakes"), "success", &message))
        }
        Err(below) => {
            let error = Some((intake_id, format!("{} seats are taken: the intake can't have fewer.", below.taken)));
            intakes_page(&state, &viewer, slug, error, StatusCode::UNPROCESSABLE_ENTITY, &req).await
        }
    }
}
