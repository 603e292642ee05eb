//! The home page: my applications, unread notifications, what waits on me.

use actix_web::{get, HttpRequest, HttpResponse};
use askama::Template;

use super::{page, viewer_published_and, Chrome, State};
use crate::clock::today;
use crate::db;
use crate::domain::check_eligibility;
use crate::web::error::AppError;

/// One of my applications, as listed on the home page.
pub struct ApplicationLine {
    pub id: i32,
    pub program_name: String,
    /// The stored name, for the page's `data-status` hook.
    pub status: &'static str,
    pub status_label: &'static str,
    pub submitted_on: String,
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
pub async fn home(state: State, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let (viewer, programs, applications) = viewer_published_and(&state, &req, |conn, viewer| {
        Ok(db::applications::page_for_employee(conn, viewer.id(), 0, 5)?)
    })
    .await?;
    let today = today();
    let profile = viewer.employee.profile();
    let open_programs =
        programs.iter().filter(|p| check_eligibility(&profile, &p.rules(), today).is_eligible()).count();
    let chrome = viewer.chrome("home");
    let t = chrome.t;
    let template = HomePage {
        chrome,
        first_name: viewer.employee.display_name.split_whitespace().next().unwrap_or("").to_owned(),
        applications: applications
            .into_iter()
            .map(|a| ApplicationLine {
                status_label: super::applications::status_label(t, a.status, a.starts_on(), today),
                id: a.id,
                program_name: a.program_name,
                status: a.status.as_str(),
                submitted_on: super::format::long_date(a.submitted_at.date()),
            })
            .collect(),
        open_programs,
        unread: viewer.unread_notifications,
        awaiting: super::count_label(viewer.awaiting_approval),
        decides: viewer.is_manager || viewer.employee.is_admin,
    };
    page(&req, &template)
}
