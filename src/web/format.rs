//! Dates and times as pages show them.

use chrono::{NaiveDate, NaiveDateTime};

/// `3 February 2027`.
pub fn long_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// `26 November 2026 at 14:05 UTC`.
pub fn long_time(at: NaiveDateTime) -> String {
    at.format("%-d %B %Y at %H:%M UTC").to_string()
}
