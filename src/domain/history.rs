//! A person's job history: what a row of `employee_history` records (the facts outcomes
//! follow), when a change is worth a row, and how the timeline says what changed.
//!
//! Only job title, job family, site type, employment type, manager and whether the person
//! still works here are history; a new name or e-mail address is not.

use chrono::NaiveDate;

use super::words::long_date;
use super::{EmploymentType, HistorySource, JobFamily, LeavingReason, SiteType};

/// The facts of a person that history follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobState {
    pub job_title: String,
    pub job_family: JobFamily,
    pub site_type: SiteType,
    pub employment_type: EmploymentType,
    pub manager_id: Option<i32>,
    pub active: bool,
}

/// How a change that writes history came about: where from, from which day, and for a
/// departure the day and the reason when someone said them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChangeContext {
    pub source: HistorySource,
    /// The day the change takes effect (today, or an import's `effective_date`).
    pub effective_on: NaiveDate,
    /// Who made the change; `None` for the command line, SCIM and sign-in.
    pub recorded_by: Option<i32>,
    /// The day the person left, when they leave with this change and it is not
    /// `effective_on`.
    pub left_on: Option<NaiveDate>,
    /// Why the person left, when they leave with this change and a reason was given.
    pub leaving_reason: Option<LeavingReason>,
}

impl ChangeContext {
    /// A change by `source` taking effect on `effective_on`, without a leaving reason.
    pub fn new(source: HistorySource, effective_on: NaiveDate, recorded_by: Option<i32>) -> ChangeContext {
        ChangeContext { source, effective_on, recorded_by, left_on: None, leaving_reason: None }
    }
}

/// The departure a new row records: when `now` has left and `before` had not (or there
/// is no earlier row and `now` is inactive), the day they left and the reason.
pub fn departure(
    before: Option<&JobState>,
    now: &JobState,
    context: &ChangeContext,
) -> Option<(NaiveDate, Option<LeavingReason>)> {
    let was_active = before.is_none_or(|b| b.active);
    (was_active && !now.active).then_some((context.left_on.unwrap_or(context.effective_on), context.leaving_reason))
}

/// One row of the timeline, with the manager's name instead of their id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryEntry {
    pub effective_on: NaiveDate,
    pub job_title: String,
    pub job_family: JobFamily,
    pub site_type: SiteType,
    pub employment_type: EmploymentType,
    pub manager_name: Option<String>,
    pub active: bool,
    pub source: HistorySource,
    pub left_on: Option<NaiveDate>,
    pub leaving_reason: Option<LeavingReason>,
}

/// What changed from `before` to `entry`, one sentence each ("Job title: Associate →
/// Data Technician", "Left the company (voluntary) on 3 March 2026"); the first row
/// says what was recorded.
pub fn describe(before: Option<&HistoryEntry>, entry: &HistoryEntry) -> Vec<String> {
    let manager = |name: &Option<String>| name.clone().unwrap_or_else(|| "no manager".to_owned());
    let Some(before) = before else {
        let mut first = format!(
            "First record: {}, {}, {}, {}; manager: {}",
            title_shown(&entry.job_title),
            entry.job_family.label(),
            entry.site_type.label(),
            entry.employment_type.label(),
            manager(&entry.manager_name)
        );
        if !entry.active {
            first.push_str(&format!("; {}", leaving(entry)));
        }
        return vec![first];
    };
    let mut lines = Vec::new();
    let mut compare = |what: &str, old: String, new: String| {
        if old != new {
            lines.push(format!("{what}: {old} → {new}"));
        }
    };
    compare("Job title", title_shown(&before.job_title), title_shown(&entry.job_title));
    compare("Job family", before.job_family.label().to_owned(), entry.job_family.label().to_owned());
    compare("Site type", before.site_type.label().to_owned(), entry.site_type.label().to_owned());
    compare("Employment type", before.employment_type.label().to_owned(), entry.employment_type.label().to_owned());
    compare("Manager", manager(&before.manager_name), manager(&entry.manager_name));
    match (before.active, entry.active) {
        (true, false) => lines.push(leaving(entry)),
        (false, true) => lines.push(format!("Rejoined the company on {}", long_date(entry.effective_on))),
        _ => {}
    }
    if lines.is_empty() {
        // Two rows alike: a change and its undoing between them were not recorded.
        lines.push("No change to the job".to_owned());
    }
    lines
}

fn title_shown(title: &str) -> String {
    if title.is_empty() {
        "(no job title)".to_owned()
    } else {
        title.to_owned()
    }
}

/// "Left the company (voluntary) on 3 March 2026", or without the reason when none was given.
fn leaving(entry: &HistoryEntry) -> String {
    let day = long_date(entry.left_on.unwrap_or(entry.effective_on));
    match entry.leaving_reason {
        Some(reason) => format!("Left the company ({}) on {day}", reason.label()),
        None => format!("Left the company on {day}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(title: &str, active: bool) -> HistoryEntry {
        HistoryEntry {
            effective_on: NaiveDate::from_ymd_opt(2026, 3, 3).unwrap(),
            job_title: title.to_owned(),
            job_family: JobFamily::Fulfillment,
            site_type: SiteType::FulfillmentCenter,
            employment_type: EmploymentType::FullTime,
            manager_name: None,
            active,
            source: HistorySource::Import,
            left_on: None,
            leaving_reason: None,
        }
    }

    #[test]
    fn a_new_title_is_said_before_and_after() {
        let lines = describe(Some(&entry("Associate", true)), &entry("Data Technician", true));
        assert_eq!(lines, ["Job title: Associate → Data Technician"]);
    }

    #[test]
    fn a_departure_says_its_reason_and_day() {
        let left = HistoryEntry {
            left_on: NaiveDate::from_ymd_opt(2026, 3, 3),
            leaving_reason: Some(LeavingReason::Voluntary),
            ..entry("Associate", false)
        };
        assert_eq!(describe(Some(&entry("Associate", true)), &left), ["Left the company (voluntary) on 3 March 2026"]);
    }

    #[test]
    fn only_a_departure_records_its_day() {
        let context = ChangeContext::new(HistorySource::Admin, NaiveDate::from_ymd_opt(2026, 3, 3).unwrap(), None);
        let state = |active| JobState {
            job_title: String::new(),
            job_family: JobFamily::Fulfillment,
            site_type: SiteType::FulfillmentCenter,
            employment_type: EmploymentType::FullTime,
            manager_id: None,
            active,
        };
        assert_eq!(departure(Some(&state(true)), &state(false), &context), Some((context.effective_on, None)));
        assert_eq!(departure(Some(&state(false)), &state(false), &context), None);
        assert_eq!(departure(Some(&state(true)), &state(true), &context), None);
    }
}
