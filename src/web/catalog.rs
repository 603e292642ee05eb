//! The program catalog and a program's detail page.

use actix_web::{get, web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

use super::applications::{funding_lines, FundingLine};
use super::{page, run_db, viewer_published_and, Chrome, State, Viewer};
use crate::clock::today;
use crate::db::applications::ActiveApplication;
use crate::db::programs::{IntakeWithSeats, Program};
use crate::db::{self};
use crate::domain::enums::StoredName;
use crate::domain::{
    check_eligibility, ApplicationStatus, Category, Cents, Eligibility, Format, ProgramKind, ProgramRules,
    ProgramStatus,
};
use crate::i18n::Tr;
use crate::web::eligibility::{eligibility_headline, eligibility_reasons};
use crate::web::error::AppError;
use crate::web::format::{long_date, money};

/// An option of a filter `<select>`.
pub struct SelectOption {
    pub value: &'static str,
    pub label: &'static str,
    pub selected: bool,
}

/// A filter's options, named in the page's language.
pub fn options<T: StoredName + PartialEq>(all: &[T], chosen: Option<T>, t: Tr) -> Vec<SelectOption> {
    all.iter()
        .map(|&v| SelectOption { value: v.stored_name(), label: t.name(v), selected: chosen == Some(v) })
        .collect()
}

/// The catalog's query string: `q`, `kind`, `category`, `format`, `eligible=1`.
#[derive(Debug, Default, Deserialize)]
pub struct CatalogQuery {
    q: Option<String>,
    kind: Option<String>,
    category: Option<String>,
    format: Option<String>,
    eligible: Option<String>,
}

/// A filter value from the query string; missing or unknown values mean "any".
fn parse_option<T: std::str::FromStr>(value: &Option<String>) -> Option<T> {
    value.as_deref().and_then(|v| v.parse().ok())
}

/// The catalog filters, parsed. Unknown values mean "any".
#[derive(Debug, Default)]
struct CatalogFilter {
    text: String,
    kind: Option<ProgramKind>,
    category: Option<Category>,
    format: Option<Format>,
    eligible_only: bool,
}

impl CatalogFilter {
    fn from_query(query: &CatalogQuery) -> CatalogFilter {
        CatalogFilter {
            text: query.q.as_deref().unwrap_or("").trim().chars().take(200).collect(),
            kind: parse_option(&query.kind),
            category: parse_option(&query.category),
            format: parse_option(&query.format),
            eligible_only: query.eligible.as_deref() == Some("1"),
        }
    }

    fn is_active(&self) -> bool {
        !self.text.is_empty()
            || self.kind.is_some()
            || self.category.is_some()
            || self.format.is_some()
            || self.eligible_only
    }

    fn matches(&self, program: &Program, eligibility: &Eligibility) -> bool {
        let text_matches = self.text.is_empty() || {
            let needle = self.text.to_lowercase();
            [&program.name, &program.summary, &program.provider, &program.description]
                .iter()
                .any(|field| field.to_lowercase().contains(&needle))
        };
        text_matches
            && self.kind.is_none_or(|k| program.kind == k)
            && self.category.is_none_or(|c| program.category == c)
            && self.format.is_none_or(|f| program.format == f)
            && (!self.eligible_only || eligibility.is_eligible())
    }
}

/// What a card or a detail page says about a program.
pub struct ProgramView {
    pub slug: String,
    pub name: String,
    pub summary: String,
    pub provider: String,
    pub kind: &'static str,
    pub category: &'static str,
    pub format: &'static str,
    pub eligibility_code: &'static str,
    pub eligibility_headline: String,
    pub eligibility_reasons: Vec<String>,
    pub eligible: bool,
    /// The viewer's active application to the program: shown instead of the eligibility
    /// badge and the Apply button.
    pub application: Option<ApplicationBadge>,
}

/// Where the viewer's application to a program stands, in words, with its link.
pub struct ApplicationBadge {
    pub id: i32,
    /// The stored name, for the page's `data-application-status` hook.
    pub status: &'static str,
    pub text: String,
}

impl ApplicationBadge {
    fn new(application: &ActiveApplication, t: Tr) -> ApplicationBadge {
        let text = match application.status {
            ApplicationStatus::Submitted => {
                t.with("badge-submitted", "date", t.day_month(application.submitted_at.date()))
            }
            ApplicationStatus::ChangesRequested => t.m("badge-changes-requested").to_owned(),
            ApplicationStatus::ManagerApproved => t.m("badge-manager-approved").to_owned(),
            ApplicationStatus::Approved => t.m("badge-approved").to_owned(),
            ApplicationStatus::Waitlisted => t.m("badge-waitlisted").to_owned(),
            other => t.name(other).to_owned(),
        };
        ApplicationBadge { id: application.id, status: application.status.as_str(), text }
    }
}

impl ProgramView {
    fn new(program: &Program, eligibility: &Eligibility, mine: &[ActiveApplication], t: Tr) -> ProgramView {
        ProgramView {
            slug: program.slug.clone(),
            name: program.name.clone(),
            summary: program.summary.clone(),
            provider: program.provider.clone(),
            kind: t.name(program.kind),
            category: t.name(program.category),
            format: t.name(program.format),
            eligibility_code: eligibility.code(),
            eligibility_headline: eligibility_headline(eligibility, t),
            eligibility_reasons: eligibility_reasons(eligibility, t),
            eligible: eligibility.is_eligible(),
            application: mine
                .iter()
                .find(|a| a.program_id == program.id)
                .map(|application| ApplicationBadge::new(application, t)),
        }
    }
}

/// Eligibility of the viewer for a program.
fn eligibility_for(viewer: &Viewer, program: &Program, today: NaiveDate) -> Eligibility {
    check_eligibility(&viewer.employee.profile(), &program.rules(), today)
}

#[derive(Template)]
#[template(path = "catalog/list.html")]
struct CatalogPage {
    chrome: Chrome,
    programs: Vec<ProgramView>,
    total_published: usize,
    q: String,
    eligible_only: bool,
    filtered: bool,
    kinds: Vec<SelectOption>,
    categories: Vec<SelectOption>,
    formats: Vec<SelectOption>,
}

#[get("/programs")]
pub async fn list_programs(state: State, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let (viewer, programs, mine) =
        viewer_published_and(&state, &req, |conn, viewer| Ok(db::applications::active_of_employee(conn, viewer.id())?))
            .await?;
    // Read after the viewer, as an extractor would be: a visitor who is not signed in is
    // sent to sign in whatever the query says.
    let query = web::Query::<CatalogQuery>::from_query(req.query_string())
        .map_err(|e| AppError::BadRequest(format!("unreadable query: {e}")))?;
    let filter = CatalogFilter::from_query(&query);
    let today = today();
    let total_published = programs.len();
    let chrome = viewer.chrome("programs");
    let t = chrome.t;
    let cards = programs
        .iter()
        .filter_map(|program| {
            let eligibility = eligibility_for(&viewer, program, today);
            filter.matches(program, &eligibility).then(|| ProgramView::new(program, &eligibility, &mine, t))
        })
        .collect();
    let template = CatalogPage {
        chrome,
        programs: cards,
        total_published,
        eligible_only: filter.eligible_only,
        filtered: filter.is_active(),
        kinds: options(ProgramKind::ALL, filter.kind, t),
        categories: options(Category::ALL, filter.category, t),
        formats: options(Format::ALL, filter.format, t),
        q: filter.text,
    };
    page(&req, &template)
}

/// An intake as listed on a program's page.
pub struct IntakeView {
    pub id: i32,
    pub name: String,
    pub starts_on: String,
    pub seats: i32,
    pub seats_left: i64,
    /// A lottery's window in words; none first come.
    pub lottery: Option<String>,
}

impl IntakeView {
    fn new(intake: &IntakeWithSeats, t: Tr) -> Self {
        IntakeView {
            id: intake.intake.id,
            name: intake.intake.name.clone(),
            starts_on: long_date(intake.intake.starts_on),
            seats: intake.intake.seats,
            seats_left: intake.seats_left(),
            lottery: (intake.intake.allocation == crate::domain::Allocation::Lottery)
                .then(|| intake.intake.opens_on.zip(intake.intake.closes_on))
                .flatten()
                .map(|(opens_on, closes_on)| {
                    format!(
                        "{} {}",
                        t.with("program-lottery-from", "date", long_date(opens_on)),
                        t.with("program-date-to", "date", long_date(closes_on))
                    )
                }),
        }
    }
}

/// Tuition funding: the percentage, the caps, and what is left of the viewer's cap in
/// this year and the next (a term may start in either).
pub struct FundingView {
    pub percent: i32,
    pub cap_full_time: String,
    pub cap_part_time: String,
    pub left: Vec<FundingLine>,
}

#[derive(Template)]
#[template(path = "catalog/detail.html")]
struct ProgramPage {
    chrome: Chrome,
    program: ProgramView,
    paragraphs: Vec<String>,
    duration: Option<String>,
    who_can_apply: Vec<String>,
    approval: &'static str,
    funding: Option<FundingView>,
    is_cohort: bool,
    intakes: Vec<IntakeView>,
    window: Option<String>,
    /// What completing the program asks for, in a sentence.
    completion: String,
}

/// The program's rules in words, for "Who can apply".
fn rules_in_words(rules: &ProgramRules, t: Tr) -> Vec<String> {
    let mut lines = Vec::new();
    if rules.min_tenure_days > 0 {
        lines.push(t.count("program-rule-tenure", rules.min_tenure_days));
    }
    if !rules.allowed_job_families.is_empty() {
        let names: Vec<&str> = rules.allowed_job_families.iter().map(|&f| t.name(f)).collect();
        lines.push(t.with("program-rule-job-families", "names", names.join(", ")));
    }
    if !rules.allowed_site_types.is_empty() {
        let names: Vec<&str> = rules.allowed_site_types.iter().map(|&s| t.name(s)).collect();
        lines.push(t.with("program-rule-sites", "names", names.join(", ")));
    }
    if rules.full_time_only {
        lines.push(t.m("program-rule-full-time").to_owned());
    }
    if lines.is_empty() {
        lines.push(t.m("program-rule-everyone").to_owned());
    }
    lines
}

fn approval_in_words(program: &Program, t: Tr) -> &'static str {
    t.m(match (program.needs_manager_approval, program.needs_admin_approval) {
        (true, true) => "program-approval-manager-then-team",
        (true, false) => "program-approval-manager",
        (false, true) => "program-approval-team",
        (false, false) => "program-approval-none",
    })
}

#[get("/programs/{slug}")]
pub async fn show_program(
    state: State,
    viewer: Viewer,
    slug: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let slug = slug.into_inner();
    let employee_id = viewer.id();
    let is_admin = viewer.employee.is_admin;
    let year = today().year();
    let (program, intakes, committed, mine) = run_db(&state, move |conn| {
        let program = db::programs::find_by_slug(conn, &slug)?;
        if program.status != ProgramStatus::Published && !is_admin {
            return Err(AppError::NotFound);
        }
        let intakes = db::programs::intakes_with_seats(conn, program.id)?;
        let committed = if program.kind == ProgramKind::Tuition {
            db::applications::committed_by_year(conn, employee_id, program.id, &[year, year + 1], None)?
        } else {
            Vec::new()
        };
        let mine = db::applications::find_active(conn, employee_id, program.id)?;
        Ok((program, intakes, committed, mine))
    })
    .await?;
    let rules = program.rules();
    let eligibility = eligibility_for(&viewer, &program, today());
    let funding = (program.kind == ProgramKind::Tuition).then(|| {
        let your_cap = rules.funding.cap_for(viewer.employee.employment_type);
        let committed: Vec<(i32, Cents)> = committed.iter().map(|(year, cents)| (*year, Cents(*cents))).collect();
        FundingView {
            percent: rules.funding.percent,
            cap_full_time: money(rules.funding.cap_full_time),
            cap_part_time: money(rules.funding.cap_part_time),
            left: funding_lines(your_cap, &committed, year + 1),
        }
    });
    let mine: Vec<ActiveApplication> = mine
        .map(|a| ActiveApplication {
            id: a.id,
            program_id: a.program_id,
            status: a.status,
            submitted_at: a.submitted_at,
        })
        .into_iter()
        .collect();
    let chrome = viewer.chrome("programs");
    let t = chrome.t;
    let window = match (program.opens_on, program.closes_on) {
        (None, None) => None,
        (Some(open), None) => Some(t.with("program-window-opens", "date", long_date(open))),
        (None, Some(close)) => Some(t.with("program-window-closes", "date", long_date(close))),
        (Some(open), Some(close)) => Some(format!(
            "{} {}",
            t.with("program-window-from", "date", long_date(open)),
            t.with("program-date-to", "date", long_date(close))
        )),
    };
    let template = ProgramPage {
        chrome,
        paragraphs: crate::domain::text::paragraphs(&program.description),
        duration: program.duration_weeks.map(|weeks| t.count("program-weeks", weeks)),
        who_can_apply: rules_in_words(&rules, t),
        approval: approval_in_words(&program, t),
        funding,
        is_cohort: program.kind == ProgramKind::Cohort,
        intakes: intakes.iter().map(|intake| IntakeView::new(intake, t)).collect(),
        window,
        completion: crate::domain::completion::with_note(
            t.say(&crate::domain::completion::what_to_send(program.completion_evidence, program.verified_by)),
            &program.completion_note,
        ),
        program: ProgramView::new(&program, &eligibility, &mine, t),
    };
    page(&req, &template)
}
