//! The tuition payments section of an application's page: the table of what was paid,
//! and for the program team the form that records a payment (`payments` handles it).

use crate::clock::today;
use crate::db::payments::PaymentLine;
use crate::domain::application::{Authority, Status};
use crate::domain::forms::FieldErrors;
use crate::domain::message::Arg;
use crate::domain::payment::{accepts_payment, payment_role, PaymentInput, PaymentRole};
use crate::domain::Cents;
use crate::web::format::{long_date, money};

/// One payment as the table shows it.
pub struct PaymentLineView {
    pub paid_on: String,
    pub paid_on_iso: String,
    pub invoice_number: String,
    pub amount: String,
    pub reference: String,
    pub recorded_by: String,
}

/// The payment form: what was typed, and why it was refused.
#[derive(Debug, Clone, Default)]
pub struct PaymentForm {
    pub input: PaymentInput,
    pub errors: FieldErrors,
    /// A refusal that is not about a field (the application takes no payments now).
    pub problem: Option<String>,
}

/// The payments section of an application's page.
pub struct PaymentsView {
    pub lines: Vec<PaymentLineView>,
    pub covered: String,
    pub paid: String,
    pub left: String,
    pub paid_in_full: bool,
    /// The form, for the program team while the application takes payments.
    pub form: Option<PaymentForm>,
    /// A refused payment that is not about a field.
    pub problem: Option<String>,
    /// Today, the latest date the form accepts (`max` of the date field).
    pub today: String,
}

/// The payments section, for the owner (read only) and the program team, of a tuition
/// application that holds (or held) a place.
pub fn payments_view(
    authority: &Authority,
    status: Status,
    covered: Option<i64>,
    paid: i64,
    lines: &[PaymentLine],
    form: Option<PaymentForm>,
) -> Option<PaymentsView> {
    let covered = covered?;
    let role = payment_role(authority);
    let problem = form.as_ref().and_then(|f| f.problem.clone());
    if !matches!(role, PaymentRole::Record | PaymentRole::OwnApplication)
        || (!accepts_payment(status) && lines.is_empty() && problem.is_none())
    {
        return None;
    }
    let left = Cents(covered).saturating_sub(Cents(paid));
    let takes_payment = role == PaymentRole::Record && accepts_payment(status) && left.0 > 0;
    Some(PaymentsView {
        lines: lines
            .iter()
            .map(|line| PaymentLineView {
                paid_on: long_date(line.paid_on),
                paid_on_iso: line.paid_on.to_string(),
                invoice_number: line.invoice_number.clone(),
                amount: money(Cents(line.amount_cents)),
                reference: line.reference.clone(),
                recorded_by: line.recorded_by.clone(),
            })
            .collect(),
        covered: money(Cents(covered)),
        paid: money(Cents(paid)),
        left: money(left),
        paid_in_full: left.0 == 0,
        form: takes_payment.then(|| form.unwrap_or_default()),
        problem,
        today: today().to_string(),
    })
}

/// The timeline's sentence for a payment event, from the details it stored.
pub fn timeline_sentence(details: Option<&str>) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(details?).ok()?;
    let amount = value.get("amount_cents")?.as_i64()?;
    let invoice = value.get("invoice_number")?.as_str()?;
    let t = crate::web::language::words();
    Some(t.args(
        "timeline-payment-recorded-of",
        &[("amount", Arg::Money(Cents(amount))), ("invoice", Arg::Text(invoice.to_owned()))],
    ))
}
