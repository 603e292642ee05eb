//! Who may apply to a program, and from when: a pure function of the employee, the
//! program's rules and today's date.

use chrono::{Days, NaiveDate};

use super::enums::{StoredName, SITE_AT};
use super::message::Message;
use super::{EmployeeProfile, EmploymentType, JobFamily, ProgramRules, ProgramStatus};

/// The verdict shown on every catalog card and re-checked when someone applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Eligibility {
    Eligible,
    /// Eligible once this date comes (tenure reached, or the application window opens).
    EligibleFrom(NaiveDate),
    /// Not eligible, with every reason (worded for the reader by the web layer).
    Ineligible(Vec<Message>),
}

impl Eligibility {
    /// The stable name used in `data-eligibility` and in filters.
    pub fn code(&self) -> &'static str {
        match self {
            Eligibility::Eligible => "eligible",
            Eligibility::EligibleFrom(_) => "eligible_from",
            Eligibility::Ineligible(_) => "ineligible",
        }
    }

    pub fn is_eligible(&self) -> bool {
        matches!(self, Eligibility::Eligible)
    }

    /// The reasons for an `Ineligible` verdict (empty otherwise).
    pub fn reasons(&self) -> &[Message] {
        match self {
            Eligibility::Ineligible(reasons) => reasons,
            _ => &[],
        }
    }
}

/// Decides whether `employee` may apply to a program with `rules` on `today`.
pub fn check_eligibility(employee: &EmployeeProfile, rules: &ProgramRules, today: NaiveDate) -> Eligibility {
    let mut reasons = Vec::new();

    match rules.status {
        ProgramStatus::Published => {}
        ProgramStatus::Draft => reasons.push(Message::new("eligibility-not-published")),
        ProgramStatus::Archived => reasons.push(Message::new("eligibility-archived")),
    }
    if let Some(closes_on) = rules.closes_on {
        if today > closes_on {
            reasons.push(Message::new("eligibility-closed").date("date", closes_on));
        }
    }
    if !rules.allowed_job_families.is_empty() && !rules.allowed_job_families.contains(&employee.job_family) {
        let allowed: Vec<&'static str> = rules.allowed_job_families.iter().map(|f| f.stored_name()).collect();
        reasons.push(
            Message::new("eligibility-job-family")
                .number("count", allowed.len())
                .names("families", JobFamily::VOCABULARY, allowed)
                .names("yours", JobFamily::VOCABULARY, vec![employee.job_family.stored_name()]),
        );
    }
    if !rules.allowed_site_types.is_empty() && !rules.allowed_site_types.contains(&employee.site_type) {
        let allowed: Vec<&'static str> = rules.allowed_site_types.iter().map(|s| s.stored_name()).collect();
        reasons.push(Message::new("eligibility-site-type").either("sites", SITE_AT, allowed).names(
            "yours",
            SITE_AT,
            vec![employee.site_type.stored_name()],
        ));
    }
    if rules.full_time_only && employee.employment_type == EmploymentType::PartTime {
        reasons.push(Message::new("eligibility-full-time-only"));
    }

    let tenure_reached_on = tenure_date(employee.hire_date, rules.min_tenure_days);
    if !reasons.is_empty() {
        if tenure_reached_on > today {
            reasons.push(
                Message::new("eligibility-tenure")
                    .number("count", rules.min_tenure_days)
                    .date("date", tenure_reached_on),
            );
        }
        return Eligibility::Ineligible(reasons);
    }

    let window_opens_on = rules.opens_on.unwrap_or(today);
    let eligible_from = tenure_reached_on.max(window_opens_on);
    if eligible_from <= today {
        return Eligibility::Eligible;
    }
    match rules.closes_on {
        Some(closes_on) if eligible_from > closes_on => {
            Eligibility::Ineligible(vec![Message::new("eligibility-closes-before-tenure")
                .date("closes", closes_on)
                .number("count", rules.min_tenure_days)
                .date("date", tenure_reached_on)])
        }
        _ => Eligibility::EligibleFrom(eligible_from),
    }
}

/// The first day on which someone hired on `hire_date` has `min_tenure_days` of service.
fn tenure_date(hire_date: NaiveDate, min_tenure_days: i32) -> NaiveDate {
    let days = u64::try_from(min_tenure_days.max(0)).unwrap_or(0);
    hire_date.checked_add_days(Days::new(days)).unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Cents, JobFamily, SiteType, TuitionFunding};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    const TODAY: (i32, u32, u32) = (2026, 11, 26);

    fn today() -> NaiveDate {
        date(TODAY.0, TODAY.1, TODAY.2)
    }

    fn open_program() -> ProgramRules {
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

    fn associate(hired_days_ago: u64) -> EmployeeProfile {
        EmployeeProfile {
            job_family: JobFamily::Fulfillment,
            site_type: SiteType::FulfillmentCenter,
            employment_type: EmploymentType::FullTime,
            hire_date: today().checked_sub_days(Days::new(hired_days_ago)).unwrap(),
        }
    }

    #[test]
    fn an_open_program_is_open_to_everyone() {
        assert_eq!(check_eligibility(&associate(0), &open_program(), today()), Eligibility::Eligible);
    }

    #[test]
    fn tenure_is_counted_in_days_and_reached_on_the_day() {
        let rules = ProgramRules { min_tenure_days: 90, ..open_program() };
        assert_eq!(check_eligibility(&associate(90), &rules, today()), Eligibility::Eligible);
        assert_eq!(
            check_eligibility(&associate(30), &rules, today()),
            Eligibility::EligibleFrom(today().checked_add_days(Days::new(60)).unwrap())
        );
    }

    #[test]
    fn a_job_family_outside_the_list_is_ineligible_with_the_reason() {
        let rules = ProgramRules { allowed_job_families: vec![JobFamily::Technical], ..open_program() };
        let verdict = check_eligibility(&associate(400), &rules, today());
        assert_eq!(verdict.code(), "ineligible");
        let expected = Message::new("eligibility-job-family")
            .number("count", 1)
            .names("families", "job-family", vec!["technical"])
            .names("yours", "job-family", vec!["fulfillment"]);
        assert_eq!(verdict.reasons(), [expected]);
    }

    #[test]
    fn a_site_type_outside_the_list_is_ineligible_with_the_reason() {
        let rules =
            ProgramRules { allowed_site_types: vec![SiteType::TechHub, SiteType::CorporateOffice], ..open_program() };
        let verdict = check_eligibility(&associate(400), &rules, today());
        let expected = Message::new("eligibility-site-type")
            .either("sites", SITE_AT, vec!["tech_hub", "corporate_office"])
            .names("yours", SITE_AT, vec!["fulfillment_center"]);
        assert_eq!(verdict.reasons(), [expected]);
    }

    #[test]
    fn part_timers_are_refused_by_full_time_only_programs() {
        let rules = ProgramRules { full_time_only: true, ..open_program() };
        let part_timer = EmployeeProfile { employment_type: EmploymentType::PartTime, ..associate(400) };
        let reasons = check_eligibility(&part_timer, &rules, today()).reasons().to_vec();
        assert_eq!(reasons, [Message::new("eligibility-full-time-only")]);
        assert!(check_eligibility(&associate(400), &rules, today()).is_eligible());
    }

    #[test]
    fn every_reason_is_listed_including_missing_tenure() {
        let rules = ProgramRules {
            allowed_job_families: vec![JobFamily::Technical],
            full_time_only: true,
            min_tenure_days: 365,
            ..open_program()
        };
        let part_timer = EmployeeProfile { employment_type: EmploymentType::PartTime, ..associate(10) };
        let verdict = check_eligibility(&part_timer, &rules, today());
        assert_eq!(verdict.reasons().len(), 3);
        let tenure = Message::new("eligibility-tenure").number("count", 365).date("date", date(2027, 11, 16));
        assert_eq!(verdict.reasons()[2], tenure);
    }

    #[test]
    fn a_window_not_yet_open_makes_people_eligible_from_its_opening() {
        let opens_on = date(2027, 1, 15);
        let rules = ProgramRules { opens_on: Some(opens_on), ..open_program() };
        assert_eq!(check_eligibility(&associate(400), &rules, today()), Eligibility::EligibleFrom(opens_on));
    }

    #[test]
    fn the_later_of_window_opening_and_tenure_wins() {
        let rules = ProgramRules { opens_on: Some(date(2026, 12, 1)), min_tenure_days: 90, ..open_program() };
        let hired_recently = associate(10);
        assert_eq!(
            check_eligibility(&hired_recently, &rules, today()),
            Eligibility::EligibleFrom(hired_recently.hire_date.checked_add_days(Days::new(90)).unwrap())
        );
    }

    #[test]
    fn a_closed_window_is_ineligible() {
        let rules = ProgramRules { closes_on: Some(date(2026, 11, 25)), ..open_program() };
        assert_eq!(
            check_eligibility(&associate(400), &rules, today()).reasons(),
            [Message::new("eligibility-closed").date("date", date(2026, 11, 25))]
        );
        let closes_today = ProgramRules { closes_on: Some(today()), ..open_program() };
        assert!(check_eligibility(&associate(400), &closes_today, today()).is_eligible());
    }

    #[test]
    fn tenure_reached_only_after_the_window_closes_is_ineligible() {
        let rules = ProgramRules { closes_on: Some(date(2026, 12, 31)), min_tenure_days: 365, ..open_program() };
        let verdict = check_eligibility(&associate(30), &rules, today());
        assert_eq!(verdict.code(), "ineligible");
    }

    #[test]
    fn draft_and_archived_programs_take_no_applications() {
        for status in [ProgramStatus::Draft, ProgramStatus::Archived] {
            let rules = ProgramRules { status, ..open_program() };
            assert_eq!(check_eligibility(&associate(400), &rules, today()).code(), "ineligible");
        }
    }
}
