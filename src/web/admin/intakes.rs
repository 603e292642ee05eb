//! Intakes of a program: seats, who holds them, and the waitlist.

use actix_web::http::StatusCode;
use actix_web::{get, post, web, HttpRequest, HttpResponse};
use askama::Template;
use serde::Deserialize;

use super::{require_admin, workflow_to_app};
use crate::db::workflow::{self};
use crate::db::{self};
use crate::error::AppError;
use crate::web::catalog::long_date;
use crate::web::{page_with_status, redirect_with_flash, run_db, Chrome, CsrfForm, State, Viewer};

/// An intake with who holds its seats and who waits.
pub struct IntakeAdminView {
    pub id: i32,
    pub name: String,
    pub starts_on: String,
    pub seats: i32,
    pub taken: i64,
    pub holders: Vec<String>,
    pub waitlist: Vec<String>,
}

#[derive(Template)]
#[template(path = "admin/intakes.html")]
struct IntakesPage {
    chrome: Chrome,
    program_name: String,
    program_slug: String,
    intakes: Vec<IntakeAdminView>,
    error: Option<(i32, String)>,
}

async fn intakes_page(
    state: &State,
    viewer: &Viewer,
    slug: String,
    error: Option<(i32, String)>,
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
                starts_on: long_date(intake.intake.starts_on),
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
        chrome: viewer.chrome("admin"),
        program_name: program.name,
        program_slug: program.slug,
        intakes,
        error,
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
    require_admin(&viewer)?;
    intakes_page(&state, &viewer, slug.into_inner(), None, StatusCode::OK, &req).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SeatsForm {
    intake_id: String,
    seats: String,
}

#[post("/admin/programs/{slug}/intakes")]
pub async fn update_intake_seats(
    state: State,
    viewer: Viewer,
    slug: web::Path<String>,
    form: CsrfForm<SeatsForm>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    let slug = slug.into_inner();
    let form = form.0;
    let intake_id: i32 =
        form.intake_id.trim().parse().map_err(|_| AppError::BadRequest("intake_id is not a number".to_owned()))?;
    let owner_slug = slug.clone();
    let belongs = run_db(&state, move |conn| {
        let program = db::programs::find_by_slug(conn, &owner_slug)?;
        Ok(db::programs::intakes_with_seats(conn, program.id)?.iter().any(|i| i.intake.id == intake_id))
    })
    .await?;
    if !belongs {
        return Err(AppError::NotFound);
    }
    let seats = match form.seats.trim().parse::<i32>() {
        Ok(seats) if (0..=10_000).contains(&seats) => seats,
        _ => {
            let error = Some((intake_id, "Enter a number of seats from 0 to 10,000.".to_owned()));
            return intakes_page(&state, &viewer, slug, error, StatusCode::UNPROCESSABLE_ENTITY, &req).await;
        }
    };
    let admin = viewer.employee.clone();
    let result =
        run_db(&state, move |conn| workflow::set_intake_seats(conn, &admin, intake_id, seats).map_err(workflow_to_app))
            .await?;
    match result {
        Ok(promoted) => {
            let message =
                format!("The intake now has {seats} seats; {promoted} waitlisted application(s) got a place.");
            Ok(redirect_with_flash(&format!("/admin/programs/{slug}/intakes"), "success", &message))
        }
        Err(below) => {
            let error = Some((intake_id, format!("{} seats are taken: the intake can't have fewer.", below.taken)));
            intakes_page(&state, &viewer, slug, error, StatusCode::UNPROCESSABLE_ENTITY, &req).await
        }
    }
}
