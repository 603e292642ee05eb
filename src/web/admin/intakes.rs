//! Intakes of a program: seats, who holds them, and the waitlist.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::programs::load_run_program;
use crate::clock::today;
use crate::db::programs::Intake;
use crate::db::waitlists::IntakePerson;
use crate::db::workflow::{self, WorkflowError};
use crate::db::{self};
use crate::domain::forms::FieldErrors;
use crate::domain::intake_form::{self, parse_intake, IntakeInput};
use crate::domain::message::Message;
use crate::domain::{Allocation, DrawPriority};
use crate::i18n::Tr;
use crate::web::error::AppError;
use crate::web::format::{long_date, long_time};
use crate::web::input::FormFields;
use crate::web::language::words;
use crate::web::{page_with_status, redirect_with_flash, run_db, Chrome, CsrfForm, State, Viewer};

/// An intake with who holds its seats and who waits.
pub struct IntakeAdminView {
    pub id: i32,
    pub name: String,
    pub starts_on_text: String,
    pub seats: i32,
    pub taken: i64,
    pub holders: Vec<PlaceLink>,
    /// Seats offered from the waitlist, each with its last day to answer.
    pub offered: Vec<PlaceLink>,
    pub waitlist: Vec<PlaceLink>,
    /// Freed seats are offered for this many working days; none: given at once.
    pub offer_days: Option<i32>,
    /// How a lottery stands, in words; none first come.
    pub lottery: Option<String>,
    /// Where its draw is published, once there is one to see (the window closed).
    pub draw_page: Option<String>,
    /// Its form: the intake's values, or what was typed and refused.
    pub form: IntakeFields,
}

/// Someone holding, offered or waiting for a seat, linked to the page of their place.
pub struct PlaceLink {
    pub name: String,
    pub href: String,
    /// For an offer: its last day to answer, in words.
    pub answer_by: Option<String>,
}

impl PlaceLink {
    fn of(program_slug: &str, person: IntakePerson) -> PlaceLink {
        PlaceLink {
            href: format!("/admin/programs/{program_slug}/places/{}", person.application_id),
            name: person.name,
            answer_by: person.offer_expires_at.map(|at| long_date(crate::domain::waitlist::answer_by(at))),
        }
    }
}

/// The values of an intake's form and their messages.
pub struct IntakeFields {
    pub input: IntakeInput,
    pub errors: FieldErrors,
}

impl IntakeFields {
    pub fn error(&self, field: &str) -> String {
        crate::web::language::words().error(&self.errors, field)
    }

    pub fn is_lottery(&self) -> bool {
        self.input.allocation == Allocation::Lottery.as_str()
    }

    pub fn first_time_first(&self) -> bool {
        self.input.priority == DrawPriority::FirstTime.as_str()
    }

    pub fn offers_freed_seats(&self) -> bool {
        self.input.freed_seats == "offer"
    }

    fn of(intake: &Intake) -> IntakeFields {
        let day = |date: Option<chrono::NaiveDate>| date.map(|d| d.to_string()).unwrap_or_default();
        IntakeFields {
            input: IntakeInput {
                name: intake.name.clone(),
                starts_on: intake.starts_on.to_string(),
                seats: intake.seats.to_string(),
                allocation: intake.allocation.as_str().to_owned(),
                opens_on: day(intake.opens_on),
                closes_on: day(intake.closes_on),
                priority: intake.priority.as_str().to_owned(),
                freed_seats: if intake.offer_days.is_some() { "offer" } else { "at_once" }.to_owned(),
                offer_days: intake.offer_days.unwrap_or(intake_form::DEFAULT_OFFER_DAYS).to_string(),
            },
            errors: FieldErrors::default(),
        }
    }
}

/// A refused intake form: which intake (none for a new one), what was typed, why.
pub struct IntakeFormError {
    pub intake_id: Option<i32>,
    pub fields: IntakeFields,
}

/// How a lottery intake stands, for its team.
fn lottery_state(intake: &Intake, in_draw: i64, today: chrono::NaiveDate, t: Tr) -> Option<String> {
    let (opens_on, closes_on) = intake.opens_on.zip(intake.closes_on)?;
    if intake.allocation != Allocation::Lottery {
        return None;
    }
    let window = format!(
        "{} {}",
        t.with("intakes-window-from", "date", long_date(opens_on)),
        t.with("intakes-window-to", "date", long_date(closes_on))
    );
    Some(match intake.drawn_at {
        Some(drawn_at) => format!("{} ({window}).", t.with("intakes-lottery-drawn", "when", long_time(drawn_at))),
        None if today > closes_on => t.with("intakes-lottery-due", "window", window),
        None => t.count_with("intakes-lottery-pending", in_draw.max(0), "window", window),
    })
}

#[derive(Template)]
#[template(path = "admin/intakes.html")]
struct IntakesPage {
    chrome: Chrome,
    program_name: String,
    program_slug: String,
    intakes: Vec<IntakeAdminView>,
    new_intake: IntakeFields,
    /// The form refused (none: the new intake's) and its messages, for the summary.
    failed: Option<(Option<i32>, FieldErrors)>,
}

impl IntakesPage {
    /// The prefix of the refused form's field ids, for the error summary's links.
    fn failed_prefix(&self) -> String {
        match &self.failed {
            Some((Some(id), _)) => format!("intake-{id}-"),
            _ => "new-".to_owned(),
        }
    }
}

async fn intakes_page(
    state: &State,
    viewer: &Viewer,
    slug: String,
    failed: Option<IntakeFormError>,
    status: StatusCode,
    req: &HttpRequest,
) -> Result<HttpResponse, AppError> {
    let (today, now) = (today(), crate::clock::now());
    let chrome = viewer.chrome(super::NAV);
    let t = chrome.t;
    let (program, intakes) = run_db(state, move |conn| {
        let program = db::programs::find_by_slug(conn, &slug)?;
        workflow::draw_due(conn, Some(program.id), today, now)?;
        let mut intakes = db::programs::intakes_with_seats(conn, program.id)?;
        let mut lapsed = 0;
        for intake in &intakes {
            lapsed += workflow::lapse_due_offers(conn, Some(intake.intake.id), now)?;
        }
        if lapsed > 0 {
            // The seats those offers held are offered again: read what they hold now.
            intakes = db::programs::intakes_with_seats(conn, program.id)?;
        }
        let mut views = Vec::new();
        for intake in intakes {
            let people = db::waitlists::intake_people(conn, intake.intake.id)?;
            let link = |list: Vec<IntakePerson>| list.into_iter().map(|p| PlaceLink::of(&program.slug, p)).collect();
            let in_draw = db::applications::in_draw_count(conn, intake.intake.id)?;
            let intake_id = intake.intake.id;
            views.push(IntakeAdminView {
                id: intake_id,
                name: intake.intake.name.clone(),
                starts_on_text: long_date(intake.intake.starts_on),
                seats: intake.intake.seats,
                taken: intake.seats_taken,
                holders: link(people.holders),
                offered: link(people.offered),
                waitlist: link(people.waitlist),
                offer_days: intake.intake.offer_days,
                lottery: lottery_state(&intake.intake, in_draw, today, t),
                draw_page: intake
                    .intake
                    .drawn_at
                    .map(|_| format!("/programs/{}/intakes/{intake_id}/draw", program.slug)),
                form: IntakeFields::of(&intake.intake),
            });
        }
        Ok((program, views))
    })
    .await?;
    let mut intakes = intakes;
    let mut new_intake = IntakeFields {
        input: IntakeInput {
            seats: "20".to_owned(),
            freed_seats: "offer".to_owned(),
            offer_days: intake_form::DEFAULT_OFFER_DAYS.to_string(),
            ..IntakeInput::default()
        },
        errors: FieldErrors::default(),
    };
    let mut failed_summary = None;
    if let Some(failed) = failed {
        failed_summary = Some((failed.intake_id, failed.fields.errors.clone()));
        match failed.intake_id {
            None => new_intake = failed.fields,
            Some(id) => {
                if let Some(view) = intakes.iter_mut().find(|view| view.id == id) {
                    view.form = failed.fields;
                }
            }
        }
    }
    let template = IntakesPage {
        chrome,
        program_name: program.name,
        program_slug: program.slug,
        intakes,
        new_intake,
        failed: failed_summary,
    };
    page_with_status(req, &template, status)
}

#[get("/admin/programs/{slug}/intakes")]
pub async fn show_intakes(
    state: State,
    viewer: Viewer,
    slug: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let program = load_run_program(&state, &viewer, slug.into_inner()).await?;
    intakes_page(&state, &viewer, program.slug, None, StatusCode::OK, &req).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct IntakeForm {
    /// Empty for a new intake.
    intake_id: String,
    #[serde(flatten)]
    input: IntakeInput,
}

impl FormFields for IntakeForm {
    const CHECKED_TEXT: &'static [&'static str] = &intake_form::FIELDS;
}

#[post("/admin/programs/{slug}/intakes")]
pub async fn save_intake(
    state: State,
    viewer: Viewer,
    slug: web::Path<String>,
    form: CsrfForm<IntakeForm>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let slug = load_run_program(&state, &viewer, slug.into_inner()).await?.slug;
    let form = form.0;
    let intake_id: Option<i32> = match form.intake_id.trim() {
        "" => None,
        id => Some(id.parse().map_err(|_| AppError::BadRequest("intake_id is not a number".to_owned()))?),
    };
    let owner_slug = slug.clone();
    let (program, belongs) = run_db(&state, move |conn| {
        let program = db::programs::find_by_slug(conn, &owner_slug)?;
        let intakes = db::programs::intakes_with_seats(conn, program.id)?;
        let belongs = intake_id.is_none_or(|id| intakes.iter().any(|i| i.intake.id == id));
        Ok((program, belongs))
    })
    .await?;
    if !belongs {
        return Err(AppError::NotFound);
    }
    let input = form.input;
    let failed =
        |errors: FieldErrors| IntakeFormError { intake_id, fields: IntakeFields { input: input.clone(), errors } };
    let draft = match parse_intake(&input, intake_id.is_none(), today()) {
        Ok(draft) => draft,
        Err(errors) => {
            return intakes_page(&state, &viewer, slug, Some(failed(errors)), StatusCode::UNPROCESSABLE_ENTITY, &req)
                .await
        }
    };
    let admin = viewer.employee.clone();
    let back = format!("/admin/programs/{slug}/intakes");
    let t = words();
    let Some(intake_id) = intake_id else {
        let name = draft.name.clone();
        run_db(&state, move |conn| Ok(workflow::add_intake(conn, &admin, &program, &draft)?)).await?;
        return Ok(redirect_with_flash(&back, "success", &t.with("intakes-added", "intake", name)));
    };
    let seats = draft.seats;
    let result = run_db(&state, move |conn| Ok(workflow::update_intake(conn, &admin, intake_id, &draft))).await?;
    match result {
        Ok(promoted) => {
            let message = match promoted {
                0 => t.count("intakes-saved", seats),
                n => format!("{}; {}", t.count("intakes-saved-with", seats), t.count("intakes-promoted", n)),
            };
            Ok(redirect_with_flash(&back, "success", &message))
        }
        Err(WorkflowError::SeatsBelowTaken { taken }) => {
            let mut errors = FieldErrors::default();
            errors.add("seats", Message::said(t.count("intakes-seats-below-taken", taken)));
            intakes_page(&state, &viewer, slug, Some(failed(errors)), StatusCode::UNPROCESSABLE_ENTITY, &req).await
        }
        Err(WorkflowError::DrawRulesFixed { drawn, waiting }) => {
            let mut errors = FieldErrors::default();
            if drawn {
                errors.add("allocation", Message::new("intakes-drawn-already"));
            } else {
                errors.add("allocation", Message::said(t.count("intakes-draw-waiting", waiting)));
            }
            intakes_page(&state, &viewer, slug, Some(failed(errors)), StatusCode::UNPROCESSABLE_ENTITY, &req).await
        }
        Err(other) => Err(other.into()),
    }
}
