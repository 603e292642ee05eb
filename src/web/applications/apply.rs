//! Applying to a program: the form (with what is left of the yearly tuition cap) and
//! its submission. The edit form of an application reuses it.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::{Datelike, Months, NaiveDate};
use serde::Deserialize;

use crate::clock::today;
use crate::db::employees::Employee;
use crate::db::programs::{Intake, IntakeWithSeats, Program, WindowShut};
use crate::db::workflow::{self, WorkflowError};
use crate::db::{self, DbConnection};
use crate::domain::application::Status;
use crate::domain::application_form::{
    parse_application, ApplicationDetails, ApplicationInput, IntakeChoice, Motivation,
};
use crate::domain::forms::FieldErrors;
use crate::domain::message::Message;
use crate::domain::{check_eligibility, Allocation, Cents, Eligibility, ProgramKind, ProgramStatus};
use crate::i18n::Tr;
use crate::web::eligibility::{eligibility_headline, eligibility_reasons};
use crate::web::error::AppError;
use crate::web::format::{long_date, money};
use crate::web::input::FormFields;
use crate::web::{page, page_with_status, redirect_with_flash, run_db, Chrome, CsrfForm, State, Viewer};

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
    pub(super) version: String,
}

impl FormFields for ApplicationFormData {
    const CHECKED_TEXT: &'static [&'static str] =
        &["motivation", "intake_id", "institution", "course_title", "term_starts_on", "amount"];
}

impl ApplicationFormData {
    pub(super) fn input(&self) -> ApplicationInput {
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
    /// The radio button's id: the field's name for the first (the error summary links to
    /// it), `intake-ID` for the others.
    pub radio_id: String,
    pub name: String,
    /// "starts 1 March 2027".
    pub starts: String,
    pub seats_left: i64,
    /// "20 seats left", "1 seat left".
    pub seats_left_text: String,
    /// "3 seats drawn by lot".
    pub seats_drawn: String,
    pub started: bool,
    pub selected: bool,
    /// A lottery's window in words ("Applications from 1 February 2027 to 14 February
    /// 2027; …"), none first come.
    pub lottery: Option<String>,
    /// A lottery whose window is not open today: not offered.
    pub shut: bool,
}

/// "You have $X of $Y left for YEAR", for each year a term may start in.
pub struct FundingLine {
    pub year: i32,
    pub left: String,
    pub cap: String,
}

/// What is left of the yearly cap `cap` in each year (up to `last_year`) a term may start
/// in, after what is `committed` (approved and pending requests).
pub fn funding_lines(cap: Cents, committed: &[(i32, Cents)], last_year: i32) -> Vec<FundingLine> {
    committed
        .iter()
        .filter(|(year, _)| *year <= last_year)
        .map(|(year, committed)| FundingLine {
            year: *year,
            left: money(cap.saturating_sub(*committed)),
            cap: money(cap),
        })
        .collect()
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
    /// The motivation is optional (nobody approves the program).
    pub motivation_optional: bool,
    /// Who reads the motivation, for the field's hint.
    pub motivation_hint: &'static str,
    /// The hints of the term's date and of the amount.
    pub term_hint: String,
    pub amount_hint: String,
    pub version: Option<i32>,
    /// The date control's bounds (`YYYY-MM-DD`).
    pub today: String,
    pub latest_term: String,
}

impl FormView {
    /// The message for a field, or "" (templates test `.is_empty()`).
    pub fn error(&self, field: &str) -> String {
        crate::web::language::words().error(&self.errors, field)
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
pub(super) struct ApplyPage {
    chrome: Chrome,
    program_name: String,
    program_slug: String,
    program_summary: String,
    pub(super) heading: String,
    blocked: Option<Blocked>,
    form: Option<FormView>,
    conflict: Option<String>,
}

/// What the form needs about a program and the viewer, loaded in one go.
pub(super) struct FormContext {
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
    let committed_by_year = if program.kind == ProgramKind::Tuition {
        db::applications::committed_by_year(conn, employee_id, program.id, &[this_year, this_year + 1], editing)?
            .into_iter()
            .map(|(year, cents)| (year, Cents(cents)))
            .collect()
    } else {
        Vec::new()
    };
    let active = db::applications::find_active(conn, employee_id, program.id)?.map(|a| a.id);
    Ok(FormContext { program, intakes, committed_by_year, active })
}

/// How a lottery intake gives its seats, in words for the form (`today`: whether its
/// window is open).
fn lottery_words(t: Tr, intake: &Intake, today: NaiveDate) -> Option<String> {
    let (opens_on, closes_on) = intake.opens_on.zip(intake.closes_on)?;
    if intake.allocation != Allocation::Lottery {
        return None;
    }
    let window = match intake.window_shut(today) {
        Some(WindowShut::NotYetOpen(_)) => format!(
            "{} {}",
            t.with("apply-lottery-opens-on", "date", long_date(opens_on)),
            t.with("apply-lottery-and-closes-on", "date", long_date(closes_on))
        ),
        Some(WindowShut::Closed(_)) => t.with("apply-lottery-closed-on", "date", long_date(closes_on)),
        None => t.with("apply-lottery-open-until", "date", long_date(closes_on)),
    };
    Some(format!("{window} {}", t.m("apply-lottery-draw")))
}

fn intake_choices(intakes: &[IntakeWithSeats]) -> Vec<IntakeChoice> {
    intakes
        .iter()
        .map(|i| IntakeChoice {
            id: i.intake.id,
            starts_on: i.intake.starts_on,
            window: i.intake.opens_on.zip(i.intake.closes_on).filter(|_| i.intake.allocation == Allocation::Lottery),
        })
        .collect()
}

pub(super) fn form_view(
    context: &FormContext,
    employee: &Employee,
    action: String,
    submit_label: &'static str,
    input: ApplicationInput,
    errors: FieldErrors,
    version: Option<i32>,
) -> FormView {
    let t = crate::web::language::words();
    let today = today();
    let cap = context.program.funding().cap_for(employee.employment_type);
    let latest_term = today.checked_add_months(Months::new(12)).unwrap_or(today);
    FormView {
        action,
        submit_label,
        is_cohort: context.program.kind == ProgramKind::Cohort,
        is_tuition: context.program.kind == ProgramKind::Tuition,
        intakes: context
            .intakes
            .iter()
            .enumerate()
            .map(|(n, i)| IntakeOption {
                id: i.intake.id,
                radio_id: if n == 0 { "intake_id".to_owned() } else { format!("intake-{}", i.intake.id) },
                name: i.intake.name.clone(),
                starts: t.with("apply-intake-starts", "date", long_date(i.intake.starts_on)),
                seats_left: i.seats_left(),
                seats_left_text: t.count("apply-intake-seats-left", i.seats_left()),
                seats_drawn: t.count("apply-intake-seats-drawn", i.seats_left()),
                started: i.intake.starts_on <= today,
                selected: input.intake_id.trim() == i.intake.id.to_string(),
                lottery: lottery_words(t, &i.intake, today),
                shut: i.intake.window_shut(today).is_some(),
            })
            .collect(),
        funding: funding_lines(cap, &context.committed_by_year, latest_term.year()),
        motivation_optional: motivation_rule(&context.program) == Motivation::Optional,
        motivation_hint: motivation_hint(t, &context.program),
        term_hint: format!(
            "{} {}",
            t.with("apply-term-between", "date", long_date(today)),
            t.with("apply-term-and", "date", long_date(latest_term))
        ),
        amount_hint: t.with("apply-amount-hint", "percent", context.program.tuition_percent),
        input,
        errors,
        version,
        today: today.to_string(),
        latest_term: latest_term.to_string(),
    }
}

/// Whether `program` asks why someone applies.
fn motivation_rule(program: &Program) -> Motivation {
    Motivation::for_stages(program.needs_manager_approval, program.needs_admin_approval)
}

/// Who reads the motivation, honestly.
fn motivation_hint(t: Tr, program: &Program) -> &'static str {
    match (program.needs_manager_approval, program.needs_admin_approval) {
        (true, true) => t.m("apply-motivation-hint-both"),
        (true, false) => t.m("apply-motivation-hint-manager"),
        (false, true) => t.m("apply-motivation-hint-team"),
        (false, false) => t.m("apply-motivation-hint-none"),
    }
}

/// Whether `employee` may apply to `program` today.
pub(super) fn eligibility_of(employee: &Employee, program: &Program) -> Eligibility {
    check_eligibility(&employee.profile(), &program.rules(), today())
}

/// The reason the viewer may not apply now, if any.
fn blocked(employee: &Employee, context: &FormContext) -> Option<Blocked> {
    let t = crate::web::language::words();
    if let Some(existing) = context.active {
        return Some(Blocked {
            headline: t.m("apply-already-applied").to_owned(),
            reasons: vec![t.m("apply-one-active-follow").to_owned()],
            existing_application: Some(existing),
        });
    }
    match eligibility_of(employee, &context.program) {
        Eligibility::Eligible => None,
        other => Some(Blocked {
            headline: eligibility_headline(&other, t),
            reasons: match &other {
                Eligibility::EligibleFrom(date) => {
                    vec![t.with("apply-come-back-on", "date", long_date(*date))]
                }
                _ => eligibility_reasons(&other, t),
            },
            existing_application: None,
        }),
    }
}

pub(super) fn apply_page(
    context: &FormContext,
    viewer: &Viewer,
    blocked: Option<Blocked>,
    form: Option<FormView>,
    conflict: Option<String>,
) -> ApplyPage {
    ApplyPage {
        chrome: viewer.chrome("programs"),
        heading: crate::web::language::words().with("apply-heading", "program", &context.program.name),
        program_name: context.program.name.clone(),
        program_slug: context.program.slug.clone(),
        program_summary: context.program.summary.clone(),
        blocked,
        form,
        conflict,
    }
}

pub(super) async fn context_for(
    state: &State,
    viewer: &Viewer,
    slug: String,
    editing: Option<i32>,
) -> Result<FormContext, AppError> {
    let employee_id = viewer.id();
    let is_admin = viewer.employee.is_admin;
    let context = run_db(state, move |conn| load_form_context(conn, &slug, employee_id, editing)).await?;
    if context.program.status != ProgramStatus::Published && !is_admin {
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
    let blocked = blocked(&viewer.employee, &context);
    let form = blocked.is_none().then(|| {
        let action = format!("/programs/{}/apply", context.program.slug);
        form_view(
            &context,
            &viewer.employee,
            action,
            crate::web::language::words().m("apply-submit"),
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
    let funding = context.program.funding();
    let cap = funding.cap_for(employee.employment_type);
    let covered = funding.covered(amount);
    crate::domain::application::check_tuition_cap(covered, *committed, cap)
        .err()
        .map(|exceeded| over_cap_message(exceeded.left, exceeded.cap, term.year()))
}

/// Parses the form and adds the yearly-cap check to its field messages.
pub(super) fn checked_details(
    context: &FormContext,
    employee: &Employee,
    input: &ApplicationInput,
) -> Result<ApplicationDetails, FieldErrors> {
    let kind = context.program.kind;
    let motivation = motivation_rule(&context.program);
    let parsed = parse_application(kind, motivation, input, &intake_choices(&context.intakes), today());
    let over_cap = if kind == ProgramKind::Tuition { cap_error(context, employee, input) } else { None };
    match (parsed, over_cap) {
        (Ok(details), None) => Ok(details),
        (Ok(_), Some(message)) => Err(FieldErrors(vec![("amount", Message::said(message))])),
        (Err(mut errors), Some(message)) if errors.get("amount").is_none() => {
            let position = errors.0.iter().position(|(field, _)| *field == "accept_terms" || *field == "motivation");
            errors.0.insert(position.unwrap_or(errors.0.len()), ("amount", Message::said(message)));
            Err(errors)
        }
        (Err(errors), _) => Err(errors),
    }
}

/// The amount-field message for a request over the yearly cap.
pub(super) fn over_cap_message(left: Cents, cap: Cents, year: i32) -> String {
    let t = crate::web::language::words();
    format!(
        "{} {}",
        t.with("apply-over-cap", "left", t.money(left)),
        t.with_two("apply-funding-after", "year", year, "cap", t.money(cap))
    )
}

#[post("/programs/{slug}/apply")]
pub async fn submit_application(
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
            let submit = crate::web::language::words().m("apply-submit");
            form_view(&context, &viewer.employee, action.clone(), submit, input.clone(), errors, None)
        });
        page_with_status(&req, &apply_page(&context, &viewer, blocked, form, conflict), status)
    };
    if let Some(blocked) = blocked(&viewer.employee, &context) {
        let status = if blocked.existing_application.is_some() { StatusCode::CONFLICT } else { StatusCode::FORBIDDEN };
        return render(status, FieldErrors::default(), None, Some(blocked));
    }
    let details = match checked_details(&context, &viewer.employee, &input) {
        Ok(details) => details,
        Err(errors) => return render(StatusCode::UNPROCESSABLE_ENTITY, errors, None, None),
    };
    let employee = viewer.employee.clone();
    let program = context.program.clone();
    let submitted = run_db(&state, move |conn| Ok(workflow::submit(conn, &employee, &program, &details))).await?;
    match submitted {
        Ok((id, status)) => {
            let t = crate::web::language::words();
            let message = match status {
                Status::Approved => t.m("apply-done-confirmed"),
                Status::Waitlisted => t.m("apply-done-waitlisted"),
                Status::InDraw => t.m("apply-done-in-draw"),
                _ => t.m("apply-done-submitted"),
            };
            Ok(redirect_with_flash(&format!("/applications/{id}"), "success", message))
        }
        Err(WorkflowError::OverCap { exceeded, year }) => {
            let mut errors = FieldErrors::default();
            errors.add("amount", Message::said(over_cap_message(exceeded.left, exceeded.cap, year)));
            render(StatusCode::UNPROCESSABLE_ENTITY, errors, None, None)
        }
        Err(WorkflowError::AlreadyActive(existing)) => {
            let blocked = Blocked {
                headline: crate::web::language::words().m("apply-already-applied").to_owned(),
                reasons: vec![crate::web::language::words().m("apply-one-active").to_owned()],
                existing_application: existing,
            };
            render(StatusCode::CONFLICT, FieldErrors::default(), None, Some(blocked))
        }
        Err(other) => Err(other.into()),
    }
}
