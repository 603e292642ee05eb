//! The account page: who I am as Upskill knows me, where I am signed in, and "sign out
//! everywhere" (a lost laptop, a shared computer left signed in).

use actix_session::Session;
use actix_web::{get, post, HttpRequest, HttpResponse};
use askama::Template;

use super::{page, redirect_with_flash, run_db, Chrome, CsrfForm, EmptyForm, State, Viewer};
use crate::db;
use crate::domain::SiteType;
use crate::error::AppError;

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    chrome: Chrome,
    name: String,
    email: String,
    job_title: String,
    site: &'static str,
    /// The manager's name, or empty.
    manager: String,
    /// Live sessions, this one included.
    sessions: i64,
}

#[get("/account")]
pub async fn show_account(state: State, viewer: Viewer, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let (id, manager_id, idle) = (viewer.id(), viewer.employee.manager_id, state.settings.session_idle);
    let (manager, sessions) = run_db(&state, move |conn| {
        let manager = match manager_id {
            Some(manager_id) => db::employees::find_by_id(conn, manager_id)?.display_name,
            None => String::new(),
        };
        Ok((manager, db::sessions::count_live_for_employee(conn, id, idle)?))
    })
    .await?;
    let employee = &viewer.employee;
    let template = AccountPage {
        chrome: viewer.chrome("account"),
        name: employee.display_name.clone(),
        email: employee.email.clone(),
        job_title: employee.job_title.clone(),
        site: employee.site_type.parse::<SiteType>().map(SiteType::label).unwrap_or("—"),
        manager,
        sessions,
    };
    page(&req, &template)
}

/// Ends every session of the signed-in person, this one included.
#[post("/account/sign-out-everywhere")]
pub async fn sign_out_everywhere(
    state: State,
    viewer: Viewer,
    session: Session,
    _form: CsrfForm<EmptyForm>,
) -> Result<HttpResponse, AppError> {
    let (id, email) = (viewer.id(), viewer.employee.email.clone());
    run_db(&state, move |conn| {
        db::write_transaction(conn, |conn| {
            let ended = db::sessions::delete_for_employee(conn, id)?;
            let details = format!("{ended} session(s) ended");
            db::audit::record(conn, Some(id), "account.signed_out_everywhere", &email, &details, db::now())?;
            Ok::<_, AppError>(())
        })
    })
    .await?;
    session.purge();
    if state.settings.auth.is_single_sign_on() {
        return Ok(super::sso::signed_out(&state));
    }
    Ok(redirect_with_flash("/login", "info", "You have signed out everywhere: every browser must sign in again."))
}
