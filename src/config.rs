//! Settings of a running server, validated once at start-up and passed in (no globals).

use std::fmt;
use std::time::Duration;

use ipnet::IpNet;

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
    /// The language of someone who chose none and whose browser asks for none Upskill has.
    pub default_locale: crate::i18n::Locale,
    /// The time zone of someone who chose none: times on pages and in e-mail are shown in
    /// it, and their reminders and digest follow its clock.
    pub default_time_zone: crate::domain::time_zone::Tz,
    /// A session ends after this long without a request.
    pub session_idle: Duration,
    /// A session ends this long after sign-in, whatever happens.
    pub session_absolute: Duration,
    /// Wrong passwords allowed per hour for one account from one client address (see
    /// `domain::sign_in_limits`).
    pub login_attempts_per_account_per_hour: u32,
    /// Wrong passwords allowed per hour for one account from all addresses together; past
    /// it, only addresses that have not failed on the account may still try.
    pub login_account_ceiling_per_hour: u32,
    /// Wrong passwords allowed per minute from one client address, whatever the accounts.
    pub login_attempts_per_address_per_minute: u32,
    /// Database connections in the pool.
    pub pool_size: u32,
    /// HTTP worker threads (0: one per CPU core).
    pub workers: usize,
    /// On SIGTERM or SIGINT: stop accepting, let requests in flight finish for at most
    /// this long, then exit.
    pub shutdown_grace: Duration,
    /// E-mail: everything about sending it (off unless `smtp_url` is set).
    pub mail: MailSettings,
    /// Where to serve `/metrics` (its own listener); `None`: no metrics.
    pub metrics_bind: Option<String>,
    /// How people sign in: Upskill's own passwords, or the company's single sign-on.
    pub auth: AuthMode,
    /// Header mode: the request header in which the proxy names the signed-in person's e-mail.
    pub auth_header: String,
    /// The addresses of the reverse proxies whose forwarding headers (the client's address,
    /// the site's host and scheme: `web::origin`) and, in header mode, sign-on header are
    /// believed.
    pub trusted_proxies: Vec<IpNet>,
    /// Single sign-on: an unknown e-mail becomes a new employee instead of being refused.
    pub auth_provision: bool,
    /// Single sign-on: where signing out sends the browser (the proxy's or the provider's
    /// sign-out), if anywhere.
    pub auth_logout_url: Option<String>,
    /// OpenID Connect mode: the provider and this client's registration.
    pub oidc: OidcSettings,
    /// The ClamAV daemon that scans every attached file before it is stored; `None`:
    /// files are stored unscanned.
    pub clamd: Option<ClamdAddress>,
    /// How long a scan may take, connecting, sending the file and the verdict together.
    pub clamd_timeout: Duration,
}

/// Where the ClamAV daemon listens (`--clamd`): `unix:/run/clamav/clamd.ctl` or
/// `tcp:clamav.internal:3310`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClamdAddress {
    /// The path of its local socket (`LocalSocket` in `clamd.conf`).
    Unix(std::path::PathBuf),
    /// Its host and port (`TCPAddr`, `TCPSocket`).
    Tcp(String),
}

impl std::str::FromStr for ClamdAddress {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        if let Some(path) = text.strip_prefix("unix:") {
            if !path.starts_with('/') {
                return Err(format!("the socket's path in {text:?} must be absolute (unix:/run/clamav/clamd.ctl)"));
            }
            return Ok(ClamdAddress::Unix(path.into()));
        }
        if let Some(address) = text.strip_prefix("tcp:") {
            let port = address.rsplit_once(':').and_then(|(host, port)| (!host.is_empty()).then_some(port));
            if port.and_then(|p| p.parse::<u16>().ok()).is_none_or(|p| p == 0) {
                return Err(format!("{text:?} needs a host and a port (tcp:clamav.internal:3310)"));
            }
            return Ok(ClamdAddress::Tcp(address.to_owned()));
        }
        Err(format!("{text:?} must start with unix: (a local socket) or tcp: (a host and port)"))
    }
}

impl fmt::Display for ClamdAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClamdAddress::Unix(path) => write!(f, "unix:{}", path.display()),
            ClamdAddress::Tcp(address) => write!(f, "tcp:{address}"),
        }
    }
}

/// How e-mail goes out. With no `smtp_url` nothing is sent (messages still wait in the
/// outbox for a week, in case a server of the cluster has the setting).
#[derive(Debug, Clone)]
pub struct MailSettings {
    /// `smtp://host:25`, `smtp://user:password@host:587?tls=required` (STARTTLS) or
    /// `smtps://host:465`.
    pub smtp_url: Option<String>,
    /// The sender, `Upskill <upskill@example.com>`.
    pub from: String,
    /// The address people use to reach Upskill, for the links in e-mail
    /// (`https://upskill.example.com`); `http://` and the bind address when unset.
    pub public_url: Option<String>,
    /// Remind the approver after this many working days (0: never).
    pub remind_after_working_days: u32,
    /// Remind the approver's manager after this many working days (0: never).
    pub escalate_after_working_days: u32,
    /// The hour, on each recipient's clock, at which daily digests go out.
    pub digest_hour: u32,
    /// How often the sender looks for new messages when it found none.
    pub poll: Duration,
    /// The wait after a message's first failure; it doubles with every further one.
    pub retry_base: Duration,
    /// How often one server of the cluster looks for due reminders and digests.
    pub schedule_every: Duration,
}

impl Default for MailSettings {
    fn default() -> MailSettings {
        MailSettings {
            smtp_url: None,
            from: "Upskill <upskill@localhost>".to_owned(),
            public_url: None,
            remind_after_working_days: 3,
            escalate_after_working_days: 5,
            digest_hour: 7,
            poll: Duration::from_secs(2),
            retry_base: Duration::from_secs(30),
            schedule_every: Duration::from_secs(300),
        }
    }
}

/// How people sign in (`--auth`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AuthMode {
    /// E-mail and an Upskill password (argon2id).
    Password,
    /// The e-mail in a header set by an authenticating proxy at a trusted address.
    Header,
    /// OpenID Connect: the authorization-code flow with PKCE.
    Oidc,
}

impl AuthMode {
    /// Whether the company's sign-on (header or OpenID Connect) signs people in.
    pub fn is_single_sign_on(self) -> bool {
        self != AuthMode::Password
    }
}

/// The OpenID Connect client's registration at the company's provider.
#[derive(Debug, Clone, Default)]
pub struct OidcSettings {
    /// The issuer, as the provider's discovery document names it (`https://login.example.com`).
    pub issuer_url: String,
    pub client_id: String,
    /// The client secret (a public client with PKCE alone has none).
    pub client_secret: Option<Secret>,
    /// The public URL of `/auth/oidc/callback`, exactly as registered at the provider.
    pub redirect_url: String,
}

/// The path of the OpenID Connect callback route.
pub const OIDC_CALLBACK_PATH: &str = "/auth/oidc/callback";

/// A secret setting: kept out of `Debug` output and so out of logs.
#[derive(Clone, Default)]
pub struct Secret(pub String);

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(…)")
    }
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
            default_locale: crate::i18n::Locale::En,
            default_time_zone: crate::domain::time_zone::Tz::UTC,
            session_idle: Duration::from_secs(8 * 3600),
            session_absolute: Duration::from_secs(7 * 24 * 3600),
            login_attempts_per_account_per_hour: 100,
            login_account_ceiling_per_hour: 1000,
            login_attempts_per_address_per_minute: 60,
            pool_size: 8,
            workers: 0,
            shutdown_grace: Duration::from_secs(30),
            mail: MailSettings::default(),
            metrics_bind: None,
            auth: AuthMode::Password,
            auth_header: "X-Forwarded-Email".to_owned(),
            trusted_proxies: Vec::new(),
            auth_provision: false,
            auth_logout_url: None,
            oidc: OidcSettings::default(),
            clamd: None,
            clamd_timeout: Duration::from_secs(10),
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
        if self.login_attempts_per_account_per_hour == 0
            || self.login_account_ceiling_per_hour == 0
            || self.login_attempts_per_address_per_minute == 0
        {
            return Err("sign-in attempt limits must be at least 1".to_owned());
        }
        if self.pool_size == 0 {
            return Err("--pool-size must be at least 1".to_owned());
        }
        self.validate_mail()?;
        if self.metrics_bind.as_ref().is_some_and(|address| address.trim().is_empty()) {
            return Err("--metrics-bind must be an address and port, such as 127.0.0.1:9100".to_owned());
        }
        if self.clamd_timeout.is_zero() {
            return Err("--clamd-timeout-seconds must be longer than zero".to_owned());
        }
        if self.demo && self.demo_password.len() < 8 {
            return Err("--demo-password must have at least 8 characters".to_owned());
        }
        if let Some(url) = &self.auth_logout_url {
            let local_path = url.starts_with('/') && !url.starts_with("//");
            if !local_path && !is_web_url(url) {
                return Err(format!("--auth-logout-url must be an http(s) URL or a local path, not {url:?}"));
            }
        }
        match self.auth {
            AuthMode::Password => Ok(()),
            AuthMode::Header => self.validate_header_mode(),
            AuthMode::Oidc => self.validate_oidc_mode(),
        }
    }

    fn validate_header_mode(&self) -> Result<(), String> {
        if actix_web::http::header::HeaderName::from_bytes(self.auth_header.trim().as_bytes()).is_err() {
            return Err(format!("--auth-header {:?} is not a valid header name", self.auth_header));
        }
        if self.trusted_proxies.is_empty() {
            return Err("--auth header needs --trusted-proxies: the addresses (CIDR list) of the \
                        authenticating proxy, the only senders whose header is believed, \
                        e.g. --trusted-proxies 10.0.0.5/32"
                .to_owned());
        }
        Ok(())
    }

    fn validate_oidc_mode(&self) -> Result<(), String> {
        let oidc = &self.oidc;
        if !is_web_url(&oidc.issuer_url) {
            return Err("--auth oidc needs --oidc-issuer-url, the provider's http(s) issuer URL".to_owned());
        }
        if oidc.client_id.trim().is_empty() {
            return Err("--auth oidc needs --oidc-client-id, this application's client id at the provider".to_owned());
        }
        if !is_web_url(&oidc.redirect_url) || !oidc.redirect_url.ends_with(OIDC_CALLBACK_PATH) {
            return Err(format!(
                "--auth oidc needs --oidc-redirect-url, the public http(s) URL of {OIDC_CALLBACK_PATH} \
                 (e.g. https://upskill.example.com{OIDC_CALLBACK_PATH})"
            ));
        }
        Ok(())
    }

    fn validate_mail(&self) -> Result<(), String> {
        let mail = &self.mail;
        if mail.from.parse::<lettre::message::Mailbox>().is_err() {
            return Err(format!("--mail-from is not an e-mail address: {}", mail.from));
        }
        if let Some(url) = &mail.smtp_url {
            lettre::SmtpTransport::from_url(url).map_err(|e| format!("--smtp-url is not usable: {e}"))?;
        }
        if let Some(url) = &mail.public_url {
            if !(url.starts_with("https://") || url.starts_with("http://")) || url.contains(char::is_whitespace) {
                return Err(format!("--public-url must be an http(s) address: {url}"));
            }
        }
        if mail.digest_hour > 23 {
            return Err("--digest-hour must be between 0 and 23".to_owned());
        }
        if mail.poll.is_zero() || mail.schedule_every.is_zero() || mail.retry_base.is_zero() {
            return Err("e-mail intervals must be longer than zero".to_owned());
        }
        Ok(())
    }

    /// The address of Upskill in links sent out, without a trailing slash.
    pub fn public_url(&self) -> String {
        match &self.mail.public_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None => format!("http://{}", self.bind),
        }
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

/// Whether `text` is an absolute http or https URL with a host.
fn is_web_url(text: &str) -> bool {
    openidconnect::url::Url::parse(text)
        .is_ok_and(|url| matches!(url.scheme(), "http" | "https") && url.host_str().is_some_and(|h| !h.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_mode_without_a_trusted_proxy_does_not_start() {
        let mut settings = Settings::with_database("x.db");
        settings.auth = AuthMode::Header;
        let error = settings.validate().unwrap_err();
        assert!(error.contains("--trusted-proxies"), "{error}");
        settings.trusted_proxies = vec!["10.0.0.5/32".parse().unwrap()];
        assert_eq!(settings.validate(), Ok(()));
        settings.auth_header = "Not a header".to_owned();
        assert!(settings.validate().unwrap_err().contains("--auth-header"));
    }

    #[test]
    fn oidc_mode_needs_its_provider_client_and_callback_url() {
        let mut settings = Settings::with_database("x.db");
        settings.auth = AuthMode::Oidc;
        assert!(settings.validate().unwrap_err().contains("--oidc-issuer-url"));
        settings.oidc.issuer_url = "https://login.example.com".to_owned();
        assert!(settings.validate().unwrap_err().contains("--oidc-client-id"));
        settings.oidc.client_id = "upskill".to_owned();
        assert!(settings.validate().unwrap_err().contains("--oidc-redirect-url"));
        settings.oidc.redirect_url = "https://upskill.example.com/elsewhere".to_owned();
        assert!(settings.validate().unwrap_err().contains("--oidc-redirect-url"));
        settings.oidc.redirect_url = format!("https://upskill.example.com{OIDC_CALLBACK_PATH}");
        assert_eq!(settings.validate(), Ok(()));
    }

    #[test]
    fn a_logout_url_is_a_web_url_or_a_local_path() {
        let mut settings = Settings::with_database("x.db");
        for good in ["https://sso.example.com/oauth2/sign_out", "/oauth2/sign_out"] {
            settings.auth_logout_url = Some(good.to_owned());
            assert_eq!(settings.validate(), Ok(()), "{good}");
        }
        for bad in ["javascript:alert(1)", "//evil.example", "sso.example.com"] {
            settings.auth_logout_url = Some(bad.to_owned());
            assert!(settings.validate().is_err(), "{bad}");
        }
    }

    #[test]
    fn a_clamd_address_is_a_unix_socket_or_a_host_and_port() {
        assert_eq!("unix:/run/clamav/clamd.ctl".parse(), Ok(ClamdAddress::Unix("/run/clamav/clamd.ctl".into())));
        assert_eq!(" tcp:clamav.internal:3310".parse(), Ok(ClamdAddress::Tcp("clamav.internal:3310".to_owned())));
        assert_eq!("tcp:[::1]:3310".parse(), Ok(ClamdAddress::Tcp("[::1]:3310".to_owned())));
        for bad in ["", "/run/clamav/clamd.ctl", "unix:clamd.ctl", "tcp:clamav", "tcp::3310", "tcp:h:0", "tcp:h:x"] {
            assert!(bad.parse::<ClamdAddress>().is_err(), "{bad}");
        }
        let address: ClamdAddress = "tcp:127.0.0.1:3310".parse().unwrap();
        assert_eq!(address.to_string(), "tcp:127.0.0.1:3310");
    }

    #[test]
    fn the_client_secret_stays_out_of_debug_output() {
        let mut settings = Settings::with_database("x.db");
        settings.oidc.client_secret = Some(Secret("hunter2-very-secret".to_owned()));
        assert!(!format!("{settings:?}").contains("hunter2"));
    }
}
