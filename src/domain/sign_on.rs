//! Single sign-on rules: who the company's sign-on lets in, and what a person created at
//! their first sign-in starts with.

use chrono::NaiveDate;

use super::text::cleaned_line;
use super::{Email, EmploymentType, JobFamily, SiteType};

/// What single sign-on does with a person the company has vouched for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignOnDecision {
    /// An active employee: signed in.
    SignIn,
    /// Unknown, and provisioning is on: created, then signed in.
    Provision,
    /// Unknown to Upskill: HR must add them first.
    Unknown,
    /// Deactivated by HR: refused, whatever the company account says.
    Deactivated,
}

/// Decides from what Upskill knows of the e-mail: `None` when no employee has it, else
/// whether that employee is active.
pub fn decide(known_and_active: Option<bool>, provision: bool) -> SignOnDecision {
    match known_and_active {
        Some(true) => SignOnDecision::SignIn,
        Some(false) => SignOnDecision::Deactivated,
        None if provision => SignOnDecision::Provision,
        None => SignOnDecision::Unknown,
    }
}

/// The record of a person created at their first sign-in, until HR's next import fills
/// in the real facts. The defaults grant nothing a real record would not: tenure counts
/// from today, and no role but employee.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProvisionedPerson {
    pub email: Email,
    pub display_name: String,
    pub job_title: &'static str,
    pub job_family: JobFamily,
    pub site_type: SiteType,
    pub employment_type: EmploymentType,
    pub hire_date: NaiveDate,
}

/// The job title a provisioned person shows until HR's import sets the real one.
pub const PROVISIONED_JOB_TITLE: &str = "Employee";

impl ProvisionedPerson {
    /// `name` is the one the company account gives, if any, made fit for one line (its
    /// control and invisible characters dropped: the person can't correct it, and the
    /// company's directory is the authority on it); otherwise the name is made from the
    /// e-mail address (`jane.doe@…` → "Jane Doe").
    pub fn new(email: Email, name: Option<&str>, today: NaiveDate) -> ProvisionedPerson {
        let name = name.map(cleaned_line).filter(|n| !n.is_empty());
        let display_name = name.unwrap_or_else(|| name_from_email(&email));
        ProvisionedPerson {
            email,
            display_name: display_name.chars().take(200).collect(),
            job_title: PROVISIONED_JOB_TITLE,
            job_family: JobFamily::Corporate,
            site_type: SiteType::CorporateOffice,
            employment_type: EmploymentType::FullTime,
            hire_date: today,
        }
    }
}

/// A readable name from the local part of an address: separators become spaces and
/// each word gets a capital (`jane.doe-smith` → "Jane Doe Smith").
pub fn name_from_email(email: &Email) -> String {
    let local = email.as_str().split('@').next().unwrap_or_default();
    let local = local.split('+').next().unwrap_or_default();
    let words: Vec<String> = local
        .split(['.', '_', '-'])
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect(),
                None => String::new(),
            }
        })
        .collect();
    if words.is_empty() {
        email.as_str().to_owned()
    } else {
        words.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn email(text: &str) -> Email {
        Email::parse(text).unwrap()
    }

    #[test]
    fn only_active_employees_sign_in_and_unknown_ones_only_when_provisioning() {
        assert_eq!(decide(Some(true), false), SignOnDecision::SignIn);
        assert_eq!(decide(Some(true), true), SignOnDecision::SignIn);
        assert_eq!(decide(Some(false), false), SignOnDecision::Deactivated);
        assert_eq!(decide(Some(false), true), SignOnDecision::Deactivated);
        assert_eq!(decide(None, false), SignOnDecision::Unknown);
        assert_eq!(decide(None, true), SignOnDecision::Provision);
    }

    #[test]
    fn names_are_made_from_the_address_when_the_account_gives_none() {
        assert_eq!(name_from_email(&email("jane.doe@x.example")), "Jane Doe");
        assert_eq!(name_from_email(&email("jane_doe-smith+hr@x.example")), "Jane Doe Smith");
        assert_eq!(name_from_email(&email("émile@x.example")), "Émile");
        assert_eq!(name_from_email(&email("...@x.example")), "...@x.example");
    }

    #[test]
    fn a_provisioned_person_starts_with_todays_tenure_and_no_role() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let person = ProvisionedPerson::new(email("nina.new@x.example"), Some("  Nina   Newcomer "), today);
        assert_eq!(person.display_name, "Nina Newcomer");
        assert_eq!(person.hire_date, today);
        assert_eq!(person.job_title, PROVISIONED_JOB_TITLE);
        let unnamed = ProvisionedPerson::new(email("nina.new@x.example"), Some("   "), today);
        assert_eq!(unnamed.display_name, "Nina New");
        let hidden = ProvisionedPerson::new(email("nina.new@x.example"), Some("Nina\u{200b}\nNew\u{202e}comer"), today);
        assert_eq!(hidden.display_name, "Nina Newcomer");
        let nothing_visible = ProvisionedPerson::new(email("nina.new@x.example"), Some("\u{200b}\u{0}"), today);
        assert_eq!(nothing_visible.display_name, "Nina New");
    }
}
