//! A program's team (`/admin/programs/{slug}/team`): who runs the program, owners and
//! coordinators. Admins find people by name or e-mail and add or remove them; the team
//! sees who is on it.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::programs::load_run_program;
use super::require_admin;
use crate::db::program_teams::TeamChange;
use crate::db::{self};
use crate::domain::forms::FieldErrors;
use crate::domain::message::Message;
use crate::domain::text::check_line;
use crate::domain::TeamRole;
use crate::web::error::AppError;
use crate::web::input::FormFields;
use crate::web::language::words;
use crate::web::{page_with_status, redirect_with_flash, run_db, Chrome, CsrfForm, State, Viewer};

/// The most people a search lists; past it the page asks for more of the name.
const FOUND_AT_MOST: i64 = 10;

/// The longest search the picker takes.
const SEARCH_AT_MOST: usize = 100;

pub struct MemberLine {
    pub employee_id: i32,
    pub name: String,
    pub email: String,
    pub job_title: String,
    pub role: TeamRole,
    pub active: bool,
}

pub struct FoundLine {
    pub employee_id: i32,
    pub name: String,
    pub email: String,
    pub job_title: String,
    pub active: bool,
    /// Their role when already on the team.
    pub on_team: Option<TeamRole>,
}

#[derive(Template)]
#[template(path = "admin/program_team.html")]
struct TeamPage {
    chrome: Chrome,
    program_name: String,
    program_slug: String,
    is_admin: bool,
    members: Vec<MemberLine>,
    search: String,
    /// The people the search found; `None` before a search.
    found: Option<Vec<FoundLine>>,
    /// The search found more than it lists.
    more_found: bool,
    /// What is wrong with the search (`q`).
    errors: FieldErrors,
    roles: &'static [TeamRole],
}

impl TeamPage {
    fn error(&self, field: &str) -> String {
        words().error(&self.errors, field)
    }

    /// A role's name inside a sentence, in lower case ("Make owner", "Add as coordinator").
    fn role_name(&self, role: &TeamRole) -> String {
        self.chrome.t.name(*role).to_lowercase()
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TeamQuery {
    q: String,
}

#[get("/admin/programs/{slug}/team")]
pub async fn show_team(
    state: State,
    viewer: Viewer,
    slug: web::Path<String>,
    query: web::Query<TeamQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let program = load_run_program(&state, &viewer, slug.into_inner()).await?;
    let is_admin = viewer.employee.is_admin;
    let search = query.into_inner().q.trim().to_owned();
    let mut errors = FieldErrors::default();
    if search.chars().count() > SEARCH_AT_MOST {
        errors.add("q", Message::new("team-error-search-length").number("max", SEARCH_AT_MOST as i64));
    } else if check_line(&search).is_err() {
        errors.add("q", Message::new("team-error-search-characters"));
    }
    let searching = is_admin && !search.is_empty() && errors.is_empty();
    let (members, found) = run_db(&state, {
        let search = search.clone();
        move |conn| {
            let members = db::program_teams::members(conn, program.id)?;
            let found =
                if searching { Some(db::employees::directory(conn, &search, None, FOUND_AT_MOST + 1)?) } else { None };
            Ok((members, found))
        }
    })
    .await?;
    let more_found = found.as_ref().is_some_and(|f| f.len() as i64 > FOUND_AT_MOST);
    let found = found.map(|rows| {
        rows.into_iter()
            .take(FOUND_AT_MOST as usize)
            .map(|row| FoundLine {
                on_team: members.iter().find(|m| m.employee_id == row.id).map(|m| m.role),
                employee_id: row.id,
                name: row.display_name,
                email: row.email,
                job_title: row.job_title,
                active: row.active,
            })
            .collect()
    });
    let members = members
        .into_iter()
        .map(|m| MemberLine {
            employee_id: m.employee_id,
            name: m.display_name,
            email: m.email,
            job_title: m.job_title,
            role: m.role,
            active: m.active,
        })
        .collect();
    let template = TeamPage {
        chrome: viewer.chrome(super::NAV),
        program_name: program.name,
        program_slug: program.slug,
        is_admin,
        members,
        search,
        found,
        more_found,
        errors,
        roles: TeamRole::ALL,
    };
    let status = if template.errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    page_with_status(&req, &template, status)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct TeamChangeForm {
    employee_id: String,
    /// `owner`, `coordinator`, or `remove`.
    role: String,
}

impl FormFields for TeamChangeForm {
    const CHECKED_TEXT: &'static [&'static str] = &["employee_id", "role"];
}

/// Adds someone to the team, changes their role, or takes them off it (admins only).
#[post("/admin/programs/{slug}/team")]
pub async fn change_team(
    state: State,
    viewer: Viewer,
    slug: web::Path<String>,
    form: CsrfForm<TeamChangeForm>,
) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    let program = load_run_program(&state, &viewer, slug.into_inner()).await?;
    let form = form.0;
    let employee_id: i32 =
        form.employee_id.trim().parse().map_err(|_| AppError::BadRequest("employee_id is not a number".to_owned()))?;
    let role = match form.role.trim() {
        "remove" => None, // not a stored name
        role => Some(role.parse::<TeamRole>().map_err(|_| AppError::BadRequest("unknown team role".to_owned()))?),
    };
    let admin_id = viewer.id();
    let (program_id, slug) = (program.id, program.slug.clone());
    let (person, change) = run_db(&state, move |conn| {
        let person = db::employees::find_by_id(conn, employee_id)?;
        let member = (person.id, person.email.as_str());
        let change = match role {
            Some(_) if !person.active => None,
            Some(role) => Some(db::program_teams::put(conn, (program_id, &slug), member, role, admin_id)?),
            None => Some(db::program_teams::remove(conn, (program_id, &slug), member, admin_id)?),
        };
        Ok((person, change))
    })
    .await?;
    let back = format!("/admin/programs/{}/team", program.slug);
    let name = &person.display_name;
    let t = words();
    // The role inside a sentence, in lower case ("is on the team as coordinator").
    let role_name = role.map(|r| t.name(r).to_lowercase()).unwrap_or_default();
    let (kind, message) = match change {
        None => ("error", t.with("program-team-cannot-join", "name", name)),
        Some(TeamChange::Added) => ("success", t.with_two("program-team-added", "name", name, "role", &role_name)),
        Some(TeamChange::RoleChanged) => {
            ("success", t.with_two("program-team-role-changed", "name", name, "role", &role_name))
        }
        Some(TeamChange::Unchanged) => {
            ("success", t.with_two("program-team-unchanged", "name", name, "role", &role_name))
        }
        Some(TeamChange::Removed) => ("success", t.with("program-team-removed", "name", name)),
        Some(TeamChange::NotMember) => ("success", t.with("program-team-not-member", "name", name)),
    };
    Ok(redirect_with_flash(&back, kind, &message))
}
