//! What every request leaves for operations: an id (the caller's `X-Request-Id` when it
//! is short and plain, else a new one), returned in the `X-Request-Id` header and shown on
//! the 500 page; a log span carrying the id around every line logged while the request is
//! handled; and, when metrics are on, its count and latency by route pattern.
//!
//! Per request this costs a 12-byte random id, one span, and with metrics a route lookup,
//! one hash lookup in the worker's own map and two relaxed atomic additions
//! (see `crate::metrics`): no lock is taken.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Instant;

use actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform};
use actix_web::error::InternalError;
use actix_web::http::header::{HeaderName, HeaderValue};
use tracing::Instrument;

use crate::metrics::{method_label, HttpMetrics, WorkerRecorder, UNMATCHED};
use crate::security::random_token;

/// The request and response header that carries a request's id.
pub const REQUEST_ID_HEADER: HeaderName = HeaderName::from_static("x-request-id");

/// The longest id taken from a request.
pub const MAX_REQUEST_ID_LEN: usize = 64;

tokio::task_local! {
    /// The id of the request whose future is running, for the 500 page, which is
    /// rendered where the request is out of reach (`error::error_response`).
    static CURRENT_REQUEST_ID: RequestId;
}

/// Marks the answer to an address no route has: the metrics count it as unmatched.
#[derive(Debug, Clone, Copy)]
pub struct Unmatched;

/// A request's id: letters, digits, `-`, `_` and `.`, at most [`MAX_REQUEST_ID_LEN`] long,
/// so it is safe in a header, a log line and a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestId(Rc<str>);

impl RequestId {
    /// An id received from a client or a proxy, when it is safe to reuse as it is.
    pub fn parse(value: &str) -> Option<RequestId> {
        let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
        (!value.is_empty() && value.len() <= MAX_REQUEST_ID_LEN && value.chars().all(plain))
            .then(|| RequestId(value.into()))
    }

    /// A new random id (96 bits, 16 characters).
    pub fn generate() -> RequestId {
        RequestId(random_token(12).into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The id of the request being handled, when there is one.
    pub fn current() -> Option<RequestId> {
        CURRENT_REQUEST_ID.try_with(RequestId::clone).ok()
    }

    fn header_value(&self) -> Option<HeaderValue> {
        HeaderValue::from_str(&self.0).ok()
    }
}

/// The middleware, wrapped around everything else (`startup::run`); `metrics` when the
/// metrics are on.
pub struct Observe {
    metrics: Option<Arc<HttpMetrics>>,
}

impl Observe {
    pub fn new(metrics: Option<Arc<HttpMetrics>>) -> Observe {
        Observe { metrics }
    }
}

impl<S, B> Transform<S, ServiceRequest> for Observe
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error> + 'static,
    B: 'static,
{
    type Response = ServiceResponse<B>;
    type Error = actix_web::Error;
    type Transform = ObserveService<S>;
    type InitError = ();
    type Future = std::future::Ready<Result<ObserveService<S>, ()>>;

    /// Called once per worker: each gets its own recorder.
    fn new_transform(&self, service: S) -> Self::Future {
        let recorder = self.metrics.as_ref().map(|metrics| Rc::new(metrics.recorder()));
        std::future::ready(Ok(ObserveService { service: Rc::new(service), recorder }))
    }
}

pub struct ObserveService<S> {
    service: Rc<S>,
    recorder: Option<Rc<WorkerRecorder>>,
}

impl<S, B> Service<ServiceRequest> for ObserveService<S>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error> + 'static,
    B: 'static,
{
    type Response = ServiceResponse<B>;
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<ServiceResponse<B>, actix_web::Error>>>>;

    actix_web::dev::forward_ready!(service);

    fn call(&self, req: ServiceRequest) -> Self::Future {
        let started = Instant::now();
        let id = req
            .headers()
            .get(&REQUEST_ID_HEADER)
            .and_then(|value| value.to_str().ok())
            .and_then(RequestId::parse)
            .unwrap_or_else(RequestId::generate);
        // At ERROR level the span is kept whatever the level filter, so that lines of
        // every level logged inside it carry the id.
        let span = tracing::error_span!("request", request_id = %id.as_str());
        let method = method_label(req.method().as_str());
        let header = id.header_value();
        let service = self.service.clone();
        let recorder = self.recorder.clone();
        let handled = async move {
            let mut response = match service.call(req).await {
                Ok(response) => response,
                // A middleware failed before any route answered (the session store):
                // answer here, inside the span, rather than after it.
                Err(err) => {
                    let mut response = err.error_response();
                    if let Some(header) = header {
                        response.headers_mut().insert(REQUEST_ID_HEADER, header);
                    }
                    if let Some(recorder) = recorder {
                        let route = Some(UNMATCHED.to_owned());
                        recorder.observe(method, route, response.status().as_u16(), started.elapsed());
                    }
                    return Err(InternalError::from_response(err, response).into());
                }
            };
            if let Some(header) = header {
                response.headers_mut().insert(REQUEST_ID_HEADER, header);
            }
            if let Some(recorder) = recorder {
                let unmatched = response.response().extensions().contains::<Unmatched>();
                let route = if unmatched { None } else { response.request().match_pattern() };
                recorder.observe(method, route, response.status().as_u16(), started.elapsed());
            }
            Ok(response)
        };
        Box::pin(CURRENT_REQUEST_ID.scope(id, handled.instrument(span)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_short_ids_are_taken_as_they_are() {
        for id in ["a", "0f8fad5b-d9cb-469f-a165-70867728950e", "req_42.retry-1", &"x".repeat(64)] {
            assert_eq!(RequestId::parse(id).map(|id| id.as_str().to_owned()), Some(id.to_owned()));
        }
    }

    #[test]
    fn other_ids_are_refused() {
        for id in ["", &"x".repeat(65), "two words", "a\"b", "<script>", "id;drop", "é", "a/b", "a\tb"] {
            assert_eq!(RequestId::parse(id), None, "{id:?}");
        }
    }

    #[test]
    fn generated_ids_are_valid_and_differ() {
        let (first, second) = (RequestId::generate(), RequestId::generate());
        assert_ne!(first, second);
        assert_eq!(first.as_str().len(), 16);
        assert_eq!(RequestId::parse(first.as_str()), Some(first));
    }
}
