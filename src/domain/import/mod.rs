//! Importing employees from the HR system's CSV export: reading the file, checking
//! every row against the file and the current directory, and planning what changes.
//!
//! Pure: the caller passes the file's text, the directory as it is (`Directory`) and
//! today's date; `db::import` applies the plan it gets back.
//!
//! Line numbers are the file's own, as a text editor or a spreadsheet shows them: the
//! header is line 1 and the first person is on line 2. (A quoted value that spans lines
//! counts from the line where its record starts.)

mod check;
mod plan;
mod read;
#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::message::Message;
use super::{Email, EmploymentType, JobFamily, LeavingReason, SiteType};
use check::{check_admins_remain, check_missing, check_people};
use plan::plan_rows;
use read::{read_candidate, read_header};
pub use read::{MAX_COLUMNS, MAX_HEADER_BYTES};

/// The columns of the file, in the order the HR export writes them (any order is read).
pub const COLUMNS: [&str; 9] = [
    "email",
    "display_name",
    "job_title",
    "job_family",
    "site_type",
    "employment_type",
    "hire_date",
    "manager_email",
    "is_admin",
];

/// Columns a file may add: the day its changes take effect (`effective_date`, today when
/// absent or empty), and a departure (`left_on` with `leaving_reason`, both or neither).
pub const OPTIONAL_COLUMNS: [&str; 3] = ["effective_date", "left_on", "leaving_reason"];

/// More than this share of the active people leaving stops `--deactivate-missing`
/// unless forced: a file that lacks them is more likely cut short than a real wave.
pub const SAFE_LEAVING_PERCENT: usize = 5;

/// How many of the people who would leave a preview names (the rest are counted).
pub const LEAVERS_NAMED: usize = 50;

/// What an import is asked to do besides reading the file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// The file is the whole company: active people it lacks leave (reason: other).
    pub deactivate_missing: bool,
    /// Go ahead even when more than [`SAFE_LEAVING_PERCENT`] of the active people would leave.
    pub force: bool,
}

/// The longest name or job title accepted.
pub const MAX_TEXT_CHARS: usize = 200;

/// One person as the file describes them, every value checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportRow {
    /// The file line the person is on (the header is line 1).
    pub line: u64,
    pub email: Email,
    pub display_name: String,
    pub job_title: String,
    pub job_family: JobFamily,
    pub site_type: SiteType,
    pub employment_type: EmploymentType,
    pub hire_date: NaiveDate,
    pub manager_email: Option<Email>,
    pub is_admin: bool,
    /// The day the line's changes take effect.
    pub effective_on: NaiveDate,
    /// The person left on this day, for this reason.
    pub leaving: Option<(NaiveDate, LeavingReason)>,
}

/// An active person the file lacks, who leaves under `--deactivate-missing`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Leaver {
    pub id: i32,
    pub email: String,
    pub display_name: String,
}

/// A person already in Upskill, with the values an import compares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExistingPerson {
    pub id: i32,
    pub email: String,
    pub display_name: String,
    pub job_title: String,
    pub job_family: JobFamily,
    pub site_type: SiteType,
    pub employment_type: EmploymentType,
    pub hire_date: NaiveDate,
    pub manager_id: Option<i32>,
    pub is_admin: bool,
    pub active: bool,
}

/// Everyone already in Upskill, looked up by e-mail address and by id.
#[derive(Debug, Clone, Default)]
pub struct Directory {
    people: Vec<ExistingPerson>,
    by_email: HashMap<String, usize>,
    by_id: HashMap<i32, usize>,
}

impl Directory {
    pub fn new(people: Vec<ExistingPerson>) -> Directory {
        let by_email = people.iter().enumerate().map(|(i, p)| (p.email.clone(), i)).collect();
        let by_id = people.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
        Directory { people, by_email, by_id }
    }

    pub fn people(&self) -> &[ExistingPerson] {
        &self.people
    }

    pub fn by_email(&self, email: &str) -> Option<&ExistingPerson> {
        self.by_email.get(email).map(|&i| &self.people[i])
    }

    pub fn by_id(&self, id: i32) -> Option<&ExistingPerson> {
        self.by_id.get(&id).map(|&i| &self.people[i])
    }
}

/// A problem with one line of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// The file line (the header is line 1).
    pub line: u64,
    /// The e-mail address on that line as written, to recognise the person.
    pub email: String,
    /// The column at fault; `None` when the whole line is.
    pub column: Option<&'static str>,
    /// What is wrong, for the reader's language to word.
    pub message: Message,
}

impl RowError {
    /// The problem with where it is, on one line: "line 4, email: "bad" is not an e-mail
    /// address." (the line number as the file counts it, ungrouped).
    pub fn located(&self) -> Message {
        let at = match self.column {
            Some(column) => Message::new("import-line-at-column").text("column", column),
            None => Message::new("import-line-at"),
        };
        at.text("line", self.line.to_string()).phrase("problem", self.message.clone())
    }
}

/// One value that an import changes on an existing person, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub column: &'static str,
    pub before: String,
    pub after: String,
}

/// Who a row's manager is, once the file and the directory are both known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ManagerRef {
    None,
    /// Someone already in Upskill (whether or not the file lists them too).
    Existing(i32),
    /// Someone the import adds: their e-mail address.
    New(Email),
}

/// What an import does with one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowAction {
    New,
    Update { id: i32, changes: Vec<Change> },
    Unchanged { id: i32 },
}

/// A checked row and what happens to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedRow {
    pub row: ImportRow,
    pub manager: ManagerRef,
    pub action: RowAction,
}

impl PlannedRow {
    /// Whether this row gives an existing person another manager.
    pub fn changes_manager(&self) -> bool {
        self.changes("manager_email")
    }

    /// Whether this row records the departure of someone active (or of someone new).
    pub fn leaves(&self) -> bool {
        match &self.action {
            RowAction::New => self.row.leaving.is_some(),
            _ => self.changes("active"),
        }
    }

    fn changes(&self, column: &str) -> bool {
        matches!(&self.action, RowAction::Update { changes, .. } if changes.iter().any(|c| c.column == column))
    }
}

/// What importing a file would do: new, updated and unchanged people, or the reasons it can't.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportPlan {
    /// Problems with the file as a whole (missing columns, no people): nothing is read.
    pub file_errors: Vec<Message>,
    /// Problems with single lines, by line.
    pub errors: Vec<RowError>,
    /// Things worth knowing that stop nothing (ignored columns, skipped blank lines).
    pub notes: Vec<Message>,
    /// Every line without errors, in file order.
    pub rows: Vec<PlannedRow>,
    /// The people lines read (blank lines left out).
    pub lines_read: usize,
    /// Active people the file lacks, who leave (only under `--deactivate-missing`).
    pub missing: Vec<Leaver>,
    /// How many people were active before the import.
    pub active_before: usize,
}

impl ImportPlan {
    /// Whether anything stops the import; then nothing may be written.
    pub fn has_errors(&self) -> bool {
        !self.file_errors.is_empty() || !self.errors.is_empty()
    }

    pub fn new_count(&self) -> usize {
        self.rows.iter().filter(|r| r.action == RowAction::New).count()
    }

    pub fn updated_count(&self) -> usize {
        self.rows.iter().filter(|r| matches!(r.action, RowAction::Update { .. })).count()
    }

    /// The lines that record a departure of someone still active.
    pub fn leaving_count(&self) -> usize {
        self.rows.iter().filter(|r| r.leaves()).count()
    }

    pub fn unchanged_count(&self) -> usize {
        self.rows.iter().filter(|r| matches!(r.action, RowAction::Unchanged { .. })).count()
    }

    /// How many lines have at least one error.
    pub fn lines_with_errors(&self) -> usize {
        self.errors.iter().map(|e| e.line).collect::<HashSet<_>>().len()
    }

    /// Every problem as one sentence, for the reader's language to word: file problems
    /// first, then line by line, each with its line and column.
    pub fn problems(&self) -> impl Iterator<Item = Message> + '_ {
        self.file_errors.iter().cloned().chain(self.errors.iter().map(RowError::located))
    }
}

/// How far reading the file has got: `done` of `total` bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: u64,
    pub total: u64,
}

/// The file's bytes as text: UTF-8, with or without a byte order mark; or why it is not.
pub fn decode(bytes: Vec<u8>) -> Result<String, Message> {
    let text = String::from_utf8(bytes).map_err(|_| Message::new("import-refused-not-utf8"))?;
    if let Some(at) = text.find('\0') {
        let line = text[..at].matches('\n').count() + 1;
        return Err(Message::new("import-refused-nul").text("line", line.to_string()));
    }
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    })
}

/// Who runs the import, when it is a person: they can't take away their own admin rights.
#[derive(Debug, Clone, Copy)]
pub struct Importer<'a> {
    pub email: &'a str,
}

/// What a line holds once read: each value that parsed, and whether anything failed.
struct Candidate {
    line: u64,
    raw_email: String,
    email: Option<Email>,
    display_name: String,
    job_title: String,
    job_family: Option<JobFamily>,
    site_type: Option<SiteType>,
    employment_type: Option<EmploymentType>,
    hire_date: Option<NaiveDate>,
    /// `Some(None)`: no manager; `None`: the value did not parse.
    manager_email: Option<Option<Email>>,
    is_admin: Option<bool>,
    effective_on: Option<NaiveDate>,
    /// `Some(None)`: no departure; `None`: the values did not parse.
    leaving: Option<Option<(NaiveDate, LeavingReason)>>,
    failed: bool,
}

impl Candidate {
    /// A line with nothing read from it yet.
    fn empty(line: u64, raw_email: &str) -> Candidate {
        Candidate {
            line,
            raw_email: raw_email.to_owned(),
            email: None,
            display_name: String::new(),
            job_title: String::new(),
            job_family: None,
            site_type: None,
            employment_type: None,
            hire_date: None,
            manager_email: None,
            is_admin: None,
            effective_on: None,
            leaving: None,
            failed: false,
        }
    }
}

/// Reads and checks `text` against `directory` on `today`, and plans the import.
/// `progress` is told how many bytes have been read, now and then.
pub fn plan_import(
    text: &str,
    directory: &Directory,
    today: NaiveDate,
    importer: Option<Importer<'_>>,
    progress: &mut dyn FnMut(Progress),
) -> ImportPlan {
    plan_import_with(text, directory, today, importer, ImportOptions::default(), progress)
}

/// [`plan_import`] with options: under `deactivate_missing`, the active people the file
/// lacks are listed to leave, and more than [`SAFE_LEAVING_PERCENT`] of the active people
/// leaving (those and the file's own departures) stops the import unless `force`.
pub fn plan_import_with(
    text: &str,
    directory: &Directory,
    today: NaiveDate,
    importer: Option<Importer<'_>>,
    options: ImportOptions,
    progress: &mut dyn FnMut(Progress),
) -> ImportPlan {
    let mut plan = ImportPlan::default();
    if let Some(refusal) = read::header_too_long(text) {
        plan.file_errors.push(refusal);
        return plan;
    }
    let total = text.len() as u64;
    let mut reader =
        csv::ReaderBuilder::new().has_headers(true).flexible(true).trim(csv::Trim::All).from_reader(text.as_bytes());
    let columns = match read_header(&mut reader, &mut plan) {
        Some(columns) => columns,
        None => return plan,
    };
    let mut candidates = Vec::new();
    let mut record = csv::StringRecord::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(err) => {
                let line = err.position().map_or(0, csv::Position::line);
                plan.errors.push(RowError {
                    line,
                    email: String::new(),
                    column: None,
                    // The CSV reader's own words (in English) say what is wrong.
                    message: Message::new("import-line-not-csv").text("error", err.to_string()),
                });
                break;
            }
        }
        if record.iter().all(str::is_empty) {
            continue;
        }
        let line = record.position().map_or(0, csv::Position::line);
        candidates.push(read_candidate(&record, line, &columns, today, &mut plan.errors));
        if candidates.len().is_multiple_of(4096) {
            progress(Progress { done: record.position().map_or(0, csv::Position::byte), total });
        }
    }
    plan.lines_read = candidates.len();
    if candidates.is_empty() && plan.errors.is_empty() {
        plan.file_errors.push(Message::new("import-refused-nobody"));
        return plan;
    }
    check_people(&mut candidates, directory, importer, &mut plan);
    plan.rows = plan_rows(candidates, directory);
    plan.active_before = directory.people().iter().filter(|p| p.active).count();
    if options.deactivate_missing {
        check_missing(directory, importer, options, &mut plan);
    }
    check_admins_remain(directory, &mut plan);
    let column_order =
        |c: &str| COLUMNS.iter().chain(OPTIONAL_COLUMNS.iter()).position(|x| *x == c).map_or(0, |at| at + 1);
    plan.errors.sort_by_key(|e| (e.line, e.column.map_or(0, column_order)));
    progress(Progress { done: total, total });
    plan
}
