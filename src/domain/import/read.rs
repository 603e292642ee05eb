//! Reading the file: the header, and each line's values checked one by one.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Candidate, ImportPlan, RowError, COLUMNS, MAX_TEXT_CHARS, OPTIONAL_COLUMNS};
use crate::domain::message::Message;
use crate::domain::person_form::form_email;
use crate::domain::text::{form_line, shown_in_message};
use crate::domain::{Email, EmploymentType, JobFamily, LeavingReason, SiteType};

/// The most columns a header may have: the nine the import reads and room for others.
pub const MAX_COLUMNS: usize = 64;
/// The longest header line read, in bytes (64 columns with long names fit).
pub const MAX_HEADER_BYTES: usize = 4096;
/// Ignored columns named in the note about them; the rest are counted.
const NAMED_COLUMNS: usize = 10;

/// A refusal of a header line longer than [`MAX_HEADER_BYTES`], before it is read: such
/// a line is no HR export, and listing its columns would only multiply it.
pub(super) fn header_too_long(text: &str) -> Option<Message> {
    let first_line = text.split('\n').next().unwrap_or_default();
    (first_line.len() > MAX_HEADER_BYTES).then(|| {
        // The size as digits only ("8192 KB"), as a file manager shows it.
        Message::new("import-refused-header-too-long")
            .text("size", (first_line.len() / 1024).to_string())
            .text("columns", COLUMNS.join(","))
            .number("max", MAX_HEADER_BYTES / 1024)
    })
}

/// Where each column is, or the file problems that stop the import.
pub(super) fn read_header(
    reader: &mut csv::Reader<&[u8]>,
    plan: &mut ImportPlan,
) -> Option<HashMap<&'static str, usize>> {
    let header = match reader.headers() {
        Ok(header) if !header.iter().all(str::is_empty) => header.clone(),
        Ok(_) => {
            plan.file_errors.push(Message::new("import-refused-empty").text("columns", COLUMNS.join(",")));
            return None;
        }
        Err(err) => {
            // The CSV reader's own words (in English) say what is wrong and where.
            plan.file_errors.push(Message::new("import-refused-header-not-csv").text("error", err.to_string()));
            return None;
        }
    };
    if header.len() > MAX_COLUMNS {
        plan.file_errors.push(
            Message::new("import-refused-too-many-columns")
                .number("count", header.len())
                .number("needed", COLUMNS.len())
                .text("columns", COLUMNS.join(","))
                .number("max", MAX_COLUMNS),
        );
        return None;
    }
    let mut columns = HashMap::new();
    let mut ignored = Vec::new();
    for (index, name) in header.iter().enumerate() {
        let name = name.to_lowercase();
        match COLUMNS.iter().chain(OPTIONAL_COLUMNS.iter()).find(|c| **c == name) {
            Some(column) => {
                if columns.insert(*column, index).is_some() {
                    plan.file_errors.push(Message::new("import-refused-column-twice").text("column", *column));
                }
            }
            None if name.is_empty() => {
                ignored.push(Message::new("import-note-unnamed-column").number("position", index + 1));
            }
            None => ignored.push(Message::new("import-note-column").text("column", name)),
        }
    }
    let missing: Vec<&str> = COLUMNS.iter().copied().filter(|c| !columns.contains_key(c)).collect();
    if !missing.is_empty() {
        plan.file_errors.push(
            Message::new("import-refused-columns-missing")
                .number("count", missing.len())
                .text("missing", missing.join(", "))
                .text("columns", COLUMNS.join(",")),
        );
    }
    if !ignored.is_empty() {
        let count = ignored.len();
        if count > NAMED_COLUMNS {
            ignored.truncate(NAMED_COLUMNS);
            ignored.push(Message::new("import-note-more-columns").number("count", count - NAMED_COLUMNS));
        }
        plan.notes.push(Message::new("import-note-ignored").number("count", count).list("columns", ignored));
    }
    plan.file_errors.is_empty().then_some(columns)
}

/// The allowed stored names of an enumeration, for messages.
fn allowed<T: Copy>(all: &[T], as_str: fn(T) -> &'static str) -> String {
    all.iter().map(|v| as_str(*v)).collect::<Vec<_>>().join(", ")
}

/// The messages that refuse a vocabulary's value: one for an empty value, one for a value
/// that is not one of the vocabulary's (each says which values are allowed).
struct Refusals {
    missing: &'static str,
    unknown: &'static str,
}

const JOB_FAMILY: Refusals =
    Refusals { missing: "import-line-job-family-missing", unknown: "import-line-job-family-unknown" };
const SITE_TYPE: Refusals =
    Refusals { missing: "import-line-site-type-missing", unknown: "import-line-site-type-unknown" };
const EMPLOYMENT_TYPE: Refusals =
    Refusals { missing: "import-line-employment-type-missing", unknown: "import-line-employment-type-unknown" };
const LEAVING_REASON: Refusals =
    Refusals { missing: "import-line-leaving-reason-missing", unknown: "import-line-leaving-reason-unknown" };

/// Parses an enumeration value (case does not matter), or says what is allowed: the
/// stored names, as the file must write them.
fn parse_enum<T: Copy + std::str::FromStr>(
    value: &str,
    refusals: &Refusals,
    all: &[T],
    as_str: fn(T) -> &'static str,
) -> Result<T, Message> {
    if value.is_empty() {
        return Err(Message::new(refusals.missing).text("allowed", allowed(all, as_str)));
    }
    value.to_lowercase().parse().map_err(|_| {
        Message::new(refusals.unknown).text("value", shown_in_message(value)).text("allowed", allowed(all, as_str))
    })
}

fn parse_flag(value: &str) -> Result<bool, Message> {
    match value.to_lowercase().as_str() {
        "true" | "yes" | "1" => Ok(true),
        "false" | "no" | "0" | "" => Ok(false),
        _ => Err(Message::new("import-line-flag").text("value", shown_in_message(value))),
    }
}

/// A one-line text of at most [`MAX_TEXT_CHARS`] characters; `what` names the field (a
/// catalog word, "term-name").
fn check_text(value: &str, what: &'static str) -> Result<String, Message> {
    if value.chars().count() > MAX_TEXT_CHARS {
        Err(Message::new("import-line-too-long").term("what", what).number("max", MAX_TEXT_CHARS))
    } else {
        form_line(value, what)
    }
}

/// A required e-mail address.
fn read_email(raw: &str) -> Result<Email, Message> {
    match raw {
        "" => Err(Message::new("import-line-email-missing")),
        raw => form_email(raw),
    }
}

/// A required name.
fn read_name(raw: &str) -> Result<String, Message> {
    match raw {
        "" => Err(Message::new("import-line-name-empty")),
        name => check_text(name, "term-name"),
    }
}

/// A hire date, not after `today`.
fn read_hire_date(raw: &str, today: NaiveDate) -> Result<NaiveDate, Message> {
    match raw {
        "" => Err(Message::new("import-line-hire-date-missing")),
        raw => read_past_date(raw, today, "import-line-hire-date-future"),
    }
}

/// An ISO date not after `today`; `future` is the message for a date after it. Dates
/// are quoted as the file writes them (YYYY-MM-DD), so that they can be found in it.
fn read_past_date(raw: &str, today: NaiveDate, future: &'static str) -> Result<NaiveDate, Message> {
    match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
        Ok(date) if date > today => {
            Err(Message::new(future).text("date", date.to_string()).text("today", today.to_string()))
        }
        Ok(date) => Ok(date),
        Err(_) => Err(Message::new("import-line-not-a-date").text("value", shown_in_message(raw))),
    }
}

/// The day the line's changes take effect: today when empty, never in the future.
fn read_effective_date(raw: &str, today: NaiveDate) -> Result<NaiveDate, Message> {
    match raw {
        "" => Ok(today),
        raw => read_past_date(raw, today, "import-line-effective-date-future"),
    }
}

/// A departure: its day and its reason, both or neither.
fn read_leaving(
    left_on: &str,
    reason: &str,
    today: NaiveDate,
    fail: &mut dyn FnMut(Option<&'static str>, Message),
) -> Option<Option<(NaiveDate, LeavingReason)>> {
    match (left_on, reason) {
        ("", "") => Some(None),
        ("", _) => {
            fail(Some("left_on"), Message::new("import-line-left-on-missing"));
            None
        }
        (_, "") => {
            let reasons = allowed(LeavingReason::ALL, LeavingReason::as_str);
            fail(Some("leaving_reason"), Message::new(LEAVING_REASON.missing).text("allowed", reasons));
            None
        }
        (day, why) => {
            let day =
                read_past_date(day, today, "import-line-left-on-future").map_err(|m| fail(Some("left_on"), m)).ok();
            let why = parse_enum(why, &LEAVING_REASON, LeavingReason::ALL, LeavingReason::as_str)
                .map_err(|m| fail(Some("leaving_reason"), m))
                .ok();
            Some(Some((day?, why?)))
        }
    }
}

/// The manager's address (`None`: no manager), never the person's own.
fn read_manager(raw: &str, own: Option<&Email>) -> Result<Option<Email>, Message> {
    match raw {
        "" => Ok(None),
        raw => match form_email(raw)? {
            manager if Some(&manager) == own => Err(Message::new("import-line-own-manager")),
            manager => Ok(Some(manager)),
        },
    }
}

/// Records a value's refusal as the error of its column.
struct Checked<'f>(&'f mut dyn FnMut(Option<&'static str>, Message));

impl Checked<'_> {
    /// The value, or `None` with its message recorded.
    fn value<T>(&mut self, column: &'static str, result: Result<T, Message>) -> Option<T> {
        result.map_err(|message| (self.0)(Some(column), message)).ok()
    }
}

/// Reads one line's values, recording what does not parse.
pub(super) fn read_candidate(
    record: &csv::StringRecord,
    line: u64,
    columns: &HashMap<&'static str, usize>,
    today: NaiveDate,
    errors: &mut Vec<RowError>,
) -> Candidate {
    let value = |column: &str| columns.get(column).and_then(|&i| record.get(i)).unwrap_or("");
    let raw_email = shown_in_message(value("email"));
    let mut failed = false;
    let mut fail = |column: Option<&'static str>, message: Message| {
        failed = true;
        errors.push(RowError { line, email: raw_email.clone(), column, message });
    };
    if columns.values().any(|&i| i >= record.len()) {
        // Fewer values than named columns: the line is cut short or its quotes are wrong.
        fail(None, Message::new("import-line-too-few-values").number("count", record.len()));
        return Candidate { failed: true, ..Candidate::empty(line, &raw_email) };
    }
    let mut checked = Checked(&mut fail);
    let email = checked.value("email", read_email(value("email")));
    let display_name = checked.value("display_name", read_name(value("display_name")));
    let job_title = checked.value("job_title", check_text(value("job_title"), "term-job-title"));
    let job_family =
        checked.value("job_family", parse_enum(value("job_family"), &JOB_FAMILY, JobFamily::ALL, JobFamily::as_str));
    let site_type =
        checked.value("site_type", parse_enum(value("site_type"), &SITE_TYPE, SiteType::ALL, SiteType::as_str));
    let employment_type = checked.value(
        "employment_type",
        parse_enum(value("employment_type"), &EMPLOYMENT_TYPE, EmploymentType::ALL, EmploymentType::as_str),
    );
    let hire_date = checked.value("hire_date", read_hire_date(value("hire_date"), today));
    let manager_email = checked.value("manager_email", read_manager(value("manager_email"), email.as_ref()));
    let is_admin = checked.value("is_admin", parse_flag(value("is_admin")));
    let effective_on = checked.value("effective_date", read_effective_date(value("effective_date"), today));
    let leaving = read_leaving(value("left_on"), value("leaving_reason"), today, &mut fail);
    Candidate {
        email,
        display_name: display_name.unwrap_or_default(),
        job_title: job_title.unwrap_or_default(),
        job_family,
        site_type,
        employment_type,
        hire_date,
        manager_email,
        is_admin,
        effective_on,
        leaving,
        failed,
        ..Candidate::empty(line, &raw_email)
    }
}
