//! The authorization matrix: every route of the application, in one table, against ten
//! kinds of visitor, on real data. A route added to `src/web` without a row here fails
//! `every_route_is_in_the_matrix`.
//!
//! POSTs carry the visitor's own valid CSRF token, so what is tested is who may do what,
//! not the token (the CSRF check at the end of this file tests the token). Each POST
//! route gets fresh data, and the visitors who must be refused go first: a refusal must
//! change nothing.

use std::collections::BTreeSet;

use chrono::{Days, Utc};
use diesel::prelude::*;
use reqwest::StatusCode;
use upskill::db::schema::{delegations, employees};
use upskill::domain::TeamRole;

use futures_util::StreamExt;

use crate::helpers::{apply_for_tuition, employee_id, location, spawn_app, Browser, TestApp};
use crate::state_snapshot::snapshot;

/// The ten kinds of visitor, in the matrix's column order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Visitor {
    Anonymous,
    /// Fiona, who owns the application under test.
    Owner,
    /// Carl, another employee, in another team.
    OtherEmployee,
    /// Maria, Fiona's manager: the application waits on her.
    OwnersManager,
    /// Tom, who manages another team.
    OtherManager,
    /// Dev, a manager Maria delegated her decisions to.
    Delegate,
    /// Ada, a program administrator.
    Admin,
    /// Paula, signed in, then deactivated by HR (her session still exists).
    Deactivated,
    /// Tia, on the team of the application's program (Career Choice) and of the program
    /// the admin routes name (AWS Training and Certification): acting on her programs.
    ProgramTeam,
    /// Nate, on the team of another program (Amazon Technical Academy) only.
    OtherProgramTeam,
}

use Visitor::*;

const VISITORS: [Visitor; 10] = [
    Anonymous,
    Owner,
    OtherEmployee,
    OwnersManager,
    OtherManager,
    Delegate,
    Admin,
    Deactivated,
    ProgramTeam,
    OtherProgramTeam,
];

impl Visitor {
    fn person(self) -> Option<&'static str> {
        match self {
            Anonymous => None,
            Owner => Some("fiona.associate"),
            OtherEmployee => Some("carl.corporate"),
            OwnersManager => Some("maria.manager"),
            OtherManager => Some("tom.techlead"),
            Delegate => Some("dev.engineer"),
            Admin => Some("ada.admin"),
            Deactivated => Some("paula.parttime"),
            ProgramTeam => Some("tia.team"),
            OtherProgramTeam => Some("nate.newhire"),
        }
    }
}

/// What a visitor must get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// Served: any answer but a refusal (200, a redirect elsewhere than the sign-in page,
    /// or a 409/422 about the data).
    Allowed,
    /// Sent to the sign-in page (303 to `/login…`): not signed in.
    SignIn,
    /// Signed out: 303 to exactly `/login`, the session ended.
    SignedOut,
    Forbidden,
    NotFound,
}

use Expect::*;

/// One row of the matrix: a route, the concrete request, and one expectation per visitor
/// (in `VISITORS` order).
struct Row {
    method: &'static str,
    pattern: &'static str,
    expect: [Expect; 10],
}

const PUBLIC: [Expect; 10] = [Allowed; 10];
const SIGNED_IN: [Expect; 10] =
    [SignIn, Allowed, Allowed, Allowed, Allowed, Allowed, Allowed, SignIn, Allowed, Allowed];
const ADMINS: [Expect; 10] =
    [SignIn, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed, SignIn, Forbidden, Forbidden];
const DECIDERS: [Expect; 10] =
    [SignIn, Forbidden, Forbidden, Allowed, Allowed, Allowed, Allowed, SignIn, Allowed, Allowed];
const MANAGERS: [Expect; 10] =
    [SignIn, Forbidden, Forbidden, Allowed, Allowed, Allowed, Allowed, SignIn, Forbidden, Forbidden];
/// The application's owner only; nobody else learns it exists.
const OWNER_ONLY: [Expect; 10] =
    [SignIn, Allowed, NotFound, NotFound, NotFound, NotFound, NotFound, SignIn, NotFound, NotFound];
/// A decision of the program team on a completion: admins; the owner is refused (nobody
/// decides their own), those who see it are told no, others learn nothing.
const PROGRAM_TEAM: [Expect; 10] =
    [SignIn, Forbidden, NotFound, Forbidden, NotFound, Forbidden, Allowed, SignIn, Allowed, NotFound];
/// Those who see the application: its owner, its approver, the approver's delegate, admins.
const APPLICATION_READERS: [Expect; 10] =
    [SignIn, Allowed, NotFound, Allowed, NotFound, Allowed, Allowed, SignIn, Allowed, NotFound];
/// A decision on the application: the approver, their delegate and admins; the owner is
/// refused (nobody decides on their own application); others learn nothing.
const DECISION: [Expect; 10] =
    [SignIn, Forbidden, NotFound, Allowed, NotFound, Allowed, Allowed, SignIn, Allowed, NotFound];
/// Recording a tuition payment: the program team (admins); the owner is refused (nobody
/// records payments on their own application), as are those who see the application
/// without being on the team; others learn nothing.
const PAYMENT_RECORDERS: [Expect; 10] =
    [SignIn, Forbidden, NotFound, Forbidden, NotFound, Forbidden, Allowed, SignIn, Allowed, NotFound];
/// The lists of the programs someone runs: admins see every program, a program team's
/// member theirs.
const RUNNERS: [Expect; 10] =
    [SignIn, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed, SignIn, Allowed, Allowed];
/// A page of one program (`{slug}`): admins and its team; a member of another program's
/// team learns nothing of it.
const THE_PROGRAMS_TEAM: [Expect; 10] =
    [SignIn, Forbidden, Forbidden, Forbidden, Forbidden, Forbidden, Allowed, SignIn, Allowed, NotFound];

/// A program proposal (Fiona's): she and the administrators see it; nobody else learns
/// it exists.
const PROPOSAL_READERS: [Expect; 10] =
    [SignIn, Allowed, NotFound, NotFound, NotFound, NotFound, Allowed, SignIn, NotFound, NotFound];

/// A lottery intake's seat draw (of AWS Training and Certification, Fiona in it): the
/// people in the draw and the program's team; nobody else learns it exists.
const DRAW_READERS: [Expect; 10] =
    [SignIn, Allowed, NotFound, NotFound, NotFound, NotFound, Allowed, SignIn, Allowed, NotFound];

/// Every route of `src/startup.rs`, with who may use it.
fn matrix() -> Vec<Row> {
    let row = |method, pattern, expect| Row { method, pattern, expect };
    vec![
        row("GET", "/healthz", PUBLIC),
        // Served only on the metrics listener (`--metrics-bind`); never on the main address.
        row("GET", "/metrics", [NotFound; 10]),
        row("GET", "/static/{name}", PUBLIC),
        row("GET", "/favicon.ico", PUBLIC),
        row("GET", "/login", PUBLIC),
        // A sign-in form needs the token of its own signed cookie, not a session's.
        row("POST", "/login", [Forbidden; 10]),
        // Signing out needs a session's token: without a session there is nothing to end.
        row(
            "POST",
            "/logout",
            [
                Forbidden, SignedOut, SignedOut, SignedOut, SignedOut, SignedOut, SignedOut, SignedOut, SignedOut,
                SignedOut,
            ],
        ),
        // A link's password page: without a good token in its address, nobody learns
        // anything; its form needs the token of its own signed cookie, like the sign-in form.
        row("GET", "/welcome/{wrong_token}", [NotFound; 10]),
        row("POST", "/welcome/{wrong_token}", [Forbidden; 10]),
        row("GET", "/reset-password/{wrong_token}", [NotFound; 10]),
        row("POST", "/reset-password/{wrong_token}", [Forbidden; 10]),
        row("GET", "/forgot-password", PUBLIC),
        row("POST", "/forgot-password", [Forbidden; 10]),
        // The OpenID Connect callback exists only with `--auth oidc` (its own tests cover
        // it there); with passwords, as here, it is not found for anyone.
        row("GET", "/auth/oidc/callback", [NotFound; 10]),
        row("GET", "/", SIGNED_IN),
        row("GET", "/account", SIGNED_IN),
        row("GET", "/account/learning-record", SIGNED_IN),
        row("GET", "/account/learning-record.csv", SIGNED_IN),
        row("POST", "/account/email", SIGNED_IN),
        row("POST", "/account/language", SIGNED_IN),
        row("POST", "/account/time-zone", SIGNED_IN),
        // The footer's link for someone not signed in: a cookie, nothing on the server.
        row("GET", "/language/{tag}", PUBLIC),
        row(
            "POST",
            "/account/sign-out-everywhere",
            [SignIn, SignedOut, SignedOut, SignedOut, SignedOut, SignedOut, SignedOut, SignIn, SignedOut, SignedOut],
        ),
        row("GET", "/account/password", SIGNED_IN),
        row("POST", "/account/password", SIGNED_IN),
        row("POST", "/account/calendar-feed", SIGNED_IN),
        row("POST", "/account/calendar-feed/off", SIGNED_IN),
        // Calendar apps fetch the feed without a session: the token in its address is the
        // only credential, and without a valid one nobody learns anything, signed in or not.
        row("GET", "/calendar.ics", [NotFound; 10]),
        row("GET", "/calendar.ics?token={wrong_token}", [NotFound; 10]),
        row("GET", "/calendar.ics?token={feed_token}", PUBLIC),
        row("GET", "/programs", SIGNED_IN),
        row("GET", "/programs/{slug}", SIGNED_IN),
        row("GET", "/programs/{slug}/apply", SIGNED_IN),
        row("POST", "/programs/{slug}/apply", SIGNED_IN),
        row("GET", "/programs/{slug}/intakes/{lottery}/draw", DRAW_READERS),
        row("GET", "/proposals", SIGNED_IN),
        row("GET", "/proposals/new", SIGNED_IN),
        row("POST", "/proposals/new", SIGNED_IN),
        // A proposal (Fiona's): its proposer and the administrators who review it; only
        // the proposer changes it, only administrators decide.
        row("GET", "/proposals/{proposal}", PROPOSAL_READERS),
        row("GET", "/proposals/{proposal}/edit", OWNER_ONLY),
        row("POST", "/proposals/{proposal}/edit", OWNER_ONLY),
        row("GET", "/proposals/{proposal}/withdraw", OWNER_ONLY),
        row("POST", "/proposals/{proposal}/withdraw", OWNER_ONLY),
        row("GET", "/admin/proposals", ADMINS),
        row("POST", "/admin/proposals/{proposal}/decision", ADMINS),
        row("GET", "/applications", SIGNED_IN),
        row("GET", "/applications/{id}", APPLICATION_READERS),
        row("GET", "/applications/{id}/edit", OWNER_ONLY),
        row("POST", "/applications/{id}/edit", OWNER_ONLY),
        row("GET", "/applications/{id}/withdraw", OWNER_ONLY),
        row("POST", "/applications/{id}/withdraw", OWNER_ONLY),
        row("POST", "/applications/{placed}/offer/accept", OWNER_ONLY),
        row("GET", "/applications/{placed}/offer/decline", OWNER_ONLY),
        row("POST", "/applications/{placed}/offer/decline", OWNER_ONLY),
        row("POST", "/applications/{id}/payments", PAYMENT_RECORDERS),
        row("GET", "/applications/{placed}/calendar.ics", OWNER_ONLY),
        // Only the owner attaches files; those who see the application download them.
        row("POST", "/applications/{id}/files", OWNER_ONLY),
        row("GET", "/applications/{id}/files/{file}", APPLICATION_READERS),
        row("GET", "/notifications", SIGNED_IN),
        row("POST", "/notifications/read", SIGNED_IN),
        row("GET", "/approvals", DECIDERS),
        row("POST", "/approvals/approve", DECIDERS),
        row("POST", "/approvals/approve/confirm", DECIDERS),
        row("POST", "/applications/{id}/approve", DECISION),
        row("POST", "/applications/{id}/reject", DECISION),
        row("POST", "/applications/{id}/request-changes", DECISION),
        // Only the owner sends evidence of completion.
        row("POST", "/applications/{id}/completion", OWNER_ONLY),
        // The program team (admins) decides completions; the owner never decides their
        // own, those who see the application are told no, others nothing.
        row("POST", "/applications/{id}/complete", PROGRAM_TEAM),
        row("POST", "/applications/{id}/return-evidence", PROGRAM_TEAM),
        row("POST", "/applications/{id}/not-completed", PROGRAM_TEAM),
        row("GET", "/team", MANAGERS),
        row("POST", "/team/delegations", MANAGERS),
        // Only the manager who gave the delegation ends it.
        row(
            "POST",
            "/team/delegations/{delegation}/end",
            [SignIn, Forbidden, Forbidden, Allowed, NotFound, NotFound, NotFound, SignIn, Forbidden, Forbidden],
        ),
        row("GET", "/resume", SIGNED_IN),
        row("GET", "/admin", ADMINS),
        row("GET", "/admin/programs", RUNNERS),
        row("GET", "/admin/programs/new", ADMINS),
        row("POST", "/admin/programs/new", ADMINS),
        row("GET", "/admin/programs/{slug}/edit", THE_PROGRAMS_TEAM),
        row("POST", "/admin/programs/{slug}/edit", THE_PROGRAMS_TEAM),
        row("POST", "/admin/programs/preview", ADMINS),
        row("POST", "/admin/programs/{slug}/preview", THE_PROGRAMS_TEAM),
        row("GET", "/admin/programs/{slug}/archive", ADMINS),
        row("POST", "/admin/programs/{slug}/archive", ADMINS),
        row("POST", "/admin/programs/{slug}/publish", ADMINS),
        // An owner of the program's team asks for it to be published (an admin is told to
        // publish it instead).
        row("POST", "/admin/programs/{slug}/publication-request", THE_PROGRAMS_TEAM),
        row("GET", "/admin/programs/{slug}/intakes", THE_PROGRAMS_TEAM),
        row("POST", "/admin/programs/{slug}/intakes", THE_PROGRAMS_TEAM),
        row("GET", "/admin/programs/{slug}/places/{in_draw}", THE_PROGRAMS_TEAM),
        row("GET", "/admin/programs/{slug}/figures", THE_PROGRAMS_TEAM),
        row("POST", "/admin/programs/{slug}/places/{in_draw}/position", THE_PROGRAMS_TEAM),
        row("POST", "/admin/programs/{slug}/places/{in_draw}/intake", THE_PROGRAMS_TEAM),
        // The team sees who is on it; only admins name it.
        row("GET", "/admin/programs/{slug}/team", THE_PROGRAMS_TEAM),
        row("POST", "/admin/programs/{slug}/team", ADMINS),
        row("GET", "/admin/employees", ADMINS),
        row("GET", "/admin/employees/{employee}", ADMINS),
        row("POST", "/admin/employees/{employee}", ADMINS),
        row("POST", "/admin/employees/{employee}/sessions/end", ADMINS),
        row("GET", "/admin/employees/{employee}/learning-record.csv", ADMINS),
        row("GET", "/admin/verification", RUNNERS),
        row("POST", "/admin/employees/{employee}/invite", ADMINS),
        row("GET", "/admin/employees/invite-all", ADMINS),
        row("POST", "/admin/employees/invite-all", ADMINS),
        row("GET", "/admin/employees/import", ADMINS),
        row("POST", "/admin/employees/import", ADMINS),
        row("POST", "/admin/employees/import/commit", ADMINS),
        row("GET", "/admin/applications", RUNNERS),
        row("GET", "/admin/applications.csv", RUNNERS),
        row("GET", "/admin/payments", RUNNERS),
        row("GET", "/admin/payments.csv", RUNNERS),
        row("GET", "/admin/outcomes.csv", ADMINS),
        row("GET", "/admin/outcomes.json", ADMINS),
        row("GET", "/admin/audit", ADMINS),
        row("GET", "/admin/provisioning", ADMINS),
        row("POST", "/admin/provisioning", ADMINS),
        row("GET", "/admin/provisioning/{token}/revoke", ADMINS),
        row("POST", "/admin/provisioning/{token}/revoke", ADMINS),
        row("GET", "/admin/settings", ADMINS),
        row("POST", "/admin/settings", ADMINS),
    ]
}

/// The data every row runs against, and a signed-in browser per visitor.
struct World {
    app: TestApp,
    browsers: Vec<Browser>,
    /// Each visitor's CSRF token (empty for the anonymous one), read before Paula was
    /// deactivated: her next request ends her session.
    tokens: Vec<String>,
    /// Fiona's application, waiting on Maria.
    application: i32,
    /// Maria's delegation to Dev.
    delegation: i32,
    /// Fiona's id.
    owner: i32,
    /// Fiona's approved place in an Amazon Apprenticeship intake.
    placed: i32,
    /// The token of Fiona's calendar feed.
    feed_token: String,
    /// A SCIM provisioning token's id.
    scim_token: i32,
    /// A file attached to Fiona's application.
    file: i32,
    /// Fiona's program proposal, waiting for review.
    proposal: i32,
    /// A lottery intake of AWS Training and Certification whose draw Fiona is in.
    lottery: i32,
    /// The owner's application in that lottery's draw.
    in_draw: i32,
}

impl World {
    async fn new() -> World {
        let app = spawn_app().await;
        let today = Utc::now().date_naive();
        // Dev manages Nate, so he decides and can be a delegate.
        let nate = employee_id(&app, "nate.newhire@upskill.example");
        let dev = employee_id(&app, "dev.engineer@upskill.example");
        diesel::update(employees::table.find(nate)).set(employees::manager_id.eq(dev)).execute(&mut app.db()).unwrap();
        // Tia runs Career Choice (the application's program) and AWS Training and
        // Certification (the program of the admin routes); Nate runs the Technical Academy.
        let tia = {
            let mut conn = app.db();
            let fiona_password: Option<String> = employees::table
                .filter(employees::email.eq("fiona.associate@upskill.example"))
                .select(employees::password_hash)
                .first(&mut conn)
                .unwrap();
            let tia = upskill::db::employees::insert(
                &mut conn,
                &crate::helpers::employee_fixture("tia.team@upskill.example", "Tia Team", None),
            )
            .unwrap();
            diesel::update(employees::table.find(tia))
                .set(employees::password_hash.eq(fiona_password))
                .execute(&mut conn)
                .unwrap();
            tia
        };
        let ada = employee_id(&app, "ada.admin@upskill.example");
        for (person, slug) in
            [(tia, "career-choice"), (tia, "aws-training-and-certification"), (nate, "amazon-technical-academy")]
        {
            let program = crate::helpers::program_id(&app, slug);
            upskill::db::program_teams::put(&mut app.db(), (program, slug), (person, "matrix"), TeamRole::Owner, ada)
                .unwrap();
        }
        let mut browsers = Vec::new();
        for visitor in VISITORS {
            let browser = app.new_browser();
            if let Some(person) = visitor.person() {
                browser.sign_in(&format!("{person}@upskill.example")).await;
            }
            browsers.push(browser);
        }
        let application = apply_for_tuition(&browsers[1]).await;
        let delegated = browsers[3]
            .post_with_csrf(
                "/team/delegations",
                &[
                    ("delegate_email", "dev.engineer@upskill.example"),
                    ("starts_on", &today.to_string()),
                    ("ends_on", &(today + Days::new(7)).to_string()),
                ],
            )
            .await;
        assert_eq!(delegated.status(), StatusCode::SEE_OTHER, "Maria delegates to Dev");
        let delegation = delegations::table.select(delegations::id).first(&mut app.db()).unwrap();
        let placed = place_in_an_intake(&app, &browsers[1], &browsers[3], &browsers[6]).await;
        let feed_token = feed_token_of(&browsers[1]).await;
        let mut tokens = Vec::new();
        for browser in &browsers {
            tokens.push(token_of(browser).await);
        }
        // HR deactivates Paula while she is signed in.
        let paula = employee_id(&app, "paula.parttime@upskill.example");
        diesel::update(employees::table.find(paula)).set(employees::active.eq(false)).execute(&mut app.db()).unwrap();
        let owner = employee_id(&app, "fiona.associate@upskill.example");
        let (scim_token, _) = upskill::db::scim_tokens::create(&mut app.db(), "Matrix", None).unwrap();
        let file = attach_a_file(&app, owner, application);
        let fiona = upskill::db::employees::find_by_id(&mut app.db(), owner).unwrap();
        let proposal = upskill::db::proposals::submit(
            &mut app.db(),
            upskill::db::proposals::Actor { id: owner, name: &fiona.display_name },
            &upskill::domain::proposal::parse_proposal(&upskill::domain::proposal::ProposalInput {
                name: "Forklift to Fleet Analyst".into(),
                summary: "Spreadsheets and SQL for people who run the yard.".into(),
                description: "Twelve weeks of evening classes on the data a yard produces.".into(),
                kind: "cohort".into(),
                audience: "Yard associates".into(),
                expected_cost: "1200".into(),
                experience: "I ran the site's spreadsheet club.".into(),
            })
            .unwrap(),
        )
        .unwrap();
        let (lottery, in_draw) = lottery_with(&app, owner);
        World {
            app,
            browsers,
            tokens,
            application,
            delegation,
            owner,
            placed,
            feed_token,
            scim_token,
            file,
            proposal,
            lottery,
            in_draw,
        }
    }

    /// The route with its placeholders filled in from this world.
    fn url(&self, pattern: &str) -> String {
        pattern
            .replace("{name}", "app.css")
            .replace("{slug}", "aws-training-and-certification")
            .replace("{id}", &self.application.to_string())
            .replace("{delegation}", &self.delegation.to_string())
            .replace("{employee}", &self.owner.to_string())
            .replace("{placed}", &self.placed.to_string())
            .replace("{feed_token}", &self.feed_token)
            .replace("{token}", &self.scim_token.to_string())
            .replace("{file}", &self.file.to_string())
            .replace("{proposal}", &self.proposal.to_string())
            .replace("{lottery}", &self.lottery.to_string())
            .replace("{in_draw}", &self.in_draw.to_string())
            .replace("{tag}", "en")
            .replace("{wrong_token}", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
    }
}

/// The owner applies to an intake, and the manager and the admin approve: a place.
async fn place_in_an_intake(app: &TestApp, owner: &Browser, manager: &Browser, admin: &Browser) -> i32 {
    let intake = crate::helpers::intake_ids(app, "amazon-apprenticeship")[1].to_string();
    let id = crate::helpers::apply(owner, "amazon-apprenticeship", &[("intake_id", &intake)]).await;
    for decider in [manager, admin] {
        let version = crate::helpers::version_of(app, id);
        let response = decider.post_with_csrf(&format!("/applications/{id}/approve"), &[("version", &version)]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    assert_eq!(crate::helpers::status_of(app, id), "approved");
    id
}

/// A lottery intake of AWS Training and Certification, open for ten days, with the
/// owner's approved application waiting for its draw; returns the intake's and the
/// application's ids.
fn lottery_with(app: &TestApp, owner: i32) -> (i32, i32) {
    let intake =
        crate::helpers::lottery_intake(app, "aws-training-and-certification", 2, upskill::domain::DrawPriority::None);
    let program = crate::helpers::program_id(app, "aws-training-and-certification");
    let application =
        crate::helpers::ApplicationBuilder::new(owner, program, upskill::domain::ApplicationStatus::InDraw)
            .intake(intake)
            .insert(&mut app.db());
    (intake, application)
}

/// Attaches a small PDF to the owner's application; returns the file's id.
fn attach_a_file(app: &TestApp, owner: i32, application: i32) -> i32 {
    let mut conn = app.db();
    let owner = upskill::db::employees::find_by_id(&mut conn, owner).unwrap();
    let content = crate::evidence::pdf(2000);
    let attachment = upskill::db::workflow::Attachment {
        application_id: application,
        name: "enrolment-letter.pdf",
        file_type: upskill::domain::FileType::Pdf,
        sha256: &upskill::security::sha256_hex_of(&content),
        content: &content,
    };
    upskill::db::workflow::attach_file(&mut conn, &owner, &attachment).unwrap()
}

/// Turns the browser's calendar feed on; returns the token of its address.
async fn feed_token_of(browser: &Browser) -> String {
    let response = browser.post_with_csrf("/account/calendar-feed", &[]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, page) = browser.page("/account").await;
    let url = crate::helpers::attribute_values(&page, "#calendar-feed-url", "value").remove(0);
    url.split_once("token=").unwrap().1.to_owned()
}

/// The CSRF token of a browser's session, or nothing for a visitor without one.
async fn token_of(browser: &Browser) -> String {
    let (_, body) = browser.page("/account").await;
    crate::helpers::attribute_values(&body, "form[action='/logout'] input[name='csrf_token']", "value")
        .into_iter()
        .next()
        .unwrap_or_default()
}

/// A POST of `fields` to `pattern` (filled in as `url`): the CSV upload and the attached
/// file are multipart with a small file after the fields, as their forms send them; every
/// other form is urlencoded.
fn post(browser: &Browser, pattern: &str, url: String, fields: &[(&str, &str)]) -> reqwest::RequestBuilder {
    if pattern == "/applications/{id}/files" {
        let mut form = reqwest::multipart::Form::new();
        for (name, value) in fields {
            form = form.text(name.to_string(), value.to_string());
        }
        let file = reqwest::multipart::Part::bytes(crate::evidence::pdf(500)).file_name("letter.pdf");
        browser.client.post(url).multipart(form.part("file", file))
    } else if pattern == "/admin/employees/import" {
        let mut form = reqwest::multipart::Form::new();
        for (name, value) in fields {
            form = form.text(name.to_string(), value.to_string());
        }
        let csv =
            "email,display_name,job_title,job_family,site_type,employment_type,hire_date,manager_email,is_admin\n";
        let file = reqwest::multipart::Part::text(csv).file_name("people.csv").mime_str("text/csv").unwrap();
        browser.client.post(url).multipart(form.part("file", file))
    } else {
        browser.client.post(url).form(fields)
    }
}

/// Sends the row's request as `visitor`; returns what came back, in the matrix's words.
async fn visit(world: &World, row: &Row, visitor: Visitor, token: &str) -> (StatusCode, String) {
    let browser = &world.browsers[VISITORS.iter().position(|v| *v == visitor).unwrap()];
    let url = browser.url(&world.url(row.pattern));
    let response = if row.method == "GET" {
        browser.client.get(url).send().await.unwrap()
    } else {
        post(browser, row.pattern, url, &[("csrf_token", token), ("version", "1")]).send().await.unwrap()
    };
    (response.status(), location(&response))
}

fn meets(expect: Expect, status: StatusCode, location: &str) -> bool {
    let to_sign_in = status == StatusCode::SEE_OTHER && location.starts_with("/login");
    match expect {
        Allowed => {
            !to_sign_in
                && !status.is_server_error()
                && ![StatusCode::UNAUTHORIZED, StatusCode::FORBIDDEN, StatusCode::NOT_FOUND].contains(&status)
        }
        SignIn => to_sign_in,
        SignedOut => status == StatusCode::SEE_OTHER && location == "/login",
        Forbidden => status == StatusCode::FORBIDDEN,
        NotFound => status == StatusCode::NOT_FOUND,
    }
}

/// How many rows of the matrix run at once, each on its own data.
const ROWS_AT_ONCE: usize = 4;

/// The visits of one row that change data or end a session (POSTs, and the deactivated
/// visitor's GETs), on a world of their own: how many cells, and what deviated.
async fn check_on_fresh_data(row: &Row) -> (usize, Vec<String>) {
    let world = World::new().await;
    let mut cells = 0;
    let mut deviations = Vec::new();
    let mut order: Vec<(Visitor, Expect)> = VISITORS.iter().copied().zip(row.expect).collect();
    if row.method == "GET" {
        order.retain(|(visitor, _)| *visitor == Deactivated);
    }
    order.sort_by_key(|(_, expect)| matches!(expect, Allowed | SignedOut));
    for (visitor, expect) in order {
        let index = VISITORS.iter().position(|v| *v == visitor).unwrap();
        let before = (!matches!(expect, Allowed | SignedOut)).then(|| snapshot(&world.app));
        let (status, location) = visit(&world, row, visitor, &world.tokens[index]).await;
        cells += 1;
        if !meets(expect, status, &location) {
            deviations.push(format!(
                "{} {} as {visitor:?}: expected {expect:?}, got {status} {location}",
                row.method, row.pattern
            ));
        }
        if let Some(before) = before {
            if snapshot(&world.app) != before {
                deviations.push(format!("{} {} as {visitor:?} was refused but changed data", row.method, row.pattern));
            }
        }
    }
    (cells, deviations)
}

#[actix_web::test]
async fn every_route_answers_every_visitor_as_the_matrix_says() {
    let mut deviations = Vec::new();
    let mut cells = 0;
    let rows = matrix();

    // GETs: one world for all of them, which they must leave as it was.
    let world = World::new().await;
    let before = snapshot(&world.app);
    for row in rows.iter().filter(|r| r.method == "GET") {
        // The deactivated visitor's first request ends her session: give each row its own.
        for (visitor, expect) in VISITORS.iter().zip(row.expect) {
            if *visitor == Deactivated {
                continue;
            }
            let (status, location) = visit(&world, row, *visitor, "").await;
            cells += 1;
            if !meets(expect, status, &location) {
                deviations.push(format!(
                    "{} {} as {visitor:?}: expected {expect:?}, got {status} {location}",
                    row.method, row.pattern
                ));
            }
        }
    }
    assert_eq!(snapshot(&world.app), before, "a GET changed what is stored");

    // POSTs, and the deactivated visitor: fresh data each time, refusals first. Each row
    // has a world of its own, so that a few rows run at once.
    let results: Vec<(usize, Vec<String>)> =
        futures_util::stream::iter(rows.iter()).map(check_on_fresh_data).buffer_unordered(ROWS_AT_ONCE).collect().await;
    for (checked, found) in results {
        cells += checked;
        deviations.extend(found);
    }
    println!("authorization matrix: {cells} cells checked, {} deviations", deviations.len());
    assert!(deviations.is_empty(), "{} deviations:\n{}", deviations.len(), deviations.join("\n"));
}

/// The routes declared in `src/web` (`#[get("…")]` and `#[post("…")]`).
fn declared_routes() -> BTreeSet<(String, String)> {
    let mut found = BTreeSet::new();
    let mut dirs = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src/web"))];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            for line in source.lines() {
                for method in ["get", "post", "put", "patch", "delete"] {
                    if let Some(rest) = line.trim().strip_prefix(&format!("#[{method}(\"")) {
                        let pattern = rest.split('"').next().unwrap();
                        found.insert((method.to_uppercase(), pattern.to_owned()));
                    }
                }
            }
        }
    }
    found
}

/// A row's pattern without its query string (rows of one route may differ by query).
fn route_of(pattern: &str) -> &str {
    pattern.split_once('?').map_or(pattern, |(route, _)| route)
}

/// Placeholders are named for the matrix's data; compare routes with them blanked.
fn shape(pattern: &str) -> String {
    let mut out = String::new();
    let mut in_placeholder = false;
    for c in pattern.chars() {
        match c {
            '{' => {
                in_placeholder = true;
                out.push_str("{}");
            }
            '}' => in_placeholder = false,
            _ if in_placeholder => {}
            _ => out.push(c),
        }
    }
    out
}

#[test]
fn every_route_is_in_the_matrix() {
    let declared: BTreeSet<(String, String)> =
        declared_routes().into_iter().map(|(method, pattern)| (method, shape(&pattern))).collect();
    let listed: BTreeSet<(String, String)> = matrix()
        .iter()
        .map(|row| (row.method.to_owned(), shape(route_of(row.pattern))))
        .chain(SCIM_ROUTES.iter().map(|(method, pattern)| ((*method).to_owned(), shape(pattern))))
        .collect();
    let missing: Vec<_> = declared.difference(&listed).collect();
    let stale: Vec<_> = listed.difference(&declared).collect();
    assert!(missing.is_empty(), "routes without a row in the authorization matrix: {missing:?}");
    assert!(stale.is_empty(), "matrix rows for routes that no longer exist: {stale:?}");
    assert!(declared.len() >= 50, "found only {} routes: is the scan still reading src/web?", declared.len());
}

/// CSRF: every state-changing route refuses a request without a token, with a made-up
/// one, or with another session's, from a visitor who may otherwise use it, and nothing
/// changes.
#[actix_web::test]
async fn every_state_changing_route_refuses_a_missing_wrong_or_foreign_csrf_token() {
    let world = World::new().await;
    let tokens = &world.tokens;
    let before = snapshot(&world.app);
    let mut deviations = Vec::new();
    let mut requests = 0;
    for row in matrix().iter().filter(|r| r.method == "POST") {
        let Some(index) = row.expect.iter().position(|e| matches!(e, Allowed | SignedOut)) else { continue };
        let browser = &world.browsers[index];
        let foreign = if index == 1 { &tokens[6] } else { &tokens[1] };
        let url = browser.url(&world.url(row.pattern));
        let attempts: [(&str, Vec<(&str, &str)>); 3] = [
            ("no token", vec![("version", "1")]),
            ("a made-up token", vec![("csrf_token", "0123456789abcdefghijklmnopqrstuv"), ("version", "1")]),
            ("another session's token", vec![("csrf_token", foreign.as_str()), ("version", "1")]),
        ];
        for (what, form) in attempts {
            let status = post(browser, row.pattern, url.clone(), &form).send().await.unwrap().status();
            requests += 1;
            if status != StatusCode::FORBIDDEN {
                deviations.push(format!("POST {} as {:?} with {what}: {status}", row.pattern, VISITORS[index]));
            }
        }
    }
    assert_eq!(snapshot(&world.app), before, "a request without a valid token changed data");
    println!("CSRF: {requests} requests without a valid token, {} deviations", deviations.len());
    assert!(deviations.is_empty(), "{}", deviations.join("\n"));
}

/// The methods the matrix lists for the route of `pattern`, as an `Allow` header lists
/// them (`HEAD` wherever `GET` is).
fn allowed(pattern: &str) -> String {
    let shape_of = |p: &str| shape(route_of(p));
    let mut methods: Vec<&str> =
        matrix().iter().filter(|row| shape_of(row.pattern) == shape_of(pattern)).map(|row| row.method).collect();
    if methods.contains(&"GET") {
        methods.push("HEAD");
    }
    methods.sort_unstable();
    methods.dedup();
    methods.join(", ")
}

/// HTTP methods on every route: `HEAD` answers as `GET` does, without a body; a method
/// the route does not take is a 405 with `Allow` and the error page, not a 404.
#[actix_web::test]
async fn every_route_answers_head_like_get_and_a_wrong_method_with_405() {
    let world = World::new().await;
    let before = snapshot(&world.app);
    let admin = &world.browsers[VISITORS.iter().position(|v| *v == Admin).unwrap()];
    let mut deviations = Vec::new();
    for row in matrix() {
        let url = admin.url(&world.url(row.pattern));
        if row.method == "GET" {
            let get = admin.client.get(&url).send().await.unwrap();
            let (get_status, get_type) = (get.status(), get.headers().get("content-type").cloned());
            let get_length = get.bytes().await.unwrap().len();
            let head = admin.client.head(&url).send().await.unwrap();
            let head_length = head.headers().get("content-length").and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
            let head_type = head.headers().get("content-type").cloned();
            let head_status = head.status();
            let body = head.bytes().await.unwrap();
            if head_status != get_status || head_type != get_type || !body.is_empty() {
                deviations
                    .push(format!("HEAD {}: {head_status} {head_type:?}, GET: {get_status} {get_type:?}", row.pattern));
            }
            if get_status == StatusCode::OK
                && !row.pattern.ends_with(".csv")
                && !row.pattern.ends_with(".json")
                && head_length.is_none_or(|n| n == 0)
            {
                deviations.push(format!("HEAD {}: Content-Length {head_length:?} for {get_length} bytes", row.pattern));
            }
        }
        let wrong = [if row.method == "GET" { "POST" } else { "GET" }, "DELETE", "PUT"];
        for method in wrong {
            if method == "POST" && allowed(row.pattern).contains("POST")
                || method == "GET" && allowed(row.pattern).contains("GET")
            {
                continue;
            }
            let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
            let response = admin.client.request(method.clone(), &url).send().await.unwrap();
            let status = response.status();
            let allow = response.headers().get("allow").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned();
            let csp = response.headers().contains_key("content-security-policy");
            let title = crate::helpers::texts(&response.text().await.unwrap(), "h1");
            // `/metrics` is served on its own listener only: here it is no address at all.
            let (expected_status, expected_allow) = if row.pattern == "/metrics" {
                (StatusCode::NOT_FOUND, String::new())
            } else {
                (StatusCode::METHOD_NOT_ALLOWED, allowed(row.pattern))
            };
            let expected_title = if row.pattern == "/metrics" { "Page not found" } else { "That doesn't work here" };
            if status != expected_status || allow != expected_allow || !csp || title != [expected_title] {
                deviations.push(format!(
                    "{method} {}: {status}, Allow {allow:?} (expected {expected_status}, {expected_allow:?}), {title:?}",
                    row.pattern
                ));
            }
        }
    }
    assert_eq!(snapshot(&world.app), before, "a HEAD or a refused method changed what is stored");
    assert!(deviations.is_empty(), "{} deviations:\n{}", deviations.len(), deviations.join("\n"));
}

/// The SCIM routes (`/scim/v2`): no session, a bearer token only. Each takes a valid
/// token, and answers 401 with `WWW-Authenticate: Bearer` to a request without one, with
/// a revoked one, or with a session cookie instead, changing nothing.
const SCIM_ROUTES: [(&str, &str); 11] = [
    ("GET", "/scim/v2/ServiceProviderConfig"),
    ("GET", "/scim/v2/ResourceTypes"),
    ("GET", "/scim/v2/ResourceTypes/{id}"),
    ("GET", "/scim/v2/Schemas"),
    ("GET", "/scim/v2/Schemas/{id}"),
    ("GET", "/scim/v2/Users"),
    ("POST", "/scim/v2/Users"),
    ("GET", "/scim/v2/Users/{id}"),
    ("PUT", "/scim/v2/Users/{id}"),
    ("PATCH", "/scim/v2/Users/{id}"),
    ("DELETE", "/scim/v2/Users/{id}"),
];

#[actix_web::test]
async fn every_scim_route_takes_a_valid_token_only() {
    let world = World::new().await;
    let app = &world.app;
    let (revoked_id, revoked) = upskill::db::scim_tokens::create(&mut app.db(), "Old", None).unwrap();
    let ada = employee_id(app, "ada.admin@upskill.example");
    assert!(upskill::db::scim_tokens::revoke(&mut app.db(), revoked_id, ada).unwrap());
    let (_, valid) = upskill::db::scim_tokens::create(&mut app.db(), "Valid", None).unwrap();
    let admin = &world.browsers[VISITORS.iter().position(|v| *v == Admin).unwrap()];
    let plain = reqwest::Client::new();
    let fill = |pattern: &str| {
        let id = if pattern.starts_with("/scim/v2/Users") { world.owner.to_string() } else { "User".to_owned() };
        let id = if pattern.starts_with("/scim/v2/Schemas") {
            "urn:ietf:params:scim:schemas:core:2.0:User".to_owned()
        } else {
            id
        };
        format!("{}{}", app.address, pattern.replace("{id}", &id))
    };
    let body = serde_json::json!({
        "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
        "userName": "fiona.associate@upskill.example",
        "Operations": [{"op": "replace", "path": "title", "value": "Associate"}],
    })
    .to_string();
    let mut deviations = Vec::new();
    let before = snapshot(app);
    for (method, pattern) in SCIM_ROUTES {
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let url = fill(pattern);
        let refused = [
            ("no token", plain.request(method.clone(), &url)),
            ("a revoked token", plain.request(method.clone(), &url).bearer_auth(&revoked)),
            ("an administrator's session", admin.client.request(method.clone(), &url)),
        ];
        for (what, request) in refused {
            let response =
                request.header("content-type", "application/scim+json").body(body.clone()).send().await.unwrap();
            let challenge = response.headers().get("www-authenticate").is_some();
            if response.status() != StatusCode::UNAUTHORIZED || !challenge {
                deviations.push(format!("{method} {pattern} with {what}: {}", response.status()));
            }
        }
    }
    assert_eq!(snapshot(app), before, "a refused SCIM request changed data");
    for (method, pattern) in SCIM_ROUTES.iter().filter(|(m, _)| *m != "DELETE") {
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let body = if method == reqwest::Method::POST {
            serde_json::json!({"userName": "new.person@upskill.example"}).to_string()
        } else {
            body.clone()
        };
        let response = plain
            .request(method.clone(), fill(pattern))
            .bearer_auth(&valid)
            .header("content-type", "application/scim+json")
            .body(body)
            .send()
            .await
            .unwrap();
        if !response.status().is_success() {
            deviations.push(format!("{method} {pattern} with a valid token: {}", response.status()));
        }
    }
    assert!(deviations.is_empty(), "{}", deviations.join("\n"));
}
