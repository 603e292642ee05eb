//! The admin dashboard and the pledge's settings: who may see them, the tracker's
//! figures, the charts and their tables, and the settings form.

use chrono::{Datelike, Days, NaiveDate, Utc};
use diesel::prelude::*;
use reqwest::StatusCode;
use upskill::db::schema::{audit_log, settings};

use crate::helpers::{
    apply, assert_stats_consistent, attribute_values, location, signed_in, spawn_app, texts, version_of, Browser,
    TestApp,
};

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// What the tracker says about a deadline (numbers below 1,000, as in these tests).
fn deadline_text(deadline: NaiveDate) -> String {
    match (deadline - today()).num_days() {
        1 => "1 day left.".to_owned(),
        n if n > 1 => format!("{n} days left."),
        0 => "The deadline is today.".to_owned(),
        -1 => "The deadline passed 1 day ago.".to_owned(),
        n => format!("The deadline passed {} days ago.", -n),
    }
}

async fn dashboard(ada: &Browser) -> String {
    let (status, body) = ada.page("/admin").await;
    assert_eq!(status, StatusCode::OK);
    body
}

fn figure(body: &str, name: &str) -> String {
    texts(body, &format!("[data-figure='{name}'] .pledge-value")).remove(0)
}

/// The body rows of one chart's table, each as its cells' texts joined by spaces.
fn table_rows(body: &str, chart: &str) -> Vec<String> {
    texts(body, &format!("table[data-chart='{chart}'] tbody tr"))
}

fn audit_rows(app: &TestApp) -> Vec<(String, String, String)> {
    audit_log::table
        .order(audit_log::id)
        .select((audit_log::action, audit_log::subject, audit_log::details))
        .load(&mut app.db())
        .unwrap()
}

/// The deadline `--demo` seeds: 31 December of next year.
fn demo_deadline() -> NaiveDate {
    NaiveDate::from_ymd_opt(today().year() + 1, 12, 31).unwrap()
}

/// The pledge settings stored, as (name, value).
fn pledge_settings(app: &TestApp) -> Vec<(String, String)> {
    settings::table.filter(settings::name.like("pledge_%")).order(settings::name).load(&mut app.db()).unwrap()
}

/// What the demo stores of the pledge: its deadline only (target and budget are the defaults).
fn demo_pledge_settings() -> Vec<(String, String)> {
    vec![("pledge_deadline".to_owned(), demo_deadline().to_string())]
}

async fn complete(_ada: &Browser, app: &TestApp, id: i32) {
    crate::completion::complete_place(app, id).await;
}

fn assert_no_inline_styles(body: &str) {
    assert!(attribute_values(body, "[style]", "style").is_empty(), "an element has a style attribute");
    assert!(!body.contains(" style="), "a style attribute in the HTML");
    assert!(!body.contains("<style"), "a style element in the HTML");
}

#[actix_web::test]
async fn only_admins_see_the_dashboard_and_the_settings() {
    let app = spawn_app().await;
    for person in ["fiona.associate", "maria.manager"] {
        let browser = signed_in(&app, person).await;
        assert_eq!(browser.page("/admin").await.0, StatusCode::FORBIDDEN, "{person}");
        assert_eq!(browser.page("/admin/settings").await.0, StatusCode::FORBIDDEN, "{person}");
        let response = browser
            .post_with_csrf(
                "/admin/settings",
                &[("target_employees", "5"), ("budget", "5"), ("deadline", "2030-01-01")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{person}");
    }
    assert_eq!(pledge_settings(&app), demo_pledge_settings());
    assert!(audit_rows(&app).is_empty());
    // Nobody signed in goes to the sign-in page first.
    let response = app.browser.get("/admin").await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/login?next=%2Fadmin");
}

#[actix_web::test]
async fn the_demo_deadline_is_seeded_once_and_never_over_what_a_database_holds() {
    let app = spawn_app().await;
    let mut conn = app.db();
    assert_eq!(pledge_settings(&app), demo_pledge_settings());
    // A database with data, whatever its pledge says, is left as it is: seeding the demo
    // a year later writes no deadline over the stored one, nor one where there was none.
    let later = today() + Days::new(400);
    for stored in [Some("2025-12-31"), None] {
        match stored {
            Some(deadline) => upskill::db::settings::set(&mut conn, "pledge_deadline", deadline).unwrap(),
            None => {
                diesel::delete(settings::table.filter(settings::name.eq("pledge_deadline")))
                    .execute(&mut conn)
                    .unwrap();
            }
        }
        let before = pledge_settings(&app);
        assert!(!upskill::db::seed::seed_demo(&mut conn, later, "x").unwrap());
        assert_eq!(pledge_settings(&app), before);
    }
    // Without a stored deadline, the tracker shows the model pledge's.
    let body = dashboard(&signed_in(&app, "ada.admin").await).await;
    assert_eq!(figure(&body, "deadline"), "31 December 2025");
}

#[actix_web::test]
async fn a_fresh_demo_tracks_nothing_done_against_a_pledge_whose_deadline_is_ahead() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let body = dashboard(&ada).await;
    assert_eq!(figure(&body, "participants"), "0 of 100,000");
    assert_eq!(figure(&body, "funding"), "$0 of $700,000,000");
    assert_eq!(figure(&body, "deadline"), format!("31 December {}", today().year() + 1));
    let days_left = texts(&body, "[data-value='days-left']");
    assert_eq!(days_left, [deadline_text(demo_deadline())]);
    assert!(days_left[0].ends_with("days left."), "{days_left:?}");
    assert_eq!(texts(&body, "[data-value='participants-percent']"), ["0%"]);
    assert_eq!(attribute_values(&body, "progress", "value"), ["0", "0"]);
    assert_eq!(attribute_values(&body, "progress", "max"), ["100000", "70000000000"]);
    // No applications: a sentence instead of empty charts.
    assert_eq!(texts(&body, "[data-empty='charts'] h3"), ["No applications yet"]);
    assert!(attribute_values(&body, "svg", "role").is_empty());
    // The settings are reachable from the page and from the admin navigation.
    assert_eq!(attribute_values(&body, "a[href='/admin/settings']", "href").len(), 2);
    assert_eq!(attribute_values(&body, "nav a[aria-current='page']", "href"), ["/admin", "/admin"]);
    assert_no_inline_styles(&body);
}

#[actix_web::test]
async fn completing_an_approved_application_counts_a_participant_and_moves_the_funnel() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let id = apply(&fiona, "aws-training-and-certification", &[]).await;
    let ada = signed_in(&app, "ada.admin").await;

    let before = dashboard(&ada).await;
    assert_eq!(figure(&before, "participants"), "0 of 100,000");
    assert_eq!(
        table_rows(&before, "funnel"),
        ["Submitted 1 100%", "Approved 1 100%", "Completed 0 0%", "Moved into a new role 0 0%"]
    );

    complete(&ada, &app, id).await;
    let after = dashboard(&ada).await;
    assert_eq!(figure(&after, "participants"), "1 of 100,000");
    assert_eq!(texts(&after, "[data-value='participants-percent']"), ["less than 0.1%"]);
    assert_eq!(attribute_values(&after, "[data-figure='participants'] progress", "value"), ["1"]);
    assert_eq!(
        table_rows(&after, "funnel"),
        ["Submitted 1 100%", "Approved 1 100%", "Completed 1 100%", "Moved into a new role 0 0%"]
    );
    let month = today().format("%Y-%m").to_string();
    let title = today().format("%B %Y").to_string();
    // Month | Completed | Approved | Not completed | In review | Rejected | Withdrawn | Total
    assert_eq!(
        texts(&after, &format!("table[data-chart='months'] tr[data-month='{month}']")),
        [format!("{title} 1 0 0 0 0 0 1")]
    );
    assert_eq!(
        texts(&after, "table[data-chart='sites'] tr[data-row='Fulfillment center']"),
        ["Fulfillment center 1 100%"]
    );
    assert_eq!(table_rows(&after, "programs")[0], "AWS Training and Certification 1 100%");
    assert_eq!(table_rows(&after, "programs").len(), 6, "the six published programs");

    // A second completion by the same person is the same participant.
    let again = apply(&fiona, "aws-training-and-certification", &[]).await;
    complete(&ada, &app, again).await;
    let twice = dashboard(&ada).await;
    assert_eq!(figure(&twice, "participants"), "1 of 100,000");
    assert_eq!(
        table_rows(&twice, "funnel"),
        ["Submitted 2 100%", "Approved 2 100%", "Completed 2 100%", "Moved into a new role 0 0%"]
    );
    assert_stats_consistent(&app);
}

#[actix_web::test]
async fn tuition_approved_by_the_manager_counts_as_funding_committed() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let term = (today() + Days::new(40)).to_string();
    let id = apply(
        &fiona,
        "career-choice",
        &[
            ("institution", "Bellevue College"),
            ("course_title", "Cloud Computing"),
            ("term_starts_on", &term),
            ("amount", "1234.50"),
            ("accept_terms", "yes"),
        ],
    )
    .await;
    let ada = signed_in(&app, "ada.admin").await;
    let submitted = dashboard(&ada).await;
    assert_eq!(figure(&submitted, "funding"), "$0 of $700,000,000", "a request is not a commitment");
    assert!(texts(&submitted, "svg[data-chart='forecast']").is_empty(), "no money, no money chart");
    assert_eq!(
        table_rows(&submitted, "funnel"),
        ["Submitted 1 100%", "Approved 0 0%", "Completed 0 0%", "Moved into a new role 0 0%"]
    );

    let maria = signed_in(&app, "maria.manager").await;
    let version = version_of(&app, id);
    let response =
        maria.post_with_csrf(&format!("/applications/{id}/approve"), &[("version", &version), ("comment", "")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let approved = dashboard(&ada).await;
    assert_eq!(figure(&approved, "funding"), "$1,234.50 of $700,000,000");
    assert_eq!(texts(&approved, "[data-value='funding-percent']"), ["less than 0.1%"]);
    assert_eq!(attribute_values(&approved, "[data-figure='funding'] progress", "value"), ["123450"]);
    assert_eq!(figure(&approved, "participants"), "0 of 100,000");

    // The money chart: this month's commitment, then the last 90 days' pace ($1,234.50 in
    // 90 days: $13.71 a day) to the deadline, month by month in its table.
    assert!(texts(&approved, "svg[data-chart='forecast'] circle title").len() > 1);
    let rows = texts(&approved, "table[data-table='forecast'] tbody tr");
    let this_month = today().format("%B %Y").to_string();
    assert_eq!(rows[0], format!("{this_month} $1,234.50 $0"), "{rows:?}");
    let deadline_month = demo_deadline().format("%B %Y").to_string();
    let days = (demo_deadline() - today()).num_days();
    let expected = upskill::domain::Cents(123_450 + 1_371 * days).to_string();
    assert_eq!(rows.last().unwrap(), &format!("{deadline_month} (forecast) {expected} $0"), "{rows:?}");
    let summary = texts(&approved, "[data-forecast-summary]").remove(0);
    assert!(summary.contains("($13.71 committed and $0 paid a day)"), "{summary}");
    assert_stats_consistent(&app);
}

#[actix_web::test]
async fn bad_settings_are_refused_next_to_their_fields_and_nothing_is_stored() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let (status, form) = ada.page("/admin/settings").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(attribute_values(&form, "#target_employees", "value"), ["100000"]);
    assert_eq!(attribute_values(&form, "#budget", "value"), ["700000000"]);
    assert_eq!(attribute_values(&form, "#deadline", "value"), [demo_deadline().to_string()]);
    assert_eq!(attribute_values(&form, "form[action='/admin/settings'] input[name='csrf_token']", "value").len(), 1);

    let response = ada
        .post_with_csrf("/admin/settings", &[("target_employees", "0"), ("budget", "lots"), ("deadline", "31/12/2027")])
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = response.text().await.unwrap();
    assert_eq!(texts(&body, "#target_employees-error"), ["The target must be at least 1 employee."]);
    assert_eq!(texts(&body, "#budget-error"), ["Enter the budget as a number of dollars, for example 700000000."]);
    assert_eq!(texts(&body, "#deadline-error"), ["Enter a real date, for example 31 December 2025."]);
    for (field, typed) in [("target_employees", "0"), ("budget", "lots"), ("deadline", "31/12/2027")] {
        let selector = format!("#{field}");
        assert_eq!(attribute_values(&body, &selector, "value"), [typed], "{field} keeps its value");
        assert_eq!(attribute_values(&body, &selector, "aria-invalid"), ["true"], "{field}");
        let described = attribute_values(&body, &selector, "aria-describedby").remove(0);
        assert!(described.split(' ').any(|id| id == format!("{field}-error")), "{field}: {described}");
    }
    assert_eq!(texts(&body, ".error-summary li").len(), 3);

    // Over the bounds.
    let response = ada
        .post_with_csrf(
            "/admin/settings",
            &[("target_employees", "10000001"), ("budget", "100000000000.01"), ("deadline", "2030-01-01")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = response.text().await.unwrap();
    assert_eq!(texts(&body, "#target_employees-error"), ["The target can be at most 10,000,000 employees."]);
    assert_eq!(texts(&body, "#budget-error"), ["The budget can be at most $100,000,000,000."]);
    assert!(texts(&body, "#deadline-error").is_empty());
    assert_eq!(attribute_values(&body, "#deadline", "aria-invalid"), Vec::<String>::new());

    assert_eq!(pledge_settings(&app), demo_pledge_settings());
    assert!(audit_rows(&app).is_empty());
    // Without the form's token: refused.
    let response = ada
        .post_form("/admin/settings", &[("target_employees", "5"), ("budget", "5"), ("deadline", "2030-01-01")])
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(pledge_settings(&app), demo_pledge_settings());
}

#[actix_web::test]
async fn good_settings_are_stored_audited_and_shown_on_the_dashboard() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let deadline = today() + Days::new(100);
    let typed_deadline = deadline.to_string();
    let response = ada
        .post_with_csrf(
            "/admin/settings",
            &[("target_employees", "120,000"), ("budget", "$650,000,000"), ("deadline", &typed_deadline)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/admin/settings");

    let (_, form) = ada.page("/admin/settings").await;
    assert_eq!(texts(&form, "[role=status].flash").len(), 1);
    assert!(texts(&form, "[role=status].flash")[0].starts_with("Pledge settings saved"));
    assert_eq!(attribute_values(&form, "#target_employees", "value"), ["120000"]);
    assert_eq!(attribute_values(&form, "#budget", "value"), ["650000000"]);
    assert_eq!(attribute_values(&form, "#deadline", "value"), [typed_deadline.as_str()]);

    let stored: Vec<(String, String)> =
        settings::table.filter(settings::name.like("pledge_%")).order(settings::name).load(&mut app.db()).unwrap();
    assert_eq!(
        stored,
        [
            ("pledge_budget_cents".to_owned(), "65000000000".to_owned()),
            ("pledge_deadline".to_owned(), typed_deadline.clone()),
            ("pledge_target_employees".to_owned(), "120000".to_owned()),
        ]
    );
    let audit = audit_rows(&app);
    assert_eq!(audit.len(), 1);
    let (action, subject, details) = &audit[0];
    assert_eq!((action.as_str(), subject.as_str()), ("settings.changed", "pledge"));
    assert_eq!(
        details,
        &format!(
            "target: 100,000 → 120,000 employees; budget: $700,000,000 → $650,000,000; deadline: {} → {typed_deadline}",
            demo_deadline()
        )
    );

    let body = dashboard(&ada).await;
    assert_eq!(figure(&body, "participants"), "0 of 120,000");
    assert_eq!(figure(&body, "funding"), "$0 of $650,000,000");
    assert_eq!(texts(&body, "[data-value='days-left']"), ["100 days left."]);
    assert_eq!(deadline_text(deadline), "100 days left.");

    // Saving the same values again changes nothing and records nothing.
    let response = ada
        .post_with_csrf(
            "/admin/settings",
            &[("target_employees", "120000"), ("budget", "650000000.00"), ("deadline", &typed_deadline)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, form) = ada.page("/admin/settings").await;
    assert_eq!(texts(&form, "[role=status].flash"), ["Nothing changed: the settings were already these."]);
    assert_eq!(audit_rows(&app).len(), 1);
}

#[actix_web::test]
async fn the_charts_are_described_images_with_tables_of_the_same_numbers() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let done = apply(&fiona, "aws-training-and-certification", &[]).await;
    let dev = signed_in(&app, "dev.engineer").await;
    apply(&dev, "machine-learning-university", &[]).await;
    apply(&dev, "aws-training-and-certification", &[]).await;
    let carl = signed_in(&app, "carl.corporate").await;
    let withdrawn = apply(&carl, "aws-training-and-certification", &[]).await;
    let version = version_of(&app, withdrawn);
    let response = carl
        .post_with_csrf(&format!("/applications/{withdrawn}/withdraw"), &[("version", &version), ("comment", "")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let ada = signed_in(&app, "ada.admin").await;
    complete(&ada, &app, done).await;

    let body = dashboard(&ada).await;
    assert_no_inline_styles(&body);
    let charts = attribute_values(&body, "svg[role='img']", "data-chart");
    assert_eq!(charts, ["months", "funnel", "sites", "programs"]);
    for chart in &charts {
        let svg = format!("svg[data-chart='{chart}']");
        let labelled_by = attribute_values(&body, &svg, "aria-labelledby").remove(0);
        // Named by its title; its <desc> is its description (naming it too would read it twice).
        assert_eq!(labelled_by, format!("{chart}-title"));
        assert_eq!(texts(&body, &format!("{svg} > title#{chart}-title")).len(), 1, "{chart} title");
        let desc = texts(&body, &format!("{svg} > desc#{chart}-desc"));
        assert!(desc.len() == 1 && !desc[0].is_empty(), "{chart} desc");
        assert_eq!(texts(&body, &format!("table[data-chart='{chart}'] caption")).len(), 1, "{chart} caption");
        assert!(!attribute_values(&body, &format!("table[data-chart='{chart}'] th[scope]"), "scope").is_empty());
        // Every heading of the dashboard has its section.
        assert_eq!(texts(&body, &format!("#{chart}-heading")).len(), 1, "{chart} heading");
    }

    // The funnel: the bars' numbers are the table's.
    assert_eq!(
        table_rows(&body, "funnel"),
        ["Submitted 4 100%", "Approved 2 50%", "Completed 1 25%", "Moved into a new role 0 0%"]
    );
    assert_eq!(texts(&body, "svg[data-chart='funnel'] .chart-value"), ["4 (100%)", "2 (50%)", "1 (25%)", "0 (0%)"]);
    assert_eq!(
        texts(&body, "#funnel-desc"),
        ["4 applications submitted; 2 (50%) approved, 1 (25%) completed and 0 (0%) moved into a new role."]
    );
    // Sites: the demo people work at a fulfillment center, a tech hub and an office.
    let sites = table_rows(&body, "sites");
    assert_eq!(sites[..3], ["Tech hub 2 50%", "Fulfillment center 1 25%", "Corporate office 1 25%"]);
    assert_eq!(sites.len(), 5);
    let drawn: Vec<String> = texts(&body, "svg[data-chart='sites'] .chart-value");
    assert_eq!(drawn[..3], ["2 (50%)", "1 (25%)", "1 (25%)"]);
    // Programs.
    assert_eq!(
        table_rows(&body, "programs")[..2],
        ["AWS Training and Certification 3 75%", "Machine Learning University 1 25%"]
    );
    // Months: one column, its total the table's; the segments' titles name the numbers.
    let month = today().format("%Y-%m").to_string();
    let title = today().format("%B %Y").to_string();
    assert_eq!(texts(&body, &format!("tr[data-month='{month}']")), [format!("{title} 1 1 0 1 0 1 4")]);
    assert_eq!(texts(&body, "svg[data-chart='months'] .chart-value"), ["4"]);
    let segments = texts(&body, "svg[data-chart='months'] rect title");
    assert_eq!(
        segments,
        [
            format!("{title}: 1 completed"),
            format!("{title}: 1 approved"),
            format!("{title}: 1 in review"),
            format!("{title}: 1 withdrawn")
        ]
    );
    assert!(texts(&body, "#months-desc")[0].starts_with(&format!("In {title}: 4 applications, of which 1 completed")));
}
