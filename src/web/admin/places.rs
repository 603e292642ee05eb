//! One person's place in an intake, for the program team
//! (`/admin/programs/{slug}/places/{application_id}`): move a waitlisted application in
//! line, or move an application to another intake of the program, each with a reason.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::programs::load_run_program;
use crate::db::programs::Program;
use crate::db::workflow::{self, Reordered, WorkflowError};
use crate::db::{self};
use crate::domain::application::Status;
use crate::domain::forms::FieldErrors;
use crate::domain::message::Message;
use crate::domain::numbers::ordinal;
use crate::domain::waitlist::{answer_by, parse_reason};
use crate::domain::Allocation;
use crate::i18n::{Locale, Tr};
use crate::web::error::AppError;
use crate::web::format::long_date;
use crate::web::input::FormFields;
use crate::web::language::words;
use crate::web::{page_with_status, redirect_with_flash, run_db, Chrome, CsrfForm, State, Viewer};

/// An intake the application could move to.
pub struct IntakeChoice {
    pub id: i32,
    /// Its name, start and what an application moved there gets, in words.
    pub label: String,
    pub selected: bool,
}

/// What the page knows of the place.
pub struct PlaceView {
    pub application_id: i32,
    pub version: i32,
    pub owner_name: String,
    pub status: Status,
    pub intake_name: String,
    pub intake_starts_on: String,
    /// Its place in line (1 the first) and the length of the line, when waitlisted.
    pub in_line: Option<(i64, usize)>,
    /// For an offer: its last day to answer, in words.
    pub answer_by: Option<String>,
    pub other_intakes: Vec<IntakeChoice>,
    /// The viewer's own application: somebody else on the team moves it.
    pub own: bool,
}

impl PlaceView {
    pub fn can_reorder(&self) -> bool {
        !self.own && self.in_line.is_some_and(|(_, length)| length > 1)
    }

    pub fn can_move(&self) -> bool {
        !self.own
            && !self.other_intakes.is_empty()
            && matches!(self.status, Status::Approved | Status::Waitlisted | Status::Offered | Status::InDraw)
    }

    /// "3rd of 7 in line", when waitlisted.
    pub fn line_text(&self, t: Tr) -> Option<String> {
        self.in_line.map(|(position, length)| t.count_with("place-line", length, "position", ordinal_in(t, position)))
    }

    /// The choices of place in line: "1st" to the last.
    pub fn positions(&self) -> Vec<(usize, String, bool)> {
        let Some((position, length)) = self.in_line else { return Vec::new() };
        let t = words();
        (1..=length)
            .map(|n| {
                let current = n as i64 == position;
                let label = ordinal_in(t, n as i64);
                (n, if current { format!("{label} ({})", t.m("place-now")) } else { label }, current)
            })
            .collect()
    }

    /// Where the place stands, as a sentence: "3rd of 7 in line on the waitlist of May 2026."
    fn standing(&self, t: Tr) -> String {
        let intake = &self.intake_name;
        match self.status {
            Status::Waitlisted => self
                .line_text(t)
                .map(|line| format!("{line} {}", t.with("place-on-waitlist-of", "intake", intake)))
                .unwrap_or_default(),
            Status::Offered => {
                let until = self
                    .answer_by
                    .as_ref()
                    .map(|day| format!(", {}", t.with("place-answer-by", "day", day)))
                    .unwrap_or_default();
                format!("{} {}{until}.", t.with("place-offered", "intake", intake), self.owner_name)
            }
            Status::InDraw => t.with("place-in-draw", "intake", intake),
            other => format!("{}, {}", t.name(other), t.with("place-in-intake", "intake", intake)),
        }
    }
}

/// A place in line as a language writes it: "3rd", "3.º".
fn ordinal_in(t: Tr, n: i64) -> String {
    match t.locale() {
        Locale::Es => format!("{n}.º"),
        _ => ordinal(n),
    }
}

#[derive(Template)]
#[template(path = "admin/place.html")]
struct PlacePage {
    chrome: Chrome,
    /// "Ana’s place in May 2026".
    heading: String,
    /// Where the place stands, in words.
    standing: String,
    program_name: String,
    program_slug: String,
    place: PlaceView,
    /// What was typed in the form refused, with its messages.
    typed: PlaceForm,
    errors: FieldErrors,
    /// Which form was refused: "line-" or "move-" (the summary's links).
    refused: &'static str,
}

impl PlacePage {
    /// The message of `field` when `form` ("line-" or "move-") was the one refused.
    pub fn error_of(&self, form: &str, field: &str) -> String {
        if self.refused == form {
            crate::web::language::words().error(&self.errors, field)
        } else {
            String::new()
        }
    }

    /// The reason typed in `form` when it was the one refused.
    pub fn typed_reason(&self, form: &str) -> &str {
        if self.refused == form {
            &self.typed.reason
        } else {
            ""
        }
    }

    /// Whether place `n` is the one to show chosen: what was typed, else the current one.
    pub fn position_chosen(&self, n: usize, current: bool) -> bool {
        if self.refused == "line-" {
            self.typed.position.trim() == n.to_string()
        } else {
            current
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PlaceForm {
    version: String,
    position: String,
    intake_id: String,
    reason: String,
}

impl FormFields for PlaceForm {
    const CHECKED_TEXT: &'static [&'static str] = &["reason"];
}

/// The application of `program` numbered `application_id`, as the page shows it.
fn load_place(
    conn: &mut db::DbConnection,
    program: &Program,
    application_id: i32,
    viewer_id: i32,
) -> Result<PlaceView, AppError> {
    let now = crate::clock::now();
    let application = db::applications::find(conn, application_id)?;
    let Some(intake_id) = application.intake_id.filter(|_| application.program_id == program.id) else {
        return Err(AppError::NotFound);
    };
    workflow::lapse_due_offers(conn, Some(intake_id), now)?;
    let application = db::applications::find(conn, application_id)?;
    let intake = db::programs::find_intake(conn, intake_id)?;
    let owner = db::employees::find_by_id(conn, application.employee_id)?;
    let in_line = if application.status == Status::Waitlisted {
        let position = db::applications::waitlist_position(conn, &application)?;
        let others = db::waitlists::line_without(conn, intake_id, application.id)?;
        Some((position, others.len() + 1))
    } else {
        None
    };
    let today = crate::clock::today();
    let t = words();
    let other_intakes = db::programs::intakes_with_seats(conn, program.id)?
        .into_iter()
        .filter(|other| other.intake.id != intake_id && other.intake.starts_on > today)
        .map(|other| {
            let gets = if other.intake.approvals_wait_for_draw(today) {
                t.m("place-gets-draw").to_owned()
            } else if other.seats_left() > 0 {
                t.count("place-gets-seat", other.seats_left())
            } else if other.intake.allocation == Allocation::Lottery && other.intake.drawn_at.is_none() {
                t.m("place-gets-waitlist-after-draw").to_owned()
            } else {
                t.m("place-gets-waitlist-end").to_owned()
            };
            let starts = t.with("place-starts", "date", long_date(other.intake.starts_on));
            IntakeChoice {
                id: other.intake.id,
                label: format!("{}, {starts}: {gets}", other.intake.name),
                selected: false,
            }
        })
        .collect();
    Ok(PlaceView {
        application_id: application.id,
        version: application.version,
        owner_name: owner.display_name,
        status: application.status,
        intake_name: intake.name,
        intake_starts_on: long_date(intake.starts_on),
        in_line,
        answer_by: application
            .offer_expires_at
            .filter(|_| application.status == Status::Offered)
            .map(|at| long_date(answer_by(at))),
        other_intakes,
        own: application.employee_id == viewer_id,
    })
}

async fn place_page(
    state: &State,
    viewer: &Viewer,
    program: Program,
    application_id: i32,
    refused: Option<(&'static str, PlaceForm, FieldErrors)>,
    req: &HttpRequest,
) -> Result<HttpResponse, AppError> {
    let viewer_id = viewer.id();
    let (program, mut place) = run_db(state, move |conn| {
        let place = load_place(conn, &program, application_id, viewer_id)?;
        Ok((program, place))
    })
    .await?;
    let (refused, typed, errors, status) = match refused {
        Some((form, typed, errors)) => (form, typed, errors, StatusCode::UNPROCESSABLE_ENTITY),
        None => ("", PlaceForm::default(), FieldErrors::default(), StatusCode::OK),
    };
    for choice in &mut place.other_intakes {
        choice.selected = typed.intake_id == choice.id.to_string();
    }
    let chrome = viewer.chrome(super::NAV);
    let t = chrome.t;
    let heading = format!(
        "{} {}",
        t.with("place-title-owner", "owner", &place.owner_name),
        t.with("place-title-intake", "intake", &place.intake_name)
    );
    let standing = place.standing(t);
    let template = PlacePage {
        chrome,
        heading,
        standing,
        program_name: program.name,
        program_slug: program.slug,
        place,
        typed,
        errors,
        refused,
    };
    page_with_status(req, &template, status)
}

#[get("/admin/programs/{slug}/places/{application_id}")]
pub async fn show_place(
    state: State,
    viewer: Viewer,
    path: web::Path<(String, i32)>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let (slug, application_id) = path.into_inner();
    let program = load_run_program(&state, &viewer, slug).await?;
    place_page(&state, &viewer, program, application_id, None, &req).await
}

/// The name of whose application `application_id` is, when it is one of `program_id`'s.
fn owner_in_program(conn: &mut db::DbConnection, program_id: i32, application_id: i32) -> Result<String, AppError> {
    let application = db::applications::find(conn, application_id)?;
    if application.program_id != program_id {
        return Err(AppError::NotFound);
    }
    Ok(db::employees::find_by_id(conn, application.employee_id)?.display_name)
}

/// The version the form was opened at.
fn version_of(form: &PlaceForm) -> Result<i32, AppError> {
    form.version.trim().parse().map_err(|_| AppError::BadRequest("version is not a number".to_owned()))
}

/// What a refusal of the workflow says on the place's form, when it is one it explains.
fn refusal_message(err: &WorkflowError) -> Option<String> {
    match err {
        WorkflowError::Stale { status } => {
            let t = words();
            Some(t.with("place-stale", "status", t.name(*status).to_lowercase()))
        }
        WorkflowError::Refused(refusal) => Some(refusal.to_string()),
        _ => None,
    }
}

#[post("/admin/programs/{slug}/places/{application_id}/position")]
pub async fn reorder(
    state: State,
    viewer: Viewer,
    path: web::Path<(String, i32)>,
    form: CsrfForm<PlaceForm>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let (slug, application_id) = path.into_inner();
    let program = load_run_program(&state, &viewer, slug).await?;
    let typed = form.0;
    let version = version_of(&typed)?;
    let mut errors = FieldErrors::default();
    let position = match typed.position.trim().parse::<usize>() {
        Ok(n) if n >= 1 => Some(n),
        _ => {
            errors.add("position", Message::new("place-choose-position"));
            None
        }
    };
    let reason = parse_reason(&typed.reason).map_err(|message| errors.add("reason", message)).ok();
    let (Some(position), Some(reason), true) = (position, reason, errors.is_empty()) else {
        return place_page(&state, &viewer, program, application_id, Some(("line-", typed, errors)), &req).await;
    };
    let actor = viewer.employee.clone();
    let (program_id, back) = (program.id, format!("/admin/programs/{}/intakes", program.slug));
    let result = run_db(&state, move |conn| {
        let owner = owner_in_program(conn, program_id, application_id)?;
        Ok(workflow::reorder_waitlist(conn, &actor, application_id, version, position, &reason).map(|r| (r, owner)))
    })
    .await?;
    match result {
        Ok((Reordered { from, to }, owner)) => {
            let t = words();
            let message = if from == to {
                format!("{owner} {}", t.with("place-stays", "position", ordinal_in(t, to as i64)))
            } else {
                format!(
                    "{owner} {} {}",
                    t.with("place-moved-from", "position", ordinal_in(t, from as i64)),
                    t.with("place-moved-to", "position", ordinal_in(t, to as i64))
                )
            };
            Ok(redirect_with_flash(&back, "success", &message))
        }
        Err(err) => match refusal_message(&err) {
            Some(message) => {
                errors.add("position", Message::said(message));
                place_page(&state, &viewer, program, application_id, Some(("line-", typed, errors)), &req).await
            }
            None => Err(err.into()),
        },
    }
}

#[post("/admin/programs/{slug}/places/{application_id}/intake")]
pub async fn move_intake(
    state: State,
    viewer: Viewer,
    path: web::Path<(String, i32)>,
    form: CsrfForm<PlaceForm>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let (slug, application_id) = path.into_inner();
    let program = load_run_program(&state, &viewer, slug).await?;
    let typed = form.0;
    let version = version_of(&typed)?;
    let mut errors = FieldErrors::default();
    let target = typed.intake_id.trim().parse::<i32>().ok();
    if target.is_none() {
        errors.add("intake_id", Message::new("place-choose-target"));
    }
    let reason = parse_reason(&typed.reason).map_err(|message| errors.add("reason", message)).ok();
    let (Some(target), Some(reason), true) = (target, reason, errors.is_empty()) else {
        return place_page(&state, &viewer, program, application_id, Some(("move-", typed, errors)), &req).await;
    };
    let actor = viewer.employee.clone();
    let (program_id, back) = (program.id, format!("/admin/programs/{}/intakes", program.slug));
    let result = run_db(&state, move |conn| {
        let owner = owner_in_program(conn, program_id, application_id)?;
        let target_name = db::programs::find_intake(conn, target).map(|intake| intake.name).unwrap_or_default();
        Ok(workflow::move_to_intake(conn, &actor, application_id, version, target, &reason)
            .map(|outcome| (outcome, owner, target_name)))
    })
    .await?;
    match result {
        Ok((outcome, owner, target_name)) => {
            let t = words();
            let there = match outcome.to {
                Status::Waitlisted => t.m("place-moved-to-waitlist"),
                Status::InDraw => t.m("place-moved-to-draw"),
                _ => t.m("place-moved-to-seat"),
            };
            let message = format!("{} {target_name}, {there}", t.with("place-moved-application", "owner", owner));
            Ok(redirect_with_flash(&back, "success", &message))
        }
        Err(WorkflowError::NotFound) => {
            errors.add("intake_id", Message::new("place-choose-other-intake"));
            place_page(&state, &viewer, program, application_id, Some(("move-", typed, errors)), &req).await
        }
        Err(err) => match refusal_message(&err) {
            Some(message) => {
                errors.add("intake_id", Message::said(message));
                place_page(&state, &viewer, program, application_id, Some(("move-", typed, errors)), &req).await
            }
            None => Err(err.into()),
        },
    }
}
