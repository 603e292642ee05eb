//! Tuition payments: the program team records what the company paid a school on an
//! approved tuition application; finance lists what is due and what was paid, and
//! downloads it.

use chrono::{Days, NaiveDate, TimeDelta};
use diesel::prelude::*;
use reqwest::StatusCode;
use upskill::db::schema::{application_events, applications, audit_log, notifications, outbox, tuition_payments};
use upskill::domain::ApplicationStatus;

use crate::helpers::{
    employee_id, location, program_id, signed_in, spawn_app, texts, ApplicationBuilder, Browser, TestApp,
};

/// Fiona's Career Choice request of $1,234.50, all covered, approved ten days ago.
fn approved_tuition(app: &TestApp) -> i32 {
    approved_tuition_of(app, "fiona.associate@upskill.example", 123_450)
}

fn approved_tuition_of(app: &TestApp, email: &str, cents: i64) -> i32 {
    let now = upskill::clock::now();
    let term = now.date() + Days::new(30);
    ApplicationBuilder::new(employee_id(app, email), program_id(app, "career-choice"), ApplicationStatus::Approved)
        .tuition(term, cents)
        .at(now - TimeDelta::days(10))
        .insert(&mut app.db())
}

fn today() -> NaiveDate {
    upskill::clock::today()
}

async fn pay(admin: &Browser, id: i32, invoice: &str, amount: &str, paid_on: &str) -> reqwest::Response {
    admin
        .post_with_csrf(
            &format!("/applications/{id}/payments"),
            &[("invoice_number", invoice), ("amount", amount), ("paid_on", paid_on), ("reference", "PO-77")],
        )
        .await
}

/// How many rows each table a payment writes to holds.
fn written(app: &TestApp) -> [i64; 5] {
    let conn = &mut app.db();
    [
        tuition_payments::table.count().get_result(conn).unwrap(),
        application_events::table.count().get_result(conn).unwrap(),
        audit_log::table.count().get_result(conn).unwrap(),
        notifications::table.count().get_result(conn).unwrap(),
        outbox::table.count().get_result(conn).unwrap(),
    ]
}

fn paid_cents(app: &TestApp, id: i32) -> i64 {
    applications::table.find(id).select(applications::paid_cents).first(&mut app.db()).unwrap()
}

#[actix_web::test]
async fn the_program_team_records_a_payment_with_its_event_audit_line_notice_and_e_mail() {
    let app = spawn_app().await;
    let id = approved_tuition(&app);
    let ada = signed_in(&app, "ada.admin").await;
    let (status, page) = ada.page(&format!("/applications/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(texts(&page, ".payments .left"), ["$1,234.50"]);
    assert_eq!(texts(&page, ".no-payments").len(), 1);

    let before = written(&app);
    let response = pay(&ada, id, "INV-1", "$1,000", &today().to_string()).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(location(&response).starts_with(&format!("/applications/{id}")));
    assert_eq!(written(&app), before.map(|n| n + 1), "payment, event, audit line, notification and e-mail");
    assert_eq!(paid_cents(&app, id), 100_000);

    let conn = &mut app.db();
    let action: String = application_events::table
        .filter(application_events::application_id.eq(id))
        .order(application_events::id.desc())
        .select(application_events::action)
        .first(conn)
        .unwrap();
    assert_eq!(action, "payment_recorded");
    let (audit_action, details): (String, String) = audit_log::table
        .order(audit_log::id.desc())
        .select((audit_log::action, audit_log::details))
        .first(conn)
        .unwrap();
    assert_eq!(audit_action, "application.payment_recorded");
    assert!(details.contains("$1,000 (invoice INV-1)") && details.contains("PO-77"), "{details}");
    let fiona = employee_id(&app, "fiona.associate@upskill.example");
    let notice: String = notifications::table
        .filter(notifications::employee_id.eq(fiona))
        .select(notifications::body)
        .first(conn)
        .unwrap();
    assert!(notice.contains("paid $1,000") && notice.contains("$234.50"), "{notice}");

    let (_, page) = ada.page(&format!("/applications/{id}")).await;
    assert_eq!(texts(&page, ".payments .paid"), ["$1,000"]);
    assert_eq!(texts(&page, ".payments .left"), ["$234.50"]);
    assert_eq!(texts(&page, ".payments-table tbody td[data-label=Invoice]"), ["INV-1"]);
    assert!(page.contains("recorded a tuition payment of $1,000 (invoice INV-1)"), "the timeline says it");
    assert_eq!(texts(&page, "form.payment-form").len(), 1, "the rest can still be paid");

    // The employee reads them, and cannot record any.
    let fiona = signed_in(&app, "fiona.associate").await;
    let (_, page) = fiona.page(&format!("/applications/{id}")).await;
    assert_eq!(texts(&page, ".payments-table tbody td[data-label=Invoice]"), ["INV-1"]);
    assert!(texts(&page, "form.payment-form").is_empty());
    let response = pay(&fiona, id, "INV-2", "1", &today().to_string()).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    // Paid in full: no form any more.
    assert_eq!(pay(&ada, id, "INV-2", "234.50", &today().to_string()).await.status(), StatusCode::SEE_OTHER);
    let (_, page) = ada.page(&format!("/applications/{id}")).await;
    assert!(texts(&page, "form.payment-form").is_empty());
    assert_eq!(texts(&page, ".payments .left"), ["Nothing: paid in full"]);
}

#[actix_web::test]
async fn each_refused_payment_names_its_field_and_writes_nothing() {
    let app = spawn_app().await;
    let id = approved_tuition(&app);
    let ada = signed_in(&app, "ada.admin").await;
    assert_eq!(pay(&ada, id, "INV-1", "1000", &today().to_string()).await.status(), StatusCode::SEE_OTHER);
    let before = written(&app);
    let tomorrow = (today() + Days::new(1)).to_string();
    let before_approval = (today() - Days::new(11)).to_string();
    let approved = (today() - Days::new(10)).format("%-d %B %Y").to_string();
    let cases: Vec<([&str; 4], &str, String)> = vec![
        (["", "100", "", ""], "invoice_number", "Enter the school’s invoice number".to_owned()),
        (["INV-9", "", "", ""], "amount", "Enter an amount in dollars".to_owned()),
        (["INV-9", "12.345", "", ""], "amount", "at most two digits".to_owned()),
        (["INV-9", "100", "", ""], "paid_on", "Enter the date the school was paid".to_owned()),
        (["INV-9", "100", &tomorrow, ""], "paid_on", "can’t be in the future".to_owned()),
        (
            ["INV-9", "100", &before_approval, ""],
            "paid_on",
            format!("before the application was approved, on {approved}"),
        ),
        (["INV-9", "300", "", ""], "amount", "more than is left to pay: $234.50 of the $1,234.50 covered".to_owned()),
        (["INV-1", "100", "", ""], "invoice_number", "Invoice INV-1 is already recorded".to_owned()),
        (["INV\u{0}9", "100", "", ""], "invoice_number", "NUL character".to_owned()),
        (["INV\u{7}9", "100", "", ""], "invoice_number", "control characters".to_owned()),
        (["INV-9", "100", "", "PO\u{0}1"], "reference", "NUL character".to_owned()),
        (["INV-9", "100", "", "PO\n1"], "reference", "one line".to_owned()),
    ];
    for ([invoice, amount, paid_on, reference], field, message) in cases {
        let paid_on = if paid_on.is_empty() && field != "paid_on" { today().to_string() } else { paid_on.to_owned() };
        let response = ada
            .post_with_csrf(
                &format!("/applications/{id}/payments"),
                &[("invoice_number", invoice), ("amount", amount), ("paid_on", &paid_on), ("reference", reference)],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{invoice:?} {amount:?} {paid_on:?}");
        let page = response.text().await.unwrap();
        let shown = texts(&page, &format!("#{field}-error"));
        assert!(shown.len() == 1 && shown[0].contains(&message), "{field}: {shown:?}, wanted {message:?}");
        assert!(page.contains("<title>Error: "), "the title says the form was refused");
        let kept = crate::helpers::attribute_values(&page, "#amount", "value");
        assert_eq!(kept, [amount.to_owned()], "what was typed is kept");
    }
    assert_eq!(written(&app), before, "no refusal wrote anything");
    assert_eq!(paid_cents(&app, id), 100_000);
    crate::helpers::assert_stats_consistent(&app);
}

#[actix_web::test]
async fn only_tuition_requests_holding_a_place_take_payments() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let fiona = employee_id(&app, "fiona.associate@upskill.example");
    let waiting = ApplicationBuilder::new(fiona, program_id(&app, "career-choice"), ApplicationStatus::Submitted)
        .tuition(today() + Days::new(30), 50_000)
        .undecided()
        .insert(&mut app.db());
    let before = written(&app);
    let response = pay(&ada, waiting, "INV-1", "100", &today().to_string()).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let page = response.text().await.unwrap();
    assert_eq!(texts(&page, "#payment-problem").len(), 1, "{page}");
    let cohort =
        ApplicationBuilder::new(fiona, program_id(&app, "aws-training-and-certification"), ApplicationStatus::Approved)
            .insert(&mut app.db());
    assert_eq!(pay(&ada, cohort, "INV-1", "100", &today().to_string()).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(written(&app), before);
    let (_, page) = ada.page(&format!("/applications/{waiting}")).await;
    assert!(texts(&page, ".payments").is_empty(), "nothing to show before the approval");
}

/// A CSV body's lines.
async fn csv_lines(browser: &Browser, path: &str) -> Vec<String> {
    let response = browser.get(path).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    let text = response.text().await.unwrap();
    text.lines().map(str::to_owned).collect()
}

#[actix_web::test]
async fn finance_lists_what_is_due_and_what_was_paid_with_filters_totals_and_a_safe_csv() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let (_, page) = ada.page("/admin/payments").await;
    assert_eq!(texts(&page, ".empty-state h2"), ["Nothing is due"]);
    let (_, page) = ada.page("/admin/payments?view=paid").await;
    assert_eq!(texts(&page, ".empty-state h2"), ["No payment yet"]);

    let fiona = approved_tuition(&app);
    let carl = approved_tuition_of(&app, "carl.corporate@upskill.example", 200_000);
    assert_eq!(
        pay(&ada, fiona, "=HYPERLINK(\"x\")", "1234.50", &today().to_string()).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(pay(&ada, carl, "C-1", "500", &today().to_string()).await.status(), StatusCode::SEE_OTHER);

    let (status, page) = ada.page("/admin/payments").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(texts(&page, ".payments-due tbody td[data-label='Left to pay']"), ["$1,500"], "Fiona is paid in full");
    assert_eq!(texts(&page, ".total-left"), ["$1,500"]);
    assert_eq!(texts(&page, ".admin-nav a[aria-current=page]"), ["Payments"]);

    let (_, page) = ada.page("/admin/payments?view=paid").await;
    assert_eq!(texts(&page, ".payments-paid .invoice").len(), 2);
    assert_eq!(texts(&page, ".total-paid"), ["$1,734.50"]);
    let (_, page) = ada.page("/admin/payments?view=paid&q=Carl").await;
    assert_eq!(texts(&page, ".payments-paid .invoice"), ["C-1"]);
    assert_eq!(texts(&page, ".total-paid"), ["$500"]);
    let (_, page) = ada.page("/admin/payments?view=paid&q=C-").await;
    assert_eq!(texts(&page, ".payments-paid .invoice"), ["C-1"], "by invoice number");
    let (_, page) = ada.page("/admin/payments?view=paid&program=career-choice").await;
    assert_eq!(texts(&page, ".total-paid"), ["$1,734.50"], "from the program's totals");
    let yesterday = (today() - Days::new(1)).to_string();
    let (_, page) = ada.page(&format!("/admin/payments?view=paid&to={yesterday}")).await;
    assert_eq!(texts(&page, ".empty-state h2"), ["Nothing matches"]);
    let (_, page) = ada.page("/admin/payments?q=nobody").await;
    assert_eq!(texts(&page, ".empty-state h2"), ["Nothing matches"]);

    let (status, page) = ada.page("/admin/payments?program=nope&from=soon").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(texts(&page, ".field-error").len(), 2, "{page}");

    let paid = csv_lines(&ada, "/admin/payments.csv?view=paid").await;
    assert_eq!(paid[0], "paid_on,invoice,amount,reference,application,employee,email,program,recorded_by");
    assert_eq!(paid.len(), 3);
    assert!(paid.iter().any(|l| l.contains("\"'=HYPERLINK(\"\"x\"\")\",1234.50,")), "formula-safe: {paid:?}");
    let due = csv_lines(&ada, "/admin/payments.csv?view=due").await;
    assert_eq!(due.len(), 2);
    assert!(due[1].starts_with(&format!("{carl},Carl Corporate,")) && due[1].ends_with(",2000.00,500.00,1500.00"));
    let filtered = csv_lines(&ada, "/admin/payments.csv?view=paid&q=Carl").await;
    assert_eq!(filtered.len(), 2);

    let (_, dashboard) = ada.page("/admin").await;
    assert!(texts(&dashboard, ".paid-so-far").iter().any(|t| t.contains("$1,734.50")), "the dashboard counts it");

    // A search that names more people than a page can sensibly hold asks for more of the
    // name, on the page and in the export; one more letter lists them again.
    for n in 0..=upskill::db::payments::SEARCH_LIMIT {
        let email = format!("broad.{n}@upskill.example");
        let person = crate::helpers::employee_fixture(&email, &format!("Broadwater {n:03}"), None);
        upskill::db::employees::insert(&mut app.db(), &person).unwrap();
    }
    let (status, page) = ada.page("/admin/payments?view=paid&q=Broadwater").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        texts(&page, "#q-error"),
        ["More than 200 people or invoices match “Broadwater”: type more of the name, or the start of the e-mail \
          address or invoice number."]
    );
    assert_eq!(ada.get("/admin/payments.csv?q=Broadwater").await.status(), StatusCode::BAD_REQUEST);
    let (_, page) = ada.page("/admin/payments?q=Broadwater").await;
    assert_eq!(
        texts(&page, "#q-error"),
        ["More than 200 people match “Broadwater”: type more of the name, or the start of the e-mail address."]
    );
    let (status, page) = ada.page("/admin/payments?q=Broadwater 1").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(texts(&page, ".empty-state h2"), ["Nothing matches"]);

    // The totals by program and dates come from the counters, and agree with the rows.
    let (_, page) = ada.page(&format!("/admin/payments?program=career-choice&from={}", today())).await;
    assert_eq!(texts(&page, ".empty-state h2"), ["Nothing matches"], "approved ten days ago");
    let (_, page) = ada.page(&format!("/admin/payments?program=career-choice&to={}", today())).await;
    assert_eq!(texts(&page, ".total-left"), ["$1,500"]);
    let (_, page) = ada.page(&format!("/admin/payments?view=paid&from={}&to={}", today(), today())).await;
    assert_eq!(texts(&page, ".total-paid"), ["$1,734.50"]);
    crate::helpers::assert_stats_consistent(&app);
}

#[actix_web::test]
async fn the_list_pages_through_what_is_due() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let program = program_id(&app, "career-choice");
    let maria = employee_id(&app, "maria.manager@upskill.example");
    let people: Vec<i32> = (0..55)
        .map(|n| {
            let email = format!("learner{n}@upskill.example");
            let person = crate::helpers::employee_fixture(&email, &format!("Learner {n}"), Some(maria));
            upskill::db::employees::insert(&mut app.db(), &person).unwrap()
        })
        .collect();
    for person in people {
        ApplicationBuilder::new(person, program, ApplicationStatus::Approved)
            .tuition(today() + Days::new(30), 10_000)
            .insert(&mut app.db());
    }
    let (_, first) = ada.page("/admin/payments").await;
    assert_eq!(texts(&first, ".payments-due tbody tr").len(), 50);
    assert_eq!(texts(&first, ".total-lines"), ["55"]);
    let (_, second) = ada.page("/admin/payments?view=due&page=2").await;
    assert_eq!(texts(&second, ".payments-due tbody tr").len(), 5);
    assert_eq!(texts(&second, ".pagination [aria-current]"), ["Page 2 of 2"]);
    assert_eq!(csv_lines(&ada, "/admin/payments.csv").await.len(), 56);
}

#[actix_web::test]
#[ignore = "needs chromium, chromium-driver and axe-core (installed by .ci/run)"]
async fn the_program_team_records_a_payment_in_the_browser_and_finance_finds_it() {
    use crate::browser::{axe, in_browser_on};
    let app = spawn_app().await;
    let fiona = approved_tuition(&app);
    approved_tuition_of(&app, "carl.corporate@upskill.example", 400_000);
    approved_tuition_of(&app, "paula.parttime@upskill.example", 262_500);
    let source = crate::browser::axe_source();
    in_browser_on(app, "payments", |d| async move {
        let mut violations = Vec::new();
        d.sign_in("ada.admin@upskill.example").await;
        d.visit(&format!("/applications/{fiona}")).await;
        d.fill("#invoice_number", "BC-2027-0042").await;
        d.fill("#amount", "2000").await;
        d.fill("#reference", "PO 7781").await;
        let today = format!("document.getElementById('paid_on').value = '{}';", today());
        d.client.execute(&today, vec![]).await.unwrap();
        d.click("form.payment-form button[type=submit]").await;
        assert_eq!(d.texts("#amount-error").await.len(), 1, "over the covered amount");
        violations.extend(axe(&d, &source).await);
        d.fill("#amount", "1000").await;
        d.click("form.payment-form button[type=submit]").await;
        assert_eq!(d.texts(".payments-table tbody td[data-label=Invoice]").await, ["BC-2027-0042"]);
        violations.extend(axe(&d, &source).await);
        for (width, height, view) in [(1280, 900, "due"), (1280, 900, "paid"), (375, 800, "paid")] {
            d.client.set_window_size(width, height).await.unwrap();
            d.visit(&format!("/admin/payments?view={view}")).await;
            violations.extend(axe(&d, &source).await);
            if let Ok(dir) = std::env::var("UPSKILL_SCREENSHOTS") {
                // At 1280 px the paid view is `docs/screenshots/payments.png`.
                let name = if width == 1280 && view == "paid" {
                    "payments.png".to_owned()
                } else {
                    format!("payments-{view}-{width}.png")
                };
                let png = d.client.screenshot().await.unwrap();
                std::fs::write(std::path::PathBuf::from(dir).join(name), png).unwrap();
            }
        }
        assert_eq!(d.texts(".payments-paid .invoice").await, ["BC-2027-0042"]);
        let blocking: Vec<_> = violations.iter().filter(|v| v.1 == "serious" || v.1 == "critical").collect();
        assert!(blocking.is_empty(), "{blocking:?}");
        d
    })
    .await;
}
