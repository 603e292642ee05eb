//! The funnel per program and per site type: how many applications made in the period
//! were given a place, completed, and led to a new role, each stage as a share of the
//! one before, with the median time from completion to a move. Summed from the reporting
//! counters (`application_stats`, `outcome_totals` and `move_delay_totals`), never from
//! the applications.

use std::collections::BTreeMap;

use super::dashboard::ProgramName;
pub use super::dashboard::RowLabel;
use super::outcome_figures::{MoveDelay, OutcomeCount};
use super::{ApplicationStatus, Cents, Outcome, SiteType};

/// How far one group's applications got.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stages {
    pub submitted: i64,
    /// Given a place, whatever became of it since.
    pub approved: i64,
    pub completed: i64,
    /// Completions whose participant works in another role today than before completing.
    pub moved: i64,
}

impl Stages {
    fn add(&mut self, other: Stages) {
        self.submitted += other.submitted;
        self.approved += other.approved;
        self.completed += other.completed;
        self.moved += other.moved;
    }

    fn add_status(&mut self, status: ApplicationStatus, applications: i64) {
        self.submitted += applications;
        if ApplicationStatus::SEAT_HOLDING.contains(&status) {
            self.approved += applications;
        }
        if status == ApplicationStatus::Completed {
            self.completed += applications;
        }
    }
}

/// Participants who moved, by whole months from completion to the move.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Delays(BTreeMap<i32, i64>);

impl Delays {
    fn add(&mut self, months: i32, participants: i64) {
        *self.0.entry(months).or_default() += participants;
    }

    fn merge(&mut self, other: &Delays) {
        for (months, participants) in &other.0 {
            self.add(*months, *participants);
        }
    }

    /// The median whole months (the lower one of an even count); none when nobody moved.
    fn median(&self) -> Option<i32> {
        let people: i64 = self.0.values().sum();
        let mut seen = 0;
        for (months, participants) in &self.0 {
            seen += participants;
            if seen * 2 >= people && people > 0 {
                return Some(*months);
            }
        }
        None
    }
}

/// A row of a funnel table: how far the group's applications got (each stage a share of
/// the one before), and the median whole months from completion to a new role (`None`
/// while nobody moved).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConversionRow {
    pub label: RowLabel,
    pub stages: Stages,
    pub median_months_to_move: Option<i32>,
}

fn row(label: RowLabel, stages: Stages, delays: &Delays) -> ConversionRow {
    ConversionRow { label, stages, median_months_to_move: delays.median() }
}

/// The counters one table reads, summed by the database over the period.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConversionCounts {
    pub by_program_status: Vec<(i32, ApplicationStatus, i64)>,
    pub by_site_status: Vec<(SiteType, ApplicationStatus, i64)>,
    /// Outcome counts (only today's moves are read).
    pub outcomes: Vec<OutcomeCount>,
    pub move_delays: Vec<MoveDelay>,
    /// Tuition paid per program on the period's applications.
    pub paid: Vec<(i32, i64)>,
    /// What a seat costs, per cohort program that has a cost per seat.
    pub seat_costs: Vec<(i32, i64)>,
}

fn moved_today(count: &OutcomeCount) -> bool {
    count.horizon == 0 && matches!(count.outcome, Outcome::MovedTarget | Outcome::MovedOther)
}

/// Rows per group with applications (in the order of `groups`), then the total; empty when
/// nobody applied in the period.
fn table<K: Ord + Copy>(
    groups: &[(K, RowLabel)],
    statuses: impl Iterator<Item = (K, ApplicationStatus, i64)>,
    moves: impl Iterator<Item = (K, i64)>,
    delays: impl Iterator<Item = (K, i32, i64)>,
) -> Vec<ConversionRow> {
    let mut stages: BTreeMap<K, Stages> = BTreeMap::new();
    for (key, status, applications) in statuses.filter(|(_, _, n)| *n != 0) {
        stages.entry(key).or_default().add_status(status, applications);
    }
    for (key, moved) in moves {
        stages.entry(key).or_default().moved += moved;
    }
    let mut delays_of: BTreeMap<K, Delays> = BTreeMap::new();
    for (key, months, participants) in delays {
        delays_of.entry(key).or_default().add(months, participants);
    }
    let mut rows = Vec::new();
    let (mut all_stages, mut all_delays) = (Stages::default(), Delays::default());
    for (key, label) in groups {
        let Some(group) = stages.get(key).copied().filter(|s| s.submitted > 0) else { continue };
        let group_delays = delays_of.get(key).cloned().unwrap_or_default();
        all_stages.add(group);
        all_delays.merge(&group_delays);
        rows.push(row(label.clone(), group, &group_delays));
    }
    if rows.is_empty() {
        return rows;
    }
    rows.push(row(RowLabel::All, all_stages, &all_delays));
    rows
}

/// The funnel per program (by name), then "All".
pub fn by_program(counts: &ConversionCounts, programs: &[ProgramName]) -> Vec<ConversionRow> {
    let groups: Vec<(i32, RowLabel)> = programs.iter().map(|p| (p.id, RowLabel::Program(p.name.clone()))).collect();
    table(
        &groups,
        counts.by_program_status.iter().copied(),
        counts.outcomes.iter().filter(|c| moved_today(c)).map(|c| (c.program_id, c.participants)),
        counts.move_delays.iter().map(|d| (d.program_id, d.months, d.participants)),
    )
}

/// The funnel per site type (in the order of `SiteType::ALL`), then "All".
pub fn by_site_type(counts: &ConversionCounts) -> Vec<ConversionRow> {
    let groups: Vec<(SiteType, RowLabel)> = SiteType::ALL.iter().map(|s| (*s, RowLabel::Site(*s))).collect();
    table(
        &groups,
        counts.by_site_status.iter().copied(),
        counts.outcomes.iter().filter(|c| moved_today(c)).map(|c| (c.site_type, c.participants)),
        counts.move_delays.iter().map(|d| (d.site_type, d.months, d.participants)),
    )
}

/// What a program spent on the period's applications and what it bought.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CostRow {
    pub label: RowLabel,
    /// Tuition paid plus the cost of the seats given.
    pub spent: Cents,
    pub completed: i64,
    /// `None` while nobody completed.
    pub per_completion: Option<Cents>,
    pub moved: i64,
    /// `None` while nobody moved.
    pub per_move: Option<Cents>,
}

fn cost_row(label: RowLabel, spent: i64, completed: i64, moved: i64) -> CostRow {
    let per = |people: i64| (people > 0).then(|| Cents(spent / people));
    CostRow { label, spent: Cents(spent), completed, per_completion: per(completed), moved, per_move: per(moved) }
}

/// The cost per person upskilled, per program that spent money on the period's
/// applications (by name), then "All": tuition paid plus the cost per seat of every place
/// given, divided by the people who completed, and by those who moved into a new role.
pub fn cost_per_person(counts: &ConversionCounts, programs: &[ProgramName]) -> Vec<CostRow> {
    let mut rows = Vec::new();
    let (mut all_spent, mut all_completed, mut all_moved) = (0, 0, 0);
    for program in programs {
        let paid: i64 = counts.paid.iter().filter(|(id, _)| *id == program.id).map(|(_, cents)| cents).sum();
        let seat_cost = counts.seat_costs.iter().find(|(id, _)| *id == program.id).map_or(0, |(_, cents)| *cents);
        let mut stages = Stages::default();
        for (_, status, applications) in counts.by_program_status.iter().filter(|(id, _, _)| *id == program.id) {
            stages.add_status(*status, *applications);
        }
        stages.moved = counts
            .outcomes
            .iter()
            .filter(|c| c.program_id == program.id && moved_today(c))
            .map(|c| c.participants)
            .sum();
        let spent = paid + seat_cost * stages.approved;
        if spent == 0 {
            continue;
        }
        all_spent += spent;
        all_completed += stages.completed;
        all_moved += stages.moved;
        rows.push(cost_row(RowLabel::Program(program.name.clone()), spent, stages.completed, stages.moved));
    }
    if !rows.is_empty() {
        rows.push(cost_row(RowLabel::All, all_spent, all_completed, all_moved));
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn program(name: &str) -> RowLabel {
        RowLabel::Program(name.to_owned())
    }
    use ApplicationStatus::*;

    fn programs() -> Vec<ProgramName> {
        vec![
            ProgramName { id: 1, name: "Associate2Tech".into(), published: true },
            ProgramName { id: 2, name: "Career Choice".into(), published: true },
            ProgramName { id: 3, name: "Nobody applied".into(), published: true },
        ]
    }

    fn moved(program_id: i32, site_type: SiteType, participants: i64) -> OutcomeCount {
        OutcomeCount { program_id, site_type, horizon: 0, outcome: Outcome::MovedTarget, participants }
    }

    fn delay(program_id: i32, months: i32, participants: i64) -> MoveDelay {
        MoveDelay { program_id, site_type: SiteType::FulfillmentCenter, months, participants }
    }

    fn counts() -> ConversionCounts {
        ConversionCounts {
            by_program_status: vec![
                (1, Submitted, 10),
                (1, Approved, 4),
                (1, Completed, 6),
                (1, Rejected, 0),
                (2, Withdrawn, 5),
                (2, Completed, 5),
            ],
            by_site_status: vec![(SiteType::FulfillmentCenter, Completed, 11), (SiteType::TechHub, Submitted, 19)],
            outcomes: vec![
                moved(1, SiteType::FulfillmentCenter, 3),
                // Not today's: not counted.
                OutcomeCount { horizon: 12, ..moved(1, SiteType::FulfillmentCenter, 50) },
                OutcomeCount { outcome: Outcome::SameRole, ..moved(2, SiteType::FulfillmentCenter, 5) },
            ],
            move_delays: vec![delay(1, 2, 1), delay(1, 7, 1), delay(1, 3, 1)],
            paid: vec![(2, 250_000), (2, 50_000)],
            seat_costs: vec![(1, 100_000)],
        }
    }

    #[test]
    fn the_cost_per_person_divides_tuition_paid_and_seat_costs_by_who_completed_and_who_moved() {
        let rows = cost_per_person(&counts(), &programs());
        let labels: Vec<&RowLabel> = rows.iter().map(|r| &r.label).collect();
        assert_eq!(labels, [&program("Associate2Tech"), &program("Career Choice"), &RowLabel::All]);
        // Ten places at $1,000 a seat, six completed, three moved.
        assert_eq!(rows[0].spent, Cents(1_000_000));
        assert_eq!(rows[0].per_completion, Some(Cents(166_666)));
        assert_eq!(rows[0].per_move, Some(Cents(333_333)));
        // $3,000 of tuition paid, five completed, nobody moved.
        assert_eq!(rows[1].per_completion, Some(Cents(60_000)));
        assert_eq!(rows[1].per_move, None);
        assert_eq!(rows[2].spent, Cents(1_300_000));
        assert_eq!(rows[2].per_completion, Some(Cents(118_181)));
        assert!(cost_per_person(&ConversionCounts::default(), &programs()).is_empty());
    }

    #[test]
    fn each_stage_is_a_share_of_the_stage_before_and_groups_without_applications_are_left_out() {
        let rows = by_program(&counts(), &programs());
        let labels: Vec<&RowLabel> = rows.iter().map(|r| &r.label).collect();
        assert_eq!(labels, [&program("Associate2Tech"), &program("Career Choice"), &RowLabel::All]);
        assert_eq!(rows[0].stages, Stages { submitted: 20, approved: 10, completed: 6, moved: 3 });
        assert_eq!(rows[0].median_months_to_move, Some(3));
        assert_eq!(rows[1].stages.moved, 0);
        assert_eq!(rows[1].median_months_to_move, None);
        assert_eq!(rows[2].stages.submitted, 30);
        assert_eq!(rows[2].stages.completed, 11);
    }

    #[test]
    fn the_site_types_keep_their_order_and_nobody_applying_leaves_an_empty_table() {
        let rows = by_site_type(&counts());
        let labels: Vec<&RowLabel> = rows.iter().map(|r| &r.label).collect();
        let (fulfillment, tech) = (RowLabel::Site(SiteType::FulfillmentCenter), RowLabel::Site(SiteType::TechHub));
        assert_eq!(labels, [&fulfillment, &tech, &RowLabel::All]);
        assert_eq!((rows[0].stages.moved, rows[0].stages.completed), (3, 11));
        assert!(by_program(&ConversionCounts::default(), &programs()).is_empty());
    }

    #[test]
    fn the_median_is_the_lower_middle_of_the_months_counted() {
        let mut delays = Delays::default();
        assert_eq!(delays.median(), None);
        delays.add(0, 2);
        delays.add(5, 2);
        assert_eq!(delays.median(), Some(0));
        delays.add(9, 1);
        assert_eq!(delays.median(), Some(5));
    }
}
