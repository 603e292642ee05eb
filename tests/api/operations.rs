//! Operations: `/metrics` (off by default, on its own address, read by the Prometheus
//! client library's own parser), request ids (header, 500 page, every log line) and JSON
//! logs from the real binary.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Duration;

use diesel::prelude::*;
use reqwest::StatusCode;
use serde_json::Value;
use upskill::db::schema::applications;

use crate::helpers::{
    apply, apply_for_tuition, attribute_values, fresh_database, signed_in, spawn_app, spawn_app_with,
    start_server_logging_to, texts, Browser,
};

/// One sample as `prometheus_client.parser` read it.
#[derive(Debug, Clone)]
struct Sample {
    name: String,
    labels: BTreeMap<String, String>,
    value: f64,
}

/// Parses the text format with the Python Prometheus client's parser, which refuses what
/// Prometheus would not read.
const PARSER: &str = r#"
import json, sys
from prometheus_client.parser import text_string_to_metric_families
samples = []
for family in text_string_to_metric_families(sys.stdin.read()):
    for sample in family.samples:
        samples.append({"type": family.type, "name": sample.name, "labels": sample.labels, "value": sample.value})
print(json.dumps(samples))
"#;

fn parse_exposition(text: &str) -> Vec<Sample> {
    let child = Command::new("python3")
        .args(["-c", PARSER])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = child.expect(
        "python3 is needed to check the metrics format (with `pip install prometheus-client`, as .ci/run does)",
    );
    child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    let errors = String::from_utf8_lossy(&output.stderr);
    assert!(
        !errors.contains("No module named 'prometheus_client'"),
        "the Python package prometheus-client is missing: `python3 -m pip install prometheus-client` (.ci/run does)"
    );
    assert!(output.status.success(), "the Prometheus parser refused the metrics: {errors}\n{text}");
    let parsed: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    parsed
        .into_iter()
        .map(|sample| Sample {
            name: sample["name"].as_str().unwrap().to_owned(),
            labels: sample["labels"]
                .as_object()
                .unwrap()
                .iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned()))
                .collect(),
            value: sample["value"].as_f64().unwrap(),
        })
        .collect()
}

async fn scrape(metrics_address: &str) -> Vec<Sample> {
    let response = reqwest::get(format!("{metrics_address}/metrics")).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let content_type = response.headers()["content-type"].to_str().unwrap().to_owned();
    assert!(content_type.starts_with("text/plain; version=0.0.4"), "{content_type}");
    parse_exposition(&response.text().await.unwrap())
}

/// The value of the one sample named `name` with (at least) these labels; 0 when absent.
fn value(samples: &[Sample], name: &str, labels: &[(&str, &str)]) -> f64 {
    let matching: Vec<&Sample> = samples
        .iter()
        .filter(|s| s.name == name && labels.iter().all(|(k, v)| s.labels.get(*k).map(String::as_str) == Some(*v)))
        .collect();
    assert!(matching.len() <= 1, "several samples of {name} match {labels:?}: {matching:?}");
    matching.first().map_or(0.0, |s| s.value)
}

/// A request with an `X-Request-Id` header; returns the response.
async fn get_with_id(browser: &Browser, path: &str, id: &str) -> reqwest::Response {
    browser.client.get(browser.url(path)).header("X-Request-Id", id).send().await.unwrap()
}

fn request_id(response: &reqwest::Response) -> String {
    response.headers().get("x-request-id").expect("no X-Request-Id header").to_str().unwrap().to_owned()
}

/// Fiona applies; then her application's status is overwritten with one that does not
/// parse, as a bad hand edit would: its page fails with a 500 through the real route
/// (`AppError::corrupt`), with no fault injected into the server.
async fn corrupt_application(fiona: &Browser, database_url: &str) -> i32 {
    let id = apply(fiona, "aws-training-and-certification", &[]).await;
    let mut conn = upskill::db::connect(database_url, 1).unwrap().get().unwrap();
    diesel::update(applications::table.find(id))
        .set(applications::status.eq("lost-in-migration"))
        .execute(&mut conn)
        .unwrap();
    id
}

#[actix_web::test]
async fn metrics_are_off_by_default_and_never_on_the_main_address() {
    let app = spawn_app().await;
    assert!(app.metrics_address.is_none(), "a metrics listener was opened without --metrics-bind");
    let (status, _) = app.browser.page("/metrics").await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let app = spawn_app_with(|settings| settings.metrics_bind = Some("127.0.0.1:0".to_owned())).await;
    let metrics_address = app.metrics_address.clone().expect("no metrics listener");
    assert_ne!(metrics_address, app.address);
    let (status, _) = app.browser.page("/metrics").await;
    assert_eq!(status, StatusCode::NOT_FOUND, "the main address served /metrics");
    let admin = signed_in(&app, "ada.admin").await;
    assert_eq!(admin.page("/metrics").await.0, StatusCode::NOT_FOUND, "an administrator got /metrics");
    // The metrics listener has nothing else: no pages, no sessions.
    let other = reqwest::get(format!("{metrics_address}/login")).await.unwrap();
    assert_eq!(other.status(), StatusCode::NOT_FOUND);
    assert!(other.headers().get("set-cookie").is_none());
    assert_eq!(reqwest::get(format!("{metrics_address}/metrics")).await.unwrap().status(), StatusCode::OK);
}

#[actix_web::test]
async fn metrics_count_requests_by_route_pattern_and_status_and_applications_by_state() {
    let app = spawn_app_with(|settings| settings.metrics_bind = Some("127.0.0.1:0".to_owned())).await;
    let metrics_address = app.metrics_address.clone().unwrap();
    let fiona = signed_in(&app, "fiona.associate").await;
    let approved = apply(&fiona, "aws-training-and-certification", &[]).await;
    let submitted = apply_for_tuition(&fiona).await;
    for id in [approved, submitted, approved] {
        assert_eq!(fiona.page(&format!("/applications/{id}")).await.0, StatusCode::OK);
    }
    assert_eq!(fiona.page("/applications/987654").await.0, StatusCode::NOT_FOUND);
    assert_eq!(fiona.page("/no/such/page").await.0, StatusCode::NOT_FOUND);
    assert_eq!(fiona.page("/static/app.css").await.0, StatusCode::OK);
    assert_eq!(app.new_browser().page("/programs").await.0, StatusCode::SEE_OTHER);

    let samples = scrape(&metrics_address).await;
    let requests = |method, route, status| {
        value(&samples, "upskill_http_requests_total", &[("method", method), ("route", route), ("status", status)])
    };
    assert_eq!(requests("GET", "/applications/{id}", "200"), 3.0);
    assert_eq!(requests("GET", "/applications/{id}", "404"), 1.0);
    assert_eq!(requests("POST", "/programs/{slug}/apply", "303"), 2.0);
    assert_eq!(requests("GET", "/programs", "303"), 1.0);
    assert_eq!(requests("GET", "/static/{name}", "200"), 1.0);
    assert_eq!(requests("GET", "unmatched", "404"), 1.0);
    assert_eq!(requests("POST", "/login", "303"), 1.0);
    // Labels are route patterns: no path with an id or an unknown path ever becomes one.
    for sample in samples.iter().filter(|s| s.name.starts_with("upskill_http_")) {
        let route = &sample.labels["route"];
        assert!(route == "unmatched" || route.starts_with('/'), "{sample:?}");
        assert!(!route.chars().any(|c| c.is_ascii_digit()) && !route.contains("no/such"), "raw path: {sample:?}");
    }

    // The histogram of the 200s: every bucket from 1 ms to 10 s, cumulative, `+Inf` =
    // count = requests.
    let labels = [("method", "GET"), ("route", "/applications/{id}"), ("status", "200")];
    let buckets: Vec<(String, f64)> = samples
        .iter()
        .filter(|s| {
            s.name == "upskill_http_request_duration_seconds_bucket" && labels.iter().all(|(k, v)| s.labels[*k] == *v)
        })
        .map(|s| (s.labels["le"].clone(), s.value))
        .collect();
    let bounds: Vec<&str> = buckets.iter().map(|(le, _)| le.as_str()).collect();
    assert_eq!(
        bounds,
        [
            "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "10.0",
            "+Inf"
        ]
    );
    assert!(buckets.windows(2).all(|pair| pair[0].1 <= pair[1].1), "buckets not cumulative: {buckets:?}");
    assert_eq!(buckets.last().unwrap().1, 3.0);
    assert_eq!(value(&samples, "upskill_http_request_duration_seconds_count", &labels), 3.0);
    let sum = value(&samples, "upskill_http_request_duration_seconds_sum", &labels);
    assert!(sum > 0.0 && sum < 40.0, "sum {sum}");

    // Applications by state, as the database has them.
    let stored: Vec<(String, i64)> = applications::table
        .group_by(applications::status)
        .select((applications::status, diesel::dsl::count_star()))
        .load(&mut app.db())
        .unwrap();
    assert_eq!(stored.len(), 2, "{stored:?}");
    for state in upskill::domain::enums::ApplicationStatus::ALL {
        let in_database = stored.iter().find(|(s, _)| s == state.as_str()).map_or(0, |(_, n)| *n);
        assert_eq!(
            value(&samples, "upskill_applications", &[("state", state.as_str())]),
            in_database as f64,
            "applications in state {}",
            state.as_str()
        );
    }

    // The e-mail outbox: no SMTP server here, so every notice written so far waits.
    let pending: i64 = upskill::db::schema::outbox::table
        .filter(upskill::db::schema::outbox::sent_at.is_null())
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert!(pending > 0, "the applications above wrote notices");
    assert_eq!(value(&samples, "upskill_outbox_pending", &[("delivery", "alone")]), pending as f64);
    assert_eq!(value(&samples, "upskill_outbox_pending", &[("delivery", "digest")]), 0.0);

    // The pool: four connections at most (`spawn_app`), none lent out between requests.
    assert_eq!(value(&samples, "upskill_db_pool_connections_max", &[]), 4.0);
    assert_eq!(value(&samples, "upskill_db_pool_connections_in_use", &[]), 0.0);
    assert!(value(&samples, "upskill_db_pool_connections_idle", &[]) >= 1.0);
    assert_eq!(value(&samples, "upskill_db_pool_wait_timeouts_total", &[]), 0.0);
    assert_eq!(value(&samples, "upskill_db_connection_failures_total", &[]), 0.0);
    assert_eq!(value(&samples, "upskill_database_up", &[]), 1.0);

    // A scrape is not a request of the application.
    let again = scrape(&metrics_address).await;
    assert!(again.iter().all(|s| s.labels.get("route").is_none_or(|route| !route.contains("metrics"))));
}

#[actix_web::test]
async fn request_ids_are_echoed_when_plain_and_replaced_otherwise() {
    let app = spawn_app().await;
    let browser = &app.browser;
    for (path, status) in [("/login", 200), ("/static/app.css", 200), ("/programs", 303), ("/nowhere", 404)] {
        let response = get_with_id(browser, path, "0f8fad5b-d9cb-469f-a165-70867728950e").await;
        assert_eq!(response.status().as_u16(), status, "{path}");
        assert_eq!(request_id(&response), "0f8fad5b-d9cb-469f-a165-70867728950e", "{path}");
    }
    let mut seen = std::collections::BTreeSet::new();
    let too_long = "a".repeat(65);
    for unsafe_id in ["two words", "<script>alert(1)</script>", "a\"b", too_long.as_str(), "ünïcode", ""] {
        let response = get_with_id(browser, "/login", unsafe_id).await;
        let id = request_id(&response);
        assert_ne!(id, unsafe_id);
        assert_eq!(id.len(), 16, "{id}");
        assert!(id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'), "{id}");
        seen.insert(id);
    }
    let response = browser.get("/login").await;
    seen.insert(request_id(&response));
    assert_eq!(seen.len(), 7, "generated ids repeat: {seen:?}");
}

#[actix_web::test]
async fn the_500_page_shows_the_request_id_and_other_error_pages_do_not() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let id = corrupt_application(&fiona, &app.database_url).await;

    let response = get_with_id(&fiona, &format!("/applications/{id}"), "support-ticket-42").await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(request_id(&response), "support-ticket-42");
    let page = response.text().await.unwrap();
    assert_eq!(texts(&page, ".error-reference"), ["support-ticket-42"]);
    assert!(texts(&page, "main").join(" ").contains("Reference: support-ticket-42"), "{page}");
    assert!(!page.contains("lost-in-migration"), "the cause leaked into the page");

    // Without an id of its own, the page shows the one the server made.
    let response = fiona.get(&format!("/applications/{id}")).await;
    let generated = request_id(&response);
    assert_eq!(texts(&response.text().await.unwrap(), ".error-reference"), [generated]);

    // Other error pages are as before: no reference.
    let response = get_with_id(&fiona, "/applications/987654", "not-found-1").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let page = response.text().await.unwrap();
    assert!(texts(&page, ".error-reference").is_empty() && !page.contains("Reference"), "{page}");
    assert_eq!(fiona.page("/admin").await.0, StatusCode::FORBIDDEN);
    assert!(!fiona.page("/admin").await.1.contains("Reference"));
}

/// The log file's lines, each parsed as JSON (every line must be JSON).
fn json_lines(log: &std::path::Path) -> Vec<Value> {
    std::fs::read_to_string(log)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not a JSON line ({e}): {line}")))
        .collect()
}

fn lines_of<'a>(lines: &'a [Value], request_id: &str) -> Vec<&'a Value> {
    lines.iter().filter(|line| line["span"]["request_id"] == request_id).collect()
}

/// Holds a lock that makes every session write wait, on a connection of the test's own.
enum SessionsLock {
    Sqlite(diesel::SqliteConnection),
    Postgres(diesel::PgConnection),
}

impl SessionsLock {
    fn take(database_url: &str) -> SessionsLock {
        if upskill::db::is_postgres(database_url) {
            let mut conn = diesel::PgConnection::establish(database_url).unwrap();
            diesel::sql_query("BEGIN").execute(&mut conn).unwrap();
            diesel::sql_query("LOCK TABLE sessions IN ACCESS EXCLUSIVE MODE").execute(&mut conn).unwrap();
            SessionsLock::Postgres(conn)
        } else {
            let mut conn = diesel::SqliteConnection::establish(database_url).unwrap();
            diesel::sql_query("BEGIN IMMEDIATE").execute(&mut conn).unwrap();
            SessionsLock::Sqlite(conn)
        }
    }

    fn release(self) {
        match self {
            SessionsLock::Sqlite(mut conn) => diesel::sql_query("ROLLBACK").execute(&mut conn).unwrap(),
            SessionsLock::Postgres(mut conn) => diesel::sql_query("ROLLBACK").execute(&mut conn).unwrap(),
        };
    }
}

/// Sends the sign-in form of a fresh browser with this request id; returns the browser
/// and the pending answer.
async fn sign_in_request(base: &str, id: &str) -> (Browser, reqwest::RequestBuilder) {
    let browser = Browser::new(base);
    let (_, body) = browser.page("/login").await;
    let token = attribute_values(&body, "input[name='csrf_token']", "value").remove(0);
    let request = browser.client.post(browser.url("/login")).header("X-Request-Id", id).form(&[
        ("csrf_token", token.as_str()),
        ("email", "fiona.associate@upskill.example"),
        ("password", "upskill-demo"),
        ("next", "/"),
    ]);
    (browser, request)
}

/// The binary with `--log-format json`: every line is JSON, and the lines of a request,
/// those logged on the blocking pool by database work included, carry its id; the 500
/// page's reference finds the cause in the log; a pool wait that runs out is counted.
#[actix_web::test]
async fn json_logs_carry_each_requests_id_even_from_database_work() {
    let (database_url, _database) = fresh_database();
    let logs = tempfile::tempdir().unwrap();
    let log = logs.path().join("upskill.log");
    let metrics_port = crate::helpers::free_port().to_string();
    let metrics_bind = format!("127.0.0.1:{metrics_port}");
    let args = ["--demo", "--log-format", "json", "--pool-size", "1", "--metrics-bind", &metrics_bind];
    let server = start_server_logging_to(&database_url, &args, &log).await;

    // A sign-in: its "signed in" line carries the request's id.
    let (fiona, request) = sign_in_request(&server.base, "sign-in-1").await;
    assert_eq!(request.send().await.unwrap().status(), StatusCode::SEE_OTHER);

    // A 500: the page's reference leads to the line with the cause.
    let broken = corrupt_application(&fiona, &database_url).await;
    let response = fiona.get(&format!("/applications/{broken}")).await;
    assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let reference = texts(&response.text().await.unwrap(), ".error-reference").remove(0);

    // The pool's one connection is held by a sign-in waiting for the sessions table;
    // a health check waits for it in vain: the pool logs that on the blocking thread.
    let lock = SessionsLock::take(&upskill::db::normalise_url(&database_url));
    let (_, waiting) = sign_in_request(&server.base, "sign-in-2").await;
    let waiting = actix_web::rt::spawn(waiting.send());
    // Long enough for its password check; then it waits for the lock, holding the connection.
    actix_web::rt::time::sleep(Duration::from_millis(1500)).await;
    let health = get_with_id(&Browser::new(&server.base), "/healthz", "health-check-1").await;
    assert_eq!(health.status(), StatusCode::SERVICE_UNAVAILABLE);
    lock.release();
    assert_eq!(waiting.await.unwrap().unwrap().status(), StatusCode::SEE_OTHER, "the held sign-in failed");

    let samples = scrape(&format!("http://127.0.0.1:{metrics_port}")).await;
    assert_eq!(value(&samples, "upskill_db_pool_wait_timeouts_total", &[]), 1.0);
    let healthz_503 = [("method", "GET"), ("route", "/healthz"), ("status", "503")];
    assert_eq!(value(&samples, "upskill_http_requests_total", &healthz_503), 1.0);
    assert_eq!(
        value(&samples, "upskill_http_requests_total", &[("route", "/applications/{id}"), ("status", "500")]),
        1.0
    );
    drop(server);

    let lines = json_lines(&log);
    for line in &lines {
        for key in ["timestamp", "level", "message", "target"] {
            assert!(line[key].is_string(), "no {key} in {line}");
        }
    }
    let messages = |id: &str| -> Vec<String> {
        lines_of(&lines, id).iter().map(|line| line["message"].as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(messages("sign-in-1"), ["signed in"]);
    let signed_in = lines_of(&lines, "sign-in-1")[0];
    assert_eq!(signed_in["level"], "INFO");
    assert!(signed_in["employee_id"].is_number(), "fields are in the line: {signed_in}");
    assert_eq!(messages("sign-in-2"), ["signed in"]);

    let failure = lines_of(&lines, &reference);
    assert_eq!(failure.len(), 1, "{failure:?}");
    assert_eq!(failure[0]["message"], "request failed");
    assert_eq!(failure[0]["level"], "ERROR");
    assert!(failure[0]["error"].as_str().unwrap().contains("lost-in-migration"), "{}", failure[0]);

    assert_eq!(
        messages("health-check-1"),
        ["no database connection became free in time", "health check failed"],
        "every line of the health check carries its id, the pool's from the blocking thread too"
    );
}

/// A reverse proxy keeps its idle connections to the servers open (nginx's upstream
/// `keepalive_timeout`: 60 s) and sends the next request on one of them; had the server
/// closed it at that moment, nginx would answer 502 and not send a POST again (the surge
/// bench met it after 5 s, actix's default). A connection idle for 6 s still answers.
#[actix_web::test]
async fn a_connection_left_idle_is_kept_longer_than_a_proxy_keeps_it() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let app = spawn_app().await;
    let address = app.address.trim_start_matches("http://").to_owned();
    let mut connection = tokio::net::TcpStream::connect(&address).await.unwrap();
    let request = format!("GET /healthz HTTP/1.1\r\nHost: {address}\r\n\r\n");
    for (round, idle) in [("first", 0), ("after 6 s idle", 6)] {
        actix_web::rt::time::sleep(Duration::from_secs(idle)).await;
        connection.write_all(request.as_bytes()).await.unwrap();
        let mut answer = vec![0u8; 4096];
        let read = actix_web::rt::time::timeout(Duration::from_secs(5), connection.read(&mut answer)).await;
        let read = read.unwrap_or_else(|_| panic!("no answer {round}")).unwrap();
        let head = String::from_utf8_lossy(&answer[..read]).into_owned();
        assert!(head.starts_with("HTTP/1.1 200"), "{round}: {head:?}");
    }
}
