//! Importing employees from the HR system's CSV export: upload, preview, commit, on the
//! web and on the command line.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use upskill::db::schema::{application_events, applications, audit_log, employee_imports, employees};

use crate::helpers::{apply, attribute_values, employee_id, location, signed_in, spawn_app, texts, Browser, TestApp};

const HEADER: &str =
    "email,display_name,job_title,job_family,site_type,employment_type,hire_date,manager_email,is_admin";

/// A demo person's line as stored now, with some values replaced (by column name).
pub(crate) fn stored_line(app: &TestApp, email: &str, changes: &[(&str, &str)]) -> String {
    type Row = (String, String, String, String, String, String, chrono::NaiveDate, Option<i32>, bool);
    let mut conn = app.db();
    let row: Row = employees::table
        .filter(employees::email.eq(email))
        .select((
            employees::email,
            employees::display_name,
            employees::job_title,
            employees::job_family,
            employees::site_type,
            employees::employment_type,
            employees::hire_date,
            employees::manager_id,
            employees::is_admin,
        ))
        .first(&mut conn)
        .unwrap();
    let manager = match row.7 {
        Some(id) => employees::table.find(id).select(employees::email).first::<String>(&mut conn).unwrap(),
        None => String::new(),
    };
    let mut values = [
        ("email", row.0),
        ("display_name", row.1),
        ("job_title", row.2),
        ("job_family", row.3),
        ("site_type", row.4),
        ("employment_type", row.5),
        ("hire_date", row.6.to_string()),
        ("manager_email", manager),
        ("is_admin", if row.8 { "yes" } else { "no" }.to_owned()),
    ];
    for (column, value) in changes {
        values.iter_mut().find(|(c, _)| c == column).unwrap().1 = (*value).to_owned();
    }
    values.map(|(_, v)| v).join(",")
}

pub(crate) fn csv(lines: &[String]) -> String {
    format!("{HEADER}\n{}\n", lines.join("\n"))
}

/// Sends a file to the upload form with this session's CSRF token.
pub(crate) async fn upload(browser: &Browser, text: &str) -> reqwest::Response {
    upload_bytes(browser, text.as_bytes().to_vec()).await
}

async fn upload_bytes(browser: &Browser, bytes: Vec<u8>) -> reqwest::Response {
    let token = browser.csrf_token().await;
    let form = Form::new()
        .text("csrf_token", token)
        .part("file", Part::bytes(bytes).file_name("people.csv").mime_str("text/csv").unwrap());
    browser.client.post(browser.url("/admin/employees/import")).multipart(form).send().await.unwrap()
}

/// The number shown for `new`, `updated`, `unchanged` or `errors` on a preview.
fn count(page: &str, which: &str) -> String {
    texts(page, &format!("[data-count='{which}'] .stat-value")).remove(0)
}

fn counts(page: &str) -> [String; 4] {
    ["new", "updated", "unchanged", "errors"].map(|which| count(page, which))
}

fn employee_count(app: &TestApp) -> i64 {
    employees::table.count().get_result(&mut app.db()).unwrap()
}

fn stored_uploads(app: &TestApp) -> i64 {
    employee_imports::table.count().get_result(&mut app.db()).unwrap()
}

fn manager_of(app: &TestApp, email: &str) -> Option<i32> {
    employees::table.filter(employees::email.eq(email)).select(employees::manager_id).first(&mut app.db()).unwrap()
}

fn updated_ats(app: &TestApp) -> Vec<(i32, NaiveDateTime)> {
    employees::table.order(employees::id).select((employees::id, employees::updated_at)).load(&mut app.db()).unwrap()
}

/// The audit lines of imports: (actor, details).
fn import_audit(app: &TestApp) -> Vec<(Option<i32>, String)> {
    audit_log::table
        .filter(audit_log::action.eq("employees.imported"))
        .order(audit_log::id)
        .select((audit_log::actor_id, audit_log::details))
        .load(&mut app.db())
        .unwrap()
}

/// Fiona's Career Choice request, waiting for her manager (Maria).
async fn fiona_applies(app: &TestApp) -> (Browser, i32) {
    let fiona = signed_in(app, "fiona.associate").await;
    let term = (chrono::Utc::now().date_naive() + chrono::Days::new(40)).to_string();
    let id = apply(
        &fiona,
        "career-choice",
        &[
            ("institution", "Bellevue College"),
            ("course_title", "Cloud Computing"),
            ("term_starts_on", &term),
            ("amount", "600"),
            ("accept_terms", "yes"),
        ],
    )
    .await;
    (fiona, id)
}

/// Two new people (Gina's manager Hank comes after her), Fiona moved to Tom, Carl
/// promoted, three people as they are.
fn good_file(app: &TestApp) -> String {
    csv(&[
        stored_line(app, "ada.admin@upskill.example", &[]),
        "gina.grad@upskill.example,Gina Grad,Data Analyst,corporate,corporate_office,full_time,2025-09-01,hank.head@upskill.example,"
            .to_owned(),
        stored_line(app, "fiona.associate@upskill.example", &[("manager_email", "tom.techlead@upskill.example")]),
        stored_line(app, "maria.manager@upskill.example", &[]),
        stored_line(app, "carl.corporate@upskill.example", &[("job_title", "Senior Financial Analyst")]),
        "hank.head@upskill.example,Hank Head,Head of Analytics,corporate,corporate_office,full_time,2019-04-15,maria.manager@upskill.example,no"
            .to_owned(),
        stored_line(app, "tom.techlead@upskill.example", &[]),
    ])
}

pub(crate) async fn commit(browser: &Browser, page: &str) -> reqwest::Response {
    let upload_id =
        attribute_values(page, "form[action='/admin/employees/import/commit'] input[name='upload_id']", "value")
            .pop()
            .expect("no commit form on the preview");
    browser.post_with_csrf("/admin/employees/import/commit", &[("upload_id", &upload_id)]).await
}

#[actix_web::test]
async fn only_administrators_may_import_employees() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    assert_eq!(fiona.page("/admin/employees/import").await.0, StatusCode::FORBIDDEN);
    assert_eq!(upload(&fiona, &csv(&[])).await.status(), StatusCode::FORBIDDEN);
    let response = fiona.post_with_csrf("/admin/employees/import/commit", &[("upload_id", "1")]).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    // The upload form, registered before /admin/employees/{id} so "import" is no id.
    let ada = signed_in(&app, "ada.admin").await;
    let (status, page) = ada.page("/admin/employees/import").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(attribute_values(&page, "form[action='/admin/employees/import']", "enctype"), ["multipart/form-data"]);
    assert_eq!(attribute_values(&page, "input[type=file][name=file]", "accept"), [".csv,text/csv"]);
    assert_eq!(
        attribute_values(&page, "form[action='/admin/employees/import'] input[name=csrf_token]", "value").len(),
        1
    );
}

#[actix_web::test]
async fn an_upload_without_the_session_s_csrf_token_is_refused() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let text = good_file(&app);
    let url = ada.url("/admin/employees/import");
    let file = || Part::bytes(text.as_bytes().to_vec()).file_name("people.csv");

    let missing = ada.client.post(&url).multipart(Form::new().part("file", file())).send().await.unwrap();
    assert_eq!(missing.status(), StatusCode::FORBIDDEN);
    let wrong = Form::new().text("csrf_token", "not-the-token").part("file", file());
    assert_eq!(ada.client.post(&url).multipart(wrong).send().await.unwrap().status(), StatusCode::FORBIDDEN);
    // The token after the file is still checked.
    let token = ada.csrf_token().await;
    let late = Form::new().part("file", file()).text("csrf_token", format!("{token}x"));
    assert_eq!(ada.client.post(&url).multipart(late).send().await.unwrap().status(), StatusCode::FORBIDDEN);
    let not_multipart = ada.post_form("/admin/employees/import", &[("csrf_token", token.as_str())]).await;
    assert_eq!(not_multipart.status(), StatusCode::FORBIDDEN);
    let commit = ada.post_form("/admin/employees/import/commit", &[("upload_id", "1")]).await;
    assert_eq!(commit.status(), StatusCode::FORBIDDEN);
    assert_eq!(stored_uploads(&app), 0);

    // With the token after the file, the upload goes through.
    let late = Form::new().part("file", file()).text("csrf_token", token);
    assert_eq!(ada.client.post(&url).multipart(late).send().await.unwrap().status(), StatusCode::OK);
    // No file chosen: the form again.
    let token = ada.csrf_token().await;
    let empty = Form::new().text("csrf_token", token).part("file", Part::bytes(Vec::new()).file_name(""));
    let response = ada.client.post(&url).multipart(empty).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(texts(&response.text().await.unwrap(), ".field-error")[0].starts_with("Choose the CSV file"));
}

#[actix_web::test]
async fn a_file_with_every_kind_of_error_shows_each_on_its_line_and_stores_nothing() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let people = employee_count(&app);
    let tomorrow = (chrono::Utc::now().date_naive() + chrono::Days::new(1)).to_string();
    let person = |email: &str, manager: &str| {
        format!("{email},Pat Person,Associate,retail,retail_store,part_time,2022-02-02,{manager},no")
    };
    let text = csv(&[
        person("not-an-address", ""),                                                       // 2
        "u@upskill.example,U,T,astronaut,moon_base,sometimes,2022-02-02,,maybe".to_owned(), // 3
        "d@upskill.example,D,T,retail,retail_store,full_time,31/12/2020,,".to_owned(),      // 4
        format!("f@upskill.example,F,T,retail,retail_store,full_time,{tomorrow},,"),        // 5
        "n@upskill.example,,T,retail,retail_store,full_time,2022-02-02,,".to_owned(),       // 6
        person("twice@upskill.example", ""),                                                // 7
        person("Twice@upskill.example", ""),                                                // 8
        person("orphan@upskill.example", "ghost@upskill.example"),                          // 9
        person("c1@upskill.example", "c2@upskill.example"),                                 // 10
        person("c2@upskill.example", "c1@upskill.example"),                                 // 11
        person("self@upskill.example", "self@upskill.example"),                             // 12
        // Maria would report to Fiona, who reports to Maria.
        stored_line(&app, "maria.manager@upskill.example", &[("manager_email", "fiona.associate@upskill.example")]), // 13
        person("fine@upskill.example", "maria.manager@upskill.example"), // 14
    ]);
    let response = upload(&ada, &text).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    let lines = attribute_values(&page, ".import-errors tbody tr", "data-line");
    let columns = attribute_values(&page, ".import-errors tbody tr", "data-column");
    let found: Vec<(String, String)> = lines.into_iter().zip(columns).collect();
    let expected = [
        ("2", "email"),
        ("3", "job_family"),
        ("3", "site_type"),
        ("3", "employment_type"),
        ("3", "is_admin"),
        ("4", "hire_date"),
        ("5", "hire_date"),
        ("6", "display_name"),
        ("8", "email"),
        ("9", "manager_email"),
        ("10", "manager_email"),
        ("11", "manager_email"),
        ("12", "manager_email"),
        ("13", "manager_email"),
    ]
    .map(|(l, c)| (l.to_owned(), c.to_owned()));
    assert_eq!(found, expected);
    let problems = texts(&page, ".import-errors tbody tr td:last-child");
    for (index, phrase) in [
        (0, "is not an e-mail address"),
        (1, "\"astronaut\" is not a job family; use one of: fulfillment, operations, corporate, technical, retail, transportation."),
        (3, "\"sometimes\" is not an employment type; use one of: full_time, part_time."),
        (5, "write it as YYYY-MM-DD"),
        (6, "is in the future"),
        (7, "The name is empty."),
        (8, "This e-mail address is already on line 7."),
        (9, "Nobody with the address ghost@upskill.example is in the file or in Upskill."),
        (10, "c1@upskill.example → c2@upskill.example → c1@upskill.example"),
        (12, "A person can't be their own manager."),
        (13, "maria.manager@upskill.example → fiona.associate@upskill.example → maria.manager@upskill.example"),
    ] {
        assert!(problems[index].contains(phrase), "line {}: {:?} lacks {phrase:?}", expected[index].0, problems[index]);
    }
    // Lines 7 and 14 are fine: they are counted, but nothing can be committed.
    assert_eq!(counts(&page), ["2", "0", "0", "11"]);
    assert!(texts(&page, "p").iter().any(|p| p.contains("Line numbers count the header as line 1")));
    assert!(attribute_values(&page, "form[action='/admin/employees/import/commit']", "method").is_empty());
    assert_eq!(employee_count(&app), people);
    assert_eq!(stored_uploads(&app), 0);

    // A header without the right columns is one error for the whole file.
    let response = upload(&ada, "email,name\na@upskill.example,A\n").await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    assert!(texts(&page, ".file-error")[0].starts_with("The header lacks the columns display_name, job_title"));
    // A file that is not UTF-8 text: the form again, with the reason.
    let response = upload_bytes(&ada, b"email\xff\xfe,display_name\n".to_vec()).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    assert!(texts(&page, ".field-error")[0].starts_with("The file is not UTF-8 text."));
    assert_eq!(stored_uploads(&app), 0);
}

#[actix_web::test]
async fn a_good_file_previews_then_commits_with_managers_and_pending_applications_moved() {
    let app = spawn_app().await;
    let (fiona, application) = fiona_applies(&app).await;
    let ada = signed_in(&app, "ada.admin").await;
    let people = employee_count(&app);
    let text = good_file(&app).replace(HEADER, &format!("{HEADER},cost_center"));
    let response = upload(&ada, &text).await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = response.text().await.unwrap();
    assert_eq!(counts(&page), ["2", "2", "3", "0"]);
    assert_eq!(texts(&page, ".import-note"), ["The column cost_center is not used and was ignored."]);
    let kinds: Vec<(String, String)> = attribute_values(&page, ".import-changes tbody tr", "data-email")
        .into_iter()
        .zip(attribute_values(&page, ".import-changes tbody tr", "data-kind"))
        .collect();
    assert_eq!(
        kinds,
        [
            ("gina.grad@upskill.example", "new"),
            ("fiona.associate@upskill.example", "update"),
            ("carl.corporate@upskill.example", "update"),
            ("hank.head@upskill.example", "new"),
        ]
        .map(|(e, k)| (e.to_owned(), k.to_owned()))
    );
    assert_eq!(
        texts(&page, "tr[data-email='fiona.associate@upskill.example'] li"),
        ["manager_email : maria.manager@upskill.example → tom.techlead@upskill.example"]
    );
    // Nothing is written by a preview but the upload itself.
    assert_eq!(employee_count(&app), people);
    assert_eq!(stored_uploads(&app), 1);

    let response = commit(&ada, &page).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/admin/employees/import");
    let (_, after) = ada.page("/admin/employees/import").await;
    assert_eq!(
        texts(&after, "[role=status]"),
        ["Imported: 2 new, 2 updated, 3 unchanged; 1 manager change, 1 pending application moved to the new manager's queue."]
    );
    assert_eq!(employee_count(&app), people + 2);
    assert_eq!(stored_uploads(&app), 0);
    let hank = employee_id(&app, "hank.head@upskill.example");
    assert_eq!(manager_of(&app, "gina.grad@upskill.example"), Some(hank));
    assert_eq!(manager_of(&app, "hank.head@upskill.example"), Some(employee_id(&app, "maria.manager@upskill.example")));
    let tom = employee_id(&app, "tom.techlead@upskill.example");
    assert_eq!(manager_of(&app, "fiona.associate@upskill.example"), Some(tom));
    let (password, active, title): (Option<String>, bool, String) = employees::table
        .filter(employees::email.eq("gina.grad@upskill.example"))
        .select((employees::password_hash, employees::active, employees::job_title))
        .first(&mut app.db())
        .unwrap();
    assert_eq!((password, active, title.as_str()), (None, true, "Data Analyst"));
    let carl_title: String = employees::table
        .filter(employees::email.eq("carl.corporate@upskill.example"))
        .select(employees::job_title)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(carl_title, "Senior Financial Analyst");

    // Fiona's pending application went with her to Tom's queue, with a timeline event.
    let approver: Option<i32> =
        applications::table.find(application).select(applications::approver_id).first(&mut app.db()).unwrap();
    assert_eq!(approver, Some(tom));
    let tom_browser = signed_in(&app, "tom.techlead").await;
    let (_, queue) = tom_browser.page("/approvals").await;
    assert_eq!(attribute_values(&queue, "tbody tr", "data-application"), [application.to_string()]);
    let (_, inbox) = tom_browser.page("/notifications").await;
    assert!(texts(&inbox, ".notification > p:first-child")[0].contains("Fiona Associate now reports to you"));
    let (_, detail) = fiona.page(&format!("/applications/{application}")).await;
    assert!(texts(&detail, ".timeline-event")[1].contains("Ada Admin changed the applicant's manager"));
    assert_eq!(texts(&detail, "blockquote.comment"), ["The decision moves from Maria Manager to Tom Techlead."]);
    let maria = signed_in(&app, "maria.manager").await;
    let (_, queue) = maria.page("/approvals").await;
    assert!(attribute_values(&queue, "tbody tr", "data-application").is_empty());

    let audit = import_audit(&app);
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].0, Some(employee_id(&app, "ada.admin@upskill.example")));
    assert!(audit[0].1.starts_with("2 new, 2 updated, 3 unchanged; 1 manager change"), "{}", audit[0].1);

    // A second click on the same commit button finds nothing to commit.
    let response = commit(&ada, &page).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, again) = ada.page("/admin/employees/import").await;
    assert!(texts(&again, "[role=status]")[0].starts_with("This import was already committed"));
    assert_eq!(employee_count(&app), people + 2);
}

#[actix_web::test]
async fn importing_the_same_file_again_changes_nothing() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let text = good_file(&app);
    let page = upload(&ada, &text).await.text().await.unwrap();
    assert_eq!(commit(&ada, &page).await.status(), StatusCode::SEE_OTHER);
    let before = updated_ats(&app);
    let events: i64 = application_events::table.count().get_result(&mut app.db()).unwrap();

    let response = upload(&ada, &text).await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = response.text().await.unwrap();
    assert_eq!(counts(&page), ["0", "0", "7", "0"]);
    assert!(attribute_values(&page, ".import-changes tbody tr", "data-email").is_empty());
    assert_eq!(commit(&ada, &page).await.status(), StatusCode::SEE_OTHER);
    let (_, after) = ada.page("/admin/employees/import").await;
    assert_eq!(texts(&after, "[role=status]"), ["Imported: 0 new, 0 updated, 7 unchanged."]);
    assert_eq!(updated_ats(&app), before, "no row was written");
    assert_eq!(application_events::table.count().get_result::<i64>(&mut app.db()).unwrap(), events);
    let audit = import_audit(&app);
    assert_eq!(audit.len(), 2);
    assert!(audit[1].1.starts_with("0 new, 0 updated, 7 unchanged"));
}

#[actix_web::test]
async fn the_commit_checks_the_file_again_against_the_directory_as_it_is_then() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let text = csv(&[
        "zoe.zero@upskill.example,Zoe Zero,Associate,retail,retail_store,part_time,2024-01-02,nate.newhire@upskill.example,no"
            .to_owned(),
    ]);
    let page = upload(&ada, &text).await.text().await.unwrap();
    assert_eq!(counts(&page), ["1", "0", "0", "0"]);
    // Meanwhile Nate leaves.
    diesel::update(employees::table.filter(employees::email.eq("nate.newhire@upskill.example")))
        .set(employees::active.eq(false))
        .execute(&mut app.db())
        .unwrap();
    let response = commit(&ada, &page).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    assert!(texts(&page, ".error-summary")[0].contains("The directory changed since the preview"));
    assert!(texts(&page, ".import-errors td:last-child")[0].contains("no longer works here"));
    let zoe: i64 = employees::table
        .filter(employees::email.eq("zoe.zero@upskill.example"))
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(zoe, 0);
    assert_eq!(stored_uploads(&app), 0);
    assert!(import_audit(&app).is_empty());
}

/// Runs `upskill import-employees FILE --database-url <the test database> ARGS`.
pub(crate) fn run_cli(app: &TestApp, file: &std::path::Path, args: &[&str]) -> (bool, String, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_upskill"))
        .arg("import-employees")
        .arg(file)
        .args(["--database-url", &app.database_url])
        .args(args)
        .env_remove("UPSKILL_DATABASE_URL")
        .env("RUST_LOG", "warn")
        .output()
        .expect("cannot run the upskill binary");
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[actix_web::test]
async fn the_command_line_previews_with_dry_run_imports_and_refuses_files_with_errors() {
    let app = spawn_app().await;
    let (_fiona, application) = fiona_applies(&app).await;
    let people = employee_count(&app);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hr-export.csv");
    std::fs::write(&file, good_file(&app)).unwrap();

    let (ok, out, err) = run_cli(&app, &file, &["--dry-run"]);
    assert!(ok, "{out}\n{err}");
    let words = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("hr-export.csv: 7 people read. new: 2 updated: 2 unchanged: 3 errors: 0 lines"), "{out}");
    assert!(out.contains("line 4, fiona.associate@upskill.example: manager_email: maria.manager@upskill.example → tom.techlead@upskill.example"), "{out}");
    assert!(out.contains("Dry run: nothing was written."), "{out}");
    assert_eq!(employee_count(&app), people);

    let (ok, out, err) = run_cli(&app, &file, &[]);
    assert!(ok, "{out}\n{err}");
    assert!(
        out.contains("Imported: 2 new, 2 updated, 3 unchanged; 1 manager change, 1 pending application moved"),
        "{out}"
    );
    assert_eq!(employee_count(&app), people + 2);
    let tom = employee_id(&app, "tom.techlead@upskill.example");
    let approver: Option<i32> =
        applications::table.find(application).select(applications::approver_id).first(&mut app.db()).unwrap();
    assert_eq!(approver, Some(tom));
    // The command line has nobody signed in: the system is the actor.
    let audit = import_audit(&app);
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].0, None);
    let actor: Option<i32> = application_events::table
        .filter(application_events::application_id.eq(application))
        .filter(application_events::action.eq("reassigned"))
        .select(application_events::actor_id)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(actor, None);

    let (ok, out, _) = run_cli(&app, &file, &[]);
    assert!(ok);
    assert!(out.contains("Imported: 0 new, 0 updated, 7 unchanged."), "{out}");

    std::fs::write(&file, csv(&["x@upskill.example,X,T,retail,retail_store,full_time,2020-13-01,,".to_owned()]))
        .unwrap();
    let (ok, out, err) = run_cli(&app, &file, &[]);
    assert!(!ok, "a file with errors must fail");
    assert!(out.contains("line 2, hire_date: \"2020-13-01\" is not a date"), "{out}");
    assert!(err.contains("the file has errors on 1 line; nothing was imported"), "{err}");
    assert_eq!(employee_count(&app), people + 2);
}

#[actix_web::test]
async fn a_file_larger_than_a_form_imports_and_the_preview_lists_the_first_rows() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let people = employee_count(&app);
    // 3,000 people in a tree under Maria, managers listed after their reports.
    let lines: Vec<String> = (0..3000)
        .rev()
        .map(|i| {
            let manager = if i == 0 {
                "maria.manager@upskill.example".to_owned()
            } else {
                format!("p{}@bulk.example", (i - 1) / 8)
            };
            format!(
                "p{i}@bulk.example,Person {i},Associate,fulfillment,fulfillment_center,full_time,2021-06-01,{manager},"
            )
        })
        .collect();
    let text = csv(&lines);
    assert!(text.len() > 64 * 1024, "bigger than the limit of an ordinary form");
    let response = upload(&ada, &text).await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = response.text().await.unwrap();
    assert_eq!(counts(&page), ["3,000", "0", "0", "0"]);
    assert_eq!(attribute_values(&page, ".import-changes tbody tr", "data-email").len(), 200);
    assert!(texts(&page, ".hint")
        .iter()
        .any(|t| t.starts_with("Showing the first 200 new and changed people, and 2,800 more")));
    assert_eq!(commit(&ada, &page).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(employee_count(&app), people + 3000);
    assert_eq!(manager_of(&app, "p9@bulk.example"), Some(employee_id(&app, "p1@bulk.example")));
    assert_eq!(manager_of(&app, "p0@bulk.example"), Some(employee_id(&app, "maria.manager@upskill.example")));
}

#[actix_web::test]
async fn an_absurd_header_is_refused_with_a_short_page() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    // 8 MB of empty columns: once a 25 MB preview listing each one.
    let empty_columns = format!("{HEADER}{}\n", ",".repeat(8 * 1024 * 1024));
    let response = upload(&ada, &empty_columns).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    assert!(page.len() < 20_000, "a {} byte page", page.len());
    let errors = texts(&page, ".file-error");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].starts_with("The header line is 8192 KB long"), "{errors:?}");

    let many: String = (1..=100).map(|n| format!(",extra{n}")).collect();
    let response = upload(&ada, &format!("{HEADER}{many}\n")).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let errors = texts(&response.text().await.unwrap(), ".file-error");
    assert!(errors[0].starts_with("The header line has 109 columns"), "{errors:?}");
    assert_eq!(stored_uploads(&app), 0);
}
