//! `spawn_app()` and the browser-like client the tests drive it with.

use std::sync::Arc;

use reqwest::cookie::{CookieStore, Jar};
use reqwest::redirect::Policy;
use reqwest::{Response, StatusCode, Url};
use scraper::{Html, Selector};
use upskill::config::Settings;
use upskill::db::{self, DbPool, PooledDb};
use upskill::domain::{ApplicationStatus, EmploymentType, JobFamily, SiteType};
use upskill::startup::Application;

pub const DEMO_PASSWORD: &str = "upskill-demo";

/// Where a test's database lives; a PostgreSQL database is dropped when the test ends.
pub enum TestDatabase {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let TestDatabase::Postgres { admin_url, name } = self {
            use diesel::{Connection, PgConnection, RunQueryDsl};
            if let Ok(mut conn) = PgConnection::establish(admin_url) {
                let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).execute(&mut conn);
            }
        }
    }
}

/// A running server and a client signed in as nobody yet.
pub struct TestApp {
    pub address: String,
    /// `http://127.0.0.1:PORT` of the metrics listener, when `metrics_bind` was set.
    pub metrics_address: Option<String>,
    /// The test database, as `--database-url` takes it (for running the binary on it).
    pub database_url: String,
    pub pool: DbPool,
    pub browser: Browser,
    _database: TestDatabase,
}

/// Replaces the database name in a PostgreSQL URL (`postgres://u@h/NAME?x=y`).
fn with_database_name(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, format!("?{query}")),
        None => (url, String::new()),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let host_end = base[scheme_end..].find('/').map_or(base.len(), |i| scheme_end + i);
    format!("{}/{name}{query}", &base[..host_end])
}

/// A new, empty database for one test: a SQLite file, or a PostgreSQL database when
/// `UPSKILL_TEST_DATABASE_URL` is set. It goes away with the returned guard.
pub fn fresh_database() -> (String, TestDatabase) {
    match std::env::var("UPSKILL_TEST_DATABASE_URL") {
        Ok(admin_url) if !admin_url.is_empty() => {
            use diesel::{Connection, PgConnection, RunQueryDsl};
            let name =
                format!("upskill_test_{}", upskill::security::random_token(9).to_lowercase().replace(['-', '_'], "x"));
            let mut conn = PgConnection::establish(&admin_url).expect("cannot reach UPSKILL_TEST_DATABASE_URL");
            diesel::sql_query(format!("CREATE DATABASE {name}"))
                .execute(&mut conn)
                .expect("cannot create a test database");
            (with_database_name(&admin_url, &name), TestDatabase::Postgres { admin_url, name })
        }
        _ => {
            let dir = tempfile::tempdir().expect("cannot make a temporary directory");
            let path = dir.path().join("upskill.db");
            (path.to_string_lossy().into_owned(), TestDatabase::Sqlite(dir))
        }
    }
}

/// A server with the demo data, as `serve --demo` starts it.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// A server with the demo data and settings changed by `customize`.
pub async fn spawn_app_with(customize: impl FnOnce(&mut Settings)) -> TestApp {
    // The server's log (500 causes among it) shows with a failing test's output.
    let _ = tracing_subscriber::fmt()
        .with_test_writer()
        .with_env_filter(std::env::var("TEST_LOG").unwrap_or_else(|_| "warn".to_owned()))
        .try_init();
    let (database_url, database) = fresh_database();
    let mut settings = Settings::with_database(&database_url);
    settings.bind = "127.0.0.1:0".to_owned();
    settings.demo = true;
    settings.workers = 2;
    settings.pool_size = 4;
    customize(&mut settings);
    let app = Application::build(settings).await.expect("the server did not start");
    let address = format!("http://127.0.0.1:{}", app.port());
    let metrics_address = app.metrics_port().map(|port| format!("http://127.0.0.1:{port}"));
    actix_web::rt::spawn(app.run_until_stopped());
    let pool = db::connect(&database_url, 2).expect("cannot open the test database");
    TestApp { browser: Browser::new(&address), address, metrics_address, database_url, pool, _database: database }
}

impl TestApp {
    /// Another browser, with its own cookies.
    pub fn new_browser(&self) -> Browser {
        Browser::new(&self.address)
    }

    /// A connection to the test's database, to check what was stored.
    pub fn db(&self) -> PooledDb {
        self.pool.get().expect("no database connection")
    }
}

/// A client that keeps cookies and does not follow redirects, like a person's browser
/// seen one request at a time.
pub struct Browser {
    pub base: String,
    pub jar: Arc<Jar>,
    pub client: reqwest::Client,
}

impl Browser {
    pub fn new(base: &str) -> Browser {
        Browser::with_jar(base, Arc::new(Jar::default()))
    }

    /// A browser that shares its cookies with others (cookies ignore ports, so one jar
    /// serves several servers on 127.0.0.1, as behind a load balancer).
    pub fn with_jar(base: &str, jar: Arc<Jar>) -> Browser {
        let client = reqwest::Client::builder()
            .cookie_provider(jar.clone())
            .redirect(Policy::none())
            // The server closes a connection idle for 5 s (actix's keep-alive); reusing one
            // at that moment fails the request (IncompleteMessage) on a loaded machine.
            // Connections idle for 2 s are not reused, as browsers stay below the server's
            // keep-alive.
            .pool_idle_timeout(std::time::Duration::from_secs(2))
            .build()
            .expect("cannot build the HTTP client");
        Browser { base: base.to_owned(), jar, client }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// GETs `path`. Like a browser, it sends an idempotent request once more when the
    /// kept-alive connection it reused turns out closed (the server may close an idle
    /// connection just as the request goes out: IncompleteMessage).
    pub async fn get(&self, path: &str) -> Response {
        match self.client.get(self.url(path)).send().await {
            Ok(response) => response,
            Err(err) if err.is_request() && err.status().is_none() => {
                self.client.get(self.url(path)).send().await.expect("GET failed twice")
            }
            Err(err) => panic!("GET failed: {err:?}"),
        }
    }

    /// GET a page and return its status and body.
    pub async fn page(&self, path: &str) -> (StatusCode, String) {
        let response = self.get(path).await;
        let status = response.status();
        (status, response.text().await.expect("unreadable body"))
    }

    /// A page read with an `Accept-Language` header: status and body.
    pub async fn page_in(&self, path: &str, accept_language: &str) -> (StatusCode, String) {
        let response = self
            .client
            .get(self.url(path))
            .header("Accept-Language", accept_language)
            .send()
            .await
            .expect("GET failed");
        (response.status(), response.text().await.expect("unreadable body"))
    }

    pub async fn post_form(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        self.client.post(self.url(path)).form(fields).send().await.expect("POST failed")
    }

    /// POST a form with this session's CSRF token added.
    pub async fn post_with_csrf(&self, path: &str, fields: &[(&str, &str)]) -> Response {
        let token = self.csrf_token().await;
        let mut all = vec![("csrf_token", token.as_str())];
        all.extend_from_slice(fields);
        self.post_form(path, &all).await
    }

    /// The CSRF token of the signed-in session, read from the sign-out form.
    pub async fn csrf_token(&self) -> String {
        let (_, body) = self.page("/").await;
        attribute_values(&body, "form[action='/logout'] input[name='csrf_token']", "value")
            .into_iter()
            .next()
            .expect("no CSRF token on the home page: not signed in?")
    }

    /// Fills and sends the sign-in form; returns the response to the POST.
    pub async fn sign_in_with(&self, email: &str, password: &str, next: &str) -> Response {
        let (mut status, mut body) = self.page("/login").await;
        // A server may answer "busy" (503 with Retry-After, or 408 for a request it could
        // not read in time) when the machine running the tests is overloaded: a browser
        // would try again, and so does this, once, saying so.
        if matches!(status, StatusCode::SERVICE_UNAVAILABLE | StatusCode::REQUEST_TIMEOUT) {
            eprintln!("the sign-in page answered {status}; trying again in a second");
            actix_web::rt::time::sleep(std::time::Duration::from_secs(1)).await;
            (status, body) = self.page("/login").await;
        }
        assert_eq!(status, StatusCode::OK, "sign-in page: {:?}", texts(&body, "title, h1").join(" · "));
        let token = attribute_values(&body, "input[name='csrf_token']", "value").remove(0);
        self.post_form("/login", &[("email", email), ("password", password), ("csrf_token", &token), ("next", next)])
            .await
    }

    /// Signs in with the demo password and checks it worked.
    pub async fn sign_in(&self, email: &str) {
        let response = self.sign_in_with(email, DEMO_PASSWORD, "").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "sign-in of {email} failed");
    }

    /// The `Cookie` header this browser would send with a request to `path`.
    pub fn jar_header(&self, path: &str) -> String {
        let url: Url = self.url(path).parse().expect("bad URL");
        self.jar.cookies(&url).and_then(|h| h.to_str().ok().map(str::to_owned)).unwrap_or_default()
    }

    /// The session's CSRF token, or nothing when the page cannot be had (a server that
    /// is restarting).
    pub async fn csrf_token_or_empty(&self) -> String {
        let Ok(response) = self.client.get(self.url("/account")).send().await else { return String::new() };
        let Ok(body) = response.text().await else { return String::new() };
        attribute_values(&body, "form[action='/logout'] input[name='csrf_token']", "value")
            .into_iter()
            .next()
            .unwrap_or_default()
    }

    /// The value of a cookie this browser holds.
    pub fn cookie(&self, name: &str) -> Option<String> {
        let url: Url = self.base.parse().ok()?;
        let header = self.jar.cookies(&url)?;
        header.to_str().ok()?.split("; ").find_map(|pair| pair.strip_prefix(&format!("{name}=")).map(str::to_owned))
    }
}

/// The `Location` header of a redirect.
pub fn location(response: &Response) -> String {
    response.headers().get("location").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

/// The Spanish name of a date's month, as the Spanish pages write it ("enero").
pub fn spanish_month(date: impl chrono::Datelike) -> &'static str {
    const MONTHS: [&str; 12] = [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ];
    MONTHS[date.month0() as usize]
}

/// The page's `<html lang>`.
pub fn html_lang(html: &str) -> String {
    attribute_values(html, "html", "lang").remove(0)
}

pub fn attribute_values(html: &str, selector: &str, attribute: &str) -> Vec<String> {
    let document = Html::parse_document(html);
    let selector = Selector::parse(selector).expect("bad selector");
    document.select(&selector).filter_map(|element| element.value().attr(attribute).map(str::to_owned)).collect()
}

/// The text of every element matching `selector`, whitespace collapsed.
pub fn texts(html: &str, selector: &str) -> Vec<String> {
    let document = Html::parse_document(html);
    let selector = Selector::parse(selector).expect("bad selector");
    document
        .select(&selector)
        .map(|element| element.text().collect::<Vec<_>>().join(" ").split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// The id at the end of a `/applications/{id}` redirect.
pub fn application_id(response: &Response) -> i32 {
    location(response)
        .strip_prefix("/applications/")
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("not a redirect to an application: {}", location(response)))
}

/// A motivation long enough to pass.
pub const MOTIVATION: &str = "I want to grow into a technical role and this program fits my plans.";

pub fn count_applications(app: &TestApp) -> i64 {
    use diesel::prelude::*;
    upskill::db::schema::applications::table.count().get_result(&mut app.db()).unwrap()
}

pub fn employee_id(app: &TestApp, email: &str) -> i32 {
    use diesel::prelude::*;
    use upskill::db::schema::employees;
    employees::table.filter(employees::email.eq(email)).select(employees::id).first(&mut app.db()).unwrap()
}

/// The intakes of a program, by start date.
/// The id of the program `slug`.
pub fn program_id(app: &TestApp, slug: &str) -> i32 {
    use diesel::prelude::*;
    use upskill::db::schema::programs;
    programs::table.filter(programs::slug.eq(slug)).select(programs::id).first(&mut app.db()).unwrap()
}

pub fn intake_ids(app: &TestApp, slug: &str) -> Vec<i32> {
    use diesel::prelude::*;
    use upskill::db::schema::{intakes, programs};
    intakes::table
        .inner_join(programs::table)
        .filter(programs::slug.eq(slug))
        .order(intakes::starts_on.asc())
        .select(intakes::id)
        .load(&mut app.db())
        .unwrap()
}

/// The name of an intake, as stored (the demo's are named after the month they start).
pub fn intake_name(app: &TestApp, intake_id: i32) -> String {
    use diesel::prelude::*;
    use upskill::db::schema::intakes;
    intakes::table.find(intake_id).select(intakes::name).first(&mut app.db()).unwrap()
}

/// A new browser signed in as a demo person (`fiona.associate`).
pub async fn signed_in(app: &TestApp, person: &str) -> Browser {
    let browser = app.new_browser();
    browser.sign_in(&format!("{person}@upskill.example")).await;
    browser
}

/// Applies and returns the new application's id (the POST must succeed).
pub async fn apply(browser: &Browser, slug: &str, fields: &[(&str, &str)]) -> i32 {
    let mut all = vec![("motivation", MOTIVATION)];
    all.extend_from_slice(fields);
    let response = browser.post_with_csrf(&format!("/programs/{slug}/apply"), &all).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "applying to {slug}");
    application_id(&response)
}

/// Applies to Career Choice for next year's tuition (waits on the applicant's manager);
/// returns the application's id.
pub async fn apply_for_tuition(browser: &Browser) -> i32 {
    use chrono::Datelike;
    let term = format!("{}-01-15", chrono::Utc::now().date_naive().year() + 1);
    apply(
        browser,
        "career-choice",
        &[
            ("institution", "Bellevue College"),
            ("course_title", "Cloud Computing Certificate"),
            ("term_starts_on", &term),
            ("amount", "1234.50"),
            ("accept_terms", "yes"),
        ],
    )
    .await
}

/// The status of an application as stored.
pub fn status_of(app: &TestApp, id: i32) -> String {
    use diesel::prelude::*;
    use upskill::db::schema::applications;
    applications::table.find(id).select(applications::status).first(&mut app.db()).unwrap()
}

/// The current version of an application, as a decision form carries it.
pub fn version_of(app: &TestApp, id: i32) -> String {
    use diesel::prelude::*;
    use upskill::db::schema::applications;
    applications::table.find(id).select(applications::version).first::<i32>(&mut app.db()).unwrap().to_string()
}

/// The reporting counters, as (program, site, month, status, applications, covered cents).
type StatsRow = (i32, String, String, String, i64, i64);

/// Checks that the counters kept in step with each change equal a recount from scratch.
pub fn assert_stats_consistent(app: &TestApp) {
    use diesel::prelude::*;
    use upskill::db::schema::{application_stats, commitment_totals, due_totals, payment_totals, pledge_participants};
    type PaymentCounters = (Vec<(i32, chrono::NaiveDate, i64, i64)>, Vec<(i32, chrono::NaiveDate, i64, i64, i64)>);
    let payments = |app: &TestApp| -> PaymentCounters {
        let mut conn = app.db();
        let paid = payment_totals::table
            .filter(payment_totals::payments.ne(0))
            .order((payment_totals::program_id, payment_totals::paid_on))
            .select((
                payment_totals::program_id,
                payment_totals::paid_on,
                payment_totals::payments,
                payment_totals::paid_cents,
            ))
            .load(&mut conn)
            .unwrap();
        let due = due_totals::table
            .filter(due_totals::places.ne(0).or(due_totals::covered_cents.ne(0)).or(due_totals::paid_cents.ne(0)))
            .order((due_totals::program_id, due_totals::approved_on))
            .select((
                due_totals::program_id,
                due_totals::approved_on,
                due_totals::places,
                due_totals::covered_cents,
                due_totals::paid_cents,
            ))
            .load(&mut conn)
            .unwrap();
        (paid, due)
    };
    let paid_by_month = |app: &TestApp| -> Vec<(i32, String, i64)> {
        use upskill::db::schema::paid_by_month;
        paid_by_month::table
            .filter(paid_by_month::paid_cents.ne(0))
            .order((paid_by_month::program_id, paid_by_month::month))
            .load(&mut app.db())
            .unwrap()
    };
    let kept = (payments(app), paid_by_month(app));
    upskill::db::payments::rebuild_totals(&mut app.db()).unwrap();
    assert_eq!(
        kept,
        (payments(app), paid_by_month(app)),
        "the payment counters drifted from the payments and applications"
    );
    let commitments = |app: &TestApp| -> Vec<(i32, chrono::NaiveDate, i64, i64)> {
        commitment_totals::table
            .filter(commitment_totals::places.ne(0).or(commitment_totals::covered_cents.ne(0)))
            .order((commitment_totals::program_id, commitment_totals::approved_on))
            .select((
                commitment_totals::program_id,
                commitment_totals::approved_on,
                commitment_totals::places,
                commitment_totals::covered_cents,
            ))
            .load(&mut app.db())
            .unwrap()
    };
    let kept = commitments(app);
    upskill::db::budgets::rebuild_commitments(&mut app.db()).unwrap();
    assert_eq!(kept, commitments(app), "the commitment counter drifted from the applications");
    let snapshot = |app: &TestApp| -> (Vec<StatsRow>, Vec<i32>, i64) {
        let mut conn = app.db();
        let stats: Vec<StatsRow> = application_stats::table
            .filter(application_stats::applications.ne(0).or(application_stats::covered_cents.ne(0)))
            .order((
                application_stats::program_id,
                application_stats::site_type,
                application_stats::month,
                application_stats::status,
            ))
            .load(&mut conn)
            .unwrap();
        let people = pledge_participants::table
            .select(pledge_participants::employee_id)
            .order(pledge_participants::employee_id)
            .load(&mut conn)
            .unwrap();
        let counted = upskill::db::dashboard::participants(&mut conn).unwrap();
        (stats, people, counted)
    };
    let kept = snapshot(app);
    upskill::db::stats::rebuild(&mut app.db()).unwrap();
    assert_eq!(kept, snapshot(app), "the reporting counters drifted from the applications");
    assert_outcomes_consistent(app);
}

/// Checks that the outcomes and their counts kept by each change equal a recomputation
/// from the applications and the job history.
pub fn assert_outcomes_consistent(app: &TestApp) {
    use diesel::prelude::*;
    use upskill::db::outcomes::OutcomeRow;
    use upskill::db::schema::{completion_outcomes, move_delay_totals, outcome_totals};
    type Totals = Vec<(i32, String, String, i32, String, i64)>;
    type Delays = Vec<(i32, String, String, i32, i64)>;
    let snapshot = |app: &TestApp| -> (Vec<OutcomeRow>, Totals, Delays) {
        let mut conn = app.db();
        let rows = completion_outcomes::table
            .order(completion_outcomes::application_id)
            .select(OutcomeRow::as_select())
            .load(&mut conn)
            .unwrap();
        let totals = outcome_totals::table
            .filter(outcome_totals::participants.ne(0))
            .order((
                outcome_totals::program_id,
                outcome_totals::site_type,
                outcome_totals::month,
                outcome_totals::horizon,
                outcome_totals::outcome,
            ))
            .load(&mut conn)
            .unwrap();
        let delays = move_delay_totals::table
            .filter(move_delay_totals::participants.ne(0))
            .order((
                move_delay_totals::program_id,
                move_delay_totals::site_type,
                move_delay_totals::month,
                move_delay_totals::months_to_move,
            ))
            .load(&mut conn)
            .unwrap();
        (rows, totals, delays)
    };
    let kept = snapshot(app);
    upskill::db::outcomes::rebuild(&mut app.db(), upskill::clock::today()).unwrap();
    assert_eq!(kept, snapshot(app), "the outcomes drifted from the applications and the job history");
}

/// The fields a browser would send for the form matching `selector`: inputs (checked
/// boxes only), selected options and textareas, in document order.
pub fn form_fields(html: &str, selector: &str) -> Vec<(String, String)> {
    let document = Html::parse_document(html);
    let form_selector = Selector::parse(selector).expect("bad selector");
    let controls = Selector::parse("input, select, textarea").expect("bad selector");
    let selected = Selector::parse("option[selected]").expect("bad selector");
    let Some(form) = document.select(&form_selector).next() else {
        panic!("no form matches {selector}");
    };
    let mut fields = Vec::new();
    for control in form.select(&controls) {
        let element = control.value();
        let Some(name) = element.attr("name") else { continue };
        let value = match element.name() {
            "select" => control.select(&selected).next().and_then(|o| o.value().attr("value")).unwrap_or("").to_owned(),
            "textarea" => control.text().collect(),
            _ => {
                let kind = element.attr("type").unwrap_or("text");
                if (kind == "checkbox" || kind == "radio") && element.attr("checked").is_none() {
                    continue;
                }
                element.attr("value").unwrap_or("").to_owned()
            }
        };
        fields.push((name.to_owned(), value));
    }
    fields
}

/// `fields` with `name` set to `value` (added when missing; `None` removes it).
pub fn with_field(mut fields: Vec<(String, String)>, name: &str, value: Option<&str>) -> Vec<(String, String)> {
    fields.retain(|(k, _)| k != name);
    if let Some(value) = value {
        fields.push((name.to_owned(), value.to_owned()));
    }
    fields
}

impl Browser {
    /// POSTs owned fields (as read by `form_fields`) to `path`.
    pub async fn submit(&self, path: &str, fields: &[(String, String)]) -> Response {
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        self.post_form(path, &pairs).await
    }
}

/// The record of the person with `email` as `admin` opens it: its address and its form's fields.
pub async fn person_record(app: &TestApp, admin: &Browser, email: &str) -> (String, Vec<(String, String)>) {
    let path = format!("/admin/employees/{}", employee_id(app, email));
    let (_, page) = admin.page(&path).await;
    (path, form_fields(&page, "form.stack"))
}

/// An admin sets a person's manager through the person form.
pub async fn set_manager(admin: &Browser, employee_id: i32, manager_email: &str) -> Response {
    let path = format!("/admin/employees/{employee_id}");
    let (status, page) = admin.page(&path).await;
    assert_eq!(status, StatusCode::OK);
    let fields = with_field(form_fields(&page, "form.stack"), "manager_email", Some(manager_email));
    admin.submit(&path, &fields).await
}

/// An application stored directly, for a test that needs one in a given state; only
/// what matters to the test is said (`ApplicationBuilder::new(…).intake(3).insert(…)`).
pub struct ApplicationBuilder(upskill::db::applications::NewApplication);

impl ApplicationBuilder {
    pub fn new(employee_id: i32, program_id: i32, status: ApplicationStatus) -> ApplicationBuilder {
        let now = upskill::clock::now();
        ApplicationBuilder(upskill::db::applications::NewApplication {
            employee_id,
            program_id,
            status,
            details: upskill::db::applications::DetailsChange {
                intake_id: None,
                motivation: MOTIVATION.into(),
                institution: None,
                course_title: None,
                term_starts_on: None,
                amount_cents: None,
                covered_cents: None,
            },
            approver_id: None,
            submitted_at: now,
            decided_at: Some(now),
            waitlisted_at: None,
            approved_at: matches!(status, ApplicationStatus::Approved | ApplicationStatus::Completed).then_some(now),
            version: 2,
            created_at: now,
            updated_at: now,
            site_type: SiteType::FulfillmentCenter,
        })
    }

    /// Where the applicant worked when applying.
    pub fn site(mut self, site_type: SiteType) -> Self {
        self.0.site_type = site_type;
        self
    }

    pub fn intake(mut self, intake_id: i32) -> Self {
        self.0.details.intake_id = Some(intake_id);
        self
    }

    pub fn approver(mut self, approver_id: i32) -> Self {
        self.0.approver_id = Some(approver_id);
        self
    }

    pub fn version(mut self, version: i32) -> Self {
        self.0.version = version;
        self
    }

    /// Not decided yet (still at a stage).
    pub fn undecided(mut self) -> Self {
        self.0.decided_at = None;
        self
    }

    /// Made, submitted and decided at `at`.
    pub fn at(mut self, at: chrono::NaiveDateTime) -> Self {
        self.0.created_at = at;
        self.0.submitted_at = at;
        self.0.updated_at = at;
        self.0.decided_at = Some(at);
        self.0.approved_at = self.0.approved_at.map(|_| at);
        self
    }

    pub fn waitlisted_at(mut self, at: chrono::NaiveDateTime) -> Self {
        self.0.waitlisted_at = Some(at);
        self
    }

    /// A tuition request of `cents`, all of it covered, for a term starting on `term`.
    pub fn tuition(mut self, term: chrono::NaiveDate, cents: i64) -> Self {
        self.0.details.institution = Some("Old College".into());
        self.0.details.course_title = Some("Earlier course".into());
        self.0.details.term_starts_on = Some(term);
        self.0.details.amount_cents = Some(cents);
        self.0.details.covered_cents = Some(cents);
        self
    }

    pub fn insert(self, conn: &mut upskill::db::DbConnection) -> i32 {
        upskill::db::applications::insert(conn, &self.0).expect("cannot store the application")
    }
}

/// A fulfillment associate hired in 2020, without a password, reporting to `manager_id`.
pub fn employee_fixture(email: &str, name: &str, manager_id: Option<i32>) -> upskill::db::employees::NewEmployee {
    let now = upskill::clock::now();
    let record = upskill::db::employees::EmployeeRecord {
        display_name: name.to_owned(),
        job_title: "Associate".into(),
        job_family: JobFamily::Fulfillment,
        site_type: SiteType::FulfillmentCenter,
        employment_type: EmploymentType::FullTime,
        hire_date: chrono::NaiveDate::from_ymd_opt(2020, 1, 1).expect("a date"),
    };
    upskill::db::employees::NewEmployee {
        manager_id,
        ..upskill::db::employees::NewEmployee::active(email, record, now)
    }
}

/// An `upskill serve` process; killed when dropped.
pub struct ServerProcess {
    pub child: std::process::Child,
    pub base: String,
    pub port: u16,
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Starts `upskill serve` on `database_url` with `args` and waits until `/healthz` answers.
pub async fn start_server(database_url: &str, args: &[&str]) -> ServerProcess {
    let server = spawn_server(free_port(), database_url, args);
    let waited = wait_until_healthy(&server, std::time::Duration::from_secs(30)).await;
    assert!(waited.is_some(), "the server at {} did not start", server.base);
    server
}

/// Starts `upskill serve` on `port` without waiting for it.
pub fn spawn_server(port: u16, database_url: &str, args: &[&str]) -> ServerProcess {
    let mut command = serve_command(port, database_url, args);
    command.env("RUST_LOG", "warn").stderr(std::process::Stdio::inherit());
    server_process(command, port)
}

/// Starts `upskill serve` on `database_url` with `args`, logging at `info` to `log`, and
/// waits until `/healthz` answers.
pub async fn start_server_logging_to(database_url: &str, args: &[&str], log: &std::path::Path) -> ServerProcess {
    let port = free_port();
    let mut command = serve_command(port, database_url, args);
    command.env("RUST_LOG", "info").stderr(std::fs::File::create(log).expect("cannot create the log file"));
    let server = server_process(command, port);
    let waited = wait_until_healthy(&server, std::time::Duration::from_secs(30)).await;
    if waited.is_none() {
        let logged = std::fs::read_to_string(log).unwrap_or_default();
        panic!("the server at {} did not start; its log:\n{logged}", server.base);
    }
    server
}

/// The command `upskill serve` on `port` and `database_url` with `args`, standard output
/// discarded.
pub fn serve_command(port: u16, database_url: &str, args: &[&str]) -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_upskill"));
    command
        .args(["serve", "--bind", &format!("127.0.0.1:{port}"), "--database-url", database_url, "--workers", "2"])
        .args(args)
        .stdout(std::process::Stdio::null());
    command
}

/// Starts `command`, a server that will listen on `port`.
pub fn server_process(mut command: std::process::Command, port: u16) -> ServerProcess {
    ServerProcess {
        child: command.spawn().expect("cannot start upskill serve"),
        base: format!("http://127.0.0.1:{port}"),
        port,
    }
}

/// Polls `/healthz` until it answers 200; returns how long that took, or nothing when
/// `limit` passed first.
pub async fn wait_until_healthy(server: &ServerProcess, limit: std::time::Duration) -> Option<std::time::Duration> {
    let client = reqwest::Client::new();
    let started = std::time::Instant::now();
    while started.elapsed() < limit {
        if let Ok(response) = client.get(format!("{}/healthz", server.base)).send().await {
            if response.status() == StatusCode::OK {
                return Some(started.elapsed());
            }
        }
        actix_web::rt::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    None
}

/// Ivy, imported from HR without a password, and the path of an invitation link that lets
/// her choose one (`/welcome/…`).
pub fn invited_person(app: &TestApp) -> String {
    use diesel::prelude::*;
    let ivy: i32 = diesel::insert_into(upskill::db::schema::employees::table)
        .values(employee_fixture("ivy.imported@upskill.example", "Ivy Imported", None))
        .returning(upskill::db::schema::employees::id)
        .get_result(&mut app.db())
        .unwrap();
    let invitation = upskill::domain::enums::AccessLinkPurpose::Invitation;
    let token = upskill::db::access_links::create(&mut app.db(), ivy, invitation, None, upskill::clock::now()).unwrap();
    format!("/welcome/{token}")
}

/// A lottery intake of the program `slug` with `seats`, open from today for ten days and
/// starting in sixty, whose draw puts `priority` first; returns its id.
pub fn lottery_intake(app: &TestApp, slug: &str, seats: i32, priority: upskill::domain::DrawPriority) -> i32 {
    let today = upskill::clock::today();
    let program = program_id(app, slug);
    upskill::db::programs::insert_intake(
        &mut app.db(),
        &upskill::db::programs::NewIntake {
            allocation: upskill::domain::Allocation::Lottery,
            opens_on: Some(today),
            closes_on: Some(today + chrono::Days::new(10)),
            priority,
            ..upskill::db::programs::NewIntake::first_come(
                program,
                "Lottery".into(),
                today + chrono::Days::new(60),
                seats,
            )
        },
    )
    .unwrap()
}

/// Time passes for a lottery intake: its window closed yesterday.
pub fn close_the_window(app: &TestApp, intake: i32) {
    use diesel::prelude::*;
    use upskill::db::schema::intakes;
    let today = upskill::clock::today();
    diesel::update(intakes::table.find(intake))
        .set((
            intakes::opens_on.eq(Some(today - chrono::Days::new(11))),
            intakes::closes_on.eq(Some(today - chrono::Days::new(1))),
        ))
        .execute(&mut app.db())
        .unwrap();
}
