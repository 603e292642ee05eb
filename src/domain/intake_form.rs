//! The intake form of the administrators.

use chrono::NaiveDate;

use super::forms::FieldErrors;

/// An intake's fields, checked.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct IntakeDraft {
    pub name: String,
    pub starts_on: NaiveDate,
    pub seats: i32,
}

/// The most seats an intake may have.
pub const MAX_SEATS: i32 = 10_000;

/// Checks the intake form. A new intake must start after `today`; an existing one may
/// keep a past start date.
pub fn parse_intake(
    name: &str,
    starts_on: &str,
    seats: &str,
    is_new: bool,
    today: NaiveDate,
) -> Result<IntakeDraft, FieldErrors> {
    let mut errors = FieldErrors::default();
    let name = name.trim();
    if name.chars().count() < 2 || name.chars().count() > 120 {
        errors.add("name", "Enter a name of 2 to 120 characters, for example “Spring 2027 cohort”.");
    } else if let Err(message) = super::text::one_line(name, "name") {
        errors.add("name", message);
    }
    let starts_on = match NaiveDate::parse_from_str(starts_on.trim(), "%Y-%m-%d") {
        Ok(date) if is_new && date <= today => {
            errors.add("starts_on", "A new intake must start after today.");
            None
        }
        Ok(date) => Some(date),
        Err(_) => {
            errors.add("starts_on", "Enter a real start date, for example 1 March 2027.");
            None
        }
    };
    let seats = match seats.trim().parse::<i32>() {
        Ok(n) if (0..=MAX_SEATS).contains(&n) => Some(n),
        _ => {
            errors.add("seats", format!("Enter a number of seats from 0 to {MAX_SEATS}."));
            None
        }
    };
    match (starts_on, seats, errors.is_empty()) {
        (Some(starts_on), Some(seats), true) => Ok(IntakeDraft { name: name.to_owned(), starts_on, seats }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    #[test]
    fn a_good_intake_parses() {
        let draft = parse_intake(" Spring cohort ", "2027-03-01", "25", true, today()).unwrap();
        assert_eq!(
            draft,
            IntakeDraft {
                name: "Spring cohort".into(),
                starts_on: NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
                seats: 25
            }
        );
    }

    #[test]
    fn each_bad_field_is_named() {
        let errors = parse_intake("", "soon", "-3", true, today()).unwrap_err();
        let fields: Vec<&str> = errors.0.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["name", "starts_on", "seats"]);
        assert!(parse_intake("Old", "2020-01-01", "5", true, today()).is_err());
        assert!(parse_intake("Old", "2020-01-01", "5", false, today()).is_ok());
        assert!(parse_intake("Big", "2027-01-01", "10001", true, today()).is_err());
        for bad in ["Spring\ncohort", "Spring\u{0}", "Spring\u{200b}cohort"] {
            let errors = parse_intake(bad, "2027-03-01", "5", true, today()).unwrap_err();
            assert!(errors.get("name").is_some(), "{bad:?}");
        }
    }
}
