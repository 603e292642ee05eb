//! The dashboard's figures, summed from the reporting counters (`application_stats`
//! rows: a few thousand at most, whatever the number of applications), and what describes
//! each chart to someone who cannot see it (catalog messages, worded in the reader's
//! language by the page).

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};

use super::enums::{StoredName, UnknownValue};
use super::message::Message;
use super::{ApplicationStatus, SiteType};

/// How many months the monthly chart shows at most.
pub const MONTHS_SHOWN: u32 = 12;

/// Applications (and their covered tuition) of one month of application and status,
/// summed over programs and site types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthStatusTotal {
    /// `YYYY-MM`.
    pub month: String,
    pub status: ApplicationStatus,
    pub applications: i64,
    pub covered_cents: i64,
}

/// The reporting counters (`application_stats`) summed three ways by the database, so
/// that the dashboard reads a few hundred rows whatever the number of applications.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatsTotals {
    pub by_month_status: Vec<MonthStatusTotal>,
    /// Applications by site type.
    pub by_site: Vec<(SiteType, i64)>,
    /// Applications by program id.
    pub by_program: Vec<(i32, i64)>,
}

/// What a row of a dashboard table counts: a program, a site type, or all of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowLabel {
    /// A program, by name.
    Program(String),
    Site(SiteType),
    /// Every row above together.
    All,
}

/// A program as the charts name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgramName {
    pub id: i32,
    pub name: String,
    /// Published programs are listed even before anyone applies.
    pub published: bool,
}

/// The statuses the monthly chart tells apart (eight would be too many colours).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusGroup {
    /// Submitted, changes requested, manager approved or waitlisted.
    InReview,
    /// Approved, and still in the program: evidence sent or sent back included.
    Approved,
    /// Verified completions: what the pledge counts.
    Completed,
    /// The place was given and used, but the program was not completed.
    NotCompleted,
    Rejected,
    Withdrawn,
}

impl StatusGroup {
    /// Every group, in stacking order (bottom first).
    pub const ALL: [StatusGroup; 6] = [
        StatusGroup::Completed,
        StatusGroup::Approved,
        StatusGroup::NotCompleted,
        StatusGroup::InReview,
        StatusGroup::Rejected,
        StatusGroup::Withdrawn,
    ];

    /// The group of a status.
    pub fn of(status: ApplicationStatus) -> StatusGroup {
        match status {
            ApplicationStatus::Submitted
            | ApplicationStatus::ChangesRequested
            | ApplicationStatus::ManagerApproved
            | ApplicationStatus::Waitlisted
            | ApplicationStatus::InDraw
            | ApplicationStatus::Offered => StatusGroup::InReview,
            ApplicationStatus::Approved
            | ApplicationStatus::CompletionSubmitted
            | ApplicationStatus::CompletionReturned => StatusGroup::Approved,
            ApplicationStatus::Completed => StatusGroup::Completed,
            ApplicationStatus::NotCompleted => StatusGroup::NotCompleted,
            ApplicationStatus::Rejected => StatusGroup::Rejected,
            ApplicationStatus::Withdrawn => StatusGroup::Withdrawn,
        }
    }

    fn index(self) -> usize {
        match self {
            StatusGroup::Completed => 0,
            StatusGroup::Approved => 1,
            StatusGroup::NotCompleted => 2,
            StatusGroup::InReview => 3,
            StatusGroup::Rejected => 4,
            StatusGroup::Withdrawn => 5,
        }
    }

    /// A stable name for CSS classes and data attributes: the status a group is named
    /// after, or `in_review`.
    pub fn key(self) -> &'static str {
        match self {
            StatusGroup::InReview => "in_review",
            StatusGroup::Approved => ApplicationStatus::Approved.as_str(),
            StatusGroup::Completed => ApplicationStatus::Completed.as_str(),
            StatusGroup::NotCompleted => ApplicationStatus::NotCompleted.as_str(),
            StatusGroup::Rejected => ApplicationStatus::Rejected.as_str(),
            StatusGroup::Withdrawn => ApplicationStatus::Withdrawn.as_str(),
        }
    }

    /// The name shown to people, capitalised.
    pub fn label(self) -> &'static str {
        match self {
            StatusGroup::InReview => "In review",
            StatusGroup::Approved => "Approved",
            StatusGroup::Completed => "Completed",
            StatusGroup::NotCompleted => "Not completed",
            StatusGroup::Rejected => "Rejected",
            StatusGroup::Withdrawn => "Withdrawn",
        }
    }

    /// `count` applications of the group, as the monthly chart's description counts
    /// them: "3 in review", "1 approved".
    pub fn counted(self, count: i64) -> Message {
        let message = match self {
            StatusGroup::InReview => Message::new("chart-months-in-review"),
            StatusGroup::Approved => Message::new("chart-months-approved"),
            StatusGroup::Completed => Message::new("chart-months-completed"),
            StatusGroup::NotCompleted => Message::new("chart-months-not-completed"),
            StatusGroup::Rejected => Message::new("chart-months-rejected"),
            StatusGroup::Withdrawn => Message::new("chart-months-withdrawn"),
        };
        message.number("count", count)
    }
}

/// The applications made in one month, by status group (in `StatusGroup::ALL` order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthFigures {
    /// `YYYY-MM`.
    pub month: String,
    /// The month's first day.
    pub first: NaiveDate,
    /// "November 2026".
    pub title: String,
    /// "Nov".
    pub short: String,
    /// "2026".
    pub year: String,
    pub counts: [i64; 6],
    pub total: i64,
}

impl MonthFigures {
    /// The count of one group.
    pub fn count(&self, group: StatusGroup) -> i64 {
        self.counts[group.index()]
    }
}

/// How far applications got: all were submitted; approved counts those given a place
/// (whatever became of it since); completed those whose completion was verified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Funnel {
    pub submitted: i64,
    pub approved: i64,
    pub completed: i64,
}

/// Applications of one site type or program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    pub label: String,
    /// The site type counted, for a count by site (pages name it in their language).
    pub site: Option<SiteType>,
    pub applications: i64,
}

/// Everything the dashboard's charts show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DashboardFigures {
    pub total_applications: i64,
    /// The last months with applications (at most twelve calendar months, ending with
    /// the latest month that has applications; months between without any show zero).
    pub months: Vec<MonthFigures>,
    pub funnel: Funnel,
    /// Every site type, most applications first.
    pub sites: Vec<Count>,
    /// Published programs and any program with applications, most applications first.
    pub programs: Vec<Count>,
}

fn first_of_month(month: &str) -> Result<NaiveDate, UnknownValue> {
    NaiveDate::parse_from_str(&format!("{month}-01"), "%Y-%m-%d")
        .map_err(|_| UnknownValue { kind: "month", value: month.to_owned() })
}

fn month_figures(first: NaiveDate, counts: [i64; 6]) -> MonthFigures {
    MonthFigures {
        month: first.format("%Y-%m").to_string(),
        first,
        title: first.format("%B %Y").to_string(),
        short: first.format("%b").to_string(),
        year: first.format("%Y").to_string(),
        counts,
        total: counts.iter().sum(),
    }
}

/// Sorts most applications first; equal counts keep their order.
fn most_first(mut counts: Vec<Count>) -> Vec<Count> {
    counts.sort_by_key(|c| std::cmp::Reverse(c.applications));
    counts
}

/// Turns the summed counters into the dashboard's figures. A month that does not parse
/// is an error: the counters are written by this application only.
pub fn summarise(totals: &StatsTotals, programs: &[ProgramName]) -> Result<DashboardFigures, UnknownValue> {
    let mut total_applications = 0;
    let mut funnel = Funnel::default();
    let mut by_month: BTreeMap<NaiveDate, [i64; 6]> = BTreeMap::new();
    for row in &totals.by_month_status {
        let status = row.status;
        if row.applications == 0 {
            continue;
        }
        total_applications += row.applications;
        funnel.submitted += row.applications;
        if ApplicationStatus::SEAT_HOLDING.contains(&status) {
            funnel.approved += row.applications;
        }
        if status == ApplicationStatus::Completed {
            funnel.completed += row.applications;
        }
        by_month.entry(first_of_month(&row.month)?).or_default()[StatusGroup::of(status).index()] += row.applications;
    }
    let mut by_site: BTreeMap<SiteType, i64> = BTreeMap::new();
    for (site, applications) in totals.by_site.iter().filter(|(_, n)| *n != 0) {
        *by_site.entry(*site).or_default() += applications;
    }
    let mut by_program: BTreeMap<i32, i64> = BTreeMap::new();
    for (program_id, applications) in totals.by_program.iter().filter(|(_, n)| *n != 0) {
        *by_program.entry(*program_id).or_default() += applications;
    }

    let mut months = Vec::new();
    if let (Some(earliest), Some(latest)) = (by_month.keys().next(), by_month.keys().next_back()) {
        let window_start = latest.checked_sub_months(Months::new(MONTHS_SHOWN - 1)).unwrap_or(*latest);
        let mut month = window_start.max(*earliest);
        while month <= *latest {
            months.push(month_figures(month, by_month.get(&month).copied().unwrap_or_default()));
            match month.checked_add_months(Months::new(1)) {
                Some(next) => month = next,
                None => break,
            }
        }
    }

    let sites: Vec<Count> = SiteType::ALL
        .iter()
        .map(|site| Count {
            label: site.label().to_owned(),
            site: Some(*site),
            applications: by_site.remove(site).unwrap_or(0),
        })
        .collect();

    let mut program_counts: Vec<Count> = programs
        .iter()
        .filter_map(|program| {
            let applications = by_program.remove(&program.id).unwrap_or(0);
            (program.published || applications > 0).then(|| Count {
                label: program.name.clone(),
                site: None,
                applications,
            })
        })
        .collect();
    program_counts.extend(by_program.into_iter().map(|(id, applications)| Count {
        label: format!("Program #{id}"),
        site: None,
        applications,
    }));

    Ok(DashboardFigures {
        total_applications,
        months,
        funnel,
        sites: most_first(sites),
        programs: most_first(program_counts),
    })
}

/// The catalog word for what a count chart counts by, for [`DashboardFigures::describe_counts`].
pub const BY_SITE_TYPE: &str = "chart-by-site-type";
/// See [`BY_SITE_TYPE`].
pub const BY_PROGRAM: &str = "chart-by-program";

impl DashboardFigures {
    /// The monthly chart in words: the months shown, their applications by status group
    /// and, over several months, the busiest.
    pub fn describe_months(&self) -> Message {
        let (Some(first), Some(last)) = (self.months.first(), self.months.last()) else {
            return Message::new("chart-months-none");
        };
        let total: i64 = self.months.iter().map(|m| m.total).sum();
        let groups: Vec<Message> = StatusGroup::ALL
            .iter()
            .map(|group| group.counted(self.months.iter().map(|m| m.count(*group)).sum()))
            .collect();
        // Over several months, the busiest (the earliest of them, when several tie).
        let busiest = self.months.iter().rev().max_by_key(|m| m.total).filter(|_| self.months.len() > 1);
        match busiest {
            Some(busiest) => Message::new("chart-months")
                .month("first", first.first)
                .month("last", last.first)
                .number("count", total)
                .list("groups", groups)
                .month("busiest", busiest.first)
                .number("most", busiest.total),
            None => Message::new("chart-months-one")
                .month("month", first.first)
                .number("count", total)
                .list("groups", groups),
        }
    }

    /// The funnel in words, with the completions whose participant works in a new role
    /// today (`moved`); each stage's share is of the applications submitted.
    pub fn describe_funnel(&self, moved: i64) -> Message {
        let Funnel { submitted, approved, completed } = self.funnel;
        Message::new("chart-funnel")
            .number("count", submitted)
            .number("placed", approved)
            .percent("placed_share", approved, submitted)
            .number("finished", completed)
            .percent("finished_share", completed, submitted)
            .number("moved", moved)
            .percent("moved_share", moved, submitted)
    }

    /// A count chart in words: "Applications by site type: Tech hub 2 and Retail store 1."
    /// `what` is the catalog word for what is counted by ([`BY_SITE_TYPE`],
    /// [`BY_PROGRAM`]); a site type is named in the reader's language, a program as it is
    /// written.
    pub fn describe_counts(what: &'static str, counts: &[Count]) -> Message {
        let items: Vec<Message> = counts
            .iter()
            .map(|c| {
                let item = Message::new("chart-counts-item").number("count", c.applications);
                match c.site {
                    Some(site) => item.names("label", SiteType::VOCABULARY, vec![site.stored_name()]),
                    None => item.text("label", c.label.clone()),
                }
            })
            .collect();
        Message::new("chart-counts").term("what", what).list("counts", items)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One counter row of `application_stats`.
    struct StatsRow {
        program_id: i32,
        site_type: String,
        month: String,
        status: String,
        applications: i64,
        covered_cents: i64,
    }

    /// The rows summed three ways, as `db::dashboard::totals` has the database do it.
    fn totals(rows: &[StatsRow]) -> StatsTotals {
        let mut by_month_status: BTreeMap<(String, String), (i64, i64)> = BTreeMap::new();
        let mut by_site: BTreeMap<SiteType, i64> = BTreeMap::new();
        let mut by_program: BTreeMap<i32, i64> = BTreeMap::new();
        for r in rows {
            let sums = by_month_status.entry((r.month.clone(), r.status.clone())).or_default();
            sums.0 += r.applications;
            sums.1 += r.covered_cents;
            *by_site.entry(r.site_type.parse::<SiteType>().unwrap()).or_default() += r.applications;
            *by_program.entry(r.program_id).or_default() += r.applications;
        }
        StatsTotals {
            by_month_status: by_month_status
                .into_iter()
                .map(|((month, status), (applications, covered_cents))| MonthStatusTotal {
                    month,
                    status: status.parse().unwrap(),
                    applications,
                    covered_cents,
                })
                .collect(),
            by_site: by_site.into_iter().collect(),
            by_program: by_program.into_iter().collect(),
        }
    }

    fn summarise(rows: &[StatsRow], programs: &[ProgramName]) -> Result<DashboardFigures, UnknownValue> {
        super::summarise(&totals(rows), programs)
    }

    fn row(program_id: i32, site: &str, month: &str, status: &str, applications: i64, covered: i64) -> StatsRow {
        StatsRow {
            program_id,
            site_type: site.into(),
            month: month.into(),
            status: status.into(),
            applications,
            covered_cents: covered,
        }
    }

    fn programs() -> Vec<ProgramName> {
        vec![
            ProgramName { id: 1, name: "Career Choice".into(), published: true },
            ProgramName { id: 2, name: "Machine Learning University".into(), published: true },
            ProgramName { id: 3, name: "Old program".into(), published: false },
            ProgramName { id: 4, name: "Archived with history".into(), published: false },
        ]
    }

    fn first_day(year: i32, month: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, 1).unwrap()
    }

    /// The status groups counted, in `StatusGroup::ALL` order.
    fn groups(counts: [i64; 6]) -> Vec<Message> {
        StatusGroup::ALL.iter().zip(counts).map(|(group, n)| group.counted(n)).collect()
    }

    fn sample() -> Vec<StatsRow> {
        vec![
            row(1, "fulfillment_center", "2026-10", "approved", 2, 300_000),
            row(1, "fulfillment_center", "2026-11", "completed", 1, 100_000),
            row(1, "retail_store", "2026-11", "submitted", 3, 450_000),
            row(2, "tech_hub", "2026-11", "waitlisted", 1, 0),
            row(2, "tech_hub", "2026-08", "rejected", 1, 0),
            row(4, "corporate_office", "2026-08", "withdrawn", 1, 0),
            // A counter that went back to zero counts for nothing.
            row(2, "tech_hub", "2025-01", "submitted", 0, 0),
        ]
    }

    #[test]
    fn no_rows_mean_no_applications_and_zero_everywhere() {
        let figures = summarise(&[], &programs()).unwrap();
        assert_eq!(figures.total_applications, 0);
        assert!(figures.months.is_empty());
        assert_eq!(figures.funnel, Funnel::default());
        assert_eq!(figures.sites.len(), 5);
        assert!(figures.sites.iter().all(|s| s.applications == 0));
        let names: Vec<&str> = figures.programs.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(names, ["Career Choice", "Machine Learning University"], "published programs only");
        assert_eq!(figures.describe_months(), Message::new("chart-months-none"));
    }

    #[test]
    fn every_application_counts_once() {
        let figures = summarise(&sample(), &programs()).unwrap();
        assert_eq!(figures.total_applications, 9);
    }

    #[test]
    fn only_verified_completions_count_as_completed() {
        let rows = vec![
            row(1, "tech_hub", "2026-11", "completion_submitted", 2, 200_000),
            row(1, "tech_hub", "2026-11", "completion_returned", 1, 100_000),
            row(1, "tech_hub", "2026-11", "not_completed", 1, 50_000),
            row(1, "tech_hub", "2026-11", "completed", 1, 10_000),
        ];
        let figures = summarise(&rows, &programs()).unwrap();
        assert_eq!(figures.funnel, Funnel { submitted: 5, approved: 5, completed: 1 });
        let month = &figures.months[0];
        assert_eq!(month.count(StatusGroup::Completed), 1);
        assert_eq!(month.count(StatusGroup::Approved), 3, "evidence sent or returned: still in the programme");
        assert_eq!(month.count(StatusGroup::NotCompleted), 1);
    }

    #[test]
    fn the_funnel_counts_how_far_applications_got() {
        let figures = summarise(&sample(), &programs()).unwrap();
        assert_eq!(figures.funnel, Funnel { submitted: 9, approved: 3, completed: 1 });
        // "9 applications submitted; 3 (33.3%) approved, 1 (11.1%) completed and 1 (11.1%)
        // moved into a new role."
        assert_eq!(
            figures.describe_funnel(1),
            Message::new("chart-funnel")
                .number("count", 9)
                .number("placed", 3)
                .percent("placed_share", 3, 9)
                .number("finished", 1)
                .percent("finished_share", 1, 9)
                .number("moved", 1)
                .percent("moved_share", 1, 9)
        );
    }

    #[test]
    fn months_fill_the_gaps_up_to_the_latest_with_status_groups() {
        let figures = summarise(&sample(), &programs()).unwrap();
        let months: Vec<&str> = figures.months.iter().map(|m| m.month.as_str()).collect();
        assert_eq!(months, ["2026-08", "2026-09", "2026-10", "2026-11"], "the zero row of 2025 is no data");
        let november = &figures.months[3];
        assert_eq!(
            (november.title.as_str(), november.short.as_str(), november.year.as_str()),
            ("November 2026", "Nov", "2026")
        );
        assert_eq!(november.count(StatusGroup::InReview), 4);
        assert_eq!(november.count(StatusGroup::Completed), 1);
        assert_eq!(november.total, 5);
        assert_eq!(figures.months[1].total, 0);
        assert_eq!(figures.months[0].count(StatusGroup::Rejected), 1);
        assert_eq!(figures.months[0].count(StatusGroup::Withdrawn), 1);
        // "From August 2026 to November 2026: 9 applications, of which 1 completed, 2 approved,
        // 0 not completed, 4 in review, 1 rejected and 1 withdrawn. The busiest month was
        // November 2026 with 5."
        assert_eq!(
            figures.describe_months(),
            Message::new("chart-months")
                .month("first", first_day(2026, 8))
                .month("last", first_day(2026, 11))
                .number("count", 9)
                .list("groups", groups([1, 2, 0, 4, 1, 1]))
                .month("busiest", first_day(2026, 11))
                .number("most", 5)
        );
    }

    #[test]
    fn at_most_twelve_months_are_shown_ending_with_the_latest() {
        let rows: Vec<StatsRow> = (1..=12)
            .map(|m| row(1, "tech_hub", &format!("2025-{m:02}"), "submitted", 1, 0))
            .chain([row(1, "tech_hub", "2026-03", "approved", 2, 0)])
            .collect();
        let figures = summarise(&rows, &programs()).unwrap();
        assert_eq!(figures.months.len(), 12);
        assert_eq!(figures.months[0].month, "2025-04");
        assert_eq!(figures.months[11].month, "2026-03");
        assert_eq!(figures.total_applications, 14, "the other charts count every month");
    }

    #[test]
    fn one_month_is_described_without_a_busiest_month() {
        let figures = summarise(&[row(1, "tech_hub", "2026-11", "approved", 1, 0)], &programs()).unwrap();
        assert_eq!(
            figures.describe_months(),
            Message::new("chart-months-one")
                .month("month", first_day(2026, 11))
                .number("count", 1)
                .list("groups", groups([0, 1, 0, 0, 0, 0]))
        );
    }

    #[test]
    fn every_site_type_is_listed_most_applications_first() {
        let figures = summarise(&sample(), &programs()).unwrap();
        let sites: Vec<(&str, i64)> = figures.sites.iter().map(|s| (s.label.as_str(), s.applications)).collect();
        assert_eq!(
            sites,
            [
                ("Fulfillment center", 3),
                ("Retail store", 3),
                ("Tech hub", 2),
                ("Corporate office", 1),
                ("Transportation network", 0),
            ]
        );
        // "Applications by site type: Fulfillment center 3 and Retail store 3.", the site
        // types named in the reader's language.
        assert_eq!(
            DashboardFigures::describe_counts(BY_SITE_TYPE, &figures.sites[..2]),
            Message::new("chart-counts").term("what", BY_SITE_TYPE).list(
                "counts",
                vec![
                    Message::new("chart-counts-item").number("count", 3).names(
                        "label",
                        SiteType::VOCABULARY,
                        vec![SiteType::FulfillmentCenter.stored_name()]
                    ),
                    Message::new("chart-counts-item").number("count", 3).names(
                        "label",
                        SiteType::VOCABULARY,
                        vec![SiteType::RetailStore.stored_name()]
                    ),
                ]
            )
        );
    }

    #[test]
    fn programs_are_published_ones_and_any_with_applications() {
        let mut rows = sample();
        rows.push(row(9, "tech_hub", "2026-11", "submitted", 1, 0));
        let figures = summarise(&rows, &programs()).unwrap();
        let names: Vec<(&str, i64)> = figures.programs.iter().map(|p| (p.label.as_str(), p.applications)).collect();
        assert_eq!(
            names,
            [("Career Choice", 6), ("Machine Learning University", 2), ("Archived with history", 1), ("Program #9", 1)]
        );
    }

    #[test]
    fn stored_values_that_do_not_parse_are_errors() {
        let bad_month = summarise(&[row(1, "tech_hub", "Nov 2026", "approved", 1, 0)], &programs()).unwrap_err();
        assert_eq!(bad_month.kind, "month");
    }

    #[test]
    fn programs_are_counted_under_their_own_names() {
        let figures = summarise(&sample(), &programs()).unwrap();
        assert_eq!(
            DashboardFigures::describe_counts(BY_PROGRAM, &figures.programs[..2]),
            Message::new("chart-counts").term("what", BY_PROGRAM).list(
                "counts",
                vec![
                    Message::new("chart-counts-item").number("count", 6).text("label", "Career Choice"),
                    Message::new("chart-counts-item").number("count", 2).text("label", "Machine Learning University"),
                ]
            )
        );
    }
}
