//! What a person sees when a form is refused, on every form: the page's title starts with
//! "Error: ", and the error summary stands at the top of the page's content (before any
//! form, section or table, so it is seen without scrolling), lists the fields to correct
//! in the order the form shows them, and links each message to its control, whose own
//! description carries the same message.

use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use scraper::{ElementRef, Html, Selector};
use upskill::domain::ApplicationStatus;

use crate::helpers::{
    apply_for_tuition, employee_id, form_fields, intake_ids, program_id, signed_in, spawn_app_with, texts, with_field,
    ApplicationBuilder, Browser,
};

fn select<'a>(document: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    document.select(&Selector::parse(css).unwrap()).collect()
}

/// Checks a refused form's page (see the top of this file); `fields` are the ids of the
/// controls the summary must link to, in order.
fn assert_refused(what: &str, html: &str, fields: &[&str]) {
    let document = Html::parse_document(html);
    let title = texts(html, "title").join("");
    assert!(title.starts_with("Error: "), "{what}: the title is {title:?}");

    // In the page's content, the summary comes before every form, section and table.
    let content = select(&document, "main *");
    let position = |element: &ElementRef| content.iter().position(|e| e.id() == element.id());
    let summaries = select(&document, "main .error-summary");
    assert_eq!(summaries.len(), 1, "{what}: one error summary");
    let summary = position(&summaries[0]).unwrap();
    let first_block = content
        .iter()
        .position(|e| ["form", "section", "table", "fieldset"].contains(&e.value().name()) || has_class(e, "panel"));
    assert!(first_block.is_none_or(|block| summary < block), "{what}: the error summary is below the page's content");
    // It takes the focus on load (a live region present at load is often not read).
    assert_eq!(summaries[0].value().attr("tabindex"), Some("-1"), "{what}");
    assert!(summaries[0].value().attr("autofocus").is_some(), "{what}");

    // One link a field, in the order of the form.
    let links = select(&document, "main .error-summary li a");
    let targets: Vec<&str> =
        links.iter().map(|a| a.value().attr("href").unwrap_or("").trim_start_matches('#')).collect();
    assert_eq!(targets, fields, "{what}: the summary's links");
    let mut previous = None;
    for (link, id) in links.iter().zip(&targets) {
        let controls = select(&document, &format!("[id='{id}']"));
        assert_eq!(controls.len(), 1, "{what}: the summary links to #{id}, which is not one element");
        let control = controls[0];
        let name = control.value().name();
        assert!(["input", "select", "textarea", "fieldset"].contains(&name), "{what}: #{id} is a <{name}>");
        let at = position(&control).unwrap_or_else(|| panic!("{what}: #{id} is not in the page's content"));
        assert!(previous.is_none_or(|p| p < at), "{what}: #{id} comes before the field listed above it");
        previous = Some(at);
        // The control (or the group it belongs to) is described by the same message.
        let message = link.text().collect::<String>();
        let described = std::iter::once(control)
            .chain(control.ancestors().filter_map(ElementRef::wrap).filter(|e| e.value().name() == "fieldset"))
            .filter_map(|e| e.value().attr("aria-describedby"))
            .flat_map(str::split_whitespace)
            .any(|named| {
                select(&document, &format!("[id='{named}']"))
                    .iter()
                    .any(|e| e.text().collect::<String>().contains(&message))
            });
        assert!(described, "{what}: #{id} is not described by {message:?}");
    }
}

fn has_class(element: &ElementRef, class: &str) -> bool {
    element.value().attr("class").is_some_and(|c| c.split_whitespace().any(|name| name == class))
}

/// Posts the form matching `selector` on `page` to `action` as a browser would send it,
/// with `changes` (`None` leaves a field out); returns the answer's status and page.
async fn post_changed(
    browser: &Browser,
    page: &str,
    selector: &str,
    action: &str,
    changes: &[(&str, Option<&str>)],
) -> (StatusCode, String) {
    let (status, html) = browser.page(page).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    let mut fields = form_fields(&html, selector);
    for (name, value) in changes {
        fields = with_field(fields, name, *value);
    }
    let response = browser.submit(action, &fields).await;
    (response.status(), response.text().await.unwrap())
}

/// The ids of the controls marked invalid (or groups described by a message), in the
/// order of the page.
fn invalid_controls(html: &str) -> Vec<String> {
    let document = Html::parse_document(html);
    select(&document, "main form [aria-invalid='true'], main form fieldset[aria-describedby$='-error']")
        .iter()
        .filter_map(|e| e.value().attr("id").map(str::to_owned))
        .collect()
}

/// The templates whose forms show field messages (`error=`), which must all show the
/// summary: a new one has to be added to the test below.
const FORMS_WITH_MESSAGES: [&str; 21] = [
    "templates/auth/login.html",
    "templates/auth/forgot_password.html",
    "templates/auth/choose_password.html",
    "templates/account_password.html",
    "templates/applications/apply.html",
    "templates/applications/detail.html",
    "templates/applications/withdraw.html",
    "templates/team/team.html",
    "templates/admin/program_form.html",
    "templates/admin/intakes.html",
    "templates/admin/employee.html",
    "templates/admin/settings.html",
    "templates/admin/import.html",
    "templates/admin/applications.html",
    "templates/admin/provisioning.html",
    "templates/admin/payments.html",
    "templates/admin/dashboard.html",
    "templates/admin/program_team.html",
    "templates/admin/place.html",
    "templates/proposals/form.html",
    "templates/proposals/detail.html",
];

#[test]
fn every_form_with_field_messages_has_an_error_summary_and_title() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    let mut found = Vec::new();
    let (mut partials, mut pages) = (Vec::new(), Vec::new());
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let name = path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap().to_string_lossy().into_owned();
            if name.ends_with("_forms.html") || !text.contains("error=") {
                continue;
            }
            // A part of a page (`_payments.html`) is checked as the page that includes it.
            if path.file_name().is_some_and(|f| f.to_string_lossy().starts_with('_')) {
                partials.push(name.trim_start_matches("templates/").to_owned());
                continue;
            }
            pages.push(text.clone());
            assert!(text.contains("forms::error_summary("), "{name} shows field messages without an error summary");
            assert!(text.contains("Error: ") || text.contains("forms::error_title("), "{name}: no \"Error: \" title");
            found.push(name);
        }
    }
    for name in &found {
        assert!(FORMS_WITH_MESSAGES.contains(&name.as_str()), "{name} is not tested by every_refused_form_…");
    }
    for partial in &partials {
        let included = format!("{{% include \"{partial}\" %}}");
        assert!(pages.iter().any(|page| page.contains(&included)), "{partial} is in no page with an error summary");
    }
}

#[actix_web::test]
async fn every_refused_form_puts_its_summary_first_in_field_order_with_links_to_the_fields() {
    // With an SMTP server (nobody listens there), so that forgot-password shows its form.
    let app = spawn_app_with(|s| s.mail.smtp_url = Some("smtp://127.0.0.1:9".to_owned())).await;

    // Sign-in: one message, for the address and the password together.
    let visitor = app.new_browser();
    let response = visitor.sign_in_with("fiona.associate@upskill.example", "not her password", "").await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_refused("sign-in", &response.text().await.unwrap(), &["email"]);

    // Forgot password, and the page of a link that chooses one.
    let forgot = "/forgot-password";
    let (status, html) =
        post_changed(&visitor, forgot, "form.stack", forgot, &[("email", Some("not an address"))]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_refused("forgot password", &html, &["email"]);
    let welcome = crate::helpers::invited_person(&app);
    let (status, html) = post_changed(
        &visitor,
        &welcome,
        "form.stack",
        &welcome,
        &[("password", Some("short")), ("password_again", Some("other"))],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_refused("chosen password", &html, &["password"]);

    // Applying: the intake or the tuition request come before the motivation.
    let fiona = signed_in(&app, "fiona.associate").await;
    let change = "/account/password";
    let (status, html) = post_changed(
        &fiona,
        change,
        "form.stack",
        change,
        &[("current_password", Some("wrong")), ("new_password", Some("short")), ("new_password_again", Some("x"))],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_refused("password change", &html, &["current_password", "new_password"]);
    let apply = "/programs/amazon-apprenticeship/apply";
    let (status, html) =
        post_changed(&fiona, apply, "form.stack", apply, &[("intake_id", None), ("motivation", Some("Too short"))])
            .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_refused("cohort application", &html, &["intake_id", "motivation"]);
    let paula = signed_in(&app, "paula.parttime").await;
    let apply = "/programs/career-choice/apply";
    let (status, html) = post_changed(&paula, apply, "form.stack", apply, &[("amount", Some("lots"))]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let tuition = ["institution", "course_title", "term_starts_on", "amount", "accept_terms", "motivation"];
    assert_refused("tuition application", &html, &tuition);

    // Editing an application sent back for changes.
    let fiona_id = employee_id(&app, "fiona.associate@upskill.example");
    let program = program_id(&app, "amazon-apprenticeship");
    let intake = intake_ids(&app, "amazon-apprenticeship")[1];
    let sent_back = ApplicationBuilder::new(fiona_id, program, ApplicationStatus::ChangesRequested)
        .intake(intake)
        .insert(&mut app.db());
    let edit = format!("/applications/{sent_back}/edit");
    let (status, html) = post_changed(&fiona, &edit, "form.stack", &edit, &[("motivation", Some(""))]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_refused("edited application", &html, &["motivation"]);

    // Withdrawing, with a reason that holds a control character.
    let withdraw = format!("/applications/{sent_back}/withdraw");
    let (status, html) =
        post_changed(&fiona, &withdraw, "form.stack", &withdraw, &[("comment", Some("Moving\u{7} teams"))]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_refused("withdrawal", &html, &["comment"]);

    // A decision that needs a comment.
    let maria = signed_in(&app, "maria.manager").await;
    let application = apply_for_tuition(&paula).await;
    let page = format!("/applications/{application}");
    let reject = format!("/applications/{application}/reject");
    let (status, html) = post_changed(&maria, &page, "form.decision", &reject, &[("comment", Some(" "))]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_refused("decision", &html, &["comment"]);

    // A delegate: the address is checked against the directory after the dates, and is
    // still listed first.
    let changes =
        [("delegate_email", Some("nobody@upskill.example")), ("starts_on", Some("someday")), ("ends_on", Some(""))];
    let (status, html) =
        post_changed(&maria, "/team", "form[action='/team/delegations']", "/team/delegations", &changes).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_refused("delegation", &html, &["delegate_email", "starts_on", "ends_on"]);

    // The administrators' forms.
    let ada = signed_in(&app, "ada.admin").await;
    let new = "/admin/programs/new";
    let changes = [("name", Some("")), ("duration_weeks", Some("many")), ("closes_on", Some("soon"))];
    let (status, html) = post_changed(&ada, new, "form.program-form", new, &changes).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let shown = texts(&html, "main .error-summary li a").len();
    assert!(shown >= 3, "the new program's summary lists {shown} fields");
    let expected = invalid_controls(&html);
    assert_refused("new program", &html, &expected.iter().map(String::as_str).collect::<Vec<_>>());
    let edit = "/admin/programs/career-choice/edit";
    let changes = [("summary", Some("")), ("tuition_percent", Some("200")), ("cap_part_time", Some("lots"))];
    let (status, html) = post_changed(&ada, edit, "form.program-form", edit, &changes).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_refused("program", &html, &["summary", "tuition_percent", "cap_part_time"]);

    let intakes = "/admin/programs/amazon-technical-academy/intakes";
    let bad = [("name", " "), ("starts_on", "31/12/2027"), ("seats", "-1")];
    let response = ada.post_with_csrf(intakes, &[&[("intake_id", "")], &bad[..]].concat()).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_refused("new intake", &response.text().await.unwrap(), &["new-name", "new-starts_on", "new-seats"]);
    let first = intake_ids(&app, "amazon-technical-academy")[0].to_string();
    let response = ada.post_with_csrf(intakes, &[&[("intake_id", first.as_str())], &bad[..]].concat()).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let expected: Vec<String> = ["name", "starts_on", "seats"].iter().map(|f| format!("intake-{first}-{f}")).collect();
    let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
    assert_refused("intake", &response.text().await.unwrap(), &expected);

    let nate = format!("/admin/employees/{}", employee_id(&app, "nate.newhire@upskill.example"));
    let changes =
        [("display_name", Some("")), ("hire_date", Some("yesterday")), ("manager_email", Some("not-an-address"))];
    let (status, html) = post_changed(&ada, &nate, "form.stack", &nate, &changes).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_refused("person", &html, &["display_name", "hire_date", "manager_email"]);

    let settings = "/admin/settings";
    let changes = [("target_employees", Some("0")), ("budget", Some("lots")), ("deadline", Some("31/12/2027"))];
    let (status, html) = post_changed(&ada, settings, "form.stack", settings, &changes).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_refused("settings", &html, &["target_employees", "budget", "deadline"]);

    let provisioning = "/admin/provisioning";
    let (status, html) =
        post_changed(&ada, provisioning, "form.stack", provisioning, &[("name", Some("Okta\u{7}"))]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_refused("provisioning token", &html, &["name"]);

    let token = ada.csrf_token().await;
    let no_file = Form::new().text("csrf_token", token).part("file", Part::bytes(Vec::new()).file_name(""));
    let response = ada.client.post(ada.url("/admin/employees/import")).multipart(no_file).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_refused("import", &response.text().await.unwrap(), &["file"]);

    let (status, html) = ada.page("/admin/applications?status=lost&from=2026-13-01&to=someday").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_refused("application filters", &html, &["status", "from", "to"]);
    let (status, html) = ada.page("/admin/payments?view=paid&program=lost&from=2026-13-01&to=someday").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_refused("payment filters", &html, &["program", "from", "to"]);
    let (status, html) = ada.page("/admin?from=2026-05&to=2026-04").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_refused("dashboard period", &html, &["to"]);
    let (status, html) = ada.page(&format!("/admin/programs/career-choice/team?q={}", "x".repeat(101))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_refused("team search", &html, &["q"]);

    // The payment form of an approved tuition request.
    let carl = employee_id(&app, "carl.corporate@upskill.example");
    let now = upskill::clock::now();
    let paid = ApplicationBuilder::new(carl, program_id(&app, "career-choice"), ApplicationStatus::Approved)
        .tuition(now.date() + chrono::Days::new(30), 100_000)
        .insert(&mut app.db());
    let page = format!("/applications/{paid}");
    let (status, html) = post_changed(
        &ada,
        &page,
        "form.payment-form",
        &format!("{page}/payments"),
        &[("invoice_number", Some("")), ("amount", Some("lots")), ("paid_on", Some(""))],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_refused("payment", &html, &["invoice_number", "amount", "paid_on"]);

    // A program proposal sent empty, and a decline without its reason.
    let (status, html) =
        post_changed(&maria, "/proposals/new", "form[action='/proposals/new']", "/proposals/new", &[]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_refused("proposal", &html, &["name", "summary", "description", "audience", "expected_cost", "experience"]);
    let proposal = {
        let fields = [
            ("name", "Forklift to Fleet Analyst"),
            ("summary", "Spreadsheets and SQL for people who run the yard."),
            ("description", "Twelve weeks of evening classes on the data a yard produces."),
            ("kind", "cohort"),
            ("audience", "Yard associates"),
            ("expected_cost", "0"),
            ("experience", "I ran the site's spreadsheet club."),
        ];
        let sent = maria.post_with_csrf("/proposals/new", &fields).await;
        assert_eq!(sent.status(), StatusCode::SEE_OTHER);
        crate::helpers::location(&sent)
    };
    let (status, html) = post_changed(
        &ada,
        &proposal,
        "form.proposal-decision",
        &format!("{}/decision", proposal.replace("/proposals/", "/admin/proposals/")),
        &[("decision", Some("decline"))],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_refused("proposal decision", &html, &["comment"]);

    // A place in a waitlist: moving it in line, or to another intake, needs its choices.
    let apprenticeship = program_id(&app, "amazon-apprenticeship");
    let cohort = intake_ids(&app, "amazon-apprenticeship")[0];
    let mut waiting = Vec::new();
    for person in ["carl.corporate", "dev.engineer"] {
        let employee = employee_id(&app, &format!("{person}@upskill.example"));
        waiting.push(
            ApplicationBuilder::new(employee, apprenticeship, ApplicationStatus::Waitlisted)
                .intake(cohort)
                .waitlisted_at(upskill::clock::now())
                .insert(&mut app.db()),
        );
    }
    let place = format!("/admin/programs/amazon-apprenticeship/places/{}", waiting[1]);
    for (form, field, expected) in [
        ("position", "position", ["line-position", "line-reason"]),
        ("intake", "intake_id", ["move-intake_id", "move-reason"]),
    ] {
        let response = ada
            .post_with_csrf(
                &format!("{place}/{form}"),
                &[("version", &crate::helpers::version_of(&app, waiting[1])), (field, ""), ("reason", "")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{form}");
        assert_refused(&format!("waitlist place, {form}"), &response.text().await.unwrap(), &expected);
    }

    // A page without a refused form says nothing of errors.
    for (browser, page) in [(&ada, "/admin/settings"), (&maria, "/team"), (&paula, "/programs/career-choice/apply")] {
        let (_, html) = browser.page(page).await;
        assert!(!texts(&html, "title").join("").starts_with("Error"), "{page}");
        assert!(texts(&html, ".error-summary").is_empty(), "{page}");
    }
}
