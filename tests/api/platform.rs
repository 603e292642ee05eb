//! Health check, security headers, error pages, static assets and the demo seed.

use diesel::prelude::*;
use reqwest::StatusCode;
use upskill::db::schema::{employees, intakes, programs};

use crate::helpers::{attribute_values, spawn_app, texts};

#[actix_web::test]
async fn healthz_answers_ok_without_signing_in() {
    let app = spawn_app().await;
    let response = app.browser.get("/healthz").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.text().await.unwrap(), "ok");
}

fn assert_security_headers(response: &reqwest::Response) {
    let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    let csp = header("content-security-policy");
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert_eq!(header("x-frame-options"), "DENY");
    assert!(!header("referrer-policy").is_empty());
    assert_eq!(header("x-xss-protection"), "0");
    // Only behind https (`--secure-cookies`) is HSTS sent.
    assert!(header("strict-transport-security").is_empty());
}

#[actix_web::test]
async fn a_404_is_a_page_in_the_layout_with_the_security_headers() {
    let app = spawn_app().await;
    app.browser.sign_in("fiona.associate@upskill.example").await;
    let response = app.browser.get("/no/such/page").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_security_headers(&response);
    let body = response.text().await.unwrap();
    assert_eq!(texts(&body, "h1"), ["Page not found"]);
}

#[actix_web::test]
async fn signed_in_pages_are_not_cached_and_carry_the_security_headers() {
    let app = spawn_app().await;
    app.browser.sign_in("fiona.associate@upskill.example").await;
    for path in ["/", "/programs", "/programs/career-choice"] {
        let response = app.browser.get(path).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_security_headers(&response);
        assert_eq!(response.headers()["cache-control"], "no-store", "{path}");
    }
    let response = app.browser.get("/login").await;
    assert_security_headers(&response);
}

#[actix_web::test]
async fn the_stylesheet_is_served_cacheable_with_a_validator() {
    let app = spawn_app().await;
    let response = app.browser.get("/static/app.css").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "text/css; charset=utf-8");
    assert!(response.headers()["cache-control"].to_str().unwrap().starts_with("public"));
    let etag = response.headers()["etag"].to_str().unwrap().to_owned();
    assert!(response.text().await.unwrap().contains(":focus-visible"));

    let again =
        app.browser.client.get(app.browser.url("/static/app.css")).header("if-none-match", etag).send().await.unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert_eq!(app.browser.get("/static/missing.js").await.status(), StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn the_demo_seed_has_eight_people_six_programs_and_two_intakes_per_cohort_with_one_nearly_full() {
    let app = spawn_app().await;
    let mut conn = app.db();
    let people: i64 = employees::table.count().get_result(&mut conn).unwrap();
    assert_eq!(people, 8);
    let slugs: Vec<String> = programs::table.select(programs::slug).order(programs::slug).load(&mut conn).unwrap();
    assert_eq!(
        slugs,
        [
            "amazon-apprenticeship",
            "amazon-technical-academy",
            "associate2tech",
            "aws-training-and-certification",
            "career-choice",
            "machine-learning-university"
        ]
    );
    for slug in ["amazon-apprenticeship", "amazon-technical-academy", "associate2tech"] {
        let seats: Vec<i32> = intakes::table
            .inner_join(programs::table)
            .filter(programs::slug.eq(slug))
            .select(intakes::seats)
            .load(&mut conn)
            .unwrap();
        assert!(seats.len() >= 2, "{slug}");
        assert!(seats.contains(&1), "{slug} has no intake with one seat left");
    }
}

#[actix_web::test]
async fn seeding_the_demo_again_changes_nothing() {
    let app = spawn_app().await;
    let mut conn = app.db();
    let today = chrono::Utc::now().date_naive();
    assert!(!upskill::db::seed::seed_demo(&mut conn, today, "x").unwrap());
    assert_eq!(upskill::db::seed::seed_programs(&mut conn, today).unwrap(), 0);
    let people: i64 = employees::table.count().get_result(&mut conn).unwrap();
    let programs: i64 = programs::table.count().get_result(&mut conn).unwrap();
    assert_eq!((people, programs), (8, 6));
}

#[actix_web::test]
async fn the_navigation_fits_the_role() {
    let app = spawn_app().await;
    let cases = [
        ("fiona.associate@upskill.example", false, false),
        ("maria.manager@upskill.example", true, false),
        ("ada.admin@upskill.example", true, true),
    ];
    for (email, approvals, admin) in cases {
        let browser = app.new_browser();
        browser.sign_in(email).await;
        let (_, body) = browser.page("/").await;
        let nav = texts(&body, "nav.site-nav a").join(" | ");
        assert_eq!(nav.contains("Approvals"), approvals, "{email}: {nav}");
        assert_eq!(nav.contains("Admin"), admin, "{email}: {nav}");
    }
}

/// The error page, with its status, title and the security headers.
async fn assert_error_page(response: reqwest::Response, status: StatusCode, title: &str) {
    let what = response.url().to_string();
    assert_eq!(response.status(), status, "{what}");
    assert_security_headers(&response);
    assert_eq!(response.headers()["content-type"], "text/html; charset=utf-8", "{what}");
    let body = response.text().await.unwrap();
    assert_eq!(texts(&body, "h1"), [title], "{what}: {body}");
    assert!(body.contains("<link rel=\"stylesheet\""), "{what}: the page is in the layout");
}

#[actix_web::test]
async fn what_actix_cannot_read_gets_the_applications_error_page() {
    let app = spawn_app().await;
    app.browser.sign_in("ada.admin@upskill.example").await;
    let browser = &app.browser;
    for path in ["/applications/99999999999", "/admin/employees/abc", "/applications/-", "/programs/%FF%FE"] {
        assert_error_page(browser.get(path).await, StatusCode::NOT_FOUND, "Page not found").await;
    }
    for path in ["/admin/audit?subject=a&subject=b", "/programs?q=a&q=b", "/login?next=%2F&next=%2Fteam"] {
        assert_error_page(browser.get(path).await, StatusCode::BAD_REQUEST, "The request could not be read").await;
    }
    let json = browser
        .client
        .post(browser.url("/login"))
        .header("content-type", "application/json")
        .body(r#"{"email":"ada.admin@upskill.example","password":"x"}"#)
        .send()
        .await
        .unwrap();
    assert_error_page(json, StatusCode::UNSUPPORTED_MEDIA_TYPE, "The request could not be read").await;
    let too_large = browser
        .client
        .post(browser.url("/login"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("email={}", "a".repeat(upskill::startup::MAX_BODY_BYTES + 1)))
        .send()
        .await
        .unwrap();
    assert_error_page(too_large, StatusCode::PAYLOAD_TOO_LARGE, "That was too large").await;
    let path = browser.post_with_csrf("/team/delegations/abc/end", &[]).await;
    assert_error_page(path, StatusCode::NOT_FOUND, "Page not found").await;
}

#[actix_web::test]
async fn a_flash_message_shows_only_when_upskill_signed_it() {
    let app = spawn_app().await;
    let maria = crate::helpers::signed_in(&app, "maria.manager").await;
    let url: reqwest::Url = maria.base.parse().unwrap();
    let response = maria.post_with_csrf("/account/email", &[("delivery", "digest")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let signed = maria.cookie("upskill_flash").expect("a flash cookie");
    let (_, page) = maria.page("/account").await;
    assert_eq!(texts(&page, ".flash").len(), 1, "the real message shows");

    use base64::Engine;
    let encode = |text: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(text);
    let signature = signed.rsplit_once('.').unwrap().1;
    for forged in [
        encode("success:Your bonus is approved: confirm your bank details at evil.example"),
        format!("{}.{signature}", encode("error:Your account is locked: call 555-0100")),
        format!("{signed}x"),
    ] {
        maria.jar.add_cookie_str(&format!("upskill_flash={forged}; Path=/"), &url);
        let (status, page) = maria.page("/account").await;
        assert_eq!(status, StatusCode::OK);
        assert!(texts(&page, ".flash").is_empty(), "{forged}: {:?}", texts(&page, ".flash"));
    }
}

#[actix_web::test]
async fn the_icon_is_linked_from_every_page_and_served_at_the_conventional_address() {
    let app = spawn_app().await;
    let (_, login) = app.browser.page("/login").await;
    assert_eq!(attribute_values(&login, "link[rel='icon']", "href"), ["/static/favicon.svg"]);
    let svg = app.browser.get("/static/favicon.svg").await;
    assert_eq!(svg.status(), StatusCode::OK);
    assert_eq!(svg.headers()["content-type"], "image/svg+xml");
    assert!(svg.text().await.unwrap().starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    // Browsers and feed readers ask for /favicon.ico without looking at the page: no 404
    // in their console, no session started.
    let ico = app.browser.get("/favicon.ico").await;
    assert_eq!(ico.status(), StatusCode::OK);
    assert_eq!(ico.headers()["content-type"], "image/x-icon");
    assert!(ico.headers().get("set-cookie").is_none());
    let bytes = ico.bytes().await.unwrap();
    assert_eq!(&bytes[..4], &[0, 0, 1, 0], "an ICO file");
    assert_eq!(&bytes[22..26], b"\x89PNG", "holding a PNG");
}
