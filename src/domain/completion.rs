//! What happens after the yes: what a program asks of someone who finished it, the forms
//! that send and confirm a completion, and how a place in progress is told apart from one
//! that has not started. Pure: the caller gives `today` and the place's start.

use chrono::NaiveDate;
use serde::Deserialize;

use super::forms::FieldErrors;
use super::program_form::check_web_url;
use super::text::one_line;
use super::words::long_date;
use super::{ApplicationStatus, CompletionEvidence, CompletionVerifier};

/// The longest credential name and credential id kept.
pub const MAX_CREDENTIAL_NAME_CHARS: usize = 200;
pub const MAX_CREDENTIAL_ID_CHARS: usize = 100;
/// The longest verification address kept.
pub const MAX_VERIFICATION_URL_CHARS: usize = 500;

/// The earliest and latest dates a completion may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompletionWindow {
    /// The place's start: the intake's (cohort), the term's (tuition), else the day the
    /// employee applied (self-paced: a certificate earned before is not this program's).
    pub starts_on: NaiveDate,
    /// What `starts_on` is, for the message: "the intake started", "the term started",
    /// "you applied".
    pub start_kind: StartKind,
    pub today: NaiveDate,
}

/// What the earliest completion date of a place is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartKind {
    Intake,
    Term,
    Applied,
}

impl CompletionWindow {
    /// The window of a place: its intake's start, else its term's, else the day applied.
    pub fn of(
        intake_starts_on: Option<NaiveDate>,
        term_starts_on: Option<NaiveDate>,
        applied_on: NaiveDate,
        today: NaiveDate,
    ) -> Self {
        let (starts_on, start_kind) = match (intake_starts_on, term_starts_on) {
            (Some(intake), _) => (intake, StartKind::Intake),
            (None, Some(term)) => (term, StartKind::Term),
            (None, None) => (applied_on, StartKind::Applied),
        };
        CompletionWindow { starts_on, start_kind, today }
    }

    /// The date typed into a completion date field (`YYYY-MM-DD`), checked against the
    /// window; the message names the field's subject (`what`: "completion date").
    pub fn check(&self, value: &str, what: &str) -> Result<NaiveDate, String> {
        let value = value.trim();
        if value.is_empty() {
            return Err(format!("Enter the {what}."));
        }
        let date = NaiveDate::parse_from_str(value, "%Y-%m-%d")
            .map_err(|_| format!("Enter the {what} as a real date, for example {}.", self.today.format("%Y-%m-%d")))?;
        if date > self.today {
            return Err(format!("The {what} can't be in the future."));
        }
        if date < self.starts_on {
            let start = long_date(self.starts_on);
            return Err(match self.start_kind {
                StartKind::Intake => format!("The {what} can't be before the intake started, on {start}."),
                StartKind::Term => format!("The {what} can't be before the term started, on {start}."),
                StartKind::Applied => format!("The {what} can't be before the application, on {start}."),
            });
        }
        Ok(date)
    }
}

/// The completion form of the employee, as typed. Every field is text; a `file` program
/// sends only the date (its files are attached on the same page beforehand).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct CompletionInput {
    pub completed_on: String,
    pub credential_name: String,
    pub credential_id: String,
    pub verification_url: String,
}

/// A credential's details, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CredentialDraft {
    pub name: String,
    pub credential_id: String,
    pub earned_on: NaiveDate,
    pub verification_url: Option<String>,
}

/// What an employee sends when they finished, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompletionSubmission {
    pub completed_on: NaiveDate,
    pub credential: Option<CredentialDraft>,
}

/// A one-line text field of `1..=max` characters.
fn line(errors: &mut FieldErrors, field: &'static str, what: &str, value: &str, max: usize) -> String {
    match one_line(value, what) {
        Ok(text) if text.is_empty() => errors.add(field, format!("Enter the {what}.")),
        Ok(text) if text.chars().count() > max => {
            errors.add(field, format!("Shorten the {what} to at most {max} characters."))
        }
        Ok(text) => return text,
        Err(message) => errors.add(field, message),
    }
    value.trim().to_owned()
}

/// Checks the employee's completion form for a program asking for `evidence`.
/// `files_attached` counts the application's files: a `file` program needs one.
pub fn parse_submission(
    input: &CompletionInput,
    evidence: CompletionEvidence,
    window: &CompletionWindow,
    files_attached: usize,
) -> Result<CompletionSubmission, FieldErrors> {
    let mut errors = FieldErrors::default();
    let credential = evidence == CompletionEvidence::Credential;
    let (name, id) = if credential {
        let name = line(
            &mut errors,
            "credential_name",
            "name of the credential",
            &input.credential_name,
            MAX_CREDENTIAL_NAME_CHARS,
        );
        let id = line(
            &mut errors,
            "credential_id",
            "credential ID or certificate number",
            &input.credential_id,
            MAX_CREDENTIAL_ID_CHARS,
        );
        (name, id)
    } else {
        (String::new(), String::new())
    };
    let what = if credential { "date earned" } else { "completion date" };
    let completed_on =
        window.check(&input.completed_on, what).map_err(|message| errors.add("completed_on", message)).ok();
    let verification_url = if credential { verification_url(&mut errors, &input.verification_url) } else { None };
    if evidence == CompletionEvidence::File && files_attached == 0 {
        let message = "Attach your evidence first: a PDF, PNG or JPEG file.";
        errors.add("file", message); // not a stored name
    }
    match completed_on {
        Some(completed_on) if errors.is_empty() => Ok(CompletionSubmission {
            completed_on,
            credential: credential.then_some(CredentialDraft {
                name,
                credential_id: id,
                earned_on: completed_on,
                verification_url,
            }),
        }),
        _ => Err(errors),
    }
}

/// An optional http(s) address where the credential can be checked.
fn verification_url(errors: &mut FieldErrors, value: &str) -> Option<String> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    if let Err(problem) = super::text::check_line(value) {
        errors.add("verification_url", problem.message("verification address"));
        return None;
    }
    match check_web_url(value) {
        Ok(()) if value.chars().count() <= MAX_VERIFICATION_URL_CHARS => Some(value.to_owned()),
        Ok(()) => {
            errors.add(
                "verification_url",
                format!("Shorten the address to at most {MAX_VERIFICATION_URL_CHARS} characters."),
            );
            None
        }
        Err(message) => {
            errors.add("verification_url", message);
            None
        }
    }
}

/// The program team's form to confirm a completion, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct ConfirmationInput {
    pub completed_on: String,
    /// The box that says the decision is final; sent only when ticked.
    #[serde(deserialize_with = "super::forms::ticked")]
    pub confirm: bool,
    pub version: String,
}

/// Checks the program team's confirmation: the date, and the box ticked.
pub fn parse_confirmation(input: &ConfirmationInput, window: &CompletionWindow) -> Result<NaiveDate, FieldErrors> {
    let mut errors = FieldErrors::default();
    let date = window.check(&input.completed_on, "completion date").map_err(|m| errors.add("completed_on", m)).ok();
    if !input.confirm {
        errors.add("confirm", "Tick the box to confirm: a completion can't be undone.");
    }
    match date {
        Some(date) if errors.is_empty() => Ok(date),
        _ => Err(errors),
    }
}

/// Whether an approved place has started: from its intake's start (cohort) or its term's
/// (tuition). Worked out from today's date when shown, never stored.
pub fn in_progress(status: ApplicationStatus, starts_on: Option<NaiveDate>, today: NaiveDate) -> bool {
    status == ApplicationStatus::Approved && starts_on.is_some_and(|start| start <= today)
}

/// What someone who finished sends, in a sentence for the program page and the
/// evidence-requested notice; `note` is the program's own words, if any.
pub fn what_to_send(evidence: CompletionEvidence, verified_by: CompletionVerifier, note: &str) -> String {
    let detail = if note.trim().is_empty() { String::new() } else { format!(" {}", note.trim()) };
    match (evidence, verified_by) {
        (CompletionEvidence::None, _) => {
            "Nothing to send: the program team records your completion when you finish.".to_owned()
        }
        (CompletionEvidence::File, _) => format!(
            "When you finish, attach your evidence to your application and send it to the program team to check.{detail}"
        ),
        (CompletionEvidence::Credential, CompletionVerifier::Auto) => format!(
            "When you finish, record your credential on your application: it is accepted at once.{detail}"
        ),
        (CompletionEvidence::Credential, CompletionVerifier::ProgramTeam) => format!(
            "When you finish, record your credential on your application for the program team to check.{detail}"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn window() -> CompletionWindow {
        CompletionWindow::of(Some(day("2027-01-11")), None, day("2026-12-01"), day("2027-06-30"))
    }

    fn credential(date: &str) -> CompletionInput {
        CompletionInput {
            completed_on: date.into(),
            credential_name: "AWS Certified Cloud Practitioner".into(),
            credential_id: "ABC-123".into(),
            verification_url: "https://www.credly.com/badges/abc".into(),
        }
    }

    #[test]
    fn a_completion_date_lies_between_the_start_and_today() {
        let w = window();
        assert_eq!(w.check("2027-01-11", "completion date"), Ok(day("2027-01-11")));
        assert_eq!(w.check("2027-06-30", "completion date"), Ok(day("2027-06-30")));
        assert_eq!(
            w.check("2027-01-10", "completion date"),
            Err("The completion date can't be before the intake started, on 11 January 2027.".into())
        );
        assert_eq!(w.check("2027-07-01", "completion date"), Err("The completion date can't be in the future.".into()));
        assert_eq!(w.check(" ", "completion date"), Err("Enter the completion date.".into()));
        assert!(w
            .check("2027-02-30", "completion date")
            .unwrap_err()
            .starts_with("Enter the completion date as a real date"));
        let term = CompletionWindow::of(None, Some(day("2027-02-01")), day("2026-12-01"), day("2027-06-30"));
        assert!(term.check("2027-01-31", "completion date").unwrap_err().contains("before the term started"));
        let applied = CompletionWindow::of(None, None, day("2026-12-01"), day("2027-06-30"));
        assert!(applied.check("2026-11-30", "date earned").unwrap_err().contains("before the application"));
    }

    #[test]
    fn a_credential_needs_its_name_its_id_and_a_web_address_if_any() {
        let sent = parse_submission(&credential("2027-03-01"), CompletionEvidence::Credential, &window(), 0).unwrap();
        let draft = sent.credential.unwrap();
        assert_eq!(
            (draft.earned_on, draft.verification_url.as_deref()),
            (day("2027-03-01"), Some("https://www.credly.com/badges/abc"))
        );
        let no_url = CompletionInput { verification_url: String::new(), ..credential("2027-03-01") };
        assert_eq!(
            parse_submission(&no_url, CompletionEvidence::Credential, &window(), 0)
                .unwrap()
                .credential
                .unwrap()
                .verification_url,
            None
        );
        for wrong in [
            "javascript:alert(1)",
            "ftp://example.com/x",
            "https://",
            "https://user:pw@example.com/",
            "data:text/html,x",
        ] {
            let input = CompletionInput { verification_url: wrong.into(), ..credential("2027-03-01") };
            let errors = parse_submission(&input, CompletionEvidence::Credential, &window(), 0).unwrap_err();
            assert!(errors.get("verification_url").is_some(), "{wrong}");
        }
        let empty = CompletionInput { completed_on: "2027-03-01".into(), ..CompletionInput::default() };
        let errors = parse_submission(&empty, CompletionEvidence::Credential, &window(), 0).unwrap_err();
        let fields: Vec<_> = errors.0.iter().map(|(f, _)| *f).collect();
        assert_eq!(fields, ["credential_name", "credential_id"]);
    }

    #[test]
    fn control_characters_and_nul_are_refused_in_every_text_field() {
        for bad in ["a\u{0}b", "a\u{1b}[31mb", "a\nb", "a\u{202e}b"] {
            for field in ["credential_name", "credential_id", "verification_url"] {
                let mut input = credential("2027-03-01");
                match field {
                    "credential_name" => input.credential_name = bad.into(),
                    "credential_id" => input.credential_id = bad.into(),
                    _ => input.verification_url = format!("https://example.com/{bad}"),
                }
                let errors = parse_submission(&input, CompletionEvidence::Credential, &window(), 0).unwrap_err();
                assert!(errors.get(field).is_some(), "{field} {bad:?}");
            }
            let input = CompletionInput { completed_on: format!("2027-03-01{bad}"), ..CompletionInput::default() };
            assert!(parse_submission(&input, CompletionEvidence::File, &window(), 1)
                .unwrap_err()
                .get("completed_on")
                .is_some());
        }
    }

    #[test]
    fn a_file_program_needs_a_file_attached() {
        let input = CompletionInput { completed_on: "2027-03-01".into(), ..CompletionInput::default() };
        let errors = parse_submission(&input, CompletionEvidence::File, &window(), 0).unwrap_err();
        assert_eq!(errors.get("file"), Some("Attach your evidence first: a PDF, PNG or JPEG file."));
        let sent = parse_submission(&input, CompletionEvidence::File, &window(), 1).unwrap();
        assert_eq!((sent.completed_on, sent.credential), (day("2027-03-01"), None));
    }

    #[test]
    fn the_team_confirms_with_a_date_and_the_box_ticked() {
        let input = ConfirmationInput { completed_on: "2027-03-01".into(), confirm: true, version: String::new() };
        assert_eq!(parse_confirmation(&input, &window()), Ok(day("2027-03-01")));
        let unticked =
            parse_confirmation(&ConfirmationInput { confirm: false, ..input.clone() }, &window()).unwrap_err();
        assert!(unticked.get("confirm").is_some());
        let early = ConfirmationInput { completed_on: "2026-12-31".into(), ..input };
        assert!(parse_confirmation(&early, &window()).unwrap_err().get("completed_on").is_some());
    }

    #[test]
    fn a_place_is_in_progress_from_its_start() {
        let start = Some(day("2027-01-11"));
        assert!(!in_progress(ApplicationStatus::Approved, start, day("2027-01-10")));
        assert!(in_progress(ApplicationStatus::Approved, start, day("2027-01-11")));
        assert!(!in_progress(ApplicationStatus::Approved, None, day("2027-01-11")), "self-paced: no start");
        assert!(!in_progress(ApplicationStatus::Waitlisted, start, day("2027-02-01")));
    }
}
