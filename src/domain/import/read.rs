//! Reading the file: the header, and each line's values checked one by one.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Candidate, ImportPlan, RowError, COLUMNS, MAX_TEXT_CHARS, OPTIONAL_COLUMNS};
use crate::domain::text::{one_line, shown_in_message};
use crate::domain::words::a;
use crate::domain::{Email, EmploymentType, JobFamily, LeavingReason, SiteType};

/// The most columns a header may have: the nine the import reads and room for others.
pub const MAX_COLUMNS: usize = 64;
/// The longest header line read, in bytes (64 columns with long names fit).
pub const MAX_HEADER_BYTES: usize = 4096;
/// Ignored columns named in the note about them; the rest are counted.
const NAMED_COLUMNS: usize = 10;

/// A refusal of a header line longer than [`MAX_HEADER_BYTES`], before it is read: such
/// a line is no HR export, and listing its columns would only multiply it.
pub(super) fn header_too_long(text: &str) -> Option<String> {
    let first_line = text.split('\n').next().unwrap_or_default();
    (first_line.len() > MAX_HEADER_BYTES).then(|| {
        format!(
            "The header line is {} KB long; an HR export's first line names its columns ({}) in well under {} KB. \
             Check that this is the right file.",
            first_line.len() / 1024,
            COLUMNS.join(","),
            MAX_HEADER_BYTES / 1024
        )
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
            plan.file_errors.push(format!("The file is empty: it needs a header line ({}).", COLUMNS.join(",")));
            return None;
        }
        Err(err) => {
            plan.file_errors.push(format!("The header line can't be read as CSV ({err})."));
            return None;
        }
    };
    if header.len() > MAX_COLUMNS {
        plan.file_errors.push(format!(
            "The header line has {} columns; an HR export has the {} columns {} and at most {MAX_COLUMNS} in all. \
             Check that this is the right file.",
            header.len(),
            COLUMNS.len(),
            COLUMNS.join(",")
        ));
        return None;
    }
    let mut columns = HashMap::new();
    let mut ignored = Vec::new();
    for (index, name) in header.iter().enumerate() {
        let name = name.to_lowercase();
        match COLUMNS.iter().chain(OPTIONAL_COLUMNS.iter()).find(|c| **c == name) {
            Some(column) => {
                if columns.insert(*column, index).is_some() {
                    plan.file_errors.push(format!("The column {column} appears twice in the header."));
                }
            }
            None if name.is_empty() => ignored.push(format!("(unnamed column {})", index + 1)),
            None => ignored.push(name),
        }
    }
    let missing: Vec<&str> = COLUMNS.iter().copied().filter(|c| !columns.contains_key(c)).collect();
    if !missing.is_empty() {
        plan.file_errors.push(format!(
            "The header lacks the column{} {}. The first line must name the columns {}.",
            if missing.len() == 1 { "" } else { "s" },
            missing.join(", "),
            COLUMNS.join(",")
        ));
    }
    if !ignored.is_empty() {
        let named = match ignored.len() {
            n if n > NAMED_COLUMNS => format!("{} and {} more", ignored[..NAMED_COLUMNS].join(", "), n - NAMED_COLUMNS),
            _ => ignored.join(", "),
        };
        plan.notes.push(format!(
            "The column{} {named} {} not used and {} ignored.",
            if ignored.len() == 1 { "" } else { "s" },
            if ignored.len() == 1 { "is" } else { "are" },
            if ignored.len() == 1 { "was" } else { "were" },
        ));
    }
    plan.file_errors.is_empty().then_some(columns)
}

/// The allowed stored names of an enumeration, for messages.
fn allowed<T: Copy>(all: &[T], as_str: fn(T) -> &'static str) -> String {
    all.iter().map(|v| as_str(*v)).collect::<Vec<_>>().join(", ")
}

/// Parses an enumeration value (case does not matter), or says what is allowed.
fn parse_enum<T: Copy + std::str::FromStr>(
    value: &str,
    what: &str,
    all: &[T],
    as_str: fn(T) -> &'static str,
) -> Result<T, String> {
    if value.is_empty() {
        return Err(format!("The {what} is missing; use one of: {}.", allowed(all, as_str)));
    }
    value.to_lowercase().parse().map_err(|_| {
        format!("\"{}\" is not {}; use one of: {}.", shown_in_message(value), a(what), allowed(all, as_str))
    })
}

fn parse_flag(value: &str) -> Result<bool, String> {
    match value.to_lowercase().as_str() {
        "true" | "yes" | "1" => Ok(true),
        "false" | "no" | "0" | "" => Ok(false),
        _ => Err(format!(
            "\"{}\" is not yes or no; write true, false, yes, no, 1, 0, or leave it empty (no).",
            shown_in_message(value)
        )),
    }
}

fn check_text(value: &str, what: &str) -> Result<String, String> {
    if value.chars().count() > MAX_TEXT_CHARS {
        Err(format!("The {what} is longer than {MAX_TEXT_CHARS} characters."))
    } else {
        one_line(value, what)
    }
}

/// A required e-mail address.
fn read_email(raw: &str) -> Result<Email, String> {
    match raw {
        "" => Err("The e-mail address is missing.".to_owned()),
        raw => Email::parse(raw),
    }
}

/// A required name.
fn read_name(raw: &str) -> Result<String, String> {
    match raw {
        "" => Err("The name is empty.".to_owned()),
        name => check_text(name, "name"),
    }
}

/// A hire date, not after `today`.
fn read_hire_date(raw: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    match raw {
        "" => Err("The hire date is missing; write it as YYYY-MM-DD.".to_owned()),
        raw => match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
            Ok(date) if date > today => {
                Err(format!("{date} is in the future: a hire date can't be after today ({today})."))
            }
            Ok(date) => Ok(date),
            Err(_) => Err(format!(
                "\"{}\" is not a date; write it as YYYY-MM-DD, for example 2021-03-05.",
                shown_in_message(raw)
            )),
        },
    }
}

/// An ISO date not after `today`; `what` names it in messages.
fn read_past_date(raw: &str, today: NaiveDate, what: &str) -> Result<NaiveDate, String> {
    match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
        Ok(date) if date > today => {
            Err(format!("{date} is in the future: {} can't be after today ({today}).", a(what)))
        }
        Ok(date) => Ok(date),
        Err(_) => {
            Err(format!("\"{}\" is not a date; write it as YYYY-MM-DD, for example 2021-03-05.", shown_in_message(raw)))
        }
    }
}

/// The day the line's changes take effect: today when empty, never in the future.
fn read_effective_date(raw: &str, today: NaiveDate) -> Result<NaiveDate, String> {
    match raw {
        "" => Ok(today),
        raw => read_past_date(raw, today, "effective date"),
    }
}

/// A departure: its day and its reason, both or neither.
fn read_leaving(
    left_on: &str,
    reason: &str,
    today: NaiveDate,
    fail: &mut dyn FnMut(Option<&'static str>, String),
) -> Option<Option<(NaiveDate, LeavingReason)>> {
    let reasons = || LeavingReason::ALL.iter().map(|r| r.as_str()).collect::<Vec<_>>().join(", ");
    match (left_on, reason) {
        ("", "") => Some(None),
        ("", _) => {
            fail(Some("left_on"), "The leaving date is missing: a leaving reason needs the day they left.".to_owned());
            None
        }
        (_, "") => {
            fail(Some("leaving_reason"), format!("The leaving reason is missing; use one of: {}.", reasons()));
            None
        }
        (day, why) => {
            let day = read_past_date(day, today, "leaving date").map_err(|m| fail(Some("left_on"), m)).ok();
            let why = parse_enum(why, "leaving reason", LeavingReason::ALL, LeavingReason::as_str)
                .map_err(|m| fail(Some("leaving_reason"), m))
                .ok();
            Some(Some((day?, why?)))
        }
    }
}

/// The manager's address (`None`: no manager), never the person's own.
fn read_manager(raw: &str, own: Option<&Email>) -> Result<Option<Email>, String> {
    match raw {
        "" => Ok(None),
        raw => match Email::parse(raw)? {
            manager if Some(&manager) == own => Err("A person can't be their own manager.".to_owned()),
            manager => Ok(Some(manager)),
        },
    }
}

/// Records a value's refusal as the error of its column.
struct Checked<'f>(&'f mut dyn FnMut(Option<&'static str>, String));

impl Checked<'_> {
    /// The value, or `None` with its message recorded.
    fn value<T>(&mut self, column: &'static str, result: Result<T, String>) -> Option<T> {
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
    let mut fail = |column: Option<&'static str>, message: String| {
        failed = true;
        errors.push(RowError { line, email: raw_email.clone(), column, message });
    };
    if columns.values().any(|&i| i >= record.len()) {
        // Fewer values than named columns: the line is cut short or its quotes are wrong.
        let values = if record.len() == 1 { "value" } else { "values" };
        fail(
            None,
            format!(
                "This line has {} {values} where the header names more columns; check its commas and quotes.",
                record.len()
            ),
        );
        return Candidate { failed: true, ..Candidate::empty(line, &raw_email) };
    }
    let mut checked = Checked(&mut fail);
    let email = checked.value("email", read_email(value("email")));
    let display_name = checked.value("display_name", read_name(value("display_name")));
    let job_title = checked.value("job_title", check_text(value("job_title"), "job title"));
    let job_family =
        checked.value("job_family", parse_enum(value("job_family"), "job family", JobFamily::ALL, JobFamily::as_str));
    let site_type =
        checked.value("site_type", parse_enum(value("site_type"), "site type", SiteType::ALL, SiteType::as_str));
    let employment_type = checked.value(
        "employment_type",
        parse_enum(value("employment_type"), "employment type", EmploymentType::ALL, EmploymentType::as_str),
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
