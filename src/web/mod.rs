//! The HTTP side: one module per area with its handlers and template structs, plus
//! the pieces every page shares (who is signed in, the CSRF-checked form, flash
//! messages, the page chrome). No SQL here: handlers call `db` inside `web::block`.

pub mod access;
pub mod account;
pub mod admin;
pub mod applications;
pub mod approvals;
pub mod assets;
pub mod auth;
pub mod bulk_approval;
pub mod calendar;
pub mod catalog;
pub mod draws;
pub mod eligibility;
pub mod error;
pub mod flash;
pub mod format;
pub mod health;
pub mod home;
pub mod input;
pub mod kept_form;
pub mod language;
pub mod learning_record;
pub mod methods;
pub mod metrics;
pub mod notifications;
pub mod observe;
pub mod origin;
pub mod paging;
pub mod proposals;
pub mod scim;
pub mod session;
pub mod sso;
pub mod team;
pub mod throttle;
pub mod upload;

use std::future::Future;
use std::pin::Pin;

use actix_session::{Session, SessionExt};
use actix_web::cookie::Cookie;
use actix_web::http::header;
use actix_web::{web, FromRequest, HttpRequest, HttpResponse};
use askama::Template;
use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::config::Settings;
use crate::db::program_teams::ProgramScope;
use crate::db::{self, DbConnection, DbPool};
use crate::security::constant_time_eq;
use crate::web::error::AppError;
use crate::web::flash::FLASH_COOKIE;
pub use crate::web::flash::{read_flash, redirect_with_flash, Flash};
use crate::web::input::FormFields;
use crate::web::session::{EMPLOYEE_ID_KEY, UNCONFIRMED_ROW_KEY};
pub use crate::web::upload::{read_csrf_upload, Upload, UploadRefused};

/// Shared by every handler through `web::Data`.
pub struct AppState {
    pub pool: DbPool,
    /// The published programs in memory (PostgreSQL mode; see `db::catalog_cache`).
    pub catalog: std::sync::Arc<db::catalog_cache::CatalogCache>,
    pub settings: Settings,
    /// The instance secret (from the database), for signing cookies and tokens.
    pub secret: Vec<u8>,
    /// The sign-in limits; the attempts are counted in the database.
    pub sign_in_limits: crate::domain::sign_in_limits::SignInLimits,
    /// The request series, when `--metrics-bind` is set.
    pub metrics: Option<std::sync::Arc<crate::metrics::HttpMetrics>>,
    /// The pool's waits for a connection that ran out of time.
    pub pool_waits: db::PoolWaits,
    /// The OpenID Connect relying party (`--auth oidc` only).
    pub oidc: Option<crate::oidc::OidcClient>,
    /// Whether short reads run on the request's own thread (SQLite; see [`run_short_read`]).
    pub reads_in_place: bool,
    /// The tags of who fills a form (`web::kept_form`), by employee.
    pub form_owner_tags: crate::security::FormOwnerTags,
    /// Attached files written to or read from the database at once (see
    /// `applications::files`): each takes the database driver's copies of the file.
    pub file_transfers: std::sync::Arc<tokio::sync::Semaphore>,
}

pub type State = web::Data<AppState>;

/// Runs database work on the blocking thread pool with a pooled connection.
pub async fn run_db<T, F>(state: &AppState, work: F) -> Result<T, AppError>
where
    F: FnOnce(&mut DbConnection) -> Result<T, AppError> + Send + 'static,
    T: Send + 'static,
{
    let pool = state.pool.clone();
    block_in_span(move || {
        let mut conn = pool.get()?;
        work(&mut conn)
    })
    .await?
}

/// Runs a short read: on SQLite, when a pooled connection is free at once, on the request's
/// own thread; else on the blocking pool as [`run_db`] does. A SQLite read in write-ahead
/// log mode waits for no writer and takes microseconds, less than the hand-off to the
/// blocking pool and back, which was the largest part of what a signed-in page cost. On
/// PostgreSQL a read is a network round trip and always goes to the blocking pool. Only
/// for reads of a few indexed rows (the session, the viewer, the catalog): anything that
/// writes, or may take long, goes through [`run_db`].
pub async fn run_short_read<T, F>(state: &AppState, work: F) -> Result<T, AppError>
where
    F: FnOnce(&mut DbConnection) -> Result<T, AppError> + Send + 'static,
    T: Send + 'static,
{
    match db::free_connection_for_short_read(&state.pool, state.reads_in_place) {
        Some(mut conn) => db::read_together(&mut conn, work),
        None => run_db(state, move |conn| db::read_together(conn, work)).await,
    }
}

/// `web::block` inside the caller's log span and language: what the work logs on the
/// blocking thread carries the request's id, and what it words reads as the page does.
pub async fn block_in_span<F, R>(work: F) -> Result<R, actix_web::error::BlockingError>
where
    F: FnOnce() -> R + Send + 'static,
    R: Send + 'static,
{
    let span = tracing::Span::current();
    let language = language::Carried::now();
    web::block(move || span.in_scope(|| language.within(work))).await
}

/// The viewer, the published programs (by name) and what `work` reads for the page, in
/// one trip to the database: the catalog and the home page, which every visit shows, pay
/// for one connection, lent on the request's own thread on SQLite ([`run_short_read`]:
/// `work` must be a short read). The programs come from this server's memory when they
/// are current (see `db::catalog_cache`), else they are read in that same trip.
pub async fn viewer_published_and<T, F>(
    state: &AppState,
    req: &HttpRequest,
    work: F,
) -> Result<(Viewer, std::sync::Arc<Vec<db::programs::Program>>, T), AppError>
where
    F: FnOnce(&mut db::DbConnection, &Viewer) -> Result<T, AppError> + Send + 'static,
    T: Send + 'static,
{
    let catalog = state.catalog.clone();
    let (viewer, (programs, value)) = signed_in_viewer_and(req, Trip::ShortRead, move |conn, viewer| {
        Ok((catalog.published(conn)?, work(conn, viewer)?))
    })
    .await?;
    Ok((viewer, programs, value))
}

/// The session key of the per-session CSRF token.
pub const CSRF_KEY: &str = "csrf";

/// What the layout needs on every page: who is signed in, the navigation, the flash.
#[derive(Debug, Clone)]
pub struct Chrome {
    pub user: Option<ChromeUser>,
    pub csrf_token: String,
    /// The tag of who fills the page's forms (`security::form_owner_tag`); "" signed out.
    pub form_owner: String,
    pub flash: Option<Flash>,
    /// The navigation entry to mark as current.
    pub nav: &'static str,
    /// The words of the page, in the request's language (`web::language`).
    pub t: crate::i18n::Tr,
    /// The page's own path and query, for the language switcher to come back to.
    pub here: String,
}

#[derive(Debug, Clone)]
pub struct ChromeUser {
    pub display_name: String,
    pub is_manager: bool,
    pub is_admin: bool,
    /// On the team of at least one program.
    pub runs_programs: bool,
    pub unread_notifications: i64,
    pub awaiting_approval: i64,
    /// Evidence of completion waiting for the program team (0 for anyone else).
    pub awaiting_verification: i64,
}

impl ChromeUser {
    /// The queue count as the navigation shows it.
    pub fn awaiting_label(&self) -> String {
        count_label(self.awaiting_approval)
    }

    /// The verification queue's count as the administration's navigation shows it.
    pub fn verification_label(&self) -> String {
        count_label(self.awaiting_verification)
    }
}

impl Chrome {
    /// Whether the signed-in person is an administrator (the administration's navigation
    /// shows them everything; a program team's member, their programs' pages).
    pub fn is_admin(&self) -> bool {
        self.user.as_ref().is_some_and(|user| user.is_admin)
    }

    /// The languages the footer offers, each named in itself.
    pub fn languages(&self) -> Vec<LanguageChoice> {
        crate::i18n::Locale::OFFERED
            .iter()
            .map(|&locale| LanguageChoice {
                tag: locale.tag(),
                name: crate::i18n::Tr(locale).m("language-own-name"),
                current: locale == self.t.locale(),
            })
            .collect()
    }

    /// The chrome of a page shown to nobody in particular (sign-in, error pages).
    pub fn anonymous() -> Chrome {
        Chrome {
            user: None,
            csrf_token: String::new(),
            form_owner: String::new(),
            flash: None,
            nav: "",
            t: language::words(),
            here: language::here(),
        }
    }
}

/// A language of the footer's switcher.
pub struct LanguageChoice {
    pub tag: &'static str,
    pub name: &'static str,
    /// The language the page is in.
    pub current: bool,
}

/// The navigation counts the decision queue up to this many, then says "99+".
pub const AWAITING_SHOWN_UP_TO: i64 = 99;

/// "99+" past the count the navigation shows.
pub fn count_label(count: i64) -> String {
    if count > AWAITING_SHOWN_UP_TO {
        format!("{AWAITING_SHOWN_UP_TO}+")
    } else {
        count.to_string()
    }
}

/// The signed-in employee of this request, with what the layout shows about them.
pub struct Viewer {
    pub employee: db::employees::Employee,
    pub is_manager: bool,
    pub unread_notifications: i64,
    pub awaiting_approval: i64,
    /// Evidence of completion waiting for the program team, when the viewer is on it.
    pub awaiting_verification: i64,
    /// The programs whose team the viewer is on (administrators run every program
    /// whether or not they are on its team).
    pub team_programs: Vec<i32>,
    pub csrf_token: String,
    /// The tag its forms carry (`security::form_owner_tag`).
    pub form_owner: String,
    pub flash: Option<Flash>,
}

impl Viewer {
    pub fn id(&self) -> i32 {
        self.employee.id
    }

    /// The programs the viewer runs: every program for an administrator, those of their
    /// teams for a team member, `None` for anyone else.
    pub fn program_scope(&self) -> Option<ProgramScope> {
        program_scope_of(&self.employee, &self.team_programs)
    }

    /// Whether the viewer runs `program_id` (an administrator, or on its team).
    pub fn runs_program(&self, program_id: i32) -> bool {
        self.employee.is_admin || self.team_programs.contains(&program_id)
    }

    /// The page chrome with `nav` marked as the current section.
    pub fn chrome(&self, nav: &'static str) -> Chrome {
        Chrome {
            user: Some(ChromeUser {
                display_name: self.employee.display_name.clone(),
                is_manager: self.is_manager,
                is_admin: self.employee.is_admin,
                runs_programs: !self.team_programs.is_empty(),
                unread_notifications: self.unread_notifications,
                awaiting_approval: self.awaiting_approval,
                awaiting_verification: self.awaiting_verification,
            }),
            csrf_token: self.csrf_token.clone(),
            form_owner: self.form_owner.clone(),
            flash: self.flash.clone(),
            nav,
            t: language::words(),
            here: language::here(),
        }
    }
}

/// The path and query of a request, to come back to after signing in.
fn return_path(req: &HttpRequest) -> String {
    match req.uri().path_and_query() {
        Some(pq) => pq.as_str().to_owned(),
        None => "/".to_owned(),
    }
}

impl FromRequest for Viewer {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _payload: &mut actix_web::dev::Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move { viewer_and(&req, |_, _| Ok(())).await.map(|(viewer, ())| viewer) })
    }
}

/// The signed-in employee of this request with what `work` reads for the page, in one
/// trip to the database (`work` sees the viewer). Without a session, or for someone
/// deactivated (whose session ends here), `SignInRequired`.
pub async fn viewer_and<T, F>(req: &HttpRequest, work: F) -> Result<(Viewer, T), AppError>
where
    F: FnOnce(&mut DbConnection, &Viewer) -> Result<T, AppError> + Send + 'static,
    T: Send + 'static,
{
    signed_in_viewer_and(req, Trip::BlockingPool, work).await
}

/// Where a trip to the database runs: [`run_db`] or [`run_short_read`].
#[derive(Debug, Clone, Copy)]
enum Trip {
    BlockingPool,
    ShortRead,
}

async fn signed_in_viewer_and<T, F>(req: &HttpRequest, trip: Trip, work: F) -> Result<(Viewer, T), AppError>
where
    F: FnOnce(&mut DbConnection, &Viewer) -> Result<T, AppError> + Send + 'static,
    T: Send + 'static,
{
    let session = req.get_session();
    let sign_in = || AppError::SignInRequired { next: return_path(req) };
    let employee_id: i32 = match session.get(EMPLOYEE_ID_KEY) {
        Ok(Some(id)) => id,
        _ => return Err(sign_in()),
    };
    let csrf_token: String = session.get(CSRF_KEY).ok().flatten().unwrap_or_default();
    // A session state the store had in memory: its row must still be live (see
    // `web::session`), read in the same transaction as the viewer.
    let unconfirmed_row: Option<String> = session.get(UNCONFIRMED_ROW_KEY).ok().flatten();
    let flash = read_flash(req);
    let state = req.app_data::<State>().ok_or_else(|| anyhow::anyhow!("application state missing"))?;
    let form_owner = state.form_owner_tags.of(&state.secret, employee_id);
    let idle = state.settings.session_idle;
    let read = move |conn: &mut DbConnection| {
        if let Some(row) = unconfirmed_row {
            let now = crate::clock::now();
            if !db::sessions::is_live(conn, &row, employee_id, now, db::sessions::idle_cutoff(now, idle))? {
                return Ok(None);
            }
        }
        let Some(mut viewer) = load_viewer(conn, employee_id, csrf_token, flash)? else { return Ok(None) };
        viewer.form_owner = form_owner;
        let read = work(conn, &viewer)?;
        Ok(Some((viewer, read)))
    };
    let loaded = match trip {
        Trip::BlockingPool => run_db(state, read).await?,
        Trip::ShortRead => run_short_read(state, read).await?,
    };
    let (viewer, read) = loaded.ok_or_else(|| {
        session.purge();
        sign_in()
    })?;
    if let Some(locale) = viewer.employee.locale.as_deref().and_then(crate::i18n::Locale::from_tag) {
        language::answer_in(locale);
    }
    if let Some(zone) = viewer.employee.time_zone.as_deref().and_then(crate::domain::time_zone::parse_zone) {
        language::show_times_in(zone);
    }
    Ok((viewer, read))
}

/// The programs someone runs: every program for an administrator, those of their teams
/// for a team member, `None` for anyone else.
fn program_scope_of(employee: &db::employees::Employee, team_programs: &[i32]) -> Option<ProgramScope> {
    if employee.is_admin {
        Some(ProgramScope::All)
    } else if team_programs.is_empty() {
        None
    } else {
        Some(ProgramScope::Only(team_programs.to_vec()))
    }
}

/// The viewer's record and the counts the layout shows; `None` when the employee is gone
/// or deactivated.
fn load_viewer(
    conn: &mut DbConnection,
    employee_id: i32,
    csrf_token: String,
    flash: Option<Flash>,
) -> Result<Option<Viewer>, AppError> {
    let Some(row) = db::employees::find_viewer(conn, employee_id)? else { return Ok(None) };
    if !row.employee.active {
        return Ok(None);
    }
    let (employee, is_manager) = (row.employee, row.has_direct_reports);
    let team_programs =
        if row.runs_programs { db::program_teams::program_ids_of(conn, employee.id)? } else { Vec::new() };
    let scope = program_scope_of(&employee, &team_programs);
    let awaiting_approval = if is_manager || scope.is_some() {
        let (queue, _) = db::workflow::queue_scope(conn, &employee, scope.clone(), crate::clock::today(), None)?;
        db::queue::count_up_to(conn, &queue, AWAITING_SHOWN_UP_TO + 1)?
    } else {
        0
    };
    let awaiting_verification = match &scope {
        Some(scope) => db::completions::count_waiting_up_to(conn, scope, AWAITING_SHOWN_UP_TO + 1)?,
        None => 0,
    };
    Ok(Some(Viewer {
        employee,
        is_manager,
        unread_notifications: row.unread_notifications,
        awaiting_approval,
        awaiting_verification,
        team_programs,
        csrf_token,
        form_owner: String::new(),
        flash,
    }))
}

/// A form that carries nothing but its CSRF token (sign out, publish, end sessions).
#[derive(Debug, Default, Deserialize)]
pub struct EmptyForm {}

impl FormFields for EmptyForm {
    const CHECKED_TEXT: &'static [&'static str] = &[];
}

/// A form read as its pairs, whose handler reads no text it would explain (the bulk
/// approval: its comment's problems go to the queue's flash message).
impl FormFields for Vec<(String, String)> {
    const CHECKED_TEXT: &'static [&'static str] = &[];
}

/// A urlencoded form whose `csrf_token` matched the session's token before `T` was read.
/// Every state-changing route of a signed-in person takes its body through this.
pub struct CsrfForm<T>(pub T);

impl<T: DeserializeOwned + FormFields + 'static> FromRequest for CsrfForm<T> {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
        let req = req.clone();
        let body = web::Bytes::from_request(&req, payload);
        Box::pin(async move {
            let body = body.await.map_err(|e| {
                if e.as_response_error().status_code() == actix_web::http::StatusCode::PAYLOAD_TOO_LARGE {
                    AppError::PayloadTooLarge
                } else {
                    AppError::BadRequest(format!("unreadable body: {e}"))
                }
            })?;
            let session: Session = req.get_session();
            let expected: Option<String> = session.get(CSRF_KEY).ok().flatten();
            let given = form_field(&body, "csrf_token");
            match (expected, given) {
                (Some(expected), Some(given)) if !expected.is_empty() && constant_time_eq(&expected, &given) => {}
                _ => return Err(AppError::CsrfRejected),
            }
            let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&body).unwrap_or_default();
            input::refuse_unchecked_nul::<T>(&pairs)?;
            serde_urlencoded::from_bytes(&body)
                .or_else(|first_error| {
                    // A field sent twice (a browser never does; a hand-made request may):
                    // keep its first value, so that the person sees their form again.
                    serde_urlencoded::from_bytes(&without_repeated_fields(&body)).map_err(|_| first_error)
                })
                .map(CsrfForm)
                .map_err(|e| AppError::BadRequest(format!("unreadable form: {e}")))
        })
    }
}

/// The form body with only the first value of each field.
fn without_repeated_fields(body: &[u8]) -> Vec<u8> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(body).unwrap_or_default();
    let mut seen = std::collections::HashSet::new();
    let first: Vec<&(String, String)> = pairs.iter().filter(|(name, _)| seen.insert(name.as_str())).collect();
    serde_urlencoded::to_string(first).unwrap_or_default().into_bytes()
}

/// The first value of `name` in a urlencoded body.
pub fn form_field(body: &[u8], name: &str) -> Option<String> {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
        .ok()?
        .into_iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value)
}

/// Percent-encodes a text for a query string.
pub fn url_encode(text: &str) -> String {
    serde_urlencoded::to_string([("", text)]).map(|s| s.trim_start_matches('=').to_owned()).unwrap_or_default()
}

/// A page: the rendered template, and the flash cookie cleared once it has been shown.
pub fn page<T: Template>(req: &HttpRequest, template: &T) -> Result<HttpResponse, AppError> {
    page_with_status(req, template, actix_web::http::StatusCode::OK)
}

pub fn page_with_status<T: Template>(
    req: &HttpRequest,
    template: &T,
    status: actix_web::http::StatusCode,
) -> Result<HttpResponse, AppError> {
    let body = template.render()?;
    let mut response = HttpResponse::build(status).content_type("text/html; charset=utf-8").body(body);
    if req.cookie(FLASH_COOKIE).is_some() {
        remove_cookie(&mut response, FLASH_COOKIE, "/")?;
    }
    Ok(response)
}

/// Tells the browser to forget the cookie `name` it holds for `path`.
pub fn remove_cookie(response: &mut HttpResponse, name: &'static str, path: &'static str) -> Result<(), AppError> {
    let mut gone = Cookie::build(name, "").path(path).finish();
    gone.make_removal();
    response.add_cookie(&gone).map_err(|e| AppError::Internal(e.into()))
}

/// A plain 303 to `location`.
pub fn redirect(location: &str) -> HttpResponse {
    HttpResponse::SeeOther().insert_header((header::LOCATION, location.to_owned())).finish()
}
