//! Intakes of a program: seats, who holds them, and the waitlist.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::programs::load_run_program;
use crate::clock::today;
use crate::db::workflow::{self, WorkflowError};
use crate::db::{self};
use crate::domain::forms::FieldErrors;
use crate::domain::intake_form::parse_intake;
use crate::domain::words::{count, count_of};
use crate::web::error::AppError;
use crate::web::format::long_date;
use crate::web::input::FormFields;
use crate::web::{page_with_status, redirect_with_flash, run_db, Chrome, CsrfForm, State, Viewer};

/// An intake with who holds its seats and who waits.
pub struct IntakeAdminView {
    pub id: i32,
    pub name: String,
    pub starts_on_text: String,
    pub starts_on: String,
    pub seats: i32,
    pub taken: i64,
    pub holders: Vec<String>,
    pub waitlist: Vec<String>,
}

/// A refused intake form: which intake (none for a new one), what was typed, why.
pub struct IntakeFormError {
    pub intake_id: Option<i32>,
    pub name: String,
    pub starts_on: String,
    pub seats: String,
    pub errors: FieldErrors,
}

impl IntakeFormError {
    pub fn error(&self, field: &str) -> &str {
        self.errors.get(field).unwrap_or("")
    }
}

#[derive(Template)]
#[template(path = "admin/intakes.html")]
struct IntakesPage {
    chrome: Chrome,
    program_name: String,
    program_slug: String,
    intakes: Vec<IntakeAdminView>,
    failed: Option<IntakeFormError>,
}

impl IntakesPage {
    /// The failed form for `intake_id` (None: the new-intake form), if that one failed.
    fn failed_for(&self, intake_id: Option<i32>) -> Option<&IntakeFormError> {
        self.failed.as_ref().filter(|f| f.intake_id == intake_id)
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
    let (program, intakes) = run_db(state, move |conn| {
        let program = db::programs::find_by_slug(conn, &slug)?;
        let mut views = Vec::new();
        for intake in db::programs::intakes_with_seats(conn, program.id)? {
            let (holders, waitlist) = db::applications::intake_people(conn, intake.intake.id)?;
            views.push(IntakeAdminView {
                id: intake.intake.id,
                name: intake.intake.name.clone(),
                starts_on_text: long_date(intake.intake.starts_on),
                starts_on: intake.intake.starts_on.to_string(),
                seats: intake.intake.seats,
                taken: intake.seats_taken,
                holders,
                waitlist,
            });
        }
        Ok((program, views))
    })
    .await?;
    let template = IntakesPage {
        chrome: viewer.chrome(super::NAV),
        program_name: program.name,
        program_slug: program.slug,
        intakes,
        failed,
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
    name: String,
    starts_on: String,
    seats: String,
}

impl FormFields for IntakeForm {
    const CHECKED_TEXT: &'static [&'static str] = &["name", "starts_on", "seats"];
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
    let failed = |errors: FieldErrors| IntakeFormError {
        intake_id,
        name: form.name.clone(),
        starts_on: form.starts_on.clone(),
        seats: form.seats.clone(),
        errors,
    };
    let draft = match parse_intake(&form.name, &form.starts_on, &form.seats, intake_id.is_none(), today()) {
        Ok(draft) => draft,
        Err(errors) => {
            return intakes_page(&state, &viewer, slug, Some(failed(errors)), StatusCode::UNPROCESSABLE_ENTITY, &req)
                .await
        }
    };
    let admin = viewer.employee.clone();
    let back = format!("/admin/programs/{slug}/intakes");
    let Some(intake_id) = intake_id else {
        let name = draft.name.clone();
        run_db(&state, move |conn| Ok(workflow::add_intake(conn, &admin, &program, &draft)?)).await?;
        return Ok(redirect_with_flash(&back, "success", &format!("The intake “{name}” is added.")));
    };
    let seats = draft.seats;
    let result = run_db(&state, move |conn| Ok(workflow::update_intake(conn, &admin, intake_id, &draft))).await?;
    match result {
        Ok(promoted) => {
            let message = match promoted {
                0 => format!("The intake is saved with {}.", count(seats.into(), "seat", "seats")),
                n => format!(
                    "The intake is saved with {}; {} from the waitlist got a place.",
                    count(seats.into(), "seat", "seats"),
                    count_of(n, "application", "applications")
                ),
            };
            Ok(redirect_with_flash(&back, "success", &message))
        }
        Err(WorkflowError::SeatsBelowTaken { taken }) => {
            let mut errors = FieldErrors::default();
            let taken =
                if taken == 1 { "1 seat is".to_owned() } else { format!("{} are", count(taken, "seat", "seats")) };
            errors.add("seats", format!("{taken} taken: the intake can't have fewer."));
            intakes_page(&state, &viewer, slug, Some(failed(errors)), StatusCode::UNPROCESSABLE_ENTITY, &req).await
        }
        Err(other) => Err(other.into()),
    }
}
