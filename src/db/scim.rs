//! People as SCIM provisioning sees them: `employees` with what `scim_users` adds, and
//! the changes an identity provider makes. Every change goes through the rules of the
//! person form (`person_form::parse_person`, `workflow::update_person_in_transaction`):
//! the last administrator is kept, a manager change moves pending applications, a
//! deactivation ends sessions and hands over decisions; each writes its audit line in
//! the same transaction.
//!
//! A DELETE deactivates the person and marks the row deleted: from then on they are not
//! found by id nor listed, and a POST of their userName brings the same person back (the
//! row, and so their applications, are kept).

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::employees::{self, Employee, NewEmployee};
use super::schema::{employees as people, scim_users};
use super::workflow::{self, ManagerChangeError, PersonChangeError, WorkflowError};
use super::{audit, history, write_transaction, DbConnection};
use crate::clock::now;
use crate::domain::history::ChangeContext;
use crate::domain::person_form::{parse_person, PersonInput};
use crate::domain::scim::filter::UserFilter;
use crate::domain::scim::user::{field_problem, person_input, Absent, UserChange, UserView};
use crate::domain::scim::ScimProblem;
use crate::domain::{AuditAction, HistorySource};
use crate::i18n::{Locale, Tr};

/// What `scim_users` keeps of a person.
#[derive(Debug, Clone, Default, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = scim_users)]
pub struct ScimExtra {
    pub external_id: Option<String>,
    pub employee_number: String,
    pub department: String,
    pub given_name: String,
    pub family_name: String,
    pub updated_at: NaiveDateTime,
    pub deleted_at: Option<NaiveDateTime>,
}

/// Why a SCIM change was not made.
#[derive(Debug, thiserror::Error)]
pub enum ScimWriteError {
    /// Refused, with the SCIM error to answer.
    #[error("{0}")]
    Refused(ScimProblem),
    #[error(transparent)]
    Workflow(#[from] WorkflowError),
}

impl From<diesel::result::Error> for ScimWriteError {
    fn from(err: diesel::result::Error) -> Self {
        ScimWriteError::Workflow(WorkflowError::from(err))
    }
}

impl From<ScimProblem> for ScimWriteError {
    fn from(problem: ScimProblem) -> Self {
        ScimWriteError::Refused(problem)
    }
}

type Row = (Employee, Option<ScimExtra>);

fn visible() -> diesel::dsl::IsNull<scim_users::deleted_at> {
    scim_users::deleted_at.is_null()
}

/// The views of these rows, with their managers' names (one query for all).
fn views(conn: &mut DbConnection, rows: Vec<Row>) -> QueryResult<Vec<UserView>> {
    let manager_ids: Vec<i32> = rows.iter().filter_map(|(e, _)| e.manager_id).collect();
    let managers: std::collections::HashMap<i32, String> = if manager_ids.is_empty() {
        Default::default()
    } else {
        people::table
            .filter(people::id.eq_any(&manager_ids))
            .select((people::id, people::display_name))
            .load::<(i32, String)>(conn)?
            .into_iter()
            .collect()
    };
    Ok(rows
        .into_iter()
        .map(|(employee, extra)| {
            let extra = extra.unwrap_or_default();
            let manager = employee.manager_id.and_then(|id| managers.get(&id).map(|name| (id, name.clone())));
            UserView {
                id: employee.id,
                user_name: employee.email,
                external_id: extra.external_id,
                given_name: extra.given_name,
                family_name: extra.family_name,
                display_name: employee.display_name,
                title: employee.job_title,
                active: employee.active,
                employee_number: extra.employee_number,
                department: extra.department,
                manager,
                job_family: employee.job_family,
                site_type: employee.site_type,
                employment_type: employee.employment_type,
                hire_date: employee.hire_date,
                created: employee.created_at,
                last_modified: employee.updated_at.max(extra.updated_at),
            }
        })
        .collect())
}

/// A person by SCIM id; `None` when there is none, or the provider deleted them.
pub fn find_user(conn: &mut DbConnection, id: i32) -> QueryResult<Option<UserView>> {
    let row: Option<Row> = people::table
        .left_join(scim_users::table)
        .filter(people::id.eq(id))
        .filter(visible())
        .select((Employee::as_select(), Option::<ScimExtra>::as_select()))
        .first(conn)
        .optional()?;
    Ok(views(conn, row.into_iter().collect())?.pop())
}

/// One page of the people a filter finds (`offset` from 0), and how many it finds in all.
pub fn list_users(
    conn: &mut DbConnection,
    filter: Option<&UserFilter>,
    offset: i64,
    limit: i64,
) -> QueryResult<(i64, Vec<UserView>)> {
    let query = || {
        let mut query = people::table.left_join(scim_users::table).filter(visible()).into_boxed();
        match filter {
            None => {}
            Some(UserFilter::UserName(name) | UserFilter::Email(name)) => {
                query = query.filter(people::email.eq(name.trim().to_lowercase()))
            }
            Some(UserFilter::ExternalId(id)) => query = query.filter(scim_users::external_id.eq(id.clone())),
            Some(UserFilter::Id(id)) => query = query.filter(people::id.eq(id.trim().parse::<i32>().unwrap_or(0))),
        }
        query
    };
    let total: i64 = query().count().get_result(conn)?;
    if limit == 0 || offset >= total {
        return Ok((total, Vec::new()));
    }
    let rows: Vec<Row> = query()
        .order(people::id.asc())
        .offset(offset)
        .limit(limit)
        .select((Employee::as_select(), Option::<ScimExtra>::as_select()))
        .load(conn)?;
    Ok((total, views(conn, rows)?))
}

/// The stored row and extra of a visible person, for a change.
fn load_for_change(conn: &mut DbConnection, id: i32) -> Result<(Employee, ScimExtra), ScimWriteError> {
    let row: Option<Row> = people::table
        .left_join(scim_users::table)
        .filter(people::id.eq(id))
        .select((Employee::as_select(), Option::<ScimExtra>::as_select()))
        .first(conn)
        .optional()?;
    match row {
        Some((employee, extra)) if extra.as_ref().is_none_or(|e| e.deleted_at.is_none()) => {
            Ok((employee, extra.unwrap_or_default()))
        }
        _ => Err(ScimProblem::not_found(format!("No user has the id {id}.")).into()),
    }
}

/// The e-mail address of the manager a change names, by SCIM id.
fn manager_email(conn: &mut DbConnection, id: &str) -> Result<String, ScimWriteError> {
    let unknown = || {
        ScimProblem::invalid_value(format!(
            "manager: no user has the id {}.",
            crate::domain::text::shown_in_message(id)
        ))
    };
    let id: i32 = id.parse().map_err(|_| unknown())?;
    let found: Option<String> = people::table.find(id).select(people::email).first(conn).optional()?;
    found.ok_or_else(|| unknown().into())
}

/// The e-mail address of a person's manager, or "" (as the person form shows it).
fn manager_address(conn: &mut DbConnection, employee: &Employee) -> QueryResult<String> {
    match employee.manager_id {
        Some(manager) => people::table.find(manager).select(people::email).first(conn),
        None => Ok(String::new()),
    }
}

/// Writes what `scim_users` keeps of a change (and clears a deletion).
fn save_extra(conn: &mut DbConnection, id: i32, change: &UserChange, at: NaiveDateTime) -> QueryResult<()> {
    let values = (
        scim_users::external_id.eq(change.external_id.clone()),
        scim_users::employee_number.eq(change.employee_number.clone()),
        scim_users::department.eq(change.department.clone()),
        scim_users::given_name.eq(change.given_name.clone()),
        scim_users::family_name.eq(change.family_name.clone()),
        scim_users::updated_at.eq(at),
        scim_users::deleted_at.eq(None::<NaiveDateTime>),
    );
    let exists: bool = diesel::select(diesel::dsl::exists(scim_users::table.find(id))).get_result(conn)?;
    if exists {
        diesel::update(scim_users::table.find(id)).set(values).execute(conn)?;
    } else {
        diesel::insert_into(scim_users::table).values((scim_users::employee_id.eq(id), values)).execute(conn)?;
    }
    Ok(())
}

/// Creates a person (POST), or brings back one the provider deleted; returns the id and
/// whether the person is new. A userName that someone has is a 409 `uniqueness`.
pub fn create_user(
    conn: &mut DbConnection,
    change: &UserChange,
    via: &str,
    today: NaiveDate,
) -> Result<(i32, bool), ScimWriteError> {
    let result = write_transaction(conn, |conn| {
        if let Some(existing) = employees::find_by_email(conn, change.user_name.as_str())? {
            let deleted: Option<Option<NaiveDateTime>> =
                scim_users::table.find(existing.id).select(scim_users::deleted_at).first(conn).optional()?;
            if deleted.flatten().is_none() {
                let detail = format!("A user with the userName {} exists (id {}).", existing.email, existing.id);
                return Err(ScimProblem::new(409, Some("uniqueness"), detail).into());
            }
            change_in_transaction(conn, &existing, change, Absent::Keep, via, today)?;
            return Ok((existing.id, false));
        }
        let manager = match &change.manager {
            Some(Some(id)) => Some(manager_email(conn, id)?),
            _ => None,
        };
        let input = person_input(change, None, String::new(), today);
        let draft = parse_person(&input, today)
            .map_err(|errors| field_problem(&errors, |message| Tr(Locale::En).say(message)))?;
        let at = now();
        let new =
            NewEmployee { active: draft.active, ..NewEmployee::active(change.user_name.as_str(), (&draft).into(), at) };
        let id = employees::insert(conn, &new)?;
        save_extra(conn, id, change, at)?;
        let details = format!("created by provisioning ({via})");
        audit::record(conn, None, AuditAction::EmployeeScimCreated, &new.email, &details, at)?;
        if let Some(email) = manager {
            let manager_id = employees::find_by_email(conn, &email)?.map(|m| m.id);
            workflow::change_manager_in_transaction(conn, None, id, manager_id)?;
        }
        history::record_change(conn, id, &scim_change())?;
        Ok((id, true))
    });
    explain(conn, result, change)
}

/// Replaces a person's attributes (PUT; and PATCH, with `Absent::Clear`, after the
/// operations were applied to the whole resource).
pub fn update_user(
    conn: &mut DbConnection,
    id: i32,
    change: &UserChange,
    absent: Absent,
    via: &str,
    today: NaiveDate,
) -> Result<(), ScimWriteError> {
    let result = write_transaction(conn, |conn| {
        let (employee, _) = load_for_change(conn, id)?;
        change_in_transaction(conn, &employee, change, absent, via, today)
    });
    explain(conn, result, change)
}

/// A change to a stored person, inside the caller's transaction.
fn change_in_transaction(
    conn: &mut DbConnection,
    employee: &Employee,
    change: &UserChange,
    absent: Absent,
    via: &str,
    today: NaiveDate,
) -> Result<(), ScimWriteError> {
    let at = now();
    if change.user_name.as_str() != employee.email {
        if let Some(other) = employees::find_by_email(conn, change.user_name.as_str())? {
            let detail = format!("Another user has the userName {} (id {}).", other.email, other.id);
            return Err(ScimProblem::new(409, Some("uniqueness"), detail).into());
        }
        diesel::update(people::table.find(employee.id))
            .set((people::email.eq(change.user_name.as_str()), people::updated_at.eq(at)))
            .execute(conn)?;
        let details = format!("e-mail address: {} → {} ({via})", employee.email, change.user_name);
        audit::record(conn, None, AuditAction::EmployeeUpdated, change.user_name.as_str(), &details, at)?;
    }
    let current_manager = manager_address(conn, employee)?;
    let manager = match (&change.manager, absent) {
        (Some(Some(id)), _) => manager_email(conn, id)?,
        (Some(None), _) => String::new(),
        (None, _) => current_manager.clone(),
    };
    let current = PersonInput::of(employee, current_manager);
    let input = person_input(change, Some(&current), manager, today);
    let draft =
        parse_person(&input, today).map_err(|errors| field_problem(&errors, |message| Tr(Locale::En).say(message)))?;
    workflow::update_person_in_transaction(conn, &scim_change(), via, employee.id, &draft)?;
    save_extra(conn, employee.id, change, at)?;
    Ok(())
}

/// Deactivates a person and marks them deleted (DELETE), as deactivating from the
/// person form does, with its audit line.
pub fn delete_user(conn: &mut DbConnection, id: i32, via: &str) -> Result<(), ScimWriteError> {
    write_transaction(conn, |conn| {
        let (employee, _) = load_for_change(conn, id)?;
        let manager_email = manager_address(conn, &employee)?;
        let input = PersonInput { active: false, ..PersonInput::of(&employee, manager_email) };
        let draft = parse_person(&input, crate::clock::today())
            .map_err(|errors| field_problem(&errors, |message| Tr(Locale::En).say(message)))?;
        workflow::update_person_in_transaction(conn, &scim_change(), via, id, &draft)?;
        let at = now();
        let exists: bool = diesel::select(diesel::dsl::exists(scim_users::table.find(id))).get_result(conn)?;
        if exists {
            diesel::update(scim_users::table.find(id))
                .set((scim_users::deleted_at.eq(at), scim_users::updated_at.eq(at)))
                .execute(conn)?;
        } else {
            diesel::insert_into(scim_users::table)
                .values((scim_users::employee_id.eq(id), scim_users::updated_at.eq(at), scim_users::deleted_at.eq(at)))
                .execute(conn)?;
        }
        let details = format!("deactivated and deleted by provisioning ({via}); the record and its history are kept");
        audit::record(conn, None, AuditAction::EmployeeScimDeleted, &employee.email, &details, at)?;
        Ok(())
    })
    .map_err(|err| match err {
        ScimWriteError::Workflow(WorkflowError::PersonRefused(PersonChangeError::LastAdmin)) => last_admin().into(),
        other => other,
    })
}

/// A change by the identity provider, effective today, for the job history.
fn scim_change() -> ChangeContext {
    ChangeContext::new(HistorySource::Scim, crate::clock::today(), None)
}

fn last_admin() -> ScimProblem {
    ScimProblem::new(
        409,
        None,
        "This is the last active administrator: Upskill keeps them active. Make someone else an \
         administrator first.",
    )
}

/// The refusals of the person rules in SCIM's words; a management circle names its people.
fn explain<T>(
    conn: &mut DbConnection,
    result: Result<T, ScimWriteError>,
    change: &UserChange,
) -> Result<T, ScimWriteError> {
    let refusal = match result {
        Err(ScimWriteError::Workflow(WorkflowError::PersonRefused(refusal))) => refusal,
        other => return other,
    };
    let problem = match refusal {
        PersonChangeError::LastAdmin => last_admin(),
        PersonChangeError::UnknownManager => ScimProblem::invalid_value("manager: no such user."),
        PersonChangeError::Manager(ManagerChangeError::OwnManager) => {
            ScimProblem::invalid_value("manager: a person can't be their own manager.")
        }
        PersonChangeError::Manager(ManagerChangeError::InactiveManager) => {
            ScimProblem::invalid_value("manager: that person is deactivated, so they can't be a manager.")
        }
        PersonChangeError::Manager(ManagerChangeError::Cycle) => {
            let manager = match &change.manager {
                Some(Some(id)) => id.parse::<i32>().ok(),
                _ => None,
            };
            let circle = match manager {
                Some(manager) => chain_to(conn, manager, change.user_name.as_str())?.join(" → "),
                None => change.user_name.to_string(),
            };
            ScimProblem::new(
                409,
                Some("invalidValue"),
                format!("manager: these people would manage each other in a circle: {circle}."),
            )
        }
    };
    Err(problem.into())
}

/// The e-mail addresses from `from` up the management chain to `email`, then `from` again.
fn chain_to(conn: &mut DbConnection, from: i32, email: &str) -> QueryResult<Vec<String>> {
    let mut chain = vec![email.to_owned()];
    let mut current = Some(from);
    for _ in 0..64 {
        let Some(id) = current else { break };
        let (address, manager): (String, Option<i32>) =
            people::table.find(id).select((people::email, people::manager_id)).first(conn)?;
        chain.push(address.clone());
        if address == email {
            break;
        }
        current = manager;
    }
    Ok(chain)
}
