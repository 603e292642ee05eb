//! People: the searchable directory and one person's record (job data, manager, admin
//! and active flags).

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::require_admin;
use crate::clock::today;
use crate::db::audit::AuditLine;
use crate::db::workflow::{self, ManagerChangeError, PersonChangeError, WorkflowError};
use crate::db::{self};
use crate::domain::forms::FieldErrors;
use crate::domain::history::describe;
use crate::domain::message::Message;
use crate::domain::person_form::{parse_person, PersonInput};
use crate::domain::words::count_of;
use crate::domain::AuditAction;
use crate::domain::{EmploymentType, JobFamily, SiteType};
use crate::web::admin::programs::Choice;
use crate::web::error::AppError;
use crate::web::format::long_date;
use crate::web::input::FormFields;
use crate::web::language::words;
use crate::web::learning_record::{learning_lines, LearningLine};
use crate::web::{
    page, page_with_status, redirect_with_flash, run_db, url_encode, Chrome, CsrfForm, EmptyForm, State, Viewer,
};

const PEOPLE_PER_PAGE: i64 = 50;

pub struct PersonLine {
    pub id: i32,
    pub name: String,
    pub email: String,
    pub job_title: String,
    pub site: &'static str,
    pub manager: String,
    pub is_admin: bool,
    pub active: bool,
}

#[derive(Template)]
#[template(path = "admin/employees.html")]
struct DirectoryPage {
    chrome: Chrome,
    q: String,
    people: Vec<PersonLine>,
    next: Option<String>,
    first_page: bool,
    /// Whether people sign in with an Upskill password (invitations exist).
    password_sign_in: bool,
}

#[derive(Debug, Default, Deserialize)]
pub struct DirectoryQuery {
    q: Option<String>,
    after_name: Option<String>,
    after_id: Option<String>,
}

#[get("/admin/employees")]
pub async fn list_employees(
    state: State,
    viewer: Viewer,
    query: web::Query<DirectoryQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    let q: String = query.q.as_deref().unwrap_or("").trim().chars().take(100).collect();
    let after = match (&query.after_name, query.after_id.as_deref().and_then(|id| id.parse::<i32>().ok())) {
        (Some(name), Some(id)) => Some((name.clone(), id)),
        _ => None,
    };
    let first_page = after.is_none();
    let search = q.clone();
    let mut rows = run_db(&state, move |conn| {
        let after = after.as_ref().map(|(name, id)| (name.as_str(), *id));
        Ok(db::employees::directory(conn, &search, after, PEOPLE_PER_PAGE + 1)?)
    })
    .await?;
    let more = rows.len() as i64 > PEOPLE_PER_PAGE;
    rows.truncate(usize::try_from(PEOPLE_PER_PAGE).unwrap_or(50));
    let next = match (more, rows.last()) {
        (true, Some(last)) => Some(format!(
            "/admin/employees?q={}&after_name={}&after_id={}",
            url_encode(&q),
            url_encode(&last.display_name),
            last.id
        )),
        _ => None,
    };
    let people = rows
        .into_iter()
        .map(|row| PersonLine {
            id: row.id,
            site: crate::web::language::words().name(row.site_type),
            name: row.display_name,
            email: row.email,
            job_title: row.job_title,
            manager: row.manager_name.unwrap_or_else(|| "—".to_owned()),
            is_admin: row.is_admin,
            active: row.active,
        })
        .collect();
    let password_sign_in = state.settings.auth == crate::config::AuthMode::Password;
    page(&req, &DirectoryPage { chrome: viewer.chrome(super::NAV), q, people, next, first_page, password_sign_in })
}

#[derive(Template)]
#[template(path = "admin/employee.html")]
struct PersonPage {
    chrome: Chrome,
    id: i32,
    /// The stored name, for the title, the heading and the breadcrumb: they name the
    /// record, whatever was typed into the form.
    name: String,
    email: String,
    /// Live sessions of this person: "signed in on 2 browsers".
    sessions: i64,
    /// `Some(whether they have a password)` under password sign-in.
    has_password: Option<bool>,
    input: PersonInput,
    errors: FieldErrors,
    families: Vec<Choice>,
    sites: Vec<Choice>,
    employment: Vec<Choice>,
    /// Every program they completed.
    learning: Vec<LearningLine>,
    /// Their job history, the latest first.
    history: Vec<HistoryLine>,
}

/// One row of a person's job history as the timeline shows it.
#[derive(Clone)]
struct HistoryLine {
    when: String,
    when_iso: String,
    /// What changed since the row before, one sentence each.
    changes: Vec<String>,
    source: &'static str,
}

/// A person's job history, the latest first, each row said against the one before.
async fn history_lines(state: &State, id: i32) -> Result<Vec<HistoryLine>, AppError> {
    let entries = run_db(state, move |conn| Ok(db::history::timeline(conn, id)?)).await?;
    let t = crate::web::language::words();
    let mut lines: Vec<HistoryLine> = entries
        .iter()
        .enumerate()
        .map(|(at, entry)| HistoryLine {
            when: long_date(entry.effective_on),
            when_iso: entry.effective_on.to_string(),
            changes: describe(at.checked_sub(1).map(|before| &entries[before]), entry)
                .iter()
                .map(|change| t.say(change))
                .collect(),
            source: t.name(entry.source),
        })
        .collect();
    lines.reverse();
    Ok(lines)
}

impl PersonPage {
    fn error(&self, field: &str) -> String {
        crate::web::language::words().error(&self.errors, field)
    }
}

/// What the person's page shows of the stored record: name, e-mail and live sessions.
#[derive(Clone)]
struct Stored {
    name: String,
    email: String,
    sessions: i64,
    has_password: Option<bool>,
    learning: Vec<LearningLine>,
    history: Vec<HistoryLine>,
}

fn person_page(
    viewer: &Viewer,
    id: i32,
    Stored { name, email, sessions, has_password, learning, history }: Stored,
    input: PersonInput,
    errors: FieldErrors,
) -> PersonPage {
    let choose = |all: Vec<(&'static str, &'static str)>, chosen: &str| {
        all.into_iter().map(|(value, label)| Choice { value, label, selected: value == chosen }).collect()
    };
    let chrome = viewer.chrome(super::NAV);
    let t = chrome.t;
    PersonPage {
        chrome,
        id,
        name,
        email,
        sessions,
        has_password,
        families: choose(JobFamily::ALL.iter().map(|f| (f.as_str(), t.name(*f))).collect(), &input.job_family),
        sites: choose(SiteType::ALL.iter().map(|s| (s.as_str(), t.name(*s))).collect(), &input.site_type),
        employment: choose(
            EmploymentType::ALL.iter().map(|e| (e.as_str(), t.name(*e))).collect(),
            &input.employment_type,
        ),
        input,
        errors,
        learning,
        history,
    }
}

impl FormFields for PersonInput {
    const CHECKED_TEXT: &'static [&'static str] = &["display_name", "job_title", "hire_date", "manager_email"];
}

#[get("/admin/employees/{id}")]
pub async fn show_employee(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    let id = id.into_inner();
    let idle = state.settings.session_idle;
    let (person, manager_email, sessions) = run_db(&state, move |conn| {
        let person = db::employees::find_by_id(conn, id)?;
        let manager_email = match person.manager_id {
            Some(m) => db::employees::find_by_id(conn, m)?.email,
            None => String::new(),
        };
        Ok((person, manager_email, db::sessions::count_live_for_employee(conn, id, idle)?))
    })
    .await?;
    let input = PersonInput::of(&person, manager_email);
    let has_password = (state.settings.auth == crate::config::AuthMode::Password)
        .then(|| person.password_hash.as_deref().is_some_and(|hash| !hash.is_empty()));
    let learning = learning_lines(&state, id).await?;
    let history = history_lines(&state, id).await?;
    let stored = Stored {
        name: person.display_name.clone(),
        email: person.email.clone(),
        sessions,
        has_password,
        learning,
        history,
    };
    page(&req, &person_page(&viewer, id, stored, input, FieldErrors::default()))
}

#[post("/admin/employees/{id}")]
pub async fn update_employee(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    form: CsrfForm<PersonInput>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    let id = id.into_inner();
    let input = form.0;
    let idle = state.settings.session_idle;
    let password_sign_in = state.settings.auth == crate::config::AuthMode::Password;
    let stored = run_db(&state, move |conn| {
        let person = db::employees::find_by_id(conn, id)?;
        let sessions = db::sessions::count_live_for_employee(conn, id, idle)?;
        let has_password =
            password_sign_in.then(|| person.password_hash.as_deref().is_some_and(|hash| !hash.is_empty()));
        Ok(Stored {
            name: person.display_name,
            email: person.email,
            sessions,
            has_password,
            learning: Vec::new(),
            history: Vec::new(),
        })
    })
    .await?;
    let stored =
        Stored { learning: learning_lines(&state, id).await?, history: history_lines(&state, id).await?, ..stored };
    let refuse = |field: &'static str, message: &str, input: PersonInput| {
        let mut errors = FieldErrors::default();
        errors.add(field, Message::said(message));
        page_with_status(
            &req,
            &person_page(&viewer, id, stored.clone(), input, errors),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
    };
    let draft = match parse_person(&input, today()) {
        Ok(draft) => draft,
        Err(errors) => {
            return page_with_status(
                &req,
                &person_page(&viewer, id, stored.clone(), input, errors),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
        }
    };
    if id == viewer.id() && !draft.active {
        return refuse("active", words().m("people-refuse-self"), input);
    }
    let admin = viewer.employee.clone();
    let result = run_db(&state, move |conn| Ok(workflow::update_person(conn, &admin, id, &draft))).await?;
    match result {
        Ok(updated) => {
            let message = words().count("people-saved", updated.places_withdrawn);
            Ok(redirect_with_flash(&format!("/admin/employees/{id}"), "success", &message))
        }
        Err(WorkflowError::PersonRefused(refusal)) => {
            let t = words();
            let (field, message) = match refusal {
                PersonChangeError::LastAdmin => ("is_admin", t.m("people-refuse-last-admin")),
                PersonChangeError::UnknownManager => ("manager_email", t.m("people-refuse-unknown-manager")),
                PersonChangeError::Manager(ManagerChangeError::OwnManager) => {
                    ("manager_email", t.m("people-refuse-own-manager"))
                }
                PersonChangeError::Manager(ManagerChangeError::Cycle) => ("manager_email", t.m("people-refuse-cycle")),
                PersonChangeError::Manager(ManagerChangeError::InactiveManager) => {
                    ("manager_email", t.m("people-refuse-inactive-manager"))
                }
            };
            refuse(field, message, input)
        }
        Err(other) => Err(other.into()),
    }
}

/// Ends every session of one person (a lost laptop, a suspected break-in): they must
/// sign in again everywhere.
#[post("/admin/employees/{id}/sessions/end")]
pub async fn end_sessions(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    _form: CsrfForm<EmptyForm>,
) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    let (id, admin_id) = (id.into_inner(), viewer.id());
    let (email, ended) = run_db(&state, move |conn| {
        db::audit::audited(conn, |conn, _| {
            let email = db::employees::find_by_id(conn, id)?.email;
            let ended = db::sessions::delete_for_employee(conn, id)?;
            let line = AuditLine {
                actor_id: Some(admin_id),
                action: AuditAction::PersonSessionsEnded,
                subject: email.clone(),
                details: format!("{} ended", count_of(ended, "session", "sessions")),
            };
            Ok::<_, AppError>(((email, ended), Some(line)))
        })
    })
    .await?;
    let message = words().count_with("people-sessions-ended", ended, "email", email);
    Ok(redirect_with_flash(&format!("/admin/employees/{id}"), "success", &message))
}
