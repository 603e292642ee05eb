//! The published seat draw of a lottery intake: its seed and the order drawn, for anyone
//! in the draw and the program's team, so that each of them can check it.

use actix_web::{get, web, HttpRequest, HttpResponse};
use askama::Template;

use super::format::{long_date, long_time};
use super::paging::{PageQuery, Pagination};
use super::{page, run_db, Chrome, State, Viewer};
use crate::clock::{now, today};
use crate::db::workflow::{self, DrawLine};
use crate::db::{self};
use crate::domain::{Allocation, DrawPriority};
use crate::web::error::AppError;

/// Lines of the draw on one page.
const PER_PAGE: i64 = 200;

pub struct DrawRow {
    pub line: DrawLine,
    pub employee_number: i32,
    /// The viewer's own application.
    pub yours: bool,
}

#[derive(Template)]
#[template(path = "catalog/draw.html")]
struct DrawPage {
    chrome: Chrome,
    program_name: String,
    program_slug: String,
    intake_name: String,
    seats: i32,
    opens_on: String,
    closes_on: String,
    closes_on_iso: String,
    /// The command that checks the draw (`upskill verify-draw --intake ID`).
    verify_command: String,
    first_time_first: bool,
    /// When the seats were drawn; none before.
    drawn_at: Option<String>,
    seed: String,
    in_draw: i64,
    /// How many got a seat.
    placed: i32,
    /// The viewer's position (0: waiting for the draw), if they are in it.
    your_place: Option<i32>,
    rows: Vec<DrawRow>,
    pagination: Pagination,
}

#[get("/programs/{slug}/intakes/{id}/draw")]
pub async fn show_draw(
    state: State,
    viewer: Viewer,
    path: web::Path<(String, i32)>,
    query: web::Query<PageQuery>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let (slug, intake_id) = path.into_inner();
    let (viewer_id, requested) = (viewer.id(), query.page().unwrap_or(1));
    let (today, at) = (today(), now());
    let found = run_db(&state, move |conn| {
        let program = db::programs::find_by_slug(conn, &slug)?;
        let intake = db::programs::find_intake(conn, intake_id)?;
        if intake.program_id != program.id || intake.allocation != Allocation::Lottery {
            return Ok(None);
        }
        workflow::draw_due(conn, Some(program.id), today, at)?;
        let intake = db::programs::find_intake(conn, intake_id)?;
        let your_place = workflow::place_in_draw(conn, intake_id, viewer_id)?;
        let total = workflow::draw_size(conn, intake_id)?;
        let in_draw = if intake.drawn_at.is_some() { total } else { db::applications::in_draw_count(conn, intake_id)? };
        let pagination = Pagination::new(
            requested,
            total,
            PER_PAGE,
            &format!("/programs/{}/intakes/{intake_id}/draw", program.slug),
        );
        let lines = workflow::draw_page(conn, intake_id, pagination.offset(PER_PAGE), PER_PAGE)?;
        let placed = i32::try_from(workflow::draw_placed(conn, intake_id)?).unwrap_or(i32::MAX);
        Ok(Some((program, intake, your_place, in_draw, placed, pagination, lines)))
    })
    .await?;
    let Some((program, intake, your_place, in_draw, placed, pagination, lines)) = found else {
        return Err(AppError::NotFound);
    };
    // Anyone in the draw and the program's team; nobody else is told it exists.
    if your_place.is_none() && !viewer.runs_program(program.id) {
        return Err(AppError::NotFound);
    }
    let day = |date: Option<chrono::NaiveDate>| date.map(long_date).unwrap_or_default();
    let rows = lines
        .into_iter()
        .map(|(line, employee_number)| DrawRow { yours: employee_number == viewer_id, line, employee_number })
        .collect();
    page(
        &req,
        &DrawPage {
            chrome: viewer.chrome("programs"),
            program_name: program.name,
            program_slug: program.slug,
            intake_name: intake.name,
            seats: intake.seats,
            opens_on: day(intake.opens_on),
            closes_on: day(intake.closes_on),
            closes_on_iso: intake.closes_on.map(|d| d.to_string()).unwrap_or_default(),
            verify_command: format!("upskill verify-draw --intake {intake_id}"),
            first_time_first: intake.priority == DrawPriority::FirstTime,
            drawn_at: intake.drawn_at.map(long_time),
            seed: intake.draw_seed.unwrap_or_default(),
            in_draw,
            placed,
            your_place,
            rows,
            pagination,
        },
    )
}
