//! Languages: which one a request is answered in (the account's choice, the footer's
//! cookie, the browser's languages, `--default-locale`), the pages that speak it, and the
//! catalogs' own checks (every template word from a catalog, every message id a template
//! names in the catalogs).

use std::collections::BTreeSet;

use diesel::prelude::*;
use reqwest::StatusCode;
use upskill::db::schema::{audit_log, employees};

use crate::helpers::{attribute_values, html_lang, location, spawn_app, spawn_app_with, texts, Browser};

/// A page read with an `Accept-Language` header: status, `Content-Language`, body.
async fn page_in(browser: &Browser, path: &str, accept_language: &str) -> (StatusCode, String, String) {
    let response =
        browser.client.get(browser.url(path)).header("Accept-Language", accept_language).send().await.unwrap();
    let status = response.status();
    let content_language =
        response.headers().get("content-language").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    (status, content_language, response.text().await.unwrap())
}

#[actix_web::test]
async fn the_catalog_speaks_the_browsers_language_with_its_plurals() {
    let app = spawn_app().await;
    app.browser.sign_in("fiona.associate@upskill.example").await;
    let (status, content_language, body) = page_in(&app.browser, "/programs", "es-MX,es;q=0.9,en;q=0.8").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!((content_language.as_str(), html_lang(&body).as_str()), ("es", "es"));
    assert_eq!(texts(&body, "h1"), ["Programas"]);
    assert_eq!(texts(&body, "title"), ["Programas · Upskill"]);
    assert_eq!(texts(&body, ".lead"), ["6 programas pagados por la empresa. Cada tarjeta indica si puede postularse."]);
    assert_eq!(texts(&body, ".result-count"), ["6 programas mostrados"]);
    assert!(texts(&body, ".site-nav a").contains(&"Mis solicitudes".to_owned()));
    assert_eq!(attribute_values(&body, "form.filters", "aria-label"), ["Filtrar programas"]);
    assert_eq!(attribute_values(&body, "input[name=q]", "placeholder"), ["Nombre, proveedor o tema"]);
    let tags = texts(&body, ".card-meta .tag");
    assert!(tags.contains(&"A su ritmo".to_owned()) && tags.contains(&"Presencial".to_owned()), "{tags:?}");
    // One program shown: the singular.
    let (_, _, one) = page_in(&app.browser, "/programs?q=Apprenticeship", "es").await;
    assert_eq!(texts(&one, ".result-count"), ["1 programa mostrado"]);
    let (_, _, one) = page_in(&app.browser, "/programs?q=Apprenticeship", "en").await;
    assert_eq!(texts(&one, ".result-count"), ["1 program shown"]);

    // Quality values decide, not the order; a language without a catalog is passed over.
    let (_, content_language, _) = page_in(&app.browser, "/programs", "en;q=0.5, fr;q=1, es;q=0.9").await;
    assert_eq!(content_language, "es");
    let (_, content_language, body) = page_in(&app.browser, "/programs", "fr, de;q=0.9").await;
    assert_eq!((content_language.as_str(), html_lang(&body).as_str()), ("en", "en"));
    assert_eq!(texts(&body, "h1"), ["Programs"]);
}

#[actix_web::test]
async fn the_accounts_choice_wins_over_the_browser_and_follows_the_person() {
    let app = spawn_app().await;
    app.browser.sign_in("fiona.associate@upskill.example").await;
    // The footer offers each language, named in itself; the current one is marked.
    let (_, _, body) = page_in(&app.browser, "/programs", "en").await;
    assert_eq!(texts(&body, ".language-switcher [aria-current]"), ["English"]);
    assert_eq!(attribute_values(&body, ".language-switcher button", "lang"), ["es"]);
    assert_eq!(attribute_values(&body, ".language-switcher input[name=next]", "value"), ["/programs"]);

    let response =
        app.browser.post_with_csrf("/account/language", &[("locale", "es"), ("next", "/programs?q=AWS")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/programs?q=AWS");
    let (_, content_language, body) = page_in(&app.browser, "/programs?q=AWS", "en-US,en;q=0.9").await;
    assert_eq!(content_language, "es", "the account's choice, whatever the browser says");
    assert_eq!(texts(&body, ".flash"), ["Upskill ahora le habla en español, en todos sus navegadores."]);
    let stored: Option<String> = employees::table
        .filter(employees::email.eq("fiona.associate@upskill.example"))
        .select(employees::locale)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(stored.as_deref(), Some("es"));
    let audited: Vec<String> = audit_log::table
        .filter(audit_log::action.eq("account.language"))
        .select(audit_log::details)
        .load(&mut app.db())
        .unwrap();
    assert_eq!(audited, ["es"]);

    // Another browser of hers, and her error pages, speak it too.
    let other = app.new_browser();
    other.sign_in("fiona.associate@upskill.example").await;
    let (status, _, body) = page_in(&other, "/programs/no-such-program", "en").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(texts(&body, "h1"), ["Página no encontrada"]);
    assert_eq!(html_lang(&body), "es");

    // "As my browser asks" gives the choice back to the browser.
    let response = app.browser.post_with_csrf("/account/language", &[("locale", ""), ("next", "/programs")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, content_language, _) = page_in(&app.browser, "/programs", "en").await;
    assert_eq!(content_language, "en");

    // A language without a catalog, or a foreign address to go back to, changes nothing.
    let refused = app.browser.post_with_csrf("/account/language", &[("locale", "fr")]).await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST);
    let refused = app.browser.post_with_csrf("/account/language", &[("locale", "en-XA")]).await;
    assert_eq!(refused.status(), StatusCode::BAD_REQUEST, "the pseudo-locale is for tests, never a choice");
    let response =
        app.browser.post_with_csrf("/account/language", &[("locale", "es"), ("next", "//elsewhere.example")]).await;
    assert_eq!(location(&response), "/account");
}

#[actix_web::test]
async fn a_visitor_picks_a_language_in_the_footer_without_signing_in() {
    let app = spawn_app().await;
    let (_, _, body) = page_in(&app.browser, "/nowhere?x=1&y=2", "en").await;
    assert_eq!(texts(&body, "h1"), ["Page not found"]);
    let links = attribute_values(&body, ".language-switcher a", "href");
    assert_eq!(links, ["/language/es?next=/nowhere%3Fx%3D1%26y%3D2"]);
    let (_, _, body) = page_in(&app.browser, "/nowhere", "en").await;
    let links = attribute_values(&body, ".language-switcher a", "href");
    assert_eq!(links, ["/language/es?next=/nowhere"]);
    let response = app.browser.get(&links[0]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), "/nowhere");
    let cookie = response.headers().get("set-cookie").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
    assert!(cookie.starts_with("upskill_lang=es") && cookie.contains("HttpOnly"), "{cookie}");
    let (status, content_language, body) = page_in(&app.browser, "/nowhere", "en").await;
    assert_eq!((status, content_language.as_str()), (StatusCode::NOT_FOUND, "es"));
    assert_eq!(texts(&body, "h1"), ["Página no encontrada"]);
    assert_eq!(texts(&body, "a.button"), ["Ir a la página de inicio"]);

    // Only the catalogs' languages, and only back to this site.
    assert_eq!(app.browser.get("/language/fr").await.status(), StatusCode::NOT_FOUND);
    let response = app.browser.get("/language/en?next=https://elsewhere.example/").await;
    assert_eq!(location(&response), "/");
    let response = app.browser.get("/language/en?next=%2F%2Felsewhere.example").await;
    assert_eq!(location(&response), "/");
}

#[actix_web::test]
async fn the_servers_default_language_serves_whoever_asks_for_none_it_has() {
    let app = spawn_app_with(|settings| settings.default_locale = upskill::i18n::Locale::Es).await;
    let (_, content_language, body) = page_in(&app.browser, "/nowhere", "de").await;
    assert_eq!((content_language.as_str(), html_lang(&body).as_str()), ("es", "es"));
    let (_, content_language, _) = page_in(&app.browser, "/nowhere", "en-GB").await;
    assert_eq!(content_language, "en");
}

#[actix_web::test]
async fn the_pseudo_locale_lengthens_every_word_of_the_catalog_page() {
    let app = spawn_app().await;
    app.browser.sign_in("fiona.associate@upskill.example").await;
    let (_, content_language, body) = page_in(&app.browser, "/programs", "en-XA").await;
    assert_eq!((content_language.as_str(), html_lang(&body).as_str()), ("en-XA", "en-XA"));
    // The words of the page, not the programs' own texts (as their administrators wrote
    // them) nor the eligibility reasons (not in a catalog yet).
    let own = [".page-title", ".lead", ".result-count", ".site-nav a", ".propose h2", ".filters label", ".tag"];
    for selector in own {
        for text in texts(&body, selector) {
            assert!(
                !text.is_ascii() || !text.chars().any(|c| c.is_ascii_alphabetic()),
                "{selector}: {text:?} does not come from a catalog"
            );
        }
    }
}

/// A template without its comments, tags (`{% %}`) and expressions (`{{ }}`).
fn without_template_syntax(source: &str) -> String {
    let mut out = String::new();
    let mut rest = source;
    while let Some(start) = rest.find('{').filter(|&i| matches!(rest.as_bytes().get(i + 1), Some(b'{' | b'%' | b'#'))) {
        out.push_str(&rest[..start]);
        let close = match rest.as_bytes()[start + 1] {
            b'{' => "}}",
            b'%' => "%}",
            _ => "#}",
        };
        rest = match rest[start + 2..].find(close) {
            Some(end) => &rest[start + 2 + end + 2..],
            None => "",
        };
        out.push(' ');
    }
    out.push_str(rest);
    out
}

/// The words a template shows of its own: text between tags, and the text of the
/// attributes people read (`aria-label`, `title`, `placeholder`, `alt`).
fn own_words(source: &str) -> Vec<String> {
    let plain = without_template_syntax(source);
    let mut words = Vec::new();
    let mut rest = plain.as_str();
    while !rest.is_empty() {
        let (raw, tag) = match rest.find('<') {
            Some(open) => {
                let close = rest[open..].find('>').map_or(rest.len(), |end| open + end + 1);
                (&rest[..open], &rest[open..close])
            }
            None => (rest, ""),
        };
        // Entities (`&nbsp;`, `&middot;`) are not words.
        let text: String = raw
            .split('&')
            .enumerate()
            .map(|(i, part)| if i == 0 { part } else { part.split_once(';').map_or(part, |(_, after)| after) })
            .collect();
        let text = without_markup_attributes(&text);
        if text.chars().any(|c| c.is_alphabetic()) {
            words.push(text.split_whitespace().collect::<Vec<_>>().join(" "));
        }
        for attribute in [" aria-label=\"", " title=\"", " placeholder=\"", " alt=\""] {
            if let Some(at) = tag.find(attribute) {
                let value: String = tag[at + attribute.len()..].chars().take_while(|c| *c != '"').collect();
                if value.chars().any(|c| c.is_alphabetic()) {
                    words.push(format!("{}{value}\"", attribute.trim_start()));
                }
            }
        }
        rest = &rest[raw.len() + tag.len()..];
    }
    words
}

/// Text without the attributes a macro writes outside a tag for the tag its caller opens
/// (`_forms.html`'s `aria`: ` aria-invalid="true"`), unless they are ones people read.
fn without_markup_attributes(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("=\"") {
        let name_start = rest[..at].rfind(|c: char| !(c.is_ascii_lowercase() || c == '-')).map_or(0, |i| i + 1);
        let name = &rest[name_start..at];
        let value_end = rest[at + 2..].find('"').map_or(rest.len(), |end| at + 2 + end + 1);
        let read_by_people = ["aria-label", "title", "placeholder", "alt"].contains(&name);
        if name.is_empty() || read_by_people {
            out.push_str(&rest[..value_end]);
        } else {
            out.push_str(&rest[..name_start]);
        }
        rest = &rest[value_end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn templates_show_no_word_of_their_own() {
    let mut templates = Vec::new();
    all_templates(std::path::Path::new("templates"), &mut templates);
    let names: Vec<String> = templates
        .iter()
        .map(|path| path.strip_prefix("templates").unwrap().to_string_lossy().trim_start_matches('/').to_owned())
        .collect();
    assert!(names.iter().any(|n| n == "email/message.txt"), "the scan reads every template, e-mail's too");
    let mut found = Vec::new();
    for name in &names {
        let source = std::fs::read_to_string(format!("templates/{name}")).unwrap();
        for words in own_words(&source) {
            found.push(format!("templates/{name}: {words}"));
        }
    }
    assert!(found.is_empty(), "text that does not come from a catalog:\n{}", found.join("\n"));
    // The scan finds what it must.
    assert_eq!(own_words("<p>{{ t.m(\"x\") }} Hello</p>"), ["Hello"]);
    assert_eq!(own_words("<a title=\"Go\" href=\"/\">{{ x }}</a>"), ["title=\"Go\""]);
    assert!(own_words("<p>{{ x }}&nbsp;·&middot;{# a note #}{% if y %}</p>").is_empty());
    assert!(own_words("{% if e %} aria-invalid=\"true\" aria-describedby=\"{{ id }}-error\"{% endif %}").is_empty());
    assert_eq!(own_words(" title=\"Go\""), ["title=\"Go\""]);
}

/// The message ids templates and code name (`.m("…")`, `.count("…"`, `.with("…"`,
/// `Message::new("…")`, a term `"term-…"`; `.label(…)` aside).
fn message_ids_in(source: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let calls =
        [".m(\"", ".count(\"", ".with(\"", ".count_with(\"", ".with_two(\"", ".args(\"", "Message::new(\"", "\"term-"];
    for call in calls {
        let mut rest = source;
        while let Some(at) = rest.find(call) {
            rest = &rest[at + call.len()..];
            let id: String = rest.chars().take_while(|c| *c != '"').collect();
            ids.push(if call == "\"term-" { format!("term-{id}") } else { id });
        }
    }
    ids
}

fn all_templates(dir: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            all_templates(&path, found);
        } else {
            found.push(path);
        }
    }
}

#[test]
fn every_message_a_template_or_the_code_names_is_in_the_catalogs() {
    let english: BTreeSet<String> = std::fs::read_dir("locales/en")
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .flat_map(|file| {
            std::fs::read_to_string(file)
                .unwrap()
                .lines()
                .filter_map(|line| line.split_once(" =").map(|(id, _)| id.trim().to_owned()))
                .filter(|id| !id.is_empty() && !id.starts_with('#') && !id.contains(' '))
                .collect::<Vec<_>>()
        })
        .collect();
    let mut files = Vec::new();
    all_templates(std::path::Path::new("templates"), &mut files);
    all_templates(std::path::Path::new("src"), &mut files);
    let mut missing = Vec::new();
    let mut named = 0;
    // The catalogs' own module names ids only in its examples.
    for file in files.into_iter().filter(|file| !file.starts_with("src/i18n")) {
        let source = std::fs::read_to_string(&file).unwrap();
        for id in message_ids_in(&source) {
            named += 1;
            if !english.contains(&id) {
                missing.push(format!("{}: {id}", file.display()));
            }
        }
    }
    assert!(named > 50, "the scan found only {named} message names");
    assert!(missing.is_empty(), "named but in no catalog:\n{}", missing.join("\n"));
}
