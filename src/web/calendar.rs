//! Calendars of confirmed places: the `.ics` download of one place, and each employee's
//! feed at `/calendar.ics?token=…`. Calendar apps fetch the feed without cookies, so the
//! token in its address is its only credential: long and random, stored as a SHA-256,
//! shown once when made. The account page's panel makes, replaces and turns off that
//! address (the routes here); the page itself is `account::show_account`.

use actix_web::cookie::{time, Cookie, CookieJar, Key, SameSite};
use actix_web::http::header::{ContentDisposition, DispositionParam, DispositionType};
use actix_web::{get, post, web, HttpRequest, HttpResponse, HttpResponseBuilder};

use super::format::long_date;
use super::origin::site_url;
use super::{redirect_with_flash, remove_cookie, run_db, AppState, CsrfForm, EmptyForm, State, Viewer};
use crate::db;
use crate::db::audit::AuditLine;
use crate::db::calendar::Place;
use crate::domain::calendar::{offers_calendar, AllDayEvent, Calendar};
use crate::domain::AuditAction;
use crate::security::{installation_tag, random_token, sha256_hex};
use crate::web::error::AppError;
use crate::web::language::words;

/// Random bytes in a feed token (43 characters once encoded).
const FEED_TOKEN_BYTES: usize = 32;
/// A token longer than this is not one of ours: no need to hash it.
const FEED_TOKEN_MAX_CHARS: usize = 128;
/// How often subscribed calendar apps are asked to fetch the feed again.
const FEED_REFRESH_HOURS: u32 = 6;
/// The encrypted cookie that carries a feed address just made to the account page,
/// which shows it once.
const NEW_FEED_COOKIE: &str = "upskill_new_feed";

/// The event of one place; its UID is the same in the download and in the feed.
fn event_of(place: &Place, site: &str, uid_tag: &str) -> AllDayEvent {
    let url = format!("{site}/applications/{}", place.application_id);
    AllDayEvent {
        uid: format!("application-{}.{uid_tag}@upskill", place.application_id),
        date: place.starts_on,
        summary: format!("{}: {}", place.program_name, place.intake_name),
        description: format!(
            "Your place in {} ({}) starts on {}.\nYour application: {url}",
            place.program_name,
            place.intake_name,
            long_date(place.starts_on)
        ),
        url,
    }
}

fn uid_tag(state: &AppState) -> String {
    installation_tag(&state.secret, "calendar-uid")
}

fn calendar(response: &mut HttpResponseBuilder, ics: String) -> HttpResponse {
    response.content_type("text/calendar; charset=utf-8").body(ics)
}

/// One place as an `.ics` file, for its owner only, while it holds a seat.
#[get("/applications/{id}/calendar.ics")]
pub async fn download_place(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let id = id.into_inner();
    let place = run_db(&state, move |conn| Ok(db::calendar::place_of_application(conn, id)?)).await?;
    let Some(place) = place.filter(|place| place.employee_id == viewer.id()) else {
        return Err(AppError::NotFound);
    };
    if !offers_calendar(place.status) {
        return Err(AppError::NotFound);
    }
    let events = [event_of(&place, &site_url(&req, &state.settings), &uid_tag(&state))];
    let ics = Calendar { name: None, refresh_hours: None, events: &events, stamp: crate::clock::now() }.to_ics();
    let slug: String = place.program_slug.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    let file_name = if slug.is_empty() { "upskill.ics".to_owned() } else { format!("{slug}.ics") };
    let attachment = ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![DispositionParam::Filename(file_name)],
    };
    Ok(calendar(HttpResponse::Ok().insert_header(attachment), ics))
}

/// The feed of the employee whose token the address carries: every place they hold.
/// No session: a missing, wrong or turned-off token, or a deactivated employee, is a 404.
#[get("/calendar.ics")]
pub async fn show_feed(state: State, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let token = super::form_field(req.query_string().as_bytes(), "token").unwrap_or_default();
    if token.is_empty() || token.len() > FEED_TOKEN_MAX_CHARS {
        return Err(AppError::NotFound);
    }
    let token_hash = sha256_hex(&token);
    let places = run_db(&state, move |conn| {
        let Some(employee_id) = db::calendar::feed_owner(conn, &token_hash)? else { return Ok(None) };
        Ok(Some(db::calendar::places_of(conn, employee_id)?))
    })
    .await?;
    let Some(places) = places else { return Err(AppError::NotFound) };
    let (site, tag) = (site_url(&req, &state.settings), uid_tag(&state));
    let events: Vec<AllDayEvent> = places.iter().map(|place| event_of(place, &site, &tag)).collect();
    let document = Calendar {
        name: Some("Upskill: your places"),
        refresh_hours: Some(FEED_REFRESH_HOURS),
        events: &events,
        stamp: crate::clock::now(),
    };
    Ok(calendar(&mut HttpResponse::Ok(), document.to_ics()))
}

/// Makes a new feed address for the signed-in person; the one they had stops working.
/// The address goes to the account page in an encrypted one-time cookie: it is stored
/// nowhere else.
#[post("/account/calendar-feed")]
pub async fn new_feed_address(
    state: State,
    viewer: Viewer,
    _form: CsrfForm<EmptyForm>,
) -> Result<HttpResponse, AppError> {
    let token = random_token(FEED_TOKEN_BYTES);
    let token_hash = sha256_hex(&token);
    let (id, email) = (viewer.id(), viewer.employee.email.clone());
    let replaced = run_db(&state, move |conn| {
        db::audit::audited(conn, |conn, now| {
            let replaced = db::calendar::replace_feed(conn, id, &token_hash, now)?;
            let (action, details) = if replaced {
                (AuditAction::AccountCalendarFeedReplaced, "new feed address; the previous one no longer works")
            } else {
                (AuditAction::AccountCalendarFeedCreated, "feed address created")
            };
            let line = AuditLine { actor_id: Some(id), action, subject: email, details: details.to_owned() };
            Ok::<_, AppError>((replaced, Some(line)))
        })
    })
    .await?;
    let t = words();
    let message = if replaced { t.m("account-feed-replaced") } else { t.m("account-feed-created") };
    let mut response = redirect_with_flash("/account#calendar-feed", "success", message);
    response.add_cookie(&new_feed_cookie(&state, id, &token)?).map_err(|e| AppError::Internal(e.into()))?;
    Ok(response)
}

/// Turns the signed-in person's feed off: its address stops working.
#[post("/account/calendar-feed/off")]
pub async fn turn_off_feed(state: State, viewer: Viewer, _form: CsrfForm<EmptyForm>) -> Result<HttpResponse, AppError> {
    let (id, email) = (viewer.id(), viewer.employee.email.clone());
    let ended = run_db(&state, move |conn| {
        db::audit::audited(conn, |conn, _| {
            let ended = db::calendar::delete_feed(conn, id)?;
            let line = ended.then(|| AuditLine {
                actor_id: Some(id),
                action: AuditAction::AccountCalendarFeedTurnedOff,
                subject: email,
                details: "feed turned off; its address no longer works".to_owned(),
            });
            Ok::<_, AppError>((ended, line))
        })
    })
    .await?;
    let t = words();
    Ok(if ended {
        redirect_with_flash("/account#calendar-feed", "success", t.m("account-feed-turned-off"))
    } else {
        redirect_with_flash("/account#calendar-feed", "info", t.m("account-feed-already-off"))
    })
}

fn cookie_key(state: &AppState) -> Result<Key, AppError> {
    Key::try_from(state.secret.as_slice()).map_err(|e| AppError::Internal(anyhow::anyhow!("cookie key: {e}")))
}

/// The one-time cookie with a new token, encrypted with the instance secret and bound
/// to its owner, for the account page only, for ten minutes.
fn new_feed_cookie(state: &AppState, employee_id: i32, token: &str) -> Result<Cookie<'static>, AppError> {
    let mut jar = CookieJar::new();
    jar.private_mut(&cookie_key(state)?).add(
        Cookie::build(NEW_FEED_COOKIE, format!("{employee_id}:{token}"))
            .path("/account")
            .http_only(true)
            .same_site(SameSite::Strict)
            .max_age(time::Duration::minutes(10))
            .finish(),
    );
    jar.get(NEW_FEED_COOKIE).cloned().ok_or_else(|| AppError::Internal(anyhow::anyhow!("the feed cookie was not made")))
}

/// What the account page shows about the feed.
pub struct FeedPanel {
    /// When the current address was made, if there is one.
    pub since: Option<String>,
    /// The address just made, shown this once.
    pub new_url: Option<String>,
}

impl FeedPanel {
    /// The panel of `viewer`, whose feed (if they have one) was made at `created_at` with
    /// a token hashing to `token_hash`.
    pub fn new(
        state: &AppState,
        viewer: &Viewer,
        req: &HttpRequest,
        feed: Option<(chrono::NaiveDateTime, String)>,
    ) -> FeedPanel {
        let Some((created_at, token_hash)) = feed else { return FeedPanel { since: None, new_url: None } };
        // Only the address that works now: not one replaced since, from another browser.
        let new_url = new_feed_token(state, viewer, req)
            .filter(|token| sha256_hex(token) == token_hash)
            .map(|token| format!("{}/calendar.ics?token={token}", site_url(req, &state.settings)));
        FeedPanel { since: Some(long_date(created_at.date())), new_url }
    }
}

/// The token of the one-time cookie, when it is this viewer's and decrypts.
fn new_feed_token(state: &AppState, viewer: &Viewer, req: &HttpRequest) -> Option<String> {
    let cookie = req.cookie(NEW_FEED_COOKIE)?;
    let mut jar = CookieJar::new();
    jar.add_original(cookie);
    let value = jar.private(&cookie_key(state).ok()?).get(NEW_FEED_COOKIE)?.value().to_owned();
    let (owner, token) = value.split_once(':')?;
    (owner == viewer.id().to_string()).then(|| token.to_owned())
}

/// Removes the one-time cookie from the browser, once the page that shows it is served.
pub fn forget_new_feed_address(req: &HttpRequest, response: &mut HttpResponse) -> Result<(), AppError> {
    if req.cookie(NEW_FEED_COOKIE).is_some() {
        remove_cookie(response, NEW_FEED_COOKIE, "/account")?;
    }
    Ok(())
}
