//! What screen-reader, keyboard and zoom users need of the pages, checked in their HTML:
//! titles and headings that name the record, confirmation before archiving, required fields
//! marked, dates in words, the focus on a refused form's summary, and a form sent after its
//! session ended kept for its owner. (`accessibility.rs` measures the pages in a browser.)

use diesel::prelude::*;
use reqwest::StatusCode;
use upskill::db::schema::sessions;

use crate::helpers::{
    attribute_values, count_applications, form_fields, location, signed_in, spawn_app, texts, with_field, DEMO_PASSWORD,
};

/// A refused name must not rename the page: its title, heading and breadcrumb name the
/// stored record, whatever was typed.
#[actix_web::test]
async fn a_persons_page_refusing_an_empty_name_is_still_titled_by_the_stored_name() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let (_, page) = ada.page("/admin/employees/4").await;
    let name = texts(&page, "h1").remove(0);
    assert!(!name.is_empty());
    let fields = with_field(form_fields(&page, "form.stack"), "display_name", Some(""));
    let response = ada.submit("/admin/employees/4", &fields).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    assert_eq!(texts(&page, "title"), [format!("Error: {name} — people · Upskill")]);
    assert_eq!(texts(&page, "h1"), std::slice::from_ref(&name));
    assert_eq!(texts(&page, ".breadcrumb [aria-current=page]"), [name]);
    assert_eq!(attribute_values(&page, "#display_name", "value"), [""], "what was typed is shown again");
}

/// Archiving takes a program out of the catalog: the list links to a page that asks first,
/// and only that page's button archives.
#[actix_web::test]
async fn archiving_a_program_is_asked_for_on_a_page_of_its_own() {
    let app = spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let (_, list) = ada.page("/admin/programs").await;
    assert!(
        attribute_values(&list, "form", "action").iter().all(|a| !a.ends_with("/archive")),
        "no button archives at once"
    );
    let links = attribute_values(&list, "tr[data-program=associate2tech] a", "href");
    assert!(links.contains(&"/admin/programs/associate2tech/archive".to_owned()), "{links:?}");
    let (status, page) = ada.page("/admin/programs/associate2tech/archive").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(texts(&page, "h1"), ["Archive Associate2Tech?"]);
    assert!(texts(&page, ".archive-confirm p").join(" ").contains("out of the catalog"));
    assert_eq!(attribute_values(&page, "main form", "action"), ["/admin/programs/associate2tech/archive"]);
    let (_, catalog) = ada.page("/programs").await;
    assert!(catalog.contains("/programs/associate2tech\""), "still listed until confirmed");
    let response = ada.post_with_csrf("/admin/programs/associate2tech/archive", &[]).await;
    assert_eq!(location(&response), "/admin/programs");
    let (_, catalog) = ada.page("/programs").await;
    assert!(!catalog.contains("/programs/associate2tech\""));
    let (_, page) = ada.page("/admin/programs/associate2tech/archive").await;
    assert!(texts(&page, ".archive-confirm p").join(" ").contains("already archived"));
    assert!(attribute_values(&page, "main form", "action").is_empty());
}

/// Required fields are marked for everyone: a note at the top of the form, and `required`
/// with `aria-required` on each control; the form keeps `novalidate` so the server's
/// messages show.
#[actix_web::test]
async fn required_fields_are_marked_on_the_forms_people_fill() {
    let app = spawn_app().await;
    let paula = signed_in(&app, "paula.parttime").await;
    let maria = signed_in(&app, "maria.manager").await;
    let ada = signed_in(&app, "ada.admin").await;
    let forms = [
        (
            &paula,
            "/programs/career-choice/apply",
            "form.stack",
            &["institution", "course_title", "term_starts_on", "amount", "accept_terms", "motivation"][..],
        ),
        (&paula, "/programs/amazon-apprenticeship/apply", "form.stack", &["intake_id", "motivation"][..]),
        (&maria, "/team", "form[action='/team/delegations']", &["delegate_email", "starts_on", "ends_on"][..]),
        (&ada, "/admin/settings", "form.stack", &["target_employees", "budget", "deadline"][..]),
        (&ada, "/admin/provisioning", "form.stack", &["name"][..]),
        (
            &ada,
            "/admin/programs/amazon-apprenticeship/intakes",
            "section[aria-labelledby=new-intake] form",
            &["new-name", "new-starts_on", "new-seats"][..],
        ),
    ];
    for (browser, path, form, required) in forms {
        let (_, page) = browser.page(path).await;
        assert_eq!(
            texts(&page, &format!("{form} .required-note")),
            ["All fields are required unless marked (optional)."],
            "{path}"
        );
        assert_eq!(attribute_values(&page, form, "novalidate").len(), 1, "{path}");
        let marked = attribute_values(&page, &format!("{form} [required]"), "id");
        let marked: Vec<&str> = marked.iter().map(String::as_str).filter(|id| !id.starts_with("intake-")).collect();
        assert_eq!(marked, required, "{path}");
    }
    let (_, page) = paula.page("/programs/career-choice/apply").await;
    assert_eq!(attribute_values(&page, "#amount", "aria-required"), ["true"]);
    // A program nobody approves asks for no motivation: its field says "(optional)".
    let (_, page) = paula.page("/programs/aws-training-and-certification/apply").await;
    assert!(attribute_values(&page, "#motivation[required]", "id").is_empty());
    assert!(texts(&page, "label[for=motivation]")[0].ends_with("(optional)"));
}

/// Dates in hints and messages are written in words, as people read them, not in the
/// year-month-day form the date control hides.
#[actix_web::test]
async fn dates_in_hints_and_messages_are_written_in_words() {
    let app = spawn_app().await;
    let paula = signed_in(&app, "paula.parttime").await;
    let (_, page) = paula.page("/programs/career-choice/apply").await;
    let today = chrono::Utc::now().date_naive();
    let hint = texts(&page, "#term_starts_on-hint").remove(0);
    assert!(hint.starts_with(&format!("Between {} ", today.format("%-d %B %Y"))), "{hint}");
    let maria = signed_in(&app, "maria.manager").await;
    let response = maria
        .post_with_csrf("/team/delegations", &[("delegate_email", ""), ("starts_on", ""), ("ends_on", "soon")])
        .await;
    let page = response.text().await.unwrap();
    assert_eq!(
        texts(&page, ".error-summary a")[1..],
        ["Enter the first day of the delegation.", "Enter the last day as a real date, for example 15 January 2027."]
    );
}

/// Where the focus goes on load: the error summary of a refused form, not a live region
/// that screen readers skip.
#[actix_web::test]
async fn a_refused_forms_summary_takes_the_focus_on_load() {
    let app = spawn_app().await;
    let maria = signed_in(&app, "maria.manager").await;
    let response =
        maria.post_with_csrf("/team/delegations", &[("delegate_email", ""), ("starts_on", ""), ("ends_on", "")]).await;
    let page = response.text().await.unwrap();
    assert_eq!(attribute_values(&page, ".error-summary", "tabindex"), ["-1"]);
    assert_eq!(attribute_values(&page, ".error-summary", "autofocus").len(), 1);
    assert!(attribute_values(&page, ".error-summary", "role").is_empty());
    assert_eq!(attribute_values(&page, "[autofocus]", "class").len(), 1, "one element asks for the focus");
}

/// A form sent after the session ended is kept for its owner: the sign-in page says so,
/// and once they sign in again they send it from the page that shows what they typed.
/// Someone else signing in on that browser never sees it.
#[actix_web::test]
async fn a_form_sent_after_the_session_ended_is_kept_for_its_owner() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let path = "/programs/aws-training-and-certification/apply";
    let (_, page) = fiona.page(path).await;
    let motivation = "Cloud skills will help me automate the reports I build by hand.";
    let fields = with_field(form_fields(&page, "form.stack"), "motivation", Some(motivation));
    assert!(fields.iter().any(|(name, value)| name == "form_owner" && !value.is_empty()), "{fields:?}");
    let expire = |app: &crate::helpers::TestApp| {
        let long_ago = upskill::clock::now() - chrono::TimeDelta::hours(9);
        diesel::update(sessions::table).set(sessions::last_seen_at.eq(long_ago)).execute(&mut app.db()).unwrap();
    };
    expire(&app);
    let before = count_applications(&app);
    let response = fiona.submit(path, &fields).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let to_sign_in = location(&response);
    assert!(to_sign_in.starts_with("/login?next=") && to_sign_in.ends_with("&ended=kept"), "{to_sign_in}");
    let (_, sign_in) = fiona.page(&to_sign_in).await;
    let notice = texts(&sign_in, ".session-ended").join("");
    assert!(notice.starts_with("Your session ended before your form was sent."), "{notice}");
    assert_eq!(attribute_values(&sign_in, ".session-ended", "autofocus").len(), 1);

    // Fiona signs in again: she lands on her form, with what she typed, and sends it.
    let response = fiona.sign_in_with("fiona.associate@upskill.example", DEMO_PASSWORD, path).await;
    assert_eq!(location(&response), "/resume");
    let (status, resume) = fiona.page("/resume").await;
    assert_eq!(status, StatusCode::OK);
    assert!(texts(&resume, ".kept-fields dd").contains(&motivation.to_owned()));
    assert_eq!(attribute_values(&resume, "main form", "action"), [path]);
    let kept = form_fields(&resume, "main form");
    assert_eq!(count_applications(&app), before, "nothing was sent yet");
    let response = fiona.submit(path, &kept).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert!(location(&response).starts_with("/applications/"));
    assert_eq!(count_applications(&app), before + 1);
    // Shown once: the page goes home afterwards.
    assert_eq!(fiona.get("/resume").await.status(), StatusCode::SEE_OTHER);

    // Another person signing in on a browser with someone's kept form never sees it.
    let (_, page) = fiona.page("/programs/career-choice/apply").await;
    let fields = with_field(form_fields(&page, "form.stack"), "institution", Some("Seattle Central College"));
    expire(&app);
    fiona.submit("/programs/career-choice/apply", &fields).await;
    let response = fiona.sign_in_with("paula.parttime@upskill.example", DEMO_PASSWORD, "").await;
    assert_eq!(location(&response), "/");
    assert_eq!(location(&fiona.get("/resume").await), "/");
    let (_, home) = fiona.page("/").await;
    assert!(!home.contains("Seattle Central College"));
}
