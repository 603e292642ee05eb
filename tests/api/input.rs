//! What people type, and what a crafted request carries: control characters, NUL bytes
//! and invisible characters are refused with a message on the field (or the 400 page in
//! an address), and a text saved unchanged stays unchanged, paragraphs and all.

use diesel::prelude::*;
use reqwest::StatusCode;
use upskill::db::schema::{applications, audit_log, employees, intakes, programs};

use crate::helpers::{form_fields, intake_ids, person_record, signed_in, spawn_app, texts, with_field, TestApp};

fn stored_names(app: &TestApp) -> Vec<String> {
    employees::table.select(employees::display_name).load(&mut app.db()).unwrap()
}

#[actix_web::test]
async fn a_name_with_a_line_break_a_nul_or_an_invisible_character_is_refused_on_its_field() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let (path, fields) = person_record(&app, &ada, "nate.newhire@upskill.example").await;
    let before = stored_names(&app);
    for (name, message) in [
        ("Nate\r\nBcc: everyone@upskill.example", "The name must fit on one line: remove the line breaks."),
        ("Nate\u{0}", "The name contains a NUL character, which can't be stored: remove it."),
        ("Ada\u{200b} Admin", "invisible character"),
        ("\u{202e}nimdA adA", "invisible character"),
    ] {
        let response = ada.submit(&path, &with_field(fields.clone(), "display_name", Some(name))).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{name:?}");
        let body = response.text().await.unwrap();
        assert!(
            texts(&body, "#display_name-error")[0].contains(message),
            "{name:?}: {:?}",
            texts(&body, ".field-error")
        );
    }
    let response = ada.submit(&path, &with_field(fields.clone(), "job_title", Some("Lead\tEngineer"))).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let look_alike = "ada.admin\u{200b}@upskill.example";
    let response = ada.submit(&path, &with_field(fields, "manager_email", Some(look_alike))).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(texts(&response.text().await.unwrap(), "#manager_email-error")[0].contains("invisible character"));
    assert_eq!(stored_names(&app), before, "nothing was stored");
}

#[actix_web::test]
async fn a_nul_byte_in_a_motivation_or_an_intake_name_gets_the_fields_message_on_both_backends() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let motivation = "I want to move into a technical role\u{0} next year.";
    let response =
        fiona.post_with_csrf("/programs/aws-training-and-certification/apply", &[("motivation", motivation)]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = response.text().await.unwrap();
    assert_eq!(
        texts(&body, "#motivation-error"),
        ["The motivation contains a NUL character, which can't be stored: remove it."]
    );
    let count: i64 = applications::table.count().get_result(&mut app.db()).unwrap();
    assert_eq!(count, 0);

    let ada = signed_in(&app, "ada.admin").await;
    let later = (chrono::Utc::now().date_naive() + chrono::Days::new(200)).to_string();
    let path = "/admin/programs/associate2tech/intakes";
    let response = ada
        .post_with_csrf(path, &[("intake_id", ""), ("name", "Autumn\u{0}"), ("starts_on", &later), ("seats", "5")])
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = response.text().await.unwrap();
    assert_eq!(
        texts(&body, "#new-name-error"),
        ["The name contains a NUL character, which can't be stored: remove it."]
    );
    assert_eq!(intake_ids(&app, "associate2tech").len(), 2);
    let names: Vec<String> = intakes::table.select(intakes::name).load(&mut app.db()).unwrap();
    assert!(names.iter().all(|n| !n.contains('\0')));
}

#[actix_web::test]
async fn a_nul_byte_in_a_field_its_page_does_not_check_is_a_400_and_changes_nothing() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let id = crate::helpers::apply_for_tuition(&fiona).await;
    let maria = signed_in(&app, "maria.manager").await;
    let (id_text, version) = (id.to_string(), crate::helpers::version_of(&app, id));
    let version_field = format!("version_{id}");
    let fields = [("application_id", id_text.as_str()), (&version_field, &version), ("comment", "Approved\u{0}")];
    let response = maria.post_with_csrf("/approvals/approve", &fields).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(texts(&response.text().await.unwrap(), "h1"), ["The request could not be read"]);
    assert_eq!(crate::helpers::status_of(&app, id), "submitted");
}

#[actix_web::test]
async fn a_nul_or_control_character_in_a_search_box_is_the_400_page() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    for path in [
        "/admin/employees?q=ada%00",
        "/admin/audit?subject=%00",
        "/programs?q=a%00b",
        "/admin/applications?program=%0Aa",
        "/admin/employees?q=%C2%85",
        "/programs/career%00choice",
    ] {
        let response = ada.get(path).await;
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{path}");
        assert!(response.headers().contains_key("content-security-policy"), "{path}");
        assert_eq!(texts(&response.text().await.unwrap(), "h1"), ["The request could not be read"], "{path}");
    }
    // Text that merely looks odd is searched for.
    assert_eq!(ada.get("/admin/employees?q=%E2%80%8B").await.status(), StatusCode::OK);
}

#[actix_web::test]
async fn a_look_alike_address_is_refused_for_a_delegate() {
    let app = spawn_app().await;
    let maria = signed_in(&app, "maria.manager").await;
    let today = chrono::Utc::now().date_naive();
    let response = maria
        .post_with_csrf(
            "/team/delegations",
            &[
                ("delegate_email", "tom.techlead@upskill\u{200d}.example"),
                ("starts_on", &today.to_string()),
                ("ends_on", &(today + chrono::Days::new(3)).to_string()),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(texts(&response.text().await.unwrap(), "#delegate_email-error")[0].contains("invisible character"));
}

/// The description as the program form's textarea sends it back: with CRLF line endings,
/// as browsers send every textarea.
fn as_a_browser_sends(fields: Vec<(String, String)>) -> Vec<(String, String)> {
    fields.into_iter().map(|(name, value)| (name, value.replace("\r\n", "\n").replace('\n', "\r\n"))).collect()
}

#[actix_web::test]
async fn saving_a_program_unchanged_records_no_change_and_keeps_its_paragraphs() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let path = "/admin/programs/career-choice/edit";
    let description: String = programs::table
        .filter(programs::slug.eq("career-choice"))
        .select(programs::description)
        .first(&mut app.db())
        .unwrap();
    assert!(description.contains("\n\n"), "the seed has paragraphs: {description:?}");
    let (_, form) = ada.page(path).await;
    let fields = as_a_browser_sends(form_fields(&form, "form.program-form"));
    assert!(fields.iter().any(|(name, value)| name == "description" && value.contains("\r\n\r\n")));
    for _ in 0..2 {
        assert_eq!(ada.submit(path, &fields).await.status(), StatusCode::SEE_OTHER);
    }
    let saved: String = programs::table
        .filter(programs::slug.eq("career-choice"))
        .select(programs::description)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(saved, description, "the text is stored as it was");
    let details: Vec<String> = audit_log::table
        .filter(audit_log::action.eq("program.updated"))
        .select(audit_log::details)
        .load(&mut app.db())
        .unwrap();
    assert_eq!(details, ["no change", "no change"]);

    let fiona = signed_in(&app, "fiona.associate").await;
    let (_, page) = fiona.page("/programs/career-choice").await;
    let paragraphs = description.split("\n\n").count();
    assert_eq!(texts(&page, ".prose p").len(), paragraphs, "{page}");
    // A program stored with CRLF line endings by an older version shows its paragraphs too.
    diesel::update(programs::table.filter(programs::slug.eq("career-choice")))
        .set(programs::description.eq(description.replace('\n', "\r\n")))
        .execute(&mut app.db())
        .unwrap();
    let (_, page) = fiona.page("/programs/career-choice").await;
    assert_eq!(texts(&page, ".prose p").len(), paragraphs);
}
