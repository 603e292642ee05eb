//! Every application, for the administrators: filters, keyset pages, and the CSV export
//! of exactly the filtered set, streamed in batches.

use actix_web::http::StatusCode;
use actix_web::{get, web, HttpRequest, HttpResponse};
use askama::Template;
use std::fmt::Write as _;

use chrono::{Days, NaiveDate};
use serde::Deserialize;

use super::csv_export::{csv_response, Batch};
use super::require_program_scope;
use crate::db::application_list::{AdminFilter, AdminRow};
use crate::db::program_teams::ProgramScope;
use crate::db::{self};
use crate::domain::application::Status;
use crate::domain::csv_cell::{line, push_cell};
use crate::domain::forms::FieldErrors;
use crate::domain::message::Message;
use crate::domain::{Cents, SiteType};
use crate::i18n::{Locale, Tr};
use crate::web::admin::programs::Choice;
use crate::web::error::AppError;
use crate::web::format::{long_time, money};
use crate::web::{page_with_status, run_db, url_encode, Chrome, State, Viewer};

const ROWS_PER_PAGE: i64 = 50;
const EXPORT_BATCH: i64 = 5_000;

/// The list's query string.
#[derive(Debug, Default, Deserialize, Clone)]
pub struct ListQuery {
    status: Option<String>,
    program: Option<String>,
    site_type: Option<String>,
    from: Option<String>,
    to: Option<String>,
    before: Option<String>,
}

/// The programs the viewer runs, every program for an admin, as the filter lists them.
pub async fn programs_in(state: &State, scope: &ProgramScope) -> Result<Vec<db::programs::Program>, AppError> {
    let scope = scope.clone();
    run_db(state, move |conn| {
        let mut programs = db::programs::list_all(conn)?;
        programs.retain(|p| scope.includes(p.id));
        Ok(programs)
    })
    .await
}

/// The query string's filters, checked against the programs, with a message per bad one;
/// never beyond the programs of `scope`.
fn parse_filter(
    query: &ListQuery,
    programs: &[db::programs::Program],
    scope: &ProgramScope,
) -> (AdminFilter, FieldErrors) {
    let mut errors = FieldErrors::default();
    let mut filter = AdminFilter { within_programs: scope.ids().map(<[i32]>::to_vec), ..AdminFilter::default() };
    let given = |value: &Option<String>| value.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned);
    if let Some(status) = given(&query.status) {
        match status.parse::<Status>() {
            Ok(status) => filter.status = Some(status),
            Err(_) => errors.add("status", Message::new("admin-applications-choose-status")),
        }
    }
    if let Some(slug) = given(&query.program) {
        match programs.iter().find(|p| p.slug == slug) {
            Some(program) => filter.program_id = Some(program.id),
            None => errors.add("program", Message::new("admin-applications-choose-program")),
        }
    }
    if let Some(site) = given(&query.site_type) {
        match site.parse::<SiteType>() {
            Ok(site) => filter.site_type = Some(site),
            Err(_) => errors.add("site_type", Message::new("admin-applications-choose-site")),
        }
    }
    let date = |errors: &mut FieldErrors, field: &'static str, value: Option<String>| -> Option<NaiveDate> {
        let value = value?;
        NaiveDate::parse_from_str(&value, "%Y-%m-%d")
            .map_err(|_| errors.add(field, Message::new("admin-applications-real-date")))
            .ok()
    };
    let from = date(&mut errors, "from", given(&query.from));
    let to = date(&mut errors, "to", given(&query.to));
    if let (Some(from), Some(to)) = (from, to) {
        if to < from {
            errors.add("to", Message::new("admin-applications-range"));
        }
    }
    filter.from = from.and_then(|d| d.and_hms_opt(0, 0, 0));
    filter.until = to.and_then(|d| d.checked_add_days(Days::new(1))).and_then(|d| d.and_hms_opt(0, 0, 0));
    (filter, errors)
}

/// The filters as a query string, to carry them to the next page and the export.
fn filter_query(query: &ListQuery) -> String {
    let pairs = [
        ("status", &query.status),
        ("program", &query.program),
        ("site_type", &query.site_type),
        ("from", &query.from),
        ("to", &query.to),
    ];
    pairs
        .iter()
        .filter_map(|(name, value)| {
            value.as_deref().filter(|v| !v.trim().is_empty()).map(|v| format!("{name}={}", url_encode(v.trim())))
        })
        .collect::<Vec<_>>()
        .join("&")
}

pub struct RowView {
    pub id: i32,
    pub created: String,
    pub status: &'static str,
    pub status_label: &'static str,
    pub employee: String,
    pub email: String,
    pub site: &'static str,
    pub program: String,
    pub detail: String,
}

fn optional_money(cents: Option<i64>) -> String {
    cents.map(|c| money(Cents(c))).unwrap_or_default()
}

impl From<AdminRow> for RowView {
    fn from(row: AdminRow) -> Self {
        let t = crate::web::language::words();
        RowView {
            id: row.id,
            created: db::application_list::parse_timestamp_text(&row.created_at).map_or(row.created_at, long_time),
            status_label: t.name(row.status),
            status: row.status.as_str(),
            employee: row.employee_name,
            email: row.employee_email,
            site: t.name(row.site_type),
            program: row.program_name,
            detail: row.intake_name.unwrap_or_else(|| optional_money(row.amount_cents)),
        }
    }
}

#[derive(Template)]
#[template(path = "admin/applications.html")]
struct ApplicationsPage {
    chrome: Chrome,
    rows: Vec<RowView>,
    errors: FieldErrors,
    query: ListQuery,
    statuses: Vec<Choice>,
    programs: Vec<(String, String, bool)>,
    sites: Vec<Choice>,
    export: String,
    next: Option<String>,
    first_page: Option<String>,
}

impl ApplicationsPage {
    fn error(&self, field: &str) -> String {
        crate::web::language::words().error(&self.errors, field)
    }

    fn value<'a>(&self, value: &'a Option<String>) -> &'a str {
        value.as_deref().unwrap_or("")
    }
}

#[get("/admin/applications")]
pub async fn list_applications(
    state: State,
    viewer: Viewer,
    query: web::Query<ListQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let scope = require_program_scope(&viewer)?;
    let query = query.into_inner();
    let programs = programs_in(&state, &scope).await?;
    let (filter, errors) = parse_filter(&query, &programs, &scope);
    let before = query.before.as_deref().and_then(|b| b.trim().parse::<i32>().ok());
    let rows = if errors.is_empty() {
        run_db(&state, move |conn| Ok(db::application_list::admin_page(conn, &filter, before, ROWS_PER_PAGE + 1)?))
            .await?
    } else {
        Vec::new()
    };
    let more = rows.len() as i64 > ROWS_PER_PAGE;
    let mut rows: Vec<RowView> = rows.into_iter().map(RowView::from).collect();
    rows.truncate(usize::try_from(ROWS_PER_PAGE).unwrap_or(50));
    let filters = filter_query(&query);
    let joiner = if filters.is_empty() { "" } else { "&" };
    let next = match (more, rows.last()) {
        (true, Some(last)) => Some(format!("/admin/applications?{filters}{joiner}before={}", last.id)),
        _ => None,
    };
    let first_page = before.map(|_| format!("/admin/applications?{filters}"));
    let chosen = |value: &Option<String>| value.clone().unwrap_or_default();
    let chrome = viewer.chrome(super::NAV);
    let t = chrome.t;
    let template = ApplicationsPage {
        chrome,
        statuses: Status::ALL
            .iter()
            .map(|s| Choice { value: s.as_str(), label: t.name(*s), selected: chosen(&query.status) == s.as_str() })
            .collect(),
        programs: programs.iter().map(|p| (p.slug.clone(), p.name.clone(), chosen(&query.program) == p.slug)).collect(),
        sites: SiteType::ALL
            .iter()
            .map(|s| Choice { value: s.as_str(), label: t.name(*s), selected: chosen(&query.site_type) == s.as_str() })
            .collect(),
        export: format!("/admin/applications.csv?{filters}"),
        rows,
        errors,
        query,
        next,
        first_page,
    };
    let status = if template.errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    page_with_status(&req, &template, status)
}

const CSV_HEADER: [&str; 12] = [
    "id",
    "created_at",
    "submitted_at",
    "decided_at",
    "status",
    "employee",
    "email",
    "site_type",
    "program",
    "intake",
    "amount",
    "covered",
];

/// `1234.50`, or nothing.
fn push_amount(out: &mut String, cents: Option<i64>) {
    if let Some(cents) = cents {
        let _ = write!(out, "{}.{:02}", cents / 100, cents % 100);
    }
}

/// The CSV lines of a batch of rows, written into one buffer.
fn csv_rows(rows: &[AdminRow]) -> String {
    let mut out = String::with_capacity(rows.len() * 160);
    for r in rows {
        // Times come from the database as `YYYY-MM-DD HH:MM:SS`: nothing to quote.
        let _ = write!(out, "{},{},{},", r.id, r.created_at, r.submitted_at);
        out.push_str(r.decided_at.as_deref().unwrap_or_default());
        for text in [r.status.as_str(), &r.employee_name, &r.employee_email, r.site_type.as_str(), &r.program_name] {
            out.push(',');
            push_cell(&mut out, text);
        }
        out.push(',');
        push_cell(&mut out, r.intake_name.as_deref().unwrap_or_default());
        out.push(',');
        push_amount(&mut out, r.amount_cents);
        out.push(',');
        push_amount(&mut out, r.covered_cents);
        out.push_str("\r\n");
    }
    out
}

#[get("/admin/applications.csv")]
pub async fn export_applications(
    state: State,
    viewer: Viewer,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let scope = require_program_scope(&viewer)?;
    let programs = programs_in(&state, &scope).await?;
    let (filter, errors) = parse_filter(&query, &programs, &scope);
    if let Some((_, message)) = errors.0.first() {
        return Err(AppError::BadRequest(format!("export filter: {}", Tr(Locale::En).say(message))));
    }
    let mut before = None;
    let next_batch = move |conn: &mut db::DbConnection| -> Batch {
        let rows = db::application_list::admin_page(conn, &filter, before, EXPORT_BATCH)?;
        let Some(last) = rows.last() else { return Ok(None) };
        before = Some(last.id);
        Ok(Some((csv_rows(&rows), (rows.len() as i64) < EXPORT_BATCH)))
    };
    let filename = format!("applications-{}.csv", crate::clock::today());
    Ok(csv_response(&state, filename, line(&CSV_HEADER), next_batch))
}
