//! What completions led to, through the real routes on both backends: the outcome of each
//! verified completion at 6, 12 and 24 months and today, computed from the job history
//! the HR import writes; the dashboard's table, funnel and period; the CSV and JSON
//! exports; the scheduler looking again when a horizon comes; and the counts kept in
//! step with every change.

use chrono::{Months, NaiveDate};
use diesel::prelude::*;
use reqwest::StatusCode;
use upskill::db::schema::{applications, completion_outcomes, employee_history, employees};
use upskill::domain::{ApplicationStatus, SiteType};

use crate::completion::complete_place;
use crate::helpers::{
    assert_stats_consistent, employee_id, program_id, signed_in, spawn_app, spawn_app_with, texts, ApplicationBuilder,
    TestApp,
};
use crate::history::{file_with, DEMO};
use crate::import::{commit, upload};

fn today() -> NaiveDate {
    upskill::clock::today()
}

/// The completion day of every completion in these tests: 30 months ago, so that each
/// horizon (6, 12, 24 months) has come.
fn completed_on() -> NaiveDate {
    today().checked_sub_months(Months::new(30)).unwrap()
}

fn months_after_completion(months: u32) -> NaiveDate {
    completed_on().checked_add_months(Months::new(months)).unwrap()
}

/// A verified completion of Associate2Tech (which leads to technical roles) for `person`,
/// through the program team's route; returns the application.
async fn completion_of(app: &TestApp, person: &str) -> i32 {
    hired_long_ago(app, person);
    let employee = employee_id(app, &format!("{person}@upskill.example"));
    let site: SiteType = employees::table.find(employee).select(employees::site_type).first(&mut app.db()).unwrap();
    let id = ApplicationBuilder::new(employee, program_id(app, "associate2tech"), ApplicationStatus::Approved)
        .site(site)
        .at(upskill::clock::now() - chrono::TimeDelta::days(40))
        .insert(&mut app.db());
    complete_place(app, id).await;
    id
}

/// Moves a completion 30 months into the past (the set-up of a test about time; the
/// application keeps its day, and so its place in the reporting counters). The next
/// history change of its participant computes it again.
fn thirty_months_ago(app: &TestApp, id: i32) {
    diesel::update(applications::table.find(id))
        .set(applications::completed_on.eq(Some(completed_on())))
        .execute(&mut app.db())
        .unwrap();
}

/// Makes a demo person hired six years ago, as their first history row says (the demo
/// organisation hires some of them after the completions these tests move into the past).
fn hired_long_ago(app: &TestApp, person: &str) {
    let employee = employee_id(app, &format!("{person}@upskill.example"));
    let hired = today().checked_sub_months(Months::new(72)).unwrap();
    diesel::update(employees::table.find(employee)).set(employees::hire_date.eq(hired)).execute(&mut app.db()).unwrap();
    let first: i32 = employee_history::table
        .filter(employee_history::employee_id.eq(employee))
        .select(diesel::dsl::min(employee_history::id))
        .first::<Option<i32>>(&mut app.db())
        .unwrap()
        .unwrap();
    diesel::update(employee_history::table.find(first))
        .set(employee_history::effective_on.eq(hired))
        .execute(&mut app.db())
        .unwrap();
}

/// (6, 12, 24 months, today) of an application, and the day of the first move.
fn outcomes_of(app: &TestApp, id: i32) -> ([String; 4], Option<NaiveDate>) {
    let (six, twelve, twenty_four, to_date, moved_on): (String, String, String, String, Option<NaiveDate>) =
        completion_outcomes::table
            .find(id)
            .select((
                completion_outcomes::outcome_6,
                completion_outcomes::outcome_12,
                completion_outcomes::outcome_24,
                completion_outcomes::outcome_to_date,
                completion_outcomes::moved_on,
            ))
            .first(&mut app.db())
            .unwrap();
    ([six, twelve, twenty_four, to_date], moved_on)
}

/// The cells (header and data) of each row matching `selector`.
fn rows_of(page: &str, selector: &str) -> Vec<Vec<String>> {
    let document = scraper::Html::parse_document(page);
    let rows = scraper::Selector::parse(selector).unwrap();
    let cells = scraper::Selector::parse("th, td").unwrap();
    document
        .select(&rows)
        .map(|row| {
            row.select(&cells)
                .map(|cell| cell.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
                .collect()
        })
        .collect()
}

fn expect(values: [&str; 4]) -> [String; 4] {
    values.map(str::to_owned)
}

/// The HR file that writes the history of the scenario: Fiona becomes a robotics
/// technician 8 months after completing, Paula leaves of her own accord after 3, Carl
/// moves into operations after 20, and Dev only gets a new manager after 2.
async fn import_the_history(app: &TestApp) {
    let ada = signed_in(app, "ada.admin").await;
    let at = |months| format!("{},,", months_after_completion(months));
    let left = format!(",{},voluntary", months_after_completion(3));
    let file = file_with(
        app,
        &DEMO,
        &[
            (
                "fiona.associate@upskill.example",
                &[("job_title", "Robotics Technician"), ("job_family", "technical")],
                &at(8),
            ),
            ("paula.parttime@upskill.example", &[], &left),
            ("carl.corporate@upskill.example", &[("job_title", "Area Manager"), ("job_family", "operations")], &at(20)),
            ("dev.engineer@upskill.example", &[("manager_email", "maria.manager@upskill.example")], &at(2)),
        ],
    );
    let response = upload(&ada, &file).await;
    assert_eq!(response.status(), StatusCode::OK);
    let preview = response.text().await.unwrap();
    assert_eq!(commit(&ada, &preview).await.status(), StatusCode::SEE_OTHER, "{preview}");
}

#[actix_web::test]
async fn each_completion_is_followed_at_6_12_and_24_months_from_the_job_history() {
    let app = spawn_app().await;
    let fiona = completion_of(&app, "fiona.associate").await;
    // Just completed: no horizon has come, and nothing has changed yet.
    assert_eq!(outcomes_of(&app, fiona), (expect(["pending", "pending", "pending", "same_role"]), None));

    let paula = completion_of(&app, "paula.parttime").await;
    let carl = completion_of(&app, "carl.corporate").await;
    let dev = completion_of(&app, "dev.engineer").await;
    for id in [fiona, paula, carl, dev] {
        thirty_months_ago(&app, id);
    }
    import_the_history(&app).await;

    assert_eq!(
        outcomes_of(&app, fiona),
        (expect(["same_role", "moved_target", "moved_target", "moved_target"]), Some(months_after_completion(8)))
    );
    assert_eq!(
        outcomes_of(&app, paula),
        (expect(["left_voluntary", "left_voluntary", "left_voluntary", "left_voluntary"]), None)
    );
    assert_eq!(
        outcomes_of(&app, carl),
        (expect(["same_role", "same_role", "moved_other", "moved_other"]), Some(months_after_completion(20)))
    );
    assert_eq!(outcomes_of(&app, dev), (expect(["same_role", "same_role", "same_role", "same_role"]), None));
    assert_stats_consistent(&app);

    // The dashboard: the table at 12 months (the default) and at 24, and the funnel.
    let ada = signed_in(&app, "ada.admin").await;
    let (status, page) = ada.page("/admin").await;
    assert_eq!(status, StatusCode::OK);
    let total = texts(&page, "table[data-table='outcomes'] tfoot td");
    assert_eq!(total, ["4", "1 (25%)", "0 (0%)", "1 (25%)", "0 (0%)", "2 (50%)", "0"], "{total:?}");
    let moved = texts(&page, "table[data-chart='funnel'] tr[data-row='moved'] td");
    assert_eq!(moved[0], "2", "Fiona and Carl work in another role today");
    // The funnel per program: the four places completed, two moved (Fiona 8 months after
    // completing, Carl 20: the lower middle is 8); the cost of Associate2Tech's places.
    let rows = rows_of(&page, "table[data-table='funnel-programs'] tbody tr");
    let a2t = rows.iter().find(|row| row[0] == "Associate2Tech").expect("a row for Associate2Tech");
    assert_eq!(a2t[1..], ["4", "4 (100%)", "4 (100%)", "2 (50%)", "8 months"], "{rows:?}");
    let sites = rows_of(&page, "table[data-table='funnel-sites'] tfoot tr");
    assert_eq!(sites[0][4], "2 (50%)", "{sites:?}");
    let costs = rows_of(&page, "table[data-table='costs'] tbody tr");
    let a2t = costs.iter().find(|row| row[0] == "Associate2Tech").expect("a cost row for Associate2Tech");
    assert_eq!(a2t[1..], ["$24,000", "4", "$6,000", "2", "$12,000"], "{costs:?}");
    let (_, later) = ada.page("/admin?horizon=24").await;
    let total = texts(&later, "table[data-table='outcomes'] tfoot td");
    assert_eq!(total[1..3], ["1 (25%)".to_owned(), "1 (25%)".to_owned()], "{total:?}");

    // The period follows the applications: the year they were made in shows them, an
    // earlier one none.
    let applied: chrono::NaiveDateTime =
        applications::table.find(fiona).select(applications::created_at).first(&mut app.db()).unwrap();
    let year: i32 = applied.format("%Y").to_string().parse().unwrap();
    let (_, that_year) = ada.page(&format!("/admin?from={year}-01&to={year}-12")).await;
    assert_eq!(texts(&that_year, "table[data-table='outcomes'] tfoot td")[0], "4");
    let (_, earlier) = ada.page(&format!("/admin?from={}-01&to={}-12", year - 5, year - 5)).await;
    assert!(texts(&earlier, "table[data-table='outcomes']").is_empty());
    assert_eq!(texts(&earlier, "[data-empty='outcomes'] p").len(), 1);
    assert_eq!(texts(&earlier, "[data-empty='charts'] h3"), ["No applications in this period"]);
}

#[actix_web::test]
async fn the_exports_list_every_completion_with_its_outcomes_and_keep_the_filters() {
    let app = spawn_app().await;
    let fiona = completion_of(&app, "fiona.associate").await;
    let carl = completion_of(&app, "carl.corporate").await;
    for id in [fiona, carl] {
        thirty_months_ago(&app, id);
    }
    import_the_history(&app).await;
    let ada = signed_in(&app, "ada.admin").await;

    let response = ada.get("/admin/outcomes.csv").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()["content-type"].to_str().unwrap().starts_with("text/csv"));
    let csv = response.text().await.unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "application,email,program,site_type,job_family_at_start,tenure_band_at_start,applied_on,started_on,\
         completed_on,outcome_6_months,outcome_12_months,outcome_24_months,outcome_to_date,moved_on"
    );
    assert_eq!(lines.len(), 3, "{csv}");
    let fiona_line = lines.iter().find(|l| l.starts_with(&format!("{fiona},"))).unwrap();
    assert!(fiona_line.contains(",fiona.associate@upskill.example,associate2tech,"), "{fiona_line}");
    assert!(
        fiona_line.ends_with(&format!(
            "{},same_role,moved_target,moved_target,moved_target,{}",
            completed_on(),
            months_after_completion(8)
        )),
        "{fiona_line}"
    );

    let response = ada.get("/admin/outcomes.json?site=corporate_office").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "application/json");
    let json: serde_json::Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 1, "only Carl works at a corporate office: {json}");
    assert_eq!(rows[0]["application"], carl);
    assert_eq!(rows[0]["outcome_24_months"], "moved_other");
    assert_eq!(rows[0]["moved_on"], months_after_completion(20).to_string());

    // Filters: a program, a period with nobody, and the wrong ones refused.
    let body = ada.get("/admin/outcomes.json?program=career-choice").await.text().await.unwrap();
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(json, serde_json::json!([]));
    let future = today().checked_add_months(Months::new(1)).unwrap().format("%Y-%m").to_string();
    let csv = ada.get(&format!("/admin/outcomes.csv?from={future}")).await.text().await.unwrap();
    assert_eq!(csv.lines().count(), 1, "the header alone");
    for wrong in ["program=nope", "site=moon", "from=March", "from=2026-05&to=2026-04"] {
        let response = ada.get(&format!("/admin/outcomes.csv?{wrong}")).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{wrong}");
    }
    // Only administrators.
    let fiona_browser = signed_in(&app, "fiona.associate").await;
    assert_eq!(fiona_browser.get("/admin/outcomes.json").await.status(), StatusCode::FORBIDDEN);
}

#[actix_web::test]
async fn a_wrong_period_is_shown_with_its_message_and_the_figures_of_all_time() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let (status, page) = ada.page("/admin?from=2026-05&to=2026-04").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(texts(&page, "#to-error"), ["The last month must be the first month or after it."]);
    assert_eq!(crate::helpers::attribute_values(&page, "input#from", "value"), ["2026-05"]);
    let (status, page) = ada.page("/admin?from=2026-01&to=2026-12").await;
    assert_eq!(status, StatusCode::OK);
    assert!(texts(&page, "h2.section-title").iter().any(|t| t.contains("made January 2026 to December 2026")));
}

#[actix_web::test]
async fn the_scheduler_looks_again_on_the_day_a_horizon_comes() {
    let app = spawn_app_with(|settings| settings.mail.schedule_every = std::time::Duration::from_millis(200)).await;
    let fiona = completion_of(&app, "fiona.associate").await;
    assert_eq!(outcomes_of(&app, fiona).0[0], "pending");
    // Time passes: the completion is now 7 months old, and its 6-month horizon came
    // yesterday, when the row said to look again.
    let seven_months_ago = today().checked_sub_months(Months::new(7)).unwrap();
    diesel::update(applications::table.find(fiona))
        .set(applications::completed_on.eq(Some(seven_months_ago)))
        .execute(&mut app.db())
        .unwrap();
    diesel::update(completion_outcomes::table.find(fiona))
        .set(completion_outcomes::next_check_on.eq(Some(today().pred_opt().unwrap())))
        .execute(&mut app.db())
        .unwrap();
    let mut seen = String::new();
    for _ in 0..100 {
        seen = outcomes_of(&app, fiona).0[0].clone();
        if seen != "pending" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(seen, "same_role");
    let next: Option<NaiveDate> =
        completion_outcomes::table.find(fiona).select(completion_outcomes::next_check_on).first(&mut app.db()).unwrap();
    assert_eq!(next, seven_months_ago.checked_add_months(Months::new(12)));
    assert_stats_consistent(&app);
}

/// Ten colleagues of Fiona's cell (a retail store, fulfillment, hired six years ago) who
/// never had a place: two leave and one moves while she trains and in the 12 months
/// after. Written as the HR import writes them: the employee and their history rows.
fn colleagues_of_fiona(app: &TestApp) {
    use upskill::db::schema::employee_history as history;
    use upskill::domain::{EmploymentType, HistorySource, JobFamily, LeavingReason};
    let hired = today().checked_sub_months(Months::new(72)).unwrap();
    let mut conn = app.db();
    for n in 0..10 {
        let mut person =
            crate::helpers::employee_fixture(&format!("colleague{n}@upskill.example"), &format!("Colleague {n}"), None);
        person.record.site_type = SiteType::RetailStore;
        person.record.hire_date = hired;
        let id = upskill::db::employees::insert(&mut conn, &person).unwrap();
        let row = |on: NaiveDate, title: &str, family: JobFamily, active: bool| {
            (
                history::employee_id.eq(id),
                history::effective_on.eq(on),
                history::job_title.eq(title.to_owned()),
                history::job_family.eq(family),
                history::site_type.eq(SiteType::RetailStore),
                history::employment_type.eq(EmploymentType::FullTime),
                history::active.eq(active),
                history::source.eq(HistorySource::Import),
                history::left_on.eq((!active).then_some(on)),
                history::leaving_reason.eq((!active).then_some(LeavingReason::Voluntary)),
                history::recorded_at.eq(upskill::clock::now()),
            )
        };
        let mut rows = vec![row(hired, "Associate", JobFamily::Fulfillment, true)];
        let later = today().checked_sub_months(Months::new(24)).unwrap();
        match n {
            0 | 1 => rows.push(row(later, "Associate", JobFamily::Fulfillment, false)),
            2 => rows.push(row(later, "Area Manager", JobFamily::Operations, true)),
            _ => {}
        }
        for values in rows {
            diesel::insert_into(history::table).values(values).execute(&mut conn).unwrap();
        }
    }
}

#[actix_web::test]
async fn participants_are_set_beside_colleagues_of_the_same_site_family_and_tenure() {
    let app = spawn_app_with(|settings| settings.mail.schedule_every = std::time::Duration::from_millis(200)).await;
    let fiona_id = employee_id(&app, "fiona.associate@upskill.example");
    diesel::update(employees::table.find(fiona_id))
        .set(employees::site_type.eq(SiteType::RetailStore))
        .execute(&mut app.db())
        .unwrap();
    diesel::update(employee_history::table.filter(employee_history::employee_id.eq(fiona_id)))
        .set(employee_history::site_type.eq(SiteType::RetailStore))
        .execute(&mut app.db())
        .unwrap();
    let ada = signed_in(&app, "ada.admin").await;
    let fiona = completion_of(&app, "fiona.associate").await;
    let paula = completion_of(&app, "paula.parttime").await;
    for id in [fiona, paula] {
        thirty_months_ago(&app, id);
    }
    colleagues_of_fiona(&app);
    import_the_history(&app).await;

    // The scheduler computes the comparison once a day: as if the last time was yesterday.
    let yesterday = today().pred_opt().unwrap().to_string();
    upskill::db::settings::set(&mut app.db(), upskill::db::comparison::COMPUTED_ON, &yesterday).unwrap();
    let mut rows = Vec::new();
    for _ in 0..100 {
        let (status, page) = ada.page("/admin").await;
        assert_eq!(status, StatusCode::OK);
        rows = rows_of(&page, "table[data-table='comparison'] tbody tr");
        if !rows.is_empty() {
            assert_eq!(texts(&page, "[data-comparison-computed]").len(), 1);
            assert!(texts(&page, "#outcomes .hint").iter().any(|t| t.contains("does not prove")));
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    // Fiona (moved 8 months after completing) beside her ten colleagues: 8 still here,
    // 1 in another role. Paula, with no colleague of her cell, is not compared.
    assert_eq!(
        rows,
        [["Associate2Tech", "1 of 2", "100%", "80%", "100%", "10%"].map(str::to_owned).to_vec()],
        "the comparison table"
    );

    // A period without those applications shows none.
    let applied: chrono::NaiveDateTime =
        applications::table.find(fiona).select(applications::created_at).first(&mut app.db()).unwrap();
    let year: i32 = applied.format("%Y").to_string().parse().unwrap();
    let (_, earlier) = ada.page(&format!("/admin?from={}-01&to={}-12", year - 5, year - 5)).await;
    assert!(rows_of(&earlier, "table[data-table='comparison'] tbody tr").is_empty());
}
