//! No dead ends on an application's page: a closed application offers to apply again (or
//! says why not), an approved place offers to start the course, and a program that needs
//! no approval does not ask for a motivation that nobody reads.

use diesel::prelude::*;
use reqwest::StatusCode;
use upskill::db::schema::{applications, employees, programs};

use crate::approvals::{decide, tuition_request};
use crate::helpers::{apply, attribute_values, signed_in, spawn_app, status_of, texts};

#[actix_web::test]
async fn a_rejected_application_offers_to_apply_again_or_says_why_not() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let id = tuition_request(&fiona, "700").await;
    let maria = signed_in(&app, "maria.manager").await;
    assert_eq!(decide(&maria, &app, id, "reject", "Not this term.").await.status(), StatusCode::SEE_OTHER);

    let page = format!("/applications/{id}");
    let (_, body) = fiona.page(&page).await;
    assert_eq!(texts(&body, ".apply-again strong"), ["You can apply to Career Choice again."]);
    assert_eq!(attribute_values(&body, ".apply-again a", "href"), ["/programs/career-choice/apply"]);
    assert!(!body.contains("Nothing to do here"));
    // Maria, who rejected it, is not offered to apply.
    let (_, hers) = maria.page(&page).await;
    assert!(texts(&hers, ".apply-again").is_empty());

    // Applied again: the old page leads to the new application.
    let again = tuition_request(&fiona, "650").await;
    let (_, body) = fiona.page(&page).await;
    assert_eq!(texts(&body, ".apply-again strong"), ["You have applied to Career Choice again."]);
    assert_eq!(attribute_values(&body, ".apply-again a", "href"), [format!("/applications/{again}")]);

    // Not eligible any more (now part-time, and the program is for full-time people only): why not.
    let version = crate::helpers::version_of(&app, again);
    fiona.post_with_csrf(&format!("/applications/{again}/withdraw"), &[("version", &version)]).await;
    diesel::update(programs::table.filter(programs::slug.eq("career-choice")))
        .set(programs::full_time_only.eq(true))
        .execute(&mut app.db())
        .unwrap();
    diesel::update(employees::table.filter(employees::email.eq("fiona.associate@upskill.example")))
        .set(employees::employment_type.eq("part_time"))
        .execute(&mut app.db())
        .unwrap();
    let (_, body) = fiona.page(&page).await;
    assert_eq!(texts(&body, ".apply-again strong"), ["You can't apply to this program again now."]);
    assert_eq!(texts(&body, ".apply-again .reasons li").len(), 1);
    assert!(attribute_values(&body, ".apply-again a", "href").is_empty());
}

#[actix_web::test]
async fn a_program_without_approval_takes_an_empty_motivation_and_says_nobody_reads_it() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let (_, form) = fiona.page("/programs/aws-training-and-certification/apply").await;
    assert_eq!(texts(&form, "label[for='motivation']"), ["Why do you want to take this program? (optional)"]);
    assert!(
        texts(&form, "#motivation-hint")[0].starts_with("Optional, up to 4,000 characters. Nobody needs to approve")
    );
    let response =
        fiona.post_with_csrf("/programs/aws-training-and-certification/apply", &[("motivation", "  ")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let id = crate::helpers::application_id(&response);
    assert_eq!(status_of(&app, id), "approved");
    let motivation: String =
        applications::table.find(id).select(applications::motivation).first(&mut app.db()).unwrap();
    assert_eq!(motivation, "");
    let (_, page) = fiona.page(&format!("/applications/{id}")).await;
    assert_eq!(texts(&page, ".motivation"), ["None given."]);

    // Where someone approves, the motivation is still asked for, and the hint says who reads it.
    let (_, form) = fiona.page("/programs/career-choice/apply").await;
    assert_eq!(texts(&form, "#motivation-hint"), ["Between 20 and 4,000 characters. Your manager reads this."]);
    let (_, form) = fiona.page("/programs/amazon-apprenticeship/apply").await;
    assert_eq!(
        texts(&form, "#motivation-hint"),
        ["Between 20 and 4,000 characters. Your manager and the program team read this."]
    );
    let intake = crate::helpers::intake_ids(&app, "amazon-apprenticeship")[1].to_string();
    let response = fiona
        .post_with_csrf("/programs/amazon-apprenticeship/apply", &[("motivation", ""), ("intake_id", &intake)])
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[actix_web::test]
async fn an_approved_place_offers_to_start_the_course_where_the_program_has_a_link() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let aws = apply(&fiona, "aws-training-and-certification", &[]).await;
    let (_, page) = fiona.page(&format!("/applications/{aws}")).await;
    assert_eq!(attribute_values(&page, "a.start-course", "href"), ["https://skillbuilder.aws/"]);
    assert_eq!(texts(&page, "a.start-course"), ["Start the course"]);

    // Not before the place is confirmed, and not for someone else's place.
    let dev = signed_in(&app, "dev.engineer").await;
    let mlu = apply(&dev, "machine-learning-university", &[]).await;
    let (_, waiting) = dev.page(&format!("/applications/{mlu}")).await;
    assert!(attribute_values(&waiting, "a.start-course", "href").is_empty());
    let tom = signed_in(&app, "tom.techlead").await;
    assert_eq!(decide(&tom, &app, mlu, "approve", "").await.status(), StatusCode::SEE_OTHER);
    let (_, approved) = dev.page(&format!("/applications/{mlu}")).await;
    assert_eq!(attribute_values(&approved, "a.start-course", "href"), ["https://aws.amazon.com/machine-learning/mlu/"]);
    let (_, toms) = tom.page(&format!("/applications/{mlu}")).await;
    assert!(attribute_values(&toms, "a.start-course", "href").is_empty());
    // A program without a link offers none.
    let intake = crate::helpers::intake_ids(&app, "associate2tech")[1].to_string();
    let a2t = apply(&fiona, "associate2tech", &[("intake_id", &intake)]).await;
    diesel::update(applications::table.find(a2t))
        .set(applications::status.eq("approved"))
        .execute(&mut app.db())
        .unwrap();
    let (_, page) = fiona.page(&format!("/applications/{a2t}")).await;
    assert!(attribute_values(&page, "a.start-course", "href").is_empty());
}
