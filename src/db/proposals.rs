//! Queries and transactions on `program_proposals` and `proposal_events`: an employee
//! proposes a program, the administrators review it, and an approval makes a draft
//! program owned by the proposer. Each step writes the proposal, its timeline event, the
//! audit line and the notices in one transaction, or nothing.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use diesel::result::Error as DieselError;

use super::audit::record;
use super::notifications::notify;
use super::programs::ProgramRecord;
use super::schema::{
    employees, program_proposals, program_team_members, programs, proposal_events, publication_requests,
};
use super::{write_transaction, DbConnection};
use crate::clock::now;
use crate::domain::message::Message;
use crate::domain::proposal::{draft_program, slug_base, ProposalDecision, ProposalDraft};
use crate::domain::{AuditAction, Cents, ProgramKind, ProgramStatus, ProposalEventKind, ProposalStatus, TeamRole};

/// One row of `program_proposals`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = program_proposals)]
pub struct Proposal {
    pub id: i32,
    pub proposer_id: i32,
    pub name: String,
    pub summary: String,
    pub description: String,
    pub kind: ProgramKind,
    pub audience: String,
    pub expected_cost_cents: i64,
    pub experience: String,
    pub status: ProposalStatus,
    /// The draft program an approval made.
    pub program_id: Option<i32>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl Proposal {
    /// The proposal's fields as the form checked them.
    pub fn draft(&self) -> ProposalDraft {
        ProposalDraft {
            name: self.name.clone(),
            summary: self.summary.clone(),
            description: self.description.clone(),
            kind: self.kind,
            audience: self.audience.clone(),
            expected_cost: Cents(self.expected_cost_cents),
            experience: self.experience.clone(),
        }
    }
}

/// The columns the proposer writes, from the checked form.
#[derive(Debug, Insertable, AsChangeset)]
#[diesel(table_name = program_proposals)]
struct ProposalFields<'a> {
    name: &'a str,
    summary: &'a str,
    description: &'a str,
    kind: ProgramKind,
    audience: &'a str,
    expected_cost_cents: i64,
    experience: &'a str,
}

impl<'a> From<&'a ProposalDraft> for ProposalFields<'a> {
    fn from(draft: &'a ProposalDraft) -> Self {
        ProposalFields {
            name: &draft.name,
            summary: &draft.summary,
            description: &draft.description,
            kind: draft.kind,
            audience: &draft.audience,
            expected_cost_cents: draft.expected_cost.0,
            experience: &draft.experience,
        }
    }
}

/// A proposal as the lists show it: with its proposer and, once approved, its program.
#[derive(Debug, Clone, Queryable)]
pub struct ProposalLine {
    pub id: i32,
    pub name: String,
    pub kind: ProgramKind,
    pub status: ProposalStatus,
    pub expected_cost_cents: i64,
    pub updated_at: NaiveDateTime,
    pub proposer_name: String,
    pub program_slug: Option<String>,
    pub program_status: Option<ProgramStatus>,
    pub publication_requested_at: Option<NaiveDateTime>,
}

/// A step of a proposal's timeline, with who took it.
#[derive(Debug, Clone, Queryable)]
pub struct ProposalEventLine {
    pub kind: ProposalEventKind,
    pub actor_name: Option<String>,
    pub comment: Option<String>,
    pub created_at: NaiveDateTime,
}

/// Why a step on a proposal changed nothing.
#[derive(Debug, thiserror::Error)]
pub enum ProposalRefusal {
    #[error("not found")]
    NotFound,
    /// The proposal moved on since the page was shown: it is now `0`.
    #[error("the proposal is now {0:?}")]
    Changed(ProposalStatus),
    /// Nobody decides on their own proposal.
    #[error("own proposal")]
    OwnProposal,
    /// Another transaction gave the slug chosen for the draft program to another program
    /// meanwhile (two approvals of proposals named alike at once): nothing was written,
    /// and deciding again picks the next free slug.
    #[error("the draft program's slug was taken meanwhile")]
    SlugTaken,
    #[error(transparent)]
    Database(DieselError),
}

impl ProposalRefusal {
    /// Separates what the person is told (the inner result) from a database failure (the
    /// outer error, an opaque 500).
    pub fn or_failure<T>(result: Result<T, ProposalRefusal>) -> Result<Result<T, ProposalRefusal>, DieselError> {
        match result {
            Err(ProposalRefusal::Database(err)) => Err(err),
            other => Ok(other),
        }
    }
}

impl From<DieselError> for ProposalRefusal {
    fn from(err: DieselError) -> Self {
        match err {
            DieselError::NotFound => ProposalRefusal::NotFound,
            other => ProposalRefusal::Database(other),
        }
    }
}

/// Who takes a step: their id and name (the name goes into the notices).
#[derive(Debug, Clone, Copy)]
pub struct Actor<'a> {
    pub id: i32,
    pub name: &'a str,
}

pub fn find(conn: &mut DbConnection, id: i32) -> QueryResult<Proposal> {
    program_proposals::table.find(id).select(Proposal::as_select()).first(conn)
}

/// The proposal `program_id` was made from, if any.
pub fn of_program(conn: &mut DbConnection, program_id: i32) -> QueryResult<Option<Proposal>> {
    program_proposals::table
        .filter(program_proposals::program_id.eq(program_id))
        .select(Proposal::as_select())
        .first(conn)
        .optional()
}

/// The columns of a [`ProposalLine`], of proposals joined with their proposer and program.
macro_rules! line_columns {
    () => {
        (
            program_proposals::id,
            program_proposals::name,
            program_proposals::kind,
            program_proposals::status,
            program_proposals::expected_cost_cents,
            program_proposals::updated_at,
            employees::display_name,
            programs::slug.nullable(),
            programs::status.nullable(),
            publication_requests::requested_at.nullable(),
        )
    };
}

/// The most proposals a person's own list shows.
pub const OWN_AT_MOST: i64 = 200;

/// `employee_id`'s proposals, newest first.
pub fn of_proposer(conn: &mut DbConnection, employee_id: i32) -> QueryResult<Vec<ProposalLine>> {
    program_proposals::table
        .inner_join(employees::table)
        .left_join(programs::table.on(programs::id.nullable().eq(program_proposals::program_id)))
        .left_join(
            publication_requests::table
                .on(publication_requests::program_id.nullable().eq(program_proposals::program_id)),
        )
        .filter(program_proposals::proposer_id.eq(employee_id))
        .order(program_proposals::id.desc())
        .limit(OWN_AT_MOST)
        .select(line_columns!())
        .load(conn)
}

/// How many proposals are in each status.
pub fn count_by_status(conn: &mut DbConnection) -> QueryResult<Vec<(ProposalStatus, i64)>> {
    program_proposals::table
        .group_by(program_proposals::status)
        .select((program_proposals::status, diesel::dsl::count_star()))
        .load(conn)
}

/// Proposals in `status`: those waiting for review oldest first (the queue's order),
/// the others newest first.
pub fn page(
    conn: &mut DbConnection,
    status: ProposalStatus,
    offset: i64,
    limit: i64,
) -> QueryResult<Vec<ProposalLine>> {
    let query = program_proposals::table
        .inner_join(employees::table)
        .left_join(programs::table.on(programs::id.nullable().eq(program_proposals::program_id)))
        .left_join(
            publication_requests::table
                .on(publication_requests::program_id.nullable().eq(program_proposals::program_id)),
        )
        .filter(program_proposals::status.eq(status))
        .select(line_columns!())
        .offset(offset)
        .limit(limit);
    if status == ProposalStatus::Submitted {
        query.order((program_proposals::updated_at.asc(), program_proposals::id.asc())).load(conn)
    } else {
        query.order((program_proposals::updated_at.desc(), program_proposals::id.desc())).load(conn)
    }
}

/// Draft programs whose owner asked for them to be published: (slug, name, asked at),
/// oldest request first.
pub fn drafts_to_publish(conn: &mut DbConnection) -> QueryResult<Vec<(String, String, NaiveDateTime)>> {
    publication_requests::table
        .inner_join(programs::table)
        .filter(programs::status.eq(ProgramStatus::Draft))
        .order(publication_requests::requested_at.asc())
        .select((programs::slug, programs::name, publication_requests::requested_at))
        .load(conn)
}

/// When the owner of `program_id` asked for it to be published, if they did.
pub fn publication_request(conn: &mut DbConnection, program_id: i32) -> QueryResult<Option<NaiveDateTime>> {
    publication_requests::table.find(program_id).select(publication_requests::requested_at).first(conn).optional()
}

/// The proposal's timeline, oldest step first.
pub fn events(conn: &mut DbConnection, proposal_id: i32) -> QueryResult<Vec<ProposalEventLine>> {
    proposal_events::table
        .left_join(employees::table.on(employees::id.nullable().eq(proposal_events::actor_id)))
        .filter(proposal_events::proposal_id.eq(proposal_id))
        .order(proposal_events::id.asc())
        .select((
            proposal_events::kind,
            employees::display_name.nullable(),
            proposal_events::comment,
            proposal_events::created_at,
        ))
        .load(conn)
}

fn add_event(
    conn: &mut DbConnection,
    proposal_id: i32,
    actor_id: i32,
    kind: ProposalEventKind,
    comment: Option<&str>,
    at: NaiveDateTime,
) -> QueryResult<()> {
    diesel::insert_into(proposal_events::table)
        .values((
            proposal_events::proposal_id.eq(proposal_id),
            proposal_events::actor_id.eq(Some(actor_id)),
            proposal_events::kind.eq(kind),
            proposal_events::comment.eq(comment),
            proposal_events::created_at.eq(at),
        ))
        .execute(conn)
        .map(|_| ())
}

fn notify_admins(conn: &mut DbConnection, except: i32, message: &Message, at: NaiveDateTime) -> QueryResult<()> {
    for admin in super::workflow::admins(conn, except)? {
        notify(conn, admin, None, message, at)?;
    }
    Ok(())
}

/// The audit subject of a proposal.
fn subject(id: i32) -> String {
    format!("proposal {id}")
}

/// `proposer` proposes a program: the proposal waits for review, the administrators are
/// told. Returns its id.
pub fn submit(conn: &mut DbConnection, proposer: Actor<'_>, draft: &ProposalDraft) -> QueryResult<i32> {
    write_transaction(conn, |conn| {
        let at = now();
        let id: i32 = diesel::insert_into(program_proposals::table)
            .values((
                program_proposals::proposer_id.eq(proposer.id),
                ProposalFields::from(draft),
                program_proposals::status.eq(ProposalStatus::Submitted),
                program_proposals::created_at.eq(at),
                program_proposals::updated_at.eq(at),
            ))
            .returning(program_proposals::id)
            .get_result(conn)?;
        add_event(conn, id, proposer.id, ProposalEventKind::Submitted, None, at)?;
        record(conn, Some(proposer.id), AuditAction::ProposalSubmitted, &subject(id), &draft.name, at)?;
        let message = Message::new("notice-proposal-submitted")
            .text("proposer", proposer.name)
            .text("proposal", draft.name.as_str());
        notify_admins(conn, proposer.id, &message, at)?;
        Ok(id)
    })
}

/// The proposer changes their proposal while it waits for review, or sends it again after
/// changes were asked for (it then waits for review again, and the administrators are
/// told). `seen` is the status the form was shown in: a proposal decided meanwhile is not
/// changed. Returns the step recorded.
pub fn edit(
    conn: &mut DbConnection,
    id: i32,
    proposer: Actor<'_>,
    seen: ProposalStatus,
    draft: &ProposalDraft,
) -> Result<ProposalEventKind, ProposalRefusal> {
    write_transaction(conn, |conn| {
        let at = now();
        let current = find(conn, id)?;
        if current.proposer_id != proposer.id {
            return Err(ProposalRefusal::NotFound);
        }
        if current.status != seen || !seen.editable() {
            return Err(ProposalRefusal::Changed(current.status));
        }
        let changed = diesel::update(program_proposals::table.find(id).filter(program_proposals::status.eq(seen)))
            .set((
                ProposalFields::from(draft),
                program_proposals::status.eq(ProposalStatus::Submitted),
                program_proposals::updated_at.eq(at),
            ))
            .execute(conn)?;
        if changed == 0 {
            // Decided between the read and the update (PostgreSQL waits for that decision).
            return Err(ProposalRefusal::Changed(find(conn, id)?.status));
        }
        let kind = if seen == ProposalStatus::ChangesRequested {
            ProposalEventKind::Resubmitted
        } else {
            ProposalEventKind::Edited
        };
        add_event(conn, id, proposer.id, kind, None, at)?;
        record(conn, Some(proposer.id), AuditAction::ProposalEdited, &subject(id), &draft.name, at)?;
        if kind == ProposalEventKind::Resubmitted {
            let message = Message::new("notice-proposal-resubmitted")
                .text("proposer", proposer.name)
                .text("proposal", draft.name.as_str());
            notify_admins(conn, proposer.id, &message, at)?;
        }
        Ok(kind)
    })
}

/// The proposer withdraws their proposal while it waits for review or for their changes:
/// it ends there. A proposal decided meanwhile is not changed.
pub fn withdraw(conn: &mut DbConnection, id: i32, proposer: Actor<'_>) -> Result<(), ProposalRefusal> {
    write_transaction(conn, |conn| {
        let at = now();
        let current = find(conn, id)?;
        if current.proposer_id != proposer.id {
            return Err(ProposalRefusal::NotFound);
        }
        let changed =
            diesel::update(program_proposals::table.find(id).filter(
                program_proposals::status.eq_any([ProposalStatus::Submitted, ProposalStatus::ChangesRequested]),
            ))
            .set((program_proposals::status.eq(ProposalStatus::Withdrawn), program_proposals::updated_at.eq(at)))
            .execute(conn)?;
        if changed == 0 {
            return Err(ProposalRefusal::Changed(find(conn, id)?.status));
        }
        add_event(conn, id, proposer.id, ProposalEventKind::Withdrawn, None, at)?;
        record(conn, Some(proposer.id), AuditAction::ProposalWithdrawn, &subject(id), &current.name, at)?;
        Ok(())
    })
}

/// What a decision did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decided {
    pub name: String,
    pub status: ProposalStatus,
    /// The slug of the draft program an approval made.
    pub program_slug: Option<String>,
}

/// An administrator decides on a proposal waiting for review. Approving makes a draft
/// program from it, with the proposer as its team's owner.
pub fn decide(
    conn: &mut DbConnection,
    id: i32,
    admin: Actor<'_>,
    decision: &ProposalDecision,
) -> Result<Decided, ProposalRefusal> {
    write_transaction(conn, |conn| {
        let at = now();
        let proposal = find(conn, id)?;
        if proposal.proposer_id == admin.id {
            return Err(ProposalRefusal::OwnProposal);
        }
        let status = decision.status();
        // Only a proposal still waiting moves; of two administrators deciding at once, the
        // second finds it decided (PostgreSQL makes it wait for the first's commit).
        let changed = diesel::update(
            program_proposals::table.find(id).filter(program_proposals::status.eq(ProposalStatus::Submitted)),
        )
        .set((program_proposals::status.eq(status), program_proposals::updated_at.eq(at)))
        .execute(conn)?;
        if changed == 0 {
            return Err(ProposalRefusal::Changed(find(conn, id)?.status));
        }
        let program_slug = match decision {
            ProposalDecision::Approve { .. } => Some(make_draft_program(conn, &proposal, admin.id, at)?),
            _ => None,
        };
        let (event, action, message) = match decision {
            ProposalDecision::Approve { .. } => {
                (ProposalEventKind::Approved, AuditAction::ProposalApproved, Message::new("notice-proposal-approved"))
            }
            ProposalDecision::RequestChanges { .. } => (
                ProposalEventKind::ChangesRequested,
                AuditAction::ProposalChangesRequested,
                Message::new("notice-proposal-changes-requested"),
            ),
            ProposalDecision::Decline { .. } => {
                (ProposalEventKind::Declined, AuditAction::ProposalDeclined, Message::new("notice-proposal-declined"))
            }
        };
        add_event(conn, id, admin.id, event, decision.comment(), at)?;
        let details = match &program_slug {
            Some(slug) => format!("{}: draft program {slug}", proposal.name),
            None => format!("{}: {}", proposal.name, decision.comment().unwrap_or("")),
        };
        record(conn, Some(admin.id), action, &subject(id), &details, at)?;
        let message = message.text("reviewer", admin.name).text("proposal", proposal.name.as_str());
        notify(conn, proposal.proposer_id, None, &message, at)?;
        Ok(Decided { name: proposal.name, status, program_slug })
    })
}

/// Makes the draft program of an approved proposal, at a free slug, with the proposer as
/// its owner; returns the slug.
fn make_draft_program(
    conn: &mut DbConnection,
    proposal: &Proposal,
    admin_id: i32,
    at: NaiveDateTime,
) -> Result<String, ProposalRefusal> {
    let base = slug_base(&proposal.name);
    let taken: Vec<String> = programs::table
        .filter(programs::slug.eq(&base).or(programs::slug.like(format!("{base}-%"))))
        .select(programs::slug)
        .load(conn)?;
    let slug = std::iter::once(base.clone())
        .chain((2..).map(|n| format!("{base}-{n}")))
        .find(|candidate| !taken.contains(candidate))
        .unwrap_or(base);
    let draft = draft_program(&proposal.draft(), slug.clone());
    let program_id = super::programs::insert(conn, &slug, &ProgramRecord::from(&draft), ProgramStatus::Draft, at)
        .map_err(|err| match err {
            DieselError::DatabaseError(diesel::result::DatabaseErrorKind::UniqueViolation, _) => {
                ProposalRefusal::SlugTaken
            }
            other => ProposalRefusal::Database(other),
        })?;
    diesel::update(program_proposals::table.find(proposal.id))
        .set(program_proposals::program_id.eq(Some(program_id)))
        .execute(conn)?;
    diesel::insert_into(program_team_members::table)
        .values((
            program_team_members::program_id.eq(program_id),
            program_team_members::employee_id.eq(proposal.proposer_id),
            program_team_members::role.eq(TeamRole::Owner),
            program_team_members::added_by.eq(Some(admin_id)),
            program_team_members::added_at.eq(at),
        ))
        .execute(conn)?;
    let details = format!("created as a draft from proposal {}: {}", proposal.id, proposal.name);
    record(conn, Some(admin_id), AuditAction::ProgramCreated, &slug, &details, at)?;
    let proposer_email: String = employees::table.find(proposal.proposer_id).select(employees::email).first(conn)?;
    record(
        conn,
        Some(admin_id),
        AuditAction::ProgramTeamMemberAdded,
        &slug,
        &format!("{proposer_email} as owner"),
        at,
    )?;
    Ok(slug)
}

/// What asking to publish did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublicationRequest {
    /// The administrators are told.
    Asked,
    /// Asked before, and not published yet: nothing new.
    AlreadyAsked,
    /// The program is not a draft (published or archived meanwhile).
    NotDraft,
}

/// The owner of the draft program (`program_id`, `slug`, `name`) asks the administrators
/// to publish it.
pub fn request_publication(
    conn: &mut DbConnection,
    program: (i32, &str, &str),
    owner: Actor<'_>,
) -> QueryResult<PublicationRequest> {
    let (program_id, slug, name) = program;
    write_transaction(conn, |conn| {
        let at = now();
        // The program's row first (the lock order of every change to a program), then the request.
        super::lock_row(conn, super::LockableTable::Programs, program_id)?;
        let status: ProgramStatus = programs::table.find(program_id).select(programs::status).first(conn)?;
        if status != ProgramStatus::Draft {
            return Ok(PublicationRequest::NotDraft);
        }
        let insert = diesel::insert_into(publication_requests::table)
            .values((
                publication_requests::program_id.eq(program_id),
                publication_requests::requested_by.eq(owner.id),
                publication_requests::requested_at.eq(at),
            ))
            .on_conflict_do_nothing();
        if super::on_own_backend!(conn, |own| insert.execute(own))? == 0 {
            return Ok(PublicationRequest::AlreadyAsked);
        }
        if let Some(proposal) = of_program(conn, program_id)? {
            add_event(conn, proposal.id, owner.id, ProposalEventKind::PublicationRequested, None, at)?;
        }
        record(conn, Some(owner.id), AuditAction::ProgramPublicationRequested, slug, name, at)?;
        let message = Message::new("notice-publication-requested").text("owner", owner.name).text("program", name);
        notify_admins(conn, owner.id, &message, at)?;
        Ok(PublicationRequest::Asked)
    })
}

/// Inside the transaction that publishes `program_id`: the step on the timeline of the
/// proposal it came from, and the proposer told.
pub fn record_publication(
    conn: &mut DbConnection,
    program_id: i32,
    program_name: &str,
    admin_id: i32,
    at: NaiveDateTime,
) -> QueryResult<()> {
    let Some(proposal) = of_program(conn, program_id)? else {
        return Ok(());
    };
    add_event(conn, proposal.id, admin_id, ProposalEventKind::Published, None, at)?;
    let message = Message::new("notice-proposal-published").text("program", program_name);
    notify(conn, proposal.proposer_id, None, &message, at)
}
