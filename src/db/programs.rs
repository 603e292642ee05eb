//! Queries on `programs` and `intakes`.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::schema::{applications, intakes, programs};
use super::DbConnection;
use crate::domain::enums::{parse_list, UnknownValue};
use crate::domain::{Cents, ProgramRules, ProgramStatus};

/// One row of `programs`.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = programs)]
pub struct Program {
    pub id: i32,
    pub slug: String,
    pub name: String,
    pub summary: String,
    pub description: String,
    pub kind: String,
    pub category: String,
    pub format: String,
    pub provider: String,
    pub duration_weeks: Option<i32>,
    pub min_tenure_days: i32,
    pub allowed_job_families: String,
    pub allowed_site_types: String,
    pub full_time_only: bool,
    pub tuition_percent: i32,
    pub annual_cap_full_time_cents: i64,
    pub annual_cap_part_time_cents: i64,
    pub needs_manager_approval: bool,
    pub needs_admin_approval: bool,
    pub opens_on: Option<NaiveDate>,
    pub closes_on: Option<NaiveDate>,
    pub status: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl Program {
    /// The eligibility and funding rules, parsed into domain types.
    pub fn rules(&self) -> Result<ProgramRules, UnknownValue> {
        Ok(ProgramRules {
            status: self.status.parse()?,
            min_tenure_days: self.min_tenure_days,
            allowed_job_families: parse_list(&self.allowed_job_families)?,
            allowed_site_types: parse_list(&self.allowed_site_types)?,
            full_time_only: self.full_time_only,
            opens_on: self.opens_on,
            closes_on: self.closes_on,
            tuition_percent: self.tuition_percent,
            annual_cap_full_time: Cents(self.annual_cap_full_time_cents),
            annual_cap_part_time: Cents(self.annual_cap_part_time_cents),
        })
    }
}

/// A row to insert into `programs`.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = programs)]
pub struct NewProgram {
    pub slug: String,
    pub name: String,
    pub summary: String,
    pub description: String,
    pub kind: String,
    pub category: String,
    pub format: String,
    pub provider: String,
    pub duration_weeks: Option<i32>,
    pub min_tenure_days: i32,
    pub allowed_job_families: String,
    pub allowed_site_types: String,
    pub full_time_only: bool,
    pub tuition_percent: i32,
    pub annual_cap_full_time_cents: i64,
    pub annual_cap_part_time_cents: i64,
    pub needs_manager_approval: bool,
    pub needs_admin_approval: bool,
    pub opens_on: Option<NaiveDate>,
    pub closes_on: Option<NaiveDate>,
    pub status: String,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// One row of `intakes`.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = intakes)]
pub struct Intake {
    pub id: i32,
    pub program_id: i32,
    pub name: String,
    pub starts_on: NaiveDate,
    pub seats: i32,
}

/// A row to insert into `intakes`.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = intakes)]
pub struct NewIntake {
    pub program_id: i32,
    pub name: String,
    pub starts_on: NaiveDate,
    pub seats: i32,
}

/// An intake with the number of seats held by approved or completed applications.
#[derive(Debug, Clone)]
pub struct IntakeWithSeats {
    pub intake: Intake,
    pub seats_taken: i64,
}

impl IntakeWithSeats {
    pub fn seats_left(&self) -> i64 {
        (i64::from(self.intake.seats) - self.seats_taken).max(0)
    }
}

/// Statuses that hold a seat of an intake.
pub const SEAT_HOLDING_STATUSES: [&str; 2] = ["approved", "completed"];

/// Every published program, by name (case-insensitive, the same on both backends,
/// whose collations differ).
pub fn list_published(conn: &mut DbConnection) -> QueryResult<Vec<Program>> {
    let mut programs: Vec<Program> = programs::table
        .filter(programs::status.eq(ProgramStatus::Published.as_str()))
        .select(Program::as_select())
        .load(conn)?;
    programs.sort_by_cached_key(|p| p.name.to_lowercase());
    Ok(programs)
}

pub fn find_by_id(conn: &mut DbConnection, id: i32) -> QueryResult<Program> {
    programs::table.find(id).select(Program::as_select()).first(conn)
}

pub fn find_by_slug(conn: &mut DbConnection, slug: &str) -> QueryResult<Program> {
    programs::table.filter(programs::slug.eq(slug)).select(Program::as_select()).first(conn)
}

pub fn insert(conn: &mut DbConnection, new: &NewProgram) -> QueryResult<i32> {
    let id = diesel::insert_into(programs::table).values(new).returning(programs::id).get_result(conn)?;
    super::catalog_cache::notify_programs_changed(conn)?;
    Ok(id)
}

pub fn insert_intake(conn: &mut DbConnection, new: &NewIntake) -> QueryResult<i32> {
    diesel::insert_into(intakes::table).values(new).returning(intakes::id).get_result(conn)
}

pub fn count(conn: &mut DbConnection) -> QueryResult<i64> {
    programs::table.count().get_result(conn)
}

/// A program's intakes by start date, each with its seats taken.
pub fn intakes_with_seats(conn: &mut DbConnection, program_id: i32) -> QueryResult<Vec<IntakeWithSeats>> {
    let intakes: Vec<Intake> = intakes::table
        .filter(intakes::program_id.eq(program_id))
        .order((intakes::starts_on.asc(), intakes::id.asc()))
        .select(Intake::as_select())
        .load(conn)?;
    let ids: Vec<i32> = intakes.iter().map(|i| i.id).collect();
    let taken: Vec<(Option<i32>, i64)> = applications::table
        .filter(applications::intake_id.eq_any(&ids))
        .filter(applications::status.eq_any(SEAT_HOLDING_STATUSES))
        .group_by(applications::intake_id)
        .select((applications::intake_id, diesel::dsl::count_star()))
        .load(conn)?;
    Ok(intakes
        .into_iter()
        .map(|intake| {
            let seats_taken = taken.iter().find(|(id, _)| *id == Some(intake.id)).map_or(0, |(_, n)| *n);
            IntakeWithSeats { intake, seats_taken }
        })
        .collect())
}

/// Every program whatever its status, by name.
pub fn list_all(conn: &mut DbConnection) -> QueryResult<Vec<Program>> {
    let mut programs: Vec<Program> = programs::table.select(Program::as_select()).load(conn)?;
    programs.sort_by_cached_key(|p| p.name.to_lowercase());
    Ok(programs)
}

/// The fields the program form edits (not the slug, not the status).
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = programs, treat_none_as_null = true)]
pub struct ProgramChange {
    pub name: String,
    pub summary: String,
    pub description: String,
    pub kind: String,
    pub category: String,
    pub format: String,
    pub provider: String,
    pub duration_weeks: Option<i32>,
    pub min_tenure_days: i32,
    pub allowed_job_families: String,
    pub allowed_site_types: String,
    pub full_time_only: bool,
    pub tuition_percent: i32,
    pub annual_cap_full_time_cents: i64,
    pub annual_cap_part_time_cents: i64,
    pub needs_manager_approval: bool,
    pub needs_admin_approval: bool,
    pub opens_on: Option<NaiveDate>,
    pub closes_on: Option<NaiveDate>,
    pub updated_at: NaiveDateTime,
}

pub fn update(conn: &mut DbConnection, id: i32, change: &ProgramChange) -> QueryResult<()> {
    diesel::update(programs::table.find(id)).set(change).execute(conn)?;
    super::catalog_cache::notify_programs_changed(conn)
}

pub fn set_status(conn: &mut DbConnection, id: i32, status: ProgramStatus, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(programs::table.find(id))
        .set((programs::status.eq(status.as_str()), programs::updated_at.eq(now)))
        .execute(conn)?;
    super::catalog_cache::notify_programs_changed(conn)
}

pub fn slug_taken(conn: &mut DbConnection, slug: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(programs::table.filter(programs::slug.eq(slug)))).get_result(conn)
}

pub fn update_intake(conn: &mut DbConnection, id: i32, name: &str, starts_on: NaiveDate) -> QueryResult<()> {
    diesel::update(intakes::table.find(id))
        .set((intakes::name.eq(name), intakes::starts_on.eq(starts_on)))
        .execute(conn)
        .map(|_| ())
}
