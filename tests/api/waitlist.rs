//! Waitlists: places in line in words, people who leave give up theirs, and a freed seat
//! only ever goes to someone who still works here.

use diesel::prelude::*;
use reqwest::StatusCode;
use upskill::db::schema::{application_events, applications, employees, notifications, outbox};
use upskill::domain::ApplicationStatus;

use crate::helpers::{
    employee_id, form_fields, intake_ids, program_id, signed_in, spawn_app, texts, with_field, ApplicationBuilder,
    TestApp,
};

/// The one-seat intake of the Amazon Apprenticeship: Fiona holds the seat, Paula waits
/// (since ten minutes), then Carl (since five). Returns the three applications.
fn one_seat_with_two_in_line(app: &TestApp) -> (i32, i32, i32) {
    let intake = intake_ids(app, "amazon-apprenticeship")[0];
    let program = program_id(app, "amazon-apprenticeship");
    let now = upskill::clock::now();
    let place = |email: &str, status: ApplicationStatus, minutes_ago: Option<i64>| {
        let builder = ApplicationBuilder::new(employee_id(app, email), program, status).intake(intake).version(3);
        match minutes_ago {
            Some(minutes) => builder.waitlisted_at(now - chrono::TimeDelta::minutes(minutes)),
            None => builder,
        }
        .insert(&mut app.db())
    };
    (
        place("fiona.associate@upskill.example", ApplicationStatus::Approved, None),
        place("paula.parttime@upskill.example", ApplicationStatus::Waitlisted, Some(10)),
        place("carl.corporate@upskill.example", ApplicationStatus::Waitlisted, Some(5)),
    )
}

fn status_of(app: &TestApp, id: i32) -> String {
    applications::table.find(id).select(applications::status).first(&mut app.db()).unwrap()
}

fn messages_to(app: &TestApp, email: &str) -> (i64, i64) {
    let id = employee_id(app, email);
    let inbox = notifications::table.filter(notifications::employee_id.eq(id)).count().get_result(&mut app.db());
    let mail = outbox::table.filter(outbox::employee_id.eq(id)).count().get_result(&mut app.db());
    (inbox.unwrap(), mail.unwrap())
}

#[actix_web::test]
async fn a_person_who_leaves_gives_up_their_place_in_line_and_the_next_seat_goes_to_someone_active() {
    let app = spawn_app().await;
    let (fiona_place, paula_place, carl_place) = one_seat_with_two_in_line(&app);
    let carl = signed_in(&app, "carl.corporate").await;
    let (_, page) = carl.page(&format!("/applications/{carl_place}")).await;
    assert_eq!(texts(&page, ".lead .next-step"), ["2nd in line on the waitlist"]);
    assert!(!page.contains("Seat"), "a place in line is not a seat");

    // HR's administrator deactivates Paula: her place in line goes, without a word to her.
    let paula_messages = messages_to(&app, "paula.parttime@upskill.example");
    let ada = signed_in(&app, "ada.admin").await;
    let path = format!("/admin/employees/{}", employee_id(&app, "paula.parttime@upskill.example"));
    let (_, form) = ada.page(&path).await;
    let response = ada.submit(&path, &with_field(form_fields(&form, "form.stack"), "active", None)).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, saved) = ada.page(&path).await;
    assert_eq!(texts(&saved, "[role=status].flash"), ["The record is saved. Their place on a waitlist was withdrawn."]);
    assert_eq!(status_of(&app, paula_place), "withdrawn");
    let event: (String, Option<i32>, Option<String>) = application_events::table
        .filter(application_events::application_id.eq(paula_place))
        .order(application_events::id.desc())
        .select((application_events::action, application_events::actor_id, application_events::from_status))
        .first(&mut app.db())
        .unwrap();
    assert_eq!(
        event,
        ("withdrawn_left".to_owned(), Some(employee_id(&app, "ada.admin@upskill.example")), Some("waitlisted".into()))
    );
    assert_eq!(messages_to(&app, "paula.parttime@upskill.example"), paula_messages);
    let (_, timeline) = ada.page(&format!("/applications/{paula_place}")).await;
    assert!(texts(&timeline, ".timeline-event p")
        .contains(&"Ada Admin withdrew the place on the waitlist: the person left.".to_owned()));

    // Carl moves up, and gets the seat Fiona gives back.
    let (_, page) = carl.page(&format!("/applications/{carl_place}")).await;
    assert_eq!(texts(&page, ".lead .next-step"), ["1st in line on the waitlist"]);
    let fiona = signed_in(&app, "fiona.associate").await;
    let response = fiona.post_with_csrf(&format!("/applications/{fiona_place}/withdraw"), &[("version", "3")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, carl_place), "approved");
    crate::helpers::assert_stats_consistent(&app);
}

#[actix_web::test]
async fn a_freed_seat_passes_over_a_waitlisted_person_who_is_no_longer_active() {
    let app = spawn_app().await;
    let (fiona_place, paula_place, carl_place) = one_seat_with_two_in_line(&app);
    // Deactivated some other way (before leavers gave up their places): still in line.
    diesel::update(employees::table.filter(employees::email.eq("paula.parttime@upskill.example")))
        .set(employees::active.eq(false))
        .execute(&mut app.db())
        .unwrap();
    let carl = signed_in(&app, "carl.corporate").await;
    let (_, mine) = carl.page("/applications").await;
    assert_eq!(texts(&mine, ".next-step"), ["1st in line on the waitlist"], "only active people are in line");

    let fiona = signed_in(&app, "fiona.associate").await;
    let response = fiona.post_with_csrf(&format!("/applications/{fiona_place}/withdraw"), &[("version", "3")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!((status_of(&app, paula_place), status_of(&app, carl_place)), ("waitlisted".into(), "approved".into()));
    let ada = signed_in(&app, "ada.admin").await;
    let intake = intake_ids(&app, "amazon-apprenticeship")[0];
    let (_, intakes) = ada.page("/admin/programs/amazon-apprenticeship/intakes").await;
    assert!(texts(&intakes, &format!("[data-intake='{intake}'] ol.waitlist li")).is_empty(), "Paula is not in line");
}

#[actix_web::test]
async fn someone_approved_onto_a_full_intake_hears_their_place_in_line_never_a_seat() {
    let app = spawn_app().await;
    let (_, _, carl_place) = one_seat_with_two_in_line(&app);
    let intake = intake_ids(&app, "amazon-apprenticeship")[0];
    let program = program_id(&app, "amazon-apprenticeship");
    let dev = employee_id(&app, "dev.engineer@upskill.example");
    let dev_place = ApplicationBuilder::new(dev, program, ApplicationStatus::ManagerApproved)
        .intake(intake)
        .undecided()
        .insert(&mut app.db());
    let ada = signed_in(&app, "ada.admin").await;
    let version = crate::helpers::version_of(&app, dev_place);
    let response = ada
        .post_with_csrf(&format!("/applications/{dev_place}/approve"), &[("version", &version), ("comment", "")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, dev_place), "waitlisted");
    let dev_browser = signed_in(&app, "dev.engineer").await;
    let (_, inbox) = dev_browser.page("/notifications").await;
    let notice = texts(&inbox, ".notification > p:first-child").remove(0);
    assert!(notice.contains("you are 3rd in line on the waitlist"), "{notice}");
    let mail: String = outbox::table
        .filter(outbox::employee_id.eq(dev))
        .order(outbox::id.desc())
        .select(outbox::body)
        .first(&mut app.db())
        .unwrap();
    assert!(mail.contains("3rd in line") && !mail.to_lowercase().contains("seat"), "{mail}");
    let (_, mine) = dev_browser.page("/applications").await;
    assert_eq!(texts(&mine, ".next-step"), ["3rd in line on the waitlist"]);
    assert_eq!(status_of(&app, carl_place), "waitlisted");
}
