//! Programs employees propose: the proposal form, the administrators' review (approve,
//! ask for changes, decline), the draft program an approval makes with the proposer as
//! its owner, and the owner asking for it to be published. Each step leaves its timeline
//! line, its audit line and the notices.

use diesel::prelude::*;
use reqwest::StatusCode;
use upskill::db::schema::{
    audit_log, notifications, program_proposals, program_team_members, programs, proposal_events,
};

use crate::helpers::{
    attribute_values, employee_id, form_fields, location, signed_in, texts, with_field, Browser, TestApp,
};

/// A complete proposal, as the form sends it.
fn proposal_fields(name: &str) -> Vec<(&'static str, String)> {
    vec![
        ("name", name.to_owned()),
        ("summary", "Spreadsheets and SQL for people who run the yard.".to_owned()),
        (
            "description",
            "Twelve weeks of evening classes on the data a yard produces,\r\nwith a project at the end.".to_owned(),
        ),
        ("kind", "cohort".to_owned()),
        ("audience", "Yard and fleet associates who want to move into analytics.".to_owned()),
        ("expected_cost", "1,200".to_owned()),
        ("experience", "I ran the site's spreadsheet club for two years.".to_owned()),
    ]
}

async fn post(browser: &Browser, path: &str, fields: &[(&str, String)]) -> reqwest::Response {
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    browser.post_with_csrf(path, &pairs).await
}

/// `browser` proposes a program named `name`; returns the proposal's id.
async fn propose(browser: &Browser, name: &str) -> i32 {
    let sent = post(browser, "/proposals/new", &proposal_fields(name)).await;
    assert_eq!(sent.status(), StatusCode::SEE_OTHER, "the proposal is taken");
    location(&sent).trim_start_matches("/proposals/").parse().expect("the proposal's page")
}

fn status_of(app: &TestApp, id: i32) -> String {
    program_proposals::table.find(id).select(program_proposals::status).first(&mut app.db()).unwrap()
}

fn steps_of(app: &TestApp, id: i32) -> Vec<String> {
    proposal_events::table
        .filter(proposal_events::proposal_id.eq(id))
        .order(proposal_events::id)
        .select(proposal_events::kind)
        .load(&mut app.db())
        .unwrap()
}

fn audit_actions(app: &TestApp, prefix: &str) -> Vec<String> {
    audit_log::table
        .filter(audit_log::action.like(format!("{prefix}%")))
        .order(audit_log::id)
        .select(audit_log::action)
        .load(&mut app.db())
        .unwrap()
}

fn notices_of(app: &TestApp, email: &str) -> Vec<String> {
    notifications::table
        .filter(notifications::employee_id.eq(employee_id(app, email)))
        .order(notifications::id)
        .select(notifications::body)
        .load(&mut app.db())
        .unwrap()
}

async fn decide(admin: &Browser, id: i32, decision: &str, comment: &str) -> reqwest::Response {
    admin
        .post_with_csrf(&format!("/admin/proposals/{id}/decision"), &[("decision", decision), ("comment", comment)])
        .await
}

#[actix_web::test]
async fn a_proposal_goes_from_the_form_through_review_to_a_published_program_its_proposer_owns() {
    let app = crate::helpers::spawn_app().await;
    let dev = signed_in(&app, "dev.engineer").await;
    let ada = signed_in(&app, "ada.admin").await;

    // The form refuses what is wrong, field by field, and keeps what was typed.
    let (status, empty) = dev.page("/proposals").await;
    assert_eq!(status, StatusCode::OK);
    assert!(texts(&empty, ".empty-state").iter().any(|t| t.contains("not proposed a program yet")), "{empty}");
    let mut wrong = proposal_fields("Forklift to Fleet Analyst");
    wrong[1].1 = "Short".into();
    wrong[5].1 = "twelve hundred".into();
    let refused = post(&dev, "/proposals/new", &wrong).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = refused.text().await.unwrap();
    assert_eq!(
        attribute_values(&page, ".error-summary a", "href"),
        ["#summary", "#expected_cost"],
        "the summary lists the wrong fields in the form's order"
    );
    assert_eq!(attribute_values(&page, "#name", "value"), ["Forklift to Fleet Analyst"]);
    assert_eq!(program_proposals::table.count().get_result::<i64>(&mut app.db()).unwrap(), 0);

    // Dev proposes; the administrators are told; it waits in their queue.
    let id = propose(&dev, "Forklift to Fleet Analyst").await;
    assert_eq!(status_of(&app, id), "submitted");
    assert!(notices_of(&app, "ada.admin@upskill.example")
        .iter()
        .any(|n| n.contains("Dev Engineer proposed a program: Forklift to Fleet Analyst")));
    let (status, queue) = ada.page("/admin/proposals").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(attribute_values(&queue, "tr[data-proposal]", "data-proposal"), [id.to_string()]);
    let (_, mine) = dev.page("/proposals").await;
    assert_eq!(texts(&mine, "tr[data-proposal] .status"), ["Waiting for review"]);
    let (_, shown) = dev.page(&format!("/proposals/{id}")).await;
    assert!(shown.contains("with a project at the end."), "the description is kept with its line break: {shown}");

    // Asking for changes needs a comment; with one, Dev is told and edits.
    let without = decide(&ada, id, "request_changes", " ").await;
    assert_eq!(without.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(status_of(&app, id), "submitted", "a refused decision changes nothing");
    let asked = decide(&ada, id, "request_changes", "Name the provider and the weeks.").await;
    assert_eq!(asked.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, id), "changes_requested");
    assert!(notices_of(&app, "dev.engineer@upskill.example")
        .iter()
        .any(|n| n.contains("Ada Admin asked for changes to your proposal Forklift to Fleet Analyst")));
    let (_, shown) = dev.page(&format!("/proposals/{id}")).await;
    assert_eq!(texts(&shown, ".timeline .comment"), ["Name the provider and the weeks."]);
    let (status, form) = dev.page(&format!("/proposals/{id}/edit")).await;
    assert_eq!(status, StatusCode::OK);
    let fields = with_field(
        form_fields(&form, "form[action$='/edit']"),
        "description",
        Some("Twelve weeks with the Yard Data Institute, two evenings a week, and a project at the end."),
    );
    let resent = dev.submit(&format!("/proposals/{id}/edit"), &fields).await;
    assert_eq!(resent.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, id), "submitted");

    // Ada approves: a draft program, owned by Dev, made from the proposal.
    let approved = decide(&ada, id, "approve", "").await;
    assert_eq!(approved.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, id), "approved");
    let (program_id, slug, program_status, description): (i32, String, String, String) = programs::table
        .filter(programs::name.eq("Forklift to Fleet Analyst"))
        .select((programs::id, programs::slug, programs::status, programs::description))
        .first(&mut app.db())
        .unwrap();
    assert_eq!((slug.as_str(), program_status.as_str()), ("forklift-to-fleet-analyst", "draft"));
    assert!(description.contains("Yard Data Institute"), "the draft takes the proposal as sent again");
    let team: Vec<(i32, String)> = program_team_members::table
        .filter(program_team_members::program_id.eq(program_id))
        .select((program_team_members::employee_id, program_team_members::role))
        .load(&mut app.db())
        .unwrap();
    assert_eq!(team, [(employee_id(&app, "dev.engineer@upskill.example"), "owner".to_owned())]);
    assert!(notices_of(&app, "dev.engineer@upskill.example").iter().any(|n| n.contains("you are its owner")));
    // Editing the proposal is over: the program is what changes now.
    let late = dev.get(&format!("/proposals/{id}/edit")).await;
    assert_eq!(location(&late), format!("/proposals/{id}"));

    // Dev completes the draft: the provider is the one field the form still asks for.
    let (status, draft_form) = dev.page(&format!("/admin/programs/{slug}/edit")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(draft_form.contains("Ask an administrator to publish it"), "{draft_form}");
    let fields = form_fields(&draft_form, "form.program-form");
    let unfinished = dev.submit(&format!("/admin/programs/{slug}/edit"), &fields).await;
    assert_eq!(unfinished.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let fields = with_field(fields, "provider", Some("Yard Data Institute"));
    let saved = dev.submit(&format!("/admin/programs/{slug}/edit"), &fields).await;
    assert_eq!(saved.status(), StatusCode::SEE_OTHER, "{}", saved.text().await.unwrap());
    // Only administrators publish; Dev asks them to, once.
    let publish = dev.post_with_csrf(&format!("/admin/programs/{slug}/publish"), &[]).await;
    assert_eq!(publish.status(), StatusCode::FORBIDDEN);
    for _ in 0..2 {
        let asked = dev.post_with_csrf(&format!("/admin/programs/{slug}/publication-request"), &[]).await;
        assert_eq!(asked.status(), StatusCode::SEE_OTHER);
    }
    let asking: Vec<String> = notices_of(&app, "ada.admin@upskill.example")
        .into_iter()
        .filter(|n| n.contains("asks for the draft program Forklift to Fleet Analyst to be published"))
        .collect();
    assert_eq!(asking.len(), 1, "asked twice, told once");
    let (_, queue) = ada.page("/admin/proposals").await;
    assert_eq!(attribute_values(&queue, ".to-publish a", "href"), [format!("/admin/programs/{slug}/edit")]);

    // Ada publishes: Dev is told, the proposal's timeline ends with it, and it is in the catalog.
    let published = ada.post_with_csrf(&format!("/admin/programs/{slug}/publish"), &[]).await;
    assert_eq!(published.status(), StatusCode::SEE_OTHER);
    assert!(notices_of(&app, "dev.engineer@upskill.example")
        .iter()
        .any(|n| n.contains("Forklift to Fleet Analyst, the program you proposed, is published")));
    assert_eq!(
        steps_of(&app, id),
        ["submitted", "changes_requested", "resubmitted", "approved", "publication_requested", "published"]
    );
    assert_eq!(
        audit_actions(&app, "proposal."),
        ["proposal.submitted", "proposal.changes_requested", "proposal.edited", "proposal.approved"]
    );
    assert!(audit_actions(&app, "program.").contains(&"program.publication_requested".to_owned()));
    let (status, _) = dev.page(&format!("/programs/{slug}")).await;
    assert_eq!(status, StatusCode::OK);
    let (_, queue) = ada.page("/admin/proposals").await;
    assert!(queue.contains("No proposal waits for review."), "{queue}");
    assert!(attribute_values(&queue, ".to-publish a", "href").is_empty());
}

#[actix_web::test]
async fn a_declined_proposal_ends_and_only_its_proposer_and_the_administrators_see_it() {
    let app = crate::helpers::spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let ada = signed_in(&app, "ada.admin").await;
    let carl = signed_in(&app, "carl.corporate").await;
    let id = propose(&fiona, "Warehouse Robotics Basics").await;

    assert_eq!(carl.get(&format!("/proposals/{id}")).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(carl.get(&format!("/proposals/{id}/edit")).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        ada.get(&format!("/proposals/{id}/edit")).await.status(),
        StatusCode::NOT_FOUND,
        "only the proposer edits"
    );
    assert_eq!(carl.get("/admin/proposals").await.status(), StatusCode::FORBIDDEN);
    assert_eq!(decide(&carl, id, "approve", "").await.status(), StatusCode::FORBIDDEN);
    assert_eq!(status_of(&app, id), "submitted");

    // Declining needs a reason, which Fiona reads.
    assert_eq!(decide(&ada, id, "decline", "").await.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let declined = decide(&ada, id, "decline", "The Technical Academy covers robotics from March.").await;
    assert_eq!(declined.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, id), "declined");
    let (_, shown) = fiona.page(&format!("/proposals/{id}")).await;
    assert_eq!(texts(&shown, ".timeline .comment"), ["The Technical Academy covers robotics from March."]);
    assert!(notices_of(&app, "fiona.associate@upskill.example").iter().any(|n| n.contains("declined your proposal")));

    // Decided means decided: no edit, no second decision.
    let late = fiona.get(&format!("/proposals/{id}/edit")).await;
    assert_eq!((late.status(), location(&late)), (StatusCode::SEE_OTHER, format!("/proposals/{id}")));
    let mut fields = proposal_fields("Warehouse Robotics Basics");
    fields.push(("seen", "submitted".to_owned()));
    let edited = post(&fiona, &format!("/proposals/{id}/edit"), &fields).await;
    assert_eq!(edited.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, id), "declined");
    let again = decide(&ada, id, "approve", "").await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, id), "declined");
    assert_eq!(steps_of(&app, id), ["submitted", "declined"]);
    assert_eq!(
        programs::table
            .filter(programs::name.eq("Warehouse Robotics Basics"))
            .count()
            .get_result::<i64>(&mut app.db())
            .unwrap(),
        0
    );
}

#[actix_web::test]
async fn nobody_decides_their_own_proposal_and_only_an_owner_asks_to_publish() {
    let app = crate::helpers::spawn_app().await;
    let ada = signed_in(&app, "ada.admin").await;
    let id = propose(&ada, "Leading Without Authority").await;
    assert_eq!(decide(&ada, id, "approve", "").await.status(), StatusCode::FORBIDDEN);
    let (_, shown) = ada.page(&format!("/proposals/{id}")).await;
    assert!(!shown.contains("Record the decision"), "no decision form on one's own proposal");
    assert_eq!(status_of(&app, id), "submitted");

    // Dev is no administrator: Ada's proposal waits for another one.
    let dev = signed_in(&app, "dev.engineer").await;
    assert_eq!(decide(&dev, id, "approve", "").await.status(), StatusCode::FORBIDDEN);

    // Two names alike get two addresses; a coordinator of the draft cannot ask to publish.
    let first = propose(&dev, "Leading Without Authority").await;
    assert_eq!(decide(&ada, first, "approve", "").await.status(), StatusCode::SEE_OTHER);
    let slug: String = programs::table
        .filter(programs::name.eq("Leading Without Authority"))
        .select(programs::slug)
        .first(&mut app.db())
        .unwrap();
    assert_eq!(slug, "leading-without-authority");
    let taken = propose(&dev, "Leading without authority!").await;
    assert_eq!(decide(&ada, taken, "approve", "").await.status(), StatusCode::SEE_OTHER);
    let slugs: Vec<String> = programs::table
        .filter(programs::slug.like("leading-without-authority%"))
        .order(programs::id)
        .select(programs::slug)
        .load(&mut app.db())
        .unwrap();
    assert_eq!(slugs, ["leading-without-authority", "leading-without-authority-2"]);

    let carl_id = employee_id(&app, "carl.corporate@upskill.example");
    let program_id: i32 =
        programs::table.filter(programs::slug.eq(&slug)).select(programs::id).first(&mut app.db()).unwrap();
    diesel::insert_into(program_team_members::table)
        .values((
            program_team_members::program_id.eq(program_id),
            program_team_members::employee_id.eq(carl_id),
            program_team_members::role.eq("coordinator"),
            program_team_members::added_at.eq(chrono::Utc::now().naive_utc()),
        ))
        .execute(&mut app.db())
        .unwrap();
    let carl = signed_in(&app, "carl.corporate").await;
    let (_, form) = carl.page(&format!("/admin/programs/{slug}/edit")).await;
    assert!(!form.contains("Ask an administrator to publish it"), "{form}");
    let asked = carl.post_with_csrf(&format!("/admin/programs/{slug}/publication-request"), &[]).await;
    assert_eq!(asked.status(), StatusCode::FORBIDDEN);
    let nate = signed_in(&app, "nate.newhire").await;
    let asked = nate.post_with_csrf(&format!("/admin/programs/{slug}/publication-request"), &[]).await;
    assert_eq!(asked.status(), StatusCode::FORBIDDEN, "on no team at all");
}

#[actix_web::test]
async fn two_administrators_deciding_at_once_make_one_decision_and_one_program() {
    let app = crate::helpers::spawn_app().await;
    let dev = signed_in(&app, "dev.engineer").await;
    // A second administrator.
    diesel::update(upskill::db::schema::employees::table.find(employee_id(&app, "maria.manager@upskill.example")))
        .set(upskill::db::schema::employees::is_admin.eq(true))
        .execute(&mut app.db())
        .unwrap();
    let ada = signed_in(&app, "ada.admin").await;
    let maria = signed_in(&app, "maria.manager").await;
    for round in 0..4 {
        let id = propose(&dev, &format!("Parallel Program {round}")).await;
        let (first, second) =
            tokio::join!(decide(&ada, id, "approve", ""), decide(&maria, id, "decline", "No budget."));
        assert_eq!((first.status(), second.status()), (StatusCode::SEE_OTHER, StatusCode::SEE_OTHER));
        let status = status_of(&app, id);
        let programs_made: i64 = programs::table
            .filter(programs::name.eq(format!("Parallel Program {round}")))
            .count()
            .get_result(&mut app.db())
            .unwrap();
        assert_eq!(programs_made, i64::from(status == "approved"), "round {round}: {status}");
        let decisions: Vec<String> =
            steps_of(&app, id).into_iter().filter(|s| s == "approved" || s == "declined").collect();
        assert_eq!(decisions, [status], "round {round}: one decision on the timeline");
    }
}

#[actix_web::test]
async fn two_proposals_named_alike_approved_at_once_get_two_addresses() {
    let app = crate::helpers::spawn_app().await;
    diesel::update(upskill::db::schema::employees::table.find(employee_id(&app, "maria.manager@upskill.example")))
        .set(upskill::db::schema::employees::is_admin.eq(true))
        .execute(&mut app.db())
        .unwrap();
    let (ada, maria) = (signed_in(&app, "ada.admin").await, signed_in(&app, "maria.manager").await);
    let (dev, fiona) = (signed_in(&app, "dev.engineer").await, signed_in(&app, "fiona.associate").await);
    for round in 0..5 {
        let name = format!("Same Name Program {round}");
        let (first, second) = (propose(&dev, &name).await, propose(&fiona, &name).await);
        let (a, b) = tokio::join!(decide(&ada, first, "approve", ""), decide(&maria, second, "approve", ""));
        assert_eq!((a.status(), b.status()), (StatusCode::SEE_OTHER, StatusCode::SEE_OTHER), "round {round}");
        let mut slugs: Vec<String> =
            programs::table.filter(programs::name.eq(&name)).select(programs::slug).load(&mut app.db()).unwrap();
        slugs.sort();
        let base = format!("same-name-program-{round}");
        assert_eq!(slugs, [base.clone(), format!("{base}-2")], "round {round}");
        assert_eq!((status_of(&app, first), status_of(&app, second)), ("approved".into(), "approved".into()));
    }
}

#[actix_web::test]
async fn a_proposer_withdraws_a_proposal_after_confirming_and_it_ends_there() {
    let app = crate::helpers::spawn_app().await;
    let fiona = signed_in(&app, "fiona.associate").await;
    let ada = signed_in(&app, "ada.admin").await;
    let id = propose(&fiona, "Night Shift Spanish").await;
    let (_, shown) = fiona.page(&format!("/proposals/{id}")).await;
    assert_eq!(attribute_values(&shown, "a[href$='/withdraw']", "href"), [format!("/proposals/{id}/withdraw")]);

    // Asked first, on a page of its own; nobody else withdraws it.
    let (status, confirm) = fiona.page(&format!("/proposals/{id}/withdraw")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(confirm.contains("Withdrawing it is final"), "{confirm}");
    assert_eq!(status_of(&app, id), "submitted", "asking changes nothing");
    let refused = ada.post_with_csrf(&format!("/proposals/{id}/withdraw"), &[]).await;
    assert_eq!(refused.status(), StatusCode::NOT_FOUND);
    assert_eq!(status_of(&app, id), "submitted");

    let withdrawn = fiona.post_with_csrf(&format!("/proposals/{id}/withdraw"), &[]).await;
    assert_eq!((withdrawn.status(), location(&withdrawn)), (StatusCode::SEE_OTHER, format!("/proposals/{id}")));
    assert_eq!(status_of(&app, id), "withdrawn");
    assert_eq!(steps_of(&app, id), ["submitted", "withdrawn"]);
    assert_eq!(audit_actions(&app, "proposal."), ["proposal.submitted", "proposal.withdrawn"]);

    // It ends there: no second withdrawal, no edit, no decision.
    let again = fiona.post_with_csrf(&format!("/proposals/{id}/withdraw"), &[]).await;
    assert_eq!(again.status(), StatusCode::SEE_OTHER);
    let late = fiona.get(&format!("/proposals/{id}/edit")).await;
    assert_eq!(location(&late), format!("/proposals/{id}"));
    assert_eq!(decide(&ada, id, "approve", "").await.status(), StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app, id), "withdrawn");
    assert_eq!(steps_of(&app, id), ["submitted", "withdrawn"]);
    let (_, queue) = ada.page("/admin/proposals?status=withdrawn").await;
    assert_eq!(attribute_values(&queue, "tr[data-proposal]", "data-proposal"), [id.to_string()]);
}
