//! The audit log: every administrative change, newest first, filterable, append-only.

use actix_web::{get, web, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::require_admin;
use crate::db;
use crate::web::error::AppError;
use crate::web::format::long_time;
use crate::web::{page, run_db, url_encode, Chrome, State, Viewer};

const ENTRIES_PER_PAGE: i64 = 50;

/// The kinds of action to filter by: (prefix, the message naming it).
const ACTIONS: [(&str, &str); 7] = [
    ("program.", "audit-filter-programs"),
    ("proposal.", "audit-filter-proposals"),
    ("intake.", "audit-filter-intakes"),
    ("employee", "audit-filter-people"),
    ("settings.", "audit-filter-settings"),
    ("delegation.", "audit-filter-delegations"),
    ("", "audit-filter-everything"),
];

#[derive(Debug, Default, Deserialize)]
pub struct AuditQuery {
    action: Option<String>,
    subject: Option<String>,
    before: Option<String>,
}

pub struct EntryView {
    pub when: String,
    pub who: String,
    pub action: &'static str,
    pub subject: String,
    pub details: String,
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct AuditPage {
    chrome: Chrome,
    entries: Vec<EntryView>,
    actions: Vec<(&'static str, &'static str, bool)>,
    subject: String,
    next: Option<String>,
    filtered: bool,
}

#[get("/admin/audit")]
pub async fn show_audit(
    state: State,
    viewer: Viewer,
    query: web::Query<AuditQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    let action = query.action.clone().unwrap_or_default();
    let action = ACTIONS.iter().find(|(prefix, _)| *prefix == action).map_or("", |(prefix, _)| prefix);
    let subject: String = query.subject.as_deref().unwrap_or("").trim().chars().take(100).collect();
    let before = query.before.as_deref().and_then(|b| b.parse::<i32>().ok());
    let search = subject.clone();
    let mut rows =
        run_db(&state, move |conn| Ok(db::audit::page(conn, action, &search, before, ENTRIES_PER_PAGE + 1)?)).await?;
    let more = rows.len() as i64 > ENTRIES_PER_PAGE;
    rows.truncate(usize::try_from(ENTRIES_PER_PAGE).unwrap_or(50));
    let next = match (more, rows.last()) {
        (true, Some(last)) => Some(format!(
            "/admin/audit?action={}&subject={}&before={}",
            url_encode(action),
            url_encode(&subject),
            last.id
        )),
        _ => None,
    };
    let chrome = viewer.chrome(super::NAV);
    let t = chrome.t;
    let entries = rows
        .into_iter()
        .map(|row| EntryView {
            when: long_time(row.created_at),
            who: row.actor_name.unwrap_or_else(|| t.m("audit-command-line").to_owned()),
            action: row.action.as_str(),
            subject: row.subject,
            details: row.details,
        })
        .collect();
    let template = AuditPage {
        chrome,
        entries,
        actions: ACTIONS.iter().map(|(prefix, label)| (*prefix, t.m(label), *prefix == action)).collect(),
        filtered: !action.is_empty() || !subject.is_empty() || before.is_some(),
        subject,
        next,
    };
    page(&req, &template)
}
