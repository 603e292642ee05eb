//! The dashboard's outcome table: the counted outcomes (`outcome_totals` summed by the
//! database) per program at one horizon, with shares of the outcomes known, and how many
//! participants moved into a new role to date (the funnel's last stage).

use super::dashboard::{ProgramName, RowLabel};
use super::{Outcome, SiteType};

/// The outcomes a table shows, in its column order (pending last, apart).
pub const KNOWN: [Outcome; 5] =
    [Outcome::MovedTarget, Outcome::MovedOther, Outcome::LeftVoluntary, Outcome::LeftOther, Outcome::SameRole];

/// Participants of a program, site type, horizon (months; 0 for today) and outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeCount {
    pub program_id: i32,
    pub site_type: SiteType,
    pub horizon: i32,
    pub outcome: Outcome,
    pub participants: i64,
}

/// Participants of a program and site type who moved `months` whole months after completing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoveDelay {
    pub program_id: i32,
    pub site_type: SiteType,
    pub months: i32,
    pub participants: i64,
}

/// A row of the table: a program (or the total) at the horizon, with its participants
/// by outcome in `KNOWN` order, then those whose horizon has not come yet (the page
/// writes each known outcome's share of the known).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutcomeRow {
    pub label: RowLabel,
    pub counts: [i64; 6],
}

impl OutcomeRow {
    /// Participants whose outcome at the horizon is known.
    pub fn known(&self) -> i64 {
        self.counts[..5].iter().sum()
    }

    /// Participants per outcome of `KNOWN`.
    pub fn by_outcome(&self) -> &[i64] {
        &self.counts[..5]
    }

    /// Participants whose horizon has not come yet.
    pub fn pending(&self) -> i64 {
        self.counts[5]
    }
}

fn row(label: RowLabel, counts: &[i64; 6]) -> OutcomeRow {
    OutcomeRow { label, counts: *counts }
}

fn slot(outcome: Outcome) -> usize {
    KNOWN.iter().position(|o| *o == outcome).unwrap_or(5)
}

/// The table at `horizon` months: a row per program with participants (by name), then
/// the total; empty when nobody completed.
pub fn outcome_table(counts: &[OutcomeCount], programs: &[ProgramName], horizon: i32) -> Vec<OutcomeRow> {
    let mut per_program: Vec<(String, [i64; 6])> = Vec::new();
    let mut total = [0i64; 6];
    for program in programs {
        let mut sums = [0i64; 6];
        for count in counts.iter().filter(|c| c.program_id == program.id && c.horizon == horizon) {
            sums[slot(count.outcome)] += count.participants;
        }
        if sums.iter().any(|n| *n != 0) {
            for (t, n) in total.iter_mut().zip(sums) {
                *t += n;
            }
            per_program.push((program.name.clone(), sums));
        }
    }
    if per_program.is_empty() {
        return Vec::new();
    }
    let mut rows: Vec<OutcomeRow> =
        per_program.into_iter().map(|(name, sums)| row(RowLabel::Program(name), &sums)).collect();
    rows.push(row(RowLabel::All, &total));
    rows
}

/// Participants in a new role today (into a target role or another), of the counts given.
pub fn moved_to_date(counts: &[OutcomeCount]) -> i64 {
    counts
        .iter()
        .filter(|c| c.horizon == 0 && matches!(c.outcome, Outcome::MovedTarget | Outcome::MovedOther))
        .map(|c| c.participants)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(program_id: i32, horizon: i32, outcome: Outcome, participants: i64) -> OutcomeCount {
        OutcomeCount { program_id, site_type: SiteType::FulfillmentCenter, horizon, outcome, participants }
    }

    fn programs() -> Vec<ProgramName> {
        vec![
            ProgramName { id: 1, name: "Associate2Tech".into(), published: true },
            ProgramName { id: 2, name: "Career Choice".into(), published: true },
            ProgramName { id: 3, name: "Nobody finished".into(), published: true },
        ]
    }

    #[test]
    fn the_table_shares_what_is_known_and_counts_the_pending_apart() {
        let counts = vec![
            count(1, 12, Outcome::MovedTarget, 3),
            count(1, 12, Outcome::SameRole, 1),
            count(1, 12, Outcome::Pending, 10),
            count(2, 12, Outcome::LeftVoluntary, 4),
            count(2, 6, Outcome::MovedOther, 99),
        ];
        let rows = outcome_table(&counts, &programs(), 12);
        assert_eq!(rows.len(), 3, "two programs with participants and the total");
        assert_eq!(rows[0].label, RowLabel::Program("Associate2Tech".into()));
        assert_eq!(rows[0].known(), 4);
        assert_eq!(rows[0].by_outcome()[0], 3);
        assert_eq!(rows[0].pending(), 10);
        assert_eq!(rows[2].label, RowLabel::All);
        assert_eq!(rows[2].known(), 8);
        assert_eq!(rows[2].by_outcome()[2], 4);
        assert!(outcome_table(&[], &programs(), 12).is_empty());
    }

    #[test]
    fn moved_to_date_counts_both_kinds_of_move_today_only() {
        let counts = vec![
            count(1, 0, Outcome::MovedTarget, 2),
            count(2, 0, Outcome::MovedOther, 1),
            count(1, 0, Outcome::LeftOther, 5),
            count(1, 12, Outcome::MovedTarget, 7),
        ];
        assert_eq!(moved_to_date(&counts), 3);
    }
}
