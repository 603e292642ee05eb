//! A manager's delegation form: who decides for them, and from when to when.

use chrono::{Days, NaiveDate};

use super::forms::FieldErrors;
use super::message::Message;
use super::person_form::form_email;
use super::Email;

/// The longest a delegation may run.
pub const MAX_DELEGATION_DAYS: u64 = 366;

/// The form as typed.
#[derive(Debug, Default, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct DelegationInput {
    pub delegate_email: String,
    pub starts_on: String,
    pub ends_on: String,
}

/// The form checked as far as it can be without the directory: the delegate's address
/// (to look up) and the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DelegationDraft {
    pub delegate_email: Option<Email>,
    pub period: Option<(NaiveDate, NaiveDate)>,
}

/// The person the address names, as far as delegation cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Delegate {
    pub id: i32,
    pub active: bool,
    /// A manager or an administrator: someone who decides applications.
    pub decides: bool,
}

/// The date of `field`, named `what` in its messages (a catalog word, the first day's or
/// the last day's): the two dates of the form must not read alike in the error summary.
fn parse_date(errors: &mut FieldErrors, field: &'static str, what: &'static str, text: &str) -> Option<NaiveDate> {
    match NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d") {
        Ok(date) => Some(date),
        Err(_) if text.trim().is_empty() => {
            errors.add(field, Message::new("delegation-error-date-missing").term("what", what));
            None
        }
        Err(_) => {
            errors.add(field, Message::new("delegation-error-date-invalid").term("what", what));
            None
        }
    }
}

/// Checks the address and the period (from today on, at most a year), adding a message
/// per wrong field to `errors`.
pub fn parse_delegation(input: &DelegationInput, today: NaiveDate, errors: &mut FieldErrors) -> DelegationDraft {
    let delegate_email = match form_email(&input.delegate_email) {
        Ok(email) => Some(email),
        Err(message) => {
            errors.add("delegate_email", message);
            None
        }
    };
    let starts_on = parse_date(errors, "starts_on", "term-delegation-first-day", &input.starts_on);
    let ends_on = parse_date(errors, "ends_on", "term-delegation-last-day", &input.ends_on);
    if starts_on.is_some_and(|start| start < today) {
        errors.add("starts_on", Message::new("delegation-error-start-past"));
    }
    let period = match (starts_on, ends_on) {
        (Some(start), Some(end)) if end < start => {
            errors.add("ends_on", Message::new("delegation-error-end-before-start"));
            None
        }
        (Some(start), Some(end)) if end > start.checked_add_days(Days::new(MAX_DELEGATION_DAYS)).unwrap_or(start) => {
            errors.add("ends_on", Message::new("delegation-error-too-long"));
            None
        }
        (Some(start), Some(end)) => Some((start, end)),
        _ => None,
    };
    DelegationDraft { delegate_email, period }
}

/// Whether `found` (the person with the delegate's address, if any) may decide for
/// `manager_id`: their id, or the message for the address field.
pub fn check_delegate(found: Option<Delegate>, manager_id: i32) -> Result<i32, Message> {
    match found {
        None => Err(Message::new("delegation-error-unknown-address")),
        Some(person) if person.id == manager_id => Err(Message::new("delegation-error-self")),
        Some(person) if !person.active => Err(Message::new("delegation-error-left")),
        Some(person) if !person.decides => Err(Message::new("delegation-error-not-a-decider")),
        Some(person) => Ok(person.id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 1, d).unwrap()
    }

    #[test]
    fn a_period_starts_today_or_later_and_lasts_at_most_a_year() {
        let input = |starts: &str, ends: &str| DelegationInput {
            delegate_email: "tom@upskill.example".into(),
            starts_on: starts.into(),
            ends_on: ends.into(),
        };
        let mut errors = FieldErrors::default();
        let draft = parse_delegation(&input("2027-01-10", "2027-01-20"), day(10), &mut errors);
        assert_eq!(draft.period, Some((day(10), day(20))));
        assert!(errors.is_empty());
        for (starts, ends, field, id) in [
            ("2027-01-09", "2027-01-20", "starts_on", "delegation-error-start-past"),
            ("2027-01-12", "2027-01-11", "ends_on", "delegation-error-end-before-start"),
            ("2027-01-10", "2028-02-01", "ends_on", "delegation-error-too-long"),
            ("", "2027-01-20", "starts_on", "delegation-error-date-missing"),
            ("2027-01-10", "20/01/2027", "ends_on", "delegation-error-date-invalid"),
        ] {
            let mut errors = FieldErrors::default();
            parse_delegation(&input(starts, ends), day(10), &mut errors);
            assert_eq!(errors.get(field).and_then(|m| m.id()), Some(id), "{starts} to {ends}: {errors:?}");
        }
        let mut errors = FieldErrors::default();
        parse_delegation(&input("", "2027-01-20"), day(10), &mut errors);
        assert_eq!(
            errors.get("starts_on"),
            Some(&Message::new("delegation-error-date-missing").term("what", "term-delegation-first-day"))
        );
    }

    #[test]
    fn only_another_active_decider_can_be_a_delegate() {
        let person = Delegate { id: 2, active: true, decides: true };
        assert_eq!(check_delegate(Some(person), 1), Ok(2));
        assert_eq!(check_delegate(None, 1).unwrap_err().id(), Some("delegation-error-unknown-address"));
        assert!(check_delegate(Some(person), 2).is_err());
        assert!(check_delegate(Some(Delegate { active: false, ..person }), 1).is_err());
        assert!(check_delegate(Some(Delegate { decides: false, ..person }), 1).is_err());
    }
}
