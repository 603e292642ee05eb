//! The rules of a waitlist that its program team controls: when an offered seat lapses,
//! and the times that put an application at a chosen place in line.
//!
//! A waitlist is in the order of `waitlisted_at` (then the application's id); a freed
//! seat goes to, or is offered to, the first in that order.

use chrono::{Datelike, NaiveDate, NaiveDateTime, TimeDelta, Weekday};

use super::message::Message;

/// The last day to answer an offer made at `offered_at` with `working_days` to answer:
/// that many working days (Monday to Friday) after the offer's day. An offer made on a
/// Friday with 3 days runs to the end of Wednesday.
pub fn last_day_to_answer(offered_at: NaiveDateTime, working_days: i32) -> NaiveDate {
    let mut day = offered_at.date();
    let mut left = working_days.max(1);
    while left > 0 {
        day += TimeDelta::days(1);
        if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    day
}

/// The moment an offer lapses: the end of its last day to answer (midnight after it).
pub fn offer_expires_at(offered_at: NaiveDateTime, working_days: i32) -> NaiveDateTime {
    (last_day_to_answer(offered_at, working_days) + TimeDelta::days(1)).and_time(chrono::NaiveTime::MIN)
}

/// The last day to answer an offer that lapses at `expires_at`.
pub fn answer_by(expires_at: NaiveDateTime) -> NaiveDate {
    (expires_at - TimeDelta::microseconds(1)).date()
}

/// The longest reason the program team gives for moving someone.
pub const MAX_REASON_CHARS: usize = 500;

/// The reason given for moving someone in line or to another intake, as kept; or the
/// refusal for its field. Their timeline, their notice and the audit log show it.
pub fn parse_reason(text: &str) -> Result<String, Message> {
    let reason = super::text::form_text(text, "term-reason")?;
    match reason.chars().count() {
        0..=2 => Err(Message::new("waitlist-reason-too-short")),
        n if n > MAX_REASON_CHARS => {
            Err(Message::new("waitlist-reason-too-long").number("max", MAX_REASON_CHARS).number("count", n))
        }
        _ => Ok(reason),
    }
}

/// The smallest step between two places in line.
const STEP: TimeDelta = TimeDelta::microseconds(1);

/// The `waitlisted_at` times to write so that `moved` stands at `position` (1 for the
/// first) of a waitlist whose other applications are `line`, in order, each with its
/// `waitlisted_at`. The moved application takes a time between its new neighbours; when
/// they are a microsecond apart or less, those behind it move back a microsecond each as
/// far as needed to keep the order strict. A position past the end puts it last.
pub fn place_in_line(moved: i32, line: &[(i32, NaiveDateTime)], position: usize) -> Vec<(i32, NaiveDateTime)> {
    let index = position.saturating_sub(1).min(line.len());
    let (Some(first), Some(last)) = (line.first(), line.last()) else {
        return Vec::new();
    };
    if index == 0 {
        return vec![(moved, first.1 - STEP)];
    }
    if index == line.len() {
        return vec![(moved, last.1 + STEP)];
    }
    let (before, after) = (line[index - 1].1, line[index].1);
    if after - before > STEP {
        let half = TimeDelta::microseconds((after - before).num_microseconds().unwrap_or(2) / 2);
        return vec![(moved, before + half)];
    }
    let mut writes = vec![(moved, before + STEP)];
    let mut previous = before + STEP;
    for &(id, at) in &line[index..] {
        if at > previous {
            break;
        }
        previous += STEP;
        writes.push((id, previous));
    }
    writes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f").unwrap()
    }

    /// The ids in the order their times give, after `writes`.
    fn order_after(line: &[(i32, NaiveDateTime)], moved: i32, writes: &[(i32, NaiveDateTime)]) -> Vec<i32> {
        let mut all: Vec<(i32, NaiveDateTime)> = line.to_vec();
        all.push((moved, at("2000-01-01 00:00:00.0")));
        for (id, time) in writes {
            all.iter_mut().find(|(other, _)| other == id).unwrap().1 = *time;
        }
        all.sort_by_key(|&(id, time)| (time, id));
        let times: Vec<NaiveDateTime> = all.iter().map(|(_, time)| *time).collect();
        assert!(times.windows(2).all(|pair| pair[0] < pair[1]), "strictly ordered: {all:?}");
        all.into_iter().map(|(id, _)| id).collect()
    }

    #[test]
    fn a_reason_is_a_few_words_of_text() {
        assert_eq!(parse_reason("  Seniority agreed with HR \r\n").unwrap(), "Seniority agreed with HR");
        for bad in ["", "  ", "ok"] {
            assert_eq!(parse_reason(bad), Err(Message::new("waitlist-reason-too-short")), "{bad:?}");
        }
        let nul = crate::domain::text::TextProblem::Nul.said("term-reason");
        assert_eq!(parse_reason("bad\u{0}text"), Err(nul));
        assert_eq!(
            parse_reason(&"x".repeat(501)),
            Err(Message::new("waitlist-reason-too-long").number("max", MAX_REASON_CHARS).number("count", 501))
        );
    }

    #[test]
    fn an_offer_runs_for_working_days_after_the_day_it_is_made() {
        // Friday 4 December 2026 with 3 working days: Monday, Tuesday, Wednesday 9th.
        let friday = at("2026-12-04 15:30:00.0");
        assert_eq!(last_day_to_answer(friday, 3), NaiveDate::from_ymd_opt(2026, 12, 9).unwrap());
        assert_eq!(offer_expires_at(friday, 3), at("2026-12-10 00:00:00.0"));
        assert_eq!(answer_by(offer_expires_at(friday, 3)), NaiveDate::from_ymd_opt(2026, 12, 9).unwrap());
        // Monday with 1: Tuesday. Saturday with 1: Monday.
        assert_eq!(last_day_to_answer(at("2026-12-07 09:00:00.0"), 1), NaiveDate::from_ymd_opt(2026, 12, 8).unwrap());
        assert_eq!(last_day_to_answer(at("2026-12-05 09:00:00.0"), 1), NaiveDate::from_ymd_opt(2026, 12, 7).unwrap());
        assert_eq!(last_day_to_answer(friday, 10), NaiveDate::from_ymd_opt(2026, 12, 18).unwrap());
    }

    #[test]
    fn a_moved_application_lands_where_it_was_put_and_nobody_else_changes_order() {
        let line: Vec<(i32, NaiveDateTime)> =
            (1..=4).map(|id| (id, at(&format!("2026-12-0{id} 10:00:00.0")))).collect();
        for position in 1..=6 {
            let writes = place_in_line(9, &line, position);
            let order = order_after(&line, 9, &writes);
            let expected_index = (position - 1).min(4);
            assert_eq!(order.iter().position(|&id| id == 9), Some(expected_index), "position {position}");
            let others: Vec<i32> = order.into_iter().filter(|&id| id != 9).collect();
            assert_eq!(others, [1, 2, 3, 4]);
            assert_eq!(writes.len(), 1, "room enough between neighbours: only the moved one is written");
        }
        assert!(place_in_line(9, &[], 1).is_empty(), "alone in line: nothing to change");
    }

    #[test]
    fn neighbours_a_microsecond_apart_make_room_behind() {
        // A drawn waitlist: a microsecond apart, and two at the very same time.
        let base = at("2026-12-01 10:00:00.0");
        let line = vec![
            (1, base),
            (2, base + STEP),
            (3, base + STEP * 2),
            (4, base + STEP * 2),
            (5, base + TimeDelta::seconds(5)),
        ];
        let writes = place_in_line(9, &line, 2);
        assert_eq!(order_after(&line, 9, &writes), [1, 9, 2, 3, 4, 5]);
        assert_eq!(writes.len(), 4, "the moved one and the three close behind it; the fifth has room");
        let writes = place_in_line(9, &line, 4);
        assert_eq!(order_after(&line, 9, &writes), [1, 2, 3, 9, 4, 5]);
    }
}
