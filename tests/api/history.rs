//! Job history (`employee_history`) through the real routes and the command line, on both
//! backends: each path that changes a person's job writes exactly one row, in the same
//! transaction as the change; a new name alone writes none; `--deactivate-missing` and
//! its safety stop; the person's page shows the timeline; the synthetic organisation's
//! histories start on each hire date, end where `employees` stands and give completions
//! every kind of outcome.

use chrono::NaiveDate;
use diesel::prelude::*;
use reqwest::StatusCode;
use serde_json::json;
use upskill::db::schema::{completion_outcomes, employee_history, employees};
use upskill::domain::{EmploymentType, JobFamily, Outcome, SiteType};

use crate::deployment::{output_of, upskill};
use crate::helpers::{
    employee_id, form_fields, fresh_database, person_record, signed_in, spawn_app, texts, with_field, TestApp,
};
use crate::import::{commit, run_cli, stored_line, upload};
use crate::scim::{patch_op, Provider, UPSKILL};

/// One history row as a test compares it: source, effective day, job title, active,
/// left on, leaving reason, recorded by.
type Row = (String, NaiveDate, String, bool, Option<NaiveDate>, Option<String>, Option<i32>);

/// A person's history rows, in the order they were written.
fn history_of(app: &TestApp, email: &str) -> Vec<Row> {
    employee_history::table
        .filter(employee_history::employee_id.eq(employee_id(app, email)))
        .order(employee_history::id)
        .select((
            employee_history::source,
            employee_history::effective_on,
            employee_history::job_title,
            employee_history::active,
            employee_history::left_on,
            employee_history::leaving_reason,
            employee_history::recorded_by,
        ))
        .load(&mut app.db())
        .unwrap()
}

fn all_rows(app: &TestApp) -> i64 {
    employee_history::table.count().get_result(&mut app.db()).unwrap()
}

fn is_active(app: &TestApp, email: &str) -> bool {
    employees::table.filter(employees::email.eq(email)).select(employees::active).first(&mut app.db()).unwrap()
}

fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

pub(crate) const DEMO: [&str; 8] = [
    "ada.admin@upskill.example",
    "maria.manager@upskill.example",
    "tom.techlead@upskill.example",
    "fiona.associate@upskill.example",
    "nate.newhire@upskill.example",
    "paula.parttime@upskill.example",
    "dev.engineer@upskill.example",
    "carl.corporate@upskill.example",
];

const HEADER: &str = "email,display_name,job_title,job_family,site_type,employment_type,hire_date,manager_email,\
                      is_admin,effective_date,left_on,leaving_reason";

/// A file with the optional columns: each demo person as stored, with the extra values
/// (`effective_date,left_on,leaving_reason`) and replacements given for some.
/// One person's edit in a file: e-mail address, replaced values, and the three optional values.
pub(crate) type Edit<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str);

pub(crate) fn file_with(app: &TestApp, people: &[&str], edits: &[Edit<'_>]) -> String {
    let lines: Vec<String> = people
        .iter()
        .map(|email| match edits.iter().find(|(e, ..)| e == email) {
            Some((_, changes, extra)) => format!("{},{extra}", stored_line(app, email, changes)),
            None => format!("{},,,", stored_line(app, email, &[])),
        })
        .collect();
    format!("{HEADER}\n{}\n", lines.join("\n"))
}

#[actix_web::test]
async fn everyone_starts_with_one_row_from_their_hire_date() {
    let app = spawn_app().await;
    for email in DEMO {
        let rows = history_of(&app, email);
        assert_eq!(rows.len(), 1, "{email}: {rows:?}");
        assert_eq!((rows[0].0.as_str(), rows[0].3), ("import", true));
    }
}

#[actix_web::test]
async fn the_person_form_writes_one_row_for_a_new_title_and_none_for_a_new_name() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let ada_id = employee_id(&app, "ada.admin@upskill.example");
    let (path, fields) = person_record(&app, &ada, "carl.corporate@upskill.example").await;
    let renamed = with_field(fields.clone(), "display_name", Some("Carl C. Corporate"));
    assert_eq!(ada.submit(&path, &renamed).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(history_of(&app, "carl.corporate@upskill.example").len(), 1, "a new name is not history");

    let (_, fields) = person_record(&app, &ada, "carl.corporate@upskill.example").await;
    let promoted = with_field(fields, "job_title", Some("Senior Financial Analyst"));
    assert_eq!(ada.submit(&path, &promoted).await.status(), StatusCode::SEE_OTHER);
    let rows = history_of(&app, "carl.corporate@upskill.example");
    assert_eq!(rows.len(), 2);
    assert_eq!(
        rows[1],
        ("admin".to_owned(), today(), "Senior Financial Analyst".to_owned(), true, None, None, Some(ada_id))
    );

    // Deactivating is a departure on the day, without a reason nobody gave.
    let (_, fields) = person_record(&app, &ada, "carl.corporate@upskill.example").await;
    let gone = with_field(fields, "active", None);
    assert_eq!(ada.submit(&path, &gone).await.status(), StatusCode::SEE_OTHER);
    let rows = history_of(&app, "carl.corporate@upskill.example");
    assert_eq!(rows.len(), 3);
    assert_eq!((rows[2].3, rows[2].4, rows[2].5.clone()), (false, Some(today()), None));

    // The record shows the timeline, the latest first.
    let (status, page) = ada.page(&path).await;
    assert_eq!(status, StatusCode::OK);
    let entries = texts(&page, "ol.timeline > li");
    assert_eq!(entries.len(), 3, "{entries:?}");
    assert!(entries[0].contains(&format!("Left the company on {}", today().format("%-d %B %Y"))), "{entries:?}");
    assert!(entries[1].contains("Job title: Financial Analyst → Senior Financial Analyst"), "{entries:?}");
    assert!(entries[1].contains("Source: Administrator"), "{entries:?}");
    assert!(entries[2].contains("First record: Financial Analyst"), "{entries:?}");
}

#[actix_web::test]
async fn an_upload_with_an_effective_date_and_a_departure_writes_one_row_each() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let ada_id = employee_id(&app, "ada.admin@upskill.example");
    let left_on = (today() - chrono::Days::new(10)).to_string();
    let file = file_with(
        &app,
        &DEMO,
        &[
            ("carl.corporate@upskill.example", &[("job_title", "Senior Financial Analyst")], "2025-01-15,,"),
            ("paula.parttime@upskill.example", &[], &format!(",{left_on},voluntary")),
        ],
    );
    let response = upload(&ada, &file).await;
    assert_eq!(response.status(), StatusCode::OK);
    let preview = response.text().await.unwrap();
    let before = all_rows(&app);
    assert_eq!(commit(&ada, &preview).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(all_rows(&app), before + 2, "one row for Carl, one for Paula, none for the unchanged");
    let carl = history_of(&app, "carl.corporate@upskill.example");
    assert_eq!(
        carl[1],
        (
            "import".to_owned(),
            NaiveDate::from_ymd_opt(2025, 1, 15).unwrap(),
            "Senior Financial Analyst".to_owned(),
            true,
            None,
            None,
            Some(ada_id)
        )
    );
    let paula = history_of(&app, "paula.parttime@upskill.example");
    assert_eq!(paula.len(), 2);
    assert_eq!(
        (paula[1].3, paula[1].4, paula[1].5.as_deref()),
        (false, Some(left_on.parse().unwrap()), Some("voluntary"))
    );
    assert!(!is_active(&app, "paula.parttime@upskill.example"));

    let path = format!("/admin/employees/{}", employee_id(&app, "paula.parttime@upskill.example"));
    let (_, page) = ada.page(&path).await;
    let day = left_on.parse::<NaiveDate>().unwrap().format("%-d %B %Y").to_string();
    assert!(texts(&page, "ol.timeline > li")[0].contains(&format!("Left the company (voluntary) on {day}")));
}

#[actix_web::test]
async fn wrong_effective_dates_and_half_departures_are_row_errors_and_write_nothing() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let tomorrow = (today() + chrono::Days::new(1)).to_string();
    let file = file_with(
        &app,
        &DEMO,
        &[
            ("carl.corporate@upskill.example", &[("job_title", "Senior Financial Analyst")], &format!("{tomorrow},,")),
            ("paula.parttime@upskill.example", &[], ",2025-02-01,"),
            ("nate.newhire@upskill.example", &[], ",,retired"),
        ],
    );
    let before = all_rows(&app);
    let response = upload(&ada, &file).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    assert!(page.contains("is in the future: an effective date can"), "{page}");
    assert!(page.contains("The leaving reason is missing"), "{page}");
    assert!(page.contains("The leaving date is missing"), "{page}");
    assert_eq!(all_rows(&app), before);
}

#[actix_web::test]
async fn scim_patch_put_and_delete_each_write_one_row_and_a_new_name_none() {
    let app = spawn_app().await;
    let provider = Provider::new(&app);
    let fiona = provider.find("fiona.associate@upskill.example").await;
    let id = fiona["id"].as_str().unwrap().to_owned();
    let email = "fiona.associate@upskill.example";

    let (status, body) = provider
        .patch(&format!("/Users/{id}"), patch_op(json!([{"op": "replace", "value": {"displayName": "Fiona A."}}])))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(history_of(&app, email).len(), 1, "a new name is not history");

    let (status, body) = provider
        .patch(
            &format!("/Users/{id}"),
            patch_op(
                json!([{"op": "replace", "value": {"title": "Data Technician", UPSKILL: {"jobFamily": "technical"}}}]),
            ),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let rows = history_of(&app, email);
    assert_eq!(rows.len(), 2);
    assert_eq!((rows[1].0.as_str(), rows[1].2.as_str(), rows[1].6), ("scim", "Data Technician", None));

    let mut replacement = provider.find(email).await;
    replacement["title"] = json!("Junior Data Engineer");
    let (status, body) = provider.put(&format!("/Users/{id}"), replacement).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let rows = history_of(&app, email);
    assert_eq!((rows.len(), rows[2].0.as_str(), rows[2].2.as_str()), (3, "scim", "Junior Data Engineer"));

    let response = provider.request(reqwest::Method::DELETE, &format!("/Users/{id}")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let rows = history_of(&app, email);
    assert_eq!(rows.len(), 4);
    assert_eq!((rows[3].0.as_str(), rows[3].3, rows[3].4), ("scim", false, Some(today())));
}

#[actix_web::test]
async fn deactivate_missing_stops_above_five_percent_lists_who_would_leave_and_goes_ahead_when_forced() {
    let app = spawn_app().await;
    let everyone_but_nate: Vec<&str> = DEMO.iter().copied().filter(|e| !e.starts_with("nate.")).collect();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("full-export.csv");
    std::fs::write(&file, file_with(&app, &everyone_but_nate, &[])).unwrap();
    let before = all_rows(&app);

    // One of eight is 12.5%: the safety stop, which still lists who would leave.
    let (ok, stdout, stderr) = run_cli(&app, &file, &["--deactivate-missing"]);
    assert!(!ok, "{stdout}{stderr}");
    assert!(stdout.contains("Nate Newhire <nate.newhire@upskill.example>"), "{stdout}");
    assert!(stdout.contains("1 of the 8 active people would leave (more than 5%)"), "{stdout}");
    assert!(is_active(&app, "nate.newhire@upskill.example"));

    // The dry run lists them and writes nothing.
    let (ok, stdout, stderr) = run_cli(&app, &file, &["--deactivate-missing", "--force", "--dry-run"]);
    assert!(ok, "{stdout}{stderr}");
    assert!(stdout.contains("Not in the file, so they leave (1):"), "{stdout}");
    assert!(stdout.contains("Nate Newhire <nate.newhire@upskill.example>"), "{stdout}");
    assert_eq!(all_rows(&app), before);

    let (ok, stdout, stderr) = run_cli(&app, &file, &["--deactivate-missing", "--force"]);
    assert!(ok, "{stdout}{stderr}");
    assert!(stdout.contains("1 left"), "{stdout}");
    assert!(!is_active(&app, "nate.newhire@upskill.example"));
    assert_eq!(all_rows(&app), before + 1, "Nate's departure and nothing else");
    let nate = history_of(&app, "nate.newhire@upskill.example");
    assert_eq!(
        (nate[1].0.as_str(), nate[1].3, nate[1].4, nate[1].5.as_deref()),
        ("import", false, Some(today()), Some("other"))
    );

    // Without the flag, people missing from a file stay as they are.
    let (ok, stdout, stderr) = run_cli(&app, &file, &[]);
    assert!(ok, "{stdout}{stderr}");
    assert_eq!(all_rows(&app), before + 1);
}

#[actix_web::test]
async fn a_person_without_history_gets_an_empty_state() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let dev = employee_id(&app, "dev.engineer@upskill.example");
    diesel::delete(employee_history::table.filter(employee_history::employee_id.eq(dev)))
        .execute(&mut app.db())
        .unwrap();
    let (status, page) = ada.page(&format!("/admin/employees/{dev}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("No job history is recorded for Dev Engineer."), "{page}");
    assert!(form_fields(&page, "form.stack").iter().any(|(name, _)| name == "job_title"));
}

/// A person's job as `employees` and `employee_history` both keep it: id, job title, job
/// family, site type, employment type, manager, active.
type Job = (i32, String, JobFamily, SiteType, EmploymentType, Option<i32>, bool);

#[test]
fn the_synthetic_organisation_has_histories_that_agree_with_the_people_and_lead_somewhere() {
    let (url, _database) = fresh_database();
    let (seeded, output) = output_of(&mut upskill(&[
        "seed-synthetic",
        "--database-url",
        &url,
        "--employees",
        "2000",
        "--applications",
        "8000",
    ]));
    assert!(seeded, "{output}");
    let pool = upskill::db::connect(&url, 1).unwrap();
    let mut conn = pool.get().unwrap();
    let people: Vec<(Job, NaiveDate)> = employees::table
        .order(employees::id)
        .select((
            (
                employees::id,
                employees::job_title,
                employees::job_family,
                employees::site_type,
                employees::employment_type,
                employees::manager_id,
                employees::active,
            ),
            employees::hire_date,
        ))
        .load(&mut conn)
        .unwrap();
    let rows: Vec<(Job, NaiveDate)> = employee_history::table
        .order((employee_history::employee_id, employee_history::effective_on, employee_history::id))
        .select((
            (
                employee_history::employee_id,
                employee_history::job_title,
                employee_history::job_family,
                employee_history::site_type,
                employee_history::employment_type,
                employee_history::manager_id,
                employee_history::active,
            ),
            employee_history::effective_on,
        ))
        .load(&mut conn)
        .unwrap();
    assert_eq!(people.len(), 2000);
    let mut changed = 0;
    for (person, hired_on) in &people {
        let start = rows.partition_point(|(row, _)| row.0 < person.0);
        let end = rows.partition_point(|(row, _)| row.0 <= person.0);
        let own = &rows[start..end];
        assert!(!own.is_empty(), "{person:?} has no history");
        assert_eq!(own[0].1, *hired_on, "the history of {person:?} starts on the hire date: {own:?}");
        assert!(own.iter().all(|(_, on)| *on <= today()), "a row in the future: {own:?}");
        assert_eq!(own[own.len() - 1].0, *person, "the employees row is the last history row: {own:?}");
        changed += usize::from(own.len() > 1);
    }
    assert!(changed > 300, "only {changed} people have a change");
    let left = people.iter().filter(|(person, _)| !person.6).count();
    assert!(left > 100, "only {left} people left");

    let outcomes: Vec<(Outcome, i64)> = completion_outcomes::table
        .group_by(completion_outcomes::outcome_12)
        .select((completion_outcomes::outcome_12, diesel::dsl::count_star()))
        .load(&mut conn)
        .unwrap();
    for expected in [Outcome::MovedTarget, Outcome::MovedOther, Outcome::LeftVoluntary, Outcome::SameRole] {
        assert!(outcomes.iter().any(|(outcome, n)| *outcome == expected && *n > 0), "{expected:?}: {outcomes:?}");
    }
}
