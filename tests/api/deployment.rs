//! Deployment, as an operator meets it running the binary: a restore refuses while a
//! server uses the database; processes started together on an empty database migrate it
//! once; a PostgreSQL failure says what failed, once, and no output shows the database's
//! password; `/healthz` answers within a second while the database is away; PostgreSQL
//! shows Upskill's connections by name; e-mail without `--public-url` is warned about;
//! behind a trusted proxy the sign-in limits count each client, and the log names it.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use diesel::prelude::*;
use reqwest::StatusCode;
use serde_json::Value;
use upskill::db::is_postgres;

use crate::auth::sign_in_through_proxy;
use crate::faults::{socket_and_name, Outage};
use crate::helpers::{
    apply, free_port, fresh_database, spawn_app, spawn_server, start_server, start_server_logging_to,
    wait_until_healthy, Browser, DEMO_PASSWORD,
};

/// A password that must never be seen in any output.
pub const SECRET: &str = "Pa55-w0rd-never-shown";

/// `upskill ARGS`, with nothing on standard input.
pub fn upskill(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_upskill"));
    command.args(args).stdin(Stdio::null()).env("RUST_LOG", "info");
    command
}

/// Runs a command to its end: whether it succeeded, and its standard output and error.
pub fn output_of(command: &mut Command) -> (bool, String) {
    let output = command.stdout(Stdio::piped()).stderr(Stdio::piped()).output().expect("cannot run upskill");
    let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    (output.status.success(), text)
}

/// The log file's lines, each parsed as JSON.
pub fn json_lines(log: &Path) -> Vec<Value> {
    std::fs::read_to_string(log)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not a JSON line ({e}): {line}")))
        .collect()
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    count: i64,
}

fn count(database_url: &str, sql: &str) -> i64 {
    let pool = upskill::db::connect(database_url, 1).unwrap();
    diesel::sql_query(sql).get_result::<Count>(&mut pool.get().unwrap()).unwrap().count
}

#[actix_web::test]
async fn a_restore_refuses_while_a_server_uses_the_database_and_restores_once_it_stopped() {
    let (url, _database) = fresh_database();
    if is_postgres(&url) {
        return; // pg_restore restores into a database of its own (README, "Backups").
    }
    let server = start_server(&url, &["--demo"]).await;
    let dev = Browser::new(&server.base);
    dev.sign_in("dev.engineer@upskill.example").await;
    let backups = tempfile::tempdir().unwrap();
    let backup = backups.path().join("before.db").to_string_lossy().into_owned();
    let (backed_up, output) = output_of(&mut upskill(&["backup", "--database-url", &url, "--to", &backup]));
    assert!(backed_up, "{output}");
    let acknowledged = apply(&dev, "machine-learning-university", &[]).await;

    let (restored, output) = output_of(&mut upskill(&["restore", "--database-url", &url, "--from", &backup]));
    assert!(!restored, "a restore under a running server succeeded: {output}");
    let server_process = format!("process {} (upskill serve)", server.child.id());
    assert!(output.contains("is in use") && output.contains(&server_process), "{output}");
    assert!(output.contains("Nothing was changed"), "{output}");
    let (status, _) = dev.page(&format!("/applications/{acknowledged}")).await;
    assert_eq!(status, StatusCode::OK, "the server still serves what it acknowledged");

    drop(server);
    let (restored, output) = output_of(&mut upskill(&["restore", "--database-url", &url, "--from", &backup]));
    assert!(restored, "{output}");
    let taken_after = format!("SELECT COUNT(*) AS count FROM applications WHERE id = {acknowledged}");
    assert_eq!(count(&url, &taken_after), 0, "the database is the backup's");
    let restarted = start_server(&url, &[]).await;
    let fiona = Browser::new(&restarted.base);
    fiona.sign_in("fiona.associate@upskill.example").await;
}

#[actix_web::test]
async fn processes_started_together_on_an_empty_database_apply_each_migration_once() {
    let migrations =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations/sqlite")).unwrap().count();
    let (url, _database) = fresh_database();
    let started: Vec<_> = (0..4)
        .map(|_| {
            upskill(&["migrate", "--database-url", &url]).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap()
        })
        .collect();
    for child in started {
        let output = child.wait_with_output().unwrap();
        let text = format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
        assert!(output.status.success(), "a migrate started with three others failed: {text}");
        assert!(text.contains("is up to date"), "{text}");
    }
    let applied = count(&url, "SELECT COUNT(*) AS count FROM __diesel_schema_migrations");
    assert_eq!(applied, i64::try_from(migrations).unwrap());

    // Four servers on another empty database: all of them come up.
    let (url, _database) = fresh_database();
    let servers: Vec<_> = (0..4).map(|_| spawn_server(free_port(), &url, &[])).collect();
    for server in &servers {
        let up = wait_until_healthy(server, Duration::from_secs(60)).await;
        assert!(up.is_some(), "a server started with three others did not come up");
    }
}

/// The URLs of a PostgreSQL server that is not there, with a password in each of the
/// two places a URL may carry one.
fn unreachable_urls() -> [String; 2] {
    let port = free_port();
    [
        format!("postgres://upskill:{SECRET}@127.0.0.1:{port}/upskill"),
        format!("postgresql://127.0.0.1:{port}/upskill?user=upskill&password={SECRET}&sslmode=disable"),
    ]
}

/// Every command that opens the database, on `url`; `dir` holds their files.
fn commands(url: &str, dir: &Path) -> Vec<Vec<String>> {
    let csv = dir.join("people.csv");
    std::fs::write(
        &csv,
        "email,display_name,job_title,job_family,site_type,employment_type,hire_date,manager_email,is_admin\n",
    )
    .unwrap();
    let file = |name: &str| dir.join(name).to_string_lossy().into_owned();
    let database = ["--database-url", url];
    let with = |args: &[&str]| args.iter().chain(&database).map(|s| (*s).to_owned()).collect::<Vec<String>>();
    vec![
        with(&["migrate"]),
        with(&["--log-format", "json", "migrate"]),
        with(&["seed-programs"]),
        with(&["remind", "--dry-run"]),
        with(&["import-employees", &csv.to_string_lossy(), "--dry-run"]),
        with(&["seed-synthetic", "--employees", "20", "--applications", "20"]),
        with(&["create-admin", "--email", "root.admin@upskill.example", "--yes"]),
        with(&["backup", "--to", &file("backup.db")]),
        with(&["restore", "--from", &file("backup.db")]),
        with(&["serve", "--bind", "127.0.0.1:0"]),
        with(&["--log-format", "json", "serve", "--bind", "127.0.0.1:0"]),
    ]
}

#[actix_web::test]
async fn postgresql_failures_say_what_failed_and_no_command_prints_the_password() {
    let dir = tempfile::tempdir().unwrap();
    for url in unreachable_urls() {
        let running: Vec<_> = commands(&url, dir.path())
            .into_iter()
            .map(|args| {
                let mut command = upskill(&args.iter().map(String::as_str).collect::<Vec<_>>());
                let child = command.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
                (args, child)
            })
            .collect();
        for (args, child) in running {
            let output = child.wait_with_output().unwrap();
            let text =
                format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
            assert!(!output.status.success(), "{args:?} succeeded without a database");
            assert!(!text.contains(SECRET), "{args:?} printed the password: {text}");
            assert!(!text.contains("Invalid connection url"), "{args:?}: {text}");
            let hint = args[0] == "backup" || args[0] == "restore";
            assert!(hint || text.contains("Connection refused"), "{args:?} does not say what failed: {text}");
            if args[0] == "--log-format" {
                let last = text.lines().last().unwrap();
                let line: Value = serde_json::from_str(last).unwrap_or_else(|_| panic!("not JSON: {last}"));
                assert_eq!(line["level"], "ERROR", "{line}");
                assert!(line["message"].as_str().unwrap().contains("Connection refused"), "{line}");
            }
        }
    }

    let Ok(admin_url) = std::env::var("UPSKILL_TEST_DATABASE_URL") else { return };
    if admin_url.is_empty() {
        return;
    }
    // A database that is there, reached with a password (the local socket's peer
    // authentication ignores it): what the commands print on success hides it too.
    let (url, _database) = fresh_database();
    let with_password = url.replacen("postgres://", &format!("postgres://root:{SECRET}@"), 1);
    let wrong_password = format!("postgres://root:{SECRET}@127.0.0.1/postgres");
    let (_, refused) = output_of(&mut upskill(&["migrate", "--database-url", &wrong_password]));
    assert!(refused.contains("password authentication failed"), "{refused}");
    let missing = url.replacen(&socket_and_name(&url).1, "upskill_no_such_database", 1);
    let (_, missing) = output_of(&mut upskill(&["migrate", "--database-url", &missing]));
    assert!(missing.contains("\"upskill_no_such_database\" does not exist"), "{missing}");
    for args in commands(&with_password, dir.path()).into_iter().filter(|args| !args.contains(&"serve".to_owned())) {
        let mut command = upskill(&args.iter().map(String::as_str).collect::<Vec<_>>());
        let (_, text) = output_of(command.stdin(Stdio::null()));
        assert!(!text.contains(SECRET), "{args:?} printed the password: {text}");
    }
    let logs = tempfile::tempdir().unwrap();
    let log = logs.path().join("serve.log");
    let server = start_server_logging_to(&with_password, &["--demo"], &log).await;
    drop(server);
    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(!logged.contains(SECRET), "{logged}");
}

/// How a health probe went: its status and how long it took.
async fn probe(base: &str) -> (StatusCode, Duration) {
    let started = Instant::now();
    let client = reqwest::Client::builder().timeout(Duration::from_secs(5)).build().unwrap();
    let status = client.get(format!("{base}/healthz")).send().await.map_or(StatusCode::REQUEST_TIMEOUT, |r| r.status());
    (status, started.elapsed())
}

#[actix_web::test]
async fn while_postgresql_is_away_health_checks_answer_within_a_second_and_the_cause_is_logged_once() {
    let (url, _database) = fresh_database();
    if !is_postgres(&url) {
        return; // SQLite is part of the process: it cannot be away.
    }
    let (socket, name) = socket_and_name(&url);
    let outage = Outage::start(socket);
    let through_proxy = format!("postgres://root:{SECRET}@127.0.0.1:{}/{name}", outage.port);
    let logs = tempfile::tempdir().unwrap();
    let log = logs.path().join("serve.log");
    let server = start_server_logging_to(&through_proxy, &["--demo", "--log-format", "json"], &log).await;

    // The network stops carrying packets: queries hang, nothing is closed.
    outage.freeze();
    for _ in 0..3 {
        let (status, took) = probe(&server.base).await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(took < Duration::from_secs(1), "the health check took {took:?}");
    }
    outage.restore();
    assert!(wait_until_healthy(&server, Duration::from_secs(15)).await.is_some(), "no recovery");

    // The database goes away; the pool tries to reconnect every few hundred milliseconds.
    outage.cut();
    let until = Instant::now() + Duration::from_secs(4);
    while Instant::now() < until {
        let (status, took) = probe(&server.base).await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert!(took < Duration::from_secs(1), "the health check took {took:?}");
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
    outage.restore();
    assert!(wait_until_healthy(&server, Duration::from_secs(15)).await.is_some(), "no recovery");
    drop(server);

    let lines = json_lines(&log);
    for line in &lines {
        let text = line.to_string();
        assert!(!text.contains(SECRET) && !text.contains("Invalid connection url"), "{text}");
    }
    let failures: Vec<&Value> = lines.iter().filter(|line| line["level"] == "ERROR").collect();
    assert!(
        !failures.is_empty() && failures.len() <= 4,
        "the outage was logged {} times: {failures:#?}",
        failures.len()
    );
    assert!(
        failures.iter().any(|line| line["error"].as_str().unwrap_or_default().contains("server closed the connection")),
        "{failures:#?}"
    );
    assert!(lines.iter().any(|line| line["message"] == "connected to the database again"), "{lines:#?}");
}

#[actix_web::test]
async fn postgresql_shows_every_connection_of_upskill_by_its_name() {
    let app = spawn_app().await;
    if !is_postgres(&app.database_url) {
        return;
    }
    #[derive(QueryableByName, Debug)]
    struct Named {
        #[diesel(sql_type = diesel::sql_types::Text)]
        application_name: String,
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        connections: i64,
    }
    let mut watcher = diesel::PgConnection::establish(&app.database_url).unwrap();
    let query = "SELECT application_name, COUNT(*) AS connections FROM pg_stat_activity \
                 WHERE datname = current_database() AND pid <> pg_backend_pid() GROUP BY application_name";
    let started = Instant::now();
    loop {
        let named: Vec<Named> = diesel::sql_query(query).load(&mut watcher).unwrap();
        // The server's pool (4), its catalog listener, and the test's own pool (2).
        let upskill = named.iter().find(|n| n.application_name == "upskill").map_or(0, |n| n.connections);
        if upskill >= 7 {
            assert_eq!(named.len(), 1, "connections without the name: {named:?}");
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "{named:?}");
        actix_web::rt::time::sleep(Duration::from_millis(100)).await;
    }
}

#[actix_web::test]
async fn e_mail_without_a_public_url_is_warned_about_once_at_start_up() {
    let (url, _database) = fresh_database();
    let logs = tempfile::tempdir().unwrap();
    let warnings = |log: &Path| -> Vec<Value> {
        json_lines(log).into_iter().filter(|line| line["message"].as_str().unwrap().contains("--public-url")).collect()
    };
    let log = logs.path().join("without.log");
    let mail = ["--demo", "--log-format", "json", "--smtp-url", "smtp://127.0.0.1:9"];
    let server = start_server_logging_to(&url, &mail, &log).await;
    let port = server.port;
    actix_web::rt::time::sleep(Duration::from_millis(500)).await;
    drop(server);
    let warned = warnings(&log);
    assert_eq!(warned.len(), 1, "{warned:#?}");
    assert_eq!(warned[0]["level"], "WARN");
    assert_eq!(warned[0]["links_to"], format!("http://127.0.0.1:{port}"));

    let log = logs.path().join("with.log");
    let args = [&mail[..], &["--public-url", "https://upskill.example.com"]].concat();
    drop(start_server_logging_to(&url, &args, &log).await);
    assert_eq!(warnings(&log).len(), 0);
}

#[actix_web::test]
async fn behind_a_trusted_proxy_the_limits_count_each_client_and_failed_sign_ins_are_logged_with_its_address() {
    let (url, _database) = fresh_database();
    let logs = tempfile::tempdir().unwrap();
    let log = logs.path().join("server.log");
    let args = [
        "--demo",
        "--log-format",
        "json",
        "--trusted-proxies",
        "127.0.0.1/32",
        "--login-attempts-per-address-per-minute",
        "5",
    ];
    let server = start_server_logging_to(&url, &args, &log).await;
    let base = server.base.clone();
    // Six people behind the same proxy mistype their password: nobody pays for the others.
    for n in 1..=6 {
        assert_eq!(sign_in_through_proxy(&base, &format!("192.0.2.{n}"), SECRET).await, StatusCode::UNAUTHORIZED);
    }
    // One client guessing is stopped after five, whatever it writes before its address:
    // the proxy appends the address it saw, and that rightmost hop is the one counted.
    for n in 1..=5 {
        let forged = format!("198.51.100.{n}, 203.0.113.7");
        assert_eq!(sign_in_through_proxy(&base, &forged, SECRET).await, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(sign_in_through_proxy(&base, "203.0.113.7", SECRET).await, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(sign_in_through_proxy(&base, "192.0.2.50", DEMO_PASSWORD).await, StatusCode::SEE_OTHER);
    drop(server);

    let failed: Vec<String> = json_lines(&log)
        .into_iter()
        .filter(|line| line["message"] == "sign-in failed")
        .map(|line| line["address"].as_str().unwrap().to_owned())
        .collect();
    let expected: Vec<String> =
        (1..=6).map(|n| format!("192.0.2.{n}")).chain((1..=5).map(|_| "203.0.113.7".to_owned())).collect();
    assert_eq!(failed, expected);
    assert!(!std::fs::read_to_string(&log).unwrap().contains(SECRET), "a password in the log");
}
