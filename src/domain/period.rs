//! The dashboard's period: whole months, from one to another (either open), because the
//! reporting counters are kept by month. A fiscal year is a calendar year here.

use chrono::{Datelike, Months, NaiveDate};

use super::message::Message;

/// From the first day of `from` to the last day of `to`; `None` is open-ended.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Period {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// The first day of the month `text` names: `2026-03`, or a date in it (`2026-03-15`).
fn month_of(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let day = NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%Y-%m-%d"))
        .ok()?;
    (1900..=9998).contains(&day.year()).then(|| day.with_day(1)).flatten()
}

impl Period {
    /// Reads the period's months; the error names the field and says what is wrong.
    pub fn parse(from: Option<&str>, to: Option<&str>) -> Result<Period, (&'static str, String)> {
        let read = |field: &'static str, text: Option<&str>| match text.map(str::trim).filter(|t| !t.is_empty()) {
            None => Ok(None),
            Some(text) => month_of(text)
                .map(Some)
                .ok_or((field, "Enter a month as year and month, for example 2026-03.".to_owned())),
        };
        let period = Period { from: read("from", from)?, to: read("to", to)? };
        if let (Some(from), Some(to)) = (period.from, period.to) {
            if to < from {
                return Err(("to", "The last month must be the first month or after it.".to_owned()));
            }
        }
        Ok(period)
    }

    /// The calendar year `year` (the fiscal year).
    pub fn year(year: i32) -> Period {
        Period { from: NaiveDate::from_ymd_opt(year, 1, 1), to: NaiveDate::from_ymd_opt(year, 12, 1) }
    }

    /// The first day counted.
    pub fn first_day(&self) -> Option<NaiveDate> {
        self.from
    }

    /// The last day counted: the last day of the last month.
    pub fn last_day(&self) -> Option<NaiveDate> {
        self.to.and_then(|to| to.checked_add_months(Months::new(1))).and_then(|next| next.pred_opt())
    }

    /// `YYYY-MM` of the first and last month, as the counters key them.
    pub fn from_month(&self) -> Option<String> {
        self.from.map(|d| d.format("%Y-%m").to_string())
    }

    pub fn to_month(&self) -> Option<String> {
        self.to.map(|d| d.format("%Y-%m").to_string())
    }

    /// Whether no month bounds it.
    pub fn is_all_time(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    /// What the period covers, for the reader's language to word: "January 2026 to
    /// December 2026", "from March 2026", "until June 2026", "March 2026", "all time".
    pub fn describe(&self) -> Message {
        match (self.from, self.to) {
            (None, None) => Message::new("period-all-time"),
            (Some(from), None) => Message::new("period-from").month("from", from),
            (None, Some(to)) => Message::new("period-until").month("to", to),
            (Some(from), Some(to)) if from == to => Message::new("period-one-month").month("month", from),
            (Some(from), Some(to)) => Message::new("period-between").month("from", from).month("to", to),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn months_are_read_from_a_month_or_a_date_in_it() {
        let period = Period::parse(Some("2026-03"), Some("2026-06-15")).unwrap();
        assert_eq!(period.first_day(), Some(day(2026, 3, 1)));
        assert_eq!(period.last_day(), Some(day(2026, 6, 30)));
        assert_eq!(period.from_month().as_deref(), Some("2026-03"));
        assert_eq!(
            period.describe(),
            Message::new("period-between").month("from", day(2026, 3, 1)).month("to", day(2026, 6, 1))
        );
        assert_eq!(Period::parse(None, Some(" ")).unwrap(), Period::default());
        assert!(Period::parse(None, None).unwrap().is_all_time());
    }

    #[test]
    fn a_wrong_month_or_a_reversed_period_names_its_field() {
        assert_eq!(Period::parse(Some("March"), None).unwrap_err().0, "from");
        assert_eq!(Period::parse(Some("2026-13"), None).unwrap_err().0, "from");
        assert_eq!(Period::parse(Some("2026-05"), Some("2026-04")).unwrap_err().0, "to");
        assert_eq!(Period::parse(None, Some("99999-01")).unwrap_err().0, "to");
    }

    #[test]
    fn a_year_is_its_twelve_months() {
        let year = Period::year(2026);
        assert_eq!((year.first_day(), year.last_day()), (Some(day(2026, 1, 1)), Some(day(2026, 12, 31))));
        assert_eq!(
            year.describe(),
            Message::new("period-between").month("from", day(2026, 1, 1)).month("to", day(2026, 12, 1))
        );
        assert_eq!(Period::default().describe(), Message::new("period-all-time"));
        let march = Period { from: Some(day(2026, 3, 1)), to: Some(day(2026, 3, 1)) };
        assert_eq!(march.describe(), Message::new("period-one-month").month("month", day(2026, 3, 1)));
    }
}
