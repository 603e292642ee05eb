//! The flags of each command, and the settings they make.

use std::path::PathBuf;
use std::time::Duration;

use clap::builder::BoolishValueParser;
use clap::Args;
use ipnet::IpNet;

use crate::config::{AuthMode, ClamdAddress, MailSettings, OidcSettings, Secret, Settings};
use crate::domain::mail::ReminderPolicy;

#[derive(Debug, Args)]
pub struct BackupArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// The backup file to write (it must not exist).
    #[arg(long)]
    pub to: PathBuf,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// The backup file to restore.
    #[arg(long)]
    pub from: PathBuf,
}

#[derive(Debug, Args)]
pub struct SeedSyntheticArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// How many employees.
    #[arg(long, default_value_t = 300_000)]
    pub employees: usize,
    /// How many applications.
    #[arg(long, default_value_t = 1_000_000)]
    pub applications: usize,
    /// The random seed: the same seed gives the same data.
    #[arg(long, default_value_t = 2025)]
    pub seed: u64,
    /// Password of every synthetic account (`e0@synthetic.example` … ; the first three are admins).
    #[arg(long, env = "UPSKILL_SYNTHETIC_PASSWORD", default_value = "upskill-demo")]
    pub password: String,
}

#[derive(Debug, Args)]
pub struct DatabaseArgs {
    /// SQLite file (`upskill.db`, `sqlite://path`) or `postgres://user@host/db`.
    #[arg(long, env = "UPSKILL_DATABASE_URL", default_value = "upskill.db")]
    pub database_url: String,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, env = "UPSKILL_BIND", default_value = "127.0.0.1:8080")]
    pub bind: String,
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// Seed the six programs and a demo organisation into an empty database.
    #[arg(long, env = "UPSKILL_DEMO", value_parser = BoolishValueParser::new())]
    pub demo: bool,
    /// Password of every demo account.
    #[arg(long, env = "UPSKILL_DEMO_PASSWORD", default_value = "upskill-demo")]
    pub demo_password: String,
    /// Serve cookies with `Secure` and the `__Host-` prefix (set this behind https).
    #[arg(long, env = "UPSKILL_SECURE_COOKIES", value_parser = BoolishValueParser::new())]
    pub secure_cookies: bool,
    /// The language of someone who chose none and whose browser asks for none Upskill
    /// has: `en` or `es`.
    #[arg(long, env = "UPSKILL_DEFAULT_LOCALE", default_value = "en", value_parser = parse_offered_locale)]
    pub default_locale: crate::i18n::Locale,
    /// The IANA time zone of someone who chose none (`America/Los_Angeles`, `UTC`): times
    /// are shown in it, and their reminders and digest follow its clock.
    #[arg(long, env = "UPSKILL_DEFAULT_TIME_ZONE", default_value = "UTC", value_parser = parse_time_zone)]
    pub default_time_zone: crate::domain::time_zone::Tz,
    /// Minutes without a request after which a session ends.
    #[arg(long, env = "UPSKILL_SESSION_IDLE_MINUTES", default_value_t = 480)]
    pub session_idle_minutes: u64,
    /// Hours after sign-in after which a session ends.
    #[arg(long, env = "UPSKILL_SESSION_ABSOLUTE_HOURS", default_value_t = 168)]
    pub session_absolute_hours: u64,
    /// Wrong passwords allowed per hour for one account from one client address.
    #[arg(long, env = "UPSKILL_LOGIN_ATTEMPTS_PER_HOUR", default_value_t = 100)]
    pub login_attempts_per_hour: u32,
    /// Wrong passwords allowed per hour for one account from all addresses together; past
    /// it, only addresses that have not failed on the account may still try.
    #[arg(long, env = "UPSKILL_LOGIN_ACCOUNT_CEILING_PER_HOUR", default_value_t = 1000)]
    pub login_account_ceiling_per_hour: u32,
    /// Wrong passwords allowed per minute from one client address, whatever the accounts.
    #[arg(long, env = "UPSKILL_LOGIN_ATTEMPTS_PER_ADDRESS_PER_MINUTE", default_value_t = 60)]
    pub login_attempts_per_address_per_minute: u32,
    /// Database connections per server.
    #[arg(long, env = "UPSKILL_POOL_SIZE", default_value_t = 8)]
    pub pool_size: u32,
    /// HTTP worker threads (0: one per CPU core).
    #[arg(long, env = "UPSKILL_WORKERS", default_value_t = 0)]
    pub workers: usize,
    /// Seconds that requests in flight get to finish after SIGTERM or SIGINT.
    #[arg(long, env = "UPSKILL_SHUTDOWN_GRACE_SECONDS", default_value_t = 30)]
    pub shutdown_grace_seconds: u64,
    #[command(flatten)]
    pub mail: MailArgs,
    /// Serve Prometheus metrics at `/metrics` on this address and port (its own listener;
    /// the main address never serves them). Off when not set.
    #[arg(long, env = "UPSKILL_METRICS_BIND")]
    pub metrics_bind: Option<String>,
    #[command(flatten)]
    pub sign_on: SignOnArgs,
    /// The ClamAV daemon that scans every attached file before it is stored:
    /// `unix:/run/clamav/clamd.ctl` or `tcp:clamav.internal:3310`. Without it, attached
    /// files are stored unscanned (set it in production).
    #[arg(long, env = "UPSKILL_CLAMD", value_parser = parse_clamd)]
    pub clamd: Option<ClamdSetting>,
    /// Seconds a scan may take (connecting, sending the file, the verdict) before the
    /// upload is answered 503 and nothing is stored.
    #[arg(long, env = "UPSKILL_CLAMD_TIMEOUT_SECONDS", default_value_t = 10.0)]
    pub clamd_timeout_seconds: f64,
}

/// `--clamd` as given: an address, or none when empty (`UPSKILL_CLAMD=` in an environment
/// file), as for the other optional addresses.
#[derive(Debug, Clone)]
pub struct ClamdSetting(Option<ClamdAddress>);

fn parse_clamd(text: &str) -> Result<ClamdSetting, String> {
    if text.trim().is_empty() {
        return Ok(ClamdSetting(None));
    }
    text.parse().map(|address| ClamdSetting(Some(address)))
}

/// E-mail flags of `serve`.
#[derive(Debug, Args)]
pub struct MailArgs {
    /// Send notifications by e-mail through this SMTP server: `smtp://host:25`,
    /// `smtp://user:password@host:587?tls=required` (STARTTLS) or `smtps://host:465`.
    #[arg(long, env = "UPSKILL_SMTP_URL")]
    pub smtp_url: Option<String>,
    /// The sender of Upskill's e-mail.
    #[arg(long, env = "UPSKILL_MAIL_FROM", default_value = "Upskill <upskill@localhost>")]
    pub mail_from: String,
    /// The address people reach Upskill at, for links in e-mail and calendars
    /// (default: `http://` and `--bind`).
    #[arg(long, env = "UPSKILL_PUBLIC_URL")]
    pub public_url: Option<String>,
    #[command(flatten)]
    pub reminders: ReminderArgs,
    /// The hour (0-23), on each recipient's clock, at which daily digests go out.
    #[arg(long, env = "UPSKILL_DIGEST_HOUR", default_value_t = 7, alias = "digest-hour-utc")]
    pub digest_hour: u32,
    /// Seconds after a message's first failed attempt before the next (doubling, at most an hour).
    #[arg(long, env = "UPSKILL_MAIL_RETRY_SECONDS", default_value_t = 30.0)]
    pub mail_retry_seconds: f64,
    /// Seconds between two looks for new messages to send.
    #[arg(long, env = "UPSKILL_MAIL_POLL_SECONDS", default_value_t = 2.0)]
    pub mail_poll_seconds: f64,
    /// Seconds between two looks for due reminders and digests (by one server of a cluster).
    #[arg(long, env = "UPSKILL_MAIL_SCHEDULE_SECONDS", default_value_t = 300.0)]
    pub mail_schedule_seconds: f64,
}

/// When approvals that wait are reminded.
#[derive(Debug, Args)]
pub struct ReminderArgs {
    /// Remind the approver of an approval waiting this many working days (0: never).
    #[arg(long, env = "UPSKILL_REMIND_AFTER_WORKING_DAYS", default_value_t = 3)]
    pub remind_after_working_days: u32,
    /// Also remind the approver's manager after this many working days (0: never).
    #[arg(long, env = "UPSKILL_ESCALATE_AFTER_WORKING_DAYS", default_value_t = 5)]
    pub escalate_after_working_days: u32,
}

impl ReminderArgs {
    pub fn policy(&self) -> ReminderPolicy {
        ReminderPolicy {
            remind_after: self.remind_after_working_days,
            escalate_after: self.escalate_after_working_days,
        }
    }
}

/// Seconds given on the command line as a duration (negative and NaN count as zero,
/// which `Settings::validate` refuses).
fn seconds(value: f64) -> Duration {
    Duration::try_from_secs_f64(value).unwrap_or(Duration::ZERO)
}

impl MailArgs {
    pub fn settings(&self) -> MailSettings {
        MailSettings {
            smtp_url: self.smtp_url.clone().filter(|url| !url.trim().is_empty()),
            from: self.mail_from.clone(),
            public_url: self.public_url.clone().filter(|url| !url.trim().is_empty()),
            remind_after_working_days: self.reminders.remind_after_working_days,
            escalate_after_working_days: self.reminders.escalate_after_working_days,
            digest_hour: self.digest_hour,
            poll: seconds(self.mail_poll_seconds),
            retry_base: seconds(self.mail_retry_seconds),
            schedule_every: seconds(self.mail_schedule_seconds),
        }
    }
}

#[derive(Debug, Args)]
pub struct VerifyDrawArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// The intake whose draw to check (the number in its draw page's address).
    #[arg(long)]
    pub intake: i32,
}

#[derive(Debug, Args)]
pub struct RemindArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    #[command(flatten)]
    pub reminders: ReminderArgs,
    /// The time zone whose working days count for those who chose none (as `serve`'s).
    #[arg(long, env = "UPSKILL_DEFAULT_TIME_ZONE", default_value = "UTC", value_parser = parse_time_zone)]
    pub default_time_zone: crate::domain::time_zone::Tz,
    /// Show the reminders that are due, without writing them.
    #[arg(long)]
    pub dry_run: bool,
}

/// How people sign in: Upskill's passwords or the company's single sign-on.
#[derive(Debug, Args)]
pub struct SignOnArgs {
    /// `password` (Upskill's own), `header` (an authenticating proxy names the person in a
    /// header) or `oidc` (OpenID Connect with the company's provider).
    #[arg(long, env = "UPSKILL_AUTH", value_enum, default_value = "password")]
    pub auth: AuthMode,
    /// Header mode: the header that carries the signed-in person's e-mail.
    #[arg(long, env = "UPSKILL_AUTH_HEADER", default_value = "X-Forwarded-Email")]
    pub auth_header: String,
    /// The reverse proxies whose forwarding headers (X-Forwarded-For, X-Forwarded-Host,
    /// X-Forwarded-Proto, Forwarded) are believed, as a comma-separated CIDR list
    /// (`10.0.0.5/32,10.1.0.0/24`). Header mode: the only addresses whose sign-on header is
    /// believed; every other address is refused.
    #[arg(long, env = "UPSKILL_TRUSTED_PROXIES", value_delimiter = ',', value_parser = parse_network)]
    pub trusted_proxies: Vec<IpNet>,
    /// Single sign-on: create an employee at the first sign-in of an unknown e-mail
    /// (instead of asking the person to have HR add them).
    #[arg(long, env = "UPSKILL_AUTH_PROVISION", value_parser = BoolishValueParser::new())]
    pub auth_provision: bool,
    /// Single sign-on: where "Sign out" sends the browser (the proxy's or provider's sign-out).
    #[arg(long, env = "UPSKILL_AUTH_LOGOUT_URL")]
    pub auth_logout_url: Option<String>,
    /// OpenID Connect: the provider's issuer URL (its discovery document is read from there).
    #[arg(long, env = "UPSKILL_OIDC_ISSUER_URL", default_value = "")]
    pub oidc_issuer_url: String,
    /// OpenID Connect: this application's client id at the provider.
    #[arg(long, env = "UPSKILL_OIDC_CLIENT_ID", default_value = "")]
    pub oidc_client_id: String,
    /// OpenID Connect: the client secret (better given as the environment variable).
    #[arg(long, env = "UPSKILL_OIDC_CLIENT_SECRET", hide_env_values = true)]
    pub oidc_client_secret: Option<String>,
    /// OpenID Connect: the public URL of the callback, `https://…/auth/oidc/callback`, as
    /// registered at the provider.
    #[arg(long, env = "UPSKILL_OIDC_REDIRECT_URL", default_value = "")]
    pub oidc_redirect_url: String,
}

/// A CIDR network (`10.0.0.0/8`) or a single address (`10.0.0.5`, taken as `/32`).
pub(super) fn parse_network(text: &str) -> Result<IpNet, String> {
    let text = text.trim();
    text.parse::<IpNet>()
        .or_else(|_| text.parse::<std::net::IpAddr>().map(IpNet::from))
        .map_err(|_| format!("{text:?} is not an address or a CIDR network (like 10.0.0.0/8)"))
}

impl ServeArgs {
    pub fn settings(&self) -> Settings {
        Settings {
            bind: self.bind.clone(),
            database_url: self.database.database_url.clone(),
            demo: self.demo,
            demo_password: self.demo_password.clone(),
            secure_cookies: self.secure_cookies,
            default_locale: self.default_locale,
            default_time_zone: self.default_time_zone,
            session_idle: Duration::from_secs(self.session_idle_minutes.saturating_mul(60)),
            session_absolute: Duration::from_secs(self.session_absolute_hours.saturating_mul(3600)),
            login_attempts_per_account_per_hour: self.login_attempts_per_hour,
            login_account_ceiling_per_hour: self.login_account_ceiling_per_hour,
            login_attempts_per_address_per_minute: self.login_attempts_per_address_per_minute,
            pool_size: self.pool_size,
            workers: self.workers,
            shutdown_grace: Duration::from_secs(self.shutdown_grace_seconds),
            mail: self.mail.settings(),
            metrics_bind: self.metrics_bind.clone(),
            auth: self.sign_on.auth,
            auth_header: self.sign_on.auth_header.trim().to_owned(),
            trusted_proxies: self.sign_on.trusted_proxies.clone(),
            auth_provision: self.sign_on.auth_provision,
            auth_logout_url: self.sign_on.auth_logout_url.clone().filter(|url| !url.trim().is_empty()),
            oidc: OidcSettings {
                issuer_url: self.sign_on.oidc_issuer_url.trim().to_owned(),
                client_id: self.sign_on.oidc_client_id.trim().to_owned(),
                client_secret: self.sign_on.oidc_client_secret.clone().filter(|s| !s.is_empty()).map(Secret),
                redirect_url: self.sign_on.oidc_redirect_url.trim().to_owned(),
            },
            clamd: self.clamd.clone().and_then(|setting| setting.0),
            clamd_timeout: seconds(self.clamd_timeout_seconds),
        }
    }
}

#[derive(Debug, Args)]
pub struct CreateAdminArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// The administrator's e-mail address (their sign-in).
    #[arg(long)]
    pub email: String,
    /// Their name, for a new account.
    #[arg(long, default_value = "Administrator")]
    pub name: String,
    /// For a person who already exists: also set a new password (their sessions end).
    /// Without it, an existing person only gets administrator rights.
    #[arg(long)]
    pub reset_password: bool,
    /// Change an existing person without asking for confirmation (for scripts).
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct InviteArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// The person to invite.
    #[arg(long, conflicts_with = "all_without_password", required_unless_present = "all_without_password")]
    pub email: Option<String>,
    /// Everyone active who has no password.
    #[arg(long)]
    pub all_without_password: bool,
    /// List who would be invited, without making any link.
    #[arg(long)]
    pub dry_run: bool,
    /// The server's SMTP server, as `serve` has it: with it the invitations are e-mailed;
    /// without, the links are printed.
    #[arg(long, env = "UPSKILL_SMTP_URL")]
    pub smtp_url: Option<String>,
    /// The address people reach Upskill at, for the links (as `serve --public-url`).
    #[arg(long, env = "UPSKILL_PUBLIC_URL", default_value = "http://localhost:8080")]
    pub public_url: String,
}

#[derive(Debug, Args)]
pub struct ProvisioningTokenArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// Who uses the token, for example "Okta production" (shown on the Provisioning page).
    #[arg(long)]
    pub name: String,
}

#[derive(Debug, Args)]
pub struct ImportEmployeesArgs {
    /// The CSV file, with the header
    /// `email,display_name,job_title,job_family,site_type,employment_type,hire_date,manager_email,is_admin`.
    pub file: PathBuf,
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// Check the file and show what would change, without writing anything.
    #[arg(long)]
    pub dry_run: bool,
    /// The file is the full HR export: active people it lacks leave (reason: other, on
    /// today's date). Stops when more than 5% of the active people would leave.
    #[arg(long)]
    pub deactivate_missing: bool,
    /// With --deactivate-missing: go ahead even when more than 5% would leave.
    #[arg(long, requires = "deactivate_missing")]
    pub force: bool,
}

/// A language people may be shown by default (`en`, `es`).
fn parse_time_zone(name: &str) -> Result<crate::domain::time_zone::Tz, String> {
    crate::domain::time_zone::parse_zone(name)
        .ok_or_else(|| format!("no time zone {name:?}: use an IANA name such as America/Los_Angeles or UTC"))
}

fn parse_offered_locale(tag: &str) -> Result<crate::i18n::Locale, String> {
    crate::i18n::Locale::from_tag(tag)
        .filter(|locale| crate::i18n::Locale::OFFERED.contains(locale))
        .ok_or_else(|| format!("no catalog for {tag:?}: use one of en, es"))
}
