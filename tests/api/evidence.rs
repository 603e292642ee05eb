//! Files attached to an application: who attaches and who downloads, what a file must be
//! (its first bytes, not its name), the size limit to the byte, the order in which an
//! upload is judged (the CSRF token before the file, the limit as soon as it is passed),
//! the download's headers, and refusals that change nothing. The virus scanner's part is
//! in `virus_scan.rs`; the pages in a browser at the end of this file.

use std::io::{Read, Write};
use std::time::{Duration, Instant};

use diesel::prelude::*;
use reqwest::multipart::{Form, Part};
use reqwest::StatusCode;
use upskill::db::schema::{application_events, audit_log, evidence_files};

use crate::helpers::{
    apply_for_tuition, attribute_values, form_fields, location, signed_in, spawn_app, texts, version_of, Browser,
    TestApp,
};
use crate::state_snapshot::snapshot;

/// The largest file accepted: 10 MiB.
pub const LIMIT: usize = 10 * 1024 * 1024;

/// A small PDF of `size` bytes.
pub fn pdf(size: usize) -> Vec<u8> {
    let mut bytes = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n".to_vec();
    bytes.resize(size.max(bytes.len()), b' ');
    bytes
}

/// A PNG's first bytes (a 1×1 image's header) and some data.
pub fn png() -> Vec<u8> {
    let mut bytes = vec![0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, b'I', b'H', b'D', b'R'];
    bytes.extend_from_slice(&[0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);
    bytes
}

/// Sends the attach form of application `id` as a browser does: its fields as the page
/// has them, in order (the CSRF token first), the file where the file control is.
pub async fn attach(browser: &Browser, id: i32, name: &str, bytes: Vec<u8>) -> reqwest::Response {
    let (status, page) = browser.page(&format!("/applications/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    let mut form = Form::new();
    let mut file = Some(Part::bytes(bytes).file_name(name.to_owned()).mime_str("application/pdf").unwrap());
    for (field, value) in form_fields(&page, "form.attach-file") {
        if field == "file" {
            form = form.part("file", file.take().unwrap());
        } else {
            form = form.text(field, value);
        }
    }
    assert!(file.is_none(), "the page has no attach form with a file control");
    browser.client.post(browser.url(&format!("/applications/{id}/files"))).multipart(form).send().await.unwrap()
}

/// The stored files: (name, type, size), oldest first.
pub fn stored(app: &TestApp) -> Vec<(String, String, i64)> {
    evidence_files::table
        .order(evidence_files::id)
        .select((evidence_files::original_name, evidence_files::content_type, evidence_files::size_bytes))
        .load(&mut app.db())
        .unwrap()
}

/// The audit log's actions, oldest first.
pub fn audit_actions(app: &TestApp) -> Vec<String> {
    audit_log::table.order(audit_log::id).select(audit_log::action).load(&mut app.db()).unwrap()
}

/// The message at the file control of a page that refused a file.
pub async fn file_error(response: reqwest::Response) -> String {
    let page = response.text().await.unwrap();
    assert!(texts(&page, ".error-summary a[href='#file']").len() == 1, "no error summary: {page}");
    texts(&page, "#file-error").into_iter().next().unwrap_or_default()
}

/// Fiona, signed in, with a tuition request waiting on Maria.
async fn fiona_with_an_application(app: &TestApp) -> (Browser, i32) {
    let fiona = signed_in(app, "fiona.associate").await;
    let id = apply_for_tuition(&fiona).await;
    (fiona, id)
}

#[actix_web::test]
async fn an_owner_attaches_a_file_that_the_page_lists_and_the_timeline_and_audit_log_record() {
    let app = spawn_app().await;
    let (fiona, id) = fiona_with_an_application(&app).await;
    let (_, page) = fiona.page(&format!("/applications/{id}")).await;
    assert_eq!(texts(&page, ".files-empty")[0].split('.').next(), Some("No files attached yet"));
    assert_eq!(attribute_values(&page, "form.attach-file", "enctype"), ["multipart/form-data"]);
    assert_eq!(texts(&page, "form.attach-file #file-hint"), ["PDF, PNG or JPEG, up to 10 MiB."]);
    let fields: Vec<String> = form_fields(&page, "form.attach-file").into_iter().map(|(name, _)| name).collect();
    assert_eq!(fields.first().map(String::as_str), Some("csrf_token"), "the token comes first: {fields:?}");

    let response = attach(&fiona, id, "enrolment-letter.pdf", pdf(3000)).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&response), format!("/applications/{id}"));
    let (_, page) = fiona.page(&format!("/applications/{id}")).await;
    assert_eq!(texts(&page, "[role=status].flash"), ["“enrolment-letter.pdf” is attached."]);
    assert!(texts(&page, ".files-empty").is_empty());
    let listed = texts(&page, ".file-list li");
    assert_eq!(listed.len(), 1);
    assert!(listed[0].starts_with("enrolment-letter.pdf"), "{listed:?}");
    assert!(listed[0].contains("PDF, 3 KB · attached by Fiona Associate,"), "{listed:?}");
    let event = texts(&page, ".timeline-event p").into_iter().find(|t| t.contains("attached a file")).unwrap();
    // (`texts` puts a space between the name's element and the full stop after it.)
    assert_eq!(event.replace(" .", "."), "Fiona Associate attached a file: enrolment-letter.pdf.");
    assert_eq!(stored(&app), [("enrolment-letter.pdf".to_owned(), "pdf".to_owned(), 3000)]);
    // The file's event keeps the application where it was.
    let (from, to): (Option<String>, String) = application_events::table
        .filter(application_events::action.eq("file_attached"))
        .select((application_events::from_status, application_events::to_status))
        .first(&mut app.db())
        .unwrap();
    assert_eq!((from.as_deref(), to.as_str()), (Some("submitted"), "submitted"));
    let (action, subject, details): (String, String, String) = audit_log::table
        .order(audit_log::id.desc())
        .select((audit_log::action, audit_log::subject, audit_log::details))
        .first(&mut app.db())
        .unwrap();
    assert_eq!(action, "application.file_attached");
    assert_eq!(subject, "fiona.associate@upskill.example / career-choice");
    assert!(
        details.starts_with(&format!("application {id}: “enrolment-letter.pdf” (PDF, 3 KB, SHA-256 ")),
        "{details}"
    );

    // Her manager sees the list, without the form.
    let maria = signed_in(&app, "maria.manager").await;
    let (_, page) = maria.page(&format!("/applications/{id}")).await;
    assert_eq!(texts(&page, ".file-list li a").len(), 1);
    assert!(attribute_values(&page, "form.attach-file", "action").is_empty());
    crate::helpers::assert_stats_consistent(&app);
}

#[actix_web::test]
async fn the_owner_her_deciders_and_admins_download_and_nobody_else_learns_the_file_exists() {
    let app = spawn_app().await;
    let (fiona, id) = fiona_with_an_application(&app).await;
    let content = pdf(5000);
    assert_eq!(attach(&fiona, id, "letter.pdf", content.clone()).await.status(), StatusCode::SEE_OTHER);
    let file: i32 = evidence_files::table.select(evidence_files::id).first(&mut app.db()).unwrap();
    let path = format!("/applications/{id}/files/{file}");
    let (_, page) = fiona.page(&format!("/applications/{id}")).await;
    assert_eq!(attribute_values(&page, ".file-list a", "href"), std::slice::from_ref(&path));

    let download = |browser: &Browser| {
        let url = browser.url(&path);
        let client = browser.client.clone();
        async move {
            let response = client.get(url).send().await.unwrap();
            (response.status(), location(&response), response.bytes().await.unwrap().to_vec())
        }
    };
    for person in ["fiona.associate", "maria.manager", "ada.admin"] {
        let (status, _, body) = download(&signed_in(&app, person).await).await;
        assert_eq!(status, StatusCode::OK, "{person}");
        assert_eq!(body, content, "{person}");
    }
    let tom = signed_in(&app, "tom.techlead").await;
    for person in ["carl.corporate", "tom.techlead", "dev.engineer"] {
        let (status, _, body) = download(&signed_in(&app, person).await).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{person}");
        assert!(!body.starts_with(b"%PDF"), "{person}");
    }
    let (status, to, _) = download(&app.new_browser()).await;
    assert_eq!((status, to.starts_with("/login?next=")), (StatusCode::SEE_OTHER, true));
    // Maria's delegate of today decides in her place, and reads the file.
    let maria = signed_in(&app, "maria.manager").await;
    let today = chrono::Utc::now().date_naive().to_string();
    let delegation = [("delegate_email", "tom.techlead@upskill.example"), ("starts_on", &today), ("ends_on", &today)];
    assert_eq!(maria.post_with_csrf("/team/delegations", &delegation).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(download(&tom).await.0, StatusCode::OK);
    // A file is found only under its own application.
    let other = apply_for_tuition(&signed_in(&app, "paula.parttime").await).await;
    let ada = signed_in(&app, "ada.admin").await;
    assert_eq!(ada.get(&format!("/applications/{other}/files/{file}")).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(ada.get(&format!("/applications/{id}/files/{}", file + 1)).await.status(), StatusCode::NOT_FOUND);
}

#[actix_web::test]
async fn a_download_is_an_attachment_of_the_stored_type_that_nothing_sniffs_runs_or_keeps() {
    let app = spawn_app().await;
    let (fiona, id) = fiona_with_an_application(&app).await;
    let name = "Zeugnis für Ünal; 100% fertig.png";
    assert_eq!(attach(&fiona, id, name, png()).await.status(), StatusCode::SEE_OTHER);
    let file: i32 = evidence_files::table.select(evidence_files::id).first(&mut app.db()).unwrap();
    let response = fiona.get(&format!("/applications/{id}/files/{file}")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let header = |name: &str| response.headers().get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
    assert_eq!(header("content-type"), "image/png");
    assert_eq!(
        header("content-disposition"),
        "attachment; filename=\"Zeugnis f_r _nal_ 100_ fertig.png\"; \
         filename*=UTF-8''Zeugnis%20f%C3%BCr%20%C3%9Cnal%3B%20100%25%20fertig.png"
    );
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert_eq!(header("content-security-policy"), "sandbox");
    assert_eq!(header("cache-control"), "private, no-store");
    assert_eq!(response.bytes().await.unwrap().to_vec(), png());
}

#[actix_web::test]
async fn the_first_bytes_decide_what_a_file_is_whatever_its_name_says() {
    let app = spawn_app().await;
    let (fiona, id) = fiona_with_an_application(&app).await;
    assert_eq!(attach(&fiona, id, "scan.pdf", png()).await.status(), StatusCode::SEE_OTHER);
    assert_eq!(attach(&fiona, id, "letter.png", pdf(100)).await.status(), StatusCode::SEE_OTHER);
    let kinds: Vec<String> = stored(&app).into_iter().map(|(name, kind, _)| format!("{name}: {kind}")).collect();
    assert_eq!(kinds, ["scan.pdf: png", "letter.png: pdf"]);
    // Downloaded under a name that opens in the right program.
    let files: Vec<i32> =
        evidence_files::table.select(evidence_files::id).order(evidence_files::id).load(&mut app.db()).unwrap();
    let response = fiona.get(&format!("/applications/{id}/files/{}", files[0])).await;
    let disposition = response.headers()["content-disposition"].to_str().unwrap().to_owned();
    assert!(disposition.starts_with("attachment; filename=\"scan.pdf.png\""), "{disposition}");

    let before = snapshot(&app);
    let refusals: [(&str, Vec<u8>, &str); 5] = [
        ("letter.pdf", b"<!DOCTYPE html><html><body>Enrolment confirmed</body></html>".to_vec(), "holds web page code"),
        ("letter.pdf", b"Dear Maria, please find my letter attached.".to_vec(), "is not a PDF, PNG or JPEG image"),
        ("polyglot.pdf", b"%PDF-1.4\n<ScRiPt>fetch('/admin')</script>".to_vec(), "holds web page code"),
        ("image.png", [png(), b"<svg onload=alert(1)>".to_vec()].concat(), "holds web page code"),
        ("empty.pdf", Vec::new(), "The file is empty"),
    ];
    for (name, bytes, message) in refusals {
        let response = attach(&fiona, id, name, bytes).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{name}");
        let page = response.text().await.unwrap();
        assert!(texts(&page, "title")[0].starts_with("Error: "), "{name}");
        let shown = texts(&page, "#file-error").remove(0);
        assert!(shown.contains(message), "{name}: {shown}");
        assert_eq!(attribute_values(&page, "#file", "aria-invalid"), ["true"], "{name}");
        assert_eq!(texts(&page, ".error-summary a[href='#file']"), [shown], "{name}");
    }
    let not_a_pdf = attach(&fiona, id, "letter.pdf", b"<html>".to_vec()).await;
    assert!(file_error(not_a_pdf).await.starts_with("This file holds web page code"));
    let html = attach(&fiona, id, "letter.pdf", b"PK\x03\x04 a document".to_vec()).await;
    assert_eq!(file_error(html).await, "This file is not a PDF, PNG or JPEG image, whatever its name says. Save or export it as a PDF and attach that.");
    // No file chosen: the browser sends an empty part without a name.
    let token = fiona.csrf_token().await;
    let none = Form::new().text("csrf_token", token).part("file", Part::bytes(Vec::new()).file_name(""));
    let response =
        fiona.client.post(fiona.url(&format!("/applications/{id}/files"))).multipart(none).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(file_error(response).await, "Choose the file to attach.");
    assert_eq!(snapshot(&app), before, "a refused file changed what is stored");
}

#[actix_web::test]
async fn a_file_of_exactly_10_mib_is_attached_and_one_byte_more_is_refused_with_413() {
    let app = spawn_app().await;
    let (fiona, id) = fiona_with_an_application(&app).await;
    let response = attach(&fiona, id, "exactly-10-MiB.pdf", pdf(LIMIT)).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let size: i64 = evidence_files::table.select(evidence_files::size_bytes).first(&mut app.db()).unwrap();
    assert_eq!(size, LIMIT as i64);
    let before = snapshot(&app);
    let response = attach(&fiona, id, "one-byte-more.pdf", pdf(LIMIT + 1)).await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert!(file_error(response).await.starts_with("The file is larger than 10 MiB."));
    assert_eq!(snapshot(&app), before);
}

/// A raw HTTP request on its own connection: the attach form's head, then `body` (the
/// request's `Content-Length` says `declared`), then nothing more: the connection stays
/// open. Returns the status line of the answer and how long it took.
fn send_and_stall(app: &TestApp, browser: &Browser, id: i32, declared: usize, body: &[u8]) -> (String, Duration) {
    let address = app.address.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    let head = format!(
        "POST /applications/{id}/files HTTP/1.1\r\nHost: {address}\r\nCookie: {}\r\n\
         Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: {declared}\r\n\r\n",
        browser.jar_header("/")
    );
    let started = Instant::now();
    stream.write_all(head.as_bytes()).unwrap();
    // The server may stop reading, and answer, before the whole body is sent.
    let _ = stream.write_all(body);
    let mut answer = [0u8; 64];
    let n = stream.read(&mut answer).unwrap_or(0);
    let line = String::from_utf8_lossy(&answer[..n]).lines().next().unwrap_or("").to_owned();
    (line, started.elapsed())
}

/// A multipart part's head.
fn part_head(name: &str, file_name: Option<&str>) -> Vec<u8> {
    let file = file_name.map(|f| format!("; filename=\"{f}\"\r\nContent-Type: application/pdf")).unwrap_or_default();
    format!("--XyZ\r\nContent-Disposition: form-data; name=\"{name}\"{file}\r\n\r\n").into_bytes()
}

#[actix_web::test]
async fn the_token_is_checked_before_the_file_is_read_and_the_limit_as_soon_as_it_is_passed() {
    let app = spawn_app().await;
    let (fiona, id) = fiona_with_an_application(&app).await;
    let token = fiona.csrf_token().await;
    let before = snapshot(&app);
    let token_part = [part_head("csrf_token", None), format!("{token}\r\n").into_bytes()].concat();
    let file_head = part_head("file", Some("big.pdf"));
    let huge = 200 * 1024 * 1024;
    // Each body below stops halfway: an answer that waited for the rest would never come.
    let cut = [token_part.clone(), b"--Xy".to_vec()].concat();
    let cases: [(&str, usize, Vec<u8>, &str); 5] = [
        // Whole, as its Content-Length says, but cut in the middle of a boundary.
        ("a body that ends inside a boundary", cut.len(), cut.clone(), "400"),
        (
            "a wrong token first",
            huge,
            [part_head("csrf_token", None), b"wrong\r\n".to_vec(), file_head.clone()].concat(),
            "403",
        ),
        ("the file before the token", huge, [file_head.clone(), pdf(4096)].concat(), "403"),
        ("a Content-Length over the limit", huge, [token_part.clone(), file_head.clone()].concat(), "413"),
        (
            "one byte over the limit, then nothing",
            LIMIT + 64 * 1024,
            [token_part.clone(), file_head.clone(), pdf(LIMIT + 1)].concat(),
            "413",
        ),
    ];
    for (what, declared, body, status) in cases {
        let (line, took) = send_and_stall(&app, &fiona, id, declared, &body);
        assert!(line.starts_with(&format!("HTTP/1.1 {status}")), "{what}: {line:?} after {took:?}");
        assert!(took < Duration::from_secs(15), "{what}: {took:?}");
    }
    assert_eq!(snapshot(&app), before);
    // Without the token, or with one after the file, nothing is attached either.
    let url = fiona.url(&format!("/applications/{id}/files"));
    let file = || Part::bytes(pdf(100)).file_name("letter.pdf");
    let late = Form::new().part("file", file()).text("csrf_token", token.clone());
    assert_eq!(fiona.client.post(&url).multipart(late).send().await.unwrap().status(), StatusCode::FORBIDDEN);
    let missing = Form::new().part("file", file());
    assert_eq!(fiona.client.post(&url).multipart(missing).send().await.unwrap().status(), StatusCode::FORBIDDEN);
    let urlencoded = fiona.post_form(&format!("/applications/{id}/files"), &[("csrf_token", token.as_str())]).await;
    assert_eq!(urlencoded.status(), StatusCode::FORBIDDEN);
    assert_eq!(snapshot(&app), before);
}

#[actix_web::test]
async fn only_the_owner_attaches_and_only_while_the_application_is_open() {
    let app = spawn_app().await;
    let (fiona, id) = fiona_with_an_application(&app).await;
    let before = snapshot(&app);
    for person in ["maria.manager", "ada.admin", "carl.corporate"] {
        let browser = signed_in(&app, person).await;
        let token = browser.csrf_token().await;
        let form = Form::new().text("csrf_token", token).part("file", Part::bytes(pdf(100)).file_name("x.pdf"));
        let response = browser
            .client
            .post(browser.url(&format!("/applications/{id}/files")))
            .multipart(form)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{person}");
    }
    assert_eq!(snapshot(&app), before);
    assert_eq!(attach(&fiona, id, "before.pdf", pdf(100)).await.status(), StatusCode::SEE_OTHER);
    let withdraw = [("version", version_of(&app, id)), ("comment", String::new())];
    let withdraw: Vec<(&str, &str)> = withdraw.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let response = fiona.post_with_csrf(&format!("/applications/{id}/withdraw"), &withdraw).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    // The page of a withdrawn application lists its files and offers no form.
    let (_, page) = fiona.page(&format!("/applications/{id}")).await;
    assert_eq!(texts(&page, ".file-list li a").len(), 1);
    assert!(attribute_values(&page, "form.attach-file", "action").is_empty());
    let before = snapshot(&app);
    let token = fiona.csrf_token().await;
    let form = Form::new().text("csrf_token", token).part("file", Part::bytes(pdf(100)).file_name("after.pdf"));
    let response =
        fiona.client.post(fiona.url(&format!("/applications/{id}/files"))).multipart(form).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let page = response.text().await.unwrap();
    assert_eq!(
        texts(&page, "#files-problem"),
        ["This application is withdrawn: files can no longer be attached to it."]
    );
    assert_eq!(snapshot(&app), before);
}

#[actix_web::test]
async fn names_are_kept_without_folders_or_control_characters_and_the_body_cap_holds_elsewhere() {
    let app = spawn_app().await;
    let (fiona, id) = fiona_with_an_application(&app).await;
    let long = format!("{}.pdf", "very-long-name-".repeat(20));
    for name in ["C:\\fakepath\\letter.pdf", "../../etc/letter.pdf", "let\u{202e}ter.pdf", "..", long.as_str()] {
        assert_eq!(attach(&fiona, id, name, pdf(100)).await.status(), StatusCode::SEE_OTHER, "{name}");
    }
    let names: Vec<String> = stored(&app).into_iter().map(|(name, ..)| name).collect();
    assert_eq!(names[..4], ["letter.pdf", "letter.pdf", "letter.pdf", "attachment.pdf"]);
    assert_eq!(names[4].chars().count(), 120);
    assert!(names[4].starts_with("very-long-name-") && names[4].ends_with(".pdf"), "{}", names[4]);
    // The files' own limit is theirs: every other form keeps the app-wide cap.
    let cap = upskill::startup::MAX_BODY_BYTES;
    let big = "x".repeat(cap + 1);
    let response = fiona.post_with_csrf(&format!("/applications/{id}/withdraw"), &[("comment", big.as_str())]).await;
    assert_eq!(response.status(), StatusCode::PAYLOAD_TOO_LARGE);
}

/// The focused element: its id, or its tag and text; and whether it shows a focus ring.
const FOCUSED: &str = "const e = document.activeElement; const s = getComputedStyle(e); \
    return [e.id || e.tagName.toLowerCase() + ':' + e.textContent.trim(), \
            s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 || s.boxShadow !== 'none'];";

/// A key pressed on the keyboard, to whatever has the focus (sent to a file control as
/// text, it would be taken for a file's name).
async fn press(d: &crate::browser::Driver, key: fantoccini::key::Key) {
    use fantoccini::actions::{InputSource, KeyAction, KeyActions};
    let value = char::from(key);
    let actions = KeyActions::new("keyboard".into()).then(KeyAction::Down { value }).then(KeyAction::Up { value });
    d.client.perform_actions(actions).await.unwrap();
}

#[actix_web::test]
#[ignore = "needs chromium and chromium-driver (installed by .ci/run)"]
async fn a_file_is_attached_with_the_keyboard_at_1280_and_375_pixels_and_her_manager_finds_it() {
    use crate::browser::{assert_fits, in_browser_on};
    use fantoccini::key::Key;
    let app = spawn_app().await;
    let (_, id) = fiona_with_an_application(&app).await;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("enrolment-letter-bellevue-college-winter-term.pdf");
    std::fs::write(&file, pdf(48_000)).unwrap();
    let page = format!("/applications/{id}");
    in_browser_on(app, "evidence", |d| async move {
        d.sign_in("fiona.associate@upskill.example").await;
        for width in [1280u32, 375] {
            d.client.set_window_size(width, 900).await.unwrap();
            d.visit(&page).await;
            assert_eq!(d.texts("label[for=file]").await, ["Attach a file"]);
            assert_eq!(d.attr("#file", "aria-describedby").await, "file-hint");
            // The file control is one Tab stop, then the button; both show their focus.
            d.client.execute("document.getElementById('file').focus();", vec![]).await.unwrap();
            let seen = d.client.execute(FOCUSED, vec![]).await.unwrap();
            assert_eq!((seen[0].as_str(), seen[1].as_bool()), (Some("file"), Some(true)), "at {width}px");
            let input = d.client.find(fantoccini::Locator::Css("#file")).await.unwrap();
            input.send_keys(&file.display().to_string()).await.unwrap();
            press(&d, Key::Tab).await;
            let seen = d.client.execute(FOCUSED, vec![]).await.unwrap();
            assert_eq!((seen[0].as_str(), seen[1].as_bool()), (Some("button:Attach the file"), Some(true)));
            d.client.execute("window.__upskillOldPage = true;", vec![]).await.unwrap();
            press(&d, Key::Enter).await;
            let started = Instant::now();
            let old_page = "return window.__upskillOldPage === true;";
            while d.client.execute(old_page, vec![]).await.map(|v| v == true).unwrap_or(true) {
                assert!(started.elapsed() < Duration::from_secs(15), "Enter did not send the form");
                actix_web::rt::time::sleep(Duration::from_millis(50)).await;
            }
            assert_eq!(d.path().await, page);
            let flash = d.texts(".flash-message").await;
            assert_eq!(flash, ["“enrolment-letter-bellevue-college-winter-term.pdf” is attached."]);
            if width == 375 {
                assert_fits(&d, &format!("{page} with a file")).await;
            }
            match std::env::var("UPSKILL_SCREENSHOTS") {
                Ok(dir) if width == 1280 => {
                    // The page as `docs/screenshots/evidence-upload.png` shows it, whole.
                    let height = "return document.documentElement.scrollHeight;";
                    let height = d.client.execute(height, vec![]).await.unwrap().as_u64().unwrap_or(900);
                    d.client.set_window_size(1280, height.clamp(600, 4000) as u32).await.unwrap();
                    actix_web::rt::time::sleep(Duration::from_millis(300)).await;
                    let png = d.client.screenshot().await.unwrap();
                    std::fs::write(std::path::PathBuf::from(dir).join("evidence-upload.png"), png).unwrap();
                }
                _ => {}
            }
        }
        assert_eq!(d.texts(".file-list li").await.len(), 2);
        d.client.set_window_size(1280, 900).await.unwrap();
        d.sign_out().await;
        d.sign_in("maria.manager@upskill.example").await;
        d.visit(&page).await;
        let links = d.texts(".file-list li a").await;
        assert_eq!(links.len(), 2);
        assert!(links[0].starts_with("enrolment-letter-bellevue-college-winter-term.pdf"), "{links:?}");
        assert!(d.texts("form.attach-file").await.is_empty(), "only the owner attaches");
        d
    })
    .await;
}
