//! The rows every transition writes besides its own: the timeline event, the status
//! change with its timestamps, and the sentence of a notice that asks for evidence.

use chrono::NaiveDateTime;

use crate::db::applications::StatusChange;
use crate::db::events::NewEvent;
use crate::db::programs::Program;
use crate::domain::application::{Outcome, Status};
use crate::domain::message::Message;

/// The timeline event of `outcome`, without comment or details.
pub(super) fn event(
    application_id: i32,
    actor_id: Option<i32>,
    from: Option<Status>,
    outcome: &Outcome,
    at: NaiveDateTime,
) -> NewEvent {
    NewEvent {
        application_id,
        actor_id,
        acting_for_id: None,
        action: outcome.event,
        from_status: from,
        to_status: outcome.to,
        comment: None,
        details: None,
        created_at: at,
    }
}

/// The status change of `outcome`, with the timestamps that go with it: anything but a
/// stage that waits on someone is a decision.
pub(super) fn status_change(outcome: &Outcome, at: NaiveDateTime, resubmitted: bool) -> StatusChange {
    StatusChange {
        to_status: outcome.to,
        now: at,
        waitlisted: outcome.to == Status::Waitlisted,
        decided: !matches!(
            outcome.to,
            Status::Submitted
                | Status::ManagerApproved
                | Status::ChangesRequested
                | Status::CompletionSubmitted
                | Status::CompletionReturned
        ),
        resubmitted,
        completed_on: None,
        evidence_sent: outcome.to == Status::CompletionSubmitted,
        offer_expires_at: None,
    }
}

/// What the owner of a place just given is asked to send when they finish, for a program
/// that asks for evidence: a sentence added to the notice (and e-mail) of the place.
pub(super) fn evidence_request(program: &Program) -> Option<Message> {
    (program.completion_evidence != crate::domain::CompletionEvidence::None).then(|| {
        let sentence = crate::domain::completion::what_to_send(program.completion_evidence, program.verified_by);
        // The program's own note follows as its team wrote it.
        match program.completion_note.trim() {
            "" => sentence,
            note => sentence.then(Message::said(note)),
        }
    })
}
