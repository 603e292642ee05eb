//! Delegation out loud: the delegate hears of being named and of everything that reaches
//! the manager's queue while it lasts, the applicant knows who decides, and "acting for"
//! reads the same in the timeline, the queue, the notifications, the e-mails and the
//! audit log.

use diesel::prelude::*;
use reqwest::StatusCode;
use upskill::db::schema::{application_events, audit_log, notifications, outbox};

use crate::approvals::{decide, tuition_request};
use crate::helpers::{
    apply, attribute_values, employee_id, intake_ids, set_manager, signed_in, spawn_app, texts, version_of, Browser,
    TestApp,
};

/// The in-app notifications and the e-mails of `email`, oldest first.
fn told(app: &TestApp, email: &str) -> (Vec<String>, Vec<String>) {
    let id = employee_id(app, email);
    let inbox = notifications::table
        .filter(notifications::employee_id.eq(id))
        .order(notifications::id)
        .select(notifications::body)
        .load(&mut app.db())
        .unwrap();
    let mail =
        outbox::table.filter(outbox::employee_id.eq(id)).order(outbox::id).select(outbox::body).load(&mut app.db());
    (inbox, mail.unwrap())
}

#[actix_web::test]
async fn a_delegate_is_told_when_named_and_of_each_application_that_reaches_them() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let waiting = tuition_request(&fiona, "400").await;
    let maria = signed_in(&app, "maria.manager").await;
    assert_eq!(delegate(&maria, "tom.techlead@upskill.example", 7).await.status(), StatusCode::SEE_OTHER);
    let (_, team) = maria.page("/team").await;
    assert_eq!(texts(&team, "[role=status].flash")[0].split(" from ").next(), Some("Tom Techlead decides for you"));

    let tom = "tom.techlead@upskill.example";
    let (inbox, mail) = told(&app, tom);
    assert_eq!(inbox.len(), 1);
    assert!(inbox[0].starts_with("Maria Manager named you their delegate from "), "{}", inbox[0]);
    assert!(inbox[0].contains("you decide on their team's applications, acting for Maria Manager."));
    assert!(inbox[0].ends_with("1 application waits for a decision now, in your approvals."), "{}", inbox[0]);
    assert_eq!(mail, inbox, "the same news goes out by e-mail");

    // A new submission reaches Maria and Tom, each in their words.
    let paula = signed_in(&app, "paula.parttime").await;
    let intake = crate::helpers::intake_ids(&app, "amazon-apprenticeship")[1].to_string();
    let cohort = crate::helpers::apply(&paula, "amazon-apprenticeship", &[("intake_id", &intake)]).await;
    let (marias, _) = told(&app, "maria.manager@upskill.example");
    assert_eq!(marias.last().unwrap(), "Paula Parttime applied to Amazon Apprenticeship and waits for your decision.");
    let (inbox, mail) = told(&app, tom);
    let expected =
        "Paula Parttime applied to Amazon Apprenticeship and waits for your decision, acting for Maria Manager.";
    assert_eq!((inbox.last().unwrap().as_str(), mail.last().unwrap().as_str()), (expected, expected));

    // So does a resubmission after Tom asked for changes.
    let tom_browser = signed_in(&app, "tom.techlead").await;
    assert_eq!(
        decide(&tom_browser, &app, waiting, "request-changes", "Add the course code.").await.status(),
        StatusCode::SEE_OTHER
    );
    let (fionas, _) = told(&app, "fiona.associate@upskill.example");
    assert_eq!(
        fionas.last().unwrap(),
        "Tom Techlead, acting for Maria Manager, asked for changes to your application to Career Choice. \
         Comment: “Add the course code.”"
    );
    let edit = format!("/applications/{waiting}/edit");
    let (_, form) = fiona.page(&edit).await;
    let fields = crate::helpers::form_fields(&form, "form.stack");
    let fields = crate::helpers::with_field(fields, "course_title", Some("Cloud Computing CS-101"));
    assert_eq!(fiona.submit(&edit, &fields).await.status(), StatusCode::SEE_OTHER);
    let (inbox, _) = told(&app, tom);
    assert_eq!(
        inbox.last().unwrap(),
        "Fiona Associate made the requested changes to their application to Career Choice; \
         it waits for your decision, acting for Maria Manager."
    );

    // And an application that moves to Maria when its applicant gets her as manager.
    let ada = signed_in(&app, "ada.admin").await;
    let dev = signed_in(&app, "dev.engineer").await;
    let moved = crate::helpers::apply(&dev, "machine-learning-university", &[]).await;
    let dev_id = employee_id(&app, "dev.engineer@upskill.example");
    assert_eq!(set_manager(&ada, dev_id, "maria.manager@upskill.example").await.status(), StatusCode::SEE_OTHER);
    let (inbox, _) = told(&app, tom);
    assert_eq!(
        inbox.last().unwrap(),
        "Dev Engineer now reports to Maria Manager; their application to Machine Learning University \
         waits for your decision, acting for Maria Manager."
    );
    let (_, queue) = tom_browser.page("/approvals").await;
    let rows = crate::helpers::attribute_values(&queue, "tbody tr", "data-application");
    assert!([waiting, cohort, moved].iter().all(|id| rows.contains(&id.to_string())), "{rows:?}");
}

#[actix_web::test]
async fn the_applicant_sees_who_decides_and_hears_acting_for_with_its_comma() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let id = tuition_request(&fiona, "500").await;
    let (_, page) = fiona.page(&format!("/applications/{id}")).await;
    assert_eq!(texts(&page, ".lead .next-step"), ["Waiting for Maria Manager"]);

    let maria = signed_in(&app, "maria.manager").await;
    assert_eq!(delegate(&maria, "tom.techlead@upskill.example", 7).await.status(), StatusCode::SEE_OTHER);
    let (_, page) = fiona.page(&format!("/applications/{id}")).await;
    assert_eq!(texts(&page, ".lead .next-step"), ["Waiting for Tom Techlead (acting for Maria Manager)"]);
    let (_, mine) = fiona.page("/applications").await;
    assert_eq!(texts(&mine, ".next-step"), ["Waiting for Tom Techlead (acting for Maria Manager)"]);

    let tom = signed_in(&app, "tom.techlead").await;
    let (_, decision) = tom.page(&format!("/applications/{id}")).await;
    assert_eq!(texts(&decision, "form.decision .acting-for"), ["You decide here, acting for Maria Manager."]);
    let response = tom
        .post_with_csrf(&format!("/applications/{id}/approve"), &[("version", &version_of(&app, id)), ("comment", "")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (inbox, mail) = told(&app, "fiona.associate@upskill.example");
    let expected = "Tom Techlead, acting for Maria Manager, approved your application to Career Choice: \
                    your place is confirmed. When you finish, attach your evidence to your application and send it \
                    to the program team to check. Your grade report or transcript for the term.";
    assert_eq!((inbox.last().unwrap().as_str(), mail.last().unwrap().as_str()), (expected, expected));
    let (_, page) = fiona.page(&format!("/applications/{id}")).await;
    assert_eq!(texts(&page, ".timeline-event p strong")[1], "Tom Techlead, acting for Maria Manager");

    // Once the delegation ends, Maria alone decides again, and Tom is told.
    let (_, team) = maria.page("/team").await;
    let end = crate::helpers::attribute_values(&team, "form[action$='/end']", "action").remove(0);
    assert_eq!(maria.post_with_csrf(&end, &[]).await.status(), StatusCode::SEE_OTHER);
    let (toms, _) = told(&app, "tom.techlead@upskill.example");
    assert!(toms.last().unwrap().starts_with("Maria Manager "), "{toms:?}");
}

#[actix_web::test]
async fn the_audit_log_names_the_delegate_and_the_manager() {
    let app = spawn_app().await;
    let maria = signed_in(&app, "maria.manager").await;
    assert_eq!(delegate(&maria, "tom.techlead@upskill.example", 3).await.status(), StatusCode::SEE_OTHER);
    let (_, team) = maria.page("/team").await;
    let end = crate::helpers::attribute_values(&team, "form[action$='/end']", "action").remove(0);
    assert_eq!(maria.post_with_csrf(&end, &[]).await.status(), StatusCode::SEE_OTHER);
    let lines: Vec<(String, String, String)> = audit_log::table
        .filter(audit_log::action.like("delegation.%"))
        .order(audit_log::id)
        .select((audit_log::action, audit_log::subject, audit_log::details))
        .load(&mut app.db())
        .unwrap();
    let today = chrono::Utc::now().date_naive();
    let last = today + chrono::Days::new(3);
    assert_eq!(
        lines,
        [
            (
                "delegation.created".to_owned(),
                "tom.techlead@upskill.example".to_owned(),
                format!(
                    "Tom Techlead decides for Maria Manager (maria.manager@upskill.example) from {today} to {last}"
                )
            ),
            (
                "delegation.ended".to_owned(),
                "tom.techlead@upskill.example".to_owned(),
                format!(
                    "Tom Techlead no longer decides for Maria Manager (maria.manager@upskill.example): \
                     cancelled from {today} to {last}"
                )
            ),
        ]
    );
}

pub async fn delegate(maria: &Browser, to: &str, days: u64) -> reqwest::Response {
    let today = chrono::Utc::now().date_naive();
    let end = (today + chrono::Days::new(days)).to_string();
    maria
        .post_with_csrf(
            "/team/delegations",
            &[("delegate_email", to), ("starts_on", &today.to_string()), ("ends_on", &end)],
        )
        .await
}

#[actix_web::test]
async fn a_delegate_decides_acting_for_the_manager_and_the_timeline_says_so() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let id = tuition_request(&fiona, "500").await;
    let maria = signed_in(&app, "maria.manager").await;
    let tom = signed_in(&app, "tom.techlead").await;
    // Before the delegation Tom can't decide (or see) it.
    assert_eq!(decide(&tom, &app, id, "approve", "").await.status(), StatusCode::NOT_FOUND);

    let response = delegate(&maria, "tom.techlead@upskill.example", 7).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, queue) = tom.page("/approvals").await;
    assert_eq!(attribute_values(&queue, "tbody tr", "data-application"), [id.to_string()]);
    assert_eq!(texts(&queue, ".acting-for"), ["you, acting for Maria Manager"]);

    assert_eq!(
        decide(&tom, &app, id, "approve", "Approved while Maria is away.").await.status(),
        StatusCode::SEE_OTHER
    );
    let (_, page) = fiona.page(&format!("/applications/{id}")).await;
    assert_eq!(texts(&page, ".timeline-event p strong")[1], "Tom Techlead, acting for Maria Manager");
    let recorded: (Option<i32>, Option<i32>, Option<String>, String, Option<String>) = application_events::table
        .filter(application_events::application_id.eq(id))
        .order(application_events::id.desc())
        .select((
            application_events::actor_id,
            application_events::acting_for_id,
            application_events::from_status,
            application_events::to_status,
            application_events::comment,
        ))
        .first(&mut app.db())
        .unwrap();
    let (tom_id, maria_id) =
        (employee_id(&app, "tom.techlead@upskill.example"), employee_id(&app, "maria.manager@upskill.example"));
    assert_eq!(
        recorded,
        (
            Some(tom_id),
            Some(maria_id),
            Some("submitted".into()),
            "approved".into(),
            Some("Approved while Maria is away.".into())
        )
    );

    // Ending the delegation takes the queue back.
    let (_, team) = maria.page("/team").await;
    let end = attribute_values(&team, "form[action$='/end']", "action").remove(0);
    assert_eq!(maria.post_with_csrf(&end, &[]).await.status(), StatusCode::SEE_OTHER);
    let second = {
        let paula = signed_in(&app, "paula.parttime").await;
        apply(&paula, "aws-training-and-certification", &[]).await;
        let intake = intake_ids(&app, "amazon-apprenticeship")[1].to_string();
        apply(&paula, "amazon-apprenticeship", &[("intake_id", &intake)]).await
    };
    assert_eq!(decide(&tom, &app, second, "approve", "").await.status(), StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn a_delegation_must_name_another_manager_or_an_admin_for_valid_dates() {
    let app = spawn_app().await;
    let maria = signed_in(&app, "maria.manager").await;
    let cases = [
        ("maria.manager@upskill.example", "delegate_email-error", "Choose someone other than yourself."),
        (
            "fiona.associate@upskill.example",
            "delegate_email-error",
            "Choose another manager or a program administrator.",
        ),
        ("nobody@upskill.example", "delegate_email-error", "Nobody at the company has this e-mail address."),
    ];
    for (email, field, message) in cases {
        let response = delegate(&maria, email, 3).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{email}");
        let body = response.text().await.unwrap();
        assert_eq!(texts(&body, &format!("#{field}")), [message]);
        assert_eq!(attribute_values(&body, "#delegate_email", "value"), [email]);
    }
    let today = chrono::Utc::now().date_naive();
    let response = maria
        .post_with_csrf(
            "/team/delegations",
            &[
                ("delegate_email", "ada.admin@upskill.example"),
                ("starts_on", &(today + chrono::Days::new(5)).to_string()),
                ("ends_on", &today.to_string()),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        texts(&response.text().await.unwrap(), "#ends_on-error"),
        ["The last day must be on or after the first day."]
    );
    assert_eq!(delegate(&maria, "ada.admin@upskill.example", 3).await.status(), StatusCode::SEE_OTHER);
    let fiona = signed_in(&app, "fiona.associate").await;
    assert_eq!(delegate(&fiona, "ada.admin@upskill.example", 3).await.status(), StatusCode::FORBIDDEN);
}
