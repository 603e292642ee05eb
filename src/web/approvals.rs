//! Deciding: the approvals queue, bulk approval, and the decision routes of one
//! application (approve, reject, request changes, complete).

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::Datelike;
use serde::Deserialize;

use super::applications::{application_page, Refusal};
use super::auth::safe_next;
use super::format::long_date;
use super::paging::{PageQuery, Pagination};
use super::{page_with_status, redirect_with_flash, run_db, Chrome, CsrfForm, State, Viewer};
use crate::clock::today;
use crate::db::workflow::{self, DecisionRequest, WorkflowError};
use crate::db::{self};
use crate::domain::application::{Action, DomainError, Status};
use crate::domain::budget::{BudgetStanding, OverBudget};
use crate::domain::text::multi_line;
use crate::domain::Cents;
use crate::i18n::Tr;
use crate::web::error::AppError;
use crate::web::input::FormFields;
use crate::web::language;

const QUEUE_PER_PAGE: i64 = 50;

/// One application in the queue.
pub struct QueueRow {
    pub id: i32,
    pub version: i32,
    pub employee_name: String,
    pub program_name: String,
    pub what: String,
    pub waited: String,
    pub stage: &'static str,
    pub acting_for: Option<String>,
    pub budget: Option<String>,
    /// For the program team: what is left of the program's budget this year.
    pub program_budget: Option<String>,
}

/// A program to filter the queue by.
pub struct ProgramOption {
    pub slug: String,
    pub name: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "approvals/queue.html")]
struct QueuePage {
    chrome: Chrome,
    rows: Vec<QueueRow>,
    /// How many wait, as a sentence ("No application waits…", "3 applications wait…").
    lead: String,
    programs: Vec<ProgramOption>,
    program: String,
    pagination: Pagination,
    bulk: BulkForm,
}

/// What the bulk approval form holds when the queue is shown again: the comment typed,
/// the selection, and why nothing was decided.
#[derive(Debug, Clone, Default)]
pub struct BulkForm {
    pub comment: String,
    pub selected: Vec<i32>,
    pub message: Option<String>,
}

impl BulkForm {
    pub fn is_selected(&self, id: &i32) -> bool {
        self.selected.contains(id)
    }
}

/// "3 days", "5 hours", "less than an hour".
pub fn waited(since: chrono::NaiveDateTime, t: Tr) -> String {
    let elapsed = crate::clock::now() - since;
    if elapsed.num_days() >= 1 {
        t.count("approvals-waited-days", elapsed.num_days())
    } else if elapsed.num_hours() >= 1 {
        t.count("approvals-waited-hours", elapsed.num_hours())
    } else {
        t.m("approvals-waited-less").to_owned()
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct QueueQuery {
    program: Option<String>,
    #[serde(flatten)]
    page: PageQuery,
}

#[get("/approvals")]
pub async fn list_approvals(
    state: State,
    viewer: Viewer,
    query: web::Query<QueueQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let program = query.program.clone().unwrap_or_default();
    let requested = query.page.page().unwrap_or(1);
    queue_page(&state, &viewer, (program, requested), BulkForm::default(), StatusCode::OK, &req).await
}

/// The queue of `viewer` (403 for those who decide nothing), filtered by a program's
/// slug and at a page, with the bulk approval form as `bulk` holds it.
pub async fn queue_page(
    state: &State,
    viewer: &Viewer,
    (program_slug, requested): (String, i64),
    bulk: BulkForm,
    status: StatusCode,
    req: &HttpRequest,
) -> Result<HttpResponse, AppError> {
    let runs = viewer.program_scope();
    if !viewer.is_manager && runs.is_none() {
        return Err(AppError::Forbidden);
    }
    let employee = viewer.employee.clone();
    let base = if program_slug.is_empty() {
        "/approvals".to_owned()
    } else {
        format!("/approvals?program={}", super::url_encode(&program_slug))
    };
    let slug = program_slug.clone();
    let t = language::words();
    let (rows, total, programs, pagination) = run_db(state, move |conn| {
        let programs = db::programs::list_published(conn)?;
        let program_id = programs.iter().find(|p| p.slug == slug).map(|p| p.id);
        let (scope, delegators) = workflow::queue_scope(conn, &employee, runs.clone(), today(), program_id)?;
        let total = db::queue::count(conn, &scope)?;
        let pagination = Pagination::new(requested, total, QUEUE_PER_PAGE, &base);
        let items = db::queue::page(conn, &scope, pagination.offset(QUEUE_PER_PAGE), QUEUE_PER_PAGE)?;
        let mut rows = Vec::with_capacity(items.len());
        let mut standings: Vec<(i32, Option<BudgetStanding>)> = Vec::new();
        for item in items {
            let budget = budget_line(conn, &item, &programs, t)?;
            let program_budget = match programs.iter().find(|p| p.id == item.program_id) {
                Some(program) if runs.as_ref().is_some_and(|runs| runs.includes(program.id)) => {
                    program_budget_line(conn, program, &mut standings, t)?
                }
                _ => None,
            };
            rows.push(QueueRow { program_budget, ..queue_row(item, budget, employee.id, &delegators, t) });
        }
        let programs = programs
            .into_iter()
            .map(|p| ProgramOption { selected: p.slug == slug, slug: p.slug, name: p.name })
            .collect::<Vec<_>>();
        Ok((rows, total, programs, pagination))
    })
    .await?;
    let template = QueuePage {
        chrome: viewer.chrome("approvals"),
        rows,
        lead: t.count("approvals-lead", total),
        programs,
        program: program_slug,
        pagination,
        bulk,
    };
    page_with_status(req, &template, status)
}

/// "$X of $Y left for YEAR" for a tuition request in the queue: what the applicant has
/// left of their yearly cap, besides this request.
fn budget_line(
    conn: &mut db::DbConnection,
    item: &db::queue::QueueItem,
    programs: &[db::programs::Program],
    t: Tr,
) -> Result<Option<String>, AppError> {
    let (Some(_), Some(term)) = (item.covered_cents, item.term_starts_on) else {
        return Ok(None);
    };
    let cap = programs
        .iter()
        .find(|p| p.id == item.program_id)
        .map_or(Cents(0), |p| p.funding().cap_for(item.employment_type));
    let committed: i64 =
        db::applications::committed_tuition_cents(conn, item.employee_id, item.program_id, term.year(), Some(item.id))?
            .iter()
            .sum();
    Ok(Some(left_for_year(t, cap.saturating_sub(Cents(committed)), cap, term.year(), "approvals-cap-left")))
}

/// "$X of $Y left for YEAR" (`id` says the rest of the sentence around "$X of $Y").
fn left_for_year(t: Tr, left: Cents, of: Cents, year: i32, id: &str) -> String {
    let left = format!("{} {}", t.money(left), t.with("approvals-of-amount", "amount", t.money(of)));
    t.with_two(id, "year", year, "left", left)
}

/// "Budget 2026: $X of $Y left" for the program team: the program's budget this year
/// (read once per program of the page, into `standings`).
fn program_budget_line(
    conn: &mut db::DbConnection,
    program: &db::programs::Program,
    standings: &mut Vec<(i32, Option<BudgetStanding>)>,
    t: Tr,
) -> Result<Option<String>, AppError> {
    let standing = match standings.iter().find(|(id, _)| *id == program.id) {
        Some((_, standing)) => *standing,
        None => {
            let standing = db::budgets::standing(conn, program, today())?;
            standings.push((program.id, standing));
            standing
        }
    };
    Ok(standing.map(|s| match s.left() {
        left if left.0 < 0 => {
            t.with_two("approvals-program-budget-over", "year", s.year, "amount", t.money(Cents(-left.0)))
        }
        left => left_for_year(t, left, s.budget, s.year, "approvals-program-budget-left"),
    }))
}

/// A queue item as the queue shows it (`budget`: see [`budget_line`]; `delegators`: the
/// managers the viewer decides for, to mark "acting for").
pub fn queue_row(
    item: db::queue::QueueItem,
    budget: Option<String>,
    viewer_id: i32,
    delegators: &[(i32, String)],
    t: Tr,
) -> QueueRow {
    let what = match (&item.intake_name, item.intake_starts_on, item.amount_cents) {
        (Some(name), Some(starts), _) => format!("{name} {}", t.with("approvals-starts", "date", long_date(starts))),
        (_, _, Some(amount)) => t.with("approvals-tuition", "amount", t.money(Cents(amount))),
        _ => t.m("approvals-self-paced").to_owned(),
    };
    let stage = match (item.status, item.approver_id) {
        (Status::ManagerApproved, _) => t.m("approvals-stage-program-team"),
        (_, None) => t.m("approvals-stage-no-manager"),
        _ => t.m("approvals-stage-manager"),
    };
    let acting_for = item
        .approver_id
        .filter(|approver| *approver != viewer_id)
        .and_then(|approver| delegators.iter().find(|(id, _)| *id == approver))
        .map(|(_, name)| name.clone());
    QueueRow {
        id: item.id,
        version: item.version,
        employee_name: item.employee_name,
        program_name: item.program_name,
        what,
        waited: waited(item.submitted_at, t),
        stage,
        acting_for,
        budget,
        program_budget: None,
    }
}

/// The fields of a decision form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct DecisionForm {
    comment: String,
    version: String,
    return_to: String,
    /// "Approve although it exceeds the budget", ticked.
    #[serde(deserialize_with = "crate::domain::forms::ticked")]
    exceed_budget: bool,
}

impl FormFields for DecisionForm {
    const CHECKED_TEXT: &'static [&'static str] = &["comment"];
}

/// Where to go after a decision: the queue or the application's page.
fn return_path(form: &DecisionForm, id: i32) -> String {
    match safe_next(Some(&form.return_to)).as_str() {
        "/" => format!("/applications/{id}"),
        path => path.to_owned(),
    }
}

/// The flash message after a decision.
fn decided_message(decided: &workflow::Decided, t: Tr) -> String {
    let whose = format!(
        "{} {}",
        t.with("approvals-application-of", "name", &decided.applicant_name),
        t.with("approvals-application-to", "program", &decided.program_name)
    );
    let mut message = match decided.outcome.to {
        Status::ManagerApproved => t.with("approvals-decided-manager-approved", "whose", whose),
        Status::Approved => t.with("approvals-decided-approved", "whose", whose),
        Status::Waitlisted => t.with("approvals-decided-waitlisted", "whose", whose),
        Status::InDraw => t.with("approvals-decided-in-draw", "whose", whose),
        Status::Rejected => t.with("approvals-decided-rejected", "whose", whose),
        Status::ChangesRequested => t.with("approvals-decided-changes", "whose", whose),
        other => format!(
            "{} {}",
            upper_first(&whose),
            t.with("approvals-decided-now", "status", t.name(other).to_lowercase())
        ),
    };
    if decided.promoted > 0 {
        message.push(' ');
        message.push_str(&t.count("approvals-promoted", decided.promoted));
    }
    message
}

/// Why a place is beyond the budget, as a clause: "this place ($25,000) is beyond what is
/// left of the program's budget for 2026 ($15,000)".
pub fn over_budget_words(over: &OverBudget, t: Tr) -> String {
    let (year, cost, left) = (over.standing.year, t.money(over.cost), over.standing.left());
    if left.0 > 0 {
        format!("{} ({})", t.with_two("approvals-over-budget-beyond", "year", year, "cost", cost), t.money(left))
    } else {
        t.with_two("approvals-over-budget-spent", "year", year, "cost", cost)
    }
}

/// `text` with its first letter in upper case, to start a sentence.
fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A message for a decision that changed nothing, and its status code.
pub fn refusal(err: WorkflowError) -> Result<(StatusCode, String), AppError> {
    let t = language::words();
    Ok(match err {
        WorkflowError::Refused(err @ DomainError::CommentRequired(_)) => {
            (StatusCode::UNPROCESSABLE_ENTITY, err.to_string())
        }
        WorkflowError::Refused(err) => (StatusCode::CONFLICT, err.to_string()),
        WorkflowError::Stale { status } => {
            (StatusCode::CONFLICT, t.with("approvals-stale", "status", t.name(status).to_lowercase()))
        }
        WorkflowError::OverCap { exceeded, year } => {
            (StatusCode::CONFLICT, left_for_year(t, exceeded.left, exceeded.cap, year, "approvals-over-cap"))
        }
        WorkflowError::AlreadyActive(_) => (StatusCode::CONFLICT, t.m("approvals-already-active").to_owned()),
        WorkflowError::OverBudget(over) => (
            StatusCode::CONFLICT,
            t.with("approvals-over-budget-refused", "reason", upper_first(&over_budget_words(&over, t))),
        ),
        other => return Err(other.into()),
    })
}

async fn decide(
    state: State,
    viewer: Viewer,
    id: i32,
    form: DecisionForm,
    action: Action,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let comment = match multi_line(&form.comment, "comment") {
        Ok(comment) => comment.chars().take(4_000).collect(),
        Err(message) => {
            let refused = Refusal { message, comment: form.comment, about_comment: true, ..Refusal::default() };
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            return application_page(&state, &viewer, id, Some(refused), status, &req).await;
        }
    };
    let request = DecisionRequest {
        application_id: id,
        expected_version: form.version.trim().parse().ok(),
        action,
        comment,
        today: today(),
        exceed_budget: form.exceed_budget,
    };
    let employee = viewer.employee.clone();
    let result = run_db(&state, move |conn| Ok(workflow::decide(conn, &employee, &request))).await?;
    match result {
        Ok(decided) => {
            let message = decided_message(&decided, language::words());
            Ok(redirect_with_flash(&return_path(&form, id), "success", &message))
        }
        Err(WorkflowError::OverBudget(_)) => {
            let refused = Refusal {
                message: language::words().m("approvals-tick-exceed").to_owned(),
                comment: form.comment,
                about_budget: true,
                exceed_budget: form.exceed_budget,
                ..Refusal::default()
            };
            application_page(&state, &viewer, id, Some(refused), StatusCode::UNPROCESSABLE_ENTITY, &req).await
        }
        Err(err) => {
            let (status, message) = refusal(err)?;
            let about_comment = status == StatusCode::UNPROCESSABLE_ENTITY;
            let refused = Refusal { message, comment: form.comment, about_comment, ..Refusal::default() };
            application_page(&state, &viewer, id, Some(refused), status, &req).await
        }
    }
}

#[post("/applications/{id}/approve")]
pub async fn approve_application(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    form: CsrfForm<DecisionForm>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    decide(state, viewer, id.into_inner(), form.0, Action::Approve, req).await
}

#[post("/applications/{id}/reject")]
pub async fn reject_application(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    form: CsrfForm<DecisionForm>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    decide(state, viewer, id.into_inner(), form.0, Action::Reject, req).await
}

#[post("/applications/{id}/request-changes")]
pub async fn request_changes(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    form: CsrfForm<DecisionForm>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    decide(state, viewer, id.into_inner(), form.0, Action::RequestChanges, req).await
}
