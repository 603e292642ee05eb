//! One application's page: its details, its timeline, and the decisions the viewer may
//! take on it.

use actix_web::http::StatusCode;
use actix_web::{get, web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::NaiveDate;

use super::apply::eligibility_of;
use super::completion_view::{completion_view, status_label, CompletionFacts, CompletionShown, CompletionView};
use super::payment_view::{payments_view, timeline_sentence, PaymentForm, PaymentsView};
use super::{approver_label, next_step};
use crate::clock::today;
use crate::db::applications::Application;
use crate::db::credentials::Credential;
use crate::db::employees::Employee;
use crate::db::evidence::{AttachedFile, ListedFile};
use crate::db::programs::Program;
use crate::db::workflow::{self, FieldChange};
use crate::db::{self};
use crate::domain::application::{
    decision_role, transition, Action, Authority, BudgetFit, DecisionRole, Facts, Seats, Stages, Status,
};
use crate::domain::budget::BudgetStanding;
use crate::domain::calendar::offers_calendar;
use crate::domain::evidence::{may_attach, size_label, MAX_FILE_BYTES};
use crate::domain::forms::FieldErrors;
use crate::domain::message::Message;
use crate::domain::{Cents, Eligibility, Event, ProgramStatus};
use crate::web::eligibility::eligibility_reasons;
use crate::web::error::AppError;
use crate::web::format::{long_date, long_time, money};
use crate::web::{page_with_status, run_db, Chrome, State, Viewer};

/// One event of the timeline, ready to show.
pub struct TimelineView {
    pub who: String,
    pub what: String,
    pub when: String,
    pub when_iso: String,
    pub comment: Option<String>,
    /// The stored name, for the page's `data-to-status` hook.
    pub to_status: &'static str,
    pub changes: Vec<FieldChange>,
    /// The name of the file an event attached.
    pub file: Option<String>,
}

/// One attached file, as its application's page lists it.
pub struct FileView {
    pub id: i32,
    pub name: String,
    pub kind: &'static str,
    pub size: String,
    pub who: String,
    pub when: String,
    pub when_iso: String,
}

/// The application's files and the form that attaches one.
pub struct FilesView {
    pub list: Vec<FileView>,
    /// The owner may attach a file now.
    pub can_attach: bool,
    /// The message at the file control, for a file that was refused.
    pub errors: FieldErrors,
    /// A refusal that is not about the file (the application closed, the virus scanner
    /// out of reach).
    pub problem: Option<String>,
    pub max_mib: usize,
}

/// What a request that changed nothing shows on the application's page with its data.
#[derive(Debug, Clone, Default)]
pub struct Shown {
    /// A decision that changed nothing.
    pub refused: Option<Refusal>,
    /// A file that was not attached: why, at the file control.
    pub file_error: Option<String>,
    /// A file that was not attached for a reason that is not about the file.
    pub file_problem: Option<String>,
    /// A payment that was not recorded: the form as typed, with its messages.
    pub payment: Option<PaymentForm>,
    /// A completion form that changed nothing.
    pub completion: Option<CompletionShown>,
}

/// An application's details as shown on its page.
pub struct DetailsView {
    pub intake: Option<String>,
    /// Where the intake's seat draw is published (a lottery intake).
    pub draw_page: Option<String>,
    pub motivation: String,
    pub institution: Option<String>,
    pub course_title: Option<String>,
    pub term_starts_on: Option<String>,
    pub amount: Option<String>,
    pub covered: Option<String>,
}

/// Whether the owner of a closed application may apply to its program again: a link to
/// the form, their newer application, or why not.
pub struct ApplyAgain {
    pub headline: String,
    pub reasons: Vec<String>,
    pub apply_href: Option<String>,
    pub newer_application: Option<i32>,
}

/// A decision that changed nothing, shown on the application's page.
#[derive(Debug, Clone, Default)]
pub struct Refusal {
    pub message: String,
    /// The comment typed, kept.
    pub comment: String,
    /// The message is about the comment field (a required comment was missing).
    pub about_comment: bool,
    /// The message is about the confirmation of an approval beyond the budget.
    pub about_budget: bool,
    /// The confirmation of an approval beyond the budget, as sent.
    pub exceed_budget: bool,
}

/// What the decision form says about the program's budget, when approving gives a place
/// of a program that has one.
pub struct BudgetNotice {
    /// The viewer decides as the program team: the figures, and the confirmation when the
    /// place exceeds what is left. Anyone else is only told when their approval would go
    /// to the program team.
    pub program_team: bool,
    pub year: i32,
    pub budget: String,
    pub committed: String,
    /// "left $Z", or "over by $Z".
    pub left: String,
    pub cost: String,
    pub exceeds: bool,
    /// By how much the place would exceed the budget.
    pub excess: String,
    /// The confirmation as the refused form sent it.
    pub confirmed: bool,
}

/// The decisions the viewer may take on an application, as buttons.
pub struct DecisionView {
    pub version: i32,
    pub can_approve: bool,
    pub can_reject: bool,
    pub can_request_changes: bool,
    pub acting_for: Option<String>,
    /// A refused decision: its message, or the comment's (a required comment was
    /// missing), and the comment typed, kept.
    pub error: Option<String>,
    pub errors: FieldErrors,
    pub comment: String,
    pub budget: Option<BudgetNotice>,
}

impl DecisionView {
    pub fn any(&self) -> bool {
        self.can_approve || self.can_reject || self.can_request_changes
    }
}

#[derive(Template)]
#[template(path = "applications/detail.html")]
struct ApplicationPage {
    chrome: Chrome,
    /// The page's `<title>` and its heading.
    title: String,
    heading: String,
    id: i32,
    program_name: String,
    program_slug: String,
    applicant: String,
    is_owner: bool,
    status: &'static str,
    status_label: &'static str,
    next_step: String,
    details: DetailsView,
    timeline: Vec<TimelineView>,
    can_edit: bool,
    can_withdraw: bool,
    /// The owner's place in an intake, offered as an `.ics` download.
    can_add_to_calendar: bool,
    /// The program's "Start the course" address, for the owner of an approved place.
    start_url: Option<String>,
    apply_again: Option<ApplyAgain>,
    decision: Option<DecisionView>,
    files: FilesView,
    payments: Option<PaymentsView>,
    completion: Option<CompletionView>,
    /// A seat offered to the owner, to accept or decline.
    offer: Option<OfferView>,
}

/// A seat offered from the waitlist, as its owner sees it.
pub struct OfferView {
    pub intake_name: String,
    /// The last day to answer, in words.
    pub answer_by: String,
    pub version: i32,
}

impl ApplicationPage {
    /// The refused payment form's messages, if any.
    fn payment_errors(&self) -> Option<&FieldErrors> {
        self.payments.as_ref().and_then(|p| p.form.as_ref()).map(|f| &f.errors).filter(|e| !e.is_empty())
    }

    /// Whether the viewer has a completion decision to take (the aside points to it).
    fn team_decides(&self) -> bool {
        self.completion.as_ref().is_some_and(CompletionView::team_decides)
    }
}

/// Everything an application page shows, loaded together.
struct ApplicationBundle {
    application: Application,
    program: Program,
    applicant: Employee,
    /// Who the manager stage waits for, with their delegates of today.
    approver_label: Option<String>,
    intake: Option<(String, NaiveDate)>,
    /// The intake has no seat left (an approval now goes to the waitlist).
    intake_full: bool,
    /// The intake is a lottery whose window is open: an approval waits for the draw.
    intake_draws: bool,
    /// Where the intake's seat draw is published (a lottery intake).
    draw_page: Option<String>,
    /// The program's budget this year and what it committed, when it has one and the
    /// application waits for a decision.
    budget: Option<BudgetStanding>,
    waitlist_position: i64,
    timeline: Vec<db::events::TimelineEntry>,
    acting_for_names: Vec<(i32, String)>,
    authority: Authority,
    /// The owner's active application to the same program, when this one is closed.
    newer_application: Option<i32>,
    files: Vec<ListedFile>,
    /// Its tuition payments (none for other kinds).
    payments: Vec<db::payments::PaymentLine>,
    credential: Option<Credential>,
    /// The viewer acts as the program team for this application (never their own).
    is_team: bool,
}

async fn load_bundle(state: &State, viewer: &Viewer, id: i32) -> Result<ApplicationBundle, AppError> {
    let employee = viewer.employee.clone();
    let t = crate::web::language::words();
    run_db(state, move |conn| {
        let application = db::applications::find(conn, id)?;
        let authority = workflow::authority(conn, &application, &employee, today())?;
        if !authority.sees_application() {
            return Err(AppError::NotFound);
        }
        if let Some(intake_id) = application.intake_id {
            // A lottery whose window closed is drawn, and offers that lapsed go to the
            // next person, before the page is shown (then the application is read again).
            workflow::draw_due(conn, Some(application.program_id), today(), crate::clock::now())?;
            workflow::lapse_due_offers(conn, Some(intake_id), crate::clock::now())?;
        }
        let application = db::applications::find(conn, id)?;
        let program = db::programs::find_by_id(conn, application.program_id)?;
        let applicant = db::employees::find_by_id(conn, application.employee_id)?;
        let approver_label = match application.approver_id {
            Some(approver) => {
                let name = db::employees::find_by_id(conn, approver)?.display_name;
                let delegates = db::delegations::active_delegates(conn, approver, today())?;
                let delegates: Vec<String> = delegates.into_iter().map(|(_, name)| name).collect();
                Some(approver_label(t, &name, &delegates))
            }
            None => None,
        };
        let intake = match application.intake_id {
            Some(intake_id) => {
                db::programs::intakes_with_seats(conn, program.id)?.into_iter().find(|i| i.intake.id == intake_id)
            }
            None => None,
        };
        let intake_full = intake.as_ref().is_some_and(|i| i.seats_left() == 0);
        let intake_draws = intake.as_ref().is_some_and(|i| i.intake.approvals_wait_for_draw(today()));
        let draw_page = intake
            .as_ref()
            .filter(|i| i.intake.allocation == crate::domain::Allocation::Lottery)
            .map(|i| format!("/programs/{}/intakes/{}/draw", program.slug, i.intake.id));
        let intake = intake.map(|i| (i.intake.name, i.intake.starts_on));
        let budget = match (authority.is_owner, application.status) {
            (false, Status::Submitted | Status::ManagerApproved) => db::budgets::standing(conn, &program, today())?,
            _ => None,
        };
        let waitlist_position = db::applications::waitlist_position(conn, &application)?;
        let timeline = db::events::timeline(conn, application.id)?;
        // The draw's page is for the people in it and the program's team.
        let in_the_draw = application.status == Status::InDraw
            || timeline.iter().any(|e| matches!(e.action, Event::DrawnPlace | Event::DrawnWaitlist));
        let draw_page = draw_page.filter(|_| authority.is_program_team || (authority.is_owner && in_the_draw));
        let files = db::evidence::for_application(conn, application.id)?;
        let credential = db::credentials::for_application(conn, application.id)?;
        let is_team = !authority.is_owner && authority.is_program_team;
        let mut acting_for_names = Vec::new();
        for person in timeline.iter().filter_map(|e| e.acting_for_id).chain(authority.delegate_for) {
            if !acting_for_names.iter().any(|(id, _)| *id == person) {
                acting_for_names.push((person, db::employees::find_by_id(conn, person)?.display_name));
            }
        }
        let newer_application = match (authority.is_owner, application.status) {
            (true, Status::Rejected | Status::Withdrawn) => {
                db::applications::find_active(conn, application.employee_id, program.id)?.map(|a| a.id)
            }
            _ => None,
        };
        let payments = match application.covered_cents {
            Some(_) => db::payments::for_application(conn, application.id)?,
            None => Vec::new(),
        };
        Ok(ApplicationBundle {
            payments,
            newer_application,
            application,
            program,
            applicant,
            approver_label,
            intake,
            intake_full,
            intake_draws,
            draw_page,
            budget,
            waitlist_position,
            timeline,
            acting_for_names,
            authority,
            files,
            credential,
            is_team,
        })
    })
    .await
}

/// The seat offered to the owner, if one is.
fn offer_view(bundle: &ApplicationBundle) -> Option<OfferView> {
    let application = &bundle.application;
    match (bundle.authority.is_owner, application.status, application.offer_expires_at, &bundle.intake) {
        (true, Status::Offered, Some(expires_at), Some((intake_name, _))) => Some(OfferView {
            intake_name: intake_name.clone(),
            answer_by: long_date(crate::domain::waitlist::answer_by(expires_at)),
            version: application.version,
        }),
        _ => None,
    }
}

fn timeline_views(bundle: &ApplicationBundle) -> Vec<TimelineView> {
    let t = crate::web::language::words();
    bundle
        .timeline
        .iter()
        .map(|event| {
            let actor = event.actor_name.clone().unwrap_or_else(|| "Upskill".to_owned());
            let who = match event.acting_for_id.and_then(|id| bundle.acting_for_names.iter().find(|(p, _)| *p == id)) {
                Some((_, name)) => format!("{actor}, {}", t.with("timeline-acting-for", "name", name)),
                None => actor,
            };
            TimelineView {
                who,
                what: match event.action {
                    Event::PaymentRecorded => timeline_sentence(event.details.as_deref()),
                    Event::WaitlistReordered | Event::IntakeChanged => event
                        .details
                        .as_deref()
                        .map(|moved| format!("{} ({moved})", t.m(event.action.timeline_message(event.to_status)))),
                    _ => None,
                }
                .unwrap_or_else(|| t.m(event.action.timeline_message(event.to_status)).to_owned()),
                when: long_time(event.created_at),
                when_iso: event.created_at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                comment: event.comment.clone(),
                to_status: event.to_status.as_str(),
                changes: event.details.as_deref().and_then(|d| serde_json::from_str(d).ok()).unwrap_or_default(),
                file: (event.action == Event::FileAttached)
                    .then(|| event.details.as_deref().and_then(|d| serde_json::from_str::<AttachedFile>(d).ok()))
                    .flatten()
                    .map(|attached| attached.name),
            }
        })
        .collect()
}

fn details_view(bundle: &ApplicationBundle) -> DetailsView {
    let a = &bundle.application;
    DetailsView {
        intake: bundle.intake.as_ref().map(|(name, starts)| {
            format!(
                "{name}, {}",
                crate::web::language::words().with("application-starting", "date", long_date(*starts))
            )
        }),
        draw_page: bundle.draw_page.clone(),
        motivation: a.motivation.clone(),
        institution: a.institution.clone(),
        course_title: a.course_title.clone(),
        term_starts_on: a.term_starts_on.map(long_date),
        amount: a.amount_cents.map(|c| money(Cents(c))),
        covered: a.covered_cents.map(|c| money(Cents(c))),
    }
}

/// The application's files, and whether its owner may attach one now.
fn files_view(bundle: &ApplicationBundle, shown: &Shown) -> FilesView {
    let list = bundle
        .files
        .iter()
        .map(|listed| FileView {
            id: listed.file.id,
            name: listed.file.original_name.clone(),
            kind: crate::web::language::words().name(listed.file.content_type),
            size: size_label(listed.file.size_bytes),
            who: listed.uploader_name.clone(),
            when: long_time(listed.file.uploaded_at),
            when_iso: listed.file.uploaded_at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        })
        .collect();
    let mut errors = FieldErrors::default();
    if let Some(message) = &shown.file_error {
        errors.add("file", Message::said(message.clone())); // not a stored name
    }
    FilesView {
        list,
        can_attach: bundle.authority.is_owner && may_attach(bundle.application.status),
        errors,
        problem: shown.file_problem.clone(),
        max_mib: MAX_FILE_BYTES / (1024 * 1024),
    }
}

/// What is left of a budget, in words: "left $Z", or "over by $Z".
fn budget_left(left: Cents) -> String {
    let t = crate::web::language::words();
    if left.0 < 0 {
        t.with("budget-over-by", "amount", t.money(Cents(-left.0)))
    } else {
        t.with("budget-left", "amount", t.money(left))
    }
}

/// The decisions the state machine would accept from this viewer now.
fn decision_view(bundle: &ApplicationBundle, status: Status, refused: Option<Refusal>) -> Option<DecisionView> {
    let DecisionRole::Decide { actor, acting_for } = decision_role(status, &bundle.authority) else {
        return None;
    };
    let facts = Facts {
        stages: Stages { manager: bundle.program.needs_manager_approval, admin: bundle.program.needs_admin_approval },
        seats: if bundle.intake_draws {
            Seats::Draw
        } else if bundle.intake_full {
            Seats::Full
        } else {
            Seats::Free
        },
        completion: bundle.program.completion_rule(),
        budget: BudgetFit::Fits,
    };
    let allowed = |action| transition(Some(status), action, actor, &facts, "comment").is_ok();
    let refused = refused.unwrap_or_default();
    let mut errors = FieldErrors::default();
    if refused.about_comment {
        errors.add("comment", Message::said(refused.message.clone()));
    }
    if refused.about_budget {
        errors.add("exceed_budget", Message::said(refused.message.clone()));
    }
    let gives_place = transition(Some(status), Action::Approve, actor, &facts, "")
        .is_ok_and(|outcome| outcome.to == Status::Approved);
    let budget = match bundle.budget {
        Some(standing) if gives_place => {
            let cost = bundle.program.budget().place_cost(bundle.application.covered_cents.map(Cents));
            let over_by = Cents(standing.committed.0.saturating_add(cost.0) - standing.budget.0);
            let notice = BudgetNotice {
                program_team: bundle.authority.decides_as_program_team(actor),
                year: standing.year,
                budget: money(standing.budget),
                committed: standing.committed.to_string(),
                left: budget_left(standing.left()),
                cost: money(cost),
                exceeds: !standing.fits(cost),
                excess: money(over_by),
                confirmed: refused.exceed_budget,
            };
            (notice.program_team || notice.exceeds).then_some(notice)
        }
        _ => None,
    };
    let error = (!refused.about_comment && !refused.about_budget && !refused.message.is_empty())
        .then(|| refused.message.clone());
    let view = DecisionView {
        version: bundle.application.version,
        can_approve: allowed(Action::Approve),
        can_reject: allowed(Action::Reject),
        can_request_changes: allowed(Action::RequestChanges),
        acting_for: acting_for
            .and_then(|id| bundle.acting_for_names.iter().find(|(p, _)| *p == id))
            .map(|(_, n)| n.clone()),
        error,
        errors,
        comment: refused.comment,
        budget,
    };
    (view.any() || view.error.is_some()).then_some(view)
}

/// The program team's comment of the last time it sent the evidence back.
fn returned_comment(bundle: &ApplicationBundle) -> Option<String> {
    bundle.timeline.iter().rev().find(|e| e.action == Event::CompletionReturned).and_then(|e| e.comment.clone())
}

/// For the owner of a rejected or withdrawn application: whether they may apply again.
fn apply_again(bundle: &ApplicationBundle, viewer: &Viewer) -> Option<ApplyAgain> {
    let status = bundle.application.status;
    if !bundle.authority.is_owner || !matches!(status, Status::Rejected | Status::Withdrawn) {
        return None;
    }
    let program = &bundle.program;
    let t = crate::web::language::words();
    let answer = |headline: String, reasons: Vec<String>| ApplyAgain {
        headline,
        reasons,
        apply_href: None,
        newer_application: None,
    };
    if let Some(newer) = bundle.newer_application {
        return Some(ApplyAgain {
            newer_application: Some(newer),
            ..answer(t.with("application-applied-again", "program", &program.name), Vec::new())
        });
    }
    if program.status != ProgramStatus::Published {
        return Some(answer(t.with("application-program-closed", "program", &program.name), Vec::new()));
    }
    Some(match eligibility_of(&viewer.employee, program) {
        Eligibility::Eligible => ApplyAgain {
            apply_href: Some(format!("/programs/{}/apply", program.slug)),
            ..answer(t.with("application-can-apply-again", "program", &program.name), Vec::new())
        },
        Eligibility::EligibleFrom(date) => answer(
            format!(
                "{} {}",
                t.with("application-can-apply-again-to", "program", &program.name),
                t.with("application-can-apply-again-from", "date", long_date(date))
            ),
            Vec::new(),
        ),
        ineligible @ Eligibility::Ineligible(_) => {
            answer(t.m("application-cannot-apply-again").to_owned(), eligibility_reasons(&ineligible, t))
        }
    })
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
    application_page_with(state, viewer, id, Shown { refused, ..Shown::default() }, http_status, req).await
}

/// The page of one application with what a request that changed nothing shows on it.
pub async fn application_page_with(
    state: &State,
    viewer: &Viewer,
    id: i32,
    shown: Shown,
    http_status: StatusCode,
    req: &HttpRequest,
) -> Result<HttpResponse, AppError> {
    let bundle = load_bundle(state, viewer, id).await?;
    let application = &bundle.application;
    let status = application.status;
    let is_owner = bundle.authority.is_owner;
    let starts_on = bundle.intake.as_ref().map(|(_, d)| *d).or(application.term_starts_on);
    let completion = completion_view(
        &CompletionFacts {
            status,
            version: application.version,
            program: &bundle.program,
            is_owner,
            is_team: bundle.is_team,
            completed_on: application.completed_on,
            credential: bundle.credential.as_ref(),
            returned_comment: returned_comment(&bundle),
        },
        shown.completion.clone(),
    );
    let t = crate::web::language::words();
    let program_name = &bundle.program.name;
    let applicant = &bundle.applicant.display_name;
    let to_program = t.with("application-to-program", "program", program_name);
    let (title, heading) = if is_owner {
        (
            format!("{} {to_program}", t.with("application-title-yours", "id", application.id)),
            t.with("application-heading-yours", "program", program_name),
        )
    } else {
        (
            format!("{} {to_program}", t.count_with("application-title-of", application.id, "applicant", applicant)),
            format!("{} {to_program}", t.with("application-heading-of", "applicant", applicant)),
        )
    };
    let template = ApplicationPage {
        chrome: viewer.chrome(if is_owner { "applications" } else { "approvals" }),
        title,
        heading,
        id: application.id,
        program_name: bundle.program.name.clone(),
        program_slug: bundle.program.slug.clone(),
        applicant: bundle.applicant.display_name.clone(),
        is_owner,
        status: status.as_str(),
        status_label: status_label(t, status, starts_on, today()),
        next_step: next_step(
            t,
            status,
            bundle.approver_label.as_deref(),
            bundle.waitlist_position,
            bundle.intake.as_ref().map(|(_, d)| *d),
        ),
        details: details_view(&bundle),
        timeline: timeline_views(&bundle),
        can_edit: is_owner && status == Status::ChangesRequested,
        can_withdraw: is_owner && crate::domain::application::may_withdraw(status),
        can_add_to_calendar: is_owner && bundle.intake.is_some() && offers_calendar(status),
        start_url: bundle.program.start_url.clone().filter(|_| is_owner && status == Status::Approved),
        apply_again: apply_again(&bundle, viewer),
        files: files_view(&bundle, &shown),
        decision: decision_view(&bundle, status, shown.refused),
        payments: payments_view(
            &bundle.authority,
            status,
            application.covered_cents,
            application.paid_cents,
            &bundle.payments,
            shown.payment,
        ),
        completion,
        offer: offer_view(&bundle),
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
