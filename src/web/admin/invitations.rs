//! Invitations (password sign-in): one person from their page, or everyone who has no
//! password yet from the directory, after a confirmation. Each invitation is an e-mail
//! with a one-time link to `/welcome/{token}` (see `db::access_links`).

use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;

use super::require_admin;
use crate::db;
use crate::domain::words::count_of;
use crate::web::error::AppError;
use crate::web::{page, redirect_with_flash, run_db, Chrome, CsrfForm, EmptyForm, State, Viewer};

/// How many names the confirmation lists before "and N more".
const NAMES_SHOWN: i64 = 50;

/// Sends one person an invitation; the older one stops working.
#[post("/admin/employees/{id}/invite")]
pub async fn invite_person(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    _form: CsrfForm<EmptyForm>,
) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    crate::web::auth::password_sign_in_only(&state)?;
    let id = id.into_inner();
    let inviter = (viewer.id(), viewer.employee.display_name.clone());
    let public_url = state.settings.public_url();
    let by_mail = state.settings.mail.smtp_url.is_some();
    let sent = run_db(&state, move |conn| {
        let person = db::employees::find_by_id(conn, id)?;
        if !person.active {
            return Ok(None);
        }
        Ok(Some(db::access_links::invite(conn, &person, Some((inviter.0, &inviter.1)), &public_url, by_mail)?))
    })
    .await?;
    let back = format!("/admin/employees/{id}");
    let Some(sent) = sent else {
        return Ok(redirect_with_flash(&back, "error", "This person is not active: tick Active and save first."));
    };
    let message = if by_mail {
        format!(
            "Invitation sent to {}. The link works once, for 7 days; an older invitation no longer works.",
            sent.email
        )
    } else {
        format!(
            "Upskill sends no e-mail on this server, so give {} this link yourself (it works once, for 7 days): {}",
            sent.display_name, sent.url
        )
    };
    Ok(redirect_with_flash(&back, "success", &message))
}

#[derive(Template)]
#[template(path = "admin/invite_all.html")]
struct InviteAllPage {
    chrome: Chrome,
    count: usize,
    names: Vec<(i32, String, String)>,
    more: usize,
    sends_mail: bool,
}

/// The confirmation: who has no password, and what sending does.
#[get("/admin/employees/invite-all")]
pub async fn confirm_invite_all(state: State, viewer: Viewer, req: HttpRequest) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    crate::web::auth::password_sign_in_only(&state)?;
    let (count, people) = run_db(&state, |conn| {
        let count = db::access_links::count_without_password(conn)?;
        Ok((count, db::access_links::people_without_password(conn, Some(NAMES_SHOWN))?))
    })
    .await?;
    let count = usize::try_from(count).unwrap_or(usize::MAX);
    let names: Vec<_> = people.into_iter().map(|p| (p.id, p.email, p.display_name)).collect();
    let more = count.saturating_sub(names.len());
    let sends_mail = state.settings.mail.smtp_url.is_some();
    page(&req, &InviteAllPage { chrome: viewer.chrome(super::NAV), count, names, more, sends_mail })
}

/// Invites everyone active who has no password, one transaction each.
#[post("/admin/employees/invite-all")]
pub async fn invite_all(state: State, viewer: Viewer, _form: CsrfForm<EmptyForm>) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    crate::web::auth::password_sign_in_only(&state)?;
    if state.settings.mail.smtp_url.is_none() {
        let message = "Upskill sends no e-mail on this server, so nothing was sent. To hand the links out \
                       yourself, run `upskill invite --all-without-password` on the server: it prints them.";
        return Ok(redirect_with_flash("/admin/employees/invite-all", "error", message));
    }
    let inviter = (viewer.id(), viewer.employee.display_name.clone());
    let public_url = state.settings.public_url();
    let sent = run_db(&state, move |conn| {
        let people = db::access_links::people_without_password(conn, None)?;
        for person in &people {
            db::access_links::invite(conn, person, Some((inviter.0, &inviter.1)), &public_url, true)?;
        }
        Ok(people.len())
    })
    .await?;
    let message = match sent {
        0 => "Everyone active already has a password: no invitation was sent.".to_owned(),
        n => format!("Sent {}. Each link works once, for 7 days.", count_of(n, "invitation", "invitations")),
    };
    Ok(redirect_with_flash("/admin/employees", "success", &message))
}
