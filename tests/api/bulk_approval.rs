//! Approving several applications at once: first what each approval would do now, with
//! the comment kept; only the confirmation from that page decides.

use chrono::Datelike;
use diesel::prelude::*;
use reqwest::StatusCode;
use upskill::db::schema::application_events;
use upskill::domain::ApplicationStatus;

use crate::approvals::{decide, event_count, tuition_request};
use crate::helpers::{
    apply, attribute_values, employee_id, form_fields, intake_ids, program_id, signed_in, spawn_app, status_of, texts,
    version_of, with_field, ApplicationBuilder, Browser, TestApp,
};

/// Applications of Fiona, Paula and Carl to the one-seat intake, each waiting for the
/// program team, oldest first.
fn three_for_one_seat(app: &TestApp) -> Vec<i32> {
    let intake = intake_ids(app, "amazon-apprenticeship")[0];
    let program = program_id(app, "amazon-apprenticeship");
    let now = upskill::clock::now();
    ["fiona.associate", "paula.parttime", "carl.corporate"]
        .iter()
        .enumerate()
        .map(|(n, person)| {
            let employee = employee_id(app, &format!("{person}@upskill.example"));
            ApplicationBuilder::new(employee, program, ApplicationStatus::ManagerApproved)
                .intake(intake)
                .at(now - chrono::TimeDelta::minutes(30 - n as i64))
                .undecided()
                .insert(&mut app.db())
        })
        .collect()
}

/// POSTs the bulk form of the queue with `ids` selected (at their current versions).
async fn review(browser: &Browser, app: &TestApp, ids: &[i32], comment: &str) -> reqwest::Response {
    let mut fields = vec![("comment".to_owned(), comment.to_owned())];
    for id in ids {
        fields.push(("application_id".to_owned(), id.to_string()));
        fields.push((format!("version_{id}"), version_of(app, *id)));
    }
    let token = browser.csrf_token().await;
    browser.submit("/approvals/approve", &with_field(fields, "csrf_token", Some(&token))).await
}

/// What the review page says each application would do: (id, code, words).
fn consequences(page: &str) -> Vec<(String, String, String)> {
    let ids = attribute_values(page, "tbody tr", "data-application");
    let codes = attribute_values(page, "tbody tr", "data-consequence");
    let words = texts(page, "tbody td.consequence");
    ids.into_iter().zip(codes).zip(words).map(|((id, code), words)| (id, code, words)).collect()
}

const CONFIRM: &str = "form[action='/approvals/approve/confirm']";

#[actix_web::test]
async fn three_approvals_for_one_seat_are_shown_as_one_place_and_two_in_line_before_anything_is_decided() {
    let app = spawn_app().await;
    let ids = three_for_one_seat(&app);
    let ada = signed_in(&app, "ada.admin").await;
    let response = review(&ada, &app, &ids, "Welcome to the February cohort.").await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = response.text().await.unwrap();
    assert_eq!(texts(&page, "h1"), ["Approve 3 applications?"]);
    let id = |n: usize| ids[n].to_string();
    assert_eq!(
        consequences(&page),
        [
            (id(0), "place".into(), "Approved: the place is confirmed, and it takes the intake's last seat.".into()),
            (
                id(1),
                "line".into(),
                "Waitlisted: the intake has 1 seat left, and applications above in this list take it.".into()
            ),
            (
                id(2),
                "line".into(),
                "Waitlisted: the intake has 1 seat left, and applications above in this list take it.".into()
            ),
        ]
    );
    // The demo intakes are named for their month, which moves with today.
    let intake = crate::helpers::intake_name(&app, intake_ids(&app, "amazon-apprenticeship")[0]);
    assert_eq!(texts(&page, "tbody td:nth-child(3)")[0].split(" (").next(), Some(intake.as_str()));
    assert_eq!(texts(&page, "textarea[name='comment']"), ["Welcome to the February cohort."]);
    assert!(ids.iter().all(|id| status_of(&app, *id) == "manager_approved"), "nothing is decided yet");

    let response = ada.submit("/approvals/approve/confirm", &form_fields(&page, CONFIRM)).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let statuses: Vec<String> = ids.iter().map(|id| status_of(&app, *id)).collect();
    assert_eq!(statuses, ["approved", "waitlisted", "waitlisted"]);
    let (_, queue) = ada.page("/approvals").await;
    assert_eq!(
        texts(&queue, "[role=status].flash"),
        ["Approved 3 applications. 2 of them went on the waitlist: their intake is full."]
    );
    crate::helpers::assert_stats_consistent(&app);
}

#[actix_web::test]
async fn a_review_says_which_ones_will_not_be_approved_and_why() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let tuition = tuition_request(&fiona, "1000").await;
    // Since then a course of the same year took nearly the whole cap.
    let fiona_id = employee_id(&app, "fiona.associate@upskill.example");
    let term = chrono::Utc::now().date_naive() + chrono::Days::new(40);
    ApplicationBuilder::new(fiona_id, program_id(&app, "career-choice"), ApplicationStatus::Completed)
        .tuition(term, 500_000)
        .insert(&mut app.db());
    let paula = signed_in(&app, "paula.parttime").await;
    let intake = intake_ids(&app, "amazon-apprenticeship")[1].to_string();
    let cohort = crate::helpers::apply(&paula, "amazon-apprenticeship", &[("intake_id", &intake)]).await;
    let decided = crate::helpers::apply(&paula, "aws-training-and-certification", &[]).await;

    let maria = signed_in(&app, "maria.manager").await;
    let response = review(&maria, &app, &[tuition, cohort, decided], "Go for it.").await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = response.text().await.unwrap();
    let year = term.year();
    assert_eq!(
        consequences(&page),
        [
            (
                tuition.to_string(),
                "over-cap".into(),
                format!(
                    "Not approved: over the applicant's yearly tuition limit (they have $250 of $5,250 left for {year})."
                )
            ),
            (cohort.to_string(), "team".into(), "Approved by you; the program team decides next.".into()),
            (
                decided.to_string(),
                "refused".into(),
                "Not approved: this application has already been decided: it is approved.".into()
            ),
        ]
    );
    assert_eq!(texts(&page, "h1"), ["Approve 1 application?"]);
    assert_eq!(texts(&page, "tbody td:nth-child(3)")[0], "$1,000 tuition");
    let response = maria.submit("/approvals/approve/confirm", &form_fields(&page, CONFIRM)).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        (status_of(&app, tuition), status_of(&app, cohort), status_of(&app, decided)),
        ("submitted".into(), "manager_approved".into(), "approved".into())
    );
    let (_, queue) = maria.page("/approvals").await;
    assert_eq!(
        texts(&queue, "[role=status].flash"),
        ["Approved 1 application. 2 could not be approved, as the list showed."]
    );
}

#[actix_web::test]
async fn a_confirmation_decides_nothing_when_what_it_would_do_changed_since_the_review() {
    let app = spawn_app().await;
    let ids = three_for_one_seat(&app);
    let ada = signed_in(&app, "ada.admin").await;
    let page = review(&ada, &app, &ids[..1], "Welcome.").await.text().await.unwrap();
    assert_eq!(consequences(&page)[0].1, "place");
    // Meanwhile someone else takes the last seat.
    let intake = intake_ids(&app, "amazon-apprenticeship")[0];
    let dev = employee_id(&app, "dev.engineer@upskill.example");
    ApplicationBuilder::new(dev, program_id(&app, "amazon-apprenticeship"), ApplicationStatus::Approved)
        .intake(intake)
        .insert(&mut app.db());
    let response = ada.submit("/approvals/approve/confirm", &form_fields(&page, CONFIRM)).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let again = response.text().await.unwrap();
    assert!(texts(&again, "#confirm-message")[0].starts_with("What approving would do changed since you looked"));
    assert_eq!(consequences(&again)[0].1, "line");
    assert_eq!(texts(&again, "textarea[name='comment']"), ["Welcome."]);
    assert_eq!(status_of(&app, ids[0]), "manager_approved");
}

#[actix_web::test]
async fn changing_the_selection_goes_back_to_the_queue_with_the_selection_and_the_comment() {
    let app = spawn_app().await;
    let ids = three_for_one_seat(&app);
    let ada = signed_in(&app, "ada.admin").await;
    let page = review(&ada, &app, &ids[1..], "Kept, whatever happens.").await.text().await.unwrap();
    let fields = with_field(form_fields(&page, CONFIRM), "back", Some("1"));
    let response = ada.submit("/approvals/approve", &fields).await;
    assert_eq!(response.status(), StatusCode::OK);
    let queue = response.text().await.unwrap();
    assert_eq!(texts(&queue, "textarea[name='comment']"), ["Kept, whatever happens."]);
    let checked = attribute_values(&queue, "input[name='application_id'][checked]", "value");
    assert_eq!(checked, [ids[1].to_string(), ids[2].to_string()]);
    assert!(ids.iter().all(|id| status_of(&app, *id) == "manager_approved"));

    // More than the limit is a message on the queue, the comment kept too.
    let many: Vec<(String, String)> = (1..=201)
        .map(|n| ("application_id".to_owned(), n.to_string()))
        .chain([("comment".to_owned(), "Too many.".to_owned())])
        .collect();
    let token = ada.csrf_token().await;
    let response = ada.submit("/approvals/approve", &with_field(many, "csrf_token", Some(&token))).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let queue = response.text().await.unwrap();
    assert_eq!(texts(&queue, "#bulk-message"), ["Approve at most 200 applications at once; you selected 201."]);
    assert_eq!(texts(&queue, "textarea[name='comment']"), ["Too many."]);
}

#[actix_web::test]
async fn several_applications_are_approved_at_once_from_the_queue_with_one_comment() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let paula = signed_in(&app, "paula.parttime").await;
    let a = tuition_request(&fiona, "700").await;
    let intake = intake_ids(&app, "amazon-apprenticeship")[1].to_string();
    let b = apply(&paula, "amazon-apprenticeship", &[("intake_id", &intake)]).await;
    let maria = signed_in(&app, "maria.manager").await;
    let (ida, idb) = (a.to_string(), b.to_string());
    let (va, vb) = (version_of(&app, a), version_of(&app, b));
    let response = maria
        .post_with_csrf(
            "/approvals/approve",
            &[
                ("application_id", &ida),
                ("application_id", &idb),
                (&format!("version_{a}"), &va),
                (&format!("version_{b}"), &vb),
                ("comment", "Approved for this quarter."),
            ],
        )
        .await;
    // First what approving would do, with nothing decided yet; then the confirmation decides.
    assert_eq!(response.status(), StatusCode::OK);
    let review = response.text().await.unwrap();
    assert_eq!(status_of(&app, a), "submitted");
    let fields = form_fields(&review, "form[action='/approvals/approve/confirm']");
    let response = maria.submit("/approvals/approve/confirm", &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, queue) = maria.page("/approvals").await;
    assert_eq!(texts(&queue, "[role=status].flash"), ["Approved 2 applications."]);
    assert_eq!(status_of(&app, a), "approved");
    assert_eq!(status_of(&app, b), "manager_approved");
    let comments: Vec<Option<String>> = application_events::table
        .filter(application_events::action.ne("submitted"))
        .select(application_events::comment)
        .load(&mut app.db())
        .unwrap();
    assert_eq!(
        comments,
        [Some("Approved for this quarter.".to_owned()), Some("Approved for this quarter.".to_owned())]
    );

    // Nothing selected is a clear message on the queue, with the comment kept.
    let c = tuition_request(&signed_in(&app, "paula.parttime").await, "300").await;
    let response = maria.post_with_csrf("/approvals/approve", &[("comment", "Well done, all of you.")]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let queue = response.text().await.unwrap();
    assert_eq!(texts(&queue, "#bulk-message"), ["Select at least one application to approve."]);
    assert_eq!(texts(&queue, "textarea[name='comment']"), ["Well done, all of you."]);
    assert_eq!(status_of(&app, c), "submitted");
    assert_eq!(event_count(&app, c), 1);

    // With nothing left in the queue, the message and the comment still show.
    decide(&maria, &app, c, "approve", "").await;
    let response = maria.post_with_csrf("/approvals/approve", &[("comment", "Nobody left.")]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let queue = response.text().await.unwrap();
    assert_eq!(texts(&queue, "#bulk-message"), ["Select at least one application to approve."]);
    assert_eq!(texts(&queue, ".kept-comment"), ["Your comment was not sent: “Nobody left.”"]);
}
