//! Everything that speaks SQL: the connection type over both backends, the pool,
//! the embedded migrations, and one module of queries per table.
//!
//! Error policy: functions here return `diesel::QueryResult`; the web layer turns
//! `diesel::NotFound` into a 404 once (see `web::error`).

pub mod application_list;
pub mod applications;
pub mod audit;
pub mod backup;
pub mod calendar;
pub mod catalog_cache;
pub mod column_types;
pub mod dashboard;
pub mod delegations;
pub mod employees;
pub mod events;
pub mod import;
pub mod leases;
pub mod notifications;
pub mod outbox;
pub mod programs;
pub mod queue;
pub mod schema;
pub mod seed;
pub mod sessions;
pub mod settings;
pub mod stats;
pub mod synthetic;
pub mod workflow;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::r2d2::event::TimeoutEvent;
use diesel::r2d2::{ConnectionManager, CustomizeConnection, HandleEvent, Pool, PooledConnection};
use diesel::{Connection, PgConnection, SqliteConnection};
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

/// One connection to either backend; all queries are written once against it.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Postgresql(PgConnection),
    Sqlite(SqliteConnection),
}

pub type DbPool = Pool<ConnectionManager<DbConnection>>;
pub type PooledDb = PooledConnection<ConnectionManager<DbConnection>>;

const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// Turns `--database-url` into what diesel expects: `postgres://…` stays as it is,
/// `sqlite://path` and a bare path become a file path.
pub fn normalise_url(database_url: &str) -> String {
    if database_url.starts_with("postgres://") || database_url.starts_with("postgresql://") {
        database_url.to_owned()
    } else {
        database_url.strip_prefix("sqlite://").unwrap_or(database_url).to_owned()
    }
}

/// Whether a URL names a PostgreSQL database.
pub fn is_postgres(database_url: &str) -> bool {
    database_url.starts_with("postgres://") || database_url.starts_with("postgresql://")
}

/// Sets the SQLite pragmas on every new connection. `busy_timeout` comes first so that
/// switching to WAL waits for other connections instead of failing.
#[derive(Debug)]
struct ConnectionSetup;

impl CustomizeConnection<DbConnection, diesel::r2d2::Error> for ConnectionSetup {
    fn on_acquire(&self, conn: &mut DbConnection) -> Result<(), diesel::r2d2::Error> {
        if let DbConnection::Sqlite(sqlite) = conn {
            sqlite
                .batch_execute(
                    "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; \
                     PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
                )
                .map_err(diesel::r2d2::Error::QueryError)?;
        }
        Ok(())
    }
}

/// How long a request waits for a database connection before it answers 503: long
/// enough to ride out a burst, short enough that a database outage shows at once.
pub const CONNECTION_WAIT: Duration = Duration::from_secs(3);

/// Opens a pool of `size` connections to `database_url`.
pub fn connect(database_url: &str, size: u32) -> Result<DbPool, diesel::r2d2::PoolError> {
    connect_counting_waits(database_url, size, PoolWaits::default())
}

/// Opens a pool of `size` connections to `database_url` that counts into `waits` the
/// times nobody got a connection within [`CONNECTION_WAIT`].
pub fn connect_counting_waits(
    database_url: &str,
    size: u32,
    waits: PoolWaits,
) -> Result<DbPool, diesel::r2d2::PoolError> {
    let manager = ConnectionManager::<DbConnection>::new(normalise_url(database_url));
    Pool::builder()
        .max_size(size)
        .connection_timeout(CONNECTION_WAIT)
        // A PostgreSQL connection is tried (`SELECT 1`) before it is lent, so that one the
        // server dropped is replaced without failing a request. A SQLite connection is a
        // file of this process that cannot go away: trying it would only cost each trip
        // to the database a statement.
        .test_on_check_out(is_postgres(database_url))
        .connection_customizer(Box::new(ConnectionSetup))
        .event_handler(Box::new(waits))
        .build(manager)
}

/// Counts, and logs, the waits for a pool connection that ran out of time. The pool calls
/// it on the thread that waited: under a request, the line carries the request's id.
#[derive(Debug, Clone, Default)]
pub struct PoolWaits {
    timed_out: Arc<AtomicU64>,
}

impl PoolWaits {
    /// How many waits for a connection ran out of time since the pool was opened.
    pub fn timed_out(&self) -> u64 {
        self.timed_out.load(Ordering::Relaxed)
    }
}

impl HandleEvent for PoolWaits {
    fn handle_timeout(&self, event: TimeoutEvent) {
        self.timed_out.fetch_add(1, Ordering::Relaxed);
        let waited_ms = u64::try_from(event.timeout().as_millis()).unwrap_or(u64::MAX);
        tracing::warn!(waited_ms, "no database connection became free in time");
    }
}

/// Applies the embedded migrations of the connection's backend that have not run yet.
pub fn run_migrations(conn: &mut DbConnection) -> Result<usize, Box<dyn std::error::Error + Send + Sync>> {
    let applied = match conn {
        DbConnection::Sqlite(sqlite) => sqlite.run_pending_migrations(SQLITE_MIGRATIONS)?.len(),
        DbConnection::Postgresql(pg) => pg.run_pending_migrations(POSTGRES_MIGRATIONS)?.len(),
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

/// Whether the database answers a trivial query.
pub fn ping(conn: &mut DbConnection) -> diesel::QueryResult<()> {
    use diesel::RunQueryDsl;
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
    use diesel::RunQueryDsl;
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
