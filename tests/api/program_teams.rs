//! Program teams: an admin names a program's owners and coordinators with the people
//! picker; a member runs that program (its form, its team stage, its lists) and nothing
//! of other programs; what waits for the team stage goes to the team.

use chrono::TimeDelta;
use diesel::prelude::*;
use reqwest::StatusCode;
use upskill::db::schema::{applications, audit_log, notifications};

use crate::helpers::{apply_for_tuition, employee_id, location, signed_in, status_of, texts, version_of, TestApp};
use crate::mail::upskill;

/// Ada (admin) puts `email` on the team of `slug` as `role` through the team page: she
/// finds them by part of their name, then presses the button the search offers.
async fn add_to_team(app: &TestApp, ada: &crate::helpers::Browser, slug: &str, search: &str, email: &str, role: &str) {
    let person = employee_id(app, email);
    let (status, page) = ada.page(&format!("/admin/programs/{slug}/team?q={search}")).await;
    assert_eq!(status, StatusCode::OK);
    let offered =
        crate::helpers::attribute_values(&page, &format!("li[data-found='{person}'] input[name='role']"), "value");
    assert!(offered.iter().any(|r| r == role), "the search offers {email} as {role}: {offered:?}");
    let added = ada
        .post_with_csrf(
            &format!("/admin/programs/{slug}/team"),
            &[("employee_id", &person.to_string()), ("role", role)],
        )
        .await;
    assert_eq!(added.status(), StatusCode::SEE_OTHER);
    assert_eq!(location(&added), format!("/admin/programs/{slug}/team"));
}

/// Gives `slug` a program team's stage after the manager's.
fn program_team_decides(app: &TestApp, slug: &str) {
    use upskill::db::schema::programs;
    diesel::update(programs::table.filter(programs::slug.eq(slug)))
        .set(programs::needs_admin_approval.eq(true))
        .execute(&mut app.db())
        .unwrap();
}

#[actix_web::test]
async fn an_admin_names_a_team_whose_member_runs_that_program_and_nothing_else() {
    let app = crate::helpers::spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let carl = signed_in(&app, "carl.corporate").await;
    assert_eq!(carl.get("/admin/programs").await.status(), StatusCode::FORBIDDEN, "not on a team yet");

    add_to_team(&app, &ada, "career-choice", "Carl", "carl.corporate@upskill.example", "coordinator").await;
    let (_, team) = ada.page("/admin/programs/career-choice/team").await;
    assert!(
        texts(&team, ".flash-message").iter().any(|t| t.contains("Carl Corporate is on the team as coordinator.")),
        "{team}"
    );
    assert_eq!(texts(&team, "tr[data-member] td[data-label='Role']"), ["Coordinator"]);
    let audited: Vec<(String, String, String)> = audit_log::table
        .filter(audit_log::action.eq("program.team_member_added"))
        .select((audit_log::subject, audit_log::details, audit_log::action))
        .load(&mut app.db())
        .unwrap();
    assert_eq!(audited.len(), 1);
    assert_eq!(
        (audited[0].0.as_str(), audited[0].1.as_str()),
        ("career-choice", "carl.corporate@upskill.example as coordinator")
    );

    // Carl's navigation and his programs.
    let (status, home) = carl.page("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(texts(&home, ".site-nav a").iter().any(|t| t == "My programs"), "{home}");
    let (status, mine) = carl.page("/admin/programs").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(crate::helpers::attribute_values(&mine, "tr[data-program]", "data-program"), ["career-choice"]);
    assert!(texts(&mine, "h1").contains(&"My programs".to_owned()));
    assert!(!mine.contains("/publish"), "only admins publish");
    // His program's pages, and not another's (404: he is not told it exists).
    assert_eq!(carl.get("/admin/programs/career-choice/edit").await.status(), StatusCode::OK);
    assert_eq!(carl.get("/admin/programs/associate2tech/edit").await.status(), StatusCode::NOT_FOUND);
    assert_eq!(carl.get("/admin/programs/amazon-apprenticeship/intakes").await.status(), StatusCode::NOT_FOUND);
    assert_eq!(carl.get("/admin/programs/no-such-program/edit").await.status(), StatusCode::NOT_FOUND);
    // Admin-only pages stay closed.
    for path in ["/admin", "/admin/employees", "/admin/audit", "/admin/programs/new"] {
        assert_eq!(carl.get(path).await.status(), StatusCode::FORBIDDEN, "{path}");
    }
    // He sees the team but cannot change it.
    let (status, team) = carl.page("/admin/programs/career-choice/team").await;
    assert_eq!(status, StatusCode::OK);
    assert!(!team.contains("Add someone"), "{team}");
    let carl_id = employee_id(&app, "carl.corporate@upskill.example").to_string();
    let refused = carl
        .post_with_csrf("/admin/programs/career-choice/team", &[("employee_id", &carl_id), ("role", "owner")])
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);

    // The applications list shows his program's applications only, and refuses another's.
    let fiona = signed_in(&app, "fiona.associate").await;
    let tuition = apply_for_tuition(&fiona).await;
    let other = crate::helpers::apply(&fiona, "aws-training-and-certification", &[]).await;
    let (status, list) = carl.page("/admin/applications").await;
    assert_eq!(status, StatusCode::OK);
    let listed: Vec<String> = crate::helpers::attribute_values(&list, "tr[data-application]", "data-application");
    assert!(listed.contains(&tuition.to_string()) && !listed.contains(&other.to_string()), "{listed:?}");
    let (_, csv) = carl.page("/admin/applications.csv").await;
    assert!(csv.lines().skip(1).all(|line| line.contains("Career Choice")), "{csv}");
    assert_eq!(
        carl.get("/admin/applications?program=aws-training-and-certification").await.status(),
        StatusCode::UNPROCESSABLE_ENTITY
    );
    assert_eq!(carl.get(&format!("/applications/{tuition}")).await.status(), StatusCode::OK);
    assert_eq!(carl.get(&format!("/applications/{other}")).await.status(), StatusCode::NOT_FOUND);

    // Removed, he loses it all at his next request.
    let removed = ada
        .post_with_csrf("/admin/programs/career-choice/team", &[("employee_id", &carl_id), ("role", "remove")])
        .await;
    assert_eq!(removed.status(), StatusCode::SEE_OTHER);
    assert_eq!(carl.get("/admin/programs").await.status(), StatusCode::FORBIDDEN);
    assert_eq!(carl.get(&format!("/applications/{tuition}")).await.status(), StatusCode::NOT_FOUND);
    let removals: i64 = audit_log::table
        .filter(audit_log::action.eq("program.team_member_removed"))
        .count()
        .get_result(&mut app.db())
        .unwrap();
    assert_eq!(removals, 1);
}

#[actix_web::test]
async fn the_team_decides_its_program_team_stage_and_is_told_instead_of_the_admins() {
    let app = crate::helpers::spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    program_team_decides(&app, "career-choice");
    add_to_team(&app, &ada, "career-choice", "carl", "carl.corporate@upskill.example", "owner").await;
    let carl = signed_in(&app, "carl.corporate").await;
    let (carl_id, ada_id) =
        (employee_id(&app, "carl.corporate@upskill.example"), employee_id(&app, "ada.admin@upskill.example"));

    // Fiona applies; Maria approves: it waits for the program team, and Carl is told.
    let fiona = signed_in(&app, "fiona.associate").await;
    let id = apply_for_tuition(&fiona).await;
    let maria = signed_in(&app, "maria.manager").await;
    let approved =
        maria.post_with_csrf(&format!("/applications/{id}/approve"), &[("version", &version_of(&app, id))]).await;
    assert_eq!(approved.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, id), "manager_approved");
    let told: Vec<i32> = notifications::table
        .filter(notifications::application_id.eq(id))
        .filter(notifications::body.like("%waits for the program team%"))
        .select(notifications::employee_id)
        .load(&mut app.db())
        .unwrap();
    assert_eq!(told, [carl_id], "the team is told, not every admin");
    assert!(!told.contains(&ada_id));

    // The application is in Carl's queue; an AWS application waiting on the team is not.
    let other = {
        let paula = signed_in(&app, "paula.parttime").await;
        let other = apply_for_tuition(&paula).await;
        maria.post_with_csrf(&format!("/applications/{other}/approve"), &[("version", &version_of(&app, other))]).await;
        // Made another program's: the data as if Paula had applied there.
        diesel::update(applications::table.find(other))
            .set(applications::program_id.eq(crate::helpers::program_id(&app, "aws-training-and-certification")))
            .execute(&mut app.db())
            .unwrap();
        other
    };
    let (status, queue) = carl.page("/approvals").await;
    assert_eq!(status, StatusCode::OK);
    let queued = crate::helpers::attribute_values(&queue, "[data-application]", "data-application");
    assert!(queued.contains(&id.to_string()), "{queued:?}");
    assert!(!queued.contains(&other.to_string()), "another program's stage: {queued:?}");

    // Reminders of the team stage go to the team too.
    diesel::update(applications::table.find(id))
        .set(applications::updated_at.eq(upskill::clock::now() - TimeDelta::days(14)))
        .execute(&mut app.db())
        .unwrap();
    let dry_run = upskill(&app, &["remind", "--dry-run"]);
    assert!(
        dry_run.contains(&format!("application {id:>6}  approver    to carl.corporate@upskill.example")),
        "{dry_run}"
    );
    assert!(!dry_run.contains(&format!("application {id:>6}  approver    to ada.admin")), "{dry_run}");

    // Carl approves: the place is Fiona's.
    let decided =
        carl.post_with_csrf(&format!("/applications/{id}/approve"), &[("version", &version_of(&app, id))]).await;
    assert_eq!(decided.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, id), "approved");
    // He cannot decide the other program's.
    let refused =
        carl.post_with_csrf(&format!("/applications/{other}/approve"), &[("version", &version_of(&app, other))]).await;
    assert_eq!(refused.status(), StatusCode::NOT_FOUND);
    assert_eq!(status_of(&app, other), "manager_approved");
}

#[actix_web::test]
async fn nobody_on_a_team_decides_their_own_application() {
    let app = crate::helpers::spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    program_team_decides(&app, "career-choice");
    add_to_team(&app, &ada, "career-choice", "Fiona", "fiona.associate@upskill.example", "owner").await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let id = apply_for_tuition(&fiona).await;
    let maria = signed_in(&app, "maria.manager").await;
    maria.post_with_csrf(&format!("/applications/{id}/approve"), &[("version", &version_of(&app, id))]).await;
    assert_eq!(status_of(&app, id), "manager_approved");
    let (_, queue) = fiona.page("/approvals").await;
    assert!(
        !crate::helpers::attribute_values(&queue, "[data-application]", "data-application").contains(&id.to_string())
    );
    let own = fiona.post_with_csrf(&format!("/applications/{id}/approve"), &[("version", &version_of(&app, id))]).await;
    assert_eq!(own.status(), StatusCode::FORBIDDEN);
    assert_eq!(status_of(&app, id), "manager_approved");
}

#[actix_web::test]
async fn the_people_picker_refuses_what_it_cannot_use_and_never_adds_someone_who_left() {
    let app = crate::helpers::spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    // Control characters in an address are refused before any page (400, the app's page).
    for search in ["%00", "a%01b"] {
        let (status, page) = ada.page(&format!("/admin/programs/career-choice/team?q={search}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{search}");
        assert!(page.contains("<html"), "{search}: {page}");
    }
    let (status, page) = ada.page(&format!("/admin/programs/career-choice/team?q={}", "x".repeat(101))).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(texts(&page, ".field-error"), ["Type at most 100 characters."], "{page}");
    // Any part of the name, whatever its case, on both backends ("manager" is in Maria's
    // name, not at the start of her address).
    let maria = employee_id(&app, "maria.manager@upskill.example");
    for search in ["manager", "MANAGER", "Manag"] {
        let (_, found) = ada.page(&format!("/admin/programs/career-choice/team?q={search}")).await;
        let ids = crate::helpers::attribute_values(&found, "li[data-found]", "data-found");
        assert!(ids.contains(&maria.to_string()), "{search}: {ids:?}");
    }
    let (_, nobody) = ada.page("/admin/programs/career-choice/team?q=zzzz-nobody").await;
    let said = texts(&nobody, "main p");
    assert!(said.iter().any(|p| p.starts_with("Nobody's name or e-mail matches")), "{said:?}");
    // Paula left: the search says so and offers no button; a forged request adds nothing.
    let paula = employee_id(&app, "paula.parttime@upskill.example");
    diesel::update(upskill::db::schema::employees::table.find(paula))
        .set(upskill::db::schema::employees::active.eq(false))
        .execute(&mut app.db())
        .unwrap();
    let (_, found) = ada.page("/admin/programs/career-choice/team?q=Paula").await;
    assert!(texts(&found, &format!("li[data-found='{paula}']")).iter().any(|t| t.contains("No longer works here")));
    let forged = ada
        .post_with_csrf("/admin/programs/career-choice/team", &[("employee_id", &paula.to_string()), ("role", "owner")])
        .await;
    assert_eq!(forged.status(), StatusCode::SEE_OTHER);
    let members: i64 = upskill::db::schema::program_team_members::table.count().get_result(&mut app.db()).unwrap();
    assert_eq!(members, 0);
    for (id, role) in [("x", "owner"), (&paula.to_string(), "boss"), ("99999", "owner")] {
        let bad =
            ada.post_with_csrf("/admin/programs/career-choice/team", &[("employee_id", id), ("role", role)]).await;
        assert!(
            [StatusCode::BAD_REQUEST, StatusCode::NOT_FOUND].contains(&bad.status()),
            "{id} {role}: {}",
            bad.status()
        );
    }
}

#[actix_web::test]
async fn an_admin_builds_a_team_in_the_browser_and_its_member_finds_their_program_at_1280_and_375_pixels() {
    use crate::browser::{assert_fits, axe, axe_source, in_browser_on};
    let app = crate::helpers::spawn_app().await;
    program_team_decides(&app, "career-choice");
    let fiona = signed_in(&app, "fiona.associate").await;
    let id = apply_for_tuition(&fiona).await;
    let maria = signed_in(&app, "maria.manager").await;
    maria.post_with_csrf(&format!("/applications/{id}/approve"), &[("version", &version_of(&app, id))]).await;
    let axe_js = axe_source();
    let carl = employee_id(&app, "carl.corporate@upskill.example");
    in_browser_on(app, "program-team", |d| async move {
        let serious = |found: Vec<(String, String, u64, String)>| -> Vec<(String, String, u64, String)> {
            found.into_iter().filter(|(_, impact, _, _)| impact == "serious" || impact == "critical").collect()
        };
        d.sign_in("ada.admin@upskill.example").await;
        d.visit("/admin/programs").await;
        d.click("tr[data-program='career-choice'] a[href$='/team']").await;
        assert!(d.texts(".empty-state").await.iter().any(|t| t.contains("Nobody is on this program's team yet")));
        d.fill("#q", "corpor").await;
        d.click("form[role=search] button[type=submit]").await;
        d.click(&format!("li[data-found='{carl}'] form:last-child button")).await;
        assert_eq!(d.texts(".flash-message").await, ["Carl Corporate is on the team as coordinator."]);
        assert_eq!(d.texts("tr[data-member] td[data-label='Role']").await, ["Coordinator"]);
        d.click("tr[data-member] form:first-child button").await;
        assert_eq!(d.texts(".flash-message").await, ["Carl Corporate is now the team's owner."]);
        d.visit("/admin/programs/career-choice/team?q=Carl").await;
        for width in [1280u32, 375] {
            d.client.set_window_size(width, 900).await.unwrap();
            let found = serious(axe(&d, &axe_js).await);
            assert!(found.is_empty(), "team page at {width}: {found:?}");
            if width == 375 {
                assert_fits(&d, "/admin/programs/career-choice/team?q=Carl").await;
            }
        }
        d.sign_out().await;

        d.client.set_window_size(1280, 900).await.unwrap();
        d.sign_in("carl.corporate@upskill.example").await;
        d.click(".site-nav a[href='/admin/programs']").await;
        assert_eq!(d.texts("h1").await, ["My programs"]);
        assert!(d.texts("tr[data-program='career-choice'] th").await[0].contains("you: owner"));
        d.click(".site-nav a[href='/approvals']").await;
        assert_eq!(d.texts(&format!("tr[data-application='{id}'] a")).await.len(), 1, "Carl decides the team's stage");
        for width in [1280u32, 375] {
            d.client.set_window_size(width, 900).await.unwrap();
            for page in ["/admin/programs", "/admin/programs/career-choice/team", "/admin/applications", "/approvals"] {
                d.visit(page).await;
                let found = serious(axe(&d, &axe_js).await);
                assert!(found.is_empty(), "{page} at {width}: {found:?}");
                if width == 375 {
                    assert_fits(&d, page).await;
                }
            }
        }
        d
    })
    .await;
}

#[actix_web::test]
async fn a_team_member_sees_the_figures_of_their_program_and_of_no_other() {
    use upskill::domain::ApplicationStatus;
    let app = crate::helpers::spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    add_to_team(&app, &ada, "amazon-apprenticeship", "Carl", "carl.corporate@upskill.example", "owner").await;
    let carl = signed_in(&app, "carl.corporate").await;
    let (status, page) = carl.page("/admin/programs/amazon-apprenticeship/figures").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(texts(&page, "[data-empty='funnel'] p"), ["Nobody has applied to this program yet."]);

    // Two applications to the apprenticeship (one approved) and one to another program.
    let program = crate::helpers::program_id(&app, "amazon-apprenticeship");
    let intake = crate::helpers::intake_ids(&app, "amazon-apprenticeship")[0];
    for (person, status) in
        [("fiona.associate", ApplicationStatus::Approved), ("dev.engineer", ApplicationStatus::Submitted)]
    {
        let employee = employee_id(&app, &format!("{person}@upskill.example"));
        crate::helpers::ApplicationBuilder::new(employee, program, status).intake(intake).insert(&mut app.db());
    }
    let other = crate::helpers::program_id(&app, "machine-learning-university");
    crate::helpers::ApplicationBuilder::new(
        employee_id(&app, "tom.techlead@upskill.example"),
        other,
        ApplicationStatus::Approved,
    )
    .insert(&mut app.db());
    let (_, page) = carl.page("/admin/programs/amazon-apprenticeship/figures").await;
    assert_eq!(texts(&page, "[data-table='program-funnel'] td[data-label='Submitted']"), ["2"]);
    assert_eq!(texts(&page, "[data-table='program-funnel'] td[data-label='Approved']"), ["1 (50%)"]);
    assert_eq!(texts(&page, "table[data-table='budgets'] tbody th"), ["Amazon Apprenticeship"], "its budget alone");
    // Another program's figures are not his to see; the administrators see every program's.
    let (status, _) = carl.page("/admin/programs/machine-learning-university/figures").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (status, page) = ada.page("/admin/programs/machine-learning-university/figures").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(texts(&page, "[data-table='program-funnel'] td[data-label='Submitted']"), ["1"]);
}
