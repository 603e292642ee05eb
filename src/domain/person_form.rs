//! The administrators' form for one person's record.

use chrono::NaiveDate;

use super::enums::UnknownValue;
use super::forms::FieldErrors;
use super::text::one_line;
use super::{Email, EmploymentType, JobFamily, SiteType};

/// The form as typed; the two checkboxes are true when sent at all.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct PersonInput {
    pub display_name: String,
    pub job_title: String,
    pub job_family: String,
    pub site_type: String,
    pub employment_type: String,
    pub hire_date: String,
    pub manager_email: String,
    #[serde(deserialize_with = "super::forms::ticked")]
    pub is_admin: bool,
    #[serde(deserialize_with = "super::forms::ticked")]
    pub active: bool,
}

/// A person's record, checked. The manager is still an e-mail address: the caller
/// looks it up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonDraft {
    pub display_name: String,
    pub job_title: String,
    pub job_family: JobFamily,
    pub site_type: SiteType,
    pub employment_type: EmploymentType,
    pub hire_date: NaiveDate,
    pub manager_email: Option<Email>,
    pub is_admin: bool,
    pub active: bool,
}

fn pick<T: std::str::FromStr<Err = UnknownValue> + Copy>(
    errors: &mut FieldErrors,
    field: &'static str,
    value: &str,
    all: &[T],
    label: fn(T) -> &'static str,
) -> Option<T> {
    value.trim().parse().ok().or_else(|| {
        let names: Vec<&str> = all.iter().map(|v| label(*v)).collect();
        errors.add(field, format!("Choose one of: {}.", names.join(", ")));
        None
    })
}

/// Checks the form; `today` bounds the hire date.
pub fn parse_person(input: &PersonInput, today: NaiveDate) -> Result<PersonDraft, FieldErrors> {
    let mut errors = FieldErrors::default();
    let display_name = input.display_name.trim().to_owned();
    if display_name.is_empty() || display_name.chars().count() > 120 {
        errors.add("display_name", "Enter the person's name (at most 120 characters).");
    } else if let Err(message) = one_line(&display_name, "name") {
        errors.add("display_name", message);
    }
    let job_title = input.job_title.trim().to_owned();
    if job_title.chars().count() > 120 {
        errors.add("job_title", "Shorten the job title to at most 120 characters.");
    } else if let Err(message) = one_line(&job_title, "job title") {
        errors.add("job_title", message);
    }
    let job_family = pick(&mut errors, "job_family", &input.job_family, JobFamily::ALL, JobFamily::label);
    let site_type = pick(&mut errors, "site_type", &input.site_type, SiteType::ALL, SiteType::label);
    let employment_type =
        pick(&mut errors, "employment_type", &input.employment_type, EmploymentType::ALL, EmploymentType::label);
    let hire_date = match NaiveDate::parse_from_str(input.hire_date.trim(), "%Y-%m-%d") {
        Ok(date) if date > today => {
            errors.add("hire_date", "The hire date can't be in the future.");
            None
        }
        Ok(date) => Some(date),
        Err(_) => {
            errors.add("hire_date", "Enter a real hire date, for example 1 April 2021.");
            None
        }
    };
    let manager_email = match input.manager_email.trim() {
        "" => None,
        text => match Email::parse(text) {
            Ok(email) => Some(email),
            Err(message) => {
                errors.add("manager_email", message);
                None
            }
        },
    };
    match (job_family, site_type, employment_type, hire_date, errors.is_empty()) {
        (Some(job_family), Some(site_type), Some(employment_type), Some(hire_date), true) => Ok(PersonDraft {
            display_name,
            job_title,
            job_family,
            site_type,
            employment_type,
            hire_date,
            manager_email,
            is_admin: input.is_admin,
            active: input.active,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    fn good() -> PersonInput {
        PersonInput {
            display_name: "Fiona Associate".into(),
            job_title: "Associate".into(),
            job_family: "fulfillment".into(),
            site_type: "fulfillment_center".into(),
            employment_type: "full_time".into(),
            hire_date: "2024-11-26".into(),
            manager_email: "Maria.Manager@upskill.example".into(),
            is_admin: false,
            active: true,
        }
    }

    #[test]
    fn a_good_record_parses_with_the_manager_lower_cased() {
        let draft = parse_person(&good(), today()).unwrap();
        assert_eq!(draft.manager_email.unwrap().as_str(), "maria.manager@upskill.example");
        assert_eq!(
            parse_person(&PersonInput { manager_email: " ".into(), ..good() }, today()).unwrap().manager_email,
            None
        );
    }

    #[test]
    fn names_and_titles_are_one_visible_line() {
        for (name, expected) in [
            ("Eve\nBcc: everyone@upskill.example", "one line"),
            ("Eve\u{0}", "NUL"),
            ("Ada\u{200b} Admin", "invisible"),
            ("\u{202e}nimdA adA", "invisible"),
        ] {
            let errors = parse_person(&PersonInput { display_name: name.into(), ..good() }, today()).unwrap_err();
            assert!(errors.message("display_name").contains(expected), "{name:?}: {errors:?}");
        }
        let errors = parse_person(&PersonInput { job_title: "Lead\tEngineer".into(), ..good() }, today()).unwrap_err();
        assert!(errors.message("job_title").contains("control characters"), "{errors:?}");
    }

    #[test]
    fn each_bad_field_is_named() {
        let bad = PersonInput {
            display_name: " ".into(),
            job_family: "astronaut".into(),
            site_type: "".into(),
            employment_type: "gig".into(),
            hire_date: "2030-01-01".into(),
            manager_email: "not-an-email".into(),
            ..good()
        };
        let fields: Vec<&str> = parse_person(&bad, today()).unwrap_err().0.iter().map(|(f, _)| *f).collect();
        assert_eq!(
            fields,
            ["display_name", "job_family", "site_type", "employment_type", "hire_date", "manager_email"]
        );
    }
}
