//! An employee's applications: the list, one application's page, applying, editing
//! when asked, withdrawing.

mod apply;
mod completion;
mod completion_view;
mod detail;
mod edit;
mod files;
mod offer;
mod payment_view;
mod payments;
mod withdraw;

pub use apply::{funding_lines, show_apply_form, submit_application, FundingLine};
pub use completion::{confirm_completion, mark_not_completed, return_evidence, submit_completion};
pub use completion_view::{status_label, CredentialView};
pub use detail::{application_page, show_application, Refusal};
pub use edit::{edit_application, show_edit_form};
pub use files::{attach_file, download_file, FILE_TRANSFERS};
pub use offer::{accept_offer, confirm_decline_offer, decline_offer};
pub use payments::record_payment;
pub use withdraw::{confirm_withdraw, withdraw_application};

use actix_web::{get, web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::NaiveDate;

use crate::db::applications::Application;
use crate::db::programs::Program;
use crate::db::{self};
use crate::domain::application::Status;
use crate::i18n::{Locale, Tr};
use crate::web::error::AppError;
use crate::web::format::long_date;
use crate::web::paging::{PageQuery, Pagination};
use crate::web::{page, run_db, Chrome, State, Viewer};

/// Who an application waits for at the manager stage, in words: the approver, or while
/// they have a delegate, "Tom Techlead (acting for Maria Manager)".
pub fn approver_label(t: Tr, approver_name: &str, delegates: &[String]) -> String {
    let acting = t.with("application-acting-for", "approver", approver_name);
    match delegates {
        [] => approver_name.to_owned(),
        [one] => format!("{one} {acting}"),
        [first @ .., last] => format!("{} {} {last} {acting}", first.join(", "), t.m("application-or")),
    }
}

/// What happens next, in words, for the owner; `approver` is who the manager stage waits
/// for (see [`approver_label`]). `t`: the words of the request (its handler may be on a
/// database thread, which has no request).
pub fn next_step(
    t: Tr,
    status: Status,
    approver: Option<&str>,
    waitlist_position: i64,
    intake_starts_on: Option<NaiveDate>,
) -> String {
    match status {
        Status::Submitted => match approver {
            Some(name) => t.with("application-next-waiting-for", "name", name),
            None => t.m("application-next-program-team").to_owned(),
        },
        Status::ChangesRequested => t.m("application-next-changes").to_owned(),
        Status::ManagerApproved => t.m("application-next-program-team").to_owned(),
        Status::Waitlisted if waitlist_position > 0 => {
            t.with("application-next-waitlist-position", "position", waitlist_place(t, waitlist_position))
        }
        Status::Waitlisted => t.m("application-next-waitlist").to_owned(),
        Status::InDraw => t.m("application-next-in-draw").to_owned(),
        Status::Offered => t.m("application-next-offered").to_owned(),
        Status::Approved => match intake_starts_on {
            Some(date) if date <= crate::clock::today() => t.with("application-next-started", "date", long_date(date)),
            Some(date) => t.with("application-next-confirmed-starts", "date", long_date(date)),
            None => t.m("application-next-confirmed").to_owned(),
        },
        Status::CompletionSubmitted => t.m("application-next-evidence-sent").to_owned(),
        Status::CompletionReturned => t.m("application-next-evidence-returned").to_owned(),
        Status::Completed => t.m("application-next-completed").to_owned(),
        Status::NotCompleted => t.m("application-next-not-completed").to_owned(),
        Status::Rejected | Status::Withdrawn => t.m("application-next-closed").to_owned(),
    }
}

/// A place on the waitlist as the language says it: "3rd" in English, "3" in Spanish
/// (whose sentence reads "in place 3").
pub fn waitlist_place(t: Tr, position: i64) -> String {
    match t.locale() {
        Locale::Es => t.number(position),
        _ => crate::domain::numbers::ordinal(position),
    }
}

/// The approver of each application waiting at the manager stage, with who decides in
/// their place today: one query for a whole list.
fn approver_labels(
    conn: &mut db::DbConnection,
    t: Tr,
    waiting: &[(Status, Option<i32>, Option<String>)],
) -> diesel::QueryResult<Vec<Option<String>>> {
    let managers: Vec<i32> =
        waiting.iter().filter(|(status, ..)| *status == Status::Submitted).filter_map(|(_, id, _)| *id).collect();
    let delegates = db::delegations::delegates_of(conn, &managers, crate::clock::today())?;
    Ok(waiting
        .iter()
        .map(|(_, approver, name)| {
            let names: Vec<String> =
                delegates.iter().filter(|(m, ..)| Some(*m) == *approver).map(|(_, _, n)| n.clone()).collect();
            name.as_deref().map(|name| approver_label(t, name, &names))
        })
        .collect())
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
    let t = crate::web::language::words();
    let (rows, pagination) = run_db(&state, move |conn| {
        let total = db::applications::count_for_employee(conn, employee_id)?;
        let pagination = Pagination::new(requested, total, APPLICATIONS_PER_PAGE, "/applications");
        let mine = db::applications::page_for_employee(
            conn,
            employee_id,
            pagination.offset(APPLICATIONS_PER_PAGE),
            APPLICATIONS_PER_PAGE,
        )?;
        let waiting: Vec<_> = mine.iter().map(|a| (a.status, a.approver_id, a.approver_name.clone())).collect();
        let approvers = approver_labels(conn, t, &waiting)?;
        let mut rows = Vec::with_capacity(mine.len());
        for (item, approver) in mine.into_iter().zip(approvers) {
            let position = if item.status == Status::Waitlisted {
                let application = db::applications::find(conn, item.id)?;
                db::applications::waitlist_position(conn, &application)?
            } else {
                0
            };
            rows.push(MyApplicationRow {
                id: item.id,
                intake: item.intake_name.clone(),
                status_label: status_label(t, item.status, item.starts_on(), crate::clock::today()),
                next_step: next_step(t, item.status, approver.as_deref(), position, item.starts_on()),
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
