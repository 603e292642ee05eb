//! Recording a tuition payment: one transaction that locks the application, checks the
//! payment against what is left of the covered amount, and writes the payment, the
//! application's paid total, the program's payment totals, the timeline event, the
//! applicant's notification (and e-mail) and the audit line together.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::steps::lock_application;
use super::WorkflowError;
use crate::clock::now;
use crate::db::employees::{self, Employee};
use crate::db::events::{self, NewEvent};
use crate::db::notifications::notify;
use crate::db::payments::{self, DuePlace, NewPayment};
use crate::db::schema::applications as applications_table;
use crate::db::{audit, lock_row, programs, DbConnection, LockableTable};
use crate::domain::message::Message;
use crate::domain::payment::{accepts_payment, check_fits, describe_payment, payment_role, PaymentDraft, PaymentRole};
use crate::domain::{AuditAction, Cents, Event, ProgramKind};

/// Why a payment was not recorded, beyond who may record it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PaymentRefusal {
    /// The application is not a tuition request holding a place.
    NotPayable,
    /// The field and its message (the amount over what is left, an invoice recorded
    /// already, a date before the approval).
    Field(&'static str, Message),
}

/// What a recorded payment left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recorded {
    pub paid: Cents,
    pub left: Cents,
}

/// Records `draft` on application `application_id` for `viewer` (the program team). A
/// refusal is `WorkflowError::PaymentRefused` (or `OwnApplication`, `NotProgramTeam`,
/// `NotFound`), and nothing is written.
pub fn record_payment(
    conn: &mut DbConnection,
    viewer: &Employee,
    application_id: i32,
    draft: &PaymentDraft,
    today: NaiveDate,
) -> Result<Recorded, WorkflowError> {
    let refused = |refusal| Err(WorkflowError::PaymentRefused(refusal));
    crate::db::write_transaction(conn, |conn| {
        // Lock order (docs/ARCHITECTURE.md §7): the applicant, the application, then the
        // program for its payment totals.
        let application = lock_application(conn, application_id)?;
        match payment_role(&super::authority(conn, &application, viewer, today)?) {
            PaymentRole::Record => {}
            PaymentRole::OwnApplication => return Err(WorkflowError::OwnApplication),
            PaymentRole::NotTeam => return Err(WorkflowError::NotProgramTeam),
            PaymentRole::NotVisible => return Err(WorkflowError::NotFound),
        }
        let program = programs::find_by_id(conn, application.program_id)?;
        let covered = match application.covered_cents {
            Some(covered) if program.kind == ProgramKind::Tuition && accepts_payment(application.status) => {
                Cents(covered)
            }
            _ => return refused(PaymentRefusal::NotPayable),
        };
        if let Some(approved) = application.approved_at {
            if draft.paid_on < approved.date() {
                let message = Message::new("payment-error-date-before-approval").date("date", approved.date());
                return refused(PaymentRefusal::Field("paid_on", message));
            }
        }
        let paid = Cents(application.paid_cents);
        if let Err(over) = check_fits(draft.amount, covered, paid) {
            return refused(PaymentRefusal::Field("amount", over.message()));
        }
        if payments::invoice_taken(conn, application.id, &draft.invoice_number)? {
            let message = Message::new("payment-error-invoice-taken").text("invoice", draft.invoice_number.clone());
            return refused(PaymentRefusal::Field("invoice_number", message));
        }
        lock_row(conn, LockableTable::Programs, program.id)?;
        let at = now();
        diesel::insert_into(crate::db::schema::tuition_payments::table)
            .values(&NewPayment {
                application_id: application.id,
                invoice_number: draft.invoice_number.clone(),
                amount_cents: draft.amount.0,
                paid_on: draft.paid_on,
                reference: draft.reference.clone(),
                recorded_by: viewer.id,
                recorded_at: at,
            })
            .execute(conn)?;
        let paid = Cents(paid.0 + draft.amount.0);
        diesel::update(applications_table::table.find(application.id))
            .set((applications_table::paid_cents.eq(paid.0), applications_table::updated_at.eq(at)))
            .execute(conn)?;
        payments::count_payment(conn, program.id, draft.paid_on, application.created_at.date(), draft.amount.0)?;
        payments::count_due(
            conn,
            program.id,
            DuePlace::of(
                application.status,
                application.approved_at,
                application.covered_cents,
                application.paid_cents,
            ),
            DuePlace::of(application.status, application.approved_at, application.covered_cents, paid.0),
        )?;
        let details = serde_json::json!({ "amount_cents": draft.amount.0, "invoice_number": draft.invoice_number });
        events::insert(
            conn,
            &NewEvent {
                application_id: application.id,
                actor_id: Some(viewer.id),
                acting_for_id: None,
                action: Event::PaymentRecorded,
                from_status: Some(application.status),
                to_status: application.status,
                comment: None,
                details: Some(details.to_string()),
                created_at: at,
            },
        )?;
        let left = covered.saturating_sub(paid);
        let notice = if left.0 == 0 {
            Message::new("notice-paid-in-full")
        } else {
            Message::new("notice-paid-part").money("left", left)
        }
        .money("amount", draft.amount)
        .money("covered", covered)
        .text("course", application.course_title.as_deref().unwrap_or(&program.name))
        .text("invoice", draft.invoice_number.as_str())
        .text("program", program.name.as_str());
        let notice = match application.institution.as_deref() {
            Some(school) => notice.text("school", school),
            None => notice.term("school", "notice-your-school"),
        };
        notify(conn, application.employee_id, Some(application.id), &notice, at)?;
        let applicant = employees::find_by_id(conn, application.employee_id)?;
        let what = describe_payment(draft.amount, &draft.invoice_number);
        let mut details = format!("application {}: {what}, paid on {}", application.id, draft.paid_on);
        if !draft.reference.is_empty() {
            details.push_str(&format!("; reference “{}”", draft.reference));
        }
        let subject = format!("{} / {}", applicant.email, program.slug);
        audit::record(conn, Some(viewer.id), AuditAction::ApplicationPaymentRecorded, &subject, &details, at)?;
        Ok(Recorded { paid, left })
    })
}
