//! Changes to an intake that move applications: more seats go to the waitlist.

use super::{promote_from_waitlist, WorkflowError};
use crate::clock::now;
use crate::db::employees::Employee;
use crate::db::programs::{self, NewIntake, Program};
use crate::db::{applications, audit, lock_row, write_transaction, DbConnection, LockableTable};
use crate::domain::forms::describe_changes;
use crate::domain::intake_form::IntakeDraft;
use crate::domain::words::count;
use crate::domain::{Allocation, AuditAction};

/// Changes an intake's name, start date and seats (never below those taken); new seats
/// go to the waitlist, oldest first. Audited with before → after. Returns how many
/// applications were promoted.
pub fn update_intake(
    conn: &mut DbConnection,
    admin: &Employee,
    intake_id: i32,
    draft: &IntakeDraft,
) -> Result<usize, WorkflowError> {
    write_transaction(conn, |conn| {
        lock_row(conn, LockableTable::Intakes, intake_id)?;
        let intake = programs::find_intake(conn, intake_id)?;
        let taken = applications::seats_taken(conn, intake_id)?;
        if i64::from(draft.seats) < taken {
            return Err(WorkflowError::SeatsBelowTaken { taken });
        }
        let rules_change = (draft.allocation, draft.opens_on, draft.closes_on, draft.priority)
            != (intake.allocation, intake.opens_on, intake.closes_on, intake.priority);
        if rules_change && intake.drawn_at.is_some() {
            return Err(WorkflowError::DrawRulesFixed { drawn: true, waiting: 0 });
        }
        let waiting = applications::in_draw_count(conn, intake_id)?;
        if draft.allocation != intake.allocation && waiting > 0 {
            return Err(WorkflowError::DrawRulesFixed { drawn: false, waiting });
        }
        let at = now();
        programs::update_intake(conn, intake_id, draft)?;
        let program = programs::find_by_id(conn, intake.program_id)?;
        // Before a lottery's draw, nobody holds a place to be promoted to.
        let drawn_or_first_come = intake.allocation == Allocation::FirstCome || intake.drawn_at.is_some();
        let promoted = if drawn_or_first_come { promote_from_waitlist(conn, &program, intake_id, at)? } else { 0 };
        let before = intake.draft();
        let details = format!("{}; {promoted} promoted from the waitlist", describe_changes(&before, draft));
        let subject = format!("{} / {}", program.slug, intake.name);
        audit::record(conn, Some(admin.id), AuditAction::IntakeUpdated, &subject, &details, at)?;
        Ok(promoted)
    })
}

/// Adds an intake to a program, audited.
pub fn add_intake(
    conn: &mut DbConnection,
    admin: &Employee,
    program: &Program,
    draft: &IntakeDraft,
) -> Result<i32, WorkflowError> {
    write_transaction(conn, |conn| {
        let at = now();
        let id = programs::insert_intake(conn, &NewIntake::of(program.id, draft))?;
        let details = format!("starts {} with {}", draft.starts_on, count(draft.seats.into(), "seat", "seats"));
        let subject = format!("{} / {}", program.slug, draft.name);
        audit::record(conn, Some(admin.id), AuditAction::IntakeCreated, &subject, &details, at)?;
        Ok(id)
    })
}
