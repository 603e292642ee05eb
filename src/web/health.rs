//! `/healthz`: 200 `ok` when the database answers, 503 otherwise.

use actix_web::{get, HttpResponse};

use super::{run_db, State};
use crate::db;

#[get("/healthz")]
pub async fn healthz(state: State) -> HttpResponse {
    let answer = run_db(&state, |conn| Ok(db::ping(conn)?)).await;
    match answer {
        Ok(()) => HttpResponse::Ok().content_type("text/plain; charset=utf-8").body("ok"),
        Err(err) => {
            tracing::warn!(error = %err, "health check failed");
            HttpResponse::ServiceUnavailable().content_type("text/plain; charset=utf-8").body("database unavailable")
        }
    }
}
