//! The dashboard's money chart: what was committed and paid against the pledge budget,
//! month by month, and the forecast to the deadline at the last 90 days' pace
//! (`domain::forecast`), as a line chart, its description in words and its table.

use chrono::{Datelike, NaiveDate};

use crate::clock::today;
use crate::domain::forecast::{compact_money, Forecast, ForecastMonth};
use crate::domain::line_chart::{line_chart, LineChart, LineInput, LineSeries};
use crate::domain::Cents;
use crate::i18n::Tr;

/// Money committed and paid against the budget, and the forecast to the deadline.
pub struct ForecastView {
    pub chart: LineChart,
    pub desc: String,
    pub legend: Vec<(&'static str, &'static str)>,
    /// Month, committed to its end, paid to its end, whether forecast.
    pub rows: Vec<(String, String, String, bool)>,
}

impl ForecastView {
    pub fn new(forecast: &Forecast, budget: Cents, deadline: NaiveDate, t: Tr) -> ForecastView {
        let months = &forecast.months;
        let titles: Vec<String> = months.iter().map(|m| t.month(m.month)).collect();
        // The years under their Januaries, and the first month's when no January is near.
        let mut labels: Vec<(usize, String)> = Vec::new();
        for (slot, month) in months.iter().enumerate() {
            let january_near = months.iter().take(3).skip(1).any(|m| m.month.month() == 1);
            if month.month.month() == 1 || (slot == 0 && !january_near) {
                labels.push((slot, month.month.format("%Y").to_string()));
            }
        }
        let last_actual = months.iter().rposition(|m| !m.forecast);
        let actual = |value: fn(&ForecastMonth) -> i64| -> Vec<Option<i64>> {
            months.iter().map(|m| (!m.forecast).then(|| value(m))).collect()
        };
        let ahead = |value: fn(&ForecastMonth) -> i64| -> Vec<Option<i64>> {
            months
                .iter()
                .enumerate()
                .map(|(slot, m)| (m.forecast || Some(slot) == last_actual).then(|| value(m)))
                .collect()
        };
        let has_forecast = months.iter().any(|m| m.forecast);
        let mut series = vec![
            LineSeries {
                class: "line-committed",
                name: t.m("dashboard-series-committed").into(),
                values: actual(|m| m.committed),
            },
            LineSeries { class: "line-paid", name: t.m("dashboard-series-paid").into(), values: actual(|m| m.paid) },
        ];
        let mut legend =
            vec![("line-committed", t.m("dashboard-line-committed")), ("line-paid", t.m("dashboard-line-paid"))];
        if has_forecast {
            series.push(LineSeries {
                class: "line-committed line-forecast",
                name: t.m("dashboard-series-committed-forecast").into(),
                values: ahead(|m| m.committed),
            });
            series.push(LineSeries {
                class: "line-paid line-forecast",
                name: t.m("dashboard-series-paid-forecast").into(),
                values: ahead(|m| m.paid),
            });
            legend.push(("line-forecast", t.m("dashboard-line-forecast")));
        }
        legend.push(("line-budget", t.m("dashboard-line-budget")));
        let money = |cents: i64| t.money(Cents(cents));
        let chart = line_chart(&LineInput {
            titles: &titles,
            labels: &labels,
            series: &series,
            reference: Some((budget.0, t.with("dashboard-budget-line", "amount", compact_money(budget.0)))),
            axis_label: &compact_money,
            value_label: &money,
        });
        ForecastView {
            chart,
            desc: t.say(&forecast.describe(budget, deadline, today())),
            legend,
            rows: months
                .iter()
                .zip(&titles)
                .map(|(m, title)| (title.clone(), money(m.committed), money(m.paid), m.forecast))
                .collect(),
        }
    }
}
