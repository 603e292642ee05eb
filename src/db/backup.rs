//! Backups of a SQLite database. `VACUUM INTO` writes a consistent copy while the servers
//! go on serving: it reads one snapshot (WAL mode lets writers continue meanwhile). A
//! restore checks the copy before it replaces the database file. PostgreSQL databases are
//! backed up with `pg_dump` and restored with `pg_restore` (see README.md).

use std::path::{Path, PathBuf};

use anyhow::{bail, ensure, Context};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use diesel::sqlite::SqliteConnection;

use crate::domain::words::count;

/// What a checked copy holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackupSummary {
    pub employees: i64,
    pub applications: i64,
}

impl BackupSummary {
    /// "3 employees, 1 application".
    pub fn describe(&self) -> String {
        format!(
            "{}, {}",
            count(self.employees, "employee", "employees"),
            count(self.applications, "application", "applications")
        )
    }
}

#[derive(QueryableByName)]
struct IntegrityRow {
    #[diesel(sql_type = Text)]
    integrity_check: String,
}

#[derive(QueryableByName)]
struct CountRow {
    #[diesel(sql_type = BigInt)]
    count: i64,
}

/// The SQLite file a `--database-url` names; PostgreSQL gets directions to its tools.
pub fn sqlite_path(database_url: &str) -> anyhow::Result<PathBuf> {
    if super::is_postgres(database_url) {
        bail!(
            "{database_url} is a PostgreSQL database: back it up with \
             `pg_dump --format=custom --file=FILE '{database_url}'` and restore it with \
             `pg_restore --clean --if-exists --dbname='{database_url}' FILE`"
        );
    }
    Ok(PathBuf::from(super::normalise_url(database_url)))
}

fn open_existing(path: &Path) -> anyhow::Result<SqliteConnection> {
    ensure!(path.is_file(), "there is no database file at {}", path.display());
    let mut conn = SqliteConnection::establish(&path.to_string_lossy())
        .with_context(|| format!("cannot open {}", path.display()))?;
    diesel::sql_query("PRAGMA busy_timeout = 10000").execute(&mut conn)?;
    Ok(conn)
}

/// Writes a consistent copy of the database at `database_url` to `to` (a new file), and
/// checks the copy.
pub fn backup(database_url: &str, to: &Path) -> anyhow::Result<BackupSummary> {
    let source = sqlite_path(database_url)?;
    ensure!(!to.exists(), "{} already exists: back up to a new file", to.display());
    let mut conn = open_existing(&source)?;
    diesel::sql_query("VACUUM INTO ?")
        .bind::<Text, _>(to.to_string_lossy())
        .execute(&mut conn)
        .with_context(|| format!("cannot write the backup to {}", to.display()))?;
    check(to)
}

/// Checks a copy: SQLite's integrity check passes and it holds Upskill's tables.
pub fn check(file: &Path) -> anyhow::Result<BackupSummary> {
    let mut conn = open_existing(file)?;
    let integrity: Vec<IntegrityRow> = diesel::sql_query("PRAGMA integrity_check").load(&mut conn)?;
    let problems: Vec<&str> = integrity.iter().map(|r| r.integrity_check.as_str()).filter(|r| *r != "ok").collect();
    ensure!(problems.is_empty(), "{} is damaged: {}", file.display(), problems.join("; "));
    let count = |conn: &mut SqliteConnection, table: &str| -> anyhow::Result<i64> {
        let row: CountRow = diesel::sql_query(format!("SELECT COUNT(*) AS count FROM {table}"))
            .get_result(conn)
            .with_context(|| format!("{} is not an Upskill database (no {table} table)", file.display()))?;
        Ok(row.count)
    };
    Ok(BackupSummary { employees: count(&mut conn, "employees")?, applications: count(&mut conn, "applications")? })
}

/// Replaces the database at `database_url` with the checked copy `from`. The servers
/// must be stopped: the file is swapped underneath any open connection.
pub fn restore(database_url: &str, from: &Path) -> anyhow::Result<BackupSummary> {
    let target = sqlite_path(database_url)?;
    let summary = check(from)?;
    let mut staging = target.clone().into_os_string();
    staging.push(".restoring");
    let staging = PathBuf::from(staging);
    std::fs::copy(from, &staging).with_context(|| format!("cannot write {}", staging.display()))?;
    std::fs::File::open(&staging).and_then(|file| file.sync_all())?;
    // The old database's write-ahead log belongs to the old file: it must not be replayed
    // into the restored one.
    for suffix in ["-wal", "-shm"] {
        let mut side = target.clone().into_os_string();
        side.push(suffix);
        match std::fs::remove_file(PathBuf::from(side)) {
            Ok(()) => {}
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
            Err(err) => return Err(err).context("cannot remove the old write-ahead log"),
        }
    }
    std::fs::rename(&staging, &target).with_context(|| format!("cannot replace {}", target.display()))?;
    Ok(summary)
}
