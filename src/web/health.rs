//! `/healthz`: 200 `ok` when the database answers, 503 otherwise (with `Retry-After`, as
//! every 503), within a second either way (load balancers give up on a probe after one
//! second by default). It is served outside the session middleware (`startup::run`).

use std::time::Duration;

use actix_web::{get, HttpResponse};

use super::{block_in_span, State};
use crate::db;

/// How long the check waits for one of the pool's connections.
const CONNECTION_WAIT: Duration = Duration::from_millis(400);
/// How long the whole check may take: a database that stopped answering without closing
/// its connections would hold the query for minutes.
const ANSWER_WITHIN: Duration = Duration::from_millis(600);

#[get("/healthz")]
pub async fn healthz(state: State) -> HttpResponse {
    let pool = state.pool.clone();
    let check = block_in_span(move || -> Result<(), String> {
        let mut conn = pool.get_timeout(CONNECTION_WAIT).map_err(|e| e.to_string())?;
        db::ping(&mut conn).map_err(|e| e.to_string())
    });
    let failure = match actix_web::rt::time::timeout(ANSWER_WITHIN, check).await {
        Ok(Ok(Ok(()))) => None,
        Ok(Ok(Err(err))) => Some(err),
        Ok(Err(err)) => Some(err.to_string()),
        Err(_) => Some(format!("no answer within {} ms", ANSWER_WITHIN.as_millis())),
    };
    match failure {
        None => HttpResponse::Ok().content_type("text/plain; charset=utf-8").body("ok"),
        Some(err) => {
            tracing::warn!(error = %crate::security::redact(&err), "health check failed");
            HttpResponse::ServiceUnavailable()
                .content_type("text/plain; charset=utf-8")
                .insert_header(("Retry-After", "30"))
                .body("database unavailable")
        }
    }
}
