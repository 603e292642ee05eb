//! What the rules need to know about a program and about an employee.

use chrono::NaiveDate;

use super::{Cents, EmploymentType, JobFamily, ProgramStatus, SiteType};

/// How much of a tuition request a program pays, and up to what a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TuitionFunding {
    pub percent: i32,
    pub cap_full_time: Cents,
    pub cap_part_time: Cents,
}

impl TuitionFunding {
    /// The yearly cap that applies to this employment type. The one place the form, the
    /// decision queue, the catalog and the transactions learn it from.
    pub fn cap_for(&self, employment: EmploymentType) -> Cents {
        match employment {
            EmploymentType::FullTime => self.cap_full_time,
            EmploymentType::PartTime => self.cap_part_time,
        }
    }

    /// The company's share of a tuition amount.
    pub fn covered(&self, amount: Cents) -> Cents {
        amount.percent(self.percent)
    }
}

/// The eligibility and funding rules of one program (data, editable by admins).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgramRules {
    pub status: ProgramStatus,
    pub min_tenure_days: i32,
    /// Empty means every job family.
    pub allowed_job_families: Vec<JobFamily>,
    /// Empty means every site type.
    pub allowed_site_types: Vec<SiteType>,
    pub full_time_only: bool,
    pub opens_on: Option<NaiveDate>,
    pub closes_on: Option<NaiveDate>,
    pub funding: TuitionFunding,
}

/// The facts about an employee that eligibility depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmployeeProfile {
    pub job_family: JobFamily,
    pub site_type: SiteType,
    pub employment_type: EmploymentType,
    pub hire_date: NaiveDate,
}
