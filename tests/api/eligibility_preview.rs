//! The eligibility headcount preview of the program form ("Preview who is eligible"):
//! its counts against a brute-force count of every person through `check_eligibility`,
//! nothing saved, a wrong form refused as saving it would be, and who may ask.

use chrono::{Days, NaiveDate};
use diesel::prelude::*;
use reqwest::StatusCode;
use upskill::db::schema::employees;
use upskill::domain::headcount::HORIZON_DAYS;
use upskill::domain::{
    check_eligibility, EmployeeProfile, EmploymentType, JobFamily, ProgramRules, ProgramStatus, SiteType,
};

use crate::helpers::{
    attribute_values, employee_fixture, form_fields, location, signed_in, texts, with_field, TestApp,
};
use crate::helpers::{spawn_app, Browser};
use crate::state_snapshot::snapshot;

/// The program whose form the tests preview: a cohort program of the demo, published.
const ATA: &str = "amazon-technical-academy";

fn today() -> NaiveDate {
    upskill::clock::today()
}

fn in_90_days() -> NaiveDate {
    today() + Days::new(HORIZON_DAYS)
}

/// A hundred and more people beside the demo's: every site type, two job families at
/// each, both employment types, hired around a year and around 90 days ago (some reach a
/// year's tenure within the next 90 days, some the day after), one in three inactive.
fn add_people(app: &TestApp) {
    let families = [
        (SiteType::FulfillmentCenter, [JobFamily::Fulfillment, JobFamily::Operations]),
        (SiteType::CorporateOffice, [JobFamily::Corporate, JobFamily::Technical]),
        (SiteType::TechHub, [JobFamily::Technical, JobFamily::Corporate]),
        (SiteType::RetailStore, [JobFamily::Retail, JobFamily::Operations]),
        (SiteType::TransportationNetwork, [JobFamily::Transportation, JobFamily::Operations]),
    ];
    // Days since hiring: a year's tenure reached long ago, today, within 90 days (276 and
    // 275 days ago reach it on days 89 and 90), not within 90 days (274), around 90 days'
    // tenure, and hired today.
    let hired_days_ago = [800, 366, 365, 364, 300, 276, 275, 274, 91, 90, 89, 1, 0];
    let mut people = Vec::new();
    for (site_type, site_families) in families {
        for job_family in site_families {
            for employment_type in [EmploymentType::FullTime, EmploymentType::PartTime] {
                for days in hired_days_ago {
                    let n = people.len();
                    let mut person =
                        employee_fixture(&format!("preview{n}@upskill.example"), &format!("Preview Person {n}"), None);
                    person.record.job_family = job_family;
                    person.record.site_type = site_type;
                    person.record.employment_type = employment_type;
                    person.record.hire_date = today() - Days::new(days);
                    person.active = n % 3 != 2;
                    people.push(person);
                }
            }
        }
    }
    app.db()
        .transaction(|conn| {
            for person in &people {
                diesel::insert_into(employees::table).values(person).execute(conn)?;
            }
            diesel::QueryResult::Ok(())
        })
        .unwrap();
}

/// A brute-force count of one site type and job family: (site type, job family, today, in
/// 90 days).
type Cell = (SiteType, JobFamily, i64, i64);

/// Eligible people counted one by one: every active person through `check_eligibility`,
/// with the rules as if published, today and in 90 days, by (site type, job family).
fn brute_force(app: &TestApp, rules: &ProgramRules) -> Vec<Cell> {
    let rules = ProgramRules { status: ProgramStatus::Published, ..rules.clone() };
    let everyone: Vec<(JobFamily, SiteType, EmploymentType, NaiveDate, bool)> = employees::table
        .select((
            employees::job_family,
            employees::site_type,
            employees::employment_type,
            employees::hire_date,
            employees::active,
        ))
        .load(&mut app.db())
        .unwrap();
    let mut counts = Vec::new();
    for site_type in SiteType::ALL {
        for job_family in JobFamily::ALL {
            let (mut today_count, mut later_count) = (0, 0);
            for (family, site, employment_type, hire_date, active) in &everyone {
                if !active || site != site_type || family != job_family {
                    continue;
                }
                let person = EmployeeProfile {
                    job_family: *family,
                    site_type: *site,
                    employment_type: *employment_type,
                    hire_date: *hire_date,
                };
                today_count += i64::from(check_eligibility(&person, &rules, today()).is_eligible());
                later_count += i64::from(check_eligibility(&person, &rules, in_90_days()).is_eligible());
            }
            counts.push((*site_type, *job_family, today_count, later_count));
        }
    }
    counts
}

/// A number as the page shows it ("1,234").
fn number(text: &str) -> i64 {
    text.replace(',', "").parse().unwrap_or_else(|_| panic!("not a count: {text:?}"))
}

/// The count a preview page shows in a table's row for a column (`edited-today`, …).
fn shown(page: &str, table: &str, row: &str, column: &str) -> i64 {
    let cells = texts(page, &format!("table[data-headcount={table}] tr[data-row={row}] td[data-count={column}]"));
    assert_eq!(cells.len(), 1, "{table} {row} {column}");
    number(&cells[0])
}

/// Checks every cell of the page's tables for one rule (`edited` or `saved`) against the
/// brute-force count of `rules`.
#[track_caller]
fn assert_counts(page: &str, which: &str, app: &TestApp, rules: &ProgramRules) {
    let expected = brute_force(app, rules);
    let sum = |keep: &dyn Fn(&Cell) -> bool| {
        expected.iter().filter(|c| keep(c)).fold((0, 0), |(t, l), (_, _, today, later)| (t + today, l + later))
    };
    let mut checked = Vec::new();
    for site in SiteType::ALL {
        checked.push(("site-type", site.as_str(), sum(&|c| c.0 == *site)));
    }
    for family in JobFamily::ALL {
        checked.push(("job-family", family.as_str(), sum(&|c| c.1 == *family)));
    }
    let all = sum(&|_| true);
    checked.push(("site-type", "all", all));
    checked.push(("job-family", "all", all));
    for (table, row, (today_count, later_count)) in checked {
        let found =
            (shown(page, table, row, &format!("{which}-today")), shown(page, table, row, &format!("{which}-later")));
        assert_eq!(found, (today_count, later_count), "{which} rule, {table} {row}: {rules:?}");
    }
    let totals = |day: &str| number(&texts(page, &format!("[data-total={which}-{day}]"))[0]);
    assert_eq!((totals("today"), totals("later")), all, "{which} rule's totals");
}

/// The program form of `slug` as its page has it, with `changes` made.
async fn edited_form(admin: &Browser, slug: &str, changes: &[(&str, Option<&str>)]) -> Vec<(String, String)> {
    let (status, page) = admin.page(&format!("/admin/programs/{slug}/edit")).await;
    assert_eq!(status, StatusCode::OK);
    let mut fields = form_fields(&page, "form.program-form");
    for (name, value) in changes {
        fields = with_field(fields, name, *value);
    }
    fields
}

/// `fields` with every value of the repeated field `name` replaced by `values`.
fn with_list(mut fields: Vec<(String, String)>, name: &str, values: &[&str]) -> Vec<(String, String)> {
    fields.retain(|(k, _)| k != name);
    fields.extend(values.iter().map(|v| (name.to_owned(), (*v).to_owned())));
    fields
}

fn saved_rules(app: &TestApp, slug: &str) -> ProgramRules {
    upskill::db::programs::find_by_slug(&mut app.db(), slug).unwrap().rules()
}

#[actix_web::test]
async fn the_preview_counts_whom_check_eligibility_finds_eligible_today_and_in_90_days() {
    let app = spawn_app().await;
    add_people(&app);
    let ada = signed_in(&app, "ada.admin").await;
    let saved = saved_rules(&app, ATA);
    let opens_on = today() + Days::new(30);
    let rules = [
        // Several conditions at once: a year's tenure, three job families, three site
        // types, full-time only.
        ProgramRules {
            min_tenure_days: 365,
            allowed_job_families: vec![JobFamily::Corporate, JobFamily::Technical, JobFamily::Fulfillment],
            allowed_site_types: vec![SiteType::CorporateOffice, SiteType::TechHub, SiteType::FulfillmentCenter],
            full_time_only: true,
            opens_on: None,
            closes_on: None,
            ..saved.clone()
        },
        // Everyone with 90 days of service.
        ProgramRules {
            min_tenure_days: 90,
            allowed_job_families: vec![],
            allowed_site_types: vec![],
            full_time_only: false,
            opens_on: None,
            closes_on: None,
            ..saved.clone()
        },
        // A window that opens within the 90 days: nobody today.
        ProgramRules {
            min_tenure_days: 300,
            allowed_job_families: vec![JobFamily::Operations],
            allowed_site_types: vec![],
            full_time_only: false,
            opens_on: Some(opens_on),
            closes_on: None,
            ..saved.clone()
        },
    ];
    for rule in &rules {
        let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        let tenure = rule.min_tenure_days.to_string();
        let fields = edited_form(
            &ada,
            ATA,
            &[
                ("min_tenure_days", Some(&tenure)),
                ("full_time_only", rule.full_time_only.then_some("yes")),
                ("opens_on", Some(&day(rule.opens_on))),
                ("closes_on", Some(&day(rule.closes_on))),
            ],
        )
        .await;
        let families: Vec<&str> = rule.allowed_job_families.iter().map(|f| f.as_str()).collect();
        let sites: Vec<&str> = rule.allowed_site_types.iter().map(|s| s.as_str()).collect();
        let fields = with_list(with_list(fields, "job_families", &families), "site_types", &sites);
        let response = ada.submit(&format!("/admin/programs/{ATA}/preview"), &fields).await;
        assert_eq!(response.status(), StatusCode::OK);
        let page = response.text().await.unwrap();
        assert_counts(&page, "edited", &app, rule);
        assert_counts(&page, "saved", &app, &saved);
        if rule.opens_on.is_some() {
            assert_eq!(shown(&page, "site-type", "all", "edited-today"), 0, "the window is not open today");
            assert!(shown(&page, "site-type", "all", "edited-later") > 0, "it is in 90 days");
            let notes = texts(&page, ".headcount-note");
            assert!(notes.iter().any(|n| n.starts_with("The rule as edited counts nobody today")), "{notes:?}");
        }
    }
}

#[actix_web::test]
async fn the_numbers_count_only_active_people_and_the_tenure_they_reach_within_90_days() {
    let app = spawn_app().await;
    add_people(&app);
    let ada = signed_in(&app, "ada.admin").await;
    // Retail part-timers: 13 hire dates, of which 8 active (one in three is not).
    let fields = with_list(
        with_list(
            edited_form(&ada, ATA, &[("min_tenure_days", Some("365")), ("full_time_only", None)]).await,
            "job_families",
            &["retail"],
        ),
        "site_types",
        &["retail_store"],
    );
    let page = ada.submit(&format!("/admin/programs/{ATA}/preview"), &fields).await.text().await.unwrap();
    let retail: Vec<(NaiveDate, bool)> = employees::table
        .filter(employees::site_type.eq(SiteType::RetailStore))
        .filter(employees::job_family.eq(JobFamily::Retail))
        .select((employees::hire_date, employees::active))
        .load(&mut app.db())
        .unwrap();
    // By hand: a year's service on a day is a hire date at least 365 days before it.
    let hired_by = |day: NaiveDate, only_active: bool| {
        let last = day - Days::new(365);
        retail.iter().filter(|(hired, active)| (*active || !only_active) && *hired <= last).count() as i64
    };
    let expected = (hired_by(today(), true), hired_by(in_90_days(), true));
    let cell = |column: &str| shown(&page, "site-type", "retail_store", column);
    assert_eq!((cell("edited-today"), cell("edited-later")), expected);
    assert!(expected.1 > expected.0, "some reach a year's service within 90 days: {expected:?}");
    assert!(hired_by(in_90_days(), false) > expected.1, "the inactive are not counted");
}

#[actix_web::test]
async fn a_preview_saves_nothing_and_keeps_what_was_typed() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let before = snapshot(&app);
    let fields = edited_form(
        &ada,
        ATA,
        &[
            ("name", Some("Technical Academy, renamed")),
            ("min_tenure_days", Some("30")),
            ("closes_on", Some("2031-05-01")),
        ],
    )
    .await;
    let response = ada.submit(&format!("/admin/programs/{ATA}/preview"), &fields).await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = response.text().await.unwrap();
    assert_eq!(attribute_values(&page, "#name", "value"), ["Technical Academy, renamed"]);
    assert_eq!(attribute_values(&page, "#min_tenure_days", "value"), ["30"]);
    assert_eq!(attribute_values(&page, "#closes_on", "value"), ["2031-05-01"]);
    assert_eq!(texts(&page, "#headcount h2"), ["Who is eligible"]);
    // The form still saves to its own address; the preview is a second button.
    assert_eq!(attribute_values(&page, "form.program-form", "action"), [format!("/admin/programs/{ATA}/edit")]);
    assert_eq!(
        attribute_values(&page, "form.program-form button[formaction]", "formaction"),
        [format!("/admin/programs/{ATA}/preview")]
    );
    // A new program's preview neither.
    let mut new_program = crate::admin::program_form("data-analytics-bootcamp");
    new_program.push(("csrf_token".to_owned(), ada.csrf_token().await));
    let response = ada.submit("/admin/programs/preview", &new_program).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(snapshot(&app), before, "a preview changed what is stored");
    let (_, edit) = ada.page(&format!("/admin/programs/{ATA}/edit")).await;
    assert_eq!(attribute_values(&edit, "#name", "value"), ["Amazon Technical Academy"]);
}

#[actix_web::test]
async fn a_preview_of_a_wrong_form_is_refused_with_the_field_messages_and_the_values_kept() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let fields =
        edited_form(&ada, ATA, &[("min_tenure_days", Some("-5")), ("name", Some("Academy <b>bold</b>"))]).await;
    let fields = with_list(fields, "site_types", &["moon_base"]);
    let response = ada.submit(&format!("/admin/programs/{ATA}/preview"), &fields).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    assert_eq!(
        attribute_values(&page, ".error-summary a", "href"),
        ["#min_tenure_days", "#site_types"],
        "the messages, in the order of the fields"
    );
    assert!(texts(&page, "#min_tenure_days-error")[0].starts_with("Enter the days of service"));
    assert_eq!(attribute_values(&page, "#min_tenure_days", "value"), ["-5"]);
    assert_eq!(attribute_values(&page, "#name", "value"), ["Academy <b>bold</b>"]);
    assert!(!page.contains("<b>bold</b>"), "what was typed is shown escaped");
    assert!(texts(&page, "title")[0].starts_with("Error: "));
    assert!(texts(&page, "#headcount").is_empty(), "no counts for a wrong form");
    // A new program's slug that another program has is refused as creating it would be.
    let mut taken = with_field(crate::admin::program_form(ATA), "csrf_token", Some(&ada.csrf_token().await));
    taken = with_field(taken, "name", Some("Another Academy"));
    let response = ada.submit("/admin/programs/preview", &taken).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    assert_eq!(texts(&page, "#slug-error"), ["Another program already uses this slug; choose another."]);
    assert_eq!(attribute_values(&page, "#name", "value"), ["Another Academy"]);
}

#[actix_web::test]
async fn a_new_program_is_previewed_as_if_published_without_a_saved_rule() {
    let app = spawn_app().await;
    add_people(&app);
    let ada = signed_in(&app, "ada.admin").await;
    let mut fields = crate::admin::program_form("data-analytics-bootcamp");
    fields.push(("csrf_token".to_owned(), ada.csrf_token().await));
    let response = ada.submit("/admin/programs/preview", &fields).await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = response.text().await.unwrap();
    assert!(
        texts(&page, "#headcount p").iter().any(|p| p.contains("as if it were published")),
        "{:?}",
        texts(&page, "#headcount p")
    );
    assert_eq!(attribute_values(&page, "[data-headcount=site-type] thead th", "scope"), ["col", "col", "col"]);
    assert!(texts(&page, "[data-count=saved-today]").is_empty(), "a new program has no saved rule");
    // The rule of `admin::program_form`: 180 days of service, fulfillment and retail.
    let rules = ProgramRules {
        min_tenure_days: 180,
        allowed_job_families: vec![JobFamily::Fulfillment, JobFamily::Retail],
        allowed_site_types: vec![],
        full_time_only: false,
        opens_on: None,
        closes_on: None,
        ..saved_rules(&app, ATA)
    };
    assert_counts(&page, "edited", &app, &rules);
    assert_eq!(attribute_values(&page, "form.program-form", "action"), ["/admin/programs/new"]);
    assert_eq!(attribute_values(&page, "#slug", "value"), ["data-analytics-bootcamp"]);
}

#[actix_web::test]
async fn a_draft_s_saved_rule_is_counted_as_if_published_and_the_page_says_so() {
    let app = spawn_app().await;
    add_people(&app);
    let ada = signed_in(&app, "ada.admin").await;
    let mut fields = crate::admin::program_form("data-analytics-bootcamp");
    fields.push(("csrf_token".to_owned(), ada.csrf_token().await));
    let created = ada.submit("/admin/programs/new", &fields).await;
    assert_eq!(location(&created), "/admin/programs/data-analytics-bootcamp/edit");
    let fields = edited_form(&ada, "data-analytics-bootcamp", &[("min_tenure_days", Some("0"))]).await;
    let page = ada.submit("/admin/programs/data-analytics-bootcamp/preview", &fields).await.text().await.unwrap();
    assert!(texts(&page, "#headcount p")
        .iter()
        .any(|p| p == "This program is a draft: the preview counts people as if it were published."));
    let saved = saved_rules(&app, "data-analytics-bootcamp");
    assert_eq!(saved.status, ProgramStatus::Draft);
    assert_counts(&page, "saved", &app, &saved);
    assert_counts(&page, "edited", &app, &ProgramRules { min_tenure_days: 0, ..saved.clone() });
    assert!(shown(&page, "site-type", "all", "saved-today") > 0, "a draft's rule still reaches people");
}

#[actix_web::test]
async fn only_administrators_preview_and_only_with_the_session_s_token() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let fields = edited_form(&ada, ATA, &[]).await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let fiona_fields = with_field(fields.clone(), "csrf_token", Some(&fiona.csrf_token().await));
    for path in [format!("/admin/programs/{ATA}/preview"), "/admin/programs/preview".to_owned()] {
        assert_eq!(fiona.submit(&path, &fiona_fields).await.status(), StatusCode::FORBIDDEN, "{path}");
        let anonymous = app.new_browser().submit(&path, &fields).await;
        assert_eq!(anonymous.status(), StatusCode::SEE_OTHER);
        assert!(location(&anonymous).starts_with("/login"), "{path}");
        let no_token = with_field(fields.clone(), "csrf_token", None);
        assert_eq!(ada.submit(&path, &no_token).await.status(), StatusCode::FORBIDDEN, "{path} without a token");
        assert_eq!(ada.submit(&path, &fiona_fields).await.status(), StatusCode::FORBIDDEN, "{path}, Fiona's token");
    }
    let unknown = ada.submit("/admin/programs/no-such-program/preview", &fields).await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    assert_eq!(ada.get(&format!("/admin/programs/{ATA}/preview")).await.status(), StatusCode::METHOD_NOT_ALLOWED);
}

/// The totals of a brute-force count: (today, in 90 days).
fn totals_of(counts: &[Cell]) -> (i64, i64) {
    counts.iter().fold((0, 0), |(t, l), (_, _, today, later)| (t + today, l + later))
}

#[actix_web::test]
#[ignore = "needs chromium and chromium-driver (installed by .ci/run)"]
async fn an_administrator_previews_a_changed_rule_in_the_browser_then_saves_it() {
    use crate::browser::{in_browser_on, Driver};
    let app = spawn_app().await;
    add_people(&app);
    let saved = saved_rules(&app, ATA);
    let edited = ProgramRules { min_tenure_days: 90, allowed_job_families: vec![], ..saved.clone() };
    let (saved_totals, edited_totals) = (totals_of(&brute_force(&app, &saved)), totals_of(&brute_force(&app, &edited)));
    assert_ne!(saved_totals, edited_totals, "the change makes a difference");
    let totals = |d: &Driver, which: &'static str| {
        let d = d.clone();
        async move {
            let read = |day: &'static str| {
                let d = d.clone();
                async move { number(&d.texts(&format!("[data-total={which}-{day}]")).await[0]) }
            };
            (read("today").await, read("later").await)
        }
    };
    in_browser_on(app, "eligibility-preview", |d| async move {
        d.sign_in("ada.admin@upskill.example").await;
        d.visit(&format!("/admin/programs/{ATA}/edit")).await;
        d.fill("#min_tenure_days", "90").await;
        d.client
            .execute(
                "document.querySelectorAll('input[name=job_families]').forEach(box => box.checked = false);",
                vec![],
            )
            .await
            .unwrap();
        d.click("button[formaction$='/preview']").await;
        assert_eq!(d.path().await, format!("/admin/programs/{ATA}/preview"));
        let focused = d.client.execute("return document.activeElement.id;", vec![]).await.unwrap();
        assert_eq!(focused, "headcount", "the counts take the focus");
        assert_eq!(totals(&d, "edited").await, edited_totals);
        assert_eq!(totals(&d, "saved").await, saved_totals);
        assert_eq!(d.attr("#min_tenure_days", "value").await, "90", "what was typed is kept");
        // Saved from the page of the preview, the rule as edited becomes the saved one.
        d.click("form.program-form button.button-primary").await;
        assert_eq!(d.path().await, format!("/admin/programs/{ATA}/edit"));
        d.click("button[formaction$='/preview']").await;
        assert_eq!(totals(&d, "saved").await, edited_totals);
        assert_eq!(totals(&d, "edited").await, edited_totals);
        d
    })
    .await;
}
