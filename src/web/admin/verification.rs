//! The program team's verification queue: evidence of completion waiting to be checked,
//! the longest-waiting first. Each line opens the application, where the evidence is and
//! the decisions are taken.

use actix_web::{get, web, HttpRequest, HttpResponse};
use askama::Template;

use crate::db::{self};
use crate::domain::CompletionEvidence;
use crate::web::error::AppError;
use crate::web::format::{long_date, long_time};
use crate::web::paging::{PageQuery, Pagination};
use crate::web::{page, run_db, Chrome, State, Viewer};

const WAITING_PER_PAGE: i64 = 25;

/// One submission waiting, as the queue shows it.
pub struct WaitingLine {
    pub id: i32,
    pub employee_name: String,
    pub program_name: String,
    pub evidence: &'static str,
    pub intake: Option<String>,
    pub completed_on: String,
    pub sent: String,
    pub sent_iso: String,
}

#[derive(Template)]
#[template(path = "admin/verification.html")]
struct VerificationPage {
    chrome: Chrome,
    lead: String,
    lines: Vec<WaitingLine>,
    pagination: Pagination,
}

#[get("/admin/verification")]
pub async fn show_verification_queue(
    state: State,
    viewer: Viewer,
    query: web::Query<PageQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let scope = super::require_program_scope(&viewer)?;
    let requested = query.page().unwrap_or(1);
    let (total, waiting, pagination) = run_db(&state, move |conn| {
        let total = db::completions::count_waiting(conn, &scope)?;
        let pagination = Pagination::new(requested, total, WAITING_PER_PAGE, "/admin/verification");
        let offset = pagination.offset(WAITING_PER_PAGE);
        let waiting = db::completions::waiting_page(conn, &scope, offset, WAITING_PER_PAGE)?;
        Ok((total, waiting, pagination))
    })
    .await?;
    let chrome = viewer.chrome(super::NAV);
    let t = chrome.t;
    let lines = waiting
        .into_iter()
        .map(|w| WaitingLine {
            id: w.id,
            employee_name: w.employee_name,
            program_name: w.program_name,
            evidence: match w.evidence {
                CompletionEvidence::Credential => t.m("verification-credential"),
                _ => t.m("verification-file"),
            },
            intake: w.intake_name,
            completed_on: w.completed_on.map(long_date).unwrap_or_default(),
            sent: w.sent_at.map(long_time).unwrap_or_default(),
            sent_iso: w.sent_at.map(|at| at.format("%Y-%m-%dT%H:%M:%SZ").to_string()).unwrap_or_default(),
        })
        .collect();
    let lead = match total {
        0 => t.m("verification-none-waiting").to_owned(),
        n => t.count("verification-waiting", n),
    };
    page(&req, &VerificationPage { chrome, lead, lines, pagination })
}
