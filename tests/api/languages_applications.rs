//! An employee's applications in Spanish: applying, the list, one application's page
//! and withdrawing, with the words of their handlers (flash messages, next steps).

use reqwest::StatusCode;

use crate::helpers::{application_id, attribute_values, location, signed_in, spawn_app, texts, MOTIVATION};

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
