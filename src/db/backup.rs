//! Backups of a SQLite database. `VACUUM INTO` writes a consistent copy while the servers
//! go on serving: it reads one snapshot (WAL mode lets writers continue meanwhile). The
//! copy holds the sessions and the key that signs cookies, so only its owner may read it
//! (mode 0600). A restore refuses while a process uses the database (see `file_lock`),
//! and checks the copy before it replaces the database file. PostgreSQL databases are
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

/// How to back up and restore a PostgreSQL database, as README.md's "Backups" says: its
/// own tools, with the database URL from the environment (never printed: it may hold a
/// password).
pub const POSTGRES_DIRECTIONS: &str = "back it up with PostgreSQL's own tools, which are consistent while the \
     servers run: `umask 077; pg_dump --format=custom --file=upskill.dump \"$UPSKILL_DATABASE_URL\"`; to restore, \
     stop the servers, create an empty database in place of the old one, and run `pg_restore --no-owner \
     --single-transaction --exit-on-error --dbname=\"$UPSKILL_DATABASE_URL\" upskill.dump` (README.md, \"Backups\")";

/// The SQLite file a `--database-url` names; PostgreSQL gets directions to its tools.
pub fn sqlite_path(database_url: &str) -> anyhow::Result<PathBuf> {
    if super::is_postgres(database_url) {
        bail!("{} is a PostgreSQL database: {POSTGRES_DIRECTIONS}", crate::security::redact(database_url));
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

/// Writes a consistent copy of the database at `database_url` to `to` (a new file that
/// only its owner may read), and checks the copy.
pub fn backup(database_url: &str, to: &Path) -> anyhow::Result<BackupSummary> {
    use std::os::unix::fs::OpenOptionsExt;
    let source = sqlite_path(database_url)?;
    let mut conn = open_existing(&source)?;
    // `VACUUM INTO` writes into an empty file as it finds it: made here, new and private.
    std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(to).map_err(|err| {
        if err.kind() == std::io::ErrorKind::AlreadyExists {
            anyhow::anyhow!("{} already exists: back up to a new file", to.display())
        } else {
            anyhow::Error::new(err).context(format!("cannot create {}", to.display()))
        }
    })?;
    let written = diesel::sql_query("VACUUM INTO ?").bind::<Text, _>(to.to_string_lossy()).execute(&mut conn);
    if let Err(err) = written {
        let _ = std::fs::remove_file(to);
        return Err(err).with_context(|| format!("cannot write the backup to {}", to.display()));
    }
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

/// Replaces the database at `database_url` with the checked copy `from`. Refuses while
/// any process uses the database (the file would be swapped underneath its connections);
/// holds the database's lock meanwhile, so that nothing opens it halfway. The restored
/// file keeps the permissions the database had.
pub fn restore(database_url: &str, from: &Path) -> anyhow::Result<BackupSummary> {
    let target = sqlite_path(database_url)?;
    let _alone = super::file_lock::take_exclusive(&target)?;
    let summary = check(from)?;
    let mut staging = target.clone().into_os_string();
    staging.push(".restoring");
    let staging = PathBuf::from(staging);
    std::fs::copy(from, &staging).with_context(|| format!("cannot write {}", staging.display()))?;
    if let Ok(metadata) = std::fs::metadata(&target) {
        std::fs::set_permissions(&staging, metadata.permissions())?;
    }
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
    // The rename itself is durable once the directory is.
    if let Some(directory) = target.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        std::fs::File::open(directory).and_then(|dir| dir.sync_all())?;
    }
    Ok(summary)
}
