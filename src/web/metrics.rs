//! `GET /metrics` in the Prometheus text format. Served only on `--metrics-bind`, by its
//! own small server with nothing else on it (`startup::Application`): the main address
//! answers 404, so the figures are not public where the pages are.

use actix_web::{get, HttpResponse};

use super::{run_db, State};
use crate::db::{self, DbConnection};
use crate::domain::enums::ApplicationStatus;
use crate::metrics::MetricFamily;
use crate::web::error::AppError;

/// The text format's content type.
const CONTENT_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";

#[get("/metrics")]
pub async fn show_metrics(state: State) -> HttpResponse {
    let mut text = String::with_capacity(32 * 1024);
    if let Some(http) = &state.metrics {
        http.render(&mut text);
    }
    for family in pool_gauges(&state) {
        family.render(&mut text);
    }
    let database_up = match run_db(&state, read_database_gauges).await {
        Ok(families) => {
            for family in families {
                family.render(&mut text);
            }
            1.0
        }
        Err(err) => {
            tracing::warn!(error = %err, "metrics: the database could not be read");
            0.0
        }
    };
    MetricFamily::gauge("upskill_database_up", "Whether this scrape could read the database (1) or not (0).")
        .value(database_up)
        .render(&mut text);
    HttpResponse::Ok().content_type(CONTENT_TYPE).body(text)
}

/// The connection pool as it is now, and how often a wait for a connection ran out.
fn pool_gauges(state: &State) -> Vec<MetricFamily> {
    let pool = state.pool.state();
    let in_use = pool.connections.saturating_sub(pool.idle_connections);
    vec![
        MetricFamily::gauge("upskill_db_pool_connections_in_use", "Database connections lent to requests now.")
            .value(f64::from(in_use)),
        MetricFamily::gauge("upskill_db_pool_connections_idle", "Open database connections waiting in the pool now.")
            .value(f64::from(pool.idle_connections)),
        MetricFamily::gauge("upskill_db_pool_connections_max", "The most database connections the pool opens.")
            .value(f64::from(state.pool.max_size())),
        MetricFamily::counter(
            "upskill_db_pool_wait_timeouts_total",
            "Waits for a database connection that ran out of time (answered 503).",
        )
        .value(state.pool_waits.timed_out() as f64),
        MetricFamily::counter(
            "upskill_db_connection_failures_total",
            "Attempts to open a database connection that failed (the pool tries again).",
        )
        .value(state.pool_waits.connection_failures() as f64),
    ]
}

/// The figures read from the database at each scrape. Each must be cheap however large
/// the database is: a scrape comes every few seconds from every Prometheus.
fn read_database_gauges(conn: &mut DbConnection) -> Result<Vec<MetricFamily>, AppError> {
    let mut families = Vec::new();

    let counted = db::stats::applications_by_status(conn)?;
    let mut applications = MetricFamily::gauge("upskill_applications", "Applications by state.");
    for status in ApplicationStatus::ALL {
        let count: i64 = counted.iter().filter(|(stored, _)| stored == status).map(|(_, n)| n).sum();
        applications = applications.labelled("state", status.as_str(), count as f64);
    }
    families.push(applications);

    // Further gauges read at scrape time go here, one cheap query each.

    let (alone, in_digest) = db::outbox::backlog(conn)?;
    let outbox = MetricFamily::gauge("upskill_outbox_pending", "E-mail neither sent nor given up, by how it goes out.")
        .labelled("delivery", "alone", alone as f64)
        .labelled("delivery", "digest", in_digest as f64); // not a stored name: a metric label
    families.push(outbox);

    Ok(families)
}
