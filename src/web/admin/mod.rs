//! Program administration: `/admin/*`. Every page here is for admins only (others get
//! 403), and every change is written to the audit log in the same transaction.

pub mod applications;
pub mod audit;
pub mod budget_table;
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
pub mod programs;
pub mod provisioning;
pub mod settings;
pub mod verification;

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
