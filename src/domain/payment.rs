//! Tuition payments: which applications take them, the payment form, and the rule that
//! what is paid never exceeds what the company covers.

use chrono::NaiveDate;
use serde::Deserialize;

use super::application::Authority;
use super::forms::FieldErrors;
use super::message::Message;
use super::money::Cents;
use super::ApplicationStatus;

/// The longest invoice number kept.
pub const MAX_INVOICE_CHARS: usize = 60;
/// The longest reference kept.
pub const MAX_REFERENCE_CHARS: usize = 200;

/// Whether an application in `status` takes tuition payments: it holds a place, from the
/// approval to the program team's last word (a place not completed was still prepaid). The
/// one place that decides it (the list of what is due and its index
/// `applications_payment_due` follow it: change both).
pub fn accepts_payment(status: ApplicationStatus) -> bool {
    ApplicationStatus::SEAT_HOLDING.contains(&status)
}

/// The statuses that take payments, for queries.
pub fn payment_statuses() -> Vec<ApplicationStatus> {
    ApplicationStatus::ALL.iter().copied().filter(|s| accepts_payment(*s)).collect()
}

/// The part someone plays in an application's payments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentRole {
    /// The program team: records payments.
    Record,
    /// Their own application: they read its payments, and nobody records payments on
    /// their own application, whatever their role.
    OwnApplication,
    /// Someone who sees the application (its approver, a delegate) but is not on the
    /// program team.
    NotTeam,
    /// Not theirs to see.
    NotVisible,
}

/// Who records tuition payments: the program team, administrators and the members of the
/// program's team (`Actor::Admin` of `domain::application`). The one place that decides it.
pub fn payment_role(authority: &Authority) -> PaymentRole {
    if authority.is_owner {
        PaymentRole::OwnApplication
    } else if authority.is_program_team {
        PaymentRole::Record
    } else if authority.is_approver || authority.delegate_for.is_some() {
        PaymentRole::NotTeam
    } else {
        PaymentRole::NotVisible
    }
}

/// The payment form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct PaymentInput {
    pub invoice_number: String,
    pub amount: String,
    pub paid_on: String,
    pub reference: String,
}

/// A payment, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentDraft {
    pub invoice_number: String,
    pub amount: Cents,
    pub paid_on: NaiveDate,
    pub reference: String,
}

/// A one-line text of at most `max` characters, or the field's message; `what` names
/// the field, a catalog word ("term-invoice-number").
fn line(value: &str, what: &'static str, max: usize) -> Result<String, Message> {
    let value = super::text::form_line(value, what)?;
    if value.chars().count() > max {
        return Err(Message::new("payment-error-too-long").term("what", what).number("max", max));
    }
    Ok(value)
}

/// Checks the payment form: `today` bounds the date from above, `approved_on` (the day
/// the place was given) from below.
pub fn parse_payment(
    input: &PaymentInput,
    today: NaiveDate,
    approved_on: Option<NaiveDate>,
) -> Result<PaymentDraft, FieldErrors> {
    let mut errors = FieldErrors::default();
    let invoice_number = match line(&input.invoice_number, "term-invoice-number", MAX_INVOICE_CHARS) {
        Ok(number) if number.is_empty() => {
            errors.add("invoice_number", Message::new("payment-error-invoice-number-empty"));
            None
        }
        Ok(number) => Some(number),
        Err(message) => {
            errors.add("invoice_number", message);
            None
        }
    };
    let amount = Cents::parse_dollars(&input.amount).map_err(|err| errors.add("amount", err.said())).ok();
    let paid_on = match NaiveDate::parse_from_str(input.paid_on.trim(), "%Y-%m-%d") {
        Ok(date) if date > today => {
            errors.add("paid_on", Message::new("payment-error-date-future"));
            None
        }
        Ok(date) => match approved_on.filter(|approved| date < *approved) {
            Some(approved) => {
                errors.add("paid_on", Message::new("payment-error-date-before-approval").date("date", approved));
                None
            }
            None => Some(date),
        },
        Err(_) => {
            errors.add("paid_on", Message::new("payment-error-date-invalid"));
            None
        }
    };
    let reference = line(&input.reference, "term-reference", MAX_REFERENCE_CHARS)
        .map_err(|message| errors.add("reference", message))
        .ok();
    match (invoice_number, amount, paid_on, reference, errors.is_empty()) {
        (Some(invoice_number), Some(amount), Some(paid_on), Some(reference), true) => {
            Ok(PaymentDraft { invoice_number, amount, paid_on, reference })
        }
        _ => Err(errors),
    }
}

/// A payment that would take the total paid past the covered amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverCovered {
    pub covered: Cents,
    pub left: Cents,
}

impl OverCovered {
    /// The amount field's message.
    pub fn message(self) -> Message {
        if self.left.0 <= 0 {
            Message::new("payment-error-paid-in-full").money("covered", self.covered)
        } else {
            Message::new("payment-error-more-than-left").money("left", self.left).money("covered", self.covered)
        }
    }
}

/// Whether `amount` fits what is left of `covered` once `paid` is counted.
pub fn check_fits(amount: Cents, covered: Cents, paid: Cents) -> Result<(), OverCovered> {
    let left = covered.saturating_sub(paid);
    if amount > left {
        return Err(OverCovered { covered, left });
    }
    Ok(())
}

/// The timeline's sentence for a payment, after the name of who recorded it.
pub fn describe_payment(amount: Cents, invoice_number: &str) -> String {
    format!("recorded a tuition payment of {amount} (invoice {invoice_number})")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn input() -> PaymentInput {
        PaymentInput {
            invoice_number: " INV-1 ".into(),
            amount: "$1,200.50".into(),
            paid_on: "2027-03-10".into(),
            reference: "".into(),
        }
    }

    #[test]
    fn a_good_payment_parses() {
        let draft = parse_payment(&input(), day(2027, 3, 10), Some(day(2027, 3, 1))).unwrap();
        assert_eq!(
            draft,
            PaymentDraft {
                invoice_number: "INV-1".into(),
                amount: Cents(120_050),
                paid_on: day(2027, 3, 10),
                reference: String::new()
            }
        );
    }

    #[test]
    fn each_bad_field_is_named_in_form_order() {
        let bad = PaymentInput {
            invoice_number: "".into(),
            amount: "12.345".into(),
            paid_on: "soon".into(),
            reference: "a\u{0}b".into(),
        };
        let errors = parse_payment(&bad, day(2027, 3, 10), None).unwrap_err();
        let fields: Vec<&str> = errors.0.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["invoice_number", "amount", "paid_on", "reference"]);
        for invoice in ["INV\n1", "INV\u{7}", "INV\u{200b}1", &"9".repeat(61)] {
            let errors =
                parse_payment(&PaymentInput { invoice_number: invoice.into(), ..input() }, day(2027, 3, 10), None)
                    .unwrap_err();
            assert!(errors.get("invoice_number").is_some(), "{invoice:?}");
        }
    }

    #[test]
    fn the_date_is_neither_future_nor_before_the_approval() {
        let future = parse_payment(&input(), day(2027, 3, 9), None).unwrap_err();
        assert_eq!(future.get("paid_on").and_then(|m| m.id()), Some("payment-error-date-future"));
        let early = parse_payment(&input(), day(2027, 4, 1), Some(day(2027, 3, 11))).unwrap_err();
        assert_eq!(
            early.get("paid_on"),
            Some(&Message::new("payment-error-date-before-approval").date("date", day(2027, 3, 11)))
        );
        assert!(parse_payment(&input(), day(2027, 4, 1), Some(day(2027, 3, 10))).is_ok());
    }

    #[test]
    fn payments_never_exceed_the_covered_amount() {
        assert!(check_fits(Cents(500), Cents(1_000), Cents(500)).is_ok());
        let over = check_fits(Cents(501), Cents(1_000), Cents(500)).unwrap_err();
        assert_eq!(
            over.message(),
            Message::new("payment-error-more-than-left").money("left", Cents(500)).money("covered", Cents(1_000))
        );
        let full = check_fits(Cents(1), Cents(1_000), Cents(1_000)).unwrap_err();
        assert_eq!(full.message().id(), Some("payment-error-paid-in-full"));
    }

    #[test]
    fn only_places_take_payments() {
        for status in ApplicationStatus::ALL {
            assert_eq!(accepts_payment(*status), ApplicationStatus::SEAT_HOLDING.contains(status), "{status:?}");
        }
        // In the order of the predicate of the index `applications_payment_due`: SQLite uses
        // a partial index only for a query that spells its condition the same way.
        use ApplicationStatus::*;
        assert_eq!(payment_statuses(), [Approved, Completed, CompletionSubmitted, CompletionReturned, NotCompleted]);
    }
}
