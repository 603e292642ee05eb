//! The program catalog: filters, eligibility badges and the detail page.

use reqwest::StatusCode;

use crate::helpers::{attribute_values, spawn_app, texts, TestApp};

/// The programs on the catalog page at `path`, in order.
async fn catalog(app: &TestApp, path: &str) -> Vec<String> {
    let (status, body) = app.browser.page(path).await;
    assert_eq!(status, StatusCode::OK, "{path}");
    attribute_values(&body, "li.program-card", "data-program")
}

#[actix_web::test]
async fn the_catalog_lists_the_six_programs_by_name() {
    let app = spawn_app().await;
    app.browser.sign_in("fiona.associate@upskill.example").await;
    assert_eq!(
        catalog(&app, "/programs").await,
        [
            "amazon-apprenticeship",
            "amazon-technical-academy",
            "associate2tech",
            "aws-training-and-certification",
            "career-choice",
            "machine-learning-university"
        ]
    );
}

#[actix_web::test]
async fn every_catalog_filter_narrows_the_list() {
    let app = spawn_app().await;
    app.browser.sign_in("fiona.associate@upskill.example").await;
    let cases: [(&str, &[&str]); 9] = [
        ("/programs?q=machine", &["machine-learning-university"]),
        ("/programs?q=TUITION", &["career-choice"]),
        ("/programs?kind=cohort", &["amazon-apprenticeship", "amazon-technical-academy", "associate2tech"]),
        ("/programs?kind=tuition", &["career-choice"]),
        ("/programs?category=non_technical", &["career-choice"]),
        ("/programs?format=on_site", &["associate2tech"]),
        ("/programs?format=online&kind=self_paced", &["aws-training-and-certification", "machine-learning-university"]),
        (
            "/programs?eligible=1",
            &[
                "amazon-apprenticeship",
                "amazon-technical-academy",
                "associate2tech",
                "aws-training-and-certification",
                "career-choice",
            ],
        ),
        ("/programs?q=zzz-nothing", &[]),
    ];
    for (path, expected) in cases {
        assert_eq!(catalog(&app, path).await, expected, "{path}");
    }
}

#[actix_web::test]
async fn unknown_filter_values_are_ignored_rather_than_failing() {
    let app = spawn_app().await;
    app.browser.sign_in("fiona.associate@upskill.example").await;
    assert_eq!(catalog(&app, "/programs?kind=bogus&format=%C2%A0&eligible=yes").await.len(), 6);
    // A NUL byte is no filter value at all: the request can't be read.
    assert_eq!(app.browser.get("/programs?kind=bogus&format=%00").await.status(), StatusCode::BAD_REQUEST);
}

#[actix_web::test]
async fn the_filter_form_keeps_what_was_chosen_and_says_when_nothing_matches() {
    let app = spawn_app().await;
    app.browser.sign_in("fiona.associate@upskill.example").await;
    let (_, body) = app.browser.page("/programs?q=%3Cscript%3E&kind=cohort&eligible=1").await;
    assert_eq!(attribute_values(&body, "input[name='q']", "value"), ["<script>"]);
    assert!(!body.contains("<script>"), "the search text must be escaped");
    assert_eq!(attribute_values(&body, "select[name='kind'] option[selected]", "value"), ["cohort"]);
    assert_eq!(attribute_values(&body, "input[name='eligible'][checked]", "value"), ["1"]);
    assert_eq!(texts(&body, ".empty-state h2"), ["No programs match"]);
}

/// The eligibility badge of every demo person for every program (the rules of the six standard programs).
#[actix_web::test]
async fn each_demo_person_sees_the_right_eligibility_badge_on_each_program() {
    let app = spawn_app().await;
    // Columns: apprenticeship, technical academy, associate2tech, aws, career choice, mlu.
    let expected: [(&str, [&str; 6]); 8] = [
        ("ada.admin", ["eligible", "eligible", "ineligible", "eligible", "eligible", "ineligible"]),
        ("maria.manager", ["eligible", "eligible", "ineligible", "eligible", "eligible", "ineligible"]),
        ("tom.techlead", ["eligible", "ineligible", "ineligible", "eligible", "eligible", "eligible"]),
        ("fiona.associate", ["eligible", "eligible", "eligible", "eligible", "eligible", "ineligible"]),
        (
            "nate.newhire",
            ["eligible_from", "eligible_from", "eligible_from", "eligible", "eligible_from", "ineligible"],
        ),
        ("paula.parttime", ["eligible", "eligible", "ineligible", "eligible", "eligible", "ineligible"]),
        ("dev.engineer", ["eligible", "ineligible", "ineligible", "eligible", "eligible", "eligible"]),
        ("carl.corporate", ["eligible", "eligible", "ineligible", "eligible", "eligible", "ineligible"]),
    ];
    for (person, badges) in expected {
        let browser = app.new_browser();
        browser.sign_in(&format!("{person}@upskill.example")).await;
        let (_, body) = browser.page("/programs").await;
        let shown = attribute_values(&body, "li.program-card", "data-eligibility");
        assert_eq!(shown, badges, "{person}");
    }
}

#[actix_web::test]
async fn a_new_hire_sees_the_date_from_which_they_can_apply() {
    let app = spawn_app().await;
    app.browser.sign_in("nate.newhire@upskill.example").await;
    let (_, body) = app.browser.page("/programs/career-choice").await;
    let from = chrono::Utc::now().date_naive() + chrono::Days::new(60);
    let expected = format!("You can apply from {}", from.format("%-d %B %Y"));
    assert!(texts(&body, ".eligibility strong").contains(&expected), "{expected}");
    assert!(texts(&body, "a.button-primary").is_empty(), "no apply button before the date");
}

#[actix_web::test]
async fn ineligible_cards_give_the_reasons_in_words() {
    let app = spawn_app().await;
    app.browser.sign_in("dev.engineer@upskill.example").await;
    let (_, body) = app.browser.page("/programs?q=associate2tech").await;
    let reasons = texts(&body, ".eligibility-ineligible .reasons li");
    assert_eq!(
        reasons,
        [
            "Open to the Fulfillment job family; yours is Technical.",
            "Open to people working at a fulfillment center; you work at a tech hub."
        ]
    );
}

#[actix_web::test]
async fn the_detail_page_shows_description_funding_intakes_and_verdict() {
    let app = spawn_app().await;
    app.browser.sign_in("fiona.associate@upskill.example").await;
    let (status, body) = app.browser.page("/programs/amazon-apprenticeship").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(texts(&body, "h1"), ["Amazon Apprenticeship"]);
    assert!(texts(&body, ".prose p")[0].contains("Department of Labor"));
    assert_eq!(attribute_values(&body, "aside [data-eligibility]", "data-eligibility"), ["eligible"]);
    let seats_left = attribute_values(&body, "[data-seats-left]", "data-seats-left");
    assert_eq!(seats_left, ["1", "20"]);
    assert_eq!(attribute_values(&body, "a.button-primary", "href"), ["/programs/amazon-apprenticeship/apply"]);
    assert!(texts(&body, "#funding + p")[0].starts_with("Free to you"));
}

#[actix_web::test]
async fn tuition_funding_left_this_year_depends_on_employment_type() {
    let app = spawn_app().await;
    let year = chrono::Utc::now().date_naive().format("%Y").to_string();
    for (person, cap) in [("fiona.associate", "$5,250"), ("paula.parttime", "$2,625")] {
        let browser = app.new_browser();
        browser.sign_in(&format!("{person}@upskill.example")).await;
        let (_, body) = browser.page("/programs/career-choice").await;
        let expected = format!("You have {cap} of {cap} left for {year}.");
        assert!(texts(&body, "#funding ~ ul strong").contains(&expected), "{person}: {expected}");
    }
}

#[actix_web::test]
async fn an_unknown_program_is_a_404() {
    let app = spawn_app().await;
    app.browser.sign_in("fiona.associate@upskill.example").await;
    assert_eq!(app.browser.page("/programs/no-such-program").await.0, StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn a_draft_program_is_hidden_from_employees_but_previewable_by_admins() {
    use diesel::prelude::*;
    use upskill::db::schema::programs;
    let app = spawn_app().await;
    diesel::update(programs::table.filter(programs::slug.eq("associate2tech")))
        .set(programs::status.eq("draft"))
        .execute(&mut app.db())
        .unwrap();
    app.browser.sign_in("fiona.associate@upskill.example").await;
    assert!(!catalog(&app, "/programs").await.contains(&"associate2tech".to_owned()));
    assert_eq!(app.browser.page("/programs/associate2tech").await.0, StatusCode::NOT_FOUND);

    let admin = app.new_browser();
    admin.sign_in("ada.admin@upskill.example").await;
    let (status, body) = admin.page("/programs/associate2tech").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(attribute_values(&body, "aside [data-eligibility]", "data-eligibility"), ["ineligible"]);
}

#[actix_web::test]
async fn cards_and_the_program_page_show_where_my_application_stands_instead_of_apply() {
    let app = spawn_app().await;
    app.browser.sign_in("fiona.associate@upskill.example").await;
    let id = crate::helpers::apply_for_tuition(&app.browser).await;
    let submitted = chrono::Utc::now().date_naive().format("%-d %b").to_string();
    let (_, body) = app.browser.page("/programs").await;
    let card = "li[data-program='career-choice']";
    assert_eq!(texts(&body, &format!("{card} .your-application strong")), [format!("Applied — submitted {submitted}")]);
    assert_eq!(
        attribute_values(&body, &format!("{card} .your-application a"), "href"),
        [format!("/applications/{id}")]
    );
    assert_eq!(attribute_values(&body, card, "data-application-status"), ["submitted"]);
    assert!(texts(&body, &format!("{card} .eligibility")).iter().all(|t| !t.contains("You are eligible")));
    // The other cards still say whether Fiona can apply.
    assert_eq!(texts(&body, "li[data-program='associate2tech'] .eligibility strong"), ["You are eligible"]);

    let (_, page) = app.browser.page("/programs/career-choice").await;
    assert_eq!(texts(&page, "#verdict"), ["Your application"]);
    assert_eq!(texts(&page, "aside .your-application strong"), [format!("Applied — submitted {submitted}")]);
    assert!(attribute_values(&page, "a", "href").iter().all(|href| !href.ends_with("/apply")), "no Apply button");

    // Its state in words as it moves: the manager asks for changes.
    let maria = crate::helpers::signed_in(&app, "maria.manager").await;
    let version = crate::helpers::version_of(&app, id);
    let asked = maria
        .post_with_csrf(
            &format!("/applications/{id}/request-changes"),
            &[("version", &version), ("comment", "Add the course code.")],
        )
        .await;
    assert_eq!(asked.status(), StatusCode::SEE_OTHER);
    let (_, body) = app.browser.page("/programs").await;
    assert_eq!(texts(&body, &format!("{card} .your-application strong")), ["Changes requested — your turn"]);
}

#[actix_web::test]
async fn the_funding_left_counts_approved_and_pending_requests_in_the_year_of_their_term() {
    use chrono::Datelike;
    let app = spawn_app().await;
    app.browser.sign_in("fiona.associate@upskill.example").await;
    // A pending request for a term next January: next year's line goes down, not this year's.
    crate::helpers::apply_for_tuition(&app.browser).await;
    let year = chrono::Utc::now().date_naive().year();
    let (_, page) = app.browser.page("/programs/career-choice").await;
    let line = |year: i32| texts(&page, &format!("#funding ~ ul [data-funding-year='{year}']"));
    assert_eq!(line(year), [format!("You have $5,250 of $5,250 left for {year}.")]);
    assert_eq!(line(year + 1), [format!("You have $4,015.50 of $5,250 left for {}.", year + 1)]);
}

/// Each server keeps the published programs in memory: a change made beside it (here SQL
/// on its database, as `seed-programs` or an operator would make one) shows in the
/// catalog at the next view on SQLite, within a moment on PostgreSQL — archived, renamed,
/// published again.
#[actix_web::test]
async fn a_program_changed_beside_the_server_shows_in_its_catalog() {
    use diesel::prelude::*;
    use upskill::db::schema::programs;

    let app = spawn_app().await;
    app.browser.sign_in("fiona.associate@upskill.example").await;
    assert!(catalog(&app, "/programs").await.contains(&"career-choice".to_owned()));
    let changes: [(&str, &str, bool); 3] = [
        ("archived", "Career Choice", false),
        ("published", "Career Choice Plus", true),
        ("published", "Career Choice", true),
    ];
    for (status, name, expect_listed) in changes {
        diesel::update(programs::table.filter(programs::slug.eq("career-choice")))
            .set((programs::status.eq(status), programs::name.eq(name)))
            .execute(&mut app.db())
            .unwrap();
        let started = std::time::Instant::now();
        loop {
            let (_, body) = app.browser.page("/programs").await;
            let listed =
                attribute_values(&body, "li.program-card", "data-program").contains(&"career-choice".to_owned());
            let named = texts(&body, "li.program-card h2").iter().any(|heading| heading == name);
            if listed == expect_listed && (!expect_listed || named) {
                break;
            }
            assert!(started.elapsed() < std::time::Duration::from_secs(2), "{status} {name:?} not seen by the catalog");
            actix_web::rt::time::sleep(std::time::Duration::from_millis(20)).await;
        }
    }
}
