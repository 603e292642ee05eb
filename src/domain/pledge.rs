//! The pledge: how many employees to train with how much money by when, the checks on
//! the settings form, and the tracker's figures (shares of the target and the budget,
//! days to the deadline).

use chrono::{Datelike, NaiveDate};

use super::forms::FieldErrors;
use super::message::Message;
use super::money::{Cents, MoneyError};
use super::numbers::{grouped, percent_tenths};
use super::words::count;

/// The largest target an administrator may set: 10,000,000 employees.
pub const MAX_TARGET_EMPLOYEES: i64 = 10_000_000;
/// The largest budget an administrator may set: $100,000,000,000.
pub const MAX_BUDGET: Cents = Cents(10_000_000_000_000);
/// Deadlines are years of this range (a typo such as 20255 is refused, not stored).
const DEADLINE_YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// The pledge's three numbers, as stored in the settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PledgeSettings {
    pub target_employees: i64,
    pub budget: Cents,
    pub deadline: NaiveDate,
}

impl Default for PledgeSettings {
    /// The model pledge: 100,000 employees and $700,000,000 by the end of 2025.
    fn default() -> Self {
        PledgeSettings {
            target_employees: 100_000,
            budget: Cents(70_000_000_000),
            deadline: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or_default(),
        }
    }
}

impl PledgeSettings {
    /// Reads the stored values (target, budget in cents, `YYYY-MM-DD` deadline); a value
    /// that is missing or out of range falls back to the default of that value.
    pub fn from_stored(target: Option<&str>, budget_cents: Option<&str>, deadline: Option<&str>) -> PledgeSettings {
        let defaults = PledgeSettings::default();
        let target_employees = target
            .and_then(|t| t.trim().parse::<i64>().ok())
            .filter(|t| (1..=MAX_TARGET_EMPLOYEES).contains(t))
            .unwrap_or(defaults.target_employees);
        let budget = budget_cents
            .and_then(|b| b.trim().parse::<i64>().ok())
            .filter(|b| (1..=MAX_BUDGET.0).contains(b))
            .map_or(defaults.budget, Cents);
        let deadline = deadline
            .and_then(|d| NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok())
            .filter(|d| DEADLINE_YEARS.contains(&d.year()))
            .unwrap_or(defaults.deadline);
        PledgeSettings { target_employees, budget, deadline }
    }

    /// What differs from `before`, one "what: before → after" line per changed value.
    pub fn changes_from(&self, before: &PledgeSettings) -> Vec<String> {
        let mut changes = Vec::new();
        if self.target_employees != before.target_employees {
            changes.push(format!(
                "target: {} → {}",
                grouped(before.target_employees),
                count(self.target_employees, "employee", "employees")
            ));
        }
        if self.budget != before.budget {
            changes.push(format!("budget: {} → {}", before.budget, self.budget));
        }
        if self.deadline != before.deadline {
            changes.push(format!("deadline: {} → {}", before.deadline, self.deadline));
        }
        changes
    }
}

/// The settings form as typed (every value kept, to show the form again).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PledgeInput {
    pub target_employees: String,
    pub budget: String,
    pub deadline: String,
}

impl PledgeInput {
    /// The form filled with the current settings.
    pub fn from_settings(settings: &PledgeSettings) -> PledgeInput {
        let budget = if settings.budget.0 % 100 == 0 {
            (settings.budget.0 / 100).to_string()
        } else {
            settings.budget.to_plain()
        };
        PledgeInput {
            target_employees: settings.target_employees.to_string(),
            budget,
            deadline: settings.deadline.format("%Y-%m-%d").to_string(),
        }
    }
}

fn parse_target(text: &str) -> Result<i64, Message> {
    let cleaned: String = text.chars().filter(|c| !matches!(c, ',' | ' ' | '_')).collect();
    if cleaned.is_empty() {
        return Err(Message::new("pledge-error-target-missing"));
    }
    let digits = cleaned.strip_prefix('-').unwrap_or(&cleaned);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(Message::new("pledge-error-target-not-whole"));
    }
    match cleaned.parse::<i64>() {
        Ok(n) if n < 1 => Err(Message::new("pledge-error-target-too-small")),
        Ok(n) if n <= MAX_TARGET_EMPLOYEES => Ok(n),
        // Too many digits for an i64 is too large as well.
        _ => Err(Message::new("pledge-error-target-too-large").number("max", MAX_TARGET_EMPLOYEES)),
    }
}

fn parse_budget(text: &str) -> Result<Cents, Message> {
    Cents::parse_dollars_at_most(text, MAX_BUDGET).map_err(|err| match err {
        MoneyError::Empty => Message::new("pledge-error-budget-missing"),
        MoneyError::NotANumber => Message::new("pledge-error-budget-not-a-number"),
        MoneyError::TooManyDecimals => Message::new("pledge-error-budget-too-many-decimals"),
        MoneyError::Negative => Message::new("pledge-error-budget-not-positive"),
        MoneyError::TooLarge => Message::new("pledge-error-budget-too-large").money("max", MAX_BUDGET),
    })
}

/// The deadline: a date of the years `DEADLINE_YEARS` (2000 to 2100, as its message says).
fn parse_deadline(text: &str) -> Result<NaiveDate, Message> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Message::new("pledge-error-deadline-missing"));
    }
    match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(date) if DEADLINE_YEARS.contains(&date.year()) => Ok(date),
        Ok(_) => Err(Message::new("pledge-error-deadline-out-of-range")),
        Err(_) => Err(Message::new("pledge-error-deadline-invalid")),
    }
}

/// Checks the settings form; every wrong field gets its message.
pub fn parse_pledge_settings(input: &PledgeInput) -> Result<PledgeSettings, FieldErrors> {
    let mut errors = FieldErrors::default();
    let target = parse_target(&input.target_employees).map_err(|m| errors.add("target_employees", m)).ok();
    let budget = parse_budget(&input.budget).map_err(|m| errors.add("budget", m)).ok();
    let deadline = parse_deadline(&input.deadline).map_err(|m| errors.add("deadline", m)).ok();
    match (target, budget, deadline) {
        (Some(target_employees), Some(budget), Some(deadline)) => {
            Ok(PledgeSettings { target_employees, budget, deadline })
        }
        _ => Err(errors),
    }
}

/// The pledge tracker's figures on one day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PledgeFigures {
    /// Distinct employees who completed a program.
    pub participants: i64,
    pub target_employees: i64,
    /// Participants as a share of the target, in tenths of a percent (may pass 1000).
    pub participants_tenths: i64,
    /// Covered tuition of approved and completed applications.
    pub committed: Cents,
    pub budget: Cents,
    /// Committed funding as a share of the budget, in tenths of a percent.
    pub funding_tenths: i64,
    pub deadline: NaiveDate,
    /// Days from `today` to the deadline: 0 on the day, negative once it has passed.
    pub days_left: i64,
}

impl PledgeFigures {
    /// The figures for `participants` and `committed` funding against `settings` on `today`.
    pub fn new(participants: i64, committed: Cents, settings: &PledgeSettings, today: NaiveDate) -> PledgeFigures {
        PledgeFigures {
            participants,
            target_employees: settings.target_employees,
            participants_tenths: percent_tenths(participants, settings.target_employees),
            committed,
            budget: settings.budget,
            funding_tenths: percent_tenths(committed.0, settings.budget.0),
            deadline: settings.deadline,
            days_left: (settings.deadline - today).num_days(),
        }
    }

    /// Whether the target is reached.
    pub fn target_reached(&self) -> bool {
        self.participants >= self.target_employees
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn input(target: &str, budget: &str, deadline: &str) -> PledgeInput {
        PledgeInput { target_employees: target.into(), budget: budget.into(), deadline: deadline.into() }
    }

    /// The id of the message for `field`.
    fn message(input: &PledgeInput, field: &str) -> Option<String> {
        parse_pledge_settings(input).err().and_then(|e| e.get(field).and_then(|m| m.id().map(str::to_owned)))
    }

    #[test]
    fn the_defaults_are_the_model_pledge() {
        let defaults = PledgeSettings::default();
        assert_eq!(defaults.target_employees, 100_000);
        assert_eq!(defaults.budget.to_string(), "$700,000,000");
        assert_eq!(defaults.deadline, date(2025, 12, 31));
    }

    #[test]
    fn a_good_form_parses_as_people_write_numbers() {
        let parsed = parse_pledge_settings(&input(" 120,000 ", "$650,000,000.50", "2027-06-30")).unwrap();
        assert_eq!(
            parsed,
            PledgeSettings { target_employees: 120_000, budget: Cents(65_000_000_050), deadline: date(2027, 6, 30) }
        );
    }

    #[test]
    fn the_target_is_a_whole_number_from_one_to_ten_million() {
        let ok = |t: &str| parse_pledge_settings(&input(t, "1000", "2026-01-01")).map(|s| s.target_employees);
        assert_eq!(ok("1"), Ok(1));
        assert_eq!(ok("10000000"), Ok(10_000_000));
        assert_eq!(ok("10 000 000"), Ok(10_000_000));
        let target = |t: &str| message(&input(t, "1000", "2026-01-01"), "target_employees").unwrap();
        assert_eq!(target(""), "pledge-error-target-missing");
        assert_eq!(target("  "), "pledge-error-target-missing");
        assert_eq!(target("lots"), "pledge-error-target-not-whole");
        assert_eq!(target("1.5"), "pledge-error-target-not-whole");
        assert_eq!(target("-"), "pledge-error-target-not-whole");
        assert_eq!(target("0"), "pledge-error-target-too-small");
        assert_eq!(target("-5"), "pledge-error-target-too-small");
        assert_eq!(target("10000001"), "pledge-error-target-too-large");
        assert_eq!(target("99999999999999999999999"), "pledge-error-target-too-large");
        assert_eq!(
            parse_target("10000001"),
            Err(Message::new("pledge-error-target-too-large").number("max", 10_000_000))
        );
    }

    #[test]
    fn the_budget_is_dollars_up_to_a_hundred_billion() {
        let ok = |b: &str| parse_pledge_settings(&input("1", b, "2026-01-01")).map(|s| s.budget);
        assert_eq!(ok("100000000000"), Ok(MAX_BUDGET));
        assert_eq!(ok("0.01"), Ok(Cents(1)));
        let budget = |b: &str| message(&input("1", b, "2026-01-01"), "budget").unwrap();
        assert_eq!(budget(""), "pledge-error-budget-missing");
        assert_eq!(budget("seven"), "pledge-error-budget-not-a-number");
        assert_eq!(budget("1.234"), "pledge-error-budget-too-many-decimals");
        assert_eq!(budget("0"), "pledge-error-budget-not-positive");
        assert_eq!(budget("-10"), "pledge-error-budget-not-positive");
        assert_eq!(budget("100000000000.01"), "pledge-error-budget-too-large");
        assert_eq!(
            parse_budget("100000000000.01"),
            Err(Message::new("pledge-error-budget-too-large").money("max", Cents(10_000_000_000_000)))
        );
    }

    #[test]
    fn the_deadline_is_a_date_of_this_century() {
        let ok = |d: &str| parse_pledge_settings(&input("1", "1", d)).map(|s| s.deadline);
        assert_eq!(ok(" 2025-12-31 "), Ok(date(2025, 12, 31)));
        assert_eq!(ok("2020-01-01"), Ok(date(2020, 1, 1)), "a past deadline may be recorded");
        let deadline = |d: &str| message(&input("1", "1", d), "deadline").unwrap();
        assert_eq!(deadline(""), "pledge-error-deadline-missing");
        assert_eq!(deadline("31/12/2025"), "pledge-error-deadline-invalid");
        assert_eq!(deadline("2025-02-30"), "pledge-error-deadline-invalid");
        assert_eq!(deadline("1999-12-31"), "pledge-error-deadline-out-of-range");
        assert_eq!(deadline("2101-01-01"), "pledge-error-deadline-out-of-range");
    }

    #[test]
    fn every_wrong_field_gets_its_message_in_form_order() {
        let errors = parse_pledge_settings(&input("0", "abc", "soon")).unwrap_err();
        let fields: Vec<&str> = errors.0.iter().map(|(field, _)| *field).collect();
        assert_eq!(fields, ["target_employees", "budget", "deadline"]);
        let one = parse_pledge_settings(&input("5", "abc", "2026-01-01")).unwrap_err();
        assert_eq!(one.0.len(), 1);
    }

    #[test]
    fn the_form_is_prefilled_with_what_parses_back() {
        let settings = PledgeSettings::default();
        let prefilled = PledgeInput::from_settings(&settings);
        assert_eq!(prefilled, input("100000", "700000000", "2025-12-31"));
        assert_eq!(parse_pledge_settings(&prefilled), Ok(settings));
        let with_cents = PledgeSettings { budget: Cents(12_345), ..settings };
        assert_eq!(PledgeInput::from_settings(&with_cents).budget, "123.45");
    }

    #[test]
    fn stored_values_fall_back_to_the_defaults_one_by_one() {
        let defaults = PledgeSettings::default();
        assert_eq!(PledgeSettings::from_stored(None, None, None), defaults);
        let stored = PledgeSettings::from_stored(Some("250"), Some("12345"), Some("2030-01-31"));
        assert_eq!(
            stored,
            PledgeSettings { target_employees: 250, budget: Cents(12_345), deadline: date(2030, 1, 31) }
        );
        let broken = PledgeSettings::from_stored(Some("0"), Some("lots"), Some("2030-13-01"));
        assert_eq!(broken, defaults);
        let too_big = PledgeSettings::from_stored(Some("10000001"), Some("10000000000001"), Some("1999-01-01"));
        assert_eq!(too_big, defaults);
    }

    #[test]
    fn changes_list_only_what_differs_with_before_and_after() {
        let before = PledgeSettings::default();
        assert!(before.changes_from(&before).is_empty());
        let after = PledgeSettings { target_employees: 120_000, deadline: date(2026, 6, 30), ..before };
        assert_eq!(
            after.changes_from(&before),
            ["target: 100,000 → 120,000 employees", "deadline: 2025-12-31 → 2026-06-30"]
        );
        let budget = PledgeSettings { budget: Cents(65_000_000_050), ..before };
        assert_eq!(budget.changes_from(&before), ["budget: $700,000,000 → $650,000,000.50"]);
    }

    #[test]
    fn figures_give_shares_of_the_target_and_budget() {
        let settings = PledgeSettings::default();
        let today = date(2025, 1, 1);
        let none = PledgeFigures::new(0, Cents(0), &settings, today);
        assert_eq!((none.participants_tenths, none.target_reached()), (0, false));
        let some = PledgeFigures::new(25_000, Cents(7_000_000_000), &settings, today);
        assert_eq!(some.participants_tenths, 250);
        assert!(!some.target_reached());
        let over = PledgeFigures::new(150_000, Cents(0), &settings, today);
        assert_eq!(over.participants_tenths, 1_500);
        assert!(over.target_reached());
    }

    #[test]
    fn days_left_count_down_to_the_deadline_and_past_it() {
        let settings = PledgeSettings::default();
        let on = |today: NaiveDate| PledgeFigures::new(0, Cents(0), &settings, today);
        assert_eq!(on(date(2025, 12, 1)).days_left, 30);
        assert_eq!(on(date(2025, 12, 30)).days_left, 1);
        assert_eq!(on(date(2025, 12, 31)).days_left, 0);
        assert_eq!(on(date(2026, 1, 1)).days_left, -1);
        assert_eq!(on(date(2026, 11, 26)).days_left, -330);
        assert_eq!(on(date(2020, 12, 31)).days_left, 1_826);
    }
}
