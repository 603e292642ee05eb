//! Two `upskill serve` processes on one database, as several app servers behind a load
//! balancer: sessions, decisions and notifications hold across them.

use diesel::prelude::*;
use reqwest::StatusCode;
use upskill::db::schema::{applications, programs};
use upskill::domain::ApplicationStatus;

use crate::helpers::{
    apply, attribute_values, employee_fixture, fresh_database, start_server, texts, ApplicationBuilder, Browser,
    ServerProcess as Server, TestDatabase,
};

/// Two servers on one fresh database with the demo data.
async fn two_servers() -> (Server, Server, String, TestDatabase) {
    let (url, guard) = fresh_database();
    let a = start_server(&url, &["--demo"]).await;
    let b = start_server(&url, &[]).await;
    (a, b, url, guard)
}

#[actix_web::test]
async fn a_session_made_on_one_server_is_valid_on_the_other_and_signing_out_anywhere_ends_it() {
    let (a, b, _url, _guard) = two_servers().await;
    let on_a = Browser::new(&a.base);
    on_a.sign_in("fiona.associate@upskill.example").await;
    let on_b = Browser::with_jar(&b.base, on_a.jar.clone());
    let (status, home) = on_b.page("/").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(texts(&home, ".user-name"), ["Fiona Associate"]);

    assert_eq!(on_b.post_with_csrf("/logout", &[]).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(on_a.get("/").await.status(), StatusCode::SEE_OTHER);
}

#[actix_web::test]
async fn a_notification_made_through_one_server_is_seen_through_the_other_at_once() {
    let (a, b, _url, _guard) = two_servers().await;
    let fiona = Browser::new(&a.base);
    fiona.sign_in("fiona.associate@upskill.example").await;
    let term = (chrono::Utc::now().date_naive() + chrono::Days::new(30)).to_string();
    apply(
        &fiona,
        "career-choice",
        &[
            ("institution", "UW"),
            ("course_title", "Statistics"),
            ("term_starts_on", &term),
            ("amount", "700"),
            ("accept_terms", "yes"),
        ],
    )
    .await;
    let maria = Browser::new(&b.base);
    maria.sign_in("maria.manager@upskill.example").await;
    let (_, inbox) = maria.page("/notifications").await;
    assert_eq!(texts(&inbox, "nav a[href='/notifications'] .count"), ["1"]);
    assert!(texts(&inbox, ".notification > p:first-child")[0].contains("Fiona Associate applied to Career Choice"));
}

#[actix_web::test]
async fn simultaneous_final_approvals_spread_over_two_servers_never_overbook_an_intake() {
    const APPLICANTS: usize = 50;
    const SEATS: i32 = 3;
    const ROUNDS: usize = 20;
    let (a, b, url, _guard) = two_servers().await;
    let pool = upskill::db::connect(&url, 2).unwrap();
    let ada_on_a = Browser::new(&a.base);
    ada_on_a.sign_in("ada.admin@upskill.example").await;
    let ada_on_b = Browser::with_jar(&b.base, ada_on_a.jar.clone());
    let token = ada_on_a.csrf_token().await;
    let mut conn = pool.get().unwrap();
    let program: i32 = programs::table
        .filter(programs::slug.eq("amazon-apprenticeship"))
        .select(programs::id)
        .first(&mut conn)
        .unwrap();
    // The seats are raced here, not the budget (its own tests race it): no budget to reach.
    diesel::update(programs::table.find(program))
        .set(programs::annual_budget_cents.eq(None::<i64>))
        .execute(&mut conn)
        .unwrap();
    let maria = {
        use upskill::db::schema::employees;
        employees::table
            .filter(employees::email.eq("maria.manager@upskill.example"))
            .select(employees::id)
            .first::<i32>(&mut conn)
            .unwrap()
    };
    for round in 0..ROUNDS {
        let intake = upskill::db::programs::insert_intake(
            &mut conn,
            &upskill::db::programs::NewIntake::first_come(
                program,
                format!("Cluster race {round}"),
                chrono::Utc::now().date_naive() + chrono::Days::new(120),
                SEATS,
            ),
        )
        .unwrap();
        let mut ids = Vec::with_capacity(APPLICANTS);
        for n in 0..APPLICANTS {
            let member = employee_fixture(
                &format!("cluster{round}-{n}@upskill.example"),
                &format!("Cluster {round}-{n}"),
                Some(maria),
            );
            let person = upskill::db::employees::insert(&mut conn, &member).unwrap();
            ids.push(
                ApplicationBuilder::new(person, program, ApplicationStatus::ManagerApproved)
                    .intake(intake)
                    .approver(maria)
                    .undecided()
                    .insert(&mut conn),
            );
        }
        let requests = ids.iter().enumerate().map(|(n, id)| {
            let server = if n % 2 == 0 { &ada_on_a } else { &ada_on_b };
            let url = server.url(&format!("/applications/{id}/approve"));
            let client = server.client.clone();
            let fields = [("csrf_token", token.clone()), ("version", "2".to_owned())];
            async move { client.post(url).form(&fields).send().await.unwrap().status() }
        });
        let statuses = futures_util::future::join_all(requests).await;
        assert!(statuses.iter().all(|s| *s == StatusCode::SEE_OTHER), "round {round}: {statuses:?}");
        let outcome: Vec<String> = applications::table
            .filter(applications::intake_id.eq(intake))
            .select(applications::status)
            .load(&mut conn)
            .unwrap();
        let approved = outcome.iter().filter(|s| *s == "approved").count();
        assert_eq!(approved, usize::try_from(SEATS).unwrap(), "round {round}: {approved} approved");
        assert_eq!(outcome.iter().filter(|s| *s == "waitlisted").count(), APPLICANTS - approved, "round {round}");
    }
}

/// The catalog a server keeps in memory (PostgreSQL) follows changes made through
/// another server: archived, a program leaves it; published again, it comes back.
#[actix_web::test]
async fn a_program_archived_or_published_through_one_server_changes_the_other_servers_catalog() {
    let (a, b, _url, _guard) = two_servers().await;
    let ada = Browser::new(&a.base);
    ada.sign_in("ada.admin@upskill.example").await;
    let fiona = Browser::new(&b.base);
    fiona.sign_in("fiona.associate@upskill.example").await;
    let listed = |html: &str| attribute_values(html, "[data-program]", "data-program");
    let catalog = |browser: &Browser| {
        let browser = browser.client.clone();
        let url = format!("{}/programs", b.base);
        async move { browser.get(url).send().await.unwrap().text().await.unwrap() }
    };
    assert!(listed(&catalog(&fiona).await).contains(&"career-choice".to_owned()));

    for (action, expect_listed) in [("archive", false), ("publish", true)] {
        let response = ada.post_with_csrf(&format!("/admin/programs/career-choice/{action}"), &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{action}");
        let started = std::time::Instant::now();
        loop {
            let now_listed = listed(&catalog(&fiona).await).contains(&"career-choice".to_owned());
            if now_listed == expect_listed {
                break;
            }
            assert!(started.elapsed() < std::time::Duration::from_secs(2), "{action} not seen by the other server");
            actix_web::rt::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }
}

/// The sign-in limits hold for the cluster: the failures are counted in the database, so
/// two servers do not allow twice the attempts. The 101st wrong password of an hour is
/// refused whichever server gets it, and so is the right one after it.
#[actix_web::test]
async fn the_hundred_and_first_sign_in_attempt_of_an_hour_is_refused_on_either_server() {
    let (url, _guard) = fresh_database();
    let relaxed = ["--login-attempts-per-address-per-minute", "10000"];
    let a = start_server(&url, &[&["--demo"][..], &relaxed[..]].concat()).await;
    let b = start_server(&url, &relaxed).await;
    let (on_a, on_b) = (Browser::new(&a.base), Browser::new(&b.base));
    for attempt in 1..=100 {
        let browser = if attempt % 2 == 0 { &on_a } else { &on_b };
        let response = browser.sign_in_with("paula.parttime@upskill.example", "wrong-password", "").await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "attempt {attempt}");
    }
    for browser in [&on_a, &on_b] {
        let response = browser.sign_in_with("paula.parttime@upskill.example", "wrong-password", "").await;
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS, "the 101st, on {}", browser.base);
        let response = browser.sign_in_with("paula.parttime@upskill.example", crate::helpers::DEMO_PASSWORD, "").await;
        assert_eq!(
            response.status(),
            StatusCode::TOO_MANY_REQUESTS,
            "the right password after it, on {}",
            browser.base
        );
    }
    // Someone else signs in on either server.
    for browser in [&on_a, &on_b] {
        let response = browser.sign_in_with("fiona.associate@upskill.example", crate::helpers::DEMO_PASSWORD, "").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
}
