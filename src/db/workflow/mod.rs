//! The transactions of the application state machine and of the changes that move
//! applications (a person's manager, an intake's seats). Each one loads what the domain
//! decision needs, asks `domain`, and writes the rows, their timeline events, the
//! notifications and the audit lines together, or nothing at all.
//!
//! A refusal is a [`WorkflowError`] variant: the transaction rolls back and the web layer
//! turns the variant into the page that explains it (`web::error`).

mod applications;
mod bulk;
mod completion;
mod decisions;
mod evidence;
mod intakes;
mod lottery;
mod payments;
mod people;
mod rows;
mod steps;
mod waitlist;

pub use applications::{changes_between, resubmit, submit, withdraw, FieldChange};
pub use bulk::{preview_approvals, ApprovalPreview, Consequence};
pub use completion::{completion_window, decide_completion, submit_completion, CompletionDecision, CompletionRequest};
pub use decisions::{authority, decide, queue_scope, Decided, DecisionRequest};
pub use evidence::{attach_file, record_infected_file, Attachment, RefusedFile};
pub use intakes::{add_intake, update_intake};
pub use lottery::{draw_due, draw_order, draw_page, draw_placed, draw_size, place_in_draw, DrawLine, DrawMade};
pub use payments::{record_payment, PaymentRefusal, Recorded};
pub use people::{
    change_manager, change_manager_in_transaction, move_pending_applications, update_person,
    update_person_in_transaction, ManagerChangeError, ManagerMove, PersonChangeError, PersonUpdated,
};
pub use waitlist::{
    answer_offer, lapse_due_offers, move_to_intake, promote_from_waitlist, reorder_waitlist, OfferAnswer, Reordered,
};

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};

use super::notifications::notify;
use super::schema::employees;
use super::{delegations, DbConnection};
use crate::domain::application::{DomainError, Status, TuitionCapExceeded};
use crate::domain::budget::OverBudget;
use crate::domain::message::Message;

/// Why a transaction changed nothing.
#[derive(Debug, thiserror::Error)]
pub enum WorkflowError {
    #[error("{0}")]
    Refused(DomainError),
    /// The employee already has an active application to this program (its id when known).
    #[error("an active application exists")]
    AlreadyActive(Option<i32>),
    /// The application changed since the form was opened; it is now in `status`.
    #[error("the application changed meanwhile")]
    Stale { status: Status },
    #[error("over the tuition cap")]
    OverCap { exceeded: TuitionCapExceeded, year: i32 },
    /// The place would take its program past the year's budget, and the program team did
    /// not confirm that it should.
    #[error("over the program's budget")]
    OverBudget(OverBudget),
    #[error("not found")]
    NotFound,
    /// Nobody decides on their own application.
    #[error("own application")]
    OwnApplication,
    /// The decision belongs to the program team, and the viewer is not on it.
    #[error("not the program team")]
    NotProgramTeam,
    /// A form with wrong fields, each with its message (checked against the stored row).
    #[error("wrong fields: {0:?}")]
    Fields(crate::domain::forms::FieldErrors),
    /// A person's record could not be changed as asked.
    #[error("person change refused: {0:?}")]
    PersonRefused(PersonChangeError),
    /// An intake cannot have fewer seats than are taken.
    #[error("seats taken: {taken}")]
    SeatsBelowTaken { taken: i64 },
    /// A lottery's allocation, window or priority cannot change once its seats were
    /// drawn, nor its allocation while applications wait for the draw.
    #[error("the draw rules are fixed (drawn: {drawn}, waiting: {waiting})")]
    DrawRulesFixed { drawn: bool, waiting: i64 },
    /// A tuition payment that was not recorded.
    #[error("payment refused: {0:?}")]
    PaymentRefused(PaymentRefusal),
    #[error(transparent)]
    Database(DieselError),
}

impl From<DieselError> for WorkflowError {
    fn from(err: DieselError) -> Self {
        match err {
            DieselError::NotFound => WorkflowError::NotFound,
            DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _) => WorkflowError::AlreadyActive(None),
            other => WorkflowError::Database(other),
        }
    }
}

/// A comment worth keeping: trimmed, and none when empty.
fn comment_text(comment: &str) -> Option<String> {
    Some(comment.trim()).filter(|c| !c.is_empty()).map(str::to_owned)
}

/// Who is told of what waits for the program team of `program_id` (never `except`, who
/// acts or applied): the program's own team when it has anyone still working here, else
/// every active administrator.
fn program_team(conn: &mut DbConnection, program_id: i32, except: i32) -> QueryResult<Vec<i32>> {
    let team = crate::db::program_teams::active_member_ids(conn, program_id, except)?;
    if team.is_empty() {
        admins(conn, except)
    } else {
        Ok(team)
    }
}

/// Active administrators other than `except`, who decide the admin stage (and review
/// program proposals).
pub(crate) fn admins(conn: &mut DbConnection, except: i32) -> QueryResult<Vec<i32>> {
    let mut admins = crate::db::employees::active_admin_ids(conn)?;
    admins.retain(|id| *id != except);
    Ok(admins)
}

/// Notifies each of `recipients` of `message` about `application`.
fn notify_all(
    conn: &mut DbConnection,
    recipients: &[i32],
    application: i32,
    message: &Message,
    at: NaiveDateTime,
) -> QueryResult<()> {
    for recipient in recipients {
        notify(conn, *recipient, Some(application), message, at)?;
    }
    Ok(())
}

/// Tells the approver an application now waits for their decision, and each person who
/// decides in their place today: `message` gets `None` for the approver and the
/// approver's name for a delegate ("…, acting for Maria Manager"). The applicant is never
/// told as a delegate of their own application.
fn notify_approver(
    conn: &mut DbConnection,
    approver_id: i32,
    application: (i32, i32),
    message: impl Fn(Option<&str>) -> Message,
    at: NaiveDateTime,
) -> QueryResult<()> {
    let (application_id, applicant_id) = application;
    notify(conn, approver_id, Some(application_id), &message(None), at)?;
    let delegates = delegations::active_delegates(conn, approver_id, at.date())?;
    let delegates: Vec<i32> =
        delegates.into_iter().map(|(id, _)| id).filter(|id| *id != applicant_id && *id != approver_id).collect();
    if delegates.is_empty() {
        return Ok(());
    }
    let approver_name: String = employees::table.find(approver_id).select(employees::display_name).first(conn)?;
    let text = message(Some(&approver_name));
    for delegate in delegates {
        notify(conn, delegate, Some(application_id), &text, at)?;
    }
    Ok(())
}

/// "Maria Manager", or "Tom Techlead, acting for Maria Manager," as the subject of a
/// sentence about a decision (the closing comma before the verb).
fn decider_phrase(name: &str, acting_for: Option<&str>) -> Message {
    match acting_for {
        Some(manager) => Message::new("notice-decider-acting-for").text("name", name).text("manager", manager),
        None => Message::new("notice-decider").text("name", name),
    }
}

/// " Comment: “…”" after a sentence, or nothing.
fn comment_phrase(comment: &str) -> Message {
    match comment_text(comment) {
        Some(comment) => Message::new("notice-comment").text("comment", comment),
        None => Message::new("notice-no-comment"),
    }
}
