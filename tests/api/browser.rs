//! Through a real browser: headless Chromium driven over WebDriver (chromedriver), the
//! person's journey from application to completion, the keyboard, a phone-sized screen,
//! and axe-core's accessibility checks.
//!
//! These need Debian's `chromium` and `chromium-driver` (and `axe-core` from npm for the
//! accessibility test), which `.ci/run` installs; run them with `cargo test -- --ignored`.
//! A failing test leaves a screenshot and the page's HTML in `target/browser-artifacts/`.

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use futures_util::FutureExt;
use serde_json::{json, Value};

use crate::helpers::{apply, apply_for_tuition, intake_ids, signed_in, spawn_app, version_of, TestApp, DEMO_PASSWORD};

/// A headless Chromium session (a cheap handle: clones drive the same browser).
#[derive(Clone)]
pub(crate) struct Driver {
    pub(crate) client: Client,
    pub(crate) base: String,
}

/// The chromedriver process behind a `Driver`, in a process group of its own with the
/// browser it starts; stops them all when dropped (killing chromedriver alone left the
/// browser running, and taking the machine's time, after the test).
pub(crate) struct ChromeDriver(Child);

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        let group = format!("-{}", self.0.id());
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn artifacts_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target").join("browser-artifacts")
}

impl Driver {
    pub(crate) async fn start(base: &str) -> (Driver, ChromeDriver) {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let chromedriver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .process_group(0)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver is not installed (apt-get install chromium chromium-driver)");
        let chromedriver = ChromeDriver(chromedriver);
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("browserName".into(), json!("chrome"));
        capabilities.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": "/usr/bin/chromium",
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1280,900", "--lang=en-US", "--hide-scrollbars"
                ]
            }),
        );
        let started = Instant::now();
        let client = loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(capabilities.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await
            {
                Ok(client) => break client,
                Err(err) => {
                    assert!(
                        started.elapsed() < Duration::from_secs(20),
                        "cannot start Chromium through chromedriver: {err}"
                    );
                    actix_web::rt::time::sleep(Duration::from_millis(200)).await;
                }
            }
        };
        (Driver { client, base: base.to_owned() }, chromedriver)
    }

    pub(crate) async fn visit(&self, path: &str) {
        self.client.goto(&format!("{}{}", self.base, path)).await.unwrap();
    }

    pub(crate) async fn path(&self) -> String {
        let url = self.client.current_url().await.unwrap();
        match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_owned(),
        }
    }

    /// Clicks something that loads a new page, and waits until that page has loaded.
    pub(crate) async fn click(&self, css: &str) {
        self.client.execute("window.__upskillOldPage = true;", vec![]).await.unwrap();
        self.tick(css).await;
        let started = Instant::now();
        loop {
            let loaded = self
                .client
                .execute("return window.__upskillOldPage === undefined && document.readyState === 'complete';", vec![])
                .await
                .map(|v| v.as_bool() == Some(true))
                .unwrap_or(false);
            if loaded {
                return;
            }
            assert!(started.elapsed() < Duration::from_secs(15), "clicking {css} loaded no new page");
            actix_web::rt::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Clicks something that stays on the page (a checkbox, a radio button).
    pub(crate) async fn tick(&self, css: &str) {
        self.client.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("no {css}: {e}")).click().await.unwrap();
    }

    pub(crate) async fn fill(&self, css: &str, text: &str) {
        let field = self.client.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("no {css}: {e}"));
        field.clear().await.unwrap();
        field.send_keys(text).await.unwrap();
    }

    pub(crate) async fn texts(&self, css: &str) -> Vec<String> {
        let mut texts = Vec::new();
        for element in self.client.find_all(Locator::Css(css)).await.unwrap() {
            texts.push(element.text().await.unwrap().split_whitespace().collect::<Vec<_>>().join(" "));
        }
        texts
    }

    pub(crate) async fn attr(&self, css: &str, name: &str) -> String {
        let element = self.client.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("no {css}: {e}"));
        element.attr(name).await.unwrap().unwrap_or_default()
    }

    pub(crate) async fn sign_in(&self, email: &str) {
        self.visit("/login").await;
        self.fill("#email", email).await;
        self.fill("#password", DEMO_PASSWORD).await;
        self.click("form[action='/login'] button[type=submit]").await;
        assert_eq!(self.path().await, "/", "signing in as {email}");
    }

    pub(crate) async fn sign_out(&self) {
        self.click("form[action='/logout'] button").await;
        assert_eq!(self.path().await, "/login");
    }

    pub(crate) async fn status(&self) -> String {
        self.attr(".lead [data-status]", "data-status").await
    }

    /// Keeps a screenshot and the HTML of the current page for whoever reads the CI output.
    pub(crate) async fn save_artifacts(&self, name: &str) {
        let dir = artifacts_dir();
        let _ = std::fs::create_dir_all(&dir);
        if let Ok(png) = self.client.screenshot().await {
            let _ = std::fs::write(dir.join(format!("{name}.png")), png);
        }
        if let Ok(html) = self.client.source().await {
            let _ = std::fs::write(dir.join(format!("{name}.html")), html);
        }
        eprintln!("browser artifacts of {name} saved in {}", dir.display());
    }
}

/// Runs `journey` with a fresh app and browser; on failure saves the page, then fails.
async fn in_browser<F>(name: &str, journey: impl FnOnce(Driver) -> F)
where
    F: std::future::Future<Output = Driver>,
{
    in_browser_on(spawn_app().await, name, journey).await;
}

/// `in_browser` on an app prepared by the caller.
pub(crate) async fn in_browser_on<F>(app: TestApp, name: &str, journey: impl FnOnce(Driver) -> F)
where
    F: std::future::Future<Output = Driver>,
{
    let (driver, _chromedriver) = Driver::start(&app.address).await;
    let witness = driver.clone();
    let result = AssertUnwindSafe(journey(driver)).catch_unwind().await;
    if let Err(panic) = result {
        witness.save_artifacts(name).await;
        std::panic::resume_unwind(panic);
    }
    // The app (and its database) lives until the journey is over.
    drop(app);
}

#[actix_web::test]
#[ignore = "needs chromium and chromium-driver (installed by .ci/run)"]
async fn a_place_goes_from_application_to_completion_through_the_browser() {
    let app = spawn_app().await;
    let pool = app.pool.clone();
    in_browser_on(app, "journey", |d| async move {
        journey(&d, &pool).await;
        d
    })
    .await;
}

async fn journey(d: &Driver, pool: &upskill::db::DbPool) {
    // 1. Fiona filters the catalog to what she can apply for and applies to the
    //    apprenticeship intake with one seat left.
    d.sign_in("fiona.associate@upskill.example").await;
    d.visit("/programs").await;
    d.tick("#eligible").await;
    d.click("form.filters button[type=submit]").await;
    assert_eq!(d.path().await, "/programs?q=&kind=&category=&format=&eligible=1");
    let cards = d.texts("li.program-card h2").await;
    assert!(
        cards.contains(&"Amazon Apprenticeship".to_owned())
            && !cards.contains(&"Machine Learning University".to_owned())
    );
    d.click("li[data-program='amazon-apprenticeship'] h2 a").await;
    d.click("a.button-primary[href$='/apply']").await;
    let labels = d.texts("fieldset label").await;
    assert!(labels[0].contains("1 seat left"), "{labels:?}");
    d.tick("input[name='intake_id']").await;
    d.fill("#motivation", "I maintain our conveyor lines and want to become a certified technician.").await;
    d.click("form.stack button[type=submit]").await;
    let fiona_application = d.path().await;
    assert_eq!(d.status().await, "submitted");
    d.sign_out().await;

    // 2. Maria sees the notification, asks for changes; Fiona edits and resubmits;
    //    Maria approves.
    d.sign_in("maria.manager@upskill.example").await;
    assert_eq!(d.texts("nav a[href='/notifications'] .count").await, ["1"]);
    d.visit("/approvals").await;
    d.click("tbody tr td:nth-child(2) a").await;
    d.fill("#comment", "Please say which site you would work at during the on-the-job part.").await;
    d.click("button[formaction$='/request-changes']").await;
    d.sign_out().await;
    d.sign_in("fiona.associate@upskill.example").await;
    d.visit(&fiona_application).await;
    assert_eq!(d.status().await, "changes_requested");
    d.click("a[href$='/edit']").await;
    d.fill("#motivation", "I maintain our conveyor lines at BFI4 and want to become a certified technician there.")
        .await;
    d.click("form.stack button[type=submit]").await;
    assert_eq!(d.status().await, "submitted");
    d.sign_out().await;
    d.sign_in("maria.manager@upskill.example").await;
    d.visit(&fiona_application).await;
    d.click("button[formaction$='/approve']").await;
    d.sign_out().await;

    // 3. Ada approves the admin stage: Fiona has the seat. Paula applies to the same
    //    intake and ends up waitlisted; Fiona withdraws; Paula is promoted.
    d.sign_in("ada.admin@upskill.example").await;
    d.visit(&fiona_application).await;
    d.click("button[formaction$='/approve']").await;
    d.visit(&fiona_application).await;
    assert_eq!(d.status().await, "approved");
    d.sign_out().await;
    d.sign_in("paula.parttime@upskill.example").await;
    d.visit("/programs/amazon-apprenticeship/apply").await;
    d.tick("input[name='intake_id']").await;
    d.fill("#motivation", "I would like to train as a maintenance technician in our region.").await;
    d.click("form.stack button[type=submit]").await;
    let paula_application = d.path().await;
    d.sign_out().await;
    for approver in ["maria.manager@upskill.example", "ada.admin@upskill.example"] {
        d.sign_in(approver).await;
        d.visit(&paula_application).await;
        d.click("button[formaction$='/approve']").await;
        d.sign_out().await;
    }
    d.sign_in("paula.parttime@upskill.example").await;
    d.visit(&paula_application).await;
    assert_eq!(d.status().await, "waitlisted");
    assert_eq!(d.texts(".lead .next-step").await, ["1st in line on the waitlist"]);
    d.sign_out().await;
    d.sign_in("fiona.associate@upskill.example").await;
    d.visit(&fiona_application).await;
    d.click("a[href$='/withdraw']").await;
    d.click("form[action$='/withdraw'] button[type=submit]").await;
    assert_eq!(d.status().await, "withdrawn");
    d.sign_out().await;
    d.sign_in("paula.parttime@upskill.example").await;
    d.visit(&paula_application).await;
    assert_eq!(d.status().await, "approved");
    d.visit("/notifications").await;
    assert!(d.texts(".notification > p:first-child").await[0].contains("A seat became free"));
    d.sign_out().await;

    // 4. The intake started a month ago: Paula's place is in progress. She records her
    //    certificate; Ada checks and verifies it; the pledge tracker counts her.
    let paula_id: i32 = paula_application.rsplit('/').next().unwrap().parse().unwrap();
    {
        use diesel::prelude::*;
        use upskill::db::schema::{applications, intakes};
        let mut conn = pool.get().unwrap();
        let intake: Option<i32> =
            applications::table.find(paula_id).select(applications::intake_id).first(&mut conn).unwrap();
        let started = chrono::Utc::now().date_naive() - chrono::Days::new(30);
        diesel::update(intakes::table.find(intake.unwrap()))
            .set(intakes::starts_on.eq(started))
            .execute(&mut conn)
            .unwrap();
    }
    let finished = (chrono::Utc::now().date_naive() - chrono::Days::new(1)).to_string();
    d.sign_in("ada.admin@upskill.example").await;
    d.visit("/admin").await;
    let before = pledge_participants(d).await;
    d.sign_out().await;
    d.sign_in("paula.parttime@upskill.example").await;
    d.visit(&paula_application).await;
    assert_eq!(d.texts(".lead .status").await, ["In progress"]);
    d.fill("#credential_name", "Industrial Maintenance Technician").await;
    d.fill("#credential_id", "DOL-2026-4417").await;
    set_date(d, "completed_on", &finished).await;
    d.click("form.send-evidence button[type=submit]").await;
    assert_eq!(d.status().await, "completion_submitted");
    d.sign_out().await;
    d.sign_in("ada.admin@upskill.example").await;
    d.visit("/admin/verification").await;
    d.click(&format!("tr[data-application='{paula_id}'] a")).await;
    assert_eq!(d.attr("#confirm-completed_on", "value").await, finished, "the employee's date, prefilled");
    d.tick("#confirm-confirm").await;
    d.click("form.team-confirm button[type=submit]").await;
    d.visit(&paula_application).await;
    assert_eq!(d.status().await, "completed");
    d.visit("/admin").await;
    assert_eq!(pledge_participants(d).await, before + 1);
}

/// Sets a date input through the DOM: typing into one depends on the locale.
async fn set_date(d: &Driver, id: &str, date: &str) {
    d.client
        .execute(
            "document.getElementById(arguments[0]).value = arguments[1];",
            vec![Value::String(id.to_owned()), Value::String(date.to_owned())],
        )
        .await
        .unwrap();
}

/// The number of employees with a completed program, as the dashboard shows it.
async fn pledge_participants(d: &Driver) -> i64 {
    let text = d.texts("[data-value='participants']").await.join("");
    text.replace(',', "").parse().unwrap_or_else(|_| panic!("no participant count on the dashboard: {text:?}"))
}

/// Fills and sends the Career Choice form for `amount` dollars, for a term in 40 days
/// (returned).
async fn request_tuition_in_browser(d: &Driver, amount: &str) -> chrono::NaiveDate {
    d.visit("/programs/career-choice/apply").await;
    d.fill("#institution", "Seattle Central College").await;
    d.fill("#course_title", "Bookkeeping Certificate").await;
    let term = chrono::Utc::now().date_naive() + chrono::Days::new(40);
    // Set the date through the DOM: typing into a date input depends on the locale.
    d.client
        .execute(
            "document.getElementById('term_starts_on').value = arguments[0];",
            vec![Value::String(term.to_string())],
        )
        .await
        .unwrap();
    d.fill("#amount", amount).await;
    d.tick("#accept_terms").await;
    d.fill("#motivation", "I want to become the bookkeeper of our store.").await;
    d.click("form.stack button[type=submit]").await;
    term
}

#[actix_web::test]
#[ignore = "needs chromium and chromium-driver (installed by .ci/run)"]
async fn a_part_timer_over_her_tuition_cap_sees_the_error_at_the_amount_with_what_is_left() {
    in_browser("tuition-cap", |d| async move {
        d.sign_in("paula.parttime@upskill.example").await;
        let term = request_tuition_in_browser(&d, "3000").await;
        let year = term.format("%Y");
        assert_eq!(
            d.texts("#amount-error").await,
            [format!("This is more than you have left: you have $2,625 of $2,625 left for {year}.")]
        );
        assert_eq!(d.attr("#amount", "aria-describedby").await, "amount-hint amount-error");
        assert_eq!(d.attr("#amount", "value").await, "3000");
        d
    })
    .await;
}

#[actix_web::test]
#[ignore = "needs chromium and chromium-driver (installed by .ci/run)"]
async fn the_keyboard_alone_completes_the_apply_form_with_visible_focus() {
    in_browser("keyboard", |d| async move {
        d.sign_in("dev.engineer@upskill.example").await;
        d.visit("/programs/aws-training-and-certification/apply").await;
        let focus = "const e = document.activeElement; const s = getComputedStyle(e); \
                     return [e.id || e.tagName.toLowerCase() + ':' + (e.getAttribute('href') || e.textContent.trim()), \
                             s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 || s.boxShadow !== 'none'];";
        let mut order = Vec::new();
        for _ in 0..40 {
            d.client.active_element().await.unwrap().send_keys(&key(fantoccini::key::Key::Tab)).await.unwrap();
            let seen = d.client.execute(focus, vec![]).await.unwrap();
            let (name, visible) = (seen[0].as_str().unwrap_or("").to_owned(), seen[1].as_bool().unwrap_or(false));
            assert!(visible, "no visible focus on {name}");
            order.push(name.clone());
            if name == "motivation" {
                break;
            }
        }
        assert_eq!(order.first().map(String::as_str), Some("a:#main"), "the skip link comes first: {order:?}");
        assert_eq!(order.last().map(String::as_str), Some("motivation"), "{order:?}");
        let active = d.client.active_element().await.unwrap();
        active.send_keys("Cloud skills will help me automate the reports I build by hand.").await.unwrap();
        active.send_keys(&key(fantoccini::key::Key::Tab)).await.unwrap();
        let submit = d.client.execute(focus, vec![]).await.unwrap();
        assert_eq!(submit[0].as_str(), Some("button:Submit application"));
        d.client.active_element().await.unwrap().send_keys(&key(fantoccini::key::Key::Enter)).await.unwrap();
        let started = Instant::now();
        while !d.path().await.starts_with("/applications/") {
            assert!(started.elapsed() < Duration::from_secs(15), "Enter did not submit the form");
            actix_web::rt::time::sleep(Duration::from_millis(50)).await;
        }
        assert_eq!(d.status().await, "approved");
        d
    })
    .await;
}

/// Applications in every state a table shows, from people with long names and addresses,
/// so that the tables people act on have rows to lay out.
pub(crate) async fn fill_the_tables(app: &TestApp) {
    let fiona = signed_in(app, "fiona.associate").await;
    let paula = signed_in(app, "paula.parttime").await;
    let maria = signed_in(app, "maria.manager").await;
    let intake = intake_ids(app, "amazon-apprenticeship")[1].to_string();
    let decided = apply(&fiona, "amazon-apprenticeship", &[("intake_id", &intake)]).await;
    apply_for_tuition(&fiona).await;
    apply_for_tuition(&paula).await;
    let path = format!("/applications/{decided}/approve");
    maria.post_with_csrf(&path, &[("version", &version_of(app, decided))]).await;
    let today = chrono::Utc::now().date_naive().to_string();
    let delegation = [("delegate_email", "tom.techlead@upskill.example"), ("starts_on", &today), ("ends_on", &today)];
    maria.post_with_csrf("/team/delegations", &delegation).await;
}

#[actix_web::test]
#[ignore = "needs chromium and chromium-driver (installed by .ci/run)"]
async fn pages_work_on_a_375_pixel_wide_screen() {
    let app = spawn_app().await;
    fill_the_tables(&app).await;
    in_browser_on(app, "narrow", |d| async move {
        d.client.set_window_size(375, 800).await.unwrap();
        d.visit("/login").await;
        assert_fits(&d, "/login").await;
        let programs = [
            "amazon-technical-academy",
            "associate2tech",
            "machine-learning-university",
            "career-choice",
            "amazon-apprenticeship",
            "aws-training-and-certification",
        ];
        let pages: [(&str, Vec<String>); 4] = [
            (
                "dev.engineer",
                vec![
                    "/programs/machine-learning-university".to_owned(),
                    "/proposals".to_owned(),
                    "/proposals/new".to_owned(),
                ],
            ),
            ("fiona.associate", vec!["/applications".to_owned(), "/".to_owned()]),
            ("maria.manager", vec!["/approvals".to_owned(), "/team".to_owned()]),
            (
                "ada.admin",
                [
                    "/",
                    "/programs",
                    "/programs/amazon-apprenticeship/apply",
                    "/programs/career-choice/apply",
                    "/applications",
                    "/approvals",
                    "/team",
                    "/admin",
                    "/admin/programs",
                    "/admin/programs/new",
                    "/admin/programs/career-choice/edit",
                    "/admin/programs/amazon-apprenticeship/intakes",
                    "/admin/employees",
                    "/admin/employees/4",
                    "/admin/employees/import",
                    "/admin/applications",
                    "/admin/audit",
                    "/admin/proposals",
                    "/admin/settings",
                    "/account",
                    "/notifications",
                ]
                .iter()
                .map(|p| (*p).to_owned())
                .chain(programs.iter().map(|slug| format!("/programs/{slug}")))
                .collect(),
            ),
        ];
        for (person, paths) in pages {
            d.sign_in(&format!("{person}@upskill.example")).await;
            for path in paths {
                d.visit(&path).await;
                assert_fits(&d, &path).await;
            }
            d.sign_out().await;
        }
        // The tables people act on are cards here: each cell labelled by its column.
        d.sign_in("maria.manager@upskill.example").await;
        d.visit("/approvals").await;
        let display = "return getComputedStyle(document.querySelector('table.queue tbody tr')).display;";
        assert_eq!(d.client.execute(display, vec![]).await.unwrap(), "block");
        let label = "return getComputedStyle(document.querySelector('table.queue td[data-label=Program]'), '::before')\
                     .content;";
        assert_eq!(d.client.execute(label, vec![]).await.unwrap(), "\"Program: \"");
        // The review of a bulk approval, with what approving each would do, fits too.
        d.tick("input[name='application_id']").await;
        d.click("form[action='/approvals/approve'] button[type=submit]").await;
        assert_fits(&d, "the bulk approval review").await;
        // The administration's eight sections take three rows (of three, three and two).
        d.sign_out().await;
        d.sign_in("ada.admin@upskill.example").await;
        d.visit("/admin").await;
        let rows = "return new Set([...document.querySelectorAll('.admin-nav li')]\
                    .map(li => Math.round(li.getBoundingClientRect().top))).size;";
        assert_eq!(d.client.execute(rows, vec![]).await.unwrap(), 3, "rows of the administration's navigation");
        d
    })
    .await;
}

/// A special key, as `send_keys` takes it.
pub(crate) fn key(key: fantoccini::key::Key) -> String {
    char::from(key).to_string()
}

/// What lies outside its container on the current page: every element (but those taken
/// out of the flow, hidden, or drawn inside an SVG) whose box reaches past the inner edges
/// of its parent's box. A table that scrolls inside its box counts: it is cut off.
pub(crate) const OVERFLOWING: &str = "
    const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
        + (typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '')
        + [...e.attributes].filter(a => a.name.startsWith('data-')).map(a => '[' + a.name + '=' + a.value + ']').join('');
    const out = s => s.display === 'none' || s.visibility === 'hidden' || s.position === 'absolute'
        || s.position === 'fixed' || s.clipPath !== 'none';
    const found = [];
    const walk = parent => {
        const box = parent.getBoundingClientRect();
        const style = getComputedStyle(parent);
        const left = box.left + parseFloat(style.borderLeftWidth);
        const right = box.right - parseFloat(style.borderRightWidth);
        for (const child of parent.children) {
            const childStyle = getComputedStyle(child);
            if (out(childStyle)) continue;
            const r = child.getBoundingClientRect();
            if (r.width > 0 && r.height > 0 && (r.left < left - 1 || r.right > right + 1)) {
                found.push(name(child) + ' [' + Math.round(r.left) + ', ' + Math.round(r.right) + '] in ' + name(parent)
                    + ' [' + Math.round(left) + ', ' + Math.round(right) + ']');
            }
            if (child.namespaceURI !== 'http://www.w3.org/2000/svg') walk(child);
        }
    };
    walk(document.body);
    return found;";

/// No horizontal scrolling of the page, and nothing wider than its container.
pub(crate) async fn assert_fits(d: &Driver, path: &str) {
    let width = d.client.execute("return document.documentElement.scrollWidth;", vec![]).await.unwrap();
    let width = width.as_i64().unwrap_or(i64::MAX);
    assert!(width <= 375, "{path} is {width}px wide on a 375px screen");
    let found = d.client.execute(OVERFLOWING, vec![]).await.unwrap();
    let found: Vec<&str> = found.as_array().map(|a| a.iter().filter_map(|v| v.as_str()).collect()).unwrap_or_default();
    assert!(found.is_empty(), "{path} on a 375px screen:\n{}", found.join("\n"));
}

/// Where `.ci/run` installs axe-core (`npm install --prefix target/axe axe-core`).
pub(crate) fn axe_source() -> String {
    let path = std::env::var("UPSKILL_AXE_JS").map(PathBuf::from).unwrap_or_else(|_| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/axe/node_modules/axe-core/axe.min.js")
    });
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("axe-core not found at {} ({e}); see .ci/run", path.display()))
}

/// axe-core's violations on the current page: (rule, impact, nodes, help).
pub(crate) async fn axe(d: &Driver, source: &str) -> Vec<(String, String, u64, String)> {
    d.client.execute(source, vec![]).await.unwrap();
    let script = "const done = arguments[arguments.length - 1]; \
                  axe.run(document, { resultTypes: ['violations'] }) \
                     .then(r => done(r.violations.map(v => [v.id, v.impact || '', v.nodes.length, v.help]))) \
                     .catch(e => done([['axe-error', 'critical', 0, String(e)]]));";
    let found = d.client.execute_async(script, vec![]).await.unwrap();
    found
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .map(|v| {
            (
                v[0].as_str().unwrap_or("").to_owned(),
                v[1].as_str().unwrap_or("").to_owned(),
                v[2].as_u64().unwrap_or(0),
                v[3].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

#[actix_web::test]
#[ignore = "needs chromium, chromium-driver and axe-core (installed by .ci/run)"]
async fn axe_finds_no_serious_or_critical_accessibility_violations() {
    let source = axe_source();
    in_browser("axe", |d| async move {
        let mut report = Vec::new();
        let mut check = |page: &'static str, found: Vec<(String, String, u64, String)>| {
            for (rule, impact, nodes, help) in found {
                report.push(format!("{page}: {impact} {rule} ({nodes} node(s)): {help}"));
            }
        };
        // The harness itself must see a violation when there is one.
        d.visit("/login").await;
        d.client
            .execute(
                "document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/static/app.css\">');",
                vec![],
            )
            .await
            .unwrap();
        let planted = axe(&d, &source).await;
        assert!(planted.iter().any(|(rule, impact, _, _)| rule == "image-alt" && impact == "critical"), "{planted:?}");
        d.visit("/login").await;
        check("sign-in", axe(&d, &source).await);
        d.sign_in("paula.parttime@upskill.example").await;
        check("home", axe(&d, &source).await);
        d.visit("/programs").await;
        check("catalog", axe(&d, &source).await);
        d.visit("/programs/career-choice").await;
        check("program detail", axe(&d, &source).await);
        d.visit("/programs/career-choice/apply").await;
        d.fill("#amount", "12.345").await;
        d.click("form.stack button[type=submit]").await;
        check("apply form with errors", axe(&d, &source).await);
        d.visit("/programs/aws-training-and-certification/apply").await;
        d.fill("#motivation", "Cloud skills will help me automate the reports I build by hand.").await;
        d.click("form.stack button[type=submit]").await;
        check("application timeline", axe(&d, &source).await);
        d.visit("/account").await;
        check("account", axe(&d, &source).await);
        request_tuition_in_browser(&d, "900").await;
        d.sign_out().await;
        d.sign_in("maria.manager@upskill.example").await;
        d.visit("/approvals").await;
        d.tick("input[name='application_id']").await;
        d.click("form[action='/approvals/approve'] button[type=submit]").await;
        check("bulk approval review", axe(&d, &source).await);
        d.sign_out().await;
        d.sign_in("ada.admin@upskill.example").await;
        d.visit("/approvals").await;
        check("approvals queue", axe(&d, &source).await);
        d.visit("/admin").await;
        check("admin dashboard", axe(&d, &source).await);
        d.visit("/admin/programs/career-choice/edit").await;
        check("program form", axe(&d, &source).await);
        d.visit("/admin/employees/4").await;
        check("person record", axe(&d, &source).await);
        d.visit("/admin/provisioning").await;
        check("provisioning, no token", axe(&d, &source).await);
        d.fill("#name", "Okta production").await;
        d.click("form.stack button[type=submit]").await;
        check("provisioning, a new token", axe(&d, &source).await);
        if let Ok(dir) = std::env::var("UPSKILL_SCREENSHOTS") {
            // The page at 1280 px, as `docs/screenshots/admin-provisioning.png` shows it.
            let png = d.client.screenshot().await.unwrap();
            std::fs::write(PathBuf::from(dir).join("admin-provisioning.png"), png).unwrap();
        }
        for line in &report {
            eprintln!("axe: {line}");
        }
        let blocking: Vec<&String> =
            report.iter().filter(|l| l.contains(": serious ") || l.contains(": critical ")).collect();
        assert!(
            blocking.is_empty(),
            "serious or critical accessibility violations:\n{}",
            blocking.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n")
        );
        d
    })
    .await;
}
