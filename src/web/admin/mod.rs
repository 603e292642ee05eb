//! Program administration: `/admin/*`. Most pages are for admins only (others get 403);
//! the pages of one program (its form, intakes and team stage) and the lists of
//! applications, payments and evidence are also for the members of program teams, who
//! see only their programs (another program's page is a 404 to them). Every change is
//! written to the audit log in the same transaction.

pub mod applications;
pub mod audit;
pub mod budget_table;
pub mod conversion_view;
pub mod csv_export;
pub mod dashboard;
pub mod headcount;
pub mod import;
pub mod intakes;
pub mod invitations;
pub mod money_chart;
pub mod outcomes;
pub mod payments;
pub mod people;
pub mod places;
pub mod program_figures;
pub mod program_team;
pub mod programs;
pub mod provisioning;
pub mod settings;
pub mod verification;

use crate::db::program_teams::ProgramScope;
use crate::web::error::AppError;

/// The navigation section every admin page marks as current.
pub const NAV: &str = "admin"; // not a stored name
use crate::web::Viewer;

/// Admin pages are role pages: others get 403.
pub fn require_admin(viewer: &Viewer) -> Result<(), AppError> {
    if viewer.employee.is_admin {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Pages of the programs someone runs: admins (every program) and program team members
/// (their programs); others get 403.
pub fn require_program_scope(viewer: &Viewer) -> Result<ProgramScope, AppError> {
    viewer.program_scope().ok_or(AppError::Forbidden)
}

/// A page of one program: for admins and the program's team. A member of another
/// program's team is not told the program is there (404); anyone else gets 403.
pub fn require_runs_program(viewer: &Viewer, program_id: i32) -> Result<(), AppError> {
    if viewer.runs_program(program_id) {
        Ok(())
    } else if viewer.team_programs.is_empty() {
        Err(AppError::Forbidden)
    } else {
        Err(AppError::NotFound)
    }
}
