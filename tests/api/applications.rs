//! Applying, following, editing and withdrawing (the employee side of the state machine).

use diesel::prelude::*;
use reqwest::StatusCode;
use upskill::db::schema::{application_events, applications, intakes, notifications, programs};
use upskill::domain::ApplicationStatus;

use crate::helpers::{
    application_id, apply, attribute_values, count_applications, employee_id, intake_ids, intake_name, location,
    program_id, signed_in, spawn_app, texts, ApplicationBuilder, TestApp, MOTIVATION,
};

fn next_year_term() -> String {
    (chrono::Utc::now().date_naive() + chrono::Days::new(40)).to_string()
}

#[actix_web::test]
async fn applying_to_a_self_paced_program_submits_it_to_the_manager_with_a_timeline_and_a_notification() {
    let app = spawn_app().await;
    let dev = signed_in(&app, "dev.engineer").await;
    let response =
        dev.post_with_csrf("/programs/machine-learning-university/apply", &[("motivation", MOTIVATION)]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let id = application_id(&response);

    let (status, body) = dev.page(&format!("/applications/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(attribute_values(&body, ".lead [data-status]", "data-status"), ["submitted"]);
    assert_eq!(texts(&body, ".lead .next-step"), ["Waiting for Tom Techlead"]);
    assert_eq!(texts(&body, ".timeline-event p strong"), ["Dev Engineer"]);
    assert!(texts(&body, ".timeline-event p")[0].contains("submitted the application"));
    assert_eq!(texts(&body, "[role=status].flash"), ["Your application is submitted."]);

    let tom = signed_in(&app, "tom.techlead").await;
    let (_, inbox) = tom.page("/notifications").await;
    assert!(texts(&inbox, ".notification p")[0].contains("Dev Engineer applied to Machine Learning University"));
    assert_eq!(texts(&inbox, "nav a[href='/notifications'] .count"), ["1"]);
    // The approver sees the application; another employee does not.
    assert_eq!(tom.page(&format!("/applications/{id}")).await.0, StatusCode::OK);
    let carl = signed_in(&app, "carl.corporate").await;
    assert_eq!(carl.page(&format!("/applications/{id}")).await.0, StatusCode::NOT_FOUND);
    let ada = signed_in(&app, "ada.admin").await;
    assert_eq!(ada.page(&format!("/applications/{id}")).await.0, StatusCode::OK);
}

#[actix_web::test]
async fn the_cohort_form_offers_each_intake_with_its_start_date_and_seats_left() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let (status, body) = fiona.page("/programs/amazon-apprenticeship/apply").await;
    assert_eq!(status, StatusCode::OK);
    let labels = texts(&body, "fieldset label");
    assert_eq!(labels.len(), 2);
    assert!(labels[0].contains("1 seat left") && labels[0].contains("starts"), "{labels:?}");
    assert!(labels[1].contains("20 seats left"), "{labels:?}");

    let first = intake_ids(&app, "amazon-apprenticeship")[0].to_string();
    let response = fiona
        .post_with_csrf("/programs/amazon-apprenticeship/apply", &[("intake_id", &first), ("motivation", MOTIVATION)])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, body) = fiona.page(&location(&response)).await;
    assert!(
        texts(&body, ".facts dd").iter().any(|d| d.starts_with(&intake_name(&app, first.parse().unwrap()))),
        "{:?}",
        texts(&body, ".facts dd")
    );
}

#[actix_web::test]
async fn a_bad_form_comes_back_with_422_every_value_kept_a_message_per_field_and_nothing_stored() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let response = fiona
        .post_with_csrf(
            "/programs/career-choice/apply",
            &[
                ("motivation", "too short <b>"),
                ("institution", "Bellevue <College>"),
                ("course_title", ""),
                ("term_starts_on", "next spring"),
                ("amount", "12.345"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = response.text().await.unwrap();
    assert_eq!(attribute_values(&body, "#institution", "value"), ["Bellevue <College>"]);
    assert_eq!(attribute_values(&body, "#term_starts_on", "value"), ["next spring"]);
    assert_eq!(attribute_values(&body, "#amount", "value"), ["12.345"]);
    assert_eq!(texts(&body, "#motivation"), ["too short <b>"]);
    let errors = attribute_values(&body, ".field-error", "id");
    assert_eq!(
        errors,
        ["course_title-error", "term_starts_on-error", "amount-error", "accept_terms-error", "motivation-error"]
    );
    // Each message is tied to its field.
    assert_eq!(attribute_values(&body, "#amount", "aria-describedby"), ["amount-hint amount-error"]);
    assert_eq!(texts(&body, "#amount-error"), ["Use at most two digits for cents, for example 1234.50."]);
    assert_eq!(texts(&body, "#term_starts_on-error"), ["Enter a real date, for example 15 January 2027."]);
    assert!(!body.contains("<b>"));
    assert_eq!(count_applications(&app), 0);
}

#[actix_web::test]
async fn a_tuition_request_stores_the_amount_and_the_covered_share() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let term = next_year_term();
    let response = fiona
        .post_with_csrf(
            "/programs/career-choice/apply",
            &[
                ("institution", "Bellevue College"),
                ("course_title", "Cloud Computing Certificate"),
                ("term_starts_on", &term),
                ("amount", "1234.50"),
                ("accept_terms", "yes"),
                ("motivation", MOTIVATION),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let stored: (Option<i64>, Option<i64>) = applications::table
        .select((applications::amount_cents, applications::covered_cents))
        .first(&mut app.db())
        .unwrap();
    assert_eq!(stored, (Some(123_450), Some(123_450)));
    let (_, body) = fiona.page(&location(&response)).await;
    assert!(texts(&body, ".facts dd").contains(&"$1,234.50 (the company pays $1,234.50)".to_owned()));
}

#[actix_web::test]
async fn a_tuition_request_over_the_part_time_cap_is_refused_next_to_the_amount_with_what_is_left() {
    let app = spawn_app().await;
    let paula = signed_in(&app, "paula.parttime").await;
    let term = next_year_term();
    let year = &term[..4];
    let (_, form) = paula.page("/programs/career-choice/apply").await;
    assert!(texts(&form, ".funding-left li").contains(&format!("You have $2,625 of $2,625 left for {year}.")));

    let response = paula
        .post_with_csrf(
            "/programs/career-choice/apply",
            &[
                ("institution", "Community College"),
                ("course_title", "Accounting I"),
                ("term_starts_on", &term),
                ("amount", "3000"),
                ("accept_terms", "yes"),
                ("motivation", "Too short"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = response.text().await.unwrap();
    // The cap is reported together with the other mistakes, not after they are fixed.
    assert_eq!(attribute_values(&body, ".field-error", "id"), ["amount-error", "motivation-error"]);
    assert_eq!(
        texts(&body, "#amount-error"),
        [format!("This is more than you have left: you have $2,625 of $2,625 left for {year}.")]
    );
    assert_eq!(attribute_values(&body, "#amount", "value"), ["3000"]);
    assert_eq!(count_applications(&app), 0);
}

#[actix_web::test]
async fn the_cap_counts_the_employee_s_other_applications_of_that_year() {
    let app = spawn_app().await;
    let fiona_id = employee_id(&app, "fiona.associate@upskill.example");
    let program_id: i32 = program_id(&app, "career-choice");
    let term = chrono::Utc::now().date_naive() + chrono::Days::new(40);
    // A completed course earlier in the same year took $2,000 of the cap.
    ApplicationBuilder::new(fiona_id, program_id, ApplicationStatus::Completed)
        .version(3)
        .tuition(term, 200_000)
        .insert(&mut app.db());
    let fiona = signed_in(&app, "fiona.associate").await;
    let fields = |amount: &'static str| {
        vec![
            ("institution", "Bellevue College"),
            ("course_title", "Data Analytics"),
            ("amount", amount),
            ("accept_terms", "yes"),
            ("motivation", MOTIVATION),
        ]
    };
    let term_text = term.to_string();
    let mut over = fields("3250.01");
    over.push(("term_starts_on", &term_text));
    let response = fiona.post_with_csrf("/programs/career-choice/apply", &over).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = response.text().await.unwrap();
    assert!(texts(&body, "#amount-error")[0].contains("you have $3,250 of $5,250 left"));

    let mut exact = fields("3250");
    exact.push(("term_starts_on", &term_text));
    assert_eq!(fiona.post_with_csrf("/programs/career-choice/apply", &exact).await.status(), StatusCode::SEE_OTHER);
}

#[actix_web::test]
async fn a_program_without_approval_is_approved_at_once_through_the_state_machine() {
    let app = spawn_app().await;
    let nate = signed_in(&app, "nate.newhire").await;
    let response =
        nate.post_with_csrf("/programs/aws-training-and-certification/apply", &[("motivation", MOTIVATION)]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, body) = nate.page(&location(&response)).await;
    assert_eq!(attribute_values(&body, ".lead [data-status]", "data-status"), ["approved"]);
    assert!(texts(&body, ".timeline-event p")[0].contains("this program needs no approval"));
    let events: Vec<(Option<String>, String)> = application_events::table
        .select((application_events::from_status, application_events::to_status))
        .load(&mut app.db())
        .unwrap();
    assert_eq!(events, [(None, "approved".to_owned())]);
    // Nobody has to act, so nobody is notified.
    let sent: i64 = notifications::table.count().get_result(&mut app.db()).unwrap();
    assert_eq!(sent, 0);
}

#[actix_web::test]
async fn a_crafted_post_by_an_ineligible_person_is_refused_with_the_reason_and_nothing_is_stored() {
    let app = spawn_app().await;
    let dev = signed_in(&app, "dev.engineer").await;
    let intake = intake_ids(&app, "associate2tech")[1].to_string();
    let response = dev
        .post_with_csrf("/programs/associate2tech/apply", &[("intake_id", &intake), ("motivation", MOTIVATION)])
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let body = response.text().await.unwrap();
    assert!(texts(&body, ".reasons li").contains(&"Open to the Fulfillment job family; yours is Technical.".to_owned()));
    assert_eq!(count_applications(&app), 0);

    // Not yet eligible (tenure) is refused too, with the date.
    let nate = signed_in(&app, "nate.newhire").await;
    let response =
        nate.post_with_csrf("/programs/machine-learning-university/apply", &[("motivation", MOTIVATION)]).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = nate.post_with_csrf("/programs/career-choice/apply", &[("motivation", MOTIVATION)]).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert!(texts(&response.text().await.unwrap(), "h2")[0].starts_with("You can apply from"));
    assert_eq!(count_applications(&app), 0);
}

#[actix_web::test]
async fn one_active_application_per_program_with_a_clear_message() {
    let app = spawn_app().await;
    let dev = signed_in(&app, "dev.engineer").await;
    let first = dev.post_with_csrf("/programs/machine-learning-university/apply", &[("motivation", MOTIVATION)]).await;
    let id = application_id(&first);
    let again = dev.post_with_csrf("/programs/machine-learning-university/apply", &[("motivation", MOTIVATION)]).await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    let body = again.text().await.unwrap();
    assert_eq!(texts(&body, "h2"), ["You already have an application to this program"]);
    assert_eq!(attribute_values(&body, "a.button-primary", "href"), [format!("/applications/{id}")]);
    let (_, form) = dev.page("/programs/machine-learning-university/apply").await;
    assert!(attribute_values(&form, "textarea", "name").is_empty(), "no form while an application is active");
    assert_eq!(count_applications(&app), 1);
}

#[actix_web::test]
async fn two_identical_submissions_at_the_same_moment_store_one_application() {
    let app = spawn_app().await;
    let dev = signed_in(&app, "dev.engineer").await;
    let token = dev.csrf_token().await;
    let fields = [("csrf_token", token.as_str()), ("motivation", MOTIVATION)];
    let send = || dev.post_form("/programs/machine-learning-university/apply", &fields);
    let (a, b, c, d) = tokio::join!(send(), send(), send(), send());
    let mut statuses: Vec<u16> = [a, b, c, d].iter().map(|r| r.status().as_u16()).collect();
    statuses.sort_unstable();
    assert_eq!(statuses, [303, 409, 409, 409]);
    assert_eq!(count_applications(&app), 1);
}

#[actix_web::test]
async fn the_application_window_says_when_it_opens_or_that_it_closed() {
    let app = spawn_app().await;
    let today = chrono::Utc::now().date_naive();
    let opens = today + chrono::Days::new(10);
    diesel::update(programs::table.filter(programs::slug.eq("machine-learning-university")))
        .set(programs::opens_on.eq(Some(opens)))
        .execute(&mut app.db())
        .unwrap();
    diesel::update(programs::table.filter(programs::slug.eq("aws-training-and-certification")))
        .set(programs::closes_on.eq(Some(today - chrono::Days::new(1))))
        .execute(&mut app.db())
        .unwrap();
    let dev = signed_in(&app, "dev.engineer").await;
    let (_, body) = dev.page("/programs/machine-learning-university/apply").await;
    assert_eq!(texts(&body, "main h2")[0], format!("You can apply from {}", opens.format("%-d %B %Y")));
    let response =
        dev.post_with_csrf("/programs/machine-learning-university/apply", &[("motivation", MOTIVATION)]).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    let (_, body) = dev.page("/programs/aws-training-and-certification/apply").await;
    let closed = format!("Applications closed on {}.", (today - chrono::Days::new(1)).format("%-d %B %Y"));
    assert!(texts(&body, ".reasons li").contains(&closed), "{:?}", texts(&body, ".reasons li"));
    assert_eq!(count_applications(&app), 0);
}

#[actix_web::test]
async fn the_intake_must_belong_to_the_program_and_start_in_the_future() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let other_program = intake_ids(&app, "associate2tech")[0].to_string();
    let response = fiona
        .post_with_csrf(
            "/programs/amazon-apprenticeship/apply",
            &[("intake_id", &other_program), ("motivation", MOTIVATION)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(texts(&response.text().await.unwrap(), "#intake_id-error"), ["Choose one of this program's intakes."]);

    let started = intake_ids(&app, "amazon-apprenticeship")[0];
    diesel::update(intakes::table.find(started))
        .set(intakes::starts_on.eq(chrono::Utc::now().date_naive()))
        .execute(&mut app.db())
        .unwrap();
    let response = fiona
        .post_with_csrf(
            "/programs/amazon-apprenticeship/apply",
            &[("intake_id", &started.to_string()), ("motivation", MOTIVATION)],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        texts(&response.text().await.unwrap(), "#intake_id-error"),
        ["This intake has already started; choose a later one."]
    );
    assert_eq!(count_applications(&app), 0);
}

#[actix_web::test]
async fn motivation_takes_any_unicode_and_shows_it_escaped() {
    let app = spawn_app().await;
    let dev = signed_in(&app, "dev.engineer").await;
    let short = dev
        .post_with_csrf("/programs/machine-learning-university/apply", &[("motivation", "  19 characters!!  ")])
        .await;
    assert_eq!(short.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let text = "Je veux apprendre 機械学習 🤖 <script>alert('x')</script> & more";
    let response = dev.post_with_csrf("/programs/machine-learning-university/apply", &[("motivation", text)]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, body) = dev.page(&location(&response)).await;
    assert_eq!(texts(&body, ".motivation p"), [text]);
    assert!(!body.contains("<script>alert"));
}

/// The applicant's manager asks for changes, through the decision route.
async fn request_changes(app: &TestApp, manager: &str, id: i32, comment: &str) {
    let manager = signed_in(app, manager).await;
    let version = crate::helpers::version_of(app, id);
    let response = manager
        .post_with_csrf(&format!("/applications/{id}/request-changes"), &[("version", &version), ("comment", comment)])
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
}

#[actix_web::test]
async fn an_application_can_be_edited_only_when_changes_were_requested_and_the_timeline_shows_what_changed() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let term = next_year_term();
    let response = fiona
        .post_with_csrf(
            "/programs/career-choice/apply",
            &[
                ("institution", "Bellevue College"),
                ("course_title", "Cloud Computing"),
                ("term_starts_on", &term),
                ("amount", "1000"),
                ("accept_terms", "yes"),
                ("motivation", MOTIVATION),
            ],
        )
        .await;
    let id = application_id(&response);

    // Not editable while submitted.
    let (_, body) = fiona.page(&format!("/applications/{id}/edit")).await;
    assert!(texts(&body, ".error-summary")[0].starts_with("This application can't be edited now: it is submitted."));
    let refused = fiona
        .post_with_csrf(&format!("/applications/{id}/edit"), &[("version", "1"), ("motivation", MOTIVATION)])
        .await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);

    request_changes(&app, "maria.manager", id, "Please add the course code.").await;
    let (status, form) = fiona.page(&format!("/applications/{id}/edit")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(attribute_values(&form, "input[name='version']", "value"), ["2"]);
    assert_eq!(attribute_values(&form, "#amount", "value"), ["1000.00"]);

    let response = fiona
        .post_with_csrf(
            &format!("/applications/{id}/edit"),
            &[
                ("version", "2"),
                ("institution", "Bellevue College"),
                ("course_title", "Cloud Computing (CS 101)"),
                ("term_starts_on", &term),
                ("amount", "1200"),
                ("accept_terms", "yes"),
                ("motivation", MOTIVATION),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, body) = fiona.page(&format!("/applications/{id}")).await;
    assert_eq!(attribute_values(&body, ".lead [data-status]", "data-status"), ["submitted"]);
    crate::helpers::assert_stats_consistent(&app);
    let whats = texts(&body, ".timeline-event > p:first-child");
    assert_eq!(whats.len(), 3, "{whats:?}");
    assert!(whats[2].contains("made the requested changes and resubmitted"));
    assert_eq!(texts(&body, "blockquote.comment"), ["Please add the course code."]);
    let changes = texts(&body, ".changes tbody tr");
    assert_eq!(changes, ["Course Cloud Computing Cloud Computing (CS 101)", "Amount $1,000 $1,200"]);

    let maria = signed_in(&app, "maria.manager").await;
    let (_, inbox) = maria.page("/notifications").await;
    assert!(texts(&inbox, ".notification p")[0].contains("made the changes you asked for"));
}

#[actix_web::test]
async fn a_stale_edit_form_gets_a_conflict_message_not_an_overwrite() {
    let app = spawn_app().await;
    let dev = signed_in(&app, "dev.engineer").await;
    let id = apply(&dev, "machine-learning-university", &[]).await;
    request_changes(&app, "tom.techlead", id, "More detail please.").await;
    let stale = dev
        .post_with_csrf(
            &format!("/applications/{id}/edit"),
            &[("version", "1"), ("motivation", "A brand new motivation text here.")],
        )
        .await;
    assert_eq!(stale.status(), StatusCode::CONFLICT);
    assert!(texts(&stale.text().await.unwrap(), ".error-summary")[0]
        .starts_with("This application changed since you opened the form."));
    let motivation: String =
        applications::table.find(id).select(applications::motivation).first(&mut app.db()).unwrap();
    assert_eq!(motivation, MOTIVATION);
}

#[actix_web::test]
async fn withdrawing_asks_for_confirmation_without_javascript_and_then_is_final() {
    let app = spawn_app().await;
    let dev = signed_in(&app, "dev.engineer").await;
    let id = apply(&dev, "machine-learning-university", &[]).await;

    let (status, confirm) = dev.page(&format!("/applications/{id}/withdraw")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(attribute_values(&confirm, "form[action$='/withdraw']", "method"), ["post"]);
    assert_eq!(count_applications(&app), 1, "the confirmation page changes nothing");

    let done = dev
        .post_with_csrf(&format!("/applications/{id}/withdraw"), &[("version", "1"), ("comment", "Changed my plans")])
        .await;
    assert_eq!(done.status(), StatusCode::SEE_OTHER);
    let (_, body) = dev.page(&format!("/applications/{id}")).await;
    assert_eq!(attribute_values(&body, ".lead [data-status]", "data-status"), ["withdrawn"]);
    assert_eq!(texts(&body, "blockquote.comment"), ["Changed my plans"]);

    let again = dev.post_with_csrf(&format!("/applications/{id}/withdraw"), &[("version", "2")]).await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    assert!(texts(&again.text().await.unwrap(), ".error-summary")[0].contains("it is withdrawn"));

    // A new application is possible once the old one is withdrawn.
    let fresh = dev.post_with_csrf("/programs/machine-learning-university/apply", &[("motivation", MOTIVATION)]).await;
    assert_eq!(fresh.status(), StatusCode::SEE_OTHER);
}

#[actix_web::test]
async fn only_the_owner_can_edit_or_withdraw() {
    let app = spawn_app().await;
    let dev = signed_in(&app, "dev.engineer").await;
    let id = apply(&dev, "machine-learning-university", &[]).await;
    for person in ["carl.corporate", "tom.techlead", "ada.admin"] {
        let other = signed_in(&app, person).await;
        assert_eq!(other.page(&format!("/applications/{id}/edit")).await.0, StatusCode::NOT_FOUND, "{person}");
        assert_eq!(other.page(&format!("/applications/{id}/withdraw")).await.0, StatusCode::NOT_FOUND, "{person}");
        let response = other.post_with_csrf(&format!("/applications/{id}/withdraw"), &[("version", "1")]).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{person}");
    }
    let status: String = applications::table.find(id).select(applications::status).first(&mut app.db()).unwrap();
    assert_eq!(status, "submitted");
    assert_eq!(dev.page("/applications/999999").await.0, StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn a_stale_withdraw_is_refused_with_the_current_state() {
    let app = spawn_app().await;
    let dev = signed_in(&app, "dev.engineer").await;
    let id = apply(&dev, "machine-learning-university", &[]).await;
    request_changes(&app, "tom.techlead", id, "Tell us more.").await;
    let response = dev.post_with_csrf(&format!("/applications/{id}/withdraw"), &[("version", "1")]).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert!(texts(&response.text().await.unwrap(), ".error-summary")[0].contains("it is now changes requested"));
}

#[actix_web::test]
async fn withdrawing_an_approved_place_promotes_the_oldest_waitlisted_application() {
    let app = spawn_app().await;
    let intake = intake_ids(&app, "amazon-apprenticeship")[0];
    let program_id: i32 = program_id(&app, "amazon-apprenticeship");
    let now = upskill::clock::now();
    let place = |email: &str, status: ApplicationStatus, waitlisted_minutes_ago: Option<i64>| {
        let builder = ApplicationBuilder::new(employee_id(&app, email), program_id, status).intake(intake).version(3);
        match waitlisted_minutes_ago {
            Some(minutes) => builder.waitlisted_at(now - chrono::TimeDelta::minutes(minutes)),
            None => builder,
        }
        .insert(&mut app.db())
    };
    let fiona_app = place("fiona.associate@upskill.example", ApplicationStatus::Approved, None);
    let paula_app = place("paula.parttime@upskill.example", ApplicationStatus::Waitlisted, Some(10));
    let carl_app = place("carl.corporate@upskill.example", ApplicationStatus::Waitlisted, Some(5));

    let carl = signed_in(&app, "carl.corporate").await;
    let (_, mine) = carl.page("/applications").await;
    assert_eq!(texts(&mine, ".next-step"), ["2nd in line on the waitlist"]);

    let fiona = signed_in(&app, "fiona.associate").await;
    let response = fiona.post_with_csrf(&format!("/applications/{fiona_app}/withdraw"), &[("version", "3")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);

    let statuses: Vec<(i32, String)> = applications::table
        .select((applications::id, applications::status))
        .order(applications::id)
        .load(&mut app.db())
        .unwrap();
    assert_eq!(
        statuses,
        [(fiona_app, "withdrawn".to_owned()), (paula_app, "approved".to_owned()), (carl_app, "waitlisted".to_owned())]
    );
    let paula = signed_in(&app, "paula.parttime").await;
    let (_, inbox) = paula.page("/notifications").await;
    assert!(texts(&inbox, ".notification p")[0].contains("A seat became free"));
    let (_, page) = paula.page(&format!("/applications/{paula_app}")).await;
    assert!(texts(&page, ".timeline-event p strong").contains(&"Upskill".to_owned()));
    let (_, mine) = carl.page("/applications").await;
    assert_eq!(texts(&mine, ".next-step"), ["1st in line on the waitlist"]);
}

#[actix_web::test]
async fn my_applications_are_listed_newest_first_with_the_next_step() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let (_, empty) = fiona.page("/applications").await;
    assert_eq!(texts(&empty, ".empty-state h2"), ["You have not applied to anything yet"]);
    apply(&fiona, "aws-training-and-certification", &[]).await;
    let intake = intake_ids(&app, "associate2tech")[1].to_string();
    apply(&fiona, "associate2tech", &[("intake_id", &intake)]).await;
    let (_, body) = fiona.page("/applications").await;
    assert_eq!(texts(&body, "tbody td:first-child a"), ["Associate2Tech", "AWS Training and Certification"]);
    assert_eq!(texts(&body, ".next-step"), ["Waiting for Maria Manager", "Place confirmed"]);
    assert_eq!(attribute_values(&body, "[data-status]", "data-status"), ["submitted", "approved"]);
}

#[actix_web::test]
async fn notifications_list_unread_first_and_can_be_marked_read() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let intake = intake_ids(&app, "amazon-technical-academy")[1].to_string();
    apply(&fiona, "amazon-technical-academy", &[("intake_id", &intake)]).await;
    let paula = signed_in(&app, "paula.parttime").await;
    let intake = intake_ids(&app, "amazon-apprenticeship")[1].to_string();
    apply(&paula, "amazon-apprenticeship", &[("intake_id", &intake)]).await;

    let maria = signed_in(&app, "maria.manager").await;
    let (_, inbox) = maria.page("/notifications").await;
    assert_eq!(texts(&inbox, "nav a[href='/notifications'] .count"), ["2"]);
    assert_eq!(attribute_values(&inbox, ".notification", "data-unread"), ["true", "true"]);
    let bodies = texts(&inbox, ".notification > p:first-child");
    assert!(
        bodies[0].contains("Paula Parttime applied") && bodies[1].contains("Fiona Associate applied"),
        "{bodies:?}"
    );

    // Mark the newest read: it moves below the unread one.
    let newest = attribute_values(&inbox, ".notification input[name='id']", "value").remove(0);
    assert_eq!(maria.post_with_csrf("/notifications/read", &[("id", &newest)]).await.status(), StatusCode::SEE_OTHER);
    let (_, inbox) = maria.page("/notifications").await;
    assert_eq!(attribute_values(&inbox, ".notification", "data-unread"), ["true", "false"]);
    assert!(texts(&inbox, ".notification > p:first-child")[0].contains("Fiona Associate applied"));
    assert_eq!(texts(&inbox, "nav a[href='/notifications'] .count"), ["1"]);

    // Someone else cannot mark Maria's notification read.
    let remaining = attribute_values(&inbox, ".notification input[name='id']", "value").remove(0);
    let tom = signed_in(&app, "tom.techlead").await;
    tom.post_with_csrf("/notifications/read", &[("id", &remaining)]).await;
    let (_, inbox) = maria.page("/notifications").await;
    assert_eq!(attribute_values(&inbox, ".notification", "data-unread"), ["true", "false"]);

    maria.post_with_csrf("/notifications/read", &[]).await;
    let (_, inbox) = maria.page("/notifications").await;
    assert_eq!(attribute_values(&inbox, ".notification", "data-unread"), ["false", "false"]);
    assert!(texts(&inbox, "nav a[href='/notifications'] .count").is_empty());
}
