//! The admin dashboard, `/admin`: the pledge tracker and four charts drawn on the server
//! as inline SVG, each with its numbers in a table. Every figure comes from the
//! reporting counters and the pledge's participants, never from `applications`.

use actix_web::http::StatusCode;
use actix_web::{get, web, HttpRequest, HttpResponse};
use askama::Template;
use chrono::Datelike;

use super::budget_table::BudgetTable;
use super::conversion_view::{ComparisonLineView, ConversionRowView, CostRowView, OutcomeRowView};
use super::money_chart::ForecastView;
use super::require_admin;
use crate::clock::today;
use crate::db;
use crate::domain::application::Status;
use crate::domain::budget::budget_year;
use crate::domain::charts::{horizontal_bars, stacked_columns, BarChart, BarInput, ColumnChart, ColumnInput, Series};
use crate::domain::comparison::comparison_table;
use crate::domain::conversion::{self, ConversionCounts};
use crate::domain::dashboard::{
    summarise, Count, DashboardFigures, ProgramName, StatusGroup, BY_PROGRAM, BY_SITE_TYPE,
};
use crate::domain::forecast::{forecast, MoneyMonth};
use crate::domain::forms::FieldErrors;
use crate::domain::message::Message;
use crate::domain::outcome_figures::{moved_to_date, outcome_table, OutcomeCount, KNOWN};
use crate::domain::outcomes::HORIZONS;
use crate::domain::period::Period;
use crate::domain::pledge::PledgeFigures;
use crate::domain::Cents;
use crate::i18n::Tr;
use crate::web::error::AppError;
use crate::web::format::long_date;
use crate::web::format::{money, number};
use crate::web::{page, page_with_status, run_db, Chrome, State, Viewer};

/// The CSS class that fills a status group's shapes (and colours its legend swatch).
fn fill_class(group: StatusGroup) -> &'static str {
    match group {
        StatusGroup::InReview => "fill-in_review",
        StatusGroup::Approved => "fill-approved",
        StatusGroup::Completed => "fill-completed",
        StatusGroup::NotCompleted => "fill-not_completed",
        StatusGroup::Rejected => "fill-rejected",
        StatusGroup::Withdrawn => "fill-withdrawn",
    }
}

/// The messages naming a status group: as a legend's label, and after a number.
fn group_words(group: StatusGroup) -> (&'static str, &'static str) {
    match group {
        StatusGroup::InReview => ("dashboard-group-in-review", "dashboard-series-in-review"),
        StatusGroup::Approved => ("dashboard-group-approved", "dashboard-series-approved"),
        StatusGroup::Completed => ("dashboard-group-completed", "dashboard-series-completed"),
        StatusGroup::NotCompleted => ("dashboard-group-not-completed", "dashboard-series-not-completed"),
        StatusGroup::Rejected => ("dashboard-group-rejected", "dashboard-series-rejected"),
        StatusGroup::Withdrawn => ("dashboard-group-withdrawn", "dashboard-series-withdrawn"),
    }
}

/// The pledge tracker, in words and numbers ready to print.
pub struct PledgeView {
    pub participants: String,
    pub target: String,
    pub participants_percent: String,
    /// `<progress>` value and maximum (the value never passes the maximum).
    pub participants_value: i64,
    pub participants_max: i64,
    pub target_reached: bool,
    pub committed: String,
    pub budget: String,
    pub funding_percent: String,
    pub funding_value: i64,
    pub funding_max: i64,
    pub deadline: String,
    pub deadline_text: String,
    pub deadline_passed: bool,
}

impl PledgeView {
    fn new(figures: &PledgeFigures) -> PledgeView {
        PledgeView {
            participants: number(figures.participants),
            target: number(figures.target_employees),
            participants_percent: crate::web::language::words().percent(figures.participants, figures.target_employees),
            participants_value: figures.participants.clamp(0, figures.target_employees),
            participants_max: figures.target_employees,
            target_reached: figures.target_reached(),
            committed: money(figures.committed),
            budget: money(figures.budget),
            funding_percent: crate::web::language::words().percent(figures.committed.0, figures.budget.0),
            funding_value: figures.committed.0.clamp(0, figures.budget.0),
            funding_max: figures.budget.0,
            deadline: long_date(figures.deadline),
            deadline_text: deadline_text(figures.days_left),
            deadline_passed: figures.days_left < 0,
        }
    }
}

/// How far the pledge's deadline is: "391 days left.", "The deadline passed 2 days ago."
fn deadline_text(days_left: i64) -> String {
    let t = crate::web::language::words();
    match days_left {
        0 => t.m("dashboard-deadline-today").to_owned(),
        n if n > 0 => t.count("dashboard-days-left", n),
        n => t.count("dashboard-deadline-passed", -n),
    }
}

/// A legend entry of the monthly chart.
pub struct LegendItem {
    pub class: &'static str,
    pub label: &'static str,
}

/// A row of the monthly chart's table.
pub struct MonthRow {
    pub month: String,
    pub title: String,
    pub counts: Vec<String>,
    pub total: String,
}

/// The monthly chart: geometry, words and table.
pub struct MonthsView {
    pub chart: ColumnChart,
    pub desc: String,
    pub legend: Vec<LegendItem>,
    pub rows: Vec<MonthRow>,
    pub totals: Vec<String>,
    pub total: String,
}

impl MonthsView {
    fn new(figures: &DashboardFigures, t: Tr) -> MonthsView {
        let series: Vec<Series> = StatusGroup::ALL
            .iter()
            .map(|group| Series { class: fill_class(*group), name: t.m(group_words(*group).1).to_owned() })
            .collect();
        let columns: Vec<ColumnInput> = figures
            .months
            .iter()
            .enumerate()
            .map(|(i, month)| ColumnInput {
                label: t.month_short(month.first),
                // The year under the first column and under every January.
                sublabel: if i == 0 || month.month.ends_with("-01") { month.year.clone() } else { String::new() },
                title: t.month(month.first),
                values: StatusGroup::ALL.iter().map(|group| month.count(*group)).collect(),
            })
            .collect();
        let totals = StatusGroup::ALL
            .iter()
            .map(|group| t.number(figures.months.iter().map(|m| m.count(*group)).sum::<i64>()))
            .collect();
        MonthsView {
            chart: stacked_columns(&columns, &series),
            desc: t.say(&figures.describe_months()),
            legend: StatusGroup::ALL
                .iter()
                .map(|g| LegendItem { class: fill_class(*g), label: t.m(group_words(*g).0) })
                .collect(),
            rows: figures
                .months
                .iter()
                .map(|month| MonthRow {
                    month: month.month.clone(),
                    title: t.month(month.first),
                    counts: StatusGroup::ALL.iter().map(|group| t.number(month.count(*group))).collect(),
                    total: t.number(month.total),
                })
                .collect(),
            totals,
            total: t.number(figures.months.iter().map(|m| m.total).sum::<i64>()),
        }
    }
}

/// A row of a bar chart's table.
pub struct BarTableRow {
    /// A stable key for scripts and tests (`submitted`, a site type's label…).
    pub key: String,
    pub label: String,
    pub applications: String,
    pub share: String,
}

/// A horizontal bar chart with its heading, words and table.
pub struct BarsView {
    /// The prefix of the element ids (`funnel` → `funnel-title`).
    pub id: &'static str,
    pub heading: &'static str,
    pub intro: String,
    pub chart: BarChart,
    pub desc: String,
    pub caption: &'static str,
    pub label_header: &'static str,
    pub share_header: &'static str,
    pub rows: Vec<BarTableRow>,
}

/// One bar: its label, key, number and fill class.
struct Bar {
    key: String,
    label: String,
    value: i64,
    class: &'static str,
}

/// A bar chart and its table; `share` words a bar's value as a share of the whole
/// ("12.5%").
fn bars_view(
    id: &'static str,
    heading: &'static str,
    intro: String,
    desc: String,
    (caption, label_header, share_header): (&'static str, &'static str, &'static str),
    bars: Vec<Bar>,
    share: impl Fn(i64) -> String,
) -> BarsView {
    let inputs: Vec<BarInput> = bars
        .iter()
        .map(|bar| BarInput {
            label: bar.label.clone(),
            value: bar.value,
            value_text: format!("{} ({})", number(bar.value), share(bar.value)),
            class: bar.class,
        })
        .collect();
    BarsView {
        id,
        heading,
        intro,
        chart: horizontal_bars(&inputs),
        desc,
        caption,
        label_header,
        share_header,
        rows: bars
            .into_iter()
            .map(|bar| BarTableRow {
                key: bar.key,
                label: bar.label,
                applications: number(bar.value),
                share: share(bar.value),
            })
            .collect(),
    }
}

fn funnel_view(figures: &DashboardFigures, moved: i64, t: Tr) -> BarsView {
    let funnel = figures.funnel;
    let stage = |key: &str, label: &str, value, group| Bar {
        key: key.to_owned(),
        label: label.to_owned(),
        value,
        class: fill_class(group),
    };
    bars_view(
        "funnel",
        t.m("dashboard-funnel-heading"),
        t.m("dashboard-funnel-intro").to_owned(),
        t.say(&figures.describe_funnel(moved)),
        (t.m("dashboard-funnel-caption"), t.m("dashboard-stage"), t.m("dashboard-share-of-submitted")),
        vec![
            stage(Status::Submitted.as_str(), t.m("dashboard-submitted"), funnel.submitted, StatusGroup::InReview),
            stage(Status::Approved.as_str(), t.m("dashboard-approved"), funnel.approved, StatusGroup::Approved),
            stage(Status::Completed.as_str(), t.m("dashboard-completed"), funnel.completed, StatusGroup::Completed),
            Bar {
                key: "moved".to_owned(),
                label: t.m("dashboard-moved-into-new-role").to_owned(),
                value: moved,
                class: "fill-moved",
            },
        ],
        |n| t.percent(n, funnel.submitted),
    )
}

fn count_bars(counts: &[Count], t: Tr) -> Vec<Bar> {
    counts
        .iter()
        .map(|c| Bar {
            key: c.label.clone(),
            label: c.site.map_or_else(|| c.label.clone(), |site| t.name(site).to_owned()),
            value: c.applications,
            class: "fill-neutral",
        })
        .collect()
}

fn sites_view(figures: &DashboardFigures, t: Tr) -> BarsView {
    bars_view(
        "sites",
        t.m("dashboard-sites-heading"),
        t.m("dashboard-sites-intro").to_owned(),
        t.say(&DashboardFigures::describe_counts(BY_SITE_TYPE, &figures.sites)),
        (t.m("dashboard-sites-caption"), t.m("dashboard-site-type"), t.m("dashboard-share")),
        count_bars(&figures.sites, t),
        |n| t.percent(n, figures.total_applications),
    )
}

fn programs_view(figures: &DashboardFigures, t: Tr) -> BarsView {
    bars_view(
        "programs",
        t.m("dashboard-programs-heading"),
        t.m("dashboard-programs-intro").to_owned(),
        t.say(&DashboardFigures::describe_counts(BY_PROGRAM, &figures.programs)),
        (t.m("dashboard-programs-caption"), t.m("dashboard-program"), t.m("dashboard-share")),
        count_bars(&figures.programs, t),
        |n| t.percent(n, figures.total_applications),
    )
}

#[derive(Template)]
#[template(path = "admin/dashboard.html")]
struct DashboardPage {
    chrome: Chrome,
    pledge: PledgeView,
    /// What the recorded tuition payments add up to (from `payment_totals`).
    paid_so_far: String,
    total_applications: String,
    /// None when nobody has applied yet (the page says so instead of drawing charts).
    months: Option<MonthsView>,
    bar_charts: Vec<BarsView>,
    period: PeriodForm,
    /// None when nobody who applied in the period completed yet.
    outcomes: Option<OutcomesView>,
    /// What is wrong with the period asked for (shown in the summary and at its field).
    errors: FieldErrors,
    budgets: BudgetTable,
    /// The funnel per program and per site type (None when nobody applied in the period).
    conversion: Option<ConversionView>,
    comparison: ComparisonView,
    /// None until money is committed or paid.
    forecast: Option<ForecastView>,
}

/// Participants beside the colleagues who did not take part.
pub struct ComparisonView {
    /// Empty when no participant's 12-month outcome is known yet (in the period).
    pub lines: Vec<ComparisonLineView>,
    /// "3 December 2026, with 41,210 colleagues", or None before the first computation.
    pub computed: Option<String>,
}

/// The funnel tables.
pub struct ConversionView {
    pub by_program: Vec<ConversionRowView>,
    pub by_site: Vec<ConversionRowView>,
    /// Empty when no money was spent on the period's applications.
    pub costs: Vec<CostRowView>,
}

/// Everything the dashboard reads, in one trip to the database.
struct DashboardReads {
    settings: crate::domain::pledge::PledgeSettings,
    participants: i64,
    totals: crate::domain::dashboard::StatsTotals,
    programs: Vec<ProgramName>,
    paid: i64,
    conversion: ConversionCounts,
    budgets: Vec<db::budgets::ProgramYear>,
    comparison: Vec<crate::domain::comparison::ComparisonRow>,
    comparison_computed: Option<db::comparison::Computed>,
    /// The pledge's money per month, and over the last 90 days.
    money: (Vec<MoneyMonth>, (i64, i64)),
}

/// The period filter: the months typed, their errors, and the years to pick at once.
pub struct PeriodForm {
    pub from: String,
    pub to: String,
    pub from_error: String,
    pub to_error: String,
    /// "all time", "January 2026 to December 2026".
    pub description: String,
    pub all_time: bool,
    /// Links to the last three calendar years: (label, address, whether shown now).
    pub years: Vec<(String, String, bool)>,
    /// The period's part of an address (`from=…&to=…`), to keep it in other links.
    pub query: String,
}

impl PeriodForm {
    fn new(query: &DashboardQuery, period: &Period, errors: &FieldErrors) -> PeriodForm {
        let this_year = today().year();
        let mut query_text = String::new();
        if let Some(from) = period.from_month() {
            query_text.push_str(&format!("from={from}&"));
        }
        if let Some(to) = period.to_month() {
            query_text.push_str(&format!("to={to}&"));
        }
        PeriodForm {
            from: query.from.clone().unwrap_or_default(),
            to: query.to.clone().unwrap_or_default(),
            from_error: crate::web::language::words().error(errors, "from"),
            to_error: crate::web::language::words().error(errors, "to"),
            description: crate::web::language::words().say(&period.describe()),
            all_time: period.is_all_time(),
            years: (this_year - 2..=this_year)
                .map(|year| {
                    let whole = Period::year(year);
                    (year.to_string(), format!("/admin?from={year}-01&to={year}-12#period"), whole == *period)
                })
                .collect(),
            query: query_text,
        }
    }
}

/// The outcome table at one horizon, with the horizons to switch to and the exports.
pub struct OutcomesView {
    pub horizon: i32,
    /// (months, address, whether shown now).
    pub horizons: Vec<(i32, String, bool)>,
    pub headers: Vec<&'static str>,
    pub rows: Vec<OutcomeRowView>,
    pub total: Option<OutcomeRowView>,
    pub csv: String,
    pub json: String,
}

fn outcomes_view(
    counts: &[OutcomeCount],
    programs: &[ProgramName],
    horizon: i32,
    period: &PeriodForm,
    t: Tr,
) -> Option<OutcomesView> {
    let table = outcome_table(counts, programs, horizon);
    if table.is_empty() && outcome_table(counts, programs, 0).is_empty() {
        return None;
    }
    let mut rows: Vec<OutcomeRowView> = table.iter().map(|row| OutcomeRowView::new(row, t)).collect();
    let total = rows.pop();
    Some(OutcomesView {
        horizon,
        horizons: HORIZONS
            .iter()
            .map(|months| {
                let months = *months as i32;
                (months, format!("/admin?{}horizon={months}#outcomes", period.query), months == horizon)
            })
            .collect(),
        headers: KNOWN.iter().map(|o| t.name(*o)).collect(),
        rows,
        total,
        csv: format!("/admin/outcomes.csv?{}", period.query.trim_end_matches('&')),
        json: format!("/admin/outcomes.json?{}", period.query.trim_end_matches('&')),
    })
}

/// The dashboard's address: the period and the outcome table's horizon.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct DashboardQuery {
    pub from: Option<String>,
    pub to: Option<String>,
    pub horizon: Option<String>,
}

#[get("/admin")]
pub async fn show_dashboard(
    state: State,
    viewer: Viewer,
    req: HttpRequest,
    query: web::Query<DashboardQuery>,
) -> Result<HttpResponse, AppError> {
    require_admin(&viewer)?;
    let query = query.into_inner();
    let parsed = Period::parse(query.from.as_deref(), query.to.as_deref());
    // A wrong month shows the form again with its message, and every figure of all time.
    let period = parsed.clone().unwrap_or_default();
    let horizon = query
        .horizon
        .as_deref()
        .and_then(|h| h.trim().parse::<i32>().ok())
        .filter(|h| HORIZONS.iter().any(|months| *months as i32 == *h))
        .unwrap_or(12);
    let (from, to) = (period.from_month(), period.to_month());
    let year = budget_year(today());
    let reads = run_db(&state, move |conn| {
        let (from, to) = (from.as_deref(), to.as_deref());
        let (by_program_status, by_site_status) = db::dashboard::by_group_and_status(conn, from, to)?;
        let seat_costs = db::dashboard::seat_costs(conn)?;
        let money = db::dashboard::money_by_month(conn, today(), &seat_costs)?;
        Ok(DashboardReads {
            settings: db::settings::pledge(conn)?,
            participants: db::dashboard::participants(conn)?,
            totals: db::dashboard::totals(conn, from, to)?,
            programs: db::dashboard::program_names(conn)?,
            paid: db::payments::paid_so_far(conn)?,
            conversion: ConversionCounts {
                by_program_status,
                by_site_status,
                outcomes: db::outcomes::totals(conn, from, to)?,
                move_delays: db::outcomes::move_delays(conn, from, to)?,
                paid: db::payments::paid_by_program(conn, from, to)?,
                seat_costs,
            },
            budgets: db::budgets::year_by_program(conn, year)?,
            comparison: db::comparison::totals(conn, from, to)?,
            money,
            comparison_computed: db::comparison::computed(conn)?,
        })
    })
    .await?;
    let DashboardReads {
        settings,
        participants,
        totals,
        programs,
        paid,
        conversion,
        budgets,
        comparison,
        comparison_computed,
        money,
    } = reads;
    let outcome_counts = &conversion.outcomes;
    let figures = summarise(&totals, &programs)
        .map_err(|err| AppError::Internal(anyhow::anyhow!("a reporting counter does not parse: {err}")))?;
    // What the pledge committed is what the money chart counts: covered tuition and seat
    // costs of the places approved, less what withdrawals gave back.
    let committed = Cents(money.0.iter().map(|month| month.committed).sum());
    let pledge = PledgeFigures::new(participants, committed, &settings, today());
    let has_applications = figures.total_applications > 0;
    let mut errors = FieldErrors::default();
    if let Err((field, message)) = &parsed {
        errors.add(field, Message::said(message.clone()));
    }
    let period_form = PeriodForm::new(&query, &period, &errors);
    let chrome = viewer.chrome(super::NAV);
    let t = chrome.t;
    let template = DashboardPage {
        chrome,
        pledge: PledgeView::new(&pledge),
        paid_so_far: t.money(crate::domain::Cents(paid)),
        total_applications: number(figures.total_applications),
        months: has_applications.then(|| MonthsView::new(&figures, t)),
        bar_charts: if has_applications {
            vec![
                funnel_view(&figures, moved_to_date(outcome_counts), t),
                sites_view(&figures, t),
                programs_view(&figures, t),
            ]
        } else {
            Vec::new()
        },
        outcomes: outcomes_view(outcome_counts, &programs, horizon, &period_form, t),
        conversion: has_applications.then(|| ConversionView {
            by_program: conversion::by_program(&conversion, &programs)
                .iter()
                .map(|r| ConversionRowView::new(r, t))
                .collect(),
            by_site: conversion::by_site_type(&conversion).iter().map(|r| ConversionRowView::new(r, t)).collect(),
            costs: conversion::cost_per_person(&conversion, &programs).iter().map(|r| CostRowView::new(r, t)).collect(),
        }),
        period: period_form,
        errors,
        budgets: BudgetTable::new(year, budgets),
        forecast: forecast(&money.0, money.1, settings.budget, settings.deadline, today())
            .map(|f| ForecastView::new(&f, settings.budget, settings.deadline, t)),
        comparison: ComparisonView {
            lines: comparison_table(&comparison, &programs)
                .iter()
                .map(|line| ComparisonLineView::new(line, t))
                .collect(),
            computed: comparison_computed.map(|c| {
                let colleagues = t.with("dashboard-comparison-colleagues", "colleagues", number(c.colleagues));
                format!("{}, {colleagues}", long_date(c.on))
            }),
        },
    };
    if parsed.is_err() {
        return page_with_status(&req, &template, StatusCode::UNPROCESSABLE_ENTITY);
    }
    page(&req, &template)
}
