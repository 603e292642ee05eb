//! The funnel and cost tables (`domain::conversion`) as the dashboard and a program's
//! figures show them, in the page's language.

use crate::domain::conversion::{ConversionRow, CostRow, RowLabel};
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
