//! A manager's team: direct reports and their applications, and delegation of
//! decisions while the manager is away.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::format::long_date;
use super::{page_with_status, redirect_with_flash, run_db, Chrome, CsrfForm, State, Viewer};
use crate::clock::today;
use crate::db;
use crate::db::audit::AuditLine;
use crate::domain::delegation_form::{check_delegate, parse_delegation, Delegate, DelegationInput};
use crate::domain::forms::FieldErrors;
use crate::domain::AuditAction;
use crate::web::error::AppError;

pub struct TeamApplicationView {
    pub id: i32,
    pub program_name: String,
    pub status: &'static str,
    pub status_label: &'static str,
    pub submitted_on: String,
}

pub struct TeamMember {
    pub name: String,
    pub email: String,
    pub job_title: String,
    pub applications: Vec<TeamApplicationView>,
}

pub struct DelegationLine {
    pub id: i32,
    pub delegate_name: String,
    pub starts_on: String,
    pub ends_on: String,
    pub active_now: bool,
}

pub struct DelegationFormView {
    pub input: DelegationInput,
    pub errors: FieldErrors,
}

impl DelegationFormView {
    pub fn error(&self, field: &str) -> &str {
        self.errors.get(field).unwrap_or("")
    }
}

#[derive(Template)]
#[template(path = "team/team.html")]
struct TeamPage {
    chrome: Chrome,
    members: Vec<TeamMember>,
    delegations: Vec<DelegationLine>,
    form: DelegationFormView,
    today: String,
}

async fn team_page(
    state: &State,
    viewer: &Viewer,
    form: DelegationFormView,
    status: StatusCode,
    req: &HttpRequest,
) -> Result<HttpResponse, AppError> {
    if !viewer.is_manager {
        return Err(AppError::Forbidden);
    }
    let manager_id = viewer.id();
    let today = today();
    let (reports, applications, delegations) = run_db(state, move |conn| {
        let reports = db::employees::direct_reports(conn, manager_id)?;
        let ids: Vec<i32> = reports.iter().map(|r| r.id).collect();
        let applications = db::applications::for_employees(conn, &ids)?;
        let delegations = db::delegations::current_for_manager(conn, manager_id, today)?;
        Ok((reports, applications, delegations))
    })
    .await?;
    let members = reports
        .into_iter()
        .map(|person| TeamMember {
            applications: applications
                .iter()
                .filter(|a| a.employee_id == person.id)
                .map(|a| TeamApplicationView {
                    id: a.id,
                    program_name: a.program_name.clone(),
                    status_label: a.status.label(),
                    status: a.status.as_str(),
                    submitted_on: long_date(a.submitted_at.date()),
                })
                .collect(),
            name: person.display_name,
            email: person.email,
            job_title: person.job_title,
        })
        .collect();
    let delegations = delegations
        .into_iter()
        .map(|d| DelegationLine {
            id: d.id,
            delegate_name: d.other_name,
            starts_on: long_date(d.starts_on),
            ends_on: long_date(d.ends_on),
            active_now: d.starts_on <= today && today <= d.ends_on,
        })
        .collect();
    let template = TeamPage { chrome: viewer.chrome("team"), members, delegations, form, today: today.to_string() };
    page_with_status(req, &template, status)
}

#[get("/team")]
pub async fn show_team(state: State, viewer: Viewer, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let form = DelegationFormView { input: DelegationInput::default(), errors: FieldErrors::default() };
    team_page(&state, &viewer, form, StatusCode::OK, &req).await
}

#[post("/team/delegations")]
pub async fn add_delegation(
    state: State,
    viewer: Viewer,
    form: CsrfForm<DelegationInput>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    if !viewer.is_manager {
        return Err(AppError::Forbidden);
    }
    let input = form.0;
    let mut errors = FieldErrors::default();
    let draft = parse_delegation(&input, today(), &mut errors);
    let manager_id = viewer.id();
    let delegate_id = match draft.delegate_email {
        Some(email) => {
            let found = run_db(&state, move |conn| {
                let Some(person) = db::employees::find_by_email(conn, email.as_str())? else {
                    return Ok(None);
                };
                let decides = person.is_admin || db::employees::has_direct_reports(conn, person.id)?;
                Ok(Some(Delegate { id: person.id, active: person.active, decides }))
            })
            .await?;
            check_delegate(found, manager_id).map_err(|message| errors.add("delegate_email", message)).ok()
        }
        None => None,
    };
    errors.sort_by_fields(&["delegate_email", "starts_on", "ends_on"]);
    let (Some(delegate_id), Some((starts_on, ends_on)), true) = (delegate_id, draft.period, errors.is_empty()) else {
        let view = DelegationFormView { input, errors };
        return team_page(&state, &viewer, view, StatusCode::UNPROCESSABLE_ENTITY, &req).await;
    };
    run_db(&state, move |conn| {
        db::audit::audited(conn, |conn, now| {
            db::delegations::insert(conn, manager_id, delegate_id, starts_on, ends_on, now)?;
            let line = AuditLine {
                actor_id: Some(manager_id),
                action: AuditAction::DelegationCreated,
                subject: format!("employee {delegate_id}"),
                details: format!("{starts_on} to {ends_on}"),
            };
            Ok::<_, AppError>(((), Some(line)))
        })
    })
    .await?;
    let message = format!("Your delegate decides for you from {} to {}.", long_date(starts_on), long_date(ends_on));
    Ok(redirect_with_flash("/team", "success", &message))
}

#[derive(Debug, Default, Deserialize)]
pub struct EndDelegationForm {}

#[post("/team/delegations/{id}/end")]
pub async fn end_delegation(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    _form: CsrfForm<EndDelegationForm>,
) -> Result<HttpResponse, AppError> {
    if !viewer.is_manager {
        return Err(AppError::Forbidden);
    }
    let manager_id = viewer.id();
    let id = id.into_inner();
    let ended = run_db(&state, move |conn| Ok(db::delegations::end(conn, id, manager_id, today())?)).await?;
    if ended == 0 {
        return Err(AppError::NotFound);
    }
    Ok(redirect_with_flash("/team", "success", "The delegation has ended."))
}
