//! The application state machine: which action may move an application from which
//! state, by whom, and where it lands (`docs/ARCHITECTURE.md` draws it). Pure: the caller
//! supplies the facts (approval stages, whether a seat is free) and writes the outcome.

use std::fmt;

use super::{Cents, CompletionEvidence, CompletionVerifier};

/// Where an application stands.
pub use super::enums::ApplicationStatus as Status;

/// What someone asks to do with an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// The first submission (there is no application yet).
    Submit,
    /// Submitting again after changes were requested.
    Resubmit,
    Approve,
    Reject,
    RequestChanges,
    Withdraw,
    /// The owner sends their evidence of completion (a file, or credential details).
    SubmitCompletion,
    /// The program team confirms a completion: a submission verified, or, for a program
    /// that asks for no evidence, an approved place marked completed.
    ConfirmCompletion,
    /// The program team asks for changes to the evidence (comment required).
    ReturnEvidence,
    /// The program team closes a place as not completed (reason required).
    MarkNotCompleted,
    /// A seat freed up: the oldest waitlisted application gets it.
    Promote,
    /// The applicant left the company (was deactivated): their place in line goes.
    Leave,
    /// A lottery intake's seats are drawn: a place, or the waitlist.
    Draw,
    /// A seat freed up in a program that offers places: the next waitlisted application
    /// is offered it, to accept or decline within the program's working days.
    Offer,
    /// The owner accepts the place offered to them.
    Accept,
    /// The owner declines the place offered to them (it goes to the next person).
    Decline,
    /// Nobody answered an offer in time: it passes to the next person.
    Lapse,
    /// The program team moves an application to another intake of its program, keeping
    /// its approvals: a place there, that intake's waitlist, or its seat draw.
    Move,
}

impl Action {
    pub const ALL: [Action; 18] = [
        Action::Submit,
        Action::Resubmit,
        Action::Approve,
        Action::Reject,
        Action::RequestChanges,
        Action::Withdraw,
        Action::SubmitCompletion,
        Action::ConfirmCompletion,
        Action::ReturnEvidence,
        Action::MarkNotCompleted,
        Action::Promote,
        Action::Leave,
        Action::Draw,
        Action::Offer,
        Action::Accept,
        Action::Decline,
        Action::Lapse,
        Action::Move,
    ];

    /// The verb, for messages: "You can't approve an application that is withdrawn".
    pub fn verb(self) -> &'static str {
        match self {
            Action::Submit => "submit",
            Action::Resubmit => "resubmit",
            Action::Approve => "approve",
            Action::Reject => "reject",
            Action::RequestChanges => "ask for changes to",
            Action::Withdraw => "withdraw",
            Action::SubmitCompletion => "send evidence of completion for",
            Action::ConfirmCompletion => "confirm the completion of",
            Action::ReturnEvidence => "ask for changes to the evidence of",
            Action::MarkNotCompleted => "mark as not completed",
            Action::Promote => "promote",
            Action::Leave => "withdraw for someone who left",
            Action::Draw => "draw a seat for",
            Action::Offer => "offer a place to",
            Action::Accept => "accept the place of",
            Action::Decline => "decline the place of",
            Action::Lapse => "let lapse the offer of",
            Action::Move => "move to another intake",
        }
    }
}

/// The part a person (or the system) plays for one application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Actor {
    /// The employee who applied.
    Owner,
    /// Whoever decides the manager stage: the employee's manager, their active delegate,
    /// or an admin when the employee has no manager.
    Approver,
    /// The program team (administrators for now): the admin stage, completion, a late
    /// rejection.
    Admin,
    /// Upskill itself (waitlist promotion).
    System,
}

impl Actor {
    pub const ALL: [Actor; 4] = [Actor::Owner, Actor::Approver, Actor::Admin, Actor::System];
}

/// The approval stages a program asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stages {
    pub manager: bool,
    pub admin: bool,
}

/// Whether the intake has room when a seat is to be given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seats {
    /// No intake (self-paced, tuition): no limit.
    Unlimited,
    Free,
    Full,
    /// A lottery intake whose window is open: an approval reserves nothing and waits for
    /// the draw.
    Draw,
}

/// What a program asks for once someone finished it, and who confirms it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompletionRule {
    pub evidence: CompletionEvidence,
    pub verified_by: CompletionVerifier,
}

impl CompletionRule {
    /// Whether a complete submission is completed at once, without the program team.
    pub fn accepted_automatically(self) -> bool {
        self.evidence == CompletionEvidence::Credential && self.verified_by == CompletionVerifier::Auto
    }
}

/// Whether the place an approval gives now fits what is left of the program's budget
/// for the year (`domain::budget`), as far as the one giving it is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BudgetFit {
    /// It fits, the program has no budget, or the one giving it is the program team
    /// (who may exceed the budget with a confirmation, checked by the transaction).
    Fits,
    /// It would exceed the budget: only the program team may give it.
    Exceeds,
}

/// What a transition needs to know about the world.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facts {
    pub stages: Stages,
    pub seats: Seats,
    pub completion: CompletionRule,
    pub budget: BudgetFit,
}

/// What happened, on the timeline.
pub use super::enums::Event;

impl Event {
    /// The catalog message of the timeline's sentence, after the actor's name ("submitted
    /// the application"); `to` is where it landed.
    pub fn timeline_message(self, to: Status) -> &'static str {
        match (self, to) {
            (Event::Submitted, Status::ManagerApproved) => "timeline-submitted-manager-approved",
            (Event::Submitted, _) => "timeline-submitted",
            (Event::ApprovedAtOnce, Status::Waitlisted) => "timeline-approved-at-once-waitlisted",
            (Event::ApprovedAtOnce, _) => "timeline-approved-at-once",
            (Event::Resubmitted, _) => "timeline-resubmitted",
            (Event::ManagerApproved, _) => "timeline-manager-approved",
            (Event::Approved, _) => "timeline-approved",
            (Event::Waitlisted, _) => "timeline-waitlisted",
            (Event::EnteredDraw, _) => "timeline-entered-draw",
            (Event::DrawnPlace, _) => "timeline-drawn-place",
            (Event::DrawnWaitlist, _) => "timeline-drawn-waitlist",
            (Event::Rejected, _) => "timeline-rejected",
            (Event::ChangesRequested, _) => "timeline-changes-requested",
            (Event::Withdrawn, _) => "timeline-withdrawn",
            (Event::Completed, _) => "timeline-completed",
            (Event::CompletionSubmitted, _) => "timeline-completion-submitted",
            (Event::CompletionAccepted, _) => "timeline-completion-accepted",
            (Event::CompletionVerified, _) => "timeline-completion-verified",
            (Event::CompletionReturned, _) => "timeline-completion-returned",
            (Event::NotCompleted, _) => "timeline-not-completed",
            (Event::Promoted, _) => "timeline-promoted",
            (Event::Reassigned, _) => "timeline-reassigned",
            (Event::WithdrawnLeft, _) => "timeline-withdrawn-left",
            (Event::FileAttached, _) => "timeline-file-attached",
            (Event::PaymentRecorded, _) => "timeline-payment-recorded",
            (Event::Offered, _) => "timeline-offered",
            (Event::OfferAccepted, _) => "timeline-offer-accepted",
            (Event::OfferDeclined, _) => "timeline-offer-declined",
            (Event::OfferLapsed, _) => "timeline-offer-lapsed",
            (Event::WaitlistReordered, _) => "timeline-waitlist-reordered",
            (Event::IntakeChanged, Status::Waitlisted) => "timeline-intake-changed-waitlisted",
            (Event::IntakeChanged, Status::InDraw) => "timeline-intake-changed-in-draw",
            (Event::IntakeChanged, _) => "timeline-intake-changed",
        }
    }
}

/// Where a transition lands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    pub to: Status,
    pub event: Event,
    /// The application held a seat and gives it back: promote from the waitlist.
    pub frees_seat: bool,
}

/// Why a transition was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DomainError {
    /// The action is not possible in this state for this actor.
    NotAllowed { action: Action, status: Option<Status> },
    /// Rejections and change requests must say why.
    CommentRequired(Action),
    /// The program asks for no evidence: its team records completion.
    NoEvidenceAsked,
}

impl fmt::Display for DomainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let decision = |action: &Action| matches!(action, Action::Approve | Action::Reject | Action::RequestChanges);
        match self {
            DomainError::NotAllowed { action, status: Some(Status::Withdrawn) } if decision(action) => {
                f.write_str("This application was withdrawn, so there is nothing left to decide.")
            }
            DomainError::NotAllowed { action, status: Some(Status::Submitted) } if decision(action) => {
                f.write_str("This application waits for the manager's decision first.")
            }
            DomainError::NotAllowed { action, status: Some(status) } if decision(action) => {
                write!(f, "This application has already been decided: it is {}.", status.label().to_lowercase())
            }
            DomainError::NotAllowed {
                action: Action::ConfirmCompletion | Action::ReturnEvidence,
                status: Some(Status::Approved | Status::CompletionReturned),
            } => f.write_str("The employee has not sent their evidence of completion yet."),
            DomainError::NotAllowed {
                action:
                    Action::SubmitCompletion | Action::ConfirmCompletion | Action::ReturnEvidence | Action::MarkNotCompleted,
                status: Some(status),
            } if status.is_final() => {
                write!(f, "This place has already been decided: it is {}.", status.label().to_lowercase())
            }
            DomainError::NotAllowed { action: Action::SubmitCompletion, status: Some(Status::CompletionSubmitted) } => {
                f.write_str("Your evidence is already with the program team.")
            }
            DomainError::NotAllowed {
                action:
                    Action::SubmitCompletion | Action::ConfirmCompletion | Action::ReturnEvidence | Action::MarkNotCompleted,
                status: Some(status),
            } => write!(f, "Completion comes after approval; this application is {}.", status.label().to_lowercase()),
            DomainError::NotAllowed { action, status: Some(status) } => {
                write!(f, "You can't {} this application: it is {}.", action.verb(), status.label().to_lowercase())
            }
            DomainError::NotAllowed { action, status: None } => {
                write!(f, "You can't {} an application that does not exist.", action.verb())
            }
            DomainError::CommentRequired(Action::Reject) => f.write_str("Say why the application is rejected."),
            DomainError::CommentRequired(Action::ReturnEvidence) => {
                f.write_str("Say what should change in the evidence.")
            }
            DomainError::CommentRequired(Action::MarkNotCompleted) => {
                f.write_str("Say why the program was not completed.")
            }
            DomainError::NoEvidenceAsked => {
                f.write_str("This program asks for no evidence: its team records your completion.")
            }
            DomainError::CommentRequired(_) => f.write_str("Say what should change."),
        }
    }
}

impl std::error::Error for DomainError {}

/// The state a (re)submitted application goes to: the first approval stage the program
/// has, or a seat when it has none.
fn first_stage(facts: &Facts) -> Outcome {
    if facts.stages.manager {
        Outcome { to: Status::Submitted, event: Event::Submitted, frees_seat: false }
    } else if facts.stages.admin {
        Outcome { to: Status::ManagerApproved, event: Event::Submitted, frees_seat: false }
    } else {
        match place_or_program_team(facts, Event::Submitted) {
            seat @ Outcome { to: Status::Approved | Status::Waitlisted, .. } => {
                Outcome { event: Event::ApprovedAtOnce, ..seat }
            }
            to_the_team => to_the_team,
        }
    }
}

/// A place given without the program team (by the manager stage, or at once): when it
/// would take the program past its budget, the program team decides instead, as
/// `event`. A place on the waitlist commits nothing yet.
fn place_or_program_team(facts: &Facts, event: Event) -> Outcome {
    let seat = allocate_seat(facts);
    if seat.to == Status::Approved && facts.budget == BudgetFit::Exceeds {
        Outcome { to: Status::ManagerApproved, event, frees_seat: false }
    } else {
        seat
    }
}

/// Final approval: a seat when there is one, the waitlist otherwise.
fn allocate_seat(facts: &Facts) -> Outcome {
    match facts.seats {
        Seats::Unlimited | Seats::Free => Outcome { to: Status::Approved, event: Event::Approved, frees_seat: false },
        Seats::Full => Outcome { to: Status::Waitlisted, event: Event::Waitlisted, frees_seat: false },
        Seats::Draw => Outcome { to: Status::InDraw, event: Event::EnteredDraw, frees_seat: false },
    }
}

/// Decides where `action` by `actor` takes an application in state `from` (`None`: not
/// yet created). `comment` is what the actor wrote, if anything.
pub fn transition(
    from: Option<Status>,
    action: Action,
    actor: Actor,
    facts: &Facts,
    comment: &str,
) -> Result<Outcome, DomainError> {
    use Status::*;
    let not_allowed = || DomainError::NotAllowed { action, status: from };
    let needs_comment =
        matches!(action, Action::Reject | Action::RequestChanges | Action::ReturnEvidence | Action::MarkNotCompleted);
    let rule = facts.completion;
    let outcome = match (from, action, actor) {
        (None, Action::Submit, Actor::Owner) => first_stage(facts),
        (Some(ChangesRequested), Action::Resubmit, Actor::Owner) => {
            let outcome = first_stage(facts);
            if outcome.event == Event::Submitted {
                Outcome { event: Event::Resubmitted, ..outcome }
            } else {
                outcome
            }
        }
        (Some(Submitted), Action::Approve, Actor::Approver) => {
            if facts.stages.admin {
                Outcome { to: ManagerApproved, event: Event::ManagerApproved, frees_seat: false }
            } else {
                place_or_program_team(facts, Event::ManagerApproved)
            }
        }
        (Some(ManagerApproved), Action::Approve, Actor::Admin) => allocate_seat(facts),
        (Some(Submitted), Action::Reject, Actor::Approver)
        | (Some(ManagerApproved | Waitlisted | InDraw), Action::Reject, Actor::Admin) => {
            Outcome { to: Rejected, event: Event::Rejected, frees_seat: false }
        }
        (Some(Approved | Offered), Action::Reject, Actor::Admin) => {
            Outcome { to: Rejected, event: Event::Rejected, frees_seat: true }
        }
        (Some(Submitted), Action::RequestChanges, Actor::Approver) => {
            Outcome { to: ChangesRequested, event: Event::ChangesRequested, frees_seat: false }
        }
        (Some(status), Action::Withdraw, Actor::Owner) if may_withdraw(status) => {
            Outcome { to: Withdrawn, event: Event::Withdrawn, frees_seat: Status::SEAT_RESERVING.contains(&status) }
        }
        (Some(Approved | CompletionReturned), Action::SubmitCompletion, Actor::Owner) => {
            if rule.evidence == CompletionEvidence::None {
                return Err(DomainError::NoEvidenceAsked);
            }
            if rule.accepted_automatically() {
                Outcome { to: Completed, event: Event::CompletionAccepted, frees_seat: false }
            } else {
                Outcome { to: CompletionSubmitted, event: Event::CompletionSubmitted, frees_seat: false }
            }
        }
        (Some(CompletionSubmitted), Action::ConfirmCompletion, Actor::Admin) => {
            Outcome { to: Completed, event: Event::CompletionVerified, frees_seat: false }
        }
        (Some(Approved), Action::ConfirmCompletion, Actor::Admin) if rule.evidence == CompletionEvidence::None => {
            Outcome { to: Completed, event: Event::Completed, frees_seat: false }
        }
        (Some(CompletionSubmitted), Action::ReturnEvidence, Actor::Admin) => {
            Outcome { to: CompletionReturned, event: Event::CompletionReturned, frees_seat: false }
        }
        (Some(Approved | CompletionSubmitted | CompletionReturned), Action::MarkNotCompleted, Actor::Admin) => {
            Outcome { to: NotCompleted, event: Event::NotCompleted, frees_seat: false }
        }
        (Some(Waitlisted), Action::Promote, Actor::System) if matches!(facts.seats, Seats::Free | Seats::Unlimited) => {
            Outcome { to: Approved, event: Event::Promoted, frees_seat: false }
        }
        (Some(InDraw), Action::Draw, Actor::System) => match facts.seats {
            Seats::Full => Outcome { to: Waitlisted, event: Event::DrawnWaitlist, frees_seat: false },
            _ => Outcome { to: Approved, event: Event::DrawnPlace, frees_seat: false },
        },
        (Some(Waitlisted | InDraw), Action::Leave, Actor::System) => {
            Outcome { to: Withdrawn, event: Event::WithdrawnLeft, frees_seat: false }
        }
        (Some(Offered), Action::Leave, Actor::System) => {
            Outcome { to: Withdrawn, event: Event::WithdrawnLeft, frees_seat: true }
        }
        (Some(Waitlisted), Action::Offer, Actor::System) if matches!(facts.seats, Seats::Free | Seats::Unlimited) => {
            Outcome { to: Offered, event: Event::Offered, frees_seat: false }
        }
        (Some(Offered), Action::Accept, Actor::Owner) => {
            Outcome { to: Approved, event: Event::OfferAccepted, frees_seat: false }
        }
        (Some(Offered), Action::Decline, Actor::Owner) => {
            Outcome { to: Withdrawn, event: Event::OfferDeclined, frees_seat: true }
        }
        (Some(Offered), Action::Lapse, Actor::System) => {
            Outcome { to: Withdrawn, event: Event::OfferLapsed, frees_seat: true }
        }
        (Some(status @ (Approved | Waitlisted | InDraw | Offered)), Action::Move, Actor::Admin) => {
            let place = allocate_seat(facts);
            Outcome { event: Event::IntakeChanged, frees_seat: Status::SEAT_RESERVING.contains(&status), ..place }
        }
        _ => return Err(not_allowed()),
    };
    if needs_comment && comment.trim().is_empty() {
        return Err(DomainError::CommentRequired(action));
    }
    Ok(outcome)
}

/// Whether its owner may withdraw an application in `status`: any that is not final,
/// but for evidence of completion with the program team (it stays there until they
/// decide).
pub fn may_withdraw(status: Status) -> bool {
    !status.is_final() && status != Status::CompletionSubmitted
}

/// What a person is to one application, as found in the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Authority {
    pub is_owner: bool,
    /// The application's approver (the applicant's manager at submission).
    pub is_approver: bool,
    /// The approver has named this person their delegate for today: the approver's id.
    pub delegate_for: Option<i32>,
    /// Runs the application's program: an administrator (every program) or a member of
    /// that program's team.
    pub is_program_team: bool,
    /// Whether the application has an approver at all (employees without a manager do not).
    pub has_approver: bool,
}

impl Authority {
    /// Whether the application is theirs to see (its page, its attached files): its owner,
    /// its approver, the approver's delegate of today, the program's team (administrators
    /// included). Anyone else is
    /// not told it exists.
    pub fn sees_application(&self) -> bool {
        self.is_owner || self.is_approver || self.delegate_for.is_some() || self.is_program_team
    }

    /// Whether deciding as `actor` uses administrator rights, the program team's: the
    /// program team's stage, or the manager stage of someone who has no approver (or
    /// whose approver is not this person). Such a decision is audited, and only such a
    /// decision may take a program past its budget.
    pub fn decides_as_program_team(&self, actor: Actor) -> bool {
        actor == Actor::Admin || !(self.is_approver || self.delegate_for.is_some())
    }
}

/// The part someone may play in deciding an application in a given state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionRole {
    /// Decides as `actor`, on behalf of `acting_for` when a delegate.
    Decide { actor: Actor, acting_for: Option<i32> },
    /// Their own application: nobody decides on that, whatever their role.
    OwnApplication,
    /// Not theirs to see.
    NotVisible,
}

/// Who may decide what: the manager stage belongs to the approver, their delegate, or the
/// program team (an admin or a member of the program's team) when there is no approver;
/// later stages belong to the program team. Someone who decided
/// an earlier stage keeps a role, so that a second decision is refused by the state
/// machine with a clear message rather than hidden.
pub fn decision_role(status: Status, authority: &Authority) -> DecisionRole {
    if authority.is_owner {
        return DecisionRole::OwnApplication;
    }
    let approver_side = authority.is_approver || authority.delegate_for.is_some();
    let as_approver = DecisionRole::Decide { actor: Actor::Approver, acting_for: authority.delegate_for };
    let as_admin = DecisionRole::Decide { actor: Actor::Admin, acting_for: None };
    match status {
        Status::Submitted if approver_side => as_approver,
        Status::Submitted if authority.is_program_team && !authority.has_approver => as_approver,
        _ if authority.is_program_team => as_admin,
        _ if approver_side => as_approver,
        _ => DecisionRole::NotVisible,
    }
}

/// Checks a tuition request against the yearly cap: `covered` is what this application
/// asks the company to pay, `committed` what the employee's other applications of the
/// same year already take.
pub fn check_tuition_cap(covered: Cents, committed: Cents, cap: Cents) -> Result<(), TuitionCapExceeded> {
    if covered.0 + committed.0 <= cap.0 {
        Ok(())
    } else {
        Err(TuitionCapExceeded { left: cap.saturating_sub(committed), cap })
    }
}

/// A tuition request over the yearly cap, with what is left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TuitionCapExceeded {
    pub left: Cents,
    pub cap: Cents,
}

#[cfg(test)]
mod tests {
    use super::*;
    use Status::*;

    const ALL_FROM: [Option<Status>; 14] = [
        None,
        Some(Submitted),
        Some(ChangesRequested),
        Some(ManagerApproved),
        Some(Approved),
        Some(Waitlisted),
        Some(InDraw),
        Some(Offered),
        Some(Rejected),
        Some(Withdrawn),
        Some(Completed),
        Some(CompletionSubmitted),
        Some(CompletionReturned),
        Some(NotCompleted),
    ];

    const TEAM_CHECKS_FILES: CompletionRule =
        CompletionRule { evidence: CompletionEvidence::File, verified_by: CompletionVerifier::ProgramTeam };

    fn facts(manager: bool, admin: bool, seats: Seats) -> Facts {
        Facts { stages: Stages { manager, admin }, seats, completion: TEAM_CHECKS_FILES, budget: BudgetFit::Fits }
    }

    /// Every allowed (state, action, actor), for a program with both stages, a free seat
    /// and the completion `rule`.
    fn allowed(rule: CompletionRule) -> Vec<(Option<Status>, Action, Actor, Status)> {
        let mut allowed = vec![
            (None, Action::Submit, Actor::Owner, Submitted),
            (Some(ChangesRequested), Action::Resubmit, Actor::Owner, Submitted),
            (Some(Submitted), Action::Approve, Actor::Approver, ManagerApproved),
            (Some(Submitted), Action::Reject, Actor::Approver, Rejected),
            (Some(Submitted), Action::RequestChanges, Actor::Approver, ChangesRequested),
            (Some(ManagerApproved), Action::Approve, Actor::Admin, Approved),
            (Some(ManagerApproved), Action::Reject, Actor::Admin, Rejected),
            (Some(Approved), Action::Reject, Actor::Admin, Rejected),
            (Some(Waitlisted), Action::Reject, Actor::Admin, Rejected),
            (Some(Waitlisted), Action::Promote, Actor::System, Approved),
            (Some(Submitted), Action::Withdraw, Actor::Owner, Withdrawn),
            (Some(ChangesRequested), Action::Withdraw, Actor::Owner, Withdrawn),
            (Some(ManagerApproved), Action::Withdraw, Actor::Owner, Withdrawn),
            (Some(Approved), Action::Withdraw, Actor::Owner, Withdrawn),
            (Some(Waitlisted), Action::Withdraw, Actor::Owner, Withdrawn),
            (Some(CompletionReturned), Action::Withdraw, Actor::Owner, Withdrawn),
            (Some(Waitlisted), Action::Leave, Actor::System, Withdrawn),
            (Some(InDraw), Action::Reject, Actor::Admin, Rejected),
            (Some(InDraw), Action::Withdraw, Actor::Owner, Withdrawn),
            (Some(InDraw), Action::Leave, Actor::System, Withdrawn),
            (Some(InDraw), Action::Draw, Actor::System, Approved),
            (Some(Waitlisted), Action::Offer, Actor::System, Offered),
            (Some(Offered), Action::Accept, Actor::Owner, Approved),
            (Some(Offered), Action::Decline, Actor::Owner, Withdrawn),
            (Some(Offered), Action::Lapse, Actor::System, Withdrawn),
            (Some(Offered), Action::Withdraw, Actor::Owner, Withdrawn),
            (Some(Offered), Action::Reject, Actor::Admin, Rejected),
            (Some(Offered), Action::Leave, Actor::System, Withdrawn),
            (Some(Approved), Action::Move, Actor::Admin, Approved),
            (Some(Waitlisted), Action::Move, Actor::Admin, Approved),
            (Some(InDraw), Action::Move, Actor::Admin, Approved),
            (Some(Offered), Action::Move, Actor::Admin, Approved),
            (Some(Approved), Action::MarkNotCompleted, Actor::Admin, NotCompleted),
            (Some(CompletionSubmitted), Action::MarkNotCompleted, Actor::Admin, NotCompleted),
            (Some(CompletionReturned), Action::MarkNotCompleted, Actor::Admin, NotCompleted),
            (Some(CompletionSubmitted), Action::ConfirmCompletion, Actor::Admin, Completed),
            (Some(CompletionSubmitted), Action::ReturnEvidence, Actor::Admin, CompletionReturned),
        ];
        if rule.evidence == CompletionEvidence::None {
            allowed.push((Some(Approved), Action::ConfirmCompletion, Actor::Admin, Completed));
        } else {
            let sent = if rule.accepted_automatically() { Completed } else { CompletionSubmitted };
            allowed.push((Some(Approved), Action::SubmitCompletion, Actor::Owner, sent));
            allowed.push((Some(CompletionReturned), Action::SubmitCompletion, Actor::Owner, sent));
        }
        allowed
    }

    #[test]
    fn every_combination_of_state_action_and_actor_is_allowed_or_refused_as_specified() {
        let mut checked = 0;
        for evidence in CompletionEvidence::ALL {
            for verified_by in CompletionVerifier::ALL {
                let rule = CompletionRule { evidence: *evidence, verified_by: *verified_by };
                let both_stages = Facts { completion: rule, ..facts(true, true, Seats::Free) };
                let allowed = allowed(rule);
                for from in ALL_FROM {
                    for action in Action::ALL {
                        for actor in Actor::ALL {
                            let result = transition(from, action, actor, &both_stages, "a reason");
                            let expected =
                                allowed.iter().find(|(f, a, who, _)| *f == from && *a == action && *who == actor);
                            match expected {
                                Some((_, _, _, to)) => {
                                    assert_eq!(result.map(|o| o.to), Ok(*to), "{rule:?} {from:?} {action:?} {actor:?}")
                                }
                                None if *evidence == CompletionEvidence::None
                                    && action == Action::SubmitCompletion
                                    && actor == Actor::Owner
                                    && matches!(from, Some(Approved | CompletionReturned)) =>
                                {
                                    assert_eq!(result, Err(DomainError::NoEvidenceAsked))
                                }
                                None => assert_eq!(
                                    result,
                                    Err(DomainError::NotAllowed { action, status: from }),
                                    "{rule:?} {from:?} {action:?} {actor:?} should be refused"
                                ),
                            }
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert_eq!(checked, 3 * 2 * 14 * 18 * 4);
    }

    #[test]
    fn completion_events_say_how_the_place_was_completed() {
        let with = |evidence, verified_by| Facts {
            completion: CompletionRule { evidence, verified_by },
            ..facts(true, true, Seats::Free)
        };
        let auto = with(CompletionEvidence::Credential, CompletionVerifier::Auto);
        let sent = transition(Some(Approved), Action::SubmitCompletion, Actor::Owner, &auto, "").unwrap();
        assert_eq!((sent.to, sent.event), (Completed, Event::CompletionAccepted));
        let checked = with(CompletionEvidence::Credential, CompletionVerifier::ProgramTeam);
        let sent = transition(Some(CompletionReturned), Action::SubmitCompletion, Actor::Owner, &checked, "").unwrap();
        assert_eq!((sent.to, sent.event), (CompletionSubmitted, Event::CompletionSubmitted));
        let verified = transition(Some(CompletionSubmitted), Action::ConfirmCompletion, Actor::Admin, &checked, "");
        assert_eq!(verified.unwrap().event, Event::CompletionVerified);
        let cohort = with(CompletionEvidence::None, CompletionVerifier::ProgramTeam);
        let marked = transition(Some(Approved), Action::ConfirmCompletion, Actor::Admin, &cohort, "").unwrap();
        assert_eq!((marked.to, marked.event), (Completed, Event::Completed));
        for from in [Approved, CompletionSubmitted, CompletionReturned] {
            let closed =
                transition(Some(from), Action::MarkNotCompleted, Actor::Admin, &checked, "never came").unwrap();
            assert!(!closed.frees_seat, "a cohort that ran keeps its seats taken");
        }
        assert!(transition(Some(CompletionReturned), Action::Withdraw, Actor::Owner, &checked, "").unwrap().frees_seat);
    }

    #[test]
    fn the_program_team_says_why_it_returns_evidence_or_closes_a_place() {
        let both = facts(true, true, Seats::Free);
        for (from, action) in [(CompletionSubmitted, Action::ReturnEvidence), (Approved, Action::MarkNotCompleted)] {
            assert_eq!(
                transition(Some(from), action, Actor::Admin, &both, " \n "),
                Err(DomainError::CommentRequired(action))
            );
        }
        assert_eq!(
            DomainError::CommentRequired(Action::ReturnEvidence).to_string(),
            "Say what should change in the evidence."
        );
        assert_eq!(
            DomainError::CommentRequired(Action::MarkNotCompleted).to_string(),
            "Say why the program was not completed."
        );
    }

    #[test]
    fn submitting_goes_to_the_first_stage_the_program_has() {
        let submit = |f: Facts| transition(None, Action::Submit, Actor::Owner, &f, "").unwrap();
        assert_eq!(submit(facts(true, false, Seats::Unlimited)).to, Submitted);
        let admin_only = submit(facts(false, true, Seats::Unlimited));
        assert_eq!((admin_only.to, admin_only.event), (ManagerApproved, Event::Submitted));
        let no_approval = submit(facts(false, false, Seats::Unlimited));
        assert_eq!((no_approval.to, no_approval.event), (Approved, Event::ApprovedAtOnce));
        let full = submit(facts(false, false, Seats::Full));
        assert_eq!((full.to, full.event), (Waitlisted, Event::ApprovedAtOnce));
    }

    #[test]
    fn resubmitting_is_recorded_as_such() {
        let outcome =
            transition(Some(ChangesRequested), Action::Resubmit, Actor::Owner, &facts(true, true, Seats::Free), "")
                .unwrap();
        assert_eq!((outcome.to, outcome.event), (Submitted, Event::Resubmitted));
    }

    #[test]
    fn final_approval_gives_a_seat_or_the_waitlist() {
        let manager_only =
            |seats| transition(Some(Submitted), Action::Approve, Actor::Approver, &facts(true, false, seats), "");
        assert_eq!(manager_only(Seats::Free).unwrap().to, Approved);
        assert_eq!(manager_only(Seats::Unlimited).unwrap().to, Approved);
        assert_eq!(manager_only(Seats::Full).unwrap().to, Waitlisted);
        let admin =
            transition(Some(ManagerApproved), Action::Approve, Actor::Admin, &facts(true, true, Seats::Full), "");
        assert_eq!(admin.unwrap().to, Waitlisted);
    }

    #[test]
    fn a_place_beyond_the_budget_is_given_only_by_the_program_team() {
        let over = |manager, admin, seats| Facts { budget: BudgetFit::Exceeds, ..facts(manager, admin, seats) };
        let manager_only =
            transition(Some(Submitted), Action::Approve, Actor::Approver, &over(true, false, Seats::Free), "");
        let manager_only = manager_only.unwrap();
        assert_eq!((manager_only.to, manager_only.event), (ManagerApproved, Event::ManagerApproved));
        let full = transition(Some(Submitted), Action::Approve, Actor::Approver, &over(true, false, Seats::Full), "");
        assert_eq!(full.unwrap().to, Waitlisted, "a place in line commits nothing yet");
        let at_once =
            transition(None, Action::Submit, Actor::Owner, &over(false, false, Seats::Unlimited), "").unwrap();
        assert_eq!((at_once.to, at_once.event), (ManagerApproved, Event::Submitted));
        let team = transition(Some(ManagerApproved), Action::Approve, Actor::Admin, &over(true, true, Seats::Free), "");
        assert_eq!(team.unwrap().to, Approved, "the program team's confirmation is the transaction's to check");
    }

    #[test]
    fn in_an_open_lottery_an_approval_waits_for_the_draw_which_gives_a_place_or_the_waitlist() {
        let draw = facts(true, true, Seats::Draw);
        let approved = transition(Some(ManagerApproved), Action::Approve, Actor::Admin, &draw, "").unwrap();
        assert_eq!((approved.to, approved.event), (InDraw, Event::EnteredDraw));
        let at_once = transition(None, Action::Submit, Actor::Owner, &facts(false, false, Seats::Draw), "").unwrap();
        assert_eq!((at_once.to, at_once.event), (InDraw, Event::EnteredDraw));
        let over = Facts { budget: BudgetFit::Exceeds, ..facts(true, false, Seats::Draw) };
        let waits = transition(Some(Submitted), Action::Approve, Actor::Approver, &over, "").unwrap();
        assert_eq!(waits.to, InDraw, "a place in the draw commits nothing yet");
        let place = transition(Some(InDraw), Action::Draw, Actor::System, &facts(true, true, Seats::Free), "").unwrap();
        assert_eq!((place.to, place.event), (Approved, Event::DrawnPlace));
        let line = transition(Some(InDraw), Action::Draw, Actor::System, &facts(true, true, Seats::Full), "").unwrap();
        assert_eq!((line.to, line.event), (Waitlisted, Event::DrawnWaitlist));
        let early = transition(Some(Waitlisted), Action::Promote, Actor::System, &draw, "");
        assert!(early.is_err(), "nobody is promoted before the draw");
    }

    #[test]
    fn an_offered_place_holds_its_seat_until_accepted_declined_or_lapsed() {
        let free = facts(true, true, Seats::Free);
        let offer = transition(Some(Waitlisted), Action::Offer, Actor::System, &free, "").unwrap();
        assert_eq!((offer.to, offer.event, offer.frees_seat), (Offered, Event::Offered, false));
        assert!(
            transition(Some(Waitlisted), Action::Offer, Actor::System, &facts(true, true, Seats::Full), "").is_err()
        );
        let accepted = transition(Some(Offered), Action::Accept, Actor::Owner, &free, "").unwrap();
        assert_eq!((accepted.to, accepted.event), (Approved, Event::OfferAccepted));
        for (action, actor, event) in [
            (Action::Decline, Actor::Owner, Event::OfferDeclined),
            (Action::Lapse, Actor::System, Event::OfferLapsed),
            (Action::Withdraw, Actor::Owner, Event::Withdrawn),
            (Action::Leave, Actor::System, Event::WithdrawnLeft),
        ] {
            let ended = transition(Some(Offered), action, actor, &free, "").unwrap();
            assert_eq!((ended.to, ended.event, ended.frees_seat), (Withdrawn, event, true), "{action:?}");
        }
    }

    #[test]
    fn a_moved_application_takes_what_its_new_intake_has_and_frees_a_held_seat() {
        for (seats, to) in [(Seats::Free, Approved), (Seats::Full, Waitlisted), (Seats::Draw, InDraw)] {
            for from in [Approved, Waitlisted, Offered, InDraw] {
                let moved = transition(Some(from), Action::Move, Actor::Admin, &facts(true, true, seats), "").unwrap();
                assert_eq!((moved.to, moved.event), (to, Event::IntakeChanged), "{from:?} into {seats:?}");
                assert_eq!(moved.frees_seat, matches!(from, Approved | Offered), "{from:?}");
            }
        }
        let evidence_sent =
            transition(Some(CompletionSubmitted), Action::Move, Actor::Admin, &facts(true, true, Seats::Free), "");
        assert!(evidence_sent.is_err(), "a place whose completion is under way stays in its intake");
    }

    #[test]
    fn promotion_needs_a_free_seat() {
        let full = transition(Some(Waitlisted), Action::Promote, Actor::System, &facts(true, true, Seats::Full), "");
        assert!(full.is_err());
    }

    #[test]
    fn giving_back_an_approved_place_frees_its_seat() {
        let both = facts(true, true, Seats::Free);
        assert!(transition(Some(Approved), Action::Withdraw, Actor::Owner, &both, "").unwrap().frees_seat);
        assert!(transition(Some(Approved), Action::Reject, Actor::Admin, &both, "no").unwrap().frees_seat);
        assert!(!transition(Some(Waitlisted), Action::Withdraw, Actor::Owner, &both, "").unwrap().frees_seat);
        assert!(!transition(Some(Submitted), Action::Withdraw, Actor::Owner, &both, "").unwrap().frees_seat);
    }

    #[test]
    fn rejections_and_change_requests_need_a_comment() {
        let both = facts(true, true, Seats::Free);
        for action in [Action::Reject, Action::RequestChanges] {
            assert_eq!(
                transition(Some(Submitted), action, Actor::Approver, &both, "   "),
                Err(DomainError::CommentRequired(action))
            );
        }
        assert!(transition(Some(Submitted), Action::Approve, Actor::Approver, &both, "").is_ok());
    }

    #[test]
    fn refusals_read_as_sentences() {
        let both = facts(true, true, Seats::Free);
        for (from, action, actor, sentence) in [
            (
                Withdrawn,
                Action::Approve,
                Actor::Approver,
                "This application was withdrawn, so there is nothing left to decide.",
            ),
            (
                ManagerApproved,
                Action::Approve,
                Actor::Approver,
                "This application has already been decided: it is manager approved.",
            ),
            (Submitted, Action::Approve, Actor::Admin, "This application waits for the manager's decision first."),
            (Withdrawn, Action::Withdraw, Actor::Owner, "You can't withdraw this application: it is withdrawn."),
            (
                Submitted,
                Action::ConfirmCompletion,
                Actor::Admin,
                "Completion comes after approval; this application is submitted.",
            ),
            (
                Approved,
                Action::ConfirmCompletion,
                Actor::Admin,
                "The employee has not sent their evidence of completion yet.",
            ),
            (
                Completed,
                Action::ConfirmCompletion,
                Actor::Admin,
                "This place has already been decided: it is completed.",
            ),
            (
                CompletionSubmitted,
                Action::SubmitCompletion,
                Actor::Owner,
                "Your evidence is already with the program team.",
            ),
        ] {
            let refusal = transition(Some(from), action, actor, &both, "why").unwrap_err().to_string();
            assert_eq!(refusal, sentence, "{from:?} {action:?} {actor:?}");
        }
    }

    #[test]
    fn decision_roles_follow_the_stage_and_never_include_the_owner() {
        let admin = Authority { is_program_team: true, has_approver: true, ..Default::default() };
        let owner_admin = Authority { is_owner: true, is_program_team: true, ..Default::default() };
        let approver = Authority { is_approver: true, has_approver: true, ..Default::default() };
        let delegate = Authority { delegate_for: Some(7), has_approver: true, ..Default::default() };
        let stranger = Authority { has_approver: true, ..Default::default() };
        let approver_role = DecisionRole::Decide { actor: Actor::Approver, acting_for: None };
        let admin_role = DecisionRole::Decide { actor: Actor::Admin, acting_for: None };

        assert_eq!(decision_role(Submitted, &owner_admin), DecisionRole::OwnApplication);
        assert_eq!(decision_role(ManagerApproved, &owner_admin), DecisionRole::OwnApplication);
        assert_eq!(decision_role(Submitted, &approver), approver_role);
        assert_eq!(
            decision_role(Submitted, &delegate),
            DecisionRole::Decide { actor: Actor::Approver, acting_for: Some(7) }
        );
        assert_eq!(decision_role(Submitted, &admin), admin_role);
        assert_eq!(decision_role(Submitted, &Authority { has_approver: false, ..admin }), approver_role);
        assert_eq!(decision_role(ManagerApproved, &admin), admin_role);
        assert_eq!(decision_role(ManagerApproved, &approver), approver_role);
        assert_eq!(decision_role(Submitted, &stranger), DecisionRole::NotVisible);
        assert_eq!(decision_role(Approved, &stranger), DecisionRole::NotVisible);
    }

    #[test]
    fn the_tuition_cap_counts_what_is_already_committed() {
        let cap = Cents(525_000);
        assert_eq!(check_tuition_cap(Cents(225_000), Cents(300_000), cap), Ok(()));
        assert_eq!(
            check_tuition_cap(Cents(225_001), Cents(300_000), cap),
            Err(TuitionCapExceeded { left: Cents(225_000), cap })
        );
        assert_eq!(check_tuition_cap(Cents(1), Cents(600_000), cap), Err(TuitionCapExceeded { left: Cents(0), cap }));
    }
}
