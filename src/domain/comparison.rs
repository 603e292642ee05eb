//! The comparison group: what became of colleagues who did not take part, beside what
//! became of the participants, 12 months after completion. Pure functions of the job
//! history; `db::comparison` feeds them once a day.
//!
//! The rules, in words (the dashboard says the same):
//! - A participant counts once their 12-month outcome is known. Their *cell* is their
//!   site type, job family and tenure band when their place started, and their *window*
//!   runs from the first day of the month they started to the first day of the month 12
//!   months after they completed.
//! - The comparison group of a cell and window is every employee who never had a place in
//!   a program and who, on the window's first day, worked in that site type and job family
//!   with that tenure. Of them, *stayed* counts those still employed on the window's last
//!   day, and *moved* those in another role then (job family or title) than on its first.
//! - Each participant is set against the rates of their own cell, so that the group is
//!   weighed as the participants are (a cell with many participants weighs more). A
//!   participant whose cell has fewer than `MIN_COMPARISON_PEOPLE` colleagues is left out
//!   of both sides and counted as not matched.
//! - It is a comparison, not a measure of what the program caused: people who choose to
//!   train may differ from those who do not in ways the records do not show.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};

use super::dashboard::{ProgramName, RowLabel};
use super::outcomes::{in_effect, months_after, HistoryPoint};
use super::{JobFamily, Outcome, SiteType, TenureBand};

/// The fewest colleagues a cell needs for its participants to be compared.
pub const MIN_COMPARISON_PEOPLE: i64 = 5;

/// The months after completion at which participants and colleagues are compared.
pub const COMPARED_AFTER_MONTHS: u32 = 12;

/// Who a participant is compared with: the same site type, job family and tenure band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Cell {
    pub site_type: SiteType,
    pub job_family: JobFamily,
    pub tenure_band: TenureBand,
}

/// The days a comparison looks at: the first of the participant's start month, and the
/// first of the month `COMPARED_AFTER_MONTHS` after their completion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Window {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

fn first_of_month(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

impl Window {
    /// The window of a participant who started on `started_on` and completed on `completed_on`.
    pub fn of(started_on: NaiveDate, completed_on: NaiveDate) -> Window {
        Window {
            from: first_of_month(started_on),
            to: first_of_month(months_after(completed_on, COMPARED_AFTER_MONTHS)),
        }
    }
}

/// What became of one colleague over a window: their cell on its first day, whether they
/// were still employed on its last, and whether in another role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Followed {
    pub cell: Cell,
    pub stayed: bool,
    pub moved: bool,
}

/// Follows a colleague hired on `hired_on` over `window`; none when they did not work
/// here on its first day.
pub fn follow(history: &[HistoryPoint], hired_on: NaiveDate, window: Window) -> Option<Followed> {
    let (first, cell) = cell_on(history, hired_on, window.from)?;
    let (stayed, moved) = over(history, first, window.to)?;
    Some(Followed { cell, stayed, moved })
}

/// Where a colleague worked on `day`, when they worked here then.
fn cell_on(history: &[HistoryPoint], hired_on: NaiveDate, day: NaiveDate) -> Option<(&HistoryPoint, Cell)> {
    let first = in_effect(history, day).filter(|row| row.active && hired_on <= day)?;
    let cell =
        Cell { site_type: first.site_type, job_family: first.job_family, tenure_band: TenureBand::on(hired_on, day) };
    Some((first, cell))
}

/// Whether someone in `first`'s role still worked here on `day`, and in another role.
fn over(history: &[HistoryPoint], first: &HistoryPoint, day: NaiveDate) -> Option<(bool, bool)> {
    let last = in_effect(history, day)?;
    Some((last.active, last.active && !last.same_role(first)))
}

/// The windows participants need, by first day and cell, so that a colleague is placed
/// in their cell once per first day rather than once per window.
#[derive(Debug, Clone, Default)]
pub struct Windows(Vec<(NaiveDate, HashMap<Cell, Vec<NaiveDate>>)>);

/// The colleagues of each cell and window some participant has.
pub type ColleagueGroups = HashMap<(Window, Cell), Colleagues>;

impl Windows {
    /// The windows and cells of `participants`.
    pub fn of(participants: &[Participant]) -> Windows {
        let mut by_from: std::collections::BTreeMap<NaiveDate, HashMap<Cell, Vec<NaiveDate>>> = Default::default();
        for participant in participants {
            let ends = by_from.entry(participant.window.from).or_default().entry(participant.cell).or_default();
            if !ends.contains(&participant.window.to) {
                ends.push(participant.window.to);
            }
        }
        Windows(by_from.into_iter().collect())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Counts a colleague (their history and hire day) in every window and cell they
    /// fall in; returns whether they fell in any.
    pub fn count(&self, history: &[HistoryPoint], hired_on: NaiveDate, groups: &mut ColleagueGroups) -> bool {
        let mut counted = false;
        for (from, cells) in &self.0 {
            let Some((first, cell)) = cell_on(history, hired_on, *from) else { continue };
            let Some(ends) = cells.get(&cell) else { continue };
            for to in ends {
                let Some((stayed, moved)) = over(history, first, *to) else { continue };
                groups.entry((Window { from: *from, to: *to }, cell)).or_default().count(Followed {
                    cell,
                    stayed,
                    moved,
                });
                counted = true;
            }
        }
        counted
    }
}

/// The colleagues of one cell and window, and what became of them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Colleagues {
    pub people: i64,
    pub stayed: i64,
    pub moved: i64,
}

impl Colleagues {
    pub fn count(&mut self, followed: Followed) {
        self.people += 1;
        self.stayed += i64::from(followed.stayed);
        self.moved += i64::from(followed.moved);
    }
}

/// A participant whose 12-month outcome is known, as compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    pub program_id: i32,
    /// `YYYY-MM` of the application (the dashboard's period).
    pub month: String,
    pub window: Window,
    pub cell: Cell,
    pub outcome_12: Outcome,
}

/// The comparison of a program's participants who applied in one month.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ComparisonRow {
    pub program_id: i32,
    pub month: String,
    /// Participants whose 12-month outcome is known.
    pub participants: i64,
    /// Of them, those with enough colleagues in their cell.
    pub matched: i64,
    /// Matched participants still employed, and in another role, 12 months after.
    pub stayed: i64,
    pub moved: i64,
    /// What the colleagues' rates predict for the matched participants, in thousandths
    /// of a person.
    pub expected_stayed_milli: i64,
    pub expected_moved_milli: i64,
}

fn milli(part: i64, whole: i64) -> i64 {
    if whole == 0 {
        0
    } else {
        (part * 1000 + whole / 2) / whole
    }
}

/// Sets each participant against the colleagues of their cell and window; one row per
/// program and month of application, in that order.
pub fn compare(participants: &[Participant], colleagues: &HashMap<(Window, Cell), Colleagues>) -> Vec<ComparisonRow> {
    let mut rows: std::collections::BTreeMap<(i32, String), ComparisonRow> = Default::default();
    for participant in participants {
        let row = rows.entry((participant.program_id, participant.month.clone())).or_insert_with(|| ComparisonRow {
            program_id: participant.program_id,
            month: participant.month.clone(),
            ..ComparisonRow::default()
        });
        row.participants += 1;
        let Some(group) = colleagues
            .get(&(participant.window, participant.cell))
            .filter(|group| group.people >= MIN_COMPARISON_PEOPLE)
        else {
            continue;
        };
        row.matched += 1;
        let stayed = !matches!(participant.outcome_12, Outcome::LeftVoluntary | Outcome::LeftOther);
        row.stayed += i64::from(stayed);
        row.moved += i64::from(matches!(participant.outcome_12, Outcome::MovedTarget | Outcome::MovedOther));
        row.expected_stayed_milli += milli(group.stayed, group.people);
        row.expected_moved_milli += milli(group.moved, group.people);
    }
    rows.into_values().collect()
}

/// A row of the dashboard's comparison table: a program (or all), and its figures (the
/// page writes the shares: the participants' of those compared, and what their
/// colleagues' rates predict).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComparisonLine {
    pub label: RowLabel,
    pub figures: ComparisonRow,
}

fn line(label: RowLabel, row: &ComparisonRow) -> ComparisonLine {
    ComparisonLine { label, figures: row.clone() }
}

/// The table per program with participants compared (by name), then all of them;
/// empty when no participant's 12-month outcome is known yet.
pub fn comparison_table(rows: &[ComparisonRow], programs: &[ProgramName]) -> Vec<ComparisonLine> {
    let mut lines = Vec::new();
    let mut all = ComparisonRow::default();
    for program in programs {
        let Some(row) = rows.iter().find(|row| row.program_id == program.id && row.participants > 0) else { continue };
        all.participants += row.participants;
        all.matched += row.matched;
        all.stayed += row.stayed;
        all.moved += row.moved;
        all.expected_stayed_milli += row.expected_stayed_milli;
        all.expected_moved_milli += row.expected_moved_milli;
        lines.push(line(RowLabel::Program(program.name.clone()), row));
    }
    if !lines.is_empty() {
        lines.push(line(RowLabel::All, &all));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn row(on: NaiveDate, title: &str, family: JobFamily) -> HistoryPoint {
        HistoryPoint {
            effective_on: on,
            job_title: title.into(),
            job_family: family,
            site_type: SiteType::FulfillmentCenter,
            active: true,
            leaving_reason: None,
        }
    }

    const WINDOW: Window = Window {
        from: match NaiveDate::from_ymd_opt(2024, 3, 1) {
            Some(d) => d,
            None => NaiveDate::MIN,
        },
        to: match NaiveDate::from_ymd_opt(2025, 9, 1) {
            Some(d) => d,
            None => NaiveDate::MIN,
        },
    };

    #[test]
    fn the_window_runs_from_the_start_month_to_the_month_a_year_after_completion() {
        assert_eq!(Window::of(day(2024, 3, 17), day(2024, 9, 30)), WINDOW);
    }

    #[test]
    fn a_colleague_is_followed_from_their_cell_on_the_first_day() {
        let hired = day(2021, 6, 1);
        let associate = row(hired, "Associate", JobFamily::Fulfillment);
        let cell = Cell {
            site_type: SiteType::FulfillmentCenter,
            job_family: JobFamily::Fulfillment,
            tenure_band: TenureBand::OneToThreeYears,
        };
        let same = follow(std::slice::from_ref(&associate), hired, WINDOW);
        assert_eq!(same, Some(Followed { cell, stayed: true, moved: false }));

        // A new site or manager alone is not a move; a new title is.
        let new_site =
            HistoryPoint { site_type: SiteType::TechHub, ..row(day(2025, 1, 1), "Associate", JobFamily::Fulfillment) };
        assert_eq!(follow(&[associate.clone(), new_site], hired, WINDOW).map(|f| f.moved), Some(false));
        let promoted = row(day(2025, 1, 1), "Robotics Technician", JobFamily::Technical);
        assert_eq!(
            follow(&[associate.clone(), promoted], hired, WINDOW).map(|f| (f.stayed, f.moved)),
            Some((true, true))
        );

        // Gone by the last day: not stayed, not moved; back by then: read as they are then.
        let left = HistoryPoint { active: false, ..row(day(2024, 8, 1), "Associate", JobFamily::Fulfillment) };
        assert_eq!(
            follow(&[associate.clone(), left.clone()], hired, WINDOW).map(|f| (f.stayed, f.moved)),
            Some((false, false))
        );
        let back = row(day(2025, 2, 1), "Associate", JobFamily::Fulfillment);
        assert_eq!(follow(&[associate.clone(), left, back], hired, WINDOW).map(|f| f.stayed), Some(true));

        // Hired after the first day, or gone on it: not a colleague of that window.
        assert_eq!(follow(&[row(day(2024, 4, 1), "Associate", JobFamily::Fulfillment)], day(2024, 4, 1), WINDOW), None);
        let gone = HistoryPoint { active: false, ..row(day(2023, 1, 1), "Associate", JobFamily::Fulfillment) };
        assert_eq!(follow(&[associate, gone], hired, WINDOW), None);
    }

    #[test]
    fn colleagues_are_counted_in_the_windows_and_cells_participants_have() {
        let hired = day(2021, 6, 1);
        let cell = Cell {
            site_type: SiteType::FulfillmentCenter,
            job_family: JobFamily::Fulfillment,
            tenure_band: TenureBand::OneToThreeYears,
        };
        let later = Window { to: day(2026, 3, 1), ..WINDOW };
        let participant = |window, cell| Participant {
            program_id: 1,
            month: "2024-02".into(),
            window,
            cell,
            outcome_12: Outcome::SameRole,
        };
        let other_cell = Cell { job_family: JobFamily::Retail, ..cell };
        let windows = Windows::of(&[
            participant(WINDOW, cell),
            participant(later, cell),
            participant(WINDOW, cell),
            participant(WINDOW, other_cell),
        ]);
        let history = [
            row(hired, "Associate", JobFamily::Fulfillment),
            row(day(2025, 12, 1), "Robotics Technician", JobFamily::Technical),
        ];
        let mut groups = ColleagueGroups::new();
        assert!(windows.count(&history, hired, &mut groups));
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[&(WINDOW, cell)], Colleagues { people: 1, stayed: 1, moved: 0 });
        assert_eq!(groups[&(later, cell)], Colleagues { people: 1, stayed: 1, moved: 1 });
        // Someone hired after the window's first day is in none.
        assert!(!windows.count(&history[1..], day(2025, 12, 1), &mut groups));
    }

    #[test]
    fn each_participant_is_weighed_by_the_rates_of_their_own_cell() {
        let cell = |family| Cell {
            site_type: SiteType::FulfillmentCenter,
            job_family: family,
            tenure_band: TenureBand::OneToThreeYears,
        };
        let participant = |family, outcome_12| Participant {
            program_id: 7,
            month: "2024-02".into(),
            window: WINDOW,
            cell: cell(family),
            outcome_12,
        };
        let mut colleagues = HashMap::new();
        // Fulfillment: 10 colleagues, 8 stayed, 1 moved. Retail: 4 colleagues (too few).
        colleagues.insert((WINDOW, cell(JobFamily::Fulfillment)), Colleagues { people: 10, stayed: 8, moved: 1 });
        colleagues.insert((WINDOW, cell(JobFamily::Retail)), Colleagues { people: 4, stayed: 4, moved: 4 });
        let rows = compare(
            &[
                participant(JobFamily::Fulfillment, Outcome::MovedTarget),
                participant(JobFamily::Fulfillment, Outcome::LeftVoluntary),
                participant(JobFamily::Fulfillment, Outcome::SameRole),
                participant(JobFamily::Retail, Outcome::MovedOther),
                participant(JobFamily::Operations, Outcome::SameRole),
            ],
            &colleagues,
        );
        assert_eq!(
            rows,
            [ComparisonRow {
                program_id: 7,
                month: "2024-02".into(),
                participants: 5,
                matched: 3,
                stayed: 2,
                moved: 1,
                expected_stayed_milli: 2400,
                expected_moved_milli: 300,
            }]
        );
        let programs = [ProgramName { id: 7, name: "Associate2Tech".into(), published: true }];
        let lines = comparison_table(&rows, &programs);
        assert_eq!(lines.len(), 2);
        assert_eq!(
            lines[0],
            ComparisonLine { label: RowLabel::Program("Associate2Tech".into()), figures: rows[0].clone() }
        );
        assert_eq!(lines[1].label, RowLabel::All);
        assert!(comparison_table(&[], &programs).is_empty());
    }
}
