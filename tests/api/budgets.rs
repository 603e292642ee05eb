//! Program budgets: the program form's two fields, the budget at the approval stage (the
//! figures, the warning and its confirmation, a manager's approval sent to the program
//! team), bulk approval, approvals at once on one budget, and the dashboard's table.

use chrono::{Datelike, TimeDelta};
use diesel::prelude::*;
use futures_util::future::join_all;
use reqwest::StatusCode;
use upskill::db::schema::{applications, audit_log, commitment_totals, notifications, programs};
use upskill::domain::ApplicationStatus;

use crate::helpers::{
    assert_stats_consistent, attribute_values, employee_fixture, employee_id, form_fields, intake_ids, program_id,
    signed_in, spawn_app, spawn_app_with, status_of, texts, version_of, with_field, ApplicationBuilder, Browser,
    TestApp,
};

/// Sets a program's budget and seat cost in cents, as the program form stores them.
fn set_budget(app: &TestApp, slug: &str, budget: Option<i64>, seat_cost: Option<i64>) {
    diesel::update(programs::table.filter(programs::slug.eq(slug)))
        .set((programs::annual_budget_cents.eq(budget), programs::seat_cost_cents.eq(seat_cost)))
        .execute(&mut app.db())
        .unwrap();
}

fn budget_of(app: &TestApp, slug: &str) -> (Option<i64>, Option<i64>) {
    programs::table
        .filter(programs::slug.eq(slug))
        .select((programs::annual_budget_cents, programs::seat_cost_cents))
        .first(&mut app.db())
        .unwrap()
}

/// `count` people reporting to Maria, each with a place of `slug` given now (at
/// `intake` for a cohort, `covered_cents` of tuition otherwise); their applications.
fn places(app: &TestApp, slug: &str, status: ApplicationStatus, count: usize, covered_cents: i64) -> Vec<i32> {
    let program = program_id(app, slug);
    let intake = intake_ids(app, slug).last().copied();
    let maria = employee_id(app, "maria.manager@upskill.example");
    let term = chrono::Utc::now().date_naive() + chrono::Days::new(30);
    (0..count)
        .map(|n| {
            let email = format!("{slug}-{}-{n}@upskill.example", status.as_str());
            let person = employee_fixture(&email, &format!("Person {n} of {slug}"), Some(maria));
            let employee = upskill::db::employees::insert(&mut app.db(), &person).unwrap();
            let builder = ApplicationBuilder::new(employee, program, status).approver(maria);
            let builder = match intake {
                Some(intake) => builder.intake(intake),
                None => builder.tuition(term, covered_cents),
            };
            let builder = if status == ApplicationStatus::Approved { builder } else { builder.undecided() };
            builder.insert(&mut app.db())
        })
        .collect()
}

async fn approve(browser: &Browser, app: &TestApp, id: i32, confirmed: bool) -> reqwest::Response {
    let version = version_of(app, id);
    let mut fields = vec![("version", version.as_str()), ("comment", "")];
    if confirmed {
        fields.push(("exceed_budget", "yes"));
    }
    browser.post_with_csrf(&format!("/applications/{id}/approve"), &fields).await
}

/// The figures of the budget notice on an application's page, by their `data-value`.
fn notice(page: &str) -> Vec<String> {
    ["budget", "committed", "left", "cost"]
        .iter()
        .flat_map(|value| texts(page, &format!(".budget-notice [data-value='{value}']")))
        .collect()
}

/// The text of the elements matching `selector` as a browser renders it: their text
/// nodes run together, whitespace collapsed.
fn sentences(html: &str, selector: &str) -> Vec<String> {
    let document = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse(selector).unwrap();
    document
        .select(&selector)
        .map(|element| element.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

fn year() -> i32 {
    chrono::Utc::now().date_naive().year()
}

#[actix_web::test]
async fn the_program_form_saves_a_budget_and_a_seat_cost_and_the_audit_log_says_what_changed() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let path = "/admin/programs/amazon-technical-academy/edit";
    let (status, page) = ada.page(path).await;
    assert_eq!(status, StatusCode::OK);
    let fields = form_fields(&page, "form.program-form");
    let value = |name: &str| fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    assert_eq!(value("annual_budget").as_deref(), Some("750000.00"), "the seeded budget");
    assert_eq!(value("seat_cost").as_deref(), Some("25000.00"));
    assert_eq!(texts(&page, "#annual_budget-hint").len(), 1);

    let changed = with_field(with_field(fields, "annual_budget", Some("$800,000")), "seat_cost", Some("26000.50"));
    let response = ada.submit(path, &changed).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(budget_of(&app, "amazon-technical-academy"), (Some(80_000_000), Some(2_600_050)));
    let (_, again) = ada.page(path).await;
    assert_eq!(attribute_values(&again, "#annual_budget", "value"), ["800000.00"]);
    assert_eq!(attribute_values(&again, "#seat_cost", "value"), ["26000.50"]);
    let details: String = audit_log::table
        .filter(audit_log::subject.eq("amazon-technical-academy"))
        .order(audit_log::id.desc())
        .select(audit_log::details)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(details, "annual_budget: 750000.00 → 800000.00; seat_cost: 25000.00 → 26000.50");

    // Emptied: no budget set.
    let (_, page) = ada.page(path).await;
    let cleared = with_field(form_fields(&page, "form.program-form"), "annual_budget", Some(""));
    assert_eq!(ada.submit(path, &cleared).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(budget_of(&app, "amazon-technical-academy"), (None, Some(2_600_050)));
}

#[actix_web::test]
async fn the_program_form_says_what_is_wrong_with_a_budget_or_a_seat_cost() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let cases = [
        ("amazon-technical-academy", "-5", "25000", "annual_budget", "A budget must be more than zero"),
        ("amazon-technical-academy", "5000000000", "25000", "annual_budget", "at most $1,000,000,000"),
        ("amazon-technical-academy", "750000", "2000000", "seat_cost", "A seat can cost at most $1,000,000"),
        ("amazon-technical-academy", "750000", "-1", "seat_cost", "A cost per seat must be more than zero"),
        ("amazon-technical-academy", "750000", "", "seat_cost", "Enter the cost of one seat"),
        ("amazon-technical-academy", "lots", "25000", "annual_budget", "Enter the amount as a number of dollars"),
        (
            "career-choice",
            "2000000",
            "500",
            "seat_cost",
            "Only cohort programs have seats: leave the cost per seat empty for a tuition program.",
        ),
        ("machine-learning-university", "10000", "", "annual_budget", "A self-paced program commits no tuition"),
    ];
    for (slug, budget, seat_cost, field, message) in cases {
        let path = format!("/admin/programs/{slug}/edit");
        let (_, page) = ada.page(&path).await;
        let fields = form_fields(&page, "form.program-form");
        let fields = with_field(with_field(fields, "annual_budget", Some(budget)), "seat_cost", Some(seat_cost));
        let response = ada.submit(&path, &fields).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{slug} {budget} {seat_cost}");
        let page = response.text().await.unwrap();
        let error = texts(&page, &format!("#{field}-error"));
        assert!(error.len() == 1 && error[0].contains(message), "{slug} {budget} {seat_cost}: {error:?}");
        assert_eq!(attribute_values(&page, &format!("#{field}"), "aria-invalid"), ["true"]);
        assert_eq!(attribute_values(&page, ".error-summary a", "href"), [format!("#{field}")]);
        assert!(texts(&page, "title")[0].starts_with("Error: "));
        // What was typed is kept.
        assert_eq!(attribute_values(&page, "#annual_budget", "value"), [budget]);
        assert_eq!(attribute_values(&page, "#seat_cost", "value"), [seat_cost]);
    }
    assert_eq!(budget_of(&app, "amazon-technical-academy"), (Some(75_000_000), Some(2_500_000)), "nothing saved");
}

#[actix_web::test]
async fn the_program_team_sees_the_budget_this_year_what_is_committed_and_what_is_left() {
    let app = spawn_app().await;
    set_budget(&app, "amazon-technical-academy", Some(10_000_000), Some(2_500_000));
    places(&app, "amazon-technical-academy", ApplicationStatus::Approved, 2, 0);
    // A place given last year counts in last year's budget, not this one.
    let last_year = upskill::clock::now() - TimeDelta::days(400);
    let carl = employee_id(&app, "carl.corporate@upskill.example");
    let program = program_id(&app, "amazon-technical-academy");
    let intake = intake_ids(&app, "amazon-technical-academy")[1];
    ApplicationBuilder::new(carl, program, ApplicationStatus::Completed)
        .intake(intake)
        .at(last_year)
        .insert(&mut app.db());
    let waiting = places(&app, "amazon-technical-academy", ApplicationStatus::ManagerApproved, 1, 0)[0];

    let ada = signed_in(&app, "ada.admin").await;
    let (status, page) = ada.page(&format!("/applications/{waiting}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(attribute_values(&page, ".budget-notice", "data-budget"), ["fits"]);
    assert_eq!(
        sentences(&page, ".budget-line"),
        [format!("Budget this year ({}): $100,000, committed $50,000, left $50,000.", year())]
    );
    assert_eq!(notice(&page), ["$100,000", "$50,000", "left $50,000", "$25,000"]);
    assert_eq!(
        sentences(&page, ".budget-notice .hint"),
        ["Approving commits $25,000. The budget runs by calendar year: a place counts in the year it is approved."]
    );
    assert!(attribute_values(&page, "#exceed_budget", "name").is_empty(), "nothing to confirm");

    // The queue tells the program team what is left.
    let (_, queue) = ada.page("/approvals").await;
    assert_eq!(texts(&queue, ".program-budget"), [format!("Budget {}: $50,000 of $100,000 left", year())]);

    assert_eq!(approve(&ada, &app, waiting, false).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, waiting), "approved");
    let committed: i64 = commitment_totals::table
        .filter(commitment_totals::program_id.eq(program))
        .filter(commitment_totals::approved_on.eq(chrono::Utc::now().date_naive()))
        .select(commitment_totals::places)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(committed, 3);
    assert_stats_consistent(&app);
}

#[actix_web::test]
async fn an_approval_beyond_the_budget_needs_the_program_team_s_confirmation_and_is_audited() {
    let app = spawn_app().await;
    set_budget(&app, "amazon-technical-academy", Some(6_000_000), Some(2_500_000));
    places(&app, "amazon-technical-academy", ApplicationStatus::Approved, 2, 0);
    let waiting = places(&app, "amazon-technical-academy", ApplicationStatus::ManagerApproved, 1, 0)[0];
    let ada = signed_in(&app, "ada.admin").await;
    let path = format!("/applications/{waiting}");

    let (_, page) = ada.page(&path).await;
    assert_eq!(attribute_values(&page, ".budget-notice", "data-budget"), ["exceeds"]);
    assert_eq!(notice(&page), ["$60,000", "$50,000", "left $10,000", "$25,000"]);
    assert_eq!(
        sentences(&page, ".budget-warning"),
        ["Warning: approving this application would exceed the budget by $15,000."]
    );
    assert_eq!(texts(&page, "label[for='exceed_budget']"), ["Approve although it exceeds the budget"]);
    assert_eq!(attribute_values(&page, "#exceed_budget", "checked"), Vec::<String>::new());

    // Without the confirmation: the page again, with the message at the box.
    let response = approve(&ada, &app, waiting, false).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let refused = response.text().await.unwrap();
    assert!(texts(&refused, "title")[0].starts_with("Error: "));
    assert_eq!(
        texts(&refused, "#exceed_budget-error"),
        ["Tick “Approve although it exceeds the budget” to approve beyond the budget, or reject the application."]
    );
    assert_eq!(attribute_values(&refused, ".error-summary a", "href"), ["#exceed_budget"]);
    assert_eq!(attribute_values(&refused, "#exceed_budget", "aria-invalid"), ["true"]);
    assert_eq!(status_of(&app, waiting), "manager_approved");

    // With the confirmation, the place is given.
    let response = approve(&ada, &app, waiting, true).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, waiting), "approved");
    let (action, details): (String, String) = audit_log::table
        .filter(audit_log::action.eq("application.approved"))
        .order(audit_log::id.desc())
        .select((audit_log::action, audit_log::details))
        .first(&mut app.db())
        .unwrap();
    assert_eq!(action, "application.approved");
    assert!(
        details.contains(&format!(
            "exceeds the program's budget for {} by $15,000, as confirmed (budget $60,000, committed $50,000 before \
             this place of $25,000)",
            year()
        )),
        "{details}"
    );

    // The dashboard shows the excess.
    let (_, dashboard) = ada.page("/admin").await;
    assert_eq!(
        texts(&dashboard, "table[data-table='budgets'] tr[data-program='amazon-technical-academy'] td"),
        ["$60,000", "$75,000", "$0", "Over by $15,000", "125%"]
    );
    assert_stats_consistent(&app);
}

#[actix_web::test]
async fn a_manager_s_approval_beyond_the_budget_goes_to_the_program_team() {
    let app = spawn_app().await;
    set_budget(&app, "career-choice", Some(100_000), None);
    let fiona = signed_in(&app, "fiona.associate").await;
    let id = crate::approvals::tuition_request(&fiona, "1234.50").await;
    let maria = signed_in(&app, "maria.manager").await;
    let (_, page) = maria.page(&format!("/applications/{id}")).await;
    assert!(texts(&page, ".budget-notice").is_empty(), "a manager is not shown the program's figures");
    assert_eq!(
        texts(&page, ".budget-to-team"),
        [format!(
            "Approving sends this application to the program team: a place would exceed Career Choice’s budget for {}.",
            year()
        )]
    );
    assert!(attribute_values(&page, "#exceed_budget", "name").is_empty());

    // Even a confirmation sent by hand does not let a manager exceed the budget.
    assert_eq!(approve(&maria, &app, id, true).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, id), "manager_approved");
    let ada_id = employee_id(&app, "ada.admin@upskill.example");
    let told: Vec<String> = notifications::table
        .filter(notifications::employee_id.eq(ada_id))
        .filter(notifications::application_id.eq(id))
        .select(notifications::body)
        .load(&mut app.db())
        .unwrap();
    assert_eq!(
        told,
        [format!(
            "Maria Manager approved Fiona Associate's application to Career Choice; a place would exceed the program's \
             budget for {}, so it waits for the program team's decision.",
            year()
        )]
    );
    let ada = signed_in(&app, "ada.admin").await;
    let (_, page) = ada.page(&format!("/applications/{id}")).await;
    assert_eq!(notice(&page), ["$1,000", "$0", "left $1,000", "$1,234.50"]);
    assert_eq!(approve(&ada, &app, id, false).await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(approve(&ada, &app, id, true).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, id), "approved");

    // Within the budget, the manager's approval gives the place as before.
    set_budget(&app, "career-choice", Some(1_000_000), None);
    let paula = signed_in(&app, "paula.parttime").await;
    let within = crate::approvals::tuition_request(&paula, "500").await;
    let (_, page) = maria.page(&format!("/applications/{within}")).await;
    assert!(texts(&page, ".budget-to-team").is_empty());
    assert_eq!(approve(&maria, &app, within, false).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, within), "approved");
    assert_stats_consistent(&app);
}

#[actix_web::test]
async fn bulk_approval_counts_the_budget_down_the_selection_and_never_exceeds_it() {
    let app = spawn_app().await;
    // Room for one place of $1,000 and a bit.
    set_budget(&app, "career-choice", Some(150_000), None);
    let ids = places(&app, "career-choice", ApplicationStatus::Submitted, 3, 100_000);
    // The manager stage first: one fits, the two others go to the program team.
    let maria = signed_in(&app, "maria.manager").await;
    let mut fields = vec![];
    for id in &ids {
        fields.push(("application_id".to_owned(), id.to_string()));
        fields.push((format!("version_{id}"), version_of(&app, *id)));
    }
    let token = maria.csrf_token().await;
    let response = maria.submit("/approvals/approve", &with_field(fields.clone(), "csrf_token", Some(&token))).await;
    let page = response.text().await.unwrap();
    assert_eq!(attribute_values(&page, "tbody tr", "data-consequence"), ["place", "team", "team"]);
    let confirm = form_fields(&page, "form[action='/approvals/approve/confirm']");
    let response = maria.submit("/approvals/approve/confirm", &confirm).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let statuses: Vec<String> = ids.iter().map(|id| status_of(&app, *id)).collect();
    assert_eq!(statuses, ["approved", "manager_approved", "manager_approved"]);

    // The program team in bulk: neither fits now, and neither is approved.
    let ada = signed_in(&app, "ada.admin").await;
    let mut fields = vec![];
    for id in &ids[1..] {
        fields.push(("application_id".to_owned(), id.to_string()));
        fields.push((format!("version_{id}"), version_of(&app, *id)));
    }
    let token = ada.csrf_token().await;
    let response = ada.submit("/approvals/approve", &with_field(fields, "csrf_token", Some(&token))).await;
    let page = response.text().await.unwrap();
    assert_eq!(attribute_values(&page, "tbody tr", "data-consequence"), ["over-budget", "over-budget"]);
    assert_eq!(
        texts(&page, "tbody td.consequence")[0],
        format!(
            "Not approved: this place ($1,000) is beyond what is left of the program's budget for {} ($500). Approve \
             it on its own page to confirm it.",
            year()
        )
    );
    assert!(texts(&page, "p").iter().any(|p| p == "None of the selected applications can be approved now."));
    assert_eq!(status_of(&app, ids[1]), "manager_approved");
    assert_eq!(status_of(&app, ids[2]), "manager_approved");
    assert_stats_consistent(&app);
}

/// Ten approvals of the program team at once, each from its own session, against a
/// budget with room for three: on PostgreSQL the check reads the counter under the
/// program's row lock, so exactly three pass without a confirmation and the seven others
/// are shown the warning; nothing exceeds the budget.
#[actix_web::test]
async fn ten_approvals_at_once_against_a_budget_for_three_approve_exactly_three() {
    let app = spawn_app_with(|settings| {
        settings.workers = 4;
        settings.pool_size = 10;
    })
    .await;
    set_budget(&app, "career-choice", Some(300_000), None);
    let ids = places(&app, "career-choice", ApplicationStatus::ManagerApproved, 10, 100_000);
    let sessions = join_all((0..10).map(|_| signed_in(&app, "ada.admin"))).await;
    let requests = join_all(sessions.iter().zip(&ids).map(|(ada, id)| async move {
        let token = ada.csrf_token().await;
        (ada, *id, token)
    }))
    .await;
    let versions: Vec<String> = ids.iter().map(|id| version_of(&app, *id)).collect();
    let responses = join_all(requests.iter().zip(&versions).map(|((ada, id, token), version)| async move {
        let fields = [("csrf_token", token.as_str()), ("version", version.as_str()), ("comment", "")];
        ada.post_form(&format!("/applications/{id}/approve"), &fields).await
    }))
    .await;
    let mut statuses: Vec<StatusCode> = Vec::new();
    for response in responses {
        let status = response.status();
        if status == StatusCode::UNPROCESSABLE_ENTITY {
            let page = response.text().await.unwrap();
            assert_eq!(attribute_values(&page, ".budget-notice", "data-budget"), ["exceeds"]);
            assert_eq!(texts(&page, ".budget-notice [data-value='left']"), ["left $0"]);
        }
        statuses.push(status);
    }
    let passed = statuses.iter().filter(|s| **s == StatusCode::SEE_OTHER).count();
    let warned = statuses.iter().filter(|s| **s == StatusCode::UNPROCESSABLE_ENTITY).count();
    assert_eq!((passed, warned), (3, 7), "{statuses:?}");
    let approved: i64 = applications::table
        .filter(applications::id.eq_any(&ids))
        .filter(applications::status.eq(ApplicationStatus::Approved))
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(approved, 3);
    let (_, dashboard) = sessions[0].page("/admin").await;
    assert_eq!(
        texts(&dashboard, "table[data-table='budgets'] tr[data-program='career-choice'] td"),
        ["$3,000", "$3,000", "$0", "$0", "100%"]
    );
    assert_stats_consistent(&app);
}

#[actix_web::test]
async fn the_dashboard_shows_budget_committed_paid_and_left_per_program_this_year() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    places(&app, "amazon-technical-academy", ApplicationStatus::Approved, 2, 0);
    let tuition = places(&app, "career-choice", ApplicationStatus::Approved, 1, 123_450)[0];
    let today = chrono::Utc::now().date_naive().to_string();
    let payment = [("invoice_number", "BC-1"), ("amount", "500"), ("paid_on", today.as_str()), ("reference", "")];
    let response = ada.post_with_csrf(&format!("/applications/{tuition}/payments"), &payment).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    // A withdrawn place gives its money back.
    let withdrawn = places(&app, "associate2tech", ApplicationStatus::Approved, 1, 0)[0];
    let version: i32 = applications::table.find(withdrawn).select(applications::version).first(&mut app.db()).unwrap();
    let change = upskill::db::applications::StatusChange {
        to_status: ApplicationStatus::Withdrawn,
        now: upskill::clock::now(),
        waitlisted: false,
        decided: true,
        resubmitted: false,
        completed_on: None,
        evidence_sent: false,
        offer_expires_at: None,
    };
    assert!(upskill::db::applications::update_status(&mut app.db(), withdrawn, version, change).unwrap());

    let (status, page) = ada.page("/admin").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(texts(&page, "#budgets-heading"), [format!("Budgets by program {}", year())]);
    assert_eq!(
        texts(&page, "table[data-table='budgets'] caption"),
        [format!("Budget, committed and paid by program in {}", year())]
    );
    assert_eq!(
        texts(&page, "table[data-table='budgets'] thead th"),
        ["Program", "Budget", "Committed", "Paid", "Left", "Share used"]
    );
    assert_eq!(attribute_values(&page, "table[data-table='budgets'] tbody th", "scope").len(), 6);
    let row = |slug: &str| texts(&page, &format!("table[data-table='budgets'] tr[data-program='{slug}'] td"));
    assert_eq!(row("amazon-technical-academy"), ["$750,000", "$50,000", "$0", "$700,000", "6.6%"]);
    assert_eq!(row("career-choice"), ["$2,000,000", "$1,234.50", "$500", "$1,998,765.50", "less than 0.1%"]);
    assert_eq!(row("associate2tech"), ["$240,000", "$0", "$0", "$240,000", "0%"]);
    assert_eq!(row("aws-training-and-certification"), ["No budget set", "$0", "$0", "—", "—"]);
    assert_eq!(
        attribute_values(&page, "table[data-table='budgets'] tbody td", "class")
            .iter()
            .filter(|class| class.split(' ').any(|c| c == "num"))
            .count(),
        30,
        "every figure is right-aligned"
    );
    // The pledge tracker's "Funding committed" is the money chart's committed: tuition and
    // seat costs, less the withdrawn place's.
    assert_eq!(texts(&page, "[data-figure='funding'] [data-value='committed']"), ["$51,234.50"]);
    let this_month = chrono::Utc::now().date_naive().format("%B %Y").to_string();
    assert_eq!(texts(&page, "table[data-table='forecast'] tbody tr")[0], format!("{this_month} $51,234.50 $500"));
    assert_stats_consistent(&app);
}
