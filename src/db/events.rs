//! Queries on `application_events`, the append-only timeline.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::schema::{application_events, employees};
use super::DbConnection;
use crate::domain::{ApplicationStatus, Event};

/// A row to insert into `application_events`.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = application_events)]
pub struct NewEvent {
    pub application_id: i32,
    pub actor_id: Option<i32>,
    pub acting_for_id: Option<i32>,
    pub action: Event,
    pub from_status: Option<ApplicationStatus>,
    pub to_status: ApplicationStatus,
    pub comment: Option<String>,
    /// What changed, as JSON (`[{"field": …, "before": …, "after": …}]`).
    pub details: Option<String>,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, event: &NewEvent) -> QueryResult<()> {
    diesel::insert_into(application_events::table).values(event).execute(conn).map(|_| ())
}

/// Inserts many events, 500 to a statement (a lottery's draw: one per application).
pub fn insert_many(conn: &mut DbConnection, events: &[NewEvent]) -> QueryResult<()> {
    for chunk in events.chunks(500) {
        let insert = diesel::insert_into(application_events::table).values(chunk);
        // Multi-row inserts are written per backend, as the other bulk writers do.
        match conn {
            DbConnection::Sqlite(sqlite) => insert.execute(sqlite)?,
            DbConnection::Postgresql(pg) => insert.execute(pg)?,
        };
    }
    Ok(())
}

/// A timeline entry with the names of who acted (and for whom).
#[derive(Debug, Clone, Queryable)]
pub struct TimelineEntry {
    pub id: i32,
    pub action: Event,
    pub from_status: Option<ApplicationStatus>,
    pub to_status: ApplicationStatus,
    pub comment: Option<String>,
    pub details: Option<String>,
    pub created_at: NaiveDateTime,
    pub actor_name: Option<String>,
    pub acting_for_id: Option<i32>,
}

/// An application's timeline, oldest first.
pub fn timeline(conn: &mut DbConnection, application_id: i32) -> QueryResult<Vec<TimelineEntry>> {
    application_events::table
        .left_join(employees::table.on(application_events::actor_id.eq(employees::id.nullable())))
        .filter(application_events::application_id.eq(application_id))
        .order(application_events::id.asc())
        .select((
            application_events::id,
            application_events::action,
            application_events::from_status,
            application_events::to_status,
            application_events::comment,
            application_events::details,
            application_events::created_at,
            employees::display_name.nullable(),
            application_events::acting_for_id,
        ))
        .load(conn)
}
