//! Languages: the pages that run programs (the program list and form, a program's
//! intakes, tuition payments, verification, provisioning, proposals) in Spanish.

use reqwest::StatusCode;

use crate::helpers::{attribute_values, spawn_app, texts};

#[actix_web::test]
async fn the_program_pages_speak_spanish() {
    let app = spawn_app().await;
    app.browser.sign_in("ada.admin@upskill.example").await;

    let (status, list) = app.browser.page_in("/admin/programs", "es").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(attribute_values(&list, "html", "lang"), ["es"]);
    assert_eq!(texts(&list, "h1"), ["Programas"]);
    assert_eq!(texts(&list, "a.button-primary"), ["Nuevo programa"]);
    assert_eq!(texts(&list, "caption"), ["Todos los programas con sus solicitudes por estado"]);
    assert!(texts(&list, "th").contains(&"En revisión".to_owned()));
    assert!(texts(&list, ".program-status").contains(&"publicado".to_owned()));

    let (status, form) = app.browser.page_in("/admin/programs/new", "es").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(texts(&form, "h1"), ["Nuevo programa"]);
    let legends = texts(&form, "legend");
    assert!(legends.contains(&"Quién puede postularse".to_owned()), "{legends:?}");
    assert!(legends.contains(&"Financiamiento".to_owned()), "{legends:?}");
    assert!(texts(&form, "label").contains(&"Solo empleados de tiempo completo".to_owned()));
    assert!(texts(&form, "option").contains(&"A su ritmo".to_owned()));
    assert!(texts(&form, "button").contains(&"Crear borrador".to_owned()));

    let (status, intakes) = app.browser.page_in("/admin/programs/amazon-apprenticeship/intakes", "es").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(texts(&intakes, "h2#new-intake"), ["Agregar una convocatoria"]);
    assert!(texts(&intakes, "h3").contains(&"Lista de espera, en orden".to_owned()));
    assert!(texts(&intakes, "option").contains(&"Por orden de llegada".to_owned()));
}
