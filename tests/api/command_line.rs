//! The command line: `create-admin` on a person who exists, boolean environment
//! variables, and the README's table of flags against the flags the binary has.

use std::io::Write;
use std::process::Stdio;
use std::time::Duration;

use diesel::prelude::*;
use reqwest::StatusCode;
use upskill::db::schema::{audit_log, employees};

use crate::deployment::{output_of, upskill};
use crate::helpers::{
    employee_fixture, free_port, fresh_database, serve_command, server_process, signed_in, spawn_app,
    wait_until_healthy, Browser, TestApp, DEMO_PASSWORD,
};

/// Runs `upskill create-admin` on the app's database with `args`, `stdin` on its standard
/// input (not a terminal).
fn create_admin(app: &TestApp, args: &[&str], stdin: &str) -> (bool, String) {
    let mut child = upskill(&[&["create-admin", "--database-url", &app.database_url], args].concat())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let _ = child.stdin.take().unwrap().write_all(stdin.as_bytes());
    let output = child.wait_with_output().unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    (output.status.success(), text)
}

/// (is an administrator, is active) of `email`.
fn rights(app: &TestApp, email: &str) -> (bool, bool) {
    employees::table
        .filter(employees::email.eq(email))
        .select((employees::is_admin, employees::active))
        .first(&mut app.db())
        .unwrap()
}

/// The audit lines of `action` about `email`: (actor, details).
fn audit_lines(app: &TestApp, action: &str, email: &str) -> Vec<(Option<i32>, String)> {
    audit_log::table
        .filter(audit_log::action.eq(action))
        .filter(audit_log::subject.eq(email))
        .select((audit_log::actor_id, audit_log::details))
        .load(&mut app.db())
        .unwrap()
}

#[actix_web::test]
async fn create_admin_changes_an_existing_person_only_as_told_once_confirmed_and_audited() {
    let app = spawn_app().await;
    let email = "fiona.associate@upskill.example";
    let fiona = signed_in(&app, "fiona.associate").await;

    // Without a terminal to confirm on, and without --yes: refused, nothing changed.
    let (done, output) = create_admin(&app, &["--email", email], "a-new-password-1\n");
    assert!(!done && output.contains("--yes"), "{output}");
    assert_eq!(rights(&app, email), (false, true));

    // --yes: administrator rights only; her password and her session stay.
    let (done, output) = create_admin(&app, &["--email", email, "--yes"], "a-new-password-1\n");
    assert!(done && output.contains("is now an administrator"), "{output}");
    assert_eq!(rights(&app, email), (true, true));
    assert_eq!(fiona.get("/admin/audit").await.status(), StatusCode::OK, "her session goes on, with the rights");
    let again = app.new_browser();
    assert_eq!(again.sign_in_with(email, DEMO_PASSWORD, "").await.status(), StatusCode::SEE_OTHER);
    assert_eq!(audit_lines(&app, "employee.admin_granted", email).len(), 1);
    assert_eq!(audit_lines(&app, "employee.password_reset", email).len(), 0);
    assert_eq!(audit_lines(&app, "employee.admin_granted", email)[0].0, None, "the command line is nobody");

    let (done, output) = create_admin(&app, &["--email", email, "--yes"], "");
    assert!(done && output.contains("already an administrator: nothing changed"), "{output}");
    assert_eq!(audit_lines(&app, "employee.admin_granted", email).len(), 1);

    // --reset-password: a new password, her sessions end.
    let (done, output) = create_admin(&app, &["--email", email, "--reset-password", "--yes"], "a-new-password-1\n");
    assert!(done && output.contains("New password set"), "{output}");
    assert_eq!(fiona.get("/").await.status(), StatusCode::SEE_OTHER, "her session ended");
    let old = app.new_browser();
    assert_eq!(old.sign_in_with(email, DEMO_PASSWORD, "").await.status(), StatusCode::UNAUTHORIZED, "the old password");
    let new = app.new_browser();
    assert_eq!(new.sign_in_with(email, "a-new-password-1", "").await.status(), StatusCode::SEE_OTHER);
    let reset = audit_lines(&app, "employee.password_reset", email);
    assert_eq!(reset.len(), 1);
    assert!(reset[0].1.contains("2 session(s) ended"), "{reset:?}");

    // A deactivated person gets the rights and stays deactivated.
    let gone = "gone.person@upskill.example";
    let id = upskill::db::employees::insert(&mut app.db(), &employee_fixture(gone, "Gone Person", None)).unwrap();
    diesel::update(employees::table.find(id)).set(employees::active.eq(false)).execute(&mut app.db()).unwrap();
    let (done, output) = create_admin(&app, &["--email", gone, "--yes"], "");
    assert!(done && output.contains("stay deactivated"), "{output}");
    assert_eq!(rights(&app, gone), (true, false));

    // Someone new is created, with the password from standard input.
    let new_admin = "new.admin@upskill.example";
    let (done, output) = create_admin(&app, &["--email", new_admin, "--name", "New Admin"], "another-password-2\n");
    assert!(done && output.contains("Created administrator"), "{output}");
    assert_eq!(rights(&app, new_admin), (true, true));
    assert_eq!(audit_lines(&app, "employee.admin_created", new_admin).len(), 1);
    let browser = app.new_browser();
    assert_eq!(browser.sign_in_with(new_admin, "another-password-2", "").await.status(), StatusCode::SEE_OTHER);
}

#[actix_web::test]
async fn boolean_variables_take_1_0_yes_no_on_off() {
    for (value, on) in [("1", true), ("yes", true), ("On", true), ("0", false), ("no", false), ("off", false)] {
        let (url, _database) = fresh_database();
        let port = free_port();
        let mut command = serve_command(port, &url, &[]);
        command.env("UPSKILL_DEMO", value).env("UPSKILL_SECURE_COOKIES", value).env("RUST_LOG", "warn");
        let server = server_process(command, port);
        let up = wait_until_healthy(&server, Duration::from_secs(30)).await;
        assert!(up.is_some(), "the server did not start with {value}");
        let health = Browser::new(&server.base).get("/healthz").await;
        assert_eq!(health.headers().contains_key("strict-transport-security"), on, "UPSKILL_SECURE_COOKIES={value}");
        let people: i64 = {
            let pool = upskill::db::connect(&url, 1).unwrap();
            employees::table.count().get_result(&mut pool.get().unwrap()).unwrap()
        };
        assert_eq!(people > 0, on, "UPSKILL_DEMO={value}");
    }
    let (url, _database) = fresh_database();
    let (started, output) = output_of(upskill(&["serve", "--database-url", &url]).env("UPSKILL_DEMO", "maybe"));
    assert!(!started && output.contains("maybe"), "{output}");
}

#[test]
fn the_readme_gives_every_flag_with_its_variable_or_among_those_without_one() {
    use clap::CommandFactory;
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme.find("Every flag can also be set with an environment variable").expect("the flags' sentence");
    let end = start + readme[start..].find("| flag | variable |").expect("the flags' table");
    let without_variable = &readme[start..end];
    let mut missing = Vec::new();
    let mut commands = vec![upskill::cli::Cli::command()];
    while let Some(command) = commands.pop() {
        for arg in command.get_arguments() {
            let Some(long) = arg.get_long().filter(|long| !["help", "version"].contains(long)) else { continue };
            match arg.get_env() {
                Some(variable) => {
                    let row = format!("| `--{long}` | `{}` |", variable.to_string_lossy());
                    if !readme.contains(&row) {
                        missing.push(row);
                    }
                }
                None if !without_variable.contains(&format!("`--{long}`")) => {
                    missing.push(format!("{} --{long} (no variable)", command.get_name()));
                }
                None => {}
            }
        }
        commands.extend(command.get_subcommands().cloned());
    }
    assert!(missing.is_empty(), "README.md, \"Commands\", lacks: {missing:#?}");
}
