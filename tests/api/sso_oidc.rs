//! OpenID Connect single sign-on (`--auth oidc`) against a real provider: the certified
//! `oidc-provider` package run by Node.js with `tests/oidc/provider.mjs` (`.ci/run`
//! installs the package into target/oidc). The test drives the whole browser flow with
//! reqwest: the app's `/login`, the provider's login and consent forms, the callback.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use diesel::prelude::*;
use reqwest::{StatusCode, Url};
use upskill::config::{AuthMode, Secret, Settings};
use upskill::db::schema::{employees, sessions};

use crate::helpers::{
    apply, attribute_values, employee_id, form_fields, free_port, location, spawn_app_with, texts, Browser, TestApp,
};

const CLIENT_ID: &str = "upskill";
const CLIENT_SECRET: &str = "a-test-client-secret";

/// A running provider; stopped when dropped.
struct Provider {
    child: Child,
    issuer: String,
}

impl Drop for Provider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Where `.ci/run` installs oidc-provider (`npm install --prefix target/oidc oidc-provider@9`).
fn provider_modules() -> PathBuf {
    let modules = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/oidc/node_modules");
    assert!(
        modules.join("oidc-provider/lib/index.js").exists(),
        "oidc-provider is not installed at {}: run `npm install --prefix target/oidc oidc-provider@9` (.ci/run does)",
        modules.display()
    );
    modules
}

/// Starts the provider on a free port for a client whose callback is `redirect_uri`;
/// `claims_in_id_token` puts the e-mail claims in the ID token (else only userinfo has them).
async fn start_provider(redirect_uri: &str, claims_in_id_token: bool) -> Provider {
    let port = free_port();
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/oidc/provider.mjs");
    let child = Command::new("node")
        .arg(script)
        .env("OIDC_MODULES", provider_modules())
        .env("PORT", port.to_string())
        .env("CLIENT_ID", CLIENT_ID)
        .env("CLIENT_SECRET", CLIENT_SECRET)
        .env("REDIRECT_URI", redirect_uri)
        .env("CLAIMS_IN_ID_TOKEN", if claims_in_id_token { "1" } else { "0" })
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run node ({e}): Node.js 20 or later is needed"));
    let mut provider = Provider { child, issuer: format!("http://127.0.0.1:{port}") };
    let discovery = format!("{}/.well-known/openid-configuration", provider.issuer);
    let started = Instant::now();
    loop {
        if let Ok(response) = reqwest::get(&discovery).await {
            if response.status() == StatusCode::OK {
                return provider;
            }
        }
        if let Ok(Some(status)) = provider.child.try_wait() {
            panic!("the OpenID Connect provider exited ({status}); run tests/oidc/provider.mjs by hand to see why");
        }
        assert!(started.elapsed() < Duration::from_secs(20), "the OpenID Connect provider did not start");
        actix_web::rt::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The app in OpenID Connect mode and its provider.
async fn app_with_provider(claims_in_id_token: bool, customize: impl FnOnce(&mut Settings)) -> (TestApp, Provider) {
    let app_port = free_port();
    let redirect = format!("http://127.0.0.1:{app_port}/auth/oidc/callback");
    let provider = start_provider(&redirect, claims_in_id_token).await;
    let issuer = provider.issuer.clone();
    let app = spawn_app_with(|settings| {
        settings.bind = format!("127.0.0.1:{app_port}");
        configure_oidc(settings, &issuer, &redirect);
        customize(settings);
    })
    .await;
    (app, provider)
}

fn configure_oidc(settings: &mut Settings, issuer: &str, redirect: &str) {
    settings.auth = AuthMode::Oidc;
    settings.oidc.issuer_url = issuer.to_owned();
    settings.oidc.client_id = CLIENT_ID.to_owned();
    settings.oidc.client_secret = Some(Secret(CLIENT_SECRET.to_owned()));
    settings.oidc.redirect_url = redirect.to_owned();
}

/// Follows redirects (not into the app's callback), and returns the last response with
/// its URL.
async fn follow(browser: &Browser, mut url: Url, callback_prefix: &str) -> (Url, reqwest::Response) {
    for _ in 0..10 {
        let response = browser.client.get(url.clone()).send().await.unwrap();
        if !response.status().is_redirection() {
            return (url, response);
        }
        let next = url.join(&location(&response)).unwrap();
        if next.as_str().starts_with(callback_prefix) {
            return (next, response);
        }
        url = next;
    }
    panic!("too many redirects at {url}");
}

/// The callback URL the provider sends the browser to after `login` signs in (and
/// consents), starting from the app's `/login?next=…`; the callback is not visited.
async fn provider_sends_back(app: &TestApp, browser: &Browser, login: &str, next: &str) -> Url {
    let callback = format!("{}/auth/oidc/callback", app.address);
    let start = browser.get(&format!("/login?next={}", upskill::web::url_encode(next))).await;
    assert_eq!(start.status(), StatusCode::SEE_OTHER, "the app sends the browser to the provider");
    let mut url: Url = location(&start).parse().unwrap();
    assert!(url.query().unwrap_or_default().contains("code_challenge_method=S256"), "PKCE: {url}");
    for _ in 0..4 {
        let (at, response) = follow(browser, url.clone(), &callback).await;
        if at.as_str().starts_with(&callback) {
            return at;
        }
        assert_eq!(response.status(), StatusCode::OK, "the provider's page at {at}");
        let page = response.text().await.unwrap();
        let action = attribute_values(&page, "form", "action").into_iter().next().expect("a form at the provider");
        let mut fields = form_fields(&page, "form");
        for (name, value) in fields.iter_mut() {
            match name.as_str() {
                "login" => *value = login.to_owned(),
                "password" => *value = "any password".to_owned(),
                _ => {}
            }
        }
        let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let submitted = browser.client.post(at.join(&action).unwrap()).form(&pairs).send().await.unwrap();
        assert!(submitted.status().is_redirection(), "the provider took the form at {at}");
        url = at.join(&location(&submitted)).unwrap();
        if url.as_str().starts_with(&callback) {
            return url;
        }
    }
    panic!("the provider did not send the browser back");
}

/// Visits the callback URL; returns the response.
async fn visit(browser: &Browser, url: &Url) -> reqwest::Response {
    browser.client.get(url.clone()).send().await.unwrap()
}

fn session_count(app: &TestApp) -> i64 {
    sessions::table.count().get_result(&mut app.db()).unwrap()
}

fn notice_of(body: &str) -> Vec<String> {
    attribute_values(body, "[data-notice]", "data-notice")
}

/// The same URL with its `state` replaced.
fn with_state(url: &Url, state: &str) -> Url {
    let pairs: Vec<(String, String)> = url
        .query_pairs()
        .map(|(k, v)| {
            let value = if k == "state" { state.to_owned() } else { v.into_owned() };
            (k.into_owned(), value)
        })
        .collect();
    let mut forged = url.clone();
    forged.query_pairs_mut().clear().extend_pairs(pairs);
    forged
}

#[actix_web::test]
async fn signing_in_at_the_provider_signs_in_the_right_person_and_returns_to_the_page_asked_for() {
    let (app, _provider) = app_with_provider(true, |_| {}).await;
    let browser = app.new_browser();
    let asked = browser.get("/programs?q=cloud").await;
    assert_eq!(location(&asked), "/login?next=%2Fprograms%3Fq%3Dcloud");

    let callback = provider_sends_back(&app, &browser, "fiona.associate@upskill.example", "/programs?q=cloud").await;
    assert_eq!(session_count(&app), 0, "an anonymous visitor leaves no session row");
    let response = visit(&browser, &callback).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/programs?q=cloud");
    let (status, body) = browser.page("/").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(texts(&body, ".user-name"), ["Fiona Associate"]);
    assert_eq!(texts(&body, "[role=status].flash"), ["Welcome, Fiona Associate."]);
    let owners: Vec<Option<i32>> = sessions::table.select(sessions::employee_id).load(&mut app.db()).unwrap();
    assert_eq!(owners, [Some(employee_id(&app, "fiona.associate@upskill.example"))]);

    // A real session: forms carry its CSRF token.
    let before = crate::helpers::count_applications(&app);
    apply(&browser, "aws-training-and-certification", &[]).await;
    assert_eq!(crate::helpers::count_applications(&app), before + 1);

    // Password sign-in is off.
    let refused = app.new_browser().post_form("/login", &[("email", "fiona.associate@upskill.example")]).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(notice_of(&refused.text().await.unwrap()), ["password-sign-in-off"]);
}

#[actix_web::test]
async fn a_replayed_or_forged_state_is_refused() {
    let (app, _provider) = app_with_provider(true, |_| {}).await;

    // Forged: the browser started a sign-in, but the answer carries another state.
    let browser = app.new_browser();
    let callback = provider_sends_back(&app, &browser, "ada.admin@upskill.example", "/").await;
    let response = visit(&browser, &with_state(&callback, "forged-state")).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(notice_of(&response.text().await.unwrap()), ["stale-sign-in"]);
    // The sign-in cookie was good for one callback: the genuine answer is now refused too.
    let response = visit(&browser, &callback).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(browser.get("/").await.status(), StatusCode::SEE_OTHER, "not signed in");

    // Replayed: after a good sign-in, the same answer again, in the same browser or another.
    let fiona = app.new_browser();
    let callback = provider_sends_back(&app, &fiona, "fiona.associate@upskill.example", "/").await;
    assert_eq!(visit(&fiona, &callback).await.status(), StatusCode::SEE_OTHER);
    for replayer in [&fiona, &app.new_browser()] {
        let response = visit(replayer, &callback).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        assert_eq!(notice_of(&response.text().await.unwrap()), ["stale-sign-in"]);
    }
    // An attacker's own sign-in cookie does not make someone else's answer theirs.
    let attacker = app.new_browser();
    let _ = attacker.get("/login").await;
    let response = visit(&attacker, &callback).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(session_count(&app), 1, "only Fiona's session");
}

#[actix_web::test]
async fn an_unverified_email_is_refused_and_a_verified_one_read_from_userinfo_is_accepted() {
    // This provider keeps the e-mail claims at its userinfo endpoint.
    let (app, _provider) = app_with_provider(false, |_| {}).await;
    let carl = app.new_browser();
    let callback = provider_sends_back(&app, &carl, "carl.corporate@upskill.example", "/").await;
    let response = visit(&carl, &callback).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let body = response.text().await.unwrap();
    assert_eq!(notice_of(&body), ["email-unverified"]);
    assert_eq!(carl.get("/").await.status(), StatusCode::SEE_OTHER, "Carl is not signed in");
    assert_eq!(session_count(&app), 0);

    let fiona = app.new_browser();
    let callback = provider_sends_back(&app, &fiona, "fiona.associate@upskill.example", "/").await;
    assert_eq!(visit(&fiona, &callback).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(texts(&fiona.page("/").await.1, ".user-name"), ["Fiona Associate"]);
}

#[actix_web::test]
async fn an_unknown_person_gets_the_hr_page_and_a_deactivated_one_is_refused() {
    let (app, _provider) = app_with_provider(true, |_| {}).await;
    let nina = app.new_browser();
    let callback = provider_sends_back(&app, &nina, "newcomer.nina@upskill.example", "/").await;
    let response = visit(&nina, &callback).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let body = response.text().await.unwrap();
    assert_eq!(notice_of(&body), ["not-in-upskill"]);
    assert!(body.contains("Ask HR to add you"));

    let paula_id = employee_id(&app, "paula.parttime@upskill.example");
    diesel::update(employees::table.find(paula_id)).set(employees::active.eq(false)).execute(&mut app.db()).unwrap();
    let paula = app.new_browser();
    let callback = provider_sends_back(&app, &paula, "paula.parttime@upskill.example", "/").await;
    let response = visit(&paula, &callback).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(notice_of(&response.text().await.unwrap()), ["deactivated"]);
    assert_eq!(session_count(&app), 0);
}

#[actix_web::test]
async fn with_provisioning_an_unknown_person_is_created_with_the_name_the_provider_gives() {
    let (app, _provider) = app_with_provider(true, |settings| settings.auth_provision = true).await;
    let nina = app.new_browser();
    let callback = provider_sends_back(&app, &nina, "newcomer.nina@upskill.example", "/").await;
    assert_eq!(visit(&nina, &callback).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(texts(&nina.page("/").await.1, ".user-name"), ["Nina Newcomer"]);
    let (name, active): (String, bool) = employees::table
        .filter(employees::email.eq("newcomer.nina@upskill.example"))
        .select((employees::display_name, employees::active))
        .first(&mut app.db())
        .unwrap();
    assert_eq!((name.as_str(), active), ("Nina Newcomer", true));
}

#[actix_web::test]
async fn cancelling_at_the_provider_gives_a_clear_page_and_a_way_to_try_again() {
    let (app, provider) = app_with_provider(true, |_| {}).await;
    let browser = app.new_browser();
    let start = browser.get("/login").await;
    let callback = format!("{}/auth/oidc/callback", app.address);
    let (at, _) = follow(&browser, location(&start).parse().unwrap(), &callback).await;
    assert!(at.as_str().starts_with(&format!("{}/interaction/", provider.issuer)), "{at}");
    // The provider's "cancel" link.
    let (back, _) = follow(&browser, at.join(&format!("{}/abort", at.path())).unwrap(), &callback).await;
    assert!(back.query().unwrap_or_default().contains("error=access_denied"), "{back}");
    let response = visit(&browser, &back).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let body = response.text().await.unwrap();
    assert_eq!(notice_of(&body), ["cancelled"]);
    assert_eq!(attribute_values(&body, "a.button-primary", "href"), ["/login"]);
}

#[actix_web::test]
async fn a_provider_that_is_down_gives_a_503_page_and_no_session() {
    let down = format!("http://127.0.0.1:{}", free_port());
    let app = spawn_app_with(|settings| {
        let redirect = "http://127.0.0.1:1/auth/oidc/callback".to_owned();
        configure_oidc(settings, &down, &redirect);
    })
    .await;
    let browser = app.new_browser();
    let response = browser.get("/login?next=/programs").await;
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(response.headers()["retry-after"], "30");
    assert_eq!(notice_of(&response.text().await.unwrap()), ["provider-unavailable"]);
    // A callback without a sign-in in progress is a clear page too, never a 500.
    let (status, body) = browser.page("/auth/oidc/callback?code=x&state=y").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(notice_of(&body), ["stale-sign-in"]);
    assert_eq!(session_count(&app), 0);
}

#[actix_web::test]
async fn the_callback_is_not_there_with_password_sign_in() {
    let app = crate::helpers::spawn_app().await;
    let (status, _) = app.browser.page("/auth/oidc/callback?code=x&state=y").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
