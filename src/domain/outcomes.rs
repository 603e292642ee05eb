//! What a verified completion led to, read from the participant's job history: the roles
//! a program leads to, and where the participant stands 6, 12 and 24 months after
//! completing. Pure functions of the history rows, the program's target roles and today.
//!
//! The rules, in words (the dashboard and the README say the same):
//! - The participant's role before completing is the history row in effect the day before
//!   the completion date (their first row when history starts later). A role is a job
//!   family and a job title; a new manager or site alone is not a new role.
//! - At a horizon (the completion date plus 6, 12 or 24 months) the row in effect that
//!   day decides: not working here → left the company (voluntary, or for another or no
//!   given reason); in another role than before → moved, into a target role when the new
//!   role is one the program leads to, else into another role; otherwise same role. A
//!   departure followed by a rehire before the horizon is read by where the person is at
//!   the horizon. A change dated on the completion day counts as after it.
//! - A horizon still in the future is *pending*; the row is looked at again that day.

use chrono::{Months, NaiveDate};

use super::{JobFamily, LeavingReason, Outcome, SiteType, TenureBand};

/// The horizons, in months after the completion date.
pub const HORIZONS: [u32; 3] = [6, 12, 24];

/// The most title keywords a program may name, and the longest keyword.
pub const MAX_TITLE_KEYWORDS: usize = 20;
pub const MAX_TITLE_KEYWORD_CHARS: usize = 60;

/// The roles a program leads to: job families (none: any family) and job-title keywords
/// (none: any title). With neither, any new role is a target role (Career Choice: any
/// next step counts).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TargetRoles {
    pub job_families: Vec<JobFamily>,
    /// Lower-case keywords; a title matches when it contains any of them.
    pub title_keywords: Vec<String>,
}

impl TargetRoles {
    /// Whether a role (job family and title) is one the program leads to.
    pub fn includes(&self, job_family: JobFamily, job_title: &str) -> bool {
        let family_fits = self.job_families.is_empty() || self.job_families.contains(&job_family);
        let title = job_title.to_lowercase();
        let title_fits =
            self.title_keywords.is_empty() || self.title_keywords.iter().any(|k| title.contains(k.as_str()));
        family_fits && title_fits
    }

    /// The keywords as stored and shown in the form: comma-separated.
    pub fn keywords_text(&self) -> String {
        self.title_keywords.join(", ")
    }

    /// Reads the stored keywords (comma-separated; blanks dropped, lower-cased).
    pub fn parse_keywords(text: &str) -> Vec<String> {
        let mut keywords: Vec<String> = Vec::new();
        for keyword in text.split(',').map(|k| k.trim().to_lowercase()).filter(|k| !k.is_empty()) {
            if !keywords.contains(&keyword) {
                keywords.push(keyword);
            }
        }
        keywords
    }

    /// "Technical roles whose title mentions software or developer", "Any new role".
    pub fn describe(&self) -> String {
        let families = if self.job_families.is_empty() {
            "Any new role".to_owned()
        } else {
            let names: Vec<&str> = self.job_families.iter().map(|f| f.label()).collect();
            format!("{} roles", super::words::and_list(&names))
        };
        if self.title_keywords.is_empty() {
            families
        } else {
            let keywords: Vec<&str> = self.title_keywords.iter().map(String::as_str).collect();
            format!("{families} whose title mentions {}", super::words::or_list(&keywords))
        }
    }
}

/// One row of a person's job history, as outcomes read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryPoint {
    pub effective_on: NaiveDate,
    pub job_title: String,
    pub job_family: JobFamily,
    /// Where the person worked (the comparison group is matched on it; not part of a role).
    pub site_type: SiteType,
    pub active: bool,
    pub leaving_reason: Option<LeavingReason>,
}

impl HistoryPoint {
    /// Whether two rows hold the same role: job family and title (a new manager or site
    /// alone is not a new role).
    pub fn same_role(&self, other: &HistoryPoint) -> bool {
        self.job_family == other.job_family && self.job_title.trim().eq_ignore_ascii_case(other.job_title.trim())
    }
}

/// The row in effect on `day`: the last one effective on or before it. `history` is in
/// the order it was written (by effective date, then id).
pub fn in_effect(history: &[HistoryPoint], day: NaiveDate) -> Option<&HistoryPoint> {
    history.iter().rev().find(|row| row.effective_on <= day)
}

/// The role before completing: the row in effect the day before, else the first row.
fn before_completion(history: &[HistoryPoint], completed_on: NaiveDate) -> Option<&HistoryPoint> {
    history.iter().rev().find(|row| row.effective_on < completed_on).or_else(|| history.first())
}

/// The day `months` months after `day` (the month's last day when it has no such day).
pub fn months_after(day: NaiveDate, months: u32) -> NaiveDate {
    day.checked_add_months(Months::new(months)).unwrap_or(day)
}

/// Where a participant stands `months` after `completed_on`, as of `today`.
pub fn outcome_at(
    history: &[HistoryPoint],
    completed_on: NaiveDate,
    months: u32,
    targets: &TargetRoles,
    today: NaiveDate,
) -> Outcome {
    let horizon = months_after(completed_on, months);
    if horizon > today {
        return Outcome::Pending;
    }
    outcome_on(history, completed_on, horizon, targets)
}

/// Whole months from `from` to `to` (0 when `to` comes within a month; none before `from`).
pub fn whole_months_between(from: NaiveDate, to: NaiveDate) -> u32 {
    let mut months = 0;
    while months < 1200 && months_after(from, months + 1) <= to {
        months += 1;
    }
    months
}

/// Where a participant who completed on `completed_on` stands on `day` (on or after it).
pub fn outcome_on(history: &[HistoryPoint], completed_on: NaiveDate, day: NaiveDate, targets: &TargetRoles) -> Outcome {
    let (Some(before), Some(then)) = (before_completion(history, completed_on), in_effect(history, day)) else {
        // No history at all: nothing is known to have changed.
        return Outcome::SameRole;
    };
    if !then.active {
        return match then.leaving_reason {
            Some(LeavingReason::Voluntary) => Outcome::LeftVoluntary,
            _ => Outcome::LeftOther,
        };
    }
    if then.same_role(before) {
        Outcome::SameRole
    } else if targets.includes(then.job_family, &then.job_title) {
        Outcome::MovedTarget
    } else {
        Outcome::MovedOther
    }
}

/// The first day on or after the completion (and not after today) the participant worked
/// in another role than before it.
pub fn first_move_on(history: &[HistoryPoint], completed_on: NaiveDate, today: NaiveDate) -> Option<NaiveDate> {
    let before = before_completion(history, completed_on)?;
    history
        .iter()
        .filter(|row| row.effective_on >= completed_on && row.effective_on <= today)
        .find(|row| row.active && !row.same_role(before))
        .map(|row| row.effective_on)
}

/// The next day a horizon of `completed_on` is reached after `today`, if one is left.
pub fn next_check_on(completed_on: NaiveDate, today: NaiveDate) -> Option<NaiveDate> {
    HORIZONS.iter().map(|months| months_after(completed_on, *months)).find(|day| *day > today)
}

impl TenureBand {
    /// The band of someone hired on `hired_on`, on `day`.
    pub fn on(hired_on: NaiveDate, day: NaiveDate) -> TenureBand {
        let years = [1, 3, 5].map(|years| months_after(hired_on, years * 12) <= day);
        match years {
            [false, _, _] => TenureBand::UnderOneYear,
            [true, false, _] => TenureBand::OneToThreeYears,
            [true, true, false] => TenureBand::ThreeToFiveYears,
            [true, true, true] => TenureBand::FiveYearsOrMore,
        }
    }
}

/// What a participant's completion led to, as `completion_outcomes` keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcomes {
    /// The job family when the program started.
    pub job_family: JobFamily,
    pub tenure_band: TenureBand,
    /// At 6, 12 and 24 months, in the order of `HORIZONS`.
    pub at: [Outcome; 3],
    /// Where the participant stands today (what the funnel's "moved" counts).
    pub to_date: Outcome,
    pub moved_on: Option<NaiveDate>,
    pub next_check_on: Option<NaiveDate>,
}

/// The facts of one completion that outcomes depend on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    pub started_on: NaiveDate,
    pub completed_on: NaiveDate,
    pub hired_on: NaiveDate,
    /// The job family on the employee's record, for a participant without history.
    pub current_job_family: JobFamily,
}

/// Everything `completion_outcomes` keeps for one completion, from the history.
pub fn outcomes(
    history: &[HistoryPoint],
    completion: &Completion,
    targets: &TargetRoles,
    today: NaiveDate,
) -> Outcomes {
    let at_start = in_effect(history, completion.started_on).or_else(|| history.first());
    Outcomes {
        job_family: at_start.map_or(completion.current_job_family, |row| row.job_family),
        tenure_band: TenureBand::on(completion.hired_on, completion.started_on),
        at: HORIZONS.map(|months| outcome_at(history, completion.completed_on, months, targets, today)),
        to_date: outcome_on(history, completion.completed_on, today.max(completion.completed_on), targets),
        moved_on: first_move_on(history, completion.completed_on, today),
        next_check_on: next_check_on(completion.completed_on, today),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn row(on: NaiveDate, title: &str, family: JobFamily) -> HistoryPoint {
        HistoryPoint {
            effective_on: on,
            job_title: title.into(),
            job_family: family,
            site_type: SiteType::FulfillmentCenter,
            active: true,
            leaving_reason: None,
        }
    }

    fn left(on: NaiveDate, reason: Option<LeavingReason>) -> HistoryPoint {
        HistoryPoint { active: false, leaving_reason: reason, ..row(on, "Associate", JobFamily::Fulfillment) }
    }

    fn technical() -> TargetRoles {
        TargetRoles { job_families: vec![JobFamily::Technical], title_keywords: vec![] }
    }

    const DONE: (i32, u32, u32) = (2025, 1, 15);

    fn done() -> NaiveDate {
        day(DONE.0, DONE.1, DONE.2)
    }

    fn associate() -> HistoryPoint {
        row(day(2020, 3, 1), "Associate", JobFamily::Fulfillment)
    }

    #[test]
    fn a_move_into_a_target_family_is_a_target_move_and_is_seen_from_its_day_on() {
        let history = vec![associate(), row(day(2025, 9, 1), "Software Developer", JobFamily::Technical)];
        let today = day(2027, 6, 1);
        assert_eq!(outcome_at(&history, done(), 6, &technical(), today), Outcome::SameRole);
        assert_eq!(outcome_at(&history, done(), 12, &technical(), today), Outcome::MovedTarget);
        assert_eq!(outcome_at(&history, done(), 24, &technical(), today), Outcome::MovedTarget);
        assert_eq!(first_move_on(&history, done(), today), Some(day(2025, 9, 1)));
    }

    #[test]
    fn a_move_outside_the_targets_is_another_role() {
        let history = vec![associate(), row(day(2025, 2, 1), "Area Manager", JobFamily::Operations)];
        assert_eq!(outcome_at(&history, done(), 6, &technical(), day(2026, 1, 1)), Outcome::MovedOther);
    }

    #[test]
    fn a_move_on_the_completion_day_counts_and_one_the_day_before_does_not() {
        let on_the_day = vec![associate(), row(done(), "Data Technician", JobFamily::Technical)];
        assert_eq!(outcome_at(&on_the_day, done(), 6, &technical(), day(2026, 1, 1)), Outcome::MovedTarget);
        assert_eq!(first_move_on(&on_the_day, done(), day(2026, 1, 1)), Some(done()));
        let the_day_before = vec![associate(), row(day(2025, 1, 14), "Data Technician", JobFamily::Technical)];
        assert_eq!(outcome_at(&the_day_before, done(), 6, &technical(), day(2026, 1, 1)), Outcome::SameRole);
        assert_eq!(first_move_on(&the_day_before, done(), day(2026, 1, 1)), None);
    }

    #[test]
    fn a_new_manager_or_site_alone_is_the_same_role() {
        // A manager or site change writes a row with the same family and title.
        let history = vec![associate(), row(day(2025, 3, 1), "associate ", JobFamily::Fulfillment)];
        assert_eq!(outcome_at(&history, done(), 6, &technical(), day(2026, 1, 1)), Outcome::SameRole);
        assert_eq!(first_move_on(&history, done(), day(2026, 1, 1)), None);
    }

    #[test]
    fn a_departure_says_its_reason_and_a_rehire_is_read_at_the_horizon() {
        let voluntary = vec![associate(), left(day(2025, 4, 1), Some(LeavingReason::Voluntary))];
        assert_eq!(outcome_at(&voluntary, done(), 6, &technical(), day(2026, 1, 1)), Outcome::LeftVoluntary);
        let unknown = vec![associate(), left(day(2025, 4, 1), None)];
        assert_eq!(outcome_at(&unknown, done(), 6, &technical(), day(2026, 1, 1)), Outcome::LeftOther);
        let mut rehired = voluntary.clone();
        rehired.push(row(day(2025, 10, 1), "Data Technician", JobFamily::Technical));
        let today = day(2027, 6, 1);
        assert_eq!(outcome_at(&rehired, done(), 6, &technical(), today), Outcome::LeftVoluntary);
        assert_eq!(outcome_at(&rehired, done(), 12, &technical(), today), Outcome::MovedTarget);
    }

    #[test]
    fn a_horizon_still_to_come_is_pending_until_its_day() {
        let history = vec![associate()];
        assert_eq!(outcome_at(&history, done(), 6, &technical(), day(2025, 7, 14)), Outcome::Pending);
        assert_eq!(outcome_at(&history, done(), 6, &technical(), day(2025, 7, 15)), Outcome::SameRole);
        assert_eq!(next_check_on(done(), day(2025, 7, 14)), Some(day(2025, 7, 15)));
        assert_eq!(next_check_on(done(), day(2025, 7, 15)), Some(day(2026, 1, 15)));
        assert_eq!(next_check_on(done(), day(2027, 1, 15)), None);
    }

    #[test]
    fn title_keywords_narrow_the_target_families() {
        let ml = TargetRoles {
            job_families: vec![JobFamily::Technical],
            title_keywords: TargetRoles::parse_keywords(" Machine Learning, ML ,, data scientist"),
        };
        assert_eq!(ml.title_keywords, ["machine learning", "ml", "data scientist"]);
        assert!(ml.includes(JobFamily::Technical, "Machine Learning Engineer"));
        assert!(!ml.includes(JobFamily::Technical, "Support Engineer"));
        assert!(!ml.includes(JobFamily::Corporate, "Data Scientist"));
        assert!(TargetRoles::default().includes(JobFamily::Retail, "Anything"));
        assert_eq!(TargetRoles::default().describe(), "Any new role");
        assert_eq!(ml.describe(), "Technical roles whose title mentions machine learning, ml or data scientist");
    }

    #[test]
    fn tenure_bands_turn_on_the_anniversary() {
        let hired = day(2020, 2, 29);
        assert_eq!(TenureBand::on(hired, day(2021, 2, 27)), TenureBand::UnderOneYear);
        assert_eq!(TenureBand::on(hired, day(2021, 2, 28)), TenureBand::OneToThreeYears);
        assert_eq!(TenureBand::on(hired, day(2023, 3, 1)), TenureBand::ThreeToFiveYears);
        assert_eq!(TenureBand::on(hired, day(2025, 3, 1)), TenureBand::FiveYearsOrMore);
    }

    #[test]
    fn the_start_decides_the_job_family_and_tenure_band() {
        let history = vec![associate(), row(day(2025, 9, 1), "Software Developer", JobFamily::Technical)];
        let completion = Completion {
            started_on: day(2024, 6, 1),
            completed_on: done(),
            hired_on: day(2020, 3, 1),
            current_job_family: JobFamily::Technical,
        };
        let found = outcomes(&history, &completion, &technical(), day(2025, 10, 1));
        assert_eq!(found.job_family, JobFamily::Fulfillment);
        assert_eq!(found.tenure_band, TenureBand::ThreeToFiveYears);
        assert_eq!(found.at, [Outcome::SameRole, Outcome::Pending, Outcome::Pending]);
        assert_eq!(found.to_date, Outcome::MovedTarget);
        assert_eq!(found.next_check_on, Some(day(2026, 1, 15)));
    }
}
