//! `create-admin`: an administrator made, or given rights, from the terminal; `invite`:
//! invitations to choose a password, e-mailed or printed.

use std::io::{BufRead, IsTerminal, Write};

use super::{CreateAdminArgs, InviteArgs};
use crate::config::Settings;
use crate::db::employees::{AdminGrant, Employee, EmployeeRecord, NewEmployee};
use crate::db::{self, DbPool};
use crate::domain::text::one_line;
use crate::domain::words::count_of;
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
    crate::domain::passwords::check_new_password(&password, "")
        .map_err(|problem| anyhow::anyhow!("{}", problem.message()))?;
    hash_password(&password).map_err(|e| anyhow::anyhow!("cannot hash the password: {e}"))
}

/// `upskill create-admin`: makes an administrator, or gives an existing person the rights
/// (and, with `--reset-password`, a new password) once the operator confirmed.
pub(super) async fn create_admin(args: CreateAdminArgs) -> anyhow::Result<()> {
    let email = Email::parse(&args.email).map_err(|e| anyhow::anyhow!(e))?;
    let name = one_line(&args.name, "name").map_err(|e| anyhow::anyhow!("--name: {e}"))?;
    anyhow::ensure!(!name.is_empty(), "--name must not be empty");
    let (pool, _) = prepare_database(&Settings::with_database(&args.database.database_url)).await?;
    let address = email.as_str().to_owned();
    let existing = on_database(&pool, move |conn| Ok(db::employees::find_by_email(conn, &address)?)).await?;
    match existing {
        None => create(&pool, email, name).await,
        Some(person) => change(&pool, &person, &args).await,
    }
}

/// Runs `work` on a pooled connection, off the async runtime.
async fn on_database<T, F>(pool: &DbPool, work: F) -> anyhow::Result<T>
where
    F: FnOnce(&mut db::DbConnection) -> anyhow::Result<T> + Send + 'static,
    T: Send + 'static,
{
    let pool = pool.clone();
    actix_web::web::block(move || -> anyhow::Result<T> {
        let mut conn = pool.get()?;
        work(&mut conn)
    })
    .await?
}

async fn create(pool: &DbPool, email: Email, name: String) -> anyhow::Result<()> {
    let hash = read_password()?;
    let now = crate::clock::now();
    let new = NewEmployee {
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
    };
    on_database(pool, move |conn| Ok(db::employees::create_admin(conn, &new)?)).await?;
    println!("Created administrator {email}.");
    Ok(())
}

async fn change(pool: &DbPool, person: &Employee, args: &CreateAdminArgs) -> anyhow::Result<()> {
    let who = format!("{} <{}>", person.display_name, person.email);
    let mut changes = Vec::new();
    if !person.is_admin {
        changes.push("give them administrator rights");
    }
    if args.reset_password {
        changes.push("set a new password and end their sessions");
    }
    if changes.is_empty() {
        println!("{who} is already an administrator: nothing changed (--reset-password sets a new password).");
        return Ok(());
    }
    println!("{who} already exists{}.", if person.is_admin { " and is an administrator" } else { "" });
    println!("This will {}.", changes.join(", and "));
    if !person.active {
        println!("They stay deactivated: they sign in only once an administrator reactivates them on their page.");
    }
    confirm(args.yes)?;
    let hash = if args.reset_password { Some(read_password()?) } else { None };
    let id = person.id;
    let done = on_database(pool, move |conn| Ok(db::employees::grant_admin(conn, id, hash.as_deref())?)).await?;
    let AdminGrant { granted, sessions_ended } = done;
    if granted {
        println!("{who} is now an administrator.");
    }
    if let Some(ended) = sessions_ended {
        println!("New password set for {who}; {ended} session(s) ended.");
    }
    Ok(())
}

/// Asks on the terminal before an existing person is changed; `--yes` answers for scripts.
fn confirm(yes: bool) -> anyhow::Result<()> {
    if yes {
        return Ok(());
    }
    anyhow::ensure!(
        std::io::stdin().is_terminal(),
        "nothing changed: confirm on a terminal, or add --yes to change an existing person from a script"
    );
    print!("Go ahead? [y/N] ");
    std::io::stdout().flush()?;
    let mut answer = String::new();
    std::io::stdin().lock().read_line(&mut answer)?;
    anyhow::ensure!(matches!(answer.trim().to_lowercase().as_str(), "y" | "yes"), "cancelled: nothing changed");
    Ok(())
}

/// `upskill invite`: invitations for one person or everyone active without a password.
pub(super) async fn invite(args: InviteArgs) -> anyhow::Result<()> {
    let by_mail = args.smtp_url.as_deref().is_some_and(|url| !url.trim().is_empty());
    let (pool, _) = prepare_database(&Settings::with_database(&args.database.database_url)).await?;
    let email = match &args.email {
        Some(email) => Some(Email::parse(email).map_err(|e| anyhow::anyhow!("--email: {e}"))?.as_str().to_owned()),
        None => None,
    };
    let people: Vec<Employee> = on_database(&pool, move |conn| match email {
        Some(email) => {
            let person = db::employees::find_by_email(conn, &email)?
                .ok_or_else(|| anyhow::anyhow!("nobody has the address {email}"))?;
            anyhow::ensure!(person.active, "{email} is not active: make them active first");
            Ok(vec![person])
        }
        None => Ok(db::access_links::people_without_password(conn, None)?),
    })
    .await?;
    if people.is_empty() {
        println!("Everyone active has a password: nobody to invite.");
        return Ok(());
    }
    if args.dry_run {
        for person in &people {
            println!("{} <{}>", person.display_name, person.email);
        }
        println!("{} would be invited (dry run: no link made).", count_of(people.len(), "person", "people"));
        return Ok(());
    }
    let public_url = args.public_url.clone();
    let sent = on_database(&pool, move |conn| {
        people
            .iter()
            .map(|person| Ok(db::access_links::invite(conn, person, None, &public_url, by_mail)?))
            .collect::<anyhow::Result<Vec<_>>>()
    })
    .await?;
    if by_mail {
        println!(
            "{} written: the server e-mails them. Each link works once, for 7 days.",
            count_of(sent.len(), "invitation", "invitations")
        );
    } else {
        for link in &sent {
            println!("{} <{}>\t{}", link.display_name, link.email, link.url);
        }
        println!(
            "{}: hand each person their link (it works once, for 7 days; a newer one replaces it).",
            count_of(sent.len(), "invitation", "invitations")
        );
    }
    Ok(())
}
