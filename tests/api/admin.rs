//! Administration: programs, intakes, people, the application list and its export, the
//! audit log; and who may reach any of it.

use diesel::prelude::*;
use reqwest::StatusCode;
use upskill::db::schema::{applications, audit_log, employees, programs};
use upskill::domain::ApplicationStatus;

use crate::helpers::{
    apply, attribute_values, employee_fixture, employee_id, form_fields, intake_ids, location, program_id, signed_in,
    spawn_app, status_of, texts, with_field, ApplicationBuilder, TestApp,
};

const ADMIN_PAGES: [&str; 12] = [
    "/admin/programs",
    "/admin/programs/new",
    "/admin/programs/career-choice/edit",
    "/admin/programs/amazon-apprenticeship/intakes",
    "/admin/employees",
    "/admin/employees/1",
    "/admin/applications",
    "/admin/applications.csv",
    "/admin/payments",
    "/admin/payments.csv",
    "/admin/audit",
    "/admin/provisioning",
];

#[actix_web::test]
async fn only_admins_reach_the_admin_pages() {
    let app = spawn_app().await;
    for person in ["fiona.associate", "maria.manager"] {
        let browser = signed_in(&app, person).await;
        for path in ADMIN_PAGES {
            assert_eq!(browser.page(path).await.0, StatusCode::FORBIDDEN, "{person} {path}");
        }
        for path in [
            "/admin/programs/new",
            "/admin/programs/career-choice/edit",
            "/admin/programs/career-choice/archive",
            "/admin/employees/1",
        ] {
            let response = browser.post_with_csrf(path, &[("name", "x")]).await;
            assert_eq!(response.status(), StatusCode::FORBIDDEN, "{person} POST {path}");
        }
    }
    let anonymous = app.new_browser();
    for path in ADMIN_PAGES {
        assert_eq!(anonymous.page(path).await.0, StatusCode::SEE_OTHER, "anonymous {path}");
    }
    let ada = signed_in(&app, "ada.admin").await;
    for path in ADMIN_PAGES {
        assert_eq!(ada.page(path).await.0, StatusCode::OK, "admin {path}");
    }
    let status: String = programs::table
        .filter(programs::slug.eq("career-choice"))
        .select(programs::status)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(status, "published");
}

#[actix_web::test]
async fn every_admin_form_carries_the_session_s_csrf_token() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let token = ada.csrf_token().await;
    for path in ADMIN_PAGES.iter().filter(|p| !p.ends_with(".csv")) {
        let (_, body) = ada.page(path).await;
        let forms = attribute_values(&body, "form[method='post']", "action").len();
        let tokens = attribute_values(&body, "form[method='post'] input[name='csrf_token']", "value");
        assert_eq!(tokens.len(), forms, "{path}");
        assert!(tokens.iter().all(|t| *t == token), "{path}");
    }
}

pub(crate) fn program_form(slug: &str) -> Vec<(String, String)> {
    [
        ("slug", slug),
        ("name", "Data Analytics Bootcamp"),
        ("summary", "Twelve weeks to become a data analyst."),
        ("description", "A full-time bootcamp with projects on real company data.\n\nTaught online."),
        ("kind", "self_paced"),
        ("category", "technical"),
        ("format", "online"),
        ("provider", "Data Academy"),
        ("duration_weeks", "12"),
        ("min_tenure_days", "180"),
        ("job_families", "fulfillment"),
        ("job_families", "retail"),
        ("tuition_percent", "0"),
        ("cap_full_time", ""),
        ("cap_part_time", ""),
        ("needs_manager_approval", "yes"),
        ("opens_on", ""),
        ("closes_on", ""),
        ("completion_evidence", "file"),
        ("verified_by", "program_team"),
        ("completion_note", "Your certificate of completion."),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect()
}

async fn post_fields(
    browser: &crate::helpers::Browser,
    path: &str,
    fields: Vec<(String, String)>,
) -> reqwest::Response {
    let token = browser.csrf_token().await;
    browser.submit(path, &with_field(fields, "csrf_token", Some(&token))).await
}

#[actix_web::test]
async fn an_admin_creates_publishes_edits_and_archives_a_program() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;

    // A bad form: 422, values kept, a message per field, nothing stored.
    let bad = with_field(with_field(program_form("Bad Slug"), "name", Some("")), "duration_weeks", Some("zero"));
    let response = post_fields(&ada, "/admin/programs/new", bad).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = response.text().await.unwrap();
    assert_eq!(attribute_values(&body, ".field-error", "id"), ["slug-error", "name-error", "duration_weeks-error"]);
    assert_eq!(attribute_values(&body, "#slug", "value"), ["Bad Slug"]);
    assert_eq!(attribute_values(&body, "input[name='job_families'][checked]", "value"), ["fulfillment", "retail"]);
    let count: i64 = programs::table.count().get_result(&mut app.db()).unwrap();
    assert_eq!(count, 6);

    // Created as a draft: not in the catalog yet.
    let response = post_fields(&ada, "/admin/programs/new", program_form("data-analytics")).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/admin/programs/data-analytics/edit");
    let fiona = signed_in(&app, "fiona.associate").await;
    let (_, catalog) = fiona.page("/programs").await;
    assert!(!attribute_values(&catalog, "li.program-card", "data-program").contains(&"data-analytics".to_owned()));
    let again = post_fields(&ada, "/admin/programs/new", program_form("data-analytics")).await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        texts(&again.text().await.unwrap(), "#slug-error"),
        ["Another program already uses this slug; choose another."]
    );

    // Published: in the catalog; Fiona applies.
    assert_eq!(ada.post_with_csrf("/admin/programs/data-analytics/publish", &[]).await.status(), StatusCode::SEE_OTHER);
    let (_, catalog) = fiona.page("/programs?q=analytics").await;
    assert_eq!(attribute_values(&catalog, "li.program-card", "data-eligibility"), ["eligible"]);
    let id = apply(&fiona, "data-analytics", &[]).await;

    // Editing the rules makes Fiona ineligible for new applications, not the existing one.
    let (_, form) = ada.page("/admin/programs/data-analytics/edit").await;
    let fields = with_field(form_fields(&form, "form.program-form"), "job_families", None);
    let fields = with_field(fields, "job_families", Some("technical"));
    let response = ada.submit("/admin/programs/data-analytics/edit", &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, id), "submitted");
    let (_, catalog) = fiona.page("/programs?q=analytics").await;
    assert_eq!(attribute_values(&catalog, "li.program-card", "data-eligibility"), ["ineligible"]);
    let details: String = audit_log::table
        .filter(audit_log::action.eq("program.updated"))
        .select(audit_log::details)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(details, "job_families: fulfillment,retail → technical");

    // The list counts the application.
    let (_, list) = ada.page("/admin/programs").await;
    let row = texts(&list, "tr[data-program='data-analytics'] td");
    assert_eq!(row[1], "1", "{row:?}");

    // Archived: out of the catalog, the application kept.
    assert_eq!(ada.post_with_csrf("/admin/programs/data-analytics/archive", &[]).await.status(), StatusCode::SEE_OTHER);
    let (_, catalog) = fiona.page("/programs?q=analytics").await;
    assert!(attribute_values(&catalog, "li.program-card", "data-program").is_empty());
    assert_eq!(fiona.page(&format!("/applications/{id}")).await.0, StatusCode::OK);
    let actions: Vec<String> =
        audit_log::table.select(audit_log::action).order(audit_log::id).load(&mut app.db()).unwrap();
    assert_eq!(actions, ["program.created", "program.published", "program.updated", "program.archived"]);
}

#[actix_web::test]
async fn a_tuition_program_needs_its_funding() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let form = with_field(program_form("night-school"), "kind", Some("tuition"));
    let response = post_fields(&ada, "/admin/programs/new", form.clone()).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        attribute_values(&response.text().await.unwrap(), ".field-error", "id"),
        ["tuition_percent-error", "cap_full_time-error"]
    );
    let form = with_field(with_field(form, "tuition_percent", Some("75")), "cap_full_time", Some("4000"));
    let form = with_field(form, "cap_part_time", Some("2,000.50"));
    assert_eq!(post_fields(&ada, "/admin/programs/new", form).await.status(), StatusCode::SEE_OTHER);
    let caps: (i32, i64, i64) = programs::table
        .filter(programs::slug.eq("night-school"))
        .select((programs::tuition_percent, programs::annual_cap_full_time_cents, programs::annual_cap_part_time_cents))
        .first(&mut app.db())
        .unwrap();
    assert_eq!(caps, (75, 400_000, 200_050));
}

#[actix_web::test]
async fn an_admin_adds_and_edits_intakes() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let path = "/admin/programs/associate2tech/intakes";
    let past = (chrono::Utc::now().date_naive() - chrono::Days::new(1)).to_string();
    let response =
        ada.post_with_csrf(path, &[("intake_id", ""), ("name", "Late"), ("starts_on", &past), ("seats", "5")]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = response.text().await.unwrap();
    assert_eq!(texts(&body, "#new-starts_on-error"), ["A new intake must start after today."]);
    assert_eq!(attribute_values(&body, "#new-name", "value"), ["Late"]);

    let later = (chrono::Utc::now().date_naive() + chrono::Days::new(200)).to_string();
    let response = ada
        .post_with_csrf(path, &[("intake_id", ""), ("name", "Autumn 2027"), ("starts_on", &later), ("seats", "12")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let ids = intake_ids(&app, "associate2tech");
    assert_eq!(ids.len(), 3);
    let newest = ids[2].to_string();
    let response = ada
        .post_with_csrf(
            path,
            &[("intake_id", &newest), ("name", "Autumn 2027 (evenings)"), ("starts_on", &later), ("seats", "15")],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, page) = ada.page(path).await;
    assert!(texts(&page, "section.intake h2").contains(&"Autumn 2027 (evenings)".to_owned()));
    let fiona = signed_in(&app, "fiona.associate").await;
    let (_, form) = fiona.page("/programs/associate2tech/apply").await;
    assert!(texts(&form, "fieldset label")
        .iter()
        .any(|l| l.contains("Autumn 2027 (evenings)") && l.contains("15 seats left")));
    // An intake of another program is not editable from here.
    let foreign = intake_ids(&app, "amazon-apprenticeship")[0].to_string();
    let response = ada
        .post_with_csrf(path, &[("intake_id", &foreign), ("name", "X"), ("starts_on", &later), ("seats", "1")])
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

fn add_people(app: &TestApp, count: usize) {
    let maria = employee_id(app, "maria.manager@upskill.example");
    for n in 0..count {
        let person = employee_fixture(&format!("person{n:03}@upskill.example"), &format!("Person {n:03}"), Some(maria));
        upskill::db::employees::insert(&mut app.db(), &person).unwrap();
    }
}

#[actix_web::test]
async fn the_people_directory_searches_and_pages() {
    let app = spawn_app().await;
    add_people(&app, 70);
    let ada = signed_in(&app, "ada.admin").await;
    let (_, first) = ada.page("/admin/employees").await;
    let names = texts(&first, "tbody th");
    assert_eq!(names.len(), 50);
    assert_eq!(names[0], "Ada Admin");
    let next = attribute_values(&first, "a[rel='next']", "href").remove(0);
    let (_, second) = ada.page(&next).await;
    let rest = texts(&second, "tbody th");
    assert_eq!(rest.len(), 78 - 50);
    assert!(rest.iter().all(|name| !names.contains(name)));
    assert!(attribute_values(&second, "a[rel='next']", "href").is_empty());

    let (_, found) = ada.page("/admin/employees?q=paula").await;
    assert_eq!(texts(&found, "tbody th"), ["Paula Parttime"]);
    assert_eq!(texts(&found, "tbody td")[3], "Maria Manager");
    let (_, found) = ada.page("/admin/employees?q=tom.tech").await;
    assert_eq!(texts(&found, "tbody th"), ["Tom Techlead"]);
    let (_, none) = ada.page("/admin/employees?q=%25").await;
    assert_eq!(texts(&none, ".empty-state h2"), ["Nobody found"]);
}

#[actix_web::test]
async fn an_admin_edits_a_person_and_the_change_is_audited() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let nate = employee_id(&app, "nate.newhire@upskill.example");
    let (path, fields) = crate::helpers::person_record(&app, &ada, "nate.newhire@upskill.example").await;
    let bad = with_field(with_field(fields.clone(), "hire_date", Some("2999-01-01")), "job_family", Some("astronaut"));
    let response = ada.submit(&path, &bad).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        attribute_values(&response.text().await.unwrap(), ".field-error", "id"),
        ["job_family-error", "hire_date-error"]
    );

    let good = with_field(with_field(fields, "job_title", Some("Team Lead")), "site_type", Some("retail_store"));
    assert_eq!(ada.submit(&path, &good).await.status(), StatusCode::SEE_OTHER);
    let stored: (String, String) =
        employees::table.find(nate).select((employees::job_title, employees::site_type)).first(&mut app.db()).unwrap();
    assert_eq!(stored, ("Team Lead".to_owned(), "retail_store".to_owned()));
    let details: String = audit_log::table
        .filter(audit_log::action.eq("employee.updated"))
        .select(audit_log::details)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(details, "job_title: Fulfillment Associate → Team Lead; site_type: fulfillment_center → retail_store");
}

#[actix_web::test]
async fn the_last_admin_keeps_the_admin_flag() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let ada_id = employee_id(&app, "ada.admin@upskill.example");
    let path = format!("/admin/employees/{ada_id}");
    let (_, page) = ada.page(&path).await;
    let response = ada.submit(&path, &with_field(form_fields(&page, "form.stack"), "is_admin", None)).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        texts(&response.text().await.unwrap(), "#is_admin-error"),
        ["This is the last active administrator: name another one first."]
    );

    // With a second admin, Ada can step down.
    let tom = employee_id(&app, "tom.techlead@upskill.example");
    let (_, toms) = ada.page(&format!("/admin/employees/{tom}")).await;
    let made_admin = with_field(form_fields(&toms, "form.stack"), "is_admin", Some("yes"));
    assert_eq!(ada.submit(&format!("/admin/employees/{tom}"), &made_admin).await.status(), StatusCode::SEE_OTHER);
    let (_, page) = ada.page(&path).await;
    assert_eq!(
        ada.submit(&path, &with_field(form_fields(&page, "form.stack"), "is_admin", None)).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(ada.page("/admin/programs").await.0, StatusCode::FORBIDDEN);
}

#[actix_web::test]
async fn deactivating_someone_ends_their_sessions_and_moves_what_waits_on_them() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let term = (chrono::Utc::now().date_naive() + chrono::Days::new(30)).to_string();
    let id = apply(
        &fiona,
        "career-choice",
        &[
            ("institution", "UW"),
            ("course_title", "Statistics"),
            ("term_starts_on", &term),
            ("amount", "900"),
            ("accept_terms", "yes"),
        ],
    )
    .await;
    let maria = signed_in(&app, "maria.manager").await;
    assert_eq!(maria.page("/approvals").await.0, StatusCode::OK);

    let ada = signed_in(&app, "ada.admin").await;
    let maria_id = employee_id(&app, "maria.manager@upskill.example");
    let path = format!("/admin/employees/{maria_id}");
    let (_, page) = ada.page(&path).await;
    assert_eq!(
        ada.submit(&path, &with_field(form_fields(&page, "form.stack"), "active", None)).await.status(),
        StatusCode::SEE_OTHER
    );

    // Maria's open session is over, and she can't sign in again.
    assert_eq!(maria.get("/approvals").await.status(), StatusCode::SEE_OTHER);
    let again =
        app.new_browser().sign_in_with("maria.manager@upskill.example", crate::helpers::DEMO_PASSWORD, "").await;
    assert_eq!(again.status(), StatusCode::UNAUTHORIZED);
    // Fiona's request now waits on Maria's own manager, Ada.
    let approver: Option<i32> =
        applications::table.find(id).select(applications::approver_id).first(&mut app.db()).unwrap();
    assert_eq!(approver, Some(employee_id(&app, "ada.admin@upskill.example")));
    let (_, page) = fiona.page(&format!("/applications/{id}")).await;
    assert_eq!(
        texts(&page, "blockquote.comment"),
        ["Maria Manager no longer works here; the decision moves to Ada Admin."]
    );
    let (_, queue) = ada.page("/approvals").await;
    assert!(attribute_values(&queue, "tbody tr", "data-application").contains(&id.to_string()));
    // Nobody deactivates themselves.
    let ada_id = employee_id(&app, "ada.admin@upskill.example");
    let (_, own) = ada.page(&format!("/admin/employees/{ada_id}")).await;
    let response = ada
        .submit(&format!("/admin/employees/{ada_id}"), &with_field(form_fields(&own, "form.stack"), "active", None))
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

/// Inserts `count` applications of Fiona's to AWS Training, alternately approved and
/// completed (as if over the years).
fn add_applications(app: &TestApp, count: usize) {
    let fiona = employee_id(app, "fiona.associate@upskill.example");
    let program: i32 = program_id(app, "aws-training-and-certification");
    let start = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap().and_hms_opt(9, 0, 0).unwrap();
    for n in 0..count {
        let at = start + chrono::TimeDelta::days(i64::try_from(n).unwrap());
        ApplicationBuilder::new(fiona, program, ApplicationStatus::Completed).at(at).insert(&mut app.db());
    }
}

#[actix_web::test]
async fn the_application_list_filters_and_pages_by_key() {
    let app = spawn_app().await;
    add_applications(&app, 60);
    let paula = signed_in(&app, "paula.parttime").await;
    let recent = apply(&paula, "aws-training-and-certification", &[]).await;
    let ada = signed_in(&app, "ada.admin").await;

    let (_, first) = ada.page("/admin/applications").await;
    let ids = attribute_values(&first, "tbody tr", "data-application");
    assert_eq!(ids.len(), 50);
    assert_eq!(ids[0], recent.to_string(), "newest first");
    let next = attribute_values(&first, "a[rel='next']", "href").remove(0);
    let (_, second) = ada.page(&next).await;
    assert_eq!(attribute_values(&second, "tbody tr", "data-application").len(), 11);

    let (_, retail) = ada.page("/admin/applications?site_type=retail_store").await;
    assert_eq!(attribute_values(&retail, "tbody tr", "data-application"), [recent.to_string()]);
    let (_, approved) = ada.page("/admin/applications?status=approved&program=aws-training-and-certification").await;
    assert_eq!(attribute_values(&approved, "tbody tr", "data-application"), [recent.to_string()]);
    let (_, january) = ada.page("/admin/applications?from=2025-01-01&to=2025-01-31").await;
    assert_eq!(attribute_values(&january, "tbody tr", "data-application").len(), 31);
    // A dated list pages too: 58 applications from 3 January on, newest first.
    let (_, dated) = ada.page("/admin/applications?from=2025-01-03&to=2025-12-31").await;
    let first_ids = attribute_values(&dated, "tbody tr", "data-application");
    assert_eq!(first_ids.len(), 50);
    let next = attribute_values(&dated, "a[rel='next']", "href").remove(0);
    let (_, rest) = ada.page(&next).await;
    let rest_ids = attribute_values(&rest, "tbody tr", "data-application");
    assert_eq!(rest_ids.len(), 8);
    assert!(rest_ids.iter().all(|id| !first_ids.contains(id)));
    assert_eq!(attribute_values(&january, "#from", "value"), ["2025-01-01"]);

    let response = ada.get("/admin/applications?status=lost&from=yesterday").await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(attribute_values(&response.text().await.unwrap(), ".field-error", "id"), ["status-error", "from-error"]);
}

#[actix_web::test]
async fn the_csv_export_has_exactly_the_filtered_set_with_safe_cells() {
    let app = spawn_app().await;
    add_applications(&app, 1_205);
    // A name that a spreadsheet would run as a formula, and one with a comma and accents.
    let carl = employee_id(&app, "carl.corporate@upskill.example");
    diesel::update(employees::table.find(carl))
        .set(employees::display_name.eq("=HYPERLINK(\"http://x\",\"y\")"))
        .execute(&mut app.db())
        .unwrap();
    let fiona = employee_id(&app, "fiona.associate@upskill.example");
    diesel::update(employees::table.find(fiona))
        .set(employees::display_name.eq("Fiona, Zoë"))
        .execute(&mut app.db())
        .unwrap();
    let carl_browser = signed_in(&app, "carl.corporate").await;
    apply(&carl_browser, "aws-training-and-certification", &[]).await;

    let ada = signed_in(&app, "ada.admin").await;
    let response = ada.get("/admin/applications.csv").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "text/csv; charset=utf-8");
    assert!(response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment; filename=\"applications-"));
    let body = response.text().await.unwrap();
    let lines: Vec<&str> = body.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines[0],
        "id,created_at,submitted_at,decided_at,status,employee,email,site_type,program,intake,amount,covered"
    );
    assert_eq!(lines.len(), 1 + 1_206, "every application once, across several batches");
    assert!(lines[1].contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""), "{}", lines[1]);
    assert!(lines[2].contains("\"Fiona, Zoë\""), "{}", lines[2]);

    let filtered = ada.get("/admin/applications.csv?status=approved").await.text().await.unwrap();
    let rows: Vec<&str> = filtered.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(rows.len(), 2);
    assert!(rows[1].contains(",approved,"));
}

#[actix_web::test]
async fn the_audit_log_lists_filters_and_refuses_changes() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let path = "/admin/programs/associate2tech/intakes";
    let later = (chrono::Utc::now().date_naive() + chrono::Days::new(90)).to_string();
    ada.post_with_csrf(path, &[("intake_id", ""), ("name", "Extra intake"), ("starts_on", &later), ("seats", "3")])
        .await;
    ada.post_with_csrf("/admin/programs/career-choice/archive", &[]).await;

    let (_, all) = ada.page("/admin/audit").await;
    assert_eq!(texts(&all, "tbody td code"), ["program.archived", "intake.created"]);
    assert_eq!(texts(&all, "tbody tr:first-child td")[1], "Ada Admin");
    let (_, programs_only) = ada.page("/admin/audit?action=program.").await;
    assert_eq!(texts(&programs_only, "tbody td code"), ["program.archived"]);
    let (_, by_subject) = ada.page("/admin/audit?subject=Extra").await;
    assert_eq!(texts(&by_subject, "tbody td code"), ["intake.created"]);

    let tampered =
        diesel::update(audit_log::table).set(audit_log::details.eq("nothing happened")).execute(&mut app.db());
    assert!(tampered.is_err(), "the audit log must refuse updates");
    assert!(diesel::delete(audit_log::table).execute(&mut app.db()).is_err(), "the audit log must refuse deletes");
}

#[actix_web::test]
async fn a_program_s_start_address_is_saved_shown_again_and_only_https() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let path = "/admin/programs/data-analytics/edit";
    let with_url = |url: &str| with_field(program_form("data-analytics"), "start_url", Some(url));
    let response = post_fields(&ada, "/admin/programs/new", with_url("https://academy.example.com/start")).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, form) = ada.page(path).await;
    assert_eq!(attribute_values(&form, "#start_url", "value"), ["https://academy.example.com/start"]);

    for wrong in ["http://academy.example.com/start", "javascript:alert(1)", "https://me:secret@academy.example.com/"] {
        let response = post_fields(&ada, path, with_url(wrong)).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{wrong}");
        let body = response.text().await.unwrap();
        assert_eq!(attribute_values(&body, ".field-error", "id"), ["start_url-error"], "{wrong}");
        assert_eq!(attribute_values(&body, "#start_url", "value"), [wrong]);
    }
    // Emptied, it is gone; the edit is audited like every other field.
    assert_eq!(post_fields(&ada, path, with_url("")).await.status(), StatusCode::SEE_OTHER);
    let stored: Option<String> = programs::table
        .filter(programs::slug.eq("data-analytics"))
        .select(programs::start_url)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(stored, None);
    let details: String = audit_log::table
        .filter(audit_log::action.eq("program.updated"))
        .order(audit_log::id.desc())
        .select(audit_log::details)
        .first(&mut app.db())
        .unwrap();
    assert!(details.contains("start_url: https://academy.example.com/start → "), "{details}");
}

#[actix_web::test]
async fn a_program_s_completion_rules_are_saved_shown_to_applicants_and_checked() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let path = "/admin/programs/data-analytics/edit";
    let form = |evidence: &str, verifier: &str| {
        with_field(
            with_field(program_form("data-analytics"), "completion_evidence", Some(evidence)),
            "verified_by",
            Some(verifier),
        )
    };
    assert_eq!(
        post_fields(&ada, "/admin/programs/new", form("credential", "auto")).await.status(),
        StatusCode::SEE_OTHER
    );
    let (_, page) = ada.page(path).await;
    assert_eq!(attribute_values(&page, "#completion_evidence option[selected]", "value"), ["credential"]);
    assert_eq!(attribute_values(&page, "#verified_by option[selected]", "value"), ["auto"]);
    let stored: (String, String, String) = programs::table
        .filter(programs::slug.eq("data-analytics"))
        .select((programs::completion_evidence, programs::verified_by, programs::completion_note))
        .first(&mut app.db())
        .unwrap();
    assert_eq!(stored, ("credential".into(), "auto".into(), "Your certificate of completion.".into()));
    for (evidence, verifier, field) in [
        ("file", "auto", "verified_by"),
        ("none", "auto", "verified_by"),
        ("diploma", "program_team", "completion_evidence"),
    ] {
        let response = post_fields(&ada, path, form(evidence, verifier)).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{evidence} {verifier}");
        let body = response.text().await.unwrap();
        assert_eq!(attribute_values(&body, ".field-error", "id"), [format!("{field}-error")]);
    }
    let nul = with_field(form("file", "program_team"), "completion_note", Some("a\0b"));
    assert_eq!(post_fields(&ada, path, nul).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // Applicants read what completion asks of them on the program's page.
    let fiona = signed_in(&app, "fiona.associate").await;
    let (_, page) = fiona.page("/programs/career-choice").await;
    assert_eq!(
        texts(&page, ".completion-requirement"),
        ["When you finish, attach your evidence to your application and send it to the program team to check. Your grade \
          report or transcript for the term."]
    );
}

#[actix_web::test]
async fn making_someone_their_own_manager_says_exactly_that() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let fiona = employee_id(&app, "fiona.associate@upskill.example");
    let response = crate::helpers::set_manager(&ada, fiona, "fiona.associate@upskill.example").await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = response.text().await.unwrap();
    assert_eq!(texts(&body, "#manager_email-error"), ["A person can't be their own manager."]);
    assert_eq!(attribute_values(&body, "#manager_email", "value"), ["fiona.associate@upskill.example"]);
}
