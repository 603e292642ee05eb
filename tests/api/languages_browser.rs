//! The pages people use most, in Spanish and in the pseudo-locale (`en-XA`, a third longer
//! and accented), in Chromium at 1280 and 375 pixels: axe-core finds nothing serious, the
//! page never scrolls sideways and no table or label is cut off by its container.

use crate::browser::{axe, axe_source, in_browser_on, Driver, OVERFLOWING};
use crate::helpers::{apply_for_tuition, signed_in, spawn_app};

/// What the page at the current width does wrong: wider than the window, or an element
/// past its container's edges.
async fn layout_problems(d: &Driver, width: i64, what: &str) -> Vec<String> {
    let scroll = d.client.execute("return document.documentElement.scrollWidth;", vec![]).await.unwrap();
    let scroll = scroll.as_i64().unwrap_or(i64::MAX);
    let mut problems = Vec::new();
    if scroll > width {
        problems.push(format!("{what}: {scroll}px wide in a {width}px window"));
    }
    let found = d.client.execute(OVERFLOWING, vec![]).await.unwrap();
    for element in found.as_array().into_iter().flatten().filter_map(|v| v.as_str()) {
        problems.push(format!("{what}: {element}"));
    }
    problems
}

/// Checks the current page at both widths, in `tag`.
async fn check_page(d: &Driver, source: &str, tag: &str, page: &str, report: &mut Vec<String>) {
    for (width, height) in [(1280, 900), (375, 800)] {
        d.client.set_window_size(width, height).await.unwrap();
        let what = format!("{page} in {tag} at {width}px");
        let lang = d.attr("html", "lang").await;
        if lang != tag {
            report.push(format!("{what}: <html lang={lang}>"));
        }
        report.extend(layout_problems(d, i64::from(width), &what).await);
        for (rule, impact, nodes, help) in axe(d, source).await {
            if impact == "serious" || impact == "critical" {
                report.push(format!("{what}: {impact} {rule} ({nodes} node(s)): {help}"));
            }
        }
    }
}

#[actix_web::test]
#[ignore = "needs chromium, chromium-driver and axe-core (installed by .ci/run)"]
async fn spanish_and_the_pseudo_locale_pass_axe_and_fit_at_1280_and_375_pixels() {
    let app = spawn_app().await;
    // Something in Maria's queue and on the dashboard; Paula's tuition form stays free.
    let fiona = signed_in(&app, "fiona.associate").await;
    apply_for_tuition(&fiona).await;
    let source = axe_source();
    in_browser_on(app, "languages", |d| async move {
        let mut report = Vec::new();
        for tag in ["es", "en-XA"] {
            // The footer's switcher (a cookie): the demo people chose no language.
            d.visit(&format!("/language/{tag}?next=/login")).await;
            d.sign_in("paula.parttime@upskill.example").await;
            d.visit("/programs").await;
            check_page(&d, &source, tag, "catalog", &mut report).await;
            d.visit("/programs/career-choice/apply").await;
            d.fill("#amount", "12.345").await;
            d.click("form.stack button[type=submit]").await;
            let summary = d.texts("#error-summary-title").await;
            assert_eq!(summary.len(), 1, "the apply form refused the amount in {tag}");
            check_page(&d, &source, tag, "apply errors", &mut report).await;
            d.client.set_window_size(1280, 900).await.unwrap();
            d.sign_out().await;
            d.sign_in("maria.manager@upskill.example").await;
            d.visit("/approvals").await;
            check_page(&d, &source, tag, "approvals", &mut report).await;
            d.client.set_window_size(1280, 900).await.unwrap();
            d.sign_out().await;
            d.sign_in("ada.admin@upskill.example").await;
            d.visit("/admin").await;
            check_page(&d, &source, tag, "dashboard", &mut report).await;
            d.client.set_window_size(1280, 900).await.unwrap();
            d.sign_out().await;
        }
        assert!(report.is_empty(), "in Spanish and en-XA:\n{}", report.join("\n"));
        d
    })
    .await;
}
