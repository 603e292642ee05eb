//! The CSV (and JSON) exports of the administrators' lists, streamed: batches read and written on a
//! blocking thread one batch ahead of the response, so that the database read of the next
//! batch overlaps the sending of this one, and at most two batches wait in memory (the
//! server's memory stays flat however long the list).

use actix_web::http::header::{ContentDisposition, DispositionParam, DispositionType};
use actix_web::web::Bytes;
use actix_web::HttpResponse;
use tokio::sync::mpsc;

use crate::db::DbConnection;
use crate::web::error::AppError;
use crate::web::State;

/// The next batch of CSV lines and whether it is the last, or `None` once nothing is left.
pub type Batch = diesel::QueryResult<Option<(String, bool)>>;

/// A `text/csv` attachment named `filename`: `header`, then what `next_batch` gives until
/// it says the set is read.
pub fn csv_response<F>(state: &State, filename: String, header: String, next_batch: F) -> HttpResponse
where
    F: FnMut(&mut DbConnection) -> Batch + Send + 'static,
{
    streamed(state, "text/csv; charset=utf-8", filename, header, next_batch)
}

/// The same for JSON: `opening` (e.g. `[`), then the batches, the last of which closes
/// what `opening` opened.
pub fn json_response<F>(state: &State, filename: String, opening: String, next_batch: F) -> HttpResponse
where
    F: FnMut(&mut DbConnection) -> Batch + Send + 'static,
{
    streamed(state, "application/json", filename, opening, next_batch)
}

fn streamed<F>(state: &State, content_type: &str, filename: String, header: String, next_batch: F) -> HttpResponse
where
    F: FnMut(&mut DbConnection) -> Batch + Send + 'static,
{
    let mut batches = export_batches(state, header, next_batch);
    let stream = futures_util::stream::poll_fn(move |cx| batches.poll_recv(cx));
    HttpResponse::Ok()
        .content_type(content_type.to_owned())
        .insert_header(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(filename)],
        })
        .streaming(stream)
}

fn export_batches<F>(state: &State, header: String, mut next_batch: F) -> mpsc::Receiver<Result<Bytes, AppError>>
where
    F: FnMut(&mut DbConnection) -> Batch + Send + 'static,
{
    let (sender, receiver) = mpsc::channel(2);
    let pool = state.pool.clone();
    actix_web::rt::task::spawn_blocking(move || {
        let send = |batch: Result<Bytes, AppError>| sender.blocking_send(batch).is_ok();
        if !send(Ok(Bytes::from(header))) {
            return;
        }
        let mut conn = match pool.get() {
            Ok(conn) => conn,
            Err(err) => {
                tracing::error!(error = %err, "CSV export could not start");
                send(Err(err.into()));
                return;
            }
        };
        loop {
            match next_batch(&mut conn) {
                // A closed channel means the client went away.
                Ok(Some((text, last))) => {
                    if !send(Ok(Bytes::from(text))) || last {
                        return;
                    }
                }
                Ok(None) => return,
                Err(err) => {
                    tracing::error!(error = %err, "CSV export stopped");
                    send(Err(err.into()));
                    return;
                }
            }
        }
    });
    receiver
}
