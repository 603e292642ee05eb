//! Static assets, embedded in the binary so that it runs from anywhere: the stylesheet and
//! the icon (an SVG that pages link to, and the same picture as `/favicon.ico` for
//! whatever asks for that address by convention).

use std::sync::LazyLock;

use actix_web::http::header;
use actix_web::{get, web, HttpRequest, HttpResponse};
use sha2::{Digest, Sha256};

struct Asset {
    name: &'static str,
    content_type: &'static str,
    body: &'static [u8],
}

const ASSETS: &[Asset] = &[
    Asset { name: "app.css", content_type: "text/css; charset=utf-8", body: include_bytes!("../../static/app.css") },
    Asset { name: "favicon.svg", content_type: "image/svg+xml", body: include_bytes!("../../static/favicon.svg") },
    Asset { name: "favicon.ico", content_type: "image/x-icon", body: include_bytes!("../../static/favicon.ico") },
];

/// A validator that changes whenever the binary's copy of the asset does.
fn etag(asset: &Asset) -> String {
    static TAGS: LazyLock<Vec<String>> = LazyLock::new(|| {
        ASSETS
            .iter()
            .map(|a| {
                let digest = Sha256::digest(a.body);
                format!("\"{}\"", digest.iter().take(12).map(|b| format!("{b:02x}")).collect::<String>())
            })
            .collect()
    });
    let index = ASSETS.iter().position(|a| a.name == asset.name).unwrap_or(0);
    TAGS.get(index).cloned().unwrap_or_default()
}

#[get("/static/{name}")]
pub async fn serve_asset(name: web::Path<String>, req: HttpRequest) -> HttpResponse {
    respond(name.as_str(), &req)
}

#[get("/favicon.ico")]
pub async fn favicon(req: HttpRequest) -> HttpResponse {
    respond("favicon.ico", &req)
}

/// The asset `name` (304 when the browser's copy is current), or the 404 page.
fn respond(name: &str, req: &HttpRequest) -> HttpResponse {
    let Some(asset) = ASSETS.iter().find(|a| a.name == name) else {
        return crate::web::error::error_response(actix_web::http::StatusCode::NOT_FOUND);
    };
    let tag = etag(asset);
    let fresh = req.headers().get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok()).is_some_and(|v| v == tag);
    let mut response = if fresh { HttpResponse::NotModified() } else { HttpResponse::Ok() };
    response
        .insert_header((header::CONTENT_TYPE, asset.content_type))
        .insert_header((header::CACHE_CONTROL, "public, max-age=3600"))
        .insert_header((header::ETAG, tag));
    if fresh {
        response.finish()
    } else {
        response.body(asset.body)
    }
}
