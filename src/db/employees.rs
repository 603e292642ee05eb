//! Queries on `employees`.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::audit::AuditLine;
use super::schema::{employees, notifications, program_team_members};
use super::DbConnection;
use crate::domain::history::ChangeContext;
use crate::domain::import::ImportRow;
use crate::domain::person_form::{PersonDraft, PersonInput};
use crate::domain::sign_on::ProvisionedPerson;
use crate::domain::{AuditAction, EmployeeProfile, EmploymentType, HistorySource, JobFamily, SiteType};

/// One row of `employees`.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = employees)]
pub struct Employee {
    pub id: i32,
    pub email: String,
    pub display_name: String,
    pub job_title: String,
    pub job_family: JobFamily,
    pub site_type: SiteType,
    pub employment_type: EmploymentType,
    pub hire_date: NaiveDate,
    pub manager_id: Option<i32>,
    pub is_admin: bool,
    pub password_hash: Option<String>,
    pub active: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// The language chosen on the account page (a catalog's tag), if any.
    pub locale: Option<String>,
    /// The IANA time zone chosen on the account page, if any.
    pub time_zone: Option<String>,
}

impl Employee {
    /// What the company's records say about this person.
    pub fn record(&self) -> EmployeeRecord {
        EmployeeRecord {
            display_name: self.display_name.clone(),
            job_title: self.job_title.clone(),
            job_family: self.job_family,
            site_type: self.site_type,
            employment_type: self.employment_type,
            hire_date: self.hire_date,
        }
    }

    /// The facts eligibility depends on.
    pub fn profile(&self) -> EmployeeProfile {
        EmployeeProfile {
            job_family: self.job_family,
            site_type: self.site_type,
            employment_type: self.employment_type,
            hire_date: self.hire_date,
        }
    }
}

/// What the company's records say about a person: the columns that every path that
/// creates or changes a person writes (the person form, the CSV import, single sign-on
/// provisioning). A new column of that kind goes here, in the row above, and in the
/// conversions below.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable, AsChangeset, serde::Serialize)]
#[diesel(table_name = employees)]
pub struct EmployeeRecord {
    pub display_name: String,
    pub job_title: String,
    pub job_family: JobFamily,
    pub site_type: SiteType,
    pub employment_type: EmploymentType,
    pub hire_date: NaiveDate,
}

impl From<&PersonDraft> for EmployeeRecord {
    fn from(draft: &PersonDraft) -> Self {
        EmployeeRecord {
            display_name: draft.display_name.clone(),
            job_title: draft.job_title.clone(),
            job_family: draft.job_family,
            site_type: draft.site_type,
            employment_type: draft.employment_type,
            hire_date: draft.hire_date,
        }
    }
}

impl From<&ImportRow> for EmployeeRecord {
    fn from(row: &ImportRow) -> Self {
        EmployeeRecord {
            display_name: row.display_name.clone(),
            job_title: row.job_title.clone(),
            job_family: row.job_family,
            site_type: row.site_type,
            employment_type: row.employment_type,
            hire_date: row.hire_date,
        }
    }
}

impl From<&ProvisionedPerson> for EmployeeRecord {
    fn from(person: &ProvisionedPerson) -> Self {
        EmployeeRecord {
            display_name: person.display_name.clone(),
            job_title: person.job_title.to_owned(),
            job_family: person.job_family,
            site_type: person.site_type,
            employment_type: person.employment_type,
            hire_date: person.hire_date,
        }
    }
}

/// The person form filled in with a stored person and their manager's address.
impl PersonInput {
    pub fn of(employee: &Employee, manager_email: String) -> PersonInput {
        PersonInput {
            display_name: employee.display_name.clone(),
            job_title: employee.job_title.clone(),
            job_family: employee.job_family.as_str().to_owned(),
            site_type: employee.site_type.as_str().to_owned(),
            employment_type: employee.employment_type.as_str().to_owned(),
            hire_date: employee.hire_date.to_string(),
            manager_email,
            is_admin: employee.is_admin,
            active: employee.active,
        }
    }
}

/// A row to insert into `employees`.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = employees)]
pub struct NewEmployee {
    pub email: String,
    #[diesel(embed)]
    pub record: EmployeeRecord,
    pub manager_id: Option<i32>,
    pub is_admin: bool,
    pub password_hash: Option<String>,
    pub active: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl NewEmployee {
    /// An active person without a password or a manager, created now.
    pub fn active(email: &str, record: EmployeeRecord, now: NaiveDateTime) -> NewEmployee {
        NewEmployee {
            email: email.to_owned(),
            record,
            manager_id: None,
            is_admin: false,
            password_hash: None,
            active: true,
            created_at: now,
            updated_at: now,
        }
    }
}

pub fn find_by_id(conn: &mut DbConnection, id: i32) -> QueryResult<Employee> {
    employees::table.find(id).select(Employee::as_select()).first(conn)
}

/// What every signed-in page needs to know about its viewer, in one statement: the
/// person, whether any active employee reports to them, and their unread notifications.
pub struct ViewerRow {
    pub employee: Employee,
    pub has_direct_reports: bool,
    pub unread_notifications: i64,
    /// Whether they are on the team of any program.
    pub runs_programs: bool,
}

pub fn find_viewer(conn: &mut DbConnection, id: i32) -> QueryResult<Option<ViewerRow>> {
    let reports = diesel::alias!(employees as reports);
    let row: Option<(Employee, bool, Option<i64>, bool)> = super::on_own_backend!(conn, |own| employees::table
        .find(id)
        .select((
            Employee::as_select(),
            diesel::dsl::exists(
                reports
                    .filter(reports.field(employees::manager_id).eq(id))
                    .filter(reports.field(employees::active).eq(true)),
            ),
            notifications::table
                .filter(notifications::employee_id.eq(id))
                .filter(notifications::read_at.is_null())
                .count()
                .single_value(),
            diesel::dsl::exists(program_team_members::table.filter(program_team_members::employee_id.eq(id))),
        ))
        .first(own)
        .optional())?;
    Ok(row.map(|(employee, has_direct_reports, unread, runs_programs)| ViewerRow {
        employee,
        has_direct_reports,
        unread_notifications: unread.unwrap_or(0),
        runs_programs,
    }))
}

pub fn find_by_email(conn: &mut DbConnection, email: &str) -> QueryResult<Option<Employee>> {
    employees::table.filter(employees::email.eq(email)).select(Employee::as_select()).first(conn).optional()
}

pub fn insert(conn: &mut DbConnection, new: &NewEmployee) -> QueryResult<i32> {
    diesel::insert_into(employees::table).values(new).returning(employees::id).get_result(conn)
}

/// Creates the employee record of a person at their first single sign-on, with its
/// audit line, in one transaction; `how` names the sign-on (`header`, `oidc`). When the
/// same person was created meanwhile by a parallel request, that record is returned.
pub fn provision(conn: &mut DbConnection, person: &ProvisionedPerson, how: &str) -> QueryResult<Employee> {
    let now = crate::clock::now();
    let new = NewEmployee::active(person.email.as_str(), EmployeeRecord::from(person), now);
    let created = super::write_transaction(conn, |conn| {
        if let Some(existing) = find_by_email(conn, &new.email)? {
            return Ok(existing);
        }
        let id = insert(conn, &new)?;
        let details = format!("created at first sign-in ({how} single sign-on)");
        super::audit::record(conn, Some(id), AuditAction::EmployeeProvisioned, &new.email, &details, now)?;
        let context = ChangeContext::new(HistorySource::Provision, crate::clock::today(), None);
        super::history::record_change(conn, id, &context)?;
        find_by_id(conn, id)
    });
    match created {
        Err(diesel::result::Error::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _)) => {
            find_by_email(conn, &new.email)?.ok_or(diesel::result::Error::NotFound)
        }
        other => other,
    }
}

/// Creates an administrator from the command line (`create-admin`), with its audit line,
/// in one transaction; returns the new id.
pub fn create_admin(conn: &mut DbConnection, new: &NewEmployee) -> QueryResult<i32> {
    super::audit::audited(conn, |conn, _| {
        let id = insert(conn, &NewEmployee { is_admin: true, ..new.clone() })?;
        let context = ChangeContext::new(HistorySource::Admin, crate::clock::today(), None);
        super::history::record_change(conn, id, &context)?;
        let line = AuditLine {
            actor_id: None,
            action: AuditAction::EmployeeAdminCreated,
            subject: new.email.clone(),
            details: "created as an administrator from the command line".to_owned(),
        };
        Ok((id, Some(line)))
    })
}

/// What `create-admin` changed for a person who already existed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AdminGrant {
    /// They were not an administrator before.
    pub granted: bool,
    /// Their sessions ended with the new password.
    pub sessions_ended: Option<usize>,
}

/// Gives an existing person administrator rights and, with `new_password_hash`, a new
/// password (which ends their sessions): each change with its audit line (the actor is
/// the command line), all in one transaction. Whether they are active stays as it is.
pub fn grant_admin(conn: &mut DbConnection, id: i32, new_password_hash: Option<&str>) -> QueryResult<AdminGrant> {
    super::write_transaction(conn, |conn| {
        let person = find_by_id(conn, id)?;
        let now = crate::clock::now();
        let granted = !person.is_admin;
        if granted {
            diesel::update(employees::table.find(id))
                .set((employees::is_admin.eq(true), employees::updated_at.eq(now)))
                .execute(conn)?;
            let details = "administrator rights given from the command line";
            super::audit::record(conn, None, AuditAction::EmployeeAdminGranted, &person.email, details, now)?;
        }
        let sessions_ended = match new_password_hash {
            Some(hash) => {
                diesel::update(employees::table.find(id))
                    .set((employees::password_hash.eq(hash), employees::updated_at.eq(now)))
                    .execute(conn)?;
                let ended = super::sessions::delete_for_employee(conn, id)?;
                let details = format!("new password set from the command line; {ended} session(s) ended");
                super::audit::record(conn, None, AuditAction::EmployeePasswordReset, &person.email, &details, now)?;
                Some(ended)
            }
            None => None,
        };
        Ok(AdminGrant { granted, sessions_ended })
    })
}

/// Records the language a person chose (a catalog's tag), or that their browser decides
/// (`None`), inside the caller's transaction.
pub fn set_locale(conn: &mut DbConnection, id: i32, locale: Option<&str>, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(employees::table.find(id))
        .set((employees::locale.eq(locale), employees::updated_at.eq(now)))
        .execute(conn)
        .map(|_| ())
}

pub fn set_time_zone(conn: &mut DbConnection, id: i32, zone: Option<&str>, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(employees::table.find(id))
        .set((employees::time_zone.eq(zone), employees::updated_at.eq(now)))
        .execute(conn)
        .map(|_| ())
}

/// The time zones chosen by `ids` (those who chose none are left out).
pub fn time_zones_of(conn: &mut DbConnection, ids: &[i32]) -> QueryResult<Vec<(i32, String)>> {
    let mut zones = Vec::new();
    for chunk in ids.chunks(500) {
        zones.extend(
            employees::table
                .filter(employees::id.eq_any(chunk))
                .filter(employees::time_zone.is_not_null())
                .select((employees::id, employees::time_zone.assume_not_null()))
                .load::<(i32, String)>(conn)?,
        );
    }
    Ok(zones)
}

pub fn count(conn: &mut DbConnection) -> QueryResult<i64> {
    employees::table.count().get_result(conn)
}

/// Whether anyone active reports to this employee (managers are derived, not flagged).
pub fn has_direct_reports(conn: &mut DbConnection, id: i32) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        employees::table.filter(employees::manager_id.eq(id)).filter(employees::active.eq(true)),
    ))
    .get_result(conn)
}

pub fn set_manager(conn: &mut DbConnection, id: i32, manager_id: Option<i32>, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(employees::table.find(id))
        .set((employees::manager_id.eq(manager_id), employees::updated_at.eq(now)))
        .execute(conn)
        .map(|_| ())
}

/// Whether `person` is `boss` or reports to them, directly or through others.
pub fn reports_to(conn: &mut DbConnection, person: i32, boss: i32) -> QueryResult<bool> {
    let mut current = Some(person);
    // A management chain is short; the bound also stops at a cycle already in the data.
    for _ in 0..64 {
        match current {
            Some(id) if id == boss => return Ok(true),
            Some(id) => current = employees::table.find(id).select(employees::manager_id).first(conn)?,
            None => return Ok(false),
        }
    }
    Ok(false)
}

/// A person as listed to others.
#[derive(Debug, Clone, Queryable)]
pub struct PersonLine {
    pub id: i32,
    pub email: String,
    pub display_name: String,
    pub job_title: String,
}

/// The active direct reports of a manager, by name.
pub fn direct_reports(conn: &mut DbConnection, manager_id: i32) -> QueryResult<Vec<PersonLine>> {
    employees::table
        .filter(employees::manager_id.eq(manager_id))
        .filter(employees::active.eq(true))
        .order(employees::display_name.asc())
        .select((employees::id, employees::email, employees::display_name, employees::job_title))
        .load(conn)
}

diesel::alias!(employees as managers: ManagersAlias);

/// One line of the people directory.
#[derive(Debug, Clone, Queryable)]
pub struct DirectoryRow {
    pub id: i32,
    pub email: String,
    pub display_name: String,
    pub job_title: String,
    pub site_type: SiteType,
    pub manager_name: Option<String>,
    pub is_admin: bool,
    pub active: bool,
}

diesel::define_sql_function!(fn lower(text: diesel::sql_types::Text) -> diesel::sql_types::Text);

/// One page of the directory, by name then id, after (`name`, `id`) when given.
/// `search` matches the start of the e-mail address or any part of the name, whatever
/// the case of either.
pub fn directory(
    conn: &mut DbConnection,
    search: &str,
    after: Option<(&str, i32)>,
    limit: i64,
) -> QueryResult<Vec<DirectoryRow>> {
    let mut query = employees::table
        .left_join(managers.on(employees::manager_id.eq(managers.field(employees::id).nullable())))
        .into_boxed();
    if !search.is_empty() {
        let escaped = search.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        // The name and the pattern both through the database's `lower`: PostgreSQL's LIKE
        // tells case apart, SQLite's only for letters beyond ASCII, and each backend's
        // `lower` folds the two sides alike.
        let name_pattern = lower(format!("%{escaped}%").into_sql::<diesel::sql_types::Text>());
        let email_starts = employees::email.like(format!("{}%", escaped.to_lowercase())).escape('\\');
        let name_contains = lower(employees::display_name).like(name_pattern).escape('\\');
        query = query.filter(email_starts.or(name_contains));
    }
    if let Some((name, id)) = after {
        // Written so the name index can seek to the cursor: `name >= x` bounds the walk.
        query = query.filter(
            employees::display_name
                .ge(name.to_owned())
                .and(employees::display_name.gt(name.to_owned()).or(employees::id.gt(id))),
        );
    }
    query
        .order((employees::display_name.asc(), employees::id.asc()))
        .limit(limit)
        .select((
            employees::id,
            employees::email,
            employees::display_name,
            employees::job_title,
            employees::site_type,
            managers.field(employees::display_name).nullable(),
            employees::is_admin,
            employees::active,
        ))
        .load(conn)
}

pub fn count_active_admins(conn: &mut DbConnection) -> QueryResult<i64> {
    active_admins().count().get_result(conn)
}

/// The ids of the active administrators, in id order.
pub fn active_admin_ids(conn: &mut DbConnection) -> QueryResult<Vec<i32>> {
    active_admins().order(employees::id.asc()).select(employees::id).load(conn)
}

/// The active administrators: a handful among hundreds of thousands, found through the
/// index `employees_admins`.
fn active_admins() -> diesel::dsl::Filter<
    diesel::dsl::Filter<employees::table, diesel::dsl::Eq<employees::is_admin, bool>>,
    diesel::dsl::Eq<employees::active, bool>,
> {
    employees::table.filter(employees::is_admin.eq(true)).filter(employees::active.eq(true))
}

/// Saves what an administrator edits of a person (the manager is changed separately,
/// because it moves pending applications).
pub fn update_profile(
    conn: &mut DbConnection,
    id: i32,
    record: &EmployeeRecord,
    is_admin: bool,
    active: bool,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(employees::table.find(id))
        .set((record, employees::is_admin.eq(is_admin), employees::active.eq(active), employees::updated_at.eq(now)))
        .execute(conn)
        .map(|_| ())
}
