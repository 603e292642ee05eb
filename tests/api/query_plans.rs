//! The hot queries read the growing tables through indexes, on both backends.
//!
//! Each test calls the real query functions of `upskill::db` on the test database and
//! records every statement they send: diesel's instrumentation (`set_instrumentation`)
//! hands over the SQL exactly as it was executed, so the plans checked are those of the
//! generated SQL, every statement of a function included, with no copy of a query and no
//! change to the production code. Each statement is then planned by the backend of the
//! test run:
//!
//! - SQLite: `EXPLAIN QUERY PLAN <sql>`, the `?` parameters left unbound (NULL; the planner
//!   does not look at values). The test database has no `ANALYZE` statistics, so SQLite
//!   assumes big tables and the plan shows what the indexes allow.
//! - PostgreSQL: the test database is tiny and a sequential scan would win anyway, so the
//!   statement is prepared and its generic plan (made without the values, like SQLite's,
//!   and one a prepared statement may settle on after a few runs) is explained with
//!   `enable_seqscan = off`: a `Seq Scan` left in that plan means no index could serve it.
//!   The generic plan also spares parsing the binds back out of the debug text.
//!
//! The rule, for the tables that grow with the workforce and its history: `applications`,
//! `employees`, `application_events`, `evidence_files`, and also `notifications` and
//! `sessions`, which every signed-in page reads.
//!
//! - A lookup or a range in an index is fine: SQLite `SEARCH t USING …`, except with an
//!   `AUTOMATIC` index (SQLite builds it by reading all of `t`); PostgreSQL an index scan
//!   whose `Index Cond` constrains the index's first column, or a bitmap heap scan whose
//!   bitmap index scans all do. (A btree takes conditions on its later columns too, but
//!   checks them while walking the whole index: with sequential scans off, that is how a
//!   missing index would otherwise hide.)
//! - Reading the whole table is a full scan: PostgreSQL `Seq Scan`; SQLite an `AUTOMATIC`
//!   index or a `BLOOM FILTER ON t`, both built from all of `t`.
//! - Walking a whole index or the primary key in key order is a full scan too: SQLite
//!   `SCAN t USING [COVERING] INDEX i`, `SCAN t USING INTEGER PRIMARY KEY`, and a bare
//!   `SCAN t` (which walks the rowid b-tree, the integer primary key itself); PostgreSQL an
//!   index scan without such an `Index Cond`. The one exception is a keyset page, which
//!   walks an index and stops after a page: the statement has a `LIMIT`, and no `WHERE`,
//!   `GROUP BY`, `DISTINCT` or aggregate (every row walked is a row returned; on PostgreSQL
//!   the walk also has no `Filter`); the walk drives the plan (it is the first table read);
//!   and nothing gathers all the rows before the first comes out: no `USE TEMP B-TREE FOR
//!   ORDER BY` (or `GROUP BY`, `DISTINCT`), no `Sort`, `Hash` or `Aggregate` node. Sorting
//!   runs of rows the walk already delivers in order of a prefix of the `ORDER BY` (SQLite
//!   `… FOR RIGHT PART OF ORDER BY`, PostgreSQL `Incremental Sort`) still stops early.
//!
//! Every check also requires that the statements do read the tables the test names, so
//! that a query which stopped reaching a table cannot pass by saying nothing.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex};

use chrono::{NaiveDate, NaiveDateTime};
use diesel::connection::{Instrumentation, InstrumentationEvent, SimpleConnection};
use diesel::prelude::*;
use diesel::{PgConnection, SqliteConnection};
use upskill::db::application_list::AdminFilter;
use upskill::db::applications::Application;
use upskill::db::program_teams::ProgramScope;
use upskill::db::queue::QueueScope;
use upskill::db::schema::intakes;
use upskill::db::{self, DbConnection};
use upskill::domain::{ApplicationStatus, SiteType};

use crate::helpers::{employee_id, spawn_app, TestApp};

/// The tables whose full scan would grow with the number of people and applications.
const GROWING_TABLES: [&str; 8] = [
    "applications",
    "employees",
    "application_events",
    "notifications",
    "sessions",
    "evidence_files",
    "employee_history",
    "completion_outcomes",
];

/// How a plan reads one table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    /// A lookup or a range of an index.
    Search,
    /// The whole of an index or of the primary key, in key order.
    Walk,
    /// The whole table in storage order (or something built from all of it).
    Scan,
}

/// One table read by a plan.
#[derive(Debug)]
struct TableRead {
    table: String,
    access: Access,
    /// Rows read are filtered after the read (known on PostgreSQL only).
    filtered: bool,
}

/// The plan of one statement, reduced to what the rule looks at.
struct Plan {
    sql: String,
    /// The plan as the backend prints it, for failure messages.
    text: String,
    /// The tables read, in plan order (the driving table first).
    reads: Vec<TableRead>,
    /// Something takes in every row before returning the first: a full sort, a hash, an
    /// aggregate.
    gathers: bool,
}

impl Plan {
    /// A plain page: rows straight from the tables, cut by a `LIMIT`, with nothing that
    /// filters or aggregates them (so every row read is a row returned).
    fn is_plain_page(&self) -> bool {
        const READ_EVERYTHING: [&str; 8] =
            [" WHERE ", " GROUP BY ", "DISTINCT", "COUNT(", "SUM(", "AVG(", "MIN(", "MAX("];
        self.sql.contains(" LIMIT ") && !READ_EVERYTHING.iter().any(|clause| self.sql.contains(clause))
    }

    /// The reads of growing tables that break the rule (see the module comment).
    fn full_scans(&self) -> Vec<String> {
        let keyset_page = self.is_plain_page() && !self.gathers;
        self.reads
            .iter()
            .enumerate()
            .filter(|(_, read)| GROWING_TABLES.contains(&read.table.as_str()))
            .filter_map(|(position, read)| match read.access {
                Access::Search => None,
                Access::Walk if keyset_page && position == 0 && !read.filtered => None,
                Access::Walk => Some(format!("a walk through all of {} (not a keyset page)", read.table)),
                Access::Scan => Some(format!("a full scan of {}", read.table)),
            })
            .collect()
    }

    fn describe(&self) -> String {
        format!("{}\n{}", self.sql, self.text)
    }
}

/// The SELECT statements `run` sends, as SQL without the binds.
fn statements_of(conn: &mut DbConnection, run: impl FnOnce(&mut DbConnection)) -> Vec<String> {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&seen);
    conn.set_instrumentation(move |event: InstrumentationEvent<'_>| {
        if let InstrumentationEvent::StartQuery { query, .. } = event {
            sink.lock().unwrap().push(query.to_string());
        }
    });
    run(conn);
    conn.set_instrumentation(None::<Box<dyn Instrumentation>>);
    let seen = seen.lock().unwrap();
    seen.iter()
        .map(|text| text.split_once(" -- binds: ").map_or(text.as_str(), |(sql, _)| sql).to_owned())
        .filter(|sql| sql.starts_with("SELECT "))
        .collect()
}

/// The plans of the statements `run` sends, on the backend of the test database.
fn plans_of(app: &TestApp, run: impl FnOnce(&mut DbConnection)) -> Vec<Plan> {
    let mut conn = app.db();
    let statements = statements_of(&mut conn, run);
    assert!(!statements.is_empty(), "the queries sent no SELECT");
    statements
        .into_iter()
        .map(|sql| match &mut *conn {
            DbConnection::Sqlite(sqlite) => sqlite_plan(sqlite, sql),
            DbConnection::Postgresql(pg) => postgres_plan(pg, sql),
        })
        .collect()
}

/// Checks the rule on every statement `run` sends, and that they read each of `tables`.
#[track_caller]
fn assert_reads_through_indexes(app: &TestApp, tables: &[&str], run: impl FnOnce(&mut DbConnection)) {
    let plans = plans_of(app, run);
    let mut failures = String::new();
    for plan in &plans {
        let scans = plan.full_scans();
        if !scans.is_empty() {
            let _ = writeln!(failures, "{}:\n{}\n", scans.join(", "), plan.describe());
        }
    }
    let read: BTreeSet<&str> = plans.iter().flat_map(|p| p.reads.iter().map(|r| r.table.as_str())).collect();
    for table in tables {
        if !read.contains(table) {
            let _ = writeln!(failures, "no statement reads {table}");
        }
    }
    let all = plans.iter().map(Plan::describe).collect::<Vec<_>>().join("\n");
    assert!(failures.is_empty(), "{failures}\nEvery statement:\n{all}");
}

/// Checks that no statement `run` sends reads any of the growing tables.
#[track_caller]
fn assert_leaves_the_growing_tables_alone(app: &TestApp, run: impl FnOnce(&mut DbConnection)) {
    for plan in plans_of(app, run) {
        let touched: Vec<&str> =
            plan.reads.iter().map(|r| r.table.as_str()).filter(|table| GROWING_TABLES.contains(table)).collect();
        assert!(touched.is_empty(), "reads {touched:?}:\n{}", plan.describe());
    }
}

/// A row of SQLite's `EXPLAIN QUERY PLAN` (its fourth column, `notused`, is not needed).
#[derive(QueryableByName)]
struct SqlitePlanRow {
    #[diesel(sql_type = diesel::sql_types::Integer)]
    id: i32,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    parent: i32,
    #[diesel(sql_type = diesel::sql_types::Text)]
    detail: String,
}

/// The aliases a statement gives tables (`` `employees` AS `managers` ``): SQLite's plan
/// names an aliased table by its alias.
fn sqlite_aliases(sql: &str) -> Vec<(String, String)> {
    let mut aliases = Vec::new();
    let mut rest = sql;
    while let Some(at) = rest.find("` AS `") {
        let table = rest[..at].rsplit('`').next().unwrap_or_default();
        let alias = rest[at + 6..].split('`').next().unwrap_or_default();
        aliases.push((alias.to_owned(), table.to_owned()));
        rest = &rest[at + 6..];
    }
    aliases
}

fn sqlite_plan(conn: &mut SqliteConnection, sql: String) -> Plan {
    let rows: Vec<SqlitePlanRow> = diesel::sql_query(format!("EXPLAIN QUERY PLAN {sql}"))
        .load(conn)
        .unwrap_or_else(|e| panic!("cannot plan {sql}: {e}"));
    let aliases = sqlite_aliases(&sql);
    let real_name = |name: &str| {
        aliases.iter().find(|(alias, _)| alias == name).map_or_else(|| name.to_owned(), |(_, table)| table.clone())
    };
    let mut depths: Vec<(i32, usize)> = Vec::new();
    let mut text = String::new();
    let mut reads = Vec::new();
    let mut gathers = false;
    for row in &rows {
        let depth = depths.iter().find(|(id, _)| *id == row.parent).map_or(0, |(_, d)| d + 1);
        depths.push((row.id, depth));
        let _ = writeln!(text, "{}{}", "  ".repeat(depth), row.detail);
        let detail = row.detail.as_str();
        let words: Vec<&str> = detail.split_whitespace().collect();
        let read = match words.as_slice() {
            // The one row of a `SELECT` without a table (`SELECT EXISTS (…)`).
            ["SCAN", "CONSTANT", "ROW"] => None,
            ["SEARCH", table, ..] if detail.contains("AUTOMATIC") => Some((table, Access::Scan)),
            ["SEARCH", table, ..] => Some((table, Access::Search)),
            ["SCAN", table, ..] => Some((table, Access::Walk)),
            ["BLOOM", "FILTER", "ON", table, ..] => Some((table, Access::Scan)),
            _ => None,
        };
        if let Some((table, access)) = read {
            reads.push(TableRead { table: real_name(table), access, filtered: false });
        }
        // A sort of the whole result; not `… FOR RIGHT PART OF ORDER BY` or `… FOR LAST TERM
        // OF ORDER BY`, which sort runs of rows the walk delivers already ordered by a prefix.
        gathers |= ["USE TEMP B-TREE FOR ORDER BY", "USE TEMP B-TREE FOR GROUP BY", "USE TEMP B-TREE FOR DISTINCT"]
            .contains(&detail);
    }
    Plan { sql, text, reads, gathers }
}

/// A row of PostgreSQL's `EXPLAIN`.
#[derive(QueryableByName)]
struct PostgresPlanRow {
    #[diesel(sql_type = diesel::sql_types::Text, column_name = "QUERY PLAN")]
    line: String,
}

/// The highest `$n` placeholder of a statement.
fn placeholders(sql: &str) -> usize {
    sql.split('$')
        .skip(1)
        .filter_map(|after| after.split(|c: char| !c.is_ascii_digit()).next()?.parse().ok())
        .max()
        .unwrap_or(0)
}

/// An index and the column it starts with.
#[derive(QueryableByName)]
struct LeadingColumn {
    #[diesel(sql_type = diesel::sql_types::Text)]
    index: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    column: String,
}

fn postgres_plan(conn: &mut PgConnection, sql: String) -> Plan {
    let arguments = match placeholders(&sql) {
        0 => String::new(),
        n => format!("({})", vec!["NULL"; n].join(", ")),
    };
    conn.batch_execute("SET enable_seqscan = off; SET plan_cache_mode = force_generic_plan").unwrap();
    diesel::sql_query(format!("PREPARE plan_check AS {sql}"))
        .execute(conn)
        .unwrap_or_else(|e| panic!("cannot prepare {sql}: {e}"));
    let explain = |conn: &mut PgConnection, options: &str| -> String {
        let rows: Vec<PostgresPlanRow> =
            diesel::sql_query(format!("EXPLAIN {options} EXECUTE plan_check{arguments}")).load(conn).unwrap();
        rows.into_iter().map(|r| r.line).collect::<Vec<_>>().join("\n")
    };
    let json = explain(conn, "(FORMAT JSON)");
    let text = explain(conn, "");
    conn.batch_execute("DEALLOCATE plan_check; RESET enable_seqscan; RESET plan_cache_mode").unwrap();
    let leading: Vec<LeadingColumn> = diesel::sql_query(
        "SELECT c.relname::text AS index, a.attname::text AS column FROM pg_index i \
         JOIN pg_class c ON c.oid = i.indexrelid \
         JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]",
    )
    .load(conn)
    .unwrap();
    let tree: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut postgres = PostgresPlan { leading, reads: Vec::new(), gathers: false };
    postgres.visit(&tree[0]["Plan"]);
    Plan { sql, text, reads: postgres.reads, gathers: postgres.gathers }
}

/// Reads a PostgreSQL plan (`EXPLAIN (FORMAT JSON)`) into table reads.
struct PostgresPlan {
    leading: Vec<LeadingColumn>,
    reads: Vec<TableRead>,
    gathers: bool,
}

impl PostgresPlan {
    /// Whether an index node's `Index Cond` constrains the index's first column. A btree
    /// also takes conditions on later columns, but checks them while walking all of it.
    fn narrows(&self, node: &serde_json::Value) -> bool {
        let (Some(index), Some(condition)) = (node["Index Name"].as_str(), node["Index Cond"].as_str()) else {
            return false;
        };
        self.leading
            .iter()
            .filter(|l| l.index == index)
            .any(|l| condition.contains(&format!("({} ", l.column)) || condition.contains(&format!("({},", l.column)))
    }

    /// Whether every bitmap index scan below a node narrows its index.
    fn bitmaps_narrow(&self, node: &serde_json::Value) -> bool {
        match node["Node Type"].as_str() {
            Some("Bitmap Index Scan") => self.narrows(node),
            _ => node["Plans"].as_array().into_iter().flatten().all(|child| self.bitmaps_narrow(child)),
        }
    }

    /// Collects the table reads of a node and its children, outer side first.
    fn visit(&mut self, node: &serde_json::Value) {
        let kind = node["Node Type"].as_str().unwrap_or_default();
        // These read all their input before returning a row; an `Incremental Sort` sorts
        // runs of rows that arrive ordered by a prefix, and stops with its `Limit`.
        self.gathers |= matches!(kind, "Sort" | "Aggregate" | "Hash" | "SetOp" | "WindowAgg");
        if let Some(table) = node["Relation Name"].as_str() {
            let access = match kind {
                "Index Scan" | "Index Only Scan" if self.narrows(node) => Access::Search,
                "Index Scan" | "Index Only Scan" => Access::Walk,
                "Bitmap Heap Scan" if self.bitmaps_narrow(node) => Access::Search,
                _ => Access::Scan,
            };
            self.reads.push(TableRead { table: table.to_owned(), access, filtered: node.get("Filter").is_some() });
        }
        for child in node["Plans"].as_array().into_iter().flatten() {
            self.visit(child);
        }
    }
}

// ---------------------------------------------------------------------------------------
// The data the queries are asked about. The values barely matter (the plans are made
// without them) but the queries must run: a program with intakes, real people.

fn person(app: &TestApp, name: &str) -> i32 {
    employee_id(app, &format!("{name}@upskill.example"))
}

/// A program that has intakes (so that the seat count runs).
fn program_with_intakes(app: &TestApp) -> (i32, i32) {
    intakes::table.select((intakes::program_id, intakes::id)).first(&mut app.db()).unwrap()
}

fn at(year: i32, month: u32, day: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(year, month, day).unwrap().and_hms_opt(0, 0, 0).unwrap()
}

/// An application waiting on an intake's waitlist (only its id, intake and place are read).
fn waitlisted_application(employee_id: i32, program_id: i32, intake_id: i32) -> Application {
    let now = at(2026, 3, 1);
    Application {
        id: 42,
        employee_id,
        program_id,
        intake_id: Some(intake_id),
        status: ApplicationStatus::Waitlisted,
        motivation: String::new(),
        institution: None,
        course_title: None,
        term_starts_on: None,
        amount_cents: None,
        covered_cents: None,
        approver_id: None,
        submitted_at: now,
        decided_at: Some(now),
        waitlisted_at: Some(now),
        approved_at: None,
        paid_cents: 0,
        version: 1,
        created_at: now,
        updated_at: now,
        site_type: SiteType::TechHub,
        completed_on: None,
        completion_submitted_at: None,
        offer_expires_at: None,
    }
}

// ---------------------------------------------------------------------------------------
// Every signed-in page.

#[actix_web::test]
async fn a_session_is_found_by_its_key_through_an_index() {
    let app = spawn_app().await;
    assert_reads_through_indexes(&app, &["sessions"], |conn| {
        db::sessions::find(conn, "0123456789abcdef").unwrap();
    });
}

/// Every manager's approval that goes on to the program team tells the administrators,
/// under the intake's lock: reading all of `employees` for them queued a surge of
/// approvals behind each one.
#[actix_web::test]
async fn the_active_administrators_are_found_through_an_index() {
    let app = spawn_app().await;
    assert_reads_through_indexes(&app, &["employees"], |conn| {
        assert!(!db::employees::active_admin_ids(conn).unwrap().is_empty());
        assert!(db::employees::count_active_admins(conn).unwrap() > 0);
    });
}

#[actix_web::test]
async fn whether_someone_manages_anyone_is_answered_through_an_index() {
    let app = spawn_app().await;
    let maria = person(&app, "maria.manager");
    assert_reads_through_indexes(&app, &["employees"], |conn| {
        db::employees::has_direct_reports(conn, maria).unwrap();
    });
}

#[actix_web::test]
async fn the_unread_count_and_the_inbox_are_read_through_an_index() {
    let app = spawn_app().await;
    let fiona = person(&app, "fiona.associate");
    assert_reads_through_indexes(&app, &["notifications"], |conn| {
        db::employees::find_viewer(conn, fiona).unwrap();
        db::notifications::count_all(conn, fiona).unwrap();
        db::notifications::page(conn, fiona, 0, 50).unwrap();
        db::notifications::page(conn, fiona, 500, 50).unwrap();
    });
}

/// What the `Viewer` extractor (`src/web/mod.rs`) reads on every page, for an admin, who
/// takes every branch of it.
#[actix_web::test]
async fn what_every_page_reads_about_its_viewer_goes_through_indexes() {
    let app = spawn_app().await;
    let ada = person(&app, "ada.admin");
    let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    assert_reads_through_indexes(&app, &["employees", "notifications", "applications"], |conn| {
        let viewer = db::employees::find_viewer(conn, ada).unwrap().unwrap();
        let (scope, _) =
            db::workflow::queue_scope(conn, &viewer.employee, Some(ProgramScope::All), today, None).unwrap();
        db::queue::count_up_to(conn, &scope, 100).unwrap();
    });
}

/// The program team's verification queue (its count in every administrator's navigation,
/// its pages) and a person's learning record read `applications` through indexes.
#[actix_web::test]
async fn the_verification_queue_and_the_learning_record_read_through_indexes() {
    let app = spawn_app().await;
    let ada = person(&app, "ada.admin");
    assert_reads_through_indexes(&app, &["applications"], |conn| {
        db::completions::count_waiting_up_to(conn, &ProgramScope::All, 100).unwrap();
        db::completions::waiting_page(conn, &ProgramScope::All, 0, 25).unwrap();
    });
    assert_reads_through_indexes(&app, &["applications", "credentials"], |conn| {
        db::completions::learning_record(conn, ada).unwrap();
    });
}

// ---------------------------------------------------------------------------------------
// The catalog and an employee's own applications.

/// `programs` holds a few dozen rows and is read whole on purpose (sorted in Rust);
/// what matters is that the catalog reads nothing else.
#[actix_web::test]
async fn the_catalog_leaves_the_growing_tables_alone() {
    let app = spawn_app().await;
    assert_leaves_the_growing_tables_alone(&app, |conn| {
        db::programs::list_published(conn).unwrap();
    });
}

#[actix_web::test]
async fn a_programs_intakes_count_their_seats_through_an_index() {
    let app = spawn_app().await;
    let (program, _) = program_with_intakes(&app);
    assert_reads_through_indexes(&app, &["applications"], |conn| {
        let intakes = db::programs::intakes_with_seats(conn, program).unwrap();
        assert!(!intakes.is_empty());
    });
}

/// The program page and the application form: tuition already committed this year, and
/// whether the employee already has an active application to the program.
#[actix_web::test]
async fn the_apply_forms_checks_read_through_indexes() {
    let app = spawn_app().await;
    let fiona = person(&app, "fiona.associate");
    let (program, _) = program_with_intakes(&app);
    assert_reads_through_indexes(&app, &["applications"], |conn| {
        db::applications::committed_tuition_cents(conn, fiona, program, 2026, None).unwrap();
        db::applications::committed_tuition_cents(conn, fiona, program, 2026, Some(7)).unwrap();
        db::applications::find_active(conn, fiona, program).unwrap();
    });
}

/// The home page (five newest) and "My applications" (a later page, its count, and the
/// waitlist place of a waitlisted application).
#[actix_web::test]
async fn my_applications_are_read_through_an_index() {
    let app = spawn_app().await;
    let fiona = person(&app, "fiona.associate");
    let (program, intake) = program_with_intakes(&app);
    assert_reads_through_indexes(&app, &["applications", "employees"], |conn| {
        db::applications::page_for_employee(conn, fiona, 0, 5).unwrap();
        db::applications::page_for_employee(conn, fiona, 25, 25).unwrap();
        db::applications::count_for_employee(conn, fiona).unwrap();
        db::applications::find(conn, 42).ok();
        db::applications::waitlist_position(conn, &waitlisted_application(fiona, program, intake)).unwrap();
    });
}

#[actix_web::test]
async fn an_applications_timeline_is_read_through_an_index() {
    let app = spawn_app().await;
    assert_reads_through_indexes(&app, &["application_events", "employees"], |conn| {
        db::events::timeline(conn, 42).unwrap();
    });
}

#[actix_web::test]
async fn an_applications_files_are_listed_and_read_through_an_index() {
    let app = spawn_app().await;
    assert_reads_through_indexes(&app, &["evidence_files", "employees"], |conn| {
        db::evidence::for_application(conn, 42).unwrap();
        db::evidence::with_content(conn, 42, 7).ok();
    });
}

// ---------------------------------------------------------------------------------------
// The approvals queue: a page (oldest first) and its count, as `/approvals` and the
// navigation badge read them.

#[track_caller]
fn assert_queue_reads_through_indexes(app: &TestApp, scope: &QueueScope) {
    assert_reads_through_indexes(app, &["applications", "employees"], |conn| {
        db::queue::page(conn, scope, 0, 50).unwrap();
        db::queue::page(conn, scope, 500, 50).unwrap();
        db::queue::count(conn, scope).unwrap();
    });
}

#[actix_web::test]
async fn a_managers_approvals_queue_walks_an_index() {
    let app = spawn_app().await;
    let maria = person(&app, "maria.manager");
    let tom = person(&app, "tom.techlead");
    let own = QueueScope { viewer_id: maria, approver_ids: vec![maria], program_team_stage: None, program_id: None };
    assert_queue_reads_through_indexes(&app, &own);
    // Standing in for another manager adds their applications to the queue.
    let standing_in = QueueScope { approver_ids: vec![maria, tom], ..own };
    assert_queue_reads_through_indexes(&app, &standing_in);
}

#[actix_web::test]
async fn an_admins_approvals_queue_walks_an_index() {
    let app = spawn_app().await;
    let ada = person(&app, "ada.admin");
    let scope = QueueScope {
        viewer_id: ada,
        approver_ids: vec![ada],
        program_team_stage: Some(ProgramScope::All),
        program_id: None,
    };
    assert_queue_reads_through_indexes(&app, &scope);
}

#[actix_web::test]
async fn the_approvals_queue_filtered_by_program_walks_an_index() {
    let app = spawn_app().await;
    let ada = person(&app, "ada.admin");
    let maria = person(&app, "maria.manager");
    let (program, _) = program_with_intakes(&app);
    let admin = QueueScope {
        viewer_id: ada,
        approver_ids: vec![ada],
        program_team_stage: Some(ProgramScope::All),
        program_id: Some(program),
    };
    assert_queue_reads_through_indexes(&app, &admin);
    let manager =
        QueueScope { viewer_id: maria, approver_ids: vec![maria], program_team_stage: None, program_id: Some(program) };
    assert_queue_reads_through_indexes(&app, &manager);
}

// ---------------------------------------------------------------------------------------
// The administrators' application list (keyset pages of 50, newest first; the CSV export
// reads the same query in batches of 1,000).

#[track_caller]
fn assert_admin_list_reads_through_indexes(app: &TestApp, filter: &AdminFilter, before: Option<i32>) {
    assert_reads_through_indexes(app, &["applications", "employees"], |conn| {
        db::application_list::admin_page(conn, filter, before, 51).unwrap();
        db::application_list::admin_page(conn, filter, before, 1_000).unwrap();
    });
}

#[actix_web::test]
async fn the_admin_list_without_a_filter_walks_the_primary_key() {
    let app = spawn_app().await;
    assert_admin_list_reads_through_indexes(&app, &AdminFilter::default(), None);
}

#[actix_web::test]
async fn the_admin_list_filtered_by_status_walks_an_index() {
    let app = spawn_app().await;
    let filter = AdminFilter { status: Some(ApplicationStatus::Approved), ..AdminFilter::default() };
    assert_admin_list_reads_through_indexes(&app, &filter, None);
}

#[actix_web::test]
async fn the_admin_list_filtered_by_program_walks_an_index() {
    let app = spawn_app().await;
    let (program, _) = program_with_intakes(&app);
    let filter = AdminFilter { program_id: Some(program), ..AdminFilter::default() };
    assert_admin_list_reads_through_indexes(&app, &filter, None);
}

#[actix_web::test]
async fn the_admin_list_filtered_by_site_type_walks_an_index() {
    let app = spawn_app().await;
    let filter = AdminFilter { site_type: Some(SiteType::RetailStore), ..AdminFilter::default() };
    assert_admin_list_reads_through_indexes(&app, &filter, None);
}

/// A dated list is ordered and paged by `(created_at, id)`, which
/// `applications_created (created_at, id)` serves on both backends; walking by id and
/// filtering on dates read every row outside the range (the last page of "from a date"
/// read all older applications).
#[actix_web::test]
async fn the_admin_list_filtered_by_dates_walks_an_index() {
    let app = spawn_app().await;
    let range = AdminFilter { from: Some(at(2026, 1, 1)), until: Some(at(2026, 2, 1)), ..AdminFilter::default() };
    assert_admin_list_reads_through_indexes(&app, &range, None);
    let since = AdminFilter { from: Some(at(2026, 1, 1)), ..AdminFilter::default() };
    assert_admin_list_reads_through_indexes(&app, &since, None);
    let until = AdminFilter { until: Some(at(2026, 2, 1)), ..AdminFilter::default() };
    assert_admin_list_reads_through_indexes(&app, &until, None);
}

#[actix_web::test]
async fn a_deep_page_of_the_admin_list_starts_at_its_cursor() {
    let app = spawn_app().await;
    assert_admin_list_reads_through_indexes(&app, &AdminFilter::default(), Some(500_000));
    let filter = AdminFilter { status: Some(ApplicationStatus::Approved), ..AdminFilter::default() };
    assert_admin_list_reads_through_indexes(&app, &filter, Some(500_000));
}

// ---------------------------------------------------------------------------------------
// The dashboard and the people directory.

/// The dashboard reads the reporting counters, the pledge's participants and the
/// programs' names. It reads all of each on purpose: the counters hold a row per program,
/// site type, month and status, and the participants are counted whole (one row per
/// person who completed a program). None of them is a growing table of the rule.
#[actix_web::test]
async fn the_dashboard_figures_leave_the_growing_tables_alone() {
    let app = spawn_app().await;
    assert_leaves_the_growing_tables_alone(&app, |conn| {
        db::dashboard::totals(conn, None, None).unwrap();
        db::dashboard::participants(conn).unwrap();
        db::dashboard::program_names(conn).unwrap();
        db::outcomes::totals(conn, Some("2026-01"), Some("2026-12")).unwrap();
        db::dashboard::by_group_and_status(conn, Some("2026-01"), None).unwrap();
        db::dashboard::seat_costs(conn).unwrap();
        db::outcomes::move_delays(conn, None, Some("2026-12")).unwrap();
        db::payments::paid_by_program(conn, Some("2026-01"), Some("2026-12")).unwrap();
    });
    // On SQLite the outcome counters are kept in the order the dashboard sums them (the
    // month last in a WITHOUT ROWID key): all time or a period, no sort.
    if !upskill::db::is_postgres(&app.database_url) {
        for (from, to) in [(None, None), (Some("2026-01"), Some("2026-12"))] {
            let plans = plans_of(&app, |conn| {
                db::outcomes::totals(conn, from, to).unwrap();
                db::outcomes::move_delays(conn, from, to).unwrap();
            });
            for plan in plans {
                let plan = plan.describe();
                assert!(!plan.contains("TEMP B-TREE"), "{plan}");
            }
        }
    }
}

/// What completions led to is kept up to date through indexes: a completion and a
/// history change read the participant's completions and history, and the scheduler finds
/// the rows whose horizon came.
#[actix_web::test]
async fn outcomes_are_computed_again_through_indexes() {
    let app = spawn_app().await;
    let fiona = employee_id(&app, "fiona.associate@upskill.example");
    let today = upskill::clock::today();
    // Someone with a completion, so that each check goes on to read it.
    let program = program_with_intakes(&app).0;
    let id =
        crate::helpers::ApplicationBuilder::new(fiona, program, ApplicationStatus::Completed).insert(&mut app.db());
    assert_reads_through_indexes(&app, &["applications", "employee_history"], |conn| {
        db::outcomes::record_completion(conn, id, today).unwrap();
    });
    assert_reads_through_indexes(&app, &["completion_outcomes", "applications", "employee_history"], |conn| {
        db::outcomes::recheck_employee(conn, fiona, today).unwrap();
    });
    assert_reads_through_indexes(&app, &["completion_outcomes"], |conn| {
        db::outcomes::recheck_due(conn, today, 100).unwrap();
    });
}

/// The outcome exports walk the application-day index a page at a time, and seek to the
/// cursor of a later page.
#[actix_web::test]
async fn the_outcome_exports_walk_their_index_from_the_cursor() {
    let app = spawn_app().await;
    let filter = db::outcomes::OutcomeFilter::default();
    assert_reads_through_indexes(&app, &["completion_outcomes"], |conn| {
        db::outcomes::export_page(conn, &filter, None, 2_000).unwrap();
        db::outcomes::export_page(conn, &filter, Some((NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(), 42)), 2_000)
            .unwrap();
    });
}

/// Without a search the directory's first page walks the name index and stops after a
/// page. A search is not checked: it matches any part of the name (`LIKE '%x%'`), which
/// no B-tree index can serve, so it reads every person by design.
#[actix_web::test]
async fn the_people_directory_walks_the_name_index() {
    let app = spawn_app().await;
    assert_reads_through_indexes(&app, &["employees"], |conn| {
        db::employees::directory(conn, "", None, 51).unwrap();
    });
}

/// A later page's cursor is written as a range, `display_name >= ? AND (display_name > ?
/// OR id > ?)`, which both backends seek to in `employees_display_name`; the plain
/// `display_name > ? OR (display_name = ? AND id > ?)` made page n read n pages.
#[actix_web::test]
async fn a_later_page_of_the_people_directory_starts_at_its_cursor() {
    let app = spawn_app().await;
    assert_reads_through_indexes(&app, &["employees"], |conn| {
        db::employees::directory(conn, "", Some(("Maria Manager", 3)), 51).unwrap();
    });
}

/// What is due is read through `applications_payment_due`, the partial index of the
/// places not paid in full: `db::payments::due_condition` must match its predicate (a
/// status added to `domain::payment::accepts_payment` without recreating the index fails
/// here), and a program is checked on its rows rather than looked up through a program
/// index. The payments list walks `tuition_payments_paid_on`; the totals of both lists
/// read their counters.
#[actix_web::test]
async fn the_payments_lists_read_through_their_indexes() {
    use upskill::db::payments::PaymentFilter;
    let app = spawn_app().await;
    let program = upskill::db::programs::find_by_slug(&mut app.db(), "career-choice").unwrap().id;
    for filter in [PaymentFilter::default(), PaymentFilter { program_id: Some(program), ..PaymentFilter::default() }] {
        let plans = plans_of(&app, |conn| {
            db::payments::due_page(conn, &filter, None, 0, 50).unwrap();
            db::payments::due_totals(conn, &filter).unwrap();
            db::payments::paid_totals(conn, &filter).unwrap();
        });
        // PostgreSQL weighs a program's share of the applications by its statistics, which
        // an empty test database lacks (bench/payments.sh measures it at a million); SQLite
        // keeps none, so its plan must not depend on them.
        let weighs = upskill::db::is_postgres(&app.database_url) && filter.program_id.is_some();
        if !weighs {
            assert!(plans[0].describe().contains("applications_payment_due"), "{}", plans[0].describe());
        }
        // The totals read the counters, never the places or the payments.
        assert!(plans[1].describe().contains("due_totals"), "{}", plans[1].describe());
        assert!(plans[2].describe().contains("payment_totals"), "{}", plans[2].describe());
        for plan in &plans[1..] {
            assert!(!plan.describe().contains("applications"), "{}", plan.describe());
        }
        let plans = plans_of(&app, |conn| {
            db::payments::paid_page(conn, &filter, None, 0, 50).unwrap();
        });
        if !weighs {
            assert!(plans[0].describe().contains("tuition_payments_paid_on"), "{}", plans[0].describe());
        }
    }
}

// ---------------------------------------------------------------------------------------
// The eligibility headcount of the program form.

/// The headcount preview counts active people by site type and job family in the index
/// `employees_headcount` alone: a search from its first column (`active`), the rule's
/// lists as `IN`s on the next, and the index covering every column read, so that no row
/// of the table needs to be read. On SQLite the groups come in the index's order (no sort
/// of 300,000 people). PostgreSQL weighs an index-only scan against the visibility of the
/// table's pages, which a test database's few rows do not tell: it must use the index.
#[actix_web::test]
async fn the_eligibility_headcount_is_counted_in_the_index_alone() {
    use upskill::domain::headcount::{HeadcountConditions, PreviewDays};
    use upskill::domain::{JobFamily, ProgramRules};
    let app = spawn_app().await;
    let saved = upskill::db::programs::find_by_slug(&mut app.db(), "amazon-technical-academy").unwrap().rules();
    let days = PreviewDays::starting(upskill::clock::today());
    let rules = [
        ProgramRules { allowed_job_families: vec![], allowed_site_types: vec![], ..saved.clone() },
        ProgramRules {
            allowed_job_families: vec![JobFamily::Technical, JobFamily::Corporate],
            allowed_site_types: vec![SiteType::TechHub],
            full_time_only: true,
            ..saved.clone()
        },
        // Only the later day counts (the window opens in between).
        ProgramRules { opens_on: Some(days.today + chrono::Days::new(30)), ..saved.clone() },
    ];
    let postgres = upskill::db::is_postgres(&app.database_url);
    for rule in &rules {
        let conditions = HeadcountConditions::of(rule, days);
        assert_reads_through_indexes(&app, &["employees"], |conn| {
            db::headcount::count(conn, &conditions).unwrap();
        });
        let plans = plans_of(&app, |conn| {
            db::headcount::count(conn, &conditions).unwrap();
        });
        let plan = plans[0].describe();
        if postgres {
            assert!(plan.contains("on employees_headcount") || plan.contains("using employees_headcount"), "{plan}");
        } else {
            assert!(plan.contains("USING COVERING INDEX employees_headcount"), "{plan}");
            assert!(!plan.contains("TEMP B-TREE"), "{plan}");
        }
    }
    // A changed rule is counted beside the saved one in one pass, through the same index,
    // with the counts each would have alone.
    let conditions: Vec<HeadcountConditions> = rules.iter().map(|rule| HeadcountConditions::of(rule, days)).collect();
    for (edited, saved) in [(&conditions[1], &conditions[2]), (&conditions[0], &conditions[1])] {
        let (edited_cells, saved_cells) = db::headcount::count_two(&mut app.db(), edited, Some(saved)).unwrap();
        assert_eq!(edited_cells, db::headcount::count(&mut app.db(), edited).unwrap());
        assert_eq!(saved_cells, Some(db::headcount::count(&mut app.db(), saved).unwrap()));
        assert_reads_through_indexes(&app, &["employees"], |conn| {
            db::headcount::count_two(conn, edited, Some(saved)).unwrap();
        });
        let plans = plans_of(&app, |conn| {
            db::headcount::count_two(conn, edited, Some(saved)).unwrap();
        });
        assert_eq!(plans.len(), 1, "one statement");
        let plan = plans[0].describe();
        if postgres {
            assert!(plan.contains("on employees_headcount") || plan.contains("using employees_headcount"), "{plan}");
        } else {
            assert!(plan.contains("USING COVERING INDEX employees_headcount"), "{plan}");
        }
    }
}

/// An approval's budget check reads one program's year of `commitment_totals` as a range
/// of its primary key (it runs under the program's row lock, in every approval that gives
/// a place); the dashboard's budget table reads the year's rows of `commitment_totals`
/// and `payment_totals` (a row per program and day: a few thousand in three years, however
/// many applications there are) and the programs. None of them reads a growing table.
#[actix_web::test]
async fn the_budget_figures_read_the_counters_never_the_applications() {
    let app = spawn_app().await;
    let program = upskill::db::programs::find_by_slug(&mut app.db(), "career-choice").unwrap();
    let today = chrono::Utc::now().date_naive();
    let plans = plans_of(&app, |conn| {
        db::budgets::standing(conn, &program, today).unwrap();
    });
    let counter: Vec<&TableRead> =
        plans.iter().flat_map(|p| p.reads.iter()).filter(|r| r.table == "commitment_totals").collect();
    let all = plans.iter().map(Plan::describe).collect::<Vec<_>>().join("\n");
    assert!(!counter.is_empty() && counter.iter().all(|r| r.access == Access::Search), "{all}");
    assert_leaves_the_growing_tables_alone(&app, |conn| {
        db::budgets::standing(conn, &program, today).unwrap();
        db::budgets::year_by_program(conn, 2026).unwrap();
    });
}

/// The comparison group is computed once a day. It reads the completions whose 12-month
/// outcome is known and the people who ever had a place whole (one pass each, on
/// purpose), then the employees and their history a batch at a time: each batch a range
/// of the primary key and of the history's `(employee_id, effective_on, id)` index, so
/// that memory stays flat and no batch reads the whole table again.
#[actix_web::test]
async fn the_comparison_reads_employees_and_history_a_range_at_a_time() {
    let app = spawn_app().await;
    let fiona = employee_id(&app, "fiona.associate@upskill.example");
    let program = program_with_intakes(&app).0;
    let id =
        crate::helpers::ApplicationBuilder::new(fiona, program, ApplicationStatus::Completed).insert(&mut app.db());
    let long_ago = upskill::clock::today() - chrono::Days::new(800);
    diesel::update(upskill::db::schema::applications::table.find(id))
        .set(upskill::db::schema::applications::completed_on.eq(Some(long_ago)))
        .execute(&mut app.db())
        .unwrap();
    upskill::db::outcomes::rebuild(&mut app.db(), upskill::clock::today()).unwrap();
    let plans = plans_of(&app, |conn| {
        db::comparison::refresh(conn, upskill::clock::today()).unwrap();
    });
    let all = plans.iter().map(Plan::describe).collect::<Vec<_>>().join("\n");
    let mut seen = BTreeSet::new();
    for read in plans.iter().flat_map(|plan| plan.reads.iter()) {
        seen.insert(read.table.as_str());
        if read.table == "employees" || read.table == "employee_history" {
            assert_eq!(read.access, Access::Search, "{} read as {:?}:\n{all}", read.table, read.access);
        }
    }
    assert!(seen.contains("employee_history") && seen.contains("employees"), "{all}");
}
