//! HTTP methods: `HEAD` on every page that answers `GET` (uptime monitors and link
//! checkers use it), and a method a known address does not take answered with 405, the
//! `Allow` header and the error page, rather than the 404 of an unknown address.
//!
//! `#[get]` and `#[post]` put their method guard on the resource, so a request with
//! another method matches no resource and falls through. Every method guard actix checks
//! on the way records its method in the request (for the `Allow` header of a resource
//! without a matching route); the last resource of the route table, [`fallback`],
//! matches every address and has no route, so it answers 405 with `Allow` listing the
//! methods of the resources whose address matched, or 405 without `Allow` when none did.
//! [`not_found_or_not_allowed`] turns that into the application's 405 or 404 page.

use actix_web::body::MessageBody;
use actix_web::dev::{HttpServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::{from_fn, Next};
use actix_web::{web, HttpMessage};

use super::error::error_response;
use super::observe::Unmatched;

/// Marks a `HEAD` request answered as a `GET`.
#[derive(Debug, Clone, Copy)]
pub struct HeadRequest;

/// Routes a `HEAD` request as the `GET` it asks about. The connection still knows it was
/// a `HEAD`: it sends the headers of the answer, its `Content-Length` included, and no
/// body.
pub async fn head_as_get(
    mut req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    if req.method() == Method::HEAD {
        req.head_mut().method = Method::GET;
        req.extensions_mut().insert(HeadRequest);
    }
    next.call(req).await
}

/// The resource that answers every address no route took (see the module's comment).
pub fn fallback() -> impl HttpServiceFactory {
    web::resource("/{anything:.*}").wrap(from_fn(not_found_or_not_allowed))
}

/// The methods an `Allow` header lists, `HEAD` added wherever `GET` is.
fn allowed_methods(allow: &str) -> String {
    let mut methods: Vec<&str> = allow.split(',').map(str::trim).filter(|m| !m.is_empty()).collect();
    if methods.contains(&"GET") && !methods.contains(&"HEAD") {
        methods.push("HEAD");
    }
    methods.sort_unstable();
    methods.dedup();
    methods.join(", ")
}

/// Turns the fallback's bare 405 into the application's 405 page (the address exists with
/// other methods) or its 404 page (it does not).
async fn not_found_or_not_allowed(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse, actix_web::Error> {
    let answer = next.call(req).await?;
    let allow = answer.headers().get(header::ALLOW).and_then(|v| v.to_str().ok()).map(allowed_methods);
    let (request, _) = answer.into_parts();
    let mut response = match allow.filter(|methods| !methods.is_empty()) {
        Some(methods) => {
            let mut response = error_response(StatusCode::METHOD_NOT_ALLOWED);
            if let Ok(value) = HeaderValue::from_str(&methods) {
                response.headers_mut().insert(header::ALLOW, value);
            }
            response
        }
        None => error_response(StatusCode::NOT_FOUND),
    };
    response.extensions_mut().insert(Unmatched);
    Ok(ServiceResponse::new(request, response))
}

#[cfg(test)]
mod tests {
    use super::allowed_methods;

    #[test]
    fn head_is_allowed_wherever_get_is() {
        assert_eq!(allowed_methods("GET"), "GET, HEAD");
        assert_eq!(allowed_methods("POST"), "POST");
        assert_eq!(allowed_methods("GET, POST, GET"), "GET, HEAD, POST");
        assert_eq!(allowed_methods(""), "");
    }
}
