//! The account page: who I am as Upskill knows me, how I get e-mail (one per event or a
//! daily digest), where I am signed in, "sign out everywhere" (a lost laptop, a shared
//! computer left signed in), and my calendar feed (its routes are in `calendar`).

use actix_session::Session;
use actix_web::{get, post, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::calendar::{forget_new_feed_address, FeedPanel};
use actix_web::http::StatusCode;

use super::{page, page_with_status, redirect_with_flash, run_db, Chrome, CsrfForm, EmptyForm, State, Viewer};
use crate::config::AuthMode;
use crate::db;
use crate::db::audit::AuditLine;
use crate::domain::forms::FieldErrors;
use crate::domain::message::Message;
use crate::domain::passwords::{check_new_password, MIN_CHARACTERS};
use crate::domain::time_zone::{offered_zones, offset_text, parse_zone, Tz};
use crate::domain::words::count_of;
use crate::domain::AuditAction;
use crate::i18n::Tr;
use crate::security::{hash_password, verify_password};
use crate::web::error::AppError;
use crate::web::input::FormFields;
use crate::web::language::{words, zone};

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    chrome: Chrome,
    name: String,
    email: String,
    job_title: String,
    site: &'static str,
    /// The manager's name, or empty.
    manager: String,
    /// Live sessions, this one included.
    sessions: i64,
    /// Whether e-mail comes as one daily digest.
    daily_digest: bool,
    /// Whether this server sends e-mail at all.
    sends_mail: bool,
    /// When the daily digest is sent, in words.
    digest_hint: String,
    feed: FeedPanel,
    /// Whether people sign in with an Upskill password (else single sign-on).
    password_sign_in: bool,
    /// The language chosen on this page (a catalog's tag), or "" for the browser's.
    chosen_locale: String,
    /// The time zones to pick from, the chosen one selected.
    zones: Vec<ZoneOption>,
    /// What the blank choice (the organisation's zone) says.
    default_zone: String,
}

/// A time zone of the account page's list.
pub struct ZoneOption {
    pub value: &'static str,
    pub label: String,
    pub selected: bool,
}

/// The zones a person picks from, each with its distance from UTC now, and `chosen`
/// (kept even when the list does not offer it, so that saving the page keeps it).
fn zone_options(t: Tr, chosen: Option<Tz>) -> Vec<ZoneOption> {
    let now = crate::clock::now();
    let option = |zone: Tz| ZoneOption {
        value: zone.name(),
        label: t.with_two(
            "account-zone-option",
            "zone",
            zone.name().replace('_', " "),
            "offset",
            offset_text(zone, now),
        ),
        selected: chosen == Some(zone),
    };
    let mut options: Vec<ZoneOption> = offered_zones().map(option).collect();
    if let Some(zone) = chosen.filter(|zone| !options.iter().any(|o| o.value == zone.name())) {
        options.insert(0, option(zone));
    }
    options
}

#[get("/account")]
pub async fn show_account(state: State, viewer: Viewer, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let (id, manager_id, idle) = (viewer.id(), viewer.employee.manager_id, state.settings.session_idle);
    let (manager, sessions, daily_digest, feed) = run_db(&state, move |conn| {
        let manager = match manager_id {
            Some(manager_id) => db::employees::find_by_id(conn, manager_id)?.display_name,
            None => String::new(),
        };
        let sessions = db::sessions::count_live_for_employee(conn, id, idle)?;
        Ok((manager, sessions, db::outbox::wants_digest(conn, id)?, db::calendar::feed_of(conn, id)?))
    })
    .await?;
    let employee = &viewer.employee;
    let chrome = viewer.chrome("account");
    let t = chrome.t;
    let template = AccountPage {
        chrome,
        name: employee.display_name.clone(),
        email: employee.email.clone(),
        job_title: employee.job_title.clone(),
        site: t.name(employee.site_type),
        manager,
        sessions,
        daily_digest,
        sends_mail: state.settings.mail.smtp_url.is_some(),
        digest_hint: t.with_two(
            "account-email-digest-hint",
            "hour",
            format!("{:02}", state.settings.mail.digest_hour),
            "zone",
            zone().name(),
        ),
        feed: FeedPanel::new(&state, &viewer, &req, feed),
        password_sign_in: state.settings.auth == AuthMode::Password,
        chosen_locale: employee.locale.clone().unwrap_or_default(),
        zones: zone_options(t, employee.time_zone.as_deref().and_then(parse_zone)),
        default_zone: t.with("account-zone-default", "zone", state.settings.default_time_zone.name().replace('_', " ")),
    };
    let mut response = page(&req, &template)?;
    forget_new_feed_address(&req, &mut response)?;
    Ok(response)
}

#[derive(Deserialize)]
pub struct EmailForm {
    /// `each` (one e-mail per event) or `digest` (one daily digest).
    #[serde(default)]
    delivery: String,
}

impl FormFields for EmailForm {
    const CHECKED_TEXT: &'static [&'static str] = &[];
}

/// Chooses between one e-mail per event and a daily digest.
#[post("/account/email")]
pub async fn save_email_preference(
    state: State,
    viewer: Viewer,
    form: CsrfForm<EmailForm>,
) -> Result<HttpResponse, AppError> {
    let (id, email) = (viewer.id(), viewer.employee.email.clone());
    // The two radio buttons send one of these; anything else is not this page's form.
    let daily_digest = match form.0.delivery.as_str() {
        "each" => false,
        "digest" => true, // not a stored name: the radio button's value
        _ => return Err(AppError::BadRequest("delivery must be `each` or `digest`".to_owned())),
    };
    run_db(&state, move |conn| {
        db::audit::audited(conn, |conn, now| {
            db::outbox::set_digest(conn, id, daily_digest, now)?;
            let details = if daily_digest { "daily digest" } else { "one e-mail per event" };
            let line = AuditLine {
                actor_id: Some(id),
                action: AuditAction::AccountEmailPreference,
                subject: email,
                details: details.to_owned(),
            };
            Ok::<_, AppError>(((), Some(line)))
        })
    })
    .await?;
    let t = words();
    let message = if daily_digest { t.m("account-email-saved-digest") } else { t.m("account-email-saved-each") };
    Ok(redirect_with_flash("/account", "success", message))
}

#[derive(Deserialize)]
pub struct TimeZoneForm {
    /// An IANA name, or "" for the organisation's.
    #[serde(default)]
    time_zone: String,
}

impl FormFields for TimeZoneForm {
    const CHECKED_TEXT: &'static [&'static str] = &["time_zone"];
}

/// Saves the time zone a person reads times in: pages, e-mail, and the clock their
/// reminders and daily summary follow.
#[post("/account/time-zone")]
pub async fn save_time_zone(
    state: State,
    viewer: Viewer,
    form: CsrfForm<TimeZoneForm>,
) -> Result<HttpResponse, AppError> {
    // The list offers only zones; anything else is not this page's form.
    let chosen = match form.0.time_zone.as_str() {
        "" => None,
        name => Some(parse_zone(name).ok_or_else(|| AppError::BadRequest(format!("no time zone {name:?}")))?),
    };
    let (id, email) = (viewer.id(), viewer.employee.email.clone());
    run_db(&state, move |conn| {
        db::audit::audited(conn, |conn, now| {
            db::employees::set_time_zone(conn, id, chosen.map(|zone| zone.name()), now)?;
            let line = AuditLine {
                actor_id: Some(id),
                action: AuditAction::AccountTimeZone,
                subject: email,
                details: chosen.map_or("the organisation's", |zone| zone.name()).to_owned(),
            };
            Ok::<_, AppError>(((), Some(line)))
        })
    })
    .await?;
    let zone = chosen.unwrap_or(state.settings.default_time_zone);
    let t = words();
    let saved = t.with_two("zone-saved", "zone", zone.name(), "time", t.time(crate::clock::now(), zone));
    Ok(redirect_with_flash("/account", "success", &saved))
}

/// Ends every session of the signed-in person, this one included.
#[post("/account/sign-out-everywhere")]
pub async fn sign_out_everywhere(
    state: State,
    viewer: Viewer,
    session: Session,
    _form: CsrfForm<EmptyForm>,
) -> Result<HttpResponse, AppError> {
    let (id, email) = (viewer.id(), viewer.employee.email.clone());
    run_db(&state, move |conn| {
        db::audit::audited(conn, |conn, _| {
            let ended = db::sessions::delete_for_employee(conn, id)?;
            let line = AuditLine {
                actor_id: Some(id),
                action: AuditAction::AccountSignedOutEverywhere,
                subject: email,
                details: format!("{} ended", count_of(ended, "session", "sessions")),
            };
            Ok::<_, AppError>(((), Some(line)))
        })
    })
    .await?;
    session.purge();
    if state.settings.auth.is_single_sign_on() {
        return Ok(super::sso::signed_out(&state));
    }
    Ok(redirect_with_flash("/login", "info", words().m("account-signed-out-everywhere")))
}

#[derive(Template)]
#[template(path = "account_password.html")]
struct PasswordPage {
    chrome: Chrome,
    email: String,
    errors: FieldErrors,
    min_characters: usize,
}

fn password_page(req: &HttpRequest, viewer: &Viewer, errors: FieldErrors) -> Result<HttpResponse, AppError> {
    let status = if errors.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    let template = PasswordPage {
        chrome: viewer.chrome("account"),
        email: viewer.employee.email.clone(),
        errors,
        min_characters: MIN_CHARACTERS,
    };
    page_with_status(req, &template, status)
}

#[get("/account/password")]
pub async fn show_password_form(state: State, viewer: Viewer, req: HttpRequest) -> Result<HttpResponse, AppError> {
    super::auth::password_sign_in_only(&state)?;
    password_page(&req, &viewer, FieldErrors::default())
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    new_password_again: String,
}

impl FormFields for PasswordForm {
    const CHECKED_TEXT: &'static [&'static str] = &["current_password", "new_password", "new_password_again"];
}

/// Changes the signed-in person's password: the current one is asked for (a browser left
/// signed in is not enough), every other session ends, and this browser stays signed in.
#[post("/account/password")]
pub async fn change_password(
    state: State,
    viewer: Viewer,
    session: Session,
    req: HttpRequest,
    form: CsrfForm<PasswordForm>,
) -> Result<HttpResponse, AppError> {
    super::auth::password_sign_in_only(&state)?;
    let form = form.0;
    let t = words();
    let mut errors = FieldErrors::default();
    let stored = viewer.employee.password_hash.clone().unwrap_or_default();
    let current = form.current_password.clone();
    let current_ok = !stored.is_empty()
        && crate::web::block_in_span(move || verify_password(&current, &stored))
            .await
            .map_err(|e| AppError::Internal(e.into()))?;
    if !current_ok {
        errors.add("current_password", Message::new("account-password-not-current"));
    }
    if let Err(problem) = check_new_password(&form.new_password, &viewer.employee.email) {
        errors.add("new_password", problem.said());
    } else if form.new_password != form.new_password_again {
        errors.add("new_password_again", Message::new("account-password-differ"));
    } else if form.new_password == form.current_password {
        errors.add("new_password", Message::new("account-password-same"));
    }
    if !errors.is_empty() {
        return password_page(&req, &viewer, errors);
    }
    let (employee, password) = (viewer.employee.clone(), form.new_password);
    let ended = run_db(&state, move |conn| {
        let hash = hash_password(&password).map_err(|e| AppError::Internal(anyhow::anyhow!("password hash: {e}")))?;
        Ok(db::access_links::change_password(conn, &employee, &hash)?)
    })
    .await?;
    crate::web::auth::start_session(&session, viewer.id(), None)?;
    let elsewhere = ended.saturating_sub(1);
    let message = if elsewhere == 0 {
        t.m("account-password-changed").to_owned()
    } else {
        t.count("account-password-changed-elsewhere", elsewhere)
    };
    Ok(redirect_with_flash("/account", "success", &message))
}
