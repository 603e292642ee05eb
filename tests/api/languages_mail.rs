//! Notices and e-mail in their reader's language: a notice keeps its message and is worded
//! when it is read or sent, so the same event reads in Spanish for one person and in
//! English for another, and in the new language after someone changes theirs. E-mail is
//! read back from a real SMTP server (`tests/smtp/capture.py`).

use std::time::{Duration, Instant};

use chrono::TimeDelta;
use diesel::prelude::*;
use reqwest::StatusCode;
use upskill::db::schema::outbox;
use upskill::i18n::Locale;

use crate::helpers::{
    apply_for_tuition, employee_id, html_lang, signed_in, spanish_month, spawn_app_with, texts, Browser,
};
use crate::mail::{app_sending_to, mail_settings, SmtpServer, PUBLIC_URL};

async fn choose_language(browser: &Browser, locale: &str) {
    let chosen = browser.post_with_csrf("/account/language", &[("locale", locale), ("next", "/")]).await;
    assert_eq!(chosen.status(), StatusCode::SEE_OTHER);
}

/// The notices of the inbox, as the page shows them.
async fn inbox(browser: &Browser) -> Vec<String> {
    let (status, page) = browser.page("/notifications").await;
    assert_eq!(status, StatusCode::OK);
    texts(&page, ".notification span[id^=notification-]")
}

#[actix_web::test]
async fn each_person_reads_the_same_event_in_their_own_language() {
    let mut smtp = SmtpServer::start(0);
    let app = app_sending_to(&smtp).await;
    let maria = signed_in(&app, "maria.manager").await;
    choose_language(&maria, "es").await;

    // Fiona reads English; Maria, who chose Spanish, is told of her application in Spanish.
    let fiona = signed_in(&app, "fiona.associate").await;
    let application = apply_for_tuition(&fiona).await;
    let mail = smtp.wait_for(1).await[0].clone();
    assert_eq!(mail.to, ["maria.manager@upskill.example"]);
    assert_eq!(mail.subject, "Upskill: Fiona Associate se postuló a Career Choice y espera su decisión.");
    assert!(mail.text.starts_with("Hola, Maria Manager:"), "{}", mail.text);
    assert!(mail.text.contains("Fiona Associate se postuló a Career Choice y espera su decisión."), "{}", mail.text);
    assert!(mail.text.contains(&format!("{PUBLIC_URL}/applications/{application}")), "{}", mail.text);
    assert!(mail.text.contains("Recibe este correo por sus solicitudes y aprobaciones en Upskill."), "{}", mail.text);
    assert!(!mail.text.contains("Hello") && !mail.text.contains("You receive"), "{}", mail.text);
    assert_eq!(html_lang(&mail.html), "es");
    assert!(mail.html.contains(">Abrir la solicitud</a>"), "{}", mail.html);
    assert!(mail.html.contains(">la página de su cuenta</a>"), "{}", mail.html);
    assert_eq!(inbox(&maria).await, ["Fiona Associate se postuló a Career Choice y espera su decisión."]);

    // Maria decides with a comment; Fiona's e-mail is English, as she chose none and the
    // server's default is English.
    let decided = maria
        .post_with_csrf(
            &format!("/applications/{application}/approve"),
            &[("version", "1"), ("comment", "Buena elección <b>")],
        )
        .await;
    assert_eq!(decided.status(), StatusCode::SEE_OTHER);
    let decision = smtp.wait_for(2).await[1].clone();
    assert_eq!(decision.to, ["fiona.associate@upskill.example"]);
    assert!(decision.text.starts_with("Hello Fiona Associate,"), "{}", decision.text);
    assert!(decision.subject.starts_with("Upskill: Maria Manager approved your application to Career Choice"));
    assert!(decision.text.contains(" Comment: “Buena elección <b>”"), "{}", decision.text);
    assert!(decision.html.contains("Comment: “Buena elección &#60;b&#62;”"), "{}", decision.html);
    assert_eq!(html_lang(&decision.html), "en");
    let english = inbox(&fiona).await;
    assert_eq!(english.len(), 1);
    assert!(english[0].starts_with("Maria Manager approved your application to Career Choice"), "{english:?}");

    // The notice was kept as a message: once Fiona chooses Spanish, it reads in Spanish.
    choose_language(&fiona, "es").await;
    let spanish = inbox(&fiona).await;
    assert!(spanish[0].starts_with("Maria Manager aprobó su solicitud a Career Choice"), "{spanish:?}");
    assert!(
        spanish[0].contains(": su plaza está confirmada. Comentario: «Buena elección <b>» Cuando termine,"),
        "{spanish:?}"
    );
    // Its English words stay in the row, for older versions and anyone reading the data.
    let fiona_id = employee_id(&app, "fiona.associate@upskill.example");
    let body: String = upskill::db::schema::notifications::table
        .filter(upskill::db::schema::notifications::employee_id.eq(fiona_id))
        .select(upskill::db::schema::notifications::body)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(body, english[0]);
}

#[actix_web::test]
async fn whoever_chose_no_language_is_written_to_in_the_servers_default() {
    let mut smtp = SmtpServer::start(0);
    let url = smtp.url();
    let app = spawn_app_with(|settings| {
        mail_settings(settings, &url);
        settings.default_locale = Locale::Es;
    })
    .await;
    let fiona = signed_in(&app, "fiona.associate").await;
    choose_language(&fiona, "en").await;
    let application = apply_for_tuition(&fiona).await;
    let mail = smtp.wait_for(1).await[0].clone();
    assert_eq!(mail.to, ["maria.manager@upskill.example"]);
    assert!(mail.text.starts_with("Hola, Maria Manager:"), "{}", mail.text);

    // Fiona chose English: the decision reaches her in English despite the default.
    let maria = signed_in(&app, "maria.manager").await;
    let decided = maria
        .post_with_csrf(&format!("/applications/{application}/reject"), &[("version", "1"), ("comment", "Not now.")])
        .await;
    assert_eq!(decided.status(), StatusCode::SEE_OTHER);
    let decision = smtp.wait_for(2).await[1].clone();
    assert_eq!(decision.to, ["fiona.associate@upskill.example"]);
    assert!(decision.subject.starts_with("Upskill: Maria Manager rejected your application to Career Choice."));
    assert!(decision.text.contains("Maria Manager rejected your application to Career Choice. Comment: “Not now.”"));
}

#[actix_web::test]
async fn a_daily_summary_in_spanish_counts_its_updates_and_dates_them() {
    let mut smtp = SmtpServer::start(0);
    let url = smtp.url();
    let app = spawn_app_with(|settings| {
        mail_settings(settings, &url);
        settings.mail.digest_hour = 0;
        settings.mail.remind_after_working_days = 0;
        settings.mail.escalate_after_working_days = 0;
    })
    .await;
    let maria = signed_in(&app, "maria.manager").await;
    choose_language(&maria, "es").await;
    assert_eq!(maria.post_with_csrf("/account/email", &[("delivery", "digest")]).await.status(), StatusCode::SEE_OTHER);
    // Mexico City keeps Central Standard Time all year: the digest's times say so.
    let zone = maria.post_with_csrf("/account/time-zone", &[("time_zone", "America/Mexico_City")]).await;
    assert_eq!(zone.status(), StatusCode::SEE_OTHER);
    let fiona = signed_in(&app, "fiona.associate").await;
    apply_for_tuition(&fiona).await;
    let paula = signed_in(&app, "paula.parttime").await;
    apply_for_tuition(&paula).await;

    let maria_id = employee_id(&app, "maria.manager@upskill.example");
    let yesterday = upskill::clock::now() - TimeDelta::days(1);
    diesel::update(outbox::table.filter(outbox::employee_id.eq(maria_id)))
        .set(outbox::created_at.eq(yesterday))
        .execute(&mut app.db())
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    let digest = loop {
        smtp.collect(Duration::from_millis(100)).await;
        if let Some(digest) = smtp.received.iter().find(|m| m.to == ["maria.manager@upskill.example"]) {
            break digest.clone();
        }
        assert!(Instant::now() < deadline, "no digest arrived");
    };
    assert_eq!(digest.subject, "Upskill: Su resumen diario: 2 novedades");
    assert!(digest.text.contains("Esto es lo que pasó en Upskill desde su último resumen."), "{}", digest.text);
    assert!(
        digest.text.contains("- Fiona Associate se postuló a Career Choice y espera su decisión. ("),
        "{}",
        digest.text
    );
    assert!(digest.text.contains("- Paula Parttime se postuló a Career Choice"), "{}", digest.text);
    // Each update says when, in Spanish words, on Maria's clock.
    let there = yesterday - TimeDelta::hours(6);
    let month = spanish_month(there);
    let day = format!("({} de {month} de {}", there.format("%-d"), there.format("%Y"));
    assert!(digest.text.contains(&day), "{day}: {}", digest.text);
    assert!(digest.text.contains(" CST)"), "{}", digest.text);
}
