//! The account page: who I am as Upskill knows me, where I am signed in, "sign out
//! everywhere" (a lost laptop, a shared computer left signed in), and my calendar feed
//! (its routes are in `calendar`).

use actix_session::Session;
use actix_web::{get, post, HttpRequest, HttpResponse};
use askama::Template;

use super::calendar::{forget_new_feed_address, FeedPanel};
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
    feed: FeedPanel,
}

#[get("/account")]
pub async fn show_account(state: State, viewer: Viewer, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let (id, manager_id, idle) = (viewer.id(), viewer.employee.manager_id, state.settings.session_idle);
    let (manager, sessions, feed) = run_db(&state, move |conn| {
        let manager = match manager_id {
            Some(manager_id) => db::employees::find_by_id(conn, manager_id)?.display_name,
            None => String::new(),
        };
        let sessions = db::sessions::count_live_for_employee(conn, id, idle)?;
        Ok((manager, sessions, db::calendar::feed_of(conn, id)?))
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
        feed: FeedPanel::new(&state, &viewer, &req, feed),
    };
    let mut response = page(&req, &template)?;
    forget_new_feed_address(&req, &mut response)?;
    Ok(response)
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
    Ok(redirect_with_flash("/login", "info", "You have signed out everywhere: every browser must sign in again."))
}
