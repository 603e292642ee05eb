//! A program's part of the dashboard (`/admin/programs/{slug}/figures`), for its team
//! and the administrators: from application to a new role, what it cost per person, and
//! its budget of the year. The pledge's own figures stay on the administrators' dashboard.

use actix_web::{get, web, HttpRequest, HttpResponse};
use askama::Template;

use super::budget_table::BudgetTable;
use super::conversion_view::{ConversionRowView, CostRowView};
use super::programs::load_run_program;
use crate::clock::today;
use crate::db;
use crate::domain::budget::budget_year;
use crate::domain::conversion::{self, ConversionCounts};
use crate::domain::dashboard::ProgramName;
use crate::web::error::AppError;
use crate::web::{page, run_db, Chrome, State, Viewer};

#[derive(Template)]
#[template(path = "admin/program_figures.html")]
struct FiguresPage {
    chrome: Chrome,
    program_name: String,
    program_slug: String,
    /// The program's funnel, all time; none before anyone applied.
    funnel: Option<ConversionRowView>,
    /// What it spent per person who completed and who moved; none before it spent anything.
    cost: Option<CostRowView>,
    budgets: BudgetTable,
}

#[get("/admin/programs/{slug}/figures")]
pub async fn show_figures(
    state: State,
    viewer: Viewer,
    slug: web::Path<String>,
    req: HttpRequest,
) -> Result<HttpResponse, AppError> {
    let program = load_run_program(&state, &viewer, slug.into_inner()).await?;
    let (program_id, slug) = (program.id, program.slug.clone());
    let year = budget_year(today());
    let (counts, budgets) = run_db(&state, move |conn| {
        let keep = |rows: Vec<(i32, i64)>| rows.into_iter().filter(|(id, _)| *id == program_id).collect();
        let (by_program_status, _) = db::dashboard::by_group_and_status(conn, None, None)?;
        let counts = ConversionCounts {
            by_program_status: by_program_status.into_iter().filter(|(id, _, _)| *id == program_id).collect(),
            by_site_status: Vec::new(),
            outcomes: db::outcomes::totals(conn, None, None)?
                .into_iter()
                .filter(|c| c.program_id == program_id)
                .collect(),
            move_delays: db::outcomes::move_delays(conn, None, None)?
                .into_iter()
                .filter(|d| d.program_id == program_id)
                .collect(),
            paid: keep(db::payments::paid_by_program(conn, None, None)?),
            seat_costs: keep(db::dashboard::seat_costs(conn)?),
        };
        let budgets: Vec<_> =
            db::budgets::year_by_program(conn, year)?.into_iter().filter(|row| row.slug == slug).collect();
        Ok((counts, budgets))
    })
    .await?;
    let names = [ProgramName { id: program.id, name: program.name.clone(), published: true }];
    let chrome = viewer.chrome(super::NAV);
    let t = chrome.t;
    let template = FiguresPage {
        chrome,
        funnel: conversion::by_program(&counts, &names).first().map(|row| ConversionRowView::new(row, t)),
        cost: conversion::cost_per_person(&counts, &names).first().map(|row| CostRowView::new(row, t)),
        budgets: BudgetTable::new(year, budgets),
        program_name: program.name,
        program_slug: program.slug,
    };
    page(&req, &template)
}
