//! An employee's applications in Spanish: applying, the list, one application's page
//! and withdrawing, with the words of their handlers (flash messages, next steps).

use reqwest::StatusCode;

use crate::helpers::{
    application_id, attribute_values, location, signed_in, spanish_month, spawn_app, texts, MOTIVATION,
};

#[actix_web::test]
async fn applying_and_following_an_application_speak_spanish() {
    let app = spawn_app().await;
    let dev = signed_in(&app, "dev.engineer").await;
    let chosen = dev.post_with_csrf("/account/language", &[("locale", "es"), ("next", "/applications")]).await;
    assert_eq!(chosen.status(), StatusCode::SEE_OTHER);

    // Nothing yet: the empty list.
    let (status, body) = dev.page("/applications").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(attribute_values(&body, "html", "lang"), ["es"]);
    assert_eq!(texts(&body, "h1"), ["Mis solicitudes"]);
    assert_eq!(texts(&body, ".empty-state h2"), ["Todavía no se ha postulado a nada"]);

    // The form.
    let (status, body) = dev.page("/programs/machine-learning-university/apply").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(texts(&body, "h1"), ["Postularse a Machine Learning University"]);
    assert_eq!(texts(&body, ".breadcrumb [aria-current=page]"), ["Postularse"]);
    assert_eq!(texts(&body, ".form-actions button"), ["Enviar solicitud"]);
    assert!(body.contains("¿Por qué quiere hacer este programa?"), "{body}");
    assert!(body.contains("Entre 20 y 4000 caracteres. Lo lee su gerente."), "{body}");

    // Applying: the flash, the page, the list.
    let response =
        dev.post_with_csrf("/programs/machine-learning-university/apply", &[("motivation", MOTIVATION)]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let id = application_id(&response);
    let (_, body) = dev.page(&location(&response)).await;
    assert_eq!(attribute_values(&body, "html", "lang"), ["es"]);
    assert_eq!(texts(&body, "[role=status].flash"), ["Su solicitud fue enviada."]);
    assert_eq!(texts(&body, "h1"), ["Su solicitud para Machine Learning University"]);
    assert_eq!(texts(&body, "title"), [format!("Su solicitud {id} para Machine Learning University · Upskill")]);
    assert_eq!(texts(&body, ".lead"), ["Enviada Esperando a Tom Techlead"]);
    assert_eq!(texts(&body, "#details-heading"), ["Detalles"]);
    assert_eq!(texts(&body, "#timeline-heading"), ["Cronología"]);
    assert_eq!(texts(&body, "#actions-heading"), ["Lo que puede hacer"]);

    let (_, body) = dev.page("/applications").await;
    assert_eq!(texts(&body, "thead th"), ["Programa", "Estado", "Próximo paso", "Enviada"]);
    assert_eq!(texts(&body, ".next-step"), ["Esperando a Tom Techlead"]);

    // Withdrawing.
    let (status, body) = dev.page(&format!("/applications/{id}/withdraw")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(texts(&body, "h1"), ["¿Retirar su solicitud para Machine Learning University?"]);
    assert!(texts(&body, ".panel p")[0].starts_with("El estado de su solicitud es «enviada». Retirarla es definitivo"));
}

/// A tuition request in Spanish: each refusal in Spanish beside its field, the latest term
/// date written as Spanish writes dates, an amount with a decimal comma accepted, and the
/// amount shown back with its currency as Spanish pages show it.
#[actix_web::test]
async fn a_tuition_request_is_refused_and_accepted_in_spanish() {
    use chrono::{Datelike, Months};
    let app = spawn_app().await;
    let paula = signed_in(&app, "paula.parttime").await;
    paula.post_with_csrf("/account/language", &[("locale", "es"), ("next", "/")]).await;
    let today = chrono::Utc::now().date_naive();
    let too_far = format!("{}-01-15", today.year() + 2);
    let response = paula
        .post_with_csrf(
            "/programs/career-choice/apply",
            &[
                ("motivation", "corto"),
                ("institution", " "),
                ("course_title", "Cloud\u{0} Computing"),
                ("term_starts_on", &too_far),
                ("amount", "1.234,50"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = response.text().await.unwrap();
    assert_eq!(attribute_values(&body, "html", "lang"), ["es"]);
    let latest = today.checked_add_months(Months::new(12)).unwrap();
    let month = spanish_month(latest);
    let by = format!("{} de {month} de {}", latest.day(), latest.year());
    assert_eq!(
        texts(&body, ".error-summary li"),
        [
            "Complete el campo «nombre de la escuela o universidad».".to_owned(),
            "El campo «nombre del curso» contiene un carácter NUL, que no se puede guardar: quítelo.".to_owned(),
            format!("Solicite períodos que comiencen dentro de los próximos 12 meses (a más tardar el {by})."),
            "Marque la casilla para aceptar las condiciones del pago de la matrícula.".to_owned(),
            "Cuéntenos en al menos 20 caracteres por qué quiere hacer este programa (escribió 5).".to_owned(),
        ]
    );
    assert_eq!(attribute_values(&body, "#amount", "value"), ["1.234,50"], "what was typed is kept");

    let term = format!("{}-01-15", today.year() + 1);
    let response = paula
        .post_with_csrf(
            "/programs/career-choice/apply",
            &[
                ("motivation", MOTIVATION),
                ("institution", "Bellevue College"),
                ("course_title", "Cloud Computing Certificate"),
                ("term_starts_on", &term),
                ("amount", "1234,50"),
                ("accept_terms", "yes"),
            ],
        )
        .await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, body) = paula.page(&location(&response)).await;
    assert!(body.contains("US$1,234.50"), "the amount as Spanish pages write it");
    assert!(body.contains(&format!("15 de enero de {}", today.year() + 1)), "the term's start in Spanish");
}
