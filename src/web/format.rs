//! Dates, times and money as pages show them, in the language of the request being
//! answered (`language::words`): one place that every page's dates and amounts go
//! through, so that no view writes them by hand.

use chrono::{NaiveDate, NaiveDateTime};

use super::language::{words, zone};
use crate::domain::Cents;

/// A calendar date in words: `15 January 2027`, `15 de enero de 2027`.
pub fn long_date(date: NaiveDate) -> String {
    words().date(date)
}

/// An instant on the reader's clock: `26 November 2026 at 06:05 PST`.
pub fn long_time(at: NaiveDateTime) -> String {
    words().time(at, zone())
}

/// An amount with its currency: `$1,234.50`, `US$1,234.50`.
pub fn money(amount: Cents) -> String {
    words().money(amount)
}

/// A whole number, grouped: `12,345`.
pub fn number(n: i64) -> String {
    words().number(n)
}
