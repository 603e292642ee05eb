//! Settings of a running server, validated once at start-up and passed in (no globals).

use std::time::Duration;

/// Everything `serve` needs to know; built from the command line by `cli`.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Address to listen on, `127.0.0.1:8080` by default.
    pub bind: String,
    /// A SQLite file path (or `sqlite://path`) or a `postgres://` URL.
    pub database_url: String,
    /// Seed the six programs and the demo organisation into an empty database.
    pub demo: bool,
    /// Password of every demo account.
    pub demo_password: String,
    /// Mark cookies `Secure` and name the session cookie `__Host-upskill` (serving over https).
    pub secure_cookies: bool,
    /// A session ends after this long without a request.
    pub session_idle: Duration,
    /// A session ends this long after sign-in, whatever happens.
    pub session_absolute: Duration,
    /// Sign-in attempts allowed per account per hour.
    pub login_attempts_per_account_per_hour: u32,
    /// Sign-in attempts allowed per client address per minute.
    pub login_attempts_per_address_per_minute: u32,
    /// Database connections in the pool.
    pub pool_size: u32,
    /// HTTP worker threads (0: one per CPU core).
    pub workers: usize,
    /// On SIGTERM or SIGINT: stop accepting, let requests in flight finish for at most
    /// this long, then exit.
    pub shutdown_grace: Duration,
    /// Where to serve `/metrics` (its own listener); `None`: no metrics.
    pub metrics_bind: Option<String>,
}

impl Settings {
    /// Settings for a server on `database_url` with every other value at its default.
    pub fn with_database(database_url: &str) -> Settings {
        Settings {
            bind: "127.0.0.1:8080".to_owned(),
            database_url: database_url.to_owned(),
            demo: false,
            demo_password: "upskill-demo".to_owned(),
            secure_cookies: false,
            session_idle: Duration::from_secs(8 * 3600),
            session_absolute: Duration::from_secs(7 * 24 * 3600),
            login_attempts_per_account_per_hour: 100,
            login_attempts_per_address_per_minute: 60,
            pool_size: 8,
            workers: 0,
            shutdown_grace: Duration::from_secs(30),
            metrics_bind: None,
        }
    }

    /// Checks the values that can be wrong; returns a message for the operator.
    pub fn validate(&self) -> Result<(), String> {
        if self.database_url.trim().is_empty() {
            return Err("--database-url must not be empty".to_owned());
        }
        if self.session_idle.is_zero() || self.session_absolute.is_zero() {
            return Err("session lifetimes must be longer than zero".to_owned());
        }
        if self.login_attempts_per_account_per_hour == 0 || self.login_attempts_per_address_per_minute == 0 {
            return Err("sign-in attempt limits must be at least 1".to_owned());
        }
        if self.pool_size == 0 {
            return Err("--pool-size must be at least 1".to_owned());
        }
        if self.metrics_bind.as_ref().is_some_and(|address| address.trim().is_empty()) {
            return Err("--metrics-bind must be an address and port, such as 127.0.0.1:9100".to_owned());
        }
        if self.demo && self.demo_password.len() < 8 {
            return Err("--demo-password must have at least 8 characters".to_owned());
        }
        Ok(())
    }

    /// The name of the session cookie: `__Host-` prefixed when cookies are secure.
    pub fn session_cookie_name(&self) -> &'static str {
        if self.secure_cookies {
            "__Host-upskill"
        } else {
            "upskill"
        }
    }
}
