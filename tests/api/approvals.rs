//! Deciding: the queue, decisions, seats and waitlists, delegation, manager changes.

use diesel::prelude::*;
use reqwest::StatusCode;
use upskill::db::schema::{application_events, applications, employees, intakes};
use upskill::domain::ApplicationStatus;

use crate::helpers::{
    apply, assert_stats_consistent, attribute_values, employee_fixture, employee_id, intake_ids, intake_name, location,
    program_id, set_manager, signed_in, spawn_app, status_of, texts, version_of, ApplicationBuilder, Browser, TestApp,
};

pub fn term() -> String {
    (chrono::Utc::now().date_naive() + chrono::Days::new(40)).to_string()
}

/// Fiona's Career Choice request for `amount` dollars.
pub async fn tuition_request(fiona: &Browser, amount: &str) -> i32 {
    let term = term();
    apply(
        fiona,
        "career-choice",
        &[
            ("institution", "Bellevue College"),
            ("course_title", "Cloud Computing"),
            ("term_starts_on", &term),
            ("amount", amount),
            ("accept_terms", "yes"),
        ],
    )
    .await
}

pub async fn decide(browser: &Browser, app: &TestApp, id: i32, action: &str, comment: &str) -> reqwest::Response {
    let version = version_of(app, id);
    browser
        .post_with_csrf(&format!("/applications/{id}/{action}"), &[("version", &version), ("comment", comment)])
        .await
}

pub fn event_count(app: &TestApp, id: i32) -> i64 {
    application_events::table
        .filter(application_events::application_id.eq(id))
        .count()
        .get_result(&mut app.db())
        .unwrap()
}

#[actix_web::test]
async fn a_manager_s_queue_lists_direct_reports_submitted_applications_oldest_first() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let tuition = tuition_request(&fiona, "1500").await;
    let paula = signed_in(&app, "paula.parttime").await;
    let intake = intake_ids(&app, "amazon-apprenticeship")[1].to_string();
    let cohort = apply(&paula, "amazon-apprenticeship", &[("intake_id", &intake)]).await;
    let dev = signed_in(&app, "dev.engineer").await;
    apply(&dev, "machine-learning-university", &[]).await;

    let maria = signed_in(&app, "maria.manager").await;
    let (status, body) = maria.page("/approvals").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(attribute_values(&body, "tbody tr", "data-application"), [tuition.to_string(), cohort.to_string()]);
    let cells = texts(&body, "tbody tr:first-child td");
    assert_eq!(cells[1], "Fiona Associate");
    assert_eq!(cells[2], "Career Choice");
    let year = &term()[..4];
    assert_eq!(cells[3], format!("$1,500 tuition $5,250 of $5,250 left for {year}"));
    assert_eq!(cells[4], "less than an hour");
    assert!(texts(&body, "tbody tr:nth-child(2) td")[3].starts_with(&intake_name(&app, intake.parse().unwrap())));
    assert_eq!(texts(&body, "nav a[href='/approvals'] .count"), ["2"]);

    let (_, filtered) = maria.page("/approvals?program=career-choice").await;
    assert_eq!(attribute_values(&filtered, "tbody tr", "data-application"), [tuition.to_string()]);

    // Tom decides for his own reports only.
    let tom = signed_in(&app, "tom.techlead").await;
    let (_, toms) = tom.page("/approvals").await;
    assert_eq!(attribute_values(&toms, "tbody tr", "data-application").len(), 1);
    // Employees have no queue.
    assert_eq!(fiona.page("/approvals").await.0, StatusCode::FORBIDDEN);
}

#[actix_web::test]
async fn approving_rejecting_and_asking_for_changes_update_both_sides_and_notify_the_employee() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let maria = signed_in(&app, "maria.manager").await;

    // Approve with a comment (manager-only program): the place is confirmed.
    let first = tuition_request(&fiona, "1000").await;
    let response = decide(&maria, &app, first, "approve", "Good plan.").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), format!("/applications/{first}"));
    assert_eq!(status_of(&app, first), "approved");
    let (_, page) = fiona.page(&format!("/applications/{first}")).await;
    assert_eq!(attribute_values(&page, ".lead [data-status]", "data-status"), ["approved"]);
    assert_eq!(texts(&page, "blockquote.comment"), ["Good plan."]);
    let (_, inbox) = fiona.page("/notifications").await;
    assert!(texts(&inbox, ".notification > p:first-child")[0]
        .contains("Maria Manager approved your application to Career Choice"));

    // Rejecting needs a reason: without one, 422 with the message at the comment field.
    fiona.post_with_csrf(&format!("/applications/{first}/withdraw"), &[("version", &version_of(&app, first))]).await;
    let second = tuition_request(&fiona, "900").await;
    let response = decide(&maria, &app, second, "reject", "   ").await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = response.text().await.unwrap();
    assert_eq!(texts(&body, "#comment-error"), ["Say why the application is rejected."]);
    assert_eq!(status_of(&app, second), "submitted");
    let response = decide(&maria, &app, second, "reject", "Not this year.").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, second), "rejected");

    // Asking for changes needs to say what.
    let third = tuition_request(&fiona, "800").await;
    assert_eq!(decide(&maria, &app, third, "request-changes", "").await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        decide(&maria, &app, third, "request-changes", "Add the course code.").await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(status_of(&app, third), "changes_requested");
    let (_, page) = fiona.page(&format!("/applications/{third}")).await;
    assert_eq!(attribute_values(&page, "a[href$='/edit']", "href"), [format!("/applications/{third}/edit")]);
    let (_, queue) = maria.page("/approvals").await;
    assert!(attribute_values(&queue, "tbody tr", "data-application").is_empty());
}

#[actix_web::test]
async fn an_admin_s_queue_has_the_admin_stage_and_people_without_a_manager() {
    let app = spawn_app().await;
    let paula = signed_in(&app, "paula.parttime").await;
    let intake = intake_ids(&app, "amazon-apprenticeship")[1].to_string();
    let cohort = apply(&paula, "amazon-apprenticeship", &[("intake_id", &intake)]).await;
    let maria = signed_in(&app, "maria.manager").await;
    decide(&maria, &app, cohort, "approve", "").await;

    let carl_id = employee_id(&app, "carl.corporate@upskill.example");
    diesel::update(employees::table.find(carl_id))
        .set(employees::manager_id.eq(None::<i32>))
        .execute(&mut app.db())
        .unwrap();
    let carl = signed_in(&app, "carl.corporate").await;
    let managerless = apply(&carl, "aws-training-and-certification", &[]).await;
    assert_eq!(status_of(&app, managerless), "approved", "no approval needed");
    let term = term();
    let managerless = apply(
        &carl,
        "career-choice",
        &[
            ("institution", "UW"),
            ("course_title", "Finance"),
            ("term_starts_on", &term),
            ("amount", "100"),
            ("accept_terms", "yes"),
        ],
    )
    .await;

    let ada = signed_in(&app, "ada.admin").await;
    let (_, queue) = ada.page("/approvals").await;
    assert_eq!(attribute_values(&queue, "tbody tr", "data-application"), [cohort.to_string(), managerless.to_string()]);
    assert_eq!(texts(&queue, "tbody tr td:last-child"), ["Program team", "Manager stage (no manager)"]);

    assert_eq!(decide(&ada, &app, managerless, "approve", "").await.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, managerless), "approved");
    assert_eq!(decide(&ada, &app, cohort, "approve", "").await.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, cohort), "approved");
}

#[actix_web::test]
async fn the_last_seat_goes_to_the_first_final_approval_and_the_next_one_waits_with_its_position() {
    let app = spawn_app().await;
    let one_seat = intake_ids(&app, "amazon-apprenticeship")[0].to_string();
    let fiona = signed_in(&app, "fiona.associate").await;
    let paula = signed_in(&app, "paula.parttime").await;
    let first = apply(&fiona, "amazon-apprenticeship", &[("intake_id", &one_seat)]).await;
    let second = apply(&paula, "amazon-apprenticeship", &[("intake_id", &one_seat)]).await;
    let maria = signed_in(&app, "maria.manager").await;
    let ada = signed_in(&app, "ada.admin").await;
    for id in [first, second] {
        decide(&maria, &app, id, "approve", "").await;
        decide(&ada, &app, id, "approve", "").await;
    }
    assert_eq!(status_of(&app, first), "approved");
    assert_eq!(status_of(&app, second), "waitlisted");
    let (_, mine) = paula.page("/applications").await;
    assert_eq!(texts(&mine, ".next-step"), ["1st in line on the waitlist"]);
    let (_, inbox) = paula.page("/notifications").await;
    assert!(texts(&inbox, ".notification > p:first-child")[0].contains("you are 1st in line on the waitlist"));

    // Fiona withdraws: Paula gets the seat in the same transaction, and hears of it.
    fiona.post_with_csrf(&format!("/applications/{first}/withdraw"), &[("version", &version_of(&app, first))]).await;
    assert_eq!(status_of(&app, second), "approved");
    let (_, inbox) = paula.page("/notifications").await;
    assert!(texts(&inbox, ".notification > p:first-child")[0].contains("A seat became free"));
    assert_stats_consistent(&app);
}

#[actix_web::test]
async fn rejecting_an_approved_place_promotes_the_waitlist_and_added_seats_promote_as_far_as_they_go() {
    let app = spawn_app().await;
    let intake = intake_ids(&app, "amazon-apprenticeship")[0];
    let seat = intake.to_string();
    let people = ["fiona.associate", "paula.parttime", "nate.newhire", "carl.corporate"];
    // Nate is too new for the apprenticeship; use the others.
    let mut ids = Vec::new();
    for person in people.iter().filter(|p| **p != "nate.newhire") {
        let browser = signed_in(&app, person).await;
        ids.push(apply(&browser, "amazon-apprenticeship", &[("intake_id", &seat)]).await);
    }
    let maria = signed_in(&app, "maria.manager").await;
    let tom = signed_in(&app, "tom.techlead").await;
    let ada = signed_in(&app, "ada.admin").await;
    for id in &ids {
        let manager = if *id == ids[2] { &tom } else { &maria };
        decide(manager, &app, *id, "approve", "").await;
        decide(&ada, &app, *id, "approve", "").await;
    }
    let statuses: Vec<String> = ids.iter().map(|id| status_of(&app, *id)).collect();
    assert_eq!(statuses, ["approved", "waitlisted", "waitlisted"]);

    assert_eq!(decide(&ada, &app, ids[0], "reject", "Role changed.").await.status(), StatusCode::SEE_OTHER);
    let statuses: Vec<String> = ids.iter().map(|id| status_of(&app, *id)).collect();
    assert_eq!(statuses, ["rejected", "approved", "waitlisted"]);

    // Fewer seats than taken is refused; more seats promote the waitlist.
    let path = "/admin/programs/amazon-apprenticeship/intakes";
    let (name, starts_on): (String, chrono::NaiveDate) =
        intakes::table.find(intake).select((intakes::name, intakes::starts_on)).first(&mut app.db()).unwrap();
    let starts_on = starts_on.to_string();
    let fields = |seats: &'static str| {
        [
            ("intake_id", seat.clone()),
            ("name", name.clone()),
            ("starts_on", starts_on.clone()),
            ("seats", seats.to_owned()),
        ]
    };
    let response = ada.post_with_csrf(path, &fields("0").each_ref().map(|(k, v)| (*k, v.as_str()))).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        texts(&response.text().await.unwrap(), ".field-error"),
        ["1 seat is taken: the intake can't have fewer."]
    );
    let response = ada.post_with_csrf(path, &fields("5").each_ref().map(|(k, v)| (*k, v.as_str()))).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, ids[2]), "approved");
    let seats: i32 = intakes::table.find(intake).select(intakes::seats).first(&mut app.db()).unwrap();
    assert_eq!(seats, 5);
    let (_, page) = ada.page(path).await;
    assert_eq!(texts(&page, &format!("[data-intake='{intake}'] .holders li")), ["Carl Corporate", "Paula Parttime"]);
    assert_stats_consistent(&app);
    assert_eq!(maria.page(path).await.0, StatusCode::FORBIDDEN);
}

#[actix_web::test]
async fn team_lists_a_manager_s_direct_reports_and_their_applications() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    apply(&fiona, "aws-training-and-certification", &[]).await;
    let maria = signed_in(&app, "maria.manager").await;
    let (status, body) = maria.page("/team").await;
    assert_eq!(status, StatusCode::OK);
    let people: Vec<String> =
        texts(&body, "tbody th").iter().map(|t| t.split(" Fulfillment").next().unwrap_or("").to_owned()).collect();
    assert_eq!(people.len(), 3);
    assert!(
        texts(&body, "tbody tr")[0].contains("Fiona Associate") && texts(&body, "tbody tr")[0].contains("AWS Training")
    );
    assert_eq!(attribute_values(&body, "tbody [data-status]", "data-status"), ["approved"]);
    assert_eq!(fiona.page("/team").await.0, StatusCode::FORBIDDEN);
}

#[actix_web::test]
async fn changing_an_employee_s_manager_moves_their_pending_applications_with_a_timeline_event() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let id = tuition_request(&fiona, "600").await;
    let fiona_id = employee_id(&app, "fiona.associate@upskill.example");
    let ada = signed_in(&app, "ada.admin").await;
    let response = set_manager(&ada, fiona_id, "tom.techlead@upskill.example").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    let maria = signed_in(&app, "maria.manager").await;
    let (_, marias) = maria.page("/approvals").await;
    assert!(attribute_values(&marias, "tbody tr", "data-application").is_empty());
    assert_eq!(decide(&maria, &app, id, "approve", "").await.status(), StatusCode::NOT_FOUND);
    let tom = signed_in(&app, "tom.techlead").await;
    let (_, toms) = tom.page("/approvals").await;
    assert_eq!(attribute_values(&toms, "tbody tr", "data-application"), [id.to_string()]);
    let (_, inbox) = tom.page("/notifications").await;
    assert!(texts(&inbox, ".notification > p:first-child")[0].contains("Fiona Associate now reports to you"));
    let (_, page) = fiona.page(&format!("/applications/{id}")).await;
    assert!(texts(&page, ".timeline-event")[1].contains("Ada Admin changed the applicant's manager"));
    assert_eq!(texts(&page, "blockquote.comment"), ["The decision moves from Maria Manager to Tom Techlead."]);
    assert_eq!(texts(&page, ".lead .next-step"), ["Waiting for Tom Techlead"]);

    // A manager can't be put under their own report.
    let maria_id = employee_id(&app, "maria.manager@upskill.example");
    let response = set_manager(&ada, maria_id, "paula.parttime@upskill.example").await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        texts(&response.text().await.unwrap(), "#manager_email-error")[0].contains("can't report to their own report")
    );
    assert_eq!(
        maria.post_with_csrf(&format!("/admin/employees/{fiona_id}"), &[("manager_email", "")]).await.status(),
        StatusCode::FORBIDDEN
    );
}

#[actix_web::test]
async fn nobody_decides_on_their_own_application_in_any_role() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let term = term();
    let own = apply(
        &ada,
        "career-choice",
        &[
            ("institution", "UW"),
            ("course_title", "Leadership"),
            ("term_starts_on", &term),
            ("amount", "100"),
            ("accept_terms", "yes"),
        ],
    )
    .await;
    for action in ["approve", "reject", "request-changes", "complete"] {
        assert_eq!(decide(&ada, &app, own, action, "x").await.status(), StatusCode::FORBIDDEN, "{action}");
    }
    let (_, queue) = ada.page("/approvals").await;
    assert!(!attribute_values(&queue, "tbody tr", "data-application").contains(&own.to_string()));

    // A manager who is also applying: their own application goes to their manager.
    let maria = signed_in(&app, "maria.manager").await;
    let marias = apply(
        &maria,
        "amazon-technical-academy",
        &[("intake_id", &intake_ids(&app, "amazon-technical-academy")[1].to_string())],
    )
    .await;
    assert_eq!(decide(&maria, &app, marias, "approve", "").await.status(), StatusCode::FORBIDDEN);
    assert_eq!(status_of(&app, marias), "submitted");
    assert_eq!(status_of(&app, own), "submitted");
}

#[actix_web::test]
async fn a_manager_decides_only_for_direct_reports() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let id = tuition_request(&fiona, "400").await;
    let tom = signed_in(&app, "tom.techlead").await;
    for action in ["approve", "reject", "request-changes"] {
        assert_eq!(decide(&tom, &app, id, action, "x").await.status(), StatusCode::NOT_FOUND, "{action}");
    }
    assert_eq!(tom.page(&format!("/applications/{id}")).await.0, StatusCode::NOT_FOUND);
    assert_eq!(status_of(&app, id), "submitted");
}

#[actix_web::test]
async fn a_decision_applies_only_in_the_state_it_was_made_for() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let maria = signed_in(&app, "maria.manager").await;
    let id = tuition_request(&fiona, "300").await;
    let stale_version = version_of(&app, id);
    assert_eq!(decide(&maria, &app, id, "approve", "").await.status(), StatusCode::SEE_OTHER);
    let events = event_count(&app, id);
    let second = maria.post_with_csrf(&format!("/applications/{id}/approve"), &[("version", &stale_version)]).await;
    assert_eq!(second.status(), StatusCode::CONFLICT);
    assert_eq!(
        texts(&second.text().await.unwrap(), ".error-summary"),
        ["This application has already been decided: it is approved."]
    );
    assert_eq!(event_count(&app, id), events);

    fiona.post_with_csrf(&format!("/applications/{id}/withdraw"), &[("version", &version_of(&app, id))]).await;
    let other = tuition_request(&fiona, "200").await;
    let version = version_of(&app, other);
    fiona.post_with_csrf(&format!("/applications/{other}/withdraw"), &[("version", &version)]).await;
    let late = maria.post_with_csrf(&format!("/applications/{other}/approve"), &[("version", &version)]).await;
    assert_eq!(late.status(), StatusCode::CONFLICT);
    assert_eq!(
        texts(&late.text().await.unwrap(), ".error-summary"),
        ["This application was withdrawn, so there is nothing left to decide."]
    );
    assert_eq!(status_of(&app, other), "withdrawn");
}

#[actix_web::test]
async fn the_tuition_cap_is_checked_again_at_final_approval() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let id = tuition_request(&fiona, "4000").await;
    // Meanwhile another course of the same year was approved and completed for $2,000.
    diesel::update(applications::table.find(id))
        .set(applications::status.eq("submitted"))
        .execute(&mut app.db())
        .unwrap();
    let program_id: i32 = applications::table.find(id).select(applications::program_id).first(&mut app.db()).unwrap();
    let term: chrono::NaiveDate = applications::table
        .find(id)
        .select(applications::term_starts_on)
        .first::<Option<_>>(&mut app.db())
        .unwrap()
        .unwrap();
    let fiona_id = employee_id(&app, "fiona.associate@upskill.example");
    ApplicationBuilder::new(fiona_id, program_id, ApplicationStatus::Completed)
        .version(3)
        .tuition(term, 200_000)
        .insert(&mut app.db());
    let maria = signed_in(&app, "maria.manager").await;
    let response = decide(&maria, &app, id, "approve", "").await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let year = term.format("%Y");
    assert_eq!(
        texts(&response.text().await.unwrap(), ".error-summary"),
        [format!(
            "Approving would go over the applicant's yearly tuition limit: they have $3,250 of $5,250 left for {year}."
        )]
    );
    assert_eq!(status_of(&app, id), "submitted");
}

/// Many simultaneous final approvals for an intake's last seat: exactly one gets it.
#[actix_web::test]
async fn simultaneous_final_approvals_never_overbook_an_intake() {
    const APPLICANTS: usize = 40;
    const ROUNDS: usize = 5;
    let app = spawn_app().await;
    let maria_id = employee_id(&app, "maria.manager@upskill.example");
    let program_id = program_id(&app, "amazon-apprenticeship");
    let ada = signed_in(&app, "ada.admin").await;
    for round in 0..ROUNDS {
        let intake = upskill::db::programs::insert_intake(
            &mut app.db(),
            &upskill::db::programs::NewIntake::first_come(
                program_id,
                format!("Race {round}"),
                chrono::Utc::now().date_naive() + chrono::Days::new(100),
                1,
            ),
        )
        .unwrap();
        let mut ids = Vec::new();
        for n in 0..APPLICANTS {
            let racer = employee_fixture(
                &format!("racer{round}-{n}@upskill.example"),
                &format!("Racer {round}-{n}"),
                Some(maria_id),
            );
            let person = upskill::db::employees::insert(&mut app.db(), &racer).unwrap();
            ids.push(
                ApplicationBuilder::new(person, program_id, ApplicationStatus::ManagerApproved)
                    .intake(intake)
                    .approver(maria_id)
                    .undecided()
                    .insert(&mut app.db()),
            );
        }
        let token = ada.csrf_token().await;
        let requests = ids.iter().map(|id| {
            let url = ada.url(&format!("/applications/{id}/approve"));
            let fields = [("csrf_token", token.clone()), ("version", "2".to_owned())];
            let client = ada.client.clone();
            async move { client.post(url).form(&fields).send().await.unwrap().status() }
        });
        let statuses = futures_util::future::join_all(requests).await;
        assert!(statuses.iter().all(|s| *s == StatusCode::SEE_OTHER), "{statuses:?}");
        let outcome: Vec<String> = applications::table
            .filter(applications::intake_id.eq(intake))
            .select(applications::status)
            .load(&mut app.db())
            .unwrap();
        assert_eq!(outcome.iter().filter(|s| *s == "approved").count(), 1, "round {round}: {outcome:?}");
        assert_eq!(outcome.iter().filter(|s| *s == "waitlisted").count(), APPLICANTS - 1, "round {round}");
    }
    assert_stats_consistent(&app);
}

#[actix_web::test]
async fn the_navigation_counts_a_long_queue_as_99_plus_and_the_queue_page_gives_the_number() {
    let app = spawn_app().await;
    let maria = employee_id(&app, "maria.manager@upskill.example");
    let program = program_id(&app, "aws-training-and-certification");
    for n in 0..100 {
        let person = employee_fixture(&format!("queued{n}@upskill.example"), &format!("Queued {n}"), Some(maria));
        let person = upskill::db::employees::insert(&mut app.db(), &person).unwrap();
        ApplicationBuilder::new(person, program, ApplicationStatus::Submitted)
            .approver(maria)
            .undecided()
            .insert(&mut app.db());
    }
    let browser = signed_in(&app, "maria.manager").await;
    let (_, queue) = browser.page("/approvals").await;
    assert_eq!(texts(&queue, "nav a[href='/approvals'] .count"), ["99+"]);
    assert!(texts(&queue, "p.lead")[0].starts_with("100 applications wait"));
    let (_, home) = browser.page("/").await;
    assert!(texts(&home, ".stat").iter().any(|s| s == "99+ waiting for your decision"));
}

#[actix_web::test]
async fn the_queue_says_in_words_how_many_applications_wait() {
    let app = spawn_app().await;
    let maria = signed_in(&app, "maria.manager").await;
    let lead = |html: String| texts(&html, "p.lead");
    assert_eq!(lead(maria.page("/approvals").await.1), ["No application waits for your decision."]);
    tuition_request(&signed_in(&app, "fiona.associate").await, "700").await;
    assert_eq!(lead(maria.page("/approvals").await.1), ["1 application waits for your decision."]);
    tuition_request(&signed_in(&app, "paula.parttime").await, "300").await;
    assert_eq!(lead(maria.page("/approvals").await.1), ["2 applications wait for your decision, oldest first."]);
}
