//! What approving several applications at once would do now, each in the light of the
//! ones before it (three approvals for one free seat: the first gets it, the other two
//! go on the waitlist; a program's budget is counted down the same way), so that the
//! decider sees it before anything is decided.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::decisions::authority;
use super::steps::{check_cap, seats_left};
use super::WorkflowError;
use crate::db::employees::{self, Employee};
use crate::db::programs;
use crate::db::queue::{self, QueueItem};
use crate::db::{applications, budgets, DbConnection};
use crate::domain::application::{
    decision_role, transition, Action, BudgetFit, DecisionRole, Facts, Seats, Stages, Status,
};
use crate::domain::budget::{check_place, BudgetStanding, OverBudget};
use crate::domain::Cents;

/// What approving one application would do now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Consequence {
    /// The manager stage is approved; the program team decides next.
    ProgramTeamNext,
    /// The place is confirmed; `seats_left_after` is what the intake has left then
    /// (`None` without an intake).
    Approved { seats_left_after: Option<i64> },
    /// Approved onto the waitlist: the intake has `seats_left` now, and applications above
    /// in the selection take `taken_above` of them.
    Waitlisted { seats_left: i64, taken_above: i64 },
    /// Approved into a lottery intake's seat draw, made after its window closes.
    InDraw,
    /// Over the applicant's yearly tuition limit: not approved.
    OverCap { left: Cents, cap: Cents, year: i32 },
    /// A place that would take its program past the year's budget, counting the places
    /// above in the selection: not approved here (the program team confirms it on the
    /// application's own page).
    OverBudget { over: OverBudget },
    /// Not approved, for the reason given: already decided, changed since the queue was
    /// shown, not the viewer's to decide.
    Refused(String),
}

impl Consequence {
    /// Whether confirming approves it (onto the waitlist, possibly).
    pub fn approves(&self) -> bool {
        matches!(
            self,
            Consequence::ProgramTeamNext
                | Consequence::Approved { .. }
                | Consequence::Waitlisted { .. }
                | Consequence::InDraw
        )
    }

    /// A short code of the consequence, carried by the confirmation form so that the
    /// decision can tell whether anything changed since it was shown.
    pub fn code(&self) -> &'static str {
        match self {
            Consequence::ProgramTeamNext => "team",
            Consequence::Approved { .. } => "place",
            Consequence::Waitlisted { .. } => "line",
            Consequence::InDraw => "draw",
            Consequence::OverCap { .. } => "over-cap",
            Consequence::OverBudget { .. } => "over-budget",
            Consequence::Refused(_) => "refused",
        }
    }
}

/// One selected application and what approving it would do.
#[derive(Debug, Clone)]
pub struct ApprovalPreview {
    pub item: QueueItem,
    pub consequence: Consequence,
}

/// What approving `selection` (application id, the version the decider saw) would do
/// now, in the queue's order, which is the order a confirmation decides them in.
/// Applications that do not exist are left out.
pub fn preview_approvals(
    conn: &mut DbConnection,
    viewer: &Employee,
    selection: &[(i32, Option<i32>)],
    today: NaiveDate,
) -> Result<Vec<ApprovalPreview>, WorkflowError> {
    let ids: Vec<i32> = selection.iter().map(|(id, _)| *id).collect();
    let mut taken = Taken::default();
    let mut previews = Vec::new();
    for item in queue::items(conn, &ids)? {
        let seen = selection.iter().find(|(id, _)| *id == item.id).and_then(|(_, version)| *version);
        let consequence = consequence(conn, viewer, &item, seen, &mut taken, today)?;
        previews.push(ApprovalPreview { item, consequence });
    }
    Ok(previews)
}

/// What the applications above in the selection take: seats of each intake, and money
/// of each program's budget.
#[derive(Debug, Default)]
struct Taken {
    seats: HashMap<i32, i64>,
    cents: HashMap<i32, i64>,
}

/// What approving `item` would do, with `taken` what the applications above it take
/// (updated when this one takes a seat or money too).
fn consequence(
    conn: &mut DbConnection,
    viewer: &Employee,
    item: &QueueItem,
    seen_version: Option<i32>,
    taken: &mut Taken,
    today: NaiveDate,
) -> Result<Consequence, WorkflowError> {
    let application = applications::find(conn, item.id)?;
    let authority = authority(conn, &application, viewer, today)?;
    let (actor, as_program_team) = match decision_role(application.status, &authority) {
        DecisionRole::Decide { actor, .. } => (actor, authority.decides_as_program_team(actor)),
        DecisionRole::OwnApplication => return Ok(Consequence::Refused("it is your own application.".to_owned())),
        DecisionRole::NotVisible => return Ok(Consequence::Refused("it is not in your queue.".to_owned())),
    };
    let program = programs::find_by_id(conn, application.program_id)?;
    let cost = program.budget().place_cost(application.covered_cents.map(Cents));
    let spent_above = taken.cents.get(&program.id).copied().unwrap_or(0);
    let standing = budgets::standing(conn, &program, today)?
        .map(|s| BudgetStanding { committed: Cents(s.committed.0 + spent_above), ..s });
    let over_budget = check_place(standing, cost).err();
    let left = match application.intake_id {
        Some(intake_id) => Some(seats_left(conn, intake_id)?),
        None => None,
    };
    let above = application.intake_id.map_or(0, |intake| taken.seats.get(&intake).copied().unwrap_or(0));
    let draws = match application.intake_id {
        Some(intake_id) => programs::find_intake(conn, intake_id)?.approvals_wait_for_draw(crate::clock::today()),
        None => false,
    };
    let seats = match left {
        _ if draws => Seats::Draw,
        None => Seats::Unlimited,
        Some(left) if left - above > 0 => Seats::Free,
        Some(_) => Seats::Full,
    };
    let stages = Stages { manager: program.needs_manager_approval, admin: program.needs_admin_approval };
    let outcome = match transition(
        Some(application.status),
        Action::Approve,
        actor,
        &Facts {
            stages,
            seats,
            completion: program.completion_rule(),
            budget: if over_budget.is_some() && !as_program_team { BudgetFit::Exceeds } else { BudgetFit::Fits },
        },
        "",
    ) {
        Ok(outcome) => outcome,
        Err(refusal) => return Ok(Consequence::Refused(refusal.to_string())),
    };
    if seen_version.is_some_and(|seen| seen != application.version) {
        let now = application.status.label().to_lowercase();
        return Ok(Consequence::Refused(format!("it changed since the queue was shown: it is now {now}.")));
    }
    if let (Status::Approved | Status::Waitlisted, Some(covered), Some(term)) =
        (outcome.to, application.covered_cents, application.term_starts_on)
    {
        let applicant = employees::find_by_id(conn, application.employee_id)?;
        match check_cap(conn, &applicant, &program, Cents(covered), term.year(), Some(application.id)) {
            Err(WorkflowError::OverCap { exceeded, year }) => {
                return Ok(Consequence::OverCap { left: exceeded.left, cap: exceeded.cap, year })
            }
            other => other?,
        }
    }
    if let (Status::Approved, Some(over)) = (outcome.to, over_budget) {
        return Ok(Consequence::OverBudget { over });
    }
    if outcome.to == Status::Approved {
        *taken.cents.entry(program.id).or_insert(0) += cost.0;
    }
    Ok(match (outcome.to, application.intake_id, left) {
        (Status::ManagerApproved, _, _) => Consequence::ProgramTeamNext,
        (Status::InDraw, _, _) => Consequence::InDraw,
        (Status::Waitlisted, _, left) => Consequence::Waitlisted { seats_left: left.unwrap_or(0), taken_above: above },
        (_, Some(intake), Some(left)) => {
            *taken.seats.entry(intake).or_insert(0) += 1;
            Consequence::Approved { seats_left_after: Some(left - above - 1) }
        }
        _ => Consequence::Approved { seats_left_after: None },
    })
}
