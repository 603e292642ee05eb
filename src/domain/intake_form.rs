//! The intake form of the administrators.

use chrono::NaiveDate;

use super::forms::FieldErrors;
use super::message::Message;
use super::{Allocation, DrawPriority};

/// An intake's fields, checked.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct IntakeDraft {
    pub name: String,
    pub starts_on: NaiveDate,
    pub seats: i32,
    pub allocation: Allocation,
    /// When a lottery takes applications: from `opens_on` to `closes_on`, both days
    /// included (its seats are drawn the day after the close); none first come.
    pub opens_on: Option<NaiveDate>,
    pub closes_on: Option<NaiveDate>,
    pub priority: DrawPriority,
    /// Working days someone has to accept a seat offered from the waitlist; `None`: a
    /// freed seat goes to the next person at once.
    pub offer_days: Option<i32>,
}

/// The intake form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct IntakeInput {
    pub name: String,
    pub starts_on: String,
    pub seats: String,
    pub allocation: String,
    pub opens_on: String,
    pub closes_on: String,
    pub priority: String,
    /// How a freed seat goes to the waitlist: `at_once`, or `offer` for `offer_days`.
    pub freed_seats: String,
    pub offer_days: String,
}

/// The most seats an intake may have.
pub const MAX_SEATS: i32 = 10_000;

/// The fields of the form, in the order they are shown (and their errors listed).
pub const FIELDS: [&str; 9] =
    ["name", "starts_on", "seats", "allocation", "opens_on", "closes_on", "priority", "freed_seats", "offer_days"];

/// The most working days an offered seat may wait for its answer.
pub const MAX_OFFER_DAYS: i32 = 20;

/// The working days an offer waits for its answer unless the form says otherwise.
pub const DEFAULT_OFFER_DAYS: i32 = 3;

/// How a freed seat goes to the next person in line, from the form: at once (`None`),
/// or offered for some working days.
fn offer_days(errors: &mut FieldErrors, input: &IntakeInput) -> Option<i32> {
    match input.freed_seats.trim() {
        "" | "at_once" => None,
        "offer" => match input.offer_days.trim().parse::<i32>() {
            Ok(days) if (1..=MAX_OFFER_DAYS).contains(&days) => Some(days),
            _ => {
                errors.add("offer_days", Message::new("intake-error-offer-days").number("max", MAX_OFFER_DAYS));
                None
            }
        },
        _ => {
            errors.add("freed_seats", Message::new("intake-error-freed-seats"));
            None
        }
    }
}

fn date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// Checks the intake form. A new intake must start after `today`; an existing one may
/// keep a past start date. A lottery needs its window: it closes before the intake
/// starts, and a new window closes after `today`.
pub fn parse_intake(input: &IntakeInput, is_new: bool, today: NaiveDate) -> Result<IntakeDraft, FieldErrors> {
    let mut errors = FieldErrors::default();
    let name = input.name.trim();
    if name.chars().count() < 2 || name.chars().count() > 120 {
        errors.add("name", Message::new("intake-error-name"));
    } else if let Err(message) = super::text::form_line(name, "term-name") {
        errors.add("name", message);
    }
    let starts_on = match date(&input.starts_on) {
        Some(date) if is_new && date <= today => {
            errors.add("starts_on", Message::new("intake-error-starts-not-after-today"));
            None
        }
        Some(date) => Some(date),
        None => {
            errors.add("starts_on", Message::new("intake-error-starts-on"));
            None
        }
    };
    let seats = match input.seats.trim().parse::<i32>() {
        Ok(n) if (0..=MAX_SEATS).contains(&n) => Some(n),
        _ => {
            errors.add("seats", Message::new("intake-error-seats").number("max", MAX_SEATS));
            None
        }
    };
    let allocation = match input.allocation.trim() {
        "" => Some(Allocation::FirstCome),
        text => text.parse::<Allocation>().ok(),
    };
    if allocation.is_none() {
        errors.add("allocation", Message::new("intake-error-allocation"));
    }
    let mut window = (None, None);
    if allocation == Some(Allocation::Lottery) {
        let opens_on = date(&input.opens_on);
        if opens_on.is_none() {
            errors.add("opens_on", Message::new("intake-error-opens-on"));
        }
        let closes_on = match (date(&input.closes_on), opens_on, starts_on) {
            (None, _, _) => {
                errors.add("closes_on", Message::new("intake-error-closes-on"));
                None
            }
            (Some(closes), Some(opens), _) if closes < opens => {
                errors.add("closes_on", Message::new("intake-error-closes-before-opens"));
                None
            }
            (Some(closes), _, Some(starts)) if closes >= starts => {
                errors.add("closes_on", Message::new("intake-error-closes-not-before-start"));
                None
            }
            (Some(closes), _, _) if is_new && closes < today => {
                errors.add("closes_on", Message::new("intake-error-closes-before-today"));
                None
            }
            (closes, _, _) => closes,
        };
        if let (Some(opens_on), Some(closes_on)) = (opens_on, closes_on) {
            window = (Some(opens_on), Some(closes_on));
        }
    }
    let priority = match input.priority.trim() {
        "" => Some(DrawPriority::None),
        text => text.parse::<DrawPriority>().ok(),
    };
    if priority.is_none() {
        errors.add("priority", Message::new("intake-error-priority"));
    }
    let offer_days = offer_days(&mut errors, input);
    match (starts_on, seats, allocation, priority, errors.is_empty()) {
        (Some(starts_on), Some(seats), Some(allocation), Some(priority), true) => Ok(IntakeDraft {
            name: name.to_owned(),
            starts_on,
            seats,
            allocation,
            opens_on: window.0,
            closes_on: window.1,
            priority: if allocation == Allocation::Lottery { priority } else { DrawPriority::None },
            offer_days,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn input(name: &str, starts_on: &str, seats: &str) -> IntakeInput {
        IntakeInput { name: name.into(), starts_on: starts_on.into(), seats: seats.into(), ..IntakeInput::default() }
    }

    fn lottery(opens_on: &str, closes_on: &str) -> IntakeInput {
        IntakeInput {
            allocation: "lottery".into(),
            opens_on: opens_on.into(),
            closes_on: closes_on.into(),
            priority: "first_time".into(),
            ..input("Spring cohort", "2027-03-01", "25")
        }
    }

    #[test]
    fn a_good_intake_parses() {
        let draft = parse_intake(&input(" Spring cohort ", "2027-03-01", "25"), true, today()).unwrap();
        assert_eq!(
            draft,
            IntakeDraft {
                name: "Spring cohort".into(),
                starts_on: day("2027-03-01"),
                seats: 25,
                allocation: Allocation::FirstCome,
                opens_on: None,
                closes_on: None,
                priority: DrawPriority::None,
                offer_days: None,
            }
        );
    }

    #[test]
    fn a_freed_seat_is_given_at_once_or_offered_for_some_working_days() {
        let offered = |freed_seats: &str, days: &str| IntakeInput {
            freed_seats: freed_seats.into(),
            offer_days: days.into(),
            ..input("Spring", "2027-03-01", "5")
        };
        let parse = |typed: IntakeInput| parse_intake(&typed, true, today());
        assert_eq!(parse(offered("offer", " 3 ")).unwrap().offer_days, Some(3));
        assert_eq!(parse(offered("at_once", "junk")).unwrap().offer_days, None, "the days are ignored");
        assert_eq!(parse(offered("", "")).unwrap().offer_days, None);
        for days in ["", "0", "21", "two", "-1"] {
            let errors = parse(offered("offer", days)).unwrap_err();
            assert!(errors.get("offer_days").is_some(), "{days:?}");
        }
        assert!(parse(offered("sometimes", "3")).unwrap_err().get("freed_seats").is_some());
    }

    #[test]
    fn each_bad_field_is_named() {
        let bad = IntakeInput { allocation: "raffle".into(), priority: "vip".into(), ..input("", "soon", "-3") };
        let errors = parse_intake(&bad, true, today()).unwrap_err();
        let fields: Vec<&str> = errors.0.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["name", "starts_on", "seats", "allocation", "priority"]);
        assert!(parse_intake(&input("Old", "2020-01-01", "5"), true, today()).is_err());
        assert!(parse_intake(&input("Old", "2020-01-01", "5"), false, today()).is_ok());
        assert!(parse_intake(&input("Big", "2027-01-01", "10001"), true, today()).is_err());
        for bad in ["Spring\ncohort", "Spring\u{0}", "Spring\u{200b}cohort"] {
            let errors = parse_intake(&input(bad, "2027-03-01", "5"), true, today()).unwrap_err();
            assert!(errors.get("name").is_some(), "{bad:?}");
        }
    }

    #[test]
    fn a_lottery_has_a_window_that_closes_before_the_intake_starts() {
        let draft = parse_intake(&lottery("2027-02-01", "2027-02-14"), true, today()).unwrap();
        assert_eq!(draft.allocation, Allocation::Lottery);
        assert_eq!((draft.opens_on, draft.closes_on), (Some(day("2027-02-01")), Some(day("2027-02-14"))));
        assert_eq!(draft.priority, DrawPriority::FirstTime);
        let one_day = parse_intake(&lottery("2027-02-01", "2027-02-01"), true, today()).unwrap();
        assert_eq!(one_day.closes_on, Some(day("2027-02-01")));
        for (opens, closes, field) in [
            ("", "2027-02-14", "opens_on"),
            ("2027-02-01", "", "closes_on"),
            ("2027-02-14", "2027-02-01", "closes_on"),
            ("2027-02-01", "2027-03-01", "closes_on"),
            ("2026-11-01", "2026-11-20", "closes_on"),
        ] {
            let errors = parse_intake(&lottery(opens, closes), true, today()).unwrap_err();
            assert!(errors.get(field).is_some(), "{opens} {closes}: {errors:?}");
        }
        // An existing lottery keeps a window that closed in the past.
        assert!(parse_intake(&lottery("2026-11-01", "2026-11-20"), false, today()).is_ok());
    }

    #[test]
    fn first_come_ignores_the_window_and_the_priority() {
        let typed = IntakeInput { allocation: "first_come".into(), ..lottery("junk", "junk") };
        let draft = parse_intake(&typed, true, today()).unwrap();
        assert_eq!((draft.opens_on, draft.closes_on, draft.priority), (None, None, DrawPriority::None));
    }
}
