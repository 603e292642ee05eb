//! Queries on `tuition_payments` and the counters `payment_totals` and `due_totals`: an
//! application's payments, and the administrators' lists of what is due and what was paid,
//! with their filters and totals (also read by the CSV export). The transaction that records a payment is
//! `db::workflow::record_payment`.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::dsl::sql;
use diesel::expression::SqlLiteral;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Bool, Integer};

use diesel::upsert::excluded;

use super::schema::{applications, due_totals, employees, paid_by_month, payment_totals, programs, tuition_payments};
use super::{lock_row, DbConnection, LockableTable};
use crate::domain::payment::{accepts_payment, payment_statuses};
use crate::domain::ApplicationStatus;

/// A row to insert into `tuition_payments`.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = tuition_payments)]
pub struct NewPayment {
    pub application_id: i32,
    pub invoice_number: String,
    pub amount_cents: i64,
    pub paid_on: NaiveDate,
    pub reference: String,
    pub recorded_by: i32,
    pub recorded_at: NaiveDateTime,
}

/// One payment of an application, with who recorded it.
#[derive(Debug, Clone, Queryable)]
pub struct PaymentLine {
    pub id: i32,
    pub invoice_number: String,
    pub amount_cents: i64,
    pub paid_on: NaiveDate,
    pub reference: String,
    pub recorded_by: String,
    pub recorded_at: NaiveDateTime,
}

/// The payments of one application, in the order they were paid.
pub fn for_application(conn: &mut DbConnection, application_id: i32) -> QueryResult<Vec<PaymentLine>> {
    tuition_payments::table
        .inner_join(employees::table.on(employees::id.eq(tuition_payments::recorded_by)))
        .filter(tuition_payments::application_id.eq(application_id))
        .order((tuition_payments::paid_on.asc(), tuition_payments::id.asc()))
        .select((
            tuition_payments::id,
            tuition_payments::invoice_number,
            tuition_payments::amount_cents,
            tuition_payments::paid_on,
            tuition_payments::reference,
            employees::display_name,
            tuition_payments::recorded_at,
        ))
        .load(conn)
}

/// Whether the application already has a payment of this invoice number.
pub fn invoice_taken(conn: &mut DbConnection, application_id: i32, invoice_number: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        tuition_payments::table
            .filter(tuition_payments::application_id.eq(application_id))
            .filter(tuition_payments::invoice_number.eq(invoice_number)),
    ))
    .get_result(conn)
}

/// Counts a payment in its program's totals of the day it was paid and of the month its
/// application was made, `applied_on` (the program's row is locked by the caller).
pub fn count_payment(
    conn: &mut DbConnection,
    program_id: i32,
    paid_on: NaiveDate,
    applied_on: NaiveDate,
    amount_cents: i64,
) -> QueryResult<()> {
    let by_month = diesel::insert_into(paid_by_month::table)
        .values((
            paid_by_month::program_id.eq(program_id),
            paid_by_month::month.eq(applied_on.format("%Y-%m").to_string()),
            paid_by_month::paid_cents.eq(amount_cents),
        ))
        .on_conflict((paid_by_month::program_id, paid_by_month::month))
        .do_update()
        .set(paid_by_month::paid_cents.eq(paid_by_month::paid_cents + excluded(paid_by_month::paid_cents)));
    match conn {
        DbConnection::Sqlite(sqlite) => by_month.execute(sqlite)?,
        DbConnection::Postgresql(pg) => by_month.execute(pg)?,
    };
    let upsert = diesel::insert_into(payment_totals::table)
        .values((
            payment_totals::program_id.eq(program_id),
            payment_totals::paid_on.eq(paid_on),
            payment_totals::payments.eq(1),
            payment_totals::paid_cents.eq(amount_cents),
        ))
        .on_conflict((payment_totals::program_id, payment_totals::paid_on))
        .do_update()
        .set((
            payment_totals::payments.eq(payment_totals::payments + 1),
            payment_totals::paid_cents.eq(payment_totals::paid_cents + excluded(payment_totals::paid_cents)),
        ));
    // Upserts are written per backend: the multi-backend query builder has no ON CONFLICT.
    match conn {
        DbConnection::Sqlite(sqlite) => upsert.execute(sqlite)?,
        DbConnection::Postgresql(pg) => upsert.execute(pg)?,
    };
    Ok(())
}

/// A place as the totals of what is due count it: the day it was approved, what the
/// company covers and what it paid so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DuePlace {
    pub approved_on: NaiveDate,
    pub covered_cents: i64,
    pub paid_cents: i64,
}

impl DuePlace {
    /// The place, when it is due: it takes payments and is not paid in full (the
    /// predicate of `applications_payment_due`). A place always has its approval time;
    /// one without it is listed but not counted.
    pub fn of(
        status: ApplicationStatus,
        approved_at: Option<NaiveDateTime>,
        covered_cents: Option<i64>,
        paid_cents: i64,
    ) -> Option<DuePlace> {
        let (approved_at, covered_cents) = (approved_at?, covered_cents?);
        (accepts_payment(status) && covered_cents > paid_cents).then_some(DuePlace {
            approved_on: approved_at.date(),
            covered_cents,
            paid_cents,
        })
    }
}

/// Moves a place in the totals of what is due, from how it was counted to how it is now
/// (`None`: not due). Called in the transaction of every change of an application's
/// status, covered amount or payments.
pub fn count_due(
    conn: &mut DbConnection,
    program_id: i32,
    from: Option<DuePlace>,
    to: Option<DuePlace>,
) -> QueryResult<()> {
    if from == to {
        return Ok(());
    }
    // The counter rows are the program's: its row lock first, as for every counter.
    lock_row(conn, LockableTable::Programs, program_id)?;
    if let Some(place) = from {
        add_due(conn, program_id, place.approved_on, -1, -place.covered_cents, -place.paid_cents)?;
    }
    if let Some(place) = to {
        add_due(conn, program_id, place.approved_on, 1, place.covered_cents, place.paid_cents)?;
    }
    Ok(())
}

fn add_due(
    conn: &mut DbConnection,
    program_id: i32,
    approved_on: NaiveDate,
    places: i64,
    covered_cents: i64,
    paid_cents: i64,
) -> QueryResult<()> {
    let upsert = diesel::insert_into(due_totals::table)
        .values((
            due_totals::program_id.eq(program_id),
            due_totals::approved_on.eq(approved_on),
            due_totals::places.eq(places),
            due_totals::covered_cents.eq(covered_cents),
            due_totals::paid_cents.eq(paid_cents),
        ))
        .on_conflict((due_totals::program_id, due_totals::approved_on))
        .do_update()
        .set((
            due_totals::places.eq(due_totals::places + excluded(due_totals::places)),
            due_totals::covered_cents.eq(due_totals::covered_cents + excluded(due_totals::covered_cents)),
            due_totals::paid_cents.eq(due_totals::paid_cents + excluded(due_totals::paid_cents)),
        ));
    match conn {
        DbConnection::Sqlite(sqlite) => upsert.execute(sqlite)?,
        DbConnection::Postgresql(pg) => upsert.execute(pg)?,
    };
    Ok(())
}

/// Everything paid so far (all programs).
pub fn paid_so_far(conn: &mut DbConnection) -> QueryResult<i64> {
    payment_totals::table.select(sum_of("payment_totals.paid_cents")).first(conn)
}

/// Recounts `payment_totals` and `due_totals` from the payments and the applications
/// (after a bulk load).
pub fn rebuild_totals(conn: &mut DbConnection) -> QueryResult<()> {
    let approved_on = super::day_of(conn, "applications.approved_at");
    let due = due_predicate(conn);
    let applied_month = super::month_of(conn, "created_at");
    diesel::delete(payment_totals::table).execute(conn)?;
    diesel::delete(due_totals::table).execute(conn)?;
    diesel::delete(paid_by_month::table).execute(conn)?;
    diesel::sql_query(format!(
        "INSERT INTO paid_by_month (program_id, month, paid_cents) \
         SELECT program_id, {applied_month}, SUM(paid_cents) FROM applications WHERE paid_cents <> 0 \
         GROUP BY program_id, {applied_month}"
    ))
    .execute(conn)?;
    diesel::sql_query(
        "INSERT INTO payment_totals (program_id, paid_on, payments, paid_cents) \
         SELECT a.program_id, p.paid_on, COUNT(*), SUM(p.amount_cents) FROM tuition_payments p \
         JOIN applications a ON a.id = p.application_id GROUP BY a.program_id, p.paid_on",
    )
    .execute(conn)?;
    diesel::sql_query(format!(
        "INSERT INTO due_totals (program_id, approved_on, places, covered_cents, paid_cents) \
         SELECT applications.program_id, {approved_on}, COUNT(*), SUM(applications.covered_cents), \
         SUM(applications.paid_cents) FROM applications \
         WHERE {due} AND applications.approved_at IS NOT NULL \
         GROUP BY applications.program_id, {approved_on}"
    ))
    .execute(conn)?;
    Ok(())
}

/// Tuition paid per program on the applications made in the months `from..=to`
/// (`YYYY-MM`; either open).
pub fn paid_by_program(conn: &mut DbConnection, from: Option<&str>, to: Option<&str>) -> QueryResult<Vec<(i32, i64)>> {
    paid_by_month::table
        .filter(paid_by_month::month.ge(from.unwrap_or("0000-00")))
        .filter(paid_by_month::month.le(to.unwrap_or("9999-99")))
        .filter(paid_by_month::paid_cents.ne(0))
        .group_by(paid_by_month::program_id)
        .select((paid_by_month::program_id, super::dashboard::sum_of("paid_cents")))
        .load(conn)
}

/// The filters of the payments lists and their export.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PaymentFilter {
    pub program_id: Option<i32>,
    /// The programs the viewer runs, when not every program (a program team's member).
    pub within_programs: Option<Vec<i32>>,
    /// On or after: the payment's date, or for what is due the approval's.
    pub from: Option<NaiveDate>,
    /// On or before, likewise.
    pub to: Option<NaiveDate>,
    /// The lines a search named (`resolve_search`): application ids for what is due,
    /// payment ids for the payments.
    pub named: Option<Vec<i32>>,
}

/// The most people, or invoices, a search may name; past it the search is too broad to
/// list and asks for more of the name.
pub const SEARCH_LIMIT: i64 = 200;

/// Which list a search is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchList {
    Due,
    Paid,
}

/// The lines a search names, found from the people first (the start of their e-mail
/// address or part of their name) and, for the payments, the invoice numbers it starts,
/// so that the list and its totals read only those lines whatever the tables' size.
/// `None` when more than `SEARCH_LIMIT` people or invoices match.
pub fn resolve_search(conn: &mut DbConnection, search: &str, list: SearchList) -> QueryResult<Option<Vec<i32>>> {
    let escaped = like_escaped(search);
    let people: Vec<i32> = employees::table
        .filter(
            employees::email
                .like(format!("{}%", escaped.to_lowercase()))
                .escape('\\')
                .or(employees::display_name.like(format!("%{escaped}%")).escape('\\')),
        )
        .select(employees::id)
        .limit(SEARCH_LIMIT + 1)
        .load(conn)?;
    if people.len() as i64 > SEARCH_LIMIT {
        return Ok(None);
    }
    match list {
        SearchList::Due => applications::table
            .filter(applications::employee_id.eq_any(&people))
            .filter(due_condition(conn))
            .select(applications::id)
            .load(conn)
            .map(Some),
        SearchList::Paid => {
            let invoices: Vec<i32> = tuition_payments::table
                .filter(tuition_payments::invoice_number.like(format!("{escaped}%")).escape('\\'))
                .select(tuition_payments::id)
                .limit(SEARCH_LIMIT + 1)
                .load(conn)?;
            if invoices.len() as i64 > SEARCH_LIMIT {
                return Ok(None);
            }
            let mut ids: Vec<i32> = tuition_payments::table
                .inner_join(applications::table.on(applications::id.eq(tuition_payments::application_id)))
                .filter(applications::employee_id.eq_any(&people))
                .select(tuition_payments::id)
                .load(conn)?;
            ids.extend(invoices);
            ids.sort_unstable();
            ids.dedup();
            Ok(Some(ids))
        }
    }
}

/// `text` for a `LIKE` pattern, its wildcards escaped with `\`.
fn like_escaped(text: &str) -> String {
    text.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// `COALESCE(SUM(column), 0)` as a BIGINT on both backends.
fn sum_of(column: &str) -> SqlLiteral<BigInt> {
    sql::<BigInt>(&format!("CAST(COALESCE(SUM({column}), 0) AS BIGINT)"))
}

/// What is due: a place that takes payments and is not paid in full. Written out (not
/// bound) so that both backends match it to the partial index `applications_payment_due`;
/// on SQLite as `+status`, as that index is declared there, so that no other index of
/// `status` is taken for it (SQLite keeps no statistics that would say which is smaller).
fn due_condition(conn: &DbConnection) -> SqlLiteral<Bool> {
    sql::<Bool>(&due_predicate(conn))
}

/// The SQL of `due_condition`.
fn due_predicate(conn: &DbConnection) -> String {
    let statuses: Vec<String> = payment_statuses().iter().map(|s| format!("'{}'", s.as_str())).collect();
    let plus = if matches!(conn, DbConnection::Sqlite(_)) { "+" } else { "" };
    format!(
        "{plus}applications.status IN ({}) AND applications.covered_cents > applications.paid_cents",
        statuses.join(", ")
    )
}

/// A line of the list of what is due.
#[derive(Debug, Clone, Queryable)]
pub struct DueRow {
    pub application_id: i32,
    pub employee_name: String,
    pub employee_email: String,
    pub program_name: String,
    pub approved_at: Option<NaiveDateTime>,
    pub covered_cents: Option<i64>,
    pub paid_cents: i64,
}

/// The totals of a filtered list: lines, and the sums of its money columns.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListTotals {
    pub lines: i64,
    /// Due: covered; paid: the payments' sum.
    pub amount_cents: i64,
    /// Due: paid so far (zero for the payments list).
    pub paid_cents: i64,
}

/// `applications.program_id = ` for the lists' program filter. On SQLite written
/// `+applications.program_id`, so that the program is checked on the rows walked in the
/// list's order (the due index, the payments by date) rather than looked up through a
/// program index and sorted: SQLite keeps no statistics to weigh the two. PostgreSQL
/// weighs them, and the `+` made it plan a parallel scan (17 ms at a million
/// applications instead of 1.3 ms for the payments of a program in a half-year).
fn program_is(conn: &DbConnection) -> &'static str {
    match conn {
        DbConnection::Sqlite(_) => "+applications.program_id = ",
        DbConnection::Postgresql(_) => "applications.program_id = ",
    }
}

/// The filters of what is due, but the search's lines, on a boxed query of `applications`.
macro_rules! due_filters {
    ($conn:expr, $query:expr, $filter:expr) => {{
        let filter: &PaymentFilter = $filter;
        let mut query = $query;
        if let Some(program_id) = filter.program_id {
            query = query.filter(sql::<Bool>(program_is($conn)).bind::<Integer, _>(program_id));
        }
        if let Some(programs) = &filter.within_programs {
            query = query.filter(applications::program_id.eq_any(programs.clone()));
        }
        if let Some(from) = filter.from.and_then(|d| d.and_hms_opt(0, 0, 0)) {
            query = query.filter(applications::approved_at.ge(from));
        }
        if let Some(after) = filter.to.and_then(|d| d.succ_opt()).and_then(|d| d.and_hms_opt(0, 0, 0)) {
            query = query.filter(applications::approved_at.lt(after));
        }
        query
    }};
}

macro_rules! due_query {
    ($conn:expr, $filter:expr) => {{
        let filter: &PaymentFilter = $filter;
        let query = applications::table
            .inner_join(employees::table.on(employees::id.eq(applications::employee_id)))
            .inner_join(programs::table.on(programs::id.eq(applications::program_id)))
            .filter(due_condition($conn))
            .into_boxed();
        let mut query = due_filters!($conn, query, filter);
        if let Some(named) = &filter.named {
            query = query.filter(applications::id.eq_any(named.clone()));
        }
        query
    }};
}

/// Up to `limit` lines of what is due, oldest approval first, after the line (approved
/// at, id) `after` when given (keyset, for the export) or from `offset`.
pub fn due_page(
    conn: &mut DbConnection,
    filter: &PaymentFilter,
    after: Option<(Option<NaiveDateTime>, i32)>,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<DueRow>> {
    let mut query = due_query!(conn, filter);
    if let Some((Some(at), id)) = after {
        query = query
            .filter(applications::approved_at.ge(at).and(applications::approved_at.gt(at).or(applications::id.gt(id))));
    }
    query
        .order((applications::approved_at.asc(), applications::id.asc()))
        .offset(offset)
        .limit(limit)
        .select((
            applications::id,
            employees::display_name,
            employees::email,
            programs::name,
            applications::approved_at,
            applications::covered_cents,
            applications::paid_cents,
        ))
        .load(conn)
}

/// The totals of what is due under `filter`: from `due_totals` (a row per program and
/// day of approval) unless a search named the lines, which are summed.
pub fn due_totals(conn: &mut DbConnection, filter: &PaymentFilter) -> QueryResult<ListTotals> {
    if filter.named.is_none() {
        let mut query = due_totals::table.into_boxed();
        if let Some(program_id) = filter.program_id {
            query = query.filter(due_totals::program_id.eq(program_id));
        }
        if let Some(programs) = &filter.within_programs {
            query = query.filter(due_totals::program_id.eq_any(programs.clone()));
        }
        if let Some(from) = filter.from {
            query = query.filter(due_totals::approved_on.ge(from));
        }
        if let Some(to) = filter.to {
            query = query.filter(due_totals::approved_on.le(to));
        }
        let sums = (sum_of("due_totals.places"), sum_of("due_totals.covered_cents"), sum_of("due_totals.paid_cents"));
        let (lines, amount_cents, paid_cents) = query.select(sums).first::<(i64, i64, i64)>(conn)?;
        return Ok(ListTotals { lines, amount_cents, paid_cents });
    }
    let sums = (sql::<BigInt>("COUNT(*)"), sum_of("applications.covered_cents"), sum_of("applications.paid_cents"));
    let (lines, amount_cents, paid_cents) = due_query!(conn, filter).select(sums).first::<(i64, i64, i64)>(conn)?;
    Ok(ListTotals { lines, amount_cents, paid_cents })
}

/// A line of the list of payments.
#[derive(Debug, Clone, Queryable)]
pub struct PaidRow {
    pub id: i32,
    pub application_id: i32,
    pub paid_on: NaiveDate,
    pub invoice_number: String,
    pub amount_cents: i64,
    pub reference: String,
    pub employee_name: String,
    pub employee_email: String,
    pub program_name: String,
    pub recorded_by: String,
}

diesel::alias!(employees as recorders: Recorders);

macro_rules! paid_query {
    ($conn:expr, $filter:expr) => {{
        let filter: &PaymentFilter = $filter;
        let mut query = tuition_payments::table
            .inner_join(applications::table.on(applications::id.eq(tuition_payments::application_id)))
            .inner_join(employees::table.on(employees::id.eq(applications::employee_id)))
            .inner_join(programs::table.on(programs::id.eq(applications::program_id)))
            .inner_join(recorders.on(recorders.field(employees::id).eq(tuition_payments::recorded_by)))
            .into_boxed();
        if let Some(program_id) = filter.program_id {
            query = query.filter(sql::<Bool>(program_is($conn)).bind::<Integer, _>(program_id));
        }
        if let Some(programs) = &filter.within_programs {
            query = query.filter(applications::program_id.eq_any(programs.clone()));
        }
        if let Some(from) = filter.from {
            query = query.filter(tuition_payments::paid_on.ge(from));
        }
        if let Some(to) = filter.to {
            query = query.filter(tuition_payments::paid_on.le(to));
        }
        if let Some(named) = &filter.named {
            query = query.filter(tuition_payments::id.eq_any(named.clone()));
        }
        query
    }};
}

/// Up to `limit` payments, newest first, before the payment (paid on, id) `before` when
/// given (keyset, for the export) or from `offset`.
pub fn paid_page(
    conn: &mut DbConnection,
    filter: &PaymentFilter,
    before: Option<(NaiveDate, i32)>,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<PaidRow>> {
    let mut query = paid_query!(conn, filter);
    if let Some((on, id)) = before {
        query = query.filter(
            tuition_payments::paid_on.le(on).and(tuition_payments::paid_on.lt(on).or(tuition_payments::id.lt(id))),
        );
    }
    query
        .order((tuition_payments::paid_on.desc(), tuition_payments::id.desc()))
        .offset(offset)
        .limit(limit)
        .select((
            tuition_payments::id,
            tuition_payments::application_id,
            tuition_payments::paid_on,
            tuition_payments::invoice_number,
            tuition_payments::amount_cents,
            tuition_payments::reference,
            employees::display_name,
            employees::email,
            programs::name,
            recorders.field(employees::display_name),
        ))
        .load(conn)
}

/// The totals of the payments under `filter`: from `payment_totals` (a row per program
/// and day paid) unless a search named the lines, which are summed.
pub fn paid_totals(conn: &mut DbConnection, filter: &PaymentFilter) -> QueryResult<ListTotals> {
    if filter.named.is_none() {
        let mut query = payment_totals::table.into_boxed();
        if let Some(program_id) = filter.program_id {
            query = query.filter(payment_totals::program_id.eq(program_id));
        }
        if let Some(programs) = &filter.within_programs {
            query = query.filter(payment_totals::program_id.eq_any(programs.clone()));
        }
        if let Some(from) = filter.from {
            query = query.filter(payment_totals::paid_on.ge(from));
        }
        if let Some(to) = filter.to {
            query = query.filter(payment_totals::paid_on.le(to));
        }
        let sums = (sum_of("payment_totals.payments"), sum_of("payment_totals.paid_cents"));
        let (lines, amount_cents) = query.select(sums).first::<(i64, i64)>(conn)?;
        return Ok(ListTotals { lines, amount_cents, paid_cents: 0 });
    }
    let (lines, amount_cents) = paid_query!(conn, filter)
        .select((sql::<BigInt>("COUNT(*)"), sum_of("tuition_payments.amount_cents")))
        .first::<(i64, i64)>(conn)?;
    Ok(ListTotals { lines, amount_cents, paid_cents: 0 })
}
