//! Approving several applications at once, in two steps: the queue's selection first
//! shows what approving each one would do now (a seat, the waitlist, over the yearly
//! tuition limit, beyond the program's budget, already decided), with the comment typed;
//! only the confirmation sent from that page decides, for the selection and versions it
//! carries. A place beyond a program's budget is never approved in bulk: the program team
//! confirms it on the application's page. Nothing typed is lost on the way: a selection
//! that is empty or too large shows the queue again with the comment.

use actix_web::http::StatusCode;
use actix_web::{post, HttpRequest, HttpResponse};
use askama::Template;

use super::approvals::{queue_page, queue_row, refusal, BulkForm, QueueRow};
use super::{page_with_status, redirect_with_flash, run_db, Chrome, CsrfForm, State, Viewer};
use crate::clock::today;
use crate::db::workflow::{self, ApprovalPreview, Consequence, DecisionRequest, WorkflowError};
use crate::domain::application::{Action, Status};
use crate::i18n::Tr;
use crate::web::error::AppError;
use crate::web::language;

/// At most this many applications are approved by one bulk request.
const MAX_BULK: usize = 200;

/// The longest comment kept.
const COMMENT_MAX_CHARS: usize = 4_000;

/// The bulk form as posted: the selection with the versions the decider saw, the
/// comment, the queue's filter and page, and (from the confirmation page) what each
/// approval was shown to do.
#[derive(Debug, Default)]
struct BulkRequest {
    selection: Vec<(i32, Option<i32>)>,
    comment: String,
    program: String,
    page: i64,
    shown: Vec<(i32, String)>,
    /// "Change the selection": back to the queue with the selection and comment.
    back: bool,
}

impl BulkRequest {
    fn read(fields: &[(String, String)]) -> BulkRequest {
        let value = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str()).unwrap_or_default();
        let mut ids: Vec<i32> =
            fields.iter().filter(|(k, _)| k == "application_id").filter_map(|(_, v)| v.trim().parse().ok()).collect();
        ids.sort_unstable();
        ids.dedup();
        let version_of = |id: i32| value(&format!("version_{id}")).trim().parse().ok();
        let shown = ids.iter().map(|id| (*id, value(&format!("consequence_{id}")).to_owned())).collect();
        BulkRequest {
            selection: ids.iter().map(|id| (*id, version_of(*id))).collect(),
            comment: value("comment").trim().chars().take(COMMENT_MAX_CHARS).collect(),
            program: value("program").trim().chars().take(200).collect(),
            page: value("page").trim().parse().unwrap_or(1),
            shown,
            back: !value("back").is_empty(),
        }
    }

    fn ids(&self) -> Vec<i32> {
        self.selection.iter().map(|(id, _)| *id).collect()
    }

    /// Why this selection can't go further, if it can't.
    fn problem(&self, t: Tr) -> Option<String> {
        match self.selection.len() {
            0 => Some(t.m("approvals-select-one").to_owned()),
            n if n > MAX_BULK => Some(t.count_with("approvals-at-most", n, "max", MAX_BULK)),
            _ => None,
        }
    }

    /// The queue again, with the selection, the comment and `message`.
    async fn back_to_queue(
        self,
        state: &State,
        viewer: &Viewer,
        message: Option<String>,
        status: StatusCode,
        req: &HttpRequest,
    ) -> Result<HttpResponse, AppError> {
        let selected = self.ids();
        let bulk = BulkForm { comment: self.comment, selected, message };
        queue_page(state, viewer, (self.program, self.page), bulk, status, req).await
    }
}

/// One selected application on the confirmation page: as the queue shows it, and what
/// approving it would do.
pub struct PreviewRow {
    pub queue: QueueRow,
    pub approves: bool,
    /// What approving it would do, in words.
    pub consequence: String,
    pub code: &'static str,
}

#[derive(Template)]
#[template(path = "approvals/confirm.html")]
struct ConfirmPage {
    chrome: Chrome,
    rows: Vec<PreviewRow>,
    approving: usize,
    comment: String,
    program: String,
    page: i64,
    message: Option<String>,
}

/// What approving would do, in words.
fn consequence_in_words(consequence: &Consequence, t: Tr) -> String {
    match consequence {
        Consequence::ProgramTeamNext => t.m("approvals-consequence-team-next").to_owned(),
        Consequence::Approved { seats_left_after: None } => t.m("approvals-consequence-approved").to_owned(),
        Consequence::Approved { seats_left_after: Some(0) } => t.m("approvals-consequence-last-seat").to_owned(),
        Consequence::Approved { seats_left_after: Some(left) } => t.count("approvals-consequence-seats-left", *left),
        Consequence::Waitlisted { seats_left, taken_above } if *seats_left <= 0 || *taken_above == 0 => {
            t.m("approvals-consequence-waitlisted-full").to_owned()
        }
        Consequence::Waitlisted { seats_left, .. } => t.count("approvals-consequence-waitlisted-taken", *seats_left),
        Consequence::InDraw => t.m("approvals-consequence-in-draw").to_owned(),
        Consequence::OverCap { left, cap, year } => {
            let left = format!("{} {}", t.money(*left), t.with("approvals-of-amount", "amount", t.money(*cap)));
            t.with_two("approvals-consequence-over-cap", "year", year, "left", left)
        }
        Consequence::OverBudget { over } => {
            t.with("approvals-consequence-over-budget", "reason", super::approvals::over_budget_words(over, t))
        }
        Consequence::Refused(reason) => t.with("approvals-consequence-refused", "reason", lower_first(reason)),
    }
}

/// "This application…" → "this application…", to follow a colon.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn preview_row(preview: ApprovalPreview, viewer_id: i32, t: Tr) -> PreviewRow {
    PreviewRow {
        approves: preview.consequence.approves(),
        consequence: consequence_in_words(&preview.consequence, t),
        code: preview.consequence.code(),
        queue: queue_row(preview.item, None, viewer_id, &[], t),
    }
}

/// What approving the selection would do now.
async fn previews(state: &State, viewer: &Viewer, request: &BulkRequest) -> Result<Vec<ApprovalPreview>, AppError> {
    let employee = viewer.employee.clone();
    let selection = request.selection.clone();
    run_db(state, move |conn| Ok(workflow::preview_approvals(conn, &employee, &selection, today())?)).await
}

fn confirm_page(
    viewer: &Viewer,
    request: BulkRequest,
    previews: Vec<ApprovalPreview>,
    message: Option<String>,
) -> ConfirmPage {
    let chrome = viewer.chrome("approvals");
    let rows: Vec<PreviewRow> = previews.into_iter().map(|p| preview_row(p, viewer.id(), chrome.t)).collect();
    ConfirmPage {
        chrome,
        approving: rows.iter().filter(|r| r.approves).count(),
        rows,
        comment: request.comment,
        program: request.program,
        page: request.page,
        message,
    }
}

/// The first step: what approving the selection would do, with the comment kept. Decides
/// nothing.
#[post("/approvals/approve")]
pub async fn review_selected(
    state: State,
    viewer: Viewer,
    form: CsrfForm<Vec<(String, String)>>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    bulk_step(&state, &viewer, &form.0, &req, Step::Review).await
}

/// The second step, from the confirmation page: approves the selection in the order it
/// was shown, unless what an approval would do changed since (then the page again).
#[post("/approvals/approve/confirm")]
pub async fn confirm_selected(
    state: State,
    viewer: Viewer,
    form: CsrfForm<Vec<(String, String)>>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    bulk_step(&state, &viewer, &form.0, &req, Step::Confirm).await
}

/// The two steps of a bulk approval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Review,
    Confirm,
}

/// A step of a bulk approval by someone who decides (403 for others). Either step shows
/// the queue again with the selection and the comment when asked ("Change the
/// selection") or when the selection can't go further (422).
async fn bulk_step(
    state: &State,
    viewer: &Viewer,
    fields: &[(String, String)],
    req: &HttpRequest,
    step: Step,
) -> Result<HttpResponse, AppError> {
    if !viewer.is_manager && viewer.program_scope().is_none() {
        return Err(AppError::Forbidden);
    }
    let request = BulkRequest::read(fields);
    if request.back {
        return request.back_to_queue(state, viewer, None, StatusCode::OK, req).await;
    }
    if let Some(problem) = request.problem(language::words()) {
        return request.back_to_queue(state, viewer, Some(problem), StatusCode::UNPROCESSABLE_ENTITY, req).await;
    }
    let previews = previews(state, viewer, &request).await?;
    match step {
        Step::Review => page_with_status(req, &confirm_page(viewer, request, previews, None), StatusCode::OK),
        Step::Confirm => confirm(state, viewer, request, previews, req).await,
    }
}

/// Approves what the confirmation page showed as approved, unless something changed.
async fn confirm(
    state: &State,
    viewer: &Viewer,
    request: BulkRequest,
    previews: Vec<ApprovalPreview>,
    req: &HttpRequest,
) -> Result<HttpResponse, AppError> {
    let changed = previews.iter().any(|p| {
        request.shown.iter().find(|(id, _)| *id == p.item.id).is_none_or(|(_, code)| code != p.consequence.code())
    });
    if changed {
        let message = language::words().m("approvals-changed-meanwhile").to_owned();
        let page = confirm_page(viewer, request, previews, Some(message));
        return page_with_status(req, &page, StatusCode::CONFLICT);
    }
    let requests: Vec<DecisionRequest> = previews
        .iter()
        .filter(|p| p.consequence.approves())
        .map(|p| DecisionRequest {
            application_id: p.item.id,
            expected_version: Some(p.item.version),
            action: Action::Approve,
            comment: request.comment.clone(),
            today: today(),
            // Bulk approval never exceeds a budget: such a place is shown as not approved
            // and left for its own page, where the program team confirms it.
            exceed_budget: false,
        })
        .collect();
    let skipped = previews.len() - requests.len();
    let employee = viewer.employee.clone();
    let results = run_db(state, move |conn| {
        Ok(requests.iter().map(|r| (r.application_id, workflow::decide(conn, &employee, r))).collect::<Vec<_>>())
    })
    .await?;
    let (message, all_went) = summary(results, skipped, language::words())?;
    Ok(redirect_with_flash(&queue_path(&request), if all_went { "success" } else { "error" }, &message))
}

/// The queue the decider came from.
fn queue_path(request: &BulkRequest) -> String {
    let mut path = "/approvals".to_owned();
    let mut separator = '?';
    if !request.program.is_empty() {
        path.push_str(&format!("?program={}", super::url_encode(&request.program)));
        separator = '&';
    }
    if request.page > 1 {
        path.push_str(&format!("{separator}page={}", request.page));
    }
    path
}

/// The flash message after a bulk approval, and whether everything went as shown.
type Results = Vec<(i32, Result<workflow::Decided, WorkflowError>)>;

fn summary(results: Results, skipped: usize, t: Tr) -> Result<(String, bool), AppError> {
    let (mut approved, mut waitlisted) = (0, 0);
    let mut problems = Vec::new();
    for (id, result) in results {
        match result {
            Ok(decided) => {
                approved += 1;
                if decided.outcome.to == Status::Waitlisted {
                    waitlisted += 1;
                }
            }
            Err(WorkflowError::Database(err)) => return Err(err.into()),
            Err(err) => {
                let message = match refusal(err) {
                    Ok((_, message)) => message,
                    Err(AppError::Forbidden) => t.m("approvals-problem-own").to_owned(),
                    Err(_) => t.m("approvals-problem-not-in-queue").to_owned(),
                };
                problems.push(t.count_with("approvals-problem", id, "message", message));
            }
        }
    }
    let mut message = t.count("approvals-bulk-approved", approved);
    if waitlisted > 0 {
        message.push(' ');
        message.push_str(&t.count("approvals-bulk-waitlisted", waitlisted));
    }
    if skipped > 0 {
        message.push(' ');
        message.push_str(&t.count("approvals-bulk-skipped", skipped));
    }
    if !problems.is_empty() {
        message.push(' ');
        message.push_str(&t.with("approvals-bulk-not-approved", "problems", problems.join(" ")));
    }
    Ok((message, problems.is_empty()))
}
