//! `create-admin`: an administrator made or given rights from the terminal.

use std::io::{BufRead, IsTerminal};

use super::CreateAdminArgs;
use crate::config::Settings;
use crate::db::employees::{EmployeeRecord, NewEmployee};
use crate::db::{self};
use crate::domain::text::one_line;
use crate::domain::{Email, EmploymentType, JobFamily, SiteType};
use crate::security::hash_password;
use crate::startup::prepare_database;

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

/// `upskill create-admin`: makes an administrator, or gives an existing person the rights.
pub(super) async fn create_admin(args: CreateAdminArgs) -> anyhow::Result<()> {
    let email = Email::parse(&args.email).map_err(|e| anyhow::anyhow!(e))?;
    let name = one_line(&args.name, "name").map_err(|e| anyhow::anyhow!("--name: {e}"))?;
    anyhow::ensure!(!name.is_empty(), "--name must not be empty");
    let password = read_password()?;
    let hash = hash_password(&password).map_err(|e| anyhow::anyhow!("cannot hash the password: {e}"))?;
    let (pool, _) = prepare_database(&Settings::with_database(&args.database.database_url)).await?;
    let created = actix_web::web::block(move || -> anyhow::Result<bool> {
        let mut conn = pool.get()?;
        match db::employees::find_by_email(&mut conn, email.as_str())? {
            Some(existing) => {
                db::employees::update_password(&mut conn, existing.id, &hash, true)?;
                Ok(false)
            }
            None => {
                let now = crate::clock::now();
                db::employees::insert(
                    &mut conn,
                    &NewEmployee {
                        is_admin: true,
                        password_hash: Some(hash),
                        ..NewEmployee::active(
                            email.as_str(),
                            EmployeeRecord {
                                display_name: name,
                                job_title: "Program administrator".to_owned(),
                                job_family: JobFamily::Corporate,
                                site_type: SiteType::CorporateOffice,
                                employment_type: EmploymentType::FullTime,
                                hire_date: now.date(),
                            },
                            now,
                        )
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
