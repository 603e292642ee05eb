//! Backups taken while people use the application: every application acknowledged before
//! the backup began is in the restored copy. SQLite through `upskill backup` and
//! `upskill restore`; PostgreSQL through `pg_dump` and `pg_restore`, as README.md says.

use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use diesel::prelude::*;
use reqwest::StatusCode;
use upskill::db::schema::applications;

use crate::helpers::{apply, fresh_database, signed_in, spawn_app};

fn run(command: &mut Command) {
    let output = command.output().expect("cannot run the command");
    assert!(
        output.status.success(),
        "{command:?} failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Backs up the database at `database_url` to a file in `dir`.
fn back_up(database_url: &str, dir: &Path) -> std::path::PathBuf {
    let file = dir.join("backup");
    if upskill::db::is_postgres(database_url) {
        run(Command::new("pg_dump").args(["--format=custom", "--file"]).arg(&file).arg(database_url));
    } else {
        run(Command::new(env!("CARGO_BIN_EXE_upskill"))
            .args(["backup", "--database-url", database_url, "--to"])
            .arg(&file));
    }
    file
}

/// Restores `file` into the new database `database_url`.
fn restore(file: &Path, database_url: &str) {
    if upskill::db::is_postgres(database_url) {
        // As README.md says, into an empty database.
        let options = ["--no-owner", "--single-transaction", "--exit-on-error", "--dbname", database_url];
        run(Command::new("pg_restore").args(options).arg(file));
    } else {
        run(Command::new(env!("CARGO_BIN_EXE_upskill"))
            .args(["restore", "--database-url", database_url, "--from"])
            .arg(file));
    }
}

#[actix_web::test]
async fn a_backup_taken_under_write_load_restores_every_acknowledged_application() {
    let app = spawn_app().await;
    let acknowledged = Arc::new(Mutex::new(Vec::<i32>::new()));
    let stop = Arc::new(AtomicBool::new(false));

    // The write load: Dev applies and withdraws, again and again; an application counts
    // as acknowledged when the server answered the application with its 303.
    let dev = signed_in(&app, "dev.engineer").await;
    let writer = {
        let (acknowledged, stop) = (acknowledged.clone(), stop.clone());
        actix_web::rt::spawn(async move {
            while !stop.load(Ordering::SeqCst) {
                let id = apply(&dev, "machine-learning-university", &[]).await;
                acknowledged.lock().unwrap().push(id);
                let withdrawn = dev
                    .post_with_csrf(&format!("/applications/{id}/withdraw"), &[("version", "1"), ("comment", "")])
                    .await;
                assert_eq!(withdrawn.status(), StatusCode::SEE_OTHER);
            }
        })
    };
    while acknowledged.lock().unwrap().len() < 5 {
        actix_web::rt::time::sleep(Duration::from_millis(10)).await;
    }

    let before: Vec<i32> = acknowledged.lock().unwrap().clone();
    let dir = tempfile::tempdir().unwrap();
    let file = {
        let app_url = app.database_url.clone();
        let dir = dir.path().to_owned();
        // The backup runs on another thread while the writer goes on here.
        actix_web::rt::task::spawn_blocking(move || back_up(&app_url, &dir)).await.unwrap()
    };
    let during = acknowledged.lock().unwrap().len();
    while acknowledged.lock().unwrap().len() < during + 3 {
        actix_web::rt::time::sleep(Duration::from_millis(10)).await;
    }
    stop.store(true, Ordering::SeqCst);
    writer.await.unwrap();

    let (restored_url, _restored) = fresh_database();
    restore(&file, &restored_url);
    let pool = upskill::db::connect(&restored_url, 1).unwrap();
    let found: Vec<i32> = applications::table
        .filter(applications::id.eq_any(&before))
        .select(applications::id)
        .load(&mut pool.get().unwrap())
        .unwrap();
    assert_eq!(found.len(), before.len(), "acknowledged before the backup: {before:?}; restored: {found:?}");
    if !upskill::db::is_postgres(&restored_url) {
        upskill::db::backup::check(Path::new(&restored_url)).unwrap();
    }
}

#[actix_web::test]
async fn a_backup_never_overwrites_a_file_and_a_damaged_copy_is_not_restored() {
    let app = spawn_app().await;
    if upskill::db::is_postgres(&app.database_url) {
        return; // pg_dump and pg_restore check their own files.
    }
    let dir = tempfile::tempdir().unwrap();
    let existing = dir.path().join("existing");
    std::fs::write(&existing, "keep me").unwrap();
    let refused = upskill::db::backup::backup(&app.database_url, &existing).unwrap_err();
    assert!(refused.to_string().contains("already exists"), "{refused}");
    assert_eq!(std::fs::read_to_string(&existing).unwrap(), "keep me");

    let good = back_up(&app.database_url, dir.path());
    // It holds the sessions and the key that signs cookies: its owner's eyes only.
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(&good).unwrap().permissions().mode() & 0o777, 0o600);
    let mut damaged = std::fs::read(&good).unwrap();
    let middle = damaged.len() / 2;
    damaged.truncate(middle);
    let damaged_file = dir.path().join("damaged");
    std::fs::write(&damaged_file, &damaged).unwrap();
    let target = dir.path().join("target.db");
    std::fs::copy(&good, &target).unwrap();
    let before = std::fs::read(&target).unwrap();
    assert!(upskill::db::backup::restore(&target.to_string_lossy(), &damaged_file).is_err());
    assert_eq!(std::fs::read(&target).unwrap(), before, "a failed restore left the database as it was");
}
