//! What an application's page shows of its completion: what the program asks for, the
//! evidence sent (the credential; the files are listed with the others), the owner's form
//! to send it, and the program team's three decisions.

use chrono::NaiveDate;

use crate::db::credentials::Credential;
use crate::db::programs::Program;
use crate::domain::application::{transition, Action, Actor, BudgetFit, Facts, Seats, Stages, Status};
use crate::domain::completion::{what_to_send, with_note, CompletionInput};
use crate::domain::forms::FieldErrors;
use crate::domain::{CompletionEvidence, CompletionVerifier};
use crate::i18n::Tr;
use crate::web::format::long_date;

/// Which completion form a refused request came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CompletionForm {
    /// The owner's evidence.
    #[default]
    Evidence,
    Confirm,
    Return,
    NotCompleted,
}

impl CompletionForm {
    /// The form's name in the page's template.
    pub fn name(self) -> &'static str {
        match self {
            CompletionForm::Evidence => "evidence",
            CompletionForm::Confirm => "confirm",
            CompletionForm::Return => "return",
            CompletionForm::NotCompleted => "not-completed",
        }
    }

    /// The prefix of the form's control ids (the error summary links to them).
    pub fn prefix(self) -> &'static str {
        match self {
            CompletionForm::Evidence => "",
            CompletionForm::Confirm => "confirm-",
            CompletionForm::Return => "return-",
            CompletionForm::NotCompleted => "not-completed-",
        }
    }
}

/// A completion form that changed nothing: what was typed, kept, and why.
#[derive(Debug, Clone, Default)]
pub struct CompletionShown {
    pub form: CompletionForm,
    pub errors: FieldErrors,
    /// A refusal that is not about one field (the application moved on meanwhile).
    pub problem: Option<String>,
    pub input: CompletionInput,
    pub comment: String,
    pub confirm: bool,
}

/// A recorded credential, ready to show.
#[derive(Clone)]
pub struct CredentialView {
    pub name: String,
    pub credential_id: String,
    pub earned_on: String,
    pub verification_url: Option<String>,
}

impl From<&Credential> for CredentialView {
    fn from(credential: &Credential) -> Self {
        CredentialView {
            name: credential.name.clone(),
            credential_id: credential.credential_id.clone(),
            earned_on: long_date(credential.earned_on),
            verification_url: credential.verification_url.clone(),
        }
    }
}

/// The program team's decisions the viewer may take now.
pub struct TeamDecisions {
    /// Verify a submission, or mark a place of a program without evidence completed.
    pub can_confirm: bool,
    /// The confirmation verifies evidence (rather than marking a place without any).
    pub verifies: bool,
    pub can_return: bool,
    pub can_mark_not_completed: bool,
}

/// The completion part of an application's page.
pub struct CompletionView {
    /// What the program asks of someone who finished, in a sentence.
    pub requirement: String,
    pub asks_file: bool,
    pub asks_credential: bool,
    pub automatic: bool,
    pub completed_on: Option<String>,
    pub credential: Option<CredentialView>,
    /// The program team's comment when it sent the evidence back.
    pub returned_comment: Option<String>,
    /// The owner may send (or send again) their evidence.
    pub can_send: bool,
    pub team: Option<TeamDecisions>,
    pub version: i32,
    /// The date the confirmation form starts with: the employee's.
    pub confirm_date: String,
    /// What the owner's form shows: what was typed, else what was sent before.
    pub owner_input: CompletionInput,
    /// The refused form, if any, with what was typed.
    pub shown: CompletionShown,
}

impl TeamDecisions {
    /// Whether the program team may take any decision now.
    pub fn any(&self) -> bool {
        self.can_confirm || self.can_return || self.can_mark_not_completed
    }
}

impl CompletionView {
    /// Whether the viewer has a completion decision to take (the aside points to it).
    pub fn team_decides(&self) -> bool {
        self.team.as_ref().is_some_and(TeamDecisions::any)
    }

    /// The label of the owner's date field.
    pub fn date_label(&self) -> &'static str {
        let t = crate::web::language::words();
        if self.asks_credential {
            t.m("evidence-date-earned")
        } else {
            t.m("evidence-completion-date")
        }
    }

    /// The hint of the program team's date field.
    pub fn confirm_hint(&self) -> &'static str {
        let t = crate::web::language::words();
        if self.team.as_ref().is_some_and(|team| team.verifies) {
            t.m("evidence-confirm-hint-verifies")
        } else {
            t.m("evidence-confirm-hint")
        }
    }

    /// Whether the refused form is the one the template calls `form`.
    fn refused(&self, form: &str) -> bool {
        self.shown.form.name() == form
    }

    /// The message of `field` for the form the template calls `form`, or "".
    pub fn error(&self, form: &str, field: &str) -> String {
        if self.refused(form) {
            crate::web::language::words().error(&self.shown.errors, field)
        } else {
            String::new()
        }
    }

    /// Whether the confirmation box of `form` was ticked when it was refused.
    pub fn confirmed(&self, form: &str) -> bool {
        self.refused(form) && self.shown.confirm
    }

    /// The comment typed into `form`, kept when it was refused.
    pub fn comment(&self, form: &str) -> &str {
        if self.refused(form) {
            &self.shown.comment
        } else {
            ""
        }
    }
}

/// What the page knows of the application, for its completion part.
pub struct CompletionFacts<'a> {
    pub status: Status,
    pub version: i32,
    pub program: &'a Program,
    pub is_owner: bool,
    /// The viewer acts as the program team (and the application is not theirs).
    pub is_team: bool,
    pub completed_on: Option<NaiveDate>,
    pub credential: Option<&'a Credential>,
    pub returned_comment: Option<String>,
}

/// The completion part of the page, for an application whose place was given; `None`
/// before approval, or after a refusal or withdrawal.
pub fn completion_view(facts: &CompletionFacts<'_>, shown: Option<CompletionShown>) -> Option<CompletionView> {
    let status = facts.status;
    if !Status::SEAT_HOLDING.contains(&status) {
        return None;
    }
    let program = facts.program;
    let rule = program.completion_rule();
    let machine = Facts {
        stages: Stages { manager: program.needs_manager_approval, admin: program.needs_admin_approval },
        seats: Seats::Free,
        completion: rule,
        budget: BudgetFit::Fits,
    };
    let allowed = |action, actor| transition(Some(status), action, actor, &machine, "comment").is_ok();
    let team = facts.is_team.then(|| TeamDecisions {
        can_confirm: allowed(Action::ConfirmCompletion, Actor::Admin),
        verifies: status == Status::CompletionSubmitted,
        can_return: allowed(Action::ReturnEvidence, Actor::Admin),
        can_mark_not_completed: allowed(Action::MarkNotCompleted, Actor::Admin),
    });
    let shown = shown.unwrap_or_default();
    let confirm_date = match (shown.form, shown.errors.is_empty() && shown.problem.is_none()) {
        (CompletionForm::Confirm, false) => shown.input.completed_on.clone(),
        _ if status == Status::CompletionSubmitted => facts.completed_on.map(|d| d.to_string()).unwrap_or_default(),
        _ => String::new(),
    };
    let refused = !shown.errors.is_empty() || shown.problem.is_some();
    let owner_input = match (shown.form, refused, facts.credential) {
        (CompletionForm::Evidence, true, _) => shown.input.clone(),
        (_, _, Some(sent)) => CompletionInput {
            completed_on: sent.earned_on.to_string(),
            credential_name: sent.name.clone(),
            credential_id: sent.credential_id.clone(),
            verification_url: sent.verification_url.clone().unwrap_or_default(),
        },
        _ => CompletionInput {
            completed_on: facts.completed_on.map(|d| d.to_string()).unwrap_or_default(),
            ..CompletionInput::default()
        },
    };
    let t = crate::web::language::words();
    let requirement = if facts.is_owner {
        match status {
            Status::CompletionSubmitted => t.m("evidence-requirement-sent").to_owned(),
            Status::Completed => t.m("evidence-requirement-completed").to_owned(),
            Status::NotCompleted => t.m("evidence-requirement-not-completed").to_owned(),
            _ => with_note(t.say(&what_to_send(rule.evidence, rule.verified_by)), &program.completion_note),
        }
    } else {
        let asked = match rule.evidence {
            CompletionEvidence::None => t.m("evidence-requirement-none").to_owned(),
            evidence => t.with("evidence-requirement-asks", "evidence", t.name(evidence).to_lowercase()),
        };
        format!("{asked} {}", program.completion_note).trim_end().to_owned()
    };
    Some(CompletionView {
        owner_input,
        requirement,
        asks_file: rule.evidence == CompletionEvidence::File,
        asks_credential: rule.evidence == CompletionEvidence::Credential,
        automatic: rule.verified_by == CompletionVerifier::Auto,
        completed_on: facts.completed_on.filter(|_| status != Status::Approved).map(long_date),
        credential: facts.credential.map(CredentialView::from),
        returned_comment: facts.returned_comment.clone().filter(|_| status == Status::CompletionReturned),
        can_send: facts.is_owner && allowed(Action::SubmitCompletion, Actor::Owner),
        team,
        version: facts.version,
        confirm_date,
        shown,
    })
}

/// The status shown for an application, in the words `t`: "In progress" for an approved
/// place from its start, else the stored status's name.
pub fn status_label(t: Tr, status: Status, starts_on: Option<NaiveDate>, today: NaiveDate) -> &'static str {
    if crate::domain::completion::in_progress(status, starts_on, today) {
        t.m("application-in-progress")
    } else {
        t.name(status)
    }
}
