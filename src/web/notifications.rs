//! The inbox: what happened to my applications and what waits on me.

use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::format::long_time;
use super::paging::{PageQuery, Pagination};
use super::{page, redirect_with_flash, run_db, Chrome, CsrfForm, State, Viewer};
use crate::db;
use crate::web::error::AppError;
use crate::web::input::FormFields;
use crate::web::language::words;

const NOTIFICATIONS_PER_PAGE: i64 = 50;

pub struct NotificationView {
    pub id: i32,
    pub body: String,
    pub when: String,
    pub unread: bool,
    pub application_id: Option<i32>,
}

#[derive(Template)]
#[template(path = "notifications/list.html")]
struct InboxPage {
    chrome: Chrome,
    notifications: Vec<NotificationView>,
    unread: i64,
    pagination: Pagination,
}

#[get("/notifications")]
pub async fn list_notifications(
    state: State,
    viewer: Viewer,
    query: web::Query<PageQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let employee_id = viewer.id();
    let requested = query.into_inner().page().unwrap_or(1);
    let (items, pagination) = run_db(&state, move |conn| {
        let total = db::notifications::count_all(conn, employee_id)?;
        let pagination = Pagination::new(requested, total, NOTIFICATIONS_PER_PAGE, "/notifications");
        let items = db::notifications::page(
            conn,
            employee_id,
            pagination.offset(NOTIFICATIONS_PER_PAGE),
            NOTIFICATIONS_PER_PAGE,
        )?;
        Ok((items, pagination))
    })
    .await?;
    let t = words();
    let notifications = items
        .into_iter()
        .map(|n| NotificationView {
            id: n.id,
            body: n.words(t),
            when: long_time(n.created_at),
            unread: n.read_at.is_none(),
            application_id: n.application_id,
        })
        .collect();
    let template = InboxPage {
        chrome: viewer.chrome("notifications"),
        notifications,
        unread: viewer.unread_notifications,
        pagination,
    };
    page(&req, &template)
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct MarkReadForm {
    /// One notification; empty for all of them.
    id: String,
}

impl FormFields for MarkReadForm {
    const CHECKED_TEXT: &'static [&'static str] = &[];
}

#[post("/notifications/read")]
pub async fn mark_notifications_read(
    state: State,
    viewer: Viewer,
    form: CsrfForm<MarkReadForm>,
) -> Result<HttpResponse, AppError> {
    let employee_id = viewer.id();
    let id = match form.0.id.trim() {
        "" => None,
        text => {
            Some(text.parse::<i32>().map_err(|_| AppError::BadRequest("notification id is not a number".to_owned()))?)
        }
    };
    let marked =
        run_db(&state, move |conn| Ok(db::notifications::mark_read(conn, employee_id, id, crate::clock::now())?))
            .await?;
    let t = words();
    let message = match (id, marked) {
        (Some(_), 0) => t.m("notifications-already-read").to_owned(),
        (Some(_), _) => t.m("notifications-marked").to_owned(),
        (None, 0) => t.m("notifications-nothing-unread").to_owned(),
        (None, n) => t.count("notifications-marked-count", n),
    };
    Ok(redirect_with_flash("/notifications", "success", &message))
}
