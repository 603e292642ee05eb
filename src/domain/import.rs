//! Importing employees from the HR system's CSV export: reading the file, checking
//! every row against the file and the current directory, and planning what changes.
//!
//! Pure: the caller passes the file's text, the directory as it is (`Directory`) and
//! today's date; `db::import` applies the plan it gets back.
//!
//! Line numbers are the file's own, as a text editor or a spreadsheet shows them: the
//! header is line 1 and the first person is on line 2. (A quoted value that spans lines
//! counts from the line where its record starts.)

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use chrono::NaiveDate;

use super::{Email, EmploymentType, JobFamily, SiteType};

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
    pub message: String,
}

impl std::fmt::Display for RowError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.column {
            Some(column) => write!(f, "line {}, {}: {}", self.line, column, self.message),
            None => write!(f, "line {}: {}", self.line, self.message),
        }
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
        matches!(&self.action, RowAction::Update { changes, .. } if changes.iter().any(|c| c.column == "manager_email"))
    }
}

/// What importing a file would do: new, updated and unchanged people, or the reasons it can't.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportPlan {
    /// Problems with the file as a whole (missing columns, no people): nothing is read.
    pub file_errors: Vec<String>,
    /// Problems with single lines, by line.
    pub errors: Vec<RowError>,
    /// Things worth knowing that stop nothing (ignored columns, skipped blank lines).
    pub notes: Vec<String>,
    /// Every line without errors, in file order.
    pub rows: Vec<PlannedRow>,
    /// The people lines read (blank lines left out).
    pub lines_read: usize,
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

    pub fn unchanged_count(&self) -> usize {
        self.rows.iter().filter(|r| matches!(r.action, RowAction::Unchanged { .. })).count()
    }

    /// How many lines have at least one error.
    pub fn lines_with_errors(&self) -> usize {
        self.errors.iter().map(|e| e.line).collect::<HashSet<_>>().len()
    }

    /// Every problem as one line of text: file problems first, then line by line.
    pub fn error_lines(&self) -> impl Iterator<Item = String> + '_ {
        self.file_errors.iter().cloned().chain(self.errors.iter().map(ToString::to_string))
    }
}

/// How far reading the file has got: `done` of `total` bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: u64,
    pub total: u64,
}

/// The file's bytes as text: UTF-8, with or without a byte order mark.
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    let text = String::from_utf8(bytes).map_err(|_| {
        "The file is not UTF-8 text. Export it from the HR system as \"CSV UTF-8\" and upload it again.".to_owned()
    })?;
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
    failed: bool,
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
    let mut plan = ImportPlan::default();
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
                    message: format!("This line can't be read as CSV ({err})."),
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
        plan.file_errors.push("The file has a header but nobody in it.".to_owned());
        return plan;
    }
    check_people(&mut candidates, directory, importer, &mut plan);
    plan.rows = plan_rows(candidates, directory);
    check_admins_remain(directory, &mut plan);
    plan.errors
        .sort_by_key(|e| (e.line, e.column.map_or(0, |c| COLUMNS.iter().position(|x| *x == c).unwrap_or(0) + 1)));
    progress(Progress { done: total, total });
    plan
}

/// Where each column is, or the file problems that stop the import.
fn read_header(reader: &mut csv::Reader<&[u8]>, plan: &mut ImportPlan) -> Option<HashMap<&'static str, usize>> {
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
    let mut columns = HashMap::new();
    let mut ignored = Vec::new();
    for (index, name) in header.iter().enumerate() {
        let name = name.to_lowercase();
        match COLUMNS.iter().find(|c| **c == name) {
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
        plan.notes.push(format!(
            "The column{} {} {} not used and {} ignored.",
            if ignored.len() == 1 { "" } else { "s" },
            ignored.join(", "),
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
    value
        .to_lowercase()
        .parse()
        .map_err(|_| format!("\"{value}\" is not a {what}; use one of: {}.", allowed(all, as_str)))
}

fn parse_flag(value: &str) -> Result<bool, String> {
    match value.to_lowercase().as_str() {
        "true" | "yes" | "1" => Ok(true),
        "false" | "no" | "0" | "" => Ok(false),
        _ => Err(format!("\"{value}\" is not yes or no; write true, false, yes, no, 1, 0, or leave it empty (no).")),
    }
}

fn check_text(value: &str, what: &str) -> Result<String, String> {
    if value.chars().count() > MAX_TEXT_CHARS {
        Err(format!("The {what} is longer than {MAX_TEXT_CHARS} characters."))
    } else if value.chars().any(char::is_control) {
        Err(format!("The {what} contains control characters."))
    } else {
        Ok(value.to_owned())
    }
}

/// Reads one line's values, recording what does not parse.
fn read_candidate(
    record: &csv::StringRecord,
    line: u64,
    columns: &HashMap<&'static str, usize>,
    today: NaiveDate,
    errors: &mut Vec<RowError>,
) -> Candidate {
    let value = |column: &str| columns.get(column).and_then(|&i| record.get(i)).unwrap_or("");
    let raw_email = value("email").to_owned();
    let mut failed = false;
    let mut fail = |column: Option<&'static str>, message: String| {
        failed = true;
        errors.push(RowError { line, email: raw_email.clone(), column, message });
    };
    let mut candidate = Candidate {
        line,
        raw_email: raw_email.clone(),
        email: None,
        display_name: String::new(),
        job_title: String::new(),
        job_family: None,
        site_type: None,
        employment_type: None,
        hire_date: None,
        manager_email: None,
        is_admin: None,
        failed: false,
    };
    if columns.values().any(|&i| i >= record.len()) {
        // Fewer values than named columns: the line is cut short or its quotes are wrong.
        fail(
            None,
            format!(
                "This line has {} value{} where the header names more columns; check its commas and quotes.",
                record.len(),
                if record.len() == 1 { "" } else { "s" }
            ),
        );
        candidate.failed = true;
        return candidate;
    }
    match value("email") {
        "" => fail(Some("email"), "The e-mail address is missing.".to_owned()),
        raw => match Email::parse(raw) {
            Ok(email) => candidate.email = Some(email),
            Err(message) => fail(Some("email"), message),
        },
    }
    match value("display_name") {
        "" => fail(Some("display_name"), "The name is empty.".to_owned()),
        name => match check_text(name, "name") {
            Ok(name) => candidate.display_name = name,
            Err(message) => fail(Some("display_name"), message),
        },
    }
    match check_text(value("job_title"), "job title") {
        Ok(title) => candidate.job_title = title,
        Err(message) => fail(Some("job_title"), message),
    }
    match parse_enum(value("job_family"), "job family", JobFamily::ALL, JobFamily::as_str) {
        Ok(family) => candidate.job_family = Some(family),
        Err(message) => fail(Some("job_family"), message),
    }
    match parse_enum(value("site_type"), "site type", SiteType::ALL, SiteType::as_str) {
        Ok(site) => candidate.site_type = Some(site),
        Err(message) => fail(Some("site_type"), message),
    }
    match parse_enum(value("employment_type"), "employment type", EmploymentType::ALL, EmploymentType::as_str) {
        Ok(employment) => candidate.employment_type = Some(employment),
        Err(message) => fail(Some("employment_type"), message),
    }
    match value("hire_date") {
        "" => fail(Some("hire_date"), "The hire date is missing; write it as YYYY-MM-DD.".to_owned()),
        raw => match NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
            Ok(date) if date > today => {
                fail(Some("hire_date"), format!("{date} is in the future: a hire date can't be after today ({today})."))
            }
            Ok(date) => candidate.hire_date = Some(date),
            Err(_) => fail(
                Some("hire_date"),
                format!("\"{raw}\" is not a date; write it as YYYY-MM-DD, for example 2021-03-05."),
            ),
        },
    }
    match value("manager_email") {
        "" => candidate.manager_email = Some(None),
        raw => match Email::parse(raw) {
            Ok(manager) if Some(&manager) == candidate.email.as_ref() => {
                fail(Some("manager_email"), "A person can't be their own manager.".to_owned())
            }
            Ok(manager) => candidate.manager_email = Some(Some(manager)),
            Err(message) => fail(Some("manager_email"), message),
        },
    }
    match parse_flag(value("is_admin")) {
        Ok(flag) => candidate.is_admin = Some(flag),
        Err(message) => fail(Some("is_admin"), message),
    }
    candidate.failed = failed;
    candidate
}

/// The checks that need the whole file: duplicates, managers, cycles, own admin rights.
fn check_people(
    candidates: &mut [Candidate],
    directory: &Directory,
    importer: Option<Importer<'_>>,
    plan: &mut ImportPlan,
) {
    // The first line of each address is the person; later ones are duplicates.
    let mut in_file: HashMap<&str, usize> = HashMap::with_capacity(candidates.len());
    let mut duplicates = Vec::new();
    for (index, candidate) in candidates.iter().enumerate() {
        if let Some(email) = &candidate.email {
            match in_file.get(email.as_str()) {
                Some(&first) => duplicates.push((index, candidates[first].line)),
                None => {
                    in_file.insert(email.as_str(), index);
                }
            }
        }
    }
    let mut failures: Vec<(usize, RowError)> = Vec::new();
    for (index, first_line) in duplicates {
        let candidate = &candidates[index];
        failures.push((
            index,
            RowError {
                line: candidate.line,
                email: candidate.raw_email.clone(),
                column: Some("email"),
                message: format!("This e-mail address is already on line {first_line}."),
            },
        ));
    }
    for (index, candidate) in candidates.iter().enumerate() {
        let Some(Some(manager)) = &candidate.manager_email else {
            continue;
        };
        let message = match (in_file.contains_key(manager.as_str()), directory.by_email(manager.as_str())) {
            (_, Some(person)) if !person.active => {
                format!("{manager} no longer works here (their account is inactive), so they can't be a manager.")
            }
            (false, None) => format!("Nobody with the address {manager} is in the file or in Upskill."),
            _ => continue,
        };
        failures.push((
            index,
            RowError {
                line: candidate.line,
                email: candidate.raw_email.clone(),
                column: Some("manager_email"),
                message,
            },
        ));
    }
    for (index, cycle) in find_cycles(candidates, &in_file, directory) {
        let candidate = &candidates[index];
        failures.push((
            index,
            RowError {
                line: candidate.line,
                email: candidate.raw_email.clone(),
                column: Some("manager_email"),
                message: format!("These people would manage each other in a circle: {cycle}."),
            },
        ));
    }
    if let Some(importer) = importer {
        for (index, candidate) in candidates.iter().enumerate() {
            let is_importer = candidate.email.as_ref().is_some_and(|e| e.as_str() == importer.email);
            let was_admin = directory.by_email(importer.email).is_some_and(|p| p.is_admin);
            if is_importer && was_admin && candidate.is_admin == Some(false) {
                failures.push((
                    index,
                    RowError {
                        line: candidate.line,
                        email: candidate.raw_email.clone(),
                        column: Some("is_admin"),
                        message: "You can't take away your own administrator rights with an import; \
                                  ask another administrator."
                            .to_owned(),
                    },
                ));
            }
        }
    }
    for (index, error) in failures {
        candidates[index].failed = true;
        plan.errors.push(error);
    }
}

/// A node of the management graph: a line of the file, or someone only in the directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Node {
    File(usize),
    Existing(i32),
}

/// The lines whose manager chain comes back to them, each with the circle in words.
/// Each person's manager is the file's when the file lists them, else the directory's.
fn find_cycles(
    candidates: &[Candidate],
    in_file: &HashMap<&str, usize>,
    directory: &Directory,
) -> Vec<(usize, String)> {
    let node_of = |email: &str| match in_file.get(email) {
        Some(&index) => Some(Node::File(index)),
        None => directory.by_email(email).map(|p| Node::Existing(p.id)),
    };
    let next = |node: Node| -> Option<Node> {
        match node {
            Node::File(index) => match &candidates[index].manager_email {
                Some(Some(manager)) if Some(manager) != candidates[index].email.as_ref() => node_of(manager.as_str()),
                _ => None,
            },
            Node::Existing(id) => {
                let manager = directory.by_id(id)?.manager_id?;
                node_of(&directory.by_id(manager)?.email)
            }
        }
    };
    let email_of = |node: Node| match node {
        Node::File(index) => candidates[index].email.as_ref().map_or(String::new(), |e| e.to_string()),
        Node::Existing(id) => directory.by_id(id).map_or(String::new(), |p| p.email.clone()),
    };
    // 0: not seen, 1: on the path being walked, 2: done.
    let mut file_state = vec![0u8; candidates.len()];
    let mut existing_state: HashMap<i32, u8> = HashMap::new();
    let mut cycles = Vec::new();
    for start in 0..candidates.len() {
        if file_state[start] != 0
            || in_file.get(candidates[start].email.as_ref().map_or("", Email::as_str)) != Some(&start)
        {
            continue;
        }
        let mut path: Vec<Node> = Vec::new();
        let mut current = Some(Node::File(start));
        while let Some(node) = current {
            let state = match node {
                Node::File(i) => &mut file_state[i],
                Node::Existing(id) => existing_state.entry(id).or_insert(0),
            };
            match *state {
                0 => {
                    *state = 1;
                    path.push(node);
                    current = next(node);
                }
                1 => {
                    let from = path.iter().position(|n| *n == node).unwrap_or(0);
                    let circle = &path[from..];
                    let mut words = String::new();
                    for (shown, n) in circle.iter().chain(std::iter::once(&node)).enumerate() {
                        if shown == 12 {
                            let _ = write!(words, " → … ({} people)", circle.len());
                            break;
                        }
                        if shown > 0 {
                            words.push_str(" → ");
                        }
                        words.push_str(&email_of(*n));
                    }
                    for n in circle {
                        if let Node::File(index) = n {
                            cycles.push((*index, words.clone()));
                        }
                    }
                    break;
                }
                _ => break,
            }
        }
        for node in path {
            match node {
                Node::File(i) => file_state[i] = 2,
                Node::Existing(id) => {
                    existing_state.insert(id, 2);
                }
            }
        }
    }
    cycles
}

/// The plan of every line without errors: new, changed or unchanged.
fn plan_rows(candidates: Vec<Candidate>, directory: &Directory) -> Vec<PlannedRow> {
    let mut rows = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        if candidate.failed {
            continue;
        }
        let (
            Some(email),
            Some(job_family),
            Some(site_type),
            Some(employment_type),
            Some(hire_date),
            Some(manager_email),
            Some(is_admin),
        ) = (
            candidate.email,
            candidate.job_family,
            candidate.site_type,
            candidate.employment_type,
            candidate.hire_date,
            candidate.manager_email,
            candidate.is_admin,
        )
        else {
            continue;
        };
        let row = ImportRow {
            line: candidate.line,
            email,
            display_name: candidate.display_name,
            job_title: candidate.job_title,
            job_family,
            site_type,
            employment_type,
            hire_date,
            manager_email,
            is_admin,
        };
        let manager = match &row.manager_email {
            None => ManagerRef::None,
            Some(manager) => match directory.by_email(manager.as_str()) {
                Some(person) => ManagerRef::Existing(person.id),
                None => ManagerRef::New(manager.clone()),
            },
        };
        let action = match directory.by_email(row.email.as_str()) {
            None => RowAction::New,
            Some(person) => {
                let changes = changes(person, &row, &manager, directory);
                if changes.is_empty() {
                    RowAction::Unchanged { id: person.id }
                } else {
                    RowAction::Update { id: person.id, changes }
                }
            }
        };
        rows.push(PlannedRow { row, manager, action });
    }
    rows
}

/// What differs between a stored person and their line in the file.
fn changes(person: &ExistingPerson, row: &ImportRow, manager: &ManagerRef, directory: &Directory) -> Vec<Change> {
    let flag = |b: bool| if b { "true" } else { "false" }.to_owned();
    let mut changes = Vec::new();
    let mut compare = |column: &'static str, before: String, after: String| {
        if before != after {
            changes.push(Change { column, before, after });
        }
    };
    compare("display_name", person.display_name.clone(), row.display_name.clone());
    compare("job_title", person.job_title.clone(), row.job_title.clone());
    compare("job_family", person.job_family.as_str().to_owned(), row.job_family.as_str().to_owned());
    compare("site_type", person.site_type.as_str().to_owned(), row.site_type.as_str().to_owned());
    compare("employment_type", person.employment_type.as_str().to_owned(), row.employment_type.as_str().to_owned());
    compare("hire_date", person.hire_date.to_string(), row.hire_date.to_string());
    let manager_changed = match manager {
        ManagerRef::None => person.manager_id.is_some(),
        ManagerRef::Existing(id) => person.manager_id != Some(*id),
        ManagerRef::New(_) => true,
    };
    if manager_changed {
        let before = person.manager_id.and_then(|id| directory.by_id(id)).map_or(String::new(), |m| m.email.clone());
        let after = row.manager_email.as_ref().map_or(String::new(), |m| m.to_string());
        changes.push(Change { column: "manager_email", before, after });
    }
    if person.is_admin != row.is_admin {
        changes.push(Change { column: "is_admin", before: flag(person.is_admin), after: flag(row.is_admin) });
    }
    changes
}

/// A file may not take away the last administrator's rights.
fn check_admins_remain(directory: &Directory, plan: &mut ImportPlan) {
    if plan.has_errors() {
        return;
    }
    let admins_before = directory.people().iter().filter(|p| p.is_admin && p.active).count();
    if admins_before == 0 {
        return;
    }
    let in_file: HashMap<&str, bool> = plan.rows.iter().map(|r| (r.row.email.as_str(), r.row.is_admin)).collect();
    let stay = directory.people().iter().filter(|p| p.is_admin && p.active && !in_file.contains_key(p.email.as_str()));
    let made = plan
        .rows
        .iter()
        .filter(|r| r.row.is_admin && directory.by_email(r.row.email.as_str()).is_none_or(|p| p.active));
    if stay.count() + made.count() == 0 {
        plan.file_errors.push(
            "This file would leave Upskill without an administrator: mark at least one person is_admin=true."
                .to_owned(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str =
        "email,display_name,job_title,job_family,site_type,employment_type,hire_date,manager_email,is_admin";

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    fn person(id: i32, email: &str, manager_id: Option<i32>, is_admin: bool) -> ExistingPerson {
        ExistingPerson {
            id,
            email: email.to_owned(),
            display_name: format!("Person {id}"),
            job_title: "Associate".to_owned(),
            job_family: JobFamily::Fulfillment,
            site_type: SiteType::FulfillmentCenter,
            employment_type: EmploymentType::FullTime,
            hire_date: NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(),
            manager_id,
            is_admin,
            active: true,
        }
    }

    /// ada (1, admin) ← maria (2) ← fiona (3); inactive ivan (4).
    fn directory() -> Directory {
        let mut ivan = person(4, "ivan@x.io", None, false);
        ivan.active = false;
        Directory::new(vec![
            person(1, "ada@x.io", None, true),
            person(2, "maria@x.io", Some(1), false),
            person(3, "fiona@x.io", Some(2), false),
            ivan,
        ])
    }

    /// A line for `email` as the directory holds Person `id`, with a manager.
    fn line(email: &str, id: i32, manager: &str) -> String {
        format!("{email},Person {id},Associate,fulfillment,fulfillment_center,full_time,2020-01-01,{manager},no")
    }

    /// The same line for an administrator.
    fn admin_line(email: &str, id: i32, manager: &str) -> String {
        format!("{}yes", line(email, id, manager).trim_end_matches("no"))
    }

    fn plan(lines: &[String]) -> ImportPlan {
        let text = format!("{HEADER}\n{}\n", lines.join("\n"));
        plan_import(&text, &directory(), today(), None, &mut |_| {})
    }

    fn errors(plan: &ImportPlan) -> Vec<(u64, Option<&'static str>)> {
        plan.errors.iter().map(|e| (e.line, e.column)).collect()
    }

    fn messages(plan: &ImportPlan) -> String {
        plan.error_lines().collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn the_same_people_as_stored_change_nothing() {
        let plan = plan(&[
            admin_line("ada@x.io", 1, ""),
            line("maria@x.io", 2, "ada@x.io"),
            line("fiona@x.io", 3, "maria@x.io"),
        ]);
        assert!(!plan.has_errors(), "{}", messages(&plan));
        assert_eq!((plan.new_count(), plan.updated_count(), plan.unchanged_count()), (0, 0, 3));
        assert!(plan.notes.is_empty());
    }

    #[test]
    fn new_updated_and_unchanged_people_are_told_apart_with_their_changes() {
        let mut fiona = line("Fiona@X.io", 3, "nina@x.io");
        fiona = fiona.replace("Associate,fulfillment", "Team Lead,operations");
        let plan = plan(&[
            line("maria@x.io", 2, "ada@x.io"),
            fiona,
            // Nina comes after the person she manages: still found.
            "nina@x.io,Nina New,Manager,operations,corporate_office,part_time,2024-02-29,maria@x.io,yes".to_owned(),
        ]);
        assert!(!plan.has_errors(), "{}", messages(&plan));
        assert_eq!((plan.new_count(), plan.updated_count(), plan.unchanged_count()), (1, 1, 1));
        let fiona = &plan.rows[1];
        assert_eq!(fiona.row.line, 3);
        assert_eq!(fiona.manager, ManagerRef::New(Email::parse("nina@x.io").unwrap()));
        assert!(fiona.changes_manager());
        let RowAction::Update { id, changes } = &fiona.action else { panic!("not an update") };
        assert_eq!(*id, 3);
        let changed: Vec<(&str, &str, &str)> =
            changes.iter().map(|c| (c.column, c.before.as_str(), c.after.as_str())).collect();
        assert_eq!(
            changed,
            [
                ("job_title", "Associate", "Team Lead"),
                ("job_family", "fulfillment", "operations"),
                ("manager_email", "maria@x.io", "nina@x.io"),
            ]
        );
        let nina = &plan.rows[2];
        assert_eq!(nina.action, RowAction::New);
        assert_eq!(nina.manager, ManagerRef::Existing(2));
        assert_eq!(nina.row.employment_type, EmploymentType::PartTime);
        assert!(nina.row.is_admin);
    }

    #[test]
    fn a_manager_only_in_the_directory_and_no_manager_are_both_fine() {
        let plan = plan(&[line("new@x.io", 9, "maria@x.io"), line("fiona@x.io", 3, "")]);
        assert!(!plan.has_errors(), "{}", messages(&plan));
        assert_eq!(plan.rows[0].manager, ManagerRef::Existing(2));
        let RowAction::Update { changes, .. } = &plan.rows[1].action else { panic!("not an update") };
        assert_eq!(changes, &[Change { column: "manager_email", before: "maria@x.io".into(), after: String::new() }]);
    }

    #[test]
    fn bad_email_addresses_are_refused() {
        let plan = plan(&[line("not-an-address", 9, ""), line("", 10, ""), line("ok@x.io", 11, "nobody@")]);
        assert_eq!(errors(&plan), [(2, Some("email")), (3, Some("email")), (4, Some("manager_email"))]);
        assert!(plan.errors[0].message.contains("is not an e-mail address"));
        assert!(plan.errors[1].message.contains("missing"));
        assert!(plan.rows.is_empty());
    }

    #[test]
    fn unknown_vocabulary_says_what_is_allowed() {
        let plan = plan(&[
            "a@x.io,A,T,astronaut,moon_base,sometimes,2020-01-01,,maybe".to_owned(),
            "b@x.io,B,T,,,,2020-01-01,,".to_owned(),
        ]);
        assert_eq!(
            errors(&plan),
            [
                (2, Some("job_family")),
                (2, Some("site_type")),
                (2, Some("employment_type")),
                (2, Some("is_admin")),
                (3, Some("job_family")),
                (3, Some("site_type")),
                (3, Some("employment_type")),
            ]
        );
        assert_eq!(
            plan.errors[0].message,
            "\"astronaut\" is not a job family; use one of: fulfillment, operations, corporate, technical, retail, transportation."
        );
        assert!(plan.errors[1].message.contains("fulfillment_center, corporate_office, tech_hub"));
        assert!(plan.errors[2].message.contains("full_time, part_time"));
        assert!(plan.errors[3].message.contains("true, false, yes, no, 1, 0"));
        assert!(plan.errors[4].message.starts_with("The job family is missing"));
    }

    #[test]
    fn values_are_read_whatever_their_case_and_spacing() {
        let plan = plan(&[" a@x.io , A ,T, Technical ,TECH_HUB,Full_Time, 2020-01-01 ,, YES ".to_owned()]);
        assert!(!plan.has_errors(), "{}", messages(&plan));
        let row = &plan.rows[0].row;
        assert_eq!((row.job_family, row.site_type, row.is_admin), (JobFamily::Technical, SiteType::TechHub, true));
        assert_eq!(row.display_name, "A");
    }

    #[test]
    fn dates_must_be_real_and_not_in_the_future() {
        let plan = plan(&[
            "a@x.io,A,T,retail,retail_store,part_time,05/03/2021,,".to_owned(),
            "b@x.io,B,T,retail,retail_store,part_time,2026-11-27,,".to_owned(),
            "c@x.io,C,T,retail,retail_store,part_time,2026-02-30,,".to_owned(),
            "d@x.io,D,T,retail,retail_store,part_time,2026-11-26,,".to_owned(),
        ]);
        assert_eq!(errors(&plan), [(2, Some("hire_date")), (3, Some("hire_date")), (4, Some("hire_date"))]);
        assert!(plan.errors[0].message.contains("write it as YYYY-MM-DD"));
        assert_eq!(
            plan.errors[1].message,
            "2026-11-27 is in the future: a hire date can't be after today (2026-11-26)."
        );
        assert_eq!(plan.new_count(), 1, "today is not the future");
    }

    #[test]
    fn a_name_is_required_and_texts_are_bounded() {
        let long = "x".repeat(MAX_TEXT_CHARS + 1);
        let plan = plan(&[
            "a@x.io,,T,retail,retail_store,part_time,2020-01-01,,".to_owned(),
            format!("b@x.io,B,{long},retail,retail_store,part_time,2020-01-01,,"),
        ]);
        assert_eq!(errors(&plan), [(2, Some("display_name")), (3, Some("job_title"))]);
        assert_eq!(plan.errors[0].message, "The name is empty.");
    }

    #[test]
    fn an_address_may_appear_only_once() {
        let plan = plan(&[line("a@x.io", 9, ""), line("b@x.io", 10, ""), line("A@x.io", 11, "")]);
        assert_eq!(errors(&plan), [(4, Some("email"))]);
        assert_eq!(plan.errors[0].message, "This e-mail address is already on line 2.");
        assert_eq!(plan.errors[0].email, "A@x.io");
    }

    #[test]
    fn a_manager_must_be_in_the_file_or_in_upskill_and_active() {
        let plan = plan(&[line("a@x.io", 9, "ghost@x.io"), line("b@x.io", 10, "ivan@x.io")]);
        assert_eq!(errors(&plan), [(2, Some("manager_email")), (3, Some("manager_email"))]);
        assert_eq!(plan.errors[0].message, "Nobody with the address ghost@x.io is in the file or in Upskill.");
        assert!(plan.errors[1].message.contains("no longer works here"));
    }

    #[test]
    fn nobody_manages_themselves() {
        let plan = plan(&[line("a@x.io", 9, "A@x.io")]);
        assert_eq!(errors(&plan), [(2, Some("manager_email"))]);
        assert_eq!(plan.errors[0].message, "A person can't be their own manager.");
    }

    #[test]
    fn managers_may_not_manage_each_other_in_a_circle_within_the_file() {
        let plan = plan(&[line("a@x.io", 9, "b@x.io"), line("b@x.io", 10, "c@x.io"), line("c@x.io", 11, "a@x.io")]);
        assert_eq!(errors(&plan), [(2, Some("manager_email")), (3, Some("manager_email")), (4, Some("manager_email"))]);
        assert_eq!(
            plan.errors[0].message,
            "These people would manage each other in a circle: a@x.io → b@x.io → c@x.io → a@x.io."
        );
    }

    #[test]
    fn circles_through_people_only_in_the_directory_are_found() {
        // Maria (not in the file) reports to Ada; the file puts Ada under Fiona, who reports to Maria.
        let plan = plan(&[admin_line("ada@x.io", 1, "fiona@x.io")]);
        assert_eq!(errors(&plan), [(2, Some("manager_email"))]);
        assert_eq!(
            plan.errors[0].message,
            "These people would manage each other in a circle: ada@x.io → fiona@x.io → maria@x.io → ada@x.io."
        );
        // Moving Fiona out from under Maria first breaks the circle.
        let plan = plan_import(
            &format!("{HEADER}\n{}\n{}\n", admin_line("ada@x.io", 1, "fiona@x.io"), line("fiona@x.io", 3, "")),
            &directory(),
            today(),
            None,
            &mut |_| {},
        );
        assert!(!plan.has_errors(), "{}", messages(&plan));
    }

    #[test]
    fn someone_under_a_circle_is_not_blamed_for_it() {
        let plan = plan(&[line("a@x.io", 9, "b@x.io"), line("b@x.io", 10, "a@x.io"), line("c@x.io", 11, "a@x.io")]);
        assert_eq!(errors(&plan), [(2, Some("manager_email")), (3, Some("manager_email"))]);
    }

    #[test]
    fn columns_may_come_in_any_order_and_extra_ones_are_ignored_with_a_note() {
        let text = "Is_Admin,hire_date,email,display_name,job_title,job_family,site_type,employment_type,manager_email,cost_center\n\
                    no,2020-01-01,z@x.io,Z,T,retail,retail_store,full_time,,CC-1\n";
        let plan = plan_import(text, &directory(), today(), None, &mut |_| {});
        assert!(!plan.has_errors(), "{}", messages(&plan));
        assert_eq!(plan.rows[0].row.email.as_str(), "z@x.io");
        assert_eq!(plan.notes, ["The column cost_center is not used and was ignored."]);
    }

    #[test]
    fn a_header_without_every_column_stops_everything() {
        let plan = plan_import("email,display_name\na@x.io,A\n", &directory(), today(), None, &mut |_| {});
        assert!(plan.has_errors());
        assert!(plan.file_errors[0].starts_with(
            "The header lacks the columns job_title, job_family, site_type, employment_type, hire_date, manager_email, is_admin."
        ));
        let plan = plan_import("", &directory(), today(), None, &mut |_| {});
        assert!(plan.file_errors[0].starts_with("The file is empty"));
        let plan = plan_import(&format!("{HEADER}\n\n"), &directory(), today(), None, &mut |_| {});
        assert_eq!(plan.file_errors, ["The file has a header but nobody in it."]);
    }

    #[test]
    fn a_short_line_is_one_error_and_blank_lines_are_skipped() {
        let plan = plan(&["a@x.io,A,T".to_owned(), String::new(), ",,,,,,,,".to_owned(), line("b@x.io", 9, "")]);
        assert_eq!(errors(&plan), [(2, None)]);
        assert!(plan.errors[0].message.starts_with("This line has 3 values"));
        assert_eq!(plan.lines_read, 2);
        assert_eq!(plan.rows.len(), 1);
    }

    #[test]
    fn line_numbers_count_the_header_and_quoted_line_breaks() {
        let text = format!(
            "{HEADER},notes\n\
             q@x.io,Quinn,T,retail,retail_store,full_time,2020-01-01,,,\"two\nlines\"\n\
             bad,B,T,retail,retail_store,full_time,2020-01-01,,,\n"
        );
        let plan = plan_import(&text, &directory(), today(), None, &mut |_| {});
        assert_eq!(errors(&plan), [(4, Some("email"))]);
        assert_eq!(plan.errors[0].to_string(), "line 4, email: \"bad\" is not an e-mail address.");
        // Line breaks and other control characters have no place in a name.
        let named = super::tests::plan(&[
            "\"q@x.io\",\"Quinn\nQuoted\",T,retail,retail_store,full_time,2020-01-01,,".to_owned()
        ]);
        assert_eq!(errors(&named), [(2, Some("display_name"))]);
    }

    #[test]
    fn an_importer_keeps_their_own_admin_rights_and_someone_stays_admin() {
        let text = format!("{HEADER}\n{}\n", line("ada@x.io", 1, ""));
        let plan = plan_import(&text, &directory(), today(), Some(Importer { email: "ada@x.io" }), &mut |_| {});
        assert_eq!(errors(&plan), [(2, Some("is_admin"))]);
        let plan = plan_import(&text, &directory(), today(), None, &mut |_| {});
        assert_eq!(plan.file_errors.len(), 1, "{}", messages(&plan));
        assert!(plan.file_errors[0].contains("without an administrator"));
        let text = format!("{HEADER}\n{}\n{}\n", line("ada@x.io", 1, ""), admin_line("maria@x.io", 2, ""));
        let plan = plan_import(&text, &directory(), today(), None, &mut |_| {});
        assert!(!plan.has_errors(), "{}", messages(&plan));
        assert_eq!(plan.updated_count(), 2);
    }

    #[test]
    fn files_must_be_utf8_and_lose_their_byte_order_mark() {
        assert_eq!(decode(b"\xef\xbb\xbfemail".to_vec()).unwrap(), "email");
        assert!(decode(vec![0xff, 0xfe, 0x00]).unwrap_err().contains("not UTF-8"));
    }

    #[test]
    fn progress_reaches_the_end() {
        let mut last = None;
        let text = format!("{HEADER}\n{}\n", line("a@x.io", 9, ""));
        plan_import(&text, &directory(), today(), None, &mut |p| last = Some(p));
        assert_eq!(last, Some(Progress { done: text.len() as u64, total: text.len() as u64 }));
    }
}
