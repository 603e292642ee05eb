//! Calendars: the `.ics` download of a place and the token feed, read back by a real
//! iCalendar parser, the Python `icalendar` package (`pip install icalendar`; `.ci/run`
//! installs it): a widely used implementation written apart from this one, so escaping,
//! folding and line endings are checked by someone else's reading of RFC 5545.

use std::io::Write;
use std::process::{Command, Stdio};

use chrono::NaiveDate;
use diesel::prelude::*;
use reqwest::StatusCode;
use upskill::db::schema::{applications, audit_log, calendar_feeds, intakes, sessions};

use crate::helpers::{
    apply, apply_for_tuition, attribute_values, employee_id, form_fields, intake_ids, intake_name, location, signed_in,
    spawn_app, spawn_app_with, status_of, version_of, with_field, Browser, TestApp,
};
use crate::state_snapshot::snapshot;

/// What the parser read.
#[derive(Debug, serde::Deserialize)]
struct Parsed {
    name: String,
    events: Vec<ParsedEvent>,
}

#[derive(Debug, Clone, serde::Deserialize)]
struct ParsedEvent {
    uid: String,
    /// ISO date; `start_is_date` says it is a date (all-day), not a date-time.
    start: String,
    start_is_date: bool,
    end: String,
    stamp_is_utc: bool,
    summary: String,
    description: String,
    url: String,
}

const PARSER: &str = r#"
import json, sys
try:
    import icalendar
except ImportError:
    sys.exit(3)
import datetime
calendar = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
errors = [f"{c.name}: {e}" for c in calendar.walk() for e in c.errors]
if errors:
    print("\n".join(errors), file=sys.stderr)
    sys.exit(4)
events = []
for event in calendar.walk("VEVENT"):
    start = event.decoded("DTSTART")
    stamp = event.decoded("DTSTAMP")
    events.append({
        "uid": str(event["UID"]),
        "start": start.isoformat(),
        "start_is_date": not isinstance(start, datetime.datetime),
        "end": event.decoded("DTEND").isoformat(),
        "stamp_is_utc": stamp.utcoffset() == datetime.timedelta(0),
        "summary": str(event["SUMMARY"]),
        "description": str(event["DESCRIPTION"]),
        "url": str(event.get("URL", "")),
    })
print(json.dumps({"name": str(calendar.get("X-WR-CALNAME", "")), "events": events}))
"#;

/// Parses `ics` with Python's `icalendar`; fails loudly when it is not installed.
fn parse(ics: &str) -> Parsed {
    let mut child = Command::new("python3")
        .args(["-c", PARSER])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 is needed to parse iCalendar in the tests (.ci/run installs it)");
    child.stdin.take().unwrap().write_all(ics.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    match output.status.code() {
        Some(0) => serde_json::from_slice(&output.stdout).unwrap(),
        Some(3) => panic!("the Python icalendar package is missing: `python3 -m pip install icalendar` (.ci/run does)"),
        _ => panic!("the iCalendar parser refused the document: {}\n{ics}", String::from_utf8_lossy(&output.stderr)),
    }
}

/// Checks the wire format that parsers forgive: CRLF only, no line over 75 octets.
fn assert_wire_format(ics: &str) {
    assert!(ics.ends_with("END:VCALENDAR\r\n"), "{ics}");
    assert_eq!(ics.matches('\n').count(), ics.matches("\r\n").count(), "a bare line feed in\n{ics}");
    assert_eq!(ics.matches('\r').count(), ics.matches("\r\n").count(), "a bare carriage return in\n{ics}");
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "a line of {} octets: {line:?}", line.len());
    }
}

/// Approves an application through both stages (Maria, then Ada).
async fn approve(app: &TestApp, id: i32) {
    for person in ["maria.manager", "ada.admin"] {
        let decider = signed_in(app, person).await;
        let response =
            decider.post_with_csrf(&format!("/applications/{id}/approve"), &[("version", &version_of(app, id))]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{person} approves {id}");
    }
}

fn starts_on(app: &TestApp, intake: i32) -> NaiveDate {
    intakes::table.find(intake).select(intakes::starts_on).first(&mut app.db()).unwrap()
}

/// GETs `path` and returns the status, the `Content-Type` and the body.
async fn fetch(client: &reqwest::Client, url: &str) -> (StatusCode, String, String) {
    let response = client.get(url).send().await.unwrap();
    let status = response.status();
    let content_type =
        response.headers().get("content-type").map(|v| v.to_str().unwrap().to_owned()).unwrap_or_default();
    (status, content_type, response.text().await.unwrap())
}

/// Creates (or replaces) the browser's feed address through the account page and
/// returns it, as shown once.
async fn new_feed_url(browser: &Browser) -> String {
    let response = browser.post_with_csrf("/account/calendar-feed", &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/account#calendar-feed");
    let (status, page) = browser.page("/account").await;
    assert_eq!(status, StatusCode::OK);
    let url = attribute_values(&page, "#calendar-feed-url", "value");
    assert_eq!(url.len(), 1, "the new address is shown");
    url[0].clone()
}

fn audit_actions(app: &TestApp) -> Vec<String> {
    audit_log::table
        .filter(audit_log::action.like("account.calendar_feed%"))
        .order(audit_log::id)
        .select(audit_log::action)
        .load(&mut app.db())
        .unwrap()
}

#[actix_web::test]
async fn an_approved_place_downloads_as_one_all_day_event_with_a_stable_uid() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let intake = intake_ids(&app, "amazon-apprenticeship")[1];
    let id = apply(&fiona, "amazon-apprenticeship", &[("intake_id", &intake.to_string())]).await;
    let path = format!("/applications/{id}/calendar.ics");
    let link = format!("a[href='{path}']");

    // Submitted, then approved by the manager only: no place yet, no calendar.
    assert_eq!(fiona.get(&path).await.status(), StatusCode::NOT_FOUND);
    let maria = signed_in(&app, "maria.manager").await;
    maria.post_with_csrf(&format!("/applications/{id}/approve"), &[("version", &version_of(&app, id))]).await;
    assert_eq!(status_of(&app, id), "manager_approved");
    assert_eq!(fiona.get(&path).await.status(), StatusCode::NOT_FOUND);
    let (_, page) = fiona.page(&format!("/applications/{id}")).await;
    assert!(attribute_values(&page, &link, "href").is_empty(), "no link before the place is confirmed");

    let ada = signed_in(&app, "ada.admin").await;
    ada.post_with_csrf(&format!("/applications/{id}/approve"), &[("version", &version_of(&app, id))]).await;
    assert_eq!(status_of(&app, id), "approved");
    let (_, page) = fiona.page(&format!("/applications/{id}")).await;
    assert_eq!(attribute_values(&page, &link, "href"), [path.as_str()], "the owner's page offers the download");

    let response = fiona.get(&path).await;
    assert_eq!(response.status(), StatusCode::OK);
    let header = |name: &str| response.headers().get(name).unwrap().to_str().unwrap().to_owned();
    assert_eq!(header("content-type"), "text/calendar; charset=utf-8");
    assert_eq!(header("content-disposition"), "attachment; filename=\"amazon-apprenticeship.ics\"");
    let ics = response.text().await.unwrap();
    assert_wire_format(&ics);
    let parsed = parse(&ics);
    assert_eq!(parsed.events.len(), 1);
    let event = &parsed.events[0];
    let start = starts_on(&app, intake);
    assert_eq!(event.start, start.to_string());
    assert!(event.start_is_date, "an all-day event");
    assert_eq!(event.end, start.succ_opt().unwrap().to_string());
    assert!(event.stamp_is_utc);
    assert_eq!(event.summary, format!("Amazon Apprenticeship: {}", intake_name(&app, intake)));
    let link_back = format!("{}/applications/{id}", app.address);
    assert!(event.description.contains(&link_back), "{}", event.description);
    assert!(event.description.contains('\n'), "the description keeps its line break");
    assert_eq!(event.url, link_back);

    // The same place downloaded again, and once completed: the same UID.
    let again = parse(&fiona.page(&path).await.1);
    assert_eq!(again.events[0].uid, event.uid);
    crate::completion::complete_place(&app, id).await;
    assert_eq!(status_of(&app, id), "completed");
    let (status, body) = fiona.page(&path).await;
    assert_eq!(status, StatusCode::OK, "a completed place held its seat");
    assert_eq!(parse(&body).events[0].uid, event.uid);

    // The download changed nothing and started no session of its own.
    let before = snapshot(&app);
    fiona.get(&path).await;
    assert_eq!(snapshot(&app), before);
}

#[actix_web::test]
async fn only_the_owner_of_a_place_downloads_it_everyone_else_gets_404() {
    let app = spawn_app().await;
    let one_seat = intake_ids(&app, "amazon-apprenticeship")[0].to_string();
    let fiona = signed_in(&app, "fiona.associate").await;
    let paula = signed_in(&app, "paula.parttime").await;
    let placed = apply(&fiona, "amazon-apprenticeship", &[("intake_id", &one_seat)]).await;
    let waitlisted = apply(&paula, "amazon-apprenticeship", &[("intake_id", &one_seat)]).await;
    approve(&app, placed).await;
    approve(&app, waitlisted).await;
    assert_eq!((status_of(&app, placed).as_str(), status_of(&app, waitlisted).as_str()), ("approved", "waitlisted"));
    let tuition = apply_for_tuition(&paula).await;
    let maria = signed_in(&app, "maria.manager").await;
    maria.post_with_csrf(&format!("/applications/{tuition}/approve"), &[("version", &version_of(&app, tuition))]).await;
    assert_eq!(status_of(&app, tuition), "approved");

    let ics = |id: i32| format!("/applications/{id}/calendar.ics");
    assert_eq!(fiona.get(&ics(placed)).await.status(), StatusCode::OK);
    // Those who see the application (its approver, an admin) and those who don't.
    for person in ["maria.manager", "ada.admin", "carl.corporate", "paula.parttime"] {
        let other = signed_in(&app, person).await;
        assert_eq!(other.get(&ics(placed)).await.status(), StatusCode::NOT_FOUND, "{person}");
    }
    // No seat (waitlisted), no intake (tuition), no such application.
    assert_eq!(paula.get(&ics(waitlisted)).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(paula.get(&ics(tuition)).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(paula.get(&ics(999_999)).await.status(), StatusCode::NOT_FOUND);
    let (_, page) = paula.page(&format!("/applications/{waitlisted}")).await;
    assert!(attribute_values(&page, "a[href$='calendar.ics']", "href").is_empty());
    // Not signed in: the sign-in page, as for every page.
    let response = app.new_browser().get(&ics(placed)).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(location(&response).starts_with("/login?next="));

    // A place withdrawn is gone from the calendar.
    let version = version_of(&app, placed);
    fiona.post_with_csrf(&format!("/applications/{placed}/withdraw"), &[("version", &version)]).await;
    assert_eq!(status_of(&app, placed), "withdrawn");
    assert_eq!(fiona.get(&ics(placed)).await.status(), StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn the_feed_lists_exactly_the_employee_s_places_to_a_client_without_cookies() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let paula = signed_in(&app, "paula.parttime").await;
    let apprenticeship = intake_ids(&app, "amazon-apprenticeship")[1];
    let associate2tech = intake_ids(&app, "associate2tech")[0];
    let later = apply(&fiona, "amazon-apprenticeship", &[("intake_id", &apprenticeship.to_string())]).await;
    let sooner = apply(&fiona, "associate2tech", &[("intake_id", &associate2tech.to_string())]).await;
    let tuition = apply_for_tuition(&fiona).await;
    let paulas = apply(&paula, "amazon-apprenticeship", &[("intake_id", &apprenticeship.to_string())]).await;
    approve(&app, later).await;
    approve(&app, paulas).await;
    let maria = signed_in(&app, "maria.manager").await;
    maria.post_with_csrf(&format!("/applications/{tuition}/approve"), &[("version", &version_of(&app, tuition))]).await;
    // Fiona's Associate2Tech application waits on her manager.
    assert_eq!(status_of(&app, sooner), "submitted");

    // The account page offers the feed; the address is shown once, its hash stored.
    let (_, account) = fiona.page("/account").await;
    assert_eq!(attribute_values(&account, "#calendar-feed form", "action"), ["/account/calendar-feed"]);
    let url = new_feed_url(&fiona).await;
    let prefix = format!("{}/calendar.ics?token=", app.address);
    let token = url.strip_prefix(&prefix).unwrap_or_else(|| panic!("{url} is not a feed address")).to_owned();
    assert!(token.len() >= 43, "a long random token");
    let (_, again) = fiona.page("/account").await;
    assert!(attribute_values(&again, "#calendar-feed-url", "value").is_empty(), "shown only once");
    assert_eq!(
        attribute_values(&again, "#calendar-feed form", "action"),
        ["/account/calendar-feed", "/account/calendar-feed/off"]
    );
    let stored: Vec<String> = calendar_feeds::table.select(calendar_feeds::token_hash).load(&mut app.db()).unwrap();
    assert_eq!(stored, [upskill::security::sha256_hex(&token)]);
    let in_sessions: i64 =
        sessions::table.filter(sessions::state.like(format!("%{token}%"))).count().get_result(&mut app.db()).unwrap();
    assert_eq!(in_sessions, 0, "the token is kept in no session");
    assert_eq!(audit_actions(&app), ["account.calendar_feed_created"]);

    // A calendar app: no cookies, no session.
    let calendar_app = reqwest::Client::new();
    let sessions_before: i64 = sessions::table.count().get_result(&mut app.db()).unwrap();
    let response = calendar_app.get(&url).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers().get("set-cookie").is_none(), "the feed starts no session");
    assert_eq!(response.headers()["content-type"], "text/calendar; charset=utf-8");
    let ics = response.text().await.unwrap();
    assert_wire_format(&ics);
    let parsed = parse(&ics);
    assert_eq!(parsed.name, "Upskill: your places");
    let summaries: Vec<&str> = parsed.events.iter().map(|e| e.summary.as_str()).collect();
    let expected = format!("Amazon Apprenticeship: {}", intake_name(&app, apprenticeship));
    assert_eq!(summaries, [expected.as_str()], "Fiona's one place, nobody else's");
    assert_eq!(parsed.events[0].start, starts_on(&app, apprenticeship).to_string());
    assert_eq!(sessions::table.count().get_result::<i64>(&mut app.db()).unwrap(), sessions_before);
    // The same UID as the download: a calendar app holding both keeps one event.
    let download = parse(&fiona.page(&format!("/applications/{later}/calendar.ics")).await.1);
    assert_eq!(parsed.events[0].uid, download.events[0].uid);

    // A second place joins the feed, in order of start.
    approve(&app, sooner).await;
    assert_eq!(status_of(&app, sooner), "approved");
    let (_, _, ics) = fetch(&calendar_app, &url).await;
    let starts: Vec<String> = parse(&ics).events.iter().map(|e| e.start.clone()).collect();
    assert_eq!(starts, [starts_on(&app, associate2tech).to_string(), starts_on(&app, apprenticeship).to_string()]);
    let uids: Vec<String> = parse(&ics).events.iter().map(|e| e.uid.clone()).collect();
    assert_ne!(uids[0], uids[1]);

    // Paula's feed holds Paula's place only.
    let paulas_url = new_feed_url(&paula).await;
    let (_, _, ics) = fetch(&calendar_app, &paulas_url).await;
    let paulas_feed = parse(&ics);
    assert_eq!(paulas_feed.events.len(), 1);
    assert!(paulas_feed.events[0].url.ends_with(&format!("/applications/{paulas}")));
}

#[actix_web::test]
async fn a_replaced_or_turned_off_address_stops_working_and_a_wrong_token_changes_nothing() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let calendar_app = reqwest::Client::new();
    let first = new_feed_url(&fiona).await;
    assert_eq!(fetch(&calendar_app, &first).await.0, StatusCode::OK);

    let second = new_feed_url(&fiona).await;
    assert_ne!(first, second);
    assert_eq!(fetch(&calendar_app, &first).await.0, StatusCode::NOT_FOUND, "the replaced address");
    assert_eq!(fetch(&calendar_app, &second).await.0, StatusCode::OK);
    assert_eq!(calendar_feeds::table.count().get_result::<i64>(&mut app.db()).unwrap(), 1);

    // Wrong, missing, empty or absurd tokens: 404, nothing stored, nothing said.
    let before = snapshot(&app);
    let wrong = format!("{}/calendar.ics?token={}", app.address, upskill::security::random_token(32));
    let missing = format!("{}/calendar.ics", app.address);
    let empty = format!("{}/calendar.ics?token=", app.address);
    let long = format!("{}/calendar.ics?token={}", app.address, "x".repeat(5000));
    let other_parameter = second.replace("token=", "tokens=");
    for url in [&wrong, &missing, &empty, &long, &other_parameter] {
        let (status, content_type, body) = fetch(&calendar_app, url).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{url}");
        assert!(content_type.starts_with("text/html"), "{url}");
        assert!(!body.contains("BEGIN:VCALENDAR"), "{url}");
    }
    // Signed in does not help either: the token is the only credential.
    assert_eq!(fiona.get("/calendar.ics").await.status(), StatusCode::NOT_FOUND);
    assert_eq!(snapshot(&app), before);
    let stored: Vec<String> = calendar_feeds::table.select(calendar_feeds::token_hash).load(&mut app.db()).unwrap();
    let token = second.split("token=").nth(1).unwrap();
    assert_eq!(stored, [upskill::security::sha256_hex(token)]);

    // Turned off: the address stops working; turning it off again says so and does nothing.
    let response = fiona.post_with_csrf("/account/calendar-feed/off", &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(fetch(&calendar_app, &second).await.0, StatusCode::NOT_FOUND);
    assert_eq!(calendar_feeds::table.count().get_result::<i64>(&mut app.db()).unwrap(), 0);
    let (_, account) = fiona.page("/account").await;
    assert_eq!(attribute_values(&account, "#calendar-feed form", "action"), ["/account/calendar-feed"]);
    fiona.post_with_csrf("/account/calendar-feed/off", &[]).await;
    let (_, account) = fiona.page("/account").await;
    assert!(account.contains("Your calendar feed was already off."));
    assert_eq!(
        audit_actions(&app),
        ["account.calendar_feed_created", "account.calendar_feed_replaced", "account.calendar_feed_turned_off"]
    );

    // Without a valid CSRF token nothing is made.
    let response = fiona.post_form("/account/calendar-feed", &[("csrf_token", "forged")]).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(calendar_feeds::table.count().get_result::<i64>(&mut app.db()).unwrap(), 0);
}

#[actix_web::test]
async fn the_new_address_is_shown_only_to_the_person_it_belongs_to() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let response = fiona.post_with_csrf("/account/calendar-feed", &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    // Fiona signs out before looking; Paula signs in on the same browser.
    fiona.post_with_csrf("/logout", &[]).await;
    fiona.sign_in("paula.parttime@upskill.example").await;
    // Even were Paula's feed to have Fiona's token, the address is not shown to her.
    let paula = employee_id(&app, "paula.parttime@upskill.example");
    let fionas_hash: String = calendar_feeds::table.select(calendar_feeds::token_hash).first(&mut app.db()).unwrap();
    diesel::update(calendar_feeds::table).set(calendar_feeds::employee_id.eq(paula)).execute(&mut app.db()).unwrap();
    assert_eq!(
        calendar_feeds::table.find(paula).select(calendar_feeds::token_hash).first::<String>(&mut app.db()).unwrap(),
        fionas_hash
    );
    let (_, account) = fiona.page("/account").await;
    assert!(attribute_values(&account, "#calendar-feed-url", "value").is_empty(), "not Fiona's address to Paula");
}

#[actix_web::test]
async fn a_deactivated_employee_s_feed_is_404() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let url = new_feed_url(&fiona).await;
    let calendar_app = reqwest::Client::new();
    assert_eq!(fetch(&calendar_app, &url).await.0, StatusCode::OK);

    let ada = signed_in(&app, "ada.admin").await;
    let path = format!("/admin/employees/{}", employee_id(&app, "fiona.associate@upskill.example"));
    let (_, page) = ada.page(&path).await;
    let response = ada.submit(&path, &with_field(form_fields(&page, "form.stack"), "active", None)).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let before = snapshot(&app);
    assert_eq!(fetch(&calendar_app, &url).await.0, StatusCode::NOT_FOUND);
    assert_eq!(snapshot(&app), before);
}

#[actix_web::test]
async fn names_with_commas_semicolons_backslashes_and_non_ascii_round_trip_through_the_parser() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    // `C:\new` reads as a line break to a parser if the backslash is not escaped.
    let program = r"Ünïcode, Ltd; C:\new\path — 日本語 «apprentissage» 🎓, the long way round";
    let edit = "/admin/programs/amazon-apprenticeship/edit";
    let (_, form) = ada.page(edit).await;
    let response = ada.submit(edit, &with_field(form_fields(&form, "form.program-form"), "name", Some(program))).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let intake = intake_ids(&app, "amazon-apprenticeship")[1];
    let intake_name = "Été 2027; cohort, «B» \\ north";
    let start = starts_on(&app, intake).to_string();
    let seats: i32 = intakes::table.find(intake).select(intakes::seats).first(&mut app.db()).unwrap();
    let response = ada
        .post_with_csrf(
            "/admin/programs/amazon-apprenticeship/intakes",
            &[
                ("intake_id", &intake.to_string()),
                ("name", intake_name),
                ("starts_on", &start),
                ("seats", &seats.to_string()),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    let fiona = signed_in(&app, "fiona.associate").await;
    let id = apply(&fiona, "amazon-apprenticeship", &[("intake_id", &intake.to_string())]).await;
    approve(&app, id).await;
    let stored: String = applications::table.find(id).select(applications::status).first(&mut app.db()).unwrap();
    assert_eq!(stored, "approved");

    let response = fiona.get(&format!("/applications/{id}/calendar.ics")).await;
    assert_eq!(
        response.headers()["content-disposition"],
        "attachment; filename=\"amazon-apprenticeship.ics\"",
        "the file is named for the program's slug, plain ASCII"
    );
    let ics = response.text().await.unwrap();
    assert_wire_format(&ics);
    assert!(ics.contains("\r\n "), "the summary is long enough to fold");
    assert!(ics.contains(r"Ünïcode\, Ltd\; C:\\new\\path"), "escaped on the wire");
    let downloaded = parse(&ics);
    let expected = format!("{program}: {intake_name}");
    assert_eq!(downloaded.events[0].summary, expected);
    assert!(downloaded.events[0]
        .description
        .starts_with(&format!("Your place in {program} ({intake_name}) starts on")));

    let url = new_feed_url(&fiona).await;
    let (_, _, feed) = fetch(&reqwest::Client::new(), &url).await;
    assert_wire_format(&feed);
    assert_eq!(parse(&feed).events[0].summary, expected);
}

/// The link back in the download of `path`, fetched with `headers`.
async fn link_back(browser: &Browser, path: &str, headers: &[(&str, &str)]) -> String {
    let mut request = browser.client.get(browser.url(path));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let ics = request.send().await.unwrap().text().await.unwrap();
    parse(&ics).events[0].url.clone()
}

#[actix_web::test]
async fn links_in_calendars_believe_forwarding_headers_only_from_a_trusted_proxy() {
    let spoofed = [
        ("host", "evil.example"),
        ("x-forwarded-host", "evil.example"),
        ("x-forwarded-proto", "javascript"),
        ("forwarded", "host=evil.example;proto=https"),
    ];
    for trusted in [false, true] {
        let app = spawn_app_with(|settings| {
            if trusted {
                settings.trusted_proxies = vec!["127.0.0.1/32".parse().unwrap()];
            }
        })
        .await;
        let fiona = signed_in(&app, "fiona.associate").await;
        let intake = intake_ids(&app, "amazon-apprenticeship")[1];
        let id = apply(&fiona, "amazon-apprenticeship", &[("intake_id", &intake.to_string())]).await;
        approve(&app, id).await;
        let path = format!("/applications/{id}/calendar.ics");
        let own = format!("{}/applications/{id}", app.address);
        if !trusted {
            assert_eq!(link_back(&fiona, &path, &spoofed).await, own, "a client names no host nor scheme");
            continue;
        }
        let proxied = [("x-forwarded-host", "upskill.example.com"), ("x-forwarded-proto", "https")];
        assert_eq!(link_back(&fiona, &path, &proxied).await, format!("https://upskill.example.com/applications/{id}"));
        let scripted = [("x-forwarded-host", "upskill.example.com"), ("x-forwarded-proto", "javascript")];
        assert_eq!(link_back(&fiona, &path, &scripted).await, format!("http://upskill.example.com/applications/{id}"));
        let broken = [("x-forwarded-host", "upskill.example.com/\"><x")];
        assert!(!link_back(&fiona, &path, &broken).await.contains("<x"));
    }
}
