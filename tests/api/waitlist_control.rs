//! Waitlist control: seats offered from the waitlist (accepted, declined, lapsed), the
//! program team moving someone in line or to another intake, each with its reason.

use chrono::TimeDelta;
use diesel::prelude::*;
use reqwest::StatusCode;
use upskill::db::schema::{application_events, applications, audit_log, intakes, notifications};
use upskill::domain::ApplicationStatus;

use crate::helpers::{
    assert_stats_consistent, employee_id, location, program_id, signed_in, spawn_app, status_of, texts, version_of,
    ApplicationBuilder, TestApp,
};

const SLUG: &str = "amazon-apprenticeship";

/// An intake of the apprenticeship made through its form: `seats`, and freed seats
/// offered for `offer_days` working days (none: given at once). Returns its id.
async fn intake(
    app: &TestApp,
    admin: &crate::helpers::Browser,
    name: &str,
    seats: i32,
    offer_days: Option<i32>,
) -> i32 {
    let starts_on = (upskill::clock::today() + TimeDelta::days(60)).to_string();
    let days = offer_days.map(|d| d.to_string()).unwrap_or_default();
    let response = admin
        .post_with_csrf(
            &format!("/admin/programs/{SLUG}/intakes"),
            &[
                ("intake_id", ""),
                ("name", name),
                ("starts_on", &starts_on),
                ("seats", &seats.to_string()),
                ("allocation", "first_come"),
                ("freed_seats", if offer_days.is_some() { "offer" } else { "at_once" }),
                ("offer_days", &days),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "the intake {name} is added");
    let id: i32 = intakes::table.filter(intakes::name.eq(name)).select(intakes::id).first(&mut app.db()).unwrap();
    let stored: Option<i32> = intakes::table.find(id).select(intakes::offer_days).first(&mut app.db()).unwrap();
    assert_eq!(stored, offer_days);
    id
}

/// `person`'s application in `intake` with `status`; the waitlisted ones `minutes_ago`
/// in line (the longest wait first in line).
fn place(app: &TestApp, person: &str, intake: i32, status: ApplicationStatus, minutes_ago: i64) -> i32 {
    let employee = employee_id(app, &format!("{person}@upskill.example"));
    let at = upskill::clock::now() - TimeDelta::minutes(minutes_ago);
    ApplicationBuilder::new(employee, program_id(app, SLUG), status)
        .intake(intake)
        .at(at)
        .waitlisted_at(at)
        .insert(&mut app.db())
}

fn events_of(app: &TestApp, application: i32) -> Vec<String> {
    application_events::table
        .filter(application_events::application_id.eq(application))
        .order(application_events::id.asc())
        .select(application_events::action)
        .load(&mut app.db())
        .unwrap()
}

fn notices_of(app: &TestApp, application: i32) -> Vec<String> {
    notifications::table
        .filter(notifications::application_id.eq(application))
        .order(notifications::id.asc())
        .select(notifications::body)
        .load(&mut app.db())
        .unwrap()
}

fn offer_expires_at(app: &TestApp, application: i32) -> Option<chrono::NaiveDateTime> {
    applications::table.find(application).select(applications::offer_expires_at).first(&mut app.db()).unwrap()
}

/// The names on an intake's waitlist, in order, as its team sees it.
async fn waitlist_names(admin: &crate::helpers::Browser, intake: i32) -> Vec<String> {
    let (status, page) = admin.page(&format!("/admin/programs/{SLUG}/intakes")).await;
    assert_eq!(status, StatusCode::OK);
    texts(&page, &format!("[data-intake='{intake}'] ol.waitlist li"))
}

#[actix_web::test]
async fn a_freed_seat_is_offered_in_turn_and_accepted_declined_or_left_to_lapse() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let cohort = intake(&app, &ada, "Offered cohort", 1, Some(3)).await;
    let holder = place(&app, "fiona.associate", cohort, ApplicationStatus::Approved, 90);
    let carl = place(&app, "carl.corporate", cohort, ApplicationStatus::Waitlisted, 60);
    let dev = place(&app, "dev.engineer", cohort, ApplicationStatus::Waitlisted, 50);
    let tom = place(&app, "tom.techlead", cohort, ApplicationStatus::Waitlisted, 40);

    // The holder withdraws: the seat is offered to Carl, first in line, and held for him.
    let fiona = signed_in(&app, "fiona.associate").await;
    let response = fiona
        .post_with_csrf(&format!("/applications/{holder}/withdraw"), &[("version", &version_of(&app, holder))])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, carl), "offered");
    let expires = offer_expires_at(&app, carl).expect("an offer has its end");
    assert_eq!(expires, upskill::domain::waitlist::offer_expires_at(upskill::clock::now(), 3));
    assert!(notices_of(&app, carl).last().unwrap().contains("it is offered to you: accept or decline it"));
    assert_eq!((status_of(&app, dev), status_of(&app, tom)), ("waitlisted".into(), "waitlisted".into()));
    let (_, page) = ada.page(&format!("/admin/programs/{SLUG}/intakes")).await;
    assert_eq!(
        texts(&page, &format!("[data-intake='{cohort}'] [data-taken]")),
        ["1 taken"],
        "the offer holds the seat"
    );
    assert_eq!(texts(&page, &format!("[data-intake='{cohort}'] ul.offered li a")), ["Carl Corporate"]);

    // Carl sees the offer on his application and declines it, after a page that asks.
    let carl_browser = signed_in(&app, "carl.corporate").await;
    let (status, page) = carl_browser.page(&format!("/applications/{carl}")).await;
    assert_eq!(status, StatusCode::OK);
    let offer = texts(&page, "[data-offer] p strong");
    assert_eq!(offer, ["A seat in Offered cohort is offered to you."]);
    let (status, page) = carl_browser.page(&format!("/applications/{carl}/offer/decline")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(texts(&page, "h1"), ["Decline the seat offered in Amazon Apprenticeship?"]);
    let response = carl_browser
        .post_with_csrf(&format!("/applications/{carl}/offer/decline"), &[("version", &version_of(&app, carl))])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), format!("/applications/{carl}"));
    assert_eq!(status_of(&app, carl), "withdrawn");
    assert_eq!(events_of(&app, carl).last().unwrap(), "offer_declined");
    assert_eq!(status_of(&app, dev), "offered", "the seat passes to the next in line");

    // Dev lets his offer run out: an answer after the end is refused, the seat goes on.
    diesel::update(applications::table.find(dev))
        .set(applications::offer_expires_at.eq(Some(upskill::clock::now() - TimeDelta::minutes(1))))
        .execute(&mut app.db())
        .unwrap();
    let dev_browser = signed_in(&app, "dev.engineer").await;
    let response = dev_browser
        .post_with_csrf(&format!("/applications/{dev}/offer/accept"), &[("version", &version_of(&app, dev))])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, page) = dev_browser.page(&location(&response)).await;
    assert!(texts(&page, ".flash").concat().contains("The offer ended with"), "{:?}", texts(&page, ".flash"));
    assert_eq!(status_of(&app, dev), "withdrawn");
    assert_eq!(events_of(&app, dev).last().unwrap(), "offer_lapsed");
    assert_eq!(status_of(&app, tom), "offered");

    // Tom accepts in time: his place is confirmed, and answering again changes nothing.
    let tom_browser = signed_in(&app, "tom.techlead").await;
    let version = version_of(&app, tom);
    let response =
        tom_browser.post_with_csrf(&format!("/applications/{tom}/offer/accept"), &[("version", &version)]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, tom), "approved");
    assert_eq!(events_of(&app, tom).last().unwrap(), "offer_accepted");
    let again = tom_browser
        .post_with_csrf(&format!("/applications/{tom}/offer/decline"), &[("version", &version_of(&app, tom))])
        .await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, tom), "approved", "no seat is offered any more: nothing to decline");
    // Nobody answers for someone else.
    let response =
        carl_browser.post_with_csrf(&format!("/applications/{tom}/offer/decline"), &[("version", "1")]).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    assert_stats_consistent(&app);
}

#[actix_web::test]
async fn the_scheduler_and_the_intake_page_let_lapsed_offers_go() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let cohort = intake(&app, &ada, "Lapsing cohort", 1, Some(1)).await;
    let carl = place(&app, "carl.corporate", cohort, ApplicationStatus::Waitlisted, 60);
    let dev = place(&app, "dev.engineer", cohort, ApplicationStatus::Waitlisted, 50);
    // The seat frees when the intake grows from none: Carl is offered it.
    diesel::update(intakes::table.find(cohort)).set(intakes::seats.eq(0)).execute(&mut app.db()).unwrap();
    let starts_on = (upskill::clock::today() + TimeDelta::days(60)).to_string();
    let response = ada
        .post_with_csrf(
            &format!("/admin/programs/{SLUG}/intakes"),
            &[
                ("intake_id", &cohort.to_string()),
                ("name", "Lapsing cohort"),
                ("starts_on", &starts_on),
                ("seats", "1"),
                ("allocation", "first_come"),
                ("freed_seats", "offer"),
                ("offer_days", "1"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, carl), "offered");
    diesel::update(applications::table.find(carl))
        .set(applications::offer_expires_at.eq(Some(upskill::clock::now() - TimeDelta::seconds(1))))
        .execute(&mut app.db())
        .unwrap();
    let lapsed = upskill::db::workflow::lapse_due_offers(&mut app.db(), None, upskill::clock::now()).unwrap();
    assert_eq!(lapsed, 1);
    assert_eq!((status_of(&app, carl), status_of(&app, dev)), ("withdrawn".into(), "offered".into()));
    assert!(notices_of(&app, carl).last().unwrap().contains("was not accepted by the end of"));
    assert_eq!(upskill::db::workflow::lapse_due_offers(&mut app.db(), None, upskill::clock::now()).unwrap(), 0);
    diesel::update(applications::table.find(dev))
        .set(applications::offer_expires_at.eq(Some(upskill::clock::now() - TimeDelta::seconds(1))))
        .execute(&mut app.db())
        .unwrap();
    let (status, page) = ada.page(&format!("/admin/programs/{SLUG}/intakes")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(status_of(&app, dev), "withdrawn", "opening the intake's page lets the lapsed offer go");
    assert_eq!(texts(&page, &format!("[data-intake='{cohort}'] [data-taken]")), ["0 taken"]);
    assert_stats_consistent(&app);
}

#[actix_web::test]
async fn the_program_team_moves_someone_in_line_with_a_reason_that_everyone_concerned_reads() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let cohort = intake(&app, &ada, "Full cohort", 1, None).await;
    place(&app, "fiona.associate", cohort, ApplicationStatus::Approved, 90);
    let carl = place(&app, "carl.corporate", cohort, ApplicationStatus::Waitlisted, 60);
    place(&app, "dev.engineer", cohort, ApplicationStatus::Waitlisted, 50);
    let tom = place(&app, "tom.techlead", cohort, ApplicationStatus::Waitlisted, 40);
    assert_eq!(waitlist_names(&ada, cohort).await, ["Carl Corporate", "Dev Engineer", "Tom Techlead"]);

    let place_page = format!("/admin/programs/{SLUG}/places/{tom}");
    let (status, page) = ada.page(&place_page).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        texts(&page, "[data-place-status]").concat().split('.').next().unwrap(),
        "3rd of 3 in line on the waitlist of Full cohort"
    );

    // Without a reason, nothing moves: the form comes back with its message.
    let version = version_of(&app, tom);
    for reason in ["", "  ", "ok", "line\u{0}break"] {
        let response = ada
            .post_with_csrf(
                &format!("{place_page}/position"),
                &[("version", &version), ("position", "1"), ("reason", reason)],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{reason:?}");
        let page = response.text().await.unwrap();
        assert_eq!(texts(&page, ".error-summary a").len(), 1, "{reason:?}");
        assert!(texts(&page, "title").concat().starts_with("Error: "));
    }
    assert_eq!(waitlist_names(&ada, cohort).await, ["Carl Corporate", "Dev Engineer", "Tom Techlead"]);

    let reason = "Returning from parental leave, as agreed with HR";
    let response = ada
        .post_with_csrf(
            &format!("{place_page}/position"),
            &[("version", &version), ("position", "1"), ("reason", reason)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(waitlist_names(&ada, cohort).await, ["Tom Techlead", "Carl Corporate", "Dev Engineer"]);
    assert_eq!(events_of(&app, tom).last().unwrap(), "waitlist_reordered");
    let notice = notices_of(&app, tom).last().unwrap().clone();
    assert!(notice.contains("from 3rd to 1st in line") && notice.contains(reason), "{notice}");
    let audit: Vec<(String, String)> = audit_log::table
        .filter(audit_log::action.eq("application.waitlist_reordered"))
        .select((audit_log::action, audit_log::details))
        .load(&mut app.db())
        .unwrap();
    assert_eq!(audit.len(), 1);
    assert!(audit[0].1.contains(reason));
    let tom_browser = signed_in(&app, "tom.techlead").await;
    let (_, page) = tom_browser.page("/applications").await;
    assert!(page.contains("1st in line on the waitlist"), "the owner sees the new place");

    // The form opened before the move is out of date: refused, nothing changes.
    let stale = ada
        .post_with_csrf(
            &format!("{place_page}/position"),
            &[("version", &version), ("position", "3"), ("reason", reason)],
        )
        .await;
    assert_eq!(stale.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(stale.text().await.unwrap().contains("changed while the page was open"));
    assert_eq!(waitlist_names(&ada, cohort).await, ["Tom Techlead", "Carl Corporate", "Dev Engineer"]);

    // Moving Carl to the end, then to the middle again, keeps everyone else's order.
    for (position, expected) in [
        ("3", ["Tom Techlead", "Dev Engineer", "Carl Corporate"]),
        ("2", ["Tom Techlead", "Carl Corporate", "Dev Engineer"]),
    ] {
        let response = ada
            .post_with_csrf(
                &format!("/admin/programs/{SLUG}/places/{carl}/position"),
                &[("version", &version_of(&app, carl)), ("position", position), ("reason", "Order of the HR ticket")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
        assert_eq!(waitlist_names(&ada, cohort).await, expected);
    }
    // Another program's address for the same application is not found.
    let response = ada.page(&format!("/admin/programs/career-choice/places/{tom}")).await;
    assert_eq!(response.0, StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn an_application_moves_to_another_intake_keeping_its_approvals_and_its_seat_goes_on() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let first = intake(&app, &ada, "First cohort", 1, None).await;
    let second = intake(&app, &ada, "Second cohort", 2, None).await;
    let fiona = place(&app, "fiona.associate", first, ApplicationStatus::Approved, 90);
    let carl = place(&app, "carl.corporate", first, ApplicationStatus::Waitlisted, 60);
    let dev = place(&app, "dev.engineer", first, ApplicationStatus::Waitlisted, 50);

    let reason = "Asked to start later for a team move";
    let move_to = |application: i32, intake: i32| {
        let ada = &ada;
        let app = &app;
        async move {
            ada.post_with_csrf(
                &format!("/admin/programs/{SLUG}/places/{application}/intake"),
                &[("version", &version_of(app, application)), ("intake_id", &intake.to_string()), ("reason", reason)],
            )
            .await
        }
    };
    // Fiona's seat moves with her; the one she leaves goes to Carl, first in line.
    let response = move_to(fiona, second).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let intake_of = |id: i32| -> Option<i32> {
        applications::table.find(id).select(applications::intake_id).first(&mut app.db()).unwrap()
    };
    assert_eq!((intake_of(fiona), status_of(&app, fiona)), (Some(second), "approved".to_owned()));
    assert_eq!(status_of(&app, carl), "approved", "the seat left behind goes to the first in line");
    assert_eq!(events_of(&app, fiona).last().unwrap(), "intake_changed");
    assert!(notices_of(&app, fiona).last().unwrap().contains("from First cohort to Second cohort"));
    // Dev, waiting, moves to the second intake's last free seat.
    assert_eq!(move_to(dev, second).await.status(), StatusCode::SEE_OTHER);
    assert_eq!((intake_of(dev), status_of(&app, dev)), (Some(second), "approved".to_owned()));
    // Now full: Carl moving there would wait at the end of its line.
    assert_eq!(move_to(carl, second).await.status(), StatusCode::SEE_OTHER);
    assert_eq!((intake_of(carl), status_of(&app, carl)), (Some(second), "waitlisted".to_owned()));
    let moves: i64 = audit_log::table
        .filter(audit_log::action.eq("application.intake_changed"))
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(moves, 3);

    // Refused: no intake chosen, the intake it is in, another program's intake.
    let other_program = crate::helpers::intake_ids(&app, "amazon-technical-academy")[0];
    for (target, message) in [
        ("", "Choose the intake"),
        (second.to_string().as_str(), "other intakes"),
        (other_program.to_string().as_str(), "other intakes"),
    ] {
        let response = ada
            .post_with_csrf(
                &format!("/admin/programs/{SLUG}/places/{carl}/intake"),
                &[("version", &version_of(&app, carl)), ("intake_id", target), ("reason", reason)],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{target}");
        assert!(response.text().await.unwrap().contains(message), "{target}");
    }
    assert_eq!(intake_of(carl), Some(second));
    assert_stats_consistent(&app);
}

#[actix_web::test]
async fn nobody_moves_their_own_application() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let cohort = intake(&app, &ada, "Own cohort", 0, None).await;
    let own = place(&app, "ada.admin", cohort, ApplicationStatus::Waitlisted, 60);
    place(&app, "carl.corporate", cohort, ApplicationStatus::Waitlisted, 50);
    let (status, page) = ada.page(&format!("/admin/programs/{SLUG}/places/{own}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("This is your own application"));
    assert!(texts(&page, "form[action$='/position']").is_empty());
    let response = ada
        .post_with_csrf(
            &format!("/admin/programs/{SLUG}/places/{own}/position"),
            &[("version", &version_of(&app, own)), ("position", "2"), ("reason", "Moving myself")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}
