//! The audit trail of decisions: what an administrator decides on applications with
//! their rights is in the audit log, in the same transaction as the decision.

use diesel::prelude::*;
use reqwest::StatusCode;
use upskill::db::schema::audit_log;
use upskill::domain::ApplicationStatus;

use crate::helpers::{employee_id, intake_ids, program_id, signed_in, spawn_app, ApplicationBuilder};

#[actix_web::test]
async fn an_admin_s_decisions_on_applications_are_in_the_audit_log() {
    let app = spawn_app().await;
    let program = program_id(&app, "amazon-apprenticeship");
    let intake = intake_ids(&app, "amazon-apprenticeship")[1];
    let fiona = employee_id(&app, "fiona.associate@upskill.example");
    let paula = employee_id(&app, "paula.parttime@upskill.example");
    let waiting = |employee: i32| {
        ApplicationBuilder::new(employee, program, ApplicationStatus::ManagerApproved)
            .intake(intake)
            .undecided()
            .insert(&mut app.db())
    };
    let (approved, rejected) = (waiting(fiona), waiting(paula));
    let ada = signed_in(&app, "ada.admin").await;
    let decide = |id: i32, action: &'static str, comment: &'static str| {
        let ada = &ada;
        let version = crate::helpers::version_of(&app, id);
        async move {
            ada.post_with_csrf(&format!("/applications/{id}/{action}"), &[("version", &version), ("comment", comment)])
                .await
                .status()
        }
    };
    assert_eq!(decide(approved, "approve", "").await, StatusCode::SEE_OTHER);
    assert_eq!(decide(rejected, "reject", "The cohort is for fulfillment.").await, StatusCode::SEE_OTHER);
    let closed = ada
        .post_with_csrf(
            &format!("/applications/{approved}/not-completed"),
            &[
                ("version", &crate::helpers::version_of(&app, approved)),
                ("comment", "Left in week 3"),
                ("confirm", "yes"),
            ],
        )
        .await;
    assert_eq!(closed.status(), StatusCode::SEE_OTHER);
    let lines: Vec<(String, String, String)> = audit_log::table
        .filter(audit_log::action.like("application.%"))
        .order(audit_log::id)
        .select((audit_log::action, audit_log::subject, audit_log::details))
        .load(&mut app.db())
        .unwrap();
    assert_eq!(
        lines,
        [
            (
                "application.approved".into(),
                "fiona.associate@upskill.example / amazon-apprenticeship".into(),
                format!("application {approved}: Manager approved → Approved")
            ),
            (
                "application.rejected".into(),
                "paula.parttime@upskill.example / amazon-apprenticeship".into(),
                format!(
                    "application {rejected}: Manager approved → Rejected; comment: “The cohort is for fulfillment.”"
                )
            ),
            (
                "application.not_completed".into(),
                "fiona.associate@upskill.example / amazon-apprenticeship".into(),
                format!("application {approved}: Approved → Not completed; comment: “Left in week 3”")
            ),
        ]
    );
    // A manager's decision on their own report's application is not an administrator's.
    let maria = signed_in(&app, "maria.manager").await;
    let id = crate::approvals::tuition_request(&signed_in(&app, "fiona.associate").await, "300").await;
    let version = crate::helpers::version_of(&app, id);
    let response =
        maria.post_with_csrf(&format!("/applications/{id}/approve"), &[("version", &version), ("comment", "")]).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let count: i64 =
        audit_log::table.filter(audit_log::action.like("application.%")).count().get_result(&mut app.db()).unwrap();
    assert_eq!(count, 3);
}
