//! Programs employees propose: "Propose a program" and the proposer's own list
//! (`/proposals`), a proposal's page with its timeline (the proposer and administrators),
//! the proposer's edits, and the administrators' review queue and decisions
//! (`/admin/proposals`).

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::format::long_time;
use super::paging::Pagination;
use super::{page, page_with_status, redirect_with_flash, run_db, Chrome, CsrfForm, EmptyForm, State, Viewer};
use crate::db::proposals::{Actor, Proposal, ProposalLine, ProposalRefusal};
use crate::db::{self};
use crate::domain::forms::FieldErrors;
use crate::domain::proposal::{parse_decision, parse_proposal, DecisionInput, ProposalInput, FIELDS};
use crate::domain::{Cents, ProgramKind, ProgramStatus, ProposalStatus};
use crate::web::error::AppError;
use crate::web::format::money;
use crate::web::input::FormFields;
use crate::web::language;

/// How many times an approval tries again when another one took its draft's slug.
const SLUG_ATTEMPTS: u32 = 3;

/// Proposals a page of the review queue lists.
const PROPOSALS_PER_PAGE: i64 = 25;

impl FormFields for ProposalInput {
    const CHECKED_TEXT: &'static [&'static str] = &FIELDS;
}

impl FormFields for DecisionInput {
    const CHECKED_TEXT: &'static [&'static str] = &["decision", "comment"];
}

/// A `<select>` option of the kind.
pub struct KindChoice {
    pub value: &'static str,
    pub label: &'static str,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "proposals/form.html")]
struct ProposalFormPage {
    chrome: Chrome,
    /// The proposal being changed; `None` for a new one.
    editing: Option<EditedProposal>,
    input: ProposalInput,
    errors: FieldErrors,
    kinds: Vec<KindChoice>,
}

pub struct EditedProposal {
    pub id: i32,
    pub name: String,
    /// The status the form was shown in (sent back to catch a decision made meanwhile).
    pub seen: ProposalStatus,
}

impl ProposalFormPage {
    fn error(&self, field: &str) -> String {
        crate::web::language::words().error(&self.errors, field)
    }
}

fn form_page(
    viewer: &Viewer,
    editing: Option<EditedProposal>,
    input: ProposalInput,
    errors: FieldErrors,
) -> ProposalFormPage {
    let chrome = viewer.chrome("programs");
    let kinds = ProgramKind::ALL
        .iter()
        .map(|kind| KindChoice {
            value: kind.as_str(),
            label: chrome.t.name(*kind),
            selected: input.kind == kind.as_str(),
        })
        .collect();
    ProposalFormPage { chrome, editing, input, errors, kinds }
}

/// A proposal in a list.
pub struct ProposalRow {
    pub id: i32,
    pub name: String,
    pub kind: &'static str,
    pub status: ProposalStatus,
    pub expected_cost: String,
    pub updated: String,
    pub proposer: String,
    /// The draft program an approval made, and where it stands.
    pub program: Option<ProgramLink>,
}

pub struct ProgramLink {
    pub slug: String,
    pub status: &'static str,
    pub publication_requested: bool,
}

impl From<ProposalLine> for ProposalRow {
    fn from(line: ProposalLine) -> Self {
        let t = language::words();
        ProposalRow {
            id: line.id,
            name: line.name,
            kind: t.name(line.kind),
            status: line.status,
            expected_cost: money(Cents(line.expected_cost_cents)),
            updated: long_time(line.updated_at),
            proposer: line.proposer_name,
            program: line.program_slug.zip(line.program_status).map(|(slug, status)| ProgramLink {
                slug,
                status: t.name(status),
                publication_requested: status == ProgramStatus::Draft && line.publication_requested_at.is_some(),
            }),
        }
    }
}

#[derive(Template)]
#[template(path = "proposals/list.html")]
struct OwnProposalsPage {
    chrome: Chrome,
    proposals: Vec<ProposalRow>,
}

/// The proposer's own proposals, and the way to propose one.
#[get("/proposals")]
pub async fn list_own_proposals(state: State, viewer: Viewer, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let employee_id = viewer.id();
    let lines = run_db(&state, move |conn| Ok(db::proposals::of_proposer(conn, employee_id)?)).await?;
    let proposals = lines.into_iter().map(ProposalRow::from).collect();
    page(&req, &OwnProposalsPage { chrome: viewer.chrome("programs"), proposals })
}

#[get("/proposals/new")]
pub async fn new_proposal_form(viewer: Viewer, req: HttpRequest) -> Result<HttpResponse, AppError> {
    let input = ProposalInput { kind: ProgramKind::Cohort.as_str().to_owned(), ..ProposalInput::default() };
    page(&req, &form_page(&viewer, None, input, FieldErrors::default()))
}

#[post("/proposals/new")]
pub async fn submit_proposal(
    state: State,
    viewer: Viewer,
    form: CsrfForm<ProposalInput>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let input = form.0;
    let draft = match parse_proposal(&input) {
        Ok(draft) => draft,
        Err(errors) => {
            let view = form_page(&viewer, None, input, errors);
            return page_with_status(&req, &view, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let (proposer_id, proposer_name) = (viewer.id(), viewer.employee.display_name.clone());
    let id = run_db(&state, move |conn| {
        Ok(db::proposals::submit(conn, Actor { id: proposer_id, name: &proposer_name }, &draft)?)
    })
    .await?;
    Ok(redirect_with_flash(&format!("/proposals/{id}"), "success", language::words().m("proposals-sent")))
}

/// A proposal for its proposer or an administrator; 404 for anyone else.
async fn load_visible(state: &State, viewer: &Viewer, id: i32) -> Result<Proposal, AppError> {
    let proposal = run_db(state, move |conn| Ok(db::proposals::find(conn, id)?)).await?;
    if proposal.proposer_id != viewer.id() && !viewer.employee.is_admin {
        return Err(AppError::NotFound);
    }
    Ok(proposal)
}

/// The proposal `id` for its proposer to change; 404 for anyone else.
async fn load_own(state: &State, viewer: &Viewer, id: i32) -> Result<Proposal, AppError> {
    let proposal = run_db(state, move |conn| Ok(db::proposals::find(conn, id)?)).await?;
    if proposal.proposer_id != viewer.id() {
        return Err(AppError::NotFound);
    }
    Ok(proposal)
}

pub struct StepView {
    pub who: String,
    pub what: &'static str,
    pub when: String,
    pub when_iso: String,
    pub comment: Option<String>,
}

#[derive(Template)]
#[template(path = "proposals/detail.html")]
struct ProposalPage {
    chrome: Chrome,
    proposal: Proposal,
    proposer_name: String,
    kind: &'static str,
    expected_cost: String,
    is_proposer: bool,
    /// The viewer may decide now: an administrator, not the proposer, on a proposal waiting.
    can_decide: bool,
    /// The draft program an approval made: its slug, name and status.
    program: Option<(String, String, ProgramStatus)>,
    steps: Vec<StepView>,
    decision: DecisionInput,
    errors: FieldErrors,
}

impl ProposalPage {
    fn error(&self, field: &str) -> String {
        crate::web::language::words().error(&self.errors, field)
    }

    /// The program made from the proposal is in the catalog.
    fn program_published(&self) -> bool {
        self.program.as_ref().is_some_and(|(_, _, status)| *status == ProgramStatus::Published)
    }
}

async fn proposal_page(
    state: &State,
    viewer: &Viewer,
    proposal: Proposal,
    decision: DecisionInput,
    errors: FieldErrors,
) -> Result<ProposalPage, AppError> {
    let (id, proposer_id, program_id) = (proposal.id, proposal.proposer_id, proposal.program_id);
    let (proposer, events, program) = run_db(state, move |conn| {
        let proposer = db::employees::find_by_id(conn, proposer_id)?;
        let events = db::proposals::events(conn, id)?;
        let program = match program_id {
            Some(program_id) => Some(db::programs::find_by_id(conn, program_id)?),
            None => None,
        };
        Ok((proposer, events, program))
    })
    .await?;
    let t = language::words();
    let steps = events
        .into_iter()
        .map(|event| StepView {
            who: event.actor_name.unwrap_or_else(|| "Upskill".to_owned()),
            what: t.name(event.kind),
            when: long_time(event.created_at),
            when_iso: event.created_at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
            comment: event.comment,
        })
        .collect();
    let is_proposer = proposal.proposer_id == viewer.id();
    Ok(ProposalPage {
        chrome: viewer.chrome(if is_proposer { "programs" } else { super::admin::NAV }),
        proposer_name: proposer.display_name,
        kind: t.name(proposal.kind),
        expected_cost: money(Cents(proposal.expected_cost_cents)),
        can_decide: viewer.employee.is_admin && !is_proposer && proposal.status == ProposalStatus::Submitted,
        is_proposer,
        program: program.map(|p| (p.slug, p.name, p.status)),
        steps,
        decision,
        errors,
        proposal,
    })
}

#[get("/proposals/{id}")]
pub async fn show_proposal(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let proposal = load_visible(&state, &viewer, id.into_inner()).await?;
    let view = proposal_page(&state, &viewer, proposal, DecisionInput::default(), FieldErrors::default()).await?;
    page(&req, &view)
}

#[get("/proposals/{id}/edit")]
pub async fn edit_proposal_form(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let proposal = load_own(&state, &viewer, id.into_inner()).await?;
    if !proposal.status.editable() {
        return Ok(not_editable(&proposal));
    }
    let input = ProposalInput::from(&proposal.draft());
    let editing = EditedProposal { id: proposal.id, name: proposal.name.clone(), seen: proposal.status };
    page(&req, &form_page(&viewer, Some(editing), input, FieldErrors::default()))
}

/// Back to a decided proposal, which can no longer change.
fn not_editable(proposal: &Proposal) -> HttpResponse {
    let t = language::words();
    let message = match proposal.status {
        ProposalStatus::Approved => t.m("proposals-approved-not-editable"),
        ProposalStatus::Withdrawn => t.m("proposals-withdrawn-not-editable"),
        _ => t.m("proposals-decided-not-editable"),
    };
    redirect_with_flash(&format!("/proposals/{}", proposal.id), "error", message)
}

/// The edit form: the proposal's fields and the status it was shown in.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct EditFields {
    #[serde(flatten)]
    input: ProposalInput,
    seen: String,
}

impl FormFields for EditFields {
    const CHECKED_TEXT: &'static [&'static str] = &FIELDS;
}

#[post("/proposals/{id}/edit")]
pub async fn edit_proposal(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    form: CsrfForm<EditFields>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let proposal = load_own(&state, &viewer, id.into_inner()).await?;
    let EditFields { input, seen } = form.0;
    let seen: ProposalStatus = seen.trim().parse().unwrap_or(proposal.status);
    if !proposal.status.editable() {
        return Ok(not_editable(&proposal));
    }
    let draft = match parse_proposal(&input) {
        Ok(draft) => draft,
        Err(errors) => {
            let editing = EditedProposal { id: proposal.id, name: proposal.name.clone(), seen };
            let view = form_page(&viewer, Some(editing), input, errors);
            return page_with_status(&req, &view, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let (proposer_id, proposer_name, id) = (viewer.id(), viewer.employee.display_name.clone(), proposal.id);
    let edited = run_db(&state, move |conn| {
        let proposer = Actor { id: proposer_id, name: &proposer_name };
        Ok(ProposalRefusal::or_failure(db::proposals::edit(conn, id, proposer, seen, &draft))?)
    })
    .await?;
    let back = format!("/proposals/{id}");
    let t = language::words();
    Ok(match edited {
        Ok(crate::domain::ProposalEventKind::Resubmitted) => {
            redirect_with_flash(&back, "success", t.m("proposals-sent-again"))
        }
        Ok(_) => redirect_with_flash(&back, "success", t.m("proposals-saved")),
        Err(ProposalRefusal::Changed(status)) => {
            redirect_with_flash(&back, "error", &t.with("proposals-changed-meanwhile", "status", t.name(status)))
        }
        Err(_) => return Err(AppError::NotFound),
    })
}

#[derive(Template)]
#[template(path = "proposals/withdraw.html")]
struct WithdrawPage {
    chrome: Chrome,
    id: i32,
    name: String,
}

/// Withdrawing ends a proposal: it is asked for on a page of its own first.
#[get("/proposals/{id}/withdraw")]
pub async fn confirm_withdraw_proposal(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let proposal = load_own(&state, &viewer, id.into_inner()).await?;
    if !proposal.status.editable() {
        return Ok(not_editable(&proposal));
    }
    page(&req, &WithdrawPage { chrome: viewer.chrome("programs"), id: proposal.id, name: proposal.name })
}

#[post("/proposals/{id}/withdraw")]
pub async fn withdraw_proposal(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    _form: CsrfForm<EmptyForm>,
) -> Result<HttpResponse, AppError> {
    let proposal = load_own(&state, &viewer, id.into_inner()).await?;
    let (proposer_id, proposer_name, id) = (viewer.id(), viewer.employee.display_name.clone(), proposal.id);
    let withdrawn = run_db(&state, move |conn| {
        let proposer = Actor { id: proposer_id, name: &proposer_name };
        Ok(ProposalRefusal::or_failure(db::proposals::withdraw(conn, id, proposer))?)
    })
    .await?;
    let back = format!("/proposals/{id}");
    let t = language::words();
    Ok(match withdrawn {
        Ok(()) => redirect_with_flash(&back, "success", t.m("proposals-withdrawn")),
        Err(ProposalRefusal::Changed(status)) => {
            redirect_with_flash(&back, "error", &t.with("proposals-decided-meanwhile", "status", t.name(status)))
        }
        Err(_) => return Err(AppError::NotFound),
    })
}

#[derive(Template)]
#[template(path = "admin/proposals.html")]
struct ReviewQueuePage {
    chrome: Chrome,
    /// The tabs: each status with its count, and whether it is the one shown.
    tabs: Vec<(ProposalStatus, i64, bool)>,
    status: ProposalStatus,
    proposals: Vec<ProposalRow>,
    pagination: Pagination,
    /// Draft programs whose owner asked to publish them: slug, name, asked when.
    to_publish: Vec<(String, String, String)>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct QueueQuery {
    status: String,
    page: String,
}

/// The administrators' review queue: proposals by status (waiting first, oldest first),
/// and the drafts their owners asked to publish.
#[get("/admin/proposals")]
pub async fn review_queue(
    state: State,
    viewer: Viewer,
    query: web::Query<QueueQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    super::admin::require_admin(&viewer)?;
    let query = query.into_inner();
    let status: ProposalStatus = query.status.trim().parse().unwrap_or(ProposalStatus::Submitted);
    let requested: i64 = query.page.trim().parse().unwrap_or(1);
    let (counts, lines, pagination, to_publish) = run_db(&state, move |conn| {
        let counts = db::proposals::count_by_status(conn)?;
        let total = counts.iter().find(|(s, _)| *s == status).map_or(0, |(_, n)| *n);
        let base = format!("/admin/proposals?status={}", status.as_str());
        let pagination = Pagination::new(requested, total, PROPOSALS_PER_PAGE, &base);
        let lines = db::proposals::page(conn, status, pagination.offset(PROPOSALS_PER_PAGE), PROPOSALS_PER_PAGE)?;
        Ok((counts, lines, pagination, db::proposals::drafts_to_publish(conn)?))
    })
    .await?;
    let tabs = ProposalStatus::ALL
        .iter()
        .map(|s| (*s, counts.iter().find(|(c, _)| c == s).map_or(0, |(_, n)| *n), *s == status))
        .collect();
    let to_publish = to_publish.into_iter().map(|(slug, name, at)| (slug, name, long_time(at))).collect();
    let template = ReviewQueuePage {
        chrome: viewer.chrome(super::admin::NAV),
        tabs,
        status,
        proposals: lines.into_iter().map(ProposalRow::from).collect(),
        pagination,
        to_publish,
    };
    page(&req, &template)
}

/// An administrator approves, asks for changes or declines.
#[post("/admin/proposals/{id}/decision")]
pub async fn decide_proposal(
    state: State,
    viewer: Viewer,
    id: web::Path<i32>,
    form: CsrfForm<DecisionInput>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    super::admin::require_admin(&viewer)?;
    let proposal = load_visible(&state, &viewer, id.into_inner()).await?;
    if proposal.proposer_id == viewer.id() {
        return Err(AppError::Forbidden);
    }
    let input = form.0;
    let decision = match parse_decision(&input) {
        Ok(decision) => decision,
        Err(errors) => {
            let view = proposal_page(&state, &viewer, proposal, input, errors).await?;
            return page_with_status(&req, &view, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    let (admin_id, admin_name, id) = (viewer.id(), viewer.employee.display_name.clone(), proposal.id);
    let decided = run_db(&state, move |conn| {
        let admin = Actor { id: admin_id, name: &admin_name };
        let mut attempts = 0;
        loop {
            attempts += 1;
            match ProposalRefusal::or_failure(db::proposals::decide(conn, id, admin, &decision))? {
                // Another approval took the slug meanwhile: the next try picks the next one.
                Err(ProposalRefusal::SlugTaken) if attempts < SLUG_ATTEMPTS => continue,
                decided => return Ok(decided),
            }
        }
    })
    .await?;
    let back = format!("/proposals/{id}");
    let t = language::words();
    let decided = match decided {
        Ok(decided) => decided,
        Err(ProposalRefusal::Changed(status)) => {
            let message = if status == ProposalStatus::Withdrawn {
                t.m("proposal-detail-withdrawn-meanwhile").to_owned()
            } else {
                t.with("proposal-detail-decided-meanwhile", "status", t.name(status))
            };
            return Ok(redirect_with_flash(&back, "error", &message));
        }
        Err(ProposalRefusal::OwnProposal) => return Err(AppError::Forbidden),
        Err(ProposalRefusal::SlugTaken) => {
            return Err(AppError::Internal(anyhow::anyhow!(
                "no free slug for proposal {id} after {SLUG_ATTEMPTS} tries"
            )))
        }
        Err(_) => return Err(AppError::NotFound),
    };
    state.catalog.invalidate();
    let message = match (decided.status, &decided.program_slug) {
        (ProposalStatus::Approved, Some(slug)) => {
            t.with_two("proposal-detail-approved", "name", &decided.name, "slug", slug)
        }
        (ProposalStatus::ChangesRequested, _) => t.with("proposal-detail-changes-requested", "name", &decided.name),
        _ => t.with("proposal-detail-declined", "name", &decided.name),
    };
    Ok(redirect_with_flash(&back, "success", &message))
}
