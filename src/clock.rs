//! The one place Upskill reads the time. Timestamps are UTC and stored to the
//! microsecond (the precision both backends keep); dates are UTC days.

use chrono::{DurationRound, NaiveDate, NaiveDateTime, TimeDelta, Utc};

/// The current time as stored in every timestamp column (UTC, microseconds).
pub fn now() -> NaiveDateTime {
    let now = Utc::now().naive_utc();
    now.duration_trunc(TimeDelta::microseconds(1)).unwrap_or(now)
}

/// Today's date, in UTC, as the eligibility rules and the forms see it.
pub fn today() -> NaiveDate {
    Utc::now().date_naive()
}
