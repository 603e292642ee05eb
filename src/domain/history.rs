//! A person's job history: what a row of `employee_history` records (the facts outcomes
//! follow), when a change is worth a row, and how the timeline says what changed.
//!
//! Only job title, job family, site type, employment type, manager and whether the person
//! still works here are history; a new name or e-mail address is not.

use chrono::NaiveDate;

use super::enums::StoredName;
use super::message::Message;
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

/// What changed from `before` to `entry`, one sentence each, for the reader's language to
/// word ("Job title: Associate → Data Technician", "Left the company (voluntary) on 3
/// March 2026"); the first row says what was recorded.
pub fn describe(before: Option<&HistoryEntry>, entry: &HistoryEntry) -> Vec<Message> {
    let Some(before) = before else {
        let first = if entry.active {
            Message::new("history-first")
        } else {
            Message::new("history-first-and-left").phrase("left", leaving(entry))
        };
        let first = with_title(first, "title", &entry.job_title)
            .names("family", JobFamily::VOCABULARY, vec![entry.job_family.stored_name()])
            .names("site", SiteType::VOCABULARY, vec![entry.site_type.stored_name()])
            .names("employment", EmploymentType::VOCABULARY, vec![entry.employment_type.stored_name()]);
        return vec![with_manager(first, "manager", entry.manager_name.as_deref())];
    };
    let mut lines = Vec::new();
    if before.job_title != entry.job_title {
        let line = with_title(Message::new("history-job-title"), "old", &before.job_title);
        lines.push(with_title(line, "new", &entry.job_title));
    }
    lines.extend(changed("history-job-family", before.job_family, entry.job_family));
    lines.extend(changed("history-site-type", before.site_type, entry.site_type));
    lines.extend(changed("history-employment-type", before.employment_type, entry.employment_type));
    if before.manager_name != entry.manager_name {
        let line = with_manager(Message::new("history-manager"), "old", before.manager_name.as_deref());
        lines.push(with_manager(line, "new", entry.manager_name.as_deref()));
    }
    match (before.active, entry.active) {
        (true, false) => lines.push(leaving(entry)),
        (false, true) => lines.push(Message::new("history-rejoined").date("date", entry.effective_on)),
        _ => {}
    }
    if lines.is_empty() {
        // Two rows alike: a change and its undoing between them were not recorded.
        lines.push(Message::new("history-no-change"));
    }
    lines
}

/// "Job family: Fulfillment → Technical" (message `id`), when the value changed: each
/// value named in the reader's language.
fn changed<E: StoredName + PartialEq>(id: &'static str, old: E, new: E) -> Option<Message> {
    (old != new).then(|| {
        Message::new(id).names("old", E::VOCABULARY, vec![old.stored_name()]).names(
            "new",
            E::VOCABULARY,
            vec![new.stored_name()],
        )
    })
}

/// `message` with the job title `title` as `$name`, or the words for no job title.
fn with_title(message: Message, name: &'static str, title: &str) -> Message {
    if title.is_empty() {
        message.term(name, "term-history-no-job-title")
    } else {
        message.text(name, title)
    }
}

/// `message` with the manager's name as `$name`, or the words for no manager.
fn with_manager(message: Message, name: &'static str, manager: Option<&str>) -> Message {
    match manager {
        Some(manager) => message.text(name, manager),
        None => message.term(name, "term-history-no-manager"),
    }
}

/// "Left the company (voluntary) on 3 March 2026", or without the reason when none was given.
fn leaving(entry: &HistoryEntry) -> Message {
    let day = entry.left_on.unwrap_or(entry.effective_on);
    match entry.leaving_reason {
        Some(reason) => Message::new("history-left-for")
            .names("reason", LeavingReason::VOCABULARY, vec![reason.stored_name()])
            .date("date", day),
        None => Message::new("history-left").date("date", day),
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
        assert_eq!(lines, [Message::new("history-job-title").text("old", "Associate").text("new", "Data Technician")]);
        let lines = describe(Some(&entry("Associate", true)), &entry("", true));
        assert_eq!(
            lines,
            [Message::new("history-job-title").text("old", "Associate").term("new", "term-history-no-job-title")]
        );
    }

    #[test]
    fn the_first_row_says_what_was_recorded() {
        let family = |message: Message| {
            message
                .names("family", JobFamily::VOCABULARY, vec![JobFamily::Fulfillment.stored_name()])
                .names("site", SiteType::VOCABULARY, vec![SiteType::FulfillmentCenter.stored_name()])
                .names("employment", EmploymentType::VOCABULARY, vec![EmploymentType::FullTime.stored_name()])
                .term("manager", "term-history-no-manager")
        };
        let first = describe(None, &entry("Associate", true));
        assert_eq!(first, [family(Message::new("history-first").text("title", "Associate"))]);
        let gone = describe(None, &entry("Associate", false));
        let left = Message::new("history-left").date("date", NaiveDate::from_ymd_opt(2026, 3, 3).unwrap());
        let first = Message::new("history-first-and-left").phrase("left", left).text("title", "Associate");
        assert_eq!(gone, [family(first)]);
    }

    #[test]
    fn a_row_like_the_one_before_says_nothing_changed() {
        let lines = describe(Some(&entry("Associate", true)), &entry("Associate", true));
        assert_eq!(lines, [Message::new("history-no-change")]);
        let back = describe(Some(&entry("Associate", false)), &entry("Associate", true));
        assert_eq!(back, [Message::new("history-rejoined").date("date", NaiveDate::from_ymd_opt(2026, 3, 3).unwrap())]);
    }

    #[test]
    fn a_departure_says_its_reason_and_day() {
        let left = HistoryEntry {
            left_on: NaiveDate::from_ymd_opt(2026, 3, 3),
            leaving_reason: Some(LeavingReason::Voluntary),
            ..entry("Associate", false)
        };
        let said = Message::new("history-left-for")
            .names("reason", LeavingReason::VOCABULARY, vec![LeavingReason::Voluntary.stored_name()])
            .date("date", NaiveDate::from_ymd_opt(2026, 3, 3).unwrap());
        assert_eq!(describe(Some(&entry("Associate", true)), &left), [said]);
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
