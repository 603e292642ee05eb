//! The eligibility headcount of the program form: active people who meet a rule's
//! conditions (`domain::headcount::HeadcountConditions`), counted by site type and job
//! family in one aggregate over the index `employees_headcount` (active, site type, job
//! family, employment type, hire date), which holds every column it reads: 300,000 people
//! are counted without reading a row of the table, and none is loaded into the server.
//!
//! A preview of a changed rule counts the rule as edited and the saved one in the same
//! pass: one `SUM` per rule and day, each with its rule's conditions in its `CASE`.
//!
//! The statement is written out rather than bound: the only values in it are the names of
//! site types, job families and employment types (closed enums, never a person's text) and
//! dates the server computed.

use chrono::NaiveDate;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

use super::DbConnection;
use crate::domain::headcount::{DayCounts, HeadcountCell, HeadcountConditions};
use crate::domain::{JobFamily, SiteType};

/// The people `conditions` count, by site type and job family (only the pairs with
/// someone counted on either day).
pub fn count(conn: &mut DbConnection, conditions: &HeadcountConditions) -> QueryResult<Vec<HeadcountCell>> {
    Ok(count_two(conn, conditions, None)?.0)
}

/// The people `edited` count and those `saved` counts, in one pass over the index.
pub fn count_two(
    conn: &mut DbConnection,
    edited: &HeadcountConditions,
    saved: Option<&HeadcountConditions>,
) -> QueryResult<(Vec<HeadcountCell>, Option<Vec<HeadcountCell>>)> {
    let rules: Vec<&HeadcountConditions> = std::iter::once(edited).chain(saved).collect();
    let Some(latest) = rules.iter().flat_map(|rule| [rule.hired_by_today, rule.hired_by_later]).flatten().max() else {
        return Ok((Vec::new(), saved.map(|_| Vec::new())));
    };
    let sums: Vec<String> = [Some(edited), saved]
        .iter()
        .flat_map(|rule| match rule {
            Some(rule) => [rule.hired_by_today, rule.hired_by_later].map(|day| hired_by(rule, day)),
            None => ["0".to_string(), "0".to_string()],
        })
        .zip(["edited_today", "edited_later", "saved_today", "saved_later"])
        .map(|(sum, name)| format!("CAST({sum} AS BIGINT) AS {name}"))
        .collect();
    // Each rule's lists are `IN`s on their columns of the index; with two rules, a person
    // either reaches is read. A rule without lists reaches everyone.
    let reached: Vec<String> = rules.iter().map(|rule| lists(rule)).collect();
    let who = if reached.iter().any(|lists| lists.is_empty()) {
        String::new()
    } else {
        format!(" AND ({})", reached.iter().map(|lists| format!("({lists})")).collect::<Vec<_>>().join(" OR "))
    };
    let statement = format!(
        "SELECT site_type, job_family, {} FROM employees \
         WHERE active = TRUE{who} AND hire_date <= '{latest}' \
         GROUP BY site_type, job_family",
        sums.join(", ")
    );
    let rows: Vec<HeadcountRow> = diesel::sql_query(statement).load(conn)?;
    let cells = |pick: fn(&HeadcountRow) -> DayCounts| {
        rows.iter()
            .map(|row| HeadcountCell { site_type: row.site_type, job_family: row.job_family, counts: pick(row) })
            .filter(|cell| cell.counts != DayCounts::default())
            .collect::<Vec<_>>()
    };
    let edited_cells = cells(|row| DayCounts { today: row.edited_today, later: row.edited_later });
    let saved_cells = saved.map(|_| cells(|row| DayCounts { today: row.saved_today, later: row.saved_later }));
    Ok((edited_cells, saved_cells))
}

#[derive(QueryableByName)]
struct HeadcountRow {
    #[diesel(sql_type = Text)]
    site_type: SiteType,
    #[diesel(sql_type = Text)]
    job_family: JobFamily,
    #[diesel(sql_type = BigInt)]
    edited_today: i64,
    #[diesel(sql_type = BigInt)]
    edited_later: i64,
    #[diesel(sql_type = BigInt)]
    saved_today: i64,
    #[diesel(sql_type = BigInt)]
    saved_later: i64,
}

/// The `SUM` of the people `rule` counts who were hired by `day` (none on a day on which
/// nobody can count).
fn hired_by(rule: &HeadcountConditions, day: Option<NaiveDate>) -> String {
    let Some(day) = day else {
        return "0".to_string();
    };
    let lists = lists(rule);
    let and = if lists.is_empty() { "" } else { " AND " };
    format!("SUM(CASE WHEN {lists}{and}hire_date <= '{day}' THEN 1 ELSE 0 END)")
}

/// The rule's lists as `IN` conditions joined by `AND` (empty when it has none).
fn lists(rule: &HeadcountConditions) -> String {
    let site_types: Vec<&str> = rule.site_types.iter().map(|t| t.as_str()).collect();
    let job_families: Vec<&str> = rule.job_families.iter().map(|f| f.as_str()).collect();
    let employment_types: Vec<&str> = rule.employment_types.iter().map(|t| t.as_str()).collect();
    [("site_type", site_types), ("job_family", job_families), ("employment_type", employment_types)]
        .into_iter()
        .filter(|(_, names)| !names.is_empty())
        .map(|(column, names)| {
            let quoted: Vec<String> = names.iter().map(|name| format!("'{name}'")).collect();
            format!("{column} IN ({})", quoted.join(", "))
        })
        .collect::<Vec<_>>()
        .join(" AND ")
}
