//! An employee's own pages in Spanish: home, account, password form (with its error
//! summary, from the shared form pieces), a program's page, notifications and the learning
//! record.

use reqwest::StatusCode;

use crate::helpers::{attribute_values, html_lang, spawn_app, texts};

#[actix_web::test]
async fn an_employees_pages_speak_spanish() {
    let app = spawn_app().await;
    app.browser.sign_in("fiona.associate@upskill.example").await;
    let chosen = app.browser.post_with_csrf("/account/language", &[("locale", "es"), ("next", "/")]).await;
    assert_eq!(chosen.status(), StatusCode::SEE_OTHER);

    let (status, home) = app.browser.page("/").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(html_lang(&home), "es");
    assert_eq!(texts(&home, "title"), ["Inicio · Upskill"]);
    assert_eq!(texts(&home, "h1"), ["Hola, Fiona"]);
    assert_eq!(texts(&home, ".lead"), ["Desarrolle sus habilidades con programas pagados por la empresa."]);
    assert!(
        texts(&home, ".stat-label").contains(&"notificaciones sin leer".to_owned()),
        "{:?}",
        texts(&home, ".stat-label")
    );

    let (_, account) = app.browser.page("/account").await;
    assert_eq!(texts(&account, "h1"), ["Su cuenta"]);
    assert!(texts(&account, "h2").contains(&"Dónde tiene la sesión iniciada".to_owned()));
    assert!(texts(&account, "button").contains(&"Cerrar sesión en todas partes".to_owned()));

    // A refused password form: the title, the error summary and the field's message.
    let refused = app
        .browser
        .post_with_csrf(
            "/account/password",
            &[
                ("current_password", "not-my-password"),
                ("new_password", "a long new passphrase to remember"),
                ("new_password_again", "a long new passphrase to remember"),
            ],
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let refused = refused.text().await.unwrap();
    assert_eq!(texts(&refused, "title"), ["Error: Cambiar su contraseña · Upskill"]);
    assert_eq!(texts(&refused, "#error-summary-title"), ["Corrija 1 campo:"]);
    assert_eq!(texts(&refused, ".error-summary li"), ["Esta no es su contraseña actual."]);
    assert_eq!(
        texts(&refused, ".required-note"),
        ["Todos los campos son obligatorios, salvo los marcados como (opcional)."]
    );
    assert_eq!(attribute_values(&refused, "nav.breadcrumb", "aria-label"), ["Ruta de navegación"]);

    let (_, program) = app.browser.page("/programs/amazon-apprenticeship").await;
    assert_eq!(html_lang(&program), "es");
    assert!(texts(&program, "h2").contains(&"Acerca del programa".to_owned()));
    assert!(texts(&program, "h2").contains(&"¿Puedo postularme?".to_owned()));
    assert!(texts(&program, "#funding + p")[0].starts_with("Gratis para usted"));
    assert_eq!(texts(&program, "a.button-primary"), ["Postularse a Amazon Apprenticeship"]);

    let (_, tuition) = app.browser.page("/programs/career-choice").await;
    let year = chrono::Utc::now().date_naive().format("%Y").to_string();
    let expected = format!("Le quedan US$5,250 de US$5,250 para {year}.");
    assert!(texts(&tuition, "#funding ~ ul strong").contains(&expected), "{expected}");

    let (_, inbox) = app.browser.page("/notifications").await;
    assert_eq!(texts(&inbox, "h1"), ["Notificaciones"]);

    let (_, record) = app.browser.page("/account/learning-record").await;
    assert_eq!(texts(&record, "h1"), ["Su historial de formación"]);
}
