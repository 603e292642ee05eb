//! The home page: my applications, unread notifications, what waits on me.

use actix_web::{get, HttpRequest, HttpResponse};
use askama::Template;

use super::catalog::today;
use super::{page, published_programs, run_db, Chrome, State, Viewer};
use crate::db;
use crate::domain::check_eligibility;
use crate::error::AppError;

/// One of my applications, as listed on the home page.
pub struct ApplicationLine {
    pub id: i32,
    pub program_name: String,
    pub status: String,
    pub status_label: String,
    pub submitted_on: String,
}

/// `changes_requested` → `Changes requested`.
pub fn status_label(status: &str) -> String {
    let spaced = status.replace('_', " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    chrome: Chrome,
    first_name: String,
    applications: Vec<ApplicationLine>,
    open_programs: usize,
    unread: i64,
    awaiting: String,
    decides: bool,
}

#[get("/")]
pub async fn home(state: State, viewer: Viewer, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let employee_id = viewer.id();
    let applications =
        run_db(&state, move |conn| Ok(db::applications::page_for_employee(conn, employee_id, 0, 5)?)).await?;
    let programs = published_programs(&state).await?;
    let today = today();
    let open_programs = match viewer.employee.profile() {
        Ok(profile) => programs
            .iter()
            .filter_map(|p| p.rules().ok())
            .filter(|rules| check_eligibility(&profile, rules, today).is_eligible())
            .count(),
        Err(_) => 0,
    };
    let template = HomePage {
        chrome: viewer.chrome("home"),
        first_name: viewer.employee.display_name.split_whitespace().next().unwrap_or("").to_owned(),
        applications: applications
            .into_iter()
            .map(|a| ApplicationLine {
                id: a.id,
                program_name: a.program_name,
                status_label: status_label(&a.status),
                status: a.status,
                submitted_on: super::catalog::long_date(a.submitted_at.date()),
            })
            .collect(),
        open_programs,
        unread: viewer.unread_notifications,
        awaiting: super::count_label(viewer.awaiting_approval),
        decides: viewer.is_manager || viewer.employee.is_admin,
    };
    page(&req, &template)
}
