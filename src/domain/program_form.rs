//! The program form of the administrators: every field of a program, checked, with a
//! message per wrong field.

use chrono::NaiveDate;

use super::budget::{parse_budget, ProgramBudget};
use super::enums::UnknownValue;
use super::forms::FieldErrors;
use super::message::Message;
use super::outcomes::{TargetRoles, MAX_TITLE_KEYWORDS, MAX_TITLE_KEYWORD_CHARS};
use super::{
    Category, Cents, CompletionEvidence, CompletionVerifier, Format, JobFamily, ProgramKind, ProgramRules,
    ProgramStatus, SiteType, TuitionFunding,
};

/// The largest yearly tuition cap accepted: $100,000.
const MAX_CAP: Cents = Cents(10_000_000);

/// The form as typed (every value kept to show the form again). Checkboxes are true
/// when sent at all; the lists of ticked job families and site types repeat their name.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct ProgramInput {
    pub slug: String,
    pub name: String,
    pub summary: String,
    pub description: String,
    pub kind: String,
    pub category: String,
    pub format: String,
    pub provider: String,
    pub duration_weeks: String,
    pub min_tenure_days: String,
    #[serde(deserialize_with = "super::forms::one_or_many")]
    pub job_families: Vec<String>,
    #[serde(deserialize_with = "super::forms::one_or_many")]
    pub site_types: Vec<String>,
    #[serde(deserialize_with = "super::forms::ticked")]
    pub full_time_only: bool,
    pub tuition_percent: String,
    pub cap_full_time: String,
    pub cap_part_time: String,
    #[serde(deserialize_with = "super::forms::ticked")]
    pub needs_manager_approval: bool,
    #[serde(deserialize_with = "super::forms::ticked")]
    pub needs_admin_approval: bool,
    pub opens_on: String,
    pub closes_on: String,
    /// Where someone with a place starts the course (optional).
    pub start_url: String,
    /// What someone who finished sends (a `CompletionEvidence` name).
    pub completion_evidence: String,
    /// Who confirms a completion (a `CompletionVerifier` name).
    pub verified_by: String,
    /// What exactly to send, in words (optional).
    pub completion_note: String,
    /// The job families of the roles the program leads to (none ticked: any).
    #[serde(deserialize_with = "super::forms::one_or_many")]
    pub target_job_families: Vec<String>,
    /// Job-title keywords of those roles, comma-separated (optional).
    pub target_title_keywords: String,
    /// The program's yearly budget in dollars (optional).
    pub annual_budget: String,
    /// What one seat of a cohort program costs, in dollars (optional).
    pub seat_cost: String,
}

/// A program's fields, checked (the status is set by publish/archive, not this form).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgramDraft {
    pub slug: String,
    pub name: String,
    pub summary: String,
    pub description: String,
    pub kind: ProgramKind,
    pub category: Category,
    pub format: Format,
    pub provider: String,
    pub duration_weeks: Option<i32>,
    pub min_tenure_days: i32,
    pub job_families: Vec<JobFamily>,
    pub site_types: Vec<SiteType>,
    pub full_time_only: bool,
    pub tuition_percent: i32,
    pub cap_full_time: Cents,
    pub cap_part_time: Cents,
    pub needs_manager_approval: bool,
    pub needs_admin_approval: bool,
    pub opens_on: Option<NaiveDate>,
    pub closes_on: Option<NaiveDate>,
    pub start_url: Option<String>,
    pub completion_evidence: CompletionEvidence,
    pub verified_by: CompletionVerifier,
    pub completion_note: String,
    /// The roles the program leads to.
    pub targets: TargetRoles,
    pub budget: ProgramBudget,
}

impl ProgramDraft {
    /// The eligibility and funding rules the draft would have with `status`.
    pub fn rules(&self, status: ProgramStatus) -> ProgramRules {
        ProgramRules {
            status,
            min_tenure_days: self.min_tenure_days,
            allowed_job_families: self.job_families.clone(),
            allowed_site_types: self.site_types.clone(),
            full_time_only: self.full_time_only,
            opens_on: self.opens_on,
            closes_on: self.closes_on,
            funding: TuitionFunding {
                percent: self.tuition_percent,
                cap_full_time: self.cap_full_time,
                cap_part_time: self.cap_part_time,
            },
        }
    }
}

/// The form as it shows a checked program: what saving it unchanged sends back.
impl From<&ProgramDraft> for ProgramInput {
    fn from(draft: &ProgramDraft) -> Self {
        let plain = |cents: Cents| if cents == Cents(0) { String::new() } else { cents.to_plain() };
        let day = |date: Option<NaiveDate>| date.map(|d| d.to_string()).unwrap_or_default();
        ProgramInput {
            slug: draft.slug.clone(),
            name: draft.name.clone(),
            summary: draft.summary.clone(),
            description: draft.description.clone(),
            kind: draft.kind.as_str().to_owned(),
            category: draft.category.as_str().to_owned(),
            format: draft.format.as_str().to_owned(),
            provider: draft.provider.clone(),
            duration_weeks: draft.duration_weeks.map(|w| w.to_string()).unwrap_or_default(),
            min_tenure_days: draft.min_tenure_days.to_string(),
            job_families: draft.job_families.iter().map(|f| f.as_str().to_owned()).collect(),
            site_types: draft.site_types.iter().map(|s| s.as_str().to_owned()).collect(),
            full_time_only: draft.full_time_only,
            tuition_percent: draft.tuition_percent.to_string(),
            cap_full_time: plain(draft.cap_full_time),
            cap_part_time: plain(draft.cap_part_time),
            needs_manager_approval: draft.needs_manager_approval,
            needs_admin_approval: draft.needs_admin_approval,
            opens_on: day(draft.opens_on),
            closes_on: day(draft.closes_on),
            start_url: draft.start_url.clone().unwrap_or_default(),
            completion_evidence: draft.completion_evidence.as_str().to_owned(),
            verified_by: draft.verified_by.as_str().to_owned(),
            completion_note: draft.completion_note.clone(),
            target_job_families: draft.targets.job_families.iter().map(|f| f.as_str().to_owned()).collect(),
            target_title_keywords: draft.targets.keywords_text(),
            annual_budget: draft.budget.annual.map(Cents::to_plain).unwrap_or_default(),
            seat_cost: draft.budget.seat_cost.map(Cents::to_plain).unwrap_or_default(),
        }
    }
}

/// The longest "Start the course" address accepted.
const MAX_URL_CHARS: usize = 500;

/// A text field: one line, or several (`multiline`, line endings made `\n`), of `min` to
/// `max` characters. `what` names the field in the messages: a catalog word (`term-…`).
pub(crate) fn text(
    errors: &mut FieldErrors,
    (field, what): (&'static str, &'static str),
    value: &str,
    (min, max): (usize, usize),
    multiline: bool,
) -> String {
    let checked = if multiline { super::text::form_text(value, what) } else { super::text::form_line(value, what) };
    let value = match checked {
        Ok(value) => value,
        Err(message) => {
            errors.add(field, message);
            return value.trim().to_owned();
        }
    };
    let length = value.chars().count();
    if length == 0 {
        errors.add(field, Message::new("program-error-text-empty").term("what", what));
    } else if length < min {
        errors.add(field, Message::new("program-error-text-too-short").term("what", what).number("min", min));
    } else if length > max {
        errors.add(
            field,
            Message::new("program-error-text-too-long").term("what", what).number("max", max).number("length", length),
        );
    }
    value
}

/// One value of a closed list, or `refusal` (a catalog message that names the choices,
/// such as `program-error-kind`) for `field`.
pub(crate) fn choice<T: std::str::FromStr<Err = UnknownValue>>(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
    refusal: &'static str,
) -> Option<T> {
    match value.trim().parse::<T>() {
        Ok(v) => Some(v),
        Err(_) => {
            errors.add(field, Message::new(refusal));
            None
        }
    }
}

/// A whole number from `min` to `max`; `what` names the field: a catalog word (`term-…`).
fn number(
    errors: &mut FieldErrors,
    field: &'static str,
    what: &'static str,
    value: &str,
    min: i32,
    max: i32,
) -> Option<i32> {
    match value.trim().parse::<i32>() {
        Ok(n) if (min..=max).contains(&n) => Some(n),
        _ => {
            errors.add(
                field,
                Message::new("program-error-number").term("what", what).number("min", min).number("max", max),
            );
            None
        }
    }
}

fn money(errors: &mut FieldErrors, field: &'static str, value: &str) -> Cents {
    let value = value.trim();
    if value.is_empty() || value == "0" {
        return Cents(0);
    }
    match Cents::parse_dollars(value) {
        Ok(amount) if amount <= MAX_CAP => amount,
        Ok(_) => {
            errors.add(field, Message::new("program-error-cap-too-large").money("max", MAX_CAP));
            Cents(0)
        }
        Err(err) => {
            errors.add(field, err.said());
            Cents(0)
        }
    }
}

fn date(errors: &mut FieldErrors, field: &'static str, value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    match NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        Ok(date) => Some(date),
        Err(_) => {
            errors.add(field, Message::new("program-error-date"));
            None
        }
    }
}

/// An optional https address, as people paste it: `None` when empty.
fn https_url(errors: &mut FieldErrors, field: &'static str, value: &str) -> Option<String> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    match check_https_url(value) {
        Ok(()) => Some(value.to_owned()),
        Err(message) => {
            errors.add(field, message);
            None
        }
    }
}

/// Whether `url` is an https address of a named host (an intranet name will do), without credentials, spaces or
/// characters that have no place in an address; the message says what is wrong.
pub fn check_https_url(url: &str) -> Result<(), Message> {
    let Some(rest) = url.get(..8).filter(|scheme| scheme.eq_ignore_ascii_case("https://")).map(|_| &url[8..]) else {
        return Err(Message::new("program-error-url-not-https"));
    };
    check_address_after_scheme(url, rest)
}

/// Whether `url` is an http or https address of a named host (a credential's verification
/// page), under the same rules as [`check_https_url`].
pub fn check_web_url(url: &str) -> Result<(), Message> {
    let scheme = |prefix: &str| url.get(..prefix.len()).is_some_and(|s| s.eq_ignore_ascii_case(prefix));
    let rest = if scheme("https://") {
        &url[8..]
    } else if scheme("http://") {
        &url[7..]
    } else {
        return Err(Message::new("program-error-url-not-web"));
    };
    check_address_after_scheme(url, rest)
}

/// The rules of an address after its scheme: length, characters, no credentials, a
/// named host and a numeric port.
fn check_address_after_scheme(url: &str, rest: &str) -> Result<(), Message> {
    if url.chars().count() > MAX_URL_CHARS {
        return Err(Message::new("program-error-url-too-long").number("max", MAX_URL_CHARS));
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control() || "\"<>\\`{}|^".contains(c)) {
        return Err(Message::new("program-error-url-characters"));
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.contains('@') {
        return Err(Message::new("program-error-url-credentials"));
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    let host_ok = host.split('.').all(|label| {
        !label.is_empty() && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') && !label.starts_with('-')
    });
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.chars().all(|c| c.is_ascii_digit()));
    if !host_ok || !port_ok {
        return Err(Message::new("program-error-url-host"));
    }
    Ok(())
}

/// Whether a slug is lower-case letters, digits and single hyphens, 3 to 60 long.
pub fn valid_slug(slug: &str) -> bool {
    (3..=60).contains(&slug.len())
        && slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
}

/// Checks the program form.
pub fn parse_program(input: &ProgramInput) -> Result<ProgramDraft, FieldErrors> {
    // The checks run in the order of the form's fields, so that the messages are listed so.
    let mut errors = FieldErrors::default();
    let slug = input.slug.trim().to_owned();
    if !valid_slug(&slug) {
        errors.add("slug", Message::new("program-error-slug"));
    }
    let name = text(&mut errors, ("name", "term-name"), &input.name, (3, 120), false);
    let summary = text(&mut errors, ("summary", "term-program-summary"), &input.summary, (10, 300), false);
    let provider = text(&mut errors, ("provider", "term-program-provider"), &input.provider, (2, 120), false);
    let description = text(&mut errors, ("description", "term-description"), &input.description, (20, 10_000), true);
    let kind = choice::<ProgramKind>(&mut errors, "kind", &input.kind, "program-error-kind");
    let category = choice::<Category>(&mut errors, "category", &input.category, "program-error-category");
    let format = choice::<Format>(&mut errors, "format", &input.format, "program-error-format");
    let duration_weeks = if input.duration_weeks.trim().is_empty() {
        None
    } else {
        number(&mut errors, "duration_weeks", "term-program-duration-weeks", &input.duration_weeks, 1, 520)
    };
    let min_tenure_days =
        number(&mut errors, "min_tenure_days", "term-program-min-tenure-days", &input.min_tenure_days, 0, 3650);
    let job_families: Result<Vec<JobFamily>, _> = input.job_families.iter().map(|f| f.parse()).collect();
    let job_families = job_families.unwrap_or_else(|_| {
        errors.add("job_families", Message::new("program-error-job-families"));
        Vec::new()
    });
    let site_types: Result<Vec<SiteType>, _> = input.site_types.iter().map(|s| s.parse()).collect();
    let site_types = site_types.unwrap_or_else(|_| {
        errors.add("site_types", Message::new("program-error-site-types"));
        Vec::new()
    });
    let tuition = kind == Some(ProgramKind::Tuition);
    let tuition_percent =
        number(&mut errors, "tuition_percent", "term-program-tuition-percent", &input.tuition_percent, 0, 100);
    if tuition && tuition_percent == Some(0) {
        errors.add("tuition_percent", Message::new("program-error-tuition-percent"));
    }
    let cap_full_time = money(&mut errors, "cap_full_time", &input.cap_full_time);
    if tuition && cap_full_time == Cents(0) && errors.get("cap_full_time").is_none() {
        errors.add("cap_full_time", Message::new("program-error-cap-full-time"));
    }
    let cap_part_time = money(&mut errors, "cap_part_time", &input.cap_part_time);
    let budget = parse_budget(&mut errors, kind, &input.annual_budget, &input.seat_cost);
    let opens_on = date(&mut errors, "opens_on", &input.opens_on);
    let closes_on = date(&mut errors, "closes_on", &input.closes_on);
    if let (Some(opens), Some(closes)) = (opens_on, closes_on) {
        if closes < opens {
            errors.add("closes_on", Message::new("program-error-closes-before-opens"));
        }
    }
    let start_url = https_url(&mut errors, "start_url", &input.start_url);
    let (completion_evidence, verified_by, completion_note) = completion_rules(&mut errors, input);
    let targets = target_roles(&mut errors, input);
    match (kind, category, format, min_tenure_days, tuition_percent, errors.is_empty()) {
        (Some(kind), Some(category), Some(format), Some(min_tenure_days), Some(tuition_percent), true) => {
            Ok(ProgramDraft {
                slug,
                name,
                summary,
                description,
                kind,
                category,
                format,
                provider,
                duration_weeks,
                min_tenure_days,
                job_families,
                site_types,
                full_time_only: input.full_time_only,
                tuition_percent,
                cap_full_time,
                cap_part_time,
                needs_manager_approval: input.needs_manager_approval,
                needs_admin_approval: input.needs_admin_approval,
                opens_on,
                closes_on,
                start_url,
                completion_evidence,
                verified_by,
                completion_note,
                targets,
                budget,
            })
        }
        _ => Err(errors),
    }
}

/// The longest note on what to send at completion.
const MAX_COMPLETION_NOTE_CHARS: usize = 300;

/// What a program asks for at completion and who confirms it. Automatic acceptance needs
/// credential details to accept: a file, or nothing at all, is the program team's to judge.
fn completion_rules(
    errors: &mut FieldErrors,
    input: &ProgramInput,
) -> (CompletionEvidence, CompletionVerifier, String) {
    let evidence = input.completion_evidence.parse().unwrap_or_else(|_| {
        errors.add("completion_evidence", Message::new("program-error-completion-evidence"));
        CompletionEvidence::None
    });
    let verified_by = input.verified_by.parse().unwrap_or_else(|_| {
        errors.add("verified_by", Message::new("program-error-verified-by"));
        CompletionVerifier::ProgramTeam
    });
    if verified_by == CompletionVerifier::Auto
        && evidence != CompletionEvidence::Credential
        && errors.get("completion_evidence").is_none()
    {
        errors.add("verified_by", Message::new("program-error-auto-needs-credential"));
    }
    let note = match super::text::form_line(&input.completion_note, "term-completion-note") {
        Ok(note) if note.chars().count() > MAX_COMPLETION_NOTE_CHARS => {
            errors.add(
                "completion_note",
                Message::new("program-error-note-too-long").number("max", MAX_COMPLETION_NOTE_CHARS),
            );
            note
        }
        Ok(note) => note,
        Err(message) => {
            errors.add("completion_note", message);
            input.completion_note.trim().to_owned()
        }
    };
    (evidence, verified_by, note)
}

/// The roles the program leads to: ticked job families and title keywords.
fn target_roles(errors: &mut FieldErrors, input: &ProgramInput) -> TargetRoles {
    let families: Result<Vec<JobFamily>, _> = input.target_job_families.iter().map(|f| f.parse()).collect();
    let job_families = families.unwrap_or_else(|_| {
        errors.add("target_job_families", Message::new("program-error-job-families"));
        Vec::new()
    });
    let title_keywords = match super::text::form_line(&input.target_title_keywords, "term-title-keywords") {
        Ok(text) => TargetRoles::parse_keywords(&text),
        Err(message) => {
            errors.add("target_title_keywords", message);
            Vec::new()
        }
    };
    if title_keywords.len() > MAX_TITLE_KEYWORDS {
        errors.add(
            "target_title_keywords",
            Message::new("program-error-too-many-keywords").number("max", MAX_TITLE_KEYWORDS),
        );
    } else if title_keywords.iter().any(|k| k.chars().count() > MAX_TITLE_KEYWORD_CHARS) {
        errors.add(
            "target_title_keywords",
            Message::new("program-error-keyword-too-long").number("max", MAX_TITLE_KEYWORD_CHARS),
        );
    }
    TargetRoles { job_families, title_keywords }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> ProgramInput {
        ProgramInput {
            slug: "data-analytics".into(),
            name: "Data Analytics Bootcamp".into(),
            summary: "Twelve weeks to become a data analyst.".into(),
            description: "A full-time bootcamp with projects on real company data.".into(),
            kind: "cohort".into(),
            category: "technical".into(),
            format: "online".into(),
            provider: "Data Academy".into(),
            duration_weeks: "12".into(),
            min_tenure_days: "180".into(),
            job_families: vec!["fulfillment".into(), "retail".into()],
            site_types: vec![],
            full_time_only: true,
            tuition_percent: "0".into(),
            cap_full_time: "".into(),
            cap_part_time: "".into(),
            needs_manager_approval: true,
            needs_admin_approval: true,
            opens_on: "2027-01-01".into(),
            closes_on: "2027-03-01".into(),
            start_url: "https://academy.example.com/data/start".into(),
            completion_evidence: "credential".into(),
            verified_by: "program_team".into(),
            completion_note: "Your certificate and its number.".into(),
            target_job_families: vec!["technical".into()],
            target_title_keywords: "Data, analyst".into(),
            annual_budget: "600000".into(),
            seat_cost: "12000".into(),
        }
    }

    #[test]
    fn target_roles_are_ticked_families_and_comma_separated_keywords() {
        let draft = parse_program(&good()).unwrap();
        assert_eq!(draft.targets.job_families, [JobFamily::Technical]);
        assert_eq!(draft.targets.title_keywords, ["data", "analyst"]);
        assert_eq!(ProgramInput::from(&draft).target_title_keywords, "data, analyst");
        let refused = |input: ProgramInput| parse_program(&input).unwrap_err();
        assert!(refused(ProgramInput { target_job_families: vec!["astronaut".into()], ..good() })
            .get("target_job_families")
            .is_some());
        assert!(refused(ProgramInput { target_title_keywords: "a\u{7}b".into(), ..good() })
            .get("target_title_keywords")
            .is_some());
        assert!(refused(ProgramInput { target_title_keywords: "x".repeat(61), ..good() })
            .get("target_title_keywords")
            .is_some());
        let many = (0..21).map(|i| format!("k{i}")).collect::<Vec<_>>().join(",");
        assert!(refused(ProgramInput { target_title_keywords: many, ..good() }).get("target_title_keywords").is_some());
    }

    #[test]
    fn only_credential_details_are_accepted_automatically() {
        let with = |evidence: &str, verified_by: &str| {
            parse_program(&ProgramInput {
                completion_evidence: evidence.into(),
                verified_by: verified_by.into(),
                ..good()
            })
        };
        let draft = with("credential", "auto").unwrap();
        assert_eq!(
            (draft.completion_evidence, draft.verified_by),
            (CompletionEvidence::Credential, CompletionVerifier::Auto)
        );
        for evidence in ["none", "file"] {
            let errors = with(evidence, "auto").unwrap_err();
            assert_eq!(
                errors.get("verified_by").and_then(|m| m.id()),
                Some("program-error-auto-needs-credential"),
                "{evidence}"
            );
        }
        assert!(with("diploma", "program_team").unwrap_err().get("completion_evidence").is_some());
        assert!(with("file", "robot").unwrap_err().get("verified_by").is_some());
        let note = parse_program(&ProgramInput { completion_note: "a\u{0}b".into(), ..good() });
        assert!(note.unwrap_err().get("completion_note").is_some());
    }

    #[test]
    fn a_complete_form_becomes_a_program() {
        let draft = parse_program(&good()).unwrap();
        assert_eq!(draft.kind, ProgramKind::Cohort);
        assert_eq!(draft.job_families, [JobFamily::Fulfillment, JobFamily::Retail]);
        assert_eq!(draft.duration_weeks, Some(12));
        assert_eq!(draft.cap_full_time, Cents(0));
        assert_eq!(draft.budget.annual, Some(Cents(60_000_000)));
        assert_eq!(draft.budget.seat_cost, Some(Cents(1_200_000)));
    }

    #[test]
    fn slugs_are_lower_case_words_joined_by_hyphens() {
        for (slug, ok) in [
            ("ab", false),
            ("data-analytics", true),
            ("Data", false),
            ("a--b", false),
            ("-ab", false),
            ("ab1-c2", true),
            ("a b", false),
        ] {
            assert_eq!(valid_slug(slug), ok, "{slug}");
        }
    }

    #[test]
    fn every_wrong_field_gets_its_own_message() {
        let bad = ProgramInput {
            slug: "Bad Slug".into(),
            name: "".into(),
            summary: "short".into(),
            description: "x".repeat(10_001),
            kind: "lecture".into(),
            category: "".into(),
            format: "moon".into(),
            provider: "".into(),
            duration_weeks: "0".into(),
            min_tenure_days: "-1".into(),
            job_families: vec!["astronaut".into()],
            site_types: vec!["moon_base".into()],
            tuition_percent: "101".into(),
            cap_full_time: "abc".into(),
            cap_part_time: "1.234".into(),
            annual_budget: "-5".into(),
            seat_cost: "twelve".into(),
            opens_on: "2027-03-01".into(),
            closes_on: "2027-01-01".into(),
            start_url: "javascript:alert(1)".into(),
            ..good()
        };
        let errors = parse_program(&bad).unwrap_err();
        let fields: Vec<&str> = errors.0.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            [
                "slug",
                "name",
                "summary",
                "provider",
                "description",
                "kind",
                "category",
                "format",
                "duration_weeks",
                "min_tenure_days",
                "job_families",
                "site_types",
                "tuition_percent",
                "cap_full_time",
                "cap_part_time",
                "annual_budget",
                "seat_cost",
                "closes_on",
                "start_url"
            ]
        );
        assert_eq!(errors.get("kind").and_then(|m| m.id()), Some("program-error-kind"));
    }

    #[test]
    fn one_line_fields_refuse_breaks_and_invisible_characters_and_the_description_keeps_one_kind_of_line_ending() {
        let bad = ProgramInput {
            name: "Data\nAnalytics".into(),
            summary: "Twelve weeks\u{0} to become a data analyst.".into(),
            provider: "Data\u{202e}Academy".into(),
            description: "A bootcamp\u{7} with projects on real company data.".into(),
            ..good()
        };
        let errors = parse_program(&bad).unwrap_err();
        assert_eq!(errors.get("name").and_then(|m| m.id()), Some("text-line-break"), "{errors:?}");
        assert_eq!(errors.get("summary").and_then(|m| m.id()), Some("text-nul"), "{errors:?}");
        assert_eq!(errors.get("provider").and_then(|m| m.id()), Some("text-invisible"), "{errors:?}");
        assert_eq!(errors.get("description").and_then(|m| m.id()), Some("text-control"), "{errors:?}");
        let crlf = ProgramInput { description: "First paragraph here.\r\n\r\nSecond one.\r\n".into(), ..good() };
        assert_eq!(parse_program(&crlf).unwrap().description, "First paragraph here.\n\nSecond one.");
    }

    #[test]
    fn a_checked_program_shows_as_the_form_that_gives_it_back() {
        let typed = ProgramInput {
            name: "  Data Analytics Bootcamp ".into(),
            cap_full_time: "5250".into(),
            kind: "tuition".into(),
            tuition_percent: "100".into(),
            seat_cost: "".into(),
            ..good()
        };
        let draft = parse_program(&typed).unwrap();
        let shown = ProgramInput::from(&draft);
        assert_eq!(shown.name, "Data Analytics Bootcamp");
        assert_eq!(shown.cap_full_time, "5250.00");
        assert_eq!(shown.annual_budget, "600000.00");
        assert_eq!(parse_program(&shown).unwrap(), draft);
    }

    #[test]
    fn a_tuition_program_needs_a_percentage_and_a_cap() {
        let tuition = ProgramInput { kind: "tuition".into(), tuition_percent: "0".into(), ..good() };
        let errors = parse_program(&tuition).unwrap_err();
        assert!(errors.get("tuition_percent").is_some());
        assert!(errors.get("cap_full_time").is_some());
        let fine = ProgramInput {
            kind: "tuition".into(),
            tuition_percent: "100".into(),
            cap_full_time: "5250".into(),
            cap_part_time: "2625".into(),
            seat_cost: "".into(),
            ..good()
        };
        let draft = parse_program(&fine).unwrap();
        assert_eq!((draft.cap_full_time, draft.cap_part_time), (Cents(525_000), Cents(262_500)));
    }

    #[test]
    fn the_start_address_is_optional_and_only_https() {
        let draft = |url: &str| parse_program(&ProgramInput { start_url: url.into(), ..good() });
        assert_eq!(draft("").unwrap().start_url, None);
        assert_eq!(
            draft(" https://skillbuilder.aws/ ").unwrap().start_url.as_deref(),
            Some("https://skillbuilder.aws/")
        );
        assert!(draft("HTTPS://aws.amazon.com:443/machine-learning/mlu/?ref=upskill#start").is_ok());
        assert!(draft("https://learning/start").is_ok(), "an intranet host");
        for wrong in [
            "http://skillbuilder.aws/",
            "javascript:alert(1)",
            "skillbuilder.aws",
            "https://",
            "https://user:secret@skillbuilder.aws/",
            "https://skill builder.aws/",
            "https://skillbuilder.aws/\"onmouseover=\"x",
            "https://skillbuilder.aws:port/",
            "https://-bad.example/",
        ] {
            assert!(draft(wrong).unwrap_err().get("start_url").is_some(), "{wrong}");
        }
        assert!(draft(&format!("https://example.com/{}", "a".repeat(500))).is_err());
    }
}
