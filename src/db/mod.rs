//! Everything that speaks SQL: the connection type over both backends, the pool,
//! the embedded migrations, and one module of queries per table.
//!
//! Error policy: functions here return `diesel::QueryResult`; the web layer turns
//! `diesel::NotFound` into a 404 once (see `web::error`).

pub mod access_links;
pub mod application_list;
pub mod applications;
pub mod attempt_counts;
pub mod audit;
pub mod backup;
pub mod budgets;
pub mod calendar;
pub mod catalog_cache;
pub mod column_types;
pub mod comparison;
pub mod completions;
pub mod credentials;
pub mod dashboard;
pub mod delegations;
pub mod employees;
pub mod events;
pub mod evidence;
pub mod file_lock;
pub mod headcount;
pub mod history;
pub mod import;
pub mod leases;
pub mod notifications;
pub mod outbox;
pub mod outcomes;
pub mod payments;
pub mod program_teams;
pub mod programs;
pub mod proposals;
pub mod queue;
pub mod schema;
pub mod scim;
pub mod scim_tokens;
pub mod seed;
pub mod sessions;
pub mod settings;
pub mod stats;
pub mod synthetic;
pub mod synthetic_history;
pub mod waitlists;
pub mod workflow;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context;
use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::r2d2::event::{AcquireEvent, TimeoutEvent};
use diesel::r2d2::{CustomizeConnection, HandleError, HandleEvent, ManageConnection, Pool, PooledConnection};
use diesel::r2d2::{Error as ConnectionFailure, R2D2Connection};
use diesel::{Connection, ConnectionResult, PgConnection, RunQueryDsl, SqliteConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

use crate::security::redact;

/// Runs one query on the backend's own connection rather than through [`DbConnection`],
/// for the few queries every page makes (the session, the viewer). Through the
/// multi-backend connection diesel knows a query only by its SQL, so it writes the SQL
/// out again on every run to find the prepared statement; on the backend's own connection
/// a query's type finds it. The query is written once; it is checked against both
/// backends.
macro_rules! on_own_backend {
    ($conn:expr, |$own:ident| $query:expr) => {
        match $conn {
            $crate::db::DbConnection::Sqlite($own) => $query,
            $crate::db::DbConnection::Postgresql($own) => $query,
        }
    };
}
pub(crate) use on_own_backend;

/// One connection to either backend; all queries are written once against it.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Postgresql(PgConnection),
    Sqlite(SqliteConnection),
}

pub type DbPool = Pool<DbManager>;
pub type PooledDb = PooledConnection<DbManager>;

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// The name PostgreSQL shows for Upskill's connections (`pg_stat_activity.application_name`,
/// its logs), unless the URL names another.
pub const APPLICATION_NAME: &str = "upskill";

/// Turns `--database-url` into what diesel expects: `postgres://…` stays as it is,
/// `sqlite://path` and a bare path become a file path.
pub fn normalise_url(database_url: &str) -> String {
    if is_postgres(database_url) {
        database_url.to_owned()
    } else {
        database_url.strip_prefix("sqlite://").unwrap_or(database_url).to_owned()
    }
}

/// Whether a URL names a PostgreSQL database.
pub fn is_postgres(database_url: &str) -> bool {
    database_url.starts_with("postgres://") || database_url.starts_with("postgresql://")
}

/// A PostgreSQL URL as libpq gets it: with `application_name=upskill` unless it names one.
fn postgres_url(database_url: &str) -> String {
    if database_url.contains("application_name=") {
        return database_url.to_owned();
    }
    let separator = if database_url.contains('?') { '&' } else { '?' };
    format!("{database_url}{separator}application_name={APPLICATION_NAME}")
}

/// Opens one connection to the backend `database_url` names. (The multi-backend's own
/// `establish` tries each backend in turn and keeps none of their errors: every failure
/// would read "Invalid connection url".)
pub fn establish(database_url: &str) -> ConnectionResult<DbConnection> {
    if is_postgres(database_url) {
        PgConnection::establish(&postgres_url(database_url)).map(DbConnection::Postgresql)
    } else {
        SqliteConnection::establish(&normalise_url(database_url)).map(DbConnection::Sqlite)
    }
}

/// Opens the pool's connections with [`establish`], so a failure says what failed.
#[derive(Debug, Clone)]
pub struct DbManager {
    database_url: String,
}

impl ManageConnection for DbManager {
    type Connection = DbConnection;
    type Error = ConnectionFailure;

    fn connect(&self) -> Result<DbConnection, ConnectionFailure> {
        establish(&self.database_url).map_err(ConnectionFailure::ConnectionError)
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), ConnectionFailure> {
        conn.ping().map_err(ConnectionFailure::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        std::thread::panicking() || conn.is_broken()
    }
}

/// Sets the SQLite pragmas on every new connection. `busy_timeout` comes first so that
/// switching to WAL waits for other connections instead of failing. On SQLite it also
/// holds, for the pool's life, the shared lock that keeps `restore` away.
#[derive(Debug)]
struct ConnectionSetup {
    _in_use: Option<file_lock::SharedLock>,
}

impl CustomizeConnection<DbConnection, ConnectionFailure> for ConnectionSetup {
    fn on_acquire(&self, conn: &mut DbConnection) -> Result<(), ConnectionFailure> {
        if let DbConnection::Sqlite(sqlite) = conn {
            set_sqlite_pragmas(sqlite).map_err(ConnectionFailure::QueryError)?;
        }
        Ok(())
    }
}

#[derive(diesel::QueryableByName)]
struct JournalMode {
    #[diesel(sql_type = diesel::sql_types::Text)]
    journal_mode: String,
}

/// The pragmas of every SQLite connection. WAL stays set in the file once set: asking to
/// set it again on each new connection could fail as "database is locked" while other
/// connections write, so a connection only switches a file that is not in WAL yet.
fn set_sqlite_pragmas(sqlite: &mut diesel::SqliteConnection) -> diesel::QueryResult<()> {
    sqlite.batch_execute("PRAGMA busy_timeout = 10000;")?;
    let mode: JournalMode = diesel::sql_query("PRAGMA journal_mode").get_result(sqlite)?;
    if !mode.journal_mode.eq_ignore_ascii_case("wal") {
        sqlite.batch_execute("PRAGMA journal_mode = WAL;")?;
    }
    sqlite.batch_execute("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
}

/// How many times [`switch_to_wal`] tries again when the switch meets another one.
const WAL_SWITCH_ATTEMPTS: u32 = 50;

/// Puts a SQLite file in WAL mode on one connection, before the pool opens its own side
/// by side. New connections switching a fresh file at once each hold the read lock that
/// the others' switch must wait out, and SQLite fails one of them at once, busy timeout
/// or not, as "database is locked". Another process switching the same file at the same
/// moment can still meet this one: the switch is tried again a little later.
fn switch_to_wal(database_url: &str) -> anyhow::Result<()> {
    let mut sqlite = SqliteConnection::establish(&normalise_url(database_url))?;
    let mut attempt = 1;
    loop {
        match set_sqlite_pragmas(&mut sqlite) {
            Err(err) if attempt < WAL_SWITCH_ATTEMPTS && is_locked(&err) => {
                attempt += 1;
                std::thread::sleep(Duration::from_millis(20));
            }
            outcome => return Ok(outcome?),
        }
    }
}

/// Whether SQLite refused a statement because another connection held the lock it needed.
fn is_locked(err: &diesel::result::Error) -> bool {
    matches!(err, diesel::result::Error::DatabaseError(_, info) if info.message().contains("database is locked"))
}

/// A pooled connection free at this moment, for a short read on the calling thread, when
/// `in_place` (the database is SQLite: see `web::run_short_read`); `None` otherwise or
/// when every connection is lent, and the read goes to the blocking pool.
pub fn free_connection_for_short_read(pool: &DbPool, in_place: bool) -> Option<PooledDb> {
    if in_place {
        pool.try_get()
    } else {
        None
    }
}

/// Runs the reads of one short trip in one read transaction on SQLite, so they take the
/// file's shared lock once rather than once per statement (and see one snapshot). On
/// PostgreSQL the reads run as they are: a transaction would cost two more round trips.
pub fn read_together<T, E, F>(conn: &mut DbConnection, reads: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConnection) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    match conn {
        DbConnection::Sqlite(_) => conn.transaction(reads),
        DbConnection::Postgresql(_) => reads(conn),
    }
}

/// How long a request waits for a database connection before it answers 503: long
/// enough to ride out a burst, short enough that a database outage shows at once.
pub const CONNECTION_WAIT: Duration = Duration::from_secs(3);

/// Opens a pool of `size` connections to `database_url`.
pub fn connect(database_url: &str, size: u32) -> anyhow::Result<DbPool> {
    connect_counting_waits(database_url, size, PoolWaits::default())
}

/// Opens a pool of `size` connections to `database_url` that counts into `waits` the
/// times nobody got a connection within [`CONNECTION_WAIT`]. A pool on a SQLite file
/// holds its shared lock (see [`file_lock`]).
pub fn connect_counting_waits(database_url: &str, size: u32, waits: PoolWaits) -> anyhow::Result<DbPool> {
    let in_use = if is_postgres(database_url) {
        None
    } else {
        let in_use = file_lock::hold_shared(std::path::Path::new(&normalise_url(database_url)))?;
        switch_to_wal(database_url).context("cannot set up the SQLite file")?;
        Some(in_use)
    };
    let manager = DbManager { database_url: database_url.to_owned() };
    let pool = Pool::builder()
        .max_size(size)
        .connection_timeout(CONNECTION_WAIT)
        // A PostgreSQL connection is tried (`SELECT 1`) before it is lent, so that one the
        // server dropped is replaced without failing a request. A SQLite connection is a
        // file of this process that cannot go away: trying it would only cost each trip
        // to the database a statement.
        .test_on_check_out(is_postgres(database_url))
        .connection_customizer(Box::new(ConnectionSetup { _in_use: in_use }))
        .error_handler(Box::new(waits.failures.clone()))
        .event_handler(Box::new(waits))
        .build(manager)
        .map_err(|err| anyhow::anyhow!(redact(&err.to_string())))?;
    Ok(pool)
}

/// Counts, and logs, the waits for a pool connection that ran out of time. The pool calls
/// it on the thread that waited: under a request, the line carries the request's id.
#[derive(Debug, Clone, Default)]
pub struct PoolWaits {
    timed_out: Arc<AtomicU64>,
    failures: ConnectionFailures,
}

impl PoolWaits {
    /// How many waits for a connection ran out of time since the pool was opened.
    pub fn timed_out(&self) -> u64 {
        self.timed_out.load(Ordering::Relaxed)
    }

    /// How many attempts to open (or set up) a connection failed since the pool was opened.
    pub fn connection_failures(&self) -> u64 {
        self.failures.count.load(Ordering::Relaxed)
    }
}

impl HandleEvent for PoolWaits {
    fn handle_acquire(&self, _: AcquireEvent) {
        self.failures.recovered();
    }

    fn handle_timeout(&self, event: TimeoutEvent) {
        self.timed_out.fetch_add(1, Ordering::Relaxed);
        let waited_ms = u64::try_from(event.timeout().as_millis()).unwrap_or(u64::MAX);
        tracing::warn!(waited_ms, "no database connection became free in time");
    }
}

/// How often the same connection failure is logged again while it lasts.
const FAILURE_REPEAT: Duration = Duration::from_secs(60);

/// Logs the pool's failures to connect (or to use a connection), credentials hidden. The
/// pool retries every few hundred milliseconds while the database is away: the same
/// failure is logged once, then once a minute with the number of attempts meanwhile, and
/// the first connection made afterwards is logged as the recovery.
#[derive(Debug, Clone, Default)]
pub struct ConnectionFailures {
    state: Arc<Mutex<FailureLog>>,
    /// Every failure, logged or not.
    count: Arc<AtomicU64>,
}

#[derive(Debug, Default)]
struct FailureLog {
    /// The failure last logged, and when.
    last: Option<(String, Instant)>,
    /// Failures since the last line.
    unlogged: u64,
}

impl ConnectionFailures {
    fn failed(&self, message: String) {
        self.count.fetch_add(1, Ordering::Relaxed);
        let Ok(mut log) = self.state.lock() else { return };
        let same_cause = |last: &String| failure_cause(last) == failure_cause(&message);
        let repeat = log.last.as_ref().is_some_and(|(last, at)| same_cause(last) && at.elapsed() < FAILURE_REPEAT);
        if repeat {
            log.unlogged += 1;
            return;
        }
        let attempts = log.unlogged;
        if log.last.as_ref().is_some_and(|(last, _)| same_cause(last)) {
            tracing::error!(error = %message, attempts, "the database is still unreachable");
        } else {
            tracing::error!(error = %message, "cannot connect to the database");
        }
        log.last = Some((message, Instant::now()));
        log.unlogged = 0;
    }

    fn recovered(&self) {
        let Ok(mut log) = self.state.lock() else { return };
        if log.last.take().is_some() {
            tracing::info!(failed_attempts = log.unlogged + 1, "connected to the database again");
        }
        log.unlogged = 0;
    }
}

/// What went wrong, without where: a new connection's failure starts with `connection to
/// server at "HOST", port N failed: `, a pooled connection's does not, and the two
/// alternate while the database is away — one outage, logged once.
fn failure_cause(message: &str) -> &str {
    match message.strip_prefix("connection to server at ") {
        Some(rest) => rest.split_once(" failed: ").map_or(message, |(_, cause)| cause),
        None => message,
    }
}

impl HandleError<ConnectionFailure> for ConnectionFailures {
    fn handle_error(&self, error: ConnectionFailure) {
        self.failed(redact(error.to_string().trim_end()));
    }
}

/// Identifies the lock that migrations take on PostgreSQL (`pg_advisory_xact_lock`).
const MIGRATION_LOCK: i64 = 0x7570_736b_696c_6c6d; // "upskillm"

/// How long a SQLite process waits for another one's migrations (its write lock).
const SQLITE_MIGRATION_WAIT_MS: u32 = 600_000;

/// Applies the embedded migrations of the connection's backend that have not run yet,
/// all in one transaction that first takes the migration lock: servers started together
/// apply them one after the other (the later ones find nothing to do), and a migration
/// that fails leaves the database as it was before any of them. On PostgreSQL the lock is
/// an advisory lock; on SQLite the write lock (`BEGIN IMMEDIATE`), waited for up to ten
/// minutes.
pub fn run_migrations(conn: &mut DbConnection) -> Result<usize, Box<dyn std::error::Error + Send + Sync>> {
    type Failure = Box<dyn std::error::Error + Send + Sync>;
    let applied = match conn {
        DbConnection::Sqlite(sqlite) => {
            sqlite.batch_execute(&format!("PRAGMA busy_timeout = {SQLITE_MIGRATION_WAIT_MS}"))?;
            let applied = sqlite.immediate_transaction(|sqlite| -> Result<usize, Failure> {
                Ok(sqlite.run_pending_migrations(SQLITE_MIGRATIONS)?.len())
            });
            // Back to the usual wait.
            set_sqlite_pragmas(sqlite)?;
            applied?
        }
        DbConnection::Postgresql(pg) => pg.transaction(|pg| -> Result<usize, Failure> {
            diesel::sql_query("SELECT pg_advisory_xact_lock($1)")
                .bind::<diesel::sql_types::BigInt, _>(MIGRATION_LOCK)
                .execute(pg)?;
            Ok(pg.run_pending_migrations(POSTGRES_MIGRATIONS)?.len())
        })?,
    };
    Ok(applied)
}

/// Runs `work` in one transaction that takes the write lock up front.
///
/// On SQLite this is `BEGIN IMMEDIATE`: a deferred transaction that reads and then
/// writes can fail with `SQLITE_BUSY` when another connection wrote in between, and
/// `busy_timeout` cannot retry that. PostgreSQL uses an ordinary transaction; its
/// callers lock rows with `FOR UPDATE` where they must.
pub fn write_transaction<T, E, F>(conn: &mut DbConnection, work: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConnection) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    match conn {
        DbConnection::Sqlite(sqlite) => AnsiTransactionManager::begin_transaction_sql(sqlite, "BEGIN IMMEDIATE")?,
        DbConnection::Postgresql(pg) => AnsiTransactionManager::begin_transaction(pg)?,
    }
    match work(conn) {
        Ok(value) => {
            <DbConnection as Connection>::TransactionManager::commit_transaction(conn)?;
            Ok(value)
        }
        Err(err) => {
            <DbConnection as Connection>::TransactionManager::rollback_transaction(conn)?;
            Err(err)
        }
    }
}

/// The SQL for the calendar month (`YYYY-MM`) of a date or timestamp column, as each
/// backend writes it (for the counters rebuilt and summed by month).
pub(crate) fn month_of(conn: &DbConnection, column: &str) -> String {
    match conn {
        DbConnection::Sqlite(_) => format!("strftime('%Y-%m', {column})"),
        DbConnection::Postgresql(_) => format!("to_char({column}, 'YYYY-MM')"),
    }
}

/// The SQL for the day of a timestamp column.
pub(crate) fn day_of(conn: &DbConnection, column: &str) -> String {
    match conn {
        DbConnection::Sqlite(_) => format!("date({column})"),
        DbConnection::Postgresql(_) => format!("CAST({column} AS DATE)"),
    }
}

/// Whether the database answers a trivial query.
pub fn ping(conn: &mut DbConnection) -> diesel::QueryResult<()> {
    diesel::sql_query("SELECT 1").execute(conn).map(|_| ())
}

/// Locks one row until the transaction ends, on PostgreSQL. SQLite needs no row locks:
/// `write_transaction` holds its single writer lock from the start.
///
/// The lock is `FOR NO KEY UPDATE`: it keeps out every other writer of the row, but not
/// the `FOR KEY SHARE` lock that a foreign key check takes on it when another transaction
/// inserts or updates a child row (a new application of a program, a notification to a
/// person). `FOR UPDATE` would make those wait, and two transactions that each inserted
/// a child before locking the other's parent would deadlock. Transactions take their
/// locks in one order, written down in docs/ARCHITECTURE.md §7.
pub fn lock_row(conn: &mut DbConnection, table: LockableTable, id: i32) -> diesel::QueryResult<()> {
    if let DbConnection::Postgresql(pg) = conn {
        let sql = match table {
            LockableTable::Employees => "SELECT id FROM employees WHERE id = $1 FOR NO KEY UPDATE",
            LockableTable::Intakes => "SELECT id FROM intakes WHERE id = $1 FOR NO KEY UPDATE",
            LockableTable::Applications => "SELECT id FROM applications WHERE id = $1 FOR NO KEY UPDATE",
            LockableTable::Programs => "SELECT id FROM programs WHERE id = $1 FOR NO KEY UPDATE",
        };
        diesel::sql_query(sql).bind::<diesel::sql_types::Integer, _>(id).execute(pg)?;
    }
    Ok(())
}

/// Locks the rows of every active administrator, in id order, on PostgreSQL: what a
/// change that may take away someone's administrator rights does first, so that two
/// such changes at once see each other (never leaving nobody an administrator) and take
/// their locks in the same order.
pub fn lock_active_admins(conn: &mut DbConnection) -> diesel::QueryResult<()> {
    use diesel::RunQueryDsl;
    if let DbConnection::Postgresql(pg) = conn {
        diesel::sql_query("SELECT id FROM employees WHERE is_admin AND active ORDER BY id FOR NO KEY UPDATE")
            .execute(pg)?;
    }
    Ok(())
}

/// The tables whose rows `lock_row` can lock.
#[derive(Debug, Clone, Copy)]
pub enum LockableTable {
    Employees,
    Intakes,
    Applications,
    Programs,
}

#[cfg(test)]
mod tests {
    use super::{connect_counting_waits, failure_cause, JournalMode, PoolWaits};

    /// New connections to a fresh SQLite file each switched it to WAL, and where several
    /// did so at once SQLite failed one as "database is locked" (the server's own pool at
    /// start-up, or two processes started together). Eight pools on one fresh file, opened
    /// at the same moment, round after round: none may fail a connection.
    #[test]
    fn pools_opened_at_once_on_a_fresh_sqlite_file_never_fail_to_connect() {
        for _ in 0..100 {
            let dir = tempfile::tempdir().unwrap();
            let url = dir.path().join("fresh.db").to_string_lossy().into_owned();
            let start = std::sync::Barrier::new(8);
            let failures: Vec<u64> = std::thread::scope(|scope| {
                let opening: Vec<_> = (0..8)
                    .map(|_| {
                        scope.spawn(|| {
                            let waits = PoolWaits::default();
                            start.wait();
                            let pool = connect_counting_waits(&url, 2, waits.clone()).unwrap();
                            let mode: JournalMode = diesel::RunQueryDsl::get_result(
                                diesel::sql_query("PRAGMA journal_mode"),
                                &mut *pool.get().unwrap(),
                            )
                            .unwrap();
                            assert_eq!(mode.journal_mode, "wal");
                            waits.connection_failures()
                        })
                    })
                    .collect();
                opening.into_iter().map(|pool| pool.join().unwrap()).collect()
            });
            assert_eq!(failures, [0; 8]);
        }
    }

    #[test]
    fn a_new_connections_failure_and_a_pooled_ones_have_the_same_cause() {
        let cause = "server closed the connection unexpectedly";
        let new = format!("connection to server at \"127.0.0.1\", port 40893 failed: {cause}");
        assert_eq!(failure_cause(&new), cause);
        assert_eq!(failure_cause(cause), cause);
        assert_eq!(failure_cause("connection to server at nowhere"), "connection to server at nowhere");
    }
}
