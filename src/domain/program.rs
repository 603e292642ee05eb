//! What the rules need to know about a program and about an employee.

use chrono::NaiveDate;

use super::{Cents, EmploymentType, JobFamily, ProgramStatus, SiteType};

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
    pub tuition_percent: i32,
    pub annual_cap_full_time: Cents,
    pub annual_cap_part_time: Cents,
}

impl ProgramRules {
    /// The yearly tuition cap that applies to this employment type.
    pub fn annual_cap_for(&self, employment: EmploymentType) -> Cents {
        match employment {
            EmploymentType::FullTime => self.annual_cap_full_time,
            EmploymentType::PartTime => self.annual_cap_part_time,
        }
    }
}

/// The facts about an employee that eligibility depends on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmployeeProfile {
    pub job_family: JobFamily,
    pub site_type: SiteType,
    pub employment_type: EmploymentType,
    pub hire_date: NaiveDate,
}
