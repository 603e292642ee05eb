//! What completions led to, for business-intelligence tools: `/admin/outcomes.csv` and
//! `/admin/outcomes.json`, one row per verified completion with its outcome at 6, 12 and
//! 24 months and today, filtered like the dashboard (program, site type, and the period
//! in which people applied). Both are streamed; text cells are formula-safe in both.

use std::fmt::Write as _;

use actix_web::{get, web, HttpResponse};
use chrono::NaiveDate;
use diesel::OptionalExtension;
use serde::{Deserialize, Serialize};

use super::csv_export::{csv_response, json_response, Batch};
use super::require_admin;
use crate::db;
use crate::db::outcomes::{ExportRow, OutcomeFilter};
use crate::domain::csv_cell::{formula_safe, line, push_cell};
use crate::domain::period::Period;
use crate::domain::SiteType;
use crate::web::error::AppError;
use crate::web::{run_db, State, Viewer};

/// How many rows one read of an export takes.
const EXPORT_BATCH: i64 = 2_000;

/// The filters of the dashboard, as its address carries them.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OutcomeQuery {
    /// A program's slug.
    pub program: Option<String>,
    /// A site type's stored name.
    pub site: Option<String>,
    /// The first and last month of application (`YYYY-MM`).
    pub from: Option<String>,
    pub to: Option<String>,
}

fn given(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// The filter an export's address asks for, or what is wrong with it.
async fn filter_of(state: &State, query: &OutcomeQuery) -> Result<OutcomeFilter, AppError> {
    let period = Period::parse(given(&query.from), given(&query.to))
        .map_err(|(_, message)| AppError::BadRequest(format!("export filter: {message}")))?;
    let site_type = match given(&query.site) {
        Some(site) => Some(
            site.parse::<SiteType>().map_err(|_| AppError::BadRequest("export filter: unknown site type".into()))?,
        ),
        None => None,
    };
    let program_id = match given(&query.program).map(str::to_owned) {
        Some(slug) => {
            let program = run_db(state, move |conn| Ok(db::programs::find_by_slug(conn, &slug).optional()?)).await?;
            Some(program.ok_or_else(|| AppError::BadRequest("export filter: unknown program".into()))?.id)
        }
        None => None,
    };
    Ok(OutcomeFilter { program_id, site_type, applied_from: period.first_day(), applied_to: period.last_day() })
}

/// The columns of both exports, in order (stable machine names).
const HEADER: [&str; 14] = [
    "application",
    "email",
    "program",
    "site_type",
    "job_family_at_start",
    "tenure_band_at_start",
    "applied_on",
    "started_on",
    "completed_on",
    "outcome_6_months",
    "outcome_12_months",
    "outcome_24_months",
    "outcome_to_date",
    "moved_on",
];

fn csv_lines(rows: &[ExportRow]) -> String {
    let mut out = String::with_capacity(rows.len() * 160);
    for row in rows {
        let o = &row.outcome;
        let _ = write!(out, "{},", o.application_id);
        push_cell(&mut out, &row.email);
        out.push(',');
        push_cell(&mut out, &row.program_slug);
        let _ = write!(
            out,
            ",{},{},{},{},{},{},{},{},{},{},{}\r\n",
            o.site_type.as_str(),
            o.job_family.as_str(),
            o.tenure_band.as_str(),
            o.applied_on,
            o.started_on,
            o.completed_on,
            o.outcome_6.as_str(),
            o.outcome_12.as_str(),
            o.outcome_24.as_str(),
            o.outcome_to_date.as_str(),
            o.moved_on.map(|d| d.to_string()).unwrap_or_default(),
        );
    }
    out
}

/// One object of the JSON export: the CSV's columns, with `null` for no date.
#[derive(Serialize)]
struct JsonRow<'a> {
    application: i32,
    email: std::borrow::Cow<'a, str>,
    program: std::borrow::Cow<'a, str>,
    site_type: &'static str,
    job_family_at_start: &'static str,
    tenure_band_at_start: &'static str,
    applied_on: NaiveDate,
    started_on: NaiveDate,
    completed_on: NaiveDate,
    outcome_6_months: &'static str,
    outcome_12_months: &'static str,
    outcome_24_months: &'static str,
    outcome_to_date: &'static str,
    moved_on: Option<NaiveDate>,
}

fn json_objects(rows: &[ExportRow], first: bool) -> String {
    let mut out = String::with_capacity(rows.len() * 330);
    for (i, row) in rows.iter().enumerate() {
        let o = &row.outcome;
        let object = JsonRow {
            application: o.application_id,
            email: formula_safe(&row.email),
            program: formula_safe(&row.program_slug),
            site_type: o.site_type.as_str(),
            job_family_at_start: o.job_family.as_str(),
            tenure_band_at_start: o.tenure_band.as_str(),
            applied_on: o.applied_on,
            started_on: o.started_on,
            completed_on: o.completed_on,
            outcome_6_months: o.outcome_6.as_str(),
            outcome_12_months: o.outcome_12.as_str(),
            outcome_24_months: o.outcome_24.as_str(),
            outcome_to_date: o.outcome_to_date.as_str(),
            moved_on: o.moved_on,
        };
        if !(first && i == 0) {
            out.push(',');
        }
        out.push('\n');
        // A struct of strings, numbers and dates always serialises.
        if let Ok(text) = serde_json::to_string(&object) {
            out.push_str(&text);
        }
    }
    out
}

/// Where an export has got to.
#[derive(Debug, Default)]
struct Cursor {
    after: Option<(NaiveDate, i32)>,
    sent_any: bool,
    finished: bool,
}

impl Cursor {
    /// The next rows after the cursor, and the cursor moved past them.
    fn next_rows(
        &mut self,
        conn: &mut db::DbConnection,
        filter: &OutcomeFilter,
    ) -> diesel::QueryResult<Vec<ExportRow>> {
        let rows = db::outcomes::export_page(conn, filter, self.after, EXPORT_BATCH)?;
        if let Some(last) = rows.last() {
            self.after = Some((last.outcome.applied_on, last.outcome.application_id));
        }
        Ok(rows)
    }
}

fn next_csv_batch(conn: &mut db::DbConnection, filter: &OutcomeFilter, cursor: &mut Cursor) -> Batch {
    let rows = cursor.next_rows(conn, filter)?;
    if rows.is_empty() {
        return Ok(None);
    }
    Ok(Some((csv_lines(&rows), (rows.len() as i64) < EXPORT_BATCH)))
}

/// JSON batches: the objects, comma-separated across batches, and the closing `]` with
/// the last (or alone, when nothing or nothing more is left).
fn next_json_batch(conn: &mut db::DbConnection, filter: &OutcomeFilter, cursor: &mut Cursor) -> Batch {
    if cursor.finished {
        return Ok(None);
    }
    let rows = cursor.next_rows(conn, filter)?;
    let mut text = json_objects(&rows, !cursor.sent_any);
    cursor.sent_any |= !rows.is_empty();
    let last = (rows.len() as i64) < EXPORT_BATCH;
    if last {
        text.push_str("\n]\n");
        cursor.finished = true;
    }
    Ok(Some((text, last)))
}

#[get("/admin/outcomes.csv")]
pub async fn export_outcomes_csv(
    state: State,
    viewer: Viewer,
    query: web::Query<OutcomeQuery>,
) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    let filter = filter_of(&state, &query).await?;
    let mut cursor = Cursor::default();
    let filename = format!("outcomes-{}.csv", crate::clock::today());
    Ok(csv_response(&state, filename, line(&HEADER), move |conn| next_csv_batch(conn, &filter, &mut cursor)))
}

#[get("/admin/outcomes.json")]
pub async fn export_outcomes_json(
    state: State,
    viewer: Viewer,
    query: web::Query<OutcomeQuery>,
) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    let filter = filter_of(&state, &query).await?;
    let mut cursor = Cursor::default();
    let filename = format!("outcomes-{}.json", crate::clock::today());
    Ok(json_response(&state, filename, "[".to_owned(), move |conn| next_json_batch(conn, &filter, &mut cursor)))
}
