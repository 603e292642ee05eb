//! The diesel-backed `actix_session` store (table `sessions`).
//!
//! Sessions live in the database so that signing out really ends them, an admin can
//! revoke them, and every app server of a cluster serves every user. A page view does
//! not write: the idle clock is moved forward at most once a minute per session. On
//! SQLite the session is read on the request's own thread (see `web::run_short_read`);
//! moving the clock and deleting an ended session go to the blocking pool.
//!
//! A session's state is written once, at sign-in, and never changes afterwards; only
//! whether the session is still live does. So a SQLite server keeps the states it has
//! read in memory (`SessionCache`) and does not read the row again on every request:
//! the state comes from memory, marked [`UNCONFIRMED_ROW_KEY`], and the signed-in viewer
//! is read in one transaction with the row that proves the session is still live
//! (`web::signed_in_viewer_and`). A session ended anywhere (signed out, revoked, a new
//! password from the command line) therefore ends on the next request, as before.

use std::collections::HashMap;
use std::time::Duration;

use actix_session::storage::{LoadError, SaveError, SessionKey, SessionStore, UpdateError};
use actix_web::cookie::time::Duration as CookieDuration;
use chrono::{NaiveDateTime, TimeDelta};

use crate::db::sessions::{self, SessionRow};
use crate::db::{self, DbPool};
use crate::security::{random_token, sha256_hex};
use crate::web;
use crate::web::error::AppError;

/// The session state key that names the signed-in employee.
pub const EMPLOYEE_ID_KEY: &str = "employee_id";

/// The state entry that carries a session's row id when the state came from memory: the
/// request must confirm that row before it trusts the sign-in (see the module's doc). It
/// is never stored.
pub const UNCONFIRMED_ROW_KEY: &str = "unconfirmed_session_row";

/// How many sessions a server keeps in memory at most; past it, it starts again empty.
const CACHED_SESSIONS: usize = 50_000;

/// The sessions a SQLite server has read, by row id: their state and clocks as this
/// server last saw or moved them.
type SessionCache = crate::kept::KeptMap<String, SessionRow>;

/// Marks a store error caused by an unreachable (or full) database.
pub const DATABASE_UNAVAILABLE: &str = "session store: database unavailable";

/// How often at most a page view moves a session's idle clock forward.
const TOUCH_INTERVAL: TimeDelta = TimeDelta::seconds(60);

#[derive(Clone)]
pub struct DbSessionStore {
    pool: DbPool,
    idle: TimeDelta,
    absolute: TimeDelta,
    /// Whether the session is read on the request's thread (SQLite).
    reads_in_place: bool,
    /// The states read before (SQLite only: on PostgreSQL another server may change them).
    cache: Option<std::sync::Arc<SessionCache>>,
}

impl DbSessionStore {
    pub fn new(pool: DbPool, idle: Duration, absolute: Duration, reads_in_place: bool) -> Self {
        let to_delta = |d: Duration| TimeDelta::from_std(d).unwrap_or(TimeDelta::hours(8));
        let cache = reads_in_place.then(|| std::sync::Arc::new(SessionCache::new(CACHED_SESSIONS)));
        DbSessionStore { pool, idle: to_delta(idle), absolute: to_delta(absolute), reads_in_place, cache }
    }

    /// Reads one session row, on this thread when the database allows it.
    async fn find(&self, id: String) -> anyhow::Result<Option<SessionRow>> {
        match db::free_connection_for_short_read(&self.pool, self.reads_in_place) {
            Some(mut conn) => sessions::find(&mut conn, &id).map_err(|err| store_error(err.into())),
            None => self.run(move |conn| sessions::find(conn, &id)).await,
        }
    }

    fn forget(&self, id: &str) {
        if let Some(cache) = &self.cache {
            cache.forget(id);
        }
    }

    /// Whether a session seen at `last_seen_at` with absolute expiry `expires_at` is over.
    fn is_expired(&self, row: &SessionRow, now: NaiveDateTime) -> bool {
        now >= row.expires_at || now - row.last_seen_at >= self.idle
    }

    /// Runs store work on the blocking pool. An unreachable database shows in the error
    /// as [`DATABASE_UNAVAILABLE`], which `startup` turns into the 503 page.
    async fn run<T, F>(&self, work: F) -> anyhow::Result<T>
    where
        F: FnOnce(&mut db::DbConnection) -> diesel::QueryResult<T> + Send + 'static,
        T: Send + 'static,
    {
        let pool = self.pool.clone();
        let result = web::block_in_span(move || -> anyhow::Result<T> {
            let mut conn = pool.get().map_err(|e| anyhow::anyhow!("{DATABASE_UNAVAILABLE}: {e}"))?;
            work(&mut conn).map_err(|err| store_error(err.into()))
        })
        .await;
        result.map_err(|e| anyhow::anyhow!("session store task failed: {e}"))?
    }

    async fn insert(&self, state: HashMap<String, String>) -> anyhow::Result<SessionKey> {
        let key = random_token(32);
        let now = crate::clock::now();
        let row = SessionRow {
            id: sha256_hex(&key),
            employee_id: employee_id_of(&state),
            state: serde_json::to_string(&state)?,
            created_at: now,
            last_seen_at: now,
            expires_at: now + self.absolute,
        };
        self.run(move |conn| sessions::insert(conn, &row)).await?;
        SessionKey::try_from(key).map_err(|e| anyhow::anyhow!("{e}"))
    }
}

/// A store error as `startup` reads it: an unreachable database says
/// [`DATABASE_UNAVAILABLE`].
fn store_error(err: AppError) -> anyhow::Error {
    match err {
        AppError::Unavailable(cause) => anyhow::anyhow!("{DATABASE_UNAVAILABLE}: {cause}"),
        other => anyhow::anyhow!("{other}"),
    }
}

/// The signed-in employee recorded in a session state (values are JSON-encoded).
fn employee_id_of(state: &HashMap<String, String>) -> Option<i32> {
    state.get(EMPLOYEE_ID_KEY).and_then(|v| v.parse().ok())
}

impl SessionStore for DbSessionStore {
    async fn load(&self, session_key: &SessionKey) -> Result<Option<HashMap<String, String>>, LoadError> {
        let id = sha256_hex(session_key.as_ref());
        let cached = self.cache.as_ref().and_then(|cache| cache.get(&id));
        let from_memory = cached.is_some();
        let mut row = match cached {
            Some(row) => row,
            None => match self.find(id.clone()).await.map_err(LoadError::Other)? {
                Some(row) => row,
                None => return Ok(None),
            },
        };
        let now = crate::clock::now();
        if self.is_expired(&row, now) {
            self.forget(&id);
            self.run(move |conn| sessions::delete(conn, &id)).await.map_err(LoadError::Other)?;
            return Ok(None);
        }
        let mut state: HashMap<String, String> =
            serde_json::from_str(&row.state).map_err(|e| LoadError::Deserialization(e.into()))?;
        if from_memory {
            state.insert(UNCONFIRMED_ROW_KEY.to_owned(), serde_json::Value::from(id.clone()).to_string());
        }
        if now - row.last_seen_at >= TOUCH_INTERVAL {
            let touched = id.clone();
            self.run(move |conn| sessions::touch(conn, &touched, now)).await.map_err(LoadError::Other)?;
            row.last_seen_at = now;
        }
        if let Some(cache) = &self.cache {
            cache.put(id, row);
        }
        Ok(Some(state))
    }

    async fn save(
        &self,
        mut session_state: HashMap<String, String>,
        _ttl: &CookieDuration,
    ) -> Result<SessionKey, SaveError> {
        session_state.remove(UNCONFIRMED_ROW_KEY);
        self.insert(session_state).await.map_err(SaveError::Other)
    }

    async fn update(
        &self,
        session_key: SessionKey,
        mut session_state: HashMap<String, String>,
        _ttl: &CookieDuration,
    ) -> Result<SessionKey, UpdateError> {
        let id = sha256_hex(session_key.as_ref());
        self.forget(&id);
        session_state.remove(UNCONFIRMED_ROW_KEY);
        let employee_id = employee_id_of(&session_state);
        let state = serde_json::to_string(&session_state).map_err(|e| UpdateError::Serialization(e.into()))?;
        let still_there = self
            .run(move |conn| sessions::update_state(conn, &id, employee_id, &state, crate::clock::now()))
            .await
            .map_err(UpdateError::Other)?;
        if still_there {
            return Ok(session_key);
        }
        // The session was ended (signed out elsewhere, revoked) while this request ran:
        // keep what the request stored, but never bring the sign-in back.
        session_state.remove(EMPLOYEE_ID_KEY);
        self.insert(session_state).await.map_err(UpdateError::Other)
    }

    async fn update_ttl(&self, _session_key: &SessionKey, _ttl: &CookieDuration) -> Result<(), anyhow::Error> {
        // Expiry is enforced by `load` from the stored timestamps.
        Ok(())
    }

    async fn delete(&self, session_key: &SessionKey) -> Result<(), anyhow::Error> {
        let id = sha256_hex(session_key.as_ref());
        self.forget(&id);
        self.run(move |conn| sessions::delete(conn, &id)).await
    }
}

/// Deletes sessions that are over; run now and then by the server.
pub fn purge_expired(conn: &mut db::DbConnection, idle: Duration) -> diesel::QueryResult<usize> {
    let now = crate::clock::now();
    let idle = TimeDelta::from_std(idle).unwrap_or(TimeDelta::hours(8));
    sessions::delete_expired(conn, now, now - idle)
}
