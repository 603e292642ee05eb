//! Queries on `program_team_members`: who runs which program. Administrators name the
//! team; each change is audited in its transaction.

use diesel::prelude::*;

use super::audit::{audited, AuditLine};
use super::schema::{employees, program_team_members, programs};
use super::DbConnection;
use crate::domain::{AuditAction, ProgramStatus, TeamRole};

/// A member of a program's team, as the team section lists them.
#[derive(Debug, Clone, Queryable)]
pub struct TeamMemberRow {
    pub employee_id: i32,
    pub display_name: String,
    pub email: String,
    pub job_title: String,
    pub active: bool,
    pub role: TeamRole,
}

/// A program someone runs, as "My programs" lists it.
#[derive(Debug, Clone, Queryable)]
pub struct RunProgramRow {
    pub id: i32,
    pub slug: String,
    pub name: String,
    pub status: ProgramStatus,
    pub role: TeamRole,
}

/// The team of `program_id`, owners first, then by name.
pub fn members(conn: &mut DbConnection, program_id: i32) -> QueryResult<Vec<TeamMemberRow>> {
    program_team_members::table
        .inner_join(employees::table.on(employees::id.eq(program_team_members::employee_id)))
        .filter(program_team_members::program_id.eq(program_id))
        .select((
            employees::id,
            employees::display_name,
            employees::email,
            employees::job_title,
            employees::active,
            program_team_members::role,
        ))
        .order((program_team_members::role.desc(), employees::display_name.asc(), employees::id.asc()))
        .load(conn)
}

/// The people who still work here on the team of `program_id`, but `except` (who acts):
/// whom the program-team stage's notices and reminders go to.
pub fn active_member_ids(conn: &mut DbConnection, program_id: i32, except: i32) -> QueryResult<Vec<i32>> {
    program_team_members::table
        .inner_join(employees::table.on(employees::id.eq(program_team_members::employee_id)))
        .filter(program_team_members::program_id.eq(program_id))
        .filter(employees::active.eq(true))
        .filter(employees::id.ne(except))
        .select(employees::id)
        .order(employees::id.asc())
        .load(conn)
}

/// The ids of the programs `employee_id` is on the team of.
pub fn program_ids_of(conn: &mut DbConnection, employee_id: i32) -> QueryResult<Vec<i32>> {
    program_team_members::table
        .filter(program_team_members::employee_id.eq(employee_id))
        .select(program_team_members::program_id)
        .order(program_team_members::program_id.asc())
        .load(conn)
}

/// The programs `employee_id` is on the team of, by name (archived ones included).
pub fn programs_run_by(conn: &mut DbConnection, employee_id: i32) -> QueryResult<Vec<RunProgramRow>> {
    program_team_members::table
        .inner_join(programs::table)
        .filter(program_team_members::employee_id.eq(employee_id))
        .select((programs::id, programs::slug, programs::name, programs::status, program_team_members::role))
        .order((programs::name.asc(), programs::id.asc()))
        .load(conn)
}

/// Whether `employee_id` is on the team of `program_id`.
pub fn is_member(conn: &mut DbConnection, employee_id: i32, program_id: i32) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        program_team_members::table
            .filter(program_team_members::program_id.eq(program_id))
            .filter(program_team_members::employee_id.eq(employee_id)),
    ))
    .get_result(conn)
}

/// What naming someone to a team did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamChange {
    Added,
    /// Already on the team: their role is now the one asked for.
    RoleChanged,
    /// Already on the team in that role: nothing to do.
    Unchanged,
    Removed,
    /// Not on the team (removed meanwhile): nothing to do.
    NotMember,
}

/// `employee_id`'s role on the team of `program_id`, if they are on it.
pub fn role_of(conn: &mut DbConnection, employee_id: i32, program_id: i32) -> QueryResult<Option<TeamRole>> {
    program_team_members::table
        .find((program_id, employee_id))
        .select(program_team_members::role)
        .first(conn)
        .optional()
}

/// Puts `member` on the team of the program (`program_id`, `slug`) as `role`, or changes
/// their role, with the audit line, in one transaction.
pub fn put(
    conn: &mut DbConnection,
    program: (i32, &str),
    member: (i32, &str),
    role: TeamRole,
    admin_id: i32,
) -> QueryResult<TeamChange> {
    let (program_id, slug) = program;
    let (employee_id, email) = member;
    audited(conn, |conn, now| {
        let current: Option<TeamRole> = program_team_members::table
            .find((program_id, employee_id))
            .select(program_team_members::role)
            .first(conn)
            .optional()?;
        let change = match current {
            Some(existing) if existing == role => return Ok((TeamChange::Unchanged, None)),
            Some(_) => {
                diesel::update(program_team_members::table.find((program_id, employee_id)))
                    .set(program_team_members::role.eq(role))
                    .execute(conn)?;
                TeamChange::RoleChanged
            }
            None => {
                // Two admins adding the same person at once: the second adds nothing.
                let insert = diesel::insert_into(program_team_members::table)
                    .values((
                        program_team_members::program_id.eq(program_id),
                        program_team_members::employee_id.eq(employee_id),
                        program_team_members::role.eq(role),
                        program_team_members::added_by.eq(Some(admin_id)),
                        program_team_members::added_at.eq(now),
                    ))
                    .on_conflict_do_nothing();
                let added = super::on_own_backend!(conn, |own| insert.execute(own))?;
                if added == 0 {
                    return Ok((TeamChange::Unchanged, None));
                }
                TeamChange::Added
            }
        };
        let line = AuditLine {
            actor_id: Some(admin_id),
            action: AuditAction::ProgramTeamMemberAdded,
            subject: slug.to_owned(),
            details: format!("{email} as {}", role.label().to_lowercase()),
        };
        Ok((change, Some(line)))
    })
}

/// Takes `member` off the team of the program, with the audit line, in one transaction.
pub fn remove(
    conn: &mut DbConnection,
    program: (i32, &str),
    member: (i32, &str),
    admin_id: i32,
) -> QueryResult<TeamChange> {
    let (program_id, slug) = program;
    let (employee_id, email) = member;
    audited(conn, |conn, _| {
        let removed = diesel::delete(program_team_members::table.find((program_id, employee_id))).execute(conn)?;
        if removed == 0 {
            return Ok((TeamChange::NotMember, None));
        }
        let line = AuditLine {
            actor_id: Some(admin_id),
            action: AuditAction::ProgramTeamMemberRemoved,
            subject: slug.to_owned(),
            details: email.to_owned(),
        };
        Ok((TeamChange::Removed, Some(line)))
    })
}

/// The programs a page shows someone who runs programs: every program (an administrator)
/// or those of the teams they are on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgramScope {
    All,
    Only(Vec<i32>),
}

impl ProgramScope {
    /// The programs to filter on; `None` for every program.
    pub fn ids(&self) -> Option<&[i32]> {
        match self {
            ProgramScope::All => None,
            ProgramScope::Only(ids) => Some(ids),
        }
    }

    pub fn includes(&self, program_id: i32) -> bool {
        self.ids().is_none_or(|ids| ids.contains(&program_id))
    }
}
