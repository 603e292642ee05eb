//! Programs: the list with application counts, the program form (create and edit),
//! publishing and archiving.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;

use super::require_admin;
use crate::db::programs::{NewProgram, Program, ProgramChange};
use crate::db::{self};
use crate::domain::application_form::FieldErrors;
use crate::domain::program_form::{parse_program, ProgramDraft, ProgramInput};
use crate::domain::{Category, Cents, Format, JobFamily, ProgramKind, ProgramStatus, SiteType};
use crate::error::AppError;
use crate::web::{page, page_with_status, redirect_with_flash, run_db, Chrome, CsrfForm, EmptyForm, State, Viewer};

/// The columns of the program list: a heading and the statuses it adds up.
const COUNTED: [(&str, &[&str]); 5] = [
    ("In review", &["submitted", "changes_requested", "manager_approved"]),
    ("Approved", &["approved"]),
    ("Waitlisted", &["waitlisted"]),
    ("Completed", &["completed"]),
    ("Closed", &["rejected", "withdrawn"]),
];

pub struct ProgramRow {
    pub slug: String,
    pub name: String,
    pub status: String,
    pub kind: &'static str,
    pub counts: Vec<i64>,
    pub is_cohort: bool,
}

#[derive(Template)]
#[template(path = "admin/programs.html")]
struct ProgramsPage {
    chrome: Chrome,
    rows: Vec<ProgramRow>,
    columns: Vec<String>,
}

#[get("/admin/programs")]
pub async fn list_programs(state: State, viewer: Viewer, req: HttpRequest) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    let (programs, counts) =
        run_db(&state, |conn| Ok((db::programs::list_all(conn)?, db::stats::by_program_and_status(conn)?))).await?;
    let rows = programs
        .into_iter()
        .map(|p| ProgramRow {
            counts: COUNTED
                .iter()
                .map(|(_, statuses)| {
                    counts
                        .iter()
                        .filter(|(id, s, _)| *id == p.id && statuses.contains(&s.as_str()))
                        .map(|(_, _, n)| *n)
                        .sum()
                })
                .collect(),
            kind: p.kind.parse::<ProgramKind>().map(ProgramKind::label).unwrap_or("—"),
            is_cohort: p.kind == ProgramKind::Cohort.as_str(),
            slug: p.slug,
            name: p.name,
            status: p.status,
        })
        .collect();
    let columns = COUNTED.iter().map(|(heading, _)| (*heading).to_owned()).collect();
    page(&req, &ProgramsPage { chrome: viewer.chrome("admin"), rows, columns })
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

fn choices<T: Copy>(
    all: &[T],
    chosen: &str,
    as_str: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<Choice> {
    all.iter().map(|v| Choice { value: as_str(*v), label: label(*v), selected: as_str(*v) == chosen }).collect()
}

fn ticks<T: Copy>(
    all: &[T],
    chosen: &[String],
    as_str: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<Tick> {
    all.iter()
        .map(|v| Tick { value: as_str(*v), label: label(*v), checked: chosen.iter().any(|c| c == as_str(*v)) })
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
    status: String,
}

impl ProgramFormPage {
    fn error(&self, field: &str) -> &str {
        self.errors.get(field).unwrap_or("")
    }
}

fn form_page(
    viewer: &Viewer,
    creating: bool,
    slug: &str,
    input: ProgramInput,
    errors: FieldErrors,
    status: &str,
) -> ProgramFormPage {
    ProgramFormPage {
        chrome: viewer.chrome("admin"),
        heading: if creating { "New program".to_owned() } else { format!("Edit {}", input.name) },
        action: if creating { "/admin/programs/new".to_owned() } else { format!("/admin/programs/{slug}/edit") },
        creating,
        kinds: choices(ProgramKind::ALL, &input.kind, ProgramKind::as_str, ProgramKind::label),
        categories: choices(Category::ALL, &input.category, Category::as_str, Category::label),
        formats: choices(Format::ALL, &input.format, Format::as_str, Format::label),
        families: ticks(JobFamily::ALL, &input.job_families, JobFamily::as_str, JobFamily::label),
        sites: ticks(SiteType::ALL, &input.site_types, SiteType::as_str, SiteType::label),
        input,
        errors,
        status: status.to_owned(),
    }
}

/// The form's fields from a posted body (checkbox lists repeat their name).
fn input_from(fields: &[(String, String)]) -> ProgramInput {
    let one = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default();
    let all = |name: &str| fields.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect();
    let ticked = |name: &str| fields.iter().any(|(k, _)| k == name);
    ProgramInput {
        slug: one("slug"),
        name: one("name"),
        summary: one("summary"),
        description: one("description"),
        kind: one("kind"),
        category: one("category"),
        format: one("format"),
        provider: one("provider"),
        duration_weeks: one("duration_weeks"),
        min_tenure_days: one("min_tenure_days"),
        job_families: all("job_families"),
        site_types: all("site_types"),
        full_time_only: ticked("full_time_only"),
        tuition_percent: one("tuition_percent"),
        cap_full_time: one("cap_full_time"),
        cap_part_time: one("cap_part_time"),
        needs_manager_approval: ticked("needs_manager_approval"),
        needs_admin_approval: ticked("needs_admin_approval"),
        opens_on: one("opens_on"),
        closes_on: one("closes_on"),
    }
}

/// The form prefilled from a stored program.
fn input_of(program: &Program) -> ProgramInput {
    let plain = |cents: i64| if cents == 0 { String::new() } else { Cents(cents).to_plain() };
    let list = |text: &str| text.split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect();
    ProgramInput {
        slug: program.slug.clone(),
        name: program.name.clone(),
        summary: program.summary.clone(),
        description: program.description.clone(),
        kind: program.kind.clone(),
        category: program.category.clone(),
        format: program.format.clone(),
        provider: program.provider.clone(),
        duration_weeks: program.duration_weeks.map(|w| w.to_string()).unwrap_or_default(),
        min_tenure_days: program.min_tenure_days.to_string(),
        job_families: list(&program.allowed_job_families),
        site_types: list(&program.allowed_site_types),
        full_time_only: program.full_time_only,
        tuition_percent: program.tuition_percent.to_string(),
        cap_full_time: plain(program.annual_cap_full_time_cents),
        cap_part_time: plain(program.annual_cap_part_time_cents),
        needs_manager_approval: program.needs_manager_approval,
        needs_admin_approval: program.needs_admin_approval,
        opens_on: program.opens_on.map(|d| d.to_string()).unwrap_or_default(),
        closes_on: program.closes_on.map(|d| d.to_string()).unwrap_or_default(),
    }
}

fn change_of(draft: &ProgramDraft, now: chrono::NaiveDateTime) -> ProgramChange {
    ProgramChange {
        name: draft.name.clone(),
        summary: draft.summary.clone(),
        description: draft.description.clone(),
        kind: draft.kind.as_str().to_owned(),
        category: draft.category.as_str().to_owned(),
        format: draft.format.as_str().to_owned(),
        provider: draft.provider.clone(),
        duration_weeks: draft.duration_weeks,
        min_tenure_days: draft.min_tenure_days,
        allowed_job_families: draft.job_families_text(),
        allowed_site_types: draft.site_types_text(),
        full_time_only: draft.full_time_only,
        tuition_percent: draft.tuition_percent,
        annual_cap_full_time_cents: draft.cap_full_time.0,
        annual_cap_part_time_cents: draft.cap_part_time.0,
        needs_manager_approval: draft.needs_manager_approval,
        needs_admin_approval: draft.needs_admin_approval,
        opens_on: draft.opens_on,
        closes_on: draft.closes_on,
        updated_at: now,
    }
}

/// "field: before → after" for each field the edit changes, for the audit log.
fn describe_changes(before: &ProgramInput, after: &ProgramInput) -> String {
    let pairs = [
        ("name", &before.name, &after.name),
        ("summary", &before.summary, &after.summary),
        ("description", &before.description, &after.description),
        ("kind", &before.kind, &after.kind),
        ("category", &before.category, &after.category),
        ("format", &before.format, &after.format),
        ("provider", &before.provider, &after.provider),
        ("duration_weeks", &before.duration_weeks, &after.duration_weeks),
        ("min_tenure_days", &before.min_tenure_days, &after.min_tenure_days),
        ("tuition_percent", &before.tuition_percent, &after.tuition_percent),
        ("cap_full_time", &before.cap_full_time, &after.cap_full_time),
        ("cap_part_time", &before.cap_part_time, &after.cap_part_time),
        ("opens_on", &before.opens_on, &after.opens_on),
        ("closes_on", &before.closes_on, &after.closes_on),
    ];
    let mut changes: Vec<String> =
        pairs.iter().filter(|(_, b, a)| b != a).map(|(field, b, a)| format!("{field}: {b} → {a}")).collect();
    let lists = [
        ("job_families", before.job_families.join(","), after.job_families.join(",")),
        ("site_types", before.site_types.join(","), after.site_types.join(",")),
    ];
    changes.extend(lists.iter().filter(|(_, b, a)| b != a).map(|(f, b, a)| format!("{f}: {b} → {a}")));
    let flags = [
        ("full_time_only", before.full_time_only, after.full_time_only),
        ("needs_manager_approval", before.needs_manager_approval, after.needs_manager_approval),
        ("needs_admin_approval", before.needs_admin_approval, after.needs_admin_approval),
    ];
    changes.extend(flags.iter().filter(|(_, b, a)| b != a).map(|(f, b, a)| format!("{f}: {b} → {a}")));
    if changes.is_empty() {
        "no change".to_owned()
    } else {
        changes.join("; ")
    }
}

#[get("/admin/programs/new")]
pub async fn new_program_form(viewer: Viewer, req: HttpRequest) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    let input = ProgramInput {
        min_tenure_days: "0".into(),
        tuition_percent: "0".into(),
        needs_manager_approval: true,
        kind: "cohort".into(),
        category: "technical".into(),
        format: "online".into(),
        ..ProgramInput::default()
    };
    page(&req, &form_page(&viewer, true, "", input, FieldErrors::default(), "draft"))
}

#[post("/admin/programs/new")]
pub async fn create_program(
    state: State,
    viewer: Viewer,
    form: CsrfForm<Vec<(String, String)>>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    let input = input_from(&form.0);
    let draft = match parse_program(&input) {
        Ok(draft) => draft,
        Err(errors) => {
            return page_with_status(
                &req,
                &form_page(&viewer, true, "", input, errors, "draft"),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    };
    let admin_id = viewer.id();
    let slug = draft.slug.clone();
    let created = run_db(&state, move |conn| {
        db::write_transaction(conn, |conn| {
            if db::programs::slug_taken(conn, &draft.slug)? {
                return Ok(false);
            }
            let now = db::now();
            let change = change_of(&draft, now);
            db::programs::insert(
                conn,
                &NewProgram {
                    slug: draft.slug.clone(),
                    name: change.name,
                    summary: change.summary,
                    description: change.description,
                    kind: change.kind,
                    category: change.category,
                    format: change.format,
                    provider: change.provider,
                    duration_weeks: change.duration_weeks,
                    min_tenure_days: change.min_tenure_days,
                    allowed_job_families: change.allowed_job_families,
                    allowed_site_types: change.allowed_site_types,
                    full_time_only: change.full_time_only,
                    tuition_percent: change.tuition_percent,
                    annual_cap_full_time_cents: change.annual_cap_full_time_cents,
                    annual_cap_part_time_cents: change.annual_cap_part_time_cents,
                    needs_manager_approval: change.needs_manager_approval,
                    needs_admin_approval: change.needs_admin_approval,
                    opens_on: change.opens_on,
                    closes_on: change.closes_on,
                    status: ProgramStatus::Draft.as_str().to_owned(),
                    created_at: now,
                    updated_at: now,
                },
            )?;
            db::audit::record(
                conn,
                Some(admin_id),
                "program.created",
                &draft.slug,
                &format!("created as a draft: {}", draft.name),
                now,
            )?;
            Ok::<_, AppError>(true)
        })
    })
    .await?;
    state.catalog.invalidate();
    if !created {
        let mut errors = FieldErrors::default();
        errors.add("slug", "Another program already uses this slug; choose another.");
        return page_with_status(
            &req,
            &form_page(&viewer, true, "", input, errors, "draft"),
            StatusCode::UNPROCESSABLE_ENTITY,
        );
    }
    Ok(redirect_with_flash(
        &format!("/admin/programs/{slug}/edit"),
        "success",
        "The program is created as a draft. Publish it when it is ready.",
    ))
}

async fn load_program(state: &State, slug: String) -> Result<Program, AppError> {
    run_db(state, move |conn| Ok(db::programs::find_by_slug(conn, &slug)?)).await
}

#[get("/admin/programs/{slug}/edit")]
pub async fn edit_program_form(
    state: State,
    viewer: Viewer,
    slug: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    let program = load_program(&state, slug.into_inner()).await?;
    page(&req, &form_page(&viewer, false, &program.slug, input_of(&program), FieldErrors::default(), &program.status))
}

#[post("/admin/programs/{slug}/edit")]
pub async fn update_program(
    state: State,
    viewer: Viewer,
    slug: web::Path<String>,
    form: CsrfForm<Vec<(String, String)>>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    let program = load_program(&state, slug.into_inner()).await?;
    // The slug names the program in every link; it does not change once created.
    let input = ProgramInput { slug: program.slug.clone(), ..input_from(&form.0) };
    let draft = match parse_program(&input) {
        Ok(draft) => draft,
        Err(errors) => {
            let page_view = form_page(&viewer, false, &program.slug, input, errors, &program.status);
            return page_with_status(&req, &page_view, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let details = describe_changes(&input_of(&program), &input);
    let (admin_id, id, slug) = (viewer.id(), program.id, program.slug.clone());
    run_db(&state, move |conn| {
        db::write_transaction(conn, |conn| {
            let now = db::now();
            db::programs::update(conn, id, &change_of(&draft, now))?;
            db::audit::record(conn, Some(admin_id), "program.updated", &slug, &details, now)?;
            Ok::<_, AppError>(())
        })
    })
    .await?;
    // This server's catalog at once; the others when the NOTIFY reaches them.
    state.catalog.invalidate();
    Ok(redirect_with_flash(
        &format!("/admin/programs/{}/edit", program.slug),
        "success",
        "The program is saved. Existing applications are not affected.",
    ))
}

async fn set_status(
    state: State,
    viewer: Viewer,
    slug: String,
    status: ProgramStatus,
) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    let program = load_program(&state, slug).await?;
    if status == ProgramStatus::Published {
        // A published program must still pass the form's checks (a seed or an old row may not).
        if program.rules().is_err() {
            return Ok(redirect_with_flash(
                &format!("/admin/programs/{}/edit", program.slug),
                "error",
                "Fix the program's rules before publishing it.",
            ));
        }
    }
    let (admin_id, id, slug, before) = (viewer.id(), program.id, program.slug.clone(), program.status.clone());
    run_db(&state, move |conn| {
        db::write_transaction(conn, |conn| {
            let now = db::now();
            db::programs::set_status(conn, id, status, now)?;
            let action = if status == ProgramStatus::Archived { "program.archived" } else { "program.published" };
            db::audit::record(
                conn,
                Some(admin_id),
                action,
                &slug,
                &format!("status: {before} → {}", status.as_str()),
                now,
            )?;
            Ok::<_, AppError>(())
        })
    })
    .await?;
    state.catalog.invalidate();
    let message = match status {
        ProgramStatus::Archived => {
            format!("{} is archived: it left the catalog; its applications are kept.", program.name)
        }
        _ => format!("{} is published in the catalog.", program.name),
    };
    Ok(redirect_with_flash("/admin/programs", "success", &message))
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
