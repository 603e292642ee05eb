//! Program budgets: what a program may commit in a year, what a place commits against
//! it, whether an approval fits what is left, and the two fields of the program form.
//!
//! The budget year is the calendar year (1 January to 31 December, UTC) of the day a
//! place is given: a place approved on 31 December counts in that year's budget, one
//! approved a day later in the next. A program commits, in a year, the covered tuition of
//! the places it gave that year plus, for a cohort program, its seat cost for each of
//! them; a place keeps counting whatever happens to it later (completed or not), until it
//! is withdrawn or rejected.

use chrono::{Datelike, NaiveDate};

use super::enums::{ApplicationStatus, ProgramKind};
use super::forms::FieldErrors;
use super::message::Message;
use super::money::{Cents, MoneyError};

/// The largest yearly budget of one program accepted from the form: $1,000,000,000.
pub const MAX_BUDGET: Cents = Cents(100_000_000_000);
/// The largest cost of one seat accepted from the form: $1,000,000.
pub const MAX_SEAT_COST: Cents = Cents(100_000_000);

/// Whether an application in `status` commits its program's money: it holds a place
/// (`ApplicationStatus::SEAT_HOLDING`, so a place not completed still counts: it was paid
/// for). Waitlisted, rejected and withdrawn applications commit nothing.
pub fn commits(status: ApplicationStatus) -> bool {
    ApplicationStatus::SEAT_HOLDING.contains(&status)
}

/// The budget year of a place given on `day`.
pub fn budget_year(day: NaiveDate) -> i32 {
    day.year()
}

/// The first and last day of budget year `year`.
pub fn year_bounds(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((NaiveDate::from_ymd_opt(year, 1, 1)?, NaiveDate::from_ymd_opt(year, 12, 31)?))
}

/// A program's budget settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ProgramBudget {
    /// What the program may commit in a budget year; `None`: no budget set.
    pub annual: Option<Cents>,
    /// What one place in an intake costs (cohort programs); `None`: nothing counted.
    pub seat_cost: Option<Cents>,
}

/// The places a program gave in one budget year and their covered tuition, as the
/// counters keep them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Commitments {
    pub places: i64,
    pub covered: Cents,
}

impl ProgramBudget {
    /// What giving one place commits: its covered tuition and the seat cost.
    pub fn place_cost(&self, covered: Option<Cents>) -> Cents {
        Cents(covered.map_or(0, |c| c.0).saturating_add(self.seat_cost.map_or(0, |c| c.0)))
    }

    /// What `commitments` add up to at this program's seat cost.
    pub fn committed(&self, commitments: Commitments) -> Cents {
        let seats = commitments.places.saturating_mul(self.seat_cost.map_or(0, |c| c.0));
        Cents(commitments.covered.0.saturating_add(seats))
    }

    /// The program's standing in `year`, when it has a budget.
    pub fn standing(&self, year: i32, commitments: Commitments) -> Option<BudgetStanding> {
        self.annual.map(|budget| BudgetStanding { year, budget, committed: self.committed(commitments) })
    }
}

/// A program's budget of one year and what its places committed so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BudgetStanding {
    pub year: i32,
    pub budget: Cents,
    pub committed: Cents,
}

impl BudgetStanding {
    /// What is left: negative once the budget is exceeded.
    pub fn left(&self) -> Cents {
        Cents(self.budget.0 - self.committed.0)
    }

    /// Whether a place costing `cost` fits what is left (a place that costs nothing
    /// always does).
    pub fn fits(&self, cost: Cents) -> bool {
        cost.0 <= 0 || self.committed.0.saturating_add(cost.0) <= self.budget.0
    }

    /// "left $Z", or "over by $Z" once exceeded.
    pub fn left_text(&self) -> String {
        let left = self.left();
        if left.0 < 0 {
            format!("over by {}", Cents(-left.0))
        } else {
            format!("left {left}")
        }
    }
}

/// A place that would take its program past the budget of the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverBudget {
    pub standing: BudgetStanding,
    /// What the place commits.
    pub cost: Cents,
}

impl OverBudget {
    /// By how much the budget would be exceeded with the place.
    pub fn excess(&self) -> Cents {
        Cents(self.standing.committed.0.saturating_add(self.cost.0) - self.standing.budget.0)
    }
}

/// Checks a place costing `cost` against the program's standing (`None`: no budget).
pub fn check_place(standing: Option<BudgetStanding>, cost: Cents) -> Result<(), OverBudget> {
    match standing {
        Some(standing) if !standing.fits(cost) => Err(OverBudget { standing, cost }),
        _ => Ok(()),
    }
}

/// An optional amount of the budget fields: `None` when empty, else dollars from one cent
/// to `max`, with the two messages given for a negative or zero amount and for one too
/// large.
fn optional_amount(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
    max: Cents,
    (not_positive, too_large): (Message, Message),
) -> Option<Cents> {
    if value.trim().is_empty() {
        return None;
    }
    match Cents::parse_dollars_at_most(value, max) {
        Ok(amount) => Some(amount),
        Err(MoneyError::Negative) => {
            errors.add(field, not_positive);
            None
        }
        Err(MoneyError::TooLarge) => {
            errors.add(field, too_large);
            None
        }
        Err(other) => {
            errors.add(field, other.said());
            None
        }
    }
}

/// The word for a program of `kind` in "for a tuition program" (a catalog term).
fn kind_term(kind: ProgramKind) -> &'static str {
    match kind {
        ProgramKind::Cohort => "term-budget-kind-cohort",
        ProgramKind::SelfPaced => "term-budget-kind-self-paced",
        ProgramKind::Tuition => "term-budget-kind-tuition",
    }
}

/// Checks the program form's budget fields (`annual_budget`, `seat_cost`) for a program
/// of `kind` (`None` when the kind itself is wrong). A seat cost belongs to cohort
/// programs only; a self-paced program commits nothing a budget could count; a cohort
/// program's budget counts its places at the seat cost, so it needs one.
pub fn parse_budget(
    errors: &mut FieldErrors,
    kind: Option<ProgramKind>,
    annual_budget: &str,
    seat_cost: &str,
) -> ProgramBudget {
    let annual = optional_amount(
        errors,
        "annual_budget",
        annual_budget,
        MAX_BUDGET,
        (
            Message::new("budget-error-annual-not-positive"),
            Message::new("budget-error-annual-too-large").money("max", MAX_BUDGET),
        ),
    );
    if annual.is_some() && kind == Some(ProgramKind::SelfPaced) {
        errors.add("annual_budget", Message::new("budget-error-self-paced"));
    }
    let seat = optional_amount(
        errors,
        "seat_cost",
        seat_cost,
        MAX_SEAT_COST,
        (
            Message::new("budget-error-seat-not-positive"),
            Message::new("budget-error-seat-too-large").money("max", MAX_SEAT_COST),
        ),
    );
    match kind {
        Some(kind)
            if kind != ProgramKind::Cohort && errors.get("seat_cost").is_none() && !seat_cost.trim().is_empty() =>
        {
            errors.add("seat_cost", Message::new("budget-error-seats-cohort-only").term("kind", kind_term(kind)));
        }
        Some(ProgramKind::Cohort) if annual.is_some() && seat_cost.trim().is_empty() => {
            errors.add("seat_cost", Message::new("budget-error-seat-cost-missing"));
        }
        _ => {}
    }
    ProgramBudget { annual, seat_cost: seat }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn standing(budget: i64, committed: i64) -> BudgetStanding {
        BudgetStanding { year: 2026, budget: Cents(budget), committed: Cents(committed) }
    }

    #[test]
    fn a_place_fits_up_to_the_last_cent_left() {
        assert!(standing(300, 200).fits(Cents(100)));
        assert!(!standing(300, 200).fits(Cents(101)));
        assert!(standing(300, 400).fits(Cents(0)), "a place that costs nothing never exceeds");
        let over = check_place(Some(standing(300, 250)), Cents(100)).unwrap_err();
        assert_eq!(over.excess(), Cents(50));
        assert_eq!(check_place(None, Cents(1_000_000)), Ok(()));
    }

    #[test]
    fn a_programs_commitment_is_its_covered_tuition_and_its_places_at_the_seat_cost() {
        let cohort = ProgramBudget { annual: Some(Cents(100_000)), seat_cost: Some(Cents(2_500)) };
        let commitments = Commitments { places: 3, covered: Cents(0) };
        assert_eq!(cohort.committed(commitments), Cents(7_500));
        assert_eq!(cohort.place_cost(None), Cents(2_500));
        let tuition = ProgramBudget { annual: Some(Cents(100_000)), seat_cost: None };
        assert_eq!(tuition.committed(Commitments { places: 2, covered: Cents(9_000) }), Cents(9_000));
        assert_eq!(tuition.place_cost(Some(Cents(4_000))), Cents(4_000));
        assert_eq!(ProgramBudget::default().standing(2026, commitments), None);
    }

    #[test]
    fn what_is_left_reads_as_left_or_over() {
        assert_eq!(standing(300_000, 100_000).left_text(), "left $2,000");
        assert_eq!(standing(300_000, 350_000).left_text(), "over by $500");
    }

    #[test]
    fn the_budget_year_is_the_calendar_year_of_the_approval() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(budget_year(day(2026, 12, 31)), 2026);
        assert_eq!(budget_year(day(2027, 1, 1)), 2027);
        assert_eq!(year_bounds(2026), Some((day(2026, 1, 1), day(2026, 12, 31))));
    }

    #[test]
    fn the_budget_fields_are_optional_positive_dollars() {
        let parse = |kind, annual: &str, seat: &str| {
            let mut errors = FieldErrors::default();
            let budget = parse_budget(&mut errors, Some(kind), annual, seat);
            (budget, errors)
        };
        let (budget, errors) = parse(ProgramKind::Cohort, "250,000", "$12,500.50");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(budget, ProgramBudget { annual: Some(Cents(25_000_000)), seat_cost: Some(Cents(1_250_050)) });
        let (budget, errors) = parse(ProgramKind::Tuition, " ", "");
        assert!(errors.is_empty());
        assert_eq!(budget, ProgramBudget::default());
        let (_, errors) = parse(ProgramKind::Tuition, "-5", "");
        assert_eq!(errors.get("annual_budget").and_then(|m| m.id()), Some("budget-error-annual-not-positive"));
        let (_, errors) = parse(ProgramKind::Tuition, "0", "");
        assert!(errors.get("annual_budget").is_some());
        let (_, errors) = parse(ProgramKind::Tuition, "1000000000.01", "");
        assert_eq!(
            errors.get("annual_budget"),
            Some(&Message::new("budget-error-annual-too-large").money("max", Cents(100_000_000_000)))
        );
        let (_, errors) = parse(ProgramKind::Cohort, "100000", "1000000.01");
        assert_eq!(
            errors.get("seat_cost"),
            Some(&Message::new("budget-error-seat-too-large").money("max", Cents(100_000_000)))
        );
        let (_, errors) = parse(ProgramKind::Cohort, "100000", "abc");
        assert_eq!(errors.get("seat_cost"), Some(&MoneyError::NotANumber.said()));
    }

    #[test]
    fn seats_belong_to_cohort_programs_and_a_cohort_budget_needs_their_cost() {
        let errors = |kind, annual: &str, seat: &str| {
            let mut errors = FieldErrors::default();
            parse_budget(&mut errors, Some(kind), annual, seat);
            errors
        };
        let tuition = errors(ProgramKind::Tuition, "", "5000");
        assert_eq!(
            tuition.get("seat_cost"),
            Some(&Message::new("budget-error-seats-cohort-only").term("kind", "term-budget-kind-tuition"))
        );
        assert_eq!(
            errors(ProgramKind::SelfPaced, "", "5000").get("seat_cost"),
            Some(&Message::new("budget-error-seats-cohort-only").term("kind", "term-budget-kind-self-paced"))
        );
        assert_eq!(
            errors(ProgramKind::SelfPaced, "5000", "").get("annual_budget").and_then(|m| m.id()),
            Some("budget-error-self-paced")
        );
        assert_eq!(
            errors(ProgramKind::Cohort, "100000", "").get("seat_cost").and_then(|m| m.id()),
            Some("budget-error-seat-cost-missing")
        );
        assert!(errors(ProgramKind::Cohort, "", "5000").is_empty(), "a seat cost without a budget is kept");
    }
}
