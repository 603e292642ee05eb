//! The dashboard's table "Budgets by program": each program's budget for the current
//! budget year, what it committed and paid, what is left and the share used, read from
//! the counters (`db::budgets::year_by_program`).

use crate::db::budgets::ProgramYear;
use crate::domain::Cents;
use crate::web::format::money;

/// One program's row, in words and numbers ready to print.
pub struct BudgetRow {
    pub slug: String,
    pub name: String,
    /// "$750,000", or "No budget set".
    pub budget: String,
    pub has_budget: bool,
    pub committed: String,
    pub paid: String,
    /// "$12,000", "Over by $3,000", or "—" without a budget.
    pub left: String,
    pub over: bool,
    /// "12.5%", or "—" without a budget.
    pub share_used: String,
}

/// The table, with the budget year it shows.
pub struct BudgetTable {
    pub year: i32,
    pub rows: Vec<BudgetRow>,
}

impl BudgetTable {
    pub fn new(year: i32, programs: Vec<ProgramYear>) -> BudgetTable {
        let t = crate::web::language::words();
        let rows = programs
            .into_iter()
            .map(|program| {
                let committed = program.budget.committed(program.commitments);
                let standing = program.budget.standing(year, program.commitments);
                let (budget, left, over, share_used) = match standing {
                    Some(standing) => {
                        let left = standing.left();
                        let left_text = if left.0 < 0 {
                            t.with("budgets-over-by", "amount", money(Cents(-left.0)))
                        } else {
                            money(left)
                        };
                        (
                            money(standing.budget),
                            left_text,
                            left.0 < 0,
                            t.percent(standing.committed.0, standing.budget.0),
                        )
                    }
                    None => (t.m("budgets-none-set").to_owned(), "—".to_owned(), false, "—".to_owned()),
                };
                BudgetRow {
                    slug: program.slug,
                    name: program.name,
                    has_budget: standing.is_some(),
                    budget,
                    committed: money(committed),
                    paid: money(program.paid),
                    left,
                    over,
                    share_used,
                }
            })
            .collect();
        BudgetTable { year, rows }
    }
}
