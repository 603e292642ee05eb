//! The eligibility headcount the program form previews: how many active employees a
//! program's rules make eligible today and in 90 days, by site type and job family,
//! before anything is saved.
//!
//! A person counts on a day exactly when [`check_eligibility`](super::check_eligibility)
//! answers `Eligible` for them on that day, with the rules taken as if the program were
//! published: the preview shows whom a rule reaches, not whether the program is open yet.
//! [`HeadcountConditions`] is that verdict written as the conditions of one SQL count
//! (`db::headcount`): the lists as they are, the tenure as the last hire date that has it
//! by each day, and the application window as a day on which nobody counts. The "in 90
//! days" count is today's people with the tenure they will have then.

use std::ops::AddAssign;

use chrono::{Days, NaiveDate};

use super::words::long_date;
use super::{EmploymentType, JobFamily, ProgramRules, SiteType};

/// How many days after today the preview's second count is for.
pub const HORIZON_DAYS: u64 = 90;

/// The two days a preview counts for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PreviewDays {
    pub today: NaiveDate,
    /// [`HORIZON_DAYS`] after today.
    pub later: NaiveDate,
}

impl PreviewDays {
    pub fn starting(today: NaiveDate) -> PreviewDays {
        let later = today.checked_add_days(Days::new(HORIZON_DAYS)).unwrap_or(NaiveDate::MAX);
        PreviewDays { today, later }
    }
}

/// Whom the database counts for one rule: active people of these job families, site types
/// and employment types (an empty list: all of them) hired on or before a day's last hire
/// date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadcountConditions {
    pub job_families: Vec<JobFamily>,
    pub site_types: Vec<SiteType>,
    pub employment_types: Vec<EmploymentType>,
    /// The last hire date with the tenure the rule asks for today; `None` when nobody is
    /// eligible today whatever their tenure (the application window is shut).
    pub hired_by_today: Option<NaiveDate>,
    /// The same, [`HORIZON_DAYS`] on.
    pub hired_by_later: Option<NaiveDate>,
}

impl HeadcountConditions {
    /// The conditions under which `check_eligibility` finds someone eligible on each of
    /// `days` (the program's status aside).
    pub fn of(rules: &ProgramRules, days: PreviewDays) -> HeadcountConditions {
        let employment_types = if rules.full_time_only {
            EmploymentType::ALL.iter().copied().filter(|t| *t != EmploymentType::PartTime).collect()
        } else {
            Vec::new()
        };
        HeadcountConditions {
            job_families: sorted(&rules.allowed_job_families),
            site_types: sorted(&rules.allowed_site_types),
            employment_types,
            hired_by_today: last_hire_date(rules, days.today),
            hired_by_later: last_hire_date(rules, days.later),
        }
    }

    /// Nobody can count on either day: there is nothing to ask the database.
    pub fn counts_nobody(&self) -> bool {
        self.hired_by_today.is_none() && self.hired_by_later.is_none()
    }
}

/// A list without repeats, in a fixed order (two rules that differ only in the order of
/// their ticks are the same conditions).
fn sorted<T: Copy + Ord>(values: &[T]) -> Vec<T> {
    let mut values = values.to_vec();
    values.sort_unstable();
    values.dedup();
    values
}

/// Whether the application window lets anyone in on `day`.
fn window_open(rules: &ProgramRules, day: NaiveDate) -> bool {
    rules.opens_on.is_none_or(|opens| opens <= day) && rules.closes_on.is_none_or(|closes| day <= closes)
}

/// The last hire date of someone with the rule's tenure on `day` (`check_eligibility`
/// reaches the tenure on the hire date plus the days asked for), or `None` when the
/// window is shut that day.
fn last_hire_date(rules: &ProgramRules, day: NaiveDate) -> Option<NaiveDate> {
    if !window_open(rules, day) {
        return None;
    }
    let tenure = u64::try_from(rules.min_tenure_days.max(0)).unwrap_or(0);
    day.checked_sub_days(Days::new(tenure))
}

/// Why a rule counts nobody on a day of the preview, as a sentence about `subject` ("The
/// rule as edited"): its application window. `None` when the window is open on both days.
pub fn window_note(subject: &str, rules: &ProgramRules, days: PreviewDays) -> Option<String> {
    let when = match (window_open(rules, days.today), window_open(rules, days.later)) {
        (true, true) => return None,
        (false, false) => "today or in 90 days",
        (false, true) => "today",
        (true, false) => "in 90 days",
    };
    let mut reasons = Vec::new();
    if let Some(opens) = rules.opens_on.filter(|opens| days.today < *opens) {
        reasons.push(format!("open on {}", long_date(opens)));
    }
    if let Some(closes) = rules.closes_on.filter(|closes| *closes < days.later) {
        let tense = if closes < days.today { "closed" } else { "close" };
        reasons.push(format!("{tense} on {}", long_date(closes)));
    }
    Some(format!("{subject} counts nobody {when}: applications {}.", reasons.join(" and ")))
}

/// People eligible today and [`HORIZON_DAYS`] on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayCounts {
    pub today: i64,
    pub later: i64,
}

impl AddAssign for DayCounts {
    fn add_assign(&mut self, other: DayCounts) {
        self.today += other.today;
        self.later += other.later;
    }
}

/// What the database counted for one site type and job family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeadcountCell {
    pub site_type: SiteType,
    pub job_family: JobFamily,
    pub counts: DayCounts,
}

/// One rule's count as the page shows it: by site type, by job family (every value, in
/// display order, zeros included) and in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Headcount {
    pub by_site_type: Vec<(SiteType, DayCounts)>,
    pub by_job_family: Vec<(JobFamily, DayCounts)>,
    pub total: DayCounts,
}

impl Headcount {
    pub fn from_cells(cells: &[HeadcountCell]) -> Headcount {
        let sum = |keep: &dyn Fn(&HeadcountCell) -> bool| {
            let mut total = DayCounts::default();
            for cell in cells.iter().filter(|c| keep(c)) {
                total += cell.counts;
            }
            total
        };
        Headcount {
            by_site_type: SiteType::ALL.iter().map(|s| (*s, sum(&|c| c.site_type == *s))).collect(),
            by_job_family: JobFamily::ALL.iter().map(|f| (*f, sum(&|c| c.job_family == *f))).collect(),
            total: sum(&|_| true),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{check_eligibility, Cents, EmployeeProfile, ProgramStatus, TuitionFunding};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn days() -> PreviewDays {
        PreviewDays::starting(date(2026, 12, 3))
    }

    fn open_rules() -> ProgramRules {
        ProgramRules {
            status: ProgramStatus::Published,
            min_tenure_days: 0,
            allowed_job_families: vec![],
            allowed_site_types: vec![],
            full_time_only: false,
            opens_on: None,
            closes_on: None,
            funding: TuitionFunding { percent: 0, cap_full_time: Cents(0), cap_part_time: Cents(0) },
        }
    }

    /// Whether the conditions count `person` on each day, as the SQL reads them.
    fn counted(conditions: &HeadcountConditions, person: &EmployeeProfile) -> (bool, bool) {
        let listed = |list: &[JobFamily]| list.is_empty() || list.contains(&person.job_family);
        let sited = conditions.site_types.is_empty() || conditions.site_types.contains(&person.site_type);
        let employed =
            conditions.employment_types.is_empty() || conditions.employment_types.contains(&person.employment_type);
        let matches = listed(&conditions.job_families) && sited && employed;
        let hired_by = |last: Option<NaiveDate>| last.is_some_and(|last| person.hire_date <= last);
        (matches && hired_by(conditions.hired_by_today), matches && hired_by(conditions.hired_by_later))
    }

    #[test]
    fn the_later_day_is_ninety_days_on() {
        assert_eq!(days().later, date(2027, 3, 3));
    }

    #[test]
    fn the_conditions_count_exactly_whom_check_eligibility_finds_eligible() {
        let today = days().today;
        let around = |offset: i64| today.checked_add_signed(chrono::TimeDelta::days(offset)).unwrap();
        let mut rules_tried = vec![open_rules()];
        for min_tenure_days in [0, 1, 90, 365] {
            for (families, sites) in [
                (vec![], vec![]),
                (vec![JobFamily::Technical, JobFamily::Corporate], vec![]),
                (vec![JobFamily::Fulfillment], vec![SiteType::FulfillmentCenter, SiteType::RetailStore]),
            ] {
                for full_time_only in [false, true] {
                    for (opens_on, closes_on) in [
                        (None, None),
                        (Some(around(30)), None),
                        (Some(around(120)), None),
                        (None, Some(around(-1))),
                        (None, Some(around(0))),
                        (None, Some(around(45))),
                        (Some(around(-10)), Some(around(90))),
                        (Some(around(10)), Some(around(20))),
                    ] {
                        rules_tried.push(ProgramRules {
                            status: ProgramStatus::Draft,
                            min_tenure_days,
                            allowed_job_families: families.clone(),
                            allowed_site_types: sites.clone(),
                            full_time_only,
                            opens_on,
                            closes_on,
                            ..open_rules()
                        });
                    }
                }
            }
        }
        let mut people = Vec::new();
        for site_type in SiteType::ALL {
            for job_family in [JobFamily::Fulfillment, JobFamily::Technical, JobFamily::Retail] {
                for employment_type in EmploymentType::ALL {
                    for hired_days_ago in [-5, 0, 1, 60, 89, 90, 91, 300, 364, 365, 366, 500] {
                        people.push(EmployeeProfile {
                            job_family,
                            site_type: *site_type,
                            employment_type: *employment_type,
                            hire_date: around(-hired_days_ago),
                        });
                    }
                }
            }
        }
        for rules in &rules_tried {
            let conditions = HeadcountConditions::of(rules, days());
            let published = ProgramRules { status: ProgramStatus::Published, ..rules.clone() };
            for person in &people {
                let expected = (
                    check_eligibility(person, &published, days().today).is_eligible(),
                    check_eligibility(person, &published, days().later).is_eligible(),
                );
                assert_eq!(counted(&conditions, person), expected, "{rules:?}\n{person:?}");
            }
        }
    }

    #[test]
    fn a_full_time_rule_counts_the_full_timers_and_an_open_one_everyone() {
        let full_time = HeadcountConditions::of(&ProgramRules { full_time_only: true, ..open_rules() }, days());
        assert_eq!(full_time.employment_types, [EmploymentType::FullTime]);
        assert!(HeadcountConditions::of(&open_rules(), days()).employment_types.is_empty());
    }

    #[test]
    fn ticks_in_another_order_or_twice_are_the_same_conditions() {
        let one = ProgramRules { allowed_job_families: vec![JobFamily::Retail, JobFamily::Technical], ..open_rules() };
        let other = ProgramRules {
            allowed_job_families: vec![JobFamily::Technical, JobFamily::Retail, JobFamily::Technical],
            ..open_rules()
        };
        assert_eq!(HeadcountConditions::of(&one, days()), HeadcountConditions::of(&other, days()));
    }

    #[test]
    fn a_shut_window_counts_nobody_and_says_why() {
        let closed = ProgramRules { closes_on: Some(date(2026, 11, 30)), ..open_rules() };
        assert!(HeadcountConditions::of(&closed, days()).counts_nobody());
        assert_eq!(
            window_note("The saved rule", &closed, days()).unwrap(),
            "The saved rule counts nobody today or in 90 days: applications closed on 30 November 2026."
        );
        let opening = ProgramRules { opens_on: Some(date(2027, 1, 15)), ..open_rules() };
        let conditions = HeadcountConditions::of(&opening, days());
        assert_eq!((conditions.hired_by_today, conditions.hired_by_later), (None, Some(days().later)));
        assert_eq!(
            window_note("The rule as edited", &opening, days()).unwrap(),
            "The rule as edited counts nobody today: applications open on 15 January 2027."
        );
        let closing = ProgramRules { closes_on: Some(date(2027, 2, 1)), ..open_rules() };
        assert_eq!(
            window_note("The rule as edited", &closing, days()).unwrap(),
            "The rule as edited counts nobody in 90 days: applications close on 1 February 2027."
        );
        let short =
            ProgramRules { opens_on: Some(date(2026, 12, 10)), closes_on: Some(date(2026, 12, 20)), ..open_rules() };
        assert_eq!(
            window_note("The rule as edited", &short, days()).unwrap(),
            "The rule as edited counts nobody today or in 90 days: applications open on 10 December 2026 and close \
             on 20 December 2026."
        );
        assert_eq!(window_note("The rule as edited", &open_rules(), days()), None);
    }

    #[test]
    fn the_cells_add_up_by_site_type_by_job_family_and_in_all() {
        let cell = |site_type, job_family, today, later| HeadcountCell {
            site_type,
            job_family,
            counts: DayCounts { today, later },
        };
        let headcount = Headcount::from_cells(&[
            cell(SiteType::TechHub, JobFamily::Technical, 10, 12),
            cell(SiteType::TechHub, JobFamily::Corporate, 3, 3),
            cell(SiteType::CorporateOffice, JobFamily::Technical, 5, 6),
        ]);
        assert_eq!(headcount.total, DayCounts { today: 18, later: 21 });
        assert_eq!(headcount.by_site_type.len(), SiteType::ALL.len());
        let tech_hub = headcount.by_site_type.iter().find(|(s, _)| *s == SiteType::TechHub).unwrap();
        assert_eq!(tech_hub.1, DayCounts { today: 13, later: 15 });
        let technical = headcount.by_job_family.iter().find(|(f, _)| *f == JobFamily::Technical).unwrap();
        assert_eq!(technical.1, DayCounts { today: 15, later: 18 });
        let retail = headcount.by_job_family.iter().find(|(f, _)| *f == JobFamily::Retail).unwrap();
        assert_eq!(retail.1, DayCounts::default());
    }
}
