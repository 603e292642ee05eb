//! The published programs, kept in memory by each server in PostgreSQL mode, so the
//! catalog (every employee's most visited page) costs no database round trip of its own.
//!
//! Correct across servers: every write to `programs` sends `NOTIFY upskill_programs` in its
//! transaction (delivered when it commits), and each server listens on a connection of its
//! own, polled every 100 ms. The writing server forgets its copy at once; the others within
//! 100 ms. A server serves from memory only while it is listening: when its listening
//! connection breaks, it forgets the copy and reads the database until it listens again.
//! SQLite servers never cache (they have no notifications, and the reads are in-process).

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use diesel::prelude::*;
use diesel::PgConnection;

use super::programs::{Program, PROGRAMS_CHANGED_CHANNEL as CHANNEL};

/// How often the listening connection is asked for notifications.
const POLL: Duration = Duration::from_millis(100);

#[derive(Default)]
pub struct CatalogCache {
    /// Only a listening server may serve from memory.
    listening: AtomicBool,
    /// Bumped by every invalidation: a load that began before one is not kept.
    generation: AtomicU64,
    programs: RwLock<Option<Arc<Vec<Program>>>>,
}

impl CatalogCache {
    /// The published programs in memory, if this server may use them.
    pub fn get(&self) -> Option<Arc<Vec<Program>>> {
        if !self.listening.load(Ordering::SeqCst) {
            return None;
        }
        self.programs.read().ok().and_then(|programs| programs.clone())
    }

    /// The generation to pass to [`CatalogCache::keep`] for a load starting now.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    /// Keeps programs loaded during `generation`, unless something changed meanwhile.
    pub fn keep(&self, generation: u64, programs: Vec<Program>) -> Arc<Vec<Program>> {
        let programs = Arc::new(programs);
        if let Ok(mut kept) = self.programs.write() {
            if self.listening.load(Ordering::SeqCst) && self.generation() == generation {
                *kept = Some(programs.clone());
            }
        }
        programs
    }

    /// Forgets the copy: the programs changed (or may have).
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

/// Starts listening for program changes on a connection of its own (PostgreSQL only;
/// the cache stays off for SQLite).
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
