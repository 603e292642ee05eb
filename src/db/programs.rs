//! Queries on `programs` and `intakes`.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::schema::{applications, intakes, programs};
use super::DbConnection;
use crate::domain::application::CompletionRule;
use crate::domain::budget::ProgramBudget;
use crate::domain::enums::ValueList;
use crate::domain::intake_form::IntakeDraft;
use crate::domain::outcomes::TargetRoles;
use crate::domain::program_form::{ProgramDraft, ProgramInput};
use crate::domain::{
    Allocation, ApplicationStatus, Category, Cents, CompletionEvidence, CompletionVerifier, DrawPriority, Format,
    JobFamily, ProgramKind, ProgramRules, ProgramStatus, SiteType, TuitionFunding,
};

/// One row of `programs`.
#[derive(Debug, Clone, Queryable, Selectable, Identifiable)]
#[diesel(table_name = programs)]
pub struct Program {
    pub id: i32,
    pub slug: String,
    pub name: String,
    pub summary: String,
    pub description: String,
    pub kind: ProgramKind,
    pub category: Category,
    pub format: Format,
    pub provider: String,
    pub duration_weeks: Option<i32>,
    pub min_tenure_days: i32,
    pub allowed_job_families: ValueList<JobFamily>,
    pub allowed_site_types: ValueList<SiteType>,
    pub full_time_only: bool,
    pub tuition_percent: i32,
    pub annual_cap_full_time_cents: i64,
    pub annual_cap_part_time_cents: i64,
    pub needs_manager_approval: bool,
    pub needs_admin_approval: bool,
    pub opens_on: Option<NaiveDate>,
    pub closes_on: Option<NaiveDate>,
    pub status: ProgramStatus,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
    /// Where someone with a place starts the course (an https address).
    pub start_url: Option<String>,
    /// What someone who finished sends.
    pub completion_evidence: CompletionEvidence,
    /// Who confirms a completion.
    pub verified_by: CompletionVerifier,
    /// What exactly to send, in words ("Your grade report or transcript for the term.").
    pub completion_note: String,
    /// The job families the program leads to (none: any).
    pub target_job_families: ValueList<JobFamily>,
    /// Job-title keywords of the roles it leads to, comma-separated (none: any title).
    pub target_title_keywords: String,
    /// What the program may commit in a calendar year (`domain::budget`); `None`: no budget.
    pub annual_budget_cents: Option<i64>,
    /// What one place in an intake costs (cohort programs).
    pub seat_cost_cents: Option<i64>,
}

impl Program {
    /// What the program asks for once someone finished it, and who confirms it.
    pub fn completion_rule(&self) -> CompletionRule {
        CompletionRule { evidence: self.completion_evidence, verified_by: self.verified_by }
    }

    /// The roles the program leads to.
    pub fn target_roles(&self) -> TargetRoles {
        TargetRoles {
            job_families: self.target_job_families.0.clone(),
            title_keywords: TargetRoles::parse_keywords(&self.target_title_keywords),
        }
    }

    /// The eligibility and funding rules.
    pub fn rules(&self) -> ProgramRules {
        ProgramRules {
            status: self.status,
            min_tenure_days: self.min_tenure_days,
            allowed_job_families: self.allowed_job_families.0.clone(),
            allowed_site_types: self.allowed_site_types.0.clone(),
            full_time_only: self.full_time_only,
            opens_on: self.opens_on,
            closes_on: self.closes_on,
            funding: self.funding(),
        }
    }

    /// Its yearly budget and seat cost.
    pub fn budget(&self) -> ProgramBudget {
        ProgramBudget { annual: self.annual_budget_cents.map(Cents), seat_cost: self.seat_cost_cents.map(Cents) }
    }

    /// What the program pays of tuition, and its yearly caps.
    pub fn funding(&self) -> TuitionFunding {
        TuitionFunding {
            percent: self.tuition_percent,
            cap_full_time: Cents(self.annual_cap_full_time_cents),
            cap_part_time: Cents(self.annual_cap_part_time_cents),
        }
    }
}

/// The columns of `programs` that the program form edits: written together when a
/// program is created and every time it is saved. A new column of the form goes here,
/// in the row above, in the two conversions below and in the seed programs
/// (`db::seed::program`); docs/ARCHITECTURE.md lists every step.
#[derive(Debug, Clone, Insertable, AsChangeset)]
#[diesel(table_name = programs, treat_none_as_null = true)]
pub struct ProgramRecord {
    pub name: String,
    pub summary: String,
    pub description: String,
    pub kind: ProgramKind,
    pub category: Category,
    pub format: Format,
    pub provider: String,
    pub duration_weeks: Option<i32>,
    pub min_tenure_days: i32,
    pub allowed_job_families: ValueList<JobFamily>,
    pub allowed_site_types: ValueList<SiteType>,
    pub full_time_only: bool,
    pub tuition_percent: i32,
    pub annual_cap_full_time_cents: i64,
    pub annual_cap_part_time_cents: i64,
    pub needs_manager_approval: bool,
    pub needs_admin_approval: bool,
    pub opens_on: Option<NaiveDate>,
    pub closes_on: Option<NaiveDate>,
    pub start_url: Option<String>,
    pub completion_evidence: CompletionEvidence,
    pub verified_by: CompletionVerifier,
    pub completion_note: String,
    pub target_job_families: ValueList<JobFamily>,
    pub target_title_keywords: String,
    pub annual_budget_cents: Option<i64>,
    pub seat_cost_cents: Option<i64>,
}

impl From<&ProgramDraft> for ProgramRecord {
    fn from(draft: &ProgramDraft) -> Self {
        ProgramRecord {
            name: draft.name.clone(),
            summary: draft.summary.clone(),
            description: draft.description.clone(),
            kind: draft.kind,
            category: draft.category,
            format: draft.format,
            provider: draft.provider.clone(),
            duration_weeks: draft.duration_weeks,
            min_tenure_days: draft.min_tenure_days,
            allowed_job_families: ValueList(draft.job_families.clone()),
            allowed_site_types: ValueList(draft.site_types.clone()),
            full_time_only: draft.full_time_only,
            tuition_percent: draft.tuition_percent,
            annual_cap_full_time_cents: draft.cap_full_time.0,
            annual_cap_part_time_cents: draft.cap_part_time.0,
            needs_manager_approval: draft.needs_manager_approval,
            needs_admin_approval: draft.needs_admin_approval,
            opens_on: draft.opens_on,
            closes_on: draft.closes_on,
            start_url: draft.start_url.clone(),
            completion_evidence: draft.completion_evidence,
            verified_by: draft.verified_by,
            completion_note: draft.completion_note.clone(),
            target_job_families: ValueList(draft.targets.job_families.clone()),
            target_title_keywords: draft.targets.keywords_text(),
            annual_budget_cents: draft.budget.annual.map(|c| c.0),
            seat_cost_cents: draft.budget.seat_cost.map(|c| c.0),
        }
    }
}

/// A stored program as the checked form would give it.
impl From<&Program> for ProgramDraft {
    fn from(program: &Program) -> Self {
        ProgramDraft {
            slug: program.slug.clone(),
            name: program.name.clone(),
            summary: program.summary.clone(),
            description: program.description.clone(),
            kind: program.kind,
            category: program.category,
            format: program.format,
            provider: program.provider.clone(),
            duration_weeks: program.duration_weeks,
            min_tenure_days: program.min_tenure_days,
            job_families: program.allowed_job_families.0.clone(),
            site_types: program.allowed_site_types.0.clone(),
            full_time_only: program.full_time_only,
            tuition_percent: program.tuition_percent,
            cap_full_time: Cents(program.annual_cap_full_time_cents),
            cap_part_time: Cents(program.annual_cap_part_time_cents),
            needs_manager_approval: program.needs_manager_approval,
            needs_admin_approval: program.needs_admin_approval,
            opens_on: program.opens_on,
            closes_on: program.closes_on,
            start_url: program.start_url.clone(),
            completion_evidence: program.completion_evidence,
            verified_by: program.verified_by,
            completion_note: program.completion_note.clone(),
            targets: program.target_roles(),
            budget: program.budget(),
        }
    }
}

/// The program form filled in with a stored program.
impl From<&Program> for ProgramInput {
    fn from(program: &Program) -> Self {
        ProgramInput::from(&ProgramDraft::from(program))
    }
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
    pub allocation: Allocation,
    pub opens_on: Option<NaiveDate>,
    pub closes_on: Option<NaiveDate>,
    pub priority: DrawPriority,
    /// When the seats of a lottery were drawn (never before the day after the close).
    pub drawn_at: Option<NaiveDateTime>,
    /// The draw's seed, as published (64 hexadecimal characters).
    pub draw_seed: Option<String>,
    /// Working days to accept a seat offered from the waitlist; `None`: a freed seat goes
    /// to the next person at once.
    pub offer_days: Option<i32>,
}

impl Intake {
    /// Whether applications are refused on `today` because a lottery's window is not open:
    /// the day it opens, if it has not opened yet, or the day it closed.
    pub fn window_shut(&self, today: NaiveDate) -> Option<WindowShut> {
        if self.allocation != Allocation::Lottery {
            return None;
        }
        match (self.opens_on, self.closes_on) {
            (Some(opens_on), _) if today < opens_on => Some(WindowShut::NotYetOpen(opens_on)),
            (_, Some(closes_on)) if today > closes_on => Some(WindowShut::Closed(closes_on)),
            _ => None,
        }
    }

    /// Whether its seats are to be drawn now: a lottery not drawn yet whose window closed
    /// before `today`.
    pub fn draw_due(&self, today: NaiveDate) -> bool {
        self.allocation == Allocation::Lottery && self.drawn_at.is_none() && self.closes_on.is_some_and(|c| c < today)
    }

    /// Whether an approval today waits for the draw instead of taking a seat.
    pub fn approvals_wait_for_draw(&self, today: NaiveDate) -> bool {
        self.allocation == Allocation::Lottery && self.drawn_at.is_none() && !self.draw_due(today)
    }

    /// The intake's fields as its form edits them.
    pub fn draft(&self) -> IntakeDraft {
        IntakeDraft {
            name: self.name.clone(),
            starts_on: self.starts_on,
            seats: self.seats,
            allocation: self.allocation,
            opens_on: self.opens_on,
            closes_on: self.closes_on,
            priority: self.priority,
            offer_days: self.offer_days,
        }
    }
}

/// Why a lottery intake takes no application today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowShut {
    NotYetOpen(NaiveDate),
    Closed(NaiveDate),
}

/// A row to insert into `intakes`.
#[derive(Debug, Clone, Insertable)]
#[diesel(table_name = intakes)]
pub struct NewIntake {
    pub program_id: i32,
    pub name: String,
    pub starts_on: NaiveDate,
    pub seats: i32,
    pub allocation: Allocation,
    pub opens_on: Option<NaiveDate>,
    pub closes_on: Option<NaiveDate>,
    pub priority: DrawPriority,
    pub offer_days: Option<i32>,
}

impl NewIntake {
    /// An intake whose seats go first come, first served.
    pub fn first_come(program_id: i32, name: String, starts_on: NaiveDate, seats: i32) -> NewIntake {
        NewIntake {
            program_id,
            name,
            starts_on,
            seats,
            allocation: Allocation::FirstCome,
            opens_on: None,
            closes_on: None,
            priority: DrawPriority::None,
            offer_days: None,
        }
    }

    /// The intake of `draft` for `program_id`.
    pub fn of(program_id: i32, draft: &IntakeDraft) -> NewIntake {
        NewIntake {
            program_id,
            name: draft.name.clone(),
            starts_on: draft.starts_on,
            seats: draft.seats,
            allocation: draft.allocation,
            opens_on: draft.opens_on,
            closes_on: draft.closes_on,
            priority: draft.priority,
            offer_days: draft.offer_days,
        }
    }
}

/// An intake with the number of seats held by approved or completed applications, or offered.
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

/// The notification channel of program changes (see `db::catalog_cache`): the trigger
/// on `programs` sends it in every transaction that changes a program, whoever changes it.
pub const PROGRAMS_CHANGED_CHANNEL: &str = "upskill_programs";

/// Every published program, by name (case-insensitive, the same on both backends,
/// whose collations differ).
pub fn list_published(conn: &mut DbConnection) -> QueryResult<Vec<Program>> {
    let mut programs: Vec<Program> = programs::table
        .filter(programs::status.eq(ProgramStatus::Published))
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

/// Creates a program with the record's columns; returns its id.
pub fn insert(
    conn: &mut DbConnection,
    slug: &str,
    record: &ProgramRecord,
    status: ProgramStatus,
    now: NaiveDateTime,
) -> QueryResult<i32> {
    diesel::insert_into(programs::table)
        .values((
            record,
            programs::slug.eq(slug),
            programs::status.eq(status),
            programs::created_at.eq(now),
            programs::updated_at.eq(now),
        ))
        .returning(programs::id)
        .get_result(conn)
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
        .filter(applications::status.eq_any(ApplicationStatus::SEAT_RESERVING))
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

/// Saves the record's columns of a program.
pub fn update(conn: &mut DbConnection, id: i32, record: &ProgramRecord, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(programs::table.find(id)).set((record, programs::updated_at.eq(now))).execute(conn).map(|_| ())
}

pub fn set_status(conn: &mut DbConnection, id: i32, status: ProgramStatus, now: NaiveDateTime) -> QueryResult<()> {
    diesel::update(programs::table.find(id))
        .set((programs::status.eq(status), programs::updated_at.eq(now)))
        .execute(conn)
        .map(|_| ())
}

pub fn slug_taken(conn: &mut DbConnection, slug: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(programs::table.filter(programs::slug.eq(slug)))).get_result(conn)
}

pub fn find_intake(conn: &mut DbConnection, id: i32) -> QueryResult<Intake> {
    intakes::table.find(id).select(Intake::as_select()).first(conn)
}

/// Saves an intake's name, start date, seats, allocation, window, priority and offers.
pub fn update_intake(conn: &mut DbConnection, id: i32, draft: &IntakeDraft) -> QueryResult<()> {
    diesel::update(intakes::table.find(id))
        .set((
            intakes::name.eq(&draft.name),
            intakes::starts_on.eq(draft.starts_on),
            intakes::seats.eq(draft.seats),
            intakes::allocation.eq(draft.allocation),
            intakes::opens_on.eq(draft.opens_on),
            intakes::closes_on.eq(draft.closes_on),
            intakes::priority.eq(draft.priority),
            intakes::offer_days.eq(draft.offer_days),
        ))
        .execute(conn)
        .map(|_| ())
}
