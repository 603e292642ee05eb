//! The command line: `serve`, `migrate`, `seed-programs`, `create-admin`.
//! Every flag can also be given as an `UPSKILL_*` environment variable.

use std::io::{BufRead, IsTerminal};
use std::time::Duration;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};

use crate::config::Settings;
use crate::db::{self, employees::NewEmployee};
use crate::domain::{Email, EmploymentType, JobFamily, SiteType};
use crate::security::hash_password;
use crate::startup::{prepare_database, Application};

#[derive(Debug, Parser)]
#[command(name = "upskill", version, about = "Upskill: the upskilling pledge's programs, applications and approvals")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Apply migrations, then serve the web application.
    Serve(ServeArgs),
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
        Command::SeedSynthetic(args) => seed_synthetic(args).await,
    }
}

async fn serve(settings: Settings) -> anyhow::Result<()> {
    let demo = settings.demo;
    let demo_password = settings.demo_password.clone();
    let app = Application::build(settings.clone()).await?;
    let host = settings.bind.rsplit_once(':').map_or("127.0.0.1", |(host, _)| host);
    let host = if host == "0.0.0.0" { "127.0.0.1" } else { host };
    println!("Upskill is running at http://{host}:{}/", app.port());
    if demo {
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
