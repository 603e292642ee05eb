//! People: one person's record, and changing their manager.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::{require_admin, workflow_to_app};
use crate::db::workflow::{self, ManagerChangeError};
use crate::db::{self};
use crate::domain::Email;
use crate::error::AppError;
use crate::web::{page_with_status, redirect_with_flash, run_db, Chrome, CsrfForm, State, Viewer};

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
