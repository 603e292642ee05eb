//! The command line: `serve`, `migrate`, `seed-programs`, `create-admin`, `provisioning-token`,
//! `seed-synthetic`, `import-employees`, `backup`, `restore`, `remind`. Every database and server
//! flag can also be given as an `UPSKILL_*` environment variable.

mod accounts;
mod args;
mod import;
mod maintenance;

pub use args::*;

use anyhow::Context;
use clap::{Parser, Subcommand};

use crate::config::{AuthMode, Settings};
use crate::db::{self};
use crate::domain::words::count_of;
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
    /// Invite people to choose a password (password sign-in): one (`--email`) or everyone
    /// active without one (`--all-without-password`). With `--smtp-url` the invitations are
    /// e-mailed by the server; without, their links are printed for you to hand out.
    Invite(InviteArgs),
    /// Create a SCIM provisioning token (audited) and print it: the identity provider's
    /// bearer token for `/scim/v2`. Only its fingerprint is stored.
    ProvisioningToken(ProvisioningTokenArgs),
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
    /// Redo the seat draw of a lottery intake from what its page publishes (the
    /// applications in the draw, the closing date, the priority) and compare it with the
    /// published seed and order: prints "matches" or the first difference (exit code 1).
    VerifyDraw(VerifyDrawArgs),
}

/// Runs one command to completion.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve(args) => serve(args.settings()).await,
        Command::Migrate(args) => {
            prepare_database(&Settings::with_database(&args.database_url)).await?;
            println!("Database at {} is up to date.", crate::security::redact(&args.database_url));
            Ok(())
        }
        Command::SeedPrograms(args) => {
            let (pool, _) = prepare_database(&Settings::with_database(&args.database_url)).await?;
            let inserted = actix_web::web::block(move || -> anyhow::Result<usize> {
                let mut conn = pool.get()?;
                Ok(db::seed::seed_programs(&mut conn, crate::clock::today())?)
            })
            .await??;
            println!("{} added.", count_of(inserted, "program", "programs"));
            Ok(())
        }
        Command::CreateAdmin(args) => accounts::create_admin(args).await,
        Command::Invite(args) => accounts::invite(args).await,
        Command::ProvisioningToken(args) => {
            let name = crate::domain::scim::parse_token_name(&args.name).map_err(|e| anyhow::anyhow!("--name: {e}"))?;
            let (pool, _) = prepare_database(&Settings::with_database(&args.database.database_url)).await?;
            let (_, token) = actix_web::web::block(move || -> anyhow::Result<(i32, String)> {
                let mut conn = pool.get()?;
                Ok(db::scim_tokens::create(&mut conn, &name, None)?)
            })
            .await??;
            println!("{token}");
            Ok(())
        }
        Command::Remind(args) => maintenance::remind(args).await,
        Command::VerifyDraw(args) => maintenance::verify_draw(args).await,
        Command::SeedSynthetic(args) => maintenance::seed_synthetic(args).await,
        Command::ImportEmployees(args) => import::import_employees(args).await,
        Command::Backup(args) => {
            let summary =
                actix_web::web::block(move || db::backup::backup(&args.database.database_url, &args.to)).await??;
            println!("Backup written and checked: {}.", summary.describe());
            Ok(())
        }
        Command::Restore(args) => {
            let summary =
                actix_web::web::block(move || db::backup::restore(&args.database.database_url, &args.from)).await??;
            println!("Database restored: {}.", summary.describe());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::args::parse_network;

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
