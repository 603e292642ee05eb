//! Job histories for the synthetic organisation of `db::synthetic`, so that what
//! completions led to (`domain::outcomes`) has something to show: each person's first row
//! on their hire date, then, over the three years before today, the changes an HR feed
//! would have sent.
//!
//! The rates, per person at work and per year: 8% move to another role (mostly another
//! title of their job family, now and then another family that works at the same kind of
//! site), 1.5% get a new manager or site type and nothing else (not a new role), and 12%
//! leave, mostly of their own will; a tenth of the leavers are hired again 3 to 24 months
//! later. A verified completion of a program with target roles is followed, 3 to 18 months
//! later, by a move into one of them for 35% of its participants and into another role
//! for 8% (in place of the usual moves in those months), and its participants leave at 7%
//! a year from then on. A program without target roles (any next step counts) leads 18%
//! of its participants to a new role.
//!
//! The managers of the tree and the last person keep the job they were hired into: every
//! application's approver comes from the tree, and the benchmarks sign in as one of the
//! managers and as the last person (`bench/run.sh`). Nobody whose application waits for
//! their manager gets a new one (the application would move).
//!
//! Who leaves when is decided first ([`employment_of`]), before the applications, so that
//! nobody applies before their hire or while away, and a leaver has nothing in flight;
//! the rest (moves, new managers and sites, and which departures of participants stand)
//! follows the applications. Both are pure functions of the seeded random stream;
//! [`write`] inserts the rows in large multi-row INSERTs, then sets each changed person's
//! `employees` row from their last history row, so that the two agree.

use std::collections::HashMap;

use chrono::{Days, Months, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use rand::rngs::StdRng;
use rand::Rng;

use super::history::{insert_rows, NewHistoryRow};
use super::{write_transaction, DbConnection};
use crate::domain::history::JobState;
use crate::domain::outcomes::{months_after, TargetRoles};
use crate::domain::{ApplicationStatus, EmploymentType, HistorySource, JobFamily, LeavingReason, SiteType};

/// Of the people at work, the share who move to another role in a year.
const ROLE_MOVES_A_YEAR: f64 = 0.08;
/// Of the people at work, the share who get a new manager or site type, and nothing
/// else, in a year.
const MANAGER_OR_SITE_CHANGES_A_YEAR: f64 = 0.015;
/// Of the people at work, the share who leave in a year.
const DEPARTURES_A_YEAR: f64 = 0.12;
/// The same after completing a program that leads to target roles.
const DEPARTURES_A_YEAR_AFTER_COMPLETING: f64 = 0.07;
/// Of the leavers, the share hired again, and how many months later (at least, at most).
const REHIRED: f64 = 0.10;
const MONTHS_AWAY: (u32, u32) = (3, 24);
/// Of a move to another role, the chance it is into another job family (one that works
/// at the same kind of site).
const INTO_ANOTHER_FAMILY: f64 = 0.25;
/// Of the participants who completed a program with target roles, the shares who move
/// into one of them, and into another role, and how many months later (at least, at most).
const INTO_TARGET_ROLE: f64 = 0.35;
const INTO_OTHER_ROLE: f64 = 0.08;
const MONTHS_TO_MOVE: (u32, u32) = (3, 18);
/// Of the participants who completed a program without target roles, the share who
/// move to a new role (any next step counts), in the same months.
const INTO_NEXT_ROLE: f64 = 0.18;
/// Why people leave: each reason (none: nobody said) with its share. Retirement is for
/// people of ten years' service or more; the younger ones' share leave voluntarily.
const LEAVING_REASONS: [(Option<LeavingReason>, f64); 5] = [
    (Some(LeavingReason::Voluntary), 0.70),
    (Some(LeavingReason::Involuntary), 0.13),
    (Some(LeavingReason::Retirement), 0.05),
    (Some(LeavingReason::Other), 0.05),
    (None, 0.07),
];
const YEARS_BEFORE_RETIRING: u32 = 10;
/// How far back from today history has changes.
const YEARS_OF_CHANGES: u32 = 3;
/// History rows per INSERT: 13 columns each, well under SQLite's 32,766 bound parameters
/// (a batch may run over by one person's rows).
const ROWS_PER_INSERT: usize = 2_000;

/// The job titles of each family, the one people are hired into first. A move picks
/// among them; the programs' target keywords (`db::seed`) match some: "engineer",
/// "software", "data scientist", "machine learning".
fn titles_of(family: JobFamily) -> &'static [&'static str] {
    match family {
        JobFamily::Fulfillment => &[
            "Fulfillment associate",
            "Process assistant",
            "Learning ambassador",
            "Inventory control specialist",
            "Area manager",
        ],
        JobFamily::Operations => {
            &["Operations associate", "Operations analyst", "Safety specialist", "Operations supervisor"]
        }
        JobFamily::Corporate => {
            &["Corporate associate", "Financial analyst", "Recruiter", "HR business partner", "Program manager"]
        }
        JobFamily::Technical => &[
            "Technical associate",
            "IT support engineer",
            "Maintenance technician",
            "Robotics technician",
            "Software development engineer",
            "Data engineer",
            "Data scientist",
            "Applied scientist",
            "Machine learning engineer",
        ],
        JobFamily::Retail => &["Retail associate", "Store lead", "Visual merchandiser", "Store manager"],
        JobFamily::Transportation => {
            &["Transportation associate", "Delivery driver", "Dispatcher", "Fleet coordinator"]
        }
    }
}

/// The title people of `family` outside the management tree are hired into.
pub fn entry_title(family: JobFamily) -> &'static str {
    titles_of(family)[0]
}

/// Whether people of `family` work at `site`: as `db::synthetic` hires them, and the
/// technicians of fulfillment centers.
fn works_at(family: JobFamily, site: SiteType) -> bool {
    use JobFamily::*;
    use SiteType::*;
    matches!(
        (site, family),
        (FulfillmentCenter, Fulfillment | Operations | Technical)
            | (TechHub, Technical | Corporate)
            | (CorporateOffice, Corporate | Technical)
            | (RetailStore, Retail)
            | (TransportationNetwork, Transportation)
    )
}

/// Where someone moving into `family` goes when the family does not work at their site.
fn home_site(family: JobFamily) -> SiteType {
    match family {
        JobFamily::Fulfillment | JobFamily::Operations => SiteType::FulfillmentCenter,
        JobFamily::Technical => SiteType::TechHub,
        JobFamily::Corporate => SiteType::CorporateOffice,
        JobFamily::Retail => SiteType::RetailStore,
        JobFamily::Transportation => SiteType::TransportationNetwork,
    }
}

/// A synthetic person as hired: what their first history row says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hire {
    pub employee_id: i32,
    pub hired_on: NaiveDate,
    pub job_title: &'static str,
    pub job_family: JobFamily,
    pub site_type: SiteType,
    pub employment_type: EmploymentType,
    pub manager_id: Option<i32>,
    /// Whether the person keeps this job to this day (see the top of this file).
    pub keeps_job: bool,
}

impl Hire {
    fn job(&self) -> JobState {
        JobState {
            job_title: self.job_title.to_owned(),
            job_family: self.job_family,
            site_type: self.site_type,
            employment_type: self.employment_type,
            manager_id: self.manager_id,
            active: true,
        }
    }
}

/// What a person's synthetic applications tell their history.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    /// Each verified completion: its day and the program.
    completions: Vec<(NaiveDate, i32)>,
    /// An application waits for the manager's decision or for the person's edit.
    waits_on_manager: bool,
}

impl Applied {
    /// Notes one application of the person: its status, completion day and program.
    pub fn note(&mut self, status: ApplicationStatus, completed_on: Option<NaiveDate>, program_id: i32) {
        if status == ApplicationStatus::Completed {
            self.completions.extend(completed_on.map(|day| (day, program_id)));
        }
        self.waits_on_manager |= ApplicationStatus::PENDING_ON_MANAGER.contains(&status);
    }
}

/// A departure, decided before the applications: the day, why (none: nobody said), and
/// the day the person was hired again, if they were by today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Departure {
    left_on: NaiveDate,
    reason: Option<LeavingReason>,
    back_on: Option<NaiveDate>,
}

/// When a person worked here: from their hire, less each departure until they came back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Employment {
    hired_on: NaiveDate,
    departures: Vec<Departure>,
}

impl Employment {
    /// Whether the person worked here every day from `from` to `to`.
    pub fn works_through(&self, from: NaiveDate, to: NaiveDate) -> bool {
        self.hired_on <= from
            && self.departures.iter().all(|away| to < away.left_on || away.back_on.is_some_and(|back| back <= from))
    }

    /// Whether the person has left and not come back by `day`.
    pub fn gone_on(&self, day: NaiveDate) -> bool {
        self.departures.iter().any(|away| away.left_on <= day && away.back_on.is_none_or(|back| back > day))
    }
}

/// When `hire` works here up to `today`: departures at the usual rate over the three
/// years, each with its reason, a tenth of the leavers hired again (and free to leave
/// again after that). The people who keep their job never leave.
pub fn employment_of(rng: &mut StdRng, hire: &Hire, today: NaiveDate) -> Employment {
    let mut departures: Vec<Departure> = Vec::new();
    if !hire.keeps_job {
        for day in days_of(rng, DEPARTURES_A_YEAR, first_day_of_changes(hire, today), today) {
            let away = departures.last().is_some_and(|last| last.back_on.is_none_or(|back| back >= day));
            if away {
                continue;
            }
            let reason = leaving_reason(rng, hire, day);
            let back_on = if rng.random_bool(REHIRED) {
                let (soonest, latest) = MONTHS_AWAY;
                Some(day_between(rng, months_after(day, soonest), months_after(day, latest)))
                    .filter(|back| *back <= today)
            } else {
                None
            };
            departures.push(Departure { left_on: day, reason, back_on });
        }
    }
    Employment { hired_on: hire.hired_on, departures }
}

/// What every person's history is decided against.
struct World<'a> {
    today: NaiveDate,
    /// Who a new manager may be: the managers of the people who may change.
    managers: &'a [i32],
    /// The target roles of each program, by id.
    targets: &'a HashMap<i32, TargetRoles>,
}

impl World<'_> {
    /// Whether completing `program_id` leads to named roles (not just any next step).
    fn leads_to_named_roles(&self, program_id: i32) -> bool {
        self.targets.get(&program_id).is_some_and(|t| !t.job_families.is_empty() || !t.title_keywords.is_empty())
    }
}

/// One row of a synthetic history: the job from `effective_on` on. A row whose job is not
/// active is the person's departure, that day, for `leaving_reason`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    effective_on: NaiveDate,
    job: JobState,
    leaving_reason: Option<LeavingReason>,
}

/// Something that may happen to a person on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Change {
    /// Another role, at the usual rate.
    NewRole,
    /// The move a completion of `program_id` led to: into one of its target roles, or
    /// into another role.
    RoleAfterCompleting {
        program_id: i32,
        into_target: bool,
    },
    NewManagerOrSite,
    /// A departure decided before the applications, which may not stand (see `history_of`).
    Departure(Departure),
}

/// The days from `from` to `to` (both included) on which something that happens to
/// `yearly_share` of people a year happens to one person: the arrivals of a Poisson
/// process, so that most people get none and a few get two.
fn days_of(rng: &mut StdRng, yearly_share: f64, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let per_day = -(1.0 - yearly_share).ln() / 365.25;
    let span = ((to - from).num_days() + 1) as f64;
    let mut days = Vec::new();
    let mut at = 0.0;
    loop {
        let uniform: f64 = rng.random();
        at += -(1.0 - uniform).ln() / per_day;
        if at >= span {
            return days;
        }
        days.push(from.checked_add_days(Days::new(at as u64)).unwrap_or(to));
    }
}

/// A day from `from` to `to`, both included (`from` when `to` is earlier).
fn day_between(rng: &mut StdRng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    let span = (to - from).num_days().max(0);
    from.checked_add_days(Days::new(rng.random_range(0..=span) as u64)).unwrap_or(from)
}

/// One of `items` at random; `None` when there are none.
fn pick_from<T: Clone>(rng: &mut StdRng, items: &[T]) -> Option<T> {
    (!items.is_empty()).then(|| items[rng.random_range(0..items.len())].clone())
}

/// The first day a person's job may change: the day after their hire, or three years
/// before today when that is later.
fn first_day_of_changes(hire: &Hire, today: NaiveDate) -> NaiveDate {
    let three_years_ago = today.checked_sub_months(Months::new(12 * YEARS_OF_CHANGES)).unwrap_or(today);
    hire.hired_on.succ_opt().unwrap_or(hire.hired_on).max(three_years_ago)
}

/// What may happen to a person between the start of the three years (or their hire) and
/// today, in the order it would happen, with the departures of `employment`.
fn changes_of(
    rng: &mut StdRng,
    hire: &Hire,
    employment: &Employment,
    applied: &Applied,
    world: &World,
) -> Vec<(NaiveDate, Change)> {
    let from = first_day_of_changes(hire, world.today);
    let mut changes: Vec<(NaiveDate, Change)> =
        employment.departures.iter().map(|away| (away.left_on, Change::Departure(*away))).collect();
    for (share, change) in
        [(ROLE_MOVES_A_YEAR, Change::NewRole), (MANAGER_OR_SITE_CHANGES_A_YEAR, Change::NewManagerOrSite)]
    {
        changes.extend(days_of(rng, share, from, world.today).into_iter().map(|day| (day, change)));
    }
    for (completed_on, program_id) in &applied.completions {
        let roll: f64 = rng.random();
        let into_target = if world.leads_to_named_roles(*program_id) {
            match roll {
                r if r < INTO_TARGET_ROLE => Some(true),
                r if r < INTO_TARGET_ROLE + INTO_OTHER_ROLE => Some(false),
                _ => None,
            }
        } else {
            (roll < INTO_NEXT_ROLE).then_some(true)
        };
        if let Some(into_target) = into_target {
            let (soonest, latest) = MONTHS_TO_MOVE;
            let day = day_between(rng, months_after(*completed_on, soonest), months_after(*completed_on, latest));
            if day >= from && day <= world.today {
                changes.push((day, Change::RoleAfterCompleting { program_id: *program_id, into_target }));
            }
        }
    }
    changes.sort_by_key(|(day, _)| *day);
    changes
}

/// Whether two roles are the same, as `domain::outcomes` compares them.
fn same_role(job: &JobState, family: JobFamily, title: &str) -> bool {
    job.job_family == family && job.job_title.trim().eq_ignore_ascii_case(title.trim())
}

/// Another role than `job`'s: usually another title of the same family, now and then a
/// title of another family that works at the same kind of site.
fn any_new_role(rng: &mut StdRng, job: &JobState) -> (JobFamily, String) {
    let other_families: Vec<JobFamily> =
        JobFamily::ALL.iter().copied().filter(|f| *f != job.job_family && works_at(*f, job.site_type)).collect();
    let family = match pick_from(rng, &other_families) {
        Some(other) if rng.random_bool(INTO_ANOTHER_FAMILY) => other,
        _ => job.job_family,
    };
    let titles: Vec<&str> = titles_of(family).iter().copied().filter(|t| !same_role(job, family, t)).collect();
    (family, pick_from(rng, &titles).unwrap_or(entry_title(family)).to_owned())
}

/// A role among `targets` other than `job`'s: a synthetic title that matches, or, for a
/// program whose keywords no synthetic title has, a title made of one of them.
fn target_role(rng: &mut StdRng, job: &JobState, targets: &TargetRoles) -> (JobFamily, String) {
    if targets.job_families.is_empty() && targets.title_keywords.is_empty() {
        return any_new_role(rng, job);
    }
    let matching: Vec<(JobFamily, &str)> = JobFamily::ALL
        .iter()
        .flat_map(|family| titles_of(*family).iter().map(move |title| (*family, *title)))
        .filter(|(family, title)| targets.includes(*family, title) && !same_role(job, *family, title))
        .collect();
    if let Some((family, title)) = pick_from(rng, &matching) {
        return (family, title.to_owned());
    }
    let family = pick_from(rng, &targets.job_families).unwrap_or(job.job_family);
    let title = match pick_from(rng, &targets.title_keywords) {
        Some(keyword) => {
            let mut letters = keyword.chars();
            let first: String = letters.next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
            format!("{first}{} specialist", letters.as_str())
        }
        None => entry_title(family).to_owned(),
    };
    (family, title)
}

/// A new role outside `targets` (a few draws; the last one stands when all fall inside).
fn role_outside(rng: &mut StdRng, job: &JobState, targets: &TargetRoles) -> (JobFamily, String) {
    let mut role = any_new_role(rng, job);
    for _ in 0..8 {
        if !targets.includes(role.0, &role.1) {
            break;
        }
        role = any_new_role(rng, job);
    }
    role
}

/// `job` in the role `(family, title)`, at the family's usual site when it does not work
/// at the current one.
fn moved(job: &JobState, (family, title): (JobFamily, String)) -> JobState {
    let site_type = if works_at(family, job.site_type) { job.site_type } else { home_site(family) };
    JobState { job_title: title, job_family: family, site_type, ..job.clone() }
}

/// `job` with a new manager or at another kind of site, and nothing else; `None` when
/// neither can change (one kind of site for the family, and the manager must stay).
fn new_manager_or_site(
    rng: &mut StdRng,
    job: &JobState,
    manager_may_change: bool,
    managers: &[i32],
) -> Option<JobState> {
    let other_sites: Vec<SiteType> =
        SiteType::ALL.iter().copied().filter(|s| *s != job.site_type && works_at(job.job_family, *s)).collect();
    let wants_manager = rng.random_bool(0.5) || other_sites.is_empty();
    let other_managers = managers.len() > 1;
    if wants_manager && manager_may_change && other_managers {
        let index = rng.random_range(0..managers.len());
        let mut manager = managers[index];
        if Some(manager) == job.manager_id {
            manager = managers[(index + 1) % managers.len()];
        }
        return Some(JobState { manager_id: Some(manager), ..job.clone() });
    }
    pick_from(rng, &other_sites).map(|site_type| JobState { site_type, ..job.clone() })
}

/// Why `hire` leaves on `day`, drawn from the reasons' shares.
fn leaving_reason(rng: &mut StdRng, hire: &Hire, day: NaiveDate) -> Option<LeavingReason> {
    let mut roll: f64 = rng.random();
    let mut reason = None;
    for (candidate, share) in LEAVING_REASONS {
        if roll < share {
            reason = candidate;
            break;
        }
        roll -= share;
    }
    let long_serving = months_after(hire.hired_on, 12 * YEARS_BEFORE_RETIRING) <= day;
    if reason == Some(LeavingReason::Retirement) && !long_serving {
        reason = Some(LeavingReason::Voluntary);
    }
    reason
}

/// Of the departures drawn at the usual rate, the share that stands after completing a
/// program with target roles (their participants leave at the lower rate).
fn departures_kept_after_completing() -> f64 {
    (1.0 - DEPARTURES_A_YEAR_AFTER_COMPLETING).ln() / (1.0 - DEPARTURES_A_YEAR).ln()
}

/// A person's history, oldest first: the row of their hire, then each change, none after
/// `world.today`, each on a later day than the one before. A departure of `employment`
/// after completing a program with target roles stands only at the lower rate of its
/// participants (the applications, made before, did not count on it: the person just
/// stays); a departure that does not stand takes its rehire with it.
fn history_of(rng: &mut StdRng, hire: &Hire, employment: &Employment, applied: &Applied, world: &World) -> Vec<Entry> {
    let mut entries = vec![Entry { effective_on: hire.hired_on, job: hire.job(), leaving_reason: None }];
    if hire.keeps_job {
        return entries;
    }
    let first_completion_with_targets = applied
        .completions
        .iter()
        .filter(|(_, program_id)| world.leads_to_named_roles(*program_id))
        .map(|(day, _)| *day)
        .min();
    let moving_after_completing = |day: NaiveDate| {
        let (_, latest) = MONTHS_TO_MOVE;
        applied
            .completions
            .iter()
            .any(|(completed_on, _)| *completed_on <= day && day <= months_after(*completed_on, latest))
    };
    let no_targets = TargetRoles::default();
    let mut rehired_on: Option<NaiveDate> = None;
    for (day, change) in changes_of(rng, hire, employment, applied, world) {
        rehire_when_due(&mut entries, &mut rehired_on, day);
        let Some(last) = entries.last() else { break };
        if day <= last.effective_on || !last.job.active {
            continue;
        }
        let next = match change {
            // The completion's own draw stands for the usual moves in the months after it.
            Change::NewRole if moving_after_completing(day) => None,
            Change::NewRole => Some(moved(&last.job, any_new_role(rng, &last.job))),
            Change::RoleAfterCompleting { program_id, into_target } => {
                let targets = world.targets.get(&program_id).unwrap_or(&no_targets);
                let role = if into_target {
                    target_role(rng, &last.job, targets)
                } else {
                    role_outside(rng, &last.job, targets)
                };
                Some(moved(&last.job, role))
            }
            Change::NewManagerOrSite => new_manager_or_site(rng, &last.job, !applied.waits_on_manager, world.managers),
            Change::Departure(away) => {
                let stays = first_completion_with_targets.is_some_and(|completed_on| completed_on < day)
                    && !rng.random_bool(departures_kept_after_completing());
                if !stays {
                    let job = JobState { active: false, ..last.job.clone() };
                    entries.push(Entry { effective_on: day, job, leaving_reason: away.reason });
                    rehired_on = away.back_on;
                }
                continue;
            }
        };
        let changed = next.filter(|job| *job != last.job);
        if let Some(job) = changed {
            entries.push(Entry { effective_on: day, job, leaving_reason: None });
        }
    }
    rehire_when_due(&mut entries, &mut rehired_on, world.today);
    entries
}

/// Adds the row of a leaver hired again, in the job they left, when that day has come by `day`.
fn rehire_when_due(entries: &mut Vec<Entry>, rehired_on: &mut Option<NaiveDate>, day: NaiveDate) {
    let Some(back) = rehired_on.filter(|back| *back <= day) else { return };
    *rehired_on = None;
    if let Some(left) = entries.last().filter(|last| !last.job.active) {
        let job = JobState { active: true, ..left.job.clone() };
        entries.push(Entry { effective_on: back, job, leaving_reason: None });
    }
}

/// The row of `entry`, as the HR import would have recorded it.
fn imported(employee_id: i32, entry: Entry, recorded_at: NaiveDateTime) -> NewHistoryRow {
    let Entry { effective_on, job, leaving_reason } = entry;
    NewHistoryRow {
        employee_id,
        effective_on,
        left_on: (!job.active).then_some(effective_on),
        job_title: job.job_title,
        job_family: job.job_family,
        site_type: job.site_type,
        employment_type: job.employment_type,
        manager_id: job.manager_id,
        active: job.active,
        source: HistorySource::Import,
        leaving_reason,
        recorded_at,
        recorded_by: None,
    }
}

/// Sets the job of every person with ids `first..=last` who has a change after their hire
/// from their last history row (in one statement that reads the history's index).
fn align_employees(conn: &mut DbConnection, first: i32, last: i32) -> QueryResult<usize> {
    diesel::sql_query(format!(
        "UPDATE employees SET (job_title, job_family, site_type, employment_type, manager_id, active) = \
         (SELECT h.job_title, h.job_family, h.site_type, h.employment_type, h.manager_id, h.active \
          FROM employee_history h WHERE h.employee_id = employees.id \
          ORDER BY h.effective_on DESC, h.id DESC LIMIT 1) \
         WHERE employees.id BETWEEN {first} AND {last} AND EXISTS (SELECT 1 FROM employee_history later \
          WHERE later.employee_id = employees.id AND later.effective_on > employees.hire_date)"
    ))
    .execute(conn)
}

/// The synthetic people as [`write`] needs them, each list in the order of `hires`.
#[derive(Debug, Clone, Copy)]
pub struct People<'a> {
    pub hires: &'a [Hire],
    /// When each one works here ([`employment_of`]).
    pub employment: &'a [Employment],
    /// What each one's applications say.
    pub applied: &'a [Applied],
}

/// Writes the history of every one of `people`, decided from `rng`, and brings their
/// `employees` rows in line with it, in one transaction; returns how many rows were
/// written. `targets` has the target roles of each program by id.
pub fn write(
    conn: &mut DbConnection,
    today: NaiveDate,
    people: People,
    targets: &HashMap<i32, TargetRoles>,
    rng: &mut StdRng,
    progress: &mut dyn FnMut(&str, u64, u64),
) -> QueryResult<usize> {
    let People { hires, employment, applied } = people;
    let mut managers: Vec<i32> = hires.iter().filter(|h| !h.keeps_job).filter_map(|h| h.manager_id).collect();
    managers.sort_unstable();
    managers.dedup();
    let world = World { today, managers: &managers, targets };
    let recorded_at = crate::clock::now();
    let total = hires.len() as u64;
    let nothing_applied = Applied::default();
    progress("history", 0, total);
    write_transaction(conn, |conn| {
        let mut rows = Vec::with_capacity(ROWS_PER_INSERT + 16);
        let mut written = 0;
        for ((done, hire), employment) in hires.iter().enumerate().zip(employment) {
            let own = applied.get(done).unwrap_or(&nothing_applied);
            let history = history_of(rng, hire, employment, own, &world);
            rows.extend(history.into_iter().map(|entry| imported(hire.employee_id, entry, recorded_at)));
            if rows.len() >= ROWS_PER_INSERT {
                written += insert_rows(conn, &rows)?;
                rows.clear();
                progress("history", done as u64 + 1, total);
            }
        }
        if !rows.is_empty() {
            written += insert_rows(conn, &rows)?;
        }
        let ids = hires.iter().map(|h| h.employee_id);
        if let (Some(first), Some(last)) = (ids.clone().min(), ids.max()) {
            align_employees(conn, first, last)?;
        }
        progress("history", total, total);
        Ok(written)
    })
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;

    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    const TODAY: (i32, u32, u32) = (2026, 6, 30);

    fn today() -> NaiveDate {
        day(TODAY.0, TODAY.1, TODAY.2)
    }

    fn hire(employee_id: i32, hired_on: NaiveDate) -> Hire {
        Hire {
            employee_id,
            hired_on,
            job_title: entry_title(JobFamily::Fulfillment),
            job_family: JobFamily::Fulfillment,
            site_type: SiteType::FulfillmentCenter,
            employment_type: EmploymentType::FullTime,
            manager_id: Some(1),
            keeps_job: false,
        }
    }

    /// The seed programs' targets: 10 leads to technical roles whose title says
    /// engineer; 20 to any new role.
    fn targets() -> HashMap<i32, TargetRoles> {
        HashMap::from([
            (10, TargetRoles { job_families: vec![JobFamily::Technical], title_keywords: vec!["engineer".to_owned()] }),
            (20, TargetRoles::default()),
        ])
    }

    /// The histories of `people` people hired ten years ago, with `applied`: of those who
    /// worked here on each completion day of `applied`, as the applications pick them.
    fn histories(people: i32, applied: &Applied) -> Vec<Vec<Entry>> {
        let targets = targets();
        let managers = [1, 2, 3];
        let world = World { today: today(), managers: &managers, targets: &targets };
        let mut rng = StdRng::seed_from_u64(7);
        let mut histories = Vec::new();
        for id in 0..people {
            let hire = hire(id, day(2016, 1, 4));
            let employment = employment_of(&mut rng, &hire, today());
            let worked = |on: NaiveDate| employment.works_through(on.checked_sub_days(Days::new(30)).unwrap(), on);
            if applied.completions.iter().all(|(on, _)| worked(*on)) {
                histories.push(history_of(&mut rng, &hire, &employment, applied, &world));
            }
        }
        histories
    }

    /// The share of `histories` with a row for which `changed(before, row)` holds.
    fn share(histories: &[Vec<Entry>], changed: impl Fn(&Entry, &Entry) -> bool) -> f64 {
        let with = histories.iter().filter(|rows| rows.windows(2).any(|pair| changed(&pair[0], &pair[1]))).count();
        with as f64 / histories.len() as f64
    }

    fn moved_role(before: &Entry, after: &Entry) -> bool {
        after.job.active && before.job.active && !same_role(&before.job, after.job.job_family, &after.job.job_title)
    }

    #[test]
    fn every_history_starts_on_the_hire_date_and_goes_forward_to_today_at_most() {
        for rows in histories(5_000, &Applied::default()) {
            assert_eq!(rows[0].effective_on, day(2016, 1, 4));
            assert!(rows[0].job.active && rows[0].leaving_reason.is_none());
            for pair in rows.windows(2) {
                assert!(pair[0].effective_on < pair[1].effective_on, "{rows:?}");
                assert_ne!(pair[0].job, pair[1].job, "a row changes something: {rows:?}");
                assert!(pair[0].job.active || pair[1].job.active, "a leaver comes back before anything else");
                assert!(works_at(pair[1].job.job_family, pair[1].job.site_type), "{:?}", pair[1]);
                assert!(titles_of(pair[1].job.job_family).contains(&pair[1].job.job_title.as_str()), "{:?}", pair[1]);
            }
            let three_years_ago = today().checked_sub_months(Months::new(36)).unwrap();
            assert!(rows[1..].iter().all(|row| row.effective_on >= three_years_ago && row.effective_on <= today()));
        }
    }

    #[test]
    fn people_move_change_manager_or_site_and_leave_at_the_usual_rates() {
        let histories = histories(20_000, &Applied::default());
        // Over three years, less the moves of those who left first.
        let moved = share(&histories, moved_role);
        assert!((0.16..0.22).contains(&moved), "moved: {moved}");
        let left = share(&histories, |before, after| before.job.active && !after.job.active);
        assert!((0.29..0.35).contains(&left), "left: {left}");
        let manager_or_site = share(&histories, |before, after| {
            after.job.active
                && before.job.active
                && same_role(&before.job, after.job.job_family, &after.job.job_title)
                && after.job != before.job
        });
        assert!((0.025..0.06).contains(&manager_or_site), "new manager or site only: {manager_or_site}");
        let rehired = share(&histories, |before, after| !before.job.active && after.job.active);
        assert!((0.015..0.04).contains(&rehired), "rehired: {rehired}");
        let departures: Vec<&Entry> = histories.iter().flatten().filter(|row| !row.job.active).collect();
        let voluntary = departures.iter().filter(|row| row.leaving_reason == Some(LeavingReason::Voluntary)).count();
        let unsaid = departures.iter().filter(|row| row.leaving_reason.is_none()).count();
        let voluntary = voluntary as f64 / departures.len() as f64;
        let unsaid = unsaid as f64 / departures.len() as f64;
        assert!((0.66..0.78).contains(&voluntary) && (0.04..0.10).contains(&unsaid), "{voluntary} {unsaid}");
        for reason in LeavingReason::ALL {
            assert!(departures.iter().any(|row| row.leaving_reason == Some(*reason)), "{reason:?}");
        }
    }

    #[test]
    fn completing_a_program_with_target_roles_leads_a_third_into_one() {
        let completed_on = day(2024, 6, 1);
        let mut applied = Applied::default();
        applied.note(ApplicationStatus::Completed, Some(completed_on), 10);
        let targets = targets();
        let histories = histories(10_000, &applied);
        let at_18_months = months_after(completed_on, 18);
        let (mut into_target, mut into_other, mut left) = (0, 0, 0);
        for rows in &histories {
            let before = rows.iter().rev().find(|row| row.effective_on < completed_on).unwrap();
            assert!(before.job.active, "nobody leaves before completing");
            let then = rows.iter().rev().find(|row| row.effective_on <= at_18_months).unwrap();
            if !then.job.active {
                left += 1;
            } else if !same_role(&before.job, then.job.job_family, &then.job.job_title) {
                if targets[&10].includes(then.job.job_family, &then.job.job_title) {
                    into_target += 1;
                } else {
                    into_other += 1;
                }
            }
        }
        let share_of = |n: i32| f64::from(n) / histories.len() as f64;
        assert!((0.30..0.37).contains(&share_of(into_target)), "into a target role: {}", share_of(into_target));
        assert!((0.05..0.11).contains(&share_of(into_other)), "into another role: {}", share_of(into_other));
        assert!((0.06..0.13).contains(&share_of(left)), "left: {}", share_of(left));
    }

    #[test]
    fn a_program_without_target_roles_leads_to_more_moves_than_none() {
        let completed_on = day(2024, 6, 1);
        let mut applied = Applied::default();
        applied.note(ApplicationStatus::Completed, Some(completed_on), 20);
        let moved_after = |histories: &[Vec<Entry>]| {
            share(histories, |before, after| moved_role(before, after) && after.effective_on >= completed_on)
        };
        let with = moved_after(&histories(10_000, &applied));
        let without = moved_after(&histories(10_000, &Applied::default()));
        assert!(with > without + 0.02, "{with} against {without}");
    }

    #[test]
    fn the_managers_stay_and_a_pending_application_keeps_the_manager() {
        let targets = targets();
        let managers = [1, 2, 3];
        let world = World { today: today(), managers: &managers, targets: &targets };
        let mut rng = StdRng::seed_from_u64(11);
        let manager = Hire { keeps_job: true, ..hire(1, day(2010, 1, 1)) };
        let employment = employment_of(&mut rng, &manager, today());
        assert!(employment.departures.is_empty());
        assert_eq!(history_of(&mut rng, &manager, &employment, &Applied::default(), &world).len(), 1);
        let mut waiting = Applied::default();
        waiting.note(ApplicationStatus::Submitted, None, 10);
        for id in 0..5_000 {
            let hire = hire(id, day(2010, 1, 1));
            let employment = employment_of(&mut rng, &hire, today());
            let rows = history_of(&mut rng, &hire, &employment, &waiting, &world);
            assert!(rows.iter().all(|row| row.job.manager_id == Some(1)), "{rows:?}");
        }
    }

    #[test]
    fn nobody_works_before_their_hire_or_while_away() {
        let away = Departure { left_on: day(2025, 3, 1), reason: None, back_on: Some(day(2025, 9, 1)) };
        let gone = Departure { left_on: day(2026, 2, 1), reason: None, back_on: None };
        let employment = Employment { hired_on: day(2020, 1, 1), departures: vec![away, gone] };
        assert!(!employment.works_through(day(2019, 12, 31), day(2020, 1, 5)), "before the hire");
        assert!(employment.works_through(day(2020, 1, 1), day(2025, 2, 28)));
        assert!(!employment.works_through(day(2025, 2, 20), day(2025, 3, 1)), "the day they left");
        assert!(!employment.works_through(day(2025, 6, 1), day(2025, 6, 1)), "away");
        assert!(employment.works_through(day(2025, 9, 1), day(2026, 1, 31)), "back");
        assert!(!employment.works_through(day(2026, 3, 1), day(2026, 3, 1)), "gone");
        assert!(!employment.gone_on(day(2025, 2, 28)) && employment.gone_on(day(2025, 3, 1)));
        assert!(!employment.gone_on(day(2025, 9, 1)) && employment.gone_on(day(2026, 6, 1)));
    }

    #[test]
    fn target_roles_match_the_program_and_other_roles_do_not() {
        let mut rng = StdRng::seed_from_u64(3);
        let job = hire(1, day(2020, 1, 1)).job();
        let targets = targets();
        let engineers = &targets[&10];
        for _ in 0..200 {
            let (family, title) = target_role(&mut rng, &job, engineers);
            assert!(engineers.includes(family, &title), "{family:?} {title}");
            let (family, title) = role_outside(&mut rng, &job, engineers);
            assert!(!engineers.includes(family, &title) && !same_role(&job, family, &title), "{family:?} {title}");
        }
        let unknown = TargetRoles { job_families: vec![], title_keywords: vec!["quantum".to_owned()] };
        assert_eq!(target_role(&mut rng, &job, &unknown), (JobFamily::Fulfillment, "Quantum specialist".to_owned()));
        let moved_in = moved(&job, (JobFamily::Retail, "Store lead".to_owned()));
        assert_eq!(moved_in.site_type, SiteType::RetailStore, "a family moves to where it works");
    }

    #[test]
    fn the_entry_titles_are_what_the_synthetic_organisation_hires_into() {
        for family in JobFamily::ALL {
            assert_eq!(entry_title(*family), format!("{} associate", family.label()));
            assert!(SiteType::ALL.iter().any(|site| works_at(*family, *site) && home_site(*family) == *site));
        }
    }
}
