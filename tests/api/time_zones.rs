//! Time zones: a person picks theirs on the account page and reads every time in it, with
//! its abbreviation, on both sides of a change of the clocks; whoever picked none reads
//! the server's `--default-time-zone`; daily summaries go out at the digest hour of each
//! recipient's clock, and reminders count working days on it.

use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;
use reqwest::StatusCode;
use upskill::db::schema::{applications, audit_log, email_preferences, employees, outbox};
use upskill::domain::mail::{ReminderLevel, ReminderPolicy};
use upskill::domain::message::Message;
use upskill::domain::time_zone::Tz;

use crate::helpers::{apply_for_tuition, employee_id, signed_in, spawn_app, spawn_app_with, texts, Browser, TestApp};

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
}

async fn choose_zone(browser: &Browser, zone: &str) -> reqwest::Response {
    browser.post_with_csrf("/account/time-zone", &[("time_zone", zone)]).await
}

/// A notice for `email` written at the instant `when` (UTC).
fn notice_at(app: &TestApp, email: &str, text: &str, when: NaiveDateTime) {
    let who = employee_id(app, email);
    upskill::db::notifications::notify(&mut app.db(), who, None, &Message::said(text), when).unwrap();
}

/// The inbox's notices and the times they say, in the page's order (newest first).
async fn inbox_times(browser: &Browser) -> Vec<String> {
    let (status, page) = browser.page("/notifications").await;
    assert_eq!(status, StatusCode::OK);
    texts(&page, ".notification .hint")
}

#[actix_web::test]
async fn times_follow_the_persons_zone_across_a_change_of_the_clocks() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    // Los Angeles moved its clocks from 02:00 PST to 03:00 PDT at 10:00 UTC on 8 March 2026.
    notice_at(&app, "fiona.associate@upskill.example", "Before the change.", at("2026-03-08 09:30"));
    notice_at(&app, "fiona.associate@upskill.example", "After the change.", at("2026-03-08 10:30"));
    assert_eq!(inbox_times(&fiona).await, ["8 March 2026 at 10:30 UTC", "8 March 2026 at 09:30 UTC"]);

    let (_, account) = fiona.page("/account").await;
    assert_eq!(
        texts(&account, "#time_zone option[selected]"),
        Vec::<String>::new(),
        "nobody chose: the organisation's"
    );
    assert_eq!(texts(&account, "#time_zone option")[0], "The organisation's: UTC");
    assert!(texts(&account, "#time_zone option").iter().any(|o| o.starts_with("America/Los Angeles (UTC-0")));
    assert!(texts(&account, ".field-checkbox .hint, .hint")
        .iter()
        .any(|h| h.contains("07:00 in your time zone (UTC)")));

    let saved = choose_zone(&fiona, "America/Los_Angeles").await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let (_, account) = fiona.page("/account").await;
    let flash = texts(&account, ".flash").join(" ");
    assert!(flash.starts_with("Times are now shown in America/Los_Angeles (now: "), "{flash}");
    assert!(flash.ends_with(" PST).") || flash.ends_with(" PDT)."), "{flash}");
    assert_eq!(texts(&account, "#time_zone option[selected]")[0].split(" (").next(), Some("America/Los Angeles"));
    assert!(texts(&account, ".hint").iter().any(|h| h.contains("07:00 in your time zone (America/Los_Angeles)")));
    assert_eq!(inbox_times(&fiona).await, ["8 March 2026 at 03:30 PDT", "8 March 2026 at 01:30 PST"]);

    // In Spanish the same instants, in Spanish words.
    let spanish = fiona.post_with_csrf("/account/language", &[("locale", "es"), ("next", "/")]).await;
    assert_eq!(spanish.status(), StatusCode::SEE_OTHER);
    let times = inbox_times(&fiona).await;
    assert!(times[0].starts_with("8 de marzo de 2026") && times[0].ends_with(" PDT"), "{times:?}");
    assert!(times[1].ends_with(" PST"), "{times:?}");

    // The choice is audited; the blank choice goes back to the organisation's zone.
    let fiona_id = employee_id(&app, "fiona.associate@upskill.example");
    let details: Vec<String> = audit_log::table
        .filter(audit_log::action.eq("account.time_zone"))
        .order(audit_log::id)
        .select(audit_log::details)
        .load(&mut app.db())
        .unwrap();
    assert_eq!(details, ["America/Los_Angeles"]);
    assert_eq!(choose_zone(&fiona, "").await.status(), StatusCode::SEE_OTHER);
    let zone: Option<String> =
        employees::table.find(fiona_id).select(employees::time_zone).first(&mut app.db()).unwrap();
    assert_eq!(zone, None);
    assert!(inbox_times(&fiona).await[0].ends_with(" UTC"));
}

#[actix_web::test]
async fn a_zone_that_is_not_one_changes_nothing() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    for forged in ["Mars/Olympus_Mons", "america/los_angeles", "America/Los_Angeles\u{0}", "Europe/Madrid\r\nX: 1"] {
        let response = choose_zone(&fiona, forged).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{forged:?}");
        let page = response.text().await.unwrap();
        assert!(page.contains("<html"), "the app's own error page: {page}");
    }
    let long = "A".repeat(5_000);
    assert_eq!(choose_zone(&fiona, &long).await.status(), StatusCode::BAD_REQUEST);
    let huge = "A".repeat(1_000_000);
    assert_eq!(choose_zone(&fiona, &huge).await.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let fiona_id = employee_id(&app, "fiona.associate@upskill.example");
    let zone: Option<String> =
        employees::table.find(fiona_id).select(employees::time_zone).first(&mut app.db()).unwrap();
    assert_eq!(zone, None);
    // An alias of a zone is a zone, kept under its own name.
    assert_eq!(choose_zone(&fiona, "US/Pacific").await.status(), StatusCode::SEE_OTHER);
    let (_, account) = fiona.page("/account").await;
    assert_eq!(texts(&account, "#time_zone option[selected]")[0].split(" (").next(), Some("US/Pacific"));
}

#[actix_web::test]
async fn whoever_chose_no_zone_reads_the_servers_default() {
    let app = spawn_app_with(|settings| settings.default_time_zone = Tz::Europe__Madrid).await;
    let fiona = signed_in(&app, "fiona.associate").await;
    notice_at(&app, "fiona.associate@upskill.example", "Winter.", at("2026-01-15 12:00"));
    notice_at(&app, "fiona.associate@upskill.example", "Summer.", at("2026-07-15 12:00"));
    assert_eq!(inbox_times(&fiona).await, ["15 July 2026 at 14:00 CEST", "15 January 2026 at 13:00 CET"]);
    let (_, account) = fiona.page("/account").await;
    assert_eq!(texts(&account, "#time_zone option")[0], "The organisation's: Europe/Madrid");
}

/// Makes `email` take a daily summary, and gives them one item waiting for it, written
/// at `written`.
fn waiting_for_digest(app: &TestApp, email: &str, written: NaiveDateTime) -> i32 {
    let who = employee_id(app, email);
    diesel::insert_into(email_preferences::table)
        .values((
            email_preferences::employee_id.eq(who),
            email_preferences::daily_digest.eq(true),
            email_preferences::updated_at.eq(written),
        ))
        .execute(&mut app.db())
        .unwrap();
    notice_at(app, email, "Something happened.", written);
    who
}

/// Who got a daily summary so far.
fn digests(app: &TestApp) -> Vec<i32> {
    outbox::table
        .filter(outbox::kind.eq("digest"))
        .order(outbox::employee_id)
        .select(outbox::employee_id)
        .load(&mut app.db())
        .unwrap()
}

#[actix_web::test]
async fn each_daily_summary_goes_out_at_the_digest_hour_of_its_recipients_clock() {
    let app = spawn_app().await;
    // Written on 7 March at 16:00 UTC: after that day's 07:00 in Los Angeles (15:00 UTC).
    let written = at("2026-03-07 16:00");
    let maria = waiting_for_digest(&app, "maria.manager@upskill.example", written);
    let paula = waiting_for_digest(&app, "paula.parttime@upskill.example", written);
    let fiona = waiting_for_digest(&app, "fiona.associate@upskill.example", written);
    for (who, zone) in [(maria, "America/Los_Angeles"), (paula, "Europe/Madrid")] {
        diesel::update(employees::table.find(who)).set(employees::time_zone.eq(zone)).execute(&mut app.db()).unwrap();
    }
    let collect = |now: &str| upskill::db::outbox::collect_digests(&mut app.db(), 7, Tz::UTC, at(now)).unwrap();

    // 8 March, 05:59 UTC: nobody's 07:00 yet (06:59 in Madrid, the evening before in
    // Los Angeles, whose 7 March summary was cut before the item came).
    assert_eq!(collect("2026-03-08 05:59"), 0);
    // 06:00 UTC is 07:00 in Madrid; 07:00 UTC is Fiona's (the server's zone, UTC).
    assert_eq!(collect("2026-03-08 06:00"), 1);
    assert_eq!(digests(&app), [paula]);
    assert_eq!(collect("2026-03-08 06:59"), 0);
    assert_eq!(collect("2026-03-08 07:00"), 1);
    assert_eq!(digests(&app), [paula.min(fiona), paula.max(fiona)]);
    // Los Angeles changed to summer time that night: 07:00 PDT is 14:00 UTC, not 15:00.
    assert_eq!(collect("2026-03-08 13:59"), 0);
    assert_eq!(collect("2026-03-08 14:00"), 1);
    let mut all = vec![maria, paula, fiona];
    all.sort();
    assert_eq!(digests(&app), all);
    // Once each: nothing more waits.
    assert_eq!(collect("2026-03-08 23:00"), 0);
}

#[actix_web::test]
async fn reminders_count_working_days_on_the_approvers_clock() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let application = apply_for_tuition(&fiona).await;
    // Submitted on Friday 27 November 2026 at 09:00 UTC; it is now Monday 30 November,
    // 11:00 UTC: one working day in UTC, but already Tuesday 01:00 at Kiritimati (UTC+14).
    diesel::update(applications::table.find(application))
        .set(applications::submitted_at.eq(at("2026-11-27 09:00")))
        .execute(&mut app.db())
        .unwrap();
    let policy = ReminderPolicy { remind_after: 2, escalate_after: 0 };
    let now = at("2026-11-30 11:00");
    let due = |app: &TestApp| upskill::db::outbox::due_reminders(&mut app.db(), policy, Tz::UTC, now).unwrap();
    assert!(due(&app).is_empty(), "one working day on Maria's clock (UTC)");

    let maria = signed_in(&app, "maria.manager").await;
    assert_eq!(choose_zone(&maria, "Pacific/Kiritimati").await.status(), StatusCode::SEE_OTHER);
    let reminders = due(&app);
    assert_eq!(reminders.len(), 1, "{reminders:?}");
    assert_eq!(reminders[0].level, ReminderLevel::Approver);
    assert_eq!(reminders[0].recipient_email, "maria.manager@upskill.example");
    assert_eq!(reminders[0].waited_working_days, 2);
    // Or, for everyone who chose none, through the server's default.
    assert_eq!(choose_zone(&maria, "").await.status(), StatusCode::SEE_OTHER);
    let by_default = upskill::db::outbox::due_reminders(&mut app.db(), policy, Tz::Pacific__Kiritimati, now).unwrap();
    assert_eq!(by_default.len(), 1);
    let a_day_earlier = now - TimeDelta::days(1);
    let not_yet = upskill::db::outbox::due_reminders(&mut app.db(), policy, Tz::Pacific__Kiritimati, a_day_earlier);
    assert!(not_yet.unwrap().is_empty());
}
