//! What the database holds, in a form two moments can be compared by: a request that must
//! change nothing (a GET, a refusal) leaves the same snapshot. Sessions are left out: a
//! page view may end a session that is no longer valid.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use upskill::db::schema::{
    application_events, application_stats, applications, audit_log, calendar_feeds, commitment_totals, credentials,
    delegations, due_totals, email_preferences, employee_history, employee_imports, employees, evidence_files,
    intake_draw_order, intakes, notifications, outbox, payment_totals, pledge_participants, program_proposals,
    program_team_members, programs, proposal_events, publication_requests, scim_tokens, scim_users, settings,
    tuition_payments,
};

use crate::helpers::TestApp;

/// An application's id, status, version, last change, payments, intake and place in line.
type ApplicationRow = (i32, String, i32, NaiveDateTime, i64, Option<i32>, Option<NaiveDateTime>);
type EmployeeRow = (i32, bool, bool, Option<i32>, NaiveDateTime);
type ProgramRow = (i32, String, NaiveDateTime);
/// An intake's id, name, seats, allocation, window, draw and offers.
type IntakeRow = (i32, String, i32, String, Option<NaiveDate>, Option<NaiveDate>, Option<String>, Option<i32>);
type DelegationRow = (i32, NaiveDate, NaiveDate);

#[derive(Debug, PartialEq, Eq)]
pub struct Snapshot {
    applications: Vec<ApplicationRow>,
    employees: Vec<EmployeeRow>,
    programs: Vec<ProgramRow>,
    intakes: Vec<IntakeRow>,
    delegations: Vec<DelegationRow>,
    /// Each feed's owner and token hash.
    calendar_feeds: Vec<(i32, String)>,
    settings: Vec<(String, String)>,
    /// Provisioning tokens and whether each is revoked (not when it was last used).
    scim_tokens: Vec<(i32, String, Option<NaiveDateTime>)>,
    /// What provisioning keeps of people.
    scim_users: Vec<(i32, Option<String>, NaiveDateTime, Option<NaiveDateTime>)>,
    unread_notifications: i64,
    /// Who takes a daily digest.
    email_preferences: Vec<(i32, bool)>,
    /// Attached files: each one's application and SHA-256 (not its content).
    evidence_files: Vec<(i32, i32, String)>,
    /// Payments counted per program and day: (program, paid on, payments, paid cents).
    payment_totals: Vec<(i32, NaiveDate, i64, i64)>,
    /// What is due counted per program and day of approval: (program, approved on,
    /// places, covered cents, paid cents).
    due_totals: Vec<(i32, NaiveDate, i64, i64, i64)>,
    /// What programs committed per day of approval: (program, approved on, places,
    /// covered cents).
    commitment_totals: Vec<(i32, NaiveDate, i64, i64)>,
    credentials: Vec<(i32, i32, String, Option<String>)>,
    /// Who is on which program's team, as what.
    program_teams: Vec<(i32, i32, String)>,
    /// Program proposals: each one's status and last change.
    proposals: Vec<(i32, String, NaiveDateTime)>,
    /// Rows of the tables only ever added to: events, notifications, audit, imports,
    /// counters, participants, e-mail, tuition payments, job history, proposal steps,
    /// requests to publish.
    appended: [i64; 12],
}

pub fn snapshot(app: &TestApp) -> Snapshot {
    let conn = &mut app.db();
    Snapshot {
        applications: applications::table
            .order(applications::id)
            .select((
                applications::id,
                applications::status,
                applications::version,
                applications::updated_at,
                applications::paid_cents,
                applications::intake_id,
                applications::waitlisted_at,
            ))
            .load(conn)
            .unwrap(),
        employees: employees::table
            .order(employees::id)
            .select((
                employees::id,
                employees::active,
                employees::is_admin,
                employees::manager_id,
                employees::updated_at,
            ))
            .load(conn)
            .unwrap(),
        programs: programs::table
            .order(programs::id)
            .select((programs::id, programs::status, programs::updated_at))
            .load(conn)
            .unwrap(),
        intakes: intakes::table
            .order(intakes::id)
            .select((
                intakes::id,
                intakes::name,
                intakes::seats,
                intakes::allocation,
                intakes::opens_on,
                intakes::closes_on,
                intakes::draw_seed,
                intakes::offer_days,
            ))
            .load(conn)
            .unwrap(),
        delegations: delegations::table
            .order(delegations::id)
            .select((delegations::id, delegations::starts_on, delegations::ends_on))
            .load(conn)
            .unwrap(),
        calendar_feeds: calendar_feeds::table
            .order(calendar_feeds::employee_id)
            .select((calendar_feeds::employee_id, calendar_feeds::token_hash))
            .load(conn)
            .unwrap(),
        // The comparison group's day and count are the scheduler's, written once a day
        // whatever the requests are.
        settings: settings::table
            .filter(settings::name.ne_all([upskill::db::comparison::COMPUTED_ON, upskill::db::comparison::COLLEAGUES]))
            .order(settings::name)
            .load(conn)
            .unwrap(),
        scim_tokens: scim_tokens::table
            .order(scim_tokens::id)
            .select((scim_tokens::id, scim_tokens::token_hash, scim_tokens::revoked_at))
            .load(conn)
            .unwrap(),
        scim_users: scim_users::table
            .order(scim_users::employee_id)
            .select((scim_users::employee_id, scim_users::external_id, scim_users::updated_at, scim_users::deleted_at))
            .load(conn)
            .unwrap(),
        unread_notifications: notifications::table
            .filter(notifications::read_at.is_null())
            .count()
            .get_result(conn)
            .unwrap(),
        email_preferences: email_preferences::table
            .order(email_preferences::employee_id)
            .select((email_preferences::employee_id, email_preferences::daily_digest))
            .load(conn)
            .unwrap(),
        evidence_files: evidence_files::table
            .order(evidence_files::id)
            .select((evidence_files::id, evidence_files::application_id, evidence_files::sha256))
            .load(conn)
            .unwrap(),
        payment_totals: payment_totals::table
            .order((payment_totals::program_id, payment_totals::paid_on))
            .select((
                payment_totals::program_id,
                payment_totals::paid_on,
                payment_totals::payments,
                payment_totals::paid_cents,
            ))
            .load(conn)
            .unwrap(),
        due_totals: due_totals::table
            .order((due_totals::program_id, due_totals::approved_on))
            .select((
                due_totals::program_id,
                due_totals::approved_on,
                due_totals::places,
                due_totals::covered_cents,
                due_totals::paid_cents,
            ))
            .load(conn)
            .unwrap(),
        commitment_totals: commitment_totals::table
            .order((commitment_totals::program_id, commitment_totals::approved_on))
            .select((
                commitment_totals::program_id,
                commitment_totals::approved_on,
                commitment_totals::places,
                commitment_totals::covered_cents,
            ))
            .load(conn)
            .unwrap(),
        credentials: credentials::table
            .order(credentials::id)
            .select((
                credentials::id,
                credentials::application_id,
                credentials::credential_id,
                credentials::verification_url,
            ))
            .load(conn)
            .unwrap(),
        program_teams: program_team_members::table
            .order((program_team_members::program_id, program_team_members::employee_id))
            .select((program_team_members::program_id, program_team_members::employee_id, program_team_members::role))
            .load(conn)
            .unwrap(),
        proposals: program_proposals::table
            .order(program_proposals::id)
            .select((program_proposals::id, program_proposals::status, program_proposals::updated_at))
            .load(conn)
            .unwrap(),
        appended: [
            application_events::table.count().get_result(conn).unwrap(),
            notifications::table.count().get_result(conn).unwrap(),
            audit_log::table.count().get_result(conn).unwrap(),
            employee_imports::table.count().get_result(conn).unwrap(),
            application_stats::table.count().get_result(conn).unwrap(),
            pledge_participants::table.count().get_result(conn).unwrap(),
            outbox::table.count().get_result(conn).unwrap(),
            tuition_payments::table.count().get_result(conn).unwrap(),
            employee_history::table.count().get_result(conn).unwrap(),
            proposal_events::table.count().get_result(conn).unwrap(),
            publication_requests::table.count().get_result(conn).unwrap(),
            intake_draw_order::table.count().get_result(conn).unwrap(),
        ],
    }
}
