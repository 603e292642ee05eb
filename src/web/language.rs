//! Which language a request is answered in, and the two ways to choose it; and the time
//! zone its times are shown in (the signed-in person's, else `--default-time-zone`).
//!
//! The order: the language a signed-in person chose on their account page (saved on
//! their row), else the one a visitor picked in the footer (the `upskill_lang` cookie),
//! else the best of the browser's `Accept-Language` that has a catalog, else
//! `--default-locale`. [`choose_language`] decides all but the first for every request
//! and keeps it where the page, and an error page made far from the request, find it
//! ([`current`]); reading the signed-in viewer applies their own choice
//! (`web::signed_in_viewer_and`). The response says which it was (`Content-Language`) and
//! that it depends on the request's languages (`Vary`).

use std::cell::Cell;

use actix_web::body::MessageBody;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::input::{is_local_path, FormFields};
use super::{redirect_with_flash, run_db, CsrfForm, State, Viewer};
use crate::db;
use crate::db::audit::AuditLine;
use crate::domain::time_zone::Tz;
use crate::domain::AuditAction;
use crate::i18n::{from_accept_language, Locale, Tr};
use crate::web::error::AppError;

/// The cookie of a visitor's choice in the footer.
pub const LANGUAGE_COOKIE: &str = "upskill_lang";

/// The language of a request, the time zone its times are shown in, and the page it
/// asked for.
struct RequestLanguage {
    locale: Cell<Locale>,
    zone: Cell<Tz>,
    /// The path and query, for the switcher to come back to ("/" when it is not a plain
    /// local path).
    here: String,
}

tokio::task_local! {
    /// The language of the request whose future is running.
    static REQUEST_LANGUAGE: RequestLanguage;
}

/// The language of the request being answered (English outside a request).
pub fn current() -> Locale {
    REQUEST_LANGUAGE.try_with(|request| request.locale.get()).unwrap_or_default()
}

/// The time zone of the request being answered: the signed-in person's, else the
/// server's default (UTC outside a request).
pub fn zone() -> Tz {
    REQUEST_LANGUAGE.try_with(|request| request.zone.get()).unwrap_or(Tz::UTC)
}

/// The path and query of the request being answered.
pub fn here() -> String {
    REQUEST_LANGUAGE.try_with(|request| request.here.clone()).unwrap_or_else(|_| "/".to_owned())
}

/// The words of the request being answered.
pub fn words() -> Tr {
    Tr(current())
}

/// The request's language, taken along to work the request hands to another thread.
pub struct Carried {
    locale: Locale,
    zone: Tz,
    here: String,
}

impl Carried {
    /// The language of the request being answered, to take along.
    pub fn now() -> Carried {
        Carried { locale: current(), zone: zone(), here: here() }
    }

    /// Runs `work` (on any thread) in the request's language: what it words reads as the
    /// page does ([`words`]), not in the default language.
    pub fn within<T>(self, work: impl FnOnce() -> T) -> T {
        let request = RequestLanguage { locale: Cell::new(self.locale), zone: Cell::new(self.zone), here: self.here };
        REQUEST_LANGUAGE.sync_scope(request, work)
    }
}

/// Answers the rest of the request in `locale` (a signed-in person's own choice).
pub fn answer_in(locale: Locale) {
    let _ = REQUEST_LANGUAGE.try_with(|request| request.locale.set(locale));
}

/// Shows the rest of the request's times in `zone` (a signed-in person's own choice).
pub fn show_times_in(zone: Tz) {
    let _ = REQUEST_LANGUAGE.try_with(|request| request.zone.set(zone));
}

/// The language a request asks for before anyone is known: the footer's cookie, the
/// browser's languages, the server's default.
fn asked_for(req: &HttpRequest, default: Locale) -> Locale {
    let from_cookie = req.cookie(LANGUAGE_COOKIE).and_then(|cookie| Locale::from_tag(cookie.value()));
    from_cookie
        .or_else(|| {
            req.headers()
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|value| value.to_str().ok())
                .and_then(from_accept_language)
        })
        .unwrap_or(default)
}

/// Middleware: decides the request's language and answers in it.
pub async fn choose_language(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let settings =
        req.app_data::<State>().map(|state| (state.settings.default_locale, state.settings.default_time_zone));
    let (default, default_zone) = settings.unwrap_or((Locale::En, Tz::UTC));
    let chosen = asked_for(req.request(), default);
    let here = req.uri().path_and_query().map(|pq| pq.as_str()).filter(|path| is_local_path(path)).unwrap_or("/");
    let request = RequestLanguage { locale: Cell::new(chosen), zone: Cell::new(default_zone), here: here.to_owned() };
    REQUEST_LANGUAGE
        .scope(request, async move {
            let mut response = next.call(req).await?;
            let headers = response.headers_mut();
            let is_page = headers
                .get(header::CONTENT_TYPE)
                .and_then(|value| value.to_str().ok())
                .is_some_and(|value| value.starts_with("text/html"));
            // Pages only: a stylesheet is the same in every language, and cached once.
            if is_page {
                headers.insert(header::CONTENT_LANGUAGE, HeaderValue::from_static(current().tag()));
                headers.append(header::VARY, HeaderValue::from_static("Accept-Language, Cookie"));
            }
            Ok(response)
        })
        .await
}

#[derive(Debug, Deserialize)]
pub struct SwitchQuery {
    next: Option<String>,
}

/// The footer's switcher for someone not signed in: a link per language, which keeps the
/// choice in a cookie for a year and goes back to the page. Nothing is stored on the
/// server.
#[get("/language/{tag}")]
pub async fn switch_language(tag: web::Path<String>, query: web::Query<SwitchQuery>) -> Result<HttpResponse, AppError> {
    let locale = Locale::from_tag(&tag).filter(|l| l.tag().eq_ignore_ascii_case(&tag)).ok_or(AppError::NotFound)?;
    let next = query.next.as_deref().filter(|path| is_local_path(path)).unwrap_or("/");
    let cookie = Cookie::build(LANGUAGE_COOKIE, locale.tag())
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .max_age(actix_web::cookie::time::Duration::days(365))
        .finish();
    Ok(HttpResponse::SeeOther().insert_header((header::LOCATION, next.to_owned())).cookie(cookie).finish())
}

#[derive(Debug, Deserialize)]
pub struct LanguageForm {
    /// A catalog's tag, or "" for "as my browser asks".
    #[serde(default)]
    locale: String,
    #[serde(default)]
    next: String,
}

impl FormFields for LanguageForm {
    const CHECKED_TEXT: &'static [&'static str] = &[];
}

/// Saves a signed-in person's language (the footer's switcher and the account page):
/// every page and e-mail of theirs follows it, on every browser.
#[post("/account/language")]
pub async fn save_language(
    state: State,
    viewer: Viewer,
    form: CsrfForm<LanguageForm>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let LanguageForm { locale, next } = form.0;
    let chosen = match locale.as_str() {
        "" => None,
        tag => Some(
            Locale::from_tag(tag)
                .filter(|l| Locale::OFFERED.contains(l) && l.tag() == tag)
                .ok_or_else(|| AppError::BadRequest(format!("no language {tag:?}")))?,
        ),
    };
    let (id, email) = (viewer.id(), viewer.employee.email.clone());
    run_db(&state, move |conn| {
        db::audit::audited(conn, |conn, now| {
            db::employees::set_locale(conn, id, chosen.map(Locale::tag), now)?;
            let line = AuditLine {
                actor_id: Some(id),
                action: AuditAction::AccountLanguage,
                subject: email,
                details: chosen.map_or("as the browser asks", Locale::tag).to_owned(),
            };
            Ok::<_, AppError>(((), Some(line)))
        })
    })
    .await?;
    let shown_in = chosen.unwrap_or_else(|| asked_for(&req, state.settings.default_locale));
    let back = if is_local_path(&next) { next } else { "/account".to_owned() };
    Ok(redirect_with_flash(&back, "success", Tr(shown_in).m("language-saved")))
}
