//! Building the server: pool, migrations, seeding, middleware and the route table.
//! The server runs exactly this route table in production and in the tests (`Application::build`).

use std::net::TcpListener;
use std::sync::Arc;
use std::time::Duration;

use actix_session::config::{BrowserSession, CookieContentSecurity, TtlExtensionPolicy};
use actix_session::SessionMiddleware;
use actix_web::body::MessageBody;
use actix_web::cookie::{Key, SameSite};
use actix_web::dev::Server;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::{from_fn, DefaultHeaders, Next};
use actix_web::{web, App, HttpServer};
use anyhow::Context;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::clock;
use crate::config::{AuthMode, Settings};
use crate::db::{self, DbPool, PoolWaits};
use crate::metrics::HttpMetrics;
use crate::oidc::OidcClient;
use crate::security::{hash_password, random_token, redact, CONTENT_SECURITY_POLICY, SECURITY_HEADERS};
use crate::web::error::AppError;
use crate::web::observe::Observe;
use crate::web::session::{self as session_store, DbSessionStore};
use crate::web::{self as pages, AppState};

/// The largest request body accepted (forms; CSV uploads get their own limit).
pub const MAX_BODY_BYTES: usize = 64 * 1024;

/// Every route of the application but the stylesheet, the icon and the health check
/// (`assets`, `health::healthz`, served outside the session middleware by `run`).
pub fn routes(cfg: &mut web::ServiceConfig) {
    cfg.service(pages::auth::show_login)
        .service(pages::auth::login)
        .service(pages::auth::logout)
        .service(pages::access::show_welcome)
        .service(pages::access::choose_welcome_password)
        .service(pages::access::show_reset)
        .service(pages::access::choose_reset_password)
        .service(pages::access::show_forgot_password)
        .service(pages::access::ask_for_reset)
        .service(pages::sso::oidc_callback)
        .service(pages::home::home)
        .service(pages::account::show_account)
        .service(pages::account::save_email_preference)
        .service(pages::language::save_language)
        .service(pages::account::save_time_zone)
        .service(pages::language::switch_language)
        .service(pages::account::sign_out_everywhere)
        .service(pages::account::show_password_form)
        .service(pages::account::change_password)
        .service(pages::learning_record::show_own_record)
        .service(pages::learning_record::export_own_record)
        .service(pages::calendar::new_feed_address)
        .service(pages::calendar::turn_off_feed)
        .service(pages::calendar::show_feed)
        .service(pages::catalog::list_programs)
        .service(pages::catalog::show_program)
        .service(pages::draws::show_draw)
        .service(pages::proposals::list_own_proposals)
        .service(pages::proposals::new_proposal_form)
        .service(pages::proposals::submit_proposal)
        .service(pages::proposals::show_proposal)
        .service(pages::proposals::edit_proposal_form)
        .service(pages::proposals::edit_proposal)
        .service(pages::proposals::confirm_withdraw_proposal)
        .service(pages::proposals::withdraw_proposal)
        .service(pages::proposals::review_queue)
        .service(pages::proposals::decide_proposal)
        .service(pages::applications::show_apply_form)
        .service(pages::applications::submit_application)
        .service(pages::applications::list_my_applications)
        .service(pages::applications::show_application)
        .service(pages::applications::show_edit_form)
        .service(pages::applications::edit_application)
        .service(pages::applications::confirm_withdraw)
        .service(pages::applications::withdraw_application)
        .service(pages::applications::accept_offer)
        .service(pages::applications::confirm_decline_offer)
        .service(pages::applications::decline_offer)
        .service(pages::applications::record_payment)
        .service(pages::calendar::download_place)
        .service(pages::applications::attach_file)
        .service(pages::applications::download_file)
        .service(pages::applications::submit_completion)
        .service(pages::applications::confirm_completion)
        .service(pages::applications::return_evidence)
        .service(pages::applications::mark_not_completed)
        .service(pages::notifications::list_notifications)
        .service(pages::notifications::mark_notifications_read)
        .service(pages::approvals::list_approvals)
        .service(pages::bulk_approval::confirm_selected)
        .service(pages::bulk_approval::review_selected)
        .service(pages::approvals::approve_application)
        .service(pages::approvals::reject_application)
        .service(pages::approvals::request_changes)
        .service(pages::team::show_team)
        .service(pages::team::add_delegation)
        .service(pages::team::end_delegation)
        // Before `/admin/employees/{id}`, which would take "import" for an id.
        .service(pages::admin::import::show_import_form)
        .service(pages::admin::import::preview_import)
        .service(pages::admin::import::commit_import)
        .service(pages::admin::invitations::confirm_invite_all)
        .service(pages::admin::invitations::invite_all)
        .service(pages::admin::audit::show_audit)
        .service(pages::admin::applications::list_applications)
        .service(pages::admin::applications::export_applications)
        .service(pages::admin::payments::list_payments)
        .service(pages::admin::payments::export_payments)
        .service(pages::admin::outcomes::export_outcomes_csv)
        .service(pages::admin::outcomes::export_outcomes_json)
        .service(pages::admin::people::list_employees)
        .service(pages::admin::dashboard::show_dashboard)
        .service(pages::admin::provisioning::show_provisioning)
        .service(pages::admin::provisioning::create_token)
        .service(pages::admin::provisioning::confirm_revoke)
        .service(pages::admin::provisioning::revoke_token)
        .service(pages::admin::settings::show_settings)
        .service(pages::admin::settings::save_settings)
        .service(pages::admin::verification::show_verification_queue)
        .service(pages::learning_record::export_person_record)
        .service(pages::admin::people::show_employee)
        .service(pages::admin::people::update_employee)
        .service(pages::admin::people::end_sessions)
        .service(pages::admin::invitations::invite_person)
        .service(pages::admin::programs::list_programs)
        .service(pages::admin::programs::new_program_form)
        .service(pages::admin::programs::create_program)
        .service(pages::admin::programs::edit_program_form)
        .service(pages::admin::programs::update_program)
        .service(pages::admin::programs::preview_new_program)
        .service(pages::admin::programs::preview_program)
        .service(pages::admin::programs::confirm_archive)
        .service(pages::kept_form::resume)
        .service(pages::admin::programs::archive_program)
        .service(pages::admin::programs::publish_program)
        .service(pages::admin::programs::request_publication)
        .service(pages::admin::intakes::show_intakes)
        .service(pages::admin::intakes::save_intake)
        .service(pages::admin::places::show_place)
        .service(pages::admin::program_figures::show_figures)
        .service(pages::admin::places::reorder)
        .service(pages::admin::places::move_intake)
        .service(pages::admin::program_team::show_team)
        .service(pages::admin::program_team::change_team);
}

/// The SCIM routes (`web::scim`), served outside the session middleware, then whatever
/// else is under `/scim/v2`: a SCIM 404 or 405.
pub fn scim_routes(cfg: &mut web::ServiceConfig) {
    use pages::scim::{discovery, users};
    cfg.service(discovery::show_config)
        .service(discovery::list_resource_types)
        .service(discovery::show_resource_type)
        .service(discovery::list_schemas)
        .service(discovery::show_schema)
        .service(users::list_users)
        .service(users::create_user)
        .service(users::show_user)
        .service(users::replace_user)
        .service(users::patch_user)
        .service(users::delete_user)
        .service(web::scope(pages::scim::BASE_PATH).default_service(web::to(pages::scim::fallback)));
}

/// The session middleware answers an empty 500 when its store fails; when the store
/// failed because the database is out of reach, answer with the 503 page instead.
async fn session_outage_as_503(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    next.call(req).await.map_err(|err| {
        let message = err.to_string();
        if message.contains(crate::web::session::DATABASE_UNAVAILABLE) {
            AppError::Unavailable(anyhow::anyhow!(message)).into()
        } else {
            err
        }
    })
}

/// Behind https (`--secure-cookies`): every cookie is `Secure`, whichever page set it (the
/// flash message's cookie is set by helpers that do not know the mode), and browsers are
/// told to come back over https only (HSTS).
async fn https_only(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    use actix_web::cookie::Cookie;
    use actix_web::http::header::{HeaderValue, SET_COOKIE, STRICT_TRANSPORT_SECURITY};
    let secure = req.app_data::<pages::State>().is_some_and(|state| state.settings.secure_cookies);
    let mut response = next.call(req).await?;
    if secure {
        let headers = response.headers_mut();
        headers.insert(STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000"));
        let cookies: Vec<HeaderValue> = headers.get_all(SET_COOKIE).cloned().collect();
        headers.remove(SET_COOKIE);
        for value in cookies {
            let secured = value.to_str().ok().and_then(|text| Cookie::parse(text.to_owned()).ok()).and_then(|mut c| {
                c.set_secure(true);
                HeaderValue::from_str(&c.to_string()).ok()
            });
            headers.append(SET_COOKIE, secured.unwrap_or(value));
        }
    }
    Ok(response)
}

/// The Content-Security-Policy for these settings: the sign-out form may also lead to
/// the single sign-on's own sign-out, and a form sent after the session ended may lead
/// through `/login` to the OpenID Connect provider (browsers check `form-action` on
/// redirects too).
pub fn content_security_policy(settings: &Settings) -> String {
    let mut origins: Vec<String> = Vec::new();
    if settings.auth.is_single_sign_on() {
        let oidc_issuer = (settings.auth == AuthMode::Oidc).then_some(settings.oidc.issuer_url.as_str());
        for url in settings.auth_logout_url.as_deref().into_iter().chain(oidc_issuer) {
            if let Ok(parsed) = openidconnect::url::Url::parse(url) {
                let origin = parsed.origin().ascii_serialization();
                if origin != "null" && !origins.contains(&origin) {
                    origins.push(origin);
                }
            }
        }
    }
    if origins.is_empty() {
        return CONTENT_SECURITY_POLICY.to_owned();
    }
    CONTENT_SECURITY_POLICY.replace("form-action 'self'", &format!("form-action 'self' {}", origins.join(" ")))
}

/// Headers set on every response, error pages included. (A middleware's error skips
/// them, so error pages also carry them themselves: see `error::error_response`.)
pub fn security_headers(settings: &Settings) -> DefaultHeaders {
    SECURITY_HEADERS.iter().fold(
        DefaultHeaders::new().add(("Content-Security-Policy", content_security_policy(settings))),
        |headers, &h| headers.add(h),
    )
}

/// Opens the database, applies migrations, seeds demo data when asked, and reads (or
/// creates) the instance secret. Returns the pool and the secret.
pub async fn prepare_database(settings: &Settings) -> anyhow::Result<(DbPool, Vec<u8>)> {
    open_database(settings, PoolWaits::default()).await
}

/// `prepare_database` with a pool that counts its timed-out waits into `waits`.
async fn open_database(settings: &Settings, waits: PoolWaits) -> anyhow::Result<(DbPool, Vec<u8>)> {
    let pool_size = settings.pool_size;
    let url = settings.database_url.clone();
    let demo = settings.demo.then(|| settings.demo_password.clone());
    web::block(move || -> anyhow::Result<(DbPool, Vec<u8>)> {
        let pool = db::connect_counting_waits(&url, pool_size, waits)
            .with_context(|| format!("cannot open the database at {}", redact(&url)))?;
        let mut conn = pool.get()?;
        let applied = db::run_migrations(&mut conn).map_err(|e| anyhow::anyhow!("migrations failed: {e}"))?;
        if applied > 0 {
            tracing::info!(applied, "database migrated");
        }
        if let Some(password) = demo {
            let hash = hash_password(&password).map_err(|e| anyhow::anyhow!("cannot hash the demo password: {e}"))?;
            if db::seed::seed_demo(&mut conn, crate::clock::today(), &hash)? {
                tracing::info!("demo programs and organisation seeded");
            } else {
                tracing::info!("database already has data; demo seed skipped");
            }
        }
        let secret = db::settings::get_or_insert(&mut conn, "secret_key", &random_token(64))?;
        let secret = URL_SAFE_NO_PAD.decode(secret.as_bytes()).context("the stored secret key is not base64")?;
        anyhow::ensure!(secret.len() >= 64, "the stored secret key is shorter than 64 bytes");
        Ok((pool, secret))
    })
    .await?
}

/// A server bound to its port (and, with metrics, a second one bound to theirs), ready
/// to run.
pub struct Application {
    port: u16,
    server: Server,
    metrics: Option<(u16, Server)>,
}

impl Application {
    /// Prepares the database and binds `settings.bind`, and `settings.metrics_bind` when
    /// set (port 0 picks a free port).
    pub async fn build(settings: Settings) -> anyhow::Result<Application> {
        settings.validate().map_err(|e| anyhow::anyhow!(e))?;
        let catalogs = crate::i18n::check().context("the message catalogs (locales/) are broken")?;
        tracing::debug!(messages = ?catalogs.counts(), "message catalogs loaded");
        let pool_waits = PoolWaits::default();
        let (pool, secret) = open_database(&settings, pool_waits.clone()).await?;
        let listener =
            TcpListener::bind(&settings.bind).with_context(|| format!("cannot listen on {}", settings.bind))?;
        let port = listener.local_addr()?.port();
        let metrics_listener = match &settings.metrics_bind {
            Some(address) => {
                Some(TcpListener::bind(address).with_context(|| format!("cannot listen for metrics on {address}"))?)
            }
            None => None,
        };
        let catalog = Arc::new(db::catalog_cache::CatalogCache::default());
        db::catalog_cache::listen(catalog.clone(), &settings.database_url);
        let oidc = match settings.auth {
            AuthMode::Oidc => Some(OidcClient::new(&settings.oidc).context("cannot set up OpenID Connect")?),
            _ => None,
        };
        let state = web::Data::new(AppState {
            oidc,
            pool,
            catalog,
            sign_in_limits: pages::throttle::sign_in_limits(&settings),
            metrics: metrics_listener.is_some().then(|| Arc::new(HttpMetrics::default())),
            pool_waits,
            reads_in_place: !crate::db::is_postgres(&settings.database_url),
            form_owner_tags: Default::default(),
            file_transfers: Arc::new(tokio::sync::Semaphore::new(pages::applications::FILE_TRANSFERS)),
            settings,
            secret,
        });
        spawn_housekeeping(state.clone());
        check_virus_scanner(&state.settings);
        crate::mail::spawn(state.pool.clone(), &state.settings)?;
        let metrics = match metrics_listener {
            Some(listener) => Some((listener.local_addr()?.port(), run_metrics(listener, state.clone())?)),
            None => None,
        };
        let server = run(listener, state)?;
        Ok(Application { port, server, metrics })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The port `/metrics` is served on, when metrics are on.
    pub fn metrics_port(&self) -> Option<u16> {
        self.metrics.as_ref().map(|(port, _)| *port)
    }

    /// Runs until both servers stop (on SIGTERM or SIGINT, each after its grace time).
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        match self.metrics {
            Some((_, metrics)) => futures_util::future::try_join(self.server, metrics).await.map(|_| ()),
            None => self.server.await,
        }
    }
}

/// The metrics server: `/metrics` and nothing else, on one worker, without sessions.
fn run_metrics(listener: TcpListener, state: web::Data<AppState>) -> anyhow::Result<Server> {
    let server = HttpServer::new(move || App::new().app_data(state.clone()).service(pages::metrics::show_metrics))
        .workers(1)
        .shutdown_timeout(1);
    Ok(server.listen(listener)?.run())
}

fn run(listener: TcpListener, state: web::Data<AppState>) -> anyhow::Result<Server> {
    let settings = &state.settings;
    let cookie_key = Key::from(&state.secret);
    let store =
        DbSessionStore::new(state.pool.clone(), settings.session_idle, settings.session_absolute, state.reads_in_place);
    let workers = settings.workers;
    let (pool_size, grace) = (settings.pool_size, settings.shutdown_grace);
    let server = HttpServer::new(move || {
        let settings = &state.settings;
        let sessions = SessionMiddleware::builder(store.clone(), cookie_key.clone())
            .cookie_name(settings.session_cookie_name().to_owned())
            .cookie_secure(settings.secure_cookies)
            .cookie_http_only(true)
            .cookie_same_site(SameSite::Lax)
            .cookie_content_security(CookieContentSecurity::Signed)
            .session_lifecycle(
                BrowserSession::default()
                    .state_ttl(actix_web::cookie::time::Duration::seconds(
                        i64::try_from(settings.session_absolute.as_secs()).unwrap_or(i64::MAX),
                    ))
                    .state_ttl_extension_policy(TtlExtensionPolicy::OnStateChanges),
            )
            .build();
        App::new()
            // Innermost: the flash message a response leaves is signed into its cookie
            // before `https_only` marks the cookie `Secure`.
            .wrap(from_fn(pages::flash::sign_pending_flash))
            .wrap(from_fn(pages::input::refuse_control_characters))
            // Before routing: a HEAD is routed as a GET.
            .wrap(from_fn(pages::methods::head_as_get))
            .wrap(security_headers(settings))
            .wrap(from_fn(https_only))
            // Outermost: the request's id, log span and metrics cover everything inside,
            // the stylesheet and the error pages included.
            // The request's language, for every page the middleware above can answer.
            .wrap(from_fn(pages::language::choose_language))
            .wrap(Observe::new(state.metrics.clone()))
            .app_data(state.clone())
            .configure(|cfg| pages::input::configure_extractors(cfg, MAX_BODY_BYTES))
            // The stylesheet and the icon need no session: served before the session
            // middleware, they cost no database lookup (browsers revalidate them on every page).
            .service(pages::assets::serve_asset)
            .service(pages::assets::favicon)
            // Nor does the health check: it answers within a second whatever the session
            // store is doing (a probe that sends a cookie would otherwise wait for it).
            .service(pages::health::healthz)
            // SCIM provisioning: a bearer token is its only credential, no session.
            .configure(scim_routes)
            .service(
                web::scope("")
                    .wrap(from_fn(pages::kept_form::keep_expired_form))
                    .wrap(from_fn(pages::sso::trusted_header_sign_on))
                    .wrap(sessions)
                    .wrap(from_fn(session_outage_as_503))
                    .configure(routes)
                    // Last: every address no route took, a 404 or a 405.
                    .service(pages::methods::fallback()),
            )
    });
    let server = if workers > 0 { server.workers(workers) } else { server };
    // Database work runs on each worker's blocking pool and waits for one of the pool's
    // connections: threads beyond the connections would only wait, each with its own
    // stack and allocator cache (under 256 connections the default grew to 250 threads).
    let server = server
        .worker_max_blocking_threads(pool_threads(pool_size))
        .keep_alive(KEEP_ALIVE)
        .shutdown_timeout(grace.as_secs());
    Ok(server.listen(listener)?.run())
}

/// How long an idle connection is kept open: longer than the reverse proxy keeps its idle
/// connections to the servers (nginx's upstream `keepalive_timeout` and AWS's load
/// balancers: 60 s), so that the proxy always closes first. The other way round, a request
/// the proxy sends on a connection at the moment the server closes it fails: nginx answers
/// 502 and does not send a POST again.
const KEEP_ALIVE: Duration = Duration::from_secs(75);

/// Blocking threads per worker: as many as there are database connections.
fn pool_threads(pool_size: u32) -> usize {
    usize::try_from(pool_size).unwrap_or(usize::MAX).max(2)
}

/// Says at start-up whether attached files will be scanned, and whether the virus scanner
/// answers (it may start later: each upload tries it again).
fn check_virus_scanner(settings: &Settings) {
    let Some(address) = settings.clamd.clone() else {
        tracing::warn!("no virus scanner (--clamd): attached files are stored unscanned; set --clamd in production");
        return;
    };
    let timeout = settings.clamd_timeout;
    actix_web::rt::spawn(async move {
        match crate::clamd::ping(&address, timeout).await {
            Ok(()) => tracing::info!(%address, "the virus scanner answers"),
            Err(err) => tracing::warn!(
                error = %err,
                "the virus scanner does not answer: attached files are refused (503) until it does"
            ),
        }
    });
}

/// Every ten minutes: delete ended sessions and attempt counts whose windows have ended.
fn spawn_housekeeping(state: web::Data<AppState>) {
    actix_web::rt::spawn(async move {
        let mut ticker = actix_web::rt::time::interval(Duration::from_secs(600));
        loop {
            ticker.tick().await;
            let forgotten =
                pages::run_db(&state, |conn| Ok(db::attempt_counts::forget_ended(conn, clock::now())?)).await;
            if let Err(err) = forgotten {
                tracing::error!(error = %err, "ended attempt counts could not be deleted");
            }
            let idle = state.settings.session_idle;
            let purged = pages::run_db(&state, move |conn| Ok(session_store::purge_expired(conn, idle)?)).await;
            match purged {
                Ok(0) => {}
                Ok(n) => tracing::info!(sessions = n, "expired sessions deleted"),
                Err(err) => tracing::warn!(error = %err, "could not delete expired sessions"),
            }
        }
    });
}
