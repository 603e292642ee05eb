//! The steps the transactions of the state machine share: taking the locks of one
//! application in the agreed order, the facts a transition needs (a lottery's draw
//! first, when it is due), and the yearly cap. `rows` has the rows a transition writes.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::WorkflowError;
use crate::db::applications::{self, Application};
use crate::db::employees::Employee;
use crate::db::programs::{self, Program};
use crate::db::schema::{applications as applications_table, intakes};
use crate::db::{budgets, lock_row, DbConnection, LockableTable};
use crate::domain::application::{check_tuition_cap, BudgetFit, Facts, Seats, Stages};
use crate::domain::budget::{check_place, BudgetStanding};
use crate::domain::Cents;

/// Locks what a change to one existing application touches, in the order every
/// transaction takes its locks (docs/ARCHITECTURE.md §7): the applicant, the intake, the
/// application. Returns the row as it is once locked.
///
/// The applicant's row comes first: it keeps out their own submissions and edits (the
/// only change that moves an application to another intake), so the intake read after
/// it is the one to lock, and two decisions on the same person's tuition requests see
/// each other's yearly totals.
pub(super) fn lock_application(conn: &mut DbConnection, application_id: i32) -> Result<Application, WorkflowError> {
    let owner: i32 =
        applications_table::table.find(application_id).select(applications_table::employee_id).first(conn)?;
    lock_row(conn, LockableTable::Employees, owner)?;
    let intake: Option<i32> =
        applications_table::table.find(application_id).select(applications_table::intake_id).first(conn)?;
    if let Some(intake_id) = intake {
        lock_row(conn, LockableTable::Intakes, intake_id)?;
    }
    lock_row(conn, LockableTable::Applications, application_id)?;
    Ok(applications::find(conn, application_id)?)
}

/// The approval stages of a program and the seat situation of an intake. On PostgreSQL
/// the intake row stays locked until the transaction ends, so two approvals cannot both
/// take its last seat.
pub(super) fn facts(
    conn: &mut DbConnection,
    program: &Program,
    intake_id: Option<i32>,
) -> Result<Facts, WorkflowError> {
    let seats = match intake_id {
        None => Seats::Unlimited,
        Some(intake_id) => {
            lock_row(conn, LockableTable::Intakes, intake_id)?;
            let today = crate::clock::today();
            let intake = programs::find_intake(conn, intake_id)?;
            // A lottery whose window closed is drawn before anything else happens to it
            // (then its approvals no longer wait for the draw).
            super::lottery::draw_locked(conn, &intake, today, crate::clock::now())?;
            if intake.approvals_wait_for_draw(today) {
                Seats::Draw
            } else if seats_left(conn, intake_id)? > 0 {
                Seats::Free
            } else {
                Seats::Full
            }
        }
    };
    Ok(Facts {
        stages: Stages { manager: program.needs_manager_approval, admin: program.needs_admin_approval },
        seats,
        completion: program.completion_rule(),
        budget: BudgetFit::Fits,
    })
}

/// The seats of an intake that nobody holds.
pub(super) fn seats_left(conn: &mut DbConnection, intake_id: i32) -> Result<i64, WorkflowError> {
    let seats: i32 = intakes::table.find(intake_id).select(intakes::seats).first(conn)?;
    Ok(i64::from(seats) - applications::seats_taken(conn, intake_id)?)
}

/// What giving one place of a program commits, and the program's budget standing in the
/// budget year of `day` (`None` without a budget).
#[derive(Debug, Clone, Copy)]
pub(super) struct PlaceBudget {
    pub standing: Option<BudgetStanding>,
    pub cost: Cents,
}

impl PlaceBudget {
    /// What a place of `program` would cost, its budget not read: for a decision that
    /// gives no place.
    pub fn unread(program: &Program, covered: Option<i64>) -> PlaceBudget {
        PlaceBudget { standing: None, cost: program.budget().place_cost(covered.map(Cents)) }
    }

    /// Whether the place fits what is left.
    pub fn fit(&self) -> BudgetFit {
        match check_place(self.standing, self.cost) {
            Ok(()) => BudgetFit::Fits,
            Err(_) => BudgetFit::Exceeds,
        }
    }
}

/// Locks the program's row (the last of the lock order; every counter of the program
/// moves under it) and reads the program, its budget and what it committed in the budget
/// year of `day`, for a place covering `covered` of tuition. Under that lock no other
/// approval of the program can commit between this read and the end of the transaction:
/// of two approvals that only one fits, the second sees the first.
pub(super) fn place_budget(
    conn: &mut DbConnection,
    program_id: i32,
    covered: Option<i64>,
    day: NaiveDate,
) -> Result<(Program, PlaceBudget), WorkflowError> {
    lock_row(conn, LockableTable::Programs, program_id)?;
    let program = programs::find_by_id(conn, program_id)?;
    let place = PlaceBudget {
        standing: budgets::standing(conn, &program, day)?,
        cost: program.budget().place_cost(covered.map(Cents)),
    };
    Ok((program, place))
}

/// Checks that `covered` for a term starting in `term_year` fits the employee's yearly cap
/// with their other applications of that year (`this_application` left out).
pub(super) fn check_cap(
    conn: &mut DbConnection,
    employee: &Employee,
    program: &Program,
    covered: Cents,
    term_year: i32,
    this_application: Option<i32>,
) -> Result<(), WorkflowError> {
    let committed: i64 =
        applications::committed_tuition_cents(conn, employee.id, program.id, term_year, this_application)?.iter().sum();
    let cap = program.funding().cap_for(employee.employment_type);
    check_tuition_cap(covered, Cents(committed), cap)
        .map_err(|exceeded| WorkflowError::OverCap { exceeded, year: term_year })
}
