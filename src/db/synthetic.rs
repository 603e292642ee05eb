//! A realistic, deterministic organisation for benchmarks: a management tree six levels
//! deep over every job family and site type, tenures from 0 to 20 years, part-timers,
//! and applications over three years in every state, with their timeline events,
//! consistent seats and waitlists, and tuition within the yearly caps.
//!
//! Rows are written with explicit ids in large multi-row batches inside a few big
//! transactions; the reporting counters are rebuilt at the end.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, TimeDelta};
use diesel::prelude::*;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::programs::{self, Program};
use super::schema::{application_events, applications, employees};
use super::{now, write_transaction, DbConnection};
use crate::domain::{EmploymentType, JobFamily, SiteType};

/// What to generate.
#[derive(Debug, Clone)]
pub struct SyntheticSpec {
    pub employees: usize,
    pub applications: usize,
    pub seed: u64,
    /// The argon2 hash every synthetic account gets (one hash, computed once).
    pub password_hash: String,
    pub today: NaiveDate,
}

/// Reports progress: (what, done, total).
pub type Progress<'a> = &'a mut dyn FnMut(&str, u64, u64);

#[derive(Insertable)]
#[diesel(table_name = employees, treat_none_as_default_value = false)]
struct EmployeeRow {
    id: i32,
    email: String,
    display_name: String,
    job_title: String,
    job_family: String,
    site_type: String,
    employment_type: String,
    hire_date: NaiveDate,
    manager_id: Option<i32>,
    is_admin: bool,
    password_hash: Option<String>,
    active: bool,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

#[derive(Insertable)]
#[diesel(table_name = applications, treat_none_as_default_value = false)]
struct ApplicationRow {
    id: i32,
    employee_id: i32,
    program_id: i32,
    intake_id: Option<i32>,
    status: String,
    motivation: String,
    institution: Option<String>,
    course_title: Option<String>,
    term_starts_on: Option<NaiveDate>,
    amount_cents: Option<i64>,
    covered_cents: Option<i64>,
    approver_id: Option<i32>,
    submitted_at: NaiveDateTime,
    decided_at: Option<NaiveDateTime>,
    waitlisted_at: Option<NaiveDateTime>,
    version: i32,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    site_type: String,
}

#[derive(Insertable)]
#[diesel(table_name = application_events, treat_none_as_default_value = false)]
struct EventRow {
    application_id: i32,
    actor_id: Option<i32>,
    action: String,
    from_status: Option<String>,
    to_status: String,
    created_at: NaiveDateTime,
}

const FIRST_NAMES: [&str; 24] = [
    "Ada", "Bruno", "Chen", "Dana", "Elif", "Farid", "Grace", "Hiro", "Ines", "Jamal", "Keiko", "Luis", "Maya", "Nils",
    "Olga", "Priya", "Quinn", "Rosa", "Sami", "Tariq", "Uma", "Vera", "Wen", "Yusuf",
];
const LAST_NAMES: [&str; 20] = [
    "Garcia", "Nguyen", "Smith", "Okafor", "Kowalski", "Haddad", "Tanaka", "Silva", "Müller", "Rossi", "Ivanova",
    "Khan", "Johnson", "Dubois", "Kim", "Larsen", "Mensah", "Patel", "Ortiz", "Novak",
];

/// A multi-row INSERT, written per backend: the multi-backend query builder has none.
macro_rules! insert_rows {
    ($conn:expr, $table:expr, $rows:expr) => {{
        let insert = diesel::insert_into($table).values($rows);
        match $conn {
            DbConnection::Sqlite(sqlite) => insert.execute(sqlite),
            DbConnection::Postgresql(pg) => insert.execute(pg),
        }
    }};
}

/// Rows per INSERT: well under SQLite's 32,766 bound parameters at 19 columns.
const BATCH: usize = 1_000;

/// How many people sit at each of the six levels of the tree: a narrow top, managers
/// of about 40 people at level 5, and everyone else at the bottom.
fn level_sizes(total: usize) -> Vec<usize> {
    let mut sizes = vec![1, 6, 36, 216];
    let top: usize = sizes.iter().sum();
    let rest = total.saturating_sub(top);
    let managers = rest.div_ceil(41).max(1);
    sizes.push(managers.min(rest));
    sizes.push(rest.saturating_sub(managers));
    sizes
}

fn pick<T: Copy>(rng: &mut StdRng, items: &[T]) -> T {
    items[rng.random_range(0..items.len())]
}

fn insert_employees(
    conn: &mut DbConnection,
    spec: &SyntheticSpec,
    rng: &mut StdRng,
    first_id: i32,
    progress: Progress,
) -> QueryResult<Vec<EmployeeFacts>> {
    let sizes = level_sizes(spec.employees);
    let mut facts: Vec<EmployeeFacts> = Vec::with_capacity(spec.employees);
    let mut level_start = 0;
    let mut rows = Vec::with_capacity(BATCH);
    let at = now();
    for (level, size) in sizes.iter().enumerate() {
        let parent_start = if level == 0 { 0 } else { level_start - sizes[level - 1] };
        let parents = if level == 0 { 0 } else { sizes[level - 1] };
        for n in 0..*size {
            let index = facts.len();
            let id = first_id + i32::try_from(index).unwrap_or(i32::MAX);
            // Level 5 people go to level-4 managers in blocks of 40.
            let manager = match level {
                0 => None,
                5 => Some(parent_start + (n / 40).min(parents.saturating_sub(1))),
                _ => Some(parent_start + n % parents.max(1)),
            }
            .map(|p| facts[p].id);
            let site = pick(rng, SiteType::ALL);
            let family = match site {
                SiteType::FulfillmentCenter => {
                    pick(rng, &[JobFamily::Fulfillment, JobFamily::Fulfillment, JobFamily::Operations])
                }
                SiteType::TechHub => pick(rng, &[JobFamily::Technical, JobFamily::Technical, JobFamily::Corporate]),
                SiteType::CorporateOffice => pick(rng, &[JobFamily::Corporate, JobFamily::Technical]),
                SiteType::RetailStore => JobFamily::Retail,
                SiteType::TransportationNetwork => JobFamily::Transportation,
            };
            let part_time = level == 5 && rng.random_bool(0.15);
            let tenure_days = rng.random_range(0..=20 * 365);
            let hire_date = spec.today.checked_sub_days(Days::new(tenure_days)).unwrap_or(spec.today);
            let name = format!("{} {}", pick(rng, &FIRST_NAMES), pick(rng, &LAST_NAMES));
            facts.push(EmployeeFacts { id, manager_id: manager, family, site, part_time, hire_date });
            rows.push(EmployeeRow {
                id,
                email: format!("e{index}@synthetic.example"),
                display_name: format!("{name} {index}"),
                job_title: if level < 5 { "Manager".to_owned() } else { format!("{} associate", family.label()) },
                job_family: family.as_str().to_owned(),
                site_type: site.as_str().to_owned(),
                employment_type: if part_time { EmploymentType::PartTime } else { EmploymentType::FullTime }
                    .as_str()
                    .to_owned(),
                hire_date,
                manager_id: manager,
                is_admin: index < 3,
                password_hash: Some(spec.password_hash.clone()),
                active: true,
                created_at: at,
                updated_at: at,
            });
            if rows.len() == BATCH {
                insert_rows!(conn, employees::table, &rows)?;
                rows.clear();
                progress("employees", facts.len() as u64, spec.employees as u64);
            }
        }
        level_start += size;
    }
    if !rows.is_empty() {
        insert_rows!(conn, employees::table, &rows)?;
    }
    progress("employees", facts.len() as u64, spec.employees as u64);
    Ok(facts)
}

struct EmployeeFacts {
    id: i32,
    manager_id: Option<i32>,
    family: JobFamily,
    site: SiteType,
    part_time: bool,
    hire_date: NaiveDate,
}

/// The intakes of each cohort program: (intake id, start date, seats).
type IntakesByProgram = HashMap<i32, Vec<(i32, NaiveDate, i64)>>;

/// Quarterly intakes of each cohort program over the three years.
fn ensure_intakes(
    conn: &mut DbConnection,
    cohort_programs: &[Program],
    today: NaiveDate,
    rng: &mut StdRng,
) -> QueryResult<IntakesByProgram> {
    let mut by_program = HashMap::new();
    for program in cohort_programs {
        let mut list = Vec::new();
        for quarter in 0..14u64 {
            let starts_on = today
                .checked_sub_days(Days::new(3 * 365))
                .unwrap_or(today)
                .checked_add_days(Days::new(quarter * 91 + 30))
                .unwrap_or(today);
            let seats = rng.random_range(2_000..8_000);
            let id = programs::insert_intake(
                conn,
                &programs::NewIntake {
                    program_id: program.id,
                    name: format!("{} {} Q{}", program.name, starts_on.year(), (starts_on.month() - 1) / 3 + 1),
                    starts_on,
                    seats,
                },
            )?;
            list.push((id, starts_on, i64::from(seats)));
        }
        by_program.insert(program.id, list);
    }
    Ok(by_program)
}

/// Generates the organisation and the applications; returns (employees, applications, events).
pub fn generate(
    conn: &mut DbConnection,
    spec: &SyntheticSpec,
    progress: Progress,
) -> QueryResult<(usize, usize, usize)> {
    let mut rng = StdRng::seed_from_u64(spec.seed);
    super::seed::seed_programs(conn, spec.today)?;
    let programs = programs::list_published(conn)?;
    let first_employee: i32 =
        employees::table.select(diesel::dsl::max(employees::id)).first::<Option<i32>>(conn)?.unwrap_or(0) + 1;
    let first_application: i32 =
        applications::table.select(diesel::dsl::max(applications::id)).first::<Option<i32>>(conn)?.unwrap_or(0) + 1;
    let people = write_transaction(conn, |conn| insert_employees(conn, spec, &mut rng, first_employee, progress))?;
    let cohort: Vec<Program> = programs.iter().filter(|p| p.kind == "cohort").cloned().collect();
    let intakes_by_program = write_transaction(conn, |conn| ensure_intakes(conn, &cohort, spec.today, &mut rng))?;

    let start =
        spec.today.checked_sub_days(Days::new(3 * 365)).unwrap_or(spec.today).and_hms_opt(8, 0, 0).unwrap_or_default();
    let span_minutes = 3 * 365 * 24 * 60;
    let mut active: HashSet<(i32, i32)> = HashSet::new();
    let mut seats_taken: HashMap<i32, i64> = HashMap::new();
    let mut tuition_used: HashMap<(i32, i32), i64> = HashMap::new();
    let mut made = 0usize;
    let mut events_made = 0usize;
    let mut next_id = first_application;
    while made < spec.applications {
        let batch = write_transaction(conn, |conn| -> QueryResult<usize> {
            let mut rows = Vec::with_capacity(BATCH);
            let mut events = Vec::with_capacity(BATCH * 4);
            let mut written = 0;
            // Ten INSERTs of a thousand applications per transaction.
            for _ in 0..10 {
                rows.clear();
                events.clear();
                while rows.len() < BATCH && made + written + rows.len() < spec.applications {
                    let person = &people[rng.random_range(0..people.len())];
                    let program = &programs[rng.random_range(0..programs.len())];
                    // Spread evenly over three years; the id order follows time.
                    let offset = (made + written + rows.len()) as i64 * span_minutes / spec.applications.max(1) as i64;
                    let created = start + TimeDelta::minutes(offset) + TimeDelta::seconds(rng.random_range(0..60));
                    let age_days = (spec.today.and_hms_opt(8, 0, 0).unwrap_or_default() - created).num_days();
                    let status = pick_status(&mut rng, age_days, program.needs_admin_approval);
                    let is_active = !matches!(status, "rejected" | "withdrawn" | "completed");
                    if is_active && !active.insert((person.id, program.id)) {
                        continue;
                    }
                    let mut status = status.to_owned();
                    let mut intake_id = None;
                    if let Some(list) = intakes_by_program.get(&program.id) {
                        let (id, _, seats) = list
                            .iter()
                            .find(|(_, starts, _)| starts.and_hms_opt(0, 0, 0).unwrap_or_default() > created)
                            .copied()
                            .unwrap_or(list[list.len() - 1]);
                        intake_id = Some(id);
                        if matches!(status.as_str(), "approved" | "completed") {
                            let taken = seats_taken.entry(id).or_insert(0);
                            if *taken < seats {
                                *taken += 1;
                            } else {
                                status = if is_active { "waitlisted".to_owned() } else { "rejected".to_owned() };
                            }
                        }
                    }
                    let mut tuition = None;
                    if program.kind == "tuition" {
                        let term = created
                            .date()
                            .checked_add_days(Days::new(rng.random_range(14..120)))
                            .unwrap_or(created.date());
                        let cap = if person.part_time {
                            program.annual_cap_part_time_cents
                        } else {
                            program.annual_cap_full_time_cents
                        };
                        let used = tuition_used.entry((person.id, term.year())).or_insert(0);
                        let wanted = rng.random_range(20_000..260_000);
                        let amount = wanted.min(cap - *used);
                        if amount <= 0 {
                            continue;
                        }
                        if status != "rejected" && status != "withdrawn" {
                            *used += amount * i64::from(program.tuition_percent) / 100;
                        }
                        tuition = Some((term, amount, amount * i64::from(program.tuition_percent) / 100));
                    }
                    let id = next_id;
                    next_id += 1;
                    let decided = created + TimeDelta::hours(rng.random_range(4..240));
                    let path = status_path(&status, program.needs_manager_approval, program.needs_admin_approval);
                    let mut when = created;
                    let mut from: Option<&str> = None;
                    for (n, (action, to)) in path.iter().enumerate() {
                        let actor = match *action {
                            "submitted" | "withdrawn" | "approved_at_once" => Some(person.id),
                            "promoted" => None,
                            "manager_approved" | "changes_requested" => person.manager_id,
                            _ => Some(first_employee),
                        };
                        events.push(EventRow {
                            application_id: id,
                            actor_id: actor,
                            action: (*action).to_owned(),
                            from_status: from.map(str::to_owned),
                            to_status: (*to).to_owned(),
                            created_at: when,
                        });
                        from = Some(to);
                        when = if n == 0 { decided } else { when + TimeDelta::hours(rng.random_range(1..72)) };
                    }
                    let final_at = when;
                    rows.push(ApplicationRow {
                        id,
                        employee_id: person.id,
                        program_id: program.id,
                        intake_id,
                        motivation: "I want to grow my skills and take on a new role in the company.".to_owned(),
                        institution: tuition.map(|_| "Community College".to_owned()),
                        course_title: tuition.map(|_| "Applied Data Analysis".to_owned()),
                        term_starts_on: tuition.map(|(term, _, _)| term),
                        amount_cents: tuition.map(|(_, amount, _)| amount),
                        covered_cents: tuition.map(|(_, _, covered)| covered),
                        approver_id: person.manager_id,
                        submitted_at: created,
                        decided_at: (path.len() > 1).then_some(decided),
                        waitlisted_at: (status == "waitlisted").then_some(decided),
                        version: i32::try_from(path.len()).unwrap_or(1),
                        created_at: created,
                        updated_at: final_at,
                        site_type: person.site.as_str().to_owned(),
                        status,
                    });
                    let _ = (person.family, person.hire_date);
                }
                if rows.is_empty() {
                    break;
                }
                written += rows.len();
                insert_rows!(conn, applications::table, &rows)?;
                for chunk in events.chunks(BATCH * 2) {
                    insert_rows!(conn, application_events::table, chunk)?;
                }
                events_made += events.len();
            }
            Ok(written)
        })?;
        made += batch;
        progress("applications", made as u64, spec.applications as u64);
    }
    // Keep PostgreSQL's id sequences past the explicit ids.
    if let DbConnection::Postgresql(pg) = conn {
        diesel::sql_query("SELECT setval(pg_get_serial_sequence('employees', 'id'), (SELECT MAX(id) FROM employees))")
            .execute(pg)?;
        diesel::sql_query(
            "SELECT setval(pg_get_serial_sequence('applications', 'id'), (SELECT MAX(id) FROM applications))",
        )
        .execute(pg)?;
    }
    progress("counters", 0, 1);
    super::stats::rebuild(conn)?;
    let analyze = match conn {
        DbConnection::Sqlite(_) => "ANALYZE",
        DbConnection::Postgresql(_) => "ANALYZE",
    };
    diesel::sql_query(analyze).execute(conn)?;
    progress("counters", 1, 1);
    Ok((people.len(), made, events_made))
}

/// A status for an application `age_days` old: old ones are mostly decided, recent ones
/// mostly still in flight.
fn pick_status(rng: &mut StdRng, age_days: i64, admin_stage: bool) -> &'static str {
    let roll: f64 = rng.random();
    if age_days > 120 {
        match roll {
            r if r < 0.45 => "completed",
            r if r < 0.65 => "approved",
            r if r < 0.80 => "rejected",
            _ => "withdrawn",
        }
    } else {
        match roll {
            r if r < 0.30 => "submitted",
            r if r < 0.40 => "changes_requested",
            r if r < 0.55 && admin_stage => "manager_approved",
            r if r < 0.80 => "approved",
            r if r < 0.85 => "waitlisted",
            r if r < 0.92 => "rejected",
            _ => "withdrawn",
        }
    }
}

/// The timeline that leads to `status`: (event action, status after it).
fn status_path(status: &str, manager: bool, admin: bool) -> Vec<(&'static str, &'static str)> {
    let mut path = Vec::new();
    if !manager && !admin {
        path.push(("approved_at_once", "approved"));
    } else {
        path.push(("submitted", if manager { "submitted" } else { "manager_approved" }));
    }
    let reach_manager_approved = |path: &mut Vec<(&'static str, &'static str)>| {
        if manager && admin {
            path.push(("manager_approved", "manager_approved"));
        }
    };
    match status {
        "submitted" => {}
        "changes_requested" => path.push(("changes_requested", "changes_requested")),
        "manager_approved" => reach_manager_approved(&mut path),
        "approved" | "completed" | "waitlisted" => {
            if manager || admin {
                reach_manager_approved(&mut path);
                path.push(if status == "waitlisted" { ("waitlisted", "waitlisted") } else { ("approved", "approved") });
            }
            if status == "completed" {
                path.push(("completed", "completed"));
            }
        }
        "rejected" => path.push(("rejected", "rejected")),
        _ => path.push(("withdrawn", "withdrawn")),
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tree_has_six_levels_and_adds_up() {
        let sizes = level_sizes(300_000);
        assert_eq!(sizes.len(), 6);
        assert_eq!(sizes.iter().sum::<usize>(), 300_000);
        assert!(sizes[5] <= sizes[4] * 40);
    }

    #[test]
    fn every_path_ends_in_its_status() {
        for status in [
            "submitted",
            "changes_requested",
            "manager_approved",
            "approved",
            "waitlisted",
            "rejected",
            "withdrawn",
            "completed",
        ] {
            let path = status_path(status, true, true);
            assert_eq!(path.last().map(|(_, to)| *to), Some(status), "{status}");
        }
        assert_eq!(status_path("approved", false, false), [("approved_at_once", "approved")]);
    }
}
