//! The published programs, kept in memory by each server, so the catalog (every
//! employee's most visited page) does not read and decode every program on every view.
//!
//! How a server learns that programs changed depends on the backend:
//!
//! - **PostgreSQL**: a trigger on `programs` sends `NOTIFY upskill_programs` in every
//!   transaction that changes a program, whoever changes it (delivered when it commits),
//!   and each server listens on a connection of its own, polled every 100 ms. The writing
//!   server forgets its copy at once; the others within 100 ms. A server serves from
//!   memory only while it is listening: when its listening connection breaks, it forgets
//!   the copy and reads the database until it listens again. A catalog view makes no
//!   query for the programs.
//! - **SQLite**: triggers move the one row of `catalog_version` on in every transaction
//!   that changes `programs`, whoever changes it (another process on the same file, a
//!   command such as `seed-programs`, an operator's SQL). Each catalog view reads that row
//!   (one indexed read, in the trip it makes anyway) and uses the copy only when it was
//!   loaded at the same version.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use diesel::prelude::*;
use diesel::PgConnection;

use super::programs::{list_published, Program, PROGRAMS_CHANGED_CHANNEL as CHANNEL};
use super::schema::catalog_version;
use super::DbConnection;

/// How often the listening connection is asked for notifications.
const POLL: Duration = Duration::from_millis(100);

#[derive(Default)]
pub struct CatalogCache {
    /// PostgreSQL: only a listening server may serve from memory.
    listening: AtomicBool,
    /// PostgreSQL: bumped by every invalidation; a load that began before one is not kept.
    generation: AtomicU64,
    /// The copy, with the `catalog_version` it was read at (SQLite; 0 on PostgreSQL).
    programs: RwLock<Option<(i64, Arc<Vec<Program>>)>>,
}

impl CatalogCache {
    /// The published programs, by name: the copy in memory when it is current, else
    /// read from the database on `conn` (and kept when nothing changed meanwhile).
    pub fn published(&self, conn: &mut DbConnection) -> QueryResult<Arc<Vec<Program>>> {
        match conn {
            DbConnection::Sqlite(_) => self.published_at_version(conn),
            DbConnection::Postgresql(_) => self.published_while_listening(conn),
        }
    }

    /// SQLite: the version is read before the programs, so a copy is never kept under a
    /// version newer than what it holds (a change committed in between makes the next
    /// view read again).
    fn published_at_version(&self, conn: &mut DbConnection) -> QueryResult<Arc<Vec<Program>>> {
        let query = catalog_version::table.find(1).select(catalog_version::version);
        let version: i64 = super::on_own_backend!(conn, |own| query.first(own))?;
        if let Some(programs) = self.copy().filter(|(at, _)| *at == version).map(|(_, programs)| programs) {
            return Ok(programs);
        }
        let programs = Arc::new(list_published(conn)?);
        if let Ok(mut kept) = self.programs.write() {
            if kept.as_ref().is_none_or(|(at, _)| *at < version) {
                *kept = Some((version, programs.clone()));
            }
        }
        Ok(programs)
    }

    /// PostgreSQL: the copy while this server listens for changes.
    fn published_while_listening(&self, conn: &mut DbConnection) -> QueryResult<Arc<Vec<Program>>> {
        if self.listening.load(Ordering::SeqCst) {
            if let Some((_, programs)) = self.copy() {
                return Ok(programs);
            }
        }
        let generation = self.generation.load(Ordering::SeqCst);
        let programs = Arc::new(list_published(conn)?);
        if let Ok(mut kept) = self.programs.write() {
            if self.listening.load(Ordering::SeqCst) && self.generation.load(Ordering::SeqCst) == generation {
                *kept = Some((0, programs.clone()));
            }
        }
        Ok(programs)
    }

    fn copy(&self) -> Option<(i64, Arc<Vec<Program>>)> {
        self.programs.read().ok().and_then(|kept| kept.clone())
    }

    /// Forgets the copy: the programs changed (or may have). The writing server calls it
    /// after its change commits; on SQLite the version row would tell it anyway.
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        if let Ok(mut kept) = self.programs.write() {
            *kept = None;
        }
    }

    fn set_listening(&self, listening: bool) {
        self.invalidate();
        self.listening.store(listening, Ordering::SeqCst);
    }
}

/// Starts listening for program changes on a connection of its own (PostgreSQL only:
/// SQLite servers compare `catalog_version` instead).
pub fn listen(cache: Arc<CatalogCache>, database_url: &str) {
    if !super::is_postgres(database_url) {
        return;
    }
    let url = database_url.to_owned();
    let started = std::thread::Builder::new().name("catalog-listener".to_owned()).spawn(move || loop {
        if let Ok(mut conn) = PgConnection::establish(&super::postgres_url(&url)) {
            if diesel::sql_query(format!("LISTEN {CHANNEL}")).execute(&mut conn).is_ok() {
                cache.set_listening(true);
                while poll(&mut conn, &cache) {
                    std::thread::sleep(POLL);
                }
                tracing::warn!("catalog listener lost its connection; the catalog is read from the database");
                cache.set_listening(false);
            }
        }
        std::thread::sleep(Duration::from_secs(1));
    });
    if let Err(err) = started {
        tracing::warn!(error = %err, "no catalog listener: the catalog is read from the database");
    }
}

/// Takes in the notifications that arrived; false when the connection is broken.
fn poll(conn: &mut PgConnection, cache: &CatalogCache) -> bool {
    // A round trip makes libpq read what the server sent meanwhile.
    if diesel::sql_query("SELECT 1").execute(conn).is_err() {
        return false;
    }
    let mut changed = false;
    for notification in conn.notifications_iter() {
        match notification {
            Ok(_) => changed = true,
            Err(_) => return false,
        }
    }
    if changed {
        cache.invalidate();
    }
    true
}
