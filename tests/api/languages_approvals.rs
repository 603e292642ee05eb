//! Languages on the sign-in pages, the approvals and the team pages, and the proposals:
//! in Spanish through the real routes, for a visitor (the footer's cookie) and for a
//! person signed in (`Accept-Language`).

use reqwest::StatusCode;

use crate::helpers::{apply, attribute_values, html_lang, signed_in, spawn_app, texts};

#[actix_web::test]
async fn a_visitor_signs_in_in_spanish() {
    let app = spawn_app().await;
    // The footer's link: every page of this browser is in Spanish from now on.
    assert_eq!(app.browser.get("/language/es?next=/login").await.status(), StatusCode::SEE_OTHER);
    let (status, body) = app.browser.page("/login").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(html_lang(&body), "es");
    assert_eq!(texts(&body, "title"), ["Iniciar sesión · Upskill"]);
    assert_eq!(texts(&body, "h1"), ["Iniciar sesión"]);
    assert_eq!(
        texts(&body, ".lead"),
        ["Use su dirección de correo electrónico del trabajo y su contraseña de Upskill."]
    );
    assert_eq!(texts(&body, "label"), ["Correo electrónico del trabajo", "Contraseña"]);
    assert_eq!(texts(&body, ".auth-aside a"), ["¿Olvidó su contraseña o nunca tuvo una?"]);

    let refused = app.browser.sign_in_with("fiona.associate@upskill.example", "not her password", "/").await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    let body = refused.text().await.unwrap();
    let title = texts(&body, "title").remove(0);
    assert!(title.starts_with("Error") && title.ends_with(": Iniciar sesión · Upskill"), "{title}");
    assert_eq!(texts(&body, ".error-summary"), ["El correo electrónico o la contraseña no son correctos."]);

    // The welcome, and the farewell.
    app.browser.sign_in("fiona.associate@upskill.example").await;
    let (_, home) = app.browser.page("/").await;
    assert_eq!(texts(&home, "[role=status].flash"), ["Le damos la bienvenida, Fiona Associate."]);
    let response = app.browser.post_with_csrf("/logout", &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, body) = app.browser.page("/login").await;
    assert_eq!(texts(&body, "[role=status].flash"), ["Cerró la sesión."]);

    // A link that no longer works, and the forgotten password.
    let (status, gone) = app.new_browser().page_in("/welcome/no-such-link", "es-MX,es;q=0.9").await;
    assert_eq!((status, html_lang(&gone).as_str()), (StatusCode::NOT_FOUND, "es"));
    assert_eq!(texts(&gone, "h1"), ["Este enlace ya no funciona"]);
    assert_eq!(texts(&gone, "a.button"), ["Envíenme un enlace nuevo"]);
    let (_, forgot) = app.new_browser().page_in("/forgot-password", "es").await;
    assert_eq!(texts(&forgot, "h1"), ["¿Olvidó su contraseña?"]);
    assert_eq!(texts(&forgot, ".auth-aside a"), ["Volver a iniciar sesión"]);
}

#[actix_web::test]
async fn a_manager_reads_the_queue_and_the_team_in_spanish() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    apply(&fiona, "aws-training-and-certification", &[]).await;
    let maria = signed_in(&app, "maria.manager").await;
    let (status, body) = maria.page_in("/approvals", "es").await;
    assert_eq!((status, html_lang(&body).as_str()), (StatusCode::OK, "es"));
    assert_eq!(texts(&body, "h1"), ["Aprobaciones"]);
    assert!(texts(&body, ".lead")[0].contains("su decisión"), "{:?}", texts(&body, ".lead"));
    assert_eq!(attribute_values(&body, "form.filters", "aria-label"), ["Filtrar la cola"]);

    let (status, team) = maria.page_in("/team", "es").await;
    assert_eq!((status, html_lang(&team).as_str()), (StatusCode::OK, "es"));
    assert_eq!(texts(&team, "h1"), ["Mi equipo"]);
    assert_eq!(texts(&team, "thead th"), ["Persona", "Solicitudes"]);
    assert_eq!(texts(&team, "#delegation-heading"), ["Mientras usted no está"]);
    assert_eq!(texts(&team, "tbody [data-status]"), ["Aprobada"]);
    assert_eq!(texts(&team, "button.button-primary"), ["Designar a la persona delegada"]);
}

#[actix_web::test]
async fn a_proposer_reads_the_proposal_pages_in_spanish() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let (status, list) = fiona.page_in("/proposals", "es").await;
    assert_eq!((status, html_lang(&list).as_str()), (StatusCode::OK, "es"));
    assert_eq!(texts(&list, "h1"), ["Mis propuestas"]);
    assert_eq!(texts(&list, ".empty-state"), ["Todavía no propuso ningún programa."]);
    let (_, form) = fiona.page_in("/proposals/new", "es").await;
    assert_eq!(texts(&form, "h1"), ["Proponer un programa"]);
    assert!(texts(&form, "label").contains(&"Nombre del programa".to_owned()));
    assert_eq!(texts(&form, "button.button-primary"), ["Enviar la propuesta"]);
}
