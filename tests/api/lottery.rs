//! Lottery intakes: approvals in the window wait for the draw, the seats are drawn once
//! the day after the close (whichever request or server gets there first), the draw is
//! published to the people in it and checks out, and late applications are refused.

use std::process::Command;

use chrono::Days;
use diesel::prelude::*;
use reqwest::StatusCode;
use upskill::db::schema::{application_events, applications, audit_log, intake_draw_order, intakes};
use upskill::domain::ApplicationStatus;

use crate::helpers::{
    assert_stats_consistent, close_the_window, employee_id, lottery_intake, program_id, signed_in, spawn_app,
    status_of, texts, version_of, ApplicationBuilder, Browser, TestApp,
};

const SLUG: &str = "amazon-apprenticeship";
const APPLICANTS: [&str; 6] =
    ["fiona.associate", "paula.parttime", "carl.corporate", "nate.newhire", "dev.engineer", "tom.techlead"];

fn day(offset: i64) -> String {
    let today = upskill::clock::today();
    let date = if offset >= 0 {
        today.checked_add_days(Days::new(offset.unsigned_abs()))
    } else {
        today.checked_sub_days(Days::new(offset.unsigned_abs()))
    };
    date.unwrap().to_string()
}

/// The administrator adds a two-seat lottery intake open from today for ten days.
async fn add_lottery_intake(app: &TestApp, ada: &Browser) -> i32 {
    let path = format!("/admin/programs/{SLUG}/intakes");
    let fields = [
        ("intake_id", ""),
        ("name", "Lottery cohort"),
        ("starts_on", &day(60)),
        ("seats", "2"),
        ("allocation", "lottery"),
        ("opens_on", &day(0)),
        ("closes_on", &day(10)),
        ("priority", "none"),
    ];
    let response = ada.post_with_csrf(&path, &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    intakes::table.filter(intakes::name.eq("Lottery cohort")).select(intakes::id).first(&mut app.db()).unwrap()
}

/// Each applicant's application, approved by their manager, then by the administrator:
/// in the draw.
async fn six_in_the_draw(app: &TestApp, ada: &Browser, intake: i32) -> Vec<i32> {
    let program = program_id(app, SLUG);
    let mut ids = Vec::new();
    for person in APPLICANTS {
        let id = ApplicationBuilder::new(
            employee_id(app, &format!("{person}@upskill.example")),
            program,
            ApplicationStatus::ManagerApproved,
        )
        .intake(intake)
        .undecided()
        .insert(&mut app.db());
        let version = version_of(app, id);
        let response = ada.post_with_csrf(&format!("/applications/{id}/approve"), &[("version", &version)]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "approving {person}'s application");
        assert_eq!(status_of(app, id), "in_draw", "{person}: an approval in the window waits for the draw");
        ids.push(id);
    }
    ids
}

/// `upskill verify-draw` of the intake, run to its end.
fn verify_draw(app: &TestApp, intake: i32) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_upskill"))
        .args(["verify-draw", "--intake", &intake.to_string(), "--database-url", &app.database_url])
        .env("RUST_LOG", "warn")
        .output()
        .unwrap()
}

fn draws_recorded(app: &TestApp) -> i64 {
    audit_log::table.filter(audit_log::action.eq("intake.drawn")).count().get_result(&mut app.db()).unwrap()
}

#[actix_web::test]
async fn a_lottery_draws_its_seats_once_after_the_close_and_the_people_in_it_can_check_the_draw() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;

    // A lottery needs its window, closing before the intake starts.
    let path = format!("/admin/programs/{SLUG}/intakes");
    let refused = ada
        .post_with_csrf(
            &path,
            &[
                ("intake_id", ""),
                ("name", "Lottery cohort"),
                ("starts_on", &day(60)),
                ("seats", "2"),
                ("allocation", "lottery"),
                ("opens_on", ""),
                ("closes_on", &day(90)),
                ("priority", "none"),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.unwrap();
    assert_eq!(
        texts(&page, ".error-summary li"),
        [
            "Enter the first day applications are taken, for example 1 February 2027.",
            "The window closes before the intake starts, so the seats are drawn in time."
        ]
    );

    let intake = add_lottery_intake(&app, &ada).await;
    let in_draw = six_in_the_draw(&app, &ada, intake).await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let (_, mine) = fiona.page(&format!("/applications/{}", in_draw[0])).await;
    assert_eq!(texts(&mine, ".lead .next-step"), ["Approved; in the seat draw after the window closes"]);
    let draw_page = format!("/programs/{SLUG}/intakes/{intake}/draw");
    let (status, before) = fiona.page(&draw_page).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(attribute(&before, "[data-in-draw]", "data-in-draw"), "6");
    assert_eq!(draws_recorded(&app), 0, "nothing is drawn while the window is open");

    // Someone not in the draw is not told it exists.
    let maria = signed_in(&app, "maria.manager").await;
    assert_eq!(maria.page(&draw_page).await.0, StatusCode::NOT_FOUND);

    // The day after the close, the first request that touches the intake draws, once.
    close_the_window(&app, intake);
    let (status, drawn) = fiona.page(&draw_page).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(draws_recorded(&app), 1);
    let seed: String =
        intakes::table.find(intake).select(intakes::draw_seed).first::<Option<String>>(&mut app.db()).unwrap().unwrap();
    assert_eq!(attribute(&drawn, "[data-seed]", "data-seed"), seed);
    let order: Vec<(i32, bool)> = intake_draw_order::table
        .filter(intake_draw_order::intake_id.eq(intake))
        .order(intake_draw_order::position.asc())
        .select((intake_draw_order::application_id, intake_draw_order::placed))
        .load(&mut app.db())
        .unwrap();
    let closes_on = upskill::clock::today() - Days::new(1);
    let expected = upskill::domain::lottery::draw(&in_draw, closes_on, 2, &[], Default::default());
    assert_eq!(order.iter().map(|(id, _)| *id).collect::<Vec<_>>(), expected.order, "the draw follows its rules");
    assert_eq!(order.iter().filter(|(_, placed)| *placed).count(), 2);
    for (position, (id, placed)) in order.iter().enumerate() {
        let status = status_of(&app, *id);
        assert_eq!(status, if *placed { "approved" } else { "waitlisted" }, "position {}", position + 1);
        let drawn_events: i64 = application_events::table
            .filter(application_events::application_id.eq(id))
            .filter(application_events::action.eq_any(["drawn_place", "drawn_waitlist"]))
            .count()
            .get_result(&mut app.db())
            .unwrap();
        assert_eq!(drawn_events, 1);
    }
    // The waitlist is in the order drawn: the third drawn is first in line.
    let third = order[2].0;
    let owner: i32 = applications::table.find(third).select(applications::employee_id).first(&mut app.db()).unwrap();
    let person = APPLICANTS[in_draw.iter().position(|id| *id == third).unwrap()];
    assert_eq!(owner, employee_id(&app, &format!("{person}@upskill.example")));
    let third_browser = signed_in(&app, person).await;
    let (_, theirs) = third_browser.page(&format!("/applications/{third}")).await;
    assert_eq!(texts(&theirs, ".lead .next-step"), ["1st in line on the waitlist"]);
    // The published list has numbers, no names.
    assert_eq!(texts(&drawn, ".draw-order tbody tr").len(), 6);
    assert!(!drawn.contains("Paula") && !drawn.contains("Carl"), "names are not published");

    // Drawing again does nothing, whoever asks.
    assert_eq!(ada.page(&format!("/admin/programs/{SLUG}/intakes")).await.0, StatusCode::OK);
    assert_eq!(draws_recorded(&app), 1);

    // The rules of a drawn lottery stay as drawn.
    let change = ada
        .post_with_csrf(
            &path,
            &[
                ("intake_id", &intake.to_string()),
                ("name", "Lottery cohort"),
                ("starts_on", &day(60)),
                ("seats", "2"),
                ("allocation", "first_come"),
                ("opens_on", ""),
                ("closes_on", ""),
                ("priority", "none"),
            ],
        )
        .await;
    assert_eq!(change.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Applying after the close is refused, with the reason.
    let late = maria
        .post_with_csrf(
            &format!("/programs/{SLUG}/apply"),
            &[("intake_id", &intake.to_string()), ("motivation", crate::helpers::MOTIVATION)],
        )
        .await;
    let late_page = late.text().await.unwrap();
    let closed = format!(
        "Applications to this intake closed on {}, and its seats were drawn by lot; choose another intake.",
        upskill::domain::words::long_date(closes_on)
    );
    assert!(texts(&late_page, ".error-summary li").contains(&closed), "{:?}", texts(&late_page, ".error-summary li"));

    // Anyone can redo the draw from what is published.
    let output = verify_draw(&app, intake);
    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{printed} {}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(printed.lines().last(), Some("matches"));
    // A published order changed afterwards no longer matches: the first two swapped.
    for (id, position) in [(order[0].0, 1000), (order[1].0, 1), (order[0].0, 2)] {
        diesel::update(intake_draw_order::table.filter(intake_draw_order::application_id.eq(id)))
            .set(intake_draw_order::position.eq(position))
            .execute(&mut app.db())
            .unwrap();
    }
    let output = verify_draw(&app, intake);
    assert!(!output.status.success());
    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(printed.contains("position 1 differs"), "{printed}");
    assert_stats_consistent(&app);
}

#[actix_web::test]
async fn many_requests_at_the_close_draw_exactly_once() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let intake = add_lottery_intake(&app, &ada).await;
    let in_draw = six_in_the_draw(&app, &ada, intake).await;
    close_the_window(&app, intake);
    let mut browsers = Vec::new();
    for person in APPLICANTS {
        browsers.push(signed_in(&app, person).await);
    }
    let draw_page = format!("/programs/{SLUG}/intakes/{intake}/draw");
    let pages = futures_util::future::join_all(browsers.iter().map(|browser| browser.page(&draw_page))).await;
    for (status, _) in &pages {
        assert_eq!(*status, StatusCode::OK);
    }
    assert_eq!(draws_recorded(&app), 1);
    let lines: i64 = intake_draw_order::table
        .filter(intake_draw_order::intake_id.eq(intake))
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(lines, 6);
    let statuses: Vec<String> = in_draw.iter().map(|id| status_of(&app, *id)).collect();
    assert_eq!(statuses.iter().filter(|s| *s == "approved").count(), 2, "{statuses:?}");
    assert_eq!(statuses.iter().filter(|s| *s == "waitlisted").count(), 4, "{statuses:?}");
    assert_stats_consistent(&app);
}

fn attribute(html: &str, selector: &str, name: &str) -> String {
    crate::helpers::attribute_values(html, selector, name).into_iter().next().unwrap_or_default()
}

/// How many applicants the large draw has: `UPSKILL_LOTTERY_APPLICANTS` (10,000 by hand),
/// 300 by default.
fn many() -> usize {
    std::env::var("UPSKILL_LOTTERY_APPLICANTS").ok().and_then(|n| n.parse().ok()).unwrap_or(300)
}

#[actix_web::test]
async fn a_large_draw_with_first_time_priority_checks_out() {
    let app = spawn_app().await;
    let applicants = many();
    let program = program_id(&app, SLUG);
    let today = upskill::clock::today();
    let intake = lottery_intake(&app, SLUG, 50, upskill::domain::DrawPriority::FirstTime);
    let other_program = program_id(&app, "aws-training-and-certification");
    let mut in_draw = Vec::with_capacity(applicants);
    let mut recent = Vec::new();
    {
        let mut conn = app.db();
        conn.transaction::<_, diesel::result::Error, _>(|conn| {
            for n in 0..applicants {
                let email = format!("draw{n}@upskill.example");
                let person = upskill::db::employees::insert(
                    conn,
                    &crate::helpers::employee_fixture(&email, &format!("Draw {n}"), None),
                )?;
                let id =
                    ApplicationBuilder::new(person, program, ApplicationStatus::InDraw).intake(intake).insert(conn);
                // One in ten completed a program six months before the close.
                if n % 10 == 0 {
                    let completed =
                        ApplicationBuilder::new(person, other_program, ApplicationStatus::Completed).insert(conn);
                    diesel::update(applications::table.find(completed))
                        .set(applications::completed_on.eq(Some(today - Days::new(180))))
                        .execute(conn)?;
                    recent.push(id);
                }
                in_draw.push(id);
            }
            Ok(())
        })
        .unwrap();
        // The completions' outcomes as if recorded on the day they happened.
        upskill::db::outcomes::rebuild(&mut conn, today).unwrap();
    }
    close_the_window(&app, intake);
    // The draw as a server makes it; the scheduler may have started first, and then this
    // finds it made.
    let started = std::time::Instant::now();
    let made = upskill::db::workflow::draw_due(&mut app.db(), Some(program), today, upskill::clock::now()).unwrap();
    let drawn = match made.as_slice() {
        [_] => format!("drawn in {} ms", started.elapsed().as_millis()),
        [] => "drawn by the scheduler".to_owned(),
        more => panic!("one intake drawn {} times", more.len()),
    };
    let ada = signed_in(&app, "ada.admin").await;
    let (status, page) = ada.page(&format!("/programs/{SLUG}/intakes/{intake}/draw")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(draws_recorded(&app), 1);
    let order: Vec<(i32, bool, bool)> = intake_draw_order::table
        .filter(intake_draw_order::intake_id.eq(intake))
        .order(intake_draw_order::position.asc())
        .select((intake_draw_order::application_id, intake_draw_order::recent_completer, intake_draw_order::placed))
        .load(&mut app.db())
        .unwrap();
    assert_eq!(order.len(), applicants);
    // First-time participants first: every recent completer comes after all the others.
    let first_recent = order.iter().position(|(_, recent, _)| *recent).unwrap();
    assert!(order[first_recent..].iter().all(|(_, recent, _)| *recent));
    assert_eq!(order.iter().filter(|(_, recent, _)| *recent).count(), recent.len());
    assert_eq!(order.iter().filter(|(_, _, placed)| *placed).count(), 50.min(applicants));
    assert_eq!(texts(&page, ".draw-order tbody tr").len(), 200.min(applicants), "a page of 200 lines");

    let started = std::time::Instant::now();
    let output = verify_draw(&app, intake);
    let verified_in = started.elapsed();
    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{printed} {}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(printed.lines().last(), Some("matches"));
    println!(
        "lottery: {applicants} in the draw, {drawn}; verify-draw in {} ms:\n{}",
        verified_in.as_millis(),
        printed.trim_end()
    );
    assert_stats_consistent(&app);
}

#[actix_web::test]
async fn someone_who_leaves_before_the_close_is_not_in_the_draw() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let intake = add_lottery_intake(&app, &ada).await;
    let in_draw = six_in_the_draw(&app, &ada, intake).await;
    // HR's administrator deactivates Paula while she waits for the draw.
    let path = format!("/admin/employees/{}", employee_id(&app, "paula.parttime@upskill.example"));
    let (_, form) = ada.page(&path).await;
    let fields = crate::helpers::with_field(crate::helpers::form_fields(&form, "form.stack"), "active", None);
    assert_eq!(ada.submit(&path, &fields).await.status(), StatusCode::SEE_OTHER);
    let paulas = in_draw[1];
    assert_eq!(status_of(&app, paulas), "withdrawn");
    close_the_window(&app, intake);
    assert_eq!(ada.page(&format!("/programs/{SLUG}/intakes/{intake}/draw")).await.0, StatusCode::OK);
    let drawn: Vec<i32> = intake_draw_order::table
        .filter(intake_draw_order::intake_id.eq(intake))
        .select(intake_draw_order::application_id)
        .load(&mut app.db())
        .unwrap();
    assert_eq!(drawn.len(), 5);
    assert!(!drawn.contains(&paulas), "a place drawn for someone who left would go to nobody");
    assert_stats_consistent(&app);
}
