//! A manager's team: direct reports and their applications, and delegation of
//! decisions while the manager is away.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::NaiveDate;
use serde::Deserialize;

use super::format::long_date;
use super::{page_with_status, redirect_with_flash, run_db, Chrome, CsrfForm, State, Viewer};
use crate::clock::today;
use crate::db;
use crate::db::audit::AuditLine;
use crate::domain::delegation_form::{check_delegate, parse_delegation, Delegate, DelegationInput};
use crate::domain::forms::FieldErrors;
use crate::domain::message::Message;
use crate::domain::AuditAction;
use crate::web::error::AppError;
use crate::web::input::FormFields;
use crate::web::language;

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
    pub fn error(&self, field: &str) -> String {
        crate::web::language::words().error(&self.errors, field)
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
    let chrome = viewer.chrome("team");
    let t = chrome.t;
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
                    status_label: t.name(a.status),
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
    let template = TeamPage { chrome, members, delegations, form, today: today.to_string() };
    page_with_status(req, &template, status)
}

#[get("/team")]
pub async fn show_team(state: State, viewer: Viewer, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let form = DelegationFormView { input: DelegationInput::default(), errors: FieldErrors::default() };
    team_page(&state, &viewer, form, StatusCode::OK, &req).await
}

impl FormFields for DelegationInput {
    const CHECKED_TEXT: &'static [&'static str] = &["delegate_email", "starts_on", "ends_on"];
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
    let delegate = match draft.delegate_email {
        Some(email) => {
            let found = run_db(&state, move |conn| {
                let Some(person) = db::employees::find_by_email(conn, email.as_str())? else {
                    return Ok(None);
                };
                let decides = person.is_admin || db::employees::has_direct_reports(conn, person.id)?;
                Ok(Some((Delegate { id: person.id, active: person.active, decides }, person)))
            })
            .await?;
            let (checked, person) = found.map_or((None, None), |(d, p)| (Some(d), Some(p)));
            check_delegate(checked, manager_id)
                .map_err(|message| errors.add("delegate_email", message))
                .ok()
                .and(person)
        }
        None => None,
    };
    errors.sort_by_fields(&["delegate_email", "starts_on", "ends_on"]);
    let (Some(delegate), Some((starts_on, ends_on)), true) = (delegate, draft.period, errors.is_empty()) else {
        let view = DelegationFormView { input, errors };
        return team_page(&state, &viewer, view, StatusCode::UNPROCESSABLE_ENTITY, &req).await;
    };
    let manager = viewer.employee.clone();
    let t = language::words();
    let message = format!(
        "{} {} {} {}.",
        delegate.display_name,
        t.m("team-decides-for-you"),
        t.with("team-from", "date", long_date(starts_on)),
        t.with("team-to", "date", long_date(ends_on))
    );
    run_db(&state, move |conn| {
        db::audit::audited(conn, |conn, now| {
            db::delegations::insert(conn, manager.id, delegate.id, starts_on, ends_on, now)?;
            let waiting = db::applications::awaiting_approver(conn, manager.id)?.len();
            let notice = delegation_notice(&manager.display_name, (starts_on, ends_on), today(), waiting);
            db::notifications::notify(conn, delegate.id, None, &notice, now)?;
            let line = AuditLine {
                actor_id: Some(manager.id),
                action: AuditAction::DelegationCreated,
                subject: delegate.email.clone(),
                details: format!(
                    "{} decides for {} ({}) from {starts_on} to {ends_on}",
                    delegate.display_name, manager.display_name, manager.email
                ),
            };
            Ok::<_, AppError>(((), Some(line)))
        })
    })
    .await?;
    Ok(redirect_with_flash("/team", "success", &message))
}

/// What the delegate is told when named.
fn delegation_notice(
    manager: &str,
    (starts_on, ends_on): (NaiveDate, NaiveDate),
    today: NaiveDate,
    waiting: usize,
) -> Message {
    let named =
        Message::new("notice-delegate-named").text("manager", manager).date("from", starts_on).date("to", ends_on);
    if starts_on <= today && waiting > 0 {
        named.then(Message::new("notice-delegate-waiting").number("count", waiting))
    } else {
        named
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct EndDelegationForm {}

impl FormFields for EndDelegationForm {
    const CHECKED_TEXT: &'static [&'static str] = &[];
}

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
    let manager = viewer.employee.clone();
    let id = id.into_inner();
    let today = today();
    let ended = run_db(&state, move |conn| {
        db::audit::audited(conn, |conn, now| {
            let current = db::delegations::current_for_manager(conn, manager.id, today)?;
            let Some(delegation) = current.into_iter().find(|d| d.id == id) else {
                return Ok::<_, AppError>((false, None));
            };
            if db::delegations::end(conn, id, manager.id, today)? == 0 {
                return Ok((false, None));
            }
            let started = delegation.starts_on < today;
            let notice = if started {
                Message::new("notice-delegation-ended").text("manager", manager.display_name.as_str())
            } else {
                Message::new("notice-delegation-cancelled")
                    .text("manager", manager.display_name.as_str())
                    .date("from", delegation.starts_on)
                    .date("to", delegation.ends_on)
            };
            db::notifications::notify(conn, delegation.delegate_id, None, &notice, now)?;
            let line = AuditLine {
                actor_id: Some(manager.id),
                action: AuditAction::DelegationEnded,
                subject: delegation.other_email.clone(),
                details: format!(
                    "{} no longer decides for {} ({}): {} from {} to {}",
                    delegation.other_name,
                    manager.display_name,
                    manager.email,
                    if started { "ended" } else { "cancelled" },
                    delegation.starts_on,
                    delegation.ends_on
                ),
            };
            Ok((true, Some(line)))
        })
    })
    .await?;
    if !ended {
        return Err(AppError::NotFound);
    }
    Ok(redirect_with_flash("/team", "success", language::words().m("team-delegation-ended")))
}
