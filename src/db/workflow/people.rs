//! Changes to a person that move applications: a new manager (their pending
//! applications follow), and an administrator's edit of their record (a deactivation
//! hands what waits on them to their own manager).

use chrono::NaiveDateTime;

use super::waitlist::withdraw_places_of_leaver;
use super::{notify_all, notify_approver, program_team, WorkflowError};
use crate::clock::now;
use crate::db::applications::{self, Application};
use crate::db::employees::{self, Employee, EmployeeRecord};
use crate::db::events::{self, NewEvent};
use crate::db::{
    audit, history, lock_active_admins, lock_row, programs, sessions, write_transaction, DbConnection, LockableTable,
};
use crate::domain::application::Status;
use crate::domain::forms::{describe_changes, NO_CHANGE};
use crate::domain::history::ChangeContext;
use crate::domain::message::Message;
use crate::domain::person_form::PersonDraft;
use crate::domain::words::count_of;
use crate::domain::{AuditAction, Event, HistorySource};

/// Why a manager change was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ManagerChangeError {
    /// The new manager is the employee.
    OwnManager,
    /// The new manager reports, directly or not, to the employee.
    Cycle,
    InactiveManager,
}

/// Why a change to a person's record was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PersonChangeError {
    Manager(ManagerChangeError),
    /// Removing the admin flag of (or deactivating) the last active admin.
    LastAdmin,
    /// Nobody has the manager's e-mail address.
    UnknownManager,
}

impl From<ManagerChangeError> for WorkflowError {
    fn from(err: ManagerChangeError) -> Self {
        WorkflowError::PersonRefused(PersonChangeError::Manager(err))
    }
}

/// An employee whose manager has just changed, with the names the timeline shows.
#[derive(Debug, Clone)]
pub struct ManagerMove {
    pub employee_id: i32,
    pub employee_name: String,
    pub new_manager_id: Option<i32>,
    /// The previous manager's name; `None` when there was none.
    pub old_manager_name: Option<String>,
    /// The new manager's name; `None` when there is none (the program team decides).
    pub new_manager_name: Option<String>,
}

impl ManagerMove {
    /// The previous manager as the timeline and the audit log name them.
    pub fn old_label(&self) -> String {
        self.old_manager_name.clone().unwrap_or_else(|| "no manager".to_owned())
    }

    /// The new manager as the timeline and the audit log name them.
    pub fn new_label(&self) -> String {
        self.new_manager_name.clone().unwrap_or_else(|| "no manager (the program team decides)".to_owned())
    }
}

/// Moves the pending applications of someone whose manager changed (the manager stage,
/// or waiting for their edit) to the new manager's queue, each with a timeline event by
/// `actor_id` (`None`: the system), and tells whoever decides next. Runs inside the
/// caller's transaction, after the employee's `manager_id` was written; returns how many
/// applications moved.
pub fn move_pending_applications(
    conn: &mut DbConnection,
    actor_id: Option<i32>,
    moved: &ManagerMove,
    at: NaiveDateTime,
) -> Result<usize, WorkflowError> {
    let mut pending = applications::pending_for_employee(conn, moved.employee_id)?;
    pending.sort_by_key(|a| a.program_id);
    let comment = format!("The decision moves from {} to {}.", moved.old_label(), moved.new_label());
    let message = |program: &str, acting_for: Option<&str>| {
        match acting_for {
            None => Message::new("notice-reports-to-you"),
            Some(manager) => Message::new("notice-reports-to-manager").text("manager", manager),
        }
        .text("employee", moved.employee_name.as_str())
        .text("program", program)
    };
    move_applications(conn, actor_id, &pending, moved.new_manager_id, &comment, message, at)?;
    Ok(pending.len())
}

/// Changes an employee's manager; their pending applications move to the new manager's
/// queue, each with a timeline event, and the change goes to the audit log and the job
/// history. Returns how many applications moved.
pub fn change_manager(
    conn: &mut DbConnection,
    admin: &Employee,
    employee_id: i32,
    new_manager_id: Option<i32>,
) -> Result<usize, WorkflowError> {
    write_transaction(conn, |conn| {
        let moved = change_manager_in_transaction(conn, Some(admin.id), employee_id, new_manager_id)?;
        let context = ChangeContext::new(HistorySource::Admin, crate::clock::today(), Some(admin.id));
        history::record_change(conn, employee_id, &context)?;
        Ok(moved)
    })
}

/// `change_manager` inside the caller's transaction (also used by the person form and
/// the import); `actor_id` is who made the change. The caller records the history.
pub fn change_manager_in_transaction(
    conn: &mut DbConnection,
    actor_id: Option<i32>,
    employee_id: i32,
    new_manager_id: Option<i32>,
) -> Result<usize, WorkflowError> {
    lock_row(conn, LockableTable::Employees, employee_id)?;
    let employee = employees::find_by_id(conn, employee_id)?;
    if employee.manager_id == new_manager_id {
        return Ok(0);
    }
    let new_manager = match new_manager_id {
        Some(id) => Some(employees::find_by_id(conn, id)?),
        None => None,
    };
    if new_manager_id == Some(employee.id) {
        return Err(ManagerChangeError::OwnManager.into());
    }
    if let Some(manager) = &new_manager {
        if !manager.active {
            return Err(ManagerChangeError::InactiveManager.into());
        }
        if employees::reports_to(conn, manager.id, employee.id)? {
            return Err(ManagerChangeError::Cycle.into());
        }
    }
    let old_manager_name = match employee.manager_id {
        Some(id) => Some(employees::find_by_id(conn, id)?.display_name),
        None => None,
    };
    let moved = ManagerMove {
        employee_id: employee.id,
        employee_name: employee.display_name.clone(),
        new_manager_id,
        old_manager_name,
        new_manager_name: new_manager.map(|m| m.display_name),
    };
    let at = now();
    employees::set_manager(conn, employee.id, new_manager_id, at)?;
    let moved_count = move_pending_applications(conn, actor_id, &moved, at)?;
    let details = format!(
        "manager: {} → {}; {} moved",
        moved.old_label(),
        moved.new_label(),
        count_of(moved_count, "pending application", "pending applications")
    );
    audit::record(conn, actor_id, AuditAction::EmployeeManagerChanged, &employee.email, &details, at)?;
    Ok(moved_count)
}

/// Points applications at a new approver (`None`: the program team), each with a
/// "reassigned" timeline event, and tells whoever now decides (and who decides in the new
/// approver's place today). `message` gets the program's name, and the approver's name
/// for a delegate. An application that changed since it was read (decided meanwhile) is
/// left as it is.
fn move_applications(
    conn: &mut DbConnection,
    actor_id: Option<i32>,
    moving: &[Application],
    new_approver: Option<i32>,
    comment: &str,
    message: impl Fn(&str, Option<&str>) -> Message,
    at: NaiveDateTime,
) -> Result<(), WorkflowError> {
    for application in moving {
        if !applications::set_approver(conn, application.id, application.version, new_approver, at)? {
            continue;
        }
        events::insert(
            conn,
            &NewEvent {
                application_id: application.id,
                actor_id,
                acting_for_id: None,
                action: Event::Reassigned,
                from_status: Some(application.status),
                to_status: application.status,
                comment: Some(comment.to_owned()),
                details: None,
                created_at: at,
            },
        )?;
        if application.status == Status::Submitted {
            let program = programs::find_by_id(conn, application.program_id)?;
            match new_approver {
                Some(id) => {
                    let message = |acting_for: Option<&str>| message(&program.name, acting_for);
                    notify_approver(conn, id, (application.id, application.employee_id), message, at)?;
                }
                None => {
                    let team = program_team(conn, application.program_id, application.employee_id)?;
                    notify_all(conn, &team, application.id, &message(&program.name, None), at)?;
                }
            }
        }
    }
    Ok(())
}

/// What the audit log compares of a person an administrator edits.
#[derive(serde::Serialize)]
struct AuditedPerson {
    #[serde(flatten)]
    record: EmployeeRecord,
    is_admin: bool,
    active: bool,
}

/// What an administrator's edit of a person changed besides the record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PersonUpdated {
    /// Places on waitlists given up because the person was deactivated.
    pub places_withdrawn: usize,
}

/// An administrator's edit of one person: profile, admin and active flags, manager.
/// Deactivating someone ends their sessions, gives up their places on waitlists and moves
/// what waits on their decision to their own manager. All in one transaction, audited
/// field by field, with a row of job history when the job changed.
pub fn update_person(
    conn: &mut DbConnection,
    admin: &Employee,
    employee_id: i32,
    draft: &PersonDraft,
) -> Result<PersonUpdated, WorkflowError> {
    let context = ChangeContext::new(HistorySource::Admin, crate::clock::today(), Some(admin.id));
    write_transaction(conn, |conn| update_person_in_transaction(conn, &context, "", employee_id, draft))
}

/// `update_person` inside the caller's transaction, by `context.recorded_by` (`None`:
/// provisioning or the command line), which also says where the change came from for the
/// job history; `via`, when not empty, ends the audit line ("through SCIM …").
pub fn update_person_in_transaction(
    conn: &mut DbConnection,
    context: &ChangeContext,
    via: &str,
    employee_id: i32,
    draft: &PersonDraft,
) -> Result<PersonUpdated, WorkflowError> {
    let actor_id = context.recorded_by;
    // The administrators first (in id order), then the person: two administrators
    // taking away each other's rights at once see each other, and nobody is left
    // without an administrator.
    lock_active_admins(conn)?;
    lock_row(conn, LockableTable::Employees, employee_id)?;
    let before = employees::find_by_id(conn, employee_id)?;
    let losing_admin = before.is_admin && before.active && (!draft.is_admin || !draft.active);
    if losing_admin && employees::count_active_admins(conn)? <= 1 {
        return Err(WorkflowError::PersonRefused(PersonChangeError::LastAdmin));
    }
    let new_manager_id = match &draft.manager_email {
        None => None,
        Some(email) => match employees::find_by_email(conn, email.as_str())? {
            Some(manager) => Some(manager.id),
            None => return Err(WorkflowError::PersonRefused(PersonChangeError::UnknownManager)),
        },
    };
    let at = now();
    let record = EmployeeRecord::from(draft);
    employees::update_profile(conn, employee_id, &record, draft.is_admin, draft.active, at)?;
    let leaving = before.active && !draft.active;
    let mut updated = PersonUpdated::default();
    if leaving {
        updated.places_withdrawn = withdraw_places_of_leaver(conn, actor_id, &before, at)?;
    }
    let mut changed = describe_changes(
        &AuditedPerson { record: before.record(), is_admin: before.is_admin, active: before.active },
        &AuditedPerson { record, is_admin: draft.is_admin, active: draft.active },
    );
    if changed != NO_CHANGE {
        if updated.places_withdrawn > 0 {
            changed.push_str(&format!("; {} place(s) on waitlists withdrawn", updated.places_withdrawn));
        }
        if !via.is_empty() {
            changed.push_str(&format!(" ({via})"));
        }
        audit::record(conn, actor_id, AuditAction::EmployeeUpdated, &before.email, &changed, at)?;
    }
    change_manager_in_transaction(conn, actor_id, employee_id, new_manager_id)?;
    if leaving {
        hand_over_decisions(conn, actor_id, &before, at)?;
    }
    history::record_change(conn, employee_id, context)?;
    Ok(updated)
}

/// Ends the sessions of someone who left and moves what waits on their decision to their
/// own manager (or the program team).
fn hand_over_decisions(
    conn: &mut DbConnection,
    actor_id: Option<i32>,
    leaver: &Employee,
    at: NaiveDateTime,
) -> Result<(), WorkflowError> {
    sessions::delete_for_employee(conn, leaver.id)?;
    let waiting = applications::awaiting_approver(conn, leaver.id)?;
    let successor = match leaver.manager_id {
        Some(id) if employees::find_by_id(conn, id)?.active => Some(id),
        _ => None,
    };
    let successor_name = match successor {
        Some(id) => employees::find_by_id(conn, id)?.display_name,
        None => "the program team".to_owned(),
    };
    let comment = format!("{} no longer works here; the decision moves to {successor_name}.", leaver.display_name);
    let message = |program: &str, acting_for: Option<&str>| {
        match acting_for {
            None => Message::new("notice-approver-left"),
            Some(manager) => Message::new("notice-approver-left-acting-for").text("manager", manager),
        }
        .text("leaver", leaver.display_name.as_str())
        .text("program", program)
    };
    move_applications(conn, actor_id, &waiting, successor, &comment, message, at)
}
