//! Signing in and out, sessions, CSRF and throttling.

use diesel::prelude::*;
use reqwest::StatusCode;
use upskill::db::schema::{audit_log, email_preferences, sessions};

use crate::helpers::{
    attribute_values, employee_id, location, signed_in, spawn_app, spawn_app_with, texts, DEMO_PASSWORD,
};

#[actix_web::test]
async fn signing_in_with_the_right_password_lands_on_home_with_a_welcome() {
    let app = spawn_app().await;
    let response = app.browser.sign_in_with("fiona.associate@upskill.example", DEMO_PASSWORD, "").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/");

    let (status, body) = app.browser.page("/").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(texts(&body, ".user-name"), ["Fiona Associate"]);
    assert_eq!(texts(&body, "[role=status].flash"), ["Welcome, Fiona Associate."]);

    // The flash is shown once.
    let (_, again) = app.browser.page("/").await;
    assert!(texts(&again, ".flash").is_empty());
}

#[actix_web::test]
async fn email_is_matched_whatever_its_case_and_surrounding_spaces() {
    let app = spawn_app().await;
    let response = app.browser.sign_in_with("  Fiona.Associate@Upskill.Example ", DEMO_PASSWORD, "").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

#[actix_web::test]
async fn a_wrong_password_or_unknown_email_gets_the_same_generic_message_and_no_session() {
    let app = spawn_app().await;
    for (email, password) in [
        ("fiona.associate@upskill.example", "not-the-password"),
        ("nobody@upskill.example", DEMO_PASSWORD),
        ("not an email", DEMO_PASSWORD),
    ] {
        let browser = app.new_browser();
        let response = browser.sign_in_with(email, password, "").await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{email}");
        let body = response.text().await.unwrap();
        assert_eq!(texts(&body, ".error-summary"), ["The email or password is wrong."]);
        // The email typed is kept, the password is not.
        assert_eq!(attribute_values(&body, "input[name='email']", "value"), [email]);
        assert!(attribute_values(&body, "input[name='password']", "value").is_empty());
        assert_eq!(browser.page("/").await.0, StatusCode::SEE_OTHER);
    }
    let count: i64 = sessions::table.count().get_result(&mut app.db()).unwrap();
    assert_eq!(count, 0, "failed sign-ins must not create sessions");
}

#[actix_web::test]
async fn a_deactivated_person_cannot_sign_in() {
    use upskill::db::schema::employees;
    let app = spawn_app().await;
    diesel::update(employees::table.filter(employees::email.eq("carl.corporate@upskill.example")))
        .set(employees::active.eq(false))
        .execute(&mut app.db())
        .unwrap();
    let response = app.browser.sign_in_with("carl.corporate@upskill.example", DEMO_PASSWORD, "").await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
}

#[actix_web::test]
async fn deactivating_a_signed_in_person_ends_their_session_at_the_next_request() {
    use upskill::db::schema::employees;
    let app = spawn_app().await;
    app.browser.sign_in("carl.corporate@upskill.example").await;
    assert_eq!(app.browser.page("/").await.0, StatusCode::OK);
    diesel::update(employees::table.filter(employees::email.eq("carl.corporate@upskill.example")))
        .set(employees::active.eq(false))
        .execute(&mut app.db())
        .unwrap();
    let response = app.browser.get("/programs").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/login?next=%2Fprograms");
}

#[actix_web::test]
async fn signing_out_ends_the_session_on_the_server_so_a_replayed_cookie_is_refused() {
    let app = spawn_app().await;
    app.browser.sign_in("maria.manager@upskill.example").await;
    let stolen = app.browser.cookie("upskill").expect("no session cookie");

    let response = app.browser.post_with_csrf("/logout", &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/login");
    let count: i64 = sessions::table.count().get_result(&mut app.db()).unwrap();
    assert_eq!(count, 0);

    let replay = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let response = replay
        .get(format!("{}/programs", app.address))
        .header("cookie", format!("upskill={stolen}"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/login?next=%2Fprograms");
}

#[actix_web::test]
async fn the_sign_out_page_says_so() {
    let app = spawn_app().await;
    app.browser.sign_in("maria.manager@upskill.example").await;
    app.browser.post_with_csrf("/logout", &[]).await;
    let (status, body) = app.browser.page("/login").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(texts(&body, "[role=status].flash"), ["You have signed out."]);
}

#[actix_web::test]
async fn every_sign_in_gets_a_new_session_id() {
    let app = spawn_app().await;
    app.browser.sign_in("maria.manager@upskill.example").await;
    let first = app.browser.cookie("upskill").unwrap();
    app.browser.post_with_csrf("/logout", &[]).await;
    app.browser.sign_in("maria.manager@upskill.example").await;
    let second = app.browser.cookie("upskill").unwrap();
    assert_ne!(first, second);
}

#[actix_web::test]
async fn session_cookies_are_http_only_and_same_site() {
    let app = spawn_app().await;
    let response = app.browser.sign_in_with("dev.engineer@upskill.example", DEMO_PASSWORD, "").await;
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("upskill="))
        .expect("no session cookie")
        .to_owned();
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(cookie.contains("Path=/"), "{cookie}");
}

#[actix_web::test]
async fn secure_mode_names_the_cookie_host_prefixed_and_secure() {
    let app = spawn_app_with(|s| s.secure_cookies = true).await;
    let response = app.browser.sign_in_with("dev.engineer@upskill.example", DEMO_PASSWORD, "").await;
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("__Host-upskill="))
        .expect("no __Host- session cookie")
        .to_owned();
    assert!(cookie.contains("Secure"), "{cookie}");
    assert_eq!(response.headers().get("strict-transport-security").unwrap(), "max-age=31536000");
    // Every other cookie is Secure too, the flash message's included.
    let flash = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("upskill_flash="))
        .expect("no flash cookie after signing in")
        .to_owned();
    assert!(flash.contains("Secure"), "{flash}");
}

#[actix_web::test]
async fn anonymous_page_views_never_write_a_session_row() {
    let app = spawn_app().await;
    for path in ["/login", "/", "/programs", "/healthz", "/nowhere"] {
        app.browser.get(path).await;
    }
    let count: i64 = sessions::table.count().get_result(&mut app.db()).unwrap();
    assert_eq!(count, 0);
}

#[actix_web::test]
async fn page_views_of_a_signed_in_person_do_not_rewrite_the_session() {
    let app = spawn_app().await;
    app.browser.sign_in("fiona.associate@upskill.example").await;
    let seen = || -> (String, chrono::NaiveDateTime) {
        sessions::table.select((sessions::state, sessions::last_seen_at)).first(&mut app.db()).unwrap()
    };
    let before = seen();
    for _ in 0..5 {
        assert_eq!(app.browser.page("/programs").await.0, StatusCode::OK);
    }
    assert_eq!(seen(), before);
}

#[actix_web::test]
async fn an_idle_session_expires() {
    let app = spawn_app().await;
    app.browser.sign_in("fiona.associate@upskill.example").await;
    let long_ago = upskill::clock::now() - chrono::TimeDelta::hours(9);
    diesel::update(sessions::table).set(sessions::last_seen_at.eq(long_ago)).execute(&mut app.db()).unwrap();
    assert_eq!(app.browser.page("/").await.0, StatusCode::SEE_OTHER);
}

#[actix_web::test]
async fn a_session_past_its_absolute_expiry_ends_even_when_active() {
    let app = spawn_app().await;
    app.browser.sign_in("fiona.associate@upskill.example").await;
    let past = upskill::clock::now() - chrono::TimeDelta::minutes(1);
    diesel::update(sessions::table).set(sessions::expires_at.eq(past)).execute(&mut app.db()).unwrap();
    assert_eq!(app.browser.page("/").await.0, StatusCode::SEE_OTHER);
}

/// A server keeps the sessions it has read in memory (SQLite); what another process does
/// to a session row (a new password set from the command line, an operator's SQL, the
/// clock running out) still ends it at the next request, a page or a form.
#[actix_web::test]
async fn a_session_ended_behind_the_servers_back_ends_at_the_next_request() {
    type Change = fn(&crate::helpers::TestApp);
    let changes: [(&str, Change); 3] = [
        ("deleted", |app| {
            diesel::delete(sessions::table).execute(&mut app.db()).unwrap();
        }),
        ("idle", |app| {
            let long_ago = upskill::clock::now() - chrono::TimeDelta::hours(9);
            diesel::update(sessions::table).set(sessions::last_seen_at.eq(long_ago)).execute(&mut app.db()).unwrap();
        }),
        ("expired", |app| {
            let past = upskill::clock::now() - chrono::TimeDelta::minutes(1);
            diesel::update(sessions::table).set(sessions::expires_at.eq(past)).execute(&mut app.db()).unwrap();
        }),
    ];
    for (what, change) in changes {
        let app = spawn_app().await;
        app.browser.sign_in("fiona.associate@upskill.example").await;
        // Seen once, so that the server has the session in memory.
        assert_eq!(app.browser.page("/programs").await.0, StatusCode::OK, "{what}");
        let token = app.browser.csrf_token().await;
        change(&app);
        let response = app.browser.get("/programs").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "a page after the session was {what}");
        assert!(location(&response).starts_with("/login"), "{what}: {}", location(&response));
        let posted =
            app.browser.post_form("/account/email", &[("csrf_token", token.as_str()), ("delivery", "digest")]).await;
        assert!(
            posted.status() == StatusCode::FORBIDDEN || location(&posted).starts_with("/login"),
            "a form after the session was {what}: {} {}",
            posted.status(),
            location(&posted)
        );
        let digests: i64 = email_preferences::table
            .filter(email_preferences::daily_digest.eq(true))
            .count()
            .get_result(&mut app.db())
            .unwrap();
        assert_eq!(digests, 0, "{what}: the form changed nothing");
    }
}

#[actix_web::test]
async fn pages_redirect_anonymous_visitors_to_sign_in_and_back() {
    let app = spawn_app().await;
    let response = app.browser.get("/programs?kind=cohort&q=tech").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let target = location(&response);
    assert_eq!(target, "/login?next=%2Fprograms%3Fkind%3Dcohort%26q%3Dtech");

    let (_, form) = app.browser.page(&target).await;
    let next = crate::helpers::attribute_values(&form, "input[name='next']", "value").remove(0);
    assert_eq!(next, "/programs?kind=cohort&q=tech");
    let response = app.browser.sign_in_with("fiona.associate@upskill.example", DEMO_PASSWORD, &next).await;
    assert_eq!(location(&response), "/programs?kind=cohort&q=tech");
}

#[actix_web::test]
async fn next_only_accepts_local_paths() {
    let app = spawn_app().await;
    for evil in ["//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)", "evil", "/login"]
    {
        let browser = app.new_browser();
        let response = browser.sign_in_with("fiona.associate@upskill.example", DEMO_PASSWORD, evil).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(location(&response), "/", "next={evil}");
    }
}

#[actix_web::test]
async fn signing_in_without_the_form_token_is_refused() {
    let app = spawn_app().await;
    let response = app
        .browser
        .post_form(
            "/login",
            &[("email", "fiona.associate@upskill.example"), ("password", DEMO_PASSWORD), ("csrf_token", "guess")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

#[actix_web::test]
async fn posts_without_a_csrf_token_or_with_another_session_s_token_are_refused() {
    let app = spawn_app().await;
    app.browser.sign_in("maria.manager@upskill.example").await;
    let other = app.new_browser();
    other.sign_in("tom.techlead@upskill.example").await;
    let others_token = other.csrf_token().await;

    for fields in
        [vec![], vec![("csrf_token", "")], vec![("csrf_token", "wrong")], vec![("csrf_token", others_token.as_str())]]
    {
        let response = app.browser.post_form("/logout", &fields).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{fields:?}");
    }
    // Still signed in: nothing happened.
    assert_eq!(app.browser.page("/").await.0, StatusCode::OK);
}

#[actix_web::test]
async fn too_many_sign_in_attempts_for_one_account_are_refused_with_429() {
    let app = spawn_app_with(|s| s.login_attempts_per_account_per_hour = 3).await;
    for _ in 0..3 {
        let response = app.browser.sign_in_with("paula.parttime@upskill.example", "wrong-password", "").await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    let response = app.browser.sign_in_with("paula.parttime@upskill.example", DEMO_PASSWORD, "").await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let body = response.text().await.unwrap();
    assert!(texts(&body, ".error-summary")[0].starts_with("Too many sign-in attempts"));
    // Another account is not affected.
    let response = app.browser.sign_in_with("fiona.associate@upskill.example", DEMO_PASSWORD, "").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

#[actix_web::test]
async fn too_many_sign_in_attempts_from_one_address_are_refused_with_429() {
    let app = spawn_app_with(|s| s.login_attempts_per_address_per_minute = 2).await;
    for email in ["a@upskill.example", "b@upskill.example"] {
        let response = app.browser.sign_in_with(email, "x", "").await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    let response = app.browser.sign_in_with("fiona.associate@upskill.example", DEMO_PASSWORD, "").await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[actix_web::test]
async fn signing_out_everywhere_ends_every_session_of_the_person_and_only_theirs() {
    let app = spawn_app().await;
    let laptop = signed_in(&app, "fiona.associate").await;
    let phone = signed_in(&app, "fiona.associate").await;
    let maria = signed_in(&app, "maria.manager").await;

    let (status, account) = laptop.page("/account").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(texts(&account, "#sessions-heading + p"), ["In 2 browsers, this one included."]);
    let response = laptop.post_with_csrf("/account/sign-out-everywhere", &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/login");

    for browser in [&laptop, &phone] {
        let response = browser.get("/programs").await;
        assert_eq!(location(&response), "/login?next=%2Fprograms", "a session of Fiona survived");
    }
    assert_eq!(maria.get("/programs").await.status(), StatusCode::OK, "Maria's session was ended too");
    let audited: i64 = audit_log::table
        .filter(audit_log::action.eq("account.signed_out_everywhere"))
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(audited, 1);
}

#[actix_web::test]
async fn an_admin_ends_a_persons_sessions_from_their_record() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let ada = signed_in(&app, "ada.admin").await;
    let id = employee_id(&app, "fiona.associate@upskill.example");

    let (_, record) = ada.page(&format!("/admin/employees/{id}")).await;
    assert_eq!(texts(&record, "#sessions-heading + p"), ["Fiona Associate is signed in on one browser."]);
    let response = ada.post_with_csrf(&format!("/admin/employees/{id}/sessions/end"), &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, record) = ada.page(&location(&response)).await;
    assert_eq!(
        texts(&record, ".flash"),
        ["Ended 1 session of fiona.associate@upskill.example: they must sign in again."]
    );
    assert_eq!(texts(&record, "#sessions-heading + p"), ["Fiona Associate is not signed in anywhere."]);
    assert_eq!(location(&fiona.get("/").await), "/login");
    assert_eq!(ada.get("/").await.status(), StatusCode::OK);
}

/// ASVS 2.2.1: at most 100 failed attempts per hour on one account, by default.
#[actix_web::test]
async fn the_hundred_and_first_failed_sign_in_of_an_hour_is_refused_by_default() {
    let app = spawn_app_with(|s| s.login_attempts_per_address_per_minute = 10_000).await;
    for attempt in 1..=100 {
        let response = app.browser.sign_in_with("paula.parttime@upskill.example", "wrong-password", "").await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "attempt {attempt}");
    }
    let response = app.browser.sign_in_with("paula.parttime@upskill.example", DEMO_PASSWORD, "").await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
}

/// Signs in as Paula on the server at `base` through a proxy at 127.0.0.1 that forwards
/// `forwarded_for` (`X-Forwarded-For`); returns the status.
pub async fn sign_in_through_proxy(base: &str, forwarded_for: &str, password: &str) -> StatusCode {
    let (browser, address) = (crate::helpers::Browser::new(base), forwarded_for);
    let page = browser.client.get(browser.url("/login")).header("x-forwarded-for", address).send().await.unwrap();
    let token = attribute_values(&page.text().await.unwrap(), "input[name='csrf_token']", "value").remove(0);
    let form = [("email", "paula.parttime@upskill.example"), ("password", password), ("csrf_token", &token)];
    let response =
        browser.client.post(browser.url("/login")).header("x-forwarded-for", address).form(&form).send().await.unwrap();
    response.status()
}

/// OWASP's advice on lockout: failures are counted per account and address, so someone
/// guessing from elsewhere never locks the owner out; past a ceiling of failures on the
/// account from everywhere, only addresses that have not failed may still try.
#[actix_web::test]
async fn guessing_someones_password_from_elsewhere_does_not_lock_them_out() {
    let app = spawn_app_with(|s| {
        s.login_attempts_per_account_per_hour = 3;
        s.login_account_ceiling_per_hour = 6;
        s.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()];
    })
    .await;
    let (attacker, owner) = ("192.0.2.1", "198.51.100.7");
    for _ in 0..3 {
        assert_eq!(sign_in_through_proxy(&app.browser.base, attacker, "guess").await, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(sign_in_through_proxy(&app.browser.base, attacker, DEMO_PASSWORD).await, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        sign_in_through_proxy(&app.browser.base, owner, DEMO_PASSWORD).await,
        StatusCode::SEE_OTHER,
        "the owner signs in"
    );

    // Past the account's ceiling (six failures from everywhere), addresses that failed
    // are refused, while a fresh one still gets its try.
    for _ in 0..3 {
        assert_eq!(sign_in_through_proxy(&app.browser.base, "192.0.2.2", "guess").await, StatusCode::UNAUTHORIZED);
    }
    assert_eq!(sign_in_through_proxy(&app.browser.base, "192.0.2.3", "guess").await, StatusCode::UNAUTHORIZED);
    assert_eq!(sign_in_through_proxy(&app.browser.base, "192.0.2.3", "guess").await, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        sign_in_through_proxy(&app.browser.base, "192.0.2.4", "guess").await,
        StatusCode::UNAUTHORIZED,
        "one try"
    );
    assert_eq!(
        sign_in_through_proxy(&app.browser.base, "192.0.2.4", DEMO_PASSWORD).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(
        sign_in_through_proxy(&app.browser.base, "203.0.113.5", DEMO_PASSWORD).await,
        StatusCode::SEE_OTHER,
        "the owner elsewhere"
    );
    assert_eq!(
        sign_in_through_proxy(&app.browser.base, owner, DEMO_PASSWORD).await,
        StatusCode::SEE_OTHER,
        "and at their desk"
    );
}

#[actix_web::test]
async fn the_right_password_uses_up_no_allowance_and_forgets_that_addresss_failures() {
    let app = spawn_app_with(|s| s.login_attempts_per_account_per_hour = 3).await;
    for _ in 0..5 {
        let response = app.new_browser().sign_in_with("paula.parttime@upskill.example", DEMO_PASSWORD, "").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    for _ in 0..2 {
        let response = app.browser.sign_in_with("paula.parttime@upskill.example", "typo", "").await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    let response = app.new_browser().sign_in_with("paula.parttime@upskill.example", DEMO_PASSWORD, "").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    for _ in 0..2 {
        let response = app.browser.sign_in_with("paula.parttime@upskill.example", "typo", "").await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "the count started again");
    }
}
