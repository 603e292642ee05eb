//! The form fuzzer: every form of the application gets thousands of submissions built from
//! its real fields (read from the page, as a browser would) and mixed with the Big List of
//! Naughty Strings (`tests/data/blns.json`, MIT) and NUL, control and invisible characters,
//! over-long values, wrong types, missing and duplicated fields, broken URL-encoding and
//! bodies over the size cap. No answer may be a 5xx, a rejected form is a 4xx that shows
//! the form again, a body over the cap is a 413, no one-line value is stored with a control
//! or invisible character, and whatever was stored is shown escaped on every page.

use std::time::Instant;

use diesel::prelude::*;
use reqwest::StatusCode;

use crate::helpers::{form_fields, signed_in, spawn_app, spawn_app_with, Browser, TestApp};

/// Submissions per form (`UPSKILL_FUZZ_SUBMISSIONS` to change).
fn submissions() -> usize {
    std::env::var("UPSKILL_FUZZ_SUBMISSIONS").ok().and_then(|n| n.parse().ok()).unwrap_or(2_000)
}

/// The largest accepted request body (`startup::MAX_BODY_BYTES`).
const BODY_CAP: usize = upskill::startup::MAX_BODY_BYTES;

/// A small deterministic generator: the same run every time.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Characters that must be refused or kept out of one-line values: NUL, line breaks and
/// other controls, and invisible characters that make look-alike names.
const HOSTILE: [&str; 16] = [
    "\u{0}",
    "Ada\u{0}Admin",
    "Eve\r\nBcc: everyone@upskill.example",
    "\n",
    "tab\tinside",
    "\u{1b}[31mred",
    "\u{7f}",
    "\u{85}next line",
    "line\u{2028}separator",
    "Ada\u{200b}Admin",
    "\u{202e}nimdA adA",
    "\u{2066}isolated\u{2069}",
    "\u{feff}bom",
    "Ada\u{200d}Admin",
    "ada.admin\u{200b}@upskill.example",
    "Two paragraphs.\r\n\r\nThe second one.",
];

fn naughty_strings() -> Vec<String> {
    let text = include_str!("../data/blns.json");
    let mut strings: Vec<String> = serde_json::from_str(text).expect("tests/data/blns.json is a JSON list of strings");
    // Often enough to reach every field a few hundred times.
    for _ in 0..10 {
        strings.extend(HOSTILE.iter().map(|s| (*s).to_owned()));
    }
    strings
}

/// Stored one-line values that hold a control or invisible character (none may).
fn stored_hostile_text(app: &TestApp) -> Vec<String> {
    use diesel::prelude::*;
    use upskill::db::schema::{employees, intakes, programs};
    let conn = &mut app.db();
    let mut values: Vec<String> = employees::table.select(employees::display_name).load(conn).unwrap();
    values.extend(employees::table.select(employees::job_title).load::<String>(conn).unwrap());
    values.extend(programs::table.select(programs::name).load::<String>(conn).unwrap());
    values.extend(programs::table.select(programs::provider).load::<String>(conn).unwrap());
    values.extend(intakes::table.select(intakes::name).load::<String>(conn).unwrap());
    values.retain(|v| upskill::domain::text::check_line(v).is_err());
    values
}

const WRONG_TYPES: [&str; 16] = [
    "abc",
    "-1",
    "0",
    "1e9",
    "NaN",
    "99999999999999999999999",
    "2026-02-30",
    "26/11/2026",
    "yes please",
    "true",
    "null",
    "[]",
    "{}",
    "0x10",
    "１２３",
    "\u{0}",
];

/// Percent-encodes every byte but the unreserved ones.
fn encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// One mutated submission of a form whose valid fields are `valid`.
fn mutate(valid: &[(String, String)], dice: &mut Dice, naughty: &[String]) -> Vec<u8> {
    let mut pairs: Vec<(String, String)> = Vec::new();
    for (name, value) in valid {
        if name == "csrf_token" {
            pairs.push((name.clone(), value.clone()));
            continue;
        }
        let roll = dice.below(100);
        match roll {
            0..=39 => pairs.push((name.clone(), value.clone())),
            40..=64 => pairs.push((name.clone(), naughty[dice.below(naughty.len())].clone())),
            65..=71 => {
                let seed = &naughty[dice.below(naughty.len())];
                let long: String = seed.chars().chain("x".chars()).cycle().take(500 + dice.below(6_000)).collect();
                pairs.push((name.clone(), long));
            }
            72..=81 => pairs.push((name.clone(), WRONG_TYPES[dice.below(WRONG_TYPES.len())].to_owned())),
            82..=88 => {} // missing
            89..=93 => {
                pairs.push((name.clone(), value.clone()));
                pairs.push((name.clone(), naughty[dice.below(naughty.len())].clone()));
            }
            _ => pairs.push((name.clone(), String::new())),
        }
    }
    if dice.chance(3) {
        pairs.push(("unexpected_field".to_owned(), naughty[dice.below(naughty.len())].clone()));
    }
    let mut body: Vec<u8> =
        pairs.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect::<Vec<_>>().join("&").into_bytes();
    if dice.chance(4) {
        // Broken encodings: invalid UTF-8 behind percent signs, a lone percent, raw bytes.
        let broken: [&[u8]; 4] = [b"&motivation=%FF%FE%C0%AF", b"&comment=%", b"&name=%G1%zz", b"&x=\xff\xfe"];
        body.extend_from_slice(broken[dice.below(broken.len())]);
    }
    if dice.chance(2) {
        body.extend(std::iter::repeat_n(b'a', BODY_CAP + 1 + dice.below(BODY_CAP)));
    }
    body
}

/// A form to fuzz: where to read it, which form on the page, who submits it.
struct Target {
    page: String,
    selector: String,
    browser: Browser,
    /// The page is the answer to a POST of these fields (a confirmation step).
    posted: Option<Vec<(String, String)>>,
    /// The form is sent by this button of it, to the button's `formaction`.
    button: Option<String>,
}

impl Target {
    fn new(page: &str, selector: &str, browser: Browser) -> Target {
        Target { page: page.to_owned(), selector: selector.to_owned(), browser, posted: None, button: None }
    }

    /// The form sent by its button matching `button` (a second submit button with its own
    /// `formaction`, as "Preview who is eligible").
    fn through_button(page: &str, selector: &str, button: &str, browser: Browser) -> Target {
        Target { button: Some(button.to_owned()), ..Target::new(page, selector, browser) }
    }

    /// A form on the page a POST of `fields` (and the session's token) answers with.
    fn after_post(page: &str, fields: &[(&str, String)], selector: &str, browser: Browser) -> Target {
        let posted = fields.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect();
        Target { posted: Some(posted), ..Target::new(page, selector, browser) }
    }

    /// The page holding the form.
    async fn read(&self) -> (StatusCode, String) {
        let Some(fields) = &self.posted else {
            return self.browser.page(&self.page).await;
        };
        let token = self.browser.csrf_token().await;
        let mut all = vec![("csrf_token".to_owned(), token)];
        all.extend(fields.iter().cloned());
        let response = self.browser.submit(&self.page, &all).await;
        (response.status(), response.text().await.unwrap_or_default())
    }
}

/// The forms of the application, each read from its page by the person who uses it.
async fn targets(app: &TestApp) -> Vec<Target> {
    let fiona = signed_in(app, "fiona.associate").await;
    let id = crate::helpers::apply_for_tuition(&fiona).await;
    // Another application for the decision form: the withdrawal form may withdraw Fiona's.
    let to_decide = crate::helpers::apply_for_tuition(&signed_in(app, "paula.parttime").await).await;
    let person = crate::helpers::employee_id(app, "nate.newhire@upskill.example");
    // One more waiting on Maria, for the queue's bulk form: the decision and withdrawal
    // forms may have settled the other two by the time its turn comes.
    let (maria, program) = (
        crate::helpers::employee_id(app, "maria.manager@upskill.example"),
        crate::helpers::program_id(app, "aws-training-and-certification"),
    );
    // Dev's, not Nate's: the person form's submissions may give Nate another manager.
    let waiting = crate::helpers::employee_id(app, "dev.engineer@upskill.example");
    crate::helpers::ApplicationBuilder::new(waiting, program, upskill::domain::ApplicationStatus::Submitted)
        .approver(maria)
        .insert(&mut app.db());
    let welcome = crate::helpers::invited_person(app);
    // Tom's approved tuition request, for the payment form (nobody else applies as Tom).
    let now = upskill::clock::now();
    let tom = crate::helpers::employee_id(app, "tom.techlead@upskill.example");
    let tuition = crate::helpers::program_id(app, "career-choice");
    let paid = crate::helpers::ApplicationBuilder::new(tom, tuition, upskill::domain::ApplicationStatus::Approved)
        .tuition(now.date() + chrono::Days::new(30), 500_000)
        .at(now - chrono::TimeDelta::days(30))
        .insert(&mut app.db());
    // Fiona's: Dev's AWS application waits on Maria for the queue's bulk form below.
    let credential =
        crate::helpers::apply(&signed_in(app, "fiona.associate").await, "aws-training-and-certification", &[]).await;
    // Evidence waiting for the program team, one place per form (each form may decide it).
    let apprenticeship = crate::helpers::program_id(app, "amazon-apprenticeship");
    let intake = crate::helpers::intake_ids(app, "amazon-apprenticeship")[0];
    let mut sent = Vec::new();
    for person in ["carl.corporate", "tom.techlead", "paula.parttime"] {
        let owner = crate::helpers::employee_id(app, &format!("{person}@upskill.example"));
        let status = upskill::domain::ApplicationStatus::CompletionSubmitted;
        sent.push(
            crate::helpers::ApplicationBuilder::new(owner, apprenticeship, status).intake(intake).insert(&mut app.db()),
        );
    }
    // A waitlist of the apprenticeship's second intake: Maria and Fiona in line (the team
    // moves Maria in it), Dev after them (the team moves him to another intake).
    let second_intake = crate::helpers::intake_ids(app, "amazon-apprenticeship")[1];
    let mut in_line = Vec::new();
    for (minutes, person) in [(30, "maria.manager"), (20, "fiona.associate"), (10, "dev.engineer")] {
        let owner = crate::helpers::employee_id(app, &format!("{person}@upskill.example"));
        let at = now - chrono::TimeDelta::minutes(minutes);
        in_line.push(
            crate::helpers::ApplicationBuilder::new(
                owner,
                apprenticeship,
                upskill::domain::ApplicationStatus::Waitlisted,
            )
            .intake(second_intake)
            .at(at)
            .waitlisted_at(at)
            .insert(&mut app.db()),
        );
    }
    // Program proposals: Dev's to change, Carl's to decide.
    let proposal_of = |email: &str, name: &str| {
        let proposer = upskill::db::employees::find_by_email(&mut app.db(), email).unwrap().unwrap();
        let draft = upskill::domain::proposal::parse_proposal(&upskill::domain::proposal::ProposalInput {
            name: name.into(),
            summary: "Spreadsheets and SQL for people who run the yard.".into(),
            description: "Twelve weeks of evening classes on the data a yard produces.".into(),
            kind: "cohort".into(),
            audience: "Yard associates".into(),
            expected_cost: "1200".into(),
            experience: "I ran the site's spreadsheet club.".into(),
        })
        .unwrap();
        let actor = upskill::db::proposals::Actor { id: proposer.id, name: &proposer.display_name };
        upskill::db::proposals::submit(&mut app.db(), actor, &draft).unwrap()
    };
    let own_proposal = proposal_of("dev.engineer@upskill.example", "Forklift to Fleet Analyst");
    let to_review = proposal_of("carl.corporate@upskill.example", "Warehouse Robotics Basics");
    vec![
        Target::new("/proposals/new", "form[action='/proposals/new']", signed_in(app, "dev.engineer").await),
        Target::new(
            &format!("/proposals/{own_proposal}/edit"),
            "form[action$='/edit']",
            signed_in(app, "dev.engineer").await,
        ),
        Target::new(&format!("/proposals/{to_review}"), "form.proposal-decision", signed_in(app, "ada.admin").await),
        Target::new(&format!("/applications/{paid}"), "form.payment-form", signed_in(app, "ada.admin").await),
        Target::new(
            &format!("/applications/{credential}"),
            "form.send-evidence",
            signed_in(app, "fiona.associate").await,
        ),
        Target::new(&format!("/applications/{}", sent[0]), "form.team-return", signed_in(app, "ada.admin").await),
        Target::new(
            &format!("/applications/{}", sent[1]),
            "form.team-not-completed",
            signed_in(app, "ada.admin").await,
        ),
        Target::new(&format!("/applications/{}", sent[2]), "form.team-confirm", signed_in(app, "ada.admin").await),
        Target::new("/login", "form[action='/login']", app.new_browser()),
        Target::new("/forgot-password", "form[action='/forgot-password']", app.new_browser()),
        Target::new(&welcome, "form[action^='/welcome/']", app.new_browser()),
        Target::new("/account/password", "form[action='/account/password']", signed_in(app, "tom.techlead").await),
        Target::new(
            "/programs/machine-learning-university/apply",
            "form[action$='/apply']",
            signed_in(app, "dev.engineer").await,
        ),
        Target::new("/programs/career-choice/apply", "form[action$='/apply']", signed_in(app, "carl.corporate").await),
        Target::new(&format!("/applications/{id}/withdraw"), "form[action$='/withdraw']", fiona),
        Target::new(&format!("/applications/{to_decide}"), "form.decision", signed_in(app, "maria.manager").await),
        Target::new("/team", "form[action='/team/delegations']", signed_in(app, "maria.manager").await),
        Target::new("/approvals", "form[action='/approvals/approve']", signed_in(app, "maria.manager").await),
        Target::new("/admin/programs/new", "form[action='/admin/programs/new']", signed_in(app, "ada.admin").await),
        Target::new("/admin/programs/career-choice/edit", "form[action$='/edit']", signed_in(app, "ada.admin").await),
        Target::through_button(
            "/admin/programs/new",
            "form[action='/admin/programs/new']",
            "button[formaction]",
            signed_in(app, "ada.admin").await,
        ),
        Target::through_button(
            "/admin/programs/career-choice/edit",
            "form[action$='/edit']",
            "button[formaction]",
            signed_in(app, "ada.admin").await,
        ),
        Target::new(
            "/admin/programs/amazon-technical-academy/intakes",
            "form[action$='/intakes']",
            signed_in(app, "ada.admin").await,
        ),
        Target::new(
            &format!("/admin/programs/amazon-apprenticeship/places/{}", in_line[0]),
            "form[action$='/position']",
            signed_in(app, "ada.admin").await,
        ),
        Target::new(
            &format!("/admin/programs/amazon-apprenticeship/places/{}", in_line[2]),
            "form[action$='/intake']",
            signed_in(app, "ada.admin").await,
        ),
        Target::new(
            &format!("/admin/employees/{person}"),
            "form[action^='/admin/employees/']",
            signed_in(app, "ada.admin").await,
        ),
        Target::new("/admin/settings", "form[action='/admin/settings']", signed_in(app, "ada.admin").await),
        Target::new("/admin/provisioning", "form[action='/admin/provisioning']", signed_in(app, "ada.admin").await),
        Target::new("/approvals", "form[action='/approvals/approve']", signed_in(app, "maria.manager").await),
        Target::after_post(
            "/approvals/approve",
            &[("application_id", to_decide.to_string()), ("comment", "Approved for this quarter.".to_owned())],
            "form[action='/approvals/approve/confirm']",
            signed_in(app, "maria.manager").await,
        ),
    ]
}

/// Where the form on `page` matching `selector` is sent: its action, or the `formaction`
/// of its button matching `button`.
fn form_action(html: &str, selector: &str, button: Option<&str>) -> String {
    let (selector, attribute) = match button {
        Some(button) => (format!("{selector} {button}"), "formaction"),
        None => (selector.to_owned(), "action"),
    };
    crate::helpers::attribute_values(html, &selector, attribute).into_iter().next().expect("the form has an action")
}

/// Markup from the naughty strings that must never reach a page as markup (escaped, it
/// reads `&lt;script` and the like; in an attribute its quotes are `&#34;`).
const SHOWN_ESCAPED: [&str; 6] =
    ["<script", "<img", "<iframe", "<body onload", "href=\"javascript:", "src=\"javascript:"];

#[actix_web::test]
#[ignore = "about 22,000 requests; run by .ci/run"]
async fn every_form_survives_thousands_of_naughty_submissions() {
    // With an SMTP server (nobody listens there), so that forgot-password shows its form;
    // the sign-in form's wrong passwords must not lock out the people signed in after it.
    let app = spawn_app_with(|s| {
        s.mail.smtp_url = Some("smtp://127.0.0.1:9".to_owned());
        s.login_attempts_per_address_per_minute = u32::MAX;
    })
    .await;
    let naughty = naughty_strings();
    let per_form = submissions();
    let mut dice = Dice(0x9e37_79b9_7f4a_7c15);
    let mut deviations: Vec<String> = Vec::new();
    let mut total = 0;
    let mut statuses: std::collections::BTreeMap<u16, usize> = std::collections::BTreeMap::new();
    let started = Instant::now();
    for target in targets(&app).await {
        let (status, html) = target.read().await;
        assert_eq!(status, StatusCode::OK, "{}", target.page);
        let mut valid = form_fields(&html, &target.selector);
        let action = form_action(&html, &target.selector, target.button.as_deref());
        for _ in 0..per_form {
            let body = mutate(&valid, &mut dice, &naughty);
            let over_cap = body.len() > BODY_CAP;
            let response = target
                .browser
                .client
                .post(target.browser.url(&action))
                .header("content-type", "application/x-www-form-urlencoded")
                .body(body.clone())
                .send()
                .await
                .expect("the server stopped answering");
            total += 1;
            let status = response.status();
            *statuses.entry(status.as_u16()).or_default() += 1;
            let text = response.text().await.unwrap_or_default();
            let what = || format!("POST {action} ({} bytes): {status}", body.len());
            if status.is_server_error() {
                deviations.push(what());
                continue;
            }
            if over_cap && status != StatusCode::PAYLOAD_TOO_LARGE {
                deviations.push(format!("{} for a body over the cap", what()));
            }
            if status == StatusCode::UNPROCESSABLE_ENTITY && !text.contains("<form") {
                deviations.push(format!("{}: the form was not shown again", what()));
            }
            if status.is_client_error()
                && ![400, 404, 409, 413, 422, 429].contains(&status.as_u16())
                && !(status == StatusCode::UNAUTHORIZED && action == "/login")
            {
                deviations.push(format!("{}: unexpected refusal", what()));
            }
            if let Some(raw) = SHOWN_ESCAPED.iter().find(|raw| text.contains(*raw)) {
                deviations.push(format!("{}: {raw} shown unescaped", what()));
            }
            // The sign-in form gets a new token with each showing; keep the latest.
            let fresh = crate::helpers::attribute_values(&text, "input[name='csrf_token']", "value");
            if let (Some(token), Some(field)) = (fresh.first(), valid.iter_mut().find(|(n, _)| n == "csrf_token")) {
                field.1 = token.clone();
            }
        }
    }
    deviations.extend(stored_hostile_text(&app).into_iter().map(|value| format!("stored: {value:?}")));
    // What was stored shows escaped wherever it is shown.
    let ada = signed_in(&app, "ada.admin").await;
    for page in
        ["/programs", "/admin/programs", "/admin/employees", "/admin/applications", "/admin/audit", "/approvals"]
    {
        let (status, html) = ada.page(page).await;
        assert!(status.is_success(), "{page}: {status}");
        if let Some(raw) = SHOWN_ESCAPED.iter().find(|raw| html.contains(*raw)) {
            deviations.push(format!("{page} shows {raw} unescaped"));
        }
    }
    println!(
        "form fuzzer: {total} submissions in {:.1} s, answers {statuses:?}, {} deviations",
        started.elapsed().as_secs_f64(),
        deviations.len()
    );
    let mut kinds: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for deviation in &deviations {
        let kind = deviation.split(" bytes)").last().unwrap_or(deviation);
        let route = deviation.split(" (").next().unwrap_or(deviation);
        *kinds.entry(format!("{route}{kind}")).or_default() += 1;
    }
    let summary: Vec<String> = kinds.iter().map(|(kind, n)| format!("{n} × {kind}")).collect();
    assert!(deviations.is_empty(), "{}", summary.join("\n"));
}

/// One part of a multipart body: its name, its file name, its bytes.
type PartSpec = (Option<String>, Option<String>, Vec<u8>);

/// What a file part may hold: every kind the form accepts, and what it must refuse.
fn file_content(dice: &mut Dice, naughty: &[String]) -> Vec<u8> {
    let text = naughty[dice.below(naughty.len())].clone().into_bytes();
    match dice.below(8) {
        0 => crate::evidence::pdf(100 + dice.below(5000)),
        1 => crate::evidence::png(),
        2 => [&[0xff, 0xd8, 0xff, 0xe0][..], &text].concat(),
        3 => [b"%PDF-1.4\n".to_vec(), text].concat(),
        4 => text,
        5 => Vec::new(),
        6 => (0..dice.below(3000)).map(|_| dice.next() as u8).collect(),
        _ => b"<!doctype html><script>alert(1)</script>".to_vec(),
    }
}

/// One mutated submission of the attach form, whose fields are `valid` (as its page has
/// them, the file control's value empty): the body and its `Content-Type`.
fn mutate_multipart(valid: &[(String, String)], dice: &mut Dice, naughty: &[String]) -> (Vec<u8>, String) {
    let pick = |dice: &mut Dice| naughty[dice.below(naughty.len())].clone();
    let mut parts: Vec<PartSpec> = Vec::new();
    for (name, value) in valid {
        if name == "file" {
            let file_name = match dice.below(4) {
                0 => "enrolment-letter.pdf".to_owned(),
                1 => format!("../../{}", pick(dice)),
                2 => pick(dice).repeat(1 + dice.below(40)),
                _ => pick(dice),
            };
            parts.push((Some(name.clone()), Some(file_name), file_content(dice, naughty)));
        } else if name == "csrf_token" || dice.chance(80) {
            parts.push((Some(name.clone()), None, value.clone().into_bytes()));
        }
    }
    match dice.below(12) {
        0 => parts.retain(|(name, ..)| name.as_deref() != Some("file")),
        1 => parts.push((Some("file".to_owned()), Some("second.pdf".to_owned()), crate::evidence::pdf(200))),
        2 => parts.push((Some(pick(dice)), None, pick(dice).into_bytes())),
        3 => parts.insert(1, (None, None, pick(dice).into_bytes())),
        4 => {
            let last = parts.len() - 1;
            parts.swap(0, last);
        }
        5 => parts.push((Some("notes".to_owned()), None, vec![b'a'; 5000 + dice.below(5000)])),
        _ => {}
    }
    let boundary = "FuZzBoundary";
    let mut body = Vec::new();
    for (name, file_name, bytes) in &parts {
        body.extend_from_slice(format!("--{boundary}\r\nContent-Disposition: form-data").as_bytes());
        if let Some(name) = name {
            body.extend_from_slice(format!("; name=\"{}\"", name.replace('"', "%22")).as_bytes());
        }
        if let Some(file_name) = file_name {
            let file_name = file_name.replace('"', "%22").replace(['\r', '\n'], " ");
            body.extend_from_slice(format!("; filename=\"{file_name}\"\r\nContent-Type: application/pdf").as_bytes());
        }
        body.extend_from_slice(b"\r\n\r\n");
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    if dice.chance(10) {
        body.truncate(dice.below(body.len()));
    }
    let content_type = match dice.below(25) {
        0 => "multipart/form-data".to_owned(),
        1 => "multipart/form-data; boundary=SomethingElse".to_owned(),
        2 => "application/x-www-form-urlencoded".to_owned(),
        _ => format!("multipart/form-data; boundary={boundary}"),
    };
    (body, content_type)
}

#[actix_web::test]
#[ignore = "2,000 multipart submissions; run by .ci/run"]
async fn the_attach_form_survives_thousands_of_naughty_multipart_submissions() {
    let app = spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let id = crate::helpers::apply_for_tuition(&fiona).await;
    let page = format!("/applications/{id}");
    let (status, html) = fiona.page(&page).await;
    assert_eq!(status, StatusCode::OK);
    let valid = form_fields(&html, "form.attach-file");
    let action = form_action(&html, "form.attach-file", None);
    let naughty = naughty_strings();
    let mut dice = Dice(0x2545_f491_4f6c_dd1d);
    let mut deviations = Vec::new();
    let mut statuses: std::collections::BTreeMap<u16, usize> = std::collections::BTreeMap::new();
    let started = Instant::now();
    for _ in 0..submissions() {
        let (body, content_type) = mutate_multipart(&valid, &mut dice, &naughty);
        let length = body.len();
        let response = fiona
            .client
            .post(fiona.url(&action))
            .header("content-type", content_type.clone())
            .body(body.clone())
            .timeout(std::time::Duration::from_secs(20))
            .send()
            .await
            .unwrap_or_else(|e| panic!("no answer ({e}) to {content_type}: {:?}", String::from_utf8_lossy(&body)));
        let status = response.status();
        *statuses.entry(status.as_u16()).or_default() += 1;
        let text = response.text().await.unwrap_or_default();
        let what = format!("POST {action} ({length} bytes): {status}");
        if ![303, 400, 403, 409, 413, 422].contains(&status.as_u16()) {
            deviations.push(format!("{what}: unexpected answer"));
        }
        if status == StatusCode::UNPROCESSABLE_ENTITY && !text.contains("form class=\"stack attach-file\"") {
            deviations.push(format!("{what}: the form was not shown again"));
        }
        if let Some(raw) = SHOWN_ESCAPED.iter().find(|raw| text.contains(*raw)) {
            deviations.push(format!("{what}: {raw} shown unescaped"));
        }
    }
    // What was stored is what the rules allow, and shows escaped.
    let files: Vec<(String, String, Vec<u8>)> = upskill::db::schema::evidence_files::table
        .select((
            upskill::db::schema::evidence_files::original_name,
            upskill::db::schema::evidence_files::content_type,
            upskill::db::schema::evidence_files::content,
        ))
        .load(&mut app.db())
        .unwrap();
    for (name, kind, content) in &files {
        let judged = upskill::domain::evidence::file_type(content).map(|t| t.as_str().to_owned());
        if judged.as_deref() != Ok(kind.as_str()) {
            deviations.push(format!("stored {name:?} as {kind}, judged {judged:?}"));
        }
        if name.is_empty() || name.chars().count() > 120 || upskill::domain::text::check_line(name).is_err() {
            deviations.push(format!("stored the name {name:?}"));
        }
    }
    let (_, html) = fiona.page(&page).await;
    if let Some(raw) = SHOWN_ESCAPED.iter().find(|raw| html.contains(*raw)) {
        deviations.push(format!("{page} shows {raw} unescaped"));
    }
    println!(
        "form fuzzer: {} multipart submissions in {:.1} s, answers {statuses:?}, {} files stored, {} deviations",
        submissions(),
        started.elapsed().as_secs_f64(),
        files.len(),
        deviations.len()
    );
    assert!(files.len() > 10, "hardly any submission was a good file: {statuses:?}");
    assert!(deviations.is_empty(), "{}", deviations.join("\n"));
}
