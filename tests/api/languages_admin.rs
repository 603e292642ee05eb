//! The administration's pages in Spanish: the navigation, the pledge dashboard and a
//! program's figures speak the request's language (their CSV exports stay English).

use reqwest::StatusCode;

use crate::helpers::{apply_for_tuition, attribute_values, signed_in, spawn_app, texts};

#[actix_web::test]
async fn the_dashboard_speaks_spanish() {
    let app = spawn_app().await;
    app.browser.sign_in("ada.admin@upskill.example").await;
    let (status, body) = app.browser.page_in("/admin", "es").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(attribute_values(&body, "html", "lang"), ["es"]);
    assert_eq!(texts(&body, "h1"), ["Tablero del compromiso"]);
    assert_eq!(attribute_values(&body, "nav.admin-nav", "aria-label"), ["Administración"]);
    let nav = texts(&body, ".admin-nav a");
    assert!(nav.contains(&"Tablero".to_owned()) && nav.contains(&"Registro de auditoría".to_owned()), "{nav:?}");
    assert!(texts(&body, ".pledge-card-title").contains(&"Empleados formados".to_owned()));
    assert_eq!(
        texts(&body, "#budgets-heading")[0].split(' ').take(3).collect::<Vec<_>>(),
        ["Presupuestos", "por", "programa"]
    );
    assert!(texts(&body, "#period label").iter().any(|label| label.starts_with("Primer mes")));
    assert_eq!(texts(&body, "[data-empty=charts] h3"), ["Todavía no hay solicitudes"]);
    for english in ["Pledge dashboard", "Employees trained", "Applications per month by status", "Budgets by program"] {
        assert!(!body.contains(english), "{english:?} left in English");
    }
    // The same page in English is as it was.
    let (_, english) = app.browser.page_in("/admin", "en").await;
    assert_eq!(texts(&english, "h1"), ["Pledge dashboard"]);
    assert_eq!(texts(&english, "[data-empty=charts] h3"), ["No applications yet"]);
}

#[actix_web::test]
async fn the_dashboards_charts_are_described_in_spanish() {
    let app = spawn_app().await;
    apply_for_tuition(&signed_in(&app, "fiona.associate").await).await;
    app.browser.sign_in("ada.admin@upskill.example").await;
    let (status, body) = app.browser.page_in("/admin", "es").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        texts(&body, "#funnel-desc"),
        ["1 solicitud enviada; 0 (0%) aprobadas, 0 (0%) completadas y 0 (0%) con cambio a un nuevo puesto."]
    );
    // Fiona works at a fulfillment center: its name is the vocabulary's, in Spanish.
    let sites = texts(&body, "#sites-desc").remove(0);
    assert!(sites.starts_with("Solicitudes por tipo de sede: Centro logístico (1), "), "{sites}");
    // The same page in English is as it was.
    let (_, english) = app.browser.page_in("/admin", "en").await;
    assert_eq!(
        texts(&english, "#funnel-desc"),
        ["1 application submitted; 0 (0%) approved, 0 (0%) completed and 0 (0%) moved into a new role."]
    );
    let sites = texts(&english, "#sites-desc").remove(0);
    assert!(sites.starts_with("Applications by site type: Fulfillment center 1, "), "{sites}");
}

#[actix_web::test]
async fn a_programs_figures_speak_spanish() {
    let app = spawn_app().await;
    app.browser.sign_in("ada.admin@upskill.example").await;
    let (status, body) = app.browser.page_in("/admin/programs/aws-training-and-certification/figures", "es").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(attribute_values(&body, "html", "lang"), ["es"]);
    assert!(texts(&body, "h1")[0].starts_with("Cifras de "), "{:?}", texts(&body, "h1"));
    assert_eq!(texts(&body, "#funnel-heading"), ["De la solicitud a un nuevo puesto"]);
    assert_eq!(texts(&body, "#cost-heading"), ["Costo por persona formada"]);
}
