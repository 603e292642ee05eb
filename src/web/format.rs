//! Dates and times as pages show them.

use chrono::NaiveDateTime;

pub use crate::domain::words::long_date;

/// `26 November 2026 at 14:05 UTC`.
pub fn long_time(at: NaiveDateTime) -> String {
    at.format("%-d %B %Y at %H:%M UTC").to_string()
}
