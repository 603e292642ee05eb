//! A program an employee proposes: the proposal form, the administrators' decision on it,
//! and the draft program an approval makes (the proposer completes it as its owner; only
//! administrators publish it).

use super::forms::FieldErrors;
use super::message::Message;
use super::program_form::{choice, text, ProgramDraft};
use super::{Category, Cents, CompletionEvidence, CompletionVerifier, Format, ProgramKind, ProposalStatus};
use crate::domain::budget::ProgramBudget;
use crate::domain::outcomes::TargetRoles;

/// The most a proposal may expect one person's place to cost: $100,000.
pub const MAX_EXPECTED_COST: Cents = Cents(10_000_000);

/// The longest comment or reason of a decision.
pub const MAX_COMMENT_CHARS: usize = 2_000;

/// The proposal form as typed (every value kept to show the form again).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct ProposalInput {
    pub name: String,
    pub summary: String,
    pub description: String,
    /// A `ProgramKind` name.
    pub kind: String,
    /// Who the program is for, in the proposer's words.
    pub audience: String,
    /// What one person's place is expected to cost, in dollars ("0" when free).
    pub expected_cost: String,
    /// What the proposer knows of the subject, or has run before.
    pub experience: String,
}

/// A proposal's fields, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProposalDraft {
    pub name: String,
    pub summary: String,
    pub description: String,
    pub kind: ProgramKind,
    pub audience: String,
    pub expected_cost: Cents,
    pub experience: String,
}

/// The form as it shows a stored proposal: what sending it unchanged sends back.
impl From<&ProposalDraft> for ProposalInput {
    fn from(draft: &ProposalDraft) -> Self {
        ProposalInput {
            name: draft.name.clone(),
            summary: draft.summary.clone(),
            description: draft.description.clone(),
            kind: draft.kind.as_str().to_owned(),
            audience: draft.audience.clone(),
            expected_cost: draft.expected_cost.to_plain(),
            experience: draft.experience.clone(),
        }
    }
}

/// The form's fields, in their order on the page (the error summary lists them so).
pub const FIELDS: [&str; 7] = ["name", "summary", "description", "kind", "audience", "expected_cost", "experience"];

/// Checks the proposal form: the name, summary and description as a program's, who it is
/// for, the expected cost of one place and the proposer's experience.
pub fn parse_proposal(input: &ProposalInput) -> Result<ProposalDraft, FieldErrors> {
    let mut errors = FieldErrors::default();
    let name = text(&mut errors, ("name", "term-name"), &input.name, (3, 120), false);
    let summary = text(&mut errors, ("summary", "term-proposal-summary"), &input.summary, (10, 300), false);
    let description = text(&mut errors, ("description", "term-description"), &input.description, (20, 10_000), true);
    let kind = choice::<ProgramKind>(&mut errors, "kind", &input.kind, "program-error-kind");
    let audience = text(&mut errors, ("audience", "term-proposal-audience"), &input.audience, (3, 1_000), true);
    let expected_cost = expected_cost(&mut errors, &input.expected_cost);
    let experience =
        text(&mut errors, ("experience", "term-proposal-experience"), &input.experience, (10, 2_000), true);
    match (kind, errors.is_empty()) {
        (Some(kind), true) => {
            Ok(ProposalDraft { name, summary, description, kind, audience, expected_cost, experience })
        }
        _ => Err(errors),
    }
}

/// The expected cost of one place: dollars, `0` for a free program.
fn expected_cost(errors: &mut FieldErrors, value: &str) -> Cents {
    let value = value.trim();
    if value.is_empty() {
        errors.add("expected_cost", Message::new("proposal-error-cost-missing"));
        return Cents(0);
    }
    let digits = value.strip_prefix('$').unwrap_or(value).trim();
    let free =
        digits.starts_with('0') && digits.chars().all(|c| c == '0' || c == '.') && digits.matches('.').count() <= 1;
    if free {
        return Cents(0);
    }
    match Cents::parse_dollars_at_most(value, MAX_EXPECTED_COST) {
        Ok(cents) => cents,
        Err(crate::domain::money::MoneyError::TooLarge) => {
            errors.add("expected_cost", Message::new("proposal-error-cost-too-large").money("max", MAX_EXPECTED_COST));
            Cents(0)
        }
        Err(err) => {
            errors.add("expected_cost", err.said());
            Cents(0)
        }
    }
}

/// What an administrator decides on a proposal waiting for review.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProposalDecision {
    /// A draft program is made, owned by the proposer; the comment is optional.
    Approve { comment: Option<String> },
    /// The proposer edits and sends it again.
    RequestChanges { comment: String },
    /// The proposal ends here.
    Decline { reason: String },
}

impl ProposalDecision {
    /// The status the proposal moves to.
    pub fn status(&self) -> ProposalStatus {
        match self {
            ProposalDecision::Approve { .. } => ProposalStatus::Approved,
            ProposalDecision::RequestChanges { .. } => ProposalStatus::ChangesRequested,
            ProposalDecision::Decline { .. } => ProposalStatus::Declined,
        }
    }

    /// The comment kept on the timeline.
    pub fn comment(&self) -> Option<&str> {
        match self {
            ProposalDecision::Approve { comment } => comment.as_deref(),
            ProposalDecision::RequestChanges { comment } => Some(comment),
            ProposalDecision::Decline { reason } => Some(reason),
        }
    }
}

/// The decision form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(default)]
pub struct DecisionInput {
    /// `approve`, `request_changes` or `decline`.
    pub decision: String,
    pub comment: String,
}

/// Checks the decision form: asking for changes needs a comment, declining a reason.
pub fn parse_decision(input: &DecisionInput) -> Result<ProposalDecision, FieldErrors> {
    let mut errors = FieldErrors::default();
    let comment = match super::text::form_text(&input.comment, "term-comment") {
        Ok(comment) if comment.chars().count() > MAX_COMMENT_CHARS => {
            errors.add("comment", Message::new("proposal-error-comment-long").number("max", MAX_COMMENT_CHARS));
            comment
        }
        Ok(comment) => comment,
        Err(message) => {
            errors.add("comment", message);
            String::new()
        }
    };
    let decision = match input.decision.trim() {
        "approve" => Some(ProposalDecision::Approve { comment: Some(comment.clone()).filter(|c| !c.is_empty()) }),
        "request_changes" if comment.is_empty() => {
            if errors.is_empty() {
                errors.add("comment", Message::new("proposal-error-changes-need-comment"));
            }
            None
        }
        "request_changes" => Some(ProposalDecision::RequestChanges { comment: comment.clone() }),
        "decline" if comment.is_empty() => {
            if errors.is_empty() {
                errors.add("comment", Message::new("proposal-error-decline-needs-reason"));
            }
            None
        }
        "decline" => Some(ProposalDecision::Decline { reason: comment.clone() }),
        _ => {
            errors.add("decision", Message::new("proposal-error-choose-decision"));
            None
        }
    };
    match (decision, errors.is_empty()) {
        (Some(decision), true) => Ok(decision),
        _ => Err(errors),
    }
}

impl ProposalStatus {
    /// The proposer may still change it: before a decision, or when changes were asked for.
    pub fn editable(self) -> bool {
        matches!(self, ProposalStatus::Submitted | ProposalStatus::ChangesRequested)
    }
}

/// The address name a program made from a proposal named `name` would take: its letters
/// and digits in lower case, words joined by hyphens, at most 50 long (the caller adds
/// `-2`, `-3`… when it is taken); `program` when the name has no Latin letter or digit.
pub fn slug_base(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            if slug.len() >= 50 {
                break;
            }
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.len() < 3 {
        return if slug.is_empty() { "program".to_owned() } else { format!("{slug}-program") };
    }
    slug.to_owned()
}

/// The draft program an approved proposal becomes, at `slug`: its name, summary,
/// description and kind are the proposal's; the rest starts as open as a program can be
/// (anyone may apply, the manager and the program team decide), for the owner to complete
/// before an administrator publishes it. The provider is left empty, so that the form
/// asks for it.
pub fn draft_program(proposal: &ProposalDraft, slug: String) -> ProgramDraft {
    ProgramDraft {
        slug,
        name: proposal.name.clone(),
        summary: proposal.summary.clone(),
        description: proposal.description.clone(),
        kind: proposal.kind,
        category: Category::Technical,
        format: Format::Online,
        provider: String::new(),
        duration_weeks: None,
        min_tenure_days: 0,
        job_families: Vec::new(),
        site_types: Vec::new(),
        full_time_only: false,
        tuition_percent: 0,
        cap_full_time: Cents(0),
        cap_part_time: Cents(0),
        needs_manager_approval: true,
        needs_admin_approval: true,
        opens_on: None,
        closes_on: None,
        start_url: None,
        completion_evidence: CompletionEvidence::File,
        verified_by: CompletionVerifier::ProgramTeam,
        completion_note: String::new(),
        targets: TargetRoles::default(),
        budget: ProgramBudget::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ProposalInput {
        ProposalInput {
            name: "Forklift to Fleet Analyst".into(),
            summary: "Spreadsheets and SQL for people who run the yard.".into(),
            description: "Twelve weeks of evening classes on the data a yard produces.".into(),
            kind: "cohort".into(),
            audience: "Yard and fleet associates".into(),
            expected_cost: "$1,200".into(),
            experience: "I ran the site's Excel club for two years.".into(),
        }
    }

    #[test]
    fn a_complete_proposal_is_accepted_and_shows_again_unchanged() {
        let draft = parse_proposal(&input()).unwrap();
        assert_eq!(draft.kind, ProgramKind::Cohort);
        assert_eq!(draft.expected_cost, Cents(120_000));
        let again = parse_proposal(&ProposalInput::from(&draft)).unwrap();
        assert_eq!(again, draft);
    }

    #[test]
    fn every_wrong_field_gets_its_message_in_the_forms_order() {
        let wrong = ProposalInput {
            name: "A\u{0}".into(),
            summary: "short".into(),
            description: String::new(),
            kind: "lecture".into(),
            audience: String::new(),
            expected_cost: "-5".into(),
            experience: "me".into(),
        };
        let errors = parse_proposal(&wrong).unwrap_err();
        let fields: Vec<&str> = errors.0.iter().map(|(field, _)| *field).collect();
        assert_eq!(fields, FIELDS.to_vec());
    }

    #[test]
    fn a_free_program_costs_zero_and_a_cost_has_a_ceiling() {
        for free in ["0", "$0", "0.00", " 0 "] {
            let draft = parse_proposal(&ProposalInput { expected_cost: free.into(), ..input() }).unwrap();
            assert_eq!(draft.expected_cost, Cents(0), "{free}");
        }
        let errors = parse_proposal(&ProposalInput { expected_cost: "100000.01".into(), ..input() }).unwrap_err();
        assert_eq!(
            errors.get("expected_cost"),
            Some(&Message::new("proposal-error-cost-too-large").money("max", Cents(10_000_000)))
        );
        let errors = parse_proposal(&ProposalInput { expected_cost: String::new(), ..input() }).unwrap_err();
        assert_eq!(errors.get("expected_cost").and_then(|m| m.id()), Some("proposal-error-cost-missing"));
    }

    #[test]
    fn asking_for_changes_or_declining_needs_words_approving_does_not() {
        let decide = |decision: &str, comment: &str| {
            parse_decision(&DecisionInput { decision: decision.into(), comment: comment.into() })
        };
        assert_eq!(decide("approve", "  ").unwrap(), ProposalDecision::Approve { comment: None });
        assert_eq!(decide("approve", "Go").unwrap(), ProposalDecision::Approve { comment: Some("Go".into()) });
        let id = |errors: FieldErrors, field: &str| errors.get(field).and_then(|m| m.id().map(str::to_owned));
        assert_eq!(
            id(decide("request_changes", "").unwrap_err(), "comment"),
            Some("proposal-error-changes-need-comment".to_owned())
        );
        assert_eq!(
            decide("request_changes", "Name a provider").unwrap(),
            ProposalDecision::RequestChanges { comment: "Name a provider".into() }
        );
        assert_eq!(
            id(decide("decline", "").unwrap_err(), "comment"),
            Some("proposal-error-decline-needs-reason".to_owned())
        );
        assert_eq!(decide("decline", "Exists").unwrap().status(), ProposalStatus::Declined);
        assert_eq!(
            id(decide("publish", "x").unwrap_err(), "decision"),
            Some("proposal-error-choose-decision".to_owned())
        );
        assert_eq!(id(decide("approve", "a\u{1b}b").unwrap_err(), "comment"), Some("text-control".to_owned()));
        assert_eq!(
            id(decide("decline", &"x".repeat(MAX_COMMENT_CHARS + 1)).unwrap_err(), "comment"),
            Some("proposal-error-comment-long".to_owned())
        );
    }

    #[test]
    fn a_slug_is_the_names_words_in_lower_case() {
        assert_eq!(slug_base("Forklift to Fleet Analyst"), "forklift-to-fleet-analyst");
        assert_eq!(slug_base("  C++ & Rust: (2027)!  "), "c-rust-2027");
        assert_eq!(slug_base("Ñandú"), "and");
        assert_eq!(slug_base("AI"), "ai-program");
        assert_eq!(slug_base("日本語"), "program");
        assert!((45..=50).contains(&slug_base(&"word ".repeat(40)).len()));
        for name in ["Forklift to Fleet Analyst", "日本語", "Ñandú", &"word ".repeat(40), "a-", "--x--"] {
            assert!(crate::domain::program_form::valid_slug(&slug_base(name)), "{name}");
        }
    }

    #[test]
    fn the_draft_program_keeps_the_proposals_words_and_asks_for_the_provider() {
        let proposal = parse_proposal(&input()).unwrap();
        let program = draft_program(&proposal, "forklift-to-fleet-analyst".into());
        assert_eq!((program.name.as_str(), program.kind), ("Forklift to Fleet Analyst", ProgramKind::Cohort));
        let errors =
            crate::domain::program_form::parse_program(&crate::domain::program_form::ProgramInput::from(&program))
                .unwrap_err();
        assert_eq!(errors.0.iter().map(|(field, _)| *field).collect::<Vec<_>>(), vec!["provider"]);
    }
}
