//! What an employee types into the apply and edit forms, and the checks that turn it
//! into an application's details, each refusal a message for the field it concerns.

use chrono::{Months, NaiveDate};

use super::forms::FieldErrors;
use super::message::Message;
use super::money::Cents;
use super::text::{form_line, form_text};
use super::ProgramKind;

/// The largest tuition amount one application may ask for: $100,000.
pub const MAX_TUITION: Cents = Cents(10_000_000);
pub const MOTIVATION_MIN_CHARS: usize = 20;
pub const MOTIVATION_MAX_CHARS: usize = 4_000;
const SHORT_TEXT_MAX_CHARS: usize = 200;

/// The form's fields as typed (every value kept, to show the form again).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ApplicationInput {
    pub motivation: String,
    pub intake_id: String,
    pub institution: String,
    pub course_title: String,
    pub term_starts_on: String,
    pub amount: String,
    pub accept_terms: bool,
}

/// A tuition request, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TuitionRequest {
    pub institution: String,
    pub course_title: String,
    pub term_starts_on: NaiveDate,
    pub amount: Cents,
}

/// An application's details, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationDetails {
    pub motivation: String,
    pub intake_id: Option<i32>,
    pub tuition: Option<TuitionRequest>,
}

/// An intake that can be chosen: its id and start date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IntakeChoice {
    pub id: i32,
    pub starts_on: NaiveDate,
    /// A lottery's application window: the first and the last day it takes applications.
    pub window: Option<(NaiveDate, NaiveDate)>,
}

/// A one-line field of the tuition request; `what` names it (a catalog word).
fn check_short_text(errors: &mut FieldErrors, field: &'static str, what: &'static str, value: &str) -> String {
    let value = value.trim();
    if value.is_empty() {
        errors.add(field, Message::new("apply-error-enter").term("what", what));
    } else if value.chars().count() > SHORT_TEXT_MAX_CHARS {
        errors.add(
            field,
            Message::new("apply-error-shorten").term("what", what).number("max", SHORT_TEXT_MAX_CHARS as i64),
        );
    } else if let Err(message) = form_line(value, what) {
        errors.add(field, message);
    }
    value.to_owned()
}

/// Whether a program asks why someone applies: it does when someone approves the
/// application (and reads the answer); a program that needs no approval does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Motivation {
    Required,
    Optional,
}

impl Motivation {
    /// The motivation a program with these approval stages asks for.
    pub fn for_stages(needs_manager_approval: bool, needs_admin_approval: bool) -> Motivation {
        if needs_manager_approval || needs_admin_approval {
            Motivation::Required
        } else {
            Motivation::Optional
        }
    }
}

/// Checks the form for a program of `kind`. `intakes` are the program's intakes; the
/// chosen one must be among them and start after `today`.
pub fn parse_application(
    kind: ProgramKind,
    motivation: Motivation,
    input: &ApplicationInput,
    intakes: &[IntakeChoice],
    today: NaiveDate,
) -> Result<ApplicationDetails, FieldErrors> {
    // In the order of the form: the intake or the tuition request, then the motivation.
    let mut errors = FieldErrors::default();
    let intake_id =
        if kind == ProgramKind::Cohort { check_intake(&mut errors, &input.intake_id, intakes, today) } else { None };
    let tuition = if kind == ProgramKind::Tuition { check_tuition(&mut errors, input, today) } else { None };
    let motivation = check_motivation(&mut errors, &input.motivation, motivation);
    if errors.is_empty() {
        Ok(ApplicationDetails { motivation, intake_id, tuition })
    } else {
        Err(errors)
    }
}

fn check_motivation(errors: &mut FieldErrors, motivation: &str, rule: Motivation) -> String {
    let motivation = match form_text(motivation, "term-motivation") {
        Ok(motivation) => motivation,
        Err(message) => {
            errors.add("motivation", message);
            return motivation.trim().to_owned();
        }
    };
    let length = motivation.chars().count();
    if length < MOTIVATION_MIN_CHARS && rule == Motivation::Required {
        errors.add(
            "motivation",
            Message::new("apply-error-motivation-short")
                .number("min", MOTIVATION_MIN_CHARS as i64)
                .number("count", length as i64),
        );
    } else if length > MOTIVATION_MAX_CHARS {
        errors.add(
            "motivation",
            Message::new("apply-error-motivation-long")
                .number("max", MOTIVATION_MAX_CHARS as i64)
                .number("count", length as i64),
        );
    }
    motivation
}

/// The chosen intake: one of the program's, not started yet.
fn check_intake(errors: &mut FieldErrors, chosen: &str, intakes: &[IntakeChoice], today: NaiveDate) -> Option<i32> {
    match chosen.trim().parse::<i32>().ok().and_then(|id| intakes.iter().find(|i| i.id == id)) {
        None if chosen.trim().is_empty() => errors.add("intake_id", Message::new("apply-error-choose-intake")),
        None => errors.add("intake_id", Message::new("apply-error-unknown-intake")),
        Some(intake) if intake.starts_on <= today => {
            errors.add("intake_id", Message::new("apply-error-intake-started"))
        }
        Some(IntakeChoice { window: Some((opens_on, _)), .. }) if today < *opens_on => {
            errors.add("intake_id", Message::new("apply-error-intake-not-open").date("date", *opens_on))
        }
        Some(IntakeChoice { window: Some((_, closes_on)), .. }) if today > *closes_on => {
            errors.add("intake_id", Message::new("apply-error-intake-drawn").date("date", *closes_on))
        }
        Some(intake) => return Some(intake.id),
    }
    None
}

/// A tuition request: school, course, a term starting within twelve months, an amount
/// up to [`MAX_TUITION`], and the terms accepted.
fn check_tuition(errors: &mut FieldErrors, input: &ApplicationInput, today: NaiveDate) -> Option<TuitionRequest> {
    let institution = check_short_text(errors, "institution", "term-institution", &input.institution);
    let course_title = check_short_text(errors, "course_title", "term-course-title", &input.course_title);
    let latest_term = today.checked_add_months(Months::new(12)).unwrap_or(today);
    let term_starts_on = match NaiveDate::parse_from_str(input.term_starts_on.trim(), "%Y-%m-%d") {
        Err(_) if input.term_starts_on.trim().is_empty() => {
            errors.add("term_starts_on", Message::new("apply-error-term-missing"));
            None
        }
        Err(_) => {
            errors.add("term_starts_on", Message::new("apply-error-term-not-a-date"));
            None
        }
        Ok(date) if date < today => {
            errors.add("term_starts_on", Message::new("apply-error-term-past"));
            None
        }
        Ok(date) if date > latest_term => {
            errors.add("term_starts_on", Message::new("apply-error-term-too-far").date("date", latest_term));
            None
        }
        Ok(date) => Some(date),
    };
    let amount = match Cents::parse_dollars(&input.amount) {
        Ok(amount) if amount > MAX_TUITION => {
            errors.add("amount", Message::new("apply-error-amount-too-large").money("max", MAX_TUITION));
            None
        }
        Ok(amount) => Some(amount),
        Err(err) => {
            errors.add("amount", err.said());
            None
        }
    };
    if !input.accept_terms {
        errors.add("accept_terms", Message::new("apply-error-accept-terms"));
    }
    Some(TuitionRequest { institution, course_title, term_starts_on: term_starts_on?, amount: amount? })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    fn good_motivation() -> String {
        "I want to move into a technical role next year.".to_owned()
    }

    fn tuition_input() -> ApplicationInput {
        ApplicationInput {
            motivation: good_motivation(),
            institution: "Bellevue College".into(),
            course_title: "Cloud Computing Certificate".into(),
            term_starts_on: "2027-01-15".into(),
            amount: "1234.50".into(),
            accept_terms: true,
            ..Default::default()
        }
    }

    #[test]
    fn a_self_paced_application_needs_only_a_motivation() {
        let input = ApplicationInput { motivation: format!("  {}  ", good_motivation()), ..Default::default() };
        let details = parse_application(ProgramKind::SelfPaced, Motivation::Required, &input, &[], today()).unwrap();
        assert_eq!(details.motivation, good_motivation());
        assert_eq!((details.intake_id, details.tuition), (None, None));
    }

    #[test]
    fn motivation_length_is_counted_in_characters_after_trimming() {
        let short = ApplicationInput { motivation: "   too short   ".into(), ..Default::default() };
        let errors = parse_application(ProgramKind::SelfPaced, Motivation::Required, &short, &[], today()).unwrap_err();
        let message = errors.get("motivation").unwrap();
        let expected = Message::new("apply-error-motivation-short").number("min", 20).number("count", 9);
        assert_eq!(message, &expected);
        let unicode = ApplicationInput { motivation: "学習".repeat(10), ..Default::default() };
        assert!(parse_application(ProgramKind::SelfPaced, Motivation::Required, &unicode, &[], today()).is_ok());
        let long = ApplicationInput { motivation: "x".repeat(4_001), ..Default::default() };
        assert!(parse_application(ProgramKind::SelfPaced, Motivation::Required, &long, &[], today()).is_err());
    }

    #[test]
    fn the_motivation_keeps_its_paragraphs_in_one_kind_of_line_ending_and_no_control_characters() {
        let crlf = ApplicationInput {
            motivation: "I want to grow.\r\n\r\nAnd move into a technical role.\r\n".into(),
            ..Default::default()
        };
        let details = parse_application(ProgramKind::SelfPaced, Motivation::Required, &crlf, &[], today()).unwrap();
        assert_eq!(details.motivation, "I want to grow.\n\nAnd move into a technical role.");
        let nul = ApplicationInput { motivation: format!("{}\u{0}", good_motivation()), ..Default::default() };
        let errors = parse_application(ProgramKind::SelfPaced, Motivation::Required, &nul, &[], today()).unwrap_err();
        assert_eq!(errors.get("motivation").and_then(Message::id), Some("text-nul"), "{errors:?}");
        let school = ApplicationInput { institution: "Bellevue\u{200b} College".into(), ..tuition_input() };
        let errors = parse_application(ProgramKind::Tuition, Motivation::Required, &school, &[], today()).unwrap_err();
        assert_eq!(errors.get("institution").and_then(Message::id), Some("text-invisible"), "{errors:?}");
    }

    #[test]
    fn a_cohort_application_needs_a_future_intake_of_the_program() {
        let intakes = [
            IntakeChoice { id: 7, starts_on: NaiveDate::from_ymd_opt(2027, 2, 1).unwrap(), window: None },
            IntakeChoice { id: 8, starts_on: today(), window: None },
        ];
        let with = |intake: &str| ApplicationInput {
            motivation: good_motivation(),
            intake_id: intake.into(),
            ..Default::default()
        };
        assert_eq!(
            parse_application(ProgramKind::Cohort, Motivation::Required, &with("7"), &intakes, today())
                .unwrap()
                .intake_id,
            Some(7)
        );
        let messages = |intake: &str| {
            parse_application(ProgramKind::Cohort, Motivation::Required, &with(intake), &intakes, today())
                .unwrap_err()
                .get("intake_id")
                .and_then(Message::id)
                .unwrap()
                .to_owned()
        };
        assert_eq!(messages(""), "apply-error-choose-intake");
        assert_eq!(messages("99"), "apply-error-unknown-intake");
        assert_eq!(messages("abc"), "apply-error-unknown-intake");
        assert_eq!(messages("8"), "apply-error-intake-started");
    }

    #[test]
    fn a_tuition_request_is_checked_field_by_field() {
        let details =
            parse_application(ProgramKind::Tuition, Motivation::Required, &tuition_input(), &[], today()).unwrap();
        assert_eq!(details.tuition.unwrap().amount, Cents(123_450));

        let bad = ApplicationInput {
            motivation: good_motivation(),
            institution: " ".into(),
            course_title: "x".repeat(201),
            term_starts_on: "2028-06-01".into(),
            amount: "12.345".into(),
            accept_terms: false,
            ..Default::default()
        };
        let errors = parse_application(ProgramKind::Tuition, Motivation::Required, &bad, &[], today()).unwrap_err();
        let fields: Vec<&str> = errors.0.iter().map(|(field, _)| *field).collect();
        assert_eq!(fields, ["institution", "course_title", "term_starts_on", "amount", "accept_terms"]);
        // The motivation comes last on the form, and so in the list of what to correct.
        let errors =
            parse_application(ProgramKind::Tuition, Motivation::Required, &ApplicationInput::default(), &[], today())
                .unwrap_err();
        let fields: Vec<&str> = errors.0.iter().map(|(field, _)| *field).collect();
        assert_eq!(fields, ["institution", "course_title", "term_starts_on", "amount", "accept_terms", "motivation"]);
    }

    #[test]
    fn tuition_amounts_are_bounded() {
        for (amount, ok) in
            [("100000", true), ("100000.01", false), ("0", false), ("-1", false), ("1e3", false), ("", false)]
        {
            let input = ApplicationInput { amount: amount.into(), ..tuition_input() };
            assert_eq!(
                parse_application(ProgramKind::Tuition, Motivation::Required, &input, &[], today()).is_ok(),
                ok,
                "{amount}"
            );
        }
    }

    #[test]
    fn the_term_must_start_within_the_next_twelve_months() {
        for (date, ok) in [
            ("2026-11-26", true),
            ("2026-11-25", false),
            ("2027-11-26", true),
            ("2027-11-27", false),
            ("15/01/2027", false),
        ] {
            let input = ApplicationInput { term_starts_on: date.into(), ..tuition_input() };
            assert_eq!(
                parse_application(ProgramKind::Tuition, Motivation::Required, &input, &[], today()).is_ok(),
                ok,
                "{date}"
            );
        }
    }

    #[test]
    fn a_program_without_approval_takes_any_motivation_or_none() {
        let with = |motivation: &str| ApplicationInput { motivation: motivation.into(), ..Default::default() };
        let parse = |input: &ApplicationInput| {
            parse_application(ProgramKind::SelfPaced, Motivation::Optional, input, &[], today())
        };
        assert_eq!(parse(&with("  ")).unwrap().motivation, "");
        assert_eq!(parse(&with("Cloud skills")).unwrap().motivation, "Cloud skills");
        assert!(parse(&with(&"x".repeat(4_001))).unwrap_err().get("motivation").is_some());
        assert_eq!(Motivation::for_stages(false, false), Motivation::Optional);
        assert_eq!(Motivation::for_stages(false, true), Motivation::Required);
    }
}
