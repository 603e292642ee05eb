//! The command line: `serve`, `migrate`, `seed-programs`, `create-admin`,
//! `seed-synthetic`, `import-employees`, `backup`, `restore`, `remind`. Every database and server
//! flag can also be given as an `UPSKILL_*` environment variable.

use std::io::{BufRead, IsTerminal};
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use ipnet::IpNet;

use crate::config::{AuthMode, MailSettings, OidcSettings, Secret, Settings};
use crate::db::import::{ImportOutcome, ImportRequest, Step};
use crate::db::{self, employees::NewEmployee};
use crate::domain::import::{ImportPlan, RowAction};
use crate::domain::mail::ReminderPolicy;
use crate::domain::{Email, EmploymentType, JobFamily, SiteType};
use crate::security::hash_password;
use crate::startup::{prepare_database, Application};

#[derive(Debug, Parser)]
#[command(name = "upskill", version, about = "Upskill: the upskilling pledge's programs, applications and approvals")]
pub struct Cli {
    /// How log lines are written to standard error: `text` for people, `json` (one
    /// object a line) for log shippers.
    #[arg(long, global = true, env = "UPSKILL_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
    #[command(subcommand)]
    pub command: Command,
}

/// The format of log lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Apply migrations, then serve the web application.
    Serve(Box<ServeArgs>),
    /// Apply pending database migrations and exit.
    Migrate(DatabaseArgs),
    /// Add the six standard programs that are missing from the database.
    SeedPrograms(DatabaseArgs),
    /// Create an administrator (or make an existing person one); the password is read
    /// from the terminal, or from the first line of standard input.
    CreateAdmin(CreateAdminArgs),
    /// Fill the database with a large, realistic, deterministic organisation and its
    /// applications, for benchmarks.
    SeedSynthetic(SeedSyntheticArgs),
    /// Import employees from the HR system's CSV export: shows what would change, then
    /// writes it all in one transaction (nothing when the file has errors).
    ImportEmployees(ImportEmployeesArgs),
    /// Write a consistent copy of a SQLite database to a new file, while it is in use.
    /// (PostgreSQL: use `pg_dump`.)
    Backup(BackupArgs),
    /// Replace a SQLite database with a backup, after checking the backup. Stop the
    /// servers first. (PostgreSQL: use `pg_restore`.)
    Restore(RestoreArgs),
    /// Write the reminders of approvals that wait too long into the e-mail outbox now
    /// (servers with `--smtp-url` do this on their own); `--dry-run` lists them only.
    Remind(RemindArgs),
}

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
    #[arg(long, env = "UPSKILL_DEMO")]
    pub demo: bool,
    /// Password of every demo account.
    #[arg(long, env = "UPSKILL_DEMO_PASSWORD", default_value = "upskill-demo")]
    pub demo_password: String,
    /// Serve cookies with `Secure` and the `__Host-` prefix (set this behind https).
    #[arg(long, env = "UPSKILL_SECURE_COOKIES")]
    pub secure_cookies: bool,
    /// Minutes without a request after which a session ends.
    #[arg(long, env = "UPSKILL_SESSION_IDLE_MINUTES", default_value_t = 480)]
    pub session_idle_minutes: u64,
    /// Hours after sign-in after which a session ends.
    #[arg(long, env = "UPSKILL_SESSION_ABSOLUTE_HOURS", default_value_t = 168)]
    pub session_absolute_hours: u64,
    /// Sign-in attempts allowed per account per hour.
    #[arg(long, env = "UPSKILL_LOGIN_ATTEMPTS_PER_HOUR", default_value_t = 100)]
    pub login_attempts_per_hour: u32,
    /// Sign-in attempts allowed per client address per minute.
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
    /// The hour (UTC, 0-23) at which daily digests go out.
    #[arg(long, env = "UPSKILL_DIGEST_HOUR_UTC", default_value_t = 7)]
    pub digest_hour_utc: u32,
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
            digest_hour_utc: self.digest_hour_utc,
            poll: seconds(self.mail_poll_seconds),
            retry_base: seconds(self.mail_retry_seconds),
            schedule_every: seconds(self.mail_schedule_seconds),
        }
    }
}

#[derive(Debug, Args)]
pub struct RemindArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    #[command(flatten)]
    pub reminders: ReminderArgs,
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
    /// Header mode: the proxies whose header is believed, as a comma-separated CIDR list
    /// (`10.0.0.5/32,10.1.0.0/24`); every other address is refused.
    #[arg(long, env = "UPSKILL_TRUSTED_PROXIES", value_delimiter = ',', value_parser = parse_network)]
    pub trusted_proxies: Vec<IpNet>,
    /// Single sign-on: create an employee at the first sign-in of an unknown e-mail
    /// (instead of asking the person to have HR add them).
    #[arg(long, env = "UPSKILL_AUTH_PROVISION")]
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
fn parse_network(text: &str) -> Result<IpNet, String> {
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
            session_idle: Duration::from_secs(self.session_idle_minutes.saturating_mul(60)),
            session_absolute: Duration::from_secs(self.session_absolute_hours.saturating_mul(3600)),
            login_attempts_per_account_per_hour: self.login_attempts_per_hour,
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
}

/// Runs one command to completion.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve(args) => serve(args.settings()).await,
        Command::Migrate(args) => {
            prepare_database(&Settings::with_database(&args.database_url)).await?;
            println!("Database at {} is up to date.", args.database_url);
            Ok(())
        }
        Command::SeedPrograms(args) => {
            let (pool, _) = prepare_database(&Settings::with_database(&args.database_url)).await?;
            let inserted = actix_web::web::block(move || -> anyhow::Result<usize> {
                let mut conn = pool.get()?;
                Ok(db::seed::seed_programs(&mut conn, crate::web::catalog::today())?)
            })
            .await??;
            println!("{inserted} program(s) added.");
            Ok(())
        }
        Command::CreateAdmin(args) => create_admin(args).await,
        Command::Remind(args) => remind(args).await,
        Command::SeedSynthetic(args) => seed_synthetic(args).await,
        Command::ImportEmployees(args) => import_employees(args).await,
        Command::Backup(args) => {
            let summary =
                actix_web::web::block(move || db::backup::backup(&args.database.database_url, &args.to)).await??;
            println!(
                "Backup written and checked: {} employees, {} applications.",
                summary.employees, summary.applications
            );
            Ok(())
        }
        Command::Restore(args) => {
            let summary =
                actix_web::web::block(move || db::backup::restore(&args.database.database_url, &args.from)).await??;
            println!("Database restored: {} employees, {} applications.", summary.employees, summary.applications);
            Ok(())
        }
    }
}

async fn serve(settings: Settings) -> anyhow::Result<()> {
    let demo = settings.demo;
    let demo_password = settings.demo_password.clone();
    let app = Application::build(settings.clone()).await?;
    let host = settings.bind.rsplit_once(':').map_or("127.0.0.1", |(host, _)| host);
    let host = if host == "0.0.0.0" { "127.0.0.1" } else { host };
    println!("Upskill is running at http://{host}:{}/", app.port());
    if let (Some(port), Some(address)) = (app.metrics_port(), &settings.metrics_bind) {
        let host = address.rsplit_once(':').map_or("127.0.0.1", |(host, _)| host);
        println!("Metrics at http://{host}:{port}/metrics");
    }
    match settings.auth {
        AuthMode::Password => {}
        AuthMode::Header => {
            println!("Sign-in: the {} header of the proxies at {:?}", settings.auth_header, settings.trusted_proxies)
        }
        AuthMode::Oidc => println!("Sign-in: OpenID Connect with {}", settings.oidc.issuer_url),
    }
    if demo && settings.auth == AuthMode::Password {
        println!("Demo sign-ins (password \"{demo_password}\"):");
        for account in db::seed::demo_accounts() {
            println!("  {:<34} {}", account.email, account.role);
        }
    }
    app.run_until_stopped().await.context("the server stopped with an error")
}

fn read_password() -> anyhow::Result<String> {
    let password = if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password: ")?;
        let again = rpassword::prompt_password("Password again: ")?;
        anyhow::ensure!(first == again, "the two passwords differ");
        first
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        line.trim_end_matches(['\r', '\n']).to_owned()
    };
    anyhow::ensure!(password.chars().count() >= 12, "the password must have at least 12 characters");
    Ok(password)
}

async fn create_admin(args: CreateAdminArgs) -> anyhow::Result<()> {
    let email = Email::parse(&args.email).map_err(|e| anyhow::anyhow!(e))?;
    let password = read_password()?;
    let hash = hash_password(&password).map_err(|e| anyhow::anyhow!("cannot hash the password: {e}"))?;
    let (pool, _) = prepare_database(&Settings::with_database(&args.database.database_url)).await?;
    let name = args.name;
    let created = actix_web::web::block(move || -> anyhow::Result<bool> {
        let mut conn = pool.get()?;
        match db::employees::find_by_email(&mut conn, email.as_str())? {
            Some(existing) => {
                db::employees::update_password(&mut conn, existing.id, &hash, true)?;
                Ok(false)
            }
            None => {
                let now = db::now();
                db::employees::insert(
                    &mut conn,
                    &NewEmployee {
                        email: email.as_str().to_owned(),
                        display_name: name,
                        job_title: "Program administrator".to_owned(),
                        job_family: JobFamily::Corporate.as_str().to_owned(),
                        site_type: SiteType::CorporateOffice.as_str().to_owned(),
                        employment_type: EmploymentType::FullTime.as_str().to_owned(),
                        hire_date: now.date(),
                        manager_id: None,
                        is_admin: true,
                        password_hash: Some(hash),
                        active: true,
                        created_at: now,
                        updated_at: now,
                    },
                )?;
                Ok(true)
            }
        }
    })
    .await??;
    println!("{} {}.", if created { "Created administrator" } else { "Updated" }, args.email.trim());
    Ok(())
}

async fn seed_synthetic(args: SeedSyntheticArgs) -> anyhow::Result<()> {
    use indicatif::{ProgressBar, ProgressStyle};
    let (pool, _) = prepare_database(&Settings::with_database(&args.database.database_url)).await?;
    let password_hash = hash_password(&args.password).map_err(|e| anyhow::anyhow!("cannot hash the password: {e}"))?;
    let spec = db::synthetic::SyntheticSpec {
        employees: args.employees,
        applications: args.applications,
        seed: args.seed,
        password_hash,
        today: crate::web::catalog::today(),
    };
    let started = std::time::Instant::now();
    let (people, applications, events) = actix_web::web::block(move || -> anyhow::Result<(usize, usize, usize)> {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template("{msg:>13} [{bar:40}] {pos}/{len} ({per_sec}, {eta} left)")
                .map_err(|e| anyhow::anyhow!("{e}"))?
                .progress_chars("=> "),
        );
        let mut current = String::new();
        let mut progress = |what: &str, done: u64, total: u64| {
            if what != current {
                current = what.to_owned();
                bar.set_message(current.clone());
                bar.set_length(total);
            }
            bar.set_position(done);
        };
        let mut conn = pool.get()?;
        let made = db::synthetic::generate(&mut conn, &spec, &mut progress)?;
        bar.finish_and_clear();
        Ok(made)
    })
    .await??;
    println!(
        "Seeded {people} employees, {applications} applications and {events} timeline events in {:.1} s.",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Files from this size on get a progress bar (on standard error, when it is a terminal).
const PROGRESS_FROM_BYTES: usize = 1024 * 1024;
/// Error lines printed (the rest are only counted).
const ERRORS_SHOWN: usize = 50;
/// Updated people whose changes are printed in the preview.
const CHANGES_SHOWN: usize = 20;

/// A progress bar on standard error that follows the import's steps.
struct ImportProgress {
    bar: indicatif::ProgressBar,
    step: Option<Step>,
}

impl ImportProgress {
    fn new(visible: bool) -> ImportProgress {
        let bar = if visible { indicatif::ProgressBar::new(0) } else { indicatif::ProgressBar::hidden() };
        ImportProgress { bar, step: None }
    }

    fn update(&mut self, step: Step, done: u64, total: u64) {
        if self.step != Some(step) {
            let template = match step {
                Step::Checking => "{msg:9} [{bar:40}] {binary_bytes}/{binary_total_bytes} ({eta})",
                Step::Writing => "{msg:9} [{bar:40}] {human_pos}/{human_len} people ({eta})",
            };
            let style = indicatif::ProgressStyle::with_template(template)
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
                .progress_chars("=> ");
            self.bar.set_style(style);
            self.bar.set_message(match step {
                Step::Checking => "checking",
                Step::Writing => "writing",
            });
            self.bar.reset();
            self.step = Some(step);
        }
        self.bar.set_length(total);
        self.bar.set_position(done);
    }

    fn finish(&mut self) {
        self.bar.finish_and_clear();
        self.step = None;
    }
}

/// Prints what an import would do: counts, notes, some changes and the first errors.
fn print_preview(file_name: &str, plan: &ImportPlan) {
    println!("{file_name}: {} people read.", plan.lines_read);
    println!("  new:       {:>8}", plan.new_count());
    println!("  updated:   {:>8}", plan.updated_count());
    println!("  unchanged: {:>8}", plan.unchanged_count());
    println!("  errors:    {:>8} line(s)", plan.lines_with_errors() + plan.file_errors.len());
    for note in &plan.notes {
        println!("Note: {note}");
    }
    let updates: Vec<_> = plan
        .rows
        .iter()
        .filter_map(|r| match &r.action {
            RowAction::Update { changes, .. } => Some((&r.row, changes)),
            _ => None,
        })
        .collect();
    if !updates.is_empty() {
        println!(
            "Changes{}:",
            if updates.len() > CHANGES_SHOWN { format!(" (first {CHANGES_SHOWN})") } else { String::new() }
        );
        for (row, changes) in updates.iter().take(CHANGES_SHOWN) {
            let described: Vec<String> =
                changes.iter().map(|c| format!("{}: {} → {}", c.column, shown(&c.before), shown(&c.after))).collect();
            println!("  line {}, {}: {}", row.line, row.email, described.join("; "));
        }
    }
    let errors: Vec<String> = plan.error_lines().collect();
    if !errors.is_empty() {
        println!(
            "Errors (line numbers count the header as line 1){}:",
            if errors.len() > ERRORS_SHOWN {
                format!(", the first {ERRORS_SHOWN} of {}", errors.len())
            } else {
                String::new()
            }
        );
        for error in errors.iter().take(ERRORS_SHOWN) {
            println!("  {error}");
        }
    }
}

/// An empty value, visibly.
fn shown(value: &str) -> &str {
    if value.is_empty() {
        "(none)"
    } else {
        value
    }
}

async fn import_employees(args: ImportEmployeesArgs) -> anyhow::Result<()> {
    let bytes = std::fs::read(&args.file).with_context(|| format!("cannot read {}", args.file.display()))?;
    let text = crate::domain::import::decode(bytes).map_err(|e| anyhow::anyhow!(e))?;
    let file_name =
        args.file.file_name().map_or_else(|| args.file.display().to_string(), |n| n.to_string_lossy().into_owned());
    let (pool, _) = prepare_database(&Settings::with_database(&args.database.database_url)).await?;
    let dry_run = args.dry_run;
    actix_web::web::block(move || -> anyhow::Result<()> {
        let mut conn = pool.get()?;
        let request =
            ImportRequest { text: &text, file_name: &file_name, today: crate::web::catalog::today(), actor: None };
        let mut progress = ImportProgress::new(text.len() >= PROGRESS_FROM_BYTES);
        let plan =
            db::import::preview(&mut conn, &request, &mut |step, done, total| progress.update(step, done, total))?;
        progress.finish();
        print_preview(&file_name, &plan);
        anyhow::ensure!(
            !plan.has_errors(),
            "the file has errors on {} line(s); nothing was imported",
            plan.lines_with_errors() + plan.file_errors.len()
        );
        if dry_run {
            println!("Dry run: nothing was written.");
            return Ok(());
        }
        let outcome = db::import::commit_import(&mut conn, &request, &mut |step, done, total| {
            progress.update(step, done, total)
        })?;
        progress.finish();
        match outcome {
            ImportOutcome::Imported(summary) => {
                println!("Imported: {}.", summary.describe());
                Ok(())
            }
            ImportOutcome::Refused(plan) => {
                // The directory changed between the preview and the commit.
                print_preview(&file_name, &plan);
                anyhow::bail!("the directory changed meanwhile and the file now has errors; nothing was imported")
            }
        }
    })
    .await?
}

/// `upskill remind`: the reminders due now, listed (`--dry-run`) or written to the outbox.
async fn remind(args: RemindArgs) -> anyhow::Result<()> {
    let (pool, _) = prepare_database(&Settings::with_database(&args.database.database_url)).await?;
    let policy = args.reminders.policy();
    let dry_run = args.dry_run;
    let (reminders, written) = actix_web::web::block(move || -> anyhow::Result<_> {
        let mut conn = pool.get()?;
        let now = db::now();
        let reminders = db::outbox::due_reminders(&mut conn, policy, now)?;
        let written = if dry_run { 0 } else { db::outbox::enqueue_reminders(&mut conn, &reminders, now)? };
        Ok((reminders, written))
    })
    .await??;
    for reminder in &reminders {
        println!(
            "application {:>6}  {:<10}  to {}  ({} working days): {}",
            reminder.application_id,
            reminder.level.as_str(),
            reminder.recipient_email,
            reminder.waited_working_days,
            reminder.text
        );
    }
    match (dry_run, reminders.len()) {
        (_, 0) => println!("No reminders are due."),
        (true, n) => println!("{n} reminder(s) would go out (dry run: nothing written)."),
        (false, n) => println!("{written} of {n} reminder(s) written to the outbox."),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trusted_proxies_are_cidr_networks_or_single_addresses() {
        assert_eq!(parse_network(" 10.0.0.0/8 ").unwrap().to_string(), "10.0.0.0/8");
        assert_eq!(parse_network("10.0.0.5").unwrap().to_string(), "10.0.0.5/32");
        assert_eq!(parse_network("::1").unwrap().to_string(), "::1/128");
        assert!(parse_network("10.0.0.0/33").is_err());
        assert!(parse_network("proxy.internal").is_err());
    }

    #[test]
    fn sign_on_flags_become_settings() {
        let cli = Cli::try_parse_from([
            "upskill",
            "serve",
            "--auth",
            "header",
            "--auth-header",
            "X-Auth-Request-Email",
            "--trusted-proxies",
            "10.0.0.5,10.1.0.0/24",
            "--auth-provision",
        ])
        .unwrap();
        let Command::Serve(args) = cli.command else { panic!("not serve") };
        let settings = args.settings();
        assert_eq!(settings.auth, AuthMode::Header);
        assert_eq!(settings.auth_header, "X-Auth-Request-Email");
        let proxies: Vec<String> = settings.trusted_proxies.iter().map(ToString::to_string).collect();
        assert_eq!(proxies, ["10.0.0.5/32", "10.1.0.0/24"]);
        assert!(settings.auth_provision);
        assert_eq!(settings.validate(), Ok(()));

        let cli = Cli::try_parse_from(["upskill", "serve"]).unwrap();
        let Command::Serve(args) = cli.command else { panic!("not serve") };
        assert_eq!(args.settings().auth, AuthMode::Password, "passwords unless told otherwise");
    }
}
