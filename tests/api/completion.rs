//! After the yes: evidence of completion sent, checked by the program team (or accepted
//! automatically), credentials, the learning record, and the pledge counting only
//! verified completions. Through the real routes, on both backends.

use chrono::{Days, NaiveDate};
use diesel::prelude::*;
use reqwest::StatusCode;
use upskill::db::schema::{application_events, applications, audit_log, credentials, intakes, notifications, programs};
use upskill::domain::ApplicationStatus;

use crate::evidence::{attach, pdf};
use crate::helpers::*;

fn today() -> NaiveDate {
    upskill::clock::today()
}

fn days_ago(n: u64) -> NaiveDate {
    today().checked_sub_days(Days::new(n)).unwrap()
}

/// An approved place of `person` in `slug` whose start was 30 days ago: its intake's
/// (cohort), its term's (tuition), else the day it was made.
fn started_place(app: &TestApp, person: &str, slug: &str) -> i32 {
    let employee = employee_id(app, &format!("{person}@upskill.example"));
    let program = program_id(app, slug);
    let mut builder = ApplicationBuilder::new(employee, program, ApplicationStatus::Approved);
    if let Some(intake) = intake_ids(app, slug).first() {
        diesel::update(intakes::table.find(*intake))
            .set(intakes::starts_on.eq(days_ago(30)))
            .execute(&mut app.db())
            .unwrap();
        builder = builder.intake(*intake);
    }
    if slug == "career-choice" {
        builder = builder.tuition(days_ago(30), 150_000);
    }
    builder.at(upskill::clock::now() - chrono::TimeDelta::days(40)).insert(&mut app.db())
}

fn credential_fields<'a>(date: &'a str, url: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("credential_name", "AWS Certified Cloud Practitioner"),
        ("credential_id", "ABC-123-XYZ"),
        ("completed_on", date),
        ("verification_url", url),
    ]
}

/// Completes application `id` through the routes its program asks for: the owner's
/// evidence (a file or a credential) and the program team's check, or the team alone.
/// Moves the place's start into the past first, as a completion date must follow it.
pub async fn complete_place(app: &TestApp, id: i32) {
    let (intake, term, evidence, verifier, email): (Option<i32>, Option<NaiveDate>, String, String, String) =
        applications::table
            .inner_join(programs::table)
            .inner_join(
                upskill::db::schema::employees::table
                    .on(upskill::db::schema::employees::id.eq(applications::employee_id)),
            )
            .filter(applications::id.eq(id))
            .select((
                applications::intake_id,
                applications::term_starts_on,
                programs::completion_evidence,
                programs::verified_by,
                upskill::db::schema::employees::email,
            ))
            .first(&mut app.db())
            .unwrap();
    if let Some(intake) = intake {
        diesel::update(intakes::table.find(intake))
            .set(intakes::starts_on.eq(days_ago(3)))
            .execute(&mut app.db())
            .unwrap();
    }
    if term.is_some() {
        diesel::update(applications::table.find(id))
            .set(applications::term_starts_on.eq(days_ago(3)))
            .execute(&mut app.db())
            .unwrap();
    }
    let ada = signed_in(app, "ada.admin").await;
    let on = today().to_string();
    if evidence != "none" {
        let owner = app.new_browser();
        owner.sign_in(&email).await;
        if evidence == "file" {
            assert_eq!(attach(&owner, id, "transcript.pdf", pdf(2_000)).await.status(), StatusCode::SEE_OTHER);
        }
        let version = version_of(app, id);
        let mut fields = credential_fields(&on, "");
        fields.push(("version", &version));
        let sent = owner.post_with_csrf(&format!("/applications/{id}/completion"), &fields).await;
        assert_eq!(sent.status(), StatusCode::SEE_OTHER, "sending the evidence of {id}");
        if verifier == "auto" {
            return;
        }
    }
    let version = version_of(app, id);
    let fields = [("completed_on", on.as_str()), ("confirm", "yes"), ("version", &version)];
    let response = ada.post_with_csrf(&format!("/applications/{id}/complete"), &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER, "confirming the completion of {id}");
}

fn events_of(app: &TestApp, id: i32) -> Vec<String> {
    application_events::table
        .filter(application_events::application_id.eq(id))
        .order(application_events::id)
        .select(application_events::action)
        .load(&mut app.db())
        .unwrap()
}

fn notices_of(app: &TestApp, person: &str) -> Vec<String> {
    let id = employee_id(app, &format!("{person}@upskill.example"));
    notifications::table
        .filter(notifications::employee_id.eq(id))
        .order(notifications::id)
        .select(notifications::body)
        .load(&mut app.db())
        .unwrap()
}

fn audit_actions(app: &TestApp) -> Vec<String> {
    audit_log::table.order(audit_log::id).select(audit_log::action).load(&mut app.db()).unwrap()
}

fn field_errors(body: &str) -> Vec<String> {
    texts(body, ".completion .field-error")
}

#[actix_web::test]
async fn paula_sends_her_grade_report_and_the_program_team_verifies_it() {
    let app = spawn_app().await;
    let id = started_place(&app, "paula.parttime", "career-choice");
    let paula = signed_in(&app, "paula.parttime").await;
    let path = format!("/applications/{id}");
    let (_, page) = paula.page(&path).await;
    assert_eq!(texts(&page, ".lead .status"), ["In progress"], "the term started: in progress, never stored");
    assert_eq!(status_of(&app, id), "approved");
    assert!(texts(&page, ".completion-requirement")[0].contains("grade report or transcript"));

    // No file yet: refused, nothing changes, the date kept.
    let before = events_of(&app, id);
    let response = paula.post_with_csrf(&format!("{path}/completion"), &[("completed_on", &today().to_string())]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = response.text().await.unwrap();
    assert_eq!(texts(&body, "#file-missing"), ["Attach your evidence first: a PDF, PNG or JPEG file."]);
    assert_eq!(attribute_values(&body, "#completed_on", "value"), [today().to_string()]);
    assert!(texts(&body, "title")[0].starts_with("Error: "));
    assert_eq!((status_of(&app, id), events_of(&app, id)), ("approved".to_owned(), before));

    assert_eq!(attach(&paula, id, "grade-report.pdf", pdf(3_000)).await.status(), StatusCode::SEE_OTHER);
    for (date, message) in [
        (
            days_ago(31).to_string(),
            format!("The completion date can't be before the term started, on {}.", days_ago(30).format("%-d %B %Y")),
        ),
        (today().succ_opt().unwrap().to_string(), "The completion date can't be in the future.".to_owned()),
        (String::new(), "Enter the completion date.".to_owned()),
        ("2027-01-01\0".to_owned(), "Enter the completion date as a real date".to_owned()),
        ("2027-01-01\u{1b}".to_owned(), "Enter the completion date as a real date".to_owned()),
    ] {
        let response = paula
            .post_with_csrf(
                &format!("{path}/completion"),
                &[("completed_on", &date), ("version", &version_of(&app, id))],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{date:?}");
        let errors = field_errors(&response.text().await.unwrap());
        assert_eq!(errors.len(), 1, "{date:?}: {errors:?}");
        assert!(errors[0].starts_with(&message[..20]), "{date:?}: {errors:?}");
        assert_eq!(status_of(&app, id), "approved");
    }

    let done = days_ago(2).to_string();
    let response = paula
        .post_with_csrf(&format!("{path}/completion"), &[("completed_on", &done), ("version", &version_of(&app, id))])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, id), "completion_submitted");
    assert!(notices_of(&app, "ada.admin")
        .last()
        .unwrap()
        .contains("Paula Parttime sent evidence of completing Career Choice"));
    let (_, page) = paula.page(&path).await;
    assert!(attribute_values(&page, "form.send-evidence", "action").is_empty(), "sent: no second form");
    assert_eq!(
        texts(&page, ".completion-requirement"),
        ["You sent your evidence: the program team checks it and lets you know."],
        "what happens next, not what to send"
    );
    assert!(
        attribute_values(&page, "a[href$='/withdraw']", "href").is_empty(),
        "evidence with the team can't be withdrawn"
    );

    // The program team's queue, its count in the navigation, the evidence and the decisions.
    let ada = signed_in(&app, "ada.admin").await;
    let (status, queue) = ada.page("/admin/verification").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(attribute_values(&queue, ".verification-queue tbody tr", "data-application"), [id.to_string()]);
    assert_eq!(texts(&queue, ".admin-nav .count"), ["1"]);
    let (_, page) = ada.page(&path).await;
    assert_eq!(attribute_values(&page, "#confirm-completed_on", "value"), [done.as_str()], "the employee's date");
    assert_eq!(texts(&page, ".file-list a").len(), 1);
    let version = version_of(&app, id);
    let unconfirmed = [("completed_on", done.as_str()), ("version", version.as_str())];
    let response = ada.post_with_csrf(&format!("{path}/complete"), &unconfirmed).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        field_errors(&response.text().await.unwrap()),
        ["Tick the box to confirm: a completion can't be undone."]
    );
    assert_eq!(status_of(&app, id), "completion_submitted");

    let participants_before = pledge_participants(&app);
    let confirmed = [("completed_on", done.as_str()), ("version", version.as_str()), ("confirm", "yes")];
    let response = ada.post_with_csrf(&format!("{path}/complete"), &confirmed).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, id), "completed");
    assert_eq!(pledge_participants(&app), participants_before + 1);
    assert_eq!(events_of(&app, id)[events_of(&app, id).len() - 2..], ["completion_submitted", "completion_verified"]);
    assert!(notices_of(&app, "paula.parttime").last().unwrap().contains("confirmed that you completed Career Choice"));
    assert_eq!(audit_actions(&app).last().unwrap(), "application.completed");

    // Her learning record, on her account and on her admin record, and as CSV.
    let (_, page) = paula.page(&path).await;
    assert_eq!(texts(&page, ".completion-requirement"), ["You completed the program: it is on your learning record."]);
    let (_, record) = paula.page("/account/learning-record").await;
    assert_eq!(texts(&record, ".learning-record tbody td:first-child a"), ["Career Choice"]);
    let csv = paula.get("/account/learning-record.csv").await;
    assert_eq!(csv.status(), StatusCode::OK);
    let csv = csv.text().await.unwrap();
    assert!(csv.lines().nth(1).unwrap().starts_with("Career Choice,Tuition,"), "{csv}");
    assert!(csv.contains(&done));
    let paula_id = employee_id(&app, "paula.parttime@upskill.example");
    let (_, person) = ada.page(&format!("/admin/employees/{paula_id}")).await;
    assert_eq!(texts(&person, ".learning-record tbody td:first-child a"), ["Career Choice"]);
    assert_eq!(ada.get(&format!("/admin/employees/{paula_id}/learning-record.csv")).await.text().await.unwrap(), csv);
    let (_, queue) = ada.page("/admin/verification").await;
    assert_eq!(texts(&queue, ".empty-state h2"), ["Nothing to check"]);
    assert_stats_consistent(&app);
}

fn pledge_participants(app: &TestApp) -> i64 {
    upskill::db::schema::pledge_participant_count::table
        .select(upskill::db::schema::pledge_participant_count::participants)
        .first(&mut app.db())
        .unwrap()
}

#[actix_web::test]
async fn the_program_team_marks_a_cohort_place_completed_with_a_date() {
    let app = spawn_app().await;
    let id = started_place(&app, "fiona.associate", "amazon-technical-academy");
    let fiona = signed_in(&app, "fiona.associate").await;
    let (_, page) = fiona.page(&format!("/applications/{id}")).await;
    assert_eq!(texts(&page, ".lead .status"), ["In progress"]);
    assert!(attribute_values(&page, "form.send-evidence", "action").is_empty(), "nothing to send");
    let refused = fiona
        .post_with_csrf(&format!("/applications/{id}/completion"), &[("completed_on", &today().to_string())])
        .await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    assert_eq!(
        fiona.post_with_csrf(&format!("/applications/{id}/complete"), &[]).await.status(),
        StatusCode::FORBIDDEN
    );

    let ada = signed_in(&app, "ada.admin").await;
    let early = days_ago(31).to_string();
    let response = ada
        .post_with_csrf(&format!("/applications/{id}/complete"), &[("completed_on", &early), ("confirm", "yes")])
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = response.text().await.unwrap();
    assert_eq!(
        field_errors(&body),
        [format!("The completion date can't be before the intake started, on {}.", days_ago(30).format("%-d %B %Y"))]
    );
    assert_eq!(attribute_values(&body, "#confirm-completed_on", "value"), [early]);
    let on = days_ago(1).to_string();
    let response =
        ada.post_with_csrf(&format!("/applications/{id}/complete"), &[("completed_on", &on), ("confirm", "yes")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, id), "completed");
    assert_eq!(events_of(&app, id).last().unwrap(), "completed");
    let stored: Option<NaiveDate> =
        applications::table.find(id).select(applications::completed_on).first(&mut app.db()).unwrap();
    assert_eq!(stored, Some(days_ago(1)));
    assert_stats_consistent(&app);
}

#[actix_web::test]
async fn an_aws_credential_is_accepted_at_once() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let id = apply(&fiona, "aws-training-and-certification", &[]).await;
    let (_, page) = fiona.page(&format!("/applications/{id}")).await;
    assert!(texts(&page, ".completion-requirement")[0]
        .contains("record your credential on your application: it is accepted at once"));
    let path = format!("/applications/{id}/completion");
    let on = today().to_string();
    let before = crate::state_snapshot::snapshot(&app);
    for (field, wrong, message) in [
        ("verification_url", "javascript:alert(1)", "Enter a web address: one that starts with https:// or http://"),
        (
            "verification_url",
            "ftp://example.com/badge",
            "Enter a web address: one that starts with https:// or http://",
        ),
        ("credential_name", "", "Enter the name of the credential."),
        ("credential_name", "Cloud\0Practitioner", "NUL"),
        ("credential_name", "Cloud\u{1b}[31m", "control"),
        ("credential_id", "", "Enter the credential ID or certificate number."),
        ("credential_id", "A\nB", "line"),
        ("credential_id", "A\0", "NUL"),
        ("completed_on", "yesterday", "Enter the date earned as a real date"),
    ] {
        let fields: Vec<(&str, &str)> = credential_fields(&on, "https://www.credly.com/badges/abc")
            .into_iter()
            .map(|(name, value)| if name == field { (name, wrong) } else { (name, value) })
            .collect();
        let response = fiona.post_with_csrf(&path, &fields).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{field} {wrong:?}");
        let body = response.text().await.unwrap();
        assert_eq!(attribute_values(&body, ".completion [aria-invalid=true]", "id"), [field], "{wrong:?}");
        let error = texts(&body, &format!("#{field}-error"));
        assert!(error[0].contains(message), "{wrong:?}: {error:?}");
        assert_eq!(crate::state_snapshot::snapshot(&app), before, "a refused form changes nothing");
    }
    let response = fiona.post_with_csrf(&path, &credential_fields(&on, "https://www.credly.com/badges/abc")).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, id), "completed");
    assert_eq!(events_of(&app, id).last().unwrap(), "completion_accepted");
    let (_, page) = fiona.page(&format!("/applications/{id}")).await;
    assert!(texts(&page, ".timeline-event p:first-child").last().unwrap().contains("accepted automatically"));
    assert_eq!(attribute_values(&page, "a.verification-link", "rel"), ["noopener noreferrer"]);
    assert_eq!(texts(&page, ".credential-id"), ["ABC-123-XYZ"]);
    let stored: i64 =
        credentials::table.filter(credentials::application_id.eq(id)).count().get_result(&mut app.db()).unwrap();
    assert_eq!(stored, 1);
    assert_eq!(audit_actions(&app).last().unwrap(), "application.completed");
    assert_stats_consistent(&app);
}

#[actix_web::test]
async fn an_apprenticeship_certificate_is_sent_back_then_verified() {
    let app = spawn_app().await;
    let id = started_place(&app, "fiona.associate", "amazon-apprenticeship");
    let fiona = signed_in(&app, "fiona.associate").await;
    let on = days_ago(1).to_string();
    let sent = fiona.post_with_csrf(&format!("/applications/{id}/completion"), &credential_fields(&on, "")).await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, id), "completion_submitted");

    let ada = signed_in(&app, "ada.admin").await;
    let response = ada.post_with_csrf(&format!("/applications/{id}/return-evidence"), &[("comment", "  ")]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_errors(&response.text().await.unwrap()), ["Say what should change in the evidence."]);
    let response = ada
        .post_with_csrf(&format!("/applications/{id}/return-evidence"), &[("comment", "The number is cut off")])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, id), "completion_returned");
    assert!(notices_of(&app, "fiona.associate").last().unwrap().contains("The number is cut off"));
    assert_eq!(audit_actions(&app).last().unwrap(), "application.completion_returned");

    let (_, page) = fiona.page(&format!("/applications/{id}")).await;
    assert_eq!(texts(&page, ".returned-comment blockquote"), ["The number is cut off"]);
    assert_eq!(attribute_values(&page, "#credential_id", "value"), ["ABC-123-XYZ"], "what was sent, to fix");
    let mut fields = credential_fields(&on, "");
    fields[1] = ("credential_id", "ABC-123-XYZ-9");
    assert_eq!(
        fiona.post_with_csrf(&format!("/applications/{id}/completion"), &fields).await.status(),
        StatusCode::SEE_OTHER
    );
    let ids: Vec<String> = credentials::table.select(credentials::credential_id).load(&mut app.db()).unwrap();
    assert_eq!(ids, ["ABC-123-XYZ-9"], "one credential per application, replaced");
    let response =
        ada.post_with_csrf(&format!("/applications/{id}/complete"), &[("completed_on", &on), ("confirm", "yes")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, id), "completed");
    assert_stats_consistent(&app);
}

#[actix_web::test]
async fn not_completed_needs_a_reason_and_a_confirmation_and_holds_the_seat() {
    let app = spawn_app().await;
    let id = started_place(&app, "fiona.associate", "amazon-apprenticeship");
    let ada = signed_in(&app, "ada.admin").await;
    let path = format!("/applications/{id}/not-completed");
    let response = ada.post_with_csrf(&path, &[("comment", "")]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        field_errors(&response.text().await.unwrap()),
        [
            "Say why the program was not completed.",
            "Tick the box to confirm: closing a place as not completed can't be undone."
        ]
    );
    let response = ada.post_with_csrf(&path, &[("comment", "Left\0the course"), ("confirm", "yes")]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(status_of(&app, id), "approved");
    let response = ada.post_with_csrf(&path, &[("comment", "Left the course in week 3"), ("confirm", "yes")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, id), "not_completed");
    assert!(notices_of(&app, "fiona.associate").last().unwrap().contains("not completed"));
    assert_eq!(audit_actions(&app).last().unwrap(), "application.not_completed");
    let intake: i32 = applications::table
        .find(id)
        .select(applications::intake_id)
        .first::<Option<i32>>(&mut app.db())
        .unwrap()
        .unwrap();
    let taken = upskill::db::applications::seats_taken(&mut app.db(), intake).unwrap();
    assert_eq!(taken, 1, "the cohort ran with this place in it");
    let again = ada.post_with_csrf(&path, &[("comment", "again"), ("confirm", "yes")]).await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    assert_stats_consistent(&app);
}

#[actix_web::test]
async fn nobody_verifies_their_own_completion_and_strangers_learn_nothing() {
    let app = spawn_app().await;
    let id = started_place(&app, "ada.admin", "career-choice");
    let ada = signed_in(&app, "ada.admin").await;
    assert_eq!(attach(&ada, id, "transcript.pdf", pdf(1_000)).await.status(), StatusCode::SEE_OTHER);
    let on = today().to_string();
    let sent = ada.post_with_csrf(&format!("/applications/{id}/completion"), &[("completed_on", &on)]).await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let (_, page) = ada.page(&format!("/applications/{id}")).await;
    assert!(attribute_values(&page, "form.team-confirm", "action").is_empty(), "no decision on one's own");
    for action in ["complete", "return-evidence", "not-completed"] {
        let fields = [("completed_on", on.as_str()), ("confirm", "yes"), ("comment", "mine")];
        let response = ada.post_with_csrf(&format!("/applications/{id}/{action}"), &fields).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{action}");
    }
    assert_eq!(status_of(&app, id), "completion_submitted");
    let fiona = signed_in(&app, "fiona.associate").await;
    let carl = signed_in(&app, "carl.corporate").await;
    for browser in [&fiona, &carl] {
        assert_eq!(browser.page(&format!("/applications/{id}")).await.0, StatusCode::NOT_FOUND);
        let response = browser.post_with_csrf(&format!("/applications/{id}/complete"), &[("completed_on", &on)]).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
        let response =
            browser.post_with_csrf(&format!("/applications/{id}/completion"), &[("completed_on", &on)]).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND);
    }
    assert_eq!(fiona.page("/admin/verification").await.0, StatusCode::FORBIDDEN);
    assert_eq!(status_of(&app, id), "completion_submitted");
}

#[actix_web::test]
async fn the_pledge_counts_only_verified_completions() {
    let app = spawn_app().await;
    let id = started_place(&app, "paula.parttime", "career-choice");
    let paula = signed_in(&app, "paula.parttime").await;
    assert_eq!(attach(&paula, id, "transcript.pdf", pdf(1_000)).await.status(), StatusCode::SEE_OTHER);
    let sent = paula
        .post_with_csrf(&format!("/applications/{id}/completion"), &[("completed_on", &today().to_string())])
        .await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let ada = signed_in(&app, "ada.admin").await;
    let participants = |body: &str| texts(body, "[data-value='participants']");
    let (_, before) = ada.page("/admin").await;
    assert_eq!(participants(&before), ["0"], "evidence sent is not a completion");
    let fields = [("completed_on", today().to_string()), ("confirm", "yes".to_owned())];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    assert_eq!(
        ada.post_with_csrf(&format!("/applications/{id}/complete"), &fields).await.status(),
        StatusCode::SEE_OTHER
    );
    let (_, after) = ada.page("/admin").await;
    assert_eq!(participants(&after), ["1"]);
    assert_stats_consistent(&app);
}

#[actix_web::test]
#[ignore = "needs chromium and chromium-driver (installed by .ci/run)"]
async fn the_program_team_checks_evidence_in_a_browser_at_1280_and_375_pixels() {
    use crate::browser::{assert_fits, axe, axe_source, in_browser_on};
    let app = spawn_app().await;
    let id = started_place(&app, "paula.parttime", "career-choice");
    let paula = signed_in(&app, "paula.parttime").await;
    let letter = "grade-report-bellevue-college-winter-term-2026.pdf";
    assert_eq!(attach(&paula, id, letter, pdf(40_000)).await.status(), StatusCode::SEE_OTHER);
    let on = days_ago(2).to_string();
    let sent = paula.post_with_csrf(&format!("/applications/{id}/completion"), &[("completed_on", &on)]).await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER);
    let other = started_place(&app, "fiona.associate", "amazon-apprenticeship");
    let fiona = signed_in(&app, "fiona.associate").await;
    let fields = credential_fields(&on, "https://www.credly.com/badges/7c1d2a9e-apprenticeship");
    assert_eq!(
        fiona.post_with_csrf(&format!("/applications/{other}/completion"), &fields).await.status(),
        StatusCode::SEE_OTHER
    );
    let axe_js = axe_source();
    in_browser_on(app, "verification", |d| async move {
        d.sign_in("ada.admin@upskill.example").await;
        for width in [1280u32, 375] {
            d.client.set_window_size(width, 900).await.unwrap();
            for page in
                ["/admin/verification".to_owned(), format!("/applications/{id}"), format!("/applications/{other}")]
            {
                d.visit(&page).await;
                if width == 375 {
                    assert_fits(&d, &page).await;
                }
                let serious: Vec<_> = axe(&d, &axe_js)
                    .await
                    .into_iter()
                    .filter(|(_, impact, _, _)| impact == "serious" || impact == "critical")
                    .collect();
                assert!(serious.is_empty(), "{page} at {width}: {serious:?}");
            }
            if let (Ok(dir), 1280) = (std::env::var("UPSKILL_SCREENSHOTS"), width) {
                d.visit(&format!("/applications/{id}")).await;
                let height = "return document.documentElement.scrollHeight;";
                let height = d.client.execute(height, vec![]).await.unwrap().as_u64().unwrap_or(900);
                d.client.set_window_size(1280, height.clamp(600, 4000) as u32).await.unwrap();
                actix_web::rt::time::sleep(std::time::Duration::from_millis(300)).await;
                let png = d.client.screenshot().await.unwrap();
                std::fs::write(std::path::PathBuf::from(dir).join("verification.png"), png).unwrap();
            }
        }
        d.client.set_window_size(1280, 900).await.unwrap();
        d.visit("/admin/verification").await;
        assert_eq!(d.texts(".verification-queue tbody tr").await.len(), 2);
        d.click(&format!("tr[data-application='{id}'] a")).await;
        d.tick("#confirm-confirm").await;
        d.click("form.team-confirm button[type=submit]").await;
        d.visit(&format!("/applications/{id}")).await;
        assert_eq!(d.status().await, "completed");
        d
    })
    .await;
}
