//! The eligibility headcount of the program form: active people who meet a rule's
//! conditions (`domain::headcount::HeadcountConditions`), counted by site type and job
//! family in one aggregate over the index `employees_headcount` (active, site type, job
//! family, employment type, hire date), which holds every column it reads: 300,000 people
//! are counted without reading a row of the table, and none is loaded into the server.

use chrono::NaiveDate;
use diesel::dsl::sql;
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Date};

use super::schema::employees;
use super::DbConnection;
use crate::domain::headcount::{DayCounts, HeadcountCell, HeadcountConditions};
use crate::domain::{JobFamily, SiteType};

/// The people `conditions` count, by site type and job family (only the pairs with
/// someone counted on either day). The `WHERE` takes everyone hired by the later of the
/// two days' last hire dates; a `SUM` for each day counts those hired by its own. A day on
/// which nobody can count (`None`) takes the other's date and its sum is dropped.
pub fn count(conn: &mut DbConnection, conditions: &HeadcountConditions) -> QueryResult<Vec<HeadcountCell>> {
    let (today, later) = (conditions.hired_by_today, conditions.hired_by_later);
    let Some(latest) = today.max(later) else {
        return Ok(Vec::new());
    };
    let hired_by = |day: NaiveDate| {
        sql::<BigInt>("CAST(SUM(CASE WHEN employees.hire_date <= ")
            .bind::<Date, _>(day)
            .sql(" THEN 1 ELSE 0 END) AS BIGINT)")
    };
    let mut query = employees::table
        .group_by((employees::site_type, employees::job_family))
        .select((
            employees::site_type,
            employees::job_family,
            hired_by(today.unwrap_or(latest)),
            hired_by(later.unwrap_or(latest)),
        ))
        .filter(employees::active.eq(true))
        .into_boxed();
    // Each list is an `IN` on its column of the index; an empty list is no condition.
    if !conditions.site_types.is_empty() {
        query = query.filter(employees::site_type.eq_any(conditions.site_types.clone()));
    }
    if !conditions.job_families.is_empty() {
        query = query.filter(employees::job_family.eq_any(conditions.job_families.clone()));
    }
    if !conditions.employment_types.is_empty() {
        query = query.filter(employees::employment_type.eq_any(conditions.employment_types.clone()));
    }
    let rows: Vec<(SiteType, JobFamily, i64, i64)> = query.filter(employees::hire_date.le(latest)).load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(site_type, job_family, by_today, by_later)| HeadcountCell {
            site_type,
            job_family,
            counts: DayCounts {
                today: if today.is_some() { by_today } else { 0 },
                later: if later.is_some() { by_later } else { 0 },
            },
        })
        .collect())
}
