//! Tuition payments for finance: what is due (places whose covered amount is not paid in
//! full) and what was paid, filtered, paged, totalled, and exported as CSV.

use std::fmt::Write as _;

use actix_web::http::StatusCode;
use actix_web::{get, web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::NaiveDate;
use serde::Deserialize;

use super::applications::programs_in;
use super::csv_export::{csv_response, Batch};
use super::require_program_scope;
use crate::db::payments::{DueRow, ListTotals, PaidRow, PaymentFilter, SearchList, SEARCH_LIMIT};
use crate::db::program_teams::ProgramScope;
use crate::db::{self};
use crate::domain::csv_cell::{line, push_cell};
use crate::domain::forms::FieldErrors;
use crate::domain::message::Message;
use crate::domain::Cents;
use crate::i18n::{Locale, Tr};
use crate::web::error::AppError;
use crate::web::format::{long_date, money};
use crate::web::language::words;
use crate::web::paging::Pagination;
use crate::web::{page_with_status, run_db, url_encode, Chrome, State, Viewer};

const ROWS_PER_PAGE: i64 = 50;
const EXPORT_BATCH: i64 = 5_000;
/// The longest search kept.
const MAX_SEARCH_CHARS: usize = 100;

/// Which list: what is due, or the payments made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    Due,
    Paid,
}

impl View {
    fn name(self) -> &'static str {
        match self {
            View::Due => "due",
            View::Paid => "paid",
        }
    }
}

/// The list's query string.
#[derive(Debug, Default, Deserialize, Clone)]
pub struct ListQuery {
    view: Option<String>,
    program: Option<String>,
    from: Option<String>,
    to: Option<String>,
    q: Option<String>,
    page: Option<String>,
}

fn given(value: &Option<String>) -> Option<String> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty()).map(str::to_owned)
}

/// The query string's view and filters, checked against the programs, with a message
/// per bad field.
fn parse_filter(
    query: &ListQuery,
    programs: &[db::programs::Program],
    scope: &ProgramScope,
) -> (View, Filters, FieldErrors) {
    let mut errors = FieldErrors::default();
    let mut filter = PaymentFilter { within_programs: scope.ids().map(<[i32]>::to_vec), ..PaymentFilter::default() };
    let mut typed_search = None;
    let view = match given(&query.view).as_deref() {
        None | Some("due") => View::Due, // not a stored name
        Some("paid") => View::Paid,      // not a stored name
        Some(_) => {
            errors.add("view", Message::new("admin-payments-choose-view"));
            View::Due
        }
    };
    if let Some(slug) = given(&query.program) {
        match programs.iter().find(|p| p.slug == slug) {
            Some(program) => filter.program_id = Some(program.id),
            None => errors.add("program", Message::new("admin-payments-choose-program")),
        }
    }
    let mut date = |field: &'static str, value: Option<String>| -> Option<NaiveDate> {
        NaiveDate::parse_from_str(&value?, "%Y-%m-%d")
            .map_err(|_| errors.add(field, Message::new("admin-payments-real-date")))
            .ok()
    };
    filter.from = date("from", given(&query.from));
    filter.to = date("to", given(&query.to));
    if let (Some(from), Some(to)) = (filter.from, filter.to) {
        if to < from {
            errors.add("to", Message::new("admin-payments-range"));
        }
    }
    if let Some(search) = given(&query.q) {
        match crate::domain::text::one_line(&search, "search") {
            Ok(_) if search.chars().count() > MAX_SEARCH_CHARS => {
                errors.add("q", Message::said(words().count("admin-payments-search-length", MAX_SEARCH_CHARS)))
            }
            Ok(search) => typed_search = Some(search),
            Err(message) => errors.add("q", Message::said(message)),
        }
    }
    (view, Filters { filter, search: typed_search }, errors)
}

/// The filters as checked: the filter of the lists, and the search as typed (found with
/// `Filters::resolve` in the transaction that reads the list).
#[derive(Debug, Clone)]
struct Filters {
    filter: PaymentFilter,
    search: Option<String>,
}

impl Filters {
    /// The filter with the lines the search names; `None` when the search is too broad.
    fn resolve(&self, conn: &mut db::DbConnection, view: View) -> diesel::QueryResult<Option<PaymentFilter>> {
        let Some(search) = &self.search else { return Ok(Some(self.filter.clone())) };
        let list = match view {
            View::Due => SearchList::Due,
            View::Paid => SearchList::Paid,
        };
        Ok(db::payments::resolve_search(conn, search, list)?
            .map(|named| PaymentFilter { named: Some(named), ..self.filter.clone() }))
    }
}

/// The message of a search that names too many people (or invoices) to list.
fn too_broad(search: &str, view: View) -> String {
    match view {
        View::Due => words().count_with("admin-payments-too-broad-due", SEARCH_LIMIT, "search", search),
        View::Paid => words().count_with("admin-payments-too-broad-paid", SEARCH_LIMIT, "search", search),
    }
}

/// The view and filters as a query string, for the page links and the export.
fn filter_query(query: &ListQuery, view: View) -> String {
    let pairs = [("program", &query.program), ("from", &query.from), ("to", &query.to), ("q", &query.q)];
    std::iter::once(format!("view={}", view.name()))
        .chain(pairs.iter().filter_map(|(name, value)| given(value).map(|v| format!("{name}={}", url_encode(&v)))))
        .collect::<Vec<_>>()
        .join("&")
}

/// A line of either list, ready to show.
pub struct LineView {
    pub application_id: i32,
    pub employee: String,
    pub email: String,
    pub program: String,
    /// Due: approved on; paid: paid on.
    pub date: String,
    pub date_iso: String,
    pub invoice_number: String,
    pub reference: String,
    pub recorded_by: String,
    pub covered: String,
    pub paid: String,
    pub left: String,
}

impl From<DueRow> for LineView {
    fn from(row: DueRow) -> Self {
        let covered = Cents(row.covered_cents.unwrap_or(0));
        let paid = Cents(row.paid_cents);
        LineView {
            application_id: row.application_id,
            employee: row.employee_name,
            email: row.employee_email,
            program: row.program_name,
            date: row.approved_at.map(|at| long_date(at.date())).unwrap_or_default(),
            date_iso: row.approved_at.map(|at| at.date().to_string()).unwrap_or_default(),
            invoice_number: String::new(),
            reference: String::new(),
            recorded_by: String::new(),
            covered: covered.to_string(),
            paid: paid.to_string(),
            left: money(covered.saturating_sub(paid)),
        }
    }
}

impl From<PaidRow> for LineView {
    fn from(row: PaidRow) -> Self {
        LineView {
            application_id: row.application_id,
            employee: row.employee_name,
            email: row.employee_email,
            program: row.program_name,
            date: long_date(row.paid_on),
            date_iso: row.paid_on.to_string(),
            invoice_number: row.invoice_number,
            reference: row.reference,
            recorded_by: row.recorded_by,
            covered: String::new(),
            paid: money(Cents(row.amount_cents)),
            left: String::new(),
        }
    }
}

/// The totals of the filtered set, in words and figures.
pub struct TotalsView {
    pub lines: i64,
    pub amount: String,
    pub paid: String,
    pub left: String,
}

impl From<ListTotals> for TotalsView {
    fn from(t: ListTotals) -> Self {
        TotalsView {
            lines: t.lines,
            amount: money(Cents(t.amount_cents)),
            paid: money(Cents(t.paid_cents)),
            left: money(Cents(t.amount_cents).saturating_sub(Cents(t.paid_cents))),
        }
    }
}

#[derive(Template)]
#[template(path = "admin/payments.html")]
struct PaymentsPage {
    chrome: Chrome,
    due: bool,
    rows: Vec<LineView>,
    totals: TotalsView,
    errors: FieldErrors,
    query: ListQuery,
    programs: Vec<(String, String, bool)>,
    filtered: bool,
    due_href: String,
    paid_href: String,
    export: String,
    pagination: Pagination,
}

impl PaymentsPage {
    fn error(&self, field: &str) -> String {
        crate::web::language::words().error(&self.errors, field)
    }

    fn value<'a>(&self, value: &'a Option<String>) -> &'a str {
        value.as_deref().unwrap_or("")
    }
}

/// One page of a view and the totals of its whole filtered set.
fn read_page(
    conn: &mut db::DbConnection,
    view: View,
    filter: &PaymentFilter,
    requested: i64,
) -> diesel::QueryResult<(Vec<LineView>, ListTotals, i64)> {
    let totals = match view {
        View::Due => db::payments::due_totals(conn, filter)?,
        View::Paid => db::payments::paid_totals(conn, filter)?,
    };
    let pages = ((totals.lines + ROWS_PER_PAGE - 1) / ROWS_PER_PAGE).max(1);
    let page = requested.clamp(1, pages);
    let offset = (page - 1) * ROWS_PER_PAGE;
    let rows = match view {
        View::Due => {
            db::payments::due_page(conn, filter, None, offset, ROWS_PER_PAGE)?.into_iter().map(LineView::from).collect()
        }
        View::Paid => db::payments::paid_page(conn, filter, None, offset, ROWS_PER_PAGE)?
            .into_iter()
            .map(LineView::from)
            .collect(),
    };
    Ok((rows, totals, page))
}

#[get("/admin/payments")]
pub async fn list_payments(
    state: State,
    viewer: Viewer,
    query: web::Query<ListQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let scope = require_program_scope(&viewer)?;
    let query = query.into_inner();
    let programs = programs_in(&state, &scope).await?;
    let (view, filters, mut errors) = parse_filter(&query, &programs, &scope);
    let requested = given(&query.page).and_then(|p| p.parse::<i64>().ok()).unwrap_or(1);
    let read = if errors.is_empty() {
        let filters = filters.clone();
        run_db(&state, move |conn| match filters.resolve(conn, view)? {
            Some(filter) => Ok(Some(read_page(conn, view, &filter, requested)?)),
            None => Ok(None),
        })
        .await?
    } else {
        None
    };
    let (rows, totals, page) = match read {
        Some(read) => read,
        None => {
            if let (true, Some(search)) = (errors.is_empty(), &filters.search) {
                errors.add("q", Message::said(too_broad(search, view)));
            }
            (Vec::new(), ListTotals::default(), 1)
        }
    };
    let filtered = filters.filter != PaymentFilter::default() || filters.search.is_some();
    let filters = filter_query(&query, view);
    let chosen = given(&query.program).unwrap_or_default();
    let without_view = filters.split_once('&').map(|(_, rest)| format!("&{rest}")).unwrap_or_default();
    let template = PaymentsPage {
        chrome: viewer.chrome(super::NAV),
        due: view == View::Due,
        programs: programs
            .iter()
            .filter(|p| p.kind == crate::domain::ProgramKind::Tuition)
            .map(|p| (p.slug.clone(), p.name.clone(), chosen == p.slug))
            .collect(),
        filtered,
        due_href: format!("/admin/payments?view=due{without_view}"),
        paid_href: format!("/admin/payments?view=paid{without_view}"),
        export: format!("/admin/payments.csv?{filters}"),
        pagination: Pagination::new(page, totals.lines, ROWS_PER_PAGE, &format!("/admin/payments?{filters}")),
        totals: totals.into(),
        rows,
        errors,
        query,
    };
    let status = if template.errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    page_with_status(&req, &template, status)
}

const DUE_HEADER: [&str; 8] =
    ["application", "employee", "email", "program", "approved_on", "covered", "paid", "left_to_pay"];
const PAID_HEADER: [&str; 9] =
    ["paid_on", "invoice", "amount", "reference", "application", "employee", "email", "program", "recorded_by"];

/// `1234.50`.
fn push_amount(out: &mut String, cents: i64) {
    let _ = write!(out, "{}", Cents(cents).to_plain());
}

fn due_lines(rows: &[DueRow]) -> String {
    let mut out = String::with_capacity(rows.len() * 120);
    for r in rows {
        let _ = write!(out, "{}", r.application_id);
        for text in [&r.employee_name, &r.employee_email, &r.program_name] {
            out.push(',');
            push_cell(&mut out, text);
        }
        out.push(',');
        out.push_str(&r.approved_at.map(|at| at.date().to_string()).unwrap_or_default());
        let covered = r.covered_cents.unwrap_or(0);
        for cents in [covered, r.paid_cents, (covered - r.paid_cents).max(0)] {
            out.push(',');
            push_amount(&mut out, cents);
        }
        out.push_str("\r\n");
    }
    out
}

fn paid_lines(rows: &[PaidRow]) -> String {
    let mut out = String::with_capacity(rows.len() * 140);
    for r in rows {
        let _ = write!(out, "{},", r.paid_on);
        push_cell(&mut out, &r.invoice_number);
        out.push(',');
        push_amount(&mut out, r.amount_cents);
        out.push(',');
        push_cell(&mut out, &r.reference);
        let _ = write!(out, ",{}", r.application_id);
        for text in [&r.employee_name, &r.employee_email, &r.program_name, &r.recorded_by] {
            out.push(',');
            push_cell(&mut out, text);
        }
        out.push_str("\r\n");
    }
    out
}

/// Where the export has got to: after the last line sent, in the view's order.
#[derive(Debug, Clone, Copy)]
enum Cursor {
    Due(Option<(Option<chrono::NaiveDateTime>, i32)>),
    Paid(Option<(NaiveDate, i32)>),
}

/// The next batch of the export after the cursor, as CSV lines, and the cursor moved on.
fn next_batch(conn: &mut db::DbConnection, filter: &PaymentFilter, cursor: &mut Cursor) -> Batch {
    let (text, read) = match *cursor {
        Cursor::Due(after) => {
            let rows = db::payments::due_page(conn, filter, after, 0, EXPORT_BATCH)?;
            let Some(last) = rows.last() else { return Ok(None) };
            *cursor = Cursor::Due(Some((last.approved_at, last.application_id)));
            (due_lines(&rows), rows.len())
        }
        Cursor::Paid(before) => {
            let rows = db::payments::paid_page(conn, filter, before, 0, EXPORT_BATCH)?;
            let Some(last) = rows.last() else { return Ok(None) };
            *cursor = Cursor::Paid(Some((last.paid_on, last.id)));
            (paid_lines(&rows), rows.len())
        }
    };
    Ok(Some((text, (read as i64) < EXPORT_BATCH)))
}

#[get("/admin/payments.csv")]
pub async fn export_payments(
    state: State,
    viewer: Viewer,
    query: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let scope = require_program_scope(&viewer)?;
    let programs = programs_in(&state, &scope).await?;
    let (view, filters, errors) = parse_filter(&query, &programs, &scope);
    if let Some((_, message)) = errors.0.first() {
        return Err(AppError::BadRequest(format!("export filter: {}", Tr(Locale::En).say(message))));
    }
    let resolved = filters.clone();
    let Some(filter) = run_db(&state, move |conn| Ok(resolved.resolve(conn, view)?)).await? else {
        return Err(AppError::BadRequest(format!(
            "export filter: {}",
            too_broad(filters.search.as_deref().unwrap_or(""), view)
        )));
    };
    let (header, mut cursor) = match view {
        View::Due => (line(&DUE_HEADER), Cursor::Due(None)),
        View::Paid => (line(&PAID_HEADER), Cursor::Paid(None)),
    };
    let filename = format!("payments-{}-{}.csv", view.name(), crate::clock::today());
    Ok(csv_response(&state, filename, header, move |conn| next_batch(conn, &filter, &mut cursor)))
}
