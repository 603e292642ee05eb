//! The pledge's settings, `/admin/settings`: target, budget and deadline. A change is
//! stored with its before → after in the audit log, in the same transaction.

use actix_web::http::StatusCode;
use actix_web::{get, post, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::require_admin;
use crate::db;
use crate::domain::forms::FieldErrors;
use crate::domain::pledge::{parse_pledge_settings, PledgeInput};
use crate::web::error::AppError;
use crate::web::input::FormFields;
use crate::web::{page_with_status, redirect_with_flash, run_db, Chrome, CsrfForm, State, Viewer};

/// The form as shown: the values (as typed, or as stored) and the messages.
pub struct SettingsFormView {
    pub input: PledgeInput,
    pub errors: FieldErrors,
}

impl SettingsFormView {
    /// The message for a field, or "" (templates test `.is_empty()`).
    pub fn error(&self, field: &str) -> String {
        crate::web::language::words().error(&self.errors, field)
    }
}

#[derive(Template)]
#[template(path = "admin/settings.html")]
struct SettingsPage {
    chrome: Chrome,
    form: SettingsFormView,
}

#[get("/admin/settings")]
pub async fn show_settings(state: State, viewer: Viewer, req: HttpRequest) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    let settings = run_db(&state, |conn| Ok(db::settings::pledge(conn)?)).await?;
    let form = SettingsFormView { input: PledgeInput::from_settings(&settings), errors: FieldErrors::default() };
    page_with_status(&req, &SettingsPage { chrome: viewer.chrome(super::NAV), form }, StatusCode::OK)
}

/// The settings form, as posted.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SettingsFormData {
    target_employees: String,
    budget: String,
    deadline: String,
}

impl FormFields for SettingsFormData {
    const CHECKED_TEXT: &'static [&'static str] = &["target_employees", "budget", "deadline"];
}

#[post("/admin/settings")]
pub async fn save_settings(
    state: State,
    viewer: Viewer,
    form: CsrfForm<SettingsFormData>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    let data = form.0;
    let input = PledgeInput { target_employees: data.target_employees, budget: data.budget, deadline: data.deadline };
    let settings = match parse_pledge_settings(&input) {
        Ok(settings) => settings,
        Err(errors) => {
            let page = SettingsPage { chrome: viewer.chrome(super::NAV), form: SettingsFormView { input, errors } };
            return page_with_status(&req, &page, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let actor = viewer.id();
    let changes = run_db(&state, move |conn| Ok(db::settings::save_pledge(conn, actor, &settings)?)).await?;
    Ok(if changes.is_empty() {
        redirect_with_flash("/admin/settings", "info", "Nothing changed: the settings were already these.")
    } else {
        redirect_with_flash("/admin/settings", "success", &format!("Pledge settings saved ({}).", changes.join("; ")))
    })
}
