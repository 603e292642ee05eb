//! Money committed and paid against the pledge's budget, month by month, and where the
//! last 90 days' pace leads by the deadline. Pure: the month totals in, the cumulative
//! lines, the forecast and what it says (a catalog message) out.

use chrono::{Datelike, Months, NaiveDate};

use super::message::Message;
use super::Cents;

/// The days whose pace the forecast keeps.
pub const PACE_DAYS: i64 = 90;

/// The money of one calendar month: committed (tuition covered and seat costs of the
/// places approved that month) and paid (tuition payments dated that month).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MoneyMonth {
    /// The month's first day.
    pub month: NaiveDate,
    pub committed: i64,
    pub paid: i64,
}

/// A month of the chart: the totals to its end, actual up to this month, forecast after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForecastMonth {
    pub month: NaiveDate,
    pub committed: i64,
    pub paid: i64,
    /// Whether the figures are forecast (after the current month).
    pub forecast: bool,
}

/// The lines and what they say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forecast {
    pub months: Vec<ForecastMonth>,
    /// Committed and paid per day over the last `PACE_DAYS` days.
    pub committed_per_day: i64,
    pub paid_per_day: i64,
    /// The totals forecast for the deadline (the totals today when it has passed).
    pub committed_at_deadline: i64,
    pub paid_at_deadline: i64,
    /// The day the committed money would reach the budget at that pace, when it is
    /// before the deadline.
    pub budget_reached_on: Option<NaiveDate>,
}

fn first_of_month(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

fn last_of_month(month: NaiveDate) -> NaiveDate {
    month.checked_add_months(Months::new(1)).and_then(|next| next.pred_opt()).unwrap_or(month)
}

/// Lays out the months from the first with money to the deadline's (or this month, when
/// the deadline has passed): actual totals to this month, then the last 90 days' pace.
/// `recent` is what was committed and paid in the last `PACE_DAYS` days.
pub fn forecast(
    months: &[MoneyMonth],
    recent: (i64, i64),
    budget: Cents,
    deadline: NaiveDate,
    today: NaiveDate,
) -> Option<Forecast> {
    let first = months.iter().filter(|m| m.committed != 0 || m.paid != 0).map(|m| m.month).min()?;
    let this_month = first_of_month(today);
    let last = first_of_month(deadline).max(this_month);
    let (committed_per_day, paid_per_day) = (recent.0 / PACE_DAYS, recent.1 / PACE_DAYS);
    let (mut committed, mut paid) = (0i64, 0i64);
    let mut laid_out = Vec::new();
    let mut month = first_of_month(first);
    while month <= last {
        if month <= this_month {
            for m in months.iter().filter(|m| first_of_month(m.month) == month) {
                committed += m.committed;
                paid += m.paid;
            }
            laid_out.push(ForecastMonth { month, committed, paid, forecast: false });
        } else {
            let days = (last_of_month(month).min(deadline.max(today)) - today).num_days().max(0);
            laid_out.push(ForecastMonth {
                month,
                committed: committed + committed_per_day * days,
                paid: paid + paid_per_day * days,
                forecast: true,
            });
        }
        let Some(next) = month.checked_add_months(Months::new(1)) else { break };
        month = next;
    }
    let days_left = (deadline - today).num_days().max(0);
    let committed_at_deadline = committed + committed_per_day * days_left;
    let budget_reached_on = if committed >= budget.0 || committed_per_day <= 0 {
        None
    } else {
        let days = (budget.0 - committed + committed_per_day - 1) / committed_per_day;
        today
            .checked_add_days(chrono::Days::new(u64::try_from(days).unwrap_or(u64::MAX)))
            .filter(|day| *day <= deadline)
    };
    Some(Forecast {
        months: laid_out,
        committed_per_day,
        paid_per_day,
        committed_at_deadline,
        paid_at_deadline: paid + paid_per_day * days_left,
        budget_reached_on,
    })
}

impl Forecast {
    /// What the chart shows, in words (its description, and the paragraph under it): the
    /// money so far; then that the deadline has passed, or where the last `PACE_DAYS`
    /// days' pace leads by it and, when it comes first, the day the budget runs out.
    pub fn describe(&self, budget: Cents, deadline: NaiveDate, today: NaiveDate) -> Message {
        let (committed, paid) =
            self.months.iter().rev().find(|m| !m.forecast).map_or((0, 0), |m| (m.committed, m.paid));
        let so_far = Message::new("forecast-so-far")
            .money("committed", Cents(committed))
            .percent("share", committed, budget.0)
            .money("budget", budget)
            .money("paid", Cents(paid));
        if deadline <= today {
            return so_far.then(Message::new("forecast-passed").date("deadline", deadline));
        }
        let pace = Message::new("forecast-pace")
            .number("days", PACE_DAYS)
            .money("committed_daily", Cents(self.committed_per_day))
            .money("paid_daily", Cents(self.paid_per_day))
            .money("committed", Cents(self.committed_at_deadline))
            .date("deadline", deadline)
            .percent("share", self.committed_at_deadline, budget.0)
            .money("paid", Cents(self.paid_at_deadline));
        let text = so_far.then(pace);
        match self.budget_reached_on {
            Some(day) => text.then(Message::new("forecast-budget-reached").date("date", day)),
            None => text,
        }
    }
}

/// "$650M", "$1.2M", "$45k", "$900": a money axis label.
pub fn compact_money(cents: i64) -> String {
    let dollars = cents / 100;
    let short = |value: i64, unit: i64, suffix: &str| {
        let tenths = value * 10 / unit;
        if tenths % 10 == 0 {
            format!("${}{suffix}", tenths / 10)
        } else {
            format!("${}.{}{suffix}", tenths / 10, tenths % 10)
        }
    };
    match dollars.abs() {
        d if d >= 1_000_000_000 => short(dollars, 1_000_000_000, "B"),
        d if d >= 1_000_000 => short(dollars, 1_000_000, "M"),
        d if d >= 1_000 => short(dollars, 1_000, "k"),
        _ => format!("${dollars}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::message::Arg;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn month(y: i32, m: u32, committed: i64, paid: i64) -> MoneyMonth {
        MoneyMonth { month: day(y, m, 1), committed, paid }
    }

    #[test]
    fn the_lines_add_up_to_today_and_then_follow_the_last_90_days_pace() {
        let months = [month(2026, 10, 900_000, 100_000), month(2026, 12, 90_000, 9_000)];
        let today = day(2026, 12, 15);
        let forecast = forecast(&months, (9_000_000, 900_000), Cents(50_000_000), day(2027, 2, 10), today).unwrap();
        let figures: Vec<(NaiveDate, i64, i64, bool)> =
            forecast.months.iter().map(|m| (m.month, m.committed, m.paid, m.forecast)).collect();
        assert_eq!(
            figures,
            [
                (day(2026, 10, 1), 900_000, 100_000, false),
                (day(2026, 11, 1), 900_000, 100_000, false),
                (day(2026, 12, 1), 990_000, 109_000, false),
                // 100,000 and 10,000 a day: 47 days to the end of January, 57 to the deadline.
                (day(2027, 1, 1), 990_000 + 4_700_000, 109_000 + 470_000, true),
                (day(2027, 2, 1), 990_000 + 5_700_000, 109_000 + 570_000, true),
            ]
        );
        assert_eq!(forecast.committed_at_deadline, 6_690_000);
        assert_eq!(forecast.budget_reached_on, None);
        // "So far $9,900 committed (1.9% of the $500,000 budget) and $1,090 paid. At the pace of
        // the last 90 days ($1,000 committed and $100 paid a day), commitments reach $66,900 by
        // the deadline, 10 February 2027 (13.3% of the budget), and payments $6,790."
        assert_eq!(
            forecast.describe(Cents(50_000_000), day(2027, 2, 10), today),
            Message::then(
                Message::new("forecast-so-far")
                    .money("committed", Cents(990_000))
                    .percent("share", 990_000, 50_000_000)
                    .money("budget", Cents(50_000_000))
                    .money("paid", Cents(109_000)),
                Message::new("forecast-pace")
                    .number("days", 90)
                    .money("committed_daily", Cents(100_000))
                    .money("paid_daily", Cents(10_000))
                    .money("committed", Cents(6_690_000))
                    .date("deadline", day(2027, 2, 10))
                    .percent("share", 6_690_000, 50_000_000)
                    .money("paid", Cents(679_000))
            )
        );
    }

    #[test]
    fn the_day_the_budget_runs_out_is_said_when_it_comes_before_the_deadline() {
        let months = [month(2026, 12, 1_000_000, 0)];
        let today = day(2026, 12, 15);
        let forecast = forecast(&months, (9_000_000, 0), Cents(2_000_000), day(2027, 6, 30), today).unwrap();
        // 1,000,000 left at 100,000 a day: 10 days.
        assert_eq!(forecast.budget_reached_on, Some(day(2026, 12, 25)));
        let Message::Id { id, args } = forecast.describe(Cents(2_000_000), day(2027, 6, 30), today) else {
            panic!("not a catalog message")
        };
        assert_eq!(id, "notice-then");
        assert_eq!(
            args[1].1,
            Arg::Phrase(Box::new(Message::new("forecast-budget-reached").date("date", day(2026, 12, 25))))
        );
    }

    #[test]
    fn no_money_draws_nothing_and_a_past_deadline_forecasts_nothing() {
        assert_eq!(forecast(&[], (0, 0), Cents(1), day(2027, 1, 1), day(2026, 1, 1)), None);
        let months = [month(2025, 1, 500, 100)];
        let forecast = forecast(&months, (0, 0), Cents(1_000), day(2025, 6, 30), day(2026, 1, 10)).unwrap();
        assert!(forecast.months.iter().all(|m| !m.forecast));
        assert_eq!(forecast.months.len(), 13);
        assert_eq!(
            forecast.describe(Cents(1_000), day(2025, 6, 30), day(2026, 1, 10)),
            Message::then(
                Message::new("forecast-so-far")
                    .money("committed", Cents(500))
                    .percent("share", 500, 1_000)
                    .money("budget", Cents(1_000))
                    .money("paid", Cents(100)),
                Message::new("forecast-passed").date("deadline", day(2025, 6, 30))
            )
        );
    }

    #[test]
    fn money_on_an_axis_is_short() {
        assert_eq!(compact_money(65_000_000_000), "$650M");
        assert_eq!(compact_money(120_000_000), "$1.2M");
        assert_eq!(compact_money(4_500_000), "$45k");
        assert_eq!(compact_money(90_000), "$900");
        assert_eq!(compact_money(250_000_000_000), "$2.5B");
    }
}
