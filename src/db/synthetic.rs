//! A realistic, deterministic organisation for benchmarks: a management tree six levels
//! deep over every job family and site type, tenures from 0 to 20 years, part-timers,
//! and applications over three years in every state, with their timeline events,
//! consistent seats and waitlists, and tuition within the yearly caps; and each person's
//! job history (`db::synthetic_history`): who leaves when is decided before the
//! applications, so that each goes to someone who works here over its timeline.
//!
//! Rows are written with explicit ids in large multi-row batches inside a few big
//! transactions (the history's rows without: nothing refers to them); the outcomes of
//! the completions and the reporting counters are rebuilt at the end.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, TimeDelta};
use diesel::prelude::*;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

use super::payments::NewPayment;
use super::programs::{self, Program};
use super::schema::{application_events, applications, employees, tuition_payments};
use super::synthetic_history::{self, Applied, Employment, Hire};
use super::{write_transaction, DbConnection};
use crate::clock::now;
use crate::domain::outcomes::TargetRoles;
use crate::domain::payment::accepts_payment;
use crate::domain::{
    ApplicationStatus as Status, CompletionEvidence, EmploymentType, Event, JobFamily, ProgramKind, SiteType,
};

/// What was generated: how many of each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seeded {
    pub employees: usize,
    pub applications: usize,
    pub events: usize,
    pub history_rows: usize,
}

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
    job_family: JobFamily,
    site_type: SiteType,
    employment_type: EmploymentType,
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
    status: Status,
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
    approved_at: Option<NaiveDateTime>,
    paid_cents: i64,
    version: i32,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
    site_type: SiteType,
    completed_on: Option<NaiveDate>,
    completion_submitted_at: Option<NaiveDateTime>,
}

#[derive(Insertable)]
#[diesel(table_name = application_events, treat_none_as_default_value = false)]
struct EventRow {
    application_id: i32,
    actor_id: Option<i32>,
    action: Event,
    from_status: Option<Status>,
    to_status: Status,
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
    let everyone: usize = sizes.iter().sum();
    let mut facts: Vec<EmployeeFacts> = Vec::with_capacity(spec.employees);
    let mut level_start = 0;
    let mut rows = Vec::with_capacity(BATCH);
    let at = now();
    progress("employees", 0, spec.employees as u64);
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
            let job_title = if level < 5 { MANAGER_TITLE } else { synthetic_history::entry_title(family) };
            facts.push(EmployeeFacts {
                id,
                manager_id: manager,
                site,
                part_time,
                hired_on: hire_date,
                job_family: family,
                job_title,
                // The tree, and the last person: the benchmarks sign in as one of each.
                keeps_job: level < 5 || index + 1 == everyone,
            });
            rows.push(EmployeeRow {
                id,
                email: format!("e{index}@synthetic.example"),
                display_name: format!("{name} {index}"),
                job_title: job_title.to_owned(),
                job_family: family,
                site_type: site,
                employment_type: if part_time { EmploymentType::PartTime } else { EmploymentType::FullTime },
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

/// The job title of everyone in the management tree.
const MANAGER_TITLE: &str = "Manager";

/// What generating applications and job histories needs to know about a person.
struct EmployeeFacts {
    id: i32,
    manager_id: Option<i32>,
    site: SiteType,
    part_time: bool,
    hired_on: NaiveDate,
    job_family: JobFamily,
    job_title: &'static str,
    /// Whether the person keeps the job they were hired into (`synthetic_history`).
    keeps_job: bool,
}

impl EmployeeFacts {
    /// The person as hired, as their history starts.
    fn hire(&self) -> Hire {
        Hire {
            employee_id: self.id,
            hired_on: self.hired_on,
            job_title: self.job_title,
            job_family: self.job_family,
            site_type: self.site,
            employment_type: if self.part_time { EmploymentType::PartTime } else { EmploymentType::FullTime },
            manager_id: self.manager_id,
            keeps_job: self.keeps_job,
        }
    }
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
                &programs::NewIntake::first_come(
                    program.id,
                    format!("{} {} Q{}", program.name, starts_on.year(), (starts_on.month() - 1) / 3 + 1),
                    starts_on,
                    seats,
                ),
            )?;
            list.push((id, starts_on, i64::from(seats)));
        }
        by_program.insert(program.id, list);
    }
    Ok(by_program)
}

/// What generating applications keeps track of, so that they stay consistent: one active
/// application per person and program, seats within each intake, tuition within the caps.
struct ApplicationMaker<'a> {
    rng: &'a mut StdRng,
    people: &'a [EmployeeFacts],
    /// When each person (in the order of `people`) works here.
    employment: &'a [Employment],
    programs: &'a [Program],
    intakes_by_program: &'a IntakesByProgram,
    /// Who decides the admin stage in the timelines.
    admin_id: i32,
    start: NaiveDateTime,
    /// 08:00 today: how old each application is.
    now: NaiveDateTime,
    total: usize,
    active: HashSet<(i32, i32)>,
    seats_taken: HashMap<i32, i64>,
    tuition_used: HashMap<(i32, i32), i64>,
    /// What each person's applications (in the order of `people`) tell their history.
    applied: Vec<Applied>,
}

/// Minutes in the three years the applications are spread over.
const SPAN_MINUTES: i64 = 3 * 365 * 24 * 60;

/// Days from an application to its last event, at most (`timeline`'s steps).
const TIMELINE_DAYS: u64 = 30;

impl ApplicationMaker<'_> {
    /// The `index`th application (of `total`), with its timeline; `None` when the random
    /// draw gives one that cannot be (a second active one, no tuition left, a person who
    /// does not work here over its timeline, a leaver's place still in flight).
    fn make(&mut self, index: usize, id: i32) -> Option<(ApplicationRow, Vec<EventRow>, Vec<NewPayment>)> {
        let person_index = self.rng.random_range(0..self.people.len());
        let person = &self.people[person_index];
        let program = &self.programs[self.rng.random_range(0..self.programs.len())];
        // Spread evenly over three years; the id order follows time.
        let offset = index as i64 * SPAN_MINUTES / self.total.max(1) as i64;
        let created = self.start + TimeDelta::minutes(offset) + TimeDelta::seconds(self.rng.random_range(0..60));
        let employment = self.employment.get(person_index)?;
        let timeline_ends = created.date().checked_add_days(Days::new(TIMELINE_DAYS)).unwrap_or(created.date());
        if !employment.works_through(created.date(), timeline_ends.min(self.now.date())) {
            return None;
        }
        let status = pick_status(self.rng, (self.now - created).num_days(), program);
        if status.is_active() && employment.gone_on(self.now.date()) {
            return None;
        }
        let is_active = status.is_active();
        if is_active && !self.active.insert((person.id, program.id)) {
            return None;
        }
        let (intake_id, status) = self.seat(program, created, status, is_active);
        let tuition = if program.kind == ProgramKind::Tuition {
            Some(self.tuition(person, program, created, status)?)
        } else {
            None
        };
        let decided = created + TimeDelta::hours(self.rng.random_range(4..240));
        let path = status_path(
            status,
            program.needs_manager_approval,
            program.needs_admin_approval,
            program.completion_evidence,
        );
        let (events, final_at) = self.timeline(id, person, &path, created, decided);
        let evidence_sent = path.iter().rev().find(|(event, _)| *event == Event::CompletionSubmitted).map(|_| final_at);
        let finished = matches!(status, Status::Completed | Status::CompletionSubmitted | Status::CompletionReturned);
        let mut row = ApplicationRow {
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
            waitlisted_at: (status == Status::Waitlisted).then_some(decided),
            approved_at: Status::SEAT_HOLDING.contains(&status).then_some(decided),
            paid_cents: 0,
            version: i32::try_from(path.len()).unwrap_or(1),
            created_at: created,
            updated_at: final_at,
            site_type: person.site,
            status,
            completed_on: finished.then(|| final_at.date().pred_opt().unwrap_or(final_at.date())),
            completion_submitted_at: evidence_sent,
        };
        let payments = match (tuition, accepts_payment(status)) {
            (Some((_, _, covered)), true) => self.payments(id, status, covered, decided),
            _ => Vec::new(),
        };
        row.paid_cents = payments.iter().map(|p| p.amount_cents).sum();
        if let Some(applied) = self.applied.get_mut(person_index) {
            applied.note(row.status, row.completed_on, row.program_id);
        }
        Some((row, events, payments))
    }

    /// The payments of a tuition place approved at `approved`: a completed one is paid in
    /// full, an approved one in full, in part or not yet.
    fn payments(&mut self, id: i32, status: Status, covered: i64, approved: NaiveDateTime) -> Vec<NewPayment> {
        let share = match (status, self.rng.random_range(0..10)) {
            (Status::Completed, _) | (_, 0..=3) => covered,
            (_, 4..=6) => covered / 2,
            _ => 0,
        };
        let paid_on =
            approved.date().checked_add_days(Days::new(self.rng.random_range(3..40))).unwrap_or(approved.date());
        if share <= 0 || paid_on > self.now.date() {
            return Vec::new();
        }
        let admin = self.admin_id;
        let payment = |n: usize, amount: i64, paid_on: NaiveDate| NewPayment {
            application_id: id,
            invoice_number: format!("INV-{id}-{n}"),
            amount_cents: amount,
            paid_on,
            reference: String::new(),
            recorded_by: admin,
            recorded_at: paid_on.and_hms_opt(12, 0, 0).unwrap_or(approved),
        };
        // A full payment comes in two instalments when the term is long enough ago.
        let later = paid_on.checked_add_days(Days::new(30)).filter(|d| *d <= self.now.date());
        match later {
            Some(later) if share == covered && share > 1 => {
                vec![payment(1, share / 2, paid_on), payment(2, share - share / 2, later)]
            }
            _ => vec![payment(1, share, paid_on)],
        }
    }

    /// The intake of a cohort application, and its status once seats are counted: a
    /// place beyond the intake's seats is on the waitlist (or was rejected).
    fn seat(
        &mut self,
        program: &Program,
        created: NaiveDateTime,
        status: Status,
        is_active: bool,
    ) -> (Option<i32>, Status) {
        let Some(list) = self.intakes_by_program.get(&program.id) else {
            return (None, status);
        };
        let (id, _, seats) = list
            .iter()
            .find(|(_, starts, _)| starts.and_hms_opt(0, 0, 0).unwrap_or_default() > created)
            .copied()
            .unwrap_or(list[list.len() - 1]);
        if !Status::SEAT_HOLDING.contains(&status) {
            return (Some(id), status);
        }
        let taken = self.seats_taken.entry(id).or_insert(0);
        if *taken < seats {
            *taken += 1;
            (Some(id), status)
        } else {
            (Some(id), if is_active { Status::Waitlisted } else { Status::Rejected })
        }
    }

    /// A tuition request within the person's cap for its year: (term, amount, covered);
    /// `None` when nothing is left.
    fn tuition(
        &mut self,
        person: &EmployeeFacts,
        program: &Program,
        created: NaiveDateTime,
        status: Status,
    ) -> Option<(NaiveDate, i64, i64)> {
        let term = created.date().checked_add_days(Days::new(self.rng.random_range(14..120))).unwrap_or(created.date());
        let employment = if person.part_time { EmploymentType::PartTime } else { EmploymentType::FullTime };
        let cap = program.funding().cap_for(employment).0;
        let used = self.tuition_used.entry((person.id, term.year())).or_insert(0);
        let wanted = self.rng.random_range(20_000..260_000);
        let amount = wanted.min(cap - *used);
        if amount <= 0 {
            return None;
        }
        let covered = amount * i64::from(program.tuition_percent) / 100;
        if status != Status::Rejected && status != Status::Withdrawn {
            *used += covered;
        }
        Some((term, amount, covered))
    }

    /// The timeline events of `path`, and the time of the last.
    fn timeline(
        &mut self,
        id: i32,
        person: &EmployeeFacts,
        path: &[(Event, Status)],
        created: NaiveDateTime,
        decided: NaiveDateTime,
    ) -> (Vec<EventRow>, NaiveDateTime) {
        let mut events = Vec::with_capacity(path.len());
        let mut when = created;
        let mut from = None;
        for (n, (action, to)) in path.iter().enumerate() {
            let actor = match action {
                Event::Submitted | Event::Withdrawn | Event::ApprovedAtOnce | Event::CompletionSubmitted => {
                    Some(person.id)
                }
                Event::Promoted => None,
                Event::ManagerApproved | Event::ChangesRequested => person.manager_id,
                _ => Some(self.admin_id),
            };
            events.push(EventRow {
                application_id: id,
                actor_id: actor,
                action: *action,
                from_status: from,
                to_status: *to,
                created_at: when,
            });
            from = Some(*to);
            when = if n == 0 { decided } else { when + TimeDelta::hours(self.rng.random_range(1..72)) };
        }
        (events, when)
    }
}

/// Generates the organisation, the applications and the job histories.
pub fn generate(conn: &mut DbConnection, spec: &SyntheticSpec, progress: Progress) -> QueryResult<Seeded> {
    let mut rng = StdRng::seed_from_u64(spec.seed);
    super::seed::seed_programs(conn, spec.today)?;
    let programs = programs::list_published(conn)?;
    let first_employee: i32 =
        employees::table.select(diesel::dsl::max(employees::id)).first::<Option<i32>>(conn)?.unwrap_or(0) + 1;
    let first_application: i32 =
        applications::table.select(diesel::dsl::max(applications::id)).first::<Option<i32>>(conn)?.unwrap_or(0) + 1;
    let people = write_transaction(conn, |conn| insert_employees(conn, spec, &mut rng, first_employee, progress))?;
    let cohort: Vec<Program> = programs.iter().filter(|p| p.kind == ProgramKind::Cohort).cloned().collect();
    let intakes_by_program = write_transaction(conn, |conn| ensure_intakes(conn, &cohort, spec.today, &mut rng))?;
    let hires: Vec<Hire> = people.iter().map(EmployeeFacts::hire).collect();
    let employment: Vec<Employment> =
        hires.iter().map(|hire| synthetic_history::employment_of(&mut rng, hire, spec.today)).collect();
    let eight_am = spec.today.and_hms_opt(8, 0, 0).unwrap_or_default();
    let mut maker = ApplicationMaker {
        rng: &mut rng,
        people: &people,
        employment: &employment,
        programs: &programs,
        intakes_by_program: &intakes_by_program,
        admin_id: first_employee,
        start: spec
            .today
            .checked_sub_days(Days::new(3 * 365))
            .unwrap_or(spec.today)
            .and_hms_opt(8, 0, 0)
            .unwrap_or_default(),
        now: eight_am,
        total: spec.applications,
        active: HashSet::new(),
        seats_taken: HashMap::new(),
        tuition_used: HashMap::new(),
        applied: vec![Applied::default(); people.len()],
    };
    let (mut made, mut events_made, mut next_id) = (0usize, 0usize, first_application);
    progress("applications", 0, spec.applications as u64);
    while made < spec.applications {
        let (written, events) = write_transaction(conn, |conn| -> QueryResult<(usize, usize)> {
            let (mut written, mut events_written) = (0, 0);
            // Ten INSERTs of a thousand applications per transaction.
            for _ in 0..10 {
                let mut rows = Vec::with_capacity(BATCH);
                let mut events = Vec::with_capacity(BATCH * 4);
                let mut payments = Vec::new();
                while rows.len() < BATCH && made + written + rows.len() < spec.applications {
                    if let Some((row, timeline, paid)) = maker.make(made + written + rows.len(), next_id) {
                        next_id += 1;
                        rows.push(row);
                        events.extend(timeline);
                        payments.extend(paid);
                    }
                }
                if rows.is_empty() {
                    break;
                }
                written += rows.len();
                insert_rows!(conn, applications::table, &rows)?;
                for chunk in events.chunks(BATCH * 2) {
                    insert_rows!(conn, application_events::table, chunk)?;
                }
                for chunk in payments.chunks(BATCH) {
                    insert_rows!(conn, tuition_payments::table, chunk)?;
                }
                events_written += events.len();
            }
            Ok((written, events_written))
        })?;
        made += written;
        events_made += events;
        progress("applications", made as u64, spec.applications as u64);
    }
    let applied = maker.applied;
    let targets: HashMap<i32, TargetRoles> = programs.iter().map(|p| (p.id, p.target_roles())).collect();
    let history = synthetic_history::People { hires: &hires, employment: &employment, applied: &applied };
    let history_rows = synthetic_history::write(conn, spec.today, history, &targets, &mut rng, progress)?;
    finish(conn, progress)?;
    size_budgets(conn, spec.today)?;
    Ok(Seeded { employees: people.len(), applications: made, events: events_made, history_rows })
}

/// After bulk loading: moves PostgreSQL's id sequences past the explicit ids, computes
/// the outcomes of the completions from the histories and the comparison group, rebuilds
/// the reporting counters
/// and refreshes the planner's statistics.
fn finish(conn: &mut DbConnection, progress: Progress) -> QueryResult<()> {
    if let DbConnection::Postgresql(pg) = conn {
        diesel::sql_query("SELECT setval(pg_get_serial_sequence('employees', 'id'), (SELECT MAX(id) FROM employees))")
            .execute(pg)?;
        diesel::sql_query(
            "SELECT setval(pg_get_serial_sequence('applications', 'id'), (SELECT MAX(id) FROM applications))",
        )
        .execute(pg)?;
    }
    progress("outcomes", 0, 1);
    super::outcomes::rebuild(conn, crate::clock::today())?;
    progress("comparison", 0, 1);
    super::comparison::refresh(conn, crate::clock::today())?;
    progress("counters", 0, 1);
    super::stats::rebuild(conn)?;
    super::payments::rebuild_totals(conn)?;
    super::budgets::rebuild_commitments(conn)?;
    diesel::sql_query("ANALYZE").execute(conn)?;
    progress("counters", 1, 1);
    Ok(())
}

/// Gives each program that has a budget one sized to the synthetic volume: a tenth more
/// than the busier of last year and this year committed, in whole thousands of dollars,
/// so that the dashboard's budgets show shares a real year would.
fn size_budgets(conn: &mut DbConnection, today: NaiveDate) -> QueryResult<()> {
    use super::schema::programs as programs_table;
    let (this_year, last_year) = (
        super::budgets::commitments_by_program(conn, today.year())?,
        super::budgets::commitments_by_program(conn, today.year() - 1)?,
    );
    for program in programs::list_all(conn)?.into_iter().filter(|p| p.annual_budget_cents.is_some()) {
        let budget = program.budget();
        let committed = |year: &[(i32, crate::domain::budget::Commitments)]| {
            year.iter().find(|(id, _)| *id == program.id).map_or(0, |(_, c)| budget.committed(*c).0)
        };
        let busiest = committed(&this_year).max(committed(&last_year));
        let sized = (busiest.saturating_add(busiest / 10) / 100_000 + 1) * 100_000;
        diesel::update(programs_table::table.find(program.id))
            .set(programs_table::annual_budget_cents.eq(Some(sized)))
            .execute(conn)?;
    }
    Ok(())
}

/// A status for an application `age_days` old to `program`: old ones are mostly decided
/// (completions verified, a few waiting for the check, sent back, or not completed), recent
/// ones mostly still in flight.
fn pick_status(rng: &mut StdRng, age_days: i64, program: &Program) -> Status {
    let roll: f64 = rng.random();
    let admin_stage = program.needs_admin_approval;
    let asks_evidence = program.completion_evidence != CompletionEvidence::None;
    if age_days > 120 {
        match roll {
            r if r < 0.38 => Status::Completed,
            r if r < 0.41 && asks_evidence => Status::CompletionSubmitted,
            r if r < 0.42 && asks_evidence => Status::CompletionReturned,
            r if r < 0.47 => Status::NotCompleted,
            r if r < 0.65 => Status::Approved,
            r if r < 0.80 => Status::Rejected,
            _ => Status::Withdrawn,
        }
    } else {
        match roll {
            r if r < 0.30 => Status::Submitted,
            r if r < 0.40 => Status::ChangesRequested,
            r if r < 0.55 && admin_stage => Status::ManagerApproved,
            r if r < 0.80 => Status::Approved,
            r if r < 0.85 => Status::Waitlisted,
            r if r < 0.92 => Status::Rejected,
            _ => Status::Withdrawn,
        }
    }
}

/// The timeline that leads to `status`: (event, status after it).
fn status_path(status: Status, manager: bool, admin: bool, evidence: CompletionEvidence) -> Vec<(Event, Status)> {
    let mut path = Vec::new();
    if !manager && !admin {
        path.push((Event::ApprovedAtOnce, Status::Approved));
    } else {
        path.push((Event::Submitted, if manager { Status::Submitted } else { Status::ManagerApproved }));
    }
    let reach_manager_approved = |path: &mut Vec<(Event, Status)>| {
        if manager && admin {
            path.push((Event::ManagerApproved, Status::ManagerApproved));
        }
    };
    match status {
        Status::Submitted => {}
        Status::InDraw => {
            reach_manager_approved(&mut path);
            path.push((Event::EnteredDraw, Status::InDraw));
        }
        Status::Offered => {
            reach_manager_approved(&mut path);
            path.push((Event::Waitlisted, Status::Waitlisted));
            path.push((Event::Offered, Status::Offered));
        }
        Status::ChangesRequested => path.push((Event::ChangesRequested, Status::ChangesRequested)),
        Status::ManagerApproved => reach_manager_approved(&mut path),
        Status::Approved
        | Status::Completed
        | Status::Waitlisted
        | Status::CompletionSubmitted
        | Status::CompletionReturned
        | Status::NotCompleted => {
            if manager || admin {
                reach_manager_approved(&mut path);
                path.push(if status == Status::Waitlisted {
                    (Event::Waitlisted, Status::Waitlisted)
                } else {
                    (Event::Approved, Status::Approved)
                });
            }
            let sends = evidence != CompletionEvidence::None;
            if sends && matches!(status, Status::Completed | Status::CompletionSubmitted | Status::CompletionReturned) {
                path.push((Event::CompletionSubmitted, Status::CompletionSubmitted));
            }
            match status {
                Status::CompletionReturned => path.push((Event::CompletionReturned, Status::CompletionReturned)),
                Status::Completed if sends => path.push((Event::CompletionVerified, Status::Completed)),
                Status::Completed => path.push((Event::Completed, Status::Completed)),
                Status::NotCompleted => path.push((Event::NotCompleted, Status::NotCompleted)),
                _ => {}
            }
        }
        Status::Rejected => path.push((Event::Rejected, Status::Rejected)),
        Status::Withdrawn => path.push((Event::Withdrawn, Status::Withdrawn)),
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
        for status in Status::ALL {
            let path = status_path(*status, true, true, CompletionEvidence::File);
            assert_eq!(path.last().map(|(_, to)| *to), Some(*status), "{status:?}");
        }
        assert_eq!(
            status_path(Status::Approved, false, false, CompletionEvidence::None),
            [(Event::ApprovedAtOnce, Status::Approved)]
        );
        let cohort = status_path(Status::Completed, true, true, CompletionEvidence::None);
        assert_eq!(cohort.last(), Some(&(Event::Completed, Status::Completed)), "marked by the team, no evidence");
    }
}
