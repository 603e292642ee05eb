//! Importing employees from the HR system's CSV export: the directory as an import
//! compares it, uploads kept between preview and commit (`employee_imports`), and the
//! commit itself. The rules are in `domain::import`.
//!
//! A commit re-reads the directory and re-checks the file inside its own transaction
//! (with the `employees` table locked on PostgreSQL), so what it writes is right for the
//! directory as it is then, whatever changed since the preview. It writes only what
//! differs: importing the same file again changes no row and no `updated_at`; it still
//! leaves one `employees.imported` line in the audit log ("0 new, 0 updated, N unchanged"),
//! since someone did run an import.
//!
//! Built for a whole company at once (300,000 people): the directory is loaded in one
//! query, new people are inserted a thousand to a statement, managers before their
//! reports so each row gets its `manager_id` as it is inserted, and existing people are
//! written only when something changed.

use std::collections::{HashMap, HashSet};

use chrono::{NaiveDate, NaiveDateTime};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;

use super::employees::{self as people, EmployeeRecord, NewEmployee};
use super::schema::{applications, employee_imports, employees};
use super::workflow::{self, ManagerMove, WorkflowError};
use super::{history, write_transaction, DbConnection};
use crate::clock::now;
use crate::domain::history::{ChangeContext, JobState};
use crate::domain::import::{
    plan_import_with, Directory, ExistingPerson, ImportOptions, ImportPlan, ImportRow, Importer, ManagerRef,
    PlannedRow, RowAction,
};
use crate::domain::person_form::PersonDraft;
use crate::domain::words::count_of;
use crate::domain::{ApplicationStatus, AuditAction, Email, HistorySource, LeavingReason};

/// New people per INSERT: 13 values each stays well under SQLite's 32,766 parameters.
const INSERT_CHUNK: usize = 1000;
/// Ids per `IN (…)` list.
const LOOKUP_CHUNK: usize = 1000;
/// Uploads older than this are deleted when someone uploads again.
const UPLOAD_MAX_AGE: chrono::TimeDelta = chrono::TimeDelta::days(1);

/// A person as an import compares them: the columns of [`ExistingPerson`].
#[derive(Queryable, Selectable)]
#[diesel(table_name = employees)]
struct DirectoryRow {
    id: i32,
    email: String,
    #[diesel(embed)]
    record: EmployeeRecord,
    manager_id: Option<i32>,
    is_admin: bool,
    active: bool,
}

impl From<DirectoryRow> for ExistingPerson {
    fn from(row: DirectoryRow) -> Self {
        let EmployeeRecord { display_name, job_title, job_family, site_type, employment_type, hire_date } = row.record;
        ExistingPerson {
            id: row.id,
            email: row.email,
            display_name,
            job_title,
            job_family,
            site_type,
            employment_type,
            hire_date,
            manager_id: row.manager_id,
            is_admin: row.is_admin,
            active: row.active,
        }
    }
}

/// Everyone in `employees`, with the values an import compares.
pub fn load_directory(conn: &mut DbConnection) -> QueryResult<Directory> {
    let rows: Vec<DirectoryRow> = employees::table.select(DirectoryRow::as_select()).load(conn)?;
    Ok(Directory::new(rows.into_iter().map(ExistingPerson::from).collect()))
}

/// Where an import is, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Reading and checking the file: bytes.
    Checking,
    /// Writing people: rows.
    Writing,
}

/// Told now and then how far an import has got: the step, done, total.
pub type ProgressFn<'a> = &'a mut dyn FnMut(Step, u64, u64);

/// What an import is asked to do.
#[derive(Debug, Clone, Copy)]
pub struct ImportRequest<'a> {
    pub text: &'a str,
    /// The file's name, for the audit log.
    pub file_name: &'a str,
    pub today: NaiveDate,
    /// The administrator importing (id and e-mail address); `None` for the command line.
    pub actor: Option<(i32, &'a str)>,
    pub options: ImportOptions,
}

impl ImportRequest<'_> {
    fn importer(&self) -> Option<Importer<'_>> {
        self.actor.map(|(_, email)| Importer { email })
    }

    fn plan(&self, directory: &Directory, progress: ProgressFn<'_>) -> ImportPlan {
        plan_import_with(self.text, directory, self.today, self.importer(), self.options, &mut |p| {
            progress(Step::Checking, p.done, p.total)
        })
    }

    /// The job history's context of a line of the file.
    fn change_of(&self, row: &ImportRow) -> ChangeContext {
        ChangeContext {
            left_on: row.leaving.map(|(day, _)| day),
            leaving_reason: row.leaving.map(|(_, reason)| reason),
            ..ChangeContext::new(HistorySource::Import, row.effective_on, self.actor.map(|(id, _)| id))
        }
    }
}

/// Checks a file against the directory as it is now, writing nothing.
pub fn preview(
    conn: &mut DbConnection,
    request: &ImportRequest<'_>,
    progress: ProgressFn<'_>,
) -> QueryResult<ImportPlan> {
    let directory = load_directory(conn)?;
    Ok(request.plan(&directory, progress))
}

/// What a committed import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Existing people who got another manager.
    pub managers_changed: usize,
    /// Pending applications that moved to a new manager's queue.
    pub applications_moved: usize,
    /// E-mail addresses of people who became, or stopped being, administrators.
    pub admins_granted: Vec<String>,
    pub admins_removed: Vec<String>,
    /// People who left: the file's departures and, under `--deactivate-missing`, the
    /// active people it lacks.
    pub left: usize,
}

impl ImportSummary {
    /// One sentence for a flash message, the command line and the audit log.
    pub fn describe(&self) -> String {
        let mut text = format!("{} new, {} updated, {} unchanged", self.new, self.updated, self.unchanged);
        if self.left > 0 {
            text.push_str(&format!("; {} left", self.left));
        }
        if self.managers_changed > 0 {
            text.push_str(&format!(
                "; {}, {} moved to the new manager's queue",
                count_of(self.managers_changed, "manager change", "manager changes"),
                count_of(self.applications_moved, "pending application", "pending applications")
            ));
        }
        let list = |emails: &[String]| {
            let mut shown = emails.iter().take(20).cloned().collect::<Vec<_>>().join(", ");
            if emails.len() > 20 {
                shown.push_str(&format!(" and {} more", emails.len() - 20));
            }
            shown
        };
        if !self.admins_granted.is_empty() {
            text.push_str(&format!("; administrator rights given to {}", list(&self.admins_granted)));
        }
        if !self.admins_removed.is_empty() {
            text.push_str(&format!("; administrator rights taken from {}", list(&self.admins_removed)));
        }
        text
    }
}

/// How a commit ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportOutcome {
    Imported(ImportSummary),
    /// The file has errors against the directory as it is now: nothing was written.
    Refused(ImportPlan),
}

/// Checks the file again and applies it, all in one transaction.
pub fn commit_import(
    conn: &mut DbConnection,
    request: &ImportRequest<'_>,
    progress: ProgressFn<'_>,
) -> Result<ImportOutcome, WorkflowError> {
    write_transaction(conn, |conn| {
        lock_directory(conn)?;
        commit_in_transaction(conn, request, progress)
    })
}

/// On PostgreSQL, keeps every other writer of `employees` out until the transaction ends
/// (reads go on). SQLite's `BEGIN IMMEDIATE` already did.
fn lock_directory(conn: &mut DbConnection) -> QueryResult<()> {
    if let DbConnection::Postgresql(pg) = conn {
        pg.batch_execute("LOCK TABLE employees IN EXCLUSIVE MODE")?;
    }
    Ok(())
}

fn commit_in_transaction(
    conn: &mut DbConnection,
    request: &ImportRequest<'_>,
    progress: ProgressFn<'_>,
) -> Result<ImportOutcome, WorkflowError> {
    let directory = load_directory(conn)?;
    let plan = request.plan(&directory, &mut *progress);
    if plan.has_errors() {
        return Ok(ImportOutcome::Refused(plan));
    }
    let at = now();
    let actor_id = request.actor.map(|(id, _)| id);
    let mut summary = apply_plan(conn, request, &plan, &directory, at, progress)?;
    summary.left = record_departures(conn, request, &plan)?;
    let sha = crate::security::sha256_hex(request.text);
    super::audit::record(
        conn,
        actor_id,
        AuditAction::EmployeesImported,
        request.file_name,
        &format!("{} (file sha256 {})", summary.describe(), &sha[..16]),
        at,
    )?;
    Ok(ImportOutcome::Imported(summary))
}

/// Inserts a batch in one statement and returns each new person's (email, id).
fn insert_batch(conn: &mut DbConnection, batch: &[NewEmployee]) -> QueryResult<Vec<(String, i32)>> {
    // Written per backend: one multi-row INSERT on each, with its ids back.
    match conn {
        DbConnection::Sqlite(sqlite) => diesel::insert_into(employees::table)
            .values(batch)
            .returning((employees::email, employees::id))
            .get_results(sqlite),
        DbConnection::Postgresql(pg) => diesel::insert_into(employees::table)
            .values(batch)
            .returning((employees::email, employees::id))
            .get_results(pg),
    }
}

/// The new rows in an order where each manager comes before their reports: by depth
/// among the new people (a new person whose manager is not new has depth 0).
fn managers_first<'p>(new_rows: &[&'p PlannedRow]) -> Vec<&'p PlannedRow> {
    let index: HashMap<&str, usize> = new_rows.iter().enumerate().map(|(i, r)| (r.row.email.as_str(), i)).collect();
    let parent = |i: usize| match &new_rows[i].manager {
        ManagerRef::New(email) => index.get(email.as_str()).copied(),
        _ => None,
    };
    let mut depth: Vec<Option<usize>> = vec![None; new_rows.len()];
    for start in 0..new_rows.len() {
        let mut path = Vec::new();
        let mut current = Some(start);
        // The plan has no cycles; the bound on the path only guards against a bug looping.
        while let Some(i) = current {
            if depth[i].is_some() || path.len() > new_rows.len() {
                break;
            }
            path.push(i);
            current = parent(i);
        }
        let above = current.and_then(|i| depth[i]).map_or(0, |d| d + 1);
        for (level, &i) in (above..).zip(path.iter().rev()) {
            depth[i] = Some(level);
        }
    }
    let mut ordered: Vec<(usize, &PlannedRow)> =
        new_rows.iter().enumerate().map(|(i, row)| (depth[i].unwrap_or(0), *row)).collect();
    ordered.sort_by_key(|(d, _)| *d);
    ordered.into_iter().map(|(_, row)| row).collect()
}

/// Writes the plan: new people, then changed people, then moves the pending
/// applications of those whose manager changed. Inside the caller's transaction.
fn apply_plan(
    conn: &mut DbConnection,
    request: &ImportRequest<'_>,
    plan: &ImportPlan,
    directory: &Directory,
    at: NaiveDateTime,
    progress: ProgressFn<'_>,
) -> Result<ImportSummary, WorkflowError> {
    let actor_id = request.actor.map(|(id, _)| id);
    let new_rows: Vec<&PlannedRow> = plan.rows.iter().filter(|r| r.action == RowAction::New).collect();
    let updated_rows: Vec<&PlannedRow> =
        plan.rows.iter().filter(|r| matches!(r.action, RowAction::Update { .. })).collect();
    let mut written = Written { done: 0, total: (new_rows.len() + updated_rows.len()) as u64, progress };
    written.report();
    let new_ids = insert_new_people(conn, &new_rows, at, &mut written)?;
    record_new_people(conn, request, &new_rows, &new_ids)?;
    update_people(conn, &updated_rows, &new_ids, at, &mut written)?;
    written.report();
    let moved_people: Vec<&PlannedRow> = updated_rows.iter().copied().filter(|r| r.changes_manager()).collect();
    let applications_moved = move_pending(conn, actor_id, plan, directory, &moved_people, &new_ids, at)?;
    // After the managers moved, so that someone who leaves hands over what waits on them
    // to the manager the file gives them.
    for planned in &updated_rows {
        if let (RowAction::Update { id, .. }, false) = (&planned.action, planned.leaves()) {
            history::record_change(conn, *id, &request.change_of(&planned.row))?;
        }
    }
    let admin_change = |to: bool| -> Vec<String> {
        updated_rows
            .iter()
            .filter(|r| {
                r.row.is_admin == to
                    && existing_id(r).and_then(|id| directory.by_id(id)).is_some_and(|p| p.is_admin != to)
            })
            .chain(new_rows.iter().filter(|r| to && r.row.is_admin))
            .map(|r| r.row.email.to_string())
            .collect()
    };
    Ok(ImportSummary {
        new: new_rows.len(),
        updated: updated_rows.len(),
        unchanged: plan.unchanged_count(),
        managers_changed: moved_people.len(),
        applications_moved,
        admins_granted: admin_change(true),
        admins_removed: admin_change(false),
        left: 0,
    })
}

/// The first history row of each new person, as the file gives them.
fn record_new_people(
    conn: &mut DbConnection,
    request: &ImportRequest<'_>,
    new_rows: &[&PlannedRow],
    new_ids: &HashMap<String, i32>,
) -> QueryResult<()> {
    let mut people = Vec::with_capacity(new_rows.len());
    for planned in new_rows {
        let row = &planned.row;
        let Some(&id) = new_ids.get(row.email.as_str()) else {
            continue;
        };
        let state = JobState {
            job_title: row.job_title.clone(),
            job_family: row.job_family,
            site_type: row.site_type,
            employment_type: row.employment_type,
            manager_id: manager_id(&planned.manager, new_ids)?,
            active: row.leaving.is_none(),
        };
        people.push((id, state, request.change_of(row)));
    }
    history::record_new_people(conn, people)
}

/// The departures: each line with a leaving date, then (under `--deactivate-missing`)
/// each active person the file lacks (reason: other, on the import's day), through the
/// person form's deactivation (waitlist places, sessions, decisions handed over, audit
/// line, history). Returns how many people left.
fn record_departures(
    conn: &mut DbConnection,
    request: &ImportRequest<'_>,
    plan: &ImportPlan,
) -> Result<usize, WorkflowError> {
    let mut left = 0;
    for planned in plan.rows.iter().filter(|r| r.leaves()) {
        if let RowAction::Update { id, .. } = planned.action {
            deactivate(conn, id, &request.change_of(&planned.row))?;
        }
        left += 1;
    }
    let missing = ChangeContext {
        left_on: Some(request.today),
        leaving_reason: Some(LeavingReason::Other),
        ..ChangeContext::new(HistorySource::Import, request.today, request.actor.map(|(id, _)| id))
    };
    for person in &plan.missing {
        deactivate(conn, person.id, &missing)?;
        left += 1;
    }
    Ok(left)
}

/// Deactivates one person as the person form does, keeping the rest of their record.
fn deactivate(conn: &mut DbConnection, id: i32, context: &ChangeContext) -> Result<(), WorkflowError> {
    let person = people::find_by_id(conn, id)?;
    let manager_email = match person.manager_id {
        Some(manager) => Some(
            Email::parse(&people::find_by_id(conn, manager)?.email)
                .map_err(|message| WorkflowError::Database(diesel::result::Error::QueryBuilderError(message.into())))?,
        ),
        None => None,
    };
    let record = person.record();
    let draft = PersonDraft {
        display_name: record.display_name,
        job_title: record.job_title,
        job_family: record.job_family,
        site_type: record.site_type,
        employment_type: record.employment_type,
        hire_date: record.hire_date,
        manager_email,
        is_admin: person.is_admin,
        active: false,
    };
    workflow::update_person_in_transaction(conn, context, "through the HR import", id, &draft)?;
    Ok(())
}

/// How many people have been written, told to the progress bar.
struct Written<'a> {
    done: u64,
    total: u64,
    progress: ProgressFn<'a>,
}

impl Written<'_> {
    fn report(&mut self) {
        (self.progress)(Step::Writing, self.done, self.total);
    }
}

/// Inserts the new people, managers first, so every row is inserted with its manager's
/// id; returns each new person's id by e-mail address.
fn insert_new_people(
    conn: &mut DbConnection,
    new_rows: &[&PlannedRow],
    at: NaiveDateTime,
    written: &mut Written<'_>,
) -> QueryResult<HashMap<String, i32>> {
    let mut new_ids: HashMap<String, i32> = HashMap::with_capacity(new_rows.len());
    let ordered = managers_first(new_rows);
    let mut start = 0;
    while start < ordered.len() {
        // A chunk ends early where a row's manager is in the same chunk (not inserted yet).
        let mut chunk_emails: HashSet<&str> = HashSet::new();
        let mut end = start;
        while end < ordered.len() && end - start < INSERT_CHUNK {
            if let ManagerRef::New(manager) = &ordered[end].manager {
                if chunk_emails.contains(manager.as_str()) {
                    break;
                }
            }
            chunk_emails.insert(ordered[end].row.email.as_str());
            end += 1;
        }
        let mut batch = Vec::with_capacity(end - start);
        for planned in &ordered[start..end] {
            let row = &planned.row;
            // No password: they sign in through the company's single sign-on.
            batch.push(NewEmployee {
                manager_id: manager_id(&planned.manager, &new_ids)?,
                is_admin: row.is_admin,
                active: row.leaving.is_none(),
                ..NewEmployee::active(row.email.as_str(), EmployeeRecord::from(row), at)
            });
        }
        new_ids.extend(insert_batch(conn, &batch)?);
        written.done += batch.len() as u64;
        written.report();
        start = end;
    }
    Ok(new_ids)
}

/// Writes the existing people whose values differ.
fn update_people(
    conn: &mut DbConnection,
    updated_rows: &[&PlannedRow],
    new_ids: &HashMap<String, i32>,
    at: NaiveDateTime,
    written: &mut Written<'_>,
) -> QueryResult<()> {
    for planned in updated_rows {
        let RowAction::Update { id, .. } = planned.action else {
            continue;
        };
        let row = &planned.row;
        diesel::update(employees::table.find(id))
            .set((
                EmployeeRecord::from(row),
                employees::manager_id.eq(manager_id(&planned.manager, new_ids)?),
                employees::is_admin.eq(row.is_admin),
                employees::updated_at.eq(at),
            ))
            .execute(conn)?;
        written.done += 1;
        if written.done.is_multiple_of(1024) {
            written.report();
        }
    }
    Ok(())
}

/// Moves the pending applications of people who got another manager to the new
/// manager's queue; returns how many moved.
fn move_pending(
    conn: &mut DbConnection,
    actor_id: Option<i32>,
    plan: &ImportPlan,
    directory: &Directory,
    moved_people: &[&PlannedRow],
    new_ids: &HashMap<String, i32>,
    at: NaiveDateTime,
) -> Result<usize, WorkflowError> {
    let ids: Vec<i32> = moved_people.iter().filter_map(|r| existing_id(r)).collect();
    let with_pending = employees_with_pending_applications(conn, &ids)?;
    let names_in_file: HashMap<&str, &str> =
        plan.rows.iter().map(|r| (r.row.email.as_str(), r.row.display_name.as_str())).collect();
    let name_of = |email: &str| names_in_file.get(email).map(|n| (*n).to_owned());
    let mut applications_moved = 0;
    for planned in moved_people {
        let Some(id) = existing_id(planned).filter(|id| with_pending.contains(id)) else {
            continue;
        };
        let old_manager = directory.by_id(id).and_then(|p| p.manager_id).and_then(|m| directory.by_id(m));
        let new_manager_name = match &planned.manager {
            ManagerRef::None => None,
            ManagerRef::New(email) => name_of(email.as_str()),
            ManagerRef::Existing(m) => {
                directory.by_id(*m).map(|p| name_of(&p.email).unwrap_or_else(|| p.display_name.clone()))
            }
        };
        let moved = ManagerMove {
            employee_id: id,
            employee_name: planned.row.display_name.clone(),
            new_manager_id: manager_id(&planned.manager, new_ids)?,
            old_manager_name: old_manager.map(|m| m.display_name.clone()),
            new_manager_name,
        };
        applications_moved += workflow::move_pending_applications(conn, actor_id, &moved, at)?;
    }
    Ok(applications_moved)
}

fn existing_id(planned: &PlannedRow) -> Option<i32> {
    match planned.action {
        RowAction::Update { id, .. } | RowAction::Unchanged { id } => Some(id),
        RowAction::New => None,
    }
}

/// The id a row's manager has now; a new manager must already be inserted.
fn manager_id(manager: &ManagerRef, new_ids: &HashMap<String, i32>) -> QueryResult<Option<i32>> {
    match manager {
        ManagerRef::None => Ok(None),
        ManagerRef::Existing(id) => Ok(Some(*id)),
        ManagerRef::New(email) => new_ids.get(email.as_str()).copied().map(Some).ok_or_else(|| {
            diesel::result::Error::QueryBuilderError(format!("the manager {email} was not inserted first").into())
        }),
    }
}

/// Which of these employees have pending applications (manager stage or changes requested).
fn employees_with_pending_applications(conn: &mut DbConnection, ids: &[i32]) -> QueryResult<HashSet<i32>> {
    let mut found = HashSet::new();
    for chunk in ids.chunks(LOOKUP_CHUNK) {
        let owners: Vec<i32> = applications::table
            .filter(applications::employee_id.eq_any(chunk))
            .filter(applications::status.eq_any(ApplicationStatus::PENDING_ON_MANAGER))
            .select(applications::employee_id)
            .distinct()
            .load(conn)?;
        found.extend(owners);
    }
    Ok(found)
}

/// An uploaded file waiting for its commit.
#[derive(Debug, Clone, Queryable)]
pub struct StoredUpload {
    pub id: i32,
    pub file_name: String,
    pub csv_text: String,
}

/// Keeps an upload for its commit, and forgets this administrator's earlier uploads and
/// anyone's older than a day. Returns its id.
pub fn store_upload(conn: &mut DbConnection, admin_id: i32, file_name: &str, text: &str) -> QueryResult<i32> {
    write_transaction(conn, |conn| {
        let at = now();
        diesel::delete(
            employee_imports::table.filter(
                employee_imports::admin_id.eq(admin_id).or(employee_imports::created_at.lt(at - UPLOAD_MAX_AGE)),
            ),
        )
        .execute(conn)?;
        diesel::insert_into(employee_imports::table)
            .values((
                employee_imports::admin_id.eq(admin_id),
                employee_imports::file_name.eq(file_name),
                employee_imports::created_at.eq(at),
                employee_imports::csv_text.eq(text),
                employee_imports::sha256.eq(crate::security::sha256_hex(text)),
            ))
            .returning(employee_imports::id)
            .get_result(conn)
    })
}

/// Commits an upload of `admin_id`'s: checks it again against the directory as it is
/// now and applies it, in one transaction that also deletes the upload. `None` when there
/// is no such upload (already committed, replaced, too old, or someone else's).
pub fn commit_stored_import(
    conn: &mut DbConnection,
    upload_id: i32,
    admin: (i32, &str),
    today: NaiveDate,
) -> Result<Option<ImportOutcome>, WorkflowError> {
    write_transaction(conn, |conn| {
        // Locking first makes a second click wait for the first and then find nothing.
        lock_directory(conn)?;
        let upload: Option<StoredUpload> = employee_imports::table
            .filter(employee_imports::id.eq(upload_id))
            .filter(employee_imports::admin_id.eq(admin.0))
            .select((employee_imports::id, employee_imports::file_name, employee_imports::csv_text))
            .first(conn)
            .optional()?;
        let Some(upload) = upload else {
            return Ok(None);
        };
        diesel::delete(employee_imports::table.find(upload.id)).execute(conn)?;
        let request = ImportRequest {
            text: &upload.csv_text,
            file_name: &upload.file_name,
            today,
            actor: Some(admin),
            options: ImportOptions::default(),
        };
        commit_in_transaction(conn, &request, &mut |_, _, _| {}).map(Some)
    })
}
