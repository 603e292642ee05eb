//! Trusted-header single sign-on (`--auth header`) behind a real reverse proxy: nginx,
//! started by the test as an ordinary process, plays the company's authenticating proxy.
//! It asks for a password (basic auth against a file of accounts), passes the signed-in
//! name on in `X-Forwarded-Email`, and connects to the app from 127.0.0.2, the only
//! address the app trusts. The test client itself connects from 127.0.0.1.

use std::io::Write;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use diesel::prelude::*;
use reqwest::cookie::Jar;
use reqwest::header::{HeaderMap, HeaderValue, AUTHORIZATION};
use reqwest::StatusCode;
use upskill::config::AuthMode;
use upskill::db::schema::{audit_log, employee_history, employees, sessions};

use crate::helpers::{
    apply, attribute_values, employee_id, free_port, location, spawn_app_with, texts, Browser, TestApp,
};

/// The address nginx connects to the app from; the only one the app trusts.
const PROXY_ADDRESS: &str = "127.0.0.2";

/// The people the proxy knows (any of them signs in with the password `pw`).
const PROXY_ACCOUNTS: [&str; 4] = [
    "fiona.associate@upskill.example",
    "Ada.Admin@Upskill.example",
    "paula.parttime@upskill.example",
    "newcomer.nina@upskill.example",
];

/// A running nginx; stopped when dropped.
struct Nginx {
    child: Child,
    base: String,
    dir: tempfile::TempDir,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Nginx {
    fn error_log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("error.log")).unwrap_or_default()
    }
}

/// Debian installs nginx in /usr/sbin, which is not on every PATH.
fn nginx_binary() -> String {
    ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"]
        .into_iter()
        .find(|path| std::path::Path::new(path).exists())
        .unwrap_or("nginx")
        .to_owned()
}

/// Starts nginx on a free port in front of the app at `app_port`, with its pid file, logs
/// and temporary files in a directory of its own. Besides `/` (password required, the
/// person passed on in the header) it serves `/unauthenticated/…`, which reaches the app
/// without anyone named (and without any header the client sent).
fn start_nginx(app_port: u16) -> Nginx {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).display().to_string();
    let mut people = std::fs::File::create(path("people")).unwrap();
    for account in PROXY_ACCOUNTS {
        writeln!(people, "{account}:{{PLAIN}}pw").unwrap();
    }
    let port = free_port();
    let upstream = format!("http://127.0.0.1:{app_port}");
    let config = format!(
        r#"daemon off;
master_process off;
pid {pid};
error_log {error_log} info;
events {{ worker_connections 64; }}
http {{
    access_log {access_log};
    client_body_temp_path {temp}/client_body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    server {{
        listen 127.0.0.1:{port};
        location / {{
            auth_basic "Company sign-in";
            auth_basic_user_file {people};
            proxy_pass {upstream};
            proxy_bind {PROXY_ADDRESS};
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-Email $remote_user;
            proxy_set_header Authorization "";
        }}
        location /unauthenticated/ {{
            proxy_pass {upstream}/;
            proxy_bind {PROXY_ADDRESS};
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-Email "";
        }}
    }}
}}
"#,
        pid = path("nginx.pid"),
        error_log = path("error.log"),
        access_log = path("access.log"),
        temp = dir.path().display(),
        people = path("people"),
    );
    std::fs::write(path("nginx.conf"), config).unwrap();
    let child = Command::new(nginx_binary())
        .args(["-p", &path(""), "-c", &path("nginx.conf"), "-e", &path("error.log")])
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start nginx ({e}): install it with `apt-get install nginx` (.ci/run does)"));
    let mut nginx = Nginx { child, base: format!("http://127.0.0.1:{port}"), dir };
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Ok(Some(status)) = nginx.child.try_wait() {
            panic!("nginx exited ({status}):\n{}", nginx.error_log());
        }
        assert!(started.elapsed() < Duration::from_secs(10), "nginx did not start:\n{}", nginx.error_log());
        std::thread::sleep(Duration::from_millis(20));
    }
    nginx
}

/// A browser that goes through the proxy signed in at the company as `account`.
fn through_proxy(nginx: &Nginx, account: &str) -> Browser {
    use base64::Engine;
    let credentials = base64::engine::general_purpose::STANDARD.encode(format!("{account}:pw"));
    let mut headers = HeaderMap::new();
    headers.insert(AUTHORIZATION, HeaderValue::from_str(&format!("Basic {credentials}")).unwrap());
    let jar = Arc::new(Jar::default());
    let client = reqwest::Client::builder()
        .cookie_provider(jar.clone())
        .redirect(reqwest::redirect::Policy::none())
        .default_headers(headers)
        .build()
        .unwrap();
    Browser { base: nginx.base.clone(), jar, client }
}

/// The app in header mode, trusting only the proxy's address, with nginx in front.
async fn app_behind_proxy(customize: impl FnOnce(&mut upskill::config::Settings)) -> (TestApp, Nginx) {
    let app = spawn_app_with(|settings| {
        settings.auth = AuthMode::Header;
        settings.trusted_proxies = vec![format!("{PROXY_ADDRESS}/32").parse().unwrap()];
        customize(settings);
    })
    .await;
    let port: u16 = app.address.rsplit(':').next().unwrap().parse().unwrap();
    let nginx = start_nginx(port);
    (app, nginx)
}

fn session_count(app: &TestApp) -> i64 {
    sessions::table.count().get_result(&mut app.db()).unwrap()
}

/// The `data-notice` of a sign-on page.
fn notice_of(body: &str) -> Vec<String> {
    attribute_values(body, "[data-notice]", "data-notice")
}

#[actix_web::test]
async fn a_person_signed_in_by_the_proxy_can_apply_with_a_working_csrf_token() {
    let (app, nginx) = app_behind_proxy(|_| {}).await;
    let fiona = through_proxy(&nginx, "fiona.associate@upskill.example");

    let (status, body) = fiona.page("/").await;
    assert_eq!(status, StatusCode::OK, "{}", nginx.error_log());
    assert_eq!(texts(&body, ".user-name"), ["Fiona Associate"]);
    assert_eq!(session_count(&app), 1, "one session for the person");

    let before = crate::helpers::count_applications(&app);
    apply(&fiona, "aws-training-and-certification", &[]).await;
    assert_eq!(crate::helpers::count_applications(&app), before + 1);

    // The session's CSRF token is checked as with passwords.
    let forged = fiona.post_form("/notifications/read", &[("csrf_token", "made-up")]).await;
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);

    // A header the person sends themselves is replaced by the proxy's.
    let response =
        fiona.client.get(fiona.url("/")).header("X-Forwarded-Email", "ada.admin@upskill.example").send().await.unwrap();
    let body = response.text().await.unwrap();
    assert_eq!(texts(&body, ".user-name"), ["Fiona Associate"]);
    assert_eq!(session_count(&app), 1, "page views reuse the session");
}

#[actix_web::test]
async fn when_the_proxy_names_someone_else_the_session_is_renewed_for_them() {
    let (app, nginx) = app_behind_proxy(|_| {}).await;
    let fiona = through_proxy(&nginx, "fiona.associate@upskill.example");
    assert_eq!(fiona.page("/").await.0, StatusCode::OK);
    let fiona_cookie = fiona.cookie("upskill").expect("a session cookie");

    // The same browser (same cookies), now signed in at the company as Ada (the proxy
    // passes the name as typed; Upskill compares e-mails in lower case).
    let ada = through_proxy(&nginx, "Ada.Admin@Upskill.example");
    let url: reqwest::Url = nginx.base.parse().unwrap();
    ada.jar.add_cookie_str(&format!("upskill={fiona_cookie}; Path=/"), &url);
    let (status, body) = ada.page("/").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(texts(&body, ".user-name"), ["Ada Admin"]);
    let ada_cookie = ada.cookie("upskill").unwrap();
    assert_ne!(ada_cookie, fiona_cookie, "the session id is renewed");
    let owners: Vec<Option<i32>> = sessions::table.select(sessions::employee_id).load(&mut app.db()).unwrap();
    assert_eq!(owners, [Some(employee_id(&app, "ada.admin@upskill.example"))], "Fiona's session is gone");
}

#[actix_web::test]
async fn a_forged_header_sent_straight_to_the_app_is_refused_and_logged() {
    let (app, nginx) = app_behind_proxy(|_| {}).await;
    let direct = app.new_browser();
    for path in ["/", "/login", "/admin", "/programs"] {
        let response = direct
            .client
            .get(direct.url(path))
            .header("X-Forwarded-Email", "ada.admin@upskill.example")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{path}");
        let body = response.text().await.unwrap();
        assert_eq!(notice_of(&body), ["untrusted-address"], "{path}");
        assert!(texts(&body, ".user-name").is_empty());
    }
    let forged = direct
        .client
        .post(direct.url("/login"))
        .header("X-Forwarded-Email", "ada.admin@upskill.example")
        .form(&[("email", "ada.admin@upskill.example"), ("password", "upskill-demo")])
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), StatusCode::FORBIDDEN);
    assert_eq!(session_count(&app), 0, "no session for a refused request");

    // Nor does a session got through the proxy work from elsewhere.
    let fiona = through_proxy(&nginx, "fiona.associate@upskill.example");
    assert_eq!(fiona.page("/").await.0, StatusCode::OK);
    let cookie = fiona.cookie("upskill").unwrap();
    let stolen = direct.client.get(direct.url("/")).header("Cookie", format!("upskill={cookie}")).send().await.unwrap();
    assert_eq!(stolen.status(), StatusCode::FORBIDDEN);

    // The health check stays open to the load balancer.
    assert_eq!(direct.page("/healthz").await.0, StatusCode::OK);
}

#[actix_web::test]
async fn an_unknown_email_is_asked_to_have_hr_add_them_and_nothing_is_stored() {
    let (app, nginx) = app_behind_proxy(|_| {}).await;
    let nina = through_proxy(&nginx, "newcomer.nina@upskill.example");
    let (status, body) = nina.page("/programs").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(notice_of(&body), ["not-in-upskill"]);
    assert_eq!(texts(&body, "h1"), ["You are not in Upskill yet"]);
    assert!(body.contains("Ask HR to add you"), "{body}");
    assert!(body.contains("newcomer.nina@upskill.example"));
    let known: i64 = employees::table
        .filter(employees::email.eq("newcomer.nina@upskill.example"))
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(known, 0);
    assert_eq!(session_count(&app), 0);
}

#[actix_web::test]
async fn with_provisioning_an_unknown_email_becomes_an_employee_with_an_audit_line() {
    let (app, nginx) = app_behind_proxy(|settings| settings.auth_provision = true).await;
    let nina = through_proxy(&nginx, "newcomer.nina@upskill.example");
    let (status, body) = nina.page("/").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(texts(&body, ".user-name"), ["Newcomer Nina"]);
    // A second page view finds the same person.
    assert_eq!(nina.page("/programs").await.0, StatusCode::OK);

    let (title, family, site, employment, hire_date, manager, admin, password, active): (
        String,
        String,
        String,
        String,
        chrono::NaiveDate,
        Option<i32>,
        bool,
        Option<String>,
        bool,
    ) = employees::table
        .filter(employees::email.eq("newcomer.nina@upskill.example"))
        .select((
            employees::job_title,
            employees::job_family,
            employees::site_type,
            employees::employment_type,
            employees::hire_date,
            employees::manager_id,
            employees::is_admin,
            employees::password_hash,
            employees::active,
        ))
        .first(&mut app.db())
        .unwrap();
    assert_eq!(
        (title.as_str(), family.as_str(), site.as_str(), employment.as_str()),
        ("Employee", "corporate", "corporate_office", "full_time")
    );
    assert_eq!(hire_date, chrono::Utc::now().date_naive());
    assert_eq!((manager, admin, password, active), (None, false, None, true));
    let audit: Vec<(String, String, Option<i32>)> = audit_log::table
        .filter(audit_log::action.eq("employee.provisioned"))
        .select((audit_log::subject, audit_log::details, audit_log::actor_id))
        .load(&mut app.db())
        .unwrap();
    let nina_id = employee_id(&app, "newcomer.nina@upskill.example");
    assert_eq!(
        audit,
        [(
            "newcomer.nina@upskill.example".to_owned(),
            "created at first sign-in (header single sign-on)".to_owned(),
            Some(nina_id)
        )]
    ); // Her job history starts with one row from the sign-in, in the same transaction.
    let history: Vec<(String, bool, chrono::NaiveDate)> = employee_history::table
        .filter(employee_history::employee_id.eq(nina_id))
        .select((employee_history::source, employee_history::active, employee_history::effective_on))
        .load(&mut app.db())
        .unwrap();
    assert_eq!(history, [("provision".to_owned(), true, chrono::Utc::now().date_naive())]);
}

#[actix_web::test]
async fn a_deactivated_person_is_refused_even_while_signed_in() {
    let (app, nginx) = app_behind_proxy(|settings| settings.auth_provision = true).await;
    let paula_id = employee_id(&app, "paula.parttime@upskill.example");
    let paula = through_proxy(&nginx, "paula.parttime@upskill.example");
    assert_eq!(paula.page("/").await.0, StatusCode::OK);

    diesel::update(employees::table.find(paula_id)).set(employees::active.eq(false)).execute(&mut app.db()).unwrap();
    let response = paula.get("/").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "her session ends");
    let (status, body) = paula.page(&location(&response)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(notice_of(&body), ["deactivated"]);

    // A fresh browser is refused at once; provisioning does not bring her back.
    let (status, body) = through_proxy(&nginx, "paula.parttime@upskill.example").page("/programs").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(notice_of(&body), ["deactivated"]);
    assert_eq!(session_count(&app), 0);
}

#[actix_web::test]
async fn password_sign_in_is_off_and_the_sign_in_page_explains() {
    let (app, nginx) = app_behind_proxy(|_| {}).await;
    // Through the proxy but with nobody named (and a header of the client's own dropped).
    let anonymous = Browser::new(&format!("{}/unauthenticated", nginx.base));
    let response = anonymous.client.get(anonymous.url("/")).header("X-Forwarded-Email", "ada.admin@upskill.example");
    let response = response.send().await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/login");
    let (status, body) = anonymous.page("/login").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(notice_of(&body), ["company-sign-in"]);
    assert!(attribute_values(&body, "input[name='password']", "value").is_empty());
    assert!(texts(&body, "form").is_empty(), "no password form");

    let refused = anonymous
        .post_form("/login", &[("email", "fiona.associate@upskill.example"), ("password", "upskill-demo")])
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(notice_of(&refused.text().await.unwrap()), ["password-sign-in-off"]);
    assert_eq!(session_count(&app), 0);

    // Someone the proxy names who opens the sign-in page goes on to the page they asked for.
    let fiona = through_proxy(&nginx, "fiona.associate@upskill.example");
    let response = fiona.get("/login?next=/programs").await;
    assert_eq!((response.status(), location(&response)), (StatusCode::SEE_OTHER, "/programs".to_owned()));
}

#[actix_web::test]
async fn signing_out_ends_the_session_and_says_how_to_end_the_company_sign_in() {
    let (app, nginx) = app_behind_proxy(|_| {}).await;
    let fiona = through_proxy(&nginx, "fiona.associate@upskill.example");
    let token = fiona.csrf_token().await;
    let response = fiona.post_form("/logout", &[("csrf_token", &token)]).await;
    assert_eq!(response.status(), StatusCode::OK);
    let body = response.text().await.unwrap();
    assert_eq!(notice_of(&body), ["signed-out"]);
    assert!(body.contains("close the browser"));
    assert_eq!(session_count(&app), 0);
}

#[actix_web::test]
async fn signing_out_goes_to_the_proxys_sign_out_when_configured() {
    let logout = "https://sso.upskill.example/oauth2/sign_out";
    let (app, nginx) = app_behind_proxy(|settings| settings.auth_logout_url = Some(logout.to_owned())).await;
    let fiona = through_proxy(&nginx, "fiona.associate@upskill.example");
    let token = fiona.csrf_token().await;
    let response = fiona.post_form("/logout", &[("csrf_token", &token)]).await;
    assert_eq!((response.status(), location(&response)), (StatusCode::SEE_OTHER, logout.to_owned()));
    let csp = response.headers()["content-security-policy"].to_str().unwrap().to_owned();
    assert!(csp.contains("form-action 'self' https://sso.upskill.example;"), "{csp}");
    assert_eq!(session_count(&app), 0);
}

#[actix_web::test]
async fn header_mode_without_a_trusted_proxy_refuses_to_start() {
    let dir = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_upskill"))
        .args(["serve", "--bind", "127.0.0.1:0", "--auth", "header"])
        .arg("--database-url")
        .arg(dir.path().join("upskill.db"))
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--auth header needs --trusted-proxies"), "{stderr}");

    let output = Command::new(env!("CARGO_BIN_EXE_upskill"))
        .args(["serve", "--auth", "header", "--trusted-proxies", "10.0.0.0/8,not-an-address"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("\"not-an-address\" is not an address or a CIDR network"), "{stderr}");
}
