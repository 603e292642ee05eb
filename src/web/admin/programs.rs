//! Programs: the list with application counts, the program form (create and edit) and
//! its eligibility headcount preview, publishing and archiving.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::headcount::HeadcountView;
use super::require_admin;
use crate::db::audit::AuditLine;
use crate::db::programs::{Program, ProgramRecord};
use crate::db::proposals::PublicationRequest;
use crate::db::{self};
use crate::domain::enums::StoredName;
use crate::domain::forms::{describe_changes, from_pairs, FieldErrors};
use crate::domain::headcount::{Headcount, HeadcountConditions, PreviewDays};
use crate::domain::message::Message;
use crate::domain::program_form::{parse_program, ProgramInput};
use crate::domain::{
    ApplicationStatus, AuditAction, Category, CompletionEvidence, CompletionVerifier, Format, JobFamily, ProgramKind,
    ProgramRules, ProgramStatus, SiteType, TeamRole,
};
use crate::i18n::Tr;
use crate::web::error::AppError;
use crate::web::format::long_time;
use crate::web::input::FormFields;
use crate::web::language::words;
use crate::web::{page, page_with_status, redirect_with_flash, run_db, Chrome, CsrfForm, EmptyForm, State, Viewer};

/// The columns of the program list: a heading (its message id) and the statuses it adds up.
const COUNTED: [(&str, &[ApplicationStatus]); 6] = [
    (
        "admin-programs-in-review",
        &[ApplicationStatus::Submitted, ApplicationStatus::ChangesRequested, ApplicationStatus::ManagerApproved],
    ),
    (
        "admin-programs-approved",
        &[ApplicationStatus::Approved, ApplicationStatus::CompletionSubmitted, ApplicationStatus::CompletionReturned],
    ),
    ("admin-programs-waitlisted", &[ApplicationStatus::Waitlisted]),
    ("admin-programs-completed", &[ApplicationStatus::Completed]),
    ("admin-programs-not-completed", &[ApplicationStatus::NotCompleted]),
    ("admin-programs-closed", &[ApplicationStatus::Rejected, ApplicationStatus::Withdrawn]),
];

pub struct ProgramRow {
    pub slug: String,
    pub name: String,
    pub status: ProgramStatus,
    pub kind: &'static str,
    pub counts: Vec<i64>,
    pub is_cohort: bool,
    /// The viewer's role on the program's team, if they are on it ("you: owner").
    pub team_role: Option<String>,
}

#[derive(Template)]
#[template(path = "admin/programs.html")]
struct ProgramsPage {
    chrome: Chrome,
    rows: Vec<ProgramRow>,
    columns: Vec<String>,
    /// Admins create, publish and archive; a program team's member runs their programs.
    is_admin: bool,
}

/// Every program for an admin; for a program team's member, "My programs": the programs
/// they run.
#[get("/admin/programs")]
pub async fn list_programs(state: State, viewer: Viewer, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let scope = super::require_program_scope(&viewer)?;
    let viewer_id = viewer.id();
    let (programs, counts, roles) = run_db(&state, move |conn| {
        let mut programs = db::programs::list_all(conn)?;
        programs.retain(|p| scope.includes(p.id));
        let roles = db::program_teams::programs_run_by(conn, viewer_id)?;
        Ok((programs, db::stats::by_program_and_status(conn)?, roles))
    })
    .await?;
    let chrome = viewer.chrome(super::NAV);
    let t = chrome.t;
    let rows = programs
        .into_iter()
        .map(|p| ProgramRow {
            team_role: roles
                .iter()
                .find(|r| r.id == p.id)
                .map(|r| t.with("admin-programs-your-role", "role", t.name(r.role).to_lowercase())),
            counts: COUNTED
                .iter()
                .map(|(_, statuses)| {
                    counts.iter().filter(|(id, s, _)| *id == p.id && statuses.contains(s)).map(|(_, _, n)| *n).sum()
                })
                .collect(),
            kind: t.name(p.kind),
            is_cohort: p.kind == ProgramKind::Cohort,
            slug: p.slug,
            name: p.name,
            status: p.status,
        })
        .collect();
    let columns = COUNTED.iter().map(|(heading, _)| t.m(heading).to_owned()).collect();
    let is_admin = viewer.employee.is_admin;
    page(&req, &ProgramsPage { chrome, rows, columns, is_admin })
}

/// A checkbox of the form.
pub struct Tick {
    pub value: &'static str,
    pub label: &'static str,
    pub checked: bool,
}

/// An option of a `<select>`.
pub struct Choice {
    pub value: &'static str,
    pub label: &'static str,
    pub selected: bool,
}

fn choices<T: StoredName>(all: &[T], chosen: &str, t: Tr) -> Vec<Choice> {
    all.iter()
        .map(|v| Choice { value: v.stored_name(), label: t.name(*v), selected: v.stored_name() == chosen })
        .collect()
}

fn ticks<T: StoredName>(all: &[T], chosen: &[String], t: Tr) -> Vec<Tick> {
    all.iter()
        .map(|v| Tick {
            value: v.stored_name(),
            label: t.name(*v),
            checked: chosen.iter().any(|c| c == v.stored_name()),
        })
        .collect()
}

#[derive(Template)]
#[template(path = "admin/program_form.html")]
struct ProgramFormPage {
    chrome: Chrome,
    heading: String,
    action: String,
    creating: bool,
    input: ProgramInput,
    errors: FieldErrors,
    kinds: Vec<Choice>,
    categories: Vec<Choice>,
    formats: Vec<Choice>,
    families: Vec<Tick>,
    sites: Vec<Tick>,
    target_families: Vec<Tick>,
    evidence: Vec<Choice>,
    verifiers: Vec<Choice>,
    status: ProgramStatus,
    /// Where the "Preview who is eligible" button sends the form.
    preview_action: String,
    /// The eligibility headcount, when the form was sent to be previewed.
    preview: Option<HeadcountView>,
    /// Where a draft stands on its way to the catalog (the edit page of a draft).
    publication: Option<PublicationPanel>,
}

/// How a draft program gets published, as its edit page says it.
pub struct PublicationPanel {
    /// The proposal the program was made from.
    pub proposal_id: Option<i32>,
    /// The viewer publishes (an administrator).
    pub can_publish: bool,
    /// The viewer is an owner of the program's team, who asks for it to be published.
    pub is_owner: bool,
    /// When publication was asked for, if it was.
    pub requested: Option<String>,
}

impl ProgramFormPage {
    fn error(&self, field: &str) -> String {
        crate::web::language::words().error(&self.errors, field)
    }
}

fn form_page(
    viewer: &Viewer,
    creating: bool,
    slug: &str,
    input: ProgramInput,
    errors: FieldErrors,
    status: ProgramStatus,
) -> ProgramFormPage {
    let chrome = viewer.chrome(super::NAV);
    let t = chrome.t;
    ProgramFormPage {
        chrome,
        heading: if creating {
            t.m("program-form-new").to_owned()
        } else {
            t.with("program-form-edit", "program", &input.name)
        },
        action: if creating { "/admin/programs/new".to_owned() } else { format!("/admin/programs/{slug}/edit") },
        preview_action: if creating {
            "/admin/programs/preview".to_owned()
        } else {
            format!("/admin/programs/{slug}/preview")
        },
        preview: None,
        publication: None,
        creating,
        kinds: choices(ProgramKind::ALL, &input.kind, t),
        categories: choices(Category::ALL, &input.category, t),
        formats: choices(Format::ALL, &input.format, t),
        families: ticks(JobFamily::ALL, &input.job_families, t),
        sites: ticks(SiteType::ALL, &input.site_types, t),
        target_families: ticks(JobFamily::ALL, &input.target_job_families, t),
        evidence: choices(CompletionEvidence::ALL, &input.completion_evidence, t),
        verifiers: choices(CompletionVerifier::ALL, &input.verified_by, t),
        input,
        errors,
        status,
    }
}

/// The program form as posted: its ticked job families and site types repeat their name.
#[derive(Debug, Deserialize)]
#[serde(transparent)]
pub struct ProgramFields(Vec<(String, String)>);

impl FormFields for ProgramFields {
    const CHECKED_TEXT: &'static [&'static str] = &[
        "slug",
        "name",
        "summary",
        "description",
        "provider",
        "duration_weeks",
        "min_tenure_days",
        "tuition_percent",
        "cap_full_time",
        "cap_part_time",
        "annual_budget",
        "seat_cost",
        "opens_on",
        "closes_on",
        "completion_note",
        "target_title_keywords",
    ];
}

/// The form's fields from a posted body.
fn input_from(fields: &[(String, String)]) -> Result<ProgramInput, AppError> {
    from_pairs(fields, &["job_families", "site_types", "target_job_families"])
        .map_err(|e| AppError::BadRequest(format!("unreadable form: {e}")))
}

#[get("/admin/programs/new")]
pub async fn new_program_form(viewer: Viewer, req: HttpRequest) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    let input = ProgramInput {
        min_tenure_days: "0".into(),
        tuition_percent: "0".into(),
        needs_manager_approval: true,
        kind: ProgramKind::Cohort.as_str().into(),
        category: Category::Technical.as_str().into(),
        format: Format::Online.as_str().into(),
        ..ProgramInput::default()
    };
    page(&req, &form_page(&viewer, true, "", input, FieldErrors::default(), ProgramStatus::Draft))
}

#[post("/admin/programs/new")]
pub async fn create_program(
    state: State,
    viewer: Viewer,
    form: CsrfForm<ProgramFields>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    let input = input_from(&form.0 .0)?;
    let draft = match parse_program(&input) {
        Ok(draft) => draft,
        Err(errors) => {
            return page_with_status(
                &req,
                &form_page(&viewer, true, "", input, errors, ProgramStatus::Draft),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    };
    let admin_id = viewer.id();
    let slug = draft.slug.clone();
    let created = run_db(&state, move |conn| {
        db::audit::audited(conn, |conn, now| {
            if db::programs::slug_taken(conn, &draft.slug)? {
                return Ok((false, None));
            }
            db::programs::insert(conn, &draft.slug, &ProgramRecord::from(&draft), ProgramStatus::Draft, now)?;
            let line = AuditLine {
                actor_id: Some(admin_id),
                action: AuditAction::ProgramCreated,
                subject: draft.slug.clone(),
                details: format!("created as a draft: {}", draft.name),
            };
            Ok::<_, AppError>((true, Some(line)))
        })
    })
    .await?;
    state.catalog.invalidate();
    if !created {
        let mut errors = FieldErrors::default();
        errors.add("slug", Message::new("program-form-slug-taken"));
        return page_with_status(
            &req,
            &form_page(&viewer, true, "", input, errors, ProgramStatus::Draft),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    Ok(redirect_with_flash(&format!("/admin/programs/{slug}/edit"), "success", words().m("admin-programs-created")))
}

/// The program `slug` for someone who runs it (admins and its team): 403 for people who
/// run no program, 404 for a member of other programs' teams.
pub async fn load_run_program(state: &State, viewer: &Viewer, slug: String) -> Result<Program, AppError> {
    super::require_program_scope(viewer)?;
    let program = run_db(state, move |conn| Ok(db::programs::find_by_slug(conn, &slug)?)).await?;
    super::require_runs_program(viewer, program.id)?;
    Ok(program)
}

#[get("/admin/programs/{slug}/edit")]
pub async fn edit_program_form(
    state: State,
    viewer: Viewer,
    slug: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let program = load_run_program(&state, &viewer, slug.into_inner()).await?;
    let (program_id, viewer_id) = (program.id, viewer.id());
    let (proposal, request, role) = run_db(&state, move |conn| {
        Ok((
            db::proposals::of_program(conn, program_id)?,
            db::proposals::publication_request(conn, program_id)?,
            db::program_teams::role_of(conn, viewer_id, program_id)?,
        ))
    })
    .await?;
    let publication = (program.status == ProgramStatus::Draft).then(|| PublicationPanel {
        proposal_id: proposal.map(|p| p.id),
        can_publish: viewer.employee.is_admin,
        is_owner: role == Some(TeamRole::Owner),
        requested: request.map(long_time),
    });
    let input = ProgramInput::from(&program);
    let form = form_page(&viewer, false, &program.slug, input, FieldErrors::default(), program.status);
    page(&req, &ProgramFormPage { publication, ..form })
}

/// The owner of a draft program asks the administrators to publish it.
#[post("/admin/programs/{slug}/publication-request")]
pub async fn request_publication(
    state: State,
    viewer: Viewer,
    slug: web::Path<String>,
    _form: CsrfForm<EmptyForm>,
) -> Result<HttpResponse, AppError> {
    let program = load_run_program(&state, &viewer, slug.into_inner()).await?;
    let back = format!("/admin/programs/{}/edit", program.slug);
    if viewer.employee.is_admin {
        return Ok(redirect_with_flash(&back, "error", words().m("admin-programs-admin-publishes")));
    }
    let (viewer_id, viewer_name) = (viewer.id(), viewer.employee.display_name.clone());
    let (id, slug, name) = (program.id, program.slug.clone(), program.name.clone());
    let asked = run_db(&state, move |conn| {
        if db::program_teams::role_of(conn, viewer_id, id)? != Some(TeamRole::Owner) {
            return Ok(None);
        }
        let owner = db::proposals::Actor { id: viewer_id, name: &viewer_name };
        Ok(Some(db::proposals::request_publication(conn, (id, &slug, &name), owner)?))
    })
    .await?;
    let (kind, message) = match asked.ok_or(AppError::Forbidden)? {
        PublicationRequest::Asked => {
            ("success", words().with("admin-programs-publication-asked", "program", &program.name))
        }
        PublicationRequest::AlreadyAsked => {
            ("success", words().m("admin-programs-publication-already-asked").to_owned())
        }
        PublicationRequest::NotDraft => ("error", words().with("admin-programs-not-a-draft", "program", &program.name)),
    };
    Ok(redirect_with_flash(&back, kind, &message))
}

#[post("/admin/programs/{slug}/edit")]
pub async fn update_program(
    state: State,
    viewer: Viewer,
    slug: web::Path<String>,
    form: CsrfForm<ProgramFields>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let program = load_run_program(&state, &viewer, slug.into_inner()).await?;
    // The slug names the program in every link; it does not change once created.
    let input = ProgramInput { slug: program.slug.clone(), ..input_from(&form.0 .0)? };
    let draft = match parse_program(&input) {
        Ok(draft) => draft,
        Err(errors) => {
            let page_view = form_page(&viewer, false, &program.slug, input, errors, program.status);
            return page_with_status(&req, &page_view, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let details = describe_changes(&ProgramInput::from(&program), &ProgramInput::from(&draft));
    let (admin_id, id, slug) = (viewer.id(), program.id, program.slug.clone());
    run_db(&state, move |conn| {
        db::audit::audited(conn, |conn, now| {
            db::programs::update(conn, id, &ProgramRecord::from(&draft), now)?;
            let line =
                AuditLine { actor_id: Some(admin_id), action: AuditAction::ProgramUpdated, subject: slug, details };
            Ok::<_, AppError>(((), Some(line)))
        })
    })
    .await?;
    // This server's catalog at once; the others when the NOTIFY reaches them.
    state.catalog.invalidate();
    Ok(redirect_with_flash(
        &format!("/admin/programs/{}/edit", program.slug),
        "success",
        words().m("admin-programs-saved"),
    ))
}

/// "Preview who is eligible" on a new program's form.
#[post("/admin/programs/preview")]
pub async fn preview_new_program(
    state: State,
    viewer: Viewer,
    form: CsrfForm<ProgramFields>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    let input = input_from(&form.0 .0)?;
    preview_headcount(&state, &viewer, &req, None, input).await
}

/// "Preview who is eligible" on a program's form.
#[post("/admin/programs/{slug}/preview")]
pub async fn preview_program(
    state: State,
    viewer: Viewer,
    slug: web::Path<String>,
    form: CsrfForm<ProgramFields>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let program = load_run_program(&state, &viewer, slug.into_inner()).await?;
    let input = ProgramInput { slug: program.slug.clone(), ..input_from(&form.0 .0)? };
    preview_headcount(&state, &viewer, &req, Some(program), input).await
}

/// The form again, everything typed kept, with how many active employees the rule as
/// typed makes eligible today and in 90 days, next to the saved rule's count. Nothing is
/// written. A form with errors is refused as saving it would be (422), without counts.
async fn preview_headcount(
    state: &State,
    viewer: &Viewer,
    req: &HttpRequest,
    saved: Option<Program>,
    input: ProgramInput,
) -> Result<HttpResponse, AppError> {
    let (creating, slug) = (saved.is_none(), saved.as_ref().map(|p| p.slug.clone()).unwrap_or_default());
    let form_status = saved.as_ref().map_or(ProgramStatus::Draft, |p| p.status);
    let refuse = |input: ProgramInput, errors: FieldErrors| {
        page_with_status(
            req,
            &form_page(viewer, creating, &slug, input, errors, form_status),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
    };
    let draft = match parse_program(&input) {
        Ok(draft) => draft,
        Err(errors) => return refuse(input, errors),
    };
    let days = PreviewDays::starting(crate::clock::today());
    // Counted as if published: the preview is about whom the rule reaches.
    let as_published = |rules: ProgramRules| ProgramRules { status: ProgramStatus::Published, ..rules };
    let edited_rules = draft.rules(ProgramStatus::Published);
    let saved_rules = saved.as_ref().map(|program| as_published(program.rules()));
    let edited = HeadcountConditions::of(&edited_rules, days);
    let saved_conditions = saved_rules.as_ref().map(|rules| HeadcountConditions::of(rules, days));
    let new_slug = creating.then(|| draft.slug.clone());
    let (slug_taken, edited_cells, saved_cells) = run_db(state, move |conn| {
        db::read_together(conn, |conn| {
            if let Some(slug) = &new_slug {
                if db::programs::slug_taken(conn, slug)? {
                    return Ok((true, Vec::new(), None));
                }
            }
            // A rule previewed unchanged is counted once; a changed one beside the saved
            // one, in the same pass.
            let changed = saved_conditions.as_ref().filter(|conditions| **conditions != edited);
            let (edited_cells, changed_cells) = db::headcount::count_two(conn, &edited, changed)?;
            let saved_cells = saved_conditions.map(|_| changed_cells.unwrap_or_else(|| edited_cells.clone()));
            Ok::<_, AppError>((false, edited_cells, saved_cells))
        })
    })
    .await?;
    if slug_taken {
        let mut errors = FieldErrors::default();
        errors.add("slug", Message::new("program-form-slug-taken"));
        return refuse(input, errors);
    }
    let edited_count = Headcount::from_cells(&edited_cells);
    let saved_count = saved_cells.as_deref().map(Headcount::from_cells);
    let saved_pair = saved_rules.as_ref().zip(saved_count.as_ref());
    let view = HeadcountView::new(days, saved.as_ref().map(|p| p.status), (&edited_rules, &edited_count), saved_pair);
    let page_view = ProgramFormPage {
        preview: Some(view),
        ..form_page(viewer, creating, &slug, input, FieldErrors::default(), form_status)
    };
    page(req, &page_view)
}

async fn set_status(
    state: State,
    viewer: Viewer,
    slug: String,
    status: ProgramStatus,
) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    let program = load_run_program(&state, &viewer, slug).await?;
    if status == ProgramStatus::Published {
        // A published program must still pass the form's checks (a seed or an old row may not).
        if parse_program(&ProgramInput::from(&program)).is_err() {
            return Ok(redirect_with_flash(
                &format!("/admin/programs/{}/edit", program.slug),
                "error",
                words().m("admin-programs-fix-before-publishing"),
            ));
        }
    }
    let (admin_id, id, slug, before) = (viewer.id(), program.id, program.slug.clone(), program.status);
    let name = program.name.clone();
    run_db(&state, move |conn| {
        db::audit::audited(conn, |conn, now| {
            db::programs::set_status(conn, id, status, now)?;
            if status == ProgramStatus::Published && before == ProgramStatus::Draft {
                db::proposals::record_publication(conn, id, &name, admin_id, now)?;
            }
            let action = if status == ProgramStatus::Archived {
                AuditAction::ProgramArchived
            } else {
                AuditAction::ProgramPublished
            };
            let details = format!("status: {} → {}", before.as_str(), status.as_str());
            let line = AuditLine { actor_id: Some(admin_id), action, subject: slug, details };
            Ok::<_, AppError>(((), Some(line)))
        })
    })
    .await?;
    state.catalog.invalidate();
    let message = match status {
        ProgramStatus::Archived => words().with("admin-programs-archived", "program", &program.name),
        _ => words().with("admin-programs-published", "program", &program.name),
    };
    Ok(redirect_with_flash("/admin/programs", "success", &message))
}

#[derive(Template)]
#[template(path = "admin/archive.html")]
struct ArchivePage {
    chrome: Chrome,
    slug: String,
    name: String,
    archived: bool,
    /// Applications of the program that are not final yet.
    in_progress: i64,
}

/// Archiving takes a program out of the catalog: it is asked for on a page of its own
/// first, whose button posts to `archive_program`.
#[get("/admin/programs/{slug}/archive")]
pub async fn confirm_archive(
    state: State,
    viewer: Viewer,
    slug: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    let slug = slug.into_inner();
    let (program, counts) = run_db(&state, move |conn| {
        Ok((db::programs::find_by_slug(conn, &slug)?, db::stats::by_program_and_status(conn)?))
    })
    .await?;
    let in_progress =
        counts.iter().filter(|(id, status, _)| *id == program.id && status.is_active()).map(|(_, _, n)| *n).sum();
    let archived = program.status == ProgramStatus::Archived;
    let chrome = viewer.chrome(super::NAV);
    page(&req, &ArchivePage { chrome, slug: program.slug, name: program.name, archived, in_progress })
}

#[post("/admin/programs/{slug}/archive")]
pub async fn archive_program(
    state: State,
    viewer: Viewer,
    slug: web::Path<String>,
    _form: CsrfForm<EmptyForm>,
) -> Result<HttpResponse, AppError> {
    set_status(state, viewer, slug.into_inner(), ProgramStatus::Archived).await
}

#[post("/admin/programs/{slug}/publish")]
pub async fn publish_program(
    state: State,
    viewer: Viewer,
    slug: web::Path<String>,
    _form: CsrfForm<EmptyForm>,
) -> Result<HttpResponse, AppError> {
    set_status(state, viewer, slug.into_inner(), ProgramStatus::Published).await
}
