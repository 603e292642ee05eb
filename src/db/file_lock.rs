//! The lock that keeps `upskill restore` from swapping a SQLite database under a process
//! that uses it (that process would go on writing to the replaced file, and what it
//! acknowledged would be gone after its restart).
//!
//! Every pool opened on a SQLite file holds a shared lock on `<file>.lock` for as long as
//! the pool exists: every server, and every command that opens the database. `restore`
//! takes the lock exclusively without waiting, and refuses while anyone holds it. The
//! locks are `flock(2)` locks, taken through the standard library (`File::lock_shared`,
//! `File::try_lock`): the kernel releases them when the process ends, however it ends, so
//! a crashed server leaves no stale lock behind. They hold between processes of one
//! machine, which is where a SQLite database is used (its write-ahead log needs that too).

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use anyhow::Context;

/// A shared lock on a database's lock file, held until dropped.
#[derive(Debug)]
pub struct SharedLock(#[allow(dead_code, reason = "held for its lock, never read")] File);

/// `upskill.db` → `upskill.db.lock`.
pub fn lock_path(database: &Path) -> PathBuf {
    let mut path = database.as_os_str().to_owned();
    path.push(".lock");
    PathBuf::from(path)
}

fn open(database: &Path) -> anyhow::Result<File> {
    let path = lock_path(database);
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .with_context(|| format!("cannot open the database's lock file {}", path.display()))
}

/// Takes the shared lock of the database at `database`; waits while a restore holds it.
pub fn hold_shared(database: &Path) -> anyhow::Result<SharedLock> {
    let file = open(database)?;
    match file.try_lock_shared() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            tracing::info!(database = %database.display(), "waiting for a restore of the database to finish");
            file.lock_shared().context("cannot lock the database")?;
        }
        Err(std::fs::TryLockError::Error(err)) => return Err(err).context("cannot lock the database"),
    }
    Ok(SharedLock(file))
}

/// Takes the lock of the database at `database` for itself, or refuses at once, naming
/// the processes that use the database. The lock is held until the file is dropped.
pub fn take_exclusive(database: &Path) -> anyhow::Result<File> {
    let file = open(database)?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => {
            let users = users_of(&file);
            let who = if users.is_empty() { String::new() } else { format!(" ({})", users.join(", ")) };
            anyhow::bail!(
                "{} is in use{who}: stop every `upskill serve` and other upskill command using it, then restore \
                 again. Nothing was changed.",
                database.display()
            )
        }
        Err(std::fs::TryLockError::Error(err)) => Err(err).context("cannot lock the database"),
    }
}

/// The processes holding a lock on `file`, as `process 1234 (upskill serve)`, read from
/// Linux's `/proc/locks` (nothing elsewhere).
fn users_of(file: &File) -> Vec<String> {
    use std::os::unix::fs::MetadataExt;
    let (Ok(metadata), Ok(locks)) = (file.metadata(), std::fs::read_to_string("/proc/locks")) else {
        return Vec::new();
    };
    let inode = format!(":{}", metadata.ino());
    let mut users: Vec<String> = Vec::new();
    for line in locks.lines() {
        // `1: FLOCK  ADVISORY  READ 1234 08:01:5678 0 EOF`; waiting locks have `->`.
        let fields: Vec<&str> = line.split_whitespace().collect();
        if fields.contains(&"->") {
            continue;
        }
        let Some(at) = fields.iter().position(|f| f.matches(':').count() == 2 && f.ends_with(&inode)) else {
            continue;
        };
        let Some(pid) = at.checked_sub(1).and_then(|i| fields[i].parse::<u32>().ok()) else { continue };
        let user = format!("process {pid}{}", command_of(pid));
        if !users.contains(&user) {
            users.push(user);
        }
    }
    users
}

/// ` (upskill serve)`: the program and its first argument (the rest may hold secrets).
fn command_of(pid: u32) -> String {
    let Ok(cmdline) = std::fs::read(format!("/proc/{pid}/cmdline")) else { return String::new() };
    let words: Vec<String> = cmdline
        .split(|b| *b == 0)
        .filter(|w| !w.is_empty())
        .take(2)
        .map(|w| String::from_utf8_lossy(w).into_owned())
        .collect();
    match words.split_first() {
        Some((program, rest)) => {
            let name = Path::new(program).file_name().map_or(program.clone(), |n| n.to_string_lossy().into_owned());
            format!(" ({})", [name].iter().chain(rest).cloned().collect::<Vec<_>>().join(" "))
        }
        None => String::new(),
    }
}
