//! The seat draw of a lottery intake (`domain::lottery` has its rules): once, the day
//! after its window closes, whichever comes first of a request that touches the intake
//! and the scheduler. The intake's row lock and its `drawn_at` make it once, even with
//! several servers: the second to get the lock finds the draw made.

use std::collections::{HashMap, HashSet};

use chrono::{Months, NaiveDate, NaiveDateTime, TimeDelta};
use diesel::prelude::*;

use super::rows::{event, evidence_request, status_change};
use super::WorkflowError;
use crate::db::notifications::{notify_many, Notice};
use crate::db::programs::{self, Intake, Program};
use crate::db::schema::{applications as applications_table, intake_draw_order, intakes};
use crate::db::stats::{self, Bucket};
use crate::db::{applications, audit, events, lock_row, write_transaction, DbConnection, LockableTable};
use crate::domain::application::{transition, Action, Actor, BudgetFit, Facts, Seats, Stages, Status};
use crate::domain::lottery::{self, Draw};
use crate::domain::message::Message;
use crate::domain::{Allocation, AuditAction, SiteType};

/// What a draw did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DrawMade {
    pub intake_id: i32,
    pub placed: usize,
    pub waitlisted: usize,
}

/// One line of a published draw.
#[derive(Debug, Clone, Queryable, Insertable)]
#[diesel(table_name = intake_draw_order)]
pub struct DrawLine {
    pub intake_id: i32,
    /// From 1.
    pub position: i32,
    pub application_id: i32,
    /// Its applicant had completed a program in the 12 months before the close.
    pub recent_completer: bool,
    pub placed: bool,
}

/// Draws the seats of `intake_id` if the draw is due on `today`, inside the caller's
/// transaction, which holds the intake's lock or takes it here (the lock order: the
/// intake, then its applications). Nothing happens when the intake is not a lottery, its
/// window has not closed, or its seats were drawn already.
pub(crate) fn draw_if_due(
    conn: &mut DbConnection,
    intake_id: i32,
    today: NaiveDate,
    at: NaiveDateTime,
) -> Result<Option<DrawMade>, WorkflowError> {
    lock_row(conn, LockableTable::Intakes, intake_id)?;
    let intake = programs::find_intake(conn, intake_id)?;
    draw_locked(conn, &intake, today, at)
}

/// Draws the seats of `intake`, read under its row lock, which the caller's transaction
/// holds, if the draw is due on `today`.
pub(super) fn draw_locked(
    conn: &mut DbConnection,
    intake: &Intake,
    today: NaiveDate,
    at: NaiveDateTime,
) -> Result<Option<DrawMade>, WorkflowError> {
    let intake_id = intake.id;
    let Some(closes_on) = intake.closes_on.filter(|_| intake.draw_due(today)) else {
        return Ok(None);
    };
    let entries = applications::in_draw(conn, intake_id)?;
    let employee_ids: Vec<i32> = entries.iter().map(|entry| entry.employee_id).collect();
    let since = closes_on.checked_sub_months(Months::new(12)).unwrap_or(closes_on);
    let completers = applications::completed_between(conn, &employee_ids, since, closes_on)?;
    let recent: Vec<i32> =
        entries.iter().filter(|entry| completers.contains(&entry.employee_id)).map(|entry| entry.id).collect();
    let ids: Vec<i32> = entries.iter().map(|entry| entry.id).collect();
    let free = (i64::from(intake.seats) - applications::seats_taken(conn, intake_id)?).max(0);
    let draw = lottery::draw(&ids, closes_on, usize::try_from(free).unwrap_or(0), &recent, intake.priority.into());
    let program = programs::find_by_id(conn, intake.program_id)?;
    let facts = |seats| Facts {
        stages: Stages { manager: program.needs_manager_approval, admin: program.needs_admin_approval },
        seats,
        completion: program.completion_rule(),
        budget: BudgetFit::Fits,
    };
    let placed = transition(Some(Status::InDraw), Action::Draw, Actor::System, &facts(Seats::Free), "")
        .map_err(WorkflowError::Refused)?;
    let waiting = transition(Some(Status::InDraw), Action::Draw, Actor::System, &facts(Seats::Full), "")
        .map_err(WorkflowError::Refused)?;
    let by_id: HashMap<i32, &applications::InDraw> = entries.iter().map(|entry| (entry.id, entry)).collect();
    let recent: HashSet<i32> = recent.into_iter().collect();

    // The few places one by one, with everything a place moves (budget, payments due).
    for &id in draw.places() {
        let Some(entry) = by_id.get(&id) else { continue };
        if !applications::update_status(conn, id, entry.version, status_change(&placed, at, false))? {
            return Err(WorkflowError::Stale { status: Status::InDraw });
        }
    }
    // The waitlist all at once: a place in line moves no budget and no payment, only the
    // status counters, summed by bucket.
    if applications::draw_waitlist(conn, intake_id, at)? != draw.waitlist().len() {
        return Err(WorkflowError::Stale { status: Status::InDraw });
    }
    let mut buckets: HashMap<(SiteType, String), (i64, i64)> = HashMap::new();
    for entry in draw.waitlist().iter().filter_map(|id| by_id.get(id)) {
        let bucket = Bucket::new(program.id, entry.site_type, entry.created_at);
        let sums = buckets.entry((bucket.site_type, bucket.month)).or_insert((0, 0));
        *sums = (sums.0 + 1, sums.1 + entry.covered_cents.unwrap_or(0));
    }
    for ((site_type, month), (count, covered)) in buckets {
        let bucket = Bucket { program_id: program.id, site_type, month };
        stats::count_many(conn, &bucket, (Status::InDraw, Status::Waitlisted), count, covered)?;
    }

    let mut lines = Vec::with_capacity(draw.order.len());
    let mut timeline = Vec::with_capacity(draw.order.len());
    let mut notices = Vec::with_capacity(draw.order.len());
    for (index, &application_id) in draw.order.iter().enumerate() {
        let Some(entry) = by_id.get(&application_id) else { continue };
        let got_a_place = index < draw.places().len();
        let outcome = if got_a_place { &placed } else { &waiting };
        timeline.push(event(application_id, None, Some(Status::InDraw), outcome, at));
        notices.push(Notice {
            employee_id: entry.employee_id,
            application_id: Some(application_id),
            message: notice(&program, intake, (index + 1).saturating_sub(draw.places().len())),
        });
        lines.push(DrawLine {
            intake_id,
            position: i32::try_from(index + 1).unwrap_or(i32::MAX),
            application_id,
            recent_completer: recent.contains(&application_id),
            placed: got_a_place,
        });
    }
    events::insert_many(conn, &timeline)?;
    notify_many(conn, &notices, at)?;
    // In slices, to stay within SQLite's limit on bound parameters; multi-row inserts
    // are written per backend, as the other bulk writers do.
    for slice in lines.chunks(1_000) {
        let insert = diesel::insert_into(intake_draw_order::table).values(slice);
        match conn {
            DbConnection::Sqlite(sqlite) => insert.execute(sqlite)?,
            DbConnection::Postgresql(pg) => insert.execute(pg)?,
        };
    }
    spread_waitlist(conn, intake_id, at, &lines)?;
    diesel::update(intakes::table.find(intake_id))
        .set((intakes::drawn_at.eq(Some(at)), intakes::draw_seed.eq(Some(draw.seed.to_hex()))))
        .execute(conn)?;
    let made = DrawMade { intake_id, placed: draw.places().len(), waitlisted: draw.waitlist().len() };
    audit::record(
        conn,
        None,
        AuditAction::IntakeDrawn,
        &format!("{} / {}", program.slug, intake.name),
        &describe(&draw, made),
        at,
    )?;
    Ok(Some(made))
}

fn describe(draw: &Draw, made: DrawMade) -> String {
    format!(
        "seed {}; {} in the draw, {} placed, {} on the waitlist",
        draw.seed,
        draw.order.len(),
        made.placed,
        made.waitlisted
    )
}

/// The waitlist is served in `waitlisted_at` order: its places in line, all waiting since
/// `at`, are spread a microsecond apart in the order drawn (the last step of the draw,
/// once `intake_draw_order` holds it). PostgreSQL does it in one statement; SQLite, in
/// the process, row by row.
fn spread_waitlist(conn: &mut DbConnection, intake_id: i32, at: NaiveDateTime, lines: &[DrawLine]) -> QueryResult<()> {
    match conn {
        DbConnection::Postgresql(pg) => {
            diesel::sql_query(
                "UPDATE applications SET waitlisted_at = waitlisted_at + d.position * INTERVAL '1 microsecond' \
                 FROM intake_draw_order d \
                 WHERE d.application_id = applications.id AND d.intake_id = $1 AND NOT d.placed",
            )
            .bind::<diesel::sql_types::Integer, _>(intake_id)
            .execute(pg)?;
        }
        DbConnection::Sqlite(_) => {
            for line in lines.iter().filter(|line| !line.placed) {
                let when = at + TimeDelta::microseconds(i64::from(line.position));
                diesel::update(applications_table::table.find(line.application_id))
                    .set(applications_table::waitlisted_at.eq(Some(when)))
                    .execute(conn)?;
            }
        }
    }
    Ok(())
}

/// What an applicant reads after the draw: their place, or (`waiting` from 1) their place
/// in line.
fn notice(program: &Program, intake: &Intake, waiting: usize) -> Message {
    let drawn = |id| Message::new(id).text("intake", intake.name.as_str()).text("program", program.name.as_str());
    if waiting == 0 {
        let message = drawn("notice-drawn-placed");
        match evidence_request(program) {
            Some(request) => message.then(request),
            None => message,
        }
    } else {
        drawn("notice-drawn-waitlisted").ordinal("position", waiting)
    }
}

/// Draws, each in a transaction of its own, the seats of every lottery intake of
/// `program_id` (every program: `None`) whose draw is due on `today`. Returns the draws
/// made here (another server may have made some of the others).
pub fn draw_due(
    conn: &mut DbConnection,
    program_id: Option<i32>,
    today: NaiveDate,
    at: NaiveDateTime,
) -> Result<Vec<DrawMade>, WorkflowError> {
    let mut query = intakes::table
        .filter(intakes::allocation.eq(Allocation::Lottery))
        .filter(intakes::drawn_at.is_null())
        .filter(intakes::closes_on.lt(today))
        .select(intakes::id)
        .into_boxed();
    if let Some(program_id) = program_id {
        query = query.filter(intakes::program_id.eq(program_id));
    }
    let due: Vec<i32> = query.order(intakes::id.asc()).load(conn)?;
    let mut made = Vec::new();
    for intake_id in due {
        if let Some(draw) = write_transaction(conn, |conn| draw_if_due(conn, intake_id, today, at))? {
            made.push(draw);
        }
    }
    Ok(made)
}

/// The published draw of an intake, in the order drawn (empty before the draw).
pub fn draw_order(conn: &mut DbConnection, intake_id: i32) -> QueryResult<Vec<DrawLine>> {
    intake_draw_order::table
        .filter(intake_draw_order::intake_id.eq(intake_id))
        .order(intake_draw_order::position.asc())
        .select(intake_draw_order::all_columns)
        .load(conn)
}

/// A page of the published draw of an intake, each line with its applicant's employee
/// number (Upskill's number for the person; never a name).
pub fn draw_page(
    conn: &mut DbConnection,
    intake_id: i32,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<(DrawLine, i32)>> {
    intake_draw_order::table
        .inner_join(applications_table::table)
        .filter(intake_draw_order::intake_id.eq(intake_id))
        .order(intake_draw_order::position.asc())
        .offset(offset)
        .limit(limit)
        .select((intake_draw_order::all_columns, applications_table::employee_id))
        .load(conn)
}

/// How many applications the draw of an intake ordered.
pub fn draw_size(conn: &mut DbConnection, intake_id: i32) -> QueryResult<i64> {
    intake_draw_order::table.filter(intake_draw_order::intake_id.eq(intake_id)).count().get_result(conn)
}

/// How many applications the draw of an intake gave a seat.
pub fn draw_placed(conn: &mut DbConnection, intake_id: i32) -> QueryResult<i64> {
    intake_draw_order::table
        .filter(intake_draw_order::intake_id.eq(intake_id))
        .filter(intake_draw_order::placed.eq(true))
        .count()
        .get_result(conn)
}

/// The position of `employee_id`'s application in the draw of an intake, or 0 when it
/// waits for the draw; none when they are not in it.
pub fn place_in_draw(conn: &mut DbConnection, intake_id: i32, employee_id: i32) -> QueryResult<Option<i32>> {
    let drawn: Option<i32> = intake_draw_order::table
        .inner_join(applications_table::table)
        .filter(intake_draw_order::intake_id.eq(intake_id))
        .filter(applications_table::employee_id.eq(employee_id))
        .select(intake_draw_order::position)
        .first(conn)
        .optional()?;
    if drawn.is_some() {
        return Ok(drawn);
    }
    let waiting: bool = diesel::select(diesel::dsl::exists(
        applications_table::table
            .filter(applications_table::intake_id.eq(intake_id))
            .filter(applications_table::employee_id.eq(employee_id))
            .filter(applications_table::status.eq(Status::InDraw)),
    ))
    .get_result(conn)?;
    Ok(waiting.then_some(0))
}
