//! The funnel, cost, outcome and comparison tables (`domain::conversion`,
//! `domain::outcome_figures`, `domain::comparison`) as the dashboard and a program's
//! figures show them, in the page's language.

use crate::domain::comparison::ComparisonLine;
use crate::domain::conversion::{ConversionRow, CostRow, RowLabel};
use crate::domain::outcome_figures::OutcomeRow;
use crate::i18n::Tr;

/// A row of a funnel table, as shown.
pub struct ConversionRowView {
    pub label: String,
    pub submitted: String,
    /// "1,200 (60%)": the share of the stage before.
    pub approved: String,
    pub completed: String,
    pub moved: String,
    /// "5 months", or "nobody moved yet".
    pub median_to_move: String,
}

/// A row of the cost table, as shown.
pub struct CostRowView {
    pub label: String,
    pub spent: String,
    pub completed: String,
    /// "$1,250", or "no completion yet".
    pub per_completion: String,
    pub moved: String,
    /// "$4,000", or "nobody moved yet".
    pub per_move: String,
}

fn label(label: &RowLabel, t: Tr) -> String {
    match label {
        RowLabel::Program(name) => name.clone(),
        RowLabel::Site(site) => t.name(*site).to_owned(),
        RowLabel::All => t.m("conversion-all").to_owned(),
    }
}

impl ConversionRowView {
    pub fn new(row: &ConversionRow, t: Tr) -> ConversionRowView {
        let stage = |n: i64, of: i64| format!("{} ({})", t.number(n), t.percent(n, of));
        let stages = row.stages;
        ConversionRowView {
            label: label(&row.label, t),
            submitted: t.number(stages.submitted),
            approved: stage(stages.approved, stages.submitted),
            completed: stage(stages.completed, stages.approved),
            moved: stage(stages.moved, stages.completed),
            median_to_move: match row.median_months_to_move {
                None => t.m("conversion-nobody-moved").to_owned(),
                Some(0) => t.m("conversion-under-a-month").to_owned(),
                Some(months) => t.count("conversion-months", months),
            },
        }
    }
}

impl CostRowView {
    pub fn new(row: &CostRow, t: Tr) -> CostRowView {
        CostRowView {
            label: label(&row.label, t),
            spent: t.money(row.spent),
            completed: t.number(row.completed),
            per_completion: row
                .per_completion
                .map_or_else(|| t.m("conversion-no-completion").to_owned(), |c| t.money(c)),
            moved: t.number(row.moved),
            per_move: row.per_move.map_or_else(|| t.m("conversion-nobody-moved").to_owned(), |c| t.money(c)),
        }
    }
}

/// A row of the outcome table, as shown.
pub struct OutcomeRowView {
    pub label: String,
    pub known: String,
    /// "3 (75%)": count and share of the known, per known outcome.
    pub cells: Vec<String>,
    pub pending: String,
}

impl OutcomeRowView {
    pub fn new(row: &OutcomeRow, t: Tr) -> OutcomeRowView {
        let known = row.known();
        OutcomeRowView {
            label: label(&row.label, t),
            known: t.number(known),
            cells: row.by_outcome().iter().map(|n| format!("{} ({})", t.number(*n), t.percent(*n, known))).collect(),
            pending: t.number(row.pending()),
        }
    }
}

/// A row of the comparison table, as shown.
pub struct ComparisonLineView {
    pub label: String,
    /// "120 of 150": participants compared, of those whose 12-month outcome is known.
    pub matched: String,
    pub stayed: String,
    pub colleagues_stayed: String,
    pub moved: String,
    pub colleagues_moved: String,
}

impl ComparisonLineView {
    pub fn new(line: &ComparisonLine, t: Tr) -> ComparisonLineView {
        let figures = &line.figures;
        let share = |part: i64| t.percent(part, figures.matched);
        let expected = |milli: i64| t.percent(milli, figures.matched.saturating_mul(1000));
        ComparisonLineView {
            label: label(&line.label, t),
            matched: t.with_two(
                "conversion-of",
                "part",
                t.number(figures.matched),
                "whole",
                t.number(figures.participants),
            ),
            stayed: share(figures.stayed),
            colleagues_stayed: expected(figures.expected_stayed_milli),
            moved: share(figures.moved),
            colleagues_moved: expected(figures.expected_moved_milli),
        }
    }
}
