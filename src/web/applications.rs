//! An employee's applications: apply, see the timeline, edit when asked, withdraw.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::{Datelike, Months, NaiveDate, NaiveDateTime};
use serde::Deserialize;

use super::catalog::{long_date, today};
use super::home::status_label;
use super::{page, page_with_status, redirect_with_flash, run_db, Chrome, CsrfForm, State, Viewer};
use crate::db::applications::Application;
use crate::db::employees::Employee;
use crate::db::programs::{IntakeWithSeats, Program};
use crate::db::workflow::{self, FieldChange, WorkflowError};
use crate::db::{self, DbConnection};
use crate::domain::application::{
    decision_role, transition, Action, Authority, DecisionRole, Event, Facts, Seats, Stages, Status,
};
use crate::domain::application_form::{parse_application, ApplicationInput, FieldErrors, IntakeChoice};
use crate::domain::calendar::offers_calendar;
use crate::domain::{check_eligibility, Cents, Eligibility, ProgramKind};
use crate::error::AppError;

/// The fields of the apply and edit forms, as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ApplicationFormData {
    motivation: String,
    intake_id: String,
    institution: String,
    course_title: String,
    term_starts_on: String,
    amount: String,
    accept_terms: Option<String>,
    version: String,
}

impl ApplicationFormData {
    fn input(&self) -> ApplicationInput {
        ApplicationInput {
            motivation: self.motivation.clone(),
            intake_id: self.intake_id.clone(),
            institution: self.institution.clone(),
            course_title: self.course_title.clone(),
            term_starts_on: self.term_starts_on.clone(),
            amount: self.amount.clone(),
            accept_terms: self.accept_terms.is_some(),
        }
    }
}

/// An intake offered in the form.
pub struct IntakeOption {
    pub id: i32,
    pub name: String,
    pub starts_on: String,
    pub seats_left: i64,
    pub started: bool,
    pub selected: bool,
}

/// "You have $X of $Y left for YEAR", for each year a term may start in.
pub struct FundingLine {
    pub year: i32,
    pub left: String,
    pub cap: String,
}

/// Everything the apply/edit form shows.
pub struct FormView {
    pub action: String,
    pub submit_label: &'static str,
    pub is_cohort: bool,
    pub is_tuition: bool,
    pub input: ApplicationInput,
    pub errors: FieldErrors,
    pub intakes: Vec<IntakeOption>,
    pub funding: Vec<FundingLine>,
    pub tuition_percent: i32,
    pub version: Option<i32>,
    pub today: String,
    pub latest_term: String,
}

impl FormView {
    /// The message for a field, or "" (templates test `.is_empty()`).
    pub fn error(&self, field: &str) -> &str {
        self.errors.get(field).unwrap_or("")
    }
}

/// Why the form is not offered, shown instead of it.
pub struct Blocked {
    pub headline: String,
    pub reasons: Vec<String>,
    pub existing_application: Option<i32>,
}

#[derive(Template)]
#[template(path = "applications/apply.html")]
struct ApplyPage {
    chrome: Chrome,
    program_name: String,
    program_slug: String,
    program_summary: String,
    heading: String,
    blocked: Option<Blocked>,
    form: Option<FormView>,
    conflict: Option<String>,
}

/// What the form needs about a program and the viewer, loaded in one go.
struct FormContext {
    program: Program,
    intakes: Vec<IntakeWithSeats>,
    /// The viewer's committed tuition per year (for the funding lines).
    committed_by_year: Vec<(i32, Cents)>,
    active: Option<i32>,
}

fn load_form_context(
    conn: &mut DbConnection,
    slug: &str,
    employee_id: i32,
    editing: Option<i32>,
) -> Result<FormContext, AppError> {
    let program = db::programs::find_by_slug(conn, slug)?;
    let intakes = db::programs::intakes_with_seats(conn, program.id)?;
    let this_year = today().year();
    let mut committed_by_year = Vec::new();
    if program.kind == ProgramKind::Tuition.as_str() {
        for year in [this_year, this_year + 1] {
            let rows = db::applications::committed_tuition_cents(conn, employee_id, program.id, year, editing)?;
            committed_by_year.push((year, Cents(rows.iter().sum())));
        }
    }
    let active = db::applications::find_active(conn, employee_id, program.id)?.map(|a| a.id);
    Ok(FormContext { program, intakes, committed_by_year, active })
}

fn intake_choices(intakes: &[IntakeWithSeats]) -> Vec<IntakeChoice> {
    intakes.iter().map(|i| IntakeChoice { id: i.intake.id, starts_on: i.intake.starts_on }).collect()
}

fn form_view(
    context: &FormContext,
    employee: &Employee,
    action: String,
    submit_label: &'static str,
    input: ApplicationInput,
    errors: FieldErrors,
    version: Option<i32>,
) -> FormView {
    let today = today();
    let cap = match employee.employment_type.as_str() {
        "part_time" => Cents(context.program.annual_cap_part_time_cents),
        _ => Cents(context.program.annual_cap_full_time_cents),
    };
    let latest_term = today.checked_add_months(Months::new(12)).unwrap_or(today);
    FormView {
        action,
        submit_label,
        is_cohort: context.program.kind == ProgramKind::Cohort.as_str(),
        is_tuition: context.program.kind == ProgramKind::Tuition.as_str(),
        intakes: context
            .intakes
            .iter()
            .map(|i| IntakeOption {
                id: i.intake.id,
                name: i.intake.name.clone(),
                starts_on: long_date(i.intake.starts_on),
                seats_left: i.seats_left(),
                started: i.intake.starts_on <= today,
                selected: input.intake_id.trim() == i.intake.id.to_string(),
            })
            .collect(),
        funding: context
            .committed_by_year
            .iter()
            .filter(|(year, _)| *year <= latest_term.year())
            .map(|(year, committed)| FundingLine {
                year: *year,
                left: cap.saturating_sub(*committed).to_string(),
                cap: cap.to_string(),
            })
            .collect(),
        tuition_percent: context.program.tuition_percent,
        input,
        errors,
        version,
        today: today.to_string(),
        latest_term: latest_term.to_string(),
    }
}

fn eligibility_of(employee: &Employee, program: &Program) -> Result<Eligibility, AppError> {
    let profile = employee.profile().map_err(|e| AppError::Internal(e.into()))?;
    let rules = program.rules().map_err(|e| AppError::Internal(e.into()))?;
    Ok(check_eligibility(&profile, &rules, today()))
}

/// The reason the viewer may not apply now, if any.
fn blocked(employee: &Employee, context: &FormContext) -> Result<Option<Blocked>, AppError> {
    if let Some(existing) = context.active {
        return Ok(Some(Blocked {
            headline: "You already have an application to this program".to_owned(),
            reasons: vec![
                "You can have one active application per program. Follow it, or withdraw it to apply again.".to_owned()
            ],
            existing_application: Some(existing),
        }));
    }
    Ok(match eligibility_of(employee, &context.program)? {
        Eligibility::Eligible => None,
        other => Some(Blocked {
            headline: other.headline(),
            reasons: match &other {
                Eligibility::EligibleFrom(date) => {
                    vec![format!("Come back on {} to apply.", long_date(*date))]
                }
                _ => other.reasons().to_vec(),
            },
            existing_application: None,
        }),
    })
}

fn apply_page(
    context: &FormContext,
    viewer: &Viewer,
    blocked: Option<Blocked>,
    form: Option<FormView>,
    conflict: Option<String>,
) -> ApplyPage {
    ApplyPage {
        chrome: viewer.chrome("programs"),
        heading: format!("Apply to {}", context.program.name),
        program_name: context.program.name.clone(),
        program_slug: context.program.slug.clone(),
        program_summary: context.program.summary.clone(),
        blocked,
        form,
        conflict,
    }
}

async fn context_for(
    state: &State,
    viewer: &Viewer,
    slug: String,
    editing: Option<i32>,
) -> Result<FormContext, AppError> {
    let employee_id = viewer.id();
    let is_admin = viewer.employee.is_admin;
    let context = run_db(state, move |conn| load_form_context(conn, &slug, employee_id, editing)).await?;
    if context.program.status != "published" && !is_admin {
        return Err(AppError::NotFound);
    }
    Ok(context)
}

#[get("/programs/{slug}/apply")]
pub async fn show_apply_form(
    state: State,
    viewer: Viewer,
    slug: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let context = context_for(&state, &viewer, slug.into_inner(), None).await?;
    let blocked = blocked(&viewer.employee, &context)?;
    let form = blocked.is_none().then(|| {
        let action = format!("/programs/{}/apply", context.program.slug);
        form_view(
            &context,
            &viewer.employee,
            action,
            "Submit application",
            ApplicationInput::default(),
            FieldErrors::default(),
            None,
        )
    });
    page(&req, &apply_page(&context, &viewer, blocked, form, None))
}

/// Checks a tuition request against what the form context knows of the yearly cap, so
/// that the person hears about it together with the other mistakes. The transaction
/// checks again, authoritatively.
fn cap_error(context: &FormContext, employee: &Employee, input: &ApplicationInput) -> Option<String> {
    let amount = Cents::parse_dollars(&input.amount).ok()?;
    let term = NaiveDate::parse_from_str(input.term_starts_on.trim(), "%Y-%m-%d").ok()?;
    let (_, committed) = context.committed_by_year.iter().find(|(year, _)| *year == term.year())?;
    let cap = match employee.employment_type.as_str() {
        "part_time" => Cents(context.program.annual_cap_part_time_cents),
        _ => Cents(context.program.annual_cap_full_time_cents),
    };
    let covered = amount.percent(context.program.tuition_percent);
    crate::domain::application::check_tuition_cap(covered, *committed, cap)
        .err()
        .map(|exceeded| over_cap_message(exceeded.left, exceeded.cap, term.year()))
}

/// Parses the form and adds the yearly-cap check to its field messages.
fn checked_details(
    context: &FormContext,
    kind: ProgramKind,
    employee: &Employee,
    input: &ApplicationInput,
) -> Result<crate::domain::application_form::ApplicationDetails, FieldErrors> {
    let parsed = parse_application(kind, input, &intake_choices(&context.intakes), today());
    let over_cap = if kind == ProgramKind::Tuition { cap_error(context, employee, input) } else { None };
    match (parsed, over_cap) {
        (Ok(details), None) => Ok(details),
        (Ok(_), Some(message)) => Err(FieldErrors(vec![("amount", message)])),
        (Err(mut errors), Some(message)) if errors.get("amount").is_none() => {
            let position = errors.0.iter().position(|(field, _)| *field == "accept_terms" || *field == "motivation");
            errors.0.insert(position.unwrap_or(errors.0.len()), ("amount", message));
            Err(errors)
        }
        (Err(errors), _) => Err(errors),
    }
}

/// The amount-field message for a request over the yearly cap.
fn over_cap_message(left: Cents, cap: Cents, year: i32) -> String {
    format!("This is more than you have left: you have {left} of {cap} left for {year}.")
}

#[post("/programs/{slug}/apply")]
pub async fn apply(
    state: State,
    viewer: Viewer,
    slug: web::Path<String>,
    form: CsrfForm<ApplicationFormData>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let form = form.0;
    let context = context_for(&state, &viewer, slug.into_inner(), None).await?;
    let input = form.input();
    let action = format!("/programs/{}/apply", context.program.slug);
    let render = |status: StatusCode, errors: FieldErrors, conflict: Option<String>, blocked: Option<Blocked>| {
        let form = blocked.is_none().then(|| {
            form_view(&context, &viewer.employee, action.clone(), "Submit application", input.clone(), errors, None)
        });
        page_with_status(&req, &apply_page(&context, &viewer, blocked, form, conflict), status)
    };
    if let Some(blocked) = blocked(&viewer.employee, &context)? {
        let status = if blocked.existing_application.is_some() { StatusCode::CONFLICT } else { StatusCode::FORBIDDEN };
        return render(status, FieldErrors::default(), None, Some(blocked));
    }
    let kind: ProgramKind = context.program.kind.parse().map_err(AppError::corrupt)?;
    let details = match checked_details(&context, kind, &viewer.employee, &input) {
        Ok(details) => details,
        Err(errors) => return render(StatusCode::UNPROCESSABLE_ENTITY, errors, None, None),
    };
    let employee = viewer.employee.clone();
    let program = context.program.clone();
    let submitted = run_db(&state, move |conn| Ok(workflow::submit(conn, &employee, &program, &details))).await?;
    match submitted {
        Ok((id, status)) => {
            let message = match status {
                Status::Approved => "Your place is confirmed: this program needs no approval.".to_owned(),
                Status::Waitlisted => "The intake is full: your application is on the waitlist.".to_owned(),
                _ => "Your application is submitted.".to_owned(),
            };
            Ok(redirect_with_flash(&format!("/applications/{id}"), "success", &message))
        }
        Err(WorkflowError::OverCap { exceeded, year }) => {
            let mut errors = FieldErrors::default();
            errors.add("amount", over_cap_message(exceeded.left, exceeded.cap, year));
            render(StatusCode::UNPROCESSABLE_ENTITY, errors, None, None)
        }
        Err(WorkflowError::AlreadyActive(existing)) => {
            let blocked = Blocked {
                headline: "You already have an application to this program".to_owned(),
                reasons: vec!["You can have one active application per program.".to_owned()],
                existing_application: existing,
            };
            render(StatusCode::CONFLICT, FieldErrors::default(), None, Some(blocked))
        }
        Err(other) => Err(workflow_error(other)),
    }
}

/// Errors that no form can show become error pages.
fn workflow_error(err: WorkflowError) -> AppError {
    match err {
        WorkflowError::NotFound => AppError::NotFound,
        WorkflowError::Database(db) => AppError::from(db),
        other => AppError::Internal(anyhow::anyhow!("unexpected workflow outcome: {other:?}")),
    }
}

/// What happens next, in words, for the owner.
pub fn next_step(
    status: &str,
    approver_name: Option<&str>,
    waitlist_position: i64,
    intake_starts_on: Option<NaiveDate>,
) -> String {
    match status {
        "submitted" => match approver_name {
            Some(name) => format!("Waiting for {name}"),
            None => "Waiting for the program team".to_owned(),
        },
        "changes_requested" => "Make the requested changes and resubmit".to_owned(),
        "manager_approved" => "Waiting for the program team".to_owned(),
        "waitlisted" => format!("Seat {waitlist_position} on the waitlist"),
        "approved" => match intake_starts_on {
            Some(date) => format!("Place confirmed; starts {}", long_date(date)),
            None => "Place confirmed".to_owned(),
        },
        "completed" => "Completed".to_owned(),
        _ => "Closed".to_owned(),
    }
}

/// One row of "My applications".
pub struct MyApplicationRow {
    pub id: i32,
    pub program_name: String,
    pub intake: Option<String>,
    pub status: String,
    pub status_label: String,
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

/// Page links for an offset-paginated list.
pub struct Pagination {
    pub page: i64,
    pub pages: i64,
    pub base: String,
    /// `?` or `&`, whichever joins `page=` to `base`.
    pub separator: &'static str,
}

impl Pagination {
    /// `base` is the list's URL, with its filters in the query string if any.
    pub fn new(page: i64, total: i64, per_page: i64, base: &str) -> Pagination {
        let pages = ((total + per_page - 1) / per_page).max(1);
        let separator = if base.contains('?') { "&" } else { "?" };
        Pagination { page: page.clamp(1, pages), pages, base: base.to_owned(), separator }
    }

    pub fn offset(&self, per_page: i64) -> i64 {
        (self.page - 1) * per_page
    }

    pub fn has_previous(&self) -> bool {
        self.page > 1
    }

    pub fn has_next(&self) -> bool {
        self.page < self.pages
    }
}

/// `?page=N` of a paginated list.
#[derive(Debug, Default, Deserialize)]
pub struct PageQuery {
    page: Option<String>,
}

impl PageQuery {
    /// The page asked for; anything that is not a number is the first page.
    pub fn page(&self) -> Option<i64> {
        self.page.as_deref().and_then(|p| p.trim().parse().ok())
    }
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
            let position = if item.status == "waitlisted" {
                let application = db::applications::find(conn, item.id)?;
                db::applications::waitlist_position(conn, &application)?
            } else {
                0
            };
            rows.push(MyApplicationRow {
                id: item.id,
                intake: item.intake_name.clone(),
                status_label: status_label(&item.status),
                next_step: next_step(&item.status, item.approver_name.as_deref(), position, item.intake_starts_on),
                submitted_on: long_date(item.submitted_at.date()),
                program_name: item.program_name,
                status: item.status,
            });
        }
        Ok((rows, pagination))
    })
    .await?;
    page(&req, &MyApplicationsPage { chrome: viewer.chrome("applications"), rows, pagination })
}

/// One event of the timeline, ready to show.
pub struct TimelineView {
    pub who: String,
    pub what: String,
    pub when: String,
    pub when_iso: String,
    pub comment: Option<String>,
    pub to_status: String,
    pub changes: Vec<FieldChange>,
}

/// `26 November 2026 at 14:05 UTC`.
pub fn long_time(at: NaiveDateTime) -> String {
    at.format("%-d %B %Y at %H:%M UTC").to_string()
}

/// An application's details as shown on its page.
pub struct DetailsView {
    pub intake: Option<String>,
    pub motivation: String,
    pub institution: Option<String>,
    pub course_title: Option<String>,
    pub term_starts_on: Option<String>,
    pub amount: Option<String>,
    pub covered: Option<String>,
}

/// A decision that changed nothing, shown on the application's page.
#[derive(Debug, Clone, Default)]
pub struct Refusal {
    pub message: String,
    /// The comment typed, kept.
    pub comment: String,
    /// The message is about the comment field (a required comment was missing).
    pub about_comment: bool,
}

/// The decisions the viewer may take on an application, as buttons.
pub struct DecisionView {
    pub version: i32,
    pub can_approve: bool,
    pub can_reject: bool,
    pub can_request_changes: bool,
    pub can_complete: bool,
    pub acting_for: Option<String>,
    /// A refused decision: its message, and the comment typed, kept.
    pub error: Option<String>,
    pub comment_error: Option<String>,
    pub comment: String,
}

impl DecisionView {
    pub fn any(&self) -> bool {
        self.can_approve || self.can_reject || self.can_request_changes || self.can_complete
    }
}

#[derive(Template)]
#[template(path = "applications/detail.html")]
struct ApplicationPage {
    chrome: Chrome,
    id: i32,
    program_name: String,
    program_slug: String,
    applicant: String,
    is_owner: bool,
    status: String,
    status_label: String,
    next_step: String,
    details: DetailsView,
    timeline: Vec<TimelineView>,
    can_edit: bool,
    can_withdraw: bool,
    /// The owner's place in an intake, offered as an `.ics` download.
    can_add_to_calendar: bool,
    decision: Option<DecisionView>,
}

/// Everything an application page shows, loaded together.
struct ApplicationBundle {
    application: Application,
    program: Program,
    applicant: Employee,
    approver_name: Option<String>,
    intake: Option<(String, NaiveDate)>,
    waitlist_position: i64,
    timeline: Vec<db::events::TimelineEntry>,
    acting_for_names: Vec<(i32, String)>,
    authority: Authority,
}

async fn load_bundle(state: &State, viewer: &Viewer, id: i32) -> Result<ApplicationBundle, AppError> {
    let employee = viewer.employee.clone();
    run_db(state, move |conn| {
        let application = db::applications::find(conn, id)?;
        let authority = workflow::authority(conn, &application, &employee, today())?;
        if !(authority.is_owner || authority.is_approver || authority.delegate_for.is_some() || authority.is_admin) {
            return Err(AppError::NotFound);
        }
        let program = db::programs::find_by_id(conn, application.program_id)?;
        let applicant = db::employees::find_by_id(conn, application.employee_id)?;
        let approver_name = match application.approver_id {
            Some(approver) => Some(db::employees::find_by_id(conn, approver)?.display_name),
            None => None,
        };
        let intake = match application.intake_id {
            Some(intake_id) => db::programs::intakes_with_seats(conn, program.id)?
                .into_iter()
                .find(|i| i.intake.id == intake_id)
                .map(|i| (i.intake.name, i.intake.starts_on)),
            None => None,
        };
        let waitlist_position = db::applications::waitlist_position(conn, &application)?;
        let timeline = db::events::timeline(conn, application.id)?;
        let mut acting_for_names = Vec::new();
        for person in timeline.iter().filter_map(|e| e.acting_for_id).chain(authority.delegate_for) {
            if !acting_for_names.iter().any(|(id, _)| *id == person) {
                acting_for_names.push((person, db::employees::find_by_id(conn, person)?.display_name));
            }
        }
        Ok(ApplicationBundle {
            application,
            program,
            applicant,
            approver_name,
            intake,
            waitlist_position,
            timeline,
            acting_for_names,
            authority,
        })
    })
    .await
}

fn timeline_views(bundle: &ApplicationBundle) -> Vec<TimelineView> {
    bundle
        .timeline
        .iter()
        .map(|event| {
            let actor = event.actor_name.clone().unwrap_or_else(|| "Upskill".to_owned());
            let who = match event.acting_for_id.and_then(|id| bundle.acting_for_names.iter().find(|(p, _)| *p == id)) {
                Some((_, name)) => format!("{actor}, acting for {name}"),
                None => actor,
            };
            TimelineView {
                who,
                what: Event::describe(&event.action, &event.to_status),
                when: long_time(event.created_at),
                when_iso: event.created_at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                comment: event.comment.clone(),
                to_status: event.to_status.clone(),
                changes: event.details.as_deref().and_then(|d| serde_json::from_str(d).ok()).unwrap_or_default(),
            }
        })
        .collect()
}

fn details_view(bundle: &ApplicationBundle) -> DetailsView {
    let a = &bundle.application;
    DetailsView {
        intake: bundle.intake.as_ref().map(|(name, starts)| format!("{name}, starting {}", long_date(*starts))),
        motivation: a.motivation.clone(),
        institution: a.institution.clone(),
        course_title: a.course_title.clone(),
        term_starts_on: a.term_starts_on.map(long_date),
        amount: a.amount_cents.map(|c| Cents(c).to_string()),
        covered: a.covered_cents.map(|c| Cents(c).to_string()),
    }
}

/// The decisions the state machine would accept from this viewer now.
fn decision_view(bundle: &ApplicationBundle, status: Status, refused: Option<Refusal>) -> Option<DecisionView> {
    let DecisionRole::Decide { actor, acting_for } = decision_role(status, &bundle.authority) else {
        return None;
    };
    let facts = Facts {
        stages: Stages { manager: bundle.program.needs_manager_approval, admin: bundle.program.needs_admin_approval },
        seats: Seats::Free,
    };
    let allowed = |action| transition(Some(status), action, actor, &facts, "comment").is_ok();
    let refused = refused.unwrap_or_default();
    let comment_error = refused.about_comment.then(|| refused.message.clone());
    let error = (!refused.about_comment && !refused.message.is_empty()).then(|| refused.message.clone());
    let view = DecisionView {
        version: bundle.application.version,
        can_approve: allowed(Action::Approve),
        can_reject: allowed(Action::Reject),
        can_request_changes: allowed(Action::RequestChanges),
        can_complete: allowed(Action::Complete),
        acting_for: acting_for
            .and_then(|id| bundle.acting_for_names.iter().find(|(p, _)| *p == id))
            .map(|(_, n)| n.clone()),
        error,
        comment_error,
        comment: refused.comment,
    };
    (view.any() || view.error.is_some()).then_some(view)
}

/// The page of one application; `refused` carries a decision that changed nothing
/// (its message and the comment typed), shown with `status`.
pub async fn application_page(
    state: &State,
    viewer: &Viewer,
    id: i32,
    refused: Option<Refusal>,
    http_status: StatusCode,
    req: &HttpRequest,
) -> Result<HttpResponse, AppError> {
    let bundle = load_bundle(state, viewer, id).await?;
    let application = &bundle.application;
    let status: Status = application.status.parse().map_err(AppError::corrupt)?;
    let is_owner = bundle.authority.is_owner;
    let template = ApplicationPage {
        chrome: viewer.chrome(if is_owner { "applications" } else { "approvals" }),
        id: application.id,
        program_name: bundle.program.name.clone(),
        program_slug: bundle.program.slug.clone(),
        applicant: bundle.applicant.display_name.clone(),
        is_owner,
        status: application.status.clone(),
        status_label: status_label(&application.status),
        next_step: next_step(
            &application.status,
            bundle.approver_name.as_deref(),
            bundle.waitlist_position,
            bundle.intake.as_ref().map(|(_, d)| *d),
        ),
        details: details_view(&bundle),
        timeline: timeline_views(&bundle),
        can_edit: is_owner && status == Status::ChangesRequested,
        can_withdraw: is_owner && !status.is_final(),
        can_add_to_calendar: is_owner && bundle.intake.is_some() && offers_calendar(status),
        decision: decision_view(&bundle, status, refused),
    };
    page_with_status(req, &template, http_status)
}

#[get("/applications/{id}")]
pub async fn show_application(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    application_page(&state, &viewer, id.into_inner(), None, StatusCode::OK, &req).await
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

fn input_from(application: &Application) -> ApplicationInput {
    ApplicationInput {
        motivation: application.motivation.clone(),
        intake_id: application.intake_id.map(|i| i.to_string()).unwrap_or_default(),
        institution: application.institution.clone().unwrap_or_default(),
        course_title: application.course_title.clone().unwrap_or_default(),
        term_starts_on: application.term_starts_on.map(|d| d.to_string()).unwrap_or_default(),
        amount: application.amount_cents.map(|c| Cents(c).to_plain()).unwrap_or_default(),
        accept_terms: application.amount_cents.is_some(),
    }
}

fn not_editable(status: &str) -> String {
    format!(
        "This application can't be edited now: it is {}. Only an application whose approver asked for changes can be edited.",
        status_label(status).to_lowercase()
    )
}

#[get("/applications/{id}/edit")]
pub async fn show_edit_form(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let (application, program) = load_own(&state, &viewer, id.into_inner()).await?;
    let context = context_for(&state, &viewer, program.slug.clone(), Some(application.id)).await?;
    let (form, conflict) = if application.status == Status::ChangesRequested.as_str() {
        let action = format!("/applications/{}/edit", application.id);
        let view = form_view(
            &context,
            &viewer.employee,
            action,
            "Resubmit application",
            input_from(&application),
            FieldErrors::default(),
            Some(application.version),
        );
        (Some(view), None)
    } else {
        (None, Some(not_editable(&application.status)))
    };
    let mut template = apply_page(&context, &viewer, None, form, conflict);
    template.heading = format!("Edit your application to {}", program.name);
    page(&req, &template)
}

#[post("/applications/{id}/edit")]
pub async fn edit_application(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    form: CsrfForm<ApplicationFormData>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let form = form.0;
    let (application, program) = load_own(&state, &viewer, id.into_inner()).await?;
    let context = context_for(&state, &viewer, program.slug.clone(), Some(application.id)).await?;
    let input = form.input();
    let version: Option<i32> = form.version.trim().parse().ok();
    let action = format!("/applications/{}/edit", application.id);
    let heading = format!("Edit your application to {}", program.name);
    let render =
        |status: StatusCode, errors: FieldErrors, conflict: Option<String>, show_form: bool, version: Option<i32>| {
            let form = show_form.then(|| {
                form_view(
                    &context,
                    &viewer.employee,
                    action.clone(),
                    "Resubmit application",
                    input.clone(),
                    errors,
                    version,
                )
            });
            let mut template = apply_page(&context, &viewer, None, form, conflict);
            template.heading = heading.clone();
            page_with_status(&req, &template, status)
        };
    if application.status != Status::ChangesRequested.as_str() {
        return render(
            StatusCode::CONFLICT,
            FieldErrors::default(),
            Some(not_editable(&application.status)),
            false,
            None,
        );
    }
    let Some(version) = version else {
        return Err(AppError::BadRequest("edit form without a version".to_owned()));
    };
    if version != application.version {
        let message =
            "This application changed since you opened the form. Here it is as it stands now; make your changes again."
                .to_owned();
        let fresh = form_view(
            &context,
            &viewer.employee,
            action.clone(),
            "Resubmit application",
            input_from(&application),
            FieldErrors::default(),
            Some(application.version),
        );
        let mut template = apply_page(&context, &viewer, None, Some(fresh), Some(message));
        template.heading = heading.clone();
        return page_with_status(&req, &template, StatusCode::CONFLICT);
    }
    match eligibility_of(&viewer.employee, &program)? {
        Eligibility::Eligible => {}
        other => {
            let why = if other.reasons().is_empty() { other.headline() } else { other.reasons().join(" ") };
            let message = format!("You can no longer resubmit this application. {why}");
            return render(StatusCode::FORBIDDEN, FieldErrors::default(), Some(message), false, None);
        }
    }
    let kind: ProgramKind = context.program.kind.parse().map_err(AppError::corrupt)?;
    let details = match checked_details(&context, kind, &viewer.employee, &input) {
        Ok(details) => details,
        Err(errors) => return render(StatusCode::UNPROCESSABLE_ENTITY, errors, None, true, Some(version)),
    };
    let employee = viewer.employee.clone();
    let application_id = application.id;
    let result = run_db(&state, move |conn| {
        Ok(workflow::resubmit(conn, application_id, version, &employee, &program, &details))
    })
    .await?;
    match result {
        Ok(_) => Ok(redirect_with_flash(
            &format!("/applications/{application_id}"),
            "success",
            "Your changes are saved and the application is resubmitted.",
        )),
        Err(WorkflowError::OverCap { exceeded, year }) => {
            let mut errors = FieldErrors::default();
            errors.add("amount", over_cap_message(exceeded.left, exceeded.cap, year));
            render(StatusCode::UNPROCESSABLE_ENTITY, errors, None, true, Some(version))
        }
        Err(WorkflowError::Stale { status }) => {
            let message = format!(
                "This application changed while you were editing it: it is now {}.",
                status.label().to_lowercase()
            );
            render(StatusCode::CONFLICT, FieldErrors::default(), Some(message), false, None)
        }
        Err(WorkflowError::Refused(refusal)) => {
            render(StatusCode::CONFLICT, FieldErrors::default(), Some(refusal.to_string()), false, None)
        }
        Err(other) => Err(workflow_error(other)),
    }
}

#[derive(Template)]
#[template(path = "applications/withdraw.html")]
struct WithdrawPage {
    chrome: Chrome,
    id: i32,
    program_name: String,
    status_label: String,
    version: i32,
    holds_seat: bool,
    can_withdraw: bool,
    problem: Option<String>,
}

#[get("/applications/{id}/withdraw")]
pub async fn confirm_withdraw(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let (application, program) = load_own(&state, &viewer, id.into_inner()).await?;
    let status: Status = application.status.parse().map_err(AppError::corrupt)?;
    let problem = status
        .is_final()
        .then(|| format!("This application is {} and can't be withdrawn.", status.label().to_lowercase()));
    let template = WithdrawPage {
        chrome: viewer.chrome("applications"),
        id: application.id,
        program_name: program.name,
        status_label: status.label().to_lowercase(),
        version: application.version,
        holds_seat: status == Status::Approved && application.intake_id.is_some(),
        can_withdraw: !status.is_final(),
        problem,
    };
    page(&req, &template)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct WithdrawForm {
    version: String,
    comment: String,
}

#[post("/applications/{id}/withdraw")]
pub async fn withdraw_application(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    form: CsrfForm<WithdrawForm>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let form = form.0;
    let (application, program) = load_own(&state, &viewer, id.into_inner()).await?;
    let Ok(version) = form.version.trim().parse::<i32>() else {
        return Err(AppError::BadRequest("withdraw form without a version".to_owned()));
    };
    let comment: String = form.comment.trim().chars().take(2_000).collect();
    let employee = viewer.employee.clone();
    let application_id = application.id;
    let result =
        run_db(&state, move |conn| Ok(workflow::withdraw(conn, application_id, version, &employee, &comment))).await?;
    let problem = match result {
        Ok(_) => {
            return Ok(redirect_with_flash(&format!("/applications/{application_id}"), "success", "Your application is withdrawn."));
        }
        Err(WorkflowError::Stale { status }) => format!(
            "This application changed since you opened this page: it is now {}. Check it, then withdraw again if you still want to.",
            status.label().to_lowercase()
        ),
        Err(WorkflowError::Refused(refusal)) => refusal.to_string(),
        Err(other) => return Err(workflow_error(other)),
    };
    let current = run_db(&state, move |conn| Ok(db::applications::find(conn, application_id)?)).await?;
    let status: Status = current.status.parse().map_err(AppError::corrupt)?;
    let template = WithdrawPage {
        chrome: viewer.chrome("applications"),
        id: current.id,
        program_name: program.name,
        status_label: status.label().to_lowercase(),
        version: current.version,
        holds_seat: status == Status::Approved && current.intake_id.is_some(),
        can_withdraw: !status.is_final(),
        problem: Some(problem),
    };
    page_with_status(&req, &template, StatusCode::CONFLICT)
}
