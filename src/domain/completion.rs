//! What happens after the yes: what a program asks of someone who finished it, the forms
//! that send and confirm a completion, and how a place in progress is told apart from one
//! that has not started. Pure: the caller gives `today` and the place's start.

use chrono::NaiveDate;
use serde::Deserialize;

use super::forms::FieldErrors;
use super::message::Message;
use super::program_form::check_web_url;
use super::text::form_line;
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
    /// window; the message names the field's subject by `what`, a catalog word
    /// ("term-completion-date").
    pub fn check(&self, value: &str, what: &'static str) -> Result<NaiveDate, Message> {
        let value = value.trim();
        if value.is_empty() {
            return Err(Message::new("completion-error-date-empty").term("what", what));
        }
        let date = NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| {
            Message::new("completion-error-date-invalid")
                .term("what", what)
                .text("example", self.today.format("%Y-%m-%d").to_string())
        })?;
        if date > self.today {
            return Err(Message::new("completion-error-date-future").term("what", what));
        }
        if date < self.starts_on {
            let id = match self.start_kind {
                StartKind::Intake => "completion-error-date-before-intake",
                StartKind::Term => "completion-error-date-before-term",
                StartKind::Applied => "completion-error-date-before-application",
            };
            return Err(Message::new(id).term("what", what).date("start", self.starts_on));
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

/// A one-line text field of `1..=max` characters, named by `what`, a catalog word.
fn line(errors: &mut FieldErrors, field: &'static str, what: &'static str, value: &str, max: usize) -> String {
    match form_line(value, what) {
        Ok(text) if text.is_empty() => {
            errors.add(field, Message::new("completion-error-line-empty").term("what", what))
        }
        Ok(text) if text.chars().count() > max => {
            errors.add(field, Message::new("completion-error-line-too-long").term("what", what).number("max", max))
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
            "term-completion-credential-name",
            &input.credential_name,
            MAX_CREDENTIAL_NAME_CHARS,
        );
        let id = line(
            &mut errors,
            "credential_id",
            "term-completion-credential-id",
            &input.credential_id,
            MAX_CREDENTIAL_ID_CHARS,
        );
        (name, id)
    } else {
        (String::new(), String::new())
    };
    let what = if credential { "term-completion-date-earned" } else { "term-completion-date" };
    let completed_on =
        window.check(&input.completed_on, what).map_err(|message| errors.add("completed_on", message)).ok();
    let verification_url = if credential { verification_url(&mut errors, &input.verification_url) } else { None };
    if evidence == CompletionEvidence::File && files_attached == 0 {
        errors.add("file", Message::new("completion-error-file-missing")); // not a stored name
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
        errors.add("verification_url", problem.said("term-completion-verification-address"));
        return None;
    }
    match check_web_url(value) {
        Ok(()) if value.chars().count() <= MAX_VERIFICATION_URL_CHARS => Some(value.to_owned()),
        Ok(()) => {
            errors.add(
                "verification_url",
                Message::new("completion-error-address-too-long").number("max", MAX_VERIFICATION_URL_CHARS),
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
    let date =
        window.check(&input.completed_on, "term-completion-date").map_err(|m| errors.add("completed_on", m)).ok();
    if !input.confirm {
        errors.add("confirm", Message::new("completion-error-confirm-unticked"));
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
/// evidence-requested notice (the program's own note, if any, follows it).
pub fn what_to_send(evidence: CompletionEvidence, verified_by: CompletionVerifier) -> Message {
    Message::new(match (evidence, verified_by) {
        (CompletionEvidence::None, _) => "completion-send-nothing",
        (CompletionEvidence::File, _) => "completion-send-file",
        (CompletionEvidence::Credential, CompletionVerifier::Auto) => "completion-send-credential-auto",
        (CompletionEvidence::Credential, CompletionVerifier::ProgramTeam) => "completion-send-credential-team",
    })
}

/// A sentence and the program's own note after it, if it has one.
pub fn with_note(sentence: String, note: &str) -> String {
    match note.trim() {
        "" => sentence,
        note => format!("{sentence} {note}"),
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
        let what = "term-completion-date";
        assert_eq!(w.check("2027-01-11", what), Ok(day("2027-01-11")));
        assert_eq!(w.check("2027-06-30", what), Ok(day("2027-06-30")));
        assert_eq!(
            w.check("2027-01-10", what),
            Err(Message::new("completion-error-date-before-intake")
                .term("what", what)
                .date("start", day("2027-01-11")))
        );
        assert_eq!(w.check("2027-07-01", what), Err(Message::new("completion-error-date-future").term("what", what)));
        assert_eq!(w.check(" ", what), Err(Message::new("completion-error-date-empty").term("what", what)));
        assert_eq!(w.check("2027-02-30", what).unwrap_err().id(), Some("completion-error-date-invalid"));
        let term = CompletionWindow::of(None, Some(day("2027-02-01")), day("2026-12-01"), day("2027-06-30"));
        assert_eq!(term.check("2027-01-31", what).unwrap_err().id(), Some("completion-error-date-before-term"));
        let applied = CompletionWindow::of(None, None, day("2026-12-01"), day("2027-06-30"));
        assert_eq!(
            applied.check("2026-11-30", "term-completion-date-earned").unwrap_err().id(),
            Some("completion-error-date-before-application")
        );
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
        assert_eq!(errors.get("file").and_then(|m| m.id()), Some("completion-error-file-missing"));
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
