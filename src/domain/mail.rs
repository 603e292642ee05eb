//! The rules of e-mail: when a waiting approval earns a reminder, how long a failed
//! message waits before it is tried again, when the daily digest is cut, and what a
//! subject line says. Pure functions; sending lives in the `mail` module.

use std::time::Duration;

use chrono::{Datelike, NaiveDate, NaiveDateTime, TimeDelta, Weekday};

use super::time_zone::{instant_of, local_date, Tz};

/// Attempts at sending one message before it is given up.
pub const MAX_ATTEMPTS: i32 = 8;

/// An unsent message older than this is given up: news of a week ago is not worth
/// sending when the mail server comes back (or when e-mail is turned on later).
pub const MAX_AGE: TimeDelta = TimeDelta::days(7);

/// The longest a subject line gets (RFC 5322 recommends lines of at most 78 characters).
const SUBJECT_CHARACTERS: usize = 78;

/// Working days (Monday to Friday) from `since` to `now`: the days after `since`'s day up
/// to and including `now`'s. Something that arrived on a Friday has waited one working
/// day on Monday, three on Wednesday. Public holidays are not known and count as
/// working days.
pub fn working_days_between(since: NaiveDate, now: NaiveDate) -> i64 {
    if now <= since {
        return 0;
    }
    let days = (now - since).num_days();
    let full_weeks = days / 7;
    let mut count = full_weeks * 5;
    let mut day = since + TimeDelta::days(full_weeks * 7);
    while day < now {
        day += TimeDelta::days(1);
        if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            count += 1;
        }
    }
    count
}

/// Who is reminded of an approval that waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReminderLevel {
    /// The person whose decision it waits for.
    Approver,
    /// That person's own manager, after the second limit.
    ApproversManager,
}

impl ReminderLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            ReminderLevel::Approver => "approver",
            ReminderLevel::ApproversManager => "escalation",
        }
    }
}

/// The limits of the reminders, in working days (0 turns a level off).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReminderPolicy {
    pub remind_after: u32,
    pub escalate_after: u32,
}

impl ReminderPolicy {
    /// The reminders due for something that has waited `waited` working days. Both are
    /// due once the second limit has passed (the first may not have gone out yet, when
    /// no server ran in between); each is written once per waiting period.
    pub fn due(self, waited: i64) -> Vec<ReminderLevel> {
        let reached = |limit: u32| limit > 0 && waited >= i64::from(limit);
        let mut levels = Vec::new();
        if reached(self.remind_after) {
            levels.push(ReminderLevel::Approver);
        }
        if reached(self.escalate_after) {
            levels.push(ReminderLevel::ApproversManager);
        }
        levels
    }

    /// The earliest time something can have arrived to be due now: a working day is at
    /// least a calendar day, so nothing that arrived later can be due (lets the database
    /// skip the rest).
    pub fn arrived_before(self, now: NaiveDateTime) -> Option<NaiveDateTime> {
        let first = [self.remind_after, self.escalate_after].into_iter().filter(|&l| l > 0).min()?;
        // Each recipient counts days on their own clock: whatever its zone, something that
        // has waited less than `first - 1` whole days spans at most `first - 1` of its
        // dates (a change of the clocks moves them by an hour, which this bound leaves out).
        Some(now - TimeDelta::days(i64::from(first) - 1))
    }
}

/// How long a message waits after its `attempts`-th failure: 1×, 2×, 4×, … `base`, at
/// most an hour.
pub fn retry_delay(base: Duration, attempts: i32) -> Duration {
    let doublings = u32::try_from(attempts.saturating_sub(1)).unwrap_or(0).min(16);
    base.saturating_mul(1 << doublings).min(Duration::from_secs(3600))
}

/// When the daily digest of a recipient in `zone` is cut on the day `now` (UTC) falls on
/// there: at `hour` o'clock on their clocks, returned in UTC, once that time has come.
/// Items that arrived before the cut go in that day's digest; the rest wait for the next.
pub fn digest_cut(now: NaiveDateTime, hour: u32, zone: Tz) -> Option<NaiveDateTime> {
    let local_day = local_date(zone, now);
    let cut = instant_of(zone, local_day.and_hms_opt(hour.min(23), 0, 0)?);
    (now >= cut).then_some(cut)
}

/// The subject line of a message saying `text`: "Upskill: " and the text, cut at a word
/// boundary with an ellipsis when it would be longer than a subject should be.
pub fn subject_line(text: &str) -> String {
    let text: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let prefix = "Upskill: ";
    let room = SUBJECT_CHARACTERS - prefix.len();
    if text.chars().count() <= room {
        return format!("{prefix}{text}");
    }
    let cut: String = text.chars().take(room - 1).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > room / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{prefix}{}…", cut.trim_end_matches([',', '.', ';', ':']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    #[test]
    fn working_days_skip_weekends() {
        // 2026-11-27 is a Friday.
        let friday = day("2026-11-27");
        assert_eq!(working_days_between(friday, friday), 0);
        assert_eq!(working_days_between(friday, day("2026-11-28")), 0, "Saturday");
        assert_eq!(working_days_between(friday, day("2026-11-29")), 0, "Sunday");
        assert_eq!(working_days_between(friday, day("2026-11-30")), 1, "Monday");
        assert_eq!(working_days_between(friday, day("2026-12-02")), 3, "Wednesday");
        assert_eq!(working_days_between(friday, day("2026-12-04")), 5, "the next Friday");
        assert_eq!(working_days_between(friday, day("2026-12-31")), 24);
        // From a Saturday: Monday is the first working day.
        assert_eq!(working_days_between(day("2026-11-28"), day("2026-11-30")), 1);
        assert_eq!(working_days_between(day("2026-12-02"), friday), 0, "time going backwards");
    }

    #[test]
    fn working_days_agree_with_counting_one_by_one() {
        let start = day("2026-01-01");
        for offset in 0..60 {
            let since = start + TimeDelta::days(offset);
            for length in 0..40 {
                let now = since + TimeDelta::days(length);
                let slow = (1..=length)
                    .map(|d| since + TimeDelta::days(d))
                    .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
                    .count() as i64;
                assert_eq!(working_days_between(since, now), slow, "{since} → {now}");
            }
        }
    }

    #[test]
    fn reminders_are_due_at_their_limits() {
        let policy = ReminderPolicy { remind_after: 3, escalate_after: 5 };
        assert!(policy.due(2).is_empty());
        assert_eq!(policy.due(3), vec![ReminderLevel::Approver]);
        assert_eq!(policy.due(4), vec![ReminderLevel::Approver]);
        assert_eq!(policy.due(5), vec![ReminderLevel::Approver, ReminderLevel::ApproversManager]);
        let no_escalation = ReminderPolicy { remind_after: 2, escalate_after: 0 };
        assert_eq!(no_escalation.due(100), vec![ReminderLevel::Approver]);
        let off = ReminderPolicy { remind_after: 0, escalate_after: 0 };
        assert!(off.due(100).is_empty());
        assert_eq!(off.arrived_before(at("2026-11-26 10:00")), None);
    }

    #[test]
    fn nothing_due_arrived_after_the_calendar_bound() {
        let policy = ReminderPolicy { remind_after: 3, escalate_after: 5 };
        let now = at("2026-11-26 10:00");
        let bound = policy.arrived_before(now).unwrap();
        assert_eq!(bound, at("2026-11-24 10:00"));
        // Anything later spans fewer than three dates on any clock, so fewer working days.
        let far_east = Tz::Pacific__Kiritimati;
        let since = local_date(far_east, at("2026-11-24 10:01"));
        assert!(working_days_between(since, local_date(far_east, now)) < 3);
        let far_west = Tz::Pacific__Pago_Pago;
        let since = local_date(far_west, at("2026-11-24 10:01"));
        assert!(working_days_between(since, local_date(far_west, now)) < 3);
    }

    #[test]
    fn retries_back_off_to_an_hour() {
        let base = Duration::from_secs(30);
        assert_eq!(retry_delay(base, 1), Duration::from_secs(30));
        assert_eq!(retry_delay(base, 2), Duration::from_secs(60));
        assert_eq!(retry_delay(base, 4), Duration::from_secs(240));
        assert_eq!(retry_delay(base, 8), Duration::from_secs(3600));
        assert_eq!(retry_delay(base, i32::MAX), Duration::from_secs(3600));
        assert_eq!(retry_delay(base, 0), Duration::from_secs(30));
    }

    #[test]
    fn the_digest_is_cut_once_its_hour_has_come() {
        assert_eq!(digest_cut(at("2026-11-26 06:59"), 7, Tz::UTC), None);
        assert_eq!(digest_cut(at("2026-11-26 07:00"), 7, Tz::UTC), Some(at("2026-11-26 07:00")));
        assert_eq!(digest_cut(at("2026-11-26 23:30"), 7, Tz::UTC), Some(at("2026-11-26 07:00")));
        assert_eq!(digest_cut(at("2026-11-26 23:30"), 99, Tz::UTC), Some(at("2026-11-26 23:00")));
        // 07:00 in Los Angeles is 15:00 UTC in winter and 14:00 UTC in summer: the cut
        // moves with the clocks there, on the day they change too.
        let la = Tz::America__Los_Angeles;
        assert_eq!(digest_cut(at("2026-03-07 14:59"), 7, la), None);
        assert_eq!(digest_cut(at("2026-03-07 15:00"), 7, la), Some(at("2026-03-07 15:00")));
        assert_eq!(digest_cut(at("2026-03-08 13:59"), 7, la), None);
        assert_eq!(digest_cut(at("2026-03-08 14:00"), 7, la), Some(at("2026-03-08 14:00")));
        assert_eq!(digest_cut(at("2026-11-01 14:30"), 7, la), None);
        assert_eq!(digest_cut(at("2026-11-01 15:00"), 7, la), Some(at("2026-11-01 15:00")));
        // 05:00 UTC is still yesterday evening there: yesterday's cut.
        assert_eq!(digest_cut(at("2026-11-26 05:00"), 7, la), Some(at("2026-11-25 15:00")));
        // Half past two on the night the clocks go forward does not exist: the cut is when
        // the clocks show 03:00.
        assert_eq!(digest_cut(at("2026-03-08 10:00"), 2, la), Some(at("2026-03-08 10:00")));
    }

    #[test]
    fn subjects_are_short_and_cut_at_words() {
        assert_eq!(subject_line("Ada applied to\nCareer Choice."), "Upskill: Ada applied to Career Choice.");
        let long =
            "Grace Hopper approved your application to Machine Learning University; it waits for the program team.";
        let subject = subject_line(long);
        assert!(subject.chars().count() <= 78, "{subject}");
        assert!(subject.ends_with("Machine Learning…"), "a word is not cut: {subject}");
        let one_word = "x".repeat(200);
        assert_eq!(subject_line(&one_word).chars().count(), 78);
    }
}
